/* Run-time version. */
#include "yrkesresa/version.h"

YR_API const char *yr_version(void)
{
    return YR_VERSION_STRING;
}
