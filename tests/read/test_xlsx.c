/* xlsx workbooks as grids (lib/read/xlsx.h): the fixtures of make_xlsx.py (Excel-like XML
 * written by hand, LibreOffice's inline strings, PxWeb exports, openpyxl), workbooks written
 * here by libxlsxwriter, hostile files, and the value conversions one by one. Every expected
 * cell is worked by hand from the XML in make_xlsx.py (the comments say how), never taken from
 * the reader. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "xlsx_impl.h"
#include "../test_util.h"

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

/* ------------------------------------------------------------------- helpers */

static char *path_of(const char *name)
{
    static char buf[4096];
    const char *dir = getenv("XLSX_FIXTURES");
    if (dir == NULL) /* meson test sets it: the build directory of make_xlsx.py's fixtures */
        fail_msg("XLSX_FIXTURES is not set");
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static unsigned char *slurp(const char *name, size_t *len)
{
    FILE *f = fopen(path_of(name), "rb");
    if (f == NULL)
        fail_msg("%s: cannot open (XLSX_FIXTURES=%s)", name, getenv("XLSX_FIXTURES"));
    unsigned char *d = NULL;
    size_t n = 0, cap = 0, k;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            d = realloc(d, cap);
            assert_non_null(d);
        }
        k = fread(d + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return d;
}

typedef struct book {
    unsigned char *bytes;
    size_t len;
    xlsx_book *b;
} book;

static book open_ok(const char *name)
{
    book k;
    yr_read_error err;
    k.bytes = slurp(name, &k.len);
    yr_read_status st = xlsx_open(k.bytes, k.len, &k.b, &err);
    if (st != YR_READ_OK)
        fail_msg("%s: xlsx_open: %d: %s", name, (int)st, err.message);
    return k;
}

static void close_book(book *k)
{
    xlsx_close(k->b);
    free(k->bytes);
}

/* A record as "T:text|N:22986||D:2024-02-06": each cell's type letter and text, empty cells
 * as nothing between the bars. */
static void render(const grid *g, size_t rec, char *dst, size_t cap)
{
    static const char letter[] = {'-', 'T', 'N', 'P', 'D', 'B', 'E', 'S'};
    grid_cell cells[64];
    grid_scratch sc = {NULL, 0};
    size_t n = g->ops->cells(g, rec, cells, 64, &sc);
    assert_true(n <= 64);
    size_t o = 0;
    dst[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const grid_cell *c = &cells[i];
        int k = snprintf(dst + o, cap - o, "%s", i ? "|" : "");
        o += (size_t)k;
        if (c->type == GRID_EMPTY) {
            assert_int_equal(c->len, 0);
            continue;
        }
        assert_true(c->type <= GRID_SCALED);
        assert_int_equal(c->quoted, c->type == GRID_TEXT);
        k = snprintf(dst + o, cap - o, "%c:%.*s", letter[c->type], (int)c->len, c->s);
        o += (size_t)k;
        assert_true(o < cap);
    }
    free(sc.data);
}

static void expect_grid(const grid *g, const char *sheet, const char *const *rows, size_t n,
                        size_t widest)
{
    char got[2048], ref[16];
    assert_string_equal(g->fmt.format, "xlsx");
    assert_string_equal(g->fmt.encoding, "UTF-8");
    assert_string_equal(g->fmt.sheet, sheet);
    if (g->nrec != n)
        fail_msg("sheet '%s': %zu records, expected %zu", sheet, g->nrec, n);
    assert_int_equal(g->max_cells, widest);
    for (size_t r = 0; r < n; r++) {
        render(g, r, got, sizeof got);
        if (strcmp(got, rows[r]) != 0)
            fail_msg("sheet '%s' row %zu:\n  got      %s\n  expected %s", sheet, r + 1, got,
                     rows[r]);
        assert_int_equal(g->ops->line(g, r), r + 1);
    }
    g->ops->cell_ref(g, 6, 1, ref);
    assert_string_equal(ref, "B7");
}

/* Sheet @p i of fixture @p name is exactly @p rows. */
static void expect_sheet(const char *name, size_t i, const char *sheet, int hidden,
                         const char *const *rows, size_t n, size_t widest)
{
    book k = open_ok(name);
    grid g;
    yr_read_error err;
    assert_true(i < xlsx_nsheets(k.b));
    assert_string_equal(xlsx_sheet_name(k.b, i), sheet);
    assert_int_equal(xlsx_sheet_hidden(k.b, i), hidden);
    yr_read_status st = xlsx_sheet_grid(k.b, i, &g, &err);
    if (st != YR_READ_OK)
        fail_msg("%s sheet %zu: %d: %s", name, i, (int)st, err.message);
    close_book(&k); /* the grid does not refer to the book or the bytes */
    expect_grid(&g, sheet, rows, n, widest);
    g.ops->free(&g);
}

static void expect_message(const yr_read_error *err, yr_read_status st, yr_read_status want,
                           const char *needle, const char *name)
{
    if (st != want || err->status != want)
        fail_msg("%s: status %d (%d), expected %d: %s", name, (int)st, (int)err->status, (int)want,
                 err->message);
    if (strstr(err->message, needle) == NULL)
        fail_msg("%s: message '%s' does not say '%s'", name, err->message, needle);
}

static void expect_open_fails(const char *name, yr_read_status want, const char *needle)
{
    size_t len;
    unsigned char *bytes = slurp(name, &len);
    xlsx_book *b = (xlsx_book *)&len; /* must be set to NULL */
    yr_read_error err;
    memset(&err, 0, sizeof err);
    yr_read_status st = xlsx_open(bytes, len, &b, &err);
    expect_message(&err, st, want, needle, name);
    assert_null(b);
    assert_int_equal(err.line, 0);
    free(bytes);
}

static void expect_grid_fails(const char *name, size_t sheet, yr_read_status want, size_t line,
                              const char *ref, const char *needle)
{
    book k = open_ok(name);
    grid g;
    yr_read_error err;
    memset(&err, 0, sizeof err);
    yr_read_status st = xlsx_sheet_grid(k.b, sheet, &g, &err);
    expect_message(&err, st, want, needle, name);
    assert_int_equal(err.line, line);
    assert_string_equal(err.cell_ref, ref);
    close_book(&k);
}

/* ------------------------------------------------------- Excel-like workbooks */

static void test_kommuner(void **state)
{
    (void)state;
    /* Merged title A1:F1 (shared string 0) in every cell of the range; row 2 absent: an empty
     * record; codes in style 5 ('@') as shared strings; C numbers; D style 3 "0.0%"; E style 1
     * (format 14) serials 45328.. = 2024-02-06.. (45292 is 2024-01-01); F style 2 "yyyy-mm-dd
     * hh:mm": .354166666664 d = 30599.99999 s -> 08:30:00, .5 -> 12:00:00, .999999 d =
     * 86399.91 s -> rounds to the next day at 00:00:00, so no time. Row 8: cached formula
     * values 182930 (the sum of C4:C7) and 1 in style 3. */
    static const char *const rows[] = {
        ("T:Kostnadsfördelning Yrkesresan 2024|T:Kostnadsfördelning Yrkesresan 2024|"
         "T:Kostnadsfördelning Yrkesresan 2024|T:Kostnadsfördelning Yrkesresan 2024|"
         "T:Kostnadsfördelning Yrkesresan 2024|T:Kostnadsfördelning Yrkesresan 2024"),
        "",
        "T:Kommun|T:Kommunkod|T:Befolkning|T:Andel|T:Datum|T:Uppdaterad",
        "T:Upplands Väsby|T:0114|N:47820|P:0.25|D:2024-02-06|D:2024-02-06 08:30:00",
        "T:Avesta|T:2084|N:22986|P:0.125|D:2024-02-07|D:2024-02-07",
        "T:Borlänge|T:2081|N:52372|P:0.3|D:2024-02-08|D:2024-02-08 12:00:00",
        "T:Falun|T:2080|N:59752|P:0.325|D:2024-02-09|D:2024-02-10",
        "T:Summa||N:182930|P:1",
        "",
        "T:Källa: SCB, Befolkningsstatistik 2023-12-31",
        "T:Fotnot: andelen avrundad",
    };
    expect_sheet("kommuner.xlsx", 0, "Kommuner", 0, rows, 11, 6);
    static const char *const sources[] = {"T:Källor", "T:SCB|T:https://www.scb.se"};
    expect_sheet("kommuner.xlsx", 1, "Källor", 0, sources, 2, 2);
    static const char *const hidden[] = {"T:Hemlig|N:1"};
    expect_sheet("kommuner.xlsx", 2, "Dolt", 1, hidden, 1, 2);
    book k = open_ok("kommuner.xlsx");
    assert_int_equal(xlsx_nsheets(k.b), 3);
    assert_null(xlsx_sheet_name(k.b, 3));
    close_book(&k);
}

static void test_values(void **state)
{
    (void)state;
    /* Row 1, general numbers: the shortest decimal that reads back ("0.30000000000000004" is
     * 0.1+0.2, not 0.3); 1E-18 needs 18 decimals (fixed), 1.5E-18 and 1E-19 need 19 (exponent);
     * 123456789012345680 has 18 integer digits (fixed), 1E+18 has 19; -0 is 0.
     * Row 2, styles 1 (14), 1, 2 (custom date-time), 8 (20 "h:mm": 0.75 d = 18:00; 1.25 is a
     * duration, a number), 10 ("[$-41D]d\ mmmm\ yyyy"), 13 ("mmm\-yy": m without h or s is a
     * month), 11 (46 "[h]:mm:ss", 1.5: a number), 1 (59 = 1900-02-28, 61 = 1900-03-01 past
     * Excel's 29 February 1900).
     * Row 3: style 3 "0.0%", 6 (9 "0%"), 7 '#,##0\ "kr"' (shown "1 250 kr": the unit after the
     * number, as if typed), 9 '0" st"' (the s inside quotes: no date; "12 st"), 12 (11
     * "0.00E+00"), 5 ('@': a number stays a number), 0.
     * Row 4: shared strings: "0114", "22986" as text; runs "Fal"+"un "+"kommun"; a phonetic run
     * left out; _x000D_ is CR; _x005F_ is '_' (so "_x0041_" stays); "" is empty; leading blanks
     * kept. Row 5: t="b", t="e", cached #DIV/0!, cached str "abc", a cached number, t="d" at
     * midnight and at 08:30, a str formula with "" (empty) and a styled empty cell (neither
     * counts). */
    static const char *const rows[] = {
        ("N:22986|N:0.1|N:-1.5|N:1234567.891|N:0.30000000000000004|N:1E-19|"
         "N:0.000000000000000001|N:1.5E-18|N:1E+300|N:123456789012345680|N:1E+18|N:0"),
        ("D:2024-02-06|D:2024-02-06 12:00:00|D:2024-02-06 08:30:00|D:18:00:00|N:1.25|"
         "D:2024-02-06|D:2024-02-06|N:1.5|D:1900-02-28|D:1900-03-01"),
        "P:0.77|P:0.5|N:1250 kr|N:12 st|N:1500|N:114|N:0.25",
        "T:0114|T:22986|T:Falun kommun|T:東京|T:rad 1\r\nrad 2|T:a_x0041_b||T:  indrag",
        "B:TRUE|B:FALSE|E:#N/A|E:#DIV/0!|T:abc|N:45972|D:2024-02-06|D:2024-02-06 08:30:00",
    };
    expect_sheet("values.xlsx", 0, "Värden", 0, rows, 5, 12);
}

static void test_date1904(void **state)
{
    (void)state;
    /* workbookPr date1904="1": serial 43866 is 1904-01-01 + 43866 days = 1899-12-30 + 45328
     * days = 2024-02-06; 0 is 1904-01-01 (a day in this system); 0.5 in "h:mm" is 12:00. */
    static const char *const rows[] = {"T:Datum|T:Deltagare", "D:2024-02-06|N:12",
                                       "D:1904-01-01|N:7", "D:12:00:00"};
    expect_sheet("date1904.xlsx", 0, "Närvaro", 0, rows, 4, 2);
}

static void test_pxweb(void **state)
{
    (void)state;
    static const char *const wide[] = {
        "T:Folkmängd efter region och år",
        "",
        "T:region|T:2022|T:2023",
        "T:00 Riket|N:10521556|N:10551707",
        "T:20 Dalarnas län|N:288387|N:287966",
        "T:2080 Falun|N:59552|N:59752",
        "T:2081 Borlänge|N:52333|N:52372",
        "T:2084 Avesta|N:23014|N:22986",
        "",
        "T:Källa: SCB, Statistikdatabasen",
        "T:Fotnoter:",
        "T:Folkmängden avser den 31 december.",
    };
    expect_sheet("pxweb_wide.xlsx", 0, "Tabell", 0, wide, 12, 3);
    static const char *const lng[] = {
        "T:Folkmängd efter region och år",  "",
        "T:region|T:år|T:Folkmängd",        "T:2080 Falun|T:2022|N:59552",
        "T:2080 Falun|T:2023|N:59752",      "T:2084 Avesta|T:2022|N:23014",
        "T:2084 Avesta|T:2023|N:22986",     "",
        "T:Källa: SCB, Statistikdatabasen",
    };
    expect_sheet("pxweb_long.xlsx", 0, "Tabell", 0, lng, 9, 3);
}

static void test_libreoffice(void **state)
{
    (void)state;
    /* Inline strings (one in two runs: "Sa"+"nt"), no shared strings part, rows and cells
     * without r: row 1, 2 by order, row 5 named, the next row without r is 6; C5 named after
     * A5 leaves B5 empty; the sheet's target is absolute (/xl/worksheets/sheet1.xml). */
    static const char *const rows[] = {
        "T:Kommun|T:Deltagare|T:Sant", "T:Falun|N:12|B:TRUE", "", "", "T:Avesta||N:3", "T:Mora"};
    expect_sheet("libreoffice.xlsx", 0, "Sheet1", 0, rows, 6, 3);
}

static void test_parts(void **state)
{
    (void)state;
    /* A stored (uncompressed) zip; a workbook found through _rels/.rels at book/main.xml with
     * targets "../xl/./worksheets/sheet1.xml" and "/xl/styles.xml". */
    static const char *const three[] = {"N:1", "N:2", "N:3"};
    expect_sheet("stored.xlsx", 0, "Blad1", 0, three, 3, 1);
    expect_sheet("moved_workbook.xlsx", 0, "Blad1", 0, three, 2, 1);
    /* A chart sheet is a sheet without cells. */
    static const char *const none[] = {NULL};
    expect_sheet("chartsheet.xlsx", 0, "Diagram1", 0, none, 0, 0);
    expect_sheet("chartsheet.xlsx", 1, "Blad1", 0, three, 2, 1);
    /* An empty first shared string is an empty cell. */
    static const char *const empty_first[] = {"|T:Falun"};
    expect_sheet("empty_si.xlsx", 0, "Blad1", 0, empty_first, 1, 2);
}

/* A sheet of 3000 rows: every row as written (r, r.25, "rad r"), through the growing chunks. */
static void test_many_rows(void **state)
{
    (void)state;
    book k = open_ok("many_rows.xlsx");
    grid g;
    yr_read_error err;
    assert_int_equal(xlsx_sheet_grid(k.b, 0, &g, &err), YR_READ_OK);
    close_book(&k);
    assert_int_equal(g.nrec, 3000);
    assert_int_equal(g.max_cells, 3);
    char got[256], want[256];
    render(&g, 0, got, sizeof got);
    assert_string_equal(got, "T:Kommun|N:0.5");
    for (size_t r = 2; r <= 3000; r++) {
        snprintf(want, sizeof want, "N:%zu|N:%zu.25|T:rad %zu", r, r, r);
        render(&g, r - 1, got, sizeof got);
        if (strcmp(got, want) != 0)
            fail_msg("row %zu: '%s', expected '%s'", r, got, want);
    }
    g.ops->free(&g);
}

static void test_merges(void **state)
{
    (void)state;
    /* A1:XFD1 is clipped to the columns in use (A, B); merged_empty: A1:B1 has an empty
     * top-left, so B1's 5 is not shown (as in Excel); A2:A3 reaches past the last row with a
     * value (2) and is clipped there. */
    static const char *const huge[] = {"T:Kommun|T:Kommun", "", "N:1|N:2"};
    expect_sheet("merged_huge.xlsx", 0, "Blad1", 0, huge, 3, 2);
    static const char *const empty[] = {"||N:6", "N:1|N:2|N:3"};
    expect_sheet("merged_empty.xlsx", 0, "Blad1", 0, empty, 2, 3);
}

static void test_openpyxl(void **state)
{
    (void)state;
    size_t len;
    free(slurp("openpyxl.xlsx", &len));
    if (len == 0) /* make_xlsx.py found no openpyxl (python3-openpyxl) */
        skip();
    /* make_xlsx.py's openpyxl_book: a title merged over A1:D1, an empty row, datetimes with
     * "yyyy-mm-dd" (08:30 kept: the time is not zero), shares with "0%". */
    static const char *const rows[] = {
        ("T:Närvaro vid kursdagar|T:Närvaro vid kursdagar|T:Närvaro vid kursdagar|"
         "T:Närvaro vid kursdagar"),
        "",
        "T:Kommun|T:Kommunkod|T:Datum|T:Andel",
        "T:Falun|T:2080|D:2024-02-06|P:0.77",
        "T:Avesta|T:2084|D:2024-02-07 08:30:00|P:0.5",
    };
    expect_sheet("openpyxl.xlsx", 0, "Deltagare", 0, rows, 5, 4);
    static const char *const two[] = {"N:1.5|B:TRUE"};
    expect_sheet("openpyxl.xlsx", 1, "Blad2", 0, two, 1, 2);
}

/* cells() with less room than the record: the count, and nothing written past cap. */
static void test_cells_cap(void **state)
{
    (void)state;
    book k = open_ok("kommuner.xlsx");
    grid g;
    yr_read_error err;
    assert_int_equal(xlsx_sheet_grid(k.b, 0, &g, &err), YR_READ_OK);
    grid_cell cells[4];
    memset(cells, 0x5A, sizeof cells);
    grid_scratch sc = {NULL, 0};
    assert_int_equal(g.ops->cells(&g, 3, cells, 2, &sc), 6);
    assert_int_equal(cells[0].type, GRID_TEXT);
    assert_int_equal(cells[1].len, 4);
    assert_memory_equal(cells[1].s, "0114", 4);
    assert_int_equal(cells[2].type, 0x5A);
    assert_int_equal(g.ops->cells(&g, 1, cells, 4, &sc), 0);  /* row 2: empty */
    assert_int_equal(g.ops->cells(&g, 11, cells, 4, &sc), 0); /* past the end */
    char ref[16];
    g.ops->cell_ref(&g, 0, 16383, ref);
    assert_string_equal(ref, "XFD1");
    g.ops->cell_ref(&g, 1048575, 26, ref);
    assert_string_equal(ref, "AA1048576");
    g.ops->free(&g);
    close_book(&k);
}

/* -------------------------------------------------------------------- refusals */

static void test_refused_parts(void **state)
{
    (void)state;
    expect_open_fails("truncated.xlsx", YR_READ_ERR_FORMAT, "a truncated or damaged zip");
    expect_open_fails("no_workbook.xlsx", YR_READ_ERR_FORMAT, "xl/workbook.xml: missing");
    expect_open_fails("no_rels.xlsx", YR_READ_ERR_FORMAT, "xl/_rels/workbook.xml.rels: missing");
    expect_open_fails("bzip2.xlsx", YR_READ_ERR_FORMAT, "zip method 12");
    expect_open_fails("xxe.xlsx", YR_READ_ERR_FORMAT, "xl/sharedStrings.xml: has a DOCTYPE");
    expect_open_fails("latin1.xlsx", YR_READ_ERR_FORMAT,
                      "xl/sharedStrings.xml: not well-formed XML at line 2");
    expect_open_fails("declared_latin1.xlsx", YR_READ_ERR_FORMAT, "encoding 'ISO-8859-1'");
    expect_open_fails("utf16.xlsx", YR_READ_ERR_FORMAT, "the XML is in UTF-16");
    expect_open_fails("dup_sheets.xlsx", YR_READ_ERR_FORMAT,
                      "xl/workbook.xml: two sheets are named 'Blad1'");
    expect_open_fails("dup_rels.xlsx", YR_READ_ERR_FORMAT,
                      "xl/workbook.xml: two relationships have the Id 'rId1'");
    expect_open_fails("escape_root.xlsx", YR_READ_ERR_FORMAT, "sheet 'Blad1' is outside the file");
}

static void test_refused_sheets(void **state)
{
    (void)state;
    const char *sheet1 = "xl/worksheets/sheet1.xml: ";
    char want[128];
    expect_grid_fails("bomb.xlsx", 0, YR_READ_ERR_LIMIT, 0, "",
                      "inflates to more than 1000 times its compressed size");
    expect_grid_fails("size_lies_small.xlsx", 0, YR_READ_ERR_FORMAT, 0, "",
                      "but the zip says 100)");
    expect_grid_fails("size_lies_large.xlsx", 0, YR_READ_ERR_FORMAT, 0, "",
                      "but the zip says 4294967280)");
    expect_grid_fails("crc.xlsx", 0, YR_READ_ERR_FORMAT, 0, "", "checksum does not match");
    expect_grid_fails("encrypted.xlsx", 0, YR_READ_ERR_FORMAT, 0, "",
                      "is encrypted: save the workbook without a password");
    snprintf(want, sizeof want, "%shas a DOCTYPE", sheet1);
    expect_grid_fails("laughs.xlsx", 0, YR_READ_ERR_FORMAT, 0, "", want);
    snprintf(want, sizeof want, "%selements nested more than 256 deep", sheet1);
    expect_grid_fails("deep.xlsx", 0, YR_READ_ERR_FORMAT, 0, "", want);
    snprintf(want, sizeof want, "%snot well-formed XML at line 2", sheet1);
    expect_grid_fails("bad_xml.xlsx", 0, YR_READ_ERR_FORMAT, 0, "", want);
    snprintf(want, sizeof want, "%san XML tag longer than 1 MiB", sheet1);
    expect_grid_fails("long_tag.xlsx", 0, YR_READ_ERR_LIMIT, 0, "", want);
}

static void test_refused_cells(void **state)
{
    (void)state;
    expect_grid_fails("formula_nocache.xlsx", 0, YR_READ_ERR_FORMAT, 7, "C7",
                      "cell C7 of sheet 'Blad1' has a formula without a computed value: open the "
                      "file in Excel and save it again");
    expect_grid_fails("cols16385.xlsx", 0, YR_READ_ERR_LIMIT, 1, "XFE1",
                      "cell XFE1 of sheet 'Blad1' is beyond column XFD");
    expect_grid_fails("serial60.xlsx", 0, YR_READ_ERR_FORMAT, 7, "C7",
                      "cell C7 of sheet 'Blad1' is formatted as a date but holds 60, which Excel "
                      "shows as 1900-02-29");
    expect_grid_fails("sst_range.xlsx", 0, YR_READ_ERR_FORMAT, 1, "B1",
                      "refers to shared string '5', but the workbook has 1");
    expect_grid_fails("dup_cell.xlsx", 0, YR_READ_ERR_FORMAT, 1, "A1",
                      "comes after a cell to its right");
    expect_grid_fails("rows_backwards.xlsx", 0, YR_READ_ERR_FORMAT, 3, "",
                      "row 3 comes after row 5");
    expect_grid_fails("overlap.xlsx", 0, YR_READ_ERR_FORMAT, 2, "",
                      "the merged ranges A1:C2 and B2:D2 overlap");
    expect_grid_fails("bad_style.xlsx", 0, YR_READ_ERR_FORMAT, 1, "A1",
                      "has style 99, but the workbook's styles have 14");
}

/* A caller's locale with a decimal comma (the program's, R's) changes nothing: numbers are read
 * and written with '.', and the caller's locale is as it was afterwards. Skipped where no such
 * locale is installed (LOCPATH may point at one made with localedef -i sv_SE -f UTF-8). */
static void test_caller_locale(void **state)
{
    (void)state;
    static const char *const names[] = {"sv_SE.UTF-8", "sv_SE.utf8", "de_DE.UTF-8", "fr_FR.UTF-8"};
    const char *got = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && got == NULL; i++)
        got = setlocale(LC_NUMERIC, names[i]);
    if (got == NULL || localeconv()->decimal_point[0] != ',') {
        setlocale(LC_NUMERIC, "C");
        skip();
    }
    static const char *const values[] = {
        ("N:22986|N:0.1|N:-1.5|N:1234567.891|N:0.30000000000000004|N:1E-19|"
         "N:0.000000000000000001|N:1.5E-18|N:1E+300|N:123456789012345680|N:1E+18|N:0"),
        ("D:2024-02-06|D:2024-02-06 12:00:00|D:2024-02-06 08:30:00|D:18:00:00|N:1.25|"
         "D:2024-02-06|D:2024-02-06|N:1.5|D:1900-02-28|D:1900-03-01"),
        "P:0.77|P:0.5|N:1250 kr|N:12 st|N:1500|N:114|N:0.25",
    };
    book k = open_ok("values.xlsx");
    grid g;
    yr_read_error err;
    assert_int_equal(xlsx_sheet_grid(k.b, 0, &g, &err), YR_READ_OK);
    close_book(&k);
    char buf[16];
    snprintf(buf, sizeof buf, "%.1f", 1.5);
    assert_string_equal(buf, "1,5"); /* the caller's locale again */
    setlocale(LC_NUMERIC, "C");
    char row[2048];
    for (size_t r = 0; r < 3; r++) {
        render(&g, r, row, sizeof row);
        assert_string_equal(row, values[r]);
    }
    g.ops->free(&g);
}

/* Text from the workbook in a message stays one line of valid UTF-8: the line break in the
 * sheet's name is a blank; "x" and 30 'å' (2 bytes each) cut to 40 bytes end in half an 'å',
 * which becomes '?'. */
static void test_message_text(void **state)
{
    (void)state;
    char want[200];
    int n = snprintf(want, sizeof want, "cell A1 of sheet 'Blad 1' holds 'x");
    for (int i = 0; i < 19; i++)
        n += snprintf(want + n, sizeof want - (size_t)n, "\xc3\xa5");
    snprintf(want + n, sizeof want - (size_t)n, "?', which is not a number");
    expect_grid_fails("message_text.xlsx", 0, YR_READ_ERR_FORMAT, 1, "A1", want);
}

static void test_api_edges(void **state)
{
    (void)state;
    xlsx_book *b = NULL;
    yr_read_error err;
    assert_int_equal(xlsx_open(NULL, 0, &b, &err), YR_READ_ERR_FORMAT);
    assert_null(b);
    assert_int_equal(xlsx_open("PK", 2, NULL, &err), YR_READ_ERR_NULL);
    assert_int_equal(xlsx_open(NULL, 2, &b, &err), YR_READ_ERR_NULL);
    assert_int_equal(xlsx_open("PK\x03\x04", 4, &b, NULL), YR_READ_ERR_FORMAT); /* err NULL */
    const char *csv = "Kommun;Befolkning\nFalun;59752\n";
    assert_int_equal(xlsx_open(csv, strlen(csv), &b, &err), YR_READ_ERR_FORMAT);
    assert_string_equal(err.message, "not a readable xlsx: no zip directory (a truncated or "
                                     "damaged zip): save the workbook again in Excel");
    assert_int_equal(xlsx_nsheets(NULL), 0);
    assert_null(xlsx_sheet_name(NULL, 0));
    xlsx_close(NULL);
    book k = open_ok("stored.xlsx");
    grid g;
    assert_int_equal(xlsx_sheet_grid(k.b, 1, &g, &err), YR_READ_ERR_FORMAT);
    assert_string_equal(err.message, "the workbook has 1 sheets, not 2");
    assert_int_equal(xlsx_sheet_grid(k.b, 0, NULL, &err), YR_READ_ERR_NULL);
    /* the same sheet twice: two independent grids */
    grid g2;
    assert_int_equal(xlsx_sheet_grid(k.b, 0, &g, &err), YR_READ_OK);
    assert_int_equal(xlsx_sheet_grid(k.b, 0, &g2, &err), YR_READ_OK);
    close_book(&k);
    static const char *const three[] = {"N:1", "N:2", "N:3"};
    expect_grid(&g, "Blad1", three, 3, 1);
    g.ops->free(&g);
    expect_grid(&g2, "Blad1", three, 3, 1);
    g2.ops->free(&g2);
}

/* --------------------------------------------------------------- libxlsxwriter */

#ifdef HAVE_XLSXWRITER
/* The same sheet written by libxlsxwriter, normally (shared strings) and in constant_memory
 * mode (inline strings). */
static void write_xlsxwriter(const char *path, int constant_memory)
{
    lxw_workbook_options opt = {
        .constant_memory = (uint8_t)constant_memory, .tmpdir = NULL, .use_zip64 = 0};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    assert_non_null(wb);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Närvaro");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.0%");
    lxw_format *text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    worksheet_merge_range(ws, 0, 0, 0, 3, "Närvaro 2024", NULL);
    worksheet_write_string(ws, 2, 0, "Kommun", NULL);
    worksheet_write_string(ws, 2, 1, "Kod", NULL);
    worksheet_write_string(ws, 2, 2, "Datum", NULL);
    worksheet_write_string(ws, 2, 3, "Andel", NULL);
    worksheet_write_string(ws, 3, 0, "Falun", NULL);
    worksheet_write_string(ws, 3, 1, "0114", text);
    lxw_datetime day = {2024, 2, 6, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 2, &day, date);
    worksheet_write_number(ws, 3, 3, 0.77, pct);
    worksheet_write_boolean(ws, 4, 0, 1, NULL);
    worksheet_write_number(ws, 4, 1, 22986, NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_xlsxwriter(void **state)
{
    (void)state;
    /* merge_range writes the title in A1 and blank cells B1:D1 (filled from A1); row 2 is
     * absent; 2024-02-06 is serial 45328 in "yyyy-mm-dd". */
    static const char *const rows[] = {
        "T:Närvaro 2024|T:Närvaro 2024|T:Närvaro 2024|T:Närvaro 2024",
        "",
        "T:Kommun|T:Kod|T:Datum|T:Andel",
        "T:Falun|T:0114|D:2024-02-06|P:0.77",
        "B:TRUE|N:22986",
    };
    for (int cm = 0; cm < 2; cm++) {
        char name[64];
        snprintf(name, sizeof name, "xlsxwriter-%d.xlsx", cm);
        write_xlsxwriter(path_of(name), cm);
        expect_sheet(name, 0, "Närvaro", 0, rows, 5, 4);
    }
    /* A formula from libxlsxwriter has the saved value 0 and the workbook asks Excel to compute
     * every formula again (calcPr fullCalcOnLoad): refused, never read as 0. */
    lxw_workbook *wb = workbook_new(path_of("xlsxwriter-formula.xlsx"));
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Blad1");
    worksheet_write_number(ws, 0, 0, 5, NULL);
    worksheet_write_formula(ws, 1, 0, "=A1*2", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    expect_grid_fails("xlsxwriter-formula.xlsx", 0, YR_READ_ERR_FORMAT, 2, "A2",
                      "cell A2 of sheet 'Blad1' has a formula whose saved value is not a "
                      "computed one");
}
#endif

/* ------------------------------------------------------------ value conversions */

static void number_is(double v, const char *want)
{
    char got[XV_TEXT_MAX];
    size_t n = xv_number_text(v, got);
    if (strcmp(got, want) != 0 || n != strlen(want))
        fail_msg("%.17g: '%s' (%zu), expected '%s'", v, got, n, want);
}

static void test_number_text(void **state)
{
    (void)state;
    number_is(22986, "22986");
    number_is(0.1, "0.1");
    number_is(1.0 / 3, "0.3333333333333333");
    number_is(2.0 / 3, "0.6666666666666666");
    number_is(0.1 + 0.2, "0.30000000000000004");
    number_is(100, "100");
    number_is(-0.001, "-0.001");
    number_is(123.456, "123.456");
    number_is(1e17, "100000000000000000");
    number_is(1e18, "1E+18");
    number_is(-1e18, "-1E+18");
    number_is(9007199254740993.0, "9007199254740992"); /* 2^53 + 1 is not a double */
    number_is(1e-18, "0.000000000000000001");
    number_is(1.5e-18, "1.5E-18");
    number_is(1.25e-16, "0.000000000000000125"); /* 18 decimals */
    number_is(1.25e-17, "1.25E-17");             /* 19 */
    number_is(5e-324, "5E-324");
    number_is(1.7976931348623157e308, "1.7976931348623157E+308");
    number_is(-0.0, "0");
    number_is(45328.354166666664, "45328.354166666664");
}

/* The significant digits of a number text (leading and trailing zeros are not). */
static size_t significant(const char *t)
{
    char d[64];
    size_t n = 0;
    for (const char *p = t; *p != '\0' && *p != 'E'; p++)
        if (*p >= '0' && *p <= '9')
            d[n++] = *p;
    size_t a = 0;
    while (a < n && d[a] == '0')
        a++;
    while (n > a && d[n - 1] == '0')
        n--;
    return n - a;
}

/* Random finite doubles: the text reads back as the same double, no %e form with fewer digits
 * does, and it is fixed-point exactly when that takes at most 18 decimals and 18 integer
 * digits. */
static void test_number_text_random(void **state)
{
    (void)state;
    uint64_t seed = 20240206;
    for (int i = 0; i < 50000; i++) {
        uint64_t bits = next_rand(&seed);
        if (i % 4 == 1) /* ordinary magnitudes (2^-30 .. 2^60) too */
            bits = (bits & ~(UINT64_C(0x7FF) << 52)) | ((uint64_t)(1023 - 30 + i % 90) << 52);
        double v;
        memcpy(&v, &bits, sizeof v);
        if (v != v || v - v != 0 || v == 0)
            continue;
        char t[XV_TEXT_MAX], e[40];
        xv_number_text(v, t);
        if (strtod(t, NULL) != v)
            fail_msg("%a: '%s' reads back as %a", v, t, strtod(t, NULL));
        size_t sig = significant(t);
        if (sig > 1) {
            snprintf(e, sizeof e, "%.*e", (int)sig - 2, v);
            if (strtod(e, NULL) == v)
                fail_msg("%a: '%s' is not the shortest ('%s' reads back too)", v, t, e);
        }
        snprintf(e, sizeof e, "%.*e", (int)sig - 1, v);
        int exp10 = atoi(strchr(e, 'e') + 1);
        int fixed = strchr(t, 'E') == NULL;
        if (fixed != ((int)sig - 1 - exp10 <= 18 && exp10 <= 17))
            fail_msg("%a: '%s' (%zu digits, exponent %d)", v, t, sig, exp10);
    }
}

static void plain_is(const char *s, const char *want)
{
    char got[XV_TEXT_MAX] = "";
    size_t n = xv_plain_text(s, strlen(s), got);
    if (want == NULL ? n != 0 : (n != strlen(want) || strcmp(got, want) != 0))
        fail_msg("'%s': %zu '%s', expected '%s'", s, n, n ? got : "", want ? want : "(none)");
}

/* The fast path for decimals of at most 15 digits gives what printing their double gives. */
static void test_plain_text(void **state)
{
    (void)state;
    plain_is("22986", "22986");
    plain_is("007", "7");
    plain_is("+3", "3");
    plain_is("1.50", "1.5");
    plain_is("-0.0", "0");
    plain_is("0", "0");
    plain_is(".5", "0.5");
    plain_is("5.", "5");
    plain_is("-0.00123", "-0.00123");
    plain_is("0.000000000000000001", "0.000000000000000001");
    plain_is("123456789012345", "123456789012345");
    plain_is("0.123456789012345", "0.123456789012345");
    plain_is("1234567890123456", NULL); /* 16 digits: printed from the double */
    plain_is("0.30000000000000004", NULL);
    plain_is("0.0000000000000000001", NULL); /* 19 decimals */
    plain_is("100000000000000000000", NULL); /* 21 integer digits */
    plain_is("1E5", NULL);
    plain_is("", NULL);
    plain_is("-", NULL);
    plain_is(".", NULL);
    plain_is("1.2.3", NULL);
    plain_is("1 ", NULL);
    uint64_t seed = 7;
    size_t compared = 0;
    for (int i = 0; i < 100000; i++) {
        char s[64], a[XV_TEXT_MAX], b[XV_TEXT_MAX];
        size_t n = 0, nint = (size_t)rand_upto(&seed, 18), nfrac = (size_t)rand_upto(&seed, 18);
        if (rand_upto(&seed, 3) == 0)
            s[n++] = '-';
        for (size_t k = 0; k < nint; k++)
            s[n++] = (char)('0' + (k < 3 && rand_upto(&seed, 1) ? 0 : rand_upto(&seed, 9)));
        if (nfrac > 0 || nint == 0)
            s[n++] = '.';
        for (size_t k = 0; k < nfrac || (nint == 0 && k == 0); k++)
            s[n++] = (char)('0' + rand_upto(&seed, 9));
        s[n] = '\0';
        size_t m = xv_plain_text(s, n, a);
        if (m == 0)
            continue;
        xv_number_text(strtod(s, NULL), b);
        if (strcmp(a, b) != 0)
            fail_msg("'%s': fast '%s', printed '%s'", s, a, b);
        compared++;
    }
    if (compared < 20000)
        fail_msg("only %zu random decimals took the fast path", compared);
}

static void format_is(const char *code, int want)
{
    int got = xv_format_class(code);
    if (got != want)
        fail_msg("format '%s': class %d, expected %d", code, got, want);
}

/* xv_format_info(): the powers of 1000 and the literal, worked out by hand from Excel's rules
 * (a comma after the last digit placeholder of the integer or the decimals divides by 1000). */
static void info_is(const char *code, int cls, int thousands, const char *literal)
{
    int k = -1;
    char lit[XV_LITERAL_MAX];
    int got = xv_format_info(code, &k, lit);
    if (got != cls || k != thousands || strcmp(lit, literal) != 0)
        fail_msg("format '%s': class %d, thousands %d, literal '%s'; expected %d, %d, '%s'", code,
                 got, k, lit, cls, thousands, literal);
}

static void test_format_info(void **state)
{
    (void)state;
    info_is("General", XF_GENERAL, 0, "");
    info_is("#,##0", XF_GENERAL, 0, ""); /* a comma between placeholders groups */
    info_is("#,##0.00", XF_GENERAL, 0, "");
    info_is("#,##0,", XF_GENERAL, 1, "");
    info_is("0.0,,", XF_GENERAL, 2, "");
    info_is("#,##0,.0", XF_GENERAL, 1, ""); /* before the decimal point */
    info_is("#,##0,\"tkr\"", XF_GENERAL, 1, "tkr");
    info_is("0,, \"Mkr\"", XF_GENERAL, 2, "Mkr");
    info_is("#,##0,;-#,##0,,", XF_GENERAL, 2, ""); /* the most of the sections */
    info_is("#,##0 \"tkr\"", XF_GENERAL, 0, "tkr");
    info_is("#,##0\\ \"kr\"", XF_GENERAL, 0, "kr");
    info_is("#,##0\\ \\k\\r", XF_GENERAL, 0, "kr");
    info_is("[$kr-41D]\\ #,##0", XF_GENERAL, 0, "kr");
    info_is("_-* #,##0\\ \"kr\"_-;\\-* #,##0\\ \"kr\"_-;_-* \"-\"\\ \"kr\"_-;_-@_-", XF_GENERAL, 0,
            "kr");
    info_is("0\"%\"", XF_GENERAL, 0, "%");
    info_is("0%", XF_PERCENT, 0, "");
    info_is("\"Summa: \"0", XF_GENERAL, 0, "Summa:");
    info_is("mmmm d, yyyy", XF_DATE, 0, ""); /* a comma after no placeholder */
    info_is("yyyy-mm-dd \"kl\"", XF_DATE, 0, "");
    info_is("\"Datum: \"@", XF_GENERAL, 0, "");
    info_is("[Red]#,##0,", XF_GENERAL, 1, "");
    /* a literal longer than 31 bytes is cut, never inside a character: 30 a's and an ä */
    info_is("0 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xc3\xa4\"", XF_GENERAL, 0,
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
}

static void test_formats(void **state)
{
    (void)state;
    format_is("General", XF_GENERAL);
    format_is("0", XF_GENERAL);
    format_is("#,##0.00", XF_GENERAL);
    format_is("0.00%", XF_PERCENT);
    format_is("0%;[Red]-0%", XF_PERCENT);
    format_is("[<1]0.0%;0", XF_PERCENT);
    format_is("0.0\" %\"", XF_GENERAL); /* a quoted % does not scale */
    format_is("yyyy-mm-dd", XF_DATE);
    format_is("yyyy\\-mm\\-dd\\ hh:mm", XF_DATE);
    format_is("yyyy-mm-dd hh:mm:ss", XF_DATE);
    format_is("dd/mm/yyyy;@", XF_DATE);
    format_is("m/d/yyyy", XF_DATE);
    format_is("mmm-yy", XF_DATE);
    format_is("mm", XF_DATE); /* a month alone */
    format_is("d", XF_DATE);
    format_is("[$-41D]d\\ mmmm\\ yyyy", XF_DATE);
    format_is("h:mm", XF_TIME);
    format_is("mm:ss", XF_TIME);
    format_is("[h]:mm:ss", XF_TIME);
    format_is("[mm]:ss", XF_TIME);
    format_is("hh:mm AM/PM", XF_TIME);
    format_is("h:mm A/P", XF_TIME);
    format_is("ss", XF_TIME);
    format_is("0\" st\"", XF_GENERAL);
    format_is("#,##0\\ \"kr\"", XF_GENERAL);
    format_is("#,##0\\ \\k\\r", XF_GENERAL);
    format_is("[$kr-41D]\\ #,##0", XF_GENERAL);
    format_is("[Red]0.00;[Blue]-0.00", XF_GENERAL);
    format_is("0.00E+00", XF_GENERAL);
    format_is("##0.0e-0", XF_GENERAL);
    format_is("@", XF_GENERAL);
    format_is("0;-0;0;@", XF_GENERAL);
    format_is("\"Datum: \"@", XF_GENERAL);
    format_is("_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", XF_GENERAL);
    format_is("General\" dagar\"", XF_GENERAL);
    format_is("0*s", XF_GENERAL); /* fill with 's' */
    format_is("", XF_GENERAL);
    assert_int_equal(xv_builtin_class(0), XF_GENERAL);
    assert_int_equal(xv_builtin_class(9), XF_PERCENT);
    assert_int_equal(xv_builtin_class(10), XF_PERCENT);
    assert_int_equal(xv_builtin_class(11), XF_GENERAL);
    assert_int_equal(xv_builtin_class(13), XF_GENERAL);
    for (long id = 14; id <= 17; id++)
        assert_int_equal(xv_builtin_class(id), XF_DATE);
    for (long id = 18; id <= 21; id++)
        assert_int_equal(xv_builtin_class(id), XF_TIME);
    assert_int_equal(xv_builtin_class(22), XF_DATE);
    assert_int_equal(xv_builtin_class(27), XF_GENERAL);
    for (long id = 45; id <= 47; id++)
        assert_int_equal(xv_builtin_class(id), XF_TIME);
    assert_int_equal(xv_builtin_class(49), XF_GENERAL);
}

static void serial_is(double v, int date1904, int cls, int want_k, const char *want)
{
    char got[XV_TEXT_MAX] = "";
    int k = xv_serial_text(v, date1904, cls, got);
    if (k != want_k || (k > 0 && strcmp(got, want) != 0))
        fail_msg("serial %.17g (1904: %d, class %d): %d '%s', expected %d '%s'", v, date1904, cls,
                 k, k > 0 ? got : "", want_k, want);
}

static void test_serials(void **state)
{
    (void)state;
    serial_is(45328, 0, XF_DATE, 10, "2024-02-06");
    serial_is(45292, 0, XF_DATE, 10, "2024-01-01");
    serial_is(1, 0, XF_DATE, 10, "1900-01-01");
    serial_is(59, 0, XF_DATE, 10, "1900-02-28");
    serial_is(60, 0, XF_DATE, -1, "");
    serial_is(60.5, 0, XF_DATE, -1, "");
    serial_is(61, 0, XF_DATE, 10, "1900-03-01");
    serial_is(0, 0, XF_DATE, 8, "00:00:00"); /* Excel's 1900-01-00 is no day */
    serial_is(0.5, 0, XF_DATE, 8, "12:00:00");
    serial_is(-1, 0, XF_DATE, -2, "");
    serial_is(2958465, 0, XF_DATE, 10, "9999-12-31");
    serial_is(2958466, 0, XF_DATE, -2, "");
    serial_is(45328.999999999, 0, XF_DATE, 10, "2024-02-07"); /* 86399.99991 s rounds up */
    serial_is(45328 + 1.0 / 86400, 0, XF_DATE, 19, "2024-02-06 00:00:01");
    serial_is(0, 1, XF_DATE, 10, "1904-01-01");
    serial_is(43866, 1, XF_DATE, 10, "2024-02-06");
    serial_is(43866.75, 1, XF_DATE, 19, "2024-02-06 18:00:00");
    serial_is(0.75, 0, XF_TIME, 8, "18:00:00");
    serial_is(0.75, 1, XF_TIME, 8, "18:00:00");
    serial_is(1.25, 0, XF_TIME, 0, "");
    serial_is(-0.5, 0, XF_TIME, 0, "");
    serial_is(45328.5, 0, XF_TIME, 0, "");
}

static void iso_is(const char *s, const char *want)
{
    char got[XV_TEXT_MAX] = "";
    int k = xv_iso_text(s, strlen(s), got);
    if (want == NULL ? k != -1 : (k < 0 || strcmp(got, want) != 0 || (size_t)k != strlen(want)))
        fail_msg("'%s': %d '%s', expected '%s'", s, k, k > 0 ? got : "", want ? want : "-1");
}

static void test_iso_dates(void **state)
{
    (void)state;
    iso_is("2024-02-06", "2024-02-06");
    iso_is("2024-02-06T00:00:00", "2024-02-06");
    iso_is("2024-02-06T08:30:00Z", "2024-02-06 08:30:00");
    iso_is("2024-02-06T08:30", "2024-02-06 08:30:00");
    iso_is("2024-02-06T08:30:00.000", "2024-02-06 08:30:00");
    iso_is("2024-02-06T23:59:59.6", "2024-02-07");
    iso_is("2024-02-29", "2024-02-29");
    iso_is("2000-02-29", "2000-02-29");
    iso_is("08:30:00", "08:30:00");
    iso_is("2023-02-29", NULL);
    iso_is("1900-02-29", NULL);
    iso_is("2024-02-30", NULL);
    iso_is("2024-13-01", NULL);
    iso_is("2024-00-01", NULL);
    iso_is("2024-2-6", NULL);
    iso_is("2024-02-06T08:30:00+01:00", NULL);
    iso_is("2024-02-06T24:00:00", NULL);
    iso_is("2024-02-06T08:60:00", NULL);
    iso_is("2024-02-06X", NULL);
    iso_is("", NULL);
}

static void unescape_is(const char *s, const char *want)
{
    char buf[128];
    size_t n = strlen(s);
    memcpy(buf, s, n);
    n = xv_unescape(buf, n);
    if (n != strlen(want) || memcmp(buf, want, n) != 0)
        fail_msg("'%s': '%.*s', expected '%s'", s, (int)n, buf, want);
}

static void test_unescape(void **state)
{
    (void)state;
    unescape_is("a_x000D_b", "a\rb");
    unescape_is("_x005F_x0041_", "_x0041_");
    unescape_is("_x00E4__x00e4_", "\xc3\xa4\xc3\xa4");
    unescape_is("_xD83D__xDE00_", "\xf0\x9f\x98\x80");
    unescape_is("_xD83D_", "_xD83D_"); /* a lone surrogate stays as written */
    unescape_is("_xDE00__xD83D_", "_xDE00__xD83D_");
    unescape_is("_x0000_", "_x0000_"); /* no NUL in a cell */
    unescape_is("_x20AC", "_x20AC");   /* unterminated */
    unescape_is("_xG000_", "_xG000_");
    unescape_is("snake_case_x", "snake_case_x");
    unescape_is("_x20AC_", "\xe2\x82\xac");
}

static void ref_is(const char *s, long col, long row)
{
    uint32_t c = 7, r = 7;
    int ok = xv_parse_ref(s, &c, &r);
    if (col < 0 ? ok : (!ok || c != (uint32_t)col || r != (uint32_t)row))
        fail_msg("'%s': %d (%u, %u), expected (%ld, %ld)", s, ok, c, r, col, row);
    if (col >= 0) {
        char back[16];
        xv_ref((size_t)col, (size_t)row, back);
        assert_string_equal(back, s);
    }
}

static void test_refs(void **state)
{
    (void)state;
    ref_is("A1", 0, 1);
    ref_is("Z7", 25, 7);
    ref_is("AA7", 26, 7);
    ref_is("ZZ1", 701, 1);
    ref_is("AAA1", 702, 1);
    ref_is("XFD1048576", 16383, 1048576);
    ref_is("XFE1", 16384, 1);
    ref_is("a1", -1, 0);
    ref_is("A0", -1, 0);
    ref_is("A01", -1, 0);
    ref_is("1A", -1, 0);
    ref_is("A", -1, 0);
    ref_is("$A$1", -1, 0);
    ref_is("AAAAA1", -1, 0);
    ref_is("A123456789", -1, 0);
    ref_is("A1 ", -1, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kommuner),      cmocka_unit_test(test_values),
        cmocka_unit_test(test_date1904),      cmocka_unit_test(test_pxweb),
        cmocka_unit_test(test_libreoffice),   cmocka_unit_test(test_parts),
        cmocka_unit_test(test_merges),        cmocka_unit_test(test_many_rows),
        cmocka_unit_test(test_openpyxl),      cmocka_unit_test(test_cells_cap),
        cmocka_unit_test(test_refused_parts), cmocka_unit_test(test_refused_sheets),
        cmocka_unit_test(test_refused_cells), cmocka_unit_test(test_api_edges),
        cmocka_unit_test(test_message_text),  cmocka_unit_test(test_caller_locale),
#ifdef HAVE_XLSXWRITER
        cmocka_unit_test(test_xlsxwriter),
#endif
        cmocka_unit_test(test_number_text),   cmocka_unit_test(test_number_text_random),
        cmocka_unit_test(test_plain_text),    cmocka_unit_test(test_formats),
        cmocka_unit_test(test_format_info),   cmocka_unit_test(test_serials),
        cmocka_unit_test(test_iso_dates),     cmocka_unit_test(test_unescape),
        cmocka_unit_test(test_refs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
