/* One identity for a Swedish municipality, county or the nation (yrkesresa/identity.h).
 *
 * The name key is computed in one pass without allocating. Names of ASCII and Latin-1 letters
 * (all of Sweden's, typed or exported) take a byte loop whose result is the general path's for
 * those characters. The general path decodes UTF-8, lets libutf8proc case-fold and
 * canonically decompose each code point (dropping default-ignorable ones), sorts each run of
 * combining marks by combining class and composes it with its starter (libutf8proc), so the key
 * is the NFC form of the case-folded text. A run of more than 30 combining marks is cut after
 * every 30 as Unicode's stream-safe text format does (UAX #15; no text needs more), which keeps
 * the work per code point bounded and the key idempotent. Invalid UTF-8 bytes are copied as they
 * are; default-ignorable code points between two of them are kept too, so that removing them
 * never joins the bytes into a valid character (the key of a key is the key). */
#include "internal.h"
#include "yrkesresa/identity.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <utf8proc.h>

#include "municipalities.h"

/* ------------------------------------------------------------------ writing a key */

/* Writes up to cap bytes, counts all of them (dst may be NULL with cap 0: measure only). */
typedef struct kw {
    char *dst;
    size_t cap;
    size_t n;
} kw;

static inline void kw_byte(kw *w, unsigned c)
{
    if (w->n < w->cap)
        w->dst[w->n] = (char)c;
    w->n++;
}

static void kw_cp(kw *w, int32_t c)
{
    if (c < 0x80) {
        kw_byte(w, (unsigned)c);
    } else if (c < 0x800) {
        kw_byte(w, 0xC0 | (unsigned)(c >> 6));
        kw_byte(w, 0x80 | (unsigned)(c & 0x3F));
    } else if (c < 0x10000) {
        kw_byte(w, 0xE0 | (unsigned)(c >> 12));
        kw_byte(w, 0x80 | (unsigned)((c >> 6) & 0x3F));
        kw_byte(w, 0x80 | (unsigned)(c & 0x3F));
    } else {
        kw_byte(w, 0xF0 | (unsigned)(c >> 18));
        kw_byte(w, 0x80 | (unsigned)((c >> 12) & 0x3F));
        kw_byte(w, 0x80 | (unsigned)((c >> 6) & 0x3F));
        kw_byte(w, 0x80 | (unsigned)(c & 0x3F));
    }
}

/* ------------------------------------------------------------------ characters */

/* 1 for the ASCII characters that separate words in a key: NUL, TAB..CR, space, '-'. */
static const unsigned char ascii_blank[128] = {
    [0] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, ['-'] = 1,
};

/* Blanks (White_Space: the Zs spaces, NEL, the line and paragraph separators) and dashes (Pd,
 * and U+2212 MINUS SIGN), for code points >= 0x80. */
static int is_blank(int32_t cp, const utf8proc_property_t *p)
{
    return p->category == UTF8PROC_CATEGORY_ZS || p->category == UTF8PROC_CATEGORY_PD ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0x2212;
}

/* The code point at s[0..n) (n >= 1) and its length, or 0 for an invalid sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF). */
static size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c < 0xC2 || c > 0xF4)
        return 0;
    size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    }
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    int32_t v = (int32_t)(c & (0x7Fu >> k));
    for (size_t i = 1; i < k; i++)
        v = (v << 6) | (s[i] & 0x3F);
    *cp = v;
    return k;
}

/* ------------------------------------------------------------------ the fast path */

/* The run of ASCII characters other than blanks from s[i] on, lower-cased into the key: the
 * index after it. Written straight when the key has room for the whole rest of the text. */
static size_t ascii_run(const unsigned char *s, size_t i, size_t len, kw *w)
{
    size_t k = i;
    if (w->n <= w->cap && w->cap - w->n >= len - i) {
        char *d = w->dst + w->n;
        for (; k < len && s[k] < 0x80 && !ascii_blank[s[k]]; k++)
            d[k - i] = (char)((unsigned)(s[k] - 'A') < 26u ? s[k] + 32u : s[k]);
        w->n += k - i;
        return k;
    }
    for (; k < len && s[k] < 0x80 && !ascii_blank[s[k]]; k++)
        kw_byte(w, (unsigned)(s[k] - 'A') < 26u ? s[k] + 32u : s[k]);
    return k;
}

/* The key of a text of ASCII and U+0080..U+00FF only (nothing there decomposes in NFC or
 * combines): ASCII and Latin-1 capitals folded, ß -> ss, µ -> μ, NEL and NBSP blanks, the
 * soft hyphen removed. Returns 0, having written garbage, at the first other character. */
static int key_fast(const unsigned char *s, size_t len, kw *w)
{
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i];
        if (c >= 0x80) {
            if ((c != 0xC2 && c != 0xC3) || i + 1 == len || (s[i + 1] & 0xC0) != 0x80)
                return 0;
            c = ((c & 0x1F) << 6) | (s[++i] & 0x3F);
            if (c == 0xAD)
                continue;
            if (c == 0x85 || c == 0xA0) {
                space = 1;
                continue;
            }
        } else if (ascii_blank[c]) {
            space = 1;
            continue;
        }
        if (space && w->n > 0)
            kw_byte(w, ' ');
        space = 0;
        if (c < 0x80) {
            i = ascii_run(s, i, len, w) - 1;
        } else if (c == 0xDF) {
            kw_byte(w, 's');
            kw_byte(w, 's');
        } else {
            kw_cp(w, c == 0xB5 ? 0x3BC : (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c);
        }
    }
    return 1;
}

/* ------------------------------------------------------------------ the general path */

enum {
    SAFE_MARKS = 30, /* UAX #15 stream-safe: at most 30 combining marks in a row */
    UNIT_CAP = SAFE_MARKS + 2,
    DECOMP_CAP = 18, /* Unicode's longest full decomposition; case folding makes at most 4 */
    PAIR_MIN = 0x900 /* no code point below is the second of a starter+starter composition */
};

typedef struct keyer {
    kw w;
    const unsigned char *s; /* the input (for ignorables kept between invalid bytes) */
    int32_t unit[UNIT_CAP]; /* a starter (if any) and the combining marks after it */
    uint8_t ccc[UNIT_CAP];  /* their combining classes */
    int nunit, starter, marks;
    int space;               /* a blank is pending */
    int raw;                 /* the last byte written was an invalid byte */
    size_t ign_from, ign_to; /* the ignorables seen since that byte */
} keyer;

static int ccc_of(int32_t c)
{
    return c < 0x300 ? 0 : utf8proc_get_property(c)->combining_class;
}

/* The unit in canonical order (a stable sort of its marks by class), composed. */
static void unit_compose(keyer *k)
{
    int from = k->starter;
    for (int i = from + 1; i < k->nunit; i++) {
        int32_t c = k->unit[i];
        uint8_t cc = k->ccc[i];
        int j = i;
        for (; j > from && k->ccc[j - 1] > cc; j--) {
            k->unit[j] = k->unit[j - 1];
            k->ccc[j] = k->ccc[j - 1];
        }
        k->unit[j] = c;
        k->ccc[j] = cc;
    }
    if (k->starter && k->marks > 0) {
        utf8proc_ssize_t n =
            utf8proc_normalize_utf32(k->unit, k->nunit, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (n > 0 && n <= k->nunit)
            k->nunit = (int)n;
        for (int i = 1; i < k->nunit; i++)
            k->ccc[i] = (uint8_t)ccc_of(k->unit[i]);
    }
    k->marks = k->nunit - k->starter;
}

static void put_space(keyer *k)
{
    if (k->space && k->w.n > 0)
        kw_byte(&k->w, ' ');
    k->space = 0;
}

static void unit_put(keyer *k)
{
    if (k->nunit == 0)
        return;
    unit_compose(k);
    put_space(k);
    for (int i = 0; i < k->nunit; i++)
        kw_cp(&k->w, k->unit[i]);
    k->nunit = k->starter = k->marks = 0;
}

static void add_starter(keyer *k, int32_t c)
{
    if (k->starter && c >= PAIR_MIN) { /* Hangul jamo, some Indic vowel signs */
        unit_compose(k);
        if (k->nunit == 1) {
            int32_t pair[2] = {k->unit[0], c};
            if (utf8proc_normalize_utf32(pair, 2, UTF8PROC_COMPOSE | UTF8PROC_STABLE) == 1) {
                k->unit[0] = pair[0];
                return;
            }
        }
    }
    unit_put(k);
    k->unit[0] = c;
    k->ccc[0] = 0;
    k->nunit = k->starter = 1;
}

/* One code point of a decomposition. */
static void add_cp(keyer *k, int32_t c)
{
    k->raw = 0;
    int cc = ccc_of(c);
    if (cc == 0) {
        add_starter(k, c);
        return;
    }
    if (k->marks == SAFE_MARKS)
        unit_put(k); /* the marks after it form a unit without a starter */
    k->unit[k->nunit] = c;
    k->ccc[k->nunit++] = (uint8_t)cc;
    k->marks++;
}

static void add_blank(keyer *k)
{
    unit_put(k);
    k->space = 1;
    k->raw = 0;
}

static void add_raw(keyer *k, unsigned char b)
{
    unit_put(k);
    if (k->raw) {
        for (size_t i = k->ign_from; i < k->ign_to; i++)
            kw_byte(&k->w, k->s[i]);
    }
    put_space(k);
    kw_byte(&k->w, b);
    k->raw = 1;
    k->ign_from = k->ign_to = 0;
}

static void add_ignorable(keyer *k, size_t from, size_t to)
{
    if (!k->raw)
        return;
    if (k->ign_to == k->ign_from)
        k->ign_from = from;
    k->ign_to = to;
}

static void add_code_point(keyer *k, int32_t cp, size_t from, size_t to)
{
    if (cp < 0x80) {
        if (ascii_blank[cp])
            add_blank(k);
        else
            add_cp(k, cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    if (is_blank(cp, utf8proc_get_property(cp))) {
        add_blank(k);
        return;
    }
    utf8proc_int32_t buf[DECOMP_CAP];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, DECOMP_CAP, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, &boundclass);
    if (n == 0) {
        add_ignorable(k, from, to);
        return;
    }
    if (n < 0 || n > DECOMP_CAP) { /* not for any code point of Unicode 15 */
        buf[0] = cp;
        n = 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++)
        add_cp(k, buf[i]);
}

static void key_general(const unsigned char *s, size_t len, kw *w)
{
    keyer k;
    k.w = *w;
    k.s = s;
    k.nunit = k.starter = k.marks = k.space = k.raw = 0;
    k.ign_from = k.ign_to = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            add_raw(&k, s[i++]);
            continue;
        }
        add_code_point(&k, cp, i, i + n);
        i += n;
    }
    unit_put(&k);
    *w = k.w;
}

/* The bytes of @p x (eight, little-endian order) that are below 0x21 or above 0x7E, or '-':
 * their high bits (exact for bytes below 0x80; a byte from 0x80 on is always flagged). */
static inline uint64_t plain_odd(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones << 7;
    uint64_t low = x & ~highs;
    uint64_t below = ~(low + ones * (0x80 - 0x21)) & highs; /* < 0x21 */
    uint64_t del = (low + ones) & highs;                    /* 0x7F */
    return below | del | rd_bytes_equal(x, ones * '-') | (x & highs);
}

/* @p x lower-cased (its bytes are all below 0x80). */
static inline uint64_t plain_lower(uint64_t x)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones << 7;
    uint64_t ge_a = x + ones * (0x80 - 'A'), gt_z = x + ones * (0x7F - 'Z');
    return x | (((ge_a ^ gt_z) & highs) >> 2);
}

/* The key of a text of printable ASCII whose only blanks are single spaces between words (most
 * names: "Kommun 0000001", "Falun"): the text lower-cased, eight bytes a step. Returns 0, having
 * written garbage, for any other text, and when the key does not fit (key_fast() decides). */
static int key_plain(const unsigned char *s, size_t len, kw *w)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
    return 0; /* the byte before is the next one down only in little-endian order */
#endif
    const uint64_t ones = UINT64_C(0x0101010101010101), spaces = ones * ' ';
    if (len == 0 || len > w->cap || s[0] == ' ' || s[len - 1] == ' ')
        return 0;
    uint64_t prev_space = 0; /* the high bit of the byte before: a space */
    for (size_t i = 0; i < len; i += 8) {
        size_t r = len - i < 8 ? len - i : 8;
        uint64_t x = 0, valid = r == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * r)) - 1;
        if (r == 8)
            memcpy(&x, s + i, 8); /* fixed sizes: one load, one store, no call */
        else
            for (size_t j = 0; j < r; j++)
                x |= (uint64_t)s[i + j] << (8 * j);
        uint64_t sp = rd_bytes_equal(x, spaces) & valid;
        uint64_t odd = plain_odd(x) & valid & ~sp;
        if (odd != 0 || (sp & ((sp << 8) | prev_space)) != 0)
            return 0; /* another character, or two spaces in a row */
        prev_space = sp >> 56;
        x = plain_lower(x);
        if (i + 8 <= w->cap)
            memcpy(w->dst + i, &x, 8); /* past the key's end: scratch within cap */
        else
            memcpy(w->dst + i, &x, r);
    }
    w->n = len;
    return 1;
}

/* The key of s[0..len) into dst[0..cap) (no NUL; bytes past cap are dropped); its length. */
static size_t key_into(const char *s, size_t len, char *dst, size_t cap)
{
    kw w = {dst, cap, 0};
    if (key_plain((const unsigned char *)s, len, &w))
        return w.n;
    w.n = 0;
    if (key_fast((const unsigned char *)s, len, &w))
        return w.n;
    w.n = 0;
    key_general((const unsigned char *)s, len, &w);
    return w.n;
}

YR_READ_API yr_read_status yr_name_key(const char *s, size_t len, char *dst, size_t cap,
                                       size_t *out_len)
{
    if ((s == NULL && len > 0) || dst == NULL)
        return YR_READ_ERR_NULL;
    if (s == NULL)
        s = "";
    size_t n;
    if (len < SIZE_MAX / 3 && cap > 3 * len) {
        n = key_into(s, len, dst, cap);
    } else { /* measure first: dst stays untouched when the key does not fit */
        n = key_into(s, len, NULL, 0);
        if (n >= cap)
            return YR_READ_ERR_LIMIT;
        key_into(s, len, dst, cap);
    }
    dst[n] = '\0';
    if (out_len)
        *out_len = n;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------ the list */

static const yrr_form *form_find(const char *key, size_t len)
{
    if (len >= YRR_FORM_KEY_MAX)
        return NULL;
    uint32_t slot = yrr_hash(key, len) % YRR_FORM_SLOTS;
    for (;;) { /* ends: the table is at most half full */
        unsigned v = yrr_form_slots[slot];
        if (v == 0)
            return NULL;
        const yrr_form *f = &yrr_forms[v - 1];
        if (f->len == len && memcmp(f->key, key, len) == 0)
            return f;
        slot = (slot + 1) % YRR_FORM_SLOTS;
    }
}

static const yrr_municipality *municipality_find(int code)
{
    size_t lo = 0, hi = YRR_MUNICIPALITIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (yrr_municipalities[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < YRR_MUNICIPALITIES && yrr_municipalities[lo].code == code ? &yrr_municipalities[lo]
                                                                          : NULL;
}

static const yrr_county *county_find(int code)
{
    if (code < 1 || code > YRR_COUNTY_CODE_MAX || yrr_county_index[code] < 0)
        return NULL;
    return &yrr_counties[yrr_county_index[code]];
}

YR_READ_API yr_place yr_place_of_code(int code, int digits)
{
    if ((digits == 4 && code >= 0 && code <= 9999) || (digits == 3 && code >= 100 && code <= 999))
        return municipality_find(code) ? YR_PLACE_MUNICIPALITY : YR_PLACE_OTHER;
    if (digits == 2 && code == 0)
        return YR_PLACE_NATION;
    if (digits == 2 && county_find(code))
        return YR_PLACE_COUNTY;
    return YR_PLACE_OTHER;
}

YR_READ_API const char *yr_place_name(yr_place place, int code)
{
    if (place == YR_PLACE_MUNICIPALITY) {
        const yrr_municipality *m = municipality_find(code);
        return m ? m->name : NULL;
    }
    if (place == YR_PLACE_COUNTY) {
        const yrr_county *c = county_find(code);
        return c ? c->name : NULL;
    }
    return place == YR_PLACE_NATION && code == 0 ? "Riket" : NULL;
}

YR_READ_API int yr_municipality_county(int code)
{
    const yrr_municipality *m = municipality_find(code);
    return m ? m->county : -1;
}

YR_READ_API size_t yr_municipality_count(void)
{
    return YRR_MUNICIPALITIES;
}

YR_READ_API int yr_municipality_code(size_t i)
{
    return i < YRR_MUNICIPALITIES ? yrr_municipalities[i].code : -1;
}

/* ------------------------------------------------------------------ messages */

enum { QUOTE_MAX = 64 }; /* bytes of a cell quoted in a message */

/* 1 for a code point that a key drops or turns into a blank (blanks, dashes, ignorables). */
static int is_separator(int32_t cp)
{
    if (cp < 0x80)
        return ascii_blank[cp];
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return is_blank(cp, p) || p->ignorable;
}

/* s[from..to) trimmed of separators: *from and *to move inwards. */
static void trim_span(const char *s, size_t *from, size_t *to)
{
    size_t i = *from, first = *to, last = *to;
    while (i < *to) {
        int32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, *to - i, &cp);
        int sep = n > 0 && is_separator(cp);
        n = n ? n : 1;
        if (!sep) {
            if (first == *to)
                first = i;
            last = i + n;
        }
        i += n;
    }
    if (first == *to)
        last = first;
    *from = first;
    *to = last;
}

/* s[0..len) for a message: valid UTF-8 on one line (invalid bytes U+FFFD, controls blanks), at
 * most QUOTE_MAX bytes and then "…". */
static void quote(const char *s, size_t len, char *dst, size_t cap)
{
    kw w = {dst, cap - 1, 0};
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            cp = 0xFFFD;
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
            cp = ' ';
        if (w.n + 4 > QUOTE_MAX) {
            kw_cp(&w, 0x2026);
            break;
        }
        kw_cp(&w, cp);
        i += n ? n : 1;
    }
    dst[w.n < cap ? w.n : cap - 1] = '\0';
}

static yr_read_status fail(yr_read_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static yr_read_status fail(yr_read_error *err, const char *fmt, ...)
{
    if (err) {
        err->status = YR_READ_ERR_IDENTITY;
        err->line = err->other_line = 0;
        err->column = YR_READ_NONE;
        err->cell_ref[0] = '\0';
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return YR_READ_ERR_IDENTITY;
}

/* ------------------------------------------------------------------ places */

/* Large enough for a code, a blank and any form; longer keys are no place. */
enum { PLACE_KEY_CAP = YRR_FORM_KEY_MAX + 8 };

static int parse_digits(const char *d, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && i < 4; i++)
        v = v * 10 + (d[i] - '0');
    return v;
}

/* A cell of digits only (key[0..n)). */
static yr_read_status code_cell(const char *key, size_t n, yr_place *place, int *code,
                                yr_read_error *err)
{
    int c = n <= 4 ? parse_digits(key, n) : -1;
    yr_place p = n <= 4 ? yr_place_of_code(c, (int)n) : YR_PLACE_OTHER;
    if (p != YR_PLACE_OTHER) {
        *place = p;
        *code = c;
        return YR_READ_OK;
    }
    char q[QUOTE_MAX + 8];
    quote(key, n, q, sizeof q);
    if (n == 4 || (n == 3 && key[0] != '0'))
        return fail(err, "'%s' is not a municipality code", q);
    if (n == 2)
        return fail(err, "'%s' is not a county code", q);
    return fail(err,
                "'%s' is not an SCB code: a municipality's code has four digits (0114), a "
                "county's two (01), the nation's is 00",
                q);
}

/* From s[i]: past the separators, or (digits) past the digits and the ignorables among them. */
static size_t skip(const char *s, size_t len, size_t i, int digits)
{
    while (i < len) {
        int32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            break;
        int ok = digits ? (cp >= '0' && cp <= '9') ||
                              (cp >= 0x80 && utf8proc_get_property(cp)->ignorable)
                        : is_separator(cp);
        if (!ok)
            break;
        i += n;
    }
    return i;
}

/* A cell `code name` (key: d digits, a blank, the name's key). */
static yr_read_status code_name_cell(const char *s, size_t len, const char *key, size_t d,
                                     size_t kn, int cut, yr_place *place, int *code,
                                     yr_read_error *err)
{
    int c = parse_digits(key, d);
    yr_place p = yr_place_of_code(c, (int)d);
    char q[QUOTE_MAX + 8];
    if (p == YR_PLACE_OTHER) {
        size_t from = 0, to = len;
        trim_span(s, &from, &to);
        quote(s + from, to - from, q, sizeof q);
        return fail(err, "'%s': %.*s is not a%s code", q, (int)d, key,
                    d == 2 ? " county" : " municipality");
    }
    const char *name = key + d + 1;
    size_t nlen = kn - d - 1;
    const yrr_form *f = cut ? NULL : form_find(name, nlen);
    int same = f && f->place == (uint8_t)p && f->code == c;
    if (!same && p == YR_PLACE_COUNTY && !cut) { /* "20 Dalarna" */
        const char *sk = county_find(c)->short_key;
        same = strlen(sk) == nlen && memcmp(sk, name, nlen) == 0;
    }
    if (same) {
        *place = p;
        *code = c;
        return YR_READ_OK;
    }
    size_t from = skip(s, len, skip(s, len, skip(s, len, 0, 0), 1), 0), to = len;
    trim_span(s, &from, &to);
    quote(s + from, to - from, q, sizeof q);
    return fail(err, "code %.*s is %s, not '%s'", (int)d, key, yr_place_name(p, c), q);
}

YR_READ_API yr_read_status yr_place_of(const char *s, size_t len, yr_place *place, int *code,
                                       yr_read_error *err)
{
    if ((s == NULL && len > 0) || place == NULL || code == NULL) {
        if (err) {
            fail(err, "yr_place_of: a required pointer is NULL");
            err->status = YR_READ_ERR_NULL;
        }
        return YR_READ_ERR_NULL;
    }
    char key[PLACE_KEY_CAP];
    size_t n;
    return rd_place_of_key(s ? s : "", len, place, code, key, sizeof key, &n, err);
}

YR_READ_API yr_read_status yr_identity_key(const char *s, size_t len, char *dst, size_t cap,
                                           size_t *out_len, yr_read_error *err)
{
    yr_place place;
    int code;
    yr_read_status st = yr_place_of(s, len, &place, &code, err);
    if (st != YR_READ_OK)
        return st;
    if (dst == NULL) {
        fail(err, "yr_identity_key: a required pointer is NULL");
        if (err != NULL)
            err->status = YR_READ_ERR_NULL;
        return YR_READ_ERR_NULL;
    }
    const char *name = place != YR_PLACE_OTHER ? yr_place_name(place, code) : NULL;
    if (name != NULL) { /* a known place: the key of its official name */
        s = name;
        len = strlen(name);
    }
    st = yr_name_key(s, len, dst, cap, out_len);
    if (st == YR_READ_ERR_LIMIT && err != NULL) {
        fail(err, "the identity key does not fit %zu bytes", cap);
        err->status = st;
    }
    return st;
}

yr_read_status rd_place_of_key(const char *s, size_t len, yr_place *place, int *code, char *key,
                               size_t cap, size_t *klen, yr_read_error *err)
{
    size_t n = key_into(s, len, key, cap);
    *klen = n;
    int cut = n > PLACE_KEY_CAP; /* a longer key: no place, but maybe a code and a wrong name */
    size_t kn = cut ? PLACE_KEY_CAP : n;
    size_t d = 0;
    while (d < kn && key[d] >= '0' && key[d] <= '9')
        d++;
    if (d > 0 && d == kn) /* cut: more than PLACE_KEY_CAP digits, no code */
        return code_cell(key, kn, place, code, err);
    int coded = (d == 2 || d == 4 || (d == 3 && key[0] != '0')) && key[d] == ' ';
    if (coded)
        return code_name_cell(s, len, key, d, kn, cut, place, code, err);
    const yrr_form *f = cut ? NULL : form_find(key, kn);
    *place = f ? (yr_place)f->place : YR_PLACE_OTHER;
    *code = f ? f->code : -1;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------ the nearest name */

enum { NEAR_MAX = 64 }; /* code points compared; no form has as many */

/* Folded U+00E0..U+00FF (keys have no capitals): the base letter, or 0 to keep the letter. æ
 * is "ae" (handled by the caller). */
static const char latin_fold[33] = "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";

/* One code point of a key, folded, into out[0..NEAR_MAX) from m; the new count or -1. */
static int fold_cp(int32_t cp, int32_t *out, int m)
{
    int32_t buf[DECOMP_CAP];
    utf8proc_ssize_t nb = 1;
    buf[0] = cp;
    if (cp >= 0xE0 && cp <= 0xFF && latin_fold[cp - 0xE0]) {
        buf[0] = latin_fold[cp - 0xE0];
    } else if (cp == 0xE6 || cp == 0x153) { /* æ, œ */
        buf[0] = cp == 0xE6 ? 'a' : 'o';
        buf[1] = 'e';
        nb = 2;
    } else if (cp >= 0x100) {
        int bc = 0;
        nb = utf8proc_decompose_char(cp, buf, DECOMP_CAP, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
                                     &bc);
        if (nb < 0 || nb > DECOMP_CAP)
            buf[0] = cp, nb = 1;
    }
    if (m + nb > NEAR_MAX)
        return -1;
    for (utf8proc_ssize_t j = 0; j < nb; j++)
        out[m++] = buf[j];
    return m;
}

/* The code points of key[0..n) (an invalid byte b as -b) into out; folded: without their
 * diacritics (canonical decomposition, marks dropped; ø -> o, æ -> ae, œ -> oe). Returns the
 * count, or -1 when more than NEAR_MAX. */
static int code_points(const char *key, size_t n, int fold, int32_t *out)
{
    int m = 0;
    for (size_t i = 0; i < n && m >= 0;) {
        int32_t cp;
        size_t k = utf8_decode((const unsigned char *)key + i, n - i, &cp);
        if (k == 0)
            cp = -(int32_t)(unsigned char)key[i];
        i += k ? k : 1;
        if (fold && cp >= 0x80) {
            m = fold_cp(cp, out, m);
        } else if (m < NEAR_MAX) {
            out[m++] = cp;
        } else {
            m = -1;
        }
    }
    return m;
}

/* The edit distance (insert, delete, substitute one code point) of a and b, or bound + 1 when
 * it is above bound. */
static int edit_distance(const int32_t *a, int na, const int32_t *b, int nb, int bound)
{
    int row[NEAR_MAX + 1], prev[NEAR_MAX + 1];
    for (int j = 0; j <= nb; j++)
        prev[j] = j;
    for (int i = 1; i <= na; i++) {
        row[0] = i;
        int low = i;
        for (int j = 1; j <= nb; j++) {
            int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            if (v < low)
                low = v;
        }
        if (low > bound)
            return bound + 1;
        memcpy(prev, row, sizeof(int) * (size_t)(nb + 1));
    }
    return prev[nb] > bound ? bound + 1 : prev[nb];
}

YR_READ_API int yr_municipality_nearest(const char *s, size_t len)
{
    char key[4 * NEAR_MAX];
    if (s == NULL)
        return -1;
    size_t n = key_into(s, len, key, sizeof key);
    int32_t a[NEAR_MAX], ua[NEAR_MAX], b[NEAR_MAX], ub[NEAR_MAX];
    int na = n <= sizeof key ? code_points(key, n, 1, a) : -1;
    int nua = na > 0 ? code_points(key, n, 0, ua) : -1;
    if (na <= 0 || nua < 0)
        return -1;
    int best = -1, best_d = 3, best_du = 0;
    for (size_t i = 0; i < yrr_nforms && yrr_forms[i].place == YR_PLACE_MUNICIPALITY; i++) {
        const yrr_form *f = &yrr_forms[i];
        if ((int)f->len + 2 < na) /* a form has at most as many code points as bytes */
            continue;
        int nb = code_points(f->key, f->len, 1, b);
        if (nb < 0 || nb > na + 2 || na > nb + 2)
            continue;
        int d = edit_distance(a, na, b, nb, 2);
        if (d > 2 || 3 * d >= na || d > best_d)
            continue;
        int nub = code_points(f->key, f->len, 0, ub);
        int du = edit_distance(ua, nua, ub, nub, NEAR_MAX);
        if (d < best_d || du < best_du || (du == best_du && f->code < best)) {
            best = f->code;
            best_d = d;
            best_du = du;
        }
    }
    return best;
}
