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
