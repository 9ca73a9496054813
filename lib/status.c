/* Status messages and names. */
#include "yrkesresa/common.h"

YR_API const char *yr_strerror(yr_status status)
{
    switch (status) {
    case YR_OK:
        return "success";
    case YR_ERR_NULL:
        return "a required pointer is NULL";
    case YR_ERR_EMPTY:
        return "no parties or records where some are required";
    case YR_ERR_NEGATIVE:
        return "a weight, count or total is negative";
    case YR_ERR_ZERO_WEIGHT:
        return "all weights are zero while the total is not";
    case YR_ERR_OVERFLOW:
        return "a result or an exact intermediate does not fit in 64 bits";
    case YR_ERR_RANGE:
        return "an index, enum or parameter is out of range";
    case YR_ERR_NOMEM:
        return "memory allocation failed";
    case YR_ERR_TIE:
        return "the result depends on how an exact tie is broken";
    }
    return "unknown status";
}

YR_API const char *yr_status_name(yr_status status)
{
    switch (status) {
    case YR_OK:
        return "YR_OK";
    case YR_ERR_NULL:
        return "YR_ERR_NULL";
    case YR_ERR_EMPTY:
        return "YR_ERR_EMPTY";
    case YR_ERR_NEGATIVE:
        return "YR_ERR_NEGATIVE";
    case YR_ERR_ZERO_WEIGHT:
        return "YR_ERR_ZERO_WEIGHT";
    case YR_ERR_OVERFLOW:
        return "YR_ERR_OVERFLOW";
    case YR_ERR_RANGE:
        return "YR_ERR_RANGE";
    case YR_ERR_NOMEM:
        return "YR_ERR_NOMEM";
    case YR_ERR_TIE:
        return "YR_ERR_TIE";
    }
    return "YR_UNKNOWN";
}
