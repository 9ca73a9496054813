/* Helpers shared by the yearly-cycle commands (see cmd_cycle.h). */
#include <stdint.h>
#include <stdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>
#include <yrkesresa/identity.h>

#include "cmd_cycle.h"

int cycle_identity_key(const char *file, size_t line, const char *cell, cli_buf *key)
{
    size_t n = strlen(cell), len = 0;
    char small[512], *dst = 3 * n + 64 <= sizeof small ? small : malloc(3 * n + 64);
    if (dst == NULL)
        return cli_fail_at(file, 0, "out of memory");
    yr_read_error e;
    yr_read_status st = yr_identity_key(cell, n, dst, 3 * n + 64, &len, &e); /* suffices */
    cli_buf_clear(key);
    cli_buf_add(key, dst, st == YR_READ_OK ? len : 0);
    if (dst != small)
        free(dst);
    if (st != YR_READ_OK) {
        e.line = line;
        return cli_read_fail(file, &e); /* `code 2080 is Falun, not 'Mora'` */
    }
    return key->ok ? 0 : cli_fail_at(file, 0, "out of memory");
}

int cycle_party_keys(const cli_input *in, cli_keys *keys)
{
    cli_buf key;
    size_t col = yr_table_find_role(in->t, YR_ROLE_MUNICIPALITY);
    int rc = 0;
    cli_buf_init(&key);
    cli_keys_init(keys);
    for (size_t i = 0; rc == 0 && i < yr_table_ndata(in->t); i++) {
        rc = cli_read_key(in, yr_table_data_row(in->t, i), col, &key);
        int64_t k = rc == 0 ? cli_keys_index(keys, key.data, key.len, i) : 0;
        if (k < 0)
            rc = cli_fail_at(in->file, 0, "out of memory");
        else if (rc == 0 && (size_t)k != i) /* the reader refuses two rows of one identity */
            rc = cli_fail_at(in->file, yr_table_row_line(in->t, yr_table_data_row(in->t, i)),
                             "the same municipality as line %zu; remove one",
                             yr_table_row_line(in->t, yr_table_data_row(in->t, (size_t)k)));
    }
    cli_buf_free(&key);
    return rc;
}

/* "; did you mean NAME?" when the municipality nearest to @p cell (yr_municipality_nearest) is
 * one of the parties (@p keys), else "". */
static void nearest_party(const char *cell, const cli_keys *keys, char *out, size_t cap)
{
    int code = yr_municipality_nearest(cell, strlen(cell));
    const char *name = code >= 0 ? yr_place_name(YR_PLACE_MUNICIPALITY, code) : NULL;
    char key[512];
    size_t len = 0;
    out[0] = '\0';
    if (name != NULL && yr_name_key(name, strlen(name), key, sizeof key, &len) == YR_READ_OK &&
        cli_keys_find(keys, key, len) >= 0)
        snprintf(out, cap, "; did you mean %s?", name);
}

int cycle_party_find(const char *file, size_t line, const char *cell, const cli_keys *keys,
                     const char *in_file, size_t *party)
{
    cli_buf key;
    cli_buf_init(&key);
    int rc = cycle_identity_key(file, line, cell, &key);
    int64_t k = rc == 0 ? cli_keys_find(keys, key.data, key.len) : 0;
    cli_buf_free(&key);
    if (rc != 0)
        return rc;
    if (k < 0) {
        char q[80], mean[160];
        nearest_party(cell, keys, mean, sizeof mean);
        return cli_fail_at(file, line, "municipality %s is not in %s%s",
                           cli_quote(cell, q, sizeof q), in_file, mean);
    }
    *party = (size_t)k;
    return 0;
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

size_t cycle_year_columns(const yr_table *t, size_t name_col, int64_t year, size_t *first,
                          size_t *second)
{
    size_t n = 0;
    *first = *second = YR_READ_NONE;
    for (size_t k = 0; k < yr_table_ncols(t); k++) {
        const char *h = yr_table_header(t, k);
        size_t st, len = yr_label_trim(h, strlen(h), &st);
        if (k == name_col || cycle_header_year(h) != year ||
            (len != 4 && !yr_role_is_header(h, YR_ROLE_POPULATION) &&
             !yr_role_is_header(h, YR_ROLE_WEIGHT)))
            continue;
        *(n++ == 0 ? first : second) = k;
        if (n == 2)
            break;
    }
    return n;
}

int cycle_year_column(const char *file, const yr_table *t, size_t name_col, int64_t year,
                      size_t *col)
{
    size_t other;
    if (cycle_year_columns(t, name_col, year, col, &other) < 2)
        return 0;
    return cli_fail_at(file, cli_read_header_line(t),
                       "two population columns of the year %" PRId64
                       " ('%s', '%s'): remove or rename the one not to use",
                       year, yr_table_header(t, *col), yr_table_header(t, other));
}

/* The reading line of @p t, once per column (@p rep). */
static void report_once(cycle_reported *rep, const cli_input *t, size_t col, yr_lang lang)
{
    for (size_t k = 0; rep != NULL && k < rep->n; k++)
        if (rep->col[k] == col)
            return;
    if (rep == NULL || rep->n == sizeof rep->col / sizeof rep->col[0])
        return;
    rep->col[rep->n++] = col;
    cli_read_report(t, lang);
}

int cycle_read_weights(const cli_input *names, const cli_common *common, const cli_read_opts *r,
                       const char *header, cycle_reported *rep, int64_t *w, int64_t *den)
{
    cli_common c = *common;
    cli_read_opts quiet = *r;
    cli_input t;
    size_t col = YR_READ_NONE;
    char buf[300];
    quiet.quiet = 1;
    yr_read_want want[3] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                            {YR_ROLE_POPULATION, header != NULL ? YR_WANT_REQUIRED : 0u},
                            {YR_ROLE_WEIGHT, 0u}};
    if (cli_read_add_column(&c, "population", header, buf, sizeof buf) != 0)
        return CLI_EXIT_ERROR;
    int rc = cli_read_again(names, &c, &quiet, want, header != NULL ? 2 : 3, &t);
    if (rc == 0)
        rc = cli_read_weight_column(&t, &c, &col);
    if (rc == 0 && col == YR_READ_NONE) { /* neither: the reader's message */
        cli_input_free(&t);
        want[1].flags = YR_WANT_REQUIRED;
        rc = cli_read_again(names, &c, &quiet, want, 2, &t);
        col = rc == 0 ? yr_table_find_role(t.t, YR_ROLE_POPULATION) : col;
    }
    int64_t *v = NULL;
    size_t n = yr_table_ndata(names->t);
    if (rc == 0)
        rc = cli_read_column(&t, col, &v, den);
    if (rc == 0 && yr_table_ndata(t.t) != n) /* the rows' kinds are the labels': never */
        rc = cli_fail_at(t.file, 0, "the rows differ between two readings of the file");
    if (rc == 0) {
        memcpy(w, v, n * sizeof *w);
        if (!r->quiet)
            report_once(rep, &t, col, common->out.lang);
    }
    free(v);
    cli_input_free(&t);
    return rc;
}

/* The value of item @p i's cell in the column of @p role: 0 without the column or a blank
 * cell, else 1 and *v. */
int cycle_item_value(const cli_input *items, size_t i, yr_read_role role, yr_value *v)
{
    size_t col = yr_table_find_role(items->t, role);
    return col != YR_READ_NONE &&
           yr_table_value(items->t, yr_table_data_row(items->t, i), col, v) == YR_READ_OK &&
           v->present;
}

/* The items as the library's models (yr_item), as `statement` reads the same file: an item's
 * own 'lika del' (equal_part) cell (30 %, 0,3, 1/3: yr_fraction_from_text), else --equal-part; a
 * 'kr per invånare' (rate) cell makes it a rate item (rate x weight per party, its total the sum: a
 * stated amount must equal it). An amount may be blank only for a rate item. The library checks
 * each model. */
int cycle_item_models(const cli_input *items, const int64_t *totals, size_t ni, const int64_t eq[2],
                      yr_item *m)
{
    size_t equal_col = YR_READ_NONE; /* 'lika del': a fraction as --equal-part takes it (1/3) */
    for (size_t k = 0; k < yr_table_ncols(items->t); k++)
        if (yr_role_is_header(yr_table_header(items->t, k), YR_ROLE_EQUAL_PART))
            equal_col = k;
    for (size_t c = 0; c < ni; c++) {
        yr_value v, rate;
        yr_item_init(&m[c], totals[c]);
        int has_rate = cycle_item_value(items, c, YR_ROLE_RATE, &rate);
        if (!cycle_item_value(items, c, YR_ROLE_AMOUNT, &v) && !has_rate)
            return cli_fail_at(items->file,
                               yr_table_row_line(items->t, yr_table_data_row(items->t, c)),
                               "an item without an amount (only a rate item, with 'kr per "
                               "invånare', may leave it blank)");
        if (has_rate) {
            m[c].rate_num = rate.num;
            m[c].rate_den = rate.den;
        }
        size_t len = 0, line = yr_table_row_line(items->t, yr_table_data_row(items->t, c));
        const char *at =
            equal_col != YR_READ_NONE
                ? yr_table_cell(items->t, yr_table_data_row(items->t, c), equal_col, &len)
                : NULL;
        char cell[64]; /* the cell is not NUL-terminated; a fraction is short */
        snprintf(cell, sizeof cell, "%.*s", at != NULL && len < sizeof cell ? (int)len : 0,
                 at != NULL ? at : "");
        char q[80];
        if (at != NULL && len >= sizeof cell)
            return cli_fail_at(items->file, line, "column %s: not a fraction",
                               cli_quote(yr_table_header(items->t, equal_col), q, sizeof q));
        yr_where w;
        if (*cell != '\0' &&
            yr_fraction_from_text_where(cell, &m[c].equal_num, &m[c].equal_den, &w) != YR_OK) {
            char ctx[100];
            snprintf(ctx, sizeof ctx, "column %s",
                     cli_quote(yr_table_header(items->t, equal_col), q, sizeof q));
            return cli_fail_lib(items->file, line, ctx, &w, NULL);
        } else if (*cell == '\0' && !has_rate) {
            m[c].equal_num = eq[0];
            m[c].equal_den = eq[1];
        }
    }
    return 0;
}
