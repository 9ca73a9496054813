/* Divisor methods: jump and step (Pukelsheim, Proportional Representation, ch. 4), exact for
 * every int64 total and every weight sum, with per-party bounds and the tie rules.
 *
 * A unit is a party's (s+1)-th unit, with priority w / d(s). The result for a total T is the T
 * units of highest priority among the allowed ones (a party's units from minimum+1 to maximum;
 * the minimums are given first), ties by the tie rule and then the earlier party. Every
 * allocation "all allowed units above a cut" is such a result for its own sum, so:
 *
 * Jump: for a multiplier x (a cut 1/x), party i holds clamp(#{s : d(s) < w_i x}, min_i, max_i)
 * units. x is a binary fraction m / 2^k (64-bit m), so w_i x needs no division and every
 * comparison d(s) < w_i x is an exact product of at most 256 bits: nothing limits the total or
 * the weight sum. x starts at (T + offset m) / W and is corrected by the ratio of what the free
 * parties (not held at a bound) should hold to what they hold, inside a bracket of multipliers
 * known to give too few and too many units (bisection when the ratio stops halving the miss).
 *
 * Step: one unit at a time with a heap to the requested total (up, the best next units; down,
 * the worst last units). The jump misses by O(m) at worst (each party is within two units of
 * w_i x - offset), typically by about sqrt(m).
 *
 * Few units a party (T < 4 m, n >= YR_FEW_MIN_N): the units held are then far from proportional to
 * x, so the first multiplier comes from a fixed sample of the parties unless the sample agrees
 * with the first guess, the second cut of the steps comes from the sample too, and a large miss
 * is narrowed by bisection counting only the parties whose units lie between two cuts, before
 * the steps (issue 23: 10^7 parties, 10^6 units took 7 times as long as 10^9 units). */
#include <stdlib.h>

#include "internal/apportion.h"
#include "internal/divisor.h"
#include "internal/wide.h"

/* x = m / 2^k */
typedef struct fx {
    uint64_t m;
    unsigned k;
} fx;
#define FX_KMAX 255u

typedef struct dctx {
    const yr_divisor_job *job;
    int squared;           /* Huntington-Hill: divisors and priorities squared */
    const int64_t *seats;  /* the allocation being built (the caller's out) */
    int removing;          /* heap order: 0 best next unit first, 1 worst last unit first */
    int few;               /* the multipliers are found on a sample (few units a party) */
    yr_divisor_job sample; /* then: the sample's parties, copied together (sample_build) */
} dctx;

static unsigned clz128(yr_u128 a)
{
    uint64_t hi = (uint64_t)(a >> 64);
    if (hi != 0)
        return (unsigned)__builtin_clzll(hi);
    return 64 + (unsigned)__builtin_clzll((uint64_t)a);
}

/* Sign of a * 2^sh - (phi * 2^128 + plo), exactly. */
static int cmp_shl(yr_u128 a, unsigned sh, yr_u128 phi, yr_u128 plo)
{
    if (a == 0)
        return (phi | plo) != 0 ? -1 : 0;
    if (128 - clz128(a) + sh > 256)
        return 1;
    yr_u128 hi, lo;
    if (sh >= 128) {
        hi = a << (sh - 128);
        lo = 0;
    } else if (sh == 0) {
        hi = 0;
        lo = a;
    } else {
        hi = a >> (128 - sh);
        lo = a << sh;
    }
    if (hi != phi)
        return hi < phi ? -1 : 1;
    return lo < plo ? -1 : (lo > plo ? 1 : 0);
}

/* num / den / 2^extra as an fx (truncated to 64 significant bits, kept within
 * [2^-FX_KMAX, 2^64)). num, den > 0. */
static fx fx_make(yr_u128 num, yr_u128 den, int extra)
{
    unsigned sn = clz128(num);
    num <<= sn;
    int k = (int)sn + extra;
    unsigned bd = 128 - clz128(den);
    if (bd > 64) {
        den >>= bd - 64;
        k -= (int)(bd - 64);
    }
    yr_u128 q = num / den;
    while ((q >> 64) != 0) {
        q >>= 1;
        k--;
    }
    fx x;
    if (k < 0) {
        x.m = UINT64_MAX;
        x.k = 0;
    } else if (k > (int)FX_KMAX) {
        unsigned drop = (unsigned)k - FX_KMAX;
        x.m = drop >= 64 ? 1 : ((uint64_t)q >> drop ? (uint64_t)q >> drop : 1);
        x.k = FX_KMAX;
    } else {
        x.m = (uint64_t)q;
        x.k = (unsigned)k;
    }
    return x;
}

/* Sign of a - b. */
static int fx_cmp(fx a, fx b)
{
    unsigned c = a.k < b.k ? a.k : b.k;
    unsigned da = b.k - c, db = a.k - c; /* compare a.m * 2^da with b.m * 2^db; one is 0 */
    if (da >= 64)
        return 1;
    if (db >= 64)
        return -1;
    yr_u128 va = (yr_u128)a.m << da, vb = (yr_u128)b.m << db;
    return va < vb ? -1 : (va > vb ? 1 : 0);
}

/* A point strictly between lo < hi when there is one (else one of them): the middle exponent
 * while the two are orders of magnitude apart, then the arithmetic mean. */
static fx fx_mid(fx lo, fx hi)
{
    unsigned gap = lo.k > hi.k ? lo.k - hi.k : hi.k - lo.k;
    if (gap > 2) {
        fx g = {hi.m, (lo.k + hi.k) / 2};
        return g;
    }
    unsigned k = lo.k > hi.k ? lo.k : hi.k; /* both mantissas scaled to 2^-k fit 128 bits */
    return fx_make(((yr_u128)lo.m << (k - lo.k)) + ((yr_u128)hi.m << (k - hi.k)), 2, (int)k);
}

/* ---- units and priorities ---------------------------------------------------------------- */

/* The divisor of a party's unit s+1 as dn / dd (Huntington-Hill: its square s(s+1)). Every value
 * stays below 2^128 for s < 2^63. */
static void divisor_of(const yr_divisor_job *j, uint64_t s, yr_u128 *dn, yr_u128 *dd)
{
    yr_u128 v = s;
    *dd = 1;
    switch (j->method) {
    case YR_DHONDT:
        *dn = v + 1;
        return;
    case YR_SAINTE_LAGUE:
    case YR_SAINTE_LAGUE_MODIFIED: /* (2s+1)/2, the first fd/2 */
        *dn = s == 0 ? (yr_u128)j->fd_num : 2 * v + 1;
        *dd = s == 0 ? 2 * (yr_u128)j->fd_den : 2;
        return;
    case YR_HUNTINGTON_HILL:
        *dn = v * (v + 1);
        return;
    case YR_DEAN: /* 2s(s+1) / (2s+1) */
        *dn = 2 * v * (v + 1);
        *dd = 2 * v + 1;
        return;
    default: /* Adams */
        *dn = v;
        return;
    }
}

/* Priority of the unit s+1 of a party of weight w as pn / pd (pd == 0: infinite). */
static void priority(const dctx *c, uint64_t w, uint64_t s, yr_u128 *pn, yr_u128 *pd)
{
    yr_u128 dd;
    divisor_of(c->job, s, pd, &dd);
    *pn = c->squared ? (yr_u128)w * w : (yr_u128)w * dd;
}

static int prio_cmp(yr_u128 an, yr_u128 ad, yr_u128 bn, yr_u128 bd)
{
    return yr_cmp_products(an, bd, bn, ad);
}

/* Rank of party a's unit sa+1 against party b's unit sb+1: priority, then the tie rule on the
 * weights, then the earlier party; never 0 for a != b. */
static int unit_cmp(const dctx *c, size_t a, uint64_t sa, size_t b, uint64_t sb)
{
    uint64_t wa = (uint64_t)c->job->weights[a], wb = (uint64_t)c->job->weights[b];
    yr_u128 an, ad, bn, bd;
    priority(c, wa, sa, &an, &ad);
    priority(c, wb, sb, &bn, &bd);
    int cmp = prio_cmp(an, ad, bn, bd);
    if (cmp != 0)
        return cmp;
    if (wa != wb)
        return (wa > wb) != (c->job->smaller_wins != 0) ? 1 : -1;
    return a < b ? 1 : (a > b ? -1 : 0);
}

/* 1 when the unit s+1 lies above the cut of x: d(s) < w x. */
static int above_cut(const dctx *c, uint64_t w, uint64_t s, fx x)
{
    yr_u128 pn, pd, hi, lo;
    priority(c, w, s, &pn, &pd);
    if (c->squared) {
        yr_mul_u128(pn, (yr_u128)x.m * x.m, &hi, &lo);
        return cmp_shl(pd, 2 * x.k, hi, lo) < 0;
    }
    yr_mul_u128(pn, x.m, &hi, &lo);
    return cmp_shl(pd, x.k, hi, lo) < 0;
}

static uint64_t lo_of(const yr_divisor_job *j, size_t i)
{
    return j->minimum != NULL ? (uint64_t)j->minimum[i] : 0;
}

/* A party never holds more than the total; weight 0 keeps its minimum. */
static uint64_t hi_of(const yr_divisor_job *j, size_t i)
{
    if (j->weights[i] == 0)
        return lo_of(j, i);
    uint64_t h = j->maximum != NULL ? (uint64_t)j->maximum[i] : j->total;
    return h < j->total ? h : j->total;
}

/* ---- jump -------------------------------------------------------------------------------- */

/* #{s : d(s) < w x}, or any value above hi when that count is above hi, directly from
 * f = floor(w x) and the fraction r / 2^k when x.k < 128 (else -1). For s < f - 1 every divisor
 * is below y = w x and for s > f + 1 none is, so one exact test at most decides. */
static inline __attribute__((always_inline)) int
units_direct(const dctx *c, uint64_t w, fx x, uint64_t w0, uint64_t hi, yr_u128 *units)
{
    if (x.k >= 128)
        return -1;
    yr_u128 p = (yr_u128)w * x.m;
    yr_u128 f = p >> x.k, r = x.k > 0 ? p & (((yr_u128)1 << x.k) - 1) : 0;
    if (f > hi) { /* every method holds at least f - 1 units */
        *units = f;
        return 0;
    }
    yr_u128 ph, pl;
    switch (c->job->method) {
    case YR_DHONDT: /* s + 1 < y */
        *units = r != 0 ? f : (f > 0 ? f - 1 : 0);
        return 0;
    case YR_ADAMS: /* s < y */
        *units = f + (r != 0);
        return 0;
    case YR_HUNTINGTON_HILL: /* s(s+1) < y^2: every s < f, and f when f(f+1) 2^2k < p^2 */
        yr_mul_u128(p, p, &ph, &pl);
        *units = f + (cmp_shl(f * (f + 1), 2 * x.k, ph, pl) < 0);
        return 0;
    case YR_DEAN: /* 2s(s+1)/(2s+1) < y: every s < f, and f when 2f(f+1) 2^k < p(2f+1) */
        yr_mul_u128(p, 2 * f + 1, &ph, &pl);
        *units = f + (cmp_shl(2 * f * (f + 1), x.k, ph, pl) < 0);
        return 0;
    default: { /* Sainte-Laguë: s + 1/2 < y for s >= 1 (d(0) <= 3/2 <= d(1)); the first unit is
                * above the cut from the weight w0 on */
        yr_u128 half = f + (x.k > 0 && r > ((yr_u128)1 << (x.k - 1)));
        *units = half >= 2 ? half : (yr_u128)(w >= w0);
        return 0;
    }
    }
}

/* clamp(#{s : d(s) < w x}, lo, hi): directly, or (multipliers below 2^-127) from the estimate
 * floor(w x), which is within two units, corrected by exact comparisons. */
/* Inlined into every loop over the parties (the jump, the gathering of candidates, the sample,
 * the narrowing): an out-of-line call per party costs a third more at 10^7 parties. */
static inline __attribute__((always_inline)) uint64_t units_at(const dctx *c, size_t i, fx x,
                                                               uint64_t w0)
{
    const yr_divisor_job *j = c->job;
    uint64_t w = (uint64_t)j->weights[i], lo = lo_of(j, i), hi = hi_of(j, i);
    if (lo == hi)
        return lo;
    yr_u128 u;
    if (units_direct(c, w, x, w0, hi, &u) == 0)
        return u > hi ? hi : (u < lo ? lo : (uint64_t)u);
    yr_u128 p = (yr_u128)w * x.m;
    yr_u128 f = x.k < 128 ? p >> x.k : 0;
    uint64_t s = f > hi ? hi : (uint64_t)f;
    if (s < lo)
        s = lo;
    while (s > lo && !above_cut(c, w, s - 1, x))
        s--;
    while (s < hi && above_cut(c, w, s, x))
        s++;
    return s;
}

typedef struct tally {
    yr_u128 given; /* units held */
    yr_u128 fixed; /* units held by parties at a bound (at a positive minimum or at the maximum) */
} tally;

/* The smallest weight whose first unit lies above the cut of x (2^63 when none): the first unit's
 * test is monotone in the weight, so a binary search decides it once per multiplier. */
static uint64_t first_unit_weight(const dctx *c, fx x)
{
    uint64_t lo = 0, hi = (uint64_t)1 << 63; /* above_cut fails at lo, holds at hi (or none) */
    if (!above_cut(c, hi - 1, 0, x))
        return hi;
    hi--;
    while (hi - lo > 1) {
        uint64_t mid = lo + (hi - lo) / 2;
        if (above_cut(c, mid, 0, x))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

static tally jump_to(const dctx *c, fx x, int64_t *out)
{
    const yr_divisor_job *j = c->job;
    tally t = {0, 0};
    const uint64_t w0 = first_unit_weight(c, x);
    for (size_t i = 0; i < j->n; i++) {
        uint64_t s = units_at(c, i, x, w0), lo = lo_of(j, i);
        out[i] = (int64_t)s;
        t.given += s;
        if (s == hi_of(j, i) || (s == lo && lo > 0))
            t.fixed += s;
    }
    return t;
}

/* The next multiplier to try after x gave t: the free parties' ratio, or bisection. */
static fx next_multiplier(const dctx *c, fx x, tally t, const fx *lo, const fx *hi, int halving)
{
    const yr_u128 total = c->job->total;
    if (lo != NULL && hi != NULL && !halving)
        return fx_mid(*lo, *hi);
    fx next;
    if (t.fixed < total && t.given > t.fixed) {
        /* x (T - fixed) / (given - fixed): T - fixed < 2^63 and x.m < 2^64 */
        next = fx_make((yr_u128)x.m * (uint64_t)(total - t.fixed), t.given - t.fixed, (int)x.k);
    } else if (t.given < total) {
        next = fx_make(x.m, 1, (int)x.k - 16); /* nobody free holds anything: far up */
    } else {
        next = fx_make(x.m, 1, (int)x.k + 16);
    }
    if ((lo != NULL && fx_cmp(next, *lo) <= 0) || (hi != NULL && fx_cmp(next, *hi) >= 0)) {
        if (lo != NULL && hi != NULL)
            return fx_mid(*lo, *hi);
        next = fx_make(x.m, 1, (int)x.k + (lo != NULL ? -4 : 4));
    }
    return next;
}

/* ---- the first multiplier when units are few --------------------------------------------- */

/* With about one unit a party or fewer, the units held are far from proportional to the
 * multiplier (most parties hold 0 or 1), so the first guess (T + offset m) / W can miss by all the
 * units and each correction costs a pass over every party. The search then starts from the
 * multiplier at which a fixed sample of S parties (every (n / S)-th, copied together) holds its
 * share of the total, found by bisection on the sample alone (to 2^-12: the sample's own noise is
 * coarser), unless the sample agrees with the first guess within its own noise: the full pass
 * that follows misses by about n sqrt(p / S) units (p: units a party), and the search goes on
 * from there as before. Only where the result is found changes: it is the same allocation either
 * way. S = n / 32, at most 16384: a bisection step on the sample costs about a tenth of a pass
 * over all the parties (a sample of 16384 on 10^5 parties made the search slower than none). */
#define YR_FEW_MIN_N 65536u
#define YR_SAMPLE_MAX 16384u

static size_t sample_size(size_t n)
{
    return n / 32 < YR_SAMPLE_MAX ? n / 32 : YR_SAMPLE_MAX;
}

/* The parties at[0..len) (at NULL: the sample, the parties k n / len) as a job of their
 * own in one new buffer, returned (NULL when there is no memory): weights, minimums, maximums
 * and, when seats is not NULL, their seats (at buffer + 3 len). Loops over a few parties spread
 * across a large input then read them in order instead of missing the cache once a party. */
static int64_t *compact(const yr_divisor_job *j, const size_t *at, size_t len, const int64_t *seats,
                        yr_divisor_job *sub)
{
    if (len > SIZE_MAX / (4 * sizeof(int64_t)))
        return NULL;
    int64_t *b = malloc((len > 0 ? 4 * len : 1) * sizeof *b);
    if (b == NULL)
        return NULL;
    for (size_t k = 0; k < len; k++) {
        size_t i = at != NULL ? at[k] : (size_t)((yr_u128)k * j->n / len);
        b[k] = j->weights[i];
        b[len + k] = j->minimum != NULL ? j->minimum[i] : 0;
        b[2 * len + k] = j->maximum != NULL ? j->maximum[i] : 0;
        b[3 * len + k] = seats != NULL ? seats[i] : 0;
    }
    *sub = *j;
    sub->weights = b;
    sub->minimum = j->minimum != NULL ? b + len : NULL;
    sub->maximum = j->maximum != NULL ? b + 2 * len : NULL;
    sub->n = len;
    return b;
}

/* The sample's parties as c->sample (compact); 0 when there is no memory (then no sample). */
static int sample_build(dctx *c)
{
    return compact(c->job, NULL, sample_size(c->job->n), NULL, &c->sample) != NULL;
}

/* The units held at x by the sample. */
static yr_u128 sample_units(const dctx *c, fx x)
{
    dctx sc = *c;
    sc.job = &c->sample;
    const uint64_t w0 = first_unit_weight(&sc, x);
    yr_u128 held = 0;
    for (size_t s = 0; s < c->sample.n; s++)
        held += units_at(&sc, s, x, w0);
    return held;
}

/* Sign of (units held by the sample at x) * n - goal. */
static int sample_cmp(const dctx *c, fx x, yr_u128 goal)
{
    return yr_cmp_products(sample_units(c, x), c->job->n, goal, 1);
}

/* 1 when the sample holds its share of the total at x within three standard deviations of its
 * count (|held n - T S| <= 3 sqrt(held) n): then the sample cannot tell x is wrong, and the first
 * guess, which has no sampling error, is kept (Sainte-Laguë with about one unit a party misses by
 * a few hundred units there; a multiplier from the sample by tens of thousands). */
static int sample_agrees(const dctx *c, fx x)
{
    const yr_u128 n = c->job->n, goal = c->job->total * c->sample.n;
    yr_u128 held = sample_units(c, x), at, nine;
    if (!yr_mul_u128_checked(held, n, &at) ||
        !yr_mul_u128_checked(9 * (held > 0 ? held : 1), n, &nine))
        return 0;
    yr_u128 miss = at > goal ? at - goal : goal - at;
    return yr_cmp_products(miss, miss, nine, n) <= 0;
}

/* A multiplier, from x, at which the sample's units times n reach goal (within 2^-24), when the
 * goal is between what the multipliers 2^-FX_KMAX and 2^64 give; else the nearer of the two.
 * Searching up (the sample holds less than the goal at x) it is a multiplier where the sample
 * holds at least the goal, searching down one where it holds at most the goal: past the goal,
 * seen from x. */
static fx sample_multiplier(const dctx *c, fx x, yr_u128 goal)
{
    int cmp = sample_cmp(c, x, goal);
    fx lo = x, hi = x;
    /* a bracket: 16 times up or down until the sample's side changes (or x cannot move) */
    for (int i = 0; i < 64 && cmp != 0; i++) {
        fx next = fx_make(x.m, 1, (int)x.k + (cmp < 0 ? -4 : 4));
        if (fx_cmp(next, x) == 0)
            return x;
        int side = sample_cmp(c, next, goal);
        if (side == 0)
            return next;
        if ((side < 0) != (cmp < 0)) {
            lo = cmp < 0 ? x : next;
            hi = cmp < 0 ? next : x;
            break;
        }
        x = next;
    }
    if (cmp == 0 || fx_cmp(lo, hi) == 0)
        return x;
    for (int i = 0; i < 96; i++) {
        fx mid = fx_mid(lo, hi);
        if (fx_cmp(mid, lo) == 0 || fx_cmp(mid, hi) == 0)
            break;
        int side = sample_cmp(c, mid, goal);
        if (side == 0)
            return mid;
        if (side < 0)
            lo = mid;
        else
            hi = mid;
        if (lo.k == hi.k && hi.m - lo.m <= hi.m >> 12)
            break;
    }
    return cmp > 0 ? lo : hi;
}

/* Jump to an allocation "every allowed unit above a cut" within the slack of the total when
 * possible; out[] holds it, the return value is its sum. */
static yr_u128 jump(dctx *c, int64_t *out, fx *cut)
{
    const yr_divisor_job *j = c->job;
    yr_u128 wsum = 0, npos = 0, total = j->total;
    for (size_t i = 0; i < j->n; i++) {
        wsum += (uint64_t)j->weights[i];
        npos += j->weights[i] > 0;
    }
    /* x = (T + offset m) / W with the method's divisor offset: d(s) ~ s + 1/2 + offset */
    yr_u128 num = 2 * total;
    if (j->method == YR_DHONDT)
        num += npos;
    else if (j->method == YR_ADAMS)
        num = num > npos ? num - npos : 1;
    fx x = fx_make(num > 0 ? num : 1, 2 * wsum, 0);
    c->few = !j->no_sample && j->n >= YR_FEW_MIN_N && total < 4 * npos && sample_build(c);
    if (c->few && !sample_agrees(c, x))
        x = sample_multiplier(c, x, total * c->sample.n);
    fx lo = x, hi = x;
    int have_lo = 0, have_hi = 0;
    const yr_u128 slack = j->tight ? 0 : (npos / 64 > 1024 ? npos / 64 : 1024);
    tally t = jump_to(c, x, out);
    yr_u128 prev_miss = ~(yr_u128)0;
    for (int round = 0; round < 96; round++) {
        yr_u128 miss = t.given > total ? t.given - total : total - t.given;
        if (miss <= slack)
            break;
        if (t.given < total) {
            lo = x;
            have_lo = 1;
        } else {
            hi = x;
            have_hi = 1;
        }
        fx next = next_multiplier(c, x, t, have_lo ? &lo : NULL, have_hi ? &hi : NULL,
                                  miss <= prev_miss / 2);
        if (fx_cmp(next, x) == 0 || (have_lo && fx_cmp(next, lo) == 0) ||
            (have_hi && fx_cmp(next, hi) == 0))
            break;
        prev_miss = miss;
        x = next;
        t = jump_to(c, x, out);
    }
    *cut = x;
    return t.given;
}

/* ---- step -------------------------------------------------------------------------------- */

static int heap_before(const dctx *c, size_t a, size_t b)
{
    uint64_t sa = (uint64_t)c->seats[a], sb = (uint64_t)c->seats[b];
    if (!c->removing)
        return unit_cmp(c, a, sa, b, sb) > 0;
    return unit_cmp(c, a, sa - 1, b, sb - 1) < 0;
}

static void sift_down(const dctx *c, size_t *heap, size_t len, size_t pos)
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

/* The parties that can take part in the steps, into heap[]; their number. Adding: a party's
 * next unit (below its maximum); removing: its last unit (above its minimum). With a cut x2
 * (not NULL) only the units beyond it: when adding, the units above x2 (> x); when removing,
 * the held units not above x2 (< x). A party holding s units (lo <= s <= hi) has its unit s+1
 * above x2 when it would hold more than s at x2, and its unit s not above x2 when it would hold
 * fewer than s. */
static size_t gather(const dctx *c, const fx *x2, size_t *heap)
{
    const yr_divisor_job *j = c->job;
    size_t len = 0;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t s = (uint64_t)c->seats[i], w = (uint64_t)j->weights[i];
        if (w == 0 || (c->removing ? s <= lo_of(j, i) : s >= hi_of(j, i)))
            continue;
        if (x2 == NULL || above_cut(c, w, c->removing ? s - 1 : s, *x2) != c->removing)
            heap[len++] = i;
    }
    return len;
}

/* A second cut past x (toward more units when adding, fewer when removing) by `spread` units:
 * x (T +- spread) / T, or when units are few (c->few) the multiplier at which the sample holds
 * spread units more or less than at x. 0 when there is none (it would be below 0 or beyond reach),
 * else 1 and *x2. */
static int cut_beyond(const dctx *c, fx x, yr_u128 spread, fx *x2)
{
    const yr_u128 total = c->job->total;
    if (c->removing ? spread >= total : spread >> 64 != 0)
        return 0;
    if (!c->few) {
        yr_u128 num = c->removing ? total - spread : total + spread;
        if (num >> 64 != 0)
            return 0;
        *x2 = fx_make((yr_u128)x.m * (uint64_t)num, total, (int)x.k);
        return 1;
    }
    yr_u128 at_x, d, goal;
    if (!yr_mul_u128_checked(sample_units(c, x), c->job->n, &at_x) ||
        !yr_mul_u128_checked(spread, c->sample.n, &d))
        return 0;
    /* at least 4 of the sample's units: below that the sample cannot see the spread */
    d = d < 4 * (yr_u128)c->job->n ? 4 * (yr_u128)c->job->n : d;
    if ((c->removing && d > at_x) || (!c->removing && d > YR_U128_MAX - at_x))
        return 0;
    goal = c->removing ? at_x - d : at_x + d;
    *x2 = sample_multiplier(c, x, goal);
    return c->removing ? fx_cmp(*x2, x) < 0 : fx_cmp(*x2, x) > 0;
}

/* The heap's parties for a miss of `miss` units from the cut x (NULL: none known). When at least
 * `miss` parties have a unit beyond a second cut x2 past x, the steps stay among those units
 * (every unit beyond x2 ranks before, or when removing after, every other), so only those
 * parties enter the heap and *x2 is that cut (*found 1); x2 widens until they are enough, else
 * every party enters (*found 0). */
static size_t candidates(const dctx *c, const fx *x, yr_u128 miss, size_t *heap, fx *x2, int *found)
{
    *found = 0;
    for (int attempt = 0; x != NULL && attempt < 6 && c->job->total > 0; attempt++) {
        if (!cut_beyond(c, *x, (2 * miss + 64) << (3 * attempt), x2)) {
            if (c->few)
                continue;
            break;
        }
        size_t len = gather(c, x2, heap);
        if (len >= miss) {
            *found = 1;
            return len;
        }
    }
    return gather(c, NULL, heap);
}

/* Below this miss the steps go one unit at a time; above it the cut is first narrowed. */
#define YR_NARROW_MISS 256u

/* The sum of the allocation at x when only the parties 0..len of the (compact) c can differ from
 * their seats. */
static yr_u128 count_at(const dctx *c, size_t len, fx x, yr_u128 given)
{
    const uint64_t w0 = first_unit_weight(c, x);
    for (size_t k = 0; k < len; k++) {
        uint64_t u = units_at(c, k, x, w0), s = (uint64_t)c->seats[k];
        given = u >= s ? given + (u - s) : given - (s - u);
    }
    return given;
}

/* Bisect between the cuts x and x2 on the compact parties of sc (len of them), given the sum
 * at x: the cut nearest the total on x's side found while the miss is above YR_NARROW_MISS, and
 * the sum there (*at). */
static fx narrow_cut(const dctx *sc, size_t len, fx x, fx x2, yr_u128 given, yr_u128 *at)
{
    const yr_u128 total = sc->job->total;
    fx near = x, far = x2;
    yr_u128 at_near = given;
    for (int i = 0; i < 128; i++) {
        yr_u128 miss = at_near > total ? at_near - total : total - at_near;
        fx mid = fx_mid(near, far);
        if (miss <= YR_NARROW_MISS || fx_cmp(mid, near) == 0 || fx_cmp(mid, far) == 0)
            break;
        yr_u128 at_mid = count_at(sc, len, mid, given);
        if (sc->removing ? at_mid >= total : at_mid <= total) {
            near = mid;
            at_near = at_mid;
        } else {
            far = mid;
        }
    }
    *at = at_near;
    return near;
}

/* Every unit between the cuts x and x2 belongs to a party of cand[0..len), and the allocation at
 * x2 is past the total: bisect between the two counting on those parties only (copied together),
 * to a cut whose allocation is on x's side of the total by at most YR_NARROW_MISS units (or as
 * near as the cuts can split). Writes that allocation into out[] (the candidates only); returns
 * its sum (given when there is no memory to narrow). Then keeps in cand[] only the parties that
 * can still step; *len is their number. */
static yr_u128 narrow(const dctx *c, size_t *cand, size_t *len, fx x, fx x2, yr_u128 given,
                      int64_t *out)
{
    const yr_divisor_job *j = c->job;
    yr_divisor_job sub;
    int64_t *b = compact(j, cand, *len, c->seats, &sub);
    if (b != NULL) {
        dctx sc = *c;
        sc.job = &sub;
        sc.seats = b + 3 * *len;
        yr_u128 at;
        fx near = narrow_cut(&sc, *len, x, x2, given, &at);
        if (fx_cmp(near, x) != 0) {
            const uint64_t w0 = first_unit_weight(&sc, near);
            for (size_t k = 0; k < *len; k++)
                out[cand[k]] = (int64_t)units_at(&sc, k, near, w0);
        }
        free(b);
        given = at;
    }
    size_t keep = 0;
    for (size_t k = 0; k < *len; k++) {
        uint64_t s = (uint64_t)out[cand[k]];
        if (c->removing ? s > lo_of(j, cand[k]) : s < hi_of(j, cand[k]))
            cand[keep++] = cand[k];
    }
    *len = keep;
    return given;
}

/* From an allocation "all allowed units above the cut x" summing to given, one unit at a time to
 * the total (after narrowing the cut when the miss is large). heap has room for n entries. */
static void step(dctx *c, size_t *heap, yr_u128 given, const fx *x, int64_t *out)
{
    const yr_divisor_job *j = c->job;
    const yr_u128 total = j->total;
    if (given == total)
        return;
    c->removing = given > total;
    fx x2;
    int found;
    yr_u128 miss = c->removing ? given - total : total - given;
    size_t len = candidates(c, x, miss, heap, &x2, &found);
    if (found && miss > YR_NARROW_MISS)
        given = narrow(c, heap, &len, *x, x2, given, out);
    for (size_t p = len / 2; p-- > 0;)
        sift_down(c, heap, len, p);
    for (; given != total && len > 0;) {
        size_t top = heap[0];
        if (c->removing) {
            out[top]--;
            given--;
        } else {
            out[top]++;
            given++;
        }
        uint64_t s = (uint64_t)out[top];
        if (s == (c->removing ? lo_of(j, top) : hi_of(j, top)))
            heap[0] = heap[--len];
        sift_down(c, heap, len, 0);
    }
}

/* ---- ties and the first units ------------------------------------------------------------ */

/* Among the parties that hold a unit above their minimum (held) or could take one more (open):
 * the first party whose last held unit has the lowest priority (held) or whose next unit has the
 * highest (open). */
static void extreme_units(const dctx *c, const int64_t *out, size_t *held, size_t *open)
{
    const yr_divisor_job *j = c->job;
    yr_u128 hn = 0, hd = 1, on = 0, od = 1;
    *held = *open = YR_WHERE_NONE;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t w = (uint64_t)j->weights[i], s = (uint64_t)out[i];
        yr_u128 pn, pd;
        if (w == 0)
            continue;
        if (s > lo_of(j, i)) {
            priority(c, w, s - 1, &pn, &pd);
            if (*held == YR_WHERE_NONE || prio_cmp(pn, pd, hn, hd) < 0) {
                *held = i;
                hn = pn;
                hd = pd;
            }
        }
        if (s < hi_of(j, i)) {
            priority(c, w, s, &pn, &pd);
            if (*open == YR_WHERE_NONE || prio_cmp(pn, pd, on, od) > 0) {
                *open = i;
                on = pn;
                od = pd;
            }
        }
    }
}

/* YR_WHERE_NONE, or the first party among those tied for the last unit given: the lowest held
 * unit and the best open unit have equal priority and are not the same party's. */
static size_t find_tie(const dctx *c, const int64_t *out)
{
    const yr_divisor_job *j = c->job;
    size_t held, open;
    extreme_units(c, out, &held, &open);
    if (held == YR_WHERE_NONE || open == YR_WHERE_NONE)
        return YR_WHERE_NONE;
    yr_u128 vn, vd, pn, pd;
    priority(c, (uint64_t)j->weights[held], (uint64_t)out[held] - 1, &vn, &vd);
    priority(c, (uint64_t)j->weights[open], (uint64_t)out[open], &pn, &pd);
    if (prio_cmp(vn, vd, pn, pd) != 0)
        return YR_WHERE_NONE;
    size_t nheld = 0, nopen = 0, first = YR_WHERE_NONE, last_held = 0, last_open = 0;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t w = (uint64_t)j->weights[i], s = (uint64_t)out[i];
        if (w == 0)
            continue;
        int tied = 0;
        if (s > lo_of(j, i)) {
            priority(c, w, s - 1, &pn, &pd);
            if (prio_cmp(pn, pd, vn, vd) == 0) {
                nheld++;
                last_held = i;
                tied = 1;
            }
        }
        if (s < hi_of(j, i)) {
            priority(c, w, s, &pn, &pd);
            if (prio_cmp(pn, pd, vn, vd) == 0) {
                nopen++;
                last_open = i;
                tied = 1;
            }
        }
        if (tied && first == YR_WHERE_NONE)
            first = i;
    }
    if (nheld == 1 && nopen == 1 && last_held == last_open)
        return YR_WHERE_NONE;
    return first;
}

static int zero_first_divisor(const yr_divisor_job *j)
{
    yr_u128 dn, dd;
    divisor_of(j, 0, &dn, &dd);
    return dn == 0;
}

/* No bounds, a first divisor 0 and fewer units than positive weights: every first unit has an
 * infinite priority, so the t units go to t parties by the tie rule alone (the heaviest, or the
 * lightest; then the earlier). The t-th key (weight, flipped when the smaller wins) is found
 * without copying every key: the keys are counted in 2^YR_FU_HBITS buckets between the smallest
 * and the largest, and only the bucket that holds the t-th is gathered and searched. O(n);
 * keys has room for n entries (the worst case, when every key falls in one bucket). */
#define YR_FU_HBITS 11

static void first_units(const yr_divisor_job *j, uint64_t *keys, int64_t *out)
{
    const uint64_t flip = j->smaller_wins ? UINT64_MAX : 0;
    uint64_t kmin = UINT64_MAX, kmax = 0;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t key = (uint64_t)j->weights[i] ^ flip;
        if (j->weights[i] > 0) {
            kmin = key < kmin ? key : kmin;
            kmax = key > kmax ? key : kmax;
        }
    }
    unsigned shift = 0;
    while (((kmax - kmin) >> shift) >> YR_FU_HBITS != 0)
        shift++;
    size_t hist[(size_t)1 << YR_FU_HBITS] = {0};
    for (size_t i = 0; i < j->n; i++) {
        if (j->weights[i] > 0)
            hist[(((uint64_t)j->weights[i] ^ flip) - kmin) >> shift]++;
    }
    size_t need = (size_t)j->total, above = 0, b = (size_t)1 << YR_FU_HBITS;
    while (b-- > 0 && above + hist[b] < need)
        above += hist[b];
    size_t len = 0;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t key = (uint64_t)j->weights[i] ^ flip;
        if (j->weights[i] > 0 && (key - kmin) >> shift == b)
            keys[len++] = key;
    }
    const uint64_t v = yr_kth_largest_u64(keys, len, need - above);
    size_t better = above;
    for (size_t k = 0; k < len; k++)
        better += keys[k] > v;
    size_t equal_left = need - better;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t key = (uint64_t)j->weights[i] ^ flip;
        int64_t s = j->weights[i] > 0 && key > v;
        if (j->weights[i] > 0 && key == v && equal_left > 0) {
            s = 1;
            equal_left--;
        }
        out[i] = s;
    }
}

/* The allocation at a vanishing multiplier: the minimums, and one unit for every party whose
 * first divisor is 0 (when its bounds allow); its sum. */
static yr_u128 start_low(const yr_divisor_job *j, int zero_first, int64_t *out)
{
    yr_u128 sum = 0;
    for (size_t i = 0; i < j->n; i++) {
        uint64_t s = lo_of(j, i);
        if (zero_first && s == 0 && hi_of(j, i) > 0)
            s = 1;
        out[i] = (int64_t)s;
        sum += s;
    }
    return sum;
}

yr_status yr_divisor_split(const yr_divisor_job *job, int64_t *out, size_t *tie_party)
{
    /* one scratch array: the heap (size_t) or first_units' keys (uint64_t) */
    const size_t n = job->n,
                 cell = sizeof(size_t) > sizeof(uint64_t) ? sizeof(size_t) : sizeof(uint64_t);
    if (n > SIZE_MAX / cell)
        return YR_ERR_NOMEM;
    size_t *heap = malloc(n > 0 ? n * cell : cell);
    if (heap == NULL)
        return YR_ERR_NOMEM;
    dctx c = {job, job->method == YR_HUNTINGTON_HILL, out, 0, 0, *job};
    c.sample.weights = NULL;
    const int zero_first = zero_first_divisor(job);
    yr_u128 given = start_low(job, 0, out);
    if (given < job->total && zero_first)
        given = start_low(job, 1, out);
    fx cut;
    const fx *have_cut = NULL;
    if (given < job->total) {
        given = jump(&c, out, &cut);
        have_cut = &cut;
    } else if (given > job->total && zero_first && job->minimum == NULL && job->maximum == NULL) {
        first_units(job, (uint64_t *)heap, out);
        given = job->total;
    }
    step(&c, heap, given, have_cut, out);
    free(heap);
    free((void *)c.sample.weights); /* sample_build's buffer, or NULL */
    if (tie_party != NULL)
        *tie_party = find_tie(&c, out);
    return YR_OK;
}
