/* `yrkesresa pot`: settle a year of course days from two files (attendance and trainers), and
 * `yrkesresa pot --check` a published payout table's total row (the one totals check). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

static const char *const usage_text =
    "Usage: yrkesresa pot --attendance A.csv --trainers T.csv [--fee 600] [--pot 400]\n"
    "                     [--leader-share 1.5] [--trainer-share 1]\n"
    "       yrkesresa pot --check TABLE.csv [--strict]\n"
    "\n"
    "Settle a year of regional course days: the fee per participant and day, the part of it\n"
    "that goes to the trainer pot, and the kickback to the municipalities that lent trainers,\n"
    "shared per day by role, in whole units by largest remainder over the year.\n"
    "\n"
    "  --attendance FILE   columns day, municipality, participants (or datum/dag, kommun,\n"
    "                      deltagare/antal deltagare)\n"
    "  --trainers FILE     columns day, municipality, role (or datum, kommun, roll; role:\n"
    "                      leader/kursledare or trainer/utbildare, any case)\n"
    "  --fee N             fee per participant and course day (default: Dalarna 2024, 600)\n"
    "  --pot N             the part of the fee that goes to the pot (default 400)\n"
    "  --leader-share X    a course leader's share of a day's pot (default 1.5; 1,5 works)\n"
    "  --trainer-share X   a trainer's share (default 1)\n"
    "  --check FILE        compare a published table's total row with the sums of its integer\n"
    "                      columns (as 'yrkesresa stats check'); --strict: exit 1 on a mismatch\n"
    "\n"
    "Days and municipalities are labels matched as the library's yr_label_key compares them\n"
    "(blanks around, no-break spaces, case and '-' do not matter).\n"
    "Output: municipality,participant_days,fees,admin,pot_in,kickback,net, one row per\n"
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
    const char *attendance, *trainers, *check;
    const char *fee, *pot, *leader_share, *trainer_share;
    int strict;
    cli_common common;
} pot_args;

static int parse(int argc, char **argv, pot_args *o)
{
    const cli_option opts[] = {
        {"attendance", CLI_OPT_VALUE, &o->attendance},
        {"trainers", CLI_OPT_VALUE, &o->trainers},
        {"check", CLI_OPT_VALUE, &o->check},
        {"fee", CLI_OPT_VALUE, &o->fee},
        {"pot", CLI_OPT_VALUE, &o->pot},
        {"leader-share", CLI_OPT_VALUE, &o->leader_share},
        {"trainer-share", CLI_OPT_VALUE, &o->trainer_share},
        {"strict", CLI_OPT_FLAG, &o->strict},
    };
    const char *files[1];
    size_t nfiles;
    int rc = cli_parse_args(argc, argv, "pot", usage_text, opts, sizeof opts / sizeof opts[0],
                            &o->common, files, 0, &nfiles);
    if (rc >= 0)
        return rc;
    if (o->check != NULL) {
        if (o->attendance || o->trainers || o->fee || o->pot || o->leader_share || o->trainer_share)
            return cli_fail_usage("pot", "--check takes no settlement options");
        return -1;
    }
    if (o->strict)
        return cli_fail_usage("pot", "--strict goes with --check");
    if (o->attendance == NULL || o->trainers == NULL)
        return cli_fail_usage("pot", "--attendance and --trainers are required");
    if (strcmp(o->attendance, "-") == 0 && strcmp(o->trainers, "-") == 0)
        return cli_fail_usage("pot", "--attendance and --trainers cannot both be standard input "
                                     "('-'): give one of them as a file");
    return -1;
}

/* The rules: Dalarna 2024's (yr_pot_rules_dalarna_2024) changed by the options; the shares
 * as decimals ("1,5") over one common denominator by the library. */
static int make_rules(const pot_args *o, yr_pot_rules *rules)
{
    yr_pot_rules_dalarna_2024(rules);
    /* the default shares are Dalarna's, as fractions of a trainer's share */
    int64_t fee = rules->fee, pot = rules->pot_part, ln = rules->share[YR_ROLE_LEADER],
            ld = rules->share[YR_ROLE_TRAINER], tn = ld, td = ld;
    if ((o->fee && cli_opt_int64("pot", "fee", o->fee, &fee) != 0) ||
        (o->pot && cli_opt_int64("pot", "pot", o->pot, &pot) != 0) ||
        (o->leader_share && cli_opt_fraction("pot", "leader-share", o->leader_share, &ln, &ld)) ||
        (o->trainer_share && cli_opt_fraction("pot", "trainer-share", o->trainer_share, &tn, &td)))
        return CLI_EXIT_ERROR;
    if (!o->leader_share && !o->trainer_share && !o->fee && !o->pot)
        return 0;
    yr_status st = yr_pot_rules_with_shares(fee, pot, ln, ld, tn, td, rules);
    if (st == YR_ERR_NEGATIVE)
        return cli_fail_usage("pot", "--fee, --pot and the shares must not be negative");
    if (st == YR_ERR_RANGE)
        return cli_fail_usage("pot", "--pot must not be larger than --fee");
    if (st != YR_OK)
        return cli_fail_usage("pot", "--leader-share and --trainer-share: %s", yr_strerror(st));
    return 0;
}

/* ---- reading the two files ---------------------------------------------------------------- */

typedef struct pot_input {
    const char *afile, *tfile;
    ycsv_table at, tt;
    cli_labels days, muns;
    uint32_t *day_row, *mun_row; /* where each label first appears: attendance row, or
                                    trainer row + at.nrows */
    size_t ac[3], tc[3];         /* the columns: day, municipality, participants / role */
    yr_attendance *att;
    yr_trainer *tr;
} pot_input;

/* The day and municipality of a row, interned (labels by yr_label_key). */
static int row_labels(pot_input *in, const ycsv_table *t, const char *file, size_t row,
                      const size_t cols[2], uint32_t base, size_t *day, size_t *mun)
{
    cli_labels *set[2] = {&in->days, &in->muns};
    uint32_t *first[2] = {in->day_row, in->mun_row};
    size_t *idx[2] = {day, mun}, kl;
    char q[80];
    for (int k = 0; k < 2; k++) {
        const char *s = ycsv_cell(t, row, cols[k]);
        size_t before = set[k]->n;
        *idx[k] = cli_labels_intern(set[k], s, &kl);
        if (*idx[k] == SIZE_MAX)
            return cli_fail_at(file, 0, "out of memory");
        if (kl == 0)
            return cli_fail_at(file, ycsv_line(t, row), "column %s is empty",
                               cli_quote(t->header[cols[k]], q, sizeof q));
        if (k == 1 && yr_label_is_total(s))
            return cli_fail_at(file, ycsv_line(t, row),
                               "municipality %s is a total row; list municipalities only",
                               cli_quote(s, q, sizeof q));
        if (set[k]->n > before)
            first[k][*idx[k]] = base + (uint32_t)row;
    }
    return 0;
}

/* The columns of a file by role: day, municipality and @p third. */
static int columns(const char *file, const ycsv_table *t, const cli_common *c, cli_role third,
                   size_t cols[3])
{
    const cli_role roles[3] = {CLI_ROLE_DAY, CLI_ROLE_NAME, third};
    for (int k = 0; k < 3; k++)
        if (cli_column(file, t, c, roles[k], 1, &cols[k]) != 0)
            return CLI_EXIT_ERROR;
    return 0;
}

static int read_attendance(pot_input *in)
{
    const size_t *ac = in->ac;
    for (size_t r = 0; r < in->at.nrows; r++) {
        yr_attendance *a = &in->att[r];
        if (row_labels(in, &in->at, in->afile, r, ac, 0, &a->day, &a->municipality) != 0 ||
            cli_cell_int64(in->afile, &in->at, r, ac[2], &a->participants) != 0)
            return CLI_EXIT_ERROR;
    }
    return 0;
}

static int read_trainers(pot_input *in)
{
    const size_t *tc = in->tc;
    char q[80];
    for (size_t r = 0; r < in->tt.nrows; r++) {
        yr_trainer *t = &in->tr[r];
        if (row_labels(in, &in->tt, in->tfile, r, tc, (uint32_t)in->at.nrows, &t->day,
                       &t->municipality) != 0)
            return CLI_EXIT_ERROR;
        const char *role = ycsv_cell(&in->tt, r, tc[2]);
        if (yr_role_from_name(role, &t->role) != YR_OK)
            return cli_fail_at(in->tfile, ycsv_line(&in->tt, r),
                               "column %s: %s is not a role (leader, kursledare, trainer, "
                               "utbildare)",
                               cli_quote(in->tt.header[tc[2]], q, sizeof q),
                               cli_quote(role, q + 40, 40));
    }
    return 0;
}

static int read_inputs(const pot_args *o, pot_input *in)
{
    in->afile = cli_shown(o->attendance);
    in->tfile = cli_shown(o->trainers);
    if (cli_load(o->attendance, &in->at) != 0 || cli_load(o->trainers, &in->tt) != 0 ||
        columns(in->afile, &in->at, &o->common, CLI_ROLE_PARTICIPANTS, in->ac) != 0 ||
        columns(in->tfile, &in->tt, &o->common, CLI_ROLE_ROLE, in->tc) != 0)
        return CLI_EXIT_ERROR;
    size_t na = in->at.nrows, nt = in->tt.nrows;
    in->att = calloc(na, sizeof *in->att);
    in->tr = calloc(nt, sizeof *in->tr);
    in->day_row = malloc((na + nt) * sizeof *in->day_row);
    in->mun_row = malloc((na + nt) * sizeof *in->mun_row);
    if (in->att == NULL || in->tr == NULL || in->day_row == NULL || in->mun_row == NULL ||
        !cli_labels_init(&in->days, na + nt) || !cli_labels_init(&in->muns, na + nt))
        return cli_fail_at(in->afile, 0, "out of memory");
    return read_attendance(in) != 0 || read_trainers(in) != 0 ? CLI_EXIT_ERROR : 0;
}

static void free_inputs(pot_input *in)
{
    ycsv_free(&in->at);
    ycsv_free(&in->tt);
    cli_labels_free(&in->days);
    cli_labels_free(&in->muns);
    free(in->day_row);
    free(in->mun_row);
    free(in->att);
    free(in->tr);
}

/* The label as first written (the trimmed cell of its first appearance), for the output. */
static const char *label_text(const pot_input *in, uint32_t first, int k, cli_buf *b)
{
    int att = first < in->at.nrows;
    const ycsv_table *t = att ? &in->at : &in->tt;
    const char *s = ycsv_cell(t, att ? first : first - in->at.nrows, att ? in->ac[k] : in->tc[k]);
    size_t start, len = yr_label_trim(s, strlen(s), &start);
    cli_buf_clear(b);
    cli_buf_add(b, s + start, len);
    return cli_buf_str(b);
}

/* ---- settling and writing ----------------------------------------------------------------- */

static void money_row(cli_out *o, const char *name, const int64_t v[6])
{
    cli_out_text(o, name);
    for (int k = 0; k < 6; k++)
        cli_out_int(o, v[k]);
    cli_out_end_row(o);
}

/* Only the kickback column of a row (the undistributed pot). */
static void undistributed_row(cli_out *o, const char *name, int64_t v)
{
    cli_out_text(o, name);
    for (int k = 0; k < 4; k++)
        cli_out_empty(o);
    cli_out_int(o, v);
    cli_out_empty(o);
    cli_out_end_row(o);
}

static int write_settlement(const pot_input *in, const cli_common *c, const yr_pot_row *rows,
                            const yr_pot_summary *sum, const int64_t *und)
{
    static const char *const head[] = {"municipality", "participant_days", "fees", "admin",
                                       "pot_in",       "kickback",         "net"};
    cli_out o;
    cli_buf name;
    cli_buf_init(&name);
    if (cli_out_open(&o, &c->out, &in->at) != 0)
        return CLI_EXIT_ERROR;
    for (int k = 0; k < 7; k++)
        cli_out_text(&o, head[k]);
    cli_out_end_row(&o);
    for (size_t m = 0; m < in->muns.n; m++) {
        const yr_pot_row *r = &rows[m];
        int64_t v[6] = {r->participant_days, r->fees, r->admin, r->pot_in, r->kickback, r->net};
        money_row(&o, label_text(in, in->mun_row[m], 1, &name), v);
    }
    int64_t t[6] = {sum->participant_days,    sum->fees, sum->admin, sum->pot_in, sum->kickback,
                    sum->fees - sum->kickback}; /* both fit and are >= 0 */
    money_row(&o, "Totalt", t);
    undistributed_row(&o, "undistributed", sum->undistributed);
    for (size_t d = 0; d < in->days.n; d++) {
        if (und[d] == 0)
            continue;
        cli_buf_clear(&name);
        cli_buf_puts(&name, "undistributed: ");
        char day[256];
        cli_buf tmp;
        cli_buf_init(&tmp);
        snprintf(day, sizeof day, "%s", label_text(in, in->day_row[d], 0, &tmp));
        cli_buf_free(&tmp);
        cli_buf_puts(&name, day);
        undistributed_row(&o, cli_buf_str(&name), und[d]);
    }
    cli_buf_free(&name);
    return cli_out_close(&o);
}

/* Days with trainers and no participants: a warning at the day's first trainer record. */
static void warn_idle_days(const pot_input *in)
{
    size_t nd = in->days.n;
    char *busy = calloc(nd ? nd : 1, 1);
    if (busy == NULL)
        return;
    for (size_t i = 0; i < in->at.nrows; i++)
        busy[in->att[i].day] |= in->att[i].participants > 0;
    for (size_t i = 0; i < in->tt.nrows; i++) {
        size_t d = in->tr[i].day;
        if (busy[d])
            continue;
        busy[d] = 1; /* once per day */
        char q[80];
        cli_buf b;
        cli_buf_init(&b);
        fprintf(stderr,
                "yrkesresa: %s:%zu: warning: day %s has trainers but no participants (nothing "
                "to share)\n",
                in->tfile, ycsv_line(&in->tt, i),
                cli_quote(label_text(in, in->day_row[d], 0, &b), q, sizeof q));
        cli_buf_free(&b);
    }
    free(busy);
}

/* A library error at the record the core names. */
static int settle_failed(const pot_input *in, yr_status st, const yr_where *w)
{
    int tr = w->arg != NULL && strcmp(w->arg, "trainers") == 0;
    const ycsv_table *t = tr ? &in->tt : &in->at;
    size_t line = w->record != YR_WHERE_NONE && w->record < t->nrows ? ycsv_line(t, w->record) : 0;
    if (st == YR_ERR_RANGE && tr && line > 0)
        return cli_fail_at(in->tfile, line,
                           "the day of this trainer has a pot but its trainers' shares are all 0");
    return cli_fail_at(tr ? in->tfile : in->afile, line, "%s", yr_strerror(st));
}

static int settle(const pot_args *o)
{
    yr_pot_rules rules;
    if (make_rules(o, &rules) != 0)
        return CLI_EXIT_ERROR;
    pot_input in;
    memset(&in, 0, sizeof in);
    yr_pot_row *rows = NULL;
    int64_t *und = NULL;
    int rc = read_inputs(o, &in);
    if (rc == 0) {
        rows = calloc(in.muns.n ? in.muns.n : 1, sizeof *rows);
        und = calloc(in.days.n ? in.days.n : 1, sizeof *und);
        if (rows == NULL || und == NULL)
            rc = cli_fail_at(in.afile, 0, "out of memory");
    }
    yr_pot_summary sum;
    yr_where w;
    yr_status st;
    if (rc == 0 && (st = yr_pot_settle_where(&rules, in.days.n, in.muns.n, in.att, in.at.nrows,
                                             in.tr, in.tt.nrows, rows, &sum, und, &w)) != YR_OK)
        rc = settle_failed(&in, st, &w);
    if (rc == 0) {
        rc = write_settlement(&in, &o->common, rows, &sum, und);
        warn_idle_days(&in);
    }
    free(rows);
    free(und);
    free_inputs(&in);
    return rc;
}

int cli_cmd_pot(int argc, char **argv)
{
    pot_args o;
    memset(&o, 0, sizeof o);
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    return o.check != NULL ? cli_check_totals(o.check, &o.common, o.strict) : settle(&o);
}
