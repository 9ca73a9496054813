/* The 2023 cost of Dalarna's regional coordinator, 850 000 kr, split between the 15
 * municipalities by population (June 2021), by largest remainder so the rows add up exactly.
 *
 * Build against an installed libyrkesresa:
 *   cc split_coordinator_2023.c $(pkg-config --cflags --libs yrkesresa) -o split_coordinator_2023
 */
#include <stdio.h>
#include <string.h>

#include <yrkesresa.h>

#define N_MUNICIPALITIES 15

/* Population per municipality, June 2021 (data/dalarna/population-2021-06.csv). */
static const char *const names[N_MUNICIPALITIES] = {
    "Avesta",  "Borlänge",     "Falun",        "Gagnef",  "Hedemora",
    "Leksand", "Ludvika",      "Malung-Sälen", "Mora",    "Orsa",
    "Rättvik", "Smedjebacken", "Säter",        "Vansbro", "Älvdalen",
};
static const int64_t population[N_MUNICIPALITIES] = {
    22986, 52460, 59752, 10455, 15495, 15940, 26613, 10184,
    20544, 6939,  11079, 10909, 11203, 6790,  7033,
};

/* Print s left-aligned in a column of width characters (UTF-8 aware: count code points). */
static void print_padded(const char *s, int width)
{
    int chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; chars < width; chars++)
        putchar(' ');
}

int main(void)
{
    const int64_t total = 850000;
    int64_t amount[N_MUNICIPALITIES];

    yr_status st = yr_split(total, population, N_MUNICIPALITIES, YR_LARGEST_REMAINDER, amount);
    if (st != YR_OK) {
        fprintf(stderr, "split_coordinator_2023: %s\n", yr_strerror(st));
        return 1;
    }

    printf("Regional coordinator 2023, Dalarna: %lld kr by population (June 2021), %s\n",
           (long long)total, yr_method_name(YR_LARGEST_REMAINDER));
    printf("(libyrkesresa %s)\n\n", yr_version());
    print_padded("municipality", 14);
    printf("%11s %10s\n", "population", "kr");

    int64_t pop_sum = 0, sum = 0;
    for (size_t i = 0; i < N_MUNICIPALITIES; i++) {
        print_padded(names[i], 14);
        printf("%11lld %10lld\n", (long long)population[i], (long long)amount[i]);
        pop_sum += population[i];
        sum += amount[i];
    }
    print_padded("Sum", 14);
    printf("%11lld %10lld\n", (long long)pop_sum, (long long)sum);
    return sum == total ? 0 : 1;
}
