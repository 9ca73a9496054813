/* yr_course_days_*: the course days of a trainer pot's two files (adversarial pass 7, H1). The
 * keys, labels and refusals are worked by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/read.h"

static yr_course_days *begin(const char *acourse, const char *tcourse)
{
    const yr_course_day_file f[2] = {{"A.csv", acourse, 1}, {"T.csv", tcourse, 1}};
    yr_course_days *cd = NULL;
    yr_read_error err;
    assert_int_equal(yr_course_days_begin(f, &cd, &err), YR_READ_OK);
    assert_non_null(cd);
    return cd;
}

static size_t add(yr_course_days *cd, int file, size_t day, const char *text, const char *course,
                  size_t line)
{
    size_t key = 99;
    yr_read_error err;
    assert_int_equal(yr_course_days_add(cd, file, day, text, course, line, &key, &err), YR_READ_OK);
    return key;
}

/* Both files with a course column: 2024-03-12 Kurs 1 and Kurs 2 are two course days (0, 1), in
 * order of first appearance; 'KURS 1 ' in the trainers is Kurs 1 (yr_label_key); day 1 Kurs 1
 * is a third (2). Labels: the day as first written, a blank, the course as first written. */
static void test_both(void **state)
{
    (void)state;
    yr_course_days *cd = begin("Kurs", "Kurs");
    assert_int_equal(add(cd, 0, 0, "2024-03-12", "Kurs 1", 2), 0);
    assert_int_equal(add(cd, 0, 0, "2024-03-12", " Kurs 2", 3), 1);
    assert_int_equal(add(cd, 0, 1, "2024-03-13", "Kurs 1", 4), 2);
    assert_int_equal(add(cd, 1, 0, "2024-03-12", "KURS 1 ", 2), 0);
    assert_int_equal(add(cd, 1, 0, "2024-03-12", "kurs-2", 3), 1);
    yr_read_error err;
    int file = 7;
    assert_int_equal(yr_course_days_finish(cd, &file, &err), YR_READ_OK);
    assert_int_equal(yr_course_days_count(cd), 3);
    assert_string_equal(yr_course_days_label(cd, 0), "2024-03-12 Kurs 1");
    assert_string_equal(yr_course_days_label(cd, 1), "2024-03-12 Kurs 2");
    assert_string_equal(yr_course_days_label(cd, 2), "2024-03-13 Kurs 1");
    assert_null(yr_course_days_label(cd, 3));
    size_t day = 9;
    const char *course = NULL;
    assert_int_equal(yr_course_days_get(cd, 2, &day, &course), YR_READ_OK);
    assert_int_equal(day, 1);
    assert_string_equal(course, "Kurs 1");
    assert_int_equal(yr_course_days_get(cd, 3, &day, &course), YR_READ_ERR_OPTION);
    yr_course_days_free(cd);
}

/* A course the trainers write another way ('Kurs2'): Kurs 2 has attendance and no trainer while
 * the trainers name other courses that day: refused at its first attendance line (3). Then
 * trainers of a course nobody attended that day: refused at the trainers' line. A day only the
 * attendance has (2024-03-13) is no refusal (its pot is undistributed). */
static void test_unmatched(void **state)
{
    (void)state;
    yr_course_days *cd = begin("Kurs", "Kurs");
    add(cd, 0, 0, "2024-03-12", "Kurs 1", 2);
    add(cd, 0, 0, "2024-03-12", "Kurs 2", 3);
    add(cd, 0, 1, "2024-03-13", "Kurs 3", 4);
    add(cd, 1, 0, "2024-03-12", "Kurs 1", 2);
    add(cd, 1, 0, "2024-03-12", "Kurs2", 3);
    yr_read_error err;
    int file = 7;
    assert_int_equal(yr_course_days_finish(cd, &file, &err), YR_READ_ERR_CELL);
    assert_int_equal(file, 0);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.message,
                        "course 'Kurs 2' on 2024-03-12 has attendance rows but no trainer in "
                        "T.csv, which names 'Kurs 1', 'Kurs2' that day: write each course alike "
                        "in column 'Kurs' of both files (case, blanks around and '-' do not "
                        "matter), so that each course day's pot goes to its own trainers");
    yr_course_days_free(cd);

    cd = begin("Kurs", "Pass");
    add(cd, 0, 0, "d1", "FM", 2);
    add(cd, 1, 0, "d1", "FM", 2);
    add(cd, 1, 0, "d1", "EM", 5);
    add(cd, 1, 1, "d2", "EM", 6); /* a day without attendance: no refusal */
    assert_int_equal(yr_course_days_finish(cd, &file, &err), YR_READ_ERR_CELL);
    assert_int_equal(file, 1);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.message, "course 'EM' on d1 has trainers but no attendance row "
                                        "in A.csv, which names 'FM' that day"));
    yr_course_days_free(cd);
}

/* A course column in one file only: the course day is the day (label without the course); a
 * second course on a day is refused at its line, naming the first (other_line). */
static void test_one_side(void **state)
{
    (void)state;
    yr_course_days *cd = begin(NULL, "Kurs");
    assert_int_equal(add(cd, 0, 0, "2024-03-12", NULL, 2), 0);
    assert_int_equal(add(cd, 1, 0, "2024-03-12", "Kurs 1", 2), 0);
    assert_int_equal(add(cd, 1, 0, "2024-03-12", "kurs 1", 3), 0);
    assert_int_equal(add(cd, 1, 1, "2024-03-13", "Kurs 2", 4), 1);
    assert_string_equal(yr_course_days_label(cd, 0), "2024-03-12");
    size_t key = 99;
    yr_read_error err;
    assert_int_equal(yr_course_days_add(cd, 1, 0, "2024-03-12", "Kurs 2", 5, &key, &err),
                     YR_READ_ERR_CELL);
    assert_int_equal(key, 99);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.other_line, 2);
    assert_string_equal(err.message,
                        "2024-03-12 has two courses in column 'Kurs' ('Kurs 1' at line 2, "
                        "'Kurs 2' here), but A.csv has no course column: add one naming each "
                        "row's course, so that each course day has its own pot (or leave this "
                        "column out if the courses share one pot)");
    yr_course_days_free(cd);
}

/* No course column: the course days are the days; misuse and blanks are refused. */
static void test_days_and_misuse(void **state)
{
    (void)state;
    yr_course_days *cd = begin(NULL, NULL);
    assert_int_equal(add(cd, 0, 5, "d5", NULL, 2), 0);
    assert_int_equal(add(cd, 1, 5, "d5", NULL, 2), 0);
    assert_int_equal(add(cd, 1, 2, "d2", NULL, 3), 1);
    assert_string_equal(yr_course_days_label(cd, 1), "d2");
    size_t key;
    yr_read_error err;
    assert_int_equal(yr_course_days_add(cd, 0, 0, "d", "Kurs 1", 2, &key, &err),
                     YR_READ_ERR_OPTION); /* a course for a file without the column */
    assert_int_equal(yr_course_days_add(cd, 2, 0, "d", NULL, 2, &key, &err), YR_READ_ERR_OPTION);
    assert_int_equal(yr_course_days_add(NULL, 0, 0, "d", NULL, 2, &key, &err), YR_READ_ERR_NULL);
    yr_course_days_free(cd);
    cd = begin("Kurs", "Kurs");
    assert_int_equal(yr_course_days_add(cd, 0, 0, "d", " ", 4, &key, &err), YR_READ_ERR_CELL);
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.message, "column 'Kurs' is empty"));
    assert_int_equal(yr_course_days_add(cd, 1, 0, "d", NULL, 4, &key, &err), YR_READ_ERR_OPTION);
    yr_course_days_free(cd);
    yr_course_days_free(NULL);
    assert_int_equal(yr_course_days_count(NULL), 0);
}

/* Many course days: the slots grow and every (day, course) keeps its number. */
static void test_many(void **state)
{
    (void)state;
    yr_course_days *cd = begin("Kurs", "Kurs");
    char c[32];
    for (size_t i = 0; i < 3000; i++) {
        snprintf(c, sizeof c, "K%zu", i % 7);
        assert_int_equal(add(cd, 0, i / 7, "d", c, i + 2), i);
    }
    for (size_t i = 0; i < 3000; i += 13) {
        snprintf(c, sizeof c, "k%zu", i % 7);
        assert_int_equal(add(cd, 1, i / 7, "d", c, i + 2), i);
    }
    assert_int_equal(yr_course_days_count(cd), 3000);
    yr_course_days_free(cd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_both),     cmocka_unit_test(test_unmatched),
        cmocka_unit_test(test_one_side), cmocka_unit_test(test_days_and_misuse),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
