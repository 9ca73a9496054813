/* `yrkesresa compare`: two or more splits of one total side by side, with each one's difference
 * from the first. A scenario names a method, an equal part, municipalities that opt out and a
 * population column; the splits are yr_split / yr_split_mixed, the differences and sums
 * yr_compare. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
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
    size_t pop_col;
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

/* The population column of year @p v (four digits): the one column whose header names the
 * population (the reader's aliases, yr_role_is_header) and ends in that year (`Folkmängd
 * 2018`, as `statement --population-of` finds it); YCSV_NO_COLUMN when none, SIZE_MAX - 1 when
 * two. */
static size_t year_column(const ycsv_table *t, const char *v)
{
    size_t found = YCSV_NO_COLUMN;
    if (strlen(v) != 4 || strspn(v, "0123456789") != 4)
        return found;
    for (size_t c = 0; c < t->ncols; c++) {
        const char *h = t->header[c];
        if (cycle_header_year(h) != strtoll(v, NULL, 10) ||
            !yr_role_is_header(h, YR_ROLE_POPULATION))
            continue;
        if (found != YCSV_NO_COLUMN)
            return SIZE_MAX - 1;
        found = c;
    }
    return found;
}

/* Parse the value of one KEY=VALUE item into @p s. */
static int scenario_item(const char *spec, const char *key, size_t klen, const char *val,
                         scenario *s, const ycsv_table *t)
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
        s->pop_col = ycsv_find_column(t, v);
        size_t by_year = year_column(t, v); /* '2018' beside 'Folkmängd 2018': which? */
        if (s->pop_col == YCSV_NO_COLUMN || (by_year != YCSV_NO_COLUMN && by_year != s->pop_col))
            s->pop_col = s->pop_col == YCSV_NO_COLUMN ? by_year : SIZE_MAX - 1;
        if (s->pop_col == YCSV_NO_COLUMN || s->pop_col == SIZE_MAX - 1)
            return cli_fail_usage(CMD,
                                  s->pop_col == YCSV_NO_COLUMN
                                      ? "--scenario '%s': no column '%s' (nor a population "
                                        "column of that year: 'Folkmängd %s')"
                                      : "--scenario '%s': two population columns of the year "
                                        "'%s'; give the whole header (population=Folkmängd %s)",
                                  spec, v, v);
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

static int parse_scenario(const char *spec, const ycsv_table *t, scenario *s)
{
    memset(s, 0, sizeof *s);
    s->label = s->name = spec;
    s->name_len = strlen(spec);
    yr_split_options_init(&s->opt);
    s->pop_col = YCSV_NO_COLUMN;
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
    const char *file;
    ycsv_table t;
    cli_parties p;
    const cli_common *common;
    int64_t total;
    size_t n;
    scenario sc[MAX_SCENARIOS];
} compare_in;

/* Zero the weights of the municipalities of "A+B+C". */
static int opt_out(compare_in *in, const scenario *s, int64_t *w)
{
    cli_labels names;
    char **keys = NULL;
    int rc = cycle_party_keys(in->file, &in->t, &in->p, &names, &keys);
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
        rc = cycle_party_find("--scenario without=", 0, name, &names, keys, in->p.n, in->file,
                              &party);
        if (rc == 0)
            w[party] = 0;
        p += len + 1;
    }
    cycle_party_keys_free(&names, keys, in->p.n);
    return rc;
}

/* Split the total for scenario @p s into @p out. */
static int run_scenario(compare_in *in, const scenario *s, int64_t *w, int64_t *out)
{
    size_t col = s->pop_col;
    unsigned scale;
    if (col == YCSV_NO_COLUMN &&
        cli_weight_column(in->file, &in->t, in->common, &in->p.name_col, 1, &col) != 0)
        return CLI_EXIT_ERROR;
    if (cli_read_weights(in->file, &in->t, &in->p, col, in->common, w, &scale) != 0)
        return CLI_EXIT_ERROR;
    if (s->without != NULL && opt_out(in, s, w) != 0)
        return CLI_EXIT_ERROR;
    yr_where wh;
    yr_status st = s->has_equal ? yr_split_mixed_where(in->total, s->equal_num, s->equal_den, w,
                                                       in->p.n, out, &wh)
                                : yr_split_with_where(in->total, w, in->p.n, &s->opt, out, &wh);
    if (st != YR_OK) {
        char context[300];
        snprintf(context, sizeof context, "scenario '%s'", s->label);
        /* the scenario's keys, not the options of `split` */
        const char *const names[] = {"equal_part", "equal", "threshold", "threshold", NULL};
        return cli_fail_lib(in->file, 0, context, &wh, names);
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
    size_t np = in->p.n, ns = in->n;
    cli_out_text(o, in->t.header[in->p.name_col]);
    for (size_t k = 0; k < ns; k++)
        out_label(o, &in->sc[k], "");
    for (size_t k = 1; k < ns; k++)
        out_label(o, &in->sc[k], yr_out_text(YR_OUT_DIFFERENCE_OF, o->lang));
    cli_out_end_row(o);
    for (size_t r = 0; r <= np; r++) {
        int summa = r == np;
        cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang)
                              : ycsv_cell(&in->t, cli_party_row(&in->p, r), in->p.name_col));
        for (size_t k = 0; k < ns; k++)
            cli_out_money(o, summa ? sums[k] : splits[k * np + r]);
        for (size_t k = 1; k < ns; k++)
            cli_out_money(o, summa ? dsums[k] : diff[k * np + r]);
        cli_out_end_row(o);
    }
}

static int compare_all(compare_in *in, const cli_output_opts *opts)
{
    size_t np = in->p.n, ns = in->n;
    int64_t *splits = malloc(ns * np * sizeof *splits), *diff = malloc(ns * np * sizeof *diff);
    int64_t *w = malloc(np * sizeof *w), sums[MAX_SCENARIOS], dsums[MAX_SCENARIOS];
    int rc = splits && diff && w ? 0 : cli_fail_usage(NULL, "out of memory");
    for (size_t k = 0; k < ns && rc == 0; k++)
        rc = run_scenario(in, &in->sc[k], w, splits + k * np);
    if (rc == 0) {
        yr_where wh;
        yr_status st = yr_compare_where(splits, ns, np, 0, diff, sums, dsums, &wh);
        if (st != YR_OK)
            rc = cli_fail_lib(in->file, 0, NULL, &wh, NULL);
    }
    cli_out o;
    if (rc == 0)
        rc = cli_out_open(&o, opts, YR_TABLE_COMPARE, &in->t);
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
    const cli_option opts[] = {
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
    size_t nfiles = 0;
    int rc = cli_parse_args(argc, argv, CMD, usage_text, opts, 2, &common, &file, 1, &nfiles);
    if (rc != -1)
        return rc;
    if (nfiles == 0 || total == NULL || specs.n < 2)
        return cli_fail_usage(CMD, nfiles == 0     ? "no POPULATION file"
                                   : total == NULL ? "--total is needed"
                                                   : "at least two --scenario");
    compare_in in;
    memset(&in, 0, sizeof in);
    in.common = &common;
    in.file = cli_shown(file);
    in.n = specs.n;
    if (cli_opt_int64(CMD, "total", total, &in.total) != 0 || cli_load(file, &in.t) != 0)
        return CLI_EXIT_ERROR;
    size_t name_col;
    rc = cli_column(in.file, &in.t, &common, CLI_ROLE_NAME, 1, &name_col);
    if (rc == 0)
        rc = cli_find_parties(in.file, &in.t, name_col, &in.p);
    for (size_t k = 0; k < specs.n && rc == 0; k++)
        rc = parse_scenario(specs.v[k], &in.t, &in.sc[k]);
    if (rc == 0)
        rc = compare_all(&in, &common.out);
    ycsv_free(&in.t);
    return rc;
}
