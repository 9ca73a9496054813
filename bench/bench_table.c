/* Benchmark of yr_split_table: time per call on 290 parties x 10 items (the country's
 * municipalities) and 10^5 parties x 20 items, against splitting each item on its own with
 * yr_split (what a user would do without the table, losing the row guarantee), and the fallback
 * path (tables that cannot have the largest-remainder rows) at 10^5 parties. Speed goals are
 * ratios reported here, never asserted in a test.
 *
 * Usage: bench_table [--quick] [--min-time SECONDS]
 * Prints a human-readable table, then one "GOAL|..." line per goal for bench/run.sh. */
#define _DEFAULT_SOURCE
#include <string.h>

#include "bench_common.h"
#include "yrkesresa.h"

typedef struct bcase {
    const char *name;
    size_t n, m;
    int64_t *w, *tot, *out, *col;
} bcase;

static void fail(const char *name, const char *what)
{
    fprintf(stderr, "bench_table: %s: %s\n", name, what);
    exit(1);
}

/* Population-like weights (1 .. 10^6) and item totals 10^5 .. 10^8 kr. */
static void fill_random(bcase *c, uint64_t seed)
{
    for (size_t i = 0; i < c->n; i++)
        c->w[i] = 1 + (int64_t)bench_below(&seed, 1000000);
    for (size_t j = 0; j < c->m; j++)
        c->tot[j] = 100000 + (int64_t)bench_below(&seed, 100000000);
}

/* The counterexample (items 2 and 70 over 3, 0, 226, 4, 816, 4, 5) repeated: same quotas, so no
 * table has the largest-remainder rows and the greedy base is computed. */
static void fill_counterexample(bcase *c)
{
    static const int64_t w[] = {3, 0, 226, 4, 816, 4, 5};
    for (size_t i = 0; i < c->n; i++)
        c->w[i] = w[i % 7];
    c->tot[0] = 2 * (int64_t)(c->n / 7);
    c->tot[1] = 70 * (int64_t)(c->n / 7);
}

static void check(const bcase *c)
{
    for (size_t j = 0; j < c->m; j++) {
        int64_t s = 0;
        for (size_t i = 0; i < c->n; i++)
            s += c->out[i * c->m + j];
        if (s != c->tot[j])
            fail(c->name, "a column does not add to its total");
    }
}

static double time_table(bcase *c)
{
    double t0 = bench_now();
    if (yr_split_table(c->tot, c->m, c->w, c->n, c->out) != YR_OK)
        fail(c->name, "yr_split_table failed");
    return bench_now() - t0;
}

static double time_columns(bcase *c)
{
    double t0 = bench_now();
    for (size_t j = 0; j < c->m; j++) {
        if (yr_split(c->tot[j], c->w, c->n, YR_LARGEST_REMAINDER, c->col) != YR_OK)
            fail(c->name, "yr_split failed");
    }
    return bench_now() - t0;
}

/* Minimum over rounds of the table and of the per-item splits, alternating. */
static void measure(bcase *c, double min_time, double *table, double *columns)
{
    *table = time_table(c);
    check(c);
    *columns = time_columns(c);
    double spent = *table + *columns;
    for (int round = 1; round < 3 || spent < min_time; round++) {
        double a = time_table(c), b = time_columns(c);
        *table = a < *table ? a : *table;
        *columns = b < *columns ? b : *columns;
        spent += a + b;
        if (round > 1000)
            break;
    }
}

static void bcase_init(bcase *c, const char *name, size_t n, size_t m)
{
    c->name = name;
    c->n = n;
    c->m = m;
    c->w = bench_alloc(n * sizeof *c->w);
    c->tot = bench_alloc(m * sizeof *c->tot);
    c->out = bench_alloc(n * m * sizeof *c->out);
    c->col = bench_alloc(n * sizeof *c->col);
}

static void bcase_free(bcase *c)
{
    free(c->w);
    free(c->tot);
    free(c->out);
    free(c->col);
}

static void report(bcase *c, double min_time, double goal_ratio)
{
    double table, columns;
    measure(c, min_time, &table, &columns);
    double ratio = table / columns;
    printf("%-34s %8zu %4zu %12.3f ms %12.3f ms %8.2fx\n", c->name, c->n, c->m, 1e3 * table,
           1e3 * columns, ratio);
    printf("GOAL|C split_table %s|%zu x %zu|%.3f ms|%.3f ms|%.2fx|< %.0fx|%s\n", c->name, c->n,
           c->m, 1e3 * table, 1e3 * columns, ratio, goal_ratio,
           ratio < goal_ratio ? "met" : "NOT MET");
}

int main(int argc, char **argv)
{
    double min_time = 2.0;
    size_t big = 100000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            min_time = 0.2;
            big = 10000;
        } else if (strcmp(argv[i], "--min-time") == 0 && i + 1 < argc) {
            min_time = strtod(argv[++i], NULL);
        } else {
            fprintf(stderr, "usage: bench_table [--quick] [--min-time S]\n");
            return 2;
        }
    }
    printf("yr_split_table, time per call (min of repetitions) vs one yr_split per item\n");
    printf("%-34s %8s %4s %15s %15s %9s\n", "case", "parties", "items", "table", "yr_split x items",
           "ratio");
    bcase c;
    bcase_init(&c, "municipalities", 290, 10);
    fill_random(&c, 290);
    report(&c, min_time, 5);
    bcase_free(&c);
    bcase_init(&c, "large", big, 20);
    fill_random(&c, 100000);
    report(&c, min_time, 5);
    bcase_free(&c);
    bcase_init(&c, "fallback (counterexample repeated)", big - big % 7, 2);
    fill_counterexample(&c);
    report(&c, min_time, 50);
    bcase_free(&c);
    return 0;
}
