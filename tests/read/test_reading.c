/* The reading conformance corpus (tests/reading/README.md) through the C API: every NAME.expect
 * with its input file, read with the request the file gives, compared with its expectations.
 * Each case is read twice (copied and borrowed): both must give the same result.
 * Fails on an empty or unreadable corpus, on a case with no expectation, and on any mismatch.
 *
 *   test_reading [CASE.expect ...]     (default: every case of $YR_READING_DIR) */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/read.h"

#define MAX_ITEMS 64
#define MIN_CASES 60

typedef struct item {
    char *key, *value;
} item;

typedef struct rcase {
    char path[1024];
    char *text;
    item items[MAX_ITEMS];
    size_t n;
    char why[1024];
} rcase;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (b == NULL)
            break;
        size_t got = fread(b + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        cap *= 2;
        char *nb = realloc(b, cap);
        if (nb == NULL) {
            free(b);
            b = NULL;
            break;
        }
        b = nb;
    }
    fclose(f);
    if (b != NULL)
        b[n] = '\0';
    *len = n;
    return b;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static int parse_case(rcase *c)
{
    size_t len;
    c->text = slurp(c->path, &len);
    if (c->text == NULL)
        return 0;
    c->n = 0;
    for (char *line = strtok(c->text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        char *l = trim(line);
        if (*l == '#' || *l == '\0')
            continue;
        char *colon = strchr(l, ':');
        if (colon == NULL || c->n == MAX_ITEMS)
            return 0;
        *colon = '\0';
        c->items[c->n].key = trim(l);
        c->items[c->n++].value = trim(colon + 1);
    }
    return 1;
}

static const char *get(const rcase *c, const char *key)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->items[i].key, key) == 0)
            return c->items[i].value;
    return NULL;
}

static int fail(rcase *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->why, sizeof c->why, fmt, ap);
    va_end(ap);
    return 0;
}

/* ------------------------------------------------------------------------ the request */

typedef struct request {
    yr_read_want want[16];
    const char *columns[16];
    yr_read_options opt;
    size_t ngiven;        /* the case's column: entries */
    yr_pot_layout layout; /* pot: the request is the layout's (yr_read_pot_layout()) */
} request;

/* A key the format does not have (a misspelt expectation would check nothing). */
static int known_key(const char *k)
{
    static const char *const keys[] = {"want",
                                       "column",
                                       "sheet",
                                       "header_row",
                                       "year",
                                       "totals",
                                       "other_parties",
                                       "file",
                                       "expect_error",
                                       "expect_line",
                                       "expect_message",
                                       "expect_not_in_message",
                                       "expect_rows",
                                       "expect_data",
                                       "expect_kinds",
                                       "expect_lines",
                                       "expect_values",
                                       "expect_codes",
                                       "expect_column",
                                       "expect_spans",
                                       "expect_check",
                                       "expect_reading",
                                       "expect_reading_sv",
                                       "expect_encoding",
                                       "pot",
                                       "expect_layout",
                                       NULL};
    for (int i = 0; keys[i] != NULL; i++)
        if (strcmp(k, keys[i]) == 0)
            return 1;
    return 0;
}

static int build_request(rcase *c, request *r)
{
    yr_read_options_init(&r->opt);
    r->opt.want = r->want;
    r->opt.columns = r->columns;
    for (size_t i = 0; i < c->n; i++) {
        const char *k = c->items[i].key, *v = c->items[i].value;
        if (!known_key(k))
            return fail(c, "unknown key '%s' (tests/reading/README.md lists the keys)", k);
        if (strcmp(k, "want") == 0) {
            char buf[256];
            snprintf(buf, sizeof buf, "%s", v);
            char *role = strtok(buf, " ");
            if (role == NULL || r->opt.nwant == 16)
                return fail(c, "bad want: %s", v);
            yr_read_want *w = &r->want[r->opt.nwant++];
            w->role = yr_read_role_from_name(role);
            w->flags = 0;
            if (w->role == YR_ROLE_NONE)
                return fail(c, "unknown role in want: %s", v);
            for (char *f = strtok(NULL, " "); f != NULL; f = strtok(NULL, " ")) {
                if (strcmp(f, "required") == 0)
                    w->flags |= YR_WANT_REQUIRED;
                else if (strcmp(f, "unique") == 0)
                    w->flags |= YR_WANT_UNIQUE;
                else if (strcmp(f, "checked") == 0)
                    w->flags |= YR_WANT_CHECKED;
                else if (strcmp(f, "many") == 0)
                    w->flags |= YR_WANT_MANY;
                else if (strcmp(f, "blank_ok") == 0)
                    w->flags |= YR_WANT_BLANK_OK;
                else
                    return fail(c, "unknown want flag: %s", f);
            }
        } else if (strcmp(k, "column") == 0) {
            if (r->opt.ncolumns == 16)
                return fail(c, "too many columns");
            r->columns[r->opt.ncolumns++] = v;
        } else if (strcmp(k, "sheet") == 0) {
            r->opt.sheet = v;
        } else if (strcmp(k, "header_row") == 0) {
            r->opt.header_row = (size_t)strtoul(v, NULL, 10);
        } else if (strcmp(k, "year") == 0) {
            r->opt.year = atoi(v);
        } else if (strcmp(k, "totals") == 0) {
            r->opt.totals = strcmp(v, "ignore") == 0     ? YR_TOTALS_IGNORE
                            : strcmp(v, "no_guess") == 0 ? YR_TOTALS_NO_GUESS
                                                         : YR_TOTALS_CHECK;
        } else if (strcmp(k, "other_parties") == 0) {
            r->opt.other_parties = strcmp(v, "yes") == 0;
        }
    }
    r->ngiven = r->opt.ncolumns;
    if (get(c, "pot") != NULL && r->opt.nwant > 0)
        return fail(c, "pot: the request is the layout's; no want: beside it");
    return 1;
}

/* ------------------------------------------------------------------------ expectations */

static const char *span_name(yr_span_kind k)
{
    static const char *const names[] = {"title", "header", "data",       "aggregate",
                                        "empty", "note",   "other_year", "ignored"};
    return (unsigned)k < 8 ? names[k] : "?";
}

/* num/den as the shortest exact decimal ("22986", "0.77", "-1.5"). */
static void decimal(int64_t num, int64_t den, char *dst, size_t cap)
{
    int k = 0;
    while (den > 1 && den % 10 == 0 && num % 10 == 0) {
        num /= 10;
        den /= 10;
    }
    for (int64_t d = den; d > 1 && k < 18; d /= 10)
        k++;
    int neg = num < 0;
    unsigned long long u = neg ? 0ULL - (unsigned long long)num : (unsigned long long)num;
    char rev[40];
    int n = 0;
    do { /* the digits backwards, at least k + 1 of them */
        rev[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0 || n <= k);
    size_t o = 0;
    if (neg && o + 1 < cap)
        dst[o++] = '-';
    for (int i = n - 1; i >= 0 && o + 2 < cap; i--) {
        dst[o++] = rev[i];
        if (i == k && k > 0)
            dst[o++] = '.';
    }
    dst[o] = '\0';
}

static void iso_date(int64_t days, char *dst, size_t cap)
{
    int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(dst, cap, "%04d-%02d-%02d", (int)((y + (m <= 2)) % 100000), (int)(m % 100),
             (int)(d % 100));
}

/* Expand "data*15 total" into words, compare with got[0..n). */
static int words_equal(rcase *c, const char *key, const char *want, char got[][64], size_t n)
{
    char buf[4096], expanded[8192] = "", have[8192] = "";
    snprintf(buf, sizeof buf, "%s", want);
    size_t m = 0;
    for (char *w = strtok(buf, " "); w != NULL; w = strtok(NULL, " ")) {
        char *star = strchr(w, '*');
        long rep = 1;
        if (star != NULL) {
            *star = '\0';
            rep = strtol(star + 1, NULL, 10);
        }
        for (long i = 0; i < rep; i++) {
            if (m < n && strcmp(got[m], w) != 0)
                return fail(c, "%s: word %zu is '%s', expected '%s'", key, m + 1, got[m], w);
            m++;
            strncat(expanded, w, sizeof expanded - strlen(expanded) - 2);
            strcat(expanded, " ");
        }
    }
    if (m != n) {
        for (size_t i = 0; i < n; i++) {
            strncat(have, got[i], sizeof have - strlen(have) - 2);
            strcat(have, " ");
        }
        return fail(c, "%s: %zu words, expected %zu (got: %s)", key, n, m, have);
    }
    return 1;
}

/* One word per row (its kind, or its line) against the key's words. */
static int check_rows_words(rcase *c, const yr_table *t, const char *key, int lines)
{
    const char *want = get(c, key);
    if (want == NULL)
        return 1;
    size_t n = yr_table_nrows(t);
    char(*got)[64] = calloc(n ? n : 1, sizeof *got);
    for (size_t r = 0; r < n; r++) {
        if (lines)
            snprintf(got[r], 64, "%zu", yr_table_row_line(t, r));
        else
            snprintf(got[r], 64, "%s", yr_row_kind_name(yr_table_row_kind(t, r)));
    }
    int ok = words_equal(c, key, want, got, n);
    free(got);
    return ok;
}

static int check_values(rcase *c, const yr_table *t, const char *value)
{
    char role[64];
    const char *eq = strchr(value, '=');
    if (eq == NULL || (size_t)(eq - value) >= sizeof role)
        return fail(c, "expect_values: write ROLE = v1 v2 ...");
    snprintf(role, sizeof role, "%.*s", (int)(eq - value), value);
    char *r = trim(role);
    size_t col = yr_table_find_role(t, yr_read_role_from_name(r));
    if (col == YR_READ_NONE)
        return fail(c, "expect_values: no column has the role %s", r);
    size_t n = yr_table_ndata(t);
    int64_t *v = calloc(n ? n : 1, sizeof *v), den;
    char(*got)[64] = calloc(n ? n : 1, sizeof *got);
    yr_read_error err;
    yr_read_status st = yr_table_column_values(t, col, v, &den, &err);
    int ok = st == YR_READ_OK;
    if (!ok)
        fail(c, "yr_table_column_values(%s): %s", r, err.message);
    int date = ok && n > 0 && yr_table_cell_type(t, yr_table_data_row(t, 0), col) == YR_CELL_DATE;
    for (size_t i = 0; ok && i < n; i++) {
        if (date || yr_role_kind(yr_table_column_role(t, col)) == YR_KIND_DATE)
            iso_date(v[i] / den, got[i], 64);
        else
            decimal(v[i], den, got[i], 64);
    }
    if (ok)
        ok = words_equal(c, "expect_values", eq + 1, got, n);
    free(v);
    free(got);
    return ok;
}

static int check_spans(rcase *c, const yr_table *t)
{
    const char *want = get(c, "expect_spans");
    if (want == NULL)
        return 1;
    yr_span sp[256];
    size_t n = yr_table_spans(t, sp, 256);
    char got[4096] = "";
    for (size_t i = 0; i < n && i < 256; i++) {
        char one[64];
        if (sp[i].first == sp[i].last)
            snprintf(one, sizeof one, "%s%s %zu", i ? "; " : "", span_name(sp[i].kind),
                     sp[i].first);
        else
            snprintf(one, sizeof one, "%s%s %zu-%zu", i ? "; " : "", span_name(sp[i].kind),
                     sp[i].first, sp[i].last);
        strncat(got, one, sizeof got - strlen(got) - 1);
    }
    if (strcmp(got, want) != 0)
        return fail(c, "expect_spans: got '%s', expected '%s'", got, want);
    return 1;
}

static int check_codes(rcase *c, const yr_table *t)
{
    const char *want = get(c, "expect_codes");
    if (want == NULL)
        return 1;
    size_t n = yr_table_ndata(t);
    char(*got)[64] = calloc(n ? n : 1, sizeof *got);
    for (size_t i = 0; i < n; i++) {
        yr_identity id;
        if (yr_table_identity(t, yr_table_data_row(t, i), &id) != YR_READ_OK)
            id.code = -2;
        snprintf(got[i], 24, "%d", id.code);
    }
    int ok = words_equal(c, "expect_codes", want, got, n);
    free(got);
    return ok;
}

static int check_columns(rcase *c, const yr_table *t)
{
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(c->items[i].key, "expect_column") != 0)
            continue;
        const char *v = c->items[i].value, *eq = strchr(v, '=');
        if (eq == NULL)
            return fail(c, "expect_column: write ROLE = HEADER");
        char role[64];
        snprintf(role, sizeof role, "%.*s", (int)(eq - v), v);
        char hdr[256];
        snprintf(hdr, sizeof hdr, "%s", eq + 1);
        size_t col = yr_table_find_role(t, yr_read_role_from_name(trim(role)));
        const char *h = trim(hdr);
        if (col == YR_READ_NONE || strcmp(yr_table_header(t, col), h) != 0)
            return fail(c, "expect_column %s: got '%s', expected '%s'", trim(role),
                        col == YR_READ_NONE ? "(none)" : yr_table_header(t, col), h);
    }
    return 1;
}

/* expect_check: ROLE = LINE STATED SUM CHECKED (1/0) of an aggregate row's check. */
static int check_check(rcase *c, const yr_table *t, const char *value)
{
    char role[64];
    const char *eq = strchr(value, '=');
    unsigned long line;
    char stated[32], sum[32];
    int checked;
    if (eq == NULL || (size_t)(eq - value) >= sizeof role ||
        sscanf(eq + 1, "%lu %31s %31s %d", &line, stated, sum, &checked) != 4)
        return fail(c, "expect_check: write ROLE = LINE STATED SUM CHECKED");
    snprintf(role, sizeof role, "%.*s", (int)(eq - value), value);
    size_t col = yr_table_find_role(t, yr_read_role_from_name(trim(role)));
    yr_aggregate_check chk[64];
    size_t n = yr_table_aggregate_checks(t, col, chk, 64);
    for (size_t i = 0; i < n && i < 64; i++) {
        if (yr_table_row_line(t, chk[i].row) != line)
            continue;
        char a[32], b[32];
        decimal(chk[i].stated, chk[i].den, a, sizeof a);
        decimal(chk[i].sum, chk[i].den, b, sizeof b);
        if (strcmp(a, stated) != 0 || strcmp(b, sum) != 0 || chk[i].checked != checked)
            return fail(c, "expect_check line %lu: got %s %s %d", line, a, b, chk[i].checked);
        return 1;
    }
    return fail(c, "expect_check: no check of line %lu", line);
}

static int check_table(rcase *c, const yr_table *t)
{
    const char *v;
    char buf[1024];
    if ((v = get(c, "expect_rows")) != NULL && (size_t)atol(v) != yr_table_nrows(t))
        return fail(c, "expect_rows: got %zu, expected %s", yr_table_nrows(t), v);
    if ((v = get(c, "expect_data")) != NULL && (size_t)atol(v) != yr_table_ndata(t))
        return fail(c, "expect_data: got %zu, expected %s", yr_table_ndata(t), v);
    if (!check_rows_words(c, t, "expect_kinds", 0) || !check_rows_words(c, t, "expect_lines", 1) ||
        !check_spans(c, t) || !check_codes(c, t) || !check_columns(c, t))
        return 0;
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(c->items[i].key, "expect_values") == 0 && !check_values(c, t, c->items[i].value))
            return 0;
        if (strcmp(c->items[i].key, "expect_check") == 0 && !check_check(c, t, c->items[i].value))
            return 0;
    }
    if ((v = get(c, "expect_reading")) != NULL) {
        yr_table_reading(t, "en", buf, sizeof buf);
        if (strcmp(buf, v) != 0)
            return fail(c, "expect_reading: got '%s'", buf);
    }
    if ((v = get(c, "expect_reading_sv")) != NULL) {
        yr_table_reading(t, "sv", buf, sizeof buf);
        if (strcmp(buf, v) != 0)
            return fail(c, "expect_reading_sv: got '%s'", buf);
    }
    if ((v = get(c, "expect_encoding")) != NULL && strcmp(yr_table_format(t)->encoding, v) != 0)
        return fail(c, "expect_encoding: got %s", yr_table_format(t)->encoding);
    return 1;
}

static int check_error(rcase *c, yr_read_status st, const yr_read_error *err)
{
    const char *want = get(c, "expect_error"), *v;
    if (strcmp(yr_read_status_name(st), want) != 0)
        return fail(c, "expected %s, got %s: %s", want, yr_read_status_name(st),
                    st == YR_READ_OK ? "(read)" : err->message);
    if ((v = get(c, "expect_line")) != NULL && (size_t)atol(v) != err->line)
        return fail(c, "expect_line: got %zu, expected %s (%s)", err->line, v, err->message);
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->items[i].key, "expect_message") == 0 &&
            strstr(err->message, c->items[i].value) == NULL)
            return fail(c, "expect_message '%s' not in: %s", c->items[i].value, err->message);
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->items[i].key, "expect_not_in_message") == 0 &&
            strstr(err->message, c->items[i].value) != NULL)
            return fail(c, "'%s' must not be in: %s", c->items[i].value, err->message);
    return 1;
}

/* The input file: file: NAME, else the case's stem with .csv, .tsv, .txt or .xlsx. */
static char *input_of(rcase *c, size_t *len)
{
    char path[1100];
    const char *file = get(c, "file");
    const char *slash = strrchr(c->path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - c->path + 1) : 0;
    if (file != NULL) {
        snprintf(path, sizeof path, "%.*s%s", (int)dirlen, c->path, file);
        return slurp(path, len);
    }
    static const char *const exts[] = {".csv", ".tsv", ".txt", ".xlsx"};
    size_t stem = strlen(c->path) - strlen(".expect");
    for (size_t e = 0; e < 4; e++) {
        snprintf(path, sizeof path, "%.*s%s", (int)stem, c->path, exts[e]);
        char *b = slurp(path, len);
        if (b != NULL)
            return b;
    }
    return NULL;
}

/* The layout in words, as `expect_layout:` writes it: `list` or `counted` (attendance),
 * `named` or `unnamed` and `dates` or `labels` (trainers), then `count=H`, `person=H`, `role=H`,
 * `day=H` for the headers the layout names. */
static void layout_words(const yr_pot_layout *l, int trainers, char *dst, size_t cap)
{
    if (trainers)
        snprintf(dst, cap, "%s %s", l->named ? "named" : "unnamed", l->dates ? "dates" : "labels");
    else
        snprintf(dst, cap, "%s", l->list ? "list" : "counted");
    const char *const names[] = {"count", "person", "role", "day"};
    const char *const heads[] = {l->count, l->person, l->role, l->day};
    for (int k = 0; k < 4; k++)
        if (heads[k][0] != '\0')
            snprintf(dst + strlen(dst), cap - strlen(dst), " %s=%s", names[k], heads[k]);
}

/* pot: FILE — the request is the one yr_read_pot_layout() gives for the file as that file of a
 * pot (the case's column: entries are the caller's); its error is the case's error. */
static yr_read_status pot_request(rcase *c, request *r, const char *bytes, size_t len,
                                  yr_read_error *err)
{
    const char *pot = get(c, "pot"), *want = get(c, "expect_layout");
    int trainers = strcmp(pot, "trainers") == 0;
    if (!trainers && strcmp(pot, "attendance") != 0)
        return fail(c, "pot: attendance or trainers, not %s", pot), YR_READ_ERR_OPTION;
    yr_read_status st = yr_read_pot_layout(
        bytes, len, &r->opt, trainers ? YR_POT_INPUT_TRAINERS : YR_POT_INPUT_ATTENDANCE, &r->layout,
        err);
    char got[1200];
    if (st != YR_READ_OK)
        return st;
    layout_words(&r->layout, trainers, got, sizeof got);
    if (want != NULL && strcmp(got, want) != 0)
        return fail(c, "expect_layout: got '%s', expected '%s'", got, want), YR_READ_ERR_OPTION;
    r->opt.want = r->layout.want;
    r->opt.nwant = r->layout.nwant;
    r->opt.columns = r->layout.columns;
    r->opt.ncolumns = r->layout.ncolumns;
    return YR_READ_OK;
}

static int run_case(rcase *c)
{
    if (!parse_case(c))
        return fail(c, "cannot read or parse the case file");
    int has_error = get(c, "expect_error") != NULL;
    int has_table = 0;
    for (size_t i = 0; i < c->n; i++)
        has_table |= strncmp(c->items[i].key, "expect_", 7) == 0 &&
                     strcmp(c->items[i].key, "expect_error") != 0 &&
                     strncmp(c->items[i].key, "expect_line", 11) != 0 &&
                     strncmp(c->items[i].key, "expect_message", 14) != 0 &&
                     strncmp(c->items[i].key, "expect_not_in", 13) != 0;
    if (!has_error && !has_table)
        return fail(c, "the case expects nothing");
    request r;
    if (!build_request(c, &r))
        return 0;
    size_t len;
    char *bytes = input_of(c, &len);
    if (bytes == NULL)
        return fail(c, "no input file");
    int ok = 1;
    char first[1024] = "";
    for (int borrow = 0; borrow <= 1 && ok; borrow++) {
        r.opt.borrow = borrow;
        yr_table *t = NULL;
        yr_read_error err;
        yr_read_status st = YR_READ_OK;
        if (get(c, "pot") != NULL) {
            c->why[0] = '\0';
            r.opt.columns = r.columns; /* the caller's entries, again */
            r.opt.ncolumns = r.ngiven;
            if ((st = pot_request(c, &r, bytes, len, &err)) != YR_READ_OK && c->why[0] != '\0') {
                ok = 0;
                break;
            }
        }
        if (st == YR_READ_OK)
            st = yr_read_table(bytes, len, &r.opt, &t, &err);
        if (has_error)
            ok = check_error(c, st, &err);
        else if (st != YR_READ_OK)
            ok = fail(c, "%s at line %zu: %s", yr_read_status_name(st), err.line, err.message);
        else
            ok = check_table(c, t);
        char here[1024];
        if (st == YR_READ_OK)
            yr_table_reading(t, "en", here, sizeof here);
        else
            snprintf(here, sizeof here, "%s %zu %s", yr_read_status_name(st), err.line,
                     err.message);
        if (borrow == 0)
            snprintf(first, sizeof first, "%s", here);
        else if (ok && strcmp(first, here) != 0)
            ok = fail(c, "borrowed and copied readings differ: '%s' / '%s'", first, here);
        yr_table_free(t);
    }
    free(bytes);
    return ok;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char *names[4096];
    size_t n = 0;
    const char *dir = getenv("YR_READING_DIR");
    if (argc > 1) {
        for (int i = 1; i < argc && n < 4096; i++)
            names[n++] = strdup(argv[i]);
    } else {
        if (dir == NULL)
            dir = "tests/reading";
        DIR *d = opendir(dir);
        if (d == NULL) {
            fprintf(stderr, "test_reading: cannot open the corpus %s\n", dir);
            return 1;
        }
        for (struct dirent *e; (e = readdir(d)) != NULL && n < 4096;) {
            size_t l = strlen(e->d_name);
            if (l > 7 && strcmp(e->d_name + l - 7, ".expect") == 0) {
                char *p = malloc(strlen(dir) + l + 2);
                sprintf(p, "%s/%s", dir, e->d_name);
                names[n++] = p;
            }
        }
        closedir(d);
        qsort(names, n, sizeof names[0], cmp_str);
    }
    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        rcase c;
        memset(&c, 0, sizeof c);
        snprintf(c.path, sizeof c.path, "%s", names[i]);
        const char *base = strrchr(names[i], '/');
        base = base != NULL ? base + 1 : names[i];
        if (run_case(&c)) {
            printf("PASS %s\n", base);
            passed++;
        } else {
            printf("FAIL %s: %s\n", base, c.why);
            failed++;
        }
        free(c.text);
        free(names[i]);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    if (argc <= 1 && passed + failed < MIN_CASES) {
        printf("test_reading: the corpus has %zu cases, fewer than %d\n", passed + failed,
               MIN_CASES);
        return 1;
    }
    return failed > 0 || passed == 0;
}
