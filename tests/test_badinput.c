/* The bad-input matrix through the C API (issue 8): NULLs, empty input, negative, zero-sum and
 * overflowing numbers, NaN and infinities where doubles enter, out-of-range enums, unknown role
 * names, day and municipality indices past the counts. Every case checks the exact status, that
 * yr_strerror() has a message for it, and that the outputs were left exactly as they were. */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

#define PATTERN 0xA5
#define fill(x) memset(&(x), PATTERN, sizeof(x))

static int untouched(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        if (c[i] != PATTERN)
            return 0;
    }
    return 1;
}

/* An error status with a real message, and the output buffer as it was. */
#define assert_error(call, expected, buf)                                                          \
    do {                                                                                           \
        yr_status st_ = (call);                                                                    \
        assert_int_equal(st_, (expected));                                                         \
        assert_string_not_equal(yr_strerror(st_), yr_strerror((yr_status)999));                    \
        assert_true(untouched(&(buf), sizeof(buf)));                                               \
    } while (0)

static const int64_t pop[4] = {22986, 52460, 59752, 10455};

/* ---- status messages ------------------------------------------------------------------- */

static void test_every_status_has_a_distinct_message(void **state)
{
    (void)state;
    for (int a = 0; a < YR_STATUS_COUNT; a++) {
        const char *m = yr_strerror((yr_status)a);
        assert_non_null(m);
        assert_true(strlen(m) > 5 && strchr(m, '\n') == NULL);
        assert_string_not_equal(yr_status_name((yr_status)a), "YR_UNKNOWN");
        for (int b = 0; b < a; b++)
            assert_string_not_equal(m, yr_strerror((yr_status)b));
    }
    assert_string_equal(yr_strerror((yr_status)-1), "unknown status");
    assert_string_equal(yr_strerror((yr_status)YR_STATUS_COUNT), "unknown status");
    assert_string_equal(yr_status_name((yr_status)INT_MAX), "YR_UNKNOWN");
}

/* ---- split ------------------------------------------------------------------------------ */

static void test_split_nulls_and_empty(void **state)
{
    (void)state;
    int64_t out[4];
    fill(out);
    assert_error(yr_split(100, NULL, 4, YR_LARGEST_REMAINDER, out), YR_ERR_NULL, out);
    assert_int_equal(yr_split(100, pop, 4, YR_LARGEST_REMAINDER, NULL), YR_ERR_NULL);
    assert_error(yr_split(100, pop, 0, YR_LARGEST_REMAINDER, out), YR_ERR_EMPTY, out);
    assert_error(yr_split_mixed(100, 3, 10, NULL, 4, out), YR_ERR_NULL, out);
    assert_int_equal(yr_split_mixed(100, 3, 10, pop, 4, NULL), YR_ERR_NULL);
    assert_error(yr_split_mixed(100, 3, 10, pop, 0, out), YR_ERR_EMPTY, out);
}

static void test_split_negative_zero_sum_overflow(void **state)
{
    (void)state;
    int64_t out[4];
    const int64_t negw[4] = {5, -1, 3, 2}, zero[4] = {0, 0, 0, 0};
    const int64_t huge[4] = {INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX};
    fill(out);
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        assert_error(yr_split(100, negw, 4, (yr_method)m, out), YR_ERR_NEGATIVE, out);
        assert_error(yr_split(100, zero, 4, (yr_method)m, out), YR_ERR_ZERO_WEIGHT, out);
    }
    for (int m = YR_DHONDT; m < YR_METHOD_COUNT; m++)
        assert_error(yr_split(-1, pop, 4, (yr_method)m, out), YR_ERR_NEGATIVE, out);
    assert_error(yr_split_mixed(100, 3, 10, negw, 4, out), YR_ERR_NEGATIVE, out);
    assert_error(yr_split_mixed(100, 3, 10, zero, 4, out), YR_ERR_ZERO_WEIGHT, out);
    /* Zero weights and a zero total are fine: every row 0. Equal part 100 %: weights unused. */
    int64_t z[4];
    assert_int_equal(yr_split(0, zero, 4, YR_DHONDT, z), YR_OK);
    assert_true(z[0] == 0 && z[1] == 0 && z[2] == 0 && z[3] == 0);
    assert_int_equal(yr_split_mixed(8, 1, 1, zero, 4, z), YR_OK);
    assert_true(z[0] == 2 && z[1] == 2 && z[2] == 2 && z[3] == 2);
    /* Extreme but valid: the exact 128-bit arithmetic copes, nothing overflows. */
    assert_int_equal(yr_split(INT64_MIN, huge, 4, YR_LARGEST_REMAINDER, z), YR_OK);
    assert_int_equal(z[0] + z[1] + z[2] + z[3], INT64_MIN);
    assert_int_equal(yr_split(INT64_MAX, huge, 4, YR_HUNTINGTON_HILL, z), YR_OK);
    /* The mixed model's exact intermediates can exceed 128 bits: an error, never a number. */
    assert_error(yr_split_mixed(INT64_MAX, INT64_MAX - 1, INT64_MAX, huge, 4, out), YR_ERR_OVERFLOW,
                 out);
}

static void test_split_bad_method_and_fraction(void **state)
{
    (void)state;
    int64_t out[4];
    fill(out);
    assert_error(yr_split(100, pop, 4, (yr_method)YR_METHOD_COUNT, out), YR_ERR_RANGE, out);
    assert_error(yr_split(100, pop, 4, (yr_method)-1, out), YR_ERR_RANGE, out);
    assert_error(yr_split(100, pop, 4, (yr_method)INT_MAX, out), YR_ERR_RANGE, out);
    assert_null(yr_method_name((yr_method)YR_METHOD_COUNT));
    assert_null(yr_method_name((yr_method)-1));
    assert_error(yr_split_mixed(100, 11, 10, pop, 4, out), YR_ERR_RANGE, out);
    assert_error(yr_split_mixed(100, -1, 10, pop, 4, out), YR_ERR_RANGE, out);
    assert_error(yr_split_mixed(100, 0, 0, pop, 4, out), YR_ERR_RANGE, out);
    assert_error(yr_split_mixed(100, 1, -3, pop, 4, out), YR_ERR_RANGE, out);
    assert_error(yr_split_mixed(100, INT64_MIN, INT64_MIN, pop, 4, out), YR_ERR_RANGE, out);

    yr_method m;
    fill(m);
    const char *bad[] = {"",
                         " ",
                         "dhondtt",
                         "largest",
                         "LARGEST_REMAINDERS",
                         "d\xc3\xa4hondt",
                         "\xff\xfe",
                         "largest_remainder\n",
                         "hare-niemeyer"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_error(yr_method_from_name(bad[i], &m), YR_ERR_RANGE, m);
    assert_error(yr_method_from_name(NULL, &m), YR_ERR_NULL, m);
    assert_int_equal(yr_method_from_name("dhondt", NULL), YR_ERR_NULL);
}

/* ---- audit ------------------------------------------------------------------------------ */

static void test_audit_bad_input(void **state)
{
    (void)state;
    const int64_t published[4] = {10, 20, 30, 40}, negw[4] = {1, 2, -3, 4}, zero[4] = {0};
    yr_audit_summary s;
    yr_audit_row rows[4];
    fill(s);
    fill(rows);
    assert_error(yr_audit_split(100, NULL, published, 4, &s, rows), YR_ERR_NULL, s);
    assert_error(yr_audit_split(100, pop, NULL, 4, &s, rows), YR_ERR_NULL, rows);
    assert_error(yr_audit_split(100, pop, published, 4, NULL, rows), YR_ERR_NULL, rows);
    assert_error(yr_audit_split(100, pop, published, 0, &s, rows), YR_ERR_EMPTY, s);
    assert_error(yr_audit_split(100, negw, published, 4, &s, rows), YR_ERR_NEGATIVE, rows);
    assert_error(yr_audit_split(100, zero, published, 4, &s, rows), YR_ERR_ZERO_WEIGHT, rows);
    const int64_t wbig[2] = {INT64_MAX, 1}, pbig[2] = {INT64_MAX, 1};
    assert_error(yr_audit_split(100, wbig, published, 2, &s, rows), YR_ERR_OVERFLOW, rows);
    assert_error(yr_audit_split(100, pop, pbig, 2, &s, rows), YR_ERR_OVERFLOW, s);
    /* published - stated does not fit */
    const int64_t pneg[2] = {INT64_MIN, 0};
    assert_error(yr_audit_split(1, pop, pneg, 2, &s, rows), YR_ERR_OVERFLOW, s);
}

/* Found by fuzz/fuzz_audit.c: rows that are valid int64 values must be audited, not crash or
 * overflow. A published row of INT64_MIN made 'published - 1' overflow (undefined behaviour,
 * reported by -fsanitize=undefined); rows whose running sum leaves int64 although the sum
 * itself fits were refused with YR_ERR_OVERFLOW, which the header reserves for a sum that does
 * not fit. */
static void test_audit_extreme_rows(void **state)
{
    (void)state;
    yr_audit_summary s;
    yr_audit_row rows[3];
    const int64_t w[3] = {1, 1, 1};
    const int64_t w2[2] = {1, 1};
    /* stated INT64_MIN: the rows sum to it exactly, each differs from its quota by 2^62 */
    const int64_t pmin[2] = {INT64_MIN, 0};
    assert_int_equal(yr_audit_split(INT64_MIN, w2, pmin, 2, &s, rows), YR_OK);
    assert_int_equal(s.published_sum, INT64_MIN);
    assert_int_equal(s.sum_diff, 0);
    assert_int_equal(rows[0].quota_whole, -((int64_t)1 << 62));
    assert_int_equal(rows[0].diff, -((int64_t)1 << 62));
    assert_int_equal(s.rows_outside_quota, 2);
    const int64_t prun[3] = {INT64_MAX, 1, -1}; /* running sum leaves int64, the sum does not */
    assert_int_equal(yr_audit_split(INT64_MAX, w, prun, 3, &s, rows), YR_OK);
    assert_int_equal(s.published_sum, INT64_MAX);
    assert_int_equal(s.sum_diff, 0);
    assert_int_equal(s.rows_outside_quota, 3);
    /* quota -1/2 for each row: INT64_MIN is neither its floor (-1) nor its ceiling (0) */
    const int64_t pm[2] = {INT64_MIN, INT64_MAX}; /* sum -1 */
    assert_int_equal(yr_audit_split(-1, w2, pm, 2, &s, rows), YR_OK);
    assert_int_equal(s.published_sum, -1);
    assert_int_equal(rows[0].within_quota, 0);
    assert_int_equal(s.rows_outside_quota, 2);
}

/* ---- pot -------------------------------------------------------------------------------- */

typedef struct pot_out {
    yr_pot_row rows[3];
    yr_pot_summary s;
    int64_t und[2];
} pot_out;

static yr_status settle(const yr_pot_rules *r, size_t ndays, size_t nmun, const yr_attendance *a,
                        size_t na, const yr_trainer *t, size_t nt, pot_out *o)
{
    return yr_pot_settle(r, ndays, nmun, a, na, t, nt, o->rows, &o->s, o->und);
}

static void test_pot_bad_input(void **state)
{
    (void)state;
    yr_pot_rules rules;
    assert_int_equal(yr_pot_rules_dalarna_2024(&rules), YR_OK);
    assert_int_equal(yr_pot_rules_dalarna_2024(NULL), YR_ERR_NULL);
    const yr_attendance att[2] = {{0, 0, 4}, {1, 2, 3}};
    const yr_trainer tr[2] = {{0, 1, YR_ROLE_LEADER}, {1, 0, YR_ROLE_TRAINER}};
    pot_out o;
    fill(o);
    assert_error(settle(NULL, 2, 3, att, 2, tr, 2, &o), YR_ERR_NULL, o);
    assert_error(settle(&rules, 2, 3, NULL, 2, tr, 2, &o), YR_ERR_NULL, o);
    assert_error(settle(&rules, 2, 3, att, 2, NULL, 2, &o), YR_ERR_NULL, o);
    assert_error(yr_pot_settle(&rules, 2, 3, att, 2, tr, 2, NULL, &o.s, o.und), YR_ERR_NULL, o);
    assert_error(yr_pot_settle(&rules, 2, 3, att, 2, tr, 2, o.rows, NULL, o.und), YR_ERR_NULL, o);
    assert_error(settle(&rules, 2, 0, att, 2, tr, 2, &o), YR_ERR_EMPTY, o);

    /* unknown days and municipalities, an unknown role */
    const yr_attendance att_day[1] = {{2, 0, 4}}, att_mun[1] = {{0, 3, 4}};
    const yr_trainer tr_day[1] = {{SIZE_MAX, 0, YR_ROLE_LEADER}};
    const yr_trainer tr_mun[1] = {{0, 3, YR_ROLE_LEADER}};
    const yr_trainer tr_role[1] = {{0, 0, (yr_role)YR_ROLE_COUNT}};
    const yr_trainer tr_role_neg[1] = {{0, 0, (yr_role)-1}};
    assert_error(settle(&rules, 2, 3, att_day, 1, tr, 2, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 0, 3, att, 2, NULL, 0, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 2, 3, att_mun, 1, tr, 2, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 2, 3, att, 2, tr_day, 1, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 2, 3, att, 2, tr_mun, 1, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 2, 3, att, 2, tr_role, 1, &o), YR_ERR_RANGE, o);
    assert_error(settle(&rules, 2, 3, att, 2, tr_role_neg, 1, &o), YR_ERR_RANGE, o);

    /* negative numbers, rules out of range */
    const yr_attendance att_neg[1] = {{0, 0, -1}};
    assert_error(settle(&rules, 2, 3, att_neg, 1, tr, 2, &o), YR_ERR_NEGATIVE, o);
    yr_pot_rules bad = rules;
    bad.fee = -600;
    assert_error(settle(&bad, 2, 3, att, 2, tr, 2, &o), YR_ERR_NEGATIVE, o);
    bad = rules;
    bad.pot_part = -1;
    assert_error(settle(&bad, 2, 3, att, 2, tr, 2, &o), YR_ERR_NEGATIVE, o);
    bad = rules;
    bad.share[YR_ROLE_LEADER] = -15;
    assert_error(settle(&bad, 2, 3, att, 2, tr, 2, &o), YR_ERR_NEGATIVE, o);
    bad = rules;
    bad.pot_part = 601;
    assert_error(settle(&bad, 2, 3, att, 2, tr, 2, &o), YR_ERR_RANGE, o);
    bad = rules;
    bad.share[YR_ROLE_LEADER] = bad.share[YR_ROLE_TRAINER] = 0; /* a pot nobody can share */
    assert_error(settle(&bad, 2, 3, att, 2, tr, 2, &o), YR_ERR_RANGE, o);

    /* overflow: participant-days, and fee x participant-days */
    const yr_attendance att_big[2] = {{0, 0, INT64_MAX}, {1, 1, 1}};
    const yr_attendance att_fee[1] = {{0, 0, INT64_MAX / 600 + 1}};
    assert_error(settle(&rules, 2, 3, att_big, 2, tr, 2, &o), YR_ERR_OVERFLOW, o);
    assert_error(settle(&rules, 2, 3, att_fee, 1, tr, 2, &o), YR_ERR_OVERFLOW, o);

    /* Nothing at all is a valid (empty) year; NULL record arrays are fine when empty. */
    assert_int_equal(settle(&rules, 0, 3, NULL, 0, NULL, 0, &o), YR_OK);
    assert_int_equal(o.s.pot_in, 0);
    assert_int_equal(o.rows[2].kickback, 0);
}

static void test_role_names(void **state)
{
    (void)state;
    yr_role r;
    fill(r);
    const char *bad[] = {"",           "   ",         "chef",
                         "leaders",    "kurs ledare", "utbildare x",
                         "\xff",       "ledare",      "Kursledare\xc2\xa0x",
                         "trainer\x01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_error(yr_role_from_name(bad[i], &r), YR_ERR_RANGE, r);
    assert_error(yr_role_from_name(NULL, &r), YR_ERR_NULL, r);
    assert_int_equal(yr_role_from_name("leader", NULL), YR_ERR_NULL);
    assert_int_equal(yr_role_from_name(" KursLedare\t", &r), YR_OK);
    assert_int_equal(r, YR_ROLE_LEADER);
    /* the blanks of yr_label_trim(), as for every label: a trailing no-break space */
    assert_int_equal(yr_role_from_name("utbildare\xc2\xa0", &r), YR_OK);
    assert_int_equal(r, YR_ROLE_TRAINER);
}

/* ---- statistics: NaN and infinities where doubles enter ------------------------------------ */

static const double bad_confidence[] = {NAN, INFINITY, -INFINITY, 0.0, 1.0, -0.5, 1.5, -0.0};

static void test_proportion_and_goal(void **state)
{
    (void)state;
    double v[3];
    yr_goal g;
    fill(v);
    fill(g);
    for (size_t i = 0; i < sizeof bad_confidence / sizeof bad_confidence[0]; i++) {
        assert_error(yr_proportion(3, 10, bad_confidence[i], &v[0], &v[1], &v[2]), YR_ERR_RANGE, v);
        assert_error(yr_goal_check(3, 10, 0.8, bad_confidence[i], &g), YR_ERR_RANGE, g);
        assert_error(yr_coverage(3, 10, 1000, bad_confidence[i], &v[0], &v[1], &v[2]), YR_ERR_RANGE,
                     v);
    }
    const double bad_target[] = {NAN, INFINITY, -INFINITY, -0.01, 1.01};
    for (size_t i = 0; i < sizeof bad_target / sizeof bad_target[0]; i++)
        assert_error(yr_goal_check(3, 10, bad_target[i], 0.95, &g), YR_ERR_RANGE, g);
    const double bad_per[] = {NAN, INFINITY, -INFINITY, 0.0, -1000};
    for (size_t i = 0; i < sizeof bad_per / sizeof bad_per[0]; i++)
        assert_error(yr_coverage(3, 10, bad_per[i], 0.95, &v[0], &v[1], &v[2]), YR_ERR_RANGE, v);
    assert_error(yr_proportion(11, 10, 0.95, &v[0], &v[1], &v[2]), YR_ERR_RANGE, v);
    assert_error(yr_proportion(-1, 10, 0.95, &v[0], &v[1], &v[2]), YR_ERR_NEGATIVE, v);
    assert_error(yr_proportion(0, 0, 0.95, &v[0], &v[1], &v[2]), YR_ERR_EMPTY, v);
    assert_error(yr_proportion(0, INT64_MIN, 0.95, &v[0], &v[1], &v[2]), YR_ERR_NEGATIVE, v);
    assert_error(yr_proportion(3, 10, 0.95, NULL, &v[1], &v[2]), YR_ERR_NULL, v);
    assert_error(yr_goal_check(3, 10, 0.8, 0.95, NULL), YR_ERR_NULL, g);
    assert_error(yr_coverage(11, 10, 1000, 0.95, &v[0], &v[1], &v[2]), YR_ERR_RANGE, v);
    assert_null(yr_goal_name((yr_goal)3));
    assert_null(yr_goal_name((yr_goal)-1));
    /* the extremes of int64 are valid counts: finite answers in [0, 1] */
    assert_int_equal(yr_proportion(INT64_MAX, INT64_MAX, 0.95, &v[0], &v[1], &v[2]), YR_OK);
    assert_true(v[0] == 1.0 && v[1] > 0.99 && v[1] <= 1.0 && v[2] >= v[0] && v[2] <= 1.0);
    assert_int_equal(yr_proportion(0, INT64_MAX, 0.95, &v[0], &v[1], &v[2]), YR_OK);
    assert_true(v[0] == 0.0 && v[1] >= 0.0 && v[1] <= v[0] && v[2] > 0.0 && v[2] < 1e-15);
}

static void test_rates_and_tables(void **state)
{
    (void)state;
    const int64_t reg[2] = {26, 13}, att[2] = {25, 10}, att_gt[2] = {25, 14};
    yr_rate per[2], total;
    fill(per);
    fill(total);
    assert_error(yr_attendance_rate(NULL, att, 2, 0.95, per, &total), YR_ERR_NULL, per);
    assert_error(yr_attendance_rate(reg, att, 0, 0.95, per, &total), YR_ERR_EMPTY, per);
    assert_error(yr_attendance_rate(reg, att_gt, 2, 0.95, per, &total), YR_ERR_RANGE, per);
    assert_error(yr_attendance_rate(reg, att, 2, NAN, per, &total), YR_ERR_RANGE, total);
    const int64_t zero[2] = {0, 0}, negr[2] = {-1, 13}, big[2] = {INT64_MAX, 1};
    assert_error(yr_attendance_rate(zero, zero, 2, 0.95, per, &total), YR_ERR_EMPTY, total);
    assert_error(yr_attendance_rate(negr, att, 2, 0.95, per, &total), YR_ERR_NEGATIVE, per);
    assert_error(yr_attendance_rate(big, zero, 2, 0.95, per, &total), YR_ERR_OVERFLOW, per);

    const int64_t completed[3] = {136, 55, 7}, rising[3] = {55, 136, 7};
    yr_rate prog[2];
    fill(prog);
    assert_error(yr_progression(completed, 1, 0.95, prog), YR_ERR_EMPTY, prog);
    assert_error(yr_progression(rising, 3, 0.95, prog), YR_ERR_RANGE, prog);
    assert_error(yr_progression(completed, 3, INFINITY, prog), YR_ERR_RANGE, prog);
    assert_error(yr_progression(NULL, 3, 0.95, prog), YR_ERR_NULL, prog);

    const uint32_t rows[3] = {0, 1, 7}, cols[3] = {0, 0, 0};
    int64_t table[4];
    fill(table);
    assert_error(yr_crosstab(rows, cols, 3, 2, 2, table), YR_ERR_RANGE, table);
    assert_error(yr_crosstab(rows, cols, 3, 0, 2, table), YR_ERR_EMPTY, table);
    assert_error(yr_crosstab(NULL, cols, 3, 2, 2, table), YR_ERR_NULL, table);
    assert_error(yr_crosstab(rows, cols, 2, SIZE_MAX, 2, table), YR_ERR_OVERFLOW, table);
    assert_error(yr_count_by(rows, 3, 2, table), YR_ERR_RANGE, table);
    assert_error(yr_count_by(rows, 3, 0, table), YR_ERR_EMPTY, table);

    const int64_t body[4] = {INT64_MAX, 1, 1, 2}, stated[2] = {0, 0};
    int64_t sums[2];
    size_t mism;
    fill(sums);
    fill(mism);
    assert_error(yr_check_totals(body, 2, 2, stated, sums, &mism), YR_ERR_OVERFLOW, sums);
    assert_error(yr_check_totals(body, 2, 0, stated, sums, &mism), YR_ERR_EMPTY, mism);
    assert_error(yr_check_totals(NULL, 2, 2, stated, sums, &mism), YR_ERR_NULL, sums);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_status_has_a_distinct_message),
        cmocka_unit_test(test_split_nulls_and_empty),
        cmocka_unit_test(test_split_negative_zero_sum_overflow),
        cmocka_unit_test(test_split_bad_method_and_fraction),
        cmocka_unit_test(test_audit_bad_input),
        cmocka_unit_test(test_audit_extreme_rows),
        cmocka_unit_test(test_pot_bad_input),
        cmocka_unit_test(test_role_names),
        cmocka_unit_test(test_proportion_and_goal),
        cmocka_unit_test(test_rates_and_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
