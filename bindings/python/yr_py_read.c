/*
 * yr_py_read.c: the reader (yrkesresa/read.h) for Python: the C half of yrkesresa.read_table()
 * and of the frame checks of split_frame() (bindings/python/yrkesresa/_read.py builds the
 * DataFrame). It hands over what the reader decided (roles, kinds, rows and their kinds and
 * lines, values as exact fractions, identities, spans, the reading line) and the reader's error
 * as it is; it decides nothing itself.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdlib.h>
#include <string.h>

#include "yr_py_read.h"
#include "yrkesresa/identity.h"
#include "yr_read_glue.h"

/* A new reference to None (Py_NewRef needs Python 3.10; the package supports 3.9). */
static PyObject *new_none(void)
{
    Py_INCREF(Py_None);
    return Py_None;
}

/* (status name, line, other_line, column or None, cell_ref, message): the reader's error. */
static PyObject *error_tuple(yr_read_status st, const yr_read_error *err)
{
    PyObject *col = err->column == YR_READ_NONE ? new_none() : PyLong_FromSize_t(err->column);
    return Py_BuildValue("(sinnNss)", yr_read_status_name(st), (int)st, (Py_ssize_t)err->line,
                         (Py_ssize_t)err->other_line, col, err->cell_ref, err->message);
}

static PyObject *option_error(const char *fmt, const char *what)
{
    yr_read_error err;
    memset(&err, 0, sizeof err);
    err.column = YR_READ_NONE;
    snprintf(err.message, sizeof err.message, fmt, what);
    return error_tuple(YR_READ_ERR_OPTION, &err);
}

/* A list of str as UTF-8 pointers (valid while the list lives); -1 with an exception set. */
static Py_ssize_t utf8_list(PyObject *list, const char **out, Py_ssize_t cap)
{
    Py_ssize_t n = list == NULL || list == Py_None ? 0 : PyList_Size(list);
    if (n < 0 || n > cap) {
        if (n > cap)
            PyErr_SetString(PyExc_ValueError, "too many entries");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if ((out[i] = PyUnicode_AsUTF8(PyList_GET_ITEM(list, i))) == NULL)
            return -1;
    return n;
}

/* Options from the dict of _read.py; NULL (and *error set when the options are refused) else. */
static int fill_options(PyObject *o, yr_read_options *opt, yr_read_want *want, const char **cols,
                        PyObject **error)
{
    const char *specs[YR_GLUE_MAX_WANT];
    PyObject *v;
    char msg[320];
    Py_ssize_t n;

    yr_read_options_init(opt);
    if ((v = PyDict_GetItemString(o, "sheet")) != NULL && v != Py_None &&
        (opt->sheet = PyUnicode_AsUTF8(v)) == NULL)
        return -1;
    if ((v = PyDict_GetItemString(o, "header_row")) != NULL && v != Py_None)
        opt->header_row = PyLong_AsSize_t(v);
    if ((v = PyDict_GetItemString(o, "year")) != NULL && v != Py_None)
        opt->year = (int)PyLong_AsLong(v);
    if ((v = PyDict_GetItemString(o, "other_parties")) != NULL)
        opt->other_parties = PyObject_IsTrue(v);
    if (PyErr_Occurred())
        return -1;
    v = PyDict_GetItemString(o, "totals");
    if (yr_glue_totals(v != NULL && v != Py_None ? PyUnicode_AsUTF8(v) : NULL, &opt->totals) < 0) {
        *error = option_error("totals must be 'check', 'ignore' or 'no_guess'%s", "");
        return 0;
    }
    if ((n = utf8_list(PyDict_GetItemString(o, "columns"), cols, YR_GLUE_MAX_WANT)) < 0)
        return -1;
    opt->columns = cols;
    opt->ncolumns = (size_t)n;
    if ((n = utf8_list(PyDict_GetItemString(o, "want"), specs, YR_GLUE_MAX_WANT)) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < n; i++)
        if (yr_glue_want(specs[i], &want[i], msg, sizeof msg) < 0) {
            *error = option_error("%s", msg);
            return 0;
        }
    opt->want = want;
    opt->nwant = (size_t)n;
    return 0;
}

static PyObject *cell_str(const yr_table *t, size_t row, size_t col)
{
    size_t len = 0;
    const char *s = yr_table_cell(t, row, col, &len);
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "replace");
}

/* Column @p col over all rows: (num, den) or None (blank) when the reader reads it as a value,
 * else the cells as written; *valued says which. */
static PyObject *column_list(const yr_table *t, size_t col, int *valued)
{
    size_t nrows = yr_table_nrows(t);
    yr_value v;
    PyObject *list = PyList_New((Py_ssize_t)nrows);
    *valued = nrows > 0 && yr_table_column_role(t, col) != YR_ROLE_NONE &&
              yr_table_value(t, 0, col, &v) == YR_READ_OK;
    for (size_t r = 0; list != NULL && r < nrows; r++) {
        PyObject *item;
        if (!*valued)
            item = cell_str(t, r, col);
        else if (yr_table_value(t, r, col, &v) != YR_READ_OK || !v.present)
            item = new_none();
        else
            item = Py_BuildValue("(LL)", (long long)v.num, (long long)v.den);
        if (item == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)r, item);
    }
    return list;
}

/* Set d[key] = value, stealing value; -1 on error. */
static int put(PyObject *d, const char *key, PyObject *value)
{
    int rc = value != NULL ? PyDict_SetItemString(d, key, value) : -1;
    Py_XDECREF(value);
    return rc;
}

static PyObject *columns_of(const yr_table *t, PyObject *d)
{
    size_t ncols = yr_table_ncols(t);
    PyObject *header = PyList_New((Py_ssize_t)ncols), *roles = PyList_New((Py_ssize_t)ncols);
    PyObject *kinds = PyList_New((Py_ssize_t)ncols), *cols = PyList_New((Py_ssize_t)ncols);
    PyObject *valued = PyList_New((Py_ssize_t)ncols), *units = PyList_New((Py_ssize_t)ncols);
    int ok = header && roles && kinds && cols && valued && units;
    for (size_t c = 0; ok && c < ncols; c++) {
        yr_read_role role = yr_table_column_role(t, c);
        int is_valued = 0, exp10 = 0;
        yr_read_error e;
        PyList_SET_ITEM(units, (Py_ssize_t)c,
                        yr_table_column_unit(t, c, &exp10, &e) == YR_READ_OK
                            ? PyLong_FromLong(exp10)
                            : new_none());
        PyObject *values = column_list(t, c, &is_valued);
        ok = values != NULL;
        PyList_SET_ITEM(header, (Py_ssize_t)c, PyUnicode_FromString(yr_table_header(t, c)));
        PyList_SET_ITEM(roles, (Py_ssize_t)c, PyUnicode_FromString(yr_role_name(role)));
        PyList_SET_ITEM(kinds, (Py_ssize_t)c,
                        PyUnicode_FromString(yr_glue_kind_name(yr_role_kind(role))));
        PyList_SET_ITEM(cols, (Py_ssize_t)c, values);
        PyList_SET_ITEM(valued, (Py_ssize_t)c, PyBool_FromLong(is_valued));
    }
    if (!ok) {
        Py_XDECREF(header), Py_XDECREF(roles), Py_XDECREF(kinds), Py_XDECREF(cols);
        Py_XDECREF(valued), Py_XDECREF(units);
        return NULL;
    }
    if (put(d, "header", header) < 0 || put(d, "roles", roles) < 0 ||
        put(d, "column_kinds", kinds) < 0 || put(d, "columns", cols) < 0 ||
        put(d, "valued", valued) < 0 || put(d, "units", units) < 0)
        return NULL;
    return d;
}

static PyObject *rows_of(const yr_table *t, PyObject *d)
{
    size_t nrows = yr_table_nrows(t);
    PyObject *kinds = PyList_New((Py_ssize_t)nrows), *lines = PyList_New((Py_ssize_t)nrows);
    PyObject *codes = PyList_New((Py_ssize_t)nrows), *places = PyList_New((Py_ssize_t)nrows);
    int ok = kinds && lines && codes && places;
    for (size_t r = 0; ok && r < nrows; r++) {
        yr_identity id;
        int known = yr_table_identity(t, r, &id) == YR_READ_OK;
        PyList_SET_ITEM(kinds, (Py_ssize_t)r,
                        PyUnicode_FromString(yr_row_kind_name(yr_table_row_kind(t, r))));
        PyList_SET_ITEM(lines, (Py_ssize_t)r, PyLong_FromSize_t(yr_table_row_line(t, r)));
        PyList_SET_ITEM(codes, (Py_ssize_t)r, known ? PyLong_FromLong(id.code) : new_none());
        PyList_SET_ITEM(places, (Py_ssize_t)r,
                        known ? PyUnicode_FromString(yr_glue_place_name(id.place)) : new_none());
    }
    if (!ok) {
        Py_XDECREF(kinds), Py_XDECREF(lines), Py_XDECREF(codes), Py_XDECREF(places);
        return NULL;
    }
    if (put(d, "row_kinds", kinds) < 0 || put(d, "lines", lines) < 0 ||
        put(d, "codes", codes) < 0 || put(d, "places", places) < 0)
        return NULL;
    return d;
}

static PyObject *spans_of(const yr_table *t)
{
    size_t n = yr_table_spans(t, NULL, 0);
    yr_span *spans = calloc(n ? n : 1, sizeof *spans);
    PyObject *list = spans != NULL ? PyList_New((Py_ssize_t)n) : PyErr_NoMemory();
    if (list != NULL)
        yr_table_spans(t, spans, n);
    for (size_t i = 0; list != NULL && i < n; i++)
        PyList_SET_ITEM(list, (Py_ssize_t)i,
                        Py_BuildValue("(snn)", yr_glue_span_name(spans[i].kind),
                                      (Py_ssize_t)spans[i].first, (Py_ssize_t)spans[i].last));
    free(spans);
    return list;
}

/* Every aggregate check of every valued column: (column, line, kind, checked, stated num, sum
 * num, den). */
static PyObject *checks_of(const yr_table *t)
{
    PyObject *list = PyList_New(0);
    for (size_t c = 0; list != NULL && c < yr_table_ncols(t); c++) {
        size_t n = yr_table_aggregate_checks(t, c, NULL, 0);
        yr_aggregate_check *chk = calloc(n ? n : 1, sizeof *chk);
        if (chk == NULL) {
            Py_CLEAR(list);
            return PyErr_NoMemory();
        }
        yr_table_aggregate_checks(t, c, chk, n);
        for (size_t i = 0; list != NULL && i < n; i++) {
            PyObject *item = Py_BuildValue(
                "(nnsiLLL)", (Py_ssize_t)c, (Py_ssize_t)yr_table_row_line(t, chk[i].row),
                yr_row_kind_name(chk[i].kind), chk[i].checked, (long long)chk[i].stated,
                (long long)chk[i].sum, (long long)chk[i].den);
            if (item == NULL || PyList_Append(list, item) < 0)
                Py_CLEAR(list);
            Py_XDECREF(item);
        }
        free(chk);
    }
    return list;
}

static PyObject *format_of(const yr_table *t)
{
    const yr_read_format *f = yr_table_format(t);
    char delim[2] = {f->delimiter, 0}, mark[2] = {f->decimal_mark, 0};
    return Py_BuildValue("{s:s,s:s,s:O,s:s,s:s,s:s,s:z}", "format", f->format, "encoding",
                         f->encoding, "bom", f->bom ? Py_True : Py_False, "delimiter", delim,
                         "decimal_mark", mark, "eol", f->eol, "sheet", f->sheet);
}

static PyObject *table_dict(const yr_table *t)
{
    PyObject *d = PyDict_New();
    char *en = yr_glue_reading(t, "en"), *sv = yr_glue_reading(t, "sv");
    if (d == NULL || en == NULL || sv == NULL || columns_of(t, d) == NULL ||
        rows_of(t, d) == NULL || put(d, "reading", PyUnicode_FromString(en)) < 0 ||
        put(d, "reading_sv", PyUnicode_FromString(sv)) < 0 || put(d, "spans", spans_of(t)) < 0 ||
        put(d, "checks", checks_of(t)) < 0 || put(d, "format", format_of(t)) < 0) {
        Py_CLEAR(d);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
    }
    free(en);
    free(sv);
    return d;
}

PyObject *yr_py_read_table(PyObject *data, PyObject *options)
{
    yr_read_options opt;
    yr_read_want want[YR_GLUE_MAX_WANT];
    const char *cols[YR_GLUE_MAX_WANT];
    PyObject *refused = NULL, *result;
    yr_read_error err;
    yr_table *t = NULL;
    yr_read_status st;
    Py_buffer buf;

    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError, "options must be a dict");
        return NULL;
    }
    if (fill_options(options, &opt, want, cols, &refused) < 0)
        return NULL;
    if (refused != NULL)
        return refused;
    if (PyObject_GetBuffer(data, &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS st = yr_read_table(buf.buf, (size_t)buf.len, &opt, &t, &err);
    Py_END_ALLOW_THREADS PyBuffer_Release(&buf);
    if (st != YR_READ_OK)
        return error_tuple(st, &err);
    result = table_dict(t);
    yr_table_free(t);
    return result;
}

PyObject *yr_py_read_classify(PyObject *labels, PyObject *columns, PyObject *options)
{
    Py_ssize_t n = PyList_Size(labels), ncols = PyList_Size(columns);
    const char **lab = calloc(n > 0 ? (size_t)n : 1, sizeof *lab);
    int64_t *vals = calloc(n * ncols > 0 ? (size_t)(n * ncols) : 1, sizeof *vals);
    const int64_t **cols = calloc(ncols > 0 ? (size_t)ncols : 1, sizeof *cols);
    yr_row_kind *kinds = calloc(n > 0 ? (size_t)n : 1, sizeof *kinds);
    PyObject *result = NULL, *v = PyDict_GetItemString(options, "totals");
    yr_totals totals = YR_TOTALS_CHECK;
    yr_read_error err;
    yr_read_status st;

    if (n < 0 || ncols < 0 || lab == NULL || vals == NULL || cols == NULL || kinds == NULL) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    if (yr_glue_totals(v != NULL && v != Py_None ? PyUnicode_AsUTF8(v) : NULL, &totals) < 0) {
        result = option_error("totals must be 'check', 'ignore' or 'no_guess'%s", "");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if ((lab[i] = PyUnicode_AsUTF8(PyList_GET_ITEM(labels, i))) == NULL)
            goto done;
    for (Py_ssize_t c = 0; c < ncols; c++) {
        PyObject *col = PyList_GET_ITEM(columns, c);
        cols[c] = vals + c * n;
        for (Py_ssize_t i = 0; i < n && i < PyList_Size(col); i++) {
            vals[c * n + i] = (int64_t)PyLong_AsLongLong(PyList_GET_ITEM(col, i));
            if (PyErr_Occurred())
                goto done;
        }
    }
    v = PyDict_GetItemString(options, "other_parties");
    st = yr_read_classify(lab, (size_t)n, cols, (size_t)ncols, totals,
                          v != NULL && PyObject_IsTrue(v), kinds, &err);
    if (st != YR_READ_OK) {
        result = error_tuple(st, &err);
        goto done;
    }
    result = PyList_New(n);
    for (Py_ssize_t i = 0; result != NULL && i < n; i++)
        PyList_SET_ITEM(result, i, PyUnicode_FromString(yr_row_kind_name(kinds[i])));
done:
    free(lab);
    free(vals);
    free(cols);
    free(kinds);
    return result;
}

PyObject *yr_py_header_role(PyObject *header)
{
    const char *h = PyUnicode_AsUTF8(header);
    if (h == NULL)
        return NULL;
    if (yr_header_is_code(h))
        return PyUnicode_FromString("code");
    for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
        if (yr_role_is_header(h, (yr_read_role)r))
            return PyUnicode_FromString(yr_role_name((yr_read_role)r));
    Py_RETURN_NONE;
}

PyObject *yr_py_code_column(PyObject *header, PyObject *role)
{
    const char *h = PyUnicode_AsUTF8(header), *r = PyUnicode_AsUTF8(role);
    char msg[320];
    if (h == NULL || r == NULL)
        return NULL;
    if (yr_glue_code_column(h, r, msg, sizeof msg))
        return PyUnicode_FromString(msg);
    Py_RETURN_NONE;
}

PyObject *yr_py_labels_total(PyObject *labels)
{
    Py_ssize_t n = PyList_Size(labels);
    PyObject *result = n >= 0 ? PyList_New(n) : NULL;
    for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
        const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(labels, i));
        char msg[320];
        int total = s != NULL ? yr_glue_label_is_total(s, msg, sizeof msg) : -2;
        if (total < 0) {
            Py_DECREF(result);
            return total == -1 ? Py_BuildValue("(ns)", i + 1, msg) : NULL;
        }
        PyList_SET_ITEM(result, i, PyBool_FromLong(total));
    }
    return result;
}

/* The str items of @p list as a new array of n pointers (NULL with a Python error). */
static const char **utf8_items(PyObject *list, Py_ssize_t n)
{
    const char **out = malloc((n ? (size_t)n : 1) * sizeof *out);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++)
        if ((out[i] = PyUnicode_AsUTF8(PyList_GET_ITEM(list, i))) == NULL) {
            free(out);
            return NULL;
        }
    if (out == NULL)
        PyErr_NoMemory();
    return out;
}

PyObject *yr_py_read_groups(PyObject *groups, PyObject *header, PyObject *places)
{
    Py_ssize_t n = PyList_Size(groups);
    if (n < 0 || (places != Py_None && PyList_Size(places) != n))
        return PyErr_Occurred() ? NULL : PyErr_Format(PyExc_ValueError, "places: one per group");
    const char *h = header == Py_None ? NULL : PyUnicode_AsUTF8(header);
    const char **labels = utf8_items(groups, n);
    const char **where = places == Py_None || labels == NULL ? NULL : utf8_items(places, n);
    size_t *group = malloc((n ? (size_t)n : 1) * sizeof *group), ngroups = 0;
    PyObject *result = NULL;
    yr_read_error err;
    if (labels != NULL && (places == Py_None || where != NULL) && (header == Py_None || h) &&
        group != NULL) {
        yr_read_status st = yr_glue_groups(labels, (size_t)n, h, where, group, &ngroups, &err);
        result = st == YR_READ_OK ? PyList_New(n) : error_tuple(st, &err);
        for (Py_ssize_t i = 0; st == YR_READ_OK && result != NULL && i < n; i++)
            PyList_SET_ITEM(result, i, PyLong_FromSize_t(group[i]));
    } else if (group == NULL) {
        PyErr_NoMemory();
    }
    free(labels);
    free(where);
    free(group);
    return result;
}

PyObject *yr_py_identity_keys(PyObject *labels)
{
    Py_ssize_t n = PyList_Size(labels);
    PyObject *result = n >= 0 ? PyList_New(n) : NULL;
    char small[512], *dst = small;
    for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(labels, i), &len);
        size_t cap = 3 * (size_t)len + 64, klen = 0; /* yr_identity_key(): this suffices */
        if (s != NULL && cap > sizeof small && (dst = malloc(cap)) == NULL)
            PyErr_NoMemory();
        yr_read_error err;
        yr_read_status st = s != NULL && dst != NULL
                                ? yr_identity_key(s, (size_t)len, dst, cap, &klen, &err)
                                : YR_READ_ERR_NOMEM;
        PyObject *key =
            st == YR_READ_OK ? PyUnicode_FromStringAndSize(dst, (Py_ssize_t)klen) : NULL;
        if (dst != small)
            free(dst);
        dst = small;
        if (st != YR_READ_OK && !PyErr_Occurred()) {
            err.line = (size_t)i + 1; /* the label's position, counted from 1 */
            Py_DECREF(result);
            return error_tuple(st, &err);
        }
        if (key == NULL)
            Py_CLEAR(result);
        else
            PyList_SET_ITEM(result, i, key);
    }
    return result;
}

PyObject *yr_py_common_den(PyObject *nums, PyObject *dens)
{
    Py_ssize_t n = PyList_Size(nums);
    if (n < 0 || PyList_Size(dens) != n) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "yr_py_common_den: two lists of one length");
        return NULL;
    }
    int64_t *v = malloc(3 * (n > 0 ? (size_t)n : 1) * sizeof *v), common = 1;
    PyObject *result = NULL;
    if (v == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        v[n + i] = (int64_t)PyLong_AsLongLong(PyList_GET_ITEM(nums, i));
        v[2 * n + i] = (int64_t)PyLong_AsLongLong(PyList_GET_ITEM(dens, i));
        if (PyErr_Occurred())
            goto done;
    }
    yr_read_error err;
    yr_read_status st = yr_read_common_den(v + n, v + 2 * n, (size_t)n, v, &common, &err);
    if (st != YR_READ_OK) {
        result = error_tuple(st, &err);
        goto done;
    }
    PyObject *list = PyList_New(n);
    for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
        PyObject *x = PyLong_FromLongLong((long long)v[i]);
        if (x == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, x);
    }
    result = list != NULL ? Py_BuildValue("(NL)", list, (long long)common) : NULL;
done:
    free(v);
    return result;
}

/* The cells of list @p k of @p columns read by yr_read_day() into new str, into @p out. */
static int read_day_list(PyObject *cells, yr_day_column *col, const char *name, Py_ssize_t k,
                         PyObject *out, PyObject **refused)
{
    Py_ssize_t n = PyList_Size(cells);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(cells, i), &len);
        char small[64], *dst = (size_t)len + 16 > sizeof small ? malloc((size_t)len + 16) : small;
        size_t got = 0;
        yr_read_error err;
        if (s == NULL || dst == NULL) {
            if (dst != small)
                free(dst);
            return s == NULL ? -1 : (PyErr_NoMemory(), -1);
        }
        if (col->kind == 0)
            col->where = name; /* the line that decides the column is in this list */
        yr_read_status st =
            yr_read_day(col, s, (size_t)len, (size_t)i + 1, dst, (size_t)len + 16, &got, &err);
        PyObject *day = st == YR_READ_OK ? PyUnicode_FromStringAndSize(dst, (Py_ssize_t)got) : NULL;
        if (dst != small)
            free(dst);
        if (st != YR_READ_OK) {
            err.column = (size_t)k;
            *refused = error_tuple(st, &err);
            return -1;
        }
        if (day == NULL || PyList_Append(out, day) < 0) {
            Py_XDECREF(day);
            return -1;
        }
        Py_DECREF(day);
    }
    return 0;
}

PyObject *yr_py_read_days(PyObject *columns, PyObject *names)
{
    Py_ssize_t m = PyList_Size(columns);
    if (m < 0 || PyList_Size(names) != m) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "yr_py_read_days: one name per list");
        return NULL;
    }
    yr_day_column col;
    memset(&col, 0, sizeof col);
    PyObject *result = PyList_New(m), *refused = NULL;
    for (Py_ssize_t k = 0; result != NULL && k < m; k++) {
        const char *name = PyUnicode_AsUTF8(PyList_GET_ITEM(names, k));
        PyObject *out = name != NULL ? PyList_New(0) : NULL;
        PyObject *cells = PyList_GET_ITEM(columns, k);
        if (out == NULL || !PyList_Check(cells) ||
            read_day_list(cells, &col, name, k, out, &refused) < 0) {
            if (out != NULL && !PyList_Check(cells))
                PyErr_SetString(PyExc_TypeError, "yr_py_read_days: lists of str");
            Py_XDECREF(out);
            Py_CLEAR(result);
            return refused;
        }
        PyList_SET_ITEM(result, k, out);
    }
    return result;
}

PyObject *yr_py_day_warning(PyObject *day, PyObject *unmet, PyObject *undistributed)
{
    const char *d = PyUnicode_AsUTF8(day);
    long u = PyLong_AsLong(unmet);
    long long pot = PyLong_AsLongLong(undistributed);
    char buf[256];
    if (d == NULL || PyErr_Occurred())
        return NULL;
    yr_read_day_warning(d, u == YR_DAY_NO_TRAINER ? YR_DAY_NO_TRAINER : YR_DAY_NO_PARTICIPANTS,
                        (int64_t)pot, buf, sizeof buf);
    return PyUnicode_FromString(buf);
}

/* The str items of @p list (None and other objects: NULL) in a new array (NULL with a Python
 * error). */
static const char **utf8_or_null(PyObject *list, Py_ssize_t n)
{
    const char **out = malloc((n ? (size_t)n : 1) * sizeof *out);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyList_GET_ITEM(list, i);
        out[i] = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
        if (PyUnicode_Check(o) && out[i] == NULL) {
            free(out);
            return NULL;
        }
    }
    return out;
}

PyObject *yr_py_label_column(PyObject *headers)
{
    Py_ssize_t n = PyList_Size(headers);
    const char **h = n >= 0 ? utf8_or_null(headers, n) : NULL;
    if (h == NULL)
        return NULL;
    size_t col = yr_label_column_of(h, (size_t)n);
    free(h);
    return col == YR_READ_NONE ? new_none() : PyLong_FromSize_t(col);
}

PyObject *yr_py_checked_total_row(PyObject *labels)
{
    Py_ssize_t n = PyList_Size(labels);
    const char **l = n >= 0 ? utf8_or_null(labels, n) : NULL;
    if (l == NULL)
        return NULL;
    size_t row;
    yr_read_error err;
    yr_read_status st = yr_glue_checked_total_row(l, (size_t)n, &row, &err);
    free(l);
    if (st != YR_READ_OK)
        return error_tuple(st, &err);
    return row == YR_READ_NONE ? new_none() : PyLong_FromSize_t(row);
}

/* One file of yr_py_course_days(): its tuple's lists as C arrays (freed by course_file_free());
 * -1 with a Python error. */
static int course_file(PyObject *t, yr_glue_course_file *f, size_t **key)
{
    PyObject *where, *header, *days, *texts, *courses;
    memset(f, 0, sizeof *f);
    *key = NULL;
    if (!PyArg_ParseTuple(t, "OOOOO", &where, &header, &days, &texts, &courses))
        return -1;
    Py_ssize_t n = PyList_Size(days);
    if (n < 0 || PyList_Size(texts) != n || (courses != Py_None && PyList_Size(courses) != n)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "course days: one day, text and course a record");
        return -1;
    }
    f->n = (size_t)n;
    f->where = PyUnicode_AsUTF8(where);
    f->header = header == Py_None ? NULL : PyUnicode_AsUTF8(header);
    size_t *day = malloc((n ? (size_t)n : 1) * sizeof *day);
    *key = malloc((n ? (size_t)n : 1) * sizeof **key);
    f->day = day;
    f->text = utf8_items(texts, n);
    f->course = courses == Py_None || f->text == NULL ? NULL : utf8_items(courses, n);
    for (Py_ssize_t i = 0; day != NULL && i < n; i++)
        day[i] = PyLong_AsSize_t(PyList_GET_ITEM(days, i));
    if (day == NULL || *key == NULL)
        PyErr_NoMemory();
    return f->where == NULL || (header != Py_None && f->header == NULL) || PyErr_Occurred() ||
                   f->text == NULL || (courses != Py_None && f->course == NULL)
               ? -1
               : 0;
}

static void course_file_free(yr_glue_course_file *f, size_t *key)
{
    free((void *)f->day);
    free((void *)f->text);
    free((void *)f->course);
    free(key);
}

/* The result of yr_py_course_days(): [keys of file 0, keys of file 1, labels, courses, days]. */
static PyObject *course_result(const yr_glue_course_file f[2], size_t *const key[2],
                               const yr_course_days *cd)
{
    size_t n = yr_course_days_count(cd);
    PyObject *r = Py_BuildValue("[NNNNN]", PyList_New((Py_ssize_t)f[0].n),
                                PyList_New((Py_ssize_t)f[1].n), PyList_New((Py_ssize_t)n),
                                PyList_New((Py_ssize_t)n), PyList_New((Py_ssize_t)n));
    for (int k = 0; r != NULL && k < 2; k++)
        for (size_t i = 0; i < f[k].n; i++)
            PyList_SET_ITEM(PyList_GET_ITEM(r, k), (Py_ssize_t)i, PyLong_FromSize_t(key[k][i]));
    for (size_t d = 0; r != NULL && d < n; d++) {
        const char *course = NULL;
        size_t day = 0;
        yr_course_days_get(cd, d, &day, &course);
        PyList_SET_ITEM(PyList_GET_ITEM(r, 4), (Py_ssize_t)d, PyLong_FromSize_t(day));
        PyList_SET_ITEM(PyList_GET_ITEM(r, 2), (Py_ssize_t)d,
                        PyUnicode_FromString(yr_course_days_label(cd, d)));
        PyList_SET_ITEM(PyList_GET_ITEM(r, 3), (Py_ssize_t)d,
                        course != NULL ? PyUnicode_FromString(course) : new_none());
    }
    return r;
}

PyObject *yr_py_course_days(PyObject *att, PyObject *tr)
{
    yr_glue_course_file f[2];
    size_t *key[2] = {NULL, NULL};
    PyObject *result = NULL;
    memset(f, 0, sizeof f);
    if (course_file(att, &f[0], &key[0]) == 0 && course_file(tr, &f[1], &key[1]) == 0) {
        yr_course_days *cd = NULL;
        yr_read_error err;
        int file = 0;
        yr_read_status st = yr_glue_course_days(f, key, &cd, &file, &err);
        result = st == YR_READ_OK ? course_result(f, key, cd)
                                  : Py_BuildValue("(iN)", file, error_tuple(st, &err));
        yr_course_days_free(cd);
    }
    course_file_free(&f[0], key[0]);
    course_file_free(&f[1], key[1]);
    return result;
}
