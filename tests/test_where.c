/* Error location (yr_where) of audit, pot and stats: every _where variant names the record,
 * column and argument that caused an error, says "nowhere" on success, and the old names give
 * the same status. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

#define NONE YR_WHERE_NONE

/* A where that a function has not written yet. */
static yr_where dirty(void)
{
    yr_where w = {.record = 12345, .column = 67890, .arg = "dirty"};
    return w;
}

static void where_is(const yr_where *w, size_t record, size_t column, const char *arg)
{
    if (w->record != record || w->column != column ||
        (arg == NULL ? w->arg != NULL : (w->arg == NULL || strcmp(w->arg, arg) != 0)))
        fail_msg("where {%zu, %zu, %s}, expected {%zu, %zu, %s}", w->record, w->column,
                 w->arg ? w->arg : "NULL", record, column, arg ? arg : "NULL");
}

static void test_audit(void **state)
{
    (void)state;
    yr_audit_summary s;
    yr_audit_row rows[3];
    yr_where w = dirty();
    const int64_t pop[3] = {10, 20, 30}, pub[3] = {1, 2, 3};
    assert_int_equal(yr_audit_split_where(6, pop, pub, 3, &s, rows, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);

    const int64_t neg[3] = {10, -1, 30};
    w = dirty();
    assert_int_equal(yr_audit_split_where(6, neg, pub, 3, &s, rows, &w), YR_ERR_NEGATIVE);
    where_is(&w, 1, NONE, "weights");
    assert_int_equal(yr_audit_split(6, neg, pub, 3, &s, rows), YR_ERR_NEGATIVE);

    const int64_t big[3] = {INT64_MAX, 1, 0};
    assert_int_equal(yr_audit_split_where(6, big, pub, 3, &s, rows, &w), YR_ERR_OVERFLOW);
    where_is(&w, NONE, NONE, "weights");
    assert_int_equal(yr_audit_split_where(6, pop, big, 3, &s, rows, &w), YR_ERR_OVERFLOW);
    where_is(&w, NONE, NONE, "published");
    /* the sum fits (INT64_MIN + 1 + ...) but row 0's difference from its expected amount not */
    const int64_t low[3] = {INT64_MIN, INT64_MAX, 0};
    assert_int_equal(yr_audit_split_where(6, pop, low, 3, &s, rows, &w), YR_ERR_OVERFLOW);
    where_is(&w, 0, NONE, "published");
    const int64_t zero[3] = {0, 0, 0};
    assert_int_equal(yr_audit_split_where(6, zero, pub, 3, &s, rows, &w), YR_ERR_ZERO_WEIGHT);
    where_is(&w, NONE, NONE, "weights");
    assert_int_equal(yr_audit_split_where(6, pop, NULL, 3, &s, rows, &w), YR_ERR_NULL);
    where_is(&w, NONE, NONE, "published");
    assert_int_equal(yr_audit_split_where(6, pop, pub, 0, &s, rows, &w), YR_ERR_EMPTY);
    where_is(&w, NONE, NONE, "weights");
    assert_int_equal(yr_audit_split_where(6, pop, pub, 3, &s, rows, NULL), YR_OK);
}

typedef struct pot_case {
    yr_attendance att[3];
    size_t natt;
    yr_trainer tr[4];
    size_t ntr;
} pot_case;

static yr_status settle(const yr_pot_rules *r, const pot_case *c, yr_where *w)
{
    yr_pot_row rows[3];
    yr_pot_summary s;
    return yr_pot_settle_where(r, 2, 3, c->att, c->natt, c->tr, c->ntr, rows, &s, NULL, w);
}

static void test_pot(void **state)
{
    (void)state;
    yr_pot_rules r;
    assert_int_equal(yr_pot_rules_dalarna_2024(&r), YR_OK);
    pot_case c = {
        {{0, 0, 5}, {1, 1, 4}, {1, 2, 3}},
        3,
        {{0, 0, YR_ROLE_LEADER}, {1, 2, YR_ROLE_TRAINER}, {1, 1, YR_ROLE_TRAINER}},
        3,
    };
    yr_where w = dirty();
    assert_int_equal(settle(&r, &c, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);

    pot_case bad = c;
    bad.att[2].participants = -1;
    assert_int_equal(settle(&r, &bad, &w), YR_ERR_NEGATIVE);
    where_is(&w, 2, NONE, "attendance");
    bad = c;
    bad.att[1].day = 2;
    assert_int_equal(settle(&r, &bad, &w), YR_ERR_RANGE);
    where_is(&w, 1, NONE, "attendance");
    bad = c;
    bad.tr[2].municipality = 3;
    assert_int_equal(settle(&r, &bad, &w), YR_ERR_RANGE);
    where_is(&w, 2, NONE, "trainers");
    bad = c;
    bad.att[0].participants = INT64_MAX;
    assert_int_equal(settle(&r, &bad, &w), YR_ERR_OVERFLOW);
    where_is(&w, NONE, NONE, "attendance");

    /* day 1's trainers (records 1 and 2) all have share 0 while day 1 has a pot */
    yr_pot_rules zero_trainer = r;
    zero_trainer.share[YR_ROLE_TRAINER] = 0;
    assert_int_equal(settle(&zero_trainer, &c, &w), YR_ERR_RANGE);
    where_is(&w, 1, NONE, "trainers");

    yr_pot_rules bad_rules = r;
    bad_rules.pot_part = 700;
    assert_int_equal(settle(&bad_rules, &c, &w), YR_ERR_RANGE);
    where_is(&w, NONE, NONE, "rules");
    yr_pot_row rows[3];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle_where(&r, 2, 0, c.att, 3, c.tr, 3, rows, &s, NULL, &w),
                     YR_ERR_EMPTY);
    where_is(&w, NONE, NONE, "nmunicipalities");
    assert_int_equal(yr_pot_settle_where(&r, 2, 3, c.att, 3, NULL, 3, rows, &s, NULL, &w),
                     YR_ERR_NULL);
    where_is(&w, NONE, NONE, "trainers");
    assert_int_equal(yr_pot_settle(&zero_trainer, 2, 3, c.att, 3, c.tr, 3, rows, &s, NULL),
                     YR_ERR_RANGE);
}

static void test_counts(void **state)
{
    (void)state;
    const uint32_t row[4] = {0, 1, 1, 0}, col[4] = {2, 0, 3, 1};
    int64_t table[2 * 3];
    yr_where w = dirty();
    assert_int_equal(yr_crosstab_where(row, col, 4, 2, 3, table, &w), YR_ERR_RANGE);
    where_is(&w, 2, NONE, "col");
    assert_int_equal(yr_crosstab_where(col, row, 4, 3, 4, table + 0, &w), YR_ERR_RANGE);
    where_is(&w, 2, NONE, "row");
    assert_int_equal(yr_crosstab_where(row, col, 2, 2, 3, table, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);
    assert_int_equal(yr_crosstab_where(row, col, 4, 0, 3, table, &w), YR_ERR_EMPTY);
    where_is(&w, NONE, NONE, "nrows");
    assert_int_equal(yr_crosstab_where(row, NULL, 4, 2, 4, table, &w), YR_ERR_NULL);
    where_is(&w, NONE, NONE, "col");

    int64_t counts[4];
    assert_int_equal(yr_count_by_where(col, 4, 3, counts, &w), YR_ERR_RANGE);
    where_is(&w, 2, NONE, "group");
    assert_int_equal(yr_count_by_where(col, 4, 4, counts + 0, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);
    assert_int_equal(yr_count_by_where(col, 4, 0, counts, &w), YR_ERR_EMPTY);
    where_is(&w, NONE, NONE, "ngroups");
    assert_int_equal(yr_count_by(col, 4, 3, counts), YR_ERR_RANGE);
}

static void test_rates(void **state)
{
    (void)state;
    const int64_t reg[3] = {10, 8, 12}, att[3] = {9, 9, 12};
    yr_rate per[3], total;
    yr_where w = dirty();
    assert_int_equal(yr_attendance_rate_where(reg, att, 3, 0.95, per, &total, &w), YR_ERR_RANGE);
    where_is(&w, 1, NONE, "attended");
    const int64_t neg[3] = {10, 8, -1};
    assert_int_equal(yr_attendance_rate_where(neg, att, 3, 0.95, per, &total, &w),
                     YR_ERR_RANGE); /* record 1 comes first */
    where_is(&w, 1, NONE, "attended");
    assert_int_equal(yr_attendance_rate_where(reg, neg, 3, 0.95, per, &total, &w), YR_ERR_NEGATIVE);
    where_is(&w, 2, NONE, "attended");
    assert_int_equal(yr_attendance_rate_where(reg, reg, 3, 1.5, per, &total, &w), YR_ERR_RANGE);
    where_is(&w, NONE, NONE, "confidence");
    const int64_t huge[2] = {INT64_MAX, 1};
    assert_int_equal(yr_attendance_rate_where(huge, huge, 2, 0.95, per, &total, &w),
                     YR_ERR_OVERFLOW);
    where_is(&w, NONE, NONE, "registered");
    assert_int_equal(yr_attendance_rate_where(reg, reg, 3, 0.95, per, &total, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);

    const int64_t done[4] = {10, 8, 9, 2};
    yr_rate out[3];
    assert_int_equal(yr_progression_where(done, 4, 0.95, out, &w), YR_ERR_RANGE);
    where_is(&w, 2, NONE, "completed");
    const int64_t negdone[3] = {10, -8, 2};
    assert_int_equal(yr_progression_where(negdone, 3, 0.95, out, &w), YR_ERR_NEGATIVE);
    where_is(&w, 1, NONE, "completed");
    assert_int_equal(yr_progression_where(done, 2, NAN, out, &w), YR_ERR_RANGE);
    where_is(&w, NONE, NONE, "confidence");
    assert_int_equal(yr_progression_where(done, 2, 0.9, out, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);
}

static void test_check_totals(void **state)
{
    (void)state;
    /* column 2 sums past INT64_MAX, column 0 and 1 fit */
    const int64_t table[2 * 3] = {1, 2, INT64_MAX, 3, 4, 1};
    const int64_t stated[3] = {4, 6, 0};
    int64_t sums[3] = {-1, -1, -1};
    size_t bad = 99;
    yr_where w = dirty();
    assert_int_equal(yr_check_totals_where(table, 2, 3, stated, sums, &bad, &w), YR_ERR_OVERFLOW);
    where_is(&w, NONE, 2, "table");
    assert_int_equal(sums[0], -1);
    assert_int_equal(bad, 99);
    const int64_t fits[2 * 2] = {1, 2, 3, 5};
    assert_int_equal(yr_check_totals_where(fits, 2, 2, stated, sums, &bad, &w), YR_OK);
    where_is(&w, NONE, NONE, NULL);
    assert_int_equal(bad, 1); /* sums 4 and 7 against the stated 4 and 6 */
    assert_int_equal(yr_check_totals_where(table, 2, 0, stated, sums, &bad, &w), YR_ERR_EMPTY);
    where_is(&w, NONE, NONE, "ncols");
    assert_int_equal(yr_check_totals(table, 2, 3, stated, sums, &bad), YR_ERR_OVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit),        cmocka_unit_test(test_pot),
        cmocka_unit_test(test_counts),       cmocka_unit_test(test_rates),
        cmocka_unit_test(test_check_totals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
