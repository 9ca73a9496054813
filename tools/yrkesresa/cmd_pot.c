/* `yrkesresa pot`: settle a year of course days from two files (attendance and trainers), and
 * `yrkesresa pot --check` a published payout table's total row (the one totals check). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cmd_cycle.h"

static const char usage_text[] =
    "Usage: yrkesresa pot --attendance A.csv --trainers T.csv [--fee 600] [--pot 400]\n"
    "                     [--leader-share 1.5] [--trainer-share 1] [--by-day]\n"
    "       yrkesresa pot --check TABLE.csv [--strict]\n"
    "\n"
    "Settle a year of regional course days: the fee per participant and day, the part of it\n"
    "that goes to the trainer pot, and the kickback to the municipalities that lent trainers,\n"
    "shared per day by role, in whole units by largest remainder over the year. The same\n"
    "options and the same settlement as 'yrkesresa statement' (the library's yr_pot_*).\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Days are labels matched as the library's yr_label_key compares them (blanks around,\n"
    "no-break spaces, case and '-' do not matter). A pot is a course day's: the day and,\n"
    "when both files have a course column (Kurs, Pass), the course, compared the same way;\n"
    "a course one file names on a day and the other does not, or two courses on a day when\n"
    "only one file has the column, is an error naming the line. Municipalities are matched\n"
    "by identity: by code when both files have municipality codes, else as the reader\n"
    "knows them ('2080', 'Falu kommun' and 'Falun' are one; case, dashes, blanks and\n"
    "invisible characters do not matter); a code and a name that disagree are an error.\n"
    "Ties go to the municipality that appears first (attendance, then trainers).\n"
    "Output: @COLUMNS:pot@\n"
    "(with --lang sv: @KOLUMNER:pot@), one row per\n"
    "municipality in order of first appearance, then Totalt, then the pot nobody received:\n"
    "a row 'undistributed' (in the kickback column) and one 'undistributed: DAY' per day with\n"
    "participants and no trainer, so pot_in of Totalt = kickback of Totalt + undistributed.\n"
    "Exit status: 0 success, 1 --check --strict found a mismatch, 2 error.\n"
    "\n"
    "Example:\n"
    "  yrkesresa pot --attendance data/examples/pot-2024-attendance.csv \\\n"
    "                --trainers data/examples/pot-2024-trainers.csv\n"
    "  yrkesresa pot --check data/dalarna/trainer-pot-2024-published.csv\n";

typedef struct pot_args {
    cycle_pot_args pot;
    const char *check;
    int strict, by_day;
    cli_common common;
} pot_args;

static int parse(int argc, char **argv, pot_args *o)
{
    cli_option opts[CYCLE_POT_NOPTS + 3];
    size_t n = cycle_pot_options(&o->pot, opts);
    opts[n++] = (cli_option){"by-day", CLI_OPT_FLAG, &o->by_day, NULL,
                             "the kickback per course day and municipality instead (columns "
                             "day, municipality, trainers, kickback, exact): each "
                             "municipality's rows add up to its kickback of the year "
                             "(yr_pot_by_day); 'exact' is the entitlement with 4 decimals"};
    opts[n++] = (cli_option){"check", CLI_OPT_VALUE, &o->check, "FILE",
                             "compare a published table's total row with the sums of its "
                             "integer columns (as 'yrkesresa stats check'); a table pot "
                             "wrote: its undistributed row with pot_in - kickback of Totalt, "
                             "and with its days' rows (undistributed, undistributed: DAY)"};
    opts[n++] = (cli_option){"strict", CLI_OPT_FLAG, &o->strict, NULL,
                             "with --check: exit 1 on a mismatch"};
    const char *files[1];
    size_t nfiles;
    int rc = cli_parse_args(argc, argv, "pot", usage_text, opts, n, &o->common, files, 0, &nfiles);
    if (rc >= 0)
        return rc;
    if (o->check != NULL) {
        if (cycle_pot_wanted(&o->pot) || o->pot.fee || o->pot.pot || o->pot.pot_part ||
            o->pot.leader_share || o->pot.trainer_share || o->by_day)
            return cli_fail_usage("pot", "--check takes no settlement options");
        return -1;
    }
    if (o->strict)
        return cli_fail_usage("pot", "--strict goes with --check");
    if (o->pot.attendance == NULL || o->pot.trainers == NULL)
        return cli_fail_usage("pot", "--attendance and --trainers are required");
    o->common.out.source = cli_shown(o->pot.attendance);
    return cycle_pot_usage("pot", &o->pot) != 0 ? CLI_EXIT_ERROR : -1;
}

/* ---- writing ------------------------------------------------------------------------------ */

static void money_row(cli_out *o, const char *name, const yr_pot_row *r)
{
    const int64_t v[5] = {r->fees, r->admin, r->pot_in, r->kickback, r->net};
    cli_out_text(o, name);
    cli_out_int(o, r->participant_days);
    for (int k = 0; k < 5; k++)
        cli_out_money(o, v[k]);
    cli_out_end_row(o);
}

/* Only the kickback column of a row (the undistributed pot). */
static void undistributed_row(cli_out *o, const char *name, int64_t v)
{
    cli_out_text(o, name);
    for (int k = 0; k < 4; k++)
        cli_out_empty(o);
    cli_out_money(o, v);
    cli_out_empty(o);
    cli_out_end_row(o);
}

static int write_settlement(cycle_pot *p, const cli_common *c)
{
    yr_out_name head[7];
    size_t nhead = yr_out_table_columns(YR_TABLE_POT, head, 7);
    cli_out o;
    if (cli_out_open_dialect(&o, &c->out, YR_TABLE_POT, &p->dialect) != 0)
        return CLI_EXIT_ERROR;
    for (size_t k = 0; k < nhead; k++)
        cli_out_name(&o, head[k]);
    cli_out_end_row(&o);
    for (size_t m = 0; m < p->nmun; m++)
        money_row(&o, cycle_pot_name(p, m), &p->rows[m]);
    const yr_pot_summary *sum = &p->sum;
    const yr_pot_row t = {
        sum->participant_days,    sum->fees, sum->admin, sum->pot_in, sum->kickback,
        sum->fees - sum->kickback}; /* both fit and are >= 0 */
    const char *und_name = yr_out_text(YR_OUT_UNDISTRIBUTED, o.lang);
    money_row(&o, yr_out_text(YR_OUT_TOTALT, o.lang), &t);
    undistributed_row(&o, und_name, sum->undistributed);
    cli_buf name;
    cli_buf_init(&name);
    for (size_t d = 0; d < p->ndays; d++) {
        if (p->und[d] == 0)
            continue;
        cli_buf_clear(&name);
        cli_buf_printf(&name, "%s: %s", und_name, cycle_pot_day(p, d));
        undistributed_row(&o, cli_buf_str(&name), p->und[d]);
    }
    cli_buf_free(&name);
    return cli_out_close(&o);
}

/* `--by-day`: the kickback per course day and municipality (yr_pot_by_day), with the exact
 * entitlement (yr_quota_text, 4 decimals, truncated with "…" when not whole). */
static int write_by_day(cycle_pot *p, const cli_common *c)
{
    size_t n = 0, off = 0;
    yr_where w;
    yr_pot_day_share *e = NULL;
    if (yr_pot_by_day_count(p->acc, &n) != YR_OK || (e = malloc((n ? n : 1) * sizeof *e)) == NULL)
        return cli_fail_at(p->afile, 0, "out of memory");
    if (yr_pot_by_day_where(p->acc, e, n, &off, &w) != YR_OK) {
        free(e);
        return cli_fail_lib(p->tfile, 0, NULL, &w, NULL);
    }
    cli_out o;
    int rc = cli_out_open_dialect(&o, &c->out, YR_TABLE_POT, &p->dialect);
    if (rc != 0) {
        free(e);
        return rc;
    }
    cli_out_name(&o, YR_OUT_DAY);
    cli_out_name(&o, YR_OUT_MUNICIPALITY);
    cli_out_name(&o, YR_OUT_TRAINERS);
    cli_out_name(&o, YR_OUT_KICKBACK);
    cli_out_name(&o, YR_OUT_EXACT);
    cli_out_end_row(&o);
    for (size_t k = 0; k < n; k++) {
        char q[YR_NUMBER_TEXT_MAX];
        cli_out_cell(&o, cycle_pot_day(p, e[k].day), CLI_CELL_GUESS);
        cli_out_text(&o, cycle_pot_name(p, e[k].municipality));
        cli_out_int(&o, (int64_t)e[k].trainers);
        cli_out_money(&o, e[k].kickback);
        if (yr_quota_text(e[k].quota_whole, e[k].quota_rem, e[k].quota_den, 4, q, sizeof q) !=
            YR_OK)
            q[0] = '\0';
        cli_out_text(&o, q);
        cli_out_end_row(&o);
    }
    cli_out_text(&o, yr_out_text(YR_OUT_TOTALT, o.lang));
    cli_out_empty(&o);
    cli_out_empty(&o);
    cli_out_money(&o, p->sum.kickback);
    cli_out_empty(&o);
    cli_out_end_row(&o);
    free(e);
    if (off != 0)
        cli_note(p->afile, 0,
                 "%zu day(s) whose rows do not add up to the day's pot: the year's rounding "
                 "gave units no day could pay (see yr_pot_by_day)",
                 off);
    return cli_out_close(&o);
}

static int settle(const pot_args *o)
{
    cycle_pot p;
    int rc = cycle_pot_settle("pot", &o->pot, &o->common, NULL, &p);
    if (rc == 0)
        rc = o->by_day ? write_by_day(&p, &o->common) : write_settlement(&p, &o->common);
    cycle_pot_free(&p);
    return rc;
}

int cli_cmd_pot(int argc, char **argv)
{
    pot_args o;
    memset(&o, 0, sizeof o);
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    return o.check != NULL ? cli_check_totals(o.check, &o.common, NULL, o.strict) : settle(&o);
}
