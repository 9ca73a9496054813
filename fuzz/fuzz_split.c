/* libFuzzer target: yr_split (all methods) and yr_split_mixed with random weights, totals,
 * methods and fractions. Every result is checked inside the target against the SPEC, with exact
 * arithmetic written here (not the library's helpers):
 *   - the status is the one the input calls for; on error the output buffer is untouched;
 *   - largest remainder / mixed: each row is the floor or ceiling of its exact quota, the rows
 *     add to the total, the rounded-up rows are those that rank first (remainder, then weight,
 *     then earlier index); round-each: each row is its quota rounded half away from zero;
 *   - divisor methods: the rows add to the total, weight 0 gets 0, and no unit given ranks after
 *     a unit not given (priority w/d(s), then weight, then index);
 *   - odd symmetry split(-T) == -split(T) where the SPEC promises it; same input, same output.
 *
 * Input: head byte (bits 0-2 method; bit 7 mixed model; bits 3-6 == 15 / 14 pass NULL weights /
 * NULL out, == 13 an invalid method), total, [mixed: numerator, denominator], then weights (fz_int
 * each).
 *
 * Built with FZ_GENERATED (target fuzz_split_large), the weights are generated instead, for
 * national-scale inputs from a few bytes: a count (2^(byte % 16) + byte, up to 33 023 parties),
 * an 8-byte seed, the largest weight (fz_int) and a byte (zero weights per 256). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa.h"
#include "fuzz_common.h"
#include "fuzz_split_ref.h"

#define MAXN 4096

/* Mixed model, exactly: quota_i = N_i / D, N_i = t*num*W' + t*(den-num)*w_i*n, D = den*n*W'
 * (num/den reduced, W' = max(W, 1)). Returns 1 when every intermediate is below 2^126, i.e.
 * YR_ERR_OVERFLOW would be a finding; with out != NULL also checks the result. */
FZ_NOCOV static int mixed_small(int64_t total, int64_t num0, int64_t den0, const int64_t *w,
                                size_t n, const int64_t *out)
{
    uint64_t a = (uint64_t)num0, b = (uint64_t)den0;
    while (b != 0) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    uint64_t num = (uint64_t)num0 / a, den = (uint64_t)den0 / a;
    uint64_t t = fz_abs(total);
    fz_u128 W = 0;
    for (size_t i = 0; i < n; i++)
        W += (uint64_t)w[i];
    if (W == 0)
        W = 1;
    bn D, eq, tmp, tmp2, unit, Ni, lo;
    bn_set(&tmp, (fz_u128)den * n);
    bn_mul_u128(&D, &tmp, W);
    bn_set(&tmp, (fz_u128)t * num);
    bn_mul_u128(&eq, &tmp, W);
    bn_set(&unit, (fz_u128)t * (den - num));
    int small = bn_below_pow2(&D, 126);
    fz_u128 sum = 0;
    int have_up = 0, have_down = 0;
    bn up_r, down_r;
    uint64_t up_w = 0, down_w = 0;
    size_t up_i = 0, down_i = 0;
    up_r.len = down_r.len = 0;
    for (size_t i = 0; i < n; i++) {
        bn_mul_u128(&tmp, &unit, (fz_u128)(uint64_t)w[i] * n);
        bn_add(&Ni, &eq, &tmp);
        small = small && bn_below_pow2(&Ni, 126);
        if (out == NULL)
            continue;
        uint64_t mag;
        if (total < 0) {
            FZ_CHECK(out[i] <= 0);
            mag = (uint64_t)0 - (uint64_t)out[i];
        } else {
            FZ_CHECK(out[i] >= 0);
            mag = (uint64_t)out[i];
        }
        sum += mag;
        /* floor or ceiling of N_i / D */
        bn_mul_u128(&lo, &D, mag);
        int up = 0;
        bn r;
        if (bn_cmp(&lo, &Ni) <= 0) {
            bn_sub(&r, &Ni, &lo);
            FZ_CHECK(bn_cmp(&r, &D) < 0); /* mag is the floor */
        } else {
            FZ_CHECK(mag > 0);
            bn_mul_u128(&tmp2, &D, mag - 1);
            FZ_CHECK(bn_cmp(&tmp2, &Ni) < 0); /* mag is the ceiling of a non-integer */
            bn_sub(&r, &Ni, &tmp2);
            up = 1;
        }
        uint64_t wi = (uint64_t)w[i];
        if (up) {
            int c = have_up ? bn_cmp(&r, &up_r) : 0;
            if (!have_up || c < 0 || (c == 0 && (wi < up_w || (wi == up_w && i > up_i)))) {
                up_r = r;
                up_w = wi;
                up_i = i;
                have_up = 1;
            }
        } else if (!bn_is_zero(&r)) {
            int c = have_down ? bn_cmp(&r, &down_r) : 0;
            if (!have_down || c > 0 || (c == 0 && (wi > down_w || (wi == down_w && i < down_i)))) {
                down_r = r;
                down_w = wi;
                down_i = i;
                have_down = 1;
            }
        }
    }
    if (out != NULL) {
        FZ_CHECK(sum == t);
        if (have_up && have_down) {
            int c = bn_cmp(&up_r, &down_r);
            FZ_CHECK(c > 0 || (c == 0 && (up_w > down_w || (up_w == down_w && up_i < down_i))));
        }
    }
    return small;
}

#ifdef FZ_GENERATED
FZ_NOCOV static void generate(int64_t *w, size_t n, uint64_t seed, uint64_t maxw, unsigned zeros)
{
    for (size_t i = 0; i < n; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        w[i] = (seed & 255) < zeros ? 0 : (int64_t)((seed >> 8) % (maxw + 1));
    }
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    uint8_t head = fz_u8(&rd);
    unsigned m = head & 7;
    int mixed = (head & 0x80) != 0;
    unsigned nullsel = (head >> 3) & 15;
    if (nullsel == 13)
        m += YR_METHOD_COUNT; /* an invalid method */
    int64_t total = fz_int(&rd);
    int64_t num = 0, den = 1;
    if (mixed) {
        num = fz_int(&rd);
        den = fz_int(&rd);
    }
    int64_t *w;
    size_t n = 0;
#ifdef FZ_GENERATED
    {
        /* Many parties from a few bytes: count, seed, largest weight, share of zero weights. */
        n = ((size_t)1 << (fz_u8(&rd) % 16)) + fz_u8(&rd); /* log-uniform, up to 33 023 */
        uint64_t seed = fz_bytes(&rd, 8) | 1;
        uint64_t maxw = fz_abs(fz_int(&rd));
        maxw = maxw > (uint64_t)INT64_MAX ? (uint64_t)INT64_MAX : maxw;
        unsigned zeros = fz_u8(&rd);
        w = fz_alloc_pattern(n * sizeof *w);
        generate(w, n, seed, maxw, zeros);
    }
#else
    {
        int64_t *tmp = malloc(MAXN * sizeof *tmp);
        FZ_CHECK(tmp != NULL);
        while (fz_left(&rd) > 0 && n < MAXN)
            tmp[n++] = fz_int(&rd);
        w = fz_alloc_pattern(n * sizeof *w); /* exactly n weights */
        memcpy(w, tmp, n * sizeof *w);
        free(tmp);
    }
#endif
    int64_t *out = fz_alloc_pattern(n * sizeof *out);
    const int64_t *w_arg = nullsel == 15 ? NULL : w;
    int64_t *out_arg = nullsel == 14 ? NULL : out;

    /* What the input calls for. */
    unsigned expect = 0; /* bit s: status s is an acceptable answer */
    int any_negative = 0;
    fz_u128 W = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] < 0)
            any_negative = 1;
        else
            W += (uint64_t)w[i];
    }
    if (n == 0)
        expect |= 1u << YR_ERR_EMPTY;
    if (w_arg == NULL || out_arg == NULL)
        expect |= 1u << YR_ERR_NULL;
    if (any_negative)
        expect |= 1u << YR_ERR_NEGATIVE;
    yr_status st;
    if (!mixed) {
        if (m >= YR_METHOD_COUNT)
            expect |= 1u << YR_ERR_RANGE;
        else if (fz_is_divisor_method(m) && total < 0)
            expect |= 1u << YR_ERR_NEGATIVE;
        if (W == 0 && total != 0)
            expect |= 1u << YR_ERR_ZERO_WEIGHT;
        st = yr_split(total, w_arg, n, (yr_method)m, out_arg);
    } else {
        int bad_fraction = den <= 0 || num < 0 || num > den;
        if (bad_fraction)
            expect |= 1u << YR_ERR_RANGE;
        else if (W == 0 && total != 0 && num != den)
            expect |= 1u << YR_ERR_ZERO_WEIGHT;
        if (expect == 0 && total != 0 && !mixed_small(total, num, den, w, n, NULL))
            expect |= 1u << YR_ERR_OVERFLOW | 1u << YR_OK; /* too large to promise either */
        st = yr_split_mixed(total, num, den, w_arg, n, out_arg);
    }

    if (expect != 0 && !(expect & (1u << YR_OK))) {
        FZ_CHECK(st != YR_OK);
        FZ_CHECK((unsigned)st < 32 && (expect & (1u << st)));
        FZ_CHECK(fz_is_pattern(out, n * sizeof *out));
        goto done;
    }
    if (st != YR_OK) {
        FZ_CHECK(expect & (1u << st)); /* only a permitted overflow */
        FZ_CHECK(fz_is_pattern(out, n * sizeof *out));
        goto done;
    }

    const fz_opts defaults = {0, NULL, NULL, 0, 0};
    if (mixed)
        (void)mixed_small(total, num, den, w, n, out);
    else if (fz_is_divisor_method(m))
        (void)fz_check_divisor(m, total, w, n, out, &defaults);
    else
        (void)fz_check_quota(m == YR_ROUND_EACH, total, w, n, out, 0);

    /* Same input, same output; odd symmetry where the SPEC promises it. */
    int64_t *again = fz_alloc_pattern(n * sizeof *again);
    st = mixed ? yr_split_mixed(total, num, den, w, n, again)
               : yr_split(total, w, n, (yr_method)m, again);
    FZ_CHECK(st == YR_OK && memcmp(again, out, n * sizeof *out) == 0);
    if ((mixed || !fz_is_divisor_method(m)) && total != INT64_MIN) {
        st = mixed ? yr_split_mixed(-total, num, den, w, n, again)
                   : yr_split(-total, w, n, (yr_method)m, again);
        FZ_CHECK(st == YR_OK);
        for (size_t i = 0; i < n; i++)
            FZ_CHECK(again[i] == -out[i]);
    }
    free(again);
done:
    free(w);
    free(out);
    return 0;
}
