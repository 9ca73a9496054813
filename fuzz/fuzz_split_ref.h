/* Reference checks of a split result, shared by fuzz_split.c and fuzz_split_with.c: exact
 * arithmetic written here (not the library's helpers), with the options of yr_split_with (tie
 * rule, per-party bounds, first divisor). Header-only, fuzz-only. */
#ifndef YR_FUZZ_SPLIT_REF_H
#define YR_FUZZ_SPLIT_REF_H

#include "fuzz_common.h"
#include "yrkesresa.h"

/* What the reference needs of yr_split_options (defaults: all zero). */
typedef struct fz_opts {
    int smaller;              /* ties to the smaller weight (else the larger) */
    const int64_t *min, *max; /* per-party bounds or NULL */
    int64_t fd_num, fd_den;   /* first divisor (Sainte-Laguë methods), fd_den 0: the default */
} fz_opts;

/* Whether the boundary between the units given and not given is an exact tie. */
typedef struct fz_tie {
    int tied;  /* the worst unit given and the best not given have the same priority */
    int split; /* ... and they do not all belong to one party */
} fz_tie;

static inline int fz_is_divisor_method(unsigned m)
{
    return m >= YR_DHONDT && m < YR_METHOD_COUNT;
}

/* A unit slot: party idx's unit number s+1, priority wp/d (d == 0: infinite; w > 0). */
typedef struct fz_slot {
    fz_u128 wp, d;
    uint64_t w;
    size_t idx;
} fz_slot;

/* Party i's slot for its unit s+1, on a scale common to all parties (SPEC §1): divisors 1, 2, 3;
 * 1, 3, 5 (first divisor num/den: everything times den); 1.2, 3, 5 (times 5); sqrt(s(s+1))
 * squared (weights squared to match); s; Dean 2s(s+1)/(2s+1) (w(2s+1) over 2s(s+1)). */
FZ_NOCOV static inline fz_slot fz_slot_of(unsigned m, uint64_t w, size_t i, uint64_t s,
                                          const fz_opts *o)
{
    fz_u128 S = s;
    fz_slot r = {w, S + 1, w, i};
    int64_t fn = o->fd_num, fd = o->fd_den;
    if (m == YR_SAINTE_LAGUE_MODIFIED && fd == 0)
        fn = 6, fd = 5;
    if ((m == YR_SAINTE_LAGUE || m == YR_SAINTE_LAGUE_MODIFIED) && fd != 0)
        r.d = s == 0 ? (fz_u128)fn : (2 * S + 1) * (uint64_t)fd;
    else if (m == YR_SAINTE_LAGUE)
        r.d = 2 * S + 1;
    else if (m == YR_HUNTINGTON_HILL)
        r.wp = (fz_u128)w * w, r.d = S * (S + 1);
    else if (m == YR_ADAMS)
        r.d = S;
    else if (m == YR_DEAN)
        r.wp = (fz_u128)w * (2 * S + 1), r.d = 2 * S * (S + 1);
    return r;
}

/* Compare the priorities of a and b exactly: >0 when a's is higher. */
FZ_NOCOV static inline int fz_slot_cmp(const fz_slot *a, const fz_slot *b)
{
    fz_u128 l128, r128;
    if (!__builtin_mul_overflow(a->wp, b->d, &l128) && !__builtin_mul_overflow(b->wp, a->d, &r128))
        return l128 == r128 ? 0 : l128 > r128 ? 1 : -1;
    bn x, y, l, r;
    bn_set(&x, a->wp);
    bn_set(&y, b->d);
    bn_mul(&l, &x, &y);
    bn_set(&x, b->wp);
    bn_set(&y, a->d);
    bn_mul(&r, &x, &y);
    return bn_cmp(&l, &r);
}

/* 1 when a ranks before b: higher priority, then the tie rule's weight, then earlier party. */
FZ_NOCOV static inline int fz_slot_before(const fz_slot *a, const fz_slot *b, int smaller)
{
    int c = fz_slot_cmp(a, b);
    if (c != 0)
        return c > 0;
    if (a->w != b->w)
        return smaller ? a->w < b->w : a->w > b->w;
    return a->idx < b->idx;
}

/* A divisor method's result: bounds kept, weight 0 keeps its minimum, the rows add to total, and
 * no unit given (above a minimum) ranks after a unit not given (below a maximum). */
FZ_NOCOV static inline fz_tie fz_check_divisor(unsigned m, int64_t total, const int64_t *w,
                                               size_t n, const int64_t *out, const fz_opts *o)
{
    fz_u128 sum = 0;
    int have_given = 0, have_next = 0;
    fz_slot worst = {0, 0, 0, 0}, best = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        int64_t lo = o->min ? o->min[i] : 0;
        FZ_CHECK(out[i] >= lo && (o->max == NULL || out[i] <= o->max[i]));
        sum += (uint64_t)out[i];
        uint64_t wi = (uint64_t)w[i], s = (uint64_t)out[i];
        if (wi == 0) {
            FZ_CHECK(out[i] == lo);
            continue;
        }
        fz_slot next = fz_slot_of(m, wi, i, s, o);
        if ((o->max == NULL || out[i] < o->max[i]) &&
            (!have_next || fz_slot_before(&next, &best, o->smaller))) {
            best = next;
            have_next = 1;
        }
        fz_slot given = fz_slot_of(m, wi, i, s - 1, o);
        if (out[i] > lo && (!have_given || fz_slot_before(&worst, &given, o->smaller))) {
            worst = given;
            have_given = 1;
        }
    }
    FZ_CHECK(sum == (uint64_t)total);
    fz_tie tie = {0, 0};
    if (have_given && have_next) {
        /* one party's own units come in order, even at equal priority (first divisor 3) */
        tie.tied = fz_slot_cmp(&worst, &best) == 0;
        FZ_CHECK(fz_slot_before(&worst, &best, o->smaller) || (tie.tied && worst.idx == best.idx));
        tie.split = tie.tied && worst.idx != best.idx;
    }
    return tie;
}

/* 1 when (r, w, i) ranks before (r2, w2, i2) for a rounding-up: larger remainder, then the tie
 * rule's weight, then the earlier party. */
FZ_NOCOV static inline int fz_rank_before(fz_u128 r, uint64_t w, size_t i, fz_u128 r2, uint64_t w2,
                                          size_t i2, int smaller)
{
    if (r != r2)
        return r > r2;
    if (w != w2)
        return smaller ? w < w2 : w > w2;
    return i < i2;
}

/* Largest remainder / round-each on magnitudes: quota t*w/W exactly in 128 bits. */
FZ_NOCOV static inline fz_tie fz_check_quota(int round_each, int64_t total, const int64_t *w,
                                             size_t n, const int64_t *out, int smaller)
{
    uint64_t t = fz_abs(total);
    fz_u128 W = 0, sum = 0, up_r = 0, down_r = 0;
    fz_tie tie = {0, 0};
    for (size_t i = 0; i < n; i++)
        W += (uint64_t)w[i];
    if (W == 0) { /* only with total 0: every row 0 */
        for (size_t i = 0; i < n; i++)
            FZ_CHECK(out[i] == 0);
        return tie;
    }
    /* worst rounded-up row and best rounded-down row with a remainder */
    int have_up = 0, have_down = 0;
    uint64_t up_w = 0, down_w = 0;
    size_t up_i = 0, down_i = 0;
    for (size_t i = 0; i < n; i++) {
        FZ_CHECK(total < 0 ? out[i] <= 0 : out[i] >= 0);
        uint64_t mag = fz_abs(out[i]), wi = (uint64_t)w[i];
        sum += mag;
        fz_u128 p = (fz_u128)t * wi, fl = p / W, r = p % W;
        if (round_each) {
            FZ_CHECK(mag == fl + (2 * r >= W ? 1 : 0));
            continue;
        }
        FZ_CHECK(mag == fl || (r != 0 && mag == fl + 1));
        if (mag == fl + 1 && (!have_up || fz_rank_before(up_r, up_w, up_i, r, wi, i, smaller))) {
            up_r = r, up_w = wi, up_i = i, have_up = 1;
        } else if (mag == fl && r != 0 &&
                   (!have_down || fz_rank_before(r, wi, i, down_r, down_w, down_i, smaller))) {
            down_r = r, down_w = wi, down_i = i, have_down = 1;
        }
    }
    if (!round_each) {
        FZ_CHECK(sum == t);
        if (have_up && have_down) {
            FZ_CHECK(fz_rank_before(up_r, up_w, up_i, down_r, down_w, down_i, smaller));
            tie.tied = tie.split = up_r == down_r;
        }
    }
    return tie;
}

#endif
