/* `yrkesresa audit` of a statement (issue 22.1) and `audit --population FILE` (issue 22.6): the
 * item columns of a statement (those between the municipality column and `total`) checked as a
 * table split by yr_audit_table — every column adds to its Summa, every cell within one unit of
 * its quota, every row the table rule's, total = the sum of the cells, net = total + fees -
 * kickback. The weights come from the statement's population column (`statement --explain`)
 * or from --population FILE, joined by the reader's identity (yr_table_join: SCB code, else the
 * normalised name). Every finding and its sentence is the library's; this file reads and writes. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

typedef struct stmt_audit {
    cli_input st, pop;
    char *pop_header; /* the column of pop chosen for the year (NULL: its population column) */
    size_t name_col, total_col, fees_col, kick_col, net_col, pop_col, year_col;
    size_t nitems, *item_col;
    size_t np, summa_row, *row, *didx; /* the block's data rows (table rows, data indices), and
                                          the row of its Summa */
    int64_t year;                      /* the block's year; 0 without a year column */
    int64_t *published, *stated_total, *fees, *kickback, *net, *weights;
    yr_item *items;
    int models;               /* 1: the models of --items */
    statement_items *items_f; /* --items FILE, read once for every year */
    cli_input pop_head;       /* --population FILE's headers, read once for every year */
    cli_buf extra; /* findings beside yr_audit_table's: the Summa line, the items file, the
                      municipalities of --population FILE without a line */
    size_t nextra;
    yr_audit_table_summary s;
    yr_audit_item *iout;
    yr_audit_cell *cells;
} stmt_audit;

/* The arrays of one block (one year's statement). */
static void block_free(stmt_audit *a)
{
    cli_buf_free(&a->extra);
    a->nextra = 0;
    free(a->row);
    free(a->didx);
    free(a->published);
    free(a->stated_total);
    free(a->fees);
    free(a->kickback);
    free(a->net);
    free(a->weights);
    free(a->items);
    free(a->iout);
    free(a->cells);
    a->row = a->didx = NULL, a->published = a->stated_total = a->fees = a->kickback = a->net = NULL;
    a->weights = NULL, a->items = NULL, a->iout = NULL, a->cells = NULL;
}

static void audit_free(stmt_audit *a)
{
    block_free(a);
    cli_input_free(&a->pop);
    cli_input_free(&a->pop_head);
    statement_items_free(a->items_f);
    free(a->pop_header);
    cli_input_free(&a->st);
    free(a->item_col);
}

/* The statement's columns (yr_table_statement_columns: the items between the municipality
 * column and the total, an inserted 'Kommunkod' no item; the library's rule and message). */
static int find_columns(stmt_audit *a)
{
    const yr_table *t = a->st.t;
    yr_statement_columns sc;
    yr_read_error e;
    a->item_col = malloc((yr_table_ncols(t) ? yr_table_ncols(t) : 1) * sizeof *a->item_col);
    if (a->item_col == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    if (yr_table_statement_columns(t, &sc, a->item_col, yr_table_ncols(t), &e) != YR_READ_OK)
        return cli_read_fail(a->st.file, &e);
    a->name_col = sc.name;
    a->year_col = sc.year;
    a->total_col = sc.total;
    a->fees_col = sc.fees;
    a->kick_col = sc.kickback;
    a->net_col = sc.net;
    a->nitems = sc.nitems;
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

/* The year of table row @p r (0 without a year column; YR_READ_YEAR_ALL for 'all'). */
static int64_t row_year(const stmt_audit *a, size_t r)
{
    yr_value v;
    if (a->year_col == YR_READ_NONE || yr_table_value(a->st.t, r, a->year_col, &v) != YR_READ_OK ||
        !v.present)
        return 0;
    return v.num;
}

/* The block of year @p year (every row without a year column): its data rows and the row of
 * its Summa line (a total row of the reader), which states the items' totals. */
static int find_block(stmt_audit *a, int64_t year)
{
    const yr_table *t = a->st.t;
    size_t nd = yr_table_ndata(t);
    a->year = year;
    a->summa_row = SIZE_MAX;
    a->np = 0;
    a->row = malloc((nd ? nd : 1) * sizeof *a->row);
    a->didx = malloc((nd ? nd : 1) * sizeof *a->didx);
    if (a->row == NULL || a->didx == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t i = 0; i < nd; i++)
        if (row_year(a, yr_table_data_row(t, i)) == year) {
            a->didx[a->np] = i;
            a->row[a->np++] = yr_table_data_row(t, i);
        }
    for (size_t r = 0; r < yr_table_nrows(t) && a->summa_row == SIZE_MAX; r++)
        if (yr_table_row_kind(t, r) == YR_ROW_TOTAL && row_year(a, r) == year)
            a->summa_row = r;
    if (a->summa_row == SIZE_MAX)
        return cli_fail_at(a->st.file, 0,
                           year != 0 ? "no Summa row of the year %" PRId64
                                       ": the statement does not state the items' totals"
                                     : "no Summa row: the statement does not state the items' "
                                       "totals",
                           year);
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
        size_t row = a->row[p];
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

/* A finding beside yr_audit_table's (the verdict then breaks the rules). */
static void extra(stmt_audit *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void extra(stmt_audit *a, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    cli_buf_printf(&a->extra, "  %s\n", line);
    a->nextra++;
}

/* The Summa line's total, fees, kickback and net: each the sum of its column, and its net
 * total + fees - kickback (yr_audit_table checks the municipalities' lines; this, their sum). */
static int check_summa_line(stmt_audit *a)
{
    const size_t col[4] = {a->total_col, a->fees_col, a->kick_col, a->net_col};
    const int64_t *rows[4] = {a->stated_total, a->fees, a->kickback, a->net};
    int64_t stated[4] = {0, 0, 0, 0}, sum[4] = {0, 0, 0, 0}, net;
    int n = a->net != NULL ? 4 : 1;
    size_t line = yr_table_row_line(a->st.t, a->summa_row);
    for (int k = 0; k < n; k++) {
        if (cell_int(a, a->summa_row, col[k], &stated[k]) != 0)
            return CLI_EXIT_ERROR;
        for (size_t p = 0; p < a->np; p++)
            if (__builtin_add_overflow(sum[k], rows[k][p], &sum[k]))
                return cli_fail_at(a->st.file, line, "the column's sum overflows 64 bits");
        if (stated[k] != sum[k])
            extra(a, "Summa (line %zu), '%s': stated %" PRId64 ", the lines sum to %" PRId64, line,
                  yr_table_header(a->st.t, col[k]), stated[k], sum[k]);
    }
    if (n == 4 && (__builtin_add_overflow(stated[0], stated[1], &net) ||
                   __builtin_sub_overflow(net, stated[2], &net)))
        return cli_fail_at(a->st.file, line, "total + fees - kickback overflows 64 bits");
    if (n == 4 && net != stated[3])
        extra(a, "Summa (line %zu): net %" PRId64 " is not total + fees - kickback (%" PRId64 ")",
              line, stated[3], net);
    return 0;
}

/* The municipalities of --population FILE that have no line in the block: the statement's
 * quotas would be over the others only (a municipality left out is paid for by the rest). */
static void check_left_out(stmt_audit *a, const size_t *map)
{
    size_t npop = yr_table_ndata(a->pop.t), shown = 0, missing = 0;
    unsigned char *reached = calloc(npop ? npop : 1, 1);
    if (reached == NULL)
        return;
    for (size_t p = 0; p < a->np; p++)
        reached[map[a->didx[p]]] = 1;
    cli_buf name;
    cli_buf_init(&name);
    for (size_t i = 0; i < npop; i++) {
        if (reached[i])
            continue;
        size_t row = yr_table_data_row(a->pop.t, i);
        if (shown++ < 5)
            extra(a, "%s (%s line %zu) has no line in the statement",
                  cli_read_cell(a->pop.t, row, yr_table_find_role(a->pop.t, YR_ROLE_MUNICIPALITY),
                                &name),
                  a->pop.file, yr_table_row_line(a->pop.t, row));
        missing++;
    }
    if (missing > 5)
        extra(a,
              "... and %zu more municipalities of %s without a line (a population file of the "
              "statement's municipalities only, if the others are rightly left out)",
              missing - 5, a->pop.file);
    cli_buf_free(&name);
    free(reached);
}

/* The header of the population column of the block's calendar year in --population FILE,
 * by the rule `statement` splits by: the one column whose header ends in the year ('2024',
 * 'Folkmängd 2024'); none when no header names a year of the statement (one population column
 * for every year). 0, or 2 after a message. */
static int year_header(stmt_audit *a, const char *population, const cli_common *c,
                       const cli_read_opts *r, const char **header)
{
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED}, {YR_ROLE_CODE, 0}};
    *header = NULL;
    if (a->year < 1000 || cli_read_column_given(c, YR_ROLE_POPULATION))
        return 0;
    cli_input *h = &a->pop_head;
    cli_read_opts quiet = *r; /* a look at the headers; the reading is reported once, below */
    quiet.quiet = 1;
    if (h->t == NULL && cli_read(population, c, &quiet, want, 2, h) != 0)
        return CLI_EXIT_ERROR;
    const cli_input head = *h; /* the headers, read for the first year, serve every year */
    size_t nc = yr_table_ncols(head.t), found, any = 0,
           name = yr_table_find_role(head.t, YR_ROLE_MUNICIPALITY);
    int rc = cycle_year_column(head.file, head.t, name, a->year, &found);
    for (size_t k = 0; k < nc; k++)
        any += k != name && cycle_header_year(yr_table_header(head.t, k)) > 0;
    if (rc == 0 && found == YR_READ_NONE && any > 0)
        rc = cli_fail_at(head.file, 0,
                         "no population column of the year %" PRId64 " (a header '%" PRId64
                         "' or 'Folkmängd %" PRId64 "')",
                         a->year, a->year, a->year);
    if (rc == 0 && found != YR_READ_NONE)
        *header = strdup(yr_table_header(head.t, found));
    if (rc == 0 && found != YR_READ_NONE && *header == NULL)
        rc = cli_fail_at(head.file, 0, "out of memory");
    return rc;
}

/* The weights from --population FILE, joined by identity (the year's column, year_header). */
static int weights_from_file(stmt_audit *a, const char *population, const cli_common *c,
                             const cli_read_opts *r)
{
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_CODE, 0},
                                 {YR_ROLE_POPULATION, YR_WANT_REQUIRED}};
    const char *header;
    cli_common cy = *c;
    char entry[600];
    int rc = year_header(a, population, c, r, &header);
    int again = a->pop.t == NULL || header != NULL || a->pop_header != NULL;
    if (again) { /* one read for every year when they share the column */
        cli_input_free(&a->pop);
        free(a->pop_header);
        a->pop_header = (char *)header;
    } else {
        free((char *)header);
    }
    if (rc == 0 && again)
        rc = cli_read_add_column(&cy, "population", a->pop_header, entry, sizeof entry);
    if (rc == 0 && again)
        rc = cli_read(population, &cy, r, want, 3, &a->pop);
    size_t nd = yr_table_ndata(a->st.t),
           *map = rc == 0 ? malloc((nd ? nd : 1) * sizeof *map) : NULL;
    int64_t *vals = NULL, den;
    yr_read_error e;
    if (rc == 0 && map == NULL)
        rc = cli_fail_at(a->pop.file, 0, "out of memory");
    if (rc == 0 && yr_table_join(a->pop.t, a->st.t, "population", 0, map, &e) != YR_READ_OK)
        rc = cli_read_fail(a->st.file, &e);
    a->pop_col = rc == 0 ? yr_table_find_role(a->pop.t, YR_ROLE_POPULATION) : YR_READ_NONE;
    if (rc == 0)
        rc = cli_read_column(&a->pop, a->pop_col, &vals, &den);
    for (size_t p = 0; rc == 0 && p < a->np; p++)
        a->weights[p] = vals[map[a->didx[p]]]; /* all over one denominator */
    if (rc == 0)
        check_left_out(a, map);
    free(vals);
    free(map);
    return rc;
}

/* A statement's own population column: its Summa the sum of the lines' (a line left out of
 * the statement shows here, its population missing from the sum) — the reader's check of the
 * checked column (yr_table_aggregate_checks: each total against its own block). */
static int check_summa_population(stmt_audit *a)
{
    size_t n = yr_table_aggregate_checks(a->st.t, a->pop_col, NULL, 0);
    yr_aggregate_check *ch = malloc((n ? n : 1) * sizeof *ch);
    if (ch == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    yr_table_aggregate_checks(a->st.t, a->pop_col, ch, n);
    for (size_t k = 0; k < n; k++)
        if (ch[k].row == a->summa_row && ch[k].checked && ch[k].stated != ch[k].sum)
            extra(a,
                  "Summa (line %zu), '%s': stated %" PRId64 ", the lines sum to %" PRId64
                  " (a municipality left out?)",
                  yr_table_row_line(a->st.t, a->summa_row), yr_table_header(a->st.t, a->pop_col),
                  ch[k].stated / ch[k].den, ch[k].sum / ch[k].den);
    free(ch);
    return 0;
}

/* The weights: the population of --population FILE joined by identity, else the statement's
 * population column (written by `statement --explain`), each row's own. */
static int read_weights(stmt_audit *a, const char *population, const cli_common *c,
                        const cli_read_opts *r)
{
    a->weights = malloc((a->np ? a->np : 1) * sizeof *a->weights);
    if (a->weights == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    if (population != NULL)
        return weights_from_file(a, population, c, r);
    a->pop_col = yr_table_find_role(a->st.t, YR_ROLE_POPULATION);
    if (a->pop_col == YR_READ_NONE)
        return cli_fail_at(a->st.file, 0,
                           "no population column: give the weights with --population FILE, or "
                           "audit a statement written with --explain");
    for (size_t p = 0; p < a->np; p++) {
        yr_value v;
        char h[80];
        if (yr_table_value(a->st.t, a->row[p], a->pop_col, &v) != YR_READ_OK || !v.present ||
            v.den != 1)
            return cli_fail_at(a->st.file, yr_table_row_line(a->st.t, a->row[p]),
                               "column %s: no population",
                               cli_quote(yr_table_header(a->st.t, a->pop_col), h, sizeof h));
        a->weights[p] = v.num;
    }
    return check_summa_population(a);
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
            size_t row = a->row[p], start, len;
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
                      ? yr_table_row_line(a->st.t, a->row[w->record])
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
            cli_buf_printf(b, "  %s, %s: published %" PRId64 ", exact quota %s\n",
                           cli_read_cell(a->st.t, a->row[p], a->name_col, &name),
                           yr_table_header(a->st.t, a->item_col[i]),
                           a->published[p * a->nitems + i], q);
        }
    cli_buf_free(&name);
}

static void report(cli_buf *b, const stmt_audit *a)
{
    const yr_audit_table_summary *s = &a->s;
    if (a->year != 0)
        cli_buf_printf(b, "\n== %" PRId64 " ==\n", a->year);
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
    if (a->nextra > 0)
        cli_buf_printf(b, "\nOther findings (%zu):\n%s", a->nextra, cli_buf_str(&a->extra));
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
    if (rc == 0 && a->items_f == NULL)
        rc = statement_items_read(items, equal_part, c, &a->items_f);
    if (rc == 0)
        rc = statement_item_models(a->items_f, a->year, names, a->nitems, a->st.file, m);
    for (size_t i = 0; rc == 0 && i < a->nitems; i++) {
        if (m[i].rate_den == 0 && m[i].total != a->items[i].total) /* the agreement's amount */
            extra(a, "item '%s': the items file says %" PRId64 ", the Summa line %" PRId64,
                  names[i], m[i].total, a->items[i].total);
        m[i].total = a->items[i].total;
        a->items[i] = m[i];
    }
    a->models = rc == 0;
    free(names);
    free(m);
    return rc;
}

/* A statement over years whose items change from year to year: an item whose cell on the
 * year's Summa line is blank is not an item of that year (its cells, blank too, are not read);
 * the block's items replace a->item_col until audit_block restores them. */
static int year_items(stmt_audit *a)
{
    size_t *cols = malloc((a->nitems ? a->nitems : 1) * sizeof *cols), n = 0, st, len;
    if (cols == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t i = 0; i < a->nitems; i++) {
        const char *s = yr_table_cell(a->st.t, a->summa_row, a->item_col[i], &len);
        if (yr_label_trim(s, len, &st) > 0)
            cols[n++] = a->item_col[i];
    }
    if (n == 0) {
        free(cols);
        return cli_fail_at(a->st.file, yr_table_row_line(a->st.t, a->summa_row),
                           "the Summa line of the year %" PRId64 " states no item", a->year);
    }
    a->item_col = cols;
    a->nitems = n;
    return 0;
}

/* The audit of one block (the statement, or one year's of a statement with years), reported
 * into @p b; *worst becomes the block's verdict when that is worse. */
static int audit_block(stmt_audit *a, int64_t year, const char *population, const cli_common *c,
                       const cli_read_opts *r, const char *items, const char *equal_part,
                       cli_buf *b, yr_table_verdict *worst)
{
    size_t *all_cols = a->item_col, all_n = a->nitems;
    int rc = find_block(a, year);
    if (rc == 0 && year != 0)
        rc = year_items(a);
    if (rc == 0)
        rc = alloc_all(a);
    if (rc == 0)
        rc = read_cells(a);
    if (rc == 0)
        rc = read_weights(a, population, c, r);
    if (rc == 0 && items != NULL)
        rc = read_models(a, items, equal_part, c);
    if (rc == 0)
        rc = check_models(a);
    if (rc == 0)
        rc = check_summa_line(a);
    yr_where w;
    if (rc == 0 && yr_audit_table_where(a->items, a->nitems, a->weights, a->np, a->published,
                                        a->stated_total, a->fees, a->kickback, a->net, &a->s,
                                        a->iout, NULL, a->cells, &w) != YR_OK)
        rc = audit_refused(a, &w);
    if (rc == 0 && a->nextra > 0)
        a->s.verdict = YR_TABLE_BREAKS_RULES; /* the findings below */
    if (rc == 0) {
        report(b, a);
        if (a->s.verdict > *worst)
            *worst = a->s.verdict;
    }
    if (a->item_col != all_cols)
        free(a->item_col);
    a->item_col = all_cols;
    a->nitems = all_n;
    block_free(a);
    return rc;
}

/* The years of a statement with years, in order of first appearance ('all' not among them). */
static int64_t *statement_years(const stmt_audit *a, size_t *n)
{
    size_t nd = yr_table_ndata(a->st.t);
    int64_t *y = malloc((nd ? nd : 1) * sizeof *y);
    *n = 0;
    for (size_t i = 0; y != NULL && i < nd; i++) {
        int64_t v = row_year(a, yr_table_data_row(a->st.t, i));
        size_t k = 0;
        while (k < *n && y[k] != v)
            k++;
        if (k == *n && v != YR_READ_YEAR_ALL)
            y[(*n)++] = v;
    }
    return y;
}

/* Per identity: the sum of its years' totals, and its line 'all' (row, stated total). */
typedef struct all_sums {
    cli_keys keys;
    int64_t *sum, *stated;
    size_t *row;
} all_sums;

static int all_collect(stmt_audit *a, all_sums *u)
{
    size_t nd = yr_table_ndata(a->st.t);
    cli_buf kb;
    cli_buf_init(&kb);
    int rc = 0;
    for (size_t i = 0; i < nd && rc == 0; i++) {
        size_t r = yr_table_data_row(a->st.t, i);
        int64_t tot, k;
        rc = cli_read_key(&a->st, r, a->name_col, &kb);
        if (rc == 0 && (k = cli_keys_index(&u->keys, kb.data, kb.len, i)) < 0)
            rc = cli_fail_at(a->st.file, 0, "out of memory");
        if (rc == 0)
            rc = cell_int(a, r, a->total_col, &tot);
        if (rc == 0 && row_year(a, r) == YR_READ_YEAR_ALL)
            u->row[k] = r, u->stated[k] = tot;
        else if (rc == 0 && __builtin_add_overflow(u->sum[k], tot, &u->sum[k]))
            rc = cli_fail_at(a->st.file, yr_table_row_line(a->st.t, r),
                             "the totals over the years overflow 64 bits");
    }
    cli_buf_free(&kb);
    return rc;
}

/* The block 'all' of a statement with years: each municipality's line states the sum of its
 * totals over the years, and its Summa the sum of those lines. *off counts what differs. */
static int audit_all(stmt_audit *a, cli_buf *b, size_t *off)
{
    size_t nd = yr_table_ndata(a->st.t), n = nd ? nd : 1;
    all_sums u = {.sum = calloc(n, sizeof(int64_t)),
                  .stated = calloc(n, sizeof(int64_t)),
                  .row = malloc(n * sizeof(size_t))};
    cli_keys_init(&u.keys);
    int rc = u.sum && u.stated && u.row ? 0 : cli_fail_at(a->st.file, 0, "out of memory");
    for (size_t k = 0; rc == 0 && k < n; k++)
        u.row[k] = SIZE_MAX;
    if (rc == 0)
        rc = all_collect(a, &u);
    cli_buf lines, name;
    cli_buf_init(&lines);
    cli_buf_init(&name);
    int64_t lines_sum = 0, summa = 0;
    size_t nlines = 0; /* municipalities whose line 'all' is missing or off */
    for (size_t k = 0; rc == 0 && k < u.keys.n; k++) {
        size_t first = yr_table_data_row(a->st.t, u.keys.first[k]);
        const char *nm = cli_read_cell(a->st.t, first, a->name_col, &name);
        if (u.row[k] == SIZE_MAX)
            cli_buf_printf(&lines, "  %s: no line '%s', the years' totals sum to %" PRId64 "\n", nm,
                           yr_out_text(YR_OUT_ALL_YEARS, YR_LANG_EN), u.sum[k]);
        else if (u.stated[k] != u.sum[k])
            cli_buf_printf(&lines,
                           "  %s (line %zu): stated %" PRId64 ", the years' totals sum to %" PRId64
                           "\n",
                           nm, yr_table_row_line(a->st.t, u.row[k]), u.stated[k], u.sum[k]);
        nlines += u.row[k] == SIZE_MAX || u.stated[k] != u.sum[k];
        if (u.row[k] != SIZE_MAX && __builtin_add_overflow(lines_sum, u.stated[k], &lines_sum))
            rc = cli_fail_at(a->st.file, 0, "the totals over the years overflow 64 bits");
    }
    size_t srow = SIZE_MAX;
    for (size_t r = 0; rc == 0 && r < yr_table_nrows(a->st.t) && srow == SIZE_MAX; r++)
        if (yr_table_row_kind(a->st.t, r) == YR_ROW_TOTAL && row_year(a, r) == YR_READ_YEAR_ALL)
            srow = r;
    if (rc == 0 && srow == SIZE_MAX)
        rc = cli_fail_at(a->st.file, 0, "no Summa row of the lines 'all' (the sum over the years)");
    if (rc == 0)
        rc = cell_int(a, srow, a->total_col, &summa);
    if (rc == 0) {
        *off = nlines + (summa != lines_sum);
        cli_buf_printf(
            b, "\n== %s ==\nmunicipalities whose line is not the sum of their years' totals  %zu\n",
            yr_out_text(YR_OUT_ALL_YEARS, YR_LANG_EN), nlines);
        cli_buf_puts(b, cli_buf_str(&lines));
        cli_buf_printf(b, "Summa (line %zu): stated %" PRId64 ", the lines sum to %" PRId64 "%s\n",
                       yr_table_row_line(a->st.t, srow), summa, lines_sum,
                       summa == lines_sum ? "" : " (differs)");
    }
    cli_buf_free(&lines);
    cli_buf_free(&name);
    cli_keys_free(&u.keys);
    free(u.sum);
    free(u.stated);
    free(u.row);
    return rc;
}

/* A statement with years: every year's block as a statement of its own, then the block 'all'. */
static int audit_years(stmt_audit *a, const char *population, const cli_common *c,
                       const cli_read_opts *r, const char *items, const char *equal_part,
                       cli_buf *b, yr_table_verdict *worst, size_t *off)
{
    size_t ny;
    int64_t *years = statement_years(a, &ny);
    if (years == NULL)
        return cli_fail_at(a->st.file, 0, "out of memory");
    cli_buf_printf(b, "Audit of %s as a statement over %zu years and their sum ('%s'):", a->st.file,
                   ny, yr_out_text(YR_OUT_ALL_YEARS, YR_LANG_EN));
    for (size_t y = 0; y < ny; y++)
        cli_buf_printf(b, " %" PRId64, years[y]);
    cli_buf_puts(b, "\n");
    int rc = 0;
    for (size_t y = 0; y < ny && rc == 0; y++)
        rc = audit_block(a, years[y], population, c, r, items, equal_part, b, worst);
    free(years);
    if (rc == 0)
        rc = audit_all(a, b, off);
    if (rc == 0)
        cli_buf_printf(b, "\nverdict over the years: %s%s\n", yr_table_verdict_text(*worst),
                       *off > 0 ? "; the lines 'all' do not add up" : "");
    return rc;
}

int cli_audit_statement(const char *path, const char *population, const cli_common *c,
                        const cli_read_opts *r, int strict, const char *items,
                        const char *equal_part)
{
    stmt_audit a;
    memset(&a, 0, sizeof a);
    cli_buf_init(&a.extra);
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_YEAR, YR_WANT_UNIQUE},
                                 {YR_ROLE_CODE, 0},
                                 {YR_ROLE_POPULATION, YR_WANT_CHECKED | YR_WANT_BLANK_OK}};
    int rc = cli_read(path, c, r, want, 4, &a.st);
    if (rc == 0)
        rc = find_columns(&a);
    cli_buf b;
    cli_buf_init(&b);
    yr_table_verdict worst = YR_TABLE_REPRODUCED;
    size_t off = 0;
    if (rc == 0 && a.year_col == YR_READ_NONE)
        rc = audit_block(&a, 0, population, c, r, items, equal_part, &b, &worst);
    else if (rc == 0)
        rc = audit_years(&a, population, c, r, items, equal_part, &b, &worst, &off);
    if (rc == 0)
        rc = cli_out_report(&c->out, &b);
    cli_buf_free(&b);
    if (rc == 0 && strict && (worst == YR_TABLE_BREAKS_RULES || off > 0))
        rc = CLI_EXIT_FINDINGS;
    audit_free(&a);
    return rc;
}

/* The header of @p path as libyrkesresa-read finds it (the whole file: an .xlsx workbook too;
 * only the person and year roles asked for, so no cell but a year is judged and a statement
 * over years is one table), or NULL when it cannot be read (the
 * audit of a split reads it again and reports why). *bytes holds the file: free both. */
static yr_table *read_head(const char *path, char **bytes)
{
    static const yr_read_want want[] = {{YR_ROLE_PERSON, YR_WANT_BLANK_OK},
                                        {YR_ROLE_YEAR, YR_WANT_BLANK_OK}};
    FILE *f = fopen(path, "rb");
    size_t len = 0, cap = 65536;
    *bytes = f != NULL ? malloc(cap) : NULL;
    for (size_t got = cap; *bytes != NULL && got > 0 && len < YR_READ_MAX_BYTES;) {
        char *more = len == cap ? realloc(*bytes, cap *= 2) : *bytes;
        if (more == NULL)
            break;
        *bytes = more;
        len += got = fread(*bytes + len, 1, cap - len, f);
    }
    if (f != NULL)
        fclose(f);
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = want;
    o.nwant = 2;
    yr_table *t = NULL;
    if (*bytes == NULL || yr_read_table(*bytes, len, &o, &t, NULL) != YR_READ_OK)
        return NULL;
    return t;
}

int cli_audit_is_statement(const char *path)
{
    char *bytes = NULL;
    yr_table *t = strcmp(path, "-") == 0 ? NULL : read_head(path, &bytes);
    /* unreadable: the audit of a split reports */
    int found = yr_table_is_statement(t);
    yr_table_free(t);
    free(bytes);
    return found;
}
