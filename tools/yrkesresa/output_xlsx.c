/* The workbook of --output FILE.xlsx (see output_xlsx.h). */
#include "output_xlsx.h"

#ifdef CLI_HAVE_XLSX

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>
#include <yrkesresa/identity.h>

#define MAX_DECIMALS 15
#define SHEET_MAX 31 /* characters of a sheet's name (Excel counts UTF-16 units) */

struct cli_xlsx {
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *text_bold;
    lxw_format *num[CLI_XNUM_KINDS][MAX_DECIMALS + 1][2]; /* made when first used */
    lxw_format *date[2];
    size_t *width, nwidth; /* the widest cell of each column, in characters */
    size_t ncols;          /* columns written */
    char **keys;           /* the name key (yr_name_key) of every sheet's name */
    size_t nsheets;
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

/* Excel's sheet names compare without case (`Falun` and `FALUN` are one name): 1 when the key
 * of @p name is a sheet's already; -1 when out of memory. */
static int sheet_taken(const cli_xlsx *x, const char *name, char **key_out)
{
    size_t len = strlen(name), cap = 3 * len + 1;
    char *key = malloc(cap);
    if (key == NULL || yr_name_key(name, len, key, cap, NULL) != YR_READ_OK) {
        free(key);
        return -1;
    }
    int taken = strcmp(key, "history") == 0; /* reserved by Excel */
    for (size_t k = 0; k < x->nsheets && !taken; k++)
        taken = strcmp(x->keys[k], key) == 0;
    if (taken)
        free(key);
    else
        *key_out = key;
    return taken;
}

/* @p want made a sheet name: `[ ] : * ? / \` and control characters become `_`, as does an
 * apostrophe at either end; cut at a character to SHEET_MAX UTF-16 units less @p room (not
 * before a combining mark, which stays with its letter); "_" for an empty name. */
static void sheet_clean(const char *want, size_t room, char *out, size_t cap)
{
    size_t n = 0, units = 0, keep = 0;
    const unsigned char *p = (const unsigned char *)want;
    while (*p != '\0' && n + 5 < cap) {
        size_t len = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
        size_t u = len == 4 ? 2 : 1;
        int mark = len == 2 && ((p[0] == 0xCC && p[1] >= 0x80) || (p[0] == 0xCD && p[1] < 0xB0));
        if (units + u > SHEET_MAX - room) {
            n = mark ? keep : n; /* U+0300..U+036F: the letter goes too */
            break;
        }
        if (!mark)
            keep = n;
        if (len == 1 && (strchr("[]:*?/\\", *p) != NULL || *p < 0x20 || *p == 0x7F)) {
            out[n++] = '_';
            p++;
        } else {
            for (size_t k = 0; k < len && *p != '\0'; k++)
                out[n++] = (char)*p++;
        }
        units += u;
    }
    out[n] = '\0';
    if (n > 0 && out[0] == '\'')
        out[0] = '_';
    if (n > 0 && out[n - 1] == '\'')
        out[n - 1] = '_';
    if (n == 0)
        snprintf(out, cap, "_");
}

/* A new sheet named after @p want (sheet_clean), made unique with ` (2)`, ` (3)`, ... */
static int add_sheet(cli_xlsx *x, const char *want, char *why, size_t cap)
{
    char name[4 * SHEET_MAX + 16], base[4 * SHEET_MAX + 1], *key = NULL;
    char **keys = realloc(x->keys, (x->nsheets + 1) * sizeof *keys);
    if (keys == NULL) {
        snprintf(why, cap, "out of memory");
        return -1;
    }
    x->keys = keys;
    sheet_clean(want, 0, name, sizeof name);
    int taken = sheet_taken(x, name, &key);
    for (unsigned k = 2; taken == 1 && k < 100000; k++) {
        char suffix[16];
        int len = snprintf(suffix, sizeof suffix, " (%u)", k);
        sheet_clean(want, (size_t)len, base, sizeof base);
        snprintf(name, sizeof name, "%s%s", base, suffix);
        taken = sheet_taken(x, name, &key);
    }
    if (taken != 0 || (x->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
        free(key);
        if (taken != 0)
            snprintf(why, cap, "out of memory");
        else
            snprintf(why, cap, "cannot add the sheet '%s'", name);
        return -1;
    }
    x->keys[x->nsheets++] = key;
    return 0;
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
    x->text_bold = workbook_add_format(x->wb);
    if (x->text_bold == NULL || add_sheet(x, p->sheet, why, cap) != 0) {
        workbook_close(x->wb);
        free(x->keys);
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

/* The sheet's widths and its frozen header row. */
static lxw_error end_sheet(cli_xlsx *x)
{
    lxw_error e = LXW_NO_ERROR;
    for (size_t c = 0; c < x->ncols && e == LXW_NO_ERROR; c++) {
        /* Calibri 11: about one unit a character, plus a margin */
        double w = x->width[c] == 0 ? 8.43 : (double)x->width[c] * 1.1 + 2.0;
        e = worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w > 255 ? 255 : w, NULL);
    }
    worksheet_freeze_panes(x->ws, 1, 0);
    x->ncols = 0;
    if (x->nwidth > 0)
        memset(x->width, 0, x->nwidth * sizeof *x->width);
    return e;
}

int cli_xlsx_sheet(cli_xlsx *x, const char *name, char *why, size_t cap)
{
    lxw_error e = end_sheet(x);
    if (e != LXW_NO_ERROR)
        return lxw_fail(e, "cannot write the sheet", why, cap);
    return add_sheet(x, name, why, cap);
}

int cli_xlsx_close(cli_xlsx *x, char *why, size_t cap)
{
    lxw_error e = end_sheet(x);
    if (e == LXW_NO_ERROR)
        e = workbook_set_properties(x->wb, &x->props);
    lxw_error closed = workbook_close(x->wb);
    for (size_t k = 0; k < x->nsheets; k++)
        free(x->keys[k]);
    free(x->keys);
    free(x->width);
    free(x);
    if (e == LXW_NO_ERROR)
        e = closed;
    return e == LXW_NO_ERROR ? 0 : lxw_fail(e, "cannot write the workbook", why, cap);
}

#else
typedef int cli_xlsx_not_built; /* ISO C wants a declaration in every file */
#endif
