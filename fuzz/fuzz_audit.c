/* libFuzzer target: yr_audit_split. Every field of the summary and of each row is recomputed
 * here, never by yr_split (the code under test uses it): exact quotas by 128-bit floor division,
 * the expected amounts by a largest-remainder reference written in this file, and the matching
 * methods by each method's definition (split.h): the references for largest remainder and
 * round-each, the cut property of fuzz_split_ref.h's slots for the divisor methods (the weakest
 * unit given ranks before the strongest unit not given). The status must be the one the input
 * calls for, and on error the outputs are untouched. yr_split only generates inputs (a method's
 * table plus fuzzed deltas), and such a table without deltas must match its method.
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
#include "fuzz_split_ref.h"

#define MAXN 2048

typedef __int128 fz_i128;

/* A row's remainder, weight and index, for the largest-remainder ranking. */
typedef struct fz_rank {
    fz_u128 rem;
    uint64_t w;
    size_t idx;
} fz_rank;

FZ_NOCOV static int fz_rank_cmp(const void *pa, const void *pb)
{
    const fz_rank *a = pa, *b = pb;
    if (fz_rank_before(a->rem, a->w, a->idx, b->rem, b->w, b->idx, 0))
        return -1;
    return fz_rank_before(b->rem, b->w, b->idx, a->rem, a->w, a->idx, 0);
}

/* Largest remainder or round-each by definition (W = the weights' sum, fits int64; 0 only with
 * total 0): on |total|, quota |total| * w / W exactly in 128 bits; largest remainder gives the
 * floors, then one unit each to the |total| - sum(floors) largest remainders (ties: the larger
 * weight, then the earlier row); round-each rounds each quota half up; then the total's sign. */
FZ_NOCOV static void ref_quota(int round_each, int64_t total, const int64_t *w, size_t n,
                               uint64_t W, int64_t *out)
{
    uint64_t t = fz_abs(total), given = 0;
    fz_rank *rank = malloc((n ? n : 1) * sizeof *rank);
    uint64_t *mag = malloc((n ? n : 1) * sizeof *mag);
    FZ_CHECK(rank != NULL && mag != NULL);
    for (size_t i = 0; i < n; i++) {
        fz_u128 p = W == 0 ? 0 : (fz_u128)t * (uint64_t)w[i];
        fz_u128 r = W == 0 ? 0 : p % W;
        mag[i] = W == 0 ? 0 : (uint64_t)(p / W);
        if (round_each && 2 * r >= W && W != 0)
            mag[i]++;
        given += mag[i];
        rank[i] = (fz_rank){r, (uint64_t)w[i], i};
    }
    if (!round_each && W != 0) {
        qsort(rank, n, sizeof *rank, fz_rank_cmp);
        for (size_t k = 0; k < t - given; k++)
            mag[rank[k].idx]++;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = total < 0 ? (int64_t)((uint64_t)0 - mag[i]) : (int64_t)mag[i];
    free(rank);
    free(mag);
}

/* Whether out is divisor method m's result for total (the cut property, fuzz_split_ref.h's
 * priorities and tie rule): total >= 0, rows >= 0 adding to total, 0 for weight 0, and the
 * weakest unit given ranks before the strongest unit not given. */
FZ_NOCOV static int is_divisor_result(unsigned m, int64_t total, const int64_t *w, size_t n,
                                      const int64_t *out)
{
    if (total < 0)
        return 0;
    const fz_opts o = {0, NULL, NULL, 0, 0};
    fz_u128 sum = 0;
    int have_given = 0, have_next = 0;
    fz_slot worst = {0, 0, 0, 0}, best = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (out[i] < 0 || (w[i] == 0 && out[i] != 0))
            return 0;
        sum += (uint64_t)out[i];
        if (w[i] == 0)
            continue;
        fz_slot next = fz_slot_of(m, (uint64_t)w[i], i, (uint64_t)out[i], &o);
        if (!have_next || fz_slot_before(&next, &best, 0)) {
            best = next;
            have_next = 1;
        }
        if (out[i] == 0)
            continue;
        fz_slot given = fz_slot_of(m, (uint64_t)w[i], i, (uint64_t)out[i] - 1, &o);
        if (!have_given || fz_slot_before(&worst, &given, 0)) {
            worst = given;
            have_given = 1;
        }
    }
    if (sum != (uint64_t)total)
        return 0;
    return !have_given || !have_next || fz_slot_before(&worst, &best, 0);
}

/* The methods that reproduce every published row, by definition (lr: the reference's rows). */
FZ_NOCOV static unsigned ref_matching(int64_t total, const int64_t *w, const int64_t *pub, size_t n,
                                      uint64_t W, const int64_t *lr, int64_t *trial)
{
    unsigned matching = memcmp(lr, pub, n * sizeof *pub) == 0 ? 1u << YR_LARGEST_REMAINDER : 0;
    ref_quota(1, total, w, n, W, trial);
    if (memcmp(trial, pub, n * sizeof *pub) == 0)
        matching |= 1u << YR_ROUND_EACH;
    for (unsigned m = YR_DHONDT; m < YR_METHOD_COUNT; m++)
        matching |= (unsigned)is_divisor_result(m, total, w, n, pub) << m;
    return matching;
}

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
    int made_by_base = 0; /* the published rows are exactly yr_split's (all deltas 0) */
    if (base < YR_METHOD_COUNT && n > 0 &&
        yr_split(stated, w, n, (yr_method)base, trial) == YR_OK) {
        made_by_base = 1;
        for (size_t i = 0; i < n; i++) { /* wrapping add: any int64 is a fine published row */
            pub[i] = (int64_t)((uint64_t)trial[i] + (uint64_t)tmpp[i]);
            made_by_base &= tmpp[i] == 0;
        }
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
        ref_quota(0, stated, w, n, (uint64_t)wsum, lr);
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
    unsigned matching = ref_matching(stated, w, pub, n, (uint64_t)W, lr, trial);
    FZ_CHECK(summary->methods_matching == matching);
    /* A table made by a method without deltas must be recognised as that method's. */
    if (base < YR_METHOD_COUNT && made_by_base)
        FZ_CHECK(matching & (1u << base));
done:
    free(w);
    free(pub);
    free(trial);
    free(lr);
    free(summary);
    free(rows);
    return 0;
}
