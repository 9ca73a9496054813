/* Helpers shared by the yearly-cycle commands (see cmd_cycle.h). */
#include <stdint.h>

#include "cmd_cycle.h"

int cycle_party_names(const ycsv_table *t, const cli_parties *p, cli_labels *names)
{
    if (!cli_labels_init(names, p->n + 1))
        return cli_fail_usage(NULL, "out of memory");
    for (size_t i = 0; i < p->n; i++) {
        size_t keylen;
        if (cli_labels_intern(names, ycsv_cell(t, cli_party_row(p, i), p->name_col), &keylen) != i)
            return cli_fail_usage(NULL, "out of memory"); /* names are distinct by key */
    }
    return 0;
}

int cycle_party_index(cli_labels *names, size_t nparties, const char *label, size_t *party)
{
    size_t keylen, k = cli_labels_intern(names, label, &keylen);
    if (k == SIZE_MAX)
        return cli_fail_usage(NULL, "out of memory");
    if (k >= nparties)
        return 1; /* the stranger now fills the set's one spare place: callers stop here */
    *party = k;
    return 0;
}
