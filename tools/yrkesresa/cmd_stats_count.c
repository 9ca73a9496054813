/* `yrkesresa stats count --by COL[,COL...] RECORDS.csv`: records counted by the labels of one
 * or more columns (a learning-platform export: one row per person and course). The file is
 * read by libyrkesresa-read (cli_read): a municipality column's labels are compared by their
 * identity (`Falun`, `FALUN`, `2080 Falun` are one), other columns' by their name key
 * (yr_name_key); the counts are yr_count_by and yr_crosstab. Memory: the labels and the
 * distinct combinations that occur (a hash of tuples), never their product; a cross table of
 * more than 10^6 cells is refused (--long lists the combinations that occur). */
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>
#include <yrkesresa/identity.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

static const char usage_text[] =
    "Usage: yrkesresa stats count --by COL[,COL...] [--long] RECORDS.csv\n"
    "\n"
    "Count the records (rows) of RECORDS.csv by the labels of one or more columns, e.g. a\n"
    "learning-platform export with one row per person and course. Labels are compared as the\n"
    "reader compares names (case, Unicode forms, invisible characters and blanks do not count;\n"
    "a municipality by its identity: 'Falun', 'FALUN' and '2080 Falun' are one); a blank cell\n"
    "is a group of its own. Groups are listed in byte order of their first spelling.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats count --by municipality,course records.csv\n";

#define MAX_BY 8
#define MAX_CELLS 1000000 /* of a cross table; more: --long */

/* The count job: the columns, each record's group index per column, the labels. */
typedef struct count_job {
    cli_input in;
    size_t nby, col[MAX_BY], n; /* n: the records (data rows) */
    uint32_t *idx[MAX_BY];
    cli_keys labels[MAX_BY];
    size_t *order[MAX_BY]; /* the label indices in output order */
    cli_buf text;          /* scratch */
    int quiet;             /* --quiet: no reading line */
} count_job;

static void job_free(count_job *j)
{
    for (size_t c = 0; c < MAX_BY; c++) {
        free(j->idx[c]);
        free(j->order[c]);
        cli_keys_free(&j->labels[c]);
    }
    cli_buf_free(&j->text);
    cli_input_free(&j->in);
}

/* Parse "a,b,c" into column indices of the table. */
static int find_by_columns(count_job *j, const char *by)
{
    char name[512];
    const char *p = by;
    for (;;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || n >= sizeof name)
            return cli_fail_usage("stats count", "--by: an empty or too long column name");
        if (j->nby == MAX_BY)
            return cli_fail_usage("stats count", "--by: at most %d columns", MAX_BY);
        memcpy(name, p, n);
        name[n] = '\0';
        size_t col = cli_read_find_column(j->in.t, name);
        if (col == YR_READ_NONE) {
            char q[80];
            return cli_fail_at(j->in.file, cli_read_header_line(j->in.t), "no column %s (--by)",
                               cli_quote(name, q, sizeof q));
        }
        j->col[j->nby++] = col;
        if (e == NULL)
            return 0;
        p = e + 1;
    }
}

/* The label of a row as written, trimmed (yr_label_trim), NUL-terminated in @p b. */
static const char *label_of(const yr_table *t, size_t row, size_t col, cli_buf *b)
{
    size_t len, start;
    const char *s = yr_table_cell(t, row, col, &len);
    len = yr_label_trim(s, len, &start);
    cli_buf_clear(b);
    cli_buf_add(b, s + start, len);
    return cli_buf_str(b);
}

/* Byte order of the labels (their first spelling) of column c. */
static int order_labels(count_job *j, size_t c)
{
    size_t n = j->labels[c].n;
    char **text = malloc((n ? n : 1) * sizeof *text);
    j->order[c] = malloc((n ? n : 1) * sizeof *j->order[c]);
    if (text == NULL || j->order[c] == NULL) {
        free(text);
        return cli_fail_at(j->in.file, 0, "out of memory");
    }
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        const char *l = label_of(j->in.t, j->labels[c].first[k], j->col[c], &j->text);
        text[k] = strdup(l);
        j->order[c][k] = k;
        if (text[k] == NULL)
            rc = cli_fail_at(j->in.file, 0, "out of memory");
    }
    for (size_t a = 1; rc == 0 && a < n; a++) { /* insertion by binary search: stable */
        size_t v = j->order[c][a], lo = 0, hi = a;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(text[j->order[c][mid]], text[v]) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        memmove(&j->order[c][lo + 1], &j->order[c][lo], (a - lo) * sizeof *j->order[c]);
        j->order[c][lo] = v;
    }
    for (size_t k = 0; k < n; k++)
        free(text[k]);
    free(text);
    return rc;
}

/* Map every record's label in each --by column to its group index. */
static int index_records(count_job *j)
{
    cli_buf key;
    cli_buf_init(&key);
    int rc = 0;
    for (size_t c = 0; rc == 0 && c < j->nby; c++) {
        cli_keys_init(&j->labels[c]);
        j->idx[c] = malloc((j->n ? j->n : 1) * sizeof(uint32_t));
        if (j->idx[c] == NULL)
            rc = cli_fail_at(j->in.file, 0, "out of memory");
        for (size_t i = 0; rc == 0 && i < j->n; i++) {
            size_t row = yr_table_data_row(j->in.t, i);
            rc = cli_read_key(&j->in, row, j->col[c], &key);
            int64_t k = rc == 0 ? cli_keys_index(&j->labels[c], key.data, key.len, row) : 0;
            if (k < 0)
                rc = cli_fail_at(j->in.file, 0, "out of memory");
            j->idx[c][i] = (uint32_t)k;
        }
        if (rc == 0)
            rc = order_labels(j, c);
    }
    cli_buf_free(&key);
    return rc;
}
/* A status of the program's own (memory), naming the file. */
static int fail_status(const count_job *j, yr_status st)
{
    return cli_fail_at(j->in.file, 0, "%s", yr_strerror(st));
}

/* The library's refusal, in its words, naming the file. */
static int fail_where(const count_job *j, const yr_where *w)
{
    return cli_fail_lib(j->in.file, 0, NULL, w, NULL);
}

/* Label k of column c as an output cell. */
static void out_label(count_job *j, cli_out *o, size_t c, size_t k)
{
    cli_out_text(o, label_of(j->in.t, j->labels[c].first[k], j->col[c], &j->text));
}

/* The output, after the reading line (printed once the input is known good). */
static int open_out(count_job *j, const cli_output_opts *opts, cli_out *o)
{
    if (!j->quiet)
        cli_read_report(&j->in, opts->lang);
    cli_dialect d = cli_read_dialect(j->in.t);
    return cli_out_open_dialect(o, opts, YR_TABLE_STATS_COUNT, &d);
}

/* Two columns as a cross table with Summa row and column (the margins are yr_count_by); at
 * most MAX_CELLS cells. */
static int write_crosstab(count_job *j, const cli_output_opts *opts)
{
    size_t nr = j->labels[0].n, nc = j->labels[1].n, n = j->n;
    if (nc > 0 && nr > MAX_CELLS / nc)
        return cli_fail_at(j->in.file, 0,
                           "a cross table of %zu rows and %zu columns has more than 10^6 cells; "
                           "list the combinations that occur with --long",
                           nr, nc);
    int64_t *tab = malloc((nr * nc > 0 ? nr * nc : 1) * sizeof *tab);
    int64_t *rs = malloc((nr ? nr : 1) * sizeof *rs), *cs = malloc((nc ? nc : 1) * sizeof *cs);
    yr_status st = YR_ERR_NOMEM;
    yr_where w;
    if (tab != NULL && rs != NULL && cs != NULL)
        st = yr_crosstab_where(j->idx[0], j->idx[1], n, nr, nc, tab, &w);
    if (st == YR_OK)
        st = yr_count_by_where(j->idx[0], n, nr, rs, &w);
    if (st == YR_OK)
        st = yr_count_by_where(j->idx[1], n, nc, cs, &w);
    int rc = st == YR_ERR_NOMEM ? fail_status(j, st) : st != YR_OK ? fail_where(j, &w) : 0;
    cli_out o;
    if (rc == 0)
        rc = open_out(j, opts, &o);
    if (rc == 0) {
        cli_out_text(&o, yr_table_header(j->in.t, j->col[0]));
        for (size_t b = 0; b < nc; b++)
            out_label(j, &o, 1, j->order[1][b]);
        cli_out_name(&o, YR_OUT_SUMMA);
        cli_out_end_row(&o);
        for (size_t a = 0; a < nr; a++) {
            size_t r = j->order[0][a];
            out_label(j, &o, 0, r);
            for (size_t b = 0; b < nc; b++)
                cli_out_int(&o, tab[r * nc + j->order[1][b]]);
            cli_out_int(&o, rs[r]);
            cli_out_end_row(&o);
        }
        cli_out_name(&o, YR_OUT_SUMMA);
        for (size_t b = 0; b < nc; b++)
            cli_out_int(&o, cs[j->order[1][b]]);
        cli_out_int(&o, (int64_t)n);
        cli_out_end_row(&o);
        rc = cli_out_close(&o);
    }
    free(tab);
    free(rs);
    free(cs);
    return rc;
}

/* The combinations that occur: a hash of index tuples, each numbered by first appearance, so
 * memory follows the distinct combinations, never the product of the label counts. */
typedef struct combos {
    uint32_t *tuple; /* n tuples of nby indices */
    uint32_t *slot;  /* combination + 1, 0 empty */
    size_t nby, n, cap, nslots;
} combos;

static int combos_grow(combos *c)
{
    size_t cap = c->cap ? 2 * c->cap : 256, nslots = 2 * cap;
    uint32_t *tuple = realloc(c->tuple, cap * c->nby * sizeof *tuple);
    if (tuple != NULL)
        c->tuple = tuple;
    uint32_t *slot = calloc(nslots, sizeof *slot);
    if (tuple == NULL || slot == NULL || cap > UINT32_MAX) {
        free(slot);
        return -1;
    }
    for (size_t k = 0; k < c->n; k++) {
        size_t h = cli_hash_bytes(c->tuple + k * c->nby, c->nby * sizeof *c->tuple) & (nslots - 1);
        while (slot[h] != 0)
            h = (h + 1) & (nslots - 1);
        slot[h] = (uint32_t)(k + 1);
    }
    free(c->slot);
    c->slot = slot;
    c->nslots = nslots;
    c->cap = cap;
    return 0;
}

static int64_t combos_index(combos *c, const uint32_t *t)
{
    if (c->n == c->cap && combos_grow(c) != 0)
        return -1;
    size_t bytes = c->nby * sizeof *t, h = cli_hash_bytes(t, bytes) & (c->nslots - 1);
    while (c->slot[h] != 0) {
        size_t k = c->slot[h] - 1;
        if (memcmp(c->tuple + k * c->nby, t, bytes) == 0)
            return (int64_t)k;
        h = (h + 1) & (c->nslots - 1);
    }
    memcpy(c->tuple + c->n * c->nby, t, bytes);
    c->slot[h] = (uint32_t)(c->n + 1);
    return (int64_t)c->n++;
}

/* Every record's combination, counted by yr_count_by. */
static int count_combined(count_job *j, combos *cb, int64_t **counts)
{
    uint32_t *comb = malloc((j->n ? j->n : 1) * sizeof *comb), t[MAX_BY];
    if (comb == NULL)
        return cli_fail_at(j->in.file, 0, "out of memory");
    cb->nby = j->nby;
    for (size_t i = 0; i < j->n; i++) {
        for (size_t c = 0; c < j->nby; c++)
            t[c] = j->idx[c][i];
        int64_t k = combos_index(cb, t);
        if (k < 0) {
            free(comb);
            return cli_fail_at(j->in.file, 0, "out of memory");
        }
        comb[i] = (uint32_t)k;
    }
    *counts = malloc((cb->n ? cb->n : 1) * sizeof **counts);
    yr_where w;
    yr_status st =
        *counts == NULL ? YR_ERR_NOMEM : yr_count_by_where(comb, j->n, cb->n, *counts, &w);
    free(comb);
    return st == YR_OK ? 0 : st == YR_ERR_NOMEM ? fail_status(j, st) : fail_where(j, &w);
}

/* The rank of every label of each column in output order. */
static int label_ranks(count_job *j, size_t **rank)
{
    for (size_t c = 0; c < j->nby; c++) {
        rank[c] = malloc((j->labels[c].n ? j->labels[c].n : 1) * sizeof *rank[c]);
        if (rank[c] == NULL)
            return cli_fail_at(j->in.file, 0, "out of memory");
        for (size_t a = 0; a < j->labels[c].n; a++)
            rank[c][j->order[c][a]] = a;
    }
    return 0;
}

/* qsort's context: the tuples and the ranks (no global state: a pointer in each element). */
typedef struct combo_ref {
    const uint32_t *tuple;
    size_t *const *rank;
    size_t nby, k;
} combo_ref;

static int cmp_combos(const void *a, const void *b)
{
    const combo_ref *x = a, *y = b;
    for (size_t c = 0; c < x->nby; c++) {
        size_t rx = x->rank[c][x->tuple[c]], ry = y->rank[c][y->tuple[c]];
        if (rx != ry)
            return rx < ry ? -1 : 1;
    }
    return 0;
}

static void write_long_rows(count_job *j, cli_out *o, const combos *cb, const int64_t *counts,
                            size_t *const *rank)
{
    combo_ref *refs = malloc((cb->n ? cb->n : 1) * sizeof *refs);
    if (refs == NULL) {
        o->failed = 1;
        return;
    }
    for (size_t k = 0; k < cb->n; k++)
        refs[k] = (combo_ref){cb->tuple + k * cb->nby, rank, cb->nby, k};
    qsort(refs, cb->n, sizeof *refs, cmp_combos);
    for (size_t k = 0; k < cb->n; k++) {
        for (size_t c = 0; c < j->nby; c++)
            out_label(j, o, c, refs[k].tuple[c]);
        cli_out_int(o, counts[refs[k].k]);
        cli_out_end_row(o);
    }
    free(refs);
}

static int write_long(count_job *j, const cli_output_opts *opts)
{
    int64_t *counts = NULL;
    combos cb;
    memset(&cb, 0, sizeof cb);
    size_t *rank[MAX_BY] = {NULL};
    int rc = count_combined(j, &cb, &counts);
    if (rc == 0)
        rc = label_ranks(j, rank);
    cli_out o;
    if (rc == 0)
        rc = open_out(j, opts, &o);
    if (rc == 0) {
        for (size_t c = 0; c < j->nby; c++)
            cli_out_text(&o, yr_table_header(j->in.t, j->col[c]));
        cli_out_name(&o, YR_OUT_COUNT);
        cli_out_end_row(&o);
        write_long_rows(j, &o, &cb, counts, rank);
        cli_out_name(&o, YR_OUT_SUMMA);
        for (size_t c = 1; c < j->nby; c++)
            cli_out_empty(&o);
        cli_out_int(&o, (int64_t)j->n);
        cli_out_end_row(&o);
        rc = cli_out_close(&o);
    }
    for (size_t c = 0; c < MAX_BY; c++)
        free(rank[c]);
    free(cb.tuple);
    free(cb.slot);
    free(counts);
    return rc;
}

/* 1 when a --column entry of @p c is for column @p name (its header, by key); *role: its
 * role. */
static int given_column(const cli_common *c, const char *name, yr_read_role *role)
{
    char a[256], b[256], r[40];
    if (yr_header_key(name, a, sizeof a) != YR_READ_OK)
        return 0;
    for (size_t k = 0; k < c->columns.n; k++) {
        const char *v = c->columns.v[k], *eq = strchr(v, '=');
        if (eq == NULL || yr_header_key(eq + 1, b, sizeof b) != YR_READ_OK || strcmp(a, b) != 0)
            continue;
        snprintf(r, sizeof r, "%.*s", (int)(eq - v < 39 ? eq - v : 39), v);
        *role = yr_read_role_from_name(r);
        return 1;
    }
    return 0;
}

/* The reader's request: the --by columns are the columns the count reads (rule 9 of read.h: a
 * caller that requires its columns takes every row as it stands, so a column that says whether a
 * row takes part — Närvaro Ja/Nej — and is not counted by is refused, never counted silently).
 * The municipality column (by its header, or a --column) is read by identity; every other --by
 * column as a label, with the role group ("group=HEADER" added to the --column entries, written
 * in @p entries). Returns the number of wants, 0 after a message. */
static size_t by_request(cli_common *c, const char *by, yr_read_want want[MAX_BY + 2],
                         char entries[MAX_BY][560])
{
    unsigned muni = YR_WANT_BLANK_OK;
    size_t nby = 0, ngroup = 0, nwant = 2;
    for (const char *p = by, *e;; p = e + 1) {
        e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char name[512];
        yr_read_role role = YR_ROLE_NONE;
        if (n == 0 || n >= sizeof name || nby == MAX_BY) {
            cli_fail_usage("stats count", n == 0 || n >= sizeof name
                                              ? "--by: an empty or too long column name"
                                              : "--by: at most 8 columns");
            return 0;
        }
        memcpy(name, p, n);
        name[n] = '\0';
        int given = given_column(c, name, &role);
        if ((given && role == YR_ROLE_MUNICIPALITY) ||
            (!given && yr_role_is_header(name, YR_ROLE_MUNICIPALITY)))
            muni |= YR_WANT_REQUIRED;
        else if (given && role != YR_ROLE_NONE) /* --column course=Kurs --by Kurs */
            want[nwant++] =
                (yr_read_want){role, YR_WANT_REQUIRED | YR_WANT_MANY | YR_WANT_BLANK_OK};
        else if (cli_read_add_column(c, "group", name, entries[nby], 560) != 0)
            return 0;
        else
            ngroup++;
        nby++;
        if (e == NULL)
            break;
    }
    want[0] = (yr_read_want){YR_ROLE_MUNICIPALITY, muni};
    want[1] = (yr_read_want){YR_ROLE_GROUP, YR_WANT_REQUIRED | YR_WANT_MANY | YR_WANT_BLANK_OK};
    if (ngroup == 0) /* no group column: no group wanted */
        want[1] = want[--nwant];
    return nwant;
}

int cli_stats_count(int argc, char **argv)
{
    const char *by = NULL, *files[1];
    int long_form = 0;
    size_t nfiles = 0;
    cli_common common;
    cli_read_opts r;
    cli_option opts[2 + CLI_READ_NOPTS] = {
        {"by", CLI_OPT_VALUE, &by, "COL[,COL...]",
         "the columns to count by (header names, any case)"},
        {"long", CLI_OPT_FLAG, &long_form, NULL,
         "one row per combination that occurs: COL...,@NAME:count@ (@NAMN:count@ with --lang "
         "sv; the default for one column and for three or more); without it two columns give a "
         "cross table: one row per label of the first, one column per label of the second, "
         "with Summa row and column (at most 10^6 cells: else use --long)"}};
    size_t nopts = 2 + cli_read_options(&r, opts + 2);
    int rc = cli_parse_args(argc, argv, "stats count", usage_text, opts, nopts, &common, files, 1,
                            &nfiles);
    if (rc != -1)
        return rc;
    if (nfiles == 0 || by == NULL)
        return cli_fail_usage("stats count", nfiles == 0 ? "no RECORDS file" : "--by is needed");
    yr_read_want want[MAX_BY + 2];
    char entries[MAX_BY][560];
    size_t nwant = by_request(&common, by, want, entries);
    if (nwant == 0)
        return CLI_EXIT_ERROR;
    count_job j;
    memset(&j, 0, sizeof j);
    cli_buf_init(&j.text);
    j.quiet = r.quiet;
    r.quiet = 1;
    rc = cli_read(files[0], &common, &r, want, nwant, &j.in);
    if (rc == 0) {
        j.n = yr_table_ndata(j.in.t);
        rc = find_by_columns(&j, by);
    }
    if (rc == 0)
        rc = index_records(&j);
    if (rc == 0)
        rc = j.nby == 2 && !long_form ? write_crosstab(&j, &common.out)
                                      : write_long(&j, &common.out);
    job_free(&j);
    return rc;
}
