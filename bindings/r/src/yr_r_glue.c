/*
 * yr_r_glue.c: the run-time support of the R typemaps (see yr_r_glue.h).
 */
#define R_NO_REMAP
#include "yr_r_glue.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* 2^53: every integer of at most this magnitude is exact in a double. */
#define EXACT_LIMIT 9007199254740992.0
#define EXACT_LIMIT_I64 INT64_C(9007199254740992)

/* ---- conditions -------------------------------------------------------------------------- */

static SEXP mk_string(const char *s)
{
    return Rf_mkString(s != NULL ? s : "");
}

/* Build the condition and hand it to the package's .yr_stop (R/errors.R), which adds the call
 * of the public function and stop()s. */
static NORET void signal(const char *message, yr_status st, const char *fn, const char *arg,
                         double index, double column, int input, yr_reason reason)
{
    static const char *names[] = {"message", "call",   "status",   "code",  "what",
                                  "index",   "column", "function", "reason"};
    SEXP cond = PROTECT(Rf_allocVector(VECSXP, 9));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, 9));
    for (int i = 0; i < 9; i++)
        SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
    Rf_setAttrib(cond, R_NamesSymbol, nm);
    SET_VECTOR_ELT(cond, 0, mk_string(message));
    SET_VECTOR_ELT(cond, 2, mk_string(yr_status_name(st)));
    SET_VECTOR_ELT(cond, 3, Rf_ScalarInteger((int)st));
    SET_VECTOR_ELT(cond, 4, mk_string(arg));
    SET_VECTOR_ELT(cond, 5, Rf_ScalarReal(index));
    SET_VECTOR_ELT(cond, 6, Rf_ScalarReal(column));
    SET_VECTOR_ELT(cond, 7, mk_string(fn));
    SET_VECTOR_ELT(cond, 8, mk_string(yr_reason_name(reason)));
    SEXP cls = PROTECT(Rf_allocVector(STRSXP, input ? 4 : 3));
    int k = 0;
    if (input)
        SET_STRING_ELT(cls, k++, Rf_mkChar("yrkesresa_input_error"));
    SET_STRING_ELT(cls, k++, Rf_mkChar("yrkesresa_error"));
    SET_STRING_ELT(cls, k++, Rf_mkChar("error"));
    SET_STRING_ELT(cls, k, Rf_mkChar("condition"));
    Rf_setAttrib(cond, R_ClassSymbol, cls);
    SEXP ns = PROTECT(R_FindNamespace(Rf_mkString("yrkesresa")));
    SEXP call = PROTECT(Rf_lang2(Rf_install(".yr_stop"), cond));
    Rf_eval(call, ns);
    Rf_error("%s", message); /* not reached: .yr_stop always stops */
}

NORET void yr_r_raise(yr_status st, const char *fn, const char *arg, size_t record, size_t column)
{
    char where[160] = "", msg[400];
    if (arg != NULL && record != YR_R_NONE && column != YR_R_NONE)
        snprintf(where, sizeof where, ": %s[%zu, %zu]", arg, record + 1, column + 1);
    else if (arg != NULL && record != YR_R_NONE)
        snprintf(where, sizeof where, ": %s[%zu]", arg, record + 1);
    else if (record != YR_R_NONE)
        snprintf(where, sizeof where, " (element %zu)", record + 1);
    else if (arg != NULL)
        snprintf(where, sizeof where, ": %s", arg);
    snprintf(msg, sizeof msg, "%s%s", yr_strerror(st), where);
    signal(msg, st, fn, arg, record == YR_R_NONE ? 0.0 : (double)record + 1,
           column == YR_R_NONE ? 0.0 : (double)column + 1, 0, YR_REASON_NONE);
}

NORET void yr_r_raise_where(yr_status st, const char *fn, const char *prefix, const yr_where *w)
{
    if (w == NULL || w->status != st)
        yr_r_raise(st, fn, NULL, YR_R_NONE, YR_R_NONE);
    char sentence[512], msg[600];
    yr_where_message(w, 1, NULL, sentence, sizeof sentence); /* R counts from 1 */
    snprintf(msg, sizeof msg, "%s%s%s", prefix ? prefix : "", prefix ? ": " : "", sentence);
    signal(msg, st, fn, w->arg, w->record == YR_R_NONE ? 0.0 : (double)w->record + 1,
           w->column == YR_R_NONE ? 0.0 : (double)w->column + 1, 0, w->reason);
}

NORET void yr_r_refuse(const char *arg, R_xlen_t index, const char *format, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    signal(msg, YR_ERR_RANGE, "", arg, (double)index, 0.0, 1, YR_REASON_NONE);
}

static NORET void refuse_overflow(void)
{
    signal("a result is beyond 2^53 in magnitude and cannot be returned exactly as an R number",
           YR_ERR_OVERFLOW, "", NULL, 0.0, 0.0, 0, YR_REASON_NONE);
}

/* ---- R numbers to the C types -------------------------------------------------------------- */

/* Refuse element i (0-based) of a numeric vector that is not an exact whole number. */
static NORET void refuse_number(SEXP x, R_xlen_t i, const char *arg, R_xlen_t index)
{
    double v = TYPEOF(x) == INTSXP ? NA_REAL : REAL(x)[i];
    char el[160]; /* "weights[2]", or "weights" when index is 0 */
    if (index > 0)
        snprintf(el, sizeof el, "%s[%lld]", arg, (long long)index);
    else
        snprintf(el, sizeof el, "%s", arg);
    if (ISNAN(v))
        yr_r_refuse(arg, index, "%s is NA", el);
    if (!R_FINITE(v))
        yr_r_refuse(arg, index, "%s is infinite", el);
    if (v != trunc(v))
        yr_r_refuse(arg, index, "%s is not a whole number (amounts and counts are never rounded)",
                    el);
    yr_r_refuse(arg, index, "%s is beyond 2^53 in magnitude: R cannot hold it exactly", el);
}

static void check_numeric(SEXP x, const char *arg)
{
    if (Rf_isFactor(x))
        yr_r_refuse(arg, 0,
                    "%s is a factor, not a numeric vector: its level codes are not amounts (use "
                    "as.numeric(as.character(%s)))",
                    arg, arg);
    if (Rf_inherits(x, "Date") || Rf_inherits(x, "POSIXt") || Rf_inherits(x, "difftime"))
        yr_r_refuse(arg, 0, "%s is a date, time or duration, not a numeric vector", arg);
    if (TYPEOF(x) == LGLSXP)
        for (R_xlen_t i = 0; i < XLENGTH(x); i++)
            if (LOGICAL(x)[i] == NA_LOGICAL) /* data frames fill with logical NA */
                yr_r_refuse(arg, i + 1, "%s[%lld] is NA", arg, (long long)i + 1);
    if (TYPEOF(x) != INTSXP && TYPEOF(x) != REALSXP)
        yr_r_refuse(arg, 0, "%s must be a numeric vector (double or integer)", arg);
}

int64_t *yr_r_int64s(SEXP x, const char *arg, size_t *n)
{
    check_numeric(x, arg);
    R_xlen_t len = XLENGTH(x);
    int64_t *buf = (int64_t *)R_alloc(len > 0 ? (size_t)len : 1, sizeof(int64_t));
    if (TYPEOF(x) == INTSXP) {
        const int *v = INTEGER(x);
        for (R_xlen_t i = 0; i < len; i++) {
            if (v[i] == NA_INTEGER)
                refuse_number(x, i, arg, i + 1);
            buf[i] = v[i];
        }
    } else {
        const double *v = REAL(x);
        for (R_xlen_t i = 0; i < len; i++) {
            /* false for NaN, +-Inf and beyond 2^53; then exact, so the cast is safe */
            if (!(fabs(v[i]) <= EXACT_LIMIT) || (double)(int64_t)v[i] != v[i])
                refuse_number(x, i, arg, i + 1);
            buf[i] = (int64_t)v[i];
        }
    }
    *n = (size_t)len;
    return buf;
}

int64_t yr_r_int64(SEXP x, const char *arg)
{
    if (TYPEOF(x) == LGLSXP && XLENGTH(x) == 1 && LOGICAL(x)[0] == NA_LOGICAL)
        yr_r_refuse(arg, 0, "%s is NA", arg);
    check_numeric(x, arg);
    if (XLENGTH(x) != 1)
        yr_r_refuse(arg, 0, "%s has the wrong length (%lld, not 1)", arg, (long long)XLENGTH(x));
    double v = Rf_asReal(x);
    if (!(fabs(v) <= EXACT_LIMIT) || v != trunc(v))
        refuse_number(x, 0, arg, 0);
    return (int64_t)v;
}

size_t yr_r_size(SEXP x, const char *arg)
{
    int64_t v = yr_r_int64(x, arg);
    if (v < 0)
        yr_r_refuse(arg, 0, "%s must be at least 0", arg);
    return (size_t)v;
}

double yr_r_double(SEXP x, const char *arg)
{
    if (TYPEOF(x) != REALSXP && TYPEOF(x) != INTSXP &&
        !(TYPEOF(x) == LGLSXP && Rf_length(x) == 1 && LOGICAL(x)[0] == NA_LOGICAL))
        yr_r_refuse(arg, 0, "%s must be a number", arg);
    if (XLENGTH(x) != 1)
        yr_r_refuse(arg, 0, "%s has the wrong length (%lld, not 1)", arg, (long long)XLENGTH(x));
    return Rf_asReal(x);
}

void *yr_r_codes(SEXP x, const char *arg, int wide, size_t *n)
{
    if (Rf_isFactor(x)) /* the caller passes codes; a factor's own codes are not meant here */
        yr_r_refuse(arg, 0, "%s must be 1-based codes, not a factor", arg);
    /* integer codes are read in place (no int64_t copy: crosstabs of 10^7 records) */
    const int *iv = TYPEOF(x) == INTSXP ? INTEGER(x) : NULL;
    int64_t *v = iv != NULL ? NULL : yr_r_int64s(x, arg, n);
    *n = iv != NULL ? (size_t)XLENGTH(x) : *n;
    void *buf = R_alloc(*n > 0 ? *n : 1, wide ? sizeof(size_t) : sizeof(uint32_t));
    for (size_t i = 0; i < *n; i++) {
        int64_t c = iv != NULL ? iv[i] : v[i];
        if (iv != NULL && iv[i] == NA_INTEGER)
            yr_r_refuse(arg, (R_xlen_t)i + 1, "%s[%zu] is NA", arg, i + 1);
        if (c < 1)
            yr_r_refuse(arg, (R_xlen_t)i + 1, "%s[%zu] must be a 1-based index (>= 1)", arg, i + 1);
        if (wide)
            ((size_t *)buf)[i] = (size_t)(c - 1);
        else /* past 2^32 can never be valid: UINT32_MAX, which the library refuses */
            ((uint32_t *)buf)[i] = c - 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(c - 1);
    }
    return buf;
}

const char *yr_r_string(SEXP x, const char *arg)
{
    if (TYPEOF(x) != STRSXP || XLENGTH(x) != 1 || STRING_ELT(x, 0) == NA_STRING)
        yr_r_refuse(arg, 0, "%s must be a single character string", arg);
    return CHAR(STRING_ELT(x, 0));
}

void yr_r_fraction(SEXP x, const char *arg, int64_t *num, int64_t *den)
{
    if (TYPEOF(x) == REALSXP && XLENGTH(x) == 1) {
        yr_where w;
        yr_status st = yr_fraction_from_double_where(REAL(x)[0], num, den, &w);
        if (st != YR_OK) { /* the library's sentence, after the argument it is about */
            w.arg = arg;
            yr_r_raise_where(st, "yr_fraction_from_double", arg, &w);
        }
        return;
    }
    size_t n = 0;
    int64_t *v = yr_r_int64s(x, arg, &n);
    if (n == 1) {
        *num = v[0];
        *den = 1;
    } else if (n == 2) {
        *num = v[0];
        *den = v[1];
    } else {
        yr_r_refuse(arg, 0, "%s must be one number or c(numerator, denominator)", arg);
    }
}

SEXP *yr_r_columns(SEXP x, const char *arg, int k, const char *const *names, size_t *n)
{
    SEXP nm = Rf_getAttrib(x, R_NamesSymbol);
    SEXP *cols = (SEXP *)R_alloc((size_t)k, sizeof(SEXP));
    for (int j = 0; j < k; j++) {
        cols[j] = NULL;
        for (R_xlen_t i = 0; TYPEOF(x) == VECSXP && i < Rf_xlength(nm); i++)
            if (strcmp(CHAR(STRING_ELT(nm, i)), names[j]) == 0)
                cols[j] = VECTOR_ELT(x, i);
        if (cols[j] == NULL)
            yr_r_refuse(arg, 0, "%s must be a list or data frame with a column %s", arg, names[j]);
        if (j > 0 && XLENGTH(cols[j]) != XLENGTH(cols[0]))
            yr_r_refuse(names[j], 0, "%s has the wrong length (%lld; %s has %lld)", names[j],
                        (long long)XLENGTH(cols[j]), names[0], (long long)XLENGTH(cols[0]));
    }
    *n = k > 0 ? (size_t)XLENGTH(cols[0]) : 0;
    return cols;
}

/* ---- results ----------------------------------------------------------------------------- */

SEXP yr_r_reals(const int64_t *v, size_t n)
{
    SEXP out = Rf_allocVector(REALSXP, (R_xlen_t)n);
    double *d = REAL(out);
    for (size_t i = 0; i < n; i++) {
        if (v[i] < -EXACT_LIMIT_I64 || v[i] > EXACT_LIMIT_I64)
            refuse_overflow();
        d[i] = (double)v[i];
    }
    return out;
}

SEXP yr_r_struct_columns(const void *items, size_t count, size_t size, const yr_r_field *fields,
                         int nfields)
{
    SEXP res = PROTECT(Rf_allocVector(VECSXP, nfields));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, nfields));
    for (int c = 0; c < nfields; c++) {
        const char *base = (const char *)items + fields[c].offset;
        SEXP col = Rf_allocVector(fields[c].kind == 'b' ? LGLSXP : REALSXP, (R_xlen_t)count);
        SET_VECTOR_ELT(res, c, col);
        SET_STRING_ELT(nm, c, Rf_mkChar(fields[c].name));
        for (size_t i = 0; i < count; i++) {
            const char *p = base + i * size;
            int64_t v = 0;
            switch (fields[c].kind) {
            case 'b':
                LOGICAL(col)[i] = *(const int *)p != 0;
                continue;
            case 'd':
                REAL(col)[i] = *(const double *)p;
                continue;
            case 'z':
                v = (int64_t) * (const size_t *)p;
                break;
            case 'u':
                v = (int64_t) * (const unsigned *)p;
                break;
            default:
                v = *(const int64_t *)p;
            }
            if (v < -EXACT_LIMIT_I64 || v > EXACT_LIMIT_I64)
                refuse_overflow();
            REAL(col)[i] = (double)v;
        }
    }
    Rf_setAttrib(res, R_NamesSymbol, nm);
    UNPROTECT(2);
    return res;
}

void yr_r_output(SEXP list, int slot, const char *name, SEXP value)
{
    PROTECT(value);
    SEXP nm = Rf_getAttrib(list, R_NamesSymbol);
    if (nm == R_NilValue) {
        nm = PROTECT(Rf_allocVector(STRSXP, XLENGTH(list)));
        Rf_setAttrib(list, R_NamesSymbol, nm);
        UNPROTECT(1);
    }
    SET_STRING_ELT(nm, slot, Rf_mkChar(name));
    SET_VECTOR_ELT(list, slot, value);
    UNPROTECT(1);
}

SEXP yr_r_outputs(SEXP list)
{
    SEXP old = Rf_getAttrib(list, R_NamesSymbol);
    if (TYPEOF(list) != VECSXP || old == R_NilValue)
        return list;
    R_xlen_t n = 0; /* the named slots: element 0 is the status, an unnamed one no output */
    for (R_xlen_t i = 1; i < XLENGTH(list); i++)
        n += CHAR(STRING_ELT(old, i))[0] != '\0';
    SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, n));
    for (R_xlen_t i = 1, k = 0; i < XLENGTH(list); i++) {
        if (CHAR(STRING_ELT(old, i))[0] != '\0') {
            SET_VECTOR_ELT(out, k, VECTOR_ELT(list, i));
            SET_STRING_ELT(nm, k++, STRING_ELT(old, i));
        }
    }
    Rf_setAttrib(out, R_NamesSymbol, nm);
    UNPROTECT(2);
    return n == 1 ? VECTOR_ELT(out, 0) : out;
}
