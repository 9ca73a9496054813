/* yr_read_table(): the passes of the interpretation over a grid, and the table's accessors.
 *
 *   1. the header and the columns' roles (columns.c);
 *   2. every record after the header: empty, note, another year's row, or a row; a row's cells
 *      are observed for the column-wide number decisions, its place (identity.h) and its label
 *      (Summa, Delsumma, Riket, ... ) noted;
 *   3. the columns' formats decided (grouping, decimal mark, share or percent);
 *   4. the rows' kinds, relative to the table's level (aggregate.c);
 *   5. every wanted cell read in its grammar; the sums of the input columns for the aggregate
 *      checks; the row keys for uniqueness (reading.c);
 *   6. the spans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "xlsx.h"

void yr_read_options_init(yr_read_options *opt)
{
    if (opt == NULL)
        return;
    memset(opt, 0, sizeof *opt);
    opt->totals = YR_TOTALS_CHECK;
}

const char *yr_read_status_name(yr_read_status st)
{
    static const char *const names[YR_READ_STATUS_COUNT] = {
        "YR_READ_OK",         "YR_READ_ERR_NULL",   "YR_READ_ERR_FORMAT",    "YR_READ_ERR_SYNTAX",
        "YR_READ_ERR_HEADER", "YR_READ_ERR_CELL",   "YR_READ_ERR_AGGREGATE", "YR_READ_ERR_IDENTITY",
        "YR_READ_ERR_LIMIT",  "YR_READ_ERR_OPTION", "YR_READ_ERR_NOMEM"};
    return (unsigned)st < YR_READ_STATUS_COUNT ? names[st] : "YR_READ_ERR_UNKNOWN";
}

const char *yr_row_kind_name(yr_row_kind k)
{
    static const char *const names[] = {"data",   "total",  "subtotal",
                                        "county", "nation", "undistributed"};
    return (unsigned)k <= YR_ROW_UNDISTRIBUTED ? names[k] : "?";
}

size_t rd_rec_line(const yr_table *t, size_t rec)
{
    return t->g.ops->line(&t->g, rec);
}

size_t rd_row_cells(const yr_table *t, size_t row, grid_cell *out, size_t cap, grid_scratch *sc)
{
    return t->g.ops->cells(&t->g, rd_rec(t, row), out, cap, sc);
}

/* ------------------------------------------------------------------------ pass 2 */

static int all_blank(const grid_cell *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c[i].type != GRID_EMPTY && !rd_is_blank(c[i].s, c[i].len))
            return 0;
    return 1;
}

static int cell_is_blank(const grid_cell *c, size_t n, size_t col)
{
    return col >= n || c[col].type == GRID_EMPTY || rd_is_blank(c[col].s, c[col].len);
}

/* A line whose one non-blank cell is a sentence (four words or more, or ending in '.' or ':'):
 * a footnote, never a row (a municipality's name is at most three words). */
static int sentence_only(const grid_cell *c, size_t n)
{
    size_t nb = 0, which = 0, st;
    for (size_t i = 0; i < n; i++)
        if (!cell_is_blank(c, n, i))
            nb++, which = i;
    if (nb != 1)
        return 0;
    size_t len = rd_trim(c[which].s, c[which].len, &st), words = 1;
    const char *s = c[which].s + st;
    for (size_t i = 1; i < len; i++)
        words += s[i] == ' ' && s[i - 1] != ' ';
    return words >= 4 || s[len - 1] == '.' || s[len - 1] == ':';
}

/* A line after the header: YR_SPAN_EMPTY, _NOTE or _DATA (a row). */
static int record_class(const yr_table *t, const grid_cell *c, size_t n)
{
    if (all_blank(c, n))
        return YR_SPAN_EMPTY;
    for (size_t i = 0; i < n; i++) {
        if (cell_is_blank(c, n, i))
            continue;
        if (rd_is_note(c[i].s, c[i].len))
            return YR_SPAN_NOTE;
        break;
    }
    if (t->ncols >= 2 && sentence_only(c, n))
        return YR_SPAN_NOTE;
    int any_role = 0, role_cell = 0;
    for (size_t col = 0; col < t->ncols; col++) {
        if (!t->cols[col].wanted)
            continue;
        any_role = 1;
        role_cell |= !cell_is_blank(c, n, col);
    }
    return any_role && !role_cell ? YR_SPAN_NOTE : YR_SPAN_DATA;
}

static yr_read_status ragged(const yr_table *t, size_t rec, const grid_cell *c, size_t n,
                             yr_read_error *err)
{
    if (t->g.fmt.format[0] != 'c') /* "csv" */
        return YR_READ_OK; /* a sheet stores no empty cells: a short row is blank at its end */
    for (size_t i = t->ncols; i < n; i++) {
        if (!cell_is_blank(c, n, i)) {
            rd_fail(err, YR_READ_ERR_SYNTAX, rd_rec_line(t, rec),
                    "this line has %zu cells, the header has %zu: a cell too many (a name "
                    "with the delimiter in it must be quoted)",
                    n, t->ncols);
            return YR_READ_ERR_SYNTAX;
        }
    }
    for (size_t i = n; i < t->ncols; i++) {
        if (t->header[i][0] != '\0') {
            rd_fail(err, YR_READ_ERR_SYNTAX, rd_rec_line(t, rec),
                    "this line has %zu cells, the header has %zu", n, t->ncols);
            return YR_READ_ERR_SYNTAX;
        }
    }
    return YR_READ_OK;
}

/* The year of a long export's row; 0 when blank. */
static yr_read_status row_year(const yr_table *t, size_t rec, const grid_cell *c, size_t n,
                               int *year, yr_read_error *err)
{
    size_t col = t->year_col;
    *year = 0;
    if (col == YR_READ_NONE || cell_is_blank(c, n, col))
        return YR_READ_OK;
    yr_value v;
    char why[200], show[96], where[160];
    if (rd_read_cell(&t->cols[col].fmt, c[col].s, c[col].len, c[col].type, &v, why, sizeof why) !=
            YR_READ_OK ||
        v.den != 1 || v.num == 0 || v.num < YR_READ_YEAR_ALL || v.num > 9999) {
        rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec), "%s: '%s' is not a year",
                rd_where_col(t, rec, col, where, sizeof where),
                rd_show(show, sizeof show, c[col].s, c[col].len, 40));
        rd_at_cell(t, err, rec, col);
        return YR_READ_ERR_CELL;
    }
    *year = (int)v.num;
    return YR_READ_OK;
}

typedef struct years {
    int y[16];
    size_t n;
    int more;
} years;

static void years_add(years *ys, int y)
{
    if (y == YR_READ_YEAR_ALL)
        return; /* a statement's summary over its years is no year to choose */
    for (size_t i = 0; i < ys->n; i++)
        if (ys->y[i] == y)
            return;
    if (ys->n < 16)
        ys->y[ys->n++] = y;
    else
        ys->more = 1;
}

static void years_list(const years *ys, char *dst, size_t cap)
{
    size_t o = 0;
    dst[0] = '\0';
    for (size_t i = 0; i < ys->n && o + 8 < cap; i++)
        o += (size_t)snprintf(dst + o, cap - o, "%s%d", i ? ", " : "", ys->y[i]);
    if (ys->more && o + 8 < cap)
        snprintf(dst + o, cap - o, ", ...");
}

/* The observation of a wanted column's cell for the column-wide decisions; *plain its value
 * when it is a plain cell (rd_plain_cell). */
static void observe(rd_colobs *o, const rd_col *col, const grid_cell *c, int64_t *plain)
{
    size_t st;
    if (c->type == GRID_EMPTY || rd_trim(c->s, c->len, &st) == 0)
        return;
    if (c->type == GRID_PERCENT) {
        o->pct++;
        return;
    }
    if (c->type != GRID_TEXT) {
        o->nopct++;
        if (!rd_plain_cell(c->s, c->len, c->type, plain))
            *plain = -1;
        return;
    }
    (void)col;
    rd_num x;
    int64_t v;
    int nd = rd_plain_digits(c->s, c->len, &v);
    if (nd > 0) { /* what rd_colobs_add counts for an integer without separators or unit */
        o->nopct++;
        o->n4[0] += nd >= 4;
        *plain = rd_plain_lead(nd, v) ? v : -1;
        return;
    }
    if (rd_num_parse(c->s, c->len, &x) == 0)
        rd_colobs_add(o, &x);
}

static int numeric_kind(yr_kind k)
{
    return k == YR_KIND_WHOLE || k == YR_KIND_DECIMAL || k == YR_KIND_SHARE || k == YR_KIND_YEAR;
}

typedef struct pass {
    grid_cell *cells;
    size_t cap;
    grid_scratch sc;
    uint8_t *rk; /* per record: its yr_span_kind */
    rd_colobs *obs;
    int8_t *label; /* per row: rd_label_kind */
    rd_uniq *uq;   /* the row keys, when they are the identity alone */
} pass;

static size_t cells_of(const yr_table *t, pass *p, size_t rec)
{
    size_t n = t->g.ops->cells(&t->g, rec, p->cells, p->cap, &p->sc);
    if (n > p->cap) {
        grid_cell *c = realloc(p->cells, n * sizeof *c);
        if (c == NULL)
            return (size_t)-1;
        p->cells = c;
        p->cap = n;
        n = t->g.ops->cells(&t->g, rec, p->cells, p->cap, &p->sc);
    }
    return n;
}

/* A code column nobody asked for (read beside the names, rule 6) counts only where its cell is
 * the code of a place: 1 when this cell is not. */
static int code_ignored(const yr_table *t, const grid_cell *x)
{
    yr_value v;
    char why[200];
    size_t st;
    if (t->cols[t->code_col].wanted)
        return 0;
    if (rd_read_cell(&t->cols[t->code_col].fmt, x->s, x->len, x->type, &v, why, sizeof why) !=
        YR_READ_OK)
        return 1;
    return yr_place_of_code((int)v.num, rd_trim(x->s, x->len, &st) <= 2 ? 2 : 4) == YR_PLACE_OTHER;
}

/* The place of a row from its code and name cells; the name key of its trimmed name cell into
 * nk[0..*nkl) (cap RD_PLACE_KEY_MIN) when the name is looked up and its key fits, else *nkl is
 * SIZE_MAX. */
static yr_read_status row_place(const yr_table *t, size_t rec, const grid_cell *c, size_t n,
                                int16_t *out, char *nk, size_t *nkl, yr_read_error *err)
{
    yr_place pc = YR_PLACE_OTHER, pn = YR_PLACE_OTHER;
    int cc = -1, cn = -1, have_code = 0;
    char show[2][96], where[160];
    if (t->code_col != YR_READ_NONE && !cell_is_blank(c, n, t->code_col) &&
        !code_ignored(t, &c[t->code_col])) {
        const grid_cell *x = &c[t->code_col];
        yr_value v;
        char why[200];
        if (rd_read_cell(&t->cols[t->code_col].fmt, x->s, x->len, x->type, &v, why, sizeof why) !=
            YR_READ_OK) {
            rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec), "%s: '%s' %s",
                    rd_where_col(t, rec, t->code_col, where, sizeof where),
                    rd_show(show[0], sizeof show[0], x->s, x->len, 40), why);
            rd_at_cell(t, err, rec, t->code_col);
            return YR_READ_ERR_CELL;
        }
        size_t st, digits = rd_trim(x->s, x->len, &st);
        pc = yr_place_of_code((int)v.num, digits <= 2 ? 2 : 4);
        cc = pc == YR_PLACE_OTHER ? -1 : (int)v.num;
        have_code = 1;
    }
    *nkl = SIZE_MAX;
    if (t->name_col != YR_READ_NONE && !cell_is_blank(c, n, t->name_col)) {
        const grid_cell *x = &c[t->name_col];
        yr_read_error e2;
        size_t st, l = rd_trim(x->s, x->len, &st);
        if (rd_place_of_key(x->s + st, l, &pn, &cn, nk, RD_PLACE_KEY_MIN, nkl, &e2) != YR_READ_OK) {
            rd_fail(err, YR_READ_ERR_IDENTITY, rd_rec_line(t, rec), "%s: %s",
                    rd_where_col(t, rec, t->name_col, where, sizeof where), e2.message);
            rd_at_cell(t, err, rec, t->name_col);
            return YR_READ_ERR_IDENTITY;
        }
        *nkl = *nkl <= RD_PLACE_KEY_MIN ? *nkl : SIZE_MAX;
        if (have_code && pn != YR_PLACE_OTHER && (pn != pc || cn != cc)) {
            const char *named = pc != YR_PLACE_OTHER ? yr_place_name(pc, cc) : NULL;
            char both[200] = "";
            if (named != NULL) /* two places: name both (Orsa with Mora's code) */
                snprintf(both, sizeof both, " (the code is %s's, the name %s's)", named,
                         yr_place_name(pn, cn) != NULL ? yr_place_name(pn, cn) : "another place");
            rd_fail(err, YR_READ_ERR_IDENTITY, rd_rec_line(t, rec),
                    "the code '%s' and the name '%s' are not the same place%s; correct one",
                    rd_show(show[0], sizeof show[0], c[t->code_col].s, c[t->code_col].len, 20),
                    rd_show(show[1], sizeof show[1], x->s, x->len, 60), both);
            rd_at_cell(t, err, rec, t->name_col);
            return YR_READ_ERR_IDENTITY;
        }
    }
    *out = (int16_t)(have_code && pc != YR_PLACE_OTHER ? rd_place_encode(pc, cc)
                                                       : rd_place_encode(pn, cn));
    return YR_READ_OK;
}

/* The label of a row: its cell in the label column (rd_label_col()), else, when that is blank,
 * its first non-blank cell of a column nobody reads. */
static int row_label(const yr_table *t, const grid_cell *c, size_t n)
{
    size_t col = rd_label_col(t);
    if (t->name_col == YR_READ_NONE && t->ncols > col && t->cols[col].wanted &&
        t->cols[col].fmt.kind != YR_KIND_TEXT)
        return 0;
    for (size_t k = 0; cell_is_blank(c, n, col) && k < n && k < t->ncols; k++)
        if (!cell_is_blank(c, n, k) && !t->cols[k].wanted)
            col = k; /* no name: a total label in an unread first column (`Summa,,5`) */
    if (cell_is_blank(c, n, col))
        return 0;
    return rd_label_kind(c[col].s, c[col].len);
}

/* A row's wanted cells observed (observe()), and its plain value kept (rd_vals_keep()). */
static void observe_row(yr_table *t, pass *p, size_t row, size_t n)
{
    int64_t plain = -1, v;
    int filled = 1;
    for (size_t col = 0; col < t->ncols; col++) {
        rd_col *cl = &t->cols[col];
        const grid_cell *c = &p->cells[col];
        size_t st0, l = col < n && c->type != GRID_EMPTY ? rd_trim(c->s, c->len, &st0) : 0;
        filled &= !cl->wanted || l > 0; /* pass 5 saves a cell unquoted into the scratch */
        filled &=
            col >= n || p->sc.data == NULL || c->s < p->sc.data || c->s >= p->sc.data + p->sc.cap;
        if (col >= n || !cl->wanted)
            continue;
        if (numeric_kind(cl->fmt.kind))
            observe(&p->obs[col], cl, c, col == t->vals_col ? &plain : &v);
        if (cl->fmt.kind == YR_KIND_BOOL && l == 1 && (c->s[st0] == 'x' || c->s[st0] == 'X'))
            cl->fmt.blank_is_no = 1;
    }
    rd_vals_keep(t, row, filled, plain);
}

/* The records of the rows listed (t->rows), once a record after the first row is not a row:
 * while every record is, the list is not kept (4 bytes a row saved). 0 on OOM. */
static int rows_list(yr_table *t, size_t row)
{
    t->rows = malloc((t->g.nrec ? t->g.nrec : 1) * sizeof *t->rows);
    for (size_t r = 0; t->rows != NULL && r < row; r++)
        t->rows[r] = (uint32_t)(t->rows_first + r);
    return t->rows != NULL;
}

/* A row of the table that the sheet hides is refused: the table would be read with rows the
 * user does not see (a filter shows 15 of 290 municipalities, and 290 are split). */
static yr_read_status hidden_row(const yr_table *t, size_t rec, yr_read_error *err)
{
    int h = t->g.ops->hidden != NULL ? t->g.ops->hidden(&t->g, rec) : 0;
    if (h == 0)
        return YR_READ_OK;
    return rd_fail(err, YR_READ_ERR_FORMAT, rd_rec_line(t, rec),
                   "row %zu of sheet '%s' is hidden%s, but it is a row of the table: every row "
                   "would be read, the hidden ones too; show all rows (%s) and delete the rows "
                   "that are not part of the table",
                   rd_rec_line(t, rec), t->g.fmt.sheet != NULL ? t->g.fmt.sheet : "",
                   h == 2 ? " (the sheet is filtered)" : "",
                   h == 2 ? "Data > Filter > Clear" : "Home > Format > Unhide rows");
}

/* A row of the table struck through (Excel's mark for a row that goes, "utgår") is refused:
 * its label or name cell struck, or every non-blank cell; so is a struck cell the reader reads
 * (a figure withdrawn, or the row: the reader cannot tell). A struck cell nobody reads, or on a
 * title or note line, is left aside. Text formats have no fonts (nor hidden rows: ops->hidden). */
static yr_read_status struck_row(const yr_table *t, size_t rec, const grid_cell *c, size_t n,
                                 yr_read_error *err)
{
    size_t lab = rd_label_col(t), filled = 0, struck = 0, first = n, read = n;
    for (size_t i = 0; t->g.ops->hidden != NULL && i < n; i++) {
        if (cell_is_blank(c, n, i))
            continue;
        filled++;
        if (!c[i].struck)
            continue;
        struck++;
        first = first == n ? i : first;
        read = read == n && i < t->ncols && t->cols[i].wanted ? i : read;
    }
    int name = lab < n && c[lab].struck && !cell_is_blank(c, n, lab);
    int row = name || (struck > 0 && struck == filled);
    if (!row && read == n)
        return YR_READ_OK;
    size_t col = name ? lab : row ? first : read;
    char ref[16], show[96];
    t->g.ops->cell_ref(&t->g, rec, col, ref);
    rd_show(show, sizeof show, c[col].s, c[col].len, 60);
    return rd_fail(err, YR_READ_ERR_FORMAT, rd_rec_line(t, rec),
                   "row %zu of sheet '%s' is struck through (cell %s '%s'%s), but it is a row of "
                   "the table: a struck row or figure would be read as any other; delete the row, "
                   "or remove the strikethrough",
                   rd_rec_line(t, rec), t->g.fmt.sheet != NULL ? t->g.fmt.sheet : "", ref, show,
                   row ? "" : ", a figure the table is read by");
}

static yr_read_status scan_records(yr_table *t, const yr_read_options *opt, pass *p,
                                   yr_read_error *err)
{
    years ys = {{0}, 0, 0};
    size_t year_rows = 0;
    for (size_t rec = t->header_rec + 1; rec < t->g.nrec; rec++) {
        size_t n = cells_of(t, p, rec);
        if (n == (size_t)-1)
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        for (size_t i = 0; i < n && !t->g.fmt.excel_quoted; i++)
            t->g.fmt.excel_quoted = p->cells[i].guarded;
        int k = record_class(t, p->cells, n);
        p->rk[rec] = (uint8_t)k;
        if (k != YR_SPAN_DATA)
            continue;
        yr_read_status st = ragged(t, rec, p->cells, n, err);
        int y = 0;
        if (st == YR_READ_OK)
            st = row_year(t, rec, p->cells, n, &y, err);
        if (st != YR_READ_OK)
            return st;
        int lk = row_label(t, p->cells, n);
        if (y != 0 && lk == 0)
            years_add(&ys, y);
        if (opt->year != 0 && y != opt->year && (y != 0 || t->year_col != YR_READ_NONE)) {
            p->rk[rec] = YR_SPAN_OTHER_YEAR;
            t->other_years++;
            continue;
        }
        year_rows += y != 0;
        if ((st = hidden_row(t, rec, err)) != YR_READ_OK)
            return st;
        if ((st = struck_row(t, rec, p->cells, n, err)) != YR_READ_OK)
            return st;
        if (t->nrows >= YR_READ_MAX_ROWS)
            return rd_fail(err, YR_READ_ERR_LIMIT, rd_rec_line(t, rec), "more than 20000000 rows");
        size_t row = t->nrows++;
        if (row == 0)
            t->rows_first = rec;
        if (t->rows == NULL && rec != t->rows_first + row && !rows_list(t, row))
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        if (t->rows != NULL)
            t->rows[row] = (uint32_t)rec;
        p->label[row] = (int8_t)lk;
        char nk[RD_PLACE_KEY_MIN];
        size_t nkl = SIZE_MAX;
        if (t->place != NULL &&
            (st = row_place(t, rec, p->cells, n, &t->place[row], nk, &nkl, err)) != YR_READ_OK)
            return st;
        if ((st = rd_uniq_add_early(p->uq, row, p->cells, n, nkl == SIZE_MAX ? NULL : nk, nkl,
                                    err)) != YR_READ_OK)
            return st;
        observe_row(t, p, row, n);
    }
    char list[160];
    years_list(&ys, list, sizeof list);
    if (opt->year != 0 && t->year_col == YR_READ_NONE) {
        rd_fail(err, YR_READ_ERR_OPTION, rd_rec_line(t, t->header_rec),
                "year %d: the table has no year column (år, year)", opt->year);
        return YR_READ_ERR_OPTION;
    }
    if (opt->year != 0 && year_rows == 0) {
        rd_fail(err, YR_READ_ERR_OPTION, rd_rec_line(t, t->header_rec),
                "year %d is not in the table (it has %s)", opt->year, list);
        return YR_READ_ERR_OPTION;
    }
    int year_wanted = t->year_col != YR_READ_NONE && t->cols[t->year_col].wanted;
    if (opt->year == 0 && ys.n >= 2 && (!year_wanted || opt->nwant == 0) && opt->nwant > 0) {
        rd_fail(err, YR_READ_ERR_OPTION, rd_rec_line(t, t->header_rec),
                "the table has the years %s in column '%s': choose one with --year", list,
                t->header[t->year_col]);
        return YR_READ_ERR_OPTION;
    }
    return YR_READ_OK;
}

/* The first non-blank cell of record @p rec, shown for a message. */
static const char *first_text(const yr_table *t, pass *p, size_t rec, char *dst, size_t cap)
{
    size_t n = cells_of(t, p, rec);
    for (size_t i = 0; n != (size_t)-1 && i < n; i++)
        if (!cell_is_blank(p->cells, n, i))
            return rd_show(dst, cap, p->cells[i].s, p->cells[i].len, 60);
    return "";
}

/* Every line accounted for (rule 3): a note ends the table. A row below a note ('Övriga
 * kommuner (ingår ej)', 'Not: preliminära siffror') is a second table or a row the note leaves
 * out or qualifies: the reader cannot tell, so it refuses, naming the note and the row (an empty
 * line alone between rows ends nothing). */
static yr_read_status rows_below_note(const yr_table *t, pass *p, yr_read_error *err)
{
    size_t note = YR_READ_NONE;
    for (size_t rec = t->header_rec + 1; rec < t->g.nrec; rec++) {
        int k = p->rk[rec];
        if (k == YR_SPAN_NOTE && note == YR_READ_NONE)
            note = rec;
        if (note == YR_READ_NONE || (k != YR_SPAN_DATA && k != YR_SPAN_OTHER_YEAR))
            continue;
        char a[96], b[96];
        first_text(t, p, note, a, sizeof a);
        first_text(t, p, rec, b, sizeof b);
        size_t nl = rd_rec_line(t, note), rl = rd_rec_line(t, rec);
        rd_fail(err, YR_READ_ERR_SYNTAX, nl,
                "the line '%s' is a note or a heading, not a row, but the table goes on below it "
                "(line %zu '%s'): rows below a note may be another table, rows left out or rows "
                "the note qualifies, and they would be read as rows of this table; delete the "
                "rows below it if they are no part of the table, else delete the line or move it "
                "below the table",
                a, rl, b);
        if (err != NULL)
            err->other_line = rl;
        return YR_READ_ERR_SYNTAX;
    }
    return YR_READ_OK;
}

/* The first cell of column @p col that shows the undecidable separator (for the message). */
static size_t first_ambiguous(yr_table *t, pass *p, size_t col, char c, int any)
{
    for (size_t row = 0; row < t->nrows; row++) {
        size_t n = cells_of(t, p, rd_rec(t, row));
        if (n == (size_t)-1 || col >= n)
            continue;
        rd_num x;
        const grid_cell *g = &p->cells[col];
        if (g->type != GRID_TEXT)
            continue;
        if (any && rd_trim(g->s, g->len, &n) > 0)
            return row;
        if (rd_num_parse(g->s, g->len, &x) == 0 && x.cat == RD_CAT_AMB && x.group == c)
            return row;
    }
    return 0;
}

static yr_read_status decide_formats(yr_table *t, pass *p, yr_read_error *err)
{
    char why[32], show[96], where[160];
    for (size_t col = 0; col < t->ncols; col++) {
        rd_col *cl = &t->cols[col];
        if (!cl->wanted || !numeric_kind(cl->fmt.kind))
            continue;
        if (rd_colfmt_decide(&cl->fmt, &p->obs[col], why, sizeof why) == YR_READ_OK)
            continue;
        int share = strcmp(why, "neither") == 0 || strcmp(why, "mix") == 0;
        char c = why[0] == '0' ? '.' : ',';
        size_t row = t->nrows ? first_ambiguous(t, p, col, c, share) : 0;
        size_t rec = t->nrows ? rd_rec(t, row) : t->header_rec;
        size_t n = cells_of(t, p, rec);
        const char *cs = n != (size_t)-1 && col < n ? p->cells[col].s : "";
        size_t cl_len = n != (size_t)-1 && col < n ? p->cells[col].len : 0;
        rd_show(show, sizeof show, cs, cl_len, 40);
        rd_where_col(t, rec, col, where, sizeof where);
        if (strcmp(why, "neither") == 0)
            rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec),
                    "%s: '%s' could be a share (0-1) or a percentage (0-100): neither the header "
                    "nor the cells say which; write the %% sign in the cells or name the column "
                    "'andel ...' (0-1) or '... (%%)' (0-100)",
                    where, show);
        else if (strcmp(why, "mix") == 0)
            rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec),
                    "%s: some cells have a %% sign and others not ('%s'); write every cell the "
                    "same way",
                    where, show);
        else
            rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec),
                    "%s: '%s' could be %s thousands or a decimal: %s", where, show,
                    c == '.' ? "'.'-grouped" : "','-grouped", rd_colfmt_doubt(why));
        rd_at_cell(t, err, rec, col);
        return YR_READ_ERR_CELL;
    }
    for (size_t col = 0; col < t->ncols; col++) /* the file's decimal mark, for output */
        if (t->cols[col].wanted && t->cols[col].fmt.decimal != 0 && t->g.fmt.decimal_mark == 0)
            t->g.fmt.decimal_mark = t->cols[col].fmt.decimal;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ the whole */

static void pass_free(pass *p)
{
    free(p->cells);
    free(p->sc.data);
    free(p->rk);
    free(p->obs);
    free(p->label);
}

static grid_cell one_cell(const yr_table *t, size_t row, size_t col);

/* 1 when @p s (@p len bytes) has a word that scales money or counts: tkr, Mkr, tusental,
 * tusentals, tusen, miljoner (case aside; words split at anything not a letter or digit). */
static int names_scale(const char *s, size_t len)
{
    static const char *const words[] = {"tkr",      "mkr",  "tusental", "tusentals", "tusen",
                                        "miljoner", "ksek", "msek",     NULL};
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z'))
            j++;
        for (int k = 0; j > i && words[k] != NULL; k++)
            if (j - i == strlen(words[k]) && rd_prefix_fold(s + i, j - i, words[k]) == j - i)
                return 1;
        i = j > i ? j : i + 1;
    }
    return 0;
}

/* Units are applied exactly or refused: a title above the table that scales its money ('Budget
 * 2024, belopp i tkr') while no money column's header says a unit would leave 850 tkr read as
 * 850 kr; an error at the title's line. */
static yr_read_status check_title_units(yr_table *t, pass *p, yr_read_error *err)
{
    int bare = 0;
    for (size_t c = 0; c < t->ncols; c++)
        bare |= t->cols[c].wanted && (t->cols[c].fmt.money || t->cols[c].fmt.count) &&
                t->cols[c].fmt.unit == RD_UNIT_NONE;
    for (size_t rec = 0; bare && rec < t->g.nrec; rec++) {
        if (rec >= t->header_rec && p->rk[rec] != YR_SPAN_NOTE)
            continue; /* the title above the header, the notes below the table */
        size_t n = cells_of(t, p, rec);
        for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
            char show[96];
            if (p->cells[i].type == GRID_EMPTY || !names_scale(p->cells[i].s, p->cells[i].len))
                continue;
            return rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, rec),
                           "the line '%s' gives a unit that no header gives: write it in the "
                           "header of the numbers ('Belopp (tkr)') or convert them to kronor, "
                           "so that it is applied",
                           rd_show(show, sizeof show, p->cells[i].s, p->cells[i].len, 60));
        }
    }
    return YR_READ_OK;
}

static yr_read_status interpret(yr_table *t, const yr_read_options *opt, yr_read_error *err)
{
    pass p;
    memset(&p, 0, sizeof p);
    uint8_t *ignore = NULL;
    yr_read_status st = rd_columns(t, opt, &p.cells, &p.cap, &p.sc, err);
    size_t nrec = t->g.nrec ? t->g.nrec : 1;
    if (st == YR_READ_OK) {
        int places = t->name_col != YR_READ_NONE || t->code_col != YR_READ_NONE;
        p.rk = rd_alloc_rows(nrec, 1);
        p.obs = calloc(t->ncols ? t->ncols : 1, sizeof *p.obs);
        p.label = rd_alloc_rows(nrec, 0);
        if (opt->totals == YR_TOTALS_IGNORE)
            ignore = calloc(nrec, 1);
        if (places)
            t->place = rd_alloc_rows(nrec * sizeof *t->place, 0);
        if (p.rk == NULL || p.obs == NULL || p.label == NULL ||
            (opt->totals == YR_TOTALS_IGNORE && ignore == NULL) || (places && t->place == NULL))
            st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    }
    if (st == YR_READ_OK) {
        for (size_t r = 0; r < t->header_rec; r++)
            p.rk[r] = YR_SPAN_TITLE;
        p.rk[t->header_rec] = YR_SPAN_HEADER;
        p.uq = rd_uniq_early(t, nrec);
        rd_vals_early(t, nrec);
        st = scan_records(t, opt, &p, err);
        if (st == YR_READ_OK)
            t->keys_unique = rd_uniq_end_early(p.uq, err, &st);
        else
            rd_uniq_close(p.uq);
        p.uq = NULL;
    }
    if (st == YR_READ_OK)
        st = rows_below_note(t, &p, err);
    if (st == YR_READ_OK)
        st = check_title_units(t, &p, err);
    if (st == YR_READ_OK)
        st = decide_formats(t, &p, err);
    if (st == YR_READ_OK)
        st = rd_classify_rows(t, opt, p.label, err);
    free(p.label); /* 1 byte a row, no longer needed */
    p.label = NULL;
    if (st == YR_READ_OK) {
        rd_choose_main(t, opt);
        st = rd_read_values(t, opt, &p.cells, &p.cap, &p.sc, ignore, err);
    }
    if (st == YR_READ_OK)
        st = rd_check_places(t, opt, err);
    if (st == YR_READ_OK)
        st = rd_finish(t, p.rk, ignore, err);
    if (st == YR_READ_OK)
        st = rd_check_unread(t, opt, err);
    free(ignore);
    pass_free(&p);
    return st;
}

static yr_read_status open_grid(const void *bytes, size_t len, const yr_read_options *opt,
                                yr_table *t, yr_read_error *err)
{
    int is_xlsx;
    yr_read_status st = grid_sniff(bytes, len, &is_xlsx, err);
    if (st != YR_READ_OK)
        return st;
    if (!is_xlsx)
        return grid_csv_open(bytes, len, opt->borrow, &t->g, err);
    return rd_open_sheet(bytes, len, opt, t, err);
}

yr_read_status yr_read_table(const void *bytes, size_t len, const yr_read_options *opt0,
                             yr_table **out, yr_read_error *err)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL || (bytes == NULL && len > 0)) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    yr_read_options defaults;
    yr_read_options_init(&defaults);
    const yr_read_options *opt = opt0 != NULL ? opt0 : &defaults;
    if ((opt->want == NULL && opt->nwant > 0) || (opt->columns == NULL && opt->ncolumns > 0) ||
        (unsigned)opt->totals > YR_TOTALS_NO_GUESS) {
        rd_fail(err, YR_READ_ERR_OPTION, 0, "invalid options (want, columns or totals)");
        return YR_READ_ERR_OPTION;
    }
    yr_table *t = calloc(1, sizeof *t);
    if (t == NULL) {
        rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        return YR_READ_ERR_NOMEM;
    }
    t->main_col = t->name_col = t->code_col = t->year_col = YR_READ_NONE;
    t->year = opt->year;
    t->bytes = len;
    t->vals_col = YR_READ_NONE;
    yr_read_status st = open_grid(bytes, len, opt, t, err);
    if (st == YR_READ_OK && t->g.nrec == 0) {
        rd_fail(err, YR_READ_ERR_HEADER, 0, "the file has no table (it is empty)");
        st = YR_READ_ERR_HEADER;
        /* the grid is freed below */
    }
    if (st == YR_READ_OK)
        st = interpret(t, opt, err);
    if (st != YR_READ_OK) {
        if (t->g.ops != NULL)
            t->g.ops->free(&t->g);
        t->g.ops = NULL;
        yr_table_free(t);
        return st;
    }
    if (err != NULL) {
        memset(err, 0, sizeof *err);
        err->column = YR_READ_NONE;
    }
    *out = t;
    return YR_READ_OK;
}

void yr_table_free(yr_table *t)
{
    if (t == NULL)
        return;
    if (t->g.ops != NULL)
        t->g.ops->free(&t->g);
    free(t->header);
    free(t->hdr_arena.p);
    free(t->cols);
    free(t->rows);
    free(t->kinds);
    free(t->aggr);
    free(t->place);
    free(t->saved_arena.p);
    free(t->saved);
    free(t->spans);
    free(t->checks);
    free(t->keys.p);
    free(t->key_off);
    free(t->vals);
    free(t);
}

/* ------------------------------------------------------------------------ accessors */

size_t yr_table_nrows(const yr_table *t)
{
    return t != NULL ? t->nrows : 0;
}

size_t yr_table_ncols(const yr_table *t)
{
    return t != NULL ? t->ncols : 0;
}

const char *yr_table_header(const yr_table *t, size_t col)
{
    return t != NULL && col < t->ncols ? t->header[col] : "";
}

yr_read_role yr_table_column_role(const yr_table *t, size_t col)
{
    return t != NULL && col < t->ncols && t->cols[col].wanted ? t->cols[col].role : YR_ROLE_NONE;
}

size_t yr_table_find_role(const yr_table *t, yr_read_role role)
{
    for (size_t c = 0; t != NULL && c < t->ncols; c++)
        if (t->cols[c].wanted && t->cols[c].role == role)
            return c;
    return YR_READ_NONE;
}

yr_row_kind yr_table_row_kind(const yr_table *t, size_t row)
{
    return t != NULL && row < t->nrows ? (yr_row_kind)t->kinds[row] : YR_ROW_DATA;
}

size_t yr_table_row_line(const yr_table *t, size_t row)
{
    return t != NULL && row < t->nrows ? rd_rec_line(t, rd_rec(t, row)) : 0;
}

size_t yr_table_ndata(const yr_table *t)
{
    return t != NULL ? t->ndata : 0;
}

size_t yr_table_data_row(const yr_table *t, size_t i)
{
    if (t == NULL || i >= t->ndata)
        return YR_READ_NONE;
    size_t r = i;
    for (size_t k = 0; k < t->naggr && t->aggr[k] <= r; k++)
        r++;
    return r;
}

const yr_read_format *yr_table_format(const yr_table *t)
{
    return t != NULL ? &t->g.fmt : NULL;
}

/* A saved copy of cell (row, col), or NULL. */
static const rd_saved *saved_cell(const yr_table *t, size_t row, size_t col)
{
    size_t lo = 0, hi = t->nsaved;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const rd_saved *s = &t->saved[mid];
        if (s->row < row || (s->row == row && s->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nsaved && t->saved[lo].row == row && t->saved[lo].col == col ? &t->saved[lo]
                                                                                : NULL;
}

/* One cell of a row with a private scratch (freed before returning: only pointers outside it
 * are returned). */
static grid_cell one_cell(const yr_table *t, size_t row, size_t col)
{
    grid_cell cells[64], *c = cells, out = {"", 0, GRID_EMPTY, 0, 0, 0};
    grid_scratch sc = {NULL, 0};
    size_t n = rd_row_cells(t, row, cells, 64, &sc);
    if (n > 64) {
        c = malloc(n * sizeof *c);
        if (c == NULL) {
            free(sc.data);
            return out;
        }
        n = rd_row_cells(t, row, c, n, &sc);
    }
    if (col < n)
        out = c[col];
    if (sc.data != NULL && out.s >= sc.data && out.s < sc.data + sc.cap) {
        const rd_saved *s = saved_cell(t, row, col);
        out.s = s != NULL ? t->saved_arena.p + s->off : "";
        out.len = s != NULL ? s->len : 0;
    }
    free(sc.data);
    if (c != cells)
        free(c);
    return out;
}

grid_cell rd_cell_at(const yr_table *t, size_t row, size_t col)
{
    return one_cell(t, row, col);
}

const char *yr_table_cell(const yr_table *t, size_t row, size_t col, size_t *len)
{
    if (len != NULL)
        *len = 0;
    if (t == NULL || row >= t->nrows || col >= t->ncols)
        return "";
    grid_cell c = one_cell(t, row, col);
    if (len != NULL)
        *len = c.len;
    return c.len ? c.s : "";
}

yr_cell_type yr_table_cell_type(const yr_table *t, size_t row, size_t col)
{
    if (t == NULL || row >= t->nrows || col >= t->ncols)
        return YR_CELL_EMPTY;
    grid_cell c = one_cell(t, row, col);
    size_t st;
    if (c.type == GRID_EMPTY || rd_trim(c.s, c.len, &st) == 0)
        return YR_CELL_EMPTY;
    switch (c.type) {
    case GRID_NUMBER:
    case GRID_PERCENT:
    case GRID_SCALED:
        return YR_CELL_NUMBER;
    case GRID_DATE:
        return YR_CELL_DATE;
    case GRID_BOOL:
        return YR_CELL_BOOL;
    case GRID_TEXT: {
        const rd_col *cl = &t->cols[col];
        if (!cl->wanted || c.quoted)
            return YR_CELL_TEXT;
        if (cl->fmt.kind == YR_KIND_DATE)
            return YR_CELL_DATE;
        if (numeric_kind(cl->fmt.kind))
            return YR_CELL_NUMBER;
        return YR_CELL_TEXT;
    }
    default:
        return YR_CELL_TEXT;
    }
}

yr_read_status rd_cell_value(const yr_table *t, size_t row, size_t col, yr_value *v)
{
    grid_cell c = one_cell(t, row, col);
    char why[200];
    return rd_read_cell(&t->cols[col].fmt, c.s, c.len, c.type, v, why, sizeof why);
}

yr_read_status yr_table_value(const yr_table *t, size_t row, size_t col, yr_value *v)
{
    if (t == NULL || v == NULL)
        return YR_READ_ERR_NULL;
    if (row >= t->nrows || col >= t->ncols || !t->cols[col].wanted)
        return YR_READ_ERR_OPTION;
    yr_kind k = t->cols[col].fmt.kind;
    if (k == YR_KIND_TEXT || k == YR_KIND_CODE)
        return YR_READ_ERR_OPTION;
    return rd_cell_value(t, row, col, v);
}

yr_read_status yr_table_column_values(const yr_table *t, size_t col, int64_t *out, int64_t *den,
                                      yr_read_error *err)
{
    if (t == NULL || den == NULL || (out == NULL && t->ndata > 0)) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    if (col >= t->ncols || !t->cols[col].wanted || t->cols[col].fmt.kind == YR_KIND_TEXT ||
        t->cols[col].fmt.kind == YR_KIND_CODE) {
        rd_fail(err, YR_READ_ERR_OPTION, 0, "column %zu is not a wanted numeric column", col);
        return YR_READ_ERR_OPTION;
    }
    return rd_column_values(t, col, out, den, err);
}
