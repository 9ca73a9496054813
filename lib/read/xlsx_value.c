/* Numbers, dates, number formats and cell references of xlsx cells.
 *
 * Number formats (ECMA-376 §18.8.30/31). A format is a date when, outside "quoted text",
 * [brackets], \escaped characters and the _x (space) and *x (fill) pairs, it has y or d, or has
 * m without h or s (mmm-yy, m/d); a time when it has only h, m, s, AM/PM or A/P, or an elapsed
 * [h], [mm], [ss]; a percentage when it has '%'. "General" and the text sections of a format
 * (those with '@') are skipped, as is the exponent of 0.00E+00. Built-in ids whose meaning
 * depends on an East Asian locale (27-36, 50-58) are left general: a Swedish Excel does not write
 * them, and a date role reads an Excel serial anyway. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_impl.h"

int xv_builtin_class(long id)
{
    if (id == 9 || id == 10)
        return XF_PERCENT;
    if ((id >= 14 && id <= 17) || id == 22)
        return XF_DATE;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
        return XF_TIME;
    return XF_GENERAL;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int prefix_ieq(const char *s, const char *word)
{
    for (; *word != '\0'; s++, word++)
        if (lower(*s) != *word)
            return 0;
    return 1;
}

/* What the tokens of one section say. */
typedef struct fmt_tokens {
    int y_or_d, m, h_or_s, ampm, elapsed, percent, text;
    int digits, pending, thousands; /* digit placeholders; commas after the last one; scaling */
    char lit[32];                   /* the literal text: "quoted", \escaped, [$currency] */
    size_t nlit;
} fmt_tokens;

static void lit_add(fmt_tokens *t, char c)
{
    if (t->nlit + 1 < sizeof t->lit)
        t->lit[t->nlit++] = c;
}

/* A digit placeholder (0 # ?), a comma or a decimal point of the number. Commas right after the
 * last placeholder of the integer or the decimals divide the number by 1000 each ('#,##0,' and
 * '0.0,,'); commas between placeholders group thousands. */
static void number_token(fmt_tokens *t, char ch)
{
    if (ch == ',') {
        t->pending += t->digits > 0;
        return;
    }
    if (ch == '.')
        t->thousands += t->pending;
    t->pending = 0;
    t->digits += ch != '.';
}

/* Skip a [bracket]; note an elapsed-time one ([h], [mm], [ss]). Returns the index after it. */
static size_t skip_bracket(const char *c, size_t i, fmt_tokens *t)
{
    size_t j = i + 1;
    char first = lower(c[j]);
    size_t k = j;
    while (c[k] != '\0' && lower(c[k]) == first)
        k++;
    if ((first == 'h' || first == 'm' || first == 's') && k > j && c[k] == ']')
        t->elapsed = 1;
    int currency = c[j] == '$'; /* [$kr-41D]: the text "kr" in locale 41D */
    for (j += currency; c[j] != '\0' && c[j] != ']'; j++) {
        currency &= c[j] != '-';
        if (currency)
            lit_add(t, c[j]);
    }
    return c[j] == ']' ? j + 1 : j;
}

/* Read one section of @p c from @p i (up to ';' or the end) into @p t; returns where it ends. */
static size_t scan_section(const char *c, size_t i, fmt_tokens *t)
{
    while (c[i] != '\0' && c[i] != ';') {
        char ch = lower(c[i]);
        if (ch == '"') {
            i++;
            while (c[i] != '\0' && c[i] != '"')
                lit_add(t, c[i++]);
            i += c[i] == '"';
        } else if (ch == '\\' || ch == '_' || ch == '*') {
            if (ch == '\\' && c[i + 1] != '\0')
                lit_add(t, c[i + 1]);
            i += c[i + 1] != '\0' ? 2 : 1;
        } else if (ch == '[') {
            i = skip_bracket(c, i, t);
        } else if (prefix_ieq(c + i, "general")) {
            i += 7;
        } else if (ch == 'e' && (c[i + 1] == '+' || c[i + 1] == '-')) {
            i += 2;
        } else if (prefix_ieq(c + i, "am/pm") || prefix_ieq(c + i, "a/p")) {
            t->ampm = 1;
            i += c[i + 1] == '/' ? 3 : 5;
        } else if (ch == '0' || ch == '#' || ch == '?' || ch == ',' || ch == '.') {
            number_token(t, ch);
            i++;
        } else {
            t->y_or_d |= ch == 'y' || ch == 'd';
            t->m |= ch == 'm';
            t->h_or_s |= ch == 'h' || ch == 's';
            t->percent |= ch == '%';
            t->text |= ch == '@';
            i++;
        }
    }
    t->thousands += t->pending;
    t->pending = 0;
    return i;
}

/* The literal of a section, blanks around it dropped, into dst (XV_LITERAL_MAX); a character
 * that lit_add() cut at the end is left out (the literal stays UTF-8). */
static void literal_of(const fmt_tokens *t, char *dst)
{
    size_t a = 0, e = t->nlit, lead = e;
    while (lead > 0 && ((unsigned char)t->lit[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && (unsigned char)t->lit[lead - 1] >= 0xC0) {
        unsigned char c = (unsigned char)t->lit[lead - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (e - (lead - 1) < need)
            e = lead - 1;
    }
    while (a < e && t->lit[a] == ' ')
        a++;
    while (e > a && t->lit[e - 1] == ' ')
        e--;
    memcpy(dst, t->lit + a, e - a);
    dst[e - a] = '\0';
}

int xv_format_info(const char *code, int *thousands, char *literal)
{
    int date = 0, time = 0, percent = 0, first = 1;
    size_t i = 0;
    *thousands = 0;
    literal[0] = '\0';
    for (;;) {
        fmt_tokens t;
        memset(&t, 0, sizeof t);
        i = scan_section(code, i, &t);
        if (!t.text) {
            date |= t.y_or_d || (t.m && !t.h_or_s && !t.ampm && !t.elapsed);
            time |= t.h_or_s || t.ampm || t.elapsed;
            percent |= t.percent;
            *thousands = t.thousands > *thousands ? t.thousands : *thousands;
            if (first && t.digits > 0)
                literal_of(&t, literal);
            first &= t.digits == 0;
        }
        if (code[i] == '\0')
            break;
        i++;
    }
    if (date || time)
        *thousands = 0, literal[0] = '\0';
    return date ? XF_DATE : time ? XF_TIME : percent ? XF_PERCENT : XF_GENERAL;
}

int xv_format_class(const char *code)
{
    int thousands;
    char literal[XV_LITERAL_MAX];
    return xv_format_info(code, &thousands, literal);
}

/* ----------------------------------------------------------------------- numbers */

/* The shortest %.*e form of v that reads back as v: its digits (no point) and the exponent of
 * the first digit. Returns the number of digits. */
static int shortest_digits(double v, char *digits, int *exp10)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    int nd = 0;
    const char *p = buf;
    while (*p != 'e') {
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
        p++;
    }
    *exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    return nd;
}

size_t xv_number_text(double v, char *dst)
{
    if (v == 0) {
        dst[0] = '0', dst[1] = '\0';
        return 1;
    }
    char d[24];
    int e, nd = shortest_digits(fabs(v), d, &e);
    size_t n = 0;
    if (v < 0)
        dst[n++] = '-';
    int decimals = nd - 1 - e;
    if (decimals > 18 || e > 17) {
        dst[n++] = d[0];
        if (nd > 1)
            dst[n++] = '.';
        for (int i = 1; i < nd; i++)
            dst[n++] = d[i];
        n += (size_t)snprintf(dst + n, XV_TEXT_MAX - n, "E%c%d", e < 0 ? '-' : '+', abs(e));
        return n;
    }
    if (e < 0) {
        dst[n++] = '0';
        dst[n++] = '.';
        for (int i = -1; i > e; i--)
            dst[n++] = '0';
        for (int i = 0; i < nd; i++)
            dst[n++] = d[i];
    } else {
        for (int i = 0; i <= e; i++)
            dst[n++] = i < nd ? d[i] : '0';
        if (nd > e + 1)
            dst[n++] = '.';
        for (int i = e + 1; i < nd; i++)
            dst[n++] = d[i];
    }
    dst[n] = '\0';
    return n;
}

size_t xv_plain_text(const char *s, size_t n, char *dst)
{
    size_t i = n > 0 && (s[0] == '-' || s[0] == '+'), o = 0;
    int negative = n > 0 && s[0] == '-';
    size_t lead = i;
    while (i < n && s[i] == '0')
        i++;
    size_t int_start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t int_end = i, frac_start = i, frac_end = i, digits = int_end - lead;
    if (i < n && s[i] == '.') {
        frac_start = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        frac_end = i;
        digits += frac_end - frac_start;
        while (frac_end > frac_start && s[frac_end - 1] == '0')
            frac_end--;
    }
    if (i != n || digits == 0)
        return 0;
    size_t ints = int_end - int_start, fracs = frac_end - frac_start, sig = ints + fracs;
    for (size_t k = frac_start; ints == 0 && k < frac_end && s[k] == '0'; k++)
        sig--; /* 0.00123: the zeros after the point are not significant */
    if (sig > 15 || ints > 18 || fracs > 18)
        return 0;
    if (sig == 0) {
        dst[0] = '0', dst[1] = '\0';
        return 1;
    }
    if (negative)
        dst[o++] = '-';
    if (ints == 0)
        dst[o++] = '0';
    memcpy(dst + o, s + int_start, ints);
    o += ints;
    if (fracs > 0) {
        dst[o++] = '.';
        memcpy(dst + o, s + frac_start, fracs);
        o += fracs;
    }
    dst[o] = '\0';
    return o;
}

int xv_parse_number(const char *s, size_t n, double *v)
{
    size_t i = 0, digits = 0;
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return 0;
    if (s[i] == '-' || s[i] == '+')
        i++;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (digits == 0)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t start = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            ;
        if (i == start)
            return 0;
    }
    if (i != n)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    *v = strtod(buf, NULL);
    return isfinite(*v);
}

/* ------------------------------------------------------------------------- dates */

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* "YYYY-MM-DD" of day @p days (since 1970), with " HH:MM:SS" when @p secs is not 0; -2 outside
 * the years 1900..9999. */
static int date_text(long days, long secs, char *dst)
{
    long y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 1900 || y > 9999)
        return -2;
    if (secs == 0)
        return snprintf(dst, XV_TEXT_MAX, "%04ld-%02u-%02u", y, m, d);
    return snprintf(dst, XV_TEXT_MAX, "%04ld-%02u-%02u %02ld:%02ld:%02ld", y, m, d, secs / 3600,
                    secs / 60 % 60, secs % 60);
}

static int time_text(long secs, char *dst)
{
    return snprintf(dst, XV_TEXT_MAX, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
}

int xv_serial_text(double serial, int date1904, int cls, char *dst)
{
    /* 9999-12-31 is serial 2958465 (1900 system); whole seconds, rounded. */
    if (!(serial >= 0) || serial >= 2958466.0)
        return cls == XF_TIME ? 0 : -2;
    long long total = llround(serial * 86400.0);
    long days = (long)(total / 86400), secs = (long)(total % 86400);
    if (cls == XF_TIME && days > 0)
        return 0;
    if (days == 0 && (cls == XF_TIME || !date1904))
        return time_text(secs, dst); /* Excel's day 0 (1900-01-00) is no day: a time of day */
    if (date1904)
        return date_text(days_from_civil(1904, 1, 1) + days, secs, dst);
    if (days == 60)
        return -1;
    /* Serial 1 is 1900-01-01; from 61 on Excel counts the 29 February 1900 that never was. */
    long base = days_from_civil(1899, 12, days < 60 ? 31 : 30);
    return date_text(base + days, secs, dst);
}

/* n digits at s as a number, or -1. */
static long digits_at(const char *s, size_t len, size_t at, size_t n)
{
    long v = 0;
    if (at + n > len)
        return -1;
    for (size_t i = at; i < at + n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static unsigned month_days(long y, long m)
{
    static const unsigned md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return md[m - 1] + (m == 2 && leap);
}

/* "hh:mm[:ss[.fff]]" at s[at..len) into seconds (rounded); where it ends into *end; -1. */
static long iso_time(const char *s, size_t len, size_t at, size_t *end)
{
    long h = digits_at(s, len, at, 2), mi = digits_at(s, len, at + 3, 2), sec = 0;
    if (h < 0 || mi < 0 || s[at + 2] != ':' || h > 23 || mi > 59)
        return -1;
    size_t i = at + 5;
    if (i < len && s[i] == ':') {
        sec = digits_at(s, len, i + 1, 2);
        if (sec < 0 || sec > 59)
            return -1;
        i += 3;
        if (i < len && s[i] == '.') {
            size_t f = ++i;
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i == f)
                return -1;
            sec += s[f] >= '5';
        }
    }
    if (i < len && s[i] == 'Z')
        i++;
    *end = i;
    return h * 3600 + mi * 60 + sec;
}

int xv_iso_text(const char *s, size_t n, char *dst)
{
    size_t end = 0;
    if (n >= 8 && s[2] == ':') {
        long t = iso_time(s, n, 0, &end);
        return t < 0 || t >= 86400 || end != n ? -1 : time_text(t, dst);
    }
    long y = digits_at(s, n, 0, 4), m = digits_at(s, n, 5, 2), d = digits_at(s, n, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || s[4] != '-' || s[7] != '-' ||
        (unsigned long)d > month_days(y, m))
        return -1;
    long secs = 0;
    if (n > 10) {
        if (s[10] != 'T' && s[10] != ' ')
            return -1;
        secs = iso_time(s, n, 11, &end);
        if (secs < 0 || end != n)
            return -1;
    }
    long days = days_from_civil(y, (unsigned)m, (unsigned)d) + secs / 86400;
    int r = date_text(days, secs % 86400, dst);
    return r < 0 ? -1 : r;
}

/* ------------------------------------------------------------------- strings */

static int hex4(const char *s, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                            : 16;
        if (d == 16)
            return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

/* The code unit of an escape "_xHHHH_" at s[i..n), or -1. */
static long escape_at(const char *s, size_t i, size_t n)
{
    unsigned v;
    if (i + 7 > n || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_' || !hex4(s + i + 2, &v))
        return -1;
    return (long)v;
}

static size_t put_utf8(char *d, unsigned long cp)
{
    if (cp < 0x80) {
        d[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6)), d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12)), d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18)), d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Escapes decode to their character; a lone surrogate or _x0000_ is kept as written. Every
 * escape is 7 bytes and its character at most 4 (a pair: 14 and 4), so dst never passes src. */
size_t xv_unescape(char *s, size_t n)
{
    if (memchr(s, '_', n) == NULL)
        return n;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        long u = escape_at(s, i, n);
        if (u > 0 && (u < 0xD800 || u > 0xDFFF)) {
            o += put_utf8(s + o, (unsigned long)u);
            i += 7;
            continue;
        }
        long lo = u >= 0xD800 && u < 0xDC00 ? escape_at(s, i + 7, n) : -1;
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            o += put_utf8(s + o, 0x10000 + (((unsigned long)u - 0xD800) << 10) +
                                     ((unsigned long)lo - 0xDC00));
            i += 14;
            continue;
        }
        s[o++] = s[i++];
    }
    return o;
}

/* ---------------------------------------------------------------- references */

int xv_parse_ref(const char *s, uint32_t *col, uint32_t *row)
{
    size_t i = 0;
    uint32_t c = 0, r = 0;
    for (; s[i] >= 'A' && s[i] <= 'Z'; i++) {
        if (i == 4)
            return 0;
        c = c * 26 + (uint32_t)(s[i] - 'A' + 1);
    }
    if (i == 0 || s[i] < '1' || s[i] > '9')
        return 0;
    size_t start = i;
    for (; s[i] >= '0' && s[i] <= '9'; i++) {
        if (i - start == 8)
            return 0;
        r = r * 10 + (uint32_t)(s[i] - '0');
    }
    if (s[i] != '\0')
        return 0;
    *col = c - 1;
    *row = r;
    return 1;
}

void xv_ref(size_t col, size_t row, char *dst)
{
    char letters[8];
    size_t n = 0;
    for (size_t c = col + 1; c > 0 && n < sizeof letters; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    size_t o = 0;
    while (n > 0 && o < 7)
        dst[o++] = letters[--n];
    snprintf(dst + o, 16 - o, "%zu", row);
}
