/* yr_version(): the run-time version equals the compile-time one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

static void test_version_string(void **state)
{
    (void)state;
    assert_non_null(yr_version());
    assert_string_equal(yr_version(), YR_VERSION_STRING);
    /* stable pointer to a static string */
    assert_ptr_equal(yr_version(), yr_version());
}

static void test_version_parts(void **state)
{
    (void)state;
    char buf[64];
    int n =
        snprintf(buf, sizeof buf, "%d.%d.%d", YR_VERSION_MAJOR, YR_VERSION_MINOR, YR_VERSION_MICRO);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    assert_string_equal(yr_version(), buf);
}

/* Parse "A.B.C" strictly: three non-negative decimal numbers, nothing else. */
static void test_version_format(void **state)
{
    (void)state;
    const char *v = yr_version();
    long parts[3];
    const char *p = v;
    for (int i = 0; i < 3; i++) {
        char *end;
        assert_true(*p >= '0' && *p <= '9');
        parts[i] = strtol(p, &end, 10);
        p = end;
        if (i < 2) {
            assert_int_equal(*p, '.');
            p++;
        }
    }
    assert_int_equal(*p, '\0');
    assert_int_equal(parts[0], YR_VERSION_MAJOR);
    assert_int_equal(parts[1], YR_VERSION_MINOR);
    assert_int_equal(parts[2], YR_VERSION_MICRO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_string),
        cmocka_unit_test(test_version_parts),
        cmocka_unit_test(test_version_format),
    };
    return cmocka_run_group_tests_name("version", tests, NULL, NULL);
}
