/* The yrkesresa program: one table of commands (a new command is one line here). */
#include <stdio.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"
#include "cmd_cycle.h"

static const cli_command commands[] = {
    {"read", cli_cmd_read, "show how a table is read: each row's kind, the columns' roles"},
    {"split", cli_cmd_split, "split a total in proportion to a weight column (population)"},
    {"audit", cli_cmd_audit, "check a published split: its sum, each row, which methods fit"},
    {"pot", cli_cmd_pot, "settle the trainer pot of a year of course days"},
    {"stats", cli_cmd_stats, "participation statistics ('yrkesresa stats --help')"},
    {"statement", cli_cmd_statement, "what each municipality is invoiced: items, fees, net"},
    {"compare", cli_cmd_compare, "splits side by side with their differences (scenarios)"},
};

static const char *const usage_head =
    "Usage: yrkesresa COMMAND [OPTIONS] FILE\n"
    "\n"
    "The money and numbers of Yrkesresan, exact to the krona (or öre).\n"
    "\n"
    "Commands:\n";

/* The program's own options (main() answers them), printed as every command's are. */
static const cli_option own_options[] = {
    {"help", CLI_OPT_HELP, NULL, NULL,
     "this help ('yrkesresa COMMAND --help' for a command's options)"},
    {"version", CLI_OPT_FLAG, NULL, NULL, "print the library version"},
};

static const char *const usage_tail =
    "\n"
    "Errors: 'yrkesresa: FILE:LINE: message' on stderr, nothing on stdout, exit status 2.\n"
    "\n"
    "Examples:\n"
    "  yrkesresa split --total 850000 data/dalarna/population-2021-06.csv\n"
    "  yrkesresa split --total 850000 --excel --output split.csv befolkning.csv\n"
    "  yrkesresa audit data/dalarna/published-split-coordinator-2023.csv\n";

static int usage(FILE *f)
{
    cli_buf b;
    cli_buf_init(&b);
    cli_buf_puts(&b, usage_head);
    int width = 0; /* the summaries line up after the longest name */
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        if ((int)strlen(commands[k].name) > width)
            width = (int)strlen(commands[k].name);
    for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
        cli_buf_printf(&b, "  %-*s  %s\n", width, commands[k].name, commands[k].summary);
    cli_buf_puts(&b, "\n");
    cli_help_options(&b, own_options, sizeof own_options / sizeof own_options[0]);
    cli_buf_puts(&b, usage_tail);
    cli_buf_puts(&b, "\n");
    cli_common_help(&b);
    int rc = CLI_EXIT_ERROR;
    if (f == stdout)
        rc = cli_print_help(cli_buf_str(&b));
    else
        fputs(cli_buf_str(&b), f);
    cli_buf_free(&b);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return usage(stdout);
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        char v[64];
        snprintf(v, sizeof v, "%s\n", yr_version());
        return cli_print_help(v);
    }
    return cli_dispatch(commands, sizeof commands / sizeof commands[0], "command", argc - 1,
                        argv + 1);
}
