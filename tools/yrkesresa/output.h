/**
 * @file output.h
 * @brief The `yrkesresa` program's one output layer: result tables written as CSV in the
 *        input's dialect, as CSV for Swedish Excel (`--excel`), or as an .xlsx workbook
 *        (`--output FILE.xlsx`, when built with libxlsxwriter), to standard output or a file;
 *        in English or Swedish (`--lang sv`, `YRKESRESA_LANG=sv`; yrkesresa/names.h).
 *
 * A command computes everything first; only then it opens a ::cli_out and writes the cells row
 * by row (streamed: nothing is buffered whole). Row 0 is the header.
 *
 * ## Cells and their types
 * Every cell is written with a type, so that a workbook and a CSV for Excel keep the data:
 * - computed values: cli_out_int() (a count), cli_out_money() (whole kronor), cli_out_num() (a
 *   decimal), cli_out_share() (a share of 1), cli_out_date(), cli_out_text(), cli_out_name()
 *   (a word of the names table in the output's language);
 * - cells echoed from the input: cli_out_cell() with the cell's ::cli_cell_type as the reader
 *   knows it: the column's role (cli_read_echo_types(): a name or code column is text, a
 *   population a number) and, for a column of no role, the cell's own type
 *   (yr_table_cell_type(), cli_read_echo()), else cli_cell_guess() on the cell
 *   (::CLI_CELL_GUESS: `0114` and `007` are text, `12 %` a share).
 *
 * ## Dialects
 * - default CSV: the input's delimiter, line break and decimal mark (',', LF, '.' without an
 *   input; a decimal comma when the delimiter is ';'); UTF-8, with a BOM when the input had one
 *   or was Windows-1252 or UTF-16 (so Excel shows å ä ö), without one otherwise. Echoed cells
 *   are copied byte for byte.
 * - `--excel`: UTF-8 BOM, ';', CRLF, a decimal comma for every decimal (echoed numbers
 *   included), and a text cell that Excel would run as a formula guarded with a leading `'`
 *   (yr_excel_guard_needed(); numbers are never touched).
 * - `.xlsx`: one sheet named after the command (yr_out_table_sheet()) and, after
 *   cli_out_sheet(), more sheets (a name Excel would refuse is made valid and unique:
 *   output_xlsx.h); each sheet with a bold frozen header
 *   row, a bold Summa/Totalt row, column widths fitted to the content, text as text, numbers
 *   as numbers with Swedish formats (`# ##0`, `# ##0 kr` for money, `0 %` for shares stored as
 *   fractions, `yyyy-mm-dd` dates as dates), the source file and the date in the document
 *   properties. A number a workbook cannot hold exactly (an integer beyond 2^53, a decimal of
 *   more than 15 significant digits) is refused with a message naming the cell, as are Excel's
 *   limits (32 767 characters a cell, 1 048 576 rows, 16 384 columns); the same limits hold for
 *   `--excel`, which Excel would cut.
 *
 * ## Files (`--output FILE`)
 * A regular file is written under a temporary name in its directory (at most NAME_MAX bytes)
 * and renamed into place at cli_out_close(): an error, SIGINT, SIGTERM or SIGHUP never leaves a
 * half-written FILE or the temporary file behind. An existing file keeps its mode and, where
 * permitted, its owner and group; a symbolic link is followed and its target replaced; a file
 * with other hard links is refused (replacing it would break the links, writing it in place
 * would not be atomic); a read-only file is refused. A FIFO or a device is written through
 * (not atomic: it cannot be). See output_file.h.
 */
#ifndef YRKESRESA_TOOLS_OUTPUT_H
#define YRKESRESA_TOOLS_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <yrkesresa/names.h>

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif
/* ---- A growable text buffer (messages, notes, small texts). ---- */

/** A growable byte buffer. After an allocation failure it stays failed (ok == 0). */
typedef struct cli_buf {
    char *data; /**< the bytes (NUL-terminated when data != NULL) */
    size_t len; /**< bytes used */
    size_t cap; /**< bytes allocated */
    int ok;     /**< 0 after an allocation failure */
} cli_buf;

void cli_buf_init(cli_buf *b);                                          /**< empty, ok = 1 */
void cli_buf_free(cli_buf *b);                                          /**< free and re-init */
void cli_buf_clear(cli_buf *b);                                         /**< len = 0, keep memory */
void cli_buf_add(cli_buf *b, const char *s, size_t n);                  /**< append n bytes */
void cli_buf_puts(cli_buf *b, const char *s);                           /**< append a string */
void cli_buf_printf(cli_buf *b, const char *fmt, ...) CLI_PRINTF(2, 3); /**< printf append */
/** @brief The text, "" when empty or failed (never NULL). */
const char *cli_buf_str(const cli_buf *b);

/**
 * @brief Append the exact value n/d (d != 0) with @p decimals digits (0..18), rounded half away
 *        from zero, by integer long division; '.' as decimal mark.
 */
void cli_buf_ratio(cli_buf *b, int64_t n, int64_t d, unsigned decimals);

/**
 * @brief Append the exact value whole + rem/den (den > 0, 0 <= rem < den) with @p decimals
 *        digits (0..18), rounded half away from zero; '.' as decimal mark.
 */
void cli_buf_fixed(cli_buf *b, int64_t whole, int64_t rem, int64_t den, unsigned decimals);

/** @brief Append a signed 128-bit integer in decimal. */
__extension__ typedef __int128 cli_i128; /**< a signed 128-bit integer */
void cli_buf_i128(cli_buf *b, cli_i128 v);

/* ---- Result tables. ---- */

/** What the user asked for: `--output FILE`, `--excel`, `--lang`. */
typedef struct cli_output_opts {
    const char *path;   /**< NULL: standard output; a name ending in .xlsx: a workbook */
    int excel;          /**< 1: the Swedish Excel CSV dialect */
    yr_lang lang;       /**< the language of headers, labels and sheet names */
    const char *source; /**< the main input file as given (document properties), or NULL */
} cli_output_opts;

/** The type of a cell (see the file comment). */
typedef enum cli_cell_type {
    CLI_CELL_TEXT = 0, /**< text, always: codes (`0114`), `007`, labels that look like numbers */
    CLI_CELL_NUMBER,   /**< a number as written (`22 986`, `1,5`): `# ##0` in a workbook */
    CLI_CELL_MONEY,    /**< an amount in kronor (`67 751`, `67 751 kr`): `# ##0 kr` */
    CLI_CELL_SHARE,    /**< a share: a fraction (`0.8523`) or a percentage (`12 %`): `0 %` */
    CLI_CELL_DATE,     /**< an ISO date (`2024-02-06`): a date in a workbook */
    CLI_CELL_GUESS     /**< today's echo of a column without a role: cli_cell_guess() decides */
} cli_cell_type;

/**
 * @brief The type of an input cell read by today's input layer from the cell alone (for
 *        ::CLI_CELL_GUESS; goes away with the move onto libyrkesresa-read): a number that a
 *        workbook holds exactly and that has no leading zero (`0114`, `007` are text) is a
 *        number (with `kr`: money; with `%`: a share); an ISO date a date; the rest text.
 */
cli_cell_type cli_cell_guess(const char *s);

/** An open result table (see cli_out_open_dialect). Private fields: use the functions. */
typedef struct cli_out {
    char delim;        /**< CSV delimiter */
    char decimal;      /**< decimal mark of numbers in CSV */
    const char *eol;   /**< line break */
    int excel;         /**< --excel: guard formulas, decimal comma in echoed numbers, limits */
    int xlsx;          /**< 1 when writing a workbook */
    int bom;           /**< the CSV begins with a byte order mark */
    yr_lang lang;      /**< the language of cli_out_name() */
    const char *sheet; /**< the workbook's sheet name (the table's, in lang) */
    const char *path;  /**< --output as given, or NULL for standard output */
    int failed;        /**< a write or allocation failed (message in why, or errno in err) */
    int err;           /**< errno of the first failed write */
    char why[300];     /**< the first reason the output cannot be written, or "" */
    size_t row, col;   /**< position of the next cell */
    int row_bold;      /**< the current row is bold (xlsx) */
    FILE *f;           /**< CSV destination */
    struct cli_target *target; /**< the file of --output, or NULL for standard output */
    struct cli_xlsx *x;        /**< the workbook (xlsx only) */
    char buf[65536];
    size_t used;
} cli_out;

/**
 * @brief 1 when @p opts asks for a workbook (a path ending in ".xlsx", any case).
 */
int cli_output_is_xlsx(const cli_output_opts *opts);

/**
 * @brief Check @p opts before any work (e.g. .xlsx without libxlsxwriter): 0, or an exit
 *        status after the message.
 */
int cli_output_check(const cli_output_opts *opts, const char *cmd);

/** How the input was written, for output that follows it (cli_read_dialect(): from
 *  yr_table_format()). */
typedef struct cli_dialect {
    char delim;           /**< ',', ';' or TAB */
    const char *eol;      /**< "\n", "\r\n" or "\r" */
    int bom;              /**< the input began with a byte order mark */
    const char *encoding; /**< "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252" */
} cli_dialect;

/**
 * @brief Open the destination for table @p table (its sheet name). The CSV dialect follows
 *        @p like (the main input's: cli_read_dialect(); NULL: ',', LF, UTF-8, no BOM) unless
 *        --excel. Returns 0, or an exit status after printing the message.
 */
int cli_out_open_dialect(cli_out *o, const cli_output_opts *opts, yr_out_table table,
                         const cli_dialect *like);

/**
 * @brief One line for the reading report: the convention the output follows, in @p lang
 *        (`output: CSV for Swedish Excel (UTF-8 with BOM, ';', decimal comma, CRLF, formulas
 *        guarded with ')` / `utdata: ...`), appended to @p b.
 */
void cli_out_convention(const cli_out *o, yr_lang lang, cli_buf *b);

/** @brief A text cell (quoted when needed in CSV; guarded with --excel). */
void cli_out_text(cli_out *o, const char *s);
/** @brief A word of the names table in the output's language (a text cell). */
void cli_out_name(cli_out *o, yr_out_name name);
/** @brief A cell copied from the input, written as its type says (see the file comment). */
void cli_out_cell(cli_out *o, const char *s, cli_cell_type type);
/** @brief An integer cell (a count). */
void cli_out_int(cli_out *o, int64_t v);
/** @brief An amount in whole kronor. */
void cli_out_money(cli_out *o, int64_t v);
/** @brief A decimal number given with '.' ("20452.559"; "" for an empty cell). */
void cli_out_num(cli_out *o, const char *dotted);
/** @brief A share of 1 given as a decimal with '.' ("0.8523"; "" for an empty cell). */
void cli_out_share(cli_out *o, const char *dotted);
/** @brief A date given as ISO 8601 "2024-02-06" ("" for an empty cell). */
void cli_out_date(cli_out *o, const char *iso);
/** @brief An empty cell. */
void cli_out_empty(cli_out *o);
/** @brief End the row. In a workbook the first row and a row whose first cell is a total label
 *         (yr_label_is_total) are bold. */
void cli_out_end_row(cli_out *o);
/**
 * @brief A workbook only: end the current sheet and go on in a new sheet named after @p name
 *        (made a valid, unique sheet name: `Malung/Sälen` is `Malung_Sälen`, a name is cut to
 *        31 characters, a repeated one gets ` (2)`); its first row is its header. In CSV it
 *        refuses (a CSV has one table): the caller writes a workbook.
 */
void cli_out_sheet(cli_out *o, const char *name);
/** @brief Raw text (CSV destinations only: reports). */
void cli_out_raw(cli_out *o, const char *s, size_t n);

/**
 * @brief Finish: flush, close, move the file into place. On any failure the temporary file is
 *        removed and a message printed. Returns 0 or 2.
 */
int cli_out_close(cli_out *o);

/**
 * @brief Write @p b to standard output (or to the file of @p opts): the one way a text report
 *        leaves the program. Returns 0 or 2 (message printed).
 */
int cli_out_report(const cli_output_opts *opts, const cli_buf *b);

/** @brief 1 when this program was built with libxlsxwriter. */
int cli_have_xlsx(void);

/**
 * @brief Expand the names of output columns in a help text into @p b: `@COLUMNS:ID@` becomes
 *        the columns of table ID (yr_out_table_from_id) in English, comma-separated, then
 *        `(--lang sv: ...)`; `@NAME:english@` becomes the name and its Swedish text in
 *        parentheses. The rest of @p text is copied.
 */
void cli_help_names(cli_buf *b, const char *text);

#endif
