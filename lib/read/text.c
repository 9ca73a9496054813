/* Text helpers of the reader: UTF-8, blanks, case folding, messages that fit their struct; the
 * allocation of arrays of a row each. */
#define _DEFAULT_SOURCE /* posix_memalign and madvise under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "internal.h"

const int64_t rd_pow10[19] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

size_t rd_utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (k == 0 || c > 0xF4 || k > n)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90))
        return 0;
    return k;
}

size_t rd_utf8_invalid_at(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path: eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = rd_utf8_len(s + i, n - i);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

size_t rd_utf8_whole(const char *s, size_t k)
{
    size_t i = k;
    while (i > 0 && k - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0 || ((unsigned char)s[i - 1] & 0xC0) != 0xC0)
        return k;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return k - (i - 1) < need ? i - 1 : k;
}

size_t rd_blank_at(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2; /* NBSP */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] == 0x87 || s[2] == 0x89 || s[2] == 0xAF || s[2] == 0x8B || s[2] == 0x8A ||
         s[2] == 0x88 || s[2] == 0x8C || s[2] == 0x8D))
        return 3; /* U+2007, U+2009, U+202F, U+200B, U+200A, U+2008, U+200C, U+200D */
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3; /* U+3000 */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3; /* U+FEFF */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0)
        return 3; /* U+2060 word joiner */
    return 0;
}

/* The length of the blank that ends at s[0..n), or 0. */
static size_t blank_before(const unsigned char *s, size_t n)
{
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (rd_blank_at(s + n - k, k) == k)
            return k;
    return 0;
}

size_t rd_trim_any(const char *s, size_t len, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t a = 0, b = len, k;
    while (a < b && (k = rd_blank_at(u + a, b - a)) > 0)
        a += k;
    while (b > a && (k = blank_before(u + a, b - a)) > 0)
        b -= k;
    if (start != NULL)
        *start = a;
    return b - a;
}

/* One character folded: ASCII letters and U+00C0..U+00DE to lower case. Writes 1 or 2 bytes. */
static size_t fold1(const unsigned char *s, size_t n, char *out, size_t *used)
{
    if (s[0] >= 'A' && s[0] <= 'Z') {
        out[0] = (char)(s[0] + 32);
        *used = 1;
        return 1;
    }
    if (s[0] == 0xC3 && n >= 2 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
        out[0] = (char)0xC3;
        out[1] = (char)(s[1] + 0x20);
        *used = 2;
        return 2;
    }
    out[0] = (char)s[0];
    *used = 1;
    return 1;
}

size_t rd_fold(const char *s, size_t len, char *dst, size_t cap)
{
    size_t o = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < len && o + 3 < cap) {
        size_t used;
        o += fold1(u + i, len - i, dst + o, &used);
        i += used;
    }
    dst[o] = '\0';
    return o;
}

size_t rd_prefix_fold(const char *s, size_t len, const char *lower)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, j = 0, ll = strlen(lower);
    while (j < ll) {
        if (i >= len)
            return 0;
        char f[2];
        size_t used, k = fold1(u + i, len - i, f, &used);
        if (j + k > ll || f[0] != lower[j] || (k == 2 && f[1] != lower[j + 1]))
            return 0; /* one or two bytes: compared here, not by a call a character */
        i += used;
        j += k;
    }
    return i;
}

const char *rd_show(char *dst, size_t cap, const char *s, size_t len, size_t max)
{
    size_t start, n = rd_trim(s, len, &start), o = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s + start;
    while (i < n && o + 8 < cap) {
        if (o >= max) {
            memcpy(dst + o, "\xE2\x80\xA6", 3);
            o += 3;
            break;
        }
        size_t k = rd_utf8_len(u + i, n - i);
        if (k == 0 || u[i] < 0x20 || u[i] == 0x7F) {
            dst[o++] = '?';
            i += k ? k : 1;
            continue;
        }
        if (o + k + 8 >= cap)
            break;
        memcpy(dst + o, u + i, k);
        o += k;
        i += k;
    }
    dst[o] = '\0';
    return dst;
}

void rd_vfail(yr_read_error *err, yr_read_status st, size_t line, const char *fmt, va_list ap)
{
    if (err == NULL)
        return;
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    size_t n = strlen(tmp);
    if (n >= sizeof err->message)
        n = rd_utf8_whole(tmp, sizeof err->message - 1);
    for (size_t i = 0; i < n; i++)
        if (tmp[i] == '\n' || tmp[i] == '\r')
            tmp[i] = ' ';
    memcpy(err->message, tmp, n);
    err->message[n] = '\0';
    err->status = st;
    err->line = line;
    err->other_line = 0;
    err->column = YR_READ_NONE;
    err->cell_ref[0] = '\0';
}

yr_read_status rd_fail(yr_read_error *err, yr_read_status st, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rd_vfail(err, st, line, fmt, ap);
    va_end(ap);
    return st;
}

int rd_buf_reserve(rd_buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *q = realloc(b->p, cap < 256 ? 256 : cap);
        if (q == NULL)
            return 0;
        b->p = q;
        b->cap = cap < 256 ? 256 : cap;
    }
    return 1;
}

int rd_buf_add(rd_buf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        if (cap < 256)
            cap = 256;
        char *q = realloc(b->p, cap);
        if (q == NULL)
            return 0;
        b->p = q;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 1;
}

int rd_buf_printf(rd_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return 0;
    if ((size_t)n >= sizeof tmp)
        n = (int)rd_utf8_whole(tmp, sizeof tmp - 1);
    return rd_buf_add(b, tmp, (size_t)n);
}

void *rd_alloc_rows(size_t bytes, int zero)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const size_t huge = (size_t)2 << 20;
    void *p = NULL;
    size_t whole = (bytes + huge - 1) / huge * huge; /* the tail too: no 4 KiB faults */
    if (bytes >= huge / 2 && whole >= bytes && posix_memalign(&p, huge, whole) == 0) {
        madvise(p, whole, MADV_HUGEPAGE); /* advice: without it the array still works */
        if (zero)
            memset(p, 0, bytes);
        return p;
    }
#endif
    return zero ? calloc(1, bytes ? bytes : 1) : malloc(bytes ? bytes : 1);
}
