/* The warnings of a pot's course days that do not meet (yr_read_day_warning()): one sentence for
 * the program and the bindings, which read the days the same way (yr_read_day()). */
#include <stdio.h>
#include <string.h>

#include "internal.h"

size_t yr_read_day_warning(const char *day, yr_day_unmet unmet, int64_t undistributed, char *buf,
                           size_t cap)
{
    char show[96];
    const char *d = day != NULL ? day : "";
    rd_show(show, sizeof show, d, strlen(d), 60);
    int n = unmet == YR_DAY_NO_TRAINER
                ? snprintf(buf, cap,
                           "day '%s' has participants but no trainer (its pot %lld is "
                           "undistributed)",
                           show, (long long)undistributed)
                : snprintf(buf, cap, "day '%s' has trainers but no participants (nothing to share)",
                           show);
    return n < 0 ? 0 : (size_t)n;
}
