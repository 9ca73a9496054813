/* Unit tests of yr_read_pot_layout(): the layout of a pot's attendance and trainers files and the
 * request to read them with. The corpus (tests/reading/layout-*.expect) has the adversarial files
 * read through it; these are the parts no one file shows: the caller's entries, the forms of the
 * trainer words, labels as days, the doubts, a head of more than 64 KiB, bad arguments.
 * Expectations are worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yrkesresa/read.h"

/* The layout of text @p s as file @p input with the caller's entries @p cols (n of them). */
static yr_read_status layout(const char *s, yr_pot_input input, const char *const *cols, size_t n,
                             yr_pot_layout *out, yr_read_error *err)
{
    yr_read_options o;
    yr_read_options_init(&o);
    o.columns = cols;
    o.ncolumns = n;
    return yr_read_pot_layout(s, strlen(s), &o, input, out, err);
}

/* 1 when the request's columns hold entry @p e. */
static int has_entry(const yr_pot_layout *l, const char *e)
{
    for (size_t k = 0; k < l->ncolumns; k++)
        if (strcmp(l->columns[k], e) == 0)
            return 1;
    return 0;
}

static void test_arguments(void **state)
{
    (void)state;
    yr_pot_layout l;
    yr_read_error e;
    assert_int_equal(yr_read_pot_layout("a", 1, NULL, YR_POT_INPUT_TRAINERS, NULL, &e),
                     YR_READ_ERR_NULL);
    assert_int_equal(yr_read_pot_layout(NULL, 3, NULL, YR_POT_INPUT_TRAINERS, &l, &e),
                     YR_READ_ERR_NULL);
    assert_int_equal(yr_read_pot_layout("a\n", 2, NULL, (yr_pot_input)7, &l, &e),
                     YR_READ_ERR_OPTION);
    /* a header that does not read is the reader's error: an .xls (OLE2 magic) */
    static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 and more";
    assert_int_equal(yr_read_pot_layout(ole, sizeof ole - 1, NULL, YR_POT_INPUT_ATTENDANCE, &l, &e),
                     YR_READ_ERR_FORMAT);
}

/* The caller's entries decide an attendance file before its headers: participants= counted,
 * person= a list (the first of the two); a `day=` entry is left out of a counted request (its
 * days are read cell by cell) and kept in a list's. */
static void test_attendance_entries(void **state)
{
    (void)state;
    yr_pot_layout l;
    yr_read_error e;
    const char *text = "Dag,Kommun,Person,Antal\n2024-02-06,Falun,Anna,3\n";
    const char *counted[] = {"participants=Antal", "day=Dag", "person=Person"};
    assert_int_equal(layout(text, YR_POT_INPUT_ATTENDANCE, counted, 3, &l, &e), YR_READ_OK);
    assert_false(l.list);
    assert_string_equal(l.day, "Dag");
    assert_string_equal(l.count, ""); /* named by the caller, not read back by the layout */
    assert_int_equal(l.ncolumns, 2);
    assert_ptr_equal(l.columns[0], counted[0]); /* the caller's own strings */
    assert_ptr_equal(l.columns[1], counted[2]);
    assert_int_equal(l.nwant, 4);
    assert_int_equal(l.want[2].role, YR_ROLE_PARTICIPANTS);
    assert_int_equal(l.want[3].role, YR_ROLE_COURSE); /* a course column splits the pots */
    const char *list[] = {"person=Person", "day=Dag", "participants=Antal"};
    assert_int_equal(layout(text, YR_POT_INPUT_ATTENDANCE, list, 3, &l, &e), YR_READ_OK);
    assert_true(l.list);
    assert_int_equal(l.ncolumns, 3); /* the day read by the reader: day=Dag kept */
    assert_int_equal(l.nwant, 5);
    assert_int_equal(l.want[0].role, YR_ROLE_DAY);
    assert_true(l.want[2].flags & YR_WANT_UNIQUE);
    /* no entry: a person header and a participants header: counted */
    const char *both = "Datum,Kommun,E-post,Deltagare\n2024-02-06,Falun,a@x.se,3\n";
    assert_int_equal(layout(both, YR_POT_INPUT_ATTENDANCE, NULL, 0, &l, &e), YR_READ_OK);
    assert_false(l.list);
    assert_string_equal(l.count, "");
}

/* The count column of `stats count --long` read back ('antal' in Swedish), and a counted file
 * without a day column refused naming what was looked for, at the header's line (2, below a
 * title). */
static void test_attendance_count_and_day(void **state)
{
    (void)state;
    yr_pot_layout l;
    yr_read_error e;
    assert_int_equal(layout("Datum;Kommun;antal\n2024-02-06;Falun;3\n", YR_POT_INPUT_ATTENDANCE,
                            NULL, 0, &l, &e),
                     YR_READ_OK);
    assert_string_equal(l.count, "antal");
    assert_true(has_entry(&l, "participants=antal"));
    assert_int_equal(
        layout("Kommun;Deltagare\nFalun;3\n", YR_POT_INPUT_ATTENDANCE, NULL, 0, &l, &e),
        YR_READ_ERR_HEADER);
    assert_non_null(strstr(e.message, "no day column (looked for a header day, datum, dag"));
    const char *day[] = {"day=Kursdatum"};
    assert_int_equal(layout("Datum;Kommun;Deltagare\n2024-02-06;Falun;3\n", YR_POT_INPUT_ATTENDANCE,
                            day, 1, &l, &e),
                     YR_READ_ERR_HEADER);
    assert_string_equal(e.message, "--column day=Kursdatum: no such column");
    assert_int_equal(e.line, 1);
}

/* The forms of the trainer words: each header below over a column of names is the person
 * column; 'Utbildarens kommun' and 'Kurs' are no trainer words (no person: unnamed). */
static void test_trainer_word_forms(void **state)
{
    (void)state;
    static const char *const person[] = {"Utbildare",
                                         "Utbildaren",
                                         "Utbildarnamn",
                                         "Handledarens namn",
                                         "L\xc3\xa4rare",
                                         "Instrukt\xc3\xb6r",
                                         "Trainer name",
                                         "Trainers",
                                         "Name of trainer",
                                         "KURSLEDARE",
                                         "F\xc3\xb6rel\xc3\xa4sare"};
    static const char *const other[] = {"Utbildarens kommun", "Kurs", "Utbildning"};
    yr_pot_layout l;
    yr_read_error e;
    char text[256];
    for (size_t k = 0; k < sizeof person / sizeof person[0]; k++) {
        snprintf(text, sizeof text,
                 "Datum;%s;Kommun;Roll\n2024-02-06;Anna Berg;Falun;utbildare\n"
                 "2024-02-06;Per Ek;Mora;kursledare\n",
                 person[k]);
        assert_int_equal(layout(text, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_OK);
        if (strcmp(l.person, person[k]) != 0 || !l.named)
            fail_msg("'%s': person '%s', named %d", person[k], l.person, l.named);
        char entry[300];
        snprintf(entry, sizeof entry, "person=%s", person[k]);
        assert_true(has_entry(&l, entry));
        assert_int_equal(l.nwant, 6);
    }
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        snprintf(text, sizeof text, "Datum;%s;Kommun;Roll\n2024-02-06;Anna Berg;Falun;utbildare\n",
                 other[k]);
        assert_int_equal(layout(text, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_OK);
        if (l.person[0] != '\0' || l.named)
            fail_msg("'%s' taken for the person", other[k]);
        assert_int_equal(l.nwant, 4);
    }
}

/* Days written as labels: the person column is found, but the rows are not keyed (the reader's
 * key holds dates only), and a caller's day= entry is left out (the labels are read cell by
 * cell). */
static void test_trainers_labels(void **state)
{
    (void)state;
    yr_pot_layout l;
    yr_read_error e;
    const char *day[] = {"day=Kursdag nr"};
    assert_int_equal(layout("Kursdag nr;Utbildare;Kommun;Roll\nDag 1;Anna Berg;Falun;Utbildare\n",
                            YR_POT_INPUT_TRAINERS, day, 1, &l, &e),
                     YR_READ_OK);
    assert_false(l.named);
    assert_false(l.dates);
    assert_string_equal(l.person, "Utbildare");
    assert_string_equal(l.day, "Kursdag nr");
    assert_int_equal(l.ncolumns, 0);
    assert_int_equal(l.nwant, 4);
    /* dates: the same entry kept, the person named by its header (no entry needed) */
    assert_int_equal(layout("Kursdag nr;E-post;Kommun;Roll\n2024-02-06;a@x.se;Falun;Utbildare\n",
                            YR_POT_INPUT_TRAINERS, day, 1, &l, &e),
                     YR_READ_OK);
    assert_true(l.named);
    assert_true(l.dates);
    assert_int_equal(l.ncolumns, 1);
    assert_ptr_equal(l.columns[0], day[0]);
}

/* The doubts: two trainer-word columns of names; a trainer-word column of role words beside
 * 'Roll'; one of municipalities; each refused naming the columns, never a person. A column the
 * caller names is left alone. */
static void test_trainer_doubts(void **state)
{
    (void)state;
    yr_pot_layout l;
    yr_read_error e;
    const char *two = "Datum;Kursledare;Utbildare;Kommun;Roll\n"
                      "2024-02-06;Eva Lind;Anna Berg;Falun;utbildare\n";
    assert_int_equal(layout(two, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_ERR_HEADER);
    assert_non_null(strstr(e.message, "columns 'Kursledare' and 'Utbildare' both hold names"));
    assert_null(strstr(e.message, "Anna"));
    const char *named[] = {"person=Kursledare"};
    assert_int_equal(layout(two, YR_POT_INPUT_TRAINERS, named, 1, &l, &e), YR_READ_OK);
    assert_string_equal(l.person, "Kursledare");
    const char *roles = "Datum;Kommun;Roll;Utbildare\n2024-02-06;Falun;utbildare;Kursledare\n";
    assert_int_equal(layout(roles, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_ERR_HEADER);
    assert_non_null(
        strstr(e.message, "columns 'Roll' and 'Utbildare' both say the trainer's role"));
    const char *places = "Datum;Kommun;Roll;Utbildare\n2024-02-06;Falun;utbildare;Mora\n";
    assert_int_equal(layout(places, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_ERR_HEADER);
    assert_non_null(strstr(e.message, "holds municipalities"));
    assert_non_null(strstr(e.message, "municipality=Utbildare"));
    assert_int_equal(e.line, 2);
    /* blank cells say nothing: a column of names with blanks is still the person */
    const char *blanks = "Datum;Utbildare;Kommun;Roll\n2024-02-06;;Falun;utbildare\n"
                         "2024-02-06;Per Ek;Mora;utbildare\n";
    assert_int_equal(layout(blanks, YR_POT_INPUT_TRAINERS, NULL, 0, &l, &e), YR_READ_OK);
    assert_string_equal(l.person, "Utbildare");
}

/* An attendance list longer than 64 KiB (the layout reads its head), in UTF-8 and in UTF-16LE
 * (the head cut after a two-byte newline): a list either way. */
static void test_long_list(void **state)
{
    (void)state;
    size_t rows = 4000, cap = 64 + rows * 40;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t n = (size_t)snprintf(text, cap, "Datum,Kommun,E-post\n");
    for (size_t i = 0; i < rows; i++)
        n += (size_t)snprintf(text + n, cap - n, "2024-02-06,Falun,p%05zu@falun.se\n", i);
    assert_true(n > 65536);
    yr_pot_layout l;
    yr_read_error e;
    assert_int_equal(yr_read_pot_layout(text, n, NULL, YR_POT_INPUT_ATTENDANCE, &l, &e),
                     YR_READ_OK);
    assert_true(l.list);
    unsigned char *u16 = malloc(2 * n + 2);
    assert_non_null(u16);
    u16[0] = 0xFF;
    u16[1] = 0xFE;
    for (size_t i = 0; i < n; i++) {
        u16[2 + 2 * i] = (unsigned char)text[i];
        u16[3 + 2 * i] = 0;
    }
    assert_int_equal(yr_read_pot_layout(u16, 2 * n + 2, NULL, YR_POT_INPUT_ATTENDANCE, &l, &e),
                     YR_READ_OK);
    assert_true(l.list);
    free(u16);
    free(text);
}

/* yr_table_find_header(): as written first, else the one header equal by key; two equal by key
 * and none written so: none. yr_table_header_line(): below a title and an empty line, 3. */
static void test_find_header(void **state)
{
    (void)state;
    const char *text = "Deltagare dag 6 februari\n\nKommun;Antal (st);antal;Befolkning 2023\n"
                       "Falun;1;2;3\n";
    yr_read_options o;
    yr_read_options_init(&o);
    yr_table *t = NULL;
    yr_read_error e;
    assert_int_equal(yr_read_table(text, strlen(text), &o, &t, &e), YR_READ_OK);
    assert_int_equal(yr_table_header_line(t), 3);
    assert_int_equal(yr_table_find_header(t, "antal"), 2);            /* as written */
    assert_int_equal(yr_table_find_header(t, "ANTAL"), YR_READ_NONE); /* two by key */
    assert_int_equal(yr_table_find_header(t, "befolkning"), 3);       /* one by key */
    assert_int_equal(yr_table_find_header(t, "Kurs"), YR_READ_NONE);
    assert_int_equal(yr_table_find_header(NULL, "Kurs"), YR_READ_NONE);
    assert_int_equal(yr_table_header_line(NULL), 0);
    yr_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_attendance_entries),
        cmocka_unit_test(test_attendance_count_and_day),
        cmocka_unit_test(test_trainer_word_forms),
        cmocka_unit_test(test_trainers_labels),
        cmocka_unit_test(test_trainer_doubts),
        cmocka_unit_test(test_long_list),
        cmocka_unit_test(test_find_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
