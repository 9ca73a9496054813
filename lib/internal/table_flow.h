/* Private: the rounding machinery of yr_split_table (lib/table.c), shared with the tables that
 * have other quotas: yr_split_table_mixed (an equal part per item, lib/table_model.c) and the
 * trainer pot's per-day kickbacks (lib/pot_by_day.c). Never installed.
 *
 * A caller writes the floors of its exact cell quotas into its output table and describes what
 * is left: which cells have a fractional quota (CELL_OPEN), how many units each column still
 * needs (want), each row's bounds (lo, up_ok: floor and ceiling of the row quota, minus the
 * floors of its cells), each row's goal (its target row minus the floors) and the ranking of the
 * rows whose row quota is fractional. yr_table_settle() then rounds as yr_split_table() documents
 * (include/yrkesresa/table.h): the goals when some table reaches them all, else the greedy base.
 * The quotas must be a fractional solution: every column's quotas add up to a whole number. */
#ifndef YR_INTERNAL_TABLE_FLOW_H
#define YR_INTERNAL_TABLE_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa/common.h"
#include "internal/apportion.h"
#include "internal/wide.h"

enum { CELL_OPEN = 1, CELL_UP = 2 };

typedef struct yr_flow {
    size_t n, m;
    uint8_t *cell; /* row-major: cell[i * m + j] */
    size_t *deg;   /* units party i has taken */
    size_t *lo;    /* party i's lower bound (row floor); hi = lo + up_ok */
    uint8_t *up_ok;
    uint8_t *settled;
    size_t *want; /* column j: units to place */
    size_t *load; /* column j: units placed */
    size_t *mark; /* n + m nodes: the search stamp, or DEAD */
    size_t *parent;
    size_t *queue;
    size_t *cursor; /* column j: where its last scan found a target */
    size_t stamp;
} yr_flow;

/* The working memory of one table (every allocation up front, so nothing fails half-way). */
typedef struct yr_table_work {
    yr_flow f;
    int64_t *lr;  /* the target rows (largest-remainder shares of the grand total) */
    size_t *goal; /* lr - floors, in units */
    size_t *order;
    yr_rem *rank; /* the parties whose row quota is fractional, in ranking order */
    size_t nrank;
} yr_table_work;

/* yr_split_table_where()'s checks of its arguments (where written on error); on YR_OK *grand is
 * the sum of the totals and *wsum of the weights. YR_ERR_ZERO_WEIGHT (all weights 0, a total not
 * 0) is the last check: when it is returned every other argument is valid. */
yr_status yr_table_check(const int64_t *totals, size_t m, const int64_t *weights, size_t n,
                         const int64_t *out, yr_where *where, uint64_t *grand, yr_u128 *wsum);

/* Allocate for n rows and m columns (cells, deg, load, settled, mark, cursor zeroed; nrank 0).
 * YR_OK or YR_ERR_NOMEM (then nothing is allocated). */
yr_status yr_table_work_alloc(yr_table_work *w, size_t n, size_t m);
void yr_table_work_free(yr_table_work *w);

/* 1 when every row reached its goal with every column at its want (a table with the target
 * rows exists); 0 when not: then the units placed are a maximum, and no column is over. */
int yr_table_reach_goal(yr_table_work *w);

/* Round the table: the goals when reachable, else the greedy base in the ranking; then add the
 * units to the floors in out (row-major n x m). Cannot fail. */
void yr_table_settle(yr_table_work *w, int64_t *out);

/* The rows of the split items of items[0..m) (rate items are left out), for their audit: each
 * party's largest-remainder share of the split items' grand total on its exact row quota (lr;
 * ties: larger weight, then earlier party), the floor of that quota (row_floor) and whether it
 * is fractional (row_frac). The input must have passed yr_split_items(); YR_OK, YR_ERR_OVERFLOW
 * or YR_ERR_NOMEM (outputs then untouched). */
struct yr_item;
yr_status yr_items_rows(const struct yr_item *items, size_t m, const int64_t *weights, size_t n,
                        int64_t *lr, int64_t *row_floor, uint8_t *row_frac);

#endif
