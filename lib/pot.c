/* Trainer pot and course-day settlement (SPEC §3). Being written. */
#include "yrkesresa/pot.h"
