/**
 * @file output.h
 * @brief The `yrkesresa` program's one output layer: result tables written as CSV in the
 *        input's dialect, as CSV for Swedish Excel (`--excel`), or as an .xlsx workbook
 *        (`--output FILE.xlsx`, when built with libxlsxwriter), to standard output or a file.
 *
 * A command computes everything first; only then it opens a ::cli_out and writes the cells row
 * by row (streamed: nothing is buffered whole). A file is written under a temporary name and
 * renamed at cli_out_close(), so an error never leaves a half-written FILE behind.
 *
 * Dialects:
 * - default: the input table's delimiter, line break and byte order mark (',', LF without an
 *   input), decimal point '.' (decimal comma when the delimiter is ';');
 * - `--excel`: UTF-8 BOM, ';', decimal comma, CRLF: what Swedish Excel opens directly;
 * - `.xlsx`: one worksheet, numbers as numbers (integers beyond 2^53 as text, to stay exact),
 *   the header row and a Summa/Totalt row in bold.
 */
#ifndef YRKESRESA_TOOLS_OUTPUT_H
#define YRKESRESA_TOOLS_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "input.h"

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

/** What the user asked for: `--output FILE` and `--excel`. */
typedef struct cli_output_opts {
    const char *path; /**< NULL: standard output; a name ending in .xlsx: a workbook */
    int excel;        /**< 1: the Swedish Excel CSV dialect */
} cli_output_opts;

/** An open result table (see cli_out_open). */
typedef struct cli_out {
    char delim;      /**< CSV delimiter */
    char decimal;    /**< decimal mark for numbers written with cli_out_num */
    const char *eol; /**< line break */
    int xlsx;        /**< 1 when writing a workbook */
    int failed;      /**< a write or allocation failed */
    size_t row, col; /**< position of the next cell */
    int row_bold;    /**< the current row is bold (xlsx) */
    FILE *f;         /**< CSV destination */
    char *final_path, *tmp_path;
    void *wb, *ws, *bold; /**< libxlsxwriter objects (xlsx only) */
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

/**
 * @brief Open the destination. The CSV dialect follows @p like (the main input; may be NULL)
 *        unless --excel. Returns 0, or an exit status after printing the message.
 */
int cli_out_open(cli_out *o, const cli_output_opts *opts, const ycsv_table *like);

/** @brief A text cell (quoted when needed in CSV). */
void cli_out_text(cli_out *o, const char *s);
/** @brief A cell copied from the input: a number in a workbook when it reads as one. */
void cli_out_cell(cli_out *o, const char *s);
/** @brief An integer cell. */
void cli_out_int(cli_out *o, int64_t v);
/** @brief A decimal number given with '.' ("0.8523"; "" for an empty cell). */
void cli_out_num(cli_out *o, const char *dotted);
/** @brief An empty cell. */
void cli_out_empty(cli_out *o);
/** @brief End the row. In a workbook the first row and a row whose first cell is a total label
 *         (yr_label_is_total) are bold. */
void cli_out_end_row(cli_out *o);
/** @brief Raw text (CSV destinations only: reports). */
void cli_out_raw(cli_out *o, const char *s, size_t n);

/**
 * @brief Finish: flush, close, rename the temporary file into place. On any failure the
 *        temporary file is removed and a message printed. Returns 0 or 2.
 */
int cli_out_close(cli_out *o);

/**
 * @brief Write @p b to standard output (or to the file of @p opts): the one way a text report
 *        leaves the program. Returns 0 or 2 (message printed).
 */
int cli_out_report(const cli_output_opts *opts, const cli_buf *b);

/** @brief 1 when this program was built with libxlsxwriter. */
int cli_have_xlsx(void);

#endif
