/**
 * @file cli_read.h
 * @brief The `yrkesresa` program's one way to read a user's table: the file's bytes handed to
 *        libyrkesresa-read (yrkesresa/read.h), which decides everything — the format, the
 *        header, each line's kind, each column's role, every number, every identity — and
 *        composes every message. The program only reads the file, builds the request from its
 *        options and shows the library's sentence as `yrkesresa: FILE:LINE: message` (exit 2).
 *
 * Options (::cli_read_help): `--sheet NAME|N`, `--header-row N`, `--year YYYY`,
 * `--ignore-total-row` (::YR_TOTALS_IGNORE), `--other-parties`, `--quiet`; with the common
 * `--column ROLE=HEADER` (yr_read_options::columns) and `--no-total-row` (::YR_TOTALS_NO_GUESS).
 *
 * On success the reading (yr_table_reading(), in the output's language) is printed on stderr
 * as `yrkesresa: FILE: read 15 municipalities from column 'Befolkning'` unless `--quiet`.
 */
#ifndef YRKESRESA_TOOLS_CLI_READ_H
#define YRKESRESA_TOOLS_CLI_READ_H

#include <stddef.h>
#include <stdint.h>

#include <yrkesresa/read.h>

#include "cli.h"

/** The reading options of a command (the strings as given; checked by cli_read()). */
typedef struct cli_read_opts {
    const char *sheet;      /**< `--sheet NAME|N` */
    const char *header_row; /**< `--header-row N` (from 1) */
    const char *year;       /**< `--year YYYY` */
    int ignore_total_row;   /**< `--ignore-total-row` */
    int quiet;              /**< `--quiet`: no reading line on stderr */
    int other_parties;      /**< `--other-parties` (yr_read_options::other_parties) */
} cli_read_opts;

/** Number of options cli_read_options() writes. */
#define CLI_READ_NOPTS 6

/** The help paragraph of the reading options (append to a command's usage). */
extern const char cli_read_help[];

/** @brief Write the CLI_READ_NOPTS reading options into @p dst (their values go to @p r,
 *         zeroed here); returns CLI_READ_NOPTS. */
size_t cli_read_options(cli_read_opts *r, cli_option *dst);

/** A table read from a file. */
typedef struct cli_input {
    const char *file; /**< the name in messages ("<stdin>" for "-") */
    yr_table *t;      /**< the table (NULL until read) */
    char *bytes;      /**< the file's bytes (the table may borrow them) */
    size_t len;
} cli_input;

/**
 * @brief Read @p path ("-": standard input) as the request @p want (@p nwant roles) with the
 *        options @p c and @p r. On error print `yrkesresa: FILE:LINE: <the library's message>`
 *        (or the system's reason the file cannot be read) and return CLI_EXIT_ERROR; else 0,
 *        and the reading line on stderr unless --quiet.
 */
int cli_read(const char *path, const cli_common *c, const cli_read_opts *r,
             const yr_read_want *want, size_t nwant, cli_input *in);

/** @brief Free what cli_read() allocated (a zeroed input is fine). */
void cli_input_free(cli_input *in);

/** @brief `yrkesresa: FILE:LINE: message` for a library error @p e; returns CLI_EXIT_ERROR. */
int cli_read_fail(const char *file, const yr_read_error *e);

/**
 * @brief The data rows' values of column @p col over one denominator (yr_table_column_values());
 *        allocates *out (ndata entries, at least one). 0, or 2 after the library's message.
 */
int cli_read_column(const cli_input *in, size_t col, int64_t **out, int64_t *den);

/** @brief Cell (@p row, @p col) as a NUL-terminated string in @p b (cleared first). */
const char *cli_read_cell(const yr_table *t, size_t row, size_t col, cli_buf *b);

/** @brief The dialect of a read table, for output that follows the input. */
cli_dialect cli_read_dialect(const yr_table *t);

/** @brief How to echo column @p col of @p t: its role's kind, else the cell's own type. */
cli_cell_type cli_read_echo_type(const yr_table *t, size_t row, size_t col);

#endif
