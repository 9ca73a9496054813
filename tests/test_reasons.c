/* Errors that say why (issue 23): every reason of yr_reason, reached through a public function,
 * gives its status, its reason and exactly its sentence, values included (yr_where_message in
 * C's words: 0-based indices, the headers' parameter names). Then the message function itself:
 * 1-based numbering, numbers left out, renamed parameters, cutting at a UTF-8 boundary, the
 * returned length, no reason.
 *
 * The expected sentences are written here by hand from the inputs; a new reason without a case
 * here fails test_every_reason_has_a_case. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "yrkesresa.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static int covered[YR_REASON_COUNT];

/* The call left st and *w: they must be the status, the reason and the sentence expected. */
static void expect(yr_status st, const yr_where *w, yr_status status, yr_reason reason,
                   const char *sentence)
{
    char buf[512];
    size_t len = yr_where_message(w, 0, NULL, buf, sizeof buf);
    if (st != status || w->status != status || w->reason != reason || strcmp(buf, sentence) != 0)
        fail_msg("got %s / %s / \"%s\"\nwanted %s / %s / \"%s\"", yr_status_name(st),
                 yr_reason_name(w->reason), buf, yr_status_name(status), yr_reason_name(reason),
                 sentence);
    assert_int_equal(len, strlen(sentence));
    covered[reason] = 1;
}

static const int64_t three[] = {1, 2, 3};

static void test_split_reasons(void **state)
{
    (void)state;
    yr_where w;
    int64_t out[8];
    const int64_t neg[] = {10, 20, -5, 7}, zero[] = {0, 0};
    expect(yr_split_where(100, neg, 4, YR_DHONDT, out, &w), &w, YR_ERR_NEGATIVE, YR_REASON_NEGATIVE,
           "weights[2] is negative (-5)");
    assert_int_equal(w.record, 2);
    assert_int_equal(w.value[0], -5);
    const int64_t lowest[] = {INT64_MIN, 1}; /* INT64_MIN is a value like any other */
    expect(yr_split_where(100, lowest, 2, YR_DHONDT, out, &w), &w, YR_ERR_NEGATIVE,
           YR_REASON_NEGATIVE, "weights[0] is negative (-9223372036854775808)");
    expect(yr_split_where(100, zero, 2, YR_LARGEST_REMAINDER, out, &w), &w, YR_ERR_ZERO_WEIGHT,
           YR_REASON_ALL_ZERO, "all weights are 0, so nothing can take the total 100");
    expect(yr_split_where(-5, three, 3, YR_DHONDT, out, &w), &w, YR_ERR_NEGATIVE,
           YR_REASON_NEGATIVE_TOTAL,
           "total -5 is negative: dhondt splits whole units of a total of 0 or more");
    expect(yr_split_where(5, three, 0, YR_DHONDT, out, &w), &w, YR_ERR_EMPTY, YR_REASON_EMPTY,
           "weights is empty: there is nothing to work on");
    expect(yr_split_where(5, three, 3, (yr_method)9, out, &w), &w, YR_ERR_RANGE, YR_REASON_ENUM,
           "method 9 is not one of 0 to 7");
    expect(yr_split_mixed_where(100, 3, 2, three, 3, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_ABOVE_WHOLE, "equal_part 3/2 is more than the whole");
    expect(yr_split_mixed_where(100, 30, 1, three, 3, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_ABOVE_WHOLE,
           "equal_part 30 is more than the whole (a share, not a percentage: 0.3 for 30 %)");
    expect(yr_split_mixed_where(100, -1, 2, three, 3, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_FRACTION_NEGATIVE, "equal_part -1/2 is negative");
    expect(yr_split_mixed_where(100, 1, 0, three, 3, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_DENOMINATOR, "equal_part 1/0: the denominator is not positive");
    expect(yr_split_mixed_where(100, 3, 10, zero, 2, out, &w), &w, YR_ERR_ZERO_WEIGHT,
           YR_REASON_MIXED_ALL_ZERO,
           "all weights are 0, so nothing can take the 0.7 of the total 100 that is split by "
           "weight");
    const int64_t huge[] = {INT64_MAX, INT64_MAX};
    expect(yr_split_mixed_where(INT64_MAX, 1, INT64_MAX, huge, 2, out, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_EXACT_TOO_WIDE,
           "total 9223372036854775807: an exact intermediate does not fit 128 bits");
}

static void test_option_reasons(void **state)
{
    (void)state;
    yr_where w;
    int64_t out[8];
    yr_split_options o;
    yr_split_options_init(&o);
    o.tie = (yr_tie)7;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE, YR_REASON_ENUM,
           "tie 7 is not one of 0 to 2");
    yr_split_options_init(&o);
    o.threshold_num = 3;
    o.threshold_den = 2;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE, YR_REASON_ABOVE_WHOLE,
           "threshold 3/2 is more than the whole");
    yr_split_options_init(&o);
    o.method = YR_DHONDT;
    o.first_divisor_num = 7;
    o.first_divisor_den = 5;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_FIRST_DIVISOR_METHOD,
           "first_divisor is only for sainte_lague and sainte_lague_modified, not dhondt");
    o.method = YR_SAINTE_LAGUE;
    o.first_divisor_den = 2;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_FRACTION_ABOVE, "first_divisor 7/2 is above 3");
    const int64_t lo[] = {0, 0, 5}, hi[] = {9, 9, 3}, lo5[] = {5, 5, 5}, hi1[] = {1, 1, 1};
    yr_split_options_init(&o);
    o.minimum = lo;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_BOUNDS_METHOD,
           "minimum is only for the divisor methods, not largest_remainder");
    o.method = YR_DHONDT;
    o.maximum = hi;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_MINIMUM_ABOVE_MAXIMUM, "minimum 5 is above maximum 3 for party 2");
    o.minimum = lo5;
    o.maximum = NULL;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_MINIMUMS_ABOVE_TOTAL, "the minimums add up to 15, more than the total 10");
    const int64_t lo_max[] = {INT64_MAX, INT64_MAX, 0};
    o.minimum = lo_max;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_MINIMUMS_ABOVE_TOTAL,
           "the minimums add up to more than 9223372036854775807, more than the total 10");
    o.minimum = NULL;
    o.maximum = hi1;
    expect(yr_split_with_where(10, three, 3, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_MAXIMUMS_BELOW_TOTAL,
           "the maximums add up to 3, less than the total 10 (a party with weight 0 counts with "
           "its minimum)");
    const int64_t four[] = {1, 1, 1, 1}, lo_last[] = {0, 0, 0, 1};
    yr_split_options_init(&o);
    o.method = YR_DHONDT;
    o.threshold_num = 1;
    o.threshold_den = 2;
    o.minimum = lo_last;
    expect(yr_split_with_where(10, four, 4, &o, out, &w), &w, YR_ERR_RANGE,
           YR_REASON_THRESHOLD_MINIMUM,
           "minimum[3] is 1, but the threshold 1/2 leaves that party out (weight 1)");
    o.minimum = NULL;
    expect(yr_split_with_where(10, four, 4, &o, out, &w), &w, YR_ERR_ZERO_WEIGHT,
           YR_REASON_THRESHOLD_ALL,
           "the threshold 1/2 leaves every party out, so nothing can take the total 10");
    assert_string_equal(w.arg, "threshold");
    const int64_t two[] = {1, 1};
    yr_split_options_init(&o);
    o.tie = YR_TIE_REPORT;
    expect(yr_split_with_where(1, two, 2, &o, out, &w), &w, YR_ERR_TIE, YR_REASON_TIE,
           "an exact tie decides the last unit (party 0 is the first tied); tie 'report' asked "
           "to be told");
}

static void test_name_and_number_reasons(void **state)
{
    (void)state;
    yr_where w;
    yr_method m = YR_DEAN;
    yr_tie t;
    yr_role r;
    int64_t num, den, count;
    int exact;
    expect(yr_method_from_name_where("jeferson", &m, &w), &w, YR_ERR_RANGE, YR_REASON_UNKNOWN_NAME,
           "unknown method 'jeferson' (known: largest_remainder, round_each, dhondt, "
           "sainte_lague, sainte_lague_modified, huntington_hill, adams, dean)");
    assert_int_equal(m, YR_DEAN); /* untouched */
    expect(yr_tie_from_name_where("big", &t, &w), &w, YR_ERR_RANGE, YR_REASON_UNKNOWN_NAME,
           "unknown tie 'big' (known: larger, smaller, report)");
    expect(yr_role_from_name_where(" chef ", &r, &w), &w, YR_ERR_RANGE, YR_REASON_UNKNOWN_NAME,
           "unknown role 'chef' (known: trainer, leader, utbildare, kursledare)");
    expect(yr_fraction_from_text_where(" 12 kr ", &num, &den, &w), &w, YR_ERR_RANGE,
           YR_REASON_NOT_A_NUMBER,
           "'12 kr' is not a number: write a decimal (0,3 or 0.3), a percentage (30 %) or a "
           "ratio (3/10)");
    expect(yr_fraction_from_text_where("0,12345678901234567890", &num, &den, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_TOO_MANY_DIGITS,
           "'0,12345678901234567890' has more digits than 64 bits hold");
    expect(yr_fraction_from_double_where(NAN, &num, &den, &w), &w, YR_ERR_RANGE,
           YR_REASON_NOT_FINITE, "NaN is not a finite number");
    expect(yr_fraction_from_double_where(-INFINITY, &num, &den, &w), &w, YR_ERR_RANGE,
           YR_REASON_NOT_FINITE, "-inf is not a finite number");
    expect(yr_fraction_from_double_where(1e-30, &num, &den, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_TOO_MANY_DIGITS, "'1e-30' has more digits than 64 bits hold");
    expect(yr_count_from_percent_where(1205, 10, 22, &count, &exact, &w), &w, YR_ERR_RANGE,
           YR_REASON_PERCENT_RANGE, "percent 120.5 is outside 0 to 100");
    expect(yr_count_from_percent_where(12, 1, 0, &count, &exact, &w), &w, YR_ERR_RANGE,
           YR_REASON_BELOW_ONE, "n is 0; it must be at least 1");
}

static void test_pot_reasons(void **state)
{
    (void)state;
    yr_where w;
    yr_pot_rules rules;
    expect(yr_pot_rules_with_shares_where(300, 400, 15, 10, 1, 1, &rules, &w), &w, YR_ERR_RANGE,
           YR_REASON_LARGER, "pot_part 400 is larger than fee 300");
    assert_string_equal(w.arg, "pot_part"); /* a parameter here; "rules" in yr_pot_settle */
    assert_int_equal(w.value[0], 400);
    assert_int_equal(w.value[1], 300);
    expect(yr_pot_rules_with_shares_where(300, 200, -15, 10, 1, 1, &rules, &w), &w, YR_ERR_NEGATIVE,
           YR_REASON_FRACTION_NEGATIVE, "leader -1.5 is negative");
    expect(yr_pot_rules_with_shares_where(-1, 0, 15, 10, 1, 1, &rules, &w), &w, YR_ERR_NEGATIVE,
           YR_REASON_NEGATIVE, "fee is negative (-1)");
    expect(yr_pot_rules_with_shares_where(600, 400, INT64_MAX, 1, 1, 2, &rules, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_SHARES_PAST,
           "the shares over their common denominator 2 do not fit 64 bits");

    yr_pot_rules_dalarna_2024(&rules);
    yr_pot_row rows[3];
    yr_pot_summary sum;
    const yr_attendance bad_day[] = {{0, 0, 5}, {9, 0, 3}}, bad_people[] = {{1, 0, -3}};
    expect(yr_pot_settle_where(&rules, 5, 2, bad_day, 2, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_RANGE, YR_REASON_RECORD_INDEX_PAST,
           "attendance record 1: day is 9, but the days go from 0 to 4");
    expect(yr_pot_settle_where(&rules, 5, 2, bad_people, 1, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_NEGATIVE, YR_REASON_RECORD_NEGATIVE,
           "attendance record 0: participants is negative (-3)");
    const yr_trainer bad_role[] = {{0, 1, YR_ROLE_TRAINER}, {0, 1, (yr_role)5}};
    expect(yr_pot_settle_where(&rules, 5, 2, bad_day, 1, bad_role, 2, rows, &sum, NULL, &w), &w,
           YR_ERR_RANGE, YR_REASON_RECORD_ENUM, "trainers record 1: role 5 is not one of 0 to 1");
    expect(yr_pot_settle_where(&rules, 5, 0, bad_day, 1, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_EMPTY, YR_REASON_ZERO_COUNT, "nmunicipalities is 0: there is nothing to work on");
    const yr_attendance many[] = {{0, 0, INT64_MAX / 400}};
    expect(yr_pot_settle_where(&rules, 1, 1, many, 1, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_PRODUCT_PAST,
           "fee 600 times 23058430092136939 participant-days is past 9223372036854775807");
    const yr_attendance over[] = {{0, 0, INT64_MAX}, {0, 1, 1}};
    expect(yr_pot_settle_where(&rules, 1, 2, over, 2, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_SUM_PAST, "the participants add up past 9223372036854775807");
    rules.share[YR_ROLE_LEADER] = -3;
    expect(yr_pot_settle_where(&rules, 5, 2, bad_day, 1, NULL, 0, rows, &sum, NULL, &w), &w,
           YR_ERR_NEGATIVE, YR_REASON_NEGATIVE_SHARE, "the leader share is negative (-3)");
    rules.share[YR_ROLE_LEADER] = rules.share[YR_ROLE_TRAINER] = 0;
    expect(yr_pot_settle_where(&rules, 5, 2, bad_day, 1, bad_role, 1, rows, &sum, NULL, &w), &w,
           YR_ERR_RANGE, YR_REASON_DAY_ZERO_SHARES,
           "trainers record 0: the day of this trainer (day 0) has a pot of 2000, but the "
           "shares of its trainers add up to 0");
}

/* Days whose teams have 2, 3, 5, ..., 113 trainers of share 1 and a pot of 1: the common
 * denominator is the product of those primes, beyond 2^127. */
static void test_pot_denominator_past(void **state)
{
    (void)state;
    static const size_t primes[] = {2,  3,  5,  7,  11, 13,  17,  19,  23,  29,
                                    31, 37, 41, 43, 47, 53,  59,  61,  67,  71,
                                    73, 79, 83, 89, 97, 101, 103, 107, 109, 113};
    size_t ndays = LEN(primes), ntr = 0;
    yr_attendance att[LEN(primes)];
    yr_trainer *tr = calloc(2000, sizeof *tr);
    assert_non_null(tr);
    for (size_t d = 0; d < ndays; d++) {
        att[d] = (yr_attendance){d, 0, 1};
        for (size_t k = 0; k < primes[d]; k++)
            tr[ntr++] = (yr_trainer){d, 0, YR_ROLE_TRAINER};
    }
    yr_pot_rules rules = {1, 1, {1, 1}};
    yr_pot_row row;
    yr_pot_summary sum;
    yr_where w;
    expect(yr_pot_settle_where(&rules, ndays, 1, att, ndays, tr, ntr, &row, &sum, NULL, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_DENOMINATOR_PAST,
           "the common denominator of the days' shares does not fit 128 bits (too many "
           "different team sizes)");
    free(tr);
}

static void test_stats_reasons(void **state)
{
    (void)state;
    yr_where w;
    double a, b, c;
    yr_goal g;
    expect(yr_proportion_where(5, 10, 95, &a, &b, &c, &w), &w, YR_ERR_RANGE, YR_REASON_CONFIDENCE,
           "confidence 95 is not between 0 and 1 (a share, not a percentage: 0.95 for 95 %)");
    expect(yr_proportion_where(5, 10, NAN, &a, &b, &c, &w), &w, YR_ERR_RANGE, YR_REASON_CONFIDENCE,
           "confidence NaN is not between 0 and 1");
    expect(yr_proportion_where(15, 10, 0.95, &a, &b, &c, &w), &w, YR_ERR_RANGE, YR_REASON_LARGER,
           "successes 15 is larger than trials 10");
    expect(yr_proportion_where(0, 0, 0.95, &a, &b, &c, &w), &w, YR_ERR_EMPTY, YR_REASON_ZERO_COUNT,
           "trials is 0: there is nothing to work on");
    expect(yr_goal_check_where(5, 10, 80, 0.95, &g, &w), &w, YR_ERR_RANGE, YR_REASON_SHARE_RANGE,
           "target 80 is outside 0 to 1 (a share, not a percentage: 0.8 for 80 %)");
    expect(yr_coverage_where(5, 10, -3, 0.95, &a, &b, &c, &w), &w, YR_ERR_RANGE,
           YR_REASON_NOT_POSITIVE, "per -3 is not above 0");
    expect(yr_coverage_where(5, 10, INFINITY, 0.95, &a, &b, &c, &w), &w, YR_ERR_RANGE,
           YR_REASON_NOT_FINITE, "per inf is not a finite number");
    const int64_t reg[] = {10, 20}, att[] = {5, 30}, none[] = {0, 0};
    yr_rate per[3], tot;
    expect(yr_attendance_rate_where(reg, att, 2, 0.95, per, &tot, &w), &w, YR_ERR_RANGE,
           YR_REASON_LARGER, "attended[1] 30 is larger than registered[1] 20");
    expect(yr_attendance_rate_where(none, none, 2, 0.95, per, &tot, &w), &w, YR_ERR_EMPTY,
           YR_REASON_ZERO_SUM, "registered adds up to 0: nobody to count");
    const int64_t comp[] = {10, 8, 12};
    expect(yr_progression_where(comp, 3, 0.95, per, &w), &w, YR_ERR_RANGE, YR_REASON_INCREASES,
           "completed[2] 12 is larger than completed[1] 8, the one before it");
    expect(yr_progression_where(comp, 1, 0.95, per, &w), &w, YR_ERR_EMPTY, YR_REASON_TOO_FEW,
           "completed needs at least 2 values, not 1");
    const uint32_t rows[] = {0, 5}, cols[] = {0, 0};
    int64_t table[4];
    expect(yr_crosstab_where(rows, cols, 2, 2, 2, table, &w), &w, YR_ERR_RANGE,
           YR_REASON_INDEX_PAST, "row[1] is 5, but the rows go from 0 to 1");
    expect(yr_crosstab_where(rows, cols, 0, SIZE_MAX / 2, 4, table, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_TABLE_TOO_LARGE, "a table of 9223372036854775807 x 4 cells is too large");
    const int64_t big[] = {INT64_MAX, INT64_MAX}, stated[] = {0};
    int64_t sums[1];
    size_t mismatched;
    expect(yr_check_totals_where(big, 2, 1, stated, sums, &mismatched, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_COLUMN_SUM_PAST, "column 0 of table adds up past 9223372036854775807");
}

static void test_table_and_audit_reasons(void **state)
{
    (void)state;
    yr_where w;
    int64_t out[16];
    const int64_t totals[] = {INT64_MAX, 5};
    expect(yr_split_table_where(totals, 2, three, 3, out, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_SUM_PAST, "the totals add up past 9223372036854775807");
    /* a state grant as a negative item (adversarial pass 5, F5): what to do, not only "negative" */
    const int64_t grant[] = {850000, -200000};
    expect(yr_split_table_where(grant, 2, three, 3, out, &w), &w, YR_ERR_NEGATIVE,
           YR_REASON_NEGATIVE_ITEM,
           "an item's amount is negative (-200000): the items of a split are amounts of 0 or "
           "more; net a grant or refund against another item, or split the net amount as one "
           "total (--total)");
    const size_t group[] = {0, 1, 7};
    expect(yr_split_nested_where(10, three, group, 3, 3, out, NULL, &w), &w, YR_ERR_RANGE,
           YR_REASON_INDEX_PAST, "group[2] is 7, but the groups go from 0 to 2");
    yr_audit_row row;
    expect(yr_audit_row_of_where(10, INT64_MAX, 3, 0, 0, &row, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_QUOTA_PAST, "the quota 10 x 9223372036854775807 / 3 does not fit 64 bits");
    expect(yr_audit_row_of_where(0, 1, 1, INT64_MAX, -5, &row, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_DIFF_PAST,
           "published 9223372036854775807 minus the expected -5 does not fit "
           "64 bits");
}

static void test_cycle_reasons(void **state)
{
    (void)state;
    yr_where w;
    int64_t items[16];
    yr_statement_row rows[3], sum;
    const int64_t totals[] = {10, 5}, over[] = {INT64_MAX, 1}, zero[] = {0, 0, 0};
    const size_t year[] = {0, 4};
    expect(yr_statement_where(totals, year, 2, three, 1, 3, NULL, NULL, items, NULL, NULL, rows,
                              &sum, &w),
           &w, YR_ERR_RANGE, YR_REASON_INDEX_PAST, "year[1] is 4, but the years go from 0 to 0");
    expect(yr_statement_where(over, NULL, 2, three, 1, 3, NULL, NULL, items, NULL, NULL, rows, &sum,
                              &w),
           &w, YR_ERR_OVERFLOW, YR_REASON_SUM_PAST, "the totals add up past 9223372036854775807");
    expect(yr_statement_where(totals, NULL, 2, zero, 1, 3, NULL, NULL, items, NULL, NULL, rows,
                              &sum, &w),
           &w, YR_ERR_ZERO_WEIGHT, YR_REASON_YEAR_ZERO_WEIGHT,
           "every weight of year 0 is 0, so nothing can take the items of that year");
    const int64_t fees[] = {0, INT64_MAX, 0}, kick[] = {0, 0, 0};
    expect(yr_statement_where(totals, NULL, 2, three, 1, 3, fees, kick, items, NULL, NULL, rows,
                              &sum, &w),
           &w, YR_ERR_OVERFLOW, YR_REASON_NET_PAST,
           "party 1: total 5 + fees 9223372036854775807 - kickback 0 does not fit 64 bits");

    const int64_t table[] = {1, 2, 3}, big[] = {INT64_MAX, INT64_MAX, 0};
    const size_t twice[] = {1, 1}, whole[] = {0}, past[] = {5};
    size_t mismatched;
    expect(yr_check_parts_where(table, 1, 3, 0, twice, 2, NULL, NULL, &mismatched, &w), &w,
           YR_ERR_RANGE, YR_REASON_PART_TWICE, "parts lists column 1 twice");
    expect(yr_check_parts_where(table, 1, 3, 0, whole, 1, NULL, NULL, &mismatched, &w), &w,
           YR_ERR_RANGE, YR_REASON_PART_IS_WHOLE, "parts: column 0 is the whole");
    expect(yr_check_parts_where(table, 1, 3, 0, past, 1, NULL, NULL, &mismatched, &w), &w,
           YR_ERR_RANGE, YR_REASON_COLUMN_PAST,
           "parts: column 5 is past the 3 columns of the table");
    const size_t both[] = {0, 1};
    expect(yr_check_parts_where(big, 1, 3, 2, both, 2, NULL, NULL, &mismatched, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_ROW_PAST,
           "row 0: the parts or their difference from the whole do not fit 64 bits");
    expect(yr_check_rate_where(big, 1, 3, 2, 0, 400, 1, NULL, NULL, &mismatched, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_ROW_RATE_PAST,
           "row 0: base 9223372036854775807 times the rate 400 or its difference from the whole "
           "does not fit 64 bits");
    const int64_t splits[] = {INT64_MAX, 0, -1, 0};
    int64_t diff[4];
    expect(yr_compare_where(splits, 2, 2, 1, diff, NULL, NULL, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_DIFF_PAST,
           "splits[0, 0] 9223372036854775807 minus the expected -1 does not fit 64 bits");
    const int64_t sums_past[] = {INT64_MAX, 1, 0, 0};
    expect(yr_compare_where(sums_past, 2, 2, 1, diff, NULL, NULL, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_SPLIT_SUM_PAST,
           "split 0 or its differences from split 1 add up past 9223372036854775807");

    int y, m, d;
    int64_t days;
    expect(yr_days_from_civil_where(2024, 2, 30, &days, &w), &w, YR_ERR_RANGE, YR_REASON_DATE,
           "2024-02-30 is not a date of the years 1 to 9999");
    expect(yr_civil_from_days_where(5000000, &y, &m, &d, &w), &w, YR_ERR_RANGE,
           YR_REASON_DAYS_RANGE, "day number 5000000 is outside 0001-01-01 to 9999-12-31");
    expect(yr_due_date_where(2024, 12, 1, 3000000, &y, &m, &d, &w), &w, YR_ERR_RANGE,
           YR_REASON_DATE_PAST, "2024-12-01 plus 3000000 days is past 9999-12-31");
}

/* Round 3: the pot accumulator, the controller's items and tables, bank days. */
static void test_pot_accumulator_reasons(void **state)
{
    (void)state;
    yr_where w;
    yr_pot_rules rules;
    yr_pot_rules_dalarna_2024(&rules);
    yr_pot *pot = NULL;
    assert_int_equal(yr_pot_begin(&rules, YR_POT_ANY, YR_POT_ANY, &pot), YR_OK);
    const yr_attendance att[] = {{0, 1, 4}};
    assert_int_equal(yr_pot_add_attendance(pot, att, 1), YR_OK);
    yr_pot_day_share shares[4];
    expect(yr_pot_by_day_where(pot, shares, 0, NULL, &w), &w, YR_ERR_RANGE, YR_REASON_NOT_SETTLED,
           "the pot is not settled: yr_pot_finish comes first, and again after a record is added");
    yr_pot_row rows[3];
    yr_pot_summary sum;
    expect(yr_pot_finish_where(pot, rows, 3, &sum, NULL, 0, &w), &w, YR_ERR_RANGE,
           YR_REASON_COUNT_MISMATCH, "nmunicipalities is 3, but the pot has 2 municipalities");
    assert_int_equal(yr_pot_finish(pot, rows, 2, &sum, NULL, 0), YR_OK);
    expect(yr_pot_by_day_where(pot, shares, 1, NULL, &w), &w, YR_ERR_RANGE,
           YR_REASON_COUNT_MISMATCH,
           "n is 1, but the pot has 0 (day, municipality) pairs with trainers "
           "(yr_pot_by_day_count)");
    yr_pot_free(pot);

    /* shares INT64_MAX and INT64_MAX - 1 on one day, in two municipalities: each pair's exact
     * kickback is over S = 2^64 - 3, past int64 */
    yr_pot_rules huge = {1, 1, {INT64_MAX, INT64_MAX - 1}};
    assert_int_equal(yr_pot_begin(&huge, 1, 2, &pot), YR_OK);
    const yr_attendance one[] = {{0, 0, 1}};
    const yr_trainer two[] = {{0, 0, YR_ROLE_TRAINER}, {0, 1, YR_ROLE_LEADER}};
    assert_int_equal(yr_pot_add_attendance(pot, one, 1), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, two, 2), YR_OK);
    assert_int_equal(yr_pot_finish(pot, rows, 2, &sum, NULL, 0), YR_OK);
    expect(yr_pot_by_day_where(pot, shares, 2, NULL, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_PAIR_DENOMINATOR_PAST,
           "trainers record 0: the exact kickback of this trainer's day and municipality has a "
           "denominator past 9223372036854775807");
    yr_pot_free(pot);
}

static void test_item_reasons(void **state)
{
    (void)state;
    yr_where w;
    int64_t out[64], totals_out[32];
    yr_item items[2];
    yr_item_init(&items[0], 10);
    yr_item_init(&items[1], 10);
    items[1].equal_num = 1;
    items[1].equal_den = 4;
    items[1].rate_num = 3;
    items[1].rate_den = 2;
    expect(yr_split_items_where(items, 2, three, 3, out, totals_out, &w), &w, YR_ERR_RANGE,
           YR_REASON_RATE_AND_EQUAL, "items[1] has both a rate (3/2) and an equal part (1/4)");
    items[1].rate_den = 0;
    items[1].equal_num = 3;
    items[1].equal_den = 2;
    expect(yr_split_items_where(items, 2, three, 3, out, totals_out, &w), &w, YR_ERR_RANGE,
           YR_REASON_ABOVE_WHOLE, "equal_part[1] 3/2 is more than the whole");
    assert_int_equal(w.column, 1);
    assert_string_equal(w.arg, "items");
    const int64_t big[] = {INT64_MAX};
    expect(yr_rate_item_where(3, 2, big, 1, out, NULL, &w), &w, YR_ERR_OVERFLOW,
           YR_REASON_RATE_PAST,
           "weights[0] 9223372036854775807 times the rate 3/2 does not fit 64 bits");
    /* 30 items whose equal parts have the denominators 2, 3, 5, ..., 113: their common
     * denominator is past 2^127 */
    static const int64_t primes[] = {2,  3,  5,  7,  11, 13,  17,  19,  23,  29,
                                     31, 37, 41, 43, 47, 53,  59,  61,  67,  71,
                                     73, 79, 83, 89, 97, 101, 103, 107, 109, 113};
    int64_t tot[LEN(primes)], num[LEN(primes)];
    for (size_t j = 0; j < LEN(primes); j++) {
        tot[j] = 1;
        num[j] = 1;
    }
    const int64_t pair[] = {1, 1};
    expect(yr_split_table_mixed_where(tot, num, primes, LEN(primes), pair, 2, out, &w), &w,
           YR_ERR_OVERFLOW, YR_REASON_LCM_PAST,
           "the common denominator of the items' quotas does not fit 128 bits");
}

static void test_audit_table_reasons(void **state)
{
    (void)state;
    yr_where w;
    yr_audit_table_summary s;
    yr_item items[2];
    yr_item_init(&items[0], 8);
    yr_item_init(&items[1], 2);
    const int64_t w01[] = {0, 1};
    /* published is n x m, row-major: party 0 {INT64_MIN + 1}, party 1 {0} */
    const int64_t low[] = {INT64_MIN + 1, 0};
    expect(yr_audit_table_where(items, 1, w01, 2, low, NULL, NULL, NULL, NULL, &s, NULL, NULL, NULL,
                                &w),
           &w, YR_ERR_OVERFLOW, YR_REASON_COLUMN_DIFF_PAST,
           "column 0 of published adds up to -9223372036854775807, which minus the stated total "
           "8 does not fit 64 bits");
    const int64_t w11[] = {1, 1};
    const int64_t cell[] = {INT64_MIN, 8};
    expect(yr_audit_table_where(items, 1, w11, 2, cell, NULL, NULL, NULL, NULL, &s, NULL, NULL,
                                NULL, &w),
           &w, YR_ERR_OVERFLOW, YR_REASON_CELL_PAST,
           "published[0, 0] -9223372036854775808 (expected 4): its quota or its difference does "
           "not fit 64 bits");
    const int64_t rowpast[] = {INT64_MAX, INT64_MAX, -INT64_MAX + 8, -INT64_MAX + 2};
    expect(yr_audit_table_where(items, 2, w11, 2, rowpast, NULL, NULL, NULL, NULL, &s, NULL, NULL,
                                NULL, &w),
           &w, YR_ERR_OVERFLOW, YR_REASON_ROW_ARITH_PAST,
           "row 0: the sums and differences of published do not fit 64 bits");
}

static void test_bank_day_reasons(void **state)
{
    (void)state;
    yr_where w;
    int bank, y, m, d;
    expect(yr_is_bank_day_where(1952, 12, 31, &bank, NULL, &w), &w, YR_ERR_RANGE,
           YR_REASON_BANK_DAY_YEAR,
           "1952-12-31 is before 1953: the bank days of earlier years are not known");
    expect(yr_due_date_bank_where(9999, 12, 31, 0, &y, &m, &d, &w), &w, YR_ERR_RANGE,
           YR_REASON_BANK_DAY_PAST,
           "9999-12-31 is not a bank day, and the next one is past "
           "9999-12-31");
    expect(yr_is_bank_day_where(2024, 2, 30, &bank, NULL, &w), &w, YR_ERR_RANGE, YR_REASON_DATE,
           "2024-02-30 is not a date of the years 1 to 9999");
}

static void test_every_reason_has_a_case(void **state)
{
    (void)state;
    for (int r = 1; r < YR_REASON_COUNT; r++)
        if (!covered[r])
            fail_msg("%s has no case in tests/test_reasons.c", yr_reason_name((yr_reason)r));
    assert_string_equal(yr_reason_name(YR_REASON_LARGER), "YR_REASON_LARGER");
    assert_string_equal(yr_reason_name(YR_REASON_COUNT), "YR_REASON_UNKNOWN");
}

/* The message function: numbering, names, cutting, length, no reason. */
static void test_message_options(void **state)
{
    (void)state;
    yr_where w;
    int64_t out[4];
    const int64_t neg[] = {10, 20, -5, 7};
    (void)yr_split_where(100, neg, 4, YR_DHONDT, out, &w);
    char buf[64];
    yr_where_message(&w, 1, NULL, buf, sizeof buf);
    assert_string_equal(buf, "weights[3] is negative (-5)"); /* as R counts */
    yr_where_message(&w, YR_WHERE_NONE, NULL, buf, sizeof buf);
    assert_string_equal(buf, "weights is negative (-5)"); /* the caller says where */
    const char *const names[] = {"weights", "population", NULL};
    yr_where_message(&w, YR_WHERE_NONE, names, buf, sizeof buf);
    assert_string_equal(buf, "population is negative (-5)");
    /* cut: the length is the whole sentence's, the buffer holds what fits */
    assert_int_equal(yr_where_message(&w, 0, NULL, buf, 8), strlen("weights[2] is negative (-5)"));
    assert_string_equal(buf, "weights");
    assert_int_equal(yr_where_message(&w, 0, NULL, NULL, 0), 27);
    /* a cut never ends inside a UTF-8 sequence: "'Ödeshög'" cut after the 0xC3 of "Ö" */
    yr_role role;
    (void)yr_role_from_name_where("Ödeshög", &role, &w);
    char small[11];
    size_t whole = yr_where_message(&w, 0, NULL, small, sizeof small);
    assert_true(whole > sizeof small);
    assert_string_equal(small, "unknown ro");
    char tiny[15]; /* "unknown role '" + 0xC3 would be 15 bytes */
    yr_where_message(&w, 0, NULL, tiny, sizeof tiny);
    assert_string_equal(tiny, "unknown role '");
    /* pot_part renamed as the program's option */
    yr_pot_rules rules;
    (void)yr_pot_rules_with_shares_where(300, 400, 15, 10, 1, 1, &rules, &w);
    const char *const options[] = {"pot_part", "--pot", "fee", "--fee", NULL};
    yr_where_message(&w, 1, options, buf, sizeof buf);
    assert_string_equal(buf, "--pot 400 is larger than --fee 300");
    /* no reason: the status's message and the argument */
    (void)yr_split_where(5, NULL, 3, YR_DHONDT, out, &w);
    yr_where_message(&w, 0, NULL, buf, sizeof buf);
    assert_string_equal(buf, "weights is NULL");
    assert_int_equal(w.reason, YR_REASON_NONE);
    /* success: everything cleared */
    assert_int_equal(yr_split_where(5, neg, 2, YR_DHONDT, out, &w), YR_OK);
    assert_int_equal(w.status, YR_OK);
    assert_int_equal(w.reason, YR_REASON_NONE);
    assert_string_equal(w.text, "");
    yr_where_message(&w, 0, NULL, buf, sizeof buf);
    assert_string_equal(buf, "success");
    /* a long text is cut to the struct, at a UTF-8 boundary */
    char text[200];
    memset(text, 'x', sizeof text);
    memcpy(text + 46, "é", 2); /* bytes 46 and 47: the 48-byte field holds 47 */
    text[sizeof text - 1] = '\0';
    int64_t num, den;
    (void)yr_fraction_from_text_where(text, &num, &den, &w);
    assert_int_equal(strlen(w.text), 46);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_reasons),           cmocka_unit_test(test_option_reasons),
        cmocka_unit_test(test_name_and_number_reasons), cmocka_unit_test(test_pot_reasons),
        cmocka_unit_test(test_pot_denominator_past),    cmocka_unit_test(test_stats_reasons),
        cmocka_unit_test(test_table_and_audit_reasons), cmocka_unit_test(test_cycle_reasons),
        cmocka_unit_test(test_pot_accumulator_reasons), cmocka_unit_test(test_item_reasons),
        cmocka_unit_test(test_audit_table_reasons),     cmocka_unit_test(test_bank_day_reasons),
        cmocka_unit_test(test_every_reason_has_a_case), cmocka_unit_test(test_message_options),
    };
    return cmocka_run_group_tests_name("reasons", tests, NULL, NULL);
}
