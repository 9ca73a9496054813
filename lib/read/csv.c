/* Text files as grids (grid.h): decoding, the delimiter, records, cells on demand.
 *
 * Memory: UTF-8 input with borrow is not copied; other input is decoded once into one buffer.
 * The grid keeps 4 bytes a record (where it starts) and, for the few records whose quoted
 * fields hold line breaks, where the line count jumps. Cells are tokenised again on each
 * cells() call: an unquoted cell, and a quoted one without doubled quotes, point into the text;
 * a quoted cell with doubled quotes is undone into the caller's scratch. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "internal.h"
#include "yrkesresa/names.h"

typedef struct csv_jump {
    uint32_t rec;   /* records after this one ... */
    uint32_t extra; /* ... start this many lines later than their index says */
} csv_jump;

typedef struct csv_impl {
    const char *text;
    size_t len;
    char *owned;   /* the decoded text, or NULL when borrowed */
    uint32_t *rec; /* nrec + 1 offsets; rec[nrec] = len */
    csv_jump *jumps;
    size_t njumps;
    char delim;
    int unguard; /* written as --excel writes (BOM, ';', CRLF): formula guards come off */
} csv_impl;

/* ------------------------------------------------------------------------ decoding */

static size_t count_lines(const char *p, size_t n)
{
    size_t line = 1;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\n' || (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n')))
            line++;
    return line;
}

static yr_read_status convert(const char *charset, const char *src, size_t n, char **out,
                              size_t *outlen, yr_read_error *err)
{
    if (n > YR_READ_MAX_BYTES) {
        rd_fail(err, YR_READ_ERR_LIMIT, 0, "the file is larger than 1 GiB");
        return YR_READ_ERR_LIMIT;
    }
    size_t cap = n * 3 + 1;
    char *dst = malloc(cap);
    if (dst == NULL) {
        rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        return YR_READ_ERR_NOMEM;
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        free(dst);
        rd_fail(err, YR_READ_ERR_FORMAT, 0, "cannot convert from %s on this system", charset);
        return YR_READ_ERR_FORMAT;
    }
    char *in = (char *)src, *o = dst;
    size_t inleft = n, outleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1) {
        size_t line = count_lines(dst, (size_t)(o - dst));
        int cp1252 = strcmp(charset, "WINDOWS-1252") == 0;
        free(dst);
        if (cp1252)
            rd_fail(err, YR_READ_ERR_SYNTAX, line,
                    "the text is neither UTF-8 nor Windows-1252 (byte 0x%02X); save it as "
                    "\"CSV UTF-8\"",
                    (unsigned)(unsigned char)*in);
        else
            rd_fail(err, YR_READ_ERR_SYNTAX, line,
                    "not valid %s text although the file starts with its byte order mark", charset);
        return YR_READ_ERR_SYNTAX;
    }
    *out = dst;
    *outlen = (size_t)(o - dst);
    return YR_READ_OK;
}

/* The text as UTF-8: borrowed or decoded into impl->owned. */
static yr_read_status decode(const char *b, size_t n, int borrow, csv_impl *im, grid *g,
                             yr_read_error *err)
{
    const unsigned char *u = (const unsigned char *)b;
    const char *charset = NULL;
    size_t skip = 0;
    g->fmt.encoding = "UTF-8";
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        skip = 3;
        g->fmt.bom = 1;
    } else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        charset = g->fmt.encoding = "UTF-16LE";
    } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        charset = g->fmt.encoding = "UTF-16BE";
    }
    if (charset == NULL) {
        size_t bad = rd_utf8_invalid_at(b + skip, n - skip);
        if (bad == n - skip) {
            if (borrow) {
                im->text = b + skip;
                im->len = n - skip;
                return YR_READ_OK;
            }
            im->owned = malloc(n - skip + 1);
            if (im->owned == NULL) {
                rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
                return YR_READ_ERR_NOMEM;
            }
            if (n > skip)
                memcpy(im->owned, b + skip, n - skip);
            im->text = im->owned;
            im->len = n - skip;
            return YR_READ_OK;
        }
        if (skip) {
            rd_fail(err, YR_READ_ERR_SYNTAX, count_lines(b + skip, bad),
                    "not valid UTF-8 although the file starts with a UTF-8 byte order mark "
                    "(byte 0x%02X)",
                    (unsigned)u[skip + bad]);
            return YR_READ_ERR_SYNTAX;
        }
        charset = "WINDOWS-1252";
        g->fmt.encoding = "Windows-1252";
    } else {
        g->fmt.bom = 1;
        skip = 2;
    }
    yr_read_status st = convert(charset, b + skip, n - skip, &im->owned, &im->len, err);
    im->text = im->owned;
    return st;
}

/* ------------------------------------------------------------------------ records */

/* The first of @p delim, LF or CR in t[p..end), or end; t[0..lim) may be read (lim >= end):
 * eight bytes a step where the bytes of a word are in little-endian order (a byte equal to one
 * of them is a zero byte of the XOR; the lowest flagged byte is exact), the last step past end
 * when the text goes on (a field's end is most often its line's). */
static size_t field_end(const char *t, size_t p, size_t end, size_t lim, char delim)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones << 7;
    const uint64_t d = ones * (unsigned char)delim, lf = ones * '\n', cr = ones * '\r';
    for (; p < end && p + 8 <= lim; p += 8) {
        uint64_t w, x, y, z;
        memcpy(&w, t + p, 8);
        x = w ^ d;
        y = w ^ lf;
        z = w ^ cr;
        uint64_t m = (((x - ones) & ~x) | ((y - ones) & ~y) | ((z - ones) & ~z)) & highs;
        if (m != 0) {
            size_t r = p + ((unsigned)__builtin_ctzll(m) >> 3);
            return r < end ? r : end;
        }
    }
    if (p >= end)
        return end;
#else
    (void)lim;
#endif
    while (p < end && t[p] != delim && t[p] != '\n' && t[p] != '\r')
        p++;
    return p;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* How many bytes rd_bytes_equal() flagged in @p m (a high bit a byte; the sum of the bytes). */
static inline size_t flagged(uint64_t m)
{
    return (size_t)(((m >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}
#endif

/* From p, the offset of the first quote, LF or CR in t[p..len), or len; *delims the delimiters
 * before it. Eight bytes a step where the bytes of a word are in little-endian order. */
static size_t scan_plain(const char *t, size_t len, size_t p, char delim, size_t *delims)
{
    size_t nd = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = UINT64_C(0x0101010101010101), d = ones * (unsigned char)delim;
    for (; p + 8 <= len; p += 8) {
        uint64_t w;
        memcpy(&w, t + p, 8);
        uint64_t stop = rd_bytes_equal(w, ones * '\n') | rd_bytes_equal(w, ones * '\r') |
                        rd_bytes_equal(w, ones * '"');
        uint64_t dm = rd_bytes_equal(w, d);
        if (stop != 0) {
            *delims = nd + flagged(dm & ((stop & -stop) - 1));
            return p + ((unsigned)__builtin_ctzll(stop) >> 3);
        }
        nd += flagged(dm);
    }
#endif
    for (; p < len && t[p] != '\n' && t[p] != '\r' && t[p] != '"'; p++)
        nd += t[p] == delim;
    *delims = nd;
    return p;
}

/* Scan one record from p: returns the offset after its line break; *fields the number of
 * fields, *nl the line breaks inside quotes, *unterminated when a quote does not close. A line
 * without quotes is scanned whole (scan_plain); *fieldmax is then the line's length, which
 * bounds its longest field. */
static size_t scan_record(const char *t, size_t len, size_t p, char delim, size_t *fields,
                          size_t *nl, size_t *fieldmax)
{
    size_t nd, stop = scan_plain(t, len, p, delim, &nd);
    if ((stop == len || t[stop] != '"') && stop - p <= YR_READ_MAX_FIELD) {
        *fields = nd + 1;
        *nl = 0;
        *fieldmax = stop - p;
        if (stop == len)
            return len;
        return stop + (t[stop] == '\r' && stop + 1 < len && t[stop + 1] == '\n' ? 2 : 1);
    }
    size_t f = 1, breaks = 0, fstart = p, longest = 0;
    int at_start = 1;
    while (p < len) {
        char c = t[p];
        if (at_start && c == '"') {
            p++;
            for (;;) {
                const char *q = memchr(t + p, '"', len - p);
                size_t e = q == NULL ? len : (size_t)(q - t);
                for (size_t i = p; i < e; i++)
                    if (t[i] == '\n' || (t[i] == '\r' && !(i + 1 < e && t[i + 1] == '\n')))
                        breaks++;
                if (q == NULL) {
                    *fields = f;
                    *nl = breaks;
                    *fieldmax = (size_t)-1; /* unterminated */
                    return len;
                }
                p = e + 1;
                if (p < len && t[p] == '"') {
                    p++;
                    continue;
                }
                break;
            }
            while (p < len && (t[p] == ' ' || t[p] == '\t'))
                p++;
            if (p < len && t[p] != delim && t[p] != '\n' && t[p] != '\r') {
                *fields = f;
                *nl = breaks;
                *fieldmax = (size_t)-2; /* text after a closing quote */
                return p;
            }
            at_start = 0;
            continue;
        }
        at_start = 0;
        if (c == delim) {
            if (p - fstart > longest)
                longest = p - fstart;
            f++;
            p++;
            fstart = p;
            at_start = 1;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (p - fstart > longest)
                longest = p - fstart;
            *fields = f;
            *nl = breaks;
            *fieldmax = longest;
            return p + (c == '\r' && p + 1 < len && t[p + 1] == '\n' ? 2 : 1);
        }
        p = field_end(t, p + 1, len, len, delim);
    }
    if (p - fstart > longest)
        longest = p - fstart;
    *fields = f;
    *nl = breaks;
    *fieldmax = longest;
    return len;
}

/* The delimiter: for each candidate, the most frequent field count >= 2 over the first 100
 * non-empty records and how many records have it; the most such records wins (ties: ';', ',',
 * TAB). None: ','. */
static char detect_delim(const char *t, size_t len)
{
    static const char cands[3] = {';', ',', '\t'};
    size_t best = 0;
    char win = ',';
    for (int c = 0; c < 3; c++) {
        size_t counts[64] = {0};
        size_t p = 0, seen = 0;
        while (p < len && seen < 100) {
            size_t f, nl, fm, q = scan_record(t, len, p, cands[c], &f, &nl, &fm);
            if (q - p > 2 || (q - p >= 1 && t[p] != '\n' && t[p] != '\r')) {
                seen++;
                if (f >= 2)
                    counts[f < 63 ? f : 63]++;
            }
            p = q;
        }
        size_t top = 0;
        for (int k = 2; k < 64; k++)
            if (counts[k] > top)
                top = counts[k];
        if (top > best) {
            best = top;
            win = cands[c];
        }
    }
    return win;
}

static int push_jump(csv_impl *im, size_t *cap, uint32_t rec, uint32_t extra)
{
    if (im->njumps == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        csv_jump *j = realloc(im->jumps, nc * sizeof *j);
        if (j == NULL)
            return 0;
        im->jumps = j;
        *cap = nc;
    }
    im->jumps[im->njumps].rec = rec;
    im->jumps[im->njumps].extra = extra;
    im->njumps++;
    return 1;
}

/* Text read as UTF-8 before it is known to be: checked a chunk ahead of the records being split
 * (so the bytes are read from memory once, and scanned again from the cache). */
enum { CHECK_CHUNK = 1 << 16 };
typedef struct text_check {
    size_t upto; /* t[0..upto) is valid UTF-8 without NUL */
    int bad;     /* invalid UTF-8 or a NUL was found: the text is read the general way */
} text_check;

/* Check on to at least @p to (then on to a character boundary). */
static void check_to(text_check *ck, const char *t, size_t len, size_t to)
{
    while (ck != NULL && !ck->bad && ck->upto < len && ck->upto < to) {
        size_t end = ck->upto + CHECK_CHUNK < len ? ck->upto + CHECK_CHUNK : len;
        while (end < len && ((unsigned char)t[end] & 0xC0) == 0x80)
            end++; /* a chunk ends before a character, so each is valid when the whole is */
        ck->bad = rd_utf8_invalid_at(t + ck->upto, end - ck->upto) != end - ck->upto ||
                  memchr(t + ck->upto, '\0', end - ck->upto) != NULL;
        ck->upto = end;
    }
}

/* Twice the room for record offsets: a large array anew from rd_alloc_rows() (huge pages: a
 * fault a 2 MiB, not one a 4 KiB page, as realloc's fresh pages would be), a small one by
 * realloc. 0 on OOM (im->rec is kept). */
static int grow_records(csv_impl *im, size_t *cap, size_t nrec)
{
    size_t bytes = 2 * *cap * sizeof *im->rec;
    uint32_t *r = bytes >= ((size_t)2 << 20) ? rd_alloc_rows(bytes, 0) : realloc(im->rec, bytes);
    if (r == NULL)
        return 0;
    if (bytes >= ((size_t)2 << 20)) {
        memcpy(r, im->rec, nrec * sizeof *r);
        free(im->rec);
    }
    im->rec = r;
    *cap *= 2;
    return 1;
}

static yr_read_status split_records(csv_impl *im, grid *g, text_check *ck, yr_read_error *err)
{
    const char *t = im->text;
    size_t len = im->len, cap = 1024, nrec = 0, jcap = 0, p = 0;
    uint32_t extra = 0;
    im->rec = malloc(cap * sizeof *im->rec);
    if (im->rec == NULL)
        goto nomem;
    while (p < len) {
        check_to(ck, t, len, p + CHECK_CHUNK);
        if (ck != NULL && ck->bad)
            return YR_READ_OK; /* the caller starts again */
        size_t f, nl, fm, q = scan_record(t, len, p, im->delim, &f, &nl, &fm);
        size_t line = nrec + 1 + extra;
        if (fm == (size_t)-2) {
            rd_fail(err, YR_READ_ERR_SYNTAX, line + nl,
                    "text after a closing quote (quote the whole cell, and double a quote "
                    "inside it: \"\")");
            return YR_READ_ERR_SYNTAX;
        }
        if (fm == (size_t)-1) {
            rd_fail(err, YR_READ_ERR_SYNTAX, line,
                    "a quote opens here and never closes (a quoted cell must end with \")");
            return YR_READ_ERR_SYNTAX;
        }
        if (fm > YR_READ_MAX_FIELD + 2) {
            rd_fail(err, YR_READ_ERR_LIMIT, line, "a cell is longer than 1 MiB");
            return YR_READ_ERR_LIMIT;
        }
        if (f > YR_READ_MAX_COLS) {
            rd_fail(err, YR_READ_ERR_LIMIT, line, "more than 16384 cells in a line");
            return YR_READ_ERR_LIMIT;
        }
        if (nrec > YR_READ_MAX_ROWS + 1000) {
            rd_fail(err, YR_READ_ERR_LIMIT, line, "more than 20000000 lines");
            return YR_READ_ERR_LIMIT;
        }
        if (nrec + 2 > cap && !grow_records(im, &cap, nrec))
            goto nomem;
        im->rec[nrec++] = (uint32_t)p;
        if (f > g->max_cells)
            g->max_cells = f;
        if (nl > 0) {
            extra += (uint32_t)nl;
            if (!push_jump(im, &jcap, (uint32_t)(nrec - 1), extra))
                goto nomem;
        }
        p = q;
    }
    im->rec[nrec] = (uint32_t)len;
    g->nrec = nrec;
    return YR_READ_OK;
nomem:
    rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
    return YR_READ_ERR_NOMEM;
}

/* ------------------------------------------------------------------------ grid ops */

static size_t csv_cells(const grid *g, size_t r, grid_cell *out, size_t cap, grid_scratch *sc)
{
    const csv_impl *im = g->impl;
    const char *t = im->text;
    size_t p = im->rec[r], end = im->rec[r + 1], n = 0, need = end - p + 1;
    size_t so = 0;
    for (;;) {
        grid_cell c = {t + p, 0, GRID_TEXT, 0, 0, 0};
        if (p < end && t[p] == '"') {
            size_t s = ++p, w = so;
            int escaped = 0;
            for (;;) {
                const char *q = memchr(t + p, '"', end - p);
                size_t e = q == NULL ? end : (size_t)(q - t);
                if (escaped && sc != NULL) {
                    memcpy(sc->data + w, t + p, e - p);
                    w += e - p;
                }
                p = e + 1;
                if (p < end && t[p] == '"' && sc != NULL && sc->cap < need) {
                    char *d = realloc(sc->data, need); /* once a call: the whole record fits */
                    if (d == NULL)
                        sc = NULL;
                    else {
                        sc->data = d;
                        sc->cap = need;
                    }
                }
                if (p < end && t[p] == '"') {
                    if (!escaped && sc != NULL) {
                        memcpy(sc->data + so, t + s, e - s);
                        w = so + (e - s);
                        escaped = 1;
                    }
                    if (sc != NULL)
                        sc->data[w++] = '"';
                    p++;
                    continue;
                }
                if (!escaped) {
                    c.s = t + s;
                    c.len = (uint32_t)(e - s);
                } else {
                    c.s = sc != NULL ? sc->data + so : t + s;
                    c.len = (uint32_t)(w - so);
                    so = w;
                }
                break;
            }
            c.quoted = 1;
            /* blanks after a closing quote (anything else is refused by split_records) */
            while (p < end && t[p] != im->delim && t[p] != '\n' && t[p] != '\r')
                p++;
        } else {
            size_t s = p;
            p = field_end(t, p, end, im->len, im->delim);
            c.s = t + s;
            c.len = (uint32_t)(p - s);
        }
        if (c.len == 0)
            c.type = GRID_EMPTY;
        else if (im->unguard && yr_excel_guard_len(c.s, c.len) == 1) { /* '=SUMMA(A1) */
            c.s++;
            c.len--;
            c.guarded = 1;
        }
        if (n < cap)
            out[n] = c;
        n++;
        if (p < end && t[p] == im->delim) {
            p++;
            continue;
        }
        break;
    }
    return n;
}

static size_t csv_line(const grid *g, size_t rec)
{
    const csv_impl *im = g->impl;
    size_t lo = 0, hi = im->njumps; /* first jump with rec >= the record */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (im->jumps[mid].rec < rec)
            lo = mid + 1;
        else
            hi = mid;
    }
    return rec + 1 + (lo > 0 ? im->jumps[lo - 1].extra : 0);
}

static void csv_cell_ref(const grid *g, size_t rec, size_t col, char *dst)
{
    (void)g;
    (void)rec;
    (void)col;
    dst[0] = '\0';
}

static void csv_free(grid *g)
{
    csv_impl *im = g->impl;
    if (im == NULL)
        return;
    free(im->owned);
    free(im->rec);
    free(im->jumps);
    free(im);
    g->impl = NULL;
}

static const grid_ops csv_ops = {csv_cells, csv_line, csv_cell_ref, csv_free, NULL};

static const char *detect_eol(const char *t, size_t len)
{
    const char *nl = memchr(t, '\n', len); /* a CR after the first LF decides nothing: */
    const char *cr = memchr(t, '\r', nl != NULL ? (size_t)(nl - t) : len); /* no 2nd pass */
    if (cr != NULL && (nl == NULL || cr < nl))
        return cr + 1 < t + len && cr[1] == '\n' ? "\r\n" : "\r";
    return "\n";
}

/* The delimiter, the line ends and the records of the text. */
static yr_read_status split_text(csv_impl *im, grid *g, text_check *ck, yr_read_error *err)
{
    im->delim = detect_delim(im->text, im->len);
    g->fmt.delimiter = im->delim;
    g->fmt.eol = detect_eol(im->text, im->len);
    /* Excel's CSV convention, as --excel writes it: only there is a leading ' before a formula
     * character the writer's guard; elsewhere the text is kept byte for byte. */
    im->unguard = g->fmt.bom && im->delim == ';' && strcmp(g->fmt.eol, "\r\n") == 0;
    return split_records(im, g, ck, err);
}

/* Borrowed bytes without a UTF-16 byte order mark, read as UTF-8 while they are checked (one
 * pass over memory instead of three): 1 with *st when they are UTF-8 without NUL; 0, with the
 * grid as it was, when they are not (decode() then reads them and says why). */
static int try_utf8(const unsigned char *b, size_t n, csv_impl *im, grid *g, yr_read_status *st,
                    yr_read_error *err)
{
    if ((n >= 2 && b[0] == 0xFF && b[1] == 0xFE) || (n >= 2 && b[0] == 0xFE && b[1] == 0xFF))
        return 0;
    size_t skip = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    text_check ck = {0, 0};
    im->text = (const char *)b + skip;
    im->len = n - skip;
    g->fmt.encoding = "UTF-8";
    g->fmt.bom = skip > 0;
    *st = split_text(im, g, &ck, err);
    check_to(&ck, im->text, im->len, im->len); /* the rest, after an error in a record too */
    if (!ck.bad)
        return 1;
    free(im->rec);
    free(im->jumps);
    memset(im, 0, sizeof *im);
    memset(&g->fmt, 0, sizeof g->fmt);
    g->fmt.format = "csv";
    g->nrec = g->max_cells = 0;
    return 0;
}

/* Any text: decoded (copied unless borrowed and UTF-8), refused with a NUL, split. */
static yr_read_status open_general(const void *bytes, size_t len, int borrow, csv_impl *im, grid *g,
                                   yr_read_error *err)
{
    static const char empty[1] = "";
    yr_read_status st = decode(len ? bytes : empty, len, borrow, im, g, err);
    if (st == YR_READ_OK && im->len > YR_READ_MAX_BYTES) {
        rd_fail(err, YR_READ_ERR_LIMIT, 0, "the file is larger than 1 GiB once read as UTF-8");
        st = YR_READ_ERR_LIMIT;
    }
    if (st == YR_READ_OK) {
        const char *z = memchr(im->text, '\0', im->len);
        if (z != NULL) {
            rd_fail(err, YR_READ_ERR_SYNTAX, count_lines(im->text, (size_t)(z - im->text)),
                    "a NUL byte: not a text file (or UTF-16 without a byte order mark); save "
                    "it as \"CSV UTF-8\" or as .xlsx");
            st = YR_READ_ERR_SYNTAX;
        }
    }
    return st == YR_READ_OK ? split_text(im, g, NULL, err) : st;
}

yr_read_status grid_csv_open(const void *bytes, size_t len, int borrow, grid *out,
                             yr_read_error *err)
{
    if (out == NULL || (bytes == NULL && len > 0)) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "no input");
        return YR_READ_ERR_NULL;
    }
    if (len > YR_READ_MAX_BYTES) {
        rd_fail(err, YR_READ_ERR_LIMIT, 0, "the file is larger than 1 GiB");
        return YR_READ_ERR_LIMIT;
    }
    grid g;
    memset(&g, 0, sizeof g);
    csv_impl *im = calloc(1, sizeof *im);
    if (im == NULL) {
        rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        return YR_READ_ERR_NOMEM;
    }
    g.ops = &csv_ops;
    g.impl = im;
    g.fmt.format = "csv";
    yr_read_status st;
    if (!(borrow && len > 0 && try_utf8(bytes, len, im, &g, &st, err)))
        st = open_general(bytes, len, borrow, im, &g, err);
    if (st != YR_READ_OK) {
        csv_free(&g);
        return st;
    }
    *out = g;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ sniffing */

static int has(const unsigned char *b, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (b[i] == (unsigned char)s[0] && memcmp(b + i, s, k) == 0)
            return 1;
    return 0;
}

yr_read_status grid_sniff(const void *bytes, size_t len, int *is_xlsx, yr_read_error *err)
{
    const unsigned char *b = bytes;
    *is_xlsx = 0;
    if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        rd_fail(err, YR_READ_ERR_FORMAT, 0,
                "an old Excel workbook (.xls), which is not read: open it in Excel and save it "
                "as .xlsx (Arkiv > Spara som > Excel-arbetsbok (.xlsx))");
        return YR_READ_ERR_FORMAT;
    }
    if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0) {
        size_t head = len < 4096 ? len : 4096;
        if (has(b, head, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet") ||
            has(b, len, "application/vnd.oasis.opendocument.spreadsheet")) {
            rd_fail(err, YR_READ_ERR_FORMAT, 0,
                    "an OpenDocument spreadsheet (.ods), which is not read: open it and save "
                    "it as .xlsx (Arkiv > Spara som > Excel-arbetsbok (.xlsx))");
            return YR_READ_ERR_FORMAT;
        }
        if (has(b, len, "[Content_Types].xml") || has(b, len, "xl/workbook.xml")) {
            *is_xlsx = 1;
            return YR_READ_OK;
        }
        rd_fail(err, YR_READ_ERR_FORMAT, 0,
                "a zip archive that is not an Excel workbook: give the .xlsx or .csv file "
                "itself");
        return YR_READ_ERR_FORMAT;
    }
    if (len >= 5 && memcmp(b, "%PDF-", 5) == 0) {
        rd_fail(err, YR_READ_ERR_FORMAT, 0,
                "a PDF document, not a table: export the table as .xlsx or CSV");
        return YR_READ_ERR_FORMAT;
    }
    return YR_READ_OK;
}
