/* The trainer-pot accumulator (pot.h: yr_pot_begin .. yr_pot_by_day): the Dalarna 2024 example
 * (data/examples/pot-2024-*.csv) gives the README's settlement through yr_pot_settle and through
 * the accumulator fed in any pieces; the kickback per day adds up per municipality and per day;
 * hand-worked ties, undistributed pots and the one table where the days cannot add up; the
 * accumulator's errors (all or nothing), and random years against yr_pot_settle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"
#include "test_util.h"

/* ---- the Dalarna 2024 example, read here ------------------------------------------------- */

#define MAXL 64

typedef struct labels {
    char s[MAXL][32];
    size_t n;
} labels;

/* The index of a label, added at the end when new (first appearance). */
static size_t intern(labels *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->s[i], s) == 0)
            return i;
    assert_true(l->n < MAXL && strlen(s) < 32);
    strcpy(l->s[l->n], s);
    return l->n++;
}

typedef struct year {
    labels days, muns;
    yr_attendance att[200];
    yr_trainer tr[64];
    size_t natt, ntr;
    int64_t day_pd[MAXL]; /* participant-days per day, from pot-2024-days.csv */
} year;

static FILE *open_example(const char *name)
{
    const char *src = getenv("SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/data/examples/%s", src ? src : ".", name);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    return f;
}

/* The three comma-separated fields of a line (no quoting in these files). */
static int fields(char *line, char **a, char **b, char **c)
{
    line[strcspn(line, "\r\n")] = '\0';
    *a = strtok(line, ",");
    *b = strtok(NULL, ",");
    *c = strtok(NULL, ",");
    return *a && *b && *c;
}

static void read_year(year *y)
{
    char line[256], *a, *b, *c;
    memset(y, 0, sizeof *y);
    FILE *f = open_example("pot-2024-attendance.csv");
    assert_non_null(fgets(line, sizeof line, f));
    while (fgets(line, sizeof line, f) && fields(line, &a, &b, &c))
        y->att[y->natt++] = (yr_attendance){intern(&y->days, a), intern(&y->muns, b), atoll(c)};
    fclose(f);
    f = open_example("pot-2024-trainers.csv");
    assert_non_null(fgets(line, sizeof line, f));
    while (fgets(line, sizeof line, f) && fields(line, &a, &b, &c)) {
        yr_role role;
        assert_int_equal(yr_role_from_name(c, &role), YR_OK);
        y->tr[y->ntr++] = (yr_trainer){intern(&y->days, a), intern(&y->muns, b), role};
    }
    fclose(f);
    f = open_example("pot-2024-days.csv");
    assert_non_null(fgets(line, sizeof line, f));
    while (fgets(line, sizeof line, f) && fields(line, &a, &b, &c))
        if (strcmp(a, "Summa") != 0)
            y->day_pd[intern(&y->days, a)] = atoll(b);
    fclose(f);
    assert_int_equal(y->natt, 149);
    assert_int_equal(y->ntr, 39);
    assert_int_equal(y->days.n, 14);
}

static void expect_row(const yr_pot_row *r, int64_t pd, int64_t kickback, int64_t net)
{
    assert_int_equal(r->participant_days, pd);
    assert_int_equal(r->fees, 600 * pd);
    assert_int_equal(r->admin, 200 * pd);
    assert_int_equal(r->pot_in, 400 * pd);
    assert_int_equal(r->kickback, kickback);
    assert_int_equal(r->net, net);
}

/* README ("yrkesresa pot"): the municipalities with a kickback, the totals and the day with
 * participants and no trainer. */
static void expect_readme(const year *y, const yr_pot_row *rows, const yr_pot_summary *s,
                          const int64_t *und)
{
    static const struct {
        const char *name;
        int64_t pd, kickback, net;
    } readme[] = {{"Falun", 55, 45200, -12200}, {"Borlänge", 48, 22057, 6743},
                  {"Avesta", 24, 5257, 9143},   {"Mora", 26, 14114, 1486},
                  {"Rättvik", 9, 15315, -9915}, {"Malung-Sälen", 8, 9657, -4857}};
    labels muns = y->muns;
    for (size_t k = 0; k < sizeof readme / sizeof readme[0]; k++)
        expect_row(&rows[intern(&muns, readme[k].name)], readme[k].pd, readme[k].kickback,
                   readme[k].net);
    assert_int_equal(muns.n, y->muns.n);
    assert_int_equal(s->participant_days, 289);
    assert_int_equal(s->fees, 173400);
    assert_int_equal(s->admin, 57800);
    assert_int_equal(s->pot_in, 115600);
    assert_int_equal(s->kickback, 111600);
    assert_int_equal(s->undistributed, 4000);
    assert_int_equal(s->days_without_trainer, 1);
    assert_int_equal(s->days_without_participants, 0);
    labels days = y->days;
    for (size_t d = 0; d < y->days.n; d++)
        assert_int_equal(und[d], d == intern(&days, "2024-11-20") ? 4000 : 0);
}

static void expect_same(const yr_pot_row *a, const yr_pot_row *b, size_t n,
                        const yr_pot_summary *sa, const yr_pot_summary *sb)
{
    assert_memory_equal(a, b, n * sizeof *a);
    assert_memory_equal(sa, sb, sizeof *sa);
}

static void test_dalarna_both_paths(void **state)
{
    (void)state;
    static year y;
    read_year(&y);
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    size_t nd = y.days.n, nm = y.muns.n;
    yr_pot_row a[MAXL], b[MAXL], c[MAXL];
    yr_pot_summary sa, sb, sc;
    int64_t und[MAXL];
    assert_int_equal(yr_pot_settle(&r, nd, nm, y.att, y.natt, y.tr, y.ntr, a, &sa, und), YR_OK);
    expect_readme(&y, a, &sa, und);
    /* fixed counts, one record at a time, trainers first */
    yr_pot *pot;
    assert_int_equal(yr_pot_begin(&r, nd, nm, &pot), YR_OK);
    for (size_t i = 0; i < y.ntr; i++)
        assert_int_equal(yr_pot_add_trainers(pot, &y.tr[i], 1), YR_OK);
    for (size_t i = 0; i < y.natt; i++)
        assert_int_equal(yr_pot_add_attendance(pot, &y.att[i], 1), YR_OK);
    assert_int_equal(yr_pot_finish(pot, b, nm, &sb, NULL, 0), YR_OK);
    expect_same(a, b, nm, &sa, &sb);
    yr_pot_free(pot);
    /* no fixed counts, the attendance backwards in pieces of 7, the trainers in two calls */
    assert_int_equal(yr_pot_begin(&r, YR_POT_ANY, YR_POT_ANY, &pot), YR_OK);
    static yr_attendance back[200];
    for (size_t i = 0; i < y.natt; i++)
        back[i] = y.att[y.natt - 1 - i];
    for (size_t i = 0; i < y.natt; i += 7)
        assert_int_equal(yr_pot_add_attendance(pot, back + i, y.natt - i < 7 ? y.natt - i : 7),
                         YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, y.tr, 20), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, y.tr + 20, y.ntr - 20), YR_OK);
    size_t cd, cm, ct;
    assert_int_equal(yr_pot_counts(pot, &cd, &cm, &ct), YR_OK);
    assert_int_equal(cd, nd);
    assert_int_equal(cm, nm);
    assert_int_equal(ct, 39);
    assert_int_equal(yr_pot_finish(pot, c, nm, &sc, und, nd), YR_OK);
    expect_same(a, c, nm, &sa, &sc);
    expect_readme(&y, c, &sc, und);
    yr_pot_free(pot);
}

/* The entries e[0..n) of the year (att, tr) under r: each its exact entitlement pot_d × (its
 * trainers' shares) / S_d, computed here, and the floor or the ceiling of it; in day, then
 * municipality order. Their sums per municipality into per_mun, per day into per_day (zeroed
 * here, MAXL entries each). */
static void check_entries(const yr_pot_rules *r, const yr_attendance *att, size_t natt,
                          const yr_trainer *tr, size_t ntr, const yr_pot_day_share *e, size_t n,
                          int64_t *per_mun, int64_t *per_day)
{
    int64_t people[MAXL] = {0}, S[MAXL] = {0};
    memset(per_mun, 0, MAXL * sizeof *per_mun);
    memset(per_day, 0, MAXL * sizeof *per_day);
    for (size_t i = 0; i < natt; i++)
        people[att[i].day] += att[i].participants;
    for (size_t i = 0; i < ntr; i++)
        S[tr[i].day] += r->share[tr[i].role];
    for (size_t k = 0; k < n; k++) {
        int64_t sh = 0, pot_d = r->pot_part * people[e[k].day];
        for (size_t i = 0; i < ntr; i++)
            if (tr[i].day == e[k].day && tr[i].municipality == e[k].municipality)
                sh += r->share[tr[i].role];
        /* quota_whole + quota_rem / quota_den == pot_d * sh / S */
        test_u128 lhs =
            (test_u128)(e[k].quota_whole * e[k].quota_den + e[k].quota_rem) * (uint64_t)S[e[k].day];
        assert_true(lhs == (test_u128)(pot_d * sh) * (uint64_t)e[k].quota_den);
        assert_true(e[k].kickback == e[k].quota_whole ||
                    (e[k].quota_rem != 0 && e[k].kickback == e[k].quota_whole + 1));
        assert_true(k == 0 || e[k - 1].day < e[k].day ||
                    (e[k - 1].day == e[k].day && e[k - 1].municipality < e[k].municipality));
        per_mun[e[k].municipality] += e[k].kickback;
        per_day[e[k].day] += e[k].kickback;
    }
}

/* The kickback per day: 38 (day, municipality) pairs (39 trainer records; 2024-11-19 has two
 * Borlänge trainers); each within one unit of its exact entitlement pot_d × shares / S_d
 * (computed here from the files, shares 15 and 10), each municipality's entries adding to its
 * kickback and each day's to 400 × its participant-days of pot-2024-days.csv. */
static void test_dalarna_by_day(void **state)
{
    (void)state;
    static year y;
    read_year(&y);
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    yr_pot *pot;
    yr_pot_row rows[MAXL];
    yr_pot_summary s;
    assert_int_equal(yr_pot_begin(&r, YR_POT_ANY, YR_POT_ANY, &pot), YR_OK);
    assert_int_equal(yr_pot_add_attendance(pot, y.att, y.natt), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, y.tr, y.ntr), YR_OK);
    assert_int_equal(yr_pot_finish(pot, rows, y.muns.n, &s, NULL, 0), YR_OK);
    size_t n = 0, off = 99;
    assert_int_equal(yr_pot_by_day_count(pot, &n), YR_OK);
    assert_int_equal(n, 38);
    yr_pot_day_share e[38];
    assert_int_equal(yr_pot_by_day(pot, e, n, &off), YR_OK);
    assert_int_equal(off, 0);
    int64_t per_mun[MAXL], per_day[MAXL];
    check_entries(&r, y.att, y.natt, y.tr, y.ntr, e, n, per_mun, per_day);
    for (size_t m = 0; m < y.muns.n; m++)
        assert_int_equal(per_mun[m], rows[m].kickback);
    labels days = y.days;
    size_t idle = intern(&days, "2024-11-20");
    for (size_t d = 0; d < y.days.n; d++)
        assert_int_equal(per_day[d], d == idle ? 0 : 400 * y.day_pd[d]);
    yr_pot_free(pot);
}

/* ---- hand-worked ------------------------------------------------------------------------ */

enum { A, B, C, D, E };

/* finish + by-day into e (n entries expected); returns days_off. */
static size_t settle_by_day(yr_pot *pot, size_t nmun, yr_pot_row *rows, yr_pot_day_share *e,
                            size_t n)
{
    yr_pot_summary s;
    size_t count = 0, off = 99;
    assert_int_equal(yr_pot_finish(pot, rows, nmun, &s, NULL, 0), YR_OK);
    assert_int_equal(yr_pot_by_day_count(pot, &count), YR_OK);
    assert_int_equal(count, n);
    assert_int_equal(yr_pot_by_day(pot, e, n, &off), YR_OK);
    return off;
}

static void expect_entry(const yr_pot_day_share *e, size_t day, size_t mun, int64_t kick,
                         int64_t whole, int64_t rem, int64_t den)
{
    assert_int_equal(e->day, day);
    assert_int_equal(e->municipality, mun);
    assert_int_equal(e->kickback, kick);
    assert_int_equal(e->quota_whole, whole);
    assert_int_equal(e->quota_rem, rem);
    assert_int_equal(e->quota_den, den);
}

/* pot.h's example: one participant (D) on each of two days, a leader from A and trainers from B
 * and C each day. A day's 400: A 400 × 15/35 = 171 3/7, B and C 114 2/7. The year: A 342 6/7,
 * B and C 228 4/7; 800 - 798 = two units: A (6/7), then B (4/7, equal entitlements: the earlier
 * municipality): 343 229 228. By day: A takes its unit on the day that still needs the most
 * (both need one: the earlier, day 0), B then on day 1. */
static void test_hand_two_days(void **state)
{
    (void)state;
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    const yr_attendance att[] = {{0, D, 1}, {1, D, 1}};
    const yr_trainer tr[] = {{0, A, YR_ROLE_LEADER},  {0, B, YR_ROLE_TRAINER},
                             {0, C, YR_ROLE_TRAINER}, {1, C, YR_ROLE_TRAINER},
                             {1, B, YR_ROLE_TRAINER}, {1, A, YR_ROLE_LEADER}};
    yr_pot *pot;
    yr_pot_row rows[4];
    yr_pot_day_share e[6];
    assert_int_equal(yr_pot_begin(&r, 2, 4, &pot), YR_OK);
    assert_int_equal(yr_pot_add_attendance(pot, att, 2), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, tr, 6), YR_OK);
    assert_int_equal(settle_by_day(pot, 4, rows, e, 6), 0);
    assert_int_equal(rows[A].kickback, 343);
    assert_int_equal(rows[B].kickback, 229);
    assert_int_equal(rows[C].kickback, 228);
    expect_entry(&e[0], 0, A, 172, 171, 3, 7);
    expect_entry(&e[1], 0, B, 114, 114, 2, 7);
    expect_entry(&e[2], 0, C, 114, 114, 2, 7);
    expect_entry(&e[3], 1, A, 171, 171, 3, 7);
    expect_entry(&e[4], 1, B, 115, 114, 2, 7);
    expect_entry(&e[5], 1, C, 114, 114, 2, 7);
    yr_pot_free(pot);
}

/* A day with participants and no trainer (day 0: 5 of A, 2000 undistributed), a day with
 * trainers and no participants (day 1: B and C, entries of 0), and a day that pays (day 2: 3 of
 * A, pot 1200; B leads, C trains: 720 and 480). */
static void test_hand_undistributed(void **state)
{
    (void)state;
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    const yr_attendance att[] = {{0, A, 5}, {2, A, 3}};
    const yr_trainer tr[] = {{1, B, YR_ROLE_TRAINER},
                             {1, C, YR_ROLE_LEADER},
                             {2, C, YR_ROLE_TRAINER},
                             {2, B, YR_ROLE_LEADER}};
    yr_pot *pot;
    yr_pot_row rows[3];
    yr_pot_summary s;
    int64_t und[3];
    yr_pot_day_share e[4];
    assert_int_equal(yr_pot_begin(&r, YR_POT_ANY, YR_POT_ANY, &pot), YR_OK);
    assert_int_equal(yr_pot_add_attendance(pot, att, 2), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, tr, 4), YR_OK);
    assert_int_equal(yr_pot_finish(pot, rows, 3, &s, und, 3), YR_OK);
    assert_int_equal(s.undistributed, 2000);
    assert_int_equal(s.kickback, 1200);
    assert_int_equal(s.pot_in, 3200);
    assert_int_equal(s.days_without_trainer, 1);
    assert_int_equal(s.days_without_participants, 1);
    expect_ints(und, 2000, 0, 0);
    assert_int_equal(settle_by_day(pot, 3, rows, e, 4), 0);
    expect_entry(&e[0], 1, B, 0, 0, 0, 1);
    expect_entry(&e[1], 1, C, 0, 0, 0, 1);
    expect_entry(&e[2], 2, B, 720, 720, 0, 1);
    expect_entry(&e[3], 2, C, 480, 480, 0, 1);
    yr_pot_free(pot);
}

/* The table where the days cannot add up (found by a brute force over small years). Fee and
 * pot part 1, every share 1. Day 0: 7 participants of A, trainers B and C (3.5 each); day 1:
 * 1 participant of A, trainers D and E (0.5 each). The year: 3.5 3.5 0.5 0.5, floors 3 3 0 0,
 * two units; equal remainders go to the larger entitlements, B and C: kickbacks 4 4 0 0. Day 0
 * can pay 7 and day 1 one unit, but B and C both need theirs on day 0: no table keeps the
 * days. Their entries add up to their kickbacks (4 and 4 on day 0), day 0 pays 8, day 1 pays 0:
 * two days off. */
static void test_hand_days_cannot_add_up(void **state)
{
    (void)state;
    yr_pot_rules r;
    assert_int_equal(yr_pot_rules_with_shares(1, 1, 1, 1, 1, 1, &r), YR_OK);
    const yr_attendance att[] = {{0, A, 7}, {1, A, 1}};
    const yr_trainer tr[] = {{0, B, YR_ROLE_TRAINER},
                             {0, C, YR_ROLE_TRAINER},
                             {1, D, YR_ROLE_TRAINER},
                             {1, E, YR_ROLE_TRAINER}};
    yr_pot *pot;
    yr_pot_row rows[5];
    yr_pot_day_share e[4];
    assert_int_equal(yr_pot_begin(&r, 2, 5, &pot), YR_OK);
    assert_int_equal(yr_pot_add_attendance(pot, att, 2), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, tr, 4), YR_OK);
    assert_int_equal(settle_by_day(pot, 5, rows, e, 4), 2);
    assert_int_equal(rows[B].kickback, 4);
    assert_int_equal(rows[C].kickback, 4);
    assert_int_equal(rows[D].kickback, 0);
    assert_int_equal(rows[E].kickback, 0);
    expect_entry(&e[0], 0, B, 4, 3, 1, 2);
    expect_entry(&e[1], 0, C, 4, 3, 1, 2);
    expect_entry(&e[2], 1, D, 0, 0, 1, 2);
    expect_entry(&e[3], 1, E, 0, 0, 1, 2);
    yr_pot_free(pot);
}

/* ---- the accumulator's rules ------------------------------------------------------------ */

/* A batch with an error adds nothing: the settlement equals one without it. */
static void test_all_or_nothing(void **state)
{
    (void)state;
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    const yr_attendance good[] = {{0, A, 3}, {1, B, 2}};
    const yr_attendance bad[] = {{0, A, 5}, {1, B, 1}, {1, C, -1}};
    const yr_attendance far[] = {{0, A, 5}, {2, B, 1}};
    const yr_attendance huge[] = {{0, A, INT64_MAX}};
    const yr_trainer tr[] = {{0, B, YR_ROLE_LEADER}, {1, A, YR_ROLE_TRAINER}};
    const yr_trainer bad_tr[] = {{0, C, YR_ROLE_TRAINER}, {1, C, (yr_role)7}};
    yr_pot *p, *q;
    yr_where w;
    assert_int_equal(yr_pot_begin(&r, 2, 3, &p), YR_OK);
    assert_int_equal(yr_pot_begin(&r, 2, 3, &q), YR_OK);
    assert_int_equal(yr_pot_add_attendance_where(p, bad, 3, &w), YR_ERR_NEGATIVE);
    assert_int_equal(w.record, 2);
    assert_string_equal(w.arg, "attendance");
    assert_int_equal(yr_pot_add_attendance_where(p, far, 2, &w), YR_ERR_RANGE);
    assert_int_equal(w.record, 1);
    assert_int_equal(yr_pot_add_attendance(p, good, 2), YR_OK);
    assert_int_equal(yr_pot_add_attendance_where(p, huge, 1, &w), YR_ERR_OVERFLOW);
    assert_int_equal(w.record, YR_WHERE_NONE);
    assert_int_equal(yr_pot_add_trainers_where(p, bad_tr, 2, &w), YR_ERR_RANGE);
    assert_int_equal(w.record, 1);
    assert_string_equal(w.arg, "trainers");
    assert_int_equal(yr_pot_add_trainers(p, tr, 2), YR_OK);
    assert_int_equal(yr_pot_add_attendance(q, good, 2), YR_OK);
    assert_int_equal(yr_pot_add_trainers(q, tr, 2), YR_OK);
    yr_pot_row rp[3], rq[3];
    yr_pot_summary sp, sq;
    assert_int_equal(yr_pot_finish(p, rp, 3, &sp, NULL, 0), YR_OK);
    assert_int_equal(yr_pot_finish(q, rq, 3, &sq, NULL, 0), YR_OK);
    expect_same(rp, rq, 3, &sp, &sq);
    size_t ct;
    assert_int_equal(yr_pot_counts(p, NULL, NULL, &ct), YR_OK);
    assert_int_equal(ct, 2);
    yr_pot_free(p);
    yr_pot_free(q);
}

/* The trainer named at yr_pot_finish is numbered over all calls: trainers have share 0; day 1's
 * only trainer is the second record added (in the second call), and day 1 has a pot. */
static void test_finish_where(void **state)
{
    (void)state;
    yr_pot_rules r;
    yr_pot_rules_dalarna_2024(&r);
    r.share[YR_ROLE_TRAINER] = 0;
    const yr_attendance att[] = {{0, A, 1}, {1, A, 1}};
    const yr_trainer t1[] = {{0, B, YR_ROLE_LEADER}}, t2[] = {{1, B, YR_ROLE_TRAINER}};
    yr_pot *pot;
    yr_pot_row rows[2] = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}}, keep[2];
    memcpy(keep, rows, sizeof rows);
    yr_pot_summary s;
    yr_where w;
    assert_int_equal(yr_pot_begin(&r, 2, 2, &pot), YR_OK);
    assert_int_equal(yr_pot_add_attendance(pot, att, 2), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, t1, 1), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, t2, 1), YR_OK);
    assert_int_equal(yr_pot_finish_where(pot, rows, 2, &s, NULL, 0, &w), YR_ERR_RANGE);
    assert_int_equal(w.record, 1);
    assert_string_equal(w.arg, "trainers");
    assert_memory_equal(rows, keep, sizeof rows);
    assert_int_equal(yr_pot_finish_where(pot, rows, 3, &s, NULL, 0, &w), YR_ERR_RANGE);
    assert_string_equal(w.arg, "nmunicipalities");
    int64_t und[1];
    assert_int_equal(yr_pot_finish_where(pot, rows, 2, &s, und, 1, &w), YR_ERR_RANGE);
    assert_string_equal(w.arg, "ndays");
    size_t n;
    yr_pot_day_share e[2];
    assert_int_equal(yr_pot_by_day_count(pot, &n), YR_ERR_RANGE); /* not finished */
    assert_int_equal(yr_pot_by_day_where(pot, e, 2, NULL, &w), YR_ERR_RANGE);
    assert_string_equal(w.arg, "pot");
    yr_pot_free(pot);
}

static void test_lifecycle(void **state)
{
    (void)state;
    yr_pot_rules r, bad;
    yr_pot_rules_dalarna_2024(&r);
    yr_pot *pot = NULL;
    yr_where w;
    assert_int_equal(yr_pot_begin_where(NULL, 1, 1, &pot, &w), YR_ERR_NULL);
    assert_string_equal(w.arg, "rules");
    assert_int_equal(yr_pot_begin_where(&r, 1, 1, NULL, &w), YR_ERR_NULL);
    assert_string_equal(w.arg, "pot");
    assert_int_equal(yr_pot_begin_where(&r, 1, 0, &pot, &w), YR_ERR_EMPTY);
    bad = r;
    bad.pot_part = 700;
    assert_int_equal(yr_pot_begin_where(&bad, 1, 1, &pot, &w), YR_ERR_RANGE);
    assert_string_equal(w.arg, "rules");
    bad.pot_part = -1;
    assert_int_equal(yr_pot_begin(&bad, 1, 1, &pot), YR_ERR_NEGATIVE);
    assert_null(pot);
    yr_pot_free(NULL);
    /* no fixed counts and no record: nothing to settle */
    yr_pot_row rows[2];
    yr_pot_summary s;
    assert_int_equal(yr_pot_begin(&r, YR_POT_ANY, YR_POT_ANY, &pot), YR_OK);
    assert_int_equal(yr_pot_finish(pot, rows, 0, &s, NULL, 0), YR_ERR_EMPTY);
    /* finished, then a record: by-day needs a new finish; finishing twice gives the same */
    const yr_attendance att[] = {{0, A, 2}};
    const yr_trainer tr[] = {{0, B, YR_ROLE_TRAINER}};
    assert_int_equal(yr_pot_add_attendance(pot, att, 1), YR_OK);
    assert_int_equal(yr_pot_add_trainers(pot, tr, 1), YR_OK);
    assert_int_equal(yr_pot_finish(pot, rows, 2, &s, NULL, 0), YR_OK);
    assert_int_equal(rows[B].kickback, 800);
    yr_pot_row again[2];
    yr_pot_summary s2;
    assert_int_equal(yr_pot_finish(pot, again, 2, &s2, NULL, 0), YR_OK);
    expect_same(rows, again, 2, &s, &s2);
    size_t n;
    assert_int_equal(yr_pot_by_day_count(pot, &n), YR_OK);
    assert_int_equal(n, 1);
    yr_pot_day_share e[1];
    assert_int_equal(yr_pot_by_day_where(pot, e, 2, NULL, &w), YR_ERR_RANGE);
    assert_string_equal(w.arg, "n");
    assert_int_equal(yr_pot_add_attendance(pot, att, 1), YR_OK);
    assert_int_equal(yr_pot_by_day(pot, e, 1, NULL), YR_ERR_RANGE);
    assert_int_equal(yr_pot_finish(pot, rows, 2, &s, NULL, 0), YR_OK);
    assert_int_equal(yr_pot_by_day(pot, e, 1, NULL), YR_OK);
    assert_int_equal(e[0].kickback, 1600);
    assert_int_equal(yr_pot_add_attendance(NULL, att, 1), YR_ERR_NULL);
    assert_int_equal(yr_pot_add_trainers(pot, NULL, 1), YR_ERR_NULL);
    assert_int_equal(yr_pot_counts(NULL, NULL, NULL, NULL), YR_ERR_NULL);
    yr_pot_free(pot);
}

/* Brute force: is there a by-day table whose every day adds up to its pot (pot[d]), every
 * entry the floor or the ceiling of its exact entitlement (checked by check_entries), and
 * every municipality's entries to its kickback? Day by day, every choice of entries rounded
 * up. */
typedef struct feasible {
    const yr_pot_day_share *e;
    size_t n;
    const int64_t *pot, *want; /* per day, per municipality */
    int64_t got[MAXL];
} feasible;

static int feasible_from(feasible *f, size_t k)
{
    if (k == f->n) {
        for (size_t m = 0; m < MAXL; m++)
            if (f->got[m] != f->want[m])
                return 0;
        return 1;
    }
    size_t end = k, d = f->e[k].day;
    int64_t left = f->pot[d];
    while (end < f->n && f->e[end].day == d)
        left -= f->e[end++].quota_whole;
    for (unsigned mask = 0; mask < 1u << (end - k); mask++) {
        int64_t up = 0, ok = 1;
        for (size_t j = k; j < end; j++) {
            int bit = (mask >> (j - k)) & 1;
            ok &= !bit || f->e[j].quota_rem != 0;
            up += bit;
        }
        if (!ok || up != left)
            continue;
        for (size_t j = k; j < end; j++)
            f->got[f->e[j].municipality] += f->e[j].quota_whole + ((mask >> (j - k)) & 1);
        int found = feasible_from(f, end);
        for (size_t j = k; j < end; j++)
            f->got[f->e[j].municipality] -= f->e[j].quota_whole + ((mask >> (j - k)) & 1);
        if (found)
            return 1;
    }
    return 0;
}

/* ---- random years ----------------------------------------------------------------------- */

/* One random year: the accumulator in random pieces equals yr_pot_settle; the per-day entries
 * are within one unit of their exact entitlements (computed here), add up per municipality, and
 * per day exactly unless the function reports the day off. */
static void random_year(uint64_t *seed, int *infeasible)
{
    size_t nd = 1 + (size_t)rand_below(seed, 6), nm = 1 + (size_t)rand_below(seed, 6);
    size_t natt = (size_t)rand_below(seed, 20), ntr = (size_t)rand_below(seed, 12);
    yr_attendance att[20];
    yr_trainer tr[12];
    yr_pot_rules r;
    assert_int_equal(yr_pot_rules_with_shares(600, (int64_t)rand_upto(seed, 600),
                                              1 + (int64_t)rand_below(seed, 30), 10,
                                              1 + (int64_t)rand_below(seed, 30), 10, &r),
                     YR_OK);
    for (size_t i = 0; i < natt; i++)
        att[i] = (yr_attendance){(size_t)rand_below(seed, nd), (size_t)rand_below(seed, nm),
                                 (int64_t)rand_upto(seed, 9)};
    for (size_t i = 0; i < ntr; i++)
        tr[i] = (yr_trainer){(size_t)rand_below(seed, nd), (size_t)rand_below(seed, nm),
                             (yr_role)rand_below(seed, 2)};
    yr_pot_row a[6], b[6];
    yr_pot_summary sa, sb;
    assert_int_equal(yr_pot_settle(&r, nd, nm, att, natt, tr, ntr, a, &sa, NULL), YR_OK);
    yr_pot *pot;
    assert_int_equal(yr_pot_begin(&r, nd, nm, &pot), YR_OK);
    for (size_t i = 0, k; i < natt; i += k) {
        k = 1 + (size_t)rand_below(seed, natt - i);
        assert_int_equal(yr_pot_add_attendance(pot, att + i, k), YR_OK);
    }
    for (size_t i = 0, k; i < ntr; i += k) {
        k = 1 + (size_t)rand_below(seed, ntr - i);
        assert_int_equal(yr_pot_add_trainers(pot, tr + i, k), YR_OK);
    }
    assert_int_equal(yr_pot_finish(pot, b, nm, &sb, NULL, 0), YR_OK);
    expect_same(a, b, nm, &sa, &sb);
    size_t n, off;
    yr_pot_day_share e[12];
    assert_int_equal(yr_pot_by_day_count(pot, &n), YR_OK);
    assert_int_equal(yr_pot_by_day(pot, e, n, &off), YR_OK);
    int64_t per_mun[MAXL], per_day[MAXL], people[6] = {0}, S[6] = {0};
    check_entries(&r, att, natt, tr, ntr, e, n, per_mun, per_day);
    for (size_t i = 0; i < natt; i++)
        people[att[i].day] += att[i].participants;
    for (size_t i = 0; i < ntr; i++)
        S[tr[i].day] += r.share[tr[i].role];
    size_t days_off = 0;
    int64_t pot_d[MAXL] = {0}, kick[MAXL] = {0};
    for (size_t d = 0; d < nd; d++) {
        pot_d[d] = r.pot_part * people[d];
        days_off += S[d] > 0 && per_day[d] != pot_d[d];
    }
    for (size_t m = 0; m < nm; m++) {
        assert_int_equal(per_mun[m], a[m].kickback);
        kick[m] = a[m].kickback;
    }
    assert_int_equal(off, days_off);
    /* the days add up exactly when some table lets them */
    feasible f = {e, n, pot_d, kick, {0}};
    assert_int_equal(off == 0, feasible_from(&f, 0));
    *infeasible += off > 0;
    yr_pot_free(pot);
}

static void test_random_years(void **state)
{
    (void)state;
    uint64_t seed = 2024;
    int infeasible = 0;
    for (int it = 0; it < 5000; it++)
        random_year(&seed, &infeasible);
    printf("5000 random years, %d where no by-day table keeps every day's pot\n", infeasible);
    assert_true(infeasible > 0); /* the fallback is exercised */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dalarna_both_paths),
        cmocka_unit_test(test_dalarna_by_day),
        cmocka_unit_test(test_hand_two_days),
        cmocka_unit_test(test_hand_undistributed),
        cmocka_unit_test(test_hand_days_cannot_add_up),
        cmocka_unit_test(test_all_or_nothing),
        cmocka_unit_test(test_finish_where),
        cmocka_unit_test(test_lifecycle),
        cmocka_unit_test(test_random_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
