/* xlsx workbooks as grids (private to libyrkesresa-read): libzip reads the archive from memory,
 * expat parses the XML. Untrusted input: every entry is inflated in bounded chunks (never
 * trusting the sizes the zip declares) up to YR_READ_MAX_BYTES in all and YR_READ_MAX_RATIO
 * times its compressed size; DOCTYPEs are refused (no external entity is ever resolved, no
 * entity expanded).
 *
 * What a sheet's cells become (grid.h's types):
 *   - shared strings (runs concatenated, phonetic runs left out), inline strings and formula
 *     strings: GRID_TEXT with quoted = 1 (a cell Excel shows as text stays text: "0114",
 *     "22986" typed as text); Excel's _xHHHH_ escapes decoded (_x000D_ is CR); an empty string
 *     is GRID_EMPTY;
 *   - numbers: GRID_NUMBER, the shortest decimal that reads back as the double, without an
 *     exponent unless it needs more than 18 decimals or 18 integer digits ("22986", "0.77",
 *     "0.30000000000000004" for Excel's 0.1+0.2, "1E-19"); percent formats (9, 10, custom with
 *     '%'): GRID_PERCENT with the value (0.77 for 77 %); a number in a '@' (text) format stays
 *     a number, as Excel shows it. A number means what its format shows: a format that divides
 *     it by powers of 1000 (a comma after its last digit placeholder: '#,##0,' shows 319427 as
 *     319, '0,, "Mkr"') gives GRID_SCALED, which never reads as a number (the reader refuses it
 *     naming the format, grid_xlsx_format()); a literal beside the number that the grammar reads
 *     as a unit is written after it, as if typed ('#,##0 "tkr"': "290 tkr"; '#,##0\ "kr"':
 *     "1250 kr"; '0"%"': GRID_PERCENT 0.77 for 77), one that names a scale without a unit
 *     ("tusen kr") too (it then does not read as a number), other literals ("personer") are left
 *     out;
 *   - dates by the cell's number format (built-in 14-17 and 22, custom formats with y or d, or
 *     m without h or s): GRID_DATE "2024-02-06", "2024-02-06 08:30:00" when the time (rounded to
 *     the second) is not zero; the 1900 system with Excel's 29 February 1900 (serial 60 is an
 *     error at the cell, 1-59 and 61- are the true days), or the 1904 system when the workbook
 *     says date1904; a day outside 1900..9999 is an error at the cell; in the 1900 system a
 *     value below 1 (Excel's "1900-01-00") is a time of day, "08:30:00";
 *   - times (built-in 18-21, 45-47, custom formats of h, m, s, AM/PM, [h]): a value in [0, 1)
 *     is GRID_DATE "HH:MM:SS" (a time of day: not a day); other values are durations, plain
 *     GRID_NUMBER;
 *   - t="d" (ISO 8601 text) in the same forms; booleans "TRUE"/"FALSE"; error values as Excel
 *     shows them ("#N/A");
 *   - formulas: the value Excel saved with them. A formula without one, or any formula in a
 *     workbook that asks Excel to compute every formula again on opening (calcPr
 *     fullCalcOnLoad: libxlsxwriter, XlsxWriter and openpyxl save 0 or nothing) is an error at
 *     the cell: "cell C7 of sheet 'Blad1' has a formula without a computed value: open the file
 *     in Excel and save it again".
 * Records are the sheet's rows 1 .. the last row with a value; a record has cells up to its last
 * non-empty one. Merged ranges give their top-left cell's value (or emptiness) to every cell of
 * the range, within the sheet's extent (its last row and column with a value before merging:
 * a title merged over A1:XFD1 fills only the table's columns). Cell errors say "cell C7 of sheet
 * 'NAME' ..." with err->line the row, err->column the 0-based column and err->cell_ref "C7";
 * errors of a part name it ("xl/worksheets/sheet1.xml: ..."), with line 0. Messages are one line
 * of valid UTF-8 whatever the workbook's text in them. */
#ifndef YRKESRESA_READ_XLSX_H
#define YRKESRESA_READ_XLSX_H

#include "grid.h"

typedef struct xlsx_book xlsx_book;

/* Open a workbook: the zip, xl/workbook.xml (sheet names, order, the 1904 date system),
 * xl/_rels/workbook.xml.rels (each sheet's part), xl/sharedStrings.xml, xl/styles.xml (which
 * cell styles are dates or percentages: built-in formats 9, 10, 14-22, 45-47 and custom formats
 * with y/m/d/h/s outside quotes and brackets, or '%'; and whose font of <fonts> has <strike/>,
 * the grid_cell's struck). The workbook part is the one _rels/.rels
 * names (xl/workbook.xml without it); relationship targets may be relative ("..") or absolute.
 * The bytes are borrowed: they must outlive the book (not its grids). Errors:
 * YR_READ_ERR_FORMAT naming the part ("xl/workbook.xml: ..."; a damaged or truncated zip, a
 * missing part, XML that is not well-formed or not UTF-8, a DOCTYPE, an encrypted entry, a
 * compression other than store and deflate, two sheets of one name, a sheet outside the package),
 * _LIMIT (1 GiB of XML, the ratio, an XML tag over 1 MiB, a shared string over 1 MiB), _NOMEM;
 * YR_READ_ERR_NULL for a NULL @p out, or NULL @p bytes with @p len > 0. @p err may be NULL. */
yr_read_status xlsx_open(const void *bytes, size_t len, xlsx_book **out, yr_read_error *err);

/* Sheets in workbook order (hidden ones included: they are sheets, and --sheet may name them). */
size_t xlsx_nsheets(const xlsx_book *b);
const char *xlsx_sheet_name(const xlsx_book *b, size_t i);
/* 1 when sheet @p i is hidden (state "hidden" or "veryHidden"): never chosen by default. */
int xlsx_sheet_hidden(const xlsx_book *b, size_t i);

/* Sheet @p i as a grid (records = rows 1..last row with a cell; merged ranges give their
 * top-left cell's value to every cell of the range; a formula's cached value is used, a formula
 * without one is YR_READ_ERR_FORMAT at its row naming the cell). fmt.sheet is the sheet's name.
 * The grid does not refer to the book: the book may be closed before the grid is freed. A chart
 * sheet is an empty grid. Errors besides those of xlsx_open: a cell that does not read (above),
 * a column beyond XFD (_LIMIT), rows or cells out of order or twice, overlapping merged ranges,
 * merged ranges covering more than max(2^24, 4 x the cells) cells (_LIMIT), elements nested
 * more than 256 deep. */
yr_read_status xlsx_sheet_grid(xlsx_book *b, size_t i, grid *out, yr_read_error *err);

void xlsx_close(xlsx_book *b);

#endif
