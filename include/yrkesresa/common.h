/**
 * @file yrkesresa/common.h
 * @brief Status codes, the export macro and yr_strerror().
 *
 * Every fallible function of libyrkesresa returns a ::yr_status. On any status other than
 * ::YR_OK the function has written nothing to its output buffers.
 */
#ifndef YRKESRESA_COMMON_H
#define YRKESRESA_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(YR_BUILDING_LIBRARY) && defined(__GNUC__)
#define YR_API __attribute__((visibility("default")))
#else
#define YR_API
#endif

/** Result of every fallible call. The names and values are part of the contract (SPEC). */
typedef enum yr_status {
    YR_OK = 0,              /**< success */
    YR_ERR_NULL = 1,        /**< a required pointer is NULL */
    YR_ERR_EMPTY = 2,       /**< no parties / no records where some are required */
    YR_ERR_NEGATIVE = 3,    /**< a weight, count or (divisor methods) total is negative */
    YR_ERR_ZERO_WEIGHT = 4, /**< all weights are zero while the total is not */
    YR_ERR_OVERFLOW = 5,    /**< a result or an exact intermediate does not fit */
    YR_ERR_RANGE = 6,       /**< an index, enum or parameter is out of range */
    YR_ERR_NOMEM = 7,       /**< allocation failed */
    YR_ERR_TIE = 8,         /**< the result depends on how an exact tie is broken (asked for) */
    YR_STATUS_COUNT = 9     /**< number of values, not a value: statuses are 0 .. YR_STATUS_COUNT-1
                                 (for iteration in tests and bindings) */
} yr_status;

/** "No index": yr_where::record or yr_where::column when the status is not about one. */
#define YR_WHERE_NONE ((size_t)-1)

/**
 * @brief Where an error comes from, written by the `_where` variants of the functions that take
 *        arrays (the `where` argument may be NULL).
 *
 * On return (any status) the whole struct is written: on ::YR_OK record and column are
 * ::YR_WHERE_NONE and arg is NULL; on an error they name the element that caused it as precisely
 * as the function knows (record ::YR_WHERE_NONE when it is the whole input, e.g. a sum that
 * overflows; then arg names the array).
 */
typedef struct yr_where {
    size_t record;   /**< 0-based index of the offending element/record, or ::YR_WHERE_NONE */
    size_t column;   /**< tables: 0-based column (item), else ::YR_WHERE_NONE */
    const char *arg; /**< static name of the offending parameter ("weights", "total", ...) or
                          NULL */
} yr_where;

/**
 * @brief One-line English message for a status.
 * @param[in] status any value; unknown values give "unknown status".
 * @returns a static string (never NULL, never to be freed).
 */
YR_API const char *yr_strerror(yr_status status);

/**
 * @brief The symbolic name of a status, e.g. "YR_ERR_RANGE".
 * @returns a static string (never NULL); "YR_UNKNOWN" for unknown values.
 */
YR_API const char *yr_status_name(yr_status status);

#ifdef __cplusplus
}
#endif

#endif
