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

#include <yrkesresa/identity.h>

#include "cli.h"
#include "cli_read.h"
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
    cli_read_opts read;
    cli_common common;
} stmt_opts;

/* The items file, read by libyrkesresa-read (cli_read): one item a data row. */
typedef struct items_in {
    cli_input in;
    size_t n;                     /* items: the data rows (aggregates are the reader's) */
    int64_t *amount;              /* n, whole units after the header's unit */
    yr_item *model;               /* n: the amount and its model (an equal part, a rate) */
    unsigned char *blank;         /* n: the amount cell is blank (a rate item without a sum) */
    int64_t equal_num, equal_den; /* --equal-part (0/1: none) */
    size_t *year;                 /* n year indices, NULL without a year column */
    int64_t *year_num; /* nyears distinct years, ascending (one 0 without a year column) */
    size_t nyears;
    size_t *name;  /* n: index of the first item with the same name (the output column) */
    cli_keys keys; /* the items' names as the reader compares labels (cli_read_key) */
    cli_buf text;  /* the names, NUL-terminated, at text.data + at[i] */
    size_t *at;
} items_in;

/* The population file, read by libyrkesresa-read: one party a data row. */
typedef struct pop_in {
    cli_input in; /* the parties' names (the weights are read per column: cycle_read_weights) */
    size_t np, mcol;
    cli_keys keys;      /* the parties' identities (cycle_party_keys), for the pot and years */
    int64_t *weights;   /* nyears × parties */
    int64_t *den;       /* nyears: the weights are over den */
    cycle_reported rep; /* the columns whose reading line is printed */
    cli_buf text;       /* the parties' names, NUL-terminated, at text.data + at[r] */
    size_t *at;
} pop_in;

/* The pot settlement, when asked for. */
typedef struct pot_in {
    int64_t *fees, *kickback; /* parties each, NULL without a pot */
} pot_in;

static void items_free(items_in *it)
{
    free(it->amount);
    free(it->model);
    free(it->blank);
    free(it->year);
    free(it->year_num);
    free(it->name);
    free(it->at);
    cli_keys_free(&it->keys);
    cli_buf_free(&it->text);
    cli_input_free(&it->in);
}

static int oom(void)
{
    return cli_fail_usage(NULL, "out of memory");
}

/* Item @p i's name as written, and its line. */
static const char *item_name(const items_in *it, size_t i)
{
    return it->text.data + it->at[i];
}

static size_t item_line(const items_in *it, size_t i)
{
    return yr_table_row_line(it->in.t, yr_table_data_row(it->in.t, i));
}

/* Party @p r's name as written, and its line. */
static const char *party_name(const pop_in *pp, size_t r)
{
    return pp->text.data + pp->at[r];
}

static size_t party_line(const pop_in *pp, size_t r)
{
    return yr_table_row_line(pp->in.t, yr_table_data_row(pp->in.t, r));
}

/* The --column entries of @p c whose role is (@p items 1) or is not (0) one of the items
 * file's: each file gets the entries that name its columns. */
static void file_columns(const cli_common *c, int items, cli_common *out)
{
    static const yr_read_role item_roles[] = {YR_ROLE_ITEM, YR_ROLE_AMOUNT, YR_ROLE_RATE,
                                              YR_ROLE_YEAR, YR_ROLE_EQUAL_PART};
    *out = *c;
    out->columns.n = 0;
    for (size_t k = 0; k < c->columns.n; k++) {
        const char *v = c->columns.v[k], *eq = strchr(v, '=');
        char role[40];
        int of_items = 0;
        snprintf(role, sizeof role, "%.*s", eq != NULL ? (int)(eq - v) : 0, v);
        for (size_t r = 0; r < sizeof item_roles / sizeof item_roles[0]; r++)
            of_items |= yr_read_role_from_name(role) == item_roles[r];
        if (of_items == items)
            out->columns.v[out->columns.n++] = v;
    }
}

/* ---- items ----------------------------------------------------------------------------- */

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

/* Item names: one output column per name, compared as the reader compares labels (the reader
 * refused one name twice in one year: the item and its year are the row's key). */
static int index_names(items_in *it)
{
    cli_buf key;
    cli_buf_init(&key);
    cli_keys_init(&it->keys);
    cli_buf_init(&it->text);
    it->name = malloc(it->n * sizeof *it->name);
    it->at = malloc(it->n * sizeof *it->at);
    size_t col = yr_table_find_role(it->in.t, YR_ROLE_ITEM), len;
    int rc = it->name != NULL && it->at != NULL ? 0 : oom();
    for (size_t i = 0; rc == 0 && i < it->n; i++) {
        size_t row = yr_table_data_row(it->in.t, i);
        rc = cli_read_key(&it->in, row, col, &key);
        int64_t k = rc == 0 ? cli_keys_index(&it->keys, key.data, key.len, i) : 0;
        if (k < 0)
            rc = oom();
        else if (rc == 0)
            it->name[i] = it->keys.first[k];
        const char *s = yr_table_cell(it->in.t, row, col, &len);
        it->at[i] = it->text.len;
        cli_buf_add(&it->text, s, len);
        cli_buf_add(&it->text, "", 1);
    }
    cli_buf_free(&key);
    return rc == 0 && !it->text.ok ? oom() : rc;
}

/* Each item's amount in whole units (the reader applied the header's unit: `Belopp (tkr)`),
 * blank only for a rate item, and its model (cycle_item_models, as `split --items`). */
static int read_amounts(items_in *it)
{
    const yr_table *t = it->in.t;
    size_t col = yr_table_find_role(t, YR_ROLE_AMOUNT);
    int64_t den = 1, eq[2] = {it->equal_num, it->equal_den};
    char q[80];
    it->model = malloc(it->n * sizeof *it->model);
    it->blank = malloc(it->n);
    if (it->model == NULL || it->blank == NULL || cli_read_column(&it->in, col, &it->amount, &den))
        return it->amount == NULL ? oom() : CLI_EXIT_ERROR;
    for (size_t i = 0; i < it->n; i++) {
        yr_value v;
        if (it->amount[i] % den != 0)
            return cli_fail_at(it->in.file, item_line(it, i),
                               "column %s: an item's amount must be whole units (kronor, or öre "
                               "written as whole numbers)",
                               cli_quote(yr_table_header(t, col), q, sizeof q));
        it->amount[i] /= den;
        it->blank[i] = !cycle_item_value(&it->in, i, YR_ROLE_AMOUNT, &v);
    }
    return cycle_item_models(&it->in, it->amount, it->n, eq, it->model);
}

/* The year of each item (a calendar year, or a budget's year 1, 2, ...: the reader's year
 * grammar), then the distinct years. */
static int read_years(items_in *it)
{
    size_t col = yr_table_find_role(it->in.t, YR_ROLE_YEAR);
    if (col == YR_READ_NONE) {
        it->nyears = 1;
        return 0;
    }
    int64_t *value = malloc(it->n * sizeof *value);
    if (value == NULL)
        return oom();
    for (size_t i = 0; i < it->n; i++) {
        yr_value v = {0, 0, 1};
        yr_table_value(it->in.t, yr_table_data_row(it->in.t, i), col, &v);
        value[i] = v.num; /* a blank year is the reader's error */
    }
    int rc = index_years(it, value);
    free(value);
    return rc;
}

/* The items file through the reader, as every table is read: a Summa row is an aggregate
 * checked against the items (a Delsumma against its part), an item and its year are the
 * row's key, units and grouping are the reader's. */
static int read_items(const stmt_opts *o, items_in *it)
{
    static const yr_read_want want[] = {{YR_ROLE_ITEM, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                        {YR_ROLE_AMOUNT, YR_WANT_REQUIRED | YR_WANT_BLANK_OK},
                                        {YR_ROLE_RATE, YR_WANT_BLANK_OK},
                                        {YR_ROLE_YEAR, YR_WANT_UNIQUE}};
    cli_common c;
    cli_read_opts r = o->read;
    memset(it, 0, sizeof *it);
    r.sheet = NULL; /* the options name the population file's sheet, header and year */
    r.header_row = NULL;
    r.year = NULL;
    file_columns(&o->common, 1, &c);
    it->equal_den = 1;
    if (o->equal_part != NULL &&
        cli_opt_fraction(CMD, "equal-part", o->equal_part, &it->equal_num, &it->equal_den) != 0)
        return CLI_EXIT_ERROR;
    if (cli_read(o->items, &c, &r, want, 4, &it->in) != 0)
        return CLI_EXIT_ERROR;
    it->n = yr_table_ndata(it->in.t);
    if (it->n == 0)
        return cli_fail_at(it->in.file, cli_read_header_line(it->in.t), "no items");
    if (read_amounts(it) != 0 || read_years(it) != 0)
        return CLI_EXIT_ERROR;
    return index_names(it);
}

/* ---- population ------------------------------------------------------------------------ */

/* The population column of each year: by header year when any header names a year of the
 * items, else (YR_READ_NONE) the one population or weight column for every year. */
static int year_columns(const pop_in *pp, const items_in *it, const char **files, size_t *cols)
{
    size_t by_column = 0, by_file = 0;
    for (size_t y = 0; y < it->nyears; y++) {
        cols[y] = YR_READ_NONE;
        by_file += files[y] != NULL; /* --population-of */
        if (it->year != NULL && files[y] == NULL &&
            cycle_year_column(pp->in.file, pp->in.t, pp->mcol, it->year_num[y], &cols[y]) != 0)
            return CLI_EXIT_ERROR;
        by_column += cols[y] != YR_READ_NONE;
    }
    for (size_t y = 0; by_column > 0 && by_column + by_file < it->nyears && y < it->nyears; y++)
        if (cols[y] == YR_READ_NONE && files[y] == NULL)
            return cli_fail_at(pp->in.file, cli_read_header_line(pp->in.t),
                               "no population column for the year %" PRId64 " of the items",
                               it->year_num[y]);
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

/* Map the parties of a year's file onto those of the population file by identity
 * (cycle_party_find: `2080 Falun`, `FALUN`, `Falu kommun` are one); each has a population. */
static int map_year_parties(pop_in *pp, const cli_input *yin, const int64_t *tmp, int64_t *w)
{
    size_t *seen = calloc(pp->np ? pp->np : 1, sizeof *seen), party;
    size_t mcol = yr_table_find_role(yin->t, YR_ROLE_MUNICIPALITY);
    cli_buf b;
    cli_buf_init(&b);
    int rc = seen != NULL ? 0 : oom();
    for (size_t k = 0; rc == 0 && k < yr_table_ndata(yin->t); k++) {
        size_t row = yr_table_data_row(yin->t, k), line = yr_table_row_line(yin->t, row);
        rc = cycle_party_find(yin->file, line, cli_read_cell(yin->t, row, mcol, &b), &pp->keys,
                              pp->in.file, &party);
        if (rc == 0) { /* one identity once: the reader refused a second */
            seen[party] = line;
            w[party] = tmp[k];
        }
    }
    for (size_t k = 0; rc == 0 && k < pp->np; k++) /* each municipality has a population */
        if (seen[k] == 0) {
            char q[80];
            rc = cli_fail_at(yin->file, 0, "%s (line %zu of %s) has no population in this file",
                             cli_quote(party_name(pp, k), q, sizeof q), party_line(pp, k),
                             pp->in.file);
        }
    cli_buf_free(&b);
    free(seen);
    return rc;
}

/* The request of a population file's parties: their names, one identity each. */
static const yr_read_want parties_want[] = {
    {YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE}};

/* One year's weights from its own file (--population-of): the same municipalities, any order. */
static int read_year_file(const stmt_opts *o, pop_in *pp, const char *path, int64_t *w,
                          int64_t *den)
{
    cli_common c;
    cli_read_opts quiet = o->read;
    cli_input yin;
    cycle_reported rep = {{0}, 0};
    quiet.quiet = 1;
    file_columns(&o->common, 0, &c);
    if (cli_read(path, &c, &quiet, parties_want, 1, &yin) != 0)
        return CLI_EXIT_ERROR;
    size_t n = yr_table_ndata(yin.t);
    int64_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    int rc = tmp != NULL ? cycle_read_weights(&yin, &c, &o->read, NULL, &rep, tmp, den) : oom();
    if (rc == 0)
        rc = map_year_parties(pp, &yin, tmp, w);
    free(tmp);
    cli_input_free(&yin);
    return rc;
}

/* The weights of every year: a column of the population file (its year's, or the one), or a
 * year's own file. */
static int year_weights(const stmt_opts *o, const items_in *it, pop_in *pp, const size_t *cols,
                        const char **files)
{
    cli_common c;
    size_t np = pp->np;
    file_columns(&o->common, 0, &c);
    for (size_t y = 0; y < it->nyears; y++) {
        int64_t *w = pp->weights + y * np;
        const char *head = cols[y] != YR_READ_NONE ? yr_table_header(pp->in.t, cols[y]) : NULL;
        int rc;
        if (files[y] != NULL)
            rc = read_year_file(o, pp, files[y], w, &pp->den[y]);
        else if (y > 0 && files[y - 1] == NULL && cols[y] == cols[y - 1]) {
            memcpy(w, w - np, np * sizeof *w); /* the same column as the year before */
            pp->den[y] = pp->den[y - 1];
            rc = 0;
        } else
            rc = cycle_read_weights(&pp->in, &c, &o->read, head, &pp->rep, w, &pp->den[y]);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* The parties' names as written (the output's first column). */
static int party_names(pop_in *pp)
{
    size_t len;
    pp->at = malloc(pp->np * sizeof *pp->at);
    if (pp->at == NULL)
        return oom();
    for (size_t r = 0; r < pp->np; r++) {
        const char *s = yr_table_cell(pp->in.t, yr_table_data_row(pp->in.t, r), pp->mcol, &len);
        pp->at[r] = pp->text.len;
        cli_buf_add(&pp->text, s, len);
        cli_buf_add(&pp->text, "", 1);
    }
    return pp->text.ok ? 0 : oom();
}

static int read_population(const stmt_opts *o, const items_in *it, pop_in *pp)
{
    cli_common c;
    cli_read_opts quiet = o->read;
    memset(pp, 0, sizeof *pp);
    cli_buf_init(&pp->text);
    cli_keys_init(&pp->keys);
    quiet.quiet = 1;
    file_columns(&o->common, 0, &c);
    if (cli_read(o->population, &c, &quiet, parties_want, 1, &pp->in) != 0)
        return CLI_EXIT_ERROR;
    cli_keys_free(&pp->keys);
    pp->np = yr_table_ndata(pp->in.t);
    pp->mcol = yr_table_find_role(pp->in.t, YR_ROLE_MUNICIPALITY);
    if (pp->np == 0)
        return cli_fail_at(pp->in.file, cli_read_header_line(pp->in.t), "no municipalities");
    if (cycle_party_keys(&pp->in, &pp->keys) != 0 || party_names(pp) != 0)
        return CLI_EXIT_ERROR;
    size_t np = pp->np, *cols = malloc(it->nyears * sizeof *cols);
    const char **files = malloc(it->nyears * sizeof *files);
    pp->weights = malloc(it->nyears * np * sizeof *pp->weights);
    pp->den = calloc(it->nyears, sizeof *pp->den);
    int rc = cols && files && pp->weights && pp->den ? year_files(o, it, files) : oom();
    if (rc == 0)
        rc = year_columns(pp, it, files, cols);
    if (rc == 0)
        rc = year_weights(o, it, pp, cols, files);
    free(cols);
    free(files);
    return rc;
}

static void pop_free(pop_in *pp)
{
    free(pp->weights);
    free(pp->den);
    free(pp->at);
    cli_keys_free(&pp->keys);
    cli_buf_free(&pp->text);
    cli_input_free(&pp->in);
}

/* ---- the trainer pot ------------------------------------------------------------------- */

/* The party of a pot municipality: its identity in the population file (cycle_party_keys). */
static int find_party(void *ctx, const char *key, size_t *party)
{
    const pop_in *pp = ctx;
    int64_t k = cli_keys_find(&pp->keys, key, strlen(key));
    if (k < 0)
        return 1;
    *party = (size_t)k;
    return 0;
}

/* The pot through the one settlement of `pot` (cycle_pot_settle): the same options, reading,
 * errors and ties; each municipality's fees and kickback go to its line. */
static int settle_pot(const stmt_opts *o, pop_in *pp, pot_in *pot)
{
    cycle_pot p;
    cycle_pot_lookup look = {find_party, pp, pp->in.file};
    size_t np = pp->np;
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
                             cli_quote(cycle_pot_name(&p, m), q, sizeof q), pp->in.file);
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
        return cli_fail_lib(it->in.file, item_line(it, w->column), NULL, w, NULL);
    if (w->record != YR_WHERE_NONE && w->record < pp->np)
        return cli_fail_lib(pp->in.file, party_line(pp, w->record), NULL, w, NULL);
    if (w->arg != NULL && strcmp(w->arg, "totals") == 0)
        return cli_fail_lib(it->in.file, 0, NULL, w, NULL);
    if (st == YR_ERR_ZERO_WEIGHT && it->year != NULL && w->column < it->nyears) {
        char year[40];
        snprintf(year, sizeof year, "the year %" PRId64, it->year_num[w->column]);
        const char *const names[] = {"weights", "population", NULL};
        return cli_fail_lib(pp->in.file, 0, year, w, names);
    }
    return cli_fail_lib(pp->in.file, 0, NULL, w, NULL);
}

static int compute(const items_in *it, const pop_in *pp, const pot_in *pot, stmt_result *res)
{
    size_t np = pp->np, ny = it->nyears;
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
            return cli_fail_at(it->in.file, item_line(it, i),
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

/* The sum of year @p y's weights (it fits: the library split them; else -1, no basis). */
static int64_t weight_sum(const pop_in *pp, size_t y)
{
    cli_i128 w = 0;
    for (size_t r = 0; r < pp->np; r++)
        w += pp->weights[y * pp->np + r];
    return w <= INT64_MAX ? (int64_t)w : -1;
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
        cli_buf_printf(&b, "%s%s", yr_out_text(YR_OUT_QUOTA_OF, o->lang), item_name(it, i));
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

/* The basis of a line: the population as written (over its denominator), the share as the exact
 * fraction (yr_share_text, not reduced) and the percentage with 4 decimals (yr_percent_text);
 * "" when the weights add up to 0. */
typedef struct basis_text {
    char pop[YR_NUMBER_TEXT_MAX], share[YR_NUMBER_TEXT_MAX], pct[YR_NUMBER_TEXT_MAX];
} basis_text;

static void basis_of(const pop_in *pp, size_t y, int64_t w, int64_t wsum, basis_text *t)
{
    cli_buf b;
    cli_buf_init(&b);
    cli_read_put_exact(&b, w, pp->den[y]);
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
    size_t np = pp->np;
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
    cli_out_text(o, yr_table_header(pp->in.t, pp->mcol));
    for (size_t i = 0; i < it->n; i++)
        cli_out_text(o, item_name(it, i));
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
    for (size_t r = 0; r <= pp->np; r++) {
        int summa = r == pp->np;
        cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang) : party_name(pp, r));
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
    size_t np = pp->np, ny = it->nyears;
    cli_out_name(o, YR_OUT_YEAR);
    cli_out_text(o, yr_table_header(pp->in.t, pp->mcol));
    for (size_t k = 0; k < it->n; k++)
        if (it->name[k] == k)
            cli_out_text(o, item_name(it, k));
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
            cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang) : party_name(pp, r));
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
    size_t np = pp->np;
    int64_t wsum = weight_sum(pp, 0), w = pp->weights[r];
    cli_out_name(o, YR_OUT_ITEM);
    cli_out_name(o, YR_OUT_AMOUNT);
    cli_out_name(o, YR_OUT_QUOTA);
    cli_out_end_row(o);
    for (size_t i = 0; i < it->n; i++) {
        cli_out_text(o, item_name(it, i));
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
    cli_out_text(o, yr_table_header(pp->in.t, pp->mcol)); /* whose: a file may travel on its own */
    cli_out_text(o, party_name(pp, r));
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
    for (size_t r = 0; r < pp->np && rc == 0; r++) {
        cli_output_opts opts = o->common.out;
        cli_dialect d = cli_read_dialect(pp->in.t);
        basis_path(&path, o->per_municipality, party_name(pp, r));
        opts.path = cli_buf_str(&path);
        cli_out out;
        rc = cli_out_open_dialect(&out, &opts, YR_TABLE_STATEMENT, &d);
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
    cli_dialect d = cli_read_dialect(pp->in.t);
    int rc = cli_out_open_dialect(&out, &opts, YR_TABLE_STATEMENT, &d);
    if (rc != 0)
        return rc;
    write_flat(&out, it, pp, res, with_pot, o->invoice_date != NULL, o->explain);
    for (size_t r = 0; r < pp->np; r++) {
        cli_out_sheet(&out, party_name(pp, r));
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
    cli_dialect d = cli_read_dialect(pp->in.t);
    if (rc == 0)
        rc = cli_out_open_dialect(&out, &o->common.out, YR_TABLE_STATEMENT, &d);
    if (rc != 0)
        return rc;
    if (it->year == NULL)
        write_flat(&out, it, pp, res, pot->fees != NULL, o->invoice_date != NULL, o->explain);
    else
        write_years(&out, it, pp, res, o->explain);
    return cli_out_close(&out);
}

struct statement_items {
    items_in it;
};

int statement_items_read(const char *items, const char *equal_part, const cli_common *c,
                         statement_items **out)
{
    stmt_opts o;
    memset(&o, 0, sizeof o);
    o.items = items;
    o.equal_part = equal_part;
    o.common = *c;
    *out = calloc(1, sizeof **out);
    if (*out == NULL)
        return oom();
    int rc = read_items(&o, &(*out)->it);
    if (rc != 0) {
        statement_items_free(*out);
        *out = NULL;
    }
    return rc;
}

void statement_items_free(statement_items *s)
{
    if (s != NULL)
        items_free(&s->it);
    free(s);
}

int statement_item_models(const statement_items *s, int64_t year, const char *const *names,
                          size_t n, const char *shown, yr_item *models)
{
    const items_in *it = &s->it;
    int rc = 0;
    if (it->year != NULL && year == 0)
        rc = cli_fail_usage("audit", "--items with years: the statement has no year column");
    for (size_t k = 0; rc == 0 && k < n; k++) {
        size_t len = strlen(names[k]), klen = 0;
        char *key = malloc(3 * len + 1); /* the reader's label key (index_names) */
        int64_t i = -1;
        if (key == NULL)
            rc = oom();
        else if (yr_name_key(names[k], len, key, 3 * len + 1, &klen) == YR_READ_OK)
            i = cli_keys_find(&it->keys, key, klen);
        free(key);
        if (rc == 0 && i < 0) {
            char q[80];
            rc = cli_fail_at(shown, 0, "item %s is not in %s", cli_quote(names[k], q, sizeof q),
                             it->in.file);
        } else if (rc == 0) {
            size_t r = (size_t)it->keys.first[i]; /* the name's row of that year */
            while (it->year != NULL && r < it->n &&
                   !(it->name[r] == it->keys.first[i] && it->year_num[it->year[r]] == year))
                r++;
            if (r == it->n)
                rc = cli_fail_at(shown, 0, "item '%s' is not in %s for the year %" PRId64, names[k],
                                 it->in.file, year);
            else
                models[k] = it->model[r];
        }
    }
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

/* The reading options (cli_read_options) but --other-parties, which the pot's options give
 * (and which applies to every file). */
static size_t read_options(cli_read_opts *r, cli_option *dst)
{
    size_t n = cli_read_options(r, dst), k = 0;
    for (size_t i = 0; i < n; i++)
        if (dst[i].name == NULL || strcmp(dst[i].name, "other-parties") != 0)
            dst[k++] = dst[i];
    return k;
}

int cli_cmd_statement(int argc, char **argv)
{
    stmt_opts o;
    memset(&o, 0, sizeof o);
    cli_option opts[CYCLE_POT_NOPTS + 9 + CLI_READ_NOPTS] = {
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
    n += read_options(&o.read, opts + n);
    size_t nfiles = 0;
    char **args = per_municipality_args(argc, argv);
    if (args == NULL)
        return oom();
    int rc =
        cli_parse_args(argc, args, CMD, usage_text, opts, n, &o.common, &o.population, 1, &nfiles);
    free(args);
    if (rc != -1)
        return rc;
    o.read.other_parties = o.pot.other_parties; /* one --other-parties for every file */
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
