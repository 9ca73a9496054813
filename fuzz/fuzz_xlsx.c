/* libFuzzer target: xlsx workbooks (lib/read/xlsx*.c) on any bytes: xlsx_open, then every
 * sheet's grid, walked after the book is closed (a grid must not refer to it).
 *
 * Two kinds of input, by the first byte:
 *   - even: the rest is the file (zip structure, inflation, CRCs, limits);
 *   - odd: the rest is up to 7 parts separated by "\n@@\n", written here into a stored zip with
 *     correct CRCs so that the XML parsers are reached: sheet1, sharedStrings, styles, workbook,
 *     the workbook's relationships, _rels/.rels, sheet2. A part not given is a small default
 *     (a two-sheet workbook, Excel-like styles with date and percent formats); a part given
 *     empty is left out of the zip.
 * Checks, besides the sanitizers:
 *   - errors: FORMAT, LIMIT or NOMEM with a one-line non-empty UTF-8 message; a cell reference,
 *     when there is one, is a valid reference on the error's line;
 *   - a book: at least one sheet, names valid UTF-8 and distinct;
 *   - a grid: format "xlsx", the sheet's name; records no more than Excel's rows, the last one
 *     not empty; each record at most max_cells cells, its last one not empty, lines rec + 1;
 *     every cell of a known type, empty exactly when its length is 0, text valid UTF-8 within
 *     the 1 MiB field limit, quoted exactly when text; numbers and percentages in the grammar of
 *     grid.h (no exponent unless needed, finite); dates as "YYYY-MM-DD" (a real day, 1900..9999)
 *     with an optional non-zero " HH:MM:SS", or "HH:MM:SS"; booleans TRUE or FALSE. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "xlsx.h"

/* ---- a stored zip, written here ---------------------------------------------------------- */

typedef struct wbuf {
    unsigned char *p;
    size_t len, cap;
} wbuf;

static void w_add(wbuf *b, const void *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = (b->len + n) * 2 + 256;
        unsigned char *q = realloc(b->p, cap);
        FZ_CHECK(q != NULL);
        b->p = q;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void w_u16(wbuf *b, unsigned v)
{
    unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    w_add(b, x, 2);
}

static void w_u32(wbuf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    w_add(b, x, 4);
}

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320), bit by bit. */
static FZ_NOCOV uint32_t crc32_of(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

typedef struct entry {
    const char *name;
    const unsigned char *data;
    size_t len;
} entry;

static FZ_NOCOV void write_zip(wbuf *z, const entry *e, size_t n)
{
    uint32_t offsets[16];
    for (size_t i = 0; i < n; i++) {
        offsets[i] = (uint32_t)z->len;
        size_t nl = strlen(e[i].name);
        w_u32(z, 0x04034b50);
        w_u16(z, 20), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0x21);
        w_u32(z, crc32_of(e[i].data, e[i].len));
        w_u32(z, (uint32_t)e[i].len), w_u32(z, (uint32_t)e[i].len);
        w_u16(z, (unsigned)nl), w_u16(z, 0);
        w_add(z, e[i].name, nl);
        w_add(z, e[i].data, e[i].len);
    }
    size_t cd = z->len;
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(e[i].name);
        w_u32(z, 0x02014b50);
        w_u16(z, 20), w_u16(z, 20), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0x21);
        w_u32(z, crc32_of(e[i].data, e[i].len));
        w_u32(z, (uint32_t)e[i].len), w_u32(z, (uint32_t)e[i].len);
        w_u16(z, (unsigned)nl), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0), w_u16(z, 0);
        w_u32(z, 0), w_u32(z, offsets[i]);
        w_add(z, e[i].name, nl);
    }
    size_t cdlen = z->len - cd;
    w_u32(z, 0x06054b50);
    w_u16(z, 0), w_u16(z, 0), w_u16(z, (unsigned)n), w_u16(z, (unsigned)n);
    w_u32(z, (uint32_t)cdlen), w_u32(z, (uint32_t)cd), w_u16(z, 0);
}

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char *const part_names[7] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",       "xl/styles.xml",
    "xl/workbook.xml",          "xl/_rels/workbook.xml.rels", "_rels/.rels",
    "xl/worksheets/sheet2.xml"};

static const char *const part_defaults[7] = {
    "<worksheet xmlns=\"" MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    "</row></sheetData></worksheet>",
    "<sst xmlns=\"" MAIN "\"><si><t>Kommun</t></si><si><r><t>Fal</t></r><r><t>un</t></r></si>"
    "</sst>",
    "<styleSheet xmlns=\"" MAIN "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd "
    "hh:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"10\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>",
    "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" RELNS "\"><sheets>"
    "<sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Blad2\" sheetId=\"2\" "
    "r:id=\"rId2\"/></sheets></workbook>",
    "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" RELNS "/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" RELNS "/worksheet\" "
    "Target=\"worksheets/sheet2.xml\"/></Relationships>",
    "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" RELNS
    "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
    "<worksheet xmlns=\"" MAIN "\"><sheetData/></worksheet>"};

/* The zip of the parts in d[0..n). */
static FZ_NOCOV void parts_zip(const uint8_t *d, size_t n, wbuf *z)
{
    static const char sep[] = "\n@@\n";
    entry e[7];
    size_t ne = 0, k = 0, at = 0;
    while (k < 7) {
        const uint8_t *end = NULL;
        for (size_t i = at; i + 4 <= n && end == NULL; i++)
            if (memcmp(d + i, sep, 4) == 0)
                end = d + i;
        if (at > n)
            break;
        size_t len = end != NULL ? (size_t)(end - (d + at)) : n - at;
        if (len > 0)
            e[ne++] = (entry){part_names[k], d + at, len};
        k++;
        at += len + 4;
        if (end == NULL)
            break;
    }
    for (; k < 7; k++)
        e[ne++] = (entry){part_names[k], (const unsigned char *)part_defaults[k],
                          strlen(part_defaults[k])};
    write_zip(z, e, ne);
}

/* ---- checks ------------------------------------------------------------------------------- */

static FZ_NOCOV size_t u8_len(const unsigned char *s, size_t n)
{
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
    static const uint32_t min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min_of[k] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return k;
}

static FZ_NOCOV int u8_valid(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    for (size_t i = 0; i < n;) {
        size_t k = u8_len(s + i, n - i);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

static FZ_NOCOV int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return n > 0;
}

/* "-?D(.D)?" with no leading zero, no trailing zero in the fraction, at most 18 decimals and 18
 * integer digits; or "-?d(.D)?E[+-]N". */
static FZ_NOCOV void check_number(const char *s, size_t n)
{
    char buf[64];
    FZ_CHECK(n > 0 && n < sizeof buf);
    size_t i = s[0] == '-';
    const char *e = memchr(s, 'E', n);
    const char *dot = memchr(s, '.', n);
    size_t mant_end = e != NULL ? (size_t)(e - s) : n;
    size_t int_end = dot != NULL ? (size_t)(dot - s) : mant_end;
    FZ_CHECK(digits(s + i, int_end - i));
    FZ_CHECK(int_end - i == 1 || s[i] != '0');
    if (dot != NULL) {
        FZ_CHECK(digits(dot + 1, mant_end - int_end - 1));
        FZ_CHECK(s[mant_end - 1] != '0');
    }
    if (e != NULL) {
        FZ_CHECK(int_end - i == 1 && s[i] != '0');
        FZ_CHECK(mant_end + 2 < n && (e[1] == '+' || e[1] == '-'));
        FZ_CHECK(digits(e + 2, n - mant_end - 2) && e[2] != '0');
    } else {
        FZ_CHECK(int_end - i <= 18 && (dot == NULL || mant_end - int_end - 1 <= 18));
        FZ_CHECK(!(n == 2 && s[0] == '-' && s[1] == '0'));
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    double v = strtod(buf, NULL);
    FZ_CHECK(v - v == 0);
}

static FZ_NOCOV int num_at(const char *s, size_t k)
{
    int v = 0;
    for (size_t i = 0; i < k; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static FZ_NOCOV int check_time(const char *s)
{
    FZ_CHECK(digits(s, 2) && s[2] == ':' && digits(s + 3, 2) && s[5] == ':' && digits(s + 6, 2));
    FZ_CHECK(num_at(s, 2) < 24 && num_at(s + 3, 2) < 60 && num_at(s + 6, 2) < 60);
    return num_at(s, 2) + num_at(s + 3, 2) + num_at(s + 6, 2);
}

static FZ_NOCOV void check_date(const char *s, size_t n)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n == 8) {
        check_time(s);
        return;
    }
    FZ_CHECK(n == 10 || n == 19);
    FZ_CHECK(digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2));
    int y = num_at(s, 4), m = num_at(s + 5, 2), d = num_at(s + 8, 2);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    FZ_CHECK(y >= 1900 && y <= 9999 && m >= 1 && m <= 12);
    FZ_CHECK(d >= 1 && d <= md[m - 1] + (m == 2 && leap));
    if (n == 19) {
        FZ_CHECK(s[10] == ' ');
        FZ_CHECK(check_time(s + 11) > 0);
    }
}

static FZ_NOCOV void check_cell(const grid_cell *c)
{
    FZ_CHECK(c->type <= GRID_SCALED);
    FZ_CHECK(c->quoted == (c->type == GRID_TEXT));
    if (c->type == GRID_EMPTY) {
        FZ_CHECK(c->len == 0);
        return;
    }
    FZ_CHECK(c->len > 0 && c->len <= YR_READ_MAX_FIELD && c->s != NULL);
    FZ_CHECK(u8_valid(c->s, c->len));
    const char *blank = c->type == GRID_NUMBER ? memchr(c->s, ' ', c->len) : NULL;
    switch (c->type) {
    case GRID_NUMBER: /* the number, and the literal of its format after a blank ("290 tkr") */
        check_number(c->s, blank != NULL ? (size_t)(blank - c->s) : c->len);
        FZ_CHECK(blank == NULL || (size_t)(blank - c->s) + 1 < c->len);
        break;
    case GRID_PERCENT:
    case GRID_SCALED:
        check_number(c->s, c->len);
        break;
    case GRID_DATE:
        check_date(c->s, c->len);
        break;
    case GRID_BOOL:
        FZ_CHECK((c->len == 4 && memcmp(c->s, "TRUE", 4) == 0) ||
                 (c->len == 5 && memcmp(c->s, "FALSE", 5) == 0));
        break;
    default:
        break;
    }
}

static FZ_NOCOV void check_error(const yr_read_error *err, yr_read_status st)
{
    FZ_CHECK(st == YR_READ_ERR_FORMAT || st == YR_READ_ERR_LIMIT || st == YR_READ_ERR_NOMEM);
    FZ_CHECK(err->status == st);
    size_t n = strlen(err->message);
    FZ_CHECK(n > 0 && n < sizeof err->message && u8_valid(err->message, n));
    FZ_CHECK(strchr(err->message, '\n') == NULL);
    if (err->cell_ref[0] != '\0') {
        const char *p = err->cell_ref;
        while (*p >= 'A' && *p <= 'Z')
            p++;
        FZ_CHECK(p > err->cell_ref && p - err->cell_ref <= 4 && *p >= '1' && *p <= '9');
        FZ_CHECK((size_t)strtoul(p, NULL, 10) == err->line);
    }
}

static FZ_NOCOV void check_grid(const grid *g, const char *name)
{
    FZ_CHECK(strcmp(g->fmt.format, "xlsx") == 0 && strcmp(g->fmt.sheet, name) == 0);
    FZ_CHECK(g->nrec <= 1048576);
    grid_cell *cells = malloc((g->max_cells + 1) * sizeof *cells);
    FZ_CHECK(cells != NULL);
    grid_scratch sc = {NULL, 0};
    for (size_t r = 0; r < g->nrec; r++) {
        size_t n = g->ops->cells(g, r, cells, g->max_cells + 1, &sc);
        FZ_CHECK(n <= g->max_cells);
        FZ_CHECK(g->ops->line(g, r) == r + 1);
        FZ_CHECK(n == 0 || cells[n - 1].type != GRID_EMPTY);
        FZ_CHECK(r + 1 < g->nrec || n > 0);
        for (size_t i = 0; i < n; i++)
            check_cell(&cells[i]);
    }
    free(cells);
    free(sc.data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    wbuf z = {NULL, 0, 0}; /* a copy, freed before the grids are walked */
    if (data[0] & 1)
        parts_zip(data + 1, size - 1, &z);
    else
        w_add(&z, data + 1, size - 1);
    xlsx_book *b;
    yr_read_error err;
    yr_read_status st = xlsx_open(z.p, z.len, &b, &err);
    if (st != YR_READ_OK) {
        check_error(&err, st);
        free(z.p);
        return 0;
    }
    size_t n = xlsx_nsheets(b);
    FZ_CHECK(n >= 1);
    grid *g = calloc(n, sizeof *g);
    char **names = calloc(n, sizeof *names);
    FZ_CHECK(g != NULL && names != NULL);
    for (size_t i = 0; i < n; i++) {
        const char *nm = xlsx_sheet_name(b, i);
        FZ_CHECK(nm != NULL && u8_valid(nm, strlen(nm)));
        for (size_t k = 0; k < i; k++)
            FZ_CHECK(strcmp(names[k], nm) != 0);
        names[i] = strdup(nm);
        st = xlsx_sheet_grid(b, i, &g[i], &err);
        if (st != YR_READ_OK) {
            check_error(&err, st);
            g[i].ops = NULL;
        }
    }
    xlsx_close(b);
    free(z.p); /* neither the book nor the bytes are needed by a grid */
    for (size_t i = 0; i < n; i++) {
        if (g[i].ops != NULL) {
            check_grid(&g[i], names[i]);
            g[i].ops->free(&g[i]);
        }
        free(names[i]);
    }
    free(g);
    free(names);
    return 0;
}
