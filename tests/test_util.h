/* Shared by the C tests: a deterministic generator, the exact largest-remainder rank order and
 * (cmocka tests) an element-wise check of an int64 array.
 * Test code only; the references themselves stay in each test. */
#ifndef YR_TEST_UTIL_H
#define YR_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

__extension__ typedef unsigned __int128 test_u128;

/* splitmix64: a fixed seed gives the same cases on every run and platform. */
static inline uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* 0 .. bound, inclusive. */
static inline uint64_t rand_upto(uint64_t *s, uint64_t bound)
{
    return next_rand(s) % (bound + 1);
}

/* 0 .. n-1. */
static inline uint64_t rand_below(uint64_t *s, uint64_t n)
{
    return next_rand(s) % n;
}

/* A party's remainder over the common denominator, its weight and its index, ranked for the
 * largest-remainder settlement: larger remainder, then larger weight, then earlier party (SPEC). */
typedef struct rank_row {
    test_u128 rem;
    int64_t w;
    size_t idx;
} rank_row;

/* qsort comparator: the rows that win a unit come first. */
static inline int rank_cmp(const void *pa, const void *pb)
{
    const rank_row *a = pa, *b = pb;
    if (a->rem != b->rem)
        return a->rem > b->rem ? -1 : 1;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

#ifdef assert_int_equal /* the cmocka tests (cmocka.h included first) */
/* got[0..n-1] equals want[0..n-1]; a failure names the first index that differs. */
static inline void expect_i64s(const int64_t *got, const int64_t *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            fail_msg("[%zu]: got %lld, expected %lld", i, (long long)got[i], (long long)want[i]);
}

/* expect_ints(got, a, b, ...): got[0] == a, got[1] == b, ... */
#define expect_ints(got, ...)                                                                      \
    expect_i64s((got), (const int64_t[]){__VA_ARGS__},                                             \
                sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t))
#endif

#endif
