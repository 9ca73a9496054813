/* `yrkesresa stats attendance`: attendance rate per course and in total (SPEC §4). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cmd_stats.h"

static const char *const usage =
    "Usage: yrkesresa stats attendance FILE [--confidence 0.95]\n"
    "\n"
    "Attendance rate per course and in total, each with its Wilson interval. The total is\n"
    "sum(attended) / sum(registered), never a mean of the courses' rates.\n"
    "\n"
    "  FILE                  columns course (kurs), registered (anmälda), attended (deltagit,\n"
    "                        närvarande), and optionally attendance_rate_published_percent\n"
    "                        (the header says percent or share: 'publicerad (%)', '... andel';\n"
    "                        or --column published=HEADER); '-' = stdin\n"
    "@OPTIONS@\n"
    "\n"
    "A Totalt/Summa row is not a course: its registered and attended are compared with the sums\n"
    "and its published rate with the computed total. A course whose registered and attended\n"
    "cells are both empty is listed but not counted; one empty and one not is an error.\n"
    "A published rate is compared with attended/registered rounded half away from zero to the\n"
    "published number of decimals.\n"
    "Output: @COLUMNS:stats attendance@\n"
    "(with --lang sv: @KOLUMNER:stats attendance@)\n"
    "(check: empty when there is nothing to compare, 'ok', or what differs), then the total row.\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats attendance data/dalarna/courses-2024.csv\n";

typedef struct att_job {
    cli_input in;
    const char *f;
    size_t c_course, c_reg, c_att, c_pub, total_row; /* total_row: a table row, or SIZE_MAX */
    double confidence;
    yr_rate total;
    size_t n;                 /* counted courses */
    int64_t sum_reg, sum_att; /* their sums */
    int overflow;             /* the registered sum does not fit */
    int64_t over[2];          /* then: the sum before and the count that did not fit */
    int pub_share;            /* the published column is a share of 1 (by its header) */
} att_job;

static size_t line_of(const att_job *j, size_t row)
{
    return yr_table_row_line(j->in.t, row);
}

/* A count cell of a wanted column (the reader read it): *present 0 for a blank cell. */
static int64_t count_of(const att_job *j, size_t r, size_t col, int *present)
{
    yr_value v = {0, 0, 1};
    yr_table_value(j->in.t, r, col, &v);
    *present = v.present;
    return v.present ? v.num : 0;
}

/* The number of decimals written in a cell: the digits after its last '.' or ','. */
static unsigned written_decimals(const char *s, size_t len)
{
    size_t k = len, n = 0;
    while (k > 0 && s[k - 1] != '.' && s[k - 1] != ',')
        k--;
    for (; k > 0 && k < len && s[k] >= '0' && s[k] <= '9'; k++)
        n++;
    return (unsigned)n;
}

/* The published rate of row @p r as a percentage num / 10^scale at the decimals it was written
 * with (the reader read the value by its header's rule: `0,935` under a share header and `93,5`
 * under a percent header are both 93.5 %, to one decimal); 0 when the cell is blank or there is
 * no such column. */
static int published_of(const att_job *j, size_t r, cli_decimal *d)
{
    yr_value v = {0, 0, 1};
    size_t len;
    if (j->c_pub == YR_READ_NONE || r == SIZE_MAX ||
        yr_table_value(j->in.t, r, j->c_pub, &v) != YR_READ_OK || !v.present)
        return 0;
    const char *s = yr_table_cell(j->in.t, r, j->c_pub, &len);
    unsigned w = written_decimals(s, len);
    d->scale = j->pub_share ? (w > 2 ? w - 2 : 0) : w;
    if (w >= 10 && d->scale > 4) /* a formula's value in a workbook (0.9541666666666666): */
        d->scale = 4;            /* compared at 4 decimals of a percent, far above its error */
    if (d->scale > 16 || v.num < 0 || v.num > v.den) /* a rate of 0-100 %: fits at 16 */
        return 0;
    d->num = (int64_t)stats_div_round((cli_i128)v.num * 100 * cli_pow10(d->scale), v.den);
    return 1;
}

/* Compare a published percent (decimal) with 100 * att / reg rounded to its decimals: the
 * computed percent to @p computed, the verdict to @p note. */
static void compare_rate(cli_decimal pub, int64_t att, int64_t reg, cli_buf *computed,
                         cli_buf *note)
{
    cli_i128 want = stats_div_round((cli_i128)att * 100 * cli_pow10(pub.scale), reg);
    stats_put_scaled(computed, want, pub.scale);
    stats_note_sep(note);
    if (want == pub.num) {
        cli_buf_puts(note, "ok");
        return;
    }
    cli_buf_puts(note, "published ");
    stats_put_scaled(note, pub.num, pub.scale);
    cli_buf_puts(note, " != computed ");
    stats_put_scaled(note, want, pub.scale);
}

static int check_row(const att_job *j, size_t r, int64_t g, int64_t a, int pg, int pa)
{
    if (pg != pa)
        return cli_fail_at(j->f, line_of(j, r),
                           "registered and attended must both be given or both be empty");
    /* the library's rules for one course (a negative count, attended above registered), at its
     * line; nobody registered is fine for one course (YR_ERR_EMPTY is about the total) */
    yr_rate one, total;
    yr_where w;
    yr_status st = yr_attendance_rate_where(&g, &a, 1, 0.5, &one, &total, &w);
    if (pg && st != YR_OK && st != YR_ERR_EMPTY)
        return cli_fail_lib(j->f, line_of(j, r), NULL, &w, NULL);
    if (a > INT64_MAX / 100)
        return cli_fail_at(j->f, line_of(j, r), "attended (%" PRId64 ") is too large", a);
    return 0;
}

/* A block of counted courses and their rates: the rates are computed a block at a time while
 * the table is written, so memory does not grow with the rows (issue 11: at most 3x the file).
 * One spare slot: a block whose registered counts are all 0 gets a course (1, 0) appended, as
 * yr_attendance_rate() refuses a zero sum; the rates of the others do not depend on it. */
#define ATT_BLOCK 256
typedef struct att_block {
    int64_t reg[ATT_BLOCK + 1], att[ATT_BLOCK + 1];
    size_t rows[ATT_BLOCK]; /* the data row index of each counted course */
    yr_rate rates[ATT_BLOCK + 1];
    size_t n, end; /* counted courses; the data row after the last one looked at */
} att_block;

/* Read the counted courses from data row @p from on (validated by read_rows) into @p b and
 * compute their rates. */
static int block_rates(const att_job *j, size_t from, att_block *b)
{
    int64_t sum = 0;
    size_t i = from, nd = yr_table_ndata(j->in.t);
    b->n = 0;
    for (; i < nd && b->n < ATT_BLOCK; i++) {
        int pg, pa;
        size_t r = yr_table_data_row(j->in.t, i);
        b->reg[b->n] = count_of(j, r, j->c_reg, &pg);
        b->att[b->n] = count_of(j, r, j->c_att, &pa);
        if (!pg)
            continue;
        sum |= b->reg[b->n];
        b->rows[b->n++] = i;
    }
    b->end = i;
    if (b->n == 0)
        return 0;
    size_t n = b->n;
    if (sum == 0) {
        b->reg[n] = 1;
        b->att[n++] = 0;
    }
    yr_rate total;
    yr_where w;
    yr_status st = yr_attendance_rate_where(b->reg, b->att, n, j->confidence, b->rates, &total, &w);
    return st == YR_OK ? 0 : cli_fail_lib(j->f, 0, NULL, &w, NULL);
}

/* Check every course with its line before calling the library; count the courses and add up
 * their counts. */
static int read_rows(att_job *j)
{
    for (size_t i = 0; i < yr_table_ndata(j->in.t); i++) {
        size_t r = yr_table_data_row(j->in.t, i);
        int pg, pa;
        int64_t g = count_of(j, r, j->c_reg, &pg), a = count_of(j, r, j->c_att, &pa);
        if (check_row(j, r, g, a, pg, pa) != 0)
            return CLI_EXIT_ERROR;
        if (!pg)
            continue;                                     /* listed, not counted */
        if (!j->overflow && g > INT64_MAX - j->sum_reg) { /* the library says so: total_rate */
            j->overflow = 1;
            j->over[0] = j->sum_reg;
            j->over[1] = g;
        }
        if (!j->overflow) { /* attended <= registered: its sum fits when this one does */
            j->sum_reg += g;
            j->sum_att += a;
        }
        j->n++;
    }
    if (j->n == 0)
        return cli_fail_at(j->f, 0, "no course with registered and attended counts");
    return 0;
}

/* The published, computed and check cells of a counted row (or the total). */
static void put_check(cli_buf *out, const att_job *j, size_t r, const yr_rate *x, cli_buf *note)
{
    cli_buf comp;
    cli_buf_init(&comp);
    cli_decimal d = {0, 1, 0};
    int has_pub = published_of(j, r, &d);
    if (has_pub)
        stats_put_scaled(out, d.num, d.scale);
    if (x->trials == 0) {
        stats_note_sep(note);
        cli_buf_puts(note, "nobody registered");
    } else if (has_pub) {
        compare_rate(d, x->successes, x->trials, &comp, note);
    } else {
        stats_put_scaled(&comp, stats_div_round((cli_i128)x->successes * 1000, x->trials), 1);
    }
    cli_buf_printf(out, ",%s,", cli_buf_str(&comp));
    stats_put_field(out, cli_buf_str(note));
    cli_buf_puts(out, "\n");
    cli_buf_free(&comp);
}

static int write_rows(void *ctx, stats_out *s)
{
    const att_job *j = ctx;
    cli_buf *out = &s->b, note, cell;
    att_block b = {.n = 0, .end = 0};
    size_t k = 0;
    cli_buf_init(&note);
    cli_buf_init(&cell);
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_SHARE,  CLI_CELL_SHARE,  CLI_CELL_SHARE,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_ATTENDANCE, types, NULL);
    for (size_t i = 0; i < yr_table_ndata(j->in.t); i++) {
        if (i >= b.end) {
            if (block_rates(j, i, &b) != 0) {
                cli_buf_free(&note);
                cli_buf_free(&cell);
                return CLI_EXIT_ERROR;
            }
            k = 0;
        }
        size_t r = yr_table_data_row(j->in.t, i);
        stats_put_field(out, cli_read_cell(j->in.t, r, j->c_course, &cell));
        cli_buf_clear(&note);
        if (k < b.n && b.rows[k] == i) {
            stats_put_rate(out, &b.rates[k++]);
            put_check(out, j, r, &b.rates[k - 1], &note);
        } else {
            cli_buf_puts(out, ",,,,,,,,no counts: not included in the total\n");
        }
        stats_flush(s);
    }
    /* The total row: computed from the courses (a stated total that disagrees is the reader's
     * error); its published rate is checked. */
    cli_buf_clear(&note);
    size_t tr = j->total_row;
    stats_put_field(out, tr != SIZE_MAX ? cli_read_cell(j->in.t, tr, j->c_course, &cell)
                                        : yr_out_text(YR_OUT_TOTALT, s->lang));
    stats_put_rate(out, &j->total);
    put_check(out, j, tr, &j->total, &note);
    cli_buf_free(&note);
    cli_buf_free(&cell);
    stats_flush(s);
    return 0;
}

/* The request: courses, their counts (both blank: listed, not counted), the published rate
 * (share or percent by its header or a % sign; checked, never summed). */
static int read_courses(att_job *j, const char *path, const cli_common *c, const cli_read_opts *r)
{
    const yr_read_want want[] = {{YR_ROLE_REGISTERED, YR_WANT_REQUIRED | YR_WANT_BLANK_OK},
                                 {YR_ROLE_ATTENDED, YR_WANT_REQUIRED | YR_WANT_BLANK_OK},
                                 {YR_ROLE_COURSE, 0u},
                                 {YR_ROLE_PUBLISHED, YR_WANT_BLANK_OK | YR_WANT_CHECKED}};
    if (cli_read(path, c, r, want, 4, &j->in) != 0)
        return CLI_EXIT_ERROR;
    j->c_course = yr_table_label_column(j->in.t); /* the course column, else the first */
    j->c_reg = yr_table_find_role(j->in.t, YR_ROLE_REGISTERED);
    j->c_att = yr_table_find_role(j->in.t, YR_ROLE_ATTENDED);
    j->c_pub = yr_table_find_role(j->in.t, YR_ROLE_PUBLISHED);
    yr_value one;
    yr_read_error e; /* a header that says neither: the cells' % signs say percent */
    j->pub_share = j->c_pub != YR_READ_NONE &&
                   yr_read_value("1", YR_KIND_SHARE, yr_table_header(j->in.t, j->c_pub), "", &one,
                                 &e) == YR_READ_OK &&
                   one.num == one.den;
    return cli_read_total_row(&j->in, 0, &j->total_row);
}

/* The total rate: yr_attendance_rate() on the sums (its checks in its order: the confidence,
 * then the sum, then a zero sum). The courses' rates come block by block (block_rates). */
static int total_rate(att_job *j)
{
    /* the sums, or when they do not fit the two counts whose sum does not */
    int64_t reg[2] = {j->sum_reg, 0}, att[2] = {j->sum_att, 0};
    if (j->overflow) {
        reg[0] = j->over[0];
        reg[1] = j->over[1];
        att[0] = 0;
    }
    yr_rate rates[2];
    yr_where w;
    yr_status st = yr_attendance_rate_where(reg, att, j->overflow ? 2 : 1, j->confidence, rates,
                                            &j->total, &w);
    return st == YR_OK ? 0 : cli_fail_lib(j->f, 0, NULL, &w, NULL);
}

int stats_attendance(int argc, char **argv)
{
    stats_opts o;
    cli_read_opts r;
    cli_option extra[CLI_READ_NOPTS];
    int rc = stats_parse_read(argc, argv, "stats attendance", usage, extra, 0, &r, &o);
    if (rc >= 0)
        return rc;
    att_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.confidence = o.confidence;
    int quiet = r.quiet;
    r.quiet = 1; /* the reading line once every row is known good */
    rc = read_courses(&j, o.file, &o.common, &r);
    if (rc == 0)
        rc = read_rows(&j);
    if (rc == 0)
        rc = total_rate(&j);
    cli_dialect d = cli_read_dialect(j.in.t);
    if (rc == 0) /* every row was checked by read_rows: one pass */
        rc = stats_run_dialect(&o.common, YR_TABLE_STATS_ATTENDANCE, &d, 1, write_rows, &j,
                               quiet ? NULL : &j.in);
    cli_input_free(&j.in);
    return rc;
}
