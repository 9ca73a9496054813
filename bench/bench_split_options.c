/* Benchmark of yr_split_with's divisor methods (issue 15): the time per call at 10^6 parties
 * across the whole range of totals up to 2^63-1 (no speed cliff: slowest / fastest total), and
 * with per-party bounds against without (bounds / no bounds). Speed goals are ratios reported
 * here, never asserted in a test.
 *
 * The 2^62 boundary is where the jump used to be switched off (0.055 s for 2^62-1, 7.4 s for 2^62
 * at 10^6 parties before issue 15).
 *
 * Usage: bench_split_options [--quick] [--max-n N] [--min-time SECONDS]
 * (the largest size of the ladder is the one measured). Prints a table, then one "GOAL|..." line
 * per goal for bench/run.sh. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "bench_common.h"
#include "yrkesresa.h"

static const yr_method methods[] = {YR_DHONDT,          YR_SAINTE_LAGUE, YR_SAINTE_LAGUE_MODIFIED,
                                    YR_HUNTINGTON_HILL, YR_ADAMS,        YR_DEAN};
#define NMETHODS (sizeof methods / sizeof methods[0])
static const int64_t totals[] = {
    INT64_C(1000000),       INT64_C(1000000000000), INT64_C(1000000000000000000),
    (INT64_C(1) << 62) - 1, INT64_C(1) << 62,       INT64_MAX};
static const char *const total_names[] = {"10^6", "10^12", "10^18", "2^62-1", "2^62", "2^63-1"};
#define NTOTALS (sizeof totals / sizeof totals[0])

/* Bounds that bind: from the unbounded result a, every party at least 3/4 of it and at most
 * 5/4 of it (+1), every 10th party at least 9/8 of it (+1 when that is at least one unit more)
 * and every 7th at most 7/8 of it. Feasible: the others' slack covers the 10th parties. */
static void make_bounds(const int64_t *a, size_t n, int64_t *lo, int64_t *hi)
{
    for (size_t i = 0; i < n; i++) {
        int64_t x = a[i], e = x / 8;
        lo[i] = i % 10 == 0 ? x + e + (e > 0) : x - 2 * e;
        hi[i] = i % 10 == 0 ? lo[i] + 2 * e + 1 : (i % 7 == 0 ? x - e : x + 2 * e + 1);
    }
}

static void check(yr_status st, const int64_t *out, size_t n, int64_t total, yr_method m,
                  int bounded)
{
    __extension__ unsigned __int128 sum = 0;
    for (size_t i = 0; st == YR_OK && i < n; i++)
        sum += (uint64_t)out[i];
    if (st != YR_OK || sum != (uint64_t)total) {
        fprintf(stderr, "bench_split_options: %s%s on n=%zu total=%lld: %s\n", yr_method_name(m),
                bounded ? " (bounds)" : "", n, (long long)total,
                st != YR_OK ? yr_strerror(st) : "rows do not add to the total");
        exit(1);
    }
}

/* Minimum seconds per call without (best[0]) and with (best[1]) bounds, the two alternating
 * round by round, for at least min_time (at least 3 rounds). */
static void time_pair(const int64_t *w, size_t n, yr_method m, int64_t total, const int64_t *lo,
                      const int64_t *hi, int64_t *out, double min_time, double best[2])
{
    yr_split_options o[2];
    for (int b = 0; b < 2; b++) {
        yr_split_options_init(&o[b]);
        o[b].method = m;
        o[b].minimum = b ? lo : NULL;
        o[b].maximum = b ? hi : NULL;
        best[b] = 1e30;
    }
    double spent = 0;
    for (int reps = 0; reps < 3 || (spent < min_time && reps < 1000); reps++) {
        for (int b = 0; b < 2; b++) {
            double t0 = bench_thread_cpu();
            yr_status st = yr_split_with(total, w, n, &o[b], out);
            double dt = bench_thread_cpu() - t0;
            if (reps == 0)
                check(st, out, n, total, m, b);
            spent += dt;
            best[b] = dt < best[b] ? dt : best[b];
        }
    }
}

static void print_time(double sec)
{
    if (sec < 1)
        printf(" %8.2f ms", sec * 1e3);
    else
        printf(" %8.3f s ", sec);
}

int main(int argc, char **argv)
{
    double min_time = 0.5;
    size_t sizes[8];
    size_t nsizes = bench_args(argc, argv, "bench_split_options", 1000, 1000000, 100000, &min_time,
                               0.05, sizes);
    const size_t n = sizes[nsizes - 1];
    int64_t *w = bench_alloc(n * sizeof *w), *out = bench_alloc(n * sizeof *out);
    int64_t *a = bench_alloc(n * sizeof *a);
    int64_t *lo = bench_alloc(n * sizeof *lo), *hi = bench_alloc(n * sizeof *hi);
    bench_population_weights(w, n);
    double t[NMETHODS][NTOTALS][2];
    printf("yr_split_with at n = 10^%.0f, CPU time per call (min of repetitions); weights uniform "
           "1..10^6;\nbounds: minimum 3/4 and maximum 5/4 of the unbounded result (every 10th "
           "party forced above it, every 7th below)\n",
           log10((double)n));
    printf("%-22s %-7s %11s %11s %8s\n", "method", "total", "no bounds", "bounds", "ratio");
    for (size_t m = 0; m < NMETHODS; m++) {
        for (size_t k = 0; k < NTOTALS; k++) {
            check(yr_split(totals[k], w, n, methods[m], a), a, n, totals[k], methods[m], 0);
            make_bounds(a, n, lo, hi);
            time_pair(w, n, methods[m], totals[k], lo, hi, out, min_time, t[m][k]);
            printf("%-22s %-7s", yr_method_name(methods[m]), total_names[k]);
            print_time(t[m][k][0]);
            print_time(t[m][k][1]);
            printf(" %7.2fx\n", t[m][k][1] / t[m][k][0]);
            fflush(stdout);
        }
    }
    printf("\n");
    /* no cliff: over the large totals 10^12 .. 2^63-1 (10^6 at 10^6 parties is the small-quota
     * regime: about one unit per party, where the methods with a first divisor 0 shortcut) */
    for (size_t m = 0; m < NMETHODS; m++) {
        double fast = t[m][1][0], slow = t[m][1][0], worst_ratio = 0;
        for (size_t k = 0; k < NTOTALS; k++) {
            fast = k > 0 && t[m][k][0] < fast ? t[m][k][0] : fast;
            slow = k > 0 && t[m][k][0] > slow ? t[m][k][0] : slow;
            double r = t[m][k][1] / t[m][k][0];
            worst_ratio = r > worst_ratio ? r : worst_ratio;
        }
        printf("GOAL|C split_with %s, slowest/fastest total 10^12..2^63-1|n=10^%.0f|%.1f ms|%.1f "
               "ms|%.2fx|< 2x|%s\n",
               yr_method_name(methods[m]), log10((double)n), slow * 1e3, fast * 1e3, slow / fast,
               slow / fast < 2 ? "yes" : "NO");
        printf("GOAL|C split_with %s, bounds/no bounds (worst total)|n=10^%.0f|-|-|%.2fx|< 2x|%s\n",
               yr_method_name(methods[m]), log10((double)n), worst_ratio,
               worst_ratio < 2 ? "yes" : "NO");
    }
    free(w);
    free(out);
    free(a);
    free(lo);
    free(hi);
    return 0;
}
