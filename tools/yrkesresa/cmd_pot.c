/* `yrkesresa pot`: settle a year of course days from two CSV files (attendance and trainers),
 * and `yrkesresa pot --check` a published payout table's total row. */
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
    "shared per day by role (a course leader 1.5 shares, a trainer 1), in whole units by\n"
    "largest remainder over the year.\n"
    "\n"
    "  --attendance FILE   CSV with columns day,municipality,participants\n"
    "  --trainers FILE     CSV with columns day,municipality,role (role: leader/kursledare or\n"
    "                      trainer/utbildare, any case)\n"
    "  --fee N             fee per participant and course day (default 600)\n"
    "  --pot N             the part of the fee that goes to the pot (default 400)\n"
    "  --leader-share X    a course leader's share of a day's pot (default 1.5; 1,5 also works)\n"
    "  --trainer-share X   a trainer's share (default 1)\n"
    "  --check FILE        compare a published table's Totalt/Summa row with the sums of its\n"
    "                      integer columns; --strict: exit 1 when a column does not match\n"
    "  -h, --help          this help\n"
    "\n"
    "Days and municipalities are free-text labels, matched between the files byte for byte\n"
    "after trimming blanks. Output: CSV municipality,participant_days,fees,admin,pot_in,\n"
    "kickback,net (the attendance file's delimiter and line ending), one row per municipality in "
    "order of\n"
    "first appearance, then Totalt. The undistributed pot (days with participants and no\n"
    "trainer) and days with trainers but no participants are reported on stderr.\n"
    "Exit status: 0 success, 1 --check --strict found a mismatch, 2 error.\n"
    "\n"
    "Example:\n"
    "  yrkesresa pot --attendance data/examples/pot-2024-attendance.csv \\\n"
    "                --trainers data/examples/pot-2024-trainers.csv\n"
    "  yrkesresa pot --check data/dalarna/trainer-pot-2024-published.csv\n";

/* ---- names: days and municipalities, interned in order of first appearance ---------------- */

typedef struct name_entry {
    const char *s;    /* trimmed, NUL-terminated (points into a CSV table) */
    size_t len;       /* strlen(s) */
    const char *file; /* where it first appeared */
    size_t line;
} name_entry;

typedef struct name_set {
    name_entry *names; /* n used, capacity fixed at creation */
    size_t n;
    size_t *slots; /* open addressing: index + 1, 0 = empty; nslots a power of two */
    size_t nslots;
} name_set;

static int name_set_init(name_set *set, size_t capacity)
{
    size_t nslots = 16;
    while (nslots < 2 * capacity + 2)
        nslots *= 2;
    set->names = calloc(capacity ? capacity : 1, sizeof *set->names);
    set->slots = calloc(nslots, sizeof *set->slots);
    set->n = 0;
    set->nslots = nslots;
    return set->names != NULL && set->slots != NULL;
}

static void name_set_free(name_set *set)
{
    free(set->names);
    free(set->slots);
    memset(set, 0, sizeof *set);
}

static size_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return (size_t)(h ^ (h >> 32));
}

/* Index of @p s, adding it when new (capacity is never exceeded: one name per record). */
static size_t name_set_intern(name_set *set, const char *s, const char *file, size_t line)
{
    size_t len = strlen(s);
    size_t mask = set->nslots - 1;
    for (size_t h = hash_bytes(s, len) & mask;; h = (h + 1) & mask) {
        size_t slot = set->slots[h];
        if (slot == 0) {
            name_entry *e = &set->names[set->n];
            e->s = s;
            e->len = len;
            e->file = file;
            e->line = line;
            set->slots[h] = ++set->n;
            return set->n - 1;
        }
        const name_entry *e = &set->names[slot - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0)
            return slot - 1;
    }
}

/* Trim ASCII blanks (space, tab) of a cell in place; returns the trimmed string. */
static const char *trim_cell(yr_csv_table *t, size_t row, size_t col)
{
    char *s = t->cells[row * t->ncols + col];
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        s[--len] = '\0';
    return s;
}

/* ---- options ------------------------------------------------------------------------------ */

typedef struct pot_options {
    const char *attendance, *trainers, *check;
    const char *fee, *pot, *leader_share, *trainer_share;
    int strict;
} pot_options;

static int parse_options(int argc, char **argv, pot_options *o, int *help)
{
    static const char *const cmd = "pot";
    *help = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int r;
        if (yr_is_help(argv[i])) {
            *help = 1;
            return 0;
        }
        if (yr_opt_flag(argc, argv, &i, "strict")) {
            o->strict = 1;
            continue;
        }
        static const struct {
            const char *name;
            size_t offset;
        } valued[] = {
            {"attendance", offsetof(pot_options, attendance)},
            {"trainers", offsetof(pot_options, trainers)},
            {"check", offsetof(pot_options, check)},
            {"fee", offsetof(pot_options, fee)},
            {"pot", offsetof(pot_options, pot)},
            {"leader-share", offsetof(pot_options, leader_share)},
            {"trainer-share", offsetof(pot_options, trainer_share)},
        };
        int matched = 0;
        for (size_t k = 0; k < sizeof valued / sizeof valued[0] && !matched; k++) {
            r = yr_opt_value(argc, argv, &i, cmd, valued[k].name, &v);
            if (r < 0)
                return YR_EXIT_ERROR;
            if (r > 0) {
                const char **slot = (const char **)(void *)((char *)o + valued[k].offset);
                if (*slot != NULL)
                    return yr_fail_usage(cmd, "--%s given twice", valued[k].name);
                *slot = v;
                matched = 1;
            }
        }
        if (matched)
            continue;
        if (strcmp(argv[i], "--") == 0 && i + 1 < argc)
            return yr_fail_usage(cmd, "unexpected argument '%s'", argv[i + 1]);
        if (strcmp(argv[i], "--") == 0)
            continue;
        if (argv[i][0] == '-')
            return yr_fail_usage(cmd, "unknown option '%s'", argv[i]);
        return yr_fail_usage(cmd, "unexpected argument '%s'", argv[i]);
    }
    if (o->check != NULL) {
        if (o->attendance || o->trainers || o->fee || o->pot || o->leader_share || o->trainer_share)
            return yr_fail_usage(cmd, "--check takes no settlement options");
        return 0;
    }
    if (o->strict)
        return yr_fail_usage(cmd, "--strict goes with --check");
    if (o->attendance == NULL || o->trainers == NULL)
        return yr_fail_usage(cmd, "--attendance and --trainers are required");
    return 0;
}

static int parse_money_option(const char *name, const char *text, int64_t *out)
{
    yr_num_status st = yr_parse_int64(text, out);
    if (st != YR_NUM_OK) {
        char q[80];
        return yr_fail_usage("pot", "--%s %s %s", name, yr_cli_quote(text, q, sizeof q),
                             yr_num_strerror(st, 0));
    }
    if (*out < 0)
        return yr_fail_usage("pot", "--%s must not be negative", name);
    return 0;
}

/* The rules from the options: money as integers, shares as integers over a common power of
 * ten (1.5 and 1 become 15 and 10). */
static int make_rules(const pot_options *o, yr_pot_rules *rules)
{
    rules->fee = 600;
    rules->pot_part = 400;
    if (o->fee != NULL && parse_money_option("fee", o->fee, &rules->fee) != 0)
        return YR_EXIT_ERROR;
    if (o->pot != NULL && parse_money_option("pot", o->pot, &rules->pot_part) != 0)
        return YR_EXIT_ERROR;
    if (rules->pot_part > rules->fee)
        return yr_fail_usage("pot",
                             "--pot (%" PRId64 ") must not be larger than --fee (%" PRId64 ")",
                             rules->pot_part, rules->fee);
    const char *text[YR_ROLE_COUNT] = {0};
    text[YR_ROLE_LEADER] = o->leader_share ? o->leader_share : "1.5";
    text[YR_ROLE_TRAINER] = o->trainer_share ? o->trainer_share : "1";
    static const char *const opt[YR_ROLE_COUNT] = {"trainer-share", "leader-share"};
    yr_decimal d[YR_ROLE_COUNT];
    unsigned scale = 0;
    for (int r = 0; r < YR_ROLE_COUNT; r++) {
        yr_num_status st = yr_parse_decimal(text[r], &d[r]);
        if (st != YR_NUM_OK) {
            char q[80];
            return yr_fail_usage("pot", "--%s %s %s", opt[r], yr_cli_quote(text[r], q, sizeof q),
                                 yr_num_strerror(st, 1));
        }
        if (d[r].num < 0)
            return yr_fail_usage("pot", "--%s must not be negative", opt[r]);
        scale = d[r].scale > scale ? d[r].scale : scale;
    }
    for (int r = 0; r < YR_ROLE_COUNT; r++) {
        if (yr_decimal_rescale(d[r], scale, &rules->share[r]) != YR_NUM_OK)
            return yr_fail_usage("pot", "--leader-share and --trainer-share do not fit in 64 "
                                        "bits on a common scale");
    }
    return 0;
}

/* ---- reading the two files ---------------------------------------------------------------- */

typedef struct pot_input {
    yr_csv_table att_t, tr_t;
    name_set days, muns;
    yr_attendance *att;
    yr_trainer *tr;
} pot_input;

static int find_columns(const char *file, const yr_csv_table *t, const char *const names[3],
                        size_t cols[3])
{
    for (int k = 0; k < 3; k++) {
        cols[k] = yr_csv_find_column(t, names[k]);
        if (cols[k] == YR_CSV_NO_COLUMN)
            return yr_fail_at(file, t->header_line, "missing column '%s' (need %s,%s,%s)", names[k],
                              names[0], names[1], names[2]);
    }
    return 0;
}

/* Trim and intern the day and municipality of a row. */
static int row_names(const char *file, yr_csv_table *t, size_t row, const size_t cols[3],
                     pot_input *in, size_t *day, size_t *mun)
{
    static const char *const what[2] = {"day", "municipality"};
    size_t idx[2];
    for (int k = 0; k < 2; k++) {
        const char *s = trim_cell(t, row, cols[k]);
        if (*s == '\0')
            return yr_fail_at(file, t->lines[row], "column '%s' is empty", what[k]);
        if (k == 1 && yr_is_total_label(s)) {
            char q[80];
            return yr_fail_at(file, t->lines[row],
                              "municipality %s looks like a total row; list municipalities only",
                              yr_cli_quote(s, q, sizeof q));
        }
        idx[k] = name_set_intern(k == 0 ? &in->days : &in->muns, s, file, t->lines[row]);
    }
    *day = idx[0];
    *mun = idx[1];
    return 0;
}

static int read_inputs(const pot_options *o, pot_input *in)
{
    static const char *const att_cols[3] = {"day", "municipality", "participants"};
    static const char *const tr_cols[3] = {"day", "municipality", "role"};
    size_t ac[3], tc[3];
    if (yr_cli_load_csv(o->attendance, &in->att_t) != 0 ||
        yr_cli_load_csv(o->trainers, &in->tr_t) != 0)
        return YR_EXIT_ERROR;
    if (find_columns(o->attendance, &in->att_t, att_cols, ac) != 0 ||
        find_columns(o->trainers, &in->tr_t, tr_cols, tc) != 0)
        return YR_EXIT_ERROR;
    size_t na = in->att_t.nrows, nt = in->tr_t.nrows;
    in->att = calloc(na ? na : 1, sizeof *in->att);
    in->tr = calloc(nt ? nt : 1, sizeof *in->tr);
    if (in->att == NULL || in->tr == NULL || !name_set_init(&in->days, na + nt) ||
        !name_set_init(&in->muns, na + nt))
        return yr_fail_at(o->attendance, 0, "out of memory");
    for (size_t r = 0; r < na; r++) {
        yr_attendance *a = &in->att[r];
        if (row_names(o->attendance, &in->att_t, r, ac, in, &a->day, &a->municipality) != 0 ||
            yr_cli_cell_int64(o->attendance, &in->att_t, r, ac[2], &a->participants) != 0)
            return YR_EXIT_ERROR;
        if (a->participants < 0) {
            char q[80];
            return yr_fail_at(o->attendance, in->att_t.lines[r],
                              "column 'participants': %s is negative",
                              yr_cli_quote(yr_csv_cell(&in->att_t, r, ac[2]), q, sizeof q));
        }
    }
    for (size_t r = 0; r < nt; r++) {
        yr_trainer *t = &in->tr[r];
        if (row_names(o->trainers, &in->tr_t, r, tc, in, &t->day, &t->municipality) != 0)
            return YR_EXIT_ERROR;
        const char *role = yr_csv_cell(&in->tr_t, r, tc[2]);
        if (yr_role_from_name(role, &t->role) != YR_OK) {
            char q[80];
            return yr_fail_at(o->trainers, in->tr_t.lines[r],
                              "column 'role': %s is not a role (leader, kursledare, trainer, "
                              "utbildare)",
                              yr_cli_quote(role, q, sizeof q));
        }
    }
    return 0;
}

static void free_inputs(pot_input *in)
{
    yr_csv_free(&in->att_t);
    yr_csv_free(&in->tr_t);
    name_set_free(&in->days);
    name_set_free(&in->muns);
    free(in->att);
    free(in->tr);
}

/* A day whose trainers' shares add up to 0 while it has a pot (the library's YR_ERR_RANGE once
 * every index and role has been checked here): name it. */
static int report_zero_shares(const pot_options *o, const pot_input *in, const yr_pot_rules *r)
{
    size_t nd = in->days.n;
    int64_t *people = calloc(nd ? nd : 1, sizeof *people);
    int64_t *shares = calloc(nd ? nd : 1, sizeof *shares);
    size_t *first = calloc(nd ? nd : 1, sizeof *first);
    int rc = YR_EXIT_ERROR;
    if (people == NULL || shares == NULL || first == NULL) {
        yr_fail_at(o->trainers, 0, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < in->att_t.nrows; i++)
        people[in->att[i].day] += in->att[i].participants; /* fits: the library checked */
    for (size_t i = 0; i < in->tr_t.nrows; i++) {
        /* only whether any share is non-zero matters (all are >= 0): OR cannot overflow */
        shares[in->tr[i].day] |= r->share[in->tr[i].role];
        if (first[in->tr[i].day] == 0)
            first[in->tr[i].day] = in->tr_t.lines[i];
    }
    for (size_t d = 0; d < nd; d++) {
        if (first[d] != 0 && shares[d] == 0 && people[d] > 0 && r->pot_part > 0) {
            char q[80];
            yr_fail_at(o->trainers, first[d],
                       "day %s has a pot of %" PRId64 " but its trainers' shares are all 0",
                       yr_cli_quote(in->days.names[d].s, q, sizeof q), r->pot_part * people[d]);
            goto out;
        }
    }
    yr_fail_at(o->trainers, 0, "%s", yr_strerror(YR_ERR_RANGE));
out:
    free(people);
    free(shares);
    free(first);
    return rc;
}

static void add_amount(yr_buf *b, char delim, int64_t v)
{
    yr_buf_printf(b, "%c%" PRId64, delim, v);
}

static int settle(const pot_options *o)
{
    yr_pot_rules rules;
    if (make_rules(o, &rules) != 0)
        return YR_EXIT_ERROR;
    pot_input in;
    memset(&in, 0, sizeof in);
    yr_pot_row *rows = NULL;
    int64_t *und = NULL, *people = NULL;
    size_t *tr_line = NULL;
    yr_buf out;
    yr_buf_init(&out);
    int rc = read_inputs(o, &in);
    if (rc != 0)
        goto done;
    size_t nd = in.days.n, nm = in.muns.n;
    rows = calloc(nm ? nm : 1, sizeof *rows);
    und = calloc(nd ? nd : 1, sizeof *und);
    people = calloc(nd ? nd : 1, sizeof *people);
    tr_line = calloc(nd ? nd : 1, sizeof *tr_line);
    if (rows == NULL || und == NULL || people == NULL || tr_line == NULL) {
        rc = yr_fail_at(o->attendance, 0, "out of memory");
        goto done;
    }
    yr_pot_summary sum;
    yr_status st = yr_pot_settle(&rules, nd, nm, in.att, in.att_t.nrows, in.tr, in.tr_t.nrows, rows,
                                 &sum, und);
    if (st == YR_ERR_RANGE) {
        rc = report_zero_shares(o, &in, &rules);
        goto done;
    }
    if (st == YR_ERR_OVERFLOW) {
        rc = yr_fail_at(o->attendance, 0,
                        "the amounts do not fit in 64 bits (or the exact shares need more than "
                        "128 bits)");
        goto done;
    }
    if (st != YR_OK) {
        rc = yr_fail_at(o->attendance, 0, "%s", yr_strerror(st));
        goto done;
    }

    /* The attendance file's delimiter, line ending and byte order mark. */
    char delim = in.att_t.delim;
    const char *eol = in.att_t.eol;
    if (in.att_t.has_bom)
        yr_buf_puts(&out, "\xEF\xBB\xBF");
    yr_buf_printf(&out, "municipality%cparticipant_days%cfees%cadmin%cpot_in%ckickback%cnet%s",
                  delim, delim, delim, delim, delim, delim, eol);
    for (size_t m = 0; m < nm; m++) {
        yr_buf_csv_field(&out, in.muns.names[m].s, delim);
        add_amount(&out, delim, rows[m].participant_days);
        add_amount(&out, delim, rows[m].fees);
        add_amount(&out, delim, rows[m].admin);
        add_amount(&out, delim, rows[m].pot_in);
        add_amount(&out, delim, rows[m].kickback);
        add_amount(&out, delim, rows[m].net);
        yr_buf_puts(&out, eol);
    }
    yr_buf_puts(&out, "Totalt");
    add_amount(&out, delim, sum.participant_days);
    add_amount(&out, delim, sum.fees);
    add_amount(&out, delim, sum.admin);
    add_amount(&out, delim, sum.pot_in);
    add_amount(&out, delim, sum.kickback);
    add_amount(&out, delim, sum.fees - sum.kickback); /* both fit and are >= 0 */
    yr_buf_puts(&out, eol);

    /* The table first, then the notes on stderr (so they follow it on a terminal). */
    rc = yr_buf_flush(&out);
    /* Days with trainers and no participants: warn, at the day's first trainer record. */
    for (size_t i = 0; i < in.att_t.nrows; i++)
        people[in.att[i].day] += in.att[i].participants; /* fits: the library checked */
    for (size_t i = in.tr_t.nrows; i-- > 0;)
        tr_line[in.tr[i].day] = in.tr_t.lines[i];
    for (size_t d = 0; d < nd; d++) {
        if (tr_line[d] != 0 && people[d] == 0) {
            char q[80];
            fprintf(stderr,
                    "yrkesresa: %s:%zu: warning: day %s has trainers but no participants "
                    "(nothing to share)\n",
                    o->trainers, tr_line[d], yr_cli_quote(in.days.names[d].s, q, sizeof q));
        }
    }
    fprintf(stderr, "undistributed: %" PRId64 "\n", sum.undistributed);
    for (size_t d = 0; d < nd; d++) {
        if (und[d] != 0)
            fprintf(stderr, "  %s: %" PRId64 " (participants but no trainer)\n", in.days.names[d].s,
                    und[d]);
    }
done:
    yr_buf_free(&out);
    free(rows);
    free(und);
    free(people);
    free(tr_line);
    free_inputs(&in);
    return rc;
}

/* ---- --check ------------------------------------------------------------------------------ */

static int is_blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

/* *d = a - b when it fits in 64 bits; returns 0 when it does not. */
static int sub_fits(int64_t a, int64_t b, int64_t *d)
{
    if ((b > 0 && a < INT64_MIN + b) || (b < 0 && a > INT64_MAX + b))
        return 0;
    *d = a - b;
    return 1;
}

static int check_table(const pot_options *o)
{
    yr_csv_table t;
    if (yr_cli_load_csv(o->check, &t) != 0)
        return YR_EXIT_ERROR;
    const char *file = o->check;
    int rc = YR_EXIT_ERROR;
    size_t nr = t.nrows, nc = t.ncols;
    int64_t *cells = NULL, *stated = NULL, *sums = NULL;
    size_t *cols = NULL;
    yr_buf out;
    yr_buf_init(&out);

    size_t total = SIZE_MAX;
    for (size_t r = 0; r < nr; r++) {
        if (!yr_is_total_label(yr_csv_cell(&t, r, 0)))
            continue;
        if (total != SIZE_MAX) {
            rc = yr_fail_at(file, t.lines[r], "a second total row (the first is on line %zu)",
                            t.lines[total]);
            goto done;
        }
        total = r;
    }
    if (total == SIZE_MAX) {
        rc = yr_fail_at(file, 0,
                        "no total row (first column 'Totalt', 'Summa', 'Total' or "
                        "'Sum')");
        goto done;
    }
    size_t nbody = nr - 1;
    /* Checked columns (not the first, the labels): the stated total is an integer and every
     * body cell an integer or blank (counted as 0, as published tables leave zeros out). */
    cols = calloc(nc, sizeof *cols);
    if (cols == NULL) {
        rc = yr_fail_at(file, 0, "out of memory");
        goto done;
    }
    size_t nnum = 0;
    for (size_t c = 1; c < nc; c++) {
        int numeric = yr_is_int64(yr_csv_cell(&t, total, c));
        for (size_t r = 0; r < nr && numeric; r++)
            numeric = is_blank(yr_csv_cell(&t, r, c)) || yr_is_int64(yr_csv_cell(&t, r, c));
        if (numeric)
            cols[nnum++] = c;
    }
    if (nnum == 0) {
        rc = yr_fail_at(file, t.lines[total], "no integer columns to check");
        goto done;
    }
    if (nbody > SIZE_MAX / sizeof(int64_t) / nnum) {
        rc = yr_fail_at(file, 0, "out of memory");
        goto done;
    }
    cells = malloc((nbody ? nbody : 1) * nnum * sizeof *cells);
    stated = malloc(nnum * sizeof *stated);
    sums = malloc(nnum * sizeof *sums);
    if (cells == NULL || stated == NULL || sums == NULL) {
        rc = yr_fail_at(file, 0, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < nnum; k++)
        yr_parse_int64(yr_csv_cell(&t, total, cols[k]), &stated[k]);
    for (size_t r = 0, b = 0; r < nr; r++) {
        if (r == total)
            continue;
        for (size_t k = 0; k < nnum; k++) {
            const char *cell = yr_csv_cell(&t, r, cols[k]);
            cells[b * nnum + k] = 0;
            if (!is_blank(cell))
                yr_parse_int64(cell, &cells[b * nnum + k]);
        }
        b++;
    }
    size_t mismatched = 0;
    yr_status st = yr_check_totals(cells, nbody, nnum, stated, sums, &mismatched);
    if (st != YR_OK) {
        rc = yr_fail_at(file, 0, "%s",
                        st == YR_ERR_OVERFLOW ? "a column sum does not fit in 64 bits"
                                              : yr_strerror(st));
        goto done;
    }
    yr_buf_printf(&out, "%s: total row '%s' on line %zu, %zu other rows\n", file,
                  yr_csv_cell(&t, total, 0), t.lines[total], nbody);
    int64_t diff;
    for (size_t k = 0, c = 1; c < nc; c++) {
        const char *name = t.header[c];
        if (k < nnum && cols[k] == c) {
            if (sums[k] == stated[k])
                yr_buf_printf(&out, "  %-16s sum %" PRId64 " = stated %" PRId64 "  OK\n", name,
                              sums[k], stated[k]);
            else if (sub_fits(sums[k], stated[k], &diff))
                yr_buf_printf(&out,
                              "  %-16s sum %" PRId64 " != stated %" PRId64
                              "  mismatch (sum - stated = %" PRId64 ")\n",
                              name, sums[k], stated[k], diff);
            else
                yr_buf_printf(&out, "  %-16s sum %" PRId64 " != stated %" PRId64 "  mismatch\n",
                              name, sums[k], stated[k]);
            k++;
        } else {
            yr_buf_printf(&out, "  %-16s not checked (not integers)\n", name);
        }
    }
    yr_buf_printf(&out, "%zu of %zu columns %s\n", nnum - mismatched, nnum,
                  mismatched == 0 ? "match: OK" : "match: MISMATCH");
    rc = yr_buf_flush(&out);
    if (rc == YR_EXIT_OK && mismatched > 0 && o->strict)
        rc = YR_EXIT_FINDINGS;
done:
    yr_buf_free(&out);
    free(cells);
    free(stated);
    free(sums);
    free(cols);
    yr_csv_free(&t);
    return rc;
}

int yr_cmd_pot(int argc, char **argv)
{
    pot_options o;
    memset(&o, 0, sizeof o);
    int help;
    int rc = parse_options(argc, argv, &o, &help);
    if (help) {
        fputs(usage_text, stdout);
        return fflush(stdout) == 0 ? YR_EXIT_OK : YR_EXIT_ERROR;
    }
    if (rc != 0)
        return YR_EXIT_ERROR;
    return o.check != NULL ? check_table(&o) : settle(&o);
}
