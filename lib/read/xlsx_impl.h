/* Shared by xlsx.c (the book), xlsx_sheet.c (a sheet as a grid), xlsx_xml.c (zip entries through
 * expat) and xlsx_value.c (numbers, dates, number formats). Private to libyrkesresa-read. */
#ifndef YRKESRESA_READ_XLSX_IMPL_H
#define YRKESRESA_READ_XLSX_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <expat.h>
#include <zip.h>

#include "xlsx.h"

/* ------------------------------------------------------------------ errors */

/* Fill @p err (may be NULL): status, line (0: none), 0-based column (YR_READ_NONE: none), the
 * cell reference ("" or NULL: none) and the message, cut at a character boundary. Returns @p st. */
yr_read_status xlsx_fail(yr_read_error *err, yr_read_status st, size_t line, size_t col,
                         const char *ref, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Room for element @p n of *items (capacity *cap, elements of @p size bytes), doubling from
 * @p min; 0 when memory runs out. */
int xlsx_grow(void **items, size_t n, size_t *cap, size_t size, size_t min);
/* Append s[0..n) to *buf (length *len, capacity *cap), keeping a byte free after it for a NUL;
 * 0 when memory runs out. */
int xlsx_append(char **buf, size_t *len, size_t *cap, const char *s, size_t n);

/* ------------------------------------------------------- zip entries through expat */

/* What an element's name is in: XNS_NONE (no namespace), the SpreadsheetML main namespace
 * (transitional or strict), the officeDocument relationships namespace of r:id attributes,
 * the package relationships namespace of .rels parts, or another (extensions: ignored). */
enum { XNS_NONE = 0, XNS_MAIN, XNS_REL, XNS_PKG, XNS_FOREIGN };

typedef struct xml_run xml_run;

/* One parse of one part: the caller sets the handlers and ud; xlsx_xml.c the rest. Handlers are
 * not called again once a handler has failed (xml_fail). */
struct xml_run {
    void (*start)(xml_run *r, int ns, const char *name, const char **attrs);
    void (*end)(xml_run *r, int ns, const char *name);
    void (*text)(xml_run *r, const char *s, size_t len);
    void *ud;
    const char *part;   /* the part's name, for messages */
    yr_read_error *err; /* where a failure goes */
    yr_read_status st;  /* YR_READ_OK until a handler or the parse fails */
    XML_Parser parser;
    unsigned depth;
};

/* A failure inside a handler: fills r->err (unless one is already there) and stops the parse.
 * The message is prefixed with nothing: say the part or the cell yourself. */
void xml_fail(xml_run *r, yr_read_status st, size_t line, size_t col, const char *ref,
              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* The value of attribute @p name in namespace @p ns (XNS_NONE for an unprefixed one), or NULL. */
const char *xml_attr(const char **attrs, int ns, const char *name);

/* 1 when an element in @p ns is one this reader reads (no namespace, SpreadsheetML, package
 * relationships); elements of other namespaces (x14, mc, ...) are extensions. */
int xml_ours(int ns);

/* The archive, read from the caller's bytes (borrowed). */
typedef struct xzip {
    zip_t *za;
    size_t len;      /* the archive's size: no entry's compressed data is larger */
    size_t inflated; /* bytes inflated so far, all entries (<= YR_READ_MAX_BYTES) */
} xzip;

/* Parse part @p name (case-insensitive, as OPC names are) through @p r. Absent: *found = 0 and
 * YR_READ_OK, or YR_READ_ERR_FORMAT when @p required. The entry is inflated in chunks and fed to
 * expat as it comes; nothing the zip declares about sizes is trusted. */
yr_read_status xzip_parse(xzip *z, const char *name, int required, xml_run *r, int *found);

/* 1 when the archive holds part @p name. */
int xzip_has(const xzip *z, const char *name);

/* --------------------------------------------------------- numbers, dates, formats */

/* How a cell style shows a number; XF_STRUCK is or-ed in when its font is struck through. */
enum { XF_GENERAL = 0, XF_PERCENT, XF_DATE, XF_TIME, XF_STRUCK = 0x80 };

/* The class of built-in number format @p id (ECMA-376 §18.8.30): 9, 10 percent; 14-17, 22
 * dates; 18-21, 45-47 times; the rest general (49 is '@', text: a number in it is a number). */
int xv_builtin_class(long id);
/* The class of a custom format code (see xlsx_value.c for the tokens). */
int xv_format_class(const char *code);
/* The longest literal xv_format_info() gives, with its NUL. */
#define XV_LITERAL_MAX 32
/* xv_format_class() and what else the format does to a number it shows: *thousands, the powers
 * of 1000 it divides the number by (commas after its last digit placeholder: '#,##0,' shows
 * 319427 as 319, '0.0,,' in millions; the most of its number sections), and @p literal, the
 * text it writes beside the number in its first number section ("tkr" of '#,##0 "tkr"', "kr"
 * of '#,##0\ "kr"' and of '[$kr-41D] #,##0', "%" of '0"%"'), blanks around it dropped, "" for
 * none (XV_LITERAL_MAX bytes). Dates and times: 0 and "". */
int xv_format_info(const char *code, int *thousands, char *literal);

/* The longest text xv_number_text() writes, with its NUL. */
#define XV_TEXT_MAX 48
/* The shortest decimal that reads back as @p v, without an exponent unless it needs more than
 * 18 decimals or 18 integer digits ("1E+300", "1.5E-19"). Returns its length. */
size_t xv_number_text(double v, char *dst);
/* The same text as xv_number_text() gives for the double of decimal s[0..n) when the decimal has
 * at most 15 significant digits and no exponent (what Excel writes for typed numbers): then the
 * decimal itself, leading and trailing zeros dropped, is the shortest text of its double (two
 * such decimals never round to one double: DBL_DIG). 0 when it is not such a decimal. */
size_t xv_plain_text(const char *s, size_t n, char *dst);
/* Read an xsd:double as Excel writes it ("-1.5", "2.5E-3"); 0 when it is not one or is not
 * finite. Uses the current (thread's) locale: callers set the C locale. */
int xv_parse_number(const char *s, size_t n, double *v);

/* A serial date with a date (XF_DATE) or time (XF_TIME) format as text: "2024-02-06",
 * "2024-02-06 08:30:00", or "08:30:00" for a time of day. Returns the length, 0 when the value
 * is not shown as a date (XF_TIME of a day or more, or below 0: a plain number), or -1 for
 * serial 60 of the 1900 system (Excel's 1900-02-29) and -2 for a day outside 1900..9999. */
int xv_serial_text(double serial, int date1904, int cls, char *dst);
/* An ISO 8601 date cell (t="d": "2024-02-06T08:30:00") in the same form; -1 when invalid. */
int xv_iso_text(const char *s, size_t n, char *dst);

/* Decode Excel's _xHHHH_ escapes of an ST_Xstring in place; returns the new length. */
size_t xv_unescape(char *s, size_t n);

/* A cell reference "B7": 0-based column into *col (up to 16383 and beyond, to report it),
 * 1-based row into *row. 0 when it is not a reference. */
int xv_parse_ref(const char *s, uint32_t *col, uint32_t *row);
/* "B7" from a 0-based column and 1-based row (dst >= 16). */
void xv_ref(size_t col, size_t row, char *dst);

/* ------------------------------------------------------------------------ the book */

/* A number format that changes what a number shows: it divides it by 1000^thousands, or writes
 * a literal beside it (xv_format_info()). */
typedef struct xlsx_shows {
    char *code;
    int thousands;
    char literal[XV_LITERAL_MAX];
} xlsx_shows;

struct xlsx_book {
    xzip z;
    int date1904;
    int stale_formulas; /* calcPr fullCalcOnLoad: the saved formula values are not computed ones
                           (libxlsxwriter, XlsxWriter and openpyxl write 0 or nothing) */
    size_t nsheets;
    struct xlsx_sheet_info {
        char *name;
        char *part; /* the sheet's part in the zip */
        int hidden; /* state="hidden" or "veryHidden" */
    } * sheets;
    /* shared strings: string i is sst[off[i] .. off[i+1]) */
    char *sst;
    uint32_t *sst_off;
    size_t nsst;
    int have_sst;
    /* styles: cellXfs index -> XF_* (| XF_STRUCK), and -> 1 + the index in shows (0: a plain
     * number) */
    uint8_t *xf;
    uint16_t *xf_shows;
    size_t nxf;
    xlsx_shows *shows; /* the custom formats that scale or label numbers */
    size_t nshows;
};

/* The sheet parser (xlsx_sheet.c). */
yr_read_status xlsx_parse_sheet(xlsx_book *b, size_t i, grid *out, yr_read_error *err);

#endif
