/**
 * @file yrkesresa/split.h
 * @brief Exact cost split and seat allocation (SPEC §1).
 *
 * Money and counts are int64_t in the caller's unit (kronor or öre). Weights are non-negative
 * integers (a fractional weight is an integer over a common denominator). No floating point
 * decides any unit: quotas, remainders and divisor priorities are compared exactly.
 *
 * Ties (equal remainders, or equal divisor priorities for the last units): the party with the
 * larger weight wins; among equal weights, the one earlier in the input. yr_split_with() can
 * choose another rule (::yr_tie) or ask to be told (::YR_ERR_TIE).
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
    YR_ADAMS = 6,                 /**< divisors 0, 1, 2, ...; one unit each first */
    YR_DEAN = 7,                  /**< divisors 2s(s+1)/(2s+1) (harmonic mean); one unit each
                                       first */
    YR_METHOD_COUNT = 8           /**< number of values, not a value: valid methods are
                                       0 .. YR_METHOD_COUNT-1 */
} yr_method;

/** How an exact tie for the last unit(s) is broken (equal remainders or equal priorities). */
typedef enum yr_tie {
    YR_TIE_LARGER_WEIGHT = 0,  /**< the larger weight wins, then the earlier party (default) */
    YR_TIE_SMALLER_WEIGHT = 1, /**< the smaller weight wins, then the earlier party (e.g. the
                                    Portuguese electoral law, art. 16) */
    YR_TIE_REPORT = 2,         /**< fail with ::YR_ERR_TIE when a tie decides a unit */
    YR_TIE_COUNT = 3           /**< number of values, not a value: valid rules are
                                    0 .. YR_TIE_COUNT-1 */
} yr_tie;

/**
 * @brief Options of yr_split_with(). Always start from yr_split_options_init(); fields may be
 *        added after these in later versions, never reordered.
 */
typedef struct yr_split_options {
    yr_method method; /**< a ::yr_method (default ::YR_LARGEST_REMAINDER) */
    yr_tie tie;       /**< a ::yr_tie (default ::YR_TIE_LARGER_WEIGHT); round-each has no ties */
    const int64_t *minimum; /**< n per-party minimums >= 0, or NULL (divisor methods only) */
    const int64_t *maximum; /**< n per-party maximums >= minimum, or NULL (divisor methods only) */
    int64_t threshold_num;  /**< threshold = num/den of the sum of all weights; num 0: none */
    int64_t threshold_den;  /**< > 0 when num != 0; num <= den */
    int64_t first_divisor_num; /**< Sainte-Laguë methods: the first divisor num/den on the scale
                                    1, 3, 5, ... (7/5 = 1.4: Norway); 0/0: the method's own */
    int64_t first_divisor_den; /**< > 0 when set; 0 <= num/den <= 3 */
} yr_split_options;

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
 * @brief yr_split() that also says where an error comes from (see ::yr_where).
 *
 * On error: a negative weight gives record = its index and arg "weights"; a negative total with a
 * divisor method arg "total"; all weights 0 arg "weights"; an unknown method arg "method"; a NULL
 * pointer arg "weights" or "out"; n == 0 arg "weights".
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_split_where(int64_t total, const int64_t *weights, size_t n, yr_method method,
                                int64_t *out, yr_where *where);

/**
 * @brief Set @p opt to the defaults: largest remainder, ties to the larger weight, no bounds, no
 *        threshold, the method's own first divisor. Does nothing when @p opt is NULL.
 */
YR_API void yr_split_options_init(yr_split_options *opt);

/**
 * @brief yr_split() with options: tie rule, threshold, per-party bounds, first divisor.
 *
 * - Ties: among equal priorities (divisor methods) or equal remainders (largest remainder) the
 *   tie rule decides, then the earlier index. With ::YR_TIE_REPORT the call fails with
 *   ::YR_ERR_TIE when the last unit(s) given are decided by an exact tie, i.e. when the last unit
 *   given and the best unit not given have exactly the same priority (remainder) and belong to
 *   different parties; otherwise the result is the ::YR_TIE_LARGER_WEIGHT one.
 * - Threshold: a party whose weight is below threshold_num/threshold_den of the sum of all
 *   weights is excluded (gets 0); the others split the total as if it had weight 0. Every party
 *   excluded with a non-zero total is ::YR_ERR_ZERO_WEIGHT (arg "threshold").
 * - Minimum/maximum (divisor methods only, either may be NULL): the divisor method started at the
 *   minimums, never giving a party more than its maximum. A party with weight 0 (or excluded by
 *   the threshold) keeps its minimum and never gets more; an excluded party must have minimum 0.
 * - First divisor (::YR_SAINTE_LAGUE, ::YR_SAINTE_LAGUE_MODIFIED only): replaces the first
 *   divisor on the scale 1, 3, 5, ... (default 1 and 6/5); 0 <= first divisor <= 3.
 *
 * Runs in O(n log n) whatever the total, with or without bounds (jump and step).
 *
 * @param[in]  total   the amount to split (any sign for largest remainder / round-each)
 * @param[in]  weights n non-negative weights
 * @param[in]  n       number of parties, >= 1
 * @param[in]  opt     options (from yr_split_options_init(), then changed)
 * @param[out] out     n amounts (untouched on error)
 * @returns as yr_split(), and ::YR_ERR_NULL (opt NULL); ::YR_ERR_RANGE (an unknown method or tie
 *          rule; a threshold outside [0, 1]; a first divisor outside [0, 3] or with a method that
 *          has none to replace; bounds with a method that is not a divisor method; a minimum < 0;
 *          a maximum < its minimum; minimums adding to more than the total; maximums (plus the
 *          minimums of parties that cannot get units) adding to less than it; a party excluded by
 *          the threshold with a minimum > 0); ::YR_ERR_TIE (see above).
 */
YR_API yr_status yr_split_with(int64_t total, const int64_t *weights, size_t n,
                               const yr_split_options *opt, int64_t *out);

/**
 * @brief yr_split_with() that also says where an error comes from (see ::yr_where).
 *
 * As yr_split_where(), and: arg "options" (opt NULL), "method", "tie", "threshold",
 * "first_divisor"; "minimum" / "maximum" with record = the party whose bound is wrong, or
 * ::YR_WHERE_NONE when the bounds together do not fit the total; ::YR_ERR_TIE gives record = the
 * first party (lowest index) among those tied for the last unit, arg "tie".
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_split_with_where(int64_t total, const int64_t *weights, size_t n,
                                     const yr_split_options *opt, int64_t *out, yr_where *where);

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
 * @brief yr_split_mixed() that also says where an error comes from (see ::yr_where).
 *
 * A negative weight: record = its index, arg "weights"; a fraction outside [0, 1]: arg
 * "equal_part"; an intermediate that does not fit: arg "total".
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_split_mixed_where(int64_t total, int64_t equal_part_num, int64_t equal_part_den,
                                      const int64_t *weights, size_t n, int64_t *out,
                                      yr_where *where);

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

/**
 * @brief yr_method_from_name() that also says why (see ::yr_where): an unknown name is arg
 *        "name", ::YR_REASON_UNKNOWN_NAME with the name (the sentence lists the known ones).
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_method_from_name_where(const char *name, yr_method *method, yr_where *where);

/**
 * @brief The binding name of a tie rule: "larger", "smaller" or "report".
 * @returns a static string, or NULL for a value outside the enum.
 */
YR_API const char *yr_tie_name(yr_tie tie);

/**
 * @brief Look a tie rule up by its binding name (case-insensitive).
 * @param[in]  name "larger", "smaller" or "report"
 * @param[out] tie  the rule (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE for an unknown name.
 */
YR_API yr_status yr_tie_from_name(const char *name, yr_tie *tie);

/**
 * @brief yr_tie_from_name() that also says why (see ::yr_where): as
 *        yr_method_from_name_where().
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_tie_from_name_where(const char *name, yr_tie *tie, yr_where *where);

#ifdef __cplusplus
}
#endif

#endif
