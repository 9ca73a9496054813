/* The yrkesresa program's output layer (see output.h): text buffers, the types of echoed cells
 * and the output names in help texts. The tables themselves: output_table.c. */
#include "output.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* ---------------------------------------------------------------- text buffer */

void cli_buf_init(cli_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->ok = 1;
}

void cli_buf_free(cli_buf *b)
{
    free(b->data);
    cli_buf_init(b);
}

void cli_buf_clear(cli_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

static int buf_reserve(cli_buf *b, size_t extra)
{
    if (!b->ok)
        return 0;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->ok = 0;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap *= 2;
    char *p = realloc(b->data, ncap);
    if (p == NULL) {
        b->ok = 0;
        return 0;
    }
    b->data = p;
    b->cap = ncap;
    return 1;
}

void cli_buf_add(cli_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
    cli_buf_add(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        b->ok = 0;
    else if (buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

const char *cli_buf_str(const cli_buf *b)
{
    return b->ok && b->data != NULL ? b->data : "";
}

/* Decimal digits of v into the end of dst[0..48); returns the start. */
static char *u128_digits(u128 v, char *end)
{
    char *p = end;
    do {
        *--p = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v > 0);
    return p;
}

void cli_buf_i128(cli_buf *b, i128 v)
{
    char tmp[48];
    char *end = tmp + sizeof tmp;
    char *p = u128_digits(v < 0 ? (u128)0 - (u128)v : (u128)v, end);
    if (v < 0)
        *--p = '-';
    cli_buf_add(b, p, (size_t)(end - p));
}

/* num / den (den > 0) with k decimals, half away from zero (|num| < 2^126). */
static void put_ratio128(cli_buf *b, i128 num, uint64_t den, unsigned k)
{
    k = k > 18 ? 18 : k;
    int neg = num < 0;
    u128 mag = neg ? (u128)0 - (u128)num : (u128)num;
    u128 ip = mag / den, rem = mag % den;
    u128 p10 = (u128)(uint64_t)cli_pow10(k);
    u128 scaled = rem * p10;
    u128 fp = scaled / den, r2 = scaled % den;
    if (2 * r2 >= den)
        fp++;
    if (fp == p10) {
        fp = 0;
        ip++;
    }
    if (neg && (ip != 0 || fp != 0))
        cli_buf_add(b, "-", 1);
    cli_buf_i128(b, (i128)ip);
    if (k > 0) {
        char frac[24];
        uint64_t f = (uint64_t)fp;
        for (unsigned j = k; j > 0; j--) {
            frac[j - 1] = (char)('0' + (int)(f % 10));
            f /= 10;
        }
        cli_buf_add(b, ".", 1);
        cli_buf_add(b, frac, k);
    }
}

void cli_buf_ratio(cli_buf *b, int64_t n, int64_t d, unsigned decimals)
{
    if (d == 0) {
        cli_buf_puts(b, "nan");
        return;
    }
    i128 num = n;
    u128 den = d < 0 ? (u128)0 - (u128)(i128)d : (u128)d;
    put_ratio128(b, d < 0 ? -num : num, (uint64_t)den, decimals);
}

void cli_buf_fixed(cli_buf *b, int64_t whole, int64_t rem, int64_t den, unsigned decimals)
{
    if (den <= 0) {
        cli_buf_puts(b, "nan");
        return;
    }
    put_ratio128(b, (i128)whole * den + rem, (uint64_t)den, decimals);
}

/* ---------------------------------------------------------------- types of echoed cells */

int cli_iso_date(const char *s, int *y, int *m, int *d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int k = 0; k < 10; k++)
        if ((k == 4 || k == 7) ? s[k] != '-' : (s[k] < '0' || s[k] > '9'))
            return 0;
    const char *rest = s + 10;
    if (*rest != '\0' && strcmp(rest, " 00:00:00") != 0 && strcmp(rest, "T00:00:00") != 0)
        return 0;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
    return *y >= 1900 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= mdays[*m - 1] &&
           !(*m == 2 && *d == 29 && !leap);
}

int cli_decimal_exact(const cli_decimal *d)
{
    const int64_t exact = (int64_t)1 << 53;
    if (d->scale == 0 && !d->percent)
        return d->num >= -exact && d->num <= exact;
    uint64_t mag = d->num < 0 ? (uint64_t)0 - (uint64_t)d->num : (uint64_t)d->num;
    return mag < (uint64_t)1000000000000000; /* 15 significant digits: DBL_DIG */
}

cli_cell_type cli_cell_guess(const char *s)
{
    cli_decimal d;
    int y, m, day;
    if (cli_parse_decimal(s, &d) == CLI_NUM_OK) {
        if (cli_leading_zero(s) || !cli_decimal_exact(&d))
            return CLI_CELL_TEXT; /* a code, an id: more digits than a workbook keeps */
        if (d.percent)
            return CLI_CELL_SHARE;
        const char *k = strpbrk(s, "kK");
        return k != NULL && (k[1] == 'r' || k[1] == 'R') ? CLI_CELL_MONEY : CLI_CELL_NUMBER;
    }
    return cli_iso_date(s, &y, &m, &day) ? CLI_CELL_DATE : CLI_CELL_TEXT;
}

static void help_name(cli_buf *b, yr_out_name n, yr_lang lang)
{
    cli_buf_puts(b, yr_out_text(n, lang));
    if (yr_out_name_category(n) == YR_OUT_PREFIX)
        cli_buf_puts(b, "N");
}

/* Expand one placeholder KIND:ARG (without the @s); 0 when it is none. */
static int help_placeholder(cli_buf *b, const char *p, size_t len)
{
    static const char *const kinds[4] = {"COLUMNS:", "KOLUMNER:", "NAME:", "NAMN:"};
    for (int k = 0; k < 4; k++) {
        size_t kl = strlen(kinds[k]);
        if (len <= kl || len - kl >= 64 || strncmp(p, kinds[k], kl) != 0)
            continue;
        char arg[64];
        memcpy(arg, p + kl, len - kl);
        arg[len - kl] = '\0';
        yr_lang lang = k % 2 == 0 ? YR_LANG_EN : YR_LANG_SV;
        if (k >= 2) { /* a column's name, else a prefix's, a row label's, a value's */
            yr_out_name n = YR_OUT_NAME_COUNT;
            for (int cat = YR_OUT_COLUMN; cat <= YR_OUT_VALUE && n == YR_OUT_NAME_COUNT; cat++)
                n = yr_out_name_find(arg, (yr_out_category)cat);
            if (n == YR_OUT_NAME_COUNT)
                return 0;
            help_name(b, n, lang);
            return 1;
        }
        yr_out_name cols[16];
        yr_out_table t = yr_out_table_from_id(arg);
        size_t n = yr_out_table_columns(t, cols, 16);
        for (size_t c = 0; c < n && c < 16; c++) {
            cli_buf_puts(b, c > 0 ? "," : "");
            help_name(b, cols[c], lang);
        }
        return t != YR_TABLE_COUNT;
    }
    return 0;
}

void cli_help_names(cli_buf *b, const char *text)
{
    const char *p = text, *at;
    while ((at = strchr(p, '@')) != NULL) {
        const char *end = strchr(at + 1, '@');
        cli_buf_add(b, p, (size_t)(at - p));
        if (end != NULL && help_placeholder(b, at + 1, (size_t)(end - at - 1))) {
            p = end + 1;
        } else {
            cli_buf_add(b, "@", 1);
            p = at + 1;
        }
    }
    cli_buf_puts(b, p);
}
