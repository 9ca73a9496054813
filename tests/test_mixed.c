/* yr_split_mixed: part of the total equally per party, the rest by weight, settled by largest
 * remainder on the combined exact quota. Checked against an exact reference written here:
 * quota_i = T*num/(den*n) + T*(den-num)*w_i/(den*W) = N_i / D with D = den*n*W and
 * N_i = T*num*W + T*(den-num)*w_i*n, then floors and the remainders sorted (ties: larger
 * weight, then earlier party). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

__extension__ typedef unsigned __int128 u128;

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAXN 24
#define SENTINEL INT64_C(-5555555)

/* ---- reference ------------------------------------------------------------------------------ */

/* Exact reference for inputs small enough that N_i and D fit 128 bits (the caller keeps them
 * so). Also returns each row's exact quota as whole + rem/D for the "within one unit" check. */
static void ref_mixed(int64_t total, int64_t num, int64_t den, const int64_t *w, size_t n,
                      int64_t *out, u128 *qwhole, u128 *qrem, u128 *qden)
{
    u128 W = 0;
    for (size_t i = 0; i < n; i++)
        W += (u128)w[i];
    if (W == 0)
        W = 1; /* only reached with num == den: the weighted part is 0 */
    uint64_t t = total < 0 ? (uint64_t)0 - (uint64_t)total : (uint64_t)total;
    u128 D = (u128)den * n * W;
    rank_row rows[MAXN];
    uint64_t q[MAXN];
    u128 floors = 0;
    for (size_t i = 0; i < n; i++) {
        u128 N = (u128)t * (uint64_t)num * W + (u128)t * (uint64_t)(den - num) * (uint64_t)w[i] * n;
        q[i] = (uint64_t)(N / D);
        rows[i].rem = N % D;
        rows[i].w = w[i];
        rows[i].idx = i;
        floors += q[i];
        if (qwhole) {
            qwhole[i] = q[i];
            qrem[i] = rows[i].rem;
        }
    }
    if (qden)
        *qden = D;
    qsort(rows, n, sizeof *rows, rank_cmp);
    for (size_t j = 0; j < (size_t)(t - floors); j++)
        q[rows[j].idx]++;
    for (size_t i = 0; i < n; i++)
        out[i] = total < 0 ? -(int64_t)q[i] : (int64_t)q[i];
}

static void expect_mixed(int64_t total, int64_t num, int64_t den, const int64_t *w, size_t n,
                         const int64_t *expected)
{
    int64_t out[MAXN + 1];
    for (size_t i = 0; i <= n; i++)
        out[i] = SENTINEL;
    yr_status st = yr_split_mixed(total, num, den, w, n, out);
    if (st != YR_OK)
        fail_msg("total %lld %lld/%lld: %s", (long long)total, (long long)num, (long long)den,
                 yr_strerror(st));
    for (size_t i = 0; i < n; i++) {
        if (out[i] != expected[i])
            fail_msg("total %lld %lld/%lld row %zu: got %lld, expected %lld", (long long)total,
                     (long long)num, (long long)den, i, (long long)out[i], (long long)expected[i]);
    }
    assert_int_equal(out[n], SENTINEL);
}

static void expect_error(int64_t total, int64_t num, int64_t den, const int64_t *w, size_t n,
                         yr_status want)
{
    int64_t out[MAXN + 1];
    for (size_t i = 0; i <= MAXN; i++)
        out[i] = SENTINEL;
    yr_status st = yr_split_mixed(total, num, den, w, n, out);
    if (st != want)
        fail_msg("total %lld %lld/%lld: got %s, expected %s", (long long)total, (long long)num,
                 (long long)den, yr_status_name(st), yr_status_name(want));
    for (size_t i = 0; i <= MAXN; i++)
        assert_int_equal(out[i], SENTINEL);
}

/* data/dalarna/population-2021-06.csv */
static const int64_t dalarna_pop[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                                        20544, 6939,  11079, 10909, 11203, 6790,  7033};

/* 850 000 kr, 30 % equally and 70 % by population: quota_i = 17000 + 595000 * w_i / 288382.
 * E.g. Orsa 17000 + 595000 * 6939 / 288382 = 31316.79..., Falun 140282.45..., Malung-Salen
 * 38011.991... Floors add to 849 991; the 9 units go to the 9 largest fractional parts
 * (.991 Malung, .975 Leksand, .888 Ludvika, .837 Smedjebacken, .835 Hedemora, .792 Orsa,
 * .736 Alvdalen, .587 Rattvik, .533 Avesta); Falun (.452) stays at its floor. */
static void test_dalarna_30_70(void **state)
{
    (void)state;
    /* computed independently (exact rationals, outside the library) */
    static const int64_t expected[15] = {64426, 125237, 140282, 38571, 48970, 49888, 71909, 38012,
                                         59387, 31317,  39859,  39508, 40114, 31009, 31511};
    int64_t ref[15];
    u128 whole[15], rem[15], D;
    ref_mixed(850000, 3, 10, dalarna_pop, 15, ref, whole, rem, &D);
    assert_memory_equal(ref, expected, sizeof ref);
    expect_mixed(850000, 3, 10, dalarna_pop, 15, expected);
    /* the same fraction written differently gives the same split */
    expect_mixed(850000, 30, 100, dalarna_pop, 15, expected);
    expect_mixed(850000, 300000, 1000000, dalarna_pop, 15, expected);
    int64_t sum = 0;
    for (size_t i = 0; i < 15; i++) {
        sum += expected[i];
        /* within one unit of the exact quota: floor or floor + 1 */
        assert_true((u128)expected[i] == whole[i] ||
                    ((u128)expected[i] == whole[i] + 1 && rem[i] != 0));
    }
    assert_int_equal(sum, 850000);
    /* Quotas by hand: the equal part 17000 exactly; Orsa's share of the rest. */
    assert_true(whole[9] == 31316);
    assert_true(whole[2] == 140282 && expected[2] == 140282);
    /* a refund splits as the exact negative */
    int64_t neg[15];
    for (size_t i = 0; i < 15; i++)
        neg[i] = -expected[i];
    expect_mixed(-850000, 3, 10, dalarna_pop, 15, neg);
}

/* num == 0: the plain largest-remainder split. */
static void test_no_equal_part_is_lr(void **state)
{
    (void)state;
    uint64_t seed = 11;
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = 1 + (size_t)rand_upto(&seed, MAXN - 1);
        int64_t w[MAXN], a[MAXN], b[MAXN];
        int big = (int)rand_upto(&seed, 1);
        for (size_t i = 0; i < n; i++)
            w[i] = (int64_t)rand_upto(&seed, big ? UINT64_C(1) << 40 : 5);
        w[0] += 1;
        int64_t total = (int64_t)rand_upto(&seed, UINT64_C(1) << 50) - (INT64_C(1) << 49);
        int64_t den = 1 + (int64_t)rand_upto(&seed, 1000);
        assert_int_equal(yr_split_mixed(total, 0, den, w, n, a), YR_OK);
        assert_int_equal(yr_split(total, w, n, YR_LARGEST_REMAINDER, b), YR_OK);
        assert_memory_equal(a, b, n * sizeof *a);
    }
    /* Dalarna 2023: the known answer (published table with Orsa 20452) */
    static const int64_t lr[15] = {67751, 154625, 176118, 30816, 45671, 46983, 78441, 30017,
                                   60553, 20452,  32655,  32154, 33021, 20013, 20730};
    expect_mixed(850000, 0, 1, dalarna_pop, 15, lr);
}

/* num == den: an equal split, whatever the weights (zero weights included). Equal remainders:
 * the larger weight wins, then the earlier party. */
static void test_all_equal_part(void **state)
{
    (void)state;
    /* 10 / 3 = 3 1/3 each; one unit left, all remainders equal -> the largest weight (index 1) */
    static const int64_t w[] = {1, 5, 3}, e[] = {3, 4, 3}, en[] = {-3, -4, -3};
    expect_mixed(10, 1, 1, w, 3, e);
    expect_mixed(10, 7, 7, w, 3, e);
    expect_mixed(-10, 1, 1, w, 3, en);
    /* all weights zero is fine when nothing is split by weight: ties -> earlier parties */
    static const int64_t z[] = {0, 0, 0}, ez[] = {4, 3, 3};
    expect_mixed(10, 1, 1, z, 3, ez);
    /* equal weights: earlier parties */
    static const int64_t eq[] = {2, 2, 2, 2}, e4[] = {3, 3, 2, 2};
    expect_mixed(10, 5, 5, eq, 4, e4);
    /* INT64_MIN split equally between two: -2^62 each */
    const int64_t h[] = {-(INT64_C(1) << 62), -(INT64_C(1) << 62)};
    expect_mixed(INT64_MIN, 1, 1, z, 2, h);
}

/* Zero-weight parties still get their equal share. 100 with 1/2 equally over 4 parties:
 * 12.5 each; the other 50 by weights 0 0 1 3 -> 0 0 12.5 37.5. Quotas 12.5 12.5 25 50:
 * floors 12 12 25 50 = 99, one unit for the two .5 remainders of equal weight 0 -> the earlier. */
static void test_zero_weights(void **state)
{
    (void)state;
    static const int64_t w[] = {0, 0, 1, 3}, e[] = {13, 12, 25, 50};
    expect_mixed(100, 1, 2, w, 4, e);
    int64_t ref[4];
    ref_mixed(100, 1, 2, w, 4, ref, NULL, NULL, NULL);
    assert_memory_equal(ref, e, sizeof e);
}

/* Random inputs against the reference: exact rows, sums, within one unit of the quota, odd
 * symmetry. */
static void test_random_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 2024;
    int checked = 0;
    for (int iter = 0; iter < 4000; iter++) {
        size_t n = 1 + (size_t)rand_upto(&seed, MAXN - 1);
        int64_t w[MAXN], got[MAXN + 1], ref[MAXN], neg[MAXN];
        u128 whole[MAXN], rem[MAXN], D;
        int shape = (int)rand_upto(&seed, 2);
        for (size_t i = 0; i < n; i++)
            w[i] = (int64_t)rand_upto(&seed, shape == 0   ? 3
                                             : shape == 1 ? 1000
                                                          : UINT64_C(1) << 36);
        int64_t den = 1 + (int64_t)rand_upto(&seed, rand_upto(&seed, 1) ? 10 : 1000000);
        int64_t num = (int64_t)rand_upto(&seed, (uint64_t)den);
        int64_t total = (int64_t)rand_upto(&seed, rand_upto(&seed, 1) ? 200 : UINT64_C(1) << 40);
        if (rand_upto(&seed, 1))
            total = -total;
        int anyw = 0;
        for (size_t i = 0; i < n; i++)
            anyw |= w[i] > 0;
        for (size_t i = 0; i <= n; i++)
            got[i] = SENTINEL;
        yr_status st = yr_split_mixed(total, num, den, w, n, got);
        if (!anyw && num != den && total != 0) {
            assert_int_equal(st, YR_ERR_ZERO_WEIGHT);
            for (size_t i = 0; i <= n; i++)
                assert_int_equal(got[i], SENTINEL);
            continue;
        }
        assert_int_equal(st, YR_OK);
        assert_int_equal(got[n], SENTINEL);
        ref_mixed(total, num, den, w, n, ref, whole, rem, &D);
        for (size_t i = 0; i < n; i++) {
            if (got[i] != ref[i])
                fail_msg("iter %d row %zu: got %lld, reference %lld", iter, i, (long long)got[i],
                         (long long)ref[i]);
        }
        int64_t sum = 0;
        for (size_t i = 0; i < n; i++) {
            sum += got[i];
            u128 mag = (u128)(got[i] < 0 ? -got[i] : got[i]);
            assert_true(mag == whole[i] || (mag == whole[i] + 1 && rem[i] != 0));
        }
        assert_int_equal(sum, total);
        assert_int_equal(yr_split_mixed(-total, num, den, w, n, neg), YR_OK);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(neg[i], -got[i]);
        checked++;
    }
    assert_true(checked > 3000);
}

/* Large values that still fit: the library must not report an overflow. */
static void test_large_values_fit(void **state)
{
    (void)state;
    /* T = 2^62, 1/4 equally over 2 parties of weights 2^40 and 3 * 2^40: the equal part 2^60
     * gives 2^59 each; the rest 3 * 2^60 by 1:3 gives 3 * 2^58 and 9 * 2^58. Quotas exactly
     * 5 * 2^58 and 11 * 2^58. */
    static const int64_t w[] = {INT64_C(1) << 40, INT64_C(3) << 40};
    const int64_t e[] = {INT64_C(5) << 58, INT64_C(11) << 58};
    expect_mixed(INT64_C(1) << 62, 1, 4, w, 2, e);
    /* the largest total, one party, any fraction: everything to it */
    static const int64_t one[] = {INT64_MAX};
    const int64_t all[] = {INT64_MAX}, allmin[] = {INT64_MIN};
    expect_mixed(INT64_MAX, 1, 3, one, 1, all);
    expect_mixed(INT64_MIN, 2, 3, one, 1, allmin);
}

/* Extreme inputs whose answer is known without any arithmetic: equal weights make every quota
 * T/n whatever the fraction, so the rows are T/n rounded, the first (T mod n) parties one unit
 * further from zero. The library must give exactly that or YR_ERR_OVERFLOW with the outputs
 * untouched: never a wrong number. */
static void test_extreme_right_or_overflow(void **state)
{
    (void)state;
    const int64_t totals[] = {
        INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, INT64_C(1000000000000000000), -7};
    const int64_t fr[][2] = {{0, 1}, {1, INT64_MAX}, {INT64_MAX - 1, INT64_MAX},    {1, 2},
                             {1, 1}, {1, 3},         {INT64_MAX - 2, INT64_MAX - 1}};
    const int64_t wvals[] = {1, 3, INT64_MAX / 3, INT64_MAX - 5, INT64_MAX};
    int ok = 0, overflow = 0;
    for (size_t ti = 0; ti < LEN(totals); ti++) {
        for (size_t fi = 0; fi < LEN(fr); fi++) {
            for (size_t wi = 0; wi < LEN(wvals); wi++) {
                for (size_t n = 1; n <= 4; n++) {
                    int64_t w[4], out[5], want[4];
                    int64_t t = totals[ti];
                    /* |T| / n and |T| mod n without overflowing on INT64_MIN */
                    uint64_t mag = t < 0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;
                    for (size_t i = 0; i < n; i++) {
                        w[i] = wvals[wi];
                        uint64_t q = mag / n + (i < mag % n);
                        want[i] = t < 0 ? (int64_t)((uint64_t)0 - q) : (int64_t)q;
                    }
                    for (size_t i = 0; i <= n; i++)
                        out[i] = SENTINEL;
                    yr_status st = yr_split_mixed(t, fr[fi][0], fr[fi][1], w, n, out);
                    assert_int_equal(out[n], SENTINEL);
                    if (st == YR_ERR_OVERFLOW) {
                        overflow++;
                        for (size_t i = 0; i < n; i++)
                            assert_int_equal(out[i], SENTINEL);
                        continue;
                    }
                    if (st != YR_OK)
                        fail_msg("T %lld %lld/%lld w %lld n %zu: %s", (long long)t,
                                 (long long)fr[fi][0], (long long)fr[fi][1], (long long)w[0], n,
                                 yr_status_name(st));
                    for (size_t i = 0; i < n; i++) {
                        if (out[i] != want[i])
                            fail_msg("T %lld %lld/%lld w %lld n %zu row %zu: %lld, expected %lld",
                                     (long long)t, (long long)fr[fi][0], (long long)fr[fi][1],
                                     (long long)w[0], n, i, (long long)out[i], (long long)want[i]);
                    }
                    ok++;
                }
            }
        }
    }
    print_message("      %d exact, %d YR_ERR_OVERFLOW\n", ok, overflow);
    assert_true(ok > 0);
}

static void test_errors(void **state)
{
    (void)state;
    static const int64_t w[] = {1, 2, 3}, wneg[] = {1, -1, 3}, z[] = {0, 0, 0};
    int64_t out[3];
    /* fraction out of range */
    expect_error(100, 1, 0, w, 3, YR_ERR_RANGE);
    expect_error(100, 0, 0, w, 3, YR_ERR_RANGE);
    expect_error(100, 1, -2, w, 3, YR_ERR_RANGE);
    expect_error(100, -1, -2, w, 3, YR_ERR_RANGE);
    expect_error(100, 3, 2, w, 3, YR_ERR_RANGE);
    expect_error(100, -1, 2, w, 3, YR_ERR_RANGE);
    expect_error(100, INT64_MIN, INT64_MAX, w, 3, YR_ERR_RANGE);
    expect_error(100, INT64_MAX, INT64_MAX - 1, w, 3, YR_ERR_RANGE);
    /* all weights zero while a weighted part remains */
    expect_error(100, 0, 1, z, 3, YR_ERR_ZERO_WEIGHT);
    expect_error(100, 1, 2, z, 3, YR_ERR_ZERO_WEIGHT);
    expect_error(-100, 99, 100, z, 3, YR_ERR_ZERO_WEIGHT);
    /* negative weight, NULL, no parties */
    expect_error(100, 1, 2, wneg, 3, YR_ERR_NEGATIVE);
    expect_error(100, 1, 2, w, 0, YR_ERR_EMPTY);
    assert_int_equal(yr_split_mixed(100, 1, 2, NULL, 3, out), YR_ERR_NULL);
    assert_int_equal(yr_split_mixed(100, 1, 2, w, 3, NULL), YR_ERR_NULL);
    /* overflow: T*num*W needs about 2^190 (num/den = (2^63-2)/(2^63-1) cannot be reduced) */
    static const int64_t big[] = {INT64_MAX, INT64_MAX};
    expect_error(INT64_MAX, INT64_MAX - 1, INT64_MAX, big, 2, YR_ERR_OVERFLOW);
    expect_error(INT64_MIN, INT64_MAX - 1, INT64_MAX, big, 2, YR_ERR_OVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dalarna_30_70),
        cmocka_unit_test(test_no_equal_part_is_lr),
        cmocka_unit_test(test_all_equal_part),
        cmocka_unit_test(test_zero_weights),
        cmocka_unit_test(test_random_against_reference),
        cmocka_unit_test(test_large_values_fit),
        cmocka_unit_test(test_extreme_right_or_overflow),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("mixed", tests, NULL, NULL);
}
