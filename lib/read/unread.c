/* The columns nobody reads (libyrkesresa-read, the last step of yr_read_table()). A caller that
 * requires a role reads the table for its data: every row is taken as it stands and every
 * column it does not ask for is left aside. A column left aside must then change nothing, or
 * the answer is silently wrong; so such a column is an error naming it, its line and what to do
 * when it
 *   - gives the numbers' unit in a column of its own (`Enhet` tkr: 850 read as 850 kr);
 *   - is a share or percent while the caller reads one (a published rate, a target: by its
 *     header, andel/procent/%, or by cells that are all percentages): it may be the one meant
 *     (a share beside numbers that are no share, the quota of a published split, is left be);
 *   - says whether a row takes part (its cells yes/no marks with a no, or a header of
 *     presence or participation whose cells are not all yes): the rows marked no would count;
 *   - sorts a table of people into kinds of rows (Roll: Deltagare/Kursledare): all are counted;
 *   - in a table of items, is anything but a comment, a description, an account, an id or a name:
 *     a column such as `Fördelningsgrund` or `Fördelas på` would change the item's split.
 * A caller that requires nothing (Python's read_table, `stats check`) gets every column and
 * decides with them; only the unit rule applies to it (`stats count` requires its --by columns). */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The reading as these rules see it. */
typedef struct unread {
    const yr_table *t;
    const yr_read_options *opt;
    int shares; /* the caller reads a share or percent (a role of ::YR_KIND_SHARE) */
    int people; /* rows are people counted (a person, participants or participant-days column) */
    int list;   /* a list of persons whose presence the caller reads (person and present) */
    int items;  /* a table of items (the item role required and found) */
} unread;

static int wants(const yr_read_options *opt, yr_read_role role, unsigned flags)
{
    for (size_t k = 0; k < opt->nwant; k++)
        if (opt->want[k].role == role && (opt->want[k].flags & flags) == flags)
            return 1;
    return 0;
}

static int found(const unread *u, yr_read_role role)
{
    return yr_table_find_role(u->t, role) != YR_READ_NONE;
}

/* The cell (row, col) trimmed: its length, *s its start, *type its grid type. */
static size_t cell(const yr_table *t, size_t row, size_t col, const char **s, int *type)
{
    grid_cell c = rd_cell_at(t, row, col);
    size_t st, n = c.type == GRID_EMPTY ? 0 : rd_trim(c.s, c.len, &st);
    *s = n > 0 ? c.s + st : "";
    *type = n > 0 ? (int)c.type : GRID_EMPTY;
    return n;
}

/* 1 when the header's key (yr_header_key) has one of @p stems. */
static int key_has(const char *h, const char *const *stems)
{
    return rd_header_has_stem(h, stems);
}

/* ------------------------------------------------------------------ units in a column */

/* Column @p col gives units of its own: every non-blank cell a unit word, one of them not
 * kronor (`tkr`, `Mkr`, `%`); *row: the first such cell's row. */
static int says_units(const unread *u, size_t col, size_t *row)
{
    static const char *const one[] = {
        "kr", "sek", "kronor", ":-", "st", "personer", "inv\xc3\xa5nare", "antal", NULL};
    static const char *const other[] = {
        "tkr",         "mkr", "tusental", "tusen kronor", "tusen kr", "miljoner kronor",
        "miljoner kr", "%",   "procent",  "andel",        NULL};
    *row = YR_READ_NONE;
    for (size_t i = 0; i < u->t->ndata; i++) {
        size_t r = yr_table_data_row(u->t, i);
        const char *s;
        int type;
        size_t n = cell(u->t, r, col, &s, &type);
        int is = n == 0;
        for (int k = 0; !is && one[k] != NULL; k++)
            is = n == strlen(one[k]) && rd_prefix_fold(s, n, one[k]) == n;
        for (int k = 0; !is && other[k] != NULL; k++)
            if (n == strlen(other[k]) && rd_prefix_fold(s, n, other[k]) == n) {
                is = 1;
                *row = *row == YR_READ_NONE ? r : *row;
            }
        if (!is)
            return 0;
    }
    return *row != YR_READ_NONE;
}

/* ------------------------------------------------------------------ shares and percents */

/* Column @p col is a share or percent: by its header (andel, procent, percent, %; `Närvaroandel`
 * too) or by cells that are all percentages (`95,4 %`, an xlsx percent format); *row: its first
 * non-blank cell. */
static int says_share(const unread *u, size_t col, size_t *row)
{
    static const char *const stems[] = {"procent", "percent", NULL};
    const char *h = u->t->header[col], *a;
    char key[256];
    int unit = rd_header_unit(h) & 15, by_header = unit == RD_UNIT_PERCENT ||
                                                   unit == RD_UNIT_SHARE ||
                                                   strchr(h, '%') != NULL || key_has(h, stems);
    if (!by_header && yr_header_key(h, key, sizeof key) == YR_READ_OK)
        for (a = strstr(key, "andel"); a != NULL && !by_header; a = strstr(a + 1, "andel"))
            by_header = a == key || a[-1] != 'h'; /* not 'handel' */
    size_t pct = 0;
    *row = YR_READ_NONE;
    for (size_t i = 0; i < u->t->ndata; i++) {
        size_t r = yr_table_data_row(u->t, i);
        const char *s;
        int type;
        size_t n = cell(u->t, r, col, &s, &type);
        rd_num x;
        if (n == 0)
            continue;
        *row = *row == YR_READ_NONE ? r : *row;
        if (type == GRID_PERCENT ||
            (rd_num_parse(s, n, &x) == 0 && x.unit == RD_UNIT_PERCENT && x.nd > 0))
            pct++;
        else if (!by_header)
            return 0;
    }
    return *row != YR_READ_NONE && (by_header || pct > 0);
}

/* --------------------------------------------------------------- who takes part */

/* Column @p col's header says presence or participation (Närvaro, Frånvaro, Deltog, Deltar,
 * Ingår, Status, Avbokad, ...), and names no role of its own (`Antal deltagare`). */
static int names_selection(const yr_table *t, size_t col)
{
    static const char *const stems[] = {
        "n\xc3\xa4rvar", "fr\xc3\xa5nvar", "deltog",   "deltar",  "deltagande", "status",
        "absent",        "attend",         "present",  "uteblev", "avbok",      "ing\xc3\xa5r",
        "inklud",        "included",       "particip", NULL};
    const char *h = t->header[col];
    for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
        if (r != YR_ROLE_PRESENT && yr_role_is_header(h, (yr_read_role)r))
            return 0;
    return key_has(h, stems);
}

/* Column @p col's header says absence (Frånvaro, Ej närvarande, Deltog ej, Uteblev, Avbokad,
 * Absent): its yes marks a row that does not take part. */
static int names_absence(const yr_table *t, size_t col)
{
    return rd_header_says_absence(t->header[col]); /* the presence role's rule too */
}

/* What a column's cells say of taking part. */
typedef struct marks {
    size_t filled;  /* non-blank cells */
    int all_yes_no; /* every non-blank cell yes or no in the one grammar */
    int digits;     /* every non-blank cell 0 or 1 (a count as well as a mark) */
    int numbers;    /* every non-blank cell a number */
    int x;          /* a cell X: the column marks yes with X, so a blank is no */
    size_t no;      /* the first cell that reads as no, or NONE */
    size_t yes;     /* the first cell that reads as yes, or NONE */
    size_t differs; /* the first non-blank cell unlike the first one (case aside), or NONE */
    size_t blank;   /* the first blank cell, or NONE */
} marks;

static void read_marks(const yr_table *t, size_t col, marks *m)
{
    rd_colfmt f;
    rd_colfmt_init(&f, YR_ROLE_PRESENT, YR_KIND_BOOL, t->header[col]);
    *m = (marks){0, 1, 1, 1, 0, YR_READ_NONE, YR_READ_NONE, YR_READ_NONE, YR_READ_NONE};
    char first[128] = "", other[128];
    for (size_t i = 0; i < t->ndata; i++) {
        size_t row = yr_table_data_row(t, i);
        const char *s;
        int type;
        size_t n = cell(t, row, col, &s, &type);
        yr_value v;
        rd_num x;
        char why[160];
        if (n == 0) {
            m->blank = m->blank == YR_READ_NONE ? row : m->blank;
            continue;
        }
        rd_fold(s, n, m->filled++ ? other : first, sizeof first);
        if (m->filled > 1 && m->differs == YR_READ_NONE && strcmp(first, other) != 0)
            m->differs = row;
        m->x |= n == 1 && (s[0] == 'x' || s[0] == 'X');
        m->digits &= n == 1 && (s[0] == '0' || s[0] == '1');
        m->numbers &= type == GRID_NUMBER || type == GRID_PERCENT || rd_num_parse(s, n, &x) == 0;
        int yn = rd_read_cell(&f, s, n, type, &v, why, sizeof why) == YR_READ_OK;
        m->all_yes_no &= yn;
        if (yn && v.num == 0 && m->no == YR_READ_NONE)
            m->no = row;
        if (yn && v.num == 1 && m->yes == YR_READ_NONE)
            m->yes = row;
    }
}

/* Column @p col says whether a row takes part, and one row does not: its cells are yes/no marks
 * (0/1 alone only under a header of presence or in a list of people) with a no — a blank counts
 * as no beside an X — or its header says presence or participation and its cells are not all
 * alike (`Status`: Genomförd, Sjuk) or say no; under a header of absence (Frånvaro) a yes is
 * the row that does not take part. A column that says yes (absent: no), or one same word, on
 * every row selects nothing: no error. *row: the first row that does not take part (the first
 * unlike the first row). */
static int selects_rows(const unread *u, size_t col, size_t *row)
{
    marks m;
    int header = names_selection(u->t, col);
    read_marks(u->t, col, &m);
    if (m.filled == 0 || (m.digits && !header && !u->people))
        return 0;
    if (!m.all_yes_no && (!header || (m.numbers && !m.digits)))
        return 0;                 /* not marks: text, or numbers (a count, a rate) */
    if (names_absence(u->t, col)) /* Frånvaro: Ja is a row that does not take part */
        *row = m.yes != YR_READ_NONE || m.all_yes_no ? m.yes : m.differs;
    else if (m.x && m.blank != YR_READ_NONE && (m.no == YR_READ_NONE || m.blank < m.no))
        *row = m.blank;
    else
        *row = m.no != YR_READ_NONE || m.all_yes_no ? m.no : m.differs;
    return *row != YR_READ_NONE;
}

/* ---------------------------------------------------------------- kinds of people */

/* Column @p col sorts the rows into kinds of people (a header roll, funktion, typ, kategori,
 * befattning and the like, not of a course, a day or a place: `Kurstyp` is no kind of person)
 * with two kinds or more; *row: the first row of the second kind. */
static int sorts_rows(const unread *u, size_t col, size_t *row)
{
    static const char *const stems[] = {"roll",       "funktion", "typ",      "kategori",
                                        "befattning", "role",     "type",     "kind",
                                        "category",   "function", "position", NULL};
    static const char *const not_people[] = {/* kontroll, funktionshinder; kinds of courses */
                                             "kontroll", "funktionsh", "funktionsn", "kurs",
                                             "course",   "utbildning", "dag",        "day",
                                             "plats",    "lokal",      NULL};
    const char *h = u->t->header[col];
    if (!key_has(h, stems) || key_has(h, not_people))
        return 0;
    char first[128], other[128];
    first[0] = '\0';
    for (size_t i = 0; i < u->t->ndata; i++) {
        size_t r = yr_table_data_row(u->t, i);
        const char *s;
        int type;
        size_t n = cell(u->t, r, col, &s, &type);
        if (n == 0)
            continue;
        if (first[0] == '\0') {
            rd_fold(s, n, first, sizeof first);
            continue;
        }
        rd_fold(s, n, other, sizeof other);
        if (strcmp(first, other) != 0) {
            *row = r;
            return 1;
        }
    }
    return 0;
}

/* --------------------------------------------------------------------- items */

/* Column @p col of a table of items changes nothing: a comment, a description, an account, an
 * id or code, a name, a unit (the unit rule read its cells), or the equal part (`Lika del`,
 * which the program reads as a fraction: 30 %, 0,3, 1/3). */
static int inert(const yr_table *t, size_t col)
{
    static const char *const stems[] = {
        "kommentar", "anm",       "not",          "beskriv",  "f\xc3\xb6rklar", "description",
        "comment",   "remark",    "text",         "konto",    "account",        "ansvar",
        "referens",  "reference", "k\xc3\xa4lla", "source",   "namn",           "name",
        "enhet",     "valuta",    "unit",         "currency", "info",           NULL};
    const char *h = t->header[col];
    char key[256];
    if (rd_header_is_code(h) || yr_role_is_header(h, YR_ROLE_EQUAL_PART) ||
        yr_header_key(h, key, sizeof key) != YR_READ_OK)
        return 1;
    for (int k = 0; stems[k] != NULL; k++)
        if (strncmp(key, stems[k], strlen(stems[k])) == 0)
            return 1;
    return 0;
}

/* The first row of column @p col with a non-blank cell, or YR_READ_NONE. */
static size_t first_filled(const yr_table *t, size_t col)
{
    for (size_t i = 0; i < t->ndata; i++) {
        size_t r = yr_table_data_row(t, i);
        const char *s;
        int type;
        if (cell(t, r, col, &s, &type) > 0)
            return r;
    }
    return YR_READ_NONE;
}

/* -------------------------------------------------------------------- comments */

/* Column @p col is a free-text comment (Kommentar, Anmärkning, Notering, Övrigt, Comment) of a
 * table of people or days whose cell says a row did not take part (`Sjuk, kom ej`,
 * `Frånvarande`, `Uteblev`, `Inställd`: rd_header_says_absence()'s words); *row: that row.
 * Other comment text changes nothing. */
static int comment_says_absent(const unread *u, size_t col, size_t *row)
{
    static const char *const stems[] = {"kommentar", "anm\xc3\xa4rk", "notering", "\xc3\xb6vrigt",
                                        "comment",   "remark",        "note",     NULL};
    char key[256], text[200];
    if (yr_header_key(u->t->header[col], key, sizeof key) != YR_READ_OK ||
        (strcmp(key, "anm") != 0 && !key_has(u->t->header[col], stems)))
        return 0;
    for (size_t i = 0; i < u->t->ndata; i++) {
        size_t r = yr_table_data_row(u->t, i);
        const char *s;
        int type;
        size_t n = cell(u->t, r, col, &s, &type);
        n = n < sizeof text - 1 ? n : sizeof text - 1;
        memcpy(text, s, n);
        text[n] = '\0';
        if (n > 0 && rd_header_says_absence(text)) {
            *row = r;
            return 1;
        }
    }
    return 0;
}

/* Column @p col of a table of items is read by nobody and is not inert; *row: its first
 * non-blank cell (a column of blanks changes nothing). */
static int changes_items(const unread *u, size_t col, size_t *row)
{
    if (inert(u->t, col))
        return 0;
    *row = first_filled(u->t, col);
    return *row != YR_READ_NONE;
}

/* ------------------------------------------------------------------ the messages */

typedef int (*unread_test)(const unread *u, size_t col, size_t *row);

/* The first column nobody reads (and with a header) for which @p test holds, and the row its
 * test names; YR_READ_NONE when none. */
static size_t first_unread(const unread *u, unread_test test, size_t *row)
{
    for (size_t col = 0; col < u->t->ncols; col++)
        if (!u->t->cols[col].wanted && u->t->header[col][0] != '\0' && test(u, col, row))
            return col;
    return YR_READ_NONE;
}

/* The column's header and cell (@p row, @p col) shown for a message ("a blank cell" when
 * blank). */
static void show_both(const yr_table *t, size_t row, size_t col, char *head, char *what)
{
    const char *s;
    int type;
    size_t n = cell(t, row, col, &s, &type);
    char c[64];
    rd_show(head, 96, t->header[col], strlen(t->header[col]), 60);
    if (n == 0)
        snprintf(what, 80, "a blank cell");
    else
        snprintf(what, 80, "'%s'", rd_show(c, sizeof c, s, n, 40));
}

/* The error at (@p row, @p col): its line, column and cell. */
static yr_read_status at(const yr_table *t, size_t row, size_t col, yr_read_error *err)
{
    rd_at_cell(t, err, rd_rec(t, row), col);
    return YR_READ_ERR_HEADER;
}

/* "if it is the published rate, name it with --column 'published=H'" for each share role the
 * caller wants that has no column, else the generic advice. */
static void share_roles(const unread *u, const char *head, char *dst, size_t cap)
{
    size_t n = 0, k;
    dst[0] = '\0';
    for (k = 0; k < u->opt->nwant && n + 1 < cap; k++) {
        yr_read_role r = u->opt->want[k].role;
        if (yr_role_kind(r) != YR_KIND_SHARE || found(u, r))
            continue;
        n += (size_t)snprintf(dst + n, cap - n, "%s--column '%s=%s'", n ? " or " : "name it with ",
                              yr_role_name(r), head);
    }
    if (n == 0)
        snprintf(dst, cap,
                 "if it is one of the numbers the command uses, name it with --column "
                 "'ROLE=%s'",
                 head);
}

static yr_read_status fail(const unread *u, int rule, size_t row, size_t col, yr_read_error *err)
{
    char head[96], what[80], tail[200], first[80];
    show_both(u->t, row, col, head, what);
    if (rule == 0)
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' gives the numbers' unit (%s here) in a column of its own, which is "
                "not applied: write the unit in the number's header ('Belopp (tkr)') or cells "
                "('850 tkr'), or convert to kronor and remove the column",
                head, what);
    else if (rule == 1) {
        share_roles(u, head, tail, sizeof tail);
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' is a share or percent (%s here) that is not read: %s; else remove "
                "the column",
                head, what, tail);
    } else if (rule == 2 && u->list && names_absence(u->t, col))
        rd_fail(err, YR_READ_ERR_HEADER, 0, /* no absence role to name it for */
                "column '%s' says who was absent (%s here) but is not read: every row would be "
                "counted; remove the absent rows, or mark who was present in a column of its "
                "own (N\xc3\xa4rvaro: Ja/Nej)",
                head, what);
    else if (rule == 2 && u->list)
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' says who was present (%s here) but is not read as presence: every "
                "row would be counted; name it with --column 'present=%s' (in pot: "
                "--attendance-column 'present=%s'), or remove the absent rows",
                head, what, head, head);
    else if (rule == 2)
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' says whether a row takes part (%s here) but is not read: every row "
                "would be counted as taking part; remove the rows that do not (then the column)",
                head, what);
    else if (rule == 3) {
        size_t r0 = first_filled(u->t, col);
        show_both(u->t, r0, col, head, first);
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' sorts the rows into kinds (%s at line %zu, %s here) but is not "
                "read: every row is counted as a participant; keep only the participants' rows "
                "(then remove the column)",
                head, first, yr_table_row_line(u->t, r0), what);
    } else if (rule == 5)
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' says this row did not take part (%s here) but is not read: every "
                "row is counted; remove the row, or the column if the row stands as it is",
                head, what);
    else
        rd_fail(err, YR_READ_ERR_HEADER, 0,
                "column '%s' (%s here) is not read: an item is split by population or weight, "
                "with an equal part (--equal-part, or a 'Lika del' column: 30 %%) or as a rate "
                "(a 'kr per inv\xc3\xa5nare' column); write the items so, or remove the column",
                head, what);
    return at(u->t, row, col, err);
}

yr_read_status rd_check_unread(const yr_table *t, const yr_read_options *opt, yr_read_error *err)
{
    static const unread_test tests[] = {says_units, says_share,    selects_rows,
                                        sorts_rows, changes_items, comment_says_absent};
    unread u = {t, opt, 0, 0, 0, 0};
    int amounts = 0, reads = 0;
    for (size_t col = 0; col < t->ncols; col++) {
        yr_kind k = t->cols[col].fmt.kind;
        amounts |=
            t->cols[col].wanted && k != YR_KIND_TEXT && k != YR_KIND_CODE && k != YR_KIND_BOOL;
    }
    for (size_t k = 0; k < opt->nwant; k++) {
        reads |= (opt->want[k].flags & YR_WANT_REQUIRED) != 0;
        u.shares |= yr_role_kind(opt->want[k].role) == YR_KIND_SHARE;
    }
    u.people = found(&u, YR_ROLE_PERSON) || found(&u, YR_ROLE_PARTICIPANTS) ||
               found(&u, YR_ROLE_PARTICIPANT_DAYS);
    u.list = found(&u, YR_ROLE_PERSON) && wants(opt, YR_ROLE_PRESENT, 0);
    u.items = found(&u, YR_ROLE_ITEM) && wants(opt, YR_ROLE_ITEM, YR_WANT_REQUIRED);
    int days = found(&u, YR_ROLE_DAY) || found(&u, YR_ROLE_ROLE); /* attendance, trainers */
    const int on[] = {amounts,          reads && u.shares && !u.items, reads, reads && u.people,
                      reads && u.items, reads && (u.people || days)};
    for (int rule = 0; rule < 6; rule++) {
        size_t row, col = on[rule] ? first_unread(&u, tests[rule], &row) : YR_READ_NONE;
        if (col != YR_READ_NONE)
            return fail(&u, rule, row, col, err);
    }
    return YR_READ_OK;
}
