/* The program's one reading layer (cli_read.h): read the file's bytes, build the request from
 * the options, hand both to libyrkesresa-read, show its sentence or its reading line. No rule
 * of reading is decided here. */
#include "cli_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <yrkesresa.h>
#include <yrkesresa/identity.h>
#include <yrkesresa/names.h>

size_t cli_read_options(cli_read_opts *r, cli_option *dst)
{
    memset(r, 0, sizeof *r);
    dst[0] = (cli_option){
        NULL, CLI_OPT_SECTION, NULL,
        "Reading (libyrkesresa-read; 'yrkesresa read FILE' shows how a file is read):",
        "A column plays a role only when its header names it (any case, a unit in parentheses "
        "and a trailing year ignored: 'Folkmängd 2023', 'Belopp (tkr)') or --column "
        "ROLE=HEADER does. Formats: CSV/TSV (UTF-8, UTF-16, Windows-1252), .xlsx, SCB PxWeb "
        "exports; .xls and .ods: save as .xlsx. Every line is a title, the header, a row, a "
        "total, an empty line or a note; the line 'read N municipalities from column ...' on "
        "stderr says which."};
    dst[1] = (cli_option){"sheet", CLI_OPT_VALUE, &r->sheet, "NAME|N",
                          "the sheet of an .xlsx workbook, by name or number counted from 1 "
                          "(default: the first sheet that has a table)"};
    dst[2] = (cli_option){"header-row", CLI_OPT_VALUE, &r->header_row, "N",
                          "the header is line N (sheet row N), counted from 1, when it cannot "
                          "be found by its column names"};
    dst[3] = (cli_option){"year", CLI_OPT_VALUE, &r->year, "YYYY",
                          "a long PxWeb export (one row per municipality and year): the rows "
                          "of this year (a wide one: --column population=2023)"};
    dst[4] = (cli_option){"ignore-total-row", CLI_OPT_FLAG, &r->ignore_total_row, NULL,
                          "leave out a total or subtotal row that disagrees with its rows, "
                          "unchecked (else it is an error naming both numbers)"};
    dst[5] = (cli_option){"other-parties", CLI_OPT_FLAG, &r->other_parties, NULL,
                          "names that are not municipalities (regions, organisations) are "
                          "parties beside the municipalities (else such a name is an error "
                          "with the nearest municipality's name: 'Borlange'; a name that close "
                          "to a municipality's is an error with it too)"};
    dst[6] = (cli_option){"quiet", CLI_OPT_FLAG, &r->quiet, NULL, "no reading line on stderr"};
    return CLI_READ_NOPTS;
}

int cli_read_fail(const char *file, const yr_read_error *e)
{
    return cli_fail_at(file, e->line, "%s", e->message);
}

/* ---------------------------------------------------------------- the file's bytes */

/* 1 when @p data (a prefix of the input) is text with a NUL byte in data[from..len): the
 * reader refuses such a text whatever follows, so reading can stop there (a pipe, /dev/zero).
 * A zip (xlsx), an OLE2 file (.xls) and UTF-16 with a byte order mark hold NUL bytes. */
static int text_with_nul(const char *data, size_t from, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 'P' && u[1] == 'K') || (u[0] == 0xD0 && u[1] == 0xCF) ||
                     (u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return 0;
    return memchr(data + from, '\0', len - from) != NULL;
}

/* All of @p f into *out; more than the reader's limit is refused as soon as it is seen, and a
 * text with a NUL byte is handed to the reader (which refuses it) as soon as one is seen. 0, or
 * 2 after the message. */
static int slurp(FILE *f, const char *file, size_t hint, char **out, size_t *outlen)
{
    size_t cap = hint > 0 ? hint + 1 : 65536, len = 0;
    char *data = malloc(cap);
    for (;;) {
        if (data == NULL)
            return cli_fail_at(file, 0, "out of memory");
        size_t want = cap - len < ((size_t)1 << 20) ? cap - len : (size_t)1 << 20;
        size_t got = fread(data + len, 1, want, f), from = len;
        len += got;
        if (len > YR_READ_MAX_BYTES) {
            free(data);
            return cli_fail_at(file, 0, "input larger than 1 GiB");
        }
        if (text_with_nul(data, from, len))
            break;
        if (got < want) {
            if (ferror(f)) {
                free(data);
                return cli_fail_at(file, 0, "cannot read: %s", strerror(errno));
            }
            break;
        }
        if (len == cap) {
            char *nd = realloc(data, cap * 2);
            if (nd == NULL)
                free(data);
            data = nd;
            cap *= 2;
        }
    }
    *out = data;
    *outlen = len;
    return 0;
}

/* A regular file is mapped (read-only, its pages populated at once) rather than copied: the
 * table borrows the mapping. 0 when mapped; -1 when it cannot be (empty, not mappable: read it). */
static int map_bytes(FILE *f, size_t size, cli_input *in)
{
    if (size == 0)
        return -1;
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fileno(f), 0);
    if (p == MAP_FAILED)
        return -1;
    in->bytes = p;
    in->len = size;
    in->mapped = 1;
    return 0;
}

static int read_bytes(const char *path, cli_input *in)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (f == NULL)
        return cli_fail_at(in->file, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    size_t hint = 0;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((uintmax_t)sb.st_size > YR_READ_MAX_BYTES) {
            if (!is_stdin)
                fclose(f);
            return cli_fail_at(in->file, 0, "input larger than 1 GiB");
        }
        hint = (size_t)sb.st_size;
    }
    int rc = !is_stdin && hint > 0 && map_bytes(f, hint, in) == 0
                 ? 0
                 : slurp(f, in->file, hint, &in->bytes, &in->len);
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* ---------------------------------------------------------------- the request */

/* --header-row and --year read in the one grammar (a whole number, a year). */
static int number_options(const cli_read_opts *r, yr_read_options *o)
{
    yr_value v;
    yr_read_error e;
    if (r->header_row != NULL) {
        if (yr_read_value(r->header_row, YR_KIND_WHOLE, NULL, "--header-row", &v, &e) != 0)
            return cli_fail_usage(NULL, "%s", e.message);
        if (v.num < 1)
            return cli_fail_usage(NULL, "--header-row counts lines from 1, not %s", r->header_row);
        o->header_row = (size_t)v.num;
    }
    if (r->year != NULL) {
        if (yr_read_value(r->year, YR_KIND_YEAR, NULL, "--year", &v, &e) != 0)
            return cli_fail_usage(NULL, "%s", e.message);
        o->year = (int)v.num;
    }
    return 0;
}

static int make_request(const cli_common *c, const cli_read_opts *r, yr_read_options *o)
{
    yr_read_options_init(o);
    o->columns = c->columns.v;
    o->ncolumns = c->columns.n;
    o->sheet = r->sheet;
    if (r->ignore_total_row && c->no_total_row)
        return cli_fail_usage(NULL, "--ignore-total-row and --no-total-row exclude each other");
    o->totals = r->ignore_total_row ? YR_TOTALS_IGNORE
                : c->no_total_row   ? YR_TOTALS_NO_GUESS
                                    : YR_TOTALS_CHECK;
    o->other_parties = r->other_parties;
    o->borrow = 1;
    return number_options(r, o);
}

void cli_read_report(const cli_input *in, yr_lang lang)
{
    char line[1024];
    yr_table_reading(in->t, yr_lang_code(lang), line, sizeof line);
    fprintf(stderr, "yrkesresa: %s: %s\n", in->file, line);
}

/* The role of a "ROLE=HEADER" entry (::YR_ROLE_NONE when it names none). */
static yr_read_role entry_role(const char *v)
{
    const char *eq = strchr(v, '=');
    char name[40];
    if (eq == NULL || (size_t)(eq - v) >= sizeof name)
        return YR_ROLE_NONE;
    snprintf(name, sizeof name, "%.*s", (int)(eq - v), v);
    return yr_read_role_from_name(name);
}

int cli_check_columns(const char *cmd, const cli_common *c)
{
    for (size_t k = 0; k < c->columns.n; k++) {
        const char *v = c->columns.v[k], *eq = strchr(v, '=');
        if (eq == NULL || eq[1] == '\0')
            return cli_fail_usage(cmd,
                                  "--column '%s': write ROLE=HEADER, e.g. population=Folkmängd "
                                  "(a column without a header by its place, counted from 1: "
                                  "municipality=#1)",
                                  v);
        if (entry_role(v) != YR_ROLE_NONE)
            continue;
        cli_buf roles; /* the reader's role names, so the list never drifts */
        cli_buf_init(&roles);
        for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
            cli_buf_printf(&roles, "%s%s", r > 1 ? ", " : "", yr_role_name((yr_read_role)r));
        cli_fail_usage(cmd, "--column '%s': unknown role (roles: %s)", v, cli_buf_str(&roles));
        cli_buf_free(&roles);
        return CLI_EXIT_ERROR;
    }
    return 0;
}

/* Every --column ROLE=HEADER took effect: two entries naming one column (--weight-column X
 * --amount-column X) leave the first role without a column. */
static int one_role_a_column(const cli_input *in, const cli_common *c)
{
    for (size_t k = 0; k < c->columns.n; k++) {
        const char *v = c->columns.v[k];
        yr_read_role role = entry_role(v);
        if (role != YR_ROLE_NONE && yr_table_find_role(in->t, role) == YR_READ_NONE)
            return cli_fail_usage(NULL,
                                  "--column %s: that column is given another role too; a column "
                                  "plays one role",
                                  v);
    }
    return 0;
}

/* Read the bytes of @p in (read or copied already) as the request @p o. */
static int read_request(const cli_common *c, const cli_read_opts *r, yr_read_options *o,
                        cli_input *in)
{
    yr_read_error e;
    if (yr_read_table(in->bytes, in->len, o, &in->t, &e) != YR_READ_OK) {
        const char *file = in->file;
        cli_input_free(in);
        return cli_read_fail(file, &e);
    }
    if (one_role_a_column(in, c) != 0) {
        cli_input_free(in);
        return CLI_EXIT_ERROR;
    }
    if (!r->quiet)
        cli_read_report(in, c->out.lang);
    return 0;
}

int cli_read(const char *path, const cli_common *c, const cli_read_opts *r,
             const yr_read_want *want, size_t nwant, cli_input *in)
{
    memset(in, 0, sizeof *in);
    in->file = cli_shown(path);
    yr_read_options o;
    if (make_request(c, r, &o) != 0 || read_bytes(path, in) != 0)
        return CLI_EXIT_ERROR;
    o.want = want;
    o.nwant = nwant;
    return read_request(c, r, &o, in);
}

int cli_read_again(const cli_input *from, const cli_common *c, const cli_read_opts *r,
                   const yr_read_want *want, size_t nwant, cli_input *in)
{
    memset(in, 0, sizeof *in);
    in->file = from->file;
    yr_read_options o;
    if (make_request(c, r, &o) != 0)
        return CLI_EXIT_ERROR;
    in->bytes = malloc(from->len ? from->len : 1);
    if (in->bytes == NULL)
        return cli_fail_at(in->file, 0, "out of memory");
    memcpy(in->bytes, from->bytes, from->len);
    in->len = from->len;
    o.want = want;
    o.nwant = nwant;
    return read_request(c, r, &o, in);
}

void cli_input_free(cli_input *in)
{
    yr_table_free(in->t);
    if (in->mapped)
        munmap(in->bytes, in->len);
    else
        free(in->bytes);
    in->t = NULL;
    in->mapped = 0;
    in->bytes = NULL;
    in->len = 0;
}

/* ---------------------------------------------------------------- using the table */

int cli_read_column(const cli_input *in, size_t col, int64_t **out, int64_t *den)
{
    size_t n = yr_table_ndata(in->t);
    *out = malloc((n ? n : 1) * sizeof **out);
    if (*out == NULL)
        return cli_fail_at(in->file, 0, "out of memory");
    yr_read_error e;
    if (yr_table_column_values(in->t, col, *out, den, &e) != YR_READ_OK)
        return cli_read_fail(in->file, &e);
    return 0;
}

const char *cli_read_cell(const yr_table *t, size_t row, size_t col, cli_buf *b)
{
    size_t len;
    const char *s = yr_table_cell(t, row, col, &len);
    cli_buf_clear(b);
    cli_buf_add(b, s, len);
    return cli_buf_str(b);
}

cli_dialect cli_read_dialect(const yr_table *t)
{
    cli_dialect d = {',', "\n", 0, "UTF-8"};
    const yr_read_format *f = t != NULL ? yr_table_format(t) : NULL;
    if (f != NULL && f->delimiter != 0) {
        d.delim = f->delimiter;
        d.eol = f->eol;
        d.bom = f->bom;
        d.encoding = f->encoding;
    }
    return d;
}

/* The echo type of a role's cells; CLI_CELL_GUESS for none. */
static cli_cell_type role_echo_type(yr_read_role role)
{
    if (role == YR_ROLE_NONE)
        return CLI_CELL_GUESS;
    switch (yr_role_kind(role)) {
    case YR_KIND_WHOLE:
    case YR_KIND_DECIMAL:
        return role == YR_ROLE_AMOUNT || role == YR_ROLE_FEES || role == YR_ROLE_POT
                   ? CLI_CELL_MONEY
                   : CLI_CELL_NUMBER;
    case YR_KIND_SHARE:
        return CLI_CELL_SHARE;
    case YR_KIND_DATE:
        return CLI_CELL_DATE;
    case YR_KIND_YEAR:
        return CLI_CELL_NUMBER;
    default:
        return CLI_CELL_TEXT;
    }
}

cli_cell_type *cli_read_echo_types(const yr_table *t)
{
    size_t n = yr_table_ncols(t);
    cli_cell_type *types = malloc((n ? n : 1) * sizeof *types);
    for (size_t col = 0; types != NULL && col < n; col++) {
        yr_read_role role = yr_table_column_role(t, col);
        for (int r = 1; role == YR_ROLE_NONE && r < YR_READ_ROLE_COUNT; r++)
            if (yr_role_is_header(yr_table_header(t, col), (yr_read_role)r))
                role = (yr_read_role)r;
        types[col] = role_echo_type(role);
    }
    return types;
}

size_t cli_read_find_column(const yr_table *t, const char *name)
{
    char want[256], key[256];
    size_t found = YR_READ_NONE, n = 0;
    for (size_t col = 0; col < yr_table_ncols(t); col++)
        if (strcmp(yr_table_header(t, col), name) == 0)
            return col;
    if (yr_header_key(name, want, sizeof want) != YR_READ_OK || want[0] == '\0')
        return YR_READ_NONE;
    for (size_t col = 0; col < yr_table_ncols(t); col++)
        if (yr_header_key(yr_table_header(t, col), key, sizeof key) == YR_READ_OK &&
            strcmp(key, want) == 0)
            found = col, n++;
    return n == 1 ? found : YR_READ_NONE;
}

/* The non-blank cells of column @p col (NUL-terminated copies in one buffer). 0, or -1 when out
 * of memory. */
static int column_cells(const cli_input *in, size_t col, const char ***cells, size_t **rows,
                        size_t *n, char **text)
{
    size_t nd = yr_table_ndata(in->t), bytes = 0, len;
    for (size_t i = 0; i < nd; i++) {
        yr_table_cell(in->t, yr_table_data_row(in->t, i), col, &len);
        bytes += len + 1;
    }
    *cells = malloc((nd ? nd : 1) * sizeof **cells);
    *rows = malloc((nd ? nd : 1) * sizeof **rows);
    *text = malloc(bytes ? bytes : 1);
    if (*cells == NULL || *rows == NULL || *text == NULL)
        return -1;
    char *p = *text;
    *n = 0;
    for (size_t i = 0; i < nd; i++) {
        const char *s = yr_table_cell(in->t, yr_table_data_row(in->t, i), col, &len);
        size_t k = 0;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == len)
            continue; /* blank: the caller's rule */
        memcpy(p, s, len);
        p[len] = '\0';
        (*cells)[*n] = p;
        (*rows)[(*n)++] = i;
        p += len + 1;
    }
    return 0;
}

int cli_read_says_share(const char *header)
{
    yr_value x;
    yr_read_error e;
    return yr_read_value("50", YR_KIND_SHARE, header, "", &x, &e) == YR_READ_OK ||
           yr_read_value("0,5", YR_KIND_SHARE, header, "", &x, &e) == YR_READ_OK;
}

yr_read_status cli_read_try_column(const cli_input *in, size_t col, yr_kind kind, int64_t *out,
                                   unsigned char *present, int64_t *den, yr_read_error *e)
{
    const char **cells = NULL;
    size_t *rows = NULL, n = 0, nd = yr_table_ndata(in->t);
    char *text = NULL, what[128], q[80];
    int64_t *vals = NULL;
    yr_read_status st = YR_READ_ERR_NOMEM;
    *den = 1;
    memset(e, 0, sizeof *e);
    snprintf(e->message, sizeof e->message, "out of memory");
    if (column_cells(in, col, &cells, &rows, &n, &text) == 0 &&
        (vals = malloc((n ? n : 1) * sizeof *vals)) != NULL) {
        snprintf(what, sizeof what, "column %s",
                 cli_quote(yr_table_header(in->t, col), q, sizeof q));
        st = n == 0
                 ? YR_READ_OK
                 : yr_read_strings(cells, n, kind, yr_table_header(in->t, col), what, vals, den, e);
        if (st != YR_READ_OK && e->line > 0 && e->line <= n)
            e->line = yr_table_row_line(in->t, yr_table_data_row(in->t, rows[e->line - 1]));
    }
    for (size_t i = 0, k = 0; st == YR_READ_OK && i < nd; i++) {
        int here = k < n && rows[k] == i;
        out[i] = here ? vals[k++] : 0;
        if (present != NULL)
            present[i] = (unsigned char)here;
    }
    free(cells);
    free(rows);
    free(text);
    free(vals);
    return st;
}

int cli_read_whole_column(const cli_input *in, size_t col, int blank_ok, int64_t blank,
                          int64_t **out)
{
    size_t nd = yr_table_ndata(in->t);
    unsigned char *present = malloc(nd ? nd : 1);
    int64_t den;
    yr_read_error e;
    int rc = 0;
    *out = malloc((nd ? nd : 1) * sizeof **out);
    if (*out == NULL || present == NULL)
        rc = cli_fail_at(in->file, 0, "out of memory");
    else if (cli_read_try_column(in, col, YR_KIND_WHOLE, *out, present, &den, &e) != YR_READ_OK)
        rc = cli_read_fail(in->file, &e);
    for (size_t i = 0; rc == 0 && i < nd; i++) {
        if (present[i]) {
            continue;
        } else if (blank_ok) {
            (*out)[i] = blank;
        } else {
            char q[80];
            rc = cli_fail_at(in->file, yr_table_row_line(in->t, yr_table_data_row(in->t, i)),
                             "column %s is blank",
                             cli_quote(yr_table_header(in->t, col), q, sizeof q));
        }
    }
    free(present);
    return rc;
}

void cli_read_put_exact(cli_buf *b, int64_t num, int64_t den)
{
    int64_t p = 1;
    for (unsigned k = 0; k <= 18; k++) {
        if (p % den == 0) {
            cli_buf_ratio(b, num, den, k);
            return;
        }
        if (k < 18)
            p *= 10;
    }
    cli_buf_printf(b, "%lld/%lld", (long long)num, (long long)den);
}

void cli_read_echo(cli_out *o, const yr_table *t, size_t row, size_t col, cli_cell_type type,
                   cli_buf *b)
{
    yr_value v;
    if (type == CLI_CELL_GUESS) { /* a column of no role: the cell's own type (xlsx) */
        yr_cell_type ct = yr_table_cell_type(t, row, col);
        type = ct == YR_CELL_NUMBER                                       ? CLI_CELL_NUMBER
               : ct == YR_CELL_DATE                                       ? CLI_CELL_DATE
               : ct == YR_CELL_TEXT && yr_table_format(t)->delimiter == 0 ? CLI_CELL_TEXT
                                                                          : CLI_CELL_GUESS;
    }
    int typed = (o->excel || o->xlsx) && type != CLI_CELL_TEXT && type != CLI_CELL_GUESS &&
                yr_table_value(t, row, col, &v) == YR_READ_OK;
    if (!typed) {
        cli_out_cell(o, cli_read_cell(t, row, col, b), type);
        return;
    }
    cli_buf_clear(b);
    int y, m, d;
    if (!v.present) {
        cli_out_empty(o);
    } else if (type == CLI_CELL_DATE && yr_civil_from_days(v.num, &y, &m, &d) == YR_OK) {
        cli_buf_printf(b, "%04d-%02d-%02d", y, m, d);
        cli_out_date(o, cli_buf_str(b));
    } else if (type == CLI_CELL_MONEY && v.den == 1) {
        cli_out_money(o, v.num);
    } else {
        cli_read_put_exact(b, v.num, v.den);
        if (type == CLI_CELL_SHARE)
            cli_out_share(o, cli_buf_str(b));
        else
            cli_out_num(o, cli_buf_str(b)); /* money: the value, in a number cell */
    }
}

const yr_read_want cli_read_label_wants[CLI_READ_NLABEL_WANTS] = {{YR_ROLE_MUNICIPALITY, 0u},
                                                                  {YR_ROLE_CODE, 0u},
                                                                  {YR_ROLE_COURSE, 0u},
                                                                  {YR_ROLE_ITEM, 0u},
                                                                  {YR_ROLE_QUESTION, 0u}};

int cli_read_total_row(const cli_input *in, int required, size_t *row)
{
    yr_read_error e;
    if (yr_table_checked_total_row(in->t, required, row, &e) != YR_READ_OK)
        return cli_read_fail(in->file, &e);
    return 0;
}

size_t cli_read_header_line(const yr_table *t)
{
    yr_span sp[4];
    size_t n = yr_table_spans(t, sp, 4);
    for (size_t k = 0; k < n && k < 4; k++)
        if (sp[k].kind == YR_SPAN_HEADER)
            return sp[k].first;
    return 0;
}

int cli_read_add_column(cli_common *c, const char *role, const char *header, char *buf, size_t cap)
{
    if (header == NULL)
        return 0;
    if (c->columns.n == sizeof c->columns.v / sizeof c->columns.v[0])
        return cli_fail_usage(NULL, "--column given too many times");
    snprintf(buf, cap, "%s=%s", role, header);
    c->columns.v[c->columns.n++] = buf;
    return 0;
}

int cli_read_column_given(const cli_common *c, yr_read_role role)
{
    for (size_t k = 0; k < c->columns.n; k++)
        if (entry_role(c->columns.v[k]) == role)
            return 1;
    return 0;
}

int cli_read_weight_column(const cli_input *in, const cli_common *c, size_t *col)
{
    size_t pc = yr_table_find_role(in->t, YR_ROLE_POPULATION);
    size_t wc = yr_table_find_role(in->t, YR_ROLE_WEIGHT);
    if (pc != YR_READ_NONE && wc != YR_READ_NONE) {
        if (cli_read_column_given(c, YR_ROLE_WEIGHT))
            pc = YR_READ_NONE;
        else if (cli_read_column_given(c, YR_ROLE_POPULATION))
            wc = YR_READ_NONE;
    }
    if (pc != YR_READ_NONE && wc != YR_READ_NONE) {
        char q1[80], q2[80];
        return cli_fail_at(in->file, cli_read_header_line(in->t),
                           "two columns could be the weights: %s (population) and %s (weight); "
                           "choose one with --column population=HEADER or --column "
                           "weight=HEADER",
                           cli_quote(yr_table_header(in->t, pc), q1, sizeof q1),
                           cli_quote(yr_table_header(in->t, wc), q2, sizeof q2));
    }
    *col = pc != YR_READ_NONE ? pc : wc;
    return 0;
}

/* ---------------------------------------------------------------- keys */

void cli_keys_init(cli_keys *s)
{
    memset(s, 0, sizeof *s);
    cli_buf_init(&s->keys);
}

void cli_keys_free(cli_keys *s)
{
    cli_buf_free(&s->keys);
    free(s->off);
    free(s->first);
    free(s->slot);
    memset(s, 0, sizeof *s);
}

uint64_t cli_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t k = 0; k < n; k++)
        h = (h ^ s[k]) * 1099511628211ULL;
    return h;
}

static const char *key_at(const cli_keys *s, size_t k, size_t *len)
{
    *len = s->off[k + 1] - s->off[k];
    return s->keys.data + s->off[k];
}

static int keys_grow(cli_keys *s)
{
    size_t cap = s->cap ? 2 * s->cap : 64, nslots = 4 * cap;
    size_t *off = realloc(s->off, (cap + 1) * sizeof *off);
    if (off != NULL)
        s->off = off;
    size_t *first = realloc(s->first, cap * sizeof *first);
    if (first != NULL)
        s->first = first;
    uint32_t *slot = calloc(nslots, sizeof *slot);
    if (off == NULL || first == NULL || slot == NULL || cap > UINT32_MAX) {
        free(slot);
        return -1;
    }
    if (s->n == 0)
        s->off[0] = 0;
    for (size_t k = 0, len; k < s->n; k++) {
        const char *key = key_at(s, k, &len);
        size_t h = cli_hash_bytes(key, len) & (nslots - 1);
        while (slot[h] != 0)
            h = (h + 1) & (nslots - 1);
        slot[h] = (uint32_t)(k + 1);
    }
    free(s->slot);
    s->slot = slot;
    s->nslots = nslots;
    s->cap = cap;
    return 0;
}

int64_t cli_keys_index(cli_keys *s, const char *p, size_t n, size_t row)
{
    if (s->n == s->cap && keys_grow(s) != 0)
        return -1;
    size_t h = cli_hash_bytes(p, n) & (s->nslots - 1), len;
    while (s->slot[h] != 0) {
        size_t k = s->slot[h] - 1;
        const char *key = key_at(s, k, &len);
        if (len == n && memcmp(key, p, n) == 0)
            return (int64_t)k;
        h = (h + 1) & (s->nslots - 1);
    }
    cli_buf_add(&s->keys, p, n);
    if (!s->keys.ok)
        return -1;
    s->first[s->n] = row;
    s->off[s->n + 1] = s->keys.len;
    s->slot[h] = (uint32_t)(s->n + 1);
    return (int64_t)s->n++;
}

int64_t cli_keys_find(const cli_keys *s, const char *p, size_t n)
{
    size_t h = cli_hash_bytes(p, n) & (s->nslots - 1), len;
    while (s->nslots > 0 && s->slot[h] != 0) {
        size_t k = s->slot[h] - 1;
        const char *key = key_at(s, k, &len);
        if (len == n && memcmp(key, p, n) == 0)
            return (int64_t)k;
        h = (h + 1) & (s->nslots - 1);
    }
    return -1;
}

int cli_read_key(const cli_input *in, size_t row, size_t col, cli_buf *key)
{
    size_t len, klen = 0;
    const char *s = yr_table_cell(in->t, row, col, &len);
    cli_buf_clear(key);
    cli_buf_add(key, "", 0);
    char small[512], *dst = 3 * len + 1 <= sizeof small ? small : malloc(3 * len + 1);
    if (dst == NULL)
        return cli_fail_at(in->file, 0, "out of memory");
    yr_read_status st;
    if (col == yr_table_find_role(in->t, YR_ROLE_MUNICIPALITY))
        st = yr_table_identity_key(in->t, row, dst, 3 * len + 1, &klen);
    else
        st = yr_name_key(s, len, dst, 3 * len + 1, &klen);
    if (st == YR_READ_OK)
        cli_buf_add(key, dst, klen);
    if (dst != small)
        free(dst);
    if (st != YR_READ_OK)
        return cli_fail_at(in->file, yr_table_row_line(in->t, row), "%s", yr_read_status_name(st));
    return 0;
}
