/* `yrkesresa stats count --by COL[,COL...] RECORDS.csv`: records counted by the labels of one
 * or more columns (a learning-platform export: one row per person and course). The labels are
 * trimmed (yr_label_trim) and mapped to group indices here; the counts are yr_count_by and
 * yr_crosstab. */
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cmd_cycle.h"

static const char usage_text[] =
    "Usage: yrkesresa stats count --by COL[,COL...] [--long] RECORDS.csv\n"
    "\n"
    "Count the records (rows) of RECORDS.csv by the labels of one or more columns, e.g. a\n"
    "learning-platform export with one row per person and course. Labels are compared after\n"
    "trimming blanks; a blank cell is a group of its own. Groups are listed in byte order.\n"
    "\n"
    "  --by COL[,COL...]     the columns to count by (header names, any case)\n"
    "  --long                one row per combination that occurs: COL...,@NAME:count@\n"
    "                        (@NAMN:count@ with --lang sv; the default for one column and for\n"
    "                        three or more); without it two columns give a cross table: one row\n"
    "                        per label of the first, one column per label of the second, with\n"
    "                        Summa row and column\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats count --by municipality,course records.csv\n";

#define MAX_BY 8

/* Labels of one column, interned: each distinct trimmed label gets the next index. */
typedef struct label_set {
    const char **text; /* label start (inside the table's text) */
    size_t *len;       /* label length */
    uint32_t *slot;    /* open addressing: label index + 1, 0 empty */
    size_t nslots, n, cap;
} label_set;

static void label_set_free(label_set *s)
{
    free(s->text);
    free(s->len);
    free(s->slot);
    memset(s, 0, sizeof *s);
}

static uint64_t hash_label(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * 1099511628211ULL;
    return h;
}

static int label_set_grow(label_set *s)
{
    size_t cap = s->cap ? 2 * s->cap : 64, nslots = 4 * cap;
    const char **text = realloc(s->text, cap * sizeof *text);
    if (text != NULL)
        s->text = text;
    size_t *len = realloc(s->len, cap * sizeof *len);
    if (len != NULL)
        s->len = len;
    uint32_t *slot = calloc(nslots, sizeof *slot);
    if (text == NULL || len == NULL || slot == NULL) {
        free(slot);
        return -1;
    }
    for (size_t k = 0; k < s->n; k++) {
        size_t h = hash_label(s->text[k], s->len[k]) & (nslots - 1);
        while (slot[h] != 0)
            h = (h + 1) & (nslots - 1);
        slot[h] = (uint32_t)(k + 1);
    }
    free(s->slot);
    s->slot = slot;
    s->nslots = nslots;
    s->cap = cap;
    return 0;
}

/* The index of label s[0..n) (added when new); -1 when out of memory. */
static int64_t label_set_index(label_set *s, const char *p, size_t n)
{
    if (s->n == s->cap && label_set_grow(s) != 0)
        return -1;
    size_t h = hash_label(p, n) & (s->nslots - 1);
    while (s->slot[h] != 0) {
        size_t k = s->slot[h] - 1;
        if (s->len[k] == n && memcmp(s->text[k], p, n) == 0)
            return (int64_t)k;
        h = (h + 1) & (s->nslots - 1);
    }
    s->text[s->n] = p;
    s->len[s->n] = n;
    s->slot[h] = (uint32_t)(s->n + 1);
    return (int64_t)s->n++;
}

/* One label in output order. */
typedef struct label_ref {
    const char *text;
    size_t len, idx;
} label_ref;

static int cmp_labels(const void *a, const void *b)
{
    const label_ref *x = a, *y = b;
    int c = memcmp(x->text, y->text, x->len < y->len ? x->len : y->len);
    return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* The labels of @p s sorted by bytes (caller frees); NULL when out of memory. */
static label_ref *sorted_labels(const label_set *s)
{
    label_ref *r = malloc((s->n ? s->n : 1) * sizeof *r);
    if (r == NULL)
        return NULL;
    for (size_t k = 0; k < s->n; k++)
        r[k] = (label_ref){s->text[k], s->len[k], k};
    qsort(r, s->n, sizeof *r, cmp_labels);
    return r;
}

/* A label as an output cell (a copy: cells are NUL-terminated). */
static void out_label(cli_out *o, const label_ref *l)
{
    char small[256];
    char *p = l->len < sizeof small ? small : malloc(l->len + 1);
    if (p == NULL) {
        o->failed = 1;
        return;
    }
    memcpy(p, l->text, l->len);
    p[l->len] = '\0';
    cli_out_text(o, p);
    if (p != small)
        free(p);
}

/* The count job: the columns, each record's group index per column, the labels. */
typedef struct count_job {
    const char *file;
    ycsv_table t;
    size_t nby, col[MAX_BY];
    uint32_t *idx[MAX_BY];
    label_set labels[MAX_BY];
    label_ref *order[MAX_BY];
} count_job;

static void job_free(count_job *j)
{
    for (size_t c = 0; c < MAX_BY; c++) {
        free(j->idx[c]);
        free(j->order[c]);
        label_set_free(&j->labels[c]);
    }
    ycsv_free(&j->t);
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
        size_t col = ycsv_find_column(&j->t, name);
        if (col == YCSV_NO_COLUMN) {
            char q[80];
            return cli_fail_at(j->file, j->t.header_line, "no column %s (--by)",
                               cli_quote(name, q, sizeof q));
        }
        j->col[j->nby++] = col;
        if (e == NULL)
            return 0;
        p = e + 1;
    }
}

/* 1 for a byte that yr_label_trim never trims at an end: printable ASCII other than space (its
 * blanks are ASCII <= 0x20 or multi-byte sequences of bytes >= 0x80). A label that starts and
 * ends with such bytes is already trimmed: the fast path for 10^6 records. */
static int ascii_inner(char ch)
{
    return (unsigned char)ch > 0x20 && (unsigned char)ch < 0x80;
}

/* Map every record's label in each --by column to its group index. */
static int index_records(count_job *j)
{
    size_t n = j->t.nrows;
    for (size_t c = 0; c < j->nby; c++) {
        j->idx[c] = malloc((n ? n : 1) * sizeof(uint32_t));
        if (j->idx[c] == NULL)
            return cli_fail_usage(NULL, "out of memory");
        for (size_t r = 0; r < n; r++) {
            const char *cell = ycsv_cell(&j->t, r, j->col[c]);
            size_t start = 0, len = strlen(cell);
            if (len == 0 || !ascii_inner(cell[0]) || !ascii_inner(cell[len - 1]))
                len = yr_label_trim(cell, len, &start);
            int64_t k = label_set_index(&j->labels[c], cell + start, len);
            if (k < 0)
                return cli_fail_usage(NULL, "out of memory");
            j->idx[c][r] = (uint32_t)k;
        }
        j->order[c] = sorted_labels(&j->labels[c]);
        if (j->order[c] == NULL)
            return cli_fail_usage(NULL, "out of memory");
    }
    return 0;
}

/* A status of the program's own (memory, a table too large to allocate), naming the file. */
static int fail_status(const count_job *j, yr_status st)
{
    return cli_fail_at(j->file, 0, "%s", yr_strerror(st));
}

/* The library's refusal, in its words, naming the file. */
static int fail_where(const count_job *j, const yr_where *w)
{
    return cli_fail_lib(j->file, 0, NULL, w, NULL);
}

/* Two columns as a cross table with Summa row and column (the margins are yr_count_by). */
static int write_crosstab(count_job *j, const cli_output_opts *opts)
{
    size_t nr = j->labels[0].n, nc = j->labels[1].n, n = j->t.nrows;
    if (nr > SIZE_MAX / sizeof(int64_t) / nc)
        return fail_status(j, YR_ERR_OVERFLOW);
    int64_t *tab = malloc(nr * nc * sizeof *tab), *rs = malloc(nr * sizeof *rs);
    int64_t *cs = malloc(nc * sizeof *cs);
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
        rc = cli_out_open(&o, opts, YR_TABLE_STATS_COUNT, &j->t);
    if (rc == 0) {
        cli_out_text(&o, j->t.header[j->col[0]]);
        for (size_t b = 0; b < nc; b++)
            out_label(&o, &j->order[1][b]);
        cli_out_name(&o, YR_OUT_SUMMA);
        cli_out_end_row(&o);
        for (size_t a = 0; a < nr; a++) {
            size_t r = j->order[0][a].idx;
            out_label(&o, &j->order[0][a]);
            for (size_t b = 0; b < nc; b++)
                cli_out_int(&o, tab[r * nc + j->order[1][b].idx]);
            cli_out_int(&o, rs[r]);
            cli_out_end_row(&o);
        }
        cli_out_name(&o, YR_OUT_SUMMA);
        for (size_t b = 0; b < nc; b++)
            cli_out_int(&o, cs[j->order[1][b].idx]);
        cli_out_int(&o, (int64_t)n);
        cli_out_end_row(&o);
        rc = cli_out_close(&o);
    }
    free(tab);
    free(rs);
    free(cs);
    return rc;
}

/* The combined group of every record (mixed radix over the columns), counted by yr_count_by. */
static int count_combined(count_job *j, int64_t **counts, size_t *ngroups)
{
    size_t g = 1, n = j->t.nrows;
    for (size_t c = 0; c < j->nby; c++) {
        if (j->labels[c].n > ((size_t)1 << 26) / g)
            return cli_fail_at(j->file, 0, "more than 2^26 combinations of the --by columns");
        g *= j->labels[c].n;
    }
    uint32_t *comb = malloc((n ? n : 1) * sizeof *comb);
    *counts = malloc(g * sizeof **counts);
    if (comb == NULL || *counts == NULL) {
        free(comb);
        return cli_fail_usage(NULL, "out of memory");
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t k = 0;
        for (size_t c = 0; c < j->nby; c++)
            k = k * (uint32_t)j->labels[c].n + j->idx[c][r];
        comb[r] = k;
    }
    yr_where w;
    yr_status st = yr_count_by_where(comb, n, g, *counts, &w);
    free(comb);
    *ngroups = g;
    return st == YR_OK ? 0 : fail_where(j, &w);
}

/* Write the combinations that occur, in label order (the last column varies fastest). */
static void write_long_rows(count_job *j, cli_out *o, const int64_t *counts, size_t c,
                            size_t prefix, const label_ref **path)
{
    for (size_t a = 0; a < j->labels[c].n; a++) {
        size_t k = prefix * j->labels[c].n + j->order[c][a].idx;
        path[c] = &j->order[c][a];
        if (c + 1 < j->nby) {
            write_long_rows(j, o, counts, c + 1, k, path);
            continue;
        }
        if (counts[k] == 0)
            continue;
        for (size_t d = 0; d < j->nby; d++)
            out_label(o, path[d]);
        cli_out_int(o, counts[k]);
        cli_out_end_row(o);
    }
}

static int write_long(count_job *j, const cli_output_opts *opts)
{
    int64_t *counts = NULL;
    size_t g = 0;
    int rc = count_combined(j, &counts, &g);
    cli_out o;
    if (rc == 0)
        rc = cli_out_open(&o, opts, YR_TABLE_STATS_COUNT, &j->t);
    if (rc == 0) {
        const label_ref *path[MAX_BY];
        for (size_t c = 0; c < j->nby; c++)
            cli_out_text(&o, j->t.header[j->col[c]]);
        cli_out_name(&o, YR_OUT_COUNT);
        cli_out_end_row(&o);
        write_long_rows(j, &o, counts, 0, 0, path);
        cli_out_name(&o, YR_OUT_SUMMA);
        for (size_t c = 1; c < j->nby; c++)
            cli_out_empty(&o);
        cli_out_int(&o, (int64_t)j->t.nrows);
        cli_out_end_row(&o);
        rc = cli_out_close(&o);
    }
    free(counts);
    return rc;
}

int cli_stats_count(int argc, char **argv)
{
    const char *by = NULL, *files[1];
    int long_form = 0;
    size_t nfiles = 0;
    cli_common common;
    const cli_option opts[] = {{"by", CLI_OPT_VALUE, &by}, {"long", CLI_OPT_FLAG, &long_form}};
    int rc =
        cli_parse_args(argc, argv, "stats count", usage_text, opts, 2, &common, files, 1, &nfiles);
    if (rc != -1)
        return rc;
    if (nfiles == 0 || by == NULL)
        return cli_fail_usage("stats count", nfiles == 0 ? "no RECORDS file" : "--by is needed");
    count_job j;
    memset(&j, 0, sizeof j);
    j.file = cli_shown(files[0]);
    rc = cli_load(files[0], &j.t);
    if (rc != 0)
        return rc;
    rc = find_by_columns(&j, by);
    if (rc == 0)
        rc = index_records(&j);
    if (rc == 0)
        rc = j.nby == 2 && !long_form ? write_crosstab(&j, &common.out)
                                      : write_long(&j, &common.out);
    job_free(&j);
    return rc;
}
