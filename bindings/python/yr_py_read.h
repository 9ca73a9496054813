/*
 * yr_py_read.h: the reader for Python (yr_py_read.c), declared for the SWIG module too
 * (bindings/python/yrkesresa_python.i), which passes PyObject arguments and results through.
 */
#ifndef YR_PY_READ_H
#define YR_PY_READ_H

#include <Python.h>

/* Read @p data (bytes-like) with @p options (a dict: sheet, header_row, year, columns, want,
 * totals, other_parties): a dict of the table, or the reader's error as a tuple (status, line,
 * other_line, column, cell_ref, message). */
PyObject *yr_py_read_table(PyObject *data, PyObject *options);

/* yr_read_classify() of @p labels (list of str) and @p columns (list of lists of int, each as
 * long as labels) with @p options (totals, other_parties): the rows' kinds, or the error tuple. */
PyObject *yr_py_read_classify(PyObject *labels, PyObject *columns, PyObject *options);

/* The role a header names for the frame functions: "code" for a column of codes, ids or years
 * (yr_header_is_code), else the first role yr_role_is_header() finds, else None. */
PyObject *yr_py_header_role(PyObject *header);

/* The reader's refusal of column @p header as @p role when it holds codes, ids or years
 * (yr_glue_code_column), or None. */
PyObject *yr_py_code_column(PyObject *header, PyObject *role);

/* yr_glue_label_is_total() of every str in @p labels: a list of bools, or (position counted
 * from 1, the reader's message) for the first label refused ('2080 Mora'). */
PyObject *yr_py_labels_total(PyObject *labels);

/* yr_label_column_of() of @p headers (list; a non-str names nothing): the position of the
 * column that labels a frame's rows (municipality, else course, item or question), or None. */
PyObject *yr_py_label_column(PyObject *headers);

/* yr_glue_checked_total_row() of @p labels (list; a non-str is a party): the position of the
 * total row of a frame being checked, None when there is none, or the reader's error tuple
 * (two total rows; a label refused; line = position + 1). */
PyObject *yr_py_checked_total_row(PyObject *labels);

/* yr_glue_groups() of @p groups (list of str) under @p header (str or None), with the party
 * labels @p places (list of str, or None): the list of group numbers (first appearance), or the
 * reader's error tuple (line = the row's position + 1). */
PyObject *yr_py_read_groups(PyObject *groups, PyObject *header, PyObject *places);

/* yr_identity_key() of every str in @p labels: a list of the keys ('Falu kommun', 'Falun' and
 * '2080' give 'falun'), or the reader's error tuple of the first label refused (line = its
 * position + 1: `code 2080 is Falun, not 'Mora'`). */
PyObject *yr_py_identity_keys(PyObject *labels);

/* yr_glue_course_days() of a pot's two files @p att and @p tr, each a tuple (where, header or
 * None, days: list of int, texts: list of str, courses: list of str or None): a list [the
 * attendance's course days, the trainers', the course days' labels, their courses (str, or None
 * when the course is no part of the key), their days], or (file: 0 or 1, the reader's error tuple).
 */
PyObject *yr_py_course_days(PyObject *att, PyObject *tr);

/* yr_read_common_den() of the exact values nums[i] / dens[i] (lists of int): (list of the
 * values over the common denominator, the denominator), or the reader's error tuple. */
PyObject *yr_py_common_den(PyObject *nums, PyObject *dens);

/* yr_read_day() of the day cells of @p columns (a list of lists of str), read as one day column
 * in order (a pot's days list, attendance and trainers: dates and labels may not mix), list k
 * named @p names[k] in the reader's messages: lists of the days as the reader wrote them
 * (`2024-2-6`, `45328` and `2024-02-06 00:00:00` give '2024-02-06'; a label trimmed), or the
 * reader's error tuple of the first cell refused with column = k and line = its position + 1. */
PyObject *yr_py_read_days(PyObject *columns, PyObject *names);

/* yr_read_day_warning() of @p day (str) and @p unmet (int: 0 no participants, 1 no trainer)
 * with the day's @p undistributed pot (int): the sentence. */
PyObject *yr_py_day_warning(PyObject *day, PyObject *unmet, PyObject *undistributed);

#endif
