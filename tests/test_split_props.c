/* Property tests of yr_split on thousands of random inputs, against small exact references
 * written here:
 *  - largest remainder: floors by 128-bit division, then qsort of the remainders;
 *  - round-each: floor + (2 * remainder >= W);
 *  - divisor methods: the naive one-unit-at-a-time greedy, priorities compared as exact
 *    fractions by a Euclid-style comparison (no wide multiplication);
 *  - for large totals, where the greedy is too slow, the defining property of a divisor method:
 *    the weakest unit given ranks before the strongest unit not given.
 * Plus: exact sums, the quota rule, house monotonicity, permutation invariance, odd symmetry, and
 * 10^5 parties with a total of 10^15 (divisor methods must not go one unit at a time); and
 * yr_audit_split against the same references (rows from 128-bit quotas, the matching methods by
 * each method's definition), never against yr_split. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAXN 16

static const yr_method divisor_methods[] = {
    YR_DHONDT, YR_SAINTE_LAGUE, YR_SAINTE_LAGUE_MODIFIED, YR_HUNTINGTON_HILL, YR_ADAMS, YR_DEAN,
};

/* Random weights in one of several shapes: tiny (many ties and zeros), small, medium, large,
 * huge (the sum needs more than 64 bits), multiples of 2^60, and "mostly zero". */
static void random_weights(uint64_t *s, int64_t *w, size_t n, int shape)
{
    for (size_t i = 0; i < n; i++) {
        switch (shape) {
        case 0:
            w[i] = (int64_t)rand_upto(s, 3);
            break;
        case 1:
            w[i] = (int64_t)rand_upto(s, 1000);
            break;
        case 2:
            w[i] = (int64_t)rand_upto(s, UINT64_C(1) << 40);
            break;
        case 3:
            w[i] = (int64_t)(next_rand(s) >> 1); /* up to INT64_MAX */
            break;
        case 4:
            w[i] = INT64_MAX - (int64_t)rand_upto(s, 2);
            break;
        case 5: /* multiples of 2^60: the sum often needs 65+ bits, and equal remainders
                 * between different weights are common */
            w[i] = (int64_t)(1 + rand_upto(s, 6)) << 60;
            break;
        default:
            w[i] = rand_upto(s, 4) == 0 ? (int64_t)rand_upto(s, 100) : 0;
            break;
        }
    }
}

#define N_SHAPES 7

/* 1 when some weight is positive. */
static int any_positive(const int64_t *w, size_t n)
{
    int any = 0;
    for (size_t i = 0; i < n; i++)
        any |= w[i] > 0;
    return any;
}

/* A random case: 1..MAXN weights (written to w) of a random shape; returns how many. */
static size_t random_case(uint64_t *s, int64_t *w)
{
    size_t n = 1 + (size_t)rand_upto(s, MAXN - 1);
    random_weights(s, w, n, (int)rand_upto(s, N_SHAPES - 1));
    return n;
}

/* ---- exact fraction comparison ------------------------------------------------------------ */

/* Sign of a/b - c/d for b, d > 0, by comparing integer parts and then the reciprocals of the
 * fractional parts (continued fractions): no product is ever formed. */
static int cmp_frac(u128 a, u128 b, u128 c, u128 d)
{
    for (;;) {
        u128 qa = a / b, qc = c / d, ra = a % b, rc = c % d;
        if (qa != qc)
            return qa < qc ? -1 : 1;
        if (ra == 0 || rc == 0) {
            if (ra == rc)
                return 0;
            return ra == 0 ? -1 : 1;
        }
        /* sign(ra/b - rc/d) == sign(d/rc - b/ra) */
        u128 na = d, nb = rc, nc = b, nd = ra;
        a = na;
        b = nb;
        c = nc;
        d = nd;
    }
}

/* A unit's priority: the party's s-th next unit (s units held) as num/den; den == 0 is an
 * infinite priority (Adams and Huntington-Hill for the first unit). For Huntington-Hill the
 * priority is squared (w^2 / (s(s+1))), which preserves the order. */
typedef struct prio {
    u128 num, den;
} prio;

static prio priority(yr_method m, int64_t weight, uint64_t s)
{
    u128 w = (u128)(uint64_t)weight;
    prio p;
    switch (m) {
    case YR_DHONDT: /* w / (s + 1) */
        p.num = w;
        p.den = (u128)s + 1;
        break;
    case YR_SAINTE_LAGUE: /* w / (2s + 1) */
        p.num = w;
        p.den = 2 * (u128)s + 1;
        break;
    case YR_SAINTE_LAGUE_MODIFIED: /* the first divisor 1.2 = 6/5, then 3, 5, 7, ... */
        if (s == 0) {
            p.num = 5 * w;
            p.den = 6;
        } else {
            p.num = w;
            p.den = 2 * (u128)s + 1;
        }
        break;
    case YR_HUNTINGTON_HILL: /* (w / sqrt(s(s+1)))^2 */
        p.num = w * w;
        p.den = (u128)s * ((u128)s + 1);
        break;
    case YR_DEAN: /* w / (2s(s+1)/(2s+1)) */
        p.num = w * (2 * (u128)s + 1);
        p.den = 2 * (u128)s * ((u128)s + 1);
        break;
    default: /* Adams: w / s */
        p.num = w;
        p.den = s;
        break;
    }
    return p;
}

static int cmp_prio(prio x, prio y)
{
    if (x.den == 0 || y.den == 0)
        return (x.den == 0) - (y.den == 0);
    return cmp_frac(x.num, x.den, y.num, y.den);
}

/* 1 when unit (party a, priority pa) ranks before unit (party b, priority pb): higher priority,
 * then the larger weight, then the earlier party. */
static int unit_before(prio pa, const int64_t *w, size_t a, prio pb, size_t b)
{
    int c = cmp_prio(pa, pb);
    if (c != 0)
        return c > 0;
    if (w[a] != w[b])
        return w[a] > w[b];
    return a < b;
}

/* The cut of a divisor-method result out (all out[i] >= 0): among the parties with a positive
 * weight, the weakest unit given (party *weakest, priority *pw) and the strongest unit not given
 * (*strongest, *ps); n when there is none. */
static void divisor_cut(yr_method m, const int64_t *w, size_t n, const int64_t *out,
                        size_t *weakest, prio *pw, size_t *strongest, prio *ps)
{
    *weakest = *strongest = n;
    *pw = *ps = (prio){0, 1};
    for (size_t i = 0; i < n; i++) {
        if (w[i] == 0)
            continue;
        if (out[i] > 0) {
            prio p = priority(m, w[i], (uint64_t)out[i] - 1);
            if (*weakest == n || unit_before(*pw, w, *weakest, p, i)) {
                *weakest = i;
                *pw = p;
            }
        }
        prio p = priority(m, w[i], (uint64_t)out[i]);
        if (*strongest == n || unit_before(p, w, i, *ps, *strongest)) {
            *strongest = i;
            *ps = p;
        }
    }
}

/* ---- references --------------------------------------------------------------------------- */

/* Largest remainder / round-each reference. Returns the expected status; *boundary_tie set
 * when the last unit given and the first not given have equal remainders and weights. */
static yr_status ref_quota(int64_t total, const int64_t *w, size_t n, int round_each, int64_t *out,
                           int *boundary_tie)
{
    u128 W = 0;
    for (size_t i = 0; i < n; i++)
        W += (u128)(uint64_t)w[i];
    *boundary_tie = 0;
    if (W == 0) {
        if (total != 0)
            return YR_ERR_ZERO_WEIGHT;
        memset(out, 0, n * sizeof *out);
        return YR_OK;
    }
    uint64_t t = total < 0 ? (uint64_t)0 - (uint64_t)total : (uint64_t)total;
    rank_row *rows = malloc(n * sizeof *rows);
    assert_non_null(rows);
    u128 floors = 0;
    uint64_t *q = malloc(n * sizeof *q);
    assert_non_null(q);
    for (size_t i = 0; i < n; i++) {
        u128 p = (u128)t * (uint64_t)w[i];
        q[i] = (uint64_t)(p / W);
        rows[i].rem = p % W;
        rows[i].w = w[i];
        rows[i].idx = i;
        floors += q[i];
        if (round_each && 2 * rows[i].rem >= W)
            q[i]++;
    }
    if (!round_each) {
        size_t k = (size_t)(t - floors);
        qsort(rows, n, sizeof *rows, rank_cmp);
        for (size_t j = 0; j < k; j++)
            q[rows[j].idx]++;
        if (k > 0 && k < n && rows[k - 1].rem == rows[k].rem && rows[k - 1].w == rows[k].w)
            *boundary_tie = 1;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = total < 0 ? (int64_t)((uint64_t)0 - q[i]) : (int64_t)q[i];
    free(q);
    free(rows);
    return YR_OK;
}

/* Divisor reference: one unit at a time to the unit that ranks first. */
static yr_status ref_divisor(yr_method m, int64_t total, const int64_t *w, size_t n, int64_t *out,
                             int *boundary_tie)
{
    int any = any_positive(w, n);
    *boundary_tie = 0;
    if (total < 0)
        return YR_ERR_NEGATIVE;
    if (!any && total != 0)
        return YR_ERR_ZERO_WEIGHT;
    memset(out, 0, n * sizeof *out);
    for (int64_t u = 0; u < total; u++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++) {
            if (w[i] > 0 &&
                (best == n || unit_before(priority(m, w[i], (uint64_t)out[i]), w, i,
                                          priority(m, w[best], (uint64_t)out[best]), best)))
                best = i;
        }
        out[best]++;
    }
    /* boundary tie: the weakest given unit and the strongest next unit are equal in priority
     * and weight (then only the input order decides) */
    size_t weakest, strongest;
    prio pw, ps;
    divisor_cut(m, w, n, out, &weakest, &pw, &strongest, &ps);
    if (weakest != n && strongest != n && cmp_prio(pw, ps) == 0 && w[weakest] == w[strongest])
        *boundary_tie = 1;
    return YR_OK;
}

static yr_status reference(yr_method m, int64_t total, const int64_t *w, size_t n, int64_t *out,
                           int *boundary_tie)
{
    if (m == YR_LARGEST_REMAINDER || m == YR_ROUND_EACH)
        return ref_quota(total, w, n, m == YR_ROUND_EACH, out, boundary_tie);
    return ref_divisor(m, total, w, n, out, boundary_tie);
}

/* Print a failing input so it can be replayed. */
static void print_input(int64_t total, const int64_t *w, size_t n)
{
    print_error("input: total %lld, weights", (long long)total);
    for (size_t i = 0; i < n && i < 40; i++)
        print_error(" %lld", (long long)w[i]);
    print_error("%s\n", n > 40 ? " ..." : "");
}

/* The defining property of a divisor-method result, checked in O(n): every party with a
 * positive weight, the weakest unit given ranks before the strongest unit not given; parties
 * with weight 0 hold nothing; the rows add to the total. */
static void check_divisor_cut(yr_method m, int64_t total, const int64_t *w, size_t n,
                              const int64_t *out)
{
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(out[i] >= 0);
        sum += out[i];
        if (w[i] == 0)
            assert_int_equal(out[i], 0);
    }
    assert_int_equal(sum, total);
    size_t weakest, strongest;
    prio pw, ps;
    divisor_cut(m, w, n, out, &weakest, &pw, &strongest, &ps);
    if (weakest != n && strongest != n && !unit_before(pw, w, weakest, ps, strongest)) {
        if (n <= 40)
            print_input(total, w, n);
        fail_msg("%s: party %zu's last unit ranks after party %zu's next unit", yr_method_name(m),
                 weakest, strongest);
    }
}

/* ---- properties ---------------------------------------------------------------------------- */

static int64_t random_total(uint64_t *s, yr_method m, int big)
{
    if (m != YR_LARGEST_REMAINDER && m != YR_ROUND_EACH)
        return (int64_t)rand_upto(s, 120);
    switch (rand_upto(s, big ? 5 : 2)) {
    case 0:
        return (int64_t)rand_upto(s, 200);
    case 1:
        return -(int64_t)rand_upto(s, 200);
    case 2:
        return (int64_t)rand_upto(s, 1000000000);
    case 3:
        return (int64_t)(next_rand(s) >> 1);
    case 4:
        return INT64_MIN + (int64_t)rand_upto(s, 3);
    default:
        return (int64_t)next_rand(s);
    }
}

/* Every method against its reference, with the sum and the untouched guard. */
static void test_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 20230101;
    int checked = 0;
    for (int iter = 0; iter < 2500; iter++) {
        int64_t w[MAXN], got[MAXN + 1], want[MAXN];
        size_t n = random_case(&seed, w);
        for (int m = 0; m < YR_METHOD_COUNT; m++) {
            int64_t total = random_total(&seed, (yr_method)m, 1);
            int tie;
            yr_status want_st = reference((yr_method)m, total, w, n, want, &tie);
            for (size_t i = 0; i <= n; i++)
                got[i] = -42;
            yr_status st = yr_split(total, w, n, (yr_method)m, got);
            if (st != want_st)
                fail_msg("iter %d %s total %lld n %zu: status %s, reference %s", iter,
                         yr_method_name((yr_method)m), (long long)total, n, yr_status_name(st),
                         yr_status_name(want_st));
            assert_int_equal(got[n], -42);
            if (st != YR_OK) {
                for (size_t i = 0; i < n; i++)
                    assert_int_equal(got[i], -42);
                continue;
            }
            for (size_t i = 0; i < n; i++) {
                if (got[i] != want[i])
                    print_input(total, w, n);
                if (got[i] != want[i])
                    fail_msg("iter %d %s total %lld n %zu row %zu: %lld, reference %lld", iter,
                             yr_method_name((yr_method)m), (long long)total, n, i,
                             (long long)got[i], (long long)want[i]);
            }
            if (m != YR_ROUND_EACH) {
                u128 sum = 0; /* two's complement sum: exact modulo 2^128 */
                for (size_t i = 0; i < n; i++)
                    sum += (u128)(i128)got[i];
                assert_true(sum == (u128)(i128)total);
            }
            checked++;
        }
    }
    assert_true(checked > 10000);
}

/* Largest remainder: every row is the floor or the ceiling of its exact quota (the quota rule),
 * and a row with an integral quota gets exactly that. */
static void test_quota_rule(void **state)
{
    (void)state;
    uint64_t seed = 77;
    for (int iter = 0; iter < 3000; iter++) {
        int64_t w[MAXN], out[MAXN];
        size_t n = random_case(&seed, w);
        u128 W = 0;
        for (size_t i = 0; i < n; i++)
            W += (u128)w[i];
        if (W == 0)
            continue;
        int64_t total = random_total(&seed, YR_LARGEST_REMAINDER, 1);
        assert_int_equal(yr_split(total, w, n, YR_LARGEST_REMAINDER, out), YR_OK);
        uint64_t t = total < 0 ? (uint64_t)0 - (uint64_t)total : (uint64_t)total;
        for (size_t i = 0; i < n; i++) {
            u128 p = (u128)t * (uint64_t)w[i];
            uint64_t fl = (uint64_t)(p / W);
            uint64_t mag = out[i] < 0 ? (uint64_t)0 - (uint64_t)out[i] : (uint64_t)out[i];
            if (total != 0 && out[i] != 0)
                assert_true((out[i] < 0) == (total < 0));
            if (p % W == 0)
                assert_true(mag == fl);
            else
                assert_true(mag == fl || mag == fl + 1);
        }
    }
}

/* Divisor methods are house-monotone: one more unit never takes a unit from anyone. (Largest
 * remainder is not: the Alabama paradox, checked below as a contrast.) */
static void test_house_monotone(void **state)
{
    (void)state;
    uint64_t seed = 4242;
    for (int iter = 0; iter < 150; iter++) {
        int64_t w[MAXN], prev[MAXN], cur[MAXN];
        size_t n = random_case(&seed, w);
        if (!any_positive(w, n))
            continue;
        for (size_t m = 0; m < LEN(divisor_methods); m++) {
            assert_int_equal(yr_split(0, w, n, divisor_methods[m], prev), YR_OK);
            for (int64_t t = 1; t <= 100; t++) {
                assert_int_equal(yr_split(t, w, n, divisor_methods[m], cur), YR_OK);
                int64_t grew = 0;
                for (size_t i = 0; i < n; i++) {
                    assert_true(cur[i] >= prev[i]);
                    grew += cur[i] - prev[i];
                }
                assert_int_equal(grew, 1);
                memcpy(prev, cur, n * sizeof *cur);
            }
        }
    }
    /* Alabama paradox: weights 6 6 2. Total 10: quotas 4.29 4.29 1.43 -> 4 4 2. Total 11:
     * 4.71 4.71 1.57 -> floors 4 4 1, two units to the .71s -> 5 5 1: the small party loses. */
    static const int64_t w[] = {6, 6, 2};
    int64_t a[3], b[3];
    assert_int_equal(yr_split(10, w, 3, YR_LARGEST_REMAINDER, a), YR_OK);
    assert_int_equal(yr_split(11, w, 3, YR_LARGEST_REMAINDER, b), YR_OK);
    assert_int_equal(a[2], 2);
    assert_int_equal(b[2], 1);
}

static void shuffle(uint64_t *s, size_t *perm, size_t n)
{
    for (size_t i = 0; i < n; i++)
        perm[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rand_upto(s, i - 1);
        size_t t = perm[i - 1];
        perm[i - 1] = perm[j];
        perm[j] = t;
    }
}

/* Permuting the parties permutes the result, unless the last unit is decided by input order
 * alone (equal priority and equal weight at the boundary). A permutation that keeps parties of
 * equal weight in their relative order never changes the result. */
static void test_permutation_invariance(void **state)
{
    (void)state;
    uint64_t seed = 99;
    int strict = 0;
    for (int iter = 0; iter < 1500; iter++) {
        size_t n = 2 + (size_t)rand_upto(&seed, MAXN - 2);
        int64_t w[MAXN], pw[MAXN], a[MAXN], b[MAXN], ref[MAXN];
        size_t perm[MAXN];
        random_weights(&seed, w, n, (int)rand_upto(&seed, N_SHAPES - 1));
        if (!any_positive(w, n))
            continue;
        for (int m = 0; m < YR_METHOD_COUNT; m++) {
            int64_t total = random_total(&seed, (yr_method)m, 0);
            int tie;
            assert_int_equal(reference((yr_method)m, total, w, n, ref, &tie), YR_OK);
            assert_int_equal(yr_split(total, w, n, (yr_method)m, a), YR_OK);
            /* any permutation, when no input-order tie decides */
            shuffle(&seed, perm, n);
            for (size_t i = 0; i < n; i++)
                pw[i] = w[perm[i]];
            assert_int_equal(yr_split(total, pw, n, (yr_method)m, b), YR_OK);
            if (!tie) {
                strict++;
                for (size_t i = 0; i < n; i++)
                    assert_int_equal(b[i], a[perm[i]]);
            }
            /* a stable sort by weight (descending) keeps equal weights in order */
            for (size_t i = 0; i < n; i++)
                perm[i] = i;
            for (size_t i = 1; i < n; i++) {
                size_t x = perm[i], j = i;
                while (j > 0 && w[perm[j - 1]] < w[x]) {
                    perm[j] = perm[j - 1];
                    j--;
                }
                perm[j] = x;
            }
            for (size_t i = 0; i < n; i++)
                pw[i] = w[perm[i]];
            assert_int_equal(yr_split(total, pw, n, (yr_method)m, b), YR_OK);
            for (size_t i = 0; i < n; i++)
                assert_int_equal(b[i], a[perm[i]]);
        }
    }
    assert_true(strict > 5000);
}

/* Largest remainder and round-each: split(-T) == -split(T), for any T but INT64_MIN's mirror. */
static void test_odd_symmetry(void **state)
{
    (void)state;
    uint64_t seed = 31337;
    for (int iter = 0; iter < 3000; iter++) {
        int64_t w[MAXN], p[MAXN], q[MAXN];
        size_t n = random_case(&seed, w);
        int64_t total = random_total(&seed, YR_LARGEST_REMAINDER, 1);
        if (total == INT64_MIN)
            total = INT64_MAX;
        for (int m = YR_LARGEST_REMAINDER; m <= YR_ROUND_EACH; m++) {
            yr_status s1 = yr_split(total, w, n, (yr_method)m, p);
            yr_status s2 = yr_split(-total, w, n, (yr_method)m, q);
            assert_int_equal(s1, s2);
            if (s1 != YR_OK)
                continue;
            for (size_t i = 0; i < n; i++)
                assert_int_equal(q[i], -p[i]);
        }
    }
}

/* ---- large inputs ----------------------------------------------------------------------- */

static double seconds_since(clock_t start)
{
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* Every divisor method on n parties (weights 1..10^6, every 97th 0) at each total, checked by
 * the cut property. */
static void large_divisor_totals(size_t n, const int64_t *totals, size_t ntotals, int64_t *w,
                                 int64_t *out)
{
    uint64_t seed = 5;
    for (size_t i = 0; i < n; i++)
        w[i] = i % 97 == 0 ? 0 : 1 + (int64_t)rand_upto(&seed, 1000000);
    for (size_t m = 0; m < LEN(divisor_methods); m++) {
        for (size_t k = 0; k < ntotals; k++) {
            clock_t start = clock();
            assert_int_equal(yr_split(totals[k], w, n, divisor_methods[m], out), YR_OK);
            double secs = seconds_since(start);
            check_divisor_cut(divisor_methods[m], totals[k], w, n, out);
            print_message("      %-22s n=%zu total=%lld: %.3f s\n",
                          yr_method_name(divisor_methods[m]), n, (long long)totals[k], secs);
        }
    }
}

/* 10^5 parties, total 10^15: divisor methods start near the quota (a one-unit-at-a-time
 * implementation would need 10^15 steps and never finish). Checked by the cut property. Fewer
 * units than parties, or a few each, on 10^5 and 6 x 10^5 parties: a sample of n / 32 and of
 * 16384 parties starts the search. */
static void test_large_divisor(void **state)
{
    (void)state;
    enum { N = 100000, BIG = 600000 };
    int64_t *w = malloc(BIG * sizeof *w), *out = malloc(BIG * sizeof *out);
    assert_non_null(w);
    assert_non_null(out);
    const int64_t totals[] = {INT64_C(1000000000000000),
                              INT64_C(1000000000000000) + 99991,
                              N / 3,
                              INT64_MAX / 4,
                              N / 100 + 7,
                              N / 2 + 1,
                              N - 3,
                              2 * N + 5};
    large_divisor_totals(N, totals, LEN(totals), w, out);
    const int64_t few[] = {BIG / 100 + 7, BIG - 3, 3 * BIG + 1};
    large_divisor_totals(BIG, few, LEN(few), w, out);
    /* equal huge weights and a total near INT64_MAX */
    for (size_t i = 0; i < N; i++)
        w[i] = INT64_MAX - (int64_t)(i % 3);
    for (size_t m = 0; m < LEN(divisor_methods); m++) {
        assert_int_equal(yr_split(INT64_MAX, w, N, divisor_methods[m], out), YR_OK);
        check_divisor_cut(divisor_methods[m], INT64_MAX, w, N, out);
    }
    free(w);
    free(out);
}

/* Divisor methods with large random totals on small inputs, checked by the cut property. */
static void test_divisor_cut_random(void **state)
{
    (void)state;
    uint64_t seed = 123456789;
    for (int iter = 0; iter < 2000; iter++) {
        int64_t w[MAXN], out[MAXN];
        size_t n = random_case(&seed, w);
        if (!any_positive(w, n))
            continue;
        int64_t total = (int64_t)(next_rand(&seed) >> (1 + rand_upto(&seed, 62)));
        for (size_t m = 0; m < LEN(divisor_methods); m++) {
            assert_int_equal(yr_split(total, w, n, divisor_methods[m], out), YR_OK);
            check_divisor_cut(divisor_methods[m], total, w, n, out);
        }
    }
}

/* Medium totals over up to 400 parties, so that every party's number of units takes all kinds
 * of values (the divisor methods jump to a cut and then step both ways): the cut property, plus
 * the naive greedy reference when it is cheap enough. */
static void test_divisor_medium(void **state)
{
    (void)state;
    enum { NMAX = 400 };
    uint64_t seed = 271828;
    int64_t w[NMAX], out[NMAX], ref[NMAX];
    int greedy = 0;
    for (int iter = 0; iter < 1500; iter++) {
        size_t n = 1 + (size_t)rand_upto(&seed, NMAX - 1);
        int shape = (int)rand_upto(&seed, N_SHAPES - 1);
        for (size_t i = 0; i < n; i += MAXN)
            random_weights(&seed, w + i, n - i < MAXN ? n - i : MAXN, shape);
        if (!any_positive(w, n))
            continue;
        int64_t total = (int64_t)rand_upto(&seed, rand_upto(&seed, 1) ? 3000 : 500000);
        for (size_t m = 0; m < LEN(divisor_methods); m++) {
            assert_int_equal(yr_split(total, w, n, divisor_methods[m], out), YR_OK);
            check_divisor_cut(divisor_methods[m], total, w, n, out);
            if (n <= 40 && total <= 3000) {
                int tie;
                assert_int_equal(ref_divisor(divisor_methods[m], total, w, n, ref, &tie), YR_OK);
                assert_memory_equal(out, ref, n * sizeof *out);
                greedy++;
            }
        }
    }
    assert_true(greedy > 100);
}

/* Largest remainder on 10^5 parties against the sort-based reference: weights whose sum fits
 * 64 bits, weights whose sum does not, and many ties. */
static void test_large_largest_remainder(void **state)
{
    (void)state;
    enum { N = 100000 };
    int64_t *w = malloc(N * sizeof *w), *out = malloc(N * sizeof *out),
            *ref = malloc(N * sizeof *ref);
    assert_non_null(w);
    assert_non_null(out);
    assert_non_null(ref);
    uint64_t seed = 8;
    for (int shape = 0; shape < 4; shape++) {
        for (size_t i = 0; i < N; i++) {
            switch (shape) {
            case 0:
                w[i] = 1 + (int64_t)rand_upto(&seed, 1000000);
                break;
            case 1:
                w[i] = (int64_t)(next_rand(&seed) >> 1); /* sum > 2^64 */
                break;
            case 2:
                w[i] = 1 + (int64_t)(i % 7); /* many equal remainders */
                break;
            default:
                w[i] = INT64_MAX - (int64_t)(i % 2);
                break;
            }
        }
        const int64_t totals[] = {INT64_C(1000000000000000), -INT64_C(999999999999999), 12345,
                                  INT64_MIN};
        for (size_t k = 0; k < LEN(totals); k++) {
            for (int m = YR_LARGEST_REMAINDER; m <= YR_ROUND_EACH; m++) {
                int tie;
                clock_t start = clock();
                assert_int_equal(yr_split(totals[k], w, N, (yr_method)m, out), YR_OK);
                double secs = seconds_since(start);
                assert_int_equal(ref_quota(totals[k], w, N, m == YR_ROUND_EACH, ref, &tie), YR_OK);
                assert_memory_equal(out, ref, N * sizeof *out);
                if (k == 0)
                    print_message("      %-22s shape %d n=%d: %.3f s\n",
                                  yr_method_name((yr_method)m), shape, N, secs);
            }
        }
    }
    free(w);
    free(out);
    free(ref);
}

/* ---- audit --------------------------------------------------------------------------------- */

/* Whether out is method m's result for total, by the method's definition (split.h): largest
 * remainder and round-each by the reference above; a divisor method needs total >= 0, rows >= 0
 * adding to total, nothing for weight 0, and its weakest unit given ranking before its strongest
 * unit not given (the cut property of check_divisor_cut, here without asserting). */
static int is_method_result(yr_method m, int64_t total, const int64_t *w, size_t n,
                            const int64_t *out)
{
    if (m == YR_LARGEST_REMAINDER || m == YR_ROUND_EACH) {
        int64_t want[MAXN];
        int tie;
        return ref_quota(total, w, n, m == YR_ROUND_EACH, want, &tie) == YR_OK &&
               memcmp(want, out, n * sizeof *out) == 0;
    }
    if (total < 0)
        return 0;
    u128 sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (out[i] < 0 || (w[i] == 0 && out[i] != 0))
            return 0;
        sum += (u128)out[i];
    }
    if (sum != (u128)total)
        return 0;
    size_t weakest, strongest;
    prio pw, ps;
    divisor_cut(m, w, n, out, &weakest, &pw, &strongest, &ps);
    return weakest == n || strongest == n || unit_before(pw, w, weakest, ps, strongest);
}

/* The rows of an audit against the exact quotas, computed here in 128 bits: floor (towards
 * minus infinity) and remainder in [0, W), the largest-remainder reference, within_quota. */
static void check_audit_rows(int64_t total, const int64_t *w, const int64_t *pub, size_t n,
                             const yr_audit_summary *s, const yr_audit_row *rows)
{
    int64_t lr[MAXN];
    int tie;
    assert_int_equal(ref_quota(total, w, n, 0, lr, &tie), YR_OK);
    u128 den = (u128)s->quota_den;
    uint64_t t = total < 0 ? (uint64_t)0 - (uint64_t)total : (uint64_t)total;
    size_t differing = 0, outside = 0;
    for (size_t i = 0; i < n; i++) {
        u128 p = (u128)t * (uint64_t)w[i], q = p / den, r = p % den;
        i128 fl = total >= 0 ? (i128)q : -(i128)q - (r != 0);
        u128 rem = total >= 0 || r == 0 ? r : den - r;
        int within = pub[i] == fl || (rem != 0 && pub[i] == fl + 1);
        assert_true(rows[i].quota_whole == fl);
        assert_true((u128)rows[i].quota_rem == rem);
        assert_int_equal(rows[i].expected, lr[i]);
        assert_int_equal(rows[i].diff, pub[i] - lr[i]);
        assert_int_equal(rows[i].within_quota, within);
        differing += pub[i] != lr[i];
        outside += !within;
    }
    assert_int_equal(s->rows_differing, differing);
    assert_int_equal(s->rows_outside_quota, outside);
}

/* yr_audit_split against references written here, not yr_split (issue 25): every field of the
 * summary and of each row, and the matching methods by each method's definition; with small
 * totals the divisor methods' one-unit-at-a-time greedy agrees. Published tables: a method's
 * reference result, half of them with a few rows moved by up to 2 units. */
static void test_audit_against_references(void **state)
{
    (void)state;
    uint64_t seed = 25;
    int checked = 0, overflow = 0, matched[YR_METHOD_COUNT] = {0};
    for (int iter = 0; iter < 4000; iter++) {
        int64_t w[MAXN], pub[MAXN];
        size_t n = random_case(&seed, w);
        yr_method base = (yr_method)rand_below(&seed, YR_METHOD_COUNT);
        int64_t total = base >= YR_DHONDT || rand_below(&seed, 2)
                            ? (int64_t)rand_upto(&seed, 150)
                            : random_total(&seed, YR_LARGEST_REMAINDER, 0);
        u128 W = 0;
        for (size_t i = 0; i < n; i++)
            W += (u128)w[i];
        if (W > INT64_MAX) { /* refused (the weights' sum must fit); then the weights scaled down */
            yr_audit_summary s0;
            assert_int_equal(yr_audit_split(total, w, w, n, &s0, NULL), YR_ERR_OVERFLOW);
            overflow++;
            W = 0;
            for (size_t i = 0; i < n; i++)
                W += (u128)(w[i] /= (int64_t)n);
        }
        int tie;
        if (reference(base, total, w, n, pub, &tie) != YR_OK)
            continue;
        for (uint64_t k = rand_below(&seed, 2) ? 1 + rand_upto(&seed, 2) : 0; k > 0; k--)
            pub[rand_below(&seed, n)] += (int64_t)rand_upto(&seed, 4) - 2;
        i128 psum = 0;
        for (size_t i = 0; i < n; i++)
            psum += pub[i];
        yr_audit_summary s;
        yr_audit_row rows[MAXN];
        yr_status st = yr_audit_split(total, w, pub, n, &s, rows);
        assert_int_equal(st, YR_OK);
        assert_int_equal(s.stated_total, total);
        assert_true(s.quota_den == (W == 0 ? 1 : (i128)W));
        assert_true(s.published_sum == psum && s.sum_diff == psum - total);
        check_audit_rows(total, w, pub, n, &s, rows);
        unsigned want = 0;
        for (int m = 0; m < YR_METHOD_COUNT; m++) {
            int is = is_method_result((yr_method)m, total, w, n, pub);
            int64_t greedy[MAXN];
            if (m >= YR_DHONDT && total >= 0 && total <= 150 &&
                ref_divisor((yr_method)m, total, w, n, greedy, &tie) == YR_OK)
                assert_int_equal(is, memcmp(greedy, pub, n * sizeof *pub) == 0);
            want |= (unsigned)is << m;
            matched[m] += is;
        }
        if (s.methods_matching != want)
            fail_msg("iter %d total %lld n %zu: methods 0x%x, the definitions 0x%x", iter,
                     (long long)total, n, s.methods_matching, want);
        checked++;
    }
    print_message("audit: %d tables checked, %d with weights past INT64_MAX; matched:", checked,
                  overflow);
    for (int m = 0; m < YR_METHOD_COUNT; m++)
        print_message(" %s %d", yr_method_name((yr_method)m), matched[m]);
    print_message("\n");
    assert_true(checked > 3500 && overflow > 500);
    for (int m = 0; m < YR_METHOD_COUNT; m++)
        assert_true(matched[m] > 500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_reference),
        cmocka_unit_test(test_quota_rule),
        cmocka_unit_test(test_house_monotone),
        cmocka_unit_test(test_permutation_invariance),
        cmocka_unit_test(test_odd_symmetry),
        cmocka_unit_test(test_divisor_cut_random),
        cmocka_unit_test(test_divisor_medium),
        cmocka_unit_test(test_large_divisor),
        cmocka_unit_test(test_large_largest_remainder),
        cmocka_unit_test(test_audit_against_references),
    };
    return cmocka_run_group_tests_name("split_props", tests, NULL, NULL);
}
