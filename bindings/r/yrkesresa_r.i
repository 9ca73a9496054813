/*
 * yrkesresa_r.i: the R-specific part of the SWIG interface (bindings/yrkesresa.i %includes it
 * under SWIGR, before the public headers, so the rules below apply to them).
 *
 * SWIG's R module maps strings and enums faithfully, but not what most of the API is made of:
 * int64_t goes through Rf_asInteger / Rf_ScalarInteger((int)v) (32 bits: 2^31 and beyond become
 * NA or wrap), C arrays are copied through INTEGER() (32-bit again), out-parameters and arrays
 * of structs become external pointers. So:
 *   1. SWIG wraps directly only yr_version, yr_strerror, yr_status_name, yr_method_name and
 *      yr_goal_name (renamed c_*: the R layer's yr_version() etc. are the public names), plus
 *      the enums (their R tables .__E___yr_status, .__E___yr_method, ... come from here);
 *   2. everything with arrays or int64 amounts goes through the package's .Call layer
 *      (src/yr_r_glue.c): its functions take and return SEXP, and are declared to SWIG below so
 *      that SWIG wraps and registers them with the rest (one R_init_yrkesresa, one table of
 *      native routines).
 */

%{
#include "yr_r_glue.h"
%}

/* 1. Ignore every C function and struct of the public headers except the whitelist. */
%rename("$ignore", %$isfunction) "";
%rename("$ignore", %$isclass) "";
%rename(c_yr_version) yr_version;
%rename(c_yr_strerror) yr_strerror;
%rename(c_yr_status_name) yr_status_name;
%rename(c_yr_method_name) yr_method_name;
%rename(c_yr_goal_name) yr_goal_name;

/* Enum arguments as integer codes (SWIG's default takes the enumerator's name). The R layer
 * has codes: a status from the .Call layer, an index into an enum table. */
%typemap(scoercein) yr_status, yr_method, yr_goal %{ $input = as.integer($input); %}

/* 2. SEXP in and out unchanged: the .Call layer does its own conversion. */
%typemap(in) SEXP %{ $1 = $input; %}
%typemap(out) SEXP %{ $result = $1; %}
%typemap(scoercein) SEXP %{ %}
%typemap(scheck) SEXP %{ %}
%typemap(rtype) SEXP "ANY"

%rename("%s", regextarget=1, %$isfunction) "^yr_r_";
%include "yr_r_glue.h"

/* Only registered routines may be called (SWIG's R_init_yrkesresa registers them all). */
%insert("sinitroutine") %{
R_useDynamicSymbols(dll, FALSE);
%}
