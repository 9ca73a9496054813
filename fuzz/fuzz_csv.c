/* libFuzzer target: the command-line program's input layer (tools/yrkesresa/input.c: encoding
 * detection, delimiters, quotes, notes after the table) on any bytes, and its number parser
 * (cli.c) on every cell. Checks, besides what the sanitizers catch:
 *   - on error: the table is untouched, the message is one non-empty line, the line number is
 *     at most the number of lines of the input (converted to UTF-8);
 *   - on success: the shape is consistent (ncols >= 1, a ',' ';' or TAB delimiter, a known line
 *     break, data rows on strictly increasing lines), every cell is valid UTF-8 within the field
 *     limit, no two header names are equal as ycsv_find_column compares them;
 *   - the same bytes parse the same way twice;
 *   - round trip: the table written back (UTF-8 BOM, every field quoted) parses to the same cells;
 *   - every cell: cli_parse_int64 accepts exactly the cli_parse_decimal results without
 *     decimals or '%', with the same value. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz_common.h"
#include "input.h"

/* 1 when s is valid UTF-8 (no overlong forms, no surrogates). */
static int valid_utf8(const unsigned char *s)
{
    while (*s) {
        size_t k = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC2 ? 2 : 0;
        if (k == 0 || *s > 0xF4)
            return 0;
        for (size_t i = 1; i < k; i++)
            if ((s[i] & 0xC0) != 0x80)
                return 0;
        if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
            (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
            return 0;
        s += k;
    }
    return 1;
}

static void check_same(const ycsv_table *a, const ycsv_table *b)
{
    FZ_CHECK(a->ncols == b->ncols && a->nrows == b->nrows);
    for (size_t c = 0; c < a->ncols; c++)
        FZ_CHECK(strcmp(a->header[c], b->header[c]) == 0);
    for (size_t r = 0; r < a->nrows; r++)
        for (size_t c = 0; c < a->ncols; c++)
            FZ_CHECK(strcmp(ycsv_cell(a, r, c), ycsv_cell(b, r, c)) == 0);
}

static void quoted_row(cli_buf *b, char *const *cells, const ycsv_table *t, size_t row)
{
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = cells != NULL ? cells[c] : ycsv_cell(t, row, c);
        cli_buf_puts(b, c ? ",\"" : "\"");
        for (; *s; s++)
            cli_buf_add(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
        cli_buf_puts(b, "\"");
    }
    cli_buf_puts(b, "\n");
}

static void check_number(const char *cell)
{
    cli_decimal d = {7, 7, 7};
    int64_t v = 12345;
    cli_num_status sd = cli_parse_decimal(cell, &d), si = cli_parse_int64(cell, &v);
    if (sd != CLI_NUM_OK) {
        FZ_CHECK(si == sd && v == 12345 && d.num == 7);
    } else if (d.scale == 0 && !d.percent) {
        FZ_CHECK(si == CLI_NUM_OK && v == d.num);
    } else {
        FZ_CHECK(si == CLI_NUM_SYNTAX && v == 12345);
    }
}

static void check_table(const ycsv_table *t)
{
    FZ_CHECK(t->ncols >= 1 && t->header != NULL);
    FZ_CHECK(t->delim == ',' || t->delim == ';' || t->delim == '\t');
    FZ_CHECK(!strcmp(t->eol, "\n") || !strcmp(t->eol, "\r\n") || !strcmp(t->eol, "\r"));
    for (size_t r = 0; r < t->nrows; r++)
        FZ_CHECK(ycsv_line(t, r) > t->header_line && (r == 0 || ycsv_line(t, r) > ycsv_line(t, r - 1)));
    for (size_t c = 0; c < t->ncols; c++) {
        FZ_CHECK(valid_utf8((const unsigned char *)t->header[c]));
        FZ_CHECK(ycsv_find_column(t, t->header[c]) == c || t->header[c][0] == '\0' ||
                 ycsv_find_column(t, t->header[c]) < c);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = ycsv_cell(t, r, c);
            FZ_CHECK(strlen(s) <= YCSV_MAX_FIELD && valid_utf8((const unsigned char *)s));
            check_number(s);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fz_alloc_pattern(size); /* exactly sized: a read past the end is reported */
    if (size)
        memcpy(buf, data, size);
    ycsv_table t, t2, t3;
    ycsv_error err;
    memset(&t, 0xA5, sizeof t);
    ycsv_status st = ycsv_parse(size ? buf : NULL, size, &t, &err);
    if (st != YCSV_OK) {
        FZ_CHECK(st == YCSV_EMPTY || st == YCSV_SYNTAX || st == YCSV_LIMIT);
        FZ_CHECK(fz_is_pattern(&t, sizeof t));
        FZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
        FZ_CHECK(err.message[0] != '\0' && strchr(err.message, '\n') == NULL);
        FZ_CHECK(err.line <= 3 * size + 2);
        free(buf);
        return 0;
    }
    check_table(&t);
    FZ_CHECK(ycsv_parse(buf, size, &t2, NULL) == YCSV_OK);
    check_same(&t, &t2);
    ycsv_free(&t2);
    cli_buf w;
    cli_buf_init(&w);
    cli_buf_puts(&w, "\xEF\xBB\xBF");
    quoted_row(&w, t.header, &t, 0);
    for (size_t r = 0; r < t.nrows; r++)
        quoted_row(&w, NULL, &t, r);
    FZ_CHECK(w.ok);
    ycsv_status st3 = ycsv_parse(w.data, w.len, &t3, &err);
    if (st3 == YCSV_LIMIT) {
        FZ_CHECK(w.len > YCSV_MAX_BYTES);
    } else {
        FZ_CHECK(st3 == YCSV_OK && t3.has_bom && t3.delim == ',');
        check_same(&t, &t3);
        ycsv_free(&t3);
    }
    cli_buf_free(&w);
    ycsv_free(&t);
    FZ_CHECK(t.ncols == 0 && t.header == NULL);
    ycsv_free(NULL);
    free(buf);
    return 0;
}
