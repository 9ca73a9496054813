/* The rules of a table a caller checks or audits rather than splits (read.h, "a table being
 * checked"): which column labels its rows, which row is its total, and which columns are the
 * items of a statement saved by hand. Decided here once, for the program (`stats check`,
 * `pot --check`, `stats check-parts`, `audit` of a statement) and the bindings' frame functions
 * (split_frame, audit_frame). Only the public table API and the reader's label column. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/names.h"

/* ------------------------------------------------------------------ the label column */

size_t yr_table_label_column(const yr_table *t)
{
    return t != NULL ? rd_label_col(t) : 0;
}

/* The role a header names first (the alias table), ::YR_ROLE_CODE for a column of codes. */
static yr_read_role header_role(const char *h)
{
    if (yr_header_is_code(h))
        return YR_ROLE_CODE;
    for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
        if (yr_role_is_header(h, (yr_read_role)r))
            return (yr_read_role)r;
    return YR_ROLE_NONE;
}

size_t yr_label_column_of(const char *const *headers, size_t n)
{
    size_t label = YR_READ_NONE;
    for (size_t c = 0; headers != NULL && c < n; c++) {
        yr_read_role r = headers[c] != NULL ? header_role(headers[c]) : YR_ROLE_NONE;
        if (r == YR_ROLE_MUNICIPALITY)
            return c;
        if (label == YR_READ_NONE &&
            (r == YR_ROLE_COURSE || r == YR_ROLE_ITEM || r == YR_ROLE_QUESTION))
            label = c;
    }
    return label;
}

/* ------------------------------------------------------------------ the total row */

/* Rows as a table's or as a frame's kinds and lines. */
typedef struct rows_view {
    const yr_table *t;
    const yr_row_kind *kinds;
    const size_t *lines;
    size_t n;
} rows_view;

static yr_row_kind kind_at(const rows_view *v, size_t i)
{
    return v->t != NULL ? yr_table_row_kind(v->t, i) : v->kinds[i];
}

static size_t line_at(const rows_view *v, size_t i)
{
    return v->t != NULL ? yr_table_row_line(v->t, i) : v->lines != NULL ? v->lines[i] : i + 1;
}

static yr_read_status total_row(const rows_view *v, int required, size_t *row, yr_read_error *err)
{
    size_t nagg = 0, agg = YR_READ_NONE;
    for (size_t i = 0; i < v->n; i++) {
        yr_row_kind k = kind_at(v, i);
        nagg += k != YR_ROW_DATA;
        agg = k == YR_ROW_COUNTY || k == YR_ROW_NATION ? i : agg;
    }
    *row = YR_READ_NONE;
    for (size_t i = 0; i < v->n; i++) {
        if (kind_at(v, i) != YR_ROW_TOTAL && (nagg != 1 || i != agg))
            continue;
        if (*row != YR_READ_NONE) {
            rd_fail(err, YR_READ_ERR_AGGREGATE, line_at(v, i),
                    "a second total row (the first is on line %zu)", line_at(v, *row));
            if (err != NULL)
                err->other_line = line_at(v, *row);
            *row = YR_READ_NONE;
            return YR_READ_ERR_AGGREGATE;
        }
        *row = i;
    }
    if (*row == YR_READ_NONE && required)
        return rd_fail(err, YR_READ_ERR_AGGREGATE, 0,
                       "no total row (a first cell such as Totalt, Summa or Total, or a county "
                       "or the nation as the table's one aggregate row)");
    if (err != NULL)
        memset(err, 0, sizeof *err);
    return YR_READ_OK;
}

yr_read_status yr_table_checked_total_row(const yr_table *t, int required, size_t *row,
                                          yr_read_error *err)
{
    if (t == NULL || row == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    rows_view v = {t, NULL, NULL, yr_table_nrows(t)};
    return total_row(&v, required, row, err);
}

yr_read_status yr_checked_total_row(const yr_row_kind *kinds, size_t n, const size_t *lines,
                                    int required, size_t *row, yr_read_error *err)
{
    if ((kinds == NULL && n > 0) || row == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    rows_view v = {NULL, kinds, lines, n};
    return total_row(&v, required, row, err);
}

/* ------------------------------------------------------------------ a statement's columns */

/* Cell (@p row, @p col) as a whole number of either sign in the one grammar (yr_read_value,
 * ::YR_KIND_INTEGER: `176 117`, `176117 kr`); 0 when it is one. */
static int cell_whole(const yr_table *t, size_t row, size_t col, int64_t *out)
{
    size_t len;
    const char *s = yr_table_cell(t, row, col, &len);
    char text[128];
    yr_value v;
    if (len >= sizeof text)
        return -1;
    memcpy(text, s, len);
    text[len] = '\0';
    if (yr_read_value(text, YR_KIND_INTEGER, NULL, "", &v, NULL) != YR_READ_OK || !v.present ||
        v.den != 1)
        return -1;
    *out = v.num;
    return 0;
}

/* The output name a statement gives header @p col (::YR_OUT_NAME_COUNT for others): as written,
 * else equal under yr_header_key() (`Totalt`, `TOTAL`, `Net ` as saved by hand). */
static yr_out_name column_name(const yr_table *t, size_t col)
{
    const char *h = yr_table_header(t, col);
    yr_out_name n = yr_out_name_find(h, YR_OUT_COLUMN);
    char k1[128], k2[128];
    if (n != YR_OUT_NAME_COUNT || yr_header_key(h, k1, sizeof k1) != YR_READ_OK)
        return n;
    const yr_out_name named[] = {YR_OUT_TOTAL, YR_OUT_FEES, YR_OUT_KICKBACK, YR_OUT_NET};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        for (int l = 0; l < YR_LANG_COUNT; l++)
            if (yr_header_key(yr_out_text(named[i], (yr_lang)l), k2, sizeof k2) == YR_READ_OK &&
                strcmp(k1, k2) == 0)
                return named[i];
    return YR_OUT_NAME_COUNT;
}

/* Column @p c holds an item of a statement saved by hand: its header names no role and its
 * first data cell is a whole number. */
static int item_like(const yr_table *t, size_t c)
{
    int64_t v;
    return header_role(yr_table_header(t, c)) == YR_ROLE_NONE && yr_table_ndata(t) > 0 &&
           cell_whole(t, yr_table_data_row(t, 0), c, &v) == 0;
}

/* The item-like columns between @p name and @p total add up to @p total on the Summa line (else
 * the first line): a statement's, not a published split's population beside its amount. */
static int adds_up(const yr_table *t, size_t name, size_t total)
{
    size_t row = 0, nrows = yr_table_nrows(t);
    while (row < nrows && yr_table_row_kind(t, row) != YR_ROW_TOTAL)
        row++;
    if (row == nrows)
        row = 0;
    int64_t sum = 0, v, want;
    int ok = nrows > 0 && cell_whole(t, row, total, &want) == 0;
    for (size_t c = name + 1; ok && c < total; c++)
        ok = yr_header_is_code(yr_table_header(t, c)) || /* an inserted Kommunkod: no item */
             (cell_whole(t, row, c, &v) == 0 && !__builtin_add_overflow(sum, v, &sum));
    return ok && sum == want;
}

/* The total column of a statement whose municipality column is @p name: the one named total
 * (totalt), else — a total renamed by hand (`Summa`, `Att betala`) — the first column naming the
 * amount after one or more item-like columns. ::YR_READ_NONE: none. */
static size_t total_column(const yr_table *t, size_t name)
{
    size_t nc = yr_table_ncols(t);
    for (size_t c = name + 1; c < nc; c++)
        if (column_name(t, c) == YR_OUT_TOTAL)
            return c;
    for (size_t c = name + 1; c < nc; c++) {
        if (c >= name + 2 && yr_role_is_header(yr_table_header(t, c), YR_ROLE_AMOUNT))
            return adds_up(t, name, c) ? c : YR_READ_NONE;
        if (!item_like(t, c) && !yr_header_is_code(yr_table_header(t, c)))
            return YR_READ_NONE;
    }
    return YR_READ_NONE;
}

/* The municipality column: the table's, else the first header that names it. */
static size_t name_column(const yr_table *t)
{
    size_t c = yr_table_find_role(t, YR_ROLE_MUNICIPALITY);
    for (size_t k = 0; c == YR_READ_NONE && k < yr_table_ncols(t); k++)
        if (yr_role_is_header(yr_table_header(t, k), YR_ROLE_MUNICIPALITY))
            c = k;
    return c;
}

static yr_read_status not_statement(yr_read_error *err)
{
    return rd_fail(err, YR_READ_ERR_HEADER, 0,
                   "not a statement: no item columns between the municipality column and a "
                   "column 'total' (or 'totalt')");
}

/* The fees, kickback and net columns (the first of each name), the year column. */
static void named_columns(const yr_table *t, yr_statement_columns *sc)
{
    size_t *slot[3] = {&sc->fees, &sc->kickback, &sc->net};
    const yr_out_name want[3] = {YR_OUT_FEES, YR_OUT_KICKBACK, YR_OUT_NET};
    for (int k = 0; k < 3; k++)
        *slot[k] = YR_READ_NONE;
    for (size_t c = 0; c < yr_table_ncols(t); c++)
        for (int k = 0; k < 3; k++)
            if (*slot[k] == YR_READ_NONE && column_name(t, c) == want[k])
                *slot[k] = c;
    sc->year = yr_table_find_role(t, YR_ROLE_YEAR);
}

/* The statement's columns and how many items it has (sc->nitems), without their places. */
static yr_read_status find_statement(const yr_table *t, yr_statement_columns *sc,
                                     yr_read_error *err)
{
    memset(sc, 0, sizeof *sc);
    named_columns(t, sc);
    sc->name = name_column(t);
    sc->total = sc->name != YR_READ_NONE ? total_column(t, sc->name) : YR_READ_NONE;
    if (sc->name == YR_READ_NONE || sc->total == YR_READ_NONE || sc->total <= sc->name + 1)
        return not_statement(err);
    /* a column of codes, ids or years (an inserted 'Kommunkod') is never an item (rule 7:
     * never a weight, a population or an amount) */
    for (size_t c = sc->name + 1; c < sc->total; c++)
        sc->nitems += !yr_header_is_code(yr_table_header(t, c));
    if (sc->nitems == 0)
        return not_statement(err);
    return YR_READ_OK;
}

yr_read_status yr_table_statement_columns(const yr_table *t, yr_statement_columns *sc,
                                          size_t *items, size_t cap, yr_read_error *err)
{
    if (t == NULL || sc == NULL || (items == NULL && cap > 0))
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    yr_read_status st = find_statement(t, sc, err);
    if (st != YR_READ_OK)
        return st;
    if (sc->nitems > cap)
        return rd_fail(err, YR_READ_ERR_LIMIT, 0,
                       "the statement has %zu item columns, room was given for %zu", sc->nitems,
                       cap);
    for (size_t c = sc->name + 1, k = 0; c < sc->total; c++)
        if (!yr_header_is_code(yr_table_header(t, c)))
            items[k++] = c;
    if (err != NULL)
        memset(err, 0, sizeof *err);
    return YR_READ_OK;
}

int yr_table_is_statement(const yr_table *t)
{
    yr_statement_columns sc;
    if (t == NULL || find_statement(t, &sc, NULL) != YR_READ_OK)
        return 0;
    for (size_t c = sc.name + 1; c < sc.total; c++) {
        const char *h = yr_table_header(t, c);
        if (yr_role_is_header(h, YR_ROLE_POPULATION) || yr_role_is_header(h, YR_ROLE_WEIGHT))
            return 0; /* a published split ("kommun,befolkning,total") is not a statement */
    }
    return 1;
}
