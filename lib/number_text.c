/* Exact numbers as text (number.h): a share as a fraction, a percentage rounded half away from
 * zero, a quota truncated with "…". Long division on integers, one digit at a time: no floating
 * point, no locale. */
#include <string.h>

#include "yrkesresa/number.h"
#include "internal/wide.h"

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

/* The text of one number while it is built (never longer than YR_NUMBER_TEXT_MAX - 1). */
typedef struct numtext {
    char s[YR_NUMBER_TEXT_MAX];
    size_t len;
} numtext;

/* "-" when negative, the integer part (any 128-bit value), then '.' when decimals > 0. */
static void put_head(numtext *t, int negative, yr_u128 whole, unsigned decimals)
{
    char digits[40];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + (int)(whole % 10));
        whole /= 10;
    } while (whole != 0);
    t->len = 0;
    if (negative)
        t->s[t->len++] = '-';
    while (n > 0)
        t->s[t->len++] = digits[--n];
    if (decimals > 0)
        t->s[t->len++] = '.';
    t->s[t->len] = '\0';
}

/* The first @p decimals digits of rem / den (0 <= rem < den) appended; returns what is left of
 * the remainder after them (over den). */
static uint64_t put_digits(numtext *t, uint64_t rem, uint64_t den, unsigned decimals)
{
    for (unsigned k = 0; k < decimals; k++) {
        yr_u128 r = (yr_u128)rem * 10;
        t->s[t->len++] = (char)('0' + (int)(r / den));
        rem = (uint64_t)(r % den);
    }
    t->s[t->len] = '\0';
    return rem;
}

/* Add one unit in the last digit (rounding up the magnitude), from position first on. */
static void round_up(numtext *t, size_t first)
{
    size_t i = t->len;
    while (i-- > first) {
        if (t->s[i] == '.')
            continue;
        if (t->s[i] != '9') {
            t->s[i]++;
            return;
        }
        t->s[i] = '0';
    }
    memmove(t->s + first + 1, t->s + first, t->len - first + 1); /* all nines: one more digit */
    t->s[first] = '1';
    t->len++;
}

/* 1 when the text (after a possible '-') has only zeros. */
static int all_zero(const numtext *t)
{
    for (size_t i = 0; i < t->len; i++)
        if (t->s[i] >= '1' && t->s[i] <= '9')
            return 0;
    return 1;
}

static yr_status emit(const numtext *t, char *buf, size_t cap)
{
    if (t->len + 1 > cap)
        return YR_ERR_RANGE;
    memcpy(buf, t->s, t->len + 1);
    return YR_OK;
}

YR_API yr_status yr_share_text(int64_t part, int64_t whole, char *buf, size_t cap)
{
    if (buf == NULL)
        return YR_ERR_NULL;
    if (whole <= 0)
        return YR_ERR_RANGE;
    numtext t, w;
    put_head(&t, part < 0, yr_abs64(part), 0);
    put_head(&w, 0, (uint64_t)whole, 0);
    t.s[t.len++] = '/';
    memcpy(t.s + t.len, w.s, w.len + 1);
    t.len += w.len;
    return emit(&t, buf, cap);
}

YR_API yr_status yr_percent_text(int64_t num, int64_t den, unsigned decimals, char *buf, size_t cap)
{
    if (buf == NULL)
        return YR_ERR_NULL;
    if (den <= 0 || decimals > 18)
        return YR_ERR_RANGE;
    yr_u128 mag = (yr_u128)yr_abs64(num) * 100; /* < 2^70 */
    numtext t;
    int negative = num < 0;
    put_head(&t, negative, mag / (uint64_t)den, decimals);
    size_t first = negative;
    uint64_t rem = put_digits(&t, (uint64_t)(mag % (uint64_t)den), (uint64_t)den, decimals);
    if ((yr_u128)rem * 2 >= (uint64_t)den)
        round_up(&t, first);
    if (negative && all_zero(&t)) { /* -0.0000 is 0.0000 */
        memmove(t.s, t.s + 1, t.len);
        t.len--;
    }
    return emit(&t, buf, cap);
}

YR_API yr_status yr_quota_text(int64_t whole, int64_t rem, int64_t den, unsigned decimals,
                               char *buf, size_t cap)
{
    if (buf == NULL)
        return YR_ERR_NULL;
    if (den <= 0 || rem < 0 || rem >= den || decimals > 18)
        return YR_ERR_RANGE;
    /* Toward zero: a negative value with a fraction is -(|whole| - 1 + (den - rem) / den). */
    int negative = whole < 0;
    uint64_t mag = yr_abs64(whole), frac = (uint64_t)rem;
    if (negative && rem != 0) {
        mag -= 1;
        frac = (uint64_t)den - (uint64_t)rem;
    }
    numtext t;
    put_head(&t, negative && (mag != 0 || frac != 0), mag, decimals);
    if (put_digits(&t, frac, (uint64_t)den, decimals) != 0) {
        memcpy(t.s + t.len, ELLIPSIS, sizeof ELLIPSIS);
        t.len += sizeof ELLIPSIS - 1;
    }
    return emit(&t, buf, cap);
}
