/* libFuzzer target: yr_split_table_where and yr_split_nested_where. Checks, with exact
 * arithmetic written here (fuzz_split_ref.h):
 *   - status: YR_OK exactly when the input is valid (sizes, signs, sums, group indices); on
 *     error the outputs are untouched and *where names an argument; on YR_OK *where is all NONE;
 *   - table: every column adds exactly to its total, every cell is the floor or ceiling of its
 *     quota totals[j] * w_i / W, every row the floor or ceiling of T * w_i / W; one item gives
 *     the largest-remainder split of that item;
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
