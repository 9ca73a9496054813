/* Private: the largest-remainder settlement shared by yr_split, yr_split_mixed, the audit and
 * the trainer pot. Never installed. */
#ifndef YR_INTERNAL_APPORTION_H
#define YR_INTERNAL_APPORTION_H

#include <stddef.h>
#include <stdint.h>

#include "internal/wide.h"

/* A party's fractional remainder (numerator over a denominator common to all parties), its tie
 * key (larger wins a tie; the weight in a split) and its index (smaller wins a tie). */
typedef struct yr_rem {
    yr_u128 rem;
    uint64_t key;
    size_t idx;
} yr_rem;

/* 1 when a ranks before b: larger rem, then larger key, then smaller index. */
static inline int yr_rem_before(const yr_rem *a, const yr_rem *b)
{
    if (a->rem != b->rem)
        return a->rem > b->rem;
    if (a->key != b->key)
        return a->key > b->key;
    return a->idx < b->idx;
}

/* Reorder a[0..n) so that its k first entries are the k that rank first (in no particular
 * order among themselves). Expected O(n), worst O(n log n), deterministic, no allocation. */
void yr_select_top(yr_rem *a, size_t n, size_t k);

/* The k-th largest value of a[0..n) (1 <= k <= n); reorders a. O(n) expected, O(n log n) worst,
 * no allocation. */
uint64_t yr_kth_largest_u64(uint64_t *a, size_t n, size_t k);

#endif
