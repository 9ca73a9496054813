/* Fractions from text and from doubles, percent -> count, pot shares as fractions: hand-worked
 * cases, every error with untouched outputs, and a brute-force reference for percent -> count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

static void text_is(const char *s, int64_t num, int64_t den)
{
    int64_t n = -7, d = -7;
    yr_status st = yr_fraction_from_text(s, &n, &d);
    if (st != YR_OK || n != num || d != den)
        fail_msg("'%s': status %s, %lld/%lld, expected %lld/%lld", s, yr_status_name(st),
                 (long long)n, (long long)d, (long long)num, (long long)den);
}

static void text_fails(const char *s, yr_status want)
{
    int64_t n = -7, d = -7;
    yr_status st = yr_fraction_from_text(s, &n, &d);
    if (st != want || n != -7 || d != -7)
        fail_msg("'%s': status %s, expected %s (outputs %lld/%lld)", s, yr_status_name(st),
                 yr_status_name(want), (long long)n, (long long)d);
}

static void test_text_forms(void **state)
{
    (void)state;
    text_is("0,3", 3, 10);
    text_is("0.3", 3, 10);
    text_is("0.30", 30, 100);
    text_is("30%", 30, 100);
    text_is("30 %", 30, 100);
    text_is("12,5 %", 125, 1000);
    text_is("12,5\xc2\xa0%", 125, 1000); /* no-break space before % */
    text_is("3/10", 3, 10);
    text_is(" 3 / 10 ", 3, 10);
    text_is("1", 1, 1);
    text_is("  1,5\t\r\n", 15, 10);
    text_is("\xe2\x80\xaf"
            "0,25\xc2\xa0",
            25, 100); /* narrow NBSP and NBSP around */
    text_is(".5", 5, 10);
    text_is("-0,25", -25, 100);
    text_is("+2", 2, 1);
    text_is("100 %", 100, 100);
    text_is("0,000000000000000001", 1, INT64_C(1000000000000000000));
    text_is("9223372036854775807", INT64_MAX, 1);
}

static void test_text_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",    "   ",   "abc",  "1,2,3", "5.",    ",",   "1e3", "3/0",  "3/",
        "/10", "0,5/2", "30%%", "% 30",  "1 000", "- 5", "--5", "3/-4", "12 kr",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        text_fails(bad[i], YR_ERR_RANGE);
    text_fails("9223372036854775808", YR_ERR_OVERFLOW);
    text_fails("0,0000000000000000001", YR_ERR_OVERFLOW); /* 19 decimals */
    text_fails("0,00000000000000001 %", YR_ERR_OVERFLOW); /* 10^17 × 100 */
    text_fails("1/99999999999999999999", YR_ERR_OVERFLOW);
    int64_t n, d;
    assert_int_equal(yr_fraction_from_text(NULL, &n, &d), YR_ERR_NULL);
    assert_int_equal(yr_fraction_from_text("1", NULL, &d), YR_ERR_NULL);
    assert_int_equal(yr_fraction_from_text("1", &n, NULL), YR_ERR_NULL);
}

static void double_is(double x, int64_t num, int64_t den)
{
    int64_t n = -7, d = -7;
    yr_status st = yr_fraction_from_double(x, &n, &d);
    if (st != YR_OK || n != num || d != den)
        fail_msg("%.17g: status %s, %lld/%lld, expected %lld/%lld", x, yr_status_name(st),
                 (long long)n, (long long)d, (long long)num, (long long)den);
}

static void test_double_shortest(void **state)
{
    (void)state;
    double_is(0.3, 3, 10);
    double_is(0.1 + 0.2, INT64_C(30000000000000004), INT64_C(100000000000000000));
    double_is(1.5, 15, 10);
    double_is(1.0, 1, 1);
    double_is(0.0, 0, 1);
    double_is(-0.0, 0, 1);
    double_is(100.0, 100, 1);
    double_is(-0.25, -25, 100);
    double_is(0.04, 4, 100);
    double_is(1.4, 14, 10);
    double_is(1e-18, 1, INT64_C(1000000000000000000));
    double_is(1e18, INT64_C(1000000000000000000), 1);
    double_is(123456.789, 123456789, 1000);
    double_is(2.0 / 3.0, INT64_C(6666666666666666), INT64_C(10000000000000000));
}

static void test_double_errors(void **state)
{
    (void)state;
    static const struct {
        double x;
        yr_status st;
    } bad[] = {
        {NAN, YR_ERR_RANGE},      {INFINITY, YR_ERR_RANGE}, {-INFINITY, YR_ERR_RANGE},
        {1e-19, YR_ERR_OVERFLOW}, {1e19, YR_ERR_OVERFLOW},  {1.25e-18, YR_ERR_OVERFLOW},
        {1e300, YR_ERR_OVERFLOW},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t n = -7, d = -7;
        assert_int_equal(yr_fraction_from_double(bad[i].x, &n, &d), bad[i].st);
        assert_int_equal(n, -7);
        assert_int_equal(d, -7);
    }
    int64_t n;
    assert_int_equal(yr_fraction_from_double(1.0, NULL, &n), YR_ERR_NULL);
    assert_int_equal(yr_fraction_from_double(1.0, &n, NULL), YR_ERR_NULL);
}

/* Random quotients a/b in [0, 10^6]: the fraction of the double, written out as a decimal, reads
 * back as the double, and has no more decimals than its 17-digit text. */
static void test_double_matches_text(void **state)
{
    (void)state;
    uint64_t seed = 12;
    for (int i = 0; i < 20000; i++) {
        double x = (double)rand_upto(&seed, 1000000) / (double)(1 + rand_upto(&seed, 999));
        int64_t n1, d1, n2, d2;
        yr_status st = yr_fraction_from_double(x, &n1, &d1);
        if (st == YR_ERR_OVERFLOW && x < 0.01)
            continue; /* below 0.01, 17 significant digits can need more than 18 decimals */
        assert_int_equal(st, YR_OK);
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", x);
        if (strchr(buf, 'e') != NULL)
            continue;
        assert_int_equal(yr_fraction_from_text(buf, &n2, &d2), YR_OK);
        /* n1/d1 is the shortest: no more decimals than the 17-digit text, and written out as
         * a decimal it reads back as x. */
        assert_true(d1 <= d2);
        int k = 0;
        for (int64_t t = d1; t > 1; t /= 10)
            k++;
        int w = snprintf(buf, sizeof buf, "%lld.%0*lld", (long long)(n1 / d1), k > 0 ? k : 1,
                         (long long)(n1 % d1));
        assert_true(w > 0 && (size_t)w < sizeof buf);
        assert_true(strtod(buf, NULL) == x);
    }
}

static void count_is(int64_t pn, int64_t pd, int64_t n, int64_t count, int exact)
{
    int64_t c = -7;
    int e = -7;
    yr_status st = yr_count_from_percent(pn, pd, n, &c, &e);
    if (st != YR_OK || c != count || e != exact)
        fail_msg("%lld/%lld %% of %lld: status %s, count %lld exact %d, expected %lld %d",
                 (long long)pn, (long long)pd, (long long)n, yr_status_name(st), (long long)c, e,
                 (long long)count, exact);
}

static void test_count_hand(void **state)
{
    (void)state;
    count_is(77, 1, 22, 17, 1);   /* 16.94 -> 17; 17/22 = 77.27 % shows as 77 */
    count_is(50, 1, 3, 2, 0);     /* 1.5 -> 2 (half away from zero); 66.67 % shows as 67 */
    count_is(50, 1, 4, 2, 1);     /* exactly 2 */
    count_is(125, 10, 8, 1, 1);   /* 12,5 % of 8 = 1 exactly */
    count_is(125, 10, 4, 1, 0);   /* 0.5 -> 1; 25,0 % is not 12,5 % */
    count_is(0, 1, 9, 0, 1);      /* 0 % */
    count_is(100, 1, 9, 9, 1);    /* 100 % */
    count_is(1, 1, 3, 0, 0);      /* 0.03 -> 0; 0 % is not 1 % */
    count_is(333, 10, 3, 1, 1);   /* 33,3 % of 3: 0.999 -> 1; 33.33 shows as 33.3 */
    count_is(3333, 100, 3, 1, 1); /* 33,33 % */
    count_is(1, 3, 300, 1, 1);    /* one third of a percent of 300: exactly 1 */
    count_is(1, 3, 200, 1, 0);    /* 0.667 -> 1; 1/200 = 0.5 % is not 1/3 % */
    /* reference: Python fractions, floor(p/100 × n + 1/2) */
    count_is(INT64_MAX, INT64_MAX / 100 + 1, INT64_MAX, INT64_C(9223372036854775714), 0);
}

static void test_count_errors(void **state)
{
    (void)state;
    static const int64_t bad[][3] = {
        {1, 0, 5}, {1, -1, 5}, {-1, 1, 5}, {101, 1, 5}, {10001, 100, 5}, {50, 1, 0}, {50, 1, -3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t c = -7;
        int e = -7;
        assert_int_equal(yr_count_from_percent(bad[i][0], bad[i][1], bad[i][2], &c, &e),
                         YR_ERR_RANGE);
        assert_int_equal(c, -7);
        assert_int_equal(e, -7);
    }
    int64_t c;
    int e;
    assert_int_equal(yr_count_from_percent(1, 1, 1, NULL, &e), YR_ERR_NULL);
    assert_int_equal(yr_count_from_percent(1, 1, 1, &c, NULL), YR_ERR_NULL);
}

/* Against a reference computed another way: try every count 0..n, keep the closest to the
 * percentage (ties upward), and decide exactness by printing count × 100 / n with snprintf. */
static void test_count_brute_force(void **state)
{
    (void)state;
    for (int64_t n = 1; n <= 60; n++) {
        for (int64_t p = 0; p <= 1000; p++) { /* p tenths of a percent */
            int64_t best = 0;
            for (int64_t c = 1; c <= n; c++) {
                /* |c - p n / 1000| <= |best - p n / 1000|, scaled by 1000 */
                int64_t dc = 1000 * c - p * n, db = 1000 * best - p * n;
                if (llabs(dc) < llabs(db) || (llabs(dc) == llabs(db) && c > best))
                    best = c;
            }
            /* shown with one decimal, half away from zero, in integers: round(1000 c / n) */
            int64_t shown = (2000 * best + n) / (2 * n);
            int64_t c = -1;
            int e = -1;
            assert_int_equal(yr_count_from_percent(p, 10, n, &c, &e), YR_OK);
            assert_int_equal(c, best);
            assert_int_equal(e, shown == p);
        }
    }
}

static void test_pot_shares(void **state)
{
    (void)state;
    yr_pot_rules r, dal;
    assert_int_equal(yr_pot_rules_dalarna_2024(&dal), YR_OK);
    assert_int_equal(yr_pot_rules_with_shares(600, 400, 15, 10, 1, 1, &r), YR_OK);
    assert_memory_equal(&r, &dal, sizeof r);
    assert_int_equal(yr_pot_rules_with_shares(10, 3, 3, 2, 2, 3, &r), YR_OK);
    assert_int_equal(r.fee, 10);
    assert_int_equal(r.pot_part, 3);
    assert_int_equal(r.share[YR_ROLE_LEADER], 9);  /* 3/2 = 9/6 */
    assert_int_equal(r.share[YR_ROLE_TRAINER], 4); /* 2/3 = 4/6 */
    assert_int_equal(yr_pot_rules_with_shares(0, 0, 0, 7, 0, 1, &r), YR_OK);
    assert_int_equal(r.share[YR_ROLE_LEADER], 0);

    static const struct {
        int64_t a[6];
        yr_status st;
    } bad[] = {
        {{-1, 0, 1, 1, 1, 1}, YR_ERR_NEGATIVE},
        {{600, -1, 1, 1, 1, 1}, YR_ERR_NEGATIVE},
        {{600, 400, -1, 1, 1, 1}, YR_ERR_NEGATIVE},
        {{600, 400, 1, 1, -1, 1}, YR_ERR_NEGATIVE},
        {{600, 700, 1, 1, 1, 1}, YR_ERR_RANGE},
        {{600, 400, 1, 0, 1, 1}, YR_ERR_RANGE},
        {{600, 400, 1, 1, 1, -2}, YR_ERR_RANGE},
        {{600, 400, INT64_MAX, 1, 1, 2}, YR_ERR_OVERFLOW},
        {{600, 400, 2, INT64_MAX, 1, INT64_MAX - 1}, YR_ERR_OVERFLOW},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&r, 0x5a, sizeof r);
        yr_pot_rules before = r;
        const int64_t *a = bad[i].a;
        assert_int_equal(yr_pot_rules_with_shares(a[0], a[1], a[2], a[3], a[4], a[5], &r),
                         bad[i].st);
        assert_memory_equal(&r, &before, sizeof r);
    }
    assert_int_equal(yr_pot_rules_with_shares(1, 1, 1, 1, 1, 1, NULL), YR_ERR_NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_forms),          cmocka_unit_test(test_text_errors),
        cmocka_unit_test(test_double_shortest),     cmocka_unit_test(test_double_errors),
        cmocka_unit_test(test_double_matches_text), cmocka_unit_test(test_count_hand),
        cmocka_unit_test(test_count_errors),        cmocka_unit_test(test_count_brute_force),
        cmocka_unit_test(test_pot_shares),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
