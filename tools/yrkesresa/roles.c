/* Columns by role: the one alias table of the yrkesresa program (see cli.h). */
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include <yrkesresa/read.h>

#include "cli.h"

/* The aliases of each role as header keys (cli_header_key form: folded, letters and digits
 * only); the first is the role's name for --column without its punctuation. */
static const char *const aliases[CLI_ROLE_COUNT][9] = {
    [CLI_ROLE_NAME] = {"municipality", "kommun", "region", "name", "namn", "kommunnamn", NULL},
    [CLI_ROLE_WEIGHT] = {"population", "befolkning", "inv\xc3\xa5nare", "folkm\xc3\xa4ngd", "antal",
                         "weight", "vikt", "antalinv\xc3\xa5nare", NULL},
    [CLI_ROLE_AMOUNT] = {"amount", "belopp", "kostnad", "published", "summakr", NULL},
    [CLI_ROLE_DAY] = {"day", "datum", "dag", "date", NULL},
    [CLI_ROLE_PARTICIPANTS] = {"participants", "deltagare", "antaldeltagare", NULL},
    [CLI_ROLE_ROLE] = {"role", "roll", NULL},
    [CLI_ROLE_REGISTERED] = {"registered", "anm\xc3\xa4lda", "antalanm\xc3\xa4lda", NULL},
    [CLI_ROLE_ATTENDED] = {"attended", "deltagit", "n\xc3\xa4rvarande", NULL},
    [CLI_ROLE_YES] = {"yes", "ja", "antalja", "yescount", NULL},
    [CLI_ROLE_YES_SHARE] = {"yespercent", "shareyespercent", "sharepercent", "andelja",
                            "andeljaprocent", NULL},
    [CLI_ROLE_RESPONDENTS] = {"respondents", "n", "antalsvarande", "svarande", NULL},
    [CLI_ROLE_TARGET] = {"target", "targetpercent", "m\xc3\xa5l", "m\xc3\xa5lprocent", NULL},
    [CLI_ROLE_CODE] = {"code", "kommunkod", "kod", "municipalitycode", "lankod", NULL},
    [CLI_ROLE_GROUP] = {"group", "l\xc3\xa4n", "county", "grupp", NULL},
    [CLI_ROLE_ITEM] = {"item", "post", "kostnadspost", NULL},
    [CLI_ROLE_YEAR] = {"year", "\xc3\xa5r", NULL},
    [CLI_ROLE_COURSE] = {"course", "kurs", NULL},
    [CLI_ROLE_QUESTION] = {"question", "fr\xc3\xa5ga", NULL},
    [CLI_ROLE_PUBLISHED] = {"published", "attendanceratepublished", "publicerad", NULL},
};

static const char *const role_names[CLI_ROLE_COUNT] = {
    "municipality", "population", "amount",   "day",      "participants",
    "role",         "registered", "attended", "yes",      "yes_percent",
    "respondents",  "target",     "code",     "group",    "item",
    "year",         "course",     "question", "published"};

/* Append the folded letters and digits of one UTF-8 character at *s to dst; advance *s. */
static size_t fold_char(const unsigned char **s, char *dst)
{
    const unsigned char *p = *s;
    if (p[0] < 0x80) {
        *s = p + 1;
        if (p[0] >= 'A' && p[0] <= 'Z') {
            dst[0] = (char)(p[0] + 32);
            return 1;
        }
        int keep = (p[0] >= 'a' && p[0] <= 'z') || (p[0] >= '0' && p[0] <= '9');
        dst[0] = (char)p[0];
        return keep ? 1 : 0;
    }
    if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
        *s = p + 2;
        dst[0] = (char)0xC3;
        dst[1] = (char)((p[1] <= 0x9E && p[1] != 0x97) ? p[1] + 0x20 : p[1]);
        return 2;
    }
    size_t n = 1;
    while ((p[n] & 0xC0) == 0x80)
        n++;
    *s = p + n;
    return 0; /* other characters (blanks, dashes, symbols) are punctuation here */
}

/* The key of a header: parenthesised parts dropped, cut before the first word that starts with
 * a digit (a year or a date: "Folkmängd 2018"), then letters and digits only, folded. */
static void header_key(const char *h, char *dst, size_t cap)
{
    size_t o = 0;
    int depth = 0, word_start = 1;
    const unsigned char *s = (const unsigned char *)h;
    while (*s != '\0' && o + 3 < cap) {
        if (*s == '(' || *s == ')') {
            depth += *s == '(' ? 1 : (depth > 0 ? -1 : 0);
            s++;
            continue;
        }
        if (depth > 0) {
            s++;
            continue;
        }
        if (word_start && *s >= '0' && *s <= '9' && o > 0)
            break;
        int blank = *s == ' ' || *s == '\t' || *s == '_' || *s == '-' || *s >= 0x80;
        size_t k = fold_char(&s, dst + o);
        word_start = blank && k == 0;
        o += k;
    }
    dst[o] = '\0';
}

int cli_header_is(const char *h, cli_role r)
{
    char key[256];
    header_key(h, key, sizeof key);
    for (size_t k = 0; aliases[r][k] != NULL; k++)
        if (strcmp(key, aliases[r][k]) == 0)
            return 1;
    return 0;
}

/* The role named by @p name ("population"; '-' and '_' alike, any case), or CLI_ROLE_COUNT. */
static cli_role role_by_name(const char *name, size_t len)
{
    char want[64], key[64];
    if (len >= sizeof want)
        return CLI_ROLE_COUNT;
    memcpy(want, name, len);
    want[len] = '\0';
    header_key(want, key, sizeof key);
    for (int r = 0; r < CLI_ROLE_COUNT; r++) {
        char rk[64];
        header_key(role_names[r], rk, sizeof rk);
        if (strcmp(key, rk) == 0)
            return (cli_role)r;
    }
    return CLI_ROLE_COUNT;
}

int cli_check_columns(const char *cmd, const cli_common *c)
{
    for (size_t k = 0; k < c->columns.n; k++) {
        const char *v = c->columns.v[k], *eq = strchr(v, '=');
        char name[64];
        if (eq == NULL || eq[1] == '\0')
            return cli_fail_usage(cmd,
                                  "--column '%s': write ROLE=HEADER, e.g. population=Folkmängd", v);
        snprintf(name, sizeof name, "%.*s", (int)(eq - v < 63 ? eq - v : 63), v);
        if (role_by_name(v, (size_t)(eq - v)) != CLI_ROLE_COUNT ||
            yr_read_role_from_name(name) != YR_ROLE_NONE)
            continue;
        cli_buf roles; /* the reader's role names, so the list never drifts */
        cli_buf_init(&roles);
        for (int r = 1; r < YR_READ_ROLE_COUNT; r++)
            cli_buf_printf(&roles, "%s%s", r > 1 ? ", " : "", yr_role_name((yr_read_role)r));
        cli_fail_usage(cmd, "--column '%s': unknown role (roles: %s)", v, cli_buf_str(&roles));
        cli_buf_free(&roles);
        return CLI_EXIT_ERROR;
    }
    return 0;
}

/* The header given with --column ROLE=HEADER for @p role, or NULL. */
static const char *explicit_header(const cli_common *c, cli_role role)
{
    const char *found = NULL;
    for (size_t k = 0; c != NULL && k < c->columns.n; k++) {
        const char *v = c->columns.v[k], *eq = strchr(v, '=');
        if (role_by_name(v, (size_t)(eq - v)) == role)
            found = eq + 1;
    }
    return found;
}

/* "'A', 'B' and 'C'" for the columns in cols. */
static void name_columns(cli_buf *b, const ycsv_table *t, const size_t *cols, size_t n)
{
    char q[80];
    for (size_t k = 0; k < n; k++)
        cli_buf_printf(b, "%s%s",
                       k == 0       ? ""
                       : k + 1 == n ? " and "
                                    : ", ",
                       cli_quote(t->header[cols[k]], q, sizeof q));
}

static int ambiguous(const char *file, const ycsv_table *t, const char *what, const size_t *cols,
                     size_t n, const char *role)
{
    cli_buf b;
    cli_buf_init(&b);
    name_columns(&b, t, cols, n);
    int rc = cli_fail_at(file, t->header_line,
                         "more than one column could be the %s: %s; choose with --column %s=HEADER",
                         what, cli_buf_str(&b), role);
    cli_buf_free(&b);
    return rc;
}

int cli_column(const char *file, const ycsv_table *t, const cli_common *c, cli_role role,
               int required, size_t *col)
{
    char q[80];
    const char *h = explicit_header(c, role);
    if (h != NULL) {
        *col = ycsv_find_column(t, h);
        if (*col == YCSV_NO_COLUMN)
            return cli_fail_at(file, t->header_line, "no column named %s (--column %s=...)",
                               cli_quote(h, q, sizeof q), role_names[role]);
        return 0;
    }
    size_t cand[8], n = 0;
    for (size_t k = 0; k < t->ncols; k++)
        if (cli_header_is(t->header[k], role) && n < 8)
            cand[n++] = k;
    if (n > 1)
        return ambiguous(file, t, role_names[role], cand, n, role_names[role]);
    *col = n == 1 ? cand[0] : YCSV_NO_COLUMN;
    if (n == 0 && required) {
        cli_buf b;
        cli_buf_init(&b);
        for (size_t k = 0; aliases[role][k] != NULL; k++)
            cli_buf_printf(&b, "%s%s", k ? ", " : "", aliases[role][k]);
        cli_fail_at(file, t->header_line,
                    "no %s column (looked for a header %s; name it with --column %s=HEADER)",
                    role_names[role], cli_buf_str(&b), role_names[role]);
        cli_buf_free(&b);
        return CLI_EXIT_ERROR;
    }
    return 0;
}

/* 1 when every cell of column c (rows other than a total-labelled one) is a number. */
static int numeric_column(const ycsv_table *t, size_t c, size_t name_col)
{
    for (size_t r = 0; r < t->nrows; r++) {
        cli_decimal d;
        if (name_col != YCSV_NO_COLUMN && yr_label_is_total(ycsv_cell(t, r, name_col)))
            continue;
        if (cli_parse_decimal(ycsv_cell(t, r, c), &d) != CLI_NUM_OK || d.percent)
            return 0;
    }
    return 1;
}

int cli_weight_column(const char *file, const ycsv_table *t, const cli_common *c,
                      const size_t *used, size_t nused, size_t *col)
{
    if (cli_column(file, t, c, CLI_ROLE_WEIGHT, 0, col) != 0)
        return CLI_EXIT_ERROR;
    if (*col != YCSV_NO_COLUMN)
        return 0;
    size_t cand[8], n = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        int skip = 0;
        for (size_t u = 0; u < nused; u++)
            skip |= used[u] == k;
        for (int r = 0; r < CLI_ROLE_COUNT && !skip; r++)
            skip |= r != CLI_ROLE_WEIGHT && cli_header_is(t->header[k], (cli_role)r);
        if (!skip && numeric_column(t, k, nused > 0 ? used[0] : YCSV_NO_COLUMN) && n < 8)
            cand[n++] = k;
    }
    if (n > 1)
        return ambiguous(file, t, "weight (population)", cand, n, "population");
    if (n == 0)
        return cli_fail_at(file, t->header_line,
                           "no weight column: no header is population, befolkning, invånare, "
                           "folkmängd, antal or weight and no other column holds only numbers; "
                           "name it with --column population=HEADER");
    *col = cand[0];
    return 0;
}
