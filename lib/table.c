/* Multi-item tables and two-level splits (SPEC §5).
 *
 * yr_split_table: every cell starts at the floor of its exact quota; what is left is a 0/1
 * transportation problem. Column j needs k_j more units, each from a different party whose cell
 * quota is fractional (an "open" cell); party i must take between lo_i and hi_i of them (its row
 * then lies between floor and ceil of its row quota). The quotas themselves are a fractional
 * solution, so an integral one exists (a flow polytope with integral data is integral).
 *
 * 1. Target the largest-remainder rows: party i takes exactly d_i = L_i - F_i units (L_i the
 *    yr_split share of the grand total, F_i the sum of its floors). A greedy fill (each party in
 *    turn takes the open columns with the most units still wanted: Ryser's construction, which
 *    never fails when all cells are open and some table exists), then augmenting paths from the
 *    parties still short to the columns still short. When none is left short, done.
 * 2. Otherwise no table has the largest-remainder rows (a maximum flow is below the sum of the
 *    k_j). The sets of parties that can be rounded up together then form the bases of a matroid
 *    (the integral points of a base polyhedron inside a unit box), and the greedy base in the
 *    largest-remainder ranking is computed: first any full table with every row within its
 *    bounds, then down the ranking each party not yet rounded up is raised through an augmenting
 *    path that lowers a party ranked below it that is not yet settled, when one exists.
 *
 * A search that fails marks everything it reached as dead for the rest of its phase: the set of
 * targets only shrinks within a phase and a later augmenting path never passes through a dead
 * node, so dead nodes can never reach a target again. Failed searches cost O(cells) per phase. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "yrkesresa/split.h"
#include "yrkesresa/table.h"
#include "internal/apportion.h"
#include "internal/table_flow.h"
#include "internal/where.h"
#include "internal/wide.h"

typedef yr_flow flow;

/* What a search may end at. */
typedef enum target {
    TO_SPARE,       /* a column still short */
    TO_SPARE_OR_LO, /* a column still short, or a party above its lower bound */
    TO_UNSETTLED_UP /* a party rounded up, not yet settled by the greedy pass */
} target;

#define DEAD SIZE_MAX

static int is_target(const flow *f, size_t node, target t)
{
    if (node >= f->n) {
        size_t j = node - f->n;
        return t != TO_UNSETTLED_UP && f->load[j] < f->want[j];
    }
    if (t == TO_SPARE_OR_LO)
        return f->deg[node] > f->lo[node];
    if (t == TO_UNSETTLED_UP)
        return !f->settled[node] && f->up_ok[node] && f->deg[node] > f->lo[node];
    return 0;
}

/* Apply the path found by search(): u gains a unit; the path ends at node (a column that gains
 * a unit, or a party that gives one up). A party's parent is the column it gives up, a column's
 * parent the party that takes it. */
static void augment(flow *f, size_t u, size_t node)
{
    size_t n = f->n, j;
    if (node < n) {
        j = f->parent[node] - n;
        f->cell[node * f->m + j] &= (uint8_t)~CELL_UP;
        f->deg[node]--;
    } else {
        j = node - n;
        f->load[j]++;
    }
    for (;;) {
        size_t r = f->parent[n + j];
        f->cell[r * f->m + j] |= CELL_UP;
        if (r == u) {
            f->deg[u]++;
            return;
        }
        j = f->parent[r] - n;
        f->cell[r * f->m + j] &= (uint8_t)~CELL_UP;
    }
}

/* Visit node from its parent; 1 when it is new and not dead. */
static int visit(flow *f, size_t node, size_t from, size_t *tail)
{
    if (f->mark[node] == f->stamp || f->mark[node] == DEAD)
        return 0;
    f->mark[node] = f->stamp;
    f->parent[node] = from;
    f->queue[(*tail)++] = node;
    return 1;
}

/* Breadth-first search for an augmenting path from party u: a party moves to an open column it
 * has not taken, a column to a party that has taken it. Returns 1 after augmenting, 0 (and
 * everything reached is dead) when no target is reachable. */
static int search(flow *f, size_t u, target t)
{
    const size_t n = f->n, m = f->m;
    size_t head = 0, tail = 0;
    f->stamp++;
    f->mark[u] = f->stamp;
    f->queue[tail++] = u;
    while (head < tail) {
        size_t x = f->queue[head++];
        if (x < n) {
            for (size_t j = 0; j < m; j++) {
                if ((f->cell[x * m + j] & (CELL_OPEN | CELL_UP)) == CELL_OPEN &&
                    visit(f, n + j, x, &tail) && is_target(f, n + j, t)) {
                    augment(f, u, n + j);
                    return 1;
                }
            }
        } else {
            size_t j = x - n;
            const uint8_t *col = f->cell + j;
            for (size_t k = 0, v = f->cursor[j]; k < n; k++, v = v + 1 < n ? v + 1 : 0) {
                if ((col[v * m] & CELL_UP) && visit(f, v, x, &tail) && is_target(f, v, t)) {
                    f->cursor[j] = v;
                    augment(f, u, v);
                    return 1;
                }
            }
        }
    }
    for (size_t k = 0; k < tail; k++)
        f->mark[f->queue[k]] = DEAD;
    return 0;
}

/* Forget the dead nodes (the target set of the next phase is not a subset of this one's). */
static void new_phase(flow *f)
{
    memset(f->mark, 0, (f->n + f->m) * sizeof *f->mark);
    f->stamp = 0;
}

/* Step 1's greedy fill: each party in turn takes the open columns that still want the most units.
 * order[0..m) keeps the columns sorted by units still wanted, ties in their previous order; after
 * a party, the columns it took (still sorted among themselves) are merged back with the others
 * (tmp: 4m entries, the two lists with their previous positions). */
static void greedy_fill(flow *f, const size_t *goal, size_t *order, size_t *tmp)
{
    const size_t n = f->n, m = f->m;
    size_t *took = tmp, *took_at = tmp + m, *rest = tmp + 2 * m, *rest_at = tmp + 3 * m;
    for (size_t i = 0; i < n; i++) {
        size_t got = 0, nrest = 0;
        for (size_t p = 0; p < m; p++) {
            size_t j = order[p];
            if (got < goal[i] && f->load[j] < f->want[j] && (f->cell[i * m + j] & CELL_OPEN)) {
                f->cell[i * m + j] |= CELL_UP;
                f->load[j]++;
                took_at[got] = p;
                took[got++] = j;
            } else {
                rest_at[nrest] = p;
                rest[nrest++] = j;
            }
        }
        f->deg[i] = got;
        if (got == 0)
            continue;
        for (size_t a = 0, b = 0, p = 0; p < m; p++) { /* stable merge, most wanted first */
            int first = b == nrest;
            if (!first && a < got) {
                size_t la = f->want[took[a]] - f->load[took[a]];
                size_t lb = f->want[rest[b]] - f->load[rest[b]];
                first = la > lb || (la == lb && took_at[a] < rest_at[b]);
            }
            order[p] = first ? took[a++] : rest[b++];
        }
    }
}

/* Step 1: 1 when every party reached its goal (the largest-remainder row). */
static int reach_goal(flow *f, const size_t *goal, size_t *order)
{
    for (size_t j = 0; j < f->m; j++)
        order[j] = j;
    greedy_fill(f, goal, order, order + f->m);
    new_phase(f);
    int all = 1;
    for (size_t i = 0; i < f->n; i++) {
        while (f->deg[i] < goal[i] && search(f, i, TO_SPARE))
            ;
        all &= f->deg[i] == goal[i];
    }
    return all;
}

/* The parties whose row quota is fractional, in ranking order (larger remainder, then larger
 * weight, then earlier party), sorted lazily: the passes below usually stop part-way down. */
typedef struct ranking {
    yr_rem *a;
    size_t n, sorted; /* a[0..sorted) is in ranking order and ranks before the rest */
} ranking;

static int rank_cmp(const void *pa, const void *pb)
{
    const yr_rem *a = pa, *b = pb;
    return yr_rem_before(a, b) ? -1 : yr_rem_before(b, a);
}

/* The party at position r of the ranking (r < n): sort further in doubling chunks. */
static size_t rank_party(ranking *rk, size_t r)
{
    if (r >= rk->sorted) {
        size_t left = rk->n - rk->sorted, chunk = rk->sorted < 1024 ? 1024 : rk->sorted;
        chunk = chunk < left ? chunk : left;
        yr_select_top(rk->a + rk->sorted, left, chunk);
        qsort(rk->a + rk->sorted, chunk, sizeof *rk->a, rank_cmp);
        rk->sorted += chunk;
    }
    return rk->a[r].idx;
}

/* Step 2, first part: a full table with every row within its bounds. The parties below their
 * lower bound go first; then, down the ranking, parties take the columns still short. */
static void make_feasible(flow *f, ranking *rk)
{
    size_t short_units = 0;
    new_phase(f);
    for (size_t i = 0; i < f->n; i++) {
        while (f->deg[i] < f->lo[i]) {
            int ok = search(f, i, TO_SPARE_OR_LO);
            assert(ok && "the exact quotas are a fractional solution");
            if (!ok)
                break;
        }
    }
    for (size_t j = 0; j < f->m; j++)
        short_units += f->want[j] - f->load[j];
    for (size_t r = 0; r < rk->n && short_units > 0; r++) {
        size_t i = rank_party(rk, r);
        if (f->deg[i] == f->lo[i] && search(f, i, TO_SPARE))
            short_units--;
    }
    assert(short_units == 0);
}

/* Step 2, second part: the greedy base. Down the ranking, a party already rounded up is settled
 * so; another one is raised when a path to an unsettled rounded-up party (ranked lower) exists. */
static void greedy_base(flow *f, ranking *rk, size_t nup)
{
    new_phase(f);
    size_t done = 0;
    for (size_t r = 0; r < rk->n && done < nup; r++) {
        size_t i = rank_party(rk, r);
        if (f->deg[i] > f->lo[i] || search(f, i, TO_UNSETTLED_UP))
            done++;
        f->settled[i] = 1;
    }
}

/* ---- yr_split_table -------------------------------------------------------------------- */

typedef yr_table_work work;

void yr_table_work_free(work *w)
{
    flow *f = &w->f;
    free(f->cell);
    free(f->deg);
    free(f->lo);
    free(f->up_ok);
    free(f->settled);
    free(f->want);
    free(f->load);
    free(f->mark);
    free(f->parent);
    free(f->queue);
    free(f->cursor);
    free(w->lr);
    free(w->goal);
    free(w->order);
    free(w->rank);
}

yr_status yr_table_work_alloc(work *w, size_t n, size_t m)
{
    flow *f = &w->f;
    memset(w, 0, sizeof *w);
    f->n = n;
    f->m = m;
    size_t nodes = n + m;
    if (nodes < n || nodes > SIZE_MAX / sizeof(yr_rem) || m > SIZE_MAX / 5 / sizeof(size_t))
        return YR_ERR_NOMEM;
    f->cell = calloc(n * m, 1);
    f->deg = calloc(n, sizeof *f->deg);
    f->lo = malloc(n * sizeof *f->lo);
    f->up_ok = calloc(n, 1);
    f->settled = calloc(n, 1);
    f->want = malloc(m * sizeof *f->want);
    f->load = calloc(m, sizeof *f->load);
    f->mark = calloc(nodes, sizeof *f->mark);
    f->parent = malloc(nodes * sizeof *f->parent);
    f->queue = malloc(nodes * sizeof *f->queue);
    w->lr = malloc(n * sizeof *w->lr);
    w->goal = malloc(n * sizeof *w->goal);
    w->order = malloc(5 * m * sizeof *w->order);
    f->cursor = calloc(m, sizeof *f->cursor);
    w->rank = malloc(n * sizeof *w->rank);
    if (!f->cell || !f->deg || !f->lo || !f->up_ok || !f->settled || !f->want || !f->load ||
        !f->mark || !f->parent || !f->queue || !w->lr || !w->goal || !w->order || !w->rank ||
        !f->cursor) {
        yr_table_work_free(w);
        return YR_ERR_NOMEM;
    }
    return YR_OK;
}

/* p / d and p % d, with a 64-bit division when both fit. */
static inline yr_u128 divmod(yr_u128 p, yr_u128 d, yr_u128 *rem)
{
    if ((p >> 64) == 0 && (d >> 64) == 0) {
        uint64_t a = (uint64_t)p, b = (uint64_t)d;
        *rem = a % b;
        return a / b;
    }
    *rem = p % d;
    return p / d;
}

/* Floors into out, the open cells, the units each column wants, each party's bounds and goal. */
static void quotas(work *w, const int64_t *totals, const int64_t *weights, uint64_t grand,
                   yr_u128 wsum, int64_t *out)
{
    flow *f = &w->f;
    const size_t n = f->n, m = f->m;
    for (size_t j = 0; j < m; j++)
        f->want[j] = (size_t)totals[j];
    for (size_t i = 0; i < n; i++) {
        uint64_t wi = (uint64_t)weights[i];
        uint64_t floors = 0;
        yr_u128 r;
        for (size_t j = 0; j < m; j++) {
            uint64_t q = (uint64_t)divmod((yr_u128)(uint64_t)totals[j] * wi, wsum, &r);
            out[i * m + j] = (int64_t)q;
            f->cell[i * m + j] = r != 0 ? CELL_OPEN : 0;
            f->want[j] -= (size_t)q;
            floors += q;
        }
        uint64_t row = (uint64_t)divmod((yr_u128)grand * wi, wsum, &r);
        f->lo[i] = (size_t)(row - floors);
        f->up_ok[i] = r != 0;
        w->goal[i] = (size_t)((uint64_t)w->lr[i] - floors);
        if (r != 0) {
            w->rank[w->nrank].rem = r;
            w->rank[w->nrank].key = wi;
            w->rank[w->nrank].idx = i;
            w->nrank++;
        }
    }
}

int yr_table_reach_goal(work *w)
{
    return reach_goal(&w->f, w->goal, w->order);
}

void yr_table_settle(work *w, int64_t *out)
{
    flow *f = &w->f;
    if (!reach_goal(f, w->goal, w->order)) {
        ranking rk = {w->rank, w->nrank, 0};
        make_feasible(f, &rk);
        size_t nup = 0;
        for (size_t i = 0; i < f->n; i++)
            nup += f->deg[i] > f->lo[i];
        greedy_base(f, &rk, nup);
    }
    for (size_t c = 0; c < f->n * f->m; c++)
        out[c] += (f->cell[c] & CELL_UP) != 0;
}

static yr_status solve_table(const int64_t *totals, const int64_t *weights, size_t n, size_t m,
                             uint64_t grand, yr_u128 wsum, int64_t *out)
{
    work w;
    yr_status st = yr_table_work_alloc(&w, n, m);
    if (st != YR_OK)
        return st;
    st = yr_split((int64_t)grand, weights, n, YR_LARGEST_REMAINDER, w.lr);
    if (st == YR_OK) { /* nothing fails from here on */
        quotas(&w, totals, weights, grand, wsum, out);
        yr_table_settle(&w, out);
    }
    yr_table_work_free(&w);
    return st;
}

static size_t first_negative(const int64_t *a, size_t len)
{
    size_t i = 0;
    while (i < len && a[i] >= 0)
        i++;
    return i;
}

yr_status yr_table_check(const int64_t *totals, size_t m, const int64_t *weights, size_t n,
                         const int64_t *out, yr_where *where, uint64_t *grand, yr_u128 *wsum)
{
    const size_t NONE = YR_WHERE_NONE;
    if (totals == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, "totals");
    if (weights == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, "weights");
    if (out == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE, "out");
    if (m == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "totals", YR_WHY(YR_REASON_EMPTY, 0));
    if (n == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    if (n > SIZE_MAX / sizeof(int64_t) / m)
        return yr_where_arg_why(where, YR_ERR_OVERFLOW, "out",
                                YR_WHY(YR_REASON_TABLE_TOO_LARGE, (int64_t)n, (int64_t)m));
    size_t bad = first_negative(totals, m);
    if (bad < m)
        return yr_where_why(where, YR_ERR_NEGATIVE, NONE, bad, "totals",
                            YR_WHY(YR_REASON_NEGATIVE_ITEM, totals[bad]));
    bad = first_negative(weights, n);
    if (bad < n)
        return yr_where_why(where, YR_ERR_NEGATIVE, bad, NONE, "weights",
                            YR_WHY(YR_REASON_NEGATIVE, weights[bad]));
    uint64_t t = 0;
    for (size_t j = 0; j < m; j++) {
        t += (uint64_t)totals[j];
        if (t > (uint64_t)INT64_MAX)
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "totals",
                                    YR_WHY(YR_REASON_SUM_PAST, 0));
    }
    yr_u128 s = 0;
    for (size_t i = 0; i < n; i++)
        s += (uint64_t)weights[i];
    if (s == 0 && t != 0)
        return yr_where_arg_why(where, YR_ERR_ZERO_WEIGHT, "weights",
                                YR_WHY_NAMED(YR_REASON_ALL_ZERO, "weights", NULL, (int64_t)t));
    *grand = t;
    *wsum = s;
    return YR_OK;
}

YR_API yr_status yr_split_table_where(const int64_t *totals, size_t nitems, const int64_t *weights,
                                      size_t nparties, int64_t *out, yr_where *where)
{
    uint64_t grand;
    yr_u128 wsum;
    yr_where_clear(where);
    yr_status st = yr_table_check(totals, nitems, weights, nparties, out, where, &grand, &wsum);
    if (st != YR_OK)
        return st;
    if (wsum == 0) { /* every total is 0 */
        memset(out, 0, nparties * nitems * sizeof *out);
        return YR_OK;
    }
    st = solve_table(totals, weights, nparties, nitems, grand, wsum, out);
    if (st != YR_OK)
        yr_where_clear(where);
    return st;
}

YR_API yr_status yr_split_table(const int64_t *totals, size_t nitems, const int64_t *weights,
                                size_t nparties, int64_t *out)
{
    return yr_split_table_where(totals, nitems, weights, nparties, out, NULL);
}

/* ---- yr_split_nested ------------------------------------------------------------------- */

/* Validate; on success gsum[g] is the sum of group g's weights. */
static yr_status check_nested(const int64_t *weights, const size_t *group, size_t n, size_t ngroups,
                              int64_t *gsum, yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    size_t bad = first_negative(weights, n);
    for (size_t i = 0; i < n && i < bad; i++) {
        if (group[i] >= ngroups)
            return yr_where_why(where, YR_ERR_RANGE, i, NONE, "group",
                                YR_WHY_NAMED(YR_REASON_INDEX_PAST, NULL, "groups",
                                             (int64_t)group[i], (int64_t)ngroups));
    }
    if (bad < n)
        return yr_where_why(where, YR_ERR_NEGATIVE, bad, NONE, "weights",
                            YR_WHY(YR_REASON_NEGATIVE, weights[bad]));
    memset(gsum, 0, ngroups * sizeof *gsum);
    for (size_t i = 0; i < n; i++) {
        if (weights[i] > INT64_MAX - gsum[group[i]])
            return yr_where_arg_why(where, YR_ERR_OVERFLOW, "weights",
                                    YR_WHY(YR_REASON_SUM_PAST, 0));
        gsum[group[i]] += weights[i];
    }
    return YR_OK;
}

/* Level 2: each group's amount between its parties, in input order (members sorted by group
 * with a counting sort; wbuf and abuf hold one group's weights and amounts). */
static yr_status split_groups(const int64_t *weights, const size_t *group, size_t n, size_t ngroups,
                              const int64_t *gamt, size_t *start, size_t *members, int64_t *wbuf,
                              int64_t *abuf, int64_t *res)
{
    memset(start, 0, (ngroups + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[group[i] + 1]++;
    for (size_t g = 0; g < ngroups; g++)
        start[g + 1] += start[g];
    for (size_t i = 0; i < n; i++)
        members[start[group[i]]++] = i;
    for (size_t g = ngroups; g > 0; g--) /* start[g] was advanced to the end of group g */
        start[g] = start[g - 1];
    start[0] = 0;
    for (size_t g = 0; g < ngroups; g++) {
        size_t k = start[g + 1] - start[g];
        const size_t *mem = members + start[g];
        if (k == 0)
            continue;
        for (size_t p = 0; p < k; p++)
            wbuf[p] = weights[mem[p]];
        yr_status st = yr_split(gamt[g], wbuf, k, YR_LARGEST_REMAINDER, abuf);
        if (st != YR_OK)
            return st;
        for (size_t p = 0; p < k; p++)
            res[mem[p]] = abuf[p];
    }
    return YR_OK;
}

YR_API yr_status yr_split_nested_where(int64_t total, const int64_t *weights, const size_t *group,
                                       size_t n, size_t ngroups, int64_t *out, int64_t *group_out,
                                       yr_where *where)
{
    const size_t NONE = YR_WHERE_NONE;
    yr_where_clear(where);
    if (weights == NULL || group == NULL || out == NULL)
        return yr_where_fail(where, YR_ERR_NULL, NONE, NONE,
                             weights == NULL ? "weights"
                             : group == NULL ? "group"
                                             : "out");
    if (n == 0)
        return yr_where_arg_why(where, YR_ERR_EMPTY, "weights", YR_WHY(YR_REASON_EMPTY, 0));
    if (ngroups > SIZE_MAX / (2 * sizeof(int64_t)) - 1 || n > SIZE_MAX / (4 * sizeof(int64_t)))
        return yr_where_fail(where, YR_ERR_NOMEM, NONE, NONE, NULL);
    int64_t *gbuf = malloc(2 * ngroups * sizeof *gbuf + (ngroups + 1) * sizeof(size_t));
    int64_t *nbuf = malloc(3 * n * sizeof *nbuf + n * sizeof(size_t));
    if (gbuf == NULL || nbuf == NULL) {
        free(gbuf);
        free(nbuf);
        return yr_where_fail(where, YR_ERR_NOMEM, NONE, NONE, NULL);
    }
    int64_t *gsum = gbuf, *gamt = gbuf + ngroups, *wbuf = nbuf, *abuf = nbuf + n,
            *res = nbuf + 2 * n;
    size_t *start = (size_t *)(gbuf + 2 * ngroups), *members = (size_t *)(nbuf + 3 * n);
    yr_status st = check_nested(weights, group, n, ngroups, gsum, where);
    if (st == YR_OK) {
        st = yr_split(total, gsum, ngroups, YR_LARGEST_REMAINDER, gamt);
        if (st == YR_ERR_ZERO_WEIGHT)
            (void)yr_where_arg_why(where, st, "weights", YR_WHY(YR_REASON_ALL_ZERO, total));
        else if (st == YR_ERR_EMPTY)
            (void)yr_where_arg_why(where, st, "ngroups", YR_WHY(YR_REASON_ZERO_COUNT, 0));
        else if (st != YR_OK)
            (void)yr_where_arg(where, st, NULL);
    }
    if (st == YR_OK)
        st = split_groups(weights, group, n, ngroups, gamt, start, members, wbuf, abuf, res);
    if (st == YR_OK) {
        memcpy(out, res, n * sizeof *out);
        if (group_out != NULL)
            memcpy(group_out, gamt, ngroups * sizeof *group_out);
    }
    free(gbuf);
    free(nbuf);
    return st;
}

YR_API yr_status yr_split_nested(int64_t total, const int64_t *weights, const size_t *group,
                                 size_t n, size_t ngroups, int64_t *out, int64_t *group_out)
{
    return yr_split_nested_where(total, weights, group, n, ngroups, out, group_out, NULL);
}
