/* `yrkesresa split`: split a total (or several cost items, or nation -> group -> party) in
 * proportion to a weight column, rows adding to the total. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

static const char *const usage_text =
    "Usage: yrkesresa split --total N [OPTIONS] FILE\n"
    "       yrkesresa split --items ITEMS.csv [OPTIONS] FILE\n"
    "       yrkesresa split --total N --group-column COLUMN [OPTIONS] FILE\n"
    "\n"
    "Split the total N (whole kronor, or öre, ...) between the rows of FILE in proportion to a\n"
    "weight column, exactly, and print the table again with the amounts appended.\n"
    "\n"
    "  --total N             the amount to split ('850000' or '850 000'); may be negative (a\n"
    "                        refund) with largest_remainder and round_each\n"
    "  --method M            @METHODS@\n"
    "  --tie T               an exact tie for the last unit goes to the larger weight (larger,\n"
    "                        default), the smaller weight (smaller), or is an error (report)\n"
    "  --threshold X         parties below X of the sum of weights get 0 (4%, 0,04, 1/25)\n"
    "  --first-divisor X     the first divisor of the Sainte-Laguë methods (1,4: Norway)\n"
    "  --min-column COLUMN   each party gets at least its cell of COLUMN (divisor methods)\n"
    "  --max-column COLUMN   each party gets at most its cell of COLUMN (divisor methods; an\n"
    "                        empty cell: no maximum)\n"
    "  --equal-part P        split the fraction P of the total equally and the rest by weight\n"
    "                        (P as 30%, 0.3, 0,3 or 3/10; largest_remainder only)\n"
    "  --group-column COLUMN two levels: the total between the groups of COLUMN (län) by their\n"
    "                        weights, then each group's amount between its rows (largest\n"
    "                        remainder at each); appends group_amount and amount\n"
    "  --items FILE          several cost items (rows item,amount; post/belopp also work), each\n"
    "                        split exactly; appends one column per item and a total column\n"
    "\n"
    "The weight column is the one named population, befolkning, invånare, folkmängd, antal or\n"
    "weight (or --column population=HEADER), else the only column of numbers; the column used\n"
    "is named on stderr. Weights may have decimals ('1,5'), compared exactly. The total row\n"
    "(Summa, Totalt, 'Dalarnas län', ...) is not a party: it gets the total. A row whose weight\n"
    "is the sum of the others but is not named so is an error (--no-total-row allows it).\n"
    "Output: the input rows as they were, plus '@NAME:amount@' (with --lang sv '@NAMN:amount@'; "
    "with\n"
    "a suffix, 'amount_new' / 'belopp_ny', when the input has that column already);\n"
    "--group-column adds '@NAME:group_amount@' ('@NAMN:group_amount@') before it, --items a column "
    "per\n"
    "item, '@NAME:total@' ('@NAMN:total@') and a Summa row when the input has no total row.\n"
    "\n"
    "Example:\n"
    "  yrkesresa split --total 850000 data/dalarna/population-2021-06.csv\n"
    "  yrkesresa split --total 1030000 --equal-part 30% data/dalarna/population-2021-06.csv\n"
    "  yrkesresa split --total 100 --method sainte_lague --first-divisor 1,4 votes.csv\n";

/* What the options ask for. */
typedef struct split_args {
    const char *total, *method, *equal, *group, *items, *tie, *minc, *maxc, *threshold, *first;
    const char *wcol; /* --weight-column, the old spelling of --column population=... */
    cli_common common;
} split_args;

/* The job: the table, its parties and weights, and the appended columns. */
typedef struct split_job {
    const char *file;
    ycsv_table t;
    cli_parties p;
    size_t wcol;
    unsigned scale;
    int64_t *w;
    int64_t total;
    size_t k;           /* appended columns */
    const char **heads; /* k names */
    int64_t *vals;      /* n * k values */
    int64_t *totals;    /* k values of the total (Summa) row */
    int summa_row;      /* append a Summa row */
    ycsv_table items;   /* --items */
    char amount[40];    /* the name of the amount column */
    const char *two[2]; /* heads of a one- or two-column result */
    yr_lang lang;       /* the output's language (--lang) */
} split_job;

static int check_args(const split_args *a)
{
    int method_opts = a->method || a->tie || a->minc || a->maxc || a->threshold || a->first;
    if ((a->total == NULL) == (a->items == NULL))
        return cli_fail_usage("split", a->total == NULL ? "--total N (or --items FILE) is required"
                                                        : "--total and --items exclude each other");
    if (a->equal != NULL && (a->group || a->items || (method_opts && !a->method)))
        return cli_fail_usage("split", "--equal-part goes with --total and --method only");
    if ((a->group || a->items) && method_opts)
        return cli_fail_usage("split", "--group-column and --items split by largest remainder; "
                                       "they take no method options");
    if (a->group && a->items)
        return cli_fail_usage("split", "--group-column and --items exclude each other");
    return -1;
}

/* The usage text with the method list (from the library, so it never drifts) in place of
 * @METHODS@, wrapped under the option column. */
static void usage_with_methods(cli_buf *u)
{
    const char *mark = strstr(usage_text, "@METHODS@");
    cli_buf_add(u, usage_text, (size_t)(mark - usage_text));
    size_t col = 24;
    for (int k = 0; k < YR_METHOD_COUNT; k++) {
        const char *name = yr_method_name((yr_method)k);
        size_t len = strlen(name) + (k == 0 ? 10 : 0) + (k + 1 < YR_METHOD_COUNT ? 1 : 0);
        if (k > 0 && col + 1 + len > 92) {
            cli_buf_puts(u, "\n                       ");
            col = 23;
        }
        cli_buf_printf(u, "%s%s%s%s", k ? " " : "", name, k == 0 ? " (default)" : "",
                       k + 1 < YR_METHOD_COUNT ? "," : "");
        col += len + (k ? 1 : 0);
    }
    cli_buf_puts(u, mark + strlen("@METHODS@"));
}

static int parse(int argc, char **argv, split_args *a, const char **file)
{
    const cli_option opts[] = {
        {"total", CLI_OPT_VALUE, &a->total},         {"method", CLI_OPT_VALUE, &a->method},
        {"equal-part", CLI_OPT_VALUE, &a->equal},    {"group-column", CLI_OPT_VALUE, &a->group},
        {"items", CLI_OPT_VALUE, &a->items},         {"tie", CLI_OPT_VALUE, &a->tie},
        {"min-column", CLI_OPT_VALUE, &a->minc},     {"max-column", CLI_OPT_VALUE, &a->maxc},
        {"threshold", CLI_OPT_VALUE, &a->threshold}, {"first-divisor", CLI_OPT_VALUE, &a->first},
        {"weight-column", CLI_OPT_VALUE, &a->wcol},
    };
    size_t nfiles;
    cli_buf usage;
    cli_buf_init(&usage);
    usage_with_methods(&usage);
    int rc = cli_parse_args(argc, argv, "split", cli_buf_str(&usage), opts,
                            sizeof opts / sizeof opts[0], &a->common, file, 1, &nfiles);
    cli_buf_free(&usage);
    if (rc >= 0)
        return rc;
    if (nfiles == 0)
        return cli_fail_usage("split", "no input file");
    return check_args(a);
}

/* ---------------------------------------------------------------- options to the library */

/* --method and --tie by the library's names (its sentence when it knows none such). */
static int name_options(const split_args *a, yr_split_options *o)
{
    yr_where w;
    if (a->method != NULL && yr_method_from_name_where(a->method, &o->method, &w) != YR_OK)
        return cli_fail_lib_usage("split", "--method", &w);
    if (a->tie != NULL && yr_tie_from_name_where(a->tie, &o->tie, &w) != YR_OK)
        return cli_fail_lib_usage("split", "--tie", &w);
    return 0;
}

/* A bound column (--min-column / --max-column) as n integers; an empty max cell: no bound. */
static int bound_column(split_job *j, const char *name, int is_max, int64_t **out)
{
    char q[80];
    size_t col = ycsv_find_column(&j->t, name);
    if (col == YCSV_NO_COLUMN)
        return cli_fail_at(j->file, j->t.header_line, "no column named %s",
                           cli_quote(name, q, sizeof q));
    *out = malloc(j->p.n * sizeof **out);
    if (*out == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    for (size_t i = 0; i < j->p.n; i++) {
        size_t r = cli_party_row(&j->p, i);
        (*out)[i] = is_max ? INT64_MAX : 0;
        if (cli_cell_blank(&j->t, r, col))
            continue;
        if (cli_cell_int64(j->file, &j->t, r, col, &(*out)[i]) != 0)
            return CLI_EXIT_ERROR;
    }
    return 0;
}

/* The options that need no table, checked before reading it. */
static int make_options(const split_args *a, yr_split_options *o, int64_t eq[2])
{
    yr_split_options_init(o);
    if (name_options(a, o) != 0)
        return CLI_EXIT_ERROR;
    if (a->threshold != NULL && cli_opt_fraction("split", "threshold", a->threshold,
                                                 &o->threshold_num, &o->threshold_den) != 0)
        return CLI_EXIT_ERROR;
    if (a->first != NULL && cli_opt_fraction("split", "first-divisor", a->first,
                                             &o->first_divisor_num, &o->first_divisor_den) != 0)
        return CLI_EXIT_ERROR;
    if (a->equal == NULL)
        return 0;
    if (o->method != YR_LARGEST_REMAINDER)
        return cli_fail_usage("split", "--equal-part works with largest_remainder only, not %s",
                              yr_method_name(o->method));
    return cli_opt_fraction("split", "equal-part", a->equal, &eq[0], &eq[1]);
}

/* A library error: at the party's line when the core says which, else the file. */
static int split_failed(const split_job *j, const yr_where *w)
{
    char q[80], context[160];
    size_t line = 0;
    if (w->record != YR_WHERE_NONE && w->record < j->p.n)
        line = ycsv_line(&j->t, cli_party_row(&j->p, w->record));
    snprintf(context, sizeof context, "cannot split %" PRId64 " by column %s", j->total,
             cli_quote(j->t.header[j->wcol], q, sizeof q));
    return cli_fail_lib(j->file, line, context, w, NULL);
}

/* ---------------------------------------------------------------- the splits */

static int alloc_result(split_job *j, size_t k)
{
    j->k = k;
    j->vals = malloc(j->p.n * k * sizeof *j->vals);
    j->totals = malloc(k * sizeof *j->totals);
    if (j->vals == NULL || j->totals == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    return 0;
}

static int split_plain(split_job *j, const split_args *a, yr_split_options *o, const int64_t eq[2])
{
    int64_t *bounds[2] = {NULL, NULL};
    yr_where w;
    yr_status st;
    int rc = alloc_result(j, 1);
    if (rc == 0 && a->minc != NULL)
        rc = bound_column(j, a->minc, 0, &bounds[0]);
    if (rc == 0 && a->maxc != NULL)
        rc = bound_column(j, a->maxc, 1, &bounds[1]);
    o->minimum = bounds[0];
    o->maximum = bounds[1];
    if (rc == 0 && a->equal != NULL)
        st = yr_split_mixed_where(j->total, eq[0], eq[1], j->w, j->p.n, j->vals, &w);
    else if (rc == 0)
        st = yr_split_with_where(j->total, j->w, j->p.n, o, j->vals, &w);
    if (rc == 0 && st != YR_OK)
        rc = split_failed(j, &w);
    free(bounds[0]);
    free(bounds[1]);
    j->totals[0] = j->total;
    j->two[0] = j->amount;
    j->heads = j->two;
    return rc;
}

/* --group-column: the groups by their labels, then the two-level split. */
static int split_groups(split_job *j, const char *name)
{
    char q[80];
    size_t col = ycsv_find_column(&j->t, name), *group = NULL, kl;
    if (col == YCSV_NO_COLUMN)
        return cli_fail_at(j->file, j->t.header_line, "no column named %s",
                           cli_quote(name, q, sizeof q));
    cli_labels set;
    memset(&set, 0, sizeof set);
    int rc = alloc_result(j, 2);
    group = malloc(j->p.n * sizeof *group);
    if (rc == 0 && (!cli_labels_init(&set, j->p.n) || group == NULL))
        rc = cli_fail_at(j->file, 0, "out of memory");
    for (size_t i = 0; rc == 0 && i < j->p.n; i++) {
        size_t r = cli_party_row(&j->p, i);
        group[i] = cli_labels_intern(&set, ycsv_cell(&j->t, r, col), &kl);
        if (group[i] == SIZE_MAX || kl == 0)
            rc = cli_fail_at(j->file, ycsv_line(&j->t, r), "column %s: %s",
                             cli_quote(name, q, sizeof q),
                             kl == 0 ? "empty group" : "out of memory");
    }
    int64_t *gout = rc == 0 ? malloc(set.n * sizeof *gout) : NULL, *out = j->vals + j->p.n;
    yr_where w;
    yr_status st = YR_OK;
    if (rc == 0 && gout == NULL)
        rc = cli_fail_at(j->file, 0, "out of memory");
    if (rc == 0 &&
        (st = yr_split_nested_where(j->total, j->w, group, j->p.n, set.n, out, gout, &w)) != YR_OK)
        rc = split_failed(j, &w);
    for (size_t i = 0; rc == 0 && i < j->p.n; i++) {
        j->vals[2 * i] = gout[group[i]];
        j->vals[2 * i + 1] = out[i]; /* out[i] is read before row i + 1 overwrites it */
    }
    j->totals[0] = j->totals[1] = j->total;
    j->two[0] = yr_out_text(YR_OUT_GROUP_AMOUNT, j->lang);
    j->two[1] = j->amount;
    j->heads = j->two;
    free(gout);
    free(group);
    cli_labels_free(&set);
    return rc;
}

/* --items: the items file (item, amount), then one column per item and a total column. */
static int read_items(split_job *j, const char *path, int64_t **totals)
{
    const char *f = cli_shown(path);
    ycsv_table *it = &j->items;
    cli_common none;
    memset(&none, 0, sizeof none);
    size_t ci, ca;
    if (cli_load(path, it) != 0 || cli_column(f, it, &none, CLI_ROLE_ITEM, 1, &ci) != 0 ||
        cli_column(f, it, &none, CLI_ROLE_AMOUNT, 1, &ca) != 0)
        return CLI_EXIT_ERROR;
    size_t n = 0;
    *totals = malloc(it->nrows * sizeof **totals);
    j->heads = malloc((it->nrows + 1) * sizeof *j->heads);
    if (*totals == NULL || j->heads == NULL)
        return cli_fail_at(f, 0, "out of memory");
    for (size_t r = 0; r < it->nrows; r++) {
        if (yr_label_is_total(ycsv_cell(it, r, ci)))
            continue; /* a Summa row of the items file */
        if (cli_cell_int64(f, it, r, ca, &(*totals)[n]) != 0)
            return CLI_EXIT_ERROR;
        j->heads[n++] = ycsv_cell(it, r, ci);
    }
    j->heads[n] = yr_out_text(YR_OUT_TOTAL, j->lang);
    return alloc_result(j, n + 1);
}

static int split_items(split_job *j, const char *path)
{
    int64_t *totals = NULL, *cells = NULL;
    int rc = read_items(j, path, &totals);
    size_t ni = j->k - 1, n = j->p.n;
    if (rc == 0 && (cells = malloc(n * ni * sizeof *cells)) == NULL)
        rc = cli_fail_at(j->file, 0, "out of memory");
    yr_where w;
    yr_status st;
    if (rc == 0 && (st = yr_split_table_where(totals, ni, j->w, n, cells, &w)) != YR_OK) {
        if (w.column != YR_WHERE_NONE) {
            char q[80], name[96];
            snprintf(name, sizeof name, "item %s", cli_quote(j->heads[w.column], q, sizeof q));
            const char *const names[] = {"totals", name, NULL};
            rc = cli_fail_lib(cli_shown(path), 0, NULL, &w, names);
        } else
            rc = split_failed(j, &w);
    }
    for (size_t i = 0; rc == 0 && i < n; i++) {
        int64_t sum = 0;
        for (size_t c = 0; c < ni; c++)
            sum += j->vals[i * j->k + c] = cells[i * ni + c]; /* fits: the items' sum fits */
        j->vals[i * j->k + ni] = sum;
    }
    for (size_t c = 0; rc == 0 && c < ni; c++)
        j->total += j->totals[c] = totals[c];
    if (rc == 0)
        j->totals[ni] = j->total;
    j->summa_row = j->p.total_row == YCSV_NO_COLUMN;
    free(totals);
    free(cells);
    return rc;
}

/* ---------------------------------------------------------------- reading and writing */

static int header_taken(const char *header, void *t)
{
    return ycsv_find_column(t, header) != YCSV_NO_COLUMN;
}

/* The name of the appended column: amount, amount_new, amount_new_2, ... (belopp, belopp_ny,
 * ...: yr_out_fresh). */
static int amount_name(split_job *j)
{
    if (yr_out_fresh(YR_OUT_AMOUNT, j->lang, header_taken, &j->t, j->amount, sizeof j->amount) == 0)
        return 0;
    return cli_fail_at(j->file, j->t.header_line, "no free name for the amount column");
}

static int load(split_job *j, const split_args *a, const char *path)
{
    size_t name;
    char q[80];
    if (cli_load(path, &j->t) != 0)
        return CLI_EXIT_ERROR;
    if (cli_column(j->file, &j->t, &a->common, CLI_ROLE_NAME, 0, &name) != 0)
        return CLI_EXIT_ERROR;
    if (name == YCSV_NO_COLUMN)
        name = 0;
    if (cli_find_parties(j->file, &j->t, name, &j->p) != 0)
        return CLI_EXIT_ERROR;
    if (a->wcol != NULL) {
        j->wcol = ycsv_find_column(&j->t, a->wcol);
        if (j->wcol == YCSV_NO_COLUMN)
            return cli_fail_at(j->file, j->t.header_line, "no column named %s",
                               cli_quote(a->wcol, q, sizeof q));
    } else if (cli_weight_column(j->file, &j->t, &a->common, &name, 1, &j->wcol) != 0) {
        return CLI_EXIT_ERROR;
    }
    j->w = malloc(j->p.n * sizeof *j->w);
    if (j->w == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    if (amount_name(j) != 0)
        return CLI_EXIT_ERROR;
    return cli_read_weights(j->file, &j->t, &j->p, j->wcol, &a->common, j->w, &j->scale);
}

/* The weight sum as written (with its decimals). */
static void weight_sum(const split_job *j, cli_buf *b)
{
    int64_t sum = 0;
    for (size_t i = 0; i < j->p.n; i++)
        sum += j->w[i]; /* fits: checked by cli_read_weights */
    cli_buf_ratio(b, sum, cli_pow10(j->scale), j->scale);
}

/* A note when the total row's weight cell is not the sum of the weights. */
static void check_total_row(const split_job *j)
{
    if (j->p.total_row == YCSV_NO_COLUMN)
        return;
    cli_decimal d;
    int64_t stated, sum = 0;
    const char *cell = ycsv_cell(&j->t, j->p.total_row, j->wcol);
    if (cli_parse_decimal(cell, &d) != CLI_NUM_OK ||
        cli_decimal_rescale(d, j->scale, &stated) != CLI_NUM_OK)
        return;
    for (size_t i = 0; i < j->p.n; i++)
        sum += j->w[i];
    if (stated == sum)
        return;
    cli_buf b;
    cli_buf_init(&b);
    weight_sum(j, &b);
    char q[80], qc[80];
    cli_note(j->file, ycsv_line(&j->t, j->p.total_row),
             "the total row's %s is %s but the rows add up to %s",
             cli_quote(j->t.header[j->wcol], q, sizeof q), cli_quote(cell, qc, sizeof qc),
             cli_buf_str(&b));
    cli_buf_free(&b);
}

static void write_row(cli_out *o, const split_job *j, size_t r, const int64_t *vals,
                      const cli_cell_type *types)
{
    for (size_t c = 0; c < j->t.ncols; c++)
        cli_out_cell(o, ycsv_cell(&j->t, r, c), types[c]);
    for (size_t c = 0; c < j->k; c++)
        cli_out_money(o, vals[c]);
    cli_out_end_row(o);
}

/* The types of the echoed columns: names are text, weights numbers, the rest by role. */
static cli_cell_type *echo_types(const split_job *j)
{
    cli_cell_type *types = malloc(j->t.ncols * sizeof *types);
    for (size_t c = 0; types != NULL && c < j->t.ncols; c++)
        types[c] = c == j->p.name_col ? CLI_CELL_TEXT
                   : c == j->wcol     ? CLI_CELL_NUMBER
                                      : cli_echo_type(&j->t, c);
    return types;
}

static int write_result(const split_job *j, const cli_common *c)
{
    cli_out o;
    cli_cell_type *types = echo_types(j);
    if (types == NULL)
        return cli_fail_at(j->file, 0, "out of memory");
    if (cli_out_open(&o, &c->out, YR_TABLE_SPLIT, &j->t) != 0) {
        free(types);
        return CLI_EXIT_ERROR;
    }
    for (size_t col = 0; col < j->t.ncols; col++)
        cli_out_text(&o, j->t.header[col]);
    for (size_t k = 0; k < j->k; k++)
        cli_out_text(&o, j->heads[k]);
    cli_out_end_row(&o);
    for (size_t r = 0, i = 0; r < j->t.nrows; r++)
        write_row(&o, j, r, r == j->p.total_row ? j->totals : j->vals + j->k * i++, types);
    free(types);
    if (j->summa_row) {
        cli_buf b;
        cli_buf_init(&b);
        weight_sum(j, &b);
        for (size_t col = 0; col < j->t.ncols; col++) {
            if (col == j->p.name_col)
                cli_out_name(&o, YR_OUT_SUMMA);
            else if (col == j->wcol)
                cli_out_num(&o, cli_buf_str(&b));
            else
                cli_out_empty(&o);
        }
        for (size_t k = 0; k < j->k; k++)
            cli_out_money(&o, j->totals[k]);
        cli_out_end_row(&o);
        cli_buf_free(&b);
    }
    return cli_out_close(&o);
}

int cli_cmd_split(int argc, char **argv)
{
    split_args a;
    memset(&a, 0, sizeof a);
    const char *path = NULL;
    int rc = parse(argc, argv, &a, &path);
    if (rc >= 0)
        return rc;
    split_job j;
    memset(&j, 0, sizeof j);
    j.file = cli_shown(path);
    j.lang = a.common.out.lang;
    yr_split_options o;
    int64_t eq[2] = {0, 1};
    if ((a.total != NULL && cli_opt_int64("split", "total", a.total, &j.total) != 0) ||
        make_options(&a, &o, eq) != 0)
        return CLI_EXIT_ERROR;
    rc = load(&j, &a, path);
    if (rc == 0)
        rc = a.items   ? split_items(&j, a.items)
             : a.group ? split_groups(&j, a.group)
                       : split_plain(&j, &a, &o, eq);
    if (rc == 0) {
        char q[80];
        cli_note(j.file, 0, "weights from column %s", cli_quote(j.t.header[j.wcol], q, sizeof q));
        check_total_row(&j);
        rc = write_result(&j, &a.common);
    }
    if (j.heads != j.two)
        free(j.heads);
    free(j.w);
    free(j.vals);
    free(j.totals);
    ycsv_free(&j.items);
    ycsv_free(&j.t);
    return rc;
}
