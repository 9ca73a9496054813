/* The workbook of --output FILE.xlsx (see output_xlsx.h). */
#include "output_xlsx.h"

#ifdef CLI_HAVE_XLSX

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#define MAX_DECIMALS 15

struct cli_xlsx {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *text_bold;
    lxw_format *num[CLI_XNUM_KINDS][MAX_DECIMALS + 1][2]; /* made when first used */
    lxw_format *date[2];
    size_t *width, nwidth; /* the widest cell of each column, in characters */
    size_t ncols;          /* columns written */
    lxw_doc_properties props;
    char title[128], source[1024], comment[1200]; /* the properties' texts */
};

static int lxw_fail(lxw_error e, const char *what, char *why, size_t cap)
{
    snprintf(why, cap, "%s: %s", what, lxw_strerror(e));
    return -1;
}

/* The creation time: SOURCE_DATE_EPOCH (reproducible builds and tests), else now. */
static time_t created(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v = s != NULL ? strtoll(s, &end, 10) : -1;
    return s != NULL && *s != '\0' && *end == '\0' && v > 0 ? (time_t)v : time(NULL);
}

int cli_xlsx_open(cli_xlsx **out, const char *file, const cli_xlsx_props *p, char *why, size_t cap)
{
    cli_xlsx *x = calloc(1, sizeof *x);
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0};
    if (x == NULL || (x->wb = workbook_new_opt(file, &wo)) == NULL) {
        free(x);
        snprintf(why, cap, "cannot create the workbook");
        return -1;
    }
    x->ws = workbook_add_worksheet(x->wb, p->sheet);
    x->text_bold = workbook_add_format(x->wb);
    if (x->ws == NULL || x->text_bold == NULL) {
        workbook_close(x->wb);
        free(x);
        snprintf(why, cap, "cannot create the workbook's sheet");
        return -1;
    }
    format_set_bold(x->text_bold);
    snprintf(x->title, sizeof x->title, "%s", p->title);
    snprintf(x->source, sizeof x->source, "%s", p->source != NULL ? p->source : "");
    snprintf(x->comment, sizeof x->comment, "%s", p->comment);
    x->props.title = x->title;
    x->props.subject = x->source;
    x->props.comments = x->comment;
    x->props.created = created();
    *out = x;
    return 0;
}

/* Remember the widest cell of column @p col. */
static int note_width(cli_xlsx *x, size_t col, size_t w, char *why, size_t cap)
{
    if (col >= x->nwidth) {
        size_t n = col + 16 > LXW_COL_MAX ? LXW_COL_MAX : col + 16;
        size_t *p = realloc(x->width, n * sizeof *p);
        if (p == NULL) {
            snprintf(why, cap, "out of memory");
            return -1;
        }
        memset(p + x->nwidth, 0, (n - x->nwidth) * sizeof *p);
        x->width = p;
        x->nwidth = n;
    }
    if (w > x->width[col])
        x->width[col] = w;
    if (col >= x->ncols)
        x->ncols = col + 1;
    return 0;
}

int cli_xlsx_text(cli_xlsx *x, size_t row, size_t col, const char *s, size_t width, int bold,
                  char *why, size_t cap)
{
    if (note_width(x, col, width + (bold ? 1 : 0), why, cap) != 0)
        return -1;
    if (*s == '\0')
        return 0;
    lxw_error e = worksheet_write_string(x->ws, (lxw_row_t)row, (lxw_col_t)col, s,
                                         bold ? x->text_bold : NULL);
    return e == LXW_NO_ERROR ? 0 : lxw_fail(e, "cannot write a text cell", why, cap);
}

/* The format of a number kind with @p decimals, bold or not; NULL when out of memory. */
static lxw_format *num_format(cli_xlsx *x, cli_xnum kind, unsigned decimals, int bold)
{
    decimals = decimals > MAX_DECIMALS ? MAX_DECIMALS : decimals;
    lxw_format **slot = &x->num[kind][decimals][bold != 0];
    if (*slot != NULL)
        return *slot;
    char code[64], zeros[MAX_DECIMALS + 2] = ".";
    memset(zeros + 1, '0', decimals);
    zeros[decimals + 1] = '\0';
    const char *frac = decimals > 0 ? zeros : "";
    if (kind == CLI_XNUM_SHARE || kind == CLI_XNUM_PLAIN)
        snprintf(code, sizeof code, "0%s%s", frac, kind == CLI_XNUM_SHARE ? " %" : "");
    else
        snprintf(code, sizeof code, "#,##0%s%s", frac, kind == CLI_XNUM_MONEY ? " \"kr\"" : "");
    *slot = workbook_add_format(x->wb);
    if (*slot != NULL) {
        format_set_num_format(*slot, code);
        if (bold)
            format_set_bold(*slot);
    }
    return *slot;
}

int cli_xlsx_number(cli_xlsx *x, size_t row, size_t col, double v, cli_xnum kind, unsigned decimals,
                    size_t width, int bold, char *why, size_t cap)
{
    lxw_format *f = num_format(x, kind, decimals, bold);
    if (f == NULL || note_width(x, col, width + (bold ? 1 : 0), why, cap) != 0) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    lxw_error e = worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
    return e == LXW_NO_ERROR ? 0 : lxw_fail(e, "cannot write a number", why, cap);
}

int cli_xlsx_date(cli_xlsx *x, size_t row, size_t col, int y, int m, int d, int bold, char *why,
                  size_t cap)
{
    lxw_format **f = &x->date[bold != 0];
    if (*f == NULL && (*f = workbook_add_format(x->wb)) != NULL) {
        format_set_num_format(*f, "yyyy-mm-dd");
        if (bold)
            format_set_bold(*f);
    }
    if (*f == NULL || note_width(x, col, 10 + (bold ? 1 : 0), why, cap) != 0) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    lxw_datetime dt = {y, m, d, 0, 0, 0.0};
    lxw_error e = worksheet_write_datetime(x->ws, (lxw_row_t)row, (lxw_col_t)col, &dt, *f);
    return e == LXW_NO_ERROR ? 0 : lxw_fail(e, "cannot write a date", why, cap);
}

int cli_xlsx_close(cli_xlsx *x, char *why, size_t cap)
{
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < x->ncols && e == LXW_NO_ERROR; c++) {
        /* Calibri 11: about one unit a character, plus a margin */
        double w = x->width[c] == 0 ? 8.43 : (double)x->width[c] * 1.1 + 2.0;
        e = worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w > 255 ? 255 : w, NULL);
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    if (e == LXW_NO_ERROR)
        e = workbook_set_properties(x->wb, &x->props);
    lxw_error closed = workbook_close(x->wb);
    free(x->width);
    free(x);
    if (e == LXW_NO_ERROR)
        e = closed;
    return e == LXW_NO_ERROR ? 0 : lxw_fail(e, "cannot write the workbook", why, cap);
}

#else
typedef int cli_xlsx_not_built; /* ISO C wants a declaration in every file */
#endif
