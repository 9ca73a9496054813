/* yr_audit_split on the three published Dalarna splits that list their population, recomputed
 * independently here, plus synthetic tables, edge values and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(m) (1u << (m))

/* data/dalarna/population-2021-06.csv (the same column is in each published-split file below) */
static const int64_t pop[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                                20544, 6939,  11079, 10909, 11203, 6790,  7033};
static const int64_t W = 288382;
enum { AVESTA, BORLANGE, FALUN, GAGNEF, HEDEMORA, LEKSAND, LUDVIKA, MALUNG, MORA, ORSA };

/* data/dalarna/published-split-coordinator-2023.csv: 850 000 kr (PM 2022-10-14) */
static const int64_t coordinator_2023[15] = {67751, 154625, 176118, 30816, 45671,
                                             46983, 78441,  30017,  60553, 20453,
                                             32655, 32154,  33021,  20013, 20730};
/* data/dalarna/published-split-ok-gnv-2022.csv: 31 061 440 kr (slides 2022-02-25) */
static const int64_t ok_gnv_2022[15] = {2475807, 5650433, 6435850, 1126101, 1668956,
                                        1716887, 2866469, 1096912, 2212781, 747395,
                                        1193312, 1175001, 1206668, 731347,  757520};
/* data/dalarna/published-split-yr-rss-estimate-2023.csv: 3 000 000 kr (slides 2022-02-25) */
static const int64_t rss_2023[15] = {239120, 545734, 621592, 108762, 161192, 165822, 276852, 105943,
                                     213717, 72186,  115253, 113485, 116543, 70635,  73163};

/* ---- independent reference (plain int64: T * w < 2^63 for these tables) --------------------- */

static int64_t sum_rows(const int64_t *a, size_t n)
{
    int64_t s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i];
    return s;
}

/* Largest remainder by repeated selection of the largest remaining remainder (O(n^2), fine for
 * 15 rows): ties to the larger weight, then the earlier row. total >= 0. */
static void ref_lr(int64_t total, const int64_t *w, size_t n, int64_t *out)
{
    int64_t wsum = sum_rows(w, n), rem[64];
    int used[64] = {0};
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++) {
        out[i] = total * w[i] / wsum;
        rem[i] = total * w[i] % wsum;
    }
    for (int64_t left = total - sum_rows(out, n); left > 0; left--) {
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            if (used[i])
                continue;
            if (best == n || rem[i] > rem[best] || (rem[i] == rem[best] && w[i] > w[best]))
                best = i;
        }
        used[best] = 1;
        out[best]++;
    }
}

/* Check one Dalarna audit against the reference; returns the summary. */
static yr_audit_summary audit_dalarna(int64_t total, const int64_t *published, yr_audit_row *rows)
{
    yr_audit_summary s;
    assert_int_equal(yr_audit_split(total, pop, published, 15, &s, rows), YR_OK);
    int64_t lr[15];
    ref_lr(total, pop, 15, lr);
    assert_int_equal(s.stated_total, total);
    assert_int_equal(s.published_sum, sum_rows(published, 15));
    assert_int_equal(s.sum_diff, sum_rows(published, 15) - total);
    assert_int_equal(s.quota_den, W);
    size_t differing = 0, outside = 0;
    for (size_t i = 0; i < 15; i++) {
        assert_int_equal(rows[i].quota_whole, total * pop[i] / W);
        assert_int_equal(rows[i].quota_rem, total * pop[i] % W);
        assert_int_equal(rows[i].expected, lr[i]);
        assert_int_equal(rows[i].diff, published[i] - lr[i]);
        int within = published[i] == rows[i].quota_whole ||
                     (rows[i].quota_rem != 0 && published[i] == rows[i].quota_whole + 1);
        assert_int_equal(rows[i].within_quota, within);
        differing += published[i] != lr[i];
        outside += !within;
    }
    assert_int_equal(s.rows_differing, differing);
    assert_int_equal(s.rows_outside_quota, outside);
    return s;
}

/* Round-each reference: each quota rounded half up (totals are positive here). */
static int is_round_each(int64_t total, const int64_t *published)
{
    for (size_t i = 0; i < 15; i++) {
        if (published[i] != (2 * total * pop[i] + W) / (2 * W))
            return 0;
    }
    return 1;
}

/* A Dalarna table that is each quota rounded, adds up to published_sum (one unit off the stated
 * total) and differs from largest remainder in exactly one row, who: published there is
 * expected + diff. Only round-each reproduces it; every row is within its quota. */
static void audit_round_each_one_off(int64_t total, const int64_t *published, int64_t published_sum,
                                     size_t who, int64_t expected, int64_t diff, yr_audit_row *rows)
{
    assert_true(is_round_each(total, published));
    yr_audit_summary s = audit_dalarna(total, published, rows);
    assert_int_equal(s.published_sum, published_sum);
    assert_int_equal(s.sum_diff, published_sum - total);
    assert_int_equal(s.rows_differing, 1);
    assert_int_equal(rows[who].expected, expected);
    assert_int_equal(rows[who].diff, diff);
    assert_int_equal(s.rows_outside_quota, 0);
    assert_int_equal(s.methods_matching, BIT(YR_ROUND_EACH));
}

/* Coordinator 2023: rows add to 850 001 against the stated 850 000; each row is its quota
 * rounded (a spreadsheet's ROUND), and exactly one row differs from largest remainder: Orsa,
 * quota 20452.56, published 20453, whose .56 is only the 8th largest remainder (7 units are
 * left after the floors). Every row is still within one unit of its quota. */
static void test_coordinator_2023(void **state)
{
    (void)state;
    yr_audit_row rows[15];
    assert_int_equal(sum_rows(coordinator_2023, 15), 850001);
    /* only rounding each quota reproduces the table (every other method adds up to 850 000) */
    audit_round_each_one_off(850000, coordinator_2023, 850001, ORSA, 20452, 1, rows);
    assert_int_equal(rows[ORSA].quota_whole, 20452);
    assert_int_equal(rows[ORSA].within_quota, 1);
    for (size_t i = 0; i < 15; i++) {
        if (i != ORSA)
            assert_int_equal(rows[i].diff, 0);
    }
}

/* "God och nara vard" 2022: 31 061 440 kr; the rows add to 31 061 439, one krona short. The
 * table is again each quota rounded: Hedemora's quota 1668956.498 was rounded down, and it has
 * the largest remainder of all rows rounded down, so largest remainder gives Hedemora the
 * missing krona (1668957). */
static void test_ok_gnv_2022(void **state)
{
    (void)state;
    yr_audit_row rows[15];
    audit_round_each_one_off(31061440, ok_gnv_2022, 31061439, HEDEMORA, 1668957, -1, rows);
    assert_int_equal(rows[HEDEMORA].quota_whole, 1668956);
    /* the remainder is just under a half: 2 * rem < W */
    assert_true(2 * rows[HEDEMORA].quota_rem < W && 2 * rows[HEDEMORA].quota_rem > W - W / 100);
}

/* The 2023 estimate: 3 000 000 kr; the rows add to 2 999 999. Each quota rounded again;
 * Borlange's 545734.477 and Vansbro's 70635.477 were both rounded down and are the two largest
 * such remainders, Borlange's larger by a hair (.47719 against .47656): largest remainder gives
 * Borlange the missing krona. */
static void test_rss_estimate_2023(void **state)
{
    (void)state;
    yr_audit_row rows[15];
    audit_round_each_one_off(3000000, rss_2023, 2999999, BORLANGE, 545735, -1, rows);
    assert_int_equal(rows[13].diff, 0); /* Vansbro */
    /* same denominator W: the remainders compare directly */
    assert_true(rows[BORLANGE].quota_rem > rows[13].quota_rem);
    assert_true(2 * rows[13].quota_rem < W);
}

/* A correct largest-remainder table: nothing differs, and LR matches. */
static void test_correct_table(void **state)
{
    (void)state;
    int64_t lr[15];
    yr_audit_row rows[15];
    ref_lr(850000, pop, 15, lr);
    yr_audit_summary s = audit_dalarna(850000, lr, rows);
    assert_int_equal(s.sum_diff, 0);
    assert_int_equal(s.rows_differing, 0);
    assert_int_equal(s.rows_outside_quota, 0);
    assert_true(s.methods_matching & BIT(YR_LARGEST_REMAINDER));
    assert_false(s.methods_matching & BIT(YR_ROUND_EACH));
}

/* Which methods reproduce a table: weights 5000 3000 1500 500, total 10 (worked by hand in
 * test_split.c): LR, Sainte-Lague and modified give 5 3 2 0; D'Hondt 6 3 1 0; Huntington-Hill
 * 5 3 1 1; Adams 4 3 2 1; round-each 5 3 2 1 (sum 11). */
static void test_methods_matching(void **state)
{
    (void)state;
    static const int64_t w[] = {5000, 3000, 1500, 500};
    static const struct {
        int64_t pub[4];
        unsigned bits;
    } cases[] = {
        {{5, 3, 2, 0},
         BIT(YR_LARGEST_REMAINDER) | BIT(YR_SAINTE_LAGUE) | BIT(YR_SAINTE_LAGUE_MODIFIED)},
        {{6, 3, 1, 0}, BIT(YR_DHONDT)},
        {{5, 3, 1, 1}, BIT(YR_HUNTINGTON_HILL) | BIT(YR_DEAN)},
        {{4, 3, 2, 1}, BIT(YR_ADAMS)},
        {{5, 3, 2, 1}, BIT(YR_ROUND_EACH)},
        {{5, 4, 1, 0}, 0},
    };
    for (size_t c = 0; c < LEN(cases); c++) {
        yr_audit_summary s;
        yr_audit_row rows[4];
        assert_int_equal(yr_audit_split(10, w, cases[c].pub, 4, &s, rows), YR_OK);
        assert_int_equal(s.methods_matching, cases[c].bits);
    }
}

/* A table that is off by more than a unit somewhere; and a negative (refund) total. */
static void test_outside_quota_and_negative(void **state)
{
    (void)state;
    static const int64_t w[] = {1, 1, 2};
    /* total 100: quotas 25 25 50 exactly; published 27 23 50: two rows outside (integral
     * quotas allow only the quota itself) */
    static const int64_t pub[] = {27, 23, 50};
    yr_audit_summary s;
    yr_audit_row rows[3];
    assert_int_equal(yr_audit_split(100, w, pub, 3, &s, rows), YR_OK);
    assert_int_equal(s.sum_diff, 0);
    assert_int_equal(s.rows_differing, 2);
    assert_int_equal(s.rows_outside_quota, 2);
    assert_int_equal(rows[0].diff, 2);
    assert_int_equal(rows[1].diff, -2);
    assert_int_equal(rows[0].within_quota, 0);
    assert_int_equal(rows[2].within_quota, 1);
    assert_int_equal(s.methods_matching, 0);
    /* refund of -10 by 1 1 2: quotas -2.5 -2.5 -5 -> floors (toward -inf) -3 -3 -5 with
     * remainders 1/2 1/2 0 over W 4 -> quota_rem 2 2 0. LR: -3 -2 -5 (the magnitude's extra
     * unit to the earlier of the tie). */
    static const int64_t refund[] = {-3, -2, -5};
    assert_int_equal(yr_audit_split(-10, w, refund, 3, &s, rows), YR_OK);
    assert_int_equal(s.quota_den, 4);
    assert_int_equal(rows[0].quota_whole, -3);
    assert_int_equal(rows[0].quota_rem, 2);
    assert_int_equal(rows[2].quota_whole, -5);
    assert_int_equal(rows[2].quota_rem, 0);
    assert_int_equal(rows[0].expected, -3);
    assert_int_equal(rows[1].expected, -2);
    assert_int_equal(s.rows_differing, 0);
    assert_int_equal(s.rows_outside_quota, 0);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(rows[i].within_quota, 1);
    /* divisor methods are not run for a refund; LR and round-each (-3 -3 -5) are */
    assert_int_equal(s.methods_matching, BIT(YR_LARGEST_REMAINDER));
}

/* Extreme published values: the per-row differences and the within-quota test must not
 * overflow. */
static void test_extreme_published(void **state)
{
    (void)state;
    /* stated -5 over weights 1 2: quotas -5/3 and -10/3, both fractional. A published
     * INT64_MIN row is far outside its quota (and computing published - 1 would overflow). */
    static const int64_t w[] = {1, 2};
    static const int64_t pub[] = {INT64_MIN, 0};
    yr_audit_summary s;
    yr_audit_row rows[2];
    assert_int_equal(yr_audit_split(-5, w, pub, 2, &s, rows), YR_OK);
    assert_int_equal(rows[0].quota_whole, -2);
    assert_int_equal(rows[0].quota_rem, 1);
    assert_int_equal(rows[0].within_quota, 0);
    assert_int_equal(rows[0].expected, -2);
    assert_int_equal(rows[0].diff, INT64_MIN + 2);
    assert_int_equal(s.sum_diff, INT64_MIN + 5);
    assert_int_equal(s.rows_outside_quota, 2);
    /* INT64_MAX published where the quota is INT64_MAX - 1 + fraction: within */
    static const int64_t w2[] = {INT64_MAX - 1, 1};
    static const int64_t pub2[] = {INT64_MAX, 0};
    /* quota of row 0: INT64_MAX * (INT64_MAX - 1) / INT64_MAX = INT64_MAX - 1 exactly */
    assert_int_equal(yr_audit_split(INT64_MAX, w2, pub2, 2, &s, rows), YR_OK);
    assert_int_equal(rows[0].quota_whole, INT64_MAX - 1);
    assert_int_equal(rows[0].quota_rem, 0);
    assert_int_equal(rows[0].within_quota, 0);
    assert_int_equal(rows[1].quota_whole, 1);
    assert_int_equal(rows[1].within_quota, 0);
    assert_int_equal(s.sum_diff, 0);
}

static void fill_bytes(void *p, size_t n)
{
    memset(p, 0xA5, n);
}

static int all_bytes(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        if (c[i] != 0xA5)
            return 0;
    }
    return 1;
}

static void expect_audit_error(int64_t total, const int64_t *w, const int64_t *pub, size_t n,
                               yr_status want)
{
    yr_audit_summary s;
    yr_audit_row rows[4];
    fill_bytes(&s, sizeof s);
    fill_bytes(rows, sizeof rows);
    yr_status st = yr_audit_split(total, w, pub, n, &s, rows);
    if (st != want)
        fail_msg("got %s, expected %s", yr_status_name(st), yr_status_name(want));
    assert_true(all_bytes(&s, sizeof s));
    assert_true(all_bytes(rows, sizeof rows));
}

static void test_errors(void **state)
{
    (void)state;
    static const int64_t w[] = {1, 2, 3}, pub[] = {1, 2, 3}, wneg[] = {1, -2, 3}, wz[] = {0, 0, 0};
    yr_audit_summary s;
    yr_audit_row rows[3];
    assert_int_equal(yr_audit_split(6, NULL, pub, 3, &s, rows), YR_ERR_NULL);
    assert_int_equal(yr_audit_split(6, w, NULL, 3, &s, rows), YR_ERR_NULL);
    assert_int_equal(yr_audit_split(6, w, pub, 3, NULL, rows), YR_ERR_NULL);
    /* rows NULL: the summary only, the same as with rows */
    yr_audit_summary s2;
    assert_int_equal(yr_audit_split(6, w, pub, 3, &s2, NULL), YR_OK);
    assert_int_equal(yr_audit_split(6, w, pub, 3, &s, rows), YR_OK);
    assert_int_equal(s.published_sum, s2.published_sum);
    assert_int_equal(s.sum_diff, s2.sum_diff);
    assert_int_equal(s.quota_den, s2.quota_den);
    assert_int_equal(s.rows_differing, s2.rows_differing);
    assert_int_equal(s.rows_outside_quota, s2.rows_outside_quota);
    assert_int_equal(s.methods_matching, s2.methods_matching);
    for (size_t i = 0; i < 3; i++) { /* each row is yr_audit_row_of()'s */
        yr_audit_row r;
        assert_int_equal(yr_audit_row_of(6, w[i], s.quota_den, pub[i], rows[i].expected, &r),
                         YR_OK);
        assert_int_equal(r.quota_whole, rows[i].quota_whole);
        assert_int_equal(r.quota_rem, rows[i].quota_rem);
        assert_int_equal(r.diff, rows[i].diff);
        assert_int_equal(r.within_quota, rows[i].within_quota);
    }
    yr_audit_row r0 = rows[0];
    assert_int_equal(yr_audit_row_of(6, 1, 0, 1, 1, &r0), YR_ERR_RANGE);
    assert_int_equal(yr_audit_row_of(6, -1, 6, 1, 1, &r0), YR_ERR_RANGE);
    assert_int_equal(yr_audit_row_of(6, 1, 6, INT64_MAX, -1, &r0), YR_ERR_OVERFLOW);
    assert_int_equal(yr_audit_row_of(6, 1, 6, 1, 1, NULL), YR_ERR_NULL);
    /* untouched on error */
    assert_int_equal(r0.quota_whole, rows[0].quota_whole);
    assert_int_equal(r0.diff, rows[0].diff);
    expect_audit_error(6, w, pub, 0, YR_ERR_EMPTY);
    expect_audit_error(6, wneg, pub, 3, YR_ERR_NEGATIVE);
    expect_audit_error(6, wz, pub, 3, YR_ERR_ZERO_WEIGHT);
    /* the weights' sum does not fit int64 */
    static const int64_t wbig[] = {INT64_MAX, 1, 0};
    expect_audit_error(6, wbig, pub, 3, YR_ERR_OVERFLOW);
    /* the published rows' sum does not fit */
    static const int64_t pbig[] = {INT64_MAX, 1, 0}, pmin[] = {INT64_MIN, -1, 0};
    expect_audit_error(6, w, pbig, 3, YR_ERR_OVERFLOW);
    expect_audit_error(6, w, pmin, 3, YR_ERR_OVERFLOW);
    /* the sum's difference from the stated total does not fit */
    static const int64_t pmax[] = {INT64_MAX, 0, 0};
    expect_audit_error(-1, w, pmax, 3, YR_ERR_OVERFLOW);
    /* a row's difference from its expected amount does not fit: published INT64_MAX where
     * largest remainder gives a negative amount (and the sums still fit) */
    static const int64_t prow[] = {INT64_MAX, INT64_MIN + 10, 0};
    expect_audit_error(-6, w, prow, 3, YR_ERR_OVERFLOW);
    /* all-zero weights with a zero total is fine: every expected row is 0 */
    static const int64_t zeros[] = {0, 0, 0};
    assert_int_equal(yr_audit_split(0, wz, zeros, 3, &s, rows), YR_OK);
    assert_int_equal(s.rows_differing, 0);
    assert_int_equal(s.sum_diff, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coordinator_2023),  cmocka_unit_test(test_ok_gnv_2022),
        cmocka_unit_test(test_rss_estimate_2023), cmocka_unit_test(test_correct_table),
        cmocka_unit_test(test_methods_matching),  cmocka_unit_test(test_outside_quota_and_negative),
        cmocka_unit_test(test_extreme_published), cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
