/* Status messages and names: one table, indexed by the status. */
#include "yrkesresa/common.h"

static const struct {
    const char *name;
    const char *message;
} statuses[YR_STATUS_COUNT] = {
    [YR_OK] = {"YR_OK", "success"},
    [YR_ERR_NULL] = {"YR_ERR_NULL", "a required pointer is NULL"},
    [YR_ERR_EMPTY] = {"YR_ERR_EMPTY", "no parties or records where some are required"},
    [YR_ERR_NEGATIVE] = {"YR_ERR_NEGATIVE", "a weight, count or total is negative"},
    [YR_ERR_ZERO_WEIGHT] = {"YR_ERR_ZERO_WEIGHT", "all weights are zero while the total is not"},
    [YR_ERR_OVERFLOW] = {"YR_ERR_OVERFLOW",
                         "a result or an exact intermediate does not fit in 64 bits"},
    [YR_ERR_RANGE] = {"YR_ERR_RANGE", "an index, enum or parameter is out of range"},
    [YR_ERR_NOMEM] = {"YR_ERR_NOMEM", "memory allocation failed"},
    [YR_ERR_TIE] = {"YR_ERR_TIE", "the result depends on how an exact tie is broken"},
};

YR_API const char *yr_strerror(yr_status status)
{
    return (unsigned)status < YR_STATUS_COUNT ? statuses[status].message : "unknown status";
}

YR_API const char *yr_status_name(yr_status status)
{
    return (unsigned)status < YR_STATUS_COUNT ? statuses[status].name : "YR_UNKNOWN";
}
