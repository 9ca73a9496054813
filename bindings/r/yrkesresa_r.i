/* bindings/r/yrkesresa_r.i: the R block of bindings/yrkesresa.i (included under SWIGR, before
 * the public headers, so every typemap below applies to them).
 *
 * SWIG generates the package's R entry points, named c_<C name> (c_yr_split, c_yr_audit_split,
 * ...): an R function in R/yrkesresa.R and its .Call wrapper in src/yrkesresa_wrap.c. The R
 * files of the package (R/) are the public API and call these; they name no SWIG internal.
 * The typemaps are keyed by parameter names, like the Python block:
 *
 *  - Scalars (int64_t, size_t, double) from R numbers, exactly: NA, NaN, Inf, non-whole numbers
 *    and |x| > 2^53 are refused with a condition naming the argument (R has no 64-bit integer).
 *  - Input arrays ("const int64_t *weights, size_t n", ...): one R vector, its length is n.
 *    Two arrays of one length (weights and published, registered and attended, row and col)
 *    and records (pot attendance and trainers) are ONE R argument, a list or data frame of
 *    named columns. Category codes are 1-based in R, 0-based in C.
 *  - Fractions ("int64_t equal_part_num, int64_t equal_part_den", ...): one R argument, a double
 *    read by yr_fraction_from_double (0.3 is 3/10, as in Python) or c(numerator, denominator).
 *  - Enums named by the library (yr_method method): a name as yr_method_from_name takes it, or
 *    the C code.
 *  - Outputs (int64_t *out, double *low, yr_audit_row *rows, ...) disappear from the R
 *    signature; the wrapper allocates them (R_alloc) with the size the C function writes, from
 *    its size arguments (the yr_dim_<name> aliases below), and returns them: one output as
 *    itself, several as a named list in argument order. int64_t results come back as doubles;
 *    one beyond 2^53 is YR_ERR_OVERFLOW. Arrays of structs come back as lists of columns.
 *  - A status other than YR_OK raises an R condition through the shared mapping in
 *    bindings/yrkesresa.i (YR_SWIG_RAISE below): class "yrkesresa_error", fields status, code,
 *    what (the argument), index and column (1-based, 0 when none), from the core's yr_where
 *    when the function has a `yr_where *where` parameter.
 * The conversions live in src/yr_r_glue.c (the typemaps' run-time support).
 */

%{
#include <limits.h>
#include <string.h>

#include "yr_r_glue.h"

/* The wrappers whose function has a `yr_where *where` parameter declare their own yr_r_where
 * (arginit below), pointing at what the core wrote; every other wrapper sees this NULL. The
 * condition's message is then the library's sentence (yr_r_raise_where). */
static yr_where *const yr_r_where = NULL;
#define YR_SWIG_RAISE(status, function) yr_r_raise_where((status), (function), NULL, yr_r_where)

/* An enum given by its name (FROM_NAME, a `_where` lookup) or its code; an unknown name is the
 * library's sentence, which lists the known ones (NAME_OF, the enum's names, is not needed). */
#define YR_R_ENUM_IN(TYPE, input, argname, FROM_NAME, NAME_OF, out)                                  \
    do {                                                                                           \
        if (TYPEOF(input) == STRSXP && XLENGTH(input) == 1 && STRING_ELT(input, 0) != NA_STRING) { \
            yr_where enum_where;                                                                   \
            yr_status enum_st = FROM_NAME(CHAR(STRING_ELT(input, 0)), &(out), &enum_where);        \
            if (enum_st != YR_OK) {                                                                \
                enum_where.arg = argname; /* the R argument */                                     \
                yr_r_raise_where(enum_st, #FROM_NAME, NULL, &enum_where);                          \
            }                                                                                      \
        } else if ((TYPEOF(input) == REALSXP || TYPEOF(input) == INTSXP) && !Rf_isFactor(input)) { \
            (out) = (TYPE)yr_r_int64(input, argname);                                              \
        } else {                                                                                   \
            yr_r_refuse(argname, 0, "%s must be a single character string (a name)", argname);    \
        }                                                                                          \
    } while (0)
%}

%{
/* Fill @p opt from list(method, tie, minimum, maximum, threshold, first_divisor). */
static void yr_r_split_options(SEXP x, yr_split_options *opt, size_t n)
{
    static const char *const names[6] = {"method",  "tie",       "minimum",
                                         "maximum", "threshold", "first_divisor"};
    SEXP v[6] = {NULL, NULL, NULL, NULL, NULL, NULL};
    SEXP nm = Rf_getAttrib(x, R_NamesSymbol);
    if (TYPEOF(x) != VECSXP)
        yr_r_refuse("options", 0, "options must be a list");
    for (R_xlen_t i = 0; i < Rf_xlength(nm); i++)
        for (int k = 0; k < 6; k++)
            if (strcmp(CHAR(STRING_ELT(nm, i)), names[k]) == 0 && VECTOR_ELT(x, i) != R_NilValue)
                v[k] = VECTOR_ELT(x, i);
    if (v[0] != NULL)
        YR_R_ENUM_IN(yr_method, v[0], "method", yr_method_from_name_where, yr_method_name,
                     opt->method);
    if (v[1] != NULL)
        YR_R_ENUM_IN(yr_tie, v[1], "tie", yr_tie_from_name_where, yr_tie_name, opt->tie);
    for (int k = 2; k < 4; k++) {
        size_t len = 0;
        const int64_t *bound = v[k] != NULL ? yr_r_int64s(v[k], names[k], &len) : NULL;
        if (bound != NULL && len != n)
            yr_r_refuse(names[k], 0, "%s has the wrong length (%zu; weights has %zu)", names[k],
                        len, n);
        *(k == 2 ? &opt->minimum : &opt->maximum) = bound;
    }
    if (v[4] != NULL)
        yr_r_fraction(v[4], "threshold", &opt->threshold_num, &opt->threshold_den);
    if (v[5] != NULL)
        yr_r_fraction(v[5], "first_divisor", &opt->first_divisor_num, &opt->first_divisor_den);
}
%}

/* ---- What is wrapped: every `_where` function (c_yr_..._where), keyed by its name's ending like
 * the typemaps below are keyed by parameter names, and the few others named here. A parameter no
 * typemap below types fails the build (the catch-all typemaps after this list), so a new `_where`
 * function is wrapped exactly when its parameters are typed: SWIG's defaults, 32-bit INTEGER()
 * copies, can never silently truncate. ---- */
%rename("$ignore", %$isfunction) "";
%rename("$ignore", %$isclass) "";
%rename("c_%s", regexmatch$name="^yr_[a-z0-9_]+_where$") "";
%define YR_R_WRAP(NAME) %rename("c_%s") NAME; %enddef
%define YR_R_SKIP(NAME) %rename("$ignore") NAME; %enddef
YR_R_WRAP(yr_version)
YR_R_WRAP(yr_strerror)
YR_R_WRAP(yr_status_name)
YR_R_WRAP(yr_method_name)
YR_R_WRAP(yr_goal_name)
YR_R_WRAP(yr_tie_name)
YR_R_WRAP(yr_pot_rules_dalarna_2024)
YR_R_WRAP(yr_find_total_row)
YR_R_WRAP(yr_label_trim)
YR_R_WRAP(yr_label_is_total)
YR_R_WRAP(yr_share_text)
YR_R_WRAP(yr_percent_text)
YR_R_WRAP(yr_quota_text)
YR_R_WRAP(yr_table_verdict_text)
/* `_where` functions R has no use for (R names methods, ties and roles in the typemaps; dates are
 * R's own; the rest serve the program). */
YR_R_SKIP(yr_split_where)
YR_R_SKIP(yr_method_from_name_where)
YR_R_SKIP(yr_tie_from_name_where)
YR_R_SKIP(yr_role_from_name_where)
YR_R_SKIP(yr_audit_row_of_where)
YR_R_SKIP(yr_check_rate_where)
YR_R_SKIP(yr_compare_where)
YR_R_SKIP(yr_days_from_civil_where)
YR_R_SKIP(yr_civil_from_days_where)
YR_R_SKIP(yr_due_date_where)
/* Not bound in R yet (round 3: the pot accumulator; the items' split is yr_statement_items'): */
YR_R_SKIP(yr_split_items_where)
YR_R_SKIP(yr_pot_begin_where)
YR_R_SKIP(yr_pot_add_attendance_where)
YR_R_SKIP(yr_pot_add_trainers_where)
YR_R_SKIP(yr_pot_finish_where)
YR_R_SKIP(yr_pot_by_day_where)

/* The catch-all: a pointer parameter that no typemap in this file types by its name stops the
 * build here instead of taking SWIG's default conversion. */
%typemap(in) SWIGTYPE *, int64_t *, const int64_t *, size_t *, const size_t *, uint32_t *,
    const uint32_t *, double *, int * %{
#error "bindings/r/yrkesresa_r.i: a pointer parameter has no typemap keyed by its name: type it, or YR_R_SKIP its function"
%}

/* R passes every argument as it is; the C side converts (and refuses) it. */
%typemap(scoercein) SWIGTYPE, SWIGTYPE *, enum SWIGTYPE, int64_t, size_t, double, int64_t *,
    const int64_t *, uint32_t *, const uint32_t *, size_t *, double * "";
%typemap(scheck) SWIGTYPE, enum SWIGTYPE, int64_t, size_t, double "";
%typemap(scoerceout) yr_status "";
/* Every buffer comes from R_alloc: nothing to free (SWIG's R defaults free() arrays). */
%typemap(freearg) SWIGTYPE *, int64_t *, const int64_t *, uint32_t *, const uint32_t *, size_t *,
    double * "";

/* ---- The status: raise (bindings/yrkesresa.i), then return the outputs ------------------- */
%typemap(ret) yr_status %{
    r_ans = yr_r_outputs(r_ans);
%}
%typemap(arginit) yr_where *where %{
    yr_where yr_r_where_buf;
    yr_where *const yr_r_where = &yr_r_where_buf;
%}
%typemap(in, numinputs = 0) yr_where *where %{
    $1 = yr_r_where;
%}
%typemap(freearg) yr_where *where "";

/* ---- Scalars ----------------------------------------------------------------------------- */
%typemap(in) int64_t %{
    $1 = yr_r_int64($input, "$1_name");
%}
%typemap(in) size_t %{
    $1 = yr_r_size($input, "$1_name");
%}
%typemap(in) double %{
    $1 = yr_r_double($input, "$1_name");
%}
%typemap(in) yr_method method %{
    YR_R_ENUM_IN(yr_method, $input, "method", yr_method_from_name_where, yr_method_name, $1);
%}
%typemap(in) yr_tie tie %{
    YR_R_ENUM_IN(yr_tie, $input, "tie", yr_tie_from_name_where, yr_tie_name, $1);
%}
%typemap(in) yr_goal verdict %{
    $1 = (yr_goal)yr_r_int64($input, "verdict");
%}
%typemap(in) yr_status status %{
    $1 = (yr_status)yr_r_int64($input, "status");
%}
%define YR_R_FRACTION(NAME)
%typemap(in) (int64_t NAME##_num, int64_t NAME##_den) %{
    yr_r_fraction($input, #NAME, &$1, &$2);
%}
%enddef
YR_R_FRACTION(equal_part)
YR_R_FRACTION(pct)
YR_R_FRACTION(leader)
YR_R_FRACTION(trainer)

/* Text: one string; (s, len) its bytes (R strings hold no NUL). */
%typemap(in) const char *s %{
    $1 = (char *)yr_r_string($input, "text");
%}
%typemap(in) (const char *s, size_t len) %{
    $1 = (char *)yr_r_string($input, "label");
    $2 = strlen($1);
%}

/* ---- Size aliases for the output typemaps ------------------------------------------------ */
%define YR_R_DIM(NAME)
%typemap(arginit) size_t NAME %{
    size_t *const yr_dim_##NAME = &$1;
    (void)yr_dim_##NAME;
%}
%enddef
YR_R_DIM(n)
YR_R_DIM(ncourses)
YR_R_DIM(nrows)
YR_R_DIM(ncols)
YR_R_DIM(ngroups)
YR_R_DIM(ndays)
YR_R_DIM(nmunicipalities)
YR_R_DIM(nitems)
YR_R_DIM(nyears)
YR_R_DIM(ntr)
YR_R_DIM(nparties)

/* ---- Input arrays ------------------------------------------------------------------------ */
%typemap(in) (const int64_t *weights, size_t n) %{
    $1 = yr_r_int64s($input, "weights", &$2);
%}
%typemap(in) (const int64_t *w, size_t n) %{
    $1 = yr_r_int64s($input, "weights", &$2);
%}
%typemap(in) (const int64_t *completed, size_t ncourses) %{
    $1 = yr_r_int64s($input, "completed", &$2);
%}
%typemap(in) (const uint32_t *group, size_t n) %{
    $1 = (uint32_t *)yr_r_codes($input, "group", 0, &$2);
%}

/* Two columns of one length, from one list or data frame. */
%define YR_R_IN_COLUMNS2(CTYPE, A, B, CONVERT)
%typemap(in) (const CTYPE *A, const CTYPE *B, size_t n) {
    static const char *const names[2] = {#A, #B};
    size_t len = 0;
    SEXP *cols = yr_r_columns($input, "(" #A ", " #B ")", 2, names, &$3);
    $1 = (CTYPE *)CONVERT(cols[0], #A, &len);
    $2 = (CTYPE *)CONVERT(cols[1], #B, &len);
}
%enddef
#define YR_R_CODES32(x, arg, n) yr_r_codes(x, arg, 0, n)
YR_R_IN_COLUMNS2(int64_t, weights, published, yr_r_int64s)
YR_R_IN_COLUMNS2(int64_t, registered, attended, yr_r_int64s)
YR_R_IN_COLUMNS2(uint32_t, row, col, YR_R_CODES32)

/* A matrix (R: column-major) to the row-major table C reads. */
%typemap(in) (const int64_t *table, size_t nrows, size_t ncols) {
    SEXP dim = Rf_getAttrib($input, R_DimSymbol);
    size_t len = 0;
    if (TYPEOF(dim) != INTSXP || XLENGTH(dim) != 2)
        yr_r_refuse("table", 0, "table must be a numeric matrix");
    int64_t *v = yr_r_int64s($input, "table", &len);
    $2 = (size_t)INTEGER(dim)[0];
    $3 = (size_t)INTEGER(dim)[1];
    $1 = (int64_t *)R_alloc(len > 0 ? len : 1, sizeof(int64_t));
    for (size_t i = 0; i < $2; i++)
        for (size_t j = 0; j < $3; j++)
            $1[i * $3 + j] = v[i + j * $2];
}
%typemap(in) const int64_t *stated {
    size_t len = 0;
    $1 = yr_r_int64s($input, "stated", &len);
    if (len != *yr_dim_ncols)
        yr_r_refuse("stated", 0, "stated has the wrong length (%zu for %zu columns)", len,
                    *yr_dim_ncols);
}

/* Split options: list(method, tie, minimum, maximum, threshold, first_divisor), each may be
 * missing or NULL (the default of yr_split_options_init). Bounds have one value per party. */
%typemap(in) const yr_split_options *opt (yr_split_options temp) {
    yr_split_options_init(&temp);
    yr_r_split_options($input, &temp, *yr_dim_n);
    $1 = &temp;
}

/* Two-level split: the parties' groups, 1-based codes in R, as many as weights. */
%typemap(arginit) const int64_t *weights %{
    size_t yr_r_nweights = 0;
    (void)yr_r_nweights;
%}
%typemap(in) const int64_t *weights %{
    $1 = yr_r_int64s($input, "weights", &yr_r_nweights);
%}
%typemap(in) (const size_t *group, size_t n) {
    $1 = (size_t *)yr_r_codes($input, "group", 1, &$2);
    if ($2 != yr_r_nweights)
        yr_r_refuse("group", 0, "group has the wrong length (%zu; weights has %zu)", $2,
                    yr_r_nweights);
}

/* Cost items by the same weights: the table nparties x nitems, an R matrix. */
%typemap(in) (const int64_t *totals, size_t nitems) %{
    $1 = yr_r_int64s($input, "totals", &$2);
%}
%typemap(in) (const int64_t *weights, size_t nparties, int64_t *out) %{
    $1 = yr_r_int64s($input, "weights", &$2);
    $3 = (int64_t *)yr_r_matrix_alloc($2, *yr_dim_nitems);
%}
%typemap(argout) (const int64_t *weights, size_t nparties, int64_t *out) %{
    yr_r_output($result, $n, "out", yr_r_matrix($3, $2, *yr_dim_nitems));
%}

/* yr_statement: the items and their years as ONE R argument, list(totals, year) (year NULL:
 * every item in the first year; else 1-based year codes); the weights an R matrix nparties x
 * nyears (one column per year: column-major is the year-major layout C reads) or a vector (one
 * year); fees and kickbacks NULL or one per party. */
%typemap(in) (const int64_t *totals, const size_t *year, size_t nitems) {
    size_t len = 0;
    if (TYPEOF($input) != VECSXP || XLENGTH($input) != 2)
        yr_r_refuse("totals", 0, "the items must be list(totals, year)");
    $1 = yr_r_int64s(VECTOR_ELT($input, 0), "totals", &$3);
    $2 = NULL;
    if (VECTOR_ELT($input, 1) != R_NilValue) {
        $2 = (size_t *)yr_r_codes(VECTOR_ELT($input, 1), "year", 1, &len);
        if (len != $3)
            yr_r_refuse("year", 0, "year has the wrong length (%zu; totals has %zu)", len, $3);
    }
}
%typemap(in) (const int64_t *weights, size_t nyears, size_t nparties) {
    SEXP dim = Rf_getAttrib($input, R_DimSymbol);
    size_t len = 0;
    $1 = yr_r_int64s($input, "weights", &len);
    $2 = 1;
    $3 = len;
    if (TYPEOF(dim) == INTSXP && XLENGTH(dim) == 2) {
        $3 = (size_t)INTEGER(dim)[0];
        $2 = (size_t)INTEGER(dim)[1];
    }
}
%define YR_R_PER_PARTY(NAME)
%typemap(in) const int64_t *NAME {
    size_t len = 0;
    $1 = $input == R_NilValue ? NULL : yr_r_int64s($input, #NAME, &len);
    if ($1 != NULL && len != *yr_dim_nparties)
        yr_r_refuse(#NAME, 0, #NAME " has the wrong length (%zu; weights has %zu)", len,
                    *yr_dim_nparties);
}
%enddef
YR_R_PER_PARTY(fees)
YR_R_PER_PARTY(kickback)

/* yr_check_parts: the whole column and the part columns, 1-based in R. */
%typemap(in) size_t whole {
    size_t len = 0;
    size_t *code = (size_t *)yr_r_codes($input, "whole", 1, &len);
    if (len != 1)
        yr_r_refuse("whole", 0, "whole must be one column");
    $1 = code[0];
}
%typemap(in) (const size_t *parts, size_t nparts) %{
    $1 = (size_t *)yr_r_codes($input, "parts", 1, &$2);
%}

/* Pot records: a data frame (day, municipality, participants) or (day, municipality, role);
 * days and municipalities are 1-based codes, roles names (yr_role_from_name). */
%typemap(in) (const yr_attendance *attendance, size_t natt) {
    static const char *const names[3] = {"day", "municipality", "participants"};
    size_t len = 0;
    SEXP *cols = yr_r_columns($input, "attendance", 3, names, &$2);
    size_t *day = (size_t *)yr_r_codes(cols[0], "attendance$day", 1, &len);
    size_t *mun = (size_t *)yr_r_codes(cols[1], "attendance$municipality", 1, &len);
    int64_t *part = yr_r_int64s(cols[2], "attendance$participants", &len);
    $1 = (yr_attendance *)R_alloc($2 > 0 ? $2 : 1, sizeof(yr_attendance));
    for (size_t i = 0; i < $2; i++) {
        $1[i].day = day[i];
        $1[i].municipality = mun[i];
        $1[i].participants = part[i];
    }
}
%typemap(in) (const yr_trainer *trainers, size_t ntr) {
    static const char *const names[3] = {"day", "municipality", "role"};
    size_t len = 0;
    SEXP *cols = yr_r_columns($input, "trainers", 3, names, &$2);
    size_t *day = (size_t *)yr_r_codes(cols[0], "trainers$day", 1, &len);
    size_t *mun = (size_t *)yr_r_codes(cols[1], "trainers$municipality", 1, &len);
    if (TYPEOF(cols[2]) != STRSXP)
        yr_r_refuse("trainers$role", 0, "trainers$role must be role names (\"trainer\", \"leader\")");
    $1 = (yr_trainer *)R_alloc($2 > 0 ? $2 : 1, sizeof(yr_trainer));
    for (size_t i = 0; i < $2; i++) {
        SEXP s = STRING_ELT(cols[2], (R_xlen_t)i);
        $1[i].day = day[i];
        $1[i].municipality = mun[i];
        yr_where role_where;
        if (s == NA_STRING)
            yr_r_refuse("trainers$role", (R_xlen_t)i + 1, "trainers$role[%zu] is NA", i + 1);
        if (yr_role_from_name_where(CHAR(s), &$1[i].role, &role_where) != YR_OK) {
            char prefix[64];
            snprintf(prefix, sizeof prefix, "trainers$role[%zu]", i + 1);
            role_where.arg = "trainers$role";
            role_where.record = i; /* the condition's index (the sentence does not number it) */
            yr_r_raise_where(YR_ERR_RANGE, "yr_role_from_name", prefix, &role_where);
        }
    }
}

/* Pot rules: list(fee, pot_part, shares) with the shares in yr_role order. (An input: it must
 * not take the scoercein and argout of the output yr_pot_rules *rules below.) */
%typemap(scoercein) const yr_pot_rules *rules "";
%typemap(argout) const yr_pot_rules *rules "";
%typemap(in) const yr_pot_rules *rules (yr_pot_rules temp) {
    static const char *const names[2] = {"fee", "pot_part"};
    size_t len = 0;
    SEXP *cols = yr_r_columns($input, "rules", 2, names, &len);
    static const char *const share_name[1] = {"shares"};
    SEXP *shares = yr_r_columns($input, "rules", 1, share_name, &len);
    int64_t *s = yr_r_int64s(shares[0], "rules$shares", &len);
    if (len != YR_ROLE_COUNT)
        yr_r_refuse("rules$shares", 0, "rules$shares must have %d values", YR_ROLE_COUNT);
    temp.fee = yr_r_int64(cols[0], "fee");
    temp.pot_part = yr_r_int64(cols[1], "pot_part");
    for (int k = 0; k < YR_ROLE_COUNT; k++)
        temp.share[k] = s[k];
    $1 = &temp;
}

/* ---- Outputs ----------------------------------------------------------------------------- */
/* SWIG's R module emits no check typemaps and converts the arguments that take no R input
 * first, before the sizes are known. So an output takes an R argument that the generated R
 * function always sets to NULL (scoercein): its C conversion then runs in argument order,
 * after the sizes, and allocates the output. Callers never pass it. */
%define YR_R_OUT(CTYPE, NAME, ALLOC, TO_R)
%typemap(scoercein) CTYPE *NAME %{
    $input = NULL;
%}
%typemap(in) CTYPE *NAME %{
    (void)$input;
    $1 = (CTYPE *)ALLOC;
%}
%typemap(argout) CTYPE *NAME %{
    yr_r_output($result, $n, #NAME, TO_R);
%}
%typemap(freearg) CTYPE *NAME "";
%enddef
%define YR_R_ZALLOC(CTYPE, COUNT) R_alloc((COUNT) > 0 ? (COUNT) : 1, sizeof(CTYPE)) %enddef
%define YR_R_COLUMNS(CTYPE, COUNT, FIELDS)
yr_r_struct_columns($1, COUNT, sizeof(CTYPE), FIELDS, (int)(sizeof FIELDS / sizeof FIELDS[0]))
%enddef

/* Scalars. */
YR_R_OUT(double, share, YR_R_ZALLOC(double, 1), Rf_ScalarReal(*$1))
YR_R_OUT(double, low, YR_R_ZALLOC(double, 1), Rf_ScalarReal(*$1))
YR_R_OUT(double, high, YR_R_ZALLOC(double, 1), Rf_ScalarReal(*$1))
YR_R_OUT(double, rate, YR_R_ZALLOC(double, 1), Rf_ScalarReal(*$1))
YR_R_OUT(size_t, mismatched, YR_R_ZALLOC(size_t, 1), Rf_ScalarReal((double)*$1))
YR_R_OUT(yr_goal, verdict, YR_R_ZALLOC(yr_goal, 1), Rf_mkString(yr_goal_name(*$1)))
YR_R_OUT(int64_t, num, YR_R_ZALLOC(int64_t, 1), yr_r_reals($1, 1))
YR_R_OUT(int64_t, den, YR_R_ZALLOC(int64_t, 1), yr_r_reals($1, 1))
YR_R_OUT(int64_t, count, YR_R_ZALLOC(int64_t, 1), yr_r_reals($1, 1))
YR_R_OUT(int, exact, YR_R_ZALLOC(int, 1), Rf_ScalarLogical(*$1 != 0))
YR_R_OUT(size_t, start, YR_R_ZALLOC(size_t, 1), Rf_ScalarReal((double)*$1))
/* A 0-based index, or YR_WHERE_NONE: 1-based in R, or NA. */
YR_R_OUT(size_t, index, YR_R_ZALLOC(size_t, 1),
         Rf_ScalarReal(*$1 == YR_WHERE_NONE ? NA_REAL : (double)*$1 + 1))

/* int64_t arrays, as numeric vectors. */
YR_R_OUT(int64_t, out, YR_R_ZALLOC(int64_t, *yr_dim_n), yr_r_reals($1, *yr_dim_n))
YR_R_OUT(int64_t, group_out, YR_R_ZALLOC(int64_t, *yr_dim_ngroups),
         yr_r_reals($1, *yr_dim_ngroups))
YR_R_OUT(int64_t, counts, YR_R_ZALLOC(int64_t, *yr_dim_ngroups), yr_r_reals($1, *yr_dim_ngroups))
YR_R_OUT(int64_t, sums, YR_R_ZALLOC(int64_t, *yr_dim_ncols), yr_r_reals($1, *yr_dim_ncols))
YR_R_OUT(int64_t, day_undistributed, YR_R_ZALLOC(int64_t, *yr_dim_ndays),
         yr_r_reals($1, *yr_dim_ndays))
/* The crosstab (and the split table), row-major in C, as an R matrix. */
YR_R_OUT(int64_t, table, yr_r_matrix_alloc(*yr_dim_nrows, *yr_dim_ncols),
         yr_r_matrix($1, *yr_dim_nrows, *yr_dim_ncols))
/* (const int64_t *table is an input: it keeps its own typemaps.) */
%typemap(scoercein) const int64_t *table "";
%typemap(argout) const int64_t *table "";

/* The statement's outputs (the items and year totals as matrices, one row per party). */
YR_R_OUT(int64_t, items, yr_r_matrix_alloc(*yr_dim_nparties, *yr_dim_nitems),
         yr_r_matrix($1, *yr_dim_nparties, *yr_dim_nitems))
YR_R_OUT(int64_t, year_totals, yr_r_matrix_alloc(*yr_dim_nparties, *yr_dim_nyears),
         yr_r_matrix($1, *yr_dim_nparties, *yr_dim_nyears))
YR_R_OUT(int64_t, by_day, yr_r_matrix_alloc(YR_POT_BY_DAY_COLUMNS, *yr_dim_ntr),
         yr_r_matrix($1, YR_POT_BY_DAY_COLUMNS, *yr_dim_ntr))
YR_R_OUT(size_t, entries, YR_R_ZALLOC(size_t, 1), Rf_ScalarReal((double)*$1))
YR_R_OUT(size_t, days_off, YR_R_ZALLOC(size_t, 1), Rf_ScalarReal((double)*$1))
YR_R_OUT(int64_t, year_sums, YR_R_ZALLOC(int64_t, *yr_dim_nyears), yr_r_reals($1, *yr_dim_nyears))
/* yr_check_parts, per row. */
YR_R_OUT(int64_t, part_sums, YR_R_ZALLOC(int64_t, *yr_dim_nrows), yr_r_reals($1, *yr_dim_nrows))
YR_R_OUT(int64_t, diff, YR_R_ZALLOC(int64_t, *yr_dim_nrows), yr_r_reals($1, *yr_dim_nrows))

/* Structs, as named lists; arrays of structs, as lists of columns. */
%{
static const yr_r_field yr_r_audit_summary_fields[] = {
    YR_R_FIELD(yr_audit_summary, stated_total, 'i'),
    YR_R_FIELD(yr_audit_summary, published_sum, 'i'),
    YR_R_FIELD(yr_audit_summary, sum_diff, 'i'),
    YR_R_FIELD(yr_audit_summary, quota_den, 'i'),
    YR_R_FIELD(yr_audit_summary, rows_differing, 'z'),
    YR_R_FIELD(yr_audit_summary, rows_outside_quota, 'z'),
    YR_R_FIELD(yr_audit_summary, methods_matching, 'u')};
static const yr_r_field yr_r_audit_row_fields[] = {
    YR_R_FIELD(yr_audit_row, quota_whole, 'i'), YR_R_FIELD(yr_audit_row, quota_rem, 'i'),
    YR_R_FIELD(yr_audit_row, expected, 'i'), YR_R_FIELD(yr_audit_row, diff, 'i'),
    YR_R_FIELD(yr_audit_row, within_quota, 'b')};
static const yr_r_field yr_r_pot_row_fields[] = {
    YR_R_FIELD(yr_pot_row, participant_days, 'i'), YR_R_FIELD(yr_pot_row, fees, 'i'),
    YR_R_FIELD(yr_pot_row, admin, 'i'), YR_R_FIELD(yr_pot_row, pot_in, 'i'),
    YR_R_FIELD(yr_pot_row, kickback, 'i'), YR_R_FIELD(yr_pot_row, net, 'i')};
static const yr_r_field yr_r_pot_summary_fields[] = {
    YR_R_FIELD(yr_pot_summary, participant_days, 'i'),
    YR_R_FIELD(yr_pot_summary, fees, 'i'),
    YR_R_FIELD(yr_pot_summary, admin, 'i'),
    YR_R_FIELD(yr_pot_summary, pot_in, 'i'),
    YR_R_FIELD(yr_pot_summary, kickback, 'i'),
    YR_R_FIELD(yr_pot_summary, undistributed, 'i'),
    YR_R_FIELD(yr_pot_summary, days_without_trainer, 'z'),
    YR_R_FIELD(yr_pot_summary, days_without_participants, 'z')};
static const yr_r_field yr_r_statement_fields[] = {
    YR_R_FIELD(yr_statement_row, total, 'i'), YR_R_FIELD(yr_statement_row, fees, 'i'),
    YR_R_FIELD(yr_statement_row, kickback, 'i'), YR_R_FIELD(yr_statement_row, net, 'i')};
static const yr_r_field yr_r_rate_fields[] = {
    YR_R_FIELD(yr_rate, successes, 'i'), YR_R_FIELD(yr_rate, trials, 'i'),
    YR_R_FIELD(yr_rate, share, 'd'), YR_R_FIELD(yr_rate, low, 'd'),
    YR_R_FIELD(yr_rate, high, 'd')};

/* An R matrix has int dimensions: refuse more before allocating the crosstab. */
static int64_t *yr_r_matrix_alloc(size_t nrows, size_t ncols)
{
    if (nrows > INT_MAX || ncols > INT_MAX || (ncols > 0 && nrows > R_XLEN_T_MAX / ncols))
        yr_r_raise(YR_ERR_OVERFLOW, "yr_crosstab", "table", YR_R_NONE, YR_R_NONE);
    return (int64_t *)R_alloc(nrows * ncols > 0 ? nrows * ncols : 1, sizeof(int64_t));
}

/* A row-major table as an R matrix (column-major), each value within 2^53. */
static SEXP yr_r_matrix(const int64_t *table, size_t nrows, size_t ncols)
{
    SEXP v = PROTECT(yr_r_reals(table, nrows * ncols));
    SEXP m = Rf_allocMatrix(REALSXP, (int)nrows, (int)ncols);
    for (size_t i = 0; i < nrows; i++)
        for (size_t j = 0; j < ncols; j++)
            REAL(m)[i + j * nrows] = REAL(v)[i * ncols + j];
    UNPROTECT(1);
    return m;
}

/* Pot rules as list(fee, pot_part, shares = c(trainer =, leader =)). */
static SEXP yr_r_pot_rules_list(const yr_pot_rules *r)
{
    static const char *names[] = {"fee", "pot_part", "shares", ""};
    static const char *roles[YR_ROLE_COUNT] = {[YR_ROLE_TRAINER] = "trainer",
                                               [YR_ROLE_LEADER] = "leader"};
    SEXP res = PROTECT(Rf_mkNamed(VECSXP, names));
    SET_VECTOR_ELT(res, 0, yr_r_reals(&r->fee, 1));
    SET_VECTOR_ELT(res, 1, yr_r_reals(&r->pot_part, 1));
    SEXP shares = yr_r_reals(r->share, YR_ROLE_COUNT);
    SET_VECTOR_ELT(res, 2, shares);
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, YR_ROLE_COUNT));
    for (int k = 0; k < YR_ROLE_COUNT; k++)
        SET_STRING_ELT(nm, k, Rf_mkChar(roles[k]));
    Rf_setAttrib(shares, R_NamesSymbol, nm);
    UNPROTECT(2);
    return res;
}
%}
YR_R_OUT(yr_audit_summary, summary, YR_R_ZALLOC(yr_audit_summary, 1),
         YR_R_COLUMNS(yr_audit_summary, 1, yr_r_audit_summary_fields))
YR_R_OUT(yr_audit_row, rows, YR_R_ZALLOC(yr_audit_row, *yr_dim_n),
         YR_R_COLUMNS(yr_audit_row, *yr_dim_n, yr_r_audit_row_fields))
YR_R_OUT(yr_pot_row, rows, YR_R_ZALLOC(yr_pot_row, *yr_dim_nmunicipalities),
         YR_R_COLUMNS(yr_pot_row, *yr_dim_nmunicipalities, yr_r_pot_row_fields))
YR_R_OUT(yr_pot_summary, summary, YR_R_ZALLOC(yr_pot_summary, 1),
         YR_R_COLUMNS(yr_pot_summary, 1, yr_r_pot_summary_fields))
YR_R_OUT(yr_rate, per_course, YR_R_ZALLOC(yr_rate, *yr_dim_n),
         YR_R_COLUMNS(yr_rate, *yr_dim_n, yr_r_rate_fields))
YR_R_OUT(yr_rate, total, YR_R_ZALLOC(yr_rate, 1), YR_R_COLUMNS(yr_rate, 1, yr_r_rate_fields))
YR_R_OUT(yr_rate, out, YR_R_ZALLOC(yr_rate, *yr_dim_ncourses),
         YR_R_COLUMNS(yr_rate, *yr_dim_ncourses > 0 ? *yr_dim_ncourses - 1 : 0, yr_r_rate_fields))
YR_R_OUT(yr_statement_row, rows, YR_R_ZALLOC(yr_statement_row, *yr_dim_nparties),
         YR_R_COLUMNS(yr_statement_row, *yr_dim_nparties, yr_r_statement_fields))
YR_R_OUT(yr_statement_row, sum, YR_R_ZALLOC(yr_statement_row, 1),
         YR_R_COLUMNS(yr_statement_row, 1, yr_r_statement_fields))
YR_R_OUT(yr_pot_rules, rules, YR_R_ZALLOC(yr_pot_rules, 1), yr_r_pot_rules_list($1))

/* ---- The controller (0.3: table.h, audit.h, cycle.h, number.h) -------------------------- */
%{
/* Items: a data frame or list of columns total, equal_num, equal_den, rate_num, rate_den. */
static yr_item *yr_r_items(SEXP x, size_t *n)
{
    static const char *const names[5] = {"total", "equal_num", "equal_den", "rate_num",
                                         "rate_den"};
    size_t len = 0;
    SEXP *cols = yr_r_columns(x, "items", 5, names, n);
    int64_t *v[5];
    for (int k = 0; k < 5; k++)
        v[k] = yr_r_int64s(cols[k], names[k], &len);
    yr_item *items = (yr_item *)R_alloc(*n > 0 ? *n : 1, sizeof(yr_item));
    for (size_t i = 0; i < *n; i++) {
        items[i].total = v[0][i];
        items[i].equal_num = v[1][i];
        items[i].equal_den = v[2][i];
        items[i].rate_num = v[3][i];
        items[i].rate_den = v[4][i];
    }
    return items;
}

/* An R matrix nrows x ncols (column-major) to the row-major table C reads. */
static int64_t *yr_r_row_major(SEXP x, const char *arg, size_t nrows, size_t ncols)
{
    SEXP dim = Rf_getAttrib(x, R_DimSymbol);
    size_t len = 0;
    if (TYPEOF(dim) != INTSXP || XLENGTH(dim) != 2 || (size_t)INTEGER(dim)[0] != nrows ||
        (size_t)INTEGER(dim)[1] != ncols)
        yr_r_refuse(arg, 0, "%s must be a numeric matrix of %zu rows (parties) and %zu columns "
                    "(items)", arg, nrows, ncols);
    int64_t *v = yr_r_int64s(x, arg, &len);
    int64_t *out = (int64_t *)R_alloc(len > 0 ? len : 1, sizeof(int64_t));
    for (size_t i = 0; i < nrows; i++)
        for (size_t j = 0; j < ncols; j++)
            out[i * ncols + j] = v[i + j * nrows];
    return out;
}

static const yr_r_field yr_r_audit_table_summary_fields[] = {
    YR_R_FIELD(yr_audit_table_summary, verdict, 'u'),
    YR_R_FIELD(yr_audit_table_summary, columns_off, 'z'),
    YR_R_FIELD(yr_audit_table_summary, cells_off_quota, 'z'),
    YR_R_FIELD(yr_audit_table_summary, rows_off_rule, 'z'),
    YR_R_FIELD(yr_audit_table_summary, rows_not_lr, 'z'),
    YR_R_FIELD(yr_audit_table_summary, cells_differing, 'z'),
    YR_R_FIELD(yr_audit_table_summary, rows_total_off, 'z'),
    YR_R_FIELD(yr_audit_table_summary, rows_net_off, 'z')};
static const yr_r_field yr_r_audit_item_fields[] = {
    YR_R_FIELD(yr_audit_item, stated_total, 'i'), YR_R_FIELD(yr_audit_item, expected_total, 'i'),
    YR_R_FIELD(yr_audit_item, published_sum, 'i'), YR_R_FIELD(yr_audit_item, sum_diff, 'i'),
    YR_R_FIELD(yr_audit_item, cells_differing, 'z'),
    YR_R_FIELD(yr_audit_item, cells_off_quota, 'z'),
    YR_R_FIELD(yr_audit_item, cells_off_alone, 'z')};
static const yr_r_field yr_r_audit_table_row_fields[] = {
    YR_R_FIELD(yr_audit_table_row, published, 'i'),
    YR_R_FIELD(yr_audit_table_row, expected, 'i'),
    YR_R_FIELD(yr_audit_table_row, largest_remainder, 'i'),
    YR_R_FIELD(yr_audit_table_row, diff, 'i'),
    YR_R_FIELD(yr_audit_table_row, within_quota, 'b'),
    YR_R_FIELD(yr_audit_table_row, items_sum, 'i'),
    YR_R_FIELD(yr_audit_table_row, total_diff, 'i'),
    YR_R_FIELD(yr_audit_table_row, net_expected, 'i'),
    YR_R_FIELD(yr_audit_table_row, net_diff, 'i')};
static const yr_r_field yr_r_audit_cell_fields[] = {
    YR_R_FIELD(yr_audit_cell, quota_whole, 'i'), YR_R_FIELD(yr_audit_cell, quota_rem, 'i'),
    YR_R_FIELD(yr_audit_cell, quota_den, 'i'), YR_R_FIELD(yr_audit_cell, expected, 'i'),
    YR_R_FIELD(yr_audit_cell, diff, 'i'), YR_R_FIELD(yr_audit_cell, within_quota, 'b')};
%}
%typemap(in) (const yr_item *items, size_t nitems) %{
    $1 = yr_r_items($input, &$2);
%}
/* yr_statement_items: list(items, year), year NULL or 1-based year codes. */
%typemap(in) (const yr_item *items, const size_t *year, size_t nitems) {
    size_t len = 0;
    if (TYPEOF($input) != VECSXP || XLENGTH($input) != 2)
        yr_r_refuse("items", 0, "the items must be list(items, year)");
    $1 = yr_r_items(VECTOR_ELT($input, 0), &$3);
    $2 = NULL;
    if (VECTOR_ELT($input, 1) != R_NilValue) {
        $2 = (size_t *)yr_r_codes(VECTOR_ELT($input, 1), "year", 1, &len);
        if (len != $3)
            yr_r_refuse("year", 0, "year has the wrong length (%zu; items has %zu)", len, $3);
    }
}
/* yr_split_table_mixed: list(totals, equal_num, equal_den). */
%typemap(in) (const int64_t *totals, const int64_t *equal_num, const int64_t *equal_den,
              size_t nitems) {
    static const char *const names[3] = {"totals", "equal_num", "equal_den"};
    size_t len = 0;
    SEXP *cols = yr_r_columns($input, "totals", 3, names, &$4);
    $1 = yr_r_int64s(cols[0], "totals", &len);
    $2 = yr_r_int64s(cols[1], "equal_num", &len);
    $3 = yr_r_int64s(cols[2], "equal_den", &len);
}
/* yr_audit_table: the weights, then the published matrix nparties x nitems. */
%typemap(in) (const int64_t *weights, size_t nparties) %{
    $1 = yr_r_int64s($input, "weights", &$2);
%}
%typemap(in) const int64_t *published %{
    $1 = yr_r_row_major($input, "published", *yr_dim_nparties, *yr_dim_nitems);
%}
YR_R_PER_PARTY(stated_total)
YR_R_PER_PARTY(net)
YR_R_FRACTION(rate)
YR_R_OUT(yr_audit_table_summary, summary, YR_R_ZALLOC(yr_audit_table_summary, 1),
         YR_R_COLUMNS(yr_audit_table_summary, 1, yr_r_audit_table_summary_fields))
YR_R_OUT(yr_audit_item, item_out, YR_R_ZALLOC(yr_audit_item, *yr_dim_nitems),
         YR_R_COLUMNS(yr_audit_item, *yr_dim_nitems, yr_r_audit_item_fields))
YR_R_OUT(yr_audit_table_row, rows, YR_R_ZALLOC(yr_audit_table_row, *yr_dim_nparties),
         YR_R_COLUMNS(yr_audit_table_row, *yr_dim_nparties, yr_r_audit_table_row_fields))
YR_R_OUT(yr_audit_cell, cells, YR_R_ZALLOC(yr_audit_cell, *yr_dim_nparties * *yr_dim_nitems),
         YR_R_COLUMNS(yr_audit_cell, *yr_dim_nparties * *yr_dim_nitems, yr_r_audit_cell_fields))
YR_R_OUT(int64_t, cells, yr_r_matrix_alloc(*yr_dim_nparties, *yr_dim_nitems),
         yr_r_matrix($1, *yr_dim_nparties, *yr_dim_nitems))
YR_R_OUT(int64_t, item_totals, YR_R_ZALLOC(int64_t, *yr_dim_nitems),
         yr_r_reals($1, *yr_dim_nitems))
YR_R_OUT(int64_t, total, YR_R_ZALLOC(int64_t, 1), yr_r_reals($1, 1))
YR_R_OUT(int, due_y, YR_R_ZALLOC(int, 1), Rf_ScalarReal(*$1))
YR_R_OUT(int, due_m, YR_R_ZALLOC(int, 1), Rf_ScalarReal(*$1))
YR_R_OUT(int, due_d, YR_R_ZALLOC(int, 1), Rf_ScalarReal(*$1))
YR_R_OUT(int, bank_day, YR_R_ZALLOC(int, 1), Rf_ScalarLogical(*$1 != 0))
%typemap(scoercein) const char **reason %{
    $input = NULL;
%}
%typemap(in) const char **reason %{
    (void)$input;
    $1 = (char **)R_alloc(1, sizeof(char *));
    *$1 = NULL;
%}
%typemap(argout) const char **reason %{
    yr_r_output($result, $n, "reason", *$1 != NULL ? Rf_mkString(*$1) : Rf_ScalarString(NA_STRING));
%}
%typemap(freearg) const char **reason "";
/* Texts C writes into a caller's buffer, as one string. */
%typemap(scoercein) (char *buf, size_t cap) %{
    $input = NULL;
%}
%typemap(in) (char *buf, size_t cap) %{
    (void)$input;
    $2 = YR_NUMBER_TEXT_MAX;
    $1 = (char *)R_alloc($2, 1);
    $1[0] = '\0';
%}
%typemap(argout) (char *buf, size_t cap) %{
    yr_r_output($result, $n, "text", Rf_ScalarString(Rf_mkCharCE($1, CE_UTF8)));
%}
%typemap(freearg) (char *buf, size_t cap) "";
%typemap(in) unsigned decimals %{
    {
        int64_t v = yr_r_int64($input, "decimals");
        if (v < 0 || v > 18)
            yr_r_refuse("decimals", 0, "decimals must be 0 .. 18");
        $1 = (unsigned)v;
    }
%}
%typemap(scoercein) unsigned decimals "";
%typemap(scheck) unsigned decimals "";

/* The reader (yrkesresa/read.h) for R/read.R: SEXP in and out, written in src/yr_r_read.c. */
%{
#include "yr_r_read.h"
%}
%typemap(in) SEXP "$1 = $input;"
%typemap(out) SEXP "$result = $1;"
%typemap(scoercein) SEXP "";
%typemap(scoerceout) SEXP "";
YR_R_WRAP(yr_r_read_table)
YR_R_WRAP(yr_r_read_classify)
YR_R_WRAP(yr_r_header_role)
YR_R_WRAP(yr_r_code_column)
YR_R_WRAP(yr_r_labels_total)
YR_R_WRAP(yr_r_label_column)
YR_R_WRAP(yr_r_checked_total_row)
YR_R_WRAP(yr_r_read_groups)
YR_R_WRAP(yr_r_identity_keys)
YR_R_WRAP(yr_r_course_days)
YR_R_WRAP(yr_r_common_den)
YR_R_WRAP(yr_r_read_days)
YR_R_WRAP(yr_r_day_warning)
%include "yr_r_read.h"

/* Only registered routines may be called (SWIG's R_init_yrkesresa registers them all). */
%insert("sinitroutine") %{
R_useDynamicSymbols(dll, FALSE);
%}
