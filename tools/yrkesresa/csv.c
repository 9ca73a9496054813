/* The command-line program's CSV reader: see csv.h for the accepted format and the limits.
 * One pass over the input, linear time; the unquoted cells are copied into one buffer of
 * len + 1 bytes (a cell plus its terminating NUL never needs more bytes than the raw cell plus
 * the delimiter or line break after it, and the +1 covers the last cell at end of input). */
#include "csv.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_error(yr_csv_error *err, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void set_error(yr_csv_error *err, size_t line, const char *fmt, ...)
{
    if (err == NULL)
        return;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

/* A growable array of pointers or of line numbers. */
typedef struct vec {
    void *data;
    size_t len, cap, elem;
} vec;

static int vec_reserve1(vec *v)
{
    if (v->len < v->cap)
        return 1;
    size_t ncap = v->cap ? v->cap * 2 : 64;
    if (ncap < v->cap || ncap > SIZE_MAX / v->elem)
        return 0;
    void *p = realloc(v->data, ncap * v->elem);
    if (p == NULL)
        return 0;
    v->data = p;
    v->cap = ncap;
    return 1;
}

/* The delimiter and line break of the header line, scanned outside quotes. */
static void detect(const char *p, const char *end, char *delim, const char **eol)
{
    size_t commas = 0, semis = 0;
    char first = 0;
    int inq = 0;
    *eol = "\n";
    for (; p < end; p++) {
        char c = *p;
        if (inq) {
            if (c == '"') {
                if (p + 1 < end && p[1] == '"')
                    p++;
                else
                    inq = 0;
            }
            continue;
        }
        if (c == '"') {
            inq = 1;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && p + 1 < end && p[1] == '\n')
                *eol = "\r\n";
            break;
        } else if (c == ',') {
            commas++;
            if (!first)
                first = ',';
        } else if (c == ';') {
            semis++;
            if (!first)
                first = ';';
        }
    }
    if (commas > semis)
        *delim = ',';
    else if (semis > commas)
        *delim = ';';
    else
        *delim = first ? first : ',';
}

yr_csv_status yr_csv_parse(const char *buf, size_t len, yr_csv_table *out, yr_csv_error *err)
{
    if (out == NULL || (buf == NULL && len > 0)) {
        set_error(err, 0, "no input");
        return YR_CSV_EMPTY;
    }
    if (len > YR_CSV_MAX_BYTES) {
        set_error(err, 0, "input larger than %zu bytes", (size_t)YR_CSV_MAX_BYTES);
        return YR_CSV_LIMIT;
    }
    static const char nothing[1] = "";
    if (buf == NULL)
        buf = nothing; /* len == 0 here; NULL + 0 is undefined behaviour in C */
    const char *p = buf, *end = buf + len;
    int has_bom = 0;
    if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF) {
        p += 3;
        has_bom = 1;
    }
    /* Empty input: nothing but line breaks (after the BOM). */
    {
        const char *q = p;
        while (q < end && (*q == '\n' || *q == '\r'))
            q++;
        if (q == end) {
            set_error(err, 1, "empty file (no header line)");
            return YR_CSV_EMPTY;
        }
    }
    char delim;
    const char *eol;
    detect(p, end, &delim, &eol);

    yr_csv_status st = YR_CSV_OK;
    char *storage = malloc(len + 1);
    vec cells = {NULL, 0, 0, sizeof(char *)};
    vec lines = {NULL, 0, 0, sizeof(size_t)};
    if (storage == NULL) {
        set_error(err, 0, "out of memory");
        return YR_CSV_NOMEM;
    }
    char *sp = storage;
    size_t line = 1;
    size_t ncols = 0, nrows = 0;
    int have_header = 0;
    size_t empty_row_line = 0; /* line of the first empty row seen after the header, if any */

    while (p < end) {
        const size_t row_line = line;
        const size_t row_cells_start = cells.len;
        char *const row_storage_start = sp;
        size_t nfields = 0;
        int nonempty = 0;
        int row_done = 0;
        while (!row_done) {
            /* One field. */
            char *fstart = sp;
            if (p < end && *p == '"') {
                const size_t qline = line;
                nonempty = 1;
                p++;
                for (;;) {
                    if (p == end) {
                        set_error(err, qline, "unterminated quoted field (the quote opens here)");
                        st = YR_CSV_SYNTAX;
                        goto fail;
                    }
                    char c = *p;
                    if (c == '"') {
                        if (p + 1 < end && p[1] == '"') {
                            *sp++ = '"';
                            p += 2;
                        } else {
                            p++;
                            break;
                        }
                    } else if (c == '\0') {
                        set_error(err, line, "NUL byte in a quoted field");
                        st = YR_CSV_SYNTAX;
                        goto fail;
                    } else {
                        if (c == '\n' || (c == '\r' && !(p + 1 < end && p[1] == '\n')))
                            line++;
                        *sp++ = c;
                        p++;
                    }
                    if ((size_t)(sp - fstart) > YR_CSV_MAX_FIELD) {
                        set_error(err, qline, "field longer than %zu bytes",
                                  (size_t)YR_CSV_MAX_FIELD);
                        st = YR_CSV_LIMIT;
                        goto fail;
                    }
                }
                if (p < end && *p != delim && *p != '\n' && *p != '\r') {
                    set_error(err, line, "unexpected character after a closing quote");
                    st = YR_CSV_SYNTAX;
                    goto fail;
                }
            } else {
                while (p < end && *p != delim && *p != '\n' && *p != '\r') {
                    if (*p == '"') {
                        set_error(err, line,
                                  "quote inside an unquoted field (quote the whole field "
                                  "and double the quote)");
                        st = YR_CSV_SYNTAX;
                        goto fail;
                    }
                    if (*p == '\0') {
                        set_error(err, line, "NUL byte");
                        st = YR_CSV_SYNTAX;
                        goto fail;
                    }
                    *sp++ = *p++;
                    if ((size_t)(sp - fstart) > YR_CSV_MAX_FIELD) {
                        set_error(err, line, "field longer than %zu bytes",
                                  (size_t)YR_CSV_MAX_FIELD);
                        st = YR_CSV_LIMIT;
                        goto fail;
                    }
                }
                if (sp != fstart)
                    nonempty = 1;
            }
            *sp++ = '\0';
            if (++nfields > YR_CSV_MAX_COLS) {
                set_error(err, row_line, "more than %zu fields in a row", (size_t)YR_CSV_MAX_COLS);
                st = YR_CSV_LIMIT;
                goto fail;
            }
            if (!vec_reserve1(&cells)) {
                set_error(err, row_line, "out of memory");
                st = YR_CSV_NOMEM;
                goto fail;
            }
            ((char **)cells.data)[cells.len++] = fstart;
            /* What ends the field. */
            if (p == end) {
                row_done = 1;
            } else if (*p == delim) {
                p++;
            } else { /* line break */
                if (*p == '\r' && p + 1 < end && p[1] == '\n')
                    p++;
                p++;
                line++;
                row_done = 1;
            }
        }
        if (!nonempty) {
            /* A blank line or a row of empty fields: allowed only at the end. */
            if (!have_header) {
                set_error(err, row_line, "the header line is empty");
                st = YR_CSV_SYNTAX;
                goto fail;
            }
            if (empty_row_line == 0)
                empty_row_line = row_line;
            cells.len = row_cells_start;
            sp = row_storage_start;
            continue;
        }
        if (empty_row_line != 0) {
            set_error(err, empty_row_line,
                      "empty line inside the table (empty lines are allowed only at the end)");
            st = YR_CSV_SYNTAX;
            goto fail;
        }
        if (!have_header) {
            have_header = 1;
            ncols = nfields;
            continue;
        }
        if (nfields != ncols) {
            set_error(err, row_line, "ragged row: %zu field%s, the header has %zu", nfields,
                      nfields == 1 ? "" : "s", ncols);
            st = YR_CSV_SYNTAX;
            goto fail;
        }
        if (nrows == YR_CSV_MAX_ROWS) {
            set_error(err, row_line, "more than %zu data rows", (size_t)YR_CSV_MAX_ROWS);
            st = YR_CSV_LIMIT;
            goto fail;
        }
        if (!vec_reserve1(&lines)) {
            set_error(err, row_line, "out of memory");
            st = YR_CSV_NOMEM;
            goto fail;
        }
        ((size_t *)lines.data)[lines.len++] = row_line;
        nrows++;
    }
    assert(have_header); /* the input is not only line breaks, so some row was non-empty */

    out->delim = delim;
    out->has_bom = has_bom;
    out->eol = eol;
    out->ncols = ncols;
    out->nrows = nrows;
    out->all_ = (char **)cells.data;
    out->header = out->all_;
    out->cells = out->all_ + ncols;
    out->lines = (size_t *)lines.data;
    out->header_line = 1;
    out->storage_ = storage;
    return YR_CSV_OK;

fail:
    free(storage);
    free(cells.data);
    free(lines.data);
    return st;
}

yr_csv_status yr_csv_read_file(const char *path, yr_csv_table *out, yr_csv_error *err)
{
    if (path == NULL || out == NULL) {
        set_error(err, 0, "no file");
        return YR_CSV_IO;
    }
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        set_error(err, 0, "cannot open: %s", strerror(errno));
        return YR_CSV_IO;
    }
    size_t cap = 0, len = 0;
    char *data = NULL;
    yr_csv_status st = YR_CSV_OK;
    for (;;) {
        if (len == cap) {
            if (cap > YR_CSV_MAX_BYTES) {
                set_error(err, 0, "file larger than %zu bytes", (size_t)YR_CSV_MAX_BYTES);
                st = YR_CSV_LIMIT;
                break;
            }
            size_t ncap = cap ? cap * 2 : 65536;
            char *nd = realloc(data, ncap);
            if (nd == NULL) {
                set_error(err, 0, "out of memory");
                st = YR_CSV_NOMEM;
                break;
            }
            data = nd;
            cap = ncap;
        }
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                set_error(err, 0, "cannot read: %s", strerror(errno));
                st = YR_CSV_IO;
            }
            break;
        }
    }
    if (!is_stdin)
        fclose(f);
    if (st == YR_CSV_OK && len > YR_CSV_MAX_BYTES) {
        set_error(err, 0, "file larger than %zu bytes", (size_t)YR_CSV_MAX_BYTES);
        st = YR_CSV_LIMIT;
    }
    if (st == YR_CSV_OK)
        st = yr_csv_parse(data, len, out, err);
    free(data);
    return st;
}

void yr_csv_free(yr_csv_table *t)
{
    if (t == NULL)
        return;
    free(t->all_);
    free(t->lines);
    free(t->storage_);
    memset(t, 0, sizeof *t);
}

const char *yr_csv_cell(const yr_csv_table *t, size_t row, size_t col)
{
    assert(row < t->nrows && col < t->ncols);
    return t->cells[row * t->ncols + col];
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

size_t yr_csv_find_column(const yr_csv_table *t, const char *name)
{
    if (t == NULL || name == NULL)
        return YR_CSV_NO_COLUMN;
    size_t nlen = strlen(name);
    for (size_t c = 0; c < t->ncols; c++) {
        const char *h = t->header[c];
        size_t hlen = strlen(h);
        while (hlen > 0 && (*h == ' ' || *h == '\t')) {
            h++;
            hlen--;
        }
        while (hlen > 0 && (h[hlen - 1] == ' ' || h[hlen - 1] == '\t'))
            hlen--;
        if (hlen != nlen)
            continue;
        size_t k = 0;
        while (k < nlen && lower((unsigned char)h[k]) == lower((unsigned char)name[k]))
            k++;
        if (k == nlen)
            return c;
    }
    return YR_CSV_NO_COLUMN;
}
