/* The groups of a nested split (yr_read_groups()): one rule for the program's --group-column and
 * the bindings' nested splits. A group that names a county is keyed by its county, any other
 * group by its name key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/labels.h"

/* The county code of a label of one or two digits (`1` is county 01, as Excel stores `01`),
 * else -1. */
static int short_county(const char *s)
{
    size_t st, n = yr_label_trim(s, strlen(s), &st);
    if (n == 0 || n > 2 || strspn(s + st, "0123456789") < n)
        return -1;
    int code = n == 1 ? s[st] - '0' : (s[st] - '0') * 10 + s[st + 1] - '0';
    return yr_place_of_code(code, 2) == YR_PLACE_COUNTY ? code : -1;
}

/* A county column: @p header names county codes (Länskod, Länsnummer), or every label is a
 * county's code of one or two digits (`1`, `20`). */
static int county_column(const char *const *labels, size_t n, const char *header)
{
    char key[128];
    if (header != NULL && yr_header_is_code(header) &&
        yr_header_key(header, key, sizeof key) == YR_READ_OK &&
        (strncmp(key, "l\xc3\xa4n", 4) == 0 || strncmp(key, "lan", 3) == 0 ||
         strncmp(key, "county", 6) == 0))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (short_county(labels[i]) < 0)
            return 0;
    return n > 0;
}

/* The county a label names (yr_place_of(): `Dalarnas län`, `20`, `20 Dalarnas län`; `1` in a
 * county column), else -1. */
static int label_county(const char *s, int codes)
{
    yr_place place;
    int code;
    if (yr_place_of(s, strlen(s), &place, &code, NULL) == YR_READ_OK && place == YR_PLACE_COUNTY)
        return code;
    return codes ? short_county(s) : -1;
}

typedef struct groups_ctx {
    const char *const *labels;
    const char *header;
    const size_t *lines;
    yr_read_error *err;
} groups_ctx;

static size_t line_of(const groups_ctx *g, size_t i)
{
    return g->lines != NULL ? g->lines[i] : i + 1;
}

static const char *quoted(char *dst, size_t cap, const char *s)
{
    char show[96];
    snprintf(dst, cap, "'%s'", rd_show(show, sizeof show, s, strlen(s), 60));
    return dst;
}

/* Labels that name counties name only counties: `Dalarna` beside `Uppsala län` is an error at
 * its line (it would be a group of its own beside `Dalarnas län`). */
static yr_read_status one_kind(const groups_ctx *g, size_t n, const int *county)
{
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < n && first == SIZE_MAX; i++)
        if (county[i] >= 0)
            first = i;
    for (size_t i = 0; first != SIZE_MAX && i < n; i++) {
        if (county[i] >= 0)
            continue;
        char q[112], q2[112], q3[112];
        rd_fail(g->err, YR_READ_ERR_IDENTITY, line_of(g, i),
                "column %s: %s is not a county, while %s at line %zu is: write every group as a "
                "county's name or code (Dalarnas län, 20), so that one county is one group",
                quoted(q, sizeof q, g->header), quoted(q2, sizeof q2, g->labels[i]),
                quoted(q3, sizeof q3, g->labels[first]), line_of(g, first));
        if (g->err != NULL)
            g->err->other_line = line_of(g, first);
        return YR_READ_ERR_IDENTITY;
    }
    return YR_READ_OK;
}

/* A municipality grouped by county must be in that county (`Habo` under `Uppsala län`). */
static yr_read_status holds(const groups_ctx *g, size_t i, int mun, int county)
{
    int own = mun > 0 ? yr_municipality_county(mun) : -1;
    if (own < 0 || own == county)
        return YR_READ_OK;
    char q[112], q2[112];
    return rd_fail(g->err, YR_READ_ERR_IDENTITY, line_of(g, i),
                   "column %s: %s is in %s (%02d), not in %s (%02d): correct the group or the "
                   "municipality",
                   quoted(q, sizeof q, g->header), yr_place_name(YR_PLACE_MUNICIPALITY, mun),
                   yr_place_name(YR_PLACE_COUNTY, own), own, quoted(q2, sizeof q2, g->labels[i]),
                   county);
}

/* The number of name key @p key among the @p *nkeys keys seen (a linear-probing table of
 * @p cap slots holding indexes into @p keys), a new one when it is new; -1 out of memory. */
static long key_number(char **keys, size_t *slot, size_t cap, size_t *nkeys, char *key)
{
    uint64_t h = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    size_t s = (size_t)(h & (cap - 1));
    while (slot[s] != SIZE_MAX) {
        if (strcmp(keys[slot[s]], key) == 0) {
            free(key);
            return (long)slot[s];
        }
        s = (s + 1) & (cap - 1);
    }
    keys[*nkeys] = key;
    slot[s] = *nkeys;
    return (long)(*nkeys)++;
}

/* The group of label @p i by its name key: a new number when the key is new. */
static yr_read_status name_group(const groups_ctx *g, size_t i, char **keys, size_t *slot,
                                 size_t cap, size_t *nkeys, long *num)
{
    const char *s = g->labels[i];
    size_t len = strlen(s), klen = 0;
    char *key = malloc(3 * len + 1);
    if (key == NULL)
        return rd_fail(g->err, YR_READ_ERR_NOMEM, line_of(g, i), "out of memory");
    if (yr_name_key(s, len, key, 3 * len + 1, &klen) != YR_READ_OK || klen == 0) {
        free(key);
        char q[112];
        return rd_fail(g->err, YR_READ_ERR_IDENTITY, line_of(g, i), "column %s: empty group",
                       quoted(q, sizeof q, g->header));
    }
    *num = key_number(keys, slot, cap, nkeys, key);
    return YR_READ_OK;
}

/* Number the groups: counties by code (numbers shared with names' through @p next). */
static yr_read_status number_groups(const groups_ctx *g, size_t n, const int *county,
                                    const int *municipalities, size_t *group, size_t *ngroups)
{
    size_t cap = 16, nkeys = 0;
    while (cap < 2 * n)
        cap *= 2;
    char **keys = malloc(n ? n * sizeof *keys : 1);
    size_t *slot = malloc(cap * sizeof *slot);
    long *name_num = malloc((n ? n : 1) * sizeof *name_num); /* key number -> group number */
    long county_num[100];
    size_t next = 0;
    yr_read_status st = YR_READ_OK;
    if (keys == NULL || slot == NULL || name_num == NULL)
        st = rd_fail(g->err, YR_READ_ERR_NOMEM, 0, "out of memory");
    for (size_t s = 0; slot != NULL && s < cap; s++)
        slot[s] = SIZE_MAX;
    for (int c = 0; c < 100; c++)
        county_num[c] = -1;
    for (size_t i = 0; i < n && st == YR_READ_OK; i++) {
        long k = -1, *num;
        if (county[i] >= 0) {
            if (municipalities != NULL)
                st = holds(g, i, municipalities[i], county[i]);
            num = &county_num[county[i]];
        } else {
            size_t before = nkeys;
            st = name_group(g, i, keys, slot, cap, &nkeys, &k);
            num = st == YR_READ_OK ? &name_num[k] : NULL;
            if (num != NULL && nkeys > before)
                *num = -1;
        }
        if (st == YR_READ_OK && *num < 0)
            *num = (long)next++;
        if (st == YR_READ_OK)
            group[i] = (size_t)*num;
    }
    for (size_t k = 0; keys != NULL && k < nkeys; k++)
        free(keys[k]);
    free(keys);
    free(slot);
    free(name_num);
    *ngroups = next;
    return st;
}

yr_read_status yr_read_groups(const char *const *labels, size_t n, const char *header,
                              const size_t *lines, const int *municipalities, size_t *group,
                              size_t *ngroups, yr_read_error *err)
{
    if ((labels == NULL || group == NULL) && n > 0)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    if (ngroups == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    for (size_t i = 0; i < n; i++)
        if (labels[i] == NULL)
            return rd_fail(err, YR_READ_ERR_NULL, lines ? lines[i] : i + 1,
                           "group label %zu is missing", i + 1);
    int *county = malloc((n ? n : 1) * sizeof *county);
    if (county == NULL)
        return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    int codes = county_column(labels, n, header);
    for (size_t i = 0; i < n; i++)
        county[i] = label_county(labels[i], codes);
    groups_ctx g = {labels, header != NULL ? header : "group", lines, err};
    size_t ng = 0;
    yr_read_status st = one_kind(&g, n, county);
    if (st == YR_READ_OK)
        st = number_groups(&g, n, county, municipalities, group, &ng);
    free(county);
    if (st == YR_READ_OK) {
        *ngroups = ng;
        if (err != NULL) {
            memset(err, 0, sizeof *err);
            err->column = YR_READ_NONE;
        }
    }
    return st;
}
