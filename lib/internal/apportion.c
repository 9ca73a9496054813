/* Deterministic quickselect for the largest-remainder settlement. */
#include "internal/apportion.h"

static void swap_rem(yr_rem *a, yr_rem *b)
{
    yr_rem t = *a;
    *a = *b;
    *b = t;
}

/* Median of three by rank, moved to a[hi]. */
static void median_to_end(yr_rem *a, size_t lo, size_t hi)
{
    size_t mid = lo + (hi - lo) / 2;
    if (yr_rem_before(&a[mid], &a[lo]))
        swap_rem(&a[mid], &a[lo]);
    if (yr_rem_before(&a[hi], &a[lo]))
        swap_rem(&a[hi], &a[lo]);
    if (yr_rem_before(&a[mid], &a[hi]))
        swap_rem(&a[mid], &a[hi]);
}

static void insertion_sort(yr_rem *a, size_t lo, size_t hi)
{
    for (size_t i = lo + 1; i <= hi; i++) {
        yr_rem x = a[i];
        size_t j = i;
        while (j > lo && yr_rem_before(&x, &a[j - 1])) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

void yr_select_top(yr_rem *a, size_t n, size_t k)
{
    if (k == 0 || k >= n)
        return;
    size_t lo = 0, hi = n - 1;
    /* Find the element of rank k-1 (0-based) so that a[0..k) rank before a[k..n).
     * Keys are all distinct (the index breaks every tie), so partitions always shrink. */
    size_t target = k - 1;
    while (hi > lo) {
        if (hi - lo < 16) {
            insertion_sort(a, lo, hi);
            return;
        }
        median_to_end(a, lo, hi);
        yr_rem pivot = a[hi];
        size_t store = lo;
        for (size_t i = lo; i < hi; i++) {
            if (yr_rem_before(&a[i], &pivot)) {
                swap_rem(&a[i], &a[store]);
                store++;
            }
        }
        swap_rem(&a[store], &a[hi]);
        if (store == target)
            return;
        if (store < target)
            lo = store + 1;
        else
            hi = store - 1;
    }
}
