/* The agreements' models in a table (SPEC §6): an equal part per item (yr_split_table_mixed),
 * rate items (yr_rate_item), the two together (yr_split_items) and an item's exact quota
 * (yr_item_quota). The rounding of a table is yr_split_table's (lib/table.c, through
 * internal/table_flow.h); only the quotas differ.
 *
 * Exactness. With E = t * num / den, party i's quota in an item of total t is
 *     E / n + (t - E) * w_i / W = (a + b * w_i) / d,
 *     a = t * num * W, b = t * (den - num) * n, d = den * n * W
 * (W taken as 1 when it is 0, which is allowed only for a wholly equal item, b = 0), reduced by
 * gcd(a, b, d). Every cell is a 128-bit division. A row's quota is the sum of its cells over
 * L = lcm(d_j): each cell's remainder r_j < d_j is scaled by L / d_j (< L) and carried into the
 * whole part when the sum reaches L, so only a, b * max(w) + a, d and L must fit (L <= 2^127). */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/table.h"
#include "internal/apportion.h"
#include "internal/round.h"
#include "internal/table_flow.h"
#include "internal/where.h"
#include "internal/wide.h"

/* One item's quotas (a + b * w) / d. */
typedef struct item_frac {
    yr_u128 a, b, d;
} item_frac;

/* The quotas of an item of total t >= 0 with equal part num/den (0 <= num <= den, den > 0) for
 * weights 0 .. wmax summing to wsum, n parties; 0 when an intermediate does not fit. */
static int item_frac_of(uint64_t t, uint64_t num, uint64_t den, yr_u128 wsum, size_t n,
                        uint64_t wmax, item_frac *fr)
{
    uint64_t g = (uint64_t)yr_gcd_u128(num, den);
    num /= g;
    den /= g;
    yr_u128 w = wsum == 0 ? 1 : wsum, a, b, d, top;
    if (!yr_mul_u128_checked((yr_u128)t * num, w, &a) ||
        !yr_mul_u128_checked((yr_u128)den * n, w, &d) ||
        !yr_mul_u128_checked((yr_u128)t * (den - num), n, &b) ||
        !yr_mul_u128_checked(b, wmax, &top) || top > YR_U128_MAX - a)
        return 0;
    yr_u128 h = yr_gcd_u128(yr_gcd_u128(a, b), d);
    fr->a = a / h;
    fr->b = b / h;
    fr->d = d / h;
    return 1;
}

static uint64_t max_weight(const int64_t *weights, size_t n)
{
    uint64_t wmax = 0;
    for (size_t i = 0; i < n; i++)
        wmax = (uint64_t)weights[i] > wmax ? (uint64_t)weights[i] : wmax;
    return wmax;
}

/* ---- yr_split_table_mixed ---------------------------------------------------------------- */

/* Equal part num/den of item j (arg @p arg, column j) within [0, 1]: YR_OK, else the error. */
static yr_status check_fraction(int64_t num, int64_t den, size_t j, const char *arg,
                                yr_where *where)
{
    const char *name = strcmp(arg, "equal_part") == 0 ? NULL : "equal_part";
    if (den <= 0)
        return yr_where_why(where, YR_ERR_RANGE, YR_WHERE_NONE, j, arg,
                            YR_WHY_NAMED(YR_REASON_DENOMINATOR, name, NULL, num, den));
    if (num < 0)
        return yr_where_why(where, YR_ERR_RANGE, YR_WHERE_NONE, j, arg,
                            YR_WHY_NAMED(YR_REASON_FRACTION_NEGATIVE, name, NULL, num, den));
    if (num > den)
        return yr_where_why(where, YR_ERR_RANGE, YR_WHERE_NONE, j, arg,
                            YR_WHY_NAMED(YR_REASON_ABOVE_WHOLE, name, NULL, num, den));
    return YR_OK;
}

/* The equal parts: each within [0, 1]; with all weights 0, every item with a total must be
 * wholly equal. *any: some equal part is not 0. */
static yr_status check_equal(const int64_t *totals, const int64_t *num, const int64_t *den,
                             size_t m, yr_u128 wsum, int *any, yr_where *where)
{
    *any = 0;
    for (size_t j = 0; j < m; j++) {
        yr_status st = check_fraction(num[j], den[j], j, "equal_part", where);
        if (st != YR_OK)
            return st;
        *any |= num[j] != 0;
    }
    for (size_t j = 0; j < m && wsum == 0; j++)
        if (totals[j] != 0 && num[j] != den[j])
            return yr_where_why(
                where, YR_ERR_ZERO_WEIGHT, YR_WHERE_NONE, j, "weights",
                YR_WHY(YR_REASON_MIXED_ALL_ZERO, totals[j], 0, den[j] - num[j], den[j]));
    return YR_OK;
}

/* Every item's quotas into fr[] and mult[j] = L / d_j; *lcm = L. */
static yr_status plan_items(const int64_t *totals, const int64_t *num, const int64_t *den, size_t m,
                            yr_u128 wsum, size_t n, uint64_t wmax, item_frac *fr, yr_u128 *mult,
                            yr_u128 *lcm, yr_where *where)
{
    yr_u128 l = 1;
    for (size_t j = 0; j < m; j++) {
        if (!item_frac_of((uint64_t)totals[j], (uint64_t)num[j], (uint64_t)den[j], wsum, n, wmax,
                          &fr[j]))
            return yr_where_why(where, YR_ERR_OVERFLOW, YR_WHERE_NONE, j, "totals",
                                YR_WHY_NAMED(YR_REASON_EXACT_TOO_WIDE, "total", NULL, totals[j]));
        yr_u128 q = l / yr_gcd_u128(l, fr[j].d);
        if (!yr_mul_u128_checked(q, fr[j].d, &l) || l > (YR_U128_MAX >> 1))
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "equal_part",
                                    YR_WHY_NAMED(YR_REASON_LCM_PAST, "items' quotas", NULL, 0));
    }
    for (size_t j = 0; j < m; j++)
        mult[j] = l / fr[j].d;
    *lcm = l;
    return YR_OK;
}

/* Every row's cells and row quota: the floors into out (n x m), the open cells into cell (may be
 * NULL), the units carried from each row's remainders into carry[i] (floor(Q_i) minus its cells'
 * floors) and the rows with a fractional quota into rank (remainder over L, weight, index).
 * Returns the sum of the row floors. */
static uint64_t row_quotas(const item_frac *fr, const yr_u128 *mult, yr_u128 lcm, size_t m,
                           const int64_t *weights, size_t n, int64_t *out, uint8_t *cell,
                           size_t *carry, yr_rem *rank, size_t *nrank)
{
    uint64_t all = 0;
    *nrank = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t wi = (uint64_t)weights[i];
        yr_u128 r = 0;
        carry[i] = 0;
        for (size_t j = 0; j < m; j++) {
            yr_u128 p = fr[j].a + fr[j].b * wi, cr = p % fr[j].d;
            uint64_t q = (uint64_t)(p / fr[j].d);
            out[i * m + j] = (int64_t)q;
            if (cell != NULL)
                cell[i * m + j] = cr != 0 ? CELL_OPEN : 0;
            all += q;
            r += cr * mult[j]; /* < 2 L <= 2^128 */
            if (r >= lcm) {
                r -= lcm;
                carry[i]++;
            }
        }
        all += carry[i];
        if (r != 0)
            rank[(*nrank)++] = (yr_rem){r, wi, i};
    }
    return all;
}

/* Floors, open cells, wants, row bounds, ranking, and the goals: the largest-remainder rows of
 * the grand total on the row quotas (ties: larger weight, then earlier party). */
static void mixed_quotas(yr_table_work *w, const int64_t *totals, const int64_t *weights,
                         const item_frac *fr, const yr_u128 *mult, yr_u128 lcm, uint64_t grand,
                         int64_t *out)
{
    yr_flow *f = &w->f;
    const size_t n = f->n, m = f->m;
    uint64_t all =
        row_quotas(fr, mult, lcm, m, weights, n, out, f->cell, f->lo, w->rank, &w->nrank);
    for (size_t j = 0; j < m; j++)
        f->want[j] = (size_t)totals[j];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < m; j++)
            f->want[j] -= (size_t)out[i * m + j];
        w->goal[i] = f->lo[i];
    }
    for (size_t k = 0; k < w->nrank; k++)
        f->up_ok[w->rank[k].idx] = 1;
    size_t k = (size_t)(grand - all); /* < nrank: the fractions of the row quotas add up to it */
    yr_select_top(w->rank, w->nrank, k);
    for (size_t t = 0; t < k; t++)
        w->goal[w->rank[t].idx]++;
}

static yr_status solve_mixed(const int64_t *totals, const int64_t *num, const int64_t *den,
                             size_t m, const int64_t *weights, size_t n, uint64_t grand,
                             yr_u128 wsum, int64_t *out, yr_where *where)
{
    item_frac *fr = malloc(m * sizeof *fr);
    yr_u128 *mult = malloc(m * sizeof *mult), lcm;
    yr_status st = fr && mult ? YR_OK : yr_where_arg(where, YR_ERR_NOMEM, NULL);
    if (st == YR_OK)
        st =
            plan_items(totals, num, den, m, wsum, n, max_weight(weights, n), fr, mult, &lcm, where);
    yr_table_work w;
    if (st == YR_OK && (st = yr_table_work_alloc(&w, n, m)) != YR_OK)
        yr_where_arg(where, st, NULL);
    if (st == YR_OK) { /* nothing fails from here on */
        mixed_quotas(&w, totals, weights, fr, mult, lcm, grand, out);
        yr_table_settle(&w, out);
        yr_table_work_free(&w);
    }
    free(fr);
    free(mult);
    return st;
}

YR_API yr_status yr_split_table_mixed_where(const int64_t *totals, const int64_t *equal_num,
                                            const int64_t *equal_den, size_t nitems,
                                            const int64_t *weights, size_t nparties, int64_t *out,
                                            yr_where *where)
{
    yr_where_clear(where);
    if (equal_num == NULL)
        return yr_split_table_where(totals, nitems, weights, nparties, out, where);
    if (equal_den == NULL)
        return yr_where_arg(where, YR_ERR_NULL, "equal_den");
    uint64_t grand = 0;
    yr_u128 wsum = 0;
    yr_status st = yr_table_check(totals, nitems, weights, nparties, out, where, &grand, &wsum);
    if (st == YR_ERR_ZERO_WEIGHT) { /* allowed for wholly equal items: the rest is valid */
        for (size_t j = 0; j < nitems; j++)
            grand += (uint64_t)totals[j];
        st = YR_OK;
        yr_where_clear(where);
    }
    int any = 0;
    if (st == YR_OK)
        st = check_equal(totals, equal_num, equal_den, nitems, wsum, &any, where);
    if (st != YR_OK)
        return st;
    if (!any)
        return yr_split_table_where(totals, nitems, weights, nparties, out, where);
    if (grand == 0) {
        memset(out, 0, nparties * nitems * sizeof *out);
        return YR_OK;
    }
    /* The table is computed in place: out is written only once nothing can fail. */
    return solve_mixed(totals, equal_num, equal_den, nitems, weights, nparties, grand, wsum, out,
                       where);
}

YR_API yr_status yr_split_table_mixed(const int64_t *totals, const int64_t *equal_num,
                                      const int64_t *equal_den, size_t nitems,
                                      const int64_t *weights, size_t nparties, int64_t *out)
{
    return yr_split_table_mixed_where(totals, equal_num, equal_den, nitems, weights, nparties, out,
                                      NULL);
}

/* ---- rate items ----------------------------------------------------------------------------- */

YR_API yr_status yr_rate_item_where(int64_t rate_num, int64_t rate_den, const int64_t *weights,
                                    size_t n, int64_t *out, int64_t *total, yr_where *where)
{
    yr_where_clear(where);
    yr_status st = yr_where_null(where, 2, (const void *[]){weights, out},
                                 (const char *const[]){"weights", "out"});
    if (st != YR_OK)
        return st;
    if (n == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    if (rate_den <= 0)
        return yr_where_arg_why(where, YR_ERR_RANGE, "rate",
                                YR_WHY(YR_REASON_DENOMINATOR, rate_num, rate_den));
    /* Check every amount and the sum first, then write. */
    int64_t sum = 0, v;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] < 0)
            return yr_where_why(where, YR_ERR_NEGATIVE, i, YR_WHERE_NONE, "weights",
                                YR_WHY(YR_REASON_NEGATIVE, weights[i]));
        if (!yr_round_ratio(weights[i], rate_num, rate_den, &v))
            return yr_where_why(where, YR_ERR_OVERFLOW, i, YR_WHERE_NONE, "weights",
                                YR_WHY(YR_REASON_RATE_PAST, weights[i], 0, rate_num, rate_den));
        if (__builtin_add_overflow(sum, v, &sum))
            return yr_where_arg_why(
                where, YR_ERR_OVERFLOW, "weights",
                YR_WHY_NAMED(YR_REASON_SUM_PAST, "amounts at the rate", NULL, 0));
    }
    for (size_t i = 0; i < n; i++)
        (void)yr_round_ratio(weights[i], rate_num, rate_den, &out[i]);
    if (total != NULL)
        *total = sum;
    return YR_OK;
}

YR_API yr_status yr_rate_item(int64_t rate_num, int64_t rate_den, const int64_t *weights, size_t n,
                              int64_t *out, int64_t *total)
{
    return yr_rate_item_where(rate_num, rate_den, weights, n, out, total, NULL);
}

/* ---- items ---------------------------------------------------------------------------------- */

YR_API void yr_item_init(yr_item *item, int64_t total)
{
    if (item == NULL)
        return;
    item->total = total;
    item->equal_num = 0;
    item->equal_den = 1;
    item->rate_num = 0;
    item->rate_den = 0;
}

/* The model of an item: 1 a rate item, 0 a split item, -1 neither. */
static int item_kind(const yr_item *it)
{ /* the checks of item_check, which says why */
    if (it->rate_den < 0)
        return -1;
    if (it->rate_den > 0)
        return it->equal_num == 0 ? 1 : -1;
    if (it->equal_den <= 0 || it->equal_num < 0 || it->equal_num > it->equal_den)
        return -1;
    return 0;
}

/* The split items' columns (idx[0..k)), their totals and equal parts, in scratch arrays. */
typedef struct items_work {
    int64_t *tot, *num, *den, *table, *col;
    size_t *idx, k;
} items_work;

static void items_free(items_work *iw)
{
    free(iw->tot);
    free(iw->idx);
    free(iw->table);
}

static yr_status items_alloc(items_work *iw, size_t m, size_t n)
{
    memset(iw, 0, sizeof *iw);
    if (n > SIZE_MAX / sizeof(int64_t) / (m + 1))
        return YR_ERR_NOMEM;
    iw->tot = malloc(3 * m * sizeof *iw->tot);
    iw->idx = malloc(m * sizeof *iw->idx);
    iw->table = malloc(n * (m + 1) * sizeof *iw->table); /* the split table, then one column */
    if (!iw->tot || !iw->idx || !iw->table) {
        items_free(iw);
        return YR_ERR_NOMEM;
    }
    iw->num = iw->tot + m;
    iw->den = iw->tot + 2 * m;
    iw->col = iw->table + n * m;
    return YR_OK;
}

/* Why item j is no model (item_kind < 0): the error. */
static yr_status item_check(const yr_item *it, size_t j, yr_where *where)
{
    if (it->rate_den < 0)
        return yr_where_why(
            where, YR_ERR_RANGE, YR_WHERE_NONE, j, "items",
            YR_WHY_NAMED(YR_REASON_DENOMINATOR, "rate", NULL, it->rate_num, it->rate_den));
    if (it->rate_den > 0)
        return yr_where_why(where, YR_ERR_RANGE, YR_WHERE_NONE, j, "items",
                            YR_WHY(YR_REASON_RATE_AND_EQUAL, it->equal_num, it->equal_den,
                                   it->rate_num, it->rate_den));
    return check_fraction(it->equal_num, it->equal_den, j, "items", where);
}

/* Check the models and gather the split items. */
static yr_status gather_items(const yr_item *items, size_t m, items_work *iw, yr_where *where)
{
    iw->k = 0;
    for (size_t j = 0; j < m; j++) {
        int kind = item_kind(&items[j]);
        if (kind < 0)
            return item_check(&items[j], j, where);
        if (kind == 1)
            continue;
        iw->idx[iw->k] = j;
        iw->tot[iw->k] = items[j].total;
        iw->num[iw->k] = items[j].equal_num;
        iw->den[iw->k++] = items[j].equal_den;
    }
    return YR_OK;
}

/* The split items as one table into iw->table (n x k); where names the item in @p items. */
static yr_status split_part(items_work *iw, const int64_t *weights, size_t n, yr_where *where)
{
    if (iw->k == 0)
        return YR_OK;
    yr_where sw;
    yr_status st =
        yr_split_table_mixed_where(iw->tot, iw->num, iw->den, iw->k, weights, n, iw->table, &sw);
    if (st != YR_OK) {
        const char *arg = sw.arg != NULL && strcmp(sw.arg, "weights") == 0 ? "weights" : "items";
        size_t col = sw.column < iw->k ? iw->idx[sw.column] : YR_WHERE_NONE;
        return yr_where_move(where, &sw, sw.record, col, sw.arg == NULL ? NULL : arg);
    }
    return YR_OK;
}

/* Every rate item's column, checked (nothing written to out). */
static yr_status check_rates(const yr_item *items, size_t m, const int64_t *weights, size_t n,
                             items_work *iw, yr_where *where)
{
    for (size_t j = 0; j < m; j++) {
        if (items[j].rate_den == 0)
            continue;
        yr_where sw;
        int64_t sum;
        yr_status st = yr_rate_item_where(items[j].rate_num, items[j].rate_den, weights, n, iw->col,
                                          &sum, &sw);
        if (st != YR_OK)
            return yr_where_move(where, &sw, sw.record, j, sw.arg);
    }
    return YR_OK;
}

/* Write the table and the totals (everything checked). */
static void write_items(const yr_item *items, size_t m, const int64_t *weights, size_t n,
                        const items_work *iw, int64_t *out, int64_t *item_totals)
{
    for (size_t p = 0; p < iw->k; p++) {
        size_t j = iw->idx[p];
        for (size_t i = 0; i < n; i++)
            out[i * m + j] = iw->table[i * iw->k + p];
        if (item_totals != NULL)
            item_totals[j] = items[j].total;
    }
    for (size_t j = 0; j < m; j++) {
        if (items[j].rate_den == 0)
            continue;
        int64_t sum = 0;
        for (size_t i = 0; i < n; i++) {
            (void)yr_round_ratio(weights[i], items[j].rate_num, items[j].rate_den, &out[i * m + j]);
            sum += out[i * m + j]; /* checked by check_rates */
        }
        if (item_totals != NULL)
            item_totals[j] = sum;
    }
}

YR_API yr_status yr_split_items_where(const yr_item *items, size_t nitems, const int64_t *weights,
                                      size_t nparties, int64_t *out, int64_t *item_totals,
                                      yr_where *where)
{
    yr_where_clear(where);
    yr_status st = yr_where_null(where, 3, (const void *[]){items, weights, out},
                                 (const char *const[]){"items", "weights", "out"});
    if (st != YR_OK)
        return st;
    if (nitems == 0 || nparties == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, nitems == 0 ? "items" : "weights",
                                YR_WHY(YR_REASON_EMPTY, 0));
    items_work iw;
    if (items_alloc(&iw, nitems, nparties) != YR_OK)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    st = gather_items(items, nitems, &iw, where);
    if (st == YR_OK)
        st = split_part(&iw, weights, nparties, where);
    if (st == YR_OK)
        st = check_rates(items, nitems, weights, nparties, &iw, where);
    if (st == YR_OK)
        write_items(items, nitems, weights, nparties, &iw, out, item_totals);
    items_free(&iw);
    return st;
}

YR_API yr_status yr_split_items(const yr_item *items, size_t nitems, const int64_t *weights,
                                size_t nparties, int64_t *out, int64_t *item_totals)
{
    return yr_split_items_where(items, nitems, weights, nparties, out, item_totals, NULL);
}

/* ---- an item's exact quota ------------------------------------------------------------------ */

/* (negative ? -mag : mag) / d (d > 0) as a reduced quota with the floor as whole; 0 when it does
 * not fit. */
static int quota_of(int negative, yr_u128 mag, yr_u128 d, yr_quota *q)
{
    yr_u128 g = yr_gcd_u128(mag, d);
    d /= g;
    mag /= g;
    yr_u128 whole = mag / d, rem = mag % d;
    if (d > INT64_MAX || whole > (yr_u128)INT64_MAX)
        return 0;
    int64_t w = (int64_t)whole, r = (int64_t)rem;
    if (negative) { /* the floor of -(w + r/d) is -w - 1 with remainder d - r (when r != 0) */
        w = r != 0 ? -w - 1 : -w;
        r = r != 0 ? (int64_t)d - r : 0;
    }
    *q = (yr_quota){w, r, (int64_t)d};
    return 1;
}

YR_API yr_status yr_item_quota(const yr_item *item, int64_t weight, int64_t wsum, size_t nparties,
                               yr_quota *quota)
{
    if (item == NULL || quota == NULL)
        return YR_ERR_NULL;
    int kind = item_kind(item);
    if (kind < 0 || nparties == 0 || weight < 0 || wsum < weight || (kind == 0 && item->total < 0))
        return YR_ERR_RANGE;
    yr_quota q;
    if (kind == 1) {
        yr_i128 p = (yr_i128)item->rate_num * weight;
        if (!quota_of(p < 0, p < 0 ? (yr_u128)-p : (yr_u128)p, (uint64_t)item->rate_den, &q))
            return YR_ERR_OVERFLOW;
        *quota = q;
        return YR_OK;
    }
    if (wsum == 0 && item->total != 0 && item->equal_num != item->equal_den)
        return YR_ERR_ZERO_WEIGHT;
    item_frac fr;
    if (!item_frac_of((uint64_t)item->total, (uint64_t)item->equal_num, (uint64_t)item->equal_den,
                      (uint64_t)wsum, nparties, (uint64_t)weight, &fr) ||
        !quota_of(0, fr.a + fr.b * (uint64_t)weight, fr.d, &q))
        return YR_ERR_OVERFLOW;
    *quota = q;
    return YR_OK;
}

/* ---- the rows of a table, for its audit ----------------------------------------------------- */

/* Scratch of yr_items_rows. */
typedef struct rows_work {
    items_work iw;
    item_frac *fr;
    yr_u128 *mult;
    size_t *carry;
    yr_rem *rank;
} rows_work;

static void rows_free(rows_work *rw)
{
    items_free(&rw->iw);
    free(rw->fr);
    free(rw->mult);
    free(rw->carry);
    free(rw->rank);
}

static yr_status rows_alloc(rows_work *rw, size_t m, size_t n)
{
    memset(rw, 0, sizeof *rw);
    if (items_alloc(&rw->iw, m, n) != YR_OK)
        return YR_ERR_NOMEM;
    /* zeroed: gcc -O3 cannot see that plan_items writes every entry (-Wmaybe-uninitialized) */
    rw->fr = calloc(m, sizeof *rw->fr);
    rw->mult = calloc(m, sizeof *rw->mult);
    rw->carry = malloc(n * sizeof *rw->carry);
    rw->rank = n <= SIZE_MAX / sizeof *rw->rank ? malloc(n * sizeof *rw->rank) : NULL;
    if (!rw->fr || !rw->mult || !rw->carry || !rw->rank) {
        rows_free(rw);
        return YR_ERR_NOMEM;
    }
    return YR_OK;
}

yr_status yr_items_rows(const yr_item *items, size_t m, const int64_t *weights, size_t n,
                        int64_t *lr, int64_t *row_floor, uint8_t *row_frac)
{
    rows_work rw;
    if (rows_alloc(&rw, m, n) != YR_OK)
        return YR_ERR_NOMEM;
    items_work *iw = &rw.iw;
    yr_status st = gather_items(items, m, iw, NULL);
    uint64_t grand = 0;
    yr_u128 wsum = 0, lcm = 1;
    for (size_t j = 0; j < iw->k; j++)
        grand += (uint64_t)iw->tot[j];
    for (size_t i = 0; i < n; i++)
        wsum += (uint64_t)weights[i];
    if (st == YR_OK)
        st = plan_items(iw->tot, iw->num, iw->den, iw->k, wsum, n, max_weight(weights, n), rw.fr,
                        rw.mult, &lcm, NULL);
    if (st == YR_OK) {
        size_t nrank;
        uint64_t all = row_quotas(rw.fr, rw.mult, lcm, iw->k, weights, n, iw->table, NULL, rw.carry,
                                  rw.rank, &nrank);
        memset(row_frac, 0, n);
        for (size_t i = 0; i < n; i++) {
            row_floor[i] = 0;
            for (size_t j = 0; j < iw->k; j++)
                row_floor[i] += iw->table[i * iw->k + j];
            row_floor[i] += (int64_t)rw.carry[i];
            lr[i] = row_floor[i];
        }
        size_t k = (size_t)(grand - all);
        yr_select_top(rw.rank, nrank, k);
        for (size_t t = 0; t < nrank; t++) {
            row_frac[rw.rank[t].idx] = 1;
            lr[rw.rank[t].idx] += t < k;
        }
    }
    rows_free(&rw);
    return st;
}
