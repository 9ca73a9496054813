/* yr_strerror / yr_status_name: every status has a distinct, non-empty message and name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa.h"

/* The contract's names and values (SPEC "Status codes"), written out independently. */
static const struct {
    yr_status status;
    int value;
    const char *name;
} expected[] = {
    {YR_OK, 0, "YR_OK"},
    {YR_ERR_NULL, 1, "YR_ERR_NULL"},
    {YR_ERR_EMPTY, 2, "YR_ERR_EMPTY"},
    {YR_ERR_NEGATIVE, 3, "YR_ERR_NEGATIVE"},
    {YR_ERR_ZERO_WEIGHT, 4, "YR_ERR_ZERO_WEIGHT"},
    {YR_ERR_OVERFLOW, 5, "YR_ERR_OVERFLOW"},
    {YR_ERR_RANGE, 6, "YR_ERR_RANGE"},
    {YR_ERR_NOMEM, 7, "YR_ERR_NOMEM"},
    {YR_ERR_TIE, 8, "YR_ERR_TIE"},
};
#define N_EXPECTED (sizeof expected / sizeof expected[0])

static void test_values_match_contract(void **state)
{
    (void)state;
    assert_int_equal(N_EXPECTED, YR_STATUS_COUNT);
    for (size_t i = 0; i < N_EXPECTED; i++)
        assert_int_equal((int)expected[i].status, expected[i].value);
}

static void test_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_EXPECTED; i++)
        assert_string_equal(yr_status_name(expected[i].status), expected[i].name);
}

static void test_messages_distinct_nonempty(void **state)
{
    (void)state;
    const char *unknown = yr_strerror((yr_status)12345);
    for (int a = 0; a < YR_STATUS_COUNT; a++) {
        const char *ma = yr_strerror((yr_status)a);
        assert_non_null(ma);
        assert_true(strlen(ma) > 0);
        /* a one-line message */
        assert_null(strchr(ma, '\n'));
        /* a real status never falls back to the unknown message */
        assert_string_not_equal(ma, unknown);
        for (int b = a + 1; b < YR_STATUS_COUNT; b++) {
            assert_string_not_equal(ma, yr_strerror((yr_status)b));
            assert_string_not_equal(yr_status_name((yr_status)a), yr_status_name((yr_status)b));
        }
    }
}

static void test_unknown_values(void **state)
{
    (void)state;
    const int bad[] = {-1, YR_STATUS_COUNT, YR_STATUS_COUNT + 1, 1000, INT32_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_string_equal(yr_strerror((yr_status)bad[i]), "unknown status");
        assert_string_equal(yr_status_name((yr_status)bad[i]), "YR_UNKNOWN");
    }
}

/* The messages say what went wrong (a few words a user would recognise). */
static void test_messages_meaningful(void **state)
{
    (void)state;
    assert_non_null(strstr(yr_strerror(YR_ERR_NULL), "NULL"));
    assert_non_null(strstr(yr_strerror(YR_ERR_NEGATIVE), "negative"));
    assert_non_null(strstr(yr_strerror(YR_ERR_ZERO_WEIGHT), "zero"));
    assert_non_null(strstr(yr_strerror(YR_ERR_OVERFLOW), "fit"));
    assert_non_null(strstr(yr_strerror(YR_ERR_RANGE), "range"));
    assert_non_null(strstr(yr_strerror(YR_ERR_NOMEM), "memory"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_match_contract),      cmocka_unit_test(test_names),
        cmocka_unit_test(test_messages_distinct_nonempty), cmocka_unit_test(test_unknown_values),
        cmocka_unit_test(test_messages_meaningful),
    };
    return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
