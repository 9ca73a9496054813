/*
 * yr_r_read.h: the reader (yrkesresa/read.h) for R, the C half of yr_read_table() and of
 * yr_split_frame()'s checks (R/read.R builds the data frame). Declared for SWIG too
 * (bindings/r/yrkesresa_r.i wraps them as c_yr_r_read_table, ...; SEXP in, SEXP out).
 */
#ifndef YR_R_READ_H
#define YR_R_READ_H

#include <R.h>
#include <Rinternals.h>

/* Read @p data (a raw vector) with @p options (a named list: sheet, header_row, year, columns,
 * want, totals, other_parties): a list of the table, or list(error = TRUE, status, code, line,
 * other_line, column, cell_ref, message) with the reader's error. */
SEXP yr_r_read_table(SEXP data, SEXP options);

/* yr_read_classify() of @p labels (character) and @p columns (a list of numeric vectors as long
 * as labels, whole numbers) with @p options (totals, other_parties): the rows' kinds
 * (character), or the error list as above. */
SEXP yr_r_read_classify(SEXP labels, SEXP columns, SEXP options);

/* The role header @p header names for the frame functions ("municipality", ...), NA when none;
 * and the reader's refusal of it as @p role when it holds codes, ids or years, else NA. */
SEXP yr_r_header_role(SEXP header);
SEXP yr_r_code_column(SEXP header, SEXP role);

/* yr_glue_label_is_total() of every label (character; NA gives FALSE): a logical vector, or
 * the reader's message (a character scalar, "label N: ...") for the first label refused. */
SEXP yr_r_labels_total(SEXP labels);

/* yr_label_column_of() of @p headers (character; NA names nothing): the 1-based column that
 * labels a frame's rows (municipality, else course, item or question), NA when none. */
SEXP yr_r_label_column(SEXP headers);

/* yr_glue_checked_total_row() of @p labels (character; NA is a party): the 1-based row of the
 * total of a frame being checked, NA when there is none, or the error list as above (two total
 * rows; a label refused; line = the row's position). */
SEXP yr_r_checked_total_row(SEXP labels);

/* yr_glue_groups() of @p groups (character) under @p header (a string or NA), with the party
 * labels @p places (character as long as groups, or NULL): the 0-based group numbers (integer,
 * first appearance), or the error list as above (line = the row's position). */
SEXP yr_r_read_groups(SEXP groups, SEXP header, SEXP places);

/* yr_identity_key() of every label (character; NA stays NA): the keys ('Falu kommun', 'Falun'
 * and '2080' give 'falun'), or the error list of the first label refused (line = its position:
 * `code 2080 is Falun, not 'Mora'`). */
SEXP yr_r_identity_keys(SEXP labels);

/* yr_glue_course_days() of a pot's two files @p att and @p tr, each a list(where, header (a
 * string or NA), days (0-based integer), texts (character), courses (character or NULL)): a
 * list(att, tr: the records' course days, 0-based; label, course (NA when the course is no part
 * of the key), day: per course day), or the error list with an element file (1 or 2). */
SEXP yr_r_course_days(SEXP att, SEXP tr);

/* yr_read_common_den() of weights @p x (numeric): of their exact @p num / @p den when given
 * (yr_read_table()'s attributes), else of each double's shortest decimal
 * (yr_fraction_from_double). c(values over the common denominator, the denominator), or the
 * error list. */
SEXP yr_r_common_den(SEXP x, SEXP num, SEXP den);

/* yr_read_day() of the day cells of @p columns (a list of character vectors; NA is an empty
 * cell), read as one day column in order (attendance, then trainers: dates and labels may not
 * mix), vector k named @p names[k] in the reader's messages: a list of character vectors of the
 * days as the reader wrote them ("2024-2-6", "45328" and "2024-02-06 00:00:00" give
 * "2024-02-06"; a label trimmed), or the error list as above of the first cell refused, with
 * column = k + 1 and line = its position. */
SEXP yr_r_read_days(SEXP columns, SEXP names);

/* yr_read_day_warning() of @p day (a string), @p unmet (0 no participants, 1 no trainer) and
 * the day's @p undistributed pot (a double, whole): the sentence. */
SEXP yr_r_day_warning(SEXP day, SEXP unmet, SEXP undistributed);

#endif
