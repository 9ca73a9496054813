/**
 * @file input.h
 * @brief The `yrkesresa` program's one input layer: reading a table file as Excel, LibreOffice
 *        and Statistics Sweden (SCB) write them (not part of the library: the library does no
 *        I/O).
 *
 * Encoding (detected, the text is converted to UTF-8 before parsing):
 * - a UTF-8 byte order mark (EF BB BF): UTF-8, which must be valid;
 * - a UTF-16 byte order mark (FF FE little endian, FE FF big endian): UTF-16 (Excel's
 *   "Unicode text"), converted with iconv(3);
 * - no byte order mark: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's
 *   "CSV (semikolonavgränsad)"), converted with iconv(3). Bytes that are neither (0x81, 0x8D,
 *   0x8F, 0x90, 0x9D) are an error naming their line.
 *
 * Format (RFC 4180 plus what Swedish exports produce):
 * - Delimiter ',', ';' or TAB, detected from the header line: the one that occurs most often
 *   there outside quotes (a tie goes to the one that occurs first; none: one column).
 * - Quoted fields ("..."), doubled quotes inside them, delimiters and line breaks inside quotes.
 *   A quote inside an unquoted field, or anything but a delimiter or a line break after a
 *   closing quote, is an error.
 * - Line breaks LF, CRLF or CR (the first one is remembered: output keeps it).
 * - Cells are kept as written (UTF-8), no trimming here. A NUL byte is an error.
 * - Every row has as many fields as the header (else "ragged row"); header names that are equal
 *   when compared as ycsv_find_column() does are an error (an empty name may repeat).
 * - The table ends at the first empty line (or row of empty fields). What follows must be empty
 *   or notes (SCB footnotes, "Källa: ..."): lines that are not table rows, i.e. that do not have
 *   the header's number of fields with a number after the first field. Notes are ignored
 *   (ycsv_table::notes_line tells where they start); a table row after an empty line is an
 *   error ("empty line inside the table").
 *
 * Limits, enforced while reading (a pipe or /dev/zero is refused as soon as it passes them):
 * YCSV_MAX_BYTES input bytes, YCSV_MAX_FIELD bytes per cell, YCSV_MAX_COLS columns,
 * YCSV_MAX_ROWS data rows. Memory: the text once (parsed in place) plus 4 bytes per cell and per
 * row.
 *
 * Errors carry a 1-based line number: the physical line where the offending row or quote starts.
 */
#ifndef YRKESRESA_TOOLS_INPUT_H
#define YRKESRESA_TOOLS_INPUT_H

#include <stddef.h>
#include <stdint.h>

/** Maximum input size in bytes (1 GiB). */
#define YCSV_MAX_BYTES ((size_t)1 << 30)
/** Maximum size of one cell in bytes, after unquoting (1 MiB). */
#define YCSV_MAX_FIELD ((size_t)1 << 20)
/** Maximum number of columns. */
#define YCSV_MAX_COLS ((size_t)4096)
/** Maximum number of data rows (the header not counted). */
#define YCSV_MAX_ROWS ((size_t)20000000)

/** Returned by ycsv_find_column() when no column has the name. */
#define YCSV_NO_COLUMN ((size_t)-1)

/** Result of the reader. */
typedef enum ycsv_status {
    YCSV_OK = 0,     /**< parsed */
    YCSV_EMPTY = 1,  /**< the input has no header line */
    YCSV_SYNTAX = 2, /**< malformed: quote, ragged row, NUL byte, encoding, duplicate header */
    YCSV_LIMIT = 3,  /**< a limit above was exceeded */
    YCSV_NOMEM = 4,  /**< allocation failed */
    YCSV_IO = 5      /**< the file could not be opened or read (ycsv_read_file only) */
} ycsv_status;

/** Where and why reading failed. */
typedef struct ycsv_error {
    size_t line;       /**< 1-based line; 0 when no line applies (e.g. cannot open the file) */
    char message[200]; /**< one line of English, no trailing newline, no file name */
} ycsv_error;

/** A parsed table. Strings are UTF-8, NUL-terminated and owned by the table. */
typedef struct ycsv_table {
    char delim;           /**< ',', ';' or '\t' */
    int has_bom;          /**< 1 when the input started with a byte order mark (any encoding) */
    const char *eol;      /**< line break of the first line: "\r\n", "\n" or "\r" (static) */
    const char *encoding; /**< "UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252" (static) */
    size_t ncols;         /**< number of header fields, >= 1 */
    size_t nrows;         /**< number of data rows (header excluded), may be 0 */
    char **header;        /**< ncols column names */
    size_t header_line;   /**< line of the header (1, or later after leading empty lines) */
    size_t notes_line;    /**< first line of the ignored notes after the table, 0 when none */
    char *text_;          /**< private: the UTF-8 text, cells unquoted in place */
    uint32_t *cells_;     /**< private: nrows * ncols offsets into text_ */
    uint32_t *lines_;     /**< private: nrows line numbers */
} ycsv_table;

/**
 * @brief Decode and parse @p len bytes at @p buf (need not be NUL-terminated; may contain
 *        anything; copied).
 * @param[out] out the table (untouched on error; on success free with ycsv_free())
 * @param[out] err filled on error (may be NULL)
 */
ycsv_status ycsv_parse(const char *buf, size_t len, ycsv_table *out, ycsv_error *err);

/**
 * @brief Read the file @p path (standard input when "-"), decode and parse it. Open/read errors
 *        give ::YCSV_IO with the system's message (err->line == 0).
 */
ycsv_status ycsv_read_file(const char *path, ycsv_table *out, ycsv_error *err);

/** @brief Free a table's memory and zero it. Safe on a zeroed table and on NULL. */
void ycsv_free(ycsv_table *t);

/** @brief Cell (row, col) of the data rows. */
static inline const char *ycsv_cell(const ycsv_table *t, size_t row, size_t col)
{
    return t->text_ + t->cells_[row * t->ncols + col];
}

/**
 * @brief Free the line numbers of @p t's rows once every error about them is reported (4 bytes
 *        per row): ycsv_line() must not be called afterwards; the cells stay.
 */
void ycsv_drop_lines(ycsv_table *t);

/**
 * @brief Free the index of @p t's cells and lines once they are read (memory: 4 bytes per cell
 *        and per row): ycsv_cell() and ycsv_line() must not be called afterwards; the text
 *        (pointers to cells taken before stay valid), the header and the dialect stay until
 *        ycsv_free().
 */
void ycsv_drop_index(ycsv_table *t);

/** @brief 1-based line where data row @p row starts. */
static inline size_t ycsv_line(const ycsv_table *t, size_t row)
{
    return t->lines_[row];
}

/**
 * @brief Index of the first column whose name equals @p name, ignoring ASCII and Swedish letter
 *        case and surrounding blanks; ::YCSV_NO_COLUMN when none.
 */
size_t ycsv_find_column(const ycsv_table *t, const char *name);

/**
 * @brief Compare two names as ycsv_find_column() does: blanks around ignored (yr_label_trim),
 *        ASCII letters and å ä ö é ü case-insensitive. Returns 1 when equal.
 */
int ycsv_name_equal(const char *a, const char *b);

/* ---- Joining two tables by municipality (issue 14 point 4; implemented in parties.c) ---- */

/** One side of a join: a table and its municipality columns. */
typedef struct ycsv_join_side {
    const char *file;    /**< the file's name in messages */
    const ycsv_table *t; /**< the table */
    size_t name_col;     /**< the column of names ("Falun" or "2080 Falun") */
    size_t code_col;     /**< a column of codes (kommunkod, kod), or ::YCSV_NO_COLUMN */
    size_t skip_row;     /**< a row to leave out (the total row), or ::YCSV_NO_COLUMN */
} ycsv_join_side;

/** A join of a probe table's rows to a lookup table's rows (opaque; ycsv_join_open()). */
typedef struct ycsv_join ycsv_join;

/**
 * @brief Key the rows of @p lookup for ycsv_join_find(): by municipality code when both sides
 *        have codes (a code column, or every name a `2080 Falun` cell: yr_label_code), else by
 *        name (yr_label_key of the name without its code). A code or name twice in @p lookup
 *        is an error naming both lines; so is a code cell that is not a code 0..9999. @p what
 *        names the looked-up value in messages ("population").
 * @returns 0 and *out (free with ycsv_join_free()), or 2 after printing `FILE:LINE: message`.
 */
int ycsv_join_open(const ycsv_join_side *lookup, const ycsv_join_side *probe, const char *what,
                   ycsv_join **out);

/**
 * @brief The lookup row of probe row @p row: an unknown municipality (`no population for
 *        'Nowhere' in FILE`) or one found a second time since the last ycsv_join_reset()
 *        (`'Falun' appears twice`) is an error at the probe row's line. 0 or 2.
 */
int ycsv_join_find(ycsv_join *j, size_t row, size_t *lookup_row);

/** @brief 1 when every row of @p s (total rows aside) has a municipality code: a code column,
 *         or every name a `2080 Falun` cell. Two files join by code when both have codes. */
int ycsv_join_has_codes(const ycsv_join_side *s);

/**
 * @brief The municipality code of row @p row of @p s: its code column's cell (0 .. 9999), else
 *        the code of a `2080 Falun` name; -1 when it has none. 0, or 2 after printing
 *        `FILE:LINE: message` for a code cell that is not a code.
 */
int ycsv_join_row_code(const ycsv_join_side *s, size_t row, int *code);

/** @brief Forget which rows were found (before a second pass over the probe table). */
void ycsv_join_reset(ycsv_join *j);

/** @brief Free a join (NULL is fine). */
void ycsv_join_free(ycsv_join *j);

#endif
