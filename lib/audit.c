/* Audit of a published split (SPEC §2). */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/audit.h"
#include "internal/wide.h"

YR_API yr_status yr_audit_split(int64_t stated_total, const int64_t *weights,
                                const int64_t *published, size_t n, yr_audit_summary *summary,
                                yr_audit_row *rows)
{
    if (n == 0)
        return YR_ERR_EMPTY;
    if (weights == NULL || published == NULL || summary == NULL || rows == NULL)
        return YR_ERR_NULL;
    int64_t wsum = 0;
    yr_i128 psum_wide = 0; /* exact: only the final sum has to fit, not every running sum */
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0)
            return YR_ERR_NEGATIVE;
        if (__builtin_add_overflow(wsum, weights[i], &wsum))
            return YR_ERR_OVERFLOW;
        psum_wide += published[i];
    }
    if (psum_wide > INT64_MAX || psum_wide < INT64_MIN)
        return YR_ERR_OVERFLOW;
    int64_t psum = (int64_t)psum_wide;
    if (wsum == 0 && stated_total != 0)
        return YR_ERR_ZERO_WEIGHT;
    if (n > SIZE_MAX / (2 * sizeof(int64_t)))
        return YR_ERR_NOMEM;
    int64_t *expected = malloc(2 * n * sizeof(int64_t));
    if (expected == NULL)
        return YR_ERR_NOMEM;
    int64_t *trial = expected + n;

    yr_status st = yr_split(stated_total, weights, n, YR_LARGEST_REMAINDER, expected);
    if (st != YR_OK) {
        free(expected);
        return st;
    }
    unsigned matching = 0;
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (yr_split(stated_total, weights, n, (yr_method)m, trial) == YR_OK &&
            memcmp(trial, published, n * sizeof(int64_t)) == 0)
            matching |= 1u << m;
    }

    yr_audit_summary s = {0};
    s.stated_total = stated_total;
    s.published_sum = psum;
    s.quota_den = wsum == 0 ? 1 : wsum;
    s.methods_matching = matching;
    yr_i128 diff = (yr_i128)psum - stated_total;
    if (diff > INT64_MAX || diff < INT64_MIN) {
        free(expected);
        return YR_ERR_OVERFLOW;
    }
    s.sum_diff = (int64_t)diff;
    /* Every row's difference must fit before anything is written. */
    for (size_t i = 0; i < n; i++) {
        yr_i128 d = (yr_i128)published[i] - expected[i];
        if (d > INT64_MAX || d < INT64_MIN) {
            free(expected);
            return YR_ERR_OVERFLOW;
        }
    }
    for (size_t i = 0; i < n; i++) {
        yr_audit_row r;
        /* floor division of stated_total * w by W, remainder in [0, W) */
        yr_i128 p = (yr_i128)stated_total * weights[i];
        yr_i128 q = p / s.quota_den, rem = p % s.quota_den;
        if (rem < 0) {
            rem += s.quota_den;
            q -= 1;
        }
        r.quota_whole = (int64_t)q;
        r.quota_rem = (int64_t)rem;
        r.expected = expected[i];
        r.diff = published[i] - expected[i];
        r.within_quota = published[i] == r.quota_whole ||
                         (r.quota_rem != 0 && published[i] == r.quota_whole + 1);
        if (r.diff != 0)
            s.rows_differing++;
        if (!r.within_quota)
            s.rows_outside_quota++;
        rows[i] = r;
    }
    *summary = s;
    free(expected);
    return YR_OK;
}
