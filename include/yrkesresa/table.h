/**
 * @file yrkesresa/table.h
 * @brief Multi-item cost tables and two-level splits (SPEC §5).
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

#ifdef __cplusplus
}
#endif

#endif
