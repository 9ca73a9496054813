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

typedef struct prog_job {
    cli_input in;
    const char *f;
    size_t c_muni, c_done[MAX_COURSES], nc, total_row; /* total_row: a table row or SIZE_MAX */
    int64_t *done[MAX_COURSES]; /* per course: the data rows' counts (the one grammar) */
    double confidence;
    size_t cc; /* coverage: the course of --course, from 0 */
    int64_t course, per;
    int64_t *pop; /* coverage: per data row, its municipality's population */
    int quiet;    /* --quiet: no reading lines */
} prog_job;

static size_t line_of(const prog_job *j, size_t row)
{
    return yr_table_row_line(j->in.t, row);
}

/* The label of row @p row (a municipality or the total) into @p b. */
static const char *label_of(const prog_job *j, size_t row, cli_buf *b)
{
    return cli_read_cell(j->in.t, row, j->c_muni, b);
}

/* The stated total of course @p k (the total row's cell, read in the whole-number grammar
 * under its column's header); *present 0 when there is no total row or the cell is blank. */
static int stated_total(const prog_job *j, size_t k, int64_t *v, int *present)
{
    cli_buf b;
    yr_value x;
    yr_read_error e;
    *present = 0;
    *v = 0;
    if (j->total_row == SIZE_MAX)
        return 0;
    cli_buf_init(&b);
    const char *s = cli_read_cell(j->in.t, j->total_row, j->c_done[k], &b), *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *head = yr_table_header(j->in.t, j->c_done[k]);
    char what[128], q[80];
    snprintf(what, sizeof what, "column %s", cli_quote(head, q, sizeof q));
    int rc = 0;
    if (*p != '\0' && yr_read_value(s, YR_KIND_WHOLE, head, what, &x, &e) != YR_READ_OK) {
        e.line = line_of(j, j->total_row);
        rc = cli_read_fail(j->f, &e);
    } else if (*p != '\0') {
        *present = 1;
        *v = x.num;
    }
    cli_buf_free(&b);
    return rc;
}

/* ---- coverage --------------------------------------------------------------------------- */

/* The population file, read by the reader (municipality, code, population or weight), joined
 * to the progress table's municipalities by identity (yr_table_join: SCB code when both have
 * one, else the normalised name); j->pop[i] is data row i's population. */
static int read_population(prog_job *j, const char *path, const cli_common *c,
                           const cli_read_opts *r)
{
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_CODE, 0u},
                                 {YR_ROLE_POPULATION, 0u},
                                 {YR_ROLE_WEIGHT, 0u}};
    cli_input pop;
    cli_read_opts rp = *r;
    rp.quiet = j->quiet;
    size_t col, nd = yr_table_ndata(j->in.t);
    int64_t *vals = NULL, den = 1;
    size_t *map = malloc((nd ? nd : 1) * sizeof *map);
    yr_read_error e;
    int rc = map == NULL ? cli_fail_at(j->f, 0, "out of memory") : 0;
    if (rc == 0 && (rc = cli_read(path, c, &rp, want, 4, &pop)) != 0) {
        free(map);
        return rc;
    }
    if (rc == 0)
        rc = cli_read_weight_column(&pop, c, &col);
    if (rc == 0 && col == YR_READ_NONE)
        rc = cli_fail_at(pop.file, cli_read_header_line(pop.t),
                         "no population column (befolkning, invånare, folkmängd, population; or "
                         "--column population=HEADER)");
    if (rc == 0)
        rc = cli_read_column(&pop, col, &vals, &den);
    if (rc == 0 && den != 1)
        rc = cli_fail_at(pop.file, cli_read_header_line(pop.t),
                         "the population must be whole numbers");
    if (rc == 0 && yr_table_join(pop.t, j->in.t, "population", 1, map, &e) != YR_READ_OK)
        rc = cli_read_fail(j->f, &e);
    j->pop = rc == 0 ? malloc((nd ? nd : 1) * sizeof *j->pop) : NULL;
    if (rc == 0 && j->pop == NULL)
        rc = cli_fail_at(j->f, 0, "out of memory");
    for (size_t i = 0; rc == 0 && i < nd; i++)
        j->pop[i] = vals[map[i]];
    free(vals);
    free(map);
    cli_input_free(&pop);
    return rc;
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
        return cli_fail_lib(j->f, r == SIZE_MAX ? 0 : line_of(j, r), NULL, &w, NULL);
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

static int coverage_rows(const prog_job *j, stats_out *s, int64_t sums[2], cli_buf *name)
{
    cli_buf *out = &s->b;
    for (size_t i = 0; i < yr_table_ndata(j->in.t); i++) {
        size_t r = yr_table_data_row(j->in.t, i);
        int64_t done_k = j->done[j->cc][i], pop = j->pop[i];
        if (coverage_cells(j, r, label_of(j, r, name), out, done_k, pop) != 0)
            return CLI_EXIT_ERROR;
        if (__builtin_add_overflow(sums[0], done_k, &sums[0]) ||
            __builtin_add_overflow(sums[1], pop, &sums[1]))
            return cli_fail_at(j->f, line_of(j, r), "%s", yr_strerror(YR_ERR_OVERFLOW));
        cli_buf_puts(out, "\n");
        stats_flush(s);
    }
    return 0;
}

/* The options of coverage and the population file (read once, before the passes). */
static int coverage_setup(prog_job *j, const stats_opts *o, const cli_read_opts *r)
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
    j->cc = (size_t)(j->course - 1);
    return read_population(j, o->population, &o->common, r);
}

static int coverage(void *ctx, stats_out *s)
{
    const prog_job *j = ctx;
    int64_t sums[2] = {0, 0}, stated;
    int present, rc;
    cli_buf *out = &s->b, name;
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_TEXT};
    char course[24], per[24];
    snprintf(course, sizeof course, "%" PRId64, j->course);
    snprintf(per, sizeof per, "%" PRId64, j->per);
    const char *const suffix[] = {NULL, course, NULL, per, NULL, NULL, NULL};
    stats_header(s, YR_TABLE_STATS_COVERAGE, types, suffix);
    cli_buf_init(&name);
    rc = coverage_rows(j, s, sums, &name);
    size_t tr = j->total_row;
    if (rc == 0)
        rc = coverage_cells(j, SIZE_MAX,
                            tr != SIZE_MAX ? label_of(j, tr, &name)
                                           : yr_out_text(YR_OUT_TOTALT, s->lang),
                            out, sums[0], sums[1]);
    if (rc == 0 && (rc = stated_total(j, j->cc, &stated, &present)) == 0) {
        if (present && stated != sums[0])
            cli_buf_printf(out, "stated %s %" PRId64 " != sum %" PRId64,
                           yr_table_header(j->in.t, j->c_done[j->cc]), stated, sums[0]);
        cli_buf_puts(out, "\n");
        stats_flush(s);
    }
    cli_buf_free(&name);
    return rc;
}

/* ---- progression ------------------------------------------------------------------------ */

/* The completed counts of data row i, added to sums. */
static int row_counts(const prog_job *j, size_t i, int64_t *done_k, int64_t *sums)
{
    for (size_t k = 0; k < j->nc; k++) {
        done_k[k] = j->done[k][i];
        if (__builtin_add_overflow(sums[k], done_k[k], &sums[k]))
            return cli_fail_at(j->f, line_of(j, yr_table_data_row(j->in.t, i)), "%s",
                               yr_strerror(YR_ERR_OVERFLOW));
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
                               yr_table_header(j->in.t, j->c_done[i]), stated[i], sums[i]);
                first = 0;
            }
        }
        cli_buf_puts(out, "\n");
    }
}

/* The total from the column sums; the stated total row is only compared. */
static int progression_total(const prog_job *j, stats_out *s, const int64_t *sums, cli_buf *name)
{
    int64_t stated[MAX_COURSES];
    int present[MAX_COURSES] = {0};
    yr_rate steps[MAX_COURSES];
    yr_where w;
    for (size_t k = 0; k < j->nc; k++)
        if (stated_total(j, k, &stated[k], &present[k]) != 0)
            return CLI_EXIT_ERROR;
    if (yr_progression_where(sums, j->nc, j->confidence, steps, &w) != YR_OK)
        return cli_fail_lib_counted(j->f, 0, NULL, &w);
    step_rows(j,
              j->total_row != SIZE_MAX ? label_of(j, j->total_row, name)
                                       : yr_out_text(YR_OUT_TOTALT, s->lang),
              steps, &s->b, stated, present, sums);
    stats_flush(s);
    return 0;
}

static int progression(void *ctx, stats_out *s)
{
    const prog_job *j = ctx;
    int64_t sums[MAX_COURSES] = {0}, done_k[MAX_COURSES];
    yr_rate steps[MAX_COURSES];
    yr_where w;
    cli_buf name;
    int rc = 0;
    static const cli_cell_type types[] = {CLI_CELL_TEXT,   CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_NUMBER, CLI_CELL_NUMBER, CLI_CELL_SHARE,
                                          CLI_CELL_SHARE,  CLI_CELL_SHARE,  CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_PROGRESS, types, NULL);
    cli_buf_init(&name);
    for (size_t i = 0; rc == 0 && i < yr_table_ndata(j->in.t); i++) {
        size_t r = yr_table_data_row(j->in.t, i);
        rc = row_counts(j, i, done_k, sums);
        /* a negative count, more completed than in the course before: the library's words,
         * counting the courses from 1 */
        if (rc == 0 && yr_progression_where(done_k, j->nc, j->confidence, steps, &w) != YR_OK)
            rc = cli_fail_lib_counted(j->f, line_of(j, r), NULL, &w);
        if (rc == 0)
            step_rows(j, label_of(j, r, &name), steps, &s->b, NULL, NULL, NULL);
        stats_flush(s);
    }
    if (rc == 0 && yr_table_ndata(j->in.t) == 0)
        rc = cli_fail_at(j->f, 0, "no municipality rows (only a total row)");
    if (rc == 0)
        rc = progression_total(j, s, sums, &name);
    cli_buf_free(&name);
    return rc;
}

/* The progress table: its municipalities (one row each, by identity), its total row (one at
 * most; other aggregates are neither municipalities nor summed) and its courseK_completed
 * columns read as whole numbers in the one grammar. */
static int read_progress(prog_job *j, const char *path, const cli_common *c, const cli_read_opts *r)
{
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_CODE, 0u}};
    if (cli_read(path, c, r, want, 2, &j->in) != 0)
        return CLI_EXIT_ERROR;
    j->c_muni = yr_table_find_role(j->in.t, YR_ROLE_MUNICIPALITY);
    if (cli_read_total_row(&j->in, 0, &j->total_row) != 0)
        return CLI_EXIT_ERROR;
    for (j->nc = 0; j->nc < MAX_COURSES; j->nc++) {
        char name[32];
        snprintf(name, sizeof name, "course%zu_completed", j->nc + 1);
        j->c_done[j->nc] = cli_read_find_column(j->in.t, name);
        if (j->c_done[j->nc] == YR_READ_NONE)
            break;
        if (cli_read_whole_column(&j->in, j->c_done[j->nc], 0, 0, &j->done[j->nc]) != 0)
            return CLI_EXIT_ERROR;
    }
    return 0;
}

int stats_progress(int argc, char **argv)
{
    stats_opts o;
    cli_read_opts r;
    cli_option extra[3 + CLI_READ_NOPTS] = {
        {"population", CLI_OPT_VALUE, &o.population, "P",
         "a file with columns municipality, population (kommun, befolkning, folkmängd, ...); "
         "joined by the reader's identity: the SCB code when both files have one, else the name "
         "('Falu kommun' is Falun)"},
        {"course", CLI_OPT_VALUE, &o.course, "K", "the course for coverage (default 1)"},
        {"per", CLI_OPT_VALUE, &o.per, "N", "coverage per N inhabitants (default 1000)"}};
    int rc = stats_parse_read(argc, argv, "stats progress", usage, extra, 3, &r, &o);
    if (rc >= 0)
        return rc;
    if (o.population == NULL && (o.course != NULL || o.per != NULL))
        return cli_fail_usage("stats progress", "--course and --per need --population");
    prog_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.confidence = o.confidence;
    j.quiet = r.quiet;
    r.quiet = 1; /* the reading line once every row is known good */
    rc = read_progress(&j, o.file, &o.common, &r);
    if (rc == 0 && j.nc < (o.population != NULL ? 1u : 2u))
        rc = cli_fail_at(j.f, cli_read_header_line(j.in.t), "missing column '%s'",
                         j.nc == 0 ? "course1_completed" : "course2_completed");
    if (rc == 0 && o.population != NULL)
        rc = coverage_setup(&j, &o, &r);
    cli_dialect d = cli_read_dialect(j.in.t);
    if (rc == 0)
        rc = stats_run_dialect(
            &o.common, o.population != NULL ? YR_TABLE_STATS_COVERAGE : YR_TABLE_STATS_PROGRESS, &d,
            0, o.population != NULL ? coverage : progression, &j, j.quiet ? NULL : &j.in);
    for (size_t k = 0; k < MAX_COURSES; k++)
        free(j.done[k]);
    free(j.pop);
    cli_input_free(&j.in);
    return rc;
}
