/* `yrkesresa stats survey`: goals such as "at least 80 % answer yes" judged with their
 * intervals (SPEC §4). */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cmd_stats.h"

static const char *const usage =
    "Usage: yrkesresa stats survey FILE [--confidence 0.95] [--target 80%]\n"
    "\n"
    "Judge goals such as 'at least 80 % answer yes' honestly given the number of respondents:\n"
    "'met' when the Wilson interval's lower bound is at or above the target, 'not met' when its\n"
    "upper bound is below it, else 'inconclusive'.\n"
    "\n"
    "  FILE                  columns question (fråga), respondents (n, antal svarande), the yes\n"
    "                        answers as a count (yes, antal ja) or a share in percent\n"
    "                        (share_yes_percent, andel ja; '77 %' works), and optionally\n"
    "                        target_percent (mål); '-' = stdin\n"
    "  --confidence C        two-sided level in (0, 1) (default 0.95)\n"
    "  --target T            target for rows without a target_percent cell: 80%, 0.8 or 4/5\n"
    "  -h, --help            this help\n"
    "\n"
    "A published share is turned into a whole number of yes answers exactly, with integer\n"
    "arithmetic (yr_count_from_percent): yes = round(share x respondents / 100), half away\n"
    "from zero. When no whole\n"
    "number of answers gives the published share (at its number of decimals) the note says so.\n"
    "Output: @COLUMNS:stats survey@\n"
    "(with --lang sv: @KOLUMNER:stats survey@; verdict @NAMN:met@, @NAMN:not met@ or\n"
    "@NAMN:inconclusive@)\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats survey data/dalarna/manager-survey-2024.csv\n";

typedef struct survey_job {
    const char *f;
    ycsv_table t;
    size_t c_q, c_n, c_yes, c_share, c_target;
    double target; /* --target, NaN when not given */
    double confidence;
} survey_job;

/* The library's names shown as the columns of a survey file. */
static const char *const survey_names[] = {"n", "respondents", NULL};

/* A percentage cell as a fraction in [0, 1]; an error at its line otherwise (the library's
 * rule for a percentage: 0 to 100). */
static int cell_percent(const survey_job *j, size_t row, size_t col, double *out)
{
    cli_decimal d;
    if (cli_cell_decimal(j->f, &j->t, row, col, 1, &d) != 0)
        return CLI_EXIT_ERROR;
    int64_t count;
    int exact;
    yr_where w;
    if (yr_count_from_percent_where(d.num, cli_pow10(d.scale), 1, &count, &exact, &w) != YR_OK) {
        char q[80], context[100];
        snprintf(context, sizeof context, "column %s", cli_quote(j->t.header[col], q, sizeof q));
        return cli_fail_lib(j->f, ycsv_line(&j->t, row), context, &w, survey_names);
    }
    *out = (double)d.num / 100.0 / (double)cli_pow10(d.scale);
    return 0;
}

/* The yes count of a row: the count, or the published share made a whole number of answers
 * (yr_count_from_percent) with a note saying how. */
static int yes_count(const survey_job *j, size_t r, int64_t n, int64_t *yes, cli_buf *note)
{
    if (j->c_yes != YCSV_NO_COLUMN) {
        /* 0 to respondents: the library checks it (survey_row) */
        return cli_cell_int64(j->f, &j->t, r, j->c_yes, yes) != 0 ? CLI_EXIT_ERROR : 0;
    }
    cli_decimal d;
    int exact;
    if (cli_cell_decimal(j->f, &j->t, r, j->c_share, 1, &d) != 0)
        return CLI_EXIT_ERROR;
    yr_where w;
    if (yr_count_from_percent_where(d.num, cli_pow10(d.scale), n, yes, &exact, &w) != YR_OK) {
        char q[80], context[100];
        snprintf(context, sizeof context, "column %s",
                 cli_quote(j->t.header[j->c_share], q, sizeof q));
        return cli_fail_lib(j->f, ycsv_line(&j->t, r), context, &w, survey_names);
    }
    stats_put_scaled(note, d.num, d.scale);
    cli_buf_printf(note, " %% of %" PRId64, n);
    if (exact) {
        cli_buf_printf(note, " = %" PRId64 " yes (rounded)", *yes);
    } else {
        cli_buf_printf(note, " is no whole number of answers; used %" PRId64 "/%" PRId64 " = ",
                       *yes, n);
        stats_put_scaled(note, stats_div_round((cli_i128)*yes * 1000, n), 1);
        cli_buf_puts(note, " %");
    }
    return 0;
}

static int survey_row(const survey_job *j, size_t r, cli_buf *out, cli_buf *note, yr_lang lang)
{
    int64_t n, yes;
    double target = j->target, share, low, high;
    cli_buf_clear(note);
    if (cli_cell_int64(j->f, &j->t, r, j->c_n, &n) != 0)
        return CLI_EXIT_ERROR;
    if (yes_count(j, r, n, &yes, note) != 0)
        return CLI_EXIT_ERROR;
    if (j->c_target != YCSV_NO_COLUMN && !cli_cell_blank(&j->t, r, j->c_target) &&
        cell_percent(j, r, j->c_target, &target) != 0)
        return CLI_EXIT_ERROR;
    if (isnan(target))
        return cli_fail_at(j->f, ycsv_line(&j->t, r),
                           "no target: give a target_percent cell or --target");
    yr_goal verdict;
    yr_where w;
    if (yr_goal_check_where(yes, n, target, j->confidence, &verdict, &w) != YR_OK ||
        yr_proportion_where(yes, n, j->confidence, &share, &low, &high, &w) != YR_OK)
        return cli_fail_lib(j->f, ycsv_line(&j->t, r), NULL, &w, survey_names);
    stats_put_field(out, ycsv_cell(&j->t, r, j->c_q));
    cli_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", yes, n);
    double v[4] = {share, low, high, target};
    for (int k = 0; k < 4; k++) {
        stats_put_num(out, v[k]);
        cli_buf_puts(out, ",");
    }
    static const yr_out_name verdicts[] = {
        [YR_GOAL_MET] = YR_OUT_V_MET,
        [YR_GOAL_NOT_MET] = YR_OUT_V_NOT_MET,
        [YR_GOAL_INCONCLUSIVE] = YR_OUT_V_INCONCLUSIVE,
    };
    cli_buf_printf(out, "%s,", yr_out_text(verdicts[verdict], lang));
    stats_put_field(out, cli_buf_str(note));
    cli_buf_puts(out, "\n");
    return 0;
}

static int columns(survey_job *j, const cli_common *c)
{
    int rc;
    j->c_q = stats_label_column(j->f, &j->t, c, CLI_ROLE_QUESTION, &rc);
    if (rc != 0 || cli_column(j->f, &j->t, c, CLI_ROLE_RESPONDENTS, 1, &j->c_n) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_YES, 0, &j->c_yes) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_YES_SHARE, 0, &j->c_share) != 0 ||
        cli_column(j->f, &j->t, c, CLI_ROLE_TARGET, 0, &j->c_target) != 0)
        return CLI_EXIT_ERROR;
    if (j->c_yes == YCSV_NO_COLUMN && j->c_share == YCSV_NO_COLUMN)
        return cli_fail_at(j->f, j->t.header_line,
                           "missing column 'yes' (a count) or 'share_yes_percent' (andel ja)");
    return 0;
}

/* The table (twice: a dry run, then the real one; see stats_run). */
static int write_table(void *ctx, stats_out *s)
{
    const survey_job *j = ctx;
    cli_buf note;
    cli_buf_init(&note);
    int rc = 0;
    size_t nq = 0;
    static const cli_cell_type types[] = {CLI_CELL_TEXT,  CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_SHARE, CLI_CELL_SHARE,  CLI_CELL_SHARE,
                                          CLI_CELL_SHARE, CLI_CELL_TEXT,   CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_SURVEY, types, NULL);
    for (size_t r = 0; rc == 0 && r < j->t.nrows; r++) {
        if (yr_label_is_total(ycsv_cell(&j->t, r, j->c_q)))
            continue;
        rc = survey_row(j, r, &s->b, &note, s->lang);
        stats_flush(s);
        nq++;
    }
    if (rc == 0 && nq == 0)
        rc = cli_fail_at(j->f, 0, "no questions");
    cli_buf_free(&note);
    return rc;
}

int stats_survey(int argc, char **argv)
{
    stats_opts o;
    const cli_option extra[] = {{"target", CLI_OPT_VALUE, &o.target}};
    int rc = stats_parse(argc, argv, "stats survey", usage, extra, 1, &o);
    if (rc >= 0)
        return rc;
    survey_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.target = NAN;
    j.confidence = o.confidence;
    if (o.target != NULL && stats_level("stats survey", "target", o.target, 1, &j.target) != 0)
        return CLI_EXIT_ERROR;
    if (cli_load(o.file, &j.t) != 0)
        return CLI_EXIT_ERROR;
    rc = columns(&j, &o.common);
    if (rc == 0)
        rc = stats_run(&o.common, YR_TABLE_STATS_SURVEY, &j.t, 0, write_table, &j);
    ycsv_free(&j.t);
    return rc;
}
