/* Aggregates are never parties (rule 4): the kinds of rows by label and by place relative to the
 * table's level, the sums an aggregate must equal, the unlabelled-sum guess, and the same rule
 * for columns already in memory (yr_read_classify()). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"

/* ------------------------------------------------------------------------ kinds */

int rd_level(const int16_t *place, const int8_t *label, size_t n)
{
    size_t nm = 0, nc = 0;
    for (size_t i = 0; place != NULL && i < n; i++) {
        if (label[i] != 0 && label[i] != YR_ROW_COUNTY)
            continue;
        int code;
        yr_place p = rd_place_decode(place[i], &code);
        nm += p == YR_PLACE_MUNICIPALITY;
        nc += p == YR_PLACE_COUNTY;
    }
    return nm ? YR_PLACE_MUNICIPALITY : nc ? YR_PLACE_COUNTY : YR_PLACE_OTHER;
}

int rd_kind_of(int label, int place_enc, int level)
{
    int code;
    yr_place p = rd_place_decode(place_enc, &code);
    if (label == YR_ROW_TOTAL || label == YR_ROW_SUBTOTAL || label == YR_ROW_UNDISTRIBUTED)
        return label;
    if (label == YR_ROW_NATION || p == YR_PLACE_NATION)
        return YR_ROW_NATION;
    if (label == YR_ROW_COUNTY || p == YR_PLACE_COUNTY)
        return level == YR_PLACE_MUNICIPALITY || level == YR_PLACE_OTHER ? YR_ROW_COUNTY
                                                                         : YR_ROW_DATA;
    return YR_ROW_DATA;
}

/* What a statistic row is and what to do, after its label (one sentence for tables and frames). */
#define STAT_SENTENCE                                                                              \
    "the row %s states a statistic of the rows (a mean, a median, a maximum, a share or a "        \
    "count) or a part of the row above (varav, därav): it is no party and no sum, and nothing "   \
    "can check it; delete the row (and any other such row) and read again"

/* A statistic row of a table (rd_label_kind() said so): an error naming it. */
static yr_read_status fail_statistic(const yr_table *t, size_t row, yr_read_error *err)
{
    grid_scratch sc;
    memset(&sc, 0, sizeof sc);
    size_t cap = t->ncols ? t->ncols : 1, n, col = t->name_col != YR_READ_NONE ? t->name_col : 0;
    grid_cell *c = malloc(cap * sizeof *c);
    n = c != NULL ? rd_row_cells(t, row, c, cap, &sc) : 0;
    if (c != NULL && n > cap) {
        grid_cell *c2 = realloc(c, n * sizeof *c);
        c = c2 != NULL ? c2 : (free(c), NULL);
        n = c != NULL ? rd_row_cells(t, row, c, n, &sc) : 0;
    }
    size_t line = rd_rec_line(t, rd_rec(t, row));
    char label[96], show[96];
    if (c == NULL || col >= n || (col < t->ncols && t->cols[col].role == YR_ROLE_PERSON))
        snprintf(label, sizeof label, "at line %zu", line);
    else
        snprintf(label, sizeof label, "'%s'", rd_show(show, sizeof show, c[col].s, c[col].len, 60));
    free(c);
    free(sc.data);
    rd_fail(err, YR_READ_ERR_AGGREGATE, line, STAT_SENTENCE, label);
    rd_at_cell(t, err, rd_rec(t, row), col < t->ncols ? col : YR_READ_NONE);
    return YR_READ_ERR_AGGREGATE;
}

int rd_col_summed(const yr_table *t, size_t col)
{
    const rd_col *c = &t->cols[col];
    return c->wanted && rd_role_summable(c->role) &&
           (c->fmt.kind == YR_KIND_WHOLE || c->fmt.kind == YR_KIND_DECIMAL);
}

/* 1 when data row @p row has a number in a cell other than its label's (an aggregate row states
 * its sums there; a record of a person has none). */
static int states_number(const yr_table *t, size_t row)
{
    grid_scratch sc;
    memset(&sc, 0, sizeof sc);
    grid_cell c[64];
    size_t n = rd_row_cells(t, row, c, 64, &sc), lc = rd_label_col(t), st;
    int num = n > 64; /* a wide row: taken as stating its sums, as before */
    for (size_t k = 0; k < n && !num; k++) {
        rd_num x;
        num = k != lc && c[k].type != GRID_EMPTY && rd_trim(c[k].s, c[k].len, &st) > 0 &&
              rd_num_parse(c[k].s, c[k].len, &x) == 0;
    }
    free(sc.data);
    return num;
}

/* Records have no aggregate rows by place: a county or the nation in the name cell is what a
 * record says (a person's organisation), a record whose name is no municipality
 * (rd_check_places: refused, or a party with other parties), never a row silently left out. A
 * row is such a record in a table of days (attendance per day and municipality: a county's
 * municipalities are spread over the days, no row can be their sum), and in a table without a
 * column of sums (no wanted role and no column that sums: a per-person list, a platform export)
 * when it states no number. Labels (Summa, Riket) keep their kind. */
static int record_by_place(const yr_table *t, const yr_read_options *opt, size_t row, int *tables)
{
    if (*tables < 0) { /* once: 1 a table of days, 2 without sums, 0 else */
        int sums = 0, days = 0;
        for (size_t k = 0; k < opt->nwant; k++)
            sums |= rd_role_summable(opt->want[k].role);
        for (size_t c = 0; c < t->ncols; c++) {
            days |= t->cols[c].role == YR_ROLE_DAY || yr_role_is_header(t->header[c], YR_ROLE_DAY);
            sums |= rd_col_summed(t, c);
        }
        *tables = days ? 1 : sums ? 0 : 2;
    }
    return *tables == 1 || (*tables == 2 && !states_number(t, row));
}

yr_read_status rd_classify_rows(yr_table *t, const yr_read_options *opt, const int8_t *label,
                                yr_read_error *err)
{
    size_t lc = t->name_col != YR_READ_NONE ? t->name_col : 0;
    int person = lc < t->ncols && t->cols[lc].role == YR_ROLE_PERSON; /* "Max" is a person */
    for (size_t r = 0; r < t->nrows && !person; r++)
        if (label[r] == RD_LABEL_STATISTIC)
            return fail_statistic(t, r, err);
    t->level = rd_level(t->place, label, t->nrows);
    t->kinds = rd_alloc_rows(t->nrows, 0);
    size_t na = 0;
    if (t->kinds == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    int tables = -1;
    for (size_t r = 0; r < t->nrows; r++) {
        int pl = t->place != NULL ? t->place[r] : -1, code;
        yr_place p = rd_place_decode(pl, &code);
        if (label[r] == 0 && (p == YR_PLACE_COUNTY || p == YR_PLACE_NATION) &&
            t->level == YR_PLACE_MUNICIPALITY && record_by_place(t, opt, r, &tables))
            pl = -1;
        int k = rd_kind_of(label[r], pl, t->level);
        t->kinds[r] = (uint8_t)k;
        na += k != YR_ROW_DATA;
    }
    t->aggr = malloc((na ? na : 1) * sizeof *t->aggr);
    if (t->aggr == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    t->naggr = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->kinds[r] != YR_ROW_DATA)
            t->aggr[t->naggr++] = (uint32_t)r;
    t->ndata = t->nrows - t->naggr;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ sums */

static int dexp_of(int64_t den)
{
    int k = 0;
    while (k < 18 && rd_pow10[k] < den)
        k++;
    return k;
}

#define I128_LIMIT ((rd_i128)1 << 120)

static int scale(rd_i128 *x, int by)
{
    for (int i = 0; i < by; i++) {
        if (*x > I128_LIMIT / 10 || *x < -(I128_LIMIT / 10))
            return -1;
        *x *= 10;
    }
    return 0;
}

/* Bring the accumulator to 10^k. */
static int acc_rescale(rd_acc *a, int k)
{
    if (k <= a->dexp)
        return 0;
    int by = k - a->dexp;
    int bad =
        scale(&a->total, by) | scale(&a->run, by) | scale(&a->nation, by) | scale(&a->max, by);
    for (int c = 0; c < RD_COUNTIES; c++)
        bad |= scale(&a->county[c], by);
    a->dexp = k;
    return bad;
}

static rd_i128 at_scale(const rd_acc *a, yr_value v)
{
    rd_i128 x = v.num;
    scale(&x, a->dexp - dexp_of(v.den));
    return x;
}

void rd_acc_init(rd_acc *a, size_t col)
{
    memset(a, 0, sizeof *a);
    a->col = col;
    a->max_row = YR_READ_NONE;
    a->run_first = YR_READ_NONE;
    a->block_first = YR_READ_NONE;
}

int rd_acc_data(rd_acc *a, size_t row, yr_value v, int mcode, int in_nation, int guess,
                int *equals_run)
{
    *equals_run = 0;
    rd_i128 x = v.num; /* a whole number into whole units: as it is */
    if (v.den != 1 || a->dexp != 0) {
        if (acc_rescale(a, dexp_of(v.den)) != 0)
            return -1;
        x = at_scale(a, v);
    }
    if (a->open_total != NULL) {
        a->open_total->next_data = row;
        a->open_total = NULL;
    }
    *equals_run = guess && a->run_n >= 2 && x == a->run && x != 0;
    if (*equals_run)
        return 0; /* the caller reports the run as it is */
    if (x > I128_LIMIT / 4 || x < -(I128_LIMIT / 4))
        return -1;
    a->total += x;
    a->run += x;
    if (a->run_n++ == 0)
        a->run_first = row;
    a->run_last = row;
    a->block += x;
    if (a->block_n++ == 0)
        a->block_first = row;
    a->block_last = row;
    a->n++;
    if (x < 0)
        a->neg = 1;
    if (a->max_row == YR_READ_NONE || x > a->max) {
        a->max = x;
        a->max_row = row;
    }
    if (mcode > 0) {
        int county = yr_municipality_county(mcode);
        if (county > 0 && county < RD_COUNTIES)
            a->county[county] += x;
    }
    if (in_nation)
        a->nation += x;
    return 0;
}

int rd_acc_aggregate(rd_acc *a, rd_pending *p, size_t row, int kind, yr_value v, int ccode)
{
    if (acc_rescale(a, dexp_of(v.den)) != 0)
        return -1;
    memset(p, 0, sizeof *p);
    p->c.row = row;
    p->c.col = a->col;
    p->c.kind = (yr_row_kind)kind;
    p->stated = at_scale(a, v);
    p->sdexp = a->dexp;
    p->present = v.present;
    p->county = ccode;
    p->before = a->total;
    p->next_data = YR_READ_NONE;
    if (kind == YR_ROW_SUBTOTAL && a->run_first != YR_READ_NONE) {
        p->sum = a->run;
        p->first = a->run_first;
        p->last = a->run_last;
        p->resolved = 1;
    } else if (kind == YR_ROW_SUBTOTAL) {
        /* no data rows since the previous aggregate ('Dalarna totalt' above its rows, 'Hela
         * länet totalt' right after a Delsumma): a total of the table, checked as one */
        p->c.kind = YR_ROW_TOTAL;
    }
    if (p->c.kind == YR_ROW_TOTAL && a->blocks && a->block_first != YR_READ_NONE) {
        p->sum = a->block; /* the total of its own block */
        p->first = a->block_first;
        p->last = a->block_last;
        p->resolved = 1;
    }
    if (p->c.kind == YR_ROW_TOTAL) {
        a->block = 0;
        a->block_n = 0;
        a->block_first = YR_READ_NONE;
    }
    a->open_total = p->c.kind == YR_ROW_TOTAL ? p : NULL;
    a->run = 0;
    a->run_n = 0;
    a->run_first = YR_READ_NONE;
    return 0;
}

/* ------------------------------------------------------------------------ messages */

/* x / 10^k exactly, without grouping. */
const char *rd_fixed(rd_i128 x, int k, char *dst, size_t cap)
{
    char digits[64];
    size_t n = 0;
    int neg = x < 0;
    rd_u128 u = neg ? (rd_u128)(-(x + 1)) + 1 : (rd_u128)x;
    do {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while ((u > 0 || n <= (size_t)k) && n < sizeof digits);
    /* trailing zeros of the fraction are dropped */
    size_t skip = 0;
    while (k > 0 && skip < (size_t)k && digits[skip] == '0')
        skip++;
    size_t o = 0;
    if (neg && o + 1 < cap)
        dst[o++] = '-';
    for (size_t i = n; i-- > skip && o + 2 < cap;) {
        dst[o++] = digits[i];
        if (i == (size_t)k && k > 0 && i > skip)
            dst[o++] = '.';
    }
    dst[o] = '\0';
    return dst;
}

static const char *kind_word(int kind)
{
    switch (kind) {
    case YR_ROW_TOTAL:
        return "total";
    case YR_ROW_SUBTOTAL:
        return "subtotal";
    case YR_ROW_COUNTY:
        return "county";
    default:
        return "nation";
    }
}

static int64_t to_i64(rd_i128 x, int by, int *bad)
{
    if (scale(&x, by) != 0 || x > INT64_MAX || x < INT64_MIN) {
        *bad = 1;
        return 0;
    }
    return (int64_t)x;
}

/* The municipalities of each county, counted once from the built-in list. */
static void county_sizes(uint8_t *sizes)
{
    memset(sizes, 0, RD_COUNTIES);
    for (size_t i = 0; i < yr_municipality_count(); i++) {
        int c = yr_municipality_county(yr_municipality_code(i));
        if (c > 0 && c < RD_COUNTIES)
            sizes[c]++;
    }
}

/* "; 1 of its 15 municipalities is not in the table: Orsa" (at most five names) into dst, for
 * a county row (county > 0) or the nation row (county 0) of a table of municipalities; "" when
 * every municipality is there or the table's are not known. */
static const char *missing_parts(const rd_rows_ctx *rc, int county, char *dst, size_t cap)
{
    size_t all = 0, miss = 0, o = 0;
    dst[0] = '\0';
    if (rc->mun == NULL || rc->level != YR_PLACE_MUNICIPALITY)
        return dst;
    char names[200] = "";
    for (size_t i = 0; i < yr_municipality_count(); i++) {
        int code = yr_municipality_code(i);
        if (county > 0 && yr_municipality_county(code) != county)
            continue;
        all++;
        if (code <= 0 || code >= 10000 || rc->mun[code])
            continue;
        if (miss++ < 5 && o < sizeof names)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", miss > 1 ? ", " : "",
                                  yr_place_name(YR_PLACE_MUNICIPALITY, code));
    }
    if (miss > 0)
        snprintf(dst, cap, "; %zu of its %zu municipalities %s not in the table: %s%s", miss, all,
                 miss == 1 ? "is" : "are", names, miss > 5 ? ", ..." : "");
    return dst;
}

static void fail_disagree(const rd_rows_ctx *rc, const rd_pending *p, int dexp, const char *colname,
                          yr_read_error *err)
{
    char label[96], a[64], b[64], miss[320];
    rc->label(rc->ctx, p->c.row, label, sizeof label);
    size_t line = rc->line(rc->ctx, p->c.row);
    rd_fixed(p->stated, p->sdexp, a, sizeof a);
    rd_fixed(p->sum, dexp, b, sizeof b);
    const char *hint = "correct the file, or leave the row out unchecked with --ignore-total-row";
    if (p->c.kind == YR_ROW_COUNTY || p->c.kind == YR_ROW_NATION)
        rd_fail(err, YR_READ_ERR_AGGREGATE, line,
                "the %s row %s says %s in column '%s', but its %s in the table add up to %s%s; "
                "add the missing rows or correct the file; if the row is no sum of this table, "
                "delete it or leave it out unchecked with --ignore-total-row",
                kind_word(p->c.kind), label, a, colname,
                rc->level == YR_PLACE_COUNTY ? "counties" : "municipalities", b,
                missing_parts(rc, p->c.kind == YR_ROW_COUNTY ? p->county : 0, miss, sizeof miss));
    else
        rd_fail(err, YR_READ_ERR_AGGREGATE, line,
                "the %s row %s says %s in column '%s', but the rows %s (lines %zu-%zu) add "
                "up to %s; %s",
                kind_word(p->c.kind), label, a, colname,
                p->c.kind != YR_ROW_TOTAL ? "since the previous sum"
                : p->resolved             ? "since the previous total"
                                          : "of the table",
                rc->line(rc->ctx, p->first), rc->line(rc->ctx, p->last), b, hint);
    if (err != NULL)
        err->other_line =
            p->first != YR_READ_NONE && p->c.kind != YR_ROW_COUNTY && p->c.kind != YR_ROW_NATION
                ? rc->line(rc->ctx, p->first)
                : 0;
}

/* A part's sum (Delsumma, 'Total översyn ...') of one row alone: as likely a row of its own
 * whose label starts with a sum's word; the error names both lines. */
static void fail_one_row_part(const rd_rows_ctx *rc, const rd_pending *p, yr_read_error *err)
{
    char label[96], above[96];
    rc->label(rc->ctx, p->c.row, label, sizeof label);
    rc->label(rc->ctx, p->first, above, sizeof above);
    size_t line = rc->line(rc->ctx, p->c.row), l1 = rc->line(rc->ctx, p->first);
    rd_fail(err, YR_READ_ERR_AGGREGATE, line,
            "the row %s reads as the sum of a part, but the part is the one row %s (line %zu): "
            "a row of its own whose name starts like a sum, or a sum of one row? Rename the row "
            "if it is a row of its own (not starting with Summa, Total, Delsumma), or delete it "
            "if it is a sum",
            label, above, l1);
    if (err != NULL)
        err->other_line = l1;
}

/* The last aggregate, a total that agrees with the rows above it but not with every row: the
 * first row below it is no part of the table (a statistic, a note with numbers); the error names
 * that row, never the total. */
static void fail_below_total(const rd_rows_ctx *rc, const rd_pending *p, const char *colname,
                             yr_read_error *err)
{
    char label[96], total[96], a[64];
    rc->label(rc->ctx, p->next_data, label, sizeof label);
    rc->label(rc->ctx, p->c.row, total, sizeof total);
    rd_fixed(p->stated, p->sdexp, a, sizeof a);
    size_t line = rc->line(rc->ctx, p->next_data), tline = rc->line(rc->ctx, p->c.row);
    rd_fail(err, YR_READ_ERR_AGGREGATE, line,
            "the row %s is below the total row %s (line %zu), which adds up the rows above it "
            "(%s in column '%s'): a row below the table's total is no part of the table; delete "
            "it, or move it above the total if it is a party",
            label, total, tline, a, colname);
    if (err != NULL)
        err->other_line = tline;
}

/* The nation row is checked when the table covers the nation: in a table of municipalities,
 * each county has a municipality or its county row in the table (289 of 290 municipalities is
 * covered, a missing one an error); a nation row above one county's municipalities is the
 * context of a regional table (SCB's 00 Riket above 20 Dalarnas län), not checked. In a table of
 * counties, all 21 counties are in it. */
static int nation_covered(const rd_rows_ctx *rc, const rd_pending *p, size_t np,
                          const uint8_t *sizes)
{
    if (rc->level != YR_PLACE_MUNICIPALITY || rc->present_mun == NULL)
        return rc->nation_complete;
    uint8_t has[RD_COUNTIES];
    memcpy(has, rc->present_mun, sizeof has);
    for (size_t i = 0; i < np; i++)
        if (p[i].c.kind == YR_ROW_COUNTY && p[i].county > 0 && p[i].county < RD_COUNTIES)
            has[p[i].county] = 1;
    for (int c = 1; c < RD_COUNTIES; c++)
        if (sizes[c] > 0 && has[c] == 0)
            return 0;
    return 1;
}

yr_read_status rd_resolve(const rd_rows_ctx *rc, const rd_acc *a, rd_pending *p, size_t np,
                          int input, yr_totals totals, const char *colname, yr_aggregate_check *out,
                          uint8_t *ignore, yr_read_error *err)
{
    uint8_t sizes[RD_COUNTIES];
    county_sizes(sizes);
    for (size_t i = 0; i < np; i++) {
        rd_pending *q = &p[i];
        int sumdexp = q->resolved ? q->sdexp : a->dexp;
        int checkable = q->present;
        if (!q->resolved) {
            if (q->c.kind == YR_ROW_TOTAL) {
                q->sum = a->total;
                q->first = rc->first_data;
                q->last = rc->last_data;
                checkable &= rc->ndata > 0;
            } else if (q->c.kind == YR_ROW_COUNTY) {
                int c = q->county; /* checked whether or not its municipalities are all here */
                checkable &= c > 0 && c < RD_COUNTIES && sizes[c] > 0;
                q->sum = c > 0 && c < RD_COUNTIES ? a->county[c] : 0;
                q->first = q->last = YR_READ_NONE;
            } else {
                checkable &= nation_covered(rc, p, np, sizes);
                q->sum = a->nation;
                q->first = q->last = YR_READ_NONE;
            }
        } else {
            checkable &= q->first != YR_READ_NONE;
        }
        /* compare at one scale */
        int d = q->sdexp > sumdexp ? q->sdexp : sumdexp;
        rd_i128 s1 = q->stated, s2 = q->sum;
        int bad = scale(&s1, d - q->sdexp) | scale(&s2, d - sumdexp);
        int agree = !bad && s1 == s2;
        int dd = a->dexp > d ? a->dexp : d;
        int ovf = 0;
        yr_aggregate_check *o = &out[i];
        *o = q->c;
        o->checked = checkable;
        o->den = rd_pow10[dd > 18 ? 18 : dd];
        o->stated = to_i64(q->stated, dd - q->sdexp, &ovf);
        o->sum = to_i64(q->sum, dd - sumdexp, &ovf);
        o->first_row = q->first;
        o->last_row = q->last;
        if (q->resolved && q->c.kind == YR_ROW_SUBTOTAL && q->first == q->last && checkable) {
            fail_one_row_part(rc, q, err); /* any column: the row's kind is in doubt */
            return YR_READ_ERR_AGGREGATE;
        }
        if (!checkable || agree || !input)
            continue;
        if (!q->resolved && q->c.kind == YR_ROW_TOTAL && q->next_data != YR_READ_NONE &&
            i + 1 == np && q->stated == q->before) {
            fail_below_total(rc, q, colname, err);
            return YR_READ_ERR_AGGREGATE;
        }
        if (totals == YR_TOTALS_IGNORE) {
            ignore[q->c.row] = 1;
            continue;
        }
        fail_disagree(rc, q, sumdexp, colname, err);
        return YR_READ_ERR_AGGREGATE;
    }
    return YR_READ_OK;
}

void rd_guess_fail(const rd_rows_ctx *rc, const rd_acc *a, size_t row, const char *colname,
                   yr_read_error *err)
{
    char label[96], v[64];
    rc->label(rc->ctx, row, label, sizeof label);
    rd_fixed(a->run, a->dexp, v, sizeof v);
    rd_fail(err, YR_READ_ERR_AGGREGATE, rc->line(rc->ctx, row),
            "the row %s is the sum of the %zu rows above it (lines %zu-%zu: %s in column "
            "'%s'), like a total row without a label; if it is a total, write Summa in it; if "
            "the numbers really are so, read with --no-total-row",
            label, a->run_n, rc->line(rc->ctx, a->run_first), rc->line(rc->ctx, a->run_last), v,
            colname);
    if (err != NULL)
        err->other_line = rc->line(rc->ctx, a->run_first);
}

yr_read_status rd_guess_others(const rd_rows_ctx *rc, const rd_acc *a, const char *colname,
                               yr_read_error *err)
{
    if (a->n < 3 || a->neg || a->max == 0 || a->max * 2 != a->total)
        return YR_READ_OK;
    char label[96], v[64];
    rc->label(rc->ctx, a->max_row, label, sizeof label);
    rd_fixed(a->max, a->dexp, v, sizeof v);
    rd_fail(err, YR_READ_ERR_AGGREGATE, rc->line(rc->ctx, a->max_row),
            "the row %s (%s in column '%s') is the sum of all the other rows, like a total "
            "row without a label; if it is a total, write Summa in it; if the numbers really "
            "are so, read with --no-total-row",
            label, v, colname);
    return YR_READ_ERR_AGGREGATE;
}

/* ------------------------------------------------------------------ frames in memory */

typedef struct frame_ctx {
    const char *const *labels;
} frame_ctx;

static size_t frame_line(const void *ctx, size_t row)
{
    (void)ctx;
    return row + 1;
}

static const char *frame_label(const void *ctx, size_t row, char *dst, size_t cap)
{
    const frame_ctx *f = ctx;
    const char *s = f->labels[row];
    char show[96];
    return snprintf(dst, cap, "'%s'", rd_show(show, sizeof show, s, strlen(s), 60)), dst;
}

static yr_read_status frame_kinds(const char *const *labels, size_t n, int16_t *place,
                                  int8_t *label, yr_row_kind *kinds, yr_read_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (labels[i] == NULL) {
            rd_fail(err, YR_READ_ERR_NULL, i + 1, "label %zu is missing", i + 1);
            return YR_READ_ERR_NULL;
        }
        size_t len = strlen(labels[i]);
        yr_place p;
        int code;
        yr_read_error e2;
        if (yr_place_of(labels[i], len, &p, &code, &e2) != YR_READ_OK) {
            rd_fail(err, YR_READ_ERR_IDENTITY, i + 1, "%s", e2.message);
            return YR_READ_ERR_IDENTITY;
        }
        place[i] = (int16_t)rd_place_encode(p, code);
        label[i] = (int8_t)rd_label_kind(labels[i], len);
        if (label[i] == RD_LABEL_STATISTIC) {
            char show[96], quoted[104];
            snprintf(quoted, sizeof quoted, "'%s'", rd_show(show, sizeof show, labels[i], len, 60));
            rd_fail(err, YR_READ_ERR_AGGREGATE, i + 1, STAT_SENTENCE, quoted);
            return YR_READ_ERR_AGGREGATE;
        }
    }
    int level = rd_level(place, label, n);
    for (size_t i = 0; i < n; i++)
        kinds[i] = (yr_row_kind)rd_kind_of(label[i], place[i], level);
    return YR_READ_OK;
}

static yr_read_status frame_column(const rd_rows_ctx *rc, const int64_t *col, size_t n,
                                   const yr_row_kind *kinds, const int16_t *place, int level,
                                   yr_totals totals, yr_read_error *err)
{
    rd_acc a;
    rd_acc_init(&a, 0);
    rd_pending *pend = malloc((n ? n : 1) * sizeof *pend);
    yr_aggregate_check *chk = malloc((n ? n : 1) * sizeof *chk);
    uint8_t *ignore = calloc(n ? n : 1, 1);
    size_t np = 0;
    yr_read_status st = YR_READ_OK;
    char name[16] = "values";
    if (pend == NULL || chk == NULL || ignore == NULL)
        st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    for (size_t i = 0; i < n && st == YR_READ_OK; i++) {
        yr_value v = {1, col[i], 1};
        int code, eq = 0;
        yr_place p = rd_place_decode(place[i], &code);
        int r;
        if (kinds[i] == YR_ROW_DATA) {
            int part = (level == YR_PLACE_MUNICIPALITY && p == YR_PLACE_MUNICIPALITY) ||
                       (level == YR_PLACE_COUNTY && p == YR_PLACE_COUNTY);
            r = rd_acc_data(&a, i, v, p == YR_PLACE_MUNICIPALITY ? code : -1, part,
                            totals != YR_TOTALS_NO_GUESS, &eq);
            if (r == 0 && eq) {
                rd_guess_fail(rc, &a, i, name, err);
                st = YR_READ_ERR_AGGREGATE;
            }
        } else if (kinds[i] != YR_ROW_UNDISTRIBUTED) {
            r = rd_acc_aggregate(&a, &pend[np++], i, kinds[i], v, p == YR_PLACE_COUNTY ? code : -1);
        } else {
            r = 0; /* the pot nobody got: no sum of rows */
        }
        if (r != 0 && st == YR_READ_OK)
            st = rd_fail(err, YR_READ_ERR_LIMIT, i + 1, "the sums do not fit");
    }
    if (st == YR_READ_OK && totals != YR_TOTALS_NO_GUESS)
        st = rd_guess_others(rc, &a, name, err);
    if (st == YR_READ_OK)
        st = rd_resolve(rc, &a, pend, np, 1, totals, name, chk, ignore, err);
    free(pend);
    free(chk);
    free(ignore);
    return st;
}

yr_read_status yr_read_classify(const char *const *labels, size_t n, const int64_t *const *cols,
                                size_t ncols, yr_totals totals, int other_parties,
                                yr_row_kind *kinds, yr_read_error *err)
{
    if ((labels == NULL || kinds == NULL) && n > 0) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    if (cols == NULL && ncols > 0) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    int16_t *place = calloc(n ? n : 1, sizeof *place);
    int8_t *label = calloc(n ? n : 1, 1);
    if (place == NULL || label == NULL) {
        free(place);
        free(label);
        rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        return YR_READ_ERR_NOMEM;
    }
    yr_read_status st = frame_kinds(labels, n, place, label, kinds, err);
    frame_ctx fc = {labels};
    uint8_t present[RD_COUNTIES] = {0};
    size_t nmun = 0, ndata = 0, first = YR_READ_NONE, last = YR_READ_NONE;
    if (st == YR_READ_OK)
        st = rd_frame_identities(labels, n, place, kinds, other_parties, present, &nmun, err);
    if (st != YR_READ_OK) { /* kinds may be unset (a statistic row stops frame_kinds) */
        free(place);
        free(label);
        return st;
    }
    for (size_t i = 0; i < n; i++)
        if (kinds[i] == YR_ROW_DATA) {
            ndata++;
            first = first == YR_READ_NONE ? i : first;
            last = i;
        }
    int level = rd_level(place, label, n);
    size_t ncty = 0;
    for (size_t i = 0; i < n; i++) {
        int code;
        if (kinds[i] == YR_ROW_DATA && rd_place_decode(place[i], &code) == YR_PLACE_COUNTY)
            ncty++;
    }
    int complete = level == YR_PLACE_MUNICIPALITY ? nmun == yr_municipality_count()
                   : level == YR_PLACE_COUNTY     ? ncty == 21
                                                  : 0;
    uint8_t *mun = calloc(10000, 1);
    for (size_t i = 0; mun != NULL && i < n; i++) {
        int code;
        if (kinds[i] == YR_ROW_DATA && rd_place_decode(place[i], &code) == YR_PLACE_MUNICIPALITY &&
            code > 0 && code < 10000)
            mun[code] = 1;
    }
    rd_rows_ctx rc = {&fc,  frame_line, frame_label, n,   ndata, first,
                      last, present,    complete,    mun, level};
    for (size_t c = 0; c < ncols && st == YR_READ_OK; c++) {
        if (cols[c] == NULL && n > 0) {
            st = rd_fail(err, YR_READ_ERR_NULL, 0, "column %zu is NULL", c);
            break;
        }
        st = frame_column(&rc, cols[c], n, kinds, place, level, totals, err);
    }
    free(mun);
    free(place);
    free(label);
    if (st == YR_READ_OK && err != NULL) {
        memset(err, 0, sizeof *err);
        err->column = YR_READ_NONE;
    }
    return st;
}

/* ------------------------------------------------------------ one number said twice */

/* Columns that state one number twice: a share beside its count and its base. */
static const struct {
    yr_read_role share, count, base;
} ratios[] = {
    {YR_ROLE_YES_SHARE, YR_ROLE_YES, YR_ROLE_RESPONDENTS},
    {YR_ROLE_PUBLISHED, YR_ROLE_ATTENDED, YR_ROLE_REGISTERED},
};

/* The decimals a share cell shows, as a share of 1 ("77 %" 2, "77,3 %" 3, "0,77" 2): an xlsx
 * number shows what its format says, taken as a whole percent at the finest. */
static int shown_decimals(const yr_table *t, size_t row, size_t col)
{
    size_t len, st;
    const char *s = yr_table_cell(t, row, col, &len);
    len = rd_trim(s, len, &st);
    s += st;
    int d = 0, after = 0, pct = t->cols[col].fmt.share_mode != 1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '%')
            pct = 1;
        if (s[i] == '.' || s[i] == ',')
            after = 1, d = 0;
        else if (s[i] >= '0' && s[i] <= '9')
            d += after;
    }
    d += pct ? 2 : 0;
    if (strcmp(t->g.fmt.format, "xlsx") == 0 && d > 2)
        d = 2;
    return d > 9 ? 9 : d;
}

/* The value of a wanted column in row @p row, or 0 when it has none. */
static int value_of(const yr_table *t, size_t row, size_t col, yr_value *v)
{
    return col != YR_READ_NONE && t->cols[col].wanted &&
           rd_cell_value(t, row, col, v) == YR_READ_OK && v->present;
}

static yr_read_status ratio_fail(const yr_table *t, size_t row, const size_t col[3], int64_t c,
                                 int64_t b, yr_read_error *err)
{
    size_t len, st, rec = rd_rec(t, row);
    const char *s = yr_table_cell(t, row, col[0], &len);
    char show[96], h[3][96];
    for (int k = 0; k < 3; k++)
        rd_show(h[k], sizeof h[k], t->header[col[k]], strlen(t->header[col[k]]), 40);
    int64_t pm = (int64_t)(((rd_i128)c * 2000 + b) / ((rd_i128)b * 2)); /* c/b in 1/1000 */
    rd_fail(err, YR_READ_ERR_CELL, rd_rec_line(t, rec),
            "column '%s' says %s, but '%s' %lld of '%s' %lld is %lld.%lld %%: the two columns "
            "state one number and disagree; correct the one that is wrong",
            h[0], rd_show(show, sizeof show, s, rd_trim(s, len, &st) + st, 40), h[1], (long long)c,
            h[2], (long long)b, (long long)(pm / 10), (long long)(pm % 10));
    rd_at_cell(t, err, rec, col[0]);
    return YR_READ_ERR_CELL;
}

/* A share column (not checked) beside its count and base must agree with count / base within
 * half a unit of the last decimal it shows, in every data row. */
yr_read_status rd_check_ratios(const yr_table *t, yr_read_error *err)
{
    for (size_t k = 0; k < sizeof ratios / sizeof ratios[0]; k++) {
        size_t col[3] = {yr_table_find_role(t, ratios[k].share),
                         yr_table_find_role(t, ratios[k].count),
                         yr_table_find_role(t, ratios[k].base)};
        if (col[0] == YR_READ_NONE || col[1] == YR_READ_NONE || col[2] == YR_READ_NONE ||
            (t->cols[col[0]].flags & YR_WANT_CHECKED))
            continue;
        for (size_t row = 0; row < t->nrows; row++) {
            yr_value s, c, b;
            if (t->kinds[row] != YR_ROW_DATA || !value_of(t, row, col[0], &s) ||
                !value_of(t, row, col[1], &c) || !value_of(t, row, col[2], &b) || c.den != 1 ||
                b.den != 1 || b.num <= 0 || b.num > 1000000000 || c.num > 1000000000)
                continue;
            rd_i128 diff = (rd_i128)c.num * s.den - (rd_i128)s.num * b.num;
            rd_i128 tol = (rd_i128)b.num * s.den;
            diff = diff < 0 ? -diff : diff;
            if (diff * 2 * rd_pow10[shown_decimals(t, row, col[0])] > tol)
                return ratio_fail(t, row, col, c.num, b.num, err);
        }
    }
    return YR_READ_OK;
}
