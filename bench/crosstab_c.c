/* Micro-benchmark of yr_crosstab and yr_count_by on 10^7 records (municipality 290 x course 20)
 * against a memcpy of the same input bytes (8 per record), for three record orders:
 *   uniform  - independent random cells;
 *   sorted   - sorted by cell (an export ordered by municipality and course: long runs of the
 *              same counter, the worst case for store-to-load forwarding);
 *   rows     - sorted by municipality only, random course.
 * It also times, as a baseline, the design yr_crosstab does NOT use: a separate validation pass
 * (max of the indices) followed by counting straight into the caller's table. Every result is
 * compared with a naive count. Single thread; the best of several repetitions is reported.
 *
 * Build (standalone, from a configured build directory B):
 *   cc -O2 -std=c11 -Iinclude -IB/include -Ibench bench/crosstab_c.c B/lib/libyrkesresa.a -lm \
 *      -o crosstab_c
 * Usage: crosstab_c [N [REPS]]   (default N = 10000000, REPS = 7) */
#define _DEFAULT_SOURCE
#include "bench_common.h"
#include "yrkesresa.h"

enum { NROWS = 290, NCOLS = 20, CELLS = NROWS * NCOLS };

/* bench_alloc, zeroed. */
static void *xmalloc(size_t bytes)
{
    void *p = bench_alloc(bytes);
    memset(p, 0, bytes); /* fault the pages in before any timing */
    return p;
}

/* The rejected design: validate (max of the indices), then count into the table. */
static int two_pass(const uint32_t *row, const uint32_t *col, size_t n, int64_t *table)
{
    uint32_t mr = 0, mc = 0;
    for (size_t i = 0; i < n; i++) {
        mr = row[i] > mr ? row[i] : mr;
        mc = col[i] > mc ? col[i] : mc;
    }
    if (n > 0 && (mr >= NROWS || mc >= NCOLS))
        return 1;
    memset(table, 0, CELLS * sizeof *table);
    for (size_t i = 0; i < n; i++)
        table[(size_t)row[i] * NCOLS + col[i]]++;
    return 0;
}

static void fail(const char *what)
{
    fprintf(stderr, "crosstab_c: %s\n", what);
    exit(1);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 10000000;
    int reps = argc > 2 ? atoi(argv[2]) : 7;
    if (n == 0 || reps < 1) {
        fprintf(stderr, "usage: crosstab_c [N >= 1 [REPS >= 1]]\n");
        return 2;
    }
    uint32_t *row = xmalloc(n * sizeof *row), *col = xmalloc(n * sizeof *col);
    unsigned char *dst = xmalloc(2 * n * sizeof(uint32_t));
    static int64_t table[CELLS], ref[CELLS], counts[NROWS];
    const double bytes = 2.0 * (double)n * sizeof(uint32_t);
    static const char *const orders[] = {"uniform", "sorted", "rows"};

    printf("%zu records, %d x %d table, %.0f MB of input; best of %d, one thread\n", n, NROWS,
           NCOLS, bytes / 1e6, reps);
    printf("%-8s %-22s %9s %8s\n", "order", "what", "ms", "GB/s");
    for (int o = 0; o < 3; o++) {
        uint64_t seed = 20240407u;
        for (size_t i = 0; i < n; i++) {
            uint64_t r = bench_next(&seed);
            if (o == 1) {
                size_t cell = (size_t)((double)i / (double)n * CELLS);
                row[i] = (uint32_t)(cell / NCOLS);
                col[i] = (uint32_t)(cell % NCOLS);
            } else {
                row[i] = o == 2 ? (uint32_t)((double)i / (double)n * NROWS)
                                : (uint32_t)((r >> 32) % NROWS);
                col[i] = (uint32_t)((r & 0xffffffffu) % NCOLS);
            }
        }
        memset(ref, 0, sizeof ref);
        for (size_t i = 0; i < n; i++)
            ref[(size_t)row[i] * NCOLS + col[i]]++;

        double best[4] = {1e300, 1e300, 1e300, 1e300};
        for (int r = 0; r < reps; r++) {
            double t0 = 1e3 * bench_now();
            if (yr_crosstab(row, col, n, NROWS, NCOLS, table) != YR_OK)
                fail("yr_crosstab failed");
            double t1 = 1e3 * bench_now();
            if (memcmp(table, ref, sizeof table) != 0)
                fail("yr_crosstab: wrong table");
            double t2 = 1e3 * bench_now();
            memcpy(dst, row, n * sizeof *row);
            memcpy(dst + n * sizeof *row, col, n * sizeof *col);
            double t3 = 1e3 * bench_now();
            if (dst[(size_t)r % n] != ((unsigned char *)row)[(size_t)r % n])
                fail("memcpy");
            double t4 = 1e3 * bench_now();
            if (two_pass(row, col, n, table) != 0 || memcmp(table, ref, sizeof table) != 0)
                fail("two-pass baseline: wrong table");
            double t5 = 1e3 * bench_now();
            if (yr_count_by(row, n, NROWS, counts) != YR_OK)
                fail("yr_count_by failed");
            double t6 = 1e3 * bench_now();
            for (size_t g = 0; g < NROWS; g++) {
                int64_t s = 0;
                for (size_t c = 0; c < NCOLS; c++)
                    s += ref[g * NCOLS + c];
                if (s != counts[g])
                    fail("yr_count_by: wrong counts");
            }
            double d[4] = {t1 - t0, t3 - t2, t5 - t4, t6 - t5};
            for (int k = 0; k < 4; k++)
                best[k] = d[k] < best[k] ? d[k] : best[k];
        }
        static const char *const what[] = {"yr_crosstab", "memcpy (same bytes)",
                                           "two-pass baseline", "yr_count_by (4 B/rec)"};
        for (int k = 0; k < 4; k++) {
            double b = k == 3 ? bytes / 2 : bytes;
            printf("%-8s %-22s %9.2f %8.2f\n", orders[o], what[k], best[k], b / best[k] / 1e6);
        }
    }
    free(row);
    free(col);
    free(dst);
    return 0;
}
