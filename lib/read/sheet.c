/* Which sheet of a workbook is read (yr_read_options::sheet): a name, a number counted from 1,
 * or the first sheet that has a table. The grid does not refer to the book afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "xlsx.h"

static void sheet_list(const xlsx_book *b, char *dst, size_t cap)
{
    size_t o = 0;
    dst[0] = '\0';
    for (size_t i = 0; i < xlsx_nsheets(b) && o + 8 < cap; i++) {
        char show[96];
        const char *n = xlsx_sheet_name(b, i);
        int k = snprintf(dst + o, cap - o, "%s'%s'", i ? ", " : "",
                         rd_show(show, sizeof show, n, strlen(n), 40));
        if (k < 0 || (size_t)k >= cap - o)
            break;
        o += (size_t)k;
    }
}

static size_t named_sheet(const xlsx_book *b, const char *want)
{
    size_t n = xlsx_nsheets(b), len = strlen(want), i, num = 0;
    for (i = 0; i < len && want[i] >= '0' && want[i] <= '9' && i < 6; i++)
        num = num * 10 + (size_t)(want[i] - '0');
    if (i == len && len > 0) {
        for (size_t k = 0; k < n; k++) /* a sheet named "2023" wins over the number */
            if (strcmp(xlsx_sheet_name(b, k), want) == 0)
                return k;
        return num >= 1 && num <= n ? num - 1 : YR_READ_NONE;
    }
    for (size_t k = 0; k < n; k++)
        if (strcmp(xlsx_sheet_name(b, k), want) == 0)
            return k;
    char a[256], c[256];
    rd_fold(want, len, a, sizeof a);
    for (size_t k = 0; k < n; k++) {
        const char *s = xlsx_sheet_name(b, k);
        rd_fold(s, strlen(s), c, sizeof c);
        if (strcmp(a, c) == 0)
            return k;
    }
    return YR_READ_NONE;
}

/* Every line accounted for: sheet @p found has the table; a later visible sheet whose header
 * names a wanted role too (a list split by period over sheets 'Vår 1', 'Vår 2') would be left
 * out unread, so it is an error naming both and --sheet. */
static yr_read_status only_table(xlsx_book *b, size_t found, const yr_read_options *opt,
                                 grid_cell **cells, size_t *cap, grid_scratch *sc,
                                 yr_read_error *err)
{
    for (size_t i = found + 1; i < xlsx_nsheets(b); i++) {
        grid g;
        size_t first, r;
        if (xlsx_sheet_hidden(b, i))
            continue;
        yr_read_status st = xlsx_sheet_grid(b, i, &g, err);
        if (st != YR_READ_OK)
            return st;
        r = rd_header_candidate(&g, opt, cells, cap, sc, &first);
        g.ops->free(&g);
        if (r == YR_READ_NONE)
            continue;
        char a[96], c[96];
        const char *s1 = xlsx_sheet_name(b, found), *s2 = xlsx_sheet_name(b, i);
        rd_fail(err, YR_READ_ERR_OPTION, 0,
                "the sheets '%s' and '%s' both have a table: only one is read; choose it with "
                "--sheet NAME (or a number counted from 1; in pot: --attendance-sheet, "
                "--trainers-sheet), or put the rows in one sheet",
                rd_show(a, sizeof a, s1, strlen(s1), 40), rd_show(c, sizeof c, s2, strlen(s2), 40));
        return YR_READ_ERR_OPTION;
    }
    return YR_READ_OK;
}

/* The first visible sheet with a header naming a wanted role, else the first visible one with
 * anything in it. */
static yr_read_status first_table(xlsx_book *b, const yr_read_options *opt, grid *out,
                                  yr_read_error *err)
{
    grid_cell *cells = NULL;
    size_t cap = 0, fallback = YR_READ_NONE;
    grid_scratch sc = {NULL, 0};
    yr_read_status st = YR_READ_OK;
    for (size_t i = 0; i < xlsx_nsheets(b); i++) {
        grid g;
        if (xlsx_sheet_hidden(b, i))
            continue; /* a hidden sheet is read only when named */
        if ((st = xlsx_sheet_grid(b, i, &g, err)) != YR_READ_OK)
            break;
        size_t first, r = rd_header_candidate(&g, opt, &cells, &cap, &sc, &first);
        if (r != YR_READ_NONE) {
            st = only_table(b, i, opt, &cells, &cap, &sc, err);
            if (st == YR_READ_OK)
                *out = g;
            else
                g.ops->free(&g);
            goto done;
        }
        if (first != YR_READ_NONE && fallback == YR_READ_NONE)
            fallback = i;
        g.ops->free(&g);
    }
    if (st == YR_READ_OK && fallback != YR_READ_NONE)
        st = xlsx_sheet_grid(b, fallback, out, err);
    else if (st == YR_READ_OK)
        st = rd_fail(err, YR_READ_ERR_HEADER, 0,
                     "the workbook has no table (every sheet is "
                     "empty)");
done:
    free(cells);
    free(sc.data);
    return st;
}

yr_read_status rd_open_sheet(const void *bytes, size_t len, const yr_read_options *opt, yr_table *t,
                             yr_read_error *err)
{
    xlsx_book *b;
    yr_read_status st = xlsx_open(bytes, len, &b, err);
    if (st != YR_READ_OK)
        return st;
    if (opt->sheet != NULL) {
        size_t i = named_sheet(b, opt->sheet);
        if (i == YR_READ_NONE) {
            char list[240], show[96];
            sheet_list(b, list, sizeof list);
            rd_fail(err, YR_READ_ERR_OPTION, 0,
                    "no sheet '%s' in the workbook (its sheets: %s); give a name or a number "
                    "counted from 1",
                    rd_show(show, sizeof show, opt->sheet, strlen(opt->sheet), 40), list);
            st = YR_READ_ERR_OPTION;
        } else {
            st = xlsx_sheet_grid(b, i, &t->g, err);
        }
    } else {
        st = first_table(b, opt, &t->g, err);
    }
    t->nsheets = xlsx_nsheets(b);
    xlsx_close(b);
    return st;
}
