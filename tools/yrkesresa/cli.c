/* Shared helpers of the yrkesresa program (see cli.h). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* ---------------------------------------------------------------- errors */

int yr_fail_at(const char *file, size_t line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        fprintf(stderr, "yrkesresa: %s:%zu: %s\n", file, line, msg);
    else
        fprintf(stderr, "yrkesresa: %s: %s\n", file, msg);
    return YR_EXIT_ERROR;
}

int yr_fail_usage(const char *cmd, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "yrkesresa: %s\n", msg);
    if (cmd != NULL)
        fprintf(stderr, "Try 'yrkesresa %s --help'.\n", cmd);
    return YR_EXIT_ERROR;
}

int yr_fail_csv(const char *file, const yr_csv_error *err)
{
    return yr_fail_at(file, err->line, "%s", err->message);
}

int yr_cli_load_csv(const char *path, yr_csv_table *t)
{
    yr_csv_table tmp;
    yr_csv_error err;
    const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (yr_csv_read_file(path, &tmp, &err) != YR_CSV_OK)
        return yr_fail_csv(shown, &err);
    if (tmp.nrows == 0) {
        yr_csv_free(&tmp);
        return yr_fail_at(shown, 2, "no data rows after the header");
    }
    *t = tmp;
    return 0;
}

const char *yr_cli_quote(const char *s, char *dst, size_t cap)
{
    const size_t maxbytes = 60;
    size_t n = strlen(s), k = 0, o = 0;
    size_t take = n;
    int cut = 0;
    if (cap < 8) {
        if (cap > 0)
            dst[0] = '\0';
        return dst;
    }
    if (take > maxbytes) {
        take = maxbytes;
        /* do not cut inside a UTF-8 sequence */
        while (take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80)
            take--;
        cut = 1;
    }
    dst[o++] = '\'';
    for (k = 0; k < take && o + 5 < cap; k++) {
        unsigned char c = (unsigned char)s[k];
        dst[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    if (k < take)
        cut = 1;
    if (cut) {
        dst[o++] = '.';
        dst[o++] = '.';
        dst[o++] = '.';
    }
    dst[o++] = '\'';
    dst[o] = '\0';
    return dst;
}

/* ---------------------------------------------------------------- options */

int yr_opt_value(int argc, char **argv, int *i, const char *cmd, const char *name,
                 const char **value)
{
    const char *a = argv[*i];
    if (a[0] != '-' || a[1] != '-')
        return 0;
    size_t nlen = strlen(name);
    if (strncmp(a + 2, name, nlen) != 0)
        return 0;
    if (a[2 + nlen] == '=') {
        *value = a + 3 + nlen;
        return 1;
    }
    if (a[2 + nlen] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        yr_fail_usage(cmd, "option --%s needs a value", name);
        return -1;
    }
    *i += 1;
    *value = argv[*i];
    return 1;
}

int yr_opt_flag(int argc, char **argv, int *i, const char *name)
{
    if (*i >= argc)
        return 0;
    const char *a = argv[*i];
    return a[0] == '-' && a[1] == '-' && strcmp(a + 2, name) == 0;
}

int yr_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int yr_cli_args(int argc, char **argv, const char *cmd, const char *usage,
                const yr_cli_option *opts, size_t nopts, const char **file)
{
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && a[0] == '-' && a[1] != '\0') {
            if (yr_is_help(a)) {
                fputs(usage, stdout);
                return fflush(stdout) == 0 ? YR_EXIT_OK : YR_EXIT_ERROR;
            }
            if (strcmp(a, "--") == 0) {
                options_done = 1;
                continue;
            }
            int r = 0;
            for (size_t k = 0; k < nopts && r == 0; k++) {
                if (opts[k].flag != NULL) {
                    if ((r = yr_opt_flag(argc, argv, &i, opts[k].name)) != 0)
                        *opts[k].flag = 1;
                } else {
                    r = yr_opt_value(argc, argv, &i, cmd, opts[k].name, opts[k].value);
                }
            }
            if (r < 0)
                return YR_EXIT_ERROR;
            if (r > 0)
                continue;
            return yr_fail_usage(cmd, "unknown option '%s'", a);
        }
        if (*file != NULL)
            return yr_fail_usage(cmd, "one input file only ('%s' and '%s')", *file, a);
        *file = a;
    }
    return -1;
}

/* ---------------------------------------------------------------- numbers */

const char *yr_num_strerror(yr_num_status st, int decimal)
{
    switch (st) {
    case YR_NUM_OK:
        return "is a number";
    case YR_NUM_EMPTY:
        return "is empty";
    case YR_NUM_SYNTAX:
        return decimal ? "is not a number" : "is not an integer";
    case YR_NUM_OVERFLOW:
        return "does not fit in 64 bits";
    }
    return "is not a number";
}

/* Length of a blank at s (space, tab, U+00A0, U+202F), or 0. */
static size_t blank_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ' || u[0] == '\t')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

/* Length of a thousands separator at s (space, U+00A0, U+202F; not tab), or 0. */
static size_t sep_len(const char *s)
{
    return s[0] == '\t' ? 0 : blank_len(s);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Parse sign and grouped digits at *ps into magnitude *mag (<= limit), advancing *ps.
 * Also accumulates extra fractional digits when frac != NULL. */
typedef struct numparse {
    int neg;
    uint64_t mag;   /* digits as an integer (integer and fraction digits together) */
    unsigned scale; /* fraction digits */
} numparse;

static yr_num_status parse_number(const char *s, int allow_fraction, numparse *np)
{
    size_t b;
    while ((b = blank_len(s)) > 0)
        s += b;
    if (*s == '\0')
        return YR_NUM_EMPTY;
    int neg = 0;
    if (*s == '+' || *s == '-') {
        neg = *s == '-';
        s++;
    } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
               (unsigned char)s[2] == 0x92) {
        neg = 1;
        s += 3;
    }
    if (!is_digit(*s))
        return YR_NUM_SYNTAX;
    const uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t mag = 0;
    int overflow = 0;
    size_t group = 0, groups = 0, first_group = 0;
    for (;;) {
        if (is_digit(*s)) {
            unsigned d = (unsigned)(*s - '0');
            if (mag > (limit - d) / 10)
                overflow = 1;
            else
                mag = mag * 10 + d;
            group++;
            s++;
            continue;
        }
        size_t sl = sep_len(s);
        if (sl > 0 && is_digit(s[sl])) {
            if (groups == 0)
                first_group = group;
            else if (group != 3)
                return YR_NUM_SYNTAX;
            groups++;
            group = 0;
            s += sl;
            continue;
        }
        break;
    }
    if (groups > 0 && (first_group > 3 || group != 3))
        return YR_NUM_SYNTAX;
    unsigned scale = 0;
    if (allow_fraction && (*s == ',' || *s == '.') && is_digit(s[1])) {
        s++;
        while (is_digit(*s)) {
            unsigned d = (unsigned)(*s - '0');
            if (mag > (limit - d) / 10)
                overflow = 1;
            else
                mag = mag * 10 + d;
            if (++scale > 18)
                overflow = 1;
            s++;
        }
    }
    while ((b = blank_len(s)) > 0)
        s += b;
    if (*s != '\0')
        return YR_NUM_SYNTAX;
    if (overflow)
        return YR_NUM_OVERFLOW;
    np->neg = neg;
    np->mag = mag;
    np->scale = scale;
    return YR_NUM_OK;
}

static int64_t apply_sign(const numparse *np)
{
    if (!np->neg)
        return (int64_t)np->mag;
    if (np->mag == (uint64_t)INT64_MAX + 1)
        return INT64_MIN;
    return -(int64_t)np->mag;
}

yr_num_status yr_parse_int64(const char *s, int64_t *out)
{
    numparse np;
    yr_num_status st = parse_number(s, 0, &np);
    if (st == YR_NUM_OK)
        *out = apply_sign(&np);
    return st;
}

yr_num_status yr_parse_decimal(const char *s, yr_decimal *out)
{
    numparse np;
    yr_num_status st = parse_number(s, 1, &np);
    if (st == YR_NUM_OK) {
        out->num = apply_sign(&np);
        out->scale = np.scale;
    }
    return st;
}

static const int64_t pow10_table[19] = {1,
                                        10,
                                        100,
                                        1000,
                                        10000,
                                        100000,
                                        1000000,
                                        10000000,
                                        100000000,
                                        1000000000,
                                        10000000000,
                                        100000000000,
                                        1000000000000,
                                        10000000000000,
                                        100000000000000,
                                        1000000000000000,
                                        10000000000000000,
                                        100000000000000000,
                                        1000000000000000000};

yr_num_status yr_decimal_rescale(yr_decimal d, unsigned scale, int64_t *out)
{
    if (d.scale > 18)
        return YR_NUM_OVERFLOW;
    if (scale >= d.scale) {
        unsigned k = scale - d.scale;
        if (d.num == 0) {
            *out = 0;
            return YR_NUM_OK;
        }
        int64_t r;
        if (k > 18 || __builtin_mul_overflow(d.num, pow10_table[k], &r))
            return YR_NUM_OVERFLOW;
        *out = r;
        return YR_NUM_OK;
    }
    int64_t p = pow10_table[d.scale - scale];
    if (d.num % p != 0)
        return YR_NUM_SYNTAX;
    *out = d.num / p;
    return YR_NUM_OK;
}

yr_num_status yr_parse_fraction(const char *s, int64_t *num, int64_t *den)
{
    size_t n = strlen(s);
    /* strip trailing blanks to look for '%' */
    while (n > 0) {
        if (s[n - 1] == ' ' || s[n - 1] == '\t')
            n--;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
            n -= 2;
        else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
                 (unsigned char)s[n - 1] == 0xAF)
            n -= 3;
        else
            break;
    }
    if (n == 0)
        return YR_NUM_EMPTY;
    char tmp[128];
    if (n >= sizeof tmp)
        return YR_NUM_SYNTAX;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    if (tmp[n - 1] == '%') {
        tmp[n - 1] = '\0';
        yr_decimal d;
        yr_num_status st = yr_parse_decimal(tmp, &d);
        if (st != YR_NUM_OK)
            return st == YR_NUM_EMPTY ? YR_NUM_SYNTAX : st;
        if (d.scale > 16)
            return YR_NUM_OVERFLOW;
        *num = d.num;
        *den = 100 * pow10_table[d.scale];
        return YR_NUM_OK;
    }
    char *slash = strchr(tmp, '/');
    if (slash != NULL) {
        *slash = '\0';
        int64_t a, b;
        yr_num_status st = yr_parse_int64(tmp, &a);
        if (st != YR_NUM_OK)
            return st == YR_NUM_EMPTY ? YR_NUM_SYNTAX : st;
        st = yr_parse_int64(slash + 1, &b);
        if (st != YR_NUM_OK)
            return st == YR_NUM_EMPTY ? YR_NUM_SYNTAX : st;
        if (b <= 0)
            return YR_NUM_SYNTAX;
        *num = a;
        *den = b;
        return YR_NUM_OK;
    }
    yr_decimal d;
    yr_num_status st = yr_parse_decimal(tmp, &d);
    if (st != YR_NUM_OK)
        return st;
    *num = d.num;
    *den = pow10_table[d.scale];
    return YR_NUM_OK;
}

/* The error for a cell that does not parse: FILE:LINE: column NAME: 'CELL' REASON. */
static int fail_cell(const char *file, const yr_csv_table *t, size_t row, size_t col,
                     yr_num_status st, int decimal)
{
    char qn[80], qc[80];
    return yr_fail_at(
        file, t->lines[row], "column %s: %s %s", yr_cli_quote(t->header[col], qn, sizeof qn),
        yr_cli_quote(yr_csv_cell(t, row, col), qc, sizeof qc), yr_num_strerror(st, decimal));
}

int yr_cli_cell_int64(const char *file, const yr_csv_table *t, size_t row, size_t col, int64_t *out)
{
    yr_num_status st = yr_parse_int64(yr_csv_cell(t, row, col), out);
    return st == YR_NUM_OK ? 0 : fail_cell(file, t, row, col, st, 0);
}

int yr_cli_cell_decimal(const char *file, const yr_csv_table *t, size_t row, size_t col,
                        yr_decimal *out)
{
    yr_num_status st = yr_parse_decimal(yr_csv_cell(t, row, col), out);
    return st == YR_NUM_OK ? 0 : fail_cell(file, t, row, col, st, 1);
}

int yr_is_int64(const char *s)
{
    int64_t v;
    return yr_parse_int64(s, &v) == YR_NUM_OK;
}

static void trim_span(const char *s, const char **start, size_t *len)
{
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *start = s;
    *len = n;
}

/* 1 when s without surrounding blanks equals name (ASCII case-insensitive). */
static int trimmed_equals_ci(const char *s, const char *name)
{
    const char *h;
    size_t n = strlen(name), hl;
    trim_span(s, &h, &hl);
    if (hl != n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        int a = (unsigned char)h[k], b = (unsigned char)name[k];
        if (a >= 'A' && a <= 'Z')
            a += 'a' - 'A';
        if (b >= 'A' && b <= 'Z')
            b += 'a' - 'A';
        if (a != b)
            return 0;
    }
    return 1;
}

int yr_is_total_label(const char *s)
{
    static const char *const labels[] = {"summa", "totalt", "total", "sum"};
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
        if (trimmed_equals_ci(s, labels[k]))
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- party tables */

static const char *const weight_names[] = {"population", "weight", "befolkning", "inv\xc3\xa5nare"};

/* 1 when header c equals name (ASCII case-insensitive, surrounding blanks ignored). */
static int header_is(const yr_csv_table *t, size_t c, const char *name)
{
    return trimmed_equals_ci(t->header[c], name);
}

typedef struct name_ix {
    const char *name;
    size_t len;
    size_t row;
} name_ix;

static int cmp_name(const void *pa, const void *pb)
{
    const name_ix *a = pa, *b = pb;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->name, b->name, m);
    if (c != 0)
        return c;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->row < b->row ? -1 : (a->row > b->row);
}

int yr_cli_parties(const char *file, const yr_csv_table *t, size_t *nparties, int *has_total)
{
    size_t n = t->nrows;
    int total = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (yr_is_total_label(yr_csv_cell(t, r, 0))) {
            if (r + 1 != t->nrows) {
                char q[80];
                return yr_fail_at(file, t->lines[r],
                                  "a total row (%s) must be the last row of the table",
                                  yr_cli_quote(yr_csv_cell(t, r, 0), q, sizeof q));
            }
            total = 1;
            n = r;
        }
    }
    if (n == 0)
        return yr_fail_at(file, t->nrows ? t->lines[0] : 1, "no parties: only a total row");
    name_ix *ix = malloc(n * sizeof *ix);
    if (ix == NULL)
        return yr_fail_at(file, 0, "out of memory");
    for (size_t r = 0; r < n; r++) {
        trim_span(yr_csv_cell(t, r, 0), &ix[r].name, &ix[r].len);
        ix[r].row = r;
        if (ix[r].len == 0) {
            free(ix);
            char q[80];
            return yr_fail_at(file, t->lines[r], "column %s: empty name",
                              yr_cli_quote(t->header[0], q, sizeof q));
        }
    }
    qsort(ix, n, sizeof *ix, cmp_name);
    for (size_t k = 1; k < n; k++) {
        if (ix[k].len == ix[k - 1].len && memcmp(ix[k].name, ix[k - 1].name, ix[k].len) == 0) {
            char q[80];
            size_t first = t->lines[ix[k - 1].row], again = t->lines[ix[k].row];
            const char *name = yr_csv_cell(t, ix[k].row, 0);
            free(ix);
            return yr_fail_at(file, again, "duplicate name %s (also on line %zu)",
                              yr_cli_quote(name, q, sizeof q), first);
        }
    }
    free(ix);
    *nparties = n;
    *has_total = total;
    return 0;
}

int yr_cli_weight_column(const char *file, const yr_csv_table *t, size_t nparties,
                         const char *explicit_name, size_t exclude, int required, size_t *col)
{
    char q[80];
    if (explicit_name != NULL) {
        size_t c = yr_csv_find_column(t, explicit_name);
        if (c == YR_CSV_NO_COLUMN)
            return yr_fail_at(file, t->header_line, "no column named %s",
                              yr_cli_quote(explicit_name, q, sizeof q));
        *col = c;
        return 0;
    }
    for (size_t c = 1; c < t->ncols; c++) {
        if (c == exclude)
            continue;
        for (size_t k = 0; k < sizeof weight_names / sizeof weight_names[0]; k++) {
            if (header_is(t, c, weight_names[k])) {
                *col = c;
                return 0;
            }
        }
    }
    for (size_t c = 1; c < t->ncols; c++) {
        if (c == exclude)
            continue;
        size_t r = 0;
        yr_decimal d;
        while (r < nparties && yr_parse_decimal(yr_csv_cell(t, r, c), &d) == YR_NUM_OK)
            r++;
        if (r == nparties) {
            *col = c;
            return 0;
        }
    }
    if (!required) {
        *col = YR_CSV_NO_COLUMN;
        return 0;
    }
    return yr_fail_at(file, t->header_line,
                      "no weight column: name one with --weight-column (looked for a column "
                      "named population, weight, befolkning or inv\xc3\xa5nare, then for a "
                      "column of numbers)");
}

int yr_cli_weights(const char *file, const yr_csv_table *t, size_t nparties, size_t col,
                   int64_t *weights, unsigned *scale)
{
    unsigned maxscale = 0;
    yr_decimal *d = malloc((nparties ? nparties : 1) * sizeof *d);
    if (d == NULL)
        return yr_fail_at(file, 0, "out of memory");
    char qn[80], qc[80];
    for (size_t r = 0; r < nparties; r++) {
        if (yr_cli_cell_decimal(file, t, r, col, &d[r]) != 0) {
            free(d);
            return YR_EXIT_ERROR;
        }
        if (d[r].num < 0) {
            int rc = yr_fail_at(file, t->lines[r], "column %s: negative weight %s",
                                yr_cli_quote(t->header[col], qn, sizeof qn),
                                yr_cli_quote(yr_csv_cell(t, r, col), qc, sizeof qc));
            free(d);
            return rc;
        }
        if (d[r].scale > maxscale)
            maxscale = d[r].scale;
    }
    int64_t sum = 0;
    for (size_t r = 0; r < nparties; r++) {
        int64_t w;
        if (yr_decimal_rescale(d[r], maxscale, &w) != YR_NUM_OK ||
            __builtin_add_overflow(sum, w, &sum)) {
            int rc = yr_fail_at(file, t->lines[r],
                                "column %s: the weights%s add up to more than fits in 64 bits",
                                yr_cli_quote(t->header[col], qn, sizeof qn),
                                maxscale > 0 ? " (as integers over a common power of ten)" : "");
            free(d);
            return rc;
        }
        weights[r] = w;
    }
    free(d);
    *scale = maxscale;
    return 0;
}

/* ---------------------------------------------------------------- output buffer */

void yr_buf_init(yr_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->ok = 1;
}

void yr_buf_free(yr_buf *b)
{
    free(b->data);
    yr_buf_init(b);
}

static int buf_reserve(yr_buf *b, size_t extra)
{
    if (!b->ok)
        return 0;
    if (extra > SIZE_MAX - b->len - 1) {
        b->ok = 0;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t ncap = b->cap ? b->cap : 4096;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) {
            ncap = need;
            break;
        }
        ncap *= 2;
    }
    char *p = realloc(b->data, ncap);
    if (p == NULL) {
        b->ok = 0;
        return 0;
    }
    b->data = p;
    b->cap = ncap;
    return 1;
}

void yr_buf_add(yr_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void yr_buf_puts(yr_buf *b, const char *s)
{
    yr_buf_add(b, s, strlen(s));
}

void yr_buf_printf(yr_buf *b, const char *fmt, ...)
{
    if (!b->ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        b->ok = 0;
        return;
    }
    if ((size_t)n < sizeof small) {
        va_end(ap2);
        yr_buf_add(b, small, (size_t)n);
        return;
    }
    if (buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void yr_buf_csv_field(yr_buf *b, const char *s, char delim)
{
    int quote = 0;
    for (const char *p = s; *p; p++) {
        if (*p == delim || *p == '"' || *p == '\r' || *p == '\n') {
            quote = 1;
            break;
        }
    }
    if (!quote) {
        yr_buf_puts(b, s);
        return;
    }
    yr_buf_add(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            yr_buf_add(b, "\"\"", 2);
        else
            yr_buf_add(b, p, 1);
    }
    yr_buf_add(b, "\"", 1);
}

int yr_buf_flush(yr_buf *b)
{
    if (!b->ok) {
        fprintf(stderr, "yrkesresa: out of memory\n");
        return YR_EXIT_ERROR;
    }
    if (b->len > 0 && fwrite(b->data, 1, b->len, stdout) != b->len) {
        fprintf(stderr, "yrkesresa: cannot write the output: %s\n", strerror(errno));
        return YR_EXIT_ERROR;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "yrkesresa: cannot write the output: %s\n", strerror(errno));
        return YR_EXIT_ERROR;
    }
    return YR_EXIT_OK;
}

/* num / den (den > 0) with k decimals, half away from zero. |num| < 2^127 / 10^18 always holds
 * for the callers below (|num| < 2^126 and the fraction step multiplies a remainder < den). */
static void put_ratio128(yr_buf *b, i128 num, uint64_t den, unsigned k)
{
    if (k > 18)
        k = 18;
    int neg = num < 0;
    u128 mag = neg ? (u128)0 - (u128)num : (u128)num;
    u128 ip = mag / den, rem = mag % den;
    u128 scaled = rem * (u128)(uint64_t)pow10_table[k];
    u128 fp = scaled / den, r2 = scaled % den;
    if (2 * r2 >= den)
        fp++;
    if (fp == (u128)(uint64_t)pow10_table[k]) {
        fp = 0;
        ip++;
    }
    char digits[48];
    size_t nd = 0;
    u128 v = ip;
    do {
        digits[nd++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v > 0);
    if (neg && (ip != 0 || fp != 0))
        yr_buf_add(b, "-", 1);
    while (nd > 0)
        yr_buf_add(b, &digits[--nd], 1);
    if (k > 0) {
        char frac[24];
        uint64_t f = (uint64_t)fp;
        for (unsigned j = k; j > 0; j--) {
            frac[j - 1] = (char)('0' + (int)(f % 10));
            f /= 10;
        }
        yr_buf_add(b, ".", 1);
        yr_buf_add(b, frac, k);
    }
}

void yr_buf_ratio(yr_buf *b, int64_t n, int64_t d, unsigned decimals)
{
    if (d == 0) {
        yr_buf_puts(b, "nan");
        return;
    }
    i128 num = n;
    u128 den;
    if (d < 0) {
        num = -num;
        den = (u128)0 - (u128)(i128)d;
    } else {
        den = (u128)d;
    }
    /* den <= 2^63 fits uint64 */
    put_ratio128(b, num, (uint64_t)den, decimals);
}

void yr_buf_fixed(yr_buf *b, int64_t whole, int64_t rem, int64_t den, unsigned decimals)
{
    if (den <= 0) {
        yr_buf_puts(b, "nan");
        return;
    }
    i128 num = (i128)whole * den + rem;
    put_ratio128(b, num, (uint64_t)den, decimals);
}
