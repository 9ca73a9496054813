/* libFuzzer target: the command-line program's CSV reader (tools/yrkesresa/csv.c), on any bytes.
 * Checks, besides what the sanitizers catch:
 *   - on error: the table is untouched, the message is one non-empty NUL-terminated line, the
 *     line number is within the input's lines;
 *   - on success: the shape is consistent (ncols >= 1, a ',' or ';' delimiter, data rows start
 *     on strictly increasing lines within the input), no cell exceeds the field limit;
 *   - round trip: the table written back as CSV (written here: every field quoted when it could
 *     be ambiguous, a BOM in front) parses to exactly the same cells;
 *   - the same bytes parse the same way twice; yr_csv_find_column finds every header name at or
 *     before its own column. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuzz_common.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
