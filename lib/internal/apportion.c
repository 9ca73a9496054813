/* Deterministic selection for the largest-remainder settlement: quickselect with a median-of-
 * three pivot, falling back to heapsort of the remaining range when partitions stop shrinking
 * fast enough (introselect), so the worst case is O(n log n) and never quadratic. */
#include "internal/apportion.h"

/* ---- on yr_rem (rank: larger rem, larger key, smaller index) ----------------------------- */

static void swap_rem(yr_rem *a, yr_rem *b)
{
    yr_rem t = *a;
    *a = *b;
    *b = t;
}

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

/* Restore the heap below pos in b[0..n), a heap whose top ranks last. */
static void sift_rem(yr_rem *b, size_t n, size_t pos)
{
    for (;;) {
        size_t worst = pos, l = 2 * pos + 1, r = l + 1;
        if (l < n && yr_rem_before(&b[worst], &b[l]))
            worst = l;
        if (r < n && yr_rem_before(&b[worst], &b[r]))
            worst = r;
        if (worst == pos)
            return;
        swap_rem(&b[pos], &b[worst]);
        pos = worst;
    }
}

/* Heapsort a[lo..hi] so that entries that rank first come first. */
static void heapsort_rem(yr_rem *a, size_t lo, size_t hi)
{
    yr_rem *b = a + lo;
    size_t n = hi - lo + 1;
    /* a heap whose top ranks last, then repeatedly move the top to the end */
    for (size_t start = n / 2; start-- > 0;)
        sift_rem(b, n, start);
    for (size_t end = n; end-- > 1;) {
        swap_rem(&b[0], &b[end]);
        sift_rem(b, end, 0);
    }
}

static unsigned depth_limit(size_t n)
{
    unsigned d = 8;
    while (n > 1) {
        n >>= 1;
        d += 2;
    }
    return d;
}

void yr_select_top(yr_rem *a, size_t n, size_t k)
{
    if (k == 0 || k >= n)
        return;
    size_t lo = 0, hi = n - 1, target = k - 1;
    unsigned budget = depth_limit(n);
    /* Every key is distinct (the index breaks all ties), so each partition shrinks the range. */
    while (hi > lo) {
        if (hi - lo < 16 || budget-- == 0) {
            heapsort_rem(a, lo, hi);
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

/* ---- on plain uint64_t (descending) ------------------------------------------------------ */

static void swap_u64(uint64_t *a, uint64_t *b)
{
    uint64_t t = *a;
    *a = *b;
    *b = t;
}

static void sift_min_u64(uint64_t *b, size_t n, size_t pos)
{
    for (;;) {
        size_t least = pos, l = 2 * pos + 1, r = l + 1;
        if (l < n && b[l] < b[least])
            least = l;
        if (r < n && b[r] < b[least])
            least = r;
        if (least == pos)
            return;
        swap_u64(&b[pos], &b[least]);
        pos = least;
    }
}

/* Sort b[0..n) descending. */
static void heapsort_desc_u64(uint64_t *b, size_t n)
{
    for (size_t start = n / 2; start-- > 0;)
        sift_min_u64(b, n, start);
    for (size_t end = n; end-- > 1;) {
        swap_u64(&b[0], &b[end]);
        sift_min_u64(b, end, 0);
    }
}

uint64_t yr_kth_largest_u64(uint64_t *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1, target = k - 1;
    unsigned budget = depth_limit(n);
    while (hi > lo) {
        if (hi - lo < 16 || budget-- == 0) {
            heapsort_desc_u64(a + lo, hi - lo + 1);
            return a[target];
        }
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] > a[lo])
            swap_u64(&a[mid], &a[lo]);
        if (a[hi] > a[lo])
            swap_u64(&a[hi], &a[lo]);
        if (a[mid] > a[hi])
            swap_u64(&a[mid], &a[hi]);
        uint64_t pivot = a[hi];
        /* three-way partition: [> pivot][== pivot][< pivot], so equal values never loop */
        size_t gt = lo, i = lo, lt = hi + 1;
        while (i < lt) {
            if (a[i] > pivot)
                swap_u64(&a[i++], &a[gt++]);
            else if (a[i] < pivot)
                swap_u64(&a[i], &a[--lt]);
            else
                i++;
        }
        if (target < gt) {
            hi = gt - 1;
        } else if (target < lt) {
            return pivot;
        } else {
            lo = lt;
        }
    }
    return a[target];
}
