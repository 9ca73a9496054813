/* Audit of a published split (SPEC §2). */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/audit.h"
#include "internal/where.h"
#include "internal/wide.h"

/* Check the inputs: weights non-negative with a sum that fits, published rows whose sum fits.
 * *wsum and *psum get the sums. */
static yr_status check_input(const int64_t *weights, const int64_t *published, size_t n,
                             int64_t *wsum, int64_t *psum, yr_where *where)
{
    int64_t ws = 0;
    yr_i128 ps = 0; /* exact: only the final sum has to fit, not every running sum */
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0)
            return yr_where_why(where, YR_ERR_NEGATIVE, i, YR_WHERE_NONE, "weights",
                                YR_WHY(YR_REASON_NEGATIVE, weights[i]));
        if (__builtin_add_overflow(ws, weights[i], &ws))
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "weights",
                                    YR_WHY(YR_REASON_SUM_PAST, 0));
        ps += published[i];
    }
    if (ps > INT64_MAX || ps < INT64_MIN)
        return yr_where_arg_why(where, YR_ERR_OVERFLOW, "published",
                                YR_WHY_NAMED(YR_REASON_SUM_PAST, "published amounts", NULL, 0));
    *wsum = ws;
    *psum = (int64_t)ps;
    return YR_OK;
}

/* The bit set of the methods that reproduce every published row. */
static unsigned matching_methods(int64_t stated_total, const int64_t *weights,
                                 const int64_t *published, size_t n, int64_t *trial)
{
    unsigned matching = 0;
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (yr_split(stated_total, weights, n, (yr_method)m, trial) == YR_OK &&
            memcmp(trial, published, n * sizeof(int64_t)) == 0)
            matching |= 1u << m;
    }
    return matching;
}

YR_API yr_status yr_audit_row_of_where(int64_t stated_total, int64_t weight, int64_t quota_den,
                                       int64_t published, int64_t expected, yr_audit_row *row,
                                       yr_where *where)
{
    yr_where_clear(where);
    if (row == NULL)
        return yr_where_arg(where, YR_ERR_NULL, "row");
    if (quota_den <= 0)
        return yr_where_arg_why(where, YR_ERR_RANGE, "quota_den",
                                YR_WHY(YR_REASON_NOT_POSITIVE, quota_den, 1));
    if (weight < 0)
        return yr_where_arg_why(where, YR_ERR_RANGE, "weight", YR_WHY(YR_REASON_NEGATIVE, weight));
    /* floor division of stated_total * w by W, remainder in [0, W) */
    yr_i128 p = (yr_i128)stated_total * weight;
    yr_i128 q = p / quota_den, rem = p % quota_den;
    if (rem < 0) {
        rem += quota_den;
        q -= 1;
    }
    yr_i128 diff = (yr_i128)published - expected;
    if (q > INT64_MAX || q < INT64_MIN)
        return yr_where_arg_why(where, YR_ERR_OVERFLOW, "stated_total",
                                YR_WHY(YR_REASON_QUOTA_PAST, stated_total, weight, quota_den));
    if (diff > INT64_MAX || diff < INT64_MIN)
        return yr_where_arg_why(where, YR_ERR_OVERFLOW, "published",
                                YR_WHY(YR_REASON_DIFF_PAST, published, expected));
    yr_audit_row r;
    r.quota_whole = (int64_t)q;
    r.quota_rem = (int64_t)rem;
    r.expected = expected;
    r.diff = (int64_t)diff;
    r.within_quota =
        published == r.quota_whole || (r.quota_rem != 0 && published == r.quota_whole + 1);
    *row = r;
    return YR_OK;
}

YR_API yr_status yr_audit_row_of(int64_t stated_total, int64_t weight, int64_t quota_den,
                                 int64_t published, int64_t expected, yr_audit_row *row)
{
    return yr_audit_row_of_where(stated_total, weight, quota_den, published, expected, row, NULL);
}

/* The differences (the sum's, then every row's) must fit before anything is written. */
static yr_status check_diffs(int64_t stated_total, int64_t psum, const int64_t *published,
                             const int64_t *expected, size_t n, yr_where *where)
{
    yr_i128 diff = (yr_i128)psum - stated_total;
    if (diff > INT64_MAX || diff < INT64_MIN)
        return yr_where_arg_why(
            where, YR_ERR_OVERFLOW, "stated_total",
            YR_WHY_NAMED(YR_REASON_DIFF_PAST, "the published sum", NULL, psum, stated_total));
    for (size_t i = 0; i < n; i++) {
        yr_i128 d = (yr_i128)published[i] - expected[i];
        if (d > INT64_MAX || d < INT64_MIN)
            return yr_where_why(where, YR_ERR_OVERFLOW, i, YR_WHERE_NONE, "published",
                                YR_WHY(YR_REASON_DIFF_PAST, published[i], expected[i]));
    }
    return YR_OK;
}

YR_API yr_status yr_audit_split_where(int64_t stated_total, const int64_t *weights,
                                      const int64_t *published, size_t n, yr_audit_summary *summary,
                                      yr_audit_row *rows, yr_where *where)
{
    yr_where_clear(where);
    if (n == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    yr_status st = yr_where_null(where, 3, (const void *[]){weights, published, summary},
                                 (const char *const[]){"weights", "published", "summary"});
    if (st != YR_OK)
        return st;
    int64_t wsum = 0, psum = 0;
    st = check_input(weights, published, n, &wsum, &psum, where);
    if (st != YR_OK)
        return st;
    if (wsum == 0 && stated_total != 0)
        return yr_where_arg_why(where, YR_ERR_ZERO_WEIGHT, "weights",
                                YR_WHY(YR_REASON_ALL_ZERO, stated_total));
    if (n > SIZE_MAX / (2 * sizeof(int64_t)))
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    int64_t *expected = malloc(2 * n * sizeof(int64_t));
    if (expected == NULL)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    st = yr_split_where(stated_total, weights, n, YR_LARGEST_REMAINDER, expected, where);
    if (st == YR_OK)
        st = check_diffs(stated_total, psum, published, expected, n, where);
    if (st != YR_OK) {
        free(expected);
        return st;
    }
    yr_audit_summary s = {0};
    s.stated_total = stated_total;
    s.published_sum = psum;
    s.quota_den = wsum == 0 ? 1 : wsum;
    s.methods_matching = matching_methods(stated_total, weights, published, n, expected + n);
    s.sum_diff = psum - stated_total;
    for (size_t i = 0; i < n; i++) {
        yr_audit_row r;
        /* cannot fail: the weights are >= 0, W > 0 and check_diffs() saw every difference */
        (void)yr_audit_row_of(stated_total, weights[i], s.quota_den, published[i], expected[i], &r);
        s.rows_differing += r.diff != 0;
        s.rows_outside_quota += !r.within_quota;
        if (rows != NULL)
            rows[i] = r;
    }
    *summary = s;
    free(expected);
    return YR_OK;
}

YR_API yr_status yr_audit_split(int64_t stated_total, const int64_t *weights,
                                const int64_t *published, size_t n, yr_audit_summary *summary,
                                yr_audit_row *rows)
{
    return yr_audit_split_where(stated_total, weights, published, n, summary, rows, NULL);
}
