/* libFuzzer target: the library's label and number-text rules (labels.h, number.h) on any
 * bytes. Checks, besides what the sanitizers catch:
 *   - yr_label_trim: the kept span lies inside the input, trimming it again keeps all of it;
 *   - yr_label_key: the key is never longer than the label, the key of the key is the key, the
 *     trimmed label has the same key and so has the label with '-' as ' ' and upper-case ASCII,
 *     a buffer one byte short is YR_ERR_OVERFLOW (dst untouched);
 *   - yr_label_is_total is 0 or 1 and the same for the trimmed label and with a ':' after it;
 *     yr_label_code gives a 4-digit code and a name inside the cell;
 *   - yr_fraction_from_text: den > 0 on YR_OK, outputs untouched on error, the same answer with
 *     blanks around; a decimal with '%' after it gives den times 100;
 *   - yr_fraction_from_double on the first 8 bytes as a double: written out, num/10^k reads back
 *     as the same double (strtod) with no trailing zero; NaN/inf YR_ERR_RANGE;
 *   - yr_count_from_percent: the count is the percentage of n rounded half away from zero (exact
 *     128-bit arithmetic) and, for a power-of-ten denominator, *exact as documented;
 *   - yr_find_total_row on the input read as integers, against the definition (first i with
 *     w_i != 0 and w_i == W - w_i, n >= 3).
 * Input: the bytes up to the first NUL are the label; all of them are also read as fz_ints. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "yrkesresa.h"

/* A NUL-terminated copy of s[0..n) in a buffer of exactly n + 1 bytes. */
static char *copy(const char *s, size_t n)
{
    char *c = fz_alloc_pattern(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

static void check_trim_and_key(const char *s, size_t len)
{
    size_t start = 99, kept = yr_label_trim(s, len, &start);
    FZ_CHECK(kept <= len && (kept == 0 ? start == 0 : start + kept <= len));
    size_t start2 = 99;
    FZ_CHECK(yr_label_trim(s + start, kept, &start2) == kept && start2 == 0);
    char *trimmed = copy(s + start, kept);

    char *key = fz_alloc_pattern(len + 1), *key2 = fz_alloc_pattern(len + 1);
    size_t klen = 0, klen2 = 0;
    FZ_CHECK(yr_label_key(s, key, len + 1, &klen) == YR_OK);
    FZ_CHECK(klen <= len && strlen(key) == klen);
    FZ_CHECK(yr_label_key(key, key2, klen + 1, &klen2) == YR_OK);
    FZ_CHECK(klen2 == klen && strcmp(key, key2) == 0);
    FZ_CHECK(yr_label_key(trimmed, key2, len + 1, &klen2) == YR_OK && strcmp(key, key2) == 0);
    /* '-' and ' ' alike, ASCII case ignored: the same key */
    char *alike = copy(s, len);
    for (size_t i = 0; i < len; i++) {
        if (alike[i] == '-')
            alike[i] = ' ';
        else if (alike[i] >= 'a' && alike[i] <= 'z')
            alike[i] = (char)(alike[i] - 'a' + 'A');
    }
    FZ_CHECK(yr_label_key(alike, key2, len + 1, &klen2) == YR_OK && strcmp(key, key2) == 0);
    free(alike);
    char *shortbuf = fz_alloc_pattern(klen);
    size_t untouched = 77;
    FZ_CHECK(yr_label_key(s, shortbuf, klen, &untouched) == YR_ERR_OVERFLOW);
    FZ_CHECK(untouched == 77 && fz_is_pattern(shortbuf, klen));

    int total = yr_label_is_total(s);
    FZ_CHECK((total == 0 || total == 1) && yr_label_is_total(trimmed) == total);
    if (kept > 0 && trimmed[kept - 1] != ':') { /* an optional trailing ':' */
        char *colon = copy(trimmed, kept + 1);
        colon[kept] = ':';
        FZ_CHECK(yr_label_is_total(colon) == total);
        free(colon);
    }
    int code = -1;
    size_t name = 99999;
    if (yr_label_code(s, &code, &name))
        FZ_CHECK(code >= 0 && code <= 9999 && name < len);
    else
        FZ_CHECK(code == -1 && name == 99999);
    free(shortbuf);
    free(key);
    free(key2);
    free(trimmed);
}

static void check_fraction(const char *s, size_t len)
{
    int64_t num = 5, den = 7;
    yr_status st = yr_fraction_from_text(s, &num, &den);
    FZ_CHECK(st == YR_OK || st == YR_ERR_RANGE || st == YR_ERR_OVERFLOW);
    if (st != YR_OK) {
        FZ_CHECK(num == 5 && den == 7);
    } else {
        FZ_CHECK(den > 0);
    }
    if (st == YR_OK && !memchr(s, '%', len) && !memchr(s, '/', len) && den <= INT64_MAX / 100) {
        /* the same decimal as a percentage: den times 100 */
        char *pct = copy(s, len + 1);
        pct[len] = '%';
        int64_t pn = 5, pd = 7;
        FZ_CHECK(yr_fraction_from_text(pct, &pn, &pd) == YR_OK && pn == num && pd == den * 100);
        free(pct);
    }
    char *padded = fz_alloc_pattern(len + 3);
    padded[0] = ' ';
    memcpy(padded + 1, s, len);
    padded[len + 1] = '\t';
    padded[len + 2] = '\0';
    int64_t num2 = 5, den2 = 7;
    FZ_CHECK(yr_fraction_from_text(padded, &num2, &den2) == st && num2 == num && den2 == den);
    free(padded);
}

FZ_NOCOV static void check_total_row(fz_reader *rd)
{
    int64_t w[64];
    size_t n = 0;
    __int128 W = 0;
    while (fz_left(rd) > 0 && n < 64) {
        w[n] = fz_int(rd);
        W += w[n++];
    }
    size_t want = YR_WHERE_NONE, got = 12345;
    for (size_t i = 0; n >= 3 && i < n && want == YR_WHERE_NONE; i++)
        if (w[i] != 0 && (__int128)w[i] == W - w[i])
            want = i;
    FZ_CHECK(yr_find_total_row(w, n, &got) == YR_OK && got == want);
}

/* yr_fraction_from_double: num/10^k written out reads back as x (strtod), no trailing zero. */
FZ_NOCOV static void check_double(fz_reader *rd)
{
    uint64_t bits = fz_bytes(rd, 8);
    double x;
    memcpy(&x, &bits, sizeof x);
    int64_t num = 5, den = 7;
    yr_status st = yr_fraction_from_double(x, &num, &den);
    if (x != x || x - x != 0) { /* NaN or an infinity */
        FZ_CHECK(st == YR_ERR_RANGE && num == 5 && den == 7);
        return;
    }
    if (st != YR_OK) {
        FZ_CHECK(st == YR_ERR_OVERFLOW && num == 5 && den == 7);
        return;
    }
    unsigned k = 0;
    int64_t p = 1;
    while (p < den && k < 18)
        p *= 10, k++;
    FZ_CHECK(p == den && (k == 0 || num % 10 != 0));
    char digits[32], text[48];
    snprintf(digits, sizeof digits, "%0*llu", (int)k + 1, (unsigned long long)fz_abs(num));
    size_t nd = strlen(digits);
    snprintf(text, sizeof text, "%s%.*s.%s", num < 0 ? "-" : "", (int)(nd - k), digits,
             digits + nd - k);
    FZ_CHECK(strtod(text, NULL) == x);
}

/* yr_count_from_percent: the count rounded half away from zero, exact (power-of-ten case). */
FZ_NOCOV static void check_percent(fz_reader *rd)
{
    int64_t pn = fz_int(rd), pd = fz_int(rd), n = fz_int(rd), count = -5;
    int exact = 7;
    yr_status st = yr_count_from_percent(pn, pd, n, &count, &exact);
    int valid = pd > 0 && pn >= 0 && (fz_u128)pn <= (fz_u128)pd * 100 && n >= 1;
    if (!valid) {
        FZ_CHECK(st == YR_ERR_RANGE && count == -5 && exact == 7);
        return;
    }
    FZ_CHECK(st == YR_OK && (exact == 0 || exact == 1));
    fz_u128 D = (fz_u128)pd * 200, N = (fz_u128)pn * (uint64_t)n * 2;
    FZ_CHECK((fz_u128)count == (N + D / 2) / D);
    uint64_t p = 1;
    unsigned d = 0;
    while (p < (uint64_t)pd && d < 16)
        p *= 10, d++;
    if (p == (uint64_t)pd) { /* count * 100 * 10^d / n, half away from zero, == pn */
        fz_u128 shown = ((fz_u128)count * 100 * p * 2 + (uint64_t)n) / ((fz_u128)n * 2);
        FZ_CHECK(exact == (shown == (fz_u128)pn));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *nul = memchr(data, '\0', size);
    size_t len = nul ? (size_t)(nul - (const char *)data) : size;
    char *s = copy((const char *)data, len);
    check_trim_and_key(s, len);
    check_fraction(s, len);
    fz_reader rd = {data, size};
    check_double(&rd);
    check_percent(&rd);
    rd = (fz_reader){data, size};
    check_total_row(&rd);
    free(s);
    return 0;
}
