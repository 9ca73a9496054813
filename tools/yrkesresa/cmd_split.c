/* `yrkesresa split`: split a total (or several cost items, or nation -> group -> party) in
 * proportion to a weight column, rows adding to the total. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>
#include <yrkesresa/identity.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

static const char *const usage_text =
    "Usage: yrkesresa split --total N [OPTIONS] FILE\n"
    "       yrkesresa split --items ITEMS.csv [OPTIONS] FILE\n"
    "       yrkesresa split --total N --group-column COLUMN [OPTIONS] FILE\n"
    "\n"
    "Split the total N (whole kronor, or öre, ...) between the rows of FILE in proportion to a\n"
    "weight column, exactly, and print the table again with the amounts appended.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "The weight column is the one named population, befolkning, invånare, folkmängd (whole\n"
    "numbers) or weight, vikt (decimals allowed, '1,5', compared exactly), or the one given with\n"
    "--column population=HEADER (--weight-column HEADER); a column is never taken for its\n"
    "numbers alone, and a column of codes, ids or years never. The parties' names are the\n"
    "column named kommun, namn, municipality, ... (--column municipality=HEADER); two rows of\n"
    "one municipality ('2080 Falun' and 'Falun') are an error. A total row (Summa, Totalt),\n"
    "a subtotal (Delsumma, 'Summa Västerdalarna'), a county or the nation row is not a party:\n"
    "it must agree with its rows (else an error; --ignore-total-row leaves it out) and gets\n"
    "their amounts. A row whose weight is the sum of the others but is not named so is an\n"
    "error (--no-total-row allows it).\n"
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
    const char *wcol; /* --weight-column, the old spelling of --column weight=... */
    cli_common common;
    cli_read_opts read;
} split_args;

/* The job: the table, its weights, and the appended columns. */
typedef struct split_job {
    cli_input in;
    const char *file;
    size_t wcol, n;   /* the weight column, the data rows (the parties) */
    int64_t *w, wden; /* the weights over one denominator */
    int64_t total;
    size_t k;           /* appended columns */
    const char **heads; /* k names */
    int64_t *vals;      /* n * k values */
    int64_t *totals;    /* k values of the total (Summa) row */
    int group_mode;     /* --group-column: column 0 is the group's amount */
    int summa_row;      /* append a Summa row */
    cli_input items;    /* --items */
    cli_buf item_names; /* the items' names, each NUL-terminated */
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
    if (a->equal != NULL && (a->group || (method_opts && !a->method)))
        return cli_fail_usage("split", "--equal-part goes with --total and --method, or --items");
    if ((a->group || a->items) && method_opts)
        return cli_fail_usage("split", "--group-column and --items split by largest remainder; "
                                       "they take no method options");
    if (a->group && a->items)
        return cli_fail_usage("split", "--group-column and --items exclude each other");
    return -1;
}

/* "largest_remainder (default), dhondt, ...": the methods' names from the library, so the
 * help never drifts. */
static void method_names(cli_buf *b)
{
    for (int k = 0; k < YR_METHOD_COUNT; k++)
        cli_buf_printf(b, "%s%s%s", k ? ", " : "", yr_method_name((yr_method)k),
                       k == 0 ? " (default)" : "");
}

static int parse(int argc, char **argv, split_args *a, const char **file)
{
    cli_buf methods;
    cli_buf_init(&methods);
    method_names(&methods);
    cli_option opts[11 + CLI_READ_NOPTS] = {
        {"total", CLI_OPT_VALUE, &a->total, "N",
         "the amount to split ('850000' or '850 000'); may be negative (a refund) with "
         "largest_remainder and round_each"},
        {"method", CLI_OPT_VALUE, &a->method, "M", cli_buf_str(&methods)},
        {"tie", CLI_OPT_VALUE, &a->tie, "T",
         "an exact tie for the last unit goes to the larger weight (larger, default), the "
         "smaller weight (smaller), or is an error (report)"},
        {"threshold", CLI_OPT_VALUE, &a->threshold, "X",
         "parties below X of the sum of weights get 0 (4%, 0,04, 1/25)"},
        {"first-divisor", CLI_OPT_VALUE, &a->first, "X",
         "the first divisor of the Sainte-Laguë methods (1,4: Norway)"},
        {"min-column", CLI_OPT_VALUE, &a->minc, "COLUMN",
         "each party gets at least its cell of COLUMN (divisor methods)"},
        {"max-column", CLI_OPT_VALUE, &a->maxc, "COLUMN",
         "each party gets at most its cell of COLUMN (divisor methods; an empty cell: no "
         "maximum)"},
        {"equal-part", CLI_OPT_VALUE, &a->equal, "P",
         "split the fraction P of the total (with --items: of each item) equally and the rest "
         "by weight (P as 30%, 0.3, 0,3 or 3/10; largest_remainder only)"},
        {"group-column", CLI_OPT_VALUE, &a->group, "COLUMN",
         "two levels: the total between the groups of COLUMN (län) by their weights, then each "
         "group's amount between its rows (largest remainder at each); appends group_amount "
         "and amount"},
        {"items", CLI_OPT_VALUE, &a->items, "FILE",
         "several cost items (rows item,amount; post/belopp also work), each split exactly; "
         "appends one column per item and a total column (per item a column 'lika del' "
         "(equal_part) and 'kr per invånare' (rate), as in 'yrkesresa statement --items')"},
        {"weight-column", CLI_OPT_VALUE, &a->wcol, "HEADER",
         "the old spelling of --column weight=HEADER: the weight column"},
    };
    size_t nfiles, nopts = 11 + cli_read_options(&a->read, opts + 11);
    int rc =
        cli_parse_args(argc, argv, "split", usage_text, opts, nopts, &a->common, file, 1, &nfiles);
    cli_buf_free(&methods);
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

/* The column an option names (--min-column, --group-column) */
static int named_column(const split_job *j, const char *option, const char *name, size_t *col)
{
    char q[80];
    *col = cli_read_find_column(j->in.t, name);
    if (*col == YR_READ_NONE)
        return cli_fail_usage("split", "--%s %s: no such column in %s", option,
                              cli_quote(name, q, sizeof q), j->file);
    return 0;
}

/* A bound column (--min-column / --max-column) as n whole numbers; an empty max cell: no
 * bound. */
static int bound_column(split_job *j, const char *name, int is_max, int64_t **out)
{
    size_t col;
    if (named_column(j, is_max ? "max-column" : "min-column", name, &col) != 0)
        return CLI_EXIT_ERROR;
    return cli_read_whole_column(&j->in, col, is_max, INT64_MAX, out);
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
    if (w->record != YR_WHERE_NONE && w->record < j->n)
        line = yr_table_row_line(j->in.t, yr_table_data_row(j->in.t, w->record));
    snprintf(context, sizeof context, "cannot split %" PRId64 " by column %s", j->total,
             cli_quote(yr_table_header(j->in.t, j->wcol), q, sizeof q));
    return cli_fail_lib(j->file, line, context, w, NULL);
}

/* ---------------------------------------------------------------- the splits */

static int alloc_result(split_job *j, size_t k)
{
    j->k = k;
    j->vals = malloc((j->n ? j->n : 1) * k * sizeof *j->vals);
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
        st = yr_split_mixed_where(j->total, eq[0], eq[1], j->w, j->n, j->vals, &w);
    else if (rc == 0)
        st = yr_split_with_where(j->total, j->w, j->n, o, j->vals, &w);
    if (rc == 0 && st != YR_OK)
        rc = split_failed(j, &w);
    free(bounds[0]);
    free(bounds[1]);
    j->totals[0] = j->total;
    j->two[0] = j->amount;
    j->heads = j->two;
    return rc;
}

/* The groups of the group column by the reader's rule (yr_read_groups(): a county by its name
 * or code, `Dalarnas län` = `Dalarna län` = `20`; any other group by its name key; a mix, or a
 * municipality outside its county group, an error at its line). */
static int group_numbers(split_job *j, size_t col, size_t *group, size_t *ngroups)
{
    size_t n = j->n ? j->n : 1;
    char **labels = calloc(n, sizeof *labels);
    size_t *lines = malloc(n * sizeof *lines);
    int *mun = malloc(n * sizeof *mun);
    int rc = labels == NULL || lines == NULL || mun == NULL;
    for (size_t i = 0; rc == 0 && i < j->n; i++) {
        size_t len, r = yr_table_data_row(j->in.t, i);
        const char *s = yr_table_cell(j->in.t, r, col, &len);
        yr_identity id;
        rc = (labels[i] = malloc(len + 1)) == NULL;
        if (rc == 0) {
            memcpy(labels[i], s, len);
            labels[i][len] = '\0';
        }
        lines[i] = yr_table_row_line(j->in.t, r);
        mun[i] =
            yr_table_identity(j->in.t, r, &id) == YR_READ_OK && id.place == YR_PLACE_MUNICIPALITY
                ? id.code
                : -1;
    }
    yr_read_error err;
    if (rc != 0)
        rc = cli_fail_at(j->file, 0, "out of memory");
    else if (yr_read_groups((const char *const *)labels, j->n, yr_table_header(j->in.t, col), lines,
                            mun, group, ngroups, &err) != YR_READ_OK)
        rc = cli_fail_at(j->file, err.line, "%s", err.message);
    for (size_t i = 0; labels != NULL && i < j->n; i++)
        free(labels[i]);
    free(labels);
    free(lines);
    free(mun);
    return rc;
}

/* --group-column: the groups by their labels, then the two-level split. */
static int split_groups(split_job *j)
{
    size_t col = yr_table_find_role(j->in.t, YR_ROLE_GROUP), ngroups = 0;
    size_t *group = malloc((j->n ? j->n : 1) * sizeof *group);
    int rc = alloc_result(j, 2);
    if (rc == 0 && group == NULL)
        rc = cli_fail_at(j->file, 0, "out of memory");
    if (rc == 0)
        rc = group_numbers(j, col, group, &ngroups);
    int64_t *gout = rc == 0 ? malloc((ngroups ? ngroups : 1) * sizeof *gout) : NULL;
    int64_t *out = j->vals + j->n;
    yr_where w;
    if (rc == 0 && gout == NULL)
        rc = cli_fail_at(j->file, 0, "out of memory");
    if (rc == 0 &&
        yr_split_nested_where(j->total, j->w, group, j->n, ngroups, out, gout, &w) != YR_OK)
        rc = split_failed(j, &w);
    for (size_t i = 0; rc == 0 && i < j->n; i++) {
        j->vals[2 * i] = gout[group[i]];
        j->vals[2 * i + 1] = out[i]; /* out[i] is read before row i + 1 overwrites it */
    }
    j->totals[0] = j->totals[1] = j->total;
    j->two[0] = yr_out_text(YR_OUT_GROUP_AMOUNT, j->lang);
    j->two[1] = j->amount;
    j->heads = j->two;
    j->group_mode = 1;
    free(gout);
    free(group);
    return rc;
}

/* --items: the items file (item, amount), then one column per item and a total column. The
 * items file is read as every table is: its Summa row is an aggregate, checked. */
static int read_items(split_job *j, const split_args *a, int64_t **totals)
{
    static const yr_read_want want[] = {{YR_ROLE_ITEM, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                        {YR_ROLE_AMOUNT, YR_WANT_REQUIRED | YR_WANT_BLANK_OK},
                                        {YR_ROLE_RATE, YR_WANT_BLANK_OK}};
    cli_common none;
    memset(&none, 0, sizeof none);
    none.out.lang = a->common.out.lang;
    cli_read_opts r = a->read;
    r.sheet = NULL; /* the options name the main file's sheet and header */
    r.header_row = NULL;
    r.year = NULL;
    int64_t den = 1;
    if (cli_read(a->items, &none, &r, want, 3, &j->items) != 0 ||
        cli_read_column(&j->items, yr_table_find_role(j->items.t, YR_ROLE_AMOUNT), totals, &den) !=
            0)
        return CLI_EXIT_ERROR;
    const yr_table *it = j->items.t;
    size_t n = yr_table_ndata(it), ci = yr_table_find_role(it, YR_ROLE_ITEM);
    j->heads = malloc((n + 1) * sizeof *j->heads);
    if (j->heads == NULL)
        return cli_fail_at(j->items.file, 0, "out of memory");
    cli_buf_init(&j->item_names);
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    if (at == NULL)
        return cli_fail_at(j->items.file, 0, "out of memory");
    for (size_t i = 0, len; i < n; i++) { /* each name NUL-terminated, then pointers into it */
        const char *cell = yr_table_cell(it, yr_table_data_row(it, i), ci, &len);
        at[i] = j->item_names.len;
        cli_buf_add(&j->item_names, cell, len);
        cli_buf_add(&j->item_names, "", 1);
    }
    for (size_t i = 0; i < n; i++) {
        if ((*totals)[i] % den != 0) {
            char q[80];
            return cli_fail_at(
                j->items.file, yr_table_row_line(it, yr_table_data_row(it, i)),
                "column %s: an item's amount must be whole units (kronor, or "
                "öre written as whole numbers)",
                cli_quote(yr_table_header(it, yr_table_find_role(it, YR_ROLE_AMOUNT)), q,
                          sizeof q));
        }
        (*totals)[i] /= den;
    }
    for (size_t i = 0; i < n && j->item_names.ok; i++)
        j->heads[i] = j->item_names.data + at[i];
    free(at);
    if (!j->item_names.ok)
        return cli_fail_at(j->items.file, 0, "out of memory");
    j->heads[n] = yr_out_text(YR_OUT_TOTAL, j->lang);
    return alloc_result(j, n + 1);
}
/* A rate item's stated amount must be the sum of its parties' amounts (rate x weight, each
 * rounded to whole kronor), the total the library gives it. */
static int check_rate_totals(const cli_input *items, const yr_item *m, const int64_t *totals,
                             const int64_t *sums, size_t ni)
{
    yr_value v;
    for (size_t c = 0; c < ni; c++)
        if (m[c].rate_den != 0 && cycle_item_value(items, c, YR_ROLE_AMOUNT, &v) &&
            totals[c] != sums[c])
            return cli_fail_at(
                items->file, yr_table_row_line(items->t, yr_table_data_row(items->t, c)),
                "the amount %" PRId64 " of this rate item is not the sum of its "
                "parties' amounts, %" PRId64 " (rate x weight, each rounded to whole kronor)",
                totals[c], sums[c]);
    return 0;
}

/* --items [--equal-part P]: the items split together by the library (yr_split_items). */
static int split_items(split_job *j, const split_args *a, const int64_t eq[2])
{
    int64_t *totals = NULL, *cells = NULL, *sums = NULL;
    yr_item *models = NULL;
    int rc = read_items(j, a, &totals);
    size_t ni = j->k - 1, n = j->n;
    if (rc == 0 && ((cells = malloc((n ? n : 1) * ni * sizeof *cells)) == NULL ||
                    (sums = malloc((ni ? ni : 1) * sizeof *sums)) == NULL ||
                    (models = malloc((ni ? ni : 1) * sizeof *models)) == NULL))
        rc = cli_fail_at(j->file, 0, "out of memory");
    if (rc == 0)
        rc = cycle_item_models(&j->items, totals, ni, eq, models);
    yr_where w;
    if (rc == 0 && yr_split_items_where(models, ni, j->w, n, cells, sums, &w) != YR_OK) {
        if (w.column != YR_WHERE_NONE && w.column < ni) {
            char q[80], name[96];
            snprintf(name, sizeof name, "item %s", cli_quote(j->heads[w.column], q, sizeof q));
            const char *const names[] = {"items", name, NULL};
            rc =
                cli_fail_lib(j->items.file,
                             yr_table_row_line(j->items.t, yr_table_data_row(j->items.t, w.column)),
                             NULL, &w, names);
        } else
            rc = split_failed(j, &w);
    }
    if (rc == 0)
        rc = check_rate_totals(&j->items, models, totals, sums, ni);
    for (size_t c = 0; rc == 0 && c < ni; c++)
        totals[c] = sums[c]; /* a rate item's total is its rows' sum */
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
    j->summa_row = 1;
    for (size_t r = 0; r < yr_table_nrows(j->in.t); r++)
        if (yr_table_row_kind(j->in.t, r) == YR_ROW_TOTAL)
            j->summa_row = 0;
    free(totals);
    free(cells);
    free(sums);
    free(models);
    return rc;
}

/* ---------------------------------------------------------------- reading */

static int header_taken(const char *header, void *t)
{
    return cli_read_find_column(t, header) != YR_READ_NONE;
}

/* The name of the appended column: amount, amount_new, amount_new_2, ... (belopp, belopp_ny,
 * ...: yr_out_fresh). */
static int amount_name(split_job *j)
{
    if (yr_out_fresh(YR_OUT_AMOUNT, j->lang, header_taken, j->in.t, j->amount, sizeof j->amount) ==
        0)
        return 0;
    return cli_fail_at(j->file, 0, "no free name for the amount column");
}

/* The request: the parties' names (one identity each), the weights (a population or a weight
 * column, by its header or --column), the groups of --group-column. */
static int read_table(split_job *j, const split_args *a, const char *path, int need_population)
{
    cli_common c = a->common;
    char wbuf[300], gbuf[300];
    if (cli_read_add_column(&c, "weight", a->wcol, wbuf, sizeof wbuf) != 0 ||
        cli_read_add_column(&c, "group", a->group, gbuf, sizeof gbuf) != 0)
        return CLI_EXIT_ERROR;
    yr_read_want want[4] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                            {YR_ROLE_POPULATION, need_population ? YR_WANT_REQUIRED : 0u},
                            {YR_ROLE_WEIGHT, 0u},
                            {YR_ROLE_GROUP, YR_WANT_REQUIRED}};
    cli_read_opts r = a->read;
    r.quiet = 1; /* the reading line once the weights are known */
    return cli_read(path, &c, &r, want, a->group != NULL ? 4 : 3, &j->in);
}

/* The weight column: the population or the weight column; neither is the library's error
 * (read again with the population required), both is ambiguous. */
static int weight_column(split_job *j, const split_args *a, const char *path)
{
    cli_common c = a->common;
    char wbuf[300];
    if (cli_read_add_column(&c, "weight", a->wcol, wbuf, sizeof wbuf) != 0 ||
        cli_read_weight_column(&j->in, &c, &j->wcol) != 0)
        return CLI_EXIT_ERROR;
    if (j->wcol != YR_READ_NONE)
        return 0;
    cli_input_free(&j->in);
    if (read_table(j, a, path, 1) != 0)
        return CLI_EXIT_ERROR;
    j->wcol = yr_table_find_role(j->in.t, YR_ROLE_POPULATION);
    return 0;
}

static int load(split_job *j, const split_args *a, const char *path)
{
    if (read_table(j, a, path, 0) != 0 || weight_column(j, a, path) != 0)
        return CLI_EXIT_ERROR;
    j->n = yr_table_ndata(j->in.t);
    if (cli_read_column(&j->in, j->wcol, &j->w, &j->wden) != 0 || amount_name(j) != 0)
        return CLI_EXIT_ERROR;
    return 0;
}

/* ---------------------------------------------------------------- writing */

/* The weight sum as written (with its decimals); a sum beyond int64 of whole weights in 128
 * bits, else (decimals) an empty cell. */
static void weight_sum(const split_job *j, cli_buf *b)
{
    cli_i128 sum = 0;
    for (size_t i = 0; i < j->n; i++)
        sum += j->w[i];
    if (sum >= INT64_MIN && sum <= INT64_MAX)
        cli_read_put_exact(b, (int64_t)sum, j->wden);
    else if (j->wden == 1)
        cli_buf_i128(b, sum);
}

/* The value of appended column k in aggregate row r (its check @p chk): the total row gets the
 * total; a checked subtotal, county or nation row the sum of its rows; else nothing (*ok 0). */
static int64_t aggregate_value(const split_job *j, const yr_aggregate_check *chk, size_t k,
                               const size_t *data_of, int *ok)
{
    *ok = chk->kind == YR_ROW_TOTAL || (chk->checked && !(j->group_mode && k == 0));
    if (chk->kind == YR_ROW_TOTAL || !*ok)
        return j->totals[k];
    int64_t sum = 0;
    yr_identity agg, id;
    int county =
        chk->kind == YR_ROW_COUNTY && yr_table_identity(j->in.t, chk->row, &agg) == YR_READ_OK;
    for (size_t i = 0; i < j->n; i++) {
        size_t r = yr_table_data_row(j->in.t, i);
        int in = chk->kind == YR_ROW_SUBTOTAL
                     ? r >= chk->first_row && r <= chk->last_row
                     : yr_table_identity(j->in.t, r, &id) == YR_READ_OK &&
                           id.place == YR_PLACE_MUNICIPALITY &&
                           (!county || yr_municipality_county(id.code) == agg.code);
        sum += in ? j->vals[data_of[r] * j->k + k] : 0; /* a part of the total: fits */
    }
    return sum;
}

static void write_aggregate(cli_out *o, const split_job *j, const yr_aggregate_check *chk,
                            const size_t *data_of)
{
    for (size_t k = 0; k < j->k; k++) {
        int ok;
        int64_t v = aggregate_value(j, chk, k, data_of, &ok);
        if (ok)
            cli_out_money(o, v);
        else
            cli_out_empty(o);
    }
}

static void write_summa(cli_out *o, const split_job *j)
{
    cli_buf b;
    cli_buf_init(&b);
    weight_sum(j, &b);
    size_t name = yr_table_find_role(j->in.t, YR_ROLE_MUNICIPALITY);
    for (size_t col = 0; col < yr_table_ncols(j->in.t); col++) {
        if (col == name)
            cli_out_name(o, YR_OUT_SUMMA);
        else if (col == j->wcol)
            cli_out_num(o, cli_buf_str(&b));
        else
            cli_out_empty(o);
    }
    for (size_t k = 0; k < j->k; k++)
        cli_out_money(o, j->totals[k]);
    cli_out_end_row(o);
    cli_buf_free(&b);
}

/* The rows as read (titles, empty lines and notes are not rows), each with its amounts. */
static void write_rows(cli_out *o, const split_job *j, const size_t *data_of,
                       const yr_aggregate_check *chk, size_t nchk)
{
    const yr_table *t = j->in.t;
    cli_buf b;
    cli_buf_init(&b);
    cli_cell_type *types = cli_read_echo_types(t);
    if (types == NULL) {
        o->failed = 1; /* cli_out_close() reports it */
        return;
    }
    for (size_t r = 0, a = 0; r < yr_table_nrows(t); r++) {
        for (size_t col = 0; col < yr_table_ncols(t); col++)
            cli_read_echo(o, t, r, col, types[col], &b);
        if (yr_table_row_kind(t, r) == YR_ROW_DATA) {
            for (size_t k = 0; k < j->k; k++)
                cli_out_money(o, j->vals[data_of[r] * j->k + k]);
        } else {
            while (a < nchk && chk[a].row < r)
                a++;
            if (a < nchk && chk[a].row == r)
                write_aggregate(o, j, &chk[a], data_of);
            else
                for (size_t k = 0; k < j->k; k++)
                    cli_out_empty(o);
        }
        cli_out_end_row(o);
    }
    free(types);
    cli_buf_free(&b);
}

static int write_result(const split_job *j, const cli_common *c)
{
    const yr_table *t = j->in.t;
    size_t nrows = yr_table_nrows(t), nchk = yr_table_aggregate_checks(t, j->wcol, NULL, 0);
    size_t *data_of = malloc((nrows ? nrows : 1) * sizeof *data_of);
    yr_aggregate_check *chk = malloc((nchk ? nchk : 1) * sizeof *chk);
    if (data_of == NULL || chk == NULL) {
        free(data_of);
        free(chk);
        return cli_fail_at(j->file, 0, "out of memory");
    }
    yr_table_aggregate_checks(t, j->wcol, chk, nchk);
    for (size_t i = 0; i < j->n; i++)
        data_of[yr_table_data_row(t, i)] = i;
    cli_out o;
    cli_dialect d = cli_read_dialect(t);
    int rc = cli_out_open_dialect(&o, &c->out, YR_TABLE_SPLIT, &d);
    if (rc == 0) {
        for (size_t col = 0; col < yr_table_ncols(t); col++)
            cli_out_text(&o, yr_table_header(t, col));
        for (size_t k = 0; k < j->k; k++)
            cli_out_text(&o, j->heads[k]);
        cli_out_end_row(&o);
        write_rows(&o, j, data_of, chk, nchk);
        if (j->summa_row)
            write_summa(&o, j);
        rc = cli_out_close(&o);
    }
    free(data_of);
    free(chk);
    return rc;
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
        rc = a.items   ? split_items(&j, &a, eq)
             : a.group ? split_groups(&j)
                       : split_plain(&j, &a, &o, eq);
    if (rc == 0) {
        if (!a.read.quiet)
            cli_read_report(&j.in, j.lang);
        rc = write_result(&j, &a.common);
    }
    if (j.heads != j.two)
        free(j.heads);
    free(j.w);
    free(j.vals);
    free(j.totals);
    cli_buf_free(&j.item_names);
    cli_input_free(&j.items);
    cli_input_free(&j.in);
    return rc;
}
