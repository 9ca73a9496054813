/* The layout of a trainer pot's two files (yr_read_pot_layout(), read.h): whether an attendance
 * file is a list of persons or a counted table, which column counts, whether a trainers file
 * names its persons (the trainer-word rule) and whether its days are dates; and the request to
 * read the file with. One reading of the header, once, for every caller (the program's `pot`
 * and `statement`): the program decides none of it. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/identity.h"
#include "yrkesresa/labels.h"
#include "yrkesresa/names.h"
#include "yrkesresa/pot.h"

#define AE "\xc3\xa4" /* ä */
#define AA "\xc3\xa5" /* å */
#define OE "\xc3\xb6" /* ö */

/* The head of a text file that holds its header: its first 64 KiB cut after a line's end (a
 * UTF-16 file after its two-byte newline); a workbook whole (a zip is not read from its head). */
static size_t text_head(const char *b, size_t len)
{
    const size_t cap = 65536;
    if (len <= cap || (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0))
        return len;
    int le = (unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE;
    int be = (unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF;
    for (size_t n = cap; n > 2; n--) {
        if (le   ? n % 2 == 0 && b[n - 2] == '\n' && b[n - 1] == '\0'
            : be ? n % 2 == 0 && b[n - 2] == '\0' && b[n - 1] == '\n'
                 : b[n - 1] == '\n')
            return n;
    }
    return len;
}

/* The header (and the cells) of the file, read with only the person role asked for, blank and
 * many allowed: no cell of another column is judged. The head first (attendance), then all. */
static yr_read_status peek(const void *bytes, size_t len, const yr_read_options *opt,
                           yr_pot_input input, yr_table **t, yr_read_error *err)
{
    static const yr_read_want want = {YR_ROLE_PERSON, YR_WANT_BLANK_OK | YR_WANT_MANY};
    yr_read_options o;
    yr_read_options_init(&o);
    o.want = &want;
    o.nwant = 1;
    o.sheet = opt->sheet;
    o.header_row = opt->header_row;
    o.borrow = 1;
    size_t head = input == YR_POT_INPUT_ATTENDANCE ? text_head(bytes, len) : len;
    if (head < len && yr_read_table(bytes, head, &o, t, NULL) == YR_READ_OK)
        return YR_READ_OK;
    return yr_read_table(bytes, len, &o, t, err);
}

/* The table functions the layout needs that a program needs too (read.h; they stand here, in
 * the layout's file, while table.c is being optimised: move them there when it is free). */
size_t yr_table_header_line(const yr_table *t)
{
    yr_span sp[4];
    size_t n = t != NULL ? yr_table_spans(t, sp, 4) : 0;
    for (size_t k = 0; k < n && k < 4; k++)
        if (sp[k].kind == YR_SPAN_HEADER)
            return sp[k].first;
    return 0;
}

size_t yr_table_find_header(const yr_table *t, const char *name)
{
    char a[256], b[256];
    size_t found = YR_READ_NONE, n = 0;
    if (t == NULL || name == NULL)
        return YR_READ_NONE;
    for (size_t c = 0; c < yr_table_ncols(t); c++)
        if (strcmp(yr_table_header(t, c), name) == 0)
            return c;
    if (yr_header_key(name, a, sizeof a) != YR_READ_OK || a[0] == '\0')
        return YR_READ_NONE;
    for (size_t c = 0; c < yr_table_ncols(t); c++)
        if (yr_header_key(yr_table_header(t, c), b, sizeof b) == YR_READ_OK && strcmp(a, b) == 0)
            found = c, n++;
    return n == 1 ? found : YR_READ_NONE;
}

/* The header of the caller's first `ROLE=HEADER` entry for @p role, or NULL. */
static const char *given(const yr_read_options *opt, const char *role)
{
    size_t n = strlen(role);
    for (size_t k = 0; k < opt->ncolumns; k++)
        if (opt->columns[k] != NULL && strncmp(opt->columns[k], role, n) == 0 &&
            opt->columns[k][n] == '=')
            return opt->columns[k] + n + 1;
    return NULL;
}

/* The first column whose header names @p role, or YR_READ_NONE. */
static size_t role_header(const yr_table *t, yr_read_role role)
{
    for (size_t c = 0; c < yr_table_ncols(t); c++)
        if (yr_role_is_header(yr_table_header(t, c), role))
            return c;
    return YR_READ_NONE;
}

/* Add the entry ROLE=@p header to the request (kept in out->entry). */
static yr_read_status add_entry(yr_pot_layout *out, const char *role, const char *header,
                                yr_read_error *err)
{
    size_t k = 0;
    while (k < 4 && out->entry[k][0] != '\0')
        k++;
    if (k == 4 || out->ncolumns == YR_POT_LAYOUT_COLUMNS)
        return rd_fail(err, YR_READ_ERR_OPTION, 0, "too many column options");
    snprintf(out->entry[k], sizeof out->entry[k], "%s=%s", role, header);
    out->columns[out->ncolumns++] = out->entry[k];
    return YR_READ_OK;
}

static void set_want(yr_pot_layout *out, yr_read_role role, unsigned flags)
{
    out->want[out->nwant].role = role;
    out->want[out->nwant++].flags = flags;
}

/* ------------------------------------------------------------------- the trainer words */

/* 1 when header key @p k (yr_header_key()) is a word for a trainer: a Swedish stem and an
 * ending (utbildare, utbildaren, utbildarens, utbildarna), an English word (trainer,
 * trainers), either before `namn`/`name` or after `namn på`/`name of`. */
static int trainer_key(const char *k)
{
    static const char *const sv[] = {"utbildar",  "kursledar",  "f" OE "rel" AE "sar",
                                     "handledar", "l" AE "rar", "instrukt" OE "r",
                                     NULL};
    static const char *const sv_end[] = {"",  "e",  "en", "ens",  "na",    "nas",
                                         "s", "es", "er", "erna", "ernas", NULL};
    static const char *const en[] = {"trainer",  "leader", "courseleader", "instructor", "teacher",
                                     "lecturer", NULL};
    static const char *const pre[] = {"namnp" AA, "nameofthe", "nameof", "", NULL};
    static const char *const post[] = {"snamn", "namn", "sname", "name", "", NULL};
    for (int p = 0; pre[p] != NULL; p++) {
        size_t pl = strlen(pre[p]);
        if (strncmp(k, pre[p], pl) != 0)
            continue;
        const char *r = k + pl;
        for (int q = 0; post[q] != NULL; q++) {
            size_t ql = strlen(post[q]), rl = strlen(r);
            if (rl < ql || strcmp(r + rl - ql, post[q]) != 0 || (pl > 0 && ql > 0))
                continue;
            for (int s = 0; sv[s] != NULL; s++) {
                size_t sl = strlen(sv[s]);
                for (int e = 0; sl <= rl - ql && sv_end[e] != NULL; e++)
                    if (strncmp(r, sv[s], sl) == 0 && rl - ql == sl + strlen(sv_end[e]) &&
                        strncmp(r + sl, sv_end[e], strlen(sv_end[e])) == 0)
                        return 1;
            }
            for (int s = 0; en[s] != NULL; s++) {
                size_t el = strlen(en[s]), body = rl - ql;
                if (strncmp(r, en[s], el) == 0 && (body == el || (body == el + 1 && r[el] == 's')))
                    return 1;
            }
        }
    }
    return 0;
}

/* What a trainer-word column's cells are. */
enum { CELL_BLANK, CELL_ROLE, CELL_NUMBER, CELL_PLACE, CELL_NAME, CELL_KINDS };

static int cell_class(const char *s, size_t n)
{
    char buf[256], key[256];
    size_t st, l = yr_label_trim(s, n, &st);
    yr_role role;
    yr_place place = YR_PLACE_OTHER;
    int code;
    if (l == 0)
        return CELL_BLANK;
    snprintf(buf, sizeof buf, "%.*s", (int)(l < 255 ? l : 255), s + st);
    if (strspn(buf, "0123456789 ") == strlen(buf))
        return CELL_NUMBER;
    if (yr_role_from_name(buf, &role) == YR_OK ||
        (yr_header_key(buf, key, sizeof key) == YR_READ_OK && trainer_key(key)))
        return CELL_ROLE;
    if (yr_place_of(buf, strlen(buf), &place, &code, NULL) == YR_READ_OK && place != YR_PLACE_OTHER)
        return CELL_PLACE;
    return CELL_NAME;
}

/* The classes column @p c's data cells fall in (a bit each), and the line of the first cell of
 * each class. */
static unsigned column_classes(const yr_table *t, size_t c, size_t line[CELL_KINDS])
{
    unsigned seen = 0;
    for (size_t i = 0; i < yr_table_ndata(t); i++) {
        size_t row = yr_table_data_row(t, i), n;
        const char *s = yr_table_cell(t, row, c, &n);
        int k = cell_class(s, n);
        if (!(seen & (1u << k)))
            line[k] = yr_table_row_line(t, row);
        seen |= 1u << k;
    }
    return seen & ~(1u << CELL_BLANK);
}

/* 1 when column @p c is named by one of the caller's entries (any role). */
static int column_given(const yr_table *t, const yr_read_options *opt, size_t c)
{
    for (size_t k = 0; k < opt->ncolumns; k++) {
        const char *eq = opt->columns[k] != NULL ? strchr(opt->columns[k], '=') : NULL;
        if (eq != NULL && yr_table_find_header(t, eq + 1) == c)
            return 1;
    }
    return 0;
}

/* The refusal of a trainer-word column @p c that is neither clearly names nor clearly roles. */
static yr_read_status trainer_doubt(const yr_table *t, size_t c, unsigned seen,
                                    const size_t line[CELL_KINDS], yr_read_error *err)
{
    const char *h = yr_table_header(t, c);
    size_t at = (seen & (1u << CELL_NUMBER))        ? line[CELL_NUMBER]
                : (seen & (1u << CELL_PLACE))       ? line[CELL_PLACE]
                : line[CELL_ROLE] > line[CELL_NAME] ? line[CELL_ROLE]
                                                    : line[CELL_NAME];
    const char *what = (seen & (1u << CELL_NUMBER))  ? "numbers (a trainers file has one row per "
                                                       "trainer and day)"
                       : (seen & (1u << CELL_PLACE)) ? "municipalities"
                                                     : "both roles (kursledare, utbildare) and "
                                                       "names";
    return rd_fail(err, YR_READ_ERR_HEADER, at,
                   "column '%s' is headed by a word for a trainer but holds %s: say what it is "
                   "with --trainers-column person=%s (the trainers' names), role=%s (kursledare "
                   "or utbildare) or municipality=%s",
                   h, what, h, h, h);
}

/* The trainer-word rule: a column headed by a word for a trainer whose cells are names is the
 * person column; one whose cells are role words is the role column (when no other column says
 * the role). Anything else is doubt, refused. *person, *role: the columns found (unchanged
 * when none). */
static yr_read_status trainer_words(const yr_table *t, const yr_read_options *opt, size_t *person,
                                    size_t *role, yr_read_error *err)
{
    char key[256];
    size_t names = YR_READ_NONE;
    for (size_t c = 0; c < yr_table_ncols(t); c++) {
        size_t line[CELL_KINDS] = {0};
        if (c == *person || c == *role || column_given(t, opt, c) ||
            yr_header_key(yr_table_header(t, c), key, sizeof key) != YR_READ_OK)
            continue;
        if ((strncmp(key, "antal", 5) == 0 && trainer_key(key + 5)) ||
            (strncmp(key, "numberof", 8) == 0 && trainer_key(key + 8)))
            return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                           "column '%s' counts trainers, but a trainers file has one row per "
                           "trainer and day: write one row per trainer (or say what the column "
                           "is with --trainers-column ROLE=%s)",
                           yr_table_header(t, c), yr_table_header(t, c));
        if (!trainer_key(key))
            continue;
        unsigned seen = column_classes(t, c, line);
        if (seen == (1u << CELL_ROLE) && *role == YR_READ_NONE) {
            *role = c;
            continue;
        }
        if (seen == (1u << CELL_ROLE))
            return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                           "columns '%s' and '%s' both say the trainer's role: name the one to "
                           "read with --trainers-column role=HEADER",
                           yr_table_header(t, *role), yr_table_header(t, c));
        if (seen != 0 && seen != (1u << CELL_NAME))
            return trainer_doubt(t, c, seen, line, err);
        if (seen != 0 && names != YR_READ_NONE)
            return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                           "columns '%s' and '%s' both hold names of trainers: a trainers file "
                           "has one row per trainer and day; name the person's column with "
                           "--trainers-column person=HEADER",
                           yr_table_header(t, names), yr_table_header(t, c));
        if (seen != 0)
            names = c;
    }
    if (*person == YR_READ_NONE)
        *person = names;
    return YR_READ_OK;
}

/* ------------------------------------------------------------------------ the two files */

/* The day column: the caller's `day=` entry, else the first header that names the day. */
static yr_read_status day_column(const yr_table *t, const yr_read_options *opt, size_t *day,
                                 yr_read_error *err)
{
    const char *h = given(opt, "day");
    *day = h != NULL ? yr_table_find_header(t, h) : role_header(t, YR_ROLE_DAY);
    if (*day != YR_READ_NONE)
        return YR_READ_OK;
    if (h != NULL)
        return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                       "--column day=%s: no such column", h);
    return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                   "no day column (looked for a header day, datum, dag, date; name it with "
                   "--column day=HEADER)");
}

/* The caller's entries, a `day=` one left out when @p keep_day is 0 (the days are labels). */
static yr_read_status caller_columns(const yr_read_options *opt, int keep_day, yr_pot_layout *out,
                                     yr_read_error *err)
{
    for (size_t k = 0; k < opt->ncolumns; k++) {
        if (!keep_day && strncmp(opt->columns[k], "day=", 4) == 0)
            continue;
        if (out->ncolumns == YR_POT_LAYOUT_COLUMNS)
            return rd_fail(err, YR_READ_ERR_OPTION, 0, "too many column options");
        out->columns[out->ncolumns++] = opt->columns[k];
    }
    return YR_READ_OK;
}

/* 1 when a list: the first `participants=` or `person=` entry, else the headers. */
static int attendance_list(const yr_table *t, const yr_read_options *opt)
{
    for (size_t k = 0; k < opt->ncolumns; k++) {
        if (strncmp(opt->columns[k], "participants=", 13) == 0)
            return 0;
        if (strncmp(opt->columns[k], "person=", 7) == 0)
            return 1;
    }
    return role_header(t, YR_ROLE_PERSON) != YR_READ_NONE &&
           role_header(t, YR_ROLE_PARTICIPANTS) == YR_READ_NONE;
}

static yr_read_status attendance(const yr_table *t, const yr_read_options *opt, yr_pot_layout *out,
                                 yr_read_error *err)
{
    size_t day, count = YR_READ_NONE;
    yr_read_status st;
    out->list = attendance_list(t, opt);
    if (out->list) {
        set_want(out, YR_ROLE_DAY, YR_WANT_REQUIRED | YR_WANT_UNIQUE);
        set_want(out, YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED);
        set_want(out, YR_ROLE_PERSON, YR_WANT_REQUIRED | YR_WANT_UNIQUE);
        set_want(out, YR_ROLE_PRESENT, 0);
        set_want(out, YR_ROLE_COURSE, YR_WANT_UNIQUE); /* one person once a course day */
        return caller_columns(opt, 1, out, err);
    }
    for (size_t c = 0; c < yr_table_ncols(t); c++)
        if (yr_header_counts_days(yr_table_header(t, c)))
            return rd_fail(err, YR_READ_ERR_HEADER, yr_table_header_line(t),
                           "column '%s' counts days, but each row is one course day: write one "
                           "row per day (or leave the column out if every row is one day)",
                           yr_table_header(t, c));
    if ((st = day_column(t, opt, &day, err)) != YR_READ_OK)
        return st;
    snprintf(out->day, sizeof out->day, "%s", yr_table_header(t, day));
    set_want(out, YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_BLANK_OK);
    set_want(out, YR_ROLE_CODE, 0);
    set_want(out, YR_ROLE_PARTICIPANTS, YR_WANT_REQUIRED);
    set_want(out, YR_ROLE_COURSE, 0); /* the course day's course (yr_course_days_add()) */
    for (size_t c = 0; given(opt, "participants") == NULL && c < yr_table_ncols(t); c++) {
        if (yr_role_is_header(yr_table_header(t, c), YR_ROLE_PARTICIPANTS)) {
            count = YR_READ_NONE; /* the participants named by their header */
            break;
        }
        if (count == YR_READ_NONE &&
            yr_out_name_find(yr_table_header(t, c), YR_OUT_COLUMN) == YR_OUT_COUNT)
            count = c; /* `stats count --by DAY,MUNICIPALITY --long` read back */
    }
    if ((st = caller_columns(opt, 0, out, err)) != YR_READ_OK || count == YR_READ_NONE)
        return st;
    snprintf(out->count, sizeof out->count, "%s", yr_table_header(t, count));
    return add_entry(out, "participants", out->count, err);
}

/* 1 when the day cell of the first data row is a date (yr_read_day()). */
static int first_day_is_date(const yr_table *t, size_t day)
{
    yr_day_column col = {0, 0, NULL};
    char iso[64];
    size_t n;
    if (yr_table_ndata(t) == 0)
        return 0;
    const char *s = yr_table_cell(t, yr_table_data_row(t, 0), day, &n);
    return yr_read_day(&col, s, n, 0, iso, sizeof iso, NULL, NULL) == YR_READ_OK && col.kind == 1;
}

static yr_read_status trainers(const yr_table *t, const yr_read_options *opt, yr_pot_layout *out,
                               yr_read_error *err)
{
    size_t day, person = YR_READ_NONE, role = YR_READ_NONE;
    const char *h = given(opt, "person");
    yr_read_status st = day_column(t, opt, &day, err);
    if (st != YR_READ_OK)
        return st;
    person = h != NULL ? yr_table_find_header(t, h) : role_header(t, YR_ROLE_PERSON);
    role = given(opt, "role") != NULL ? yr_table_find_header(t, given(opt, "role"))
                                      : role_header(t, YR_ROLE_ROLE);
    size_t had_role = role;
    if ((st = trainer_words(t, opt, &person, &role, err)) != YR_READ_OK)
        return st;
    snprintf(out->day, sizeof out->day, "%s", yr_table_header(t, day));
    out->dates = first_day_is_date(t, day);
    out->named = (person != YR_READ_NONE || h != NULL) && out->dates;
    set_want(out, YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_BLANK_OK);
    set_want(out, YR_ROLE_CODE, 0);
    set_want(out, YR_ROLE_ROLE, YR_WANT_REQUIRED);
    set_want(out, YR_ROLE_COURSE, out->named ? YR_WANT_UNIQUE : 0u); /* part of a person's key */
    if (person != YR_READ_NONE)
        snprintf(out->person, sizeof out->person, "%s", yr_table_header(t, person));
    if ((st = caller_columns(opt, out->named, out, err)) != YR_READ_OK)
        return st;
    if (role != had_role) {
        snprintf(out->role, sizeof out->role, "%s", yr_table_header(t, role));
        if ((st = add_entry(out, "role", out->role, err)) != YR_READ_OK)
            return st;
    }
    if (!out->named)
        return YR_READ_OK;
    set_want(out, YR_ROLE_PERSON, YR_WANT_REQUIRED | YR_WANT_UNIQUE);
    set_want(out, YR_ROLE_DAY, YR_WANT_REQUIRED | YR_WANT_UNIQUE);
    if (h == NULL && !yr_role_is_header(out->person, YR_ROLE_PERSON))
        return add_entry(out, "person", out->person, err); /* the trainer-word rule's */
    return YR_READ_OK;
}

yr_read_status yr_read_pot_layout(const void *bytes, size_t len, const yr_read_options *opt,
                                  yr_pot_input input, yr_pot_layout *out, yr_read_error *err)
{
    yr_read_options defaults;
    yr_table *t = NULL;
    if (err != NULL)
        memset(err, 0, sizeof *err), err->column = YR_READ_NONE;
    if (out == NULL || (bytes == NULL && len > 0))
        return rd_fail(err, YR_READ_ERR_NULL, 0, "a required pointer is NULL");
    memset(out, 0, sizeof *out);
    if (opt == NULL) {
        yr_read_options_init(&defaults);
        opt = &defaults;
    }
    if (input != YR_POT_INPUT_ATTENDANCE && input != YR_POT_INPUT_TRAINERS)
        return rd_fail(err, YR_READ_ERR_OPTION, 0, "no such file of a pot (%d)", (int)input);
    yr_read_status st = peek(bytes, len, opt, input, &t, err);
    if (st == YR_READ_OK)
        st = input == YR_POT_INPUT_ATTENDANCE ? attendance(t, opt, out, err)
                                              : trainers(t, opt, out, err);
    yr_table_free(t);
    return st;
}
