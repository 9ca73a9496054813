/* The output names (include/yrkesresa/names.h): the Swedish words issue 21 asks for, the English
 * names of 0.2.0 kept, one meaning per text, the suffix rule, the formula guard both ways, and
 * the tables of bindings/python/README.md and bindings/r/README.md against the C table.
 *
 * `test_names --markdown` prints that table (paste it between the README's markers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/names.h"
#include "yrkesresa/read.h"

static const char *sv(yr_out_name n)
{
    return yr_out_text(n, YR_LANG_SV);
}

static const char *en(yr_out_name n)
{
    return yr_out_text(n, YR_LANG_EN);
}

/* The words of issue 21, written here from the issue, not from the table. */
static void test_swedish_words(void **state)
{
    (void)state;
    assert_string_equal(sv(YR_OUT_MUNICIPALITY), "kommun");
    assert_string_equal(sv(YR_OUT_POPULATION), "befolkning");
    assert_string_equal(sv(YR_OUT_AMOUNT), "belopp");
    assert_string_equal(sv(YR_OUT_PARTICIPANT_DAYS), "deltagardagar");
    assert_string_equal(sv(YR_OUT_FEES), "avgifter");
    assert_string_equal(sv(YR_OUT_POT_IN), "pott");
    assert_string_equal(sv(YR_OUT_KICKBACK), "\xc3\xa5terbetalning");
    assert_string_equal(sv(YR_OUT_NET), "netto");
    assert_string_equal(sv(YR_OUT_SUMMA), "Summa");
    assert_string_equal(sv(YR_OUT_SHARE), "andel");
    assert_string_equal(sv(YR_OUT_LOW), "nedre");
    assert_string_equal(sv(YR_OUT_HIGH), "\xc3\xb6vre");
    assert_string_equal(sv(YR_OUT_TARGET), "m\xc3\xa5l");
    assert_string_equal(sv(YR_OUT_VERDICT), "bed\xc3\xb6mning");
    assert_string_equal(sv(YR_OUT_V_MET), "uppn\xc3\xa5tt");
    assert_string_equal(sv(YR_OUT_V_NOT_MET), "ej uppn\xc3\xa5tt");
    assert_string_equal(sv(YR_OUT_V_INCONCLUSIVE), "os\xc3\xa4kert");
    assert_string_equal(yr_out_table_sheet(YR_TABLE_SPLIT, YR_LANG_SV), "F\xc3\xb6rdelning");
    assert_string_equal(yr_out_table_sheet(YR_TABLE_AUDIT, YR_LANG_SV), "Granskning");
    assert_string_equal(yr_out_table_sheet(YR_TABLE_POT, YR_LANG_SV), "Utbildarpott");
    assert_string_equal(yr_out_table_sheet(YR_TABLE_STATEMENT, YR_LANG_SV), "Faktureringsunderlag");
}

/* The English names are those of 0.2.0 (scripts read them). */
static void test_english_kept(void **state)
{
    (void)state;
    static const char *const pot[] = {"municipality", "participant_days", "fees", "admin",
                                      "pot_in",       "kickback",         "net"};
    static const char *const survey[] = {"question", "yes",    "respondents", "share", "low",
                                         "high",     "target", "verdict",     "note"};
    yr_out_name cols[16];
    assert_int_equal(yr_out_table_columns(YR_TABLE_POT, cols, 16), 7);
    for (size_t k = 0; k < 7; k++)
        assert_string_equal(en(cols[k]), pot[k]);
    assert_int_equal(yr_out_table_columns(YR_TABLE_STATS_SURVEY, cols, 16), 9);
    for (size_t k = 0; k < 9; k++)
        assert_string_equal(en(cols[k]), survey[k]);
    assert_string_equal(en(YR_OUT_AMOUNT), "amount");
    assert_string_equal(en(YR_OUT_V_MET), "met");
    assert_string_equal(en(YR_OUT_V_MISMATCH), "MISMATCH");
    assert_string_equal(en(YR_OUT_PER), "per_");
    assert_string_equal(en(YR_OUT_DIFFERENCE_OF), "difference ");
    /* the controller's columns (issue 22): pot --by-day, statement --explain/--per-municipality */
    static const yr_out_name ctl[] = {YR_OUT_DAY,   YR_OUT_ITEM,          YR_OUT_TRAINERS,
                                      YR_OUT_EXACT, YR_OUT_SHARE_PERCENT, YR_OUT_QUOTA_OF};
    static const char *const ctl_en[] = {"day",   "item",          "trainers",
                                         "exact", "share_percent", "quota "};
    static const char *const ctl_sv[] = {"dag",   "post",          "utbildare",
                                         "exakt", "andel_procent", "kvot "};
    for (size_t k = 0; k < sizeof ctl / sizeof ctl[0]; k++) {
        assert_string_equal(en(ctl[k]), ctl_en[k]);
        assert_string_equal(yr_out_text(ctl[k], YR_LANG_SV), ctl_sv[k]);
    }
    assert_int_equal(yr_out_name_role(YR_OUT_DAY), YR_ROLE_DAY);
    assert_int_equal(yr_out_name_role(YR_OUT_ITEM), YR_ROLE_ITEM);
}

/* Every name has both texts; within a category no text means two names; find() finds each. */
static void test_one_meaning_per_text(void **state)
{
    (void)state;
    for (int a = 0; a < YR_OUT_NAME_COUNT; a++) {
        yr_out_category cat = yr_out_name_category((yr_out_name)a);
        for (int l = 0; l < YR_LANG_COUNT; l++) {
            const char *t = yr_out_text((yr_out_name)a, (yr_lang)l);
            assert_true(t[0] != '\0');
            assert_true(t[0] != ' ' && (cat == YR_OUT_PREFIX || t[strlen(t) - 1] != ' '));
            assert_int_equal(yr_out_name_find(t, cat), a);
            for (int b = a + 1; b < YR_OUT_NAME_COUNT; b++)
                for (int m = 0; cat == yr_out_name_category((yr_out_name)b) && m < 2; m++)
                    if (strcmp(t, yr_out_text((yr_out_name)b, (yr_lang)m)) == 0)
                        fail_msg("'%s' names %d and %d", t, a, b);
        }
    }
    assert_int_equal(yr_out_name_find("belopp", YR_OUT_ROW), YR_OUT_NAME_COUNT);
    assert_int_equal(yr_out_name_find(NULL, YR_OUT_COLUMN), YR_OUT_NAME_COUNT);
    assert_string_equal(yr_out_text(YR_OUT_NAME_COUNT, YR_LANG_EN), "");
    assert_string_equal(yr_out_text(YR_OUT_AMOUNT, YR_LANG_COUNT), "");
}

/* A result read back means what it meant: the columns' roles. */
static void test_roles(void **state)
{
    (void)state;
    assert_int_equal(yr_out_name_role(YR_OUT_AMOUNT), YR_ROLE_AMOUNT);
    assert_int_equal(yr_out_name_role(YR_OUT_MUNICIPALITY), YR_ROLE_MUNICIPALITY);
    assert_int_equal(yr_out_name_role(YR_OUT_POPULATION), YR_ROLE_POPULATION);
    assert_int_equal(yr_out_name_role(YR_OUT_FEES), YR_ROLE_FEES);
    assert_int_equal(yr_out_name_role(YR_OUT_POT_IN), YR_ROLE_POT);
    assert_int_equal(yr_out_name_role(YR_OUT_PARTICIPANT_DAYS), YR_ROLE_PARTICIPANT_DAYS);
    assert_int_equal(yr_out_name_role(YR_OUT_KICKBACK), YR_ROLE_NONE);
    assert_int_equal(yr_out_name_role(YR_OUT_NAME_COUNT), YR_ROLE_NONE);
}

static int taken_in(const char *h, void *ctx)
{
    for (const char *const *p = ctx; *p != NULL; p++)
        if (strcmp(*p, h) == 0)
            return 1;
    return 0;
}

static void test_fresh(void **state)
{
    (void)state;
    char dst[32];
    const char *none[] = {NULL}, *one[] = {"amount", NULL},
               *two[] = {"amount", "amount_new", "amount_new_2", NULL}, *svs[] = {"belopp", NULL};
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_EN, taken_in, none, dst, sizeof dst), 0);
    assert_string_equal(dst, "amount");
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_EN, taken_in, one, dst, sizeof dst), 0);
    assert_string_equal(dst, "amount_new");
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_EN, taken_in, two, dst, sizeof dst), 0);
    assert_string_equal(dst, "amount_new_3");
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_SV, taken_in, svs, dst, sizeof dst), 0);
    assert_string_equal(dst, "belopp_ny");
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_SV, taken_in, one, dst, sizeof dst), 0);
    assert_string_equal(dst, "belopp"); /* another language's name is another column */
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_EN, taken_in, one, dst, 8), -1);
    assert_string_equal(dst, "");
    assert_int_equal(yr_out_fresh(YR_OUT_AMOUNT, YR_LANG_EN, NULL, one, dst, sizeof dst), -1);
}

static void test_lang(void **state)
{
    (void)state;
    yr_lang l = YR_LANG_COUNT;
    assert_int_equal(yr_lang_from_code("sv", &l), 0);
    assert_int_equal(l, YR_LANG_SV);
    assert_int_equal(yr_lang_from_code("EN", &l), 0);
    assert_int_equal(l, YR_LANG_EN);
    static const char *const bad[] = {"se", "", "svenska", "s", "de", "sv "};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        assert_int_equal(yr_lang_from_code(bad[k], &l), -1);
    assert_int_equal(l, YR_LANG_EN);
    assert_int_equal(yr_lang_from_code(NULL, &l), -1);
    assert_string_equal(yr_lang_code(YR_LANG_SV), "sv");
    assert_string_equal(yr_lang_code(YR_LANG_COUNT), "");
}

/* OWASP's characters, and a guard that can be taken off without doubt. */
static void test_guard(void **state)
{
    (void)state;
    static const char *const needs[] = {
        "=1+1", "+46 70", "-x", "@Orsa", "\tx", "\rx", "=HYPERLINK(\"x\")", "'=1", "''@a", "-"};
    static const char *const plain[] = {"", "x=1", "'x", "Orsa", "1", "'", "''", " =1", "\n=1"};
    for (size_t k = 0; k < sizeof needs / sizeof needs[0]; k++) {
        assert_int_equal(yr_excel_guard_needed(needs[k], strlen(needs[k])), 1);
        char guarded[64];
        snprintf(guarded, sizeof guarded, "'%s", needs[k]); /* what --excel writes */
        assert_int_equal(yr_excel_guard_len(guarded, strlen(guarded)), 1);
        assert_int_equal(yr_excel_guard_len(needs[k], strlen(needs[k])), needs[k][0] == '\'');
    }
    for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++) {
        assert_int_equal(yr_excel_guard_needed(plain[k], strlen(plain[k])), 0);
        assert_int_equal(yr_excel_guard_len(plain[k], strlen(plain[k])), 0);
    }
    assert_int_equal(yr_excel_guard_needed("=1", 0), 0); /* only len bytes are looked at */
    assert_int_equal(yr_excel_guard_needed(NULL, 3), 0);
    assert_int_equal(yr_excel_guard_len(NULL, 3), 0);
}

/* Excel's rules for a sheet name; ids round-trip. */
static void test_tables(void **state)
{
    (void)state;
    for (int t = 0; t < YR_TABLE_COUNT; t++) {
        assert_int_equal(yr_out_table_from_id(yr_out_table_id((yr_out_table)t)), t);
        assert_true(yr_out_table_columns((yr_out_table)t, NULL, 0) > 0);
        for (int l = 0; l < YR_LANG_COUNT; l++) {
            const char *s = yr_out_table_sheet((yr_out_table)t, (yr_lang)l);
            assert_true(s[0] != '\0' && strlen(s) <= 31 && strpbrk(s, "[]:*?/\\'") == NULL);
        }
    }
    assert_int_equal(yr_out_table_from_id("nothing"), YR_TABLE_COUNT);
    assert_string_equal(yr_out_table_sheet(YR_TABLE_COUNT, YR_LANG_EN), "");
}

/* ---------------------------------------------------------------- the bindings' READMEs */

static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        assert_non_null(*buf);
    }
    memcpy(*buf + *len, s, n + 1);
    *len += n;
}

static void list(char **b, size_t *len, size_t *cap, const yr_out_name *n, size_t k, yr_lang l)
{
    for (size_t i = 0; i < k; i++) {
        append(b, len, cap, i > 0 ? ", " : "");
        append(b, len, cap, yr_out_text(n[i], l));
        if (yr_out_name_category(n[i]) == YR_OUT_PREFIX)
            append(b, len, cap, "N");
    }
}

/* The Markdown table of the names (caller frees). */
static char *markdown(void)
{
    char *b = NULL;
    size_t len = 0, cap = 0;
    append(&b, &len, &cap,
           "| command | sheet | English (Python, R, default) | Svenska (--lang sv) |\n"
           "|---|---|---|---|\n");
    for (int t = 0; t < YR_TABLE_COUNT; t++) {
        yr_out_name cols[16];
        size_t k = yr_out_table_columns((yr_out_table)t, cols, 16);
        char head[160];
        snprintf(head, sizeof head, "| `%s` | %s / %s | ", yr_out_table_id((yr_out_table)t),
                 yr_out_table_sheet((yr_out_table)t, YR_LANG_EN),
                 yr_out_table_sheet((yr_out_table)t, YR_LANG_SV));
        append(&b, &len, &cap, head);
        list(&b, &len, &cap, cols, k, YR_LANG_EN);
        append(&b, &len, &cap, " | ");
        list(&b, &len, &cap, cols, k, YR_LANG_SV);
        append(&b, &len, &cap, " |\n");
    }
    yr_out_name words[YR_OUT_NAME_COUNT];
    size_t n = 0;
    for (int k = 0; k < YR_OUT_NAME_COUNT; k++)
        if (yr_out_name_category((yr_out_name)k) >= YR_OUT_ROW)
            words[n++] = (yr_out_name)k;
    append(&b, &len, &cap, "| labels and values | | ");
    list(&b, &len, &cap, words, n, YR_LANG_EN);
    append(&b, &len, &cap, " | ");
    list(&b, &len, &cap, words, n, YR_LANG_SV);
    append(&b, &len, &cap, " |\n");
    return b;
}

#define BEGIN_MARK "<!-- names: generated by tests/test_names --markdown -->\n"
#define END_MARK "<!-- end of names -->"

static void check_readme(const char *rel)
{
    const char *src = getenv("SOURCE_DIR");
    if (src == NULL)
        skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", src, rel);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    static char text[1 << 18];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    char *begin = strstr(text, BEGIN_MARK), *end = begin ? strstr(begin, END_MARK) : NULL;
    if (begin == NULL || end == NULL)
        fail_msg("%s: no table between '%s' and '%s'", rel, BEGIN_MARK, END_MARK);
    begin += strlen(BEGIN_MARK);
    *end = '\0';
    char *want = markdown();
    if (strcmp(begin, want) != 0)
        fail_msg("%s: the names table differs from the C table; run test_names --markdown\n"
                 "want:\n%s\nhave:\n%s",
                 rel, want, begin);
    free(want);
}

static void test_python_readme(void **state)
{
    (void)state;
    check_readme("bindings/python/README.md");
}

static void test_r_readme(void **state)
{
    (void)state;
    check_readme("bindings/r/README.md");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--markdown") == 0) {
        char *m = markdown();
        fputs(m, stdout);
        free(m);
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_swedish_words),
        cmocka_unit_test(test_english_kept),
        cmocka_unit_test(test_one_meaning_per_text),
        cmocka_unit_test(test_roles),
        cmocka_unit_test(test_fresh),
        cmocka_unit_test(test_lang),
        cmocka_unit_test(test_guard),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_python_readme),
        cmocka_unit_test(test_r_readme),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
