/* xlsx workbooks as grids (private to libyrkesresa-read): libzip reads the archive from memory,
 * expat parses the XML. Untrusted input: every entry is inflated in bounded chunks (never
 * trusting the sizes the zip declares) up to YR_READ_MAX_BYTES in all and YR_READ_MAX_RATIO
 * times its compressed size; DOCTYPEs are refused (no external entity is ever resolved, no
 * entity expanded). */
#ifndef YRKESRESA_READ_XLSX_H
#define YRKESRESA_READ_XLSX_H

#include "grid.h"

typedef struct xlsx_book xlsx_book;

/* Open a workbook: the zip, xl/workbook.xml (sheet names, order, the 1904 date system),
 * xl/_rels/workbook.xml.rels (each sheet's part), xl/sharedStrings.xml, xl/styles.xml (which
 * cell styles are dates or percentages: built-in formats 9, 10, 14-22, 45-47 and custom formats
 * with y/m/d/h/s outside quotes and brackets, or '%'). Errors: YR_READ_ERR_FORMAT naming the
 * part ("xl/workbook.xml: ..."), _LIMIT, _NOMEM. */
yr_read_status xlsx_open(const void *bytes, size_t len, xlsx_book **out, yr_read_error *err);

/* Sheets in workbook order (hidden ones included: they are sheets, and --sheet may name them). */
size_t xlsx_nsheets(const xlsx_book *b);
const char *xlsx_sheet_name(const xlsx_book *b, size_t i);
/* 1 when sheet @p i is hidden (state "hidden" or "veryHidden"): never chosen by default. */
int xlsx_sheet_hidden(const xlsx_book *b, size_t i);

/* Sheet @p i as a grid (records = rows 1..last row with a cell; merged ranges give their
 * top-left cell's value to every cell of the range; a formula's cached value is used, a formula
 * without one is YR_READ_ERR_FORMAT at its row naming the cell). fmt.sheet is the sheet's name.
 * The grid does not refer to the book: the book may be closed before the grid is freed. */
yr_read_status xlsx_sheet_grid(xlsx_book *b, size_t i, grid *out, yr_read_error *err);

void xlsx_close(xlsx_book *b);

#endif
