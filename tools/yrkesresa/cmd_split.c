/* `yrkesresa split`: split a total in proportion to a weight column, rows adding to the total. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

static const char *const usage_text =
    "Usage: yrkesresa split --total N [--method M] [--weight-column NAME] [--equal-part P]\n"
    "                       FILE.csv\n"
    "\n"
    "Split the total N (whole kronor, or öre, ...) between the rows of FILE.csv in proportion\n"
    "to a weight column, exactly, and print the table again with an amount column appended.\n"
    "\n"
    "  --total N            the amount to split, an integer ('850000' or '850 000'); may be\n"
    "                       negative (a refund) with largest_remainder and round_each\n"
    "  --method M           largest_remainder (default), round_each, dhondt, sainte_lague,\n"
    "                       sainte_lague_modified, huntington_hill, adams\n"
    "  --weight-column NAME the weight column (default: the column named population, weight,\n"
    "                       befolkning or invånare, else the first column of numbers after the\n"
    "                       names); weights may have decimals ('1,5'), compared exactly\n"
    "  --equal-part P       split the fraction P of the total equally and the rest by weight\n"
    "                       (P as 30%, 0.3, 0,3 or 3/10; largest_remainder only)\n"
    "  -h, --help           this help\n"
    "\n"
    "Input: a header, then one row per party with its name in the first column. Names must be\n"
    "distinct. A last row named Summa, Totalt, Total or Sum is not a party: it is printed with\n"
    "the total as its amount. Use '-' as FILE to read standard input.\n"
    "Output: the input rows, same delimiter and line ending (and BOM, if the input had one),\n"
    "cells as they were, re-quoted only when needed, plus a column 'amount' (or 'amount_new'\n"
    "if the input already has an 'amount' column, 'amount_new_2' if that exists too, ...).\n"
    "Exit status: 0 success, 2 error (message 'yrkesresa: FILE:LINE: ...', nothing on stdout).\n"
    "\n"
    "Example:\n"
    "  yrkesresa split --total 850000 data/dalarna/population-2021-06.csv\n"
    "  yrkesresa split --total 1030000 --equal-part 30% data/dalarna/population-2021-06.csv\n";

/* The name of the appended column: amount, amount_new, amount_new_2, ... */
static void amount_column_name(const yr_csv_table *t, char *name, size_t cap)
{
    snprintf(name, cap, "amount");
    if (yr_csv_find_column(t, name) == YR_CSV_NO_COLUMN)
        return;
    snprintf(name, cap, "amount_new");
    for (unsigned k = 2; yr_csv_find_column(t, name) != YR_CSV_NO_COLUMN; k++)
        snprintf(name, cap, "amount_new_%u", k);
}

static void put_row(yr_buf *b, const yr_csv_table *t, char *const *cells, const char *extra)
{
    for (size_t c = 0; c < t->ncols; c++) {
        yr_buf_csv_field(b, cells[c], t->delim);
        yr_buf_add(b, &t->delim, 1);
    }
    yr_buf_csv_field(b, extra, t->delim);
    yr_buf_puts(b, t->eol);
}

int yr_cmd_split(int argc, char **argv)
{
    const char *total_s = NULL, *method_s = NULL, *wcol_s = NULL, *equal_s = NULL;
    const char *file = NULL;
    const yr_cli_option opts[] = {
        {"total", &total_s, NULL},
        {"method", &method_s, NULL},
        {"weight-column", &wcol_s, NULL},
        {"equal-part", &equal_s, NULL},
    };
    int rc =
        yr_cli_args(argc, argv, "split", usage_text, opts, sizeof opts / sizeof opts[0], &file);
    if (rc >= 0)
        return rc;
    if (total_s == NULL)
        return yr_fail_usage("split", "--total N is required");
    if (file == NULL)
        return yr_fail_usage("split", "no input file");

    int64_t total;
    yr_num_status ns = yr_parse_int64(total_s, &total);
    if (ns != YR_NUM_OK)
        return yr_fail_usage("split", "--total '%s' %s", total_s, yr_num_strerror(ns, 0));
    yr_method method = YR_LARGEST_REMAINDER;
    if (method_s != NULL && yr_method_from_name(method_s, &method) != YR_OK)
        return yr_fail_usage("split",
                             "unknown method '%s' (methods: largest_remainder, round_each, "
                             "dhondt, sainte_lague, sainte_lague_modified, huntington_hill, adams)",
                             method_s);
    int64_t eq_num = 0, eq_den = 1;
    if (equal_s != NULL) {
        if (method != YR_LARGEST_REMAINDER)
            return yr_fail_usage("split", "--equal-part works with largest_remainder only, not %s",
                                 yr_method_name(method));
        ns = yr_parse_fraction(equal_s, &eq_num, &eq_den);
        if (ns != YR_NUM_OK)
            return yr_fail_usage("split",
                                 "--equal-part '%s' is not a fraction (write 30%%, 0.3, 0,3 or "
                                 "3/10)",
                                 equal_s);
        if (eq_num < 0 || eq_num > eq_den)
            return yr_fail_usage("split", "--equal-part '%s' is not between 0 and 1", equal_s);
    }
    if (total < 0 && method != YR_LARGEST_REMAINDER && method != YR_ROUND_EACH)
        return yr_fail_usage("split",
                             "a negative --total needs largest_remainder or round_each "
                             "(%s allocates whole units, total >= 0)",
                             yr_method_name(method));

    const char *shown = strcmp(file, "-") == 0 ? "<stdin>" : file;
    yr_csv_table t;
    if (yr_cli_load_csv(file, &t) != 0)
        return YR_EXIT_ERROR;
    rc = YR_EXIT_ERROR;
    int64_t *weights = NULL, *out = NULL;
    yr_buf b;
    yr_buf_init(&b);
    size_t n, wcol;
    int has_total;
    unsigned scale;
    if (t.ncols < 2 && wcol_s == NULL) {
        yr_fail_at(shown, t.header_line, "one column only: need a name column and a weight column");
        goto done;
    }
    if (yr_cli_parties(shown, &t, &n, &has_total) != 0)
        goto done;
    if (yr_cli_weight_column(shown, &t, n, wcol_s, YR_CSV_NO_COLUMN, 1, &wcol) != 0)
        goto done;
    weights = malloc(n * sizeof *weights);
    out = malloc(n * sizeof *out);
    if (weights == NULL || out == NULL) {
        yr_fail_at(shown, 0, "out of memory");
        goto done;
    }
    if (yr_cli_weights(shown, &t, n, wcol, weights, &scale) != 0)
        goto done;
    int all_zero = 1;
    for (size_t r = 0; r < n; r++)
        if (weights[r] != 0)
            all_zero = 0;
    char qn[80];
    if (all_zero && total != 0 && (equal_s == NULL || eq_num != eq_den)) {
        yr_fail_at(shown, t.lines[0], "column %s: all weights are zero, cannot split %" PRId64,
                   yr_cli_quote(t.header[wcol], qn, sizeof qn), total);
        goto done;
    }
    yr_status st = equal_s != NULL ? yr_split_mixed(total, eq_num, eq_den, weights, n, out)
                                   : yr_split(total, weights, n, method, out);
    if (st != YR_OK) {
        yr_fail_at(shown, 0, "cannot split %" PRId64 " by column %s: %s", total,
                   yr_cli_quote(t.header[wcol], qn, sizeof qn), yr_strerror(st));
        goto done;
    }

    char amount_name[40];
    amount_column_name(&t, amount_name, sizeof amount_name);
    if (t.has_bom)
        yr_buf_puts(&b, "\xEF\xBB\xBF");
    put_row(&b, &t, t.header, amount_name);
    char num[32];
    for (size_t r = 0; r < n; r++) {
        snprintf(num, sizeof num, "%" PRId64, out[r]);
        put_row(&b, &t, t.cells + r * t.ncols, num);
    }
    if (has_total) {
        /* A note (stderr) when the total row's weight cell disagrees with the weights. */
        const char *wc = yr_csv_cell(&t, n, wcol);
        yr_decimal d;
        int64_t stated, sum = 0;
        if (yr_parse_decimal(wc, &d) == YR_NUM_OK &&
            yr_decimal_rescale(d, scale, &stated) == YR_NUM_OK) {
            int overflow = 0;
            for (size_t r = 0; r < n; r++)
                overflow |= __builtin_add_overflow(sum, weights[r], &sum);
            if (!overflow && stated != sum) {
                char qc[80];
                fprintf(stderr,
                        "yrkesresa: %s:%zu: note: the total row's %s is %s but the rows add "
                        "up to ",
                        shown, t.lines[n], yr_cli_quote(t.header[wcol], qn, sizeof qn),
                        yr_cli_quote(wc, qc, sizeof qc));
                yr_buf nb;
                yr_buf_init(&nb);
                yr_buf_ratio(&nb, sum, 1, 0);
                if (scale > 0) {
                    yr_buf_free(&nb);
                    int64_t p = 1;
                    for (unsigned k = 0; k < scale; k++)
                        p *= 10;
                    yr_buf_ratio(&nb, sum, p, scale);
                }
                fprintf(stderr, "%s\n", nb.ok && nb.data ? nb.data : "?");
                yr_buf_free(&nb);
            }
        }
        snprintf(num, sizeof num, "%" PRId64, total);
        put_row(&b, &t, t.cells + n * t.ncols, num);
    }
    rc = yr_buf_flush(&b);

done:
    yr_buf_free(&b);
    free(weights);
    free(out);
    yr_csv_free(&t);
    return rc;
}
