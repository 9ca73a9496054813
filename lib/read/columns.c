/* The header (rule 2) and the columns' roles (rule 7): which line is the header, which column
 * plays which wanted role, explicit ROLE=HEADER entries, and where the messages point. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Cells of record @p rec into a growing array (*cells, *cap); returns the count or 0 on OOM. */
static size_t rec_cells(const grid *g, size_t rec, grid_cell **cells, size_t *cap, grid_scratch *sc)
{
    size_t n = g->ops->cells(g, rec, *cells, *cap, sc);
    if (n > *cap) {
        grid_cell *c = realloc(*cells, n * sizeof *c);
        if (c == NULL)
            return 0;
        *cells = c;
        *cap = n;
        n = g->ops->cells(g, rec, *cells, *cap, sc);
    }
    return n;
}

static int cell_blank(const grid_cell *c)
{
    size_t st;
    return c->type == GRID_EMPTY || rd_trim(c->s, c->len, &st) == 0;
}

/* The header named in a ROLE=HEADER entry equals header cell h. */
static int header_matches(const char *want, const char *h)
{
    char a[256], b[256];
    size_t sa, sb, la = rd_trim(want, strlen(want), &sa), lb = rd_trim(h, strlen(h), &sb);
    rd_fold(want + sa, la, a, sizeof a);
    rd_fold(h + sb, lb, b, sizeof b);
    return strcmp(a, b) == 0;
}

/* A header cell names a wanted role, or a columns entry. */
static int cell_names_role(const char *h, const yr_read_options *opt)
{
    for (size_t k = 0; k < opt->ncolumns; k++) {
        const char *eq = strchr(opt->columns[k], '=');
        if (eq != NULL && header_matches(eq + 1, h))
            return 1;
    }
    if (opt->nwant == 0) {
        for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
            if (yr_role_is_header(h, (yr_read_role)r))
                return 1;
        return 0;
    }
    for (size_t k = 0; k < opt->nwant; k++)
        if (yr_role_is_header(h, opt->want[k].role))
            return 1;
    return 0;
}

/* Rule 2 without header_row: the first record (of the first 200) with two or more distinct
 * non-blank cells (one when every record has one) of which one names a wanted role; YR_READ_NONE
 * when none does (*first: the first record with as many cells — a one-cell title above a table
 * is no header —, else the first non-empty record, else YR_READ_NONE). */
size_t rd_header_candidate(const grid *g, const yr_read_options *opt, grid_cell **cells,
                           size_t *cap, grid_scratch *sc, size_t *first)
{
    size_t need = g->max_cells >= 2 ? 2 : 1, any = YR_READ_NONE;
    *first = YR_READ_NONE;
    for (size_t r = 0; r < g->nrec && r < 200; r++) {
        size_t n = rec_cells(g, r, cells, cap, sc), nb = 0;
        int names = 0;
        const grid_cell *one = NULL; /* the first non-blank cell */
        for (size_t c = 0; c < n; c++) {
            const grid_cell *x = &(*cells)[c];
            if (cell_blank(x))
                continue;
            /* A text repeated in every non-blank cell (a title merged over several cells
             * gives its value to each) counts once: a header never has two equal names. */
            if (one == NULL || x->len != one->len || memcmp(x->s, one->s, x->len) != 0)
                nb++;
            if (one == NULL)
                one = x;
            char h[512];
            size_t st, l = rd_trim((*cells)[c].s, (*cells)[c].len, &st);
            if (l >= sizeof h)
                l = rd_utf8_whole((*cells)[c].s + st, sizeof h - 1);
            memcpy(h, (*cells)[c].s + st, l);
            h[l] = '\0';
            names |= cell_names_role(h, opt);
        }
        if (nb > 0 && any == YR_READ_NONE)
            any = r;
        if (nb >= need && *first == YR_READ_NONE)
            *first = r;
        if (names && nb >= need)
            return r;
    }
    if (*first == YR_READ_NONE)
        *first = any;
    return YR_READ_NONE;
}

static yr_read_status find_header(yr_table *t, const yr_read_options *opt, grid_cell **cells,
                                  size_t *cap, grid_scratch *sc, yr_read_error *err)
{
    const grid *g = &t->g;
    int xl = strcmp(g->fmt.format, "xlsx") == 0;
    if (opt->header_row > 0) {
        for (size_t r = 0; r < g->nrec; r++) {
            size_t l = g->ops->line(g, r);
            if (l == opt->header_row) {
                t->header_rec = r;
                return YR_READ_OK;
            }
            if (l > opt->header_row)
                break;
        }
        rd_fail(err, YR_READ_ERR_OPTION, 0,
                "header row %zu: the %s has %zu %s; give the row of the column names, counted "
                "from 1",
                opt->header_row, xl ? "sheet" : "file", g->ops->line(g, g->nrec) - 1,
                xl ? "rows" : "lines");
        return YR_READ_ERR_OPTION;
    }
    size_t first, r = rd_header_candidate(g, opt, cells, cap, sc, &first);
    if (r == YR_READ_NONE)
        r = first;
    if (r == YR_READ_NONE) {
        rd_fail(err, YR_READ_ERR_HEADER, 0, "the %s has no table (it is empty)",
                xl ? "sheet" : "file");
        return YR_READ_ERR_HEADER;
    }
    t->header_rec = r;
    return YR_READ_OK;
}

/* A cell of a second header line: a year (2017) or text that is no number ('31 dec 2018'). */
static int subheader(const char *s, size_t n)
{
    rd_num x;
    int year = n == 4 && strspn(s, "0123456789") >= 4 && (s[0] == '1' || s[0] == '2');
    return year || rd_num_parse(s, n, &x) != 0;
}

/* What to do about two header cells @p a and @p b named alike, into dst: when the line below
 * the header names them apart ('2017' and '2018' under a 'Folkmängd' merged over both), the
 * header spans two lines and is put in one; else "; rename one". */
static void two_line_header(const yr_table *t, size_t a, size_t b, char *dst, size_t cap)
{
    grid_cell cells[64];
    grid_scratch sc = {NULL, 0};
    size_t n = t->header_rec + 1 < t->g.nrec
                   ? t->g.ops->cells(&t->g, t->header_rec + 1, cells, 64, &sc)
                   : 0;
    size_t s1, s2, l1 = 0, l2 = 0;
    if (b < n && b < 64) {
        l1 = rd_trim(cells[a].s, cells[a].len, &s1);
        l2 = rd_trim(cells[b].s, cells[b].len, &s2);
    }
    if (l1 > 0 && l2 > 0 && (l1 != l2 || memcmp(cells[a].s + s1, cells[b].s + s2, l1) != 0) &&
        subheader(cells[a].s + s1, l1) && subheader(cells[b].s + s2, l2)) {
        char x[64], y[64], h[64];
        size_t line = rd_rec_line(t, t->header_rec);
        rd_show(x, sizeof x, cells[a].s + s1, l1, 30);
        rd_show(y, sizeof y, cells[b].s + s2, l2, 30);
        rd_show(h, sizeof h, t->header[a], strlen(t->header[a]), 30);
        int k = snprintf(dst, cap,
                         ", and line %zu below names them '%s' and '%s': the header spans two "
                         "lines; put it in one line ('%s %s', '%s %s') and delete line %zu",
                         line + 1, x, y, h, x, h, y, line + 1);
        if (k < 0)
            dst[0] = '\0';
    } else {
        snprintf(dst, cap, "; rename one");
    }
    free(sc.data);
}

/* Copy the header's cells (trimmed) and refuse duplicate names. */
static yr_read_status copy_header(yr_table *t, grid_cell *cells, size_t n, yr_read_error *err)
{
    size_t *off = malloc((n ? n : 1) * sizeof *off);
    t->header = malloc((n ? n : 1) * sizeof *t->header);
    t->cols = calloc(n ? n : 1, sizeof *t->cols);
    if (off == NULL || t->header == NULL || t->cols == NULL) {
        free(off);
        rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
        return YR_READ_ERR_NOMEM;
    }
    for (size_t c = 0; c < n; c++) {
        size_t st, l = rd_trim(cells[c].s, cells[c].len, &st);
        off[c] = t->hdr_arena.len;
        char z = '\0';
        if (!rd_buf_add(&t->hdr_arena, cells[c].s + st, l) || !rd_buf_add(&t->hdr_arena, &z, 1)) {
            free(off);
            rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
            return YR_READ_ERR_NOMEM;
        }
    }
    for (size_t c = 0; c < n; c++)
        t->header[c] = t->hdr_arena.p + off[c];
    free(off);
    t->ncols = n;
    size_t line = rd_rec_line(t, t->header_rec);
    for (size_t a = 0; a < n; a++) {
        if (t->header[a][0] == '\0')
            continue;
        for (size_t b = a + 1; b < n; b++) {
            if (header_matches(t->header[a], t->header[b])) {
                char show[96], below[400];
                two_line_header(t, a, b, below, sizeof below);
                rd_fail(err, YR_READ_ERR_HEADER, line,
                        "two columns are named '%s' (columns %zu and %zu)%s",
                        rd_show(show, sizeof show, t->header[b], strlen(t->header[b]), 60), a + 1,
                        b + 1, below);
                return YR_READ_ERR_HEADER;
            }
        }
    }
    return YR_READ_OK;
}

static void set_col(yr_table *t, size_t c, yr_read_role role, unsigned flags)
{
    t->cols[c].role = role;
    t->cols[c].flags = flags;
    t->cols[c].wanted = 1;
    rd_colfmt_init(&t->cols[c].fmt, role, yr_role_kind(role), t->header[c]);
    t->cols[c].fmt.date1904 = grid_xlsx_date1904(&t->g); /* a serial day in the book's epoch */
    t->cols[c].fmt.file_dec = t->g.fmt.delimiter == ';' ? ',' : 0; /* Excel's list separator */
}

/* The column a ROLE=HEADER entry names: its header exactly (case aside), else by key, else (a
 * year "2023") the one column whose header holds that year. */
static size_t find_named(const yr_table *t, const char *want, yr_read_role role)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (header_matches(want, t->header[c]))
            return c;
    size_t pos = rd_column_position(want);
    if (pos != 0) /* "#2": the second column, counted from 1 (a header that is empty) */
        return pos <= t->ncols ? pos - 1 : YR_READ_NONE;
    char k1[256], k2[256];
    size_t found = YR_READ_NONE, n = 0;
    if (yr_header_key(want, k1, sizeof k1) == YR_READ_OK && k1[0] != '\0') {
        for (size_t c = 0; c < t->ncols; c++)
            if (yr_header_key(t->header[c], k2, sizeof k2) == YR_READ_OK && strcmp(k1, k2) == 0)
                found = c, n++;
        if (n == 1)
            return found;
    }
    size_t wl = strlen(want);
    if (wl == 4 && want[0] >= '1' && want[0] <= '2') {
        n = 0;
        for (size_t c = 0; c < t->ncols; c++) {
            const char *p = strstr(t->header[c], want);
            if (p != NULL && (p == t->header[c] || !(p[-1] >= '0' && p[-1] <= '9')) &&
                !(p[4] >= '0' && p[4] <= '9') &&
                (role == YR_ROLE_NONE || yr_role_is_header(t->header[c], role) ||
                 p == t->header[c]))
                found = c, n++;
        }
        if (n == 1)
            return found;
    }
    return YR_READ_NONE;
}

size_t rd_column_position(const char *want)
{
    size_t st, n = rd_trim(want, strlen(want), &st), pos = 0;
    if (n < 2 || n > 6 || want[st] != '#' || strspn(want + st + 1, "0123456789") != n - 1)
        return 0;
    for (size_t i = st + 1; i < st + n; i++)
        pos = pos * 10 + (size_t)(want[i] - '0');
    return pos;
}

static yr_read_status explicit_columns(yr_table *t, const yr_read_options *opt, yr_read_error *err)
{
    size_t line = rd_rec_line(t, t->header_rec);
    char show[96];
    for (size_t k = 0; k < opt->ncolumns; k++) {
        const char *v = opt->columns[k], *eq = v != NULL ? strchr(v, '=') : NULL;
        if (eq == NULL || eq[1] == '\0') {
            rd_fail(err, YR_READ_ERR_OPTION, 0,
                    "column '%s': write ROLE=HEADER, e.g. population=Folkmängd (a column "
                    "without a header by its place, counted from 1: municipality=#1)",
                    v != NULL ? rd_show(show, sizeof show, v, strlen(v), 60) : "");
            return YR_READ_ERR_OPTION;
        }
        yr_read_role role = rd_role_by_name(v, (size_t)(eq - v));
        if (role == YR_ROLE_NONE) {
            rd_fail(err, YR_READ_ERR_OPTION, 0,
                    "column '%s': unknown role '%.*s' (roles: municipality, code, population, "
                    "weight, amount, day, participants, ...)",
                    rd_show(show, sizeof show, v, strlen(v), 60), (int)(eq - v < 40 ? eq - v : 40),
                    v);
            return YR_READ_ERR_OPTION;
        }
        size_t c = find_named(t, eq + 1, role);
        if (c == YR_READ_NONE) {
            rd_fail(err, YR_READ_ERR_HEADER, line,
                    rd_column_position(eq + 1)
                        ? "no column '%s' (for %s): the table has %zu columns"
                        : "no column named '%s' (for %s)",
                    rd_show(show, sizeof show, eq + 1, strlen(eq + 1), 60), yr_role_name(role),
                    t->ncols);
            return YR_READ_ERR_HEADER;
        }
        unsigned flags = 0;
        for (size_t w = 0; w < opt->nwant; w++)
            if (opt->want[w].role == role)
                flags |= opt->want[w].flags;
        if ((yr_role_kind(role) == YR_KIND_WHOLE || yr_role_kind(role) == YR_KIND_DECIMAL) &&
            rd_header_is_code(t->header[c])) {
            rd_fail(err, YR_READ_ERR_HEADER, line,
                    "column '%s' holds codes, ids or years, which are never a %s; name the "
                    "column of numbers",
                    rd_show(show, sizeof show, t->header[c], strlen(t->header[c]), 60),
                    yr_role_name(role));
            return YR_READ_ERR_HEADER;
        }
        set_col(t, c, role, flags);
    }
    return YR_READ_OK;
}

static int role_assigned(const yr_table *t, yr_read_role r)
{
    for (size_t c = 0; c < t->ncols; c++)
        if (t->cols[c].wanted && t->cols[c].role == r)
            return 1;
    return 0;
}

/* Another wanted role, not yet given a column, that header @p c also names ("Namn": the
 * municipality and the person); YR_ROLE_NONE when none. */
static yr_read_role other_role(const yr_table *t, const yr_read_options *opt, size_t c,
                               yr_read_role role)
{
    for (size_t k = 0; k < opt->nwant; k++) {
        yr_read_role r = opt->want[k].role;
        if (r != role && !role_assigned(t, r) && yr_role_is_header(t->header[c], r))
            return r;
    }
    return YR_ROLE_NONE;
}

/* A column gets one role: a candidate whose header also names another wanted role is left to
 * that role when this one has a candidate of its own ("Namn" beside "Kommun"); kept when the
 * other role has a column of its own ("Namn" beside "Deltagare-id"); else it is an error naming
 * the column and the --column to give. */
static yr_read_status one_role(yr_table *t, const yr_read_options *opt, yr_read_role role,
                               size_t *cand, size_t *n, yr_read_error *err)
{
    size_t own = 0, line = rd_rec_line(t, t->header_rec);
    for (size_t k = 0; k < *n; k++)
        own += other_role(t, opt, cand[k], role) == YR_ROLE_NONE;
    if (own > 0) {
        size_t m = 0;
        for (size_t k = 0; k < *n; k++)
            if (other_role(t, opt, cand[k], role) == YR_ROLE_NONE)
                cand[m++] = cand[k];
        *n = m;
        return YR_READ_OK;
    }
    if (*n != 1)
        return YR_READ_OK; /* two shared candidates: "two columns could be" says it */
    yr_read_role r2 = other_role(t, opt, cand[0], role);
    for (size_t c = 0; c < t->ncols; c++)
        if (c != cand[0] && !t->cols[c].wanted && yr_role_is_header(t->header[c], r2))
            return YR_READ_OK;
    char show[96];
    const char *h = rd_show(show, sizeof show, t->header[cand[0]], strlen(t->header[cand[0]]), 60);
    rd_fail(err, YR_READ_ERR_HEADER, line,
            "column '%s' could be the %s or the %s, and a column has one role; say which with "
            "--column %s=%s or --column %s=%s",
            h, yr_role_name(role), yr_role_name(r2), yr_role_name(role), h, yr_role_name(r2), h);
    if (err != NULL)
        err->column = cand[0];
    return YR_READ_ERR_HEADER;
}

/* The length of header @p h without a trailing number (and the blanks before it): "Kurs 2" ->
 * 4; 0 when it ends in no number or is only one. */
static size_t stem_len(const char *h)
{
    size_t n = strlen(h), d = n;
    while (d > 0 && h[d - 1] >= '0' && h[d - 1] <= '9')
        d--;
    if (d == n)
        return 0;
    while (d > 0 && (h[d - 1] == ' ' || h[d - 1] == '-' || h[d - 1] == '_'))
        d--;
    return d;
}

/* Rule 7: candidates @p cand[0..n) whose headers are one stem followed by different numbers
 * ('Kurs 1', 'Kurs 2') are the columns of a wide table, one per course: its labels are in the
 * header, so none of them is the column of a label role (course, item, question, ...) that the
 * caller may do without; a role the caller requires, and a role of numbers ('Folkmängd 2022',
 * 'Folkmängd 2023': which year?), still say "two columns could be": choose one. */
static int numbered_series(const yr_table *t, const size_t *cand, size_t n)
{
    char a[256], b[256];
    size_t l0 = n >= 2 ? stem_len(t->header[cand[0]]) : 0;
    if (l0 == 0)
        return 0;
    rd_fold(t->header[cand[0]], l0, a, sizeof a);
    for (size_t k = 1; k < n; k++) {
        size_t l = stem_len(t->header[cand[k]]);
        if (l == 0)
            return 0;
        rd_fold(t->header[cand[k]], l, b, sizeof b);
        if (strcmp(a, b) != 0)
            return 0;
    }
    return 1;
}

static yr_read_status want_role(yr_table *t, const yr_read_options *opt, yr_read_role role,
                                unsigned flags, int quiet, yr_read_error *err)
{
    size_t cand[64], n = 0, line = rd_rec_line(t, t->header_rec); /* a column a course */
    char show[2][96];
    if (role_assigned(t, role))
        return YR_READ_OK;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->cols[c].wanted || !yr_role_is_header(t->header[c], role))
            continue;
        if (n == sizeof cand / sizeof cand[0]) /* never a column left out without a word */
            return rd_fail(err, YR_READ_ERR_LIMIT, line, "more than 64 columns are the %s",
                           yr_role_name(role));
        cand[n++] = c;
    }
    /* a header naming the role by a word ("Betalande kommun") beside one the alias table finds:
     * two columns could be the role, never the first silently */
    for (size_t c = 0; n == 1 && !quiet && !(flags & YR_WANT_MANY) && c < t->ncols; c++)
        if (!t->cols[c].wanted && rd_role_by_word(t->header[c], role))
            cand[n++] = c;
    yr_read_status st = quiet ? YR_READ_OK : one_role(t, opt, role, cand, &n, err);
    if (st != YR_READ_OK)
        return st;
    if (!quiet && !(flags & (YR_WANT_MANY | YR_WANT_REQUIRED)) &&
        yr_role_kind(role) == YR_KIND_TEXT && numbered_series(t, cand, n))
        return YR_READ_OK; /* 'Kurs 1', 'Kurs 2': counts of a wide table, no course column */
    if (n > 1 && !(flags & YR_WANT_MANY) && !quiet) {
        rd_fail(
            err, YR_READ_ERR_HEADER, line,
            "two columns could be the %s: '%s' and '%s'; choose one with --column "
            "%s=HEADER",
            yr_role_name(role),
            rd_show(show[0], sizeof show[0], t->header[cand[0]], strlen(t->header[cand[0]]), 60),
            rd_show(show[1], sizeof show[1], t->header[cand[1]], strlen(t->header[cand[1]]), 60),
            yr_role_name(role));
        if (err != NULL)
            err->other_line = 0;
        return YR_READ_ERR_HEADER;
    }
    for (size_t k = 0; k < n; k++)
        set_col(t, cand[k], role, flags);
    if (n == 0 && (flags & YR_WANT_REQUIRED)) {
        char al[300], year[160] = "";
        rd_role_aliases(role, al, sizeof al);
        for (size_t c = 0; c < t->ncols && year[0] == '\0'; c++) /* a PxWeb year column */
            if (strlen(t->header[c]) == 4 && strspn(t->header[c], "0123456789") == 4 &&
                (role == YR_ROLE_POPULATION || role == YR_ROLE_WEIGHT))
                snprintf(year, sizeof year,
                         "; the column '%s' is a year of an SCB export: --column %s=%s",
                         t->header[c], yr_role_name(role), t->header[c]);
        for (size_t c = 0; c < t->ncols && year[0] == '\0'; c++) /* a column without a name */
            if (t->header[c][0] == '\0' && !t->cols[c].wanted)
                snprintf(year, sizeof year,
                         "; column %zu has no header: --column %s=#%zu names it by its place",
                         c + 1, yr_role_name(role), c + 1);
        rd_fail(err, YR_READ_ERR_HEADER, line,
                "no %s column (looked for a header %s; name it with --column %s=HEADER%s)",
                yr_role_name(role), al, yr_role_name(role), year);
        return YR_READ_ERR_HEADER;
    }
    return YR_READ_OK;
}

/* Column @p col (its header empty) holds places only: from the header to the first empty line
 * every cell a municipality, a county or the nation (code, name or PxWeb's `2080 Falun`), one at
 * least a municipality. */
static int holds_places(yr_table *t, size_t col, grid_cell **cells, size_t *cap, grid_scratch *sc)
{
    size_t municipalities = 0;
    for (size_t r = t->header_rec + 1; r < t->g.nrec; r++) {
        size_t n = rec_cells(&t->g, r, cells, cap, sc), nb = 0;
        for (size_t c = 0; c < n; c++)
            nb += !cell_blank(&(*cells)[c]);
        if (nb == 0)
            break; /* the table's end: notes may follow */
        if (col >= n || cell_blank(&(*cells)[col]))
            return 0;
        yr_place place;
        int code;
        char key[RD_PLACE_KEY_MIN];
        size_t klen, st, l = rd_trim((*cells)[col].s, (*cells)[col].len, &st);
        yr_read_error e;
        if (rd_place_of_key((*cells)[col].s + st, l, &place, &code, key, sizeof key, &klen, &e) !=
                YR_READ_OK ||
            place == YR_PLACE_OTHER)
            return 0;
        municipalities += place == YR_PLACE_MUNICIPALITY;
    }
    return municipalities > 0;
}

/* Rule 7's one reading by content: PxWeb's xlsx export leaves the region column's header empty.
 * A column without a header that holds places only (holds_places()) is the municipality column
 * when the caller wants one, no header names it and no other such column could be it. */
static void unnamed_places(yr_table *t, const yr_read_options *opt, grid_cell **cells, size_t *cap,
                           grid_scratch *sc)
{
    size_t found = YR_READ_NONE, n = 0;
    unsigned flags = 0;
    int wanted = 0;
    for (size_t k = 0; k < opt->nwant; k++)
        if (opt->want[k].role == YR_ROLE_MUNICIPALITY)
            wanted = 1, flags |= opt->want[k].flags;
    if (!wanted || role_assigned(t, YR_ROLE_MUNICIPALITY))
        return;
    for (size_t c = 0; c < t->ncols; c++)
        if (!t->cols[c].wanted && (yr_role_is_header(t->header[c], YR_ROLE_MUNICIPALITY) ||
                                   rd_role_by_word(t->header[c], YR_ROLE_MUNICIPALITY)))
            return; /* named: rule 7 as written */
    for (size_t c = 0; c < t->ncols; c++)
        if (!t->cols[c].wanted && t->header[c][0] == '\0' && holds_places(t, c, cells, cap, sc))
            found = c, n++;
    if (n == 1)
        set_col(t, found, YR_ROLE_MUNICIPALITY, flags);
}

/* Rule 5: a header that names two units, neither in its unit position ("Andel av 39 Mkr tkr"),
 * or whose only money word is an amount ("Andel av 5 Mkr"), is refused naming the words and
 * saying where the column's unit goes. */
static yr_read_status two_units(const yr_table *t, size_t c, yr_read_error *err)
{
    char show[96], both[96];
    const char *h = t->header[c];
    if (rd_header_unit_clash(h, both, sizeof both) == 0)
        return YR_READ_OK;
    rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, t->header_rec),
            "header '%s' %s; put the column's unit in parentheses at the end of the header "
            "('Belopp (tkr)')",
            rd_show(show, sizeof show, h, strlen(h), 60), both);
    if (err != NULL)
        err->column = c;
    return YR_READ_ERR_HEADER;
}

/* Rule 5: a column read as numbers whose header has a unit-like part the reader does not know
 * ("Belopp (xyz)", "Folkmängd, EUR") is refused naming the column and the part, never read as
 * plain numbers; one whose header names two units is refused (two_units()). */
static yr_read_status unknown_units(yr_table *t, yr_read_error *err)
{
    for (size_t c = 0; c < t->ncols; c++) {
        yr_kind k = yr_role_kind(t->cols[c].role);
        size_t at, n;
        if (!t->cols[c].wanted || (k != YR_KIND_WHOLE && k != YR_KIND_DECIMAL))
            continue;
        if (two_units(t, c, err) != YR_READ_OK)
            return YR_READ_ERR_HEADER;
        if ((n = rd_header_odd_unit(t->header[c], &at)) == 0)
            continue;
        char show[96], part[64];
        const char *h = t->header[c];
        size_t st, pl = rd_trim(h + at, n, &st);
        rd_show(part, sizeof part, h + at + st, pl, 40);
        rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, t->header_rec),
                "header '%s': '%s' is no unit the reader knows; write %s in the header (or leave "
                "the unit out)",
                rd_show(show, sizeof show, h, strlen(h), 60), part,
                t->cols[c].fmt.money ? "kr, tkr or Mkr" : "tusental for thousands");
        if (err != NULL)
            err->column = c;
        return YR_READ_ERR_HEADER;
    }
    return YR_READ_OK;
}

/* The roles named by the words of one cell split at blanks and '|' (a line whose columns have
 * no delimiter: "Kommun      Befolkning", "| Kommun | Befolkning |"): how many distinct roles;
 * *pipe: a '|' was seen. */
static int roles_in_words(const char *s, size_t len, int *pipe)
{
    unsigned char seen[YR_READ_ROLE_COUNT] = {0};
    int distinct = 0;
    *pipe = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == '|' || s[i] == '\t'))
            *pipe |= s[i++] == '|';
        size_t b = i;
        while (i < len && s[i] != ' ' && s[i] != '|' && s[i] != '\t')
            i++;
        char w[64];
        if (i == b || i - b >= sizeof w)
            continue;
        memcpy(w, s + b, i - b);
        w[i - b] = '\0';
        for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
            if (!seen[r] && yr_role_is_header(w, (yr_read_role)r)) {
                seen[r] = 1;
                distinct++;
                break;
            }
    }
    return distinct;
}

int rd_header_says_absence(const char *h)
{
    static const char *const stems[] = {"fr\xc3\xa5nvar",
                                        "absen",
                                        "utebl",
                                        "avbok",
                                        "noshow",
                                        "ejn\xc3\xa4rvar",
                                        "inten\xc3\xa4rvar",
                                        "ejdelt",
                                        "intedelt",
                                        "notpresent",
                                        "notattend",
                                        "didnotattend",
                                        "deltogej",
                                        "sjuk",
                                        "komej",
                                        "kominte",
                                        "inst\xc3\xa4ll",
                                        NULL};
    return rd_header_has_stem(h, stems);
}

int rd_header_has_stem(const char *h, const char *const *stems)
{
    char key[256];
    if (yr_header_key(h, key, sizeof key) != YR_READ_OK)
        return 0;
    for (int k = 0; stems[k] != NULL; k++)
        if (strstr(key, stems[k]) != NULL)
            return 1;
    return 0;
}

/* The presence role reads a yes (X, Ja, 1, ✓) as present: a column of it whose header says
 * absence ('Frånvaro' with X for who was away) would count the absent and leave out who came.
 * There is no absence role; an error naming the column. */
static yr_read_status presence_says_absence(const yr_table *t, yr_read_error *err)
{
    for (size_t c = 0; c < t->ncols; c++) {
        if (!t->cols[c].wanted || t->cols[c].role != YR_ROLE_PRESENT ||
            !rd_header_says_absence(t->header[c]))
            continue;
        char show[96];
        rd_show(show, sizeof show, t->header[c], strlen(t->header[c]), 60);
        return rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, t->header_rec),
                       "column '%s' is read as presence, but its header says absence: a yes "
                       "there (X, Ja, 1) would count who was away and leave out who came; "
                       "there is no absence role: mark who was present in a column of its own "
                       "(Närvaro: Ja/Nej), or remove the absent rows",
                       show);
    }
    return YR_READ_OK;
}

/* Rule 2: a header of one column whose words name two roles or more is a table without a
 * delimiter (pasted from a PDF, a web page or a wiki): an error saying so, at the first such
 * line from the header on, never "no municipality column". */
static yr_read_status no_delimiter(yr_table *t, grid_cell **cells, size_t *cap, grid_scratch *sc,
                                   yr_read_error *err)
{
    const grid *g = &t->g;
    int xl = strcmp(g->fmt.format, "xlsx") == 0;
    for (size_t r = t->header_rec; r < g->nrec && r < t->header_rec + 200; r++) {
        size_t n = rec_cells(g, r, cells, cap, sc), nb = 0, one = 0;
        for (size_t c = 0; c < n; c++)
            if (!cell_blank(&(*cells)[c]))
                nb++, one = c;
        int pipe;
        if (nb != 1 || roles_in_words((*cells)[one].s, (*cells)[one].len, &pipe) < 2)
            continue;
        char show[96];
        rd_show(show, sizeof show, (*cells)[one].s, (*cells)[one].len, 60);
        if (xl)
            rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, r),
                    "the column names '%s' are in one cell: the table's columns are not split "
                    "into cells; split them (Excel: Data > Text to Columns) and save the workbook",
                    show);
        else
            rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, r),
                    "the line '%s' has no delimiter (';', ',' or TAB) between its columns, which "
                    "are %s (a table copied from a %s); open it in Excel (Data > Text to Columns) "
                    "and save it as CSV or TSV, then read that file",
                    show, pipe ? "separated by '|'" : "aligned with spaces",
                    pipe ? "wiki, Markdown or a chat" : "PDF or a web page");
        return YR_READ_ERR_HEADER;
    }
    return YR_READ_OK;
}

yr_read_status rd_columns(yr_table *t, const yr_read_options *opt, grid_cell **cells, size_t *cap,
                          grid_scratch *sc, yr_read_error *err)
{
    yr_read_status st = find_header(t, opt, cells, cap, sc, err);
    if (st != YR_READ_OK)
        return st;
    size_t n = rec_cells(&t->g, t->header_rec, cells, cap, sc);
    if (n == 0 || *cells == NULL)
        return rd_fail(err, YR_READ_ERR_HEADER, rd_rec_line(t, t->header_rec),
                       "the header row is empty: no column names");
    size_t nb = 0;
    for (size_t c = 0; c < n; c++)
        nb += !cell_blank(&(*cells)[c]);
    if (nb <= 1 && (st = no_delimiter(t, cells, cap, sc, err)) != YR_READ_OK)
        return st;
    n = rec_cells(&t->g, t->header_rec, cells, cap, sc);
    if ((st = copy_header(t, *cells, n, err)) != YR_READ_OK)
        return st;
    if ((st = explicit_columns(t, opt, err)) != YR_READ_OK)
        return st;
    unnamed_places(t, opt, cells, cap, sc);
    for (size_t k = 0; k < opt->nwant; k++) {
        if ((unsigned)opt->want[k].role >= YR_READ_ROLE_COUNT) {
            rd_fail(err, YR_READ_ERR_OPTION, 0, "want %zu: no such role", k);
            return YR_READ_ERR_OPTION;
        }
        st = want_role(t, opt, opt->want[k].role, opt->want[k].flags, 0, err);
        if (st != YR_READ_OK)
            return st;
    }
    if (opt->nwant == 0)
        for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
            want_role(t, opt, (yr_read_role)r, YR_WANT_MANY, 1, err);
    if ((st = presence_says_absence(t, err)) != YR_READ_OK ||
        (st = unknown_units(t, err)) != YR_READ_OK)
        return st;
    t->name_col = t->code_col = t->year_col = YR_READ_NONE;
    for (size_t c = 0; c < t->ncols; c++) {
        if (t->cols[c].role == YR_ROLE_MUNICIPALITY && t->name_col == YR_READ_NONE)
            t->name_col = c;
        if (t->cols[c].role == YR_ROLE_CODE && t->code_col == YR_READ_NONE)
            t->code_col = c;
        if (t->cols[c].role == YR_ROLE_YEAR && t->year_col == YR_READ_NONE)
            t->year_col = c;
    }
    /* a code column nobody asked for beside the names (`Kommunkod;Kommun`): read with the
     * names, so a code that names another place than its name is an error (rule 6) */
    size_t ncode = 0, code = YR_READ_NONE;
    for (size_t c = 0; c < t->ncols && t->name_col != YR_READ_NONE; c++)
        if (!t->cols[c].wanted && yr_role_is_header(t->header[c], YR_ROLE_CODE))
            ncode++, code = c;
    if (t->code_col == YR_READ_NONE && ncode == 1) {
        t->code_col = code;
        rd_colfmt_init(&t->cols[code].fmt, YR_ROLE_CODE, YR_KIND_CODE, t->header[code]);
    }
    /* a year column nobody asked for: long exports (yr_read_options::year) */
    for (size_t c = 0; c < t->ncols && t->year_col == YR_READ_NONE; c++)
        if (!t->cols[c].wanted && yr_role_is_header(t->header[c], YR_ROLE_YEAR)) {
            t->year_col = c;
            rd_colfmt_init(&t->cols[c].fmt, YR_ROLE_YEAR, YR_KIND_YEAR, t->header[c]);
        }
    return YR_READ_OK;
}

void rd_at_cell(const yr_table *t, yr_read_error *err, size_t rec, size_t col)
{
    if (err == NULL)
        return;
    err->line = rd_rec_line(t, rec);
    err->column = col;
    char ref[16] = "";
    if (col != YR_READ_NONE)
        t->g.ops->cell_ref(&t->g, rec, col, ref);
    memcpy(err->cell_ref, ref, sizeof ref);
}

/* "column 'H'" or "cell B7 (column 'H')" into dst. */
const char *rd_where_col(const yr_table *t, size_t rec, size_t col, char *dst, size_t cap)
{
    char ref[16] = "", show[96];
    t->g.ops->cell_ref(&t->g, rec, col, ref);
    const char *h = t->header[col];
    if (ref[0] != '\0')
        snprintf(dst, cap, "cell %s (column '%s')", ref,
                 rd_show(show, sizeof show, h, strlen(h), 60));
    else
        snprintf(dst, cap, "column '%s'", rd_show(show, sizeof show, h, strlen(h), 60));
    return dst;
}
