/* Exact cost split and seat allocation (SPEC §1). */
#include <stdlib.h>

#include "yrkesresa/split.h"
#include "internal/apportion.h"

static const char *const method_names[YR_METHOD_COUNT] = {
    "largest_remainder",     "round_each",      "dhondt", "sainte_lague",
    "sainte_lague_modified", "huntington_hill", "adams",
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

/* Settle floors already in out[] (magnitudes) with nrem remainders: +1 to the k that rank first,
 * then apply the sign. */
static void finish_lr(yr_rem *rems, size_t nrem, uint64_t k, int negative, int64_t *out, size_t n)
{
    yr_select_top(rems, nrem, (size_t)k);
    for (size_t j = 0; j < k; j++)
        out[rems[j].idx] += 1;
    if (negative) {
        for (size_t i = 0; i < n; i++)
            out[i] = (int64_t)((uint64_t)0 - (uint64_t)out[i]);
    }
}

static void fill_zero(int64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 0;
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
    yr_rem *rems = alloc_rems(n);
    if (rems == NULL)
        return YR_ERR_NOMEM;
    uint64_t floors = 0;
    size_t nrem = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i];
        yr_u128 p = (yr_u128)t * w;
        uint64_t q;
        yr_u128 r;
        if ((p >> 64) == 0 && (wsum >> 64) == 0) {
            q = (uint64_t)p / (uint64_t)wsum;
            r = (uint64_t)p % (uint64_t)wsum;
        } else {
            q = (uint64_t)(p / wsum);
            r = p % wsum;
        }
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
} divisor_ctx;

/* 1 when party a's next unit has priority over party b's next unit. */
static int next_before(const divisor_ctx *c, size_t a, size_t b)
{
    yr_u128 wa = (uint64_t)c->weights[a], wb = (uint64_t)c->weights[b];
    if (c->method == YR_HUNTINGTON_HILL) {
        wa *= wa;
        wb *= wb;
    }
    /* w_a / d_a > w_b / d_b  <=>  w_a * d_b > w_b * d_a  (d == 0 is an infinite priority) */
    int cmp = yr_cmp_products(wa, divisor(c->method, (uint64_t)c->seats[b]), wb,
                              divisor(c->method, (uint64_t)c->seats[a]));
    if (cmp != 0)
        return cmp > 0;
    if (c->weights[a] != c->weights[b])
        return c->weights[a] > c->weights[b];
    return a < b;
}

static void sift_down(const divisor_ctx *c, size_t *heap, size_t len, size_t pos)
{
    for (;;) {
        size_t best = pos, l = 2 * pos + 1, r = l + 1;
        if (l < len && next_before(c, heap[l], heap[best]))
            best = l;
        if (r < len && next_before(c, heap[r], heap[best]))
            best = r;
        if (best == pos)
            return;
        size_t t = heap[pos];
        heap[pos] = heap[best];
        heap[best] = t;
        pos = best;
    }
}

/* Divisor methods: start from a lower bound that the final allocation is known to reach, then
 * give the remaining (at most 3 × parties) units one by one to the highest next priority.
 *
 * Every divisor d(s) used here lies in [s, s+1]. With the final cut lambda and x_i = w_i/lambda,
 * each party holds between x_i - 1 and x_i + 1 units, so sum x_i >= T - m (m = parties with a
 * positive weight) and x_i >= w_i (T - m) / W. Hence L_i = max(0, floor(w_i (T-m)/W) - 1) never
 * exceeds the final allocation and sum L_i >= T - 3m. Greedy additions from any allocation
 * below the final one reach it (the final one is the set of the T highest priorities). */
static yr_status split_divisor(int64_t total, const int64_t *weights, size_t n, yr_u128 wsum,
                               size_t npos, yr_method method, int64_t *out)
{
    uint64_t t = (uint64_t)total;
    if (npos > SIZE_MAX / sizeof(size_t))
        return YR_ERR_NOMEM;
    size_t *heap = malloc((npos ? npos : 1) * sizeof(size_t));
    if (heap == NULL)
        return YR_ERR_NOMEM;
    uint64_t base = t > npos ? t - npos : 0;
    uint64_t given = 0;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t w = (uint64_t)weights[i];
        uint64_t l = 0;
        if (w > 0) {
            uint64_t q = (uint64_t)(((yr_u128)base * w) / wsum);
            l = q > 0 ? q - 1 : 0;
            heap[len++] = i;
        }
        out[i] = (int64_t)l;
        given += l;
    }
    divisor_ctx c = {method, weights, out};
    for (size_t p = len / 2; p-- > 0;)
        sift_down(&c, heap, len, p);
    for (; given < t; given++) {
        out[heap[0]] += 1;
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

static uint64_t gcd64(uint64_t a, uint64_t b)
{
    while (b != 0) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

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
    uint64_t g = gcd64((uint64_t)equal_part_num, (uint64_t)equal_part_den);
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
    yr_rem *rems = alloc_rems(n);
    if (rems == NULL)
        return YR_ERR_NOMEM;
    uint64_t floors = 0;
    size_t nrem = 0;
    for (size_t i = 0; i < n; i++) {
        yr_u128 ni = eq_num + pop_unit * ((yr_u128)(uint64_t)weights[i] * nn);
        uint64_t q = (uint64_t)(ni / d);
        yr_u128 r = ni % d;
        out[i] = (int64_t)q;
        floors += q;
        if (r != 0) {
            rems[nrem].rem = r;
            rems[nrem].key = (uint64_t)weights[i];
            rems[nrem].idx = i;
            nrem++;
        }
    }
    finish_lr(rems, nrem, t - floors, total < 0, out, n);
    free(rems);
    return YR_OK;
}
