/* `yrkesresa statement`: what each municipality is invoiced — its share of every agreement item
 * (by population, year by year), the course fees and the kickback of the trainer pot, the net,
 * and a due date. Every number comes from yr_statement, yr_pot_settle and yr_due_date; this file
 * reads, matches names and writes. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cmd_cycle.h"

#define CMD "statement"

static const char usage_text[] =
    "Usage: yrkesresa statement --items ITEMS.csv [--attendance A.csv --trainers T.csv]\n"
    "                           [--invoice-date YYYY-MM-DD [--days 30]]\n"
    "                           [--population-of YEAR=FILE]... POPULATION.csv\n"
    "\n"
    "One line per municipality: its share of every agreement item, split by population with\n"
    "rows and columns that add up exactly, its total, and with --attendance/--trainers the\n"
    "course fees, the trainer-pot kickback and the net to invoice (total + fees - kickback);\n"
    "a Summa line.\n"
    "\n"
    "  --items FILE          the items: columns item (or post) and amount (or belopp), and\n"
    "                        optionally year (or år): then each year is split with that year's\n"
    "                        population and the output is one block per year and an 'all'\n"
    "                        block. A Summa row in FILE must equal the items' sum.\n"
    "  POPULATION.csv        municipality and population; for a budget over years either one\n"
    "                        population column for every year, or one column per year as SCB\n"
    "                        exports it (headers '2024' or 'Folkmängd 2024')\n"
    "  --population-of YEAR=FILE\n"
    "                        the population of YEAR from its own file (repeatable; the same\n"
    "                        municipalities as POPULATION.csv, matched by name)\n"
    "  --attendance FILE     course days: day, municipality, participants (as for 'pot')\n"
    "  --trainers FILE       trainers: day, municipality, role (as for 'pot')\n"
    "  --fee N               fee per participant and day (default 600, Dalarna 2024)\n"
    "  --pot-part N          the part of the fee that goes to the pot (default 400)\n"
    "  --invoice-date DATE   adds invoice_date and due_date columns (YYYY-MM-DD)\n"
    "  --days N              days to pay (default 30: '30 dagar netto')\n"
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
    const char *items, *attendance, *trainers, *invoice_date, *days, *fee, *pot_part;
    const char *population;
    cli_list population_of; /* YEAR=FILE */
    cli_common common;
} stmt_opts;

/* The items file. */
typedef struct items_in {
    const char *file;
    ycsv_table t;
    size_t n;          /* items (a total row excluded) */
    size_t *row;       /* n: the table row of each item */
    int64_t *amount;   /* n */
    size_t *year;      /* n year indices, NULL without a year column */
    int64_t *year_num; /* nyears distinct years, ascending (one 0 without a year column) */
    size_t nyears;
    size_t *name; /* n: index of the first item with the same name (the output column) */
    size_t item_col;
} items_in;

/* The population file. */
typedef struct pop_in {
    const char *file;
    ycsv_table t;
    cli_parties p;
    int64_t *weights; /* nyears × parties */
} pop_in;

/* The pot settlement, when asked for. */
typedef struct pot_in {
    int64_t *fees, *kickback; /* parties each, NULL without a pot */
} pot_in;

static void items_free(items_in *it)
{
    free(it->row);
    free(it->amount);
    free(it->year);
    free(it->year_num);
    free(it->name);
    ycsv_free(&it->t);
}

static int oom(void)
{
    return cli_fail_usage(NULL, "out of memory");
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

/* A stated total row of the items must equal their sum (yr_check_totals). */
static int check_items_total(const items_in *it, size_t total_row, size_t amount_col)
{
    int64_t stated, sum;
    size_t bad;
    size_t line = ycsv_line(&it->t, total_row);
    if (cli_cell_int64(it->file, &it->t, total_row, amount_col, &stated) != 0)
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

/* One item row: its amount and year. */
static int read_item(items_in *it, size_t r, size_t amount_col, size_t year_col,
                     int64_t *year_value)
{
    it->row[it->n] = r;
    if (cli_cell_int64(it->file, &it->t, r, amount_col, &it->amount[it->n]) != 0)
        return CLI_EXIT_ERROR;
    year_value[it->n] = 0;
    if (year_col != YCSV_NO_COLUMN &&
        cli_cell_int64(it->file, &it->t, r, year_col, &year_value[it->n]) != 0)
        return CLI_EXIT_ERROR;
    it->n++;
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
        cli_column(it->file, &it->t, c, CLI_ROLE_YEAR, 0, &year_col) != 0)
        return CLI_EXIT_ERROR;
    size_t nrows = it->t.nrows;
    int64_t *year_value = malloc(nrows * sizeof *year_value);
    it->row = malloc(nrows * sizeof *it->row);
    it->amount = malloc(nrows * sizeof *it->amount);
    if (year_value == NULL || it->row == NULL || it->amount == NULL) {
        free(year_value);
        return oom();
    }
    int rc = 0;
    for (size_t r = 0; r < nrows && rc == 0; r++) {
        if (!yr_label_is_total(ycsv_cell(&it->t, r, it->item_col)))
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

/* The year at the end of a header ("2024", "Folkmängd 2024"), or -1. */
static int64_t header_year(const char *h)
{
    size_t start, len = yr_label_trim(h, strlen(h), &start), k = len;
    const char *s = h + start;
    while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
        k--;
    if (len - k != 4 || (k > 0 && s[k - 1] != ' '))
        return -1;
    return (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
}

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
            if (k != pp->p.name_col && header_year(pp->t.header[k]) == it->year_num[y])
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

/* Map the parties of a year's file onto those of the population file by name. */
static int map_year_parties(const pop_in *pp, const char *file, const ycsv_table *t,
                            const cli_parties *p, const int64_t *tmp, int64_t *w)
{
    cli_labels names;
    memset(&names, 0, sizeof names);
    int rc = cycle_party_names(&pp->t, &pp->p, &names);
    for (size_t k = 0; rc == 0 && k < p->n; k++) {
        size_t row = cli_party_row(p, k), party;
        const char *name = ycsv_cell(t, row, p->name_col);
        rc = cycle_party_index(&names, pp->p.n, name, &party);
        if (rc == 1) {
            char q[80];
            rc = cli_fail_at(file, ycsv_line(t, row), "municipality %s is not in %s",
                             cli_quote(name, q, sizeof q), pp->file);
        } else if (rc == 0) {
            w[party] = tmp[k];
        }
    }
    cli_labels_free(&names);
    return rc;
}

/* One year's weights from its own file (--population-of): the same municipalities, any order. */
static int read_year_file(const cli_common *c, const pop_in *pp, const char *path, int64_t *w)
{
    const char *file = cli_shown(path);
    ycsv_table t;
    cli_parties p;
    size_t name_col, col;
    unsigned scale;
    if (cli_load(path, &t) != 0)
        return CLI_EXIT_ERROR;
    int64_t *tmp = malloc((t.nrows ? t.nrows : 1) * sizeof *tmp);
    int rc = tmp != NULL ? 0 : oom();
    if (rc == 0)
        rc = cli_column(file, &t, c, CLI_ROLE_NAME, 1, &name_col);
    if (rc == 0)
        rc = cli_find_parties(file, &t, name_col, &p);
    if (rc == 0 && p.n != pp->p.n)
        rc = cli_fail_at(file, 0, "%zu municipalities, but %s has %zu", p.n, pp->file, pp->p.n);
    if (rc == 0)
        rc = cli_weight_column(file, &t, c, &name_col, 1, &col);
    if (rc == 0)
        rc = cli_read_weights(file, &t, &p, col, c, tmp, &scale);
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
        cli_find_parties(pp->file, &pp->t, name_col, &pp->p) != 0)
        return CLI_EXIT_ERROR;
    size_t np = pp->p.n, *cols = malloc(it->nyears * sizeof *cols);
    const char **files = malloc(it->nyears * sizeof *files);
    pp->weights = malloc(it->nyears * np * sizeof *pp->weights);
    int rc = cols && files && pp->weights ? year_files(o, it, files) : oom();
    if (rc == 0)
        rc = year_columns(pp, it, &o->common, files, cols);
    for (size_t y = 0; y < it->nyears && rc == 0; y++) {
        unsigned scale;
        if (files[y] != NULL)
            rc = read_year_file(&o->common, pp, files[y], pp->weights + y * np);
        else
            rc = cli_read_weights(pp->file, &pp->t, &pp->p, cols[y], &o->common,
                                  pp->weights + y * np, &scale);
    }
    free(cols);
    free(files);
    return rc;
}

static void pop_free(pop_in *pp)
{
    free(pp->weights);
    ycsv_free(&pp->t);
}

/* ---- the trainer pot ------------------------------------------------------------------- */

/* The records of the pot: days and municipalities as indices. */
typedef struct pot_read {
    cli_labels names, days;
    size_t np;
    yr_attendance *att;
    yr_trainer *tr;
    size_t natt, ntr;
} pot_read;

/* The party index of the municipality in cell (r, col), matched by yr_label_key. */
static int party_of(const char *file, const ycsv_table *t, size_t r, size_t col, pot_read *pr,
                    size_t *out)
{
    int rc = cycle_party_index(&pr->names, pr->np, ycsv_cell(t, r, col), out);
    if (rc == 1) {
        char q[80];
        return cli_fail_at(file, ycsv_line(t, r), "municipality %s is not in the population file",
                           cli_quote(ycsv_cell(t, r, col), q, sizeof q));
    }
    return rc;
}

static int day_of(const ycsv_table *t, size_t r, size_t col, pot_read *pr, size_t *out)
{
    size_t keylen, k = cli_labels_intern(&pr->days, ycsv_cell(t, r, col), &keylen);
    if (k == SIZE_MAX)
        return oom();
    *out = k;
    return 0;
}

/* Columns day, municipality and a third role of a pot input. */
static int pot_columns(const char *file, const ycsv_table *t, const cli_common *c, cli_role third,
                       size_t cols[3])
{
    if (cli_column(file, t, c, CLI_ROLE_DAY, 1, &cols[0]) != 0 ||
        cli_column(file, t, c, CLI_ROLE_NAME, 1, &cols[1]) != 0 ||
        cli_column(file, t, c, third, 1, &cols[2]) != 0)
        return CLI_EXIT_ERROR;
    return 0;
}

/* Record r of the attendance (participants) or the trainers (role): its third cell. */
static int pot_record(const char *file, const ycsv_table *t, size_t r, size_t col, int trainers,
                      size_t day, size_t party, pot_read *pr)
{
    const char *cell = ycsv_cell(t, r, col);
    if (!trainers) {
        pr->att[r] = (yr_attendance){day, party, 0};
        if (cli_cell_int64(file, t, r, col, &pr->att[r].participants) != 0)
            return CLI_EXIT_ERROR;
        return 0; /* a negative count: the library says so, at this line (settle_pot) */
    }
    pr->tr[r] = (yr_trainer){day, party, YR_ROLE_TRAINER};
    yr_where w;
    if (yr_role_from_name_where(cell, &pr->tr[r].role, &w) != YR_OK)
        return cli_fail_lib(file, ycsv_line(t, r), NULL, &w, NULL);
    return 0;
}

/* The library's refusal of the pot at the record it names: records are the files' rows. */
static int settle_failed(const stmt_opts *o, const ycsv_table files[2], const yr_where *w)
{
    int tr = w->arg != NULL && strcmp(w->arg, "trainers") == 0;
    const ycsv_table *t = &files[tr];
    size_t line = w->record != YR_WHERE_NONE && w->record < t->nrows ? ycsv_line(t, w->record) : 0;
    return cli_fail_lib(cli_shown(tr ? o->trainers : o->attendance), line, NULL, w, NULL);
}

/* Read the attendance (@p trainers 0: day, municipality, participants) or the trainers (1: day,
 * municipality, role) into @p pr. The day labels interned in pr->days point into @p tp, so the
 * caller frees it (ycsv_free) only after the last file was read. */
static int read_pot_file(const char *path, const cli_common *c, int trainers, pot_read *pr,
                         ycsv_table *tp)
{
    const char *file = cli_shown(path);
    size_t cols[3];
    if (cli_load(path, tp) != 0)
        return CLI_EXIT_ERROR;
    const ycsv_table *t = tp;
    int rc = pot_columns(file, t, c, trainers ? CLI_ROLE_ROLE : CLI_ROLE_PARTICIPANTS, cols);
    if (rc == 0 && trainers)
        pr->tr = malloc(t->nrows * sizeof *pr->tr);
    else if (rc == 0)
        pr->att = malloc(t->nrows * sizeof *pr->att);
    if (rc == 0 && (trainers ? pr->tr == NULL : pr->att == NULL))
        rc = oom();
    for (size_t r = 0; r < t->nrows && rc == 0; r++) {
        size_t day = 0, party = 0;
        if (day_of(t, r, cols[0], pr, &day) != 0 ||
            party_of(file, t, r, cols[1], pr, &party) != 0 ||
            pot_record(file, t, r, cols[2], trainers, day, party, pr) != 0)
            rc = CLI_EXIT_ERROR;
    }
    *(trainers ? &pr->ntr : &pr->natt) = t->nrows;
    return rc;
}

/* Dalarna 2024's rules, with --fee and --pot-part when given. */
static int pot_rules(const stmt_opts *o, yr_pot_rules *rules)
{
    yr_pot_rules_dalarna_2024(rules);
    if (o->fee != NULL && cli_opt_int64(CMD, "fee", o->fee, &rules->fee) != 0)
        return CLI_EXIT_ERROR;
    if (o->pot_part != NULL && cli_opt_int64(CMD, "pot-part", o->pot_part, &rules->pot_part) != 0)
        return CLI_EXIT_ERROR;
    return 0;
}

static int settle_pot(const stmt_opts *o, const pop_in *pp, pot_in *pot)
{
    pot_read pr;
    memset(&pr, 0, sizeof pr);
    ycsv_table files[2];
    memset(files, 0, sizeof files);
    yr_pot_rules rules;
    int rc = pot_rules(o, &rules);
    pr.np = pp->p.n;
    if (rc == 0)
        rc = cycle_party_names(&pp->t, &pp->p, &pr.names);
    if (rc == 0 && !cli_labels_init(&pr.days, 100000))
        rc = oom();
    if (rc == 0)
        rc = read_pot_file(o->attendance, &o->common, 0, &pr, &files[0]);
    if (rc == 0)
        rc = read_pot_file(o->trainers, &o->common, 1, &pr, &files[1]);
    yr_pot_row *rows = rc == 0 ? malloc(pr.np * sizeof *rows) : NULL;
    pot->fees = malloc(pr.np * sizeof *pot->fees);
    pot->kickback = malloc(pr.np * sizeof *pot->kickback);
    if (rc == 0 && (rows == NULL || pot->fees == NULL || pot->kickback == NULL))
        rc = oom();
    yr_pot_summary sum;
    yr_where w;
    if (rc == 0 && yr_pot_settle_where(&rules, pr.days.n, pr.np, pr.att, pr.natt, pr.tr, pr.ntr,
                                       rows, &sum, NULL, &w) != YR_OK)
        rc = settle_failed(o, files, &w);
    for (size_t i = 0; rc == 0 && i < pr.np; i++) {
        pot->fees[i] = rows[i].fees;
        pot->kickback[i] = rows[i].kickback;
    }
    if (rc == 0 && sum.undistributed != 0)
        cli_note(cli_shown(o->attendance), 0,
                 "%" PRId64 " of the pot is not paid back: %zu day(s) had participants but no "
                 "trainer",
                 sum.undistributed, sum.days_without_trainer);
    free(rows);
    free(pr.att);
    free(pr.tr);
    cli_labels_free(&pr.names);
    cli_labels_free(&pr.days);
    ycsv_free(&files[0]);
    ycsv_free(&files[1]);
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
    if (yr_due_date_where(y, m, d, days, &dy, &dm, &dd, &w) != YR_OK)
        return cli_fail_lib_usage(CMD, "--invoice-date and --days", &w);
    snprintf(invoice, 16, "%04d-%02d-%02d", y, m, d);
    snprintf(due, 16, "%04d-%02d-%02d", dy, dm, dd);
    return 0;
}

/* ---- the statement --------------------------------------------------------------------- */

/* The computed statement. */
typedef struct stmt_result {
    int64_t *items, *year_totals, *year_sums;
    yr_statement_row *rows, sum;
    char invoice[16], due[16];
} stmt_result;

static void result_free(stmt_result *res)
{
    free(res->items);
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
    res->year_totals = malloc(np * ny * sizeof *res->year_totals);
    res->year_sums = malloc(ny * sizeof *res->year_sums);
    res->rows = malloc(np * sizeof *res->rows);
    if (!res->items || !res->year_totals || !res->year_sums || !res->rows)
        return oom();
    yr_where w;
    yr_status st = yr_statement_where(it->amount, it->year, it->n, pp->weights, ny, np, pot->fees,
                                      pot->kickback, res->items, res->year_totals, res->year_sums,
                                      res->rows, &res->sum, &w);
    return st == YR_OK ? 0 : statement_error(it, pp, st, &w);
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

/* Without years: municipality, items..., total[, fees, kickback, net][, dates]. */
static void write_flat(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res,
                       int with_pot, int with_dates)
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
    cli_out_end_row(o);
    for (size_t r = 0; r <= pp->p.n; r++) {
        int summa = r == pp->p.n;
        cli_out_text(o, summa ? yr_out_text(YR_OUT_SUMMA, o->lang)
                              : ycsv_cell(&pp->t, cli_party_row(&pp->p, r), pp->p.name_col));
        for (size_t i = 0; i < it->n; i++)
            cli_out_money(o, summa ? it->amount[i] : res->items[r * it->n + i]);
        out_line(o, summa ? &res->sum : &res->rows[r], with_pot);
        if (with_dates) {
            cli_out_date(o, summa ? "" : res->invoice);
            cli_out_date(o, summa ? "" : res->due);
        }
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
static void write_years(cli_out *o, const items_in *it, const pop_in *pp, const stmt_result *res)
{
    size_t np = pp->p.n, ny = it->nyears;
    cli_out_name(o, YR_OUT_YEAR);
    cli_out_text(o, pp->t.header[pp->p.name_col]);
    for (size_t k = 0; k < it->n; k++)
        if (it->name[k] == k)
            cli_out_text(o, ycsv_cell(&it->t, it->row[k], it->item_col));
    cli_out_name(o, YR_OUT_TOTAL);
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
                year_cells(o, it, summa ? it->amount : res->items + r * it->n, y);
            else
                for (size_t k = 0; k < it->n; k++)
                    if (it->name[k] == k)
                        cli_out_empty(o);
            if (y < ny)
                cli_out_money(o, summa ? res->year_sums[y] : res->year_totals[r * ny + y]);
            else
                cli_out_money(o, summa ? res->sum.total : res->rows[r].total);
            cli_out_end_row(o);
        }
    }
}

static int check_usage(const stmt_opts *o, size_t nfiles)
{
    if (o->items == NULL)
        return cli_fail_usage(CMD, "--items FILE is needed");
    if (nfiles == 0)
        return cli_fail_usage(CMD, "no POPULATION file");
    if ((o->attendance == NULL) != (o->trainers == NULL))
        return cli_fail_usage(CMD, "--attendance and --trainers go together");
    if (o->days != NULL && o->invoice_date == NULL)
        return cli_fail_usage(CMD, "--days needs --invoice-date");
    if ((o->fee != NULL || o->pot_part != NULL) && o->attendance == NULL)
        return cli_fail_usage(CMD, "--fee and --pot-part need --attendance and --trainers");
    return 0;
}

static int run(const stmt_opts *o, items_in *it, pop_in *pp, pot_in *pot, stmt_result *res)
{
    int rc = read_items(o, it);
    if (rc == 0 && it->year != NULL && (o->attendance != NULL || o->invoice_date != NULL))
        rc = cli_fail_usage(CMD, "--attendance and --invoice-date are for one year's statement, "
                                 "not for items with years");
    if (rc == 0)
        rc = read_population(o, it, pp);
    if (rc == 0 && o->attendance != NULL)
        rc = settle_pot(o, pp, pot);
    if (rc == 0 && o->invoice_date != NULL)
        rc = due_dates(o, res->invoice, res->due);
    if (rc == 0)
        rc = compute(it, pp, pot, res);
    cli_out out;
    if (rc == 0)
        rc = cli_out_open(&out, &o->common.out, YR_TABLE_STATEMENT, &pp->t);
    if (rc != 0)
        return rc;
    if (it->year == NULL)
        write_flat(&out, it, pp, res, pot->fees != NULL, o->invoice_date != NULL);
    else
        write_years(&out, it, pp, res);
    return cli_out_close(&out);
}

int cli_cmd_statement(int argc, char **argv)
{
    stmt_opts o;
    memset(&o, 0, sizeof o);
    const cli_option opts[] = {
        {"items", CLI_OPT_VALUE, &o.items},       {"attendance", CLI_OPT_VALUE, &o.attendance},
        {"trainers", CLI_OPT_VALUE, &o.trainers}, {"invoice-date", CLI_OPT_VALUE, &o.invoice_date},
        {"days", CLI_OPT_VALUE, &o.days},         {"fee", CLI_OPT_VALUE, &o.fee},
        {"pot-part", CLI_OPT_VALUE, &o.pot_part}, {"population-of", CLI_OPT_LIST, &o.population_of},
    };
    size_t nfiles = 0;
    int rc = cli_parse_args(argc, argv, CMD, usage_text, opts, sizeof opts / sizeof opts[0],
                            &o.common, &o.population, 1, &nfiles);
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
