/* Helpers shared by the C benchmark programs: a monotonic clock, a deterministic generator and
 * a peak-RSS probe that runs one case in a child process. Benchmarks only; never in lib/. */
#ifndef YR_BENCH_COMMON_H
#define YR_BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* splitmix64: a fixed seed gives the same data on every run. */
static inline uint64_t bench_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Uniform in [0, bound) (bound < 2^32: the bias of the 64-bit modulo is below 2^-32). */
static inline uint64_t bench_below(uint64_t *state, uint64_t bound)
{
    return bench_next(state) % bound;
}

/* CPU seconds of this thread: on a shared machine the wall time of a call is mostly waiting for
 * a core; the CPU time is what the call costs. */
static inline double bench_thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Population-like weights: 1 .. 10^6 inhabitants per party, the same on every run. */
static inline void bench_population_weights(int64_t *w, size_t n)
{
    uint64_t s = 20240607;
    for (size_t i = 0; i < n; i++)
        w[i] = 1 + (int64_t)bench_below(&s, 1000000);
}

static inline void *bench_alloc(size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (p == NULL) {
        fprintf(stderr, "bench: out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return p;
}

/* An array of a million rows as a caller that holds one may ask for it: aligned to and rounded
 * up to 2 MiB and advised to be backed by huge pages (a page fault a 2 MiB instead of a 4 KiB
 * page: 16 MB of weights and amounts fault 8 times instead of 4096, which is ~25 ms on a VM where
 * a fault costs ~5 us). Below 1 MiB, or where that is not offered, plain malloc(). free() frees
 * it. */
static inline void *bench_alloc_rows(size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const size_t huge = (size_t)2 << 20;
    size_t whole = (bytes + huge - 1) / huge * huge;
    void *p = NULL;
    if (bytes >= huge / 2 && whole >= bytes && posix_memalign(&p, huge, whole) == 0) {
        madvise(p, whole, MADV_HUGEPAGE);
        return p;
    }
#endif
    return bench_alloc(bytes);
}

/* Does nothing: the baseline for bench_child_peak_rss(). */
static inline int bench_noop(void *arg)
{
    (void)arg;
    return 0;
}

/* Run fn(arg) once in a child process and return the child's peak resident set in KiB
 * (ru_maxrss of that child only, from wait4), or -1 on failure. The child exits with status 0
 * when fn returns 0. */
static inline long bench_child_peak_rss(int (*fn)(void *), void *arg)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        _exit(fn(arg) == 0 ? 0 : 1);
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return ru.ru_maxrss;
}

/* The command line shared by the C benchmarks: [--quick] [--max-n N] [--min-time S]. Fills
 * sizes[] with first, 10*first, ... up to max_n (at most 8) and returns how many; exits with 2 and
 * a usage message on a bad command line. */
static inline size_t bench_args(int argc, char **argv, const char *name, size_t first, size_t max_n,
                                size_t quick_max_n, double *min_time, double quick_min_time,
                                size_t sizes[8])
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            max_n = quick_max_n;
            *min_time = quick_min_time;
        } else if (strcmp(argv[i], "--max-n") == 0 && i + 1 < argc) {
            max_n = (size_t)strtod(argv[++i], NULL);
        } else if (strcmp(argv[i], "--min-time") == 0 && i + 1 < argc) {
            *min_time = strtod(argv[++i], NULL);
        } else {
            fprintf(stderr, "usage: %s [--quick] [--max-n N] [--min-time S]\n", name);
            exit(2);
        }
    }
    size_t nsizes = 0;
    for (size_t n = first; n <= max_n && nsizes < 8; n *= 10)
        sizes[nsizes++] = n;
    if (nsizes == 0) {
        fprintf(stderr, "%s: --max-n must be at least %zu\n", name, first);
        exit(2);
    }
    return nsizes;
}

#endif
