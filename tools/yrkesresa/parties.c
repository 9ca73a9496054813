/* Party tables and total rows of the yrkesresa program (see cli.h), and the one totals check
 * behind `pot --check` and `stats check`. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

/* ---------------------------------------------------------------- names */

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

int cli_labels_init(cli_labels *set, size_t capacity)
{
    memset(set, 0, sizeof *set);
    cli_buf_init(&set->keys);
    cli_buf_init(&set->scratch);
    set->nslots = 16;
    while (set->nslots < 2 * capacity + 2)
        set->nslots *= 2;
    set->slots = calloc(set->nslots, sizeof *set->slots);
    set->off = malloc((capacity ? capacity : 1) * sizeof *set->off);
    set->cap = capacity;
    return set->slots != NULL && set->off != NULL;
}

void cli_labels_free(cli_labels *set)
{
    cli_buf_free(&set->keys);
    cli_buf_free(&set->scratch);
    free(set->slots);
    free(set->off);
    memset(set, 0, sizeof *set);
}

const char *cli_labels_key(const cli_labels *set, size_t i)
{
    return set->keys.data + set->off[i];
}

size_t cli_labels_intern(cli_labels *set, const char *label, size_t *keylen)
{
    size_t n = strlen(label), len;
    cli_buf *k = &set->scratch;
    cli_buf_clear(k);
    cli_buf_add(k, label, n); /* reserves n + 1 bytes: a key is never longer than its label */
    if (!k->ok || yr_label_key(label, k->data, n + 1, &len) != YR_OK)
        return SIZE_MAX;
    *keylen = len;
    size_t mask = set->nslots - 1;
    for (size_t h = hash_bytes(k->data, len) & mask;; h = (h + 1) & mask) {
        if (set->slots[h] == 0) {
            if (set->n == set->cap)
                return SIZE_MAX;
            set->off[set->n] = set->keys.len;
            cli_buf_add(&set->keys, k->data, len + 1);
            if (!set->keys.ok)
                return SIZE_MAX;
            set->slots[h] = (uint32_t)++set->n;
            return set->n - 1;
        }
        const char *other = cli_labels_key(set, set->slots[h] - 1);
        if (strncmp(other, k->data, len) == 0 && other[len] == '\0')
            return set->slots[h] - 1;
    }
}

/* Names non-empty and distinct by yr_label_key. */
static int check_names(const char *file, const ycsv_table *t, const cli_parties *p)
{
    cli_labels set;
    uint32_t *first = malloc((p->n ? p->n : 1) * sizeof *first);
    int rc =
        cli_labels_init(&set, p->n) && first != NULL ? 0 : cli_fail_at(file, 0, "out of memory");
    char q[80];
    for (size_t i = 0; i < p->n && rc == 0; i++) {
        size_t r = cli_party_row(p, i), klen;
        size_t before = set.n, k = cli_labels_intern(&set, ycsv_cell(t, r, p->name_col), &klen);
        if (k == SIZE_MAX)
            rc = cli_fail_at(file, 0, "out of memory");
        else if (klen == 0)
            rc = cli_fail_at(file, ycsv_line(t, r), "column %s: empty name",
                             cli_quote(t->header[p->name_col], q, sizeof q));
        else if (set.n == before)
            rc = cli_fail_at(file, ycsv_line(t, r), "duplicate name %s (also on line %zu)",
                             cli_quote(ycsv_cell(t, r, p->name_col), q, sizeof q),
                             ycsv_line(t, first[k]));
        else
            first[k] = (uint32_t)r;
    }
    cli_labels_free(&set);
    free(first);
    return rc;
}

int cli_find_parties(const char *file, const ycsv_table *t, size_t name_col, cli_parties *p)
{
    p->total_row = YCSV_NO_COLUMN;
    p->name_col = name_col;
    for (size_t r = 0; r < t->nrows; r++) {
        if (!yr_label_is_total(ycsv_cell(t, r, name_col)))
            continue;
        if (p->total_row != YCSV_NO_COLUMN)
            return cli_fail_at(file, ycsv_line(t, r),
                               "a second total row (the first is on line %zu)",
                               ycsv_line(t, p->total_row));
        p->total_row = r;
    }
    p->n = t->nrows - (p->total_row != YCSV_NO_COLUMN);
    if (p->n == 0)
        return cli_fail_at(file, ycsv_line(t, 0), "no parties: only a total row");
    return check_names(file, t, p);
}

/* ---------------------------------------------------------------- weights */

/* The decimals of the party weights: the largest scale written (0..18). */
static int weight_scale(const char *file, const ycsv_table *t, const cli_parties *p, size_t col,
                        unsigned *scale)
{
    char qn[80], qc[80];
    *scale = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t r = cli_party_row(p, i);
        cli_decimal d;
        if (cli_cell_decimal(file, t, r, col, 0, &d) != 0)
            return CLI_EXIT_ERROR;
        if (d.num < 0)
            return cli_fail_at(file, ycsv_line(t, r), "column %s: negative weight %s",
                               cli_quote(t->header[col], qn, sizeof qn),
                               cli_quote(ycsv_cell(t, r, col), qc, sizeof qc));
        *scale = d.scale > *scale ? d.scale : *scale;
    }
    return 0;
}

/* A party whose weight is the sum of the others, not named a total: an error. */
static int unnamed_total(const char *file, const ycsv_table *t, const cli_parties *p,
                         const int64_t *w)
{
    size_t idx;
    if (yr_find_total_row(w, p->n, &idx) != YR_OK || idx == YR_WHERE_NONE)
        return 0;
    char q[80];
    size_t r = cli_party_row(p, idx);
    return cli_fail_at(file, ycsv_line(t, r),
                       "%s looks like a total row (its weight is the sum of all the others); "
                       "name it Summa or remove it (or give --no-total-row)",
                       cli_quote(ycsv_cell(t, r, p->name_col), q, sizeof q));
}

int cli_read_weights(const char *file, const ycsv_table *t, const cli_parties *p, size_t col,
                     const cli_common *c, int64_t *weights, unsigned *scale)
{
    char qn[80];
    if (weight_scale(file, t, p, col, scale) != 0)
        return CLI_EXIT_ERROR;
    int64_t sum = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t r = cli_party_row(p, i);
        cli_decimal d;
        cli_parse_decimal(ycsv_cell(t, r, col), &d); /* parsed above */
        if (cli_decimal_rescale(d, *scale, &weights[i]) != CLI_NUM_OK ||
            __builtin_add_overflow(sum, weights[i], &sum))
            return cli_fail_at(file, ycsv_line(t, r),
                               "column %s: the weights%s add up to more than fits in 64 bits",
                               cli_quote(t->header[col], qn, sizeof qn),
                               *scale > 0 ? " (as integers over a common power of ten)" : "");
    }
    if (p->total_row == YCSV_NO_COLUMN && !c->no_total_row)
        return unnamed_total(file, t, p, weights);
    return 0;
}

/* ---------------------------------------------------------------- totals check */

/* The checked columns: every column but the labels whose stated total is an integer. */
static size_t checked_columns(const ycsv_table *t, size_t label_col, size_t total, size_t *cols)
{
    size_t n = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        int64_t v;
        if (c != label_col && cli_parse_int64(ycsv_cell(t, total, c), &v) == CLI_NUM_OK)
            cols[n++] = c;
    }
    return n;
}

/* Read the body cells of the checked columns (blank = 0); a non-number is an error. */
static int read_body(const char *file, const ycsv_table *t, size_t total, const size_t *cols,
                     size_t ncols, int64_t *cells, int64_t *stated)
{
    for (size_t k = 0; k < ncols; k++)
        cli_parse_int64(ycsv_cell(t, total, cols[k]), &stated[k]);
    for (size_t r = 0, b = 0; r < t->nrows; r++) {
        if (r == total)
            continue;
        for (size_t k = 0; k < ncols; k++) {
            cells[b * ncols + k] = 0;
            if (!cli_cell_blank(t, r, cols[k]) &&
                cli_cell_int64(file, t, r, cols[k], &cells[b * ncols + k]) != 0)
                return CLI_EXIT_ERROR;
        }
        b++;
    }
    return 0;
}

/* One result row: column,sum,stated,difference,status. */
static void check_row(cli_out *o, const char *name, int64_t sum, int64_t stated)
{
    cli_out_text(o, name);
    cli_out_int(o, sum);
    cli_out_int(o, stated);
    int64_t diff;
    if (__builtin_sub_overflow(sum, stated, &diff))
        cli_out_empty(o);
    else
        cli_out_int(o, diff);
    cli_out_text(o, sum == stated ? "ok" : "MISMATCH");
    cli_out_end_row(o);
}

static int write_check(const ycsv_table *t, const cli_common *c, const size_t *cols, size_t n,
                       const int64_t *sums, const int64_t *stated)
{
    cli_out o;
    if (cli_out_open(&o, &c->out, t) != 0)
        return CLI_EXIT_ERROR;
    static const char *const head[] = {"column", "sum", "stated", "difference", "status"};
    for (size_t k = 0; k < 5; k++)
        cli_out_text(&o, head[k]);
    cli_out_end_row(&o);
    for (size_t col = 0, k = 0; col < t->ncols; col++) {
        if (k < n && cols[k] == col) {
            check_row(&o, t->header[col], sums[k], stated[k]);
            k++;
        } else if (col != 0) {
            cli_out_text(&o, t->header[col]);
            for (int e = 0; e < 3; e++)
                cli_out_empty(&o);
            cli_out_text(&o, "skipped: no integer total");
            cli_out_end_row(&o);
        }
    }
    return cli_out_close(&o);
}

static int run_check(const char *file, const ycsv_table *t, const cli_common *c, size_t total,
                     size_t *mismatched)
{
    size_t nb = t->nrows - 1, *cols = malloc(t->ncols * sizeof *cols);
    size_t n = cols ? checked_columns(t, 0, total, cols) : 0;
    int64_t *cells = NULL, *stated = NULL, *sums = NULL;
    int rc = CLI_EXIT_ERROR;
    if (cols != NULL && n == 0) {
        rc = cli_fail_at(file, ycsv_line(t, total), "no integer columns to check");
        goto done;
    }
    if (cols != NULL && nb <= SIZE_MAX / sizeof(int64_t) / n) {
        cells = malloc((nb ? nb : 1) * n * sizeof *cells);
        stated = malloc(n * sizeof *stated);
        sums = malloc(n * sizeof *sums);
    }
    if (cells == NULL || stated == NULL || sums == NULL) {
        rc = cli_fail_at(file, 0, "out of memory");
        goto done;
    }
    if (read_body(file, t, total, cols, n, cells, stated) != 0)
        goto done;
    yr_where where;
    yr_status st = yr_check_totals_where(cells, nb, n, stated, sums, mismatched, &where);
    if (st == YR_ERR_OVERFLOW && where.column != YR_WHERE_NONE)
        rc = cli_fail_at(file, 0, "column '%s': the sum does not fit in 64 bits",
                         t->header[cols[where.column]]);
    else if (st != YR_OK)
        rc = cli_fail_at(file, 0, "%s", yr_strerror(st));
    else
        rc = write_check(t, c, cols, n, sums, stated);
done:
    free(cols);
    free(cells);
    free(stated);
    free(sums);
    return rc;
}

int cli_check_totals(const char *path, const cli_common *c, int strict)
{
    ycsv_table t;
    if (cli_load(path, &t) != 0)
        return CLI_EXIT_ERROR;
    const char *file = cli_shown(path);
    cli_parties p = {0, YCSV_NO_COLUMN, 0};
    int rc = CLI_EXIT_ERROR;
    size_t mismatched = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        if (!yr_label_is_total(ycsv_cell(&t, r, 0)))
            continue;
        if (p.total_row != YCSV_NO_COLUMN) {
            rc =
                cli_fail_at(file, ycsv_line(&t, r), "a second total row (the first is on line %zu)",
                            ycsv_line(&t, p.total_row));
            goto done;
        }
        p.total_row = r;
    }
    if (p.total_row == YCSV_NO_COLUMN)
        rc = cli_fail_at(file, 0, "no total row (a first cell such as Totalt, Summa or Total)");
    else
        rc = run_check(file, &t, c, p.total_row, &mismatched);
    if (rc == CLI_EXIT_OK && strict && mismatched > 0)
        rc = CLI_EXIT_FINDINGS;
done:
    ycsv_free(&t);
    return rc;
}
