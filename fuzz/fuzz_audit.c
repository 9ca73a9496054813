/* libFuzzer target: yr_audit_split. Every field of the summary and of each row is recomputed
 * here (exact quotas by 128-bit floor division written in this file; the expected amounts and
 * the matching methods by yr_split, which fuzz_split checks on its own), the status must be the
 * one the input calls for, and on error the outputs are untouched.
 *
 * Input: head byte (bits 0-2: 0..6 make the published rows a method's split plus the fuzzed
 * deltas, so matching tables are common; 7: published rows taken as fuzzed; bits 3-6 == 15, 14,
 * 13 pass NULL weights / published / summary; 12 passes NULL rows: the summary only), stated total,
 * then per row a weight and a published amount (or delta), each fz_int. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa.h"
#include "fuzz_common.h"

#define MAXN 2048

typedef __int128 fz_i128;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    uint8_t head = fz_u8(&rd);
    unsigned base = head & 7;
    unsigned nullsel = (head >> 3) & 15;
    int64_t stated = fz_int(&rd);
    int64_t tmpw[MAXN], tmpp[MAXN];
    size_t n = 0;
    while (fz_left(&rd) > 0 && n < MAXN) {
        tmpw[n] = fz_int(&rd);
        tmpp[n] = fz_int(&rd);
        n++;
    }
    int64_t *w = fz_alloc_pattern(n * sizeof *w);
    int64_t *pub = fz_alloc_pattern(n * sizeof *pub);
    int64_t *trial = fz_alloc_pattern(n * sizeof *trial);
    memcpy(w, tmpw, n * sizeof *w);
    memcpy(pub, tmpp, n * sizeof *pub);
    if (base < YR_METHOD_COUNT && n > 0 &&
        yr_split(stated, w, n, (yr_method)base, trial) == YR_OK) {
        for (size_t i = 0; i < n; i++) /* wrapping add: any int64 is a fine published row */
            pub[i] = (int64_t)((uint64_t)trial[i] + (uint64_t)tmpp[i]);
    }
    yr_audit_summary *summary = fz_alloc_pattern(sizeof *summary);
    yr_audit_row *rows = fz_alloc_pattern(n * sizeof *rows);

    /* What the input calls for (every applicable error is an acceptable answer). */
    unsigned expect = 0;
    fz_i128 wsum = 0, wsum_pos = 0, psum = 0;
    int any_negative = 0;
    for (size_t i = 0; i < n; i++) {
        any_negative |= w[i] < 0;
        wsum += w[i];
        wsum_pos += w[i] > 0 ? w[i] : 0;
        psum += pub[i];
    }
    if (n == 0)
        expect |= 1u << YR_ERR_EMPTY;
    if (nullsel >= 13) /* 12: rows NULL, which asks for the summary only */
        expect |= 1u << YR_ERR_NULL;
    if (any_negative)
        expect |= 1u << YR_ERR_NEGATIVE;
    if (wsum_pos > INT64_MAX) /* with a negative weight too, either error may come first */
        expect |= 1u << YR_ERR_OVERFLOW;
    if (psum > INT64_MAX || psum < INT64_MIN || psum - stated > INT64_MAX ||
        psum - stated < INT64_MIN)
        expect |= 1u << YR_ERR_OVERFLOW;
    if (!any_negative && wsum == 0 && stated != 0)
        expect |= 1u << YR_ERR_ZERO_WEIGHT;
    int64_t *lr = fz_alloc_pattern(n * sizeof *lr);
    if (expect == 0) {
        FZ_CHECK(yr_split(stated, w, n, YR_LARGEST_REMAINDER, lr) == YR_OK);
        for (size_t i = 0; i < n; i++) {
            fz_i128 d = (fz_i128)pub[i] - lr[i];
            if (d > INT64_MAX || d < INT64_MIN)
                expect |= 1u << YR_ERR_OVERFLOW;
        }
    }

    yr_status st = yr_audit_split(stated, nullsel == 15 ? NULL : w, nullsel == 14 ? NULL : pub, n,
                                  nullsel == 13 ? NULL : summary, nullsel == 12 ? NULL : rows);
    if (expect != 0) {
        FZ_CHECK(st != YR_OK && (unsigned)st < 32 && (expect & (1u << st)));
        FZ_CHECK(fz_is_pattern(summary, sizeof *summary));
        FZ_CHECK(fz_is_pattern(rows, n * sizeof *rows));
        goto done;
    }
    FZ_CHECK(st == YR_OK);
    if (nullsel == 12) { /* the summary only: the same as with rows */
        const yr_audit_summary alone = *summary;
        FZ_CHECK(fz_is_pattern(rows, n * sizeof *rows));
        FZ_CHECK(yr_audit_split(stated, w, pub, n, summary, rows) == YR_OK);
        FZ_CHECK(alone.published_sum == summary->published_sum &&
                 alone.sum_diff == summary->sum_diff && alone.quota_den == summary->quota_den &&
                 alone.rows_differing == summary->rows_differing &&
                 alone.rows_outside_quota == summary->rows_outside_quota &&
                 alone.methods_matching == summary->methods_matching);
    }

    /* The table-level findings. */
    int64_t W = (int64_t)wsum;
    FZ_CHECK(summary->stated_total == stated);
    FZ_CHECK(summary->published_sum == (int64_t)psum);
    FZ_CHECK(summary->sum_diff == (int64_t)(psum - stated));
    FZ_CHECK(summary->quota_den == (W == 0 ? 1 : W));
    size_t differing = 0, outside = 0;
    uint64_t den = (uint64_t)(W == 0 ? 1 : W);
    for (size_t i = 0; i < n; i++) {
        /* floor(stated * w / W) and the remainder in [0, W), from magnitudes */
        fz_u128 p = (fz_u128)fz_abs(stated) * (uint64_t)w[i];
        fz_u128 q = p / den, r = p % den;
        fz_i128 fl;
        fz_u128 rem;
        if (stated >= 0) {
            fl = (fz_i128)q;
            rem = r;
        } else {
            fl = -(fz_i128)q - (r != 0);
            rem = r != 0 ? den - r : 0;
        }
        const yr_audit_row *row = &rows[i];
        FZ_CHECK(row->quota_whole == (int64_t)fl);
        FZ_CHECK(row->quota_rem == (int64_t)rem);
        FZ_CHECK(row->expected == lr[i]);
        FZ_CHECK(row->diff == pub[i] - lr[i]);
        int within = (fz_i128)pub[i] == fl || (rem != 0 && (fz_i128)pub[i] == fl + 1);
        FZ_CHECK(row->within_quota == within);
        differing += pub[i] != lr[i];
        outside += !within;
    }
    FZ_CHECK(summary->rows_differing == differing);
    FZ_CHECK(summary->rows_outside_quota == outside);
    unsigned matching = 0;
    for (unsigned m = 0; m < YR_METHOD_COUNT; m++) {
        if (yr_split(stated, w, n, (yr_method)m, trial) == YR_OK &&
            memcmp(trial, pub, n * sizeof *pub) == 0)
            matching |= 1u << m;
    }
    FZ_CHECK(summary->methods_matching == matching);
    /* A table made by a method without deltas must be recognised as that method's. */
    if (base < YR_METHOD_COUNT && differing == 0)
        FZ_CHECK(matching & 1u);
done:
    free(w);
    free(pub);
    free(trial);
    free(lr);
    free(summary);
    free(rows);
    return 0;
}
