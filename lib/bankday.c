/* Swedish bank days and due dates on them (cycle.h: yr_is_bank_day, yr_due_date_bank).
 * The rules of lag (1989:253) om allmänna helgdagar as they stand since 2005, those of 1953-2004
 * before, and the eves banks close on. Easter by the anonymous Gregorian computus (Meeus). */
#include <stddef.h>

#include "yrkesresa/cycle.h"
#include "internal/where.h"

#define FIRST_YEAR 1953 /* the midsommar and alla helgons rules of today */
#define NEW_LAW 2005    /* nationaldagen a holiday, annandag pingst no longer one */

/* Month and day of Easter Sunday of year y (Gregorian). */
static void easter(int y, int *m, int *d)
{
    int a = y % 19, b = y / 100, c = y % 100, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - b / 4 - g + 15) % 30;
    int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int mm = (a + 11 * h + 22 * l) / 451;
    *m = (h + l - 7 * mm + 114) / 31;
    *d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* The fixed holidays and eves: the name, or NULL. */
static const char *fixed_holiday(int y, int m, int d)
{
    static const struct {
        int m, d;
        const char *name;
    } fixed[] = {
        {1, 1, "nyårsdagen"},   {1, 6, "trettondedag jul"}, {5, 1, "första maj"},
        {12, 24, "julafton"},   {12, 25, "juldagen"},       {12, 26, "annandag jul"},
        {12, 31, "nyårsafton"},
    };
    for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
        if (fixed[k].m == m && fixed[k].d == d)
            return fixed[k].name;
    if (m == 6 && d == 6 && y >= NEW_LAW)
        return "Sveriges nationaldag";
    return NULL;
}

/* The holidays that move with Easter: the name, or NULL (day: days since 1970-01-01). */
static const char *easter_holiday(int y, int64_t day)
{
    static const struct {
        int offset;
        const char *name;
    } movable[] = {
        {-2, "långfredagen"},           {0, "påskdagen"},    {1, "annandag påsk"},
        {39, "Kristi himmelsfärdsdag"}, {49, "pingstdagen"}, {50, "annandag pingst"},
    };
    int em, ed;
    int64_t e;
    easter(y, &em, &ed);
    (void)yr_days_from_civil(y, em, ed, &e);
    for (size_t k = 0; k < sizeof movable / sizeof movable[0]; k++)
        if (day - e == movable[k].offset && (movable[k].offset != 50 || y < NEW_LAW))
            return movable[k].name;
    return NULL;
}

/* Midsommarafton, midsommardagen, alla helgons dag (wd: 0 Monday .. 6 Sunday). */
static const char *weekday_holiday(int m, int d, int wd)
{
    if (m == 6 && wd == 4 && d >= 19 && d <= 25)
        return "midsommarafton";
    if (m == 6 && wd == 5 && d >= 20 && d <= 26)
        return "midsommardagen";
    if (wd == 5 && ((m == 10 && d == 31) || (m == 11 && d <= 6)))
        return "alla helgons dag";
    return NULL;
}

/* Why day (days since 1970-01-01, the date y-m-d) is not a bank day, or NULL. */
static const char *closed_reason(int y, int m, int d, int64_t day)
{
    int wd = (int)(((day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3) */
    const char *name = fixed_holiday(y, m, d);
    if (name == NULL)
        name = easter_holiday(y, day);
    if (name == NULL)
        name = weekday_holiday(m, d, wd);
    if (name == NULL && wd >= 5)
        name = wd == 5 ? "lördag" : "söndag";
    return name;
}

YR_API yr_status yr_is_bank_day_where(int y, int m, int d, int *bank_day, const char **reason,
                                      yr_where *where)
{
    yr_where_clear(where);
    if (bank_day == NULL)
        return yr_where_arg(where, YR_ERR_NULL, "bank_day");
    int64_t day;
    yr_status st = yr_days_from_civil_where(y, m, d, &day, where);
    if (st != YR_OK)
        return st;
    if (y < FIRST_YEAR)
        return yr_where_arg_why(where, YR_ERR_RANGE, "y", YR_WHY(YR_REASON_BANK_DAY_YEAR, y, m, d));
    const char *why = closed_reason(y, m, d, day);
    *bank_day = why == NULL;
    if (reason != NULL)
        *reason = why;
    return YR_OK;
}

YR_API yr_status yr_is_bank_day(int y, int m, int d, int *bank_day, const char **reason)
{
    return yr_is_bank_day_where(y, m, d, bank_day, reason, NULL);
}

YR_API yr_status yr_due_date_bank_where(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                        int *due_d, yr_where *where)
{
    yr_where_clear(where);
    if (due_y == NULL || due_m == NULL || due_d == NULL)
        return yr_where_arg(where, YR_ERR_NULL,
                            due_y == NULL   ? "due_y"
                            : due_m == NULL ? "due_m"
                                            : "due_d");
    int cy, cm, cd;
    yr_status st = yr_due_date_where(y, m, d, days, &cy, &cm, &cd, where);
    if (st != YR_OK)
        return st;
    if (cy < FIRST_YEAR)
        return yr_where_arg_why(where, YR_ERR_RANGE, "days",
                                YR_WHY(YR_REASON_BANK_DAY_YEAR, cy, cm, cd));
    int64_t day;
    (void)yr_days_from_civil(cy, cm, cd, &day);
    /* At most a few days on: the longest run of closed days is 4 (e.g. Good Friday to Easter
     * Monday, or julafton to Sunday). */
    int ny = cy, nm = cm, nd = cd;
    while (closed_reason(ny, nm, nd, day) != NULL) {
        if (yr_civil_from_days(++day, &ny, &nm, &nd) != YR_OK)
            return yr_where_arg_why(where, YR_ERR_RANGE, "days",
                                    YR_WHY(YR_REASON_BANK_DAY_PAST, cy, cm, cd));
    }
    *due_y = ny;
    *due_m = nm;
    *due_d = nd;
    return YR_OK;
}

YR_API yr_status yr_due_date_bank(int y, int m, int d, int64_t days, int *due_y, int *due_m,
                                  int *due_d)
{
    return yr_due_date_bank_where(y, m, d, days, due_y, due_m, due_d, NULL);
}
