/* Benchmark of yr_split: time per call for largest remainder and each divisor method on 10^3 ..
 * 10^7 parties with totals 10^6 .. 10^15, the scaling exponent in n, and the peak RSS of one call
 * on the largest size. Speed goals are ratios reported here, never asserted in a test.
 *
 * Usage: bench_split [--quick] [--max-n N] [--min-time SECONDS]
 * Prints human-readable tables, then one "GOAL|..." line per goal for bench/run.sh. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "bench_common.h"
#include "yrkesresa.h"

static const yr_method methods[] = {
    YR_LARGEST_REMAINDER, YR_DHONDT, YR_SAINTE_LAGUE, YR_SAINTE_LAGUE_MODIFIED,
    YR_HUNTINGTON_HILL,   YR_ADAMS,  YR_DEAN};
#define NMETHODS (sizeof methods / sizeof methods[0])
static const int64_t totals[] = {1000000, 1000000000, 1000000000000, 1000000000000000};
#define NTOTALS (sizeof totals / sizeof totals[0])

static void check_call(yr_status st, const int64_t *out, size_t n, int64_t total, yr_method m)
{
    if (st != YR_OK) {
        fprintf(stderr, "bench_split: %s on n=%zu total=%lld: %s\n", yr_method_name(m), n,
                (long long)total, yr_strerror(st));
        exit(1);
    }
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += out[i];
    if (sum != total) {
        fprintf(stderr, "bench_split: %s on n=%zu total=%lld: rows add to %lld\n",
                yr_method_name(m), n, (long long)total, (long long)sum);
        exit(1);
    }
}

/* Minimum seconds per call for each of the NTOTALS totals, calls for the different totals
 * interleaved round by round (so load from other processes hits them alike), rounds until
 * min_time has passed (at least 3 rounds unless a round is very slow). */
static void time_split(const int64_t *w, size_t n, yr_method m, int64_t *out, double min_time,
                       double *best)
{
    double spent = 0;
    /* the first round also checks the results (rows add to the total) outside the timing */
    for (size_t t = 0; t < NTOTALS; t++) {
        double t0 = bench_now();
        yr_status st = yr_split(totals[t], w, n, m, out);
        best[t] = bench_now() - t0;
        spent += best[t];
        check_call(st, out, n, totals[t], m);
    }
    /* at least 3 rounds unless they are slow (rounds over 10 s: the minimum of fewer) */
    for (int reps = 1; (reps < 3 && spent < 10) || (spent < min_time && reps < 2000); reps++) {
        for (size_t t = 0; t < NTOTALS; t++) {
            double t0 = bench_now();
            yr_status st = yr_split(totals[t], w, n, m, out);
            double dt = bench_now() - t0;
            if (st != YR_OK)
                check_call(st, out, n, totals[t], m);
            spent += dt;
            if (dt < best[t])
                best[t] = dt;
        }
    }
}

static void print_time(double sec)
{
    if (sec < 1e-3)
        printf(" %9.1f us", sec * 1e6);
    else if (sec < 1)
        printf(" %9.2f ms", sec * 1e3);
    else
        printf(" %9.3f s ", sec);
}

/* Least-squares slope of log(t) against log(n). */
static double slope(const double *n, const double *t, size_t k)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < k; i++) {
        double x = log(n[i]), y = log(t[i]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    return ((double)k * sxy - sx * sy) / ((double)k * sxx - sx * sx);
}

typedef struct rss_case {
    size_t n;
    int64_t total;
    yr_method method;
} rss_case;

static int rss_run(void *arg)
{
    const rss_case *c = arg;
    int64_t *w = bench_alloc(c->n * sizeof *w);
    int64_t *out = bench_alloc(c->n * sizeof *out);
    bench_population_weights(w, c->n);
    memset(out, 0, c->n * sizeof *out);
    yr_status st = yr_split(c->total, w, c->n, c->method, out);
    int ok = st == YR_OK && out[0] >= 0;
    free(w);
    free(out);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    double min_time = 0.3;
    size_t sizes[8];
    size_t nsizes =
        bench_args(argc, argv, "bench_split", 1000, 10000000, 100000, &min_time, 0.02, sizes);

    /* Peak RSS first, while this process is still small (a forked child starts from it). */
    size_t big = sizes[nsizes - 1];
    long base_kib = bench_child_peak_rss(bench_noop, NULL);
    long rss_kib[NMETHODS];
    for (size_t m = 0; m < NMETHODS; m++) {
        rss_case c = {big, 1000000000000, methods[m]};
        rss_kib[m] = bench_child_peak_rss(rss_run, &c);
    }

    int64_t *w = bench_alloc(big * sizeof *w);
    int64_t *out = bench_alloc(big * sizeof *out);
    bench_population_weights(w, big);

    printf("yr_split, time per call (min of repetitions); weights uniform 1..10^6\n");
    printf("%-22s %-7s", "method", "total");
    for (size_t s = 0; s < nsizes; s++) {
        char label[24];
        snprintf(label, sizeof label, "n = 10^%.0f", log10((double)sizes[s]));
        printf(" %12s", label);
    }
    printf(" exponent\n");
    double t_goal[NMETHODS][NTOTALS]; /* at 10^6 parties (or the largest size below) */
    double expo[NMETHODS][NTOTALS];
    size_t goal_s = 0;
    for (size_t s = 0; s < nsizes; s++) {
        if (sizes[s] <= 1000000)
            goal_s = s;
    }
    for (size_t m = 0; m < NMETHODS; m++) {
        double ns[8], ts[NTOTALS][8];
        for (size_t s = 0; s < nsizes; s++) {
            double best[NTOTALS];
            ns[s] = (double)sizes[s];
            time_split(w, sizes[s], methods[m], out, min_time, best);
            for (size_t t = 0; t < NTOTALS; t++)
                ts[t][s] = best[t];
        }
        for (size_t t = 0; t < NTOTALS; t++) {
            printf("%-22s 10^%-4.0f", yr_method_name(methods[m]), log10((double)totals[t]));
            for (size_t s = 0; s < nsizes; s++)
                print_time(ts[t][s]);
            size_t first = nsizes > 3 ? 1 : 0; /* fit from 10^4 up when there are enough sizes */
            expo[m][t] = slope(ns + first, ts[t] + first, nsizes - first);
            t_goal[m][t] = ts[t][goal_s];
            printf(" %8.2f\n", expo[m][t]);
        }
        fflush(stdout);
    }
    printf("exponent: least-squares slope of log(time) on log(n) over n = 10^%.0f .. 10^%.0f\n\n",
           log10((double)sizes[nsizes > 3 ? 1 : 0]), log10((double)big));

    printf("peak RSS of one yr_split call on 10^%.0f parties, total 10^12 (child process)\n",
           log10((double)big));
    printf("%-22s %10s %14s %12s\n", "method", "peak MiB", "weights+out", "library");
    double io_mib = (double)(2 * big * sizeof(int64_t)) / 1048576.0;
    for (size_t m = 0; m < NMETHODS; m++) {
        double peak = (double)rss_kib[m] / 1024.0, base = (double)base_kib / 1024.0;
        printf("%-22s %10.1f %14.1f %12.1f  (%.1f bytes/party)\n", yr_method_name(methods[m]), peak,
               io_mib, peak - base - io_mib, (peak - base - io_mib) * 1048576.0 / (double)big);
    }
    printf("(library = peak - %.1f MiB process baseline - weights and output)\n\n",
           (double)base_kib / 1024.0);

    /* goals: divisor methods, 10^6 parties, total 10^12 in < 0.5 s; independent of the total */
    char size_label[32];
    snprintf(size_label, sizeof size_label, "n=10^%.0f T=10^12", log10((double)sizes[goal_s]));
    for (size_t m = 1; m < NMETHODS; m++) {
        double sec = t_goal[m][2];
        printf("GOAL|C split %s|%s|%.1f ms|0.5 s|%.1fx|< 0.5 s|%s\n", yr_method_name(methods[m]),
               size_label, sec * 1e3, 0.5 / sec, sec < 0.5 ? "yes" : "NO");
    }
    /* independent of the total: over 10^9 .. 10^15. At 10^6 = n (about one unit per party) the
     * methods with a first divisor 0 give every party its first unit without a jump, several
     * times faster than any larger total, which says nothing about a dependence on the total. */
    for (size_t m = 1; m < NMETHODS; m++) {
        double lo = t_goal[m][1], hi = t_goal[m][1];
        for (size_t t = 2; t < NTOTALS; t++) {
            lo = t_goal[m][t] < lo ? t_goal[m][t] : lo;
            hi = t_goal[m][t] > hi ? t_goal[m][t] : hi;
        }
        snprintf(size_label, sizeof size_label, "n=10^%.0f T=10^9..10^15",
                 log10((double)sizes[goal_s]));
        printf("GOAL|C split %s, slowest/fastest total|%s|%.1f ms|%.1f ms|%.2fx|< 2x|%s\n",
               yr_method_name(methods[m]), size_label, hi * 1e3, lo * 1e3, hi / lo,
               hi / lo < 2 ? "yes" : "NO");
    }
    free(w);
    free(out);
    return 0;
}
