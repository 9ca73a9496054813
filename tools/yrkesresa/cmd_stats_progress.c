/* `yrkesresa stats progress`: course progression per municipality and in total, or coverage
 * per inhabitants (SPEC §4). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cmd_stats.h"

static const char *const usage =
    "Usage: yrkesresa stats progress FILE [--confidence 0.95]\n"
    "       yrkesresa stats progress FILE --population P.csv [--course K] [--per N]\n"
    "\n"
    "Course progression: the share of those who completed course k that also completed course\n"
    "k+1, per municipality and in total (from the column sums), with Wilson intervals.\n"
    "With --population: coverage instead, completed course K per N inhabitants.\n"
    "\n"
    "  FILE                  columns municipality and course1_completed, course2_completed, ...\n"
    "                        (other columns are ignored); '-' = stdin\n"
    "@OPTIONS@\n"
    "\n"
    "A Totalt/Summa row is not a municipality: the total is computed from the rows and the\n"
    "stated cells are compared with it (the note names each cell that differs).\n"
    "Output: @COLUMNS:stats progress@\n"
    "   or (--population) @COLUMNS:stats progress --population@\n"
    "(with --lang sv: @KOLUMNER:stats progress@\n"
    "   or @KOLUMNER:stats progress --population@)\n"
    "\n"
    "Examples:\n"
    "  yrkesresa stats progress data/dalarna/course-progress-funktionshinder-2025-04-07.csv\n"
    "  yrkesresa stats progress data/dalarna/course-progress-funktionshinder-2025-04-07.csv \\\n"
    "      --population data/dalarna/population-2021-06.csv\n";

#define MAX_COURSES 64

struct pop_table;

typedef struct prog_job {
    const char *f;
    ycsv_table t;
    size_t c_muni, c_done[MAX_COURSES], nc, total_row;
    double confidence;
    struct pop_table *pt; /* --population, read once */
    size_t cc;            /* coverage: the column of --course */
    int64_t course, per;
} prog_job;

/* ---- coverage --------------------------------------------------------------------------- */

typedef struct pop_table {
    const char *f;
    ycsv_table p;
    size_t c_pop;
    ycsv_join *join; /* the progress table's rows to the population's: by code, else by name */
} pop_table;

/* The population file: its numbers checked, its rows keyed for the progress table's
 * (ycsv_join: by municipality code when both files have one, else by name). */
static int read_population(pop_table *pt, const char *path, const cli_common *c, const prog_job *j)
{
    ycsv_join_side pop = {NULL, &pt->p, 0, YCSV_NO_COLUMN, YCSV_NO_COLUMN};
    ycsv_join_side prog = {j->f, &j->t, j->c_muni, YCSV_NO_COLUMN, YCSV_NO_COLUMN};
    size_t name;
    pt->f = pop.file = cli_shown(path);
    if (cli_load(path, &pt->p) != 0 || cli_column(pt->f, &pt->p, c, CLI_ROLE_NAME, 0, &name) != 0 ||
        cli_column(pt->f, &pt->p, c, CLI_ROLE_WEIGHT, 1, &pt->c_pop) != 0 ||
        cli_column(pt->f, &pt->p, c, CLI_ROLE_CODE, 0, &pop.code_col) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_CODE, 0, &prog.code_col) != 0)
        return CLI_EXIT_ERROR;
    pop.name_col = name == YCSV_NO_COLUMN ? 0 : name;
    for (size_t r = 0; r < pt->p.nrows; r++) {
        int64_t v;
        if (yr_label_is_total(ycsv_cell(&pt->p, r, pop.name_col)))
            continue;
        if (cli_cell_int64(pt->f, &pt->p, r, pt->c_pop, &v) != 0)
            return CLI_EXIT_ERROR;
        if (v < 0)
            return cli_fail_at(pt->f, ycsv_line(&pt->p, r), "a negative population");
    }
    return ycsv_join_open(&pop, &prog, "population", &pt->join);
}

/* The population of row r of the progress table (its municipality looked up). */
static int population_of(pop_table *pt, size_t r, int64_t *pop)
{
    size_t row;
    if (ycsv_join_find(pt->join, r, &row) != 0)
        return CLI_EXIT_ERROR;
    return cli_cell_int64(pt->f, &pt->p, row, pt->c_pop, pop);
}

/* The coverage cells of one municipality: its rate per `per` inhabitants with the interval, or
 * "no population". The counts are the library's to refuse (a negative count, more completed
 * than inhabitants), at the row's line. */
static int coverage_cells(const prog_job *j, size_t r, const char *name, cli_buf *out,
                          int64_t done_k, int64_t pop)
{
    double rate, low, high;
    yr_where w;
    yr_status st =
        yr_coverage_where(done_k, pop, (double)j->per, j->confidence, &rate, &low, &high, &w);
    if (st != YR_OK && st != YR_ERR_EMPTY) /* YR_ERR_EMPTY: nobody lives there */
        return cli_fail_lib(j->f, r == SIZE_MAX ? 0 : ycsv_line(&j->t, r), NULL, &w, NULL);
    stats_put_field(out, name);
    cli_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", done_k, pop);
    if (st != YR_OK) {
        cli_buf_puts(out, ",,,no population");
        return 0;
    }
    stats_put_num(out, rate);
    cli_buf_puts(out, ",");
    stats_put_num(out, low);
    cli_buf_puts(out, ",");
    stats_put_num(out, high);
    cli_buf_puts(out, ",");
    return 0;
}

static int coverage_rows(const prog_job *j, pop_table *pt, size_t cc, stats_out *s, int64_t sums[2])
{
    cli_buf *out = &s->b;
    ycsv_join_reset(pt->join); /* every pass finds each municipality once */
    for (size_t r = 0; r < j->t.nrows; r++) {
        int64_t done_k, pop;
        if (r == j->total_row)
            continue;
        if (population_of(pt, r, &pop) != 0 || cli_cell_int64(j->f, &j->t, r, cc, &done_k) != 0)
            return CLI_EXIT_ERROR;
        if (coverage_cells(j, r, ycsv_cell(&j->t, r, j->c_muni), out, done_k, pop) != 0)
            return CLI_EXIT_ERROR;
        if (__builtin_add_overflow(sums[0], done_k, &sums[0]) ||
            __builtin_add_overflow(sums[1], pop, &sums[1]))
            return cli_fail_at(j->f, ycsv_line(&j->t, r), "%s", yr_strerror(YR_ERR_OVERFLOW));
        cli_buf_puts(out, "\n");
        stats_flush(s);
    }
    return 0;
}

/* The options of coverage and the population file (read once, before the passes). */
static int coverage_setup(prog_job *j, const stats_opts *o, pop_table *pt)
{
    j->course = 1;
    j->per = 1000;
    if (o->course != NULL && (cli_parse_int64(o->course, &j->course) != CLI_NUM_OK ||
                              j->course < 1 || (uint64_t)j->course > j->nc))
        return cli_fail_usage("stats progress",
                              "--course must be 1 to %zu (the courseK_completed columns of %s)",
                              j->nc, j->f);
    if (o->per != NULL && (cli_parse_int64(o->per, &j->per) != CLI_NUM_OK || j->per < 1))
        return cli_fail_usage("stats progress", "--per must be a whole number >= 1, e.g. 1000");
    j->cc = j->c_done[j->course - 1];
    j->pt = pt;
    return read_population(pt, o->population, &o->common, j);
}

static int coverage(void *ctx, stats_out *s)
{
    const prog_job *j = ctx;
    int64_t sums[2] = {0, 0}, stated;
    int present, rc;
    cli_buf *out = &s->b;
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_TEXT};
    char course[24], per[24];
    snprintf(course, sizeof course, "%" PRId64, j->course);
    snprintf(per, sizeof per, "%" PRId64, j->per);
    const char *const suffix[] = {NULL, course, NULL, per, NULL, NULL, NULL};
    stats_header(s, YR_TABLE_STATS_COVERAGE, types, suffix);
    rc = coverage_rows(j, j->pt, j->cc, s, sums);
    if (rc == 0) {
        size_t tr = j->total_row;
        rc = coverage_cells(j, SIZE_MAX,
                            tr != SIZE_MAX ? ycsv_cell(&j->t, tr, j->c_muni)
                                           : yr_out_text(YR_OUT_TOTALT, s->lang),
                            out, sums[0], sums[1]);
    }
    if (rc == 0) {
        size_t tr = j->total_row;
        if (tr != SIZE_MAX &&
            (rc = stats_cell_opt_int(j->f, &j->t, tr, j->cc, &stated, &present)) == 0 && present &&
            stated != sums[0])
            cli_buf_printf(out, "stated %s %" PRId64 " != sum %" PRId64, j->t.header[j->cc], stated,
                           sums[0]);
        cli_buf_puts(out, "\n");
        stats_flush(s);
    }
    return rc;
}

/* ---- progression ------------------------------------------------------------------------ */

/* The completed counts of row r, checked (>= 0, not increasing), added to sums. */
static int row_counts(const prog_job *j, size_t r, int64_t *done_k, int64_t *sums)
{
    for (size_t k = 0; k < j->nc; k++) {
        if (cli_cell_int64(j->f, &j->t, r, j->c_done[k], &done_k[k]) != 0)
            return CLI_EXIT_ERROR;
        if (__builtin_add_overflow(sums[k], done_k[k], &sums[k]))
            return cli_fail_at(j->f, ycsv_line(&j->t, r), "%s", yr_strerror(YR_ERR_OVERFLOW));
    }
    return 0;
}

/* The rows of one municipality (or the total): one per step k -> k+1. */
static void step_rows(const prog_job *j, const char *name, const yr_rate *steps, cli_buf *out,
                      const int64_t *stated, const int *present, const int64_t *sums)
{
    for (size_t k = 0; k + 1 < j->nc; k++) {
        stats_put_field(out, name);
        cli_buf_printf(out, ",%zu,%zu", k + 1, k + 2);
        stats_put_rate(out, &steps[k]);
        if (sums == NULL && steps[k].trials == 0)
            cli_buf_printf(out, "nobody completed course %zu", k + 1);
        for (size_t i = k, first = 1; sums != NULL && i <= k + 1; i++) {
            if (present[i] && stated[i] != sums[i]) {
                cli_buf_printf(out, "%sstated %s %" PRId64 " != sum %" PRId64, first ? "" : "; ",
                               j->t.header[j->c_done[i]], stated[i], sums[i]);
                first = 0;
            }
        }
        cli_buf_puts(out, "\n");
    }
}

static int progression(void *ctx, stats_out *s)
{
    const prog_job *j = ctx;
    cli_buf *out = &s->b;
    int64_t sums[MAX_COURSES] = {0}, done_k[MAX_COURSES], stated[MAX_COURSES];
    int present[MAX_COURSES] = {0};
    yr_rate steps[MAX_COURSES];
    yr_where w;
    size_t nbody = 0;
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_SHARE,
                                          CLI_CELL_SHARE,  CLI_CELL_SHARE,  CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_PROGRESS, types, NULL);
    for (size_t r = 0; r < j->t.nrows; r++, nbody++) {
        if (r == j->total_row) {
            nbody--;
            continue;
        }
        if (row_counts(j, r, done_k, sums) != 0)
            return CLI_EXIT_ERROR;
        /* a negative count, more completed than in the course before: the library's words,
         * counting the courses from 1 */
        if (yr_progression_where(done_k, j->nc, j->confidence, steps, &w) != YR_OK)
            return cli_fail_lib_counted(j->f, ycsv_line(&j->t, r), NULL, &w);
        step_rows(j, ycsv_cell(&j->t, r, j->c_muni), steps, out, NULL, NULL, NULL);
        stats_flush(s);
    }
    if (nbody == 0)
        return cli_fail_at(j->f, 0, "no municipality rows (only a total row)");
    /* The total from the column sums; the stated total row is only compared. */
    for (size_t k = 0; k < j->nc && j->total_row != SIZE_MAX; k++)
        if (stats_cell_opt_int(j->f, &j->t, j->total_row, j->c_done[k], &stated[k], &present[k]) !=
            0)
            return CLI_EXIT_ERROR;
    if (yr_progression_where(sums, j->nc, j->confidence, steps, &w) != YR_OK)
        return cli_fail_lib_counted(j->f, 0, NULL, &w);
    const char *name = j->total_row != SIZE_MAX ? ycsv_cell(&j->t, j->total_row, j->c_muni)
                                                : yr_out_text(YR_OUT_TOTALT, s->lang);
    step_rows(j, name, steps, out, stated, present, sums);
    stats_flush(s);
    return 0;
}

static int columns(prog_job *j, const cli_common *c)
{
    int rc;
    j->c_muni = stats_label_column(j->f, &j->t, c, CLI_ROLE_NAME, &rc);
    if (rc != 0 || stats_total_row(j->f, &j->t, j->c_muni, &j->total_row) != 0)
        return CLI_EXIT_ERROR;
    for (j->nc = 0; j->nc < MAX_COURSES; j->nc++) {
        char name[32];
        snprintf(name, sizeof name, "course%zu_completed", j->nc + 1);
        j->c_done[j->nc] = ycsv_find_column(&j->t, name);
        if (j->c_done[j->nc] == YCSV_NO_COLUMN)
            break;
    }
    return 0;
}

int stats_progress(int argc, char **argv)
{
    stats_opts o;
    const cli_option extra[] = {
        {"population", CLI_OPT_VALUE, &o.population, "P",
         "a file with columns municipality, population (kommun, befolkning, folkmängd, ...); "
         "names are matched as yr_label_key compares them, a cell '2080 Falun' by its name"},
        {"course", CLI_OPT_VALUE, &o.course, "K", "the course for coverage (default 1)"},
        {"per", CLI_OPT_VALUE, &o.per, "N", "coverage per N inhabitants (default 1000)"}};
    int rc = stats_parse(argc, argv, "stats progress", usage, extra, 3, &o);
    if (rc >= 0)
        return rc;
    if (o.population == NULL && (o.course != NULL || o.per != NULL))
        return cli_fail_usage("stats progress", "--course and --per need --population");
    prog_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.confidence = o.confidence;
    if (cli_load(o.file, &j.t) != 0)
        return CLI_EXIT_ERROR;
    pop_table pt;
    memset(&pt, 0, sizeof pt);
    rc = columns(&j, &o.common);
    if (rc == 0 && j.nc < (o.population != NULL ? 1u : 2u))
        rc = cli_fail_at(j.f, j.t.header_line, "missing column '%s'",
                         j.nc == 0 ? "course1_completed" : "course2_completed");
    if (rc == 0 && o.population != NULL)
        rc = coverage_setup(&j, &o, &pt);
    if (rc == 0)
        rc = stats_run(&o.common,
                       o.population != NULL ? YR_TABLE_STATS_COVERAGE : YR_TABLE_STATS_PROGRESS,
                       &j.t, 0, o.population != NULL ? coverage : progression, &j);
    ycsv_free(&pt.p);
    ycsv_join_free(pt.join);
    ycsv_free(&j.t);
    return rc;
}
