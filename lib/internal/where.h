/* Private: writing a yr_where (common.h) from the _where variants. Never installed. */
#ifndef YR_INTERNAL_WHERE_H
#define YR_INTERNAL_WHERE_H

#include "yrkesresa/common.h"

/* "Nowhere": what *where holds on YR_OK. where may be NULL. */
static inline void yr_where_clear(yr_where *where)
{
    if (where != NULL) {
        where->record = YR_WHERE_NONE;
        where->column = YR_WHERE_NONE;
        where->arg = NULL;
    }
}

/* Record that status st comes from record/column of the parameter arg; returns st. */
static inline yr_status yr_where_fail(yr_where *where, yr_status st, size_t record, size_t column,
                                      const char *arg)
{
    if (where != NULL) {
        where->record = record;
        where->column = column;
        where->arg = arg;
    }
    return st;
}

/* The same for a whole parameter (no record, no column). */
static inline yr_status yr_where_arg(yr_where *where, yr_status st, const char *arg)
{
    return yr_where_fail(where, st, YR_WHERE_NONE, YR_WHERE_NONE, arg);
}

/* The required pointers: ::YR_ERR_NULL naming the first of ptrs[0..n-1] that is NULL (names[i]
 * is the parameter name of ptrs[i]), else YR_OK (where untouched). */
static inline yr_status yr_where_null(yr_where *where, size_t n, const void *const *ptrs,
                                      const char *const *names)
{
    for (size_t i = 0; i < n; i++)
        if (ptrs[i] == NULL)
            return yr_where_arg(where, YR_ERR_NULL, names[i]);
    return YR_OK;
}

#endif
