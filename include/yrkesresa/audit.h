/**
 * @file yrkesresa/audit.h
 * @brief Audit of a published split ("kontrollräkna", SPEC §2) and of a multi-item table
 *        (yr_audit_table(), SPEC §6).
 */
#ifndef YRKESRESA_AUDIT_H
#define YRKESRESA_AUDIT_H

#include "yrkesresa/common.h"
#include "yrkesresa/split.h"
#include "yrkesresa/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One row of an audit. The exact quota is quota_whole + quota_rem / quota_den (summary). */
typedef struct yr_audit_row {
    int64_t quota_whole; /**< floor of the exact quota stated_total * w / W */
    int64_t quota_rem;   /**< 0 <= quota_rem < quota_den */
    int64_t expected;    /**< the largest-remainder amount for this row */
    int64_t diff;        /**< published - expected */
    int within_quota;    /**< 1 when published is floor or ceiling of the exact quota */
} yr_audit_row;

/** What the audit found for the whole table. */
typedef struct yr_audit_summary {
    int64_t stated_total;      /**< the total the document states */
    int64_t published_sum;     /**< sum of the published rows */
    int64_t sum_diff;          /**< published_sum - stated_total */
    int64_t quota_den;         /**< W, the sum of the weights: the quotas' common denominator */
    size_t rows_differing;     /**< rows whose published amount differs from largest remainder */
    size_t rows_outside_quota; /**< rows more than one unit away from their exact quota */
    unsigned methods_matching; /**< bit (1u << m) set when method m reproduces every row */
} yr_audit_summary;

/**
 * @brief Recompute a published split and say what is wrong with it.
 *
 * Every method of ::yr_method is run on (stated_total, weights); a method matches when it
 * reproduces every published row exactly (divisor methods are skipped for a negative total).
 *
 * @param[in]  stated_total the total the document states
 * @param[in]  weights      n non-negative weights (e.g. population)
 * @param[in]  published    n published amounts
 * @param[in]  n            rows, >= 1
 * @param[out] summary      the table-level findings (untouched on error)
 * @param[out] rows         n per-row findings (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY; ::YR_ERR_NEGATIVE (a weight < 0);
 *          ::YR_ERR_ZERO_WEIGHT; ::YR_ERR_OVERFLOW (the weights' or the rows' sum does not fit
 *          int64); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_audit_split(int64_t stated_total, const int64_t *weights,
                                const int64_t *published, size_t n, yr_audit_summary *summary,
                                yr_audit_row *rows);

/**
 * @brief yr_audit_split() that also says where an error comes from (see ::yr_where; @p where
 *        may be NULL and is written on every return).
 *
 * Locations: a negative weight -> record i, arg "weights"; the weights' sum does not fit ->
 * arg "weights"; the published rows' sum does not fit -> arg "published"; a row whose
 * difference published - expected does not fit -> record i, arg "published"; n == 0 or all
 * weights 0 -> arg "weights"; the sum's difference does not fit -> arg "stated_total"; a NULL
 * pointer -> arg its name ("weights", "published", "summary"). @p rows may be NULL: the summary
 * only (then a caller that wants a row computes it with yr_audit_row_of(), as the program does
 * on large files).
 */
YR_API yr_status yr_audit_split_where(int64_t stated_total, const int64_t *weights,
                                      const int64_t *published, size_t n, yr_audit_summary *summary,
                                      yr_audit_row *rows, yr_where *where);

/**
 * @brief One row of an audit, as yr_audit_split() computes it: the exact quota
 *        stated_total * weight / quota_den (floor and remainder), the difference
 *        published - expected and whether published is the floor or the ceiling of the quota.
 *
 * For callers that audit row by row without an array of ::yr_audit_row (the `yrkesresa`
 * program on large files): the same rule, not a copy of it. @p expected is the row's
 * largest-remainder amount (yr_split() of @p stated_total) and @p quota_den the sum of the
 * weights (1 when it is 0), as in ::yr_audit_summary.
 *
 * @param[out] row the findings (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (quota_den <= 0, or weight < 0);
 *          ::YR_ERR_OVERFLOW (published - expected, or the quota, does not fit int64).
 */
YR_API yr_status yr_audit_row_of(int64_t stated_total, int64_t weight, int64_t quota_den,
                                 int64_t published, int64_t expected, yr_audit_row *row);

/**
 * @brief yr_audit_row_of() that also says why (see ::yr_where): arg "quota_den"
 *        (::YR_REASON_NOT_POSITIVE), "weight" (::YR_REASON_NEGATIVE), "stated_total"
 *        (::YR_REASON_QUOTA_PAST) or "published" (::YR_REASON_DIFF_PAST).
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_audit_row_of_where(int64_t stated_total, int64_t weight, int64_t quota_den,
                                       int64_t published, int64_t expected, yr_audit_row *row,
                                       yr_where *where);

/** The verdict of yr_audit_table(). */
typedef enum yr_table_verdict {
    YR_TABLE_REPRODUCED = 0,   /**< every cell is the one yr_split_items() gives (the table split of
                                    yr_split_table(), with the items' models), and every stated
                                    row total and net adds up */
    YR_TABLE_KEEPS_RULES = 1,  /**< every rule of a table split holds (columns, cells, rows,
                                    models, totals, net), but other cells are rounded up than
                                    yr_split_items() rounds (the rules do not fix which cells) */
    YR_TABLE_BREAKS_RULES = 2, /**< a column, cell, row, row total or net breaks a rule: see the
                                    counts of ::yr_audit_table_summary */
    YR_TABLE_VERDICT_COUNT = 3 /**< number of values, not a value */
} yr_table_verdict;

/** One item (column) of a table audit. */
typedef struct yr_audit_item {
    int64_t stated_total;   /**< the item's stated total (yr_item::total) */
    int64_t expected_total; /**< the total of yr_split_items(): the stated total of a split
                                 item, the sum of the rate's amounts of a rate item */
    int64_t published_sum;  /**< the sum of the published column */
    int64_t sum_diff;       /**< published_sum - stated_total */
    size_t cells_differing; /**< cells that differ from yr_split_items()'s table */
    size_t cells_off_quota; /**< cells outside the floor and ceiling of their exact quota (a
                                 rate item: cells other than its rate's amount) */
    size_t cells_off_alone; /**< cells that differ from the column split on its own (largest
                                 remainder: yr_split_mixed(); a rate item: yr_rate_item()) —
                                 what an audit of this one column (yr_audit_split()) reports;
                                 a table split may differ here and still keep every rule */
} yr_audit_item;

/** One row (party) of a table audit. Split items are the items that are not rate items. */
typedef struct yr_audit_table_row {
    int64_t published;         /**< the sum of its published split-item cells */
    int64_t expected;          /**< the same sum in yr_split_items()'s table: the row the table
                                    rule gives */
    int64_t largest_remainder; /**< its largest-remainder share of the split items' grand total
                                    on its exact row quota (the table rule gives exactly this
                                    whenever some table allows it) */
    int64_t diff;              /**< published - expected */
    int within_quota;          /**< 1 when published is the floor or ceiling of the row quota */
    int64_t items_sum;         /**< the sum of all its published cells, rate items included */
    int64_t total_diff;        /**< stated row total - items_sum (0 without stated totals) */
    int64_t net_expected;      /**< items_sum + fees - kickback (0 without a net check) */
    int64_t net_diff;          /**< stated net - net_expected (0 without a net check) */
} yr_audit_table_row;

/** One cell of a table audit. */
typedef struct yr_audit_cell {
    int64_t quota_whole; /**< the exact quota (yr_item_quota()): whole + rem / den, whole the
                              floor; write it with yr_quota_text() */
    int64_t quota_rem;   /**< 0 <= quota_rem < quota_den */
    int64_t quota_den;   /**< > 0 */
    int64_t expected;    /**< yr_split_items()'s cell */
    int64_t diff;        /**< published - expected */
    int within_quota;    /**< split item: published is the floor or ceiling of the quota; rate
                              item: published is the rate's amount */
} yr_audit_cell;

/** What a table audit found. */
typedef struct yr_audit_table_summary {
    yr_table_verdict verdict; /**< see ::yr_table_verdict */
    size_t columns_off;       /**< items whose published column does not add to its stated
                                   total (a rate item: to the sum of its rate's amounts) */
    size_t cells_off_quota;   /**< cells breaking their model (see ::yr_audit_cell) */
    size_t rows_off_rule;     /**< rows whose split-item sum differs from the table rule's */
    size_t rows_not_lr;       /**< rows whose split-item sum differs from its largest-remainder
                                   share (information: the table rule keeps these shares
                                   whenever a table allows; a table where it cannot has rows
                                   here that break no rule) */
    size_t cells_differing;   /**< cells that differ from yr_split_items()'s table */
    size_t rows_total_off;    /**< stated row totals that are not the sum of the row's cells */
    size_t rows_net_off;      /**< rows whose stated net is not total + fees - kickback */
} yr_audit_table_summary;

/**
 * @brief Audit a multi-item table (a statement's item columns) against its weights: every
 *        column adds to its total, every cell is within one unit of its quota, every row is
 *        the table rule's row — and whether it is exactly yr_split_items()'s table.
 *
 * Why not yr_audit_split() per column: a table split (yr_split_table()) keeps the rows and the
 * columns consistent, so a cell is not always its column's own largest-remainder amount (Falun's
 * 850 000 kr coordinator share in the 2024 statement is 176 117, where a lone split gives
 * 176 118), and an audit of one column reports such rows as differing with no method matching.
 * This audit checks the rules the table keeps:
 *  - columns: each published column adds exactly to its stated total; a rate item's column to
 *    the sum of its rate's amounts (which is also what its stated total must be);
 *  - cells: each cell of a split item is the floor or ceiling of its exact quota
 *    (yr_item_quota(): the equal part included), each cell of a rate item is exactly
 *    round(rate × weight), half away from zero (yr_rate_item());
 *  - rows: each row's sum over the split items is the row yr_split_items() gives, i.e. the
 *    party's largest-remainder share of the split items' sum whenever some table allows it
 *    (yr_split_table_mixed()'s rule, which fixes every row), and it is within one unit of the
 *    row's exact quota;
 *  - a statement's own columns, when given: the stated row total is the sum of the row's cells
 *    (rate items included), and net = total + fees - kickback.
 * The verdict is ::YR_TABLE_REPRODUCED when every cell equals yr_split_items()'s and every sum
 * checks; ::YR_TABLE_KEEPS_RULES when no rule is broken but other cells are rounded up;
 * else ::YR_TABLE_BREAKS_RULES. yr_table_verdict_text() gives the sentence.
 *
 * @param[in]  items        nitems items: stated totals and models (::yr_item)
 * @param[in]  nitems       >= 1
 * @param[in]  weights      nparties weights (population), each >= 0, adding up within int64
 * @param[in]  nparties     >= 1
 * @param[in]  published    nparties * nitems published amounts, row-major
 * @param[in]  stated_total nparties stated row totals, or NULL (not checked)
 * @param[in]  fees         nparties fees, or NULL (0)
 * @param[in]  kickback     nparties kickbacks, or NULL (0)
 * @param[in]  net          nparties stated nets, or NULL (no net check; then fees and kickback
 *                          are not read)
 * @param[out] summary      the findings and the verdict (untouched on error)
 * @param[out] item_out     nitems per-item findings, or NULL (untouched on error)
 * @param[out] rows         nparties per-row findings, or NULL (untouched on error)
 * @param[out] cells        nparties * nitems per-cell findings, row-major, or NULL (untouched
 *                          on error)
 * @returns ::YR_OK; ::YR_ERR_NULL (items, weights, published or summary NULL);
 *          ::YR_ERR_EMPTY; ::YR_ERR_NEGATIVE (a weight or a split item's total < 0);
 *          ::YR_ERR_RANGE (an item's model); ::YR_ERR_ZERO_WEIGHT; ::YR_ERR_OVERFLOW (a sum or
 *          difference that does not fit int64, a quota whose reduced denominator does not,
 *          the weights' sum, or yr_split_items()'s exact intermediates); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_audit_table(const yr_item *items, size_t nitems, const int64_t *weights,
                                size_t nparties, const int64_t *published,
                                const int64_t *stated_total, const int64_t *fees,
                                const int64_t *kickback, const int64_t *net,
                                yr_audit_table_summary *summary, yr_audit_item *item_out,
                                yr_audit_table_row *rows, yr_audit_cell *cells);

/**
 * @brief yr_audit_table() that also says where an error is (see ::yr_where; may be NULL).
 *
 * As yr_split_items_where() for the items and weights (column = the item); a published sum or
 * difference that does not fit: record = the party (::YR_WHERE_NONE for a column sum), column =
 * the item, arg "published"; a row's total or net: record = the party, arg "stated_total",
 * "fees", "kickback" or "net"; the weights' sum: arg "weights".
 */
YR_API yr_status yr_audit_table_where(const yr_item *items, size_t nitems, const int64_t *weights,
                                      size_t nparties, const int64_t *published,
                                      const int64_t *stated_total, const int64_t *fees,
                                      const int64_t *kickback, const int64_t *net,
                                      yr_audit_table_summary *summary, yr_audit_item *item_out,
                                      yr_audit_table_row *rows, yr_audit_cell *cells,
                                      yr_where *where);

/**
 * @brief The verdict as a sentence, the same in every interface: "reproduces the table split
 *        (yr_split_table)", "keeps the rules of a table split (yr_split_table) but rounds other
 *        cells up", "breaks the rules of a table split (yr_split_table)".
 * @returns a static string, or NULL for a value outside the enum.
 */
YR_API const char *yr_table_verdict_text(yr_table_verdict verdict);

#ifdef __cplusplus
}
#endif

#endif
