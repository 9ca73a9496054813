/* Benchmark of yr_crosstab: 10^5 .. 10^8 records (municipality 290 x course 20, uniform), in
 * GB/s of input (8 bytes per record: two uint32 indices) against a memcpy of the same bytes on
 * the same machine, interleaved, min of repetitions; peak RSS of one call on the largest size.
 *
 * Usage: bench_crosstab [--quick] [--max-n N] [--min-time SECONDS]
 * Prints a human-readable table, then "GOAL|..." lines for bench/run.sh. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "bench_common.h"
#include "yrkesresa.h"

enum { NROWS = 290, NCOLS = 20 };

static void fill_records(uint32_t *row, uint32_t *col, size_t n)
{
    uint64_t s = 4711;
    for (size_t i = 0; i < n; i++) {
        uint64_t r = bench_next(&s);
        row[i] = (uint32_t)((r & 0xFFFFFFFFu) % NROWS);
        col[i] = (uint32_t)((r >> 32) % NCOLS);
    }
}

typedef struct rss_case {
    size_t n;
} rss_case;

static int rss_run(void *arg)
{
    const rss_case *c = arg;
    uint32_t *row = bench_alloc(c->n * sizeof *row);
    uint32_t *col = bench_alloc(c->n * sizeof *col);
    int64_t *table = bench_alloc(NROWS * NCOLS * sizeof *table);
    fill_records(row, col, c->n);
    yr_status st = yr_crosstab(row, col, c->n, NROWS, NCOLS, table);
    int ok = st == YR_OK && table[0] >= 0;
    free(row);
    free(col);
    free(table);
    return ok ? 0 : 1;
}

static void check(yr_status st, const int64_t *table, size_t n, const int64_t *ref)
{
    if (st != YR_OK) {
        fprintf(stderr, "bench_crosstab: n=%zu: %s\n", n, yr_strerror(st));
        exit(1);
    }
    int64_t sum = 0;
    for (size_t i = 0; i < NROWS * NCOLS; i++)
        sum += table[i];
    if (sum != (int64_t)n || (ref != NULL && memcmp(table, ref, sizeof(int64_t) * NROWS * NCOLS))) {
        fprintf(stderr, "bench_crosstab: n=%zu: wrong table\n", n);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    double min_time = 0.5;
    size_t sizes[8];
    size_t nsizes = bench_args(argc, argv, "bench_crosstab", 100000, 100000000, 1000000, &min_time,
                               0.05, sizes);
    size_t big = sizes[nsizes - 1];

    long base_kib = bench_child_peak_rss(bench_noop, NULL);
    rss_case rc = {big};
    long rss_kib = bench_child_peak_rss(rss_run, &rc);

    uint32_t *row = bench_alloc(big * sizeof *row);
    uint32_t *col = bench_alloc(big * sizeof *col);
    unsigned char *dst = bench_alloc(2 * big * sizeof(uint32_t));
    memset(dst, 1, 2 * big * sizeof(uint32_t)); /* fault the destination in before timing */
    int64_t table[NROWS * NCOLS], ref[NROWS * NCOLS];
    fill_records(row, col, big);

    printf("yr_crosstab, %d x %d table, uniform records; GB/s of input (8 bytes per record)\n",
           NROWS, NCOLS);
    printf("%-8s %11s %10s %11s %10s %9s\n", "records", "crosstab", "GB/s", "memcpy", "GB/s",
           "of memcpy");
    double goal_ratio = 0, goal_ct = 0, goal_mc = 0;
    size_t goal_n = 0;
    for (size_t s = 0; s < nsizes; s++) {
        size_t n = sizes[s], bytes = 2 * n * sizeof(uint32_t);
        /* exact reference for the first n records, counted here */
        memset(ref, 0, sizeof ref);
        for (size_t i = 0; i < n; i++)
            ref[row[i] * NCOLS + col[i]]++;
        check(yr_crosstab(row, col, n, NROWS, NCOLS, table), table, n, ref);
        double best_ct = INFINITY, best_mc = INFINITY, spent = 0;
        for (int reps = 0; reps < 3 || (spent < min_time && reps < 1000); reps++) {
            double t0 = bench_now();
            yr_status st = yr_crosstab(row, col, n, NROWS, NCOLS, table);
            double t1 = bench_now();
            memcpy(dst, row, n * sizeof(uint32_t));
            memcpy(dst + n * sizeof(uint32_t), col, n * sizeof(uint32_t));
            double t2 = bench_now();
            if (st != YR_OK)
                check(st, table, n, NULL);
            /* keep the copy observable so it cannot be optimised away */
            if (dst[(size_t)reps % bytes] == 0xFF && dst[bytes - 1] == 0xFE)
                printf("!");
            best_ct = t1 - t0 < best_ct ? t1 - t0 : best_ct;
            best_mc = t2 - t1 < best_mc ? t2 - t1 : best_mc;
            spent += t2 - t0;
        }
        double gb_ct = (double)bytes / best_ct / 1e9, gb_mc = (double)bytes / best_mc / 1e9;
        printf("10^%-5.0f %8.2f ms %10.2f %8.2f ms %10.2f %8.0f %%\n", log10((double)n),
               best_ct * 1e3, gb_ct, best_mc * 1e3, gb_mc, 100 * gb_ct / gb_mc);
        fflush(stdout);
        if (n <= 10000000) {
            goal_n = n;
            goal_ratio = gb_ct / gb_mc;
            goal_ct = gb_ct;
            goal_mc = gb_mc;
        }
    }
    double peak = (double)rss_kib / 1024.0, base = (double)base_kib / 1024.0;
    double io = (double)(2 * big * sizeof(uint32_t)) / 1048576.0;
    printf("peak RSS of one call on 10^%.0f records (child process): %.1f MiB = %.1f baseline + "
           "%.1f records + %.1f library and table\n\n",
           log10((double)big), peak, base, io, peak - base - io);
    printf("GOAL|C crosstab / memcpy bandwidth|n=10^%.0f|%.2f GB/s|%.2f GB/s|%.0f %%|>= 30 %%|%s\n",
           log10((double)goal_n), goal_ct, goal_mc, 100 * goal_ratio,
           goal_ratio >= 0.3 ? "yes" : "NO");
    free(row);
    free(col);
    free(dst);
    return 0;
}
