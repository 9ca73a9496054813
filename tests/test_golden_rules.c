/* Golden cases for audit, pot and stats (tests/golden/{audit,pot,stats}/NAME.case, format in
 * tests/golden/RULES.md): the same `key: value` files as the conformance suite, with the
 * operations audit, pot_settle, attendance_rate, progression, check_totals, crosstab and
 * count_by, through the _where variants so that expect_where: checks the error location. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_file.h"

#define MAXN 512

static int64_t a1[MAXN], a2[MAXN], got[MAXN];

/* A list key into buf; -1 (FAIL message set) when it is not a list. */
static long list(conf_case *c, const char *key, int64_t *buf)
{
    long n = case_parse_ints(case_get(c, key), buf, MAXN);
    if (n < 0)
        case_fail(c, "%s: missing or not a list of integers%s", key, "");
    return n;
}

/* expect_methods: the names of the methods whose bit is set, or "none". */
static verdict expect_methods(conf_case *c, unsigned bits)
{
    char names[512] = "";
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (bits & (1u << m)) {
            strcat(names, names[0] ? " " : "");
            strcat(names, yr_method_name((yr_method)m));
        }
    }
    const char *want = case_get(c, "expect_methods");
    if (want == NULL || strcmp(want, names[0] ? names : "none") != 0)
        return case_fail(c, "methods matching '%s', expected '%s'", names, want ? want : "");
    return PASS;
}

static verdict op_audit(conf_case *c)
{
    int64_t stated;
    long n = list(c, "weights", a1), m = list(c, "published", a2);
    if (n < 0 || m < 0 || !case_int(c, "stated_total", &stated))
        return FAIL;
    if (n != m)
        return case_fail(c, "weights and published differ in length%s%s", "", "");
    static yr_audit_row rows[MAXN];
    yr_audit_summary s;
    yr_where w;
    verdict v;
    if (case_settled(c, yr_audit_split_where(stated, a1, a2, (size_t)n, &s, rows, &w), &w, &v))
        return v;
    int64_t sum[5] = {s.published_sum, s.sum_diff, s.quota_den, (int64_t)s.rows_differing,
                      (int64_t)s.rows_outside_quota};
    if (case_expect_list(c, "expect_summary", sum, 5) == FAIL ||
        expect_methods(c, s.methods_matching) == FAIL)
        return FAIL;
    for (long i = 0; i < n; i++)
        got[i] = rows[i].expected;
    if (case_expect_list(c, "expect_expected", got, (size_t)n) == FAIL)
        return FAIL;
    for (long i = 0; i < n; i++)
        got[i] = rows[i].diff;
    return case_expect_list(c, "expect_diff", got, (size_t)n);
}

/* rules: dalarna_2024, or fee, pot_part, share_leader, share_trainer. */
static int read_rules(conf_case *c, yr_pot_rules *r)
{
    const char *name = case_get(c, "rules");
    if (name != NULL) {
        if (strcmp(name, "dalarna_2024") == 0 && yr_pot_rules_dalarna_2024(r) == YR_OK)
            return 1;
        case_fail(c, "rules: unknown '%s'%s", name, "");
        return 0;
    }
    return case_int(c, "fee", &r->fee) && case_int(c, "pot_part", &r->pot_part) &&
           case_int(c, "share_leader", &r->share[YR_ROLE_LEADER]) &&
           case_int(c, "share_trainer", &r->share[YR_ROLE_TRAINER]);
}

/* attendance: "DAY MUNICIPALITY PARTICIPANTS | ..." (may be empty). */
static long read_attendance(conf_case *c, yr_attendance *att)
{
    const char *text = case_get(c, "attendance");
    size_t ncols = 3;
    long rows = text == NULL || *text == '\0' ? 0 : case_parse_rows(text, a1, MAXN, &ncols);
    if (rows < 0 || ncols != 3) {
        case_fail(c, "attendance: not rows of DAY MUNICIPALITY PARTICIPANTS%s%s", "", "");
        return -1;
    }
    for (long i = 0; i < rows; i++) {
        att[i].day = (size_t)a1[3 * i];
        att[i].municipality = (size_t)a1[3 * i + 1];
        att[i].participants = a1[3 * i + 2];
    }
    return rows;
}

/* trainers: "DAY MUNICIPALITY ROLE | ..." with role names (yr_role_from_name). */
static long read_trainers(conf_case *c, yr_trainer *tr)
{
    const char *s = case_get(c, "trainers");
    long n = 0;
    while (s != NULL && *s != '\0' && n < MAXN) {
        size_t day, mun;
        char role[32];
        int used = 0;
        if (sscanf(s, " %zu %zu %31[^ |] %n", &day, &mun, role, &used) != 3 ||
            yr_role_from_name(role, &tr[n].role) != YR_OK) {
            case_fail(c, "trainers: not rows of DAY MUNICIPALITY ROLE at '%s'%s", s, "");
            return -1;
        }
        tr[n].day = day;
        tr[n++].municipality = mun;
        s += used;
        if (*s == '|')
            s++;
    }
    return n;
}

/* One expect_ list per column of the settlement rows. */
static verdict expect_pot_rows(conf_case *c, const yr_pot_row *rows, size_t nmun)
{
    static const char *const keys[] = {"expect_participant_days", "expect_fees",     "expect_admin",
                                       "expect_pot_in",           "expect_kickback", "expect_net"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        for (size_t m = 0; m < nmun; m++) {
            const int64_t cols[6] = {rows[m].participant_days, rows[m].fees,     rows[m].admin,
                                     rows[m].pot_in,           rows[m].kickback, rows[m].net};
            got[m] = cols[k];
        }
        if (case_expect_list(c, keys[k], got, nmun) == FAIL)
            return FAIL;
    }
    return PASS;
}

static verdict op_pot_settle(conf_case *c)
{
    static yr_attendance att[MAXN];
    static yr_trainer tr[MAXN];
    static yr_pot_row rows[MAXN];
    static int64_t undist[MAXN];
    yr_pot_rules r;
    int64_t ndays, nmun;
    long natt, ntr;
    if (!read_rules(c, &r) || !case_int(c, "ndays", &ndays) ||
        !case_int(c, "nmunicipalities", &nmun) || (natt = read_attendance(c, att)) < 0 ||
        (ntr = read_trainers(c, tr)) < 0)
        return FAIL;
    if (ndays < 0 || ndays > MAXN || nmun < 0 || nmun > MAXN)
        return case_fail(c, "ndays or nmunicipalities past %s%s", "MAXN", "");
    yr_pot_summary s;
    yr_where w;
    verdict v;
    yr_status st = yr_pot_settle_where(&r, (size_t)ndays, (size_t)nmun, att, (size_t)natt, tr,
                                       (size_t)ntr, rows, &s, undist, &w);
    if (case_settled(c, st, &w, &v))
        return v;
    int64_t sum[8] = {s.participant_days, s.fees, s.admin, s.pot_in, s.kickback, s.undistributed};
    sum[6] = (int64_t)s.days_without_trainer;
    sum[7] = (int64_t)s.days_without_participants;
    if (expect_pot_rows(c, rows, (size_t)nmun) == FAIL ||
        case_expect_list(c, "expect_summary", sum, 8) == FAIL)
        return FAIL;
    return case_expect_list(c, "expect_day_undistributed", undist, (size_t)ndays);
}

/* expect_share / expect_low / expect_high (doubles) and expect_counts (successes trials
 * pairs) of n rates. */
static verdict expect_rates(conf_case *c, const yr_rate *rates, size_t n, const char *prefix)
{
    static double share[MAXN], low[MAXN], high[MAXN];
    char key[64];
    for (size_t i = 0; i < n; i++) {
        share[i] = rates[i].share;
        low[i] = rates[i].low;
        high[i] = rates[i].high;
        got[2 * i] = rates[i].successes;
        got[2 * i + 1] = rates[i].trials;
    }
    const char *names[3] = {"share", "low", "high"};
    const double *cols[3] = {share, low, high};
    for (int k = 0; k < 3; k++) {
        snprintf(key, sizeof key, "expect_%s%s", prefix, names[k]);
        if (case_expect_doubles(c, key, cols[k], n) == FAIL)
            return FAIL;
    }
    snprintf(key, sizeof key, "expect_%scounts", prefix);
    return case_expect_list(c, key, got, 2 * n);
}

static verdict op_attendance_rate(conf_case *c)
{
    static yr_rate per[MAXN];
    yr_rate total;
    double conf;
    long n = list(c, "registered", a1), m = list(c, "attended", a2);
    if (n < 0 || m < 0 || !case_double(c, "confidence", &conf))
        return FAIL;
    if (n != m)
        return case_fail(c, "registered and attended differ in length%s%s", "", "");
    yr_where w;
    verdict v;
    yr_status st = yr_attendance_rate_where(a1, a2, (size_t)n, conf, per, &total, &w);
    if (case_settled(c, st, &w, &v))
        return v;
    if (expect_rates(c, per, (size_t)n, "") == FAIL)
        return FAIL;
    return expect_rates(c, &total, 1, "total_");
}

static verdict op_progression(conf_case *c)
{
    static yr_rate out[MAXN];
    double conf;
    long n = list(c, "completed", a1);
    if (n < 0 || !case_double(c, "confidence", &conf))
        return FAIL;
    yr_where w;
    verdict v;
    if (case_settled(c, yr_progression_where(a1, (size_t)n, conf, out, &w), &w, &v))
        return v;
    return expect_rates(c, out, (size_t)n - 1, "");
}

static verdict op_check_totals(conf_case *c)
{
    size_t ncols = 0;
    long nrows = case_parse_rows(case_get(c, "table"), a1, MAXN, &ncols);
    long m = list(c, "stated", a2);
    if (nrows < 0 || m < 0)
        return case_fail(c, "table: not rows of integers, or stated missing%s%s", "", "");
    if ((size_t)m != ncols)
        return case_fail(c, "stated: not one total per column%s%s", "", "");
    size_t bad = 0;
    yr_where w;
    verdict v;
    yr_status st = yr_check_totals_where(a1, (size_t)nrows, ncols, a2, got, &bad, &w);
    if (case_settled(c, st, &w, &v))
        return v;
    if (case_expect_list(c, "expect_sums", got, ncols) == FAIL)
        return FAIL;
    int64_t mism = (int64_t)bad;
    return case_expect_list(c, "expect_mismatched", &mism, 1);
}

/* A list of category indices (uint32). */
static long indices(conf_case *c, const char *key, uint32_t *out)
{
    long n = list(c, key, got);
    for (long i = 0; i < n; i++)
        out[i] = (uint32_t)got[i];
    return n;
}

static verdict op_crosstab(conf_case *c)
{
    static uint32_t row[MAXN], col[MAXN];
    int64_t nrows, ncols;
    long n = indices(c, "row", row), m = indices(c, "col", col);
    if (n < 0 || m < 0 || !case_int(c, "nrows", &nrows) || !case_int(c, "ncols", &ncols))
        return FAIL;
    if (n != m || nrows < 0 || ncols < 0 || nrows * ncols > MAXN)
        return case_fail(c, "row and col differ in length, or the table is past %s%s", "MAXN", "");
    yr_where w;
    verdict v;
    yr_status st = yr_crosstab_where(row, col, (size_t)n, (size_t)nrows, (size_t)ncols, a1, &w);
    if (case_settled(c, st, &w, &v))
        return v;
    return case_expect_list(c, "expect", a1, (size_t)(nrows * ncols));
}

static verdict op_count_by(conf_case *c)
{
    static uint32_t group[MAXN];
    int64_t ngroups;
    long n = indices(c, "group", group);
    if (n < 0 || !case_int(c, "ngroups", &ngroups))
        return FAIL;
    if (ngroups < 0 || ngroups > MAXN)
        return case_fail(c, "ngroups past %s%s", "MAXN", "");
    yr_where w;
    verdict v;
    if (case_settled(c, yr_count_by_where(group, (size_t)n, (size_t)ngroups, a1, &w), &w, &v))
        return v;
    return case_expect_list(c, "expect", a1, (size_t)ngroups);
}

int main(int argc, char **argv)
{
    static const case_op ops[] = {
        {"audit", op_audit},
        {"pot_settle", op_pot_settle},
        {"attendance_rate", op_attendance_rate},
        {"progression", op_progression},
        {"check_totals", op_check_totals},
        {"crosstab", op_crosstab},
        {"count_by", op_count_by},
    };
    return case_main(argc, argv, ops, sizeof ops / sizeof ops[0], "YR_GOLDEN_DIR",
                     "tests/golden/audit", 3, NULL);
}
