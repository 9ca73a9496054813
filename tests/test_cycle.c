/* The yearly cycle (include/yrkesresa/cycle.h): statements worked by hand and checked as
 * properties against yr_split_table, budgets over years, parts checks (seed 003's stated total),
 * scenario differences, and dates against an independent day-by-day calendar. Every error leaves
 * the outputs untouched and says where. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "test_util.h"
#include "yrkesresa.h"

#define NONE YR_WHERE_NONE

static void assert_where(const yr_where *w, size_t record, size_t column, const char *arg)
{
    assert_int_equal(w->record, record);
    assert_int_equal(w->column, column);
    if (arg == NULL)
        assert_null(w->arg);
    else
        assert_string_equal(w->arg, arg);
}

/* ---- Statement ---------------------------------------------------------------------------- */

/* Exact quotas, so the split is forced: 100 and 60 by 1:1:2; fees and kickbacks by hand. */
static void test_statement_by_hand(void **state)
{
    (void)state;
    const int64_t totals[2] = {100, 60}, weights[3] = {1, 1, 2};
    const int64_t fees[3] = {1800, 0, 1200}, kick[3] = {400, 800, 0};
    int64_t items[6], yt[3];
    yr_statement_row rows[3], sum;
    yr_where w = {.record = 0, .column = 0, .arg = "x"};
    assert_int_equal(yr_statement_where(totals, NULL, 2, weights, 1, 3, fees, kick, items, yt, NULL,
                                        rows, &sum, &w),
                     YR_OK);
    assert_where(&w, NONE, NONE, NULL);
    const int64_t want_items[6] = {25, 15, 25, 15, 50, 30};
    assert_memory_equal(items, want_items, sizeof want_items);
    assert_int_equal(rows[0].total, 40);
    assert_int_equal(rows[2].total, 80);
    assert_int_equal(yt[1], 40);
    assert_int_equal(rows[0].net, 40 + 1800 - 400);
    assert_int_equal(rows[1].net, -760); /* a credit: the kickback exceeds what is owed */
    assert_int_equal(rows[2].net, 1280);
    assert_int_equal(sum.total, 160);
    assert_int_equal(sum.fees, 3000);
    assert_int_equal(sum.kickback, 1200);
    assert_int_equal(sum.net, 1960);
}

/* One item is an ordinary largest-remainder split: 10 by 1:1:1 is 4, 3, 3. */
static void test_statement_one_item_is_split(void **state)
{
    (void)state;
    const int64_t total = 10, weights[3] = {1, 1, 1};
    int64_t items[3], ref[3];
    yr_statement_row rows[3], sum;
    assert_int_equal(yr_split(total, weights, 3, YR_LARGEST_REMAINDER, ref), YR_OK);
    assert_int_equal(
        yr_statement(&total, NULL, 1, weights, 1, 3, NULL, NULL, items, NULL, NULL, rows, &sum),
        YR_OK);
    assert_memory_equal(items, ref, sizeof ref);
    assert_int_equal(items[0], 4);
    assert_int_equal(rows[0].fees, 0);
    assert_int_equal(rows[0].net, 4);
    assert_int_equal(sum.net, 10);
}

/* Two years with different populations: each year's items use that year's weights. */
static void test_statement_years(void **state)
{
    (void)state;
    const int64_t totals[3] = {100, 100, 40};
    const size_t year[3] = {1, 0, 1};
    const int64_t weights[6] = {1, 1, 2, /* year 0 */ 1, 3, 0 /* year 1 */};
    int64_t items[9], yt[6], ys[2];
    yr_statement_row rows[3], sum;
    assert_int_equal(
        yr_statement(totals, year, 3, weights, 2, 3, NULL, NULL, items, yt, ys, rows, &sum), YR_OK);
    const int64_t want_items[9] = {25, 25, 10, 75, 25, 30, 0, 50, 0};
    const int64_t want_yt[6] = {25, 35, 25, 105, 50, 0};
    assert_memory_equal(items, want_items, sizeof want_items);
    assert_memory_equal(yt, want_yt, sizeof want_yt);
    assert_int_equal(rows[1].total, 130);
    assert_int_equal(sum.total, 240);
    expect_ints(ys, 100, 140);
}

/* The feasibility study's shape (seed 004): about 39 Mkr over seven years, the first two dearer,
 * split by a population that changes every year. Every year's column adds to its budget. */
static void test_statement_seven_years(void **state)
{
    (void)state;
    const int64_t budget[7] = {7500000, 7500000, 4800000, 4800000, 4800000, 4800000, 4800000};
    size_t year[7];
    int64_t weights[7 * 15], items[15 * 7], yt[15 * 7], ys[7];
    yr_statement_row rows[15], sum;
    uint64_t seed = 16;
    for (size_t y = 0; y < 7; y++) {
        year[y] = y;
        for (size_t r = 0; r < 15; r++)
            weights[y * 15 + r] = 5000 + (int64_t)(next_rand(&seed) % 55000);
    }
    assert_int_equal(
        yr_statement(budget, year, 7, weights, 7, 15, NULL, NULL, items, yt, ys, rows, &sum),
        YR_OK);
    assert_int_equal(sum.total, 39000000);
    for (size_t y = 0; y < 7; y++) {
        int64_t col = 0;
        for (size_t r = 0; r < 15; r++) {
            col += yt[r * 7 + y];
            assert_int_equal(yt[r * 7 + y], items[r * 7 + y]); /* one item per year */
        }
        assert_int_equal(col, budget[y]);
        assert_int_equal(ys[y], budget[y]);
        int64_t ref[15];
        assert_int_equal(yr_split(budget[y], weights + y * 15, 15, YR_LARGEST_REMAINDER, ref),
                         YR_OK);
        for (size_t r = 0; r < 15; r++)
            assert_int_equal(items[r * 7 + y], ref[r]);
    }
}

/* Random statements: cells equal yr_split_table on each year's items; lines add both ways. */
static void check_random_statement(uint64_t *seed)
{
    size_t ni = 1 + next_rand(seed) % 6, ny = 1 + next_rand(seed) % 3;
    size_t np = 1 + next_rand(seed) % 9;
    int64_t totals[6], weights[27], fees[9], kick[9], items[54], yt[27], ys[3];
    size_t year[6];
    for (size_t i = 0; i < ni; i++) {
        totals[i] = (int64_t)(next_rand(seed) % 1000000);
        year[i] = next_rand(seed) % ny;
    }
    for (size_t k = 0; k < ny * np; k++)
        weights[k] = 1 + (int64_t)(next_rand(seed) % 100000);
    for (size_t r = 0; r < np; r++) {
        fees[r] = 600 * (int64_t)(next_rand(seed) % 50);
        kick[r] = 400 * (int64_t)(next_rand(seed) % 30);
    }
    yr_statement_row rows[9], sum;
    assert_int_equal(
        yr_statement(totals, year, ni, weights, ny, np, fees, kick, items, yt, ys, rows, &sum),
        YR_OK);
    for (size_t y = 0; y < ny; y++) {
        int64_t sub[6], out[54];
        size_t idx[6], k = 0;
        for (size_t i = 0; i < ni; i++)
            if (year[i] == y) {
                idx[k] = i;
                sub[k++] = totals[i];
            }
        if (k == 0)
            continue;
        assert_int_equal(yr_split_table(sub, k, weights + y * np, np, out), YR_OK);
        for (size_t r = 0; r < np; r++)
            for (size_t j = 0; j < k; j++)
                assert_int_equal(items[r * ni + idx[j]], out[r * k + j]);
    }
    yr_statement_row s = {0, 0, 0, 0};
    for (size_t r = 0; r < np; r++) {
        int64_t t = 0, ty = 0;
        for (size_t i = 0; i < ni; i++)
            t += items[r * ni + i];
        for (size_t y = 0; y < ny; y++)
            ty += yt[r * ny + y];
        assert_int_equal(rows[r].total, t);
        assert_int_equal(ty, t);
        assert_int_equal(rows[r].net, t + fees[r] - kick[r]);
        s.total += t;
        s.fees += fees[r];
        s.kickback += kick[r];
        s.net += rows[r].net;
    }
    int64_t all = 0, by_year[3] = {0, 0, 0};
    for (size_t i = 0; i < ni; i++) {
        all += totals[i];
        by_year[year[i]] += totals[i];
    }
    for (size_t y = 0; y < ny; y++)
        assert_int_equal(ys[y], by_year[y]);
    assert_int_equal(sum.total, all);
    assert_int_equal(s.total, all);
    assert_int_equal(sum.fees, s.fees);
    assert_int_equal(sum.kickback, s.kickback);
    assert_int_equal(sum.net, s.net);
    assert_int_equal(sum.net, sum.total + sum.fees - sum.kickback);
}

static void test_statement_properties(void **state)
{
    (void)state;
    uint64_t seed = 2026;
    for (int t = 0; t < 2000; t++)
        check_random_statement(&seed);
}

/* Every error: the status, where, and untouched outputs. */
static void statement_error(const int64_t *totals, const size_t *year, size_t ni,
                            const int64_t *weights, size_t ny, size_t np, const int64_t *fees,
                            const int64_t *kick, yr_status want, size_t record, size_t column,
                            const char *arg)
{
    int64_t items[16], yt[16], ys[4];
    yr_statement_row rows[4], sum;
    memset(items, 0x5a, sizeof items);
    memset(yt, 0x5a, sizeof yt);
    memset(ys, 0x5a, sizeof ys);
    memset(rows, 0x5a, sizeof rows);
    memset(&sum, 0x5a, sizeof sum);
    yr_where w;
    assert_int_equal(yr_statement_where(totals, year, ni, weights, ny, np, fees, kick, items, yt,
                                        ys, rows, &sum, &w),
                     want);
    assert_where(&w, record, column, arg);
    for (size_t k = 0; k < sizeof items; k++)
        assert_int_equal(((unsigned char *)items)[k], 0x5a);
    for (size_t k = 0; k < sizeof yt; k++)
        assert_int_equal(((unsigned char *)yt)[k], 0x5a);
    for (size_t k = 0; k < sizeof ys; k++)
        assert_int_equal(((unsigned char *)ys)[k], 0x5a);
    for (size_t k = 0; k < sizeof rows; k++)
        assert_int_equal(((unsigned char *)rows)[k], 0x5a);
    assert_int_equal(((unsigned char *)&sum)[0], 0x5a);
}

static void test_statement_errors(void **state)
{
    (void)state;
    const int64_t t2[2] = {100, 60}, w3[3] = {1, 1, 2}, f3[3] = {1, 2, 3};
    const int64_t neg_t[2] = {100, -1}, neg_w[6] = {1, 1, 1, 1, -5, 1}, neg_f[3] = {1, -2, 3};
    const int64_t zero_w[6] = {1, 1, 1, 0, 0, 0}, big[2] = {INT64_MAX, 1};
    const size_t y_bad[2] = {0, 2}, y01[2] = {0, 1};
    statement_error(NULL, NULL, 2, w3, 1, 3, NULL, NULL, YR_ERR_NULL, NONE, NONE, NULL);
    statement_error(t2, NULL, 2, w3, 1, 3, f3, NULL, YR_ERR_NULL, NONE, NONE, "kickback");
    statement_error(t2, NULL, 0, w3, 1, 3, NULL, NULL, YR_ERR_EMPTY, NONE, NONE, "totals");
    statement_error(t2, NULL, 2, w3, 1, 0, NULL, NULL, YR_ERR_EMPTY, NONE, NONE, "weights");
    statement_error(neg_t, NULL, 2, w3, 1, 3, NULL, NULL, YR_ERR_NEGATIVE, NONE, 1, "totals");
    statement_error(t2, y_bad, 2, neg_w, 2, 3, NULL, NULL, YR_ERR_RANGE, NONE, 1, "year");
    statement_error(t2, y01, 2, neg_w, 2, 3, NULL, NULL, YR_ERR_NEGATIVE, 1, 1, "weights");
    statement_error(t2, NULL, 2, w3, 1, 3, neg_f, f3, YR_ERR_NEGATIVE, 1, NONE, "fees");
    statement_error(t2, NULL, 2, w3, 1, 3, f3, neg_f, YR_ERR_NEGATIVE, 1, NONE, "kickback");
    statement_error(t2, y01, 2, zero_w, 2, 3, NULL, NULL, YR_ERR_ZERO_WEIGHT, NONE, 1, "weights");
    /* The items add to INT64_MAX + 1. */
    statement_error(big, NULL, 2, w3, 1, 1, NULL, NULL, YR_ERR_OVERFLOW, NONE, NONE, "totals");
    const int64_t one = INT64_MAX, fee_max[1] = {1}, kick0[1] = {0};
    statement_error(&one, NULL, 1, w3, 1, 1, fee_max, kick0, YR_ERR_OVERFLOW, 0, NONE, "fees");
    /* The Summa line: fees, kickbacks, and a net sum beyond INT64_MAX though the fees fit. */
    const int64_t hundred = 100, max2[2] = {INT64_MAX, 1}, half[2] = {INT64_MAX / 2, INT64_MAX / 2};
    const int64_t zero2[2] = {0, 0};
    statement_error(&hundred, NULL, 1, w3, 1, 2, zero2, max2, YR_ERR_OVERFLOW, NONE, NONE,
                    "kickback");
    statement_error(&hundred, NULL, 1, w3, 1, 2, max2, zero2, YR_ERR_OVERFLOW, 0, NONE, "fees");
    statement_error(&hundred, NULL, 1, w3, 1, 2, half, zero2, YR_ERR_OVERFLOW, NONE, NONE, "fees");
}

/* A year with zero items and zero weights is not an error: nothing is split by it. */
static void test_statement_unused_year(void **state)
{
    (void)state;
    const int64_t totals[1] = {9}, weights[4] = {1, 2, 0, 0};
    int64_t items[2], yt[4], ys[2];
    yr_statement_row rows[2], sum;
    assert_int_equal(
        yr_statement(totals, NULL, 1, weights, 2, 2, NULL, NULL, items, yt, ys, rows, &sum), YR_OK);
    expect_ints(items, 3, 6);
    assert_int_equal(yt[1], 0);
    assert_int_equal(yt[3], 0);
    expect_ints(ys, 9, 0);
}

/* ---- Parts check -------------------------------------------------------------------------- */

/* Seed 003: "TOTALT 32 850 177 kr" but its three items add to 32 861 440. */
static void test_parts_seed_003(void **state)
{
    (void)state;
    const int64_t row[4] = {32850177, 24646080, 4929216, 3286144};
    const size_t parts[3] = {1, 2, 3};
    int64_t sum = 0, diff = 0;
    size_t bad = 99;
    assert_int_equal(yr_check_parts(row, 1, 4, 0, parts, 3, &sum, &diff, &bad), YR_OK);
    assert_int_equal(sum, 32861440);
    assert_int_equal(diff, 11263);
    assert_int_equal(bad, 1);
}

/* accounts = staff + managers, row by row; diff = sum - stated. */
static void test_parts_table(void **state)
{
    (void)state;
    const int64_t t[4 * 3] = {/* accounts, staff, managers */ 10,
                              8,
                              2,
                              7,
                              71,
                              0,
                              5,
                              3,
                              1,
                              0,
                              0,
                              0};
    const size_t parts[2] = {1, 2};
    int64_t sums[4], diff[4];
    size_t bad;
    assert_int_equal(yr_check_parts(t, 4, 3, 0, parts, 2, sums, diff, &bad), YR_OK);
    const int64_t want_sums[4] = {10, 71, 4, 0}, want_diff[4] = {0, 64, -1, 0};
    assert_memory_equal(sums, want_sums, sizeof sums);
    assert_memory_equal(diff, want_diff, sizeof diff);
    assert_int_equal(bad, 2);
    /* No rows: nothing mismatches; sums and diff may be NULL. */
    assert_int_equal(yr_check_parts(NULL, 0, 3, 0, parts, 2, NULL, NULL, &bad), YR_OK);
    assert_int_equal(bad, 0);
}

/* A random table whose first column is made the sum of the others except in marked rows. */
static void test_parts_properties(void **state)
{
    (void)state;
    uint64_t seed = 3;
    for (int t = 0; t < 500; t++) {
        size_t nr = next_rand(&seed) % 20, nc = 2 + next_rand(&seed) % 5, want_bad = 0;
        int64_t table[20 * 6], diff[20];
        size_t parts[5];
        for (size_t k = 0; k + 1 < nc; k++)
            parts[k] = k + 1;
        for (size_t r = 0; r < nr; r++) {
            int64_t s = 0;
            for (size_t c = 1; c < nc; c++)
                s += table[r * nc + c] = (int64_t)(next_rand(&seed) % 100000) - 50000;
            int64_t off = next_rand(&seed) % 3 == 0 ? (int64_t)(next_rand(&seed) % 7) : 0;
            table[r * nc] = s - off;
            want_bad += off != 0;
        }
        size_t bad;
        assert_int_equal(yr_check_parts(table, nr, nc, 0, parts, nc - 1, NULL, diff, &bad), YR_OK);
        assert_int_equal(bad, want_bad);
    }
}

static void test_parts_errors(void **state)
{
    (void)state;
    const int64_t t[3] = {0, INT64_MAX, 1}, ok[3] = {5, 2, 3};
    const size_t p12[2] = {1, 2}, p10[2] = {1, 0}, p11[2] = {1, 1}, p13[2] = {1, 3};
    int64_t sums[1] = {77}, diff[1] = {77};
    size_t bad = 77;
    yr_where w;
    assert_int_equal(yr_check_parts_where(t, 1, 3, 0, p12, 2, sums, diff, &bad, &w),
                     YR_ERR_OVERFLOW);
    assert_where(&w, 0, NONE, "table");
    const int64_t t2[3] = {INT64_MIN, INT64_MAX, 0};
    assert_int_equal(yr_check_parts_where(t2, 1, 3, 0, p12, 2, sums, diff, &bad, &w),
                     YR_ERR_OVERFLOW); /* the difference does not fit */
    assert_int_equal(yr_check_parts_where(ok, 1, 3, 3, p12, 2, sums, diff, &bad, &w), YR_ERR_RANGE);
    assert_where(&w, NONE, 3, "whole");
    assert_int_equal(yr_check_parts_where(ok, 1, 3, 0, p10, 2, sums, diff, &bad, &w), YR_ERR_RANGE);
    assert_where(&w, NONE, 0, "parts");
    assert_int_equal(yr_check_parts_where(ok, 1, 3, 0, p11, 2, sums, diff, &bad, &w), YR_ERR_RANGE);
    assert_int_equal(yr_check_parts_where(ok, 1, 3, 0, p13, 2, sums, diff, &bad, &w), YR_ERR_RANGE);
    assert_where(&w, NONE, 3, "parts");
    assert_int_equal(yr_check_parts(ok, 1, 3, 0, p12, 0, sums, diff, &bad), YR_ERR_EMPTY);
    assert_int_equal(yr_check_parts(NULL, 1, 3, 0, p12, 2, sums, diff, &bad), YR_ERR_NULL);
    assert_int_equal(yr_check_parts(ok, 1, 3, 0, p12, 2, sums, diff, NULL), YR_ERR_NULL);
    assert_int_equal(sums[0], 77);
    assert_int_equal(diff[0], 77);
    assert_int_equal(bad, 77);
}

/* ---- Rate check -------------------------------------------------------------------------- */

/* pot = 400 × participant-days and fees = 600 × days, by hand: 289 × 400 = 115 600. */
static void test_rate_by_hand(void **state)
{
    (void)state;
    const int64_t t[3 * 3] = {/* days, fees, pot */ 289, 173400, 115600,
                              /* one day short */ 12,    7200,   4400,
                              /* nothing */ 0,           0,      0};
    int64_t expected[3], diff[3];
    size_t bad = 99;
    assert_int_equal(yr_check_rate(t, 3, 3, 2, 0, 400, 1, expected, diff, &bad), YR_OK);
    assert_int_equal(expected[0], 115600);
    assert_int_equal(diff[0], 0);
    assert_int_equal(expected[1], 4800);
    assert_int_equal(diff[1], 400); /* computed - stated, as yr_check_parts */
    assert_int_equal(diff[2], 0);
    assert_int_equal(bad, 1);
    assert_int_equal(yr_check_rate(t, 3, 3, 1, 0, 600, 1, NULL, diff, &bad), YR_OK);
    assert_int_equal(bad, 0);
    /* 1,5 × 3 = 4,5 rounds half away from zero to 5; -3 × 1,5 = -4,5 to -5; 7 × 2/3 = 4,67 to 5. */
    const int64_t f[3 * 2] = {3, 5, -3, -4, 7, 5};
    assert_int_equal(yr_check_rate(f, 3, 2, 1, 0, 3, 2, expected, diff, &bad), YR_OK);
    assert_int_equal(expected[0], 5);
    assert_int_equal(expected[1], -5);
    assert_int_equal(diff[1], -1);
    assert_int_equal(expected[2], 11); /* 7 × 3 / 2 = 10,5 -> 11 */
    assert_int_equal(diff[2], 6);
    assert_int_equal(bad, 2);
    assert_int_equal(yr_check_rate(f + 4, 1, 2, 1, 0, 2, 3, expected, diff, &bad), YR_OK);
    assert_int_equal(expected[0], 5); /* 7 × 2 / 3 = 4,67 -> 5 */
    assert_int_equal(bad, 0);
    assert_int_equal(yr_check_rate(NULL, 0, 2, 1, 0, 1, 1, NULL, NULL, &bad), YR_OK);
    assert_int_equal(bad, 0);
}

static void test_rate_errors(void **state)
{
    (void)state;
    const int64_t big[2 * 2] = {1, 0, INT64_MAX / 2 + 1, 0}, ok[2] = {2, 4};
    int64_t expected[2] = {77, 77}, diff[2] = {77, 77};
    size_t bad = 77;
    yr_where w;
    assert_int_equal(yr_check_rate_where(big, 2, 2, 1, 0, 2, 1, expected, diff, &bad, &w),
                     YR_ERR_OVERFLOW);
    assert_where(&w, 1, NONE, "table"); /* row 0 fits, row 1 does not */
    const int64_t sub[2] = {-1, INT64_MAX};
    int64_t d_min = 0;
    size_t b_min = 0; /* -1 - INT64_MAX = INT64_MIN fits; -2 - INT64_MAX does not */
    assert_int_equal(yr_check_rate(sub, 1, 2, 1, 0, 1, 1, NULL, &d_min, &b_min), YR_OK);
    assert_true(d_min == INT64_MIN);
    assert_int_equal(b_min, 1);
    assert_int_equal(yr_check_rate_where(sub, 1, 2, 1, 0, 2, 1, expected, diff, &bad, &w),
                     YR_ERR_OVERFLOW);
    assert_int_equal(yr_check_rate_where(ok, 1, 2, 2, 0, 1, 1, expected, diff, &bad, &w),
                     YR_ERR_RANGE);
    assert_where(&w, NONE, 2, "whole");
    assert_int_equal(yr_check_rate_where(ok, 1, 2, 1, 1, 1, 1, expected, diff, &bad, &w),
                     YR_ERR_RANGE);
    assert_where(&w, NONE, 1, "base");
    assert_int_equal(yr_check_rate_where(ok, 1, 2, 1, 0, 1, 0, expected, diff, &bad, &w),
                     YR_ERR_RANGE);
    assert_where(&w, NONE, NONE, "rate_den");
    assert_int_equal(yr_check_rate(ok, 1, 0, 1, 0, 1, 1, expected, diff, &bad), YR_ERR_EMPTY);
    assert_int_equal(yr_check_rate(NULL, 1, 2, 1, 0, 1, 1, expected, diff, &bad), YR_ERR_NULL);
    assert_int_equal(yr_check_rate(ok, 1, 2, 1, 0, 1, 1, expected, diff, NULL), YR_ERR_NULL);
    assert_int_equal(expected[0], 77);
    assert_int_equal(diff[0], 77);
    assert_int_equal(bad, 77);
}

/* ---- Compare ------------------------------------------------------------------------------ */

static void test_compare_by_hand(void **state)
{
    (void)state;
    /* 10 by 1:1:1 with largest remainder (4 3 3) and one municipality opting out (5 5 0). */
    const int64_t s[6] = {4, 3, 3, 5, 5, 0};
    int64_t diff[6], sums[2], ds[2];
    yr_where w;
    assert_int_equal(yr_compare_where(s, 2, 3, 0, diff, sums, ds, &w), YR_OK);
    assert_where(&w, NONE, NONE, NULL);
    const int64_t want[6] = {0, 0, 0, 1, 2, -3};
    assert_memory_equal(diff, want, sizeof want);
    assert_int_equal(sums[0], 10);
    assert_int_equal(sums[1], 10);
    assert_int_equal(ds[1], 0);
    assert_int_equal(yr_compare(s, 2, 3, 1, diff, NULL, ds), YR_OK);
    assert_int_equal(diff[0], -1);
    assert_int_equal(diff[5], 0);
    assert_int_equal(ds[0], 0);
}

static void test_compare_errors(void **state)
{
    (void)state;
    const int64_t s[4] = {INT64_MIN, 0, 1, 0}, sum_over[4] = {INT64_MAX, 1, 0, 0};
    int64_t diff[4] = {9, 9, 9, 9}, sums[2] = {9, 9};
    yr_where w;
    assert_int_equal(yr_compare_where(s, 2, 2, 1, diff, sums, NULL, &w), YR_ERR_OVERFLOW);
    assert_where(&w, 0, 0, "splits");
    assert_int_equal(yr_compare_where(sum_over, 2, 2, 0, diff, sums, NULL, &w), YR_ERR_OVERFLOW);
    assert_where(&w, NONE, 0, "splits");
    assert_int_equal(yr_compare_where(s, 2, 2, 2, diff, sums, NULL, &w), YR_ERR_RANGE);
    assert_where(&w, NONE, NONE, "base");
    assert_int_equal(yr_compare(s, 0, 2, 0, diff, sums, NULL), YR_ERR_EMPTY);
    assert_int_equal(yr_compare(NULL, 2, 2, 0, diff, sums, NULL), YR_ERR_NULL);
    assert_int_equal(diff[0], 9);
    assert_int_equal(sums[1], 9);
}

/* ---- Dates -------------------------------------------------------------------------------- */

static void test_dates_known(void **state)
{
    (void)state;
    int64_t d;
    int y, m, dd;
    assert_int_equal(yr_days_from_civil(1970, 1, 1, &d), YR_OK);
    assert_int_equal(d, 0);
    assert_int_equal(yr_days_from_civil(2000, 3, 1, &d), YR_OK);
    assert_int_equal(d, 11017);
    assert_int_equal(yr_days_from_civil(1969, 12, 31, &d), YR_OK);
    assert_int_equal(d, -1);
    assert_int_equal(yr_days_from_civil(2024, 2, 29, &d), YR_OK);
    assert_int_equal(yr_days_from_civil(2023, 2, 29, &d), YR_ERR_RANGE);
    assert_int_equal(yr_days_from_civil(1900, 2, 29, &d), YR_ERR_RANGE);
    assert_int_equal(yr_days_from_civil(2025, 4, 31, &d), YR_ERR_RANGE);
    assert_int_equal(yr_days_from_civil(2025, 13, 1, &d), YR_ERR_RANGE);
    assert_int_equal(yr_days_from_civil(0, 1, 1, &d), YR_ERR_RANGE);
    assert_int_equal(yr_days_from_civil(2025, 1, 1, NULL), YR_ERR_NULL);
    /* "30 dagar netto" */
    assert_int_equal(yr_due_date(2025, 1, 31, 30, &y, &m, &dd), YR_OK);
    assert_int_equal(y * 10000 + m * 100 + dd, 20250302);
    assert_int_equal(yr_due_date(2024, 1, 31, 30, &y, &m, &dd), YR_OK);
    assert_int_equal(y * 10000 + m * 100 + dd, 20240301);
    assert_int_equal(yr_due_date(2024, 12, 15, 30, &y, &m, &dd), YR_OK);
    assert_int_equal(y * 10000 + m * 100 + dd, 20250114);
    y = m = dd = -7;
    assert_int_equal(yr_due_date(9999, 12, 1, 31, &y, &m, &dd), YR_ERR_RANGE);
    assert_int_equal(yr_due_date(2025, 1, 1, -1, &y, &m, &dd), YR_ERR_RANGE);
    assert_int_equal(yr_due_date(2025, 2, 30, 1, &y, &m, &dd), YR_ERR_RANGE);
    assert_int_equal(y, -7);
    assert_int_equal(yr_civil_from_days(2932897, &y, &m, &dd), YR_ERR_RANGE);
    assert_int_equal(yr_civil_from_days(-719163, &y, &m, &dd), YR_ERR_RANGE);
    assert_int_equal(y, -7);
}

/* Every day of 0001-01-01 .. 9999-12-31 against a calendar walked one day at a time. */
static void test_dates_walk(void **state)
{
    (void)state;
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = 1, m = 1, d = 1;
    int64_t n = -719162;
    for (;;) {
        int64_t got;
        int gy, gm, gd;
        assert_int_equal(yr_days_from_civil(y, m, d, &got), YR_OK);
        assert_int_equal(got, n);
        assert_int_equal(yr_civil_from_days(n, &gy, &gm, &gd), YR_OK);
        assert_int_equal(gy, y);
        assert_int_equal(gm, m);
        assert_int_equal(gd, d);
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (d < len[m - 1] + (m == 2 && leap)) {
            d++;
        } else if (m < 12) {
            m++;
            d = 1;
        } else if (y < 9999) {
            y++;
            m = d = 1;
        } else {
            break;
        }
        n++;
    }
    assert_int_equal(n, 2932896);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statement_by_hand),
        cmocka_unit_test(test_statement_one_item_is_split),
        cmocka_unit_test(test_statement_years),
        cmocka_unit_test(test_statement_seven_years),
        cmocka_unit_test(test_statement_properties),
        cmocka_unit_test(test_statement_errors),
        cmocka_unit_test(test_statement_unused_year),
        cmocka_unit_test(test_parts_seed_003),
        cmocka_unit_test(test_parts_table),
        cmocka_unit_test(test_parts_properties),
        cmocka_unit_test(test_parts_errors),
        cmocka_unit_test(test_rate_by_hand),
        cmocka_unit_test(test_rate_errors),
        cmocka_unit_test(test_compare_by_hand),
        cmocka_unit_test(test_compare_errors),
        cmocka_unit_test(test_dates_known),
        cmocka_unit_test(test_dates_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
