/* The C runner of the conformance suite (tests/conformance/README.md): every NAME.case file of
 * the directory in $YR_CONFORMANCE_DIR (or the files named on the command line) through the C
 * API. Prints PASS, SKIP (with the reason) or FAIL (with what differs) per case and exits 1 when
 * any case fails, a file is malformed, or (directory mode) there are fewer than 40 cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_file.h"
#include "test_util.h"

static int64_t weights[CASE_MAX_LIST], out[CASE_MAX_LIST];

/* weights: as a list; -1 with the FAIL message set when it is not one. */
static long read_weights(conf_case *c)
{
    long n = case_parse_ints(case_get(c, "weights"), weights, CASE_MAX_LIST);
    if (n < 0)
        case_fail(c, "weights: not a list of integers%s%s", "", "");
    return n;
}

/* A fraction given as decimal text, through yr_fraction_from_text. */
static yr_status fraction(const conf_case *c, const char *key, int64_t *num, int64_t *den)
{
    const char *text = case_get(c, key);
    return text == NULL ? YR_ERR_NULL : yr_fraction_from_text(text, num, den);
}

/* The split options of the case into opt (method included); 0 with the FAIL message set when
 * a list is malformed; *st gets the status of reading the names and decimal texts. */
static int read_options(conf_case *c, size_t n, yr_split_options *opt, yr_status *st)
{
    static int64_t minimum[CASE_MAX_LIST], maximum[CASE_MAX_LIST];
    const char *method = case_get(c, "method"), *tie = case_get(c, "tie");
    yr_split_options_init(opt);
    *st = method == NULL ? YR_OK : yr_method_from_name(method, &opt->method);
    if (*st == YR_OK && tie != NULL)
        *st = yr_tie_from_name(tie, &opt->tie);
    if (*st == YR_OK && case_get(c, "threshold") != NULL)
        *st = fraction(c, "threshold", &opt->threshold_num, &opt->threshold_den);
    if (*st == YR_OK && case_get(c, "first_divisor") != NULL)
        *st = fraction(c, "first_divisor", &opt->first_divisor_num, &opt->first_divisor_den);
    const char *keys[2] = {"minimum", "maximum"};
    int64_t *bounds[2] = {minimum, maximum};
    const int64_t **fields[2] = {&opt->minimum, &opt->maximum};
    for (int k = 0; k < 2; k++) {
        const char *text = case_get(c, keys[k]);
        if (text == NULL)
            continue;
        if (case_parse_ints(text, bounds[k], CASE_MAX_LIST) != (long)n) {
            case_fail(c, "%s: not one integer per party%s", keys[k], "");
            return 0;
        }
        *fields[k] = bounds[k];
    }
    return 1;
}

static verdict op_split(conf_case *c)
{
    int64_t total;
    long n = read_weights(c);
    if (n < 0 || !case_int(c, "total", &total))
        return FAIL;
    yr_split_options opt;
    yr_status st;
    verdict v;
    if (!read_options(c, (size_t)n, &opt, &st))
        return FAIL;
    if (st == YR_OK)
        st = yr_split_with(total, weights, (size_t)n, &opt, out);
    if (case_settled(c, st, NULL, &v))
        return v;
    /* Without options yr_split gives the same answer. */
    if (opt.tie == YR_TIE_LARGER_WEIGHT && opt.minimum == NULL && opt.maximum == NULL &&
        opt.threshold_num == 0 && opt.first_divisor_den == 0) {
        static int64_t plain[CASE_MAX_LIST];
        if (yr_split(total, weights, (size_t)n, opt.method, plain) != YR_OK ||
            memcmp(plain, out, (size_t)n * sizeof *out) != 0)
            return case_fail(c, "yr_split and yr_split_with %s%s", "differ", "");
    }
    return case_expect_list(c, "expect", out, (size_t)n);
}

/* The table out (n rows of m) equals the rows of expect: (joined by '|'). */
static verdict expect_table(conf_case *c, long n, long m)
{
    static int64_t want[CASE_MAX_LIST];
    size_t ncols = 0;
    long rows = case_parse_rows(case_get(c, "expect"), want, CASE_MAX_LIST, &ncols);
    if (rows != n || ncols != (size_t)m)
        return case_fail(c, "expect: not %s rows of one amount per item%s", "nparties", "");
    if (memcmp(want, out, (size_t)(n * m) * sizeof *out) != 0) {
        static char buf[2048];
        case_format_ints(out, (size_t)(n * m), buf, sizeof buf);
        return case_fail(c, "got %s (row-major), expected %s", buf, case_get(c, "expect"));
    }
    return PASS;
}

static verdict op_split_table(conf_case *c)
{
    static int64_t totals[CASE_MAX_LIST];
    long n = read_weights(c);
    long m = case_parse_ints(case_get(c, "totals"), totals, CASE_MAX_LIST);
    if (n < 0 || m < 0)
        return case_fail(c, "weights or totals: missing or not integers%s%s", "", "");
    if (n * m > CASE_MAX_LIST)
        return case_fail(c, "the table is larger than %s cells%s", "CASE_MAX_LIST", "");
    verdict v;
    if (case_settled(c, yr_split_table(totals, (size_t)m, weights, (size_t)n, out), NULL, &v))
        return v;
    return expect_table(c, n, m);
}

static verdict op_split_nested(conf_case *c)
{
    static int64_t groups[CASE_MAX_LIST], group_out[CASE_MAX_LIST];
    static size_t group[CASE_MAX_LIST];
    int64_t total, ngroups;
    long n = read_weights(c);
    long m = case_parse_ints(case_get(c, "groups"), groups, CASE_MAX_LIST);
    if (n < 0 || m != n || !case_int(c, "total", &total) || !case_int(c, "ngroups", &ngroups))
        return case_fail(c, "weights, groups (one per party), total or ngroups: %s%s", "malformed",
                         "");
    if (ngroups < 0 || ngroups > CASE_MAX_LIST)
        return case_fail(c, "ngroups past %s%s", "CASE_MAX_LIST", "");
    for (long i = 0; i < n; i++)
        group[i] = (size_t)groups[i];
    verdict v;
    yr_status st =
        yr_split_nested(total, weights, group, (size_t)n, (size_t)ngroups, out, group_out);
    if (case_settled(c, st, NULL, &v))
        return v;
    if (case_expect_list(c, "expect", out, (size_t)n) == FAIL)
        return FAIL;
    return case_expect_list(c, "expect_groups", group_out, (size_t)ngroups);
}

static verdict op_split_mixed(conf_case *c)
{
    int64_t total, num, den;
    long n = read_weights(c);
    if (n < 0 || !case_int(c, "total", &total))
        return FAIL;
    verdict v;
    yr_status st = fraction(c, "equal_part", &num, &den);
    if (st == YR_OK)
        st = yr_split_mixed(total, num, den, weights, (size_t)n, out);
    if (case_settled(c, st, NULL, &v))
        return v;
    return case_expect_list(c, "expect", out, (size_t)n);
}

/* expect_num / expect_den against num/den. */
static verdict expect_fraction(conf_case *c, int64_t num, int64_t den)
{
    int64_t got[2] = {num, den}, want[2];
    if (!case_int(c, "expect_num", &want[0]) || !case_int(c, "expect_den", &want[1]))
        return FAIL;
    if (got[0] != want[0] || got[1] != want[1]) {
        char buf[64];
        case_format_ints(got, 2, buf, sizeof buf);
        return case_fail(c, "got %s (num den), expected %s", buf, case_get(c, "expect_num"));
    }
    return PASS;
}

static verdict op_fraction_text(conf_case *c)
{
    int64_t num = 0, den = 0;
    verdict v;
    if (case_settled(c, fraction(c, "text", &num, &den), NULL, &v))
        return v;
    return expect_fraction(c, num, den);
}

static verdict op_fraction_double(conf_case *c)
{
    double x;
    int64_t num = 0, den = 0;
    verdict v;
    if (!case_double(c, "value", &x))
        return FAIL;
    if (case_settled(c, yr_fraction_from_double(x, &num, &den), NULL, &v))
        return v;
    return expect_fraction(c, num, den);
}

static verdict op_count_from_percent(conf_case *c)
{
    int64_t n, num = 0, den = 1, got[2] = {0, 0};
    int exact = 0;
    if (!case_int(c, "n", &n))
        return FAIL;
    verdict v;
    yr_status st = fraction(c, "percent", &num, &den);
    if (st == YR_OK)
        st = yr_count_from_percent(num, den, n, &got[0], &exact);
    if (case_settled(c, st, NULL, &v))
        return v;
    got[1] = exact;
    if (case_expect_list(c, "expect_count", got, 1) == FAIL)
        return FAIL;
    return case_expect_list(c, "expect_exact", got + 1, 1);
}

static verdict op_pot_shares(conf_case *c)
{
    int64_t fee, pot_part, ln = 0, ld = 1, tn = 0, td = 1, den;
    if (!case_int(c, "fee", &fee) || !case_int(c, "pot_part", &pot_part))
        return FAIL;
    yr_pot_rules r;
    verdict v;
    yr_status st = fraction(c, "leader", &ln, &ld);
    if (st == YR_OK)
        st = fraction(c, "trainer", &tn, &td);
    if (st == YR_OK)
        st = yr_pot_rules_with_shares(fee, pot_part, ln, ld, tn, td, &r);
    if (case_settled(c, st, NULL, &v))
        return v;
    if (r.fee != fee || r.pot_part != pot_part)
        return case_fail(c, "fee or pot part not kept%s%s", "", "");
    int64_t got[2] = {r.share[YR_ROLE_LEADER], r.share[YR_ROLE_TRAINER]};
    if (case_expect_list(c, "expect_shares", got, 2) == FAIL || !case_int(c, "expect_den", &den))
        return FAIL;
    /* The case itself must be right: leader = shares[0] / den and trainer = shares[1] / den. */
    if ((test_u128)(uint64_t)got[0] * (uint64_t)ld != (test_u128)(uint64_t)ln * (uint64_t)den ||
        (test_u128)(uint64_t)got[1] * (uint64_t)td != (test_u128)(uint64_t)tn * (uint64_t)den)
        return case_fail(c, "expect_shares over expect_den %s are not the leader and trainer %s",
                         case_get(c, "expect_den"), "shares");
    return PASS;
}

static verdict op_goal_check(conf_case *c)
{
    int64_t yes, n;
    double target, confidence;
    if (!case_int(c, "yes", &yes) || !case_int(c, "n", &n) || !case_double(c, "target", &target) ||
        !case_double(c, "confidence", &confidence))
        return FAIL;
    yr_goal goal = YR_GOAL_INCONCLUSIVE;
    verdict v;
    if (case_settled(c, yr_goal_check(yes, n, target, confidence, &goal), NULL, &v))
        return v;
    const char *want = case_get(c, "expect_verdict"), *got = yr_goal_name(goal);
    if (want == NULL || strcmp(want, got) != 0)
        return case_fail(c, "verdict %s, expected %s", got, want ? want : "(missing)");
    return PASS;
}

static verdict op_find_total_row(conf_case *c)
{
    long n = read_weights(c);
    if (n < 0)
        return FAIL;
    size_t idx = 0;
    verdict v;
    if (case_settled(c, yr_find_total_row(weights, (size_t)n, &idx), NULL, &v))
        return v;
    char got[32] = "none";
    if (idx != YR_WHERE_NONE)
        snprintf(got, sizeof got, "%zu", idx);
    const char *want = case_get(c, "expect_index");
    if (want == NULL || strcmp(want, got) != 0)
        return case_fail(c, "index %s, expected %s", got, want ? want : "(missing)");
    return PASS;
}

/* ---- third round: the controller (tests/conformance/README.md) ----------------------------- */

/* Decimal texts separated by blanks, one per item ("30% 0 1/2"; "-" for none: 0/0) into
 * num[]/den[]; the count, or -1 (FAIL set) when it is not such a list. *st: the fraction
 * rule's status of the first text that is not a number. */
static long read_fractions(conf_case *c, const char *key, int64_t *num, int64_t *den, long cap,
                           yr_status *st)
{
    static char buf[4096];
    const char *text = case_get(c, key);
    long n = 0;
    if (text == NULL || strlen(text) >= sizeof buf) {
        case_fail(c, "%s: missing or too long%s", key, "");
        return -1;
    }
    strcpy(buf, text);
    for (char *tok = strtok(buf, " "); tok != NULL; tok = strtok(NULL, " ")) {
        if (n == cap) {
            case_fail(c, "%s: more than %s entries", key, "CASE_MAX_LIST");
            return -1;
        }
        num[n] = 0;
        den[n] = 0;
        if (strcmp(tok, "-") != 0 && *st == YR_OK)
            *st = yr_fraction_from_text(tok, &num[n], &den[n]);
        n++;
    }
    return n;
}

/* rows (parties) joined by '|' of m items each into out; the number of rows, or -1 (FAIL set) */
static long read_table(conf_case *c, const char *key, int64_t *dst, size_t m)
{
    size_t ncols = 0;
    long rows = case_parse_rows(case_get(c, key), dst, CASE_MAX_LIST, &ncols);
    if (rows < 0 || ncols != m) {
        case_fail(c, "%s: not rows of one amount per item%s", key, "");
        return -1;
    }
    return rows;
}

static verdict op_split_table_mixed(conf_case *c)
{
    static int64_t totals[CASE_MAX_LIST], num[CASE_MAX_LIST], den[CASE_MAX_LIST];
    yr_status st = YR_OK;
    long n = read_weights(c);
    long m = case_parse_ints(case_get(c, "totals"), totals, CASE_MAX_LIST);
    long k = read_fractions(c, "equal_parts", num, den, CASE_MAX_LIST, &st);
    if (n < 0 || m < 0 || k < 0 || k != m || n * m > CASE_MAX_LIST)
        return case_fail(c, "weights, totals or equal_parts (one per item): %s%s", "malformed", "");
    verdict v;
    if (st == YR_OK)
        st = yr_split_table_mixed(totals, num, den, (size_t)m, weights, (size_t)n, out);
    if (case_settled(c, st, NULL, &v))
        return v;
    return expect_table(c, n, m);
}

static verdict op_rate_item(conf_case *c)
{
    int64_t num = 0, den = 1, total = 0;
    long n = read_weights(c);
    if (n < 0)
        return FAIL;
    verdict v;
    yr_status st = fraction(c, "rate", &num, &den);
    if (st == YR_OK)
        st = yr_rate_item(num, den, weights, (size_t)n, out, &total);
    if (case_settled(c, st, NULL, &v))
        return v;
    if (case_expect_list(c, "expect", out, (size_t)n) == FAIL)
        return FAIL;
    return case_expect_list(c, "expect_total", &total, 1);
}

/* "YYYY-MM-DD" of key into y, m, d; 0 with the FAIL message set when it is not a date text. */
static int read_date(conf_case *c, const char *key, int *y, int *m, int *d)
{
    const char *s = case_get(c, key);
    char rest;
    if (s == NULL || sscanf(s, "%d-%d-%d%c", y, m, d, &rest) != 3) {
        case_fail(c, "%s: missing or not YYYY-MM-DD%s", key, "");
        return 0;
    }
    return 1;
}

/* The text of key equals got ("none" for NULL). */
static verdict expect_text(conf_case *c, const char *key, const char *got)
{
    const char *want = case_get(c, key);
    if (want == NULL || strcmp(want, got ? got : "none") != 0)
        return case_fail(c, "got '%s', expected '%s'", got ? got : "none",
                         want ? want : "(missing)");
    return PASS;
}

static verdict op_bank_day(conf_case *c)
{
    int y, m, d, bank = -1;
    const char *why = NULL;
    if (!read_date(c, "date", &y, &m, &d))
        return FAIL;
    verdict v;
    if (case_settled(c, yr_is_bank_day(y, m, d, &bank, &why), NULL, &v))
        return v;
    int64_t got = bank;
    if (case_expect_list(c, "expect_bank_day", &got, 1) == FAIL)
        return FAIL;
    return expect_text(c, "expect_reason", why);
}

static verdict op_due_date_bank(conf_case *c)
{
    int y, m, d, dy = 0, dm = 0, dd = 0;
    int64_t days;
    if (!read_date(c, "date", &y, &m, &d) || !case_int(c, "days", &days))
        return FAIL;
    verdict v;
    if (case_settled(c, yr_due_date_bank(y, m, d, days, &dy, &dm, &dd), NULL, &v))
        return v;
    char got[16];
    snprintf(got, sizeof got, "%04d-%02d-%02d", dy, dm, dd);
    return expect_text(c, "expect_due", got);
}

/* The items of an audit: totals, equal parts and rates (both optional). */
static long read_items(conf_case *c, yr_item *it, yr_status *st)
{
    static int64_t totals[CASE_MAX_LIST], a[CASE_MAX_LIST], b[CASE_MAX_LIST];
    long m = case_parse_ints(case_get(c, "totals"), totals, CASE_MAX_LIST);
    if (m <= 0 || m > 64)
        return case_fail(c, "totals: missing or not 1 to %s integers%s", "64", ""), -1;
    for (long j = 0; j < m; j++)
        yr_item_init(&it[j], totals[j]);
    if (case_get(c, "equal_parts") != NULL) {
        if (read_fractions(c, "equal_parts", a, b, CASE_MAX_LIST, st) != m)
            return case_fail(c, "equal_parts: not one per item%s%s", "", ""), -1;
        for (long j = 0; j < m; j++) {
            it[j].equal_num = a[j];
            it[j].equal_den = b[j] != 0 ? b[j] : 1;
        }
    }
    if (case_get(c, "rates") != NULL) {
        if (read_fractions(c, "rates", a, b, CASE_MAX_LIST, st) != m)
            return case_fail(c, "rates: not one per item (- for none)%s%s", "", ""), -1;
        for (long j = 0; j < m; j++) {
            it[j].rate_num = a[j];
            it[j].rate_den = b[j];
        }
    }
    return m;
}

/* An optional list of one integer per party: NULL when absent; *bad when malformed. */
static const int64_t *party_list(conf_case *c, const char *key, int64_t *buf, long n, int *bad)
{
    if (case_get(c, key) == NULL)
        return NULL;
    if (case_parse_ints(case_get(c, key), buf, CASE_MAX_LIST) != n) {
        case_fail(c, "%s: not one integer per party%s", key, "");
        *bad = 1;
    }
    return buf;
}

static verdict op_audit_table(conf_case *c)
{
    static yr_item it[64];
    static int64_t pub[CASE_MAX_LIST], cols[4][CASE_MAX_LIST];
    static const char *const keys[4] = {"stated_total", "fees", "kickback", "net"};
    yr_status st = YR_OK;
    long n = read_weights(c), m = read_items(c, it, &st);
    if (n < 0 || m < 0)
        return FAIL;
    if (n * m > CASE_MAX_LIST || read_table(c, "published", pub, (size_t)m) != n)
        return case_fail(c, "published: not %s rows%s", "nparties", "");
    const int64_t *opt[4];
    int bad = 0;
    for (int k = 0; k < 4; k++)
        opt[k] = party_list(c, keys[k], cols[k], n, &bad);
    if (bad)
        return FAIL;
    yr_audit_table_summary s;
    verdict v;
    if (st == YR_OK)
        st = yr_audit_table(it, (size_t)m, weights, (size_t)n, pub, opt[0], opt[1], opt[2], opt[3],
                            &s, NULL, NULL, NULL);
    if (case_settled(c, st, NULL, &v))
        return v;
    const int64_t counts[7] = {(int64_t)s.columns_off,     (int64_t)s.cells_off_quota,
                               (int64_t)s.rows_off_rule,   (int64_t)s.rows_not_lr,
                               (int64_t)s.cells_differing, (int64_t)s.rows_total_off,
                               (int64_t)s.rows_net_off};
    if (case_expect_list(c, "expect_counts", counts, 7) == FAIL)
        return FAIL;
    return expect_text(c, "expect_verdict", yr_table_verdict_text(s.verdict));
}

/* percent_text (num, den, decimals), quota_text (whole, rem, den, decimals), share_text (part,
 * whole): the text the library writes. */
static verdict op_number_text(conf_case *c)
{
    const char *op = case_get(c, "op");
    int quota = strcmp(op, "quota_text") == 0, share = strcmp(op, "share_text") == 0;
    int64_t a, b, den = 1, decimals = 0;
    if (!case_int(c,
                  quota   ? "whole"
                  : share ? "part"
                          : "num",
                  &a) ||
        !case_int(c,
                  quota   ? "rem"
                  : share ? "whole"
                          : "den",
                  &b) ||
        (quota && !case_int(c, "den", &den)) || (!share && !case_int(c, "decimals", &decimals)))
        return FAIL;
    char buf[YR_NUMBER_TEXT_MAX];
    verdict v;
    yr_status st = decimals < 0 || decimals > 100 ? YR_ERR_RANGE
                   : quota ? yr_quota_text(a, b, den, (unsigned)decimals, buf, sizeof buf)
                   : share ? yr_share_text(a, b, buf, sizeof buf)
                           : yr_percent_text(a, b, (unsigned)decimals, buf, sizeof buf);
    if (case_settled(c, st, NULL, &v))
        return v;
    return expect_text(c, "expect_text", buf);
}

int main(int argc, char **argv)
{
    static const case_op ops[] = {
        {"split", op_split},
        {"split_mixed", op_split_mixed},
        {"split_table", op_split_table},
        {"split_nested", op_split_nested},
        {"fraction_text", op_fraction_text},
        {"fraction_double", op_fraction_double},
        {"count_from_percent", op_count_from_percent},
        {"pot_shares", op_pot_shares},
        {"goal_check", op_goal_check},
        {"find_total_row", op_find_total_row},
        {"split_table_mixed", op_split_table_mixed},
        {"rate_item", op_rate_item},
        {"bank_day", op_bank_day},
        {"due_date_bank", op_due_date_bank},
        {"audit_table", op_audit_table},
        {"percent_text", op_number_text},
        {"quota_text", op_number_text},
        {"share_text", op_number_text},
    };
    return case_main(argc, argv, ops, sizeof ops / sizeof ops[0], "YR_CONFORMANCE_DIR",
                     "tests/conformance", 40);
}
