/* The yrkesresa program's output layer (see output.h). */
#include "output.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yrkesresa.h>

#include "cli.h"

#ifdef CLI_HAVE_XLSX
#include <xlsxwriter.h>
#endif

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/* ---------------------------------------------------------------- text buffer */

void cli_buf_init(cli_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->ok = 1;
}

void cli_buf_free(cli_buf *b)
{
    free(b->data);
    cli_buf_init(b);
}

void cli_buf_clear(cli_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

static int buf_reserve(cli_buf *b, size_t extra)
{
    if (!b->ok)
        return 0;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->ok = 0;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap *= 2;
    char *p = realloc(b->data, ncap);
    if (p == NULL) {
        b->ok = 0;
        return 0;
    }
    b->data = p;
    b->cap = ncap;
    return 1;
}

void cli_buf_add(cli_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
    cli_buf_add(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        b->ok = 0;
    else if (buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

const char *cli_buf_str(const cli_buf *b)
{
    return b->ok && b->data != NULL ? b->data : "";
}

/* Decimal digits of v into the end of dst[0..48); returns the start. */
static char *u128_digits(u128 v, char *end)
{
    char *p = end;
    do {
        *--p = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v > 0);
    return p;
}

void cli_buf_i128(cli_buf *b, i128 v)
{
    char tmp[48];
    char *end = tmp + sizeof tmp;
    char *p = u128_digits(v < 0 ? (u128)0 - (u128)v : (u128)v, end);
    if (v < 0)
        *--p = '-';
    cli_buf_add(b, p, (size_t)(end - p));
}

/* num / den (den > 0) with k decimals, half away from zero (|num| < 2^126). */
static void put_ratio128(cli_buf *b, i128 num, uint64_t den, unsigned k)
{
    k = k > 18 ? 18 : k;
    int neg = num < 0;
    u128 mag = neg ? (u128)0 - (u128)num : (u128)num;
    u128 ip = mag / den, rem = mag % den;
    u128 p10 = (u128)(uint64_t)cli_pow10(k);
    u128 scaled = rem * p10;
    u128 fp = scaled / den, r2 = scaled % den;
    if (2 * r2 >= den)
        fp++;
    if (fp == p10) {
        fp = 0;
        ip++;
    }
    if (neg && (ip != 0 || fp != 0))
        cli_buf_add(b, "-", 1);
    cli_buf_i128(b, (i128)ip);
    if (k > 0) {
        char frac[24];
        uint64_t f = (uint64_t)fp;
        for (unsigned j = k; j > 0; j--) {
            frac[j - 1] = (char)('0' + (int)(f % 10));
            f /= 10;
        }
        cli_buf_add(b, ".", 1);
        cli_buf_add(b, frac, k);
    }
}

void cli_buf_ratio(cli_buf *b, int64_t n, int64_t d, unsigned decimals)
{
    if (d == 0) {
        cli_buf_puts(b, "nan");
        return;
    }
    i128 num = n;
    u128 den = d < 0 ? (u128)0 - (u128)(i128)d : (u128)d;
    put_ratio128(b, d < 0 ? -num : num, (uint64_t)den, decimals);
}

void cli_buf_fixed(cli_buf *b, int64_t whole, int64_t rem, int64_t den, unsigned decimals)
{
    if (den <= 0) {
        cli_buf_puts(b, "nan");
        return;
    }
    put_ratio128(b, (i128)whole * den + rem, (uint64_t)den, decimals);
}

/* ---------------------------------------------------------------- destinations */

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

/* A temporary file next to @p path (same file system, so rename() is atomic). */
static FILE *open_temp(const char *path, char **tmp)
{
    size_t n = strlen(path);
    *tmp = malloc(n + 16);
    if (*tmp == NULL)
        return NULL;
    snprintf(*tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(*tmp);
    mode_t mask = umask(0);
    umask(mask);
    if (fd >= 0 && fchmod(fd, 0666 & ~mask) != 0) { /* the mode a plain create would give */
        close(fd);
        unlink(*tmp);
        fd = -1;
    }
    if (fd < 0) {
        free(*tmp);
        *tmp = NULL;
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    if (f == NULL) {
        close(fd);
        unlink(*tmp);
    }
    return f;
}

#ifdef CLI_HAVE_XLSX
static int open_xlsx(cli_out *o, const char *path)
{
    /* libxlsxwriter writes the file at workbook_close: give it the temporary name. */
    FILE *f = open_temp(path, &o->tmp_path);
    if (f == NULL)
        return cli_fail_at(path, 0, "cannot create: %s", strerror(errno));
    fclose(f);
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0};
    lxw_workbook *wb = workbook_new_opt(o->tmp_path, &wo);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, NULL) : NULL;
    lxw_format *bold = wb ? workbook_add_format(wb) : NULL;
    if (ws == NULL || bold == NULL) {
        if (wb != NULL)
            workbook_close(wb);
        unlink(o->tmp_path);
        return cli_fail_at(path, 0, "cannot create the workbook");
    }
    format_set_bold(bold);
    o->wb = wb;
    o->ws = ws;
    o->bold = bold;
    o->xlsx = 1;
    return 0;
}
#endif

int cli_out_open(cli_out *o, const cli_output_opts *opts, const ycsv_table *like)
{
    memset(o, 0, sizeof *o);
    o->delim = like != NULL ? like->delim : ',';
    o->eol = like != NULL ? like->eol : "\n";
    o->decimal = o->delim == ';' ? ',' : '.';
    int bom = like != NULL && like->has_bom;
    if (opts != NULL && opts->excel) {
        o->delim = ';';
        o->decimal = ',';
        o->eol = "\r\n";
        bom = 1;
    }
    o->f = stdout;
    if (opts != NULL && opts->path != NULL) {
        o->final_path = strdup(opts->path);
        if (o->final_path == NULL)
            return cli_fail_at(opts->path, 0, "out of memory");
#ifdef CLI_HAVE_XLSX
        if (cli_output_is_xlsx(opts))
            return open_xlsx(o, opts->path);
#endif
        o->f = open_temp(opts->path, &o->tmp_path);
        if (o->f == NULL)
            return cli_fail_at(opts->path, 0, "cannot create: %s", strerror(errno));
    }
    if (bom)
        cli_out_raw(o, "\xEF\xBB\xBF", 3);
    return 0;
}

static void flush_buf(cli_out *o)
{
    if (o->used > 0 && fwrite(o->buf, 1, o->used, o->f) != o->used)
        o->failed = 1;
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
                o->failed = 1;
            return;
        }
    }
    memcpy(o->buf + o->used, s, n);
    o->used += n;
}

static void csv_sep(cli_out *o)
{
    if (o->col > 0)
        cli_out_raw(o, &o->delim, 1);
    o->col++;
}

static void csv_field(cli_out *o, const char *s)
{
    size_t n = strlen(s);
    int quote = 0;
    for (size_t k = 0; k < n && !quote; k++)
        quote = s[k] == o->delim || s[k] == '"' || s[k] == '\r' || s[k] == '\n';
    if (!quote) {
        cli_out_raw(o, s, n);
        return;
    }
    cli_out_raw(o, "\"", 1);
    for (const char *p = s; *p; p++)
        cli_out_raw(o, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
    cli_out_raw(o, "\"", 1);
}

#ifdef CLI_HAVE_XLSX
static void xlsx_string(cli_out *o, const char *s)
{
    if (o->col == 0)
        o->row_bold = o->row == 0 || yr_label_is_total(s);
    if (*s != '\0' && worksheet_write_string(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col, s,
                                             o->row_bold ? o->bold : NULL) != LXW_NO_ERROR)
        o->failed = 1;
    o->col++;
}

static void xlsx_number(cli_out *o, double v)
{
    if (o->col == 0)
        o->row_bold = o->row == 0;
    if (worksheet_write_number(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col, v,
                               o->row_bold ? o->bold : NULL) != LXW_NO_ERROR)
        o->failed = 1;
    o->col++;
}
#endif

void cli_out_text(cli_out *o, const char *s)
{
#ifdef CLI_HAVE_XLSX
    if (o->xlsx) {
        xlsx_string(o, s);
        return;
    }
#endif
    csv_sep(o);
    csv_field(o, s);
}

void cli_out_empty(cli_out *o)
{
    cli_out_text(o, "");
}

void cli_out_int(cli_out *o, int64_t v)
{
#ifdef CLI_HAVE_XLSX
    if (o->xlsx) {
        const int64_t exact = (int64_t)1 << 53;
        if (v >= -exact && v <= exact) {
            xlsx_number(o, (double)v);
            return;
        }
    }
#endif
    char tmp[24];
    char *end = tmp + sizeof tmp - 1;
    *end = '\0';
    char *p = u128_digits(v < 0 ? (u128)0 - (u128)(i128)v : (u128)v, end);
    if (v < 0)
        *--p = '-';
    cli_out_text(o, p);
}

void cli_out_num(cli_out *o, const char *dotted)
{
#ifdef CLI_HAVE_XLSX
    if (o->xlsx && *dotted != '\0' && strlen(dotted) <= 17) {
        xlsx_number(o, strtod(dotted, NULL));
        return;
    }
#endif
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s", dotted);
    char *dot = strchr(tmp, '.');
    if (dot != NULL)
        *dot = o->decimal;
    cli_out_text(o, tmp);
}

void cli_out_cell(cli_out *o, const char *s)
{
#ifdef CLI_HAVE_XLSX
    cli_decimal d;
    if (o->xlsx && o->row > 0 && cli_parse_decimal(s, &d) == CLI_NUM_OK && d.scale <= 15) {
        xlsx_number(o, (double)d.num / (double)cli_pow10(d.scale));
        return;
    }
#endif
    cli_out_text(o, s);
}

void cli_out_end_row(cli_out *o)
{
    if (!o->xlsx)
        cli_out_raw(o, o->eol, strlen(o->eol));
    o->row++;
    o->col = 0;
}

static int finish_file(cli_out *o)
{
    int failed = o->failed;
#ifdef CLI_HAVE_XLSX
    if (o->xlsx) {
        lxw_error e = workbook_close(o->wb);
        failed |= e != LXW_NO_ERROR;
        errno = e != LXW_NO_ERROR ? EIO : 0;
    } else
#endif
    {
        flush_buf(o);
        failed |= o->failed || fclose(o->f) != 0;
    }
    if (!failed && rename(o->tmp_path, o->final_path) != 0)
        failed = 1;
    if (failed) {
        cli_fail_at(o->final_path, 0, "cannot write: %s", strerror(errno));
        unlink(o->tmp_path);
    }
    free(o->tmp_path);
    free(o->final_path);
    return failed ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

int cli_out_close(cli_out *o)
{
    if (o->final_path != NULL)
        return finish_file(o);
    flush_buf(o);
    if (o->failed || fflush(stdout) != 0) {
        fprintf(stderr, "yrkesresa: cannot write the output: %s\n", strerror(errno));
        return CLI_EXIT_ERROR;
    }
    return CLI_EXIT_OK;
}

int cli_out_report(const cli_output_opts *opts, const cli_buf *b)
{
    if (!b->ok) {
        fprintf(stderr, "yrkesresa: out of memory\n");
        return CLI_EXIT_ERROR;
    }
    cli_output_opts plain = {opts != NULL ? opts->path : NULL, 0};
    cli_out o;
    if (cli_out_open(&o, &plain, NULL) != 0)
        return CLI_EXIT_ERROR;
    cli_out_raw(&o, cli_buf_str(b), b->len);
    return cli_out_close(&o);
}
