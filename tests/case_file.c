/* Test code: `key: value` case files and the runner loop (case_file.h). */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_file.h"

const char *case_get(const conf_case *c, const char *key)
{
    for (size_t i = 0; i < c->nitems; i++) {
        if (strcmp(c->items[i].key, key) == 0)
            return c->items[i].value;
    }
    return NULL;
}

verdict case_fail(conf_case *c, const char *fmt, const char *a, const char *b)
{
    if (snprintf(c->why, sizeof c->why, fmt, a, b) >= (int)sizeof c->why)
        strcpy(c->why + sizeof c->why - 4, "...");
    return FAIL;
}

verdict case_skip(conf_case *c, const char *fmt, const char *a)
{
    if (snprintf(c->why, sizeof c->why, fmt, a) >= (int)sizeof c->why)
        strcpy(c->why + sizeof c->why - 4, "...");
    return SKIP;
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
    char where[32];
    for (char *line = c->text, *next; line != NULL; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        snprintf(where, sizeof where, "line %d", ++lineno);
        char *t = trim(line);
        if (*t == '\0' || *t == '#')
            continue;
        char *colon = strchr(t, ':');
        if (colon == NULL || c->nitems == CASE_MAX_KEYS) {
            case_fail(c, "%s: not 'key: value'%s", where, "");
            return 0;
        }
        *colon = '\0';
        char *key = trim(t);
        if (case_get(c, key) != NULL) {
            case_fail(c, "%s: key '%s' twice", where, key);
            return 0;
        }
        c->items[c->nitems].key = key;
        c->items[c->nitems].value = trim(colon + 1);
        c->nitems++;
    }
    return 1;
}

long case_parse_ints(const char *s, int64_t *out, long cap)
{
    long n = 0;
    while (s != NULL && *s != '\0') {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (end == s || errno != 0 || n == cap || (*end != ' ' && *end != '\0'))
            return -1;
        out[n++] = v;
        s = end;
        while (*s == ' ')
            s++;
    }
    return n;
}

long case_parse_rows(const char *s, int64_t *out, long cap, size_t *ncols)
{
    char buf[8192];
    if (s == NULL || strlen(s) >= sizeof buf)
        return -1;
    strcpy(buf, s);
    long rows = 0, used = 0;
    for (char *row = buf, *bar; row != NULL; row = bar) {
        bar = strchr(row, '|');
        if (bar != NULL)
            *bar++ = '\0';
        long k = case_parse_ints(trim(row), out + used, cap - used);
        if (k <= 0 || (rows > 0 && (size_t)k != *ncols))
            return -1;
        *ncols = (size_t)k;
        used += k;
        rows++;
    }
    return rows;
}

void case_format_ints(const int64_t *v, size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, i ? " %lld" : "%lld", (long long)v[i]);
}

int case_int(conf_case *c, const char *key, int64_t *value)
{
    if (case_parse_ints(case_get(c, key), value, 1) != 1) {
        case_fail(c, "%s: missing or not one integer%s", key, "");
        return 0;
    }
    return 1;
}

int case_double(conf_case *c, const char *key, double *x)
{
    const char *text = case_get(c, key);
    char *end;
    if (text == NULL || (*x = strtod(text, &end), end == text || *end != '\0')) {
        case_fail(c, "%s: missing or not a number%s", key, "");
        return 0;
    }
    return 1;
}

/* expect_where: "RECORD COLUMN ARG" (none for YR_WHERE_NONE / NULL) against *where. */
static int where_matches(conf_case *c, const yr_where *where)
{
    const char *want = case_get(c, "expect_where");
    if (want == NULL)
        return 1;
    char got[128];
    char rec[24] = "none", col[24] = "none";
    if (where->record != YR_WHERE_NONE)
        snprintf(rec, sizeof rec, "%zu", where->record);
    if (where->column != YR_WHERE_NONE)
        snprintf(col, sizeof col, "%zu", where->column);
    snprintf(got, sizeof got, "%s %s %s", rec, col, where->arg ? where->arg : "none");
    if (strcmp(got, want) == 0)
        return 1;
    case_fail(c, "where %s, expected %s", got, want);
    return 0;
}

int case_settled(conf_case *c, yr_status st, const yr_where *where, verdict *v)
{
    const char *want = case_get(c, "expect_error");
    if (want == NULL && st == YR_OK)
        return 0;
    if (want != NULL && strcmp(want, yr_status_name(st)) == 0)
        *v = where == NULL || where_matches(c, where) ? PASS : FAIL;
    else
        *v = case_fail(c, "status %s, expected %s", yr_status_name(st), want ? want : "YR_OK");
    return 1;
}

verdict case_expect_list(conf_case *c, const char *key, const int64_t *got, size_t n)
{
    static int64_t want[CASE_MAX_LIST];
    static char buf[2048];
    const char *text = case_get(c, key);
    long m = case_parse_ints(text, want, CASE_MAX_LIST);
    if (text == NULL || m < 0)
        return case_fail(c, "%s: missing or not a list of integers%s", key, "");
    if ((size_t)m != n || memcmp(want, got, n * sizeof *got) != 0) {
        case_format_ints(got, n, buf, sizeof buf);
        return case_fail(c, "got %s, expected %s", buf, text);
    }
    return PASS;
}

verdict case_expect_doubles(conf_case *c, const char *key, const double *got, size_t n)
{
    const char *s = case_get(c, key);
    char buf[64];
    size_t i = 0;
    while (s != NULL && *s != '\0' && i < n) {
        char *end;
        double want = strtod(s, &end);
        if (end == s)
            break;
        int both_nan = isnan(want) && isnan(got[i]);
        if (!both_nan && !(fabs(got[i] - want) <= 1e-9 * fmax(1.0, fabs(want)))) {
            snprintf(buf, sizeof buf, "%.17g", got[i]);
            return case_fail(c, "%s: got %s", key, buf);
        }
        i++;
        for (s = end; *s == ' '; s++)
            ;
    }
    if (s == NULL || *s != '\0' || i != n)
        return case_fail(c, "%s: missing, not numbers, or not %s of them", key, "as many");
    return PASS;
}

static verdict run_case(conf_case *c, const case_op *ops, size_t nops)
{
    if (!parse_lines(c))
        return FAIL;
    const char *op = case_get(c, "op");
    if (op == NULL)
        return case_fail(c, "no op:%s%s", "", "");
    for (size_t i = 0; i < nops; i++) {
        if (strcmp(op, ops[i].op) == 0)
            return ops[i].run(c);
    }
    return case_fail(c, "unknown op '%s'%s", op, "");
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, len = 0, got;
    char *buf = malloc(cap);
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
static verdict run_file(const char *path, const case_op *ops, size_t nops, char op[64])
{
    conf_case c;
    memset(&c, 0, sizeof c);
    const char *slash = strrchr(path, '/');
    c.name = slash ? slash + 1 : path;
    c.text = read_file(path);
    verdict v =
        c.text == NULL ? case_fail(&c, "cannot read %s%s", path, "") : run_case(&c, ops, nops);
    if (v == PASS)
        printf("PASS %s\n", c.name);
    else
        printf("%s %s: %s\n", v == SKIP ? "SKIP" : "FAIL", c.name, c.why);
    const char *o = c.text ? case_get(&c, "op") : NULL;
    snprintf(op, 64, "%s", o ? o : "");
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

/* The cases of a run, for the skip list: file name (NAME.case), op, verdict. */
typedef struct case_seen {
    const char *name;
    char op[64];
    verdict v;
} case_seen;

/* Whether the space-separated tokens of list[0..len) name the case: its NAME (the file name
 * without .case) or op=OP for its op. */
static int listed(const char *list, size_t len, const case_seen *c)
{
    size_t nlen = strlen(c->name) - strlen(".case"), olen = strlen(c->op);
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && list[j] != ' ')
            j++;
        if ((j - i == nlen && strncmp(list + i, c->name, nlen) == 0) ||
            (olen > 0 && j - i == 3 + olen && strncmp(list + i, "op=", 3) == 0 &&
             strncmp(list + i + 3, c->op, olen) == 0))
            return 1;
        i = j + 1;
    }
    return 0;
}

/* The tokens of the line "skipped by KEY (N): TOKEN ..." of dir/README.md (a case NAME, or op=OP
 * for every case of an op) against this run: 1 when the cases skipped are exactly the cases the
 * tokens name, N of them; else 0, with what differs printed. */
static int skips_documented(const char *prog, const char *dir, const char *key,
                            const case_seen *cases, size_t n)
{
    char path[4096], prefix[64];
    snprintf(path, sizeof path, "%s/README.md", dir);
    int plen = snprintf(prefix, sizeof prefix, "skipped by %s (", key);
    char *text = read_file(path);
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read %s (it lists the skipped cases)\n", prog, path);
        return 0;
    }
    const char *line = text;
    while (line != NULL && strncmp(line, prefix, (size_t)plen) != 0)
        line = (line = strchr(line, '\n')) ? line + 1 : NULL;
    char *end = NULL;
    unsigned long want = line ? strtoul(line + plen, &end, 10) : 0;
    int ok = line != NULL && end[0] == ')' && end[1] == ':';
    if (!ok) {
        fprintf(stderr, "%s: %s has no line '%sN): TOKENS'\n", prog, path, prefix);
        free(text);
        return 0;
    }
    const char *tokens = end + 2 + strspn(end + 2, " ");
    size_t len = strcspn(tokens, "\n"), nskipped = 0, ndoc = 0;
    while (len > 0 && tokens[len - 1] == ' ')
        len--;
    for (size_t i = 0; i < n; i++) {
        int doc = listed(tokens, len, &cases[i]);
        nskipped += cases[i].v == SKIP;
        ndoc += doc;
        if (doc != (cases[i].v == SKIP)) {
            fprintf(stderr, "%s: %s %s, but %s lists it %s\n", prog, cases[i].name,
                    doc ? "ran" : "was skipped", path, doc ? "as skipped" : "nowhere");
            ok = 0;
        }
    }
    if (nskipped != want || ndoc != want) {
        fprintf(stderr, "%s: %s says %lu skipped (its tokens name %zu), this run skipped %zu\n",
                prog, path, want, ndoc, nskipped);
        ok = 0;
    }
    free(text);
    return ok;
}

int case_main(int argc, char **argv, const case_op *ops, size_t nops, const char *env_dir,
              const char *default_dir, size_t min_cases, const char *skips_key)
{
    size_t counts[3] = {0, 0, 0};
    if (argc > 1) { /* the named files only */
        for (int i = 1; i < argc; i++) {
            char op[64];
            counts[run_file(argv[i], ops, nops, op)]++;
        }
    } else {
        const char *dir = getenv(env_dir);
        dir = dir ? dir : default_dir;
        size_t n = 0;
        char **paths = list_cases(dir, &n);
        case_seen *seen = paths ? calloc(n + 1, sizeof *seen) : NULL;
        if (seen == NULL) {
            fprintf(stderr, "%s: cannot read %s\n", argv[0], dir);
            free(paths);
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            seen[i].name = strrchr(paths[i], '/') + 1;
            seen[i].v = run_file(paths[i], ops, nops, seen[i].op);
            counts[seen[i].v]++;
        }
        int documented = skips_key == NULL || skips_documented(argv[0], dir, skips_key, seen, n);
        for (size_t i = 0; i < n; i++)
            free(paths[i]);
        free(paths);
        free(seen);
        if (n < min_cases) {
            fprintf(stderr, "%s: only %zu cases in %s (at least %zu)\n", argv[0], n, dir,
                    min_cases);
            return 1;
        }
        if (!documented)
            return 1;
    }
    printf("%s: %zu passed, %zu failed, %zu skipped\n", argv[0], counts[PASS], counts[FAIL],
           counts[SKIP]);
    return counts[FAIL] != 0;
}
