/* One sheet of an xlsx workbook as a grid (xlsx.h).
 *
 * The sheet's XML is parsed as it inflates; each cell becomes its text in one pool (a shared
 * string once per sheet, however many cells use it) and a 16-byte record (column, offset,
 * length, type); rows are indexes into the cells. Rows absent from the XML are empty records.
 * Merged ranges are applied after the sheet data, within the sheet's extent (its last row and
 * column with a value): every cell of a range gets the value of its top-left cell (an empty
 * top-left empties the range, as Excel shows it). */
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "xlsx_impl.h"

#define MAX_ROW 1048576u
#define NO_OFF UINT32_MAX

typedef struct xcell {
    uint32_t col, off, len;
    uint8_t type;   /* grid_type */
    uint8_t struck; /* its font is struck through */
    uint16_t fmt;   /* GRID_SCALED: 1 + its format's index in the grid's shows */
} xcell;

typedef struct merge {
    uint32_t r1, c1, r2, c2; /* rows 1-based, columns 0-based, inclusive */
    xcell val;               /* the top-left cell (type GRID_EMPTY when empty) */
} merge;

/* A sheet's cells: row k (1-based) has cells[first[k-1] .. first[k]). */
typedef struct xgrid {
    char *pool;
    xcell *cells;
    uint32_t *first;
    char *sheet;
    uint32_t *hidden; /* the rows (1-based) the sheet hides, ascending */
    size_t nhidden;
    int filtered;      /* the sheet has an AutoFilter */
    xlsx_shows *shows; /* the book's formats that scale or label numbers (copies) */
    size_t nshows;
    int date1904; /* the workbook counts serial days from 1904 (workbookPr date1904) */
} xgrid;

static void xgrid_free(xgrid *x);
static const grid_ops xlsx_grid_ops;

typedef struct sheet_parse {
    xlsx_book *b;
    const char *sheet;
    xml_run *run;
    /* what is built */
    char *pool;
    size_t plen, pcap;
    xcell *cells;
    size_t ncells, ccap;
    uint32_t *first; /* first[k-1]: the first cell of row k, for rows 1..nrows */
    size_t nrows, fcap;
    uint32_t *sst_map; /* shared string -> its offset in pool, or NO_OFF */
    merge *merges;
    size_t nmerges, mcap;
    uint32_t *hidden; /* rows with hidden="1" */
    size_t nhidden, hcap;
    int filtered;
    /* where the parse is */
    int in_data, in_row, in_c, in_v, in_is, in_t, in_merges;
    unsigned rph;
    uint32_t row;
    int64_t last_col;
    /* the current cell */
    uint32_t col;
    char type[12];
    long style;
    uint16_t shows; /* the cell's format in the book's shows (0: none) */
    int has_v, has_f, has_is;
    char *text;
    size_t tlen, tcap;
} sheet_parse;

/* ------------------------------------------------------------------- helpers */

static void nomem(sheet_parse *p)
{
    xml_fail(p->run, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "sheet '%s': out of memory",
             p->sheet);
}

/* "cell C7 of sheet 'Blad1' " + the rest, at the current cell. */
static void cell_fail(sheet_parse *p, yr_read_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void cell_fail(sheet_parse *p, yr_read_status st, const char *fmt, ...)
{
    char ref[16], rest[256];
    xv_ref(p->col, p->row, ref);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rest, sizeof rest, fmt, ap);
    va_end(ap);
    xml_fail(p->run, st, p->row, p->col, ref, "cell %s of sheet '%s' %s", ref, p->sheet, rest);
}

/* Append s[0..n) to the pool; its offset, or NO_OFF (the parse has failed). */
static uint32_t pool_add(sheet_parse *p, const char *s, size_t n)
{
    if (p->plen + n >= NO_OFF) {
        xml_fail(p->run, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "sheet '%s': its cells hold more than 4 GiB of text", p->sheet);
        return NO_OFF;
    }
    uint32_t off = (uint32_t)p->plen;
    if (!xlsx_append(&p->pool, &p->plen, &p->pcap, s, n)) {
        nomem(p);
        return NO_OFF;
    }
    return off;
}

static void push_cell(sheet_parse *p, uint32_t off, size_t len, int type)
{
    if (off == NO_OFF)
        return;
    if (p->ncells + 1 >= NO_OFF) {
        xml_fail(p->run, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "sheet '%s': more than 4 294 967 294 cells", p->sheet);
        return;
    }
    if (!xlsx_grow((void **)&p->cells, p->ncells, &p->ccap, sizeof *p->cells, 4096)) {
        nomem(p);
        return;
    }
    xcell c = {p->col, off, (uint32_t)len, (uint8_t)type, 0, 0};
    c.struck = p->style >= 0 && (size_t)p->style < p->b->nxf && p->b->xf[p->style] & XF_STRUCK;
    c.fmt = type == GRID_SCALED ? p->shows : 0;
    p->cells[p->ncells++] = c;
}

static void add_text_cell(sheet_parse *p, const char *s, size_t n, int type)
{
    if (n > 0)
        push_cell(p, pool_add(p, s, n), n, type);
}

/* ---------------------------------------------------------------- cell values */

static void shared_string(sheet_parse *p)
{
    xlsx_book *b = p->b;
    char *end;
    p->text[p->tlen] = '\0';
    unsigned long i = strtoul(p->text, &end, 10);
    if (p->tlen == 0 || *end != '\0' || p->text[0] < '0' || p->text[0] > '9' || i >= b->nsst) {
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "refers to shared string '%.20s', but the workbook has %zu", p->text, b->nsst);
        return;
    }
    size_t a = b->sst_off[i], len = b->sst_off[i + 1] - a;
    if (len == 0)
        return;
    if (p->sst_map == NULL) {
        p->sst_map = malloc(b->nsst * sizeof *p->sst_map);
        if (p->sst_map == NULL) {
            nomem(p);
            return;
        }
        memset(p->sst_map, 0xFF, b->nsst * sizeof *p->sst_map);
    }
    if (p->sst_map[i] == NO_OFF)
        p->sst_map[i] = pool_add(p, b->sst + a, len);
    push_cell(p, p->sst_map[i], len, GRID_TEXT);
}

static int style_class(sheet_parse *p)
{
    p->shows = 0;
    if (p->style == 0 && p->b->nxf == 0)
        return XF_GENERAL;
    if (p->style < 0 || (size_t)p->style >= p->b->nxf) {
        cell_fail(p, YR_READ_ERR_FORMAT, "has style %ld, but the workbook's styles have %zu",
                  p->style, p->b->nxf);
        return -1;
    }
    p->shows = p->b->xf_shows[p->style];
    return p->b->xf[p->style] & ~XF_STRUCK;
}

/* 1 when literal @p s names a scale or a currency the grammar has no unit for (tusen,
 * miljoner, mdr; euro, dollars): read as kronor its number would be wrong. */
static int literal_scales(const char *s)
{
    static const char *const words[] = {"tusen", "milj",     "mdr", "eur", "\xe2\x82\xac", "$",
                                        "usd",   "\xc2\xa3", "gbp", "nok", "dkk",          NULL};
    char low[XV_LITERAL_MAX];
    size_t n = 0;
    for (; s[n] != '\0' && n + 1 < sizeof low; n++)
        low[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
    low[n] = '\0';
    for (int k = 0; words[k] != NULL; k++)
        if (strstr(low, words[k]) != NULL)
            return 1;
    return 0;
}

/* The decimal num[0..n) (sign, digits, '.') divided by 100 into dst (XV_TEXT_MAX); 0 when it is
 * no such decimal (an exponent). */
static size_t hundredth(const char *num, size_t n, char *dst)
{
    char d[XV_TEXT_MAX];
    size_t nd = 0, o = 0, i = num[0] == '-', point = SIZE_MAX;
    for (size_t k = i; k < n; k++) {
        if (num[k] == '.' && point == SIZE_MAX)
            point = nd;
        else if (num[k] >= '0' && num[k] <= '9' && nd + 4 < sizeof d)
            d[nd++] = num[k];
        else
            return 0;
    }
    point = point == SIZE_MAX ? nd : point;
    while (point < 2) { /* two places to the left: zeros in front */
        memmove(d + 1, d, nd++);
        d[0] = '0';
        point++;
    }
    point -= 2;
    while (nd > point && d[nd - 1] == '0')
        nd--;
    size_t lead = 0;
    while (lead + 1 < point && d[lead] == '0')
        lead++;
    if (i)
        dst[o++] = '-';
    if (point == 0)
        dst[o++] = '0';
    for (size_t k = lead; k < nd; k++) {
        if (k == point)
            dst[o++] = '.';
        dst[o++] = d[k];
    }
    dst[o] = '\0';
    return o;
}

/* A number @p num whose format scales or labels it (xlsx_shows): scaled, GRID_SCALED (it is
 * never read as a number: the sheet shows another number than it holds); a literal the grammar
 * reads as a unit is the cell's unit, as if typed after the number ("290 tkr"; "%": the share,
 * as a percent format gives it); a literal that names a scale or a currency the grammar cannot
 * apply ("tusen kr", "EUR", "€") stays beside the number, which then does not read as one; other
 * literals ("personer", "dagar") are decoration, left out. */
static void shown_number(sheet_parse *p, const xlsx_shows *sh, const char *num, size_t n)
{
    char buf[XV_TEXT_MAX + XV_LITERAL_MAX + 1];
    int unit = rd_unit_word(sh->literal, strlen(sh->literal));
    size_t k;
    if (sh->thousands > 0) {
        add_text_cell(p, num, n, GRID_SCALED);
    } else if (unit == RD_UNIT_PERCENT && (k = hundredth(num, n, buf)) > 0) {
        add_text_cell(p, buf, k, GRID_PERCENT);
    } else if (unit != RD_UNIT_NONE || literal_scales(sh->literal)) { /* refused if not a unit */
        k = (size_t)snprintf(buf, sizeof buf, "%.*s %s", (int)n, num, sh->literal);
        add_text_cell(p, buf, k, GRID_NUMBER);
    } else {
        add_text_cell(p, num, n, GRID_NUMBER);
    }
}

/* A date-formatted number as a date, or a plain number (1: done, 0: a plain number). */
static int date_number(sheet_parse *p, double v, int cls)
{
    char buf[XV_TEXT_MAX];
    int k = xv_serial_text(v, p->b->date1904, cls, buf);
    if (k == -1) {
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "is formatted as a date but holds 60, which Excel shows as 1900-02-29, a day "
                  "that never was: enter the date again");
    } else if (k < 0) {
        xv_number_text(v, buf);
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "is formatted as a date but holds %s, which is no day from 1900 to 9999", buf);
    } else if (k > 0) {
        add_text_cell(p, buf, (size_t)k, GRID_DATE);
    }
    return k != 0;
}

static void number_cell(sheet_parse *p)
{
    double v;
    char buf[XV_TEXT_MAX];
    int cls = style_class(p);
    if (cls < 0)
        return;
    int type = cls == XF_PERCENT ? GRID_PERCENT : GRID_NUMBER;
    const xlsx_shows *sh = p->shows && cls == XF_GENERAL ? &p->b->shows[p->shows - 1] : NULL;
    size_t n = cls == XF_DATE || cls == XF_TIME ? 0 : xv_plain_text(p->text, p->tlen, buf);
    if (n > 0 && sh != NULL) {
        shown_number(p, sh, buf, n);
        return;
    }
    if (n > 0) { /* the common case, without printing the double */
        add_text_cell(p, buf, n, type);
        return;
    }
    if (!xv_parse_number(p->text, p->tlen, &v)) {
        cell_fail(p, YR_READ_ERR_FORMAT, "holds '%.40s', which is not a number", p->text);
        return;
    }
    if ((cls == XF_DATE || cls == XF_TIME) && date_number(p, v, cls))
        return;
    n = xv_number_text(v, buf);
    if (sh != NULL)
        shown_number(p, sh, buf, n);
    else
        add_text_cell(p, buf, n, type);
}

static void bool_cell(sheet_parse *p)
{
    const char *t = p->text;
    if (strcmp(t, "1") == 0 || strcmp(t, "true") == 0) {
        add_text_cell(p, "TRUE", 4, GRID_BOOL);
        return;
    }
    if (strcmp(t, "0") == 0 || strcmp(t, "false") == 0) {
        add_text_cell(p, "FALSE", 5, GRID_BOOL);
        return;
    }
    cell_fail(p, YR_READ_ERR_FORMAT, "holds the boolean '%.20s', which is neither 0 nor 1", t);
}

static void date_cell(sheet_parse *p)
{
    char buf[XV_TEXT_MAX];
    int k = xv_iso_text(p->text, p->tlen, buf);
    if (k < 0) {
        cell_fail(p, YR_READ_ERR_FORMAT, "holds the date '%.40s', which is not an ISO 8601 date",
                  p->text);
        return;
    }
    add_text_cell(p, buf, (size_t)k, GRID_DATE);
}

static int known_type(const char *t)
{
    static const char *const types[] = {"n", "s", "str", "inlineStr", "b", "e", "d"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(t, types[i]) == 0)
            return 1;
    return 0;
}

static void finish_cell(sheet_parse *p)
{
    const char *t = p->type;
    p->text[p->tlen] = '\0';
    if (!known_type(t)) {
        cell_fail(p, YR_READ_ERR_FORMAT, "has the unknown type '%s'", t);
    } else if (p->has_f && !p->has_v) {
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "has a formula without a computed value: open the file "
                  "in Excel and save it again");
    } else if (p->has_f && p->b->stale_formulas) {
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "has a formula whose saved value is not a computed one (the workbook was written "
                  "by a program and asks Excel to compute every formula again): open the file in "
                  "Excel and save it again");
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        if (p->has_is || p->has_v)
            add_text_cell(p, p->text, xv_unescape(p->text, p->tlen), GRID_TEXT);
    } else if (!p->has_v) {
        /* a styled empty cell */
    } else if (strcmp(t, "n") == 0) {
        number_cell(p);
    } else if (strcmp(t, "s") == 0) {
        shared_string(p);
    } else if (strcmp(t, "b") == 0) {
        bool_cell(p);
    } else if (strcmp(t, "e") == 0) {
        add_text_cell(p, p->text, p->tlen, GRID_ERROR);
    } else {
        date_cell(p);
    }
}

/* ------------------------------------------------------------------ elements */

static void start_row(sheet_parse *p, const char **attrs)
{
    const char *r = xml_attr(attrs, XNS_NONE, "r");
    unsigned long row = p->row + 1ul;
    if (r != NULL) {
        char *end;
        row = strtoul(r, &end, 10);
        if (end == r || *end != '\0' || r[0] < '1' || r[0] > '9' || row > MAX_ROW + 1ul)
            row = MAX_ROW + 1ul;
    }
    if (row > MAX_ROW) {
        xml_fail(p->run, YR_READ_ERR_FORMAT, p->row + 1, YR_READ_NONE, NULL,
                 "sheet '%s': row '%.20s' is not a row from 1 to %u", p->sheet, r != NULL ? r : "",
                 MAX_ROW);
        return;
    }
    if (row <= p->row) {
        xml_fail(p->run, YR_READ_ERR_FORMAT, row, YR_READ_NONE, NULL,
                 "sheet '%s': row %lu comes after row %lu: a damaged sheet", p->sheet, row,
                 (unsigned long)p->row);
        return;
    }
    while (p->nrows < row) {
        if (!xlsx_grow((void **)&p->first, p->nrows, &p->fcap, sizeof *p->first, 1024)) {
            nomem(p);
            return;
        }
        p->first[p->nrows++] = (uint32_t)p->ncells;
    }
    const char *h = xml_attr(attrs, XNS_NONE, "hidden");
    if (h != NULL && (strcmp(h, "1") == 0 || strcmp(h, "true") == 0)) {
        if (!xlsx_grow((void **)&p->hidden, p->nhidden, &p->hcap, sizeof *p->hidden, 64)) {
            nomem(p);
            return;
        }
        p->hidden[p->nhidden++] = (uint32_t)row;
    }
    p->row = (uint32_t)row;
    p->in_row = 1;
    p->last_col = -1;
}

static void start_cell(sheet_parse *p, const char **attrs)
{
    const char *r = xml_attr(attrs, XNS_NONE, "r");
    const char *t = xml_attr(attrs, XNS_NONE, "t");
    const char *s = xml_attr(attrs, XNS_NONE, "s");
    uint32_t col = (uint32_t)(p->last_col + 1), row = p->row;
    if (r != NULL && !xv_parse_ref(r, &col, &row)) {
        xml_fail(p->run, YR_READ_ERR_FORMAT, p->row, YR_READ_NONE, NULL,
                 "sheet '%s': '%.20s' in row %lu is not a cell reference", p->sheet, r,
                 (unsigned long)p->row);
        return;
    }
    p->col = col;
    if (col >= YR_READ_MAX_COLS) {
        cell_fail(p, YR_READ_ERR_LIMIT,
                  "is beyond column XFD, Excel's last (16384 "
                  "columns)");
        return;
    }
    if (row != p->row) {
        cell_fail(p, YR_READ_ERR_FORMAT, "is in row %lu of the XML: a damaged sheet",
                  (unsigned long)p->row);
        return;
    }
    if ((int64_t)col <= p->last_col) {
        cell_fail(p, YR_READ_ERR_FORMAT,
                  "comes after a cell to its right or twice: a "
                  "damaged sheet");
        return;
    }
    p->last_col = col;
    snprintf(p->type, sizeof p->type, "%s", t != NULL ? t : "n");
    p->style = 0;
    if (s != NULL) {
        char *end;
        p->style = strtol(s, &end, 10);
        if (end == s || *end != '\0' || p->style < 0)
            p->style = -1;
    }
    p->has_v = p->has_f = p->has_is = 0;
    p->tlen = 0;
    p->in_c = 1;
}

static void parse_merge(sheet_parse *p, const char *ref);

static void sheet_start(xml_run *r, int ns, const char *name, const char **attrs)
{
    sheet_parse *p = r->ud;
    if (!xml_ours(ns))
        return;
    if (p->in_c) {
        if (strcmp(name, "v") == 0 && !p->in_is) {
            p->in_v = p->has_v = 1;
            p->tlen = 0;
        } else if (strcmp(name, "f") == 0) {
            p->has_f = 1;
        } else if (strcmp(name, "is") == 0) {
            p->in_is = p->has_is = 1;
            p->tlen = 0;
        } else if (p->in_is && strcmp(name, "rPh") == 0) {
            p->rph++;
        } else if (p->in_is && p->rph == 0 && strcmp(name, "t") == 0) {
            p->in_t = 1;
        }
    } else if (p->in_row) {
        if (strcmp(name, "c") == 0)
            start_cell(p, attrs);
    } else if (p->in_data) {
        if (strcmp(name, "row") == 0)
            start_row(p, attrs);
        else if (strcmp(name, "c") == 0)
            xml_fail(r, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                     "sheet '%s': a cell outside a row: a damaged sheet", p->sheet);
    } else if (strcmp(name, "sheetData") == 0) {
        p->in_data = 1;
    } else if (strcmp(name, "mergeCells") == 0) {
        p->in_merges = 1;
    } else if (strcmp(name, "autoFilter") == 0) {
        p->filtered = 1;
    } else if (p->in_merges && strcmp(name, "mergeCell") == 0) {
        parse_merge(p, xml_attr(attrs, XNS_NONE, "ref"));
    }
}

static void sheet_end(xml_run *r, int ns, const char *name)
{
    sheet_parse *p = r->ud;
    if (!xml_ours(ns))
        return;
    if (p->in_c) {
        if (strcmp(name, "v") == 0)
            p->in_v = 0;
        else if (strcmp(name, "t") == 0)
            p->in_t = 0;
        else if (strcmp(name, "rPh") == 0 && p->rph > 0)
            p->rph--;
        else if (strcmp(name, "is") == 0)
            p->in_is = 0;
        else if (strcmp(name, "c") == 0) {
            p->in_c = 0;
            finish_cell(p);
        }
    } else if (strcmp(name, "row") == 0) {
        p->in_row = 0;
    } else if (strcmp(name, "sheetData") == 0) {
        p->in_data = 0;
    } else if (strcmp(name, "mergeCells") == 0) {
        p->in_merges = 0;
    }
}

static void sheet_text(xml_run *r, const char *s, size_t n)
{
    sheet_parse *p = r->ud;
    if (!p->in_v && !p->in_t)
        return;
    if (p->tlen + n > YR_READ_MAX_FIELD) {
        cell_fail(p, YR_READ_ERR_LIMIT, "is longer than 1 MiB");
        return;
    }
    if (!xlsx_append(&p->text, &p->tlen, &p->tcap, s, n))
        nomem(p);
}

/* ------------------------------------------------------------------ merges */

static void parse_merge(sheet_parse *p, const char *ref)
{
    char a[16] = "", b[16] = "";
    uint32_t c1, r1, c2, r2;
    const char *colon = ref != NULL ? strchr(ref, ':') : NULL;
    if (ref != NULL && colon != NULL && (size_t)(colon - ref) < sizeof a &&
        strlen(colon + 1) < sizeof b) {
        memcpy(a, ref, (size_t)(colon - ref));
        strcpy(b, colon + 1);
    } else if (ref != NULL && colon == NULL && strlen(ref) < sizeof a) {
        strcpy(a, ref);
        strcpy(b, ref);
    }
    if (!xv_parse_ref(a, &c1, &r1) || !xv_parse_ref(b, &c2, &r2) || r1 > MAX_ROW || r2 > MAX_ROW ||
        c1 >= YR_READ_MAX_COLS || c2 >= YR_READ_MAX_COLS) {
        xml_fail(p->run, YR_READ_ERR_FORMAT, 0, YR_READ_NONE, NULL,
                 "sheet '%s': the merged range '%.40s' is not a range of cells", p->sheet,
                 ref != NULL ? ref : "");
        return;
    }
    if (!xlsx_grow((void **)&p->merges, p->nmerges, &p->mcap, sizeof *p->merges, 16)) {
        nomem(p);
        return;
    }
    merge *m = &p->merges[p->nmerges++];
    m->r1 = r1 < r2 ? r1 : r2, m->r2 = r1 < r2 ? r2 : r1;
    m->c1 = c1 < c2 ? c1 : c2, m->c2 = c1 < c2 ? c2 : c1;
}

/* The cells of row k (1-based) of the parse: [*a, *e). */
static void row_span(const sheet_parse *p, size_t k, size_t *a, size_t *e)
{
    *a = p->first[k - 1];
    *e = k < p->nrows ? p->first[k] : p->ncells;
}

static xcell cell_at(const sheet_parse *p, uint32_t row, uint32_t col)
{
    size_t a, e;
    row_span(p, row, &a, &e);
    while (a < e) {
        size_t mid = a + (e - a) / 2;
        if (p->cells[mid].col == col)
            return p->cells[mid];
        if (p->cells[mid].col < col)
            a = mid + 1;
        else
            e = mid;
    }
    return (xcell){col, 0, 0, GRID_EMPTY, 0, 0};
}

static int by_first_row(const void *x, const void *y)
{
    const merge *a = x, *b = y;
    return a->r1 < b->r1 ? -1 : a->r1 > b->r1;
}

static int by_first_col(const void *x, const void *y)
{
    const merge *a = x, *b = y;
    return a->c1 < b->c1 ? -1 : a->c1 > b->c1;
}

/* Clip the merges to rows 1..nrows and columns 0..ncols-1, drop those outside, take their
 * top-left values; 0 when they cover more cells than @p budget. */
static int clip_merges(sheet_parse *p, uint32_t nrows, uint32_t ncols, uint64_t budget)
{
    size_t k = 0;
    uint64_t covered = 0;
    for (size_t i = 0; i < p->nmerges; i++) {
        merge m = p->merges[i];
        if (m.r1 > nrows || m.c1 >= ncols)
            continue;
        m.r2 = m.r2 < nrows ? m.r2 : nrows;
        m.c2 = m.c2 < ncols ? m.c2 : ncols - 1;
        m.val = cell_at(p, m.r1, m.c1);
        covered += (uint64_t)(m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
        if (covered > budget)
            return 0;
        p->merges[k++] = m;
    }
    p->nmerges = k;
    qsort(p->merges, k, sizeof *p->merges, by_first_row);
    return 1;
}

typedef struct cellbuf {
    xcell *cells;
    size_t n, cap;
} cellbuf;

static int put(cellbuf *o, xcell c)
{
    if (c.type == GRID_EMPTY)
        return 1;
    if (!xlsx_grow((void **)&o->cells, o->n, &o->cap, sizeof *o->cells, 4096))
        return 0;
    o->cells[o->n++] = c;
    return 1;
}

static int put_span(cellbuf *o, const merge *m)
{
    for (uint32_t c = m->c1; c <= m->c2; c++) {
        xcell v = m->val;
        v.col = c;
        if (!put(o, v))
            return 0;
    }
    return 1;
}

/* Row k's cells with the active merges' spans (sorted by column, not overlapping) over them. */
static int merge_row(const sheet_parse *p, size_t k, const merge *act, size_t nact, cellbuf *o)
{
    size_t a, e, j = 0;
    row_span(p, k, &a, &e);
    for (size_t i = a; i < e; i++) {
        const xcell *c = &p->cells[i];
        for (; j < nact && act[j].c2 < c->col; j++)
            if (!put_span(o, &act[j]))
                return 0;
        if (j < nact && act[j].c1 <= c->col)
            continue; /* under a merged range */
        if (!put(o, *c))
            return 0;
    }
    for (; j < nact; j++)
        if (!put_span(o, &act[j]))
            return 0;
    return 1;
}

static void range_text(const merge *m, char *dst)
{
    char x[16], y[16];
    xv_ref(m->c1, m->r1, x);
    xv_ref(m->c2, m->r2, y);
    snprintf(dst, 40, "%s:%s", x, y);
}

/* The merges active in row k, sorted by column; 0 (and the error) when two overlap. */
static int active_merges(sheet_parse *p, size_t k, merge *act, size_t *nact, size_t *next)
{
    size_t n = 0;
    for (size_t i = 0; i < *nact; i++)
        if (act[i].r2 >= k)
            act[n++] = act[i];
    for (; *next < p->nmerges && p->merges[*next].r1 == k; (*next)++)
        act[n++] = p->merges[*next];
    *nact = n;
    qsort(act, n, sizeof *act, by_first_col);
    for (size_t i = 1; i < n; i++) {
        if (act[i].c1 <= act[i - 1].c2) {
            char x[40], y[40];
            range_text(&act[i - 1], x);
            range_text(&act[i], y);
            xml_fail(p->run, YR_READ_ERR_FORMAT, k, YR_READ_NONE, NULL,
                     "sheet '%s': the merged ranges %s and %s overlap: a damaged sheet", p->sheet,
                     x, y);
            return 0;
        }
    }
    return 1;
}

/* The sheet's extent: its last row with a value, and the columns up to its last one. */
static void extent(const sheet_parse *p, uint32_t *nrows, uint32_t *ncols)
{
    size_t a, e, k = p->nrows;
    for (; k > 0; k--) {
        row_span(p, k, &a, &e);
        if (a < e)
            break;
    }
    *nrows = (uint32_t)k;
    *ncols = 0;
    for (size_t i = 0; i < p->ncells; i++)
        *ncols = p->cells[i].col + 1 > *ncols ? p->cells[i].col + 1 : *ncols;
}

static void apply_merges(sheet_parse *p)
{
    uint32_t nrows, ncols;
    extent(p, &nrows, &ncols);
    uint64_t budget = p->ncells * 4 > ((uint64_t)1 << 24) ? p->ncells * 4 : (uint64_t)1 << 24;
    if (!clip_merges(p, nrows, ncols, budget)) {
        xml_fail(p->run, YR_READ_ERR_LIMIT, 0, YR_READ_NONE, NULL,
                 "sheet '%s': its merged ranges cover more than %llu cells: refused", p->sheet,
                 (unsigned long long)budget);
        return;
    }
    if (p->nmerges == 0)
        return;
    cellbuf o = {NULL, 0, 0};
    merge *act = malloc(p->nmerges * sizeof *act);
    size_t nact = 0, next = 0;
    if (act == NULL) {
        nomem(p);
        return;
    }
    for (size_t k = 1; k <= p->nrows && p->run->st == YR_READ_OK; k++) {
        if (!active_merges(p, k, act, &nact, &next))
            break;
        uint32_t start = (uint32_t)o.n;
        if (!merge_row(p, k, act, nact, &o))
            nomem(p);
        p->first[k - 1] = start;
    }
    free(act);
    if (p->run->st != YR_READ_OK) {
        free(o.cells);
        return;
    }
    free(p->cells);
    p->cells = o.cells;
    p->ncells = o.n;
    p->ccap = o.cap;
}

/* ------------------------------------------------------------------- the grid */

static size_t g_cells(const grid *g, size_t rec, grid_cell *out, size_t cap, grid_scratch *sc)
{
    (void)sc;
    const xgrid *x = g->impl;
    if (rec >= g->nrec || x->first[rec] == x->first[rec + 1])
        return 0;
    uint32_t a = x->first[rec], e = x->first[rec + 1];
    size_t n = (size_t)x->cells[e - 1].col + 1;
    for (size_t i = 0; i < n && i < cap; i++)
        out[i] = (grid_cell){"", 0, GRID_EMPTY, 0, 0, 0};
    for (uint32_t k = a; k < e; k++) {
        const xcell *c = &x->cells[k];
        if (c->col < cap)
            out[c->col] =
                (grid_cell){x->pool + c->off, c->len, c->type, c->type == GRID_TEXT, 0, c->struck};
    }
    return n;
}

static size_t g_line(const grid *g, size_t rec)
{
    (void)g;
    return rec + 1;
}

static void g_cell_ref(const grid *g, size_t rec, size_t col, char *dst)
{
    (void)g;
    xv_ref(col, rec + 1, dst);
}

static int g_hidden(const grid *g, size_t rec)
{
    const xgrid *x = g->impl;
    size_t lo = 0, hi = x->nhidden;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->hidden[mid] < rec + 1)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < x->nhidden && x->hidden[lo] == rec + 1 ? 1 + x->filtered : 0;
}

static void g_free(grid *g)
{
    if (g != NULL)
        xgrid_free(g->impl);
    if (g != NULL)
        g->impl = NULL;
}

static void xgrid_free(xgrid *x)
{
    if (x == NULL)
        return;
    free(x->hidden);
    free(x->pool);
    free(x->cells);
    free(x->first);
    free(x->sheet);
    for (size_t i = 0; i < x->nshows; i++)
        free(x->shows[i].code);
    free(x->shows);
    free(x);
}

static const grid_ops xlsx_grid_ops = {g_cells, g_line, g_cell_ref, g_free, g_hidden};

/* The book's formats that scale or label numbers into the grid (its GRID_SCALED cells name
 * theirs); 0, or -1 when memory runs out. */
static int copy_shows(xgrid *x, const xlsx_book *b)
{
    if (b->nshows == 0)
        return 0;
    x->shows = calloc(b->nshows, sizeof *x->shows);
    if (x->shows == NULL)
        return -1;
    for (; x->nshows < b->nshows; x->nshows++) {
        const xlsx_shows *f = &b->shows[x->nshows];
        x->shows[x->nshows] = *f;
        x->shows[x->nshows].code = malloc(strlen(f->code) + 1);
        if (x->shows[x->nshows].code == NULL)
            return -1;
        strcpy(x->shows[x->nshows].code, f->code);
    }
    return 0;
}

const char *grid_xlsx_format(const grid *g, size_t rec, size_t col, int *thousands)
{
    const xgrid *x = g != NULL && g->ops == &xlsx_grid_ops ? g->impl : NULL;
    if (x == NULL || rec >= g->nrec)
        return NULL;
    for (uint32_t k = x->first[rec]; k < x->first[rec + 1]; k++) {
        const xcell *c = &x->cells[k];
        if (c->col != col)
            continue;
        if (c->type != GRID_SCALED || c->fmt == 0 || c->fmt > x->nshows)
            return NULL;
        *thousands = x->shows[c->fmt - 1].thousands;
        return x->shows[c->fmt - 1].code;
    }
    return NULL;
}

int grid_xlsx_date1904(const grid *g)
{
    const xgrid *x = g != NULL && g->ops == &xlsx_grid_ops ? g->impl : NULL;
    return x != NULL && x->date1904;
}

/* Move what the parse built into @p out: records up to the last row with a value. */
static yr_read_status make_grid(sheet_parse *p, grid *out, yr_read_error *err)
{
    size_t nrec = p->nrows;
    while (nrec > 0 && p->first[nrec - 1] == p->ncells)
        nrec--;
    xgrid *x = calloc(1, sizeof *x);
    uint32_t *first = realloc(p->first, (nrec + 1) * sizeof *first);
    char *sheet = malloc(strlen(p->sheet) + 1);
    if (first != NULL)
        p->first = first;
    if (x == NULL || first == NULL || sheet == NULL) {
        free(x);
        free(sheet);
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "sheet '%s': out of memory",
                         p->sheet);
    }
    first[nrec] = (uint32_t)p->ncells;
    strcpy(sheet, p->sheet);
    size_t widest = 0;
    for (size_t k = 0; k < nrec; k++)
        if (first[k + 1] > first[k] && p->cells[first[k + 1] - 1].col + (size_t)1 > widest)
            widest = p->cells[first[k + 1] - 1].col + (size_t)1;
    *x = (xgrid){p->pool,    p->cells,    first, sheet, p->hidden,
                 p->nhidden, p->filtered, NULL,  0,     p->b->date1904};
    p->pool = NULL, p->cells = NULL, p->first = NULL, p->hidden = NULL;
    if (copy_shows(x, p->b) != 0) {
        xgrid_free(x);
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "sheet '%s': out of memory",
                         p->sheet);
    }
    memset(out, 0, sizeof *out);
    out->ops = &xlsx_grid_ops;
    out->nrec = nrec;
    out->max_cells = widest;
    out->fmt = (yr_read_format){"xlsx", "UTF-8", 0, 0, 0, "\n", sheet, 0};
    out->impl = x;
    return YR_READ_OK;
}

static yr_read_status parse(sheet_parse *p, xlsx_book *b, size_t i, yr_read_error *err)
{
    xml_run r = {0};
    r.start = sheet_start;
    r.end = sheet_end;
    r.text = sheet_text;
    r.ud = p;
    r.err = err;
    p->run = &r;
    int found;
    yr_read_status st = xzip_parse(&b->z, b->sheets[i].part, 1, &r, &found);
    if (st == YR_READ_OK && p->nmerges > 0) {
        apply_merges(p);
        st = r.st;
    }
    p->run = NULL;
    return st;
}

yr_read_status xlsx_parse_sheet(xlsx_book *b, size_t i, grid *out, yr_read_error *err)
{
    sheet_parse p;
    memset(&p, 0, sizeof p);
    p.b = b;
    p.sheet = b->sheets[i].name;
    p.tcap = 256;
    p.text = malloc(p.tcap);
    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (p.text == NULL || c == (locale_t)0) {
        free(p.text);
        if (c != (locale_t)0)
            freelocale(c);
        return xlsx_fail(err, YR_READ_ERR_NOMEM, 0, YR_READ_NONE, NULL, "out of memory");
    }
    locale_t old = uselocale(c); /* numbers are read and written with '.' whatever the caller's */
    yr_read_status st = parse(&p, b, i, err);
    uselocale(old);
    freelocale(c);
    if (st == YR_READ_OK)
        st = make_grid(&p, out, err);
    free(p.pool);
    free(p.cells);
    free(p.first);
    free(p.sst_map);
    free(p.merges);
    free(p.hidden);
    free(p.text);
    return st;
}
