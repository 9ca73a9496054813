/**
 * @file yrkesresa/stats.h
 * @brief Participation statistics (SPEC §4): shares with Wilson intervals, survey goals,
 *        attendance, progression, coverage, counts and cross-tabulation, table totals.
 *
 * Input arrays may be NULL when their length is 0 (for yr_crosstab and yr_count_by the records,
 * for yr_check_totals the table when nrows is 0).
 *
 * Intervals are Wilson score intervals (no continuity correction) at a two-sided confidence
 * level in (0, 1). Counts are int64_t; only the reported shares and bounds are doubles.
 */
#ifndef YRKESRESA_STATS_H
#define YRKESRESA_STATS_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Verdict of a survey goal such as "at least 80 % answer yes". */
typedef enum yr_goal {
    YR_GOAL_MET = 0,         /**< the interval's lower bound is at or above the target */
    YR_GOAL_NOT_MET = 1,     /**< the interval's upper bound is below the target */
    YR_GOAL_INCONCLUSIVE = 2 /**< the interval contains the target */
} yr_goal;

/** A share with its interval. */
typedef struct yr_rate {
    int64_t successes; /**< e.g. attended */
    int64_t trials;    /**< e.g. registered */
    double share;      /**< successes / trials */
    double low;        /**< Wilson lower bound */
    double high;       /**< Wilson upper bound */
} yr_rate;

/**
 * @brief share = successes / trials and its Wilson score interval [low, high].
 * @param[in]  successes  0 .. trials
 * @param[in]  trials     >= 1
 * @param[in]  confidence in (0, 1), e.g. 0.95
 * @param[out] share, low, high  (each untouched on error; none may be NULL)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (trials == 0); ::YR_ERR_NEGATIVE;
 *          ::YR_ERR_RANGE (successes > trials, confidence outside (0, 1) or NaN).
 */
YR_API yr_status yr_proportion(int64_t successes, int64_t trials, double confidence, double *share,
                               double *low, double *high);

/**
 * @brief yr_proportion() that also says why (see ::yr_where): arg "successes" or "trials"
 *        (::YR_REASON_NEGATIVE, ::YR_REASON_ZERO_COUNT, ::YR_REASON_LARGER) or "confidence"
 *        (::YR_REASON_CONFIDENCE: "confidence 95 is not between 0 and 1 (a share, not a
 *        percentage: 0.95 for 95 %)").
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_proportion_where(int64_t successes, int64_t trials, double confidence,
                                     double *share, double *low, double *high, yr_where *where);

/**
 * @brief Judge "at least @p target answer yes" honestly given the sample size.
 * @param[in]  yes, n      yes answers and respondents (0 <= yes <= n, n >= 1)
 * @param[in]  target      in [0, 1]
 * @param[in]  confidence  in (0, 1)
 * @param[out] verdict     ::YR_GOAL_MET / ::YR_GOAL_NOT_MET / ::YR_GOAL_INCONCLUSIVE
 * @returns as yr_proportion(); ::YR_ERR_RANGE also for a target outside [0, 1] or NaN.
 */
YR_API yr_status yr_goal_check(int64_t yes, int64_t n, double target, double confidence,
                               yr_goal *verdict);

/**
 * @brief yr_goal_check() that also says why (see ::yr_where): as yr_proportion_where() with
 *        the counts "yes" and "n", and arg "target" (::YR_REASON_SHARE_RANGE).
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_goal_check_where(int64_t yes, int64_t n, double target, double confidence,
                                     yr_goal *verdict, yr_where *where);

/**
 * @brief The name of a verdict: "met", "not met", "inconclusive"; NULL for an unknown value.
 */
YR_API const char *yr_goal_name(yr_goal verdict);

/**
 * @brief Cross-tabulate record-level data in one pass.
 * @param[in]  row, col  n category indices per record (row[i] < nrows, col[i] < ncols)
 * @param[in]  n         number of records (0 gives an all-zero table)
 * @param[in]  nrows, ncols table size, each >= 1
 * @param[out] table     nrows × ncols, row-major, overwritten with the counts
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (nrows or ncols 0); ::YR_ERR_RANGE (an index
 *          out of range: table untouched); ::YR_ERR_OVERFLOW (nrows × ncols too large);
 *          ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_crosstab(const uint32_t *row, const uint32_t *col, size_t n, size_t nrows,
                             size_t ncols, int64_t *table);

/**
 * @brief Count records by group: counts[g] = number of i with group[i] == g.
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (ngroups 0); ::YR_ERR_RANGE (an index out of
 *          range: counts untouched); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_count_by(const uint32_t *group, size_t n, size_t ngroups, int64_t *counts);

/**
 * @brief Attendance rate per course and in total (total = sum attended / sum registered,
 *        never a mean of rates), each with its Wilson interval.
 * @param[in]  registered, attended  n counts per course (0 <= attended <= registered)
 * @param[in]  n           courses, >= 1
 * @param[in]  confidence  in (0, 1)
 * @param[out] per_course  n rates (a course with 0 registered gets share, low, high NaN)
 * @param[out] total       the total rate
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (n 0, or nobody registered at all);
 *          ::YR_ERR_NEGATIVE; ::YR_ERR_RANGE (attended > registered, bad confidence);
 *          ::YR_ERR_OVERFLOW (a sum does not fit).
 */
YR_API yr_status yr_attendance_rate(const int64_t *registered, const int64_t *attended, size_t n,
                                    double confidence, yr_rate *per_course, yr_rate *total);

/**
 * @brief Course progression: out[k] = completed[k+1] / completed[k] for k = 0 .. ncourses-2,
 *        with Wilson intervals (a step from 0 completed gets NaN share and bounds).
 * @param[in]  completed  ncourses counts of staff who completed course 1, 2, ...
 * @param[in]  ncourses   >= 2
 * @param[in]  confidence in (0, 1)
 * @param[out] out        ncourses - 1 rates
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (fewer than 2 courses); ::YR_ERR_NEGATIVE;
 *          ::YR_ERR_RANGE (more completed a later course than the earlier one, bad confidence).
 */
YR_API yr_status yr_progression(const int64_t *completed, size_t ncourses, double confidence,
                                yr_rate *out);

/**
 * @brief Coverage: count per @p per of the population (per = 1000 for "per 1 000 inhabitants",
 *        1 for a share of a target population), with the Wilson interval scaled the same way.
 * @param[in]  count, population  0 <= count <= population, population >= 1
 * @param[in]  per         scale, finite and > 0
 * @param[in]  confidence  in (0, 1)
 * @param[out] rate, low, high
 * @returns as yr_proportion(); ::YR_ERR_RANGE also for a bad @p per.
 */
YR_API yr_status yr_coverage(int64_t count, int64_t population, double per, double confidence,
                             double *rate, double *low, double *high);

/**
 * @brief yr_coverage() that also says why (see ::yr_where): as yr_proportion_where() with the
 *        counts "count" and "population", and arg "per" (::YR_REASON_NOT_POSITIVE,
 *        ::YR_REASON_NOT_FINITE).
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_coverage_where(int64_t count, int64_t population, double per, double confidence,
                                   double *rate, double *low, double *high, yr_where *where);

/**
 * @brief Check a published table's total row against its column sums.
 * @param[in]  table       nrows × ncols, row-major, the body rows (without the total row)
 * @param[in]  nrows       body rows (0 allowed: the sums are 0)
 * @param[in]  ncols       columns, >= 1
 * @param[in]  stated      ncols stated totals
 * @param[out] sums        ncols column sums
 * @param[out] mismatched  number of columns whose sum differs from the stated total
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (ncols 0); ::YR_ERR_OVERFLOW (a sum does not
 *          fit).
 */
YR_API yr_status yr_check_totals(const int64_t *table, size_t nrows, size_t ncols,
                                 const int64_t *stated, int64_t *sums, size_t *mismatched);

/**
 * @name Error location
 * The `_where` variants do what the function without the suffix does and also say where an
 * error comes from (see ::yr_where; @p where may be NULL and is written on every return: all
 * "none" on ::YR_OK).
 * @{
 */

/**
 * @brief yr_crosstab() with the location of an error: the first record whose row index is out of
 *        range -> record i, arg "row" (its column index: arg "col"); nrows or ncols 0, or a
 *        table too large -> arg "nrows"/"ncols"; a NULL pointer -> arg its name.
 */
YR_API yr_status yr_crosstab_where(const uint32_t *row, const uint32_t *col, size_t n, size_t nrows,
                                   size_t ncols, int64_t *table, yr_where *where);

/**
 * @brief yr_count_by() with the location of an error: the first record whose group is out of
 *        range -> record i, arg "group"; ngroups 0 -> arg "ngroups"; a NULL pointer -> its name.
 */
YR_API yr_status yr_count_by_where(const uint32_t *group, size_t n, size_t ngroups, int64_t *counts,
                                   yr_where *where);

/**
 * @brief yr_attendance_rate() with the location of an error: a negative count -> record i, arg
 *        "registered" or "attended"; attended > registered -> record i, arg "attended"; a bad
 *        confidence -> arg "confidence"; the registered sum does not fit, n 0 or nobody
 *        registered -> arg "registered"; a NULL pointer -> arg its name.
 */
YR_API yr_status yr_attendance_rate_where(const int64_t *registered, const int64_t *attended,
                                          size_t n, double confidence, yr_rate *per_course,
                                          yr_rate *total, yr_where *where);

/**
 * @brief yr_progression() with the location of an error: a negative count -> record k, a course
 *        more completed than the one before it -> record k (the later course), both arg
 *        "completed"; fewer than 2 courses -> arg "completed"; a bad confidence -> arg
 *        "confidence"; a NULL pointer -> arg its name.
 */
YR_API yr_status yr_progression_where(const int64_t *completed, size_t ncourses, double confidence,
                                      yr_rate *out, yr_where *where);

/**
 * @brief yr_check_totals() with the location of an error: a column whose sum does not fit ->
 *        column j (record none), arg "table"; ncols 0 -> arg "ncols"; a NULL pointer -> arg its
 *        name.
 */
YR_API yr_status yr_check_totals_where(const int64_t *table, size_t nrows, size_t ncols,
                                       const int64_t *stated, int64_t *sums, size_t *mismatched,
                                       yr_where *where);

/** @} */

#ifdef __cplusplus
}
#endif

#endif
