/* Labels: trimming with Unicode spaces, total-row names, join keys, "2080 Falun" cells and the
 * total-row detector (against a quadratic reference). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

#define NBSP "\xc2\xa0"
#define THIN "\xe2\x80\x89"
#define NNBSP "\xe2\x80\xaf"
#define FIGURE "\xe2\x80\x87"
#define IDEO "\xe3\x80\x80"

static void trim_is(const char *s, size_t want_start, size_t want_len)
{
    size_t start = 99;
    size_t len = yr_label_trim(s, strlen(s), &start);
    if (len != want_len || (want_len > 0 && start != want_start))
        fail_msg("trim '%s': start %zu len %zu, expected %zu %zu", s, start, len, want_start,
                 want_len);
}

static void test_trim(void **state)
{
    (void)state;
    trim_is("Falun", 0, 5);
    trim_is("  Falun \t", 2, 5);
    trim_is(NBSP "Falun" NBSP, 2, 5);
    trim_is(THIN NNBSP FIGURE IDEO "Mora" IDEO, 12, 4);
    trim_is("\r\nLeksand\r\n", 2, 7);
    trim_is("Malung" NBSP "S\xc3\xa4len" NBSP, 0, 14); /* inner blanks are kept */
    trim_is("", 0, 0);
    trim_is(" " NBSP "\t", 0, 0);
    trim_is("\xc2", 0, 1);      /* a truncated UTF-8 sequence is not a blank */
    trim_is("x\xa0", 0, 2);     /* a lone continuation byte neither */
    trim_is("x\xe2\x80", 0, 3); /* a truncated U+2009 neither */
    size_t start = 7;
    assert_int_equal(yr_label_trim(NULL, 0, &start), 0);
    assert_int_equal(start, 0);
    assert_int_equal(yr_label_trim("ab ", 3, NULL), 2);
    assert_int_equal(yr_label_trim("a b", 1, &start), 1); /* only len bytes are looked at */
}

static void test_is_total(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "Summa",
        "summa",
        "SUMMA:",
        "Summa :",
        " Totalt ",
        "Total",
        "Sum",
        "Summa kommuner",
        "Summa  kommuner:",
        "Totalt l\xc3\xa4net",
        "TOTALT L\xc3\x84NET",
        "Summa l\xc3\xa4net",
        "Hela l\xc3\xa4net",
        "Riket",
        "Totalsumma",
        "Dalarnas l\xc3\xa4n",
        "V\xc3\x84STRA G\xc3\x96TALANDS L\xc3\x84N:",
        NBSP "Dalarnas l\xc3\xa4n" NBSP,
    };
    static const char *const no[] = {
        "Falun",
        "Summan",
        "Summa summarum",
        "Totalen",
        "l\xc3\xa4n",
        "L\xc3\xa4n:",
        "Dalarnas",
        "Dalarnas l\xc3\xa4n extra",
        "Summa: Falun",
        "",
        ":",
        "Sumo",
        "Dalarnas_l\xc3\xa4n",
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!yr_label_is_total(yes[i]))
            fail_msg("'%s' is a total label", yes[i]);
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        if (yr_label_is_total(no[i]))
            fail_msg("'%s' is not a total label", no[i]);
    }
    assert_int_equal(yr_label_is_total(NULL), 0);
}

static void key_is(const char *s, const char *want)
{
    char buf[128];
    size_t len = 999;
    assert_int_equal(yr_label_key(s, buf, sizeof buf, &len), YR_OK);
    if (strcmp(buf, want) != 0 || len != strlen(want))
        fail_msg("key '%s': '%s' (%zu), expected '%s'", s, buf, len, want);
}

static void test_key(void **state)
{
    (void)state;
    key_is("Malung-S\xc3\xa4len", "malung s\xc3\xa4len");
    key_is(" malung  s\xc3\xa4len ", "malung s\xc3\xa4len");
    key_is("MALUNG - S\xc3\x84LEN", "malung s\xc3\xa4len");
    key_is("Malung" NBSP "S\xc3\xa4len", "malung s\xc3\xa4len");
    key_is("\xc3\x85RE \xc3\x96STERSUND \xc3\x89 \xc3\x9c",
           "\xc3\xa5re \xc3\xb6stersund \xc3\xa9 \xc3\xbc");
    key_is("\xc3\x97", "\xc3\x97"); /* × has no lower case */
    key_is("\xc3\x9f", "\xc3\x9f"); /* ß stays */
    key_is("-Falun-", "falun");
    key_is("", "");
    key_is("  ", "");
    key_is("G\xc3\xa4vle 2", "g\xc3\xa4vle 2");

    char buf[8];
    memset(buf, 'x', sizeof buf);
    size_t len = 77;
    /* "falun" needs 6 bytes */
    assert_int_equal(yr_label_key("Falun", buf, 5, &len), YR_ERR_OVERFLOW);
    assert_int_equal(len, 77);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(yr_label_key("Falun", buf, 6, NULL), YR_OK);
    assert_string_equal(buf, "falun");
    assert_int_equal(yr_label_key(NULL, buf, 6, &len), YR_ERR_NULL);
    assert_int_equal(yr_label_key("a", NULL, 6, &len), YR_ERR_NULL);
    assert_int_equal(yr_label_key("a", buf, 0, &len), YR_ERR_OVERFLOW);
}

static void test_code(void **state)
{
    (void)state;
    int code = -1;
    size_t at = 99;
    assert_int_equal(yr_label_code("2080 Falun", &code, &at), 1);
    assert_int_equal(code, 2080);
    assert_int_equal(at, 5);
    const char *s = " 0114" NBSP NBSP "Upplands V\xc3\xa4sby ";
    assert_int_equal(yr_label_code(s, &code, &at), 1);
    assert_int_equal(code, 114);
    assert_int_equal(at, 9);
    assert_memory_equal(s + at, "Upplands", 8);
    assert_int_equal(yr_label_code("2080 Falun", NULL, NULL), 1);

    static const char *const no[] = {
        "Falun",       "2080",       "2080 ", "2080Falun",  "208 Falun",
        "20801 Falun", "Falun 2080", "",      "20a0 Falun",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        code = -1;
        at = 99;
        if (yr_label_code(no[i], &code, &at) != 0 || code != -1 || at != 99)
            fail_msg("'%s' is not a code cell", no[i]);
    }
    assert_int_equal(yr_label_code(NULL, &code, &at), 0);
}

/* Reference: for each i, add up the others one by one in 128 bits. */
static size_t total_row_reference(const int64_t *w, size_t n)
{
    if (n < 3)
        return YR_WHERE_NONE;
    for (size_t i = 0; i < n; i++) {
        __extension__ __int128 others = 0;
        for (size_t j = 0; j < n; j++)
            others += j == i ? 0 : w[j];
        if (w[i] != 0 && others == w[i])
            return i;
    }
    return YR_WHERE_NONE;
}

static void test_find_total_row(void **state)
{
    (void)state;
    size_t idx = 0;
    const int64_t dalarna[] = {59752, 6939, 288382 - 59752 - 6939, 288382};
    assert_int_equal(yr_find_total_row(dalarna, 4, &idx), YR_OK);
    assert_int_equal(idx, 3);
    const int64_t first[] = {10, 3, 7};
    assert_int_equal(yr_find_total_row(first, 3, &idx), YR_OK);
    assert_int_equal(idx, 0);
    const int64_t two[] = {5, 5};
    assert_int_equal(yr_find_total_row(two, 2, &idx), YR_OK);
    assert_true(idx == YR_WHERE_NONE);
    const int64_t zeros[] = {0, 0, 0};
    assert_int_equal(yr_find_total_row(zeros, 3, &idx), YR_OK);
    assert_true(idx == YR_WHERE_NONE);
    const int64_t big[] = {INT64_MAX, INT64_MAX - 1, 1};
    assert_int_equal(yr_find_total_row(big, 3, &idx), YR_OK);
    assert_int_equal(idx, 0);
    const int64_t none[] = {1, 2, 4, 8};
    assert_int_equal(yr_find_total_row(none, 4, &idx), YR_OK);
    assert_true(idx == YR_WHERE_NONE);
    assert_int_equal(yr_find_total_row(NULL, 0, &idx), YR_OK);
    assert_true(idx == YR_WHERE_NONE);
    assert_int_equal(yr_find_total_row(NULL, 3, &idx), YR_ERR_NULL);
    assert_int_equal(yr_find_total_row(first, 3, NULL), YR_ERR_NULL);

    uint64_t seed = 2024;
    int64_t w[12];
    for (int t = 0; t < 20000; t++) {
        size_t n = (size_t)rand_upto(&seed, 11) + 1;
        for (size_t i = 0; i < n; i++)
            w[i] = (int64_t)rand_upto(&seed, 6) - 1;
        if (n >= 2 && rand_upto(&seed, 1)) { /* plant a total row */
            size_t at = (size_t)rand_below(&seed, n);
            int64_t others = 0;
            for (size_t i = 0; i < n; i++)
                others += i == at ? 0 : w[i];
            w[at] = others;
        }
        assert_int_equal(yr_find_total_row(w, n, &idx), YR_OK);
        assert_int_equal(idx, total_row_reference(w, n));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim),
        cmocka_unit_test(test_is_total),
        cmocka_unit_test(test_key),
        cmocka_unit_test(test_code),
        cmocka_unit_test(test_find_total_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
