/* Unit tests of the rules of a table being checked (read.h): yr_table_label_column(),
 * yr_label_column_of(), yr_table_checked_total_row() / yr_checked_total_row(),
 * yr_table_statement_columns() and yr_table_is_statement(). Each case is worked by hand in its
 * comment, and each would fail if the rule were another (only ::YR_ROW_TOTAL as the total, the
 * first aggregate, a code column as an item, ...). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/read.h"

#define LAN "Dalarnas l\xC3\xA4n"

/* The request of `stats check`: the label roles, none required. */
static const yr_read_want LABELS[] = {{YR_ROLE_MUNICIPALITY, 0u},
                                      {YR_ROLE_CODE, 0u},
                                      {YR_ROLE_COURSE, 0u},
                                      {YR_ROLE_ITEM, 0u},
                                      {YR_ROLE_QUESTION, 0u}};
/* The request of `audit` of a statement. */
static const yr_read_want STATEMENT[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                         {YR_ROLE_YEAR, YR_WANT_UNIQUE},
                                         {YR_ROLE_CODE, 0},
                                         {YR_ROLE_POPULATION, YR_WANT_CHECKED | YR_WANT_BLANK_OK}};

static yr_table *read_with(const char *s, const yr_read_want *w, size_t nw)
{
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = w;
    o.nwant = nw;
    yr_table *t = NULL;
    yr_read_error err;
    yr_read_status st = yr_read_table(s, strlen(s), &o, &t, &err);
    if (st != YR_READ_OK)
        fail_msg("%s: %s", yr_read_status_name(st), err.message);
    return t;
}

static yr_table *read_labels(const char *s)
{
    return read_with(s, LABELS, sizeof LABELS / sizeof LABELS[0]);
}

/* ---------------------------------------------------------------- the total row */

/* Two total rows (lines 4 and 5): an error at the second naming the first; no row. */
static void test_two_total_rows(void **state)
{
    (void)state;
    yr_table *t = read_labels("Kommun,Konton\nFalun,3\nMora,1\nSumma,4\nTotalt,4\n");
    size_t row = 7;
    yr_read_error err;
    assert_int_equal(yr_table_checked_total_row(t, 0, &row, &err), YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.other_line, 4);
    assert_string_equal(err.message, "a second total row (the first is on line 4)");
    assert_true(row == YR_READ_NONE);
    yr_table_free(t);
}

/* SCB's table ends with the county (adversarial6 G10): its one aggregate row, the county, is the
 * total (row 15, line 17), not "no total row". */
static void test_county_as_the_only_aggregate(void **state)
{
    (void)state;
    yr_table *t = read_labels("kommun,konton\nAvesta,181\nBorl\xC3\xA4nge,546\nFalun,427\n"
                              "Gagnef,62\nHedemora,78\nLeksand,0\nLudvika,165\n"
                              "Malung-S\xC3\xA4len,55\nMora,3\nOrsa,0\nR\xC3\xA4ttvik,10\n"
                              "Smedjebacken,53\nS\xC3\xA4ter,40\nVansbro,4\n\xC3\x84lvdalen,1\n" LAN
                              ",1625\n");
    size_t row;
    yr_read_error err;
    assert_int_equal(yr_table_row_kind(t, 15), YR_ROW_COUNTY);
    assert_int_equal(yr_table_checked_total_row(t, 1, &row, &err), YR_READ_OK);
    assert_int_equal(row, 15);
    assert_int_equal(yr_table_row_line(t, row), 17);
    yr_table_free(t);
}

/* The nation beside a county, no total: neither is the total (two aggregates), so none; required,
 * the library's sentence. With a Summa line as well, Summa is the total, not the county. */
static void test_nation_beside_county(void **state)
{
    (void)state;
    yr_table *t = read_labels("Kommun,Konton\nFalun,3\nMora,1\n" LAN ",4\nRiket,4\n");
    size_t row = 0;
    yr_read_error err;
    assert_int_equal(yr_table_row_kind(t, 2), YR_ROW_COUNTY);
    assert_int_equal(yr_table_row_kind(t, 3), YR_ROW_NATION);
    assert_int_equal(yr_table_checked_total_row(t, 0, &row, &err), YR_READ_OK);
    assert_true(row == YR_READ_NONE);
    assert_int_equal(yr_table_checked_total_row(t, 1, &row, &err), YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 0);
    assert_non_null(strstr(err.message, "no total row"));
    yr_table_free(t);
    t = read_labels("Kommun,Konton\nFalun,3\nMora,1\n" LAN ",4\nSumma,4\n");
    assert_int_equal(yr_table_checked_total_row(t, 1, &row, &err), YR_READ_OK);
    assert_int_equal(row, 3);
    yr_table_free(t);
}

/* The rule over kinds (a frame's): a county alone is the total; a subtotal alone is not; two
 * totals an error at the second's line (lines given: 11 and 13); positions when no lines. */
static void test_total_row_of_kinds(void **state)
{
    (void)state;
    const yr_row_kind county[] = {YR_ROW_DATA, YR_ROW_DATA, YR_ROW_COUNTY};
    const yr_row_kind nation[] = {YR_ROW_NATION, YR_ROW_DATA, YR_ROW_DATA};
    const yr_row_kind sub[] = {YR_ROW_DATA, YR_ROW_SUBTOTAL, YR_ROW_DATA};
    const yr_row_kind two[] = {YR_ROW_DATA, YR_ROW_TOTAL, YR_ROW_DATA, YR_ROW_TOTAL};
    const size_t lines[] = {10, 11, 12, 13};
    size_t row;
    yr_read_error err;
    assert_int_equal(yr_checked_total_row(county, 3, NULL, 0, &row, &err), YR_READ_OK);
    assert_int_equal(row, 2);
    assert_int_equal(yr_checked_total_row(nation, 3, NULL, 0, &row, &err), YR_READ_OK);
    assert_int_equal(row, 0);
    assert_int_equal(yr_checked_total_row(sub, 3, NULL, 0, &row, &err), YR_READ_OK);
    assert_true(row == YR_READ_NONE);
    assert_int_equal(yr_checked_total_row(two, 4, lines, 0, &row, &err), YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 13);
    assert_int_equal(err.other_line, 11);
    assert_string_equal(err.message, "a second total row (the first is on line 11)");
    assert_int_equal(yr_checked_total_row(two, 4, NULL, 0, &row, &err), YR_READ_ERR_AGGREGATE);
    assert_string_equal(err.message, "a second total row (the first is on line 2)");
    assert_int_equal(yr_checked_total_row(NULL, 0, NULL, 1, &row, &err), YR_READ_ERR_AGGREGATE);
    assert_int_equal(yr_checked_total_row(NULL, 1, NULL, 0, &row, &err), YR_READ_ERR_NULL);
    assert_int_equal(yr_table_checked_total_row(NULL, 0, &row, &err), YR_READ_ERR_NULL);
}

/* ---------------------------------------------------------------- the label column */

/* The municipality column beats an item column before it; a course column after a number
 * column is the label; no label column: the first column. */
static void test_label_column(void **state)
{
    (void)state;
    yr_table *t = read_labels("Post,Kommun,Belopp\nA,Falun,3\nB,Mora,1\n");
    assert_int_equal(yr_table_label_column(t), 1);
    yr_table_free(t);
    t = read_labels("Anm\xC3\xA4lda,Kurs\n5,Bas\n7,Fortsättning\n");
    assert_int_equal(yr_table_label_column(t), 1);
    yr_table_free(t);
    t = read_labels("A,B\n1,2\n");
    assert_int_equal(yr_table_label_column(t), 0);
    yr_table_free(t);
}

/* The same rule by headers: municipality first wherever it stands, else the first course, item
 * or question; a code column (Kommunkod) is no label; none: ::YR_READ_NONE. */
static void test_label_column_of_headers(void **state)
{
    (void)state;
    const char *a[] = {"Befolkning", "Kommun"};
    const char *b[] = {"Anm\xC3\xA4lda", "Kurs"};
    const char *c[] = {"Fr\xC3\xA5ga", "Kommun"};
    const char *d[] = {"Kommunkod", "Post", "Kurs"};
    const char *e[] = {"Befolkning", "Belopp", NULL};
    assert_int_equal(yr_label_column_of(a, 2), 1);
    assert_int_equal(yr_label_column_of(b, 2), 1);
    assert_int_equal(yr_label_column_of(c, 2), 1);
    assert_int_equal(yr_label_column_of(d, 3), 1);
    assert_true(yr_label_column_of(e, 3) == YR_READ_NONE);
    assert_true(yr_label_column_of(NULL, 0) == YR_READ_NONE);
}

/* ---------------------------------------------------------------- a statement's columns */

/* A Kommunkod column between the name and the items is no item: items 2 and 3; total 4; fees,
 * kickback and net by their Swedish names. */
static void test_statement_kommunkod(void **state)
{
    (void)state;
    yr_table *t = read_with("Kommun,Kommunkod,Samordning,Utbildning,Totalt,Avgifter,"
                            "\xC3\x85terbetalning,Netto\n"
                            "Falun,2080,70,30,100,10,5,105\nMora,2062,35,15,50,0,0,50\n"
                            "Summa,,105,45,150,10,5,155\n",
                            STATEMENT, 4);
    yr_statement_columns sc;
    size_t items[8];
    yr_read_error err;
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 8, &err), YR_READ_OK);
    assert_int_equal(sc.name, 0);
    assert_int_equal(sc.total, 4);
    assert_int_equal(sc.nitems, 2);
    assert_int_equal(items[0], 2);
    assert_int_equal(items[1], 3);
    assert_int_equal(sc.fees, 5);
    assert_int_equal(sc.kickback, 6);
    assert_int_equal(sc.net, 7);
    assert_true(sc.year == YR_READ_NONE);
    assert_int_equal(yr_table_is_statement(t), 1);
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 1, &err), YR_READ_ERR_LIMIT);
    yr_table_free(t);
}

/* A total renamed by hand ('Att betala') is the total when the items add up to it on the Summa
 * line (70 + 30 = 100); the same table whose Summa says 101 is no statement (a published split's
 * column beside its amount). */
static void test_statement_renamed_total(void **state)
{
    (void)state;
    yr_table *t = read_with("Kommun,Samordning,Utbildning,Att betala\nFalun,50,20,70\n"
                            "Mora,20,10,30\nSumma,70,30,100\n",
                            STATEMENT, 4);
    yr_statement_columns sc;
    size_t items[4];
    yr_read_error err;
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 4, &err), YR_READ_OK);
    assert_int_equal(sc.total, 3);
    assert_int_equal(sc.nitems, 2);
    assert_true(sc.fees == YR_READ_NONE && sc.net == YR_READ_NONE);
    yr_table_free(t);
    t = read_with("Kommun,Samordning,Utbildning,Att betala\nFalun,50,20,70\n"
                  "Mora,20,10,31\nSumma,70,30,101\n",
                  STATEMENT, 4);
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 4, &err), YR_READ_ERR_HEADER);
    assert_int_equal(yr_table_is_statement(t), 0);
    yr_table_free(t);
}

/* No item columns: only a Kommunkod between the name and the total, or nothing: not a
 * statement, in the library's words. A population between them is a published split. */
static void test_statement_no_items(void **state)
{
    (void)state;
    const char *msg = "not a statement: no item columns between the municipality column and a "
                      "column 'total' (or 'totalt')";
    yr_statement_columns sc;
    size_t items[4];
    yr_read_error err;
    yr_table *t = read_with("Kommun,Kommunkod,Totalt\nFalun,2080,5\nMora,2062,3\n", STATEMENT, 4);
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 4, &err), YR_READ_ERR_HEADER);
    assert_string_equal(err.message, msg);
    assert_int_equal(yr_table_is_statement(t), 0);
    yr_table_free(t);
    t = read_with("Kommun,Totalt\nFalun,5\n", STATEMENT, 4);
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 4, &err), YR_READ_ERR_HEADER);
    assert_string_equal(err.message, msg);
    yr_table_free(t);
    t = read_with("kommun,befolkning,total\nFalun,59000,590\nMora,20000,200\n", STATEMENT, 4);
    assert_int_equal(yr_table_statement_columns(t, &sc, items, 4, &err), YR_READ_OK);
    assert_int_equal(sc.nitems, 1);
    assert_int_equal(yr_table_is_statement(t), 0);
    yr_table_free(t);
    assert_int_equal(yr_table_is_statement(NULL), 0);
    assert_int_equal(yr_table_statement_columns(NULL, &sc, items, 4, &err), YR_READ_ERR_NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_total_rows),
        cmocka_unit_test(test_county_as_the_only_aggregate),
        cmocka_unit_test(test_nation_beside_county),
        cmocka_unit_test(test_total_row_of_kinds),
        cmocka_unit_test(test_label_column),
        cmocka_unit_test(test_label_column_of_headers),
        cmocka_unit_test(test_statement_kommunkod),
        cmocka_unit_test(test_statement_renamed_total),
        cmocka_unit_test(test_statement_no_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
