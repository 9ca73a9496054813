/* bindings/yrkesresa.i: the one SWIG interface of libyrkesresa, shared by the Python and R
 * bindings.
 *
 * Layout (keep it; the order matters to SWIG):
 *   1. the common part: the module name, the C includes and the single status -> error mapping;
 *   2. one block per language, in its own file (python/yrkesresa_python.i, r/yrkesresa_r.i):
 *      the conversions of arrays, outputs and scalars for that language, and its YR_SWIG_RAISE;
 *   3. the public headers, %included LAST so that every typemap above applies to them.
 * Structs, enums and functions come from the headers only; nothing is re-declared here.
 *
 * SWIG must be told whether int64_t is `long` (LP64: pass -DSWIGWORDSIZE64) or `long long`; the
 * build does so from the compiler's sizeof(long), and the wrapper checks it at compile time.
 */
#if defined(SWIGPYTHON)
%module(package = "yrkesresa", threads = "1") _core
#else
%module yrkesresa
#endif

%{
#include "yrkesresa.h"
%}

/* int64_t, uint32_t, size_t as the integers they are (with SWIGWORDSIZE64 on LP64). */
%include <stdint.i>

/* The compile-time check that SWIG's idea of int64_t is the compiler's (Python and R). */
#if defined(SWIGWORDSIZE64)
%{
_Static_assert(_Generic((int64_t)0, long: 1, default: 0),
               "swig ran with -DSWIGWORDSIZE64 but int64_t is not long: drop it");
%}
#else
%{
_Static_assert(_Generic((int64_t)0, long long: 1, default: 0),
               "int64_t is not long long: run swig with -DSWIGWORDSIZE64");
%}
#endif

/* ---- 1. The single status -> error mapping ------------------------------------------------
 * Every function of the library returns a yr_status. This typemap is the only place where a
 * status becomes an error of the target language: anything other than YR_OK calls the
 * language's YR_SWIG_RAISE(status, "function name") and fails the call, so the outputs are never
 * returned; YR_OK returns nothing of its own (the outputs, appended by argout typemaps, are the
 * result). Each language block defines YR_SWIG_RAISE in its %{ %} code (Python: yrkesresa.Error,
 * OverflowError for YR_ERR_OVERFLOW, MemoryError for YR_ERR_NOMEM; the messages are
 * yr_strerror()'s). A language block may refine this typemap, never add a second mapping. */
%typemap(out) yr_status {
    if ($1 != YR_OK) {
        YR_SWIG_RAISE($1, "$symname");
        SWIG_fail;
    }
    $typemap(out, void)
}

/* ---- 2. Language blocks (before the headers) ---------------------------------------------- */
#if defined(SWIGPYTHON)
%include "python/yrkesresa_python.i"
#endif
#if defined(SWIGR)
%include "r/yrkesresa_r.i"
#endif

/* ---- 3. The public headers ---------------------------------------------------------------- */
%include "yrkesresa/common.h"
%include "yrkesresa/version.h"
%include "yrkesresa/split.h"
%include "yrkesresa/audit.h"
%include "yrkesresa/pot.h"
%include "yrkesresa/stats.h"
%include "yrkesresa/number.h"
%include "yrkesresa/labels.h"
%include "yrkesresa/table.h"
%include "yrkesresa/cycle.h"

/* ---- 4. Binding glue over the headers (bindings/common) ---------------------------------- */
/* The kickback per course day in one call (the accumulator cannot live between calls). */
%{
#include "yr_pot_glue.h"
%}
yr_status yr_pot_by_day_records_where(const yr_pot_rules *rules, size_t ndays,
                                      size_t nmunicipalities, const yr_attendance *attendance,
                                      size_t natt, const yr_trainer *trainers, size_t ntr,
                                      int64_t *by_day, size_t *entries, size_t *days_off,
                                      yr_where *where);
