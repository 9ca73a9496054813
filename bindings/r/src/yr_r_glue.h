/*
 * yr_r_glue.h: the R package's small .Call layer over libyrkesresa.
 *
 * SWIG's R module cannot pass C arrays, and R has no 64-bit integer, so every function that
 * takes or returns arrays, int64 amounts or structs is reached through one of these functions.
 * They only convert: R numbers (doubles or integers) become int64_t exactly (NA, NaN, Inf,
 * non-whole numbers and |x| > 2^53 are refused, never rounded), the C function is called, and
 * its int64_t results go back as doubles (a result beyond 2^53 is refused too). No rule of the
 * library is re-implemented here.
 *
 * The declarations below are %included by bindings/r/yrkesresa_r.i, so SWIG wraps and registers
 * them beside the functions it wraps directly; the R code of the package (R/) is the public
 * interface and calls them through the SWIG-generated R functions.
 *
 * Protocol: each function returns its result on success. On failure it returns a
 * "yrkesresa_failure" object: an integer scalar holding the code (a yr_status > 0, or one of
 * the YR_R_* codes below, all < 0) with attributes "what" (the argument concerned, may be "")
 * and "index" (1-based element, 0 when none). The R layer (R/errors.R) turns it into a classed
 * R condition; nothing here calls Rf_error for an expected failure, so no C buffer can leak.
 */
#ifndef YR_R_GLUE_H
#define YR_R_GLUE_H

#include <Rinternals.h>

/* Conversion failures found here (negative, so they never collide with a yr_status). */
#define YR_R_NOT_NUMBER (-1)  /* not a numeric (double or integer) vector */
#define YR_R_NA (-2)          /* NA or NaN */
#define YR_R_INFINITE (-3)    /* Inf or -Inf */
#define YR_R_FRACTION (-4)    /* not a whole number */
#define YR_R_BEYOND_2_53 (-5) /* |x| > 2^53: R cannot hold the exact value */
#define YR_R_RESULT_2_53 (-6) /* a result beyond 2^53: cannot be returned exactly */
#define YR_R_BAD_INDEX (-7)   /* an index or count below its minimum */
#define YR_R_LENGTH (-8)      /* vectors of different lengths, or a wrong length */
#define YR_R_NOT_STRING (-9)  /* not a character scalar */
#define YR_R_FACTOR (-10)     /* a factor: its level codes are not numbers */

/* Split (SPEC 1). method: a name as yr_method_from_name() takes it. */
SEXP yr_r_split(SEXP total, SEXP weights, SEXP method);
/* Mixed model: the equal part is num/den of total. */
SEXP yr_r_split_mixed(SEXP total, SEXP num, SEXP den, SEXP weights);

/* Audit (SPEC 2): list(summary = named numeric, methods = character, rows = list of columns). */
SEXP yr_r_audit(SEXP stated_total, SEXP weights, SEXP published);

/* Trainer pot (SPEC 3). rules: c(fee, pot_part, share of role 0, share of role 1). */
SEXP yr_r_pot_rules_dalarna(void);
/* Role names to yr_role codes (NA for a name yr_role_from_name() refuses). */
SEXP yr_r_roles(SEXP names);
/* Days and municipalities are 1-based codes; roles are yr_role codes. Returns
 * list(rows = list of columns, summary = named numeric, day_undistributed = numeric). */
SEXP yr_r_pot_settle(SEXP rules, SEXP ndays, SEXP nmunicipalities, SEXP att_day, SEXP att_mun,
                     SEXP att_participants, SEXP tr_day, SEXP tr_mun, SEXP tr_role);

/* Statistics (SPEC 4). The vectorised ones take equal-length vectors (the R layer recycles). */
SEXP yr_r_proportion(SEXP successes, SEXP trials, SEXP confidence);
SEXP yr_r_goal_check(SEXP yes, SEXP n, SEXP target, SEXP confidence);
SEXP yr_r_coverage(SEXP count, SEXP population, SEXP per, SEXP confidence);
/* row, col, group: 1-based codes (factor codes). */
SEXP yr_r_crosstab(SEXP row, SEXP col, SEXP nrows, SEXP ncols);
SEXP yr_r_count_by(SEXP group, SEXP ngroups);
SEXP yr_r_attendance_rate(SEXP registered, SEXP attended, SEXP confidence);
SEXP yr_r_progression(SEXP completed, SEXP confidence);
/* table: nrows x ncols numeric matrix (column-major, as R stores it). */
SEXP yr_r_check_totals(SEXP table, SEXP nrows, SEXP ncols, SEXP stated);

#endif
