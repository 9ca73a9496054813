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
 * they add up to the pot of the days that had trainers.
 *
 * One path: the settlement is an accumulator (struct yr_pot, internal/pot_acc.h) that adds the
 * attendance up per day and municipality as it comes and keeps the trainer records;
 * yr_pot_finish settles it, and yr_pot_settle is the accumulator fed its two arrays. The kickback
 * per day (yr_pot_by_day) is in lib/pot_by_day.c. */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/pot.h"
#include "yrkesresa/labels.h"
#include "internal/apportion.h"
#include "internal/pot_acc.h"
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

YR_API yr_status yr_role_from_name_where(const char *name, yr_role *role, yr_where *where)
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
    yr_where_clear(where);
    if (name == NULL || role == NULL)
        return yr_where_arg(where, YR_ERR_NULL, name == NULL ? "name" : "role");
    size_t start;
    size_t len = yr_label_trim(name, strlen(name), &start);
    name += start;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (word_equal(name, len, names[i].word)) {
            *role = names[i].role;
            return YR_OK;
        }
    }
    return yr_where_arg_why(where, YR_ERR_RANGE, "name",
                            YR_WHY_TEXT(YR_REASON_UNKNOWN_NAME, "role", name, len, 0));
}

YR_API yr_status yr_role_from_name(const char *name, yr_role *role)
{
    return yr_role_from_name_where(name, role, NULL);
}

/* ---- settlement ----------------------------------------------------------------------------- */

static const char *const role_words[YR_ROLE_COUNT] = {
    [YR_ROLE_TRAINER] = "trainer", [YR_ROLE_LEADER] = "leader"};

/* Check the rules; on error *where says why: arg "rules" when they come as a struct
 * (@p field_args 0), else the field, which is then a parameter ("fee", "pot_part"). */
static yr_status check_rules(const yr_pot_rules *rules, int field_args, yr_where *where)
{
    if (rules->fee < 0 || rules->pot_part < 0) {
        const char *field = rules->fee < 0 ? "fee" : "pot_part";
        return yr_where_arg_why(where, YR_ERR_NEGATIVE, field_args ? field : "rules",
                                YR_WHY_NAMED(YR_REASON_NEGATIVE, field, NULL,
                                             rules->fee < 0 ? rules->fee : rules->pot_part));
    }
    for (int r = 0; r < YR_ROLE_COUNT; r++) {
        if (rules->share[r] < 0)
            return yr_where_arg_why(
                where, YR_ERR_NEGATIVE, "rules",
                YR_WHY_TEXT(YR_REASON_NEGATIVE_SHARE, "share", role_words[r], 0, rules->share[r]));
    }
    if (rules->pot_part > rules->fee)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, field_args ? "pot_part" : "rules",
            YR_WHY_NAMED(YR_REASON_LARGER, "pot_part", "fee", rules->pot_part, rules->fee));
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

/* A role share num/den of yr_pot_rules_with_shares: den > 0, num >= 0. */
static yr_status check_share_fraction(int64_t num, int64_t den, const char *arg, yr_where *where)
{
    if (den <= 0)
        return yr_where_arg_why(where, YR_ERR_RANGE, arg, YR_WHY(YR_REASON_DENOMINATOR, num, den));
    if (num < 0)
        return yr_where_arg_why(where, YR_ERR_NEGATIVE, arg,
                                YR_WHY(YR_REASON_FRACTION_NEGATIVE, num, den));
    return YR_OK;
}

YR_API yr_status yr_pot_rules_with_shares_where(int64_t fee, int64_t pot_part, int64_t leader_num,
                                                int64_t leader_den, int64_t trainer_num,
                                                int64_t trainer_den, yr_pot_rules *rules,
                                                yr_where *where)
{
    yr_where_clear(where);
    if (rules == NULL)
        return yr_where_arg(where, YR_ERR_NULL, "rules");
    /* the denominators first, then the numerators: the order of the statuses before 0.3 */
    yr_status st = YR_OK;
    if (leader_den <= 0 || trainer_den <= 0)
        st = leader_den <= 0 ? check_share_fraction(leader_num, leader_den, "leader", where)
                             : check_share_fraction(trainer_num, trainer_den, "trainer", where);
    if (st == YR_OK)
        st = check_share_fraction(leader_num, leader_den, "leader", where);
    if (st == YR_OK)
        st = check_share_fraction(trainer_num, trainer_den, "trainer", where);
    yr_pot_rules r = {fee, pot_part, {0, 0}};
    if (st == YR_OK)
        st = check_rules(&r, 1, where);
    if (st != YR_OK)
        return st;
    /* lcm of two values below 2^63 is below 2^126: exact. */
    yr_u128 l = (yr_u128)(uint64_t)leader_den /
                yr_gcd_u128((uint64_t)leader_den, (uint64_t)trainer_den) * (uint64_t)trainer_den;
    if (!scale_share(leader_num, leader_den, l, &r.share[YR_ROLE_LEADER]) ||
        !scale_share(trainer_num, trainer_den, l, &r.share[YR_ROLE_TRAINER]))
        return yr_where_arg_why(
            where, YR_ERR_OVERFLOW, "leader",
            YR_WHY(YR_REASON_SHARES_PAST, l > (yr_u128)INT64_MAX ? YR_WHY_SUM_PAST : (int64_t)l));
    *rules = r;
    return YR_OK;
}

YR_API yr_status yr_pot_rules_with_shares(int64_t fee, int64_t pot_part, int64_t leader_num,
                                          int64_t leader_den, int64_t trainer_num,
                                          int64_t trainer_den, yr_pot_rules *rules)
{
    return yr_pot_rules_with_shares_where(fee, pot_part, leader_num, leader_den, trainer_num,
                                          trainer_den, rules, NULL);
}

/* ---- the accumulator: adding records ------------------------------------------------------ */

/* arr (*cap entries of size bytes, need > *cap) grown to hold need entries, the new ones
 * zeroed: the new array (*cap updated), or NULL when out of memory (arr and *cap as they were). */
static void *grow(void *arr, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap > need / 2 ? 2 * *cap : need;
    c = c < 16 ? 16 : c;
    unsigned char *p = c <= SIZE_MAX / size ? realloc(arr, c * size) : NULL;
    if (p == NULL)
        return NULL;
    memset(p + *cap * size, 0, (c - *cap) * size);
    *cap = c;
    return p;
}

/* Room for ndays days and nmun municipalities (new entries empty). */
static yr_status reserve(yr_pot *pot, size_t ndays, size_t nmun)
{
    if (ndays > pot->day_cap) {
        size_t old = pot->day_cap;
        pot_day *d = grow(pot->days, &pot->day_cap, ndays, sizeof *d);
        if (d == NULL)
            return YR_ERR_NOMEM;
        pot->days = d;
        for (size_t k = old; k < pot->day_cap; k++)
            d[k].first_trainer = SIZE_MAX;
    }
    if (nmun > pot->mun_cap) {
        uint64_t *m = grow(pot->pdays, &pot->mun_cap, nmun, sizeof *m);
        if (m == NULL)
            return YR_ERR_NOMEM;
        pot->pdays = m;
    }
    return YR_OK;
}

YR_API yr_status yr_pot_begin_where(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                                    yr_pot **pot, yr_where *where)
{
    yr_where_clear(where);
    if (rules == NULL || pot == NULL)
        return yr_where_arg(where, YR_ERR_NULL, rules == NULL ? "rules" : "pot");
    if (nmunicipalities == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "nmunicipalities",
                                YR_WHY(YR_REASON_ZERO_COUNT, 0));
    yr_status st = check_rules(rules, 0, where);
    if (st != YR_OK)
        return st;
    yr_pot *p = calloc(1, sizeof *p);
    if (p == NULL)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    p->rules = *rules;
    p->day_limit = ndays;
    p->mun_limit = nmunicipalities;
    p->ndays = ndays == YR_POT_ANY ? 0 : ndays;
    p->nmun = nmunicipalities == YR_POT_ANY ? 0 : nmunicipalities;
    if (reserve(p, p->ndays, p->nmun) != YR_OK) {
        yr_pot_free(p);
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    }
    *pot = p;
    return YR_OK;
}

YR_API yr_status yr_pot_begin(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                              yr_pot **pot)
{
    return yr_pot_begin_where(rules, ndays, nmunicipalities, pot, NULL);
}

YR_API void yr_pot_free(yr_pot *pot)
{
    if (pot == NULL)
        return;
    free(pot->days);
    free(pot->pdays);
    free(pot->tr);
    free(pot->rows);
    free(pot->pairs);
    free(pot);
}

/* A record changes the year: the kept settlement is no longer it. */
static void unsettle(yr_pot *pot)
{
    pot->finished = 0;
    free(pot->pairs);
    pot->pairs = NULL;
    pot->npairs = 0;
}

/* Room for the indices of a batch: *nd and *nm are one past the largest (0 when none). */
static yr_status grow_to(yr_pot *pot, size_t nd, size_t nm)
{
    nd = nd > pot->ndays ? nd : pot->ndays;
    nm = nm > pot->nmun ? nm : pot->nmun;
    if (reserve(pot, nd, nm) != YR_OK)
        return YR_ERR_NOMEM;
    pot->ndays = nd;
    pot->nmun = nm;
    return YR_OK;
}

/* A count as a value of a reason (YR_POT_ANY: INT64_MAX, never reached). */
static int64_t count_value(size_t n)
{
    return n > (size_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

/* A record of @p arg whose day or municipality is past the counts of yr_pot_begin. */
static yr_status record_past(yr_where *where, const char *arg, size_t i, size_t day, size_t ndays,
                             size_t mun, size_t nmun)
{
    int bad_day = day >= ndays;
    return yr_where_why(where, YR_ERR_RANGE, i, YR_WHERE_NONE, arg,
                        YR_WHY_NAMED(YR_REASON_RECORD_INDEX_PAST, bad_day ? "day" : "municipality",
                                     bad_day ? "days" : "municipalities",
                                     count_value(bad_day ? day : mun),
                                     count_value(bad_day ? ndays : nmun)));
}

/* The attendance, checked in record order: each record's indices and count, the running sum. */
static yr_status check_attendance(const yr_pot *pot, const yr_attendance *att, size_t natt,
                                  size_t *nd, size_t *nm, yr_where *where)
{
    uint64_t sum = pot->total;
    *nd = *nm = 0;
    for (size_t i = 0; i < natt; i++) {
        const yr_attendance *a = &att[i];
        if (a->day >= pot->day_limit || a->municipality >= pot->mun_limit)
            return record_past(where, "attendance", i, a->day, pot->day_limit, a->municipality,
                               pot->mun_limit);
        if (a->participants < 0)
            return yr_where_why(
                where, YR_ERR_NEGATIVE, i, YR_WHERE_NONE, "attendance",
                YR_WHY_NAMED(YR_REASON_RECORD_NEGATIVE, "participants", NULL, a->participants));
        sum += (uint64_t)a->participants; /* both terms <= INT64_MAX: no wrap */
        if (sum > (uint64_t)INT64_MAX)
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "attendance",
                                    YR_WHY_NAMED(YR_REASON_SUM_PAST, "participants", NULL, 0));
        *nd = a->day >= *nd ? a->day + 1 : *nd;
        *nm = a->municipality >= *nm ? a->municipality + 1 : *nm;
    }
    return YR_OK;
}

YR_API yr_status yr_pot_add_attendance_where(yr_pot *pot, const yr_attendance *attendance,
                                             size_t natt, yr_where *where)
{
    yr_where_clear(where);
    if (pot == NULL || (attendance == NULL && natt > 0))
        return yr_where_arg(where, YR_ERR_NULL, pot == NULL ? "pot" : "attendance");
    size_t nd, nm;
    yr_status st = check_attendance(pot, attendance, natt, &nd, &nm, where);
    if (st != YR_OK)
        return st;
    if (grow_to(pot, nd, nm) != YR_OK)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    for (size_t i = 0; i < natt; i++) { /* partial sums are bounded by the total: they fit */
        const yr_attendance *a = &attendance[i];
        pot->days[a->day].people += a->participants;
        pot->pdays[a->municipality] += (uint64_t)a->participants;
        pot->total += (uint64_t)a->participants;
    }
    unsettle(pot);
    return YR_OK;
}

YR_API yr_status yr_pot_add_attendance(yr_pot *pot, const yr_attendance *attendance, size_t natt)
{
    return yr_pot_add_attendance_where(pot, attendance, natt, NULL);
}

/* Room for ntr more trainer records. */
static yr_status reserve_trainers(yr_pot *pot, size_t ntr)
{
    if (ntr <= pot->tr_cap - pot->ntr)
        return YR_OK;
    if (ntr > SIZE_MAX - pot->ntr)
        return YR_ERR_NOMEM;
    yr_trainer *t = grow(pot->tr, &pot->tr_cap, pot->ntr + ntr, sizeof *t);
    if (t == NULL)
        return YR_ERR_NOMEM;
    pot->tr = t;
    return YR_OK;
}

YR_API yr_status yr_pot_add_trainers_where(yr_pot *pot, const yr_trainer *trainers, size_t ntr,
                                           yr_where *where)
{
    yr_where_clear(where);
    if (pot == NULL || (trainers == NULL && ntr > 0))
        return yr_where_arg(where, YR_ERR_NULL, pot == NULL ? "pot" : "trainers");
    size_t nd = 0, nm = 0;
    for (size_t i = 0; i < ntr; i++) {
        const yr_trainer *t = &trainers[i];
        if (t->day >= pot->day_limit || t->municipality >= pot->mun_limit)
            return record_past(where, "trainers", i, t->day, pot->day_limit, t->municipality,
                               pot->mun_limit);
        if ((unsigned)t->role >= YR_ROLE_COUNT)
            return yr_where_why(where, YR_ERR_RANGE, i, YR_WHERE_NONE, "trainers",
                                YR_WHY_NAMED(YR_REASON_RECORD_ENUM, "role", NULL, (int64_t)t->role,
                                             YR_ROLE_COUNT - 1));
        nd = t->day >= nd ? t->day + 1 : nd;
        nm = t->municipality >= nm ? t->municipality + 1 : nm;
    }
    if (reserve_trainers(pot, ntr) != YR_OK || grow_to(pot, nd, nm) != YR_OK)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    for (size_t i = 0; i < ntr; i++) {
        pot_day *day = &pot->days[trainers[i].day];
        /* At most SIZE_MAX records of at most 2^63 each: the sum stays below 2^128. */
        day->shares += (uint64_t)pot->rules.share[trainers[i].role];
        if (day->ntrainers++ == 0)
            day->first_trainer = pot->ntr;
        pot->tr[pot->ntr++] = trainers[i];
    }
    unsettle(pot);
    return YR_OK;
}

YR_API yr_status yr_pot_add_trainers(yr_pot *pot, const yr_trainer *trainers, size_t ntr)
{
    return yr_pot_add_trainers_where(pot, trainers, ntr, NULL);
}

YR_API yr_status yr_pot_counts(const yr_pot *pot, size_t *ndays, size_t *nmunicipalities,
                               size_t *ntrainers)
{
    if (pot == NULL)
        return YR_ERR_NULL;
    if (ndays != NULL)
        *ndays = pot->ndays;
    if (nmunicipalities != NULL)
        *nmunicipalities = pot->nmun;
    if (ntrainers != NULL)
        *ntrainers = pot->ntr;
    return YR_OK;
}

/* ---- the accumulator: settling --------------------------------------------------------------- */

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
        day->pot_red = 0;
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
        day->den = day->shares / g;
        day->pot_red = (uint64_t)(pot / g);
        yr_u128 q = l / yr_gcd_u128(l, day->den);
        if (!yr_mul_u128_checked(q, day->den, &l) || l > (YR_U128_MAX >> 1))
            return YR_ERR_OVERFLOW;
        dist += pot;
    }
    for (size_t d = 0; d < ndays; d++) {
        if (days[d].pot_red != 0) /* a distributing day */
            days[d].mult = l / days[d].den;
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
        e->key += (uint64_t)(p / day->den);
        e->rem += (p % day->den) * day->mult; /* < 2 × lcm <= YR_U128_MAX */
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

/* The arguments of yr_pot_finish: pointers and counts. */
static yr_status check_finish(const yr_pot *pot, const yr_pot_row *rows, size_t nmun,
                              const yr_pot_summary *summary, const int64_t *und, size_t ndays,
                              yr_where *where)
{
    const char *null = pot == NULL       ? "pot"
                       : rows == NULL    ? "rows"
                       : summary == NULL ? "summary"
                                         : NULL;
    if (null != NULL)
        return yr_where_arg(where, YR_ERR_NULL, null);
    if (pot->nmun == 0) /* YR_POT_ANY and no record */
        return yr_where_arg_why(where, YR_ERR_EMPTY, "nmunicipalities",
                                YR_WHY(YR_REASON_ZERO_COUNT, 0));
    if (nmun != pot->nmun)
        return yr_where_arg_why(where, YR_ERR_RANGE, "nmunicipalities",
                                YR_WHY_NAMED(YR_REASON_COUNT_MISMATCH, NULL, "municipalities",
                                             count_value(nmun), count_value(pot->nmun)));
    if (und != NULL && ndays != pot->ndays)
        return yr_where_arg_why(where, YR_ERR_RANGE, "ndays",
                                YR_WHY_NAMED(YR_REASON_COUNT_MISMATCH, NULL, "days",
                                             count_value(ndays), count_value(pot->ndays)));
    /* fee × all participant-days bounds every amount of the settlement. */
    if ((yr_u128)(uint64_t)pot->rules.fee * pot->total > (yr_u128)INT64_MAX)
        return yr_where_arg_why(where, YR_ERR_OVERFLOW, "attendance",
                                YR_WHY_NAMED(YR_REASON_PRODUCT_PAST, "fee", "participant-days",
                                             pot->rules.fee, (int64_t)pot->total));
    return YR_OK;
}

/* Settle into pot->rows (replaced) and *sum. */
static yr_status settle(yr_pot *pot, yr_pot_summary *sum, yr_where *where)
{
    size_t bad_day = 0;
    uint64_t distributed = 0;
    yr_u128 lcm = 1;
    memset(sum, 0, sizeof *sum);
    yr_status st =
        plan_days(pot->days, pot->ndays, pot->rules.pot_part, &lcm, &distributed, sum, &bad_day);
    if (st == YR_ERR_RANGE)
        return yr_where_why(where, st, pot->days[bad_day].first_trainer, YR_WHERE_NONE, "trainers",
                            YR_WHY(YR_REASON_DAY_ZERO_SHARES, (int64_t)bad_day,
                                   pot->rules.pot_part * pot->days[bad_day].people));
    if (st != YR_OK)
        return yr_where_arg_why(where, st, "trainers", YR_WHY(YR_REASON_DENOMINATOR_PAST, 0));
    size_t n = pot->nmun;
    yr_rem *rems = n <= SIZE_MAX / sizeof(yr_rem) ? calloc(n, sizeof(yr_rem)) : NULL;
    yr_pot_row *rows = n <= SIZE_MAX / sizeof(yr_pot_row) ? malloc(n * sizeof *rows) : NULL;
    if (rems == NULL || rows == NULL) {
        free(rems);
        free(rows);
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    }
    entitlements(pot->days, pot->tr, pot->ntr, &pot->rules, lcm, rems, n);
    write_rows(&pot->rules, pot->pdays, rems, n, distributed, rows, sum);
    free(rems);
    free(pot->rows);
    pot->rows = rows;
    pot->lcm = lcm;
    unsettle(pot);
    pot->finished = 1;
    return YR_OK;
}

YR_API yr_status yr_pot_finish_where(yr_pot *pot, yr_pot_row *rows, size_t nmunicipalities,
                                     yr_pot_summary *summary, int64_t *day_undistributed,
                                     size_t ndays, yr_where *where)
{
    yr_where_clear(where);
    yr_status st =
        check_finish(pot, rows, nmunicipalities, summary, day_undistributed, ndays, where);
    yr_pot_summary sum;
    if (st == YR_OK)
        st = settle(pot, &sum, where);
    if (st != YR_OK)
        return st;
    memcpy(rows, pot->rows, pot->nmun * sizeof *rows);
    *summary = sum;
    for (size_t d = 0; day_undistributed != NULL && d < pot->ndays; d++) {
        const pot_day *day = &pot->days[d];
        day_undistributed[d] = day->ntrainers == 0 ? pot->rules.pot_part * day->people : 0;
    }
    return YR_OK;
}

YR_API yr_status yr_pot_finish(yr_pot *pot, yr_pot_row *rows, size_t nmunicipalities,
                               yr_pot_summary *summary, int64_t *day_undistributed, size_t ndays)
{
    return yr_pot_finish_where(pot, rows, nmunicipalities, summary, day_undistributed, ndays, NULL);
}

/* ---- yr_pot_settle: the accumulator fed two arrays ------------------------------------------- */

YR_API yr_status yr_pot_settle_where(const yr_pot_rules *rules, size_t ndays,
                                     size_t nmunicipalities, const yr_attendance *attendance,
                                     size_t natt, const yr_trainer *trainers, size_t ntr,
                                     yr_pot_row *rows, yr_pot_summary *summary,
                                     int64_t *day_undistributed, yr_where *where)
{
    yr_where_clear(where);
    const char *null = rules == NULL                      ? "rules"
                       : rows == NULL                     ? "rows"
                       : summary == NULL                  ? "summary"
                       : (attendance == NULL && natt > 0) ? "attendance"
                       : (trainers == NULL && ntr > 0)    ? "trainers"
                                                          : NULL;
    if (null != NULL)
        return yr_where_arg(where, YR_ERR_NULL, null);
    yr_pot *pot = NULL;
    yr_status st = yr_pot_begin_where(rules, ndays, nmunicipalities, &pot, where);
    if (st == YR_OK && (ndays == YR_POT_ANY || nmunicipalities == YR_POT_ANY))
        st = yr_where_arg(where, YR_ERR_NOMEM, NULL); /* counts, not YR_POT_ANY: no such arrays */
    if (st == YR_OK)
        st = yr_pot_add_attendance_where(pot, attendance, natt, where);
    if (st == YR_OK)
        st = yr_pot_add_trainers_where(pot, trainers, ntr, where);
    if (st == YR_OK)
        st = yr_pot_finish_where(pot, rows, nmunicipalities, summary, day_undistributed, ndays,
                                 where);
    yr_pot_free(pot);
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
