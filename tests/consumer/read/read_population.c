/* A user's program of libyrkesresa-read: read a population table (CSV, TSV or xlsx) with the
 * reader and split 100 000 kr between its municipalities with the core library.
 *
 *   read_population FILE
 *
 * Prints one line per municipality (name, population, kr) and a line "Sum POPULATION 100000".
 * Built by tests/test_consumers.sh and scripts/test-debian.sh through CMake
 * (find_package(yrkesresa-read), target yrkesresa::read) and through pkg-config (Makefile). */
#include <stdio.h>
#include <stdlib.h>

#include <yrkesresa.h>
#include <yrkesresa/read.h>

/* The whole file in a malloc'd buffer (NULL on failure). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Print the data rows' municipality, population and share of total. */
static int print_split(const yr_table *t, int64_t total)
{
    size_t n = yr_table_ndata(t);
    size_t name_col = yr_table_find_role(t, YR_ROLE_MUNICIPALITY);
    size_t pop_col = yr_table_find_role(t, YR_ROLE_POPULATION);
    int64_t *pop = calloc(n, sizeof *pop), *kr = calloc(n, sizeof *kr), den = 0, sum = 0;
    yr_read_error err;
    int rc = 1;
    if (!pop || !kr)
        fputs("read_population: out of memory\n", stderr);
    else if (yr_table_column_values(t, pop_col, pop, &den, &err) != YR_READ_OK || den != 1)
        fprintf(stderr, "read_population: %s\n", err.message);
    else if (yr_split(total, pop, n, YR_LARGEST_REMAINDER, kr) != YR_OK)
        fputs("read_population: the split failed\n", stderr);
    else {
        for (size_t i = 0; i < n; i++) {
            size_t len;
            const char *name = yr_table_cell(t, yr_table_data_row(t, i), name_col, &len);
            printf("%.*s %lld %lld\n", (int)len, name, (long long)pop[i], (long long)kr[i]);
            sum += pop[i];
        }
        printf("Sum %lld %lld\n", (long long)sum, (long long)total);
        rc = 0;
    }
    free(pop);
    free(kr);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: read_population FILE\n", stderr);
        return 2;
    }
    size_t len = 0;
    char *bytes = slurp(argv[1], &len);
    if (!bytes) {
        perror(argv[1]);
        return 2;
    }
    const yr_read_want want[] = {{YR_ROLE_MUNICIPALITY, YR_WANT_REQUIRED | YR_WANT_UNIQUE},
                                 {YR_ROLE_POPULATION, YR_WANT_REQUIRED}};
    yr_read_options opt;
    yr_read_options_init(&opt);
    opt.want = want;
    opt.nwant = 2;
    yr_table *t = NULL;
    yr_read_error err;
    int rc = 2;
    if (yr_read_table(bytes, len, &opt, &t, &err) != YR_READ_OK)
        fprintf(stderr, "read_population: %s:%zu: %s\n", argv[1], err.line, err.message);
    else
        rc = print_split(t, 100000);
    yr_table_free(t);
    free(bytes);
    return rc;
}
