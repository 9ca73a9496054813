/**
 * @file yrkesresa/split.h
 * @brief Exact cost split and seat allocation (SPEC §1).
 *
 * Money and counts are int64_t in the caller's unit (kronor or öre). Weights are non-negative
 * integers (a fractional weight is an integer over a common denominator). No floating point
 * decides any unit: quotas, remainders and divisor priorities are compared exactly.
 *
 * Ties (equal remainders, or equal divisor priorities for the last units): the party with the
 * larger weight wins; among equal weights, the one earlier in the input.
 */
#ifndef YRKESRESA_SPLIT_H
#define YRKESRESA_SPLIT_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Apportionment method. The names (lower case, without the prefix) are the binding names. */
typedef enum yr_method {
    YR_LARGEST_REMAINDER = 0,     /**< Hamilton/Hare: floors, then +1 to the largest remainders */
    YR_ROUND_EACH = 1,            /**< each quota rounded half away from zero; sum may differ */
    YR_DHONDT = 2,                /**< divisors 1, 2, 3, ... (Jefferson) */
    YR_SAINTE_LAGUE = 3,          /**< divisors 1, 3, 5, ... (Webster) */
    YR_SAINTE_LAGUE_MODIFIED = 4, /**< divisors 1.2, 3, 5, ... (Swedish elections since 2018) */
    YR_HUNTINGTON_HILL = 5,       /**< divisors sqrt(s(s+1)); one unit each first */
    YR_ADAMS = 6                  /**< divisors 0, 1, 2, ...; one unit each first */
} yr_method;

/** Number of methods; valid methods are 0 .. YR_METHOD_COUNT-1. */
#define YR_METHOD_COUNT 7

/**
 * @brief Split @p total between @p n parties in proportion to @p weights.
 *
 * Largest remainder and round-each are odd-symmetric (split(-T) == -split(T)); the divisor
 * methods need total >= 0. A party with weight 0 gets 0. Largest remainder and the divisor
 * methods always give rows that add to @p total; round-each may not (that is its point).
 * Runs in O(n log n) whatever the total.
 *
 * @param[in]  total   the amount to split (any sign for largest remainder / round-each)
 * @param[in]  weights n non-negative weights (caller owns)
 * @param[in]  n       number of parties, >= 1
 * @param[in]  method  a ::yr_method
 * @param[out] out     n amounts (caller owns; untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL (weights or out NULL); ::YR_ERR_EMPTY (n == 0);
 *          ::YR_ERR_NEGATIVE (a weight < 0, or total < 0 with a divisor method);
 *          ::YR_ERR_ZERO_WEIGHT (all weights 0, total != 0); ::YR_ERR_RANGE (unknown method);
 *          ::YR_ERR_OVERFLOW (an exact intermediate does not fit); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_split(int64_t total, const int64_t *weights, size_t n, yr_method method,
                          int64_t *out);

/**
 * @brief Mixed model: a fraction of @p total equally per party, the rest by weight.
 *
 * The equal part is total * equal_part_num / equal_part_den. Each party's exact quota is
 * equal_part / n + (total - equal_part) * w_i / W; the quotas are settled into whole units by
 * largest remainder (ties as in yr_split()), so the rows add to @p total. Odd-symmetric.
 * Zero-weight parties still get their equal share.
 *
 * @param[in]  total           amount to split (any sign)
 * @param[in]  equal_part_num  numerator of the equal fraction, 0 <= num <= den
 * @param[in]  equal_part_den  denominator of the equal fraction, > 0
 * @param[in]  weights         n non-negative weights
 * @param[in]  n               number of parties, >= 1
 * @param[out] out             n amounts (untouched on error)
 * @returns as yr_split(); ::YR_ERR_RANGE when the fraction is not within [0, 1] or den <= 0;
 *          ::YR_ERR_ZERO_WEIGHT when all weights are 0 and the weighted part is not 0.
 */
YR_API yr_status yr_split_mixed(int64_t total, int64_t equal_part_num, int64_t equal_part_den,
                                const int64_t *weights, size_t n, int64_t *out);

/**
 * @brief The binding name of a method ("largest_remainder", "dhondt", ...).
 * @returns a static string, or NULL for a value outside the enum.
 */
YR_API const char *yr_method_name(yr_method method);

/**
 * @brief Look a method up by its binding name (case-insensitive; '-' and '_' are equal).
 * @param[in]  name   e.g. "sainte_lague_modified"
 * @param[out] method the method (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE for an unknown name.
 */
YR_API yr_status yr_method_from_name(const char *name, yr_method *method);

#ifdef __cplusplus
}
#endif

#endif
