/* libFuzzer target: yr_pot_settle. The settlement is recomputed here exactly: per-municipality
 * amounts, the totals, the per-day undistributed pot, and the kickbacks, which must be the floor
 * or ceiling of each municipality's exact entitlement sum_d pot_d * share_md / S_d (computed
 * with big integers over the product of the S_d), add up to the pot of the days with trainers,
 * and be rounded up in rank order (remainder, then entitlement, then earlier municipality).
 * The status must be the one the input calls for; on error the outputs are untouched.
 *
 * Input: head byte (bit 0: no day_undistributed buffer; bit 5: Dalarna 2024 rules instead of
 * fuzzed ones; bits 1-4 == 15, 14, 13 pass NULL rules / rows / summary), [fee, pot part, trainer
 * share, leader share: fz_int each], days (byte % 33), municipalities (byte % 33), then records:
 * a tag byte (bit 0: trainer, else attendance; bits 1-2: role, 3 = an invalid role), a day byte
 * and a municipality byte (values >= 250 are out of range), and for attendance an fz_int. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa.h"
#include "fuzz_common.h"

#define MAXD 32
#define MAXM 32
#define MAXREC 1024

static size_t index_of(uint8_t b, size_t count)
{
    if (b >= 250)
        return count + (size_t)(b - 250); /* out of range on purpose */
    return count == 0 ? 0 : b % count;
}

/* Fixed-size working storage (the target runs single-threaded). */
static bn prefix[MAXD + 1], suffix[MAXD + 1], cofactor[MAXD], entitled[MAXM];

FZ_NOCOV static void check_kickbacks(const yr_pot_row *rows, size_t nmun, size_t k_days,
                                     const fz_u128 *S, const uint64_t *pot, fz_u128 (*sh)[MAXM])
{
    /* P = product of S_k; cofactor_k = P / S_k = prefix_k * suffix_k+1. */
    bn_set(&prefix[0], 1);
    for (size_t k = 0; k < k_days; k++)
        bn_mul_u128(&prefix[k + 1], &prefix[k], S[k]);
    bn_set(&suffix[k_days], 1);
    for (size_t k = k_days; k-- > 0;)
        bn_mul_u128(&suffix[k], &suffix[k + 1], S[k]);
    for (size_t k = 0; k < k_days; k++)
        bn_mul(&cofactor[k], &prefix[k], &suffix[k + 1]);
    const bn *P = &prefix[k_days];
    for (size_t m = 0; m < nmun; m++) {
        entitled[m].len = 0;
        for (size_t k = 0; k < k_days; k++) {
            if (sh[k][m] == 0)
                continue;
            bn a, b;
            bn_mul_u128(&a, &cofactor[k], pot[k]);
            bn_mul_u128(&b, &a, sh[k][m]);
            bn_add(&entitled[m], &entitled[m], &b);
        }
    }
    int have_up = 0, have_down = 0;
    bn up_r, down_r, lo, r;
    size_t up_m = 0, down_m = 0;
    up_r.len = down_r.len = 0;
    for (size_t m = 0; m < nmun; m++) {
        int64_t kick = rows[m].kickback;
        FZ_CHECK(kick >= 0);
        bn_mul_u128(&lo, P, (uint64_t)kick);
        int up = 0;
        if (bn_cmp(&lo, &entitled[m]) <= 0) {
            bn_sub(&r, &entitled[m], &lo);
            FZ_CHECK(bn_cmp(&r, P) < 0); /* the floor */
        } else {
            FZ_CHECK(kick > 0);
            bn_mul_u128(&lo, P, (uint64_t)kick - 1);
            FZ_CHECK(bn_cmp(&lo, &entitled[m]) < 0); /* the ceiling of a non-integer */
            bn_sub(&r, &entitled[m], &lo);
            up = 1;
        }
        if (up) {
            /* worst rounded up: smallest remainder, then smallest entitlement, then latest */
            int c = have_up ? bn_cmp(&r, &up_r) : 0;
            int e = have_up ? bn_cmp(&entitled[m], &entitled[up_m]) : 0;
            if (!have_up || c < 0 || (c == 0 && (e < 0 || (e == 0 && m > up_m)))) {
                up_r = r;
                up_m = m;
                have_up = 1;
            }
        } else if (!bn_is_zero(&r)) {
            int c = have_down ? bn_cmp(&r, &down_r) : 0;
            int e = have_down ? bn_cmp(&entitled[m], &entitled[down_m]) : 0;
            if (!have_down || c > 0 || (c == 0 && (e > 0 || (e == 0 && m < down_m)))) {
                down_r = r;
                down_m = m;
                have_down = 1;
            }
        }
    }
    if (have_up && have_down) {
        int c = bn_cmp(&up_r, &down_r);
        int e = bn_cmp(&entitled[up_m], &entitled[down_m]);
        FZ_CHECK(c > 0 || (c == 0 && (e > 0 || (e == 0 && up_m < down_m))));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_reader rd = {data, size};
    uint8_t head = fz_u8(&rd);
    unsigned nullsel = (head >> 1) & 15;
    yr_pot_rules rules;
    if (head & 0x20) {
        FZ_CHECK(yr_pot_rules_dalarna_2024(&rules) == YR_OK);
        FZ_CHECK(rules.fee == 600 && rules.pot_part == 400 && rules.share[YR_ROLE_TRAINER] == 10 &&
                 rules.share[YR_ROLE_LEADER] == 15);
    } else {
        rules.fee = fz_int(&rd);
        rules.pot_part = fz_int(&rd);
        rules.share[YR_ROLE_TRAINER] = fz_int(&rd);
        rules.share[YR_ROLE_LEADER] = fz_int(&rd);
    }
    size_t ndays = fz_u8(&rd) % (MAXD + 1);
    size_t nmun = fz_u8(&rd) % (MAXM + 1);
    yr_attendance att[MAXREC];
    yr_trainer tr[MAXREC];
    size_t natt = 0, ntr = 0;
    while (fz_left(&rd) > 0 && natt < MAXREC && ntr < MAXREC) {
        uint8_t tag = fz_u8(&rd);
        size_t day = index_of(fz_u8(&rd), ndays);
        size_t mun = index_of(fz_u8(&rd), nmun);
        if (tag & 1) {
            unsigned role = (tag >> 1) & 3;
            tr[ntr].day = day;
            tr[ntr].municipality = mun;
            tr[ntr].role = role == 3 ? (yr_role)(2 + (tag >> 3)) : (yr_role)(role & 1);
            ntr++;
        } else {
            att[natt].day = day;
            att[natt].municipality = mun;
            att[natt].participants = fz_int(&rd);
            natt++;
        }
    }
    /* Exactly sized buffers (NULL when empty: allowed) and outputs filled with a pattern. */
    yr_attendance *a = natt ? malloc(natt * sizeof *a) : NULL;
    yr_trainer *t = ntr ? malloc(ntr * sizeof *t) : NULL;
    FZ_CHECK((natt == 0 || a != NULL) && (ntr == 0 || t != NULL));
    if (natt)
        memcpy(a, att, natt * sizeof *a);
    if (ntr)
        memcpy(t, tr, ntr * sizeof *t);
    yr_pot_row *rows = fz_alloc_pattern(nmun * sizeof *rows);
    yr_pot_summary *summary = fz_alloc_pattern(sizeof *summary);
    int64_t *undist = (head & 1) ? NULL : fz_alloc_pattern(ndays * sizeof *undist);

    /* What the input calls for. */
    unsigned expect = 0;
    if (nullsel >= 13)
        expect |= 1u << YR_ERR_NULL;
    if (nmun == 0)
        expect |= 1u << YR_ERR_EMPTY;
    if (rules.fee < 0 || rules.pot_part < 0 || rules.share[0] < 0 || rules.share[1] < 0)
        expect |= 1u << YR_ERR_NEGATIVE;
    if (rules.pot_part > rules.fee)
        expect |= 1u << YR_ERR_RANGE;
    fz_u128 people[MAXD] = {0}, S[MAXD] = {0}, pd[MAXM] = {0}, total_pd = 0;
    size_t ntrainers[MAXD] = {0};
    for (size_t i = 0; i < natt; i++) {
        if (att[i].day >= ndays || att[i].municipality >= nmun) {
            expect |= 1u << YR_ERR_RANGE;
            continue;
        }
        if (att[i].participants < 0) {
            expect |= 1u << YR_ERR_NEGATIVE;
            continue;
        }
        people[att[i].day] += (uint64_t)att[i].participants;
        pd[att[i].municipality] += (uint64_t)att[i].participants;
        total_pd += (uint64_t)att[i].participants;
    }
    for (size_t i = 0; i < ntr; i++) {
        if (tr[i].day >= ndays || tr[i].municipality >= nmun ||
            (unsigned)tr[i].role >= YR_ROLE_COUNT) {
            expect |= 1u << YR_ERR_RANGE;
            continue;
        }
        S[tr[i].day] += (uint64_t)(rules.share[tr[i].role] < 0 ? 0 : rules.share[tr[i].role]);
        ntrainers[tr[i].day]++;
    }
    /* Sums that do not fit: acceptable whatever else is wrong (checks may run in any order). */
    if (total_pd > INT64_MAX ||
        (rules.fee >= 0 && (fz_u128)(uint64_t)rules.fee * total_pd > INT64_MAX))
        expect |= 1u << YR_ERR_OVERFLOW;
    int may_overflow = 0;
    uint64_t pot[MAXD] = {0};
    if (expect == 0) {
        fz_u128 l = 1;
        for (size_t d = 0; d < ndays; d++) {
            pot[d] = (uint64_t)rules.pot_part * (uint64_t)people[d];
            if (ntrainers[d] == 0 || pot[d] == 0)
                continue;
            if (S[d] == 0) {
                expect |= 1u << YR_ERR_RANGE;
                continue;
            }
            /* lcm of the reduced denominators S_d / gcd(pot_d, S_d), while it stays small */
            fz_u128 x = pot[d], y = S[d];
            while (y != 0) {
                fz_u128 r = x % y;
                x = y;
                y = r;
            }
            fz_u128 dd = S[d] / x, g = l, h = dd;
            while (h != 0) {
                fz_u128 r = g % h;
                g = h;
                h = r;
            }
            fz_u128 q = l / g;
            if (may_overflow || (dd != 0 && q > ((fz_u128)1 << 126) / dd)) {
                may_overflow = 1;
            } else {
                l = q * dd;
                may_overflow = l >= (fz_u128)1 << 126;
            }
        }
    }

    yr_status st =
        yr_pot_settle(nullsel == 15 ? NULL : &rules, ndays, nmun, a, natt, t, ntr,
                      nullsel == 14 ? NULL : rows, nullsel == 13 ? NULL : summary, undist);
    if (expect != 0 || (may_overflow && st == YR_ERR_OVERFLOW)) {
        if (expect != 0)
            FZ_CHECK(st != YR_OK && (unsigned)st < 32 && (expect & (1u << st)));
        FZ_CHECK(fz_is_pattern(rows, nmun * sizeof *rows));
        FZ_CHECK(fz_is_pattern(summary, sizeof *summary));
        if (undist != NULL)
            FZ_CHECK(fz_is_pattern(undist, ndays * sizeof *undist));
        goto done;
    }
    FZ_CHECK(st == YR_OK);

    /* Amounts per municipality and the totals. */
    int64_t fee = rules.fee, pp = rules.pot_part;
    int64_t s_pd = 0, s_fees = 0, s_admin = 0, s_pot = 0, s_kick = 0;
    for (size_t m = 0; m < nmun; m++) {
        const yr_pot_row *row = &rows[m];
        int64_t p = (int64_t)pd[m];
        FZ_CHECK(row->participant_days == p);
        FZ_CHECK(row->fees == fee * p);
        FZ_CHECK(row->admin == (fee - pp) * p);
        FZ_CHECK(row->pot_in == pp * p);
        FZ_CHECK(row->net == row->fees - row->kickback);
        s_pd += p;
        s_fees += row->fees;
        s_admin += row->admin;
        s_pot += row->pot_in;
        s_kick += row->kickback;
    }
    int64_t distributed = 0, undistributed = 0;
    size_t no_trainer = 0, no_people = 0;
    for (size_t d = 0; d < ndays; d++) {
        if (ntrainers[d] == 0) {
            undistributed += (int64_t)pot[d];
            no_trainer += people[d] > 0;
        } else {
            distributed += (int64_t)pot[d];
            no_people += people[d] == 0;
        }
        if (undist != NULL)
            FZ_CHECK(undist[d] == (ntrainers[d] == 0 ? (int64_t)pot[d] : 0));
    }
    FZ_CHECK(summary->participant_days == s_pd && s_pd == (int64_t)total_pd);
    FZ_CHECK(summary->fees == s_fees && summary->admin == s_admin && summary->pot_in == s_pot);
    FZ_CHECK(summary->kickback == s_kick && s_kick == distributed);
    FZ_CHECK(summary->undistributed == undistributed);
    FZ_CHECK(s_kick + undistributed == s_pot);
    FZ_CHECK(s_fees == s_admin + s_pot);
    FZ_CHECK(summary->days_without_trainer == no_trainer);
    FZ_CHECK(summary->days_without_participants == no_people);

    /* The kickbacks against the exact entitlements. */
    static fz_u128 sh[MAXD][MAXM];
    fz_u128 Sk[MAXD];
    uint64_t potk[MAXD];
    size_t k_of_day[MAXD], k_days = 0;
    for (size_t d = 0; d < ndays; d++) {
        k_of_day[d] = SIZE_MAX;
        if (ntrainers[d] > 0 && pot[d] > 0) {
            k_of_day[d] = k_days;
            Sk[k_days] = S[d];
            potk[k_days] = pot[d];
            memset(sh[k_days], 0, sizeof sh[k_days]);
            k_days++;
        }
    }
    for (size_t i = 0; i < ntr; i++) {
        size_t k = k_of_day[tr[i].day];
        if (k != SIZE_MAX)
            sh[k][tr[i].municipality] += (uint64_t)rules.share[tr[i].role];
    }
    check_kickbacks(rows, nmun, k_days, Sk, potk, sh);
done:
    free(a);
    free(t);
    free(rows);
    free(summary);
    free(undist);
    return 0;
}
