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
    "                        närvarande), and optionally attendance_rate_published (percent,\n"
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
    const char *f;
    ycsv_table t;
    size_t c_course, c_reg, c_att, c_pub, total_row;
    double confidence;
    yr_rate total;
    size_t n;                 /* counted courses */
    int64_t sum_reg, sum_att; /* their sums */
    int overflow;             /* the registered sum does not fit */
    int64_t over[2];          /* then: the sum before and the count that did not fit */
    int64_t stated_reg, stated_att;
    int has_reg, has_att;
} att_job;

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
    cli_decimal d;
    if (pg != pa)
        return cli_fail_at(j->f, ycsv_line(&j->t, r),
                           "registered and attended must both be given or both be empty");
    /* the library's rules for one course (a negative count, attended above registered), at its
     * line; nobody registered is fine for one course (YR_ERR_EMPTY is about the total) */
    yr_rate one, total;
    yr_where w;
    yr_status st = yr_attendance_rate_where(&g, &a, 1, 0.5, &one, &total, &w);
    if (pg && st != YR_OK && st != YR_ERR_EMPTY)
        return cli_fail_lib(j->f, ycsv_line(&j->t, r), NULL, &w, NULL);
    if (a > INT64_MAX / 100)
        return cli_fail_at(j->f, ycsv_line(&j->t, r), "attended (%" PRId64 ") is too large", a);
    if (j->c_pub != YCSV_NO_COLUMN && !cli_cell_blank(&j->t, r, j->c_pub))
        return cli_cell_decimal(j->f, &j->t, r, j->c_pub, 1, &d);
    return 0;
}

static const char *pub_cell(const att_job *j, size_t r)
{
    return j->c_pub != YCSV_NO_COLUMN && r != SIZE_MAX && !cli_cell_blank(&j->t, r, j->c_pub)
               ? ycsv_cell(&j->t, r, j->c_pub)
               : "";
}

/* A block of counted courses and their rates: the rates are computed a block at a time while
 * the table is written, so memory does not grow with the rows (issue 11: at most 3x the file).
 * One spare slot: a block whose registered counts are all 0 gets a course (1, 0) appended, as
 * yr_attendance_rate() refuses a zero sum; the rates of the others do not depend on it. */
#define ATT_BLOCK 256
typedef struct att_block {
    int64_t reg[ATT_BLOCK + 1], att[ATT_BLOCK + 1];
    size_t rows[ATT_BLOCK]; /* the table row of each counted course */
    yr_rate rates[ATT_BLOCK + 1];
    size_t n, end; /* counted courses; the table row after the last one looked at */
} att_block;

/* Read the counted courses from table row @p from on (validated by read_rows) into @p b and
 * compute their rates. */
static int block_rates(const att_job *j, size_t from, att_block *b)
{
    int64_t sum = 0;
    size_t r = from;
    b->n = 0;
    for (; r < j->t.nrows && b->n < ATT_BLOCK; r++) {
        int pg, pa;
        if (r == j->total_row)
            continue;
        if (stats_cell_opt_int(j->f, &j->t, r, j->c_reg, &b->reg[b->n], &pg) != 0 ||
            stats_cell_opt_int(j->f, &j->t, r, j->c_att, &b->att[b->n], &pa) != 0)
            return CLI_EXIT_ERROR;
        if (!pg)
            continue;
        sum |= b->reg[b->n];
        b->rows[b->n++] = r;
    }
    b->end = r;
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

/* Parse and check every row with its line before calling the library; count the courses and
 * add up their counts. */
static int read_rows(att_job *j)
{
    for (size_t r = 0; r < j->t.nrows; r++) {
        int64_t g, a;
        int pg, pa;
        if (stats_cell_opt_int(j->f, &j->t, r, j->c_reg, &g, &pg) != 0 ||
            stats_cell_opt_int(j->f, &j->t, r, j->c_att, &a, &pa) != 0)
            return CLI_EXIT_ERROR;
        cli_decimal d;
        if (r == j->total_row && *pub_cell(j, r) != '\0' &&
            cli_cell_decimal(j->f, &j->t, r, j->c_pub, 1, &d) != 0)
            return CLI_EXIT_ERROR;
        if (r == j->total_row) {
            j->stated_reg = g;
            j->stated_att = a;
            j->has_reg = pg;
            j->has_att = pa;
            continue;
        }
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
static void put_check(cli_buf *out, const char *pc, const yr_rate *x, cli_buf *note)
{
    cli_buf comp;
    cli_buf_init(&comp);
    cli_decimal d = {0, 1, 0};
    int has_pub = *pc != '\0' && cli_parse_decimal(pc, &d) == CLI_NUM_OK;
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
    cli_buf *out = &s->b, note;
    att_block b = {.n = 0, .end = 0};
    size_t k = 0;
    cli_buf_init(&note);
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_SHARE,  CLI_CELL_SHARE,  CLI_CELL_SHARE,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_ATTENDANCE, types, NULL);
    for (size_t r = 0; r < j->t.nrows; r++) {
        if (r == j->total_row)
            continue;
        if (r >= b.end) {
            if (block_rates(j, r, &b) != 0) {
                cli_buf_free(&note);
                return CLI_EXIT_ERROR;
            }
            k = 0;
        }
        stats_put_field(out, ycsv_cell(&j->t, r, j->c_course));
        cli_buf_clear(&note);
        if (k < b.n && b.rows[k] == r) {
            stats_put_rate(out, &b.rates[k++]);
            put_check(out, pub_cell(j, r), &b.rates[k - 1], &note);
        } else {
            cli_buf_puts(out, ",,,,,,,,no counts: not included in the total\n");
        }
        stats_flush(s);
    }
    /* The total row: computed from the courses; the stated one, if any, is checked. */
    cli_buf_clear(&note);
    size_t tr = j->total_row;
    stats_put_field(out, tr != SIZE_MAX ? ycsv_cell(&j->t, tr, j->c_course)
                                        : yr_out_text(YR_OUT_TOTALT, s->lang));
    stats_put_rate(out, &j->total);
    if (j->has_reg && j->stated_reg != j->total.trials)
        cli_buf_printf(&note, "stated registered %" PRId64 " != sum %" PRId64, j->stated_reg,
                       j->total.trials);
    if (j->has_att && j->stated_att != j->total.successes) {
        stats_note_sep(&note);
        cli_buf_printf(&note, "stated attended %" PRId64 " != sum %" PRId64, j->stated_att,
                       j->total.successes);
    }
    put_check(out, pub_cell(j, tr), &j->total, &note);
    cli_buf_free(&note);
    stats_flush(s);
    return 0;
}

static int columns(att_job *j, const cli_common *c)
{
    int rc;
    j->c_course = stats_label_column(j->f, &j->t, c, CLI_ROLE_COURSE, &rc);
    if (rc != 0 || cli_column(j->f, &j->t, c, CLI_ROLE_REGISTERED, 1, &j->c_reg) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_ATTENDED, 1, &j->c_att) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_PUBLISHED, 0, &j->c_pub) != 0 ||
        stats_total_row(j->f, &j->t, j->c_course, &j->total_row) != 0)
        return CLI_EXIT_ERROR;
    return 0;
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
    int rc = stats_parse(argc, argv, "stats attendance", usage, NULL, 0, &o);
    if (rc >= 0)
        return rc;
    att_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.confidence = o.confidence;
    if (cli_load(o.file, &j.t) != 0)
        return CLI_EXIT_ERROR;
    rc = columns(&j, &o.common);
    if (rc == 0)
        rc = read_rows(&j);
    if (rc == 0)
        rc = total_rate(&j);
    if (rc == 0) /* every row was checked by read_rows: one pass */
        rc = stats_run(&o.common, YR_TABLE_STATS_ATTENDANCE, &j.t, 1, write_rows, &j);
    ycsv_free(&j.t);
    return rc;
}
