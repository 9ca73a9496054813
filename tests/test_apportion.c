/* White-box tests of lib/internal/apportion: yr_select_top and yr_kth_largest_u64 against a full
 * sort (qsort here) on random arrays with many ties and on adversarial orders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "internal/apportion.h"
#include "test_util.h"

/* The rank order written out again: larger rem, then larger key, then smaller index. */
static int rem_rank_cmp(const void *pa, const void *pb)
{
    const yr_rem *a = pa, *b = pb;
    if (a->rem != b->rem)
        return a->rem > b->rem ? -1 : 1;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int u64_desc(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a > b ? -1 : a < b;
}

/* Fill a with one of several patterns. idx is always 0..n-1 (distinct), in shuffled order for
 * the random patterns. */
static void make(uint64_t *s, yr_rem *a, size_t n, int pattern)
{
    for (size_t i = 0; i < n; i++) {
        yr_u128 big = (yr_u128)next_rand(s) << 64 | next_rand(s);
        switch (pattern) {
        case 0: /* few distinct remainders and keys: many ties */
            a[i].rem = next_rand(s) % 3;
            a[i].key = next_rand(s) % 3;
            break;
        case 1: /* everything equal but the index */
            a[i].rem = 5;
            a[i].key = 7;
            break;
        case 2: /* ascending */
            a[i].rem = i;
            a[i].key = 0;
            break;
        case 3: /* descending */
            a[i].rem = n - i;
            a[i].key = 0;
            break;
        case 4: /* organ pipe */
            a[i].rem = i < n / 2 ? i : n - i;
            a[i].key = i % 2;
            break;
        case 5: /* full 128-bit remainders, differing only in the high half sometimes */
            a[i].rem = (next_rand(s) % 2) ? big : big & ~(yr_u128)UINT64_MAX;
            a[i].key = next_rand(s);
            break;
        default: /* random 64-bit, equal remainders decided by the key */
            a[i].rem = next_rand(s) % (n + 1);
            a[i].key = next_rand(s) % 5;
            break;
        }
        a[i].idx = i;
    }
    if (pattern == 0 || pattern >= 5) { /* shuffle so the index order is not the array order */
        for (size_t i = n; i > 1; i--) {
            size_t j = (size_t)(next_rand(s) % i);
            yr_rem t = a[i - 1];
            a[i - 1] = a[j];
            a[j] = t;
        }
    }
}
#define N_PATTERNS 7

/* After yr_select_top: the array is a permutation of the input and its first k entries are
 * exactly the k that a full sort puts first. */
static void check_select(const yr_rem *orig, size_t n, size_t k)
{
    yr_rem *a = malloc((n ? n : 1) * sizeof *a), *sorted = malloc((n ? n : 1) * sizeof *a);
    char *seen = calloc(n ? n : 1, 1);
    assert_non_null(a);
    assert_non_null(sorted);
    assert_non_null(seen);
    memcpy(a, orig, n * sizeof *a);
    memcpy(sorted, orig, n * sizeof *a);
    qsort(sorted, n, sizeof *sorted, rem_rank_cmp);
    yr_select_top(a, n, k);
    /* a permutation: every idx exactly once, with its own rem and key */
    for (size_t i = 0; i < n; i++) {
        size_t id = a[i].idx;
        assert_true(id < n);
        assert_false(seen[id]);
        seen[id] = 1;
    }
    /* the first k: exactly the top k of the sort (as a set) */
    memset(seen, 0, n);
    for (size_t j = 0; j < k && j < n; j++)
        seen[sorted[j].idx] = 1;
    for (size_t j = 0; j < k && j < n; j++) {
        if (!seen[a[j].idx])
            fail_msg("n %zu k %zu: entry %zu (idx %zu) is not among the top k", n, k, j, a[j].idx);
    }
    free(a);
    free(sorted);
    free(seen);
}

static void test_select_top_random(void **state)
{
    (void)state;
    uint64_t seed = 1;
    yr_rem a[300];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = (size_t)(next_rand(&seed) % 300);
        size_t k = n ? (size_t)(next_rand(&seed) % (n + 1)) : 0;
        make(&seed, a, n, (int)(next_rand(&seed) % N_PATTERNS));
        check_select(a, n, k);
    }
}

/* Every k for a few arrays, including k == 0 and k == n. */
static void test_select_top_every_k(void **state)
{
    (void)state;
    uint64_t seed = 2;
    yr_rem a[70];
    for (int pattern = 0; pattern < N_PATTERNS; pattern++) {
        for (size_t n = 1; n <= 70; n += 23) {
            make(&seed, a, n, pattern);
            for (size_t k = 0; k <= n; k++)
                check_select(a, n, k);
        }
    }
}

/* Large inputs on the orders that break a naive quickselect stay fast (introselect). */
static void test_select_top_large(void **state)
{
    (void)state;
    enum { N = 200000 };
    uint64_t seed = 3;
    yr_rem *a = malloc(N * sizeof *a);
    assert_non_null(a);
    for (int pattern = 0; pattern < N_PATTERNS; pattern++) {
        make(&seed, a, N, pattern);
        clock_t start = clock();
        check_select(a, N, N / 2 + 1);
        print_message("      pattern %d n=%d: %.3f s\n", pattern, N,
                      (double)(clock() - start) / CLOCKS_PER_SEC);
    }
    free(a);
}

static void check_kth(const uint64_t *orig, size_t n, size_t k)
{
    uint64_t *a = malloc(n * sizeof *a), *sorted = malloc(n * sizeof *a),
             *back = malloc(n * sizeof *a);
    assert_non_null(a);
    assert_non_null(sorted);
    assert_non_null(back);
    memcpy(a, orig, n * sizeof *a);
    memcpy(sorted, orig, n * sizeof *a);
    qsort(sorted, n, sizeof *sorted, u64_desc);
    uint64_t v = yr_kth_largest_u64(a, n, k);
    if (v != sorted[k - 1])
        fail_msg("n %zu k %zu: got %llu, expected %llu", n, k, (unsigned long long)v,
                 (unsigned long long)sorted[k - 1]);
    /* still a permutation of the input */
    memcpy(back, a, n * sizeof *a);
    qsort(back, n, sizeof *back, u64_desc);
    assert_memory_equal(back, sorted, n * sizeof *a);
    free(a);
    free(sorted);
    free(back);
}

static void test_kth_largest(void **state)
{
    (void)state;
    uint64_t seed = 4;
    uint64_t a[300];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = 1 + (size_t)(next_rand(&seed) % 299);
        int pattern = (int)(next_rand(&seed) % 5);
        for (size_t i = 0; i < n; i++) {
            switch (pattern) {
            case 0:
                a[i] = next_rand(&seed) % 3;
                break;
            case 1:
                a[i] = 9;
                break;
            case 2:
                a[i] = i;
                break;
            case 3:
                a[i] = UINT64_MAX - i;
                break;
            default:
                a[i] = next_rand(&seed);
                break;
            }
        }
        size_t k = 1 + (size_t)(next_rand(&seed) % n);
        check_kth(a, n, k);
        check_kth(a, n, 1);
        check_kth(a, n, n);
    }
}

static void test_kth_largest_large(void **state)
{
    (void)state;
    enum { N = 200000 };
    uint64_t seed = 5;
    uint64_t *a = malloc(N * sizeof *a);
    assert_non_null(a);
    for (int pattern = 0; pattern < 4; pattern++) {
        for (size_t i = 0; i < N; i++)
            a[i] = pattern == 0   ? 1
                   : pattern == 1 ? i
                   : pattern == 2 ? (i < N / 2 ? i : N - i)
                                  : next_rand(&seed) % 16;
        check_kth(a, N, N / 3);
    }
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_top_random), cmocka_unit_test(test_select_top_every_k),
        cmocka_unit_test(test_select_top_large),  cmocka_unit_test(test_kth_largest),
        cmocka_unit_test(test_kth_largest_large),
    };
    return cmocka_run_group_tests_name("apportion", tests, NULL, NULL);
}
