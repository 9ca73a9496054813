/* libFuzzer target: yr_split_table_where and yr_split_nested_where. Checks, with exact
 * arithmetic written here (fuzz_split_ref.h):
 *   - status: YR_OK exactly when the input is valid (sizes, signs, sums, group indices); on
 *     error the outputs are untouched and *where names an argument; on YR_OK *where is all NONE;
 *   - table: every column adds exactly to its total, every cell is the floor or ceiling of its
 *     quota totals[j] * w_i / W, every row the floor or ceiling of T * w_i / W; one item gives
 *     the largest-remainder split of that item; whenever some such table has the rows of
 *     yr_split(T, largest remainder) (a 0/1 transportation problem solved here by augmenting
 *     paths), the rows are exactly those;
 *   - nested: the groups are the largest-remainder split of the total by group weight, each
 *     group's parties the largest-remainder split of the group's amount; group_out NULL gives
 *     the same rows.
 * Input: a head byte (bit 0: nested), then table: item count byte (% 9), party count byte
 * (% 65), totals, weights (fz_int); nested: party count byte (% 65), group count byte (% 9),
 * total (fz_int), then per party its weight (fz_int) and group byte (% (groups + 1): the last
 * value is out of range). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fuzz_split_ref.h"
#include "yrkesresa.h"

static void check_where(yr_status st, const yr_where *wh)
{
    if (st == YR_OK)
        FZ_CHECK(wh->record == YR_WHERE_NONE && wh->column == YR_WHERE_NONE && wh->arg == NULL);
    else if (st != YR_ERR_NOMEM)
        FZ_CHECK(wh->arg != NULL);
}

static int64_t *read_ints(fz_reader *rd, size_t n)
{
    int64_t *v = fz_alloc_pattern(n * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = fz_int(rd);
    return v;
}

/* The sum of v (exact) and whether every element is >= 0. */
static fz_u128 sum_of(const int64_t *v, size_t n, int *nonneg)
{
    fz_u128 s = 0;
    *nonneg = 1;
    for (size_t i = 0; i < n; i++) {
        *nonneg &= v[i] >= 0;
        s += v[i] >= 0 ? (uint64_t)v[i] : 0;
    }
    return s;
}

/* The 0/1 transportation problem of a table: which cells (floor of their quota plus 0 or 1) get
 * the spare unit. cell[i * k + j]: 1 when the quota is not whole (may get one), flow: given. */
typedef struct fz_flow {
    size_t n, k;
    unsigned char *cell, *flow, *seen;
    int64_t *fill, *need; /* per column: units given, units to give */
} fz_flow;

/* An augmenting path from row i to a column with a unit to give (depth <= k). */
FZ_NOCOV static int augment(fz_flow *f, size_t i)
{
    for (size_t j = 0; j < f->k; j++) {
        if (!f->cell[i * f->k + j] || f->flow[i * f->k + j] || f->seen[j])
            continue;
        f->seen[j] = 1;
        int done = f->fill[j] < f->need[j];
        for (size_t i2 = 0; !done && i2 < f->n; i2++) {
            if (f->flow[i2 * f->k + j] && augment(f, i2)) {
                f->flow[i2 * f->k + j] = 0;
                done = 1;
                f->fill[j]--; /* moved, not added: undone by the increment below */
            }
        }
        if (done) {
            f->flow[i * f->k + j] = 1;
            f->fill[j]++;
            return 1;
        }
    }
    return 0;
}

/* 1 when some table whose cells are floor or ceiling of their quotas and whose columns are exact
 * has exactly the rows rows[] (max flow by augmenting paths). */
FZ_NOCOV static int rows_feasible(const int64_t *totals, size_t k, const int64_t *w, size_t n,
                                  fz_u128 W, const int64_t *rows)
{
    fz_flow f = {n,
                 k,
                 calloc(n * k, 1),
                 calloc(n * k, 1),
                 calloc(k, 1),
                 calloc(k, sizeof(int64_t)),
                 calloc(k, sizeof(int64_t))};
    FZ_CHECK(f.cell && f.flow && f.seen && f.fill && f.need);
    int ok = 1;
    int64_t *want = fz_alloc_pattern(n * sizeof *want);
    for (size_t j = 0; j < k; j++)
        f.need[j] = totals[j];
    for (size_t i = 0; i < n; i++) { /* the floors first: what each row and column lacks */
        want[i] = rows[i];
        for (size_t j = 0; j < k; j++) {
            fz_u128 p = (fz_u128)(uint64_t)totals[j] * (uint64_t)w[i];
            f.cell[i * k + j] = p % W != 0;
            f.need[j] -= (int64_t)(p / W);
            want[i] -= (int64_t)(p / W);
        }
    }
    for (size_t i = 0; i < n && ok; i++) {
        for (; want[i] > 0 && ok; want[i]--) {
            memset(f.seen, 0, k);
            ok = augment(&f, i);
        }
        ok = ok && want[i] == 0;
    }
    free(want);
    for (size_t j = 0; j < k && ok; j++)
        ok = f.fill[j] == f.need[j];
    free(f.cell);
    free(f.flow);
    free(f.seen);
    free(f.fill);
    free(f.need);
    return ok;
}

/* The rows are the largest-remainder shares of T whenever some valid table has them. */
FZ_NOCOV static void check_rows(const int64_t *totals, size_t k, const int64_t *w, size_t n,
                                fz_u128 W, fz_u128 T, const int64_t *out)
{
    int64_t *lr = fz_alloc_pattern(n * sizeof *lr), *rows = fz_alloc_pattern(n * sizeof *rows);
    for (size_t i = 0; i < n; i++) {
        rows[i] = 0;
        for (size_t j = 0; j < k; j++)
            rows[i] += out[i * k + j];
    }
    FZ_CHECK(rows_feasible(totals, k, w, n, W, rows)); /* the table itself is one */
    FZ_CHECK(yr_split((int64_t)T, w, n, YR_LARGEST_REMAINDER, lr) == YR_OK);
    if (rows_feasible(totals, k, w, n, W, lr))
        FZ_CHECK(memcmp(rows, lr, n * sizeof *lr) == 0);
    free(lr);
    free(rows);
}

FZ_NOCOV static void check_table(const int64_t *totals, size_t k, const int64_t *w, size_t n,
                                 const int64_t *out)
{
    int nonneg;
    fz_u128 W = sum_of(w, n, &nonneg), T = sum_of(totals, k, &nonneg);
    int64_t *col = fz_alloc_pattern(n * sizeof *col);
    for (size_t j = 0; j < k; j++) {
        for (size_t i = 0; i < n; i++)
            col[i] = out[i * k + j];
        /* floor/ceiling of each quota, and the column adds to its total */
        fz_u128 sum = 0;
        for (size_t i = 0; i < n; i++) {
            fz_u128 p = (fz_u128)(uint64_t)totals[j] * (uint64_t)w[i];
            FZ_CHECK(col[i] >= 0);
            FZ_CHECK(W == 0 ? col[i] == 0
                            : ((fz_u128)col[i] == p / W ||
                               ((fz_u128)col[i] == p / W + 1 && p % W != 0)));
            sum += (uint64_t)col[i];
        }
        FZ_CHECK(sum == (uint64_t)totals[j]);
    }
    fz_u128 rows = 0;
    for (size_t i = 0; i < n; i++) {
        fz_u128 row = 0;
        for (size_t j = 0; j < k; j++)
            row += (uint64_t)out[i * k + j];
        fz_u128 p = T * (uint64_t)w[i]; /* T < 2^63 */
        FZ_CHECK(W == 0 ? row == 0 : (row == p / W || (row == p / W + 1 && p % W != 0)));
        rows += row;
    }
    FZ_CHECK(rows == T);
    if (k == 1) /* one item: exactly its largest-remainder split */
        (void)fz_check_quota(0, totals[0], w, n, out, 0);
    if (W > 0)
        check_rows(totals, k, w, n, W, T, out);
    free(col);
}

static void run_table(fz_reader *rd)
{
    size_t k = fz_u8(rd) % 9, n = fz_u8(rd) % 65;
    int64_t *totals = read_ints(rd, k), *w = read_ints(rd, n);
    size_t bytes = n * k * sizeof(int64_t);
    int64_t *out = fz_alloc_pattern(bytes);
    yr_where wh;
    yr_status st = yr_split_table_where(totals, k, w, n, out, &wh);
    check_where(st, &wh);
    if (st == YR_ERR_NEGATIVE) /* the offending item or party */
        FZ_CHECK(wh.column != YR_WHERE_NONE ? wh.column < k && totals[wh.column] < 0
                                            : wh.record < n && w[wh.record] < 0);
    int wpos, tpos;
    fz_u128 W = sum_of(w, n, &wpos), T = sum_of(totals, k, &tpos);
    int valid = k > 0 && n > 0 && wpos && tpos && T <= INT64_MAX && (W > 0 || T == 0);
    FZ_CHECK((st == YR_OK) == valid);
    if (st == YR_OK)
        check_table(totals, k, w, n, out);
    else
        FZ_CHECK(fz_is_pattern(out, bytes));
    free(out);
    free(totals);
    free(w);
}

/* The group weights; 0 when one does not fit int64 (YR_ERR_OVERFLOW). */
static int group_weights(const int64_t *w, const size_t *g, size_t n, size_t ng, int64_t *gw)
{
    fz_u128 *s = calloc(ng + 1, sizeof *s);
    FZ_CHECK(s != NULL);
    for (size_t i = 0; i < n; i++)
        s[g[i]] += (uint64_t)w[i];
    int ok = 1;
    for (size_t j = 0; j < ng; j++) {
        ok &= s[j] <= INT64_MAX;
        gw[j] = (int64_t)(s[j] <= INT64_MAX ? s[j] : 0);
    }
    free(s);
    return ok;
}

FZ_NOCOV static void check_nested(int64_t total, const int64_t *w, const size_t *g, size_t n,
                                  size_t ng, const int64_t *gw, const int64_t *out,
                                  const int64_t *gout)
{
    (void)fz_check_quota(0, total, gw, ng, gout, 0);
    int64_t *mw = fz_alloc_pattern(n * sizeof *mw), *mo = fz_alloc_pattern(n * sizeof *mo);
    for (size_t j = 0; j < ng; j++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (g[i] == j) {
                mw[m] = w[i];
                mo[m++] = out[i];
            }
        }
        if (m > 0)
            (void)fz_check_quota(0, gout[j], mw, m, mo, 0);
        else
            FZ_CHECK(gout[j] == 0);
    }
    free(mw);
    free(mo);
}

static void run_nested(fz_reader *rd)
{
    size_t n = fz_u8(rd) % 65, ng = fz_u8(rd) % 9;
    int64_t total = fz_int(rd);
    int64_t *w = fz_alloc_pattern(n * sizeof *w);
    size_t *g = fz_alloc_pattern(n * sizeof *g);
    int in_range = 1;
    for (size_t i = 0; i < n; i++) {
        w[i] = fz_int(rd);
        g[i] = fz_u8(rd) % (ng + 1);
        in_range &= g[i] < ng;
    }
    int64_t *out = fz_alloc_pattern(n * sizeof *out), *gout = fz_alloc_pattern(ng * sizeof *gout);
    yr_where wh;
    yr_status st = yr_split_nested_where(total, w, g, n, ng, out, gout, &wh);
    check_where(st, &wh);
    if (st == YR_ERR_RANGE)
        FZ_CHECK(wh.record < n && g[wh.record] >= ng);
    if (st == YR_ERR_NEGATIVE)
        FZ_CHECK(wh.record < n && w[wh.record] < 0);
    int nonneg;
    fz_u128 W = sum_of(w, n, &nonneg);
    int64_t *gw = fz_alloc_pattern(ng * sizeof *gw);
    int fits = nonneg && in_range && group_weights(w, g, n, ng, gw);
    int valid = n > 0 && nonneg && in_range && (W > 0 || total == 0);
    if (st != YR_OK) {
        FZ_CHECK(!valid || !fits);
        FZ_CHECK(fz_is_pattern(out, n * sizeof *out) && fz_is_pattern(gout, ng * sizeof *gout));
    } else {
        FZ_CHECK(valid && fits);
        check_nested(total, w, g, n, ng, gw, out, gout);
        int64_t *again = fz_alloc_pattern(n * sizeof *again);
        FZ_CHECK(yr_split_nested(total, w, g, n, ng, again, NULL) == YR_OK);
        FZ_CHECK(memcmp(again, out, n * sizeof *out) == 0);
        free(again);
    }
    free(gw);
    free(w);
    free(g);
    free(out);
    free(gout);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    if (fz_u8(&rd) & 1)
        run_nested(&rd);
    else
        run_table(&rd);
    return 0;
}
