/**
 * @file yrkesresa/table.h
 * @brief Multi-item cost tables (plain, with an equal part per item, rate items) and two-level
 *        splits (SPEC §5, §6).
 *
 * Money is int64_t in the caller's unit (kronor or öre), weights are non-negative integers, and
 * every unit is decided by exact integer comparisons (no floating point). Outputs are untouched
 * on error. Both functions are deterministic: the same input gives the same table on every run
 * and platform.
 */
#ifndef YRKESRESA_TABLE_H
#define YRKESRESA_TABLE_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Split several cost items by the same weights into a table whose columns and rows add up.
 *
 * The exact quota of party i in item j is q_ij = totals[j] * weights[i] / W (W the sum of the
 * weights), and of its row Q_i = T * weights[i] / W with T the sum of the totals. The table
 * out (row-major: out[i * nitems + j]) satisfies, always:
 *  - each item's column adds exactly to its total;
 *  - each cell is floor(q_ij) or ceil(q_ij) (so it equals q_ij when that is whole);
 *  - each row sum is floor(Q_i) or ceil(Q_i); the rows add to T.
 *
 * Rows: whenever some table with the first two properties has every row equal to the party's
 * largest-remainder share of T (yr_split() of T with ::YR_LARGEST_REMAINDER: larger remainder,
 * then larger weight, then earlier party), the rows are exactly those shares. This is not always
 * possible (items 2 and 70 over weights 3, 0, 226, 4, 816, 4, 5: the two largest row remainders
 * both need the single spare unit of item 1). Then the parties whose row is rounded up are the
 * best set any such table allows, in the largest-remainder ranking: the sets of rows that can be
 * rounded up together are the bases of a matroid, and the function returns its greedy base: going
 * down the ranking, each party is rounded up when that still leaves a valid table. Consequently
 * the rounded-up set is lexicographically best in the ranking, and among all valid tables it
 * minimises the sum over rows of |row - Q_i|.
 *
 * Which cells of a row are rounded up is decided by the construction (a 0/1 transportation
 * problem solved with augmenting paths); it is deterministic but not otherwise specified.
 *
 * Cost: O(nparties * nitems) for the quotas and a greedy fill that usually completes the table
 * (10^5 parties x 20 items: about 70 ms, 1.4 times twenty yr_split() calls; bench/README.md).
 * Each augmenting path costs up to O(nparties * nitems); searches that fail cost O(nparties *
 * nitems) in all. The fallback adds a sort of the ranking, O(nparties log nparties). Worst case
 * O(nparties^2 * nitems); measured linear on the fallback benchmark. Memory: one byte per cell
 * plus about 100 bytes per party.
 *
 * @param[in]  totals   nitems totals, each >= 0, adding up to at most INT64_MAX
 * @param[in]  nitems   number of items (columns), >= 1
 * @param[in]  weights  nparties weights, each >= 0
 * @param[in]  nparties number of parties (rows), >= 1
 * @param[out] out      nparties * nitems amounts, row-major (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL (a pointer NULL); ::YR_ERR_EMPTY (nitems or nparties 0);
 *          ::YR_ERR_NEGATIVE (a total or weight < 0); ::YR_ERR_ZERO_WEIGHT (all weights 0 and
 *          a total non-zero); ::YR_ERR_OVERFLOW (the totals add up beyond INT64_MAX, or the
 *          table size does not fit size_t); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_split_table(const int64_t *totals, size_t nitems, const int64_t *weights,
                                size_t nparties, int64_t *out);

/**
 * @brief yr_split_table() that also says where an error is.
 *
 * @param[out] where may be NULL; else always written: on ::YR_OK all ::YR_WHERE_NONE / NULL; on
 *             an error arg is "totals", "weights" or "out", column the offending item (a negative
 *             total) and record the offending party (a negative weight), ::YR_WHERE_NONE when the
 *             whole array is at fault (e.g. totals adding up beyond INT64_MAX).
 */
YR_API yr_status yr_split_table_where(const int64_t *totals, size_t nitems, const int64_t *weights,
                                      size_t nparties, int64_t *out, yr_where *where);

/**
 * @brief Two-level split: @p total between groups, then each group's amount between its parties.
 *
 * Level 1: the total is split between the ngroups groups by the sum of their parties' weights,
 * largest remainder (yr_split() rules: larger remainder, then larger group weight, then smaller
 * group index). Level 2: each group's amount is split between its parties (in input order) by
 * their weights, largest remainder. So each group's parties add exactly to the group's amount and
 * the groups add exactly to @p total. A group without parties, or with weight 0, gets 0.
 * Odd-symmetric like yr_split(): a negative total gives the negated table.
 *
 * Example: the nation's cost by county, then by municipality (examples/national_2018.c).
 *
 * @param[in]  total     amount to split (any sign)
 * @param[in]  weights   n weights, each >= 0
 * @param[in]  group     n group indices, each < ngroups
 * @param[in]  n         number of parties, >= 1
 * @param[in]  ngroups   number of groups (0 makes every group[i] out of range)
 * @param[out] out       n amounts (untouched on error)
 * @param[out] group_out ngroups group amounts, or NULL (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL (weights, group or out NULL); ::YR_ERR_EMPTY (n == 0);
 *          ::YR_ERR_NEGATIVE (a weight < 0); ::YR_ERR_RANGE (group[i] >= ngroups);
 *          ::YR_ERR_ZERO_WEIGHT (all weights 0, total != 0); ::YR_ERR_OVERFLOW (a group's
 *          weights add up beyond INT64_MAX); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_split_nested(int64_t total, const int64_t *weights, const size_t *group,
                                 size_t n, size_t ngroups, int64_t *out, int64_t *group_out);

/**
 * @brief yr_split_nested() that also says where an error is.
 *
 * @param[out] where may be NULL; else always written: on ::YR_OK all ::YR_WHERE_NONE / NULL; on
 *             an error arg names the parameter ("weights", "group" or "out"; NULL for
 * ::YR_ERR_NOMEM) and record the offending party (a negative weight, or group[i] >= ngroups: record
 * = i).
 */
YR_API yr_status yr_split_nested_where(int64_t total, const int64_t *weights, const size_t *group,
                                       size_t n, size_t ngroups, int64_t *out, int64_t *group_out,
                                       yr_where *where);

/**
 * @brief yr_split_table() with an equal part per item: item j's share @p equal_num[j] /
 *        @p equal_den[j] of its total is shared equally between the parties and the rest by
 *        weight, exactly as yr_split_mixed() does for one item (SKR's and many regions' models).
 *
 * The exact quota of party i in item j is q_ij = E_j / n + (totals[j] - E_j) * weights[i] / W
 * (E_j = totals[j] * equal_num[j] / equal_den[j], n = nparties, W the sum of the weights; E_j
 * is not rounded first), and of its row Q_i = sum_j q_ij. The table satisfies, always, the three
 * properties of yr_split_table() for these quotas: each column adds exactly to its total, each
 * cell is floor(q_ij) or ceil(q_ij), each row is floor(Q_i) or ceil(Q_i). Rows: whenever some
 * such table has every row equal to the party's largest-remainder share of the grand total
 * T = sum_j totals[j] on the row quotas Q_i (floors, then one more unit to the largest
 * remainders; ties: larger weight, then earlier party — yr_split_mixed()'s ranking), the rows are
 * those shares; otherwise the greedy base of yr_split_table(), in the same ranking. With one
 * item the table is yr_split_mixed()'s split; with every equal part 0 (or @p equal_num NULL) it
 * is yr_split_table()'s table, cell for cell. Which cells of a row are rounded up is decided by
 * the same construction as in yr_split_table().
 *
 * All weights 0 is allowed when every item with a non-zero total is shared wholly equally
 * (equal_num[j] == equal_den[j]); a party with weight 0 still gets its equal share.
 * Exactness: each item's quotas are N_ij / D_j with D_j = equal_den[j] * n * W (reduced), and
 * the rows are compared over the least common multiple of the D_j; when one of these does not
 * fit 127 bits the call fails with ::YR_ERR_OVERFLOW (never a rounded answer).
 * Cost: yr_split_table()'s, plus a 128-bit division per cell.
 *
 * @param[in]  totals    nitems totals, each >= 0, adding up to at most INT64_MAX
 * @param[in]  equal_num nitems numerators, 0 <= equal_num[j] <= equal_den[j]; NULL: no equal
 *                       part anywhere (then @p equal_den is not read)
 * @param[in]  equal_den nitems denominators, > 0
 * @param[in]  nitems    number of items (columns), >= 1
 * @param[in]  weights   nparties weights, each >= 0
 * @param[in]  nparties  number of parties (rows), >= 1
 * @param[out] out       nparties * nitems amounts, row-major (untouched on error)
 * @returns as yr_split_table(), and ::YR_ERR_NULL (@p equal_num given without @p equal_den);
 *          ::YR_ERR_RANGE (an equal part outside [0, 1] or a denominator <= 0);
 *          ::YR_ERR_ZERO_WEIGHT (all weights 0 and an item with a total that is not wholly
 *          equal); ::YR_ERR_OVERFLOW (as above).
 */
YR_API yr_status yr_split_table_mixed(const int64_t *totals, const int64_t *equal_num,
                                      const int64_t *equal_den, size_t nitems,
                                      const int64_t *weights, size_t nparties, int64_t *out);

/**
 * @brief yr_split_table_mixed() that also says where an error is (see ::yr_where; may be NULL).
 *
 * As yr_split_table_where(), and: an equal part out of range: column = the item, arg
 * "equal_part"; an exact intermediate of item j that does not fit: column = j, arg "totals";
 * the rows' common denominator that does not fit: arg "equal_part"; all weights 0 with an item
 * not wholly equal: column = that item, arg "weights".
 */
YR_API yr_status yr_split_table_mixed_where(const int64_t *totals, const int64_t *equal_num,
                                            const int64_t *equal_den, size_t nitems,
                                            const int64_t *weights, size_t nparties, int64_t *out,
                                            yr_where *where);

/**
 * @brief A rate item ("2,28 kr per invånare"): each party pays rate × weight, rounded half away
 *        from zero to a whole unit; the item's total is the sum of the rows.
 *
 * out[i] = round(weights[i] * rate_num / rate_den), exactly (a 2,28 kr rate is 228/100:
 * 59752 inhabitants pay 136234.56 -> 136235). Nothing is apportioned: the total follows from
 * the rows, never the other way round, so a stated total is checked against @p total
 * (yr_audit_table()).
 *
 * @param[in]  rate_num  the rate's numerator (any sign: a negative rate is a credit)
 * @param[in]  rate_den  the rate's denominator, > 0
 * @param[in]  weights   n weights (population), each >= 0
 * @param[in]  n         number of parties, >= 1
 * @param[out] out       n amounts (untouched on error)
 * @param[out] total     the sum of @p out; may be NULL (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL (weights or out NULL); ::YR_ERR_EMPTY (n == 0);
 *          ::YR_ERR_NEGATIVE (a weight < 0); ::YR_ERR_RANGE (rate_den <= 0);
 *          ::YR_ERR_OVERFLOW (an amount or the sum does not fit int64_t).
 */
YR_API yr_status yr_rate_item(int64_t rate_num, int64_t rate_den, const int64_t *weights, size_t n,
                              int64_t *out, int64_t *total);

/**
 * @brief yr_rate_item() that also says where an error is: a negative weight or an amount that
 *        does not fit: record = the party, arg "weights"; the sum does not fit: arg "weights";
 *        rate_den <= 0: arg "rate"; a NULL pointer: arg its name.
 */
YR_API yr_status yr_rate_item_where(int64_t rate_num, int64_t rate_den, const int64_t *weights,
                                    size_t n, int64_t *out, int64_t *total, yr_where *where);

/**
 * @brief One cost item of a table: its amount and its model (an agreement's line).
 *
 * Three models: split by weight (equal_num 0), an equal part plus the rest by weight
 * (0 < equal_num <= equal_den), or a rate item (rate_den > 0: rate_num / rate_den per unit of
 * weight, yr_rate_item(); then equal_num must be 0 and @p total is not split). Set every field;
 * yr_item_init() gives a plain item. The layout is part of the ABI (arrays of it are passed).
 */
typedef struct yr_item {
    int64_t total;     /**< the amount to split, >= 0; a rate item: its stated total (read only
                            by yr_audit_table(), which checks it against the sum of the rows) */
    int64_t equal_num; /**< the share of @p total split equally: equal_num / equal_den */
    int64_t equal_den; /**< > 0 (not read for a rate item) */
    int64_t rate_num;  /**< a rate item's rate, rate_num / rate_den per unit of weight */
    int64_t rate_den;  /**< > 0 for a rate item; 0 for a split item */
} yr_item;

/**
 * @brief A split item of amount @p total without an equal part (equal 0/1, rate 0/0). Does
 *        nothing when @p item is NULL.
 */
YR_API void yr_item_init(yr_item *item, int64_t total);

/**
 * @brief The whole table of a statement's items: the split items (with or without an equal part)
 *        together by yr_split_table_mixed() — one table, so their columns and rows add up as it
 *        documents — and each rate item by yr_rate_item().
 *
 * The rows' rule of yr_split_table_mixed() applies to the split items only (a rate item's rows
 * are fixed by its rate). @p item_totals gets each item's total: the amount of a split item,
 * the sum of the rows of a rate item.
 *
 * @param[in]  items       nitems items
 * @param[in]  nitems      >= 1
 * @param[in]  weights     nparties weights, each >= 0
 * @param[in]  nparties    >= 1
 * @param[out] out         nparties * nitems amounts, row-major (untouched on error)
 * @param[out] item_totals nitems totals, or NULL (untouched on error)
 * @returns as yr_split_table_mixed() and yr_rate_item(); ::YR_ERR_RANGE also for an item with
 *          both a rate and an equal part, or rate_den < 0.
 */
YR_API yr_status yr_split_items(const yr_item *items, size_t nitems, const int64_t *weights,
                                size_t nparties, int64_t *out, int64_t *item_totals);

/**
 * @brief yr_split_items() that also says where an error is: as yr_split_table_mixed_where()
 *        with column = the item in @p items (arg "items" for its model or total, "weights" for
 *        a weight; a rate item's amount that does not fit: record = the party, column = the
 *        item, arg "weights").
 */
YR_API yr_status yr_split_items_where(const yr_item *items, size_t nitems, const int64_t *weights,
                                      size_t nparties, int64_t *out, int64_t *item_totals,
                                      yr_where *where);

/**
 * @brief An exact value as whole + rem / den with 0 <= rem < den (whole = the floor): a quota.
 */
typedef struct yr_quota {
    int64_t whole; /**< floor of the value */
    int64_t rem;   /**< 0 <= rem < den */
    int64_t den;   /**< > 0; 1 when the value is whole */
} yr_quota;

/**
 * @brief The exact quota of a party in an item: what yr_split_items() rounds to a whole unit.
 *
 * A split item: q = E / n + (total - E) * weight / wsum (yr_split_table_mixed()); a rate item:
 * q = rate_num * weight / rate_den (before rounding). The fraction is reduced (den is the
 * smallest denominator of this value). Write it with yr_quota_text().
 *
 * @param[in]  item     the item (a rate item's total is not read)
 * @param[in]  weight   the party's weight, 0 <= weight <= wsum
 * @param[in]  wsum     the sum of all parties' weights (0 only for a wholly equal or rate item)
 * @param[in]  nparties the number of parties, >= 1
 * @param[out] quota    the exact value (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (a bad model, weight < 0 or > wsum, nparties
 *          0); ::YR_ERR_ZERO_WEIGHT (wsum 0 for a split item that is not wholly equal, with a
 *          non-zero total); ::YR_ERR_OVERFLOW (the reduced fraction does not fit int64_t).
 */
YR_API yr_status yr_item_quota(const yr_item *item, int64_t weight, int64_t wsum, size_t nparties,
                               yr_quota *quota);

#ifdef __cplusplus
}
#endif

#endif
