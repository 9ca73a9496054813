/* The sentence of an error (yr_where_message, common.h): one template per reason, filled from
 * the yr_where. The one place where the library's error sentences are written.
 *
 * Placeholders (C names are shown as the caller's `names` say; "indices" follow `first`):
 *   %a  the parameter (arg)          %n  name[0], else the parameter   %m  name[1]
 *   %N  name[0] as the library calls it (a kind of name, "method": never renamed)
 *   %o  name[0] (renamed) and a blank when there is a name[0], else nothing
 *   %e  %n with the element's index: "weights[6]", "weights[2, 1]" (none when indices are off)
 *   %E  %m with the same index       %F  %m with the index value[2]
 *   %0..%3  value[k]    %S  value[0] as a sum: YR_WHY_SUM_PAST shows as "more than
 *           9223372036854775807" (only here: INT64_MIN is a value like any other elsewhere)
 *   %i0..%i3  value[k] as an index   %r, %c  the record, the column, as indices
 *   %f  value[0]/value[1] as a fraction ("3/2"; "0.3" when the denominator is a power of ten)
 *   %g  value[2]/value[3] as a fraction
 *   %x  the text when there is one (a double with no fraction: "nan"), else %f
 *   %h  " (a share, not a percentage: 0.95 for 95 %)" when %x is a whole number 2 .. 100
 *   %t  the text quoted: 'dhont'     %T  the text as it is
 *   %k  the names known for %n (method, tie, role)
 *   %p  " for party 2"   %P  "party 2: "   %R  "attendance record 3: "   %Q  "row 4: "
 *   %C  "column 3 of "   %y  " (day 4)" (value[0])   %Y  " of year 2" (the column)
 *   (these eight: nothing when the numbers are left out)
 *   %z  ", but the %m go from 0 to 4" (the indices below value[1]), or ", but there are no %m"
 *   %D  value[0]-value[1]-value[2] as a date      %L  9223372036854775807    %%  '%' */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "yrkesresa/common.h"
#include "yrkesresa/pot.h"
#include "yrkesresa/split.h"
#include "internal/where.h"

/* clang-format off */
static const struct {
    const char *name;
    const char *text;
} reasons[YR_REASON_COUNT] = {
    [YR_REASON_NONE] = {"YR_REASON_NONE", ""},
    [YR_REASON_EMPTY] = {"YR_REASON_EMPTY", "%a is empty: there is nothing to work on"},
    [YR_REASON_NEGATIVE] = {"YR_REASON_NEGATIVE", "%e is negative (%0)"},
    [YR_REASON_NEGATIVE_TOTAL] = {"YR_REASON_NEGATIVE_TOTAL",
        "%n %0 is negative: %T splits whole units of a total of 0 or more"},
    [YR_REASON_SUM_PAST] = {"YR_REASON_SUM_PAST", "the %n add up past %L"},
    [YR_REASON_LARGER] = {"YR_REASON_LARGER", "%e %0 is larger than %E %1"},
    [YR_REASON_ALL_ZERO] = {"YR_REASON_ALL_ZERO",
        "all %n are 0, so nothing can take the total %0"},
    [YR_REASON_DENOMINATOR] = {"YR_REASON_DENOMINATOR",
        "%e %f: the denominator is not positive"},
    [YR_REASON_FRACTION_NEGATIVE] = {"YR_REASON_FRACTION_NEGATIVE", "%e %f is negative"},
    [YR_REASON_ABOVE_WHOLE] = {"YR_REASON_ABOVE_WHOLE", "%e %f is more than the whole%h"},
    [YR_REASON_FRACTION_ABOVE] = {"YR_REASON_FRACTION_ABOVE", "%n %f is above %2"},
    [YR_REASON_ENUM] = {"YR_REASON_ENUM", "%n %0 is not one of 0 to %1"},
    [YR_REASON_UNKNOWN_NAME] = {"YR_REASON_UNKNOWN_NAME", "unknown %N %t (known: %k)"},
    [YR_REASON_FIRST_DIVISOR_METHOD] = {"YR_REASON_FIRST_DIVISOR_METHOD",
        "%n is only for sainte_lague and sainte_lague_modified, not %T"},
    [YR_REASON_BOUNDS_METHOD] = {"YR_REASON_BOUNDS_METHOD",
        "%n is only for the divisor methods, not %T"},
    [YR_REASON_THRESHOLD_MINIMUM] = {"YR_REASON_THRESHOLD_MINIMUM",
        "%e is %0, but the threshold %g leaves that party out (weight %1)"},
    [YR_REASON_MINIMUM_ABOVE_MAXIMUM] = {"YR_REASON_MINIMUM_ABOVE_MAXIMUM",
        "%n %0 is above %m %1%p"},
    [YR_REASON_MINIMUMS_ABOVE_TOTAL] = {"YR_REASON_MINIMUMS_ABOVE_TOTAL",
        "the minimums add up to %S, more than the total %1"},
    [YR_REASON_MAXIMUMS_BELOW_TOTAL] = {"YR_REASON_MAXIMUMS_BELOW_TOTAL",
        "the maximums add up to %S, less than the total %1 (a party with weight 0 counts with "
        "its minimum)"},
    [YR_REASON_THRESHOLD_ALL] = {"YR_REASON_THRESHOLD_ALL",
        "the threshold %f leaves every party out, so nothing can take the total %2"},
    [YR_REASON_TIE] = {"YR_REASON_TIE",
        "an exact tie decides the last unit (party %r is the first tied); tie 'report' asked "
        "to be told"},
    [YR_REASON_MIXED_ALL_ZERO] = {"YR_REASON_MIXED_ALL_ZERO",
        "all weights are 0, so nothing can take the %g of the total %0 that is split by weight"},
    [YR_REASON_EXACT_TOO_WIDE] = {"YR_REASON_EXACT_TOO_WIDE",
        "%n %0: an exact intermediate does not fit 128 bits"},
    [YR_REASON_TABLE_TOO_LARGE] = {"YR_REASON_TABLE_TOO_LARGE",
        "a table of %0 x %1 cells is too large"},
    [YR_REASON_INDEX_PAST] = {"YR_REASON_INDEX_PAST", "%e is %i0%z"},
    [YR_REASON_RECORD_INDEX_PAST] = {"YR_REASON_RECORD_INDEX_PAST", "%R%n is %i0%z"},
    [YR_REASON_RECORD_NEGATIVE] = {"YR_REASON_RECORD_NEGATIVE", "%R%n is negative (%0)"},
    [YR_REASON_RECORD_ENUM] = {"YR_REASON_RECORD_ENUM", "%R%n %0 is not one of 0 to %1"},
    [YR_REASON_ZERO_COUNT] = {"YR_REASON_ZERO_COUNT", "%a is 0: there is nothing to work on"},
    [YR_REASON_PRODUCT_PAST] = {"YR_REASON_PRODUCT_PAST", "%n %0 times %1 %m is past %L"},
    [YR_REASON_DAY_ZERO_SHARES] = {"YR_REASON_DAY_ZERO_SHARES",
        "%Rthe day of this trainer%y has a pot of %1, but the shares of its trainers add up to "
        "0"},
    [YR_REASON_DENOMINATOR_PAST] = {"YR_REASON_DENOMINATOR_PAST",
        "the common denominator of the days' shares does not fit 128 bits (too many different "
        "team sizes)"},
    [YR_REASON_SHARES_PAST] = {"YR_REASON_SHARES_PAST",
        "the shares over their common denominator %S do not fit 64 bits"},
    [YR_REASON_NEGATIVE_SHARE] = {"YR_REASON_NEGATIVE_SHARE", "the %T share is negative (%0)"},
    [YR_REASON_CONFIDENCE] = {"YR_REASON_CONFIDENCE", "%n %x is not between 0 and 1%h"},
    [YR_REASON_SHARE_RANGE] = {"YR_REASON_SHARE_RANGE", "%n %x is outside 0 to 1%h"},
    [YR_REASON_NOT_POSITIVE] = {"YR_REASON_NOT_POSITIVE", "%n %x is not above 0"},
    [YR_REASON_ZERO_SUM] = {"YR_REASON_ZERO_SUM", "%n adds up to 0: nobody to count"},
    [YR_REASON_TOO_FEW] = {"YR_REASON_TOO_FEW", "%n needs at least %1 values, not %0"},
    [YR_REASON_COLUMN_SUM_PAST] = {"YR_REASON_COLUMN_SUM_PAST", "%C%a adds up past %L"},
    [YR_REASON_NOT_A_NUMBER] = {"YR_REASON_NOT_A_NUMBER",
        "%t is not a number: write a decimal (0,3 or 0.3), a percentage (30 %%) or a ratio "
        "(3/10)"},
    [YR_REASON_TOO_MANY_DIGITS] = {"YR_REASON_TOO_MANY_DIGITS",
        "%t has more digits than 64 bits hold"},
    [YR_REASON_NOT_FINITE] = {"YR_REASON_NOT_FINITE", "%o%T is not a finite number"},
    [YR_REASON_PERCENT_RANGE] = {"YR_REASON_PERCENT_RANGE", "%n %f is outside 0 to 100"},
    [YR_REASON_BELOW_ONE] = {"YR_REASON_BELOW_ONE", "%n is %0; it must be at least 1"},
    [YR_REASON_YEAR_ZERO_WEIGHT] = {"YR_REASON_YEAR_ZERO_WEIGHT",
        "every weight%Y is 0, so nothing can take the items of that year"},
    [YR_REASON_NET_PAST] = {"YR_REASON_NET_PAST",
        "%Ptotal %0 + fees %1 - kickback %2 does not fit 64 bits"},
    [YR_REASON_COLUMN_PAST] = {"YR_REASON_COLUMN_PAST",
        "%n: column %i0 is past the %1 columns of the table"},
    [YR_REASON_PART_IS_WHOLE] = {"YR_REASON_PART_IS_WHOLE", "%n: column %i0 is the whole"},
    [YR_REASON_PART_TWICE] = {"YR_REASON_PART_TWICE", "%n lists column %i0 twice"},
    [YR_REASON_ROW_PAST] = {"YR_REASON_ROW_PAST",
        "%Qthe parts or their difference from the whole do not fit 64 bits"},
    [YR_REASON_ROW_RATE_PAST] = {"YR_REASON_ROW_RATE_PAST",
        "%Qbase %0 times the rate %g or its difference from the whole does not fit 64 bits"},
    [YR_REASON_DATE] = {"YR_REASON_DATE", "%D is not a date of the years 1 to 9999"},
    [YR_REASON_DAYS_RANGE] = {"YR_REASON_DAYS_RANGE",
        "day number %0 is outside 0001-01-01 to 9999-12-31"},
    [YR_REASON_DATE_PAST] = {"YR_REASON_DATE_PAST", "%D plus %3 days is past 9999-12-31"},
    [YR_REASON_DIFF_PAST] = {"YR_REASON_DIFF_PAST",
        "%e %0 minus the expected %1 does not fit 64 bits"},
    [YR_REASON_QUOTA_PAST] = {"YR_REASON_QUOTA_PAST",
        "the quota %0 x %1 / %2 does not fit 64 bits"},
    [YR_REASON_SPLIT_SUM_PAST] = {"YR_REASON_SPLIT_SUM_PAST",
        "split %i0 or its differences from split %i1 add up past %L"},
    [YR_REASON_INCREASES] = {"YR_REASON_INCREASES",
        "%e %0 is larger than %F %1, the one before it"},
    [YR_REASON_COUNT_MISMATCH] = {"YR_REASON_COUNT_MISMATCH", "%a is %0, but the pot has %1 %m"},
    [YR_REASON_NOT_SETTLED] = {"YR_REASON_NOT_SETTLED",
        "the pot is not settled: yr_pot_finish comes first, and again after a record is added"},
    [YR_REASON_PAIR_DENOMINATOR_PAST] = {"YR_REASON_PAIR_DENOMINATOR_PAST",
        "%Rthe exact kickback of this trainer's day and municipality has a denominator past %L"},
    [YR_REASON_RATE_AND_EQUAL] = {"YR_REASON_RATE_AND_EQUAL",
        "%e has both a rate (%g) and an equal part (%f)"},
    [YR_REASON_LCM_PAST] = {"YR_REASON_LCM_PAST",
        "the common denominator of the %n does not fit 128 bits"},
    [YR_REASON_RATE_PAST] = {"YR_REASON_RATE_PAST",
        "%e %0 times the rate %g does not fit 64 bits"},
    [YR_REASON_CELL_PAST] = {"YR_REASON_CELL_PAST",
        "%e %0 (expected %1): its quota or its difference does not fit 64 bits"},
    [YR_REASON_COLUMN_DIFF_PAST] = {"YR_REASON_COLUMN_DIFF_PAST",
        "%C%a adds up to %0, which minus the stated total %1 does not fit 64 bits"},
    [YR_REASON_ROW_ARITH_PAST] = {"YR_REASON_ROW_ARITH_PAST",
        "%Qthe sums and differences of %a do not fit 64 bits"},
    [YR_REASON_BANK_DAY_YEAR] = {"YR_REASON_BANK_DAY_YEAR",
        "%D is before 1953: the bank days of earlier years are not known"},
    [YR_REASON_BANK_DAY_PAST] = {"YR_REASON_BANK_DAY_PAST",
        "%D is not a bank day, and the next one is past 9999-12-31"},
    [YR_REASON_NEGATIVE_ITEM] = {"YR_REASON_NEGATIVE_ITEM",
        "an item's amount is negative (%0): the items of a split are amounts of 0 or more; net a grant "
        "or refund against another item, or split the net amount as one total (--total)"},
};
/* clang-format on */

YR_API const char *yr_reason_name(yr_reason reason)
{
    return (unsigned)reason < YR_REASON_COUNT ? reasons[reason].name : "YR_REASON_UNKNOWN";
}

/* ---- the output ------------------------------------------------------------------------- */

typedef struct out {
    char *buf;
    size_t size, len; /* len: the whole sentence, also beyond size */
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->len < o->size) {
        size_t room = o->size - 1 - o->len, k = n < room ? n : room;
        memcpy(o->buf + o->len, s, k);
    }
    o->len += n;
}

static void puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void putf(out *o, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void putf(out *o, const char *format, ...)
{
    char tmp[96];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(tmp, sizeof tmp, format, ap);
    va_end(ap);
    if (n > 0)
        put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- pieces ------------------------------------------------------------------------------ */

typedef struct ctx {
    const yr_where *w;
    size_t first; /* YR_WHERE_NONE: element numbers left out */
    const char *const *names;
} ctx;

/* A C name as the caller shows it. */
static const char *shown(const ctx *c, const char *name)
{
    for (size_t k = 0; c->names != NULL && name != NULL && c->names[k] != NULL; k += 2) {
        if (c->names[k + 1] == NULL)
            break;
        if (strcmp(c->names[k], name) == 0)
            return c->names[k + 1];
    }
    return name != NULL ? name : "";
}

static void put_index(out *o, const ctx *c, uint64_t i)
{
    putf(o, "%" PRIu64, i + (c->first == YR_WHERE_NONE ? 1 : (uint64_t)c->first));
}

/* "[r]", "[c]" or "[r, c]" after a name, unless indices are off or there is none. */
static void put_suffix(out *o, const ctx *c)
{
    const yr_where *w = c->w;
    if (c->first == YR_WHERE_NONE || (w->record == YR_WHERE_NONE && w->column == YR_WHERE_NONE))
        return;
    puts_(o, "[");
    if (w->record != YR_WHERE_NONE)
        put_index(o, c, w->record);
    if (w->record != YR_WHERE_NONE && w->column != YR_WHERE_NONE)
        puts_(o, ", ");
    if (w->column != YR_WHERE_NONE)
        put_index(o, c, w->column);
    puts_(o, "]");
}

static void put_value(out *o, int64_t v)
{
    putf(o, "%" PRId64, v);
}

/* A sum that may not fit int64 (%S). */
static void put_sum(out *o, int64_t v)
{
    if (v == YR_WHY_SUM_PAST)
        puts_(o, "more than 9223372036854775807");
    else
        put_value(o, v);
}

/* num/den: "3/2", "3" for den 1, "0.3" for den 10 (a power of ten prints as a decimal). */
static void put_fraction(out *o, int64_t num, int64_t den)
{
    int k = 0;
    int64_t d = den;
    while (d > 1 && d % 10 == 0) {
        d /= 10;
        k++;
    }
    if (den == 1 || d != 1 || k == 0) {
        put_value(o, num);
        if (den != 1)
            putf(o, "/%" PRId64, den);
        return;
    }
    uint64_t mag = num < 0 ? (uint64_t)0 - (uint64_t)num : (uint64_t)num;
    uint64_t scale = (uint64_t)den, rest = mag % scale;
    char frac[20]; /* k <= 18 digits: den is a power of ten below 2^63 */
    for (int j = k; j-- > 0; rest /= 10)
        frac[j] = (char)('0' + rest % 10);
    frac[k] = '\0';
    putf(o, "%s%" PRIu64 ".%s", num < 0 ? "-" : "", mag / scale, frac);
}

/* The share hint: a whole number x = value[0]/value[1] from 2 to 100 where a share belongs
 * reads as a percentage (80 for 0.8). */
static void put_share_hint(out *o, const yr_where *w)
{
    int64_t num = w->value[0], den = w->value[1];
    if (w->text[0] != '\0' || den <= 0 || den > INT64_MAX / 100 || num % den != 0 ||
        num / den < 2 || num / den > 100)
        return;
    int64_t hn = num, hd = den * 100;
    while (hn % 10 == 0 && hd % 10 == 0 && hd > 1) {
        hn /= 10;
        hd /= 10;
    }
    puts_(o, " (a share, not a percentage: ");
    put_fraction(o, hn, hd);
    puts_(o, " for ");
    put_fraction(o, num, den);
    puts_(o, " %)");
}

/* The names a lookup knows, for %k. */
static void put_known(out *o, const char *what)
{
    if (strcmp(what, "method") == 0) {
        for (int m = 0; m < YR_METHOD_COUNT; m++)
            putf(o, "%s%s", m ? ", " : "", yr_method_name((yr_method)m));
    } else if (strcmp(what, "tie") == 0) {
        for (int t = 0; t < YR_TIE_COUNT; t++)
            putf(o, "%s%s", t ? ", " : "", yr_tie_name((yr_tie)t));
    } else if (strcmp(what, "role") == 0) {
        puts_(o, "trainer, leader, utbildare, kursledare");
    }
}

static void put_date(out *o, const yr_where *w)
{
    putf(o, "%04" PRId64 "-%02" PRId64 "-%02" PRId64, w->value[0], w->value[1], w->value[2]);
}

/* The phrases that hold a location: %p, %P, %R, %Q, %C, %y, %Y (left out with the numbers),
 * %z. */
static void put_phrase(out *o, const ctx *c, char p)
{
    const yr_where *w = c->w;
    if (p == 'z') {
        if (w->value[1] <= 0) {
            putf(o, ", but there are no %s", shown(c, w->name[1]));
            return;
        }
        putf(o, ", but the %s go from ", shown(c, w->name[1]));
        put_index(o, c, 0);
        puts_(o, " to ");
        put_index(o, c, (uint64_t)w->value[1] - 1);
        return;
    }
    size_t at = p == 'C' || p == 'Y' ? w->column : p == 'y' ? (size_t)w->value[0] : w->record;
    if (c->first == YR_WHERE_NONE || at == YR_WHERE_NONE)
        return;
    if (p == 'y' || p == 'Y') {
        puts_(o, p == 'y' ? " (day " : " of year ");
        put_index(o, c, at);
        puts_(o, p == 'y' ? ")" : "");
        return;
    }
    if (p == 'p')
        puts_(o, " for party ");
    else if (p == 'P')
        puts_(o, "party ");
    else if (p == 'Q')
        puts_(o, "row ");
    else if (p == 'C')
        puts_(o, "column ");
    else
        putf(o, "%s record ", shown(c, w->arg));
    put_index(o, c, at);
    puts_(o, p == 'p' ? "" : p == 'C' ? " of " : ": ");
}

/* The names: %a, %n, %m, %e, %E, %F. */
static void put_name(out *o, const ctx *c, char p)
{
    const yr_where *w = c->w;
    const char *n0 = shown(c, w->name[0] != NULL ? w->name[0] : w->arg);
    if (p == 'a')
        puts_(o, shown(c, w->arg));
    else if (p == 'n' || p == 'e')
        puts_(o, n0);
    else
        puts_(o, shown(c, w->name[1]));
    if (p == 'e' || p == 'E')
        put_suffix(o, c);
    if (p == 'F' && c->first != YR_WHERE_NONE) {
        puts_(o, "[");
        put_index(o, c, (uint64_t)w->value[2]);
        puts_(o, "]");
    }
}

/* One placeholder (the character after '%', and the next for %iK); returns characters used. */
static size_t put_placeholder(out *o, const ctx *c, const char *p)
{
    const yr_where *w = c->w;
    if (strchr("anmeEF", p[0]) != NULL) {
        put_name(o, c, p[0]);
    } else if (strchr("pPRQCyYz", p[0]) != NULL) {
        put_phrase(o, c, p[0]);
    } else if (p[0] == 'S') {
        put_sum(o, w->value[0]);
    } else if (p[0] >= '0' && p[0] <= '3') {
        put_value(o, w->value[p[0] - '0']);
    } else if (p[0] == 'i') {
        put_index(o, c, (uint64_t)w->value[p[1] - '0']);
        return 2;
    } else if (p[0] == 'r' || p[0] == 'c') {
        put_index(o, c, p[0] == 'r' ? w->record : w->column);
    } else if (p[0] == 'f' || p[0] == 'g') {
        put_fraction(o, w->value[p[0] == 'f' ? 0 : 2], w->value[p[0] == 'f' ? 1 : 3]);
    } else if (p[0] == 'x' && w->text[0] == '\0') {
        put_fraction(o, w->value[0], w->value[1]);
    } else if (p[0] == 'x' || p[0] == 'T') {
        puts_(o, w->text);
    } else if (p[0] == 't') {
        putf(o, "'%s'", w->text);
    } else if (p[0] == 'h') {
        put_share_hint(o, w);
    } else if (p[0] == 'o') {
        if (w->name[0] != NULL)
            putf(o, "%s ", shown(c, w->name[0]));
    } else if (p[0] == 'N') {
        puts_(o, w->name[0] != NULL ? w->name[0] : "");
    } else if (p[0] == 'k') {
        put_known(o, w->name[0] != NULL ? w->name[0] : (w->arg ? w->arg : ""));
    } else if (p[0] == 'D') {
        put_date(o, w);
    } else if (p[0] == 'L') {
        puts_(o, "9223372036854775807");
    } else {
        put(o, p, 1); /* '%' */
    }
    return 1;
}

/* Where to end a sentence of len bytes of which buf holds the first n: n, or when it was cut
 * inside a UTF-8 sequence, the start of that sequence. */
static size_t utf8_end(const char *buf, size_t n, size_t len)
{
    if (n == len || n == 0)
        return n;
    size_t lead = n;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return n;
    unsigned char b = (unsigned char)buf[lead - 1];
    size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return n - (lead - 1) < need ? lead - 1 : n;
}

/* No reason: the status's message, with the parameter. */
static void put_status(out *o, const ctx *c)
{
    const yr_where *w = c->w;
    if (w->status == YR_ERR_NULL && w->arg != NULL) {
        puts_(o, shown(c, w->arg));
        puts_(o, " is NULL");
        return;
    }
    puts_(o, yr_strerror(w->status));
    if (w->arg != NULL && w->status != YR_OK) {
        puts_(o, " (");
        puts_(o, shown(c, w->arg));
        put_suffix(o, c);
        puts_(o, ")");
    }
}

YR_API size_t yr_where_message(const yr_where *where, size_t first, const char *const *names,
                               char *buf, size_t size)
{
    out o = {buf, buf != NULL ? size : 0, 0};
    if (where == NULL) {
        puts_(&o, "no error location (where is NULL)");
    } else {
        ctx c = {where, first, names};
        const char *t =
            (unsigned)where->reason < YR_REASON_COUNT ? reasons[where->reason].text : "";
        if (t[0] == '\0')
            put_status(&o, &c);
        for (; t[0] != '\0'; t++) {
            if (t[0] != '%' || t[1] == '\0')
                put(&o, t, 1);
            else
                t += put_placeholder(&o, &c, t + 1);
        }
    }
    if (o.size > 0)
        o.buf[utf8_end(o.buf, o.len < o.size ? o.len : o.size - 1, o.len)] = '\0';
    return o.len;
}
