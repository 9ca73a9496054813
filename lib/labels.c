/* One rule for labels (labels.h): trimming, total rows, join keys, "2080 Falun" cells. */
#include <string.h>

#include "yrkesresa/labels.h"
#include "internal/wide.h"

/* Byte length of the blank that starts at s[i] (0 when s[i] does not start one). */
static size_t blank_at(const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\n' || *u == '\v' || *u == '\f')
        return 1;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0) /* U+00A0 */
        return 2;
    if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF || u[2] == 0x87))
        return 3;                                                  /* U+2009, U+202F, U+2007 */
    if (left >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) /* U+3000 */
        return 3;
    return 0;
}

/* Byte length of the blank that ends at s[end - 1] (0 when none does). */
static size_t blank_before(const char *s, size_t end)
{
    for (size_t k = 1; k <= 3 && k <= end; k++) {
        if (blank_at(s, end - k, end) == k)
            return k;
    }
    return 0;
}

YR_API size_t yr_label_trim(const char *s, size_t len, size_t *start)
{
    size_t b = 0, e = len, k;
    while (b < e && (k = blank_at(s, b, e)) != 0)
        b += k;
    while (e > b && (k = blank_before(s, e)) != 0)
        e -= k;
    if (start != NULL)
        *start = b == e ? 0 : b;
    return e - b;
}

/* Write the key of the trimmed label s[0..len) to dst (when not NULL, without a NUL); returns
 * its length. Runs of blanks and '-' become one ' ' between words; letters are folded. */
static size_t key_emit(const char *s, size_t len, char *dst)
{
    size_t out = 0, i = 0, k;
    int gap = 0;
    while (i < len) {
        if ((k = blank_at(s, i, len)) != 0 || s[i] == '-') {
            i += k ? k : 1;
            gap = 1;
            continue;
        }
        if (gap && out > 0) {
            if (dst != NULL)
                dst[out] = ' ';
            out++;
        }
        gap = 0;
        unsigned char c = (unsigned char)s[i];
        unsigned char next = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
        } else if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
            /* U+00C0..U+00DE (not U+00D7 ×): Latin-1 capitals, lower case is +0x20 */
            if (dst != NULL) {
                dst[out] = (char)c;
                dst[out + 1] = (char)(next + 0x20);
            }
            out += 2;
            i += 2;
            continue;
        }
        if (dst != NULL)
            dst[out] = (char)c;
        out++;
        i++;
    }
    return out;
}

YR_API yr_status yr_label_key(const char *s, char *dst, size_t cap, size_t *len)
{
    if (s == NULL || dst == NULL)
        return YR_ERR_NULL;
    size_t start;
    size_t n = yr_label_trim(s, strlen(s), &start);
    size_t need = key_emit(s + start, n, NULL);
    if (need >= cap)
        return YR_ERR_OVERFLOW;
    key_emit(s + start, n, dst);
    dst[need] = '\0';
    if (len != NULL)
        *len = need;
    return YR_OK;
}

YR_API int yr_label_is_total(const char *s)
{
    static const char *const totals[] = {
        "summa",
        "totalt",
        "total",
        "sum",
        "summa kommuner",
        "totalt l\xc3\xa4net",
        "summa l\xc3\xa4net",
        "hela l\xc3\xa4net",
        "riket",
        "totalsumma",
    };
    static const char county[] = " l\xc3\xa4n"; /* " län" */
    if (s == NULL)
        return 0;
    size_t start;
    size_t n = yr_label_trim(s, strlen(s), &start);
    s += start;
    start = 0;
    if (n > 0 && s[n - 1] == ':')
        n = yr_label_trim(s, n - 1, &start);
    if (n == 0 || n > 200)
        return 0;
    s += start;
    char key[201];
    size_t klen = key_emit(s, n, key);
    key[klen] = '\0';
    for (size_t i = 0; i < sizeof totals / sizeof totals[0]; i++) {
        if (strcmp(key, totals[i]) == 0)
            return 1;
    }
    size_t clen = sizeof county - 1;
    return klen > clen && memcmp(key + klen - clen, county, clen) == 0;
}

YR_API int yr_label_code(const char *s, int *code, size_t *name_start)
{
    if (s == NULL)
        return 0;
    size_t start;
    size_t n = yr_label_trim(s, strlen(s), &start);
    const char *t = s + start;
    int c = 0;
    for (size_t i = 0; i < 4; i++) {
        if (i >= n || t[i] < '0' || t[i] > '9')
            return 0;
        c = c * 10 + (t[i] - '0');
    }
    size_t i = 4, k;
    while (i < n && (k = blank_at(t, i, n)) != 0)
        i += k;
    if (i == 4 || i >= n) /* no blank after the code, or no name */
        return 0;
    if (code != NULL)
        *code = c;
    if (name_start != NULL)
        *name_start = start + i;
    return 1;
}

YR_API yr_status yr_find_total_row(const int64_t *w, size_t n, size_t *index)
{
    if (index == NULL || (w == NULL && n > 0))
        return YR_ERR_NULL;
    *index = YR_WHERE_NONE;
    if (n < 3)
        return YR_OK;
    /* |sum| <= n × 2^63 < 2^127: exact in 128 bits. */
    yr_i128 total = 0;
    for (size_t i = 0; i < n; i++)
        total += w[i];
    for (size_t i = 0; i < n; i++) {
        if (w[i] != 0 && 2 * (yr_i128)w[i] == total) {
            *index = i;
            break;
        }
    }
    return YR_OK;
}
