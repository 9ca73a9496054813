/* The agreements' models in a table (table.h): yr_split_table_mixed (hand-worked tables, one
 * item against yr_split_mixed, random tables against a brute force over every table written
 * here), yr_rate_item (hand-worked 2,28 kr per inhabitant), yr_split_items, yr_item_quota, and
 * the text forms of number.h (hand-worked). Errors leave the outputs untouched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

/* Dalarna, 30 June 2021 (data/dalarna/population-2021-06.csv): Avesta .. Älvdalen. */
static const int64_t dalarna[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                                    20544, 6939,  11079, 10909, 11203, 6790,  7033};

/* ---- yr_split_table_mixed: hand-worked ------------------------------------------------------ */

/* Weights 1, 3, 2 (n = 3, W = 6); item 1: 8 kr, half of it equally; item 2: 2 kr by weight.
 * Item 1: 4/3 each plus 4 * w / 6 = 2, 10/3, 8/3. Item 2: 1/3, 1, 2/3. Row quotas 7/3, 13/3,
 * 10/3 (sum 10): floors 2 4 3, one unit left, equal remainders 1/3: the larger weight, party 1.
 * Rows 2 5 3. Party 0's cells are 2 and 0 (item 1 whole; row 2), so item 2's spare unit is
 * party 2's, whose row 3 leaves item 1 at 2, so party 1 has 4 in item 1: the only table.
 * Each column alone gives 2 3 3 and 0 1 1 (rows 2 4 4): the table differs in two cells. */
static void test_mixed_hand(void **state)
{
    (void)state;
    const int64_t w[3] = {1, 3, 2}, tot[2] = {8, 2}, num[2] = {1, 0}, den[2] = {2, 1};
    int64_t out[6];
    assert_int_equal(yr_split_table_mixed(tot, num, den, 2, w, 3, out), YR_OK);
    expect_ints(out, 2, 0, 4, 1, 2, 1);
    int64_t alone[3];
    assert_int_equal(yr_split_mixed(8, 1, 2, w, 3, alone), YR_OK);
    expect_ints(alone, 2, 3, 3);
}

/* Weights 3, 2, 1 (W = 6), items 6 and 5 kr, each half equally. Item 1: 1 + 3 * w / 6 = 2.5, 2,
 * 1.5; item 2: 5/6 + 2.5 * w / 6 = 25/12, 20/12, 15/12. Rows 55/12, 44/12, 33/12 (sum 11):
 * floors 4 3 2, two units to the largest remainders 9/12 (party 2) and 8/12 (party 1): rows
 * 4 4 3. Party 0: 4 = 2 + 2 (its cells are at least 2 and 2); so item 1 gives party 2 its 2,
 * party 2's item 2 is 1 and party 1's 2: the only table. Alone: 3 2 1 (the 0.5 tie to the
 * larger weight) and 2 2 1. */
static void test_mixed_hand_two_equal_parts(void **state)
{
    (void)state;
    const int64_t w[3] = {3, 2, 1}, tot[2] = {6, 5}, num[2] = {1, 1}, den[2] = {2, 2};
    int64_t out[6];
    assert_int_equal(yr_split_table_mixed(tot, num, den, 2, w, 3, out), YR_OK);
    expect_ints(out, 2, 2, 2, 2, 2, 1);
}

/* Dalarna, 850 000 + 180 000 kr, 30 % equally each: the quotas computed here exactly
 * (q = (t num W + t (den - num) n w) / (den n W)); each column adds up, each cell is the floor or
 * ceiling of its quota, and the rows are the largest-remainder shares of 1 030 000 on the row
 * quotas (computed here; such a table exists: yr_split_table_mixed must find it). The lone
 * split of the coordinator is the README's "30% equal" scenario: Falun 140 282, Vansbro 31 009. */
static void test_mixed_dalarna(void **state)
{
    (void)state;
    const int64_t tot[2] = {850000, 180000}, num[2] = {3, 3}, den[2] = {10, 10};
    const int64_t W = 288382, n = 15, D = 10 * 15 * W;
    int64_t out[30], sum[2] = {0, 0}, lr[15];
    rank_row rk[15];
    assert_int_equal(yr_split_table_mixed(tot, num, den, 2, dalarna, 15, out), YR_OK);
    int64_t left = 1030000;
    for (size_t i = 0; i < 15; i++) {
        test_u128 row = 0;
        for (size_t j = 0; j < 2; j++) {
            test_u128 q = (test_u128)tot[j] * 3 * W + (test_u128)tot[j] * 7 * n * dalarna[i];
            int64_t c = out[2 * i + j], fl = (int64_t)(q / D);
            assert_true(c == fl || (c == fl + 1 && q % D != 0));
            sum[j] += c;
            row += q;
        }
        lr[i] = (int64_t)(row / D);
        left -= lr[i];
        rk[i] = (rank_row){row % D, dalarna[i], i};
    }
    qsort(rk, 15, sizeof *rk, rank_cmp);
    for (int64_t k = 0; k < left; k++)
        lr[rk[k].idx]++;
    for (size_t i = 0; i < 15; i++)
        assert_int_equal(out[2 * i] + out[2 * i + 1], lr[i]);
    assert_int_equal(sum[0], 850000);
    assert_int_equal(sum[1], 180000);
    int64_t alone[15];
    assert_int_equal(yr_split_mixed(850000, 3, 10, dalarna, 15, alone), YR_OK);
    assert_int_equal(alone[2], 140282);
    assert_int_equal(alone[13], 31009);
}

/* With every equal part 0 the table is yr_split_table()'s; wholly equal items need no weights. */
static void test_mixed_degenerate(void **state)
{
    (void)state;
    const int64_t tot[3] = {100, 7, 0}, zero[3] = {0, 0, 0}, one[3] = {1, 1, 1};
    const int64_t w[4] = {5, 0, 3, 9}, w0[4] = {0, 0, 0, 0};
    int64_t a[12], b[12];
    assert_int_equal(yr_split_table(tot, 3, w, 4, a), YR_OK);
    assert_int_equal(yr_split_table_mixed(tot, zero, one, 3, w, 4, b), YR_OK);
    expect_i64s(b, a, 12);
    assert_int_equal(yr_split_table_mixed(tot, NULL, NULL, 3, w, 4, b), YR_OK);
    expect_i64s(b, a, 12);
    /* All weights 0, every item wholly equal: 100 = 25 each; 7 = 1.75 each, rows 26.75: floors
     * 26 * 4 = 104, three units to the ties (equal weights 0): parties 0, 1, 2. */
    assert_int_equal(yr_split_table_mixed(tot, one, one, 3, w0, 4, b), YR_OK);
    expect_ints(b, 25, 2, 0, 25, 2, 0, 25, 2, 0, 25, 1, 0);
}

static void test_mixed_errors(void **state)
{
    (void)state;
    const int64_t w[3] = {1, 2, 3}, w0[3] = {0, 0, 0}, tot[2] = {10, 20};
    int64_t out[6] = {7, 7, 7, 7, 7, 7};
    yr_where wh;
    const int64_t num_bad[2] = {0, 3}, den_bad[2] = {1, 2};
    assert_int_equal(yr_split_table_mixed_where(tot, num_bad, den_bad, 2, w, 3, out, &wh),
                     YR_ERR_RANGE);
    assert_int_equal(wh.column, 1);
    assert_string_equal(wh.arg, "equal_part");
    const int64_t num[2] = {1, 0}, den0[2] = {2, 0};
    assert_int_equal(yr_split_table_mixed_where(tot, num, den0, 2, w, 3, out, &wh), YR_ERR_RANGE);
    assert_int_equal(wh.column, 1);
    const int64_t den[2] = {2, 1};
    assert_int_equal(yr_split_table_mixed_where(tot, num, NULL, 2, w, 3, out, &wh), YR_ERR_NULL);
    assert_string_equal(wh.arg, "equal_den");
    /* all weights 0: item 1 is wholly equal, item 2 (by weight) cannot be split */
    const int64_t whole[2] = {1, 0}, ones[2] = {1, 1};
    assert_int_equal(yr_split_table_mixed_where(tot, whole, ones, 2, w0, 3, out, &wh),
                     YR_ERR_ZERO_WEIGHT);
    assert_int_equal(wh.column, 1);
    assert_string_equal(wh.arg, "weights");
    const int64_t neg[2] = {10, -1};
    assert_int_equal(yr_split_table_mixed(neg, num, den, 2, w, 3, out), YR_ERR_NEGATIVE);
    /* a denominator near 2^63 times n * W beyond 2^128 */
    const int64_t big_num[2] = {1, 0}, big_den[2] = {INT64_MAX, 1};
    const int64_t big_w[3] = {INT64_MAX, INT64_MAX, INT64_MAX}, big_t[2] = {INT64_MAX / 2, 1};
    assert_int_equal(yr_split_table_mixed_where(big_t, big_num, big_den, 2, big_w, 3, out, &wh),
                     YR_ERR_OVERFLOW);
    expect_ints(out, 7, 7, 7, 7, 7, 7);
}

/* ---- yr_split_table_mixed: random tables against a brute force ---------------------------- */

/* The exact quotas of a small mixed table over one denominator D = n * W * 60 (the equal parts'
 * denominators divide 60): q[i][j] = num / D. */
typedef struct mq {
    size_t n, m;
    int64_t D, q[6][3], row[6];
} mq;

static void make_mq(const int64_t *tot, const int64_t *num, const int64_t *den, size_t m,
                    const int64_t *w, size_t n, mq *q)
{
    int64_t W = 0;
    for (size_t i = 0; i < n; i++)
        W += w[i];
    q->n = n;
    q->m = m;
    q->D = (int64_t)n * W * 60;
    for (size_t i = 0; i < n; i++) {
        q->row[i] = 0;
        for (size_t j = 0; j < m; j++) {
            /* E / n + (t - E) w / W with E = t num / den, times D = n W 60 */
            int64_t e60 = tot[j] * num[j] * (60 / den[j]); /* 60 E */
            q->q[i][j] = e60 * W + (tot[j] * 60 - e60) * w[i] * (int64_t)n;
            q->row[i] += q->q[i][j];
        }
    }
}

/* The rank position of each party with a fractional row (0 = first), SIZE_MAX for the others. */
static void mq_ranks(const mq *q, const int64_t *w, size_t *pos)
{
    rank_row r[6];
    size_t k = 0;
    for (size_t i = 0; i < q->n; i++) {
        pos[i] = SIZE_MAX;
        if (q->row[i] % q->D != 0)
            r[k++] = (rank_row){(test_u128)(q->row[i] % q->D), w[i], i};
    }
    qsort(r, k, sizeof *r, rank_cmp);
    for (size_t t = 0; t < k; t++)
        pos[r[t].idx] = t;
}

/* Every table (cells floor or ceil, columns exact, rows floor or ceil): the best rounded-up
 * set in the ranking, a mask with bit (5 - pos) for a party rounded up. */
typedef struct mbrute {
    const mq *q;
    const int64_t *tot;
    const size_t *pos;
    int64_t cell[6][3];
    long best;
} mbrute;

static void mbrute_rows(mbrute *b)
{
    const mq *q = b->q;
    long mask = 0;
    for (size_t i = 0; i < q->n; i++) {
        int64_t s = 0;
        for (size_t j = 0; j < q->m; j++)
            s += b->cell[i][j];
        int64_t fl = q->row[i] / q->D;
        if (s == fl + 1 && q->row[i] % q->D != 0)
            mask |= 1L << (5 - b->pos[i]);
        else if (s != fl)
            return;
    }
    b->best = mask > b->best ? mask : b->best;
}

static void mbrute_col(mbrute *b, size_t j, size_t from, int64_t left)
{
    const mq *q = b->q;
    if (from == 0 && left == -1) { /* start column j */
        left = b->tot[j];
        for (size_t i = 0; i < q->n; i++) {
            b->cell[i][j] = q->q[i][j] / q->D;
            left -= b->cell[i][j];
        }
    }
    if (left == 0) {
        if (j + 1 < q->m)
            mbrute_col(b, j + 1, 0, -1);
        else
            mbrute_rows(b);
        return;
    }
    for (size_t i = from; i < q->n; i++) {
        if (q->q[i][j] % q->D == 0)
            continue;
        b->cell[i][j]++;
        mbrute_col(b, j, i + 1, left - 1);
        b->cell[i][j]--;
    }
}

static void check_mixed_brute(const int64_t *tot, const int64_t *num, const int64_t *den, size_t m,
                              const int64_t *w, size_t n)
{
    int64_t out[18];
    mq q;
    size_t pos[6];
    make_mq(tot, num, den, m, w, n, &q);
    mq_ranks(&q, w, pos);
    assert_int_equal(yr_split_table_mixed(tot, num, den, m, w, n, out), YR_OK);
    mbrute b = {&q, tot, pos, {{0}}, -1};
    mbrute_col(&b, 0, 0, -1);
    assert_true(b.best >= 0); /* some table exists */
    long mask = 0;
    for (size_t j = 0; j < m; j++) {
        int64_t s = 0;
        for (size_t i = 0; i < n; i++) {
            int64_t fl = q.q[i][j] / q.D, c = out[i * m + j];
            assert_true(c == fl || (c == fl + 1 && q.q[i][j] % q.D != 0));
            s += c;
        }
        assert_int_equal(s, tot[j]);
    }
    for (size_t i = 0; i < n; i++) {
        int64_t s = 0;
        for (size_t j = 0; j < m; j++)
            s += out[i * m + j];
        if (s != q.row[i] / q.D)
            mask |= 1L << (5 - pos[i]);
    }
    assert_int_equal(mask, b.best);
}

static void test_mixed_random_brute(void **state)
{
    (void)state;
    static const int64_t dens[4] = {2, 3, 10, 5};
    uint64_t seed = 22;
    for (int it = 0; it < 20000; it++) {
        size_t n = 1 + (size_t)rand_below(&seed, 6), m = 1 + (size_t)rand_below(&seed, 3);
        int64_t w[6], tot[3], num[3], den[3], W = 0;
        for (size_t i = 0; i < n; i++)
            W += w[i] = (int64_t)rand_upto(&seed, 6);
        for (size_t j = 0; j < m; j++) {
            tot[j] = (int64_t)rand_upto(&seed, 12);
            den[j] = dens[rand_below(&seed, 4)];
            num[j] = (int64_t)rand_upto(&seed, (uint64_t)den[j]);
            if (W == 0)
                num[j] = den[j];
        }
        if (W == 0)
            W = w[0] = 1; /* keep the brute's denominator simple */
        check_mixed_brute(tot, num, den, m, w, n);
    }
}

/* One item: the table is yr_split_mixed()'s split. */
static void test_mixed_one_item(void **state)
{
    (void)state;
    uint64_t seed = 7;
    int64_t w[40], a[40], b[40];
    for (int it = 0; it < 3000; it++) {
        size_t n = 1 + (size_t)rand_below(&seed, 40);
        for (size_t i = 0; i < n; i++)
            w[i] = (int64_t)rand_upto(&seed, it % 2 ? 1000000 : 9);
        w[0] += 1;
        int64_t t = (int64_t)rand_upto(&seed, 2000000000),
                den = 1 + (int64_t)rand_below(&seed, 100);
        int64_t num = (int64_t)rand_upto(&seed, (uint64_t)den);
        assert_int_equal(yr_split_mixed(t, num, den, w, n, a), YR_OK);
        assert_int_equal(yr_split_table_mixed(&t, &num, &den, 1, w, n, b), YR_OK);
        expect_i64s(b, a, n);
    }
}

/* ---- rate items ----------------------------------------------------------------------------- */

/* 2,28 kr per inhabitant = 228/100: Falun 59 752 -> 136 234.56 -> 136 235; Gagnef 10 455 ->
 * 23 837.40 -> 23 837; Orsa 6 939 -> 15 820.92 -> 15 821; 25 -> 57.00; total 175 950. */
static void test_rate_hand(void **state)
{
    (void)state;
    const int64_t w[4] = {59752, 10455, 6939, 25};
    int64_t out[4], total = 0;
    assert_int_equal(yr_rate_item(228, 100, w, 4, out, &total), YR_OK);
    expect_ints(out, 136235, 23837, 15821, 57);
    assert_int_equal(total, 136235 + 23837 + 15821 + 57);
    /* Half away from zero: 1/2 of 1, 3, 5 is 0.5, 1.5, 2.5 -> 1, 2, 3; a credit of -1/2 gives
     * -1, -2, -3; 1/3 of 1 and 2 -> 0 and 1. */
    const int64_t h[3] = {1, 3, 5};
    assert_int_equal(yr_rate_item(1, 2, h, 3, out, NULL), YR_OK);
    expect_ints(out, 1, 2, 3);
    assert_int_equal(yr_rate_item(-1, 2, h, 3, out, &total), YR_OK);
    expect_ints(out, -1, -2, -3);
    assert_int_equal(total, -6);
    assert_int_equal(yr_rate_item(1, 3, h, 2, out, NULL), YR_OK);
    expect_ints(out, 0, 1);
}

static void test_rate_errors(void **state)
{
    (void)state;
    const int64_t w[3] = {1, -2, 3}, ok[3] = {1, 2, 3}, big[2] = {INT64_MAX, INT64_MAX};
    int64_t out[3] = {9, 9, 9}, total = 9;
    yr_where wh;
    assert_int_equal(yr_rate_item_where(1, 1, w, 3, out, &total, &wh), YR_ERR_NEGATIVE);
    assert_int_equal(wh.record, 1);
    assert_int_equal(yr_rate_item_where(1, 0, ok, 3, out, &total, &wh), YR_ERR_RANGE);
    assert_string_equal(wh.arg, "rate");
    assert_int_equal(yr_rate_item_where(2, 1, big, 2, out, &total, &wh), YR_ERR_OVERFLOW);
    assert_int_equal(wh.record, 0);
    assert_int_equal(yr_rate_item_where(1, 1, big, 2, out, &total, &wh), YR_ERR_OVERFLOW);
    assert_int_equal(wh.record, YR_WHERE_NONE); /* the sum */
    assert_int_equal(yr_rate_item(1, 1, ok, 0, out, &total), YR_ERR_EMPTY);
    assert_int_equal(yr_rate_item(1, 1, NULL, 3, out, &total), YR_ERR_NULL);
    expect_ints(out, 9, 9, 9);
    assert_int_equal(total, 9);
}

/* ---- yr_split_items ------------------------------------------------------------------------- */

/* The 2024 agreement's items, the first with 30 % equally, and SKR's 2,28 kr per inhabitant: the
 * split items are yr_split_table_mixed()'s table, the rate item yr_rate_item()'s column. */
static void test_items(void **state)
{
    (void)state;
    yr_item it[3];
    yr_item_init(&it[0], 850000);
    it[0].equal_num = 30;
    it[0].equal_den = 100;
    yr_item_init(&it[1], 0);
    it[1].rate_num = 228;
    it[1].rate_den = 100;
    yr_item_init(&it[2], 180000);
    int64_t out[45], tot[3], table[30], rate[15], rate_total;
    assert_int_equal(yr_split_items(it, 3, dalarna, 15, out, tot), YR_OK);
    const int64_t t2[2] = {850000, 180000}, num[2] = {30, 0}, den[2] = {100, 1};
    assert_int_equal(yr_split_table_mixed(t2, num, den, 2, dalarna, 15, table), YR_OK);
    assert_int_equal(yr_rate_item(228, 100, dalarna, 15, rate, &rate_total), YR_OK);
    for (size_t i = 0; i < 15; i++) {
        assert_int_equal(out[3 * i], table[2 * i]);
        assert_int_equal(out[3 * i + 1], rate[i]);
        assert_int_equal(out[3 * i + 2], table[2 * i + 1]);
    }
    assert_int_equal(out[3 * 2 + 1], 136235); /* Falun, as test_rate_hand */
    assert_int_equal(tot[0], 850000);
    assert_int_equal(tot[1], rate_total);
    assert_int_equal(tot[2], 180000);
    /* 288 382 inhabitants × 2,28 = 657 510.96: the rounded rows may add to a little more or
     * less, never more than half a krona per row away */
    assert_true(rate_total >= 657511 - 8 && rate_total <= 657511 + 8);
}

static void test_items_errors(void **state)
{
    (void)state;
    yr_item it[2];
    yr_item_init(&it[0], 100);
    yr_item_init(&it[1], 50);
    const int64_t w[2] = {1, 1};
    int64_t out[4] = {5, 5, 5, 5}, tot[2] = {5, 5};
    yr_where wh;
    it[1].rate_den = 10;
    it[1].equal_num = 1; /* a rate item with an equal part */
    assert_int_equal(yr_split_items_where(it, 2, w, 2, out, tot, &wh), YR_ERR_RANGE);
    assert_int_equal(wh.column, 1);
    assert_string_equal(wh.arg, "items");
    yr_item_init(&it[1], -50);
    assert_int_equal(yr_split_items_where(it, 2, w, 2, out, tot, &wh), YR_ERR_NEGATIVE);
    assert_int_equal(wh.column, 1);
    yr_item_init(&it[1], 50);
    const int64_t neg[2] = {1, -1};
    assert_int_equal(yr_split_items_where(it, 2, neg, 2, out, tot, &wh), YR_ERR_NEGATIVE);
    assert_int_equal(wh.record, 1);
    assert_string_equal(wh.arg, "weights");
    it[0].rate_num = INT64_MAX;
    it[0].rate_den = 1;
    const int64_t w3[2] = {1, 3};
    assert_int_equal(yr_split_items_where(it, 2, w3, 2, out, tot, &wh), YR_ERR_OVERFLOW);
    assert_int_equal(wh.record, 1);
    assert_int_equal(wh.column, 0);
    assert_int_equal(yr_split_items(it, 0, w, 2, out, tot), YR_ERR_EMPTY);
    assert_int_equal(yr_split_items(NULL, 2, w, 2, out, tot), YR_ERR_NULL);
    expect_ints(out, 5, 5, 5, 5);
    expect_ints(tot, 5, 5);
    yr_item_init(NULL, 1); /* does nothing */
}

/* ---- yr_item_quota -------------------------------------------------------------------------- */

static void expect_quota(const yr_quota *q, int64_t whole, int64_t rem, int64_t den)
{
    assert_int_equal(q->whole, whole);
    assert_int_equal(q->rem, rem);
    assert_int_equal(q->den, den);
}

static void test_item_quota(void **state)
{
    (void)state;
    yr_item it;
    yr_quota q;
    /* test_mixed_hand's item 1, party 1: 10/3 = 3 + 1/3 */
    yr_item_init(&it, 8);
    it.equal_num = 1;
    it.equal_den = 2;
    assert_int_equal(yr_item_quota(&it, 3, 6, 3, &q), YR_OK);
    expect_quota(&q, 3, 1, 3);
    assert_int_equal(yr_item_quota(&it, 1, 6, 3, &q), YR_OK); /* 2, whole */
    expect_quota(&q, 2, 0, 1);
    /* Falun's coordinator quota: 850000 * 59752 / 288382 = 176117 + 227306/288382
     * = 176117 + 113653/144191 (reduced) */
    yr_item_init(&it, 850000);
    assert_int_equal(yr_item_quota(&it, 59752, 288382, 15, &q), YR_OK);
    expect_quota(&q, 176117, 113653, 144191);
    /* a rate: 228/100 × 59752 = 136234 + 56/100 = 136234 + 14/25; a credit -1/2 × 3 = -1.5 =
     * -2 + 1/2 */
    it.rate_num = 228;
    it.rate_den = 100;
    assert_int_equal(yr_item_quota(&it, 59752, 288382, 15, &q), YR_OK);
    expect_quota(&q, 136234, 14, 25);
    it.rate_num = -1;
    it.rate_den = 2;
    assert_int_equal(yr_item_quota(&it, 3, 3, 1, &q), YR_OK);
    expect_quota(&q, -2, 1, 2);
    /* wholly equal with no weights: 7 / 4 */
    yr_item_init(&it, 7);
    it.equal_num = it.equal_den = 1;
    assert_int_equal(yr_item_quota(&it, 0, 0, 4, &q), YR_OK);
    expect_quota(&q, 1, 3, 4);
    yr_quota keep = {9, 9, 9};
    q = keep;
    it.equal_num = 0;
    assert_int_equal(yr_item_quota(&it, 0, 0, 4, &q), YR_ERR_ZERO_WEIGHT);
    assert_int_equal(yr_item_quota(&it, 5, 4, 4, &q), YR_ERR_RANGE); /* weight > wsum */
    assert_int_equal(yr_item_quota(&it, 1, 4, 0, &q), YR_ERR_RANGE);
    assert_int_equal(yr_item_quota(NULL, 1, 4, 2, &q), YR_ERR_NULL);
    expect_quota(&q, 9, 9, 9);
}

/* ---- text ------------------------------------------------------------------------------------ */

static void expect_text(yr_status st, const char *got, const char *want)
{
    assert_int_equal(st, YR_OK);
    assert_string_equal(got, want);
}

static void test_text_share_percent(void **state)
{
    (void)state;
    char b[YR_NUMBER_TEXT_MAX];
    expect_text(yr_share_text(59752, 288382, b, sizeof b), b, "59752/288382");
    expect_text(yr_share_text(0, 1, b, sizeof b), b, "0/1");
    expect_text(yr_share_text(INT64_MIN, INT64_MAX, b, sizeof b), b,
                "-9223372036854775808/9223372036854775807");
    /* 5975200/288382 = 20.71973978...: 20.7197 */
    expect_text(yr_percent_text(59752, 288382, 4, b, sizeof b), b, "20.7197");
    /* 1/8 = 12.5 %: half away from zero at 0 decimals */
    expect_text(yr_percent_text(1, 8, 0, b, sizeof b), b, "13");
    expect_text(yr_percent_text(-1, 8, 0, b, sizeof b), b, "-13");
    expect_text(yr_percent_text(1, 8, 2, b, sizeof b), b, "12.50");
    expect_text(yr_percent_text(2, 3, 4, b, sizeof b), b, "66.6667");
    expect_text(yr_percent_text(1, 3, 4, b, sizeof b), b, "33.3333");
    /* 0.99999995 = 99.999995 % -> 100.0000 (the carry runs through the '.') */
    expect_text(yr_percent_text(99999995, 100000000, 4, b, sizeof b), b, "100.0000");
    /* -0.000001 % rounds to 0.0000, written without a sign */
    expect_text(yr_percent_text(-1, 100000000, 4, b, sizeof b), b, "0.0000");
    expect_text(yr_percent_text(INT64_MAX, 1, 1, b, sizeof b), b, "922337203685477580700.0");
    expect_text(yr_percent_text(1, 1, 18, b, sizeof b), b, "100.000000000000000000");
}

static void test_text_quota(void **state)
{
    (void)state;
    char b[YR_NUMBER_TEXT_MAX];
    /* 176117 + 113653/144191 = 176117.78821...: truncated, more digits follow */
    expect_text(yr_quota_text(176117, 113653, 144191, 4, b, sizeof b), b, "176117.7882\u2026");
    expect_text(yr_quota_text(12, 1, 2, 4, b, sizeof b), b, "12.5000");
    expect_text(yr_quota_text(-13, 1, 2, 4, b, sizeof b), b, "-12.5000");
    expect_text(yr_quota_text(7, 0, 1, 4, b, sizeof b), b, "7.0000");
    /* just below 13 and just above 12: never a whole number */
    expect_text(yr_quota_text(12, 99999, 100000, 4, b, sizeof b), b, "12.9999\u2026");
    expect_text(yr_quota_text(12, 1, 100000, 4, b, sizeof b), b, "12.0000\u2026");
    /* -0.25 is whole -1, rem 3/4 */
    expect_text(yr_quota_text(-1, 3, 4, 2, b, sizeof b), b, "-0.25");
    expect_text(yr_quota_text(-1, 1, 3, 2, b, sizeof b), b, "-0.66\u2026");
    expect_text(yr_quota_text(5, 1, 3, 0, b, sizeof b), b, "5\u2026");
    expect_text(yr_quota_text(INT64_MIN, 0, 1, 0, b, sizeof b), b, "-9223372036854775808");
    expect_text(yr_quota_text(INT64_MIN, 1, INT64_MAX, 18, b, sizeof b), b,
                "-9223372036854775807.999999999999999999\u2026");
}

static void test_text_errors(void **state)
{
    (void)state;
    char b[8] = "keep";
    assert_int_equal(yr_share_text(1, 0, b, sizeof b), YR_ERR_RANGE);
    assert_int_equal(yr_share_text(59752, 288382, b, sizeof b), YR_ERR_RANGE); /* 13 bytes */
    assert_int_equal(yr_percent_text(1, 0, 2, b, sizeof b), YR_ERR_RANGE);
    assert_int_equal(yr_percent_text(1, 2, 19, b, sizeof b), YR_ERR_RANGE);
    assert_int_equal(yr_quota_text(1, 2, 2, 2, b, sizeof b), YR_ERR_RANGE);
    assert_int_equal(yr_quota_text(1, -1, 2, 2, b, sizeof b), YR_ERR_RANGE);
    assert_int_equal(yr_quota_text(1, 1, 3, 3, b, 8), YR_ERR_RANGE); /* "1.333…" is 9 bytes */
    assert_string_equal(b, "keep");
    assert_int_equal(yr_quota_text(1, 1, 3, 2, b, 8), YR_OK); /* "1.33…" and NUL: 8 */
    assert_string_equal(b, "1.33\u2026");
    assert_int_equal(yr_share_text(1, 2, NULL, 8), YR_ERR_NULL);
    assert_int_equal(yr_percent_text(1, 2, 2, NULL, 8), YR_ERR_NULL);
    assert_int_equal(yr_quota_text(1, 1, 2, 2, NULL, 8), YR_ERR_NULL);
}

/* ---- yr_statement_items --------------------------------------------------------------------- */

/* Plain items give yr_statement()'s statement; with models, the cells are yr_split_items()'s,
 * every line adds its cells, net = total + fees - kickback, the Summa line the columns. */
static void test_statement_items(void **state)
{
    (void)state;
    const int64_t tot[2] = {850000, 180000};
    int64_t fees[15], kick[15];
    for (size_t i = 0; i < 15; i++) {
        fees[i] = 600 * (int64_t)i;
        kick[i] = i % 3 == 0 ? 1000 : 0;
    }
    yr_item it[3];
    yr_item_init(&it[0], 850000);
    yr_item_init(&it[1], 180000);
    int64_t a[45], b[45], itot[3], yt[15], ys[1];
    yr_statement_row ra[15], rb[15], sa, sb;
    assert_int_equal(yr_statement(tot, NULL, 2, dalarna, 1, 15, fees, kick, a, NULL, NULL, ra, &sa),
                     YR_OK);
    assert_int_equal(
        yr_statement_items(it, NULL, 2, dalarna, 1, 15, fees, kick, b, itot, NULL, NULL, rb, &sb),
        YR_OK);
    expect_i64s(b, a, 30);
    assert_memory_equal(ra, rb, sizeof ra);
    assert_memory_equal(&sa, &sb, sizeof sa);
    expect_ints(itot, 850000, 180000);
    /* 30 % of the coordinator equally, SKR's 2,28 kr per inhabitant, the support by weight */
    it[0].equal_num = 3;
    it[0].equal_den = 10;
    yr_item_init(&it[2], 180000);
    yr_item_init(&it[1], 0);
    it[1].rate_num = 228;
    it[1].rate_den = 100;
    int64_t table[45];
    assert_int_equal(yr_split_items(it, 3, dalarna, 15, table, NULL), YR_OK);
    assert_int_equal(
        yr_statement_items(it, NULL, 3, dalarna, 1, 15, fees, kick, b, itot, yt, ys, rb, &sb),
        YR_OK);
    expect_i64s(b, table, 45);
    expect_ints(itot, 850000, 657512, 180000); /* rate-item-skr-2-28-dalarna.case's total */
    int64_t all = 0;
    for (size_t r = 0; r < 15; r++) {
        int64_t line = b[3 * r] + b[3 * r + 1] + b[3 * r + 2];
        assert_int_equal(rb[r].total, line);
        assert_int_equal(yt[r], line);
        assert_int_equal(rb[r].net, line + fees[r] - kick[r]);
        all += line;
    }
    assert_int_equal(sb.total, 850000 + 657512 + 180000);
    assert_int_equal(all, sb.total);
    assert_int_equal(ys[0], sb.total);
}

/* Two years, each with its own weights; errors name the item. */
static void test_statement_items_years(void **state)
{
    (void)state;
    const int64_t w[2 * 3] = {1, 1, 2, 0, 0, 0}; /* year 1: no weights */
    const size_t year[3] = {0, 1, 0};
    yr_item it[3];
    yr_item_init(&it[0], 100);
    yr_item_init(&it[1], 30); /* year 1: wholly equal, needs no weights */
    it[1].equal_num = it[1].equal_den = 1;
    yr_item_init(&it[2], 0);
    it[2].rate_num = 1;
    it[2].rate_den = 2;
    int64_t cells[9], itot[3], yt[6], ys[2];
    yr_statement_row rows[3], sum;
    assert_int_equal(
        yr_statement_items(it, year, 3, w, 2, 3, NULL, NULL, cells, itot, yt, ys, rows, &sum),
        YR_OK);
    /* year 0: 100 by 1 1 2 = 25 25 50; rate 1/2: 0.5 0.5 1 -> 1 1 1. Year 1: 10 each. */
    expect_ints(cells, 25, 10, 1, 25, 10, 1, 50, 10, 1);
    expect_ints(itot, 100, 30, 3);
    expect_ints(yt, 26, 10, 26, 10, 51, 10);
    expect_ints(ys, 103, 30);
    assert_int_equal(sum.total, 133);
    assert_int_equal(rows[2].net, 61);
    yr_where wh;
    it[1].equal_num = 0; /* year 1 now needs weights it does not have */
    assert_int_equal(yr_statement_items_where(it, year, 3, w, 2, 3, NULL, NULL, cells, itot, yt, ys,
                                              rows, &sum, &wh),
                     YR_ERR_ZERO_WEIGHT);
    assert_int_equal(wh.column, 1); /* the year */
    it[1].equal_num = 1;
    it[2].equal_num = 1; /* a rate item with an equal part */
    assert_int_equal(yr_statement_items_where(it, year, 3, w, 2, 3, NULL, NULL, cells, itot, yt, ys,
                                              rows, &sum, &wh),
                     YR_ERR_RANGE);
    assert_int_equal(wh.column, 2); /* the item */
    it[2].equal_num = 0;
    it[2].rate_num = INT64_MAX;
    it[2].rate_den = 1;
    const int64_t big[6] = {1, 1, 1, 1, 1, 1};
    assert_int_equal(yr_statement_items_where(it, year, 3, big, 2, 3, NULL, NULL, cells, itot, yt,
                                              ys, rows, &sum, &wh),
                     YR_ERR_OVERFLOW);
    expect_ints(cells, 25, 10, 1, 25, 10, 1, 50, 10, 1); /* untouched */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mixed_hand),
        cmocka_unit_test(test_mixed_hand_two_equal_parts),
        cmocka_unit_test(test_mixed_dalarna),
        cmocka_unit_test(test_mixed_degenerate),
        cmocka_unit_test(test_mixed_errors),
        cmocka_unit_test(test_mixed_random_brute),
        cmocka_unit_test(test_mixed_one_item),
        cmocka_unit_test(test_rate_hand),
        cmocka_unit_test(test_rate_errors),
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_items_errors),
        cmocka_unit_test(test_item_quota),
        cmocka_unit_test(test_text_share_percent),
        cmocka_unit_test(test_text_quota),
        cmocka_unit_test(test_text_errors),
        cmocka_unit_test(test_statement_items),
        cmocka_unit_test(test_statement_items_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
