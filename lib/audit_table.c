/* Audit of a multi-item table split (audit.h: yr_audit_table). The expected table is
 * yr_split_items()'s; the rows' rule and quotas come from the same code (internal/table_flow.h:
 * yr_items_rows), the cells' quotas from yr_item_quota(). Two passes over the cells and rows:
 * the first checks that every sum, difference and quota fits, the second writes. */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/audit.h"
#include "internal/table_flow.h"
#include "internal/where.h"
#include "internal/wide.h"

static const char *const verdict_texts[YR_TABLE_VERDICT_COUNT] = {
    "reproduces the table split (yr_split_table)",
    "keeps the rules of a table split (yr_split_table) but rounds other cells up",
    "breaks the rules of a table split (yr_split_table)",
};

YR_API const char *yr_table_verdict_text(yr_table_verdict verdict)
{
    if ((unsigned)verdict >= YR_TABLE_VERDICT_COUNT)
        return NULL;
    return verdict_texts[verdict];
}

/* What the audit computes before it looks at the published table. */
typedef struct expect {
    int64_t *table;     /* yr_split_items()'s table, n x m */
    int64_t *alone;     /* each column split on its own, n x m */
    int64_t *totals;    /* yr_split_items()'s item totals */
    int64_t *lr;        /* the rows' largest-remainder shares */
    int64_t *row_floor; /* floor of each row quota */
    uint8_t *row_frac;  /* row quota fractional */
    int64_t wsum;
} expect;

static void expect_free(expect *e)
{
    free(e->table);
    free(e->totals);
    free(e->lr);
    free(e->row_frac);
}

static yr_status expect_alloc(expect *e, size_t m, size_t n)
{
    memset(e, 0, sizeof *e);
    if (n > SIZE_MAX / sizeof(int64_t) / (2 * m))
        return YR_ERR_NOMEM;
    e->table = malloc(2 * n * m * sizeof *e->table);
    e->totals = malloc(m * sizeof *e->totals);
    e->lr = malloc(2 * n * sizeof *e->lr);
    e->row_frac = malloc(n ? n : 1);
    if (!e->table || !e->totals || !e->lr || !e->row_frac) {
        expect_free(e);
        return YR_ERR_NOMEM;
    }
    e->alone = e->table + n * m;
    e->row_floor = e->lr + n;
    return YR_OK;
}

/* Column j split on its own (the largest-remainder split an audit of that column expects). */
static yr_status split_alone(const yr_item *it, const int64_t *weights, size_t n, size_t m,
                             size_t j, int64_t *alone)
{
    int64_t *tmp = malloc(n * sizeof *tmp);
    if (tmp == NULL)
        return YR_ERR_NOMEM;
    yr_status st = it->rate_den > 0
                       ? yr_rate_item(it->rate_num, it->rate_den, weights, n, tmp, NULL)
                       : yr_split_mixed(it->total, it->equal_num, it->equal_den, weights, n, tmp);
    for (size_t i = 0; st == YR_OK && i < n; i++)
        alone[i * m + j] = tmp[i];
    free(tmp);
    return st;
}

/* Everything the published table is compared with. */
static yr_status expect_all(const yr_item *items, size_t m, const int64_t *weights, size_t n,
                            expect *e, yr_where *where)
{
    yr_status st = yr_split_items_where(items, m, weights, n, e->table, e->totals, where);
    if (st != YR_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (__builtin_add_overflow(e->wsum, weights[i], &e->wsum))
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "weights",
                                    YR_WHY(YR_REASON_SUM_PAST, 0));
    st = yr_items_rows(items, m, weights, n, e->lr, e->row_floor, e->row_frac);
    for (size_t j = 0; st == YR_OK && j < m; j++)
        st = split_alone(&items[j], weights, n, m, j, e->alone);
    return st == YR_OK ? YR_OK : yr_where_arg(where, st, NULL);
}

/* ---- cells and columns ---------------------------------------------------------------------- */

/* Cell (i, j); 0 when its quota or difference does not fit. */
static int audit_cell(const yr_item *it, int64_t w, const expect *e, size_t n, int64_t pub,
                      int64_t want, yr_audit_cell *c)
{
    yr_quota q;
    if (yr_item_quota(it, w, e->wsum, n, &q) != YR_OK ||
        __builtin_sub_overflow(pub, want, &c->diff))
        return 0;
    c->quota_whole = q.whole;
    c->quota_rem = q.rem;
    c->quota_den = q.den;
    c->expected = want;
    if (it->rate_den > 0)
        c->within_quota = pub == want;
    else
        c->within_quota =
            pub == q.whole || (q.rem != 0 && q.whole < INT64_MAX && pub == q.whole + 1);
    return 1;
}

/* Column j: its cells (written to cells when not NULL) and its findings. */
static yr_status audit_column(const yr_item *items, size_t m, size_t j, const int64_t *weights,
                              size_t n, const int64_t *pub, const expect *e, yr_audit_item *out,
                              yr_audit_cell *cells, yr_where *where)
{
    yr_audit_item a = {items[j].total, e->totals[j], 0, 0, 0, 0, 0};
    yr_i128 sum = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = i * m + j;
        yr_audit_cell cell;
        if (!audit_cell(&items[j], weights[i], e, n, pub[c], e->table[c], &cell))
            return yr_where_why(where, YR_ERR_OVERFLOW, i, j, "published",
                                YR_WHY(YR_REASON_CELL_PAST, pub[c], e->table[c]));
        sum += pub[c];
        a.cells_differing += cell.diff != 0;
        a.cells_off_quota += !cell.within_quota;
        a.cells_off_alone += pub[c] != e->alone[c];
        if (cells != NULL)
            cells[c] = cell;
    }
    yr_i128 diff = sum - a.stated_total;
    if (sum > INT64_MAX || sum < INT64_MIN)
        return yr_where_why(where, YR_ERR_OVERFLOW, YR_WHERE_NONE, j, "published",
                            YR_WHY(YR_REASON_COLUMN_SUM_PAST, 0));
    if (diff > INT64_MAX || diff < INT64_MIN)
        return yr_where_why(where, YR_ERR_OVERFLOW, YR_WHERE_NONE, j, "published",
                            YR_WHY(YR_REASON_COLUMN_DIFF_PAST, (int64_t)sum, a.stated_total));
    a.published_sum = (int64_t)sum;
    a.sum_diff = (int64_t)diff;
    *out = a;
    return YR_OK;
}

/* ---- rows ------------------------------------------------------------------------------------ */

/* A statement's own columns (each may be NULL). */
typedef struct stmt_cols {
    const int64_t *total, *fees, *kickback, *net;
} stmt_cols;

/* i128 into int64; 0 when it does not fit. */
static int fit(yr_i128 v, int64_t *out)
{
    if (v > INT64_MAX || v < INT64_MIN)
        return 0;
    *out = (int64_t)v;
    return 1;
}

/* Row i (written to *out); the argument at fault when something does not fit, else NULL. */
static const char *audit_row(const yr_item *items, size_t m, size_t i, const int64_t *pub,
                             const expect *e, const stmt_cols *sc, yr_audit_table_row *out)
{
    yr_i128 split = 0, all = 0;
    for (size_t j = 0; j < m; j++) {
        all += pub[i * m + j];
        split += items[j].rate_den > 0 ? 0 : pub[i * m + j];
    }
    yr_audit_table_row r = {0};
    int64_t want = 0;
    for (size_t j = 0; j < m; j++)
        want += items[j].rate_den > 0 ? 0 : e->table[i * m + j]; /* >= 0, within the totals */
    r.expected = want;
    r.largest_remainder = e->lr[i];
    if (!fit(split, &r.published) || !fit(all, &r.items_sum) || !fit(split - want, &r.diff))
        return "published";
    r.within_quota =
        r.published == e->row_floor[i] || (e->row_frac[i] && r.published == e->row_floor[i] + 1);
    if (sc->total != NULL && !fit((yr_i128)sc->total[i] - all, &r.total_diff))
        return "stated_total";
    if (sc->net != NULL) {
        yr_i128 f = sc->fees ? sc->fees[i] : 0, k = sc->kickback ? sc->kickback[i] : 0;
        if (!fit(all + f - k, &r.net_expected))
            return sc->fees ? "fees" : "kickback";
        if (!fit((yr_i128)sc->net[i] - r.net_expected, &r.net_diff))
            return "net";
    }
    *out = r;
    return NULL;
}

/* ---- the audit ------------------------------------------------------------------------------- */

static void count_row(const yr_audit_table_row *r, yr_audit_table_summary *s)
{
    s->rows_off_rule += r->diff != 0 || !r->within_quota;
    s->rows_not_lr += r->published != r->largest_remainder;
    s->rows_total_off += r->total_diff != 0;
    s->rows_net_off += r->net_diff != 0;
}

static yr_table_verdict verdict_of(const yr_audit_table_summary *s)
{
    if (s->columns_off || s->cells_off_quota || s->rows_off_rule || s->rows_total_off ||
        s->rows_net_off)
        return YR_TABLE_BREAKS_RULES;
    return s->cells_differing ? YR_TABLE_KEEPS_RULES : YR_TABLE_REPRODUCED;
}

/* Pass 1 (write 0: nothing written but the counts) or pass 2 (write 1). */
static yr_status audit_pass(const yr_item *items, size_t m, const int64_t *weights, size_t n,
                            const int64_t *pub, const stmt_cols *sc, const expect *e, int write,
                            yr_audit_table_summary *s, yr_audit_item *item_out,
                            yr_audit_table_row *rows, yr_audit_cell *cells, yr_where *where)
{
    memset(s, 0, sizeof *s);
    for (size_t j = 0; j < m; j++) {
        yr_audit_item a;
        yr_status st =
            audit_column(items, m, j, weights, n, pub, e, &a, write ? cells : NULL, where);
        if (st != YR_OK)
            return st;
        s->columns_off += a.sum_diff != 0 || a.published_sum != a.expected_total;
        s->cells_off_quota += a.cells_off_quota;
        s->cells_differing += a.cells_differing;
        if (write && item_out != NULL)
            item_out[j] = a;
    }
    for (size_t i = 0; i < n; i++) {
        yr_audit_table_row r;
        const char *bad = audit_row(items, m, i, pub, e, sc, &r);
        if (bad != NULL)
            return yr_where_why(where, YR_ERR_OVERFLOW, i, YR_WHERE_NONE, bad,
                                YR_WHY(YR_REASON_ROW_ARITH_PAST, 0));
        count_row(&r, s);
        if (write && rows != NULL)
            rows[i] = r;
    }
    s->verdict = verdict_of(s);
    return YR_OK;
}

YR_API yr_status yr_audit_table_where(const yr_item *items, size_t nitems, const int64_t *weights,
                                      size_t nparties, const int64_t *published,
                                      const int64_t *stated_total, const int64_t *fees,
                                      const int64_t *kickback, const int64_t *net,
                                      yr_audit_table_summary *summary, yr_audit_item *item_out,
                                      yr_audit_table_row *rows, yr_audit_cell *cells,
                                      yr_where *where)
{
    yr_where_clear(where);
    yr_status st = yr_where_null(where, 4, (const void *[]){items, weights, published, summary},
                                 (const char *const[]){"items", "weights", "published", "summary"});
    if (st != YR_OK)
        return st;
    if (nitems == 0 || nparties == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, nitems == 0 ? "items" : "weights",
                                YR_WHY(YR_REASON_EMPTY, 0));
    expect e;
    if (expect_alloc(&e, nitems, nparties) != YR_OK)
        return yr_where_arg(where, YR_ERR_NOMEM, NULL);
    const stmt_cols sc = {stated_total, fees, kickback, net};
    yr_audit_table_summary s;
    st = expect_all(items, nitems, weights, nparties, &e, where);
    if (st == YR_OK)
        st = audit_pass(items, nitems, weights, nparties, published, &sc, &e, 0, &s, NULL, NULL,
                        NULL, where);
    if (st == YR_OK) /* cannot fail: pass 1 saw every value */
        (void)audit_pass(items, nitems, weights, nparties, published, &sc, &e, 1, summary, item_out,
                         rows, cells, NULL);
    expect_free(&e);
    return st;
}

YR_API yr_status yr_audit_table(const yr_item *items, size_t nitems, const int64_t *weights,
                                size_t nparties, const int64_t *published,
                                const int64_t *stated_total, const int64_t *fees,
                                const int64_t *kickback, const int64_t *net,
                                yr_audit_table_summary *summary, yr_audit_item *item_out,
                                yr_audit_table_row *rows, yr_audit_cell *cells)
{
    return yr_audit_table_where(items, nitems, weights, nparties, published, stated_total, fees,
                                kickback, net, summary, item_out, rows, cells, NULL);
}
