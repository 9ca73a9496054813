/* The kickback per course day and municipality (pot.h: yr_pot_by_day).
 *
 * The (day, municipality) pairs of the trainer records are sorted out once, with each pair's
 * exact entitlement sum over its records of pot_d × share / S_d (whole part, remainder over the
 * day's reduced denominator D_d, as lib/pot.c computes the year's). The whole units are then a
 * table — rows the municipalities, columns the days that distribute a pot — rounded by
 * yr_split_table's machinery (internal/table_flow.h): each column must reach its day's pot,
 * each row its municipality's kickback (fixed by yr_pot_finish), each cell the floor or ceiling
 * of its entitlement. When no such table exists the flow placed as many units as any table can
 * (a maximum flow); the rest of each row goes to its open cells with the largest remainders. */
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/pot.h"
#include "internal/pot_acc.h"
#include "internal/table_flow.h"
#include "internal/where.h"

typedef struct pair_key {
    size_t day, mun, idx;
} pair_key;

static int key_cmp(const void *pa, const void *pb)
{
    const pair_key *a = pa, *b = pb;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    if (a->mun != b->mun)
        return a->mun < b->mun ? -1 : 1;
    return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Trainer record k's entitlement added to the pair (remainder over the day's den, carried). */
static void add_record(const yr_pot *pot, size_t k, pot_pair *p)
{
    const yr_trainer *t = &pot->tr[k];
    const pot_day *day = &pot->days[t->day];
    if (day->pot_red == 0) /* not a distributing day */
        return;
    yr_u128 e = (yr_u128)day->pot_red * (uint64_t)pot->rules.share[t->role];
    p->whole += (uint64_t)(e / day->den);
    p->rem += e % day->den; /* < 2 den <= 2^128 */
    if (p->rem >= day->den) {
        p->rem -= day->den;
        p->whole++;
    }
}

/* The pairs, sorted by day then municipality, into pot->pairs. */
static yr_status make_pairs(yr_pot *pot)
{
    size_t n = pot->ntr, np = 0;
    pair_key *keys = n <= SIZE_MAX / sizeof *keys ? malloc((n ? n : 1) * sizeof *keys) : NULL;
    pot_pair *pairs = n <= SIZE_MAX / sizeof *pairs ? malloc((n ? n : 1) * sizeof *pairs) : NULL;
    if (keys == NULL || pairs == NULL) {
        free(keys);
        free(pairs);
        return YR_ERR_NOMEM;
    }
    for (size_t k = 0; k < n; k++)
        keys[k] = (pair_key){pot->tr[k].day, pot->tr[k].municipality, k};
    qsort(keys, n, sizeof *keys, key_cmp);
    for (size_t k = 0; k < n; k++) {
        if (np == 0 || pairs[np - 1].day != keys[k].day ||
            pairs[np - 1].municipality != keys[k].mun)
            pairs[np++] = (pot_pair){keys[k].day, keys[k].mun, 0, keys[k].idx, 0, 0};
        pairs[np - 1].trainers++;
        add_record(pot, keys[k].idx, &pairs[np - 1]);
    }
    free(keys);
    pot->pairs = pairs;
    pot->npairs = np;
    return YR_OK;
}

YR_API yr_status yr_pot_by_day_count(yr_pot *pot, size_t *n)
{
    if (pot == NULL || n == NULL)
        return YR_ERR_NULL;
    if (!pot->finished)
        return YR_ERR_RANGE;
    if (pot->pairs == NULL && make_pairs(pot) != YR_OK)
        return YR_ERR_NOMEM;
    *n = pot->npairs;
    return YR_OK;
}

/* ---- the table ------------------------------------------------------------------------------ */

/* Rows and columns of the table: municipalities and distributing days with a pair, in index
 * order; row_of / col_of map an index to its row / column (SIZE_MAX: none). */
typedef struct grid {
    size_t *row_of, *col_of, *mun_of, *day_of;
    size_t nr, nc;
} grid;

static void grid_free(grid *g)
{
    free(g->row_of);
    free(g->col_of);
}

static yr_status grid_make(const yr_pot *pot, grid *g)
{
    size_t nm = pot->nmun, nd = pot->ndays;
    memset(g, 0, sizeof *g);
    if (nm > SIZE_MAX / 2 / sizeof(size_t) || nd > SIZE_MAX / 2 / sizeof(size_t))
        return YR_ERR_NOMEM;
    g->row_of = malloc(2 * (nm ? nm : 1) * sizeof(size_t));
    g->col_of = malloc(2 * (nd ? nd : 1) * sizeof(size_t));
    if (g->row_of == NULL || g->col_of == NULL) {
        grid_free(g);
        return YR_ERR_NOMEM;
    }
    g->mun_of = g->row_of + nm;
    g->day_of = g->col_of + nd;
    memset(g->row_of, 0xff, nm * sizeof(size_t));
    memset(g->col_of, 0xff, nd * sizeof(size_t));
    for (size_t p = 0; p < pot->npairs; p++) {
        const pot_pair *q = &pot->pairs[p];
        if (pot->days[q->day].pot_red != 0) {
            g->row_of[q->municipality] = 0;
            g->col_of[q->day] = 0;
        }
    }
    for (size_t m = 0; m < nm; m++)
        if (g->row_of[m] == 0) {
            g->mun_of[g->nr] = m;
            g->row_of[m] = g->nr++;
        }
    for (size_t d = 0; d < nd; d++)
        if (g->col_of[d] == 0) {
            g->day_of[g->nc] = d;
            g->col_of[d] = g->nc++;
        }
    return YR_OK;
}

/* The floors, the open cells, the days' pots still to place and the municipalities' units still
 * to take. */
static void fill_flow(const yr_pot *pot, const grid *g, yr_table_work *w)
{
    yr_flow *f = &w->f;
    for (size_t c = 0; c < g->nc; c++)
        f->want[c] = (size_t)(pot->rules.pot_part * pot->days[g->day_of[c]].people);
    for (size_t r = 0; r < g->nr; r++)
        w->goal[r] = (size_t)pot->rows[g->mun_of[r]].kickback;
    for (size_t p = 0; p < pot->npairs; p++) {
        const pot_pair *q = &pot->pairs[p];
        if (pot->days[q->day].pot_red == 0)
            continue;
        size_t r = g->row_of[q->municipality], c = g->col_of[q->day];
        f->want[c] -= (size_t)q->whole;
        w->goal[r] -= (size_t)q->whole;
        f->cell[r * g->nc + c] = q->rem != 0 ? CELL_OPEN : 0;
    }
}

/* When no table reaches every day's pot: each municipality still short takes its open cells
 * not yet rounded up, largest remainder (over L) first, then the earlier day. */
static void fill_rest(const grid *g, const yr_u128 *rem_l, yr_table_work *w)
{
    yr_flow *f = &w->f;
    for (size_t r = 0; r < g->nr; r++) {
        while (f->deg[r] < w->goal[r]) {
            size_t best = SIZE_MAX;
            for (size_t c = 0; c < g->nc; c++) {
                size_t k = r * g->nc + c;
                if ((f->cell[k] & (CELL_OPEN | CELL_UP)) == CELL_OPEN &&
                    (best == SIZE_MAX || rem_l[k] > rem_l[r * g->nc + best]))
                    best = c;
            }
            /* best exists: a municipality's units never exceed its open cells */
            f->cell[r * g->nc + best] |= CELL_UP;
            f->deg[r]++;
            f->load[best]++;
        }
    }
}

/* The remainders over L of the open cells (for fill_rest); NULL when out of memory. */
static yr_u128 *remainders(const yr_pot *pot, const grid *g)
{
    size_t cells = g->nr * g->nc;
    yr_u128 *rem_l = cells <= SIZE_MAX / sizeof *rem_l ? calloc(cells, sizeof *rem_l) : NULL;
    for (size_t p = 0; rem_l != NULL && p < pot->npairs; p++) {
        const pot_pair *q = &pot->pairs[p];
        const pot_day *day = &pot->days[q->day];
        if (day->pot_red != 0)
            rem_l[g->row_of[q->municipality] * g->nc + g->col_of[q->day]] = q->rem * day->mult;
    }
    return rem_l;
}

/* kick[p] = the whole units of pair p; *off the days that do not add up to their pot. */
static yr_status round_pairs(const yr_pot *pot, int64_t *kick, size_t *off)
{
    grid g;
    yr_table_work w;
    memset(&w, 0, sizeof w);
    *off = 0;
    if (grid_make(pot, &g) != YR_OK)
        return YR_ERR_NOMEM;
    if (g.nr > 0 && (g.nc > SIZE_MAX / g.nr || yr_table_work_alloc(&w, g.nr, g.nc) != YR_OK)) {
        grid_free(&g);
        return YR_ERR_NOMEM;
    }
    yr_status st = YR_OK;
    if (g.nr > 0) {
        fill_flow(pot, &g, &w);
        if (!yr_table_reach_goal(&w)) {
            yr_u128 *rem_l = remainders(pot, &g);
            st = rem_l != NULL ? YR_OK : YR_ERR_NOMEM;
            if (st == YR_OK)
                fill_rest(&g, rem_l, &w);
            free(rem_l);
        }
        for (size_t c = 0; c < g.nc; c++)
            *off += w.f.load[c] != w.f.want[c];
    }
    for (size_t p = 0; st == YR_OK && p < pot->npairs; p++) {
        const pot_pair *q = &pot->pairs[p];
        int up = pot->days[q->day].pot_red != 0 &&
                 (w.f.cell[g.row_of[q->municipality] * g.nc + g.col_of[q->day]] & CELL_UP);
        kick[p] = (int64_t)q->whole + up;
    }
    if (g.nr > 0)
        yr_table_work_free(&w);
    grid_free(&g);
    return st;
}

/* ---- the entries ---------------------------------------------------------------------------- */

/* Pair p's entitlement as a reduced quota; 0 when its denominator does not fit int64. */
static int pair_quota(const yr_pot *pot, const pot_pair *q, yr_pot_day_share *e)
{
    const pot_day *day = &pot->days[q->day];
    yr_u128 den = 1, rem = 0;
    if (day->pot_red != 0 && q->rem != 0) {
        yr_u128 g = yr_gcd_u128(q->rem, day->den);
        den = day->den / g;
        rem = q->rem / g;
    }
    if (den > INT64_MAX)
        return 0;
    e->quota_whole = (int64_t)q->whole;
    e->quota_rem = (int64_t)rem;
    e->quota_den = (int64_t)den;
    return 1;
}

YR_API yr_status yr_pot_by_day_where(yr_pot *pot, yr_pot_day_share *out, size_t n, size_t *days_off,
                                     yr_where *where)
{
    yr_where_clear(where);
    if (pot == NULL || out == NULL)
        return yr_where_arg(where, YR_ERR_NULL, pot == NULL ? "pot" : "out");
    size_t count;
    yr_status st = yr_pot_by_day_count(pot, &count);
    if (st == YR_ERR_RANGE)
        return yr_where_arg_why(where, st, "pot", YR_WHY(YR_REASON_NOT_SETTLED, 0));
    if (st != YR_OK)
        return yr_where_arg(where, st, NULL);
    if (n != count)
        return yr_where_arg_why(
            where, YR_ERR_RANGE, "n",
            YR_WHY_NAMED(YR_REASON_COUNT_MISMATCH, NULL,
                         "(day, municipality) pairs with trainers (yr_pot_by_day_count)",
                         n > (size_t)INT64_MAX ? INT64_MAX : (int64_t)n, (int64_t)count));
    yr_pot_day_share e;
    for (size_t p = 0; p < count; p++)
        if (!pair_quota(pot, &pot->pairs[p], &e))
            return yr_where_why(where, YR_ERR_OVERFLOW, pot->pairs[p].first, YR_WHERE_NONE,
                                "trainers", YR_WHY(YR_REASON_PAIR_DENOMINATOR_PAST, 0));
    int64_t *kick = malloc((count ? count : 1) * sizeof *kick);
    size_t off = 0;
    st = kick != NULL ? round_pairs(pot, kick, &off) : YR_ERR_NOMEM;
    if (st != YR_OK) {
        free(kick);
        return yr_where_arg(where, st, NULL);
    }
    for (size_t p = 0; p < count; p++) {
        const pot_pair *q = &pot->pairs[p];
        (void)pair_quota(pot, q, &e);
        e.day = q->day;
        e.municipality = q->municipality;
        e.trainers = q->trainers;
        e.kickback = kick[p];
        out[p] = e;
    }
    if (days_off != NULL)
        *days_off = off;
    free(kick);
    return YR_OK;
}

YR_API yr_status yr_pot_by_day(yr_pot *pot, yr_pot_day_share *out, size_t n, size_t *days_off)
{
    return yr_pot_by_day_where(pot, out, n, days_off, NULL);
}
