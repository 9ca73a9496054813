/**
 * @file yrkesresa/audit.h
 * @brief Audit of a published split ("kontrollräkna", SPEC §2).
 */
#ifndef YRKESRESA_AUDIT_H
#define YRKESRESA_AUDIT_H

#include "yrkesresa/common.h"
#include "yrkesresa/split.h"

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

#ifdef __cplusplus
}
#endif

#endif
