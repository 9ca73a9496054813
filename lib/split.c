/* Exact cost split and seat allocation (SPEC §1). */
#include <stdlib.h>

#include "yrkesresa/split.h"
#include "internal/apportion.h"

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

YR_API yr_status yr_method_from_name(const char *name, yr_method *method)
{
    static const struct {
        const char *alias;
        yr_method method;
    } aliases[] = {
        {"hamilton", YR_LARGEST_REMAINDER}, {"hare", YR_LARGEST_REMAINDER},
        {"jefferson", YR_DHONDT},           {"d'hondt", YR_DHONDT},
        {"webster", YR_SAINTE_LAGUE},
    };
    if (name == NULL || method == NULL)
        return YR_ERR_NULL;
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
    return YR_ERR_RANGE;
}

/* Validate the weights; on success *wsum is their exact sum and *npos the positive ones. */
static yr_status check_weights(const int64_t *weights, size_t n, yr_u128 *wsum, size_t *npos)
{
    yr_u128 sum = 0;
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0)
            return YR_ERR_NEGATIVE;
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

/* Settle floors already in out[] (magnitudes) with nrem remainders: +1 to the k that rank first,
 * then apply the sign. */
static void finish_lr(yr_rem *rems, size_t nrem, uint64_t k, int negative, int64_t *out, size_t n)
{
    yr_select_top(rems, nrem, (size_t)k);
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
 * that a + b * max(w) fits and the quotas add up to t. Ties by weight, then input order. */
static yr_status settle_wide(uint64_t t, int negative, const int64_t *weights, size_t n, yr_u128 a,
                             yr_u128 b, yr_u128 d, int64_t *out)
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
            rems[nrem].key = w;
            rems[nrem].idx = i;
            nrem++;
        }
    }
    finish_lr(rems, nrem, t - floors, negative, out, n);
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

/* floor(rt*w / W) for rt < W, with m = floor(2^64 rt / W) precomputed, and the remainder in *rem:
 * the estimate floor(w m / 2^64) is the floor or one less, so one correction makes it exact. */
static inline uint64_t floor_rem(uint64_t w, uint64_t m, uint64_t rt, uint64_t wsum, uint64_t *rem)
{
    uint64_t e = (uint64_t)(((yr_u128)w * m) >> 64);
    yr_u128 r = (yr_u128)rt * w - (yr_u128)e * wsum;
    if (r >= wsum) {
        e++;
        r -= wsum;
    }
    *rem = (uint64_t)r;
    return e;
}

static inline uint64_t lr_rem(uint64_t w, uint64_t floor_part, uint64_t rt, uint64_t wsum)
{
    /* floor_part = floor(rt*w / W); the remainder rt*w - floor_part*W < W */
    return (uint64_t)((yr_u128)rt * w - (yr_u128)floor_part * wsum);
}

static yr_status split_lr64(uint64_t t, int negative, const int64_t *weights, size_t n,
                            uint64_t wsum, int64_t *out)
{
    const uint64_t qt = t / wsum, rt = t % wsum;
    const uint64_t m = (uint64_t)(((yr_u128)rt << 64) / wsum);
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
        floors += qt * w + floor_rem(w, m, rt, wsum, &r);
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
    size_t need = (size_t)k - cum; /* winners to pick inside bucket b */
    if (ncand > SIZE_MAX / (2 * sizeof(uint64_t)))
        return YR_ERR_NOMEM;
    uint64_t *cand = NULL, *vals = NULL;
    if (ncand > 0) {
        cand = malloc(2 * ncand * sizeof(uint64_t));
        if (cand == NULL)
            return YR_ERR_NOMEM;
        vals = cand + ncand;
    }
    /* Nothing can fail from here: write the floors and +1 for every higher bucket. */
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i], r;
        uint64_t e = floor_rem(w, m, rt, wsum, &r);
        uint64_t bk = r >> shift;
        out[i] = (int64_t)(qt * w + e + (k > 0 && bk > b));
        if (ncand > 0 && bk == b)
            cand[c++] = i;
    }
    if (ncand > 0) {
        for (size_t j = 0; j < ncand; j++) {
            uint64_t w = (uint64_t)weights[cand[j]];
            vals[j] = lr_rem(w, (uint64_t)out[cand[j]] - qt * w, rt, wsum);
        }
        uint64_t v = yr_kth_largest_u64(vals, ncand, need);
        /* vals was reordered; recompute each candidate's remainder as it is needed */
        size_t above = 0, tied = 0;
        for (size_t j = 0; j < ncand; j++) {
            uint64_t w = (uint64_t)weights[cand[j]];
            uint64_t r = lr_rem(w, (uint64_t)out[cand[j]] - qt * w, rt, wsum);
            if (r > v) {
                above++;
            } else if (r == v) {
                vals[tied++] = w;
            }
        }
        size_t need_tied = need - above;
        uint64_t wv = need_tied < tied ? yr_kth_largest_u64(vals, tied, need_tied) : 0;
        size_t heavier = 0;
        if (need_tied < tied) {
            for (size_t j = 0; j < ncand; j++) {
                uint64_t w = (uint64_t)weights[cand[j]];
                heavier += w > wv && lr_rem(w, (uint64_t)out[cand[j]] - qt * w, rt, wsum) == v;
            }
        }
        size_t equal_left = need_tied - heavier;
        for (size_t j = 0; j < ncand; j++) {
            size_t i = cand[j];
            uint64_t w = (uint64_t)weights[i];
            uint64_t r = lr_rem(w, (uint64_t)out[i] - qt * w, rt, wsum);
            int win = r > v;
            if (r == v) {
                if (need_tied == tied || w > wv) {
                    win = 1;
                } else if (w == wv && equal_left > 0) {
                    win = 1;
                    equal_left--;
                }
            }
            /* out[i] is still the floor here: every candidate's remainder above was computed
             * from it before any candidate was changed */
            vals[j] = (uint64_t)win;
        }
        for (size_t j = 0; j < ncand; j++)
            out[cand[j]] += (int64_t)vals[j];
        free(cand);
    }
    if (negative)
        negate_all(out, n);
    return YR_OK;
}

/* Largest remainder (Hamilton) and round-each: floors of T*w/W, then the remainders decide. */
static yr_status split_quota(int64_t total, const int64_t *weights, size_t n, yr_u128 wsum,
                             int round_each, int64_t *out)
{
    uint64_t t = yr_abs64(total);
    int negative = total < 0;
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
        return split_lr64(t, negative, weights, n, (uint64_t)wsum, out);
    return settle_wide(t, negative, weights, n, 0, t, wsum, out);
}

/* ---- divisor methods -------------------------------------------------------------------- */

/* The divisor for a party's next unit when it holds s units, as an exact integer on a scale
 * common to all parties (for Huntington-Hill the square of the divisor; weights are squared to
 * match). */
static yr_u128 divisor(yr_method method, uint64_t s)
{
    switch (method) {
    case YR_DHONDT:
        return (yr_u128)s + 1;
    case YR_SAINTE_LAGUE:
        return 2 * (yr_u128)s + 1;
    case YR_SAINTE_LAGUE_MODIFIED: /* 1.2, 3, 5, ... scaled by 5 */
        return s == 0 ? 6 : 5 * (2 * (yr_u128)s + 1);
    case YR_HUNTINGTON_HILL: /* sqrt(s(s+1)), squared */
        return (yr_u128)s * ((yr_u128)s + 1);
    case YR_ADAMS:
        return s;
    default:
        return 1;
    }
}

typedef struct divisor_ctx {
    yr_method method;
    const int64_t *weights;
    const int64_t *seats;
    int removing; /* 0: heap of next units (best first); 1: heap of last units (worst first) */
} divisor_ctx;

/* Sign of priority(a's unit number sa+1) - priority(b's unit number sb+1), ties broken by the
 * SPEC rule (larger weight, then earlier party), so it is never 0 for a != b. */
static int unit_cmp(const divisor_ctx *c, size_t a, uint64_t sa, size_t b, uint64_t sb)
{
    yr_u128 wa = (uint64_t)c->weights[a], wb = (uint64_t)c->weights[b];
    if (c->method == YR_DEAN) {
        /* w / (2s(s+1)/(2s+1)) = w(2s+1) / (2s(s+1)) */
        int cmp = yr_cmp_products(wa * (2 * (yr_u128)sa + 1), 2 * (yr_u128)sb * ((yr_u128)sb + 1),
                                  wb * (2 * (yr_u128)sb + 1), 2 * (yr_u128)sa * ((yr_u128)sa + 1));
        if (cmp != 0)
            return cmp;
        if (c->weights[a] != c->weights[b])
            return c->weights[a] > c->weights[b] ? 1 : -1;
        return a < b ? 1 : (a > b ? -1 : 0);
    }
    if (c->method == YR_HUNTINGTON_HILL) {
        wa *= wa;
        wb *= wb;
    }
    /* w_a / d_a > w_b / d_b  <=>  w_a * d_b > w_b * d_a  (d == 0 is an infinite priority) */
    int cmp = yr_cmp_products(wa, divisor(c->method, sb), wb, divisor(c->method, sa));
    if (cmp != 0)
        return cmp;
    if (c->weights[a] != c->weights[b])
        return c->weights[a] > c->weights[b] ? 1 : -1;
    return a < b ? 1 : (a > b ? -1 : 0);
}

/* 1 when a belongs above b in the heap. */
static int heap_before(const divisor_ctx *c, size_t a, size_t b)
{
    uint64_t sa = (uint64_t)c->seats[a], sb = (uint64_t)c->seats[b];
    if (!c->removing)
        return unit_cmp(c, a, sa, b, sb) > 0;
    return unit_cmp(c, a, sa - 1, b, sb - 1) < 0;
}

static void sift_down(const divisor_ctx *c, size_t *heap, size_t len, size_t pos)
{
    for (;;) {
        size_t best = pos, l = 2 * pos + 1, r = l + 1;
        if (l < len && heap_before(c, heap[l], heap[best]))
            best = l;
        if (r < len && heap_before(c, heap[r], heap[best]))
            best = r;
        if (best == pos)
            return;
        size_t t = heap[pos];
        heap[pos] = heap[best];
        heap[best] = t;
        pos = best;
    }
}

/* Units a party holds when every unit whose divisor is below x = p / b is given, i.e. all units
 * of priority above the cut b/p per unit of weight: #{s >= 0 : d(s) < x}. p > 0, b < 2^63. */
static uint64_t units_below(yr_method method, yr_u128 p, yr_u128 b)
{
    uint64_t f = (uint64_t)(p / b);
    yr_u128 r = p % b;
    switch (method) {
    case YR_DHONDT: /* s + 1 < x */
        return r > 0 ? f : (f > 0 ? f - 1 : 0);
    case YR_SAINTE_LAGUE: /* s + 1/2 < x */
        return f + (2 * r > b);
    case YR_SAINTE_LAGUE_MODIFIED: /* 0.6 < x for the first unit, then s + 1/2 < x */
        if (yr_cmp_products(p, 5, b, 3) <= 0)
            return 0;
        return f + (2 * r > b) > 0 ? f + (2 * r > b) : 1;
    case YR_HUNTINGTON_HILL: /* s(s+1) < x^2: every s < f, and s = f when f(f+1) < x^2 */
        if (r == 0)
            return f;
        /* f(f+1) < (f + r/b)^2  <=>  f b (b - 2r) < r^2 */
        return f + (2 * r >= b || yr_cmp_products((yr_u128)f * b, b - 2 * r, r, r) < 0);
    case YR_ADAMS: /* s < x */
        return f + (r > 0);
    default:
        return f;
    }
}

/* The allocation "every unit above the cut" for the multiplier mult / den per unit of weight
 * (see units_below) into out[]; returns its sum. */
static uint64_t jump_to(yr_method method, const int64_t *weights, size_t n, yr_u128 mult,
                        yr_u128 den, int64_t *out)
{
    uint64_t given = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i];
        uint64_t s = 0;
        if (w > 0) {
            yr_u128 p = mult * w;
            s = p > 0 ? units_below(method, p, den) : 0;
        }
        out[i] = (int64_t)s;
        given += s;
    }
    return given;
}

/* Huntington-Hill and Adams with fewer units than positive weights: every first unit has an
 * infinite priority (divisor 0), so the t units go to the t heaviest parties, ties to the earlier
 * party; O(n) by selection. 0 < t < npos. */
static yr_status first_units(uint64_t t, const int64_t *weights, size_t n, size_t npos,
                             int64_t *out)
{
    if (npos > SIZE_MAX / sizeof(uint64_t))
        return YR_ERR_NOMEM;
    uint64_t *w = malloc(npos * sizeof(uint64_t));
    if (w == NULL)
        return YR_ERR_NOMEM;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] > 0)
            w[len++] = (uint64_t)weights[i];
    }
    uint64_t v = yr_kth_largest_u64(w, len, (size_t)t);
    size_t heavier = 0;
    for (size_t i = 0; i < n; i++)
        heavier += (uint64_t)weights[i] > v;
    size_t equal_left = (size_t)t - heavier;
    for (size_t i = 0; i < n; i++) {
        uint64_t wi = (uint64_t)weights[i];
        int64_t s = wi > v;
        if (wi == v && equal_left > 0) {
            s = 1;
            equal_left--;
        }
        out[i] = s;
    }
    free(w);
    return YR_OK;
}

/* Divisor methods, "jump and step" (Pukelsheim, Proportional Representation, ch. 4): jump to the
 * allocation that gives every unit above a well-chosen cut, then step one unit at a time with a
 * heap to the requested total. Every allocation "all units above a cut" is the divisor method's
 * own result for its own sum, so stepping up gives the top-T units and stepping down removes the
 * lowest ones; the result is the same as giving units one by one from zero.
 *
 * Cut: x_i = w_i (T + m(delta - 1/2)) / W with delta the method's divisor offset (d(s) ~ s +
 * delta; m the parties with a positive weight), which makes the jump miss T by about sqrt(m) for
 * typical data. That offset is exact only for parties with many units: when the quotas are small
 * (T of the order of m or below) the jump can miss by a fraction of m, and a heap step costs
 * microseconds where a jump costs tens of nanoseconds per party, so while the miss is above
 * max(1024, m/64) the multiplier is corrected (proportionally to T / given, kept inside the
 * bracket of multipliers known to give too few and too many; the sum is non-decreasing in the
 * multiplier) and the jump repeated, at most 8 times. When W is too large for the exact rounding
 * (>= 2^61) the jump is replaced by a provable lower bound: each party holds at least
 * w_i (T - m) / W - 1 units, a start at most 3m below T. Either way the steps are O(m log m),
 * independent of the total. */
static yr_status split_divisor(int64_t total, const int64_t *weights, size_t n, yr_u128 wsum,
                               size_t npos, yr_method method, int64_t *out)
{
    uint64_t t = (uint64_t)total;
    if (t == 0) {
        fill_zero(out, n);
        return YR_OK;
    }
    if ((method == YR_HUNTINGTON_HILL || method == YR_ADAMS || method == YR_DEAN) && t < npos)
        return first_units(t, weights, n, npos, out);
    if (npos > SIZE_MAX / sizeof(size_t))
        return YR_ERR_NOMEM;
    size_t *heap = malloc((npos ? npos : 1) * sizeof(size_t));
    if (heap == NULL)
        return YR_ERR_NOMEM;
    int jump = method != YR_DEAN && (wsum >> 61) == 0 && t < ((uint64_t)1 << 62) &&
               npos < ((uint64_t)1 << 60);
    uint64_t given = 0;
    if (jump) {
        yr_u128 mult, den = 2 * wsum;
        if (method == YR_DHONDT)
            mult = 2 * (yr_u128)t + npos;
        else if (method == YR_ADAMS)
            mult = 2 * (yr_u128)t > npos ? 2 * (yr_u128)t - npos : 0;
        else
            mult = 2 * (yr_u128)t;
        given = jump_to(method, weights, n, mult, den, out);
        /* mult = cap gives every method at least sum(x_i) - m = 2T >= T units */
        const yr_u128 cap = 4 * (yr_u128)t + 2 * (yr_u128)npos;
        const uint64_t slack = npos / 64 > 1024 ? npos / 64 : 1024;
        yr_u128 lo = 0, hi = 0; /* hi == 0: no multiplier known to give too many yet */
        for (int round = 0; round < 8 && (given > t ? given - t : t - given) > slack; round++) {
            if (given > t)
                hi = mult;
            else
                lo = mult;
            yr_u128 next = given > 0 ? mult * t / given : 2 * mult + 2;
            if (hi != 0 && next >= hi)
                next = lo + (hi - lo) / 2;
            if (next <= lo)
                next = hi != 0 ? lo + (hi - lo) / 2 : 2 * lo + 2;
            if (next > cap)
                next = cap;
            if (next == mult)
                break;
            mult = next;
            given = jump_to(method, weights, n, mult, den, out);
        }
    } else {
        uint64_t base = t > npos ? t - npos : 0;
        for (size_t i = 0; i < n; i++) {
            uint64_t w = (uint64_t)weights[i];
            uint64_t s = 0;
            if (w > 0) {
                uint64_t q = (uint64_t)(((yr_u128)base * w) / wsum);
                s = q > 0 ? q - 1 : 0;
            }
            out[i] = (int64_t)s;
            given += s;
        }
    }
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] > 0)
            heap[len++] = i;
    }
    divisor_ctx c = {method, weights, out, given > t};
    if (c.removing) {
        /* only parties holding units can give one back */
        size_t keep = 0;
        for (size_t j = 0; j < len; j++) {
            if (out[heap[j]] > 0)
                heap[keep++] = heap[j];
        }
        len = keep;
    }
    for (size_t p = len / 2; p-- > 0;)
        sift_down(&c, heap, len, p);
    for (; given < t; given++) {
        out[heap[0]] += 1;
        sift_down(&c, heap, len, 0);
    }
    for (; given > t; given--) {
        size_t top = heap[0];
        out[top] -= 1;
        if (out[top] == 0)
            heap[0] = heap[--len];
        sift_down(&c, heap, len, 0);
    }
    free(heap);
    return YR_OK;
}

YR_API yr_status yr_split(int64_t total, const int64_t *weights, size_t n, yr_method method,
                          int64_t *out)
{
    if (n == 0)
        return YR_ERR_EMPTY;
    if (weights == NULL || out == NULL)
        return YR_ERR_NULL;
    if ((unsigned)method >= YR_METHOD_COUNT)
        return YR_ERR_RANGE;
    yr_u128 wsum;
    size_t npos;
    yr_status st = check_weights(weights, n, &wsum, &npos);
    if (st != YR_OK)
        return st;
    int divisor_method = method != YR_LARGEST_REMAINDER && method != YR_ROUND_EACH;
    if (divisor_method && total < 0)
        return YR_ERR_NEGATIVE;
    if (wsum == 0) {
        if (total != 0)
            return YR_ERR_ZERO_WEIGHT;
        fill_zero(out, n);
        return YR_OK;
    }
    if (divisor_method)
        return split_divisor(total, weights, n, wsum, npos, method, out);
    return split_quota(total, weights, n, wsum, method == YR_ROUND_EACH, out);
}

/* ---- mixed model -------------------------------------------------------------------------- */

YR_API yr_status yr_split_mixed(int64_t total, int64_t equal_part_num, int64_t equal_part_den,
                                const int64_t *weights, size_t n, int64_t *out)
{
    if (n == 0)
        return YR_ERR_EMPTY;
    if (weights == NULL || out == NULL)
        return YR_ERR_NULL;
    if (equal_part_den <= 0 || equal_part_num < 0 || equal_part_num > equal_part_den)
        return YR_ERR_RANGE;
    yr_u128 wsum;
    size_t npos;
    yr_status st = check_weights(weights, n, &wsum, &npos);
    if (st != YR_OK)
        return st;
    uint64_t t = yr_abs64(total);
    uint64_t g = (uint64_t)yr_gcd_u128((uint64_t)equal_part_num, (uint64_t)equal_part_den);
    uint64_t num = (uint64_t)equal_part_num / g, den = (uint64_t)equal_part_den / g;
    if (t == 0) {
        fill_zero(out, n);
        return YR_OK;
    }
    if (wsum == 0 && num != den)
        return YR_ERR_ZERO_WEIGHT;
    /* quota_i = t*num/(den*n) + t*(den-num)*w_i/(den*W) = N_i / D with
     * N_i = t*num*W + t*(den-num)*w_i*n and D = den*n*W (W taken as 1 when it is 0, which only
     * happens when num == den). */
    yr_u128 w_all = wsum == 0 ? 1 : wsum;
    yr_u128 eq_num, d, nn = (yr_u128)n;
    if (!yr_mul_u128_checked((yr_u128)t * num, w_all, &eq_num) ||
        !yr_mul_u128_checked((yr_u128)den * nn, w_all, &d))
        return YR_ERR_OVERFLOW;
    yr_u128 pop_unit = (yr_u128)t * (den - num); /* < 2^127 */
    /* Check every N_i before writing anything. The largest weight gives the largest N_i. */
    uint64_t wmax = 0;
    for (size_t i = 0; i < n; i++)
        wmax = (uint64_t)weights[i] > wmax ? (uint64_t)weights[i] : wmax;
    yr_u128 pmax;
    if (!yr_mul_u128_checked(pop_unit, (yr_u128)wmax * nn, &pmax) || pmax > YR_U128_MAX - eq_num)
        return YR_ERR_OVERFLOW;
    /* pop_unit * n may wrap only when wmax == 0, where it is multiplied by 0 */
    return settle_wide(t, total < 0, weights, n, eq_num, pop_unit * nn, d, out);
}
