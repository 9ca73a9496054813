/* Benchmark of the divisor methods with fewer units than parties (issue 23, point 6): the time
 * per yr_split call at n parties for totals n/100, n/10, n/2 and n (fewer units than parties, or
 * about one each) against the same n with many units (total 10^9, about 100 per party at 10^7).
 * Goal: the slowest of the few-unit totals is under 2x the many-unit time. Speed goals are ratios
 * reported here, never asserted in a test.
 *
 * Usage: bench_few_units [--quick] [--max-n N] [--min-time SECONDS]
 * (the largest size of the ladder is the one measured, default 10^7). Prints a table, then one
 * "GOAL|..." line per method for bench/run.sh. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "bench_common.h"
#include "yrkesresa.h"

static const yr_method methods[] = {YR_DHONDT,          YR_SAINTE_LAGUE, YR_SAINTE_LAGUE_MODIFIED,
                                    YR_HUNTINGTON_HILL, YR_ADAMS,        YR_DEAN};
#define NMETHODS (sizeof methods / sizeof methods[0])
/* totals as n / div (div 0: the many-unit reference 10^9) */
static const unsigned divs[] = {100, 10, 2, 1, 0};
#define NTOTALS (sizeof divs / sizeof divs[0])

static void check(yr_status st, const int64_t *out, size_t n, int64_t total, yr_method m)
{
    int64_t sum = 0;
    for (size_t i = 0; st == YR_OK && i < n; i++)
        sum += out[i];
    if (st != YR_OK || sum != total) {
        fprintf(stderr, "bench_few_units: %s on n=%zu total=%lld: %s\n", yr_method_name(m), n,
                (long long)total, st != YR_OK ? yr_strerror(st) : "rows do not add to the total");
        exit(1);
    }
}

/* Minimum CPU seconds per call for each total, the totals alternating round by round, for at
 * least min_time (at least 3 rounds). */
static void time_totals(const int64_t *w, size_t n, yr_method m, const int64_t *tot, int64_t *out,
                        double min_time, double *best)
{
    double spent = 0;
    for (int round = 0; round < 3 || (spent < min_time && round < 1000); round++) {
        for (size_t t = 0; t < NTOTALS; t++) {
            double t0 = bench_thread_cpu();
            yr_status st = yr_split(tot[t], w, n, m, out);
            double dt = bench_thread_cpu() - t0;
            check(st, out, n, tot[t], m);
            spent += dt;
            if (round == 0 || dt < best[t])
                best[t] = dt;
        }
    }
}

static void print_time(double sec)
{
    if (sec < 1)
        printf(" %9.2f ms", sec * 1e3);
    else
        printf(" %9.3f s ", sec);
}

int main(int argc, char **argv)
{
    double min_time = 1.0;
    size_t sizes[8];
    size_t nsizes =
        bench_args(argc, argv, "bench_few_units", 1000, 10000000, 100000, &min_time, 0.05, sizes);
    size_t n = sizes[nsizes - 1];
    int64_t tot[NTOTALS];
    for (size_t t = 0; t < NTOTALS; t++)
        tot[t] = divs[t] != 0 ? (int64_t)(n / divs[t]) : INT64_C(1000000000);
    int64_t *w = bench_alloc(n * sizeof *w);
    int64_t *out = bench_alloc(n * sizeof *out);
    bench_population_weights(w, n);

    printf("yr_split on n = 10^%.0f parties, CPU time per call (min of rounds); weights uniform "
           "1..10^6\n%-22s",
           log10((double)n), "method");
    for (size_t t = 0; t < NTOTALS; t++) {
        char label[24];
        if (divs[t] == 0)
            snprintf(label, sizeof label, "T = 10^%.0f", log10((double)tot[t]));
        else
            snprintf(label, sizeof label, divs[t] == 1 ? "T = n" : "T = n/%u", divs[t]);
        printf(" %12s", label);
    }
    printf(" %11s\n", "worst/many");
    double ratio[NMETHODS], worst_s[NMETHODS], many_s[NMETHODS];
    for (size_t m = 0; m < NMETHODS; m++) {
        double best[NTOTALS];
        time_totals(w, n, methods[m], tot, out, min_time, best);
        double worst = 0;
        printf("%-22s", yr_method_name(methods[m]));
        for (size_t t = 0; t < NTOTALS; t++) {
            print_time(best[t]);
            if (t + 1 < NTOTALS && best[t] > worst)
                worst = best[t];
        }
        worst_s[m] = worst;
        many_s[m] = best[NTOTALS - 1];
        ratio[m] = worst / best[NTOTALS - 1];
        printf(" %10.2fx\n", ratio[m]);
        fflush(stdout);
    }
    printf("worst/many: the slowest of the totals n/100 .. n against the total 10^9\n\n");
    for (size_t m = 0; m < NMETHODS; m++)
        printf("GOAL|C split %s, few units / many|n=10^%.0f T=n/100..n vs 10^9|%.1f ms|%.1f ms|"
               "%.2fx|< 2x|%s\n",
               yr_method_name(methods[m]), log10((double)n), worst_s[m] * 1e3, many_s[m] * 1e3,
               ratio[m], ratio[m] < 2 ? "yes" : "NO");
    free(w);
    free(out);
    return 0;
}
