/* The cost of one identity (yrkesresa/identity.h) per cell, on the hot path of reading a
 * 10^6-row file: yr_name_key and yr_place_of per name, in ns, next to the core's yr_label_key
 * (the byte loop the program used before: ASCII/Latin-1 case and blanks, no Unicode).
 *
 *   bench_identity [--quick]
 *
 * Cells: the 290 official names from the library's list, cycled to 10^6 (10^5 with --quick),
 * in four sets: ASCII names (Falun; the ASCII fast path), names with å ä ö (the Latin-1 fast
 * path), the same in NFD (a + U+030A: the general Unicode path), and organisations that are no
 * municipality ("Region Dalarna 7": a miss in the table). Minimum over 5 rounds. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"
#include "yrkesresa/labels.h" /* not yrkesresa.h: pot.h has its own yr_role (see report) */
#include "yrkesresa/identity.h"

enum { ROUNDS = 5 };

typedef struct cells {
    char **s;
    size_t *len;
    size_t n;
} cells;

/* NFD of the Swedish letters of the list (å ä ö é ü and capitals). */
static void to_nfd(const char *s, char *out)
{
    static const char *const map[][2] = {{"\xc3\xa5", "a\xcc\x8a"}, {"\xc3\xa4", "a\xcc\x88"},
                                         {"\xc3\xb6", "o\xcc\x88"}, {"\xc3\xa9", "e\xcc\x81"},
                                         {"\xc3\xbc", "u\xcc\x88"}, {"\xc3\x85", "A\xcc\x8a"},
                                         {"\xc3\x84", "A\xcc\x88"}, {"\xc3\x96", "O\xcc\x88"}};
    while (*s) {
        size_t i = 0;
        for (; i < sizeof map / sizeof map[0]; i++) {
            if (strncmp(s, map[i][0], 2) == 0)
                break;
        }
        if (i < sizeof map / sizeof map[0]) {
            strcpy(out, map[i][1]);
            out += strlen(map[i][1]);
            s += 2;
        } else {
            *out++ = *s++;
        }
    }
    *out = '\0';
}

/* kind: 0 ASCII names, 1 names with non-ASCII letters, 2 those in NFD, 3 organisations. */
static cells make_cells(int kind, size_t n)
{
    const char *pool[290];
    size_t np = 0;
    for (size_t i = 0; i < yr_municipality_count(); i++) {
        const char *name = yr_place_name(YR_PLACE_MUNICIPALITY, yr_municipality_code(i));
        int ascii = 1;
        for (const char *p = name; *p; p++)
            ascii &= (unsigned char)*p < 0x80;
        if ((kind == 0 || kind == 3) == ascii)
            pool[np++] = name;
    }
    cells c = {bench_alloc(n * sizeof(char *)), bench_alloc(n * sizeof(size_t)), n};
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        if (kind == 2)
            to_nfd(pool[i % np], buf);
        else if (kind == 3)
            snprintf(buf, sizeof buf, "Region %.64s %zu", pool[i % np], i % 10);
        else
            snprintf(buf, sizeof buf, "%s", pool[i % np]);
        c.len[i] = strlen(buf);
        c.s[i] = bench_alloc(c.len[i] + 1);
        memcpy(c.s[i], buf, c.len[i] + 1);
    }
    return c;
}

/* ns per cell of one pass of fn (0 name key, 1 place, 2 the core's label key), minimum over
 * the rounds; *check sums something of every result so nothing is optimised away. */
static double per_cell(const cells *c, int fn, long *check)
{
    double best = 1e30;
    char key[1024];
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = bench_now();
        for (size_t i = 0; i < c->n; i++) {
            size_t n = 0;
            if (fn == 0) {
                yr_name_key(c->s[i], c->len[i], key, sizeof key, &n);
                *check += (long)n;
            } else if (fn == 1) {
                yr_place p;
                int code = 0;
                yr_place_of(c->s[i], c->len[i], &p, &code, NULL);
                *check += code;
            } else {
                yr_label_key(c->s[i], key, sizeof key, &n);
                *check += (long)n;
            }
        }
        double t = (bench_now() - t0) / (double)c->n * 1e9;
        if (t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    size_t n = 1000000;
    if (argc == 2 && strcmp(argv[1], "--quick") == 0) {
        n = 100000;
    } else if (argc != 1) {
        fprintf(stderr, "usage: bench_identity [--quick]\n");
        return 2;
    }
    static const char *const names[] = {"ASCII names (Falun)",
                                        "with \xc3\xa5 \xc3\xa4 \xc3\xb6 (\xc3\x84lvdalen)",
                                        "the same in NFD", "no municipality (Region X 7)"};
    long check = 0;
    printf("%-30s %12s %12s %16s %8s\n", "cells (10^6 rows)", "yr_name_key", "yr_place_of",
           "yr_label_key", "ratio");
    for (int kind = 0; kind < 4; kind++) {
        cells c = make_cells(kind, n);
        double key = per_cell(&c, 0, &check), place = per_cell(&c, 1, &check);
        double label = per_cell(&c, 2, &check);
        printf("%-30s %9.1f ns %9.1f ns %13.1f ns %7.2fx\n", names[kind], key, place, label,
               key / label);
        for (size_t i = 0; i < n; i++)
            free(c.s[i]);
        free(c.s);
        free(c.len);
    }
    printf("(ratio: yr_name_key / the core's yr_label_key; checksum %ld)\n", check);
    return 0;
}
