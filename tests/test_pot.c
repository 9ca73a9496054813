/* Trainer pot and course-day settlement: hand-computed cases, the SPEC invariants on random data
 * against an exact rational reference written here, and every error status with untouched
 * outputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

enum { A, B, C, D };

static yr_pot_rules dalarna(void)
{
    yr_pot_rules r;
    assert_int_equal(yr_pot_rules_dalarna_2024(&r), YR_OK);
    return r;
}

static void assert_row(const yr_pot_row *r, int64_t pd, int64_t fees, int64_t admin, int64_t pot_in,
                       int64_t kickback, int64_t net)
{
    assert_int_equal(r->participant_days, pd);
    assert_int_equal(r->fees, fees);
    assert_int_equal(r->admin, admin);
    assert_int_equal(r->pot_in, pot_in);
    assert_int_equal(r->kickback, kickback);
    assert_int_equal(r->net, net);
}

/* The summary's fields; money: participant days, fees, admin, pot in, kickback, undistributed. */
static void assert_summary(const yr_pot_summary *s, const int64_t money[6], size_t no_trainer,
                           size_t no_people)
{
    assert_int_equal(s->participant_days, money[0]);
    assert_int_equal(s->fees, money[1]);
    assert_int_equal(s->admin, money[2]);
    assert_int_equal(s->pot_in, money[3]);
    assert_int_equal(s->kickback, money[4]);
    assert_int_equal(s->undistributed, money[5]);
    assert_int_equal(s->days_without_trainer, no_trainer);
    assert_int_equal(s->days_without_participants, no_people);
}

static void test_rules_dalarna_2024(void **state)
{
    (void)state;
    yr_pot_rules r;
    memset(&r, 0x5a, sizeof r);
    assert_int_equal(yr_pot_rules_dalarna_2024(&r), YR_OK);
    assert_int_equal(r.fee, 600);
    assert_int_equal(r.pot_part, 400);
    assert_int_equal(r.share[YR_ROLE_TRAINER], 10);
    assert_int_equal(r.share[YR_ROLE_LEADER], 15);
    assert_int_equal(yr_pot_rules_dalarna_2024(NULL), YR_ERR_NULL);
}

static void test_role_from_name(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        yr_role role;
    } ok[] = {
        {"leader", YR_ROLE_LEADER},         {"kursledare", YR_ROLE_LEADER},
        {"LEADER", YR_ROLE_LEADER},         {"  KursLedare\t", YR_ROLE_LEADER},
        {"trainer", YR_ROLE_TRAINER},       {"Utbildare", YR_ROLE_TRAINER},
        {" TRAINER \r\n", YR_ROLE_TRAINER}, {"uTbIlDaRe", YR_ROLE_TRAINER},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        yr_role r = (yr_role)99;
        assert_int_equal(yr_role_from_name(ok[i].name, &r), YR_OK);
        assert_int_equal(r, ok[i].role);
    }
    static const char *const bad[] = {"",           "   ",      "ledare",      "trainers",
                                      "lead",       "leader x", "kurs ledare", "utbildaren",
                                      "Kursledäre", "xtrainer"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        yr_role r = (yr_role)99;
        assert_int_equal(yr_role_from_name(bad[i], &r), YR_ERR_RANGE);
        assert_int_equal(r, 99);
    }
    yr_role r = (yr_role)99;
    assert_int_equal(yr_role_from_name(NULL, &r), YR_ERR_NULL);
    assert_int_equal(r, 99);
    assert_int_equal(yr_role_from_name("leader", NULL), YR_ERR_NULL);
}

/* A leader (A) and two trainers (B, C) on one day with 10 participants (A 4, B 3, D 3).
 * Pot 4000 shared 15/35, 10/35, 10/35 = 1714 r 10/35, 1142 r 30/35, 1142 r 30/35; the two
 * units left go to the larger remainders B and C. */
static void test_leader_and_two_trainers(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_attendance att[] = {{0, A, 4}, {0, B, 3}, {0, D, 3}};
    yr_trainer tr[] = {{0, A, YR_ROLE_LEADER}, {0, B, YR_ROLE_TRAINER}, {0, C, YR_ROLE_TRAINER}};
    yr_pot_row rows[4];
    yr_pot_summary s;
    int64_t und[1] = {-1};
    assert_int_equal(yr_pot_settle(&r, 1, 4, att, 3, tr, 3, rows, &s, und), YR_OK);
    assert_row(&rows[A], 4, 2400, 800, 1600, 1714, 686);
    assert_row(&rows[B], 3, 1800, 600, 1200, 1143, 657);
    assert_row(&rows[C], 0, 0, 0, 0, 1143, -1143);
    assert_row(&rows[D], 3, 1800, 600, 1200, 0, 1800);
    assert_summary(&s, (const int64_t[]){10, 6000, 2000, 4000, 4000, 0}, 0, 0);
    assert_int_equal(und[0], 0);
}

/* A is leader and trainer on the same day, B a trainer; 10 participants from B.
 * A: 25/35 × 4000 = 2857 r 5/35, B: 10/35 × 4000 = 1142 r 30/35; one unit left, to B. */
static void test_one_municipality_two_roles(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_attendance att[] = {{0, B, 10}};
    yr_trainer tr[] = {{0, A, YR_ROLE_LEADER}, {0, B, YR_ROLE_TRAINER}, {0, A, YR_ROLE_TRAINER}};
    yr_pot_row rows[2];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle(&r, 1, 2, att, 1, tr, 3, rows, &s, NULL), YR_OK);
    assert_row(&rows[A], 0, 0, 0, 0, 2857, -2857);
    assert_row(&rows[B], 10, 6000, 2000, 4000, 1143, 4857);
}

/* Rounding is over the year, not per day. Two days, each with 1 participant (pot 400) and the
 * same team A leader, B and C trainers. Year entitlements: A 12000/35 = 342 r 30/35,
 * B = C = 8000/35 = 228 r 20/35. Two units left: A, then B over C (equal remainders and equal
 * entitlements: the earlier municipality). Rounding each day would give A 344, B 228, C 228. */
static void test_rounding_over_the_year_and_index_tie(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_attendance att[] = {{0, D, 1}, {1, D, 1}};
    yr_trainer tr[] = {{0, A, YR_ROLE_LEADER},  {0, B, YR_ROLE_TRAINER}, {0, C, YR_ROLE_TRAINER},
                       {1, C, YR_ROLE_TRAINER}, {1, B, YR_ROLE_TRAINER}, {1, A, YR_ROLE_LEADER}};
    yr_pot_row rows[4];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle(&r, 2, 4, att, 2, tr, 6, rows, &s, NULL), YR_OK);
    assert_int_equal(rows[A].kickback, 343);
    assert_int_equal(rows[B].kickback, 229);
    assert_int_equal(rows[C].kickback, 228);
    assert_int_equal(rows[D].kickback, 0);
    assert_int_equal(s.kickback, 800);
}

/* Equal remainders, different entitlements: the larger entitlement wins even when it comes
 * later. Rules fee 3, pot 1, both roles one share. Day 0: 7 participants, trainers B and A:
 * 3.5 each. Day 1: 14 participants, trainer B alone: 14. A = 3.5, B = 17.5; one unit left. */
static void test_tie_goes_to_larger_entitlement(void **state)
{
    (void)state;
    yr_pot_rules r = {3, 1, {1, 1}};
    yr_attendance att[] = {{0, A, 7}, {1, A, 14}};
    yr_trainer tr[] = {{0, B, YR_ROLE_TRAINER}, {0, A, YR_ROLE_LEADER}, {1, B, YR_ROLE_TRAINER}};
    yr_pot_row rows[2];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle(&r, 2, 2, att, 2, tr, 3, rows, &s, NULL), YR_OK);
    assert_row(&rows[A], 21, 63, 42, 21, 3, 60);
    assert_row(&rows[B], 0, 0, 0, 0, 18, -18);
}

/* Day 0 distributes normally (A trainer alone: the whole 2000), day 1 has 3 participants and no
 * trainer (1200 undistributed), day 2 has a trainer (B) and no participants, day 3 nothing. */
static void test_undistributed_and_no_participants(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_attendance att[] = {{0, A, 5}, {1, B, 2}, {1, C, 1}, {3, C, 0}};
    yr_trainer tr[] = {{0, A, YR_ROLE_TRAINER}, {2, B, YR_ROLE_LEADER}};
    yr_pot_row rows[3];
    yr_pot_summary s;
    int64_t und[4] = {-1, -1, -1, -1};
    assert_int_equal(yr_pot_settle(&r, 4, 3, att, 4, tr, 2, rows, &s, und), YR_OK);
    assert_row(&rows[A], 5, 3000, 1000, 2000, 2000, 1000);
    assert_row(&rows[B], 2, 1200, 400, 800, 0, 1200);
    assert_row(&rows[C], 1, 600, 200, 400, 0, 600);
    assert_summary(&s, (const int64_t[]){8, 4800, 1600, 3200, 2000, 1200}, 1, 1);
    expect_ints(und, 0, 1200, 0, 0);
}

/* Several records for the same (day, municipality) add up: the same as one merged record. */
static void test_repeated_records_add_up(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_attendance split_att[] = {{0, A, 3}, {0, B, 1}, {0, A, 4}, {0, A, 0}};
    yr_attendance merged_att[] = {{0, A, 7}, {0, B, 1}};
    yr_trainer tr[] = {{0, B, YR_ROLE_LEADER}, {0, A, YR_ROLE_TRAINER}, {0, C, YR_ROLE_TRAINER}};
    yr_pot_row r1[3], r2[3];
    yr_pot_summary s1, s2;
    assert_int_equal(yr_pot_settle(&r, 1, 3, split_att, 4, tr, 3, r1, &s1, NULL), YR_OK);
    assert_int_equal(yr_pot_settle(&r, 1, 3, merged_att, 2, tr, 3, r2, &s2, NULL), YR_OK);
    assert_memory_equal(r1, r2, sizeof r1);
    assert_memory_equal(&s1, &s2, sizeof s1);
    /* pot 3200: B 15/35 = 1371 r 15/35, A and C 10/35 = 914 r 10/35; one unit: B. */
    assert_row(&r1[A], 7, 4200, 1400, 2800, 914, 3286);
    assert_row(&r1[B], 1, 600, 200, 400, 1372, -772);
    assert_row(&r1[C], 0, 0, 0, 0, 914, -914);
}

/* A zero pot part: nothing to distribute, zero shares are then fine. */
static void test_zero_pot_part(void **state)
{
    (void)state;
    yr_pot_rules r = {500, 0, {0, 0}};
    yr_attendance att[] = {{0, A, 2}, {1, B, 3}};
    yr_trainer tr[] = {{0, B, YR_ROLE_TRAINER}};
    yr_pot_row rows[2];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle(&r, 2, 2, att, 2, tr, 1, rows, &s, NULL), YR_OK);
    assert_row(&rows[A], 2, 1000, 1000, 0, 0, 1000);
    assert_row(&rows[B], 3, 1500, 1500, 0, 0, 1500);
    assert_int_equal(s.undistributed, 0);
    assert_int_equal(s.days_without_trainer, 1);
}

/* No records at all: zero rows. */
static void test_no_records(void **state)
{
    (void)state;
    yr_pot_rules r = dalarna();
    yr_pot_row rows[2];
    yr_pot_summary s;
    memset(rows, 0x77, sizeof rows);
    memset(&s, 0x77, sizeof s);
    assert_int_equal(yr_pot_settle(&r, 0, 2, NULL, 0, NULL, 0, rows, &s, NULL), YR_OK);
    assert_row(&rows[0], 0, 0, 0, 0, 0, 0);
    assert_row(&rows[1], 0, 0, 0, 0, 0, 0);
    assert_int_equal(s.participant_days, 0);
    assert_int_equal(s.kickback, 0);
    assert_int_equal(s.days_without_trainer, 0);
}

/* ---- exact reference ------------------------------------------------------------------------ */

__extension__ typedef unsigned __int128 u128;

static u128 gcd_u(u128 a, u128 b)
{
    while (b != 0) {
        u128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* A non-negative rational, always reduced. */
typedef struct frac {
    u128 num, den;
} frac;

static frac frac_add(frac x, frac y)
{
    u128 g = gcd_u(x.den, y.den);
    frac z = {x.num * (y.den / g) + y.num * (x.den / g), x.den / g * y.den};
    u128 h = gcd_u(z.num, z.den);
    if (h > 1) {
        z.num /= h;
        z.den /= h;
    }
    return z;
}

typedef struct ref_party {
    frac ent;   /* exact entitlement */
    u128 floor; /* its floor */
    frac rem;   /* entitlement - floor, in [0, 1) */
    size_t idx;
} ref_party;

/* 1 when a ranks before b for the extra unit: larger remainder, larger entitlement, earlier. */
static int ref_before(const ref_party *a, const ref_party *b)
{
    u128 l = a->rem.num * b->rem.den, r = b->rem.num * a->rem.den;
    if (l != r)
        return l > r;
    if (a->floor != b->floor)
        return a->floor > b->floor;
    return a->idx < b->idx;
}

#define MAXD 6
#define MAXM 7
#define MAXREC 40

/* Settle one random year with the library and check every figure against the reference. */
static void check_random_year(uint64_t *seed, unsigned *n_ok, unsigned *n_range)
{
    yr_pot_rules rules;
    if (rand_below(seed, 3) == 0) {
        rules = dalarna();
    } else {
        rules.fee = (int64_t)rand_below(seed, 1000);
        rules.pot_part = rules.fee ? (int64_t)rand_below(seed, (uint64_t)rules.fee + 1) : 0;
        rules.share[0] = (int64_t)rand_below(seed, 13);
        rules.share[1] = (int64_t)rand_below(seed, 13);
    }
    size_t nd = 1 + (size_t)rand_below(seed, MAXD), nm = 1 + (size_t)rand_below(seed, MAXM);
    size_t na = (size_t)rand_below(seed, MAXREC), nt = (size_t)rand_below(seed, 3 * nd + 1);
    yr_attendance att[MAXREC];
    yr_trainer tr[3 * MAXD];
    for (size_t i = 0; i < na; i++) {
        att[i].day = (size_t)rand_below(seed, nd);
        att[i].municipality = (size_t)rand_below(seed, nm);
        att[i].participants = (int64_t)rand_below(seed, 30);
    }
    for (size_t i = 0; i < nt; i++) {
        tr[i].day = (size_t)rand_below(seed, nd);
        tr[i].municipality = (size_t)rand_below(seed, nm);
        tr[i].role = (yr_role)rand_below(seed, YR_ROLE_COUNT);
    }

    /* Reference, by plain summation and reduced-fraction addition. */
    int64_t people[MAXD] = {0}, shares[MAXD] = {0}, pd[MAXM] = {0};
    size_t ntr[MAXD] = {0};
    for (size_t i = 0; i < na; i++) {
        people[att[i].day] += att[i].participants;
        pd[att[i].municipality] += att[i].participants;
    }
    for (size_t i = 0; i < nt; i++) {
        shares[tr[i].day] += rules.share[tr[i].role];
        ntr[tr[i].day]++;
    }
    int expect_range = 0;
    int64_t pot_in = 0, distributed = 0, undistributed = 0, und_day[MAXD];
    size_t no_trainer = 0, no_people = 0;
    for (size_t d = 0; d < nd; d++) {
        int64_t pot = rules.pot_part * people[d];
        und_day[d] = ntr[d] == 0 ? pot : 0;
        undistributed += und_day[d];
        no_trainer += ntr[d] == 0 && people[d] > 0;
        no_people += ntr[d] > 0 && people[d] == 0;
        if (ntr[d] > 0 && pot > 0) {
            if (shares[d] == 0)
                expect_range = 1;
            distributed += pot;
        }
    }
    for (size_t m = 0; m < nm; m++)
        pot_in += rules.pot_part * pd[m];

    yr_pot_row rows[MAXM];
    yr_pot_summary s;
    int64_t und[MAXD];
    memset(rows, 0xa5, sizeof rows);
    memset(&s, 0xa5, sizeof s);
    memset(und, 0xa5, sizeof und);
    yr_status st = yr_pot_settle(&rules, nd, nm, att, na, tr, nt, rows, &s, und);
    if (expect_range) {
        assert_int_equal(st, YR_ERR_RANGE);
        unsigned char sentinel[sizeof rows];
        memset(sentinel, 0xa5, sizeof sentinel);
        assert_memory_equal(rows, sentinel, sizeof rows);
        assert_memory_equal(&s, sentinel, sizeof s);
        assert_memory_equal(und, sentinel, sizeof und);
        (*n_range)++;
        return;
    }
    assert_int_equal(st, YR_OK);
    (*n_ok)++;

    ref_party party[MAXM];
    for (size_t m = 0; m < nm; m++) {
        party[m].ent = (frac){0, 1};
        party[m].idx = m;
    }
    for (size_t i = 0; i < nt; i++) {
        size_t d = tr[i].day;
        int64_t pot = rules.pot_part * people[d];
        if (pot == 0)
            continue;
        frac part = {(u128)pot * (uint64_t)rules.share[tr[i].role], (u128)shares[d]};
        ref_party *p = &party[tr[i].municipality];
        p->ent = frac_add(p->ent, part);
    }
    u128 floors = 0;
    for (size_t m = 0; m < nm; m++) {
        party[m].floor = party[m].ent.num / party[m].ent.den;
        party[m].rem = (frac){party[m].ent.num % party[m].ent.den, party[m].ent.den};
        floors += party[m].floor;
    }
    u128 k = (u128)distributed - floors;
    assert_true(k <= nm);
    /* Rank by insertion sort; the first k get the extra unit. */
    ref_party order[MAXM];
    for (size_t m = 0; m < nm; m++) {
        size_t j = m;
        while (j > 0 && ref_before(&party[m], &order[j - 1])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = party[m];
    }
    int64_t want_kick[MAXM];
    for (size_t m = 0; m < nm; m++)
        want_kick[m] = (int64_t)party[m].floor;
    for (size_t j = 0; j < (size_t)k; j++)
        want_kick[order[j].idx] += 1;

    int64_t sum_kick = 0, sum_fees = 0, sum_admin = 0, sum_pot = 0, sum_pd = 0;
    for (size_t m = 0; m < nm; m++) {
        assert_int_equal(rows[m].participant_days, pd[m]);
        assert_int_equal(rows[m].fees, rules.fee * pd[m]);
        assert_int_equal(rows[m].pot_in, rules.pot_part * pd[m]);
        assert_int_equal(rows[m].admin, (rules.fee - rules.pot_part) * pd[m]);
        assert_int_equal(rows[m].kickback, want_kick[m]);
        assert_int_equal(rows[m].net, rows[m].fees - rows[m].kickback);
        /* within one unit of the exact entitlement: kickback × den vs num, exactly */
        u128 kd = (u128)rows[m].kickback * party[m].ent.den, n = party[m].ent.num;
        assert_true(kd + party[m].ent.den > n && kd < n + party[m].ent.den);
        sum_kick += rows[m].kickback;
        sum_fees += rows[m].fees;
        sum_admin += rows[m].admin;
        sum_pot += rows[m].pot_in;
        sum_pd += rows[m].participant_days;
    }
    assert_int_equal(sum_kick, distributed);
    assert_int_equal(sum_kick + undistributed, pot_in);
    assert_int_equal(sum_fees, sum_admin + sum_pot);
    assert_summary(&s,
                   (const int64_t[]){sum_pd, sum_fees, sum_admin, pot_in, sum_kick, undistributed},
                   no_trainer, no_people);
    assert_int_equal(s.kickback + s.undistributed, s.pot_in);
    assert_int_equal(s.fees, s.admin + s.pot_in);
    for (size_t d = 0; d < nd; d++)
        assert_int_equal(und[d], und_day[d]);
}

static void test_random_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 20241209;
    unsigned n_ok = 0, n_range = 0;
    for (int i = 0; i < 20000; i++)
        check_random_year(&seed, &n_ok, &n_range);
    /* Both paths were exercised. */
    assert_true(n_ok > 10000);
    assert_true(n_range > 100);
}

/* ---- the 128-bit limit ----------------------------------------------------------------------- */

/* One day for every team composition (a trainers, b leaders, 1 <= a+b <= team) with one
 * participant, under shares 10/15 and a pot part of 1 so that no day's fraction reduces: the
 * common denominator is then 5 × lcm(1..3·team). Returns the status; checks the sums on OK. */
static yr_status settle_all_teams(size_t team)
{
    yr_pot_rules r = {1, 1, {10, 15}};
    size_t ndays = 0, nrec = 0;
    for (size_t n = 1; n <= team; n++) {
        ndays += n + 1;
        nrec += (n + 1) * n;
    }
    yr_attendance *att = calloc(ndays, sizeof *att);
    yr_trainer *tr = calloc(nrec, sizeof *tr);
    assert_non_null(att);
    assert_non_null(tr);
    size_t d = 0, t = 0;
    for (size_t n = 1; n <= team; n++) {
        for (size_t b = 0; b <= n; b++, d++) {
            att[d] = (yr_attendance){d, 0, 1};
            for (size_t i = 0; i < n; i++) {
                tr[t++] = (yr_trainer){d, i % 5, i < b ? YR_ROLE_LEADER : YR_ROLE_TRAINER};
            }
        }
    }
    yr_pot_row rows[5];
    yr_pot_summary s;
    memset(&s, 0, sizeof s);
    yr_status st = yr_pot_settle(&r, ndays, 5, att, ndays, tr, nrec, rows, &s, NULL);
    if (st == YR_OK) {
        int64_t sum = 0;
        for (int m = 0; m < 5; m++)
            sum += rows[m].kickback;
        assert_int_equal(sum, (int64_t)ndays);
        assert_int_equal(s.kickback, (int64_t)ndays);
    }
    free(att);
    free(tr);
    return st;
}

static void test_team_size_limit(void **state)
{
    (void)state;
    /* 5 × lcm(1..87) < 2^125 fits; 5 × lcm(1..90) needs 132 bits. */
    assert_int_equal(settle_all_teams(29), YR_OK);
    assert_int_equal(settle_all_teams(30), YR_ERR_OVERFLOW);
}

/* Huge shares: days with S = P, P + 1 fit (about 2^120), a third day P + 2 does not. */
static void test_huge_shares(void **state)
{
    (void)state;
    const int64_t P = (int64_t)1 << 60;
    yr_pot_rules r = {1, 1, {P, 1}};
    yr_attendance att[] = {{0, A, 1}, {1, A, 1}, {2, A, 1}};
    yr_trainer tr[] = {{0, A, YR_ROLE_TRAINER}, {1, A, YR_ROLE_TRAINER}, {1, B, YR_ROLE_LEADER},
                       {2, A, YR_ROLE_TRAINER}, {2, B, YR_ROLE_LEADER},  {2, C, YR_ROLE_LEADER}};
    yr_pot_row rows[3];
    yr_pot_summary s;
    /* Two days: A = 1 + P/(P+1), B = 1/(P+1): A gets 2, B 0. */
    assert_int_equal(yr_pot_settle(&r, 2, 3, att, 2, tr, 3, rows, &s, NULL), YR_OK);
    assert_int_equal(rows[A].kickback, 2);
    assert_int_equal(rows[B].kickback, 0);
    memset(rows, 0x3c, sizeof rows);
    unsigned char sentinel[sizeof rows];
    memset(sentinel, 0x3c, sizeof sentinel);
    assert_int_equal(yr_pot_settle(&r, 3, 3, att, 3, tr, 6, rows, &s, NULL), YR_ERR_OVERFLOW);
    assert_memory_equal(rows, sentinel, sizeof rows);
}

/* ---- errors leave every output untouched ------------------------------------------------- */

typedef struct call {
    yr_pot_rules rules;
    size_t ndays, nmun;
    yr_attendance att[3];
    size_t natt;
    yr_trainer tr[3];
    size_t ntr;
} call;

static call good_call(void)
{
    call c = {{600, 400, {10, 15}},
              2,
              3,
              {{0, A, 4}, {1, B, 2}, {1, C, 5}},
              3,
              {{0, A, YR_ROLE_LEADER}, {0, B, YR_ROLE_TRAINER}, {1, C, YR_ROLE_TRAINER}},
              3};
    return c;
}

static yr_status run_sentinel(const call *c, int null_rules, int null_att, int null_tr,
                              int null_rows, int null_sum)
{
    yr_pot_row rows[3];
    yr_pot_summary s;
    int64_t und[2];
    memset(rows, 0xa5, sizeof rows);
    memset(&s, 0xa5, sizeof s);
    memset(und, 0xa5, sizeof und);
    yr_status st = yr_pot_settle(null_rules ? NULL : &c->rules, c->ndays, c->nmun,
                                 null_att ? NULL : c->att, c->natt, null_tr ? NULL : c->tr, c->ntr,
                                 null_rows ? NULL : rows, null_sum ? NULL : &s, und);
    unsigned char sentinel[sizeof rows];
    memset(sentinel, 0xa5, sizeof sentinel);
    if (st != YR_OK) {
        assert_memory_equal(rows, sentinel, sizeof rows);
        assert_memory_equal(&s, sentinel, sizeof s);
        assert_memory_equal(und, sentinel, sizeof und);
    }
    return st;
}

static yr_status run(const call *c)
{
    return run_sentinel(c, 0, 0, 0, 0, 0);
}

static void test_errors_untouched(void **state)
{
    (void)state;
    call c = good_call();
    assert_int_equal(run(&c), YR_OK);

    assert_int_equal(run_sentinel(&c, 1, 0, 0, 0, 0), YR_ERR_NULL);
    assert_int_equal(run_sentinel(&c, 0, 1, 0, 0, 0), YR_ERR_NULL);
    assert_int_equal(run_sentinel(&c, 0, 0, 1, 0, 0), YR_ERR_NULL);
    assert_int_equal(run_sentinel(&c, 0, 0, 0, 1, 0), YR_ERR_NULL);
    assert_int_equal(run_sentinel(&c, 0, 0, 0, 0, 1), YR_ERR_NULL);
    /* NULL record arrays are fine when their counts are 0 */
    c.natt = 0;
    c.ntr = 0;
    assert_int_equal(run_sentinel(&c, 0, 1, 1, 0, 0), YR_OK);

    c = good_call();
    c.nmun = 0;
    assert_int_equal(run(&c), YR_ERR_EMPTY);

    c = good_call();
    c.att[2].participants = -1;
    assert_int_equal(run(&c), YR_ERR_NEGATIVE);
    c = good_call();
    c.rules.fee = -1;
    c.rules.pot_part = -1;
    assert_int_equal(run(&c), YR_ERR_NEGATIVE);
    c = good_call();
    c.rules.pot_part = -1;
    assert_int_equal(run(&c), YR_ERR_NEGATIVE);
    c = good_call();
    c.rules.share[YR_ROLE_LEADER] = -15;
    assert_int_equal(run(&c), YR_ERR_NEGATIVE);

    c = good_call();
    c.att[1].day = 2;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.att[2].municipality = 3;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.tr[2].day = 2;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.tr[1].municipality = 3;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.tr[2].role = (yr_role)YR_ROLE_COUNT;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.tr[2].role = (yr_role)-1;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call();
    c.rules.pot_part = 601;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call(); /* day 1's only trainer has share 0 while the day has a pot */
    c.rules.share[YR_ROLE_TRAINER] = 0;
    assert_int_equal(run(&c), YR_ERR_RANGE);
    c = good_call(); /* no days at all: every record's day is out of range */
    c.ndays = 0;
    assert_int_equal(run(&c), YR_ERR_RANGE);

    c = good_call(); /* fee × participant-days */
    c.att[0].participants = INT64_MAX / 600 + 1;
    assert_int_equal(run(&c), YR_ERR_OVERFLOW);
    c = good_call(); /* participant-days themselves */
    c.att[0].participants = INT64_MAX;
    c.att[1].participants = 1;
    c.rules.fee = 0;
    c.rules.pot_part = 0;
    assert_int_equal(run(&c), YR_ERR_OVERFLOW);
    c = good_call(); /* the largest that fits */
    c.att[0].participants = INT64_MAX / 600 - 7;
    assert_int_equal(run(&c), YR_OK);

    c = good_call(); /* scratch for SIZE_MAX days cannot be allocated */
    c.ndays = SIZE_MAX;
    assert_int_equal(run(&c), YR_ERR_NOMEM);
}

/* The largest amounts that fit settle exactly. */
static void test_large_amounts(void **state)
{
    (void)state;
    const int64_t n = INT64_MAX / 600; /* 15372286728091293 */
    yr_pot_rules r = dalarna();
    yr_attendance att[] = {{0, A, n}};
    yr_trainer tr[] = {{0, A, YR_ROLE_LEADER}, {0, B, YR_ROLE_TRAINER}, {0, C, YR_ROLE_TRAINER}};
    yr_pot_row rows[3];
    yr_pot_summary s;
    assert_int_equal(yr_pot_settle(&r, 1, 3, att, 1, tr, 3, rows, &s, NULL), YR_OK);
    /* pot = 400 n = 6148914691236517200 = 35 × 175683276892471920 exactly */
    assert_int_equal(s.pot_in, 6148914691236517200);
    assert_int_equal(rows[A].kickback, 15 * (int64_t)175683276892471920);
    assert_int_equal(rows[B].kickback, 10 * (int64_t)175683276892471920);
    assert_int_equal(rows[C].kickback, 10 * (int64_t)175683276892471920);
    assert_int_equal(rows[A].fees, 600 * n);
    assert_int_equal(rows[A].net, 600 * n - 15 * (int64_t)175683276892471920);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_dalarna_2024),
        cmocka_unit_test(test_role_from_name),
        cmocka_unit_test(test_leader_and_two_trainers),
        cmocka_unit_test(test_one_municipality_two_roles),
        cmocka_unit_test(test_rounding_over_the_year_and_index_tie),
        cmocka_unit_test(test_tie_goes_to_larger_entitlement),
        cmocka_unit_test(test_undistributed_and_no_participants),
        cmocka_unit_test(test_repeated_records_add_up),
        cmocka_unit_test(test_zero_pot_part),
        cmocka_unit_test(test_no_records),
        cmocka_unit_test(test_random_against_reference),
        cmocka_unit_test(test_team_size_limit),
        cmocka_unit_test(test_huge_shares),
        cmocka_unit_test(test_errors_untouched),
        cmocka_unit_test(test_large_amounts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
