/* The C runner of the conformance suite (tests/conformance/README.md): every NAME.case file of
 * the directory in $YR_CONFORMANCE_DIR (or the files named on the command line) through the C
 * API. Prints PASS, SKIP (with the reason) or FAIL (with what differs) per case and exits 1 when
 * any case fails, a file is malformed, or (directory mode) there are fewer than 40 cases. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa.h"
#include "test_util.h"

#define MAX_KEYS 32
#define MAX_LIST 4096
#define MIN_CASES 40

typedef struct item {
    char *key;
    char *value;
} item;

typedef struct conf_case {
    const char *name;
    char *text; /* the file, cut into keys and values in place */
    item items[MAX_KEYS];
    size_t nitems;
    char why[512]; /* the FAIL or SKIP message */
} conf_case;

typedef enum verdict { PASS, FAIL, SKIP } verdict;

static const char *get(const conf_case *c, const char *key)
{
    for (size_t i = 0; i < c->nitems; i++) {
        if (strcmp(c->items[i].key, key) == 0)
            return c->items[i].value;
    }
    return NULL;
}

static verdict failf(conf_case *c, const char *fmt, const char *a, const char *b)
{
    if (snprintf(c->why, sizeof c->why, fmt, a, b) >= (int)sizeof c->why)
        strcpy(c->why + sizeof c->why - 4, "...");
    return FAIL;
}

static char *trim(char *s)
{
    size_t start;
    size_t len = yr_label_trim(s, strlen(s), &start);
    s[start + len] = '\0';
    return s + start;
}

/* Cut the file into "key: value" items; 0 on a malformed line (message in c->why). */
static int parse_lines(conf_case *c)
{
    int lineno = 0;
    for (char *line = c->text, *next; line != NULL; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        lineno++;
        char *t = trim(line);
        if (*t == '\0' || *t == '#')
            continue;
        char *colon = strchr(t, ':');
        if (colon == NULL || c->nitems == MAX_KEYS) {
            snprintf(c->why, sizeof c->why, "line %d: not 'key: value'", lineno);
            return 0;
        }
        *colon = '\0';
        char *key = trim(t);
        if (get(c, key) != NULL) {
            snprintf(c->why, sizeof c->why, "line %d: key '%s' twice", lineno, key);
            return 0;
        }
        c->items[c->nitems].key = key;
        c->items[c->nitems].value = trim(colon + 1);
        c->nitems++;
    }
    return 1;
}

/* Space-separated integers into out (at most MAX_LIST); -1 when the text is not such a list. */
static long parse_ints(const char *s, int64_t *out)
{
    long n = 0;
    while (s != NULL && *s != '\0') {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (end == s || errno != 0 || n == MAX_LIST || (*end != ' ' && *end != '\0'))
            return -1;
        out[n++] = v;
        s = end;
        while (*s == ' ')
            s++;
    }
    return n;
}

/* The list as text, for messages. */
static void format_ints(const int64_t *v, size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, i ? " %lld" : "%lld", (long long)v[i]);
}

/* Compare a status with expect_error (or YR_OK when there is none). 1 when the outcome is
 * settled by the status alone (an error, expected or not), with *v the verdict. */
static int settled_by_status(conf_case *c, yr_status st, verdict *v)
{
    const char *want = get(c, "expect_error");
    if (want == NULL && st == YR_OK)
        return 0;
    if (want != NULL && strcmp(want, yr_status_name(st)) == 0) {
        *v = PASS;
        return 1;
    }
    *v = failf(c, "status %s, expected %s", yr_status_name(st), want ? want : "YR_OK");
    return 1;
}

/* expect: as a list equal to got[0..n). */
static verdict expect_list(conf_case *c, const char *key, const int64_t *got, size_t n)
{
    static int64_t want[MAX_LIST];
    const char *text = get(c, key);
    long m = parse_ints(text, want);
    if (text == NULL || m < 0)
        return failf(c, "%s%s: missing or not a list of integers", key, "");
    if ((size_t)m != n || memcmp(want, got, n * sizeof *got) != 0) {
        static char buf[2048];
        format_ints(got, n, buf, sizeof buf);
        return failf(c, "got %s, expected %s", buf, text);
    }
    return PASS;
}

/* A fraction given as decimal text, through yr_fraction_from_text. */
static yr_status fraction(const conf_case *c, const char *key, int64_t *num, int64_t *den)
{
    const char *text = get(c, key);
    return text == NULL ? YR_ERR_NULL : yr_fraction_from_text(text, num, den);
}

/* ---- the operations ------------------------------------------------------------------------- */

static int64_t weights[MAX_LIST], out[MAX_LIST];

/* weights: as a list; -1 with c->why set when it is not one. */
static long read_weights(conf_case *c)
{
    long n = parse_ints(get(c, "weights"), weights);
    if (n < 0)
        failf(c, "weights: not a list of integers%s%s", "", "");
    return n;
}

/* total: as an integer; 0 with c->why set when it is not one. */
static int read_total(conf_case *c, int64_t *total)
{
    int64_t v[MAX_LIST];
    const char *text = get(c, "total");
    if (text == NULL || parse_ints(text, v) != 1) {
        failf(c, "total: missing or not one integer%s%s", "", "");
        return 0;
    }
    *total = v[0];
    return 1;
}

static verdict op_split(conf_case *c)
{
    static const char *const options[] = {"tie", "minimum", "maximum", "threshold",
                                          "first_divisor"};
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        if (get(c, options[i]) != NULL) {
            snprintf(c->why, sizeof c->why, "split option '%s': yr_split_with not in this build",
                     options[i]);
            return SKIP;
        }
    }
    int64_t total;
    long n = read_weights(c);
    if (n < 0 || !read_total(c, &total))
        return FAIL;
    const char *name = get(c, "method");
    yr_method m = YR_LARGEST_REMAINDER;
    verdict v;
    yr_status st = name == NULL ? YR_OK : yr_method_from_name(name, &m);
    if (st == YR_OK)
        st = yr_split(total, weights, (size_t)n, m, out);
    if (settled_by_status(c, st, &v))
        return v;
    return expect_list(c, "expect", out, (size_t)n);
}

static verdict op_split_mixed(conf_case *c)
{
    int64_t total, num, den;
    long n = read_weights(c);
    if (n < 0 || !read_total(c, &total))
        return FAIL;
    verdict v;
    yr_status st = fraction(c, "equal_part", &num, &den);
    if (st == YR_OK)
        st = yr_split_mixed(total, num, den, weights, (size_t)n, out);
    if (settled_by_status(c, st, &v))
        return v;
    return expect_list(c, "expect", out, (size_t)n);
}

/* expect_num / expect_den against num/den. */
static verdict expect_fraction(conf_case *c, int64_t num, int64_t den)
{
    int64_t got[2] = {num, den}, want[2];
    const char *wn = get(c, "expect_num"), *wd = get(c, "expect_den");
    if (parse_ints(wn, want) != 1 || parse_ints(wd, want + 1) != 1)
        return failf(c, "expect_num / expect_den: missing or not integers%s%s", "", "");
    if (got[0] != want[0] || got[1] != want[1]) {
        char buf[64];
        format_ints(got, 2, buf, sizeof buf);
        return failf(c, "got %s (num den), expected %s", buf, wn);
    }
    return PASS;
}

static verdict op_fraction_text(conf_case *c)
{
    int64_t num = 0, den = 0;
    verdict v;
    yr_status st = fraction(c, "text", &num, &den);
    if (settled_by_status(c, st, &v))
        return v;
    return expect_fraction(c, num, den);
}

static verdict op_fraction_double(conf_case *c)
{
    const char *text = get(c, "value");
    if (text == NULL)
        return failf(c, "value: missing%s%s", "", "");
    char *end;
    double x = strtod(text, &end);
    if (end == text || *end != '\0')
        return failf(c, "value '%s' is not a number for strtod%s", text, "");
    int64_t num = 0, den = 0;
    verdict v;
    if (settled_by_status(c, yr_fraction_from_double(x, &num, &den), &v))
        return v;
    return expect_fraction(c, num, den);
}

/* An integer key; 0 with c->why set when missing or not one integer. */
static int read_int(conf_case *c, const char *key, int64_t *value)
{
    int64_t v[MAX_LIST];
    if (parse_ints(get(c, key), v) != 1) {
        failf(c, "%s: missing or not one integer%s", key, "");
        return 0;
    }
    *value = v[0];
    return 1;
}

static verdict op_count_from_percent(conf_case *c)
{
    int64_t n, num = 0, den = 1, count = 0, want_count, want_exact;
    int exact = 0;
    if (!read_int(c, "n", &n))
        return FAIL;
    verdict v;
    yr_status st = fraction(c, "percent", &num, &den);
    if (st == YR_OK)
        st = yr_count_from_percent(num, den, n, &count, &exact);
    if (settled_by_status(c, st, &v))
        return v;
    if (!read_int(c, "expect_count", &want_count) || !read_int(c, "expect_exact", &want_exact))
        return FAIL;
    if (count != want_count || exact != want_exact) {
        char buf[64];
        int64_t got[2] = {count, exact};
        format_ints(got, 2, buf, sizeof buf);
        return failf(c, "got count and exact %s, expected %s", buf, get(c, "expect_count"));
    }
    return PASS;
}

static verdict op_pot_shares(conf_case *c)
{
    int64_t fee, pot_part, ln = 0, ld = 1, tn = 0, td = 1, den;
    if (!read_int(c, "fee", &fee) || !read_int(c, "pot_part", &pot_part))
        return FAIL;
    yr_pot_rules r;
    verdict v;
    yr_status st = fraction(c, "leader", &ln, &ld);
    if (st == YR_OK)
        st = fraction(c, "trainer", &tn, &td);
    if (st == YR_OK)
        st = yr_pot_rules_with_shares(fee, pot_part, ln, ld, tn, td, &r);
    if (settled_by_status(c, st, &v))
        return v;
    if (r.fee != fee || r.pot_part != pot_part)
        return failf(c, "fee or pot part not kept%s%s", "", "");
    int64_t got[2] = {r.share[YR_ROLE_LEADER], r.share[YR_ROLE_TRAINER]};
    if (expect_list(c, "expect_shares", got, 2) == FAIL || !read_int(c, "expect_den", &den))
        return FAIL;
    /* The case itself must be right: leader = shares[0] / den and trainer = shares[1] / den. */
    if ((test_u128)(uint64_t)got[0] * (uint64_t)ld != (test_u128)(uint64_t)ln * (uint64_t)den ||
        (test_u128)(uint64_t)got[1] * (uint64_t)td != (test_u128)(uint64_t)tn * (uint64_t)den)
        return failf(c, "expect_shares over expect_den %s are not the leader and trainer %s",
                     get(c, "expect_den"), "shares");
    return PASS;
}

/* A double key (decimal text, read by strtod as Python's float() and R's as.numeric() do). */
static int read_double(conf_case *c, const char *key, double *x)
{
    const char *text = get(c, key);
    char *end;
    if (text == NULL || (*x = strtod(text, &end), end == text || *end != '\0')) {
        failf(c, "%s: missing or not a number%s", key, "");
        return 0;
    }
    return 1;
}

static verdict op_goal_check(conf_case *c)
{
    int64_t yes, n;
    double target, confidence;
    if (!read_int(c, "yes", &yes) || !read_int(c, "n", &n) || !read_double(c, "target", &target) ||
        !read_double(c, "confidence", &confidence))
        return FAIL;
    yr_goal goal = YR_GOAL_INCONCLUSIVE;
    verdict v;
    if (settled_by_status(c, yr_goal_check(yes, n, target, confidence, &goal), &v))
        return v;
    const char *want = get(c, "expect_verdict"), *got = yr_goal_name(goal);
    if (want == NULL || strcmp(want, got) != 0)
        return failf(c, "verdict %s, expected %s", got, want ? want : "(missing)");
    return PASS;
}

static verdict op_find_total_row(conf_case *c)
{
    long n = read_weights(c);
    if (n < 0)
        return FAIL;
    size_t idx = 0;
    verdict v;
    if (settled_by_status(c, yr_find_total_row(weights, (size_t)n, &idx), &v))
        return v;
    char got[32];
    if (idx == YR_WHERE_NONE)
        snprintf(got, sizeof got, "none");
    else
        snprintf(got, sizeof got, "%zu", idx);
    const char *want = get(c, "expect_index");
    if (want == NULL || strcmp(want, got) != 0)
        return failf(c, "index %s, expected %s", got, want ? want : "(missing)");
    return PASS;
}

static verdict run_case(conf_case *c)
{
    static const struct {
        const char *op;
        verdict (*run)(conf_case *);
    } ops[] = {
        {"split", op_split},
        {"split_mixed", op_split_mixed},
        {"fraction_text", op_fraction_text},
        {"fraction_double", op_fraction_double},
        {"count_from_percent", op_count_from_percent},
        {"pot_shares", op_pot_shares},
        {"goal_check", op_goal_check},
        {"find_total_row", op_find_total_row},
    };
    if (!parse_lines(c))
        return FAIL;
    const char *op = get(c, "op");
    if (op == NULL)
        return failf(c, "no op:%s%s", "", "");
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (strcmp(op, ops[i].op) == 0)
            return ops[i].run(c);
    }
    if (strcmp(op, "split_table") == 0 || strcmp(op, "split_nested") == 0) {
        snprintf(c->why, sizeof c->why, "op %s: not in this build", op);
        return SKIP;
    }
    return failf(c, "unknown op '%s'%s", op, "");
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[len] = '\0';
    return buf;
}

/* Run one file; returns its verdict and prints it. */
static verdict run_file(const char *path)
{
    conf_case c;
    memset(&c, 0, sizeof c);
    const char *slash = strrchr(path, '/');
    c.name = slash ? slash + 1 : path;
    c.text = read_file(path);
    verdict v = c.text == NULL ? failf(&c, "cannot read %s%s", path, "") : run_case(&c);
    if (v == PASS)
        printf("PASS %s\n", c.name);
    else
        printf("%s %s: %s\n", v == SKIP ? "SKIP" : "FAIL", c.name, c.why);
    free(c.text);
    return v;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted paths of dir's *.case files; NULL when the directory cannot be read. */
static char **list_cases(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return NULL;
    size_t n = 0, cap = 64;
    char **paths = malloc(cap * sizeof *paths);
    struct dirent *e;
    while (paths != NULL && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".case") != 0)
            continue;
        if (n == cap) {
            char **bigger = realloc(paths, (cap *= 2) * sizeof *paths);
            if (bigger == NULL)
                break;
            paths = bigger;
        }
        paths[n] = malloc(strlen(dir) + len + 2);
        if (paths[n] != NULL)
            sprintf(paths[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (paths != NULL)
        qsort(paths, n, sizeof *paths, by_name);
    *count = n;
    return paths;
}

int main(int argc, char **argv)
{
    size_t counts[3] = {0, 0, 0};
    if (argc > 1) { /* the named files only */
        for (int i = 1; i < argc; i++)
            counts[run_file(argv[i])]++;
    } else {
        const char *dir = getenv("YR_CONFORMANCE_DIR");
        size_t n = 0;
        char **paths = list_cases(dir ? dir : "tests/conformance", &n);
        if (paths == NULL) {
            fprintf(stderr, "test_conformance: cannot read %s\n", dir ? dir : "tests/conformance");
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            counts[run_file(paths[i])]++;
            free(paths[i]);
        }
        free(paths);
        if (n < MIN_CASES) {
            fprintf(stderr, "test_conformance: only %zu cases (at least %d)\n", n, MIN_CASES);
            return 1;
        }
    }
    printf("conformance (C): %zu passed, %zu failed, %zu skipped\n", counts[PASS], counts[FAIL],
           counts[SKIP]);
    return counts[FAIL] != 0;
}
