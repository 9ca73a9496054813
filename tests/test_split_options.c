/* yr_split_with: tie rules, threshold, per-party bounds, first divisor, Dean's method, and the
 * _where variants.
 *  - hand-worked cases from the literature, each with its source;
 *  - thousands of random cases against a naive reference written here (one unit at a time from
 *    the minimums for the divisor methods, sorted remainders for largest remainder), priorities
 *    compared exactly by cross-multiplication of small numbers;
 *  - totals up to 2^63-1 with weight sums beyond 2^64: the defining cut property, checked with a
 *    256-bit comparison written here, and house monotonicity across 2^62. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "internal/divisor.h"
#include "test_util.h"

typedef test_u128 u128;

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAXN 12

static yr_split_options opts(yr_method m)
{
    yr_split_options o;
    yr_split_options_init(&o);
    o.method = m;
    return o;
}

static void expect_split(int64_t total, const int64_t *w, size_t n, const yr_split_options *o,
                         const int64_t *want)
{
    int64_t got[MAXN + 1];
    for (size_t i = 0; i <= n; i++)
        got[i] = -7;
    yr_where where;
    assert_int_equal(yr_split_with_where(total, w, n, o, got, &where), YR_OK);
    assert_true(where.record == YR_WHERE_NONE && where.column == YR_WHERE_NONE);
    assert_null(where.arg);
    for (size_t i = 0; i < n; i++) {
        if (got[i] != want[i])
            fail_msg("party %zu: got %lld, expected %lld", i, (long long)got[i],
                     (long long)want[i]);
    }
    assert_int_equal(got[n], -7);
}

static void expect_fail(int64_t total, const int64_t *w, size_t n, const yr_split_options *o,
                        yr_status st, size_t record, const char *arg)
{
    int64_t got[MAXN];
    for (size_t i = 0; i < n && i < MAXN; i++)
        got[i] = -7;
    yr_where where;
    assert_int_equal(yr_split_with_where(total, w, n, o, got, &where), st);
    assert_int_equal(where.record, record);
    assert_int_equal(where.column, YR_WHERE_NONE);
    if (arg == NULL)
        assert_null(where.arg);
    else
        assert_string_equal(where.arg, arg);
    for (size_t i = 0; i < n && i < MAXN; i++)
        assert_int_equal(got[i], -7);
    assert_int_equal(yr_split_with(total, w, n, o, got), st);
}

/* ---- literature ------------------------------------------------------------------------------ */

/* Lei Eleitoral da Assembleia da República (Lei 14/79), art. 16(1)(d): when one seat is left and
 * the next terms of the D'Hondt series are equal and of different lists, the seat goes to the
 * list with fewer votes. Worked by hand: quotients A 12000 6000 4000 | B 6000 3000 | C 4000.
 * Three seats: 12000 (A), 6000 (A) and 6000 (B) -- the tie at 6000 takes both seats, nothing is
 * decided by it. The fourth seat: A's 4000 against C's 4000. */
static void test_portuguese_tie(void **state)
{
    (void)state;
    const int64_t votes[] = {12000, 6000, 4000};
    yr_split_options o = opts(YR_DHONDT);
    expect_split(3, votes, 3, &o, (const int64_t[]){2, 1, 0});
    expect_split(4, votes, 3, &o, (const int64_t[]){3, 1, 0}); /* default: larger weight */
    o.tie = YR_TIE_SMALLER_WEIGHT;
    expect_split(3, votes, 3, &o, (const int64_t[]){2, 1, 0});
    expect_split(4, votes, 3, &o, (const int64_t[]){2, 1, 1}); /* Portuguese law */
    o.tie = YR_TIE_REPORT;
    expect_split(3, votes, 3, &o, (const int64_t[]){2, 1, 0}); /* the tie decides nothing */
    expect_fail(4, votes, 3, &o, YR_ERR_TIE, 0, "tie");
    expect_split(5, votes, 3, &o, (const int64_t[]){3, 1, 1}); /* both tied units given */
}

/* Modified Sainte-Laguë with first divisor 1.4: the Norwegian Election Act (valgloven) s. 11-4,
 * and Sweden's Elections Act before the 2018 change to 1.2. Worked by hand, votes A 10000,
 * B 6100, C 1500, six seats:
 *  divisors 1.4 3 5 7: A 7142.9 3333.3 2000 1428.6 | B 4357.1 2033.3 1220 | C 1071.4
 *    -> 7142.9 A, 4357.1 B, 3333.3 A, 2033.3 B, 2000 A, 1428.6 A: A 4, B 2, C 0;
 *  divisors 1 3 5 7 (plain): ... the sixth seat is C's 1500 before A's 1428.6: A 3, B 2, C 1;
 *  divisors 1.2 3 5 (Sweden since 2018): C's 1250 after A's 1428.6: A 4, B 2, C 0. */
static void test_first_divisor_norway(void **state)
{
    (void)state;
    const int64_t votes[] = {10000, 6100, 1500};
    yr_split_options o = opts(YR_SAINTE_LAGUE);
    expect_split(6, votes, 3, &o, (const int64_t[]){3, 2, 1});
    o.first_divisor_num = 7;
    o.first_divisor_den = 5;
    expect_split(6, votes, 3, &o, (const int64_t[]){4, 2, 0});
    o.method = YR_SAINTE_LAGUE_MODIFIED; /* the same 1.4 replaces 1.2 */
    expect_split(6, votes, 3, &o, (const int64_t[]){4, 2, 0});
    o.first_divisor_num = 14; /* 1.4 as 14/10: the same */
    o.first_divisor_den = 10;
    expect_split(6, votes, 3, &o, (const int64_t[]){4, 2, 0});
    o = opts(YR_SAINTE_LAGUE_MODIFIED);
    expect_split(6, votes, 3, &o, (const int64_t[]){4, 2, 0});
    /* first divisor 1 written out equals plain Sainte-Laguë */
    o = opts(YR_SAINTE_LAGUE);
    o.first_divisor_num = 1;
    o.first_divisor_den = 1;
    expect_split(6, votes, 3, &o, (const int64_t[]){3, 2, 1});
}

/* Dean's method (harmonic mean; Balinski and Young, Fair Representation, 2nd ed. 2001, the five
 * traditional divisor methods): divisors 2s(s+1)/(2s+1) = 0, 4/3, 12/5, 24/7, 40/9, 60/11.
 * Worked by hand, A 6000, B 2500, C 1500, nine units: one each first (divisor 0), then
 * A 4500 2500 1750 1350 1100 | B 1875 1041.7 | C 1125 625 -> 4500 A, 2500 A, 1875 B, 1750 A,
 * 1350 A, 1125 C: A 5, B 2, C 2. Huntington-Hill (geometric mean) gives the sixth to A's
 * 6000/sqrt(30) = 1095.4 before C's 1500/sqrt(2) = 1060.7: A 6, B 2, C 1. */
static void test_dean(void **state)
{
    (void)state;
    const int64_t pop[] = {6000, 2500, 1500};
    yr_split_options o = opts(YR_DEAN);
    expect_split(9, pop, 3, &o, (const int64_t[]){5, 2, 2});
    o.method = YR_HUNTINGTON_HILL;
    expect_split(9, pop, 3, &o, (const int64_t[]){6, 2, 1});
    /* fewer units than parties: one each to the heaviest (smaller weight: the lightest) */
    o.method = YR_DEAN;
    expect_split(2, pop, 3, &o, (const int64_t[]){1, 1, 0});
    o.tie = YR_TIE_SMALLER_WEIGHT;
    expect_split(2, pop, 3, &o, (const int64_t[]){0, 1, 1});
    o.tie = YR_TIE_REPORT; /* infinite priorities tie */
    expect_fail(2, pop, 3, &o, YR_ERR_TIE, 0, "tie");
    assert_string_equal(yr_method_name(YR_DEAN), "dean");
    yr_method m;
    assert_int_equal(yr_method_from_name("Dean", &m), YR_OK);
    assert_int_equal(m, YR_DEAN);
}

/* The Riksdag 2018: valid votes per party (Valmyndigheten, final result; also
 * sv.wikipedia.org/wiki/Riksdagsvalet_i_Sverige_2018) S 1 830 386, M 1 284 698, SD 1 135 627,
 * C 557 500, V 518 454, KD 409 478, L 355 546, MP 285 899; seats 100 70 62 31 28 22 20 16 of 349
 * by modified Sainte-Laguë among the parties with at least 4 % (vallagen 14 kap. 3 §). A ninth,
 * hypothetical party X is put exactly at the edge: with the eight parties' 6 377 588 votes,
 * 265 732 votes are 3.99999 % (excluded) and 265 733 exactly reach 4 % (265 733 * 25 = 6 643 325
 * >= 6 643 321 votes in all). */
static void test_riksdag_threshold(void **state)
{
    (void)state;
    int64_t votes[] = {1830386, 1284698, 1135627, 557500, 518454, 409478, 355546, 285899, 265732};
    const int64_t seats[] = {100, 70, 62, 31, 28, 22, 20, 16, 0};
    yr_split_options o = opts(YR_SAINTE_LAGUE_MODIFIED);
    o.threshold_num = 4;
    o.threshold_den = 100;
    expect_split(349, votes, 9, &o, seats);
    expect_split(349, votes, 8, &o, seats); /* without X: the official result */
    o.threshold_num = 0;                    /* no threshold: X takes seats */
    int64_t out[9];
    assert_int_equal(yr_split_with(349, votes, 9, &o, out), YR_OK);
    assert_true(out[8] > 0);
    votes[8] = 265733; /* exactly 4 %: not below the threshold */
    o.threshold_num = 4;
    assert_int_equal(yr_split_with(349, votes, 9, &o, out), YR_OK);
    assert_true(out[8] > 0);
    o.threshold_num = 400; /* the same threshold over another denominator */
    o.threshold_den = 10000;
    int64_t again[9];
    assert_int_equal(yr_split_with(349, votes, 9, &o, again), YR_OK);
    assert_memory_equal(out, again, sizeof out);
}

/* Course places, the programme's own rule (issue 15): every municipality at least one place, at
 * most as many as it has applicants. Worked by hand, D'Hondt, 10 places, weights (inhabitants)
 * 9000 500 300 200 and applicants 6 5 1 3: the minimums give 1 1 1 1; the other six go by the
 * quotients 9000/2 4500, /3 3000, /4 2250, /5 1800, /6 1500, /7 1285.7 vs B's 500/2 250: A would
 * take all six and reach 7 > 6, so A stops at 6 (five more) and the last place goes to the best
 * remaining quotient, B's 250 (C is at its maximum 1; D's 200/2 = 100). */
static void test_course_places(void **state)
{
    (void)state;
    const int64_t w[] = {9000, 500, 300, 200}, lo[] = {1, 1, 1, 1}, hi[] = {6, 5, 1, 3};
    yr_split_options o = opts(YR_DHONDT);
    expect_split(10, w, 4, &o, (const int64_t[]){10, 0, 0, 0});
    o.minimum = lo;
    expect_split(10, w, 4, &o, (const int64_t[]){7, 1, 1, 1});
    o.maximum = hi;
    expect_split(10, w, 4, &o, (const int64_t[]){6, 2, 1, 1});
    expect_split(4, w, 4, &o, (const int64_t[]){1, 1, 1, 1});  /* exactly the minimums */
    expect_split(15, w, 4, &o, (const int64_t[]){6, 5, 1, 3}); /* exactly the maximums */
    expect_fail(3, w, 4, &o, YR_ERR_RANGE, YR_WHERE_NONE, "minimum");
    expect_fail(16, w, 4, &o, YR_ERR_RANGE, YR_WHERE_NONE, "maximum");
    /* maximum only: A's six best quotients, then B 500, C 300, B 250, D 200 */
    o.minimum = NULL;
    expect_split(10, w, 4, &o, (const int64_t[]){6, 2, 1, 1});
}

/* ---- options, names, errors ------------------------------------------------------------------ */

static void test_defaults_equal_yr_split(void **state)
{
    (void)state;
    const int64_t w[] = {5000, 3000, 1500, 500, 0, 1};
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        for (int64_t t = 0; t < 40; t++) {
            int64_t a[6], b[6];
            yr_split_options o = opts((yr_method)m);
            assert_int_equal(yr_split(t, w, 6, (yr_method)m, a), YR_OK);
            assert_int_equal(yr_split_with(t, w, 6, &o, b), YR_OK);
            assert_memory_equal(a, b, sizeof a);
        }
    }
    yr_split_options o;
    memset(&o, 0x5a, sizeof o);
    yr_split_options_init(&o);
    assert_int_equal(o.method, YR_LARGEST_REMAINDER);
    assert_int_equal(o.tie, YR_TIE_LARGER_WEIGHT);
    assert_null(o.minimum);
    assert_null(o.maximum);
    assert_int_equal(o.threshold_num, 0);
    assert_int_equal(o.first_divisor_num, 0);
    assert_int_equal(o.first_divisor_den, 0);
    yr_split_options_init(NULL); /* harmless */
}

static void test_tie_names(void **state)
{
    (void)state;
    const char *names[] = {"larger", "smaller", "report"};
    for (int t = 0; t < YR_TIE_COUNT; t++) {
        assert_string_equal(yr_tie_name((yr_tie)t), names[t]);
        yr_tie got = (yr_tie)99;
        assert_int_equal(yr_tie_from_name(names[t], &got), YR_OK);
        assert_int_equal(got, t);
    }
    yr_tie got = YR_TIE_LARGER_WEIGHT;
    assert_int_equal(yr_tie_from_name("Smaller", &got), YR_OK);
    assert_int_equal(got, YR_TIE_SMALLER_WEIGHT);
    assert_int_equal(yr_tie_from_name("REPORT", &got), YR_OK);
    assert_int_equal(got, YR_TIE_REPORT);
    got = YR_TIE_REPORT;
    assert_int_equal(yr_tie_from_name("large", &got), YR_ERR_RANGE);
    assert_int_equal(yr_tie_from_name("largerr", &got), YR_ERR_RANGE);
    assert_int_equal(yr_tie_from_name("", &got), YR_ERR_RANGE);
    assert_int_equal(got, YR_TIE_REPORT);
    assert_int_equal(yr_tie_from_name(NULL, &got), YR_ERR_NULL);
    assert_int_equal(yr_tie_from_name("larger", NULL), YR_ERR_NULL);
    assert_null(yr_tie_name((yr_tie)YR_TIE_COUNT));
    assert_null(yr_tie_name((yr_tie)-1));
    assert_string_equal(yr_status_name(YR_ERR_TIE), "YR_ERR_TIE");
    assert_string_equal(yr_strerror(YR_ERR_TIE),
                        "the result depends on how an exact tie is broken");
}

static void test_where(void **state)
{
    (void)state;
    const int64_t w[] = {5, 3, -2, 7, -1}, ok[] = {5, 3, 2, 7, 1}, zero[] = {0, 0, 0, 0, 0};
    int64_t out[5];
    yr_where where = {.record = 1, .column = 2, .arg = "junk"};
    assert_int_equal(yr_split_where(10, w, 5, YR_DHONDT, out, &where), YR_ERR_NEGATIVE);
    assert_int_equal(where.record, 2);
    assert_string_equal(where.arg, "weights");
    assert_int_equal(yr_split_where(-1, ok, 5, YR_DHONDT, out, &where), YR_ERR_NEGATIVE);
    assert_int_equal(where.record, YR_WHERE_NONE);
    assert_string_equal(where.arg, "total");
    assert_int_equal(yr_split_where(10, zero, 5, YR_ADAMS, out, &where), YR_ERR_ZERO_WEIGHT);
    assert_string_equal(where.arg, "weights");
    assert_int_equal(yr_split_where(10, ok, 5, (yr_method)99, out, &where), YR_ERR_RANGE);
    assert_string_equal(where.arg, "method");
    assert_int_equal(yr_split_where(10, ok, 0, YR_DHONDT, out, &where), YR_ERR_EMPTY);
    assert_int_equal(yr_split_where(10, NULL, 5, YR_DHONDT, out, &where), YR_ERR_NULL);
    assert_string_equal(where.arg, "weights");
    assert_int_equal(yr_split_where(10, ok, 5, YR_DHONDT, NULL, &where), YR_ERR_NULL);
    assert_string_equal(where.arg, "out");
    assert_int_equal(yr_split_where(10, ok, 5, YR_DHONDT, out, &where), YR_OK);
    assert_true(where.record == YR_WHERE_NONE && where.column == YR_WHERE_NONE && !where.arg);
    assert_int_equal(yr_split_where(10, ok, 5, YR_DHONDT, out, NULL), YR_OK);
    /* mixed */
    assert_int_equal(yr_split_mixed_where(10, 3, 10, w, 5, out, &where), YR_ERR_NEGATIVE);
    assert_int_equal(where.record, 2);
    assert_string_equal(where.arg, "weights");
    assert_int_equal(yr_split_mixed_where(10, 11, 10, ok, 5, out, &where), YR_ERR_RANGE);
    assert_string_equal(where.arg, "equal_part");
    const int64_t huge[] = {INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX};
    assert_int_equal(
        yr_split_mixed_where(INT64_MAX, INT64_MAX - 1, INT64_MAX, huge, 4, out, &where),
        YR_ERR_OVERFLOW);
    assert_int_equal(where.record, YR_WHERE_NONE);
    assert_string_equal(where.arg, "total");
    assert_int_equal(yr_split_mixed_where(10, 3, 10, ok, 5, out, &where), YR_OK);
    assert_null(where.arg);
    /* options */
    assert_int_equal(yr_split_with_where(10, ok, 5, NULL, out, &where), YR_ERR_NULL);
    assert_string_equal(where.arg, "options");
}

static void test_option_errors(void **state)
{
    (void)state;
    const int64_t w[] = {50, 30, 20}, lo[] = {1, 2, 0}, bad_lo[] = {1, -1, 0};
    const int64_t hi[] = {5, 1, 9}, neg_hi[] = {5, 5, -1};
    yr_split_options o = opts(YR_DHONDT);
    o.tie = (yr_tie)3;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, YR_WHERE_NONE, "tie");
    /* threshold outside [0, 1] or over no denominator; first divisor: only Sainte-Laguë, within
     * [0, 3]; then a threshold that nobody reaches */
    static const struct {
        yr_method method;
        int64_t thr_num, thr_den, fd_num, fd_den;
        yr_status st;
        const char *arg;
    } bad[] = {
        {YR_DHONDT, 2, 1, 0, 0, YR_ERR_RANGE, "threshold"},
        {YR_DHONDT, -1, 10, 0, 0, YR_ERR_RANGE, "threshold"},
        {YR_DHONDT, 1, 0, 0, 0, YR_ERR_RANGE, "threshold"},
        {YR_DHONDT, 0, 1, 7, 5, YR_ERR_RANGE, "first_divisor"},
        {YR_LARGEST_REMAINDER, 0, 1, 7, 5, YR_ERR_RANGE, "first_divisor"},
        {YR_SAINTE_LAGUE, 0, 1, 31, 10, YR_ERR_RANGE, "first_divisor"},
        {YR_SAINTE_LAGUE, 0, 1, 1, 0, YR_ERR_RANGE, "first_divisor"},
        {YR_SAINTE_LAGUE_MODIFIED, 0, 1, -1, 5, YR_ERR_RANGE, "first_divisor"},
        {YR_DHONDT, 1, 1, 0, 0, YR_ERR_ZERO_WEIGHT, "threshold"},
        {YR_LARGEST_REMAINDER, 1, 1, 0, 0, YR_ERR_ZERO_WEIGHT, "threshold"},
    };
    for (size_t k = 0; k < LEN(bad); k++) {
        o = opts(bad[k].method);
        o.threshold_num = bad[k].thr_num;
        o.threshold_den = bad[k].thr_den;
        o.first_divisor_num = bad[k].fd_num;
        o.first_divisor_den = bad[k].fd_den;
        expect_fail(10, w, 3, &o, bad[k].st, YR_WHERE_NONE, bad[k].arg);
    }
    /* bounds: divisor methods only; per party; in sum */
    o = opts(YR_LARGEST_REMAINDER);
    o.maximum = hi;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, YR_WHERE_NONE, "maximum");
    o.minimum = lo;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, YR_WHERE_NONE, "minimum");
    o = opts(YR_SAINTE_LAGUE);
    o.minimum = bad_lo;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, 1, "minimum");
    o.minimum = lo;
    o.maximum = hi; /* party 1: maximum 1 below its minimum 2 */
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, 1, "maximum");
    o.minimum = NULL;
    o.maximum = neg_hi;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, 2, "maximum");
    /* a party excluded by the threshold cannot have a minimum */
    o = opts(YR_DHONDT);
    o.minimum = lo;
    o.threshold_num = 1;
    o.threshold_den = 4; /* 25 % of 100: party 2 (20) is below */
    const int64_t lo2[] = {0, 0, 1};
    o.minimum = lo2;
    expect_fail(10, w, 3, &o, YR_ERR_RANGE, 2, "minimum");
    /* a divisor method with a negative total */
    o = opts(YR_DEAN);
    expect_fail(-3, w, 3, &o, YR_ERR_NEGATIVE, YR_WHERE_NONE, "total");
    /* zero weights with minimums: the minimums are the result when they are the total */
    const int64_t zw[] = {0, 0, 0}, zlo[] = {1, 2, 0};
    o.minimum = zlo;
    expect_split(3, zw, 3, &o, (const int64_t[]){1, 2, 0});
    expect_fail(4, zw, 3, &o, YR_ERR_ZERO_WEIGHT, YR_WHERE_NONE, "weights");
}

/* Largest remainder with the tie rules, worked by hand. */
static void test_largest_remainder_ties(void **state)
{
    (void)state;
    /* quotas 10 * (1 1 1 1 2) / 6 = 1.67 1.67 1.67 1.67 3.33: floors 1 1 1 1 3, three units left
     * for four equal remainders 4/6 of equal weights: the earlier parties */
    const int64_t w[] = {1, 1, 1, 1, 2};
    yr_split_options o = opts(YR_LARGEST_REMAINDER);
    expect_split(10, w, 5, &o, (const int64_t[]){2, 2, 2, 1, 3});
    o.tie = YR_TIE_SMALLER_WEIGHT;
    expect_split(10, w, 5, &o, (const int64_t[]){2, 2, 2, 1, 3});
    o.tie = YR_TIE_REPORT;
    expect_fail(10, w, 5, &o, YR_ERR_TIE, 0, "tie");
    /* 2 over 1 3: quotas 0.5 1.5, one unit left for equal remainders of different weights */
    const int64_t v[] = {1, 3};
    o.tie = YR_TIE_LARGER_WEIGHT;
    expect_split(2, v, 2, &o, (const int64_t[]){0, 2});
    expect_split(-2, v, 2, &o, (const int64_t[]){0, -2});
    o.tie = YR_TIE_SMALLER_WEIGHT;
    expect_split(2, v, 2, &o, (const int64_t[]){1, 1});
    expect_split(-2, v, 2, &o, (const int64_t[]){-1, -1});
    o.tie = YR_TIE_REPORT;
    expect_fail(2, v, 2, &o, YR_ERR_TIE, 0, "tie");
    expect_split(4, v, 2, &o, (const int64_t[]){1, 3}); /* no remainders */
    /* round-each has no ties: report never fails (0.5 and 1.5 round away from zero) */
    o = opts(YR_ROUND_EACH);
    o.tie = YR_TIE_REPORT;
    expect_split(2, v, 2, &o, (const int64_t[]){1, 2});
}

/* ---- random cases against a naive reference -------------------------------------------------- */

typedef struct rcase {
    int64_t total;
    int64_t w[MAXN];
    int64_t lo[MAXN], hi[MAXN];
    size_t n;
    yr_split_options o;
} rcase;

/* priority of unit s+1 as num/den (den == 0: infinite), with the case's first divisor */
static void prio(const rcase *c, int64_t w, int64_t s, u128 *num, u128 *den)
{
    u128 W = (u128)w, S = (u128)s;
    yr_method m = c->o.method;
    if (m == YR_DHONDT) {
        *num = W;
        *den = S + 1;
    } else if (m == YR_SAINTE_LAGUE || m == YR_SAINTE_LAGUE_MODIFIED) {
        u128 fn = 1, fd = 1;
        if (c->o.first_divisor_den != 0) {
            fn = (u128)c->o.first_divisor_num;
            fd = (u128)c->o.first_divisor_den;
        } else if (m == YR_SAINTE_LAGUE_MODIFIED) {
            fn = 6;
            fd = 5;
        }
        /* w / ((2s+1)/2) = 2w/(2s+1); the first w / (fn/(2 fd)) = 2 fd w / fn */
        *num = s == 0 ? 2 * fd * W : 2 * W;
        *den = s == 0 ? fn : 2 * S + 1;
    } else if (m == YR_HUNTINGTON_HILL) {
        *num = W * W;
        *den = S * (S + 1);
    } else if (m == YR_DEAN) {
        *num = W * (2 * S + 1);
        *den = 2 * S * (S + 1);
    } else { /* Adams */
        *num = W;
        *den = S;
    }
}

/* sign of priority(a) - priority(b); values small enough for 128-bit products */
static int prio_cmp(u128 an, u128 ad, u128 bn, u128 bd)
{
    if (ad == 0 || bd == 0)
        return (ad == 0) - (bd == 0);
    u128 l = an * bd, r = bn * ad;
    return l < r ? -1 : l > r;
}

static int64_t lo_at(const rcase *c, size_t i)
{
    return c->o.minimum ? c->lo[i] : 0;
}

static int64_t hi_at(const rcase *c, const int64_t *w, size_t i)
{
    if (w[i] == 0)
        return lo_at(c, i);
    return c->o.maximum ? c->hi[i] : INT64_MAX;
}

/* unit of party a at sa ranks before unit of b at sb: priority, the tie rule, the index */
static int before(const rcase *c, const int64_t *w, size_t a, int64_t sa, size_t b, int64_t sb)
{
    u128 an, ad, bn, bd;
    prio(c, w[a], sa, &an, &ad);
    prio(c, w[b], sb, &bn, &bd);
    int k = prio_cmp(an, ad, bn, bd);
    if (k != 0)
        return k > 0;
    if (w[a] != w[b])
        return c->o.tie == YR_TIE_SMALLER_WEIGHT ? w[a] < w[b] : w[a] > w[b];
    return a < b;
}

/* 1 when the weakest unit given (above a minimum) and the best unit not given have the same
 * priority and are not one party's */
static int divisor_tie(const rcase *c, const int64_t *w, const int64_t *out)
{
    for (size_t a = 0; a < c->n; a++) {
        if (w[a] == 0 || out[a] <= lo_at(c, a))
            continue;
        u128 an, ad;
        prio(c, w[a], out[a] - 1, &an, &ad);
        for (size_t b = 0; b < c->n; b++) {
            if (b == a || w[b] == 0 || out[b] >= hi_at(c, w, b))
                continue;
            u128 bn, bd;
            prio(c, w[b], out[b], &bn, &bd);
            if (prio_cmp(an, ad, bn, bd) == 0)
                return 1;
        }
    }
    return 0;
}

static yr_status ref_divisor(const rcase *c, const int64_t *w, int64_t *out)
{
    int64_t given = 0;
    for (size_t i = 0; i < c->n; i++) {
        out[i] = lo_at(c, i);
        given += out[i];
    }
    for (; given < c->total; given++) {
        size_t best = c->n;
        for (size_t i = 0; i < c->n; i++) {
            if (w[i] > 0 && out[i] < hi_at(c, w, i) &&
                (best == c->n || before(c, w, i, out[i], best, out[best])))
                best = i;
        }
        assert_true(best < c->n); /* feasibility was checked */
        out[best]++;
    }
    if (c->o.tie == YR_TIE_REPORT && divisor_tie(c, w, out))
        return YR_ERR_TIE;
    return YR_OK;
}

static yr_status ref_quota(const rcase *c, const int64_t *w, int64_t *out)
{
    u128 W = 0;
    for (size_t i = 0; i < c->n; i++)
        W += (u128)w[i];
    if (W == 0) {
        memset(out, 0, c->n * sizeof *out);
        return YR_OK;
    }
    int neg = c->total < 0;
    u128 t = (u128)(neg ? -c->total : c->total);
    rank_row rows[MAXN];
    u128 floors = 0;
    for (size_t i = 0; i < c->n; i++) {
        u128 p = t * (u128)w[i];
        out[i] = (int64_t)(p / W);
        rows[i].rem = p % W;
        /* the tie key as a weight: smaller weight wins = rank by the negated weight */
        rows[i].w = c->o.tie == YR_TIE_SMALLER_WEIGHT ? -w[i] : w[i];
        rows[i].idx = i;
        floors += (u128)out[i];
        if (c->o.method == YR_ROUND_EACH && 2 * rows[i].rem >= W)
            out[i]++;
    }
    if (c->o.method == YR_LARGEST_REMAINDER) {
        size_t k = (size_t)(t - floors);
        qsort(rows, c->n, sizeof rows[0], rank_cmp);
        for (size_t j = 0; j < k; j++)
            out[rows[j].idx]++;
        if (c->o.tie == YR_TIE_REPORT && k > 0 && k < c->n && rows[k].rem == rows[k - 1].rem)
            return YR_ERR_TIE;
    }
    for (size_t i = 0; i < c->n; i++)
        out[i] = neg ? -out[i] : out[i];
    return YR_OK;
}

static int is_divisor(yr_method m)
{
    return m != YR_LARGEST_REMAINDER && m != YR_ROUND_EACH;
}

/* The reference: validity as documented, then the split. */
static yr_status reference(const rcase *c, int64_t *out)
{
    int64_t w[MAXN];
    u128 W = 0;
    for (size_t i = 0; i < c->n; i++)
        W += (u128)c->w[i];
    for (size_t i = 0; i < c->n; i++) {
        int below = c->o.threshold_num != 0 &&
                    (u128)c->w[i] * (u128)c->o.threshold_den < (u128)c->o.threshold_num * W;
        if (below && c->o.minimum != NULL && c->lo[i] > 0)
            return YR_ERR_RANGE;
        w[i] = below ? 0 : c->w[i];
    }
    u128 Weff = 0, lo_sum = 0, cap = 0;
    int unbounded = 0;
    for (size_t i = 0; i < c->n; i++) {
        Weff += (u128)w[i];
        lo_sum += (u128)lo_at(c, i);
        if (w[i] == 0)
            cap += (u128)lo_at(c, i);
        else if (c->o.maximum != NULL)
            cap += (u128)c->hi[i];
        else
            unbounded = 1;
    }
    if (!is_divisor(c->o.method))
        return Weff == 0 && c->total != 0 ? YR_ERR_ZERO_WEIGHT : ref_quota(c, w, out);
    if (lo_sum > (u128)c->total)
        return YR_ERR_RANGE;
    if (Weff == 0 && (u128)c->total > lo_sum)
        return YR_ERR_ZERO_WEIGHT;
    if (!unbounded && cap < (u128)c->total)
        return YR_ERR_RANGE;
    return ref_divisor(c, w, out);
}

static void random_case(uint64_t *s, rcase *c)
{
    memset(c, 0, sizeof *c);
    c->n = 1 + (size_t)rand_below(s, MAXN);
    int shape = (int)rand_below(s, 4);
    for (size_t i = 0; i < c->n; i++) {
        if (shape == 0)
            c->w[i] = (int64_t)rand_upto(s, 3); /* ties and zeros */
        else if (shape == 1)
            c->w[i] = (int64_t)(1 + rand_upto(s, 3)) * 100; /* equal priorities across parties */
        else
            c->w[i] = (int64_t)rand_upto(s, shape == 2 ? 1000 : 1000000);
    }
    c->o = opts((yr_method)rand_below(s, YR_METHOD_COUNT));
    c->o.tie = (yr_tie)rand_below(s, YR_TIE_COUNT);
    if (rand_below(s, 4) == 0) {
        c->o.threshold_den = (int64_t)(1 + rand_below(s, 20));
        c->o.threshold_num = (int64_t)(1 + rand_below(s, (uint64_t)c->o.threshold_den));
        if (rand_below(s, 2))
            c->o.threshold_num = (c->o.threshold_num + 3) / 4; /* mostly small thresholds */
    }
    int sl = c->o.method == YR_SAINTE_LAGUE || c->o.method == YR_SAINTE_LAGUE_MODIFIED;
    if (sl && rand_below(s, 2)) {
        c->o.first_divisor_den = (int64_t)(1 + rand_below(s, 10));
        c->o.first_divisor_num = (int64_t)rand_upto(s, 3 * (uint64_t)c->o.first_divisor_den);
    }
    int64_t lo_sum = 0, hi_sum = 0;
    if (is_divisor(c->o.method) && rand_below(s, 2)) {
        int which = (int)rand_below(s, 3); /* minimum, maximum, both */
        for (size_t i = 0; i < c->n; i++) {
            c->lo[i] = which != 1 ? (int64_t)rand_upto(s, 3) : 0;
            c->hi[i] = c->lo[i] + (int64_t)rand_upto(s, 6);
            lo_sum += c->lo[i];
            hi_sum += c->hi[i];
        }
        c->o.minimum = which != 1 ? c->lo : NULL;
        c->o.maximum = which != 0 ? c->hi : NULL;
    }
    c->total = lo_sum + (int64_t)rand_upto(s, rand_below(s, 3) == 0 ? 400 : 40);
    if (c->o.maximum != NULL && rand_below(s, 4) != 0) /* mostly within the maximums */
        c->total = lo_sum + (int64_t)rand_upto(s, (uint64_t)(hi_sum - lo_sum));
    if (!is_divisor(c->o.method) && rand_below(s, 3) == 0)
        c->total = -c->total;
    if (rand_below(s, 20) == 0 && c->total > 0)
        c->total -= (int64_t)rand_upto(s, (uint64_t)c->total); /* sometimes below the minimums */
}

static void print_case(const rcase *c)
{
    print_error("case: %s tie %s total %lld thr %lld/%lld fd %lld/%lld\n",
                yr_method_name(c->o.method), yr_tie_name(c->o.tie), (long long)c->total,
                (long long)c->o.threshold_num, (long long)c->o.threshold_den,
                (long long)c->o.first_divisor_num, (long long)c->o.first_divisor_den);
    for (size_t i = 0; i < c->n; i++)
        print_error("  w %lld lo %lld hi %lld\n", (long long)c->w[i],
                    c->o.minimum ? (long long)c->lo[i] : -1LL,
                    c->o.maximum ? (long long)c->hi[i] : -1LL);
}

static void test_random_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 15150015;
    int ok = 0, ties = 0, errors = 0, bounded = 0;
    for (int iter = 0; iter < 15000; iter++) {
        rcase c;
        random_case(&seed, &c);
        int64_t want[MAXN], got[MAXN + 1];
        yr_status want_st = reference(&c, want);
        for (size_t i = 0; i <= c.n; i++)
            got[i] = -99;
        yr_status st = yr_split_with(c.total, c.w, c.n, &c.o, got);
        if (st != want_st) {
            print_case(&c);
            fail_msg("iter %d: status %s, reference %s", iter, yr_status_name(st),
                     yr_status_name(want_st));
        }
        assert_int_equal(got[c.n], -99);
        if (st != YR_OK) {
            for (size_t i = 0; i < c.n; i++)
                assert_int_equal(got[i], -99);
            ties += st == YR_ERR_TIE;
            errors += st != YR_ERR_TIE;
            continue;
        }
        for (size_t i = 0; i < c.n; i++) {
            if (got[i] != want[i]) {
                print_case(&c);
                fail_msg("iter %d party %zu: %lld, reference %lld", iter, i, (long long)got[i],
                         (long long)want[i]);
            }
        }
        ok++;
        bounded += c.o.minimum != NULL || c.o.maximum != NULL;
    }
    print_message("      %d agree, %d with bounds, %d ties reported, %d other errors\n", ok,
                  bounded, ties, errors);
    /* the generator really reaches every kind of case */
    assert_true(ok > 10000 && bounded > 2500 && ties > 300 && errors > 100);
}

/* ---- large totals and weight sums ------------------------------------------------------------ */

/* 256-bit a*b (a, b < 2^128) compared with c*d, written here independently of the library */
static void mul256(u128 a, u128 b, u128 *hi, u128 *lo)
{
    u128 m = UINT64_MAX, a0 = a & m, a1 = a >> 64, b0 = b & m, b1 = b >> 64;
    u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    u128 mid = (p00 >> 64) + (p01 & m) + (p10 & m);
    *lo = (p00 & m) | (mid << 64);
    *hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

static int cmp256(u128 a, u128 b, u128 c, u128 d)
{
    u128 h1, l1, h2, l2;
    mul256(a, b, &h1, &l1);
    mul256(c, d, &h2, &l2);
    if (h1 != h2)
        return h1 < h2 ? -1 : 1;
    return l1 < l2 ? -1 : l1 > l2;
}

/* The cut property of a D'Hondt / Dean result with bounds: the weakest unit held above a
 * minimum ranks at or above the best unit a party below its maximum could take. Priorities
 * w/(s+1) or w(2s+1)/(2s(s+1)), compared in 256 bits. */
static void check_cut(yr_method m, const int64_t *w, const int64_t *lo, const int64_t *hi, size_t n,
                      int64_t total, const int64_t *out)
{
    u128 sum = 0;
    int have_held = 0, have_open = 0;
    u128 hn = 0, hd = 1, on = 0, od = 1;
    for (size_t i = 0; i < n; i++) {
        int64_t l = lo ? lo[i] : 0, h = hi ? hi[i] : INT64_MAX;
        assert_true(out[i] >= l && out[i] <= h);
        sum += (u128)out[i];
        u128 W = (u128)w[i];
        for (int held = 0; held < 2 && w[i] > 0; held++) {
            if (held ? out[i] <= l : out[i] >= h)
                continue;
            u128 s = (u128)(out[i] - held), num, den;
            if (m == YR_DHONDT) {
                num = W;
                den = s + 1;
            } else {
                num = W * (2 * s + 1);
                den = 2 * s * (s + 1);
            }
            if (held && (!have_held || cmp256(num, hd, hn, den) < 0)) {
                hn = num;
                hd = den;
                have_held = 1;
            }
            if (!held && (!have_open || cmp256(num, od, on, den) > 0)) {
                on = num;
                od = den;
                have_open = 1;
            }
        }
    }
    assert_true(sum == (u128)total);
    if (have_held && have_open)
        assert_true(cmp256(hn, od, on, hd) >= 0); /* held >= open */
}

static void test_huge_totals(void **state)
{
    (void)state;
    enum { N = 3000 };
    int64_t *w = malloc(N * sizeof *w), *lo = malloc(N * sizeof *lo), *hi = malloc(N * sizeof *hi);
    int64_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    assert_true(w && lo && hi && a && b);
    uint64_t seed = 62;
    const int64_t totals[] = {(INT64_C(1) << 62) - 1, INT64_C(1) << 62, (INT64_C(1) << 62) + 1,
                              INT64_MAX - 1, INT64_MAX};
    for (int shape = 0; shape < 3; shape++) {
        for (size_t i = 0; i < N; i++) /* sums far beyond 2^64 for shapes 1 and 2 */
            w[i] = shape == 0   ? 1 + (int64_t)rand_upto(&seed, 1000000)
                   : shape == 1 ? (int64_t)(next_rand(&seed) >> 1)
                                : INT64_MAX - (int64_t)rand_upto(&seed, 3);
        for (size_t k = 0; k < LEN(totals); k++) {
            const yr_method ms[] = {YR_DHONDT, YR_DEAN};
            for (size_t mi = 0; mi < LEN(ms); mi++) {
                yr_split_options o = opts(ms[mi]);
                assert_int_equal(yr_split_with(totals[k], w, N, &o, a), YR_OK);
                check_cut(ms[mi], w, NULL, NULL, N, totals[k], a);
                /* bounds around the unbounded result, binding for every 7th party (a minimum
                 * above it) and every 5th (a maximum below it) */
                for (size_t i = 0; i < N; i++) {
                    u128 x = (u128)a[i];
                    u128 l = i % 7 == 0 ? x + x / 8 + 1 : x / 2;
                    u128 h = i % 7 == 0 ? l + x / 4 + 1 : (i % 5 == 0 ? x - x / 8 : x + x / 4 + 1);
                    lo[i] = (int64_t)(l < INT64_MAX ? l : INT64_MAX);
                    hi[i] = (int64_t)(h < INT64_MAX ? h : INT64_MAX);
                }
                o.minimum = lo;
                o.maximum = hi;
                assert_int_equal(yr_split_with(totals[k], w, N, &o, b), YR_OK);
                check_cut(ms[mi], w, lo, hi, N, totals[k], b);
                int differ = 0;
                for (size_t i = 0; i < N; i++)
                    differ |= b[i] != a[i];
                assert_true(differ); /* the bounds did bind */
                /* house monotone (no bounds): one unit more never takes a unit away */
                if (totals[k] < INT64_MAX) {
                    o = opts(ms[mi]);
                    assert_int_equal(yr_split_with(totals[k] + 1, w, N, &o, b), YR_OK);
                    int64_t more = 0;
                    for (size_t i = 0; i < N; i++) {
                        assert_true(b[i] >= a[i]);
                        more += b[i] - a[i];
                    }
                    assert_int_equal(more, 1);
                }
            }
        }
    }
    free(w);
    free(lo);
    free(hi);
    free(a);
    free(b);
}

/* The internal divisor job for o (the weights unscaled, no threshold) without slack and, with
 * no_sample, without the few-units sample: b must be exactly yr_split_with's a. */
static void same_as_job(const yr_split_options *o, const int64_t *w, size_t n, int64_t total,
                        int no_sample, const int64_t *a, int64_t *b)
{
    yr_divisor_job job = {.method = o->method,
                          .fd_num = 1,
                          .fd_den = 1,
                          .smaller_wins = o->tie == YR_TIE_SMALLER_WEIGHT,
                          .weights = w,
                          .minimum = o->minimum,
                          .maximum = o->maximum,
                          .n = n,
                          .total = (uint64_t)total,
                          .tight = 1,
                          .no_sample = no_sample};
    if (o->method == YR_SAINTE_LAGUE_MODIFIED) {
        job.fd_num = 6;
        job.fd_den = 5;
    }
    assert_int_equal(yr_divisor_split(&job, b, NULL), YR_OK);
    assert_memory_equal(a, b, n * sizeof *a);
}

/* White box: the multiplier search run to the end (no slack: ratio steps, bisection, brackets
 * that close) must give exactly the library's result, whatever the data, bounds and rule. */
static void test_tight_jump(void **state)
{
    (void)state;
    enum { N = 300 };
    int64_t w[N], lo[N], hi[N], a[N], b[N];
    uint64_t seed = 4242;
    int compared = 0;
    for (int iter = 0; iter < 400; iter++) {
        size_t n = 1 + (size_t)rand_below(&seed, N);
        int shape = (int)rand_below(&seed, 4);
        for (size_t i = 0; i < n; i++)
            w[i] = shape == 0   ? (int64_t)rand_upto(&seed, 5)
                   : shape == 1 ? (int64_t)rand_upto(&seed, 1000000)
                   : shape == 2 ? (int64_t)(next_rand(&seed) >> 1)
                                : (int64_t)(1 + rand_below(&seed, 3)) << 61;
        yr_split_options o = opts((yr_method)(YR_DHONDT + rand_below(&seed, 6)));
        o.tie = (yr_tie)rand_below(&seed, 2);
        uint64_t scale = rand_below(&seed, 3) == 0 ? UINT64_C(1) << 62 : 100000;
        int64_t total = (int64_t)rand_upto(&seed, scale);
        if (rand_below(&seed, 2) && total > 0 &&
            yr_split_with(total, w, n, &o, a) == YR_OK) { /* bounds around that result */
            for (size_t i = 0; i < n; i++) {
                lo[i] = a[i] - a[i] / 3;
                hi[i] = i % 3 == 0 ? a[i] - a[i] / 5 : a[i] + a[i] / 2 + 1;
            }
            o.minimum = lo;
            o.maximum = hi;
        }
        if (yr_split_with(total, w, n, &o, a) != YR_OK)
            continue;
        same_as_job(&o, w, n, total, 0, a, b);
        compared++;
    }
    assert_true(compared > 300);
}

/* White box: with few units a party on n >= 65536 the multiplier search starts from a sample of
 * the parties and narrows the cut on the candidates (issue 23). The result must be exactly the one
 * found without the sample and without slack, for every divisor method, both tie rules, bounds or
 * none, and totals from a few units to a few per party; weights uniform, skewed (a few giants)
 * and in a handful of values (ties). */
static void test_few_units_sample(void **state)
{
    (void)state;
    enum { N = 70000 };
    int64_t *w = malloc(N * sizeof *w), *lo = malloc(N * sizeof *lo), *hi = malloc(N * sizeof *hi);
    int64_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
    assert_true(w && lo && hi && a && b);
    uint64_t seed = 2323;
    const uint64_t per_mille[] = {1, 10, 100, 500, 1000, 1700, 3900};
    for (int iter = 0; iter < 36; iter++) {
        size_t n = N - (size_t)rand_below(&seed, 1000);
        int shape = iter % 3;
        for (size_t i = 0; i < n; i++)
            w[i] = shape == 0 ? 1 + (int64_t)rand_upto(&seed, 1000000)
                   : shape == 1
                       ? (i % 1000 == 0 ? INT64_C(1) << 40 : (int64_t)rand_upto(&seed, 5000))
                       : 1 + (int64_t)rand_below(&seed, 4);
        yr_split_options o = opts((yr_method)(YR_DHONDT + (iter / 3) % 6));
        o.tie = (yr_tie)rand_below(&seed, 2);
        int64_t total = (int64_t)(n * per_mille[rand_below(&seed, LEN(per_mille))] / 1000) +
                        (int64_t)rand_below(&seed, 100);
        if (iter % 4 == 3 && yr_split_with(total, w, n, &o, a) == YR_OK) {
            for (size_t i = 0; i < n; i++) { /* bounds around the result, binding for some */
                lo[i] = i % 11 == 0 ? a[i] + 1 : a[i] / 2;
                hi[i] = i % 7 == 0 ? a[i] - a[i] / 3 : a[i] + 2;
                hi[i] = hi[i] < lo[i] ? lo[i] : hi[i];
            }
            o.minimum = lo;
            o.maximum = hi;
        }
        if (yr_split_with(total, w, n, &o, a) != YR_OK)
            continue;
        same_as_job(&o, w, n, total, 1, a, b);
    }
    free(w);
    free(lo);
    free(hi);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_portuguese_tie),
        cmocka_unit_test(test_first_divisor_norway),
        cmocka_unit_test(test_dean),
        cmocka_unit_test(test_riksdag_threshold),
        cmocka_unit_test(test_course_places),
        cmocka_unit_test(test_defaults_equal_yr_split),
        cmocka_unit_test(test_tie_names),
        cmocka_unit_test(test_where),
        cmocka_unit_test(test_option_errors),
        cmocka_unit_test(test_largest_remainder_ties),
        cmocka_unit_test(test_random_against_reference),
        cmocka_unit_test(test_huge_totals),
        cmocka_unit_test(test_tight_jump),
        cmocka_unit_test(test_few_units_sample),
    };
    return cmocka_run_group_tests_name("split_options", tests, NULL, NULL);
}
