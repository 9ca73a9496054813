/* Pass 5 of yr_read_table(): every wanted cell read in its column's grammar, the cells a grid
 * gave in its scratch saved, and the sums of the input columns checked against their
 * aggregates (aggregate.c). Also yr_table_column_values() and yr_table_aggregate_checks(). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"

static size_t table_line(const void *ctx, size_t row)
{
    const yr_table *t = ctx;
    return rd_rec_line(t, rd_rec(t, row));
}

static const char *table_label(const void *ctx, size_t row, char *dst, size_t cap)
{
    const yr_table *t = ctx;
    size_t col = rd_label_col(t), len;
    if (col < t->ncols && t->cols[col].role == YR_ROLE_PERSON)
        return snprintf(dst, cap, "at line %zu", table_line(t, row)), dst;
    const char *s = yr_table_cell(t, row, col, &len), *q;
    char show[96];
    size_t st;
    if (rd_trim(s, len, &st) == 0)
        return snprintf(dst, cap, "at line %zu, without a label,", table_line(t, row)), dst;
    q = rd_show(show, sizeof show, s, len, 60);
    return snprintf(dst, cap, "'%s'", q), dst;
}

static int grammar_kind(const rd_col *c)
{
    return c->wanted && c->fmt.kind != YR_KIND_TEXT && c->fmt.kind != YR_KIND_CODE;
}

static yr_read_status save_cells(yr_table *t, size_t row, const grid_cell *c, size_t n,
                                 const grid_scratch *sc, size_t *cap, yr_read_error *err)
{
    for (size_t col = 0; col < n && col < t->ncols; col++) {
        if (sc->data == NULL || c[col].s < sc->data || c[col].s >= sc->data + sc->cap)
            continue;
        if (t->nsaved == *cap) {
            size_t nc = *cap ? *cap * 2 : 64;
            rd_saved *s = realloc(t->saved, nc * sizeof *s);
            if (s == NULL)
                return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
            t->saved = s;
            *cap = nc;
        }
        rd_saved *s = &t->saved[t->nsaved++];
        s->row = (uint32_t)row;
        s->col = (uint32_t)col;
        s->off = (uint32_t)t->saved_arena.len;
        s->len = c[col].len;
        if (!rd_buf_add(&t->saved_arena, c[col].s, c[col].len))
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    }
    return YR_READ_OK;
}

/* The reason of a cell whose number format shows it divided by a power of 1000 (GRID_SCALED),
 * with the format, into @p why; NULL for another cell. */
static const char *scaled_why(const yr_table *t, size_t rec, size_t col, const grid_cell *c,
                              char *why, size_t cap)
{
    static const char *const by[] = {"", "1000", "1 000 000", "1 000 000 000"};
    int k = 0;
    const char *code = c->type == GRID_SCALED ? grid_xlsx_format(&t->g, rec, col, &k) : NULL;
    char show[96];
    if (code == NULL || k < 1)
        return NULL;
    snprintf(why, cap,
             "is shown divided by %s by its number format '%s' (sheet '%s'): the sheet shows "
             "other numbers than it holds; give the column a plain number format (no comma "
             "after the last 0 or #)",
             by[k < 4 ? k : 3], rd_show(show, sizeof show, code, strlen(code), 30),
             t->g.fmt.sheet != NULL ? t->g.fmt.sheet : "");
    return why;
}

static yr_read_status cell_error(const yr_table *t, size_t row, size_t col, const grid_cell *c,
                                 const char *why, yr_read_error *err)
{
    char where[160], show[96], scaled[600];
    size_t rec = rd_rec(t, row);
    rd_where_col(t, rec, col, where, sizeof where);
    if (scaled_why(t, rec, col, c, scaled, sizeof scaled) != NULL)
        why = scaled;
    if (t->cols[col].role == YR_ROLE_PERSON)
        rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec), "%s: the cell %s", where, why);
    else
        rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec), "%s: '%s' %s", where,
                rd_show(show, sizeof show, c->s, c->len, 40), why);
    rd_at_cell(t, err, rec, col);
    return YR_READ_ERR_CELL;
}

typedef struct sums {
    rd_acc *acc;       /* per column (only summable input or checked columns are used) */
    uint8_t *guess;    /* per column: the unlabelled-sum guess applies (add_sum) */
    int vals_summed;   /* the column pass 1 kept values of is summed (kept_row) */
    rd_pending **pend; /* per column, naggr each */
    size_t *npend;
    uint8_t *mun; /* 10000 flags: municipalities present among data rows */
    uint8_t present[RD_COUNTIES];
    uint8_t cty[RD_COUNTIES]; /* counties present among data rows (a table of counties) */
    size_t nmun, ncty;
} sums;

static int summed(const yr_table *t, size_t col)
{
    return rd_col_summed(t, col);
}

static int is_input(const yr_table *t, size_t col)
{
    return !(t->cols[col].flags & YR_WANT_CHECKED);
}

static yr_read_status add_sum(yr_table *t, sums *s, const rd_rows_ctx *rc, size_t row, size_t col,
                              yr_value v, yr_read_error *err)
{
    int code = -1, eq = 0, r;
    yr_place p = t->place != NULL ? rd_place_decode(t->place[row], &code) : YR_PLACE_OTHER;
    if (t->kinds[row] == YR_ROW_DATA) {
        int part = (t->level == YR_PLACE_MUNICIPALITY && p == YR_PLACE_MUNICIPALITY) ||
                   (t->level == YR_PLACE_COUNTY && p == YR_PLACE_COUNTY);
        r = rd_acc_data(&s->acc[col], row, v, p == YR_PLACE_MUNICIPALITY ? code : -1, part,
                        s->guess[col], &eq);
        if (r == 0 && eq) {
            rd_guess_fail(rc, &s->acc[col], row, t->header[col], err);
            rd_at_cell(t, err, rd_rec(t, row), col);
            err != NULL ? (void)(err->other_line = rc->line(t, s->acc[col].run_first)) : (void)0;
            return YR_READ_ERR_AGGREGATE;
        }
    } else if (t->kinds[row] != YR_ROW_UNDISTRIBUTED) { /* no sum of rows: not summed */
        r = rd_acc_aggregate(&s->acc[col], &s->pend[col][s->npend[col]++], row, t->kinds[row], v,
                             p == YR_PLACE_COUNTY ? code : -1);
    } else {
        r = 0;
    }
    if (r != 0)
        return rd_fail(err, YR_READ_ERR_LIMIT, table_line(t, row),
                       "column '%s': the sum of the column does not fit", t->header[col]);
    return YR_READ_OK;
}

static void count_place(yr_table *t, sums *s, size_t row);

static yr_read_status read_row(yr_table *t, sums *s, const rd_rows_ctx *rc, size_t row,
                               const grid_cell *c, size_t n, const yr_read_options *opt,
                               yr_read_error *err)
{
    char why[200];
    static const grid_cell empty = {"", 0, GRID_EMPTY, 0, 0, 0};
    for (size_t col = 0; col < t->ncols; col++) { /* every cell reads, the sums are made */
        rd_col *cl = &t->cols[col];
        const grid_cell *x = col < n ? &c[col] : &empty;
        yr_value v = {0, 0, 1};
        if (!grammar_kind(cl))
            continue;
        if (rd_read_cell(&cl->fmt, x->s, x->len, x->type, &v, why, sizeof why) != YR_READ_OK)
            return cell_error(t, row, col, x, why, err);
        if (col == t->vals_col)
            t->vals[row] = !v.present                                              ? 0
                           : v.den == 1 && v.num > INT32_MIN && v.num <= INT32_MAX ? (int32_t)v.num
                                                                                   : RD_NOVAL;
        if (summed(t, col) && (v.present || t->kinds[row] != YR_ROW_DATA)) {
            yr_read_status r = add_sum(t, s, rc, row, col, v, err);
            if (r != YR_READ_OK)
                return r;
        }
    }
    for (size_t col = 0; col < t->ncols && t->kinds[row] == YR_ROW_DATA && opt->nwant > 0;
         col++) { /* then blanks: a sum row without a label is named as such first */
        rd_col *cl = &t->cols[col];
        const grid_cell *x = col < n ? &c[col] : &empty;
        size_t st;
        if (!cl->wanted || (cl->flags & YR_WANT_BLANK_OK) ||
            (x->type != GRID_EMPTY && rd_trim(x->s, x->len, &st) > 0) ||
            (cl->fmt.kind == YR_KIND_BOOL && cl->fmt.blank_is_no))
            continue;
        return cell_error(t, row, col, x,
                          "is blank (every row of the table needs a value here; a line that is "
                          "not part of the table must not have values in the table's columns)",
                          err);
    }
    count_place(t, s, row);
    return YR_READ_OK;
}

/* The places among the data rows (a table of municipalities or counties complete?). */
static void count_place(yr_table *t, sums *s, size_t row)
{
    int code;
    if (t->place == NULL || t->kinds[row] != YR_ROW_DATA)
        return;
    yr_place p = rd_place_decode(t->place[row], &code);
    if (p == YR_PLACE_COUNTY && code > 0 && code < RD_COUNTIES && !s->cty[code]) {
        s->cty[code] = 1;
        s->ncty++;
    }
    if (p == YR_PLACE_MUNICIPALITY && code > 0 && code < 10000 && !s->mun[code]) {
        s->mun[code] = 1;
        s->nmun++;
        int county = yr_municipality_county(code);
        if (county > 0 && county < RD_COUNTIES)
            s->present[county]++;
    }
}

/* A data row whose value pass 1 kept (rd_vals_keep): its sum and place, without its cells. */
static yr_read_status kept_row(yr_table *t, sums *s, const rd_rows_ctx *rc, size_t row,
                               yr_read_error *err)
{
    yr_value v = {1, t->vals[row], 1}; /* what rd_read_cell() reads from its plain digits */
    if (s->vals_summed) {
        yr_read_status r = add_sum(t, s, rc, row, t->vals_col, v, err);
        if (r != YR_READ_OK)
            return r;
    }
    count_place(t, s, row);
    return YR_READ_OK;
}

static void sums_free(sums *s, size_t ncols)
{
    for (size_t c = 0; s->pend != NULL && c < ncols; c++)
        free(s->pend[c]);
    free(s->pend);
    free(s->npend);
    free(s->acc);
    free(s->guess);
    free(s->mun);
}

static yr_read_status sums_init(yr_table *t, sums *s, const yr_read_options *opt,
                                yr_read_error *err)
{
    memset(s, 0, sizeof *s);
    size_t nc = t->ncols ? t->ncols : 1;
    s->acc = calloc(nc, sizeof *s->acc);
    s->pend = calloc(nc, sizeof *s->pend);
    s->npend = calloc(nc, sizeof *s->npend);
    s->mun = calloc(10000, 1);
    s->guess = calloc(nc, 1);
    if (s->acc == NULL || s->pend == NULL || s->npend == NULL || s->mun == NULL || s->guess == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    s->vals_summed = t->vals_col != YR_READ_NONE && summed(t, t->vals_col);
    for (size_t c = 0; c < t->ncols; c++) {
        s->guess[c] = opt->totals != YR_TOTALS_NO_GUESS && is_input(t, c) &&
                      rd_role_guess_sum(t->cols[c].role);
        rd_acc_init(&s->acc[c], c);
        s->acc[c].blocks = t->year_col != YR_READ_NONE && t->year == 0; /* several years kept */
        if (summed(t, c) &&
            (s->pend[c] = malloc((t->naggr ? t->naggr : 1) * sizeof **s->pend)) == NULL)
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    }
    return YR_READ_OK;
}

/* After every row: the guess over all rows, and the aggregates' checks. */
static yr_read_status resolve_all(yr_table *t, sums *s, rd_rows_ctx *rc, const yr_read_options *opt,
                                  uint8_t *ignore, yr_read_error *err)
{
    rc->present_mun = s->present;
    rc->mun = s->mun;
    rc->level = t->level;
    rc->nation_complete = t->level == YR_PLACE_MUNICIPALITY
                              ? s->nmun == yr_municipality_count() && s->nmun > 0
                              : t->level == YR_PLACE_COUNTY && s->ncty == 21;
    size_t total = 0;
    for (size_t c = 0; c < t->ncols; c++)
        total += summed(t, c) ? s->npend[c] : 0;
    t->checks = malloc((total ? total : 1) * sizeof *t->checks);
    if (t->checks == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    for (size_t c = 0; c < t->ncols; c++) {
        if (!summed(t, c))
            continue;
        yr_read_status st;
        if (opt->totals != YR_TOTALS_NO_GUESS && is_input(t, c) &&
            rd_role_guess_sum(t->cols[c].role) &&
            (st = rd_guess_others(rc, &s->acc[c], t->header[c], err)) != YR_READ_OK)
            return st;
        st = rd_resolve(rc, &s->acc[c], s->pend[c], s->npend[c], is_input(t, c), opt->totals,
                        t->header[c], t->checks + t->nchecks, ignore, err);
        if (st != YR_READ_OK)
            return st;
        t->nchecks += s->npend[c];
    }
    t->nation_have = t->level == YR_PLACE_COUNTY ? s->ncty : s->nmun;
    return YR_READ_OK;
}

/* The values of the column the reading names are kept, 4 bytes a row, when they take at most a
 * quarter of the input's size (so yr_table_column_values() need not read the cells again);
 * otherwise, or without the memory, they are read again when asked for. */
void rd_vals_early(yr_table *t, size_t nrec)
{
    size_t vcol = YR_READ_NONE;
    for (size_t c = 0; c < t->ncols; c++) {
        const rd_col *cl = &t->cols[c];
        if (!grammar_kind(cl))
            continue;
        if (vcol != YR_READ_NONE ||
            (cl->fmt.kind != YR_KIND_WHOLE && cl->fmt.kind != YR_KIND_DECIMAL))
            return;
        vcol = c;
    }
    if (vcol == YR_READ_NONE || nrec > t->bytes / 16)
        return;
    t->vals = rd_alloc_rows(nrec * sizeof *t->vals, 0);
    t->vals_col = t->vals != NULL ? vcol : YR_READ_NONE;
}

void rd_vals_keep(yr_table *t, size_t row, int filled, int64_t plain)
{
    if (t->vals != NULL)
        t->vals[row] = filled && plain >= 0 && plain <= INT32_MAX ? (int32_t)plain : RD_NOVAL;
}

static void vals_open(yr_table *t)
{
    if (t->vals != NULL)
        return; /* kept by pass 1 */
    size_t col = t->main_col;
    if (col == YR_READ_NONE || !t->cols[col].wanted || t->nrows == 0 ||
        (t->cols[col].fmt.kind != YR_KIND_WHOLE && t->cols[col].fmt.kind != YR_KIND_DECIMAL) ||
        t->nrows > t->bytes / 16)
        return;
    t->vals = rd_alloc_rows(t->nrows * sizeof *t->vals, 0);
    t->vals_col = t->vals != NULL ? col : YR_READ_NONE;
}

yr_read_status rd_read_values(yr_table *t, const yr_read_options *opt, grid_cell **cells,
                              size_t *cap, grid_scratch *sc, uint8_t *ignore, yr_read_error *err)
{
    sums s;
    int kept = t->vals != NULL; /* by pass 1 (rd_vals_early) */
    vals_open(t);
    size_t scap = 0;
    rd_uniq *uq = NULL;
    yr_read_status st = sums_init(t, &s, opt, err);
    if (st == YR_READ_OK && rd_uniq_open(t, &uq) != YR_READ_OK)
        st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    rd_rows_ctx rc = {t,        table_line,   table_label,   t->nrows,
                      t->ndata, YR_READ_NONE, YR_READ_NONE,  NULL,
                      0,        NULL,         YR_PLACE_OTHER};
    kept = kept && uq == NULL && rd_plain_reads(&t->cols[t->vals_col].fmt);
    for (size_t row = 0; row < t->nrows && st == YR_READ_OK; row++) {
        if (t->kinds[row] == YR_ROW_DATA) {
            rc.first_data = rc.first_data == YR_READ_NONE ? row : rc.first_data;
            rc.last_data = row;
            if (kept && t->vals[row] != RD_NOVAL) {
                st = kept_row(t, &s, &rc, row, err);
                continue;
            }
        }
        size_t n = t->g.ops->cells(&t->g, rd_rec(t, row), *cells, *cap, sc);
        if (n > *cap) {
            grid_cell *c = realloc(*cells, n * sizeof *c);
            if (c == NULL) {
                st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
                break;
            }
            *cells = c;
            *cap = n;
            n = t->g.ops->cells(&t->g, rd_rec(t, row), *cells, *cap, sc);
        }
        st = save_cells(t, row, *cells, n, sc, &scap, err);
        if (st == YR_READ_OK)
            st = read_row(t, &s, &rc, row, *cells, n, opt, err);
        if (st == YR_READ_OK && uq != NULL && t->kinds[row] == YR_ROW_DATA)
            st = rd_uniq_add(uq, row, *cells, n, err);
    }
    if (st == YR_READ_OK)
        st = rd_uniq_flush(uq, err);
    rd_uniq_close(uq);
    if (st == YR_READ_OK)
        st = resolve_all(t, &s, &rc, opt, ignore, err);
    if (t->vals != NULL && t->vals_col != t->main_col) { /* kept by pass 1 for another column */
        free(t->vals);
        t->vals = NULL;
        t->vals_col = YR_READ_NONE;
    }
    for (size_t r = 0; ignore != NULL && t->vals != NULL && r < t->nrows; r++)
        if (ignore[r]) { /* rows are left out (rd_finish): the kept values would not follow */
            free(t->vals);
            t->vals = NULL;
            t->vals_col = YR_READ_NONE;
        }
    sums_free(&s, t->ncols);
    return st;
}

/* ------------------------------------------------------------------------ accessors */

/* The cells of row @p row into *c (grown from the caller's array @p fixed when needed). */
static size_t cells_into(const yr_table *t, size_t row, grid_cell **c, size_t *cap,
                         const grid_cell *fixed, grid_scratch *sc)
{
    size_t n = rd_row_cells(t, row, *c, *cap, sc);
    if (n > *cap) {
        grid_cell *nc = *c == fixed ? malloc(n * sizeof *nc) : realloc(*c, n * sizeof *nc);
        if (nc == NULL)
            return (size_t)-1;
        *c = nc;
        *cap = n;
        n = rd_row_cells(t, row, *c, *cap, sc);
    }
    return n;
}

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b != 0) {
        int64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

int rd_common_put(int64_t *out, size_t i, int64_t num, int64_t den, int64_t *common)
{
    if (den <= 0)
        return 0;
    if (den == 1 && *common == 1) { /* whole numbers: no division (10^6 rows, 10 ms) */
        out[i] = num;
        return 1;
    }
    int64_t m = den / gcd64(*common, den); /* the common denominator grows m times */
    if (m > 1) {
        if (*common > INT64_MAX / m)
            return 0;
        for (size_t k = 0; k < i; k++) {
            if (out[k] > INT64_MAX / m || out[k] < -(INT64_MAX / m))
                return 0;
            out[k] *= m;
        }
        *common *= m;
    }
    int64_t f = *common / den; /* no division for the common denominator */
    if (f > 1 && (num > INT64_MAX / f || num < -(INT64_MAX / f)))
        return 0;
    out[i] = num * f;
    return 1;
}

yr_read_status yr_read_common_den(const int64_t *num, const int64_t *den, size_t n, int64_t *out,
                                  int64_t *common, yr_read_error *err)
{
    if (common == NULL || (n > 0 && (num == NULL || den == NULL || out == NULL)))
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    int64_t d = 1;
    for (size_t i = 0; i < n; i++) {
        if (den[i] <= 0)
            return rd_fail(err, YR_READ_ERR_OPTION, i + 1,
                           "value %zu: the denominator %" PRId64 " is not positive", i + 1, den[i]);
        if (!rd_common_put(out, i, num[i], den[i], &d))
            return rd_fail(err, YR_READ_ERR_LIMIT, i + 1,
                           "value %zu (%" PRId64 "/%" PRId64 ") does not fit one common "
                           "denominator with the values before it in 64 bits; give the values "
                           "with fewer decimals",
                           i + 1, num[i], den[i]);
    }
    *common = d;
    return YR_READ_OK;
}

yr_read_status rd_column_values(const yr_table *t, size_t col, int64_t *out, int64_t *den,
                                yr_read_error *err)
{
    int64_t d = 1;
    grid_cell cells[64], *c = cells;
    size_t cap = 64;
    grid_scratch sc = {NULL, 0};
    yr_read_status st = YR_READ_OK;
    char why[200];
    const int32_t *kept = col == t->vals_col ? t->vals : NULL;
    for (size_t i = 0, row = 0; i < t->ndata && st == YR_READ_OK; row++) {
        if (t->kinds[row] != YR_ROW_DATA)
            continue;
        yr_value v = {1, 0, 1};
        if (kept != NULL && kept[row] != RD_NOVAL) {
            v.num = kept[row]; /* read by rd_read_values, den 1 */
        } else {
            size_t n = cells_into(t, row, &c, &cap, cells, &sc);
            if (n == (size_t)-1) {
                st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
                break;
            }
            if (col < n)
                rd_read_cell(&t->cols[col].fmt, c[col].s, c[col].len, c[col].type, &v, why,
                             sizeof why);
            if (col >= n || !v.present)
                v = (yr_value){0, 0, 1};
        }
        if (st == YR_READ_OK && !rd_common_put(out, i, v.num, v.den, &d))
            st = YR_READ_ERR_LIMIT;
        i++;
        if (st == YR_READ_ERR_LIMIT)
            rd_fail(err, st, yr_table_row_line(t, row),
                    "column '%s': the values do not fit one common denominator", t->header[col]);
    }
    free(sc.data);
    if (c != cells)
        free(c);
    if (st == YR_READ_OK)
        *den = d;
    return st;
}

yr_read_status yr_table_column_unit(const yr_table *t, size_t col, int *exp10, yr_read_error *err)
{
    if (t == NULL || exp10 == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    if (col >= t->ncols || !t->cols[col].wanted ||
        (t->cols[col].fmt.kind != YR_KIND_WHOLE && t->cols[col].fmt.kind != YR_KIND_DECIMAL))
        return rd_fail(err, YR_READ_ERR_OPTION, 0, "column %zu is no wanted column of numbers",
                       col + 1);
    grid_cell cells[64], *c = cells;
    size_t cap = 64;
    grid_scratch sc = {NULL, 0};
    int e = INT32_MAX, ce;
    yr_read_status st = YR_READ_OK;
    for (size_t row = 0; row < t->nrows && st == YR_READ_OK; row++) {
        size_t n = cells_into(t, row, &c, &cap, cells, &sc);
        if (n == (size_t)-1)
            st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        else if (col < n &&
                 rd_cell_exp10(&t->cols[col].fmt, c[col].s, c[col].len, c[col].type, &ce) == 0)
            e = ce < e ? ce : e;
    }
    if (c != cells)
        free(c);
    free(sc.data);
    *exp10 = e == INT32_MAX ? 0 : e;
    return st;
}

size_t yr_table_aggregate_checks(const yr_table *t, size_t col, yr_aggregate_check *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; t != NULL && i < t->nchecks; i++) {
        if (t->checks[i].col != col)
            continue;
        if (out != NULL && n < cap)
            out[n] = t->checks[i];
        n++;
    }
    return n;
}
