/*
 * yr_r_read.c: see yr_r_read.h. It hands over what the reader decided and the reader's error as
 * it is; it decides nothing itself. Values cross as (num, den) pairs of doubles, exact below
 * 2^53; a value beyond that is refused (list(error = TRUE, status = "YR_READ_ERR_LIMIT")), never
 * rounded.
 */
#define R_NO_REMAP
#include "yr_r_read.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yr_read_glue.h"
#include "yrkesresa/identity.h"
#include "yrkesresa/number.h"

#define EXACT 9007199254740992.0 /* 2^53 */

static SEXP named_list(const char *const *names, int n)
{
    SEXP list = PROTECT(Rf_allocVector(VECSXP, n)), nm = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++)
        SET_STRING_ELT(nm, i, Rf_mkCharCE(names[i], CE_UTF8));
    Rf_setAttrib(list, R_NamesSymbol, nm);
    UNPROTECT(2);
    return list;
}

static SEXP str1(const char *s)
{
    return Rf_ScalarString(Rf_mkCharCE(s != NULL ? s : "", CE_UTF8));
}

static SEXP error_list(yr_read_status st, const yr_read_error *err)
{
    static const char *const names[] = {"error",      "status", "code",     "line",
                                        "other_line", "column", "cell_ref", "message"};
    SEXP e = PROTECT(named_list(names, 8));
    SET_VECTOR_ELT(e, 0, Rf_ScalarLogical(1));
    SET_VECTOR_ELT(e, 1, str1(yr_read_status_name(st)));
    SET_VECTOR_ELT(e, 2, Rf_ScalarInteger((int)st));
    SET_VECTOR_ELT(e, 3, Rf_ScalarReal((double)err->line));
    SET_VECTOR_ELT(e, 4, Rf_ScalarReal((double)err->other_line));
    SET_VECTOR_ELT(e, 5,
                   Rf_ScalarReal(err->column == YR_READ_NONE ? 0.0 : (double)err->column + 1));
    SET_VECTOR_ELT(e, 6, str1(err->cell_ref));
    SET_VECTOR_ELT(e, 7, str1(err->message));
    UNPROTECT(1);
    return e;
}

static SEXP option_error(yr_read_status st, const char *message)
{
    yr_read_error err;
    memset(&err, 0, sizeof err);
    err.column = YR_READ_NONE;
    snprintf(err.message, sizeof err.message, "%s", message);
    return error_list(st, &err);
}

static SEXP get(SEXP list, const char *name)
{
    SEXP nm = Rf_getAttrib(list, R_NamesSymbol);
    for (R_xlen_t i = 0; i < Rf_xlength(nm); i++)
        if (strcmp(CHAR(STRING_ELT(nm, i)), name) == 0)
            return VECTOR_ELT(list, i);
    return R_NilValue;
}

/* The strings of character vector @p x (NA and non-character: none), R_alloc'd. */
static const char **strings(SEXP x, size_t *n)
{
    *n = TYPEOF(x) == STRSXP ? (size_t)XLENGTH(x) : 0;
    const char **out = (const char **)R_alloc(*n + 1, sizeof *out);
    for (size_t i = 0; i < *n; i++)
        out[i] = STRING_ELT(x, i) == NA_STRING ? "" : Rf_translateCharUTF8(STRING_ELT(x, i));
    return out;
}

static const char *totals_word(SEXP options)
{
    SEXP v = get(options, "totals");
    return TYPEOF(v) == STRSXP && XLENGTH(v) == 1 ? Rf_translateCharUTF8(STRING_ELT(v, 0)) : NULL;
}

/* Fill @p opt from the options list; R_NilValue, or the error list of a refused option. */
static SEXP fill_options(SEXP o, yr_read_options *opt, yr_read_want *want)
{
    size_t n;
    char msg[320];
    yr_read_options_init(opt);
    SEXP v = get(o, "sheet");
    if (TYPEOF(v) == STRSXP && XLENGTH(v) == 1)
        opt->sheet = Rf_translateCharUTF8(STRING_ELT(v, 0));
    if (TYPEOF((v = get(o, "header_row"))) == REALSXP && XLENGTH(v) == 1)
        opt->header_row = (size_t)REAL(v)[0];
    if (TYPEOF((v = get(o, "year"))) == REALSXP && XLENGTH(v) == 1)
        opt->year = (int)REAL(v)[0];
    if (TYPEOF((v = get(o, "other_parties"))) == LGLSXP && XLENGTH(v) == 1)
        opt->other_parties = LOGICAL(v)[0] == 1;
    if (yr_glue_totals(totals_word(o), &opt->totals) < 0)
        return option_error(YR_READ_ERR_OPTION, "totals must be 'check', 'ignore' or 'no_guess'");
    opt->columns = strings(get(o, "columns"), &opt->ncolumns);
    const char **specs = strings(get(o, "want"), &n);
    if (n > YR_GLUE_MAX_WANT || opt->ncolumns > YR_GLUE_MAX_WANT)
        return option_error(YR_READ_ERR_OPTION, "too many want or columns entries");
    for (size_t i = 0; i < n; i++)
        if (yr_glue_want(specs[i], &want[i], msg, sizeof msg) < 0)
            return option_error(YR_READ_ERR_OPTION, msg);
    opt->want = want;
    opt->nwant = n;
    return R_NilValue;
}

/* Column @p col: its cells (character) or, when the reader reads it as values, list(num, den)
 * (doubles, NA for a blank). Sets *too_big when a value is beyond 2^53. */
static SEXP column_of(const yr_table *t, size_t col, int *too_big)
{
    size_t nrows = yr_table_nrows(t);
    yr_value v;
    int valued = nrows > 0 && yr_table_column_role(t, col) != YR_ROLE_NONE &&
                 yr_table_value(t, 0, col, &v) == YR_READ_OK;
    if (!valued) {
        SEXP s = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nrows));
        for (size_t r = 0; r < nrows; r++) {
            size_t len = 0;
            const char *c = yr_table_cell(t, r, col, &len);
            SET_STRING_ELT(s, (R_xlen_t)r, Rf_mkCharLenCE(c, (int)len, CE_UTF8));
        }
        UNPROTECT(1);
        return s;
    }
    static const char *const names[] = {"num", "den"};
    SEXP pair = PROTECT(named_list(names, 2));
    SEXP num = Rf_allocVector(REALSXP, (R_xlen_t)nrows);
    SET_VECTOR_ELT(pair, 0, num);
    SEXP den = Rf_allocVector(REALSXP, (R_xlen_t)nrows);
    SET_VECTOR_ELT(pair, 1, den);
    for (size_t r = 0; r < nrows; r++) {
        int ok = yr_table_value(t, r, col, &v) == YR_READ_OK && v.present;
        REAL(num)[r] = ok ? (double)v.num : NA_REAL;
        REAL(den)[r] = ok ? (double)v.den : NA_REAL;
        if (ok && (fabs((double)v.num) > EXACT || (double)v.den > EXACT))
            *too_big = (int)r + 1;
    }
    UNPROTECT(1);
    return pair;
}

static SEXP columns_part(const yr_table *t, SEXP out, int *too_big, size_t *big_col)
{
    size_t ncols = yr_table_ncols(t);
    SEXP header = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ncols));
    SEXP roles = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ncols));
    SEXP kinds = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)ncols));
    SEXP cols = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)ncols));
    SEXP units = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)ncols));
    for (size_t c = 0; c < ncols; c++) {
        yr_read_role role = yr_table_column_role(t, c);
        int big = 0, exp10 = 0;
        yr_read_error e;
        INTEGER(units)
        [c] = yr_table_column_unit(t, c, &exp10, &e) == YR_READ_OK ? exp10 : NA_INTEGER;
        SET_STRING_ELT(header, (R_xlen_t)c, Rf_mkCharCE(yr_table_header(t, c), CE_UTF8));
        SET_STRING_ELT(roles, (R_xlen_t)c, Rf_mkChar(yr_role_name(role)));
        SET_STRING_ELT(kinds, (R_xlen_t)c, Rf_mkChar(yr_glue_kind_name(yr_role_kind(role))));
        SET_VECTOR_ELT(cols, (R_xlen_t)c, column_of(t, c, &big));
        if (big && !*too_big) {
            *too_big = big;
            *big_col = c;
        }
    }
    SET_VECTOR_ELT(out, 0, header);
    SET_VECTOR_ELT(out, 1, roles);
    SET_VECTOR_ELT(out, 2, kinds);
    SET_VECTOR_ELT(out, 3, cols);
    SET_VECTOR_ELT(out, 12, units);
    UNPROTECT(5);
    return out;
}

static void rows_part(const yr_table *t, SEXP out)
{
    size_t nrows = yr_table_nrows(t);
    SEXP kinds = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nrows));
    SEXP lines = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nrows));
    SEXP codes = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nrows));
    for (size_t r = 0; r < nrows; r++) {
        yr_identity id;
        SET_STRING_ELT(kinds, (R_xlen_t)r, Rf_mkChar(yr_row_kind_name(yr_table_row_kind(t, r))));
        REAL(lines)[r] = (double)yr_table_row_line(t, r);
        REAL(codes)[r] = yr_table_identity(t, r, &id) == YR_READ_OK ? id.code : NA_REAL;
    }
    SET_VECTOR_ELT(out, 4, kinds);
    SET_VECTOR_ELT(out, 5, lines);
    SET_VECTOR_ELT(out, 6, codes);
    UNPROTECT(3);
}

/* spans as list(kind, first, last); checks as list(column (1-based), line, kind, checked,
 * stated, sum, den). */
static void spans_checks_part(const yr_table *t, SEXP out)
{
    size_t n = yr_table_spans(t, NULL, 0), k = 0, ncols = yr_table_ncols(t);
    yr_span *sp = (yr_span *)R_alloc(n + 1, sizeof *sp);
    yr_table_spans(t, sp, n);
    static const char *const sn[] = {"kind", "first", "last"};
    SEXP spans = PROTECT(named_list(sn, 3));
    SEXP kind = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(spans, 0, kind);
    SEXP first = Rf_allocVector(REALSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(spans, 1, first);
    SEXP last = Rf_allocVector(REALSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(spans, 2, last);
    for (size_t i = 0; i < n; i++) {
        SET_STRING_ELT(kind, (R_xlen_t)i, Rf_mkChar(yr_glue_span_name(sp[i].kind)));
        REAL(first)[i] = (double)sp[i].first;
        REAL(last)[i] = (double)sp[i].last;
    }
    SET_VECTOR_ELT(out, 9, spans);
    size_t total = 0;
    for (size_t c = 0; c < ncols; c++)
        total += yr_table_aggregate_checks(t, c, NULL, 0);
    static const char *const cn[] = {"column", "line", "kind", "checked", "stated", "sum", "den"};
    SEXP checks = PROTECT(named_list(cn, 7));
    for (int j = 0; j < 7; j++)
        SET_VECTOR_ELT(checks, j, Rf_allocVector(j == 2 ? STRSXP : REALSXP, (R_xlen_t)total));
    for (size_t c = 0; c < ncols; c++) {
        size_t m = yr_table_aggregate_checks(t, c, NULL, 0);
        yr_aggregate_check *chk = (yr_aggregate_check *)R_alloc(m + 1, sizeof *chk);
        yr_table_aggregate_checks(t, c, chk, m);
        for (size_t i = 0; i < m; i++, k++) {
            double row[7] = {(double)c + 1,
                             (double)yr_table_row_line(t, chk[i].row),
                             0,
                             chk[i].checked,
                             (double)chk[i].stated,
                             (double)chk[i].sum,
                             (double)chk[i].den};
            for (int j = 0; j < 7; j++)
                if (j != 2)
                    REAL(VECTOR_ELT(checks, j))[k] = row[j];
            SET_STRING_ELT(VECTOR_ELT(checks, 2), (R_xlen_t)k,
                           Rf_mkChar(yr_row_kind_name(chk[i].kind)));
        }
    }
    SET_VECTOR_ELT(out, 10, checks);
    UNPROTECT(2);
}

static SEXP format_part(const yr_table *t)
{
    const yr_read_format *f = yr_table_format(t);
    char delim[2] = {f->delimiter, 0}, mark[2] = {f->decimal_mark, 0};
    static const char *const names[] = {"format",       "encoding", "bom",  "delimiter",
                                        "decimal_mark", "eol",      "sheet"};
    SEXP v = PROTECT(named_list(names, 7));
    SET_VECTOR_ELT(v, 0, str1(f->format));
    SET_VECTOR_ELT(v, 1, str1(f->encoding));
    SET_VECTOR_ELT(v, 2, Rf_ScalarLogical(f->bom != 0));
    SET_VECTOR_ELT(v, 3, str1(delim));
    SET_VECTOR_ELT(v, 4, str1(mark));
    SET_VECTOR_ELT(v, 5, str1(f->eol));
    SET_VECTOR_ELT(v, 6, f->sheet != NULL ? str1(f->sheet) : Rf_ScalarString(NA_STRING));
    UNPROTECT(1);
    return v;
}

static SEXP table_list(const yr_table *t)
{
    static const char *const names[] = {
        "header",  "roles",      "column_kinds", "columns", "row_kinds", "lines", "codes",
        "reading", "reading_sv", "spans",        "checks",  "format",    "units"};
    SEXP out = PROTECT(named_list(names, 13));
    int too_big = 0;
    size_t big_col = 0;
    columns_part(t, out, &too_big, &big_col);
    if (too_big) {
        char msg[320];
        snprintf(msg, sizeof msg,
                 "column '%s' has a value beyond 2^53 in row %d, which no R number holds "
                 "exactly; read the column as text (want it in no role)",
                 yr_table_header(t, big_col), too_big);
        UNPROTECT(1);
        return option_error(YR_READ_ERR_LIMIT, msg);
    }
    rows_part(t, out);
    char *en = yr_glue_reading(t, "en"), *sv = yr_glue_reading(t, "sv");
    SET_VECTOR_ELT(out, 7, str1(en));
    SET_VECTOR_ELT(out, 8, str1(sv));
    free(en);
    free(sv);
    spans_checks_part(t, out);
    SET_VECTOR_ELT(out, 11, format_part(t));
    UNPROTECT(1);
    return out;
}

SEXP yr_r_read_table(SEXP data, SEXP options)
{
    yr_read_options opt;
    yr_read_want want[YR_GLUE_MAX_WANT];
    yr_read_error err;
    yr_table *t = NULL;
    if (TYPEOF(data) != RAWSXP || TYPEOF(options) != VECSXP)
        Rf_error("yr_r_read_table: data must be raw and options a list");
    SEXP refused = fill_options(options, &opt, want);
    if (refused != R_NilValue)
        return refused;
    yr_read_status st = yr_read_table(RAW(data), (size_t)XLENGTH(data), &opt, &t, &err);
    if (st != YR_READ_OK)
        return error_list(st, &err);
    /* table_list() allocates R objects only; an R allocation error (a longjmp) would leak t,
     * as it would end the call anyway. */
    SEXP out = PROTECT(table_list(t));
    yr_table_free(t);
    UNPROTECT(1);
    return out;
}

SEXP yr_r_read_classify(SEXP labels, SEXP columns, SEXP options)
{
    size_t n, ncols = TYPEOF(columns) == VECSXP ? (size_t)XLENGTH(columns) : 0;
    const char **lab = strings(labels, &n);
    const int64_t **cols = (const int64_t **)R_alloc(ncols + 1, sizeof *cols);
    yr_row_kind *kinds = (yr_row_kind *)R_alloc(n + 1, sizeof *kinds);
    yr_totals totals;
    yr_read_error err;
    for (size_t c = 0; c < ncols; c++) {
        SEXP col = VECTOR_ELT(columns, (R_xlen_t)c);
        int64_t *v = (int64_t *)R_alloc(n + 1, sizeof *v);
        if (TYPEOF(col) != REALSXP || (size_t)XLENGTH(col) != n)
            Rf_error("yr_r_read_classify: column %zu must be numeric of length %zu", c + 1, n);
        for (size_t i = 0; i < n; i++)
            v[i] = (int64_t)REAL(col)[i]; /* R/read.R passes whole numbers below 2^53 only */
        cols[c] = v;
    }
    if (yr_glue_totals(totals_word(options), &totals) < 0)
        return option_error(YR_READ_ERR_OPTION, "totals must be 'check', 'ignore' or 'no_guess'");
    SEXP other = get(options, "other_parties");
    yr_read_status st =
        yr_read_classify(lab, n, cols, ncols, totals,
                         TYPEOF(other) == LGLSXP && LOGICAL(other)[0] == 1, kinds, &err);
    if (st != YR_READ_OK)
        return error_list(st, &err);
    SEXP out = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)n));
    for (size_t i = 0; i < n; i++)
        SET_STRING_ELT(out, (R_xlen_t)i, Rf_mkChar(yr_row_kind_name(kinds[i])));
    UNPROTECT(1);
    return out;
}

SEXP yr_r_header_role(SEXP header)
{
    const char *h = Rf_translateCharUTF8(STRING_ELT(header, 0));
    for (int r = 1; r < YR_READ_ROLE_COUNT && !yr_header_is_code(h); r++)
        if (yr_role_is_header(h, (yr_read_role)r))
            return str1(yr_role_name((yr_read_role)r));
    return Rf_ScalarString(NA_STRING);
}

SEXP yr_r_code_column(SEXP header, SEXP role)
{
    char msg[320];
    if (yr_glue_code_column(Rf_translateCharUTF8(STRING_ELT(header, 0)),
                            Rf_translateCharUTF8(STRING_ELT(role, 0)), msg, sizeof msg))
        return str1(msg);
    return Rf_ScalarString(NA_STRING);
}

SEXP yr_r_labels_total(SEXP labels)
{
    R_xlen_t n = TYPEOF(labels) == STRSXP ? XLENGTH(labels) : 0;
    SEXP out = PROTECT(Rf_allocVector(LGLSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        char msg[320], line[360];
        int total = STRING_ELT(labels, i) == NA_STRING
                        ? 0
                        : yr_glue_label_is_total(Rf_translateCharUTF8(STRING_ELT(labels, i)), msg,
                                                 sizeof msg);
        if (total < 0) {
            snprintf(line, sizeof line, "label %ld: %s", (long)i + 1, msg);
            UNPROTECT(1);
            return str1(line);
        }
        LOGICAL(out)[i] = total;
    }
    UNPROTECT(1);
    return out;
}

SEXP yr_r_read_groups(SEXP groups, SEXP header, SEXP places)
{
    R_xlen_t n = TYPEOF(groups) == STRSXP ? XLENGTH(groups) : 0;
    int with = TYPEOF(places) == STRSXP && XLENGTH(places) == n;
    const char **labels = (const char **)R_alloc(n ? (size_t)n : 1, sizeof *labels);
    const char **where = (const char **)R_alloc(n ? (size_t)n : 1, sizeof *where);
    size_t *group = (size_t *)R_alloc(n ? (size_t)n : 1, sizeof *group), ngroups = 0;
    for (R_xlen_t i = 0; i < n; i++) {
        SEXP g = STRING_ELT(groups, i);
        labels[i] = g == NA_STRING ? "" : Rf_translateCharUTF8(g);
        where[i] = with && STRING_ELT(places, i) != NA_STRING
                       ? Rf_translateCharUTF8(STRING_ELT(places, i))
                       : NULL;
    }
    const char *h =
        TYPEOF(header) == STRSXP && XLENGTH(header) == 1 && STRING_ELT(header, 0) != NA_STRING
            ? Rf_translateCharUTF8(STRING_ELT(header, 0))
            : NULL;
    yr_read_error err;
    yr_read_status st =
        yr_glue_groups(labels, (size_t)n, h, with ? where : NULL, group, &ngroups, &err);
    if (st != YR_READ_OK)
        return error_list(st, &err);
    SEXP out = PROTECT(Rf_allocVector(INTSXP, n));
    for (R_xlen_t i = 0; i < n; i++)
        INTEGER(out)[i] = (int)group[i];
    UNPROTECT(1);
    return out;
}

SEXP yr_r_identity_keys(SEXP labels)
{
    R_xlen_t n = TYPEOF(labels) == STRSXP ? XLENGTH(labels) : 0;
    SEXP out = PROTECT(Rf_allocVector(STRSXP, n));
    for (R_xlen_t i = 0; i < n; i++) {
        if (STRING_ELT(labels, i) == NA_STRING) {
            SET_STRING_ELT(out, i, NA_STRING);
            continue;
        }
        const char *s = Rf_translateCharUTF8(STRING_ELT(labels, i));
        size_t len = strlen(s), cap = 3 * len + 64, klen = 0; /* yr_identity_key(): suffices */
        char *dst = R_alloc(cap, 1);
        yr_read_error err;
        yr_read_status st = yr_identity_key(s, len, dst, cap, &klen, &err);
        if (st != YR_READ_OK) {
            err.line = (size_t)i + 1; /* the label's position, counted from 1 */
            UNPROTECT(1);
            return error_list(st, &err);
        }
        SET_STRING_ELT(out, i, Rf_mkCharLenCE(dst, (int)klen, CE_UTF8));
    }
    UNPROTECT(1);
    return out;
}

SEXP yr_r_common_den(SEXP x, SEXP num, SEXP den)
{
    R_xlen_t n = TYPEOF(x) == REALSXP ? XLENGTH(x) : 0;
    int given =
        TYPEOF(num) == REALSXP && TYPEOF(den) == REALSXP && XLENGTH(num) == n && XLENGTH(den) == n;
    int64_t *v = (int64_t *)R_alloc(3 * (size_t)n + 1, sizeof *v), common = 1;
    yr_read_error err;
    for (R_xlen_t i = 0; i < n; i++) {
        int64_t *p = v + n + i, *q = v + 2 * n + i;
        if (given) { /* yr_read_table()'s exact num / den, below 2^53 */
            *p = (int64_t)REAL(num)[i];
            *q = (int64_t)REAL(den)[i];
        } else if (yr_fraction_from_double(REAL(x)[i], p, q) != YR_OK) {
            Rf_error("weights[%ld] is %g, not a finite number", (long)i + 1, REAL(x)[i]);
        }
    }
    yr_read_status st = yr_read_common_den(v + n, v + 2 * n, (size_t)n, v, &common, &err);
    if (st != YR_READ_OK)
        return error_list(st, &err);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, n + 1));
    for (R_xlen_t i = 0; i <= n; i++) {
        int64_t y = i < n ? v[i] : common;
        if (y > ((int64_t)1 << 53) || y < -((int64_t)1 << 53)) {
            UNPROTECT(1);
            Rf_error("weights[%ld]: over their common denominator %lld the weights pass 2^53, "
                     "R's exact whole numbers; give them with fewer decimals",
                     (long)(i < n ? i + 1 : n), (long long)common);
        }
        REAL(out)[i] = (double)y;
    }
    UNPROTECT(1);
    return out; /* the values over the common denominator, then the denominator */
}

SEXP yr_r_read_days(SEXP columns, SEXP names)
{
    R_xlen_t m = TYPEOF(columns) == VECSXP ? XLENGTH(columns) : 0;
    if (TYPEOF(names) != STRSXP || XLENGTH(names) != m)
        Rf_error("yr_r_read_days: one name per vector");
    yr_day_column col;
    memset(&col, 0, sizeof col);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, m));
    for (R_xlen_t k = 0; k < m; k++) {
        SEXP cells = VECTOR_ELT(columns, k);
        if (TYPEOF(cells) != STRSXP)
            Rf_error("yr_r_read_days: character vectors");
        R_xlen_t n = XLENGTH(cells);
        SEXP days = PROTECT(Rf_allocVector(STRSXP, n));
        for (R_xlen_t i = 0; i < n; i++) {
            SEXP c = STRING_ELT(cells, i);
            const char *s = c == NA_STRING ? "" : Rf_translateCharUTF8(c);
            size_t len = strlen(s), got = 0;
            char *dst = R_alloc(len + 16, 1);
            yr_read_error err;
            if (col.kind == 0) /* the line that decides the column is in this vector */
                col.where = Rf_translateCharUTF8(STRING_ELT(names, k));
            yr_read_status st = yr_read_day(&col, s, len, (size_t)i + 1, dst, len + 16, &got, &err);
            if (st != YR_READ_OK) {
                err.column = (size_t)k;
                UNPROTECT(2);
                return error_list(st, &err);
            }
            SET_STRING_ELT(days, i, Rf_mkCharLenCE(dst, (int)got, CE_UTF8));
        }
        SET_VECTOR_ELT(out, k, days);
        UNPROTECT(1);
    }
    UNPROTECT(1);
    return out;
}

SEXP yr_r_day_warning(SEXP day, SEXP unmet, SEXP undistributed)
{
    const char *d = TYPEOF(day) == STRSXP && XLENGTH(day) == 1 && STRING_ELT(day, 0) != NA_STRING
                        ? Rf_translateCharUTF8(STRING_ELT(day, 0))
                        : "";
    int u = Rf_asInteger(unmet);
    double pot = Rf_asReal(undistributed);
    char buf[256];
    yr_read_day_warning(d, u == YR_DAY_NO_TRAINER ? YR_DAY_NO_TRAINER : YR_DAY_NO_PARTICIPANTS,
                        (int64_t)pot, buf, sizeof buf);
    return str1(buf);
}

/* The strings of @p x (NA: NULL), in R's memory. */
static const char **utf8_or_null(SEXP x, R_xlen_t n)
{
    const char **out = (const char **)R_alloc(n ? (size_t)n : 1, sizeof *out);
    for (R_xlen_t i = 0; i < n; i++)
        out[i] = STRING_ELT(x, i) == NA_STRING ? NULL : Rf_translateCharUTF8(STRING_ELT(x, i));
    return out;
}

SEXP yr_r_label_column(SEXP headers)
{
    R_xlen_t n = TYPEOF(headers) == STRSXP ? XLENGTH(headers) : 0;
    size_t col = yr_label_column_of(utf8_or_null(headers, n), (size_t)n);
    return Rf_ScalarInteger(col == YR_READ_NONE ? NA_INTEGER : (int)col + 1);
}

SEXP yr_r_checked_total_row(SEXP labels)
{
    R_xlen_t n = TYPEOF(labels) == STRSXP ? XLENGTH(labels) : 0;
    size_t row;
    yr_read_error err;
    yr_read_status st = yr_glue_checked_total_row(utf8_or_null(labels, n), (size_t)n, &row, &err);
    if (st != YR_READ_OK)
        return error_list(st, &err);
    return Rf_ScalarInteger(row == YR_READ_NONE ? NA_INTEGER : (int)row + 1);
}

/* One file of yr_r_course_days() as C arrays (R_alloc'd): 0, or -1 for a malformed list. */
static int course_file(SEXP l, yr_glue_course_file *f, size_t **key)
{
    memset(f, 0, sizeof *f);
    if (TYPEOF(l) != VECSXP || XLENGTH(l) != 5)
        return -1;
    SEXP where = VECTOR_ELT(l, 0), header = VECTOR_ELT(l, 1), days = VECTOR_ELT(l, 2),
         texts = VECTOR_ELT(l, 3), courses = VECTOR_ELT(l, 4);
    R_xlen_t n = TYPEOF(days) == INTSXP ? XLENGTH(days) : -1;
    if (n < 0 || TYPEOF(where) != STRSXP || XLENGTH(where) != 1 || TYPEOF(texts) != STRSXP ||
        XLENGTH(texts) != n ||
        (courses != R_NilValue && (TYPEOF(courses) != STRSXP || XLENGTH(courses) != n)))
        return -1;
    size_t m = n ? (size_t)n : 1, *day = (size_t *)R_alloc(m, sizeof *day);
    const char **text = (const char **)R_alloc(m, sizeof *text), **course = NULL;
    if (courses != R_NilValue)
        course = (const char **)R_alloc(m, sizeof *course);
    for (R_xlen_t i = 0; i < n; i++) {
        day[i] = (size_t)INTEGER(days)[i];
        text[i] =
            STRING_ELT(texts, i) == NA_STRING ? "" : Rf_translateCharUTF8(STRING_ELT(texts, i));
        if (course != NULL)
            course[i] = STRING_ELT(courses, i) == NA_STRING
                            ? ""
                            : Rf_translateCharUTF8(STRING_ELT(courses, i));
    }
    *f = (yr_glue_course_file){Rf_translateCharUTF8(STRING_ELT(where, 0)),
                               TYPEOF(header) == STRSXP && XLENGTH(header) == 1 &&
                                       STRING_ELT(header, 0) != NA_STRING
                                   ? Rf_translateCharUTF8(STRING_ELT(header, 0))
                                   : NULL,
                               (size_t)n,
                               day,
                               text,
                               course};
    *key = (size_t *)R_alloc(m, sizeof **key);
    return 0;
}

/* The list of yr_r_course_days(). */
static SEXP course_result(const yr_glue_course_file f[2], size_t *const key[2],
                          const yr_course_days *cd)
{
    static const char *const names[] = {"att", "tr", "label", "course", "day"};
    size_t n = yr_course_days_count(cd);
    SEXP r = PROTECT(named_list(names, 5));
    for (int k = 0; k < 2; k++) {
        SEXP v = Rf_allocVector(INTSXP, (R_xlen_t)f[k].n);
        SET_VECTOR_ELT(r, k, v);
        for (size_t i = 0; i < f[k].n; i++)
            INTEGER(v)[i] = (int)key[k][i];
    }
    SEXP label = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(r, 2, label);
    SEXP course = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(r, 3, course);
    SEXP day = Rf_allocVector(INTSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(r, 4, day);
    for (size_t d = 0; d < n; d++) {
        const char *c = NULL;
        size_t dd = 0;
        yr_course_days_get(cd, d, &dd, &c);
        SET_STRING_ELT(label, (R_xlen_t)d, Rf_mkCharCE(yr_course_days_label(cd, d), CE_UTF8));
        SET_STRING_ELT(course, (R_xlen_t)d, c != NULL ? Rf_mkCharCE(c, CE_UTF8) : NA_STRING);
        INTEGER(day)[d] = (int)dd;
    }
    UNPROTECT(1);
    return r;
}

SEXP yr_r_course_days(SEXP att, SEXP tr)
{
    yr_glue_course_file f[2];
    size_t *key[2] = {NULL, NULL};
    if (course_file(att, &f[0], &key[0]) != 0 || course_file(tr, &f[1], &key[1]) != 0)
        return option_error(YR_READ_ERR_OPTION, "course days: list(where, header, days, texts, "
                                                "courses) for each file");
    yr_course_days *cd = NULL;
    yr_read_error err;
    int file = 0;
    yr_read_status st = yr_glue_course_days(f, key, &cd, &file, &err);
    if (st != YR_READ_OK) {
        SEXP e = PROTECT(error_list(st, &err));
        SEXP out = PROTECT(Rf_allocVector(VECSXP, XLENGTH(e) + 1));
        SEXP nm = PROTECT(Rf_allocVector(STRSXP, XLENGTH(e) + 1));
        for (R_xlen_t i = 0; i < XLENGTH(e); i++) {
            SET_VECTOR_ELT(out, i, VECTOR_ELT(e, i));
            SET_STRING_ELT(nm, i, STRING_ELT(Rf_getAttrib(e, R_NamesSymbol), i));
        }
        SET_VECTOR_ELT(out, XLENGTH(e), Rf_ScalarInteger(file + 1));
        SET_STRING_ELT(nm, XLENGTH(e), Rf_mkChar("file"));
        Rf_setAttrib(out, R_NamesSymbol, nm);
        UNPROTECT(3);
        return out;
    }
    SEXP r = course_result(f, key, cd);
    yr_course_days_free(cd);
    return r;
}
