/**
 * @file yrkesresa/pot.h
 * @brief Trainer pot and course-day settlement (SPEC §3).
 *
 * Regional course days are paid per participant and day (the fee). Part of the fee (the pot
 * part) goes to a trainer pot; the rest is the admin part. A day's pot, pot_part × participants
 * that day, is shared among that day's trainers by role shares. Each municipality's exact
 * entitlement is the sum over days; kickbacks are whole units, settled by largest remainder over
 * municipalities (ties: the larger exact entitlement, then the earlier municipality), so they add
 * exactly to the pot of all days that had trainers. The pot of a day with participants but no
 * trainer is undistributed and reported, never dropped. Always:
 *   sum(kickback) + undistributed == sum(pot_in) and sum(fees) == sum(admin) + sum(pot_in).
 */
#ifndef YRKESRESA_POT_H
#define YRKESRESA_POT_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A trainer's role on a course day. */
typedef enum yr_role {
    YR_ROLE_TRAINER = 0, /**< utbildare: one share (10 tenths in the Dalarna rules) */
    YR_ROLE_LEADER = 1,  /**< kursledare: 1.5 shares (15 tenths in the Dalarna rules) */
    YR_ROLE_COUNT = 2    /**< number of values, not a value: valid roles are 0 .. YR_ROLE_COUNT-1 */
} yr_role;

/** The money rules of a year. All amounts in the caller's unit. */
typedef struct yr_pot_rules {
    int64_t fee;                  /**< fee per participant and course day, >= 0 */
    int64_t pot_part;             /**< the part of the fee that goes to the pot, 0..fee */
    int64_t share[YR_ROLE_COUNT]; /**< role shares as integers, indexed by ::yr_role, >= 0 */
} yr_pot_rules;

/** One attendance record: participants from a municipality on a course day. */
typedef struct yr_attendance {
    size_t day;           /**< 0 .. ndays-1 */
    size_t municipality;  /**< 0 .. nmunicipalities-1 */
    int64_t participants; /**< >= 0 */
} yr_attendance;

/** One trainer record: a trainer from a municipality working a course day in a role. */
typedef struct yr_trainer {
    size_t day;          /**< 0 .. ndays-1 */
    size_t municipality; /**< 0 .. nmunicipalities-1 */
    yr_role role;        /**< a ::yr_role */
} yr_trainer;

/** The settlement of one municipality. */
typedef struct yr_pot_row {
    int64_t participant_days; /**< sum of its participants over days */
    int64_t fees;             /**< fee × participant_days */
    int64_t admin;            /**< (fee - pot_part) × participant_days */
    int64_t pot_in;           /**< pot_part × participant_days */
    int64_t kickback;         /**< whole-unit kickback received */
    int64_t net;              /**< fees - kickback */
} yr_pot_row;

/** Totals of a settlement. */
typedef struct yr_pot_summary {
    int64_t participant_days;         /**< over all municipalities */
    int64_t fees;                     /**< sum of fees */
    int64_t admin;                    /**< sum of admin parts */
    int64_t pot_in;                   /**< sum of pot contributions */
    int64_t kickback;                 /**< sum of kickbacks (== pot of the days with trainers) */
    int64_t undistributed;            /**< pot of days with participants and no trainer */
    size_t days_without_trainer;      /**< days with participants and no trainer */
    size_t days_without_participants; /**< days with trainers and no participants */
} yr_pot_summary;

/**
 * @brief Fill @p rules with the Dalarna 2024 rules: fee 600, pot part 400, trainer 10 and
 *        course leader 15 tenths of a share.
 * @returns ::YR_OK; ::YR_ERR_NULL.
 */
YR_API yr_status yr_pot_rules_dalarna_2024(yr_pot_rules *rules);

/**
 * @brief Fill @p rules from a fee, a pot part and the two role shares written as fractions
 *        (e.g. from yr_fraction_from_text() of "1,5" and "1", or yr_fraction_from_double()).
 *
 * The shares are put over one common denominator L = lcm(leader_den, trainer_den), without
 * reducing them first: leader 15/10 and trainer 1/1 give share[LEADER] = 15 and
 * share[TRAINER] = 10, exactly the Dalarna rules of yr_pot_rules_dalarna_2024(). Only the
 * ratio of the shares matters to the settlement.
 *
 * @param[in]  fee, pot_part             as in ::yr_pot_rules (0 <= pot_part <= fee)
 * @param[in]  leader_num, leader_den    the course leader's share, >= 0, den > 0
 * @param[in]  trainer_num, trainer_den  the trainer's share, >= 0, den > 0
 * @param[out] rules                     the rules (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_NEGATIVE (a negative fee, pot part or share);
 *          ::YR_ERR_RANGE (pot_part > fee, a denominator <= 0); ::YR_ERR_OVERFLOW (a share over
 *          the common denominator does not fit int64_t).
 */
YR_API yr_status yr_pot_rules_with_shares(int64_t fee, int64_t pot_part, int64_t leader_num,
                                          int64_t leader_den, int64_t trainer_num,
                                          int64_t trainer_den, yr_pot_rules *rules);

/**
 * @brief yr_pot_rules_with_shares() that also says why (see ::yr_where): arg "leader" or
 *        "trainer" for a share (::YR_REASON_DENOMINATOR, ::YR_REASON_FRACTION_NEGATIVE,
 *        ::YR_REASON_SHARES_PAST), arg "fee" or "pot_part" for those (::YR_REASON_NEGATIVE,
 *        ::YR_REASON_LARGER: "pot_part 400 is larger than fee 300").
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_pot_rules_with_shares_where(int64_t fee, int64_t pot_part, int64_t leader_num,
                                                int64_t leader_den, int64_t trainer_num,
                                                int64_t trainer_den, yr_pot_rules *rules,
                                                yr_where *where);

/**
 * @brief Settle a year's course days: fees, pot contributions and kickbacks per municipality.
 *
 * Linear in the number of records (plus ndays + nmunicipalities). Several records for the same
 * (day, municipality) add up; a municipality may have several trainers on one day.
 *
 * @param[in]  rules            the money rules
 * @param[in]  ndays            number of course days
 * @param[in]  nmunicipalities  number of municipalities, >= 1
 * @param[in]  attendance       natt records (may be NULL when natt == 0)
 * @param[in]  natt             number of attendance records
 * @param[in]  trainers         ntr records (may be NULL when ntr == 0)
 * @param[in]  ntr              number of trainer records
 * @param[out] rows             nmunicipalities rows (caller owns; untouched on error)
 * @param[out] summary          totals (untouched on error)
 * @param[out] day_undistributed optional, ndays amounts: each day's undistributed pot (NULL to
 *                              skip; untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (nmunicipalities == 0);
 *          ::YR_ERR_NEGATIVE (negative participants, fee, pot part or share);
 *          ::YR_ERR_RANGE (day or municipality index past the counts, unknown role,
 *          pot_part > fee, a day whose trainers all have share 0 while it has a pot);
 *          ::YR_ERR_OVERFLOW; ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_settle(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                               const yr_attendance *attendance, size_t natt,
                               const yr_trainer *trainers, size_t ntr, yr_pot_row *rows,
                               yr_pot_summary *summary, int64_t *day_undistributed);

/**
 * @brief yr_pot_settle() that also says where an error comes from (see ::yr_where; @p where may
 *        be NULL and is written on every return).
 *
 * Locations: an attendance record with a day or municipality past the counts, or negative
 * participants -> record = its index, arg "attendance"; the participant-days do not fit, or the
 * fees on them do not -> arg "attendance"; a trainer record with a bad day, municipality or
 * role -> record = its index, arg "trainers"; a day with a pot whose trainers all have share 0
 * -> record = the first trainer record of that day, arg "trainers"; the exact common
 * denominator of the days does not fit -> arg "trainers"; bad rules (negative, pot_part > fee)
 * -> arg "rules"; nmunicipalities == 0 -> arg "nmunicipalities"; a NULL pointer -> arg its name.
 */
YR_API yr_status yr_pot_settle_where(const yr_pot_rules *rules, size_t ndays,
                                     size_t nmunicipalities, const yr_attendance *attendance,
                                     size_t natt, const yr_trainer *trainers, size_t ntr,
                                     yr_pot_row *rows, yr_pot_summary *summary,
                                     int64_t *day_undistributed, yr_where *where);

/**
 * @brief Parse a role name: "leader"/"kursledare" or "trainer"/"utbildare", any ASCII case,
 *        surrounding blanks (those of yr_label_trim()) ignored.
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE for an unknown name (role untouched).
 */
YR_API yr_status yr_role_from_name(const char *name, yr_role *role);

/**
 * @brief yr_role_from_name() that also says why (see ::yr_where): an unknown name is arg "name",
 *        ::YR_REASON_UNKNOWN_NAME with the name.
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_role_from_name_where(const char *name, yr_role *role, yr_where *where);

#ifdef __cplusplus
}
#endif

#endif
