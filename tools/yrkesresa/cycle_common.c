/* Helpers shared by the yearly-cycle commands (see cmd_cycle.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>
#include <yrkesresa/identity.h>

#include "cmd_cycle.h"

int cycle_party_index(cli_labels *names, size_t nparties, const char *label, size_t *party)
{
    size_t keylen, k = cli_labels_intern(names, label, &keylen);
    if (k == SIZE_MAX)
        return cli_fail_usage(NULL, "out of memory");
    if (k >= nparties)
        return 1; /* the stranger now fills the set's one spare place: callers stop here */
    *party = k;
    return 0;
}

int cycle_identity_key(const char *file, size_t line, const char *cell, cli_buf *key)
{
    yr_place place;
    int code;
    yr_read_error e;
    if (yr_place_of(cell, strlen(cell), &place, &code, &e) != YR_READ_OK) {
        e.line = line;
        return cli_read_fail(file, &e); /* `code 2080 is Falun, not 'Mora'` */
    }
    const char *name = place != YR_PLACE_OTHER ? yr_place_name(place, code) : NULL;
    const char *s = name != NULL ? name : cell; /* a known place: its official name's key */
    size_t n = strlen(s), len = 0;
    char small[512], *dst = 3 * n + 1 <= sizeof small ? small : malloc(3 * n + 1);
    if (dst == NULL)
        return cli_fail_at(file, 0, "out of memory");
    yr_read_status st = yr_name_key(s, n, dst, 3 * n + 1, &len); /* 3 × n + 1 suffice */
    cli_buf_clear(key);
    cli_buf_add(key, dst, st == YR_READ_OK ? len : 0);
    if (dst != small)
        free(dst);
    if (st != YR_READ_OK || !key->ok)
        return cli_fail_at(file, line, "%s", yr_read_status_name(st));
    return 0;
}

int cycle_party_keys(const char *file, const ycsv_table *t, const cli_parties *p, cli_labels *names,
                     char ***keys)
{
    cli_buf key;
    size_t klen;
    int rc = 0;
    cli_buf_init(&key);
    *keys = calloc(p->n ? p->n : 1, sizeof **keys);
    if (*keys == NULL || !cli_labels_init(names, p->n + 1))
        rc = cli_fail_usage(NULL, "out of memory");
    for (size_t i = 0; rc == 0 && i < p->n; i++) {
        size_t r = cli_party_row(p, i);
        char q[80], q2[80];
        if (cycle_identity_key(file, ycsv_line(t, r), ycsv_cell(t, r, p->name_col), &key) != 0)
            rc = CLI_EXIT_ERROR;
        else if (((*keys)[i] = strdup(cli_buf_str(&key))) == NULL)
            rc = cli_fail_usage(NULL, "out of memory");
        size_t k = rc == 0 ? cli_labels_intern(names, (*keys)[i], &klen) : i;
        if (k == SIZE_MAX)
            rc = cli_fail_usage(NULL, "out of memory");
        else if (k != i) /* two names of one municipality ("Falun", "Falu kommun") */
            rc = cli_fail_at(
                file, ycsv_line(t, r), "%s is the same municipality as %s at line %zu; remove one",
                cli_quote(ycsv_cell(t, r, p->name_col), q, sizeof q),
                cli_quote(ycsv_cell(t, cli_party_row(p, k), p->name_col), q2, sizeof q2),
                ycsv_line(t, cli_party_row(p, k)));
    }
    cli_buf_free(&key);
    return rc;
}

void cycle_party_keys_free(cli_labels *names, char **keys, size_t n)
{
    cli_labels_free(names);
    for (size_t i = 0; keys != NULL && i < n; i++)
        free(keys[i]);
    free(keys);
}

/* "; did you mean NAME?" when the municipality nearest to @p cell (yr_municipality_nearest) is
 * one of the parties (@p keys), else "". */
static void nearest_party(const char *cell, char *const *keys, size_t np, char *out, size_t cap)
{
    int code = yr_municipality_nearest(cell, strlen(cell));
    const char *name = code >= 0 ? yr_place_name(YR_PLACE_MUNICIPALITY, code) : NULL;
    char key[512];
    size_t len = 0;
    out[0] = '\0';
    if (name == NULL || yr_name_key(name, strlen(name), key, sizeof key, &len) != YR_READ_OK)
        return;
    for (size_t i = 0; i < np; i++)
        if (strcmp(keys[i], key) == 0) {
            snprintf(out, cap, "; did you mean %s?", name);
            return;
        }
}

int cycle_party_find(const char *file, size_t line, const char *cell, cli_labels *names,
                     char *const *keys, size_t np, const char *in_file, size_t *party)
{
    cli_buf key;
    cli_buf_init(&key);
    int rc = cycle_identity_key(file, line, cell, &key);
    if (rc == 0)
        rc = cycle_party_index(names, np, cli_buf_str(&key), party);
    cli_buf_free(&key);
    if (rc == 1) {
        char q[80], mean[160];
        nearest_party(cell, keys, np, mean, sizeof mean);
        return cli_fail_at(file, line, "municipality %s is not in %s%s",
                           cli_quote(cell, q, sizeof q), in_file, mean);
    }
    return rc;
}

int64_t cycle_header_year(const char *h)
{
    size_t start, len = yr_label_trim(h, strlen(h), &start), k = len;
    const char *s = h + start;
    while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
        k--;
    if (len - k != 4 || (k > 0 && s[k - 1] != ' '))
        return -1;
    return (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
}
