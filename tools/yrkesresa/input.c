/* The yrkesresa program's input layer: see input.h for the encodings, the format and the
 * limits. Reading enforces the size limit as it goes; decoding gives one UTF-8 buffer of
 * len + 1 bytes, which the parser unquotes in place (a cell and its NUL never need more bytes
 * than the raw cell and the delimiter or line break after it; the +1 covers the last cell). */
#include "input.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yrkesresa.h>

static void set_error(ycsv_error *err, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(ycsv_error *err, size_t line, const char *fmt, ...)
{
    if (err == NULL)
        return;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* 1-based line of byte offset @p off in @p p (LF, CRLF and a lone CR each end a line). */
static size_t line_at(const char *p, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        if (p[i] == '\n' || (p[i] == '\r' && !(i + 1 < off && p[i + 1] == '\n')))
            line++;
    return line;
}

/* ---------------------------------------------------------------- encodings */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 (overlong forms and surrogates are
 * invalid). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (k == 0 || c > 0xF4 || k > n)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90))
        return 0;
    return k;
}

/* Offset of the first byte that is not valid UTF-8, or n. */
static size_t utf8_invalid_at(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_len(s + i, n - i);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

/* Convert src[0..n) from @p charset to UTF-8 into a new buffer (*out, *outlen, one spare byte).
 * On an invalid sequence: YCSV_SYNTAX with its line (counted in the converted text). */
static ycsv_status convert(const char *charset, const char *src, size_t n, char **out,
                           size_t *outlen, ycsv_error *err)
{
    size_t cap = n * 3 + 1; /* a byte (or two) never becomes more than 3 bytes of UTF-8 */
    char *dst = malloc(cap);
    if (dst == NULL) {
        set_error(err, 0, "out of memory");
        return YCSV_NOMEM;
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        free(dst);
        set_error(err, 0, "cannot convert from %s: %s", charset, strerror(errno));
        return YCSV_IO;
    }
    char *in = (char *)src, *o = dst;
    size_t inleft = n, outleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1) {
        size_t line = line_at(dst, (size_t)(o - dst));
        free(dst);
        set_error(err, line, "not valid %s text (byte 0x%02X)%s", charset,
                  (unsigned)(unsigned char)*in,
                  strcmp(charset, "WINDOWS-1252") == 0 ? " and not UTF-8 either" : "");
        return YCSV_SYNTAX;
    }
    *out = dst;
    *outlen = (size_t)(o - dst);
    return YCSV_OK;
}

/* Decode *buf (*len bytes, capacity >= *len + 1) to UTF-8 in place or into a new buffer (the
 * old one freed). Sets the table's encoding and has_bom. */
static ycsv_status decode(char **buf, size_t *len, ycsv_table *t, ycsv_error *err)
{
    const unsigned char *u = (const unsigned char *)*buf;
    size_t n = *len, skip = 0;
    const char *charset = NULL;
    t->has_bom = 0;
    t->encoding = "UTF-8";
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;
        t->has_bom = 1;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        charset = t->encoding = "UTF-16LE";
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        charset = t->encoding = "UTF-16BE";
    }
    if (charset == NULL) {
        size_t bad = utf8_invalid_at(*buf + skip, n - skip);
        if (bad == n - skip) {
            memmove(*buf, *buf + skip, n - skip);
            *len = n - skip;
            return YCSV_OK;
        }
        if (skip) {
            set_error(err, line_at(*buf + skip, bad),
                      "not valid UTF-8 although the file starts with a UTF-8 byte order mark "
                      "(byte 0x%02X)",
                      (unsigned)u[skip + bad]);
            return YCSV_SYNTAX;
        }
        charset = "WINDOWS-1252";
        t->encoding = "Windows-1252";
    } else {
        t->has_bom = 1;
        skip = 2;
    }
    char *out;
    size_t outlen;
    ycsv_status st = convert(charset, *buf + skip, n - skip, &out, &outlen, err);
    if (st != YCSV_OK)
        return st;
    free(*buf);
    *buf = out;
    *len = outlen;
    return YCSV_OK;
}

/* ---------------------------------------------------------------- parsing */

/* A growable array of 32-bit numbers (offsets or line numbers). */
typedef struct vec32 {
    uint32_t *data;
    size_t len, cap;
} vec32;

static int vec_push(vec32 *v, uint32_t x)
{
    if (v->len == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 1024;
        uint32_t *p = realloc(v->data, ncap * sizeof *p);
        if (p == NULL)
            return 0;
        v->data = p;
        v->cap = ncap;
    }
    v->data[v->len++] = x;
    return 1;
}

/* The delimiter (most frequent of , ; TAB outside quotes in the header line) and line break. */
static void detect(const char *p, const char *end, char *delim, const char **eol)
{
    static const char cand[3] = {',', ';', '\t'};
    size_t count[3] = {0, 0, 0}, first[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    int inq = 0;
    *eol = "\n";
    for (const char *q = p; q < end; q++) {
        if (*q == '"') {
            inq = !inq; /* a doubled quote toggles twice */
            continue;
        }
        if (inq)
            continue;
        if (*q == '\n' || *q == '\r') {
            if (*q == '\r')
                *eol = (q + 1 < end && q[1] == '\n') ? "\r\n" : "\r";
            break;
        }
        for (int k = 0; k < 3; k++) {
            if (*q == cand[k]) {
                if (count[k]++ == 0)
                    first[k] = (size_t)(q - p);
            }
        }
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best] || (count[k] == count[best] && first[k] < first[best]))
            best = k;
    *delim = cand[best];
}

/* A field that starts like a number: blanks, an optional sign, a digit. */
static int looks_numeric(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '"'))
        s++;
    if (s < end && (*s == '-' || *s == '+'))
        s++;
    return s < end && *s >= '0' && *s <= '9';
}

/* After an empty line: 1 when every later line is empty or a note (not a row of ncols fields
 * with a number after the first field); *first_note is the line of the first note (0: none). */
static int rest_is_notes(const char *p, const char *end, char delim, size_t ncols, size_t line,
                         size_t *first_note)
{
    *first_note = 0;
    while (p < end) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r')
            e++;
        size_t fields = 1;
        int numeric = 0;
        int nonempty = 0;
        for (const char *f = p; f < e; f++) {
            if (*f != delim && *f != ' ' && *f != '\t')
                nonempty = 1;
            if (*f == delim) {
                fields++;
                numeric |= looks_numeric(f + 1, e);
            }
        }
        if (fields == ncols && numeric && ncols > 1)
            return 0;
        if (nonempty && *first_note == 0)
            *first_note = line;
        p = e;
        if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        if (p < end)
            p++;
        line++;
    }
    return 1;
}

typedef struct parser {
    char *text;    /* start of the text; cells are written at sp <= p */
    const char *p; /* next byte to read */
    const char *end;
    char *sp; /* next byte to write */
    char delim;
    size_t line;
    vec32 cells, lines;
    ycsv_error *err;
} parser;

static ycsv_status fail(parser *ps, size_t line, ycsv_status st, const char *msg)
{
    set_error(ps->err, line, "%s", msg);
    return st;
}

/* One quoted field (p at the opening quote). */
static ycsv_status quoted_field(parser *ps, const char *fstart)
{
    const size_t qline = ps->line;
    ps->p++;
    for (;;) {
        if (ps->p == ps->end)
            return fail(ps, qline, YCSV_SYNTAX, "unterminated quoted field (the quote opens here)");
        char c = *ps->p;
        if (c == '"') {
            if (ps->p + 1 < ps->end && ps->p[1] == '"') {
                *ps->sp++ = '"';
                ps->p += 2;
            } else {
                ps->p++;
                break;
            }
        } else if (c == '\0') {
            return fail(ps, ps->line, YCSV_SYNTAX, "NUL byte in a quoted field");
        } else {
            if (c == '\n' || (c == '\r' && !(ps->p + 1 < ps->end && ps->p[1] == '\n')))
                ps->line++;
            *ps->sp++ = c;
            ps->p++;
        }
        if ((size_t)(ps->sp - fstart) > YCSV_MAX_FIELD)
            return fail(ps, qline, YCSV_LIMIT, "field longer than 1 MiB");
    }
    if (ps->p < ps->end && *ps->p != ps->delim && *ps->p != '\n' && *ps->p != '\r')
        return fail(ps, ps->line, YCSV_SYNTAX, "unexpected character after a closing quote");
    return YCSV_OK;
}

/* One unquoted field. */
static ycsv_status plain_field(parser *ps, const char *fstart)
{
    while (ps->p < ps->end && *ps->p != ps->delim && *ps->p != '\n' && *ps->p != '\r') {
        if (*ps->p == '"')
            return fail(ps, ps->line, YCSV_SYNTAX,
                        "quote inside an unquoted field (quote the whole field and double the "
                        "quote)");
        if (*ps->p == '\0')
            return fail(ps, ps->line, YCSV_SYNTAX, "NUL byte");
        *ps->sp++ = *ps->p++;
        if ((size_t)(ps->sp - fstart) > YCSV_MAX_FIELD)
            return fail(ps, ps->line, YCSV_LIMIT, "field longer than 1 MiB");
    }
    return YCSV_OK;
}

/* One row: its fields' offsets are pushed on ps->cells; *nfields and *nonempty describe it. */
static ycsv_status parse_row(parser *ps, size_t *nfields, int *nonempty)
{
    const size_t row_line = ps->line;
    *nfields = 0;
    *nonempty = 0;
    for (;;) {
        char *fstart = ps->sp;
        int quoted = ps->p < ps->end && *ps->p == '"';
        ycsv_status st = quoted ? quoted_field(ps, fstart) : plain_field(ps, fstart);
        if (st != YCSV_OK)
            return st;
        if (quoted || ps->sp != fstart)
            *nonempty = 1;
        /* What ends the field, read before its NUL is written (in place: sp may equal p). */
        const int at_end = ps->p == ps->end;
        const char term = at_end ? '\0' : *ps->p;
        const int crlf = !at_end && term == '\r' && ps->p + 1 < ps->end && ps->p[1] == '\n';
        *ps->sp++ = '\0';
        if (++*nfields > YCSV_MAX_COLS)
            return fail(ps, row_line, YCSV_LIMIT, "more than 4096 fields in a row");
        if (!vec_push(&ps->cells, (uint32_t)(fstart - ps->text)))
            return fail(ps, row_line, YCSV_NOMEM, "out of memory");
        if (at_end)
            return YCSV_OK;
        ps->p += crlf ? 2 : 1;
        if (term == ps->delim)
            continue;
        ps->line++;
        return YCSV_OK;
    }
}

/* Header names equal as ycsv_find_column compares them (non-empty): an error. */
/* The length of the first @p k bytes of @p s without a UTF-8 sequence cut at the end. */
static size_t utf8_whole(const char *s, size_t k)
{
    size_t i = k;
    while (i > 0 && k - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--; /* back over continuation bytes to the last sequence's lead byte */
    if (i == 0 || ((unsigned char)s[i - 1] & 0xC0) != 0xC0)
        return k; /* ends in ASCII (or stray continuation bytes, kept as they are) */
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return k - (i - 1) < need ? i - 1 : k;
}

static ycsv_status check_header(ycsv_table *t, ycsv_error *err)
{
    for (size_t a = 0; a < t->ncols; a++) {
        size_t start;
        if (yr_label_trim(t->header[a], strlen(t->header[a]), &start) == 0)
            continue;
        for (size_t b = a + 1; b < t->ncols; b++) {
            if (ycsv_name_equal(t->header[a], t->header[b])) {
                char shown[64];
                size_t k = 0;
                for (const char *h = t->header[b]; *h && k < 60; h++, k++)
                    shown[k] = (unsigned char)*h < 0x20 ? '?' : *h; /* one line */
                shown[utf8_whole(shown, k)] = '\0';
                set_error(err, t->header_line, "duplicate column name '%s' (columns %zu and %zu)",
                          shown, a + 1, b + 1);
                return YCSV_SYNTAX;
            }
        }
    }
    return YCSV_OK;
}

/* The rows after the header; ends at the end, or at an empty line followed by notes only. */
static ycsv_status parse_rows(parser *ps, size_t ncols, size_t *notes_line)
{
    size_t nfields;
    int nonempty;
    while (ps->p < ps->end) {
        const size_t row_line = ps->line;
        const size_t mark = ps->cells.len;
        char *const sp0 = ps->sp;
        ycsv_status st = parse_row(ps, &nfields, &nonempty);
        if (st != YCSV_OK)
            return st;
        if (!nonempty) {
            ps->cells.len = mark;
            ps->sp = sp0;
            if (!rest_is_notes(ps->p, ps->end, ps->delim, ncols, ps->line, notes_line))
                return fail(ps, row_line, YCSV_SYNTAX,
                            "empty line inside the table (only notes may follow an empty line)");
            return YCSV_OK;
        }
        if (nfields != ncols) {
            set_error(ps->err, row_line, "ragged row: %zu field%s, the header has %zu", nfields,
                      nfields == 1 ? "" : "s", ncols);
            return YCSV_SYNTAX;
        }
        if (ps->lines.len == YCSV_MAX_ROWS)
            return fail(ps, row_line, YCSV_LIMIT, "more than 20000000 data rows");
        if (!vec_push(&ps->lines, (uint32_t)row_line))
            return fail(ps, row_line, YCSV_NOMEM, "out of memory");
    }
    return YCSV_OK;
}

/* Parse the UTF-8 text (len bytes, capacity len + 1; the table takes ownership on success). */
static ycsv_status parse_text(char *text, size_t len, ycsv_table *t, ycsv_error *err)
{
    parser ps = {text, text, text + len, text, ',', 1, {NULL, 0, 0}, {NULL, 0, 0}, err};
    while (ps.p < ps.end && (*ps.p == '\n' || *ps.p == '\r'))
        ps.p++;
    if (ps.p == ps.end) {
        set_error(err, 1, "empty file (no header line)");
        return YCSV_EMPTY;
    }
    ps.line = t->header_line = line_at(text, (size_t)(ps.p - text));
    detect(ps.p, ps.end, &ps.delim, &t->eol);
    size_t ncols;
    int nonempty;
    ycsv_status st = parse_row(&ps, &ncols, &nonempty);
    if (st == YCSV_OK && !nonempty)
        st = fail(&ps, 1, YCSV_SYNTAX, "the header line is empty");
    t->header = st == YCSV_OK ? malloc(ncols * sizeof *t->header) : NULL;
    if (st == YCSV_OK && t->header == NULL)
        st = fail(&ps, 0, YCSV_NOMEM, "out of memory");
    if (st == YCSV_OK) {
        for (size_t c = 0; c < ncols; c++)
            t->header[c] = text + ps.cells.data[c];
        ps.cells.len = 0;
        t->ncols = ncols;
        st = check_header(t, err);
    }
    if (st == YCSV_OK)
        st = parse_rows(&ps, ncols, &t->notes_line);
    if (st != YCSV_OK) {
        free(t->header);
        free(ps.cells.data);
        free(ps.lines.data);
        return st;
    }
    t->delim = ps.delim;
    t->nrows = ps.lines.len;
    t->text_ = text;
    t->cells_ = ps.cells.data;
    t->lines_ = ps.lines.data;
    return YCSV_OK;
}

/* Decode and parse a buffer the table will own (capacity >= len + 1). Frees it on error. */
static ycsv_status parse_owned(char *buf, size_t len, ycsv_table *out, ycsv_error *err)
{
    ycsv_table t;
    memset(&t, 0, sizeof t);
    ycsv_status st = decode(&buf, &len, &t, err);
    if (st == YCSV_OK && len > YCSV_MAX_BYTES) {
        set_error(err, 0, "input larger than 1 GiB once converted to UTF-8");
        st = YCSV_LIMIT;
    }
    if (st == YCSV_OK)
        st = parse_text(buf, len, &t, err);
    if (st != YCSV_OK) {
        free(buf);
        return st;
    }
    *out = t;
    return YCSV_OK;
}

ycsv_status ycsv_parse(const char *buf, size_t len, ycsv_table *out, ycsv_error *err)
{
    if (out == NULL || (buf == NULL && len > 0)) {
        set_error(err, 0, "no input");
        return YCSV_EMPTY;
    }
    if (len > YCSV_MAX_BYTES) {
        set_error(err, 0, "input larger than 1 GiB");
        return YCSV_LIMIT;
    }
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        set_error(err, 0, "out of memory");
        return YCSV_NOMEM;
    }
    if (len > 0)
        memcpy(copy, buf, len);
    return parse_owned(copy, len, out, err);
}

/* ---------------------------------------------------------------- reading */

/* A NUL byte in data[from..len) of a text that is not UTF-16: its line, else 0. */
static size_t nul_line(const char *data, size_t from, size_t len)
{
    const char *z = memchr(data + from, '\0', len - from);
    return z == NULL ? 0 : line_at(data, (size_t)(z - data));
}

static int is_utf16(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
}

/* Read all of @p f into *out (capacity >= length + 1), refusing more than YCSV_MAX_BYTES and,
 * outside UTF-16, a NUL byte, as soon as they are seen. */
static ycsv_status slurp(FILE *f, size_t hint, char **out, size_t *outlen, ycsv_error *err)
{
    size_t cap = hint > 0 ? hint + 1 : 65536, len = 0;
    char *data = malloc(cap);
    if (data == NULL) {
        set_error(err, 0, "out of memory");
        return YCSV_NOMEM;
    }
    ycsv_status st = YCSV_OK;
    for (;;) {
        if (cap - len < 2) {
            char *nd = realloc(data, cap * 2);
            if (nd == NULL) {
                set_error(err, 0, "out of memory");
                st = YCSV_NOMEM;
                break;
            }
            data = nd;
            cap *= 2;
        }
        size_t want = cap - len - 1 < (1u << 20) ? cap - len - 1 : (1u << 20);
        size_t got = fread(data + len, 1, want, f);
        size_t from = len;
        len += got;
        if (len > YCSV_MAX_BYTES) {
            set_error(err, 0, "input larger than 1 GiB");
            st = YCSV_LIMIT;
            break;
        }
        size_t nl = is_utf16(data, len) ? 0 : nul_line(data, from, len);
        if (nl != 0) {
            set_error(err, nl, "NUL byte: not a text file (or UTF-16 without a byte order mark)");
            st = YCSV_SYNTAX;
            break;
        }
        if (got < want) {
            if (ferror(f)) {
                set_error(err, 0, "cannot read: %s", strerror(errno));
                st = YCSV_IO;
            }
            break;
        }
    }
    if (st != YCSV_OK) {
        free(data);
        return st;
    }
    *out = data;
    *outlen = len;
    return YCSV_OK;
}

ycsv_status ycsv_read_file(const char *path, ycsv_table *out, ycsv_error *err)
{
    if (path == NULL || out == NULL) {
        set_error(err, 0, "no file");
        return YCSV_IO;
    }
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        set_error(err, 0, "cannot open: %s", strerror(errno));
        return YCSV_IO;
    }
    struct stat sb;
    size_t hint = 0;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((uintmax_t)sb.st_size > YCSV_MAX_BYTES) {
            if (!is_stdin)
                fclose(f);
            set_error(err, 0, "input larger than 1 GiB");
            return YCSV_LIMIT;
        }
        hint = (size_t)sb.st_size;
    }
    char *data;
    size_t len;
    ycsv_status st = slurp(f, hint, &data, &len, err);
    if (!is_stdin)
        fclose(f);
    return st == YCSV_OK ? parse_owned(data, len, out, err) : st;
}

void ycsv_free(ycsv_table *t)
{
    if (t == NULL)
        return;
    free(t->header);
    free(t->text_);
    free(t->cells_);
    free(t->lines_);
    memset(t, 0, sizeof *t);
}

void ycsv_drop_lines(ycsv_table *t)
{
    free(t->lines_);
    t->lines_ = NULL;
}

void ycsv_drop_index(ycsv_table *t)
{
    free(t->cells_);
    free(t->lines_);
    t->cells_ = NULL;
    t->lines_ = NULL;
}

/* ---------------------------------------------------------------- names */

/* The next character of a name, case-folded (ASCII and Å Ä Ö É Ü to lower case), advancing *s;
 * 0 at the end. Other bytes compare as they are. */
static unsigned fold_next(const unsigned char **s, const unsigned char *end)
{
    const unsigned char *p = *s;
    if (p >= end)
        return 0;
    unsigned c = p[0];
    if (c >= 'A' && c <= 'Z') {
        *s = p + 1;
        return c + 32;
    }
    if (c == 0xC3 && p + 1 < end) {
        unsigned d = p[1];
        *s = p + 2;
        if (d >= 0x80 && d <= 0x9E && d != 0x97)
            d += 0x20; /* U+00C0..U+00DE to U+00E0..U+00FE */
        return 0xC300 | d;
    }
    *s = p + 1;
    return c;
}

int ycsv_name_equal(const char *a, const char *b)
{
    size_t sa, sb;
    size_t la = yr_label_trim(a, strlen(a), &sa), lb = yr_label_trim(b, strlen(b), &sb);
    const unsigned char *pa = (const unsigned char *)a + sa, *ea = pa + la;
    const unsigned char *pb = (const unsigned char *)b + sb, *eb = pb + lb;
    for (;;) {
        unsigned x = fold_next(&pa, ea), y = fold_next(&pb, eb);
        if (x != y)
            return 0;
        if (x == 0)
            return 1;
    }
}

size_t ycsv_find_column(const ycsv_table *t, const char *name)
{
    if (t == NULL || name == NULL)
        return YCSV_NO_COLUMN;
    for (size_t c = 0; c < t->ncols; c++)
        if (ycsv_name_equal(t->header[c], name))
            return c;
    return YCSV_NO_COLUMN;
}
