/* The one totals check of the yrkesresa program, behind `pot --check` and `stats check` (see
 * cli_check_totals in cli.h): difference = sum - stated, as in `audit`. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

/* What a column is: checked (integers), or why not. */
typedef enum col_kind { COL_INT, COL_NO_TOTAL, COL_DECIMAL, COL_TEXT, COL_EMPTY } col_kind;

static const char *const skipped[] = {"", "", "skipped: not whole numbers", "skipped: text",
                                      "skipped: empty"};

/* 0 blank, 1 integer, 2 decimal, 3 text. */
static int cell_kind(const ycsv_table *t, size_t r, size_t c)
{
    cli_decimal d;
    cli_num_status st = cli_parse_decimal(ycsv_cell(t, r, c), &d);
    if (st == CLI_NUM_EMPTY)
        return 0;
    if (st != CLI_NUM_OK || d.percent)
        return 3;
    return d.scale == 0 ? 1 : 2;
}

/* The kind of column c; a column of integers with a text cell is an error at that cell. */
static int classify(const char *file, const ycsv_table *t, size_t c, size_t total, col_kind *k)
{
    size_t seen[4] = {0, 0, 0, 0}, text_row = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        int kind = cell_kind(t, r, c);
        if (kind == 3 && seen[3]++ == 0)
            text_row = r;
        else if (kind != 3)
            seen[kind]++;
    }
    int total_int = cell_kind(t, total, c) == 1;
    if (seen[3] > 0 && total_int && seen[3] <= seen[1]) {
        int64_t v;
        return cli_cell_int64(file, t, text_row, c, &v);
    }
    *k = seen[3] > 0    ? COL_TEXT
         : seen[2] > 0  ? COL_DECIMAL
         : seen[1] == 0 ? COL_EMPTY
         : total_int    ? COL_INT
                        : COL_NO_TOTAL;
    return 0;
}

typedef struct check_job {
    const char *file;
    ycsv_table t;
    size_t total;
    col_kind *kind;
    size_t *cols, n; /* the integer columns (checked or without a stated total) */
    int64_t *cells, *stated, *sums;
} check_job;

/* The integer columns' cells (blank = 0) and stated totals. */
static int read_cells(check_job *j)
{
    size_t nb = j->t.nrows - 1;
    if (nb > SIZE_MAX / sizeof(int64_t) / (j->n ? j->n : 1))
        return cli_fail_at(j->file, 0, "out of memory");
    j->cells = malloc((nb ? nb : 1) * (j->n ? j->n : 1) * sizeof *j->cells);
    j->stated = calloc(j->n ? j->n : 1, sizeof *j->stated);
    j->sums = malloc((j->n ? j->n : 1) * sizeof *j->sums);
    if (j->cells == NULL || j->stated == NULL || j->sums == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    for (size_t k = 0; k < j->n; k++)
        cli_parse_int64(ycsv_cell(&j->t, j->total, j->cols[k]), &j->stated[k]);
    for (size_t r = 0, b = 0; r < j->t.nrows; r++) {
        if (r == j->total)
            continue;
        for (size_t k = 0; k < j->n; k++) {
            j->cells[b * j->n + k] = 0;
            cli_parse_int64(ycsv_cell(&j->t, r, j->cols[k]), &j->cells[b * j->n + k]);
        }
        b++;
    }
    return 0;
}

/* One result row: column,sum,stated,difference,status. */
static void result_row(cli_out *o, const check_job *j, size_t c, size_t k, size_t *bad)
{
    cli_out_text(o, j->t.header[c]);
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
        cli_buf d;
        cli_buf_init(&d);
        cli_buf_i128(&d, (cli_i128)j->sums[k] - j->stated[k]);
        cli_out_int(o, j->sums[k]);
        cli_out_int(o, j->stated[k]);
        cli_out_num(o, cli_buf_str(&d));
        cli_out_name(o, j->sums[k] == j->stated[k] ? YR_OUT_V_OK : YR_OUT_V_MISMATCH);
        *bad += j->sums[k] != j->stated[k];
        cli_buf_free(&d);
    }
    cli_out_end_row(o);
}

static int write_check(const check_job *j, const cli_common *c, size_t *bad)
{
    cli_out o;
    if (cli_out_open(&o, &c->out, YR_TABLE_STATS_CHECK, &j->t) != 0)
        return CLI_EXIT_ERROR;
    yr_out_name head[5];
    size_t nhead = yr_out_table_columns(YR_TABLE_STATS_CHECK, head, 5);
    for (size_t k = 0; k < nhead; k++)
        cli_out_name(&o, head[k]);
    cli_out_end_row(&o);
    for (size_t col = 1, k = 0; col < j->t.ncols; col++) {
        result_row(&o, j, col, k, bad);
        k += j->kind[col] == COL_INT || j->kind[col] == COL_NO_TOTAL;
    }
    return cli_out_close(&o);
}

static int run_check(check_job *j, const cli_common *c, size_t *bad)
{
    j->kind = malloc(j->t.ncols * sizeof *j->kind);
    j->cols = malloc(j->t.ncols * sizeof *j->cols);
    if (j->kind == NULL || j->cols == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    for (size_t col = 1; col < j->t.ncols; col++) {
        if (classify(j->file, &j->t, col, j->total, &j->kind[col]) != 0)
            return CLI_EXIT_ERROR;
        if (j->kind[col] == COL_INT || j->kind[col] == COL_NO_TOTAL)
            j->cols[j->n++] = col;
    }
    if (j->n == 0)
        return cli_fail_at(j->file, ycsv_line(&j->t, j->total),
                           "no column of whole numbers to check");
    if (read_cells(j) != 0)
        return CLI_EXIT_ERROR;
    size_t mismatched;
    yr_where w;
    yr_status st =
        yr_check_totals_where(j->cells, j->t.nrows - 1, j->n, j->stated, j->sums, &mismatched, &w);
    if (st != YR_OK && w.column < j->n) {
        char q[80], name[96];
        snprintf(name, sizeof name, "column %s",
                 cli_quote(j->t.header[j->cols[w.column]], q, sizeof q));
        const char *const names[] = {"table", name, NULL};
        return cli_fail_lib(j->file, 0, NULL, &w, names);
    }
    if (st != YR_OK)
        return cli_fail_lib(j->file, 0, NULL, &w, NULL);
    return write_check(j, c, bad);
}

int cli_check_totals(const char *path, const cli_common *c, int strict)
{
    check_job j;
    memset(&j, 0, sizeof j);
    if (cli_load(path, &j.t) != 0)
        return CLI_EXIT_ERROR;
    j.file = cli_shown(path);
    cli_parties p;
    size_t bad = 0;
    int rc = CLI_EXIT_ERROR;
    p.total_row = YCSV_NO_COLUMN;
    for (size_t r = 0; r < j.t.nrows; r++) {
        if (!yr_label_is_total(ycsv_cell(&j.t, r, 0)))
            continue;
        if (p.total_row != YCSV_NO_COLUMN) {
            rc = cli_fail_at(j.file, ycsv_line(&j.t, r),
                             "a second total row (the first is on line %zu)",
                             ycsv_line(&j.t, p.total_row));
            goto done;
        }
        p.total_row = r;
    }
    j.total = p.total_row;
    if (j.total == YCSV_NO_COLUMN)
        rc = cli_fail_at(j.file, 0, "no total row (a first cell such as Totalt, Summa or Total)");
    else
        rc = run_check(&j, c, &bad);
    if (rc == CLI_EXIT_OK && strict && bad > 0)
        rc = CLI_EXIT_FINDINGS;
done:
    free(j.kind);
    free(j.cols);
    free(j.cells);
    free(j.stated);
    free(j.sums);
    ycsv_free(&j.t);
    return rc;
}
