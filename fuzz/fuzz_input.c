/* libFuzzer target: the command-line program's input layer (tools/yrkesresa/input.c) on any
 * bytes, and the program's number parsers and exact decimal formatting (cli.c, output.c) on every
 * cell. Checks, besides what the sanitizers catch:
 *   - on error: the status is one of EMPTY/SYNTAX/LIMIT, the table is untouched, the message is
 *     one non-empty NUL-terminated line of valid UTF-8, the line is >= 1 and within the
 *     input's lines (counted in the input's own encoding);
 *   - on success: the shape is consistent (1..YCSV_MAX_COLS columns, a ',', ';' or TAB
 *     delimiter, data rows on strictly increasing lines after the header, notes after them), no
 *     cell exceeds YCSV_MAX_FIELD, every cell is valid UTF-8 without NUL;
 *   - encoding detection: a UTF-8 BOM gives UTF-8, FF FE / FE FF give UTF-16LE / UTF-16BE, no BOM
 *     gives UTF-8 exactly when the bytes are valid UTF-8 (validated here), else Windows-1252;
 *   - round trip: the table written back (BOM, quoted where needed) parses to the same cells; the
 *     same text re-encoded as UTF-16LE and UTF-16BE with a BOM, and as Windows-1252 when every
 *     character has a byte there, parses to the same cells with that encoding detected;
 *   - the same bytes parse the same way twice; after ycsv_drop_lines/ycsv_drop_index the cells
 *     taken before and the header stay readable; ycsv_find_column finds every non-blank header
 *     name in its own column (names are unique), ycsv_name_equal is reflexive;
 *   - every cell: cli_parse_int64 agrees with cli_parse_decimal, outputs untouched on error,
 *     cli_decimal_rescale is exact or refused (big integers);
 *   - cli_buf_ratio / cli_buf_fixed print exactly the value rounded half away from zero, for
 *     numbers taken from the first bytes of the input.
 * Once per process (LLVMFuzzerInitialize): the 1 MiB field limit and the 4096-column limit give
 * YCSV_LIMIT with line 1. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz_common.h"
#include "yrkesresa.h"

/* ---- a growable byte buffer ---------------------------------------------------------------- */

typedef struct wbuf {
    char *p;
    size_t len, cap;
} wbuf;

static void w_add(wbuf *b, const void *s, size_t n)
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

/* ---- UTF-8, written here from RFC 3629 ------------------------------------------------------ */

/* Decode the UTF-8 sequence at s[0..n) into *cp; its length, or 0 when invalid (overlong,
 * surrogate, above U+10FFFF, truncated). */
static size_t u8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    static const uint32_t min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t k = s[0] < 0x80             ? 1
               : (s[0] & 0xE0) == 0xC0 ? 2
               : (s[0] & 0xF0) == 0xE0 ? 3
               : (s[0] & 0xF8) == 0xF0 ? 4
                                       : 0;
    if (k == 0 || k > n)
        return 0;
    uint32_t v = k == 1 ? s[0] : s[0] & (0x7Fu >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min_of[k] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return k;
}

static int u8_valid(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k) {
        k = u8_decode(s + i, n - i, &cp);
        if (k == 0)
            return 0;
    }
    return 1;
}

/* Re-encode UTF-8 text as UTF-16 (big endian when @p be) with a BOM. */
static void to_utf16(wbuf *o, const char *p, size_t n, int be)
{
    const unsigned char *s = (const unsigned char *)p;
    uint32_t cp;
    unsigned units[2];
    w_add(o, be ? "\xFE\xFF" : "\xFF\xFE", 2);
    for (size_t i = 0, k; i < n; i += k) {
        k = u8_decode(s + i, n - i, &cp);
        FZ_CHECK(k > 0);
        size_t nu = 1;
        units[0] = cp;
        if (cp >= 0x10000) {
            units[0] = 0xD800 + ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            nu = 2;
        }
        for (size_t u = 0; u < nu; u++) {
            unsigned char b[2] = {(unsigned char)(units[u] & 0xFF), (unsigned char)(units[u] >> 8)};
            unsigned char sw[2] = {b[1], b[0]};
            w_add(o, be ? sw : b, 2);
        }
    }
}

/* Windows-1252 bytes 0x80-0x9F (0: undefined). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* Re-encode UTF-8 text as Windows-1252; 0 when a character has no byte there. */
static int to_cp1252(wbuf *o, const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k) {
        k = u8_decode(s + i, n - i, &cp);
        FZ_CHECK(k > 0);
        int byte = cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF) ? (int)cp : -1;
        for (int h = 0; h < 32 && byte < 0; h++)
            byte = cp1252_high[h] != 0 && cp1252_high[h] == cp ? 0x80 + h : -1;
        if (byte < 0)
            return 0;
        unsigned char c = (unsigned char)byte;
        w_add(o, &c, 1);
    }
    return 1;
}

static int starts_with_bom(const unsigned char *p, size_t n)
{
    return (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) ||
           (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)));
}

/* ---- lines, as the reader counts them (LF, CRLF, a lone CR), in the input's encoding ------- */

static size_t count_lines(const unsigned char *p, size_t n)
{
    int le = n >= 2 && p[0] == 0xFF && p[1] == 0xFE, be = n >= 2 && p[0] == 0xFE && p[1] == 0xFF;
    size_t step = le || be ? 2 : 1, lines = 1;
    for (size_t i = 0; i + step <= n; i += step) {
        unsigned c = step == 1 ? p[i]
                     : le      ? p[i] | (unsigned)p[i + 1] << 8
                               : (unsigned)p[i] << 8 | p[i + 1];
        unsigned next = 0;
        if (i + 2 * step <= n)
            next = step == 1 ? p[i + 1]
                   : le      ? p[i + 2] | (unsigned)p[i + 3] << 8
                             : (unsigned)p[i + 2] << 8 | p[i + 3];
        if (c == '\n' || (c == '\r' && next != '\n'))
            lines++;
    }
    return lines;
}

/* ---- the table written back ------------------------------------------------------------------ */

static void w_field(wbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > 0 && strpbrk(s, ",;\t\"\r\n") == NULL) {
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

static const char *cell_at(const ycsv_table *t, size_t row, size_t col)
{
    return row == 0 ? t->header[col] : ycsv_cell(t, row - 1, col);
}

/* The table as UTF-8 text (no BOM), rows 0 (header) .. nrows. */
static void write_table(wbuf *b, const ycsv_table *t)
{
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            if (c > 0)
                w_add(b, &t->delim, 1);
            w_field(b, cell_at(t, r, c));
        }
        w_add(b, "\n", 1);
    }
}

static void check_same(const ycsv_table *a, const ycsv_table *b)
{
    FZ_CHECK(a->ncols == b->ncols && a->nrows == b->nrows && a->delim == b->delim);
    for (size_t r = 0; r <= a->nrows; r++)
        for (size_t c = 0; c < a->ncols; c++)
            FZ_CHECK(strcmp(cell_at(a, r, c), cell_at(b, r, c)) == 0);
}

/* Parse @p text and require the cells of @p t, read as @p encoding. */
static void check_reparse(const ycsv_table *t, const wbuf *text, const char *encoding)
{
    ycsv_table u;
    ycsv_error err;
    ycsv_status st = ycsv_parse(text->p, text->len, &u, &err);
    if (st != YCSV_OK)
        fprintf(stderr, "%s: line %zu: %s\n", encoding, err.line, err.message);
    FZ_CHECK(st == YCSV_OK);
    FZ_CHECK(strcmp(u.encoding, encoding) == 0);
    check_same(t, &u);
    ycsv_free(&u);
}

static void check_round_trips(const ycsv_table *t)
{
    wbuf plain = {NULL, 0, 0}, enc = {NULL, 0, 0};
    write_table(&plain, t);
    w_add(&enc, "\xEF\xBB\xBF", 3);
    w_add(&enc, plain.p, plain.len);
    check_reparse(t, &enc, "UTF-8");
    for (int be = 0; be < 2; be++) {
        enc.len = 0;
        to_utf16(&enc, plain.p, plain.len, be);
        check_reparse(t, &enc, be ? "UTF-16BE" : "UTF-16LE");
    }
    enc.len = 0;
    /* Windows-1252 text that starts with "ï»¿", "ÿþ" or "þÿ" is a byte order mark: not tried. */
    if (to_cp1252(&enc, plain.p, plain.len) && !u8_valid(enc.p, enc.len) &&
        !starts_with_bom((const unsigned char *)enc.p, enc.len))
        check_reparse(t, &enc, "Windows-1252");
    free(plain.p);
    free(enc.p);
}

/* ---- numbers ------------------------------------------------------------------------------- */

static int64_t signed_of(int neg, fz_u128 mag)
{
    return neg ? (int64_t)((uint64_t)0 - (uint64_t)mag) : (int64_t)mag;
}

/* cli_decimal_rescale against exact big-integer arithmetic. */
FZ_NOCOV static void check_rescale(cli_decimal d, unsigned k, cli_num_status st, int64_t out)
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
            FZ_CHECK(st == CLI_NUM_OVERFLOW && out == 99);
        } else {
            FZ_CHECK(st == CLI_NUM_OK);
            FZ_CHECK(out == signed_of(d.num < 0, prod.len == 0 ? 0 : prod.d[0]));
        }
    } else {
        uint64_t pv = p.d[0]; /* e <= 18 */
        if (fz_abs(d.num) % pv != 0)
            FZ_CHECK(st == CLI_NUM_SYNTAX && out == 99);
        else
            FZ_CHECK(st == CLI_NUM_OK && out == signed_of(d.num < 0, fz_abs(d.num) / pv));
    }
}

static void check_numbers(const char *cell)
{
    cli_decimal d = {777, 7, 7};
    cli_num_status sd = cli_parse_decimal(cell, &d);
    int64_t v = 12345;
    cli_num_status si = cli_parse_int64(cell, &v);
    FZ_CHECK((unsigned)sd <= CLI_NUM_OVERFLOW && (unsigned)si <= CLI_NUM_OVERFLOW);
    FZ_CHECK(cli_num_reason(cell, sd, 1) != NULL);
    if (sd != CLI_NUM_OK) {
        FZ_CHECK(d.num == 777 && d.scale == 7 && d.percent == 7);
        FZ_CHECK(si == sd && v == 12345);
        return;
    }
    FZ_CHECK(d.scale <= 18 && (d.percent == 0 || d.percent == 1));
    if (d.scale == 0 && !d.percent)
        FZ_CHECK(si == CLI_NUM_OK && v == d.num);
    else
        FZ_CHECK(si == CLI_NUM_SYNTAX && v == 12345);
    for (unsigned k = 0; k <= 20; k += 4) {
        int64_t r = 99;
        check_rescale(d, k, cli_decimal_rescale(d, k, &r), r);
    }
}

/* num / den (den > 0, num an exact big magnitude with a sign) with k decimals, half away from
 * zero, as text: the reference for cli_buf_ratio and cli_buf_fixed. */
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
    size_t nd = 0, o = 0;
    do {
        digits[nd++] = (char)('0' + bn_divmod_u64(&mag, 10));
    } while (!bn_is_zero(&mag) || nd <= k);
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
    cli_buf b;
    bn num;
    if (d != 0) {
        cli_buf_init(&b);
        cli_buf_ratio(&b, n, d, k);
        bn_set(&num, fz_abs(n));
        ref_fixed(want, (n < 0) != (d < 0), &num, fz_abs(d), k);
        FZ_CHECK(b.ok && strcmp(cli_buf_str(&b), want) == 0);
        cli_buf_free(&b);
    }
    /* whole + rem/den with 0 <= rem < den (the audit row form) */
    int64_t whole = fz_int(rd), den = fz_int(rd), rem = fz_int(rd);
    if (den <= 0)
        den = den == INT64_MIN ? INT64_MAX : (den == 0 ? 1 : -den);
    rem = (int64_t)(fz_abs(rem) % (uint64_t)den);
    cli_buf_init(&b);
    cli_buf_fixed(&b, whole, rem, den, k);
    bn w, dd, prod, r;
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
    FZ_CHECK(b.ok && strcmp(cli_buf_str(&b), want) == 0);
    cli_buf_free(&b);
}

/* ---- the table --------------------------------------------------------------------------- */

static void check_encoding(const ycsv_table *t, const unsigned char *p, size_t n)
{
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        FZ_CHECK(t->has_bom && strcmp(t->encoding, "UTF-8") == 0);
    else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        FZ_CHECK(t->has_bom && strcmp(t->encoding, "UTF-16LE") == 0);
    else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        FZ_CHECK(t->has_bom && strcmp(t->encoding, "UTF-16BE") == 0);
    else
        FZ_CHECK(!t->has_bom &&
                 strcmp(t->encoding, u8_valid((const char *)p, n) ? "UTF-8" : "Windows-1252") == 0);
}

static void check_shape(const ycsv_table *t, size_t maxline)
{
    FZ_CHECK(t->ncols >= 1 && t->ncols <= YCSV_MAX_COLS && t->header != NULL);
    FZ_CHECK(t->header_line >= 1 && t->header_line <= maxline && t->nrows <= YCSV_MAX_ROWS);
    FZ_CHECK(t->delim == ',' || t->delim == ';' || t->delim == '\t');
    FZ_CHECK(strcmp(t->eol, "\n") == 0 || strcmp(t->eol, "\r\n") == 0 || strcmp(t->eol, "\r") == 0);
    for (size_t r = 0; r < t->nrows; r++) {
        FZ_CHECK(ycsv_line(t, r) > t->header_line && ycsv_line(t, r) <= maxline);
        FZ_CHECK(r == 0 || ycsv_line(t, r) > ycsv_line(t, r - 1));
    }
    if (t->notes_line != 0)
        FZ_CHECK(t->notes_line <= maxline &&
                 t->notes_line > (t->nrows ? ycsv_line(t, t->nrows - 1) : t->header_line));
    for (size_t r = 0; r <= t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = cell_at(t, r, c);
            size_t len = strlen(s);
            FZ_CHECK(len <= YCSV_MAX_FIELD && u8_valid(s, len));
            check_numbers(s);
        }
    }
    for (size_t c = 0; c < t->ncols; c++) {
        const char *h = t->header[c];
        size_t start, len = yr_label_trim(h, strlen(h), &start);
        FZ_CHECK(ycsv_name_equal(h, h) == 1);
        size_t found = ycsv_find_column(t, h);
        FZ_CHECK(len == 0 ? found <= c : found == c);
    }
}

static void check_error(ycsv_status st, const ycsv_table *t, const ycsv_error *err, size_t maxline)
{
    FZ_CHECK(st == YCSV_EMPTY || st == YCSV_SYNTAX || st == YCSV_LIMIT);
    FZ_CHECK(fz_is_pattern(t, sizeof *t));
    FZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    FZ_CHECK(err->message[0] != '\0' && strchr(err->message, '\n') == NULL);
    FZ_CHECK(u8_valid(err->message, strlen(err->message))); /* no cut character */
    FZ_CHECK(err->line >= 1 && err->line <= maxline);
}

/* A limit, once: a header of @p ncols fields of @p width bytes must give YCSV_LIMIT at line 1. */
static void check_limit(size_t ncols, size_t width)
{
    wbuf b = {NULL, 0, 0};
    char *field = malloc(width + 1);
    FZ_CHECK(field != NULL);
    memset(field, 'x', width);
    for (size_t c = 0; c < ncols; c++) {
        w_add(&b, field, width);
        w_add(&b, c + 1 < ncols ? "," : "\n", 1);
    }
    ycsv_table t;
    ycsv_error err;
    FZ_CHECK(ycsv_parse(b.p, b.len, &t, &err) == YCSV_LIMIT && err.line == 1);
    free(field);
    free(b.p);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    check_limit(1, YCSV_MAX_FIELD + 1);
    check_limit(YCSV_MAX_COLS + 1, 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    check_formatting(&rd);
    /* An exactly sized copy, so a read past the end is an AddressSanitizer report. */
    char *buf = fz_alloc_pattern(size);
    if (size)
        memcpy(buf, data, size);
    ycsv_table t;
    ycsv_error err;
    memset(&t, 0xA5, sizeof t);
    memset(&err, 0xA5, sizeof err);
    ycsv_status st = ycsv_parse(size ? buf : NULL, size, &t, &err);
    size_t maxline = count_lines(data, size);
    if (st != YCSV_OK) {
        check_error(st, &t, &err, maxline);
        free(buf);
        return 0;
    }
    check_encoding(&t, data, size);
    check_shape(&t, maxline);
    ycsv_table again;
    FZ_CHECK(ycsv_parse(buf, size, &again, NULL) == YCSV_OK);
    check_same(&t, &again);
    ycsv_free(&again);
    check_round_trips(&t);
    /* Dropping the index keeps the text: cells taken before and the header stay readable. */
    const char *last = t.nrows ? ycsv_cell(&t, t.nrows - 1, t.ncols - 1) : t.header[0];
    size_t last_len = strlen(last);
    ycsv_drop_lines(&t);
    ycsv_drop_index(&t);
    FZ_CHECK(strlen(last) == last_len && strlen(t.header[t.ncols - 1]) <= YCSV_MAX_FIELD);
    ycsv_free(&t);
    FZ_CHECK(t.ncols == 0 && t.header == NULL);
    ycsv_free(&t); /* safe on a zeroed table */
    ycsv_free(NULL);
    free(buf);
    return 0;
}
