/* `yrkesresa stats check --parts WHOLE=PART+PART... FILE`: flag the rows where a column is not
 * the sum of its part columns ("accounts = staff + managers"). The sums and differences are
 * yr_check_parts (difference = sum of the parts - the stated value). `--rate WHOLE=RATE*BASE`
 * checks a column against a rate times another ("pot = 400 × participant-days") with
 * yr_check_rate (difference = rate × base - the stated value), printed the same way. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

#define CMD "stats check"
#define MAX_PARTS 32

static const char usage_text[] =
    "Usage: yrkesresa stats check --parts WHOLE=PART+PART... [--parts ...] [--strict] FILE\n"
    "       yrkesresa stats check --rate WHOLE=RATE*BASE [--rate ...] [--strict] FILE\n"
    "\n"
    "For every row of FILE (a Summa/Totalt row included), check that column WHOLE equals the\n"
    "sum of the PART columns, or RATE times column BASE. One line per check and row: check, the\n"
    "row's label, the stated value, the sum of the parts (or RATE × BASE, rounded to a whole\n"
    "unit half away from zero), difference = sum - stated, and ok or MISMATCH. Empty cells\n"
    "count 0.\n"
    "Output: @NAME:check@,LABEL,@NAME:stated@,@NAME:sum@,@NAME:difference@,@NAME:status@\n"
    "(with --lang sv: @NAMN:check@,LABEL,@NAMN:stated@,@NAMN:sum@,@NAMN:difference@,\n"
    "@NAMN:status@; LABEL: the header of FILE's first column)\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats check --parts accounts=staff+managers \\\n"
    "      data/dalarna/accounts-funktionshinder-2025-04-07.csv\n"
    "  yrkesresa stats check --rate pot=400*participant_days --rate fees=600*participant_days \\\n"
    "      data/examples/pot-2024-days.csv\n";

/* One check: the whole column and its parts, or (rate) the whole column against rate_num /
 * rate_den times parts[0]. */
typedef struct parts_spec {
    const char *text;
    size_t whole, parts[MAX_PARTS], nparts;
    int rate;
    int64_t rate_num, rate_den;
} parts_spec;

/* The column named by @p s[0..len) in the check @p ps (its text and kind already set). */
static int spec_column(const char *file, const yr_table *t, const parts_spec *ps, const char *s,
                       size_t len, size_t *col)
{
    const char *opt = ps->rate ? "rate" : "parts";
    char name[256];
    if (len == 0 || len >= sizeof name)
        return cli_fail_usage(CMD, "--%s '%s': an empty or too long column name", opt, ps->text);
    memcpy(name, s, len);
    name[len] = '\0';
    *col = cli_read_find_column(t, name);
    if (*col == YR_READ_NONE) {
        char q[80];
        return cli_fail_at(file, cli_read_header_line(t), "no column %s (--%s '%s')",
                           cli_quote(name, q, sizeof q), opt, ps->text);
    }
    return 0;
}

/* `WHOLE=RATE*BASE`: the rate is the text before the first '*', which a rate never holds. */
static int parse_rate(const char *file, const yr_table *t, const char *spec, parts_spec *ps)
{
    const char *eq = strchr(spec, '='), *star = eq ? strchr(eq, '*') : NULL;
    char rate[64];
    ps->text = spec;
    ps->rate = 1;
    ps->nparts = 1;
    if (eq == NULL || star == NULL || (size_t)(star - eq - 1) >= sizeof rate)
        return cli_fail_usage(CMD, "--rate '%s': expected WHOLE=RATE*BASE", spec);
    memcpy(rate, eq + 1, (size_t)(star - eq - 1));
    rate[star - eq - 1] = '\0';
    if (cli_opt_fraction(CMD, "rate", rate, &ps->rate_num, &ps->rate_den) != 0 ||
        spec_column(file, t, ps, spec, (size_t)(eq - spec), &ps->whole) != 0 ||
        spec_column(file, t, ps, star + 1, strlen(star + 1), &ps->parts[0]) != 0)
        return CLI_EXIT_ERROR;
    return 0;
}

static int parse_spec(const char *file, const yr_table *t, const char *spec, parts_spec *ps)
{
    const char *eq = strchr(spec, '=');
    ps->text = spec;
    ps->rate = 0;
    ps->nparts = 0;
    if (eq == NULL)
        return cli_fail_usage(CMD, "--parts '%s': expected WHOLE=PART+PART...", spec);
    if (spec_column(file, t, ps, spec, (size_t)(eq - spec), &ps->whole) != 0)
        return CLI_EXIT_ERROR;
    for (const char *p = eq + 1;;) {
        size_t len = strcspn(p, "+");
        if (ps->nparts == MAX_PARTS)
            return cli_fail_usage(CMD, "--parts '%s': at most %d parts", spec, MAX_PARTS);
        if (spec_column(file, t, ps, p, len, &ps->parts[ps->nparts++]) != 0)
            return CLI_EXIT_ERROR;
        if (p[len] == '\0')
            return 0;
        p += len + 1;
    }
}

/* The distinct columns of a check (the whole first) and, for each part, its position among
 * them: a column named twice keeps one position, which yr_check_parts then refuses. */
static size_t distinct_columns(const parts_spec *ps, size_t *cols, size_t *idx)
{
    size_t n = 1;
    cols[0] = ps->whole;
    for (size_t k = 0; k < ps->nparts; k++) {
        size_t j = 0;
        while (j < n && cols[j] != ps->parts[k])
            j++;
        if (j == n)
            cols[n++] = ps->parts[k];
        idx[k] = j;
    }
    return n;
}

/* Column @p col of every row (data and aggregate rows, in file order) as whole numbers of either
 * sign (a net may be negative) in the one grammar, empty cells 0: the data rows read together
 * (the column's grouping decided over them), an aggregate row's cell alone under its header. */
static int read_column(const cli_input *in, size_t col, int64_t *data, size_t w, int64_t *cells)
{
    int64_t den;
    yr_read_error e;
    char q[80], what[100];
    const char *head = yr_table_header(in->t, col);
    if (cli_read_try_column(in, col, YR_KIND_INTEGER, data, NULL, &den, &e) != YR_READ_OK)
        return cli_read_fail(in->file, &e);
    snprintf(what, sizeof what, "column %s", cli_quote(head, q, sizeof q));
    for (size_t r = 0, i = 0; r < yr_table_nrows(in->t); r++) {
        cli_buf b;
        yr_value v = {0, 0, 1};
        if (yr_table_row_kind(in->t, r) == YR_ROW_DATA) {
            cells[r * w] = data[i++];
            continue;
        }
        cli_buf_init(&b);
        const char *s = cli_read_cell(in->t, r, col, &b);
        yr_read_status st = s[strspn(s, " \t")] == '\0'
                                ? YR_READ_OK
                                : yr_read_value(s, YR_KIND_INTEGER, head, what, &v, &e);
        cli_buf_free(&b);
        if (st != YR_READ_OK) {
            e.line = yr_table_row_line(in->t, r);
            return cli_read_fail(in->file, &e);
        }
        cells[r * w] = v.present ? v.num : 0;
    }
    return 0;
}

/* The columns @p cols of every row as whole numbers (empty cells 0), row-major. */
static int read_cells(const cli_input *in, const size_t *cols, size_t w, int64_t *cells)
{
    size_t nd = yr_table_ndata(in->t);
    int64_t *data = malloc((nd ? nd : 1) * sizeof *data);
    int rc = data == NULL ? cli_fail_at(in->file, 0, "out of memory") : 0;
    for (size_t k = 0; rc == 0 && k < w; k++)
        rc = read_column(in, cols[k], data, w, cells + k);
    free(data);
    return rc;
}

/* One check's results. */
typedef struct parts_result {
    int64_t *cells, *sums, *diff;
    size_t width, mismatched;
} parts_result;

static void result_free(parts_result *res)
{
    free(res->cells);
    free(res->sums);
    free(res->diff);
}

/* Compute one check: the rows' sums and differences (yr_check_parts). */
static int run_check(const cli_input *in, const parts_spec *ps, parts_result *res)
{
    size_t cols[MAX_PARTS + 1], idx[MAX_PARTS], n = yr_table_nrows(in->t);
    size_t w = res->width = distinct_columns(ps, cols, idx);
    res->cells = malloc((n ? n : 1) * w * sizeof *res->cells);
    res->sums = malloc((n ? n : 1) * sizeof *res->sums);
    res->diff = malloc((n ? n : 1) * sizeof *res->diff);
    if (!res->cells || !res->sums || !res->diff)
        return cli_fail_usage(NULL, "out of memory");
    if (read_cells(in, cols, w, res->cells) != 0)
        return CLI_EXIT_ERROR;
    yr_where where;
    yr_status st =
        ps->rate ? yr_check_rate_where(res->cells, n, w, 0, idx[0], ps->rate_num, ps->rate_den,
                                       res->sums, res->diff, &res->mismatched, &where)
                 : yr_check_parts_where(res->cells, n, w, 0, idx, ps->nparts, res->sums, res->diff,
                                        &res->mismatched, &where);
    if (st == YR_OK)
        return 0;
    char q[80], context[100];
    snprintf(context, sizeof context, "--%s %s", ps->rate ? "rate" : "parts",
             cli_quote(ps->text, q, sizeof q));
    if (where.record < n)
        return cli_fail_lib(in->file, yr_table_row_line(in->t, where.record), context, &where,
                            NULL);
    return cli_fail_lib_usage(CMD, context, &where); /* columns counted in the spec's order */
}

static void write_check(cli_out *o, const yr_table *t, size_t label, const parts_spec *ps,
                        const parts_result *res, cli_buf *b)
{
    for (size_t r = 0; r < yr_table_nrows(t); r++) {
        cli_out_text(o, ps->text);
        cli_out_cell(o, cli_read_cell(t, r, label, b), CLI_CELL_TEXT); /* the row's label */
        cli_out_int(o, res->cells[r * res->width]);
        cli_out_int(o, res->sums[r]);
        cli_out_int(o, res->diff[r]);
        cli_out_name(o, res->diff[r] == 0 ? YR_OUT_V_OK : YR_OUT_V_MISMATCH);
        cli_out_end_row(o);
    }
}

static int write_all(const cli_output_opts *opts, const cli_input *in, const parts_spec *ps,
                     const parts_result *res, size_t n)
{
    cli_out o;
    cli_dialect d = cli_read_dialect(in->t);
    size_t label = yr_table_label_column(in->t);
    int rc = cli_out_open_dialect(&o, opts, YR_TABLE_STATS_PARTS, &d);
    if (rc != 0)
        return rc;
    yr_out_name head[5];
    size_t nhead = yr_out_table_columns(YR_TABLE_STATS_PARTS, head, 5);
    for (size_t k = 0; k < nhead; k++) {
        cli_out_name(&o, head[k]);
        if (k == 0)
            cli_out_text(&o, yr_table_header(in->t, label)); /* the rows' labels */
    }
    cli_out_end_row(&o);
    cli_buf b;
    cli_buf_init(&b);
    for (size_t k = 0; k < n; k++)
        write_check(&o, in->t, label, &ps[k], &res[k], &b);
    cli_buf_free(&b);
    return cli_out_close(&o);
}

int cli_stats_check_wants_parts(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--parts") == 0 || strncmp(argv[i], "--parts=", 8) == 0 ||
            strcmp(argv[i], "--rate") == 0 || strncmp(argv[i], "--rate=", 7) == 0)
            return 1;
    return 0;
}

int cli_stats_check_parts(int argc, char **argv)
{
    const char *file = NULL;
    int strict = 0;
    cli_list specs, rates;
    memset(&specs, 0, sizeof specs);
    memset(&rates, 0, sizeof rates);
    cli_common common;
    cli_read_opts r;
    cli_option opts[3 + CLI_READ_NOPTS] = {
        {"parts", CLI_OPT_LIST, &specs, "SPEC",
         "WHOLE=PART+PART...: column names (any case); repeat for more checks"},
        {"rate", CLI_OPT_LIST, &rates, "SPEC",
         "WHOLE=RATE*BASE: RATE a number (400, 1,5, 1.5 or 3/2), BASE a column"},
        {"strict", CLI_OPT_FLAG, &strict, NULL, "exit status 1 when a row does not add up"}};
    size_t nopts = 3 + cli_read_options(&r, opts + 3);
    size_t nfiles = 0, bad = 0, n = 0;
    int rc = cli_parse_args(argc, argv, CMD, usage_text, opts, nopts, &common, &file, 1, &nfiles);
    if (rc != -1)
        return rc;
    n = specs.n + rates.n;
    if (nfiles == 0 || n == 0 || n > 8)
        return cli_fail_usage(CMD, nfiles == 0 ? "no FILE"
                                   : n == 0    ? "--parts or --rate is needed"
                                               : "at most 8 --parts and --rate");
    cli_input in;
    int quiet = r.quiet;
    r.quiet = 1; /* the reading line once every check has run */
    if (cli_read(file, &common, &r, cli_read_label_wants, CLI_READ_NLABEL_WANTS, &in) != 0)
        return CLI_EXIT_ERROR;
    rc = 0;
    parts_spec ps[8];
    parts_result res[8];
    memset(res, 0, sizeof res);
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = k < specs.n ? parse_spec(in.file, in.t, specs.v[k], &ps[k])
                         : parse_rate(in.file, in.t, rates.v[k - specs.n], &ps[k]);
    for (size_t k = 0; rc == 0 && k < n; k++) {
        rc = run_check(&in, &ps[k], &res[k]);
        bad += res[k].mismatched;
    }
    if (rc == 0 && !quiet)
        cli_read_report(&in, common.out.lang);
    if (rc == 0)
        rc = write_all(&common.out, &in, ps, res, n);
    for (size_t k = 0; k < 8; k++)
        result_free(&res[k]);
    cli_input_free(&in);
    return rc == 0 && strict && bad > 0 ? CLI_EXIT_FINDINGS : rc;
}
