/* Identities of rows (rule 6): the "one of the 290" rule, uniqueness of the row key, joins; and
 * the reading: the spans of lines and the one-line report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------------ places */

int rd_place_encode(yr_place p, int code)
{
    switch (p) {
    case YR_PLACE_MUNICIPALITY:
        return code;
    case YR_PLACE_COUNTY:
        return 10000 + code;
    case YR_PLACE_NATION:
        return 20000;
    default:
        return -1;
    }
}

yr_place rd_place_decode(int v, int *code)
{
    if (v < 0) {
        *code = -1;
        return YR_PLACE_OTHER;
    }
    if (v >= 20000) {
        *code = 0;
        return YR_PLACE_NATION;
    }
    if (v >= 10000) {
        *code = v - 10000;
        return YR_PLACE_COUNTY;
    }
    *code = v;
    return YR_PLACE_MUNICIPALITY;
}

size_t rd_name_key(const char *s, size_t len, char *dst, size_t cap)
{
    size_t out = 0; /* yr_name_key has its own fast path for ASCII and Latin-1 names */
    if (yr_name_key(s, len, dst, cap, &out) != YR_READ_OK) {
        dst[0] = '\0';
        return 0;
    }
    return out;
}

static size_t row_cell(const yr_table *t, size_t row, size_t col, const char **s)
{
    size_t len;
    *s = yr_table_cell(t, row, col, &len);
    return len;
}

/* A name that is no municipality among @p nmun that are: "'X' is not a Swedish municipality,
 * while 1 other row is (HINT)" / "while 5 other rows are; did you mean Y? (HINT)". */
static yr_read_status unknown_place(yr_read_error *err, size_t line, const char *s, size_t len,
                                    size_t nmun, const char *hint)
{
    char show[96], mean[128] = "";
    int near = yr_municipality_nearest(s, len);
    const char *name = near >= 0 ? yr_place_name(YR_PLACE_MUNICIPALITY, near) : NULL;
    if (name != NULL)
        snprintf(mean, sizeof mean, "; did you mean %s?", name);
    return rd_fail(err, YR_READ_ERR_IDENTITY, line,
                   "'%s' is not a Swedish municipality, while %zu other %s%s (%s)",
                   rd_show(show, sizeof show, s, len, 60), nmun, nmun == 1 ? "row is" : "rows are",
                   mean, hint);
}

/* With other parties allowed, a name within the "did you mean" distance of a municipality is
 * still refused: a region or an organisation is not one letter off a municipality's name. */
static const char near_hint[] = "other parties are allowed, but a name this close to a "
                                "municipality's is taken for a misspelling: write the "
                                "municipality's name, or the other party's in full";

/* The first data row whose name is no place of the table's level (a free name; in a table of
 * municipalities also a county or the nation that is a record: rd_classify_rows()), else
 * YR_READ_NONE (from @p from); with @p near, only a name that is a near miss of a
 * municipality's. */
static size_t other_place(const yr_table *t, size_t from, int near)
{
    for (size_t r = from; r < t->nrows; r++) {
        int code;
        yr_place p = rd_place_decode(t->place[r], &code);
        if (t->kinds[r] != YR_ROW_DATA ||
            (p != YR_PLACE_OTHER &&
             (p == YR_PLACE_MUNICIPALITY || t->level != YR_PLACE_MUNICIPALITY)))
            continue;
        const char *s;
        size_t len = row_cell(t, r, t->name_col, &s);
        if (!near || yr_municipality_nearest(s, len) >= 0)
            return r;
    }
    return YR_READ_NONE;
}

yr_read_status rd_check_places(yr_table *t, const yr_read_options *opt, yr_read_error *err)
{
    if (t->place == NULL || t->name_col == YR_READ_NONE)
        return YR_READ_OK;
    size_t nmun = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        int code;
        nmun += t->kinds[r] == YR_ROW_DATA &&
                rd_place_decode(t->place[r], &code) == YR_PLACE_MUNICIPALITY;
    }
    size_t other = nmun == 0 ? YR_READ_NONE : other_place(t, 0, opt->other_parties);
    if (other == YR_READ_NONE)
        return YR_READ_OK;
    const char *s;
    size_t len = row_cell(t, other, t->name_col, &s);
    unknown_place(err, yr_table_row_line(t, other), s, len, nmun,
                  opt->other_parties ? near_hint
                                     : "if the table also has other parties, such as regions or "
                                       "organisations, read it with --other-parties");
    rd_at_cell(t, err, rd_rec(t, other), t->name_col);
    return YR_READ_ERR_IDENTITY;
}

/* ------------------------------------------------------------------------ row keys */

typedef struct keyer {
    const yr_table *t;
    grid_cell *cells;
    size_t cap;
    grid_scratch sc;
    rd_buf buf;
    int identity;      /* the name/code columns are part of the key */
    int only_identity; /* a join: the identity alone */
} keyer;

static int key_add(keyer *k, const void *s, size_t n)
{
    if (k->buf.len + n + 2 > k->buf.cap && !rd_buf_reserve(&k->buf, n + 1))
        return 0;
    char *d = k->buf.p + k->buf.len;
    memcpy(d, s, n);
    d[n] = '\x1f';
    d[n + 1] = '\0';
    k->buf.len += n + 1;
    return 1;
}

/* The identity part of row @p row's key into k->buf: '#' and the place's code when it is a
 * known place, else the name key of the trimmed name cell (@p nk[0..nkl) when the caller has
 * it, from rd_place_of_key() in pass 1), nothing without a name cell. 0 on OOM. */
static int key_identity(keyer *k, size_t row, const grid_cell *cells, size_t n, const char *nk,
                        size_t nkl)
{
    const yr_table *t = k->t;
    int code;
    yr_place p = t->place != NULL ? rd_place_decode(t->place[row], &code) : YR_PLACE_OTHER;
    if (p != YR_PLACE_OTHER) {
        char tmp[16];
        int m = snprintf(tmp, sizeof tmp, "#%d", t->place[row]);
        return key_add(k, tmp, (size_t)m);
    }
    if (t->name_col == YR_READ_NONE || t->name_col >= n)
        return 1;
    if (nk != NULL)
        return key_add(k, nk, nkl);
    const grid_cell *c = &cells[t->name_col];
    size_t st, l = rd_trim(c->s, c->len, &st), off = k->buf.len;
    if (!rd_buf_reserve(&k->buf, 3 * l + 2))
        return 0;
    k->buf.len = off + rd_name_key(c->s + st, l, k->buf.p + off, 3 * l + 2);
    return rd_buf_add(&k->buf, "\x1f", 1);
}

/* The key of row @p row into k->buf: the identity (code, else the name key), then the other
 * unique columns (values for numbers and dates, name keys for text). 0 on OOM. */
static int key_cells(keyer *k, size_t row, const grid_cell *cells, size_t n)
{
    const yr_table *t = k->t;
    k->buf.len = 0;
    char tmp[64];
    if (k->identity && !key_identity(k, row, cells, n, NULL, 0))
        return 0;
    for (size_t col = 0; col < t->ncols && !k->only_identity; col++) {
        const rd_col *cl = &t->cols[col];
        if (!cl->wanted || !(cl->flags & YR_WANT_UNIQUE) || col == t->name_col ||
            col == t->code_col)
            continue;
        const grid_cell *c = col < n ? &cells[col] : NULL;
        if (c == NULL) {
            if (!key_add(k, "", 0))
                return 0;
            continue;
        }
        if (cl->fmt.kind != YR_KIND_TEXT && cl->fmt.kind != YR_KIND_CODE) {
            yr_value v;
            char why[200];
            rd_read_cell(&cl->fmt, c->s, c->len, c->type, &v, why, sizeof why);
            int m = snprintf(tmp, sizeof tmp, "%lld/%lld", (long long)v.num, (long long)v.den);
            if (!key_add(k, tmp, (size_t)m))
                return 0;
            continue;
        }
        size_t st, l = rd_trim(c->s, c->len, &st), off = k->buf.len;
        if (!rd_buf_reserve(&k->buf, 3 * l + 2))
            return 0;
        k->buf.len = off + rd_name_key(c->s + st, l, k->buf.p + off, 3 * l + 2);
        if (!rd_buf_add(&k->buf, "\x1f", 1))
            return 0;
    }
    return 1;
}

static int row_key(keyer *k, size_t row)
{
    size_t n = rd_row_cells(k->t, row, k->cells, k->cap, &k->sc);
    if (n > k->cap) {
        grid_cell *c = realloc(k->cells, n * sizeof *c);
        if (c == NULL)
            return 0;
        k->cells = c;
        k->cap = n;
        n = rd_row_cells(k->t, row, k->cells, k->cap, &k->sc);
    }
    return key_cells(k, row, k->cells, n);
}

static void keyer_free(keyer *k)
{
    free(k->cells);
    free(k->sc.data);
    free(k->buf.p);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n, w;
    for (; n >= 8; s += 8, n -= 8) { /* eight bytes a step */
        memcpy(&w, s, 8);
        h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
        h ^= h >> 32;
    }
    w = 0;
    if (n > 0) /* an empty key's buffer may be NULL (a row without the key's cells) */
        memcpy(&w, s, n);
    h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
    h ^= h >> 30; /* splitmix64's finaliser: every bit of the key reaches the slot and tag bits */
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 27;
    h *= UINT64_C(0x94D049BB133111EB);
    return h ^ (h >> 31);
}

static yr_read_status fail_duplicate(const yr_table *t, size_t first, size_t second,
                                     yr_read_error *err)
{
    char a[96], b[96];
    size_t l1 = yr_table_row_line(t, first), l2 = yr_table_row_line(t, second);
    int person = 0, day = 0;
    size_t nc = t->name_col; /* the names, when they are part of the row key */
    if (nc != YR_READ_NONE && !(t->cols[nc].wanted && (t->cols[nc].flags & YR_WANT_UNIQUE)))
        nc = YR_READ_NONE; /* (municipality, year) unique with the year alone in the key */
    size_t lc = nc;        /* the label column: the names, else a unique text column */
    for (size_t c = 0; c < t->ncols; c++) {
        const rd_col *cl = &t->cols[c];
        int uniq = cl->wanted && (cl->flags & YR_WANT_UNIQUE);
        person |= uniq && cl->role == YR_ROLE_PERSON;
        day |= uniq && cl->role == YR_ROLE_DAY;
        if (uniq && lc == YR_READ_NONE && cl->fmt.kind == YR_KIND_TEXT)
            lc = c;
    }
    if (!person && nc == YR_READ_NONE && lc != YR_READ_NONE) {
        const char *s1, *s2;
        size_t n1 = row_cell(t, first, lc, &s1), n2 = row_cell(t, second, lc, &s2);
        rd_fail(err, YR_READ_ERR_IDENTITY, l2,
                "'%s' is the same %s as '%s' at line %zu (names are compared with case, blanks "
                "and dashes unified); remove one of them, or merge them",
                rd_show(b, sizeof b, s2, n2, 60), yr_role_name(t->cols[lc].role),
                rd_show(a, sizeof a, s1, n1, 60), l1);
        rd_at_cell(t, err, rd_rec(t, second), lc);
    } else if (person || nc == YR_READ_NONE) {
        rd_fail(err, YR_READ_ERR_IDENTITY, l2,
                "line %zu repeats line %zu (the same %s); remove one of them", l2, l1,
                person && day ? "person on the same day"
                : person      ? "person"
                              : "key");
    } else {
        const char *s1, *s2;
        size_t n1 = row_cell(t, first, t->name_col, &s1);
        rd_show(a, sizeof a, s1, n1, 60);
        size_t n2 = row_cell(t, second, t->name_col, &s2);
        rd_show(b, sizeof b, s2, n2, 60);
        rd_fail(err, YR_READ_ERR_IDENTITY, l2,
                "'%s' is the same %s as '%s' at line %zu; remove one of them", b,
                t->place != NULL && t->place[second] >= 0 ? "municipality" : "party", a, l1);
        rd_at_cell(t, err, rd_rec(t, second), t->name_col);
    }
    if (err != NULL)
        err->other_line = l1;
    return YR_READ_ERR_IDENTITY;
}

/* Keys wait in a ring of RD_RING rows after their slot is prefetched, so the table's cache
 * misses overlap (one random access into a table of 8 MiB per row otherwise dominates). */
#define RD_RING 16

typedef struct rd_pending_key {
    size_t row;
    uint64_t h;
    rd_buf key;
} rd_pending_key;

struct rd_uniq {
    const yr_table *t;
    uint32_t *slot; /* row + 1 in the low 25 bits, 7 bits of the hash above; at most 2/3 full */
    size_t nslots;
    keyer k, k2;
    rd_pending_key ring[RD_RING];
    size_t head, n;
    int early;    /* pass 1: a repeated key is noted (conflict), not an error */
    int conflict; /* pass 1 saw two rows with one key: pass 5 checks the data rows */
    int unsorted; /* a key was not greater than the one before: the table is used */
    int any;      /* a key came */
    rd_buf prev;  /* while the keys come in ascending order: the last one */
};

void rd_uniq_close(rd_uniq *u)
{
    if (u == NULL)
        return;
    free(u->slot);
    free(u->prev.p);
    keyer_free(&u->k);
    keyer_free(&u->k2);
    for (size_t i = 0; i < RD_RING; i++)
        free(u->ring[i].key.p);
    free(u);
}

/* The row key's columns: KEY_IDENTITY when the name or code column is one, KEY_OTHER when
 * another column is; 0: no key. */
enum { KEY_IDENTITY = 1, KEY_OTHER = 2 };
static int key_columns(const yr_table *t)
{
    int k = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->cols[c].wanted && (t->cols[c].flags & YR_WANT_UNIQUE))
            k |= c == t->name_col || c == t->code_col ? KEY_IDENTITY : KEY_OTHER;
    }
    return k;
}

/* A uniqueness check of @p rows rows; @p identity: the key begins with the row's identity. */
static rd_uniq *uniq_new(const yr_table *t, size_t rows, int identity)
{
    rd_uniq *u = calloc(1, sizeof *u);
    if (u == NULL)
        return NULL;
    u->t = t;
    u->nslots = rows + rows / 2 + 16; /* 6 bytes a row, when the keys are not in order */
    u->k.t = u->k2.t = t;
    u->k.identity = u->k2.identity = identity;
    return u;
}

yr_read_status rd_uniq_open(const yr_table *t, rd_uniq **out)
{
    *out = NULL;
    int cols = key_columns(t);
    if (cols == 0 || t->ndata < 2 || t->keys_unique)
        return YR_READ_OK;
    rd_uniq *u = uniq_new(t, t->ndata, (cols & KEY_IDENTITY) != 0);
    if (u == NULL)
        return YR_READ_ERR_NOMEM;
    *out = u;
    return YR_READ_OK;
}

/* The first slot of a hash: its high 32 bits scaled to the table (no power of two needed). */
static size_t slot_of(const rd_uniq *u, uint64_t h)
{
    return (size_t)(((h >> 32) * (uint64_t)u->nslots) >> 32);
}

/* Insert the oldest waiting key; a duplicate is an error. */
static yr_read_status uniq_insert(rd_uniq *u, yr_read_error *err)
{
    const uint32_t rowmask = (1u << 25) - 1;
    rd_pending_key *e = &u->ring[u->head];
    u->head = (u->head + 1) % RD_RING;
    u->n--;
    uint32_t tag = (uint32_t)(e->h & 0x7F) << 25;
    for (size_t i = slot_of(u, e->h);; i = i + 1 == u->nslots ? 0 : i + 1) {
        if (u->slot[i] == 0) {
            u->slot[i] = tag | (uint32_t)(e->row + 1);
            return YR_READ_OK;
        }
        if ((u->slot[i] & ~rowmask) != tag)
            continue;
        size_t other = (u->slot[i] & rowmask) - 1;
        if (!row_key(&u->k2, other))
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        if (u->k2.buf.len != e->key.len ||
            (e->key.len > 0 && memcmp(u->k2.buf.p, e->key.p, e->key.len) != 0))
            continue; /* two empty keys are equal: no memcmp of a buffer never allocated */
        if (!u->early)
            return fail_duplicate(u->t, other, e->row, err);
        u->conflict = 1;
        return YR_READ_OK;
    }
}

/* Row @p row's key, in u->k.buf, into the ring (its slot prefetched); the oldest waiting key
 * into the table when the ring is full. */
static yr_read_status ring_push(rd_uniq *u, size_t row, yr_read_error *err)
{
    if (u->n == RD_RING) {
        yr_read_status st = uniq_insert(u, err);
        if (st != YR_READ_OK)
            return st;
    }
    rd_pending_key *e = &u->ring[(u->head + u->n) % RD_RING];
    rd_buf b = e->key; /* the key moves into the ring, the ring's old buffer is reused */
    e->key = u->k.buf;
    u->k.buf = b;
    e->row = row;
    e->h = hash_bytes(e->key.p, e->key.len);
#if defined(__GNUC__)
    __builtin_prefetch(&u->slot[slot_of(u, e->h)], 1);
#endif
    u->n++;
    return YR_READ_OK;
}

/* 1 when key a[0..na) sorts after b[0..nb) (bytes, then length). */
static int key_after(const char *a, size_t na, const char *b, size_t nb)
{
    size_t m = na < nb ? na : nb;
    int c = m > 0 ? memcmp(a, b, m) : 0;
    return c > 0 || (c == 0 && na > nb);
}

/* The keys stop coming in order at row @p row (its key in u->prev): the table, and every row
 * before it in. */
static yr_read_status uniq_unsorted(rd_uniq *u, size_t row, yr_read_error *err)
{
    u->unsorted = 1;
    u->slot = rd_alloc_rows(u->nslots * sizeof *u->slot, 1);
    if (u->slot == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    for (size_t r = 0; r < row && !u->conflict; r++) {
        if (!u->early && u->t->kinds[r] != YR_ROW_DATA)
            continue;
        if (!row_key(&u->k, r))
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        yr_read_status st = ring_push(u, r, err);
        if (st != YR_READ_OK)
            return st;
    }
    return YR_READ_OK;
}

/* Row @p row's key, in u->k.buf: while every key is greater than the one before, none can
 * repeat and the table is not touched (a sorted file, such as SCB's, costs one comparison a
 * row); at the first that is not, the rows before it go into the table, and from then on
 * every key. */
static yr_read_status uniq_take(rd_uniq *u, size_t row, yr_read_error *err)
{
    rd_buf b;
    if (!u->unsorted) {
        int in_order = !u->any || key_after(u->k.buf.p, u->k.buf.len, u->prev.p, u->prev.len);
        u->any = 1;
        b = u->prev, u->prev = u->k.buf, u->k.buf = b; /* the row's key is the last one */
        if (in_order)
            return YR_READ_OK;
        yr_read_status st = uniq_unsorted(u, row, err);
        b = u->prev, u->prev = u->k.buf, u->k.buf = b; /* the row's key back */
        if (st != YR_READ_OK || u->conflict)
            return st;
    }
    return ring_push(u, row, err);
}

yr_read_status rd_uniq_add(rd_uniq *u, size_t row, const grid_cell *cells, size_t n,
                           yr_read_error *err)
{
    if (!key_cells(&u->k, row, cells, n))
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    return uniq_take(u, row, err);
}

rd_uniq *rd_uniq_early(const yr_table *t, size_t rows)
{
    if (key_columns(t) != KEY_IDENTITY || rows < 2 || t->place == NULL)
        return NULL;
    rd_uniq *u = uniq_new(t, rows, 1);
    if (u != NULL)
        u->early = 1;
    return u;
}

yr_read_status rd_uniq_add_early(rd_uniq *u, size_t row, const grid_cell *cells, size_t n,
                                 const char *nk, size_t nkl, yr_read_error *err)
{
    if (u == NULL || u->conflict)
        return YR_READ_OK;
    u->k.buf.len = 0;
    if (!key_identity(&u->k, row, cells, n, nk, nkl))
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    return uniq_take(u, row, err);
}

int rd_uniq_end_early(rd_uniq *u, yr_read_error *err, yr_read_status *st)
{
    *st = u != NULL && !u->conflict ? rd_uniq_flush(u, err) : YR_READ_OK;
    int unique = u != NULL && !u->conflict && *st == YR_READ_OK;
    rd_uniq_close(u);
    return unique;
}

yr_read_status rd_uniq_flush(rd_uniq *u, yr_read_error *err)
{
    while (u != NULL && u->n > 0) {
        yr_read_status st = uniq_insert(u, err);
        if (st != YR_READ_OK)
            return st;
    }
    return YR_READ_OK;
}

/* Frames (yr_read_classify): the "one of the 290" rule and one identity per data row. */
yr_read_status rd_frame_identities(const char *const *labels, size_t n, const int16_t *place,
                                   const yr_row_kind *kinds, int other_parties, uint8_t *present,
                                   size_t *nmun, yr_read_error *err)
{
    size_t other = YR_READ_NONE, mun = 0;
    uint8_t seen[10000] = {0};
    for (size_t i = 0; i < n; i++) {
        if (kinds[i] != YR_ROW_DATA)
            continue;
        int code;
        yr_place p = rd_place_decode(place[i], &code);
        if (p == YR_PLACE_MUNICIPALITY && code > 0 && code < 10000) {
            mun++;
            if (seen[code]) {
                char a[96];
                for (size_t j = 0; j < i; j++)
                    if (kinds[j] == YR_ROW_DATA && place[j] == place[i]) {
                        rd_fail(err, YR_READ_ERR_IDENTITY, i + 1,
                                "'%s' is the same municipality as '%s' at position %zu; "
                                "remove one of them",
                                rd_show(a, sizeof a, labels[i], strlen(labels[i]), 60), labels[j],
                                j + 1);
                        if (err != NULL)
                            err->other_line = j + 1;
                        break;
                    }
                return YR_READ_ERR_IDENTITY;
            }
            seen[code] = 1;
            int c = yr_municipality_county(code);
            if (c > 0 && c < 32)
                present[c]++;
        }
        if (p == YR_PLACE_OTHER && other == YR_READ_NONE)
            other = i;
    }
    *nmun = mun;
    if (mun > 0 && other != YR_READ_NONE && !other_parties)
        return unknown_place(err, other + 1, labels[other], strlen(labels[other]), mun,
                             "if other parties are meant, allow them: other_parties");
    for (size_t i = other; mun > 0 && i < n; i++) /* allowed, but not one a misspelling */
        if (kinds[i] == YR_ROW_DATA && rd_place_decode(place[i], &(int){0}) == YR_PLACE_OTHER &&
            yr_municipality_nearest(labels[i], strlen(labels[i])) >= 0)
            return unknown_place(err, i + 1, labels[i], strlen(labels[i]), mun, near_hint);
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ identity */

yr_read_status rd_make_place_keys(yr_table *t)
{
    if (t->place == NULL)
        return YR_READ_OK;
    t->key_off = calloc(20001, sizeof *t->key_off);
    if (t->key_off == NULL)
        return YR_READ_ERR_NOMEM;
    for (size_t r = 0; r < t->nrows; r++) {
        int v = t->place[r], code;
        if (v < 0 || v > 20000 || t->key_off[v] != 0)
            continue;
        yr_place p = rd_place_decode(v, &code);
        const char *name = yr_place_name(p, code);
        if (name == NULL)
            continue;
        size_t len = strlen(name), off = t->keys.len;
        if (!rd_buf_reserve(&t->keys, 3 * len + 2))
            return YR_READ_ERR_NOMEM;
        t->keys.len += rd_name_key(name, len, t->keys.p + off, 3 * len + 2) + 1;
        t->key_off[v] = (uint32_t)off + 1;
    }
    return YR_READ_OK;
}

yr_read_status yr_table_identity(const yr_table *t, size_t row, yr_identity *id)
{
    if (t == NULL || id == NULL)
        return YR_READ_ERR_NULL;
    if (t->place == NULL || row >= t->nrows)
        return YR_READ_ERR_OPTION;
    int code;
    id->place = rd_place_decode(t->place[row], &code);
    id->code = code;
    id->key = NULL;
    if (id->place != YR_PLACE_OTHER && t->key_off != NULL && t->key_off[t->place[row]] != 0)
        id->key = t->keys.p + t->key_off[t->place[row]] - 1;
    return YR_READ_OK;
}

yr_read_status yr_table_identity_key(const yr_table *t, size_t row, char *dst, size_t cap,
                                     size_t *len)
{
    if (t == NULL || dst == NULL)
        return YR_READ_ERR_NULL;
    if (t->place == NULL || row >= t->nrows)
        return YR_READ_ERR_OPTION;
    yr_identity id;
    yr_table_identity(t, row, &id);
    const char *s = id.key;
    size_t n = s != NULL ? strlen(s) : 0;
    if (s == NULL) {
        size_t l = t->name_col != YR_READ_NONE ? row_cell(t, row, t->name_col, &s) : 0, st;
        if (l == 0)
            s = "";
        l = rd_trim(s, l, &st);
        if (cap < 3 * l + 1)
            return YR_READ_ERR_LIMIT;
        n = rd_name_key(s + st, l, dst, cap);
    } else {
        if (cap < n + 1)
            return YR_READ_ERR_LIMIT;
        memcpy(dst, s, n + 1);
    }
    if (len != NULL)
        *len = n;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ joins */

typedef struct jtab {
    uint32_t *slot;
    size_t nslots;
} jtab;

static size_t jfind(jtab *j, keyer *k, keyer *k2, size_t row, int insert, size_t *found)
{
    uint64_t h = hash_bytes(k->buf.p, k->buf.len);
    uint32_t tag = (uint32_t)(h >> 57) << 25;
    const uint32_t rowmask = (1u << 25) - 1;
    *found = YR_READ_NONE;
    for (size_t i = (size_t)h & (j->nslots - 1);; i = (i + 1) & (j->nslots - 1)) {
        if (j->slot[i] == 0) {
            if (insert)
                j->slot[i] = tag | (uint32_t)(row + 1);
            return 0;
        }
        if ((j->slot[i] & ~rowmask) != tag)
            continue;
        size_t other = (j->slot[i] & rowmask) - 1;
        if (!row_key(k2, other))
            return 1;
        if (k2->buf.len == k->buf.len && memcmp(k2->buf.p, k->buf.p, k->buf.len) == 0) {
            *found = other;
            return 0;
        }
    }
}

/* The index among the data rows of row @p row. */
static size_t data_index(const yr_table *t, size_t row)
{
    size_t before = 0;
    for (size_t k = 0; k < t->naggr && t->aggr[k] < row; k++)
        before++;
    return row - before;
}

static yr_read_status join_fail(const yr_table *probe, size_t row, const char *what,
                                const char *how, size_t other, yr_read_error *err)
{
    const char *s;
    char show[96];
    size_t len = probe->name_col != YR_READ_NONE ? row_cell(probe, row, probe->name_col, &s) : 0;
    if (len == 0)
        s = "";
    rd_fail(err, YR_READ_ERR_IDENTITY, yr_table_row_line(probe, row), "'%s' %s%s",
            rd_show(show, sizeof show, s, len, 60), how, what != NULL ? what : "");
    if (err != NULL && other != YR_READ_NONE)
        err->other_line = yr_table_row_line(probe, other);
    return YR_READ_ERR_IDENTITY;
}

static yr_read_status join_build(const yr_table *lookup, jtab *j, keyer *k, keyer *k2,
                                 yr_read_error *err)
{
    for (size_t r = 0; r < lookup->nrows; r++) {
        if (lookup->kinds[r] != YR_ROW_DATA)
            continue;
        size_t f;
        if (!row_key(k, r) || jfind(j, k, k2, r, 1, &f))
            return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        if (f != YR_READ_NONE)
            return join_fail(lookup, r, NULL, "appears twice in the table looked up", f, err);
    }
    return YR_READ_OK;
}

yr_read_status yr_table_join(const yr_table *lookup, const yr_table *probe, const char *what,
                             int unique, size_t *map, yr_read_error *err)
{
    if (lookup == NULL || probe == NULL || (map == NULL && probe->ndata > 0)) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    if (lookup->place == NULL || probe->place == NULL) {
        rd_fail(err, YR_READ_ERR_OPTION, 0,
                "a table without a municipality or code column cannot be joined");
        return YR_READ_ERR_OPTION;
    }
    jtab j = {NULL, 16}, seen = {NULL, 16};
    while (j.nslots < 2 * lookup->ndata + 2)
        j.nslots *= 2;
    while (seen.nslots < 2 * probe->ndata + 2)
        seen.nslots *= 2;
    j.slot = calloc(j.nslots, sizeof *j.slot);
    seen.slot = unique ? calloc(seen.nslots, sizeof *seen.slot) : NULL;
    keyer kl = {lookup, NULL, 0, {NULL, 0}, {NULL, 0, 0}, 1, 1}, kl2 = kl;
    keyer kp = {probe, NULL, 0, {NULL, 0}, {NULL, 0, 0}, 1, 1}, kp2 = kp;
    char whatbuf[160];
    snprintf(whatbuf, sizeof whatbuf, " %s", what != NULL ? what : "");
    yr_read_status st = j.slot == NULL || (unique && seen.slot == NULL)
        ? rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory"),
                   YR_READ_ERR_NOMEM : YR_READ_OK;
    if (st == YR_READ_OK)
        st = join_build(lookup, &j, &kl, &kl2, err);
    for (size_t r = 0, i = 0; r < probe->nrows && st == YR_READ_OK; r++) {
        if (probe->kinds[r] != YR_ROW_DATA)
            continue;
        size_t f, g;
        if (!row_key(&kp, r) || jfind(&j, &kp, &kl2, r, 0, &f) ||
            (unique && jfind(&seen, &kp, &kp2, r, 1, &g))) {
            st = rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
            break;
        }
        if (f == YR_READ_NONE) {
            snprintf(whatbuf, sizeof whatbuf, "has no %s (it is not in the table looked up)",
                     what != NULL ? what : "match");
            st = join_fail(probe, r, NULL, whatbuf, YR_READ_NONE, err);
            break;
        }
        if (unique && g != YR_READ_NONE) {
            st = join_fail(probe, r, NULL, "appears twice", g, err);
            break;
        }
        map[i++] = data_index(lookup, f);
    }
    free(j.slot);
    free(seen.slot);
    keyer_free(&kl);
    keyer_free(&kl2);
    keyer_free(&kp);
    keyer_free(&kp2);
    if (st == YR_READ_OK && err != NULL) {
        memset(err, 0, sizeof *err);
        err->column = YR_READ_NONE;
    }
    return st;
}
