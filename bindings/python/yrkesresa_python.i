/* bindings/python/yrkesresa_python.i: the Python block of bindings/yrkesresa.i.
 *
 * It turns the C signatures of the public headers into Python calls of the private module
 * yrkesresa._core, which the package yrkesresa (bindings/python/yrkesresa/) wraps:
 *
 *  - Input arrays ("const int64_t *weights, size_t n" and the like) take a numpy array or any
 *    sequence of ints; the length argument disappears. Where C takes two arrays of one length
 *    (weights and published, registered and attended, row and col) or records (pot attendance
 *    and trainers), the Python argument is ONE sequence of columns, e.g. (row, col). Policy for
 *    each array or column (see yr_py_array below):
 *      * an ndarray of exactly the C type (int64, or uint32 for category indices), native byte
 *        order, aligned and C-contiguous reaches C as is: C reads the caller's memory, no copy;
 *      * any other integer array (other width or signedness, byte-swapped, strided, Fortran
 *        order) and any sequence of Python ints is converted ONCE into a new C-contiguous array,
 *        every value checked: one that does not fit raises (OverflowError for amounts and counts,
 *        yrkesresa.Error YR_ERR_RANGE for indices), never wraps;
 *      * whole floats of at most 2^53 are their integers (float arrays, float items, pandas'
 *        columns with an empty cell); a fraction, NaN, an infinity or a larger float is a
 *        ValueError, bools (also in a list: numpy would read them as 0/1), strings and other
 *        objects a TypeError; never truncated. These refusals carry .arg, .position and
 *        .reason, which the Python layer words for the user (yr_py_refuse).
 *    Pot records are then copied once into the array of structs C reads (O(n)).
 *  - Output arrays ("int64_t *out" and the like) disappear from the Python signature: the
 *    wrapper allocates a numpy array (or a C buffer for structs) of the size the C function will
 *    write, from the size arguments, and returns it. C writes straight into the numpy array.
 *  - Scalar outputs (double *low, yr_goal *verdict, ...) and struct outputs (yr_audit_summary
 *    *summary, ...) are returned too: several outputs come back as a list, in argument order.
 *  - int64_t and size_t scalars accept anything with __index__, whole floats (as above) and
 *    0-d arrays of either, double scalars anything with __float__ (so numpy scalars too); an
 *    int that does not fit raises OverflowError (yrkesresa.Overflow).
 *  - A status other than YR_OK raises (the mapping in bindings/yrkesresa.i calls yr_py_raise).
 *
 * Output sizes: the size parameters (size_t n, nrows, ...) are given fixed-name aliases by the
 * arginit typemaps below (yr_dim_<name>); the output typemaps read them in their check typemap,
 * which SWIG runs after every input conversion. A function whose output has no such size
 * parameter would not compile, which is the point.
 */

%{
/* The module's init function, exported; declared for -Wmissing-prototypes. */
SWIGEXPORT PyObject *SWIG_init(void);

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <numpy/arrayobject.h>

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A size_t location as Python: None for YR_WHERE_NONE. */
static PyObject *yr_py_location(size_t value)
{
    if (value == (size_t)-1) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSize_t(value);
}

/* Raise the Python exception for @p status (never YR_OK): an instance of yrkesresa.Error (a
 * ValueError), of yrkesresa.Overflow (also an OverflowError) for YR_ERR_OVERFLOW or of
 * yrkesresa.OutOfMemory (also a MemoryError) for YR_ERR_NOMEM, carrying the message, the status
 * name and code, the C function, where the C library says the error is and why (@p where: a
 * yr_where, or NULL; record/column/arg None when the core does not know) . The message is the
 * library's sentence (yr_where_message) when @p where explains @p status; else the binding's own
 * @p detail (a str: what the binding itself refused, e.g. an index that does not fit); else
 * yr_strerror(). The classes live in yrkesresa/_errors.py. */
static void yr_py_raise_at(yr_status status, const char *function, PyObject *detail,
                           const yr_where *where)
{
    const char *cls_name = "Error";
    PyObject *module, *cls, *exc, *message;
    yr_where none;
    char sentence[512];

    memset(&none, 0, sizeof none);
    none.record = none.column = (size_t)-1;
    if (where == NULL || where->status != status) {
        where = &none;
    }
    if (status == YR_ERR_OVERFLOW) {
        cls_name = "Overflow";
    } else if (status == YR_ERR_NOMEM) {
        cls_name = "OutOfMemory";
    }
    module = PyImport_ImportModule("yrkesresa._errors");
    if (module == NULL) {
        return;
    }
    cls = PyObject_GetAttrString(module, cls_name);
    Py_DECREF(module);
    if (cls == NULL) {
        return;
    }
    if (where != &none) {
        yr_where_message(where, 0, NULL, sentence, sizeof sentence); /* valid UTF-8 */
        message = PyUnicode_FromString(sentence);
    } else if (detail != NULL) {
        Py_INCREF(detail);
        message = detail;
    } else {
        message = PyUnicode_FromString(yr_strerror(status));
    }
    if (message == NULL) {
        Py_DECREF(cls);
        return;
    }
    exc = PyObject_CallFunction(cls, "NsisONNzOs", message, yr_status_name(status), (int)status,
                                function, Py_None, yr_py_location(where->record),
                                yr_py_location(where->column), where->arg, Py_None,
                                yr_reason_name(where->reason));
    if (exc != NULL) {
        PyErr_SetObject(cls, exc);
        Py_DECREF(exc);
    }
    Py_DECREF(cls);
}

static void yr_py_raise(yr_status status, const char *function, PyObject *detail)
{
    yr_py_raise_at(status, function, detail, NULL);
}

/* The wrappers of the functions with a `yr_where *where` parameter declare their own
 * yr_py_where (pointing at what the core wrote) and yr_py_nogil (1) in the arginit typemap of
 * that parameter, below; every other wrapper sees these. So the status mapping and the release of
 * the GIL follow the parameter, as every other typemap here does, with no list of functions.
 * (Generated code: the shadowing is the point, -Wshadow is off for it.) */
#pragma GCC diagnostic ignored "-Wshadow"
static yr_where *const yr_py_where = NULL;
static const int yr_py_nogil = 0;

#define YR_SWIG_RAISE(status, function) yr_py_raise_at((status), (function), NULL, yr_py_where)

/* Raise @p status with a formatted detail. */
static void yr_py_raise_detail(yr_status status, const char *function, const char *format, ...)
{
    PyObject *detail;
    va_list args;

    va_start(args, format);
    detail = PyUnicode_FromFormatV(format, args);
    va_end(args);
    if (detail == NULL) {
        return;
    }
    yr_py_raise(status, function, detail);
    Py_DECREF(detail);
}

/* Refuse an argument, or element @p position of one (None: the argument itself; an int, or a
 * (row, column) tuple for a table), with @p type (TypeError for the wrong kind of value,
 * ValueError for a wrong value): "FUNCTION: WHAT[POSITION] REASON". The exception carries
 * .arg, .position and .reason, so that the Python layer can name the function the user called
 * and the element's label (yrkesresa/_convert.py, call_located). Steals @p position. */
static void yr_py_refuse(PyObject *type, const char *function, const char *what,
                         PyObject *position, PyObject *reason)
{
    PyObject *exc = NULL, *where;

    if (position == NULL || reason == NULL) {
        Py_XDECREF(position);
        return;
    }
    if (position == Py_None) {
        where = PyUnicode_FromString(what);
    } else if (PyTuple_Check(position)) {
        where = PyUnicode_FromFormat("%s[%S, %S]", what, PyTuple_GET_ITEM(position, 0),
                                     PyTuple_GET_ITEM(position, 1));
    } else {
        where = PyUnicode_FromFormat("%s[%S]", what, position);
    }
    if (where != NULL) {
        exc = PyObject_CallFunction(type, "N", PyUnicode_FromFormat("%s: %U %U", function, where,
                                                                    reason));
        Py_DECREF(where);
    }
    if (exc != NULL && PyObject_SetAttrString(exc, "arg", PyUnicode_FromString(what)) == 0 &&
        PyObject_SetAttrString(exc, "position", position) == 0 &&
        PyObject_SetAttrString(exc, "reason", reason) == 0) {
        PyErr_SetObject(type, exc);
    }
    Py_XDECREF(exc);
    Py_DECREF(position);
}

/* The position of element @p i of @p array for messages: i, or (row, column) for a table. */
static PyObject *yr_py_position(PyArrayObject *array, npy_intp i)
{
    if (array != NULL && PyArray_NDIM(array) == 2 && PyArray_DIM(array, 1) > 0) {
        return Py_BuildValue("(nn)", (Py_ssize_t)(i / PyArray_DIM(array, 1)),
                             (Py_ssize_t)(i % PyArray_DIM(array, 1)));
    }
    return PyLong_FromSsize_t((Py_ssize_t)i);
}

/* A float where a whole number goes: exact when it is one of at most 2^53 in magnitude (every
 * such integer is exactly a double, and no other double stands for it), as R reads its numbers
 * (bindings/r/src/yr_r_glue.c). Else a ValueError saying what it is (NaN, infinite, a
 * fraction, too large to be exact). Steals @p position. */
static int yr_py_whole(double value, int64_t *out, const char *what, const char *function,
                       PyObject *position)
{
    PyObject *number, *reason;

    if (fabs(value) <= 9007199254740992.0 && value == trunc(value)) { /* false for NaN */
        *out = (int64_t)value;
        Py_XDECREF(position);
        return 0;
    }
    number = PyFloat_FromDouble(value);
    if (number == NULL) {
        Py_XDECREF(position);
        return -1;
    }
    if (isnan(value)) {
        reason = PyUnicode_FromString("is NaN (missing): drop or fill it first");
    } else if (isinf(value) || value != trunc(value)) {
        reason = PyUnicode_FromFormat("is %R, not a whole number", number);
    } else {
        reason = PyUnicode_FromFormat("is %R, beyond 2**53: a float that large is not an exact "
                                      "whole number (give an int)", number);
    }
    Py_DECREF(number);
    yr_py_refuse(PyExc_ValueError, function, what, position, reason);
    Py_XDECREF(reason);
    return -1;
}

/* A value that is not a number where a whole number goes: a bool, None, pandas' NA, a str. */
static void yr_py_not_number(PyObject *obj, const char *what, const char *function,
                             PyObject *position)
{
    PyObject *reason;

    if (obj == Py_None || strcmp(Py_TYPE(obj)->tp_name, "NAType") == 0) {
        reason = PyUnicode_FromFormat("is %R (missing): drop or fill it first", obj);
        yr_py_refuse(PyExc_ValueError, function, what, position, reason);
    } else if (PyBool_Check(obj) || PyArray_IsScalar(obj, Bool)) {
        reason = PyUnicode_FromFormat("is %R, a bool, not an integer", obj);
        yr_py_refuse(PyExc_TypeError, function, what, position, reason);
    } else if (PyArray_Check(obj)) {
        reason = PyUnicode_FromFormat("must be one integer, not an array of %zd values",
                                      (Py_ssize_t)PyArray_SIZE((PyArrayObject *)obj));
        yr_py_refuse(PyExc_TypeError, function, what, position, reason);
    } else {
        reason = PyUnicode_FromFormat("must be an integer, not %.100s", Py_TYPE(obj)->tp_name);
        yr_py_refuse(PyExc_TypeError, function, what, position, reason);
    }
    Py_XDECREF(reason);
}

/* A Python integer (anything with __index__), a whole float (yr_py_whole) or a 0-d array of
 * either as int64_t; bools are refused. @p position: as for yr_py_refuse (stolen). */
static int yr_py_int64_at(PyObject *obj, int64_t *out, const char *what, const char *function,
                          PyObject *position)
{
    PyObject *index;
    long long value;
    int overflow = 0;

    if (PyArray_Check(obj) && PyArray_NDIM((PyArrayObject *)obj) == 0) { /* a scalar */
        PyObject *item = PyArray_GETITEM((PyArrayObject *)obj,
                                         PyArray_DATA((PyArrayObject *)obj));
        int rc = item != NULL ? yr_py_int64_at(item, out, what, function, position) : -1;
        Py_XDECREF(item);
        return rc;
    }
    if (PyFloat_Check(obj) || PyArray_IsScalar(obj, Floating)) {
        double v = PyFloat_AsDouble(obj);
        if (v == -1.0 && PyErr_Occurred()) {
            Py_XDECREF(position);
            return -1;
        }
        return yr_py_whole(v, out, what, function, position);
    }
    if (!PyIndex_Check(obj) || PyBool_Check(obj) || PyArray_IsScalar(obj, Bool) ||
        PyArray_Check(obj)) {
        yr_py_not_number(obj, what, function, position);
        return -1;
    }
    Py_XDECREF(position);
    index = PyNumber_Index(obj);
    if (index == NULL) {
        return -1;
    }
    value = PyLong_AsLongLongAndOverflow(index, &overflow);
    if (overflow != 0) {
        yr_py_raise_detail(YR_ERR_OVERFLOW, function, "%s = %S does not fit a 64-bit integer",
                           what, index);
        Py_DECREF(index);
        return -1;
    }
    Py_DECREF(index);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = (int64_t)value;
    return 0;
}

/* A scalar argument as int64_t (yr_py_int64_at). */
static int yr_py_int64(PyObject *obj, int64_t *out, const char *what, const char *function)
{
    Py_INCREF(Py_None);
    return yr_py_int64_at(obj, out, what, function, Py_None);
}

/* A Python integer as size_t: negative is YR_ERR_RANGE, too large YR_ERR_OVERFLOW. */
static int yr_py_size(PyObject *obj, size_t *out, const char *what, const char *function)
{
    int64_t value;

    if (yr_py_int64(obj, &value, what, function) < 0) {
        return -1;
    }
    if (value < 0) {
        yr_py_raise_detail(YR_ERR_RANGE, function, "%s = %lld is negative", what,
                           (long long)value);
        return -1;
    }
    if ((uint64_t)value > (uint64_t)SIZE_MAX || (uint64_t)value > (uint64_t)NPY_MAX_INTP) {
        yr_py_raise_detail(YR_ERR_OVERFLOW, function, "%s = %lld is too large", what,
                           (long long)value);
        return -1;
    }
    *out = (size_t)value;
    return 0;
}

/* The name of a target type, for messages. */
static const char *yr_py_type_name(int typenum)
{
    switch (typenum) {
    case NPY_INT64:
        return "a 64-bit signed integer";
    case NPY_UINT32:
        return "a 32-bit unsigned integer";
    default:
        return "a non-negative index";
    }
}

/* Store one integer (negative flag + magnitude, or the signed value) into element i of a new
 * array of @p typenum, checking its range. */
static int yr_py_store(void *data, npy_intp i, int typenum, int64_t svalue, uint64_t uvalue,
                       int is_unsigned, yr_status out_of_range, const char *what,
                       const char *function)
{
    int negative = !is_unsigned && svalue < 0;
    uint64_t magnitude = is_unsigned ? uvalue : (uint64_t)svalue;
    int fits;

    switch (typenum) {
    case NPY_INT64:
        fits = negative || magnitude <= (uint64_t)INT64_MAX;
        if (fits) {
            ((int64_t *)data)[i] = is_unsigned ? (int64_t)uvalue : svalue;
        }
        break;
    case NPY_UINT32:
        fits = !negative && magnitude <= (uint64_t)UINT32_MAX;
        if (fits) {
            ((uint32_t *)data)[i] = (uint32_t)magnitude;
        }
        break;
    default: /* NPY_UINTP: size_t */
        fits = !negative && magnitude <= (uint64_t)SIZE_MAX;
        if (fits) {
            ((size_t *)data)[i] = (size_t)magnitude;
        }
        break;
    }
    if (!fits) {
        if (is_unsigned) {
            yr_py_raise_detail(out_of_range, function, "%s[%zd] = %llu does not fit %s", what,
                               (Py_ssize_t)i, (unsigned long long)uvalue,
                               yr_py_type_name(typenum));
        } else {
            yr_py_raise_detail(out_of_range, function, "%s[%zd] = %lld does not fit %s", what,
                               (Py_ssize_t)i, (long long)svalue, yr_py_type_name(typenum));
        }
        return -1;
    }
    return 0;
}

/*
 * The array conversion policy (see the top of this file): returns a new reference to an
 * aligned, native, C-contiguous array of @p typenum with @p ndim dimensions holding the values
 * of @p obj (the very same array when @p obj already is one), or NULL with an exception set.
 * @p out_of_range: the status raised for a value that does not fit the C type.
 */
static PyArrayObject *yr_py_array(PyObject *obj, int typenum, int ndim, yr_status out_of_range,
                                  const char *what, const char *function)
{
    PyArrayObject *src, *wide = NULL, *dst = NULL;
    PyArray_Descr *target;
    npy_intp i, size;
    char kind;

    if (PyArray_Check(obj)) {
        Py_INCREF(obj);
        src = (PyArrayObject *)obj;
    } else {
        if (PyList_Check(obj) || PyTuple_Check(obj)) {
            /* numpy would read [True, 2] as integers: a bool is refused, not taken as 0 or 1 */
            Py_ssize_t n = PySequence_Fast_GET_SIZE(obj);
            PyObject **items = PySequence_Fast_ITEMS(obj);
            for (i = 0; i < n; i++) {
                if (PyBool_Check(items[i]) || PyArray_IsScalar(items[i], Bool)) {
                    yr_py_not_number(items[i], what, function, PyLong_FromSsize_t(i));
                    return NULL;
                }
            }
        }
        src = (PyArrayObject *)PyArray_FROM_O(obj);
        if (src == NULL) {
            return NULL;
        }
        kind = PyArray_DESCR(src)->kind;
        if (kind != 'i' && kind != 'u' && kind != 'O' && PyArray_SIZE(src) > 0) {
            /* A sequence numpy did not read as integers (floats, or ints beyond int64 that numpy
             * turns into float64): read it item by item, which is exact and names the culprit. */
            Py_DECREF(src);
            src = (PyArrayObject *)PyArray_FROMANY(obj, NPY_OBJECT, 0, 0, 0);
            if (src == NULL) {
                return NULL;
            }
        }
    }
    if (PyArray_NDIM(src) != ndim) {
        if (PyArray_NDIM(src) == 0) {
            PyErr_Format(PyExc_TypeError,
                         "%s: %s must be a sequence or array of integers, not %.100s", function,
                         what, Py_TYPE(obj)->tp_name);
        } else {
            PyErr_Format(PyExc_ValueError,
                         "%s: %s must have %d dimension(s), this one has %d", function, what,
                         ndim, PyArray_NDIM(src));
        }
        goto fail;
    }
    size = PyArray_SIZE(src);
    kind = PyArray_DESCR(src)->kind;
    target = PyArray_DescrFromType(typenum);
    if (target == NULL) {
        goto fail;
    }
    if (kind != 'i' && kind != 'u' && kind != 'O' && kind != 'f' && size > 0) {
        Py_DECREF(target);
        PyErr_Format(PyExc_TypeError, "%s: %s must hold integers, not %S values", function, what,
                     (PyObject *)PyArray_DESCR(src));
        goto fail;
    }
    /* The zero-copy path. */
    if ((kind == 'i' || kind == 'u') && PyArray_EquivTypes(PyArray_DESCR(src), target) &&
        PyArray_ISCARRAY_RO(src) && PyArray_ISNOTSWAPPED(src)) {
        Py_DECREF(target);
        return src;
    }
    /* The conversion: once, into a new array, every value checked. */
    dst = (PyArrayObject *)PyArray_Zeros(ndim, PyArray_DIMS(src), target, 0); /* steals target */
    if (dst == NULL) {
        goto fail;
    }
    if (size == 0) {
        Py_DECREF(src);
        return dst;
    }
    if (kind == 'f') {
        /* Whole floats (pandas' columns with an empty cell, Excel's numbers): exact, checked. */
        wide = (PyArrayObject *)PyArray_FROMANY((PyObject *)src, NPY_DOUBLE, 0, 0,
                                                NPY_ARRAY_IN_ARRAY);
        if (wide == NULL) {
            goto fail;
        }
        for (i = 0; i < size; i++) {
            int64_t value;
            if (yr_py_whole(((const double *)PyArray_DATA(wide))[i], &value, what, function,
                            yr_py_position(src, i)) < 0 ||
                yr_py_store(PyArray_DATA(dst), i, typenum, value, 0, 0, out_of_range, what,
                            function) < 0) {
                goto fail;
            }
        }
    } else if (kind == 'O') {
        wide = (PyArrayObject *)PyArray_FROMANY((PyObject *)src, NPY_OBJECT, 0, 0,
                                                NPY_ARRAY_IN_ARRAY);
        if (wide == NULL) {
            goto fail;
        }
        for (i = 0; i < size; i++) {
            PyObject *item = ((PyObject **)PyArray_DATA(wide))[i];
            PyObject *index;
            long long value;
            int overflow = 0;
            if (PyFloat_Check(item) || PyArray_IsScalar(item, Floating)) {
                int64_t whole;
                if (yr_py_int64_at(item, &whole, what, function, yr_py_position(src, i)) < 0 ||
                    yr_py_store(PyArray_DATA(dst), i, typenum, whole, 0, 0, out_of_range, what,
                                function) < 0) {
                    goto fail;
                }
                continue;
            }
            if (!PyIndex_Check(item) || PyBool_Check(item) || PyArray_IsScalar(item, Bool)) {
                yr_py_not_number(item, what, function, yr_py_position(src, i));
                goto fail;
            }
            index = PyNumber_Index(item);
            if (index == NULL) {
                goto fail;
            }
            value = PyLong_AsLongLongAndOverflow(index, &overflow);
            if (overflow != 0) {
                yr_py_raise_detail(out_of_range, function, "%s[%zd] = %S does not fit %s", what,
                                   (Py_ssize_t)i, index, yr_py_type_name(typenum));
                Py_DECREF(index);
                goto fail;
            }
            Py_DECREF(index);
            if (value == -1 && PyErr_Occurred()) {
                goto fail;
            }
            if (yr_py_store(PyArray_DATA(dst), i, typenum, (int64_t)value, 0, 0, out_of_range,
                            what, function) < 0) {
                goto fail;
            }
        }
    } else {
        /* Widen without loss (a safe cast: copies only what is not already 64-bit, native and
         * contiguous), then narrow into dst with a range check. */
        int is_unsigned = kind == 'u';
        wide = (PyArrayObject *)PyArray_FROMANY((PyObject *)src,
                                                is_unsigned ? NPY_UINT64 : NPY_INT64, 0, 0,
                                                NPY_ARRAY_IN_ARRAY);
        if (wide == NULL) {
            goto fail;
        }
        if (typenum == NPY_INT64 && !is_unsigned) {
            /* The widening was the conversion. */
            Py_DECREF(dst);
            Py_DECREF(src);
            return wide;
        }
        for (i = 0; i < size; i++) {
            int64_t s = is_unsigned ? 0 : ((const int64_t *)PyArray_DATA(wide))[i];
            uint64_t u = is_unsigned ? ((const uint64_t *)PyArray_DATA(wide))[i] : 0;
            if (yr_py_store(PyArray_DATA(dst), i, typenum, s, u, is_unsigned, out_of_range, what,
                            function) < 0) {
                goto fail;
            }
        }
    }
    Py_DECREF(wide);
    Py_DECREF(src);
    return dst;
fail:
    Py_XDECREF(wide);
    Py_XDECREF(dst);
    Py_DECREF(src);
    return NULL;
}

/* A new zero-filled int64 array of the given shape, or NULL with an exception set. */
static PyArrayObject *yr_py_new_int64(int ndim, const size_t *shape, const char *function)
{
    npy_intp dims[2];
    size_t total = 1;
    int d;

    for (d = 0; d < ndim; d++) {
        if (shape[d] > (size_t)NPY_MAX_INTP ||
            (shape[d] != 0 && total > (size_t)NPY_MAX_INTP / sizeof(int64_t) / shape[d])) {
            yr_py_raise_detail(YR_ERR_OVERFLOW, function, "the result would be too large");
            return NULL;
        }
        total *= shape[d];
        dims[d] = (npy_intp)shape[d];
    }
    return (PyArrayObject *)PyArray_ZEROS(ndim, dims, NPY_INT64, 0);
}

/* Append @p obj (a new reference, may be NULL on error) to the wrapper's result. */
static int yr_py_append(PyObject **result, PyObject *obj)
{
    if (obj == NULL) {
        Py_CLEAR(*result);
        return -1;
    }
    *result = SWIG_Python_AppendOutput(*result, obj);
    return 0;
}

/* A tuple of @p count SWIG proxies, each owning a heap copy of one struct of @p items. (A tuple,
 * not a list: SWIG_Python_AppendOutput would take a list result for its own list of outputs.) */
static PyObject *yr_py_struct_list(const void *items, size_t count, size_t size,
                                   swig_type_info *type)
{
    PyObject *list = PyTuple_New((Py_ssize_t)count);
    size_t i;

    if (list == NULL) {
        return NULL;
    }
    for (i = 0; i < count; i++) {
        PyObject *proxy;
        void *copy = malloc(size);
        if (copy == NULL) {
            Py_DECREF(list);
            return PyErr_NoMemory();
        }
        memcpy(copy, (const char *)items + i * size, size);
        proxy = SWIG_NewPointerObj(copy, type, SWIG_POINTER_OWN);
        if (proxy == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyTuple_SET_ITEM(list, (Py_ssize_t)i, proxy);
    }
    return list;
}

/* Read @p k equally long integer columns from a sequence of k array-likes. On success cols[j]
 * are new references and *count the common length. */
static int yr_py_columns(PyObject *obj, int k, PyArrayObject **cols, const int *typenums,
                         const yr_status *ranges, const char *const *names, const char *what,
                         const char *function, size_t *count)
{
    PyObject *seq;
    int j;

    seq = PySequence_Fast(obj, "");
    if (seq == NULL || PySequence_Fast_GET_SIZE(seq) != k) {
        PyErr_Clear();
        Py_XDECREF(seq);
        PyErr_Format(PyExc_TypeError, "%s: %s must be a sequence of %d columns", function, what,
                     k);
        return -1;
    }
    for (j = 0; j < k; j++) {
        cols[j] = yr_py_array(PySequence_Fast_GET_ITEM(seq, j), typenums[j], 1, ranges[j],
                              names[j], function);
        if (cols[j] == NULL || PyArray_DIM(cols[j], 0) != PyArray_DIM(cols[0], 0)) {
            if (cols[j] != NULL) {
                PyErr_Format(PyExc_ValueError, "%s: the columns of %s have different lengths",
                             function, what);
            }
            for (; j >= 0; j--) {
                Py_XDECREF(cols[j]);
                cols[j] = NULL;
            }
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    *count = (size_t)PyArray_DIM(cols[0], 0);
    return 0;
}
%}

%init %{
    if (_import_array() < 0) {
        return NULL;
    }
%}

/* Release the GIL around the calls of the functions that take arrays, those with a
 * `yr_where *where` parameter (yr_py_nogil, above), so other threads run while a long split
 * runs: the library is reentrant and touches nothing but its arguments. */
%nothread;
%exception {
    {
        PyThreadState *yr_py_save = yr_py_nogil ? PyEval_SaveThread() : NULL;
        $action
        if (yr_py_save != NULL) {
            PyEval_RestoreThread(yr_py_save);
        }
    }
}

/* ---- Error location and reason (yr_where) ------------------------------------------------
 * The _where variants take a trailing "yr_where *where": it disappears from the Python call;
 * the wrapper gives C a local yr_where (yr_py_where) and, on a status other than YR_OK, the
 * exception carries its sentence (yr_where_message), record, column, arg and reason
 * (yrkesresa.Error.message/.record/.column/.arg/.reason). Keyed by the parameter: a new _where
 * function needs nothing here. */
%typemap(arginit, noblock = 1) yr_where *where {
    yr_where yr_py_where_storage;
    yr_where *const yr_py_where = &yr_py_where_storage;
    const int yr_py_nogil = 1;
    memset(&yr_py_where_storage, 0, sizeof yr_py_where_storage);
    (void)yr_py_nogil;
}
%typemap(in, numinputs = 0) yr_where *where {
    $1 = yr_py_where;
}
/* Python shows the sentence through yrkesresa.Error; the struct itself stays in C. */
%ignore yr_where;
%ignore yr_where_message;

/* The exact int64 conversion of the array typemaps (yr_py_array), for the Python layer: a list
 * converted once is then read by several C calls (the total-row check, the split) in place. */
%{
static PyObject *yr_py_int64_array(PyObject *values, const char *what, const char *function)
{
    return (PyObject *)yr_py_array(values, NPY_INT64, 1, YR_ERR_OVERFLOW, what, function);
}
%}

/* the helper's errors are yr_split_with's, by name */
%typemap(out) yr_status yr_py_split_with {
    if ($1 != YR_OK) {
        yr_py_raise_at($1, "yr_split_with", NULL, yr_py_where);
        SWIG_fail;
    }
    $result = SWIG_Py_Void();
}

/* yr_split_options holds pointers to the bound arrays, which a SWIG proxy could not keep alive:
 * Python calls yr_py_split_with (below, after the headers' typemaps) with the options as
 * arguments instead of the struct and yr_split_with. */
%ignore yr_split_options;
%ignore yr_split_options_init;
%ignore yr_split_with;
%ignore yr_split_with_where;
%{
static yr_status yr_py_split_with(int64_t total, const int64_t *weights, size_t n, int method,
                                  int tie, const int64_t *minimum,
                                  const int64_t *maximum, int64_t threshold_num,
                                  int64_t threshold_den, int64_t first_divisor_num,
                                  int64_t first_divisor_den, int64_t *out, yr_where *where)
{
    yr_split_options opt;

    yr_split_options_init(&opt);
    opt.method = (yr_method)method; /* C refuses an unknown value (YR_ERR_RANGE) */
    opt.tie = (yr_tie)tie;
    opt.minimum = minimum;
    opt.maximum = maximum;
    opt.threshold_num = threshold_num;
    opt.threshold_den = threshold_den;
    opt.first_divisor_num = first_divisor_num;
    opt.first_divisor_den = first_divisor_den;
    return yr_split_with_where(total, weights, n, &opt, out, where);
}
%}

/* ---- Scalars --------------------------------------------------------------------------------*/
%typemap(in) int64_t {
    if (yr_py_int64($input, &$1, "$1_name", "$symname") < 0) {
        SWIG_fail;
    }
}
%typemap(in) size_t {
    if (yr_py_size($input, &$1, "$1_name", "$symname") < 0) {
        SWIG_fail;
    }
}
%typemap(in) double {
    $1 = PyFloat_AsDouble($input);
    if ($1 == -1.0 && PyErr_Occurred()) {
        SWIG_fail;
    }
}

/* ---- Size aliases for the output typemaps -------------------------------------------------*/
%define YR_PY_DIM(NAME)
%typemap(arginit) size_t NAME %{
    size_t *const yr_dim_##NAME = &$1;
    (void)yr_dim_##NAME;
%}
%enddef
YR_PY_DIM(n)
YR_PY_DIM(ncourses)
YR_PY_DIM(nrows)
YR_PY_DIM(ncols)
YR_PY_DIM(ngroups)
YR_PY_DIM(ndays)
YR_PY_DIM(nmunicipalities)
YR_PY_DIM(nitems)
YR_PY_DIM(nyears)
YR_PY_DIM(nparties)
YR_PY_DIM(ntr)

/* ---- Input arrays -------------------------------------------------------------------------*/
/* One array and its length. */
%define YR_PY_IN_ARRAY(CTYPE, ARRAY, SIZE, TYPENUM, OUT_OF_RANGE)
%typemap(in) (const CTYPE *ARRAY, size_t SIZE) (PyArrayObject *arr = NULL) {
    arr = yr_py_array($input, TYPENUM, 1, OUT_OF_RANGE, #ARRAY, "$symname");
    if (arr == NULL) {
        SWIG_fail;
    }
    $1 = (CTYPE *)PyArray_DATA(arr);
    $2 = (size_t)PyArray_DIM(arr, 0);
}
%typemap(freearg) (const CTYPE *ARRAY, size_t SIZE) {
    Py_XDECREF(arr$argnum);
}
%enddef

/* Two arrays of the same length and that length: ONE Python argument, a pair of columns (SWIG's
 * Python module cannot make one typemap take two arguments). */
%define YR_PY_IN_ARRAY2(CTYPE, A, B, SIZE, TYPENUM, OUT_OF_RANGE)
%typemap(in) (const CTYPE *A, const CTYPE *B, size_t SIZE)
    (PyArrayObject *arr_a = NULL, PyArrayObject *arr_b = NULL) {
    static const int typenums[2] = {TYPENUM, TYPENUM};
    static const yr_status ranges[2] = {OUT_OF_RANGE, OUT_OF_RANGE};
    static const char *const names[2] = {#A, #B};
    PyArrayObject *cols[2] = {NULL, NULL};
    size_t count = 0;
    if (yr_py_columns($input, 2, cols, typenums, ranges, names, "(" #A ", " #B ")", "$symname",
                      &count) < 0) {
        SWIG_fail;
    }
    arr_a = cols[0];
    arr_b = cols[1];
    $1 = (CTYPE *)PyArray_DATA(arr_a);
    $2 = (CTYPE *)PyArray_DATA(arr_b);
    $3 = count;
}
%typemap(freearg) (const CTYPE *A, const CTYPE *B, size_t SIZE) {
    Py_XDECREF(arr_a$argnum);
    Py_XDECREF(arr_b$argnum);
}
%enddef

YR_PY_IN_ARRAY(int64_t, weights, n, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY(int64_t, w, n, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY(int64_t, totals, nitems, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY(int64_t, completed, ncourses, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY(uint32_t, group, n, NPY_UINT32, YR_ERR_RANGE)
YR_PY_IN_ARRAY2(int64_t, weights, published, n, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY2(int64_t, registered, attended, n, NPY_INT64, YR_ERR_OVERFLOW)
YR_PY_IN_ARRAY2(uint32_t, row, col, n, NPY_UINT32, YR_ERR_RANGE)

/* yr_split_nested: ONE Python argument, the pair (weights, group) of one length. */
%typemap(in) (const int64_t *weights, const size_t *group, size_t n)
    (PyArrayObject *arr_w = NULL, PyArrayObject *arr_g = NULL) {
    static const int typenums[2] = {NPY_INT64, NPY_UINTP};
    static const yr_status ranges[2] = {YR_ERR_OVERFLOW, YR_ERR_RANGE};
    static const char *const names[2] = {"weights", "group"};
    PyArrayObject *cols[2] = {NULL, NULL};
    size_t count = 0;
    if (yr_py_columns($input, 2, cols, typenums, ranges, names, "(weights, group)", "$symname",
                      &count) < 0) {
        SWIG_fail;
    }
    arr_w = cols[0];
    arr_g = cols[1];
    $1 = (int64_t *)PyArray_DATA(arr_w);
    $2 = (size_t *)PyArray_DATA(arr_g);
    $3 = count;
}
%typemap(arginit) (const int64_t *weights, const size_t *group, size_t n) %{
    size_t *const yr_dim_n = &$3;
%}
%typemap(freearg) (const int64_t *weights, const size_t *group, size_t n) {
    Py_XDECREF(arr_w$argnum);
    Py_XDECREF(arr_g$argnum);
}

/* yr_split_table: the weights, their count and the nparties x nitems table C writes (returned
 * as a 2-D int64 array; nitems comes from the totals before it). */
%typemap(in) (const int64_t *weights, size_t nparties, int64_t *out)
    (PyArrayObject *arr_w = NULL, PyArrayObject *arr_out = NULL) {
    arr_w = yr_py_array($input, NPY_INT64, 1, YR_ERR_OVERFLOW, "weights", "$symname");
    if (arr_w == NULL) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr_w);
    $2 = (size_t)PyArray_DIM(arr_w, 0);
}
%typemap(check) (const int64_t *weights, size_t nparties, int64_t *out) {
    const size_t shape[2] = {$2, *yr_dim_nitems};
    arr_out$argnum = yr_py_new_int64(2, shape, "$symname");
    if (arr_out$argnum == NULL) {
        SWIG_fail;
    }
    $3 = (int64_t *)PyArray_DATA(arr_out$argnum);
}
%typemap(argout) (const int64_t *weights, size_t nparties, int64_t *out) {
    PyObject *result_array = (PyObject *)arr_out$argnum;
    arr_out$argnum = NULL;
    if (yr_py_append(&$result, result_array) < 0) {
        SWIG_fail;
    }
}
%typemap(freearg) (const int64_t *weights, size_t nparties, int64_t *out) {
    Py_XDECREF(arr_w$argnum);
    Py_XDECREF(arr_out$argnum);
}

/* Optional per-party arrays (bounds of yr_py_split_with, fees and kickbacks of yr_statement):
 * None (NULL) or as many integers as the size parameter SIZE says. */
%define YR_PY_IN_BOUND(NAME, SIZE)
%typemap(in) const int64_t *NAME (PyArrayObject *arr = NULL) {
    if ($input == Py_None) {
        $1 = NULL;
    } else {
        arr = yr_py_array($input, NPY_INT64, 1, YR_ERR_OVERFLOW, #NAME, "$symname");
        if (arr == NULL) {
            SWIG_fail;
        }
        $1 = (int64_t *)PyArray_DATA(arr);
    }
}
%typemap(check) const int64_t *NAME {
    if (arr$argnum != NULL && (size_t)PyArray_DIM(arr$argnum, 0) != *yr_dim_##SIZE) {
        PyErr_Format(PyExc_ValueError, "$symname: " #NAME " has %zd values for %zu parties",
                     (Py_ssize_t)PyArray_DIM(arr$argnum, 0), *yr_dim_##SIZE);
        SWIG_fail;
    }
}
%typemap(freearg) const int64_t *NAME {
    Py_XDECREF(arr$argnum);
}
%enddef
YR_PY_IN_BOUND(minimum, n)
YR_PY_IN_BOUND(maximum, n)
YR_PY_IN_BOUND(fees, nparties)
YR_PY_IN_BOUND(kickback, nparties)

/* yr_statement: the item amounts and their years, ONE Python argument (totals, year) where year
 * may be None (every item in year 0); and the weights, a 2-D array nyears x nparties. */
%typemap(in) (const int64_t *totals, const size_t *year, size_t nitems)
    (PyArrayObject *arr_t = NULL, PyArrayObject *arr_y = NULL) {
    PyObject *totals_obj = NULL, *year_obj = NULL;
    if (!PyArg_ParseTuple($input, "OO:$symname", &totals_obj, &year_obj)) {
        SWIG_fail;
    }
    arr_t = yr_py_array(totals_obj, NPY_INT64, 1, YR_ERR_OVERFLOW, "totals", "$symname");
    if (arr_t == NULL) {
        SWIG_fail;
    }
    if (year_obj != Py_None) {
        arr_y = yr_py_array(year_obj, NPY_UINTP, 1, YR_ERR_RANGE, "year", "$symname");
        if (arr_y == NULL) {
            SWIG_fail;
        }
        if (PyArray_DIM(arr_y, 0) != PyArray_DIM(arr_t, 0)) {
            PyErr_Format(PyExc_ValueError, "$symname: %zd years for %zd items",
                         (Py_ssize_t)PyArray_DIM(arr_y, 0), (Py_ssize_t)PyArray_DIM(arr_t, 0));
            SWIG_fail;
        }
    }
    $1 = (int64_t *)PyArray_DATA(arr_t);
    $2 = arr_y != NULL ? (size_t *)PyArray_DATA(arr_y) : NULL;
    $3 = (size_t)PyArray_DIM(arr_t, 0);
}
%typemap(freearg) (const int64_t *totals, const size_t *year, size_t nitems) {
    Py_XDECREF(arr_t$argnum);
    Py_XDECREF(arr_y$argnum);
}
%typemap(in) (const int64_t *weights, size_t nyears, size_t nparties) (PyArrayObject *arr = NULL) {
    arr = yr_py_array($input, NPY_INT64, 2, YR_ERR_OVERFLOW, "weights", "$symname");
    if (arr == NULL) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr);
    $2 = (size_t)PyArray_DIM(arr, 0);
    $3 = (size_t)PyArray_DIM(arr, 1);
}
%typemap(freearg) (const int64_t *weights, size_t nyears, size_t nparties) {
    Py_XDECREF(arr$argnum);
}

/* A 2-D table (nrows x ncols, row-major). */
%typemap(in) (const int64_t *table, size_t nrows, size_t ncols) (PyArrayObject *arr = NULL) {
    arr = yr_py_array($input, NPY_INT64, 2, YR_ERR_OVERFLOW, "table", "$symname");
    if (arr == NULL) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr);
    $2 = (size_t)PyArray_DIM(arr, 0);
    $3 = (size_t)PyArray_DIM(arr, 1);
}
%typemap(freearg) (const int64_t *table, size_t nrows, size_t ncols) {
    Py_XDECREF(arr$argnum);
}

/* An array whose length must be ncols. */
%typemap(in) const int64_t *stated (PyArrayObject *arr = NULL) {
    arr = yr_py_array($input, NPY_INT64, 1, YR_ERR_OVERFLOW, "stated", "$symname");
    if (arr == NULL) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr);
}
%typemap(check) const int64_t *stated {
    if ((size_t)PyArray_DIM(arr$argnum, 0) != *yr_dim_ncols) {
        PyErr_Format(PyExc_ValueError, "$symname: stated has %zd values for %zu columns",
                     (Py_ssize_t)PyArray_DIM(arr$argnum, 0), *yr_dim_ncols);
        SWIG_fail;
    }
}
%typemap(freearg) const int64_t *stated {
    Py_XDECREF(arr$argnum);
}

/* Pot records: a sequence of columns (day, municipality, participants) or (day, municipality,
 * role), copied once into the array of structs C reads. */
%typemap(in) (const yr_attendance *attendance, size_t natt) (yr_attendance *records = NULL) {
    static const int typenums[3] = {NPY_UINTP, NPY_UINTP, NPY_INT64};
    static const yr_status ranges[3] = {YR_ERR_RANGE, YR_ERR_RANGE, YR_ERR_OVERFLOW};
    static const char *const names[3] = {"day", "municipality", "participants"};
    PyArrayObject *cols[3] = {NULL, NULL, NULL};
    size_t count = 0, i;
    if (yr_py_columns($input, 3, cols, typenums, ranges, names, "attendance", "$symname",
                      &count) < 0) {
        SWIG_fail;
    }
    records = (yr_attendance *)calloc(count > 0 ? count : 1, sizeof *records);
    if (records != NULL) {
        for (i = 0; i < count; i++) {
            records[i].day = ((const size_t *)PyArray_DATA(cols[0]))[i];
            records[i].municipality = ((const size_t *)PyArray_DATA(cols[1]))[i];
            records[i].participants = ((const int64_t *)PyArray_DATA(cols[2]))[i];
        }
    }
    Py_DECREF(cols[0]);
    Py_DECREF(cols[1]);
    Py_DECREF(cols[2]);
    if (records == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    $1 = records;
    $2 = count;
}
%typemap(freearg) (const yr_attendance *attendance, size_t natt) {
    free(records$argnum);
}

%typemap(in) (const yr_trainer *trainers, size_t ntr) (yr_trainer *records = NULL) {
    static const int typenums[3] = {NPY_UINTP, NPY_UINTP, NPY_INT64};
    static const yr_status ranges[3] = {YR_ERR_RANGE, YR_ERR_RANGE, YR_ERR_RANGE};
    static const char *const names[3] = {"day", "municipality", "role"};
    PyArrayObject *cols[3] = {NULL, NULL, NULL};
    size_t count = 0, i;
    int bad_role = 0;
    if (yr_py_columns($input, 3, cols, typenums, ranges, names, "trainers", "$symname",
                      &count) < 0) {
        SWIG_fail;
    }
    records = (yr_trainer *)calloc(count > 0 ? count : 1, sizeof *records);
    if (records != NULL) {
        for (i = 0; i < count && !bad_role; i++) {
            int64_t role = ((const int64_t *)PyArray_DATA(cols[2]))[i];
            records[i].day = ((const size_t *)PyArray_DATA(cols[0]))[i];
            records[i].municipality = ((const size_t *)PyArray_DATA(cols[1]))[i];
            if (role < 0 || role >= YR_ROLE_COUNT) {
                /* C would say YR_ERR_RANGE too; an int beyond the enum cannot even be stored. */
                yr_py_raise_detail(YR_ERR_RANGE, "$symname", "role[%zu] = %lld is not a role", i,
                                   (long long)role);
                bad_role = 1;
            }
            records[i].role = (yr_role)role;
        }
    }
    Py_DECREF(cols[0]);
    Py_DECREF(cols[1]);
    Py_DECREF(cols[2]);
    if (records == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
    if (bad_role) {
        SWIG_fail;
    }
    $1 = records;
    $2 = count;
}
%typemap(freearg) (const yr_trainer *trainers, size_t ntr) {
    free(records$argnum);
}

/* Names (methods, roles): a str, UTF-8 for C; None is NULL (YR_ERR_NULL). A NUL inside would
 * cut the name short in C ("dhondt\0x" read as "dhondt"), so it is refused. */
%typemap(in) const char *name {
    Py_ssize_t size = 0;
    if ($input == Py_None) {
        $1 = NULL;
    } else if (!PyUnicode_Check($input)) {
        PyErr_Format(PyExc_TypeError, "$symname: the name must be a str, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    } else {
        $1 = (char *)PyUnicode_AsUTF8AndSize($input, &size);
        if ($1 == NULL) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "$symname: the name %R is not valid text", $input);
            SWIG_fail;
        }
        if (strlen($1) != (size_t)size) {
            PyErr_Format(PyExc_ValueError, "$symname: the name %R contains a NUL character",
                         $input);
            SWIG_fail;
        }
    }
}

/* Text: a str, as UTF-8 for C, refused when it holds a NUL (C would stop there). */
%typemap(in) const char *s = const char *name;
%typemap(in) (const char *s, size_t len) {
    Py_ssize_t size = 0;
    if (!PyUnicode_Check($input)) {
        PyErr_Format(PyExc_TypeError, "$symname: expected a str, not %.100s",
                     Py_TYPE($input)->tp_name);
        SWIG_fail;
    }
    $1 = (char *)PyUnicode_AsUTF8AndSize($input, &size);
    if ($1 == NULL) {
        SWIG_fail;
    }
    $2 = (size_t)size;
}
/* yr_label_key writes into a caller buffer: Python has yr_label_trim and str methods. */
%ignore yr_label_key;

/* yr_pot_rules.share: a tuple in Python, set from any sequence of YR_ROLE_COUNT ints. */
%typemap(in) int64_t share[ANY] (int64_t temp[$1_dim0]) {
    PyObject *seq = PySequence_Fast($input, "");
    Py_ssize_t i;
    if (seq == NULL || PySequence_Fast_GET_SIZE(seq) != $1_dim0) {
        PyErr_Clear();
        Py_XDECREF(seq);
        PyErr_Format(PyExc_TypeError, "share must be a sequence of %d integers", (int)$1_dim0);
        SWIG_fail;
    }
    for (i = 0; i < $1_dim0; i++) {
        if (yr_py_int64(PySequence_Fast_GET_ITEM(seq, i), &temp[i], "share", "$symname") < 0) {
            Py_DECREF(seq);
            SWIG_fail;
        }
    }
    Py_DECREF(seq);
    $1 = temp;
}
%typemap(out) int64_t share[ANY] {
    Py_ssize_t i;
    $result = PyTuple_New($1_dim0);
    if ($result == NULL) {
        SWIG_fail;
    }
    for (i = 0; i < $1_dim0; i++) {
        PyObject *item = PyLong_FromLongLong((long long)$1[i]);
        if (item == NULL) {
            Py_CLEAR($result);
            SWIG_fail;
        }
        PyTuple_SET_ITEM($result, i, item);
    }
}

/* ---- Outputs ------------------------------------------------------------------------------*/
/* Careful: SWIG also applies a typemap for "T *name" to a "const T *name" that has none of its
 * own. The const parameters that share a name with an output below get their own typemaps. */
%typemap(in) const yr_pot_rules *rules = SWIGTYPE *;
%typemap(check) const yr_pot_rules *rules "";
%typemap(argout) const yr_pot_rules *rules "";
%typemap(freearg) const yr_pot_rules *rules "";
%typemap(check) const int64_t *table "";
%typemap(argout) const int64_t *table "";

/* A scalar output, returned. */
%define YR_PY_OUT_SCALAR(CTYPE, NAME, TO_PYTHON)
%typemap(in, numinputs = 0) CTYPE *NAME (CTYPE temp) {
    temp = (CTYPE)0;
    $1 = &temp;
}
%typemap(argout) CTYPE *NAME {
    if (yr_py_append(&$result, TO_PYTHON(*$1)) < 0) {
        SWIG_fail;
    }
}
%enddef
%define YR_PY_LONG(x) PyLong_FromLong((long)(x)) %enddef
YR_PY_OUT_SCALAR(yr_method, method, YR_PY_LONG)
YR_PY_OUT_SCALAR(yr_role, role, YR_PY_LONG)
YR_PY_OUT_SCALAR(yr_tie, tie, YR_PY_LONG)
YR_PY_OUT_SCALAR(yr_goal, verdict, YR_PY_LONG)
YR_PY_OUT_SCALAR(double, share, PyFloat_FromDouble)
YR_PY_OUT_SCALAR(double, low, PyFloat_FromDouble)
YR_PY_OUT_SCALAR(double, high, PyFloat_FromDouble)
YR_PY_OUT_SCALAR(double, rate, PyFloat_FromDouble)
YR_PY_OUT_SCALAR(size_t, mismatched, PyLong_FromSize_t)
YR_PY_OUT_SCALAR(size_t, start, PyLong_FromSize_t)
YR_PY_OUT_SCALAR(size_t, name_start, PyLong_FromSize_t)
YR_PY_OUT_SCALAR(size_t, index, yr_py_location)
YR_PY_OUT_SCALAR(int64_t, num, PyLong_FromLongLong)
YR_PY_OUT_SCALAR(int64_t, den, PyLong_FromLongLong)
YR_PY_OUT_SCALAR(int64_t, count, PyLong_FromLongLong)
YR_PY_OUT_SCALAR(int, exact, PyBool_FromLong)
YR_PY_OUT_SCALAR(int, code, YR_PY_LONG)
YR_PY_OUT_SCALAR(size_t, entries, PyLong_FromSize_t)
YR_PY_OUT_SCALAR(size_t, days_off, PyLong_FromSize_t)

/* A struct output, returned as a SWIG proxy owning a heap copy. */
%define YR_PY_OUT_STRUCT(CTYPE, NAME)
%typemap(in, numinputs = 0) CTYPE *NAME (CTYPE temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%typemap(argout) CTYPE *NAME {
    CTYPE *copy = (CTYPE *)malloc(sizeof *copy);
    if (copy == NULL) {
        Py_CLEAR($result);
        PyErr_NoMemory();
        SWIG_fail;
    }
    *copy = *$1;
    if (yr_py_append(&$result, SWIG_NewPointerObj(copy, $1_descriptor, SWIG_POINTER_OWN)) < 0) {
        SWIG_fail;
    }
}
%enddef
YR_PY_OUT_STRUCT(yr_audit_summary, summary)
YR_PY_OUT_STRUCT(yr_pot_summary, summary)
YR_PY_OUT_STRUCT(yr_pot_rules, rules)
YR_PY_OUT_STRUCT(yr_rate, total)
YR_PY_OUT_STRUCT(yr_pot_rules, out)
YR_PY_OUT_STRUCT(yr_statement_row, sum)

/* An array of structs of COUNT elements, returned as a list of proxies. */
%define YR_PY_OUT_STRUCT_ARRAY(CTYPE, NAME, COUNT)
%typemap(in, numinputs = 0) CTYPE *NAME {
    $1 = NULL;
}
%typemap(check) CTYPE *NAME {
    size_t count = (COUNT);
    $1 = (CTYPE *)calloc(count > 0 ? count : 1, sizeof(CTYPE));
    if ($1 == NULL) {
        PyErr_NoMemory();
        SWIG_fail;
    }
}
%typemap(argout) CTYPE *NAME {
    if (yr_py_append(&$result, yr_py_struct_list($1, (COUNT), sizeof(CTYPE), $1_descriptor)) <
        0) {
        SWIG_fail;
    }
}
%typemap(freearg) CTYPE *NAME {
    free($1);
}
%enddef
YR_PY_OUT_STRUCT_ARRAY(yr_audit_row, rows, *yr_dim_n)
YR_PY_OUT_STRUCT_ARRAY(yr_pot_row, rows, *yr_dim_nmunicipalities)
YR_PY_OUT_STRUCT_ARRAY(yr_rate, per_course, *yr_dim_n)
YR_PY_OUT_STRUCT_ARRAY(yr_statement_row, rows, *yr_dim_nparties)
YR_PY_OUT_STRUCT_ARRAY(yr_rate, out, *yr_dim_ncourses > 0 ? *yr_dim_ncourses - 1 : 0)

/* An int64 numpy array C writes into, returned: NDIM dimensions of sizes SHAPE. */
%define YR_PY_OUT_INT64(NAME, NDIM, SHAPE)
%typemap(in, numinputs = 0) int64_t *NAME (PyArrayObject *arr = NULL) {
    $1 = NULL;
}
%typemap(check) int64_t *NAME {
    const size_t shape[NDIM] = SHAPE;
    arr$argnum = yr_py_new_int64(NDIM, shape, "$symname");
    if (arr$argnum == NULL) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr$argnum);
}
%typemap(argout) int64_t *NAME {
    PyObject *result_array = (PyObject *)arr$argnum;
    arr$argnum = NULL;
    if (yr_py_append(&$result, result_array) < 0) {
        SWIG_fail;
    }
}
%typemap(freearg) int64_t *NAME {
    Py_XDECREF(arr$argnum);
}
%enddef
YR_PY_OUT_INT64(out, 1, {*yr_dim_n})
YR_PY_OUT_INT64(counts, 1, {*yr_dim_ngroups})
YR_PY_OUT_INT64(table, 2, %arg({*yr_dim_nrows, *yr_dim_ncols}))
YR_PY_OUT_INT64(sums, 1, {*yr_dim_ncols})
YR_PY_OUT_INT64(day_undistributed, 1, {*yr_dim_ndays})
YR_PY_OUT_INT64(group_out, 1, {*yr_dim_ngroups})
YR_PY_OUT_INT64(items, 2, %arg({*yr_dim_nparties, *yr_dim_nitems}))
YR_PY_OUT_INT64(year_totals, 2, %arg({*yr_dim_nparties, *yr_dim_nyears}))
YR_PY_OUT_INT64(year_sums, 1, {*yr_dim_nyears})
YR_PY_OUT_INT64(by_day, 2, %arg({YR_POT_BY_DAY_COLUMNS, *yr_dim_ntr}))

/* ---- The controller (0.3: table.h, audit.h, cycle.h, number.h) ----------------------------*/
%{
/* Items: a sequence of (total, equal_num, equal_den, rate_num, rate_den), each checked as the
 * array typemaps check integers, copied once into the yr_item array C reads. */
static yr_item *yr_py_items(PyObject *obj, size_t *count, const char *function)
{
    static const char *const names[5] = {"total", "equal_num", "equal_den", "rate_num",
                                         "rate_den"};
    PyObject *seq = PySequence_Fast(obj, "items must be a sequence of 5-tuples");
    Py_ssize_t n, i;
    yr_item *items;
    if (seq == NULL) {
        return NULL;
    }
    n = PySequence_Fast_GET_SIZE(seq);
    items = (yr_item *)calloc(n > 0 ? (size_t)n : 1, sizeof *items);
    for (i = 0; items != NULL && i < n; i++) {
        PyObject *t = PySequence_Fast(PySequence_Fast_GET_ITEM(seq, i), "an item is a 5-tuple");
        int64_t v[5];
        int k, ok = t != NULL && PySequence_Fast_GET_SIZE(t) == 5;
        if (t != NULL && !ok) {
            PyErr_Format(PyExc_TypeError, "%s: items[%zd] must be (total, equal_num, equal_den, "
                         "rate_num, rate_den)", function, i);
        }
        for (k = 0; ok && k < 5; k++) {
            ok = yr_py_int64(PySequence_Fast_GET_ITEM(t, k), &v[k], names[k], function) == 0;
        }
        Py_XDECREF(t);
        if (!ok) {
            free(items);
            items = NULL;
            break;
        }
        items[i].total = v[0];
        items[i].equal_num = v[1];
        items[i].equal_den = v[2];
        items[i].rate_num = v[3];
        items[i].rate_den = v[4];
    }
    Py_DECREF(seq);
    if (items == NULL && !PyErr_Occurred()) {
        PyErr_NoMemory();
    }
    *count = items != NULL ? (size_t)n : 0;
    return items;
}
%}
%typemap(arginit) (const yr_item *items, size_t nitems) %{
    size_t *const yr_dim_nitems = &$2;
%}
%typemap(in) (const yr_item *items, size_t nitems) {
    $1 = yr_py_items($input, &$2, "$symname");
    if ($1 == NULL) {
        SWIG_fail;
    }
}
%typemap(freearg) (const yr_item *items, size_t nitems) {
    free((void *)$1);
}
/* yr_statement_items: ONE Python argument (items, year), year None or one year per item. */
%typemap(arginit) (const yr_item *items, const size_t *year, size_t nitems) %{
    size_t *const yr_dim_nitems = &$3;
%}
%typemap(in) (const yr_item *items, const size_t *year, size_t nitems)
    (PyArrayObject *arr_y = NULL) {
    PyObject *items_obj = NULL, *year_obj = NULL;
    if (!PyArg_ParseTuple($input, "OO:$symname", &items_obj, &year_obj)) {
        SWIG_fail;
    }
    $1 = yr_py_items(items_obj, &$3, "$symname");
    if ($1 == NULL) {
        SWIG_fail;
    }
    if (year_obj != Py_None) {
        arr_y = yr_py_array(year_obj, NPY_UINTP, 1, YR_ERR_RANGE, "year", "$symname");
        if (arr_y == NULL) {
            SWIG_fail;
        }
        if ((size_t)PyArray_DIM(arr_y, 0) != $3) {
            PyErr_Format(PyExc_ValueError, "$symname: %zd years for %zu items",
                         (Py_ssize_t)PyArray_DIM(arr_y, 0), $3);
            SWIG_fail;
        }
    }
    $2 = arr_y != NULL ? (size_t *)PyArray_DATA(arr_y) : NULL;
}
%typemap(freearg) (const yr_item *items, const size_t *year, size_t nitems) {
    free((void *)$1);
    Py_XDECREF(arr_y$argnum);
}
/* yr_split_table_mixed: ONE Python argument (totals, equal_num, equal_den). */
%typemap(arginit) (const int64_t *totals, const int64_t *equal_num, const int64_t *equal_den,
                   size_t nitems) %{
    size_t *const yr_dim_nitems = &$4;
%}
%typemap(in) (const int64_t *totals, const int64_t *equal_num, const int64_t *equal_den,
              size_t nitems) (PyArrayObject *cols[3] = {NULL, NULL, NULL}) {
    static const int typenums[3] = {NPY_INT64, NPY_INT64, NPY_INT64};
    static const yr_status ranges[3] = {YR_ERR_OVERFLOW, YR_ERR_OVERFLOW, YR_ERR_OVERFLOW};
    static const char *const names[3] = {"totals", "equal_num", "equal_den"};
    if (yr_py_columns($input, 3, cols, typenums, ranges, names, "(totals, equal_num, equal_den)",
                      "$symname", &$4) < 0) {
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(cols[0]);
    $2 = (int64_t *)PyArray_DATA(cols[1]);
    $3 = (int64_t *)PyArray_DATA(cols[2]);
}
%typemap(freearg) (const int64_t *totals, const int64_t *equal_num, const int64_t *equal_den,
                   size_t nitems) {
    Py_XDECREF(cols$argnum[0]);
    Py_XDECREF(cols$argnum[1]);
    Py_XDECREF(cols$argnum[2]);
}
/* yr_audit_table: ONE Python argument (weights, published): the weights of the nparties and the
 * published table, nparties x nitems (the items come first). */
%typemap(arginit) (const int64_t *weights, size_t nparties, const int64_t *published) %{
    size_t *const yr_dim_nparties = &$2;
    (void)yr_dim_nparties;
%}
%typemap(in) (const int64_t *weights, size_t nparties, const int64_t *published)
    (PyArrayObject *arr_w = NULL, PyArrayObject *arr_p = NULL) {
    PyObject *w_obj = NULL, *p_obj = NULL;
    if (!PyArg_ParseTuple($input, "OO:$symname", &w_obj, &p_obj)) {
        SWIG_fail;
    }
    arr_w = yr_py_array(w_obj, NPY_INT64, 1, YR_ERR_OVERFLOW, "weights", "$symname");
    if (arr_w == NULL) {
        SWIG_fail;
    }
    arr_p = yr_py_array(p_obj, NPY_INT64, 2, YR_ERR_OVERFLOW, "published", "$symname");
    if (arr_p == NULL) {
        SWIG_fail;
    }
    if (PyArray_DIM(arr_p, 0) != PyArray_DIM(arr_w, 0) ||
        (size_t)PyArray_DIM(arr_p, 1) != *yr_dim_nitems) {
        PyErr_Format(PyExc_ValueError, "$symname: published is %zd x %zd for %zd parties and "
                     "%zu items", (Py_ssize_t)PyArray_DIM(arr_p, 0),
                     (Py_ssize_t)PyArray_DIM(arr_p, 1), (Py_ssize_t)PyArray_DIM(arr_w, 0),
                     *yr_dim_nitems);
        SWIG_fail;
    }
    $1 = (int64_t *)PyArray_DATA(arr_w);
    $2 = (size_t)PyArray_DIM(arr_w, 0);
    $3 = (int64_t *)PyArray_DATA(arr_p);
}
%typemap(freearg) (const int64_t *weights, size_t nparties, const int64_t *published) {
    Py_XDECREF(arr_w$argnum);
    Py_XDECREF(arr_p$argnum);
}
YR_PY_IN_BOUND(stated_total, nparties)
YR_PY_IN_BOUND(net, nparties)
YR_PY_OUT_STRUCT(yr_audit_table_summary, summary)
YR_PY_OUT_STRUCT_ARRAY(yr_audit_item, item_out, *yr_dim_nitems)
YR_PY_OUT_STRUCT_ARRAY(yr_audit_table_row, rows, *yr_dim_nparties)
YR_PY_OUT_STRUCT_ARRAY(yr_audit_cell, cells, *yr_dim_nparties * *yr_dim_nitems)
YR_PY_OUT_INT64(cells, 2, %arg({*yr_dim_nparties, *yr_dim_nitems}))
YR_PY_OUT_INT64(item_totals, 1, {*yr_dim_nitems})
YR_PY_OUT_SCALAR(int64_t, total, PyLong_FromLongLong)
YR_PY_OUT_SCALAR(int, due_y, YR_PY_LONG)
YR_PY_OUT_SCALAR(int, due_m, YR_PY_LONG)
YR_PY_OUT_SCALAR(int, due_d, YR_PY_LONG)
YR_PY_OUT_SCALAR(int, bank_day, PyBool_FromLong)
/* the reason a day is no bank day (a static string), or None */
%typemap(in, numinputs = 0) const char **reason (const char *temp) {
    temp = NULL;
    $1 = (char **)&temp;
}
%typemap(argout) const char **reason {
    if (yr_py_append(&$result, temp$argnum != NULL ? PyUnicode_FromString(temp$argnum)
                                                    : (Py_INCREF(Py_None), Py_None)) < 0) {
        SWIG_fail;
    }
}
/* Texts C writes into a caller's buffer: returned as str. */
%typemap(in, numinputs = 0) (char *buf, size_t cap) (char temp[YR_NUMBER_TEXT_MAX]) {
    temp[0] = '\0';
    $1 = temp;
    $2 = sizeof temp;
}
%typemap(argout) (char *buf, size_t cap) {
    if (yr_py_append(&$result, PyUnicode_FromString($1)) < 0) {
        SWIG_fail;
    }
}
%typemap(in) unsigned decimals {
    int64_t value;
    if (yr_py_int64($input, &value, "decimals", "$symname") < 0) {
        SWIG_fail;
    }
    if (value < 0 || value > 18) {
        yr_py_raise_detail(YR_ERR_RANGE, "$symname", "decimals = %lld is not 0 .. 18",
                           (long long)value);
        SWIG_fail;
    }
    $1 = (unsigned)value;
}

/* ---- Binding helpers (declared for SWIG; defined above) -----------------------------------
 * Before the headers: only types SWIG already knows (int for the enums). */
yr_status yr_py_split_with(int64_t total, const int64_t *weights, size_t n, int method, int tie,
                           const int64_t *minimum, const int64_t *maximum,
                           int64_t threshold_num, int64_t threshold_den,
                           int64_t first_divisor_num, int64_t first_divisor_den, int64_t *out,
                           yr_where *where);
PyObject *yr_py_int64_array(PyObject *values, const char *what, const char *function);

/* The reader (yrkesresa/read.h) for yrkesresa.read_table and the frame checks: PyObjects in and
 * out, written in yr_py_read.c. */
%{
#include "yr_py_read.h"
%}
%include "yr_py_read.h"

