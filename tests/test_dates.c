/* The date functions of include/yrkesresa/cycle.h at their boundaries (issue 25):
 * yr_days_from_civil, yr_civil_from_days, yr_due_date, yr_is_bank_day and yr_due_date_bank on
 * day 0 and negative days, every
 * month's end, the leap days of 1900, 2000, 2024 and 2100, the year's end and the representable
 * limits 0001-01-01 and 9999-12-31 (and one day beyond). Day numbers are worked by hand in the
 * comments; due dates are also checked against a calendar stepped one day at a time here.
 * test_cycle.c walks every valid date of 0001..9999 (the conversions' happy path). */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "yrkesresa.h"

#define DATE(y, m, d) ((y)*10000 + (m)*100 + (d))

/* The day numbers worked by hand (days from 1970-01-01):
 *   0001-01-01: -719162 = -(1969 * 365 + 477 leap days (1969/4 - 1969/100 + 1969/400 =
 *               492 - 19 + 4)): 718685 + 477;
 *   9999-12-31: 2932896 = 0001-01-01 + 3652059 - 1, where 0001..9999 has 9999 * 365 + 2424
 *               leap days (2499 - 99 + 24) = 3652059 days;
 *   1900-03-01: -25508: 1900-01-01 is -25567 (70 years, 17 leap days 1904..1968:
 *               70 * 365 + 17 = 25567), + 31 + 28 (1900 is not a leap year);
 *   2000-02-29: 11016 (2000-03-01 is 11017: 30 years, 7 leap days 1972..1996, 10957 to
 *               2000-01-01, + 31 + 29);
 *   2024-02-29: 19782: 2024-01-01 is 19723 (54 * 365 + 13 leap days 1972..2020), + 31 + 28;
 *   2100-03-01: 47541: 2100-01-01 is 47482 (130 * 365 + 32 leap days 1972..2096), + 31 + 28
 *               (2100 is not a leap year). */
static void test_days_by_hand(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        int64_t days;
    } known[] = {
        {1, 1, 1, -719162},   {9999, 12, 31, 2932896}, {1900, 2, 28, -25509}, {1900, 3, 1, -25508},
        {2000, 2, 28, 11015}, {2000, 2, 29, 11016},    {2000, 3, 1, 11017},   {2024, 1, 1, 19723},
        {2024, 2, 29, 19782}, {2024, 12, 31, 20088},   {2025, 1, 1, 20089},   {2100, 2, 28, 47540},
        {2100, 3, 1, 47541},  {1969, 12, 31, -1},      {1970, 1, 1, 0},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        int64_t days = -12345;
        int y = 0, m = 0, d = 0;
        assert_int_equal(yr_days_from_civil(known[i].y, known[i].m, known[i].d, &days), YR_OK);
        assert_int_equal(days, known[i].days);
        assert_int_equal(yr_civil_from_days(known[i].days, &y, &m, &d), YR_OK);
        assert_int_equal(DATE(y, m, d), DATE(known[i].y, known[i].m, known[i].d));
    }
}

/* No such date: day 0, negative days, the day after each month's end (in a common and in a leap
 * year), the leap day of a year that has none, month 0 and 13, year 0 and 10000, int limits. */
static void test_days_refused(void **state)
{
    (void)state;
    static const int len[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                                   {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
    int64_t days = -12345;
    for (int leap = 0; leap < 2; leap++) {
        int y = leap ? 2024 : 2023;
        for (int m = 1; m <= 12; m++) {
            assert_int_equal(yr_days_from_civil(y, m, len[leap][m - 1], &days), YR_OK);
            assert_int_equal(yr_days_from_civil(y, m, len[leap][m - 1] + 1, &days), YR_ERR_RANGE);
            assert_int_equal(yr_days_from_civil(y, m, 0, &days), YR_ERR_RANGE);
            assert_int_equal(yr_days_from_civil(y, m, -1, &days), YR_ERR_RANGE);
        }
    }
    static const int bad[][3] = {
        {1900, 2, 29},      {2100, 2, 29},      {2023, 2, 29},      {2025, 0, 1},
        {2025, -1, 1},      {2025, 13, 1},      {0, 12, 31},        {-1, 1, 1},
        {10000, 1, 1},      {INT_MAX, 1, 1},    {INT_MIN, 1, 1},    {2025, INT_MAX, 1},
        {2025, INT_MIN, 1}, {2025, 1, INT_MAX}, {2025, 1, INT_MIN},
    };
    days = -12345;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(yr_days_from_civil(bad[i][0], bad[i][1], bad[i][2], &days), YR_ERR_RANGE);
    assert_int_equal(days, -12345); /* untouched */
    assert_int_equal(yr_days_from_civil(2024, 2, 29, NULL), YR_ERR_NULL);
}

/* The inverse at its limits: one day before 0001-01-01 and after 9999-12-31 is refused, and so
 * is any int64 (no overflow on the way). */
static void test_civil_limits(void **state)
{
    (void)state;
    int y = -7, m = -7, d = -7;
    static const int64_t outside[] = {-719163,   2932897,       INT64_MIN,
                                      INT64_MAX, INT64_MIN + 1, INT64_MAX - 719468};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        assert_int_equal(yr_civil_from_days(outside[i], &y, &m, &d), YR_ERR_RANGE);
    assert_int_equal(DATE(y, m, d), DATE(-7, -7, -7));
    assert_int_equal(yr_civil_from_days(0, NULL, &m, &d), YR_ERR_NULL);
    assert_int_equal(yr_civil_from_days(0, &y, NULL, &d), YR_ERR_NULL);
    assert_int_equal(yr_civil_from_days(0, &y, &m, NULL), YR_ERR_NULL);
}

/* yr_due_date at its edges: 0 days is the invoice date itself; the last representable due date
 * 9999-12-31 is given, one day more is refused; negative days are refused; leap days, month and
 * year ends. Outputs untouched on every refusal. */
static void test_due_date_edges(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        int64_t days;
        int due;
    } ok[] = {
        {2025, 1, 31, 0, DATE(2025, 1, 31)},    /* day 0: the invoice date */
        {1, 1, 1, 0, DATE(1, 1, 1)},            /* the first representable date, day 0 */
        {9999, 12, 31, 0, DATE(9999, 12, 31)},  /* the last one, day 0 */
        {9999, 12, 1, 30, DATE(9999, 12, 31)},  /* 30 days to the last representable date */
        {1, 1, 1, 3652058, DATE(9999, 12, 31)}, /* 2932896 - (-719162) */
        {2025, 1, 31, 1, DATE(2025, 2, 1)},     /* month end */
        {2025, 2, 28, 1, DATE(2025, 3, 1)},     /* February of a common year */
        {2024, 2, 28, 1, DATE(2024, 2, 29)},    /* leap day 2024 */
        {2024, 2, 29, 1, DATE(2024, 3, 1)},     /* the day after it */
        {2000, 2, 28, 1, DATE(2000, 2, 29)},    /* 2000: divisible by 400, a leap year */
        {1900, 2, 28, 1, DATE(1900, 3, 1)},     /* 1900: by 100, not by 400, no leap day */
        {2100, 2, 28, 1, DATE(2100, 3, 1)},     /* 2100: the same */
        {2024, 12, 31, 1, DATE(2025, 1, 1)},    /* year end */
        {2024, 1, 1, 365, DATE(2024, 12, 31)},  /* a leap year has 366 days */
        {2025, 1, 1, 365, DATE(2026, 1, 1)},    /* a common year 365 */
        {2025, 1, 31, 30, DATE(2025, 3, 2)},    /* "30 dagar netto" over February */
        {2024, 1, 31, 30, DATE(2024, 3, 1)},    /* the same in a leap year */
        {1970, 1, 1, 11016, DATE(2000, 2, 29)}, /* the day numbers above */
        {1970, 1, 1, 47541, DATE(2100, 3, 1)},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int y = 0, m = 0, d = 0;
        assert_int_equal(yr_due_date(ok[i].y, ok[i].m, ok[i].d, ok[i].days, &y, &m, &d), YR_OK);
        assert_int_equal(DATE(y, m, d), ok[i].due);
    }
    static const struct {
        int y, m, d;
        int64_t days;
    } bad[] = {
        {9999, 12, 31, 1},    {9999, 12, 1, 31},         {1, 1, 1, 3652059},
        {2025, 1, 1, -1},     {2025, 1, 1, INT64_MIN},   {2025, 1, 1, INT64_MAX},
        {1, 1, 1, INT64_MAX}, {9999, 12, 31, INT64_MAX}, {2025, 1, 0, 30},
        {2025, 1, -1, 30},    {2025, 1, 32, 0},          {2100, 2, 29, 0},
        {1900, 2, 29, 1},     {2025, 0, 1, 1},           {2025, 13, 1, 1},
        {0, 12, 31, 1},       {10000, 1, 1, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int y = -7, m = -7, d = -7;
        assert_int_equal(yr_due_date(bad[i].y, bad[i].m, bad[i].d, bad[i].days, &y, &m, &d),
                         YR_ERR_RANGE);
        assert_int_equal(DATE(y, m, d), DATE(-7, -7, -7));
    }
    int y, m, d;
    assert_int_equal(yr_due_date(2025, 1, 1, 0, NULL, &m, &d), YR_ERR_NULL);
    assert_int_equal(yr_due_date(2025, 1, 1, 0, &y, NULL, &d), YR_ERR_NULL);
    assert_int_equal(yr_due_date(2025, 1, 1, 0, &y, &m, NULL), YR_ERR_NULL);
}

/* The next day on a calendar written here: month lengths and the leap rule (by 4, not by 100
 * unless by 400). */
static void next_day(int *y, int *m, int *d)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    if (*d < len[*m - 1] + (*m == 2 && leap)) {
        ++*d;
    } else if (*m < 12) {
        ++*m;
        *d = 1;
    } else {
        ++*y;
        *m = *d = 1;
    }
}

/* From dates next to every boundary, yr_due_date(date, k) for k = 0 .. 1500 is the date stepped
 * k days on that calendar; from 9996-01-01 until the last day, 9999-12-31, and one more day is
 * refused. */
static void test_due_date_stepped(void **state)
{
    (void)state;
    static const int starts[][3] = {
        {1, 1, 1},      {1899, 12, 31}, {1900, 2, 27},  {1999, 12, 31}, {2000, 2, 27},
        {2023, 12, 31}, {2024, 2, 27},  {2024, 12, 15}, {2025, 1, 31},  {2099, 12, 31},
        {2100, 2, 27},  {9996, 1, 1}, /* 1460 days before 9999-12-31 */
    };
    int refused = 0;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        int y = starts[i][0], m = starts[i][1], d = starts[i][2];
        for (int64_t k = 0; k <= 1500; k++) {
            int gy, gm, gd;
            yr_status st = yr_due_date(starts[i][0], starts[i][1], starts[i][2], k, &gy, &gm, &gd);
            if (y > 9999) { /* stepped past the last representable date */
                assert_int_equal(st, YR_ERR_RANGE);
                assert_int_equal(k, 1461);
                refused++;
                break;
            }
            assert_int_equal(st, YR_OK);
            assert_int_equal(DATE(gy, gm, gd), DATE(y, m, d));
            next_day(&y, &m, &d);
        }
    }
    assert_int_equal(refused, 1);
}

/* The bank-day functions at the same edges (weekdays from the Gregorian calendar, checked with
 * Python's datetime): the first decided date 1953-01-01 (nyårsdagen, a Thursday) and the day
 * before it, the last representable date 9999-12-31 (nyårsafton, a Friday), day 0 and negative
 * days, leap days and a month's end that falls on a Sunday. */
static void test_bank_day_edges(void **state)
{
    (void)state;
    static const struct {
        int y, m, d, bank;
        const char *why;
    } days[] = {
        {1953, 1, 1, 0, "nyårsdagen"},   {1953, 1, 2, 1, NULL},             /* Friday */
        {9999, 12, 31, 0, "nyårsafton"}, {9999, 12, 30, 1, NULL},           /* Thursday */
        {9999, 12, 24, 0, "julafton"},   {9999, 12, 26, 0, "annandag jul"}, /* a Sunday */
        {2024, 2, 29, 1, NULL},          {2000, 2, 29, 1, NULL},            /* Thursday, Tuesday */
        {2100, 2, 28, 0, "söndag"},      {2100, 3, 1, 1, NULL},             /* Sunday, Monday */
    };
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        int bank = -1;
        const char *why = "unset";
        assert_int_equal(yr_is_bank_day(days[i].y, days[i].m, days[i].d, &bank, &why), YR_OK);
        assert_int_equal(bank, days[i].bank);
        if (days[i].why == NULL)
            assert_null(why);
        else
            assert_string_equal(why, days[i].why);
    }
    static const int no_day[][3] = {{1952, 12, 31}, {2025, 1, 0},   {2025, 1, -1}, {2025, 1, 32},
                                    {2100, 2, 29},  {1900, 2, 29},  {10000, 1, 1}, {2025, 0, 1},
                                    {2025, 13, 1},  {INT_MIN, 1, 1}};
    for (size_t i = 0; i < sizeof no_day / sizeof no_day[0]; i++) {
        int bank = -1;
        assert_int_equal(yr_is_bank_day(no_day[i][0], no_day[i][1], no_day[i][2], &bank, NULL),
                         YR_ERR_RANGE);
        assert_int_equal(bank, -1);
    }
    static const struct {
        int y, m, d;
        int64_t days;
        int due;
    } due[] = {
        {2025, 3, 3, 0, DATE(2025, 3, 3)},     /* day 0 on a bank day: that day */
        {2024, 12, 28, 0, DATE(2024, 12, 30)}, /* day 0 on a Saturday: the Monday */
        {2025, 1, 31, 30, DATE(2025, 3, 3)},   /* 2025-03-02 is a Sunday */
        {2024, 12, 31, 0, DATE(2025, 1, 2)},   /* nyårsafton, nyårsdagen, then Thursday */
        {2024, 2, 28, 1, DATE(2024, 2, 29)},   /* a leap day that is a bank day */
        {2100, 2, 27, 1, DATE(2100, 3, 1)},    /* 2100-02-28 a Sunday, no 29th */
        {1952, 12, 31, 1, DATE(1953, 1, 2)},   /* the first decided day is a holiday */
        {9999, 12, 1, 29, DATE(9999, 12, 30)}, /* the last bank day there is */
        {9999, 12, 23, 1, DATE(9999, 12, 27)}, /* julafton .. annandag jul, then Monday */
    };
    for (size_t i = 0; i < sizeof due / sizeof due[0]; i++) {
        int y = 0, m = 0, d = 0;
        assert_int_equal(yr_due_date_bank(due[i].y, due[i].m, due[i].d, due[i].days, &y, &m, &d),
                         YR_OK);
        assert_int_equal(DATE(y, m, d), due[i].due);
    }
    static const struct {
        int y, m, d;
        int64_t days;
    } bad[] = {
        {9999, 12, 30, 1}, /* nyårsafton, and no day after it */
        {9999, 12, 1, 30}, {9999, 12, 31, 0},       {1952, 12, 30, 1}, /* a calendar due date in
                                                                          1952 */
        {2025, 1, 1, -1},  {2025, 1, 1, INT64_MIN}, {2025, 1, 1, INT64_MAX}, {2025, 1, 0, 1},
        {2100, 2, 29, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int y = -7, m = -7, d = -7;
        assert_int_equal(yr_due_date_bank(bad[i].y, bad[i].m, bad[i].d, bad[i].days, &y, &m, &d),
                         YR_ERR_RANGE);
        assert_int_equal(DATE(y, m, d), DATE(-7, -7, -7));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_days_by_hand),     cmocka_unit_test(test_days_refused),
        cmocka_unit_test(test_civil_limits),     cmocka_unit_test(test_due_date_edges),
        cmocka_unit_test(test_due_date_stepped), cmocka_unit_test(test_bank_day_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
