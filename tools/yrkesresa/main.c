/* The yrkesresa program: dispatch to the subcommands. */
#include <stdio.h>
#include <string.h>

#include <yrkesresa.h>

#include "cli.h"

static const char *const usage_text =
    "Usage: yrkesresa COMMAND [OPTIONS] FILE.csv\n"
    "\n"
    "The money and numbers of Yrkesresan, exact to the krona (or öre).\n"
    "\n"
    "Commands:\n"
    "  split   split a total in proportion to a weight column (population), rows adding to it\n"
    "  audit   check a published split: its sum, each row against the exact quota, and which\n"
    "          apportionment methods reproduce it\n"
    "  pot     settle the trainer pot of a year of course days\n"
    "  stats   participation statistics\n"
    "\n"
    "Options:\n"
    "  -h, --help      this help ('yrkesresa COMMAND --help' for a command's options)\n"
    "  --version       print the library version\n"
    "\n"
    "CSV input: comma or semicolon separated (detected from the header), quoted fields, LF or\n"
    "CRLF, an optional UTF-8 BOM; numbers may use spaces or no-break spaces as thousands\n"
    "separators and a decimal comma. Errors: 'yrkesresa: FILE:LINE: message' on stderr,\n"
    "nothing on stdout, exit status 2.\n"
    "\n"
    "Example:\n"
    "  yrkesresa split --total 850000 data/dalarna/population-2021-06.csv\n"
    "  yrkesresa audit data/dalarna/published-split-coordinator-2023.csv\n";

#ifndef YR_HAVE_CMD_POT
int yr_cmd_pot(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return yr_fail_usage(NULL, "'pot' is not built in this version");
}
#endif

#ifndef YR_HAVE_CMD_STATS
int yr_cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return yr_fail_usage(NULL, "'stats' is not built in this version");
}
#endif

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return YR_EXIT_ERROR;
    }
    const char *cmd = argv[1];
    if (yr_is_help(cmd) || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return fflush(stdout) == 0 ? YR_EXIT_OK : YR_EXIT_ERROR;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("%s\n", yr_version());
        return fflush(stdout) == 0 ? YR_EXIT_OK : YR_EXIT_ERROR;
    }
    if (strcmp(cmd, "split") == 0)
        return yr_cmd_split(argc - 1, argv + 1);
    if (strcmp(cmd, "audit") == 0)
        return yr_cmd_audit(argc - 1, argv + 1);
    if (strcmp(cmd, "pot") == 0)
        return yr_cmd_pot(argc - 1, argv + 1);
    if (strcmp(cmd, "stats") == 0)
        return yr_cmd_stats(argc - 1, argv + 1);
    return yr_fail_usage(NULL,
                         "unknown command '%s' (commands: split, audit, pot, stats; see "
                         "'yrkesresa --help')",
                         cmd);
}
