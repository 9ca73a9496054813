/* One identity for a municipality (yrkesresa/identity.h).
 *
 * The 290 municipalities and 21 counties are read at run time from
 * data/sweden/municipalities.csv (SOURCE_DIR), not from the library's generated table: every
 * name, its forms (built here by the rule written in the header, the irregular Falu by hand),
 * its upper case and NFD spelling (by a table of the Swedish letters written here) and its code
 * must give the CSV's code. Every other expectation is worked by hand from the Unicode data
 * (case folding, decompositions) and from the header's rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/identity.h"

#define NBSP "\xc2\xa0"
#define SHY "\xc2\xad"
#define ZWSP "\xe2\x80\x8b"
#define ZWNJ "\xe2\x80\x8c"
#define ZWJ "\xe2\x80\x8d"
#define WJ "\xe2\x81\xa0"
#define BOM "\xef\xbb\xbf"
#define EN_DASH "\xe2\x80\x93"
#define EM_DASH "\xe2\x80\x94"
#define NB_HYPHEN "\xe2\x80\x91"
#define MINUS "\xe2\x88\x92"
#define THIN "\xe2\x80\x89"
#define NNBSP "\xe2\x80\xaf"
#define IDEO "\xe3\x80\x80"
#define a_RING "\xc3\xa5"
#define a_UML "\xc3\xa4"
#define o_UML "\xc3\xb6"

/* ------------------------------------------------------------------ helpers */

static void key_is(const char *s, size_t len, const char *want)
{
    char k[512];
    size_t n = 999;
    yr_read_status st = yr_name_key(s, len, k, sizeof k, &n);
    if (st != YR_READ_OK || n != strlen(want) || memcmp(k, want, n + 1) != 0)
        fail_msg("key of '%.*s': status %d, '%s' (%zu bytes), expected '%s'", (int)len, s, st, k, n,
                 want);
}

#define KEY_IS(lit, want) key_is(lit, sizeof(lit) - 1, want)

static void place_is(const char *s, yr_place want, int want_code)
{
    yr_place p = (yr_place)77;
    int code = 12345;
    yr_read_error err;
    memset(&err, 0, sizeof err);
    yr_read_status st = yr_place_of(s, strlen(s), &p, &code, &err);
    if (st != YR_READ_OK || p != want || code != want_code)
        fail_msg("'%s': status %d (%s), place %d code %d; expected place %d code %d", s, st,
                 err.message, p, code, want, want_code);
}

static void place_fails(const char *s, const char *message)
{
    yr_place p = (yr_place)77;
    int code = 12345;
    yr_read_error err;
    memset(&err, 0, sizeof err);
    yr_read_status st = yr_place_of(s, strlen(s), &p, &code, &err);
    if (st != YR_READ_ERR_IDENTITY || err.status != YR_READ_ERR_IDENTITY ||
        strcmp(err.message, message) != 0)
        fail_msg("'%s': status %d, message '%s'; expected YR_READ_ERR_IDENTITY, '%s'", s, st,
                 err.message, message);
    assert_int_equal(err.line, 0);
    assert_true(err.column == YR_READ_NONE);
    assert_int_equal(p, 77); /* untouched on error */
    assert_int_equal(code, 12345);
    assert_int_equal(yr_place_of(s, strlen(s), &p, &code, NULL), YR_READ_ERR_IDENTITY);
}

/* ------------------------------------------------------------------ the CSV */

typedef struct row {
    char code[8];
    char name[64];
    char county_code[4];
    char county[64];
} row;

static row rows[400];
static size_t nrows;

static int read_csv(void **state)
{
    (void)state;
    const char *root = getenv("SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/data/sweden/municipalities.csv", root ? root : ".");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s (set SOURCE_DIR)\n", path);
        return -1;
    }
    char line[512];
    int header = 1;
    while (fgets(line, sizeof line, f) && nrows < 400) {
        line[strcspn(line, "\r\n")] = '\0';
        if (header) {
            header = 0;
            continue;
        }
        row *r = &rows[nrows++];
        if (sscanf(line, "%7[^,],%63[^,],%3[^,],%63[^,]", r->code, r->name, r->county_code,
                   r->county) != 4) {
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    return nrows == 290 ? 0 : -1;
}

/* The upper case and the NFD spelling of a name of the list, by hand: the list's non-ASCII
 * letters are å ä ö é ü (and their capitals at the start of a name). */
static const struct {
    const char *nfc, *upper, *nfd;
} letters[] = {
    {"\xc3\xa5", "\xc3\x85", "a\xcc\x8a"}, /* å Å a+ring */
    {"\xc3\xa4", "\xc3\x84", "a\xcc\x88"}, /* ä Ä a+diaeresis */
    {"\xc3\xb6", "\xc3\x96", "o\xcc\x88"}, /* ö Ö o+diaeresis */
    {"\xc3\xa9", "\xc3\x89", "e\xcc\x81"}, /* é É e+acute */
    {"\xc3\xbc", "\xc3\x9c", "u\xcc\x88"}, /* ü Ü u+diaeresis */
    {"\xc3\x85", "\xc3\x85", "A\xcc\x8a"}, /* Å */
    {"\xc3\x84", "\xc3\x84", "A\xcc\x88"}, /* Ä */
    {"\xc3\x96", "\xc3\x96", "O\xcc\x88"}, /* Ö */
};

/* which: 0 upper case, 1 NFD. Fails on a non-ASCII letter not in the table. */
static void respell(const char *s, int which, char *out, size_t cap)
{
    size_t o = 0;
    while (*s) {
        const char *rep = NULL;
        size_t used = 1;
        for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) {
            size_t l = strlen(letters[i].nfc);
            if (strncmp(s, letters[i].nfc, l) == 0) {
                rep = which == 0 ? letters[i].upper : letters[i].nfd;
                used = l;
                break;
            }
        }
        char one[2] = {*s >= 'a' && *s <= 'z' && which == 0 ? (char)(*s - 32) : *s, '\0'};
        if (!rep) {
            if ((unsigned char)*s >= 0x80)
                fail_msg("a letter of '%s' is not in the test's table", s);
            rep = one;
        }
        size_t rl = strlen(rep);
        assert_true(o + rl < cap);
        memcpy(out + o, rep, rl);
        o += rl;
        s += used;
    }
    out[o] = '\0';
}

static void test_every_municipality(void **state)
{
    (void)state;
    assert_int_equal(yr_municipality_count(), nrows);
    for (size_t i = 0; i < nrows; i++) {
        const row *r = &rows[i];
        int code = atoi(r->code), county = atoi(r->county_code);
        char buf[256], name[128];
        size_t nl = strlen(r->name);
        int no_s = strchr("sxz", r->name[nl - 1]) != NULL;
        place_is(r->name, YR_PLACE_MUNICIPALITY, code);
        snprintf(buf, sizeof buf, "%s kommun", r->name);
        place_is(buf, YR_PLACE_MUNICIPALITY, code);
        if (code == 2080) /* the one irregular genitive: Falu kommun */
            snprintf(buf, sizeof buf, "Falu kommun");
        else
            snprintf(buf, sizeof buf, "%s%s kommun", r->name, no_s ? "" : "s");
        place_is(buf, YR_PLACE_MUNICIPALITY, code);
        snprintf(buf, sizeof buf, "%s%s stad", code == 2080 ? "Falu" : r->name,
                 no_s || code == 2080 ? "" : "s");
        place_is(buf, YR_PLACE_MUNICIPALITY, code);
        place_is(r->code, YR_PLACE_MUNICIPALITY, code);
        if (r->code[0] == '0') /* Excel dropped the leading zero */
            place_is(r->code + 1, YR_PLACE_MUNICIPALITY, code);
        snprintf(buf, sizeof buf, "%.7s %.63s", r->code, r->name);
        place_is(buf, YR_PLACE_MUNICIPALITY, code);
        respell(r->name, 0, name, sizeof name);
        place_is(name, YR_PLACE_MUNICIPALITY, code);
        respell(r->name, 1, name, sizeof name);
        place_is(name, YR_PLACE_MUNICIPALITY, code);
        snprintf(buf, sizeof buf, "%.7s %.127s", r->code, name); /* a PxWeb cell in NFD */
        place_is(buf, YR_PLACE_MUNICIPALITY, code);
        assert_string_equal(yr_place_name(YR_PLACE_MUNICIPALITY, code), r->name);
        assert_int_equal(yr_municipality_county(code), county);
        assert_int_equal(yr_municipality_code(i), code);
        assert_int_equal(yr_place_of_code(code, 4), YR_PLACE_MUNICIPALITY);
        assert_int_equal(yr_municipality_nearest(r->name, nl), code);
        /* the county, as SCB writes it */
        place_is(r->county, YR_PLACE_COUNTY, county);
        snprintf(buf, sizeof buf, "%.3s %.63s", r->county_code, r->county);
        place_is(buf, YR_PLACE_COUNTY, county);
        place_is(r->county_code, YR_PLACE_COUNTY, county);
        assert_string_equal(yr_place_name(YR_PLACE_COUNTY, county), r->county);
    }
    assert_int_equal(yr_municipality_code(nrows), -1);
}

/* ------------------------------------------------------------------ the key */

static void test_key_case_and_blanks(void **state)
{
    (void)state;
    KEY_IS("Falun", "falun");
    KEY_IS("FALUN", "falun");
    KEY_IS("falun", "falun");
    KEY_IS("\xc3\x84LVDALEN", a_UML "lvdalen");
    KEY_IS("  Falun \t\r\n", "falun");
    KEY_IS("Upplands   V" a_UML "sby", "upplands v" a_UML "sby");
    KEY_IS(NBSP "Upplands" NBSP "V" a_UML "sby" NBSP, "upplands v" a_UML "sby");
    KEY_IS(THIN "Upplands" NNBSP IDEO "V" a_UML "sby", "upplands v" a_UML "sby");
    KEY_IS("Malung-S" a_UML "len", "malung s" a_UML "len");
    KEY_IS("Malung" EN_DASH "S" a_UML "len", "malung s" a_UML "len");
    KEY_IS("MALUNG " EM_DASH " S\xc3\x84LEN", "malung s" a_UML "len");
    KEY_IS("Malung" NB_HYPHEN "S" a_UML "len", "malung s" a_UML "len");
    KEY_IS("Malung" MINUS "S" a_UML "len", "malung s" a_UML "len");
    KEY_IS("Malung - - S" a_UML "len", "malung s" a_UML "len");
    KEY_IS("Dals-Ed", "dals ed");
    KEY_IS("Fal\0un", "fal un"); /* NUL is a blank: a key never holds one */
    KEY_IS("", "");
    KEY_IS(" -\t", "");
    KEY_IS("Stra\xc3\x9f"
           "e",
           "strasse");                             /* ß folds to ss */
    KEY_IS("\xc2\xb5", "\xce\xbc");                /* µ MICRO SIGN folds to μ */
    KEY_IS("\xc4\xb0stanbul", "i\xcc\x87stanbul"); /* İ folds to i + U+0307 */
    KEY_IS("\xe1\xba\x9e", "ss");                  /* ẞ folds to ss */
}

static void test_key_invisible(void **state)
{
    (void)state;
    KEY_IS("Bor" SHY "l" a_UML "nge", "borl" a_UML "nge");
    KEY_IS("Fa" ZWSP "lun" ZWSP, "falun");
    KEY_IS(BOM "Falun", "falun");
    KEY_IS("Fa" ZWJ "l" ZWNJ "u" WJ "n", "falun");
    KEY_IS("Falun"
           "\xef\xb8\x8f",
           "falun");                  /* variation selector-16 */
    KEY_IS("Fa\xcd\x8flun", "falun"); /* U+034F COMBINING GRAPHEME JOINER */
    /* a soft hyphen is invisible: where the hyphen should be, the words join */
    KEY_IS("Malung" SHY "S" a_UML "len", "malungs" a_UML "len");
    KEY_IS("Falun " ZWSP " Mora", "falun mora");
}

static void test_key_nfc(void **state)
{
    (void)state;
    KEY_IS("Malung-Sa\xcc\x88len", "malung s" a_UML "len"); /* NFD */
    KEY_IS("A\xcc\x8a"
           "re",
           a_RING "re"); /* Å in NFD: åre */
    KEY_IS("\xc3\x85re", a_RING "re");
    KEY_IS("\xe2\x84\xab"
           "re",
           a_RING "re"); /* U+212B ANGSTROM SIGN is Å canonically */
    KEY_IS("O\xcc\x88"
           "rebro",
           o_UML "rebro");
    /* marks in another order: dot below (220) sorts before the circumflex (230) */
    KEY_IS("a\xcc\x82\xcc\xa3", "\xe1\xba\xad"); /* a + U+0302 + U+0323 -> ậ U+1EAD */
    KEY_IS("a\xcc\xa3\xcc\x82", "\xe1\xba\xad");
    /* Hangul jamo compose: U+1100 U+1161 U+11A8 -> U+AC01 */
    KEY_IS("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", "\xea\xb0\x81");
    /* U+0390 folds to ι + U+0308 + U+0301, which compose back to U+0390 */
    KEY_IS("\xce\x90", "\xce\x90");
}

static void test_key_invalid_and_limits(void **state)
{
    (void)state;
    KEY_IS("Fal\xffun", "fal\xffun");
    KEY_IS("\xc3", "\xc3");
    KEY_IS("A\xc3", "a\xc3");
    KEY_IS("\xed\xa0\x80", "\xed\xa0\x80"); /* a surrogate: three invalid bytes */
    /* an ignorable between invalid bytes stays, else E2 80 + 93 would become an en dash */
    KEY_IS("\xe2\x80" SHY "\x93", "\xe2\x80" SHY "\x93");
    KEY_IS("\xe2\x80 " SHY "\x93", "\xe2\x80 \x93");

    char k[16];
    size_t n = 7;
    assert_int_equal(yr_name_key(NULL, 0, k, sizeof k, &n), YR_READ_OK);
    assert_int_equal(n, 0);
    assert_string_equal(k, "");
    assert_int_equal(yr_name_key(NULL, 1, k, sizeof k, &n), YR_READ_ERR_NULL);
    assert_int_equal(yr_name_key("a", 1, NULL, 4, &n), YR_READ_ERR_NULL);
    memset(k, 'x', sizeof k);
    assert_int_equal(yr_name_key("Falun", 5, k, 5, &n), YR_READ_ERR_LIMIT);
    assert_int_equal(k[0], 'x'); /* untouched */
    assert_int_equal(yr_name_key("Falun", 5, k, 6, NULL), YR_READ_OK);
    assert_string_equal(k, "falun");

    /* the bound: U+1D160 (4 bytes) is U+1D158 U+1D165 U+1D16E in NFC (12 bytes) */
    const char *note = "\xf0\x9d\x85\xa0";
    char big[13];
    assert_int_equal(yr_name_key(note, 4, big, 12, &n), YR_READ_ERR_LIMIT);
    assert_int_equal(yr_name_key(note, 4, big, 13, &n), YR_READ_OK);
    assert_int_equal(n, 12);
    assert_memory_equal(big, "\xf0\x9d\x85\x98\xf0\x9d\x85\xa5\xf0\x9d\x85\xae", 13);
}

/* More than 30 combining marks: cut after every 30 (UAX #15), and the key is still its key. */
static void test_key_many_marks(void **state)
{
    (void)state;
    char s[2 + 31 * 2 + 1], want[2 + 30 * 2 + 2 + 1];
    s[0] = 'a';
    for (int i = 0; i < 31; i++)
        memcpy(s + 1 + 2 * i, "\xcc\x81", 2); /* U+0301 */
    s[63] = '\0';
    memcpy(want, "\xc3\xa1", 2); /* á, then 29 acutes; the 31st after the cut */
    for (int i = 0; i < 30; i++)
        memcpy(want + 2 + 2 * i, "\xcc\x81", 2);
    want[62] = '\0';
    key_is(s, 63, want);
    key_is(want, 62, want);
}

/* ------------------------------------------------------------------ places */

static void test_codes(void **state)
{
    (void)state;
    place_is("2080 Falun", YR_PLACE_MUNICIPALITY, 2080);
    place_is(" 2080" NBSP "Falun ", YR_PLACE_MUNICIPALITY, 2080);
    place_is("2080 " EN_DASH " Falu kommun", YR_PLACE_MUNICIPALITY, 2080);
    place_is("0114", YR_PLACE_MUNICIPALITY, 114);
    place_is("114", YR_PLACE_MUNICIPALITY, 114);
    place_is("114 Upplands V" a_UML "sby", YR_PLACE_MUNICIPALITY, 114);
    place_is("20", YR_PLACE_COUNTY, 20);
    place_is("01", YR_PLACE_COUNTY, 1);
    place_is("20 Dalarnas l" a_UML "n", YR_PLACE_COUNTY, 20);
    place_is("20 Dalarna", YR_PLACE_COUNTY, 20);  /* the short name, after the code only */
    place_is("01 Stockholm", YR_PLACE_COUNTY, 1); /* Stockholm alone is the municipality */
    place_is("09 Gotland", YR_PLACE_COUNTY, 9);
    place_is("00", YR_PLACE_NATION, 0);
    place_is("00 Riket", YR_PLACE_NATION, 0);
    place_is("00 Sverige", YR_PLACE_NATION, 0);

    place_fails("2080 Mora", "code 2080 is Falun, not 'Mora'");
    place_fails("2080 " NBSP "Mora kommun ", "code 2080 is Falun, not 'Mora kommun'");
    place_fails("2080 Dalarnas l" a_UML "n", "code 2080 is Falun, not 'Dalarnas l" a_UML "n'");
    place_fails("20 Falun", "code 20 is Dalarnas l" a_UML "n, not 'Falun'");
    place_fails("0980 Gotlands l" a_UML "n", "code 0980 is Gotland, not 'Gotlands l" a_UML "n'");
    place_fails("00 Falun", "code 00 is Riket, not 'Falun'");
    place_fails("9999", "'9999' is not a municipality code");
    place_fails("0000", "'0000' is not a municipality code");
    place_fails("999", "'999' is not a municipality code");
    place_fails("9999 Falun", "'9999 Falun': 9999 is not a municipality code");
    place_fails("26", "'26' is not a county code");
    place_fails("26 Falun", "'26 Falun': 26 is not a county code");
    const char *scb = "' is not an SCB code: a municipality's code has four digits (0114), a "
                      "county's two (01), the nation's is 00";
    char want[256];
    snprintf(want, sizeof want, "'1%s", scb);
    place_fails("1", want);
    snprintf(want, sizeof want, "'011%s", scb);
    place_fails("011", want);
    snprintf(want, sizeof want, "'12345%s", scb);
    place_fails("12345", want);

    assert_int_equal(yr_place_of_code(2080, 4), YR_PLACE_MUNICIPALITY);
    assert_int_equal(yr_place_of_code(114, 3), YR_PLACE_MUNICIPALITY);
    assert_int_equal(yr_place_of_code(114, 4), YR_PLACE_MUNICIPALITY);
    assert_int_equal(yr_place_of_code(20, 2), YR_PLACE_COUNTY);
    assert_int_equal(yr_place_of_code(0, 2), YR_PLACE_NATION);
    assert_int_equal(yr_place_of_code(1, 1), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(0, 1), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(20, 4), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(9999, 4), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(26, 2), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(99, 3), YR_PLACE_OTHER);
    assert_int_equal(yr_place_of_code(2080, 5), YR_PLACE_OTHER);
}

static void test_names(void **state)
{
    (void)state;
    place_is("Falun", YR_PLACE_MUNICIPALITY, 2080);
    place_is("FALUN", YR_PLACE_MUNICIPALITY, 2080);
    place_is("falun", YR_PLACE_MUNICIPALITY, 2080);
    place_is("Falu kommun", YR_PLACE_MUNICIPALITY, 2080);
    place_is("S" a_UML "ters kommun", YR_PLACE_MUNICIPALITY, 2082);
    place_is("Stockholms stad", YR_PLACE_MUNICIPALITY, 180);
    place_is("Upplands V" a_UML "sby kommun", YR_PLACE_MUNICIPALITY, 114);
    place_is("Bor" a_RING "s stad", YR_PLACE_MUNICIPALITY, 1490);
    place_is("Region Gotland", YR_PLACE_MUNICIPALITY, 980);
    place_is("Gotlands kommun", YR_PLACE_MUNICIPALITY, 980);
    place_is("Gotland", YR_PLACE_MUNICIPALITY, 980);
    place_is("Malung" EN_DASH "S" a_UML "len", YR_PLACE_MUNICIPALITY, 2023);
    place_is("Bor" SHY "l" a_UML "nge", YR_PLACE_MUNICIPALITY, 2081);
    place_is("Fa" ZWSP "lun", YR_PLACE_MUNICIPALITY, 2080);
    place_is("H" a_RING "bo", YR_PLACE_MUNICIPALITY, 305);
    place_is("Habo", YR_PLACE_MUNICIPALITY, 643);

    place_is("Dalarnas l" a_UML "n", YR_PLACE_COUNTY, 20);
    place_is("DALARNAS L\xc3\x84N", YR_PLACE_COUNTY, 20);
    place_is("Dalarna l" a_UML "n", YR_PLACE_COUNTY, 20);
    place_is("Sk" a_RING "ne l" a_UML "n", YR_PLACE_COUNTY, 12);
    place_is("Gotlands l" a_UML "n", YR_PLACE_COUNTY, 9);
    place_is("Dalarna", YR_PLACE_OTHER, -1); /* a bare county (or landscape) name: no county */
    place_is("Sk" a_RING "ne", YR_PLACE_OTHER, -1);
    place_is("Region Dalarna", YR_PLACE_OTHER, -1); /* an organisation */

    place_is("Riket", YR_PLACE_NATION, 0);
    place_is("Hela riket", YR_PLACE_NATION, 0);
    place_is("HELA RIKET", YR_PLACE_NATION, 0);
    place_is("Sverige", YR_PLACE_NATION, 0);

    place_is("Kommun 0000123", YR_PLACE_OTHER, -1);
    place_is("Borlange", YR_PLACE_OTHER, -1);
    place_is("Falun 2080", YR_PLACE_OTHER, -1);
    place_is("", YR_PLACE_OTHER, -1);

    assert_string_equal(yr_place_name(YR_PLACE_NATION, 0), "Riket");
    assert_null(yr_place_name(YR_PLACE_NATION, 1));
    assert_null(yr_place_name(YR_PLACE_OTHER, 2080));
    assert_null(yr_place_name(YR_PLACE_MUNICIPALITY, 9999));
    assert_null(yr_place_name(YR_PLACE_COUNTY, 2));
    assert_int_equal(yr_municipality_county(9999), -1);
    assert_int_equal(yr_municipality_county(20), -1);

    yr_place p;
    int code;
    assert_int_equal(yr_place_of(NULL, 1, &p, &code, NULL), YR_READ_ERR_NULL);
    assert_int_equal(yr_place_of("Falun", 5, NULL, &code, NULL), YR_READ_ERR_NULL);
    assert_int_equal(yr_place_of(NULL, 0, &p, &code, NULL), YR_READ_OK);
    assert_int_equal(p, YR_PLACE_OTHER);
}

static void nearest_is(const char *s, int want)
{
    int got = yr_municipality_nearest(s, strlen(s));
    if (got != want)
        fail_msg("nearest to '%s': %d, expected %d", s, got, want);
}

static void test_nearest(void **state)
{
    (void)state;
    nearest_is("Borlange", 2081); /* diacritics folded: distance 0 */
    nearest_is("BORLANGE", 2081);
    nearest_is("Stokholm", 180); /* one letter missing */
    nearest_is("Borlange kommun", 2081);
    nearest_is("Malung Salen", 2023);
    nearest_is("Helsingsborg", 1283); /* one letter too many (README's misspelling) */
    nearest_is("Filistad", 1782);     /* Filipstad, one letter missing */
    nearest_is("Orebro", 1880);
    nearest_is("Xyz", -1);
    nearest_is("", -1);
    nearest_is("Falun", 2080);
    /* Habo and Håbo fold alike: "Haabo" is 1 from both folded; unfolded it is 1 from Habo
     * and 2 from Håbo, so Habo */
    nearest_is("Haabo", 643);
    /* "Hobo": 1 from both, folded and not (o -> a, o -> å): the lower code, Håbo 0305 */
    nearest_is("Hobo", 305);
    /* "Håba": unfolded 1 from Håbo: Håbo */
    nearest_is("H" a_RING "ba", 305);
    /* at most two edits, and fewer than a third of the length */
    nearest_is("Stckhlm", 180); /* two edits, 7 letters: 2 < 7/3 */
    nearest_is("Stckhl", -1);   /* three edits */
    nearest_is("Mra", -1);      /* one edit, 3 letters: not 1 < 3/3 */
    nearest_is("Ed", -1);       /* Dals-Ed is further */
    nearest_is("Morra", 2062);  /* one edit, 5 letters */
    nearest_is("Stockholmmm", 180);
    nearest_is("Stockholmmmm", -1);
    assert_int_equal(yr_municipality_nearest(NULL, 3), -1);
}

/* yr_identity_key(): the header's examples, worked out from its rules. */
static void identity_is(const char *s, const char *want)
{
    char key[128];
    size_t len = 99;
    yr_read_error err;
    assert_int_equal(yr_identity_key(s, strlen(s), key, sizeof key, &len, &err), YR_READ_OK);
    assert_string_equal(key, want);
    assert_int_equal(len, strlen(want));
}

static void test_identity_key(void **state)
{
    (void)state;
    const char *falun[] = {
        "2080 Falun", "2080",        "Falun",        "FALUN",
        " Falun ",    "Falu kommun", "Falun kommun", "2080 " EN_DASH " Falu kommun"};
    for (size_t i = 0; i < sizeof falun / sizeof *falun; i++)
        identity_is(falun[i], "falun");
    identity_is("Region Gotland", "gotland");
    identity_is("Gotlands kommun", "gotland");
    identity_is("Dalarnas l" a_UML "n", "dalarnas l\xc3\xa4n");
    identity_is("20 Dalarna", "dalarnas l\xc3\xa4n");
    identity_is("Hela landet", "riket");
    identity_is("Region Dalarna", "region dalarna"); /* an organisation: its own key */
    identity_is("Borlange", "borlange");             /* no place: the caller refuses it */
    identity_is("", "");
    char key[128] = "untouched";
    yr_read_error err;
    assert_int_equal(yr_identity_key("2080 Mora", 9, key, sizeof key, NULL, &err),
                     YR_READ_ERR_IDENTITY);
    assert_string_equal(err.message, "code 2080 is Falun, not 'Mora'");
    assert_string_equal(key, "untouched");
    assert_int_equal(yr_identity_key("9999", 4, key, sizeof key, NULL, NULL), YR_READ_ERR_IDENTITY);
    /* "2080" gives "falun": 6 bytes with the NUL, more than the cell */
    assert_int_equal(yr_identity_key("2080", 4, key, 5, NULL, &err), YR_READ_ERR_LIMIT);
    assert_int_equal(err.status, YR_READ_ERR_LIMIT);
    assert_int_equal(yr_identity_key("2080", 4, key, 6, NULL, NULL), YR_READ_OK);
    assert_int_equal(yr_identity_key("Falun", 5, NULL, 6, NULL, &err), YR_READ_ERR_NULL);
}

/* yr_read_common_den(): by hand, 1,5 1,25 1,125 1 over 1000; 1/3 and 1/2 over 6. */
static void test_common_den(void **state)
{
    (void)state;
    const int64_t num[] = {15, 125, 1125, 1}, den[] = {10, 100, 1000, 1};
    int64_t out[4], common = 0;
    assert_int_equal(yr_read_common_den(num, den, 4, out, &common, NULL), YR_READ_OK);
    assert_int_equal(common, 1000);
    assert_int_equal(out[0], 1500);
    assert_int_equal(out[1], 1250);
    assert_int_equal(out[2], 1125);
    assert_int_equal(out[3], 1000);
    const int64_t n2[] = {1, 1, -5}, d2[] = {3, 2, 1};
    assert_int_equal(yr_read_common_den(n2, d2, 3, out, &common, NULL), YR_READ_OK);
    assert_int_equal(common, 6);
    assert_int_equal(out[0], 2);
    assert_int_equal(out[1], 3);
    assert_int_equal(out[2], -30);
    assert_int_equal(yr_read_common_den(NULL, NULL, 0, NULL, &common, NULL), YR_READ_OK);
    assert_int_equal(common, 1);
    /* 2^62 / 1 and 1 / 10: 2^62 × 10 does not fit */
    const int64_t n3[] = {INT64_C(1) << 62, 1}, d3[] = {1, 10};
    yr_read_error err;
    assert_int_equal(yr_read_common_den(n3, d3, 2, out, &common, &err), YR_READ_ERR_LIMIT);
    assert_int_equal(err.line, 2);
    const int64_t d4[] = {1, 0};
    assert_int_equal(yr_read_common_den(n3, d4, 2, out, &common, &err), YR_READ_ERR_OPTION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_municipality),
        cmocka_unit_test(test_key_case_and_blanks),
        cmocka_unit_test(test_key_invisible),
        cmocka_unit_test(test_key_nfc),
        cmocka_unit_test(test_key_invalid_and_limits),
        cmocka_unit_test(test_key_many_marks),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_identity_key),
        cmocka_unit_test(test_common_den),
    };
    return cmocka_run_group_tests(tests, read_csv, NULL);
}
