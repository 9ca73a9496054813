/* `yrkesresa audit`: check a published split ("kontrollräkna", SPEC §2). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cli_read.h"
#include "cmd_cycle.h"

static const char *const usage_text =
    "Usage: yrkesresa audit [--total N] [--csv] [--strict] [--weight-column NAME]\n"
    "                       [--amount-column NAME] FILE\n"
    "       yrkesresa audit [--population POPULATION.csv] [--items ITEMS.csv\n"
    "                       [--equal-part P]] [--strict] STATEMENT.csv\n"
    "\n"
    "Check a published split: do the rows add up to the stated total, which rows differ from\n"
    "the exact largest-remainder split, which rows are more than one unit from their exact\n"
    "quota (total x weight / sum of weights), and which methods reproduce the table.\n"
    "A table whose amounts are written to whole tkr or Mkr ('Belopp (tkr)', '290 tkr',\n"
    "0,290 under 'Kostnad (Mkr)') is checked in that unit, as it was rounded: each row\n"
    "against the exact quota of the total in tkr (the report says 'amounts in tkr: checked\n"
    "to whole tkr'; --csv is in that unit). --total is in kronor.\n"
    "\n"
    "@OPTIONS@\n"
    "\n"
    "Exit status: 0 the audit ran (whatever it found), 1 --strict and errors found, 2 error.\n"
    "\n"
    "Example:\n"
    "  yrkesresa audit data/dalarna/published-split-coordinator-2023.csv\n"
    "  yrkesresa audit --csv data/dalarna/published-split-coordinator-2023.csv\n";

/* Display width of UTF-8 text: code points (not bytes). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* A cell of the report table, padded to w: right-aligned unless left. */
static void cell(cli_buf *b, const char *s, size_t w, int left)
{
    size_t sw = width(s);
    if (left)
        cli_buf_puts(b, s);
    for (size_t k = sw; k < w; k++)
        cli_buf_add(b, " ", 1);
    if (!left)
        cli_buf_puts(b, s);
}

/* A name for the report: control bytes shown as '?' (into dst of cap bytes). */
static const char *display_name(const char *s, char *dst, size_t cap)
{
    size_t k = 0;
    for (; s[k] && k + 1 < cap; k++)
        dst[k] = ((unsigned char)s[k] < 0x20 || s[k] == 0x7F) ? '?' : s[k];
    dst[k] = '\0';
    return dst;
}

/* A weight (an integer over 10^scale) as written with its decimals, '.' as the mark. */
static void weight_str(char *dst, size_t cap, int64_t w, unsigned scale)
{
    cli_buf q;
    cli_buf_init(&q);
    cli_buf_ratio(&q, w, cli_pow10(scale), scale);
    snprintf(dst, cap, "%s", cli_buf_str(&q));
    cli_buf_free(&q);
}

/* Quota whole + rem/den with 3 decimals, '.' as the mark. */
static void quota_str(char *dst, size_t cap, const yr_audit_row *row, int64_t den)
{
    cli_buf q;
    cli_buf_init(&q);
    cli_buf_fixed(&q, row->quota_whole, row->quota_rem, den, 3);
    snprintf(dst, cap, "%s", cli_buf_str(&q));
    cli_buf_free(&q);
}

static void methods_list(cli_buf *b, unsigned bits, const char *sep)
{
    int any = 0;
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (bits & (1u << m)) {
            cli_buf_printf(b, "%s%s", any ? sep : "", yr_method_name((yr_method)m));
            any = 1;
        }
    }
    if (!any)
        cli_buf_puts(b, "none");
}

typedef struct audit_in {
    const char *file;
    cli_input in;
    size_t n; /* the parties: the data rows */
    size_t name_col;
    size_t wcol, acol;
    int64_t *weights; /* NULL without a weight column */
    int64_t *published;
    int64_t stated;
    const char *stated_from; /* "--total", "total row" or NULL (sum of rows) */
    int64_t total_row_amount;
    int total_row_amount_ok;
    int64_t wsum;
    unsigned scale; /* the weights are integers over 10^scale */
    int64_t psum;
    yr_audit_summary s;
    int64_t *expected;       /* the largest-remainder split of the stated total (yr_split) */
    int64_t unit;            /* the amounts are in units of this many kronor (the table's) */
    int unit_exp;            /* the amounts are written to whole 10^unit_exp kr (the reader) */
    yr_aggregate_check *chk; /* the reader's checks of the amounts' aggregate rows */
    size_t nchk, nbad;       /* how many; how many disagree (findings) */
} audit_in;

/* Row i's findings, computed when written (no array of yr_audit_row: 40 bytes per party would
 * put the peak memory over 3x the file) by the library's own rule, yr_audit_row_of(). */
static yr_audit_row row_at(const audit_in *in, size_t i)
{
    yr_audit_row r;
    memset(&r, 0, sizeof r);
    /* cannot fail: the weights are >= 0, W > 0 and audit_weights checked every difference */
    (void)yr_audit_row_of(in->stated, in->weights[i], in->s.quota_den, in->published[i],
                          in->expected[i], &r);
    return r;
}

/* The name of party i, NUL-terminated in @p b. */
static const char *name_of(const audit_in *in, size_t i, cli_buf *b)
{
    return cli_read_cell(in->in.t, yr_table_data_row(in->in.t, i), in->name_col, b);
}

/* A name for the report, control bytes as '?' (display_name). */
static const char *shown_name(const audit_in *in, size_t i, char *dst, size_t cap)
{
    cli_buf b;
    cli_buf_init(&b);
    display_name(name_of(in, i, &b), dst, cap);
    cli_buf_free(&b);
    return dst;
}

/* ---------------------------------------------------------------- the text report */

/* "tkr", "Mkr" or "100 kr": 10^e kronor. */
static const char *unit_name(int e, char *dst, size_t cap)
{
    if (e == 3 || e == 6)
        snprintf(dst, cap, "%s", e == 3 ? "tkr" : "Mkr");
    else
        snprintf(dst, cap, "%" PRId64 " kr", cli_pow10((unsigned)e));
    return dst;
}

/* The unit the audit works in, when the amounts are written to whole tkr (Mkr, ...). */
static void report_unit(cli_buf *b, const audit_in *in)
{
    char u[32];
    if (in->unit > 1)
        cli_buf_printf(b, "amounts in %s: checked to whole %s (the table's unit)\n",
                       unit_name(in->unit_exp, u, sizeof u), u);
    else if (in->unit_exp > 0)
        cli_buf_printf(b,
                       "amounts in %s, but the stated total %" PRId64
                       " kr is not whole %s: checked in kronor\n",
                       unit_name(in->unit_exp, u, sizeof u), in->stated, u);
}

static void report_head(cli_buf *b, const audit_in *in)
{
    cli_buf_printf(b, "Audit of %s: %zu rows, amounts from column '%s'", in->file, in->n,
                   yr_table_header(in->in.t, in->acol));
    if (in->weights != NULL)
        cli_buf_printf(b, ", weights from column '%s'", yr_table_header(in->in.t, in->wcol));
    cli_buf_puts(b, "\n");
    report_unit(b, in);
    cli_buf_printf(b, "stated total    %" PRId64, in->stated);
    if (in->stated_from == NULL)
        cli_buf_puts(b, " (no total row and no --total: the sum of the rows)");
    else if (strcmp(in->stated_from, "--total") == 0 && in->total_row_amount_ok &&
             in->total_row_amount != in->stated)
        cli_buf_printf(b, " (--total; the total row says %" PRId64 ")", in->total_row_amount);
    else
        cli_buf_printf(b, " (%s)", in->stated_from);
    cli_buf_printf(b, "\nsum of rows     %" PRId64 "\n", in->psum);
    /* difference = sum - stated, as in --csv, `pot --check` and `stats check` */
    cli_i128 diff = (cli_i128)in->psum - in->stated;
    cli_buf_puts(b, "difference      ");
    if (diff > 0)
        cli_buf_puts(b, "+");
    cli_buf_i128(b, diff);
    if (diff == 0) {
        cli_buf_puts(b, " (the rows add up to the stated total)\n");
        return;
    }
    cli_buf_puts(b, " (the rows add up to ");
    cli_buf_i128(b, diff < 0 ? -diff : diff);
    cli_buf_printf(b, " %s than the stated total)\n", diff > 0 ? "more" : "less");
}

/* The cells of a differing row: weight, published, expected, difference, quota. */
static void diff_cells(const audit_in *in, size_t i, char cells[6][48])
{
    yr_audit_row row = row_at(in, i), *r = &row;
    weight_str(cells[1], 48, in->weights[i], in->scale);
    snprintf(cells[2], 48, "%" PRId64, in->published[i]);
    snprintf(cells[3], 48, "%" PRId64, r->expected);
    snprintf(cells[4], 48, r->diff > 0 ? "+%" PRId64 : "%" PRId64, r->diff);
    quota_str(cells[5], 48, r, in->s.quota_den);
}

static void report_rows(cli_buf *b, const audit_in *in)
{
    const char *head[6] = {"name", "weight", "published", "expected", "difference", "exact quota"};
    size_t w[6];
    char cells[6][48], name[256];
    for (int k = 0; k < 6; k++)
        w[k] = width(head[k]);
    for (size_t i = 0; i < in->n; i++) { /* the column widths */
        if (in->published[i] == in->expected[i])
            continue;
        diff_cells(in, i, cells);
        snprintf(cells[0], 48, "%s", "");
        size_t nw = width(shown_name(in, i, name, sizeof name));
        w[0] = nw > w[0] ? nw : w[0];
        for (int k = 1; k < 6; k++)
            w[k] = width(cells[k]) > w[k] ? width(cells[k]) : w[k];
    }
    cli_buf_printf(b, "Rows that differ from the largest-remainder split of %" PRId64 " (%zu):\n",
                   in->stated, in->s.rows_differing);
    for (size_t i = SIZE_MAX; i == SIZE_MAX || i < in->n; i++) {
        if (i != SIZE_MAX && in->published[i] == in->expected[i])
            continue;
        if (i != SIZE_MAX)
            diff_cells(in, i, cells);
        for (int k = 0; k < 6; k++) {
            const char *c = i == SIZE_MAX ? head[k]
                            : k == 0      ? shown_name(in, i, name, sizeof name)
                                          : cells[k];
            cli_buf_puts(b, "  ");
            cell(b, c, w[k], k == 0);
        }
        cli_buf_puts(b, "\n");
    }
}

/* The aggregate rows (subtotal, county, nation) whose amounts disagree with their rows. */
static void report_aggregates(cli_buf *b, const audit_in *in)
{
    static const char *const kinds[] = {"data", "total", "subtotal", "county", "nation"};
    for (size_t k = 0; k < in->nchk; k++) {
        const yr_aggregate_check *c = &in->chk[k];
        if (!c->checked || c->kind == YR_ROW_TOTAL || c->stated == c->sum)
            continue;
        cli_buf_printf(b, "%s row at line %zu: states ", kinds[c->kind],
                       yr_table_row_line(in->in.t, c->row));
        cli_read_put_exact(b, c->stated, c->den * in->unit);
        cli_buf_puts(b, ", its rows add up to ");
        cli_read_put_exact(b, c->sum, c->den * in->unit);
        cli_buf_puts(b, "\n");
    }
}

static void report(cli_buf *b, const audit_in *in)
{
    report_head(b, in);
    report_aggregates(b, in);
    if (in->weights == NULL) {
        cli_buf_puts(b, "No weight column: only the sum was checked (name one with "
                        "--weight-column to check the rows).\n");
        return;
    }
    char wbuf[48], q[48], name[256];
    weight_str(wbuf, sizeof wbuf, in->wsum, in->scale);
    cli_buf_printf(b, "sum of weights  %s\n\n", wbuf);
    if (in->s.rows_differing == 0)
        cli_buf_printf(b, "Every row equals the largest-remainder split of %" PRId64 ".\n",
                       in->stated);
    else
        report_rows(b, in);
    if (in->s.rows_outside_quota == 0)
        cli_buf_puts(b, "Rows more than one unit from their exact quota: none");
    else
        cli_buf_printf(
            b, "Rows more than one unit from their exact quota (%zu):", in->s.rows_outside_quota);
    for (size_t i = 0; i < in->n; i++) {
        yr_audit_row r = row_at(in, i);
        if (r.within_quota)
            continue;
        quota_str(q, sizeof q, &r, in->s.quota_den);
        cli_buf_printf(b, "\n  %s: published %" PRId64 ", exact quota %s",
                       shown_name(in, i, name, sizeof name), in->published[i], q);
    }
    cli_buf_puts(b, "\nMethods that reproduce the table: ");
    methods_list(b, in->s.methods_matching, ", ");
    cli_buf_puts(b, "\n");
}

/* ---------------------------------------------------------------- the table (--csv) */

static void table_row(cli_out *o, const audit_in *in, size_t i)
{
    char q[48];
    cli_buf nb;
    cli_buf_init(&nb);
    cli_out_text(o, name_of(in, i, &nb));
    cli_buf_free(&nb);
    if (in->weights == NULL) {
        cli_out_empty(o);
        cli_out_money(o, in->published[i]);
        for (int k = 0; k < 5; k++)
            cli_out_empty(o);
    } else {
        yr_audit_row row = row_at(in, i), *r = &row;
        weight_str(q, sizeof q, in->weights[i], in->scale);
        cli_out_num(o, q);
        cli_out_money(o, in->published[i]);
        quota_str(q, sizeof q, r, in->s.quota_den);
        cli_out_num(o, q);
        cli_out_money(o, r->expected);
        cli_out_money(o, r->diff);
        cli_out_name(o, r->within_quota ? YR_OUT_V_YES : YR_OUT_V_NO);
        cli_out_empty(o);
    }
    cli_out_end_row(o);
}

static int report_table(const audit_in *in, const cli_common *c)
{
    yr_out_name cols[8];
    size_t ncols = yr_out_table_columns(YR_TABLE_AUDIT, cols, 8);
    cli_out o;
    cli_dialect d = cli_read_dialect(in->in.t);
    if (cli_out_open_dialect(&o, &c->out, YR_TABLE_AUDIT, &d) != 0)
        return CLI_EXIT_ERROR;
    for (size_t k = 0; k < ncols; k++)
        cli_out_name(&o, cols[k]);
    cli_out_end_row(&o);
    for (size_t i = 0; i < in->n; i++)
        table_row(&o, in, i);
    char wbuf[48];
    cli_out_name(&o, YR_OUT_SUMMA);
    weight_str(wbuf, sizeof wbuf, in->wsum, in->scale);
    in->weights ? cli_out_num(&o, wbuf) : cli_out_empty(&o);
    cli_out_money(&o, in->psum);
    cli_out_money(&o, in->stated);
    in->weights ? cli_out_money(&o, in->stated) : cli_out_empty(&o);
    cli_buf m;
    cli_buf_init(&m);
    int64_t diff;
    if (!__builtin_sub_overflow(in->psum, in->stated, &diff)) {
        cli_out_money(&o, diff);
    } else { /* beyond int64: as a number, which a workbook refuses */
        cli_buf_i128(&m, (cli_i128)in->psum - in->stated);
        cli_out_num(&o, cli_buf_str(&m));
        cli_buf_clear(&m);
    }
    if (in->weights != NULL)
        methods_list(&m, in->s.methods_matching, " ");
    if (in->weights == NULL)
        cli_out_empty(&o);
    else
        cli_out_name(&o, in->s.rows_outside_quota == 0 ? YR_OUT_V_YES : YR_OUT_V_NO);
    cli_out_text(&o, cli_buf_str(&m));
    cli_out_end_row(&o);
    cli_buf_free(&m);
    return cli_out_close(&o);
}

/* ---------------------------------------------------------------- reading */

/* Whole units of a column read over @p den; a fraction is an error at its line. */
static int whole_units(const audit_in *in, size_t col, int64_t *v, int64_t den)
{
    for (size_t i = 0; den != 1 && i < in->n; i++) {
        if (v[i] % den != 0) {
            char q[80];
            return cli_fail_at(in->file,
                               yr_table_row_line(in->in.t, yr_table_data_row(in->in.t, i)),
                               "column %s: an audit checks whole units (kronor, or öre written "
                               "as whole numbers), not fractions of them",
                               cli_quote(yr_table_header(in->in.t, col), q, sizeof q));
        }
        v[i] /= den;
    }
    return 0;
}

/* The published amounts, their sum (exact: 2^63-1, 1, -2 is fine) and the total row's: the
 * amounts are the column being checked, so the reader reports its aggregates' checks and the
 * total row's disagreement is the audit's finding. */
static int read_amounts(audit_in *in)
{
    cli_i128 sum = 0;
    char q[80];
    int64_t den = 1;
    free(in->published);
    if (cli_read_column(&in->in, in->acol, &in->published, &den) != 0 ||
        whole_units(in, in->acol, in->published, den) != 0)
        return CLI_EXIT_ERROR;
    for (size_t i = 0; i < in->n; i++)
        sum += in->published[i];
    if (sum > INT64_MAX || sum < INT64_MIN)
        return cli_fail_at(in->file, 0,
                           "column %s: the amounts add up to more than fits in 64 bits",
                           cli_quote(yr_table_header(in->in.t, in->acol), q, sizeof q));
    in->psum = (int64_t)sum;
    in->nchk = yr_table_aggregate_checks(in->in.t, in->acol, NULL, 0);
    in->chk = malloc((in->nchk ? in->nchk : 1) * sizeof *in->chk);
    if (in->chk == NULL)
        return cli_fail_at(in->file, 0, "out of memory");
    yr_table_aggregate_checks(in->in.t, in->acol, in->chk, in->nchk);
    for (size_t k = 0; k < in->nchk; k++) {
        const yr_aggregate_check *c = &in->chk[k];
        if (c->checked && c->kind != YR_ROW_TOTAL && c->stated != c->sum)
            in->nbad++; /* a subtotal, county or nation row that disagrees: a finding */
        if (c->kind != YR_ROW_TOTAL || !c->checked || c->stated % c->den != 0 ||
            in->total_row_amount_ok)
            continue; /* the first total row states the total */
        in->total_row_amount = c->stated / c->den;
        in->total_row_amount_ok = 1;
    }
    if (in->stated_from == NULL && in->total_row_amount_ok) {
        in->stated = in->total_row_amount;
        in->stated_from = "total row";
    }
    if (in->stated_from == NULL)
        in->stated = in->psum;
    return 0;
}

/* The audit works in the table's own unit (yr_table_column_unit): amounts written to whole tkr
 * are checked to whole tkr, each row against the exact quota of the total in tkr, as a table
 * published in tkr is rounded; in kronor when the stated total is not a whole number of that
 * unit (--total). Exact: every amount is a multiple of the unit it is written to. */
static int audit_unit(audit_in *in)
{
    yr_read_error e;
    in->unit = 1;
    if (yr_table_column_unit(in->in.t, in->acol, &in->unit_exp, &e) != YR_READ_OK)
        return cli_read_fail(in->file, &e);
    if (in->unit_exp <= 0 || in->unit_exp > 18)
        return 0;
    int64_t u = cli_pow10((unsigned)in->unit_exp);
    if (in->stated % u != 0)
        return 0;
    for (size_t i = 0; i < in->n; i++)
        in->published[i] /= u;
    in->stated /= u;
    in->psum /= u;
    in->total_row_amount /= u;
    in->unit = u;
    return 0;
}

/* The audit, streamed: yr_audit_split_where() checks the input and gives the summary (without
 * an array of rows: 40 bytes per party would put the peak memory over 3x the file); the rows
 * are computed when written (row_at, yr_audit_row_of) from the largest-remainder split. */
static int audit_rows(audit_in *in)
{
    size_t n = in->n;
    yr_where w;
    yr_status st =
        yr_audit_split_where(in->stated, in->weights, in->published, n, &in->s, NULL, &w);
    if (st == YR_OK) {
        in->expected = malloc(n * sizeof *in->expected);
        if (in->expected == NULL)
            return cli_fail_at(in->file, 0, "out of memory");
        st = yr_split_where(in->stated, in->weights, n, YR_LARGEST_REMAINDER, in->expected, &w);
    }
    if (st != YR_OK)
        return cli_fail_lib(
            in->file,
            w.record == YR_WHERE_NONE || w.record >= n
                ? 0
                : yr_table_row_line(in->in.t, yr_table_data_row(in->in.t, w.record)),
            "cannot audit", &w, NULL);
    return 0;
}

static int audit_weights(audit_in *in)
{
    int64_t den = 1;
    if (cli_read_column(&in->in, in->wcol, &in->weights, &den) != 0)
        return CLI_EXIT_ERROR;
    for (in->scale = 0; in->scale < 18 && cli_pow10(in->scale) < den; in->scale++)
        ;
    if (cli_pow10(in->scale) != den) /* a weight's denominator is a power of ten */
        return cli_fail_at(in->file, 0, "column '%s': weights over %lld",
                           yr_table_header(in->in.t, in->wcol), (long long)den);
    cli_i128 sum = 0;
    for (size_t i = 0; i < in->n; i++)
        sum += in->weights[i];
    if (sum > INT64_MAX) {
        char q[80];
        return cli_fail_at(in->file, 0,
                           "column %s: the weights add up to more than fits in 64 bits",
                           cli_quote(yr_table_header(in->in.t, in->wcol), q, sizeof q));
    }
    in->wsum = (int64_t)sum;
    return audit_rows(in); /* all weights 0: the library says so (YR_REASON_ALL_ZERO) */
}

/* The request: names (one identity each), the published amounts (the column being checked),
 * the weights (population or weight, by header or --column) when there are any. */
static int load(audit_in *in, const char *path, const char *wname, const char *aname,
                const cli_common *common, const cli_read_opts *r)
{
    static const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                        {YR_ROLE_AMOUNT, YR_WANT_REQUIRED | YR_WANT_CHECKED},
                                        {YR_ROLE_POPULATION, 0u},
                                        {YR_ROLE_WEIGHT, 0u}};
    cli_common c = *common;
    cli_read_opts quiet = *r;
    quiet.quiet = 1; /* the reading line once the audit has run */
    char wbuf[300], abuf[300];
    if (cli_read_add_column(&c, "weight", wname, wbuf, sizeof wbuf) != 0 ||
        cli_read_add_column(&c, "amount", aname, abuf, sizeof abuf) != 0 ||
        cli_read(path, &c, &quiet, want, 4, &in->in) != 0)
        return CLI_EXIT_ERROR;
    in->n = yr_table_ndata(in->in.t);
    in->name_col = yr_table_find_role(in->in.t, YR_ROLE_MUNICIPALITY);
    in->acol = yr_table_find_role(in->in.t, YR_ROLE_AMOUNT);
    if (read_amounts(in) != 0 || audit_unit(in) != 0 ||
        cli_read_weight_column(&in->in, &c, &in->wcol) != 0)
        return CLI_EXIT_ERROR;
    return in->wcol == YR_READ_NONE ? 0 : audit_weights(in);
}

/* The audit of a published split (FILE not a statement): read, report (or its table), and
 * with @p strict exit 1 when the table has errors. */
static int audit_split_file(const char *path, const char *total, const char *wcol, const char *acol,
                            const cli_common *c, const cli_read_opts *r, int as_csv, int strict)
{
    audit_in in;
    memset(&in, 0, sizeof in);
    in.file = cli_shown(path);
    if (total != NULL) {
        if (cli_opt_int64("audit", "total", total, &in.stated) != 0)
            return CLI_EXIT_ERROR;
        in.stated_from = "--total";
    }
    int rc = load(&in, path, wcol, acol, c, r);
    if (rc == 0 && !r->quiet)
        cli_read_report(&in.in, c->out.lang);
    if (rc == 0 && (as_csv || c->out.excel || cli_output_is_xlsx(&c->out))) {
        rc = report_table(&in, c);
    } else if (rc == 0) {
        cli_buf b;
        cli_buf_init(&b);
        report(&b, &in);
        rc = cli_out_report(&c->out, &b);
        cli_buf_free(&b);
    }
    if (rc == CLI_EXIT_OK && strict &&
        (in.psum != in.stated || in.nbad > 0 ||
         (in.weights != NULL && in.s.rows_outside_quota > 0)))
        rc = CLI_EXIT_FINDINGS;
    free(in.weights);
    free(in.chk);
    free(in.published);
    free(in.expected);
    cli_input_free(&in.in);
    return rc;
}

int cli_cmd_audit(int argc, char **argv)
{
    const char *total = NULL, *wcol = NULL, *acol = NULL, *path = NULL, *population = NULL;
    const char *items = NULL, *equal = NULL; /* a statement's items and their models */
    int as_csv = 0, strict = 0;
    cli_option opts[8 + CLI_READ_NOPTS] = {
        {"total", CLI_OPT_VALUE, &total, "N",
         "the stated total (default: the amount of the total row, Summa, Totalt, 'Dalarnas "
         "län', ... wherever it stands; without either, the sum of the rows is used and only "
         "the rows are checked)"},
        {"weight-column", CLI_OPT_VALUE, &wcol, "NAME",
         "(or --column weight=NAME, --column population=NAME) default: the column named "
         "population, befolkning, invånare, folkmängd, weight or vikt; a file without one gets "
         "only its sum checked"},
        {"amount-column", CLI_OPT_VALUE, &acol, "NAME",
         "(or --column amount=NAME) the published amounts (default: the column named amount, "
         "belopp, kostnad or published; none is an error: a column is never taken for its "
         "numbers alone)"},
        {"csv", CLI_OPT_FLAG, &as_csv, NULL,
         "CSV instead of the report: one row per party with columns\n@COLUMNS:audit@\n(with "
         "--lang sv: @KOLUMNER:audit@)\nthen a summary row named Summa (weight and published "
         "sums, quota and largest_remainder = stated total, difference = sum - stated total, "
         "within_quota yes if every row is, methods = the methods that reproduce the table or "
         "none). Same delimiter as the input; quotas with 3 decimals, decimal comma when the "
         "delimiter is ';'. --excel and an .xlsx --output write this table too."},
        {"strict", CLI_OPT_FLAG, &strict, NULL,
         "exit 1 when the table has errors: the rows do not add up to the stated total, a "
         "subtotal (Delsumma), county or nation row does not add up to its rows (the report "
         "lists them), or a row is more than one unit from its quota"},
        {"population", CLI_OPT_VALUE, &population, "FILE",
         "the weights from this file, joined to FILE's municipalities by code, else by name "
         "(the reader's identity); FILE is audited as a statement: its item columns (between "
         "the municipality column and 'total'; a population or weight column there is no "
         "item) as one table split (yr_audit_table): columns add up, cells within one unit of "
         "their quota, rows the table rule's, total and net add up; the verdict 'reproduces "
         "the table split (yr_split_table)' or what breaks. A statement (a file with a 'total' "
         "column after its items) is audited so without it too, the weights from its "
         "population column (statement --explain, split --items). A statement with years: "
         "each year's block so (its weights from the year's column, '2024' or 'Folkmängd "
         "2024', when FILE has one), and each line 'all' the sum of its years. --strict: exit "
         "1 when a rule is broken."},
        {"items", CLI_OPT_VALUE, &items, "FILE",
         "a statement's items file as given to 'statement': the items' models (equal parts, "
         "rates) are audited too (without it each item is a split by population)"},
        {"equal-part", CLI_OPT_VALUE, &equal, "P",
         "with --items: the option as given to 'statement'"},
    };
    cli_common c;
    cli_read_opts r;
    size_t nfiles, nopts = 8 + cli_read_options(&r, opts + 8);
    int rc = cli_parse_args(argc, argv, "audit", usage_text, opts, nopts, &c, &path, 1, &nfiles);
    if (rc >= 0)
        return rc;
    if (nfiles == 0)
        return cli_fail_usage("audit", "no input file");
    if (population || items || equal || cli_audit_is_statement(path)) { /* statement */
        if (as_csv || total || wcol || acol || c.out.excel || cli_output_is_xlsx(&c.out))
            return cli_fail_usage("audit", "a statement's audit is a report: --csv, --excel, "
                                           "--total and the column options are for a split");
        return cli_audit_statement(path, population, &c, &r, strict, items, equal);
    }
    return audit_split_file(path, total, wcol, acol, &c, &r, as_csv, strict);
}
