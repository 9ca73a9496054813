/* The workbook of `--output FILE.xlsx` (private to the output layer; libxlsxwriter 1.1.4).
 *
 * One sheet or several (cli_xlsx_sheet()), each written row by row in libxlsxwriter's
 * constant-memory mode. The writer states each cell's kind and its width as shown; at the end of
 * a sheet its columns get their widths (1.1.4 has no autofit) and its header row is frozen; at
 * the end the document properties are set. A sheet's name is made one Excel takes: `[ ] : * ?
 * / \`, control characters and an apostrophe at either end become `_`, the name is cut at a
 * character to 31 UTF-16 units, and a name another sheet has (compared without case, by
 * yr_name_key()) or the reserved `History` gets ` (2)`, ` (3)`, ... (cut to fit). Number formats
 * (as Excel stores them; Swedish Excel shows `#,##0` with a space between thousands):
 * `#,##0` (with decimals `#,##0.00`), money `#,##0 "kr"`, shares `0 %` (with decimals
 * `0.00 %`), dates `yyyy-mm-dd`. Every function returns 0, or -1 with the reason in why[]. */
#ifndef YRKESRESA_TOOLS_OUTPUT_XLSX_H
#define YRKESRESA_TOOLS_OUTPUT_XLSX_H

#include <stddef.h>

typedef struct cli_xlsx cli_xlsx;

/* A number's format. */
typedef enum cli_xnum {
    CLI_XNUM_NUMBER = 0, /* #,##0 */
    CLI_XNUM_PLAIN,      /* 0: an echoed number written without grouping (a year: 2023) */
    CLI_XNUM_MONEY,      /* #,##0 "kr" */
    CLI_XNUM_SHARE,      /* 0 % */
    CLI_XNUM_KINDS
} cli_xnum;

typedef struct cli_xlsx_props {
    const char *sheet;   /* the sheet's name */
    const char *title;   /* "yrkesresa split" */
    const char *source;  /* the input file, or NULL */
    const char *comment; /* one line on how it was made */
} cli_xlsx_props;

/* A new workbook written to @p file at cli_xlsx_close(). */
int cli_xlsx_open(cli_xlsx **out, const char *file, const cli_xlsx_props *p, char *why, size_t cap);
int cli_xlsx_text(cli_xlsx *x, size_t row, size_t col, const char *s, size_t width, int bold,
                  char *why, size_t cap);
/* A number shown with @p decimals decimals (of the percentage for a share). */
int cli_xlsx_number(cli_xlsx *x, size_t row, size_t col, double v, cli_xnum kind, unsigned decimals,
                    size_t width, int bold, char *why, size_t cap);
int cli_xlsx_date(cli_xlsx *x, size_t row, size_t col, int y, int m, int d, int bold, char *why,
                  size_t cap);
/* End the current sheet (widths, frozen header) and go on in a new one named after @p name
 * (made a valid, unique name: see the file comment); rows start again at 0. */
int cli_xlsx_sheet(cli_xlsx *x, const char *name, char *why, size_t cap);
/* Widths, frozen header, properties; write the file; free. */
int cli_xlsx_close(cli_xlsx *x, char *why, size_t cap);

#endif
