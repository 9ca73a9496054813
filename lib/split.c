/* Exact cost split and seat allocation (SPEC §1). */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/split.h"
#include "internal/apportion.h"
#include "internal/divisor.h"
#include "internal/where.h"

static const char *const method_names[YR_METHOD_COUNT] = {
    "largest_remainder",     "round_each",      "dhondt", "sainte_lague",
    "sainte_lague_modified", "huntington_hill", "adams",  "dean",
};

YR_API const char *yr_method_name(yr_method method)
{
    if ((unsigned)method >= YR_METHOD_COUNT)
        return NULL;
    return method_names[method];
}

static int name_char(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    if (c == '-' || c == ' ')
        return '_';
    return (unsigned char)c;
}

static int name_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        if (name_char(*a) != name_char(*b))
            return 0;
    }
    return *a == *b;
}

YR_API yr_status yr_method_from_name_where(const char *name, yr_method *method, yr_where *where)
{
    static const struct {
        const char *alias;
        yr_method method;
    } aliases[] = {
        {"hamilton", YR_LARGEST_REMAINDER}, {"hare", YR_LARGEST_REMAINDER},
        {"jefferson", YR_DHONDT},           {"d'hondt", YR_DHONDT},
        {"webster", YR_SAINTE_LAGUE},
    };
    yr_where_clear(where);
    if (name == NULL || method == NULL)
        return yr_where_arg(where, YR_ERR_NULL, name == NULL ? "name" : "method");
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (name_equal(name, method_names[m])) {
            *method = (yr_method)m;
            return YR_OK;
        }
    }
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (name_equal(name, aliases[i].alias)) {
            *method = aliases[i].method;
            return YR_OK;
        }
    }
    return yr_where_arg_why(where, YR_ERR_RANGE, "name",
                            YR_WHY_TEXT(YR_REASON_UNKNOWN_NAME, "method", name, 0, 0));
}

YR_API yr_status yr_method_from_name(const char *name, yr_method *method)
{
    return yr_method_from_name_where(name, method, NULL);
}

/* ---- ties and error locations -------------------------------------------------------------- */

static const char *const tie_names[YR_TIE_COUNT] = {"larger", "smaller", "report"};

YR_API const char *yr_tie_name(yr_tie tie)
{
    if ((unsigned)tie >= YR_TIE_COUNT)
        return NULL;
    return tie_names[tie];
}

YR_API yr_status yr_tie_from_name_where(const char *name, yr_tie *tie, yr_where *where)
{
    yr_where_clear(where);
    if (name == NULL || tie == NULL)
        return yr_where_arg(where, YR_ERR_NULL, name == NULL ? "name" : "tie");
    for (int t = 0; t < YR_TIE_COUNT; t++) {
        if (name_equal(name, tie_names[t])) {
            *tie = (yr_tie)t;
            return YR_OK;
        }
    }
    return yr_where_arg_why(where, YR_ERR_RANGE, "name",
                            YR_WHY_TEXT(YR_REASON_UNKNOWN_NAME, "tie", name, 0, 0));
}

YR_API yr_status yr_tie_from_name(const char *name, yr_tie *tie)
{
    return yr_tie_from_name_where(name, tie, NULL);
}

/* yr_where_why for the one-dimensional inputs here (no column). */
static yr_status fail(yr_where *where, yr_status st, size_t record, const char *arg, yr_why why)
{
    return yr_where_why(where, st, record, YR_WHERE_NONE, arg, why);
}

/* The first of the three reasons a fraction num/den that should lie in [0, max] (a fraction
 * max/1) can be refused for; YR_OK when it lies there. */
static yr_status check_fraction(int64_t num, int64_t den, int64_t max, const char *arg,
                                yr_where *where)
{
    if (den <= 0)
        return fail(where, YR_ERR_RANGE, YR_WHERE_NONE, arg,
                    YR_WHY(YR_REASON_DENOMINATOR, num, den));
    if (num < 0)
        return fail(where, YR_ERR_RANGE, YR_WHERE_NONE, arg,
                    YR_WHY(YR_REASON_FRACTION_NEGATIVE, num, den));
    if ((yr_u128)num > (yr_u128)max * (uint64_t)den)
        return fail(
            where, YR_ERR_RANGE, YR_WHERE_NONE, arg,
            YR_WHY(max == 1 ? YR_REASON_ABOVE_WHOLE : YR_REASON_FRACTION_ABOVE, num, den, max));
    return YR_OK;
}

/* Validate the weights; on success *wsum is their exact sum and *npos the positive ones; on
 * YR_ERR_NEGATIVE *bad is the first negative one. */
static yr_status check_weights(const int64_t *weights, size_t n, yr_u128 *wsum, size_t *npos,
                               size_t *bad)
{
    yr_u128 sum = 0;
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0) {
            *bad = i;
            return YR_ERR_NEGATIVE;
        }
        sum += (uint64_t)weights[i];
        pos += weights[i] > 0;
    }
    *wsum = sum;
    *npos = pos;
    return YR_OK;
}

static yr_rem *alloc_rems(size_t n)
{
    if (n > SIZE_MAX / sizeof(yr_rem))
        return NULL;
    return malloc(n * sizeof(yr_rem));
}

/* out[i] = -out[i] for magnitudes up to 2^63 (the result may be INT64_MIN). */
static void negate_all(int64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (int64_t)((uint64_t)0 - (uint64_t)out[i]);
}

/* How the last units of a largest remainder are settled: the tie key is weight ^ flip (flip
 * UINT64_MAX: the smaller weight wins); tie (when not NULL) receives YR_WHERE_NONE, or the first
 * party among those whose equal remainders decide a unit. */
typedef struct lr_rule {
    uint64_t flip;
    size_t *tie;
} lr_rule;

static void report_tie(const lr_rule *rule, size_t party)
{
    if (rule->tie != NULL)
        *rule->tie = party;
}

/* The first party whose remainder equals the k-th largest, when the k-th and (k+1)-th largest
 * are equal (rems[0..k) being the k that rank first); else YR_WHERE_NONE. */
static size_t rem_tie(const yr_rem *rems, size_t nrem, size_t k)
{
    if (k == 0 || k >= nrem)
        return YR_WHERE_NONE;
    yr_u128 low = rems[0].rem, high = rems[k].rem;
    for (size_t j = 1; j < k; j++)
        low = rems[j].rem < low ? rems[j].rem : low;
    for (size_t j = k + 1; j < nrem; j++)
        high = rems[j].rem > high ? rems[j].rem : high;
    if (low != high)
        return YR_WHERE_NONE;
    size_t first = YR_WHERE_NONE;
    for (size_t j = 0; j < nrem; j++) {
        if (rems[j].rem == low && rems[j].idx < first)
            first = rems[j].idx;
    }
    return first;
}

/* Settle floors already in out[] (magnitudes) with nrem remainders: +1 to the k that rank first,
 * then apply the sign. */
static void finish_lr(yr_rem *rems, size_t nrem, uint64_t k, int negative, const lr_rule *rule,
                      int64_t *out, size_t n)
{
    yr_select_top(rems, nrem, (size_t)k);
    report_tie(rule, rem_tie(rems, nrem, (size_t)k));
    for (size_t j = 0; j < k; j++)
        out[rems[j].idx] += 1;
    if (negative)
        negate_all(out, n);
}

static void fill_zero(int64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 0;
}

/* Largest remainder on exact quotas (a + b * w_i) / d in 128 bits, where the caller has checked
 * that a + b * max(w) fits and the quotas add up to t. Ties by the rule, then input order. */
static yr_status settle_wide(uint64_t t, int negative, const int64_t *weights, size_t n, yr_u128 a,
                             yr_u128 b, yr_u128 d, const lr_rule *rule, int64_t *out)
{
    yr_rem *rems = alloc_rems(n);
    if (rems == NULL)
        return YR_ERR_NOMEM;
    uint64_t floors = 0;
    size_t nrem = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i];
        yr_u128 p = a + b * w;
        uint64_t q = (uint64_t)(p / d);
        yr_u128 r = p % d;
        out[i] = (int64_t)q;
        floors += q;
        if (r != 0) {
            rems[nrem].rem = r;
            rems[nrem].key = w ^ rule->flip;
            rems[nrem].idx = i;
            nrem++;
        }
    }
    finish_lr(rems, nrem, t - floors, negative, rule, out, n);
    free(rems);
    return YR_OK;
}

/* Largest remainder when W < 2^64, so every remainder fits 64 bits.
 *
 * Quotient without a division: t*w/W = qt*w + rt*w/W with qt = t / W and rt = t % W < W. With
 * m = floor(2^64 rt / W), e = floor(w m / 2^64) is floor(rt w / W) or one less (the error is below
 * w / 2^64 + 1 < 2), so r = rt*w - e*W lies in [0, 2W) and one conditional subtraction gives the
 * exact remainder: two 64x64->128 multiplications per party instead of a 64-bit division.
 *
 * Selection without sorting: the remainders are counted in 2^YR_LR_HBITS buckets by their top
 * bits while the floors are computed. The bucket holding the k-th largest remainder is found from
 * the counts; every party in a higher bucket gets +1, and only the parties of that one bucket are
 * gathered and settled exactly (k-th largest value, then the tie rule on weights and input order).
 * The remainders are recomputed from out[] and the weights instead of being stored, so the extra
 * memory is the one bucket (typically n / 2^YR_LR_HBITS parties). O(n); worst case (every
 * remainder in one bucket, e.g. equal weights) 16 bytes per party, as before. */
#define YR_LR_HBITS 11

typedef struct lr64 {
    uint64_t qt, rt, m, wsum;
} lr64;

/* floor(rt*w / W) for rt < W, with m = floor(2^64 rt / W) precomputed, and the remainder in *rem:
 * the estimate floor(w m / 2^64) is the floor or one less, so one correction makes it exact. */
static inline uint64_t floor_rem(const lr64 *p, uint64_t w, uint64_t *rem)
{
    uint64_t e = (uint64_t)(((yr_u128)w * p->m) >> 64);
    yr_u128 r = (yr_u128)p->rt * w - (yr_u128)e * p->wsum;
    if (r >= p->wsum) {
        e++;
        r -= p->wsum;
    }
    *rem = (uint64_t)r;
    return e;
}

/* The remainder of a party whose floor qt*w + floor(rt*w / W) is in out: below W. */
static inline uint64_t lr_rem(const lr64 *p, uint64_t w, int64_t floor_all)
{
    uint64_t floor_part = (uint64_t)floor_all - p->qt * w;
    return (uint64_t)((yr_u128)p->rt * w - (yr_u128)floor_part * p->wsum);
}

/* +1 to the `need` candidates (cand[0..ncand) in input order, floors in out[]) that rank first:
 * the largest remainders, then the tie key, then the earlier. vals: scratch for ncand values. */
static void settle_bucket(const lr64 *p, const int64_t *weights, const uint64_t *cand,
                          uint64_t *vals, size_t ncand, size_t need, const lr_rule *rule,
                          int64_t *out)
{
    for (size_t j = 0; j < ncand; j++)
        vals[j] = lr_rem(p, (uint64_t)weights[cand[j]], out[cand[j]]);
    uint64_t v = yr_kth_largest_u64(vals, ncand, need);
    /* vals was reordered; recompute each candidate's remainder as it is needed */
    size_t above = 0, tied = 0, first_tied = YR_WHERE_NONE;
    for (size_t j = 0; j < ncand; j++) {
        uint64_t w = (uint64_t)weights[cand[j]], r = lr_rem(p, w, out[cand[j]]);
        if (r > v) {
            above++;
        } else if (r == v) {
            vals[tied++] = w ^ rule->flip;
            first_tied = first_tied == YR_WHERE_NONE ? cand[j] : first_tied;
        }
    }
    size_t need_tied = need - above;
    report_tie(rule, need_tied < tied ? first_tied : YR_WHERE_NONE);
    uint64_t kv = need_tied < tied ? yr_kth_largest_u64(vals, tied, need_tied) : 0;
    size_t better = 0;
    if (need_tied < tied) {
        for (size_t j = 0; j < ncand; j++) {
            uint64_t w = (uint64_t)weights[cand[j]];
            better += (w ^ rule->flip) > kv && lr_rem(p, w, out[cand[j]]) == v;
        }
    }
    size_t equal_left = need_tied - better;
    for (size_t j = 0; j < ncand; j++) {
        uint64_t w = (uint64_t)weights[cand[j]], key = w ^ rule->flip;
        uint64_t r = lr_rem(p, w, out[cand[j]]);
        int win = r > v;
        if (r == v) {
            if (need_tied == tied || key > kv) {
                win = 1;
            } else if (key == kv && equal_left > 0) {
                win = 1;
                equal_left--;
            }
        }
        /* out[] still holds the floors: every remainder above was computed from them */
        vals[j] = (uint64_t)win;
    }
    for (size_t j = 0; j < ncand; j++)
        out[cand[j]] += (int64_t)vals[j];
}

static yr_status split_lr64(uint64_t t, int negative, const int64_t *weights, size_t n,
                            uint64_t wsum, const lr_rule *rule, int64_t *out)
{
    lr64 p = {t / wsum, t % wsum, 0, wsum};
    p.m = (uint64_t)(((yr_u128)p.rt << 64) / wsum);
    unsigned bits = 0;
    while (bits < 64 && (wsum >> bits) != 0)
        bits++;
    const unsigned shift = bits > YR_LR_HBITS ? bits - YR_LR_HBITS : 0;
    size_t hist[(size_t)1 << YR_LR_HBITS] = {0};

    /* Pass 1 counts the floors and the buckets without writing out[] (the allocation below may
     * still fail); pass 2 writes. */
    uint64_t floors = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i], r;
        floors += p.qt * w + floor_rem(&p, w, &r);
        hist[r >> shift]++;
    }
    uint64_t k = t - floors; /* < number of nonzero remainders */
    size_t b = 0, cum = 0, nb = (size_t)1 << YR_LR_HBITS;
    if (k > 0) {
        for (b = nb; b-- > 0;) {
            if (cum + hist[b] >= k)
                break;
            cum += hist[b];
        }
    }
    size_t ncand = k > 0 ? hist[b] : 0;
    if (ncand > SIZE_MAX / (2 * sizeof(uint64_t)))
        return YR_ERR_NOMEM;
    uint64_t *cand = NULL;
    if (ncand > 0) {
        cand = malloc(2 * ncand * sizeof(uint64_t));
        if (cand == NULL)
            return YR_ERR_NOMEM;
    }
    /* Nothing can fail from here: write the floors and +1 for every higher bucket. */
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i], r;
        uint64_t e = floor_rem(&p, w, &r);
        uint64_t bk = r >> shift;
        out[i] = (int64_t)(p.qt * w + e + (k > 0 && bk > b));
        if (ncand > 0 && bk == b)
            cand[c++] = i;
    }
    report_tie(rule, YR_WHERE_NONE);
    if (ncand > 0) {
        settle_bucket(&p, weights, cand, cand + ncand, ncand, (size_t)k - cum, rule, out);
        free(cand);
    }
    if (negative)
        negate_all(out, n);
    return YR_OK;
}

/* Largest remainder (Hamilton) and round-each: floors of T*w/W, then the remainders decide. */
static yr_status split_quota(int64_t total, const int64_t *weights, size_t n, yr_u128 wsum,
                             int round_each, const lr_rule *rule, int64_t *out)
{
    uint64_t t = yr_abs64(total);
    int negative = total < 0;
    report_tie(rule, YR_WHERE_NONE);
    if (round_each) {
        for (size_t i = 0; i < n; i++) {
            yr_u128 p = (yr_u128)t * (uint64_t)weights[i];
            uint64_t q = (uint64_t)(p / wsum);
            yr_u128 r = p % wsum;
            if (2 * r >= wsum)
                q++;
            /* q <= t, so the negation below cannot overflow (t <= 2^63). */
            out[i] = negative ? (int64_t)((uint64_t)0 - q) : (int64_t)q;
        }
        return YR_OK;
    }
    if ((wsum >> 64) == 0)
        return split_lr64(t, negative, weights, n, (uint64_t)wsum, rule, out);
    return settle_wide(t, negative, weights, n, 0, t, wsum, rule, out);
}

/* ---- options ------------------------------------------------------------------------------- */

YR_API void yr_split_options_init(yr_split_options *opt)
{
    if (opt == NULL)
        return;
    opt->method = YR_LARGEST_REMAINDER;
    opt->tie = YR_TIE_LARGER_WEIGHT;
    opt->minimum = NULL;
    opt->maximum = NULL;
    opt->threshold_num = 0;
    opt->threshold_den = 1;
    opt->first_divisor_num = 0;
    opt->first_divisor_den = 0;
}

static int is_divisor_method(yr_method m)
{
    return m != YR_LARGEST_REMAINDER && m != YR_ROUND_EACH;
}

/* Everything in the options that does not depend on the weights. */
static yr_status check_options(const yr_split_options *o, yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    if ((unsigned)o->method >= YR_METHOD_COUNT)
        return fail(where, YR_ERR_RANGE, NONE, "method",
                    YR_WHY(YR_REASON_ENUM, (int64_t)o->method, YR_METHOD_COUNT - 1));
    if ((unsigned)o->tie >= YR_TIE_COUNT)
        return fail(where, YR_ERR_RANGE, NONE, "tie",
                    YR_WHY(YR_REASON_ENUM, (int64_t)o->tie, YR_TIE_COUNT - 1));
    yr_status st = YR_OK;
    if (o->threshold_num != 0)
        st = check_fraction(o->threshold_num, o->threshold_den, 1, "threshold", where);
    if (st == YR_OK && (o->first_divisor_num != 0 || o->first_divisor_den != 0)) {
        if (o->method != YR_SAINTE_LAGUE && o->method != YR_SAINTE_LAGUE_MODIFIED)
            return fail(
                where, YR_ERR_RANGE, NONE, "first_divisor",
                YR_WHY_TEXT(YR_REASON_FIRST_DIVISOR_METHOD, NULL, method_names[o->method], 0, 0));
        st = check_fraction(o->first_divisor_num, o->first_divisor_den, 3, "first_divisor", where);
    }
    if (st == YR_OK && !is_divisor_method(o->method) && (o->minimum != NULL || o->maximum != NULL))
        return fail(where, YR_ERR_RANGE, NONE, o->minimum != NULL ? "minimum" : "maximum",
                    YR_WHY_TEXT(YR_REASON_BOUNDS_METHOD, NULL, method_names[o->method], 0, 0));
    return st;
}

/* The weights with every party below the threshold set to 0, in a new array (*eff, to be freed),
 * or *eff NULL when there is no threshold. A party excluded with a minimum > 0 is an error. */
static yr_status apply_threshold(const int64_t *weights, size_t n, yr_u128 wsum,
                                 const yr_split_options *o, int64_t **eff, yr_where *where)
{
    *eff = NULL;
    if (o->threshold_num == 0)
        return YR_OK;
    int64_t *w = malloc(n * sizeof *w);
    if (w == NULL)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    for (size_t i = 0; i < n; i++) {
        /* w_i < num/den * W  <=>  w_i * den < num * W */
        int below = yr_cmp_products((uint64_t)weights[i], (uint64_t)o->threshold_den,
                                    (uint64_t)o->threshold_num, wsum) < 0;
        if (below && o->minimum != NULL && o->minimum[i] > 0) {
            free(w);
            return fail(where, YR_ERR_RANGE, i, "minimum",
                        YR_WHY(YR_REASON_THRESHOLD_MINIMUM, o->minimum[i], weights[i],
                               o->threshold_num, o->threshold_den));
        }
        w[i] = below ? 0 : weights[i];
    }
    *eff = w;
    return YR_OK;
}

/* Why nobody can take the total: every weight is 0, or (zero_arg "threshold") the threshold
 * of o left every party out. */
static yr_why zero_why_of(const yr_split_options *o, int64_t total, const char *zero_arg)
{
    if (strcmp(zero_arg, "threshold") == 0)
        return YR_WHY(YR_REASON_THRESHOLD_ALL, o->threshold_num, o->threshold_den, total);
    return YR_WHY(YR_REASON_ALL_ZERO, total);
}

/* A u128 sum as a value of a reason (YR_WHY_SUM_PAST when it does not fit int64). */
static int64_t sum_value(yr_u128 sum)
{
    return sum > (yr_u128)INT64_MAX ? YR_WHY_SUM_PAST : (int64_t)sum;
}

/* Per-party bounds and their sums against the total (t >= 0); wsum and the weights after the
 * threshold. zero_arg names the argument blamed when no party can take the units. */
static yr_status check_bounds(const yr_split_options *o, const int64_t *w, size_t n, yr_u128 wsum,
                              uint64_t t, const char *zero_arg, yr_where *where)
{
    yr_u128 lo_sum = 0, cap = 0;
    int unbounded = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t lo = o->minimum != NULL ? o->minimum[i] : 0;
        if (lo < 0)
            return fail(where, YR_ERR_RANGE, i, "minimum", YR_WHY(YR_REASON_NEGATIVE, lo));
        if (o->maximum != NULL && o->maximum[i] < lo)
            return fail(where, YR_ERR_RANGE, i, "maximum",
                        YR_WHY_NAMED(YR_REASON_MINIMUM_ABOVE_MAXIMUM, "minimum", "maximum", lo,
                                     o->maximum[i]));
        lo_sum += (uint64_t)lo;
        if (w[i] == 0)
            cap += (uint64_t)lo;
        else if (o->maximum != NULL)
            cap += (uint64_t)o->maximum[i];
        else
            unbounded = 1;
    }
    if (lo_sum > t)
        return fail(where, YR_ERR_RANGE, YR_WHERE_NONE, "minimum",
                    YR_WHY(YR_REASON_MINIMUMS_ABOVE_TOTAL, sum_value(lo_sum), (int64_t)t));
    if (wsum == 0 && t > lo_sum)
        return fail(where, YR_ERR_ZERO_WEIGHT, YR_WHERE_NONE, zero_arg,
                    zero_why_of(o, (int64_t)t, zero_arg));
    if (!unbounded && cap < t)
        return fail(where, YR_ERR_RANGE, YR_WHERE_NONE, "maximum",
                    YR_WHY(YR_REASON_MAXIMUMS_BELOW_TOTAL, sum_value(cap), (int64_t)t));
    return YR_OK;
}

/* A divisor method on validated input. */
static yr_status split_divisor(uint64_t t, const int64_t *w, size_t n, const yr_split_options *o,
                               size_t *tie, int64_t *out)
{
    yr_divisor_job job = {
        o->method, 1, 1, o->tie == YR_TIE_SMALLER_WEIGHT, w, o->minimum, o->maximum, n, t, 0, 0};
    if (o->first_divisor_den != 0) {
        job.fd_num = (uint64_t)o->first_divisor_num;
        job.fd_den = (uint64_t)o->first_divisor_den;
    } else if (o->method == YR_SAINTE_LAGUE_MODIFIED) {
        job.fd_num = 6; /* 1.2 */
        job.fd_den = 5;
    }
    return yr_divisor_split(&job, out, tie);
}

/* The split of validated weights (after the threshold) into out; tie as in lr_rule. */
static yr_status split_valid(int64_t total, const int64_t *w, size_t n, yr_u128 wsum,
                             const yr_split_options *o, size_t *tie, int64_t *out)
{
    if (is_divisor_method(o->method))
        return split_divisor((uint64_t)total, w, n, o, tie, out);
    if (wsum == 0) {
        fill_zero(out, n);
        if (tie != NULL)
            *tie = YR_WHERE_NONE;
        return YR_OK;
    }
    lr_rule rule = {o->tie == YR_TIE_SMALLER_WEIGHT ? UINT64_MAX : 0, tie};
    return split_quota(total, w, n, wsum, o->method == YR_ROUND_EACH, &rule, out);
}

/* Run the split; with YR_TIE_REPORT into a scratch copy, kept only when no tie decides. */
static yr_status split_checked(int64_t total, const int64_t *w, size_t n, yr_u128 wsum,
                               const yr_split_options *o, int64_t *out, yr_where *where)
{
    if (o->tie != YR_TIE_REPORT) {
        yr_status st = split_valid(total, w, n, wsum, o, NULL, out);
        return st == YR_OK ? YR_OK : yr_where_arg(where, st, NULL);
    }
    int64_t *tmp = malloc(n * sizeof *tmp);
    if (tmp == NULL)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    size_t tie = YR_WHERE_NONE;
    yr_status st = split_valid(total, w, n, wsum, o, &tie, tmp);
    if (st == YR_OK && tie != YR_WHERE_NONE)
        st = fail(where, YR_ERR_TIE, tie, "tie", YR_WHY(YR_REASON_TIE, 0));
    else if (st != YR_OK)
        yr_where_arg(where, st, NULL);
    if (st == YR_OK) {
        for (size_t i = 0; i < n; i++)
            out[i] = tmp[i];
    }
    free(tmp);
    return st;
}

YR_API yr_status yr_split_with_where(int64_t total, const int64_t *weights, size_t n,
                                     const yr_split_options *opt, int64_t *out, yr_where *where)
{
    yr_where_clear(where);
    if (n == 0)
        return fail(where, YR_ERR_EMPTY, YR_WHERE_NONE, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    if (weights == NULL || out == NULL || opt == NULL)
        return yr_where_arg(where, YR_ERR_NULL,
                            weights == NULL ? "weights" : (out == NULL ? "out" : "options"));
    yr_status st = check_options(opt, where);
    if (st != YR_OK)
        return st;
    yr_u128 wsum;
    size_t npos, bad = YR_WHERE_NONE;
    if (check_weights(weights, n, &wsum, &npos, &bad) != YR_OK)
        return fail(where, YR_ERR_NEGATIVE, bad, "weights",
                    YR_WHY(YR_REASON_NEGATIVE, weights[bad]));
    int divisor = is_divisor_method(opt->method);
    if (divisor && total < 0)
        return fail(
            where, YR_ERR_NEGATIVE, YR_WHERE_NONE, "total",
            YR_WHY_TEXT(YR_REASON_NEGATIVE_TOTAL, NULL, method_names[opt->method], 0, total));
    int64_t *eff = NULL;
    st = apply_threshold(weights, n, wsum, opt, &eff, where);
    if (st != YR_OK)
        return st;
    const int64_t *w = eff != NULL ? eff : weights;
    const char *zero_arg = "weights";
    if (eff != NULL) {
        yr_u128 before = wsum;
        (void)check_weights(w, n, &wsum, &npos, &bad);
        zero_arg = wsum == 0 && before != 0 ? "threshold" : "weights";
    }
    if (divisor)
        st = check_bounds(opt, w, n, wsum, (uint64_t)total, zero_arg, where);
    else if (wsum == 0 && total != 0)
        st = fail(where, YR_ERR_ZERO_WEIGHT, YR_WHERE_NONE, zero_arg,
                  zero_why_of(opt, total, zero_arg));
    if (st == YR_OK)
        st = split_checked(total, w, n, wsum, opt, out, where);
    free(eff);
    return st;
}

YR_API yr_status yr_split_with(int64_t total, const int64_t *weights, size_t n,
                               const yr_split_options *opt, int64_t *out)
{
    return yr_split_with_where(total, weights, n, opt, out, NULL);
}

YR_API yr_status yr_split_where(int64_t total, const int64_t *weights, size_t n, yr_method method,
                                int64_t *out, yr_where *where)
{
    yr_split_options opt;
    yr_split_options_init(&opt);
    opt.method = method;
    return yr_split_with_where(total, weights, n, &opt, out, where);
}

YR_API yr_status yr_split(int64_t total, const int64_t *weights, size_t n, yr_method method,
                          int64_t *out)
{
    return yr_split_where(total, weights, n, method, out, NULL);
}

/* ---- mixed model -------------------------------------------------------------------------- */

YR_API yr_status yr_split_mixed_where(int64_t total, int64_t equal_part_num, int64_t equal_part_den,
                                      const int64_t *weights, size_t n, int64_t *out,
                                      yr_where *where)
{
    yr_where_clear(where);
    if (n == 0)
        return fail(where, YR_ERR_EMPTY, YR_WHERE_NONE, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    if (weights == NULL || out == NULL)
        return yr_where_arg(where, YR_ERR_NULL, weights == NULL ? "weights" : "out");
    yr_status st = check_fraction(equal_part_num, equal_part_den, 1, "equal_part", where);
    if (st != YR_OK)
        return st;
    yr_u128 wsum;
    size_t npos, bad = YR_WHERE_NONE;
    if (check_weights(weights, n, &wsum, &npos, &bad) != YR_OK)
        return fail(where, YR_ERR_NEGATIVE, bad, "weights",
                    YR_WHY(YR_REASON_NEGATIVE, weights[bad]));
    uint64_t t = yr_abs64(total);
    uint64_t g = (uint64_t)yr_gcd_u128((uint64_t)equal_part_num, (uint64_t)equal_part_den);
    uint64_t num = (uint64_t)equal_part_num / g, den = (uint64_t)equal_part_den / g;
    if (t == 0) {
        fill_zero(out, n);
        return YR_OK;
    }
    if (wsum == 0 && num != den)
        return fail(where, YR_ERR_ZERO_WEIGHT, YR_WHERE_NONE, "weights",
                    YR_WHY(YR_REASON_MIXED_ALL_ZERO, total, 0, (int64_t)(den - num), (int64_t)den));
    /* quota_i = t*num/(den*n) + t*(den-num)*w_i/(den*W) = N_i / D with
     * N_i = t*num*W + t*(den-num)*w_i*n and D = den*n*W (W taken as 1 when it is 0, which only
     * happens when num == den). */
    yr_u128 w_all = wsum == 0 ? 1 : wsum;
    yr_u128 eq_num, d, nn = (yr_u128)n;
    if (!yr_mul_u128_checked((yr_u128)t * num, w_all, &eq_num) ||
        !yr_mul_u128_checked((yr_u128)den * nn, w_all, &d))
        return fail(where, YR_ERR_OVERFLOW, YR_WHERE_NONE, "total",
                    YR_WHY(YR_REASON_EXACT_TOO_WIDE, total));
    yr_u128 pop_unit = (yr_u128)t * (den - num); /* < 2^127 */
    /* Check every N_i before writing anything. The largest weight gives the largest N_i. */
    uint64_t wmax = 0;
    for (size_t i = 0; i < n; i++)
        wmax = (uint64_t)weights[i] > wmax ? (uint64_t)weights[i] : wmax;
    yr_u128 pmax;
    if (!yr_mul_u128_checked(pop_unit, (yr_u128)wmax * nn, &pmax) || pmax > YR_U128_MAX - eq_num)
        return fail(where, YR_ERR_OVERFLOW, YR_WHERE_NONE, "total",
                    YR_WHY(YR_REASON_EXACT_TOO_WIDE, total));
    /* pop_unit * n may wrap only when wmax == 0, where it is multiplied by 0 */
    const lr_rule rule = {0, NULL};
    st = settle_wide(t, total < 0, weights, n, eq_num, pop_unit * nn, d, &rule, out);
    return st == YR_OK ? YR_OK : yr_where_arg(where, st, NULL);
}

YR_API yr_status yr_split_mixed(int64_t total, int64_t equal_part_num, int64_t equal_part_den,
                                const int64_t *weights, size_t n, int64_t *out)
{
    return yr_split_mixed_where(total, equal_part_num, equal_part_den, weights, n, out, NULL);
}
