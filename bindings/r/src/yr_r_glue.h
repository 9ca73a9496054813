/*
 * yr_r_glue.h: the run-time support of the R typemaps (bindings/r/yrkesresa_r.i).
 *
 * SWIG generates every R entry point of the package from the public headers; its typemaps call
 * these functions for what a typemap cannot say in a line: R has no 64-bit integer, so numbers
 * cross as doubles and are converted exactly (NA, NaN, Inf, non-whole numbers and |x| > 2^53
 * are refused with a condition naming the argument and element, never rounded); results beyond
 * 2^53 are refused too; arrays of structs become named lists of columns; and a failure becomes
 * a classed R condition. No rule of the library is re-implemented here.
 *
 * Every function here either returns or raises an R condition (a longjmp). So every buffer
 * comes from R_alloc, which R releases when the .Call returns or unwinds: nothing can leak.
 * The "fn" arguments name the C function (SWIG's $symname), "arg" the R argument.
 */
#ifndef YR_R_GLUE_H
#define YR_R_GLUE_H

#include <R.h>
#include <Rinternals.h>

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa.h"

/* No record or column (the library's YR_WHERE_NONE has the same value). */
#define YR_R_NONE ((size_t)-1)

/* Raise the condition of status @p st (not YR_OK) where no yr_where explains it: class
 * c("yrkesresa_error", "error", "condition"), the message yr_strerror(st) followed by where it
 * happened (arg, 0-based record and column, each may be NULL / YR_R_NONE), fields status, code,
 * what, index, column (1-based in R, 0 when none), reason "YR_REASON_NONE". */
NORET void yr_r_raise(yr_status st, const char *fn, const char *arg, size_t record, size_t column);

/* Raise the condition of status @p st explained by @p w (a yr_where a `_where` function wrote):
 * the message is the library's sentence (yr_where_message, elements counted from 1 as R does),
 * after "@p prefix: " when @p prefix is not NULL; field reason the reason's name
 * ("YR_REASON_LARGER"). Falls back to yr_r_raise() when @p w does not explain @p st. */
NORET void yr_r_raise_where(yr_status st, const char *fn, const char *prefix, const yr_where *w);

/* Raise refused input: status YR_ERR_RANGE, class "yrkesresa_input_error" in front; @p index is
 * the 1-based element (0: the whole argument); the message is printf-formatted. */
NORET void yr_r_refuse(const char *arg, R_xlen_t index, const char *format, ...);

/* R numbers (double or integer vectors) to int64_t, exactly. *n receives the length. */
int64_t *yr_r_int64s(SEXP x, const char *arg, size_t *n);
int64_t yr_r_int64(SEXP x, const char *arg);
/* A count >= 0 as size_t. */
size_t yr_r_size(SEXP x, const char *arg);
/* One double (NA passes as NaN: the library refuses it with its own status). */
double yr_r_double(SEXP x, const char *arg);
/* 1-based codes to 0-based indices: uint32_t when @p wide is 0, else size_t. */
void *yr_r_codes(SEXP x, const char *arg, int wide, size_t *n);
/* One character string (not NA). */
const char *yr_r_string(SEXP x, const char *arg);
/* A fraction: one double read through yr_fraction_from_double (0.3 is 3/10), or
 * c(numerator, denominator) of whole numbers. */
void yr_r_fraction(SEXP x, const char *arg, int64_t *num, int64_t *den);
/* A list (data frame) of @p k columns named @p names, all of one length *n. */
SEXP *yr_r_columns(SEXP x, const char *arg, int k, const char *const *names, size_t *n);

/* int64_t values to a new numeric vector (unprotected); a value beyond 2^53 raises
 * YR_ERR_OVERFLOW. */
SEXP yr_r_reals(const int64_t *v, size_t n);

/* A column of a struct array, for yr_r_struct_columns. */
typedef struct yr_r_field {
    const char *name;
    size_t offset;
    char kind; /* 'i' int64_t, 'z' size_t, 'u' unsigned, 'd' double, 'b' int as logical */
} yr_r_field;
#define YR_R_FIELD(TYPE, NAME, KIND)                                                               \
    {                                                                                              \
#NAME, offsetof(TYPE, NAME), KIND                                                          \
    }

/* @p count structs of @p size bytes as a named list of columns (unprotected). */
SEXP yr_r_struct_columns(const void *items, size_t count, size_t size, const yr_r_field *fields,
                         int nfields);

/* Store output @p value as element @p slot of the SWIG wrapper's output list, named @p name. */
void yr_r_output(SEXP list, int slot, const char *name, SEXP value);
/* The wrapper's result: its outputs (element 0, the status, dropped); one output as itself. */
SEXP yr_r_outputs(SEXP list);

#endif
