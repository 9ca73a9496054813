/* `yrkesresa stats`: attendance rates, survey goals, course progression and coverage, and the
 * check of a published table's total row (SPEC §4). CSV in (via csv.h), CSV out on stdout with
 * '.' decimals; every input error names FILE:LINE, exits 2 and writes nothing to stdout. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

#define DIGITS 4 /* decimals of shares, bounds and rates in the output */

/* ---- usage texts ------------------------------------------------------------------------ */

static const char *const stats_usage =
    "Usage: yrkesresa stats attendance FILE.csv [--confidence 0.95]\n"
    "       yrkesresa stats survey FILE.csv [--confidence 0.95] [--target 80%]\n"
    "       yrkesresa stats progress FILE.csv [--confidence 0.95]\n"
    "                       [--population P.csv [--course 1] [--per 1000]]\n"
    "       yrkesresa stats check FILE.csv [--strict]\n"
    "\n"
    "Participation statistics with Wilson score intervals (no continuity correction).\n"
    "'yrkesresa stats SUBCOMMAND --help' describes each subcommand.\n"
    "Output: CSV on stdout, ',' separated, '.' decimals, shares as fractions with 4 decimals;\n"
    "an undefined share (nothing to divide by) is an empty cell.\n"
    "Exit status: 0 success, 1 'check --strict' found a mismatch, 2 error.\n";

static const char *const attendance_usage =
    "Usage: yrkesresa stats attendance FILE.csv [--confidence 0.95]\n"
    "\n"
    "Attendance rate per course and in total, each with its Wilson interval. The total is\n"
    "sum(attended) / sum(registered), never a mean of the courses' rates.\n"
    "\n"
    "  FILE.csv          columns course, registered, attended, and optionally\n"
    "                    attendance_rate_published (percent); ',' or ';' separated, '-' = stdin\n"
    "  --confidence C    two-sided level in (0, 1): 0.95, 0,95, 95% or 19/20 (default 0.95)\n"
    "  -h, --help        this help\n"
    "\n"
    "A Totalt/Summa row is not a course: its registered and attended are compared with the sums\n"
    "and its published rate with the computed total. A course whose registered and attended\n"
    "cells are both empty is listed but not counted; one empty and one not is an error.\n"
    "A published rate is compared with attended/registered rounded half away from zero to the\n"
    "published number of decimals.\n"
    "Output: course,registered,attended,rate,low,high,published_percent,computed_percent,check\n"
    "(check: empty when there is nothing to compare, 'ok', or what differs), then the total row.\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats attendance data/dalarna/courses-2024.csv\n";

static const char *const survey_usage =
    "Usage: yrkesresa stats survey FILE.csv [--confidence 0.95] [--target 80%]\n"
    "\n"
    "Judge goals such as 'at least 80 % answer yes' honestly given the number of respondents:\n"
    "'met' when the Wilson interval's lower bound is at or above the target, 'not met' when its\n"
    "upper bound is below it, else 'inconclusive'.\n"
    "\n"
    "  FILE.csv          columns question, respondents (or n), the yes answers as a count (yes)\n"
    "                    or a share in percent (share_yes_percent), and optionally\n"
    "                    target_percent; '-' = stdin\n"
    "  --confidence C    two-sided level in (0, 1) (default 0.95)\n"
    "  --target T        target for rows without a target_percent cell: 80%, 0.8 or 4/5\n"
    "  -h, --help        this help\n"
    "\n"
    "A published share is turned into a whole number of yes answers exactly, with integer\n"
    "arithmetic: yes = round(share x respondents / 100), half away from zero. When no whole\n"
    "number of answers gives the published share (at its number of decimals) the note says so.\n"
    "Output: question,yes,respondents,share,low,high,target,verdict,note\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats survey data/dalarna/manager-survey-2024.csv\n";

static const char *const progress_usage =
    "Usage: yrkesresa stats progress FILE.csv [--confidence 0.95]\n"
    "       yrkesresa stats progress FILE.csv --population P.csv [--course K] [--per N]\n"
    "\n"
    "Course progression: the share of those who completed course k that also completed course\n"
    "k+1, per municipality and in total (from the column sums), with Wilson intervals.\n"
    "With --population: coverage instead, completed course K per N inhabitants.\n"
    "\n"
    "  FILE.csv          columns municipality and course1_completed, course2_completed, ...\n"
    "                    (other columns are ignored); '-' = stdin\n"
    "  --confidence C    two-sided level in (0, 1) (default 0.95)\n"
    "  --population P    CSV with columns municipality, population; names are matched byte for\n"
    "                    byte after trimming blanks\n"
    "  --course K        the course for coverage (default 1)\n"
    "  --per N           coverage per N inhabitants (default 1000)\n"
    "  -h, --help        this help\n"
    "\n"
    "A Totalt/Summa row is not a municipality: the total is computed from the rows and the\n"
    "stated cells are compared with it (the note names each cell that differs).\n"
    "Output: municipality,from_course,to_course,completed_from,completed_to,share,low,high,note\n"
    "   or (--population) municipality,completed,population,per_N,low,high\n"
    "\n"
    "Examples:\n"
    "  yrkesresa stats progress data/dalarna/course-progress-funktionshinder-2025-04-07.csv\n"
    "  yrkesresa stats progress data/dalarna/course-progress-funktionshinder-2025-04-07.csv \\\n"
    "      --population data/dalarna/population-2021-06.csv\n";

static const char *const check_usage =
    "Usage: yrkesresa stats check FILE.csv [--strict]\n"
    "\n"
    "Check a published table's Totalt/Summa row (recognised in the first column) against the\n"
    "sums of the other rows, column by column.\n"
    "\n"
    "  FILE.csv     any table with one total row; '-' = stdin\n"
    "  --strict     exit 1 when a column does not match (default: exit 0, the report is the\n"
    "               output)\n"
    "  -h, --help   this help\n"
    "\n"
    "A column is checked when all its non-empty cells are integers (empty cells of the rows\n"
    "count as 0). Columns of decimals (rates) and of text are listed as skipped: a rate column\n"
    "does not add up.\n"
    "Output: column,sum,stated,difference,status (difference = stated - sum; status ok,\n"
    "MISMATCH, no stated total, or skipped: ...)\n"
    "\n"
    "Example:\n"
    "  yrkesresa stats check data/dalarna/course-progress-funktionshinder-2025-04-07.csv\n";

/* ---- small helpers ---------------------------------------------------------------------- */

static const char *cell(const yr_csv_table *t, size_t row, size_t col)
{
    return yr_csv_cell(t, row, col);
}

static int is_blank(const char *s)
{
    yr_decimal d;
    return yr_parse_decimal(s, &d) == YR_NUM_EMPTY;
}

/* Column @p name, or YR_CSV_NO_COLUMN. */
static size_t column(const yr_csv_table *t, const char *name)
{
    return yr_csv_find_column(t, name);
}

/* The first of the names that is a column, or YR_CSV_NO_COLUMN. */
static size_t column_any(const yr_csv_table *t, const char *const *names)
{
    for (; *names != NULL; names++) {
        size_t c = yr_csv_find_column(t, *names);
        if (c != YR_CSV_NO_COLUMN)
            return c;
    }
    return YR_CSV_NO_COLUMN;
}

static int missing_column(const char *file, const yr_csv_table *t, const char *name)
{
    return yr_fail_at(file, t->header_line, "missing column '%s'", name);
}

/* A double with DIGITS decimals, or an empty field for NaN. */
static void put_num(yr_buf *b, double v)
{
    if (isnan(v))
        return;
    yr_buf_printf(b, "%.*f", DIGITS, v);
}

static void put_i64(yr_buf *b, int64_t v)
{
    yr_buf_printf(b, "%" PRId64, v);
}

static void put_i128(yr_buf *b, i128 v)
{
    char digits[48];
    size_t n = 0;
    u128 u = v < 0 ? (u128)0 - (u128)v : (u128)v;
    do {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u != 0);
    if (v < 0)
        yr_buf_add(b, "-", 1);
    while (n > 0)
        yr_buf_add(b, &digits[--n], 1);
}

static void put_field(yr_buf *b, const char *s)
{
    yr_buf_csv_field(b, s, ',');
}

static int64_t pow10_i64(unsigned e)
{
    int64_t p = 1;
    while (e-- > 0)
        p *= 10;
    return p;
}

/* round(n / d) half away from zero, d > 0, exactly. */
static i128 div_round(i128 n, i128 d)
{
    i128 q = n / d, r = n % d;
    if (r < 0)
        r = -r;
    if (2 * r >= d)
        q += n < 0 ? -1 : 1;
    return q;
}

/* A decimal value num / 10^scale as text, e.g. 915 / 10^1 -> "91.5". */
static void put_scaled(yr_buf *b, i128 num, unsigned scale)
{
    if (scale == 0) {
        put_i128(b, num);
        return;
    }
    i128 p = pow10_i64(scale), a = num < 0 ? -num : num;
    if (num < 0)
        yr_buf_add(b, "-", 1);
    put_i128(b, a / p);
    yr_buf_printf(b, ".%0*" PRId64, (int)scale, (int64_t)(a % p));
}

/* Parse --confidence / --target style values: "0.95", "0,95", "95%", "19/20" into a double. */
static int parse_level(const char *cmd, const char *opt, const char *s, double *out)
{
    int64_t num, den;
    yr_num_status st = yr_parse_fraction(s, &num, &den);
    if (st != YR_NUM_OK) {
        char q[80];
        return yr_fail_usage(cmd, "--%s %s %s", opt, yr_cli_quote(s, q, sizeof q),
                             yr_num_strerror(st, 1));
    }
    *out = (double)num / (double)den;
    return 0;
}

/* Parse the common options; *file is the one positional argument. Returns 0, 1 after --help
 * (usage printed), or YR_EXIT_ERROR (message printed). */
typedef struct opts {
    const char *file;
    double confidence;
    const char *population;
    const char *target;
    const char *course;
    const char *per;
    int strict;
} opts;

enum { OPT_CONFIDENCE = 1, OPT_TARGET = 2, OPT_POPULATION = 4, OPT_STRICT = 8 };

static int parse_opts(int argc, char **argv, const char *cmd, const char *usage, unsigned allowed,
                      opts *o)
{
    memset(o, 0, sizeof *o);
    o->confidence = 0.95;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int m;
        if (!only_files && yr_is_help(a)) {
            fputs(usage, stdout);
            return 1;
        }
        if (!only_files && strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (!only_files && a[0] == '-' && a[1] == '-') {
            if ((allowed & OPT_CONFIDENCE) &&
                (m = yr_opt_value(argc, argv, &i, cmd, "confidence", &v)) != 0) {
                if (m < 0)
                    return YR_EXIT_ERROR;
                if (parse_level(cmd, "confidence", v, &o->confidence) != 0)
                    return YR_EXIT_ERROR;
                if (!(o->confidence > 0 && o->confidence < 1))
                    return yr_fail_usage(cmd, "--confidence must be strictly between 0 and 1, e.g. "
                                              "0.95 or 95%%");
                continue;
            }
            /* yr_opt_value stores the value only when it matches. */
            if (((allowed & OPT_TARGET) &&
                 (m = yr_opt_value(argc, argv, &i, cmd, "target", &o->target)) != 0) ||
                ((allowed & OPT_POPULATION) &&
                 ((m = yr_opt_value(argc, argv, &i, cmd, "population", &o->population)) != 0 ||
                  (m = yr_opt_value(argc, argv, &i, cmd, "course", &o->course)) != 0 ||
                  (m = yr_opt_value(argc, argv, &i, cmd, "per", &o->per)) != 0))) {
                if (m < 0)
                    return YR_EXIT_ERROR;
                continue;
            }
            if ((allowed & OPT_STRICT) && yr_opt_flag(argc, argv, &i, "strict")) {
                o->strict = 1;
                continue;
            }
            char q[80];
            return yr_fail_usage(cmd, "unknown option %s", yr_cli_quote(a, q, sizeof q));
        }
        if (o->file != NULL)
            return yr_fail_usage(cmd, "one input file expected, got a second one");
        o->file = a;
    }
    if (o->file == NULL)
        return yr_fail_usage(cmd, "no input file (use '-' for standard input)");
    return 0;
}

/* Parse an optional integer cell: 0 and *present = 0 when blank. */
static int cell_opt_int(const char *file, const yr_csv_table *t, size_t row, size_t col,
                        int64_t *out, int *present)
{
    if (is_blank(cell(t, row, col))) {
        *present = 0;
        *out = 0;
        return 0;
    }
    *present = 1;
    return yr_cli_cell_int64(file, t, row, col, out);
}

/* The index of the single total row (first column), SIZE_MAX when none; error when two. */
static int find_total_row(const char *file, const yr_csv_table *t, size_t label_col, size_t *total)
{
    *total = SIZE_MAX;
    for (size_t r = 0; r < t->nrows; r++) {
        if (!yr_is_total_label(cell(t, r, label_col)))
            continue;
        if (*total != SIZE_MAX)
            return yr_fail_at(file, t->lines[r], "a second total row (the first is on line %zu)",
                              t->lines[*total]);
        *total = r;
    }
    return 0;
}

static int lib_fail(const char *file, yr_status st)
{
    return yr_fail_at(file, 0, "%s", yr_strerror(st));
}

static int out_of_memory(void)
{
    fputs("yrkesresa: out of memory\n", stderr);
    return YR_EXIT_ERROR;
}

/* Empty a buffer for reuse (keeps its memory). */
static void buf_clear(yr_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

/* Append "; " between notes. */
static void note_sep(yr_buf *note)
{
    if (note->len > 0)
        yr_buf_puts(note, "; ");
}

/* ---- attendance ------------------------------------------------------------------------- */

/* Compare a published percent (decimal) with 100 * att / reg rounded to its decimals. Writes
 * the computed percent to @p computed and the verdict to @p note. */
static void compare_rate(yr_decimal pub, int64_t att, int64_t reg, yr_buf *computed, yr_buf *note)
{
    i128 want = div_round((i128)att * 100 * pow10_i64(pub.scale), reg);
    put_scaled(computed, want, pub.scale);
    note_sep(note);
    if (want == pub.num) {
        yr_buf_puts(note, "ok");
    } else {
        yr_buf_puts(note, "published ");
        put_scaled(note, pub.num, pub.scale);
        yr_buf_puts(note, " != computed ");
        put_scaled(note, want, pub.scale);
    }
}

static int cmd_attendance(int argc, char **argv)
{
    const char *cmd = "stats attendance";
    opts o;
    int rc = parse_opts(argc, argv, cmd, attendance_usage, OPT_CONFIDENCE, &o);
    if (rc != 0)
        return rc == 1 ? YR_EXIT_OK : rc;
    yr_csv_table t;
    if (yr_cli_load_csv(o.file, &t) != 0)
        return YR_EXIT_ERROR;
    const char *f = o.file;
    size_t c_course = column(&t, "course"), c_reg = column(&t, "registered"),
           c_att = column(&t, "attended"), c_pub = column(&t, "attendance_rate_published");
    if (c_course == YR_CSV_NO_COLUMN)
        c_course = 0;
    int64_t *reg = NULL, *att = NULL;
    size_t *rows = NULL;
    yr_rate *rates = NULL;
    yr_buf out, note, comp;
    yr_buf_init(&out);
    yr_buf_init(&note);
    yr_buf_init(&comp);
    rc = YR_EXIT_ERROR;
    size_t total_row = SIZE_MAX;
    if (c_reg == YR_CSV_NO_COLUMN) {
        missing_column(f, &t, "registered");
        goto done;
    }
    if (c_att == YR_CSV_NO_COLUMN) {
        missing_column(f, &t, "attended");
        goto done;
    }
    if (find_total_row(f, &t, c_course, &total_row) != 0)
        goto done;
    reg = malloc((t.nrows + 1) * sizeof *reg);
    att = malloc((t.nrows + 1) * sizeof *att);
    rows = malloc((t.nrows + 1) * sizeof *rows);
    rates = malloc((t.nrows + 1) * sizeof *rates);
    if (reg == NULL || att == NULL || rows == NULL || rates == NULL) {
        rc = out_of_memory();
        goto done;
    }
    /* Parse and validate every row with its line before calling the library. */
    size_t n = 0;
    int64_t stated_reg = 0, stated_att = 0;
    int has_stated_reg = 0, has_stated_att = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        int64_t g, a;
        int pg, pa;
        if (cell_opt_int(f, &t, r, c_reg, &g, &pg) != 0 ||
            cell_opt_int(f, &t, r, c_att, &a, &pa) != 0)
            goto done;
        if (r == total_row) {
            stated_reg = g;
            stated_att = a;
            has_stated_reg = pg;
            has_stated_att = pa;
            continue;
        }
        if (pg != pa) {
            yr_fail_at(f, t.lines[r],
                       "registered and attended must both be given or both be empty");
            goto done;
        }
        if (g < 0 || a < 0) {
            yr_fail_at(f, t.lines[r], "a negative count");
            goto done;
        }
        if (a > g) {
            yr_fail_at(f, t.lines[r],
                       "attended (%" PRId64 ") is more than registered (%" PRId64 ")", a, g);
            goto done;
        }
        if (a > INT64_MAX / 100) {
            yr_fail_at(f, t.lines[r], "attended (%" PRId64 ") is too large", a);
            goto done;
        }
        if (c_pub != YR_CSV_NO_COLUMN && !is_blank(cell(&t, r, c_pub))) {
            yr_decimal d;
            if (yr_cli_cell_decimal(f, &t, r, c_pub, &d) != 0)
                goto done;
        }
        if (!pg)
            continue; /* listed, not counted */
        reg[n] = g;
        att[n] = a;
        rows[n] = r;
        n++;
    }
    if (n == 0) {
        yr_fail_at(f, 0, "no course with registered and attended counts");
        goto done;
    }
    yr_rate total;
    yr_status st = yr_attendance_rate(reg, att, n, o.confidence, rates, &total);
    if (st != YR_OK) {
        lib_fail(f, st);
        goto done;
    }
    yr_buf_puts(&out, "course,registered,attended,rate,low,high,published_percent,"
                      "computed_percent,check\n");
    size_t k = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        if (r == total_row)
            continue;
        put_field(&out, cell(&t, r, c_course));
        buf_clear(&note);
        buf_clear(&comp);
        if (k < n && rows[k] == r) {
            const yr_rate *x = &rates[k];
            yr_buf_printf(&out, ",%" PRId64 ",%" PRId64 ",", x->trials, x->successes);
            put_num(&out, x->share);
            yr_buf_puts(&out, ",");
            put_num(&out, x->low);
            yr_buf_puts(&out, ",");
            put_num(&out, x->high);
            yr_buf_puts(&out, ",");
            const char *pc = c_pub != YR_CSV_NO_COLUMN ? cell(&t, r, c_pub) : "";
            yr_decimal d = {0, 1};
            if (!is_blank(pc)) {
                yr_parse_decimal(pc, &d);
                put_scaled(&out, d.num, d.scale);
            }
            if (x->trials == 0) {
                note_sep(&note);
                yr_buf_puts(&note, "nobody registered");
            } else if (!is_blank(pc)) {
                compare_rate(d, x->successes, x->trials, &comp, &note);
            } else {
                put_scaled(&comp, div_round((i128)x->successes * 1000, x->trials), 1);
            }
            k++;
        } else {
            yr_buf_puts(&out, ",,,,,,");
            yr_buf_puts(&note, "no counts: not included in the total");
        }
        yr_buf_puts(&out, ",");
        if (comp.len > 0)
            yr_buf_add(&out, comp.data, comp.len);
        yr_buf_puts(&out, ",");
        if (note.len > 0)
            put_field(&out, note.data);
        yr_buf_puts(&out, "\n");
    }
    /* The total row: computed from the courses; the stated one, if any, is checked. */
    buf_clear(&note);
    buf_clear(&comp);
    put_field(&out, total_row != SIZE_MAX ? cell(&t, total_row, c_course) : "Totalt");
    yr_buf_printf(&out, ",%" PRId64 ",%" PRId64 ",", total.trials, total.successes);
    put_num(&out, total.share);
    yr_buf_puts(&out, ",");
    put_num(&out, total.low);
    yr_buf_puts(&out, ",");
    put_num(&out, total.high);
    yr_buf_puts(&out, ",");
    const char *tp =
        total_row != SIZE_MAX && c_pub != YR_CSV_NO_COLUMN ? cell(&t, total_row, c_pub) : "";
    if (has_stated_reg && stated_reg != total.trials) {
        note_sep(&note);
        yr_buf_printf(&note, "stated registered %" PRId64 " != sum %" PRId64, stated_reg,
                      total.trials);
    }
    if (has_stated_att && stated_att != total.successes) {
        note_sep(&note);
        yr_buf_printf(&note, "stated attended %" PRId64 " != sum %" PRId64, stated_att,
                      total.successes);
    }
    if (!is_blank(tp)) {
        yr_decimal d;
        if (yr_cli_cell_decimal(f, &t, total_row, c_pub, &d) != 0)
            goto done;
        put_scaled(&out, d.num, d.scale);
        compare_rate(d, total.successes, total.trials, &comp, &note);
    } else {
        put_scaled(&comp, div_round((i128)total.successes * 1000, total.trials), 1);
    }
    yr_buf_puts(&out, ",");
    yr_buf_add(&out, comp.data, comp.len);
    yr_buf_puts(&out, ",");
    if (note.len > 0)
        put_field(&out, note.data);
    yr_buf_puts(&out, "\n");
    if (!note.ok || !comp.ok) {
        rc = out_of_memory();
        goto done;
    }
    rc = yr_buf_flush(&out);
done:
    yr_buf_free(&out);
    yr_buf_free(&note);
    yr_buf_free(&comp);
    free(reg);
    free(att);
    free(rows);
    free(rates);
    yr_csv_free(&t);
    return rc;
}

/* ---- survey ----------------------------------------------------------------------------- */

/* A percentage cell (decimal) as a fraction in [0, 1]; error at its line otherwise. */
static int cell_percent(const char *file, const yr_csv_table *t, size_t row, size_t col,
                        double *out)
{
    yr_decimal d;
    if (yr_cli_cell_decimal(file, t, row, col, &d) != 0)
        return YR_EXIT_ERROR;
    if (d.num < 0 || (i128)d.num > (i128)100 * pow10_i64(d.scale))
        return yr_fail_at(file, t->lines[row], "column '%s': a percentage must be 0 to 100",
                          t->header[col]);
    *out = (double)d.num / 100.0 / (double)pow10_i64(d.scale);
    return 0;
}

static int cmd_survey(int argc, char **argv)
{
    const char *cmd = "stats survey";
    opts o;
    int rc = parse_opts(argc, argv, cmd, survey_usage, OPT_CONFIDENCE | OPT_TARGET, &o);
    if (rc != 0)
        return rc == 1 ? YR_EXIT_OK : rc;
    double default_target = NAN;
    if (o.target != NULL) {
        if (parse_level(cmd, "target", o.target, &default_target) != 0)
            return YR_EXIT_ERROR;
        if (!(default_target >= 0 && default_target <= 1))
            return yr_fail_usage(cmd, "--target must be between 0 and 1, e.g. 0.8 or 80%%");
    }
    yr_csv_table t;
    if (yr_cli_load_csv(o.file, &t) != 0)
        return YR_EXIT_ERROR;
    const char *f = o.file;
    static const char *const n_names[] = {"respondents", "n", NULL};
    static const char *const yes_names[] = {"yes", "yes_count", NULL};
    static const char *const share_names[] = {"share_yes_percent", "share_percent", NULL};
    size_t c_q = column(&t, "question"), c_n = column_any(&t, n_names),
           c_yes = column_any(&t, yes_names), c_share = column_any(&t, share_names),
           c_target = column(&t, "target_percent");
    if (c_q == YR_CSV_NO_COLUMN)
        c_q = 0;
    yr_buf out, note;
    yr_buf_init(&out);
    yr_buf_init(&note);
    rc = YR_EXIT_ERROR;
    if (c_n == YR_CSV_NO_COLUMN) {
        missing_column(f, &t, "respondents");
        goto done;
    }
    if (c_yes == YR_CSV_NO_COLUMN && c_share == YR_CSV_NO_COLUMN) {
        yr_fail_at(f, t.header_line, "missing column 'yes' (a count) or 'share_yes_percent'");
        goto done;
    }
    yr_buf_puts(&out, "question,yes,respondents,share,low,high,target,verdict,note\n");
    size_t nq = 0;
    for (size_t r = 0; r < t.nrows; r++) {
        if (yr_is_total_label(cell(&t, r, c_q)))
            continue;
        int64_t n, yes;
        buf_clear(&note);
        if (yr_cli_cell_int64(f, &t, r, c_n, &n) != 0)
            goto done;
        if (n < 1) {
            yr_fail_at(f, t.lines[r], "respondents must be at least 1");
            goto done;
        }
        if (c_yes != YR_CSV_NO_COLUMN) {
            if (yr_cli_cell_int64(f, &t, r, c_yes, &yes) != 0)
                goto done;
            if (yes < 0 || yes > n) {
                yr_fail_at(f, t.lines[r],
                           "yes (%" PRId64 ") must be 0 to respondents (%" PRId64 ")", yes, n);
                goto done;
            }
        } else {
            yr_decimal d;
            if (yr_cli_cell_decimal(f, &t, r, c_share, &d) != 0)
                goto done;
            i128 hundred = (i128)100 * pow10_i64(d.scale);
            if (d.num < 0 || (i128)d.num > hundred) {
                yr_fail_at(f, t.lines[r], "column '%s': a percentage must be 0 to 100",
                           t.header[c_share]);
                goto done;
            }
            /* yes = round(share * n / 100), exactly, half away from zero */
            yes = (int64_t)div_round((i128)d.num * n, hundred);
            i128 back = div_round((i128)yes * hundred, n);
            put_scaled(&note, d.num, d.scale);
            yr_buf_printf(&note, " %% of %" PRId64, n);
            if (back == d.num) {
                yr_buf_printf(&note, " = %" PRId64 " yes (rounded)", yes);
            } else {
                yr_buf_puts(&note, " is no whole number of answers; used ");
                yr_buf_printf(&note, "%" PRId64 "/%" PRId64 " = ", yes, n);
                put_scaled(&note, div_round((i128)yes * 1000, n), 1);
                yr_buf_puts(&note, " %");
            }
        }
        double target = default_target;
        if (c_target != YR_CSV_NO_COLUMN && !is_blank(cell(&t, r, c_target))) {
            if (cell_percent(f, &t, r, c_target, &target) != 0)
                goto done;
        }
        if (isnan(target)) {
            yr_fail_at(f, t.lines[r], "no target: give a target_percent cell or --target");
            goto done;
        }
        double share, low, high;
        yr_goal verdict;
        yr_status st = yr_proportion(yes, n, o.confidence, &share, &low, &high);
        if (st == YR_OK)
            st = yr_goal_check(yes, n, target, o.confidence, &verdict);
        if (st != YR_OK) {
            yr_fail_at(f, t.lines[r], "%s", yr_strerror(st));
            goto done;
        }
        put_field(&out, cell(&t, r, c_q));
        yr_buf_printf(&out, ",%" PRId64 ",%" PRId64 ",", yes, n);
        put_num(&out, share);
        yr_buf_puts(&out, ",");
        put_num(&out, low);
        yr_buf_puts(&out, ",");
        put_num(&out, high);
        yr_buf_puts(&out, ",");
        put_num(&out, target);
        yr_buf_printf(&out, ",%s,", yr_goal_name(verdict));
        if (note.len > 0)
            put_field(&out, note.data);
        yr_buf_puts(&out, "\n");
        nq++;
    }
    if (nq == 0) {
        yr_fail_at(f, 0, "no questions");
        goto done;
    }
    if (!note.ok) {
        rc = out_of_memory();
        goto done;
    }
    rc = yr_buf_flush(&out);
done:
    yr_buf_free(&out);
    yr_buf_free(&note);
    yr_csv_free(&t);
    return rc;
}

/* ---- progress and coverage -------------------------------------------------------------- */

#define MAX_COURSES 64

/* A name without surrounding blanks (space, tab), as pointer and length. */
typedef struct span {
    const char *s;
    size_t len;
} span;

static span trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    span sp = {s, len};
    return sp;
}

static int span_eq(span a, span b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* Coverage: completed course K per N inhabitants, with P.csv's populations. */
static int coverage(const opts *o, const yr_csv_table *t, size_t c_muni, const size_t *c_done,
                    size_t ncourses, size_t total_row, yr_buf *out)
{
    const char *f = o->file;
    int64_t course = 1, per = 1000;
    if (o->course != NULL && (yr_parse_int64(o->course, &course) != YR_NUM_OK || course < 1 ||
                              (uint64_t)course > ncourses))
        return yr_fail_usage("stats progress",
                             "--course must be 1 to %zu (the courseK_completed "
                             "columns of %s)",
                             ncourses, f);
    if (o->per != NULL && (yr_parse_int64(o->per, &per) != YR_NUM_OK || per < 1))
        return yr_fail_usage("stats progress", "--per must be a whole number >= 1, e.g. 1000");
    size_t cc = c_done[course - 1];
    yr_csv_table p;
    if (yr_cli_load_csv(o->population, &p) != 0)
        return YR_EXIT_ERROR;
    int rc = YR_EXIT_ERROR;
    size_t p_muni = column(&p, "municipality"), p_pop = column(&p, "population");
    if (p_muni == YR_CSV_NO_COLUMN)
        p_muni = 0;
    if (p_pop == YR_CSV_NO_COLUMN) {
        missing_column(o->population, &p, "population");
        goto done;
    }
    /* every population row: integer >= 0, names unique */
    for (size_t r = 0; r < p.nrows; r++) {
        if (yr_is_total_label(cell(&p, r, p_muni)))
            continue;
        int64_t v;
        if (yr_cli_cell_int64(o->population, &p, r, p_pop, &v) != 0)
            goto done;
        if (v < 0) {
            yr_fail_at(o->population, p.lines[r], "a negative population");
            goto done;
        }
        for (size_t q = 0; q < r; q++) {
            if (span_eq(trimmed(cell(&p, q, p_muni)), trimmed(cell(&p, r, p_muni)))) {
                char qn[80];
                yr_fail_at(o->population, p.lines[r], "%s appears twice (also on line %zu)",
                           yr_cli_quote(cell(&p, r, p_muni), qn, sizeof qn), p.lines[q]);
                goto done;
            }
        }
    }
    yr_buf_printf(
        out, "municipality,completed_course%" PRId64 ",population,per_%" PRId64 ",low,high,note\n",
        course, per);
    int64_t sum_done = 0, sum_pop = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (r == total_row)
            continue;
        span name = trimmed(cell(t, r, c_muni));
        size_t q = 0;
        while (q < p.nrows && (yr_is_total_label(cell(&p, q, p_muni)) ||
                               !span_eq(trimmed(cell(&p, q, p_muni)), name)))
            q++;
        if (q == p.nrows) {
            char qn[80];
            yr_fail_at(f, t->lines[r], "no population for %s in %s",
                       yr_cli_quote(cell(t, r, c_muni), qn, sizeof qn), o->population);
            goto done;
        }
        int64_t done_k, pop;
        if (yr_cli_cell_int64(f, t, r, cc, &done_k) != 0 ||
            yr_cli_cell_int64(o->population, &p, q, p_pop, &pop) != 0)
            goto done;
        if (done_k < 0) {
            yr_fail_at(f, t->lines[r], "a negative count");
            goto done;
        }
        if (done_k > pop) {
            yr_fail_at(f, t->lines[r], "%" PRId64 " completed but the population is %" PRId64,
                       done_k, pop);
            goto done;
        }
        if (done_k > INT64_MAX - sum_done || pop > INT64_MAX - sum_pop) {
            lib_fail(f, YR_ERR_OVERFLOW);
            goto done;
        }
        sum_done += done_k;
        sum_pop += pop;
        put_field(out, cell(t, r, c_muni));
        yr_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", done_k, pop);
        if (pop > 0) {
            double rate, low, high;
            yr_status st = yr_coverage(done_k, pop, (double)per, o->confidence, &rate, &low, &high);
            if (st != YR_OK) {
                yr_fail_at(f, t->lines[r], "%s", yr_strerror(st));
                goto done;
            }
            put_num(out, rate);
            yr_buf_puts(out, ",");
            put_num(out, low);
            yr_buf_puts(out, ",");
            put_num(out, high);
            yr_buf_puts(out, ",\n");
        } else {
            yr_buf_puts(out, ",,,no population\n");
        }
    }
    put_field(out, total_row != SIZE_MAX ? cell(t, total_row, c_muni) : "Totalt");
    yr_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", sum_done, sum_pop);
    if (sum_pop > 0) {
        double rate, low, high;
        yr_status st =
            yr_coverage(sum_done, sum_pop, (double)per, o->confidence, &rate, &low, &high);
        if (st != YR_OK) {
            lib_fail(f, st);
            goto done;
        }
        put_num(out, rate);
        yr_buf_puts(out, ",");
        put_num(out, low);
        yr_buf_puts(out, ",");
        put_num(out, high);
    } else {
        yr_buf_puts(out, ",,");
    }
    yr_buf_puts(out, ",");
    if (total_row != SIZE_MAX) {
        int64_t stated;
        int present;
        if (cell_opt_int(f, t, total_row, cc, &stated, &present) != 0)
            goto done;
        if (present && stated != sum_done)
            yr_buf_printf(out, "stated %s %" PRId64 " != sum %" PRId64, t->header[cc], stated,
                          sum_done);
    }
    yr_buf_puts(out, "\n");
    rc = 0;
done:
    yr_csv_free(&p);
    return rc;
}

static void put_rate_cells(yr_buf *out, const yr_rate *x)
{
    yr_buf_printf(out, ",%" PRId64 ",%" PRId64 ",", x->trials, x->successes);
    put_num(out, x->share);
    yr_buf_puts(out, ",");
    put_num(out, x->low);
    yr_buf_puts(out, ",");
    put_num(out, x->high);
    yr_buf_puts(out, ",");
}

static int cmd_progress(int argc, char **argv)
{
    const char *cmd = "stats progress";
    opts o;
    int rc = parse_opts(argc, argv, cmd, progress_usage, OPT_CONFIDENCE | OPT_POPULATION, &o);
    if (rc != 0)
        return rc == 1 ? YR_EXIT_OK : rc;
    if (o.population == NULL && (o.course != NULL || o.per != NULL))
        return yr_fail_usage(cmd, "--course and --per need --population");
    yr_csv_table t;
    if (yr_cli_load_csv(o.file, &t) != 0)
        return YR_EXIT_ERROR;
    const char *f = o.file;
    size_t c_muni = column(&t, "municipality"), c_done[MAX_COURSES], nc = 0;
    if (c_muni == YR_CSV_NO_COLUMN)
        c_muni = 0;
    for (; nc < MAX_COURSES; nc++) {
        char name[32];
        snprintf(name, sizeof name, "course%zu_completed", nc + 1);
        c_done[nc] = column(&t, name);
        if (c_done[nc] == YR_CSV_NO_COLUMN)
            break;
    }
    yr_buf out;
    yr_buf_init(&out);
    rc = YR_EXIT_ERROR;
    size_t total_row;
    if (find_total_row(f, &t, c_muni, &total_row) != 0)
        goto done;
    if (o.population != NULL) {
        if (nc == 0) {
            missing_column(f, &t, "course1_completed");
            goto done;
        }
        if (coverage(&o, &t, c_muni, c_done, nc, total_row, &out) != 0)
            goto done;
        rc = yr_buf_flush(&out);
        goto done;
    }
    if (nc < 2) {
        missing_column(f, &t, nc == 0 ? "course1_completed" : "course2_completed");
        goto done;
    }
    int64_t sums[MAX_COURSES] = {0}, done_k[MAX_COURSES];
    yr_rate steps[MAX_COURSES];
    size_t nbody = 0;
    yr_buf_puts(&out, "municipality,from_course,to_course,completed_from,completed_to,share,low,"
                      "high,note\n");
    for (size_t r = 0; r < t.nrows; r++) {
        if (r == total_row)
            continue;
        for (size_t k = 0; k < nc; k++) {
            if (yr_cli_cell_int64(f, &t, r, c_done[k], &done_k[k]) != 0)
                goto done;
            if (done_k[k] < 0) {
                yr_fail_at(f, t.lines[r], "column '%s': a negative count", t.header[c_done[k]]);
                goto done;
            }
            if (k > 0 && done_k[k] > done_k[k - 1]) {
                yr_fail_at(f, t.lines[r],
                           "more completed course %zu (%" PRId64 ") than course %zu (%" PRId64 ")",
                           k + 1, done_k[k], k, done_k[k - 1]);
                goto done;
            }
            if (done_k[k] > INT64_MAX - sums[k]) {
                lib_fail(f, YR_ERR_OVERFLOW);
                goto done;
            }
            sums[k] += done_k[k];
        }
        yr_status st = yr_progression(done_k, nc, o.confidence, steps);
        if (st != YR_OK) {
            yr_fail_at(f, t.lines[r], "%s", yr_strerror(st));
            goto done;
        }
        for (size_t k = 0; k + 1 < nc; k++) {
            put_field(&out, cell(&t, r, c_muni));
            yr_buf_printf(&out, ",%zu,%zu", k + 1, k + 2);
            put_rate_cells(&out, &steps[k]);
            if (steps[k].trials == 0)
                yr_buf_printf(&out, "nobody completed course %zu", k + 1);
            yr_buf_puts(&out, "\n");
        }
        nbody++;
    }
    if (nbody == 0) {
        yr_fail_at(f, 0, "no municipality rows (only a total row)");
        goto done;
    }
    /* The total from the column sums; the stated total row is only compared. */
    int64_t stated[MAX_COURSES];
    int present[MAX_COURSES];
    for (size_t k = 0; k < nc; k++) {
        present[k] = 0;
        if (total_row != SIZE_MAX &&
            cell_opt_int(f, &t, total_row, c_done[k], &stated[k], &present[k]) != 0)
            goto done;
    }
    yr_status st = yr_progression(sums, nc, o.confidence, steps);
    if (st != YR_OK) {
        lib_fail(f, st);
        goto done;
    }
    for (size_t k = 0; k + 1 < nc; k++) {
        put_field(&out, total_row != SIZE_MAX ? cell(&t, total_row, c_muni) : "Totalt");
        yr_buf_printf(&out, ",%zu,%zu", k + 1, k + 2);
        put_rate_cells(&out, &steps[k]);
        int first = 1;
        for (size_t j = k; j <= k + 1; j++) {
            if (present[j] && stated[j] != sums[j]) {
                yr_buf_printf(&out, "%sstated %s %" PRId64 " != sum %" PRId64, first ? "" : "; ",
                              t.header[c_done[j]], stated[j], sums[j]);
                first = 0;
            }
        }
        yr_buf_puts(&out, "\n");
    }
    rc = yr_buf_flush(&out);
done:
    yr_buf_free(&out);
    yr_csv_free(&t);
    return rc;
}

/* ---- check ------------------------------------------------------------------------------ */

typedef enum col_kind { COL_INT, COL_DECIMAL, COL_TEXT, COL_EMPTY } col_kind;

static col_kind classify(const yr_csv_table *t, size_t c)
{
    int any = 0, all_int = 1;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *s = cell(t, r, c);
        if (is_blank(s))
            continue;
        any = 1;
        yr_decimal d;
        if (yr_is_int64(s))
            continue;
        all_int = 0;
        if (yr_parse_decimal(s, &d) != YR_NUM_OK)
            return COL_TEXT;
    }
    return !any ? COL_EMPTY : all_int ? COL_INT : COL_DECIMAL;
}

static int cmd_check(int argc, char **argv)
{
    const char *cmd = "stats check";
    opts o;
    int rc = parse_opts(argc, argv, cmd, check_usage, OPT_STRICT, &o);
    if (rc != 0)
        return rc == 1 ? YR_EXIT_OK : rc;
    yr_csv_table t;
    if (yr_cli_load_csv(o.file, &t) != 0)
        return YR_EXIT_ERROR;
    const char *f = o.file;
    yr_buf out;
    yr_buf_init(&out);
    rc = YR_EXIT_ERROR;
    col_kind *kind = NULL;
    size_t *cols = NULL;
    int64_t *body = NULL, *stated = NULL, *sums = NULL;
    int *has_stated = NULL;
    size_t total_row;
    if (find_total_row(f, &t, 0, &total_row) != 0)
        goto done;
    if (total_row == SIZE_MAX) {
        yr_fail_at(f, 0, "no total row (Totalt, Summa, Total or Sum in the first column)");
        goto done;
    }
    size_t nbody = t.nrows - 1, ncols = t.ncols;
    kind = malloc(ncols * sizeof *kind);
    cols = malloc(ncols * sizeof *cols);
    stated = malloc(ncols * sizeof *stated);
    sums = malloc(ncols * sizeof *sums);
    has_stated = malloc(ncols * sizeof *has_stated);
    body = malloc((nbody ? nbody : 1) * ncols * sizeof *body);
    if (!kind || !cols || !stated || !sums || !has_stated || !body) {
        rc = out_of_memory();
        goto done;
    }
    size_t nchk = 0;
    for (size_t c = 1; c < ncols; c++) {
        kind[c] = classify(&t, c);
        if (kind[c] == COL_INT)
            cols[nchk++] = c;
    }
    if (nchk == 0) {
        yr_fail_at(f, 0, "no column of whole numbers to check");
        goto done;
    }
    for (size_t j = 0; j < nchk; j++) {
        size_t c = cols[j], b = 0;
        for (size_t r = 0; r < t.nrows; r++) {
            int64_t v = 0;
            int present;
            if (cell_opt_int(f, &t, r, c, &v, &present) != 0)
                goto done;
            if (r == total_row) {
                stated[j] = v;
                has_stated[j] = present;
            } else {
                body[b++ * nchk + j] = v;
            }
        }
    }
    size_t mismatched = 0;
    yr_status st = yr_check_totals(body, nbody, nchk, stated, sums, &mismatched);
    if (st == YR_ERR_OVERFLOW) {
        for (size_t j = 0; j < nchk; j++) { /* name the column */
            i128 s = 0;
            for (size_t r = 0; r < nbody; r++)
                s += body[r * nchk + j];
            if (s > INT64_MAX || s < INT64_MIN) {
                yr_fail_at(f, 0, "column '%s': the sum does not fit in 64 bits", t.header[cols[j]]);
                goto done;
            }
        }
    }
    if (st != YR_OK) {
        lib_fail(f, st);
        goto done;
    }
    size_t bad = 0;
    yr_buf_puts(&out, "column,sum,stated,difference,status\n");
    for (size_t c = 1, j = 0; c < ncols; c++) {
        put_field(&out, t.header[c]);
        if (kind[c] != COL_INT) {
            yr_buf_printf(&out, ",,,,%s\n",
                          kind[c] == COL_DECIMAL ? "skipped: not whole numbers"
                          : kind[c] == COL_TEXT  ? "skipped: text"
                                                 : "skipped: empty");
            continue;
        }
        yr_buf_puts(&out, ",");
        put_i64(&out, sums[j]);
        if (!has_stated[j]) {
            yr_buf_puts(&out, ",,,no stated total\n");
        } else {
            yr_buf_puts(&out, ",");
            put_i64(&out, stated[j]);
            yr_buf_puts(&out, ",");
            put_i128(&out, (i128)stated[j] - sums[j]);
            yr_buf_puts(&out, stated[j] == sums[j] ? ",ok\n" : ",MISMATCH\n");
            bad += stated[j] != sums[j];
        }
        j++;
    }
    rc = yr_buf_flush(&out);
    if (rc == YR_EXIT_OK && o.strict && bad > 0)
        rc = YR_EXIT_FINDINGS;
done:
    yr_buf_free(&out);
    free(kind);
    free(cols);
    free(body);
    free(stated);
    free(sums);
    free(has_stated);
    yr_csv_free(&t);
    return rc;
}

/* ---- dispatch --------------------------------------------------------------------------- */

int yr_cmd_stats(int argc, char **argv)
{
    if (argc < 2)
        return yr_fail_usage("stats", "missing subcommand: attendance, survey, progress or check");
    const char *sub = argv[1];
    if (yr_is_help(sub)) {
        fputs(stats_usage, stdout);
        return YR_EXIT_OK;
    }
    if (strcmp(sub, "attendance") == 0)
        return cmd_attendance(argc - 1, argv + 1);
    if (strcmp(sub, "survey") == 0)
        return cmd_survey(argc - 1, argv + 1);
    if (strcmp(sub, "progress") == 0)
        return cmd_progress(argc - 1, argv + 1);
    if (strcmp(sub, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    char q[80];
    return yr_fail_usage("stats", "unknown subcommand %s (attendance, survey, progress, check)",
                         yr_cli_quote(sub, q, sizeof q));
}
