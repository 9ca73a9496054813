/* libFuzzer target: the table reader (libyrkesresa-read) on any bytes, with options taken from
 * the input's first bytes. Checks, besides what the sanitizers catch:
 *   - on error: a status of the enum, no table, the message one non-empty NUL-terminated line of
 *     valid UTF-8 inside the struct, the cell reference NUL-terminated;
 *   - on success: rows = data + aggregates, rows on strictly increasing lines, the spans cover
 *     every line from 1 without gaps or overlaps (and the rows' lines are in DATA or AGGREGATE
 *     spans), every cell readable (valid UTF-8 for text input), every wanted numeric column's
 *     values over one denominator (or a limit error), the reading line valid UTF-8 in both
 *     languages and the same when cut short, identities and their keys readable;
 *   - the same bytes read borrowed and copied give the same reading, and again the same;
 *   - yr_read_value / yr_read_strings on the first cells: a status of the enum, a message
 *     that fits.
 * The first byte picks the wanted roles, the second the flags and totals, the third the header
 * row, a `columns` entry and other_parties. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yrkesresa/identity.h"
#include "yrkesresa/read.h"

static int u8_valid(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (k == 0 || c > 0xF4 || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static void check_error(yr_read_status st, const yr_table *t, const yr_read_error *err)
{
    FZ_CHECK(st > YR_READ_OK && st < YR_READ_STATUS_COUNT && t == NULL);
    FZ_CHECK(err->status == st);
    FZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
    FZ_CHECK(memchr(err->cell_ref, '\0', sizeof err->cell_ref) != NULL);
    size_t n = strlen(err->message);
    FZ_CHECK(n > 0 && memchr(err->message, '\n', n) == NULL && u8_valid(err->message, n));
}

static void check_spans(const yr_table *t)
{
    size_t n = yr_table_spans(t, NULL, 0);
    yr_span *sp = malloc((n ? n : 1) * sizeof *sp);
    FZ_CHECK(sp != NULL && yr_table_spans(t, sp, n) == n);
    size_t next = 1;
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(sp[i].first == next && sp[i].last >= sp[i].first);
        FZ_CHECK(sp[i].kind <= YR_SPAN_IGNORED);
        next = sp[i].last + 1;
    }
    for (size_t r = 0; r < yr_table_nrows(t); r++) {
        size_t line = yr_table_row_line(t, r), k = 0;
        while (k < n && sp[k].last < line)
            k++;
        FZ_CHECK(k < n && sp[k].first <= line);
        FZ_CHECK(sp[k].kind ==
                 (yr_table_row_kind(t, r) == YR_ROW_DATA ? YR_SPAN_DATA : YR_SPAN_AGGREGATE));
    }
    free(sp);
}

static void check_rows(const yr_table *t, int text)
{
    size_t nr = yr_table_nrows(t), nd = yr_table_ndata(t), nagg = 0, prev = 0;
    for (size_t r = 0; r < nr; r++) {
        size_t line = yr_table_row_line(t, r);
        FZ_CHECK(line > prev);
        prev = line;
        nagg += yr_table_row_kind(t, r) != YR_ROW_DATA;
        for (size_t c = 0; c < yr_table_ncols(t); c++) {
            size_t len;
            const char *s = yr_table_cell(t, r, c, &len);
            FZ_CHECK(s != NULL && len <= YR_READ_MAX_FIELD);
            FZ_CHECK(!text || u8_valid(s, len));
            yr_value v;
            yr_read_status st = yr_table_value(t, r, c, &v);
            FZ_CHECK(st == YR_READ_OK || st == YR_READ_ERR_OPTION || st == YR_READ_ERR_CELL);
            FZ_CHECK(st != YR_READ_OK || v.den > 0);
        }
        yr_identity id;
        if (yr_table_identity(t, r, &id) == YR_READ_OK) {
            char key[4096];
            yr_read_status st = yr_table_identity_key(t, r, key, sizeof key, NULL);
            FZ_CHECK(st == YR_READ_OK || st == YR_READ_ERR_LIMIT);
            FZ_CHECK(id.place != YR_PLACE_OTHER || id.code == -1);
        }
    }
    FZ_CHECK(nd + nagg == nr);
    for (size_t i = 0; i < nd; i++)
        FZ_CHECK(yr_table_row_kind(t, yr_table_data_row(t, i)) == YR_ROW_DATA);
    int64_t *vals = malloc((nd ? nd : 1) * sizeof *vals), den;
    FZ_CHECK(vals != NULL);
    for (size_t c = 0; c < yr_table_ncols(t); c++) {
        yr_read_error err;
        yr_read_status st = yr_table_column_values(t, c, vals, &den, &err);
        FZ_CHECK(st == YR_READ_OK || st == YR_READ_ERR_OPTION || st == YR_READ_ERR_LIMIT);
        FZ_CHECK(st != YR_READ_OK || den > 0);
        yr_aggregate_check chk[8];
        size_t nc = yr_table_aggregate_checks(t, c, chk, 8);
        for (size_t k = 0; k < nc && k < 8; k++)
            FZ_CHECK(chk[k].row < nr && chk[k].den > 0);
    }
    free(vals);
}

static void reading(const yr_table *t, char *dst, size_t cap)
{
    char small[17];
    size_t full = yr_table_reading(t, "en", dst, cap);
    FZ_CHECK(strlen(dst) == (full < cap ? full : strlen(dst)) && u8_valid(dst, strlen(dst)));
    yr_table_reading(t, "en", small, sizeof small);
    FZ_CHECK(u8_valid(small, strlen(small)) && strncmp(small, dst, strlen(small)) == 0);
    char sv[1024];
    yr_table_reading(t, "sv", sv, sizeof sv);
    FZ_CHECK(u8_valid(sv, strlen(sv)));
}

static void values(const uint8_t *d, size_t n)
{
    char cell[64];
    size_t k = n < sizeof cell - 1 ? n : sizeof cell - 1;
    memcpy(cell, d, k);
    cell[k] = '\0';
    yr_value v;
    yr_read_error err;
    for (int kind = YR_KIND_TEXT; kind <= YR_KIND_BOOL; kind++) {
        yr_read_status st =
            yr_read_value(cell, (yr_kind)kind, k % 2 ? "andel" : NULL, "value", &v, &err);
        FZ_CHECK(st < YR_READ_STATUS_COUNT);
        if (st != YR_READ_OK)
            check_error(st, NULL, &err);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    static const yr_read_role roles[8] = {YR_ROLE_MUNICIPALITY, YR_ROLE_POPULATION, YR_ROLE_WEIGHT,
                                          YR_ROLE_AMOUNT,       YR_ROLE_DAY,        YR_ROLE_TARGET,
                                          YR_ROLE_CODE,         YR_ROLE_PRESENT};
    static const char *const columns[4] = {"population=2023", "weight=Vikt", "amount=Belopp (tkr)",
                                           "municipality=region"};
    yr_read_want want[8];
    yr_read_options o;
    yr_read_options_init(&o);
    for (int i = 0; i < 8; i++)
        if (data[0] & (1u << i)) {
            want[o.nwant].role = roles[i];
            want[o.nwant++].flags = ((data[1] >> (i % 4)) & 1 ? YR_WANT_UNIQUE : 0) |
                                    (i < 2 ? YR_WANT_REQUIRED : 0) |
                                    ((data[1] & 0x40) && i == 3 ? YR_WANT_CHECKED : 0);
        }
    o.want = want;
    o.totals = (yr_totals)((data[1] >> 4) % 3);
    o.header_row = (data[2] & 7) == 7 ? (size_t)(data[2] >> 3) % 5 + 1 : 0;
    o.columns = &columns[(data[2] >> 3) & 3];
    o.ncolumns = (data[2] & 0x20) ? 1 : 0;
    o.other_parties = (data[2] >> 6) & 1;
    o.year = (data[2] & 0x80) ? 2023 : 0;
    const uint8_t *body = data + 3;
    size_t len = size - 3;
    /* an exactly sized copy, so a read past the end is an AddressSanitizer report */
    char *buf = fz_alloc_pattern(len);
    if (len)
        memcpy(buf, body, len);
    yr_table *t = (yr_table *)buf;
    yr_read_error err;
    char first[1024] = "", again[1024];
    for (int borrow = 0; borrow <= 1; borrow++) {
        o.borrow = borrow;
        yr_read_status st = yr_read_table(len ? buf : NULL, len, &o, &t, &err);
        if (st != YR_READ_OK) {
            check_error(st, t, &err);
            snprintf(again, sizeof again, "%d %zu %s", (int)st, err.line, err.message);
        } else {
            int text = strcmp(yr_table_format(t)->format, "csv") == 0;
            check_spans(t);
            check_rows(t, text);
            reading(t, again, sizeof again);
            yr_table_free(t);
        }
        if (borrow == 0)
            memcpy(first, again, sizeof first);
        else
            FZ_CHECK(strcmp(first, again) == 0);
    }
    values(body, len);
    free(buf);
    return 0;
}
