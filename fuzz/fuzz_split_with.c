/* libFuzzer target: yr_split_with_where with every option (method, tie rule, threshold, minimum,
 * maximum, first divisor). Checks, with the exact references of fuzz_split_ref.h:
 *   - on error: the output is untouched, *where names an argument (arg != NULL), YR_ERR_TIE only
 *     with YR_TIE_REPORT; on success *where is all NONE;
 *   - the result: the parties below the threshold (w * den < num * W, exact) count as weight 0
 *     and get 0 (or their minimum); bounds respected; rows add to the total (not round-each);
 *     largest remainder rounds up the best ranked remainders, a divisor method gives no unit
 *     that ranks after one withheld, both under the chosen tie rule;
 *   - YR_TIE_REPORT: YR_OK exactly when the boundary is not an exact tie between two parties
 *     (then the result is the YR_TIE_LARGER_WEIGHT one), YR_ERR_TIE only when it is;
 *   - then the smaller-weight rule gives the same result too;
 *   - odd symmetry for largest remainder and round-each; default options give yr_split's
 *     result.
 * Input: head byte (bits 0-2 method, bits 3-4 tie rule (3: invalid), bit 5 threshold, bit 6
 * first divisor, bit 7 bounds), [bounds byte: bit 0 minimum, bit 1 maximum], total,
 * [threshold num, den], [first divisor num, den], a count byte (n = byte % 65), then per party
 * its weight, [minimum], [maximum] (fz_int each). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "fuzz_split_ref.h"
#include "yrkesresa.h"

typedef struct input {
    int64_t total;
    size_t n;
    yr_split_options opt;
    int64_t *w, *min, *max;
} input;

static void read_input(fz_reader *rd, input *in)
{
    uint8_t head = fz_u8(rd);
    uint8_t bounds = (head & 0x80) ? fz_u8(rd) : 0;
    yr_split_options_init(&in->opt);
    in->opt.method = (yr_method)(head & 7);
    in->opt.tie = (yr_tie)((head >> 3) & 3);
    in->total = fz_int(rd);
    if (head & 0x20) {
        in->opt.threshold_num = fz_int(rd);
        in->opt.threshold_den = fz_int(rd);
    }
    if (head & 0x40) {
        in->opt.first_divisor_num = fz_int(rd);
        in->opt.first_divisor_den = fz_int(rd);
    }
    in->n = fz_u8(rd) % 65;
    size_t bytes = in->n * sizeof(int64_t);
    in->w = fz_alloc_pattern(bytes);
    in->min = (bounds & 1) ? fz_alloc_pattern(bytes) : NULL;
    in->max = (bounds & 2) ? fz_alloc_pattern(bytes) : NULL;
    for (size_t i = 0; i < in->n; i++) {
        in->w[i] = fz_int(rd);
        if (in->min)
            in->min[i] = fz_int(rd);
        if (in->max)
            in->max[i] = fz_int(rd);
    }
    in->opt.minimum = in->min;
    in->opt.maximum = in->max;
}

/* The weights the method sees: 0 below the threshold (exact: w * den < num * W). */
FZ_NOCOV static void effective_weights(const input *in, int64_t *eff)
{
    fz_u128 W = 0;
    for (size_t i = 0; i < in->n; i++)
        W += (uint64_t)in->w[i];
    bn sum, num, lhs, rhs, a;
    bn_set(&sum, W);
    bn_set(&num, (uint64_t)in->opt.threshold_num);
    bn_mul(&rhs, &num, &sum);
    for (size_t i = 0; i < in->n; i++) {
        bn_set(&a, (fz_u128)(uint64_t)in->w[i] * (uint64_t)in->opt.threshold_den);
        bn_set(&lhs, 0);
        bn_add(&lhs, &lhs, &a);
        eff[i] = in->opt.threshold_num != 0 && bn_cmp(&lhs, &rhs) < 0 ? 0 : in->w[i];
    }
}

static int valid_weights(const input *in)
{
    for (size_t i = 0; i < in->n; i++)
        if (in->w[i] < 0)
            return 0;
    return in->n > 0;
}

/* Check a YR_OK result; returns the tie at its boundary. */
FZ_NOCOV static fz_tie check_result(const input *in, const int64_t *out)
{
    int64_t *eff = fz_alloc_pattern(in->n * sizeof *eff);
    effective_weights(in, eff);
    unsigned m = in->opt.method;
    fz_opts o = {in->opt.tie == YR_TIE_SMALLER_WEIGHT, in->min, in->max, in->opt.first_divisor_num,
                 in->opt.first_divisor_den};
    fz_tie tie = {0, 0};
    if (fz_is_divisor_method(m))
        tie = fz_check_divisor(m, in->total, eff, in->n, out, &o);
    else
        tie = fz_check_quota(m == YR_ROUND_EACH, in->total, eff, in->n, out, o.smaller);
    free(eff);
    return tie;
}

/* 1 when every option but the method has its yr_split_options_init() value. */
static int is_default(const yr_split_options *o)
{
    yr_split_options d;
    yr_split_options_init(&d);
    return o->tie == d.tie && o->minimum == d.minimum && o->maximum == d.maximum &&
           o->threshold_num == d.threshold_num && o->threshold_den == d.threshold_den &&
           o->first_divisor_num == d.first_divisor_num &&
           o->first_divisor_den == d.first_divisor_den;
}

static void check_where(yr_status st, const yr_where *wh)
{
    if (st == YR_OK)
        FZ_CHECK(wh->record == YR_WHERE_NONE && wh->column == YR_WHERE_NONE && wh->arg == NULL);
    else if (st != YR_ERR_NOMEM)
        FZ_CHECK(wh->arg != NULL);
    if (st == YR_ERR_TIE)
        FZ_CHECK(strcmp(wh->arg, "tie") == 0 && wh->record != YR_WHERE_NONE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    input in;
    read_input(&rd, &in);
    size_t bytes = in.n * sizeof(int64_t);
    int64_t *out = fz_alloc_pattern(bytes);
    yr_where wh;
    yr_status st = yr_split_with_where(in.total, in.w, in.n, &in.opt, out, &wh);
    check_where(st, &wh);
    FZ_CHECK((unsigned)st < YR_STATUS_COUNT);
    if (st == YR_ERR_TIE) /* the first of the tied parties */
        FZ_CHECK(wh.record < in.n && in.w[wh.record] > 0);
    if (st == YR_ERR_NEGATIVE && wh.record != YR_WHERE_NONE)
        FZ_CHECK(wh.record < in.n && in.w[wh.record] < 0);
    if (st != YR_OK) {
        FZ_CHECK(fz_is_pattern(out, bytes));
        FZ_CHECK(st != YR_ERR_TIE || in.opt.tie == YR_TIE_REPORT);
    } else {
        FZ_CHECK(valid_weights(&in) && (unsigned)in.opt.tie < YR_TIE_COUNT);
        fz_tie tie = check_result(&in, out);
        if (in.opt.tie == YR_TIE_REPORT)
            FZ_CHECK(!tie.split);
    }
    if (in.opt.tie == YR_TIE_REPORT && (st == YR_OK || st == YR_ERR_TIE)) {
        /* The same with ties to the larger weight: the same result, or a tie at its boundary. */
        yr_split_options larger = in.opt;
        larger.tie = YR_TIE_LARGER_WEIGHT;
        int64_t *again = fz_alloc_pattern(bytes);
        FZ_CHECK(yr_split_with(in.total, in.w, in.n, &larger, again) == YR_OK);
        if (st == YR_OK)
            FZ_CHECK(memcmp(again, out, bytes) == 0);
        else
            FZ_CHECK(check_result(&in, again).tied);
        /* No tie: the rule does not matter, ties to the smaller weight give the same. */
        larger.tie = YR_TIE_SMALLER_WEIGHT;
        FZ_CHECK(yr_split_with(in.total, in.w, in.n, &larger, again) == YR_OK);
        if (st == YR_OK)
            FZ_CHECK(memcmp(again, out, bytes) == 0);
        free(again);
    }
    if (st == YR_OK && !fz_is_divisor_method(in.opt.method) && in.total != INT64_MIN) {
        /* odd symmetry, as yr_split() promises for these methods */
        int64_t *neg = fz_alloc_pattern(bytes);
        FZ_CHECK(yr_split_with(-in.total, in.w, in.n, &in.opt, neg) == YR_OK);
        for (size_t i = 0; i < in.n; i++)
            FZ_CHECK(neg[i] == -out[i]);
        free(neg);
    }
    if (is_default(&in.opt)) {
        int64_t *plain = fz_alloc_pattern(bytes);
        yr_status sp = yr_split(in.total, in.w, in.n, in.opt.method, plain);
        FZ_CHECK(sp == st && memcmp(plain, out, bytes) == 0);
        free(plain);
    }
    free(out);
    free(in.w);
    free(in.min);
    free(in.max);
    return 0;
}
