/* The yearly cycle: statements, budgets over years, scenario comparison, parts checks, dates.
 * See include/yrkesresa/cycle.h for the contract. */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/common.h"
#include "yrkesresa/cycle.h"
#include "yrkesresa/table.h"
#include "internal/round.h"
#include "internal/where.h"
#include "internal/wide.h"

/* dst[i] = v, for an optional output (dst may be NULL). */
static void put(int64_t *dst, size_t i, int64_t v)
{
    if (dst != NULL)
        dst[i] = v;
}

/* ---- Statement ---------------------------------------------------------------------------- */

/* Work space of a statement: everything is computed here, then copied out. */
typedef struct stmt_work {
    int64_t *cells;     /* nparties × nitems */
    int64_t *sub_tot;   /* nitems: one year's item amounts */
    size_t *sub_idx;    /* nitems: their item indices */
    int64_t *sub_out;   /* nparties × nitems: one year's split */
    yr_item *sub_items; /* nitems: one year's items (yr_statement_items) */
    int64_t *yt;        /* nparties × nyears */
    int64_t *ys;        /* nyears */
    yr_statement_row *rows;
} stmt_work;

static void stmt_free(stmt_work *w)
{
    free(w->cells);
    free(w->sub_tot);
    free(w->sub_idx);
    free(w->sub_out);
    free(w->sub_items);
    free(w->yt);
    free(w->ys);
    free(w->rows);
}

static yr_status stmt_alloc(stmt_work *w, size_t nitems, size_t nyears, size_t nparties)
{
    memset(w, 0, sizeof *w);
    if (nparties > SIZE_MAX / sizeof(int64_t) / nitems ||
        nparties > SIZE_MAX / sizeof(int64_t) / nyears)
        return YR_ERR_NOMEM;
    w->cells = malloc(nparties * nitems * sizeof(int64_t));
    w->sub_out = malloc(nparties * nitems * sizeof(int64_t));
    w->sub_tot = malloc(nitems * sizeof(int64_t));
    w->sub_idx = malloc(nitems * sizeof(size_t));
    w->sub_items = malloc(nitems * sizeof(yr_item));
    w->yt = calloc(nparties * nyears, sizeof(int64_t));
    w->ys = calloc(nyears, sizeof(int64_t));
    w->rows = malloc(nparties * sizeof(yr_statement_row));
    if (!w->cells || !w->sub_out || !w->sub_tot || !w->sub_idx || !w->sub_items || !w->yt ||
        !w->ys || !w->rows) {
        stmt_free(w);
        return YR_ERR_NOMEM;
    }
    return YR_OK;
}

/* Every input check that does not need the split. */
static yr_status stmt_validate(const int64_t *totals, const size_t *year, size_t nitems,
                               const int64_t *weights, size_t nyears, size_t nparties,
                               const int64_t *fees, const int64_t *kickback, yr_where *wh)
{
    const size_t NONE = YR_WHERE_NONE;
    int64_t all = 0;
    for (size_t i = 0; i < nitems; i++) {
        if (totals[i] < 0)
            return yr_where_why(wh, YR_ERR_NEGATIVE, NONE, i, "totals",
                                YR_WHY(YR_REASON_NEGATIVE_ITEM, totals[i]));
        if (year != NULL && year[i] >= nyears)
            return yr_where_why(wh, YR_ERR_RANGE, NONE, i, "year",
                                YR_WHY_NAMED(YR_REASON_INDEX_PAST, NULL, "years", (int64_t)year[i],
                                             (int64_t)nyears));
    }
    for (size_t i = 0; i < nitems; i++) /* then no line's total and no year's sum overflows */
        if (__builtin_add_overflow(all, totals[i], &all))
            return yr_where_arg_why(wh, YR_ERR_OVERFLOW, "totals", YR_WHY(YR_REASON_SUM_PAST, 0));
    for (size_t y = 0; y < nyears; y++)
        for (size_t r = 0; r < nparties; r++)
            if (weights[y * nparties + r] < 0)
                return yr_where_why(wh, YR_ERR_NEGATIVE, r, y, "weights",
                                    YR_WHY(YR_REASON_NEGATIVE, weights[y * nparties + r]));
    for (size_t y = 0; y < nyears; y++) {
        int any_weight = 0, any_amount = 0;
        for (size_t r = 0; r < nparties; r++)
            any_weight |= weights[y * nparties + r] != 0;
        for (size_t i = 0; i < nitems; i++)
            any_amount |= (year == NULL ? 0 : year[i]) == y && totals[i] != 0;
        if (any_amount && !any_weight)
            return yr_where_why(wh, YR_ERR_ZERO_WEIGHT, NONE, y, "weights",
                                YR_WHY(YR_REASON_YEAR_ZERO_WEIGHT, 0));
    }
    for (size_t r = 0; fees != NULL && r < nparties; r++) {
        if (fees[r] < 0)
            return yr_where_why(wh, YR_ERR_NEGATIVE, r, NONE, "fees",
                                YR_WHY(YR_REASON_NEGATIVE, fees[r]));
        if (kickback[r] < 0)
            return yr_where_why(wh, YR_ERR_NEGATIVE, r, NONE, "kickback",
                                YR_WHY(YR_REASON_NEGATIVE, kickback[r]));
    }
    return YR_OK;
}

/* Split year y's k items (gathered in w) into w->sub_out: a table of amounts, or of the items'
 * models when items is not NULL (yr_statement_items). */
static yr_status stmt_split_year(const yr_item *items, size_t k, const int64_t *weights,
                                 size_t nparties, stmt_work *w, yr_where *sw)
{
    if (items == NULL)
        return yr_split_table_where(w->sub_tot, k, weights, nparties, w->sub_out, sw);
    return yr_split_items_where(w->sub_items, k, weights, nparties, w->sub_out, NULL, sw);
}

/* Split each year's items with that year's weights into w->cells and sum w->yt. */
static yr_status stmt_split_years(const int64_t *totals, const yr_item *items, const size_t *year,
                                  size_t nitems, const int64_t *weights, size_t nyears,
                                  size_t nparties, stmt_work *w, yr_where *wh)
{
    for (size_t y = 0; y < nyears; y++) {
        size_t k = 0;
        for (size_t i = 0; i < nitems; i++)
            if ((year == NULL ? 0 : year[i]) == y) {
                w->sub_idx[k] = i;
                if (items != NULL)
                    w->sub_items[k] = items[i];
                w->sub_tot[k++] = totals[i];
            }
        if (k == 0)
            continue;
        yr_where sw;
        yr_status st = stmt_split_year(items, k, weights + y * nparties, nparties, w, &sw);
        if (st != YR_OK) {
            size_t col = sw.column < k ? w->sub_idx[sw.column] : YR_WHERE_NONE;
            if (sw.arg != NULL && strcmp(sw.arg, "weights") == 0)
                col = y; /* a weight: the column is the year */
            if (wh != NULL) {
                *wh = sw; /* the reason and its values, with the statement's location */
                wh->column = col;
            }
            return st;
        }
        for (size_t r = 0; r < nparties; r++) {
            int64_t s = 0;
            for (size_t j = 0; j < k; j++) { /* a rate item's amounts may add up past int64 */
                w->cells[r * nitems + w->sub_idx[j]] = w->sub_out[r * k + j];
                if (__builtin_add_overflow(s, w->sub_out[r * k + j], &s))
                    return yr_where_why(wh, YR_ERR_OVERFLOW, r, y, "totals",
                                        YR_WHY_NAMED(YR_REASON_SUM_PAST, "amounts", NULL, 0));
            }
            w->yt[r * nyears + y] = s;
        }
    }
    return YR_OK;
}

/* The lines (total, fees, kickback, net) and the Summa line, every sum checked. */
static yr_status stmt_lines(size_t nyears, size_t nparties, const int64_t *fees,
                            const int64_t *kickback, stmt_work *w, yr_statement_row *sum,
                            yr_where *wh)
{
    yr_statement_row s = {0, 0, 0, 0};
    for (size_t r = 0; r < nparties; r++) {
        yr_statement_row *row = &w->rows[r];
        row->total = 0;
        for (size_t y = 0; y < nyears; y++) /* rate items: not bounded by the amounts' sum */
            if (__builtin_add_overflow(row->total, w->yt[r * nyears + y], &row->total) ||
                __builtin_add_overflow(w->ys[y], w->yt[r * nyears + y], &w->ys[y]))
                return yr_where_why(wh, YR_ERR_OVERFLOW, r, y, "totals",
                                    YR_WHY_NAMED(YR_REASON_SUM_PAST, "amounts", NULL, 0));
        row->fees = fees != NULL ? fees[r] : 0;
        row->kickback = kickback != NULL ? kickback[r] : 0;
        if (__builtin_add_overflow(row->total, row->fees, &row->net) ||
            __builtin_sub_overflow(row->net, row->kickback, &row->net))
            return yr_where_why(wh, YR_ERR_OVERFLOW, r, YR_WHERE_NONE, "fees",
                                YR_WHY(YR_REASON_NET_PAST, row->total, row->fees, row->kickback));
        if (__builtin_add_overflow(s.total, row->total, &s.total))
            return yr_where_arg_why(wh, YR_ERR_OVERFLOW, "totals", YR_WHY(YR_REASON_SUM_PAST, 0));
        if (__builtin_add_overflow(s.fees, row->fees, &s.fees))
            return yr_where_arg_why(wh, YR_ERR_OVERFLOW, "fees", YR_WHY(YR_REASON_SUM_PAST, 0));
        if (__builtin_add_overflow(s.kickback, row->kickback, &s.kickback))
            return yr_where_arg_why(wh, YR_ERR_OVERFLOW, "kickback", YR_WHY(YR_REASON_SUM_PAST, 0));
        if (__builtin_add_overflow(s.net, row->net, &s.net))
            return yr_where_arg_why(wh, YR_ERR_OVERFLOW, "fees",
                                    YR_WHY_NAMED(YR_REASON_SUM_PAST, "nets", NULL, 0));
    }
    *sum = s;
    return YR_OK;
}

/* The statement of yr_statement_where (items NULL) and yr_statement_items_where (totals: the
 * amounts of the items that need weights, 0 for the others; item_totals may be NULL). */
static yr_status statement(const int64_t *totals, const yr_item *items, const size_t *year,
                           size_t nitems, const int64_t *weights, size_t nyears, size_t nparties,
                           const int64_t *fees, const int64_t *kickback, int64_t *cells,
                           int64_t *item_totals, int64_t *year_totals, int64_t *year_sums,
                           yr_statement_row *rows, yr_statement_row *sum, yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    yr_status st =
        stmt_validate(totals, year, nitems, weights, nyears, nparties, fees, kickback, where);
    if (st != YR_OK)
        return st;
    stmt_work w;
    st = stmt_alloc(&w, nitems, nyears, nparties);
    if (st != YR_OK)
        return yr_where_fail(where, st, NONE, NONE, NULL);
    yr_statement_row s;
    st = stmt_split_years(totals, items, year, nitems, weights, nyears, nparties, &w, where);
    if (st == YR_OK)
        st = stmt_lines(nyears, nparties, fees, kickback, &w, &s, where);
    if (st == YR_OK) {
        memcpy(cells, w.cells, nparties * nitems * sizeof(int64_t));
        for (size_t i = 0; item_totals != NULL && i < nitems; i++) {
            item_totals[i] = 0; /* each column's sum fits: yr_split_items checked it */
            for (size_t r = 0; r < nparties; r++)
                item_totals[i] += w.cells[r * nitems + i];
        }
        if (year_totals != NULL)
            memcpy(year_totals, w.yt, nparties * nyears * sizeof(int64_t));
        if (year_sums != NULL)
            memcpy(year_sums, w.ys, nyears * sizeof(int64_t));
        memcpy(rows, w.rows, nparties * sizeof(yr_statement_row));
        *sum = s;
        yr_where_clear(where);
    }
    stmt_free(&w);
    return st;
}

/* The pointers and counts both forms need. */
static yr_status stmt_args(const void *totals, const int64_t *weights, const int64_t *items,
                           const yr_statement_row *rows, const yr_statement_row *sum,
                           const int64_t *fees, const int64_t *kickback, size_t nitems,
                           size_t nyears, size_t nparties, yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    if (totals == NULL || weights == NULL || items == NULL || rows == NULL || sum == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, NULL);
    if ((fees == NULL) != (kickback == NULL))
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, fees == NULL ? "fees" : "kickback");
    if (nitems == 0 || nyears == 0 || nparties == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY,
                                nitems == 0   ? "totals"
                                : nyears == 0 ? "year"
                                              : "weights",
                                YR_WHY(YR_REASON_EMPTY, 0));
    return YR_OK;
}

YR_API yr_status yr_statement_where(const int64_t *totals, const size_t *year, size_t nitems,
                                    const int64_t *weights, size_t nyears, size_t nparties,
                                    const int64_t *fees, const int64_t *kickback, int64_t *items,
                                    int64_t *year_totals, int64_t *year_sums,
                                    yr_statement_row *rows, yr_statement_row *sum, yr_where *where)
{
    yr_status st = stmt_args(totals, weights, items, rows, sum, fees, kickback, nitems, nyears,
                             nparties, where);
    if (st != YR_OK)
        return st;
    return statement(totals, NULL, year, nitems, weights, nyears, nparties, fees, kickback, items,
                     NULL, year_totals, year_sums, rows, sum, where);
}

YR_API yr_status yr_statement_items_where(const yr_item *items, const size_t *year, size_t nitems,
                                          const int64_t *weights, size_t nyears, size_t nparties,
                                          const int64_t *fees, const int64_t *kickback,
                                          int64_t *cells, int64_t *item_totals,
                                          int64_t *year_totals, int64_t *year_sums,
                                          yr_statement_row *rows, yr_statement_row *sum,
                                          yr_where *where)
{
    yr_status st = stmt_args(items, weights, cells, rows, sum, fees, kickback, nitems, nyears,
                             nparties, where);
    if (st != YR_OK)
        return st;
    /* The amounts that need weights, for the checks of yr_statement (a rate item, or an item
     * shared wholly equally, needs none; their models are checked by yr_split_items). */
    int64_t *need = malloc(nitems * sizeof *need);
    if (need == NULL)
        return yr_where_fail(where, YR_ERR_NOMEM, YR_WHERE_NONE, YR_WHERE_NONE, NULL);
    for (size_t i = 0; i < nitems; i++)
        need[i] =
            items[i].rate_den != 0 || items[i].equal_num == items[i].equal_den ? 0 : items[i].total;
    st = statement(need, items, year, nitems, weights, nyears, nparties, fees, kickback, cells,
                   item_totals, year_totals, year_sums, rows, sum, where);
    free(need);
    return st;
}

YR_API yr_status yr_statement_items(const yr_item *items, const size_t *year, size_t nitems,
                                    const int64_t *weights, size_t nyears, size_t nparties,
                                    const int64_t *fees, const int64_t *kickback, int64_t *cells,
                                    int64_t *item_totals, int64_t *year_totals, int64_t *year_sums,
                                    yr_statement_row *rows, yr_statement_row *sum)
{
    return yr_statement_items_where(items, year, nitems, weights, nyears, nparties, fees, kickback,
                                    cells, item_totals, year_totals, year_sums, rows, sum, NULL);
}

YR_API yr_status yr_statement(const int64_t *totals, const size_t *year, size_t nitems,
                              const int64_t *weights, size_t nyears, size_t nparties,
                              const int64_t *fees, const int64_t *kickback, int64_t *items,
                              int64_t *year_totals, int64_t *year_sums, yr_statement_row *rows,
                              yr_statement_row *sum)
{
    return yr_statement_where(totals, year, nitems, weights, nyears, nparties, fees, kickback,
                              items, year_totals, year_sums, rows, sum, NULL);
}

/* ---- Parts check -------------------------------------------------------------------------- */

static yr_status parts_validate(size_t ncols, size_t whole, const size_t *parts, size_t nparts,
                                yr_where *wh)
{
    const size_t NONE = YR_WHERE_NONE;
    if (whole >= ncols)
        return yr_where_why(wh, YR_ERR_RANGE, NONE, whole, "whole",
                            YR_WHY(YR_REASON_COLUMN_PAST, (int64_t)whole, (int64_t)ncols));
    for (size_t k = 0; k < nparts; k++) {
        if (parts[k] >= ncols || parts[k] == whole)
            return yr_where_why(
                wh, YR_ERR_RANGE, NONE, parts[k], "parts",
                parts[k] == whole
                    ? YR_WHY(YR_REASON_PART_IS_WHOLE, (int64_t)parts[k])
                    : YR_WHY(YR_REASON_COLUMN_PAST, (int64_t)parts[k], (int64_t)ncols));
        for (size_t j = 0; j < k; j++)
            if (parts[j] == parts[k])
                return yr_where_why(wh, YR_ERR_RANGE, NONE, parts[k], "parts",
                                    YR_WHY(YR_REASON_PART_TWICE, (int64_t)parts[k]));
    }
    return YR_OK;
}

/* The sum of row r's parts and its difference from the stated value; 0 when they fit. */
static int parts_row(const int64_t *row, const size_t *parts, size_t nparts, size_t whole,
                     int64_t *sum, int64_t *diff)
{
    int64_t s = 0;
    for (size_t k = 0; k < nparts; k++)
        if (__builtin_add_overflow(s, row[parts[k]], &s))
            return -1;
    if (__builtin_sub_overflow(s, row[whole], diff))
        return -1;
    *sum = s;
    return 0;
}

YR_API yr_status yr_check_parts_where(const int64_t *table, size_t nrows, size_t ncols,
                                      size_t whole, const size_t *parts, size_t nparts,
                                      int64_t *part_sums, int64_t *diff, size_t *mismatched,
                                      yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    if (parts == NULL || mismatched == NULL || (nrows > 0 && table == NULL))
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, NULL);
    if (ncols == 0 || nparts == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, ncols == 0 ? "table" : "parts",
                                YR_WHY(YR_REASON_EMPTY, 0));
    yr_status st = parts_validate(ncols, whole, parts, nparts, where);
    if (st != YR_OK)
        return st;
    /* First pass: every sum and difference must fit before anything is written. */
    for (size_t r = 0; r < nrows; r++) {
        int64_t s, d;
        if (parts_row(table + r * ncols, parts, nparts, whole, &s, &d) != 0)
            return yr_where_why(where, YR_ERR_OVERFLOW, r, NONE, "table",
                                YR_WHY(YR_REASON_ROW_PAST, 0));
    }
    size_t bad = 0;
    for (size_t r = 0; r < nrows; r++) {
        int64_t s = 0, d = 0;
        (void)parts_row(table + r * ncols, parts, nparts, whole, &s, &d);
        bad += d != 0;
        put(part_sums, r, s);
        put(diff, r, d);
    }
    *mismatched = bad;
    yr_where_clear(where);
    return YR_OK;
}

YR_API yr_status yr_check_parts(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                                const size_t *parts, size_t nparts, int64_t *part_sums,
                                int64_t *diff, size_t *mismatched)
{
    return yr_check_parts_where(table, nrows, ncols, whole, parts, nparts, part_sums, diff,
                                mismatched, NULL);
}

/* ---- Rate check --------------------------------------------------------------------------- */

/* Row r's computed value base × num / den (rounded half away from zero) and its difference from
 * the stated value; 0 when they fit in int64_t. */
static int rate_row(const int64_t *row, size_t whole, size_t base, int64_t num, int64_t den,
                    int64_t *expected, int64_t *diff)
{
    int64_t q;
    if (!yr_round_ratio(row[base], num, den, &q) || __builtin_sub_overflow(q, row[whole], diff))
        return -1;
    *expected = q;
    return 0;
}

YR_API yr_status yr_check_rate_where(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                                     size_t base, int64_t rate_num, int64_t rate_den,
                                     int64_t *expected, int64_t *diff, size_t *mismatched,
                                     yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    if (mismatched == NULL || (nrows > 0 && table == NULL))
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, NULL);
    if (ncols == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "table", YR_WHY(YR_REASON_EMPTY, 0));
    if (whole >= ncols)
        return yr_where_why(where, YR_ERR_RANGE, NONE, whole, "whole",
                            YR_WHY(YR_REASON_COLUMN_PAST, (int64_t)whole, (int64_t)ncols));
    if (base >= ncols || base == whole)
        return yr_where_why(where, YR_ERR_RANGE, NONE, base, "base",
                            base == whole
                                ? YR_WHY(YR_REASON_PART_IS_WHOLE, (int64_t)base)
                                : YR_WHY(YR_REASON_COLUMN_PAST, (int64_t)base, (int64_t)ncols));
    if (rate_den <= 0)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "rate_den",
            YR_WHY_NAMED(YR_REASON_DENOMINATOR, "rate", NULL, rate_num, rate_den));
    /* Count first: every value and difference must fit before anything is written. */
    size_t bad = 0;
    int64_t e, d;
    for (size_t r = 0; r < nrows; r++) {
        if (rate_row(table + r * ncols, whole, base, rate_num, rate_den, &e, &d) != 0)
            return yr_where_why(
                where, YR_ERR_OVERFLOW, r, NONE, "table",
                YR_WHY(YR_REASON_ROW_RATE_PAST, table[r * ncols + base], 0, rate_num, rate_den));
        bad += d != 0;
    }
    for (size_t r = 0; r < nrows && (expected != NULL || diff != NULL); r++) {
        (void)rate_row(table + r * ncols, whole, base, rate_num, rate_den, &e, &d);
        put(expected, r, e);
        put(diff, r, d);
    }
    *mismatched = bad;
    yr_where_clear(where);
    return YR_OK;
}

YR_API yr_status yr_check_rate(const int64_t *table, size_t nrows, size_t ncols, size_t whole,
                               size_t base, int64_t rate_num, int64_t rate_den, int64_t *expected,
                               int64_t *diff, size_t *mismatched)
{
    return yr_check_rate_where(table, nrows, ncols, whole, base, rate_num, rate_den, expected, diff,
                               mismatched, NULL);
}

/* ---- Scenario comparison ------------------------------------------------------------------ */

/* First pass of yr_compare: 0 when every difference and sum fits, else the status. */
static yr_status compare_check(const int64_t *splits, size_t nsplits, size_t n, size_t base,
                               yr_where *wh)
{
    const int64_t *b = splits + base * n;
    int64_t base_sum = 0;
    for (size_t i = 0; i < n; i++)
        if (__builtin_add_overflow(base_sum, b[i], &base_sum))
            return yr_where_why(wh, YR_ERR_OVERFLOW, YR_WHERE_NONE, base, "splits",
                                YR_WHY(YR_REASON_SPLIT_SUM_PAST, (int64_t)base, (int64_t)base));
    for (size_t k = 0; k < nsplits; k++) {
        int64_t s = 0, ds = 0, d;
        for (size_t i = 0; i < n; i++) {
            if (__builtin_sub_overflow(splits[k * n + i], b[i], &d))
                return yr_where_why(wh, YR_ERR_OVERFLOW, i, k, "splits",
                                    YR_WHY(YR_REASON_DIFF_PAST, splits[k * n + i], b[i]));
            if (__builtin_add_overflow(s, splits[k * n + i], &s) ||
                __builtin_add_overflow(ds, d, &ds))
                return yr_where_why(wh, YR_ERR_OVERFLOW, YR_WHERE_NONE, k, "splits",
                                    YR_WHY(YR_REASON_SPLIT_SUM_PAST, (int64_t)k, (int64_t)base));
        }
    }
    return YR_OK;
}

YR_API yr_status yr_compare_where(const int64_t *splits, size_t nsplits, size_t n, size_t base,
                                  int64_t *diff, int64_t *split_sums, int64_t *diff_sums,
                                  yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    if (splits == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, "splits");
    if (nsplits == 0 || n == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "splits", YR_WHY(YR_REASON_EMPTY, 0));
    if (base >= nsplits)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "base",
            YR_WHY_NAMED(YR_REASON_INDEX_PAST, NULL, "splits", (int64_t)base, (int64_t)nsplits));
    yr_status st = compare_check(splits, nsplits, n, base, where);
    if (st != YR_OK)
        return st;
    const int64_t *b = splits + base * n;
    for (size_t k = 0; k < nsplits; k++) {
        int64_t s = 0, ds = 0;
        for (size_t i = 0; i < n; i++) {
            int64_t d = splits[k * n + i] - b[i]; /* fits: checked above */
            s += splits[k * n + i];
            ds += d;
            put(diff, k * n + i, d);
        }
        put(split_sums, k, s);
        put(diff_sums, k, ds);
    }
    yr_where_clear(where);
    return YR_OK;
}

YR_API yr_status yr_compare(const int64_t *splits, size_t nsplits, size_t n, size_t base,
                            int64_t *diff, int64_t *split_sums, int64_t *diff_sums)
{
    return yr_compare_where(splits, nsplits, n, base, diff, split_sums, diff_sums, NULL);
}

/* ---- Dates -------------------------------------------------------------------------------- */

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

/* Days from 1970-01-01 by the era method: a 400-year era has 146 097 days; the year starts in
 * March so the leap day is last. Valid for years >= 1. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = y / 400; /* y >= 0 here */
    int64_t yoe = y - era * 400;
    int64_t mp = (m + 9) % 12; /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

#define YR_DAYS_MIN (-719162) /* 0001-01-01 */
#define YR_DAYS_MAX 2932896   /* 9999-12-31 */

YR_API yr_status yr_days_from_civil_where(int y, int m, int d, int64_t *days, yr_where *where)
{
    yr_where_clear(where);
    if (days == NULL)
        return yr_where_arg(where, YR_ERR_NULL, "days");
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > month_length(y, m))
        return yr_where_arg_why(where, YR_ERR_RANGE, "d", YR_WHY(YR_REASON_DATE, y, m, d));
    *days = days_from_civil(y, m, d);
    return YR_OK;
}

YR_API yr_status yr_days_from_civil(int y, int m, int d, int64_t *days)
{
    return yr_days_from_civil_where(y, m, d, days, NULL);
}

YR_API yr_status yr_civil_from_days_where(int64_t days, int *y, int *m, int *d, yr_where *where)
{
    yr_where_clear(where);
    if (y == NULL || m == NULL || d == NULL)
        return yr_where_arg(where, YR_ERR_NULL, y == NULL ? "y" : m == NULL ? "m" : "d");
    if (days < YR_DAYS_MIN || days > YR_DAYS_MAX)
        return yr_where_arg_why(where, YR_ERR_RANGE, "days", YR_WHY(YR_REASON_DAYS_RANGE, days));
    int64_t z = days + 719468; /* >= 306 here */
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = (int)mm;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    return YR_OK;
}

YR_API yr_status yr_civil_from_days(int64_t days, int *y, int *m, int *d)
{
    return yr_civil_from_days_where(days, y, m, d, NULL);
}

YR_API yr_status yr_due_date_where(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                   int *due_d, yr_where *where)
{
    yr_where_clear(where);
    if (due_y == NULL || due_m == NULL || due_d == NULL)
        return yr_where_arg(where, YR_ERR_NULL,
                            due_y == NULL   ? "due_y"
                            : due_m == NULL ? "due_m"
                                            : "due_d");
    int64_t start;
    yr_status st = yr_days_from_civil_where(y, m, d, &start, where);
    if (st != YR_OK)
        return st;
    if (days < 0)
        return yr_where_arg_why(where, YR_ERR_RANGE, "days", YR_WHY(YR_REASON_NEGATIVE, days));
    if (days > YR_DAYS_MAX - start)
        return yr_where_arg_why(where, YR_ERR_RANGE, "days",
                                YR_WHY(YR_REASON_DATE_PAST, y, m, d, days));
    return yr_civil_from_days_where(start + days, due_y, due_m, due_d, where);
}

YR_API yr_status yr_due_date(int y, int m, int d, int64_t days, int *due_y, int *due_m, int *due_d)
{
    return yr_due_date_where(y, m, d, days, due_y, due_m, due_d, NULL);
}
