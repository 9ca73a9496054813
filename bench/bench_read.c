/* Issue 20 point 9: reading a 10^6-row CSV with libyrkesresa-read and splitting by it, against
 * one mawk pass that sums the same column, as ratios measured in one run; and the peak memory of
 * the reading against the file's size.
 *
 *   bench_read [--rows N] [--rounds R] [--keep FILE] [--fread] [--caller-malloc]
 *   bench_read --once FILE [--fread] [--caller-malloc]
 *                               read FILE as above, split, print the sum (one whole process, to
 *                               time from outside against mawk on the same file)
 * The file is mapped (MAP_POPULATE), as the program maps a regular file (cli_read.c); --fread:
 * read into a buffer instead (as the program read it before, and still reads standard input).
 * The caller's two arrays of a row each (the weights and the amounts, 16 MB for 10^6 rows) are
 * asked for on huge pages (bench_alloc_rows(), as a caller holding a million rows may; the
 * reader's own row arrays are); --caller-malloc: from plain malloc() (4096 more page faults).
 *
 * The file: "Kommun,Befolkning" and N rows "Kommun 0000001,123456" (populations from a fixed
 * seed, 100000..999999). Each round runs, in turn:
 *   ours:  map the file (as the program does), yr_read_table() with the
 *          municipality (required, unique: every name checked against the others and the 290)
 *          and the population (required) wanted, yr_table_column_values(), the sum; then
 *          yr_split() of 10^9 kronor by the populations (the program's split);
 *   mawk:  mawk -F, '{s+=$2} END {print s}' FILE  (a child process, its wall time).
 * The minimum over rounds is kept for each; the sums must agree. Peak memory: ours in a forked
 * child (ru_maxrss), minus the child's baseline, divided by the file's size; the file itself is
 * in memory (read by the caller), so the goal of 2x the file holds the file once and the table
 * once. Each program defines _DEFAULT_SOURCE itself (fork, wait4, clock_gettime under -std=c11). */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <yrkesresa.h>

#include "bench_common.h"
#include "yrkesresa/read.h"

static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

typedef struct run {
    const char *path;
    double cpu_reading; /* CPU seconds of file + table + values */
    double cpu_all;     /* and of the split */
    int read_only;      /* stop after yr_read_table (for the table's own peak memory) */
    int map;            /* the file mapped (MAP_POPULATE); 0 with --fread: read into a buffer */
    int plain;          /* --caller-malloc: the weights and amounts from malloc(), not huge pages */
    double t_file, t_read, t_values, t_split; /* seconds */
    long long sum;
} run;

/* The file's bytes: mapped read-only and populated (no copy, no fault a page) or read into a
 * buffer, as the program reads a file. */
static char *load(const char *path, int map, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (f == NULL || fstat(fileno(f), &sb) != 0) {
        fprintf(stderr, "bench_read: cannot open %s\n", path);
        exit(2);
    }
    char *b;
    if (map) {
        *len = (size_t)sb.st_size;
        void *p = mmap(NULL, *len ? *len : 1, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fileno(f), 0);
        if (p == MAP_FAILED) {
            fprintf(stderr, "bench_read: cannot map %s\n", path);
            exit(2);
        }
        b = p;
    } else {
        b = bench_alloc((size_t)sb.st_size + 1);
        *len = fread(b, 1, (size_t)sb.st_size, f);
    }
    fclose(f);
    return b;
}

static void drop_file(const run *r, char *bytes, size_t len)
{
    if (r->map)
        munmap(bytes, len ? len : 1);
    else
        free(bytes);
}

static int ours(void *arg)
{
    run *r = arg;
    double c0 = cpu_now(), t0 = bench_now();
    size_t len;
    char *bytes = load(r->path, r->map, &len);
    double t1 = bench_now();
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_POPULATION, YR_WANT_REQUIRED}};
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = want;
    o.nwant = 2;
    o.borrow = 1;
    yr_table *t;
    yr_read_error err;
    if (yr_read_table(bytes, len, &o, &t, &err) != YR_READ_OK) {
        fprintf(stderr, "bench_read: line %zu: %s\n", err.line, err.message);
        return 1;
    }
    double t2 = bench_now();
    if (r->read_only) {
        yr_table_free(t);
        drop_file(r, bytes, len);
        return 0;
    }
    size_t n = yr_table_ndata(t);
    int64_t den, *w = r->plain ? bench_alloc(n * sizeof *w) : bench_alloc_rows(n * sizeof *w);
    int64_t *out = r->plain ? bench_alloc(n * sizeof *out) : bench_alloc_rows(n * sizeof *out);
    if (yr_table_column_values(t, 1, w, &den, &err) != YR_READ_OK)
        return 1;
    long long sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += w[i];
    double t3 = bench_now();
    r->cpu_reading = cpu_now() - c0;
    if (yr_split(1000000000, w, n, YR_LARGEST_REMAINDER, out) != YR_OK)
        return 1;
    double t4 = bench_now();
    r->cpu_all = cpu_now() - c0;
    r->t_file = t1 - t0;
    r->t_read = t2 - t1;
    r->t_values = t3 - t2;
    r->t_split = t4 - t3;
    r->sum = sum;
    free(w);
    free(out);
    yr_table_free(t);
    drop_file(r, bytes, len);
    return 0;
}

/* mawk's sum and wall time; *rss its peak in KiB, *cpu its CPU seconds. */
static double mawk(const char *path, long long *sum, long *rss, double *cpu)
{
    int fd[2];
    if (pipe(fd) != 0)
        exit(2);
    fflush(NULL);
    double t0 = bench_now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        execlp("mawk", "mawk", "-F,", "{s+=$2} END {printf \"%.0f\\n\", s}", path, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    char buf[64] = "";
    ssize_t got = read(fd[0], buf, sizeof buf - 1);
    close(fd[0]);
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double t = bench_now() - t0;
    if (got <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_read: mawk failed (is it installed?)\n");
        exit(2);
    }
    *sum = atoll(buf);
    *rss = ru.ru_maxrss;
    *cpu =
        ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    return t;
}

static void generate(const char *path, size_t rows)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        exit(2);
    uint64_t seed = 20;
    fputs("Kommun,Befolkning\n", f);
    for (size_t i = 1; i <= rows; i++)
        fprintf(f, "Kommun %07zu,%llu\n", i,
                (unsigned long long)(100000 + bench_below(&seed, 900000)));
    fclose(f);
}

/* The minimum over the rounds of each figure. */
typedef struct bests {
    double t[5]; /* file, yr_read_table, values + sum, yr_split, all */
    double mawk, cpu_ours, cpu_all, cpu_mawk;
    long long sum, msum;
} bests;

/* @p rounds rounds of ours and mawk in turn into *b (b->msum: mawk's sum). 0, or 1. */
static int run_rounds(const char *path, int map, int plain, int rounds, bests *b)
{
    for (int i = 0; i < 5; i++)
        b->t[i] = 1e9;
    b->mawk = b->cpu_ours = b->cpu_all = b->cpu_mawk = 1e9;
    b->sum = 0;
    for (int k = 0; k < rounds; k++) {
        run rk = {.path = path, .map = map, .plain = plain};
        if (ours(&rk) != 0)
            return 1;
        long mrss_k;
        double mc, m = mawk(path, &b->msum, &mrss_k, &mc);
        b->cpu_ours = rk.cpu_reading < b->cpu_ours ? rk.cpu_reading : b->cpu_ours;
        b->cpu_all = rk.cpu_all < b->cpu_all ? rk.cpu_all : b->cpu_all;
        b->cpu_mawk = mc < b->cpu_mawk ? mc : b->cpu_mawk;
        double v[5] = {rk.t_file, rk.t_read, rk.t_values, rk.t_split,
                       rk.t_file + rk.t_read + rk.t_values + rk.t_split};
        for (int i = 0; i < 5; i++)
            b->t[i] = v[i] < b->t[i] ? v[i] : b->t[i];
        b->mawk = m < b->mawk ? m : b->mawk;
        b->sum = rk.sum;
    }
    return 0;
}

/* The two flags (--fread, --caller-malloc) taken out of argv, wherever they are; the new argc. */
static int flags(int argc, char **argv, int *map, int *plain)
{
    int k = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fread") == 0)
            *map = 0;
        else if (strcmp(argv[i], "--caller-malloc") == 0)
            *plain = 1;
        else
            argv[k++] = argv[i];
    }
    return k;
}

int main(int argc, char **argv)
{
    size_t rows = 1000000;
    int rounds = 5;
    const char *keep = NULL;
    int map = 1, plain = 0;
    argc = flags(argc, argv, &map, &plain);
    if (argc == 3 && strcmp(argv[1], "--once") == 0) {
        run one = {.path = argv[2], .map = map, .plain = plain};
        if (ours(&one) != 0)
            return 1;
        printf("%lld\n", one.sum);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rows") == 0 && i + 1 < argc)
            rows = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--keep") == 0 && i + 1 < argc)
            keep = argv[++i];
        else {
            fprintf(stderr, "usage: bench_read [--rows N] [--rounds R] [--keep FILE] [--fread] "
                            "[--caller-malloc]\n");
            return 2;
        }
    }
    char path[] = "/tmp/bench_read_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 2;
    close(fd);
    generate(path, rows);
    struct stat sb;
    stat(path, &sb);
    bests b;
    long mrss = 0;
    /* Peak memory first, while this process is small: a forked child's ru_maxrss starts at its
     * parent's resident size (and an exec'd child keeps it). */
    run r = {.path = path, .map = map, .plain = plain};
    run ro = {.path = path, .read_only = 1, .map = map};
    long base = bench_child_peak_rss(bench_noop, NULL), peak = bench_child_peak_rss(ours, &r);
    long peak_read = bench_child_peak_rss(ours, &ro);
    double mc0;
    mawk(path, &b.msum, &mrss, &mc0);
    if (run_rounds(path, map, plain, rounds, &b) != 0)
        return 1;
    double mib = (double)sb.st_size / (1 << 20);
    const double *best = b.t, best_mawk = b.mawk, cpu_ours = b.cpu_ours, cpu_mawk = b.cpu_mawk,
                 cpu_all = b.cpu_all;
    long long sum = b.sum, msum = b.msum;
    double reading = best[0] + best[1] + best[2];
    printf("bench_read: %zu rows, %.1f MiB (%s; the caller's weights and amounts %s); minimum "
           "of %d rounds, ours and mawk in turn\n",
           rows, mib, map ? "mapped" : "read into a buffer",
           plain ? "from malloc()" : "on huge pages", rounds);
    printf("  sums: ours %lld, mawk %lld: %s\n", sum, msum, sum == msum ? "equal" : "DIFFER");
    printf("  ours: file %.1f ms, yr_read_table %.1f ms, column values + sum %.1f ms, "
           "yr_split %.1f ms\n",
           best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, best[3] * 1e3);
    printf("  mawk -F, '{s+=$2}': %.1f ms (peak %.1f MiB)\n", best_mawk * 1e3, mrss / 1024.0);
    printf("  ratio reading (file + table + values) / mawk: %.2f   (goal <= 2)\n",
           reading / best_mawk);
    printf("  ratio reading and splitting / mawk:          %.2f\n", best[4] / best_mawk);
    printf("  CPU time: reading %.1f ms, mawk %.1f ms: ratio %.2f (a loaded machine stretches "
           "wall times, not CPU times)\n",
           cpu_ours * 1e3, cpu_mawk * 1e3, cpu_ours / cpu_mawk);
    printf("  CPU time: reading and splitting %.1f ms: ratio %.2f\n", cpu_all * 1e3,
           cpu_all / cpu_mawk);
    printf(
        "  peak RSS reading (the file and the table): %.1f MiB = %.2f x the file   (goal <= 2)\n",
        (peak_read - base) / 1024.0, (peak_read - base) / 1024.0 / mib);
    printf("  peak RSS reading and splitting (+ weights and amounts, 16 B a row): %.1f MiB = "
           "%.2f x the file\n",
           (peak - base) / 1024.0, (peak - base) / 1024.0 / mib);
    printf("  (child baseline %.1f MiB subtracted)\n", base / 1024.0);
    if (keep != NULL)
        rename(path, keep);
    else
        unlink(path);
    return sum == msum ? 0 : 1;
}
