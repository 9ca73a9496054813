/* Unit tests of yr_read_table() and the table's functions: cells, values over one denominator,
 * data rows beside aggregates, rows left out, spans, identities, joins, the reading line, and
 * yr_read_classify() for frames. Expectations are worked by hand in the comments. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/identity.h"
#include "yrkesresa/read.h"

static const yr_read_want MP[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                  {YR_ROLE_POPULATION, YR_WANT_REQUIRED}};

static yr_table *read_text(const char *s, const yr_read_want *w, size_t nw, yr_totals totals,
                           yr_read_error *err, yr_read_status want)
{
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = w;
    o.nwant = nw;
    o.totals = totals;
    yr_table *t = NULL;
    yr_read_status st = yr_read_table(s, strlen(s), &o, &t, err);
    if (st != want)
        fail_msg("status %s, expected %s: %s", yr_read_status_name(st), yr_read_status_name(want),
                 err->message);
    return t;
}

/* Three parties and their weights (1,5 2 0,25); the first name has doubled quotes. */
static yr_table *read_parties(yr_read_error *err)
{
    const yr_read_want w[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED},
                              {YR_ROLE_WEIGHT, YR_WANT_REQUIRED}};
    return read_text("Part;Vikt\n\"ABF \"\"Dalarna\"\"\";1,5\nBilda;2\nSV;0,25\n", w, 2,
                     YR_TOTALS_CHECK, err, YR_READ_OK);
}

/* A column read once and kept (rows of 16 bytes or more): a value too large for the kept
 * 4 bytes (3 000 000 000), a grouped one, a plain one and one with blanks around it come back
 * exact, over den 1, from yr_table_column_values() and yr_table_value(). */
static void test_kept_values(void **state)
{
    (void)state;
    yr_read_error err;
    yr_table *t = read_text("Kommun,Befolkning\nUpplands V\xC3\xA4sby,3000000000\n"
                            "Vallentuna,35 000\n\xC3\x96ster\xC3\xA5ker,1234\n"
                            "V\xC3\xA4rmd\xC3\xB6,  47000 \n",
                            MP, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    int64_t v[4], den;
    assert_int_equal(yr_table_ndata(t), 4);
    assert_int_equal(yr_table_column_values(t, 1, v, &den, &err), YR_READ_OK);
    assert_int_equal(den, 1);
    assert_true(v[0] == INT64_C(3000000000));
    assert_int_equal(v[1], 35000);
    assert_int_equal(v[2], 1234);
    assert_int_equal(v[3], 47000);
    yr_value one;
    assert_int_equal(yr_table_value(t, 0, 1, &one), YR_READ_OK);
    assert_true(one.num == INT64_C(3000000000) && one.den == 1);
    yr_table_free(t);
}

/* The unit a column is written to (yr_table_column_unit), worked out by hand: the place of the
 * last digit written, after the header's or the cell's unit; the finest cell decides. */
static void unit_is(const char *text, int want)
{
    static const yr_read_want w[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                     {YR_ROLE_AMOUNT, YR_WANT_REQUIRED | YR_WANT_CHECKED}};
    yr_read_error err;
    yr_table *t = read_text(text, w, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    int e = -99;
    assert_int_equal(yr_table_column_unit(t, 1, &e, &err), YR_READ_OK);
    if (e != want)
        fail_msg("%s: unit 10^%d, expected 10^%d", text, e, want);
    yr_table_free(t);
}

static void test_column_unit(void **state)
{
    (void)state;
    unit_is("Kommun;Belopp (tkr)\nFalun;290\nMora;98\nSumma;388\n", 3);
    unit_is("Kommun;Belopp\nFalun;290 tkr\nMora;98 tkr\n", 3);
    unit_is("Kommun;Kostnad (Mkr)\nFalun;0,290\nMora;0,098\n", 3); /* three decimals of Mkr */
    unit_is("Kommun;Kostnad (Mkr)\nFalun;0,29\nMora;0,098\n", 3);  /* the finest cell */
    unit_is("Kommun;Kostnad (Mkr)\nFalun;1\nMora;2\n", 6);
    unit_is("Kommun;Belopp (tkr)\nFalun;290,5\nMora;98\n", 2);
    unit_is("Kommun;Belopp\nFalun;290 000\nMora;98 000\n", 0); /* kronor, written so */
    unit_is("Kommun;Belopp\nFalun;290000\nMora;98 tkr\n", 0);
    unit_is("Kommun;Belopp\nFalun;120,50\nMora;98\n", -2);
    yr_read_error err;
    yr_table *t =
        read_text("Kommun;Befolkning\nFalun;59000\n", MP, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    int e;
    assert_int_equal(yr_table_column_unit(t, 0, &e, &err), YR_READ_ERR_OPTION); /* names */
    assert_int_equal(yr_table_column_unit(t, 1, &e, &err), YR_READ_OK);
    assert_int_equal(e, 0);
    assert_int_equal(yr_table_column_unit(NULL, 1, &e, &err), YR_READ_ERR_NULL);
    yr_table_free(t);
}

static void test_cells_and_values(void **state)
{
    (void)state;
    yr_read_error err;
    yr_table *t = read_parties(&err);
    size_t len;
    const char *c = yr_table_cell(t, 0, 0, &len);
    /* the doubled quotes undone, and the pointer stays valid after other calls */
    yr_table_cell(t, 1, 0, NULL);
    yr_table_cell(t, 2, 1, NULL);
    assert_int_equal(len, strlen("ABF \"Dalarna\""));
    assert_memory_equal(c, "ABF \"Dalarna\"", len);
    int64_t v[3], den;
    /* 1,5 2 0,25 over the common denominator 100: 150 200 25 */
    assert_int_equal(yr_table_column_values(t, 1, v, &den, &err), YR_READ_OK);
    assert_int_equal(den, 100);
    assert_int_equal(v[0], 150);
    assert_int_equal(v[1], 200);
    assert_int_equal(v[2], 25);
    yr_value one;
    assert_int_equal(yr_table_value(t, 2, 1, &one), YR_READ_OK);
    assert_int_equal(one.num * 4, one.den);                              /* 0,25 */
    assert_int_equal(yr_table_value(t, 0, 0, &one), YR_READ_ERR_OPTION); /* text */
    assert_int_equal(yr_table_cell_type(t, 0, 1), YR_CELL_NUMBER);
    assert_int_equal(yr_table_cell_type(t, 0, 0), YR_CELL_TEXT);
    assert_string_equal(yr_table_format(t)->format, "csv");
    assert_int_equal(yr_table_format(t)->delimiter, ';');
    assert_int_equal(yr_table_format(t)->decimal_mark, ',');
    yr_table_free(t);
}

static void test_data_rows_and_spans(void **state)
{
    (void)state;
    yr_read_error err;
    /* lines: 1 title, 2 empty, 3 header, 4-5 data, 6 Delsumma (30), 7 data, 8 Summa (70),
     * 9 empty, 10 note */
    const char *s = "Befolkning per kommun\n\nKommun;Befolkning\nFalun;10\nMora;20\n"
                    "Delsumma;30\nLeksand;40\nSumma;70\n\nKälla: SCB\n";
    yr_table *t = read_text(s, MP, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    assert_int_equal(yr_table_nrows(t), 5);
    assert_int_equal(yr_table_ndata(t), 3);
    assert_int_equal(yr_table_data_row(t, 0), 0);
    assert_int_equal(yr_table_data_row(t, 2), 3); /* Leksand, after the Delsumma */
    assert_int_equal(yr_table_data_row(t, 3), YR_READ_NONE);
    assert_int_equal(yr_table_row_kind(t, 2), YR_ROW_SUBTOTAL);
    assert_int_equal(yr_table_row_kind(t, 4), YR_ROW_TOTAL);
    assert_int_equal(yr_table_row_line(t, 4), 8);
    yr_span sp[16];
    size_t n = yr_table_spans(t, sp, 16), lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += sp[i].last - sp[i].first + 1;
    assert_int_equal(lines, 10); /* every line accounted for */
    assert_int_equal(sp[0].kind, YR_SPAN_TITLE);
    assert_int_equal(sp[0].last, 2);
    assert_int_equal(sp[n - 1].kind, YR_SPAN_NOTE);
    yr_aggregate_check chk[4];
    assert_int_equal(yr_table_aggregate_checks(t, 1, chk, 4), 2);
    assert_int_equal(chk[0].row, 2);
    assert_int_equal(chk[0].stated, 30);
    assert_int_equal(chk[0].sum, 30);
    assert_int_equal(chk[0].first_row, 0);
    assert_int_equal(chk[0].last_row, 1);
    assert_int_equal(chk[1].sum, 70);
    char r[256];
    yr_table_reading(t, "en", r, sizeof r);
    assert_string_equal(r, "read 3 municipalities from column 'Befolkning', total row at line 8,"
                           " subtotal row at line 6, lines 1\xE2\x80\x93"
                           "2 title, line 10 note");
    /* truncated to a character boundary, the full length returned */
    size_t full = yr_table_reading(t, "sv", r, 6);
    assert_true(full > 6);
    assert_string_equal(r, "l\xc3\xa4st"); /* "läste" is 6 bytes: 5 fit with the NUL */
    yr_table_free(t);
}

static void test_ignore_leaves_rows_out(void **state)
{
    (void)state;
    yr_read_error err;
    const char *s = "Kommun;Befolkning\nFalun;10\nMora;20\nSumma;31\nLeksand;5\n";
    read_text(s, MP, 2, YR_TOTALS_CHECK, &err, YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "says 31"));
    assert_non_null(strstr(err.message, "add up to 35")); /* 10 + 20 + 5: every data row */
    yr_table *t = read_text(s, MP, 2, YR_TOTALS_IGNORE, &err, YR_READ_OK);
    assert_int_equal(yr_table_nrows(t), 3);
    assert_int_equal(yr_table_row_line(t, 2), 5);
    assert_int_equal(yr_table_aggregate_checks(t, 1, NULL, 0), 0);
    size_t len;
    const char *c = yr_table_cell(t, 2, 0, &len);
    assert_memory_equal(c, "Leksand", len);
    yr_table_free(t);
}

static void test_guess(void **state)
{
    (void)state;
    yr_read_error err;
    /* 30 = 10 + 20 above it: refused, unless NO_GUESS */
    const char *s = "Part;Vikt\nA;10\nB;20\nC;30\nD;7\n";
    const yr_read_want w[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED},
                              {YR_ROLE_WEIGHT, YR_WANT_REQUIRED}};
    read_text(s, w, 2, YR_TOTALS_CHECK, &err, YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.other_line, 2);
    yr_table *t = read_text(s, w, 2, YR_TOTALS_NO_GUESS, &err, YR_READ_OK);
    assert_int_equal(yr_table_ndata(t), 4);
    yr_table_free(t);
    /* zeros never count: 0 = 0 + 0 */
    t = read_text("Part;Vikt\nA;0\nB;0\nC;0\n", w, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    yr_table_free(t);
}

static void test_identities_and_join(void **state)
{
    (void)state;
    yr_read_error err;
    yr_table *pop = read_text("\"region\",\"Befolkning\"\n\"2080 Falun\",59556\n"
                              "\"2081 Borlänge\",52415\n\"2062 Mora\",20418\n",
                              MP, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    const yr_read_want w[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                              {YR_ROLE_AMOUNT, YR_WANT_REQUIRED}};
    yr_table *costs = read_text("Kommun;Belopp\nMORA;100\nFalu kommun;200\n", w, 2, YR_TOTALS_CHECK,
                                &err, YR_READ_OK);
    size_t map[2];
    assert_int_equal(yr_table_join(pop, costs, "population", 1, map, &err), YR_READ_OK);
    assert_int_equal(map[0], 2); /* MORA -> Mora, the third row */
    assert_int_equal(map[1], 0); /* Falu kommun -> 2080 Falun */
    yr_identity id;
    assert_int_equal(yr_table_identity(costs, 1, &id), YR_READ_OK);
    assert_int_equal(id.place, YR_PLACE_MUNICIPALITY);
    assert_int_equal(id.code, 2080);
    assert_string_equal(id.key, "falun");
    yr_table *other =
        read_text("Kommun;Belopp\nLeksand;5\n", w, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    assert_int_equal(yr_table_join(pop, other, "population", 1, map, &err), YR_READ_ERR_IDENTITY);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "Leksand"));
    assert_non_null(strstr(err.message, "population"));
    yr_table_free(other);
    /* a free name: its key through yr_table_identity_key */
    yr_table *org =
        read_text("Part;Belopp\nABF  Dalarna;5\n", w, 2, YR_TOTALS_CHECK, &err, YR_READ_OK);
    char key[64];
    size_t klen;
    assert_int_equal(yr_table_identity(org, 0, &id), YR_READ_OK);
    assert_int_equal(id.place, YR_PLACE_OTHER);
    assert_null(id.key);
    assert_int_equal(yr_table_identity_key(org, 0, key, sizeof key, &klen), YR_READ_OK);
    assert_string_equal(key, "abf dalarna");
    yr_table_free(org);
    yr_table_free(pop);
    yr_table_free(costs);
}

/* Statistic rows and a row below the total, in frames as in files (rule 4), by hand. */
static void test_classify_statistics(void **state)
{
    (void)state;
    yr_read_error err;
    yr_row_kind k[5];
    const int64_t v3[] = {10, 20, 15}, v4[] = {10, 20, 30, 5};
    const int64_t *c3[] = {v3}, *c4[] = {v4};
    const char *mean[] = {"Falun", "Mora", "Medelv\xc3\xa4rde"};
    assert_int_equal(yr_read_classify(mean, 3, c3, 1, YR_TOTALS_CHECK, 1, k, &err),
                     YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "'Medelv\xc3\xa4rde'"));
    const char *lowest[] = {"Falun", "Mora", "L\xc3\xa4gsta v\xc3\xa4rde:"};
    assert_int_equal(yr_read_classify(lowest, 3, c3, 1, YR_TOTALS_CHECK, 1, k, &err),
                     YR_READ_ERR_AGGREGATE);
    /* 10 + 20 = 30 is the Summa; 'Övrigt' 5 below it is blamed, never the Summa */
    const char *below[] = {"Falun", "Mora", "Summa", "\xc3\x96vrigt"};
    assert_int_equal(yr_read_classify(below, 4, c4, 1, YR_TOTALS_CHECK, 1, k, &err),
                     YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.other_line, 3);
    assert_non_null(strstr(err.message, "below the total row 'Summa'"));
    /* names that start with such words are parties */
    const char *names[] = {"Max Svensson", "Medel fr\xc3\xa5n Region Dalarna", "Minnesg\xc3\xa5va"};
    assert_int_equal(yr_read_classify(names, 3, c3, 1, YR_TOTALS_CHECK, 1, k, &err), YR_READ_OK);
    assert_int_equal(k[0], YR_ROW_DATA);
    assert_int_equal(k[1], YR_ROW_DATA);
    assert_int_equal(k[2], YR_ROW_DATA);
}

static void test_classify(void **state)
{
    (void)state;
    yr_read_error err;
    yr_row_kind k[5];
    const char *labels[] = {"Falun", "Mora", "Summa"};
    const int64_t good[] = {10, 20, 30}, bad[] = {10, 20, 31};
    const int64_t *cols[] = {good};
    assert_int_equal(yr_read_classify(labels, 3, cols, 1, YR_TOTALS_CHECK, 0, k, &err), YR_READ_OK);
    assert_int_equal(k[2], YR_ROW_TOTAL);
    cols[0] = bad;
    assert_int_equal(yr_read_classify(labels, 3, cols, 1, YR_TOTALS_CHECK, 0, k, &err),
                     YR_READ_ERR_AGGREGATE);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "31"));
    assert_non_null(strstr(err.message, "30"));
    assert_int_equal(yr_read_classify(labels, 3, cols, 1, YR_TOTALS_IGNORE, 0, k, &err),
                     YR_READ_OK);
    const char *dup[] = {"Falun", "Mora", "FALUN"};
    cols[0] = good;
    assert_int_equal(yr_read_classify(dup, 3, cols, 1, YR_TOTALS_NO_GUESS, 0, k, &err),
                     YR_READ_ERR_IDENTITY);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.other_line, 1);
    const char *typo[] = {"Falun", "Borlange", "Mora"};
    assert_int_equal(yr_read_classify(typo, 3, NULL, 0, YR_TOTALS_CHECK, 0, k, &err),
                     YR_READ_ERR_IDENTITY);
    assert_non_null(strstr(err.message, "Borlänge"));
    /* other parties allowed, but not a near miss of a municipality's name */
    assert_int_equal(yr_read_classify(typo, 3, NULL, 0, YR_TOTALS_CHECK, 1, k, &err),
                     YR_READ_ERR_IDENTITY);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "did you mean Borlänge?"));
    assert_non_null(strstr(err.message, "taken for a misspelling"));
    const char *region[] = {"Falun", "Region Dalarna", "Mora"};
    assert_int_equal(yr_read_classify(region, 3, NULL, 0, YR_TOTALS_CHECK, 1, k, &err), YR_READ_OK);
    /* No nearest name: one sentence, the count's number agreeing, no stray "; (". */
    const char *one[] = {"Falun", "Region Dalarna"}, *two[] = {"Falun", "Mora", "Region Dalarna"};
    assert_int_equal(yr_read_classify(one, 2, NULL, 0, YR_TOTALS_CHECK, 0, k, &err),
                     YR_READ_ERR_IDENTITY);
    assert_string_equal(err.message, "'Region Dalarna' is not a Swedish municipality, while 1 "
                                     "other row is (if other parties are meant, allow them: "
                                     "other_parties)");
    assert_int_equal(yr_read_classify(two, 3, NULL, 0, YR_TOTALS_CHECK, 0, k, &err),
                     YR_READ_ERR_IDENTITY);
    assert_string_equal(err.message, "'Region Dalarna' is not a Swedish municipality, while 2 "
                                     "other rows are (if other parties are meant, allow them: "
                                     "other_parties)");
    const char *scb[] = {"00 Riket", "20 Dalarnas län", "2080 Falun", "2062 Mora"};
    assert_int_equal(yr_read_classify(scb, 4, NULL, 0, YR_TOTALS_CHECK, 0, k, &err), YR_READ_OK);
    assert_int_equal(k[0], YR_ROW_NATION);
    assert_int_equal(k[1], YR_ROW_COUNTY);
    assert_int_equal(k[2], YR_ROW_DATA);
    assert_int_equal(yr_header_is_code("Kommunnummer"), 1);
    assert_int_equal(yr_header_is_code("KnKod"), 1);
    assert_int_equal(yr_header_is_code("Befolkning 2023"), 0);
    assert_int_equal(yr_header_is_code(NULL), 0);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    yr_table *t = (yr_table *)&t;
    yr_read_error err;
    assert_int_equal(yr_read_table(NULL, 3, NULL, &t, &err), YR_READ_ERR_NULL);
    assert_null(t);
    assert_int_equal(yr_read_table("a", 1, NULL, NULL, &err), YR_READ_ERR_NULL);
    yr_read_options o;
    yr_read_options_init(&o);
    o.nwant = 1; /* want NULL */
    assert_int_equal(yr_read_table("a", 1, &o, &t, &err), YR_READ_ERR_OPTION);
    const char *bad[] = {"nonsense=Kommun"};
    yr_read_options_init(&o);
    o.columns = bad;
    o.ncolumns = 1;
    assert_int_equal(yr_read_table("Kommun\nFalun\n", 13, &o, &t, &err), YR_READ_ERR_OPTION);
    assert_string_equal(yr_read_status_name(YR_READ_ERR_CELL), "YR_READ_ERR_CELL");
    assert_string_equal(yr_row_kind_name(YR_ROW_NATION), "nation");
    yr_table_free(NULL);
    assert_int_equal(yr_table_nrows(NULL), 0);
    /* err may be NULL for every error: two person columns crashed the program's pot, which
     * reads a header with err NULL (adversarial pass 5, P1) */
    const yr_read_want person = {YR_ROLE_PERSON, YR_WANT_BLANK_OK};
    const char two[] = "Datum;Namn;E-post;Kommun\n2024-03-12;Anna;a@x.se;Falun\n";
    yr_read_options_init(&o);
    o.want = &person;
    o.nwant = 1;
    assert_int_equal(yr_read_table(two, strlen(two), &o, &t, NULL), YR_READ_ERR_HEADER);
    assert_null(t);
    assert_int_equal(yr_read_table(two, strlen(two), &o, &t, &err), YR_READ_ERR_HEADER);
    assert_non_null(strstr(err.message, "two columns could be the person"));
}

/* A read table is const: several threads read its cells, values and reading at once and get
 * what one thread gets (TSan in CI sees any shared write). */
typedef struct shared {
    const yr_table *t;
    char reading[256];
    int64_t sum;
    int ok;
} shared;

static void *reader_thread(void *arg)
{
    shared *sh = arg;
    for (int k = 0; k < 200; k++) {
        char r[256];
        int64_t v[3], den, sum = 0;
        yr_read_error err;
        yr_table_reading(sh->t, "en", r, sizeof r);
        if (yr_table_column_values(sh->t, 1, v, &den, &err) != YR_READ_OK)
            return NULL;
        for (int i = 0; i < 3; i++)
            sum += v[i];
        size_t len;
        const char *c = yr_table_cell(sh->t, 0, 0, &len);
        if (strcmp(r, sh->reading) != 0 || sum != sh->sum || len != 13 ||
            memcmp(c, "ABF \"Dalarna\"", 13) != 0)
            return NULL;
    }
    sh->ok = 1;
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    yr_read_error err;
    yr_table *t = read_parties(&err);
    shared sh[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        sh[i].t = t;
        sh[i].ok = 0;
        sh[i].sum = 375; /* 150 + 200 + 25 over 100 */
        yr_table_reading(t, "en", sh[i].reading, sizeof sh[i].reading);
        assert_int_equal(pthread_create(&th[i], NULL, reader_thread, &sh[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_true(sh[i].ok);
    }
    yr_table_free(t);
}

/* yr_read_groups(): the nested split's groups by one rule (worked by hand). */
static void test_groups(void **state)
{
    (void)state;
    size_t g[5], ng = 0;
    yr_read_error err;
    /* one county in four forms is one group (0), Uppsala län the second (1) */
    const char *cty[] = {"Dalarnas län", "Dalarna län", "20", "Uppsala län", "20 Dalarnas län"};
    assert_int_equal(yr_read_groups(cty, 5, "Län", NULL, NULL, g, &ng, &err), YR_READ_OK);
    assert_int_equal(ng, 2);
    assert_true(g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 1 && g[4] == 0);
    /* other labels by their name key: VÄSTERDALARNA is Västerdalarna */
    const char *names[] = {"Västerdalarna", "Övre Dalarna", " VÄSTERDALARNA"};
    assert_int_equal(yr_read_groups(names, 3, NULL, NULL, NULL, g, &ng, &err), YR_READ_OK);
    assert_true(ng == 2 && g[0] == 0 && g[1] == 1 && g[2] == 0);
    /* a county column: 1 is county 01 (Stockholms län), 01 too; by its header or its cells */
    const char *codes[] = {"1", "20", "01"};
    assert_int_equal(yr_read_groups(codes, 3, "Länskod", NULL, NULL, g, &ng, &err), YR_READ_OK);
    assert_true(ng == 2 && g[0] == 0 && g[1] == 1 && g[2] == 0);
    assert_int_equal(yr_read_groups(codes, 3, "Grupp", NULL, NULL, g, &ng, &err), YR_READ_OK);
    assert_true(ng == 2 && g[0] == 0 && g[1] == 1 && g[2] == 0);
    /* a mix of counties and names is refused at the name's line, naming the county's */
    const char *mix[] = {"Dalarnas län", "Dalarna"};
    size_t lines[] = {7, 9};
    assert_int_equal(yr_read_groups(mix, 2, "Län", lines, NULL, g, &ng, &err),
                     YR_READ_ERR_IDENTITY);
    assert_true(err.line == 9 && err.other_line == 7);
    assert_string_equal(err.message, "column 'Län': 'Dalarna' is not a county, while 'Dalarnas "
                                     "län' at line 7 is: write every group as a county's name or "
                                     "code (Dalarnas län, 20), so that one county is one group");
    /* Habo (0643) is in Jönköpings län (06), not in Uppsala län (03) */
    const char *up[] = {"Uppsala län", "Uppsala län"};
    int mun[] = {305, 643};
    assert_int_equal(yr_read_groups(up, 2, "Län", NULL, mun, g, &ng, &err), YR_READ_ERR_IDENTITY);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.message, "column 'Län': Habo is in Jönköpings län (06), not in "
                                     "'Uppsala län' (03): correct the group or the municipality");
    const char *empty[] = {"A", " "};
    assert_int_equal(yr_read_groups(empty, 2, NULL, NULL, NULL, g, &ng, &err),
                     YR_READ_ERR_IDENTITY);
    assert_true(err.line == 2 && strcmp(err.message, "column 'group': empty group") == 0);
    assert_int_equal(yr_read_groups(NULL, 0, NULL, NULL, NULL, NULL, &ng, &err), YR_READ_OK);
    assert_int_equal(ng, 0);
}

/* yr_table_day(): a table cell as yr_read_day() reads it, at the row's line, a serial in the
 * epoch of the workbook the table came from (adversarial pass 7, H3). */
static void test_table_day(void **state)
{
    (void)state;
    const yr_read_want w[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED},
                              {YR_ROLE_PARTICIPANTS, YR_WANT_REQUIRED}};
    yr_read_error err;
    yr_table *t = read_text("Datum;Kommun;Deltagare\n45328;Falun;3\nd1;Mora;2\n", w, 2,
                            YR_TOTALS_CHECK, &err, YR_READ_OK);
    yr_day_column dc = {0, 0, NULL};
    char out[32];
    size_t n = 0;
    /* text: Excel's 1900 system, 45328 is 2024-02-06 */
    assert_int_equal(yr_table_day(t, yr_table_data_row(t, 0), 0, &dc, out, sizeof out, &n, &err),
                     YR_READ_OK);
    assert_string_equal(out, "2024-02-06");
    assert_int_equal(n, 10);
    assert_int_equal(yr_table_day(t, yr_table_data_row(t, 1), 0, &dc, out, sizeof out, &n, &err),
                     YR_READ_ERR_CELL); /* a label among dates, at its line */
    assert_int_equal(err.line, 3);
    assert_int_equal(yr_table_day(t, 0, 9, &dc, out, sizeof out, &n, &err), YR_READ_ERR_NULL);
    assert_int_equal(yr_table_day(NULL, 0, 0, &dc, out, sizeof out, &n, &err), YR_READ_ERR_NULL);
    yr_table_free(t);
    /* a Mac workbook (date1904) with serials in General format (the corpus's workbook): 43866
     * is 1904-01-01 + 43866 days = 2024-02-06 there (tests/reading/xlsx-date1904-serial-days
     * .expect works it by hand), 2020-02-05 in the 1900 system of a text file */
    const char *src = getenv("SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/reading/xlsx-date1904-serial-days.xlsx",
             src != NULL ? src : ".");
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char book[1 << 16];
    size_t len = fread(book, 1, sizeof book, f);
    fclose(f);
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = w;
    o.nwant = 2;
    assert_int_equal(yr_read_table(book, len, &o, &t, &err), YR_READ_OK);
    const char *cell = yr_table_cell(t, yr_table_data_row(t, 0), 0, &n);
    assert_int_equal(n, 5);
    assert_memory_equal(cell, "43866", 5);
    yr_day_column dc1904 = {0, 0, NULL}, dc1900 = {0, 0, NULL};
    assert_int_equal(
        yr_table_day(t, yr_table_data_row(t, 0), 0, &dc1904, out, sizeof out, NULL, &err),
        YR_READ_OK);
    assert_string_equal(out, "2024-02-06");
    assert_int_equal(err.line, 0);
    assert_int_equal(yr_read_day(&dc1900, "43866", 5, 2, out, sizeof out, NULL, &err), YR_READ_OK);
    assert_string_equal(out, "2020-02-05");
    yr_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_values),
        cmocka_unit_test(test_cells_and_values),
        cmocka_unit_test(test_data_rows_and_spans),
        cmocka_unit_test(test_ignore_leaves_rows_out),
        cmocka_unit_test(test_guess),
        cmocka_unit_test(test_identities_and_join),
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_classify_statistics),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_column_unit),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_table_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
