/* A national cost of 39 000 000 kr (the SKR feasibility study's estimate for Yrkesresan in the
 * whole country was about 39 Mkr) split between Sweden's 21 counties by population, then each
 * county's amount between its municipalities, with yr_split_nested: largest remainder at both
 * levels, so the municipalities of a county add up exactly to the county's amount and the
 * counties to the total. Population of 31 December 2018 (SCB), from data/sweden/.
 *
 * Usage: national_2018 [DATA_DIR]   (default: data/sweden)
 * Build against an installed libyrkesresa:
 *   cc national_2018.c $(pkg-config --cflags --libs yrkesresa) -o national_2018
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresa.h>

#define MAX_MUNICIPALITIES 400
#define MAX_COUNTIES 30

typedef struct country {
    size_t n, ncounties;
    char code[MAX_MUNICIPALITIES][5];
    size_t county[MAX_MUNICIPALITIES]; /* county index of each municipality */
    int64_t population[MAX_MUNICIPALITIES];
    char county_code[MAX_COUNTIES][3];
    char county_name[MAX_COUNTIES][64];
} country;

static FILE *open_csv(const char *dir, const char *name, char *line, size_t cap)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "r");
    if (fp == NULL || fgets(line, (int)cap, fp) == NULL) { /* skip the header */
        fprintf(stderr, "national_2018: cannot read %s\n", path);
        exit(1);
    }
    return fp;
}

/* municipalities.csv: code,municipality,county_code,county (no quoted fields in this file). */
static void read_municipalities(const char *dir, country *c)
{
    char line[256];
    FILE *fp = open_csv(dir, "municipalities.csv", line, sizeof line);
    while (fgets(line, sizeof line, fp) && c->n < MAX_MUNICIPALITIES) {
        char *code = strtok(line, ","), *name = strtok(NULL, ","), *cc = strtok(NULL, ",");
        char *county = strtok(NULL, "\r\n");
        if (code == NULL || name == NULL || cc == NULL || county == NULL)
            continue;
        size_t g = 0;
        while (g < c->ncounties && strcmp(c->county_code[g], cc) != 0)
            g++;
        if (g == c->ncounties && g < MAX_COUNTIES) {
            snprintf(c->county_code[g], sizeof c->county_code[g], "%s", cc);
            snprintf(c->county_name[g], sizeof c->county_name[g], "%s", county);
            c->ncounties++;
        }
        snprintf(c->code[c->n], sizeof c->code[c->n], "%s", code);
        c->county[c->n] = g;
        c->population[c->n++] = -1;
    }
    fclose(fp);
}

/* population-2018-12-31.csv: code,municipality,population, joined by code; an unknown or
 * duplicated code is an error naming it. */
static void read_population(const char *dir, country *c)
{
    char line[256];
    FILE *fp = open_csv(dir, "population-2018-12-31.csv", line, sizeof line);
    while (fgets(line, sizeof line, fp)) {
        char *code = strtok(line, ","), *name = strtok(NULL, ","), *pop = strtok(NULL, "\r\n");
        if (code == NULL || name == NULL || pop == NULL)
            continue;
        size_t i = 0;
        while (i < c->n && strcmp(c->code[i], code) != 0)
            i++;
        if (i == c->n || c->population[i] >= 0) {
            fprintf(stderr, "national_2018: %s municipality %s %s\n",
                    i == c->n ? "unknown" : "duplicated", code, name);
            exit(1);
        }
        c->population[i] = strtoll(pop, NULL, 10);
    }
    fclose(fp);
    for (size_t i = 0; i < c->n; i++) {
        if (c->population[i] < 0) {
            fprintf(stderr, "national_2018: no population for municipality %s\n", c->code[i]);
            exit(1);
        }
    }
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "data/sweden";
    const int64_t total = 39000000;
    static country c;
    int64_t amount[MAX_MUNICIPALITIES], county_amount[MAX_COUNTIES];
    read_municipalities(dir, &c);
    read_population(dir, &c);

    yr_status st =
        yr_split_nested(total, c.population, c.county, c.n, c.ncounties, amount, county_amount);
    if (st != YR_OK) {
        fprintf(stderr, "national_2018: %s\n", yr_strerror(st));
        return 1;
    }
    printf("%lld kr by county, then by municipality (population 31 Dec 2018), largest remainder\n",
           (long long)total);
    printf("(libyrkesresa %s; %zu municipalities, %zu counties)\n\n", yr_version(), c.n,
           c.ncounties);
    printf("%-4s %14s %13s %12s  %s\n", "code", "municipalities", "population", "kr", "county");
    int64_t pop_total = 0, sum = 0;
    int ok = 1;
    for (size_t g = 0; g < c.ncounties; g++) {
        int64_t pop = 0, by_municipality = 0;
        size_t count = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (c.county[i] == g) {
                pop += c.population[i];
                by_municipality += amount[i];
                count++;
            }
        }
        ok &= by_municipality == county_amount[g];
        printf("%-4s %14zu %13lld %12lld  %s\n", c.county_code[g], count, (long long)pop,
               (long long)county_amount[g], c.county_name[g]);
        pop_total += pop;
        sum += county_amount[g];
    }
    printf("%-4s %14zu %13lld %12lld\n", "Sum", c.n, (long long)pop_total, (long long)sum);
    ok &= sum == total;
    printf("\ncounties add up to the total: %s; each county's municipalities add up to its "
           "amount: %s\n",
           sum == total ? "yes" : "NO", ok ? "yes" : "NO");
    return ok ? 0 : 1;
}
