/* `yrkesresa read`: the table as the program reads it (libyrkesresa-read): every row with its
 * line and kind, the columns of a role in their role's grammar, and the reading line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>
#include <yrkesresa/read.h>

#include "cli.h"
#include "cli_read.h"

#define MAX_WANT 32

static const char *const usage_text =
    "Usage: yrkesresa read [--want ROLE[:FLAGS]]... [OPTIONS] FILE\n"
    "\n"
    "Show how FILE is read: one row per row of the table (data rows and total, subtotal,\n"
    "county and nation rows) with its line and kind and its cells; a column of a role in its\n"
    "role's grammar\n"
    "(exact numbers with their units applied, shares of 1, ISO dates). On stderr the reading\n"
    "line (which lines are titles, totals, notes) and the role of each column.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Example:\n"
    "  yrkesresa read --want municipality:required,unique --want population:required "
    "befolkning.xlsx\n";

static int want_flag(const char *f, size_t n, unsigned *flags)
{
    static const struct {
        const char *name;
        unsigned flag;
    } names[] = {{"required", YR_WANT_REQUIRED},
                 {"unique", YR_WANT_UNIQUE},
                 {"checked", YR_WANT_CHECKED},
                 {"many", YR_WANT_MANY},
                 {"blank_ok", YR_WANT_BLANK_OK}};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strlen(names[k].name) == n && strncmp(f, names[k].name, n) == 0) {
            *flags |= names[k].flag;
            return 1;
        }
    return 0;
}

/* --want ROLE[:FLAGS] */
static int parse_want(const char *s, yr_read_want *w)
{
    char role[64];
    const char *colon = strchr(s, ':');
    size_t n = colon ? (size_t)(colon - s) : strlen(s);
    snprintf(role, sizeof role, "%.*s", (int)(n < 63 ? n : 63), s);
    w->role = yr_read_role_from_name(role);
    w->flags = 0;
    if (w->role == YR_ROLE_NONE)
        return cli_fail_usage("read", "--want '%s': no such role", role);
    for (const char *f = colon; f != NULL && *f != '\0';) {
        f++;
        const char *e = strchr(f, ',');
        size_t len = e ? (size_t)(e - f) : strlen(f);
        if (!want_flag(f, len, &w->flags))
            return cli_fail_usage("read",
                                  "--want %s: unknown flag '%.*s' (required, unique, "
                                  "checked, many, blank_ok)",
                                  role, (int)len, f);
        f = e;
    }
    return 0;
}

/* ---------------------------------------------------------------- writing */

/* A cell of a role column in its grammar; 0, or 2 after the library's message. */
static int put_value(cli_out *o, const cli_input *in, size_t row, size_t col, cli_buf *b)
{
    yr_value v;
    if (yr_table_value(in->t, row, col, &v) != YR_READ_OK) {
        cli_out_cell(o, cli_read_cell(in->t, row, col, b), CLI_CELL_TEXT);
        return 0;
    }
    cli_buf_clear(b);
    if (!v.present) {
        cli_out_empty(o);
        return 0;
    }
    yr_kind k = yr_role_kind(yr_table_column_role(in->t, col));
    int y, m, d;
    if (k == YR_KIND_DATE && yr_civil_from_days(v.num, &y, &m, &d) == YR_OK) {
        cli_buf_printf(b, "%04d-%02d-%02d", y, m, d);
        cli_out_date(o, cli_buf_str(b));
        return 0;
    }
    cli_read_put_exact(b, v.num, v.den);
    if (k == YR_KIND_SHARE)
        cli_out_share(o, cli_buf_str(b));
    else
        cli_out_num(o, cli_buf_str(b));
    return 0;
}

static void put_code(cli_out *o, const yr_table *t, size_t row)
{
    yr_identity id;
    if (yr_table_identity(t, row, &id) == YR_READ_OK)
        cli_out_int(o, id.code);
    else
        cli_out_empty(o);
}

static int write_table(const cli_input *in, const cli_common *c, int codes)
{
    cli_out o;
    cli_dialect d = cli_read_dialect(in->t);
    const yr_table *t = in->t;
    if (cli_out_open_dialect(&o, &c->out, YR_TABLE_READ, &d) != 0)
        return CLI_EXIT_ERROR;
    cli_out_name(&o, YR_OUT_LINE);
    cli_out_name(&o, YR_OUT_KIND);
    if (codes)
        cli_out_name(&o, YR_OUT_CODE);
    for (size_t col = 0; col < yr_table_ncols(t); col++)
        cli_out_text(&o, yr_table_header(t, col));
    cli_out_end_row(&o);
    cli_buf b;
    cli_buf_init(&b);
    for (size_t r = 0; r < yr_table_nrows(t); r++) {
        cli_out_int(&o, (int64_t)yr_table_row_line(t, r));
        cli_out_text(&o, yr_row_kind_name(yr_table_row_kind(t, r)));
        if (codes)
            put_code(&o, t, r);
        for (size_t col = 0; col < yr_table_ncols(t); col++) {
            if (yr_table_column_role(t, col) != YR_ROLE_NONE &&
                yr_role_kind(yr_table_column_role(t, col)) > YR_KIND_CODE)
                put_value(&o, in, r, col, &b);
            else
                cli_out_cell(&o, cli_read_cell(t, r, col, &b), CLI_CELL_TEXT);
        }
        cli_out_end_row(&o);
    }
    cli_buf_free(&b);
    return cli_out_close(&o);
}

/* `yrkesresa: FILE: columns: 'Kommun' municipality, 'Befolkning' population` */
static void print_roles(const cli_input *in)
{
    cli_buf b;
    cli_buf_init(&b);
    for (size_t col = 0; col < yr_table_ncols(in->t); col++) {
        yr_read_role role = yr_table_column_role(in->t, col);
        if (role == YR_ROLE_NONE)
            continue;
        char q[80];
        cli_buf_printf(&b, "%s%s %s", b.len ? ", " : "",
                       cli_quote(yr_table_header(in->t, col), q, sizeof q), yr_role_name(role));
    }
    fprintf(stderr, "yrkesresa: %s: columns: %s\n", in->file, b.len ? cli_buf_str(&b) : "none");
    cli_buf_free(&b);
}

int cli_cmd_read(int argc, char **argv)
{
    cli_list wants;
    cli_read_opts r;
    cli_common c;
    int codes = 0;
    memset(&wants, 0, sizeof wants);
    cli_option opts[2 + CLI_READ_NOPTS] = {
        {"want", CLI_OPT_LIST, &wants, "ROLE[:FLAGS]",
         "read as a command does (repeatable): ROLE is a role name (municipality, population, "
         "amount, ...), FLAGS a comma list of required, unique, checked, many, blank_ok. "
         "Without --want every column whose header names a role is read, none required."},
        {"codes", CLI_OPT_FLAG, &codes, NULL,
         "add the SCB code of each row's identity (-1: not a place)"}};
    size_t nopts = 2 + cli_read_options(&r, opts + 2), nfiles;
    const char *path = NULL;
    int rc = cli_parse_args(argc, argv, "read", usage_text, opts, nopts, &c, &path, 1, &nfiles);
    if (rc >= 0)
        return rc;
    if (nfiles == 0)
        return cli_fail_usage("read", "no input file");
    yr_read_want want[MAX_WANT];
    for (size_t k = 0; k < wants.n; k++)
        if (parse_want(wants.v[k], &want[k]) != 0)
            return CLI_EXIT_ERROR;
    cli_input in;
    if (cli_read(path, &c, &r, want, wants.n, &in) != 0)
        return CLI_EXIT_ERROR;
    if (!r.quiet)
        print_roles(&in);
    rc = write_table(&in, &c, codes);
    cli_input_free(&in);
    return rc;
}
