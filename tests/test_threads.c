/* Thread safety (issue 8): splits, mixed splits, audits and pot settlements run from 8 threads at
 * once must give exactly the single-threaded results. Run under ThreadSanitizer in CI (test name
 * 'threads'); a data race on shared state is reported there, a wrong number is reported here. */
#define _POSIX_C_SOURCE 200809L /* pthread barriers under -std=c11 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

#define NTHREADS 8
#define NCASES 96
#define MAXN 160
#define ROUNDS 20

typedef enum case_kind { CASE_SPLIT, CASE_MIXED, CASE_AUDIT, CASE_POT } case_kind;

#define POT_DAYS 20
#define POT_MUNI 15
#define POT_ATT 120
#define POT_TR 50

/* The result of one call, compared field by field with the reference. */
typedef struct result {
    yr_status status;
    int64_t out[MAXN];
    yr_audit_summary summary;
    yr_audit_row rows[MAXN];
    yr_pot_row pot_rows[POT_MUNI];
    yr_pot_summary pot_summary;
    int64_t day_undistributed[POT_DAYS];
} result;

/* One call's input and its single-threaded result. */
typedef struct work_case {
    case_kind kind;
    int64_t total;
    yr_method method;
    int64_t eq_num, eq_den;
    size_t n;
    int64_t weights[MAXN];
    int64_t published[MAXN];
    /* pot input */
    yr_pot_rules rules;
    yr_attendance att[POT_ATT];
    size_t natt;
    yr_trainer tr[POT_TR];
    size_t ntr;
    result ref; /* the single-threaded result */
} work_case;

static work_case cases[NCASES];

static void run_case(const work_case *c, result *r)
{
    /* Outputs start from the same garbage in every run: an error must leave them as they were,
     * and that is compared too. */
    memset(r, 0xA5, sizeof *r);
    switch (c->kind) {
    case CASE_SPLIT:
        r->status = yr_split(c->total, c->weights, c->n, c->method, r->out);
        break;
    case CASE_MIXED:
        r->status = yr_split_mixed(c->total, c->eq_num, c->eq_den, c->weights, c->n, r->out);
        break;
    case CASE_AUDIT:
        r->status = yr_audit_split(c->total, c->weights, c->published, c->n, &r->summary, r->rows);
        break;
    case CASE_POT:
        r->status = yr_pot_settle(&c->rules, POT_DAYS, POT_MUNI, c->att, c->natt, c->tr, c->ntr,
                                  r->pot_rows, &r->pot_summary, r->day_undistributed);
        break;
    }
}

static int same_summary(const yr_audit_summary *a, const yr_audit_summary *b)
{
    return a->stated_total == b->stated_total && a->published_sum == b->published_sum &&
           a->sum_diff == b->sum_diff && a->quota_den == b->quota_den &&
           a->rows_differing == b->rows_differing &&
           a->rows_outside_quota == b->rows_outside_quota &&
           a->methods_matching == b->methods_matching;
}

static int same_row(const yr_audit_row *a, const yr_audit_row *b)
{
    return a->quota_whole == b->quota_whole && a->quota_rem == b->quota_rem &&
           a->expected == b->expected && a->diff == b->diff && a->within_quota == b->within_quota;
}

static int same_pot_row(const yr_pot_row *a, const yr_pot_row *b)
{
    return a->participant_days == b->participant_days && a->fees == b->fees &&
           a->admin == b->admin && a->pot_in == b->pot_in && a->kickback == b->kickback &&
           a->net == b->net;
}

static int same_pot_summary(const yr_pot_summary *a, const yr_pot_summary *b)
{
    return a->participant_days == b->participant_days && a->fees == b->fees &&
           a->admin == b->admin && a->pot_in == b->pot_in && a->kickback == b->kickback &&
           a->undistributed == b->undistributed &&
           a->days_without_trainer == b->days_without_trainer &&
           a->days_without_participants == b->days_without_participants;
}

/* Field by field (struct padding is not part of a result). Outputs untouched on error are
 * compared too: both runs start from the same 0xA5 pattern. */
static int same_result(const result *a, const result *b)
{
    if (a->status != b->status)
        return 0;
    if (memcmp(a->out, b->out, sizeof a->out) != 0 ||
        memcmp(a->day_undistributed, b->day_undistributed, sizeof a->day_undistributed) != 0)
        return 0;
    if (!same_summary(&a->summary, &b->summary) ||
        !same_pot_summary(&a->pot_summary, &b->pot_summary))
        return 0;
    for (size_t i = 0; i < MAXN; i++) {
        if (!same_row(&a->rows[i], &b->rows[i]))
            return 0;
    }
    for (size_t i = 0; i < POT_MUNI; i++) {
        if (!same_pot_row(&a->pot_rows[i], &b->pot_rows[i]))
            return 0;
    }
    return 1;
}

static void make_cases(void)
{
    uint64_t s = 0x9E3779B97F4A7C15ULL;
    for (size_t k = 0; k < NCASES; k++) {
        work_case *c = &cases[k];
        memset(c, 0, sizeof *c);
        c->kind = (case_kind)(k % 4);
        c->n = 1 + (size_t)(next_rand(&s) % MAXN);
        /* Weight magnitudes from populations to near-overflow sizes: < 2^17 << 44 < 2^61. */
        static const unsigned shifts[5] = {0, 12, 24, 36, 44};
        unsigned shift = shifts[next_rand(&s) % 5];
        for (size_t i = 0; i < c->n; i++) {
            c->weights[i] = (int64_t)((next_rand(&s) % 100000) << shift);
            if (next_rand(&s) % 10 == 0)
                c->weights[i] = 0;
        }
        c->total = (int64_t)(next_rand(&s) % 100000000) - 20000000;
        c->method = (yr_method)(next_rand(&s) % YR_METHOD_COUNT);
        if (c->method != YR_LARGEST_REMAINDER && c->method != YR_ROUND_EACH && c->total < 0 &&
            k % 12 != 0)
            c->total = -c->total; /* a few stay negative: an error case, same in every thread */
        if (k % 16 == 5)
            c->weights[c->n / 2] = -3; /* an invalid weight: YR_ERR_NEGATIVE everywhere */
        c->eq_den = 1 + (int64_t)(next_rand(&s) % 100);
        c->eq_num = (int64_t)(next_rand(&s) % (uint64_t)(c->eq_den + 1));
        for (size_t i = 0; i < c->n; i++)
            c->published[i] = (int64_t)(next_rand(&s) % 1000);
        /* pot: rules near the Dalarna ones, random days */
        c->rules.fee = 600;
        c->rules.pot_part = 400;
        c->rules.share[YR_ROLE_TRAINER] = 10;
        c->rules.share[YR_ROLE_LEADER] = 15;
        if (k % 8 == 3)
            c->rules.pot_part = 1 + (int64_t)(next_rand(&s) % 600);
        c->natt = 1 + (size_t)(next_rand(&s) % POT_ATT);
        for (size_t i = 0; i < c->natt; i++) {
            c->att[i].day = (size_t)(next_rand(&s) % POT_DAYS);
            c->att[i].municipality = (size_t)(next_rand(&s) % POT_MUNI);
            c->att[i].participants = (int64_t)(next_rand(&s) % 30);
        }
        c->ntr = (size_t)(next_rand(&s) % POT_TR);
        for (size_t i = 0; i < c->ntr; i++) {
            c->tr[i].day = (size_t)(next_rand(&s) % POT_DAYS);
            c->tr[i].municipality = (size_t)(next_rand(&s) % POT_MUNI);
            c->tr[i].role = (yr_role)(next_rand(&s) % YR_ROLE_COUNT);
        }
    }
}

typedef struct thread_arg {
    size_t id;
    pthread_barrier_t *barrier;
    size_t mismatches;
    size_t calls;
} thread_arg;

static void *worker(void *p)
{
    thread_arg *a = p;
    result *r = malloc(sizeof *r);
    pthread_barrier_wait(a->barrier);
    if (r == NULL) {
        a->mismatches = SIZE_MAX;
        return NULL;
    }
    for (size_t round = 0; round < ROUNDS; round++) {
        /* Each thread starts at a different case, so different calls overlap in time. */
        for (size_t j = 0; j < NCASES; j++) {
            const work_case *c = &cases[(j + a->id * (NCASES / NTHREADS) + round) % NCASES];
            run_case(c, r);
            if (!same_result(r, &c->ref))
                a->mismatches++;
            /* Lookups that return static data, concurrently. */
            if (strcmp(yr_strerror(c->ref.status), yr_strerror(r->status)) != 0)
                a->mismatches++;
            yr_method m;
            if (yr_method_from_name(yr_method_name(c->method), &m) != YR_OK || m != c->method)
                a->mismatches++;
            a->calls++;
        }
    }
    free(r);
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    make_cases();
    for (size_t k = 0; k < NCASES; k++)
        run_case(&cases[k], &cases[k].ref);
    return 0;
}

/* The single-threaded reference must itself be meaningful: most cases succeed, the planted
 * invalid ones fail, and successful splits add up. Otherwise comparing threads with it would
 * prove little. */
static void test_reference_is_meaningful(void **state)
{
    (void)state;
    size_t ok[4] = {0}, err = 0;
    for (size_t k = 0; k < NCASES; k++) {
        const work_case *c = &cases[k];
        if (c->ref.status != YR_OK) {
            err++;
            continue;
        }
        ok[c->kind]++;
        if (c->kind == CASE_SPLIT && c->method != YR_ROUND_EACH) {
            int64_t sum = 0;
            for (size_t i = 0; i < c->n; i++)
                sum += c->ref.out[i];
            assert_int_equal(sum, c->total);
        }
        if (c->kind == CASE_POT) {
            int64_t kick = 0;
            for (size_t i = 0; i < POT_MUNI; i++)
                kick += c->ref.pot_rows[i].kickback;
            assert_int_equal(kick + c->ref.pot_summary.undistributed, c->ref.pot_summary.pot_in);
        }
    }
    for (int kind = 0; kind < 4; kind++)
        assert_true(ok[kind] >= NCASES / 8);
    assert_true(err >= 2);
}

/* A known answer computed inside the threads too: Dalarna's 850 000 kr by population. */
static void test_known_answer(void **state)
{
    (void)state;
    const int64_t pop[15] = {22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
                             20544, 6939,  11079, 10909, 11203, 6790,  7033};
    int64_t out[15];
    assert_int_equal(yr_split(850000, pop, 15, YR_LARGEST_REMAINDER, out), YR_OK);
    assert_int_equal(out[9], 20452); /* Orsa; the PM published 20 453 */
    int64_t sum = 0;
    for (size_t i = 0; i < 15; i++)
        sum += out[i];
    assert_int_equal(sum, 850000);
}

static void test_eight_threads_match_single_thread(void **state)
{
    (void)state;
    pthread_t th[NTHREADS];
    thread_arg args[NTHREADS];
    pthread_barrier_t barrier;
    assert_int_equal(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
    for (size_t t = 0; t < NTHREADS; t++) {
        args[t] = (thread_arg){t, &barrier, 0, 0};
        assert_int_equal(pthread_create(&th[t], NULL, worker, &args[t]), 0);
    }
    for (size_t t = 0; t < NTHREADS; t++)
        assert_int_equal(pthread_join(th[t], NULL), 0);
    pthread_barrier_destroy(&barrier);
    for (size_t t = 0; t < NTHREADS; t++) {
        assert_int_equal(args[t].mismatches, 0);
        assert_int_equal(args[t].calls, (size_t)ROUNDS * NCASES);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_answer),
        cmocka_unit_test(test_reference_is_meaningful),
        cmocka_unit_test(test_eight_threads_match_single_thread),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
