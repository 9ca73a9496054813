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
 * trainer is undistributed and reported, never dropped. A "day" here is a course day: a program
 * that reads files numbers them with yr_course_days_add() (yrkesresa/read.h: the date and, when
 * both files have a course column, the course). Always:
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
 * (day, municipality) add up; a municipality may have several trainers on one day. This is the
 * accumulator (yr_pot_begin()) fed the two arrays: one path for every caller.
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

/* ---- The accumulator: a settlement fed a piece at a time --------------------------------------
 */

/**
 * @brief A year's course days being settled (opaque): yr_pot_begin(), then yr_pot_add_attendance()
 *        and yr_pot_add_trainers() as often as needed (records in any order, in any number of
 *        calls), then yr_pot_finish(), then yr_pot_by_day() if wanted, then yr_pot_free().
 *
 * The accumulator keeps per day its participants, its trainers' share sum and its first trainer
 * record; per municipality its participant-days; and the trainer records themselves (the
 * kickbacks need each day's share sum, known only at the end). Attendance records are added up
 * and forgotten, so a program can feed a year of per-participant rows without holding them:
 * memory is O(days + municipalities + trainer records). Every check, rounding and tie rule of
 * yr_pot_settle() is here (yr_pot_settle() is this accumulator fed its two arrays), so a program
 * that reads its own files repeats none of them.
 *
 * Days and municipalities are indices chosen by the caller. The kickback ties go to the smaller
 * municipality index (see the file comment); a program reading files numbers municipalities by
 * their first appearance in the attendance input, then in the trainers input (SPEC §6), and
 * days likewise, so ties and the order of the output follow the input.
 *
 * An accumulator is not shared between threads while it is changed (it has no global state;
 * separate accumulators are independent).
 */
typedef struct yr_pot yr_pot;

/** yr_pot_begin(): no fixed count; the days or municipalities are as many as the records name. */
#define YR_POT_ANY ((size_t)-1)

/**
 * @brief Start a settlement.
 *
 * @p ndays and @p nmunicipalities are the counts of days and municipalities: a record with an
 * index at or past them is ::YR_ERR_RANGE, and the settlement has exactly that many rows (those
 * with no records are zero rows) — what yr_pot_settle() does. Either may be ::YR_POT_ANY: then
 * any index is accepted and the count is one more than the largest index seen (memory grows
 * with it; yr_pot_counts() tells the counts).
 *
 * @param[in]  rules           the money rules (copied)
 * @param[in]  ndays           number of course days (0 allowed), or ::YR_POT_ANY
 * @param[in]  nmunicipalities number of municipalities, >= 1, or ::YR_POT_ANY
 * @param[out] pot             the new accumulator (untouched on error); free with yr_pot_free()
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (nmunicipalities == 0);
 *          ::YR_ERR_NEGATIVE (a negative fee, pot part or share); ::YR_ERR_RANGE (pot_part >
 *          fee); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_begin(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                              yr_pot **pot);

/**
 * @brief yr_pot_begin() that also says where an error is: arg "rules", "nmunicipalities" or
 *        "pot" (NULL pointers: their names); NULL for ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_begin_where(const yr_pot_rules *rules, size_t ndays, size_t nmunicipalities,
                                    yr_pot **pot, yr_where *where);

/** @brief Free an accumulator (NULL is allowed and does nothing). */
YR_API void yr_pot_free(yr_pot *pot);

/**
 * @brief Add attendance records: participants of a municipality on a course day. Several
 *        records of the same (day, municipality) add up.
 *
 * All or nothing: on an error no record of this call is added (the accumulator is as before).
 * Adding after yr_pot_finish() is allowed and needs a new yr_pot_finish().
 *
 * @param[in,out] pot        the accumulator
 * @param[in]     attendance natt records (may be NULL when natt == 0)
 * @param[in]     natt       number of records
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (a day or municipality index past the counts
 *          of yr_pot_begin()); ::YR_ERR_NEGATIVE (negative participants); ::YR_ERR_OVERFLOW (the
 *          year's participant-days do not fit int64_t); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_add_attendance(yr_pot *pot, const yr_attendance *attendance, size_t natt);

/**
 * @brief yr_pot_add_attendance() that also says where an error is: a record's day,
 *        municipality or participants: record = its index in @p attendance, arg "attendance";
 *        the participant-days do not fit: arg "attendance".
 */
YR_API yr_status yr_pot_add_attendance_where(yr_pot *pot, const yr_attendance *attendance,
                                             size_t natt, yr_where *where);

/**
 * @brief Add trainer records: a trainer from a municipality working a course day in a role (a
 *        municipality may have several trainers on a day). All or nothing, as
 *        yr_pot_add_attendance(). Records are numbered in the order they are added, over all
 *        calls, from 0: yr_pot_finish_where() names a trainer record by that number.
 *
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (a day or municipality past the counts, an
 *          unknown role); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_add_trainers(yr_pot *pot, const yr_trainer *trainers, size_t ntr);

/**
 * @brief yr_pot_add_trainers() that also says where an error is: record = its index in
 *        @p trainers, arg "trainers".
 */
YR_API yr_status yr_pot_add_trainers_where(yr_pot *pot, const yr_trainer *trainers, size_t ntr,
                                           yr_where *where);

/**
 * @brief The counts of days and municipalities of the settlement (the fixed counts of
 *        yr_pot_begin(), or one more than the largest index seen), and the trainer records
 *        added so far. Any output may be NULL.
 * @returns ::YR_OK; ::YR_ERR_NULL (pot NULL).
 */
YR_API yr_status yr_pot_counts(const yr_pot *pot, size_t *ndays, size_t *nmunicipalities,
                               size_t *ntrainers);

/**
 * @brief Settle what has been added: the rows, the totals and each day's undistributed pot,
 *        exactly as yr_pot_settle() documents (the same rules, ties and invariants).
 *
 * The settlement is also kept in the accumulator for yr_pot_by_day(). It may be called again
 * (after more records, or to read the rows again).
 *
 * @param[in,out] pot               the accumulator
 * @param[out]    rows              nmunicipalities rows (untouched on error)
 * @param[in]     nmunicipalities   must equal the count (yr_pot_counts())
 * @param[out]    summary           totals (untouched on error)
 * @param[out]    day_undistributed ndays amounts, each day's undistributed pot, or NULL
 * @param[in]     ndays             must equal the count of days when @p day_undistributed is
 *                                  given (not read otherwise)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_EMPTY (no municipality: ::YR_POT_ANY and no
 *          record); ::YR_ERR_RANGE (a count that differs; a day with a pot whose trainers all
 *          have share 0); ::YR_ERR_OVERFLOW (the fees on all participant-days, or the days'
 *          common denominator, do not fit); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_finish(yr_pot *pot, yr_pot_row *rows, size_t nmunicipalities,
                               yr_pot_summary *summary, int64_t *day_undistributed, size_t ndays);

/**
 * @brief yr_pot_finish() that also says where an error is, as yr_pot_settle_where() (a trainer
 *        record is named by its number over all yr_pot_add_trainers() calls); a count that
 *        differs: arg "nmunicipalities" or "ndays".
 */
YR_API yr_status yr_pot_finish_where(yr_pot *pot, yr_pot_row *rows, size_t nmunicipalities,
                                     yr_pot_summary *summary, int64_t *day_undistributed,
                                     size_t ndays, yr_where *where);

/** The kickback of one municipality for one course day (yr_pot_by_day()). */
typedef struct yr_pot_day_share {
    size_t day;          /**< the course day */
    size_t municipality; /**< the municipality that lent trainers that day */
    size_t trainers;     /**< its trainer records that day */
    int64_t kickback;    /**< whole units: the floor or the ceiling of the exact entitlement */
    int64_t quota_whole; /**< the exact entitlement pot_d × (its trainers' shares) / S_d as
                              whole + rem / den (whole the floor; yr_quota_text() writes it) */
    int64_t quota_rem;   /**< 0 <= quota_rem < quota_den */
    int64_t quota_den;   /**< > 0, reduced */
} yr_pot_day_share;

/**
 * @brief The number of entries of yr_pot_by_day(): the (day, municipality) pairs with at least
 *        one trainer record. Needs yr_pot_finish() since the last record was added.
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (not finished); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_by_day_count(yr_pot *pot, size_t *n);

/**
 * @brief The kickback per course day and municipality (`pot --by-day`): each municipality's
 *        entries add up exactly to its kickback of yr_pot_finish().
 *
 * How a day's pot is shared: the day's pot pot_d = pot_part × participants that day is
 * shared among that day's trainer records in proportion to their role shares (S_d the sum of
 * the day's shares); a municipality's exact entitlement for the day is the sum over its
 * trainer records that day, pot_d × share / S_d. The whole units are a table — municipalities ×
 * days — rounded as yr_split_table() rounds its table: each entry is the floor or the ceiling of
 * its exact entitlement, each municipality's entries add up to its kickback (the year's largest
 * remainder over municipalities, as yr_pot_settle(): that never changes), and each day's entries
 * add up to that day's pot whenever some such table exists (@p days_off = 0). When none exists
 * (the year's rounding can give two municipalities a unit that only one day could pay: 8 of
 * 5000 small random years in the tests; not the Dalarna example), the units that no table can
 * place within the days' pots go, per municipality in index order, to its entries with the largest
 * remainders (then the earlier day), and @p days_off counts the days whose entries then do not
 * add up to their pot. Which entries are rounded up is decided by yr_split_table()'s
 * construction, so ties go by the input order: the municipalities in index order (their first
 * appearance) each take their units on the days that still need the most units (the earlier
 * day among equal needs), then augmenting paths complete the table. Example (Dalarna rules, one
 * participant on each of two days, each day a leader from A and trainers from B and C): each
 * day's 400 is A 171.43, B 114.29, C 114.29; the year gives A 343, B 229, C 228; A's extra
 * unit goes to day 1 and B's to day 2: A 172 + 171, B 114 + 115, C 114 + 114. Deterministic.
 * A day with trainers and no participants has entries of 0; the pot of a day
 * with participants and no trainer is undistributed (yr_pot_finish()'s day_undistributed),
 * never in an entry.
 *
 * Entries are ordered by day, then municipality (index order).
 *
 * @param[in,out] pot      a finished accumulator
 * @param[out]    out      n entries (untouched on error)
 * @param[in]     n        must equal yr_pot_by_day_count()
 * @param[out]    days_off the days whose entries do not add up to their pot (0 whenever a table
 *                         allows); may be NULL
 * @returns ::YR_OK; ::YR_ERR_NULL (pot or out NULL); ::YR_ERR_RANGE (not finished since the
 *          last record, or n differs); ::YR_ERR_OVERFLOW (an entitlement's reduced denominator
 *          does not fit int64_t); ::YR_ERR_NOMEM.
 */
YR_API yr_status yr_pot_by_day(yr_pot *pot, yr_pot_day_share *out, size_t n, size_t *days_off);

/**
 * @brief yr_pot_by_day() that also says where an error is: arg "pot" (not finished), "n", or
 *        "trainers" with record = the pair's first trainer record (an entitlement that does not
 *        fit).
 */
YR_API yr_status yr_pot_by_day_where(yr_pot *pot, yr_pot_day_share *out, size_t n, size_t *days_off,
                                     yr_where *where);

#ifdef __cplusplus
}
#endif

#endif
