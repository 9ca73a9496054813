/* Roles by name (rule 7): the one alias table in Swedish and English, the header key, the units
 * and share/percent words of a header, the labels of aggregate rows and the words of notes. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/names.h"

#define AE "\xc3\xa4" /* ä */
#define AA "\xc3\xa5" /* å */
#define OE "\xc3\xb6" /* ö */

/* The most aliases of one role (with its NULL). */
#define RD_NALIASES 16

/* The aliases of each role as header keys (yr_header_key()); the first is the role's name
 * without its punctuation. */
static const char *const aliases[YR_READ_ROLE_COUNT][RD_NALIASES] = {
    [YR_ROLE_MUNICIPALITY] = {"municipality", "kommun", "kommunnamn", "namn", "name", "region",
                              "part", "party", NULL},
    [YR_ROLE_CODE] = {"code", "kod", "kommunkod", "kommunnummer", "kommunnr", "knkod", "scbkod",
                      "regionkod", "l" AE "nskod", "lanskod", "lankod", "municipalitycode"},
    [YR_ROLE_POPULATION] = {"population", "befolkning", "inv" AA "nare", "folkm" AE "ngd",
                            "antalinv" AA "nare", "antalinv", "inv" AA "narantal",
                            "befolkningsm" AE "ngd", "inv", NULL},
    [YR_ROLE_WEIGHT] = {"weight", "vikt", "viktning", "vikter", NULL},
    [YR_ROLE_AMOUNT] = {"amount", "belopp", "kostnad", "kostnader", "summa", "attbetala",
                        "publiceratbelopp", "f" OE "rdelatbelopp", NULL},
    [YR_ROLE_DAY] = {"day", "datum", "dag", "date", "kursdag", NULL},
    [YR_ROLE_PARTICIPANTS] = {"participants", "deltagare", "antaldeltagare", NULL},
    [YR_ROLE_ROLE] = {"role", "roll", NULL},
    [YR_ROLE_REGISTERED] = {"registered", "anm" AE "lda", "antalanm" AE "lda", NULL},
    [YR_ROLE_ATTENDED] = {"attended", "deltagit", "n" AE "rvarande", "antaln" AE "rvarande",
                          "antaldeltagit", NULL},
    [YR_ROLE_YES] = {"yes", "ja", "antalja", "yescount", NULL},
    [YR_ROLE_YES_SHARE] = {"yesshare", "yespercent", "shareyes", "shareyespercent", "sharepercent",
                           "andelja", NULL},
    [YR_ROLE_RESPONDENTS] = {"respondents", "n", "antalsvarande", "svarande", NULL},
    [YR_ROLE_TARGET] = {"target", "targetpercent", "m" AA "l", "m" AA "lv" AE "rde",
                        "m" AA "lniv" AA, "m" AA "ls" AE "ttning", NULL},
    [YR_ROLE_GROUP] = {"group", "l" AE "n", "county", "grupp", NULL},
    [YR_ROLE_ITEM] = {"item", "post", "kostnadspost", NULL},
    [YR_ROLE_YEAR] = {"year", AA "r", NULL},
    [YR_ROLE_COURSE] = {"course", "kurs", NULL},
    [YR_ROLE_QUESTION] = {"question", "fr" AA "ga", NULL},
    [YR_ROLE_PUBLISHED] = {"published", "attendanceratepublished", "publicerad", "publicerat",
                           "publiceradn" AE "rvaro", "n" AE "rvarograd",
                           "publiceradn" AE "rvarograd", "attendancerate", "publishedrate",
                           "n" AE "rvaroandel", "andeln" AE "rvarande", "n" AE "rvaroprocent",
                           NULL},
    [YR_ROLE_PERSON] = {"person", "namn", "name", "namnp" AA "deltagare", "deltagarnamn",
                        "deltagareid", "deltagarid", "epost", "email", "personnummer", "personnr",
                        NULL},
    [YR_ROLE_PRESENT] = {"present", "n" AE "rvaro", "n" AE "rvarat", "n" AE "rvarande", NULL},
    [YR_ROLE_FEES] = {"fees", "avgifter", "avgift", "deltagaravgift", "deltagaravgifter", NULL},
    [YR_ROLE_POT] = {"pot", "pott", NULL},
    [YR_ROLE_PARTICIPANT_DAYS] = {"participantdays", "deltagardagar", NULL},
    [YR_ROLE_RATE] = {"rate", "krperinv" AA "nare", "perinv" AA "nare", "kronorperinv" AA "nare",
                      NULL},
    [YR_ROLE_EQUAL_PART] = {"equalpart", "likadel", "likadelar", NULL},
};

static const char *const role_names[YR_READ_ROLE_COUNT] = {
    "none",      "municipality",     "code",      "population", "weight",   "amount",
    "day",       "participants",     "role",      "registered", "attended", "yes",
    "yes_share", "respondents",      "target",    "group",      "item",     "year",
    "course",    "question",         "published", "person",     "present",  "fees",
    "pot",       "participant_days", "rate",      "equal_part"};

static const yr_kind role_kinds[YR_READ_ROLE_COUNT] = {
    [YR_ROLE_NONE] = YR_KIND_TEXT,       [YR_ROLE_MUNICIPALITY] = YR_KIND_TEXT,
    [YR_ROLE_CODE] = YR_KIND_CODE,       [YR_ROLE_POPULATION] = YR_KIND_WHOLE,
    [YR_ROLE_WEIGHT] = YR_KIND_DECIMAL,  [YR_ROLE_AMOUNT] = YR_KIND_DECIMAL,
    [YR_ROLE_DAY] = YR_KIND_DATE,        [YR_ROLE_PARTICIPANTS] = YR_KIND_WHOLE,
    [YR_ROLE_ROLE] = YR_KIND_TEXT,       [YR_ROLE_REGISTERED] = YR_KIND_WHOLE,
    [YR_ROLE_ATTENDED] = YR_KIND_WHOLE,  [YR_ROLE_YES] = YR_KIND_WHOLE,
    [YR_ROLE_YES_SHARE] = YR_KIND_SHARE, [YR_ROLE_RESPONDENTS] = YR_KIND_WHOLE,
    [YR_ROLE_TARGET] = YR_KIND_SHARE,    [YR_ROLE_GROUP] = YR_KIND_TEXT,
    [YR_ROLE_ITEM] = YR_KIND_TEXT,       [YR_ROLE_YEAR] = YR_KIND_YEAR,
    [YR_ROLE_COURSE] = YR_KIND_TEXT,     [YR_ROLE_QUESTION] = YR_KIND_TEXT,
    [YR_ROLE_PUBLISHED] = YR_KIND_SHARE, [YR_ROLE_PERSON] = YR_KIND_TEXT,
    [YR_ROLE_PRESENT] = YR_KIND_BOOL,    [YR_ROLE_FEES] = YR_KIND_DECIMAL,
    [YR_ROLE_POT] = YR_KIND_DECIMAL,     [YR_ROLE_PARTICIPANT_DAYS] = YR_KIND_WHOLE,
    [YR_ROLE_RATE] = YR_KIND_DECIMAL,    [YR_ROLE_EQUAL_PART] = YR_KIND_SHARE,
};

const char *yr_role_name(yr_read_role role)
{
    return (unsigned)role < YR_READ_ROLE_COUNT ? role_names[role] : "none";
}

size_t rd_label_col(const yr_table *t)
{
    for (size_t col = 0; t->name_col == YR_READ_NONE && col < t->ncols; col++)
        if (t->cols[col].role == YR_ROLE_COURSE || t->cols[col].role == YR_ROLE_ITEM ||
            t->cols[col].role == YR_ROLE_QUESTION)
            return col;
    return t->name_col != YR_READ_NONE ? t->name_col : 0;
}

yr_kind yr_role_kind(yr_read_role role)
{
    return (unsigned)role < YR_READ_ROLE_COUNT ? role_kinds[role] : YR_KIND_TEXT;
}

/* ------------------------------------------------------------------------ words */

/* Split a header into folded words (letters and digits; '%' a word of its own). Parenthesised
 * words are marked. Returns the number of words. */
typedef struct hword {
    char w[64];
    int paren;
    size_t at, len; /* where the word stands in the header, in bytes */
} hword;

static size_t header_words(const char *h, hword *out, size_t cap)
{
    size_t n = 0, o = 0;
    int depth = 0;
    const unsigned char *s = (const unsigned char *)h;
    size_t len = strlen(h);
    for (size_t i = 0; i <= len && n < cap;) {
        unsigned c = i < len ? s[i] : 0;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     (c == 0xC3 && i + 1 < len);
        if (letter && o == 0)
            out[n].at = i;
        if (letter) {
            char f[2];
            size_t k = 1;
            if (c == 0xC3) {
                f[0] = (char)0xC3;
                f[1] = (char)(s[i + 1] >= 0x80 && s[i + 1] <= 0x9E && s[i + 1] != 0x97
                                  ? s[i + 1] + 0x20
                                  : s[i + 1]);
                k = 2;
            } else {
                f[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            if (o + k < sizeof out[n].w) {
                memcpy(out[n].w + o, f, k);
                o += k;
            }
            i += k;
            continue;
        }
        if (o > 0) {
            out[n].w[o] = '\0';
            out[n].paren = depth > 0;
            out[n].len = i - out[n].at;
            n++;
            o = 0;
        }
        if (c == '%' && n < cap) {
            strcpy(out[n].w, "%");
            out[n].paren = depth > 0;
            out[n].at = i;
            out[n].len = 1;
            n++;
        }
        if (c == '(' || c == '[')
            depth++;
        if ((c == ')' || c == ']') && depth > 0)
            depth--;
        i += c >= 0xC0 ? (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2) : 1;
    }
    return n;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int word_in(const char *w, const char *const *list)
{
    for (size_t k = 0; list[k] != NULL; k++)
        if (strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------------ units */

/* The unit words of a header, by their class (rule 5): kronor, thousands or millions of
 * kronor, a scale (thousands, millions) that a money word may follow or precede ("tusen
 * kronor", "SEK '000"), a letter that scales only beside a money word ("t kr", "M SEK"), a
 * word of people (a count: "tusentals invånare"), st, percent and share. */
enum { UW_NONE, UW_KR, UW_TKR, UW_MKR, UW_K, UW_M, UW_LK, UW_LM, UW_PEOPLE, UW_ST, UW_PCT };

static int unit_class(const char *x)
{
    static const struct {
        const char *w;
        int c;
    } words[] = {
        {"kr", UW_KR},
        {"kronor", UW_KR},
        {"krona", UW_KR},
        {"sek", UW_KR},
        {"tkr", UW_TKR},
        {"tsek", UW_TKR},
        {"ksek", UW_TKR},
        {"kkr", UW_TKR},
        {"tkronor", UW_TKR},
        {"mkr", UW_MKR},
        {"msek", UW_MKR},
        {"mnkr", UW_MKR},
        {"mnsek", UW_MKR},
        {"mkronor", UW_MKR},
        {"tusen", UW_K},
        {"tusental", UW_K},
        {"tusentals", UW_K},
        {"tsd", UW_K},
        {"thousand", UW_K},
        {"thousands", UW_K},
        {"000", UW_K},
        {"000s", UW_K},
        {"1000tal", UW_K},
        {"milj", UW_M},
        {"miljon", UW_M},
        {"miljoner", UW_M},
        {"miljontal", UW_M},
        {"million", UW_M},
        {"millions", UW_M},
        {"mio", UW_M},
        {"t", UW_LK},
        {"k", UW_LK},
        {"m", UW_LM},
        {"mn", UW_LM},
        {"inv" AA "nare", UW_PEOPLE},
        {"personer", UW_PEOPLE},
        {"pers", UW_PEOPLE},
        {"people", UW_PEOPLE},
        {"persons", UW_PEOPLE},
        {"inhabitants", UW_PEOPLE},
        {"st", UW_ST},
        {"%", UW_PCT},
        {"procent", UW_PCT},
        {"percent", UW_PCT},
        {"pct", UW_PCT},
    };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strcmp(x, words[k].w) == 0)
            return words[k].c;
    return UW_NONE;
}

/* The class of word i of w[0..n): a letter or "mn" scales only beside a money word, "1000"
 * only before "tal", a money or people word, or in parentheses. */
static int unit_class_at(const hword *w, size_t i, size_t n)
{
    int c = unit_class(w[i].w);
    if (c == UW_LK || c == UW_LM) {
        int kr = (i > 0 && unit_class(w[i - 1].w) == UW_KR) ||
                 (i + 1 < n && unit_class(w[i + 1].w) == UW_KR);
        return kr ? (c == UW_LK ? UW_K : UW_M) : UW_NONE;
    }
    if (c == UW_NONE && strcmp(w[i].w, "1000") == 0) {
        int next = i + 1 < n ? unit_class(w[i + 1].w) : UW_NONE;
        if (w[i].paren || (i + 1 < n && strcmp(w[i + 1].w, "tal") == 0) || next == UW_KR ||
            next == UW_PEOPLE)
            return UW_K;
    }
    return c;
}

/* A share word: andel, share, proportion, or a word that starts with andel (Andel ja). */
static int share_word(const char *x)
{
    return strcmp(x, "share") == 0 || strcmp(x, "proportion") == 0 || strncmp(x, "andel", 5) == 0;
}

/* A word of a unit-like part of a header that is no unit but ordinary: a day, month or year
 * ("31 dec 2023"), a count's words (antal, st, per invånare), VAT (exkl. moms), a source, öre
 * (amounts written in öre are read as written). */
static int plain_word(const char *x)
{
    static const char *const words[] = {"antal",
                                        "totalt",
                                        "total",
                                        "per",
                                        "den",
                                        "av",
                                        AA "r",
                                        "exkl",
                                        "inkl",
                                        "exklusive",
                                        "inklusive",
                                        "moms",
                                        "scb",
                                        "prel",
                                        "prelimin" AE "r",
                                        "prelimin" AE "rt",
                                        "jan",
                                        "januari",
                                        "january",
                                        "feb",
                                        "februari",
                                        "february",
                                        "mar",
                                        "mars",
                                        "march",
                                        "apr",
                                        "april",
                                        "maj",
                                        "may",
                                        "jun",
                                        "juni",
                                        "june",
                                        "jul",
                                        "juli",
                                        "july",
                                        "aug",
                                        "augusti",
                                        "august",
                                        "sep",
                                        "sept",
                                        "september",
                                        "okt",
                                        "oktober",
                                        "oct",
                                        "october",
                                        "nov",
                                        "november",
                                        "dec",
                                        "december",
                                        "tal",
                                        OE "re",
                                        NULL};
    size_t n = strlen(x);
    if (n > 0 && strspn(x, "0123456789") == n) /* a day or month, a year 1900-2099 */
        return n <= 2 || (n == 4 && (strncmp(x, "19", 2) == 0 || strncmp(x, "20", 2) == 0));
    return word_in(x, words);
}

/* Whether text s[0..n) (a unit-like part) has a word that is neither a unit nor plain. */
static int part_odd(const char *s, size_t n)
{
    char buf[256];
    hword w[32];
    if (n >= sizeof buf)
        return 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    size_t k = header_words(buf, w, 32);
    for (size_t i = 0; i < k; i++) {
        w[i].paren = 1; /* "1000" in a unit part is a scale */
        if (unit_class_at(w, i, k) == UW_NONE && !plain_word(w[i].w) && !share_word(w[i].w))
            return 1;
    }
    return 0;
}

/* The last of the m words of a header is a unit word (not one of people: "Antal invånare"), or
 * "i", "in", "tal" ("Belopp i tkr", "1000-tal"), dropped from its key. */
static int trailing_unit(const hword *w, size_t m, size_t n)
{
    int c = unit_class_at(w, m - 1, n);
    static const char *const glue[] = {"i", "in", "tal", "1000", NULL};
    return (c != UW_NONE && c != UW_PEOPLE) || word_in(w[m - 1].w, glue);
}

yr_read_status yr_header_key(const char *h, char *dst, size_t cap)
{
    if (h == NULL || dst == NULL)
        return YR_READ_ERR_NULL;
    hword w[48];
    size_t n = header_words(h, w, 48), m = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].paren || strcmp(w[i].w, "%") == 0)
            continue;
        if (w[i].w[0] >= '0' && w[i].w[0] <= '9' && m > 0)
            break; /* a year or a date after the name */
        w[m++] = w[i];
    }
    for (size_t all = m; m > 1 && trailing_unit(w, m, all);)
        m--; /* "Belopp tkr", "Kostnad i kr", "Befolkning i tusental", "Belopp, t kr" */
    size_t o = 0;
    for (size_t i = 0; i < m; i++) {
        size_t k = strlen(w[i].w);
        if (o + k + 1 > cap)
            return YR_READ_ERR_LIMIT;
        memcpy(dst + o, w[i].w, k);
        o += k;
    }
    if (cap == 0)
        return YR_READ_ERR_LIMIT;
    dst[o] = '\0';
    return YR_READ_OK;
}

int yr_role_is_header(const char *h, yr_read_role role)
{
    if (h == NULL || (unsigned)role >= YR_READ_ROLE_COUNT || role == YR_ROLE_NONE)
        return 0;
    char key[256], name[64];
    if (yr_header_key(h, key, sizeof key) != YR_READ_OK || key[0] == '\0')
        return 0;
    for (size_t k = 0; k < RD_NALIASES && aliases[role][k] != NULL; k++)
        if (strcmp(key, aliases[role][k]) == 0)
            return 1;
    yr_header_key(role_names[role], name, sizeof name);
    return strcmp(key, name) == 0;
}

/* The words that name a role inside a longer header ("Betalande kommun", "Justerad folkmängd",
 * "Kommun där personen arbetar"); roles whose aliases are common words elsewhere have none. */
static const char *const *role_words(yr_read_role role)
{
    static const char *const mun[] = {"kommun", "municipality", NULL};
    static const char *const pop[] = {"befolkning", "folkm" AE "ngd", "inv" AA "nare", "population",
                                      NULL};
    static const char *const part[] = {"deltagare", "participants", NULL};
    return role == YR_ROLE_MUNICIPALITY   ? mun
           : role == YR_ROLE_POPULATION   ? pop
           : role == YR_ROLE_PARTICIPANTS ? part
                                          : NULL;
}

int rd_role_by_word(const char *h, yr_read_role role)
{
    if (role_words(role) == NULL || rd_header_is_code(h))
        return 0;
    for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
        if (yr_role_is_header(h, (yr_read_role)r))
            return 0; /* its key names a role: that role's ("Kommunkod", "Antal deltagare") */
    hword w[48];
    size_t n = header_words(h, w, 48);
    int hit = 0, other = 0;
    for (size_t i = 0; i < n && strcmp(w[i].w, "per") != 0; i++) /* "Avgift per kommun" */
        for (int r = 1; r < YR_READ_ROLE_COUNT && !w[i].paren; r++)
            if (role_words((yr_read_role)r) != NULL && word_in(w[i].w, role_words((yr_read_role)r)))
                *(r == (int)role ? &hit : &other) = 1;
    return hit && !other; /* "Invånare per deltagare" names two: neither */
}

yr_read_role rd_role_by_name(const char *name, size_t len)
{
    char buf[64], key[64], rk[64];
    if (len == 0 || len >= sizeof buf)
        return YR_ROLE_NONE;
    memcpy(buf, name, len);
    buf[len] = '\0';
    if (yr_header_key(buf, key, sizeof key) != YR_READ_OK)
        return YR_ROLE_NONE;
    for (int r = 1; r < YR_READ_ROLE_COUNT; r++) {
        yr_header_key(role_names[r], rk, sizeof rk);
        if (strcmp(key, rk) == 0)
            return (yr_read_role)r;
    }
    if (strcmp(key, "yespercent") == 0) /* the 0.2 program's name */
        return YR_ROLE_YES_SHARE;
    return YR_ROLE_NONE;
}

yr_read_role yr_read_role_from_name(const char *name)
{
    return name == NULL ? YR_ROLE_NONE : rd_role_by_name(name, strlen(name));
}

void rd_role_aliases(yr_read_role r, char *dst, size_t cap)
{
    size_t o = 0;
    dst[0] = '\0';
    for (size_t k = 0; k < RD_NALIASES && (unsigned)r < YR_READ_ROLE_COUNT && aliases[r][k] != NULL;
         k++) {
        size_t n = strlen(aliases[r][k]);
        if (o + n + 3 >= cap)
            break;
        if (k > 0) {
            memcpy(dst + o, ", ", 2);
            o += 2;
        }
        memcpy(dst + o, aliases[r][k], n);
        o += n;
        dst[o] = '\0';
    }
}

/* Where a header's unit position starts (bytes): inside its last part in parentheses or
 * brackets when the header ends with it ("Andel av 39 Mkr (tkr)"), else after its last comma
 * outside them ("Belopp, tkr"); strlen(h) when it has neither. */
static size_t unit_position(const char *h)
{
    size_t len = strlen(h), e = len, depth = 0, comma = len;
    while (e > 0 && (h[e - 1] == ' ' || h[e - 1] == '\t'))
        e--;
    if (e > 0 && (h[e - 1] == ')' || h[e - 1] == ']')) {
        for (size_t i = e; i-- > 0;) {
            depth += h[i] == ')' || h[i] == ']';
            if ((h[i] == '(' || h[i] == '[') && --depth == 0)
                return i + 1;
        }
        return len;
    }
    for (size_t i = 0; i < e; i++) {
        depth += h[i] == '(' || h[i] == '[';
        depth -= (h[i] == ')' || h[i] == ']') && depth > 0;
        if (h[i] == ',' && depth == 0)
            comma = i + 1;
    }
    return comma;
}

/* Word i of w[0..n) is a money word after a number that is no year and no scale ("39 Mkr" of
 * "Andel av 39 Mkr", "ram 1 Mkr"): an amount the header speaks of, not its unit. */
static int quantity(const hword *w, size_t i, size_t n)
{
    int c = unit_class_at(w, i, n);
    if (i == 0 || (c != UW_KR && c != UW_TKR && c != UW_MKR))
        return 0;
    const char *x = w[i - 1].w;
    size_t k = strlen(x);
    int year = k == 4 && (strncmp(x, "19", 2) == 0 || strncmp(x, "20", 2) == 0);
    return k > 0 && strspn(x, "0123456789") == k && !year && unit_class_at(w, i - 1, n) == UW_NONE;
}

/* The unit words of a header's words w[0..n) that stand at byte @p from or after: the scales
 * named (kronor, thousands, millions), money, st, percent, and the first word of each scale;
 * an amount ("39 Mkr", quantity()) is no unit. */
typedef struct hunits {
    int money, st, pct;
    size_t scale[3]; /* 1 + the index of the first word of kr, of thousands, of millions */
    size_t qty;      /* 1 + the index of the first amount's money word */
} hunits;

static hunits units_from(const hword *w, size_t n, size_t from)
{
    hunits u = {0, 0, 0, {0, 0, 0}, 0};
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        int c = unit_class_at(w, i, n);
        k |= w[i].at >= from && (c == UW_K || c == UW_M);
    }
    for (size_t i = 0; i < n; i++) {
        int c = unit_class_at(w, i, n);
        if (w[i].at < from || (quantity(w, i, n) && (u.qty = u.qty ? u.qty : i + 1) != 0))
            continue;
        u.money |= c == UW_KR || c == UW_TKR || c == UW_MKR;
        int s = c == UW_TKR || c == UW_K   ? 1
                : c == UW_MKR || c == UW_M ? 2
                : c == UW_KR && !k         ? 0
                                           : -1;
        if (s >= 0 && u.scale[s] == 0)
            u.scale[s] = i + 1; /* "kr" beside "tusen" is one unit: thousands of kronor */
        u.st |= c == UW_ST;
        u.pct |= c == UW_PCT;
    }
    return u;
}

/* How many different units the words name: kronor, thousands, millions; percent besides
 * money or a scale. */
static int units_named(const hunits *u)
{
    int n = (u->scale[0] != 0) + (u->scale[1] != 0) + (u->scale[2] != 0);
    return n + (u->pct && n > 0) + (n == 0 && (u->pct || u->st));
}

/* The words that decide a header's unit: those in its unit position when they name one, else
 * all of them. */
static hunits header_units(const hword *w, size_t n, const char *h)
{
    hunits u = units_from(w, n, unit_position(h));
    return units_named(&u) > 0 ? u : units_from(w, n, 0);
}

int rd_header_unit(const char *h)
{
    hword w[48];
    size_t n = header_words(h, w, 48);
    hunits u = header_units(w, n, h);
    int share = 0;
    for (size_t i = 0; i < n; i++)
        share |= share_word(w[i].w);
    int unit = u.money      ? (u.scale[2]   ? RD_UNIT_MKR
                               : u.scale[1] ? RD_UNIT_TKR
                                            : RD_UNIT_KR)
               : u.scale[2] ? RD_UNIT_MKR       /* millions: kronor only */
               : u.scale[1] ? RD_UNIT_THOUSANDS /* a count's thousands; kronor's in money */
               : u.st       ? RD_UNIT_ST
                            : RD_UNIT_NONE;
    if (u.pct)
        return RD_UNIT_PERCENT | (unit << 4);
    if (share)
        return RD_UNIT_SHARE | (unit << 4);
    return unit << 4;
}

size_t rd_header_unit_clash(const char *h, char *dst, size_t cap)
{
    hword w[48];
    size_t n = header_words(h, w, 48), m = 0;
    hunits u = units_from(w, n, unit_position(h));
    int named = units_named(&u), o;
    if (named == 1 || cap == 0)
        return 0; /* the unit's place decides */
    if (named == 0) {
        u = units_from(w, n, 0);
        named = units_named(&u);
    }
    if (named < 2 && u.qty == 0)
        return 0;
    if (u.qty != 0) { /* "Andel av 5 Mkr", "Andel av 39 Mkr tkr" */
        const hword *a = &w[u.qty - 2], *b = &w[u.qty - 1];
        o = snprintf(dst, cap, "speaks of an amount, '%.*s', outside its unit's place",
                     (int)(b->at + b->len - a->at), h + a->at);
        return o < 0 ? 0 : (size_t)o < cap ? (size_t)o : cap - 1;
    }
    const hword *x[4];
    for (int s = 0; s < 3; s++)
        if (u.scale[s] != 0)
            x[m++] = &w[u.scale[s] - 1];
    for (size_t i = 0; i < n && u.pct; i++)
        if (unit_class_at(w, i, n) == UW_PCT) {
            x[m++] = &w[i];
            break;
        }
    if (x[1]->at < x[0]->at) { /* in the header's order */
        const hword *y = x[0];
        x[0] = x[1], x[1] = y;
    }
    o = snprintf(dst, cap, "names two units, '%.*s' and '%.*s'", (int)x[0]->len, h + x[0]->at,
                 (int)x[1]->len, h + x[1]->at);
    return o < 0 ? 0 : (size_t)o < cap ? (size_t)o : cap - 1;
}

/* The unit-like parts of a header: each one in parentheses or brackets, the words after its
 * last comma, after its last word "i"/"in" (not a name: "i Dalarna"), and after a number that
 * follows its first word ("Folkmängd 2023 ..."). */
size_t rd_header_odd_unit(const char *h, size_t *start)
{
    size_t len = strlen(h), b = 0, depth = 0, cut = len;
    char outer[256];
    if (len >= sizeof outer)
        return 0;
    for (size_t i = 0; i < len; i++) { /* parts in parentheses; outer: the rest */
        outer[i] = depth > 0 || h[i] == '(' || h[i] == '[' ? ' ' : h[i];
        if (h[i] == '(' || h[i] == '[') {
            if (depth++ == 0)
                b = i + 1;
        } else if ((h[i] == ')' || h[i] == ']') && depth > 0 && --depth == 0 &&
                   part_odd(h + b, i - b)) {
            *start = b;
            return i - b;
        }
    }
    if (depth > 0 && part_odd(h + b, len - b))
        return *start = b, len - b;
    outer[len] = '\0';
    const char *comma = strrchr(outer, ',');
    size_t from[3] = {comma != NULL ? (size_t)(comma - outer) + 1 : len, len, len};
    for (size_t i = 1; i + 2 < len; i++) { /* " i X" / " in X": the last one */
        size_t k = outer[i + 1] == ' ' ? 1 : outer[i + 1] == 'n' && outer[i + 2] == ' ' ? 2 : 0;
        int name = i + k + 2 < len && outer[i + k + 1] >= 'A' && outer[i + k + 1] <= 'Z' &&
                   outer[i + k + 2] >= 'a' && outer[i + k + 2] <= 'z';
        if (outer[i - 1] == ' ' && (outer[i] == 'i' || outer[i] == 'I') && k > 0 && !name)
            from[1] = i + k + 1;
    }
    size_t w0 = strcspn(outer, " ,"); /* a number after the first word */
    for (size_t i = w0; i < len && from[2] == len; i++)
        if (outer[i] >= '0' && outer[i] <= '9' && outer[i - 1] == ' ')
            from[2] = i;
    for (int p = 0; p < 3; p++) {
        cut = strcspn(outer + from[p], ",") + from[p];
        if (from[p] < len && part_odd(outer + from[p], cut - from[p])) {
            *start = from[p];
            return cut - from[p];
        }
    }
    return 0;
}

int rd_header_is_code(const char *h)
{
    char key[256];
    if (yr_header_key(h, key, sizeof key) != YR_READ_OK || key[0] == '\0')
        return 0;
    static const char *const words[] = {
        "id",    "nr",         "nummer", "period",         AA "r",  "year", "m" AA "nad",
        "month", "postnummer", "postnr", "l" OE "pnummer", "orgnr", NULL};
    if (word_in(key, words))
        return 1;
    for (size_t k = 0; k < RD_NALIASES && aliases[YR_ROLE_CODE][k] != NULL; k++)
        if (strcmp(key, aliases[YR_ROLE_CODE][k]) == 0)
            return 1;
    return ends_with(key, "kod") || ends_with(key, "code") || ends_with(key, "nummer") ||
           ends_with(key, "nr") || ends_with(key, "id");
}

int yr_header_is_code(const char *h)
{
    return h != NULL && rd_header_is_code(h);
}

int yr_header_counts_days(const char *h)
{
    char key[128];
    if (h == NULL || yr_header_key(h, key, sizeof key) != YR_READ_OK || key[0] == '\0')
        return 0;
    static const char *const words[] = {"antaldagar",
                                        "dagar",
                                        "days",
                                        "numberofdays",
                                        "kursdagar",
                                        "coursedays",
                                        "antalkursdagar",
                                        "deltagardagar",
                                        "deltagardag",
                                        "participantdays",
                                        "antaldeltagardagar",
                                        NULL};
    return word_in(key, words);
}

int rd_role_summable(yr_read_role r)
{
    yr_kind k = yr_role_kind(r);
    return (k == YR_KIND_WHOLE || k == YR_KIND_DECIMAL) && r != YR_ROLE_RATE;
}

int rd_role_guess_sum(yr_read_role r)
{
    return r == YR_ROLE_POPULATION || r == YR_ROLE_WEIGHT || r == YR_ROLE_AMOUNT ||
           r == YR_ROLE_FEES || r == YR_ROLE_POT;
}

/* ------------------------------------------------------------------------ labels */

/* The label folded to words separated by one space, a leading SCB code and a trailing ':'
 * dropped. */
static size_t label_words(const char *s, size_t len, char *dst, size_t cap)
{
    size_t st, n = rd_trim(s, len, &st), o = 0;
    const char *p = s + st;
    size_t i = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    if (i > 0 && i < n && (p[i] == ' ' || (unsigned char)p[i] == 0xC2))
        p += i, n -= i;
    char f[256];
    size_t fl = rd_fold(p, n, f, sizeof f);
    int space = 1;
    for (size_t k = 0; k < fl && o + 2 < cap; k++) {
        unsigned char c = (unsigned char)f[k];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (word) {
            dst[o++] = (char)c;
            space = 0;
        } else if (!space) {
            dst[o++] = ' ';
            space = 1;
        }
    }
    while (o > 0 && dst[o - 1] == ' ')
        o--;
    dst[o] = '\0';
    return o;
}

static int starts_word(const char *s, const char *w)
{
    size_t k = strlen(w);
    return strncmp(s, w, k) == 0 && (s[k] == '\0' || s[k] == ' ');
}

/* Whether the text ends in the word w (ASCII letters, any case). */
static int ends_in_word(const char *s, size_t e, const char *w)
{
    size_t k = strlen(w);
    if (e < k + 1 || s[e - k - 1] != ' ')
        return 0;
    for (size_t j = 0; j < k; j++)
        if ((s[e - k + j] | 0x20) != w[j])
            return 0;
    return 1;
}

/* Whether the text ends in one of the words that make a label an aggregate ("Länet totalt",
 * "Västerdalarna summa"). */
static int ends_in_total_word(const char *s, size_t e)
{
    return ends_in_word(s, e, "totalt") || ends_in_word(s, e, "total") ||
           ends_in_word(s, e, "summa");
}

/* Whether s[0..len) starts with the ASCII letters @p w, any case. */
static int starts_ascii(const char *s, size_t len, const char *w)
{
    size_t k = strlen(w);
    if (len < k)
        return 0;
    for (size_t j = 0; j < k; j++)
        if (((unsigned char)s[j] | 0x20) != (unsigned char)w[j])
            return 0;
    return 1;
}

/* A quick no: the label's first letter (after a code) is none of s t d r h g a, nor the start of
 * a statistic word that begins with m, l or v (med-, mea-, max, min, läg-, varav), and it does not
 * end in the word totalt, total or summa (any case). */
/* The first letters of the total and nation labels (Summa, Totalt, Delsumma, Riket, Hela
 * riket, Grand total, Alla kommuner, S:a …), one bit a letter a..z. */
#define LETTER_BIT(ch) (UINT32_C(1) << ((ch) - 'a'))
#define LABEL_INITIALS                                                                             \
    (LETTER_BIT('s') | LETTER_BIT('t') | LETTER_BIT('d') | LETTER_BIT('r') | LETTER_BIT('h') |     \
     LETTER_BIT('g') | LETTER_BIT('a'))

static int label_initial(unsigned c)
{
    return c - 'a' < 26u && ((LABEL_INITIALS >> (c - 'a')) & 1u);
}

static int surely_no_label(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' '))
        i++;
    if (i == len)
        return 0;
    unsigned char c = (unsigned char)s[i] | 0x20;
    if (label_initial(c) || (unsigned char)s[i] >= 0x80)
        return 0;
    if (starts_ascii(s + i, len - i, "med") || starts_ascii(s + i, len - i, "mea") ||
        starts_ascii(s + i, len - i, "varav") || starts_ascii(s + i, len - i, "max") ||
        starts_ascii(s + i, len - i, "min") ||
        (c == 'l' && i + 2 < len && (unsigned char)s[i + 1] == 0xC3))
        return 0;
    size_t e = len;
    while (e > i && (s[e - 1] == ' ' || s[e - 1] == ':' || s[e - 1] == '\t'))
        e--;
    return !ends_in_total_word(s, e);
}

/* The first word of the folded label @p w is in @p list; *wl its length. */
static int first_word_in(const char *w, const char *const *list, size_t *wl)
{
    const char *sp = strchr(w, ' ');
    size_t k = sp != NULL ? (size_t)(sp - w) : strlen(w);
    char first[64];
    if (k == 0 || k >= sizeof first)
        return 0;
    memcpy(first, w, k);
    first[k] = '\0';
    *wl = k;
    return word_in(first, list);
}

/* A statistic of the table's rows (rule 4): a label whose first word names a mean, a median or
 * a spread ("Medelvärde", "Genomsnitt per kommun", "Median"); an extreme alone or before words
 * in lower case ("Max", "Min:", "Högsta värde"; not "Max Svensson"); a mean, share or count
 * written as one word alone ("Medel", "Andel", "Antal"; not "Medel från Region Dalarna"). */
static int is_statistic(const char *s, size_t len, const char *w)
{
    static const char *const sure[] = {"medelv" AE "rde",
                                       "medelv" AE "rdet",
                                       "medelvarde",
                                       "medeltal",
                                       "medeltalet",
                                       "genomsnitt",
                                       "genomsnittet",
                                       "genomsnittlig",
                                       "genomsnittligt",
                                       "snitt",
                                       "snittet",
                                       "snittv" AE "rde",
                                       "median",
                                       "medianen",
                                       "medianv" AE "rde",
                                       "typv" AE "rde",
                                       "standardavvikelse",
                                       "maxv" AE "rde",
                                       "minv" AE "rde",
                                       "average",
                                       "mean",
                                       "avg",
                                       "varav", /* "varav distans": a part of the row above */
                                       "d" AE "rav",
                                       NULL};
    static const char *const alone[] = {
        "max",         "maximum",    "min",         "minimum",     "h" OE "gst",
        "h" OE "gsta", "l" AE "gst", "l" AE "gsta", "st" OE "rst", "st" OE "rsta",
        "minst",       "minsta",     "std",         NULL};
    static const char *const only[] = {"medel", "andel", "antal", "procent", NULL};
    size_t wl = 0;
    if (first_word_in(w, sure, &wl))
        return 1;
    if (first_word_in(w, only, &wl)) /* "Medel från Region Dalarna" is money, not a mean */
        return w[wl] == '\0';
    if (!first_word_in(w, alone, &wl))
        return 0;
    if (w[wl] == '\0')
        return 1;
    size_t words = 1;
    for (const char *q = w; *q != '\0'; q++)
        words += *q == ' ';
    /* the next word of the original label: a capital starts a name ("Max Svensson") */
    size_t st, n = rd_trim(s, len, &st), i = 0;
    const unsigned char *p = (const unsigned char *)s + st;
    while (i < n && p[i] >= '0' && p[i] <= '9')
        i++;
    while (i < n && p[i] != ' ' && p[i] != '\t')
        i++;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    int capital = i < n && ((p[i] >= 'A' && p[i] <= 'Z') ||
                            (p[i] == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E));
    return words <= 4 && !capital;
}

/* The pot table's own label `undistributed` / `ej fördelat` (yr_out_text(), either language),
 * alone or before `:` and a day. */
static int undistributed(const char *s, size_t len)
{
    size_t st, n = rd_trim(s, len, &st);
    for (int lang = 0; lang < YR_LANG_COUNT; lang++) {
        const char *u = yr_out_text(YR_OUT_UNDISTRIBUTED, (yr_lang)lang);
        if (n == 0 || ((unsigned char)s[st] | 0x20) != (unsigned char)u[0])
            continue; /* the first letter differs (the words begin with an ASCII letter) */
        size_t k = strlen(u);
        if (n >= k && rd_prefix_fold(s + st, k, u) == k && (n == k || s[st + k] == ':'))
            return 1;
    }
    return 0;
}

int rd_label_kind(const char *s, size_t len)
{
    char w[256];
    if (undistributed(s, len))
        return YR_ROW_UNDISTRIBUTED;
    if (surely_no_label(s, len))
        return 0;
    size_t n0 = label_words(s, len, w, sizeof w);
    if (n0 > 0 && is_statistic(s, len, w))
        return RD_LABEL_STATISTIC;
    /* every label below starts with one of these letters or ends in a total word; a county is
     * known by its name (the identity list: 'Dalarnas län', '20 Dalarnas län'), never by a label
     * that ends in län ('Region Jönköpings län' is a region, 'Länsstyrelsen i Dalarnas län' an
     * authority: parties with --other-parties, else names that are not one of the 290) */
    /* "Länet totalt", "Västerdalarna summa": the sum of the rows above it, a subtotal (the
     * whole table when no aggregate comes before it), never a party */
    const int total_last = ends_in_total_word(w, n0);
    /* "Länet" alone is the county of the table's rows, summed: its total */
    if (strcmp(w, "l" AE "net") == 0)
        return YR_ROW_TOTAL;
    if (n0 == 0 || (!label_initial((unsigned char)w[0]) && !total_last))
        return 0;
    static const char *const totals[] = {"summa",
                                         "totalt",
                                         "total",
                                         "sum",
                                         "totalsumma",
                                         "s a", /* S:a, the abbreviation of summa */
                                         "tot", /* Tot., Tot: */
                                         "summa kommuner",
                                         "summa totalt",
                                         "totalt l" AE "net",
                                         "summa l" AE "net",
                                         "hela l" AE "net",
                                         "samtliga",
                                         "samtliga kommuner",
                                         "alla kommuner",
                                         "grand total",
                                         "total sum",
                                         "summa alla",
                                         "totalt alla",
                                         "summa kommunerna",
                                         "totalt kommunerna",
                                         NULL};
    static const char *const nations[] = {"riket",        "hela riket",  "sverige",
                                          "hela sverige", "sweden",      "riket totalt",
                                          "totalt riket", "summa riket", NULL};
    if (word_in(w, totals))
        return YR_ROW_TOTAL;
    if (word_in(w, nations))
        return YR_ROW_NATION;
    if (starts_word(w, "delsumma") || starts_word(w, "subtotal") || starts_word(w, "summa") ||
        starts_word(w, "totalt") || starts_word(w, "total") || starts_word(w, "sum") ||
        starts_word(w, "delsumman") || starts_word(w, "delsum") || starts_word(w, "s a"))
        return YR_ROW_SUBTOTAL;
    return total_last ? YR_ROW_SUBTOTAL : 0;
}

/* 1 when s[0..n) is surely not a case-folded prefix of the lower-case word @p w: an ASCII
 * character of s (folded) differs from the word's before any other character of s (whose
 * folding rd_prefix_fold() decides); an ASCII character never folds to a non-ASCII one. */
static int ascii_differs(const char *s, size_t n, const char *w)
{
    const unsigned char *u = (const unsigned char *)s, *v = (const unsigned char *)w;
    for (size_t i = 0; v[i] != 0; i++) {
        if (i >= n)
            return 1;
        if (u[i] >= 0x80)
            return 0;
        if (v[i] >= 0x80 || ((unsigned)(u[i] - 'A') < 26u ? u[i] + 32u : u[i]) != v[i])
            return 1;
    }
    return 0;
}

/* The length of s[0..n)'s leading run of ASCII letters when an ASCII character or the end
 * follows it; 0 when a byte of another character follows (it may be a letter: rd_prefix_fold()
 * decides). ASCII letters fold to ASCII letters only, one to one. */
static size_t ascii_word(const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && (unsigned)(((unsigned char)s[w] | 0x20) - 'a') < 26u)
        w++;
    return w < n && (unsigned char)s[w] >= 0x80 ? 0 : w;
}

typedef struct note_word {
    const char *s;
    size_t n; /* bytes */
} note_word;
#define NOTE_WORD(s)                                                                               \
    {                                                                                              \
        s, sizeof s - 1                                                                            \
    }

/* 1 when the ASCII letters s[0..w) are, case-folded, the whole of @p word. */
static int ascii_word_is(const char *s, size_t w, const char *word)
{
    size_t i = 0;
    while (i < w && word[i] != '\0' && ((unsigned char)s[i] | 0x20) == (unsigned char)word[i])
        i++;
    return i == w && word[i] == '\0';
}

/* An SCB legend line ("- = noll", ".. = uppgift inte tillgänglig", "0 = mindre än 0,5",
 * "× = ..."): one to four characters that are neither letters nor blanks, then ' = ' (blanks
 * around it: "'=x" is a label) and a text. */
static int is_legend(const unsigned char *p, size_t n)
{
    size_t i = 0, sym = 0;
    while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '=') {
        unsigned char c = p[i];
        if (sym == 4 || (unsigned)((c | 0x20) - 'a') < 26u)
            return 0; /* a letter, or more than a symbol */
        if (c == 0xC3 && i + 1 < n && p[i + 1] != 0x97 && p[i + 1] != 0xB7)
            return 0; /* a letter of Latin-1 (× and ÷ are symbols) */
        i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        sym++;
    }
    size_t b = i;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    return sym > 0 && i > b && i + 2 < n && p[i] == '=' && (p[i + 1] == ' ' || p[i + 1] == '\t');
}

int rd_is_note(const char *s, size_t len)
{
    size_t st, n = rd_trim(s, len, &st);
    const char *p = s + st;
    if (n == 0)
        return 0;
    if (p[0] == '*' || p[0] == '#' || is_legend((const unsigned char *)p, n))
        return 1;
    size_t d = 0;
    while (d < n && d < 2 && p[d] >= '0' && p[d] <= '9')
        d++;
    if (d > 0 && d < n && p[d] == ')')
        return 1;
    static const note_word k_[] = {NOTE_WORD("k" AE "lla"),
                                   NOTE_WORD("k" AE "llor"),
                                   NOTE_WORD("kommentar"),
                                   NOTE_WORD("kommentarer"),
                                   {NULL, 0}};
    static const note_word f_[] = {NOTE_WORD("fotnot"),
                                   NOTE_WORD("fotnoter"),
                                   NOTE_WORD("footnote"),
                                   NOTE_WORD("footnotes"),
                                   {NULL, 0}};
    static const note_word a_[] = {
        NOTE_WORD("anm"), NOTE_WORD("anm" AE "rkning"), NOTE_WORD("anm" AE "rkningar"), {NULL, 0}};
    static const note_word n_[] = {
        NOTE_WORD("not"), NOTE_WORD("noter"), NOTE_WORD("note"), NOTE_WORD("notes"), {NULL, 0}};
    static const note_word o_[] = {NOTE_WORD("obs"), NOTE_WORD("observera"), {NULL, 0}};
    static const note_word s_[] = {
        NOTE_WORD("source"), NOTE_WORD("sources"), NOTE_WORD("senast"), {NULL, 0}};
    static const note_word u_[] = {NOTE_WORD("uppgifterna"), NOTE_WORD("uppdaterad"), {NULL, 0}};
    const note_word *words;               /* the note words, by their first letter */
    switch ((unsigned char)p[0] | 0x20) { /* ASCII lower case (others fold to >= 0x80) */
    case 'k':
        words = k_;
        break;
    case 'f':
        words = f_;
        break;
    case 'a':
        words = a_;
        break;
    case 'n':
        words = n_;
        break;
    case 'o':
        words = o_;
        break;
    case 's':
        words = s_;
        break;
    case 'u':
        words = u_;
        break;
    default:
        return 0;
    }
    size_t w = ascii_word(p, n);
    for (size_t k = 0; words[k].s != NULL; k++) {
        if (w > 0) { /* an ASCII word: the note word itself, whole, or no note word */
            if (words[k].n == w && ascii_word_is(p, w, words[k].s))
                return 1;
            continue;
        }
        if (ascii_differs(p, n, words[k].s))
            continue;
        size_t m = rd_prefix_fold(p, n, words[k].s); /* bytes matched */
        if (m == 0)
            continue;
        unsigned char c = m < n ? (unsigned char)p[m] | 0x20 : ' '; /* the character after */
        int letter = (c >= 'a' && c <= 'z') || c >= 0x80;
        if (!letter)
            return 1;
    }
    return 0;
}
