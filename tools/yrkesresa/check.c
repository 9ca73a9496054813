/* The one totals check of the yrkesresa program, behind `pot --check` and `stats check` (see
 * cli_check_totals in cli.h): difference = sum - stated, as in `audit`. The table is read by
 * libyrkesresa-read (cli_read): the total row and the other aggregates (Delsumma, Summa X, a
 * county, Riket) are its row kinds, so no aggregate is ever added into a sum; every cell is
 * read in the one number grammar. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"

/* What a column is: checked (whole numbers of either sign: a net is often negative), or why
 * not. */
typedef enum col_kind {
    COL_INT,
    COL_NO_TOTAL,
    COL_DECIMAL,
    COL_TEXT,
    COL_EMPTY,
    COL_SHARE
} col_kind;

static const char *const skipped[] = {"",
                                      "",
                                      "skipped: not whole numbers",
                                      "skipped: text",
                                      "skipped: empty",
                                      "skipped: a share or percent does not add up"};

typedef struct check_job {
    cli_input in;
    const char *file;
    size_t total, label, nd; /* the total row, the label column, the data rows */
    col_kind *kind;
    size_t *cols, n; /* the whole-number columns (checked or without a total) */
    size_t nund;     /* the pot table's undistributed checks (0, 1 or 2) */
    int64_t und_sum[2], und_stated[2];
    int64_t *cells, *stated, *sums; /* cells: nd x n, row-major */
    unsigned char *present;         /* scratch: nd */
    int64_t *vals;                  /* scratch: nd */
    int quiet;                      /* --quiet: no reading line */
} check_job;

/* Cell (@p row, @p col) read as a whole number under its header: 1 and *v, 0 when it is blank
 * or not a whole number. */
static int int_cell(const check_job *j, size_t row, size_t col, int64_t *v)
{
    size_t len;
    const char *s = yr_table_cell(j->in.t, row, col, &len);
    char buf[128];
    yr_value x;
    yr_read_error e;
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (yr_read_value(buf, YR_KIND_INTEGER, yr_table_header(j->in.t, col), "", &x, &e) !=
        YR_READ_OK)
        return 0;
    *v = x.num;
    return 1;
}

/* The total row's cell of column @p col (int_cell()): 0 when the column has no stated total. */
static int stated_cell(const check_job *j, size_t col, int64_t *v)
{
    return int_cell(j, j->total, col, v);
}

/* The kind of column @p col: its data rows read as whole numbers (j->vals), else as decimals,
 * else text. A column of whole numbers with a stated total and a few cells that do not read
 * (no more than those that do) is an error at the first such cell, in the reader's words. */
static int classify(check_job *j, size_t col, col_kind *k)
{
    int64_t den, v;
    yr_read_error e, e2;
    size_t filled = 0, whole = 0;
    if (cli_read_says_share(yr_table_header(j->in.t, col))) {
        *k = COL_SHARE; /* 33 + 33 + 33 % against 100 % is rounding, not a mismatch */
        return 0;
    }
    if (cli_read_try_column(&j->in, col, YR_KIND_INTEGER, j->vals, j->present, &den, &e) ==
        YR_READ_OK) {
        for (size_t i = 0; i < j->nd; i++)
            filled += j->present[i];
        *k = filled == 0 ? COL_EMPTY : stated_cell(j, col, &v) ? COL_INT : COL_NO_TOTAL;
        return 0;
    }
    if (e.status == YR_READ_ERR_NOMEM)
        return cli_read_fail(j->file, &e);
    if (cli_read_try_column(&j->in, col, YR_KIND_DECIMAL, j->vals, NULL, &den, &e2) == YR_READ_OK) {
        *k = COL_DECIMAL;
        return 0;
    }
    for (size_t i = 0; i < j->nd; i++) { /* how many cells alone read as whole numbers */
        size_t len, row = yr_table_data_row(j->in.t, i);
        const char *s = yr_table_cell(j->in.t, row, col, &len);
        char buf[64];
        yr_value x;
        if (len == 0 || len >= sizeof buf)
            continue;
        memcpy(buf, s, len);
        buf[len] = '\0';
        filled++;
        whole += yr_read_value(buf, YR_KIND_INTEGER, yr_table_header(j->in.t, col), "", &x, &e2) ==
                 YR_READ_OK;
    }
    if (stated_cell(j, col, &v) && whole > 0 && filled - whole <= whole)
        return cli_read_fail(j->file, &e);
    *k = COL_TEXT;
    return 0;
}

/* sum,stated,difference,status of one result row. */
static void verdict(cli_out *o, int64_t sum, int64_t stated, size_t *bad)
{
    cli_buf d;
    cli_buf_init(&d);
    cli_buf_i128(&d, (cli_i128)sum - stated);
    cli_out_int(o, sum);
    cli_out_int(o, stated);
    cli_out_num(o, cli_buf_str(&d));
    cli_out_name(o, sum == stated ? YR_OUT_V_OK : YR_OUT_V_MISMATCH);
    *bad += sum != stated;
    cli_buf_free(&d);
}

/* One result row: column,sum,stated,difference,status. */
static void result_row(cli_out *o, const check_job *j, size_t c, size_t k, size_t *bad)
{
    cli_out_text(o, yr_table_header(j->in.t, c));
    if (j->kind[c] != COL_INT && j->kind[c] != COL_NO_TOTAL) {
        for (int e = 0; e < 3; e++)
            cli_out_empty(o);
        cli_out_text(o, skipped[j->kind[c]]);
    } else if (j->kind[c] == COL_NO_TOTAL) {
        cli_out_int(o, j->sums[k]);
        cli_out_empty(o);
        cli_out_empty(o);
        cli_out_name(o, YR_OUT_V_NO_STATED_TOTAL);
    } else {
        verdict(o, j->sums[k], j->stated[k], bad);
    }
    cli_out_end_row(o);
}

static int write_check(const check_job *j, const cli_common *c, size_t *bad)
{
    cli_out o;
    cli_dialect d = cli_read_dialect(j->in.t);
    if (!j->quiet)
        cli_read_report(&j->in, c->out.lang);
    if (cli_out_open_dialect(&o, &c->out, YR_TABLE_STATS_CHECK, &d) != 0)
        return CLI_EXIT_ERROR;
    yr_out_name head[5];
    size_t nhead = yr_out_table_columns(YR_TABLE_STATS_CHECK, head, 5);
    for (size_t k = 0; k < nhead; k++)
        cli_out_name(&o, head[k]);
    cli_out_end_row(&o);
    for (size_t col = 0, k = 0; col < yr_table_ncols(j->in.t); col++) {
        if (col == j->label)
            continue;
        result_row(&o, j, col, k, bad);
        k += j->kind[col] == COL_INT || j->kind[col] == COL_NO_TOTAL;
    }
    for (size_t u = 0; u < j->nund; u++) { /* undistributed; undistributed: DAY */
        cli_buf name;
        cli_buf_init(&name);
        cli_buf_printf(&name, "%s%s", yr_out_text(YR_OUT_UNDISTRIBUTED, o.lang),
                       u == 0 ? "" : ": DAY");
        cli_out_text(&o, cli_buf_str(&name));
        verdict(&o, j->und_sum[u], j->und_stated[u], bad);
        cli_out_end_row(&o);
        cli_buf_free(&name);
    }
    return cli_out_close(&o);
}

/* The whole-number columns' cells (blank = 0) and stated totals. */
static int read_cells(check_job *j)
{
    size_t n = j->n ? j->n : 1;
    if (j->nd > SIZE_MAX / sizeof(int64_t) / n)
        return cli_fail_at(j->file, 0, "out of memory");
    j->cells = malloc((j->nd ? j->nd : 1) * n * sizeof *j->cells);
    j->stated = calloc(n, sizeof *j->stated);
    j->sums = malloc(n * sizeof *j->sums);
    if (j->cells == NULL || j->stated == NULL || j->sums == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    for (size_t k = 0; k < j->n; k++) {
        int64_t den;
        yr_read_error e;
        stated_cell(j, j->cols[k], &j->stated[k]);
        if (cli_read_try_column(&j->in, j->cols[k], YR_KIND_INTEGER, j->vals, NULL, &den, &e) !=
            YR_READ_OK)
            return cli_read_fail(j->file, &e);
        for (size_t i = 0; i < j->nd; i++)
            j->cells[i * j->n + k] = j->vals[i];
    }
    return 0;
}

/* The column of the pot table named @p name (in either language), or SIZE_MAX. */
static size_t pot_column(const check_job *j, yr_out_name name)
{
    for (size_t c = 0; c < yr_table_ncols(j->in.t); c++)
        if (yr_out_name_find(yr_table_header(j->in.t, c), YR_OUT_COLUMN) == name)
            return c;
    return SIZE_MAX;
}

/* The pot table's undistributed rows (the reader's ::YR_ROW_UNDISTRIBUTED: `yrkesresa pot`'s
 * own output read back), checked as yrkesresa/pot.h says, by yr_check_totals: pot_in of the
 * total row minus its kickback is the `undistributed` row's kickback, and the `undistributed:
 * DAY` rows add up to it. @p v: nrows scratch. */
static int check_undistributed(check_job *j, int64_t *v)
{
    size_t pc = pot_column(j, YR_OUT_POT_IN), kc = pot_column(j, YR_OUT_KICKBACK);
    size_t und = SIZE_MAX, ndays = 0, mism;
    int64_t total[2], k;
    for (size_t r = 0; r < yr_table_nrows(j->in.t); r++) {
        if (yr_table_row_kind(j->in.t, r) != YR_ROW_UNDISTRIBUTED)
            continue;
        size_t len;
        const char *label = yr_table_cell(j->in.t, r, j->label, &len);
        int day = memchr(label, ':', len) != NULL;
        if (pc == SIZE_MAX || kc == SIZE_MAX || !int_cell(j, r, kc, day ? &v[ndays] : &k))
            return cli_fail_at(j->file, yr_table_row_line(j->in.t, r),
                               "an undistributed row of a pot table without a whole number in "
                               "its kickback column, or no pot_in column to check it against: "
                               "check the table 'yrkesresa pot' wrote, unchanged");
        ndays += day;
        und = day ? und : r;
    }
    if (und == SIZE_MAX)
        return 0;
    int_cell(j, und, kc, &j->und_stated[0]);
    j->und_stated[1] = j->und_stated[0];
    if (!int_cell(j, j->total, pc, &total[0]) || !int_cell(j, j->total, kc, &k) || k == INT64_MIN)
        return cli_fail_at(j->file, yr_table_row_line(j->in.t, j->total),
                           "the total row has no pot_in or kickback to check the undistributed "
                           "row against");
    total[1] = -k;
    if (yr_check_totals(total, 2, 1, &j->und_stated[0], &j->und_sum[0], &mism) != YR_OK ||
        (ndays > 0 &&
         yr_check_totals(v, ndays, 1, &j->und_stated[1], &j->und_sum[1], &mism) != YR_OK))
        return cli_fail_at(j->file, yr_table_row_line(j->in.t, und), "the sums do not fit");
    j->nund = ndays > 0 ? 2 : 1;
    return 0;
}

static int run_check(check_job *j, const cli_common *c, size_t *bad)
{
    size_t nc = yr_table_ncols(j->in.t);
    j->kind = calloc(nc ? nc : 1, sizeof *j->kind);
    j->cols = malloc((nc ? nc : 1) * sizeof *j->cols);
    j->present = malloc(j->nd ? j->nd : 1);
    j->vals = malloc((j->nd ? j->nd : 1) * sizeof *j->vals);
    if (j->kind == NULL || j->cols == NULL || j->present == NULL || j->vals == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    for (size_t col = 0; col < nc; col++) {
        if (col == j->label)
            continue;
        if (classify(j, col, &j->kind[col]) != 0)
            return CLI_EXIT_ERROR;
        if (j->kind[col] == COL_INT || j->kind[col] == COL_NO_TOTAL)
            j->cols[j->n++] = col;
    }
    if (j->n == 0)
        return cli_fail_at(j->file, yr_table_row_line(j->in.t, j->total),
                           "no column of whole numbers to check");
    int64_t *scratch = malloc((yr_table_nrows(j->in.t) + 1) * sizeof *scratch);
    int rc = scratch == NULL      ? cli_fail_at(j->file, 0, "out of memory")
             : read_cells(j) != 0 ? CLI_EXIT_ERROR
                                  : check_undistributed(j, scratch);
    free(scratch);
    if (rc != 0)
        return CLI_EXIT_ERROR;
    size_t mismatched;
    yr_where w;
    yr_status st =
        yr_check_totals_where(j->cells, j->nd, j->n, j->stated, j->sums, &mismatched, &w);
    if (st != YR_OK && w.column < j->n) {
        char q[80], name[96];
        snprintf(name, sizeof name, "column %s",
                 cli_quote(yr_table_header(j->in.t, j->cols[w.column]), q, sizeof q));
        const char *const names[] = {"table", name, NULL};
        return cli_fail_lib(j->file, 0, NULL, &w, names);
    }
    if (st != YR_OK)
        return cli_fail_lib(j->file, 0, NULL, &w, NULL);
    return write_check(j, c, bad);
}

/* The table: labelled by its municipality, course, item or question column, else its first
 * column; nothing summed is wanted (the check reads every other column itself). One total row. */
static int read_table(check_job *j, const char *path, const cli_common *c, const cli_read_opts *r)
{
    cli_read_opts rq;
    if (r != NULL)
        rq = *r;
    else
        memset(&rq, 0, sizeof rq); /* the defaults */
    j->quiet = rq.quiet;
    rq.quiet = 1; /* the reading line once the table is known good (write_check) */
    if (cli_read(path, c, &rq, cli_read_label_wants, CLI_READ_NLABEL_WANTS, &j->in) != 0)
        return CLI_EXIT_ERROR;
    j->file = j->in.file;
    j->nd = yr_table_ndata(j->in.t);
    j->label = yr_table_label_column(j->in.t);
    return cli_read_total_row(&j->in, 1, &j->total);
}

int cli_check_totals(const char *path, const cli_common *c, const struct cli_read_opts *r,
                     int strict)
{
    check_job j;
    memset(&j, 0, sizeof j);
    size_t bad = 0;
    int rc = read_table(&j, path, c, r);
    if (rc == 0)
        rc = run_check(&j, c, &bad);
    if (rc == CLI_EXIT_OK && strict && bad > 0)
        rc = CLI_EXIT_FINDINGS;
    free(j.kind);
    free(j.cols);
    free(j.cells);
    free(j.stated);
    free(j.sums);
    free(j.present);
    free(j.vals);
    cli_input_free(&j.in);
    return rc;
}
