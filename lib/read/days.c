/* A course day read cell by cell (yr_read_day(), yr_table_day()): for a caller that reads a
 * file's cells itself (the pot's counted attendance and its trainers). The date grammar is
 * rule 5's (grammar.c). */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/cycle.h"

/* A cell that looks like a date written another way than the grammar reads: a year 1900–2099 and
 * another number (`6 feb 2024`, `6/2/2024`, `06.02.2024 kl 9`), or only digits and date marks in
 * two groups or more (`6/2`, `06.02`). `d1`, `Dag 3`, `1` are labels. */
static int looks_like_date(const char *s, size_t n)
{
    size_t groups = 0, year = 0, other = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < '0' || s[i] > '9') {
            other += !(s[i] == '-' || s[i] == '/' || s[i] == '.' || s[i] == ' ');
            i++;
            continue;
        }
        size_t b = i;
        int v = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            v = v < 100000 ? v * 10 + (s[i] - '0') : v;
        groups++;
        year += i - b == 4 && v >= 1900 && v <= 2099;
    }
    return (year > 0 && groups >= 2) || (other == 0 && groups >= 2);
}

#define DAY_FORMS                                                                                  \
    "2024-02-06 (also read: 2024-2-6, 2024-02-06 00:00:00, an Excel date cell or its serial "      \
    "number 20000-80000)"

/* yr_read_day() with the epoch of a serial number: @p date1904, the workbook's (grid.h). */
static yr_read_status read_day(yr_day_column *col, const char *s, size_t len, size_t line,
                               int date1904, char *dst, size_t cap, size_t *out_len,
                               yr_read_error *err)
{
    if (col == NULL || dst == NULL || (s == NULL && len > 0))
        return rd_fail(err, YR_READ_ERR_NULL, line, "a required pointer is NULL");
    size_t st, n = rd_trim(s != NULL ? s : "", len, &st);
    const char *p = s != NULL ? s + st : "";
    char show[96], iso[16], why[200];
    rd_show(show, sizeof show, p, n, 60);
    if (n == 0)
        return rd_fail(err, YR_READ_ERR_CELL, line, "the day is empty: write it as " DAY_FORMS);
    rd_colfmt f;
    rd_colfmt_init(&f, YR_ROLE_DAY, YR_KIND_DATE, NULL);
    f.date1904 = date1904;
    yr_value v;
    int date = rd_read_cell(&f, p, n, GRID_TEXT, &v, why, sizeof why) == YR_READ_OK;
    if (!date && looks_like_date(p, n))
        return rd_fail(err, YR_READ_ERR_CELL, line,
                       "the day '%s' is not a date the reader reads (a day and a month in words or "
                       "with '/' or '.' can be read two ways); write it as " DAY_FORMS,
                       show);
    int kind = date ? 1 : 2;
    if (col->kind != 0 && col->kind != kind) {
        rd_fail(err, YR_READ_ERR_CELL, line,
                "the day '%s' is %s, but the days from line %zu%s%s are %s: one day is one "
                "thing, so write every day as a date, " DAY_FORMS,
                show, date ? "a date" : "no date", col->first_line, col->where ? " of " : "",
                col->where ? col->where : "", date ? "labels" : "dates");
        if (err != NULL)
            err->other_line = col->first_line;
        return YR_READ_ERR_CELL;
    }
    if (col->kind == 0) {
        col->kind = kind;
        col->first_line = line;
    }
    size_t k = n;
    if (date) {
        int y, m, d;
        if (yr_civil_from_days(v.num, &y, &m, &d) != YR_OK)
            return rd_fail(err, YR_READ_ERR_CELL, line, "the day '%s' is out of range", show);
        k = (size_t)snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
        p = iso;
    }
    if (k + 1 > cap)
        return rd_fail(err, YR_READ_ERR_LIMIT, line, "the day does not fit");
    memcpy(dst, p, k);
    dst[k] = '\0';
    if (out_len != NULL)
        *out_len = k;
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->column = YR_READ_NONE;
    }
    return YR_READ_OK;
}

yr_read_status yr_read_day(yr_day_column *col, const char *s, size_t len, size_t line, char *dst,
                           size_t cap, size_t *out_len, yr_read_error *err)
{
    return read_day(col, s, len, line, 0, dst, cap, out_len, err);
}

yr_read_status yr_table_day(const yr_table *t, size_t row, size_t col, yr_day_column *dc, char *dst,
                            size_t cap, size_t *out_len, yr_read_error *err)
{
    if (t == NULL || row >= t->nrows || col >= t->ncols)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "no table, or the cell is outside it");
    size_t n;
    const char *s = yr_table_cell(t, row, col, &n);
    return read_day(dc, s, n, yr_table_row_line(t, row), grid_xlsx_date1904(&t->g), dst, cap,
                    out_len, err);
}
