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
    "@OPTIONS@\n"
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
    cli_input in;
    const char *f;
    size_t c_q, c_n, c_yes, c_share, c_target;
    double target; /* --target, NaN when not given */
    double confidence;
} survey_job;

/* The library's names shown as the columns of a survey file. */
static const char *const survey_names[] = {"n", "respondents", NULL};

static size_t line_of(const survey_job *j, size_t row)
{
    return yr_table_row_line(j->in.t, row);
}

/* A share read by the reader (num/den of 1, den a power of ten) as a percentage over 10^scale
 * ("0.775" -> 775 over 10^1: 77.5 %). 0, or -1 when den is no power of ten. */
static int as_percent(const yr_value *v, int64_t *num, unsigned *scale)
{
    unsigned k = 0;
    while (k < 18 && cli_pow10(k) < v->den)
        k++;
    if (cli_pow10(k) != v->den || v->num > INT64_MAX / 100)
        return -1;
    *scale = k > 2 ? k - 2 : 0;
    *num = v->num * cli_pow10(*scale + 2 - k);
    return 0;
}

/* The yes count of a row: the count, or the published share made a whole number of answers
 * (yr_count_from_percent) with a note saying how. */
static int yes_count(const survey_job *j, size_t r, int64_t n, int64_t *yes, cli_buf *note)
{
    yr_value v;
    if (j->c_yes != YR_READ_NONE) { /* 0 to respondents: the library checks it (survey_row) */
        yr_table_value(j->in.t, r, j->c_yes, &v);
        *yes = v.num;
        return 0;
    }
    int64_t num;
    unsigned scale;
    int exact;
    yr_where w;
    yr_table_value(j->in.t, r, j->c_share, &v);
    if (as_percent(&v, &num, &scale) != 0)
        return cli_fail_at(j->f, line_of(j, r), "the share is not a decimal");
    if (yr_count_from_percent_where(num, cli_pow10(scale), n, yes, &exact, &w) != YR_OK) {
        char q[80], context[100];
        snprintf(context, sizeof context, "column %s",
                 cli_quote(yr_table_header(j->in.t, j->c_share), q, sizeof q));
        return cli_fail_lib(j->f, line_of(j, r), context, &w, survey_names);
    }
    stats_put_scaled(note, num, scale);
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
    yr_value v;
    cli_buf_clear(note);
    yr_table_value(j->in.t, r, j->c_n, &v);
    n = v.num;
    if (yes_count(j, r, n, &yes, note) != 0)
        return CLI_EXIT_ERROR;
    if (j->c_target != YR_READ_NONE && yr_table_value(j->in.t, r, j->c_target, &v) == 0 &&
        v.present)
        target = (double)v.num / (double)v.den;
    if (isnan(target))
        return cli_fail_at(j->f, line_of(j, r),
                           "no target: give a target_percent cell or --target");
    yr_goal verdict;
    yr_where w;
    if (yr_goal_check_where(yes, n, target, j->confidence, &verdict, &w) != YR_OK ||
        yr_proportion_where(yes, n, j->confidence, &share, &low, &high, &w) != YR_OK)
        return cli_fail_lib(j->f, line_of(j, r), NULL, &w, survey_names);
    cli_buf q;
    cli_buf_init(&q);
    stats_put_field(out, cli_read_cell(j->in.t, r, j->c_q, &q));
    cli_buf_free(&q);
    cli_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", yes, n);
    double vals[4] = {share, low, high, target};
    for (int k = 0; k < 4; k++) {
        stats_put_num(out, vals[k]);
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

/* The request: the questions, the respondents, the yes answers as a count or a share (yes or
 * yes_share; neither is the reader's error, asked again with the count required), targets. */
static int read_survey(survey_job *j, const char *path, const cli_common *c, const cli_read_opts *r)
{
    yr_read_want want[] = {{YR_ROLE_QUESTION, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                           {YR_ROLE_RESPONDENTS, YR_WANT_REQUIRED},
                           {YR_ROLE_YES, 0u},
                           {YR_ROLE_YES_SHARE, 0u},
                           {YR_ROLE_TARGET, YR_WANT_BLANK_OK}};
    if (cli_read(path, c, r, want, 5, &j->in) != 0)
        return CLI_EXIT_ERROR;
    j->c_yes = yr_table_find_role(j->in.t, YR_ROLE_YES);
    j->c_share = yr_table_find_role(j->in.t, YR_ROLE_YES_SHARE);
    if (j->c_yes == YR_READ_NONE && j->c_share == YR_READ_NONE) {
        cli_input_free(&j->in);
        want[2].flags = YR_WANT_REQUIRED;
        if (cli_read(path, c, r, want, 5, &j->in) != 0)
            return CLI_EXIT_ERROR;
        j->c_yes = yr_table_find_role(j->in.t, YR_ROLE_YES);
    }
    if (j->c_yes != YR_READ_NONE)
        j->c_share = YR_READ_NONE; /* the count, never a share made a count */
    j->c_q = yr_table_find_role(j->in.t, YR_ROLE_QUESTION);
    j->c_n = yr_table_find_role(j->in.t, YR_ROLE_RESPONDENTS);
    j->c_target = yr_table_find_role(j->in.t, YR_ROLE_TARGET);
    return 0;
}

/* The table (twice: a dry run, then the real one; see stats_run). */
static int write_table(void *ctx, stats_out *s)
{
    const survey_job *j = ctx;
    cli_buf note;
    cli_buf_init(&note);
    int rc = 0;
    size_t nq = yr_table_ndata(j->in.t);
    static const cli_cell_type types[] = {CLI_CELL_TEXT,  CLI_CELL_NUMBER, CLI_CELL_NUMBER,
                                          CLI_CELL_SHARE, CLI_CELL_SHARE,  CLI_CELL_SHARE,
                                          CLI_CELL_SHARE, CLI_CELL_TEXT,   CLI_CELL_TEXT};
    stats_header(s, YR_TABLE_STATS_SURVEY, types, NULL);
    for (size_t i = 0; rc == 0 && i < nq; i++) { /* the questions: data rows, never a total */
        rc = survey_row(j, yr_table_data_row(j->in.t, i), &s->b, &note, s->lang);
        stats_flush(s);
    }
    if (rc == 0 && nq == 0)
        rc = cli_fail_at(j->f, 0, "no questions");
    cli_buf_free(&note);
    return rc;
}

int stats_survey(int argc, char **argv)
{
    stats_opts o;
    cli_read_opts r;
    cli_option extra[1 + CLI_READ_NOPTS] = {
        {"target", CLI_OPT_VALUE, &o.target, "T",
         "target for rows without a target_percent cell: 80%, 0.8 or 4/5"}};
    int rc = stats_parse_read(argc, argv, "stats survey", usage, extra, 1, &r, &o);
    if (rc >= 0)
        return rc;
    survey_job j;
    memset(&j, 0, sizeof j);
    j.f = cli_shown(o.file);
    j.target = NAN;
    j.confidence = o.confidence;
    if (o.target != NULL && stats_level("stats survey", "target", o.target, 1, &j.target) != 0)
        return CLI_EXIT_ERROR;
    int quiet = r.quiet;
    r.quiet = 1; /* the reading line once every row is known good */
    rc = read_survey(&j, o.file, &o.common, &r);
    cli_dialect d = cli_read_dialect(j.in.t);
    if (rc == 0)
        rc = stats_run_dialect(&o.common, YR_TABLE_STATS_SURVEY, &d, 0, write_table, &j,
                               quiet ? NULL : &j.in);
    cli_input_free(&j.in);
    return rc;
}
