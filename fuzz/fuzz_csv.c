/* libFuzzer target: the command-line program's CSV reader (tools/yrkesresa/csv.c), on any bytes,
 * and (when tools/yrkesresa/cli.c exists, FZ_HAVE_CLI) its number parsers, CSV field writer and
 * exact decimal formatting, plus the library's name lookups, on every cell.
 * Checks, besides what the sanitizers catch:
 *   - on error: the table is untouched, the message is one non-empty NUL-terminated line, the
 *     line number is within the input's lines;
 *   - on success: the shape is consistent (ncols >= 1, a ',' or ';' delimiter, data rows start
 *     on strictly increasing lines within the input), no cell exceeds the field limit;
 *   - round trip: the table written back as CSV (written here: every field quoted when it could
 *     be ambiguous, a BOM in front) parses to exactly the same cells;
 *   - the same bytes parse the same way twice; yr_csv_find_column finds every header name at or
 *     before its own column;
 *   - every cell: yr_parse_int64 / yr_parse_decimal agree with a reference parser written here
 *     from the grammar in cli.h; yr_parse_fraction agrees with them; yr_buf_csv_field output
 *     parses back to the cell; yr_method_from_name / yr_role_from_name only accept names that
 *     normalise to a known one;
 *   - yr_buf_ratio / yr_buf_fixed print exactly the value rounded half away from zero (computed
 *     here with big integers), for numbers taken from the first bytes of the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz_common.h"
#include "yrkesresa.h"
#ifdef FZ_HAVE_CLI
#include "cli.h"
#endif

/* Lines in the input as the reader counts them: LF, CRLF and a lone CR each end one. */
static size_t count_lines(const char *p, size_t n)
{
    size_t lines = 1;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n' || (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n')))
            lines++;
    }
    return lines;
}

typedef struct wbuf {
    char *p;
    size_t len, cap;
} wbuf;

static void w_add(wbuf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2 + 64;
        char *q = realloc(b->p, cap);
        FZ_CHECK(q != NULL);
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void w_field(wbuf *b, const char *s)
{
    size_t n = strlen(s);
    int quote = n == 0 || strpbrk(s, ",;\"\r\n") != NULL;
    if (!quote) {
        w_add(b, s, n);
        return;
    }
    w_add(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            w_add(b, "\"", 1);
        w_add(b, s + i, 1);
    }
    w_add(b, "\"", 1);
}

static void w_row(wbuf *b, char *const *cells, size_t ncols, char delim)
{
    for (size_t c = 0; c < ncols; c++) {
        if (c > 0)
            w_add(b, &delim, 1);
        w_field(b, cells[c]);
    }
    w_add(b, "\n", 1);
}

static void check_same(const yr_csv_table *a, const yr_csv_table *b)
{
    FZ_CHECK(a->ncols == b->ncols && a->nrows == b->nrows && a->delim == b->delim);
    for (size_t c = 0; c < a->ncols; c++)
        FZ_CHECK(strcmp(a->header[c], b->header[c]) == 0);
    for (size_t i = 0; i < a->nrows * a->ncols; i++)
        FZ_CHECK(strcmp(a->cells[i], b->cells[i]) == 0);
}

/* ---- the library's name lookups -------------------------------------------------------- */

static int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* 1 when s equals word after lower-casing ASCII and reading '-' and ' ' as '_'. */
static int method_name_is(const char *s, const char *word)
{
    size_t i = 0;
    for (; s[i] && word[i]; i++) {
        int c = ascii_lower((unsigned char)s[i]);
        if (c == '-' || c == ' ')
            c = '_';
        if (c != word[i])
            return 0;
    }
    return s[i] == word[i];
}

static void check_names(const char *cell)
{
    static const char *const aliases[] = {"hamilton", "hare", "jefferson", "d'hondt", "webster"};
    yr_method m = (yr_method)-1;
    if (yr_method_from_name(cell, &m) == YR_OK) {
        FZ_CHECK((unsigned)m < YR_METHOD_COUNT);
        int known = method_name_is(cell, yr_method_name(m));
        for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
            known |= method_name_is(cell, aliases[k]);
        FZ_CHECK(known);
    } else {
        FZ_CHECK(m == (yr_method)-1);
        for (int k = 0; k < YR_METHOD_COUNT; k++)
            FZ_CHECK(!method_name_is(cell, yr_method_name((yr_method)k)));
    }
    yr_role r = (yr_role)-1;
    if (yr_role_from_name(cell, &r) == YR_OK) {
        /* surrounding ASCII blanks, then one of four words in any ASCII case */
        const char *b = cell;
        while (*b == ' ' || *b == '\t' || *b == '\r' || *b == '\n' || *b == '\v' || *b == '\f')
            b++;
        size_t n = strlen(b);
        while (n > 0 && strchr(" \t\r\n\v\f", b[n - 1]) != NULL)
            n--;
        const char *word = r == YR_ROLE_LEADER ? (n == 6 ? "leader" : "kursledare")
                                               : (n == 7 ? "trainer" : "utbildare");
        FZ_CHECK(r == YR_ROLE_LEADER || r == YR_ROLE_TRAINER);
        FZ_CHECK(strlen(word) == n);
        for (size_t i = 0; i < n; i++)
            FZ_CHECK(ascii_lower((unsigned char)b[i]) == word[i]);
    } else {
        FZ_CHECK(r == (yr_role)-1);
    }
}

#ifdef FZ_HAVE_CLI
/* ---- a reference number parser, from the grammar documented in cli.h ------------------- */

/* A blank at s[i]: space, tab, U+00A0 (C2 A0), U+202F (E2 80 AF); its length or 0. */
static size_t ref_blank(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && (s[i] == ' ' || s[i] == '\t'))
        return 1;
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Parse: blanks, [sign], groups of digits separated by single separators (a blank but not a
 * tab) - when separated, first group 1-3 digits, the others exactly 3 -, [(',' | '.') digits+]
 * when decimals are allowed, blanks. The digits go to *mag (saturating: *big set when the value
 * exceeds 2^64), the count of decimals to *scale. */
static yr_num_status ref_parse(const char *text, int decimals, int *neg, fz_u128 *mag,
                               unsigned *scale)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text), i = 0, b;
    while ((b = ref_blank(s, n, i)) > 0)
        i += b;
    size_t end = n;
    for (;;) { /* strip trailing blanks */
        if (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            end--;
        else if (end >= i + 2 && s[end - 2] == 0xC2 && s[end - 1] == 0xA0)
            end -= 2;
        else if (end >= i + 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 && s[end - 1] == 0xAF)
            end -= 3;
        else
            break;
    }
    if (i == end)
        return YR_NUM_EMPTY;
    *neg = 0;
    if (s[i] == '+' || s[i] == '-') {
        *neg = s[i] == '-';
        i++;
    } else if (i + 2 < end && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
        *neg = 1;
        i += 3;
    }
    fz_u128 v = 0;
    size_t groups = 0, first = 0, len = 0;
    *scale = 0;
    for (;;) {
        len = 0;
        while (i < end && s[i] >= '0' && s[i] <= '9') {
            v = v > ((fz_u128)1 << 100) ? v : v * 10 + (s[i] - '0');
            len++;
            i++;
        }
        if (len == 0)
            return YR_NUM_SYNTAX;
        if (groups == 0)
            first = len;
        else if (len != 3)
            return YR_NUM_SYNTAX;
        groups++;
        size_t sl = ref_blank(s, end, i);
        if (sl == 0 || s[i] == '\t')
            break;
        i += sl;
    }
    if (groups > 1 && first > 3)
        return YR_NUM_SYNTAX;
    if (decimals && i < end && (s[i] == ',' || s[i] == '.')) {
        i++;
        size_t k = 0;
        while (i < end && s[i] >= '0' && s[i] <= '9') {
            v = v > ((fz_u128)1 << 100) ? v : v * 10 + (s[i] - '0');
            k++;
            i++;
        }
        if (k == 0)
            return YR_NUM_SYNTAX;
        *scale = k > 99 ? 99 : (unsigned)k;
    }
    if (i != end)
        return YR_NUM_SYNTAX;
    *mag = v;
    if (v > (fz_u128)INT64_MAX + (*neg ? 1 : 0) || *scale > 18)
        return YR_NUM_OVERFLOW;
    return YR_NUM_OK;
}

static int64_t signed_of(int neg, fz_u128 mag)
{
    return neg ? (int64_t)((uint64_t)0 - (uint64_t)mag) : (int64_t)mag;
}

/* yr_decimal_rescale against exact big-integer arithmetic. */
FZ_NOCOV static void fz_i128_check_rescale(yr_decimal d, unsigned k, yr_num_status st, int64_t out)
{
    bn mag, p, prod, ten;
    bn_set(&mag, fz_abs(d.num));
    bn_set(&p, 1);
    bn_set(&ten, 10);
    unsigned e = k >= d.scale ? k - d.scale : d.scale - k;
    for (unsigned i = 0; i < e; i++) {
        bn_mul(&prod, &p, &ten);
        p = prod;
    }
    if (k >= d.scale) {
        bn_mul(&prod, &mag, &p);
        bn lim;
        bn_set(&lim, (fz_u128)INT64_MAX + (d.num < 0 ? 1 : 0));
        if (bn_cmp(&prod, &lim) > 0) {
            FZ_CHECK(st == YR_NUM_OVERFLOW && out == 99);
        } else {
            FZ_CHECK(st == YR_NUM_OK);
            fz_u128 m = prod.len == 0 ? 0 : prod.d[0];
            FZ_CHECK(out == signed_of(d.num < 0, m));
        }
    } else {
        uint64_t pv = p.d[0]; /* e <= 18 */
        uint64_t r = (uint64_t)(fz_abs(d.num) % pv);
        if (r != 0) {
            FZ_CHECK(st == YR_NUM_SYNTAX && out == 99);
        } else {
            FZ_CHECK(st == YR_NUM_OK && out == signed_of(d.num < 0, fz_abs(d.num) / pv));
        }
    }
}

/* num / den (den > 0, num an exact big magnitude with a sign) with k decimals, half away from
 * zero, as text: the reference for yr_buf_ratio and yr_buf_fixed. */
FZ_NOCOV static void ref_fixed(char *dst, int neg, const bn *num, uint64_t den, unsigned k)
{
    bn mag = *num, ten, t;
    bn_set(&ten, 10);
    for (unsigned i = 0; i < k; i++) {
        bn_mul(&t, &mag, &ten);
        mag = t;
    }
    uint64_t r = bn_divmod_u64(&mag, den);
    if ((fz_u128)r * 2 >= den) {
        bn one;
        bn_set(&one, 1);
        bn_add(&mag, &mag, &one);
    }
    char digits[200];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + bn_divmod_u64(&mag, 10));
    } while (!bn_is_zero(&mag) || nd <= k);
    size_t o = 0;
    int zero = 1;
    for (size_t i = 0; i < nd; i++)
        zero &= digits[i] == '0';
    if (neg && !zero)
        dst[o++] = '-';
    while (nd > 0) {
        if (nd == k)
            dst[o++] = '.';
        dst[o++] = digits[--nd];
    }
    dst[o] = '\0';
}

static void check_formatting(fz_reader *rd)
{
    int64_t n = fz_int(rd), d = fz_int(rd);
    unsigned k = fz_u8(rd) % 19;
    char want[256];
    yr_buf b;
    yr_buf_init(&b);
    yr_buf_ratio(&b, n, d, k);
    if (d == 0) {
        strcpy(want, "nan");
    } else {
        bn num;
        bn_set(&num, fz_abs(n));
        ref_fixed(want, (n < 0) != (d < 0), &num, fz_abs(d), k);
    }
    FZ_CHECK(b.ok && strcmp(b.data, want) == 0);
    yr_buf_free(&b);

    /* whole + rem/den with 0 <= rem < den (the yr_audit_row form) */
    int64_t whole = fz_int(rd), den = fz_int(rd), rem = fz_int(rd);
    if (den <= 0)
        den = den == INT64_MIN ? INT64_MAX : (den == 0 ? 1 : -den);
    rem = (int64_t)(fz_abs(rem) % (uint64_t)den);
    yr_buf_init(&b);
    yr_buf_fixed(&b, whole, rem, den, k);
    /* |whole * den + rem| as a big magnitude */
    bn w, dd, prod, r, num;
    bn_set(&w, fz_abs(whole));
    bn_set(&dd, (uint64_t)den);
    bn_mul(&prod, &w, &dd);
    bn_set(&r, (uint64_t)rem);
    int neg = whole < 0;
    if (!neg) {
        bn_add(&num, &prod, &r);
    } else if (bn_cmp(&prod, &r) >= 0) {
        bn_sub(&num, &prod, &r);
    } else {
        bn_sub(&num, &r, &prod);
        neg = 0;
    }
    ref_fixed(want, neg, &num, (uint64_t)den, k);
    FZ_CHECK(b.ok && strcmp(b.data, want) == 0);
    yr_buf_free(&b);
}

static void check_numbers(const char *cell)
{
    int neg;
    fz_u128 mag;
    unsigned scale;
    int64_t v = 12345;
    yr_num_status ref = ref_parse(cell, 0, &neg, &mag, &scale);
    yr_num_status st = yr_parse_int64(cell, &v);
    FZ_CHECK(st == ref);
    FZ_CHECK(st == YR_NUM_OK ? v == signed_of(neg, mag) : v == 12345);
    FZ_CHECK(yr_is_int64(cell) == (st == YR_NUM_OK));
    FZ_CHECK(yr_num_strerror(st, 0) != NULL);

    yr_decimal d = {777, 7};
    ref = ref_parse(cell, 1, &neg, &mag, &scale);
    st = yr_parse_decimal(cell, &d);
    FZ_CHECK(st == ref);
    if (st != YR_NUM_OK) {
        FZ_CHECK(d.num == 777 && d.scale == 7);
    } else {
        FZ_CHECK(d.num == signed_of(neg, mag) && d.scale == scale);
        /* rescaling: exact or refused */
        for (unsigned k = 0; k <= 20; k += 4) {
            int64_t r = 99;
            yr_num_status rs = yr_decimal_rescale(d, k, &r);
            fz_i128_check_rescale(d, k, rs, r);
        }
    }

    int64_t fn = 5, fd = 5;
    st = yr_parse_fraction(cell, &fn, &fd);
    if (st == YR_NUM_OK) {
        FZ_CHECK(fd > 0);
        if (strchr(cell, '%') == NULL && strchr(cell, '/') == NULL &&
            yr_parse_decimal(cell, &d) == YR_NUM_OK) {
            /* a plain decimal: num / 10^scale exactly */
            fz_u128 p = 1;
            for (unsigned k = 0; k < d.scale; k++)
                p *= 10;
            FZ_CHECK(fn == d.num && (fz_u128)fd == p);
        }
    } else {
        FZ_CHECK(fn == 5 && fd == 5);
    }

    /* the field writer: written with either delimiter, read back unchanged */
    for (int k = 0; k < 2; k++) {
        char delim = k ? ';' : ',';
        yr_buf b;
        yr_buf_init(&b);
        yr_buf_puts(&b, k ? "a;b\n" : "a,b\n");
        yr_buf_csv_field(&b, cell, delim);
        yr_buf_add(&b, &delim, 1);
        yr_buf_puts(&b, "x\n");
        FZ_CHECK(b.ok);
        yr_csv_table t;
        FZ_CHECK(yr_csv_parse(b.data, b.len, &t, NULL) == YR_CSV_OK);
        FZ_CHECK(t.nrows == 1 && t.ncols == 2 && strcmp(t.cells[0], cell) == 0);
        yr_csv_free(&t);
        yr_buf_free(&b);
    }
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FZ_HAVE_CLI
    fz_reader rd = {data, size};
    check_formatting(&rd);
#endif
    /* An exactly sized copy, so a read past the end is an AddressSanitizer report. */
    char *buf = fz_alloc_pattern(size);
    if (size)
        memcpy(buf, data, size);
    yr_csv_table t;
    yr_csv_error err;
    memset(&t, 0xA5, sizeof t);
    memset(&err, 0xA5, sizeof err);
    yr_csv_status st = yr_csv_parse(size ? buf : NULL, size, &t, &err);
    size_t maxline = count_lines(buf, size);
    if (st != YR_CSV_OK) {
        FZ_CHECK(st == YR_CSV_EMPTY || st == YR_CSV_SYNTAX || st == YR_CSV_LIMIT);
        FZ_CHECK(fz_is_pattern(&t, sizeof t));
        FZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
        FZ_CHECK(err.message[0] != '\0' && strchr(err.message, '\n') == NULL);
        FZ_CHECK(err.line <= maxline);
        free(buf);
        return 0;
    }

    FZ_CHECK(t.ncols >= 1 && t.header != NULL && t.header_line == 1);
    FZ_CHECK(t.delim == ',' || t.delim == ';');
    FZ_CHECK(strcmp(t.eol, "\n") == 0 || strcmp(t.eol, "\r\n") == 0);
    FZ_CHECK(t.has_bom == (size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0));
    FZ_CHECK(t.nrows == 0 || (t.cells != NULL && t.lines != NULL));
    for (size_t r = 0; r < t.nrows; r++) {
        FZ_CHECK(t.lines[r] >= 2 && t.lines[r] <= maxline);
        FZ_CHECK(r == 0 || t.lines[r] > t.lines[r - 1]);
    }
    size_t total = 0;
    for (size_t i = 0; i < t.ncols; i++) {
        size_t n = strlen(t.header[i]);
        FZ_CHECK(n <= YR_CSV_MAX_FIELD);
        total += n;
    }
    for (size_t i = 0; i < t.nrows * t.ncols; i++) {
        size_t n = strlen(t.cells[i]);
        FZ_CHECK(n <= YR_CSV_MAX_FIELD);
        total += n;
    }
    FZ_CHECK(total <= size); /* no cell text appears from nowhere */
    for (size_t r = 0; r < t.nrows; r++) {
        for (size_t c = 0; c < t.ncols; c++)
            FZ_CHECK(yr_csv_cell(&t, r, c) == t.cells[r * t.ncols + c]);
    }
    for (size_t c = 0; c < t.ncols; c++) {
        size_t found = yr_csv_find_column(&t, t.header[c]);
        /* The name itself may carry blanks that the lookup trims from header cells only. */
        const char *h = t.header[c];
        size_t n = strlen(h);
        if (n == 0 || (h[0] != ' ' && h[0] != '\t' && h[n - 1] != ' ' && h[n - 1] != '\t'))
            FZ_CHECK(found <= c);
    }

    for (size_t i = 0; i < t.ncols + t.nrows * t.ncols; i++) {
        const char *cell = i < t.ncols ? t.header[i] : t.cells[i - t.ncols];
        check_names(cell);
#ifdef FZ_HAVE_CLI
        check_numbers(cell);
#endif
    }

    /* Same bytes, same table. */
    yr_csv_table t2;
    FZ_CHECK(yr_csv_parse(buf, size, &t2, NULL) == YR_CSV_OK);
    check_same(&t, &t2);
    yr_csv_free(&t2);

    /* Round trip through a writer. A row whose cells are all empty is written with quotes, so
     * it is kept; a single column means a ',' delimiter both times. */
    wbuf w = {NULL, 0, 0};
    w_add(&w, "\xEF\xBB\xBF", 3);
    w_row(&w, t.header, t.ncols, t.delim);
    for (size_t r = 0; r < t.nrows; r++)
        w_row(&w, t.cells + r * t.ncols, t.ncols, t.delim);
    yr_csv_table t3;
    yr_csv_error err3;
    yr_csv_status st3 = yr_csv_parse(w.p, w.len, &t3, &err3);
    if (st3 == YR_CSV_LIMIT) {
        /* Quoting can only lengthen the text, never a cell: only the byte limit may be hit. */
        FZ_CHECK(w.len > YR_CSV_MAX_BYTES);
    } else {
        FZ_CHECK(st3 == YR_CSV_OK);
        FZ_CHECK(t3.has_bom == 1);
        check_same(&t, &t3);
        yr_csv_free(&t3);
    }
    free(w.p);
    yr_csv_free(&t);
    FZ_CHECK(t.ncols == 0 && t.header == NULL && t.cells == NULL);
    yr_csv_free(&t); /* safe on a zeroed table */
    yr_csv_free(NULL);
    free(buf);
    return 0;
}
