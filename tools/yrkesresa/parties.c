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
    /* FNV's low bits cluster for labels that differ in their last digits ("Kommun 0000017"):
     * mix them (the 64-bit finaliser of MurmurHash3) before masking for linear probing */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h;
}

int cli_labels_init(cli_labels *set, size_t capacity)
{
    memset(set, 0, sizeof *set);
    cli_buf_init(&set->key);
    cli_buf_init(&set->other);
    set->nslots = 16;
    while (set->nslots < 2 * capacity + 2)
        set->nslots *= 2;
    set->slots = calloc(set->nslots, sizeof *set->slots);
    set->label = malloc((capacity ? capacity : 1) * sizeof *set->label);
    set->cap = capacity;
    set->idx_bits = 1;
    while (set->idx_bits < 32 && ((uint64_t)1 << set->idx_bits) <= capacity)
        set->idx_bits++;
    return set->slots != NULL && set->label != NULL;
}

void cli_labels_free(cli_labels *set)
{
    cli_buf_free(&set->key);
    cli_buf_free(&set->other);
    free(set->slots);
    free(set->label);
    memset(set, 0, sizeof *set);
}

/* yr_label_key of @p label into @p b; its length, or SIZE_MAX when out of memory. */
static size_t key_of(const char *label, cli_buf *b)
{
    size_t n = strlen(label), len;
    cli_buf_clear(b);
    cli_buf_add(b, label, n); /* reserves n + 1 bytes: a key is never longer than its label */
    if (!b->ok || yr_label_key(label, b->data, n + 1, &len) != YR_OK)
        return SIZE_MAX;
    return len;
}

size_t cli_labels_intern(cli_labels *set, const char *label, size_t *keylen)
{
    size_t len = key_of(label, &set->key);
    if (len == SIZE_MAX)
        return SIZE_MAX;
    *keylen = len;
    /* a slot holds index + 1 in its low idx_bits and hash bits above: most probes that do not
     * match are told apart without computing the other label's key again */
    uint64_t hash = hash_bytes(set->key.data, len);
    uint32_t idx_mask = set->idx_bits >= 32 ? UINT32_MAX : ((uint32_t)1 << set->idx_bits) - 1;
    uint32_t tag = (uint32_t)(hash >> 32) & ~idx_mask;
    size_t mask = set->nslots - 1;
    for (size_t h = (size_t)hash & mask;; h = (h + 1) & mask) {
        uint32_t slot = set->slots[h];
        if (slot == 0) {
            if (set->n == set->cap)
                return SIZE_MAX;
            set->label[set->n] = label;
            set->slots[h] = tag | (uint32_t)++set->n;
            return set->n - 1;
        }
        if ((slot & ~idx_mask) != tag)
            continue;
        /* keys are not stored (memory): the other label's key is computed again */
        size_t i = (slot & idx_mask) - 1;
        if (key_of(set->label[i], &set->other) == len &&
            memcmp(set->other.data, set->key.data, len) == 0)
            return i;
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

/* The decimals of the party weights: the largest scale written (0..18). A negative weight is
 * left to the library, which says which record it is. */
static int weight_scale(const char *file, const ycsv_table *t, const cli_parties *p, size_t col,
                        unsigned *scale)
{
    *scale = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t r = cli_party_row(p, i);
        cli_decimal d;
        if (cli_cell_decimal(file, t, r, col, 0, &d) != 0)
            return CLI_EXIT_ERROR;
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

/* ---------------------------------------------------------------- joins (input.h) */

#define JOIN_NCODES 10000 /* municipality codes are four digits */

struct ycsv_join {
    ycsv_join_side lookup, probe;
    const char *what;
    int by_code;
    cli_labels names; /* by name: the lookup's names first (nlookup of them), then unknowns */
    size_t nlookup;
    size_t *row_of;  /* the lookup row of each key (code or name index), SIZE_MAX when none */
    size_t nkeys;    /* entries of row_of */
    uint32_t *found; /* per lookup row: 1 + the probe row that found it, 0 when none yet */
};

/* The name of a municipality cell: "2080 Falun" -> "Falun" (yr_label_code), else the cell. */
static const char *join_name(const char *cell)
{
    size_t start;
    return yr_label_code(cell, NULL, &start) ? cell + start : cell;
}

/* 1 when row @p r takes part in the join (total rows do not). */
static int join_row(const ycsv_join_side *s, size_t r)
{
    return !yr_label_is_total(ycsv_cell(s->t, r, s->name_col));
}

int ycsv_join_has_codes(const ycsv_join_side *s)
{
    if (s->code_col != YCSV_NO_COLUMN)
        return 1;
    int code;
    for (size_t r = 0; r < s->t->nrows; r++)
        if (join_row(s, r) && !yr_label_code(ycsv_cell(s->t, r, s->name_col), &code, NULL))
            return 0;
    return 1;
}

int ycsv_join_row_code(const ycsv_join_side *s, size_t row, int *code)
{
    char q[80];
    *code = -1;
    if (s->code_col == YCSV_NO_COLUMN) {
        yr_label_code(ycsv_cell(s->t, row, s->name_col), code, NULL);
        return 0;
    }
    int64_t v;
    const char *cell = ycsv_cell(s->t, row, s->code_col);
    if (cli_parse_int64(cell, &v) != CLI_NUM_OK || v < 0 || v >= JOIN_NCODES)
        return cli_fail_at(s->file, ycsv_line(s->t, row),
                           "column %s: %s is not a municipality code (0114 .. 2584)",
                           cli_quote(s->t->header[s->code_col], q, sizeof q),
                           cli_quote(cell, q + 40, 40));
    *code = (int)v;
    return 0;
}

/* The key of row @p r of side @p s: its code, or the index of its name in j->names. 0 or 2. */
static int join_key(ycsv_join *j, const ycsv_join_side *s, size_t r, size_t *key)
{
    if (j->by_code) { /* every row has one: ycsv_join_has_codes */
        int code;
        if (ycsv_join_row_code(s, r, &code) != 0)
            return CLI_EXIT_ERROR;
        *key = (size_t)code;
        return 0;
    }
    size_t kl;
    *key = cli_labels_intern(&j->names, join_name(ycsv_cell(s->t, r, s->name_col)), &kl);
    return *key == SIZE_MAX ? cli_fail_at(s->file, 0, "out of memory") : 0;
}

/* Key every row of the lookup side; a key twice is an error naming both lines. */
static int join_build(ycsv_join *j)
{
    const ycsv_join_side *s = &j->lookup;
    char q[80];
    for (size_t r = 0; r < s->t->nrows; r++) {
        size_t k;
        if (!join_row(s, r))
            continue;
        if (join_key(j, s, r, &k) != 0)
            return CLI_EXIT_ERROR;
        if (j->row_of[k] == SIZE_MAX) {
            j->row_of[k] = r;
            continue;
        }
        if (j->by_code)
            return cli_fail_at(s->file, ycsv_line(s->t, r),
                               "municipality code %04zu appears twice (also on line %zu)", k,
                               ycsv_line(s->t, j->row_of[k]));
        return cli_fail_at(s->file, ycsv_line(s->t, r), "%s appears twice (also on line %zu)",
                           cli_quote(ycsv_cell(s->t, r, s->name_col), q, sizeof q),
                           ycsv_line(s->t, j->row_of[k]));
    }
    j->nlookup = j->names.n;
    return 0;
}

int ycsv_join_open(const ycsv_join_side *lookup, const ycsv_join_side *probe, const char *what,
                   ycsv_join **out)
{
    ycsv_join *j = calloc(1, sizeof *j);
    if (j == NULL)
        return cli_fail_at(lookup->file, 0, "out of memory");
    j->lookup = *lookup;
    j->probe = *probe;
    j->what = what;
    j->by_code = ycsv_join_has_codes(lookup) && ycsv_join_has_codes(probe);
    j->nkeys = j->by_code ? JOIN_NCODES : lookup->t->nrows + 1;
    j->row_of = malloc(j->nkeys * sizeof *j->row_of);
    j->found = calloc(lookup->t->nrows + 1, sizeof *j->found);
    int ok = j->row_of != NULL && j->found != NULL &&
             (j->by_code || cli_labels_init(&j->names, lookup->t->nrows + probe->t->nrows));
    if (ok)
        for (size_t k = 0; k < j->nkeys; k++)
            j->row_of[k] = SIZE_MAX;
    int rc = ok ? join_build(j) : cli_fail_at(lookup->file, 0, "out of memory");
    if (rc != 0)
        ycsv_join_free(j);
    *out = rc == 0 ? j : NULL;
    return rc;
}

int ycsv_join_find(ycsv_join *j, size_t row, size_t *lookup_row)
{
    const ycsv_join_side *s = &j->probe;
    const char *cell = ycsv_cell(s->t, row, s->name_col);
    char q[80];
    size_t k;
    if (join_key(j, s, row, &k) != 0)
        return CLI_EXIT_ERROR;
    size_t lr = (j->by_code || k < j->nlookup) ? j->row_of[k] : SIZE_MAX;
    if (lr == SIZE_MAX)
        return cli_fail_at(s->file, ycsv_line(s->t, row), "no %s for %s in %s", j->what,
                           cli_quote(cell, q, sizeof q), j->lookup.file);
    if (j->found[lr] != 0)
        return cli_fail_at(s->file, ycsv_line(s->t, row), "%s appears twice (also on line %zu)",
                           cli_quote(cell, q, sizeof q), ycsv_line(s->t, j->found[lr] - 1));
    j->found[lr] = (uint32_t)row + 1;
    *lookup_row = lr;
    return 0;
}

void ycsv_join_reset(ycsv_join *j)
{
    memset(j->found, 0, (j->lookup.t->nrows + 1) * sizeof *j->found);
}

void ycsv_join_free(ycsv_join *j)
{
    if (j == NULL)
        return;
    if (!j->by_code)
        cli_labels_free(&j->names);
    free(j->row_of);
    free(j->found);
    free(j);
}
