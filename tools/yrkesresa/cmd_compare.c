/* `yrkesresa compare`: two or more splits of one total side by side, with each one's difference
 * from the first. A scenario names a method, an equal part, municipalities that opt out and a
 * population column; the splits are yr_split / yr_split_mixed, the differences and sums
 * yr_compare. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

#define CMD "compare"
#define MAX_SCENARIOS 32

static const char usage_text[] =
    "Usage: yrkesresa compare --total N --scenario SPEC --scenario SPEC... POPULATION.csv\n"
    "\n"
    "Split N by population in two or more ways and put the splits side by side, each with its\n"
    "difference from the first scenario (scenario - first), and a Summa line.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Examples:\n"
    "  yrkesresa compare --total 850000 --scenario method=largest_remainder \\\n"
    "      --scenario method=dhondt --scenario 'equal=30%' data/dalarna/population-2021-06.csv\n"
    "  yrkesresa compare --total 850000 --scenario population=2018 --scenario population=2021 \\\n"
    "      data/examples/population-dalarna-2018-2021.csv\n";

/* One scenario. */
typedef struct scenario {
    const char *label; /* the spec */
    const char *name;  /* name=, or the spec */
    size_t name_len;
    yr_split_options opt; /* method, tie, threshold */
    int has_equal;
    int64_t equal_num, equal_den;
    size_t pop_col;      /* population=: its column in the names' table, or YR_READ_NONE */
    const char *without; /* "A+B" or NULL */
    size_t without_len;
} scenario;

/* The library's refusal of a value of --scenario SPEC. */
static int scenario_failed(const char *spec, const yr_where *w)
{
    char q[80], context[100];
    snprintf(context, sizeof context, "--scenario %s", cli_quote(spec, q, sizeof q));
    return cli_fail_lib_usage(CMD, context, w);
}

/* The population column of year @p v (four digits) by statement's rule (cycle_year_columns);
 * YR_READ_NONE when none, SIZE_MAX - 1 when two. */
static size_t year_column(const yr_table *t, const char *v)
{
    size_t first, second;
    if (strlen(v) != 4 || strspn(v, "0123456789") != 4)
        return YR_READ_NONE;
    size_t n = cycle_year_columns(t, yr_table_find_role(t, YR_ROLE_MUNICIPALITY),
                                  strtoll(v, NULL, 10), &first, &second);
    return n == 2 ? SIZE_MAX - 1 : first;
}

/* population=COLUMN|YEAR: the column of that header (cli_read_find_column), else of that year
 * (year_column); both and not one column is ambiguous. */
static int population_item(const char *spec, const char *v, scenario *s, const yr_table *t)
{
    s->pop_col = cli_read_find_column(t, v);
    size_t by_year = year_column(t, v); /* '2018' beside 'Folkmängd 2018': which? */
    if (s->pop_col == YR_READ_NONE || (by_year != YR_READ_NONE && by_year != s->pop_col))
        s->pop_col = s->pop_col == YR_READ_NONE ? by_year : SIZE_MAX - 1;
    if (s->pop_col == YR_READ_NONE || s->pop_col == SIZE_MAX - 1)
        return cli_fail_usage(CMD,
                              s->pop_col == YR_READ_NONE
                                  ? "--scenario '%s': no column '%s' (nor a population "
                                    "column of that year: 'Folkmängd %s')"
                                  : "--scenario '%s': two population columns of the year "
                                    "'%s'; give the whole header (population=Folkmängd %s)",
                              spec, v, v);
    return 0;
}

/* Parse the value of one KEY=VALUE item into @p s. */
static int scenario_item(const char *spec, const char *key, size_t klen, const char *val,
                         scenario *s, const yr_table *t)
{
    char v[256];
    size_t vlen = strcspn(val, ";");
    if (vlen >= sizeof v)
        return cli_fail_usage(CMD, "--scenario '%s': a value is too long", spec);
    memcpy(v, val, vlen);
    v[vlen] = '\0';
    yr_where w;
    if (klen == 6 && memcmp(key, "method", 6) == 0) {
        if (yr_method_from_name_where(v, &s->opt.method, &w) != YR_OK)
            return scenario_failed(spec, &w);
    } else if (klen == 3 && memcmp(key, "tie", 3) == 0) {
        if (yr_tie_from_name_where(v, &s->opt.tie, &w) != YR_OK)
            return scenario_failed(spec, &w);
    } else if (klen == 9 && memcmp(key, "threshold", 9) == 0) {
        return cli_opt_fraction(CMD, "scenario threshold", v, &s->opt.threshold_num,
                                &s->opt.threshold_den);
    } else if (klen == 5 && memcmp(key, "equal", 5) == 0) {
        s->has_equal = 1;
        return cli_opt_fraction(CMD, "scenario equal", v, &s->equal_num, &s->equal_den);
    } else if (klen == 7 && memcmp(key, "without", 7) == 0) {
        s->without = val;
        s->without_len = vlen;
    } else if (klen == 10 && memcmp(key, "population", 10) == 0) {
        return population_item(spec, v, s, t);
    } else if (klen == 4 && memcmp(key, "name", 4) == 0) {
        s->name = val;
        s->name_len = vlen;
    } else {
        return cli_fail_usage(CMD,
                              "--scenario '%s': unknown key '%.*s' (method, tie, "
                              "threshold, equal, without, population, name)",
                              spec, (int)klen, key);
    }
    return 0;
}

static int parse_scenario(const char *spec, const yr_table *t, scenario *s)
{
    memset(s, 0, sizeof *s);
    s->label = s->name = spec;
    s->name_len = strlen(spec);
    yr_split_options_init(&s->opt);
    s->pop_col = YR_READ_NONE;
    for (const char *p = spec; *p != '\0';) {
        const char *eq = strchr(p, '='), *end = p + strcspn(p, ";");
        if (eq == NULL || eq > end)
            return cli_fail_usage(CMD, "--scenario '%s': expected KEY=VALUE", spec);
        if (scenario_item(spec, p, (size_t)(eq - p), eq + 1, s, t) != 0)
            return CLI_EXIT_ERROR;
        p = *end == ';' ? end + 1 : end;
    }
    yr_split_options def;
    yr_split_options_init(&def);
    if (s->has_equal &&
        (s->opt.method != def.method || s->opt.tie != def.tie || s->opt.threshold_num != 0))
        return cli_fail_usage(CMD,
                              "--scenario '%s': an equal part goes with the default method, "
                              "tie and no threshold",
                              spec);
    return 0;
}

/* The inputs of a comparison. */
typedef struct compare_in {
    cli_input in; /* the parties: the municipality column, the file's bytes for each scenario */
    size_t np;
    const cli_common *common;
    const cli_read_opts *read;
    int64_t total;
    size_t n;
    scenario sc[MAX_SCENARIOS];
    cycle_reported reported; /* the columns whose reading line is printed */
} compare_in;

/* Zero the weights of the municipalities of "A+B+C" (and mark them in @p out_of). */
static int opt_out(compare_in *in, const scenario *s, int64_t *w, unsigned char *out_of)
{
    cli_keys keys;
    int rc = cycle_party_keys(&in->in, &keys);
    for (const char *p = s->without, *end = s->without + s->without_len; rc == 0 && p < end;) {
        size_t len = strcspn(p, "+;");
        char name[256];
        size_t party;
        if (len > (size_t)(end - p))
            len = (size_t)(end - p);
        if (len == 0 || len >= sizeof name) {
            rc = cli_fail_usage(CMD, "--scenario '%s': a bad name in without=", s->label);
            break;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        rc = cycle_party_find("--scenario without=", 0, name, &keys, in->in.file, &party);
        if (rc == 0)
            w[party] = 0, out_of[party] = 1;
        p += len + 1;
    }
    cli_keys_free(&keys);
    return rc;
}

/* Split the total for scenario @p s into @p out. */
static int run_scenario(compare_in *in, const scenario *s, int64_t *w, int64_t *out)
{
    int64_t den;
    const char *head = s->pop_col != YR_READ_NONE ? yr_table_header(in->in.t, s->pop_col) : NULL;
    if (cycle_read_weights(&in->in, in->common, in->read, head, &in->reported, w, &den) != 0)
        return CLI_EXIT_ERROR;
    unsigned char *out_of = calloc(in->np ? in->np : 1, 1);
    if (out_of == NULL)
        return cli_fail_at(in->in.file, 0, "out of memory");
    if (s->without != NULL && opt_out(in, s, w, out_of) != 0) {
        free(out_of);
        return CLI_EXIT_ERROR;
    }
    /* those who opt out get 0 and no equal part: the split is over the others only */
    size_t n = 0;
    for (size_t i = 0; i < in->np; i++)
        if (!out_of[i])
            w[n++] = w[i];
    yr_where wh;
    yr_status st = s->has_equal
                       ? yr_split_mixed_where(in->total, s->equal_num, s->equal_den, w, n, out, &wh)
                       : yr_split_with_where(in->total, w, n, &s->opt, out, &wh);
    for (size_t i = in->np, k = n; st == YR_OK && i-- > 0;)
        out[i] = out_of[i] ? 0 : out[--k];
    if (st != YR_OK && wh.record != YR_WHERE_NONE) /* the record among all parties */
        for (size_t i = 0, k = 0; i < in->np; i++)
            if (!out_of[i] && k++ == wh.record) {
                wh.record = i;
                break;
            }
    free(out_of);
    if (st != YR_OK) {
        char context[300];
        snprintf(context, sizeof context, "scenario '%s'", s->label);
        /* the scenario's keys, not the options of `split` */
        const char *const names[] = {"equal_part", "equal", "threshold", "threshold", NULL};
        return cli_fail_lib(in->in.file, 0, context, &wh, names);
    }
    return 0;
}

/* A scenario's header: its name= or its spec. */
static void out_label(cli_out *o, const scenario *s, const char *prefix)
{
    char h[300];
    snprintf(h, sizeof h, "%s%.*s", prefix, (int)s->name_len, s->name);
    cli_out_text(o, h);
}

static void write_table(cli_out *o, const compare_in *in, const int64_t *splits,
                        const int64_t *diff, const int64_t *sums, const int64_t *dsums)
{
    size_t np = in->np, ns = in->n, mc = yr_table_find_role(in->in.t, YR_ROLE_MUNICIPALITY);
    cli_buf b;
    cli_buf_init(&b);
    cli_out_text(o, yr_table_header(in->in.t, mc));
    for (size_t k = 0; k < ns; k++)
        out_label(o, &in->sc[k], "");
    for (size_t k = 1; k < ns; k++)
        out_label(o, &in->sc[k], yr_out_text(YR_OUT_DIFFERENCE_OF, o->lang));
    cli_out_end_row(o);
    for (size_t r = 0; r <= np; r++) {
        int summa = r == np;
        cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang)
                              : cli_read_cell(in->in.t, yr_table_data_row(in->in.t, r), mc, &b));
        for (size_t k = 0; k < ns; k++)
            cli_out_money(o, summa ? sums[k] : splits[k * np + r]);
        for (size_t k = 1; k < ns; k++)
            cli_out_money(o, summa ? dsums[k] : diff[k * np + r]);
        cli_out_end_row(o);
    }
    cli_buf_free(&b);
}

static int compare_all(compare_in *in, const cli_output_opts *opts)
{
    size_t np = in->np, ns = in->n;
    int64_t *splits = malloc(ns * np * sizeof *splits), *diff = malloc(ns * np * sizeof *diff);
    int64_t *w = malloc(np * sizeof *w), sums[MAX_SCENARIOS], dsums[MAX_SCENARIOS];
    int rc = splits && diff && w ? 0 : cli_fail_usage(NULL, "out of memory");
    for (size_t k = 0; k < ns && rc == 0; k++)
        rc = run_scenario(in, &in->sc[k], w, splits + k * np);
    if (rc == 0) {
        yr_where wh;
        yr_status st = yr_compare_where(splits, ns, np, 0, diff, sums, dsums, &wh);
        if (st != YR_OK)
            rc = cli_fail_lib(in->in.file, 0, NULL, &wh, NULL);
    }
    cli_out o;
    cli_dialect d = cli_read_dialect(in->in.t);
    if (rc == 0)
        rc = cli_out_open_dialect(&o, opts, YR_TABLE_COMPARE, &d);
    if (rc == 0) {
        write_table(&o, in, splits, diff, sums, dsums);
        rc = cli_out_close(&o);
    }
    free(splits);
    free(diff);
    free(w);
    return rc;
}

int cli_cmd_compare(int argc, char **argv)
{
    const char *total = NULL, *file = NULL;
    cli_list specs;
    memset(&specs, 0, sizeof specs);
    cli_common common;
    cli_read_opts read;
    cli_option opts[2 + CLI_READ_NOPTS] = {
        {"total", CLI_OPT_VALUE, &total, "N", "the amount to split"},
        {"scenario", CLI_OPT_LIST, &specs, "SPEC",
         "one scenario (repeat; the first is the base). SPEC is KEY=VALUE items separated by "
         "';', all optional:\n"
         "  method=NAME       largest_remainder (default), dhondt, ...\n"
         "  tie=RULE          larger (default), smaller, report (an error)\n"
         "  threshold=F       0 below this share of all weights (4%)\n"
         "  equal=FRACTION    this part of N equally per municipality (30%)\n"
         "  without=NAME+...  these municipalities opt out (they get 0)\n"
         "  population=COL    the population column (a year of a table)\n"
         "  name=LABEL        the column's header (default: SPEC itself)"}};
    size_t nfiles = 0, nopts = 2 + cli_read_options(&read, opts + 2);
    int rc = cli_parse_args(argc, argv, CMD, usage_text, opts, nopts, &common, &file, 1, &nfiles);
    if (rc != -1)
        return rc;
    if (nfiles == 0 || total == NULL || specs.n < 2)
        return cli_fail_usage(CMD, nfiles == 0     ? "no POPULATION file"
                                   : total == NULL ? "--total is needed"
                                                   : "at least two --scenario");
    compare_in in;
    memset(&in, 0, sizeof in);
    in.common = &common;
    in.read = &read;
    in.n = specs.n;
    /* the parties: their names and identities (the weights are read per scenario) */
    static const yr_read_want names[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE}};
    cli_read_opts quiet = read;
    quiet.quiet = 1;
    if (cli_opt_int64(CMD, "total", total, &in.total) != 0 ||
        cli_read(file, &common, &quiet, names, 1, &in.in) != 0)
        return CLI_EXIT_ERROR;
    in.np = yr_table_ndata(in.in.t);
    rc = 0;
    for (size_t k = 0; k < specs.n && rc == 0; k++)
        rc = parse_scenario(specs.v[k], in.in.t, &in.sc[k]);
    if (rc == 0)
        rc = compare_all(&in, &common.out);
    cli_input_free(&in.in);
    return rc;
}
