/*
 * yr_pot_glue.h: the kickback per course day (yr_pot_by_day) for the Python and R bindings in
 * one call. A binding cannot hold the accumulator (yr_pot) between calls, so this runs its
 * documented sequence — yr_pot_begin, yr_pot_add_attendance, yr_pot_add_trainers,
 * yr_pot_finish, yr_pot_by_day_count, yr_pot_by_day — on the records given and hands the entries
 * back as columns. No rule is here: every number and every error is the library's (its _where
 * sentence, and the record it names is the index of the record given).
 */
#ifndef YR_POT_GLUE_H
#define YR_POT_GLUE_H

#include <stdlib.h>

#include "yrkesresa.h"

/** Columns of yr_pot_by_day_records_where()'s @p by_day, in this order. */
#define YR_POT_BY_DAY_COLUMNS 7

/* The entries of yr_pot_by_day() for the records given, as YR_POT_BY_DAY_COLUMNS columns of
 * @p ntr values each in @p by_day (column-major: day, municipality, trainers, kickback,
 * quota_whole, quota_rem, quota_den); the first @p entries rows are filled (an entry has at
 * least one trainer record, so there are at most @p ntr). @p days_off as yr_pot_by_day()'s. */
static yr_status yr_pot_by_day_records_where(const yr_pot_rules *rules, size_t ndays,
                                             size_t nmunicipalities,
                                             const yr_attendance *attendance, size_t natt,
                                             const yr_trainer *trainers, size_t ntr,
                                             int64_t *by_day, size_t *entries, size_t *days_off,
                                             yr_where *where)
{
    yr_pot *pot = NULL;
    yr_pot_row *rows = calloc(nmunicipalities > 0 ? nmunicipalities : 1, sizeof *rows);
    yr_pot_day_share *out = NULL;
    yr_pot_summary sum;
    size_t n = 0;
    for (size_t k = 0; k < YR_POT_BY_DAY_COLUMNS * ntr; k++)
        by_day[k] = 0; /* the rows past the entries too: a binding converts them all */
    yr_status st = rows != NULL ? yr_pot_begin_where(rules, ndays, nmunicipalities, &pot, where)
                                : YR_ERR_NOMEM;
    if (st == YR_OK)
        st = yr_pot_add_attendance_where(pot, attendance, natt, where);
    if (st == YR_OK)
        st = yr_pot_add_trainers_where(pot, trainers, ntr, where);
    if (st == YR_OK)
        st = yr_pot_finish_where(pot, rows, nmunicipalities, &sum, NULL, 0, where);
    if (st == YR_OK)
        st = yr_pot_by_day_count(pot, &n);
    if (st == YR_OK && n > ntr)
        st = YR_ERR_RANGE; /* cannot be: an entry has a trainer record */
    if (st == YR_OK && (out = calloc(n > 0 ? n : 1, sizeof *out)) == NULL)
        st = YR_ERR_NOMEM;
    if (st == YR_OK)
        st = yr_pot_by_day_where(pot, out, n, days_off, where);
    for (size_t i = 0; st == YR_OK && i < n; i++) {
        const int64_t v[YR_POT_BY_DAY_COLUMNS] = {
            (int64_t)out[i].day, (int64_t)out[i].municipality, (int64_t)out[i].trainers,
            out[i].kickback,     out[i].quota_whole,           out[i].quota_rem,
            out[i].quota_den};
        for (size_t k = 0; k < YR_POT_BY_DAY_COLUMNS; k++)
            by_day[k * ntr + i] = v[k];
    }
    *entries = st == YR_OK ? n : 0;
    free(out);
    free(rows);
    yr_pot_free(pot);
    return st;
}

#endif
