/* `yrkesresa audit` of a statement (issue 22.1) and `audit --population FILE` (issue 22.6): the
 * item columns of a statement (those between the municipality column and `total`) checked as a
 * table split by yr_audit_table — every column adds to its Summa, every cell within one unit of
 * its quota, every row the table rule's, total = the sum of the cells, net = total + fees -
 * kickback. The weights come from the statement's population column (`statement --explain`)
 * or from --population FILE, joined by the reader's identity (yr_table_join: SCB code, else the
 * normalised name). Every finding and its sentence is the library's; this file reads and writes. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

typedef struct stmt_audit {
    cli_input st, pop;
    size_t name_col, total_col, fees_col, kick_col, net_col, pop_col;
    size_t nitems, *item_col;
    size_t np, summa_row;
    int64_t *published, *stated_total, *fees, *kickback, *net, *weights;
    yr_item *items;
    int models; /* 1: the models of --items */
    yr_audit_table_summary s;
    yr_audit_item *iout;
    yr_audit_cell *cells;
} stmt_audit;

static void audit_free(stmt_audit *a)
{
    cli_input_free(&a->st);
    cli_input_free(&a->pop);
    free(a->item_col);
    free(a->published);
    free(a->stated_total);
    free(a->fees);
    free(a->kickback);
    free(a->net);
    free(a->weights);
    free(a->items);
    free(a->iout);
    free(a->cells);
}

/* The output name a statement gives header @p col (YR_OUT_NAME_COUNT for others). */
static yr_out_name column_name(const yr_table *t, size_t col)
{
    return yr_out_name_find(yr_table_header(t, col), YR_OUT_COLUMN);
}

/* The statement's columns by the names `statement` writes (in either language). */
static int find_columns(stmt_audit *a)
{
    const yr_table *t = a->st.t;
    size_t nc = yr_table_ncols(t);
    size_t *slot[4] = {&a->total_col, &a->fees_col, &a->kick_col, &a->net_col};
    const yr_out_name want[4] = {YR_OUT_TOTAL, YR_OUT_FEES, YR_OUT_KICKBACK, YR_OUT_NET};
    for (int k = 0; k < 4; k++)
        *slot[k] = SIZE_MAX;
    a->name_col = yr_table_find_role(t, YR_ROLE_MUNICIPALITY);
    for (size_t c = nc; c-- > 0;)
        for (int k = 0; k < 4; k++)
            if (column_name(t, c) == want[k])
                *slot[k] = c;
    for (size_t c = 0; c < nc; c++)
        if (column_name(t, c) == YR_OUT_YEAR)
            return cli_fail_at(a->st.file, 0,
                               "a statement with years: audit one year's statement at a time");
    if (a->total_col == SIZE_MAX || a->name_col == YR_READ_NONE || a->total_col <= a->name_col + 1)
        return cli_fail_at(a->st.file, 0,
                           "not a statement: no item columns between the municipality column "
                           "and a column 'total' (or 'totalt')");
    a->nitems = a->total_col - a->name_col - 1;
    a->item_col = malloc(a->nitems * sizeof *a->item_col);
    if (a->item_col == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t i = 0; i < a->nitems; i++)
        a->item_col[i] = a->name_col + 1 + i;
    return 0;
}

/* Cell (@p row, @p col) of the statement as an integer ("176 117", "176117 kr"). */
static int cell_int(const stmt_audit *a, size_t row, size_t col, int64_t *v)
{
    cli_buf b;
    cli_buf_init(&b);
    const char *s = cli_read_cell(a->st.t, row, col, &b);
    cli_num_status st = cli_parse_int64(s, v);
    char q[80], h[80];
    int rc = 0;
    if (st != CLI_NUM_OK)
        rc = cli_fail_at(a->st.file, yr_table_row_line(a->st.t, row), "column %s: %s %s",
                         cli_quote(yr_table_header(a->st.t, col), h, sizeof h),
                         cli_quote(s, q, sizeof q), cli_num_reason(s, st, 0));
    cli_buf_free(&b);
    return rc;
}

/* The row of the Summa line (a total row of the reader), which states the items' totals. */
static int find_summa(stmt_audit *a)
{
    const yr_table *t = a->st.t;
    a->summa_row = SIZE_MAX;
    for (size_t r = 0; r < yr_table_nrows(t) && a->summa_row == SIZE_MAX; r++)
        if (yr_table_row_kind(t, r) == YR_ROW_TOTAL)
            a->summa_row = r;
    if (a->summa_row == SIZE_MAX)
        return cli_fail_at(a->st.file, 0,
                           "no Summa row: the statement does not state the items' totals");
    return 0;
}

static int alloc_all(stmt_audit *a)
{
    size_t np = a->np, ni = a->nitems;
    a->published = malloc(np * ni * sizeof *a->published);
    a->stated_total = malloc(np * sizeof *a->stated_total);
    a->fees = calloc(np, sizeof *a->fees);
    a->kickback = calloc(np, sizeof *a->kickback);
    a->net = malloc(np * sizeof *a->net);
    a->items = malloc(ni * sizeof *a->items);
    a->iout = malloc(ni * sizeof *a->iout);
    a->cells = malloc(np * ni * sizeof *a->cells);
    if (!a->published || !a->stated_total || !a->fees || !a->kickback || !a->net || !a->items ||
        !a->iout || !a->cells)
        return cli_fail_at(a->st.file, 0, "out of memory");
    return 0;
}

/* The published cells, stated totals, fees, kickbacks and nets; the items' stated totals. */
static int read_cells(stmt_audit *a)
{
    int with_net = a->fees_col != SIZE_MAX && a->kick_col != SIZE_MAX && a->net_col != SIZE_MAX;
    for (size_t i = 0; i < a->nitems; i++) {
        int64_t total;
        if (cell_int(a, a->summa_row, a->item_col[i], &total) != 0)
            return CLI_EXIT_ERROR;
        yr_item_init(&a->items[i], total);
    }
    for (size_t p = 0; p < a->np; p++) {
        size_t row = yr_table_data_row(a->st.t, p);
        for (size_t i = 0; i < a->nitems; i++)
            if (cell_int(a, row, a->item_col[i], &a->published[p * a->nitems + i]) != 0)
                return CLI_EXIT_ERROR;
        if (cell_int(a, row, a->total_col, &a->stated_total[p]) != 0 ||
            (with_net && (cell_int(a, row, a->fees_col, &a->fees[p]) != 0 ||
                          cell_int(a, row, a->kick_col, &a->kickback[p]) != 0 ||
                          cell_int(a, row, a->net_col, &a->net[p]) != 0)))
            return CLI_EXIT_ERROR;
    }
    if (!with_net) {
        free(a->net);
        a->net = NULL;
    }
    return 0;
}

/* The weights: the population of --population FILE joined by identity, else the statement's
 * population column (written by `statement --explain`). */
static int read_weights(stmt_audit *a, const char *population, const cli_common *c,
                        const cli_read_opts *r)
{
    int64_t *vals = NULL, den;
    const cli_input *src = &a->st;
    size_t *map = NULL;
    if (population != NULL) {
        const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                     {YR_ROLE_CODE, 0},
                                     {YR_ROLE_POPULATION, YR_WANT_REQUIRED}};
        if (cli_read(population, c, r, want, 3, &a->pop) != 0)
            return CLI_EXIT_ERROR;
        src = &a->pop;
        yr_read_error e;
        map = malloc(a->np * sizeof *map);
        if (map == NULL)
            return cli_fail_at(a->pop.file, 0, "out of memory");
        if (yr_table_join(a->pop.t, a->st.t, "population", 1, map, &e) != YR_READ_OK) {
            free(map);
            return cli_read_fail(a->st.file, &e);
        }
    }
    a->pop_col = yr_table_find_role(src->t, YR_ROLE_POPULATION);
    if (a->pop_col == YR_READ_NONE) {
        free(map);
        return cli_fail_at(a->st.file, 0,
                           "no population column: give the weights with --population FILE, or "
                           "audit a statement written with --explain");
    }
    int rc = cli_read_column(src, a->pop_col, &vals, &den);
    a->weights = rc == 0 ? malloc(a->np * sizeof *a->weights) : NULL;
    if (rc == 0 && a->weights == NULL)
        rc = cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t p = 0; rc == 0 && p < a->np; p++)
        a->weights[p] = vals[map != NULL ? map[p] : p]; /* all over one denominator */
    free(vals);
    free(map);
    return rc;
}

/* The column 'quota ITEM' ('kvot ITEM') that `statement --explain` wrote for item @p i. */
static size_t quota_column(const stmt_audit *a, size_t i)
{
    const yr_table *t = a->st.t;
    const char *item = yr_table_header(t, a->item_col[i]);
    for (size_t c = a->total_col + 1; c < yr_table_ncols(t); c++) {
        const char *h = yr_table_header(t, c);
        for (int l = 0; l < 2; l++) {
            const char *q = yr_out_text(YR_OUT_QUOTA_OF, l == 0 ? YR_LANG_EN : YR_LANG_SV);
            size_t n = strlen(q);
            if (strncmp(h, q, n) == 0 && strcmp(h + n, item) == 0)
                return c;
        }
    }
    return SIZE_MAX;
}

/* A statement written with --explain states each cell's quota: when one is not that of the
 * item's model (a split by population without --items), the audit would judge the wrong model,
 * so it refuses. */
static int check_models(const stmt_audit *a)
{
    int64_t wsum = 0;
    for (size_t p = 0; p < a->np; p++)
        if (a->weights[p] < 0 || __builtin_add_overflow(wsum, a->weights[p], &wsum))
            return 0; /* yr_audit_table says why */
    cli_buf b;
    cli_buf_init(&b);
    int rc = 0;
    for (size_t i = 0; i < a->nitems && rc == 0; i++) {
        size_t col = quota_column(a, i);
        for (size_t p = 0; col != SIZE_MAX && p < a->np && rc == 0; p++) {
            yr_quota q;
            char want[YR_NUMBER_TEXT_MAX];
            size_t row = yr_table_data_row(a->st.t, p), start, len;
            const char *cell = cli_read_cell(a->st.t, row, col, &b);
            len = yr_label_trim(cell, strlen(cell), &start);
            if (yr_item_quota(&a->items[i], a->weights[p], wsum, a->np, &q) != YR_OK ||
                yr_quota_text(q.whole, q.rem, q.den, 4, want, sizeof want) != YR_OK)
                continue; /* yr_audit_table says why */
            if (strlen(want) != len || memcmp(want, cell + start, len) != 0)
                rc = cli_fail_at(a->st.file, yr_table_row_line(a->st.t, row),
                                 "column '%s': the quota %.*s is not that of the item's model "
                                 "(%s): give the items file with --items (its 'lika del' and "
                                 "'kr per invånare' columns, and --equal-part as given to "
                                 "statement)",
                                 yr_table_header(a->st.t, col), (int)len, cell + start, want);
        }
    }
    cli_buf_free(&b);
    return rc;
}

/* The library's refusal, at the municipality's line when it names one. */
static int audit_refused(const stmt_audit *a, const yr_where *w)
{
    size_t line = w->record != YR_WHERE_NONE && w->record < a->np
                      ? yr_table_row_line(a->st.t, yr_table_data_row(a->st.t, w->record))
                      : 0;
    return cli_fail_lib(a->st.file, line, "cannot audit", w, NULL);
}

/* ---- the report ------------------------------------------------------------------------------ */

static void report_items(cli_buf *b, const stmt_audit *a)
{
    cli_buf_puts(b, "\nitem: stated, sum of rows, difference, cells outside their quota, cells "
                    "other than the library's table, cells other than a lone split of the "
                    "column\n");
    for (size_t i = 0; i < a->nitems; i++) {
        const yr_audit_item *it = &a->iout[i];
        cli_buf_printf(b, "  %s: %" PRId64 ", %" PRId64 ", %+" PRId64 ", %zu, %zu, %zu\n",
                       yr_table_header(a->st.t, a->item_col[i]), it->stated_total,
                       it->published_sum, it->sum_diff, it->cells_off_quota, it->cells_differing,
                       it->cells_off_alone);
    }
}

static void report_cells(cli_buf *b, const stmt_audit *a)
{
    if (a->s.cells_off_quota == 0)
        return;
    cli_buf_printf(b, "\nCells more than one unit from their exact quota (%zu):\n",
                   a->s.cells_off_quota);
    cli_buf name;
    cli_buf_init(&name);
    for (size_t p = 0; p < a->np; p++)
        for (size_t i = 0; i < a->nitems; i++) {
            const yr_audit_cell *c = &a->cells[p * a->nitems + i];
            char q[YR_NUMBER_TEXT_MAX];
            if (c->within_quota ||
                yr_quota_text(c->quota_whole, c->quota_rem, c->quota_den, 4, q, sizeof q) != YR_OK)
                continue;
            cli_buf_printf(
                b, "  %s, %s: published %" PRId64 ", exact quota %s\n",
                cli_read_cell(a->st.t, yr_table_data_row(a->st.t, p), a->name_col, &name),
                yr_table_header(a->st.t, a->item_col[i]), a->published[p * a->nitems + i], q);
        }
    cli_buf_free(&name);
}

static void report(cli_buf *b, const stmt_audit *a)
{
    const yr_audit_table_summary *s = &a->s;
    cli_buf_printf(b,
                   "Audit of %s as a statement: %zu municipalities, %zu items, weights from "
                   "column '%s' of %s\n",
                   a->st.file, a->np, a->nitems,
                   yr_table_header(a->pop.t ? a->pop.t : a->st.t, a->pop_col),
                   a->pop.t ? a->pop.file : a->st.file);
    cli_buf_puts(b, a->models ? "each item by its model in the items file\n"
                              : "each item as a split by population (no equal part, no rate)\n");
    cli_buf_printf(b, "verdict: %s\n", yr_table_verdict_text(s->verdict));
    cli_buf_printf(b,
                   "columns that do not add up to their total   %zu\n"
                   "cells more than one unit from their quota   %zu\n"
                   "rows other than the table rule's            %zu\n"
                   "rows other than their largest remainder     %zu (information)\n"
                   "cells other than the library's table        %zu\n"
                   "rows whose total is not their cells' sum    %zu\n"
                   "rows whose net is not total + fees - kickback %zu%s\n",
                   s->columns_off, s->cells_off_quota, s->rows_off_rule, s->rows_not_lr,
                   s->cells_differing, s->rows_total_off, s->rows_net_off,
                   a->net == NULL ? " (no fees, kickback and net columns)" : "");
    report_items(b, a);
    report_cells(b, a);
}

/* The items' models from the items file (statement_item_models), their totals the Summa's. */
static int read_models(stmt_audit *a, const char *items, const char *equal_part,
                       const cli_common *c)
{
    const char **names = malloc(a->nitems * sizeof *names);
    yr_item *m = malloc(a->nitems * sizeof *m);
    int rc = names && m ? 0 : cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t i = 0; rc == 0 && i < a->nitems; i++)
        names[i] = yr_table_header(a->st.t, a->item_col[i]);
    if (rc == 0)
        rc = statement_item_models(items, equal_part, c, names, a->nitems, a->st.file, m);
    for (size_t i = 0; rc == 0 && i < a->nitems; i++) {
        m[i].total = a->items[i].total;
        a->items[i] = m[i];
    }
    a->models = rc == 0;
    free(names);
    free(m);
    return rc;
}

int cli_audit_statement(const char *path, const char *population, const cli_common *c,
                        const cli_read_opts *r, int strict, const char *items,
                        const char *equal_part)
{
    stmt_audit a;
    memset(&a, 0, sizeof a);
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_CODE, 0},
                                 {YR_ROLE_POPULATION, YR_WANT_CHECKED}};
    int rc = cli_read(path, c, r, want, 3, &a.st);
    if (rc == 0) {
        a.np = yr_table_ndata(a.st.t);
        rc = find_columns(&a);
    }
    if (rc == 0)
        rc = find_summa(&a);
    if (rc == 0)
        rc = alloc_all(&a);
    if (rc == 0)
        rc = read_cells(&a);
    if (rc == 0)
        rc = read_weights(&a, population, c, r);
    if (rc == 0 && items != NULL)
        rc = read_models(&a, items, equal_part, c);
    if (rc == 0)
        rc = check_models(&a);
    yr_where w;
    if (rc == 0 &&
        yr_audit_table_where(a.items, a.nitems, a.weights, a.np, a.published, a.stated_total,
                             a.fees, a.kickback, a.net, &a.s, a.iout, NULL, a.cells, &w) != YR_OK)
        rc = audit_refused(&a, &w);
    if (rc == 0) {
        cli_buf b;
        cli_buf_init(&b);
        report(&b, &a);
        rc = cli_out_report(&c->out, &b);
        cli_buf_free(&b);
    }
    if (rc == 0 && strict && a.s.verdict == YR_TABLE_BREAKS_RULES)
        rc = CLI_EXIT_FINDINGS;
    audit_free(&a);
    return rc;
}

/* The header of @p path: its first 64 KiB cut after the last line break, parsed (a statement's
 * header is short; a file whose first lines do not parse is no statement). */
static int read_head(const char *path, ycsv_table *t)
{
    char buf[65536];
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    size_t n = fread(buf, 1, sizeof buf, f);
    int whole = feof(f);
    fclose(f);
    while (!whole && n > 0 && buf[n - 1] != '\n')
        n--;
    return n > 0 && ycsv_parse(buf, n, t, NULL) == YCSV_OK ? 0 : -1;
}

int cli_audit_is_statement(const char *path)
{
    ycsv_table t;
    if (strcmp(path, "-") == 0 || read_head(path, &t) != 0)
        return 0; /* the audit of a split reads and reports it */
    /* a column 'total' after item columns, none of them a population (a published split
     * "kommun,befolkning,total" is not a statement) */
    int found = 0, weight = 0;
    for (size_t k = 1; k < t.ncols && !found; k++) {
        found = k >= 2 && yr_out_name_find(t.header[k], YR_OUT_COLUMN) == YR_OUT_TOTAL;
        weight |= !found && cli_header_is(t.header[k], CLI_ROLE_WEIGHT);
    }
    ycsv_free(&t);
    return found && !weight;
}
