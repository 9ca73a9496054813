/* Participation statistics (SPEC §4). Being written. */
#include "yrkesresa/stats.h"
