/* The one number grammar (rule 5): a cell split into sign, digits, separators and unit; the
 * column-wide decisions (grouping, decimal mark, share or percent); the value of a cell in its
 * column's format; and the same grammar for single values and columns of strings. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* A cell's reason into why: returns YR_READ_ERR_CELL. */
static yr_read_status why_fail(char *why, size_t cap, const char *fmt, ...) RD_PRINTF(3, 4);

static yr_read_status why_fail(char *why, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, cap, fmt, ap);
    va_end(ap);
    return YR_READ_ERR_CELL;
}

static size_t unit_at(const char *p, size_t n, int *unit)
{
    static const struct {
        const char *w;
        int unit;
    } units[] = {{"tkr", RD_UNIT_TKR},        {"mkr", RD_UNIT_MKR},   {"ksek", RD_UNIT_TKR},
                 {"msek", RD_UNIT_MKR},       {"kronor", RD_UNIT_KR}, {"kr.", RD_UNIT_KR},
                 {"kr", RD_UNIT_KR},          {"sek", RD_UNIT_KR},    {":-", RD_UNIT_KR},
                 {"st.", RD_UNIT_ST},         {"st", RD_UNIT_ST},     {"%", RD_UNIT_PERCENT},
                 {"procent", RD_UNIT_PERCENT}};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t m = rd_prefix_fold(p, n, units[k].w);
        if (m > 0 && m == n) {
            *unit = units[k].unit;
            return m;
        }
    }
    return 0;
}

int rd_unit_word(const char *s, size_t n)
{
    int unit = RD_UNIT_NONE;
    return unit_at(s, n, &unit) == n && n > 0 ? unit : RD_UNIT_NONE;
}

/* Valid groups: separators at the given digit positions of an integer part of @p nint digits:
 * the first group 1-3 digits, then exactly 3. */
static int groups_valid(const int *pos, int n, int nint)
{
    if (n == 0)
        return 1;
    if (pos[0] < 1 || pos[0] > 3)
        return 0;
    for (int i = 1; i < n; i++)
        if (pos[i] != pos[i - 1] + 3)
            return 0;
    return nint == pos[n - 1] + 3;
}

/* Categorise the separators. Returns 0, or -1 when malformed. */
static int categorise(rd_num *x)
{
    int bpos[24], nb = 0, cpos[24], nc = 0;
    char c1 = 0, last = 0;
    int lastpos = 0, lastcount = 0;
    for (int i = 0; i < x->ns; i++) {
        if (x->sc[i] == ' ') {
            if (nc > 0)
                return -1; /* a blank after '.' or ',' */
            bpos[nb++] = x->sp[i];
            continue;
        }
        if (c1 == 0)
            c1 = x->sc[i];
        last = x->sc[i];
        lastpos = x->sp[i];
        cpos[nc++] = x->sp[i];
    }
    for (int i = 0; i < nc; i++)
        if (x->sc[nb + i] == last)
            lastcount++;
    if (nc == 0) {
        x->cat = nb ? RD_CAT_GROUPED : RD_CAT_INT;
        x->group = nb ? ' ' : 0;
        return groups_valid(bpos, nb, x->nd) ? 0 : -1;
    }
    if (c1 != last) { /* both: the last is the decimal mark */
        if (lastcount != 1 || nb > 0)
            return -1;
        if (!groups_valid(cpos, nc - 1, lastpos))
            return -1;
        x->cat = RD_CAT_GROUPED;
        x->group = c1;
        x->dec = last;
        return 0;
    }
    if (nc >= 2) {
        if (nb > 0 || !groups_valid(cpos, nc, x->nd))
            return -1;
        x->cat = RD_CAT_GROUPED;
        x->group = c1;
        return 0;
    }
    if (nb > 0) {
        if (!groups_valid(bpos, nb, lastpos))
            return -1;
        x->cat = RD_CAT_GROUPED;
        x->group = ' ';
        x->dec = c1;
        return 0;
    }
    int after = x->nd - lastpos;
    if (after == 3 && lastpos >= 1 && lastpos <= 3 && !(lastpos == 1 && x->d[0] == '0')) {
        x->cat = RD_CAT_AMB;
        x->group = c1;
        return 0;
    }
    x->cat = RD_CAT_DEC;
    x->dec = c1;
    return 0;
}

/* Split a cell. 0, or -1 when it is not a number of this grammar. */
static int parse_num(const char *s0, size_t len0, rd_num *x)
{
    memset(x, 0, sizeof *x);
    size_t st, n = rd_trim(s0, len0, &st);
    const unsigned char *s = (const unsigned char *)s0 + st;
    size_t i = 0;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        x->neg = s[0] == '-';
        i = 1;
    } else if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) {
        x->neg = 1; /* U+2212 minus */
        i = 3;
    }
    while (i < n) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (x->nd >= 38)
                return -1;
            x->d[x->nd++] = (char)s[i++];
            continue;
        }
        size_t b = rd_blank_at(s + i, n - i);
        char sep = s[i] == '.' || s[i] == ',' ? (char)s[i] : b > 0 ? ' ' : 0;
        size_t k = sep == ' ' ? b : 1;
        if (sep == 0 || i + k >= n || s[i + k] < '0' || s[i + k] > '9')
            break;
        if (sep == ' ' && x->nd == 0)
            break;
        if (x->ns >= 24)
            return -1;
        x->sc[x->ns] = sep;
        x->sp[x->ns++] = x->nd;
        i += k;
    }
    if (x->nd == 0)
        return -1;
    size_t b;
    while (i < n && (b = rd_blank_at(s + i, n - i)) > 0)
        i += b;
    if (i < n && unit_at((const char *)s + i, n - i, &x->unit) == 0)
        return -1;
    return categorise(x);
}

int rd_num_parse(const char *s, size_t len, rd_num *n)
{
    return parse_num(s, len, n);
}

int rd_plain_digits(const char *s0, size_t len, int64_t *val)
{
    size_t st, n = rd_trim(s0, len, &st);
    const unsigned char *s = (const unsigned char *)s0 + st;
    if (n == 0 || n > 18)
        return 0;
    int64_t a = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)s[i] - '0';
        if (d > 9)
            return 0;
        a = a * 10 + (int64_t)d;
    }
    *val = a;
    return (int)n;
}

int rd_plain_lead(int nd, int64_t val)
{
    return nd > 0 && (nd == 1 || val >= rd_pow10[nd - 1]);
}

int rd_plain_cell(const char *s, size_t len, int type, int64_t *val)
{
    int nd = type == GRID_TEXT || type == GRID_NUMBER ? rd_plain_digits(s, len, val) : 0;
    return rd_plain_lead(nd, *val);
}

int rd_plain_reads(const rd_colfmt *f)
{
    return (f->kind == YR_KIND_WHOLE || f->kind == YR_KIND_INTEGER || f->kind == YR_KIND_DECIMAL) &&
           f->unit == 0;
}

/* ------------------------------------------------------------------------ columns */

void rd_colfmt_init(rd_colfmt *f, yr_read_role role, yr_kind kind, const char *header)
{
    memset(f, 0, sizeof *f);
    f->role = role;
    f->kind = kind;
    int hu = header != NULL ? rd_header_unit(header) : 0;
    f->unit = hu >> 4;
    int sm = hu & 15;
    f->share_mode = sm == RD_UNIT_SHARE ? 1 : sm == RD_UNIT_PERCENT ? 2 : 0;
    f->whole_only = kind == YR_KIND_WHOLE || kind == YR_KIND_INTEGER;
    /* a whole number of either sign is of no role: a net in kr, tkr or a count in tusental */
    f->money = role == YR_ROLE_AMOUNT || role == YR_ROLE_FEES || role == YR_ROLE_POT ||
               role == YR_ROLE_RATE ||
               (role == YR_ROLE_NONE && (kind == YR_KIND_DECIMAL || kind == YR_KIND_INTEGER));
    f->count = kind == YR_KIND_WHOLE || kind == YR_KIND_INTEGER || role == YR_ROLE_WEIGHT;
    if (f->money && f->unit == RD_UNIT_THOUSANDS) /* "Belopp (tusental)", "(000)": of kronor */
        f->unit = RD_UNIT_TKR;
}

void rd_colobs_add(rd_colobs *o, const rd_num *n)
{
    char c = n->cat == RD_CAT_DEC ? n->dec : n->group;
    int ci = c == '.' ? 0 : c == ',' ? 1 : -1;
    if (n->unit == RD_UNIT_PERCENT)
        o->pct++;
    else
        o->nopct++;
    if (n->cat == RD_CAT_INT && n->nd >= 4)
        o->n4[0]++;
    if (n->cat == RD_CAT_DEC && ci >= 0)
        o->dec[ci]++;
    if (n->cat == RD_CAT_GROUPED) {
        if (n->group == ' ')
            o->blankgroup++;
        else if (ci >= 0)
            o->n4[ci + 1]++;
        if (n->dec == '.' || n->dec == ',')
            o->dec[n->dec == ',']++;
    }
    if (n->cat == RD_CAT_AMB && ci >= 0) {
        o->amb[ci]++;
        o->n4[ci + 1]++;
    }
}

static int64_t unit_mult(int unit)
{
    return unit == RD_UNIT_TKR || unit == RD_UNIT_THOUSANDS ? 1000
           : unit == RD_UNIT_MKR                            ? 1000000
                                                            : 1;
}

/* 1 when the column's cells are whole numbers before their unit: a whole-number kind whose
 * header gives no unit that scales (`tusental`, `tkr`, `Mkr`: 58,9 tusental is 58 900). */
static int whole_cells(const rd_colfmt *f)
{
    return (f->kind == YR_KIND_WHOLE || f->kind == YR_KIND_INTEGER || f->kind == YR_KIND_YEAR) &&
           unit_mult(f->unit) == 1;
}

/* 1 when @p c is a rate column's decimal mark because the file says so: a text file delimited
 * by ';' is written where ',' is the decimal mark (Excel's list separator in Swedish and every
 * decimal-comma locale, whose thousands are grouped with a blank), and a rate per inhabitant
 * (`kr per invånare`) is a price that takes three decimals (1,005 kr) and is never written in
 * grouped thousands. Nowhere else: in a whole-number role `22,986` is thousands when the column
 * groups every cell of four digits or more (issue 20), and in an amount of kronor, a weight or
 * a count a grouped thousand is as likely as three decimals (`850,000` kr, a population copied
 * as a weight), so a ',' that no cell of the column decides stays a question there. */
static int rate_file_dec(const rd_colfmt *f, char c)
{
    return f->role == YR_ROLE_RATE && c == f->file_dec && unit_mult(f->unit) == 1;
}

yr_read_status rd_colfmt_decide(rd_colfmt *f, const rd_colobs *o, char *why, size_t cap)
{
    for (int ci = 0; ci < 2; ci++) {
        char c = ci == 0 ? '.' : ',';
        if (o->dec[ci] > 0 && f->decimal == 0)
            f->decimal = c;
        if (o->amb[ci] == 0)
            continue;
        int grouped_same = o->n4[0] == 0 && o->n4[2 - ci] == 0 && o->blankgroup == 0;
        int other_grouped = o->n4[ci + 1] > o->amb[ci];
        /* A column that shows c as a decimal mark ('20,39') never groups with it: '58,923' is
         * then a decimal too (whole-number roles refuse it as a fraction, unless a unit in the
         * header scales it). Cells that are whole before their unit group with c when every
         * cell of four or more digits is grouped the same way; cells scaled by a unit may have
         * decimals, so c is decided as in a decimal column. */
        if (whole_cells(f) && o->dec[ci] == 0) {
            if (!grouped_same)
                return why_fail(why, cap, "%d", ci);
            f->group = c;
            continue;
        }
        if (o->dec[ci] > 0 && !other_grouped) {
            f->decimal = c;
        } else if (o->dec[ci] == 0 && (other_grouped || o->dec[1 - ci] > 0)) {
            f->group = c;
        } else if (o->dec[ci] == 0 && rate_file_dec(f, c)) {
            f->decimal = c;
        } else { /* 'u': a whole-number column whose unit lets its cells have decimals; 'd': a
                    decimal column */
            int scaled = f->kind != YR_KIND_DECIMAL && f->kind != YR_KIND_SHARE && !whole_cells(f);
            return why_fail(why, cap, "%d%s", ci, scaled ? "u" : "d");
        }
    }
    if (f->kind == YR_KIND_SHARE && f->share_mode == 0) {
        if (o->pct > 0 && o->nopct > 0)
            return why_fail(why, cap, "mix");
        if (o->pct == 0 && o->nopct > 0)
            return why_fail(why, cap, "neither");
        f->share_mode = 3;
    }
    return YR_READ_OK;
}

const char *rd_colfmt_doubt(const char *why)
{
    if (why[0] != '\0' && why[1] == 'u')
        return "the header's unit (tusental, tkr, Mkr) lets the cells have decimals, and no "
               "cell of the column says which the separator is; write the numbers in whole "
               "units and take the unit out of the header";
    int dec = why[0] != '\0' && why[1] == 'd', point = why[0] == '0';
    static const char *const advice[2][2] = {
        {"the column does not write its thousands one way; write the numbers without "
         "separators (1234 for 1,234)",
         "the column does not write its thousands one way; write the numbers without "
         "separators (1234 for 1.234)"},
        {"no other cell of the column shows ',' as its decimal mark or its thousands separator; "
         "for a decimal write it with a fourth decimal (1,2340 for 1,234), for thousands "
         "without the separator (1234)",
         "no other cell of the column shows '.' as its decimal mark or its thousands separator; "
         "for a decimal write it with a fourth decimal (1.2340 for 1.234), for thousands "
         "without the separator (1234)"}};
    return advice[dec][point];
}

/* ------------------------------------------------------------------------ values */

void rd_value_norm(yr_value *v)
{
    while (v->den > 1 && v->den % 10 == 0 && v->num % 10 == 0) {
        v->num /= 10;
        v->den /= 10;
    }
}

/* num = digits[0..nd) over 10^frac; 0 or -1 on overflow. */
static int make_value(const rd_num *x, int frac, yr_value *v)
{
    if (frac > 18)
        return -1;
    int64_t a = 0;
    for (int i = 0; i < x->nd; i++) {
        int dg = x->d[i] - '0';
        if (a > (INT64_MAX - dg) / 10)
            return -1;
        a = a * 10 + dg;
    }
    v->present = 1;
    v->num = x->neg ? -a : a;
    v->den = rd_pow10[frac];
    return 0;
}

static int mul_value(yr_value *v, int64_t m)
{
    if (m == 1)
        return 0;
    while (m > 1 && v->den > 1 && v->den % 10 == 0) {
        v->den /= 10;
        m /= 10;
    }
    if (m > 1) {
        if (v->num > INT64_MAX / m || v->num < -(INT64_MAX / m))
            return -1;
        v->num *= m;
    }
    return 0;
}

static const char *unit_name(int unit)
{
    static const char *const names[] = {"", "kr", "tkr", "Mkr", "tusental", "st", "%", "andel"};
    return unit >= 0 && unit <= RD_UNIT_SHARE ? names[unit] : "";
}

static int days_from_civil(int y, int m, int d, int64_t *out)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return -1;
    y -= m <= 2;
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = (int64_t)era * 146097 + doe - 719468;
    return 0;
}

static int digits_at(const char *s, size_t n, size_t at, size_t k, int *out)
{
    if (at + k > n)
        return -1;
    int v = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[at + i] < '0' || s[at + i] > '9')
            return -1;
        v = v * 10 + (s[at + i] - '0');
    }
    *out = v;
    return 0;
}

/* One or two digits at s[*at] (a month or a day of `2024-2-6`), then *at past them. */
static int digits12(const char *s, size_t n, size_t *at, int *out)
{
    size_t k = *at + 1 < n && s[*at + 1] >= '0' && s[*at + 1] <= '9' ? 2 : 1;
    if (digits_at(s, n, *at, k, out) != 0)
        return -1;
    *at += k;
    return 0;
}

/* ISO date (the month and the day with one digit or two: `2024-2-6` is unambiguous) with an
 * optional zero time. 0, -1 not a date, -2 a time of day. */
static int parse_date(const char *s0, size_t len0, int64_t *days)
{
    size_t st, n = rd_trim(s0, len0, &st), p = 5;
    const char *s = s0 + st;
    int y, m, d;
    if (n < 8 || digits_at(s, n, 0, 4, &y) || s[4] != '-' || digits12(s, n, &p, &m) || p >= n ||
        s[p++] != '-' || digits12(s, n, &p, &d))
        return -1;
    if (p < n) {
        if (s[p] != ' ' && s[p] != 'T')
            return -1;
        int hh, mm, ss = 0;
        if (digits_at(s, n, p + 1, 2, &hh) || n < p + 6 || s[p + 3] != ':' ||
            digits_at(s, n, p + 4, 2, &mm))
            return -1;
        size_t e = p + 6;
        if (n > e) {
            if (s[e] != ':' || digits_at(s, n, e + 1, 2, &ss))
                return -1;
            e += 3;
            if (n > e && s[e] == '.') {
                for (e++; e < n && s[e] >= '0' && s[e] <= '9'; e++)
                    if (s[e] != '0')
                        return -2;
            }
        }
        if (e != n)
            return -1;
        if (hh != 0 || mm != 0 || ss != 0)
            return -2;
    }
    return days_from_civil(y, m, d, days);
}

/* An Excel serial (1900 system, or 1904) as days since 1970-01-01. */
static int serial_days(int64_t serial, int date1904, int64_t *days)
{
    if (serial < 20000 || serial > 80000)
        return -1;
    *days = date1904 ? serial - 24107 : serial - 25569;
    return 0;
}

static yr_read_status read_bool(const char *s, size_t len, yr_value *v, char *why, size_t cap)
{
    static const char *const yes[] = {"ja", "j", "yes", "y", "1", "x", "sant", "true", NULL};
    static const char *const no[] = {"nej", "n", "no", "0", "falskt", "false", NULL};
    /* whole words only (a prefix of them is not enough: 'n' is no, never 'närvarande') */
    static const char *const yes_words[] = {"n\xc3\xa4rvarande", "n\xc3\xa4rvarat", "deltog",
                                            "present",           "attended",        NULL};
    static const char *const no_words[] = {"fr\xc3\xa5nvarande",
                                           "fr\xc3\xa5nvarat",
                                           "ej n\xc3\xa4rvarande",
                                           "deltog ej",
                                           "absent",
                                           "uteblev",
                                           NULL};
    size_t st, n = rd_trim(s, len, &st);
    for (int y = 0; y < 2; y++) /* the lists are of different lengths: each to its NULL */
        for (const char *const *w = y ? yes_words : no_words; *w != NULL; w++)
            if (n == strlen(*w) && rd_prefix_fold(s + st, n, *w) == n) {
                *v = (yr_value){1, y, 1};
                return YR_READ_OK;
            }
    for (int k = 0; yes[k] != NULL; k++)
        if (rd_prefix_fold(s + st, n, yes[k]) == n) {
            *v = (yr_value){1, 1, 1};
            return YR_READ_OK;
        }
    for (int k = 0; no[k] != NULL; k++)
        if (rd_prefix_fold(s + st, n, no[k]) == n) {
            *v = (yr_value){1, 0, 1};
            return YR_READ_OK;
        }
    snprintf(why, cap, "is not yes or no (write Ja/Nej, 1/0 or X)");
    return YR_READ_ERR_CELL;
}

static yr_read_status read_date(const rd_colfmt *f, const char *s, size_t len, int type,
                                yr_value *v, char *why, size_t cap)
{
    int64_t days;
    int r = parse_date(s, len, &days);
    if (r == -1) {
        rd_num x;
        if ((type == GRID_NUMBER || type == GRID_TEXT) && parse_num(s, len, &x) == 0 &&
            x.cat == RD_CAT_INT && x.unit == 0 && !x.neg) {
            yr_value sv;
            if (make_value(&x, 0, &sv) == 0 && serial_days(sv.num, f->date1904, &days) == 0)
                r = 0;
        }
    }
    if (r == -2) {
        snprintf(why, cap, "is a date with a time of day; give the day only (2024-02-06)");
        return YR_READ_ERR_CELL;
    }
    if (r != 0) {
        snprintf(why, cap, "is not a date (write dates as 2024-02-06)");
        return YR_READ_ERR_CELL;
    }
    *v = (yr_value){1, days, 1};
    return YR_READ_OK;
}

/* The fraction digits of a parsed number under the column's decisions; -1: undecidable. */
static int frac_digits(const rd_colfmt *f, const rd_num *x)
{
    if (x->cat == RD_CAT_INT)
        return 0;
    if (x->cat == RD_CAT_AMB) {
        if (f->group == x->group)
            return 0;
        if (f->decimal == x->group)
            return 3;
        return -1;
    }
    if (x->dec == 0)
        return 0;
    int pos = 0;
    for (int i = 0; i < x->ns; i++)
        if (x->sc[i] == x->dec)
            pos = x->sp[i];
    return x->nd - pos;
}

static yr_read_status read_share(const rd_colfmt *f, const rd_num *x, yr_value *v, char *why,
                                 size_t cap)
{
    int pct = x->unit == RD_UNIT_PERCENT || f->share_mode == 2 || f->share_mode == 3;
    if (x->unit == RD_UNIT_PERCENT || f->share_mode == 2 || f->share_mode == 3) {
        if (v->den > INT64_MAX / 100)
            return why_fail(why, cap, "has too many decimals");
        v->den *= 100;
    }
    if (v->num < 0 || v->num > v->den) {
        snprintf(why, cap, "is outside %s", pct ? "0-100 %" : "0-1 (a share)");
        return YR_READ_ERR_CELL;
    }
    if (f->share_mode == 1 && x->unit != RD_UNIT_PERCENT && x->unit != 0)
        return why_fail(why, cap, "has a unit a share cannot take");
    if (f->share_mode == 2 && x->unit != RD_UNIT_PERCENT && v->num > 0 && v->num * 100 < v->den) {
        snprintf(why, cap,
                 "is below 1 in a percent column: a share (then write it with %% or name the "
                 "column 'andel') or under 1 %%?");
        return YR_READ_ERR_CELL;
    }
    return YR_READ_OK;
}

static yr_read_status check_unit(const rd_colfmt *f, const rd_num *x, int *unit, char *why,
                                 size_t cap)
{
    int u = x->unit ? x->unit : f->unit;
    if (x->unit && f->unit && x->unit != f->unit && x->unit != RD_UNIT_PERCENT) {
        snprintf(why, cap, "says %s but the header says %s", unit_name(x->unit),
                 unit_name(f->unit));
        return YR_READ_ERR_CELL;
    }
    int ok = u == 0 || (f->kind == YR_KIND_SHARE && (u == RD_UNIT_PERCENT)) ||
             (f->money && (u == RD_UNIT_KR || u == RD_UNIT_TKR || u == RD_UNIT_MKR)) ||
             (f->count && (u == RD_UNIT_ST || u == RD_UNIT_THOUSANDS));
    if (!ok) {
        snprintf(why, cap, "has the unit %s, which a column of %s cannot take", unit_name(u),
                 f->role != YR_ROLE_NONE ? yr_role_name(f->role) : "this kind");
        return YR_READ_ERR_CELL;
    }
    *unit = f->kind == YR_KIND_SHARE ? 0 : u;
    return YR_READ_OK;
}

/* Why a cell of a numeric column is no number. */
static yr_read_status not_a_number(const char *s, size_t len, int type, char *why, size_t cap)
{
    size_t st, n = rd_trim(s, len, &st);
    if (type == GRID_SCALED)
        return why_fail(why, cap,
                        "is shown divided by a power of 1000 by its number format, so the sheet "
                        "shows another number than it holds; give the column a plain number "
                        "format");
    if (type == GRID_NUMBER) /* xlsx_sheet.c wrote the literal of its format after it */
        return why_fail(why, cap,
                        "is shown so by its number format, whose text beside the number is no "
                        "unit that can be applied; give the column a plain number format and its "
                        "unit in the header ('Belopp (tkr)')");
    if (n == 2 && memcmp(s + st, "..", 2) == 0)
        return why_fail(why, cap, "is SCB's '..' (not available): the value is missing");
    return why_fail(why, cap, "is not a number");
}

static yr_read_status read_number(const rd_colfmt *f, const char *s, size_t len, int type,
                                  yr_value *v, char *why, size_t cap)
{
    rd_num x;
    int64_t plain;
    if (rd_plain_reads(f) && rd_plain_cell(s, len, type, &plain)) {
        *v = (yr_value){1, plain, 1};
        return YR_READ_OK;
    }
    if (type == GRID_SCALED || parse_num(s, len, &x) != 0)
        return not_a_number(s, len, type, why, cap);
    if (type == GRID_NUMBER || type == GRID_PERCENT) {
        x.cat = x.dec ? RD_CAT_DEC : x.cat; /* an xlsx number: '.' is its decimal mark */
        if (x.cat == RD_CAT_AMB) {
            x.cat = RD_CAT_DEC;
            x.dec = '.';
        }
        if (type == GRID_PERCENT)
            x.unit = RD_UNIT_SHARE;
    }
    int frac = frac_digits(f, &x);
    if (frac < 0) {
        snprintf(why, cap, "could be a whole number or a decimal");
        return YR_READ_ERR_CELL;
    }
    if (make_value(&x, frac, v) != 0)
        return why_fail(why, cap, "is too large");
    if (x.unit == RD_UNIT_SHARE) { /* an xlsx percent cell holds the share itself */
        if (f->kind != YR_KIND_SHARE)
            return why_fail(why, cap, "is a percentage, which this column cannot take");
        if (v->num < 0 || v->num > v->den)
            return why_fail(why, cap, "is outside 0-100 %%");
        rd_value_norm(v);
        return YR_READ_OK;
    }
    int unit;
    yr_read_status st = check_unit(f, &x, &unit, why, cap);
    if (st != YR_READ_OK)
        return st;
    if (f->kind == YR_KIND_SHARE) {
        st = read_share(f, &x, v, why, cap);
        rd_value_norm(v);
        return st;
    }
    if (mul_value(v, unit_mult(unit)) != 0)
        return why_fail(why, cap, "is too large");
    rd_value_norm(v);
    if (f->whole_only && v->den != 1) {
        snprintf(why, cap, "is not a whole number (a %s has no fractions)",
                 f->role != YR_ROLE_NONE ? yr_role_name(f->role) : "count");
        return YR_READ_ERR_CELL;
    }
    if (f->whole_only && v->num < 0 && f->kind != YR_KIND_INTEGER)
        return why_fail(why, cap, "is negative");
    if ((f->kind == YR_KIND_WHOLE || f->kind == YR_KIND_INTEGER || f->kind == YR_KIND_DECIMAL) &&
        x.nd > 1 && x.d[0] == '0' && (x.ns == 0 || x.sp[0] > 1)) {
        snprintf(why, cap, "starts with 0 like a code, not a number");
        return YR_READ_ERR_CELL;
    }
    if (f->kind == YR_KIND_YEAR && (v->den != 1 || v->num < 1 || v->num > 9999))
        return why_fail(why, cap, "is not a year");
    return YR_READ_OK;
}

int rd_cell_exp10(const rd_colfmt *f, const char *s, size_t len, int type, int *exp10)
{
    rd_num x;
    int64_t plain;
    size_t st;
    int unit = f->unit, frac = 0;
    if ((type != GRID_TEXT && type != GRID_NUMBER) || rd_trim(s, len, &st) == 0)
        return -1;
    if (rd_plain_digits(s, len, &plain) == 0) {
        if (parse_num(s, len, &x) != 0)
            return -1;
        if (type == GRID_NUMBER && x.cat == RD_CAT_AMB) /* an xlsx number: '.' is its mark */
            x.cat = RD_CAT_DEC, x.dec = '.';
        frac = frac_digits(f, &x);
        unit = x.unit ? x.unit : unit;
    }
    if (frac < 0)
        return -1;
    int e = 0;
    for (int64_t m = unit_mult(unit); m > 1; m /= 10)
        e++;
    *exp10 = e - frac;
    return 0;
}

static yr_read_status read_code(const char *s, size_t len, yr_value *v, char *why, size_t cap)
{
    size_t st, n = rd_trim(s, len, &st);
    int64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[st + i] < '0' || s[st + i] > '9' || n > 4) {
            snprintf(why, cap, "is not an SCB code (up to four digits)");
            return YR_READ_ERR_CELL;
        }
        c = c * 10 + (s[st + i] - '0');
    }
    *v = (yr_value){1, c, 1};
    return YR_READ_OK;
}

/* `all` / `alla` (any case): the summary over the years of a statement with years. */
int rd_year_is_all(const char *s, size_t len)
{
    char w[4];
    for (size_t i = 0; i < len && i < 4; i++)
        w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return (len == 3 && memcmp(w, "all", 3) == 0) || (len == 4 && memcmp(w, "alla", 4) == 0);
}

yr_read_status rd_read_cell(const rd_colfmt *f, const char *s, size_t len, int type, yr_value *v,
                            char *why, size_t cap)
{
    size_t st;
    *v = (yr_value){0, 0, 1};
    if (type == GRID_EMPTY || rd_trim(s, len, &st) == 0)
        return YR_READ_OK; /* blank: the caller decides */
    if (type == GRID_ERROR) {
        snprintf(why, cap, "is an Excel error value");
        return YR_READ_ERR_CELL;
    }
    switch (f->kind) {
    case YR_KIND_TEXT:
        v->present = 1;
        return YR_READ_OK;
    case YR_KIND_CODE:
        return read_code(s, len, v, why, cap);
    case YR_KIND_BOOL:
        if (type == GRID_BOOL)
            return read_bool(s[0] == 'T' ? "1" : "0", 1, v, why, cap);
        return read_bool(s, len, v, why, cap);
    case YR_KIND_DATE:
        return read_date(f, s, len, type, v, why, cap);
    case YR_KIND_YEAR:
        if (rd_year_is_all(s + st, rd_trim(s, len, &st))) { /* st: as above */
            *v = (yr_value){1, YR_READ_YEAR_ALL, 1};
            return YR_READ_OK;
        }
        break;
    default:
        break;
    }
    if (type == GRID_DATE) {
        snprintf(why, cap, "is a date, not a number");
        return YR_READ_ERR_CELL;
    }
    return read_number(f, s, len, type, v, why, cap);
}

/* ------------------------------------------------------------------ single values */

static yr_read_status strings_column(const char *const *cells, size_t n, yr_kind kind,
                                     const char *header, const char *what, rd_colfmt *f,
                                     yr_read_error *err)
{
    rd_colfmt_init(f, YR_ROLE_NONE, kind, header);
    rd_colobs o;
    memset(&o, 0, sizeof o);
    char show[96], why[200];
    for (size_t i = 0; i < n; i++) {
        rd_num x;
        if (cells[i] == NULL) {
            rd_fail(err, YR_READ_ERR_NULL, i + 1, "%s: value %zu is missing", what, i + 1);
            return YR_READ_ERR_NULL;
        }
        if (rd_num_parse(cells[i], strlen(cells[i]), &x) == 0)
            rd_colobs_add(&o, &x);
    }
    if (kind != YR_KIND_WHOLE && kind != YR_KIND_INTEGER && kind != YR_KIND_DECIMAL &&
        kind != YR_KIND_SHARE && kind != YR_KIND_YEAR)
        return YR_READ_OK;
    if (rd_colfmt_decide(f, &o, why, sizeof why) == YR_READ_OK)
        return YR_READ_OK;
    const char *first = n > 0 ? cells[0] : "";
    if (strcmp(why, "neither") == 0)
        rd_fail(err, YR_READ_ERR_CELL, n == 1 ? 0 : 1,
                "%s '%s': a share (0-1) or a percentage (0-100)? write it with %% (80 %%) or "
                "as a share under a name that says so (andel)",
                what, rd_show(show, sizeof show, first, strlen(first), 40));
    else if (strcmp(why, "mix") == 0)
        rd_fail(err, YR_READ_ERR_CELL, 0,
                "%s: some values have %% and others not; write every value the same way", what);
    else
        rd_fail(err, YR_READ_ERR_CELL, 0,
                "%s: cannot tell whether '.' or ',' groups thousands or marks decimals; write "
                "a decimal with a fourth decimal (1,2340 for 1,234) and thousands without "
                "separators (1234)",
                what);
    return YR_READ_ERR_CELL;
}

yr_read_status yr_read_strings(const char *const *cells, size_t n, yr_kind kind, const char *header,
                               const char *what, int64_t *out, int64_t *den, yr_read_error *err)
{
    if ((cells == NULL && n > 0) || (out == NULL && n > 0) || den == NULL) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    if (what == NULL)
        what = header != NULL ? header : "value";
    rd_colfmt f;
    yr_read_status st = strings_column(cells, n, kind, header, what, &f, err);
    if (st != YR_READ_OK)
        return st;
    int64_t d = 1;
    char why[200], show[96];
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            yr_value v;
            size_t len = strlen(cells[i]);
            st = rd_read_cell(&f, cells[i], len, GRID_TEXT, &v, why, sizeof why);
            if (st == YR_READ_OK && (!v.present || kind == YR_KIND_TEXT)) {
                snprintf(why, sizeof why, "%s", v.present ? "is text" : "is blank");
                st = YR_READ_ERR_CELL;
            }
            if (st != YR_READ_OK) {
                rd_fail(err, st, i + 1, "%s '%s' %s", what,
                        rd_show(show, sizeof show, cells[i], len, 40), why);
                return st;
            }
            if (pass == 0 && v.den > d)
                d = v.den;
            if (pass == 1) {
                int64_t m = d / v.den;
                if (v.num > INT64_MAX / m || v.num < -(INT64_MAX / m)) {
                    rd_fail(err, YR_READ_ERR_LIMIT, i + 1,
                            "%s: the values do not fit one common denominator", what);
                    return YR_READ_ERR_LIMIT;
                }
                out[i] = v.num * m;
            }
        }
    }
    *den = d;
    if (err != NULL) {
        err->status = YR_READ_OK;
        err->message[0] = '\0';
    }
    return YR_READ_OK;
}

yr_read_status yr_read_value(const char *text, yr_kind kind, const char *header, const char *what,
                             yr_value *v, yr_read_error *err)
{
    if (text == NULL || v == NULL) {
        rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
        return YR_READ_ERR_NULL;
    }
    int64_t num, den;
    const char *cells[1] = {text};
    yr_read_status st = yr_read_strings(cells, 1, kind, header, what, &num, &den, err);
    if (st != YR_READ_OK) {
        if (err != NULL)
            err->line = 0;
        return st;
    }
    *v = (yr_value){1, num, den};
    return YR_READ_OK;
}
