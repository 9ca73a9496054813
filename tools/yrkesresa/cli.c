/* Shared helpers of the yrkesresa program (see cli.h): dispatch, messages, options, numbers. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

/* ---------------------------------------------------------------- commands */

/* The names of the table's commands, separated by ", " and @p last before the last one. */
static void command_names(const cli_command *table, size_t n, const char *last, cli_buf *b)
{
    for (size_t k = 0; k < n; k++)
        cli_buf_printf(b, "%s%s", k == 0 ? "" : k + 1 < n ? ", " : last, table[k].name);
}

int cli_fail_missing(const cli_command *table, size_t n, const char *cmd, const char *what)
{
    cli_buf names;
    cli_buf_init(&names);
    command_names(table, n, " or ", &names);
    int rc = cli_fail_usage(cmd, "missing %s: %s", what, cli_buf_str(&names));
    cli_buf_free(&names);
    return rc;
}

int cli_dispatch(const cli_command *table, size_t n, const char *what, int argc, char **argv)
{
    if (strcmp(argv[0], "--list-commands") == 0) { /* the table, for the man page and its test */
        for (size_t k = 0; k < n; k++)
            printf("%s\t%s\n", table[k].name, table[k].summary);
        return fflush(stdout) == 0 && !ferror(stdout) ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    for (size_t k = 0; k < n; k++)
        if (strcmp(argv[0], table[k].name) == 0)
            return table[k].run(argc, argv);
    cli_buf names;
    cli_buf_init(&names);
    command_names(table, n, ", ", &names);
    char q[80];
    int rc = cli_fail_usage(NULL, "unknown %s %s (%ss: %s)", what, cli_quote(argv[0], q, sizeof q),
                            what, cli_buf_str(&names));
    cli_buf_free(&names);
    return rc;
}

/* ---------------------------------------------------------------- messages */

static void vmessage(const char *file, size_t line, const char *kind, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (line > 0)
        fprintf(stderr, "yrkesresa: %s:%zu: %s%s\n", file, line, kind, msg);
    else
        fprintf(stderr, "yrkesresa: %s: %s%s\n", file, kind, msg);
}

int cli_fail_at(const char *file, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(file, line, "", fmt, ap);
    va_end(ap);
    return CLI_EXIT_ERROR;
}

void cli_note(const char *file, size_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(file, line, "note: ", fmt, ap);
    va_end(ap);
}

int cli_fail_usage(const char *cmd, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "yrkesresa: %s\n", msg);
    if (cmd != NULL)
        fprintf(stderr, "Try 'yrkesresa %s --help'.\n", cmd);
    return CLI_EXIT_ERROR;
}

const char *const cli_lib_names[] = {
    "pot_part",      "--pot",           "fee",       "--fee",
    "equal_part",    "--equal-part",    "threshold", "--threshold",
    "first_divisor", "--first-divisor", "total",     "--total",
    "method",        "--method",        "tie",       "--tie",
    "confidence",    "--confidence",    "target",    "--target",
    "per",           "--per",           "leader",    "--leader-share",
    "trainer",       "--trainer-share", NULL};

/* The sentence of w with the names of @p extra (pairs, NULL-ended; may be NULL) first, then the
 * table's. */
static void lib_sentence(const yr_where *w, size_t first, const char *const *extra, char *buf,
                         size_t size)
{
    const char *names[2 * 8 + sizeof cli_lib_names / sizeof cli_lib_names[0]];
    size_t n = 0;
    for (size_t k = 0; extra != NULL && extra[k] != NULL && extra[k + 1] != NULL && n < 16;
         k += 2) {
        names[n++] = extra[k];
        names[n++] = extra[k + 1];
    }
    for (size_t k = 0; cli_lib_names[k] != NULL; k++)
        names[n++] = cli_lib_names[k];
    names[n] = NULL;
    yr_where_message(w, first, names, buf, size);
}

/* "[context: ]sentence (STATUS)": the status name for scripts and the conformance runner. */
static void lib_message(const char *context, const yr_where *w, size_t first,
                        const char *const *names, char *buf, size_t size)
{
    char msg[600];
    lib_sentence(w, first, names, msg, sizeof msg);
    snprintf(buf, size, "%s%s%s (%s)", context ? context : "", context ? ": " : "", msg,
             yr_status_name(w->status));
}

int cli_fail_lib(const char *file, size_t line, const char *context, const yr_where *w,
                 const char *const *names)
{
    char msg[800];
    lib_message(context, w, line > 0 || names != NULL ? YR_WHERE_NONE : 1, names, msg, sizeof msg);
    return cli_fail_at(file, line, "%s", msg);
}

int cli_fail_lib_counted(const char *file, size_t line, const char *context, const yr_where *w)
{
    char msg[800];
    lib_message(context, w, 1, NULL, msg, sizeof msg);
    return cli_fail_at(file, line, "%s", msg);
}

int cli_fail_lib_usage(const char *cmd, const char *context, const yr_where *w)
{
    char msg[800];
    lib_message(context, w, 1, NULL, msg, sizeof msg);
    return cli_fail_usage(cmd, "%s", msg);
}

const char *cli_shown(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

const char *cli_quote(const char *s, char *dst, size_t cap)
{
    size_t n = strlen(s), take = n > 60 ? 60 : n, o = 0, k;
    if (cap < 8) {
        if (cap > 0)
            dst[0] = '\0';
        return dst;
    }
    while (take < n && take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80)
        take--; /* do not cut inside a UTF-8 sequence */
    dst[o++] = '\'';
    for (k = 0; k < take && o + 5 < cap; k++) {
        unsigned char c = (unsigned char)s[k];
        dst[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
    }
    if (k < n) {
        memcpy(dst + o, "...", 3);
        o += 3;
    }
    dst[o++] = '\'';
    dst[o] = '\0';
    return dst;
}

/* ---------------------------------------------------------------- options */

/* The options every command takes: cli_parse_args() appends them to the command's table, and
 * cli_common_help() prints them from the same entries (dest pointing into a scratch). */
#define COMMON_NOPTS 7
static size_t common_options(cli_common *c, const char **lang, cli_option *dst)
{
    dst[0] = (cli_option){NULL, CLI_OPT_SECTION, NULL, "Options of every command:",
                          "Input files of split, audit, read, stats count and stats survey: see "
                          "'Reading' above. Of the other commands: UTF-8 (with or without a "
                          "BOM), UTF-16 with a BOM (Excel's 'Unicode text') or Windows-1252 "
                          "(Excel's 'CSV (semikolonavgränsad)'), detected; ',' ';' or TAB "
                          "separated; LF, CRLF or CR line breaks (kept in the output); numbers "
                          "with space, no-break space or narrow no-break space thousands "
                          "separators, decimal comma or point, and a unit kr, st or %. A row "
                          "named Summa, Totalt, Total, Sum, 'Summa kommuner', 'Dalarnas län', "
                          "... is the total row wherever it stands. The table ends at an empty "
                          "line followed by notes (SCB footnotes), which are ignored. '-' reads "
                          "standard input."};
    dst[1] = (cli_option){
        "column", CLI_OPT_LIST, &c->columns, "ROLE=HEADER",
        "use column HEADER for ROLE (repeatable), e.g. --column population=\"Folkmängd 2018\"; "
        "#N is the Nth column counted from 1 (one without a header: --column municipality=#1). "
        "Roles: municipality, population, amount, day, participants, role, registered, "
        "attended, yes, yes_percent, respondents, target, code, group, item, year, course, "
        "question, published. Without it a column plays a role when its header is one of the "
        "role's names in English or Swedish (any case, punctuation and a trailing year "
        "ignored: 'Folkmängd 2018', 'Antal deltagare', 'Kostnad (kr)'); two candidates are an "
        "error."};
    dst[2] = (cli_option){"output", CLI_OPT_VALUE, &c->out.path, "FILE",
                          "write the result to FILE (written whole or not at all; a symbolic "
                          "link is followed, mode and owner are kept, a FIFO is written "
                          "through); a name ending in .xlsx writes an Excel workbook (text as "
                          "text, numbers as numbers, dates as dates)"};
    dst[3] = (cli_option){"excel", CLI_OPT_FLAG, &c->out.excel, NULL,
                          "CSV for Swedish Excel: UTF-8 BOM, ';', decimal comma, CRLF, text "
                          "that Excel would run as a formula (=, +, -, @) starts with '"};
    dst[4] = (cli_option){"lang", CLI_OPT_VALUE, lang, "LANG",
                          "sv, en (default): the language of headers, labels and sheet names "
                          "(else the environment variable YRKESRESA_LANG); messages stay "
                          "English"};
    dst[5] = (cli_option){"no-total-row", CLI_OPT_FLAG, &c->no_total_row, NULL,
                          "never take an unlabelled row for a sum of the others: a row whose "
                          "weight equals the sum of the others is a party (else an error)"};
    dst[6] = (cli_option){"help", CLI_OPT_HELP, NULL, NULL, "this help"};
    return 7;
}

void cli_common_help(cli_buf *b)
{
    cli_common c;
    const char *lang;
    cli_option o[COMMON_NOPTS];
    cli_help_options(b, o, common_options(&c, &lang, o));
}

/* ---------------------------------------------------------------- help from the table */

#define HELP_COLUMN 24 /* where the paragraphs start (tests/test_help.sh) */
#define HELP_WIDTH 80

/* Columns of @p n bytes of UTF-8. */
static size_t help_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t k = 0; k < n; k++)
        w += ((unsigned char)s[k] & 0xC0) != 0x80;
    return w;
}

/* @p text (names expanded) wrapped to HELP_WIDTH, the output standing at column @p indent and
 * every line starting there; a '\n' breaks the line (blanks after it indent that line and its
 * continuation further). Ends with a newline. */
static void help_wrap(cli_buf *b, const char *text, size_t indent)
{
    size_t col = indent;
    cli_buf t;
    cli_buf_init(&t);
    cli_help_names(&t, text);
    const char *p = cli_buf_str(&t);
    size_t line_indent = indent; /* deeper after a '\n' and blanks: a nested list's line */
    int fresh = 1;               /* nothing written on this line yet */
    while (*p != '\0') {
        if (*p == ' ' || *p == '\n') {
            if (*p++ == '\n') {
                line_indent = indent + strspn(p, " ");
                p += line_indent - indent;
                cli_buf_printf(b, "\n%*s", (int)line_indent, "");
                col = line_indent;
                fresh = 1;
            }
            continue;
        }
        size_t n = strcspn(p, " \n"), w = help_width(p, n);
        if (!fresh && col + 1 + w > HELP_WIDTH) {
            cli_buf_printf(b, "\n%*s", (int)line_indent, "");
            col = line_indent;
            fresh = 1;
        }
        if (!fresh)
            cli_buf_add(b, " ", 1);
        cli_buf_add(b, p, n);
        col += w + !fresh;
        fresh = 0;
        p += n;
    }
    cli_buf_add(b, "\n", 1);
    cli_buf_free(&t);
}

/* One option: `  --name ARG` and its paragraph from HELP_COLUMN. */
static void help_option(cli_buf *b, const cli_option *o)
{
    size_t start = b->len;
    cli_buf_printf(b, "  %s--%s%s%s", o->kind == CLI_OPT_HELP ? "-h, " : "", o->name,
                   o->arg ? " " : "", o->arg ? o->arg : "");
    size_t col = help_width(b->data + start, b->len - start);
    if (col + 2 > HELP_COLUMN) {
        cli_buf_printf(b, "\n%*s", HELP_COLUMN, "");
    } else {
        cli_buf_printf(b, "%*s", (int)(HELP_COLUMN - col), "");
    }
    help_wrap(b, o->help ? o->help : "(undocumented)", HELP_COLUMN);
}

void cli_help_options(cli_buf *b, const cli_option *opts, size_t n)
{
    const char *note = NULL;
    for (size_t k = 0; k < n; k++) {
        if (opts[k].kind != CLI_OPT_SECTION) {
            help_option(b, &opts[k]);
            continue;
        }
        if (note != NULL)
            help_wrap(b, note, 0);
        cli_buf_printf(b, "%s%s\n", b->len > 0 ? "\n" : "", opts[k].arg);
        note = opts[k].help;
    }
    if (note != NULL)
        help_wrap(b, note, 0);
}

int cli_print_help(const char *text)
{
    cli_buf b;
    cli_buf_init(&b);
    cli_help_names(&b, text); /* the output columns' names from the names table */
    int bad = !b.ok || fputs(cli_buf_str(&b), stdout) < 0 || fflush(stdout) != 0;
    cli_buf_free(&b);
    if (bad) {
        fprintf(stderr, "yrkesresa: cannot write the help: %s\n", strerror(errno));
        return CLI_EXIT_ERROR;
    }
    return CLI_EXIT_OK;
}

/* The help of a command: @p usage with its own options (the entries before the first
 * section) at the line "@OPTIONS@", then the sections (the reader's, the common options). */
static int print_usage(const char *usage, const cli_option *opts, size_t n)
{
    size_t own = 0;
    while (own < n && opts[own].kind != CLI_OPT_SECTION)
        own++;
    cli_buf b;
    cli_buf_init(&b);
    const char *mark = strstr(usage, "@OPTIONS@\n");
    cli_buf_add(&b, usage, mark ? (size_t)(mark - usage) : strlen(usage));
    cli_help_options(&b, opts, own);
    if (mark != NULL)
        cli_buf_puts(&b, mark + strlen("@OPTIONS@\n"));
    cli_help_options(&b, opts + own, n - own);
    int rc = b.ok ? cli_print_help(b.data) : CLI_EXIT_ERROR;
    cli_buf_free(&b);
    return rc;
}

/* Store one option's value; -1 done, else an exit status. */
static int store_option(const char *cmd, const cli_option *o, const char *value, int *seen)
{
    if (o->kind == CLI_OPT_LIST) {
        cli_list *l = o->dest;
        if (l->n == sizeof l->v / sizeof l->v[0])
            return cli_fail_usage(cmd, "--%s given too many times", o->name);
        l->v[l->n++] = value;
        return -1;
    }
    if (*seen)
        return cli_fail_usage(cmd, "--%s given twice", o->name);
    *seen = 1;
    if (o->kind == CLI_OPT_FLAG)
        *(int *)o->dest = 1;
    else
        *(const char **)o->dest = value;
    return -1;
}

/* Match argv[*i] against the options; -1 matched (stored), 0 no match, else an exit status. */
static int match_option(int argc, char **argv, int *i, const char *cmd, const cli_option *opts,
                        size_t nopts, int *seen)
{
    const char *a = argv[*i] + 2;
    for (size_t k = 0; k < nopts; k++) {
        if (opts[k].kind == CLI_OPT_SECTION || opts[k].kind == CLI_OPT_HELP)
            continue; /* the help's entries; --help is answered before the table */
        size_t nl = strlen(opts[k].name);
        if (strncmp(a, opts[k].name, nl) != 0 || (a[nl] != '\0' && a[nl] != '='))
            continue;
        if (opts[k].kind == CLI_OPT_FLAG) {
            if (a[nl] == '=')
                return cli_fail_usage(cmd, "--%s takes no value", opts[k].name);
            return store_option(cmd, &opts[k], NULL, &seen[k]);
        }
        const char *v = a[nl] == '=' ? a + nl + 1 : NULL;
        if (v == NULL) {
            if (*i + 1 >= argc)
                return cli_fail_usage(cmd, "option --%s needs a value", opts[k].name);
            v = argv[++*i];
        }
        return store_option(cmd, &opts[k], v, &seen[k]);
    }
    return 0;
}

int cli_parse_args(int argc, char **argv, const char *cmd, const char *usage,
                   const cli_option *opts, size_t nopts, cli_common *common, const char **files,
                   size_t maxfiles, size_t *nfiles)
{
    cli_option all[40];
    int seen[40] = {0};
    const char *lang = NULL;
    if (nopts + COMMON_NOPTS > sizeof all / sizeof all[0])
        return cli_fail_usage(NULL, "internal error: too many options");
    memset(common, 0, sizeof *common);
    memcpy(all, opts, nopts * sizeof *opts);
    nopts += common_options(common, &lang, all + nopts);
    int done = 0;
    *nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!done && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0))
            return print_usage(usage, all, nopts);
        if (!done && strcmp(a, "--") == 0) {
            done = 1;
            continue;
        }
        if (!done && a[0] == '-' && a[1] == '-') {
            int r = match_option(argc, argv, &i, cmd, all, nopts, seen);
            if (r == 0) {
                char q[80];
                return cli_fail_usage(cmd, "unknown option %s", cli_quote(a, q, sizeof q));
            }
            if (r != -1)
                return r;
            continue;
        }
        if (!done && a[0] == '-' && a[1] != '\0')
            return cli_fail_usage(cmd, "unknown option '%s'", a);
        if (*nfiles == maxfiles)
            return cli_fail_usage(cmd, maxfiles == 1 ? "one input file only" : "too many files");
        files[(*nfiles)++] = a;
    }
    if (*nfiles > 0)
        common->out.source = cli_shown(files[0]);
    if (cli_check_columns(cmd, common) != 0 || cli_output_check(&common->out, cmd) != 0 ||
        cli_output_lang(cmd, lang, &common->out.lang) != 0)
        return CLI_EXIT_ERROR;
    return -1;
}

int cli_output_lang(const char *cmd, const char *option, yr_lang *lang)
{
    const char *env = getenv("YRKESRESA_LANG");
    const char *v = option != NULL ? option : env != NULL && *env != '\0' ? env : "en";
    if (yr_lang_from_code(v, lang) == 0)
        return 0;
    char q[80];
    return cli_fail_usage(cmd, "%s %s: write sv (Swedish) or en (English)",
                          option != NULL ? "--lang" : "YRKESRESA_LANG", cli_quote(v, q, sizeof q));
}

/* ---------------------------------------------------------------- numbers */

/* 10^k for k <= 18 (larger k: 10^18). */
int64_t cli_pow10(unsigned k)
{
    int64_t p = 1;
    for (unsigned i = 0; i < k && i < 18; i++)
        p *= 10;
    return p;
}

/* Length of a blank at s (space, tab, U+00A0, U+202F), or 0. */
static size_t blank_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ' || u[0] == '\t')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

static const char *skip_blanks(const char *s)
{
    size_t b;
    while ((b = blank_len(s)) > 0)
        s += b;
    return s;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits (with thousands separators: groups of three after a first of 1-3) at *ps into *mag. */
static cli_num_status parse_digits(const char **ps, uint64_t limit, uint64_t *mag, int *overflow)
{
    const char *s = *ps;
    size_t group = 0, groups = 0, first_group = 0;
    for (;;) {
        if (is_digit(*s)) {
            unsigned d = (unsigned)(*s++ - '0');
            if (*mag > (limit - d) / 10)
                *overflow = 1;
            else
                *mag = *mag * 10 + d;
            group++;
            continue;
        }
        size_t sl = *s == '\t' ? 0 : blank_len(s);
        if (sl == 0 || !is_digit(s[sl]))
            break;
        if (groups == 0)
            first_group = group;
        else if (group != 3)
            return CLI_NUM_SYNTAX;
        groups++;
        group = 0;
        s += sl;
    }
    if (groups > 0 && (first_group > 3 || group != 3))
        return CLI_NUM_SYNTAX;
    *ps = s;
    return CLI_NUM_OK;
}

/* A unit after the number: "kr", "kr.", "st", "st.", "%" (case-insensitive); 1 for '%'. */
static const char *parse_unit(const char *s, int *percent)
{
    const char *u = skip_blanks(s);
    *percent = 0;
    if (*u == '%') {
        *percent = 1;
        return u + 1;
    }
    int k = (u[0] == 'k' || u[0] == 'K') && (u[1] == 'r' || u[1] == 'R');
    int st = (u[0] == 's' || u[0] == 'S') && (u[1] == 't' || u[1] == 'T');
    if (!k && !st)
        return s;
    return u[2] == '.' ? u + 3 : u + 2;
}

cli_num_status cli_parse_decimal(const char *s, cli_decimal *out)
{
    s = skip_blanks(s);
    if (*s == '\0')
        return CLI_NUM_EMPTY;
    int neg = 0;
    if (*s == '+' || *s == '-') {
        neg = *s++ == '-';
    } else if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 &&
               (unsigned char)s[2] == 0x92) {
        neg = 1;
        s += 3;
    }
    if (!is_digit(*s))
        return CLI_NUM_SYNTAX;
    const uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t mag = 0;
    int overflow = 0;
    if (parse_digits(&s, limit, &mag, &overflow) != CLI_NUM_OK)
        return CLI_NUM_SYNTAX;
    unsigned scale = 0;
    if ((*s == ',' || *s == '.') && is_digit(s[1])) {
        for (s++; is_digit(*s); s++) {
            unsigned d = (unsigned)(*s - '0');
            if (mag > (limit - d) / 10 || ++scale > 18)
                overflow = 1;
            else
                mag = mag * 10 + d;
        }
    }
    int percent;
    s = skip_blanks(parse_unit(s, &percent));
    if (*s != '\0')
        return CLI_NUM_SYNTAX;
    if (overflow)
        return CLI_NUM_OVERFLOW;
    out->num = !neg ? (int64_t)mag : mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    out->scale = scale;
    out->percent = percent;
    return CLI_NUM_OK;
}

int cli_leading_zero(const char *s)
{
    s = skip_blanks(s);
    if (*s == '+' || *s == '-')
        s++;
    if (s[0] != '0')
        return 0;
    size_t b = blank_len(s + 1);
    return is_digit(s[1]) || (b > 0 && is_digit(s[1 + b]));
}

cli_num_status cli_parse_int64(const char *s, int64_t *out)
{
    cli_decimal d;
    cli_num_status st = cli_parse_decimal(s, &d);
    if (st == CLI_NUM_OK && (d.scale > 0 || d.percent))
        return CLI_NUM_SYNTAX;
    if (st == CLI_NUM_OK)
        *out = d.num;
    return st;
}

cli_num_status cli_decimal_rescale(cli_decimal d, unsigned scale, int64_t *out)
{
    if (d.scale > 18)
        return CLI_NUM_OVERFLOW;
    if (scale >= d.scale) {
        int64_t r;
        if (scale - d.scale > 18 || __builtin_mul_overflow(d.num, cli_pow10(scale - d.scale), &r))
            return d.num == 0 ? (*out = 0, CLI_NUM_OK) : CLI_NUM_OVERFLOW;
        *out = r;
        return CLI_NUM_OK;
    }
    int64_t p = cli_pow10(d.scale - scale);
    if (d.num % p != 0)
        return CLI_NUM_SYNTAX;
    *out = d.num / p;
    return CLI_NUM_OK;
}

const char *cli_num_reason(const char *cell, cli_num_status st, int decimal)
{
    if (st == CLI_NUM_SYNTAX && strstr(cell, "\xE2\x80\x89") != NULL)
        return "is not a number: it holds a thin space (U+2009); write thousands with a space, "
               "a no-break space or no separator";
    switch (st) {
    case CLI_NUM_OK:
        return "is a number";
    case CLI_NUM_EMPTY:
        return "is empty";
    case CLI_NUM_OVERFLOW:
        return "does not fit in 64 bits";
    default:
        return decimal ? "is not a number" : "is not an integer";
    }
}

int cli_opt_fraction(const char *cmd, const char *name, const char *text, int64_t *num,
                     int64_t *den)
{
    yr_where w;
    if (yr_fraction_from_text_where(text, num, den, &w) == YR_OK)
        return 0;
    char context[100];
    snprintf(context, sizeof context, "--%s", name);
    return cli_fail_lib_usage(cmd, context, &w);
}

int cli_opt_int64(const char *cmd, const char *name, const char *text, int64_t *out)
{
    cli_num_status st = cli_parse_int64(text, out);
    if (st == CLI_NUM_OK)
        return 0;
    char q[80];
    return cli_fail_usage(cmd, "--%s %s %s", name, cli_quote(text, q, sizeof q),
                          cli_num_reason(text, st, 0));
}
