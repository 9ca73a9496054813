/* `yrkesresa statement`: what each municipality is invoiced — its share of every agreement item
 * (by population, year by year), the course fees and the kickback of the trainer pot, the net,
 * and a due date. Every number comes from yr_statement, yr_pot_settle and yr_due_date; this file
 * reads, matches names and writes. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cmd_cycle.h"

#define CMD "statement"

static const char usage_text[] =
    "Usage: yrkesresa statement --items ITEMS.csv [--attendance A.csv --trainers T.csv]\n"
    "                           [--invoice-date YYYY-MM-DD [--days 30] [--calendar-days]]\n"
    "                           [--equal-part P] [--explain | --per-municipality DIR/]\n"
    "                           [--population-of YEAR=FILE]... POPULATION.csv\n"
    "\n"
    "One line per municipality: its share of every agreement item, split by population with\n"
    "rows and columns that add up exactly, its total, and with --attendance/--trainers the\n"
    "course fees, the trainer-pot kickback and the net to invoice (total + fees - kickback);\n"
    "a Summa line.\n"
    "\n"
    "  POPULATION.csv        municipality and population; for a budget over years either one\n"
    "                        population column for every year, or one column per year as SCB\n"
    "                        exports it (headers '2024' or 'Folkmängd 2024')\n"
    "@OPTIONS@\n"
    "The pot is settled exactly as 'yrkesresa pot' settles it.\n"
    "\n"
    "Output: the municipality, one column per item, then @COLUMNS:statement@ as\n"
    "asked for (with --lang sv: @KOLUMNER:statement@); with\n"
    "years a first column '@NAME:year@' ('@NAMN:year@') and one block per year.\n"
    "\n"
    "Example:\n"
    "  yrkesresa statement --items data/examples/agreement-2024-items.csv \\\n"
    "      --attendance data/examples/pot-2024-attendance.csv \\\n"
    "      --trainers data/examples/pot-2024-trainers.csv \\\n"
    "      --invoice-date 2024-12-13 data/dalarna/population-2021-06.csv\n";

/* The options. */
typedef struct stmt_opts {
    const char *items, *invoice_date, *days, *equal_part, *per_municipality;
    const char *population;
    int explain;
    cycle_pot_args pot;
    int calendar_days;
    cli_list population_of; /* YEAR=FILE */
    cli_common common;
} stmt_opts;

/* The items file. */
typedef struct items_in {
    const char *file;
    ycsv_table t;
    size_t n;                   /* items (a total row excluded) */
    size_t *row;                /* n: the table row of each item */
    int64_t *amount;            /* n */
    yr_item *model;             /* n: the amount and its model (an equal part, a rate) */
    unsigned char *blank;       /* n: the amount cell is blank (a rate item without a stated sum) */
    size_t equal_col, rate_col; /* 'lika del' / 'kr per invånare' columns, or YCSV_NO_COLUMN */
    int64_t equal_num, equal_den; /* --equal-part (den 0: none) */
    size_t *year;                 /* n year indices, NULL without a year column */
    int64_t *year_num; /* nyears distinct years, ascending (one 0 without a year column) */
    size_t nyears;
    size_t *name; /* n: index of the first item with the same name (the output column) */
    size_t item_col;
    cli_input in;      /* the same file through the reader (cli_read), for its amounts */
    size_t *rrow;      /* per table row: the reader's row of the same line, or YR_READ_NONE */
    size_t in_amount;  /* the reader's amount column */
    size_t amount_col; /* the table's */
} items_in;

/* The population file. */
typedef struct pop_in {
    const char *file;
    ycsv_table t;
    cli_parties p;
    int64_t *weights; /* nyears × parties */
    unsigned *scale;  /* nyears: the weights are integers over 10^scale */
    cli_labels names; /* the parties' identity keys (cycle_party_keys), for the pot */
    char **keys;
} pop_in;

/* The pot settlement, when asked for. */
typedef struct pot_in {
    int64_t *fees, *kickback; /* parties each, NULL without a pot */
} pot_in;

static void items_free(items_in *it)
{
    free(it->row);
    free(it->amount);
    free(it->model);
    free(it->blank);
    free(it->year);
    free(it->year_num);
    free(it->name);
    free(it->rrow);
    cli_input_free(&it->in);
    ycsv_free(&it->t);
}

static int oom(void)
{
    return cli_fail_usage(NULL, "out of memory");
}

/* ---- items ----------------------------------------------------------------------------- */

/* The items file's request to the reader: an item is a unique key (names compared as the
 * reader compares labels: `Regional  samordnare` is `Regional samordnare`). */
static const yr_read_want items_want[] = {{YR_ROLE_ITEM, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                          {YR_ROLE_AMOUNT, YR_WANT_REQUIRED | YR_WANT_BLANK_OK}};

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The distinct years, ascending, and each item's year index. */
static int index_years(items_in *it, const int64_t *year_value)
{
    it->year_num = malloc(it->n * sizeof *it->year_num);
    it->year = malloc(it->n * sizeof *it->year);
    if (it->year_num == NULL || it->year == NULL)
        return oom();
    memcpy(it->year_num, year_value, it->n * sizeof *it->year_num);
    qsort(it->year_num, it->n, sizeof *it->year_num, cmp_i64);
    size_t k = 0;
    for (size_t i = 0; i < it->n; i++)
        if (k == 0 || it->year_num[k - 1] != it->year_num[i])
            it->year_num[k++] = it->year_num[i];
    it->nyears = k;
    for (size_t i = 0; i < it->n; i++) {
        const int64_t *p = bsearch(&year_value[i], it->year_num, k, sizeof *p, cmp_i64);
        it->year[i] = (size_t)(p - it->year_num);
    }
    return 0;
}

/* Item names: one output column per name; the same name twice in one year is an error. */
static int index_names(items_in *it)
{
    it->name = malloc(it->n * sizeof *it->name);
    if (it->name == NULL)
        return oom();
    for (size_t i = 0; i < it->n; i++) {
        const char *a = ycsv_cell(&it->t, it->row[i], it->item_col);
        it->name[i] = i;
        for (size_t j = 0; j < i; j++) {
            if (!ycsv_name_equal(a, ycsv_cell(&it->t, it->row[j], it->item_col)))
                continue;
            if (it->year == NULL || it->year[i] == it->year[j]) {
                char q[80];
                return cli_fail_at(it->file, ycsv_line(&it->t, it->row[i]),
                                   "item %s twice (also on line %zu)", cli_quote(a, q, sizeof q),
                                   ycsv_line(&it->t, it->row[j]));
            }
            it->name[i] = it->name[j];
            break;
        }
    }
    return 0;
}

/* The items file read again as every table is (cli_read, as `split --items` reads it): the
 * amounts come from the reader, so a unit in the header (`Belopp (tkr)`, `Mkr`) applies and
 * '.'/',' grouping is decided once. Row r of the table is matched to the reader's row of the
 * same line. Not for a file with a year column (the reader takes one year of a long table;
 * relative years 1, 7 are no years to it): its amounts are read cell by cell in the reader's
 * grammar (reader_amount). */
static int read_amounts(const stmt_opts *o, items_in *it)
{
    cli_common c = o->common;
    cli_read_opts r;
    memset(&r, 0, sizeof r);
    r.quiet = 1;
    r.ignore_total_row = 1; /* the total row: checked below (check_items_total), by its value */
    c.no_total_row = 0;
    if (cli_read(o->items, &c, &r, items_want, 2, &it->in) != 0)
        return CLI_EXIT_ERROR;
    const yr_table *t = it->in.t;
    size_t nr = yr_table_nrows(t), k = 0;
    it->in_amount = yr_table_find_role(t, YR_ROLE_AMOUNT);
    it->rrow = malloc((it->t.nrows ? it->t.nrows : 1) * sizeof *it->rrow);
    if (it->rrow == NULL)
        return oom();
    for (size_t row = 0; row < it->t.nrows; row++) { /* both in line order */
        size_t line = ycsv_line(&it->t, row);
        while (k < nr && yr_table_row_line(t, k) < line)
            k++;
        it->rrow[row] = k < nr && yr_table_row_line(t, k) == line ? k : YR_READ_NONE;
    }
    return 0;
}

/* The amount of table row @p r by the reader (read_amounts): whole kronor after its unit. A
 * row the reader left out (the total row, checked by check_items_total) and every row of a file
 * with years (read_amounts does not read it whole) is read alone in the reader's grammar under
 * its header (yr_read_value): the unit of `Belopp (tkr)` applies all the same. */
static int reader_amount(const items_in *it, size_t r, int64_t *amount)
{
    yr_value v;
    size_t line = ycsv_line(&it->t, r);
    char q[80];
    const char *head = it->t.header[it->amount_col];
    if (it->in.t == NULL || it->rrow[r] == YR_READ_NONE ||
        yr_table_value(it->in.t, it->rrow[r], it->in_amount, &v) != YR_READ_OK || !v.present) {
        yr_read_error e;
        char what[100];
        snprintf(what, sizeof what, "column %s", cli_quote(head, q, sizeof q));
        if (yr_read_value(ycsv_cell(&it->t, r, it->amount_col), yr_role_kind(YR_ROLE_AMOUNT), head,
                          what, &v, &e) != YR_READ_OK) {
            e.line = line;
            return cli_read_fail(it->file, &e);
        }
    }
    if (v.num % v.den != 0)
        return cli_fail_at(it->file, line,
                           "column %s: an item's amount must be whole units (kronor, or öre "
                           "written as whole numbers)",
                           cli_quote(head, q, sizeof q));
    *amount = v.num / v.den;
    return 0;
}

/* A stated total row of the items must equal their sum (yr_check_totals). */
static int check_items_total(const items_in *it, size_t total_row, size_t amount_col)
{
    int64_t stated, sum;
    size_t bad;
    size_t line = ycsv_line(&it->t, total_row);
    (void)amount_col;
    if (reader_amount(it, total_row, &stated) != 0)
        return CLI_EXIT_ERROR;
    yr_where w;
    if (yr_check_totals_where(it->amount, it->n, 1, &stated, &sum, &bad, &w) != YR_OK)
        return cli_fail_lib(it->file, line, "the items' sum", &w, NULL);
    if (bad != 0)
        return cli_fail_at(it->file, line,
                           "the total row states %" PRId64 " but the items add to %" PRId64, stated,
                           sum);
    return 0;
}

/* The library's refusal of a cell of column @p col at row @p r. */
static int cell_refused(const items_in *it, size_t r, size_t col, const yr_where *w)
{
    char q[80], ctx[100];
    snprintf(ctx, sizeof ctx, "column %s", cli_quote(it->t.header[col], q, sizeof q));
    return cli_fail_lib(it->file, ycsv_line(&it->t, r), ctx, w, NULL);
}

/* An item's model (yr_item): its own 'lika del' or 'kr per invånare' cell, else --equal-part;
 * a rate as written ("2,28": 228/100). The library checks the model (yr_split_items). */
static int read_model(items_in *it, size_t r, yr_item *m)
{
    yr_where w;
    yr_item_init(m, it->amount[it->n]);
    if (it->rate_col != YCSV_NO_COLUMN && !cli_cell_blank(&it->t, r, it->rate_col)) {
        cli_decimal d;
        if (cli_cell_decimal(it->file, &it->t, r, it->rate_col, 0, &d) != 0)
            return CLI_EXIT_ERROR;
        m->rate_num = d.num;
        m->rate_den = cli_pow10(d.scale);
    }
    if (it->equal_col != YCSV_NO_COLUMN && !cli_cell_blank(&it->t, r, it->equal_col)) {
        if (yr_fraction_from_text_where(ycsv_cell(&it->t, r, it->equal_col), &m->equal_num,
                                        &m->equal_den, &w) != YR_OK)
            return cell_refused(it, r, it->equal_col, &w);
    } else if (it->equal_den != 0 && m->rate_den == 0) {
        m->equal_num = it->equal_num;
        m->equal_den = it->equal_den;
    }
    return 0;
}

/* One item row: its amount (blank only for a rate item), model and year. */
static int read_item(items_in *it, size_t r, size_t amount_col, size_t year_col,
                     int64_t *year_value)
{
    it->row[it->n] = r;
    it->amount[it->n] = 0;
    it->blank[it->n] = cli_cell_blank(&it->t, r, amount_col) && it->rate_col != YCSV_NO_COLUMN &&
                       !cli_cell_blank(&it->t, r, it->rate_col);
    if (!it->blank[it->n] && reader_amount(it, r, &it->amount[it->n]) != 0)
        return CLI_EXIT_ERROR;
    if (read_model(it, r, &it->model[it->n]) != 0)
        return CLI_EXIT_ERROR;
    year_value[it->n] = 0;
    if (year_col != YCSV_NO_COLUMN &&
        cli_cell_int64(it->file, &it->t, r, year_col, &year_value[it->n]) != 0)
        return CLI_EXIT_ERROR;
    it->n++;
    return 0;
}

/* Row @p r as the reader read it: 1 a subtotal (Delsumma: an aggregate the reader checked, no
 * item), 0 anything else; a subtotal the reader left out because it disagrees is refused with
 * the reader's message (read again with every aggregate checked). */
static int reader_subtotal(const stmt_opts *o, const items_in *it, size_t r)
{
    if (it->in.t == NULL || yr_label_is_total(ycsv_cell(&it->t, r, it->item_col)))
        return 0;
    if (it->rrow[r] != YR_READ_NONE)
        return yr_table_row_kind(it->in.t, it->rrow[r]) == YR_ROW_SUBTOTAL;
    yr_span sp[256];
    size_t n = yr_table_spans(it->in.t, sp, 256), line = ycsv_line(&it->t, r);
    for (size_t k = 0; k < n && k < 256; k++)
        if (sp[k].kind == YR_SPAN_IGNORED && sp[k].first <= line && line <= sp[k].last) {
            cli_read_opts ro;
            cli_input strict;
            memset(&ro, 0, sizeof ro);
            memset(&strict, 0, sizeof strict);
            ro.quiet = 1;
            int rc = cli_read(o->items, &o->common, &ro, items_want, 2, &strict);
            cli_input_free(&strict);
            return rc != 0 ? -1 : 0;
        }
    return 0;
}

static int read_items(const stmt_opts *o, items_in *it)
{
    memset(it, 0, sizeof *it);
    it->file = cli_shown(o->items);
    if (cli_load(o->items, &it->t) != 0)
        return CLI_EXIT_ERROR;
    size_t amount_col, year_col, total_row = YCSV_NO_COLUMN;
    const cli_common *c = &o->common;
    if (cli_column(it->file, &it->t, c, CLI_ROLE_ITEM, 1, &it->item_col) != 0 ||
        cli_column(it->file, &it->t, c, CLI_ROLE_AMOUNT, 1, &amount_col) != 0 ||
        cli_column(it->file, &it->t, c, CLI_ROLE_YEAR, 0, &year_col) != 0 ||
        (year_col == YCSV_NO_COLUMN && read_amounts(o, it) != 0))
        return CLI_EXIT_ERROR;
    it->amount_col = amount_col;
    it->equal_col = it->rate_col = YCSV_NO_COLUMN;
    for (size_t k = 0; k < it->t.ncols; k++) {
        if (yr_role_is_header(it->t.header[k], YR_ROLE_EQUAL_PART))
            it->equal_col = k;
        else if (yr_role_is_header(it->t.header[k], YR_ROLE_RATE))
            it->rate_col = k;
    }
    if (o->equal_part != NULL &&
        cli_opt_fraction(CMD, "equal-part", o->equal_part, &it->equal_num, &it->equal_den) != 0)
        return CLI_EXIT_ERROR;
    size_t nrows = it->t.nrows;
    int64_t *year_value = malloc(nrows * sizeof *year_value);
    it->row = malloc(nrows * sizeof *it->row);
    it->amount = malloc(nrows * sizeof *it->amount);
    it->model = malloc(nrows * sizeof *it->model);
    it->blank = malloc(nrows);
    if (year_value == NULL || it->row == NULL || it->amount == NULL || it->model == NULL ||
        it->blank == NULL) {
        free(year_value);
        return oom();
    }
    int rc = 0;
    for (size_t r = 0; r < nrows && rc == 0; r++) {
        int sub = reader_subtotal(o, it, r);
        if (sub != 0)
            rc = sub < 0 ? CLI_EXIT_ERROR : 0;
        else if (!yr_label_is_total(ycsv_cell(&it->t, r, it->item_col)))
            rc = read_item(it, r, amount_col, year_col, year_value);
        else if (total_row == YCSV_NO_COLUMN && year_col == YCSV_NO_COLUMN)
            total_row = r;
        else
            rc = cli_fail_at(it->file, ycsv_line(&it->t, r),
                             "a second total row, or a total row in a file with years");
    }
    if (rc == 0 && it->n == 0)
        rc = cli_fail_at(it->file, 2, "no items");
    if (rc == 0 && total_row != YCSV_NO_COLUMN)
        rc = check_items_total(it, total_row, amount_col);
    if (rc == 0 && year_col != YCSV_NO_COLUMN)
        rc = index_years(it, year_value);
    else if (rc == 0)
        it->nyears = 1;
    free(year_value);
    return rc == 0 ? index_names(it) : rc;
}

/* ---- population ------------------------------------------------------------------------ */

/* The population column of each year: by header year when any header names a year of the
 * items, else the one weight column for every year. */
static int year_columns(const pop_in *pp, const items_in *it, const cli_common *c,
                        const char **files, size_t *cols)
{
    size_t by_column = 0, by_file = 0;
    for (size_t y = 0; y < it->nyears; y++) {
        cols[y] = YCSV_NO_COLUMN;
        by_file += files[y] != NULL; /* --population-of */
        for (size_t k = 0; k < pp->t.ncols && it->year != NULL && files[y] == NULL; k++)
            if (k != pp->p.name_col && cycle_header_year(pp->t.header[k]) == it->year_num[y])
                cols[y] = k;
        by_column += cols[y] != YCSV_NO_COLUMN;
    }
    if (by_column + by_file == it->nyears)
        return 0;
    for (size_t y = 0; by_column > 0 && y < it->nyears; y++)
        if (cols[y] == YCSV_NO_COLUMN && files[y] == NULL)
            return cli_fail_at(pp->file, pp->t.header_line,
                               "no population column for the year %" PRId64 " of the items",
                               it->year_num[y]);
    size_t col;
    if (cli_weight_column(pp->file, &pp->t, c, &pp->p.name_col, 1, &col) != 0)
        return CLI_EXIT_ERROR;
    for (size_t y = 0; y < it->nyears; y++)
        cols[y] = files[y] == NULL ? col : YCSV_NO_COLUMN;
    return 0;
}

/* The files of --population-of YEAR=FILE by year index (NULL: the population file). */
static int year_files(const stmt_opts *o, const items_in *it, const char **files)
{
    for (size_t y = 0; y < it->nyears; y++)
        files[y] = NULL;
    for (size_t k = 0; k < o->population_of.n; k++) {
        const char *spec = o->population_of.v[k], *eq = strchr(spec, '=');
        char year[32];
        int64_t num;
        size_t y = 0;
        if (eq == NULL || eq == spec || (size_t)(eq - spec) >= sizeof year)
            return cli_fail_usage(CMD, "--population-of '%s': expected YEAR=FILE", spec);
        memcpy(year, spec, (size_t)(eq - spec));
        year[eq - spec] = '\0';
        if (it->year == NULL || cli_parse_int64(year, &num) != CLI_NUM_OK)
            return cli_fail_usage(CMD, "--population-of '%s': the items have no year %s", spec,
                                  year);
        while (y < it->nyears && it->year_num[y] != num)
            y++;
        if (y == it->nyears || files[y] != NULL)
            return cli_fail_usage(CMD,
                                  "--population-of '%s': no items of the year %s, or the "
                                  "year given twice",
                                  spec, year);
        files[y] = eq + 1;
    }
    return 0;
}

/* Map the parties of a year's file onto those of the population file by identity (the reader's
 * rule, cycle_party_find: `2080 Falun`, `FALUN`, `Falu kommun` are one); each once. */
static int map_year_parties(const pop_in *pp, const char *file, const ycsv_table *t,
                            const cli_parties *p, const int64_t *tmp, int64_t *w)
{
    size_t *seen = calloc(pp->p.n ? pp->p.n : 1, sizeof *seen);
    int rc = seen != NULL ? 0 : oom();
    for (size_t k = 0; rc == 0 && k < p->n; k++) {
        size_t row = cli_party_row(p, k), party;
        const char *name = ycsv_cell(t, row, p->name_col);
        rc = cycle_party_find(file, ycsv_line(t, row), name, (cli_labels *)&pp->names, pp->keys,
                              pp->p.n, pp->file, &party);
        if (rc == 0 && seen[party] != 0) {
            char q[80];
            rc = cli_fail_at(file, ycsv_line(t, row),
                             "%s is the same municipality as line %zu; remove one",
                             cli_quote(name, q, sizeof q), seen[party]);
        }
        if (rc == 0) {
            seen[party] = ycsv_line(t, row);
            w[party] = tmp[k];
        }
    }
    for (size_t k = 0; rc == 0 && k < pp->p.n; k++) /* each municipality has a population */
        if (seen[k] == 0) {
            char q[80];
            size_t row = cli_party_row(&pp->p, k);
            rc = cli_fail_at(file, 0, "%s (line %zu of %s) has no population in this file",
                             cli_quote(ycsv_cell(&pp->t, row, pp->p.name_col), q, sizeof q),
                             ycsv_line(&pp->t, row), pp->file);
        }
    free(seen);
    return rc;
}

/* One year's weights from its own file (--population-of): the same municipalities, any order. */
static int read_year_file(const cli_common *c, const pop_in *pp, const char *path, int64_t *w,
                          unsigned *scale_out)
{
    const char *file = cli_shown(path);
    ycsv_table t;
    cli_parties p;
    size_t name_col, col;
    unsigned scale = 0;
    if (cli_load(path, &t) != 0)
        return CLI_EXIT_ERROR;
    int64_t *tmp = malloc((t.nrows ? t.nrows : 1) * sizeof *tmp);
    int rc = tmp != NULL ? 0 : oom();
    if (rc == 0)
        rc = cli_column(file, &t, c, CLI_ROLE_NAME, 1, &name_col);
    if (rc == 0)
        rc = cli_find_parties(file, &t, name_col, &p);
    if (rc == 0)
        rc = cli_weight_column(file, &t, c, &name_col, 1, &col);
    if (rc == 0)
        rc = cli_read_weights(file, &t, &p, col, c, tmp, &scale);
    *scale_out = scale;
    if (rc == 0)
        rc = map_year_parties(pp, file, &t, &p, tmp, w);
    free(tmp);
    ycsv_free(&t);
    return rc;
}

static int read_population(const stmt_opts *o, const items_in *it, pop_in *pp)
{
    memset(pp, 0, sizeof *pp);
    pp->file = cli_shown(o->population);
    size_t name_col;
    if (cli_load(o->population, &pp->t) != 0)
        return CLI_EXIT_ERROR;
    if (cli_column(pp->file, &pp->t, &o->common, CLI_ROLE_NAME, 1, &name_col) != 0 ||
        cli_find_parties(pp->file, &pp->t, name_col, &pp->p) != 0 ||
        cycle_party_keys(pp->file, &pp->t, &pp->p, &pp->names, &pp->keys) != 0)
        return CLI_EXIT_ERROR;
    size_t np = pp->p.n, *cols = malloc(it->nyears * sizeof *cols);
    const char **files = malloc(it->nyears * sizeof *files);
    pp->weights = malloc(it->nyears * np * sizeof *pp->weights);
    pp->scale = calloc(it->nyears, sizeof *pp->scale);
    int rc = cols && files && pp->weights && pp->scale ? year_files(o, it, files) : oom();
    if (rc == 0)
        rc = year_columns(pp, it, &o->common, files, cols);
    for (size_t y = 0; y < it->nyears && rc == 0; y++) {
        if (files[y] != NULL)
            rc = read_year_file(&o->common, pp, files[y], pp->weights + y * np, &pp->scale[y]);
        else
            rc = cli_read_weights(pp->file, &pp->t, &pp->p, cols[y], &o->common,
                                  pp->weights + y * np, &pp->scale[y]);
    }
    free(cols);
    free(files);
    return rc;
}

static void pop_free(pop_in *pp)
{
    free(pp->weights);
    free(pp->scale);
    cycle_party_keys_free(&pp->names, pp->keys, pp->p.n);
    ycsv_free(&pp->t);
}

/* ---- the trainer pot ------------------------------------------------------------------- */

/* The party of a pot municipality: its identity in the population file (cycle_party_keys). */
static int find_party(void *ctx, const char *key, size_t *party)
{
    const pop_in *pp = ctx;
    return cycle_party_index((cli_labels *)&pp->names, pp->p.n, key, party);
}

/* The pot through the one settlement of `pot` (cycle_pot_settle): the same options, reading,
 * errors and ties; each municipality's fees and kickback go to its line. */
static int settle_pot(const stmt_opts *o, pop_in *pp, pot_in *pot)
{
    cycle_pot p;
    cycle_pot_lookup look = {find_party, pp, pp->file};
    size_t np = pp->p.n;
    int rc = cycle_pot_settle(CMD, &o->pot, &o->common, &look, &p);
    pot->fees = calloc(np, sizeof *pot->fees);
    pot->kickback = calloc(np, sizeof *pot->kickback);
    if (rc == 0 && (pot->fees == NULL || pot->kickback == NULL))
        rc = oom();
    unsigned char *seen = rc == 0 ? calloc(np, 1) : NULL;
    if (rc == 0 && seen == NULL)
        rc = oom();
    for (size_t m = 0; rc == 0 && m < p.nmun; m++) {
        char q[80];
        if (seen[p.party[m]]++) /* two of the pot's municipalities with one name */
            rc = cli_fail_at(p.afile, 0,
                             "municipality %s is in the pot twice (two codes, one "
                             "name in %s)",
                             cli_quote(cycle_pot_name(&p, m), q, sizeof q), pp->file);
        pot->fees[p.party[m]] = p.rows[m].fees;
        pot->kickback[p.party[m]] = p.rows[m].kickback;
    }
    free(seen);
    if (rc == 0 && p.sum.undistributed != 0)
        cli_note(p.afile, 0,
                 "%" PRId64 " of the pot is not paid back: %zu day(s) had participants but no "
                 "trainer",
                 p.sum.undistributed, p.sum.days_without_trainer);
    cycle_pot_free(&p);
    return rc;
}

/* ---- dates ----------------------------------------------------------------------------- */

/* Exactly "YYYY-MM-DD", ten characters, digits and dashes only (sscanf alone also reads
 * "2025-+1-01" and "2025- 1-01"). */
static int is_iso_date(const char *s)
{
    static const char form[] = "dddd-dd-dd";
    for (size_t i = 0; i < sizeof form - 1; i++) {
        if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
            return 0;
    }
    return s[sizeof form - 1] == '\0';
}

/* "YYYY-MM-DD" + --days: the two date cells, or an error. */
static int due_dates(const stmt_opts *o, char invoice[16], char due[16])
{
    int y, m, d, dy, dm, dd, n = 0;
    int64_t days = 30;
    if (!is_iso_date(o->invoice_date) ||
        sscanf(o->invoice_date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
        o->invoice_date[n] != '\0' || strlen(o->invoice_date) != 10)
        return cli_fail_usage(CMD, "--invoice-date '%s' is not a date YYYY-MM-DD", o->invoice_date);
    if (o->days != NULL && cli_opt_int64(CMD, "days", o->days, &days) != 0)
        return CLI_EXIT_ERROR;
    yr_where w;
    yr_status st = o->calendar_days ? yr_due_date_where(y, m, d, days, &dy, &dm, &dd, &w)
                                    : yr_due_date_bank_where(y, m, d, days, &dy, &dm, &dd, &w);
    if (st != YR_OK)
        return cli_fail_lib_usage(CMD, "--invoice-date and --days", &w);
    snprintf(invoice, 16, "%04d-%02d-%02d", y, m, d);
    snprintf(due, 16, "%04d-%02d-%02d", dy, dm, dd);
    return 0;
}

/* ---- the statement --------------------------------------------------------------------- */

/* The computed statement. */
typedef struct stmt_result {
    int64_t *items, *item_totals, *year_totals, *year_sums;
    yr_statement_row *rows, sum;
    char invoice[16], due[16];
} stmt_result;

static void result_free(stmt_result *res)
{
    free(res->items);
    free(res->item_totals);
    free(res->year_totals);
    free(res->year_sums);
    free(res->rows);
}

/* yr_statement's error (the library's sentence) where it happened. */
static int statement_error(const items_in *it, const pop_in *pp, yr_status st, const yr_where *w)
{
    if (w->column != YR_WHERE_NONE && w->arg != NULL && strcmp(w->arg, "weights") != 0 &&
        w->column < it->n)
        return cli_fail_lib(it->file, ycsv_line(&it->t, it->row[w->column]), NULL, w, NULL);
    if (w->record != YR_WHERE_NONE && w->record < pp->p.n)
        return cli_fail_lib(pp->file, ycsv_line(&pp->t, cli_party_row(&pp->p, w->record)), NULL, w,
                            NULL);
    if (w->arg != NULL && strcmp(w->arg, "totals") == 0)
        return cli_fail_lib(it->file, 0, NULL, w, NULL);
    if (st == YR_ERR_ZERO_WEIGHT && it->year != NULL && w->column < it->nyears) {
        char year[40];
        snprintf(year, sizeof year, "the year %" PRId64, it->year_num[w->column]);
        const char *const names[] = {"weights", "population", NULL};
        return cli_fail_lib(pp->file, 0, year, w, names);
    }
    return cli_fail_lib(pp->file, 0, NULL, w, NULL);
}

static int compute(const items_in *it, const pop_in *pp, const pot_in *pot, stmt_result *res)
{
    size_t np = pp->p.n, ny = it->nyears;
    res->items = malloc(np * it->n * sizeof *res->items);
    res->item_totals = malloc(it->n * sizeof *res->item_totals);
    res->year_totals = malloc(np * ny * sizeof *res->year_totals);
    res->year_sums = malloc(ny * sizeof *res->year_sums);
    res->rows = malloc(np * sizeof *res->rows);
    if (!res->items || !res->item_totals || !res->year_totals || !res->year_sums || !res->rows)
        return oom();
    yr_where w;
    yr_status st = yr_statement_items_where(
        it->model, it->year, it->n, pp->weights, ny, np, pot->fees, pot->kickback, res->items,
        res->item_totals, res->year_totals, res->year_sums, res->rows, &res->sum, &w);
    if (st != YR_OK)
        return statement_error(it, pp, st, &w);
    for (size_t i = 0; i < it->n; i++) /* a rate item's stated amount is its rows' sum */
        if (it->model[i].rate_den != 0 && !it->blank[i] && it->amount[i] != res->item_totals[i])
            return cli_fail_at(it->file, ycsv_line(&it->t, it->row[i]),
                               "the amount %" PRId64 " of this rate item is not the sum of its "
                               "municipalities' amounts, %" PRId64
                               " (rate x population, each rounded to whole kronor)",
                               it->amount[i], res->item_totals[i]);
    return 0;
}

/* One statement line: total, and fees/kickback/net with a pot. */
static void out_line(cli_out *o, const yr_statement_row *r, int with_pot)
{
    cli_out_money(o, r->total);
    if (with_pot) {
        cli_out_money(o, r->fees);
        cli_out_money(o, r->kickback);
        cli_out_money(o, r->net);
    }
}

/* ---- --explain: the basis of every line ------------------------------------------------- */

/* The sum of year @p y's weights (it fits: cli_read_weights checked it). */
static int64_t weight_sum(const pop_in *pp, size_t y)
{
    int64_t w = 0;
    for (size_t r = 0; r < pp->p.n; r++)
        w += pp->weights[y * pp->p.n + r];
    return w;
}

/* The explain columns' headers: population, share, share_percent, then 'quota ITEM' per item
 * column (one per item name). */
static void explain_head(cli_out *o, const items_in *it)
{
    cli_buf b;
    cli_buf_init(&b);
    cli_out_name(o, YR_OUT_POPULATION);
    cli_out_name(o, YR_OUT_SHARE);
    cli_out_name(o, YR_OUT_SHARE_PERCENT);
    for (size_t i = 0; i < it->n; i++) {
        if (it->name[i] != i)
            continue;
        cli_buf_clear(&b);
        cli_buf_printf(&b, "%s%s", yr_out_text(YR_OUT_QUOTA_OF, o->lang),
                       ycsv_cell(&it->t, it->row[i], it->item_col));
        cli_out_text(o, cli_buf_str(&b));
    }
    cli_buf_free(&b);
}

/* The exact quota of item @p i for a weight (yr_item_quota), 4 decimals (yr_quota_text). */
static void quota_cell(cli_out *o, const yr_item *m, int64_t w, int64_t wsum, size_t np)
{
    yr_quota q;
    char t[YR_NUMBER_TEXT_MAX];
    if (yr_item_quota(m, w, wsum, np, &q) == YR_OK &&
        yr_quota_text(q.whole, q.rem, q.den, 4, t, sizeof t) == YR_OK)
        cli_out_text(o, t);
    else
        cli_out_empty(o); /* an item whose quota needs weights, with all weights 0 */
}

/* The basis of a line: the population as written (over 10^scale), the share as the exact
 * fraction (yr_share_text, not reduced) and the percentage with 4 decimals (yr_percent_text);
 * "" when the weights add up to 0. */
typedef struct basis_text {
    char pop[YR_NUMBER_TEXT_MAX], share[YR_NUMBER_TEXT_MAX], pct[YR_NUMBER_TEXT_MAX];
} basis_text;

static void basis_of(const pop_in *pp, size_t y, int64_t w, int64_t wsum, basis_text *t)
{
    cli_buf b;
    cli_buf_init(&b);
    cli_buf_ratio(&b, w, cli_pow10(pp->scale[y]), pp->scale[y]);
    snprintf(t->pop, sizeof t->pop, "%s", cli_buf_str(&b));
    cli_buf_free(&b);
    if (wsum <= 0 || yr_share_text(w, wsum, t->share, sizeof t->share) != YR_OK)
        t->share[0] = '\0';
    if (wsum <= 0 || yr_percent_text(w, wsum, 4, t->pct, sizeof t->pct) != YR_OK)
        t->pct[0] = '\0';
}

/* The explain cells of municipality @p r (SIZE_MAX: the Summa line) in year @p y: its
 * population, share, percentage and each item's exact quota (the item's amount on the Summa
 * line). */
static void explain_cells(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res,
                          size_t r, size_t y)
{
    size_t np = pp->p.n;
    int64_t wsum = weight_sum(pp, y), w = r == SIZE_MAX ? wsum : pp->weights[y * np + r];
    basis_text t;
    basis_of(pp, y, w, wsum, &t);
    cli_out_num(o, t.pop);
    cli_out_text(o, t.share);
    cli_out_num(o, t.pct);
    for (size_t k = 0; k < it->n; k++) {
        if (it->name[k] != k)
            continue;
        size_t i = k;
        while (it->year != NULL && i < it->n && !(it->name[i] == k && it->year[i] == y))
            i++;
        if (i == it->n)
            cli_out_empty(o);
        else if (r == SIZE_MAX)
            quota_cell(o, &(yr_item){res->item_totals[i], 0, 1, 0, 0}, 1, 1, 1);
        else
            quota_cell(o, &it->model[i], w, wsum, np);
    }
}

/* Without years: municipality, items..., total[, fees, kickback, net][, dates][, explain]. */
static void write_flat(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res,
                       int with_pot, int with_dates, int explain)
{
    cli_out_text(o, pp->t.header[pp->p.name_col]);
    for (size_t i = 0; i < it->n; i++)
        cli_out_text(o, ycsv_cell(&it->t, it->row[i], it->item_col));
    cli_out_name(o, YR_OUT_TOTAL);
    if (with_pot) {
        cli_out_name(o, YR_OUT_FEES);
        cli_out_name(o, YR_OUT_KICKBACK);
        cli_out_name(o, YR_OUT_NET);
    }
    if (with_dates) {
        cli_out_name(o, YR_OUT_INVOICE_DATE);
        cli_out_name(o, YR_OUT_DUE_DATE);
    }
    if (explain)
        explain_head(o, it);
    cli_out_end_row(o);
    for (size_t r = 0; r <= pp->p.n; r++) {
        int summa = r == pp->p.n;
        cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang)
                              : ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
        for (size_t i = 0; i < it->n; i++)
            cli_out_money(o, summa ? res->item_totals[i] : res->items[r * it->n + i]);
        out_line(o, summa ? &res->sum : &res->rows[r], with_pot);
        if (with_dates) {
            cli_out_date(o, summa ? "" : res->invoice);
            cli_out_date(o, summa ? "" : res->due);
        }
        if (explain)
            explain_cells(o, it, pp, res, summa ? SIZE_MAX : r, 0);
        cli_out_end_row(o);
    }
}

/* The cells of one line of a year block: each item name's share (empty when the item is not
 * in that year). */
static void year_cells(cli_out *o, const items_in *it, const int64_t *line, size_t y)
{
    for (size_t k = 0; k < it->n; k++) {
        if (it->name[k] != k)
            continue;
        size_t i = 0;
        while (i < it->n && !(it->name[i] == k && it->year[i] == y))
            i++;
        if (i < it->n)
            cli_out_money(o, line[i]);
        else
            cli_out_empty(o);
    }
}

/* With years: year, municipality, item names..., total; a block per year, then 'all'. */
static void write_years(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res,
                        int explain)
{
    size_t np = pp->p.n, ny = it->nyears;
    cli_out_name(o, YR_OUT_YEAR);
    cli_out_text(o, pp->t.header[pp->p.name_col]);
    for (size_t k = 0; k < it->n; k++)
        if (it->name[k] == k)
            cli_out_text(o, ycsv_cell(&it->t, it->row[k], it->item_col));
    cli_out_name(o, YR_OUT_TOTAL);
    if (explain)
        explain_head(o, it);
    cli_out_end_row(o);
    for (size_t y = 0; y <= ny; y++) {
        char year[24];
        snprintf(year, sizeof year, "%" PRId64, y < ny ? it->year_num[y] : 0);
        for (size_t r = 0; r <= np; r++) {
            int summa = r == np;
            if (y < ny)
                cli_out_cell(o, year, CLI_CELL_GUESS); /* a number, not grouped */
            else
                cli_out_name(o, YR_OUT_ALL_YEARS);
            cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang)
                                  : ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
            if (y < ny)
                year_cells(o, it, summa ? res->item_totals : res->items + r * it->n, y);
            else
                for (size_t k = 0; k < it->n; k++)
                    if (it->name[k] == k)
                        cli_out_empty(o);
            if (y < ny)
                cli_out_money(o, summa ? res->year_sums[y] : res->year_totals[r * ny + y]);
            else
                cli_out_money(o, summa ? res->sum.total : res->rows[r].total);
            if (explain && y < ny)
                explain_cells(o, it, pp, res, summa ? SIZE_MAX : r, y);
            for (size_t k = 0; explain && y == ny && k < 3 + it->n; k++)
                if (k < 3 || it->name[k - 3] == k - 3)
                    cli_out_empty(o); /* every line as long as the header */
            cli_out_end_row(o);
        }
    }
}

/* ---- --per-municipality DIR/: one invoice basis per municipality ------------------------- */

/* One line "label,amount[,quota]" of a municipality's file. */
static void basis_money(cli_out *o, const char *label, int64_t v)
{
    cli_out_text(o, label);
    cli_out_money(o, v);
    cli_out_empty(o);
    cli_out_end_row(o);
}

/* The file of municipality @p r: its items (amount and exact quota), total, fees, kickback,
 * net, dates, and the basis (population, share, percentage). */
static void write_basis(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res,
                        size_t r, int with_pot)
{
    size_t np = pp->p.n;
    int64_t wsum = weight_sum(pp, 0), w = pp->weights[r];
    cli_out_name(o, YR_OUT_ITEM);
    cli_out_name(o, YR_OUT_AMOUNT);
    cli_out_name(o, YR_OUT_QUOTA);
    cli_out_end_row(o);
    for (size_t i = 0; i < it->n; i++) {
        cli_out_text(o, ycsv_cell(&it->t, it->row[i], it->item_col));
        cli_out_money(o, res->items[r * it->n + i]);
        quota_cell(o, &it->model[i], w, wsum, np);
        cli_out_end_row(o);
    }
    const yr_statement_row *line = &res->rows[r];
    basis_money(o, yr_out_text(YR_OUT_TOTAL, o->lang), line->total);
    if (with_pot) {
        basis_money(o, yr_out_text(YR_OUT_FEES, o->lang), line->fees);
        basis_money(o, yr_out_text(YR_OUT_KICKBACK, o->lang), line->kickback);
        basis_money(o, yr_out_text(YR_OUT_NET, o->lang), line->net);
    }
    const char *const dates[2] = {res->invoice, res->due};
    for (int k = 0; k < 2 && res->invoice[0] != '\0'; k++) {
        cli_out_name(o, k == 0 ? YR_OUT_INVOICE_DATE : YR_OUT_DUE_DATE);
        cli_out_date(o, dates[k]);
        cli_out_empty(o);
        cli_out_end_row(o);
    }
    cli_out_text(o, pp->t.header[pp->p.name_col]); /* whose: a file may travel on its own */
    cli_out_text(o, ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
    cli_out_empty(o);
    cli_out_end_row(o);
    basis_text t;
    basis_of(pp, 0, w, wsum, &t);
    const char *const label[3] = {yr_out_text(YR_OUT_POPULATION, o->lang),
                                  yr_out_text(YR_OUT_SHARE, o->lang),
                                  yr_out_text(YR_OUT_SHARE_PERCENT, o->lang)};
    const char *const value[3] = {t.pop, t.share, t.pct};
    for (int k = 0; k < 3; k++) {
        cli_out_text(o, label[k]);
        if (k == 1)
            cli_out_text(o, value[k]);
        else
            cli_out_num(o, value[k]);
        cli_out_empty(o);
        cli_out_end_row(o);
    }
}

/* DIR/NAME.csv for a municipality: '/' and a leading '.' become '_' (a name is never a path). */
static void basis_path(cli_buf *b, const char *dir, const char *name)
{
    size_t start, len = yr_label_trim(name, strlen(name), &start);
    cli_buf_clear(b);
    cli_buf_puts(b, dir);
    if (b->len > 0 && b->data[b->len - 1] != '/')
        cli_buf_puts(b, "/");
    for (size_t k = 0; k < len; k++) {
        char ch = name[start + k];
        cli_buf_add(b,
                    (ch == '/' || ch == '\\' || (k == 0 && ch == '.') || (unsigned char)ch < 0x20)
                        ? "_"
                        : &ch,
                    1);
    }
    cli_buf_puts(b, ".csv");
}

static int write_per_municipality(const stmt_opts *o, const items_in *it, const pop_in *pp,
                                  const stmt_result *res, int with_pot)
{
    if (mkdir(o->per_municipality, 0777) != 0 && errno != EEXIST)
        return cli_fail_at(o->per_municipality, 0, "cannot create the directory: %s",
                           strerror(errno));
    cli_buf path;
    cli_buf_init(&path);
    int rc = 0;
    for (size_t r = 0; r < pp->p.n && rc == 0; r++) {
        cli_output_opts opts = o->common.out;
        basis_path(&path, o->per_municipality,
                   ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
        opts.path = cli_buf_str(&path);
        cli_out out;
        rc = cli_out_open(&out, &opts, YR_TABLE_STATEMENT, &pp->t);
        if (rc == 0) {
            write_basis(&out, it, pp, res, r, with_pot);
            rc = cli_out_close(&out);
        }
    }
    cli_buf_free(&path);
    return rc;
}

/* --per-municipality FILE.xlsx (or without a value, with --output FILE.xlsx): the summary sheet,
 * then one sheet per municipality named after it (cli_out_sheet makes the name valid). */
static int write_workbook(const stmt_opts *o, const items_in *it, const pop_in *pp,
                          const stmt_result *res, int with_pot)
{
    cli_output_opts opts = o->common.out;
    if (o->per_municipality[0] != '\0')
        opts.path = o->per_municipality;
    cli_out out;
    int rc = cli_out_open(&out, &opts, YR_TABLE_STATEMENT, &pp->t);
    if (rc != 0)
        return rc;
    write_flat(&out, it, pp, res, with_pot, o->invoice_date != NULL, o->explain);
    for (size_t r = 0; r < pp->p.n; r++) {
        cli_out_sheet(&out, ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
        write_basis(&out, it, pp, res, r, with_pot);
    }
    return cli_out_close(&out);
}

/* 1 when --per-municipality asks for one workbook: a value FILE.xlsx, or none and --output. */
static int per_workbook(const stmt_opts *o)
{
    return o->per_municipality != NULL &&
           (o->per_municipality[0] == '\0' ||
            cli_output_is_xlsx(&(cli_output_opts){.path = o->per_municipality}));
}

static int check_usage(const stmt_opts *o, size_t nfiles)
{
    if (o->items == NULL)
        return cli_fail_usage(CMD, "--items FILE is needed");
    if (nfiles == 0)
        return cli_fail_usage(CMD, "no POPULATION file");
    if (cycle_pot_usage(CMD, &o->pot) != 0)
        return CLI_EXIT_ERROR;
    if ((o->days != NULL || o->calendar_days) && o->invoice_date == NULL)
        return cli_fail_usage(CMD, "--days and --calendar-days need --invoice-date");
    if (o->per_municipality != NULL && !per_workbook(o) &&
        (o->common.out.path != NULL || o->explain))
        return cli_fail_usage(CMD, "--per-municipality DIR/ writes its own files (with their "
                                   "basis): no --output, no --explain");
    if (per_workbook(o) && o->per_municipality[0] != '\0' && o->common.out.path != NULL)
        return cli_fail_usage(CMD, "--per-municipality %s names the workbook: no --output",
                              o->per_municipality);
    if (per_workbook(o) && o->per_municipality[0] == '\0' && !cli_output_is_xlsx(&o->common.out))
        return cli_fail_usage(CMD, "--per-municipality without a directory writes one workbook: "
                                   "give --output FILE.xlsx (or --per-municipality DIR/ for one "
                                   "CSV per municipality)");
    if (per_workbook(o))
        return cli_output_check(&(cli_output_opts){.path = o->per_municipality[0] != '\0'
                                                               ? o->per_municipality
                                                               : o->common.out.path,
                                                   .excel = o->common.out.excel},
                                CMD);
    return 0;
}

static int run(const stmt_opts *o, items_in *it, pop_in *pp, pot_in *pot, stmt_result *res)
{
    int rc = read_items(o, it);
    if (rc == 0 && it->year != NULL && (cycle_pot_wanted(&o->pot) || o->invoice_date != NULL))
        rc = cli_fail_usage(CMD, "--attendance and --invoice-date are for one year's statement, "
                                 "not for items with years");
    if (rc == 0)
        rc = read_population(o, it, pp);
    if (rc == 0 && cycle_pot_wanted(&o->pot))
        rc = settle_pot(o, pp, pot);
    if (rc == 0 && o->invoice_date != NULL)
        rc = due_dates(o, res->invoice, res->due);
    if (rc == 0)
        rc = compute(it, pp, pot, res);
    if (rc == 0 && o->per_municipality != NULL && it->year != NULL)
        rc = cli_fail_usage(CMD, "--per-municipality is for one year's statement");
    if (rc == 0 && per_workbook(o))
        return write_workbook(o, it, pp, res, pot->fees != NULL);
    if (rc == 0 && o->per_municipality != NULL)
        return write_per_municipality(o, it, pp, res, pot->fees != NULL);
    cli_out out;
    if (rc == 0)
        rc = cli_out_open(&out, &o->common.out, YR_TABLE_STATEMENT, &pp->t);
    if (rc != 0)
        return rc;
    if (it->year == NULL)
        write_flat(&out, it, pp, res, pot->fees != NULL, o->invoice_date != NULL, o->explain);
    else
        write_years(&out, it, pp, res, o->explain);
    return cli_out_close(&out);
}

int statement_item_models(const char *items, const char *equal_part, const cli_common *c,
                          const char *const *names, size_t n, const char *shown, yr_item *models)
{
    stmt_opts o;
    items_in it;
    memset(&o, 0, sizeof o);
    o.items = items;
    o.equal_part = equal_part;
    o.common = *c;
    int rc = read_items(&o, &it);
    if (rc == 0 && it.year != NULL)
        rc = cli_fail_usage("audit", "--items with years: audit one year's statement at a time");
    for (size_t k = 0; rc == 0 && k < n; k++) {
        size_t i = 0;
        while (i < it.n && !ycsv_name_equal(names[k], ycsv_cell(&it.t, it.row[i], it.item_col)))
            i++;
        if (i == it.n) {
            char q[80];
            rc = cli_fail_at(shown, 0, "item %s is not in %s", cli_quote(names[k], q, sizeof q),
                             it.file);
        } else {
            models[k] = it.model[i];
        }
    }
    items_free(&it);
    return rc;
}

/* `--per-municipality` right before another option (or last) has no value: the workbook of
 * --output. The parser takes a value always, so it is given an empty one (`--per-municipality=`)
 * in a copy of argv; a directory that starts with '-' is written `./-DIR`. */
static char **per_municipality_args(int argc, char **argv)
{
    char **v = malloc(((size_t)argc + 1) * sizeof *v);
    if (v == NULL)
        return NULL;
    int done = 0;
    for (int i = 0; i < argc; i++) {
        v[i] = argv[i];
        done = done || strcmp(argv[i], "--") == 0;
        if (!done && i > 0 && strcmp(argv[i], "--per-municipality") == 0 &&
            (i + 1 == argc || argv[i + 1][0] == '-'))
            v[i] = (char *)"--per-municipality=";
    }
    v[argc] = NULL;
    return v;
}

int cli_cmd_statement(int argc, char **argv)
{
    stmt_opts o;
    memset(&o, 0, sizeof o);
    cli_option opts[CYCLE_POT_NOPTS + 9] = {
        {"items", CLI_OPT_VALUE, &o.items, "FILE",
         "the items: columns item (or post) and amount (or belopp), and optionally year (or "
         "år): then each year is split with that year's population and the output is one block "
         "per year and an 'all' block. A Summa row in FILE must equal the items' sum."},
        {"population-of", CLI_OPT_LIST, &o.population_of, "YEAR=FILE",
         "the population of YEAR from its own file (repeatable; the same municipalities as "
         "POPULATION.csv, matched by name)"}};
    size_t n = 2 + cycle_pot_options(&o.pot, opts + 2);
    opts[n++] = (cli_option){"invoice-date", CLI_OPT_VALUE, &o.invoice_date, "DATE",
                             "adds invoice_date and due_date columns (YYYY-MM-DD)"};
    opts[n++] = (cli_option){"days", CLI_OPT_VALUE, &o.days, "N",
                             "days to pay (default 30: '30 dagar netto'); a due date on a "
                             "Saturday, Sunday or Swedish bank holiday (midsommarafton, "
                             "julafton and nyårsafton included) moves to the next bank day"};
    opts[n++] = (cli_option){"calendar-days", CLI_OPT_FLAG, &o.calendar_days, NULL,
                             "the plain count of days, not moved to a bank day"};
    opts[n++] = (cli_option){"equal-part", CLI_OPT_VALUE, &o.equal_part, "P",
                             "each item: the part P of it equally ('30%', '0,3', '3/10'), the "
                             "rest by population; per item with a column 'lika del' "
                             "(equal_part) in ITEMS.csv; a column 'kr per invånare' (rate) "
                             "makes an item a rate: rate x population per municipality, "
                             "rounded to whole kronor, the item's total the sum (a stated "
                             "amount must equal it)"};
    opts[n++] = (cli_option){"explain", CLI_OPT_FLAG, &o.explain, NULL,
                             "adds population, share (exact: 59752/288382), share_percent (four "
                             "decimals) and each item's exact quota ('quota ITEM', truncated "
                             "to four decimals, '…' when there are more)"};
    opts[n++] = (cli_option){"per-municipality", CLI_OPT_VALUE, &o.per_municipality, "DIR/",
                             "one CSV per municipality in DIR (DIR/NAME.csv): its items with "
                             "their quotas, total, fees, kickback, net, dates and the basis; "
                             "with --output FILE.xlsx (or as --per-municipality FILE.xlsx) one "
                             "workbook: the statement's sheet, then one sheet per municipality "
                             "(its basis, as in DIR/NAME.csv)"};
    size_t nfiles = 0;
    char **args = per_municipality_args(argc, argv);
    if (args == NULL)
        return oom();
    int rc =
        cli_parse_args(argc, args, CMD, usage_text, opts, n, &o.common, &o.population, 1, &nfiles);
    free(args);
    if (rc != -1)
        return rc;
    rc = check_usage(&o, nfiles);
    if (rc != 0)
        return rc;
    items_in it;
    pop_in pp;
    pot_in pot = {NULL, NULL};
    stmt_result res;
    memset(&it, 0, sizeof it);
    memset(&pp, 0, sizeof pp);
    memset(&res, 0, sizeof res);
    rc = run(&o, &it, &pp, &pot, &res);
    result_free(&res);
    free(pot.fees);
    free(pot.kickback);
    pop_free(&pp);
    items_free(&it);
    return rc;
}
