/* Swedish bank days and due dates on them (cycle.h: yr_is_bank_day, yr_due_date_bank):
 * hand-worked dates (weekends, Easter, midsommar, Christmas, the law of 2005), the range, and
 * `test_bankday --dump FROM TO`, which prints every day that is not a bank day ("YYYY-MM-DD
 * reason") for tests/test_bankdays.py to compare with Debian's python3-holidays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

/* y-m-d is not a bank day, for the reason given (NULL: it is a bank day). */
static void expect_day(int y, int m, int d, const char *reason)
{
    int bank = -1;
    const char *why = "unset";
    assert_int_equal(yr_is_bank_day(y, m, d, &bank, &why), YR_OK);
    if (reason == NULL) {
        if (!bank || why != NULL)
            fail_msg("%04d-%02d-%02d: expected a bank day, got %s", y, m, d, why);
        return;
    }
    if (bank || why == NULL || strcmp(why, reason) != 0)
        fail_msg("%04d-%02d-%02d: expected %s, got %s", y, m, d, reason, why ? why : "a bank day");
}

static void expect_due(int y, int m, int d, int64_t days, int dy, int dm, int dd)
{
    int gy = 0, gm = 0, gd = 0;
    assert_int_equal(yr_due_date_bank(y, m, d, days, &gy, &gm, &gd), YR_OK);
    if (gy != dy || gm != dm || gd != dd)
        fail_msg("%04d-%02d-%02d + %lld: got %04d-%02d-%02d, expected %04d-%02d-%02d", y, m, d,
                 (long long)days, gy, gm, gd, dy, dm, dd);
}

/* Issue 22: 2024-12-13 + 30 days is Sunday 2025-01-12; the invoice falls due Monday 13 Jan. */
static void test_issue_case(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(yr_due_date(2024, 12, 13, 30, &y, &m, &d), YR_OK); /* calendar days */
    assert_int_equal(y * 10000 + m * 100 + d, 20250112);
    expect_day(2025, 1, 12, "söndag");
    expect_due(2024, 12, 13, 30, 2025, 1, 13);
    expect_day(2025, 1, 13, NULL);
}

/* Easter 2025 is 20 April: långfredagen 18, annandag påsk 21, Kristi himmelsfärdsdag 20 + 39 =
 * 29 May; 17 April + 1 day lands on långfredagen, the next bank day is Tuesday 22 April. */
static void test_easter_2025(void **state)
{
    (void)state;
    expect_day(2025, 4, 17, NULL); /* skärtorsdagen: banks are open */
    expect_day(2025, 4, 18, "långfredagen");
    expect_day(2025, 4, 19, "lördag");
    expect_day(2025, 4, 20, "påskdagen");
    expect_day(2025, 4, 21, "annandag påsk");
    expect_day(2025, 5, 29, "Kristi himmelsfärdsdag");
    expect_day(2025, 6, 8, "pingstdagen");
    expect_day(2025, 6, 9, NULL); /* annandag pingst: a bank day since 2005 */
    expect_due(2025, 4, 17, 1, 2025, 4, 22);
}

/* Easter Sundays from published tables: the earliest (22 March 2285) and latest (25 April 2038)
 * possible dates among them. */
static void test_easter_dates(void **state)
{
    (void)state;
    static const int easter[][3] = {{1954, 4, 18}, {2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24},
                                    {2024, 3, 31}, {2038, 4, 25}, {2285, 3, 22}, {2100, 3, 28}};
    for (size_t k = 0; k < sizeof easter / sizeof easter[0]; k++)
        expect_day(easter[k][0], easter[k][1], easter[k][2], "påskdagen");
}

/* Midsommar: the Friday and Saturday between 19 and 26 June; alla helgons dag the Saturday
 * between 31 October and 6 November; Christmas and New Year. */
static void test_fixed_and_weekday_holidays(void **state)
{
    (void)state;
    expect_day(2025, 6, 20, "midsommarafton");
    expect_day(2025, 6, 21, "midsommardagen");
    expect_due(2025, 6, 19, 1, 2025, 6, 23);
    expect_day(2025, 10, 31, NULL); /* a Friday */
    expect_day(2025, 11, 1, "alla helgons dag");
    expect_day(2024, 12, 24, "julafton");
    expect_day(2024, 12, 25, "juldagen");
    expect_day(2024, 12, 26, "annandag jul");
    expect_day(2024, 12, 27, NULL);
    expect_due(2024, 12, 23, 1, 2024, 12, 27);
    expect_day(2024, 12, 31, "nyårsafton");
    expect_day(2025, 1, 1, "nyårsdagen");
    expect_due(2024, 12, 30, 1, 2025, 1, 2);
    expect_day(2025, 1, 6, "trettondedag jul");
    expect_day(2025, 5, 1, "första maj");
    expect_day(2021, 12, 25, "juldagen"); /* a Saturday: named by the holiday */
    expect_day(2025, 1, 11, "lördag");
    expect_due(2025, 1, 13, 0, 2025, 1, 13); /* a bank day stays */
}

/* The law of 2005: 6 June a holiday, annandag pingst not. Before: the other way round. */
static void test_law_2005(void **state)
{
    (void)state;
    expect_day(2003, 6, 6, NULL);                   /* a Friday, no holiday yet */
    expect_day(2005, 6, 6, "Sveriges nationaldag"); /* a Monday */
    expect_day(2004, 5, 31, "annandag pingst");     /* Easter 11 April + 50 */
    expect_day(2005, 5, 16, NULL);                  /* Easter 27 March + 50 */
    expect_day(1953, 6, 19, "midsommarafton");      /* the first year of today's rule */
    expect_due(2004, 5, 28, 0, 2004, 5, 28);        /* Friday: a bank day */
    expect_due(2004, 5, 29, 0, 2004, 6, 1);         /* Saturday, Sunday, annandag pingst */
}

static void test_range(void **state)
{
    (void)state;
    int b = 7, y = 1, m = 1, d = 1;
    const char *why = "keep";
    assert_int_equal(yr_is_bank_day(1952, 12, 31, &b, &why), YR_ERR_RANGE);
    assert_int_equal(yr_is_bank_day(2025, 2, 29, &b, &why), YR_ERR_RANGE);
    assert_int_equal(yr_is_bank_day(2025, 2, 28, NULL, &why), YR_ERR_NULL);
    assert_int_equal(b, 7);
    assert_string_equal(why, "keep");
    assert_int_equal(yr_is_bank_day(2025, 2, 28, &b, NULL), YR_OK); /* reason may be NULL */
    assert_int_equal(b, 1);
    assert_int_equal(yr_due_date_bank(1952, 12, 1, 10, &y, &m, &d), YR_ERR_RANGE);
    assert_int_equal(yr_due_date_bank(9999, 12, 31, 0, &y, &m, &d), YR_ERR_RANGE); /* nyårsafton */
    assert_int_equal(yr_due_date_bank(2025, 1, 1, -1, &y, &m, &d), YR_ERR_RANGE);
    assert_int_equal(yr_due_date_bank(2025, 1, 1, 1, NULL, &m, &d), YR_ERR_NULL);
    assert_int_equal(y * 10000 + m * 100 + d, 10101);
    expect_due(1952, 12, 1, 40, 1953, 1, 12); /* Saturday 10 January 1953 */
}

/* Every day from..to that is not a bank day, one line each. */
static int dump(int from, int to)
{
    int64_t first, last;
    if (yr_days_from_civil(from, 1, 1, &first) != YR_OK ||
        yr_days_from_civil(to, 12, 31, &last) != YR_OK)
        return 2;
    for (int64_t day = first; day <= last; day++) {
        int y, m, d, bank;
        const char *why;
        if (yr_civil_from_days(day, &y, &m, &d) != YR_OK ||
            yr_is_bank_day(y, m, d, &bank, &why) != YR_OK)
            return 2;
        if (!bank)
            printf("%04d-%02d-%02d %s\n", y, m, d, why);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--dump") == 0)
        return dump(atoi(argv[2]), atoi(argv[3]));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_case),   cmocka_unit_test(test_easter_2025),
        cmocka_unit_test(test_easter_dates), cmocka_unit_test(test_fixed_and_weekday_holidays),
        cmocka_unit_test(test_law_2005),     cmocka_unit_test(test_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
