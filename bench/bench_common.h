/* Helpers shared by the C benchmark programs: a monotonic clock, a deterministic generator and
 * a peak-RSS probe that runs one case in a child process. Benchmarks only; never in lib/. */
#ifndef YR_BENCH_COMMON_H
#define YR_BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

static inline void *bench_alloc(size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    if (p == NULL) {
        fprintf(stderr, "bench: out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return p;
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

#endif
