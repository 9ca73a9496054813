/* Private: the divisor methods of yr_split / yr_split_with (jump and step, bounds, tie rules).
 * Never installed. */
#ifndef YR_INTERNAL_DIVISOR_H
#define YR_INTERNAL_DIVISOR_H

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa/split.h"

/* One divisor-method split. The caller has validated everything: weights >= 0 with a positive
 * sum (or total == sum of the minimums), 0 <= minimum[i] <= maximum[i], the minimums add to at
 * most total, and the total fits under the maximums (a party with weight 0 keeps its minimum). */
typedef struct yr_divisor_job {
    yr_method method;       /* YR_DHONDT .. YR_DEAN */
    uint64_t fd_num;        /* Sainte-Laguë methods: the first divisor fd_num / fd_den on the */
    uint64_t fd_den;        /* scale 1, 3, 5, ...; 0 <= fd_num / fd_den <= 3, fd_den > 0 */
    int smaller_wins;       /* tie rule: 0 the larger weight wins, 1 the smaller */
    const int64_t *weights; /* n weights >= 0 */
    const int64_t *minimum; /* n minimums, or NULL (all 0) */
    const int64_t *maximum; /* n maximums, or NULL (none) */
    size_t n;
    uint64_t total;
    int tight;     /* tests: keep correcting the multiplier until the jump hits the total or the
                      bracket closes (default 0: stop within max(1024, m/64) units) */
    int no_sample; /* tests: never start the search from a sample of the parties (default 0:
                      from a sample when units are few; the result is the same either way) */
} yr_divisor_job;

/* The allocation into out[0..n). When tie_party is not NULL it receives YR_WHERE_NONE, or the
 * first party (lowest index) among those whose units tie for the last unit given (the result then
 * depends on the tie rule). Returns YR_OK or YR_ERR_NOMEM (out untouched). */
yr_status yr_divisor_split(const yr_divisor_job *job, int64_t *out, size_t *tie_party);

#endif
