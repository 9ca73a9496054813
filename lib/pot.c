/* Trainer pot and course-day settlement (SPEC §3).
 *
 * Exactness. A trainer record of municipality m on day d is entitled to
 *     pot_d × share / S_d
 * (S_d: the sum of the shares of day d's trainers). With g_d = gcd(pot_d, S_d) that is
 * (pot_d / g_d) × share / D_d, D_d = S_d / g_d. Each record's part is split into a whole part
 * q and a remainder r < D_d; the whole parts are summed per municipality in 64 bits (they never
 * exceed the pot), the remainders over the common denominator L = lcm(D_d) of the days that
 * distribute a pot, as r × (L / D_d) < L, carried into the whole part whenever they reach L.
 * So the only exact intermediate that can fail to fit is L itself (128 bits): when it does not
 * fit, YR_ERR_OVERFLOW. L divides lcm(S_d); with shares 10 and 15 every S_d is 5 × k with
 * k <= 3 × (team size), and lcm(5 × {1..87}) < 2^127, so teams of up to 29 trainers a day never
 * overflow, whatever the amounts.
 *
 * Kickbacks: the floor of each municipality's exact entitlement, then +1 to the largest
 * remainders (ties: larger floor, i.e. larger entitlement, then the earlier municipality), so
 * they add up to the pot of the days that had trainers. */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/pot.h"
#include "yrkesresa/labels.h"
#include "internal/apportion.h"
#include "internal/where.h"

YR_API yr_status yr_pot_rules_dalarna_2024(yr_pot_rules *rules)
{
    if (rules == NULL)
        return YR_ERR_NULL;
    rules->fee = 600;
    rules->pot_part = 400;
    rules->share[YR_ROLE_TRAINER] = 10;
    rules->share[YR_ROLE_LEADER] = 15;
    return YR_OK;
}

static char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* 1 when s[0..len) equals the lower-case word, ignoring ASCII case. */
static int word_equal(const char *s, size_t len, const char *word)
{
    size_t i = 0;
    for (; i < len && word[i] != '\0'; i++) {
        if (ascii_lower(s[i]) != word[i])
            return 0;
    }
    return i == len && word[i] == '\0';
}

YR_API yr_status yr_role_from_name(const char *name, yr_role *role)
{
    static const struct {
        const char *word;
        yr_role role;
    } names[] = {
        {"leader", YR_ROLE_LEADER},
        {"kursledare", YR_ROLE_LEADER},
        {"trainer", YR_ROLE_TRAINER},
        {"utbildare", YR_ROLE_TRAINER},
    };
    if (name == NULL || role == NULL)
        return YR_ERR_NULL;
    size_t start;
    size_t len = yr_label_trim(name, strlen(name), &start);
    name += start;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (word_equal(name, len, names[i].word)) {
            *role = names[i].role;
            return YR_OK;
        }
    }
    return YR_ERR_RANGE;
}

/* ---- settlement ----------------------------------------------------------------------------- */

typedef struct pot_day {
    yr_u128 shares;   /* S_d, then D_d = S_d / gcd(pot_d, S_d) on distributing days */
    yr_u128 mult;     /* L / D_d on distributing days, else 0 */
    uint64_t pot_red; /* pot_d / gcd(pot_d, S_d) on distributing days, else 0 */
    int64_t people;   /* participants that day, all municipalities */
    size_t ntrainers; /* trainer records that day */
} pot_day;

/* Check the rules. */
static yr_status check_rules(const yr_pot_rules *rules)
{
    if (rules->fee < 0 || rules->pot_part < 0)
        return YR_ERR_NEGATIVE;
    for (int r = 0; r < YR_ROLE_COUNT; r++) {
        if (rules->share[r] < 0)
            return YR_ERR_NEGATIVE;
    }
    if (rules->pot_part > rules->fee)
        return YR_ERR_RANGE;
    return YR_OK;
}

/* num × (l / den) into *out, 0 when it does not fit int64. */
static int scale_share(int64_t num, int64_t den, yr_u128 l, int64_t *out)
{
    yr_u128 v;
    if (!yr_mul_u128_checked((yr_u128)num, l / (uint64_t)den, &v) || v > (yr_u128)INT64_MAX)
        return 0;
    *out = (int64_t)v;
    return 1;
}

YR_API yr_status yr_pot_rules_with_shares(int64_t fee, int64_t pot_part, int64_t leader_num,
                                          int64_t leader_den, int64_t trainer_num,
                                          int64_t trainer_den, yr_pot_rules *rules)
{
    if (rules == NULL)
        return YR_ERR_NULL;
    if (leader_den <= 0 || trainer_den <= 0)
        return YR_ERR_RANGE;
    yr_pot_rules r = {fee, pot_part, {0, 0}};
    if (leader_num < 0 || trainer_num < 0)
        return YR_ERR_NEGATIVE;
    yr_status st = check_rules(&r);
    if (st != YR_OK)
        return st;
    /* lcm of two values below 2^63 is below 2^126: exact. */
    yr_u128 l = (yr_u128)(uint64_t)leader_den /
                yr_gcd_u128((uint64_t)leader_den, (uint64_t)trainer_den) * (uint64_t)trainer_den;
    if (!scale_share(leader_num, leader_den, l, &r.share[YR_ROLE_LEADER]) ||
        !scale_share(trainer_num, trainer_den, l, &r.share[YR_ROLE_TRAINER]))
        return YR_ERR_OVERFLOW;
    *rules = r;
    return YR_OK;
}

/* Sum the attendance into days[] and pdays[] (participant-days per municipality); *total gets
 * the participant-days of the year. */
static yr_status add_attendance(const yr_attendance *att, size_t natt, size_t ndays, size_t nmun,
                                pot_day *days, uint64_t *pdays, uint64_t *total, yr_where *where)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < natt; i++) {
        const yr_attendance *a = &att[i];
        if (a->day >= ndays || a->municipality >= nmun)
            return yr_where_fail(where, YR_ERR_RANGE, i, YR_WHERE_NONE, "attendance");
        if (a->participants < 0)
            return yr_where_fail(where, YR_ERR_NEGATIVE, i, YR_WHERE_NONE, "attendance");
        sum += (uint64_t)a->participants; /* both terms <= INT64_MAX: no wrap */
        if (sum > (uint64_t)INT64_MAX)
            return yr_where_arg(where, YR_ERR_OVERFLOW, "attendance");
        /* Partial sums are bounded by the total, so these fit too. */
        days[a->day].people += a->participants;
        pdays[a->municipality] += (uint64_t)a->participants;
    }
    *total = sum;
    return YR_OK;
}

static yr_status add_trainers(const yr_trainer *tr, size_t ntr, size_t ndays, size_t nmun,
                              const yr_pot_rules *rules, pot_day *days, yr_where *where)
{
    for (size_t i = 0; i < ntr; i++) {
        const yr_trainer *t = &tr[i];
        if (t->day >= ndays || t->municipality >= nmun || (unsigned)t->role >= YR_ROLE_COUNT)
            return yr_where_fail(where, YR_ERR_RANGE, i, YR_WHERE_NONE, "trainers");
        /* At most SIZE_MAX records of at most 2^63 each: the sum stays below 2^128. */
        days[t->day].shares += (uint64_t)rules->share[t->role];
        days[t->day].ntrainers++;
    }
    return YR_OK;
}

/* The first trainer record of day d (which has one). */
static size_t first_trainer(const yr_trainer *tr, size_t ntr, size_t d)
{
    size_t i = 0;
    while (i < ntr && tr[i].day != d)
        i++;
    return i;
}

/* Classify the days, reduce each distributing day's fraction and compute L. Fills the counts
 * and amounts of the summary that do not depend on the kickbacks. A day with a pot whose
 * trainers all have share 0 is YR_ERR_RANGE with *bad_day = that day. */
static yr_status plan_days(pot_day *days, size_t ndays, int64_t pot_part, yr_u128 *lcm,
                           uint64_t *distributed, yr_pot_summary *sum, size_t *bad_day)
{
    yr_u128 l = 1;
    uint64_t dist = 0;
    for (size_t d = 0; d < ndays; d++) {
        pot_day *day = &days[d];
        /* pot_d <= pot_part × total participant-days, checked by the caller to fit. */
        uint64_t pot = (uint64_t)pot_part * (uint64_t)day->people;
        day->mult = 0;
        if (day->ntrainers == 0) {
            if (day->people > 0)
                sum->days_without_trainer++;
            sum->undistributed += (int64_t)pot;
            continue;
        }
        if (day->people == 0)
            sum->days_without_participants++;
        if (pot == 0)
            continue;
        if (day->shares == 0) {
            *bad_day = d;
            return YR_ERR_RANGE;
        }
        yr_u128 g = yr_gcd_u128(pot, day->shares);
        day->shares /= g;
        day->pot_red = (uint64_t)(pot / g);
        yr_u128 q = l / yr_gcd_u128(l, day->shares);
        if (!yr_mul_u128_checked(q, day->shares, &l) || l > (YR_U128_MAX >> 1))
            return YR_ERR_OVERFLOW;
        dist += pot;
    }
    for (size_t d = 0; d < ndays; d++) {
        if (days[d].pot_red != 0) /* a distributing day */
            days[d].mult = l / days[d].shares;
    }
    *lcm = l;
    *distributed = dist;
    return YR_OK;
}

/* Entitlements: whole parts in rems[].key, remainders over lcm in rems[].rem. */
static void entitlements(const pot_day *days, const yr_trainer *trainers, size_t ntr,
                         const yr_pot_rules *rules, yr_u128 lcm, yr_rem *rems, size_t nmun)
{
    for (size_t m = 0; m < nmun; m++)
        rems[m].idx = m;
    for (size_t i = 0; i < ntr; i++) {
        const pot_day *day = &days[trainers[i].day];
        if (day->mult == 0)
            continue;
        yr_rem *e = &rems[trainers[i].municipality];
        yr_u128 p = (yr_u128)day->pot_red * (uint64_t)rules->share[trainers[i].role];
        e->key += (uint64_t)(p / day->shares);
        e->rem += (p % day->shares) * day->mult; /* < 2 × lcm <= YR_U128_MAX */
        if (e->rem >= lcm) {
            e->key += 1; /* e->rem < 2 × lcm */
            e->rem -= lcm;
        }
    }
}

/* Write the rows and the summary's sums; the kickbacks: floors, then one more unit to the
 * largest remainders (rems is reordered). Nothing can fail here. */
static void write_rows(const yr_pot_rules *rules, const uint64_t *pdays, yr_rem *rems, size_t nmun,
                       uint64_t distributed, yr_pot_row *rows, yr_pot_summary *sum)
{
    uint64_t floors = 0;
    for (size_t m = 0; m < nmun; m++) {
        yr_pot_row *row = &rows[m];
        int64_t pd = (int64_t)pdays[m];
        floors += rems[m].key;
        row->participant_days = pd;
        row->fees = rules->fee * pd;
        row->pot_in = rules->pot_part * pd;
        row->admin = row->fees - row->pot_in;
        row->kickback = (int64_t)rems[m].key;
        sum->participant_days += pd;
        sum->fees += row->fees;
        sum->admin += row->admin;
        sum->pot_in += row->pot_in;
    }
    /* The remainders add up to (distributed - floors) × lcm; each is below lcm. */
    yr_select_top(rems, nmun, (size_t)(distributed - floors));
    for (size_t j = 0; j < (size_t)(distributed - floors); j++)
        rows[rems[j].idx].kickback += 1;
    for (size_t m = 0; m < nmun; m++) {
        rows[m].net = rows[m].fees - rows[m].kickback;
        sum->kickback += rows[m].kickback;
    }
}

/* Check the pointers and the rules; on error *where names the parameter. */
static yr_status check_args(const yr_pot_rules *rules, size_t nmun, const yr_attendance *att,
                            size_t natt, const yr_trainer *tr, size_t ntr, const yr_pot_row *rows,
                            const yr_pot_summary *summary, yr_where *where)
{
    const char *null = rules == NULL               ? "rules"
                       : rows == NULL              ? "rows"
                       : summary == NULL           ? "summary"
                       : (att == NULL && natt > 0) ? "attendance"
                       : (tr == NULL && ntr > 0)   ? "trainers"
                                                   : NULL;
    if (null != NULL)
        return yr_where_arg(where, YR_ERR_NULL, null);
    if (nmun == 0)
        return yr_where_arg(where, YR_ERR_EMPTY, "nmunicipalities");
    yr_status st = check_rules(rules);
    if (st != YR_OK)
        return yr_where_arg(where, st, "rules");
    if (nmun > SIZE_MAX / sizeof(yr_rem) || nmun > SIZE_MAX / sizeof(uint64_t))
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    return YR_OK;
}

/* Read the records and plan the days (everything that can fail after allocation). */
static yr_status settle_plan(const yr_pot_rules *rules, size_t ndays, size_t nmun,
                             const yr_attendance *att, size_t natt, const yr_trainer *tr,
                             size_t ntr, pot_day *days, uint64_t *pdays, yr_u128 *lcm,
                             uint64_t *distributed, yr_pot_summary *sum, yr_where *where)
{
    uint64_t total_pd = 0;
    yr_status st = add_attendance(att, natt, ndays, nmun, days, pdays, &total_pd, where);
    if (st != YR_OK)
        return st;
    st = add_trainers(tr, ntr, ndays, nmun, rules, days, where);
    if (st != YR_OK)
        return st;
    /* fee × all participant-days bounds every amount of the settlement. */
    if ((yr_u128)(uint64_t)rules->fee * total_pd > (yr_u128)INT64_MAX)
        return yr_where_arg(where, YR_ERR_OVERFLOW, "attendance");
    size_t bad_day = 0;
    st = plan_days(days, ndays, rules->pot_part, lcm, distributed, sum, &bad_day);
    if (st == YR_ERR_RANGE)
        return yr_where_fail(where, st, first_trainer(tr, ntr, bad_day), YR_WHERE_NONE, "trainers");
    if (st != YR_OK)
        return yr_where_arg(where, st, "trainers");
    return YR_OK;
}

YR_API yr_status yr_pot_settle_where(const yr_pot_rules *rules, size_t ndays,
                                     size_t nmunicipalities, const yr_attendance *attendance,
                                     size_t natt, const yr_trainer *trainers, size_t ntr,
                                     yr_pot_row *rows, yr_pot_summary *summary,
                                     int64_t *day_undistributed, yr_where *where)
{
    yr_where_clear(where);
    yr_status st =
        check_args(rules, nmunicipalities, attendance, natt, trainers, ntr, rows, summary, where);
    if (st != YR_OK)
        return st;
    if (ndays > SIZE_MAX / sizeof(pot_day))
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    yr_pot_summary sum = {0};
    yr_u128 lcm = 1;
    uint64_t distributed = 0;
    pot_day *days = calloc(ndays ? ndays : 1, sizeof(pot_day));
    yr_rem *rems = calloc(nmunicipalities, sizeof(yr_rem));
    uint64_t *pdays = calloc(nmunicipalities, sizeof(uint64_t));
    if (days == NULL || rems == NULL || pdays == NULL) {
        st = yr_where_arg(where, YR_ERR_NOMEM, NULL);
        goto out;
    }
    st = settle_plan(rules, ndays, nmunicipalities, attendance, natt, trainers, ntr, days, pdays,
                     &lcm, &distributed, &sum, where);
    if (st != YR_OK)
        goto out;
    entitlements(days, trainers, ntr, rules, lcm, rems, nmunicipalities);
    write_rows(rules, pdays, rems, nmunicipalities, distributed, rows, &sum);
    *summary = sum;
    if (day_undistributed != NULL) {
        for (size_t d = 0; d < ndays; d++)
            day_undistributed[d] = days[d].ntrainers == 0 ? rules->pot_part * days[d].people : 0;
    }
out:
    free(days);
    free(rems);
    free(pdays);
    return st;
}

YR_API yr_status yr_pot_settle(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                               const yr_attendance *attendance, size_t natt,
                               const yr_trainer *trainers, size_t ntr, yr_pot_row *rows,
                               yr_pot_summary *summary, int64_t *day_undistributed)
{
    return yr_pot_settle_where(rules, ndays, nmunicipalities, attendance, natt, trainers, ntr, rows,
                               summary, day_undistributed, NULL);
}
