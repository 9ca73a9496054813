/*
 * yr_r_glue.c: converts R vectors to the C API's arrays and back (see yr_r_glue.h).
 *
 * Memory: every temporary buffer comes from R_alloc, which R releases when the .Call returns
 * (the SWIG wrapper resets the R_alloc stack), so no path can leak. Every failure is returned
 * as a "yrkesresa_failure" object; the R layer raises the condition.
 */
#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "yrkesresa.h"
#include "yr_r_glue.h"

/* 2^53: every integer of at most this magnitude is exact in a double. */
#define EXACT_LIMIT 9007199254740992.0
#define EXACT_LIMIT_I64 INT64_C(9007199254740992)

/* ---- failures ---------------------------------------------------------------------------- */

static SEXP failure(int code, const char *what, R_xlen_t index)
{
    SEXP f = PROTECT(Rf_ScalarInteger(code));
    Rf_setAttrib(f, Rf_install("what"), Rf_mkString(what ? what : ""));
    Rf_setAttrib(f, Rf_install("index"), Rf_ScalarReal((double)index));
    Rf_setAttrib(f, R_ClassSymbol, Rf_mkString("yrkesresa_failure"));
    UNPROTECT(1);
    return f;
}

static SEXP status_failure(yr_status st, R_xlen_t index)
{
    return failure((int)st, "", index);
}

/* ---- R numbers to int64_t, exactly ------------------------------------------------------- */

/* Element i of a numeric vector as int64_t; 0 on success, else a YR_R_* code. */
static int element_int64(SEXP x, R_xlen_t i, int64_t *out)
{
    if (TYPEOF(x) == INTSXP) {
        int v = INTEGER(x)[i];
        if (v == NA_INTEGER)
            return YR_R_NA;
        *out = (int64_t)v;
        return 0;
    }
    if (TYPEOF(x) == REALSXP) {
        double v = REAL(x)[i];
        if (ISNAN(v))
            return YR_R_NA;
        if (!R_FINITE(v))
            return YR_R_INFINITE;
        if (v != trunc(v))
            return YR_R_FRACTION;
        if (fabs(v) > EXACT_LIMIT)
            return YR_R_BEYOND_2_53;
        *out = (int64_t)v;
        return 0;
    }
    return YR_R_NOT_NUMBER;
}

/* A whole numeric vector as an R_alloc'd int64_t array (n may be 0). */
static SEXP vector_int64(SEXP x, const char *what, int64_t **out, R_xlen_t *n)
{
    if (Rf_isFactor(x))
        return failure(YR_R_FACTOR, what, 0);
    if (TYPEOF(x) == LGLSXP) {
        /* A logical vector is refused; report an NA as an NA (data frames fill with them). */
        for (R_xlen_t i = 0; i < XLENGTH(x); i++)
            if (LOGICAL(x)[i] == NA_LOGICAL)
                return failure(YR_R_NA, what, i + 1);
    }
    if (TYPEOF(x) != INTSXP && TYPEOF(x) != REALSXP)
        return failure(YR_R_NOT_NUMBER, what, 0);
    R_xlen_t len = XLENGTH(x);
    int64_t *buf = (int64_t *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(int64_t));
    /* Fast path: the type and the data pointer once, a branch-light check per element; the
     * first element that fails it is classified by element_int64 for the exact message. */
    if (TYPEOF(x) == INTSXP) {
        const int *v = INTEGER(x);
        for (R_xlen_t i = 0; i < len; i++) {
            if (v[i] == NA_INTEGER)
                return failure(YR_R_NA, what, i + 1);
            buf[i] = v[i];
        }
    } else {
        const double *v = REAL(x);
        for (R_xlen_t i = 0; i < len; i++) {
            double d = v[i];
            /* false for NaN, +-Inf and beyond 2^53; then exact, so the cast is safe */
            if (!(fabs(d) <= EXACT_LIMIT) || (double)(int64_t)d != d) {
                int code = element_int64(x, i, &buf[i]);
                return failure(code != 0 ? code : YR_R_FRACTION, what, i + 1);
            }
            buf[i] = (int64_t)d;
        }
    }
    *out = buf;
    *n = len;
    return NULL;
}

static SEXP scalar_int64(SEXP x, const char *what, int64_t *out)
{
    if (Rf_isFactor(x))
        return failure(YR_R_FACTOR, what, 0);
    if (TYPEOF(x) == LGLSXP && XLENGTH(x) == 1 && LOGICAL(x)[0] == NA_LOGICAL)
        return failure(YR_R_NA, what, 0);
    if (TYPEOF(x) != INTSXP && TYPEOF(x) != REALSXP)
        return failure(YR_R_NOT_NUMBER, what, 0);
    if (XLENGTH(x) != 1)
        return failure(YR_R_LENGTH, what, 0);
    int code = element_int64(x, 0, out);
    return code != 0 ? failure(code, what, 0) : NULL;
}

/* A count (a size) of at least @p min. */
static SEXP scalar_size(SEXP x, const char *what, int64_t min, size_t *out)
{
    int64_t v = 0;
    SEXP f = scalar_int64(x, what, &v);
    if (f != NULL)
        return f;
    if (v < min)
        return failure(YR_R_BAD_INDEX, what, 0);
    *out = (size_t)v;
    return NULL;
}

/* 1-based codes (e.g. factor codes) to 0-based uint32_t. Codes past the C function's count are
 * left for the C function to refuse (YR_ERR_RANGE); codes below 1 cannot be converted. */
static SEXP vector_index32(SEXP x, const char *what, uint32_t **out, R_xlen_t *n)
{
    if (TYPEOF(x) == INTSXP && !Rf_isFactor(x)) {
        /* integer codes straight to uint32_t, without the int64_t copy */
        R_xlen_t len = XLENGTH(x);
        const int *v = INTEGER(x);
        uint32_t *buf = (uint32_t *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(uint32_t));
        for (R_xlen_t i = 0; i < len; i++) {
            if (v[i] == NA_INTEGER)
                return failure(YR_R_NA, what, i + 1);
            if (v[i] < 1)
                return failure(YR_R_BAD_INDEX, what, i + 1);
            buf[i] = (uint32_t)(v[i] - 1);
        }
        *out = buf;
        *n = len;
        return NULL;
    }
    int64_t *v = NULL;
    R_xlen_t len = 0;
    SEXP f = vector_int64(x, what, &v, &len);
    if (f != NULL)
        return f;
    uint32_t *buf = (uint32_t *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(uint32_t));
    for (R_xlen_t i = 0; i < len; i++) {
        if (v[i] < 1)
            return failure(YR_R_BAD_INDEX, what, i + 1);
        /* v[i] - 1 >= 2^32 can never be a valid index: send UINT32_MAX, which C refuses. */
        buf[i] = v[i] - 1 > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)(v[i] - 1);
    }
    *out = buf;
    *n = len;
    return NULL;
}

/* The same 1-based codes as 0-based size_t. */
static SEXP vector_index(SEXP x, const char *what, size_t **out, R_xlen_t *n)
{
    int64_t *v = NULL;
    R_xlen_t len = 0;
    SEXP f = vector_int64(x, what, &v, &len);
    if (f != NULL)
        return f;
    size_t *buf = (size_t *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(size_t));
    for (R_xlen_t i = 0; i < len; i++) {
        if (v[i] < 1)
            return failure(YR_R_BAD_INDEX, what, i + 1);
        buf[i] = (size_t)(v[i] - 1);
    }
    *out = buf;
    *n = len;
    return NULL;
}

static SEXP scalar_double(SEXP x, const char *what, double *out)
{
    if (TYPEOF(x) != REALSXP && TYPEOF(x) != INTSXP)
        return failure(YR_R_NOT_NUMBER, what, 0);
    if (XLENGTH(x) != 1)
        return failure(YR_R_LENGTH, what, 0);
    *out = Rf_asReal(x); /* NA_integer_ becomes NA_real_ (a NaN): the C function refuses it */
    return NULL;
}

static SEXP vector_double(SEXP x, const char *what, R_xlen_t n, const double **out)
{
    if (TYPEOF(x) != REALSXP)
        return failure(YR_R_NOT_NUMBER, what, 0);
    if (XLENGTH(x) != n)
        return failure(YR_R_LENGTH, what, 0);
    *out = REAL(x);
    return NULL;
}

/* ---- int64_t results back to doubles ----------------------------------------------------- */

static int fits_double(int64_t v)
{
    return v >= -EXACT_LIMIT_I64 && v <= EXACT_LIMIT_I64;
}

/* A new numeric vector from n int64_t values, or NULL when one is beyond 2^53. The caller
 * protects the returned vector. */
static SEXP doubles_from(const int64_t *v, R_xlen_t n)
{
    for (R_xlen_t i = 0; i < n; i++)
        if (!fits_double(v[i]))
            return NULL;
    SEXP out = Rf_allocVector(REALSXP, n);
    double *d = REAL(out);
    for (R_xlen_t i = 0; i < n; i++)
        d[i] = (double)v[i];
    return out;
}

/* Sets the names of x (n of them); returns x. */
static SEXP set_names(SEXP x, int n, const char **names)
{
    PROTECT(x);
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++)
        SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
    Rf_setAttrib(x, R_NamesSymbol, nm);
    UNPROTECT(2);
    return x;
}

static SEXP named_list(int n, const char **names)
{
    return set_names(Rf_allocVector(VECSXP, n), n, names);
}

static SEXP named_doubles(int n, const char **names, const int64_t *v)
{
    SEXP out = doubles_from(v, n);
    return out != NULL ? set_names(out, n, names) : NULL;
}

/* A list of 3 numeric columns named @p names from n triples v[3 i], v[3 i + 1], v[3 i + 2]. */
static SEXP triples_to_list(const double *v, R_xlen_t n, const char **names)
{
    SEXP res = PROTECT(named_list(3, names));
    for (int c = 0; c < 3; c++) {
        SEXP col = Rf_allocVector(REALSXP, n);
        SET_VECTOR_ELT(res, c, col);
        for (R_xlen_t i = 0; i < n; i++)
            REAL(col)[i] = v[3 * i + c];
    }
    UNPROTECT(1);
    return res;
}

/* ---- split ------------------------------------------------------------------------------- */

SEXP yr_r_split(SEXP total, SEXP weights, SEXP method)
{
    int64_t t = 0, *w = NULL;
    R_xlen_t n = 0;
    yr_method m = YR_LARGEST_REMAINDER;
    SEXP f;
    if ((f = scalar_int64(total, "total", &t)) || (f = vector_int64(weights, "weights", &w, &n)))
        return f;
    if (TYPEOF(method) != STRSXP || XLENGTH(method) != 1 || STRING_ELT(method, 0) == NA_STRING)
        return failure(YR_R_NOT_STRING, "method", 0);
    yr_status st = yr_method_from_name(CHAR(STRING_ELT(method, 0)), &m);
    if (st != YR_OK)
        return failure((int)st, "method", 0);
    int64_t *out = (int64_t *)R_alloc(n > 0 ? (size_t)n : 1, sizeof(int64_t));
    st = yr_split(t, w, (size_t)n, m, out);
    if (st != YR_OK)
        return status_failure(st, 0);
    SEXP res = doubles_from(out, n);
    return res != NULL ? res : failure(YR_R_RESULT_2_53, "", 0);
}

SEXP yr_r_split_mixed(SEXP total, SEXP num, SEXP den, SEXP weights)
{
    int64_t t = 0, a = 0, b = 0, *w = NULL;
    R_xlen_t n = 0;
    SEXP f;
    if ((f = scalar_int64(total, "total", &t)) || (f = scalar_int64(num, "equal_part", &a)) ||
        (f = scalar_int64(den, "equal_part", &b)) || (f = vector_int64(weights, "weights", &w, &n)))
        return f;
    int64_t *out = (int64_t *)R_alloc(n > 0 ? (size_t)n : 1, sizeof(int64_t));
    yr_status st = yr_split_mixed(t, a, b, w, (size_t)n, out);
    if (st != YR_OK)
        return status_failure(st, 0);
    SEXP res = doubles_from(out, n);
    return res != NULL ? res : failure(YR_R_RESULT_2_53, "", 0);
}

/* ---- audit ------------------------------------------------------------------------------- */

SEXP yr_r_audit(SEXP stated_total, SEXP weights, SEXP published)
{
    int64_t t = 0, *w = NULL, *p = NULL;
    R_xlen_t n = 0, np = 0;
    SEXP f;
    if ((f = scalar_int64(stated_total, "stated_total", &t)) ||
        (f = vector_int64(weights, "weights", &w, &n)) ||
        (f = vector_int64(published, "published", &p, &np)))
        return f;
    if (np != n)
        return failure(YR_R_LENGTH, "published", 0);
    yr_audit_summary s;
    yr_audit_row *rows = (yr_audit_row *)R_alloc(n > 0 ? (size_t)n : 1, sizeof(yr_audit_row));
    yr_status st = yr_audit_split(t, w, p, (size_t)n, &s, rows);
    if (st != YR_OK)
        return status_failure(st, 0);

    static const char *top[] = {"summary", "methods", "rows"};
    static const char *sum_names[] = {"stated_total", "published_sum",  "sum_diff",
                                      "quota_den",    "rows_differing", "rows_outside_quota"};
    static const char *row_names[] = {"quota_whole", "quota_rem", "expected", "diff",
                                      "within_quota"};
    SEXP res = PROTECT(named_list(3, top));
    int64_t sv[6] = {s.stated_total, s.published_sum,           s.sum_diff,
                     s.quota_den,    (int64_t)s.rows_differing, (int64_t)s.rows_outside_quota};
    SEXP sums = named_doubles(6, sum_names, sv);
    if (sums == NULL) {
        UNPROTECT(1);
        return failure(YR_R_RESULT_2_53, "", 0);
    }
    SET_VECTOR_ELT(res, 0, sums);

    int nmatch = 0;
    for (int m = 0; m < YR_METHOD_COUNT; m++)
        if (s.methods_matching & (1u << m))
            nmatch++;
    SEXP methods = Rf_allocVector(STRSXP, nmatch);
    SET_VECTOR_ELT(res, 1, methods);
    for (int m = 0, k = 0; m < YR_METHOD_COUNT; m++)
        if (s.methods_matching & (1u << m))
            SET_STRING_ELT(methods, k++, Rf_mkChar(yr_method_name((yr_method)m)));

    SEXP cols = named_list(5, row_names);
    SET_VECTOR_ELT(res, 2, cols);
    for (int c = 0; c < 4; c++)
        SET_VECTOR_ELT(cols, c, Rf_allocVector(REALSXP, n));
    SET_VECTOR_ELT(cols, 4, Rf_allocVector(LGLSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        const int64_t v[4] = {rows[i].quota_whole, rows[i].quota_rem, rows[i].expected,
                              rows[i].diff};
        for (int c = 0; c < 4; c++) {
            if (!fits_double(v[c])) {
                UNPROTECT(1);
                return failure(YR_R_RESULT_2_53, "", 0);
            }
            REAL(VECTOR_ELT(cols, c))[i] = (double)v[c];
        }
        LOGICAL(VECTOR_ELT(cols, 4))[i] = rows[i].within_quota != 0;
    }
    UNPROTECT(1);
    return res;
}

/* ---- trainer pot ------------------------------------------------------------------------- */

SEXP yr_r_pot_rules_dalarna(void)
{
    yr_pot_rules r;
    yr_status st = yr_pot_rules_dalarna_2024(&r);
    if (st != YR_OK)
        return status_failure(st, 0);
    static const char *names[] = {"fee", "pot_part", "share_trainer", "share_leader"};
    int64_t v[4] = {r.fee, r.pot_part, r.share[YR_ROLE_TRAINER], r.share[YR_ROLE_LEADER]};
    SEXP res = named_doubles(4, names, v);
    return res != NULL ? res : failure(YR_R_RESULT_2_53, "", 0);
}

SEXP yr_r_roles(SEXP names)
{
    if (TYPEOF(names) != STRSXP)
        return failure(YR_R_NOT_STRING, "role", 0);
    R_xlen_t n = XLENGTH(names);
    SEXP res = PROTECT(Rf_allocVector(INTSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        yr_role role = YR_ROLE_TRAINER;
        SEXP s = STRING_ELT(names, i);
        INTEGER(res)
        [i] = s != NA_STRING && yr_role_from_name(CHAR(s), &role) == YR_OK ? (int)role : NA_INTEGER;
    }
    UNPROTECT(1);
    return res;
}

SEXP yr_r_pot_settle(SEXP rules, SEXP ndays, SEXP nmunicipalities, SEXP att_day, SEXP att_mun,
                     SEXP att_participants, SEXP tr_day, SEXP tr_mun, SEXP tr_role)
{
    int64_t *rv = NULL, *part = NULL;
    size_t nd = 0, nm = 0, *ad = NULL, *am = NULL, *td = NULL, *tm = NULL;
    R_xlen_t nr = 0, n1 = 0, n2 = 0, natt = 0, t1 = 0, t2 = 0, ntr = 0;
    int64_t *roles = NULL;
    SEXP f;
    if ((f = vector_int64(rules, "rules", &rv, &nr)) || (f = scalar_size(ndays, "ndays", 0, &nd)) ||
        (f = scalar_size(nmunicipalities, "nmunicipalities", 0, &nm)) ||
        (f = vector_index(att_day, "attendance$day", &ad, &n1)) ||
        (f = vector_index(att_mun, "attendance$municipality", &am, &n2)) ||
        (f = vector_int64(att_participants, "attendance$participants", &part, &natt)) ||
        (f = vector_index(tr_day, "trainers$day", &td, &t1)) ||
        (f = vector_index(tr_mun, "trainers$municipality", &tm, &t2)) ||
        (f = vector_int64(tr_role, "trainers$role", &roles, &ntr)))
        return f;
    if (nr != 2 + YR_ROLE_COUNT)
        return failure(YR_R_LENGTH, "rules", 0);
    if (n1 != natt || n2 != natt)
        return failure(YR_R_LENGTH, "attendance", 0);
    if (t1 != ntr || t2 != ntr)
        return failure(YR_R_LENGTH, "trainers", 0);

    yr_pot_rules r;
    r.fee = rv[0];
    r.pot_part = rv[1];
    for (int k = 0; k < YR_ROLE_COUNT; k++)
        r.share[k] = rv[2 + k];
    yr_attendance *att =
        (yr_attendance *)R_alloc(natt > 0 ? (size_t)natt : 1, sizeof(yr_attendance));
    for (R_xlen_t i = 0; i < natt; i++) {
        att[i].day = ad[i];
        att[i].municipality = am[i];
        att[i].participants = part[i];
    }
    yr_trainer *tr = (yr_trainer *)R_alloc(ntr > 0 ? (size_t)ntr : 1, sizeof(yr_trainer));
    for (R_xlen_t i = 0; i < ntr; i++) {
        tr[i].day = td[i];
        tr[i].municipality = tm[i];
        /* A role code outside the enum is sent as YR_ROLE_COUNT, which the C function refuses. */
        tr[i].role =
            roles[i] >= 0 && roles[i] < YR_ROLE_COUNT ? (yr_role)roles[i] : (yr_role)YR_ROLE_COUNT;
    }
    yr_pot_row *rows = (yr_pot_row *)R_alloc(nm > 0 ? nm : 1, sizeof(yr_pot_row));
    int64_t *undist = (int64_t *)R_alloc(nd > 0 ? nd : 1, sizeof(int64_t));
    yr_pot_summary s;
    yr_status st = yr_pot_settle(&r, nd, nm, natt > 0 ? att : NULL, (size_t)natt,
                                 ntr > 0 ? tr : NULL, (size_t)ntr, rows, &s, undist);
    if (st != YR_OK)
        return status_failure(st, 0);

    static const char *top[] = {"rows", "summary", "day_undistributed"};
    static const char *row_names[] = {"participant_days", "fees",     "admin",
                                      "pot_in",           "kickback", "net"};
    static const char *sum_names[] = {"participant_days",
                                      "fees",
                                      "admin",
                                      "pot_in",
                                      "kickback",
                                      "undistributed",
                                      "days_without_trainer",
                                      "days_without_participants"};
    SEXP res = PROTECT(named_list(3, top));
    SEXP cols = named_list(6, row_names);
    SET_VECTOR_ELT(res, 0, cols);
    for (int c = 0; c < 6; c++)
        SET_VECTOR_ELT(cols, c, Rf_allocVector(REALSXP, (R_xlen_t)nm));
    for (size_t i = 0; i < nm; i++) {
        const int64_t v[6] = {rows[i].participant_days, rows[i].fees,     rows[i].admin,
                              rows[i].pot_in,           rows[i].kickback, rows[i].net};
        for (int c = 0; c < 6; c++) {
            if (!fits_double(v[c])) {
                UNPROTECT(1);
                return failure(YR_R_RESULT_2_53, "", 0);
            }
            REAL(VECTOR_ELT(cols, c))[i] = (double)v[c];
        }
    }
    int64_t sv[8] = {s.participant_days,
                     s.fees,
                     s.admin,
                     s.pot_in,
                     s.kickback,
                     s.undistributed,
                     (int64_t)s.days_without_trainer,
                     (int64_t)s.days_without_participants};
    SEXP sums = named_doubles(8, sum_names, sv);
    if (sums == NULL) {
        UNPROTECT(1);
        return failure(YR_R_RESULT_2_53, "", 0);
    }
    SET_VECTOR_ELT(res, 1, sums);
    SEXP days = doubles_from(undist, (R_xlen_t)nd);
    if (days == NULL) {
        UNPROTECT(1);
        return failure(YR_R_RESULT_2_53, "", 0);
    }
    SET_VECTOR_ELT(res, 2, days);
    UNPROTECT(1);
    return res;
}

/* ---- statistics -------------------------------------------------------------------------- */

static const char *rate_names[] = {"successes", "trials", "share", "low", "high"};

/* A list of columns successes, trials, share, low, high from n yr_rate values. */
static SEXP rates_to_list(const yr_rate *r, R_xlen_t n)
{
    SEXP res = PROTECT(named_list(5, rate_names));
    for (int c = 0; c < 5; c++)
        SET_VECTOR_ELT(res, c, Rf_allocVector(REALSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        /* successes and trials came from R, so they are within 2^53; their sums too (below). */
        REAL(VECTOR_ELT(res, 0))[i] = (double)r[i].successes;
        REAL(VECTOR_ELT(res, 1))[i] = (double)r[i].trials;
        REAL(VECTOR_ELT(res, 2))[i] = r[i].share;
        REAL(VECTOR_ELT(res, 3))[i] = r[i].low;
        REAL(VECTOR_ELT(res, 4))[i] = r[i].high;
    }
    UNPROTECT(1);
    return res;
}

static int rates_fit(const yr_rate *r, R_xlen_t n)
{
    for (R_xlen_t i = 0; i < n; i++)
        if (!fits_double(r[i].successes) || !fits_double(r[i].trials))
            return 0;
    return 1;
}

SEXP yr_r_proportion(SEXP successes, SEXP trials, SEXP confidence)
{
    int64_t *s = NULL, *t = NULL;
    const double *conf = NULL;
    R_xlen_t n = 0, nt = 0;
    SEXP f;
    if ((f = vector_int64(successes, "successes", &s, &n)) ||
        (f = vector_int64(trials, "trials", &t, &nt)) ||
        (f = vector_double(confidence, "confidence", n, &conf)))
        return f;
    if (nt != n)
        return failure(YR_R_LENGTH, "trials", 0);
    double *v = (double *)R_alloc(n > 0 ? 3 * (size_t)n : 1, sizeof(double));
    for (R_xlen_t i = 0; i < n; i++) {
        yr_status st = yr_proportion(s[i], t[i], conf[i], &v[3 * i], &v[3 * i + 1], &v[3 * i + 2]);
        if (st != YR_OK)
            return status_failure(st, i + 1);
    }
    static const char *names[] = {"share", "low", "high"};
    return triples_to_list(v, n, names);
}

SEXP yr_r_goal_check(SEXP yes, SEXP n, SEXP target, SEXP confidence)
{
    int64_t *y = NULL, *m = NULL;
    const double *tg = NULL, *conf = NULL;
    R_xlen_t len = 0, lm = 0;
    SEXP f;
    if ((f = vector_int64(yes, "yes", &y, &len)) || (f = vector_int64(n, "n", &m, &lm)) ||
        (f = vector_double(target, "target", len, &tg)) ||
        (f = vector_double(confidence, "confidence", len, &conf)))
        return f;
    if (lm != len)
        return failure(YR_R_LENGTH, "n", 0);
    int *v = (int *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(int));
    for (R_xlen_t i = 0; i < len; i++) {
        yr_goal g = YR_GOAL_INCONCLUSIVE;
        yr_status st = yr_goal_check(y[i], m[i], tg[i], conf[i], &g);
        if (st != YR_OK)
            return status_failure(st, i + 1);
        v[i] = (int)g;
    }
    SEXP res = Rf_allocVector(INTSXP, len);
    if (len > 0)
        memcpy(INTEGER(res), v, (size_t)len * sizeof(int));
    return res;
}

SEXP yr_r_coverage(SEXP count, SEXP population, SEXP per, SEXP confidence)
{
    int64_t *c = NULL, *p = NULL;
    const double *pr = NULL, *conf = NULL;
    R_xlen_t n = 0, np = 0;
    SEXP f;
    if ((f = vector_int64(count, "count", &c, &n)) ||
        (f = vector_int64(population, "population", &p, &np)) ||
        (f = vector_double(per, "per", n, &pr)) ||
        (f = vector_double(confidence, "confidence", n, &conf)))
        return f;
    if (np != n)
        return failure(YR_R_LENGTH, "population", 0);
    double *v = (double *)R_alloc(n > 0 ? 3 * (size_t)n : 1, sizeof(double));
    for (R_xlen_t i = 0; i < n; i++) {
        yr_status st =
            yr_coverage(c[i], p[i], pr[i], conf[i], &v[3 * i], &v[3 * i + 1], &v[3 * i + 2]);
        if (st != YR_OK)
            return status_failure(st, i + 1);
    }
    static const char *names[] = {"rate", "low", "high"};
    return triples_to_list(v, n, names);
}

SEXP yr_r_crosstab(SEXP row, SEXP col, SEXP nrows, SEXP ncols)
{
    uint32_t *r = NULL, *c = NULL;
    R_xlen_t n = 0, nc = 0;
    size_t nr = 0, ncl = 0;
    SEXP f;
    if ((f = vector_index32(row, "rows", &r, &n)) || (f = vector_index32(col, "cols", &c, &nc)) ||
        (f = scalar_size(nrows, "nrows", 1, &nr)) || (f = scalar_size(ncols, "ncols", 1, &ncl)))
        return f;
    if (nc != n)
        return failure(YR_R_LENGTH, "cols", 0);
    /* An R matrix has int dimensions and at most R_XLEN_T_MAX cells; refuse before allocating. */
    if (nr > INT_MAX || ncl > INT_MAX || ncl > (size_t)R_XLEN_T_MAX / nr)
        return status_failure(YR_ERR_OVERFLOW, 0);
    int64_t *table = (int64_t *)R_alloc(nr * ncl, sizeof(int64_t));
    yr_status st = yr_crosstab(r, c, (size_t)n, nr, ncl, table);
    if (st != YR_OK)
        return status_failure(st, 0);
    SEXP res = PROTECT(Rf_allocMatrix(REALSXP, (int)nr, (int)ncl));
    double *d = REAL(res);
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < ncl; j++)
            d[i + j * nr] = (double)table[i * ncl + j]; /* counts <= n < 2^53 */
    UNPROTECT(1);
    return res;
}

SEXP yr_r_count_by(SEXP group, SEXP ngroups)
{
    uint32_t *g = NULL;
    R_xlen_t n = 0;
    size_t ng = 0;
    SEXP f;
    if ((f = vector_index32(group, "group", &g, &n)) ||
        (f = scalar_size(ngroups, "ngroups", 1, &ng)))
        return f;
    if (ng > (size_t)R_XLEN_T_MAX)
        return status_failure(YR_ERR_OVERFLOW, 0);
    int64_t *counts = (int64_t *)R_alloc(ng, sizeof(int64_t));
    yr_status st = yr_count_by(g, (size_t)n, ng, counts);
    if (st != YR_OK)
        return status_failure(st, 0);
    SEXP res = doubles_from(counts, (R_xlen_t)ng); /* counts <= n < 2^53 */
    return res != NULL ? res : failure(YR_R_RESULT_2_53, "", 0);
}

SEXP yr_r_attendance_rate(SEXP registered, SEXP attended, SEXP confidence)
{
    int64_t *reg = NULL, *att = NULL;
    R_xlen_t n = 0, na = 0;
    double conf = 0;
    SEXP f;
    if ((f = vector_int64(registered, "registered", &reg, &n)) ||
        (f = vector_int64(attended, "attended", &att, &na)) ||
        (f = scalar_double(confidence, "confidence", &conf)))
        return f;
    if (na != n)
        return failure(YR_R_LENGTH, "attended", 0);
    yr_rate *per = (yr_rate *)R_alloc(n > 0 ? (size_t)n : 1, sizeof(yr_rate));
    yr_rate total;
    yr_status st = yr_attendance_rate(reg, att, (size_t)n, conf, per, &total);
    if (st != YR_OK)
        return status_failure(st, 0);
    if (!rates_fit(&total, 1))
        return failure(YR_R_RESULT_2_53, "", 0);
    static const char *top[] = {"per_course", "total"};
    SEXP res = PROTECT(named_list(2, top));
    SET_VECTOR_ELT(res, 0, rates_to_list(per, n));
    SET_VECTOR_ELT(res, 1, rates_to_list(&total, 1));
    UNPROTECT(1);
    return res;
}

SEXP yr_r_progression(SEXP completed, SEXP confidence)
{
    int64_t *c = NULL;
    R_xlen_t n = 0;
    double conf = 0;
    SEXP f;
    if ((f = vector_int64(completed, "completed", &c, &n)) ||
        (f = scalar_double(confidence, "confidence", &conf)))
        return f;
    yr_rate *out = (yr_rate *)R_alloc(n > 1 ? (size_t)n - 1 : 1, sizeof(yr_rate));
    yr_status st = yr_progression(c, (size_t)n, conf, out);
    if (st != YR_OK)
        return status_failure(st, 0);
    return rates_to_list(out, n - 1);
}

SEXP yr_r_check_totals(SEXP table, SEXP nrows, SEXP ncols, SEXP stated)
{
    int64_t *t = NULL, *st_v = NULL;
    R_xlen_t n = 0, ns = 0;
    size_t nr = 0, nc = 0;
    SEXP f;
    if ((f = vector_int64(table, "table", &t, &n)) || (f = scalar_size(nrows, "nrows", 0, &nr)) ||
        (f = scalar_size(ncols, "ncols", 0, &nc)) ||
        (f = vector_int64(stated, "stated", &st_v, &ns)))
        return f;
    if (nc > 0 && nr > (size_t)n / nc)
        return failure(YR_R_LENGTH, "table", 0);
    if ((size_t)n != nr * nc)
        return failure(YR_R_LENGTH, "table", 0);
    if ((size_t)ns != nc)
        return failure(YR_R_LENGTH, "stated", 0);
    /* R stores the matrix column by column; the C function wants rows. */
    int64_t *rm = (int64_t *)R_alloc(n > 0 ? (size_t)n : 1, sizeof(int64_t));
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++)
            rm[i * nc + j] = t[i + j * nr];
    int64_t *sums = (int64_t *)R_alloc(nc > 0 ? nc : 1, sizeof(int64_t));
    size_t mismatched = 0;
    yr_status st = yr_check_totals(rm, nr, nc, st_v, sums, &mismatched);
    if (st != YR_OK)
        return status_failure(st, 0);
    SEXP s = doubles_from(sums, (R_xlen_t)nc);
    if (s == NULL)
        return failure(YR_R_RESULT_2_53, "", 0);
    PROTECT(s);
    static const char *top[] = {"sums", "mismatched"};
    SEXP res = PROTECT(named_list(2, top));
    SET_VECTOR_ELT(res, 0, s);
    SET_VECTOR_ELT(res, 1, Rf_ScalarReal((double)mismatched));
    UNPROTECT(2);
    return res;
}
