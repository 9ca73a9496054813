/* The interpretation's private parts (libyrkesresa-read): the table, messages, the number
 * grammar and the alias table, shared by table.c, grammar.c, roles.c, aggregate.c and
 * reading.c. Nothing here is exported. */
#ifndef YRKESRESA_READ_INTERNAL_H
#define YRKESRESA_READ_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"
#include "yrkesresa/identity.h"
#include "yrkesresa/read.h"

#if defined(__GNUC__)
#define RD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define RD_PRINTF(a, b)
#endif

/* ------------------------------------------------------------------ text (text.c) */

/* 10^0 .. 10^18. */
extern const int64_t rd_pow10[19];

/* Fill @p err (may be NULL): status, line, column NONE, message from fmt cut at a character
 * boundary so it fits (valid UTF-8, one line). */
yr_read_status rd_fail(yr_read_error *err, yr_read_status st, size_t line, const char *fmt, ...)
    RD_PRINTF(4, 5);
void rd_vfail(yr_read_error *err, yr_read_status st, size_t line, const char *fmt, va_list ap);
/* @p s[0..len) for a message: trimmed, control characters as '?', invalid UTF-8 as '?', at most
 * @p max bytes then "…"; always NUL-terminated in @p dst (cap >= max + 8). */
const char *rd_show(char *dst, size_t cap, const char *s, size_t len, size_t max);
/* Length of the valid UTF-8 sequence at s[0..n), 0 when invalid. */
size_t rd_utf8_len(const unsigned char *s, size_t n);
/* Offset of the first invalid UTF-8 byte, or n. */
size_t rd_utf8_invalid_at(const char *p, size_t n);
/* The longest prefix of s[0..k) that does not end in a cut UTF-8 sequence. */
size_t rd_utf8_whole(const char *s, size_t k);
/* An array of @p bytes (zeroed with @p zero) that free() frees: a row's or a line's entries of a
 * whole table. From 1 MiB on Linux it is rounded up to whole 2 MiB and asked to be backed by
 * huge pages: a fault a 2 MiB instead of one a 4 KiB page (about 20 ms less for the arrays of
 * 10^6 rows on a VM where a fault is dear; at most 1 MiB more resident an array), and fewer TLB
 * misses for the random accesses of the row keys' slots. */
void *rd_alloc_rows(size_t bytes, int zero);
/* The bytes of @p w (eight) equal to the byte of @p c (c times 0x01..01): their high bits,
 * exactly (every equal byte is flagged, and no other). */
static inline uint64_t rd_bytes_equal(uint64_t w, uint64_t c)
{
    const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
    uint64_t y = w ^ c;
    return ~(((y & low7) + low7) | y) & ~low7;
}
/* Trim ASCII blanks, TAB, CR, LF, NBSP, U+2007, U+2009, U+202F, U+3000, U+FEFF, U+200B from both
 * ends: returns the new length, *start the offset. */
size_t rd_trim_any(const char *s, size_t len, size_t *start);
static inline size_t rd_trim(const char *s, size_t len, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len > 0 && u[0] > ' ' && u[0] < 0x80 && u[len - 1] > ' ' && u[len - 1] < 0x80) {
        if (start != NULL) /* the common case, inline: printable ASCII at both ends */
            *start = 0;
        return len;
    }
    return rd_trim_any(s, len, start);
}
/* 1 when s[0..len) is blank (rd_trim() gives 0): a first byte of printable ASCII settles it. */
static inline int rd_is_blank(const char *s, size_t len)
{
    size_t st;
    unsigned char u0 = len > 0 ? (unsigned char)s[0] : 0;
    return !(u0 > ' ' && u0 < 0x80) && rd_trim_any(s, len, &st) == 0;
}
/* The blank (as rd_trim) starting at s[0..n): its length in bytes, or 0. */
size_t rd_blank_at(const unsigned char *s, size_t n);
/* Case-insensitive (ASCII and Latin-1 letters) comparison of a word at s with @p lower (lower
 * case UTF-8); returns the bytes of s matched, 0 when not a match. */
size_t rd_prefix_fold(const char *s, size_t len, const char *lower);
/* ASCII and Latin-1 lower case copy of s[0..len) into dst (cap), NUL-terminated; returns length */
size_t rd_fold(const char *s, size_t len, char *dst, size_t cap);

/* A growable byte arena. */
typedef struct rd_buf {
    char *p;
    size_t len, cap;
} rd_buf;
int rd_buf_add(rd_buf *b, const void *s, size_t n);
/* Room for n more bytes and a NUL after len. */
int rd_buf_reserve(rd_buf *b, size_t n);
int rd_buf_printf(rd_buf *b, const char *fmt, ...) RD_PRINTF(2, 3);

/* ------------------------------------------------------------ the grammar (grammar.c) */

/* A cell's number split into its parts (no column decision yet). */
enum { RD_CAT_INT = 0, RD_CAT_DEC, RD_CAT_GROUPED, RD_CAT_AMB };
typedef struct rd_num {
    int neg;
    char d[40]; /* the digits, without separators */
    int nd;
    char sc[24]; /* the separators in order: '.', ',' or ' ' (any blank) */
    int sp[24];  /* how many digits come before each */
    int ns;
    int unit; /* RD_UNIT_* written in the cell */
    int cat;  /* RD_CAT_*: an integer, a decimal, grouped thousands, or "22.986" (ambiguous) */
    char group, dec; /* the grouping char (' ' for blanks) and the decimal char, when known */
} rd_num;

enum {
    RD_UNIT_NONE = 0,
    RD_UNIT_KR,
    RD_UNIT_TKR,
    RD_UNIT_MKR,
    RD_UNIT_THOUSANDS, /* tusental */
    RD_UNIT_ST,
    RD_UNIT_PERCENT,
    RD_UNIT_SHARE
};

/* The unit (RD_UNIT_*) that s[0..n) is as a whole ("tkr", "Mkr", "kr", ":-", "st", "%",
 * "procent", any case), as the grammar reads it after a number; RD_UNIT_NONE when none. */
int rd_unit_word(const char *s, size_t n);
/* Parse a numeric cell into parts: 0, or -1 when it is not a number at all. */
int rd_num_parse(const char *s, size_t len, rd_num *n);
/* The fast path of the grammar: a cell that is (trimmed) 1 to 18 ASCII digits and nothing else:
 * their count, *val their value; 0 for any other cell (parse it with rd_num_parse). */
int rd_plain_digits(const char *s, size_t len, int64_t *val);
/* The common cell: plain digits without a leading 0 (a text or xlsx number cell): 1 and *val
 * its value, else 0. In a column where rd_plain_reads() (whole or decimal numbers, no unit in
 * the header), rd_read_cell() reads it as its digits whatever else the column decided, so a
 * pass may keep the value for a later one. */
int rd_plain_cell(const char *s, size_t len, int type, int64_t *val);
/* rd_plain_cell()'s rule on rd_plain_digits()' result: 1 when it has no leading 0. */
int rd_plain_lead(int nd, int64_t val);

/* How one column's cells are read, decided over the whole column (rule 5). */
typedef struct rd_colfmt {
    yr_kind kind;
    yr_read_role role;
    int unit;       /* the header's unit (RD_UNIT_*) */
    int share_mode; /* SHARE: 1 share (0-1), 2 percent (0-100), 3 by % in every cell */
    char group;     /* the grouping mark decided for '.' / ',' (0: none) */
    char decimal;   /* the decimal mark decided (0: none seen) */
    int whole_only; /* the role takes no fraction */
    int money;      /* the role takes kr/tkr/Mkr */
    int count;      /* the role takes st/tusental */
    int date1904;
    char file_dec;   /* the file's decimal mark when its delimiter says it (';': ','), or 0 */
    int blank_is_no; /* BOOL: the column marks yes with X, so blank is no */
} rd_colfmt;
/* See rd_plain_cell(). */
int rd_plain_reads(const rd_colfmt *f);

/* Start a column's format from its role and header. */
void rd_colfmt_init(rd_colfmt *f, yr_read_role role, yr_kind kind, const char *header);
/* Observe one cell of the column (before values are read): decides grouping and the decimal
 * mark. Returns YR_READ_OK or an error status with err (line and column filled by caller). */
typedef struct rd_colobs {
    int n4[3];      /* cells of >= 4 digits: [0] ungrouped, [1] grouped with '.', [2] with ',' */
    int blankgroup; /* cells grouped with blanks */
    int amb[2];     /* ambiguous cells "22.986" [0] '.', [1] ',' */
    int dec[2];     /* cells that show '.' [0] or ',' [1] as a decimal mark */
    int pct, nopct; /* share columns: cells with and without % */
    int small_frac, big; /* share columns: values 0 < v < 1, values > 1 */
} rd_colobs;
void rd_colobs_add(rd_colobs *o, const rd_num *n);
/* Decide the column's marks from the observations; error when the grouping cannot be decided. */
yr_read_status rd_colfmt_decide(rd_colfmt *f, const rd_colobs *o, char *why, size_t cap);
/* After rd_colfmt_decide() gave "0"/"1" (with 'u': a whole-number column whose header's unit
 * scales it): why the separator is undecidable and what to do, for the message. */
const char *rd_colfmt_doubt(const char *why);
/* Read a cell in the column's format; the type is the grid's. On error: a reason in @p why
 * (a sentence without the cell, e.g. "a fraction in a whole-number column"). */
int rd_year_is_all(const char *s, size_t len);
yr_read_status rd_read_cell(const rd_colfmt *f, const char *s, size_t len, int type, yr_value *v,
                            char *why, size_t cap);
/* The place of the last digit a numeric cell is written to, in the column's format, as a power
 * of ten of the unit values are read in (kronor): 'Belopp (tkr)' 290 and '290 tkr' are 3, 0,290
 * under 'Kostnad (Mkr)' is 3, 850 000 is 0, 120,50 is -2. 0, or -1 when the cell is blank or
 * not a number. */
int rd_cell_exp10(const rd_colfmt *f, const char *s, size_t len, int type, int *exp10);
/* A value over den 10^k reduced to the smallest power of ten. */
void rd_value_norm(yr_value *v);

/* ------------------------------------------------------------------ roles (roles.c) */

/* The unit a header names (RD_UNIT_*), and whether it says share or percent. */
int rd_header_unit(const char *h);
/* When header h names two different units (kr, tkr, Mkr, percent) and its unit position (a
 * last part in parentheses, or after its last comma) does not name one of them, or names no unit
 * but an amount ("Andel av 5 Mkr"): why, into dst ("names two units, 'Mkr' and 'tkr'"), and its
 * length; else 0. */
size_t rd_header_unit_clash(const char *h, char *dst, size_t cap);
/* A unit-like part of header h that the reader does not know ("xyz" of "Belopp (xyz)", "EUR"
 * of "Belopp i EUR"): its length (0: none) and *start its offset in h. */
size_t rd_header_odd_unit(const char *h, size_t *start);
/* 1 when the header is a code, id, number, period or year column (never a weight). */
int rd_header_is_code(const char *h);
/* 1 when header h names @p role by a whole word of it ("Betalande kommun"), not by its key, and
 * names no other role so: a candidate beside the columns the alias table finds. */
int rd_role_by_word(const char *h, yr_read_role role);
/* The aliases of a role joined by ", " into dst (for "looked for ..."). */
void rd_role_aliases(yr_read_role r, char *dst, size_t cap);
/* A role by name of len bytes (ROLE of ROLE=HEADER); YR_ROLE_NONE when unknown. */
yr_read_role rd_role_by_name(const char *name, size_t len);
/* 1 when the role's column is an input a total can be checked against (numeric). */
int rd_role_summable(yr_read_role r);
/* 1 when the unlabelled-sum guess applies (population, weight, money). */
int rd_role_guess_sum(yr_read_role r);
/* Label kinds: 0 none, else YR_ROW_TOTAL / SUBTOTAL / NATION (a county only by its name), or
 * RD_LABEL_STATISTIC (a mean, median, extreme, share or count of the rows: never a party, never
 * a sum, an error). */
enum { RD_LABEL_STATISTIC = 8 };
int rd_label_kind(const char *s, size_t len);
/* The column whose cell labels a row (Summa, Delsumma, ...): the municipality column, else the
 * first course, item or question column, else the first column. */
size_t rd_label_col(const yr_table *t);
/* 1 when the first non-blank cell starts with a note word. */
int rd_is_note(const char *s, size_t len);
/* The column named by a `--column ROLE=#N` entry's HEADER "#N" (N counted from 1), or 0 when
 * @p want is no such position. */
size_t rd_column_position(const char *want);

/* ------------------------------------------------------------------ the table */

typedef struct rd_col {
    yr_read_role role;
    unsigned flags;
    int wanted;
    rd_colfmt fmt;
} rd_col;

/* A cell copied because the grid gave it in its scratch (quotes undone). */
typedef struct rd_saved {
    uint32_t row, col;
    uint32_t off, len;
} rd_saved;

struct yr_table {
    grid g;
    size_t ncols;
    char **header; /* ncols, NUL-terminated, trimmed, in hdr_arena */
    rd_buf hdr_arena;
    rd_col *cols;
    size_t header_rec;
    size_t nrows;
    uint32_t *rows; /* record of each row; NULL when row r is record rows_first + r */
    size_t rows_first;
    uint8_t *kinds; /* yr_row_kind of each row */
    size_t ndata;
    uint32_t *aggr; /* rows that are aggregates, ascending */
    size_t naggr;
    int16_t *place; /* per row: -1 other, code (municipality), 10000 + county, 20000 nation */
    size_t name_col, code_col, year_col;
    rd_buf saved_arena;
    rd_saved *saved;
    size_t nsaved;
    yr_span *spans;
    size_t nspans;
    yr_aggregate_check *checks;
    size_t nchecks;
    size_t main_col;    /* the column named in the reading, or NONE */
    int level;          /* YR_PLACE_MUNICIPALITY / COUNTY / OTHER */
    size_t nation_have; /* distinct municipalities among the data rows */
    size_t other_years;
    size_t nsheets; /* xlsx: the workbook's sheets (the reading names the sheet when 2+) */
    int year;
    size_t bytes;  /* the input's size (the memory the reading may add is measured by it) */
    int32_t *vals; /* per row: column vals_col's value when it is whole and fits (blank: 0),
                      else RD_NOVAL; NULL when not kept (see values.c) */
    size_t vals_col;
    int keys_unique;   /* pass 1 found every row's key unique (rd_uniq_early) */
    rd_buf keys;       /* official names' keys (yr_identity.key of known places) */
    uint32_t *key_off; /* per place slot: offset+1 in keys, lazily at read time */
    grid_scratch scratch_init;
};

/* A row whose value is not kept in yr_table.vals (read from its cell again). */
#define RD_NOVAL INT32_MIN

/* The record of row @p row. */
static inline size_t rd_rec(const yr_table *t, size_t row)
{
    return t->rows != NULL ? t->rows[row] : t->rows_first + row;
}

/* The cells of row @p row (data/aggregate) into out (cap): count. */
size_t rd_row_cells(const yr_table *t, size_t row, grid_cell *out, size_t cap, grid_scratch *sc);
/* Cell (@p row, @p col) as the grid gives it (a cell unquoted into a scratch: as saved, else
 * ""); valid until yr_table_free(). */
grid_cell rd_cell_at(const yr_table *t, size_t row, size_t col);
/* unread.c: the columns nobody reads (units, shares, who takes part, kinds of people, items). */
yr_read_status rd_check_unread(const yr_table *t, const yr_read_options *opt, yr_read_error *err);
/* The line of record @p rec. */
size_t rd_rec_line(const yr_table *t, size_t rec);
/* Read cell (row, col) of a wanted column. */
yr_read_status rd_cell_value(const yr_table *t, size_t row, size_t col, yr_value *v);

/* 1 when header @p h says absence: who was away (Frånvaro, Frånvarande, Absent, Uteblev,
 * Avbokad, No-show, 'Ej närvarande', 'Inte deltagit', 'Not present'); such a column is never
 * the presence role (columns.c). */
int rd_header_says_absence(const char *h);
/* 1 when the key of header @p h (yr_header_key) has one of @p stems (NULL-terminated). */
int rd_header_has_stem(const char *h, const char *const *stems);
/* columns.c: the header record, its names and the columns' roles. */
yr_read_status rd_columns(yr_table *t, const yr_read_options *opt, grid_cell **cells, size_t *cap,
                          grid_scratch *sc, yr_read_error *err);
/* The header record rule 2 finds without header_row, or YR_READ_NONE. */
size_t rd_header_candidate(const grid *g, const yr_read_options *opt, grid_cell **cells,
                           size_t *cap, grid_scratch *sc, size_t *first);
/* sheet.c: the sheet of a workbook as the table's grid. */
yr_read_status rd_open_sheet(const void *bytes, size_t len, const yr_read_options *opt, yr_table *t,
                             yr_read_error *err);
/* values.c, reading.c, report.c */
yr_read_status rd_read_values(yr_table *t, const yr_read_options *opt, grid_cell **cells,
                              size_t *cap, grid_scratch *sc, uint8_t *ignore, yr_read_error *err);
/* Value num / den (den > 0) as out[i] over *common, the least common denominator of out[0..i)
 * (1 when i is 0), which is rescaled first when den does not divide it (yr_read_common_den's
 * rule); 0 when the denominator or a value does not fit int64 (then out and *common are
 * unspecified). */
int rd_common_put(int64_t *out, size_t i, int64_t num, int64_t den, int64_t *common);
yr_read_status rd_column_values(const yr_table *t, size_t col, int64_t *out, int64_t *den,
                                yr_read_error *err);
/* Pass 1: when one wanted column is read by the grammar and it is of whole or decimal numbers,
 * t->vals (of @p nrec rows, when they take at most a quarter of the input) keeps a row's plain
 * value (rd_plain_cell, else -1) when every wanted cell of the row is @p filled (none blank,
 * none unquoted into the scratch), else RD_NOVAL (rd_vals_keep); pass 5 then reads such a data row
 * without its cells when the column's format reads plain digits as themselves (rd_plain_reads). */
void rd_vals_early(yr_table *t, size_t nrec);
void rd_vals_keep(yr_table *t, size_t row, int filled, int64_t plain);
yr_read_status rd_finish(yr_table *t, uint8_t *rk, const uint8_t *ignore, yr_read_error *err);
yr_read_status rd_make_place_keys(yr_table *t);
/* The column the reading names: the first wanted input column of numbers, in want order. */
void rd_choose_main(yr_table *t, const yr_read_options *opt);
yr_read_status rd_frame_identities(const char *const *labels, size_t n, const int16_t *place,
                                   const yr_row_kind *kinds, int other_parties, uint8_t *present,
                                   size_t *nmun, yr_read_error *err);
/* "column 'H'" or, in a workbook, "cell B7 (column 'H')". */
const char *rd_where_col(const yr_table *t, size_t rec, size_t col, char *dst, size_t cap);

/* aggregate.c: kinds of the rows (t->kinds), then the checks of the input columns. */
yr_read_status rd_classify_rows(yr_table *t, const yr_read_options *opt, const int8_t *label,
                                yr_read_error *err);
/* 1 when column @p col is a wanted, numeric input or checked column of a summable role: the
 * columns an aggregate row states a sum in. A table without one is a table of records. */
int rd_col_summed(const yr_table *t, size_t col);
yr_read_status rd_check_aggregates(yr_table *t, const yr_read_options *opt, yr_read_error *err);
/* aggregate.c: a share said twice (a share column beside its count and base) must agree. */
yr_read_status rd_check_ratios(const yr_table *t, yr_read_error *err);
/* reading.c: uniqueness of the row key, the "one of the 290" rule, the spans. */
/* Uniqueness of the row key, row by row (NULL from open: nothing is unique). */
typedef struct rd_uniq rd_uniq;
yr_read_status rd_uniq_open(const yr_table *t, rd_uniq **out);
yr_read_status rd_uniq_add(rd_uniq *u, size_t row, const grid_cell *cells, size_t n,
                           yr_read_error *err);
yr_read_status rd_uniq_flush(rd_uniq *u, yr_read_error *err);
void rd_uniq_close(rd_uniq *u);
/* Pass 1 (scan_records): when the row key is the identity alone, every row's key goes into a
 * table of @p rows as the row is found (NULL: the key has other columns, or no key), with the
 * name key rd_place_of_key() computed (@p nk, NULL when not at hand), so pass 5 need not key
 * the rows again. Two rows with one key are no error here (one of them may be an aggregate):
 * rd_uniq_end_early() returns 0 and pass 5 checks the data rows; 1 when every key was unique
 * (t->keys_unique). Closes @p u. */
rd_uniq *rd_uniq_early(const yr_table *t, size_t rows);
yr_read_status rd_uniq_add_early(rd_uniq *u, size_t row, const grid_cell *cells, size_t n,
                                 const char *nk, size_t nkl, yr_read_error *err);
int rd_uniq_end_early(rd_uniq *u, yr_read_error *err, yr_read_status *st);
yr_read_status rd_check_places(yr_table *t, const yr_read_options *opt, yr_read_error *err);
/* Where the error is: line, column, cell reference and the "column 'H'" part. */
void rd_at_cell(const yr_table *t, yr_read_error *err, size_t rec, size_t col);
/* The place code of a row key (int16 encoding above) for a cell of the name/code column. */
int rd_place_encode(yr_place p, int code);
yr_place rd_place_decode(int v, int *code);
/* The identity key of row @p row into dst (cap >= 3 * cell + 1), length returned; known places
 * give the official name's key. */
size_t rd_row_key(const yr_table *t, size_t row, char *dst, size_t cap, grid_scratch *sc);
/* yr_place_of() of s[0..len) (not NULL) that also gives the name key it computed: *klen its
 * whole length, key[0..*klen) the key when *klen <= cap (cap >= RD_PLACE_KEY_MIN). */
enum { RD_PLACE_KEY_MIN = 160 };
yr_read_status rd_place_of_key(const char *s, size_t len, yr_place *place, int *code, char *key,
                               size_t cap, size_t *klen, yr_read_error *err);
/* The name key of s[0..len): ASCII fast path, else yr_name_key(); dst cap >= 3 * len + 1. */
size_t rd_name_key(const char *s, size_t len, char *dst, size_t cap);

#endif
