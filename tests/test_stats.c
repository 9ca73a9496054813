/* Participation statistics (SPEC §4): Wilson intervals against an independent closed form and
 * published values, the normal quantile against known constants, goal verdicts at their
 * boundaries, every error with untouched outputs, cross-tabulation against a naive count,
 * attendance / progression / coverage, and the published Dalarna tables' totals. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

/* z for 95 % (two-sided), independent of the library (textbook constant). */
#define Z95 1.959963984540054

/* Reference Wilson interval: the textbook closed form, in long double. */
static void ref_wilson(int64_t x, int64_t n, double z, double *lo, double *hi)
{
    long double p = (long double)x / (long double)n, nn = (long double)n, zz = (long double)z;
    long double centre = (p + zz * zz / (2 * nn)) / (1 + zz * zz / nn);
    long double half = zz / (1 + zz * zz / nn) * sqrtl(p * (1 - p) / nn + zz * zz / (4 * nn * nn));
    *lo = (double)(centre - half);
    *hi = (double)(centre + half);
}

static void assert_close(double got, double want, double tol)
{
    if (!(fabs(got - want) <= tol))
        fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
}

static void assert_rel(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fabs(want)))
        fail_msg("got %.17g, want %.17g (relative tolerance %g)", got, want, rel);
}

/* ---------------------------------------------------------------------------------------- */

static void test_wilson_closed_form(void **state)
{
    (void)state;
    static const int64_t cases[][2] = {{81, 263}, {15, 148}, {1, 29},  {5, 7},    {17, 22},
                                       {3, 4},    {50, 100}, {1, 2},   {99, 100}, {1234, 5678},
                                       {1, 1},    {0, 1},    {7, 1000}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double share = -1, lo = -1, hi = -1, rlo, rhi;
        assert_int_equal(yr_proportion(cases[i][0], cases[i][1], 0.95, &share, &lo, &hi), YR_OK);
        ref_wilson(cases[i][0], cases[i][1], Z95, &rlo, &rhi);
        assert_close(share, (double)cases[i][0] / (double)cases[i][1], 1e-15);
        assert_close(lo, rlo < 0 ? 0 : rlo, 1e-12);
        assert_close(hi, rhi > 1 ? 1 : rhi, 1e-12);
    }
}

/* Newcombe (1998), Stat Med 17:857, table I, method 3 (Wilson score, no continuity correction),
 * to the 4 decimals printed there. */
static void test_wilson_newcombe(void **state)
{
    (void)state;
    static const struct {
        int64_t x, n;
        double lo, hi;
    } t[] = {{81, 263, 0.2553, 0.3662},
             {15, 148, 0.0624, 0.1605},
             {0, 20, 0.0000, 0.1611},
             {1, 29, 0.0061, 0.1718}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        double s, lo, hi;
        assert_int_equal(yr_proportion(t[i].x, t[i].n, 0.95, &s, &lo, &hi), YR_OK);
        assert_close(lo, t[i].lo, 0.5e-4);
        assert_close(hi, t[i].hi, 0.5e-4);
    }
}

/* 0 of n gives low exactly 0 and high z^2/(n+z^2); n of n gives high exactly 1. */
static void test_wilson_extremes(void **state)
{
    (void)state;
    double s, lo, hi;
    assert_int_equal(yr_proportion(0, 10, 0.95, &s, &lo, &hi), YR_OK);
    assert_true(s == 0.0);
    assert_true(lo == 0.0);
    assert_close(hi, Z95 * Z95 / (10 + Z95 * Z95), 1e-14);
    assert_close(hi, 0.2775, 0.5e-4);

    assert_int_equal(yr_proportion(10, 10, 0.95, &s, &lo, &hi), YR_OK);
    assert_true(s == 1.0);
    assert_true(hi == 1.0);
    assert_close(lo, 10 / (10 + Z95 * Z95), 1e-14);

    /* Far tails, where the naive closed form cancels: 30-digit values (mpmath) written here. */
    assert_int_equal(yr_proportion(1, 1000000, 0.95, &s, &lo, &hi), YR_OK);
    assert_rel(lo, 1.7652457674537147e-7, 1e-12);
    assert_rel(hi, 5.664911804311443e-6, 1e-12);
    assert_int_equal(yr_proportion(999999, 1000000, 0.95, &s, &lo, &hi), YR_OK);
    assert_rel(1 - hi, 1.7652457674537147e-7, 1e-9); /* 1 - hi itself has only ~10 digits */
    assert_rel(1 - lo, 5.664911804311443e-6, 1e-10);

    /* Huge counts stay finite and inside [0, 1]. */
    assert_int_equal(yr_proportion(INT64_MAX / 3, INT64_MAX, 0.99, &s, &lo, &hi), YR_OK);
    assert_true(lo >= 0 && lo <= s && s <= hi && hi <= 1);
    assert_close(s, 1.0 / 3, 1e-15);
}

/* Random shares: bounds against the closed form, ordering, and the symmetry x <-> n - x. */
static void test_wilson_random(void **state)
{
    (void)state;
    uint64_t seed = 0x5eed1234u;
    for (int it = 0; it < 20000; it++) {
        int64_t n = 1 + (int64_t)(next_rand(&seed) % (it % 2 ? 100 : 1000000));
        int64_t x = (int64_t)(next_rand(&seed) % (uint64_t)(n + 1));
        double s, lo, hi, s2, lo2, hi2, rlo, rhi;
        assert_int_equal(yr_proportion(x, n, 0.95, &s, &lo, &hi), YR_OK);
        assert_int_equal(yr_proportion(n - x, n, 0.95, &s2, &lo2, &hi2), YR_OK);
        ref_wilson(x, n, Z95, &rlo, &rhi);
        assert_close(lo, rlo < 0 ? 0 : rlo, 1e-12);
        assert_close(hi, rhi > 1 ? 1 : rhi, 1e-12);
        assert_true(0 <= lo && lo <= s && s <= hi && hi <= 1);
        assert_close(lo, 1 - hi2, 1e-15);
        assert_close(hi, 1 - lo2, 1e-15);
        assert_true((x == 0) == (lo == 0.0));
        assert_true((x == n) == (hi == 1.0));
    }
}

/* The library's z, recovered from the upper bound of 0 of 1: high = z^2 / (1 + z^2). */
static double z_of(double confidence)
{
    double s, lo, hi;
    assert_int_equal(yr_proportion(0, 1, confidence, &s, &lo, &hi), YR_OK);
    return sqrt(hi / (1 - hi));
}

/* Reference quantiles: sqrt(2) erfinv(c) to 40 digits (mpmath) for c the exact double nearest
 * the level, rounded to double. (For 0.999999 this matters: the double is 1 - 1.0000000000288e-6,
 * whose z differs from that of the decimal 0.999999 in the 12th digit.) The textbook values
 * 0.90 -> 1.6448536269514722 and 0.99 -> 2.5758293035489004 agree to 1e-15. */
static void test_normal_quantile(void **state)
{
    (void)state;
    assert_rel(z_of(0.95), 1.9599639845400538, 1e-12);
    assert_rel(z_of(0.95), Z95, 1e-12);
    assert_rel(z_of(0.90), 1.6448536269514722, 1e-12);
    assert_rel(z_of(0.99), 2.5758293035489004, 1e-12);
    assert_rel(z_of(0.999), 3.2905267314918945, 1e-12);
    assert_rel(z_of(0.999999), 4.891638475692932, 1e-12);
    assert_rel(z_of(0.5), 0.6744897501960817, 1e-12);
    assert_rel(z_of(0.2), 0.25334710313579983, 1e-12);
    assert_rel(z_of(1e-6), 1.2533141373158284e-6, 1e-12);
    /* Acklam's approximation alone is good to ~1e-9; 0.9515 puts the tail exactly on its region
     * boundary p = 0.02425, 0.8 is in its central region. */
    assert_rel(z_of(0.9515), 1.972961051311885, 1e-12);
    assert_rel(z_of(0.8), 1.2815515655446006, 1e-12);
    /* monotone in the level */
    double prev = 0;
    for (int i = 1; i < 1000; i++) {
        double z = z_of(i / 1000.0);
        assert_true(z > prev);
        prev = z;
    }
}

/* ---------------------------------------------------------------------------------------- */

/* yr_goal_check succeeds with the verdict want. */
static void expect_goal(int64_t yes, int64_t n, double target, double confidence, yr_goal want)
{
    yr_goal v = (yr_goal)99;
    assert_int_equal(yr_goal_check(yes, n, target, confidence, &v), YR_OK);
    assert_int_equal(v, want);
}

static void test_goal_boundaries(void **state)
{
    (void)state;
    double s, lo, hi;
    assert_int_equal(yr_proportion(40, 50, 0.95, &s, &lo, &hi), YR_OK);
    /* target exactly the lower bound: met; just above: inconclusive */
    expect_goal(40, 50, lo, 0.95, YR_GOAL_MET);
    expect_goal(40, 50, nextafter(lo, 0), 0.95, YR_GOAL_MET);
    expect_goal(40, 50, nextafter(lo, 1), 0.95, YR_GOAL_INCONCLUSIVE);
    /* target exactly the upper bound: inconclusive; just above: not met */
    expect_goal(40, 50, hi, 0.95, YR_GOAL_INCONCLUSIVE);
    expect_goal(40, 50, nextafter(hi, 1), 0.95, YR_GOAL_NOT_MET);
    expect_goal(40, 50, nextafter(hi, 0), 0.95, YR_GOAL_INCONCLUSIVE);

    /* Dalarna manager survey (manager-survey-2024.csv): 77 % of 22 is 17 yes, target 80 %:
     * the interval 0.566..0.899 contains 0.8, so nothing can be concluded. */
    expect_goal(17, 22, 0.80, 0.95, YR_GOAL_INCONCLUSIVE);
    /* clear cases */
    expect_goal(95, 100, 0.80, 0.95, YR_GOAL_MET);
    expect_goal(60, 100, 0.80, 0.95, YR_GOAL_NOT_MET);
    /* the extreme targets */
    expect_goal(0, 5, 0.0, 0.95, YR_GOAL_MET);
    expect_goal(5, 5, 1.0, 0.95, YR_GOAL_INCONCLUSIVE);
    /* a wider interval (99 %) turns a 95 % verdict inconclusive: 88 of 100 vs 0.78
     * (lower bounds 0.8019 at 95 %, 0.7719 at 99 %) */
    assert_int_equal(yr_proportion(88, 100, 0.95, &s, &lo, &hi), YR_OK);
    assert_true(lo > 0.78);
    expect_goal(88, 100, 0.78, 0.95, YR_GOAL_MET);
    assert_int_equal(yr_proportion(88, 100, 0.99, &s, &lo, &hi), YR_OK);
    assert_true(lo < 0.78);
    expect_goal(88, 100, 0.78, 0.99, YR_GOAL_INCONCLUSIVE);
}

static void test_goal_name(void **state)
{
    (void)state;
    assert_string_equal(yr_goal_name(YR_GOAL_MET), "met");
    assert_string_equal(yr_goal_name(YR_GOAL_NOT_MET), "not met");
    assert_string_equal(yr_goal_name(YR_GOAL_INCONCLUSIVE), "inconclusive");
    assert_null(yr_goal_name((yr_goal)3));
    assert_null(yr_goal_name((yr_goal)-1));
}

/* ---------------------------------------------------------------------------------------- */

#define SENT 12345.678

static void check_proportion_error(int64_t x, int64_t n, double c, yr_status want)
{
    double s = SENT, lo = SENT, hi = SENT;
    assert_int_equal(yr_proportion(x, n, c, &s, &lo, &hi), want);
    assert_true(s == SENT && lo == SENT && hi == SENT);
    double r = SENT, rl = SENT, rh = SENT;
    assert_int_equal(yr_coverage(x, n, 1000, c, &r, &rl, &rh), want);
    assert_true(r == SENT && rl == SENT && rh == SENT);
    yr_goal v = (yr_goal)77;
    assert_int_equal(yr_goal_check(x, n, 0.5, c, &v), want);
    assert_int_equal(v, 77);
}

static void test_errors_proportion(void **state)
{
    (void)state;
    check_proportion_error(0, 0, 0.95, YR_ERR_EMPTY);
    check_proportion_error(5, 0, 0.95, YR_ERR_EMPTY);
    check_proportion_error(11, 10, 0.95, YR_ERR_RANGE);
    check_proportion_error(-1, 10, 0.95, YR_ERR_NEGATIVE);
    check_proportion_error(1, -10, 0.95, YR_ERR_NEGATIVE);
    check_proportion_error(1, 10, 0.0, YR_ERR_RANGE);
    check_proportion_error(1, 10, 1.0, YR_ERR_RANGE);
    check_proportion_error(1, 10, -0.5, YR_ERR_RANGE);
    check_proportion_error(1, 10, 95.0, YR_ERR_RANGE);
    check_proportion_error(1, 10, NAN, YR_ERR_RANGE);
    check_proportion_error(1, 10, INFINITY, YR_ERR_RANGE);

    double s = SENT, lo = SENT;
    assert_int_equal(yr_proportion(1, 10, 0.95, &s, &lo, NULL), YR_ERR_NULL);
    assert_int_equal(yr_proportion(1, 10, 0.95, NULL, &lo, &s), YR_ERR_NULL);
    assert_true(s == SENT && lo == SENT);
    assert_int_equal(yr_goal_check(1, 10, 0.5, 0.95, NULL), YR_ERR_NULL);

    yr_goal v = (yr_goal)77;
    assert_int_equal(yr_goal_check(1, 10, -0.01, 0.95, &v), YR_ERR_RANGE);
    assert_int_equal(yr_goal_check(1, 10, 1.01, 0.95, &v), YR_ERR_RANGE);
    assert_int_equal(yr_goal_check(1, 10, NAN, 0.95, &v), YR_ERR_RANGE);
    assert_int_equal(v, 77);

    double r = SENT, rl = SENT, rh = SENT;
    assert_int_equal(yr_coverage(1, 10, 0.0, 0.95, &r, &rl, &rh), YR_ERR_RANGE);
    assert_int_equal(yr_coverage(1, 10, -1000, 0.95, &r, &rl, &rh), YR_ERR_RANGE);
    assert_int_equal(yr_coverage(1, 10, NAN, 0.95, &r, &rl, &rh), YR_ERR_RANGE);
    assert_int_equal(yr_coverage(1, 10, INFINITY, 0.95, &r, &rl, &rh), YR_ERR_RANGE);
    assert_int_equal(yr_coverage(1, 10, 1000, 0.95, &r, NULL, &rh), YR_ERR_NULL);
    assert_true(r == SENT && rl == SENT && rh == SENT);
}

/* ---------------------------------------------------------------------------------------- */

static void naive_crosstab(const uint32_t *row, const uint32_t *col, size_t n, size_t ncols,
                           int64_t *table)
{
    for (size_t i = 0; i < n; i++)
        table[row[i] * ncols + col[i]] += 1;
}

/* Random data, sorted data, sizes that are not a multiple of the unrolling, small and large
 * n relative to the table, against a naive count. */
static void test_crosstab_random(void **state)
{
    (void)state;
    static const size_t sizes[][3] = {{0, 3, 4},      {1, 1, 1},       {3, 290, 20},
                                      {7, 2, 2},      {1001, 290, 20}, {100003, 290, 20},
                                      {50000, 15, 3}, {40000, 1, 7},   {30001, 400, 200}};
    uint64_t seed = 42;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int sorted = 0; sorted < 2; sorted++) {
            size_t n = sizes[k][0], nr = sizes[k][1], nc = sizes[k][2];
            uint32_t *row = malloc((n + 1) * sizeof *row), *col = malloc((n + 1) * sizeof *col);
            int64_t *t = malloc(nr * nc * sizeof *t), *ref = calloc(nr * nc, sizeof *ref);
            assert_non_null(row);
            assert_non_null(col);
            assert_non_null(t);
            assert_non_null(ref);
            for (size_t i = 0; i < n; i++) {
                if (sorted) { /* runs of equal cells, as in an export sorted by group */
                    size_t cell = i * (nr * nc) / (n ? n : 1);
                    row[i] = (uint32_t)(cell / nc);
                    col[i] = (uint32_t)(cell % nc);
                } else {
                    row[i] = (uint32_t)(next_rand(&seed) % nr);
                    col[i] = (uint32_t)(next_rand(&seed) % nc);
                }
            }
            for (size_t j = 0; j < nr * nc; j++)
                t[j] = -7; /* must be overwritten, not added to */
            naive_crosstab(row, col, n, nc, ref);
            assert_int_equal(yr_crosstab(row, col, n, nr, nc, t), YR_OK);
            assert_memory_equal(t, ref, nr * nc * sizeof *t);

            /* count_by on the rows equals the row sums */
            int64_t *cnt = malloc(nr * sizeof *cnt);
            assert_non_null(cnt);
            assert_int_equal(yr_count_by(row, n, nr, cnt), YR_OK);
            for (size_t r = 0; r < nr; r++) {
                int64_t sum = 0;
                for (size_t c = 0; c < nc; c++)
                    sum += ref[r * nc + c];
                assert_int_equal(cnt[r], sum);
            }
            free(cnt);
            free(row);
            free(col);
            free(t);
            free(ref);
        }
    }
}

/* One bad index anywhere (first, middle, last record; row or column; just past the end or far)
 * gives RANGE and leaves the table untouched. */
static void test_crosstab_range(void **state)
{
    (void)state;
    enum { N = 10007, NR = 290, NC = 20 };
    uint32_t *row = malloc(N * sizeof *row), *col = malloc(N * sizeof *col);
    int64_t *t = malloc(NR * NC * sizeof *t), cnt[NR];
    assert_non_null(row);
    assert_non_null(col);
    assert_non_null(t);
    uint64_t seed = 7;
    static const size_t where[] = {0, 1, 5000, N - 2, N - 1};
    static const uint32_t bad[] = {NR, NR + 1, UINT32_MAX};
    for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
        for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
            for (int which = 0; which < 2; which++) {
                for (size_t i = 0; i < N; i++) {
                    row[i] = (uint32_t)(next_rand(&seed) % NR);
                    col[i] = (uint32_t)(next_rand(&seed) % NC);
                }
                if (which == 0)
                    row[where[w]] = bad[b];
                else
                    col[where[w]] = bad[b] - NR + NC;
                for (size_t j = 0; j < NR * NC; j++)
                    t[j] = (int64_t)j * 3 - 11;
                assert_int_equal(yr_crosstab(row, col, N, NR, NC, t), YR_ERR_RANGE);
                for (size_t j = 0; j < NR * NC; j++)
                    assert_int_equal(t[j], (int64_t)j * 3 - 11);
                /* small n (no partial tables) too */
                assert_int_equal(yr_crosstab(row + where[w], col + where[w], 1, NR, NC, t),
                                 YR_ERR_RANGE);
                assert_int_equal(t[0], -11);
                if (which == 0) {
                    for (size_t j = 0; j < NR; j++)
                        cnt[j] = -5;
                    assert_int_equal(yr_count_by(row, N, NR, cnt), YR_ERR_RANGE);
                    for (size_t j = 0; j < NR; j++)
                        assert_int_equal(cnt[j], -5);
                }
            }
        }
    }
    free(row);
    free(col);
    free(t);
}

static void test_crosstab_errors(void **state)
{
    (void)state;
    uint32_t r[2] = {0, 1}, c[2] = {1, 0};
    int64_t t[4] = {9, 9, 9, 9};
    assert_int_equal(yr_crosstab(r, c, 2, 0, 2, t), YR_ERR_EMPTY);
    assert_int_equal(yr_crosstab(r, c, 2, 2, 0, t), YR_ERR_EMPTY);
    assert_int_equal(yr_crosstab(NULL, c, 2, 2, 2, t), YR_ERR_NULL);
    assert_int_equal(yr_crosstab(r, NULL, 2, 2, 2, t), YR_ERR_NULL);
    assert_int_equal(yr_crosstab(r, c, 2, 2, 2, NULL), YR_ERR_NULL);
    assert_int_equal(yr_crosstab(r, c, 2, SIZE_MAX / 2, 3, t), YR_ERR_OVERFLOW);
    assert_int_equal(yr_crosstab(r, c, 2, SIZE_MAX / 16, 4, t), YR_ERR_OVERFLOW);
    assert_int_equal(yr_count_by(r, 2, 0, t), YR_ERR_EMPTY);
    assert_int_equal(yr_count_by(NULL, 2, 2, t), YR_ERR_NULL);
    assert_int_equal(yr_count_by(r, 2, SIZE_MAX / 4, t), YR_ERR_OVERFLOW);
    for (int i = 0; i < 4; i++)
        assert_int_equal(t[i], 9);
    /* no records: an all-zero table (record arrays may then be NULL) */
    assert_int_equal(yr_crosstab(NULL, NULL, 0, 2, 2, t), YR_OK);
    for (int i = 0; i < 4; i++)
        assert_int_equal(t[i], 0);
    assert_int_equal(yr_crosstab(r, c, 2, 2, 2, t), YR_OK);
    expect_ints(t, 0, 1, 1, 0);
}

/* ---------------------------------------------------------------------------------------- */

/* courses-2024.csv: registered and attended per regional course; Totalt 139 / 127, 91.4 %. */
static void test_attendance_dalarna(void **state)
{
    (void)state;
    const int64_t reg[5] = {46, 51, 26, 13, 3}, att[5] = {43, 46, 25, 10, 3};
    yr_rate per[5], tot;
    assert_int_equal(yr_attendance_rate(reg, att, 5, 0.95, per, &tot), YR_OK);
    assert_int_equal(tot.successes, 127);
    assert_int_equal(tot.trials, 139);
    assert_close(tot.share, 127.0 / 139.0, 1e-15);
    assert_close(round(tot.share * 1000) / 10, 91.4, 1e-9); /* the published Totalt */
    double rlo, rhi;
    ref_wilson(127, 139, Z95, &rlo, &rhi);
    assert_close(tot.low, rlo, 1e-12);
    assert_close(tot.high, rhi, 1e-12);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(per[i].successes, att[i]);
        assert_int_equal(per[i].trials, reg[i]);
        assert_close(per[i].share, (double)att[i] / (double)reg[i], 1e-15);
    }
    assert_true(per[4].high == 1.0);
    /* published per-course rates: 93.5 90.2 96.2 76.9 100.0 */
    static const double pub[5] = {93.5, 90.2, 96.2, 76.9, 100.0};
    for (int i = 0; i < 5; i++)
        assert_close(round(per[i].share * 1000) / 10, pub[i], 1e-9);
}

/* Where the total and the mean of the rates differ a lot: a big course at 50 % and a tiny one at
 * 100 %: total 52/102 = 0.5098, mean of rates 0.75. */
static void test_attendance_total_not_mean(void **state)
{
    (void)state;
    const int64_t reg[3] = {100, 2, 0}, att[3] = {50, 2, 0};
    yr_rate per[3], tot;
    assert_int_equal(yr_attendance_rate(reg, att, 3, 0.95, per, &tot), YR_OK);
    assert_close(tot.share, 52.0 / 102.0, 1e-15);
    double mean = (per[0].share + per[1].share) / 2;
    assert_close(mean, 0.75, 1e-15);
    assert_true(fabs(tot.share - mean) > 0.2);
    /* the course nobody registered for */
    assert_int_equal(per[2].trials, 0);
    assert_int_equal(per[2].successes, 0);
    assert_true(isnan(per[2].share) && isnan(per[2].low) && isnan(per[2].high));
}

static void test_attendance_errors(void **state)
{
    (void)state;
    const int64_t reg[3] = {10, 5, 8};
    yr_rate per[3], tot;
    memset(per, 0x5a, sizeof per);
    memset(&tot, 0x5a, sizeof tot);
    yr_rate per0[3], tot0;
    memcpy(per0, per, sizeof per);
    memcpy(&tot0, &tot, sizeof tot);
    const int64_t too_many[3] = {10, 6, 8}, negative[3] = {10, -1, 8}, ok[3] = {9, 5, 0};
    assert_int_equal(yr_attendance_rate(reg, too_many, 3, 0.95, per, &tot), YR_ERR_RANGE);
    assert_int_equal(yr_attendance_rate(reg, negative, 3, 0.95, per, &tot), YR_ERR_NEGATIVE);
    assert_int_equal(yr_attendance_rate(negative, ok, 3, 0.95, per, &tot), YR_ERR_NEGATIVE);
    assert_int_equal(yr_attendance_rate(reg, ok, 3, 1.5, per, &tot), YR_ERR_RANGE);
    assert_int_equal(yr_attendance_rate(reg, ok, 3, NAN, per, &tot), YR_ERR_RANGE);
    assert_int_equal(yr_attendance_rate(reg, ok, 0, 0.95, per, &tot), YR_ERR_EMPTY);
    const int64_t zeros[3] = {0, 0, 0};
    assert_int_equal(yr_attendance_rate(zeros, zeros, 3, 0.95, per, &tot), YR_ERR_EMPTY);
    const int64_t huge[3] = {INT64_MAX, 1, 0};
    assert_int_equal(yr_attendance_rate(huge, zeros, 3, 0.95, per, &tot), YR_ERR_OVERFLOW);
    assert_int_equal(yr_attendance_rate(NULL, ok, 3, 0.95, per, &tot), YR_ERR_NULL);
    assert_int_equal(yr_attendance_rate(reg, NULL, 3, 0.95, per, &tot), YR_ERR_NULL);
    assert_int_equal(yr_attendance_rate(reg, ok, 3, 0.95, NULL, &tot), YR_ERR_NULL);
    assert_int_equal(yr_attendance_rate(reg, ok, 3, 0.95, per, NULL), YR_ERR_NULL);
    assert_memory_equal(per, per0, sizeof per);
    assert_memory_equal(&tot, &tot0, sizeof tot);
    assert_int_equal(yr_attendance_rate(reg, ok, 3, 0.95, per, &tot), YR_OK);
    assert_int_equal(tot.successes, 14);
    assert_int_equal(tot.trials, 23);
}

/* The registered counts may add up to exactly INT64_MAX (issue 25: the overflow check at its
 * boundary, '>' planted as '>=', survived every test); one more is an overflow. */
static void test_attendance_sum_at_int64_max(void **state)
{
    (void)state;
    const int64_t reg[3] = {INT64_MAX - 5, 5, 0}, att[3] = {INT64_MAX - 5, 2, 0};
    const int64_t one_more[3] = {INT64_MAX - 5, 6, 0};
    yr_rate per[3], tot;
    assert_int_equal(yr_attendance_rate(reg, att, 3, 0.95, per, &tot), YR_OK);
    assert_true(tot.trials == INT64_MAX && tot.successes == INT64_MAX - 3);
    const int64_t alone[1] = {INT64_MAX}, none[1] = {0};
    assert_int_equal(yr_attendance_rate(alone, none, 1, 0.95, per, &tot), YR_OK);
    assert_true(tot.trials == INT64_MAX && tot.successes == 0);
    assert_int_equal(yr_attendance_rate(one_more, att, 3, 0.95, per, &tot), YR_ERR_OVERFLOW);
}

/* The interval always holds the share and stays in [0, 1], at every confidence a double allows:
 * with a tiny confidence (z near 0) the bounds are the share itself up to rounding, and without
 * the clamp to the share the rounded lower bound of 2 of 3 is above 2/3 (issue 25: the clamp
 * removed survived every test). The bounds are 0 exactly for 0 successes and 1 exactly for all. */
static void test_wilson_contains_share(void **state)
{
    (void)state;
    static const double conf[] = {1e-300, 1e-100, 1e-20, 1e-8, 0.5, 0.95, 0.9999999999999999};
    for (size_t c = 0; c < sizeof conf / sizeof conf[0]; c++) {
        for (int64_t n = 1; n <= 200; n++) {
            for (int64_t x = 0; x <= n; x++) {
                double s, lo, hi;
                assert_int_equal(yr_proportion(x, n, conf[c], &s, &lo, &hi), YR_OK);
                assert_true(s == (double)x / (double)n);
                if (!(0 <= lo && lo <= s && s <= hi && hi <= 1))
                    fail_msg("%lld of %lld at %g: [%.17g, %.17g] around %.17g", (long long)x,
                             (long long)n, conf[c], lo, hi, s);
                assert_true((x == 0) == (lo == 0.0));
                assert_true((x == n) == (hi == 1.0));
            }
        }
    }
}

/* ---------------------------------------------------------------------------------------- */

/* course-progress-funktionshinder-2025-04-07.csv, body rows (municipality order as in the file):
 * course1_ongoing, course1_completed, course2_ongoing, course2_completed, course3_ongoing,
 * course3_completed; and its published Totalt row. */
static const int64_t progress[15][6] = {
    {27, 136, 71, 55, 36, 7}, {71, 397, 239, 101, 79, 18}, {30, 360, 200, 130, 90, 33},
    {10, 44, 23, 21, 4, 1},   {16, 37, 13, 5, 5, 4},       {0, 0, 0, 0, 0, 0},
    {37, 100, 56, 20, 18, 7}, {21, 24, 10, 2, 4, 1},       {0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0},       {5, 2, 2, 0, 1, 0},          {8, 37, 32, 4, 7, 0},
    {4, 30, 12, 4, 4, 0},     {0, 0, 0, 0, 0, 0},          {0, 0, 0, 0, 0, 0}};
static const int64_t progress_totalt[6] = {229, 1167, 658, 342, 248, 7};

/* accounts-funktionshinder-2025-04-07.csv: accounts, staff, managers, trainers, municipal_admins
 */
static const int64_t accounts[15][5] = {
    {181, 172, 9, 7, 1}, {546, 504, 37, 5, 5}, {427, 402, 25, 9, 3}, {62, 55, 5, 2, 2},
    {78, 74, 4, 0, 2},   {0, 0, 0, 0, 0},      {165, 151, 13, 4, 1}, {55, 50, 5, 0, 1},
    {3, 0, 3, 0, 0},     {0, 0, 0, 0, 0},      {10, 7, 3, 2, 1},     {53, 48, 4, 1, 1},
    {40, 35, 4, 0, 2},   {4, 0, 4, 0, 0},      {1, 0, 1, 0, 0}};
static const int64_t accounts_totalt[5] = {1625, 1498, 117, 30, 19};

/* population-2021-06.csv, same municipality order. */
static const int64_t population[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                                       20544, 6939,  11079, 10909, 11203, 6790,  7033};

static void test_check_totals_dalarna(void **state)
{
    (void)state;
    int64_t sums[6];
    size_t bad = 99;
    assert_int_equal(yr_check_totals(&accounts[0][0], 15, 5, accounts_totalt, sums, &bad), YR_OK);
    assert_int_equal(bad, 0);
    for (int j = 0; j < 5; j++)
        assert_int_equal(sums[j], accounts_totalt[j]);

    assert_int_equal(yr_check_totals(&progress[0][0], 15, 6, progress_totalt, sums, &bad), YR_OK);
    /* Exactly one published cell is wrong: course3_completed says 7, the rows add to 71. */
    assert_int_equal(bad, 1);
    for (int j = 0; j < 5; j++)
        assert_int_equal(sums[j], progress_totalt[j]);
    int64_t c3 = 0;
    for (int i = 0; i < 15; i++)
        c3 += progress[i][5];
    assert_int_equal(c3, 71);
    assert_int_equal(sums[5], 71);
    assert_int_equal(progress_totalt[5], 7);

    /* courses-2024.csv: rounds, course_days, registered, attended (empty cells of the national
     * course counted as 0); Totalt 6, 14, 139, 127 is right. */
    const int64_t courses[5][4] = {
        {2, 8, 46, 43}, {2, 2, 51, 46}, {1, 2, 26, 25}, {1, 2, 13, 10}, {0, 0, 3, 3}};
    const int64_t courses_totalt[4] = {6, 14, 139, 127};
    assert_int_equal(yr_check_totals(&courses[0][0], 5, 4, courses_totalt, sums, &bad), YR_OK);
    assert_int_equal(bad, 0);
}

static void test_check_totals_errors(void **state)
{
    (void)state;
    const int64_t t[2][2] = {{INT64_MAX, 1}, {1, 2}}, stated[2] = {0, 3};
    int64_t sums[2] = {-1, -1};
    size_t bad = 42;
    assert_int_equal(yr_check_totals(&t[0][0], 2, 2, stated, sums, &bad), YR_ERR_OVERFLOW);
    assert_int_equal(yr_check_totals(&t[0][0], 2, 0, stated, sums, &bad), YR_ERR_EMPTY);
    assert_int_equal(yr_check_totals(NULL, 2, 2, stated, sums, &bad), YR_ERR_NULL);
    assert_int_equal(yr_check_totals(&t[0][0], 2, 2, NULL, sums, &bad), YR_ERR_NULL);
    assert_int_equal(yr_check_totals(&t[0][0], 2, 2, stated, NULL, &bad), YR_ERR_NULL);
    assert_int_equal(yr_check_totals(&t[0][0], 2, 2, stated, sums, NULL), YR_ERR_NULL);
    expect_ints(sums, -1, -1);
    assert_int_equal(bad, 42);
    /* negative entries cancel exactly; overflow in the middle of a column is not an error */
    const int64_t m[3][1] = {{INT64_MAX}, {INT64_MAX}, {-INT64_MAX}};
    const int64_t ms[1] = {INT64_MAX};
    assert_int_equal(yr_check_totals(&m[0][0], 3, 1, ms, sums, &bad), YR_OK);
    assert_int_equal(sums[0], INT64_MAX);
    assert_int_equal(bad, 0);
    /* no body rows: sums 0 */
    assert_int_equal(yr_check_totals(NULL, 0, 2, stated, sums, &bad), YR_OK);
    expect_ints(sums, 0, 0);
    assert_int_equal(bad, 1);
}

/* ---------------------------------------------------------------------------------------- */

static void test_progression_dalarna(void **state)
{
    (void)state;
    /* Total progression from the column sums (not the published Totalt 7). */
    int64_t done[3] = {0, 0, 0};
    for (int i = 0; i < 15; i++) {
        done[0] += progress[i][1];
        done[1] += progress[i][3];
        done[2] += progress[i][5];
    }
    yr_rate out[2];
    assert_int_equal(yr_progression(done, 3, 0.95, out), YR_OK);
    assert_int_equal(out[0].successes, 342);
    assert_int_equal(out[0].trials, 1167);
    assert_int_equal(out[1].successes, 71);
    assert_int_equal(out[1].trials, 342);
    assert_close(out[0].share, 342.0 / 1167.0, 1e-15);
    assert_close(out[1].share, 71.0 / 342.0, 1e-15);
    double rlo, rhi;
    ref_wilson(71, 342, Z95, &rlo, &rhi);
    assert_close(out[1].low, rlo, 1e-12);
    assert_close(out[1].high, rhi, 1e-12);

    /* Rättvik: 2 completed course 1, 0 course 2, 0 course 3: 0/2 then a step from 0 (NaN). */
    const int64_t rattvik[3] = {2, 0, 0};
    assert_int_equal(yr_progression(rattvik, 3, 0.95, out), YR_OK);
    assert_true(out[0].share == 0.0 && out[0].low == 0.0);
    assert_int_equal(out[1].trials, 0);
    assert_true(isnan(out[1].share) && isnan(out[1].low) && isnan(out[1].high));

    /* errors leave out untouched */
    yr_rate before[2];
    memcpy(before, out, sizeof out);
    const int64_t up[3] = {5, 6, 1}, neg[3] = {5, -1, 0};
    assert_int_equal(yr_progression(up, 3, 0.95, out), YR_ERR_RANGE);
    assert_int_equal(yr_progression(neg, 3, 0.95, out), YR_ERR_NEGATIVE);
    assert_int_equal(yr_progression(done, 1, 0.95, out), YR_ERR_EMPTY);
    assert_int_equal(yr_progression(done, 3, 0.0, out), YR_ERR_RANGE);
    assert_int_equal(yr_progression(NULL, 3, 0.95, out), YR_ERR_NULL);
    assert_int_equal(yr_progression(done, 3, 0.95, NULL), YR_ERR_NULL);
    assert_memory_equal(before, out, sizeof out);
}

static void test_coverage_dalarna(void **state)
{
    (void)state;
    /* Completed course 1 per 1 000 inhabitants, whole county and Falun. */
    int64_t pop = 0, c1 = 0;
    for (int i = 0; i < 15; i++) {
        pop += population[i];
        c1 += progress[i][1];
    }
    assert_int_equal(pop, 288382);
    double r, lo, hi, rlo, rhi;
    assert_int_equal(yr_coverage(c1, pop, 1000, 0.95, &r, &lo, &hi), YR_OK);
    assert_close(r, 1167.0 * 1000 / 288382, 1e-12);
    ref_wilson(1167, 288382, Z95, &rlo, &rhi);
    assert_close(lo, rlo * 1000, 1e-9);
    assert_close(hi, rhi * 1000, 1e-9);
    assert_true(lo < r && r < hi);
    assert_int_equal(yr_coverage(360, 59752, 1000, 0.95, &r, &lo, &hi), YR_OK);
    assert_close(r, 360.0 * 1000 / 59752, 1e-12);
    /* per = 1: a share of a target population (70 staff in the disability-authority journey) */
    assert_int_equal(yr_coverage(35, 70, 1, 0.95, &r, &lo, &hi), YR_OK);
    assert_close(r, 0.5, 1e-15);
    ref_wilson(35, 70, Z95, &rlo, &rhi);
    assert_close(lo, rlo, 1e-12);
    assert_close(hi, rhi, 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wilson_closed_form),
        cmocka_unit_test(test_wilson_newcombe),
        cmocka_unit_test(test_wilson_extremes),
        cmocka_unit_test(test_wilson_random),
        cmocka_unit_test(test_normal_quantile),
        cmocka_unit_test(test_goal_boundaries),
        cmocka_unit_test(test_goal_name),
        cmocka_unit_test(test_errors_proportion),
        cmocka_unit_test(test_crosstab_random),
        cmocka_unit_test(test_crosstab_range),
        cmocka_unit_test(test_crosstab_errors),
        cmocka_unit_test(test_attendance_dalarna),
        cmocka_unit_test(test_attendance_total_not_mean),
        cmocka_unit_test(test_attendance_errors),
        cmocka_unit_test(test_attendance_sum_at_int64_max),
        cmocka_unit_test(test_wilson_contains_share),
        cmocka_unit_test(test_check_totals_dalarna),
        cmocka_unit_test(test_check_totals_errors),
        cmocka_unit_test(test_progression_dalarna),
        cmocka_unit_test(test_coverage_dalarna),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
