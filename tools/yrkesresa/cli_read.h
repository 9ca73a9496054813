/**
 * @file cli_read.h
 * @brief The `yrkesresa` program's one way to read a user's table: the file's bytes handed to
 *        libyrkesresa-read (yrkesresa/read.h), which decides everything — the format, the
 *        header, each line's kind, each column's role, every number, every identity — and
 *        composes every message. The program only reads the file, builds the request from its
 *        options and shows the library's sentence as `yrkesresa: FILE:LINE: message` (exit 2).
 *
 * Options (cli_read_options(), their help beside them): `--sheet NAME|N`, `--header-row N`, `--year
 * YYYY`,
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

/** Number of entries cli_read_options() writes (the section "Reading" and its 6 options). */
#define CLI_READ_NOPTS 7

/** @brief Write the CLI_READ_NOPTS entries of the reading options into @p dst, after the
 *         command's own (their values go to @p r, zeroed here; their help is the section
 *         "Reading" of the command's --help); returns CLI_READ_NOPTS. */
size_t cli_read_options(cli_read_opts *r, cli_option *dst);

/** A table read from a file. */
typedef struct cli_input {
    const char *file; /**< the name in messages ("<stdin>" for "-") */
    yr_table *t;      /**< the table (NULL until read) */
    char *bytes;      /**< the file's bytes (the table may borrow them) */
    size_t len;
    int mapped; /**< the bytes are a mapping of the file (munmap), not malloc'd */
} cli_input;

/**
 * @brief Read @p path ("-": standard input) as the request @p want (@p nwant roles) with the
 *        options @p c and @p r. On error print `yrkesresa: FILE:LINE: <the library's message>`
 *        (or the system's reason the file cannot be read) and return CLI_EXIT_ERROR; else 0,
 *        and the reading line on stderr unless --quiet.
 */
int cli_read(const char *path, const cli_common *c, const cli_read_opts *r,
             const yr_read_want *want, size_t nwant, cli_input *in);

/**
 * @brief cli_read() of the bytes @p from was read from (copied: standard input is read once),
 *        with another request: a file whose columns are read one request at a time (compare's
 *        scenarios, statement's year columns). Prints as cli_read().
 */
int cli_read_again(const cli_input *from, const cli_common *c, const cli_read_opts *r,
                   const yr_read_want *want, size_t nwant, cli_input *in);

/** @brief The reading line of @p in on stderr (what cli_read() prints unless --quiet): for a
 *         command that reads with --quiet first and reports once it knows the input is good. */
void cli_read_report(const cli_input *in, yr_lang lang);

/** @brief Free what cli_read() allocated (a zeroed input is fine). */
void cli_input_free(cli_input *in);

/** @brief `yrkesresa: FILE:LINE: message` for a library error @p e; returns CLI_EXIT_ERROR. */
int cli_read_fail(const char *file, const yr_read_error *e);

/**
 * @brief The data rows' values of column @p col over one denominator (yr_table_column_values());
 *        allocates *out (ndata entries, at least one). 0, or 2 after the library's message.
 */
int cli_read_column(const cli_input *in, size_t col, int64_t **out, int64_t *den);

/**
 * @brief The column headed @p name (the header as written, else equal under yr_header_key()),
 *        for options that name a column of no role (--min-column); ::YR_READ_NONE when none.
 *        Two columns with that key and none written exactly so: ::YR_READ_NONE too.
 */
size_t cli_read_find_column(const yr_table *t, const char *name);

/**
 * @brief The data rows' cells of column @p col (a column of no role) read as whole numbers in
 *        the one grammar (yr_read_strings(), YR_KIND_WHOLE, under the column's header); a blank
 *        cell gives @p blank when @p blank_ok, else it is an error. Allocates *out (ndata
 *        entries). 0, or 2 after the library's message at the cell's line.
 */
int cli_read_whole_column(const cli_input *in, size_t col, int blank_ok, int64_t blank,
                          int64_t **out);

/** @brief 1 when @p header says share or percent (`Andel (%)`, `procent`, `andel`), by the
 *         reader's own rule: a bare 50 (or 0,5) reads as a share only under such a header. */
int cli_read_says_share(const char *header);

/**
 * @brief The data rows' cells of column @p col (any column) read in the grammar of @p kind under
 *        the column's header (yr_read_strings(): grouping decided over the column), without a
 *        message: out[i] (yr_table_ndata() entries) = value × *den, a blank cell 0 and
 *        present[i] 0 (@p present may be NULL). On error @p e holds the library's sentence
 *        with the cell's line.
 */
yr_read_status cli_read_try_column(const cli_input *in, size_t col, yr_kind kind, int64_t *out,
                                   unsigned char *present, int64_t *den, yr_read_error *e);

/** @brief Append num/den exactly: a decimal ('.') when den divides a power of ten (at most
 *         18 decimals), else "num/den". */
void cli_read_put_exact(cli_buf *b, int64_t num, int64_t den);

/**
 * @brief Echo cell (@p row, @p col) of @p in into @p o: a plain CSV keeps it as written; --excel
 *        and a workbook get a column of a numeric, share or date role as its value (`22.986`
 *        in a column grouped with '.' is 22986, never 22,986), else as cli_out_cell() writes
 *        the cell with its column's @p type (cli_read_echo_types()).
 */
void cli_read_echo(cli_out *o, const yr_table *t, size_t row, size_t col, cli_cell_type type,
                   cli_buf *b);

/**
 * @brief An option that names a column for a role (`--weight-column H` is `--column weight=H`):
 *        add "ROLE=HEADER" to @p c's columns, written into @p buf (@p cap bytes, which must
 *        outlive @p c's use). @p header NULL: nothing. 0, or 2 (too many columns).
 */
int cli_read_add_column(cli_common *c, const char *role, const char *header, char *buf, size_t cap);

/** @brief 1 when a `--column ROLE=...` of @p c names @p role. */
int cli_read_column_given(const cli_common *c, yr_read_role role);

/**
 * @brief The weights of a split or an audit: the population column or the weight column of
 *        @p in (read with both wanted). Both present and neither chosen with --column: an
 *        error naming both (exit 2); neither: *col = ::YR_READ_NONE.
 */
int cli_read_weight_column(const cli_input *in, const cli_common *c, size_t *col);

/** The request of a table whose rows are labelled (the totals and parts checks): its
 *  municipality, code, course, item or question columns, none required; nothing summed. */
extern const yr_read_want cli_read_label_wants[];
/** Number of entries of ::cli_read_label_wants. */
#define CLI_READ_NLABEL_WANTS 5

/** @brief The total row of @p in, checked (yr_table_checked_total_row(): the reader's total row,
 *         else its one county or nation row), SIZE_MAX when none; two total rows, or none when
 *         @p required, are the library's error. 0, or 2 after the message. */
int cli_read_total_row(const cli_input *in, int required, size_t *row);

/** @brief The line (sheet row) of the header of @p t. */
size_t cli_read_header_line(const yr_table *t);

/** @brief Cell (@p row, @p col) as a NUL-terminated string in @p b (cleared first). */
const char *cli_read_cell(const yr_table *t, size_t row, size_t col, cli_buf *b);

/** @brief The dialect of a read table, for output that follows the input. */
cli_dialect cli_read_dialect(const yr_table *t);

/**
 * @brief How to echo each column of @p t (ncols entries, free() them; NULL when out of memory):
 *        a column of a role by its role's kind (codes, names text; counts numbers; amounts
 *        money; shares; dates); a column nobody asked for by the role its header names (the
 *        alias table: 'Kommunkod' is text even unread); else ::CLI_CELL_GUESS (cli_read_echo()
 *        then asks the cell's own type).
 */
cli_cell_type *cli_read_echo_types(const yr_table *t);

/* ---- Keys: one identity for labels (stats count, split --group-column). ---- */

/** Distinct keys, each numbered in order of first appearance, with the data row where it first
 *  appears (its label is that row's cell). Open addressing over owned keys. */
typedef struct cli_keys {
    cli_buf keys;   /**< the keys, back to back */
    size_t *off;    /**< key k at keys.data + off[k], length off[k + 1] - off[k] */
    size_t *first;  /**< the data row of its first appearance */
    uint32_t *slot; /**< key index + 1, 0 empty */
    size_t nslots, n, cap;
} cli_keys;

/** @brief An empty set. */
void cli_keys_init(cli_keys *s);
/** @brief The index of key p[0..n) (added when new, first seen at data row @p row); -1 when
 *         out of memory. */
int64_t cli_keys_index(cli_keys *s, const char *p, size_t n, size_t row);
/** @brief The index of key p[0..n) in the set, -1 when it is not there (nothing added). */
int64_t cli_keys_find(const cli_keys *s, const char *p, size_t n);
/** @brief Free the set. */
void cli_keys_free(cli_keys *s);
/** @brief FNV-1a of @p n bytes. */
uint64_t cli_hash_bytes(const void *p, size_t n);

/**
 * @brief The key of cell (@p row, @p col) into @p key: the row's identity key
 *        (yr_table_identity_key()) in the municipality column, else the cell's name key
 *        (yr_name_key(): case, Unicode forms, invisible characters and blanks do not count).
 *        0, or 2 after a message.
 */
int cli_read_key(const cli_input *in, size_t row, size_t col, cli_buf *key);

#endif
