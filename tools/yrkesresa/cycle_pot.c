/* The trainer pot of `pot` and `statement` (issue 23.1): one set of options, one reader of the
 * attendance and trainers files and one settlement, the library's accumulator (yr_pot_begin,
 * yr_pot_add_attendance, yr_pot_add_trainers, yr_pot_finish). The program reads the cells,
 * numbers days and municipalities by first appearance (attendance, then trainers: SPEC §6) and
 * feeds the records one at a time; every check, sum, rounding and tie rule is the library's. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yrkesresa.h>

#include "cli_read.h"
#include "cmd_cycle.h"

size_t cycle_pot_options(cycle_pot_args *a, cli_option *opts)
{
    const cli_option o[CYCLE_POT_NOPTS] = {
        {"attendance", CLI_OPT_VALUE, &a->attendance, "FILE",
         "course days: columns day, municipality, participants (or datum/dag, kommun, "
         "deltagare/antal deltagare; the output of 'stats count --by DAY,MUNICIPALITY --long' "
         "too), or the platform's list: one row per participant and day with a person column "
         "(person, namn på deltagare, e-post, ...) and optionally Närvaro (Ja/Nej, 1/0; only "
         "the present count) - a CSV without a participants column, or an .xlsx; one person "
         "twice on one day (and course) is an error pointing at both lines"},
        {"trainers", CLI_OPT_VALUE, &a->trainers, "FILE",
         "columns day, municipality, role (or datum, kommun, roll; role: leader/kursledare or "
         "trainer/utbildare, any case); with a person column (person, e-post, or names under "
         "utbildare, kursledare, ...) and dates as days, one person twice on one day (and "
         "course) is an error pointing at both lines. A course column (course, kurs, pass, "
         "session) in both files makes each course of a day its own pot (the course day "
         "'2024-03-12 Kurs 1'); in one file only, each day may have one course"},
        {"attendance-column", CLI_OPT_LIST, &a->attendance_column, "ROLE=HEADER",
         "a column of the attendance file only (--column ROLE=HEADER names it in every file)"},
        {"trainers-column", CLI_OPT_LIST, &a->trainers_column, "ROLE=HEADER",
         "a column of the trainers file only"},
        {"attendance-sheet", CLI_OPT_VALUE, &a->attendance_sheet, "NAME|N",
         "the sheet of an .xlsx attendance file (a name, or a number counted from 1; default "
         "the sheet that has the table)"},
        {"trainers-sheet", CLI_OPT_VALUE, &a->trainers_sheet, "NAME|N",
         "the sheet of an .xlsx trainers file"},
        {"fee", CLI_OPT_VALUE, &a->fee, "N",
         "fee per participant and course day (default: Dalarna 2024, 600)"},
        {"pot", CLI_OPT_VALUE, &a->pot, "N",
         "the part of the fee that goes to the pot (default 400)"},
        {"pot-part", CLI_OPT_VALUE, &a->pot_part, "N", "the old name of --pot (an alias)"},
        {"leader-share", CLI_OPT_VALUE, &a->leader_share, "X",
         "a course leader's share of a day's pot (default 1.5; 1,5 works)"},
        {"trainer-share", CLI_OPT_VALUE, &a->trainer_share, "X", "a trainer's share (default 1)"},
        {"other-parties", CLI_OPT_FLAG, &a->other_parties, NULL,
         "names that are not municipalities (a region, an organisation) are parties of the "
         "pot's files too; without it such a name among municipalities is an error, and with "
         "it a name one or two letters from a municipality's ('Borlange') still is"},
    };
    memcpy(opts, o, sizeof o);
    return CYCLE_POT_NOPTS;
}

int cycle_pot_wanted(const cycle_pot_args *a)
{
    return a->attendance != NULL || a->trainers != NULL;
}

int cycle_pot_usage(const char *cmd, const cycle_pot_args *a)
{
    int rules = a->fee || a->pot || a->pot_part || a->leader_share || a->trainer_share ||
                a->attendance_column.n || a->trainers_column.n || a->other_parties ||
                a->attendance_sheet || a->trainers_sheet;
    if (a->pot != NULL && a->pot_part != NULL)
        return cli_fail_usage(cmd, "--pot and --pot-part are one option (--pot-part is its old "
                                   "name): give it once");
    if (!cycle_pot_wanted(a))
        return rules ? cli_fail_usage(
                           cmd, "--fee, --pot, the shares, the column options and --other-parties "
                                "need --attendance and --trainers")
                     : 0;
    if (a->attendance == NULL || a->trainers == NULL)
        return cli_fail_usage(cmd, "--attendance and --trainers go together");
    if (strcmp(a->attendance, "-") == 0 && strcmp(a->trainers, "-") == 0)
        return cli_fail_usage(cmd, "--attendance and --trainers cannot both be standard input "
                                   "('-'): give one of them as a file");
    return 0;
}

/* The rules: Dalarna 2024's (yr_pot_rules_dalarna_2024) changed by the options; the shares
 * as decimals ("1,5") over one common denominator by the library. */
static int make_rules(const char *cmd, const cycle_pot_args *a, yr_pot_rules *rules)
{
    yr_pot_rules_dalarna_2024(rules);
    int64_t fee = rules->fee, pot = rules->pot_part, ln = rules->share[YR_ROLE_LEADER],
            ld = rules->share[YR_ROLE_TRAINER], tn = ld, td = ld;
    const char *pot_text = a->pot != NULL ? a->pot : a->pot_part;
    const char *pot_name = a->pot != NULL ? "pot" : "pot-part";
    if ((a->fee && cli_opt_int64(cmd, "fee", a->fee, &fee) != 0) ||
        (pot_text && cli_opt_int64(cmd, pot_name, pot_text, &pot) != 0) ||
        (a->leader_share && cli_opt_fraction(cmd, "leader-share", a->leader_share, &ln, &ld)) ||
        (a->trainer_share && cli_opt_fraction(cmd, "trainer-share", a->trainer_share, &tn, &td)))
        return CLI_EXIT_ERROR;
    yr_where w;
    if (yr_pot_rules_with_shares_where(fee, pot, ln, ld, tn, td, rules, &w) != YR_OK)
        return cli_fail_lib_usage(cmd, NULL, &w); /* "--pot 400 is larger than --fee 300" */
    return 0;
}

/* The options of one file: --column for every file, then --attendance-column or
 * --trainers-column (the last one given for a role wins). */
static int file_columns(const char *cmd, const cli_common *c, const cli_list *own, cli_common *out)
{
    cli_common check = *c; /* the program's roles, and the reader's (person, present) of a list */
    *out = *c;
    for (size_t k = 0; k < own->n; k++) {
        const char *v = own->v[k], *eq = strchr(v, '=');
        char role[32];
        if (out->columns.n == sizeof out->columns.v / sizeof out->columns.v[0])
            return cli_fail_usage(cmd, "too many column options");
        out->columns.v[out->columns.n++] = v;
        if (eq != NULL && (size_t)(eq - v) < sizeof role) {
            memcpy(role, v, (size_t)(eq - v));
            role[eq - v] = '\0';
            if (yr_read_role_from_name(role) == YR_ROLE_PERSON ||
                yr_read_role_from_name(role) == YR_ROLE_PRESENT)
                continue;
        }
        check.columns.v[check.columns.n++] = v;
    }
    return cli_check_columns(cmd, &check);
}

/* ---- reading -------------------------------------------------------------------------------- */

/* Grow a per-label array of @p size-byte entries (zeroed) to @p want entries. */
static int grow(void **a, size_t *cap, size_t want, size_t size)
{
    if (want <= *cap)
        return 0;
    unsigned char *b = realloc(*a, want * size);
    if (b == NULL)
        return -1;
    memset(b + *cap * size, 0, (want - *cap) * size);
    *a = b;
    *cap = want;
    return 0;
}

/* *@p text pointed at a copy kept until cycle_pot_free(). 0, or -1 out of memory. */
static int keep_text(cycle_pot *p, const char **text)
{
    if (p->nowned == p->owned_cap &&
        grow((void **)&p->owned, &p->owned_cap, 2 * p->owned_cap + 16, sizeof *p->owned) != 0)
        return -1;
    char *c = strdup(*text);
    if (c == NULL)
        return -1;
    p->owned[p->nowned++] = c;
    *text = c;
    return 0;
}

/* A municipality seen for the first time: its name cell, and its party (statement). */
static int new_municipality(cycle_pot *p, const cycle_pot_lookup *look, const char *file,
                            size_t line, size_t mun, const char *cell)
{
    if (grow((void **)&p->name, &p->name_cap, 2 * p->muns.n, sizeof *p->name) != 0 ||
        (look != NULL && grow((void **)&p->party, &p->party_cap, 2 * p->muns.n, sizeof *p->party)))
        return cli_fail_at(file, 0, "out of memory");
    p->name[mun] = cell;
    if (look == NULL)
        return 0;
    if (cycle_identity_key(file, line, cell, &p->key) != 0)
        return CLI_EXIT_ERROR;
    int rc = look->find(look->ctx, cli_buf_str(&p->key), &p->party[mun]);
    if (rc == 1) {
        char q[80];
        return cli_fail_at(file, line, "municipality %s is not in %s", cli_quote(cell, q, sizeof q),
                           look->what);
    }
    return rc;
}

/* The day of cell @p s as the reader reads a day (yr_read_day: a date as ISO, so 2024-2-6 and
 * 45328 are 2024-02-06; else a label; a date written another way, or dates and labels mixed
 * across both files, is the reader's error), in a new string (NULL after the message). A blank
 * cell stays blank (the caller's "is empty"). */
static char *read_day(cycle_pot *p, const char *file, size_t line, const char *s)
{
    size_t st, n = strlen(s);
    char *out = malloc(n + 16);
    yr_read_error e;
    if (out == NULL)
        return cli_fail_at(file, 0, "out of memory"), NULL;
    if (yr_label_trim(s, n, &st) == 0)
        return out[0] = '\0', out;
    if (yr_read_day(&p->daycol, s, n, line, out, n + 16, NULL, &e) != YR_READ_OK) {
        free(out);
        return cli_read_fail(file, &e), NULL;
    }
    return out;
}

/* The index of @p text in @p set by its label key (yr_label_key: blanks around, no-break
 * spaces, case and '-' do not count), added when new; *kl the key's length. -1 out of memory. */
static int64_t intern(cli_keys *set, cli_buf *b, const char *text, size_t *kl)
{
    size_t n = strlen(text);
    cli_buf_clear(b);
    cli_buf_add(b, text, n); /* reserves n + 1 bytes: a key is never longer than its label */
    if (!b->ok || yr_label_key(text, b->data, n + 1, kl) != YR_OK)
        return -1;
    return cli_keys_index(set, b->data, *kl, 0);
}

/* The course day (yr_course_days_add: the day and, when both files have a course column, the
 * course) of day @p d written @p text, the record's course cell @p course (NULL: no course
 * column) in file @p f; its flag of participants grown. */
static int course_day(cycle_pot *p, int f, size_t line, size_t d, const char *text,
                      const char *course, size_t *key)
{
    yr_read_error e;
    const char *file = f == 0 ? p->afile : p->tfile;
    if (yr_course_days_add(p->cd, f, d, text, course, line, key, &e) != YR_READ_OK)
        return cli_read_fail(file, &e);
    if (grow((void **)&p->busy, &p->busy_cap, 2 * *key + 2, 1) != 0)
        return cli_fail_at(file, 0, "out of memory");
    return 0;
}

/* A row's day and municipality interned: @p day_text and @p key (the municipality's key: its
 * name cell, or its code), @p cell the name as written, @p course its course cell (or NULL);
 * @p heads the two columns' headers. *day is the row's course day. */
static int intern_row(cycle_pot *p, const cycle_pot_lookup *look, int f, size_t line,
                      const char *day_text, const char *course, const char *key, const char *cell,
                      const char *const heads[2], size_t *day, size_t *mun)
{
    size_t kl[2], nm = p->muns.n;
    const char *file = f == 0 ? p->afile : p->tfile;
    char q[80], *dt = read_day(p, file, line, day_text);
    if (dt == NULL)
        return CLI_EXIT_ERROR;
    int64_t d = intern(&p->days, &p->lkey, dt, &kl[0]);
    int64_t m = d < 0 ? -1 : intern(&p->muns, &p->lkey, key, &kl[1]);
    if (m < 0) {
        free(dt);
        return cli_fail_at(file, 0, "out of memory");
    }
    for (int k = 0; k < 2; k++)
        if (kl[k] == 0) {
            free(dt);
            return cli_fail_at(file, line, "column %s is empty", cli_quote(heads[k], q, sizeof q));
        }
    int rc = course_day(p, f, line, (size_t)d, dt, course, day);
    free(dt);
    if (rc != 0)
        return rc;
    *mun = (size_t)m;
    if (p->muns.n == nm)
        return 0;
    return new_municipality(p, look, file, line, *mun, cell);
}

/* The day of row @p row as a label: a date (`2024-02-06`, `2024-02-06 00:00:00`, an Excel
 * serial in the workbook's epoch or an xlsx date: yr_table_day) as ISO 8601 in the one date
 * grammar, so that one day written two ways is one day; any other text as written (`d1`,
 * `Dag 1`). Into @p b. */
static const char *day_label(const cli_input *in, size_t row, size_t col, cli_buf *b)
{
    const char *s = cli_read_cell(in->t, row, col, b);
    yr_day_column one = {0, 0, NULL}; /* the cell alone: read_day() judges the column */
    char iso[16];
    if (s[strspn(s, " \t")] != '\0' &&
        yr_table_day(in->t, row, col, &one, iso, sizeof iso, NULL, NULL) == YR_READ_OK &&
        one.kind == 1) { /* a serial in the workbook's epoch */
        cli_buf_clear(b);
        cli_buf_add(b, iso, strlen(iso));
    }
    return cli_buf_str(b);
}

/* The day and municipality of data row @p row of file @p f, interned: the day by its label
 * (day_label), the municipality by the reader's identity (cli_read_key: SCB code when the file
 * has one, else the normalised name; `Falu kommun`, `Falun` and `2080 Falun` are one). */
static int row_labels(cycle_pot *p, const cycle_pot_lookup *look, int f, size_t row, size_t *day,
                      size_t *mun)
{
    const cli_input *in = f == 0 ? &p->att : &p->tr;
    const size_t *cols = f == 0 ? p->ac : p->tc;
    const char *const heads[2] = {yr_table_header(in->t, cols[0]), yr_table_header(in->t, cols[1])};
    cli_buf dayb;
    cli_buf_init(&dayb);
    size_t nm = p->muns.n;
    cli_buf courseb;
    cli_buf_init(&courseb);
    const char *course =
        p->course[f] != YR_READ_NONE ? cli_read_cell(in->t, row, p->course[f], &courseb) : NULL;
    const char *cell = cli_read_cell(in->t, row, cols[1], &p->scratch);
    int rc = cell[strspn(cell, " \t")] == '\0'
                 ? cli_fail_at(f == 0 ? p->afile : p->tfile, yr_table_row_line(in->t, row),
                               "column '%s' is empty", heads[1])
                 : cli_read_key(in, row, cols[1], &p->key);
    if (rc == 0)
        rc = intern_row(p, look, f, yr_table_row_line(in->t, row),
                        day_label(in, row, cols[0], &dayb), course, cli_buf_str(&p->key), cell,
                        heads, day, mun);
    cli_buf_free(&courseb);
    if (rc == 0 && p->muns.n > nm && keep_text(p, &p->name[*mun]) != 0)
        rc = cli_fail_at(p->afile, 0, "out of memory");
    cli_buf_free(&dayb);
    return rc;
}

/* The layout of file @p f (0 the attendance, 1 the trainers) as the library decides it
 * (yr_read_pot_layout(): a list of persons or a counted table and its count column; whether
 * the trainers name their persons and their days are dates; the request to read it with),
 * from its bytes, loaded into @p in for the reading. */
static int layout_of(const cycle_pot *p, int f, const char *path, const cli_common *own,
                     cli_input *in, yr_pot_layout *lay)
{
    yr_read_options o;
    yr_read_error e;
    yr_read_options_init(&o);
    o.columns = own->columns.v;
    o.ncolumns = own->columns.n;
    o.sheet = f == 0 ? p->asheet : p->tsheet;
    if (cli_read_load(path, in) != 0)
        return CLI_EXIT_ERROR;
    if (yr_read_pot_layout(in->bytes, in->len, &o,
                           f == 0 ? YR_POT_INPUT_ATTENDANCE : YR_POT_INPUT_TRAINERS, lay,
                           &e) != YR_READ_OK)
        return cli_read_fail(in->file, &e);
    return 0;
}

/* Read the bytes of @p in (the layout's file) as @p lay requests; quiet (the reading lines are
 * printed once both files are good). */
static int read_as_laid_out(const cycle_pot *p, const cli_common *own, const yr_pot_layout *lay,
                            cli_input *in)
{
    cli_common req = *own;
    cli_read_opts r;
    memset(&r, 0, sizeof r);
    r.quiet = 1;
    r.other_parties = p->other_parties;
    r.sheet = in == &p->tr ? p->tsheet : p->asheet;
    req.columns.n = 0;
    for (size_t k = 0; k < lay->ncolumns && k < sizeof req.columns.v / sizeof req.columns.v[0]; k++)
        req.columns.v[req.columns.n++] = lay->columns[k];
    return cli_read_loaded(&req, &r, lay->want, lay->nwant, in);
}

/* Read file @p f (0 the counted attendance, 1 the trainers) through libyrkesresa-read: the
 * municipality (its identity), an SCB code column when there is one, the participants (a whole
 * number in the one grammar) or the role, as the layout asks; the days from the layout's day
 * column (read cell by cell: yr_read_day()). */
static int read_counted(cycle_pot *p, int f, const cli_common *own, const yr_pot_layout *lay)
{
    cli_input *in = f == 0 ? &p->att : &p->tr;
    size_t *cols = f == 0 ? p->ac : p->tc;
    if (read_as_laid_out(p, own, lay, in) != 0)
        return CLI_EXIT_ERROR;
    cols[0] = cli_read_find_column(in->t, lay->day);
    cols[1] = yr_table_find_role(in->t, YR_ROLE_MUNICIPALITY);
    cols[2] = yr_table_find_role(in->t, f == 0 ? YR_ROLE_PARTICIPANTS : YR_ROLE_ROLE);
    p->course[f] = yr_table_find_role(in->t, YR_ROLE_COURSE);
    if (cols[0] == YR_READ_NONE) /* the layout found it in these bytes */
        return cli_fail_at(in->file, 0, "internal error: the day column '%s' is gone", lay->day);
    return 0;
}

/* A refusal of the library at line @p line of @p file (0: no line). */
static int refused(const char *file, size_t line, const yr_where *w)
{
    return cli_fail_lib(file, line, NULL, w, NULL);
}

/* The attendance, one record at a time into the accumulator (it keeps sums, not records). */
static int read_attendance(cycle_pot *p, const cycle_pot_lookup *look)
{
    const yr_table *t = p->att.t;
    for (size_t i = 0; i < yr_table_ndata(t); i++) {
        size_t row = yr_table_data_row(t, i);
        yr_attendance a;
        yr_where w;
        yr_value v = {0, 0, 1};
        if (row_labels(p, look, 0, row, &a.day, &a.municipality) != 0)
            return CLI_EXIT_ERROR;
        yr_table_value(t, row, p->ac[2], &v);
        a.participants = v.num;
        if (yr_pot_add_attendance_where(p->acc, &a, 1, &w) != YR_OK)
            return refused(p->afile, w.record != YR_WHERE_NONE ? yr_table_row_line(t, row) : 0, &w);
        p->busy[a.day] |= a.participants > 0;
    }
    return 0;
}

/* The trainers, one record at a time: record k of the accumulator is data row k of the file. */
static int read_trainers(cycle_pot *p, const cycle_pot_lookup *look)
{
    const yr_table *t = p->tr.t;
    p->tkey = malloc((yr_table_ndata(t) ? yr_table_ndata(t) : 1) * sizeof *p->tkey);
    if (p->tkey == NULL)
        return cli_fail_at(p->tfile, 0, "out of memory");
    for (size_t i = 0; i < yr_table_ndata(t); i++) {
        size_t row = yr_table_data_row(t, i), line = yr_table_row_line(t, row);
        yr_trainer tr;
        yr_where w;
        if (row_labels(p, look, 1, row, &tr.day, &tr.municipality) != 0)
            return CLI_EXIT_ERROR;
        p->tkey[i] = tr.day;
        char q[80], ctx[96];
        if (yr_role_from_name_where(cli_read_cell(t, row, p->tc[2], &p->scratch), &tr.role, &w) !=
            YR_OK) {
            snprintf(ctx, sizeof ctx, "column %s",
                     cli_quote(yr_table_header(t, p->tc[2]), q, sizeof q));
            return cli_fail_lib(p->tfile, line, ctx, &w, NULL);
        }
        if (yr_pot_add_trainers_where(p->acc, &tr, 1, &w) != YR_OK)
            return refused(p->tfile, line, &w);
    }
    return 0;
}

/* ---- attendance lists as the platform exports them (issue 22.4) ----------------------------
 * One row per participant and day: day, municipality, a person column and optionally whether
 * the person attended (Närvaro Ja/Nej, 1/0). Read through libyrkesresa-read (cli_read): the
 * day is a date, the person is personal data (read only to find one person twice on one day,
 * which the reader refuses pointing at both lines, never naming the person), a present row is
 * one participant. */

/* Row @p i of the list: its day (ISO, from the reader's date) and municipality interned, and
 * whether the person attended (no attendance column: every row is a participant). */
static int list_row(cycle_pot *p, const cycle_pot_lookup *look, const size_t cols[4], size_t i,
                    yr_attendance *a)
{
    const yr_table *t = p->list.t;
    size_t row = yr_table_data_row(t, i), line = yr_table_row_line(t, row);
    size_t nm = p->muns.n;
    yr_value v;
    int y, m, d;
    char iso[16];
    if (yr_table_value(t, row, cols[0], &v) != YR_READ_OK || !v.present ||
        yr_civil_from_days(v.num, &y, &m, &d) != YR_OK)
        return cli_fail_at(p->afile, line, "column '%s' is not a day", yr_table_header(t, cols[0]));
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    const char *mun = cli_read_cell(t, row, cols[1], &p->scratch);
    const char *const heads[2] = {yr_table_header(t, cols[0]), yr_table_header(t, cols[1])};
    cli_buf courseb;
    cli_buf_init(&courseb);
    const char *course =
        p->course[0] != YR_READ_NONE ? cli_read_cell(t, row, p->course[0], &courseb) : NULL;
    int rc = cli_read_key(&p->list, row, cols[1], &p->key) != 0 || /* the row's identity */
             intern_row(p, look, 0, line, iso, course, cli_buf_str(&p->key), mun, heads, &a->day,
                        &a->municipality) != 0;
    cli_buf_free(&courseb);
    if (rc)
        return CLI_EXIT_ERROR;
    if (p->muns.n > nm && keep_text(p, &p->name[a->municipality]) != 0)
        return cli_fail_at(p->afile, 0, "out of memory");
    a->participants = 1;
    if (cols[3] != YR_READ_NONE && yr_table_value(t, row, cols[3], &v) == YR_READ_OK)
        a->participants = v.present && v.num != 0;
    return 0;
}

/* The list read as the layout asks (libyrkesresa-read): one person once a day (and course,
 * when it has one). */
static int read_list_table(cycle_pot *p, const cli_common *own, const yr_pot_layout *lay)
{
    if (read_as_laid_out(p, own, lay, &p->list) != 0)
        return CLI_EXIT_ERROR;
    p->course[0] = yr_table_find_role(p->list.t, YR_ROLE_COURSE);
    return 0;
}

/* The list, one row at a time into the accumulator. */
static int read_list(cycle_pot *p, const cycle_pot_lookup *look, const yr_pot_layout *lay)
{
    p->dialect = cli_read_dialect(p->list.t);
    size_t cols[4];
    for (int k = 0; k < 4; k++)
        cols[k] = yr_table_find_role(p->list.t, lay->want[k].role);
    for (size_t i = 0; i < yr_table_ndata(p->list.t); i++) {
        yr_attendance a;
        yr_where w;
        if (list_row(p, look, cols, i, &a) != 0)
            return CLI_EXIT_ERROR;
        if (yr_pot_add_attendance_where(p->acc, &a, 1, &w) != YR_OK)
            return refused(p->afile, 0, &w);
        p->busy[a.day] |= a.participants > 0;
    }
    return 0;
}

/* Course days with trainers and no participants: a warning at the first trainer record. */
static void warn_idle_days(cycle_pot *p)
{
    const yr_table *t = p->tr.t;
    for (size_t i = 0; i < yr_table_ndata(t); i++) {
        size_t row = yr_table_data_row(t, i), d = p->tkey[i];
        if (d >= p->ndays || p->busy[d])
            continue;
        p->busy[d] = 1; /* once per day */
        char msg[256];  /* the library's sentence, the bindings' too */
        yr_read_day_warning(cycle_pot_day(p, d), YR_DAY_NO_PARTICIPANTS, 0, msg, sizeof msg);
        fprintf(stderr, "yrkesresa: %s:%zu: warning: %s\n", p->tfile, yr_table_row_line(t, row),
                msg);
    }
}

/* The course days of the two files (yr_course_days_begin): a course column splits the pots, or
 * is refused by the library when it cannot. */
static int course_days_begin(cycle_pot *p, int list)
{
    const yr_table *t[2] = {list ? p->list.t : p->att.t, p->tr.t};
    yr_course_day_file files[2];
    for (int f = 0; f < 2; f++) {
        files[f].where = f == 0 ? p->afile : p->tfile;
        files[f].course = p->course[f] != YR_READ_NONE ? yr_table_header(t[f], p->course[f]) : NULL;
        files[f].header_line = cli_read_header_line(t[f]);
    }
    yr_read_error e;
    if (yr_course_days_begin(files, &p->cd, &e) != YR_READ_OK)
        return cli_read_fail(p->afile, &e);
    return 0;
}

/* After both files: the two files name the same courses on the days they share. */
static int course_days_finish(cycle_pot *p)
{
    yr_read_error e;
    int f = 0;
    if (yr_course_days_finish(p->cd, &f, &e) != YR_READ_OK)
        return cli_read_fail(f == 0 ? p->afile : p->tfile, &e);
    return 0;
}

/* Settle what was read (yr_pot_finish); a refusal at the trainer record it names. */
static int finish(cycle_pot *p)
{
    yr_where w;
    yr_pot_counts(p->acc, &p->ndays, &p->nmun, NULL);
    p->rows = calloc(p->nmun ? p->nmun : 1, sizeof *p->rows);
    p->und = calloc(p->ndays ? p->ndays : 1, sizeof *p->und);
    if (p->rows == NULL || p->und == NULL)
        return cli_fail_at(p->afile, 0, "out of memory");
    if (yr_pot_finish_where(p->acc, p->rows, p->nmun, &p->sum, p->und, p->ndays, &w) == YR_OK)
        return 0; /* a stated total of the attendance was checked by the reader */
    int tr = w.arg != NULL && strcmp(w.arg, "trainers") == 0;
    size_t line = tr && w.record < yr_table_ndata(p->tr.t)
                      ? yr_table_row_line(p->tr.t, yr_table_data_row(p->tr.t, w.record))
                      : 0;
    return refused(tr ? p->tfile : p->afile, line, &w);
}

int cycle_pot_settle(const char *cmd, const cycle_pot_args *a, const cli_common *c,
                     const cycle_pot_lookup *look, cycle_pot *p)
{
    yr_pot_rules rules;
    cli_common own[2];
    memset(p, 0, sizeof *p);
    cli_buf_init(&p->scratch);
    cli_buf_init(&p->key);
    cli_buf_init(&p->lkey);
    p->afile = cli_shown(a->attendance);
    p->tfile = cli_shown(a->trainers);
    p->apath = a->attendance;
    p->other_parties = a->other_parties;
    p->asheet = a->attendance_sheet;
    p->tsheet = a->trainers_sheet;
    p->course[0] = p->course[1] = YR_READ_NONE;
    if (make_rules(cmd, a, &rules) != 0 ||
        file_columns(cmd, c, &a->attendance_column, &own[0]) != 0 ||
        file_columns(cmd, c, &a->trainers_column, &own[1]) != 0)
        return CLI_EXIT_ERROR;
    yr_pot_layout lay[2];
    if (layout_of(p, 0, a->attendance, &own[0], &p->att, &lay[0]) != 0)
        return CLI_EXIT_ERROR;
    int list = lay[0].list;
    if (list) { /* the bytes are the list's */
        p->list = p->att;
        memset(&p->att, 0, sizeof p->att);
    }
    if ((!list && read_counted(p, 0, &own[0], &lay[0]) != 0) ||
        layout_of(p, 1, a->trainers, &own[1], &p->tr, &lay[1]) != 0 ||
        read_counted(p, 1, &own[1], &lay[1]) != 0 ||
        (list && read_list_table(p, &own[0], &lay[0]) != 0) || course_days_begin(p, list) != 0)
        return CLI_EXIT_ERROR;
    p->dialect = cli_read_dialect(list ? NULL : p->att.t);
    yr_where w;
    p->daycol.where = p->afile; /* the days of both files are one column (yr_read_day) */
    cli_keys_init(&p->days);
    cli_keys_init(&p->muns);
    if (yr_pot_begin_where(&rules, YR_POT_ANY, YR_POT_ANY, &p->acc, &w) != YR_OK)
        return cli_fail_lib_usage(cmd, NULL, &w);
    if ((list ? read_list(p, look, &lay[0]) : read_attendance(p, look)) != 0 ||
        read_trainers(p, look) != 0 || course_days_finish(p) != 0 || finish(p) != 0)
        return CLI_EXIT_ERROR;
    cli_read_report(list ? &p->list : &p->att, c->out.lang); /* once both files are good */
    cli_read_report(&p->tr, c->out.lang);
    warn_idle_days(p);
    return 0;
}

/* A label as first written (trimmed), into the pot's scratch buffer. */
static const char *trimmed(cycle_pot *p, const char *s)
{
    size_t start, len = yr_label_trim(s, strlen(s), &start);
    cli_buf_clear(&p->scratch);
    cli_buf_add(&p->scratch, s + start, len);
    return cli_buf_str(&p->scratch);
}

const char *cycle_pot_name(cycle_pot *p, size_t m)
{
    return trimmed(p, p->name[m]);
}

const char *cycle_pot_day(cycle_pot *p, size_t d)
{
    return trimmed(p, yr_course_days_label(p->cd, d)); /* the day, or "DAY COURSE" */
}

void cycle_pot_free(cycle_pot *p)
{
    yr_pot_free(p->acc);
    cli_input_free(&p->att);
    cli_input_free(&p->tr);
    cli_keys_free(&p->days);
    cli_keys_free(&p->muns);
    yr_course_days_free(p->cd);
    free(p->tkey);
    free(p->name);
    free(p->party);
    free(p->busy);
    for (size_t k = 0; k < p->nowned; k++)
        free(p->owned[k]);
    free(p->owned);
    cli_input_free(&p->list);
    free(p->rows);
    free(p->und);
    cli_buf_free(&p->scratch);
    cli_buf_free(&p->key);
    cli_buf_free(&p->lkey);
    memset(p, 0, sizeof *p);
}
