/**
 * @file yrkesresa/cycle.h
 * @brief The programme's yearly cycle: invoice statements per municipality (agreement items,
 *        course fees, kickback, net), budgets over several years, scenario comparison, checks
 *        of a column against its parts, and due dates (calendar days, or the next Swedish bank
 *        day).
 *
 * Every number the `yrkesresa statement`, `compare` and `stats check --parts` commands print
 * is decided here; the program only reads, labels and formats. As everywhere in libyrkesresa:
 * money is int64_t in the caller's unit, exact; a sum that does not fit is ::YR_ERR_OVERFLOW;
 * outputs are untouched on any error; no global state.
 *
 * The `_where` variants take a trailing ::yr_where (may be NULL), written on every return:
 * all ::YR_WHERE_NONE / NULL on ::YR_OK, else the offending element as documented per function.
 */
#ifndef YRKESRESA_CYCLE_H
#define YRKESRESA_CYCLE_H

#include "yrkesresa/common.h"
#include "yrkesresa/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One municipality's line on a statement (or the Summa line: the column sums). */
typedef struct yr_statement_row {
    int64_t total;    /**< the sum of its shares of the agreement items */
    int64_t fees;     /**< course fees (participant-days × fee), 0 without a pot settlement */
    int64_t kickback; /**< the December kickback from the trainer pot, 0 without one */
    int64_t net;      /**< total + fees - kickback: the amount to invoice (negative: a credit) */
} yr_statement_row;

/**
 * @brief A statement: agreement items split between municipalities by population, year by
 *        year, with each municipality's total, fees, kickback and net amount to invoice.
 *
 * Item i belongs to year @p year[i] (NULL: every item to year 0) and is split with that year's
 * weights, weights[year[i] * nparties .. + nparties - 1]. The items of one year are split
 * together with yr_split_table(), so each item's column adds exactly to its amount and each
 * municipality's sum over a year is within one unit of its exact quota of the year's total
 * (and equal to its largest-remainder share of it whenever a table allows that).
 *
 * The lines add up both ways, exactly: for every municipality r,
 *   rows[r].total == sum_i items[r * nitems + i] == sum_y year_totals[r * nyears + y] and
 *   rows[r].net == rows[r].total + rows[r].fees - rows[r].kickback;
 * and the Summa line @p sum holds the column sums, so
 *   sum->total == sum_i totals[i] == sum_y year_sums[y],
 *   year_sums[y] == sum_r year_totals[r * nyears + y] == sum of the amounts of year y's items,
 *   sum->net == sum->total + sum->fees - sum->kickback.
 *
 * Fees and kickbacks are those of yr_pot_settle() (rows[r].fees and rows[r].kickback of its
 * ::yr_pot_row, same municipality order); pass both NULL for a statement of items only.
 *
 * @param[in]  totals      nitems item amounts, each >= 0
 * @param[in]  year        nitems year indices (< nyears), or NULL: all items in year 0
 * @param[in]  nitems      number of items, >= 1
 * @param[in]  weights     nyears × nparties weights (year-major), each >= 0
 * @param[in]  nyears      number of years (weight sets), >= 1
 * @param[in]  nparties    number of municipalities, >= 1
 * @param[in]  fees        nparties fees >= 0, or NULL (then @p kickback must be NULL too)
 * @param[in]  kickback    nparties kickbacks >= 0, or NULL (then @p fees must be NULL too)
 * @param[out] items       nparties × nitems shares, row-major (caller owns)
 * @param[out] year_totals nparties × nyears: each municipality's sum per year, row-major; may
 *                         be NULL
 * @param[out] year_sums   nyears: the sum of each year's items (= the column sums of
 *                         @p year_totals); may be NULL
 * @param[out] rows        nparties lines
 * @param[out] sum         the Summa line (column sums)
 * @returns ::YR_OK; ::YR_ERR_NULL (a required pointer NULL, or only one of fees/kickback);
 *          ::YR_ERR_EMPTY (nitems, nyears or nparties 0); ::YR_ERR_NEGATIVE (an amount, weight,
 *          fee or kickback < 0); ::YR_ERR_RANGE (a year index >= nyears);
 *          ::YR_ERR_ZERO_WEIGHT (a year with a non-zero item has only zero weights);
 *          ::YR_ERR_OVERFLOW (a sum does not fit); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_statement(const int64_t *totals, const size_t *year, size_t nitems,
                              const int64_t *weights, size_t nyears, size_t nparties,
                              const int64_t *fees, const int64_t *kickback, int64_t *items,
                              int64_t *year_totals, int64_t *year_sums, yr_statement_row *rows,
                              yr_statement_row *sum);

/**
 * @brief yr_statement() reporting where an error is (see ::yr_where; NONE = ::YR_WHERE_NONE).
 *
 * An item's amount or year: column = the item, arg "totals" or "year"; the amounts adding up
 * beyond INT64_MAX: record and column NONE, arg "totals". A negative weight: record = the
 * municipality, column = the year, arg "weights"; a year with a non-zero item and only zero
 * weights: record NONE, column = the year, arg "weights". A negative fee or kickback: record =
 * the municipality, arg "fees" / "kickback". A line whose net does not fit: record = the
 * municipality, arg "fees"; a Summa sum that does not fit: record NONE, arg "fees" (fees or
 * net) or "kickback". A NULL pointer: arg NULL; only one of fees/kickback given: arg names the
 * missing one. Empty input: arg "totals" (nitems 0), "year" (nyears 0) or "weights" (nparties 0).
 */
YR_API yr_status yr_statement_where(const int64_t *totals, const size_t *year, size_t nitems,
                                    const int64_t *weights, size_t nyears, size_t nparties,
                                    const int64_t *fees, const int64_t *kickback, int64_t *items,
                                    int64_t *year_totals, int64_t *year_sums,
                                    yr_statement_row *rows, yr_statement_row *sum, yr_where *where);

/**
 * @brief yr_statement() with the agreements' models: each item a ::yr_item (an amount split by
 *        population, with or without an equal part, or a rate per inhabitant), so a statement
 *        with `--equal-part` or a rate item is computed here and nowhere else.
 *
 * Year by year, the year's items are split by yr_split_items() with that year's weights: the
 * split items together as one table (yr_split_table_mixed(): columns exact, rows the
 * largest-remainder share of the year's split items whenever a table allows), each rate item
 * by yr_rate_item(). The lines and the Summa line add up as in yr_statement(), rate items
 * included: rows[r].total is the sum of the municipality's cells, net = total + fees - kickback.
 * With plain items (yr_item_init()) the result is yr_statement()'s.
 *
 * @param[in]  items       nitems items (a rate item's total is not read)
 * @param[out] cells       nparties × nitems amounts, row-major
 * @param[out] item_totals nitems column sums (a split item's amount; a rate item's sum), or NULL
 * @returns as yr_statement(); ::YR_ERR_RANGE also for an item's model (yr_split_items()), and
 *          ::YR_ERR_OVERFLOW when rate items make a line or a sum not fit.
 * The other parameters are yr_statement()'s.
 */
YR_API yr_status yr_statement_items(const yr_item *items, const size_t *year, size_t nitems,
                                    const int64_t *weights, size_t nyears, size_t nparties,
                                    const int64_t *fees, const int64_t *kickback, int64_t *cells,
                                    int64_t *item_totals, int64_t *year_totals, int64_t *year_sums,
                                    yr_statement_row *rows, yr_statement_row *sum);

/**
 * @brief yr_statement_items() reporting where an error is: as yr_statement_where() (an item:
 *        column = the item, arg "totals" for the amount of an item that needs weights, else
 *        yr_split_items_where()'s arg: "items" for its model or total); a line whose rate items
 *        do not add up within int64: record = the municipality, column = the year, arg
 *        "totals".
 */
YR_API yr_status yr_statement_items_where(const yr_item *items, const size_t *year, size_t nitems,
                                          const int64_t *weights, size_t nyears, size_t nparties,
                                          const int64_t *fees, const int64_t *kickback,
                                          int64_t *cells, int64_t *item_totals,
                                          int64_t *year_totals, int64_t *year_sums,
                                          yr_statement_row *rows, yr_statement_row *sum,
                                          yr_where *where);

/**
 * @brief Check, row by row, that a column equals the sum of its part columns ("accounts =
 *        staff + managers"; a stated total against its items).
 *
 * For each row r: part_sums[r] = sum over k of table[r * ncols + parts[k]], and
 * diff[r] = part_sums[r] - table[r * ncols + whole] (the sign convention: sum of the parts minus
 * the stated value; positive when the stated value is too small). Example, seed 003: stated 32 850
 * 177, parts 24 646 080 + 4 929 216 + 3 286 144 = 32 861 440, diff = +11 263.
 *
 * @param[in]  table      nrows × ncols, row-major (may be NULL when nrows is 0)
 * @param[in]  nrows      rows (0 allowed: nothing mismatches)
 * @param[in]  ncols      columns, >= 2
 * @param[in]  whole      the column that should be the sum, < ncols
 * @param[in]  parts      nparts distinct column indices, each < ncols and != whole
 * @param[in]  nparts     >= 1
 * @param[out] part_sums nrows sums of the parts; may be NULL
 * @param[out] diff       nrows differences sum - stated; may be NULL
 * @param[out] mismatched the number of rows whose diff is not 0
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (ncols or nparts 0);
 *          ::YR_ERR_RANGE (a column index out of range, a part equal to @p whole or repeated);
 *          ::YR_ERR_OVERFLOW (a sum or difference does not fit).
 */
YR_API yr_status yr_check_parts(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                                const size_t *parts, size_t nparts, int64_t *part_sums,
                                int64_t *diff, size_t *mismatched);

/**
 * @brief yr_check_parts() reporting where an error is: a bad column index: column = it, arg
 *        "whole" or "parts"; an overflow: record = the row, arg "table".
 */
YR_API yr_status yr_check_parts_where(const int64_t *table, size_t nrows, size_t ncols,
                                      size_t whole, const size_t *parts, size_t nparts,
                                      int64_t *part_sums, int64_t *diff, size_t *mismatched,
                                      yr_where *where);

/**
 * @brief Check, row by row, that a column equals a rate times another column ("the trainer pot
 *        = 400 kr × participant-days", "fees = 600 kr × participant-days").
 *
 * For each row r: expected[r] = table[r * ncols + base] × rate_num / rate_den, rounded to a whole
 * unit half away from zero (exact in 128 bits; only a fractional rate can need the rounding), and
 * diff[r] = expected[r] - table[r * ncols + whole]: the same sign convention as
 * yr_check_parts() (computed minus stated; positive when the stated value is too small).
 * Example, Dalarna 2024: 289 participant-days × 400 = 115 600; a stated pot of 115 200 gives
 * diff = +400.
 *
 * @param[in]  table      nrows × ncols, row-major (may be NULL when nrows is 0)
 * @param[in]  nrows      rows (0 allowed: nothing mismatches)
 * @param[in]  ncols      columns, >= 2
 * @param[in]  whole      the column that should be rate × base, < ncols
 * @param[in]  base       the column the rate applies to, < ncols and != whole
 * @param[in]  rate_num   the rate's numerator (any sign)
 * @param[in]  rate_den   the rate's denominator, > 0
 * @param[out] expected   nrows computed values; may be NULL
 * @param[out] diff       nrows differences computed - stated; may be NULL
 * @param[out] mismatched the number of rows whose diff is not 0
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (ncols 0); ::YR_ERR_RANGE (a column out of
 *          range, base == whole, rate_den <= 0); ::YR_ERR_OVERFLOW (a computed value or a
 *          difference does not fit int64_t); nothing is written on an error.
 */
YR_API yr_status yr_check_rate(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                               size_t base, int64_t rate_num, int64_t rate_den, int64_t *expected,
                               int64_t *diff, size_t *mismatched);

/**
 * @brief yr_check_rate() reporting where an error is: a bad column: column = it, arg "whole" or
 *        "base"; a bad rate: arg "rate_den"; an overflow: record = the row, arg "table".
 */
YR_API yr_status yr_check_rate_where(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                                     size_t base, int64_t rate_num, int64_t rate_den,
                                     int64_t *expected, int64_t *diff, size_t *mismatched,
                                     yr_where *where);

/**
 * @brief Compare scenarios: @p nsplits splits of the same @p n municipalities (e.g. method A
 *        and B, with and without an equal part, one municipality opting out, last year's and
 *        this year's population) against the split @p base.
 *
 * splits holds split k at splits[k * n .. k * n + n - 1]. Outputs (each may be NULL):
 * diff[k * n + i] = splits[k * n + i] - splits[base * n + i] (split @p base gives zeros);
 * split_sums[k] = sum_i splits[k * n + i]; diff_sums[k] = sum_i diff[k * n + i]
 * (= split_sums[k] - split_sums[base]). All computed exactly before anything is written.
 *
 * @returns ::YR_OK; ::YR_ERR_NULL (splits NULL); ::YR_ERR_EMPTY (nsplits or n 0);
 *          ::YR_ERR_RANGE (base >= nsplits); ::YR_ERR_OVERFLOW (a difference or sum does not
 *          fit); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_compare(const int64_t *splits, size_t nsplits, size_t n, size_t base,
                            int64_t *diff, int64_t *split_sums, int64_t *diff_sums);

/**
 * @brief yr_compare() reporting where an error is: an overflow at a municipality: record = it,
 *        column = the split, arg "splits"; a sum: record NONE, column = the split; a bad base:
 *        arg "base".
 */
YR_API yr_status yr_compare_where(const int64_t *splits, size_t nsplits, size_t n, size_t base,
                                  int64_t *diff, int64_t *split_sums, int64_t *diff_sums,
                                  yr_where *where);

/**
 * @brief The number of days from 1970-01-01 to the civil (proleptic Gregorian) date
 *        @p y-@p m-@p d (negative before 1970). No time zone, no locale.
 * @param[in]  y 1..9999, m 1..12, d 1..the month's length (leap years: divisible by 4, not by
 *             100 unless by 400)
 * @param[out] days
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (no such date).
 */
YR_API yr_status yr_days_from_civil(int y, int m, int d, int64_t *days);

/** @brief yr_days_from_civil() that also says why: arg "d", ::YR_REASON_DATE (value[0..2] the
 *         date). @p where may be NULL. */
YR_API yr_status yr_days_from_civil_where(int y, int m, int d, int64_t *days, yr_where *where);

/**
 * @brief The civil date @p days after 1970-01-01 (the inverse of yr_days_from_civil()).
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (outside 0001-01-01 .. 9999-12-31; outputs
 *          untouched).
 */
YR_API yr_status yr_civil_from_days(int64_t days, int *y, int *m, int *d);

/** @brief yr_civil_from_days() that also says why: arg "days", ::YR_REASON_DAYS_RANGE.
 *         @p where may be NULL. */
YR_API yr_status yr_civil_from_days_where(int64_t days, int *y, int *m, int *d, yr_where *where);

/**
 * @brief Due date of an invoice: @p days calendar days after the invoice date ("30 dagar
 *        netto": 2025-01-31 + 30 = 2025-03-02). No shift for weekends or holidays.
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (no such invoice date, @p days < 0, or a due
 *          date past 9999-12-31; outputs untouched).
 */
YR_API yr_status yr_due_date(int y, int m, int d, int64_t days, int *due_y, int *due_m, int *due_d);

/** @brief yr_due_date() that also says why: the invoice date as yr_days_from_civil_where();
 *         arg "days" with ::YR_REASON_NEGATIVE or ::YR_REASON_DATE_PAST. @p where may be NULL. */
YR_API yr_status yr_due_date_where(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                   int *due_d, yr_where *where);

/**
 * @brief Whether a date is a Swedish bank day, and if not, why: Saturdays, Sundays, the public
 *        holidays (lag 1989:253 om allmänna helgdagar) and the eves on which Swedish banks are
 *        closed (midsommarafton, julafton, nyårsafton).
 *
 * Not bank days, from 2005 on: every Saturday ("lördag") and Sunday ("söndag"); nyårsdagen
 * (1 Jan), trettondedag jul (6 Jan), långfredagen (Good Friday), påskdagen, annandag påsk (Easter
 * Monday), första maj (1 May), Kristi himmelsfärdsdag (Easter + 39 days), pingstdagen,
 * Sveriges nationaldag (6 June), midsommarafton (the Friday 19–25 June), midsommardagen (the
 * Saturday 20–26 June), alla helgons dag (the Saturday 31 Oct – 6 Nov), julafton (24 Dec),
 * juldagen (25 Dec), annandag jul (26 Dec) and nyårsafton (31 Dec). Easter Sunday is computed
 * (the Gregorian computus). From 1953 to 2004 the rules were the same except that annandag pingst
 * (Whit Monday, Easter + 50 days) was a holiday and 6 June was not (the law changed on
 * 1 Jan 2005); these years follow those rules. Before 1953 (other midsommar and alla helgons
 * rules, and holidays that were later moved) nothing is decided: ::YR_ERR_RANGE.
 *
 * @param[in]  y, m, d   a date, 1953-01-01 .. 9999-12-31
 * @param[out] bank_day  1 for a bank day, 0 otherwise (untouched on error)
 * @param[out] reason    may be NULL; else the Swedish name of the holiday, or "lördag" /
 *                       "söndag" for a weekend day that is no holiday, or NULL for a bank day
 *                       (a static string; a holiday on a weekend is named by the holiday)
 * @returns ::YR_OK; ::YR_ERR_NULL (bank_day NULL); ::YR_ERR_RANGE (no such date, or before
 *          1953).
 */
YR_API yr_status yr_is_bank_day(int y, int m, int d, int *bank_day, const char **reason);

/** @brief yr_is_bank_day() that also says why: the date as yr_days_from_civil_where(); arg "y"
 *         with ::YR_REASON_BANK_DAY_YEAR before 1953. @p where may be NULL. */
YR_API yr_status yr_is_bank_day_where(int y, int m, int d, int *bank_day, const char **reason,
                                      yr_where *where);

/**
 * @brief Due date of an invoice on a Swedish bank day: @p days calendar days after the invoice
 *        date (yr_due_date()), moved forward to the next bank day (yr_is_bank_day()) when it is
 *        not one ("30 dagar netto": 2024-12-13 + 30 = Sunday 2025-01-12, due Monday 2025-01-13;
 *        2025-06-19 + 1 = midsommarafton 2025-06-20, due Monday 2025-06-23).
 *
 * yr_due_date() keeps its calendar-day rule; this is the due date Swedish invoices fall on.
 *
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (as yr_due_date(); a calendar due date before
 *          1953; a bank day past 9999-12-31; outputs untouched).
 */
YR_API yr_status yr_due_date_bank(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                  int *due_d);

/** @brief yr_due_date_bank() that also says why: as yr_due_date_where(); arg "days" with
 *         ::YR_REASON_BANK_DAY_YEAR (a calendar due date before 1953) or
 *         ::YR_REASON_BANK_DAY_PAST. @p where may be NULL. */
YR_API yr_status yr_due_date_bank_where(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                        int *due_d, yr_where *where);

#ifdef __cplusplus
}
#endif

#endif
