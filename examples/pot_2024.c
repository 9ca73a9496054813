/* Settle a 2024-like year of regional course days with libyrkesresa: fees, pot contributions
 * and trainer-pot kickbacks per municipality. The same year as
 * data/examples/pot-2024-{attendance,trainers}.csv, embedded as six course rounds.
 *
 *   cc pot_2024.c $(pkg-config --cflags --libs yrkesresa) -o pot_2024 && ./pot_2024
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <yrkesresa.h>

enum {
    AVESTA,
    BORLANGE,
    FALUN,
    GAGNEF,
    HEDEMORA,
    LEKSAND,
    LUDVIKA,
    MALUNG,
    MORA,
    ORSA,
    RATTVIK,
    SMEDJEBACKEN,
    SATER,
    VANSBRO,
    ALVDALEN,
    NMUN
};

static const char *const names[NMUN] = {"Avesta",   "Borlänge", "Falun",   "Gagnef",
                                        "Hedemora", "Leksand",  "Ludvika", "Malung-Sälen",
                                        "Mora",     "Orsa",     "Rättvik", "Smedjebacken",
                                        "Säter",    "Vansbro",  "Älvdalen"};

/* A course round: its number of course days, the participants from each municipality (the
 * same every day), and its team of three (the leader first). */
typedef struct round {
    const char *course;
    int days;
    int64_t people[NMUN];
    int team[3];
} round;

static const round rounds[] = {
    {"Handläggning med barnet i centrum, omgång 1",
     4,
     {2, 4, 4, 0, 1, 2, 3, 0, 2, 1, 0, 0, 1, 1, 1},
     {FALUN, BORLANGE, MORA}},
    {"Handläggning av unga lagöverträdare, omgång 1",
     1,
     {2, 4, 4, 0, 2, 2, 3, 0, 2, 1, 1, 1, 0, 0, 1},
     {MORA, FALUN, AVESTA}},
    {"Samtal och delaktighet",
     2,
     {2, 4, 5, 0, 2, 2, 3, 1, 2, 1, 2, 1, 0, 0, 0},
     {FALUN, RATTVIK, MALUNG}},
    {"Handläggning med barnet i centrum, omgång 2",
     4,
     {2, 3, 4, 1, 2, 0, 2, 1, 2, 0, 1, 2, 1, 0, 0},
     {FALUN, BORLANGE, RATTVIK}},
    {"Handläggning av unga lagöverträdare, omgång 2",
     1,
     {2, 4, 5, 1, 1, 1, 2, 2, 2, 0, 0, 0, 2, 1, 0},
     {MALUNG, FALUN, AVESTA}},
    {"Utsatthet och våld",
     2,
     {0, 2, 2, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1},
     {FALUN, BORLANGE, BORLANGE}},
};
#define NROUNDS (sizeof rounds / sizeof rounds[0])

/* One CSV line of the `yrkesresa pot` output. */
static void print_row(const char *name, const yr_pot_row *r)
{
    printf("%s,%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 "\n", name,
           r->participant_days, r->fees, r->admin, r->pot_in, r->kickback, r->net);
}

int main(void)
{
    yr_attendance att[14 * NMUN + 1];
    yr_trainer tr[14 * 3];
    size_t natt = 0, ntr = 0, day = 0;
    for (size_t r = 0; r < NROUNDS; r++) {
        for (int d = 0; d < rounds[r].days; d++, day++) {
            for (size_t m = 0; m < NMUN; m++) {
                if (rounds[r].people[m] > 0)
                    att[natt++] = (yr_attendance){day, m, rounds[r].people[m]};
            }
            /* The last course day of the year has no trainer recorded. */
            if (r + 1 == NROUNDS && d + 1 == rounds[r].days)
                continue;
            for (int t = 0; t < 3; t++) {
                tr[ntr++] = (yr_trainer){day, (size_t)rounds[r].team[t],
                                         t == 0 ? YR_ROLE_LEADER : YR_ROLE_TRAINER};
            }
        }
    }
    /* A substitute from Gagnef on the third day of the first round. */
    att[natt++] = (yr_attendance){2, GAGNEF, 1};
    const size_t ndays = day;

    yr_pot_rules rules;
    yr_pot_row rows[NMUN];
    yr_pot_summary sum;
    int64_t undistributed[14];
    yr_status st = yr_pot_rules_dalarna_2024(&rules);
    if (st == YR_OK)
        st = yr_pot_settle(&rules, ndays, NMUN, att, natt, tr, ntr, rows, &sum, undistributed);
    if (st != YR_OK) {
        fprintf(stderr, "pot_2024: %s\n", yr_strerror(st));
        return EXIT_FAILURE;
    }
    /* The same CSV as `yrkesresa pot` prints for the CSV files of this year. */
    printf("municipality,participant_days,fees,admin,pot_in,kickback,net\n");
    for (size_t m = 0; m < NMUN; m++)
        print_row(names[m], &rows[m]);
    const yr_pot_row total = {.participant_days = sum.participant_days,
                              .fees = sum.fees,
                              .admin = sum.admin,
                              .pot_in = sum.pot_in,
                              .kickback = sum.kickback,
                              .net = sum.fees - sum.kickback};
    print_row("Totalt", &total);
    printf("undistributed: %" PRId64 " (%zu course day(s) without a trainer)\n", sum.undistributed,
           sum.days_without_trainer);
    for (size_t d = 0; d < ndays; d++) {
        if (undistributed[d] != 0)
            printf("  course day %zu: %" PRId64 "\n", d + 1, undistributed[d]);
    }
    return EXIT_SUCCESS;
}
