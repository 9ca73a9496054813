/*
 * yr_read_glue.h: what the Python and R bindings of the table reader (yrkesresa/read.h) share:
 * the words of their options (the same words as the reading corpus, tests/reading/README.md)
 * and the names of the reader's enums. No rule of the reader is here: it reads words into the
 * reader's option structs and names its results; every decision is yr_read_table()'s.
 */
#ifndef YR_READ_GLUE_H
#define YR_READ_GLUE_H

#include <stddef.h>

#include "yrkesresa/read.h"

/* Most entries of want= and columns= a binding passes (more is an option error). */
#define YR_GLUE_MAX_WANT 64

/* Read one want= entry, "ROLE [required] [unique] [checked] [many] [blank_ok]" (a role's name as
 * yr_read_role_from_name() takes it, then flags separated by blanks). Returns 0, or -1 with a
 * one-line reason in @p msg naming the entry. */
int yr_glue_want(const char *spec, yr_read_want *w, char *msg, size_t cap);

/* "check", "ignore" or "no_guess" (NULL: check) as a yr_totals; -1 for other words. */
int yr_glue_totals(const char *name, yr_totals *out);

/* The corpus's names: spans ("title", "header", "data", "aggregate", "empty", "note",
 * "other_year", "ignored"), kinds ("text", "code", "whole", "decimal", "share", "date", "year",
 * "bool") and places ("other", "municipality", "county", "nation"); "?" out of range. */
const char *yr_glue_span_name(yr_span_kind k);
const char *yr_glue_kind_name(yr_kind k);
const char *yr_glue_place_name(yr_place p);

/* The reading line of @p t in @p lang into a new malloc'd string (NULL when out of memory). */
char *yr_glue_reading(const yr_table *t, const char *lang);

/* When @p header names a column of codes, ids or years (yr_header_is_code()), the reader's own
 * refusal of it in @p role (a weight, a population): reads the one-line table of that header
 * with `ROLE=HEADER` and copies its message to @p msg; returns 1 then, else 0 (msg untouched). */
int yr_glue_code_column(const char *header, const char *role, char *msg, size_t cap);

/* Whether @p label names no party by the reader's rule for a row among municipalities (rule 4,
 * yr_read_classify()): 1 for a total, subtotal, county or nation row by its label or SCB code
 * ("Summa", "Delsumma", "Riket", "Dalarnas län", "20 Dalarnas län", "00") and for a statistic
 * row ("Medelvärde"), 0 for a party ("Falun", "Region Jönköpings län", "Länsstyrelsen i Dalarnas
 * län"); -1 with the reader's message in @p msg for a code and a name that disagree ("2080
 * Mora"). The bindings' label_is_total and drop_total_rows ask this, not yr_label_is_total(). */
int yr_glue_label_is_total(const char *label, char *msg, size_t cap);

/* The total row of a frame being checked (Python's audit_frame, R's yr_audit_frame): each
 * label's kind by the label rule of yr_glue_label_is_total() (NULL: a party), then the library's
 * rule yr_checked_total_row() — Summa, else the one county or nation row when it is the only
 * aggregate; two totals an error (err->line the position + 1). *row a position, or
 * YR_READ_NONE. A label refused ('2080 Mora') is YR_READ_ERR_IDENTITY at its position + 1. */
yr_read_status yr_glue_checked_total_row(const char *const *labels, size_t n, size_t *row,
                                         yr_read_error *err);

/* yr_read_groups() of @p n group labels under @p header (may be NULL), with the municipality of
 * each row from @p places (n party labels, or NULL: yr_place_of(), a municipality's code or -1;
 * a label it cannot place is no municipality here): the bindings' nested splits. */
yr_read_status yr_glue_groups(const char *const *labels, size_t n, const char *header,
                              const char *const *places, size_t *group, size_t *ngroups,
                              yr_read_error *err);

#endif
