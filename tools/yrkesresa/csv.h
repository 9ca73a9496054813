/**
 * @file csv.h
 * @brief The command-line program's CSV reader (not part of the library; the library does no I/O).
 *
 * Format accepted (RFC 4180 plus what Swedish spreadsheet exports produce):
 * - Delimiter ',' or ';', detected from the header line: the one that occurs more often there
 *   outside quotes (a tie goes to the one that occurs first; neither: ',' and one column).
 * - Quoted fields ("..."), doubled quotes ("") inside them, delimiters and line breaks inside
 *   quotes. A quote inside an unquoted field, or anything but a delimiter or a line break after
 *   a closing quote, is an error.
 * - Line breaks LF, CRLF or a lone CR. A UTF-8 byte order mark (EF BB BF) at the very start is
 *   stripped (and remembered in yr_csv_table::has_bom).
 * - Cells are kept byte for byte: no trimming, no UTF-8 validation or normalisation (invalid
 *   UTF-8 is kept as it is; the program never reinterprets names). A NUL byte is an error,
 *   so every cell is also a valid NUL-terminated C string.
 * - Every row must have as many fields as the header (else "ragged row" error).
 * - Blank lines (no characters) and rows whose fields are all empty and unquoted (e.g. ";;;")
 *   at the end are ignored. A blank line inside the table is an error.
 * - An empty input (nothing but blank lines, or only a BOM) is an error. A header with no data
 *   rows is NOT an error for the parser (nrows == 0); commands decide.
 *
 * Limits (each gives a clear error, never a crash or a hang; parsing is linear in the input):
 * YR_CSV_MAX_BYTES input bytes, YR_CSV_MAX_FIELD bytes per cell, YR_CSV_MAX_COLS columns,
 * YR_CSV_MAX_ROWS data rows. Memory used is at most about 1 + 9 x the input size.
 *
 * Errors carry a 1-based line number: the physical line (counting every line break, including
 * those inside quotes) where the offending row or quote starts.
 */
#ifndef YRKESRESA_TOOLS_CSV_H
#define YRKESRESA_TOOLS_CSV_H

#include <stddef.h>

/** Maximum input size in bytes (1 GiB). */
#define YR_CSV_MAX_BYTES ((size_t)1 << 30)
/** Maximum size of one cell in bytes, after unquoting (1 MiB). */
#define YR_CSV_MAX_FIELD ((size_t)1 << 20)
/** Maximum number of columns. */
#define YR_CSV_MAX_COLS ((size_t)4096)
/** Maximum number of data rows (the header not counted). */
#define YR_CSV_MAX_ROWS ((size_t)20000000)

/** Returned by yr_csv_find_column() when no column has the name. */
#define YR_CSV_NO_COLUMN ((size_t)-1)

/** Result of the reader. */
typedef enum yr_csv_status {
    YR_CSV_OK = 0,     /**< parsed */
    YR_CSV_EMPTY = 1,  /**< the input has no header line */
    YR_CSV_SYNTAX = 2, /**< malformed: quote, ragged row, NUL byte, blank line inside */
    YR_CSV_LIMIT = 3,  /**< a limit above was exceeded */
    YR_CSV_NOMEM = 4,  /**< allocation failed */
    YR_CSV_IO = 5      /**< the file could not be opened or read (yr_csv_read_file only) */
} yr_csv_status;

/** Where and why parsing failed. */
typedef struct yr_csv_error {
    size_t line;       /**< 1-based line; 0 when no line applies (e.g. cannot open the file) */
    char message[160]; /**< one line of English, no trailing newline, no file name */
} yr_csv_error;

/**
 * A parsed table. All strings are NUL-terminated and owned by the table (freed by
 * yr_csv_free()). Cell (r, c) of the data is cells[r * ncols + c].
 */
typedef struct yr_csv_table {
    char delim;         /**< ',' or ';' */
    int has_bom;        /**< 1 when the input started with a UTF-8 BOM */
    const char *eol;    /**< line break of the first line: "\r\n" or "\n" (static string) */
    size_t ncols;       /**< number of header fields, >= 1 */
    size_t nrows;       /**< number of data rows (header excluded), may be 0 */
    char **header;      /**< ncols column names */
    char **cells;       /**< nrows * ncols cells */
    size_t *lines;      /**< nrows 1-based line numbers, where each data row starts */
    size_t header_line; /**< line of the header (always 1) */
    char **all_;        /**< private: header and cells in one array */
    char *storage_;     /**< private: the unquoted text of all cells */
} yr_csv_table;

/**
 * @brief Parse @p len bytes at @p buf (need not be NUL-terminated; may contain anything).
 * @param[out] out the table (untouched on error; on success free with yr_csv_free())
 * @param[out] err filled on error (may be NULL)
 * @returns ::YR_CSV_OK or the error kind.
 */
yr_csv_status yr_csv_parse(const char *buf, size_t len, yr_csv_table *out, yr_csv_error *err);

/**
 * @brief Read the whole file @p path (or standard input when @p path is "-") and parse it.
 *        Open/read errors give ::YR_CSV_IO with the system's message (err->line == 0).
 */
yr_csv_status yr_csv_read_file(const char *path, yr_csv_table *out, yr_csv_error *err);

/** @brief Free a table's memory and zero it. Safe on a zeroed table and on NULL. */
void yr_csv_free(yr_csv_table *t);

/** @brief Cell (row, col) of the data rows (no bounds check beyond an assert). */
const char *yr_csv_cell(const yr_csv_table *t, size_t row, size_t col);

/**
 * @brief Index of the first column whose name equals @p name, ignoring ASCII case and
 *        surrounding spaces/tabs of the header cell; ::YR_CSV_NO_COLUMN when none.
 */
size_t yr_csv_find_column(const yr_csv_table *t, const char *name);

#endif
