/* The rows of cells a format gives, before any interpretation (private to libyrkesresa-read).
 *
 * A grid is what csv.c (text) and xlsx.c (workbooks) hand to the interpretation (table.c:
 * header, spans, roles, grammar, aggregates, identities). It knows nothing of roles. A record is
 * one line of a text file (a quoted field may span lines: the record starts at the first) or
 * one row of a sheet: an xlsx sheet's rows 1..last are all records, rows absent from the XML
 * included (they are empty), so line numbers are sheet row numbers and "empty line" means the
 * same in both formats. */
#ifndef YRKESRESA_READ_GRID_H
#define YRKESRESA_READ_GRID_H

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa/read.h"

/* The type of a cell as the format gives it. Text formats give only EMPTY and TEXT. */
typedef enum grid_type {
    GRID_EMPTY = 0, /* nothing in the cell */
    GRID_TEXT,      /* a string (xlsx shared/inline string, a CSV cell) */
    GRID_NUMBER,    /* an xlsx number: s is its shortest round-trip decimal, no exponent
                       ("22986", "0.77", "-1.5"; an exponent only when 18 decimals do not hold
                       it: "1E+300") */
    GRID_PERCENT,   /* an xlsx number whose number format shows '%': s is the value (0.77) */
    GRID_DATE,      /* an xlsx number with a date format: s is ISO 8601 "2024-02-06", or
                       "2024-02-06 08:30:00" when the time is not zero */
    GRID_BOOL,      /* an xlsx boolean: s is "TRUE" or "FALSE" */
    GRID_ERROR,     /* an xlsx error value: s is as Excel shows it ("#N/A", "#DIV/0!") */
    GRID_SCALED     /* an xlsx number whose number format shows it divided by a power of 1000
                       ('#,##0,'): s is the number it holds (grid_xlsx_format() gives the
                       format); never read as a number */
} grid_type;

/* One cell: s[0..len) UTF-8, not NUL-terminated in general. */
typedef struct grid_cell {
    const char *s;
    uint32_t len;
    uint8_t type;    /* grid_type */
    uint8_t quoted;  /* text: the cell was quoted in the file ("0114" stays text in any role) */
    uint8_t guarded; /* CSV: a leading ' that neutralised a formula (--excel) was taken off */
    uint8_t struck;  /* xlsx: the cell's font is struck through (a row or figure withdrawn) */
} grid_cell;

typedef struct grid grid;

/* A caller's scratch buffer for cells() (free with free(sc->data)). */
typedef struct grid_scratch {
    char *data;
    size_t cap;
} grid_scratch;

/* What a format implements. */
typedef struct grid_ops {
    /* The cells of record @p rec (0-based) into out[0..cap): returns how many cells the record
     * has (may exceed cap: the caller asks again with more room; 0 for an empty sheet row).
     * A pointer into @p scratch stays valid until the next call of cells() with the same
     * scratch; any other pointer stays valid until free() (the table keeps those and copies the
     * former once). @p scratch is the caller's buffer for unquoted text (csv.c grows it with
     * realloc, once a call, only for a cell with doubled quotes; NULL data at first). */
    size_t (*cells)(const grid *g, size_t rec, grid_cell *out, size_t cap, grid_scratch *scratch);
    /* The 1-based line (text) or sheet row (xlsx) where record @p rec starts; for rec == nrec,
     * one past the last line (so a record's last line is line(rec + 1) - 1). Must be cheap and
     * must not change the grid (const tables are read from several threads): csv.c keeps the
     * few records whose quoted cells hold line breaks and searches them. */
    size_t (*line)(const grid *g, size_t rec);
    /* xlsx: "B7" for (rec, col) into dst (cap >= 16); text: "" */
    void (*cell_ref)(const grid *g, size_t rec, size_t col, char *dst);
    void (*free)(grid *g);
    /* xlsx: 1 when the sheet hides record @p rec's row, 2 when a filter (AutoFilter) may have
     * hidden it; 0 when it is shown. NULL for text. */
    int (*hidden)(const grid *g, size_t rec);
} grid_ops;

struct grid {
    const grid_ops *ops;
    size_t nrec;        /* records (lines / sheet rows) */
    size_t max_cells;   /* the largest number of cells of any record */
    yr_read_format fmt; /* how it was written (format, encoding, bom, delimiter, eol, sheet) */
    void *impl;         /* the format's own data */
};

/* Text: decode (BOM, UTF-16, Windows-1252 -> UTF-8), detect the delimiter (the one that gives
 * the most lines of one field count >= 2 among the first 100 non-empty lines; ties: ';' then
 * ',' then TAB), split into records. @p borrow: the bytes outlive the grid (not copied when
 * they are UTF-8). Errors: YR_READ_ERR_SYNTAX (quotes, encoding, NUL) and _LIMIT, with line. */
yr_read_status grid_csv_open(const void *bytes, size_t len, int borrow, grid *out,
                             yr_read_error *err);

/* The number format of cell (rec, col) of an xlsx grid when the cell is GRID_SCALED, and
 * *thousands, the powers of 1000 it divides the number by; NULL for any other cell or grid. */
const char *grid_xlsx_format(const grid *g, size_t rec, size_t col, int *thousands);

/* 1 when @p g is a sheet of a workbook that counts serial days from 1904 (workbookPr
 * date1904, a Mac workbook): a serial number in a day column is read in that epoch whatever the
 * cell's number format (45328 there is 2028-02-07, 43866 is 2024-02-06); 0 for any other grid. */
int grid_xlsx_date1904(const grid *g);

/* Formats by content: 0 text, 1 xlsx, or an error for .xls (OLE2), .ods and other zips. */
yr_read_status grid_sniff(const void *bytes, size_t len, int *is_xlsx, yr_read_error *err);

#endif
