/* The program's one reading layer (cli_read.h): read the file's bytes, build the request from
 * the options, hand both to libyrkesresa-read, show its sentence or its reading line. No rule
 * of reading is decided here. */
#include "cli_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yrkesresa/names.h>

const char cli_read_help[] =
    "Reading (libyrkesresa-read; 'yrkesresa read FILE' shows how a file is read):\n"
    "  --sheet NAME|N        the sheet of an .xlsx workbook, by name or number counted from 1\n"
    "                        (default: the first sheet that has a table)\n"
    "  --header-row N        the header is line N (sheet row N), counted from 1, when it\n"
    "                        cannot be found by its column names\n"
    "  --year YYYY           a long PxWeb export (one row per municipality and year): the rows\n"
    "                        of this year (a wide one: --column population=2023)\n"
    "  --ignore-total-row    leave out a total or subtotal row that disagrees with its rows,\n"
    "                        unchecked (else it is an error naming both numbers)\n"
    "  --no-total-row        never take an unlabelled row for a sum of the others\n"
    "  --other-parties       names that are not municipalities (regions, organisations) are\n"
    "                        parties beside the municipalities (else such a name is an error\n"
    "                        with the nearest municipality's name: 'Borlange')\n"
    "  --quiet               no reading line on stderr\n"
    "A column plays a role only when its header names it (any case, a unit in parentheses and\n"
    "a trailing year ignored: 'Folkmängd 2023', 'Belopp (tkr)') or --column ROLE=HEADER does.\n"
    "Formats: CSV/TSV (UTF-8, UTF-16, Windows-1252), .xlsx, SCB PxWeb exports; .xls and .ods:\n"
    "save as .xlsx. Every line is a title, the header, a row, a total, an empty line or a note;\n"
    "the line 'read N municipalities from column ...' on stderr says which.\n";

size_t cli_read_options(cli_read_opts *r, cli_option *dst)
{
    memset(r, 0, sizeof *r);
    dst[0] = (cli_option){"sheet", CLI_OPT_VALUE, &r->sheet};
    dst[1] = (cli_option){"header-row", CLI_OPT_VALUE, &r->header_row};
    dst[2] = (cli_option){"year", CLI_OPT_VALUE, &r->year};
    dst[3] = (cli_option){"ignore-total-row", CLI_OPT_FLAG, &r->ignore_total_row};
    dst[4] = (cli_option){"quiet", CLI_OPT_FLAG, &r->quiet};
    dst[5] = (cli_option){"other-parties", CLI_OPT_FLAG, &r->other_parties};
    return CLI_READ_NOPTS;
}

int cli_read_fail(const char *file, const yr_read_error *e)
{
    return cli_fail_at(file, e->line, "%s", e->message);
}

/* ---------------------------------------------------------------- the file's bytes */

/* All of @p f into *out; more than the reader's limit is refused as soon as it is seen (a
 * pipe, /dev/zero). 0, or 2 after the message. */
static int slurp(FILE *f, const char *file, size_t hint, char **out, size_t *outlen)
{
    size_t cap = hint > 0 ? hint + 1 : 65536, len = 0;
    char *data = malloc(cap);
    for (;;) {
        if (data == NULL)
            return cli_fail_at(file, 0, "out of memory");
        size_t got = fread(data + len, 1, cap - len, f);
        len += got;
        if (len > YR_READ_MAX_BYTES) {
            free(data);
            return cli_fail_at(file, 0, "input larger than 1 GiB");
        }
        if (len < cap) {
            if (ferror(f)) {
                free(data);
                return cli_fail_at(file, 0, "cannot read: %s", strerror(errno));
            }
            break;
        }
        char *nd = realloc(data, cap * 2);
        if (nd == NULL)
            free(data);
        data = nd;
        cap *= 2;
    }
    *out = data;
    *outlen = len;
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
    int rc = slurp(f, in->file, hint, &in->bytes, &in->len);
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

static void print_reading(const cli_input *in, yr_lang lang)
{
    char line[1024];
    yr_table_reading(in->t, yr_lang_code(lang), line, sizeof line);
    fprintf(stderr, "yrkesresa: %s: %s\n", in->file, line);
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
    yr_read_error e;
    if (yr_read_table(in->bytes, in->len, &o, &in->t, &e) != YR_READ_OK) {
        cli_input_free(in);
        return cli_read_fail(cli_shown(path), &e);
    }
    if (!r->quiet)
        print_reading(in, c->out.lang);
    return 0;
}

void cli_input_free(cli_input *in)
{
    yr_table_free(in->t);
    free(in->bytes);
    in->t = NULL;
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

cli_cell_type cli_read_echo_type(const yr_table *t, size_t row, size_t col)
{
    yr_read_role role = yr_table_column_role(t, col);
    switch (role == YR_ROLE_NONE ? YR_KIND_TEXT : yr_role_kind(role)) {
    case YR_KIND_WHOLE:
    case YR_KIND_DECIMAL:
        return role == YR_ROLE_AMOUNT || role == YR_ROLE_FEES || role == YR_ROLE_POT
                   ? CLI_CELL_MONEY
                   : CLI_CELL_NUMBER;
    case YR_KIND_SHARE:
        return CLI_CELL_SHARE;
    case YR_KIND_DATE:
        return CLI_CELL_DATE;
    case YR_KIND_CODE:
        return CLI_CELL_TEXT;
    default:
        break;
    }
    if (role != YR_ROLE_NONE)
        return CLI_CELL_TEXT;
    switch (yr_table_cell_type(t, row, col)) {
    case YR_CELL_NUMBER:
        return CLI_CELL_NUMBER;
    case YR_CELL_DATE:
        return CLI_CELL_DATE;
    default:
        return CLI_CELL_GUESS; /* a CSV cell of no role: as the output layer shows it today */
    }
}
