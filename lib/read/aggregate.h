/* The sums behind the aggregate rule (private to libyrkesresa-read; aggregate.c). */
#ifndef YRKESRESA_READ_AGGREGATE_H
#define YRKESRESA_READ_AGGREGATE_H

#include "internal.h"

__extension__ typedef __int128 rd_i128;
__extension__ typedef unsigned __int128 rd_u128;

#define RD_COUNTIES 32

/* An aggregate row's check while the sums are being made. */
typedef struct rd_pending {
    yr_aggregate_check c;
    rd_i128 stated, sum;
    rd_i128 before; /* a total: the sum of the data rows above it (over 10^sdexp) */
    int sdexp, resolved, present, county;
    size_t first, last;
    size_t next_data; /* a total: the first data row below it, or YR_READ_NONE */
} rd_pending;

/* The running sums of one input column, over 10^dexp. */
typedef struct rd_acc {
    size_t col;
    int dexp;
    rd_i128 total, run, nation, max;
    rd_i128 county[RD_COUNTIES];
    size_t n, run_n, run_first, run_last, max_row;
    int neg;
    rd_pending *open_total; /* the last total, until a data row comes below it */
    rd_i128 block;          /* the data rows since the previous total (rd_acc::blocks) */
    size_t block_n, block_first, block_last;
    int blocks; /* 1: each total sums its own block (a table that keeps several years: a
                   statement's year blocks, each with its Summa, and the block 'all') */
} rd_acc;

void rd_acc_init(rd_acc *a, size_t col);
/* Add a data row's value (mcode: its municipality code, or -1; in_nation: the row is a part of
 * the nation, a municipality in a table of municipalities or a county in a table of counties).
 * With @p guess (the unlabelled-sum guess applies to the column), *equals_run: the value equals
 * the sum of the two or more data rows since the previous aggregate (then nothing is added, for
 * the caller to report the run as it is); without it the value is always added. -1 on
 * overflow. */
int rd_acc_data(rd_acc *a, size_t row, yr_value v, int mcode, int in_nation, int guess,
                int *equals_run);
/* An aggregate row: its pending check (a subtotal is resolved at once); the run restarts. */
int rd_acc_aggregate(rd_acc *a, rd_pending *p, size_t row, int kind, yr_value v, int ccode);
/* x / 10^k as text. */
const char *rd_fixed(rd_i128 x, int k, char *dst, size_t cap);

/* The level of a table (YR_PLACE_*) and the kind of a row (label: rd_label_kind). */
int rd_level(const int16_t *place, const int8_t *label, size_t n);
int rd_kind_of(int label, int place_enc, int level);

/* What the checks need to know of the rows. */
typedef struct rd_rows_ctx {
    const void *ctx;
    size_t (*line)(const void *ctx, size_t row);
    const char *(*label)(const void *ctx, size_t row, char *dst, size_t cap);
    size_t nrows, ndata, first_data, last_data;
    const uint8_t *present_mun; /* per county: municipalities present (distinct) */
    int nation_complete;        /* every part of the nation is in the table */
    const uint8_t *mun;         /* 10000 flags: the municipalities present (NULL: not known) */
    int level;                  /* the table's level (YR_PLACE_*) */
} rd_rows_ctx;

/* Resolve the pending checks of one column: fills out[] (the public checks), marks the rows a
 * disagreement leaves out (ignore[row] = 1 with YR_TOTALS_IGNORE) or fails. @p input: the column
 * is an input (not YR_WANT_CHECKED). */
yr_read_status rd_resolve(const rd_rows_ctx *rc, const rd_acc *a, rd_pending *p, size_t np,
                          int input, yr_totals totals, const char *colname, yr_aggregate_check *out,
                          uint8_t *ignore, yr_read_error *err);
/* The unlabelled sum of all other data rows (after every row was added). */
yr_read_status rd_guess_others(const rd_rows_ctx *rc, const rd_acc *a, const char *colname,
                               yr_read_error *err);
/* The unlabelled sum of the rows above (at the row where equals_run was set). */
void rd_guess_fail(const rd_rows_ctx *rc, const rd_acc *a, size_t row, const char *colname,
                   yr_read_error *err);

#endif
