/* Private: one rounding rule, a × num / den to a whole unit, half away from zero (rate items of
 * a table, yr_check_rate). Never installed. */
#ifndef YR_INTERNAL_ROUND_H
#define YR_INTERNAL_ROUND_H

#include <stdint.h>

#include "internal/wide.h"

/* a × num / den (den > 0) rounded half away from zero into *out; 0 when it does not fit int64
 * (*out untouched). Exact: |a × num| < 2^126. */
static inline int yr_round_ratio(int64_t a, int64_t num, int64_t den, int64_t *out)
{
    yr_i128 p = (yr_i128)a * num;
    yr_i128 q = p / den, r = p % den;
    if (r != 0 && 2 * (r < 0 ? -r : r) >= den)
        q += p < 0 ? -1 : 1;
    if (q < INT64_MIN || q > INT64_MAX)
        return 0;
    *out = (int64_t)q;
    return 1;
}

#endif
