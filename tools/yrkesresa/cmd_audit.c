/* `yrkesresa audit`: check a published split ("kontrollräkna", SPEC §2). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

static const char *const usage_text =
    "Usage: yrkesresa audit [--total N] [--csv] [--strict] [--weight-column NAME]\n"
    "                       [--amount-column NAME] FILE.csv\n"
    "\n"
    "Check a published split: do the rows add up to the stated total, which rows differ from\n"
    "the exact largest-remainder split, which rows are more than one unit from their exact\n"
    "quota (total x weight / sum of weights), and which methods reproduce the table.\n"
    "\n"
    "  --total N             the stated total (default: the amount of the last row if it is\n"
    "                        named Summa, Totalt, Total or Sum; without either, the sum of\n"
    "                        the rows is used and only the rows are checked)\n"
    "  --weight-column NAME  default: population, weight, befolkning or invånare, else the\n"
    "                        first column of numbers that is not the amount column; a file\n"
    "                        without weights gets only its sum checked\n"
    "  --amount-column NAME  the published amounts (default: amount, belopp or published,\n"
    "                        else the last column of integers)\n"
    "  --csv                 CSV instead of the report: one row per party with columns\n"
    "                        name,weight,published,quota,largest_remainder,difference,\n"
    "                        within_quota,methods then a summary row named Summa (weight and\n"
    "                        published sums, quota and largest_remainder = stated total,\n"
    "                        difference = sum - stated total, within_quota yes if every row\n"
    "                        is, methods = the methods that reproduce the table or none).\n"
    "                        Same delimiter as the input; quotas with 3 decimals, decimal\n"
    "                        comma when the delimiter is ';'.\n"
    "  --strict              exit 1 when the table has errors: the rows do not add up to the\n"
    "                        stated total, or a row is more than one unit from its quota\n"
    "  -h, --help            this help\n"
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

static void pad(yr_buf *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        yr_buf_add(b, " ", 1);
}

/* A cell of the report table: right-aligned unless left. */
static void cell(yr_buf *b, const char *s, size_t w, int left)
{
    size_t sw = width(s);
    if (left) {
        yr_buf_puts(b, s);
        pad(b, w > sw ? w - sw : 0);
    } else {
        pad(b, w > sw ? w - sw : 0);
        yr_buf_puts(b, s);
    }
}

/* Name of a party for the report: control bytes shown as '?'. */
static char *display_name(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d == NULL)
        return NULL;
    for (size_t k = 0; k <= n; k++)
        d[k] = (k < n && ((unsigned char)s[k] < 0x20 || s[k] == 0x7F)) ? '?' : s[k];
    return d;
}

static size_t amount_column(const yr_csv_table *t, size_t nparties)
{
    static const char *const names[] = {"amount", "belopp", "published"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        size_t c = yr_csv_find_column(t, names[k]);
        if (c != YR_CSV_NO_COLUMN && c > 0)
            return c;
    }
    for (size_t c = t->ncols; c-- > 1;) {
        size_t r = 0;
        while (r < nparties && yr_is_int64(yr_csv_cell(t, r, c)))
            r++;
        if (r == nparties)
            return c;
    }
    return YR_CSV_NO_COLUMN;
}

static void signed_num(char *dst, size_t cap, int64_t v)
{
    snprintf(dst, cap, v > 0 ? "+%" PRId64 : "%" PRId64, v);
}

/* A weight (an integer over 10^scale) as written with its decimals; dec is the decimal mark. */
static void weight_str(char *dst, size_t cap, int64_t w, unsigned scale, char dec)
{
    if (scale == 0) {
        snprintf(dst, cap, "%" PRId64, w);
        return;
    }
    int64_t p = 1;
    for (unsigned k = 0; k < scale; k++)
        p *= 10;
    yr_buf q;
    yr_buf_init(&q);
    yr_buf_ratio(&q, w, p, scale);
    snprintf(dst, cap, "%s", q.ok && q.data ? q.data : "?");
    yr_buf_free(&q);
    char *dot = strchr(dst, '.');
    if (dot != NULL)
        *dot = dec;
}

/* Quota whole + rem/den with 3 decimals into a C string; dec is the decimal mark. */
static void quota_str(char *dst, size_t cap, const yr_audit_row *row, int64_t den, char dec)
{
    yr_buf q;
    yr_buf_init(&q);
    yr_buf_fixed(&q, row->quota_whole, row->quota_rem, den, 3);
    snprintf(dst, cap, "%s", q.ok && q.data ? q.data : "?");
    yr_buf_free(&q);
    char *dot = strchr(dst, '.');
    if (dot != NULL)
        *dot = dec;
}

static void methods_list(yr_buf *b, unsigned bits, const char *sep)
{
    int any = 0;
    for (int m = 0; m < YR_METHOD_COUNT; m++) {
        if (bits & (1u << m)) {
            if (any)
                yr_buf_puts(b, sep);
            yr_buf_puts(b, yr_method_name((yr_method)m));
            any = 1;
        }
    }
    if (!any)
        yr_buf_puts(b, "none");
}

typedef struct audit_in {
    const char *shown;
    const yr_csv_table *t;
    size_t n;
    int has_total;
    size_t wcol, acol;
    const int64_t *weights; /* NULL without a weight column */
    const int64_t *published;
    int64_t stated;
    const char *stated_from; /* "--total", "total row" or NULL (sum of rows) */
    int64_t total_row_amount;
    int total_row_amount_ok;
    int64_t wsum;
    unsigned scale; /* the weights are integers over 10^scale */
    int64_t total_row_weight;
    int total_row_weight_ok;
    int64_t psum;
} audit_in;

static void report(yr_buf *b, const audit_in *in, const yr_audit_summary *s,
                   const yr_audit_row *rows)
{
    const yr_csv_table *t = in->t;
    yr_buf_printf(b, "Audit of %s: %zu rows, amounts from column '%s'", in->shown, in->n,
                  t->header[in->acol]);
    if (in->weights != NULL)
        yr_buf_printf(b, ", weights from column '%s'", t->header[in->wcol]);
    yr_buf_puts(b, "\n");

    yr_buf_printf(b, "stated total    %" PRId64, in->stated);
    if (in->stated_from == NULL)
        yr_buf_puts(b, " (no total row and no --total: the sum of the rows)");
    else if (strcmp(in->stated_from, "--total") == 0 && in->total_row_amount_ok &&
             in->total_row_amount != in->stated)
        yr_buf_printf(b, " (--total; the total row says %" PRId64 ")", in->total_row_amount);
    else
        yr_buf_printf(b, " (%s)", in->stated_from);
    yr_buf_puts(b, "\n");
    yr_buf_printf(b, "sum of rows     %" PRId64 "\n", in->psum);
    int64_t diff = s != NULL ? s->sum_diff : in->psum - in->stated;
    char num[32];
    signed_num(num, sizeof num, diff);
    if (diff == 0)
        yr_buf_puts(b, "difference      0 (the rows add up to the stated total)\n");
    else
        yr_buf_printf(b,
                      "difference      %s (the rows add up to %" PRIu64 " %s than the stated "
                      "total)\n",
                      num, diff < 0 ? (uint64_t)0 - (uint64_t)diff : (uint64_t)diff,
                      diff > 0 ? "more" : "less");
    if (in->weights == NULL) {
        yr_buf_puts(b, "No weight column: only the sum was checked (name one with "
                       "--weight-column to check the rows).\n");
        return;
    }
    char wbuf[48];
    weight_str(wbuf, sizeof wbuf, in->wsum, in->scale, '.');
    yr_buf_printf(b, "sum of weights  %s", wbuf);
    if (in->total_row_weight_ok && in->total_row_weight != in->wsum) {
        weight_str(wbuf, sizeof wbuf, in->total_row_weight, in->scale, '.');
        yr_buf_printf(b, " (the total row says %s)", wbuf);
    }
    yr_buf_puts(b, "\n\n");

    /* Rows that differ from largest remainder. */
    const char *head[6] = {"name", "weight", "published", "expected", "difference", "exact quota"};
    size_t w[6];
    for (int k = 0; k < 6; k++)
        w[k] = width(head[k]);
    char cells[6][48];
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (s->rows_differing == 0) {
                yr_buf_printf(b, "Every row equals the largest-remainder split of %" PRId64 ".\n",
                              in->stated);
                break;
            }
            yr_buf_printf(
                b, "Rows that differ from the largest-remainder split of %" PRId64 " (%zu):\n  ",
                in->stated, s->rows_differing);
            for (int k = 0; k < 6; k++) {
                cell(b, head[k], w[k], k == 0);
                yr_buf_puts(b, k < 5 ? "  " : "\n");
            }
        }
        for (size_t r = 0; r < in->n; r++) {
            if (rows[r].diff == 0)
                continue;
            char *name = display_name(yr_csv_cell(t, r, 0));
            weight_str(cells[1], sizeof cells[1], in->weights[r], in->scale, '.');
            snprintf(cells[2], sizeof cells[2], "%" PRId64, in->published[r]);
            snprintf(cells[3], sizeof cells[3], "%" PRId64, rows[r].expected);
            signed_num(cells[4], sizeof cells[4], rows[r].diff);
            quota_str(cells[5], sizeof cells[5], &rows[r], s->quota_den, '.');
            if (pass == 0) {
                size_t nw = name ? width(name) : 1;
                if (nw > w[0])
                    w[0] = nw;
                for (int k = 1; k < 6; k++)
                    if (width(cells[k]) > w[k])
                        w[k] = width(cells[k]);
            } else {
                yr_buf_puts(b, "  ");
                cell(b, name ? name : "?", w[0], 1);
                for (int k = 1; k < 6; k++) {
                    yr_buf_puts(b, "  ");
                    cell(b, cells[k], w[k], 0);
                }
                yr_buf_puts(b, "\n");
            }
            free(name);
        }
    }

    if (s->rows_outside_quota == 0) {
        yr_buf_puts(b, "Rows more than one unit from their exact quota: none\n");
    } else {
        yr_buf_printf(
            b, "Rows more than one unit from their exact quota (%zu):", s->rows_outside_quota);
        for (size_t r = 0; r < in->n; r++) {
            if (rows[r].within_quota)
                continue;
            char *name = display_name(yr_csv_cell(t, r, 0));
            quota_str(cells[5], sizeof cells[5], &rows[r], s->quota_den, '.');
            yr_buf_printf(b, "\n  %s: published %" PRId64 ", exact quota %s", name ? name : "?",
                          in->published[r], cells[5]);
            free(name);
        }
        yr_buf_puts(b, "\n");
    }
    yr_buf_puts(b, "Methods that reproduce the table: ");
    methods_list(b, s->methods_matching, ", ");
    yr_buf_puts(b, "\n");
}

static void report_csv(yr_buf *b, const audit_in *in, const yr_audit_summary *s,
                       const yr_audit_row *rows)
{
    const yr_csv_table *t = in->t;
    const char d = t->delim;
    const char dec = d == ';' ? ',' : '.';
    const char dsep[2] = {d, 0};
    static const char *const cols[] = {
        "name",       "weight",       "published", "quota", "largest_remainder",
        "difference", "within_quota", "methods"};
    if (t->has_bom)
        yr_buf_puts(b, "\xEF\xBB\xBF");
    for (size_t k = 0; k < 8; k++) {
        yr_buf_puts(b, cols[k]);
        yr_buf_puts(b, k < 7 ? dsep : t->eol);
    }
    char q[48];
    for (size_t r = 0; r < in->n; r++) {
        yr_buf_csv_field(b, yr_csv_cell(t, r, 0), d);
        yr_buf_add(b, &d, 1);
        if (in->weights != NULL) {
            quota_str(q, sizeof q, &rows[r], s->quota_den, dec);
            char wbuf[48];
            weight_str(wbuf, sizeof wbuf, in->weights[r], in->scale, dec);
            yr_buf_csv_field(b, wbuf, d);
            yr_buf_printf(b, "%c%" PRId64 "%c", d, in->published[r], d);
            yr_buf_csv_field(b, q, d);
            yr_buf_printf(b, "%c%" PRId64 "%c%" PRId64 "%c%s%c", d, rows[r].expected, d,
                          rows[r].diff, d, rows[r].within_quota ? "yes" : "no", d);
        } else {
            yr_buf_printf(b, "%c%" PRId64 "%c%c%c%c%c", d, in->published[r], d, d, d, d, d);
        }
        yr_buf_puts(b, t->eol);
    }
    /* Summary row. */
    yr_buf_puts(b, "Summa");
    yr_buf_add(b, &d, 1);
    if (in->weights != NULL) {
        char wbuf[48];
        weight_str(wbuf, sizeof wbuf, in->wsum, in->scale, dec);
        yr_buf_csv_field(b, wbuf, d);
    }
    yr_buf_printf(b, "%c%" PRId64 "%c%" PRId64 "%c", d, in->psum, d, in->stated, d);
    if (in->weights != NULL)
        yr_buf_printf(b, "%" PRId64, in->stated);
    yr_buf_printf(b, "%c%" PRId64 "%c", d, in->psum - in->stated, d);
    if (in->weights != NULL) {
        yr_buf_puts(b, s->rows_outside_quota == 0 ? "yes" : "no");
        yr_buf_add(b, &d, 1);
        methods_list(b, s->methods_matching, " ");
    } else {
        yr_buf_add(b, &d, 1);
    }
    yr_buf_puts(b, t->eol);
}

int yr_cmd_audit(int argc, char **argv)
{
    const char *total_s = NULL, *wcol_s = NULL, *acol_s = NULL, *file = NULL;
    int as_csv = 0, strict = 0;
    const yr_cli_option opts[] = {
        {"csv", NULL, &as_csv},           {"strict", NULL, &strict},
        {"total", &total_s, NULL},        {"weight-column", &wcol_s, NULL},
        {"amount-column", &acol_s, NULL},
    };
    int rc =
        yr_cli_args(argc, argv, "audit", usage_text, opts, sizeof opts / sizeof opts[0], &file);
    if (rc >= 0)
        return rc;
    if (file == NULL)
        return yr_fail_usage("audit", "no input file");
    audit_in in;
    memset(&in, 0, sizeof in);
    if (total_s != NULL) {
        yr_num_status ns = yr_parse_int64(total_s, &in.stated);
        if (ns != YR_NUM_OK)
            return yr_fail_usage("audit", "--total '%s' %s", total_s, yr_num_strerror(ns, 0));
        in.stated_from = "--total";
    }

    in.shown = strcmp(file, "-") == 0 ? "<stdin>" : file;
    yr_csv_table t;
    if (yr_cli_load_csv(file, &t) != 0)
        return YR_EXIT_ERROR;
    in.t = &t;
    rc = YR_EXIT_ERROR;
    int64_t *weights = NULL, *published = NULL;
    yr_audit_row *rows = NULL;
    yr_buf b;
    yr_buf_init(&b);
    char qn[80];
    if (t.ncols < 2) {
        yr_fail_at(in.shown, t.header_line, "one column only: need names and amounts");
        goto done;
    }
    if (yr_cli_parties(in.shown, &t, &in.n, &in.has_total) != 0)
        goto done;
    size_t n = in.n;
    if (acol_s != NULL) {
        in.acol = yr_csv_find_column(&t, acol_s);
        if (in.acol == YR_CSV_NO_COLUMN) {
            yr_fail_at(in.shown, t.header_line, "no column named %s",
                       yr_cli_quote(acol_s, qn, sizeof qn));
            goto done;
        }
    } else {
        in.acol = amount_column(&t, n);
        if (in.acol == YR_CSV_NO_COLUMN) {
            yr_fail_at(in.shown, t.header_line,
                       "no amount column: name one with --amount-column (looked for amount, "
                       "belopp, published, then a column of integers)");
            goto done;
        }
    }
    if (yr_cli_weight_column(in.shown, &t, n, wcol_s, in.acol, 0, &in.wcol) != 0)
        goto done;
    if (in.wcol == in.acol) {
        yr_fail_usage("audit", "the weight column and the amount column are the same ('%s')",
                      t.header[in.acol]);
        goto done;
    }
    published = malloc(n * sizeof *published);
    rows = malloc(n * sizeof *rows);
    if (published == NULL || rows == NULL) {
        yr_fail_at(in.shown, 0, "out of memory");
        goto done;
    }
    in.published = published;
    for (size_t r = 0; r < n; r++) {
        if (yr_cli_cell_int64(in.shown, &t, r, in.acol, &published[r]) != 0)
            goto done;
        if (__builtin_add_overflow(in.psum, published[r], &in.psum)) {
            yr_fail_at(in.shown, t.lines[r],
                       "column %s: the amounts add up to more than fits "
                       "in 64 bits",
                       yr_cli_quote(t.header[in.acol], qn, sizeof qn));
            goto done;
        }
    }
    if (in.has_total) {
        const char *c = yr_csv_cell(&t, n, in.acol);
        yr_num_status ns = yr_parse_int64(c, &in.total_row_amount);
        if (ns == YR_NUM_OK) {
            in.total_row_amount_ok = 1;
            if (in.stated_from == NULL) {
                in.stated = in.total_row_amount;
                in.stated_from = "total row";
            }
        } else if (!(ns == YR_NUM_EMPTY && in.stated_from != NULL)) {
            yr_cli_cell_int64(in.shown, &t, n, in.acol, &in.total_row_amount);
            goto done;
        }
    }
    if (in.stated_from == NULL)
        in.stated = in.psum;

    yr_audit_summary summary;
    if (in.wcol != YR_CSV_NO_COLUMN) {
        weights = malloc(n * sizeof *weights);
        if (weights == NULL) {
            yr_fail_at(in.shown, 0, "out of memory");
            goto done;
        }
        if (yr_cli_weights(in.shown, &t, n, in.wcol, weights, &in.scale) != 0)
            goto done;
        in.weights = weights;
        for (size_t r = 0; r < n; r++)
            in.wsum += weights[r]; /* cannot overflow: checked by yr_cli_weights */
        if (in.has_total) {
            yr_decimal d;
            if (yr_parse_decimal(yr_csv_cell(&t, n, in.wcol), &d) == YR_NUM_OK &&
                yr_decimal_rescale(d, in.scale, &in.total_row_weight) == YR_NUM_OK)
                in.total_row_weight_ok = 1;
        }
        if (in.wsum == 0 && in.stated != 0) {
            yr_fail_at(in.shown, t.lines[0],
                       "column %s: all weights are zero, cannot split %" PRId64,
                       yr_cli_quote(t.header[in.wcol], qn, sizeof qn), in.stated);
            goto done;
        }
        yr_status st = yr_audit_split(in.stated, weights, published, n, &summary, rows);
        if (st != YR_OK) {
            yr_fail_at(in.shown, 0, "cannot audit: %s", yr_strerror(st));
            goto done;
        }
    }
    const yr_audit_summary *sp = in.weights != NULL ? &summary : NULL;
    if (as_csv)
        report_csv(&b, &in, sp, rows);
    else
        report(&b, &in, sp, rows);
    rc = yr_buf_flush(&b);
    if (rc == YR_EXIT_OK && strict) {
        int errors = in.psum != in.stated || (sp != NULL && sp->rows_outside_quota > 0);
        if (errors)
            rc = YR_EXIT_FINDINGS;
    }

done:
    yr_buf_free(&b);
    free(weights);
    free(published);
    free(rows);
    yr_csv_free(&t);
    return rc;
}
