/* Private: the trainer-pot accumulator (struct yr_pot of pot.h), shared by lib/pot.c (adding and
 * settling) and lib/pot_by_day.c (the kickback per day). Never installed. */
#ifndef YR_INTERNAL_POT_ACC_H
#define YR_INTERNAL_POT_ACC_H

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa/pot.h"
#include "internal/wide.h"

typedef struct pot_day {
    yr_u128 shares;       /* S_d: the sum of the shares of the day's trainer records */
    int64_t people;       /* participants that day, all municipalities */
    size_t ntrainers;     /* trainer records that day */
    size_t first_trainer; /* the number of its first trainer record (SIZE_MAX: none) */
    /* set by yr_pot_finish: */
    yr_u128 den;      /* D_d = S_d / gcd(pot_d, S_d) on distributing days */
    yr_u128 mult;     /* L / D_d on distributing days, else 0 */
    uint64_t pot_red; /* pot_d / gcd(pot_d, S_d) on distributing days, else 0 */
} pot_day;

/* The (day, municipality) pairs of the trainer records, for yr_pot_by_day. */
typedef struct pot_pair {
    size_t day, municipality, trainers, first; /* first: its first trainer record */
    uint64_t whole;                            /* floor of the exact entitlement */
    yr_u128 rem;                               /* its remainder over the day's den */
} pot_pair;

struct yr_pot {
    yr_pot_rules rules;
    size_t day_limit, mun_limit; /* the counts of yr_pot_begin (YR_POT_ANY: none) */
    size_t ndays, nmun;          /* the counts of the settlement */
    size_t day_cap, mun_cap;     /* allocated entries of days and pdays */
    pot_day *days;
    uint64_t *pdays; /* participant-days per municipality */
    uint64_t total;  /* participant-days of all */
    yr_trainer *tr;  /* the trainer records, in the order added */
    size_t ntr, tr_cap;
    /* the settlement of the last yr_pot_finish (finished: no record added since) */
    int finished;
    yr_pot_row *rows; /* nmun rows */
    yr_u128 lcm;
    pot_pair *pairs; /* by day, then municipality; NULL until yr_pot_by_day asks */
    size_t npairs;
};

#endif
