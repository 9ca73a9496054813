/* Result tables: CSV in the input's dialect, CSV for Swedish Excel, xlsx workbooks (output.h). */
#include "output.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yrkesresa.h>

#include "cli.h"
#include "output_file.h"
#include "output_xlsx.h"

/* Excel's limits (xlsx, and --excel, which Excel would cut). */
#define EXCEL_MAX_ROWS ((size_t)1048576)
#define EXCEL_MAX_COLS ((size_t)16384)
#define EXCEL_MAX_CHARS ((size_t)32767)

int cli_have_xlsx(void)
{
#ifdef CLI_HAVE_XLSX
    return 1;
#else
    return 0;
#endif
}

int cli_output_is_xlsx(const cli_output_opts *opts)
{
    if (opts == NULL || opts->path == NULL)
        return 0;
    size_t n = strlen(opts->path);
    return n >= 5 && strncasecmp(opts->path + n - 5, ".xlsx", 5) == 0;
}

int cli_output_check(const cli_output_opts *opts, const char *cmd)
{
    if (cli_output_is_xlsx(opts) && !cli_have_xlsx())
        return cli_fail_usage(cmd,
                              "--output %s: this program was built without libxlsxwriter; "
                              "write CSV with --excel instead",
                              opts->path);
    if (cli_output_is_xlsx(opts) && opts->excel)
        return cli_fail_usage(cmd, "--excel writes CSV; it does not go with an .xlsx --output");
    if (opts->path != NULL && strcmp(opts->path, "-") == 0)
        return cli_fail_usage(cmd, "--output -: leave --output out to write to standard output");
    return 0;
}

/* ---------------------------------------------------------------- failures */

/* The first reason the output cannot be written: the cell's place, then the message. */
static void refuse(cli_out *o, const char *fmt, ...) CLI_PRINTF(2, 3);
static void refuse(cli_out *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    o->failed = 1;
    size_t col = o->col, n = 0;
    char ref[16];
    do {
        ref[n++] = (char)('A' + col % 26);
        col = col / 26;
    } while (col-- > 0 && n < 4);
    int k = snprintf(o->why, sizeof o->why, "cell ");
    while (n > 0 && k < (int)sizeof o->why - 1)
        o->why[k++] = ref[--n];
    k += snprintf(o->why + k, sizeof o->why - (size_t)k, "%zu: ", o->row + 1);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->why + k, sizeof o->why - (size_t)k, fmt, ap);
    va_end(ap);
}

static void write_failed(cli_out *o)
{
    if (!o->failed) {
        o->failed = 1;
        o->err = errno != 0 ? errno : EIO;
    }
}

/* ---------------------------------------------------------------- opening */

#ifdef CLI_HAVE_XLSX
static int open_xlsx(cli_out *o, const cli_output_opts *opts, yr_out_table table)
{
    char title[64], comment[400];
    snprintf(title, sizeof title, "yrkesresa %s", yr_out_table_id(table));
    snprintf(comment, sizeof comment, "%s%s%s", title, opts->source ? " " : "",
             opts->source ? opts->source : "");
    cli_xlsx_props p = {yr_out_table_sheet(table, opts->lang), title, opts->source, comment};
    if (cli_xlsx_open(&o->x, cli_target_file(o->target), &p, o->why, sizeof o->why) != 0) {
        cli_target_abort(o->target);
        free(o->target);
        return cli_fail_at(opts->path, 0, "%s", o->why);
    }
    o->xlsx = 1;
    return 0;
}
#endif

static int open_file(cli_out *o, const cli_output_opts *opts, yr_out_table table)
{
    o->target = malloc(sizeof *o->target);
    if (o->target == NULL)
        return cli_fail_at(opts->path, 0, "out of memory");
    int xlsx = cli_output_is_xlsx(opts);
    if (cli_target_open(o->target, opts->path, xlsx) != 0) {
        free(o->target);
        o->target = NULL;
        return CLI_EXIT_ERROR;
    }
#ifdef CLI_HAVE_XLSX
    if (xlsx)
        return open_xlsx(o, opts, table);
#else
    (void)table;
#endif
    o->f = fdopen(o->target->fd, "wb");
    if (o->f == NULL) {
        int err = errno;
        cli_target_abort(o->target);
        free(o->target);
        return cli_fail_at(opts->path, 0, "cannot write: %s", strerror(err));
    }
    o->target->fd = -1; /* the FILE owns it */
    return 0;
}

int cli_out_open_dialect(cli_out *o, const cli_output_opts *opts, yr_out_table table,
                         const cli_dialect *like)
{
    static const cli_dialect plain = {',', "\n", 0, "UTF-8"};
    like = like != NULL ? like : &plain;
    memset(o, 0, sizeof *o);
    o->delim = like->delim;
    o->eol = like->eol;
    o->decimal = o->delim == ';' ? ',' : '.';
    int bom = like->bom || strcmp(like->encoding, "UTF-8") != 0;
    if (opts != NULL && opts->excel) {
        o->delim = ';';
        o->decimal = ',';
        o->eol = "\r\n";
        o->excel = bom = 1;
    }
    o->lang = opts != NULL ? opts->lang : YR_LANG_EN;
    o->sheet = yr_out_table_sheet(table, o->lang);
    o->bom = bom;
    o->f = stdout;
    if (opts != NULL && opts->path != NULL) {
        o->path = opts->path;
        int rc = open_file(o, opts, table);
        if (rc != 0 || o->xlsx)
            return rc;
    }
    if (bom)
        cli_out_raw(o, "\xEF\xBB\xBF", 3);
    return 0;
}

/* ---------------------------------------------------------------- CSV */

static void flush_buf(cli_out *o)
{
    if (o->used > 0 && fwrite(o->buf, 1, o->used, o->f) != o->used)
        write_failed(o);
    o->used = 0;
}

void cli_out_raw(cli_out *o, const char *s, size_t n)
{
    if (o->xlsx)
        return;
    if (n > sizeof o->buf - o->used) {
        flush_buf(o);
        if (n > sizeof o->buf) {
            if (fwrite(s, 1, n, o->f) != n)
                write_failed(o);
            return;
        }
    }
    memcpy(o->buf + o->used, s, n);
    o->used += n;
}

/* A CSV field: @p guard (a leading ') and @p s, quoted when it holds the delimiter, a quote or
 * a line break. */
static void csv_field(cli_out *o, int guard, const char *s)
{
    size_t n = strlen(s);
    int quote = 0;
    for (size_t k = 0; k < n && !quote; k++)
        quote = s[k] == o->delim || s[k] == '"' || s[k] == '\r' || s[k] == '\n';
    if (o->col > 0)
        cli_out_raw(o, &o->delim, 1);
    if (quote)
        cli_out_raw(o, "\"", 1);
    if (guard)
        cli_out_raw(o, "'", 1);
    if (!quote) {
        cli_out_raw(o, s, n);
        return;
    }
    for (const char *p = s; *p; p++)
        cli_out_raw(o, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
    cli_out_raw(o, "\"", 1);
}

/* A number as written, its decimal mark made o->decimal: computed numbers ('.') always,
 * echoed cells (@p echoed) only with --excel (a plain CSV keeps them byte for byte). */
static void csv_number(cli_out *o, const char *s, int echoed)
{
    char small[128];
    size_t n = strlen(s);
    const char *dot = echoed && !o->excel ? NULL : strpbrk(s, echoed ? ".," : ".");
    if (dot == NULL || n >= sizeof small) {
        csv_field(o, 0, s);
        return;
    }
    memcpy(small, s, n + 1);
    small[dot - s] = o->decimal;
    csv_field(o, 0, small);
}

/* ---------------------------------------------------------------- cells */

/* The width of UTF-8 text in characters (code points). */
static size_t text_width(const char *s, size_t *utf16)
{
    size_t w = 0, u = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        w += (*p & 0xC0) != 0x80;
        u += (*p & 0xC0) != 0x80 ? (*p >= 0xF0 ? 2 : 1) : 0; /* Excel counts UTF-16 units */
    }
    if (utf16 != NULL)
        *utf16 = u;
    return w;
}

/* Excel's limits on the next cell; 0 when it may be written. */
static int limits(cli_out *o, size_t chars)
{
    if (o->failed)
        return -1;
    if (!o->xlsx && !o->excel)
        return 0;
    if (o->row >= EXCEL_MAX_ROWS)
        refuse(o, "more than 1 048 576 rows (the header included), more than an Excel sheet "
                  "holds; write plain CSV");
    else if (o->col >= EXCEL_MAX_COLS)
        refuse(o, "more than 16 384 columns, more than an Excel sheet holds; write plain CSV");
    else if (chars > EXCEL_MAX_CHARS)
        refuse(o, "a text of %zu characters; an Excel cell holds at most 32 767", chars);
    return o->failed ? -1 : 0;
}

#ifdef CLI_HAVE_XLSX
/* In a workbook the header row and a row that starts with a total label are bold. */
static int bold_row(cli_out *o, const char *first)
{
    if (o->col == 0)
        o->row_bold = o->row == 0 || (first != NULL && yr_label_is_total(first));
    return o->row_bold;
}
#endif

void cli_out_text(cli_out *o, const char *s)
{
    size_t units, width = text_width(s, &units);
    if (limits(o, units) == 0) {
#ifdef CLI_HAVE_XLSX
        if (o->xlsx && cli_xlsx_text(o->x, o->row, o->col, s, width, bold_row(o, s), o->why,
                                     sizeof o->why) != 0)
            o->failed = 1;
#else
        (void)width;
#endif
        if (!o->xlsx)
            csv_field(o, o->excel && yr_excel_guard_needed(s, strlen(s)), s);
    }
    o->col++;
}

void cli_out_name(cli_out *o, yr_out_name name)
{
    cli_out_text(o, yr_out_text(name, o->lang));
}

void cli_out_empty(cli_out *o)
{
    cli_out_text(o, "");
}

#ifdef CLI_HAVE_XLSX
/* The width of a number shown with @p decimals (grouped thousands, a unit). */
static size_t number_width(double v, cli_xnum kind, unsigned decimals)
{
    char tmp[400];
    int n = snprintf(tmp, sizeof tmp, "%.*f", (int)decimals, kind == CLI_XNUM_SHARE ? v * 100 : v);
    size_t digits = strcspn(tmp, ".") - (tmp[0] == '-');
    size_t w = n > 0 ? (size_t)n : 0;
    return w + (kind != CLI_XNUM_PLAIN && digits > 3 ? (digits - 1) / 3 : 0) +
           (kind == CLI_XNUM_MONEY   ? 3
            : kind == CLI_XNUM_SHARE ? 2
                                     : 0);
}

/* Write the exact decimal @p d (a share when @p kind says so) to the workbook, or refuse it. */
static void xlsx_decimal(cli_out *o, const cli_decimal *d, cli_xnum kind, const char *shown)
{
    if (!cli_decimal_exact(d)) {
        refuse(o,
               "%s has more digits than a workbook holds exactly (an integer within 2^53, "
               "else 15 significant digits); write CSV to keep it",
               shown);
        return;
    }
    /* the decimal as text "-0.0123" (at least one digit before the point), read by strtod:
     * the nearest double, which gives the same 15 digits back */
    unsigned scale = d->scale + (d->percent ? 2 : 0); /* <= 20 */
    char text[48], *p = text + sizeof text - 1;
    uint64_t mag = d->num < 0 ? (uint64_t)0 - (uint64_t)d->num : (uint64_t)d->num;
    *p = '\0';
    for (unsigned k = 0;; k++) {
        if (k == scale && scale > 0)
            *--p = '.';
        *--p = (char)('0' + (int)(mag % 10));
        mag /= 10;
        if (k >= scale && mag == 0)
            break;
    }
    if (d->num < 0)
        *--p = '-';
    double v = strtod(p, NULL);
    /* the decimals shown: as written (a share's of its percentage) */
    unsigned shown_dec = kind != CLI_XNUM_SHARE ? d->scale
                         : d->percent           ? d->scale
                         : d->scale > 2         ? d->scale - 2
                                                : 0;
    size_t width = number_width(v, kind, shown_dec);
    if (cli_xlsx_number(o->x, o->row, o->col, v, kind, shown_dec, width, bold_row(o, NULL), o->why,
                        sizeof o->why) != 0)
        o->failed = 1;
}
#endif

/* A number cell from text: @p echoed as the input wrote it, else computed ('.' decimals). */
static void number_cell(cli_out *o, const char *s, cli_cell_type type, int echoed, int grouped)
{
    cli_decimal d;
    if (*s == '\0' || cli_parse_decimal(s, &d) != CLI_NUM_OK) {
        cli_out_text(o, s); /* not a number after all: as written */
        return;
    }
    if (limits(o, 0) == 0) {
#ifdef CLI_HAVE_XLSX
        if (o->xlsx) {
            cli_xnum kind = type == CLI_CELL_MONEY   ? CLI_XNUM_MONEY
                            : type == CLI_CELL_SHARE ? CLI_XNUM_SHARE
                            : grouped                ? CLI_XNUM_NUMBER
                                                     : CLI_XNUM_PLAIN;
            xlsx_decimal(o, &d, kind, s);
        }
#else
        (void)type;
        (void)grouped;
#endif
        if (!o->xlsx)
            csv_number(o, s, echoed);
    }
    o->col++;
}

/* An integer computed by the program. */
static void int_cell(cli_out *o, int64_t v, cli_cell_type type)
{
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%" PRId64, v);
    number_cell(o, tmp, type, 0, 1);
}

void cli_out_int(cli_out *o, int64_t v)
{
    int_cell(o, v, CLI_CELL_NUMBER);
}

void cli_out_money(cli_out *o, int64_t v)
{
    int_cell(o, v, CLI_CELL_MONEY);
}

void cli_out_num(cli_out *o, const char *dotted)
{
    number_cell(o, dotted, CLI_CELL_NUMBER, 0, 1);
}

void cli_out_share(cli_out *o, const char *dotted)
{
    number_cell(o, dotted, CLI_CELL_SHARE, 0, 1);
}

void cli_out_date(cli_out *o, const char *iso)
{
    int y, m, d;
    if (!o->xlsx || !cli_iso_date(iso, &y, &m, &d)) {
        cli_out_text(o, iso);
        return;
    }
#ifdef CLI_HAVE_XLSX
    if (limits(o, 0) == 0 &&
        cli_xlsx_date(o->x, o->row, o->col, y, m, d, bold_row(o, NULL), o->why, sizeof o->why) != 0)
        o->failed = 1;
#endif
    o->col++;
}

void cli_out_cell(cli_out *o, const char *s, cli_cell_type type)
{
    int guessed = type == CLI_CELL_GUESS;
    if (guessed)
        type = cli_cell_guess(s);
    if (type == CLI_CELL_DATE)
        cli_out_date(o, s);
    else if (type == CLI_CELL_TEXT)
        cli_out_text(o, s);
    else /* a guessed number keeps the input's grouping (a year 2023 is not 2 023) */
        number_cell(o, s, type, 1, !guessed || strpbrk(s, " \xC2\xE2") != NULL);
}

void cli_out_sheet(cli_out *o, const char *name)
{
    if (o->failed)
        return;
    if (!o->xlsx) {
        refuse(o, "a CSV holds one table; write a workbook (--output FILE.xlsx)");
        return;
    }
#ifdef CLI_HAVE_XLSX
    if (cli_xlsx_sheet(o->x, name, o->why, sizeof o->why) != 0)
        o->failed = 1;
#endif
    o->row = 0;
    o->col = 0;
}

void cli_out_end_row(cli_out *o)
{
    if (!o->xlsx)
        cli_out_raw(o, o->eol, strlen(o->eol));
    o->row++;
    o->col = 0;
}

/* ---------------------------------------------------------------- closing */

static int report_failure(const cli_out *o)
{
    const char *where = o->path != NULL ? o->path : "standard output";
    if (o->why[0] != '\0')
        return cli_fail_at(where, 0, "%s", o->why);
    return cli_fail_at(where, 0, "cannot write: %s", strerror(o->err ? o->err : EIO));
}

static int close_file(cli_out *o)
{
#ifdef CLI_HAVE_XLSX
    char why[sizeof o->why];
    if (o->xlsx && cli_xlsx_close(o->x, why, sizeof why) != 0 && !o->failed) {
        o->failed = 1;
        memcpy(o->why, why, sizeof why);
    }
#endif
    if (!o->xlsx) {
        flush_buf(o);
        if (fflush(o->f) != 0 || ferror(o->f))
            write_failed(o);
        if (fclose(o->f) != 0)
            write_failed(o);
    }
    int rc;
    if (o->failed) {
        rc = report_failure(o);
        cli_target_abort(o->target);
    } else {
        rc = cli_target_commit(o->target);
    }
    free(o->target);
    o->target = NULL;
    return rc;
}

int cli_out_close(cli_out *o)
{
    if (o->target != NULL)
        return close_file(o);
    flush_buf(o);
    if (!o->failed && fflush(stdout) != 0)
        write_failed(o);
    return o->failed ? report_failure(o) : CLI_EXIT_OK;
}

int cli_out_report(const cli_output_opts *opts, const cli_buf *b)
{
    if (!b->ok) {
        fprintf(stderr, "yrkesresa: out of memory\n");
        return CLI_EXIT_ERROR;
    }
    cli_output_opts plain = {opts != NULL ? opts->path : NULL, 0, YR_LANG_EN, NULL};
    if (cli_output_is_xlsx(&plain))
        return cli_fail_at(plain.path, 0, "a text report is not a workbook");
    cli_out o;
    if (cli_out_open_dialect(&o, &plain, YR_TABLE_AUDIT, NULL) != 0)
        return CLI_EXIT_ERROR;
    cli_out_raw(&o, cli_buf_str(b), b->len);
    return cli_out_close(&o);
}

/* ---------------------------------------------------------------- the convention */

static const char *delim_name(char c)
{
    return c == ';' ? "';'" : c == '\t' ? "TAB" : "','";
}

static const char *eol_name(const char *eol)
{
    return strcmp(eol, "\r\n") == 0 ? "CRLF" : strcmp(eol, "\r") == 0 ? "CR" : "LF";
}

void cli_out_convention(const cli_out *o, yr_lang lang, cli_buf *b)
{
    int sv = lang == YR_LANG_SV;
    if (o->xlsx) {
        cli_buf_printf(b,
                       sv ? "utdata: Excel-arbetsbok, bladet '%s'"
                          : "output: an Excel workbook, sheet '%s'",
                       o->sheet);
        return;
    }
    if (o->excel) {
        cli_buf_puts(b, sv ? "utdata: CSV för svenskt Excel (UTF-8 med BOM, ';', decimalkomma, "
                             "CRLF; text som Excel skulle köra som formel börjar med ')"
                           : "output: CSV for Swedish Excel (UTF-8 with BOM, ';', decimal comma, "
                             "CRLF; text that Excel would run as a formula starts with ')");
        return;
    }
    cli_buf_printf(b,
                   sv ? "utdata: CSV som indata (%s, %s, %s, UTF-8 %s BOM)"
                      : "output: CSV as the input (%s, %s, %s, UTF-8 %s BOM)",
                   delim_name(o->delim),
                   o->decimal == ',' ? (sv ? "decimalkomma" : "decimal comma")
                                     : (sv ? "decimalpunkt" : "decimal point"),
                   eol_name(o->eol), o->bom ? (sv ? "med" : "with") : (sv ? "utan" : "without"));
}
