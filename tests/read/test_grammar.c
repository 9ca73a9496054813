/* Unit tests of the reader's text side: the CSV grid (grid.h), header keys and roles, labels
 * and notes, and the one number grammar (rule 5) for cells, single values and columns of
 * strings. Every expectation is worked by hand in its comment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "grid.h"
#include "internal.h"

/* ---------------------------------------------------------------- the CSV grid */

static size_t cells(const grid *g, size_t rec, grid_cell *out, size_t cap, grid_scratch *sc)
{
    return g->ops->cells(g, rec, out, cap, sc);
}

static void assert_cell(const grid_cell *c, const char *want)
{
    assert_int_equal(c->len, strlen(want));
    assert_memory_equal(c->s, want, c->len);
}

static void test_csv_delimiter_and_records(void **state)
{
    (void)state;
    /* ';' appears once per line in 3 lines, ',' once in one line (a decimal): ';' wins. */
    const char *s = "Kommun;Vikt\nFalun;1,5\nMora;2\n";
    grid g;
    yr_read_error err;
    assert_int_equal(grid_csv_open(s, strlen(s), 1, &g, &err), YR_READ_OK);
    assert_int_equal(g.fmt.delimiter, ';');
    assert_int_equal(g.nrec, 3);
    assert_int_equal(g.max_cells, 2);
    grid_cell c[4];
    grid_scratch sc = {NULL, 0};
    assert_int_equal(cells(&g, 1, c, 4, &sc), 2);
    assert_cell(&c[0], "Falun");
    assert_cell(&c[1], "1,5");
    /* borrowed UTF-8: the cell points into the caller's bytes */
    assert_true(c[0].s >= s && c[0].s < s + strlen(s));
    assert_int_equal(g.ops->line(&g, 2), 3);
    assert_int_equal(g.ops->line(&g, 3), 4); /* one past the last line */
    free(sc.data);
    g.ops->free(&g);
}

static void test_csv_quotes_and_lines(void **state)
{
    (void)state;
    /* Record 1 holds a quoted line break, so record 2 starts on line 4; the doubled quote is
     * undone into the scratch. */
    const char *s = "a,b\n\"x\ny\",\"say \"\"hi\"\"\"\nlast,1\n";
    grid g;
    yr_read_error err;
    assert_int_equal(grid_csv_open(s, strlen(s), 0, &g, &err), YR_READ_OK);
    assert_int_equal(g.nrec, 3);
    assert_int_equal(g.ops->line(&g, 1), 2);
    assert_int_equal(g.ops->line(&g, 2), 4);
    grid_cell c[4];
    grid_scratch sc = {NULL, 0};
    assert_int_equal(cells(&g, 1, c, 4, &sc), 2);
    assert_cell(&c[0], "x\ny");
    assert_cell(&c[1], "say \"hi\"");
    assert_true(c[1].quoted);
    assert_true(c[1].s >= sc.data && c[1].s < sc.data + sc.cap);
    free(sc.data);
    g.ops->free(&g);
}

static void test_csv_errors(void **state)
{
    (void)state;
    grid g;
    yr_read_error err;
    const char *open = "a,b\n1,2\n\"3,4\n";
    assert_int_equal(grid_csv_open(open, strlen(open), 1, &g, &err), YR_READ_ERR_SYNTAX);
    assert_int_equal(err.line, 3);
    const char nul[] = "a,b\n1,\0\n";
    assert_int_equal(grid_csv_open(nul, sizeof nul - 1, 1, &g, &err), YR_READ_ERR_SYNTAX);
    assert_int_equal(err.line, 2);
    const char *after = "a,b\n\"x\"y,2\n";
    assert_int_equal(grid_csv_open(after, strlen(after), 1, &g, &err), YR_READ_ERR_SYNTAX);
    assert_int_equal(err.line, 2);
}

static void test_csv_encodings(void **state)
{
    (void)state;
    grid g;
    yr_read_error err;
    grid_cell c[2];
    grid_scratch sc = {NULL, 0};
    /* Windows-1252: 0xE4 is ä (C3 A4 in UTF-8) */
    const char cp[] = "S\xe4ter;1\n";
    assert_int_equal(grid_csv_open(cp, sizeof cp - 1, 1, &g, &err), YR_READ_OK);
    assert_string_equal(g.fmt.encoding, "Windows-1252");
    cells(&g, 0, c, 2, &sc);
    assert_cell(&c[0], "S\xc3\xa4ter");
    g.ops->free(&g);
    /* UTF-16LE with a BOM: "a;b\n" */
    const char u16[] = "\xff\xfe"
                       "a\0;\0b\0\n\0";
    assert_int_equal(grid_csv_open(u16, sizeof u16 - 1, 1, &g, &err), YR_READ_OK);
    assert_string_equal(g.fmt.encoding, "UTF-16LE");
    assert_int_equal(cells(&g, 0, c, 2, &sc), 2);
    assert_cell(&c[1], "b");
    g.ops->free(&g);
    /* a UTF-8 BOM is dropped and remembered */
    const char bom[] = "\xef\xbb\xbfKommun\n";
    assert_int_equal(grid_csv_open(bom, sizeof bom - 1, 1, &g, &err), YR_READ_OK);
    assert_int_equal(g.fmt.bom, 1);
    cells(&g, 0, c, 2, &sc);
    assert_cell(&c[0], "Kommun");
    g.ops->free(&g);
    free(sc.data);
}

static void test_sniff(void **state)
{
    (void)state;
    int x;
    yr_read_error err;
    assert_int_equal(grid_sniff("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, &x, &err),
                     YR_READ_ERR_FORMAT);
    assert_non_null(strstr(err.message, "Excel-arbetsbok (.xlsx)"));
    const char ods[] = "PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    assert_int_equal(grid_sniff(ods, sizeof ods - 1, &x, &err), YR_READ_ERR_FORMAT);
    assert_non_null(strstr(err.message, ".ods"));
    const char xl[] = "PK\x03\x04....[Content_Types].xml....";
    assert_int_equal(grid_sniff(xl, sizeof xl - 1, &x, &err), YR_READ_OK);
    assert_int_equal(x, 1);
    assert_int_equal(grid_sniff("a,b\n", 4, &x, &err), YR_READ_OK);
    assert_int_equal(x, 0);
}

/* ---------------------------------------------------------------- headers and roles */

static void test_header_key(void **state)
{
    (void)state;
    char k[64];
    assert_int_equal(yr_header_key("Folkmängd 2023", k, sizeof k), YR_READ_OK);
    assert_string_equal(k, "folkm\xc3\xa4ngd");
    yr_header_key("Belopp (tkr)", k, sizeof k);
    assert_string_equal(k, "belopp");
    yr_header_key("Kostnad i kr", k, sizeof k);
    assert_string_equal(k, "kostnad");
    yr_header_key("2023", k, sizeof k); /* a year alone stays */
    assert_string_equal(k, "2023");
    yr_header_key("SCB-kod", k, sizeof k);
    assert_string_equal(k, "scbkod");
    assert_int_equal(yr_header_key("x", k, 1), YR_READ_ERR_LIMIT);
}

static void test_roles(void **state)
{
    (void)state;
    assert_true(yr_role_is_header("Befolkning 31 dec 2023", YR_ROLE_POPULATION));
    assert_true(yr_role_is_header("Antal invånare", YR_ROLE_POPULATION));
    assert_false(yr_role_is_header("Kommunnummer", YR_ROLE_POPULATION));
    assert_true(yr_role_is_header("Kommunnummer", YR_ROLE_CODE));
    assert_true(yr_role_is_header("KnKod", YR_ROLE_CODE));
    assert_true(yr_role_is_header("Andel ja (%)", YR_ROLE_YES_SHARE));
    assert_int_equal(yr_read_role_from_name("yes-share"), YR_ROLE_YES_SHARE);
    assert_int_equal(yr_read_role_from_name("Population"), YR_ROLE_POPULATION);
    assert_int_equal(yr_read_role_from_name("nonsense"), YR_ROLE_NONE);
    assert_string_equal(yr_role_name(YR_ROLE_PARTICIPANT_DAYS), "participant_days");
    /* a course's completed count, the course's number in the header (adversarial pass 7, H7) */
    assert_true(yr_role_is_header("Klarat kurs 2", YR_ROLE_COMPLETED));
    assert_true(yr_role_is_header("course2_completed", YR_ROLE_COMPLETED));
    assert_true(yr_role_is_header("Genomförd kurs 1", YR_ROLE_COMPLETED));
    assert_false(yr_role_is_header("course2_ongoing", YR_ROLE_COMPLETED));
    assert_false(yr_role_is_header("Kurs 2", YR_ROLE_COMPLETED));
    assert_false(yr_role_is_header("Andel genomförda", YR_ROLE_COMPLETED));
    assert_int_equal(yr_read_role_from_name("completed"), YR_ROLE_COMPLETED);
    assert_int_equal(yr_role_kind(YR_ROLE_COMPLETED), YR_KIND_WHOLE);
    assert_int_equal(yr_role_kind(YR_ROLE_POPULATION), YR_KIND_WHOLE);
    assert_int_equal(yr_role_kind(YR_ROLE_WEIGHT), YR_KIND_DECIMAL);
    assert_int_equal(yr_role_kind(YR_ROLE_TARGET), YR_KIND_SHARE);
    /* codes, ids, years and periods are never weights */
    assert_true(rd_header_is_code("id"));
    assert_true(rd_header_is_code("Postnummer"));
    assert_true(rd_header_is_code("Period"));
    assert_true(rd_header_is_code("År"));
    assert_false(rd_header_is_code("Befolkning"));
    /* units and share words of headers */
    assert_int_equal(rd_header_unit("Belopp (tkr)") >> 4, RD_UNIT_TKR);
    assert_int_equal(rd_header_unit("Kostnad Mkr") >> 4, RD_UNIT_MKR);
    assert_int_equal(rd_header_unit("Andel ja") & 15, RD_UNIT_SHARE);
    assert_int_equal(rd_header_unit("Mål (%)") & 15, RD_UNIT_PERCENT);
    assert_int_equal(rd_header_unit("Mål") & 15, 0);
}

static void test_labels_and_notes(void **state)
{
    (void)state;
    assert_int_equal(rd_label_kind("Summa", 5), YR_ROW_TOTAL);
    assert_int_equal(rd_label_kind(" SUMMA: ", 8), YR_ROW_TOTAL);
    assert_int_equal(rd_label_kind("Delsumma", 8), YR_ROW_SUBTOTAL);
    assert_int_equal(rd_label_kind("Summa Västerdalarna", strlen("Summa Västerdalarna")),
                     YR_ROW_SUBTOTAL);
    assert_int_equal(rd_label_kind("00 Riket", 8), YR_ROW_NATION);
    assert_int_equal(rd_label_kind("Hela riket", 10), YR_ROW_NATION);
    /* a county is known by its name (the identity list), not by a label ending in län */
    assert_int_equal(rd_label_kind("20 Dalarnas län", strlen("20 Dalarnas län")), 0);
    assert_int_equal(rd_label_kind("Region Kalmar län", strlen("Region Kalmar län")), 0);
    assert_int_equal(rd_label_kind("Falun", 5), 0);
    assert_int_equal(rd_label_kind("Sumpan", 6), 0); /* a word starting like Sum is not Sum */
    assert_true(rd_is_note("Källa: SCB", strlen("Källa: SCB")));
    assert_true(rd_is_note("Fotnoter:", 9));
    assert_true(rd_is_note("1) Preliminära", strlen("1) Preliminära")));
    assert_false(rd_is_note("Nora", 4)); /* 'No'+letters is no note word */
    assert_false(rd_is_note("Norberg", 7));
}

/* ---------------------------------------------------------------- the grammar */

static yr_read_status column(const char *const *cells, size_t n, yr_read_role role,
                             const char *header, int64_t *out, int64_t *den)
{
    (void)role;
    yr_read_error err;
    return yr_read_strings(cells, n, yr_role_kind(role), header, "test", out, den, &err);
}

static void test_grouping_whole_column(void **state)
{
    (void)state;
    int64_t v[4], den;
    /* every cell of 4+ digits grouped with '.': 22.986 is 22986 */
    const char *a[] = {"22.986", "59.556", "986"};
    assert_int_equal(column(a, 3, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_OK);
    assert_int_equal(den, 1);
    assert_int_equal(v[0], 22986);
    assert_int_equal(v[1], 59556);
    assert_int_equal(v[2], 986);
    /* one cell ungrouped (10184): 22.986 cannot be decided */
    const char *b[] = {"22.986", "10184"};
    assert_int_equal(column(b, 2, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_ERR_CELL);
    /* blanks always group: 1 234 567 and 22 986 */
    const char *c[] = {"1 234 567",
                       ("22\xc2\xa0"
                        "986"),
                       "7"};
    assert_int_equal(column(c, 3, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_OK);
    assert_int_equal(v[0], 1234567);
    assert_int_equal(v[1], 22986);
    /* a fraction in a whole-number role */
    const char *d[] = {"2,5"};
    assert_int_equal(column(d, 1, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_ERR_CELL);
    /* bad groups: 1.23.456 */
    const char *e[] = {"1.23.456"};
    assert_int_equal(column(e, 1, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_ERR_CELL);
}

static void test_decimal_column(void **state)
{
    (void)state;
    int64_t v[4], den;
    /* 1,500 beside 0,25: ',' is the decimal mark -> 1.5 and 0.25, over the common
     * denominator 100 (1,500 is 15/10 once its trailing zeros go): 150 and 25 */
    const char *a[] = {"1,500", "0,25"};
    assert_int_equal(column(a, 2, YR_ROLE_WEIGHT, "Vikt", v, &den), YR_READ_OK);
    assert_int_equal(den, 100);
    assert_int_equal(v[0], 150);
    assert_int_equal(v[1], 25);
    /* 1,500 alone in a decimal role: undecidable */
    const char *b[] = {"1,500", "2,750"};
    assert_int_equal(column(b, 2, YR_ROLE_WEIGHT, "Vikt", v, &den), YR_READ_ERR_CELL);
    /* ... and the message's advice keeps the value either way (adversarial pass 7, H2: "write
     * the numbers without thousands separators" made a rate 2,285 a rate 2285) */
    yr_read_error err;
    assert_int_equal(yr_read_strings(b, 2, YR_KIND_DECIMAL, "Vikt", "vikt", v, &den, &err),
                     YR_READ_ERR_CELL);
    assert_non_null(strstr(err.message, "a decimal with a fourth decimal (1,2340 for 1,234)"));
    assert_null(strstr(err.message, "without thousands separators"));
    /* both marks: 1.234,5 is 1234.5; 1,234.5 is 1234.5 */
    const char *c[] = {"1.234,5", "1,234.5"};
    assert_int_equal(column(c, 2, YR_ROLE_WEIGHT, "Vikt", v, &den), YR_READ_OK);
    assert_int_equal(den, 10);
    assert_int_equal(v[0], 12345);
    assert_int_equal(v[1], 12345);
}

static void test_units(void **state)
{
    (void)state;
    int64_t v[4], den;
    const char *a[] = {"850", "120,5"};
    assert_int_equal(column(a, 2, YR_ROLE_AMOUNT, "Belopp (tkr)", v, &den), YR_READ_OK);
    assert_int_equal(den, 1);
    assert_int_equal(v[0], 850000);
    assert_int_equal(v[1], 120500);
    const char *b[] = {"1,5 Mkr", "2 300:-", "12 kr"};
    assert_int_equal(column(b, 3, YR_ROLE_AMOUNT, "Belopp", v, &den), YR_READ_OK);
    assert_int_equal(v[0], 1500000);
    assert_int_equal(v[1], 2300);
    assert_int_equal(v[2], 12);
    const char *c[] = {"59556 kr"};
    assert_int_equal(column(c, 1, YR_ROLE_POPULATION, "Befolkning", v, &den), YR_READ_ERR_CELL);
}

static void test_values(void **state)
{
    (void)state;
    yr_value v;
    yr_read_error err;
    /* --target 0,8: neither share nor percent -> error; 80 % -> 0.8; 0,8 under andel -> 0.8 */
    assert_int_equal(yr_read_value("0,8", YR_KIND_SHARE, "target", "--target", &v, &err),
                     YR_READ_ERR_CELL);
    assert_non_null(strstr(err.message, "--target"));
    assert_int_equal(yr_read_value("80 %", YR_KIND_SHARE, "target", "--target", &v, &err),
                     YR_READ_OK);
    assert_int_equal(v.num * 10, v.den * 8);
    assert_int_equal(yr_read_value("0,8", YR_KIND_SHARE, "andel", "--target", &v, &err),
                     YR_READ_OK);
    assert_int_equal(v.num * 10, v.den * 8);
    /* a share above 1 */
    assert_int_equal(yr_read_value("77", YR_KIND_SHARE, "andel ja", "x", &v, &err),
                     YR_READ_ERR_CELL);
    /* 1 000 is a thousand in a command-line value too */
    assert_int_equal(yr_read_value("1 000", YR_KIND_WHOLE, NULL, "--total", &v, &err), YR_READ_OK);
    assert_int_equal(v.num, 1000);
    assert_int_equal(v.den, 1);
    /* dates: zero time ok, a time of day not, a serial */
    assert_int_equal(yr_read_value("2024-02-06 00:00:00", YR_KIND_DATE, NULL, "d", &v, &err),
                     YR_READ_OK);
    assert_int_equal(v.num, 19759); /* 2024-02-06 - 1970-01-01: 54 years = 19723, + 36 */
    assert_int_equal(yr_read_value("2024-02-06 08:30", YR_KIND_DATE, NULL, "d", &v, &err),
                     YR_READ_ERR_CELL);
    assert_int_equal(yr_read_value("45328", YR_KIND_DATE, NULL, "d", &v, &err), YR_READ_OK);
    assert_int_equal(v.num, 19759); /* 45328 - 25569 */
    assert_int_equal(yr_read_value("2023-02-29", YR_KIND_DATE, NULL, "d", &v, &err),
                     YR_READ_ERR_CELL);
    /* PxWeb's .. */
    assert_int_equal(yr_read_value("..", YR_KIND_WHOLE, NULL, "x", &v, &err), YR_READ_ERR_CELL);
    assert_non_null(strstr(err.message, "SCB"));
    /* bool */
    assert_int_equal(yr_read_value("Nej", YR_KIND_BOOL, NULL, "x", &v, &err), YR_READ_OK);
    assert_int_equal(v.num, 0);
    /* overflow */
    assert_int_equal(yr_read_value("99999999999999999999", YR_KIND_WHOLE, NULL, "x", &v, &err),
                     YR_READ_ERR_CELL);
}

/* yr_read_day: a date in the grammar as ISO (2024-2-6, a serial, a zero time), a label copied,
 * a date written another way or a column of dates and labels mixed refused at its line. */
static void day_ok(yr_day_column *col, const char *cell, const char *want)
{
    char out[64];
    size_t n = 0;
    yr_read_error e;
    assert_int_equal(yr_read_day(col, cell, strlen(cell), 7, out, sizeof out, &n, &e), YR_READ_OK);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void day_refused(yr_day_column *col, const char *cell, const char *words)
{
    char out[64];
    yr_read_error e;
    assert_int_equal(yr_read_day(col, cell, strlen(cell), 9, out, sizeof out, NULL, &e),
                     YR_READ_ERR_CELL);
    assert_int_equal(e.line, 9);
    assert_non_null(strstr(e.message, words));
}

static void test_read_day(void **state)
{
    (void)state;
    yr_day_column dates = {0, 0, NULL}, labels = {0, 0, "t.csv"};
    day_ok(&dates, "2024-02-06", "2024-02-06");
    day_ok(&dates, " 2024-2-6 ", "2024-02-06");
    day_ok(&dates, "45328", "2024-02-06"); /* Excel's serial of 2024-02-06 */
    day_ok(&dates, "2024-10-2 00:00", "2024-10-02");
    day_refused(&dates, "6 feb 2024", "2024-02-06 (also read: 2024-2-6");
    day_refused(&dates, "6/2/2024", "6/2/2024");
    day_refused(&dates, "2024-13-45", "2024-13-45");
    day_refused(&dates, "d1", "the days from line 7 are dates");
    day_refused(&dates, "", "empty");
    day_ok(&labels, "d1", "d1");
    day_ok(&labels, "Dag 3\xc2\xa0", "Dag 3");
    day_ok(&labels, "1", "1"); /* course day 1, never a date */
    day_refused(&labels, "2024-02-06", "the days from line 7 of t.csv are labels");
    char tiny[4];
    yr_read_error e;
    assert_int_equal(yr_read_day(&labels, "d12345", 6, 1, tiny, sizeof tiny, NULL, &e),
                     YR_READ_ERR_LIMIT);
    assert_int_equal(yr_read_day(NULL, "d1", 2, 1, tiny, sizeof tiny, NULL, &e), YR_READ_ERR_NULL);
}

/* yr_read_day_warning: the sentence `yrkesresa pot` prints for a trainer day without
 * participants, and the one of a day with participants and no trainer; cut like snprintf. */
static void test_day_warning(void **state)
{
    (void)state;
    char buf[160];
    size_t n = yr_read_day_warning("2024-02-07", YR_DAY_NO_PARTICIPANTS, 0, buf, sizeof buf);
    assert_string_equal(buf,
                        "day '2024-02-07' has trainers but no participants (nothing to share)");
    assert_int_equal(n, strlen(buf));
    yr_read_day_warning("Dag 3", YR_DAY_NO_TRAINER, 6000, buf, sizeof buf);
    assert_string_equal(buf, "day 'Dag 3' has participants but no trainer (its pot 6000 is "
                             "undistributed)");
    char tiny[8];
    n = yr_read_day_warning("2024-02-07", YR_DAY_NO_PARTICIPANTS, 0, tiny, sizeof tiny);
    assert_string_equal(tiny, "day '20");
    assert_true(n > sizeof tiny);
    assert_int_equal(yr_read_day_warning(NULL, YR_DAY_NO_PARTICIPANTS, 0, NULL, 0), n - 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_delimiter_and_records),
        cmocka_unit_test(test_csv_quotes_and_lines),
        cmocka_unit_test(test_csv_errors),
        cmocka_unit_test(test_csv_encodings),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_header_key),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_labels_and_notes),
        cmocka_unit_test(test_grouping_whole_column),
        cmocka_unit_test(test_decimal_column),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_read_day),
        cmocka_unit_test(test_day_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
