/* yr_audit_table (audit.h): the issue's case (an item column of a statement audited alone
 * reports differing rows, the table audit accepts the whole table), hand-worked tables that
 * keep or break each rule, rate items, a statement's totals and net, the table where the rows
 * cannot all be largest-remainder shares, and errors with untouched outputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

static const int64_t dalarna[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                                    20544, 6939,  11079, 10909, 11203, 6790,  7033};

/* The counts of a summary: columns, cells off quota, rows off rule, rows not LR, cells
 * differing, row totals off, nets off. */
static void expect_summary(const yr_audit_table_summary *s, yr_table_verdict v, size_t cols,
                           size_t cells_off, size_t rows_off, size_t not_lr, size_t differing,
                           size_t totals_off, size_t nets_off)
{
    assert_int_equal(s->verdict, v);
    assert_int_equal(s->columns_off, cols);
    assert_int_equal(s->cells_off_quota, cells_off);
    assert_int_equal(s->rows_off_rule, rows_off);
    assert_int_equal(s->rows_not_lr, not_lr);
    assert_int_equal(s->cells_differing, differing);
    assert_int_equal(s->rows_total_off, totals_off);
    assert_int_equal(s->rows_net_off, nets_off);
}

static void plain_items(yr_item *it, const int64_t *tot, size_t m)
{
    for (size_t j = 0; j < m; j++)
        yr_item_init(&it[j], tot[j]);
}

/* Issue 22: the 2024 statement's two items (850 000 + 180 000 kr) split as one table. Auditing
 * the coordinator's column alone reports 4 rows that differ from its own largest-remainder
 * split and no method that reproduces it; the table audit reproduces the table split. */
static void test_issue_dalarna(void **state)
{
    (void)state;
    const int64_t tot[2] = {850000, 180000};
    int64_t table[30], col[15];
    assert_int_equal(yr_split_table(tot, 2, dalarna, 15, table), YR_OK);
    for (size_t i = 0; i < 15; i++)
        col[i] = table[2 * i];
    yr_audit_summary one;
    assert_int_equal(yr_audit_split(850000, dalarna, col, 15, &one, NULL), YR_OK);
    assert_int_equal(one.rows_differing, 4);
    assert_int_equal(one.methods_matching, 0);
    yr_item it[2];
    plain_items(it, tot, 2);
    yr_audit_table_summary s;
    yr_audit_item items[2];
    yr_audit_table_row rows[15];
    yr_audit_cell cells[30];
    assert_int_equal(
        yr_audit_table(it, 2, dalarna, 15, table, NULL, NULL, NULL, NULL, &s, items, rows, cells),
        YR_OK);
    expect_summary(&s, YR_TABLE_REPRODUCED, 0, 0, 0, 0, 0, 0, 0);
    assert_string_equal(yr_table_verdict_text(s.verdict),
                        "reproduces the table split (yr_split_table)");
    assert_int_equal(items[0].cells_off_alone, one.rows_differing);
    assert_int_equal(items[0].published_sum, 850000);
    /* Falun (row 2): 176 117 in the table, quota 176117 + 113653/144191 */
    assert_int_equal(cells[4].expected, 176117);
    assert_int_equal(cells[4].quota_whole, 176117);
    assert_int_equal(cells[4].quota_rem, 113653);
    assert_int_equal(cells[4].quota_den, 144191);
    assert_true(cells[4].within_quota);
    assert_int_equal(rows[2].published, 176117 + 37296);
    assert_int_equal(rows[2].expected, rows[2].published);
}

/* test_table_model's hand-worked table: weights 1 3 2, 8 kr half equally, 2 kr by weight; the
 * table is 2 0 | 4 1 | 2 1 (rows 2 5 3); each column alone gives 2 3 3 and 0 1 1. */
static void test_hand_mixed(void **state)
{
    (void)state;
    const int64_t w[3] = {1, 3, 2};
    yr_item it[2];
    yr_item_init(&it[0], 8);
    it[0].equal_num = 1;
    it[0].equal_den = 2;
    yr_item_init(&it[1], 2);
    yr_audit_table_summary s;
    yr_audit_item items[2];
    yr_audit_table_row rows[3];
    yr_audit_cell cells[6];
    const int64_t table[6] = {2, 0, 4, 1, 2, 1};
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, table, NULL, NULL, NULL, NULL, &s, items, rows, cells), YR_OK);
    expect_summary(&s, YR_TABLE_REPRODUCED, 0, 0, 0, 0, 0, 0, 0);
    assert_int_equal(items[0].cells_off_alone, 2);
    assert_int_equal(items[1].cells_off_alone, 0);
    assert_int_equal(cells[2].quota_whole, 3); /* party 1, item 1: 10/3 */
    assert_int_equal(cells[2].quota_rem, 1);
    assert_int_equal(cells[2].quota_den, 3);
    assert_int_equal(rows[1].largest_remainder, 5);
    /* The columns split alone: columns add up, cells within one unit, rows 4 and 4 where the
     * rule gives 5 and 3. */
    const int64_t alone[6] = {2, 0, 3, 1, 3, 1};
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, alone, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_BREAKS_RULES, 0, 0, 2, 2, 2, 0, 0);
    assert_int_equal(rows[1].diff, -1);
    assert_int_equal(rows[2].diff, 1);
    /* One cell one too many: its column, its quota (2, whole) and its row break. */
    const int64_t broken[6] = {3, 0, 4, 1, 2, 1};
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, broken, NULL, NULL, NULL, NULL, &s, items, NULL, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_BREAKS_RULES, 1, 1, 1, 1, 1, 0, 0);
    assert_int_equal(items[0].sum_diff, 1);
}

/* Weights 1 1 1 2, 10 kr half equally (2.25 2.25 2.25 3.25) and 3 kr by weight (0.6 0.6 0.6
 * 1.2). Row quotas 2.85 2.85 2.85 4.45: rows 3 3 3 4. Each of parties 0, 1, 2 takes one unit
 * above its floors (2 | 0), one of them in item 1: three tables keep every rule. Exactly one is
 * the function's; each other one differs from it in four cells (two parties swap which item
 * they take their unit in). */
static void test_keeps_rules(void **state)
{
    (void)state;
    const int64_t w[4] = {1, 1, 1, 2};
    yr_item it[2];
    yr_item_init(&it[0], 10);
    it[0].equal_num = 1;
    it[0].equal_den = 2;
    yr_item_init(&it[1], 3);
    const int64_t tables[3][8] = {
        {3, 0, 2, 1, 2, 1, 3, 1}, {2, 1, 3, 0, 2, 1, 3, 1}, {2, 1, 2, 1, 3, 0, 3, 1}};
    int reproduced = 0;
    for (int t = 0; t < 3; t++) {
        yr_audit_table_summary s;
        assert_int_equal(
            yr_audit_table(it, 2, w, 4, tables[t], NULL, NULL, NULL, NULL, &s, NULL, NULL, NULL),
            YR_OK);
        if (s.verdict == YR_TABLE_REPRODUCED) {
            reproduced++;
            expect_summary(&s, YR_TABLE_REPRODUCED, 0, 0, 0, 0, 0, 0, 0);
        } else {
            expect_summary(&s, YR_TABLE_KEEPS_RULES, 0, 0, 0, 0, 4, 0, 0);
        }
    }
    assert_int_equal(reproduced, 1);
}

/* Weights 1 3 5: 100 kr by weight (100/9, 300/9, 500/9: 11 33 56) and a rate of 1/2 per unit
 * of weight (0.5 1.5 2.5: 1 2 3, total 6). A statement: row totals 12 35 59, fees 10 0 5,
 * kickback 0 20 0, net 22 15 64. */
static void test_rate_and_statement(void **state)
{
    (void)state;
    const int64_t w[3] = {1, 3, 5};
    yr_item it[2];
    yr_item_init(&it[0], 100);
    yr_item_init(&it[1], 6);
    it[1].rate_num = 1;
    it[1].rate_den = 2;
    const int64_t total[3] = {12, 35, 59}, fees[3] = {10, 0, 5}, kick[3] = {0, 20, 0};
    const int64_t net[3] = {22, 15, 64};
    int64_t table[6] = {11, 1, 33, 2, 56, 3};
    yr_audit_table_summary s;
    yr_audit_item items[2];
    yr_audit_table_row rows[3];
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, table, total, fees, kick, net, &s, items, rows, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_REPRODUCED, 0, 0, 0, 0, 0, 0, 0);
    assert_int_equal(items[1].expected_total, 6);
    assert_int_equal(rows[1].net_expected, 15);
    /* Party 1's rate cell 1 instead of 2: the cell, the rate column, the row total and the net
     * break; the split item's row does not. */
    table[3] = 1;
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, table, total, fees, kick, net, &s, items, rows, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_BREAKS_RULES, 1, 1, 0, 0, 1, 1, 1);
    assert_int_equal(rows[1].total_diff, 1);
    assert_int_equal(rows[1].net_expected, 14);
    assert_int_equal(rows[1].net_diff, 1);
    /* The cells right, the rate item's stated total wrong (5, the sum is 6). */
    table[3] = 2;
    it[1].total = 5;
    assert_int_equal(
        yr_audit_table(it, 2, w, 3, table, NULL, NULL, NULL, NULL, &s, items, NULL, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_BREAKS_RULES, 1, 0, 0, 0, 0, 0, 0);
    assert_int_equal(items[1].sum_diff, 1);
}

/* table.h's example: items 2 and 70 over weights 3, 0, 226, 4, 816, 4, 5 — no table has the
 * largest-remainder rows. yr_split_table's table keeps every rule; the rows that are not
 * largest-remainder shares (yr_split of 72) are reported for information only. */
static void test_rows_cannot_be_lr(void **state)
{
    (void)state;
    const int64_t tot[2] = {2, 70}, w[7] = {3, 0, 226, 4, 816, 4, 5};
    int64_t table[14], lr[7];
    assert_int_equal(yr_split_table(tot, 2, w, 7, table), YR_OK);
    assert_int_equal(yr_split(72, w, 7, YR_LARGEST_REMAINDER, lr), YR_OK);
    size_t not_lr = 0;
    for (size_t i = 0; i < 7; i++)
        not_lr += table[2 * i] + table[2 * i + 1] != lr[i];
    assert_true(not_lr > 0);
    yr_item it[2];
    plain_items(it, tot, 2);
    yr_audit_table_summary s;
    assert_int_equal(
        yr_audit_table(it, 2, w, 7, table, NULL, NULL, NULL, NULL, &s, NULL, NULL, NULL), YR_OK);
    expect_summary(&s, YR_TABLE_REPRODUCED, 0, 0, 0, not_lr, 0, 0, 0);
}

static void test_errors(void **state)
{
    (void)state;
    const int64_t w[2] = {1, 1}, tot[2] = {2, 2};
    yr_item it[2];
    plain_items(it, tot, 2);
    yr_audit_table_summary s, keep;
    memset(&keep, 0x5a, sizeof keep);
    s = keep;
    yr_audit_table_row rows[2];
    memset(rows, 0x5a, sizeof rows);
    yr_where wh;
    const int64_t big[4] = {INT64_MAX, 0, INT64_MAX, 0};
    assert_int_equal(
        yr_audit_table_where(it, 2, w, 2, big, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL, &wh),
        YR_ERR_OVERFLOW);
    assert_int_equal(wh.column, 0);
    assert_string_equal(wh.arg, "published");
    const int64_t ok[4] = {1, 1, 1, 1}, huge_net[2] = {INT64_MIN, 0};
    assert_int_equal(yr_audit_table_where(it, 2, w, 2, ok, NULL, NULL, NULL, huge_net, &s, NULL,
                                          rows, NULL, &wh),
                     YR_ERR_OVERFLOW);
    assert_int_equal(wh.record, 0);
    assert_string_equal(wh.arg, "net");
    const int64_t wbig[2] = {INT64_MAX, 1};
    assert_int_equal(
        yr_audit_table_where(it, 2, wbig, 2, ok, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL, &wh),
        YR_ERR_OVERFLOW);
    assert_string_equal(wh.arg, "weights");
    it[1].equal_num = 3; /* more than the whole */
    assert_int_equal(
        yr_audit_table_where(it, 2, w, 2, ok, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL, &wh),
        YR_ERR_RANGE);
    assert_int_equal(wh.column, 1);
    assert_int_equal(yr_audit_table(it, 0, w, 2, ok, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL),
                     YR_ERR_EMPTY);
    assert_int_equal(
        yr_audit_table(it, 2, w, 2, NULL, NULL, NULL, NULL, NULL, &s, NULL, rows, NULL),
        YR_ERR_NULL);
    assert_int_equal(
        yr_audit_table(it, 2, w, 2, ok, NULL, NULL, NULL, NULL, NULL, NULL, rows, NULL),
        YR_ERR_NULL);
    assert_memory_equal(&s, &keep, sizeof s);
    yr_audit_table_row keep_rows[2];
    memset(keep_rows, 0x5a, sizeof keep_rows);
    assert_memory_equal(rows, keep_rows, sizeof rows);
    assert_null(yr_table_verdict_text(YR_TABLE_VERDICT_COUNT));
    assert_non_null(yr_table_verdict_text(YR_TABLE_KEEPS_RULES));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_dalarna),     cmocka_unit_test(test_hand_mixed),
        cmocka_unit_test(test_keeps_rules),       cmocka_unit_test(test_rate_and_statement),
        cmocka_unit_test(test_rows_cannot_be_lr), cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
