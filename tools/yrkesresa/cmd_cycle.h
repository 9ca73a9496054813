/**
 * @file cmd_cycle.h
 * @brief The yearly-cycle commands (issue 16): `statement`, `compare`, `stats count` and
 *        `stats check --parts`. Entry points as every command's: argv[0] is the command name.
 */
#ifndef YRKESRESA_TOOLS_CMD_CYCLE_H
#define YRKESRESA_TOOLS_CMD_CYCLE_H

int cli_cmd_statement(int argc, char **argv); /**< `yrkesresa statement` (cmd_statement.c) */
int cli_cmd_compare(int argc, char **argv);   /**< `yrkesresa compare` (cmd_compare.c) */
int cli_stats_count(int argc, char **argv);   /**< `yrkesresa stats count` (cmd_stats_count.c) */
/** `yrkesresa stats check --parts ...` (cmd_stats_parts.c): argv[0] is "check". */
int cli_stats_check_parts(int argc, char **argv);
/** 1 when the `stats check` arguments ask for --parts (then cli_stats_check_parts runs it). */
int cli_stats_check_wants_parts(int argc, char **argv);

#include "cli.h"

/**
 * @brief A label set (cli_labels) holding the parties' names of @p t, so that label index i is
 *        party i (cycle_common.c). Free with cli_labels_free(). Returns 0, or 2 (out of memory).
 */
int cycle_party_names(const ycsv_table *t, const cli_parties *p, cli_labels *names);

/**
 * @brief The party named @p label in a set from cycle_party_names() (compared by yr_label_key).
 * @returns 0 and *party; 1 when no party has that name (the set has then no room left: report
 *          it and stop); 2 when out of memory (message printed).
 */
int cycle_party_index(cli_labels *names, size_t nparties, const char *label, size_t *party);

#endif
