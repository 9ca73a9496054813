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
    "  --attendance FILE     columns day, municipality, participants (or datum/dag, kommun,\n"
    "                        deltagare/antal deltagare)\n"
    "  --trainers FILE       columns day, municipality, role (or datum, kommun, roll; role:\n"
    "                        leader/kursledare or trainer/utbildare, any case)\n"
    "  --fee N               fee per participant and course day (default: Dalarna 2024, 600)\n"
    "  --pot N               the part of the fee that goes to the pot (default 400)\n"
    "  --leader-share X      a course leader's share of a day's pot (default 1.5; 1,5 works)\n"
    "  --trainer-share X     a trainer's share (default 1)\n"
    "  --check FILE          compare a published table's total row with the sums of its integer\n"
    "                        columns (as 'yrkesresa stats check'); --strict: exit 1 on a mismatch\n"
    "\n"
    "Days and municipalities are labels matched as the library's yr_label_key compares them\n"
    "(blanks around, no-break spaces, case and '-' do not matter).\n"
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
    o->common.out.source = o->attendance ? cli_shown(o->attendance) : NULL;
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
    yr_where w;
    if (yr_pot_rules_with_shares_where(fee, pot, ln, ld, tn, td, rules, &w) != YR_OK)
        return cli_fail_lib_usage("pot", NULL, &w); /* "--pot 400 is larger than --fee 300" */
    return 0;
}

/* ---- reading the two files ---------------------------------------------------------------- */

/* Memory (issue 11: at most 3x the files). The library settles only the municipalities with
 * trainers (their kickbacks need the year's exact sums) plus one more that stands for all the
 * others: their participants are added up per day, which is all the days' pots depend on. The
 * others' rows are settled when written, a block at a time (settle_block). */
/* An attendance record while the table is in memory: 16 bytes, widened to the library's 24
 * once the table's index is freed. */
typedef struct pot_rec {
    uint32_t day, mun;
    int64_t participants;
} pot_rec;

typedef struct pot_input {
    const char *afile, *tfile;
    ycsv_table at, tt;
    cli_labels days, muns;  /* labels by yr_label_key, in order of first appearance */
    cli_labels tmuns;       /* the trainers' municipalities, to sort the attendance rows */
    size_t ntmuns;          /* labels of tmuns that come from the trainer file */
    size_t ac[3], tc[3];    /* the columns: day, municipality, participants / role */
    ycsv_join_side side[2]; /* the attendance's and the trainers' municipality columns */
    char *codes;            /* joined by code: "0000" .. "9999", the labels interned */
    const char **names;     /* joined by code: each municipality's first name cell */
    pot_rec *rec;           /* records of municipalities with trainers, then one per day */
    size_t nrec, rec_cap;
    yr_attendance *att; /* the same records widened for the library (widen_records) */
    size_t natt;
    size_t day_cap;       /* entries of bucket and df */
    int64_t *pd;          /* per municipality without trainers: its participant-days */
    int64_t *bucket;      /* per day: the participants of municipalities without trainers */
    unsigned char *df;    /* per day: 1 has such participants, 2 has participants > 0 */
    unsigned char *first; /* bit per attendance row: its municipality is new there */
    uint64_t total;       /* participant-days so far (the library's check, in its order) */
    yr_status att_st;     /* the first error the library would find in the attendance */
    size_t att_line;      /* and its line (0: none) */
    yr_trainer *tr;
    uint32_t *compact; /* per municipality: 1 + its index among those with trainers, or 0 */
    size_t ncompact;   /* municipalities with trainers; the one for the others comes next */
} pot_input;

/* Intern a label, growing the set when it is full (capacities 2^k - 1: a full table of slots
 * stays half empty); the labels keep their numbers. */
static size_t intern_grow(cli_labels *set, const char *s, size_t *kl)
{
    size_t i = cli_labels_intern(set, s, kl), k;
    if (i != SIZE_MAX || set->n < set->cap)
        return i;
    cli_labels bigger;
    if (!cli_labels_init(&bigger, 2 * set->cap + 1))
        return SIZE_MAX;
    for (size_t j = 0; j < set->n; j++) /* the same labels in the same order */
        cli_labels_intern(&bigger, set->label[j], &k);
    cli_labels_free(set);
    *set = bigger;
    return cli_labels_intern(set, s, kl);
}

/* Intern a day; the per-day arrays grow with the set. */
static size_t intern_day(pot_input *in, const char *s, size_t *kl)
{
    size_t d = intern_grow(&in->days, s, kl), cap = in->days.cap;
    if (d == SIZE_MAX || cap <= in->day_cap)
        return d;
    int64_t *b = realloc(in->bucket, cap * sizeof *b);
    in->bucket = b != NULL ? b : in->bucket;
    unsigned char *f = realloc(in->df, cap);
    in->df = f != NULL ? f : in->df;
    if (b == NULL || f == NULL)
        return SIZE_MAX;
    memset(in->bucket + in->day_cap, 0, (cap - in->day_cap) * sizeof *b);
    memset(in->df + in->day_cap, 0, cap - in->day_cap);
    in->day_cap = cap;
    return d;
}

/* What a municipality is known by in row @p row of file @p f (0 attendance, 1 trainers): its
 * code when both files have codes (ycsv_join_has_codes: "2080" for `2080 Falun` or a kod
 * column), else its name cell (compared by yr_label_key). 0 or 2. */
static int mun_key(const pot_input *in, int f, size_t row, const char **key)
{
    const ycsv_join_side *s = &in->side[f];
    int code;
    *key = ycsv_cell(s->t, row, s->name_col);
    if (in->codes == NULL || yr_label_is_total(*key)) /* a total row is refused by row_labels */
        return 0;
    if (ycsv_join_row_code(s, row, &code) != 0)
        return CLI_EXIT_ERROR;
    *key = in->codes + 5 * (size_t)code;
    return 0;
}

/* The day and municipality of row @p row of file @p f, interned (labels by yr_label_key). */
static int row_labels(pot_input *in, int f, size_t row, size_t *day, size_t *mun)
{
    const ycsv_table *t = in->side[f].t;
    const char *file = in->side[f].file, *key;
    const size_t *cols = f == 0 ? in->ac : in->tc;
    size_t *idx[2] = {day, mun}, kl, before = in->muns.n;
    char q[80];
    if (mun_key(in, f, row, &key) != 0)
        return CLI_EXIT_ERROR;
    for (int k = 0; k < 2; k++) {
        const char *s = ycsv_cell(t, row, cols[k]);
        *idx[k] = k == 0 ? intern_day(in, s, &kl) : intern_grow(&in->muns, key, &kl);
        if (*idx[k] == SIZE_MAX)
            return cli_fail_at(file, 0, "out of memory");
        if (kl == 0)
            return cli_fail_at(file, ycsv_line(t, row), "column %s is empty",
                               cli_quote(t->header[cols[k]], q, sizeof q));
        if (k == 1 && yr_label_is_total(s))
            return cli_fail_at(file, ycsv_line(t, row),
                               "municipality %s is a total row; list municipalities only",
                               cli_quote(s, q, sizeof q));
    }
    if (in->names != NULL && in->muns.n > before)
        in->names[*mun] = ycsv_cell(t, row, cols[1]);
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

/* Add a record for the library (municipalities with trainers, and the per-day sums). */
static int push_rec(pot_input *in, size_t day, size_t mun, int64_t participants)
{
    if (in->nrec == in->rec_cap) {
        size_t cap = in->rec_cap ? 2 * in->rec_cap : 1024;
        pot_rec *a = realloc(in->rec, cap * sizeof *a);
        if (a == NULL)
            return cli_fail_at(in->afile, 0, "out of memory");
        in->rec = a;
        in->rec_cap = cap;
    }
    in->rec[in->nrec++] = (pot_rec){(uint32_t)day, (uint32_t)mun, participants};
    return 0;
}

/* The records as the library's yr_attendance, widened in place from the last one down (the
 * i-th lands at or after where it was, past every record below it). */
static int widen_records(pot_input *in)
{
    size_t n = in->nrec;
    unsigned char *b = realloc(in->rec, (n ? n : 1) * sizeof(yr_attendance));
    if (b == NULL)
        return cli_fail_at(in->afile, 0, "out of memory");
    in->rec = NULL;
    for (size_t i = n; i-- > 0;) {
        pot_rec r;
        memcpy(&r, b + i * sizeof r, sizeof r);
        yr_attendance a = {r.day, r.mun, r.participants};
        memcpy(b + i * sizeof a, &a, sizeof a);
    }
    in->att = (yr_attendance *)(void *)b;
    in->natt = n;
    return 0;
}

/* Participants of a municipality without trainers: to its participant-days and its day's sum
 * (both below the year's total, checked to fit by add_participants). */
static void add_other(pot_input *in, size_t day, size_t mun, int64_t p)
{
    in->pd[mun] += p;
    in->bucket[day] += p;
    in->df[day] |= 1;
}

/* The checks yr_pot_settle makes on the attendance, in its order: a negative count at its
 * line, or the year's participant-days beyond int64 (no line). The first one is kept. */
static void add_participants(pot_input *in, size_t row, int64_t p)
{
    if (in->att_st != YR_OK)
        return;
    if (p < 0) {
        in->att_st = YR_ERR_NEGATIVE;
        in->att_line = ycsv_line(&in->at, row);
    } else if ((in->total += (uint64_t)p) > (uint64_t)INT64_MAX) {
        in->att_st = YR_ERR_OVERFLOW;
    }
}

/* The attendance, first pass: the labels, every cell and the library's checks. */
static int read_attendance(pot_input *in)
{
    const size_t *ac = in->ac;
    for (size_t r = 0; r < in->at.nrows; r++) {
        size_t day, mun, before = in->muns.n;
        int64_t p;
        if (row_labels(in, 0, r, &day, &mun) != 0 ||
            cli_cell_int64(in->afile, &in->at, r, ac[2], &p) != 0)
            return CLI_EXIT_ERROR;
        if (in->muns.n > before)
            in->first[r / 8] |= (unsigned char)(1u << (r % 8));
        add_participants(in, r, p); /* reported after the trainers, as the library would */
        in->df[day] |= p > 0 ? 2 : 0;
    }
    return 0;
}

/* The attendance, second pass (every cell known good, the line numbers gone): the records of
 * municipalities with trainers for the library, the participants of the others added up. */
static int sort_attendance(pot_input *in)
{
    const size_t *ac = in->ac;
    in->pd = calloc(in->muns.n ? in->muns.n : 1, sizeof *in->pd);
    if (in->pd == NULL)
        return cli_fail_at(in->afile, 0, "out of memory");
    size_t next = 0; /* the municipalities new in the attendance are numbered in row order */
    for (size_t r = 0; r < in->at.nrows; r++) {
        size_t kl, day = intern_day(in, ycsv_cell(&in->at, r, ac[0]), &kl);
        const char *m;
        mun_key(in, 0, r, &m); /* known good: read_attendance */
        size_t mun =
            (in->first[r / 8] >> (r % 8)) & 1 ? next++ : cli_labels_intern(&in->muns, m, &kl);
        size_t t = cli_labels_intern(&in->tmuns, m, &kl);
        int64_t p = 0;
        cli_parse_int64(ycsv_cell(&in->at, r, ac[2]), &p);
        if (t != SIZE_MAX && t < in->ntmuns) {
            if (push_rec(in, day, mun, p) != 0)
                return CLI_EXIT_ERROR;
        } else {
            add_other(in, day, mun, p);
        }
    }
    return 0;
}

static int read_trainers(pot_input *in)
{
    const size_t *tc = in->tc;
    char q[80];
    for (size_t r = 0; r < in->tt.nrows; r++) {
        yr_trainer *t = &in->tr[r];
        if (row_labels(in, 1, r, &t->day, &t->municipality) != 0)
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

/* The municipality columns of the two files; by code when both have codes (issue 14.4). */
static int join_columns(pot_input *in, const cli_common *c)
{
    const ycsv_table *t[2] = {&in->at, &in->tt};
    const char *file[2] = {in->afile, in->tfile};
    int both = 1;
    for (int f = 0; f < 2; f++) {
        ycsv_join_side *s = &in->side[f];
        *s = (ycsv_join_side){file[f], t[f], f == 0 ? in->ac[1] : in->tc[1], YCSV_NO_COLUMN,
                              YCSV_NO_COLUMN};
        if (cli_column(file[f], t[f], c, CLI_ROLE_CODE, 0, &s->code_col) != 0)
            return CLI_EXIT_ERROR;
        both &= ycsv_join_has_codes(s);
    }
    if (!both)
        return 0;
    in->codes = malloc(5 * 10000);
    in->names = malloc(10000 * sizeof *in->names);
    if (in->codes == NULL || in->names == NULL)
        return cli_fail_at(in->afile, 0, "out of memory");
    for (int k = 0; k < 10000; k++)
        snprintf(in->codes + 5 * k, 5, "%04d", k);
    return 0;
}

/* The trainers' municipalities (by the cells: errors come later, in the files' order). */
static int trainer_municipalities(pot_input *in)
{
    size_t kl;
    if (!cli_labels_init(&in->tmuns, in->tt.nrows))
        return cli_fail_at(in->tfile, 0, "out of memory");
    for (size_t r = 0; r < in->tt.nrows; r++) {
        const char *key;
        if (mun_key(in, 1, r, &key) != 0)
            return CLI_EXIT_ERROR;
        if (cli_labels_intern(&in->tmuns, key, &kl) == SIZE_MAX)
            return cli_fail_at(in->tfile, 0, "out of memory");
    }
    in->ntmuns = in->tmuns.n;
    return 0;
}

/* Number the municipalities with trainers in their order (ties in the kickbacks go the same
 * way), and point the library's records at those numbers; the others are number ncompact. */
static int number_trainer_municipalities(pot_input *in)
{
    in->compact = calloc(in->muns.n ? in->muns.n : 1, sizeof *in->compact);
    if (in->compact == NULL)
        return cli_fail_at(in->afile, 0, "out of memory");
    for (size_t i = 0; i < in->tt.nrows; i++)
        in->compact[in->tr[i].municipality] = 1;
    for (size_t m = 0; m < in->muns.n; m++)
        in->compact[m] = in->compact[m] ? (uint32_t)++in->ncompact : 0;
    for (size_t i = 0; i < in->nrec; i++)
        in->rec[i].mun = in->compact[in->rec[i].mun] - 1;
    for (size_t i = 0; i < in->tt.nrows; i++)
        in->tr[i].municipality = in->compact[in->tr[i].municipality] - 1;
    for (size_t d = 0; d < in->days.n; d++)
        if ((in->df[d] & 1) && push_rec(in, d, in->ncompact, in->bucket[d]) != 0)
            return CLI_EXIT_ERROR;
    return widen_records(in);
}

static int read_inputs(const pot_args *o, pot_input *in)
{
    in->afile = cli_shown(o->attendance);
    in->tfile = cli_shown(o->trainers);
    if (cli_load(o->attendance, &in->at) != 0 || cli_load(o->trainers, &in->tt) != 0 ||
        columns(in->afile, &in->at, &o->common, CLI_ROLE_PARTICIPANTS, in->ac) != 0 ||
        columns(in->tfile, &in->tt, &o->common, CLI_ROLE_ROLE, in->tc) != 0 ||
        join_columns(in, &o->common) != 0 || trainer_municipalities(in) != 0)
        return CLI_EXIT_ERROR;
    size_t na = in->at.nrows, nt = in->tt.nrows;
    in->tr = calloc(nt, sizeof *in->tr);
    in->first = calloc(na / 8 + 1, 1);
    if (in->tr == NULL || in->first == NULL || !cli_labels_init(&in->days, 63) ||
        !cli_labels_init(&in->muns, 1023))
        return cli_fail_at(in->afile, 0, "out of memory");
    if (read_attendance(in) != 0 || read_trainers(in) != 0)
        return CLI_EXIT_ERROR;
    if (in->att_st != YR_OK)
        return cli_fail_at(in->afile, in->att_line, "%s", yr_strerror(in->att_st));
    ycsv_drop_lines(&in->at);
    if (sort_attendance(in) != 0)
        return CLI_EXIT_ERROR;
    ycsv_drop_index(&in->at); /* the labels point into its text, which stays */
    cli_labels_free(&in->tmuns);
    return number_trainer_municipalities(in);
}

static void free_inputs(pot_input *in)
{
    ycsv_free(&in->at);
    ycsv_free(&in->tt);
    cli_labels_free(&in->days);
    cli_labels_free(&in->muns);
    cli_labels_free(&in->tmuns);
    free(in->rec);
    free(in->att);
    free(in->pd);
    free(in->bucket);
    free(in->df);
    free(in->first);
    free(in->tr);
    free(in->compact);
    free(in->codes);
    free(in->names);
}

/* A label as first written (its first cell, trimmed), for the output. */
static const char *trimmed(const char *s, cli_buf *b)
{
    size_t start, len = yr_label_trim(s, strlen(s), &start);
    cli_buf_clear(b);
    cli_buf_add(b, s + start, len);
    return cli_buf_str(b);
}

/* ---- settling and writing ----------------------------------------------------------------- */

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

/* The rows of municipalities m0 .. m0+n-1 (n <= POT_BLOCK) that have no trainers: settled by
 * the library as one day without trainers, from their participant-days. */
#define POT_BLOCK 1024
static int settle_block(const pot_input *in, const yr_pot_rules *rules, size_t m0, size_t n,
                        yr_pot_row *rows)
{
    yr_attendance a[POT_BLOCK];
    yr_pot_summary s;
    for (size_t i = 0; i < n; i++)
        a[i] = (yr_attendance){0, i, in->compact[m0 + i] ? 0 : in->pd[m0 + i]};
    yr_where w;
    yr_status st = yr_pot_settle_where(rules, 1, n, a, n, NULL, 0, rows, &s, NULL, &w);
    return st == YR_OK ? 0 : cli_fail_lib(in->afile, 0, NULL, &w, NULL);
}

static int municipality_rows(cli_out *o, const pot_input *in, const yr_pot_rules *rules,
                             const yr_pot_row *rows, cli_buf *name)
{
    yr_pot_row *block = malloc(POT_BLOCK * sizeof *block);
    if (block == NULL)
        return cli_fail_at(in->afile, 0, "out of memory");
    for (size_t m0 = 0; m0 < in->muns.n; m0 += POT_BLOCK) {
        size_t n = in->muns.n - m0 < POT_BLOCK ? in->muns.n - m0 : POT_BLOCK;
        if (settle_block(in, rules, m0, n, block) != 0) {
            free(block);
            return CLI_EXIT_ERROR;
        }
        for (size_t i = 0; i < n; i++) {
            uint32_t c = in->compact[m0 + i];
            const char *s = in->names ? in->names[m0 + i] : in->muns.label[m0 + i];
            money_row(o, trimmed(s, name), c ? &rows[c - 1] : &block[i]);
        }
    }
    free(block);
    return 0;
}

static int write_settlement(const pot_input *in, const cli_common *c, const yr_pot_rules *rules,
                            const yr_pot_row *rows, const yr_pot_summary *sum, const int64_t *und)
{
    yr_out_name head[7];
    size_t nhead = yr_out_table_columns(YR_TABLE_POT, head, 7);
    cli_out o;
    cli_buf name;
    if (cli_out_open(&o, &c->out, YR_TABLE_POT, &in->at) != 0)
        return CLI_EXIT_ERROR;
    cli_buf_init(&name);
    for (size_t k = 0; k < nhead; k++)
        cli_out_name(&o, head[k]);
    cli_out_end_row(&o);
    int rc = municipality_rows(&o, in, rules, rows, &name);
    const yr_pot_row t = {
        sum->participant_days,    sum->fees, sum->admin, sum->pot_in, sum->kickback,
        sum->fees - sum->kickback}; /* both fit and are >= 0 */
    const char *und_name = yr_out_text(YR_OUT_UNDISTRIBUTED, o.lang);
    money_row(&o, yr_out_text(YR_OUT_TOTALT, o.lang), &t);
    undistributed_row(&o, und_name, sum->undistributed);
    for (size_t d = 0; d < in->days.n; d++) {
        if (und[d] == 0)
            continue;
        cli_buf day;
        cli_buf_init(&day);
        cli_buf_clear(&name);
        cli_buf_printf(&name, "%s: ", und_name);
        cli_buf_puts(&name, trimmed(in->days.label[d], &day));
        cli_buf_free(&day);
        undistributed_row(&o, cli_buf_str(&name), und[d]);
    }
    cli_buf_free(&name);
    int closed = cli_out_close(&o);
    return rc != 0 ? rc : closed;
}

/* Days with trainers and no participants: a warning at the day's first trainer record. */
static void warn_idle_days(const pot_input *in)
{
    size_t nd = in->days.n;
    char *busy = calloc(nd ? nd : 1, 1);
    if (busy == NULL)
        return;
    for (size_t d = 0; d < nd; d++)
        busy[d] = (in->df[d] & 2) != 0;
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
                cli_quote(trimmed(in->days.label[d], &b), q, sizeof q));
        cli_buf_free(&b);
    }
    free(busy);
}

/* A library error at the record the core names (the attendance's were found while reading:
 * the records given to the library are not the file's rows). */
static int settle_failed(const pot_input *in, const yr_where *w)
{
    int tr = w->arg != NULL && strcmp(w->arg, "trainers") == 0;
    size_t line = tr && w->record != YR_WHERE_NONE && w->record < in->tt.nrows
                      ? ycsv_line(&in->tt, w->record)
                      : 0;
    return cli_fail_lib(tr ? in->tfile : in->afile, line, NULL, w, NULL);
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
        rows = calloc(in.ncompact + 1, sizeof *rows);
        und = calloc(in.days.n ? in.days.n : 1, sizeof *und);
        if (rows == NULL || und == NULL)
            rc = cli_fail_at(in.afile, 0, "out of memory");
    }
    yr_pot_summary sum;
    yr_where w;
    yr_status st;
    if (rc == 0 && (st = yr_pot_settle_where(&rules, in.days.n, in.ncompact + 1, in.att, in.natt,
                                             in.tr, in.tt.nrows, rows, &sum, und, &w)) != YR_OK)
        rc = settle_failed(&in, &w);
    if (rc == 0) {
        rc = write_settlement(&in, &o->common, &rules, rows, &sum, und);
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
