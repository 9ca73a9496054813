/* The end of a reading: rows left out by YR_TOTALS_IGNORE, the spans of lines, the column the
 * reading names, and the one-line report in English and Swedish. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Old row index -> new (YR_READ_NONE for a row left out). */
static void remap_rows(yr_table *t, const size_t *to)
{
    size_t o = 0;
    for (size_t i = 0; i < t->nsaved; i++) {
        size_t nr = to[t->saved[i].row];
        if (nr == YR_READ_NONE)
            continue;
        t->saved[o] = t->saved[i];
        t->saved[o++].row = (uint32_t)nr;
    }
    t->nsaved = o;
    o = 0;
    for (size_t i = 0; i < t->nchecks; i++) {
        yr_aggregate_check c = t->checks[i];
        if (to[c.row] == YR_READ_NONE)
            continue;
        c.row = to[c.row];
        c.first_row = c.first_row != YR_READ_NONE ? to[c.first_row] : c.first_row;
        c.last_row = c.last_row != YR_READ_NONE ? to[c.last_row] : c.last_row;
        t->checks[o++] = c;
    }
    t->nchecks = o;
}

static yr_read_status drop_ignored(yr_table *t, uint8_t *rk, const uint8_t *ignore)
{
    size_t any = 0;
    for (size_t r = 0; ignore != NULL && r < t->nrows; r++)
        any += ignore[r];
    if (any == 0)
        return YR_READ_OK;
    size_t *to = malloc(t->nrows * sizeof *to), o = 0;
    if (to == NULL)
        return YR_READ_ERR_NOMEM;
    if (t->rows == NULL) { /* rows were every record after the header: now some are not */
        t->rows = malloc(t->nrows * sizeof *t->rows);
        if (t->rows == NULL) {
            free(to);
            return YR_READ_ERR_NOMEM;
        }
        for (size_t r = 0; r < t->nrows; r++)
            t->rows[r] = (uint32_t)(t->rows_first + r);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        if (ignore[r]) {
            to[r] = YR_READ_NONE;
            rk[rd_rec(t, r)] = YR_SPAN_IGNORED;
            continue;
        }
        to[r] = o;
        t->rows[o] = (uint32_t)rd_rec(t, r);
        t->kinds[o] = t->kinds[r];
        if (t->place != NULL)
            t->place[o] = t->place[r];
        o++;
    }
    remap_rows(t, to);
    free(to);
    t->nrows = o;
    t->naggr = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->kinds[r] != YR_ROW_DATA)
            t->aggr[t->naggr++] = (uint32_t)r;
    return YR_READ_OK;
}

static yr_read_status make_spans(yr_table *t, const uint8_t *rk)
{
    size_t cap = 16;
    t->spans = malloc(cap * sizeof *t->spans);
    if (t->spans == NULL)
        return YR_READ_ERR_NOMEM;
    for (size_t rec = 0; rec < t->g.nrec; rec++) {
        size_t first = rd_rec_line(t, rec), last = rd_rec_line(t, rec + 1) - 1;
        yr_span_kind k = (yr_span_kind)rk[rec];
        if (t->nspans > 0 && t->spans[t->nspans - 1].kind == k &&
            t->spans[t->nspans - 1].last + 1 == first) {
            t->spans[t->nspans - 1].last = last;
            continue;
        }
        if (t->nspans == cap) {
            yr_span *s = realloc(t->spans, cap * 2 * sizeof *s);
            if (s == NULL)
                return YR_READ_ERR_NOMEM;
            t->spans = s;
            cap *= 2;
        }
        t->spans[t->nspans++] = (yr_span){k, first, last};
    }
    return YR_READ_OK;
}

void rd_choose_main(yr_table *t, const yr_read_options *opt)
{
    for (size_t k = 0; k <= opt->nwant && t->main_col == YR_READ_NONE; k++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const rd_col *cl = &t->cols[c];
            if (!cl->wanted || (cl->flags & YR_WANT_CHECKED) ||
                (cl->fmt.kind != YR_KIND_WHOLE && cl->fmt.kind != YR_KIND_DECIMAL))
                continue;
            if (k < opt->nwant && cl->role != opt->want[k].role)
                continue;
            t->main_col = c;
            break;
        }
    }
}

yr_read_status rd_finish(yr_table *t, uint8_t *rk, const uint8_t *ignore, yr_read_error *err)
{
    yr_read_status st = rd_check_ratios(t, err); /* every value is read: compare them */
    if (st != YR_READ_OK)
        return st;
    st = drop_ignored(t, rk, ignore);
    t->ndata = t->nrows - t->naggr;
    for (size_t r = 0; r < t->nrows && st == YR_READ_OK; r++)
        rk[rd_rec(t, r)] = t->kinds[r] == YR_ROW_DATA ? YR_SPAN_DATA : YR_SPAN_AGGREGATE;
    if (st == YR_READ_OK)
        st = make_spans(t, rk);
    if (st == YR_READ_OK)
        st = rd_make_place_keys(t);
    if (st != YR_READ_OK)
        rd_fail(err, st, 0, "out of memory");
    return st;
}

size_t yr_table_spans(const yr_table *t, yr_span *out, size_t cap)
{
    if (t == NULL)
        return 0;
    for (size_t i = 0; out != NULL && i < t->nspans && i < cap; i++)
        out[i] = t->spans[i];
    return t->nspans;
}

/* ------------------------------------------------------------------------ the reading */

typedef struct words {
    const char *read, *from, *row1, *rows, *mun1, *muns, *cty1, *ctys;
    const char *kind1[6], *kindn[6], *at1, *atn, *title, *notes, *note1, *other, *ignored;
    const char *unchecked, *unchecked_cty, *guard;
    const char *line1, *linen; /* the word before a line number (range) */
    const char *sheet;
} words;

static const words en = {
    "read",
    " from column '%s'",
    "row",
    "rows",
    "municipality",
    "municipalities",
    "county",
    "counties",
    {"", "total row", "subtotal row", "county row", "nation row", "undistributed row"},
    {"", "total rows", "subtotal rows", "county rows", "nation rows", "undistributed rows"},
    "at line",
    "at lines",
    "title",
    "notes",
    "note",
    "%zu rows of other years left out",
    "left out unchecked",
    " (not checked: %zu of 290 municipalities)",
    " (not checked: %zu of 21 counties)",
    ", the formula guards (') of Excel's CSV taken off",
    "line",
    "lines",
    " on sheet '%s'"};

static const words sv = {"läste",
                         " från kolumnen '%s'",
                         "rad",
                         "rader",
                         "kommun",
                         "kommuner",
                         "län",
                         "län",
                         {"", "summarad", "delsumma", "länsrad", "riksrad", "ej fördelat"},
                         {"", "summarader", "delsummor", "länsrader", "riksrader", "ej fördelat"},
                         "på rad",
                         "på rad",
                         "rubrik",
                         "noter",
                         "not",
                         "%zu rader andra år utelämnade",
                         "utelämnad okontrollerad",
                         " (ej kontrollerad: %zu av 290 kommuner)",
                         " (ej kontrollerad: %zu av 21 län)",
                         ", formelskyddet (') i Excels CSV borttaget",
                         "rad",
                         "rad",
                         " på bladet '%s'"};

/* "17", "8, 12", "19–22" for the lines of the spans or rows listed. */
static void add_range(rd_buf *b, size_t first, size_t last, int *n)
{
    rd_buf_printf(b, "%s%zu", (*n)++ ? ", " : "", first);
    if (last > first)
        rd_buf_printf(b, "\xE2\x80\x93%zu", last);
}

/* 1 when a nation row of the table was checked in its main column (the table covers the
 * nation: aggregate.c), so that "not checked" is not said of it. */
static int nation_checked(const yr_table *t)
{
    for (size_t i = 0; i < t->nchecks; i++)
        if (t->checks[i].kind == YR_ROW_NATION && t->checks[i].col == t->main_col &&
            t->checks[i].checked)
            return 1;
    return 0;
}

static void aggregates(const yr_table *t, const words *w, rd_buf *b)
{
    for (int k = YR_ROW_TOTAL; k <= YR_ROW_UNDISTRIBUTED; k++) {
        size_t cnt = 0;
        for (size_t i = 0; i < t->naggr; i++)
            cnt += t->kinds[t->aggr[i]] == k;
        if (cnt == 0)
            continue;
        rd_buf_printf(b, ", %s %s ", cnt == 1 ? w->kind1[k] : w->kindn[k],
                      cnt == 1 ? w->at1 : w->atn);
        int n = 0;
        for (size_t i = 0; i < t->naggr; i++)
            if (t->kinds[t->aggr[i]] == k) {
                size_t l = yr_table_row_line(t, t->aggr[i]);
                add_range(b, l, l, &n);
            }
        int cty = t->level == YR_PLACE_COUNTY;
        if (k == YR_ROW_NATION && t->nation_have != (cty ? 21u : 290u) &&
            t->main_col != YR_READ_NONE && !nation_checked(t))
            rd_buf_printf(b, cty ? w->unchecked_cty : w->unchecked, t->nation_have);
    }
}

static void spans_of(const yr_table *t, const words *w, rd_buf *b, yr_span_kind kind,
                     const char *one, const char *many)
{
    size_t cnt = 0;
    int n = 0;
    for (size_t i = 0; i < t->nspans; i++)
        if (t->spans[i].kind == kind)
            cnt += t->spans[i].last - t->spans[i].first + 1;
    if (cnt == 0)
        return;
    rd_buf_printf(b, ", %s ", cnt == 1 ? w->line1 : w->linen);
    for (size_t i = 0; i < t->nspans; i++)
        if (t->spans[i].kind == kind)
            add_range(b, t->spans[i].first, t->spans[i].last, &n);
    rd_buf_printf(b, " %s", cnt == 1 ? one : many);
}

/* Whether the data rows are each one place of the table's level, every place once: then the
 * line counts municipalities (counties); a list of records that repeat places counts rows. */
static void places_once(const yr_table *t, int *all_mun, int *all_cty)
{
    uint8_t seen[10000 / 8 + 1] = {0}; /* SCB codes: municipalities 4 digits, counties 2 */
    for (size_t r = 0; r < t->nrows && (*all_mun || *all_cty); r++) {
        int code;
        if (t->kinds[r] != YR_ROW_DATA)
            continue;
        yr_place p = rd_place_decode(t->place[r], &code);
        *all_mun &= p == YR_PLACE_MUNICIPALITY;
        *all_cty &= p == YR_PLACE_COUNTY;
        if (code < 0 || code >= 10000 || (seen[code / 8] >> (code % 8)) & 1)
            *all_mun = *all_cty = 0;
        else
            seen[code / 8] |= (uint8_t)(1u << (code % 8));
    }
}

static void compose(const yr_table *t, const words *w, rd_buf *b)
{
    int all_mun = t->level == YR_PLACE_MUNICIPALITY, all_cty = t->level == YR_PLACE_COUNTY;
    places_once(t, &all_mun, &all_cty);
    const char *noun = all_mun   ? (t->ndata == 1 ? w->mun1 : w->muns)
                       : all_cty ? (t->ndata == 1 ? w->cty1 : w->ctys)
                                 : (t->ndata == 1 ? w->row1 : w->rows);
    rd_buf_printf(b, "%s %zu %s", w->read, t->ndata, noun);
    if (t->main_col != YR_READ_NONE)
        rd_buf_printf(b, w->from, t->header[t->main_col]);
    if (t->nsheets > 1 && t->g.fmt.sheet != NULL)
        rd_buf_printf(b, w->sheet, t->g.fmt.sheet);
    aggregates(t, w, b);
    spans_of(t, w, b, YR_SPAN_TITLE, w->title, w->title);
    spans_of(t, w, b, YR_SPAN_NOTE, w->note1, w->notes);
    if (t->other_years > 0) {
        rd_buf_printf(b, ", ");
        rd_buf_printf(b, w->other, t->other_years);
    }
    for (size_t i = 0; i < t->nspans; i++)
        if (t->spans[i].kind == YR_SPAN_IGNORED) {
            int n = 0;
            rd_buf_printf(b, ", %s ", w->line1);
            add_range(b, t->spans[i].first, t->spans[i].last, &n);
            rd_buf_printf(b, " %s", w->ignored);
        }
    if (t->g.fmt.excel_quoted)
        rd_buf_printf(b, "%s", w->guard);
}

size_t yr_table_reading(const yr_table *t, const char *lang, char *dst, size_t cap)
{
    if (t == NULL)
        return 0;
    const words *w = lang != NULL && strcmp(lang, "sv") == 0 ? &sv : &en;
    rd_buf b = {NULL, 0, 0};
    compose(t, w, &b);
    size_t n = b.p != NULL ? b.len : 0;
    if (dst != NULL && cap > 0) {
        size_t k = n < cap ? n : rd_utf8_whole(b.p, cap - 1);
        if (k > 0)
            memcpy(dst, b.p, k);
        dst[k] = '\0';
    }
    free(b.p);
    return n;
}
