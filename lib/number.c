/* One rule for decimals, fractions and percentages (number.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/number.h"
#include "yrkesresa/labels.h"
#include "internal/where.h"
#include "internal/wide.h"

/* 10^k for k = 0..18 (10^18 < 2^63 <= 10^19). */
/* clang-format off */
static const int64_t pow10_i64[19] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000,
    100000000000, 1000000000000, 10000000000000, 100000000000000, 1000000000000000,
    10000000000000000, 100000000000000000, 1000000000000000000};
/* clang-format on */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* acc = acc * 10 + digit, 0 on overflow of int64. */
static int push_digit(int64_t *acc, char c)
{
    if (*acc > (INT64_MAX - (c - '0')) / 10)
        return 0;
    *acc = *acc * 10 + (c - '0');
    return 1;
}

/* Digits of s[*i..end) into *acc, as many as there are; returns how many (0 for none), or -1
 * on overflow. */
static long read_digits(const char *s, size_t *i, size_t end, int64_t *acc)
{
    long count = 0;
    for (; *i < end && is_digit(s[*i]); (*i)++, count++) {
        if (!push_digit(acc, s[*i]))
            return -1;
    }
    return count;
}

/* Skip the blanks of yr_label_trim() in s[*i..end). */
static void skip_blanks(const char *s, size_t *i, size_t end)
{
    size_t start;
    size_t len = yr_label_trim(s + *i, end - *i, &start);
    *i = len == 0 ? end : *i + start;
}

/* A decimal "I[,.F]" at s[*i..end): num = IF, den = 10^|F|. */
static yr_status read_decimal(const char *s, size_t *i, size_t end, int64_t *num, int64_t *den)
{
    int64_t acc = 0;
    long whole = read_digits(s, i, end, &acc);
    long frac = 0;
    if (whole < 0)
        return YR_ERR_OVERFLOW;
    if (*i < end && (s[*i] == ',' || s[*i] == '.')) {
        (*i)++;
        frac = read_digits(s, i, end, &acc);
        if (frac < 0)
            return YR_ERR_OVERFLOW;
        if (frac == 0)
            return YR_ERR_RANGE; /* "5." or "," */
    }
    if (whole == 0 && frac == 0)
        return YR_ERR_RANGE;
    if (frac > 18)
        return YR_ERR_OVERFLOW;
    *num = acc;
    *den = pow10_i64[frac];
    return YR_OK;
}

/* The value of the text s[i..end) after the sign: a decimal, a percentage or a ratio. */
static yr_status read_fraction(const char *s, size_t i, size_t end, int64_t *num, int64_t *den)
{
    int64_t n = 0, d = 1;
    yr_status st = read_decimal(s, &i, end, &n, &d);
    if (st != YR_OK)
        return st;
    skip_blanks(s, &i, end);
    if (i < end && s[i] == '%') {
        i++;
        if (d > INT64_MAX / 100)
            return YR_ERR_OVERFLOW;
        d *= 100;
    } else if (i < end && s[i] == '/') {
        if (d != 1) /* "0,5/2" is not a ratio of whole numbers */
            return YR_ERR_RANGE;
        i++;
        skip_blanks(s, &i, end);
        d = 0;
        long digits = read_digits(s, &i, end, &d);
        if (digits < 0)
            return YR_ERR_OVERFLOW;
        if (digits == 0 || d == 0)
            return YR_ERR_RANGE;
    }
    if (i != end)
        return YR_ERR_RANGE;
    *num = n;
    *den = d;
    return YR_OK;
}

YR_API yr_status yr_fraction_from_text_where(const char *s, int64_t *num, int64_t *den,
                                             yr_where *where)
{
    yr_where_clear(where);
    yr_status st = yr_where_null(where, 3, (const void *[]){s, num, den},
                                 (const char *const[]){"s", "num", "den"});
    if (st != YR_OK)
        return st;
    size_t start, end, i;
    end = yr_label_trim(s, strlen(s), &start);
    i = start;
    end += start;
    int negative = i < end && s[i] == '-';
    if (i < end && (s[i] == '-' || s[i] == '+'))
        i++;
    int64_t n = 0, d = 1;
    st = read_fraction(s, i, end, &n, &d);
    if (st != YR_OK)
        return yr_where_arg_why(
            where, st, "s",
            YR_WHY_TEXT(st == YR_ERR_OVERFLOW ? YR_REASON_TOO_MANY_DIGITS : YR_REASON_NOT_A_NUMBER,
                        NULL, s + start, end - start, 0));
    *num = negative ? -n : n;
    *den = d;
    return YR_OK;
}

YR_API yr_status yr_fraction_from_text(const char *s, int64_t *num, int64_t *den)
{
    return yr_fraction_from_text_where(s, num, den, NULL);
}

/* The significant digits and the decimal exponent of printed text such as "-1.25e-07", "300",
 * "0.30000000000000004": value = sign × mant × 10^exp. The decimal point may be any single
 * character the C locale prints. */
static yr_status parse_printed(const char *buf, int *negative, int64_t *mant, int *exp)
{
    size_t i = 0;
    int64_t m = 0;
    int e = 0, seen_point = 0;
    *negative = buf[0] == '-';
    if (buf[0] == '-' || buf[0] == '+')
        i++;
    for (; buf[i] != '\0' && buf[i] != 'e' && buf[i] != 'E'; i++) {
        if (!is_digit(buf[i])) {
            seen_point = 1;
            continue;
        }
        if (!push_digit(&m, buf[i]))
            return YR_ERR_OVERFLOW; /* cannot happen with at most 17 digits */
        if (seen_point)
            e--;
    }
    if (buf[i] != '\0')
        e += atoi(buf + i + 1);
    *mant = m;
    *exp = e;
    return YR_OK;
}

/* The shortest text "%.Ng" that reads back as x ("NaN", "inf", "-inf" for those). */
static void shortest_text(double x, char *buf, size_t size)
{
    if (isnan(x)) {
        snprintf(buf, size, "NaN"); /* printf's sign of a NaN differs between platforms */
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}

/* The fraction of the shortest decimal of a finite x (YR_ERR_OVERFLOW when it does not fit). */
static yr_status shortest_decimal(double x, int64_t *num, int64_t *den)
{
    char buf[40];
    shortest_text(x, buf, sizeof buf);
    int negative, exp;
    int64_t mant;
    yr_status st = parse_printed(buf, &negative, &mant, &exp);
    if (st != YR_OK)
        return st;
    int64_t d = 1;
    if (exp < -18)
        return YR_ERR_OVERFLOW;
    if (exp < 0) {
        d = pow10_i64[-exp];
    } else if (mant != 0) {
        if (exp > 18 || mant > INT64_MAX / pow10_i64[exp])
            return YR_ERR_OVERFLOW;
        mant *= pow10_i64[exp];
    }
    *num = negative ? -mant : mant;
    *den = d;
    return YR_OK;
}

YR_API yr_status yr_fraction_from_double_where(double x, int64_t *num, int64_t *den,
                                               yr_where *where)
{
    yr_where_clear(where);
    if (num == NULL || den == NULL)
        return yr_where_arg(where, YR_ERR_NULL, num == NULL ? "num" : "den");
    yr_status st = isfinite(x) ? shortest_decimal(x, num, den) : YR_ERR_RANGE;
    if (st != YR_OK) {
        char text[40];
        shortest_text(x, text, sizeof text);
        return yr_where_arg_why(
            where, st, "x",
            YR_WHY_TEXT(st == YR_ERR_RANGE ? YR_REASON_NOT_FINITE : YR_REASON_TOO_MANY_DIGITS, NULL,
                        text, 0, 0));
    }
    return YR_OK;
}

YR_API yr_status yr_fraction_from_double(double x, int64_t *num, int64_t *den)
{
    return yr_fraction_from_double_where(x, num, den, NULL);
}

yr_status yr_where_why_double(yr_where *where, yr_status st, const char *arg, yr_reason reason,
                              double x)
{
    int64_t num = 0, den = 1;
    char text[40] = "";
    if (!isfinite(x) || shortest_decimal(x, &num, &den) != YR_OK)
        shortest_text(x, text, sizeof text);
    return yr_where_arg_why(where, st, arg,
                            (yr_why){.reason = reason,
                                     .v = {num, den},
                                     .name = {arg, NULL},
                                     .text = text[0] != '\0' ? text : NULL});
}

/* 1 when d is 10^k for some k (into *k). */
static int power_of_ten(int64_t d, int *k)
{
    for (int i = 0; i < 19; i++) {
        if (pow10_i64[i] == d) {
            *k = i;
            return 1;
        }
    }
    return 0;
}

/* The checks of yr_count_from_percent. */
static yr_status check_percent(int64_t pct_num, int64_t pct_den, int64_t n, yr_where *where)
{
    if (pct_den <= 0)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "pct",
            YR_WHY_NAMED(YR_REASON_DENOMINATOR, "percent", NULL, pct_num, pct_den));
    if (pct_num < 0)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "pct",
            YR_WHY_NAMED(YR_REASON_FRACTION_NEGATIVE, "percent", NULL, pct_num, pct_den));
    if ((yr_u128)pct_num > (yr_u128)pct_den * 100)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "pct",
            YR_WHY_NAMED(YR_REASON_PERCENT_RANGE, "percent", NULL, pct_num, pct_den));
    if (n < 1)
        return yr_where_arg_why(where, YR_ERR_RANGE, "n", YR_WHY(YR_REASON_BELOW_ONE, n));
    return YR_OK;
}

YR_API yr_status yr_count_from_percent_where(int64_t pct_num, int64_t pct_den, int64_t n,
                                             int64_t *count, int *exact, yr_where *where)
{
    yr_where_clear(where);
    if (count == NULL || exact == NULL)
        return yr_where_arg(where, YR_ERR_NULL, count == NULL ? "count" : "exact");
    yr_status st = check_percent(pct_num, pct_den, n, where);
    if (st != YR_OK)
        return st;
    /* count = floor(pct × n / 100 + 1/2) = floor((2 pct_num n + 100 pct_den) / (200 pct_den));
     * pct_num n < 2^126, so every term fits 128 bits. */
    yr_u128 scale = (yr_u128)pct_den * 200;
    yr_u128 c = ((yr_u128)pct_num * (uint64_t)n * 2 + (yr_u128)pct_den * 100) / scale;
    int k;
    int ok;
    if (power_of_ten(pct_den, &k)) {
        /* count × 100 / n shown with k decimals is pct_num / 10^k exactly when
         * (2 pct_num - 1) n <= 200 count 10^k < (2 pct_num + 1) n (half away from zero). */
        yr_u128 lo = pct_num == 0 ? 0 : (yr_u128)(2 * (yr_u128)pct_num - 1);
        yr_u128 hi = 2 * (yr_u128)pct_num + 1;
        yr_u128 shown = c * 200;
        ok = yr_cmp_products(lo, (uint64_t)n, shown, (uint64_t)pct_den) <= 0 &&
             yr_cmp_products(shown, (uint64_t)pct_den, hi, (uint64_t)n) < 0;
    } else {
        ok = yr_cmp_products(c * 100, (uint64_t)pct_den, (uint64_t)pct_num, (uint64_t)n) == 0;
    }
    *count = (int64_t)c;
    *exact = ok;
    return YR_OK;
}

YR_API yr_status yr_count_from_percent(int64_t pct_num, int64_t pct_den, int64_t n, int64_t *count,
                                       int *exact)
{
    return yr_count_from_percent_where(pct_num, pct_den, n, count, exact, NULL);
}
