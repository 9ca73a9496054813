/* `yrkesresa stats`: the dispatcher and what its subcommands share (cmd_stats.h). */
#include "cmd_stats.h"
#include "cmd_cycle.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

static const char *const stats_usage =
    "Usage: yrkesresa stats attendance FILE [--confidence 0.95]\n"
    "       yrkesresa stats survey FILE [--confidence 0.95] [--target 80%]\n"
    "       yrkesresa stats progress FILE [--confidence 0.95]\n"
    "                       [--population P.csv [--course 1] [--per 1000]]\n"
    "       yrkesresa stats check FILE [--strict]\n"
    "       yrkesresa stats check --parts WHOLE=PART+PART... [--strict] FILE\n"
    "       yrkesresa stats check --rate WHOLE=RATE*BASE [--strict] FILE\n"
    "       yrkesresa stats count --by COL[,COL...] [--long] FILE\n"
    "\n"
    "Participation statistics with Wilson score intervals (no continuity correction).\n"
    "'yrkesresa stats SUBCOMMAND --help' describes each subcommand.\n"
    "Output: a CSV table in the input's dialect ('.' decimals with ',', decimal comma with ';';\n"
    "--excel and --output FILE.xlsx as for every command), shares as fractions with 4\n"
    "decimals; an undefined share (nothing to divide by) is an empty cell.\n"
    "Exit status: 0 success, 1 'check --strict' found a mismatch, 2 error.\n";

static const char *const check_usage =
    "Usage: yrkesresa stats check FILE [--strict]\n"
    "\n"
    "Check a published table's total row (Totalt, Summa, ... in the first column, wherever it\n"
    "stands) against the sums of the other rows, column by column. The same check as\n"
    "'yrkesresa pot --check'.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "A column is checked when its cells are whole numbers (empty cells of the rows count as 0);\n"
    "a text cell among whole numbers is an error naming its line ('1O0'). Columns of decimals\n"
    "(rates) and of text are listed as skipped: a rate column does not add up.\n"
    "Output: @COLUMNS:stats check@ with difference = sum - stated (as in\n"
    "'yrkesresa audit'); status ok, MISMATCH, no stated total, or skipped: ...\n"
    "(with --lang sv: @KOLUMNER:stats check@)\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats check data/dalarna/course-progress-funktionshinder-2025-04-07.csv\n";

static int stats_check(int argc, char **argv)
{
    if (cli_stats_check_wants_parts(argc, argv))
        return cli_stats_check_parts(argc, argv);
    int strict = 0;
    cli_read_opts r;
    cli_list parts = {0}; /* answered by cli_stats_check_parts() above; listed here */
    cli_option opts[3 + CLI_READ_NOPTS] = {
        {"strict", CLI_OPT_FLAG, &strict, NULL,
         "exit 1 when a column does not match (default: exit 0, the table is the output)"},
        {"parts", CLI_OPT_LIST, &parts, "WHOLE=PART+PART...",
         "check that column WHOLE is the sum of the PART columns in every row instead ('yrkesresa "
         "stats check --parts x --help')"},
        {"rate", CLI_OPT_LIST, &parts, "WHOLE=RATE*BASE",
         "check that column WHOLE is RATE times column BASE in every row instead (as --parts)"}};
    size_t nopts = 3 + cli_read_options(&r, opts + 3);
    const char *file = NULL;
    size_t nfiles;
    cli_common c;
    int rc =
        cli_parse_args(argc, argv, "stats check", check_usage, opts, nopts, &c, &file, 1, &nfiles);
    if (rc >= 0)
        return rc;
    if (nfiles == 0)
        return cli_fail_usage("stats check", "no input file (use '-' for standard input)");
    return cli_check_totals(file, &c, &r, strict);
}

/* The subcommands: a new one is one line here. */
static const cli_command subcommands[] = {
    {"attendance", stats_attendance, "attendance rates per course and in total"},
    {"survey", stats_survey, "survey goals judged with their intervals"},
    {"progress", stats_progress, "course progression, or coverage per inhabitants"},
    {"check", stats_check, "a published table's total row against its rows"},
    {"count", cli_stats_count, "records counted by the labels of one or more columns"},
};

int cli_cmd_stats(int argc, char **argv)
{
    if (argc < 2)
        return cli_fail_missing(subcommands, sizeof subcommands / sizeof subcommands[0], "stats",
                                "subcommand");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cli_print_help(stats_usage);
    return cli_dispatch(subcommands, sizeof subcommands / sizeof subcommands[0], "stats subcommand",
                        argc - 1, argv + 1);
}

/* ---- shared helpers ------------------------------------------------------------------- */

int stats_level(const char *cmd, const char *name, const char *text, int closed, double *out)
{
    int64_t num, den;
    if (cli_opt_fraction(cmd, name, text, &num, &den) != 0)
        return CLI_EXIT_ERROR;
    *out = (double)num / (double)den;
    /* checked now, before any file is read, by the library's own rule: a goal check of 0 of 1
     * with this target (closed) or this confidence (open) */
    yr_goal verdict;
    yr_where w;
    if ((closed ? yr_goal_check_where(0, 1, *out, 0.95, &verdict, &w)
                : yr_goal_check_where(0, 1, 0.5, *out, &verdict, &w)) != YR_OK)
        return cli_fail_lib_usage(cmd, NULL, &w);
    return 0;
}

int stats_parse(int argc, char **argv, const char *cmd, const char *usage, const cli_option *extra,
                size_t nextra, stats_opts *o)
{
    cli_option opts[16];
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
    opts[0] = (cli_option){"confidence", CLI_OPT_VALUE, &o->confidence_text, "C",
                           "two-sided level in (0, 1): 0.95, 0,95, 95% or 19/20 (default 0.95)"};
    if (nextra + 1 > sizeof opts / sizeof opts[0])
        return cli_fail_usage(NULL, "internal error: too many options");
    for (size_t k = 0; k < nextra; k++)
        opts[k + 1] = extra[k];
    size_t nfiles;
    int rc =
        cli_parse_args(argc, argv, cmd, usage, opts, nextra + 1, &o->common, &o->file, 1, &nfiles);
    if (rc >= 0)
        return rc;
    if (nfiles == 0)
        return cli_fail_usage(cmd, "no input file (use '-' for standard input)");
    if (o->confidence_text != NULL &&
        stats_level(cmd, "confidence", o->confidence_text, 0, &o->confidence) != 0)
        return CLI_EXIT_ERROR;
    return -1;
}

int stats_parse_read(int argc, char **argv, const char *cmd, const char *usage, cli_option *extra,
                     size_t nextra, cli_read_opts *r, stats_opts *o)
{
    nextra += cli_read_options(r, extra + nextra);
    return stats_parse(argc, argv, cmd, usage, extra, nextra, o);
}

void stats_put_num(cli_buf *b, double v)
{
    if (!isnan(v))
        cli_buf_printf(b, "%.*f", STATS_DIGITS, v);
}

void stats_put_rate(cli_buf *out, const yr_rate *x)
{
    cli_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", x->trials, x->successes);
    stats_put_num(out, x->share);
    cli_buf_puts(out, ",");
    stats_put_num(out, x->low);
    cli_buf_puts(out, ",");
    stats_put_num(out, x->high);
    cli_buf_puts(out, ",");
}

void stats_put_field(cli_buf *b, const char *s)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        cli_buf_puts(b, s);
        return;
    }
    cli_buf_add(b, "\"", 1);
    for (; *s; s++)
        cli_buf_add(b, *s == '"' ? "\"\"" : s, *s == '"' ? 2 : 1);
    cli_buf_add(b, "\"", 1);
}

void stats_put_scaled(cli_buf *b, cli_i128 num, unsigned scale)
{
    cli_i128 a = num < 0 ? -num : num, p = cli_pow10(scale);
    if (num < 0)
        cli_buf_add(b, "-", 1);
    cli_buf_i128(b, a / p);
    if (scale > 0)
        cli_buf_printf(b, ".%0*" PRId64, (int)scale, (int64_t)(a % p));
}

cli_i128 stats_div_round(cli_i128 n, cli_i128 d)
{
    cli_i128 q = n / d, r = n % d;
    if (r < 0)
        r = -r;
    if (2 * r >= d)
        q += n < 0 ? -1 : 1;
    return q;
}

void stats_note_sep(cli_buf *note)
{
    if (note->len > 0)
        cli_buf_puts(note, "; ");
}

void stats_header(stats_out *s, yr_out_table t, const cli_cell_type *types,
                  const char *const *suffix)
{
    yr_out_name cols[16];
    size_t n = yr_out_table_columns(t, cols, 16);
    for (size_t k = 0; k < n && k < 16; k++) {
        cli_buf_puts(&s->b, k > 0 ? "," : "");
        cli_buf_puts(&s->b, yr_out_text(cols[k], s->lang));
        if (suffix != NULL && suffix[k] != NULL)
            cli_buf_puts(&s->b, suffix[k]);
    }
    cli_buf_puts(&s->b, "\n");
    s->types = types;
    s->ntypes = n;
}

/* One cell of the program's own CSV ('.' decimals) as its column's type; the header is text. */
static void emit_cell(const stats_out *s, size_t col, const char *text)
{
    cli_cell_type type = s->sink->row > 0 && col < s->ntypes ? s->types[col] : CLI_CELL_TEXT;
    if (type == CLI_CELL_SHARE)
        cli_out_share(s->sink, text);
    else if (type == CLI_CELL_NUMBER)
        cli_out_num(s->sink, text);
    else
        cli_out_text(s->sink, text);
}

/* Emit one line of the program's own CSV (fields by ',', quoted with doubled quotes). */
static void emit_line(const stats_out *s, const char *p, const char *end, cli_buf *field)
{
    for (size_t col = 0;; col++) {
        cli_buf_clear(field);
        cli_buf_add(field, "", 0);
        if (p < end && *p == '"') {
            for (p++; p < end && !(*p == '"' && (p + 1 == end || p[1] != '"')); p++) {
                cli_buf_add(field, p, 1);
                p += *p == '"'; /* a doubled quote */
            }
            p++;
        } else {
            const char *c = memchr(p, ',', (size_t)(end - p));
            const char *e = c != NULL ? c : end;
            cli_buf_add(field, p, (size_t)(e - p));
            p = e;
        }
        emit_cell(s, col, cli_buf_str(field));
        if (p >= end)
            break;
        p++; /* the ',' */
    }
    cli_out_end_row(s->sink);
}

void stats_flush(stats_out *s)
{
    if (s->sink != NULL && s->b.len > 0) {
        cli_buf field;
        cli_buf_init(&field);
        const char *p = s->b.data, *end = s->b.data + s->b.len;
        while (p < end) {
            const char *nl = p; /* the end of the row: a '\n' outside quotes */
            for (int inq = 0; nl < end && (inq || *nl != '\n'); nl++)
                inq ^= *nl == '"';
            emit_line(s, p, nl, &field);
            p = nl + 1;
        }
        cli_buf_free(&field);
    }
    cli_buf_clear(&s->b);
}

int stats_run_dialect(const cli_common *c, yr_out_table table, const cli_dialect *like,
                      int validated, int (*pass)(void *ctx, stats_out *s), void *ctx,
                      const cli_input *reading)
{
    stats_out s;
    cli_out o;
    memset(&s, 0, sizeof s);
    cli_buf_init(&s.b);
    s.lang = c->out.lang;
    int rc = validated ? 0 : pass(ctx, &s);
    if (rc == 0 && !s.b.ok)
        rc = cli_fail_at("yrkesresa", 0, "out of memory");
    if (rc == 0 && reading != NULL)
        cli_read_report(reading, c->out.lang);
    if (rc == 0 && (rc = cli_out_open_dialect(&o, &c->out, table, like)) == 0) {
        s.sink = &o;
        rc = pass(ctx, &s);
        int closed = cli_out_close(&o);
        rc = rc != 0 ? rc : closed;
    }
    cli_buf_free(&s.b);
    return rc;
}
