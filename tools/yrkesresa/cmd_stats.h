/* Shared parts of the `yrkesresa stats` subcommands (cmd_stats*.c; not a public header). A new
 * subcommand is a file cmd_stats_NAME.c defining stats_NAME() and one line in the table of
 * cmd_stats.c. */
#ifndef YRKESRESA_TOOLS_CMD_STATS_H
#define YRKESRESA_TOOLS_CMD_STATS_H

#include <stdint.h>

#include <yrkesresa/stats.h>

#include "cli.h"
#include "cli_read.h"

#define STATS_DIGITS 4 /* decimals of shares, bounds and rates in the output */

/* The subcommands. */
int stats_attendance(int argc, char **argv);
int stats_survey(int argc, char **argv);
int stats_progress(int argc, char **argv);

/* Options of the stats subcommands. */
typedef struct stats_opts {
    const char *file;
    double confidence; /* --confidence (default 0.95) */
    const char *confidence_text, *target, *population, *course, *per;
    int strict;
    cli_common common;
} stats_opts;

/* Parse `stats SUB [--confidence C] [extra...] FILE`: -1 go on, else the exit status. */
int stats_parse(int argc, char **argv, const char *cmd, const char *usage, const cli_option *extra,
                size_t nextra, stats_opts *o);

/* stats_parse() with the reading options (cli_read_options(), their help appended to
 * @p usage): @p extra has room for @p nextra + CLI_READ_NOPTS options. */
int stats_parse_read(int argc, char **argv, const char *cmd, const char *usage, cli_option *extra,
                     size_t nextra, cli_read_opts *r, stats_opts *o);

/* A fraction option ("0.95", "95%", "19/20") as a double, strictly inside (lo, hi) unless
 * closed (then [lo, hi]). */
int stats_level(const char *cmd, const char *name, const char *text, int closed, double *out);

/* A double with STATS_DIGITS decimals, or nothing for NaN. */
void stats_put_num(cli_buf *b, double v);
/* A rate's fields: ",trials,successes,share,low,high," (shares with stats_put_num). */
void stats_put_rate(cli_buf *out, const yr_rate *x);
/* A CSV field (',' delimited) of the program's own CSV text. */
void stats_put_field(cli_buf *b, const char *s);
/* num / 10^scale as text, e.g. 915 / 10^1 -> "91.5". */
void stats_put_scaled(cli_buf *b, cli_i128 num, unsigned scale);
/* round(n / d) half away from zero, d > 0, exactly. */
cli_i128 stats_div_round(cli_i128 n, cli_i128 d);
/* Append "; " between notes. */
void stats_note_sep(cli_buf *note);

/* Where a subcommand writes its table: the program's own CSV text (',' and '.'), one row at a
 * time, handed to the output layer by stats_flush(); in a dry run (sink NULL) it is dropped. */
typedef struct stats_out {
    cli_buf b;
    cli_out *sink;
    yr_lang lang;               /* the output's language (--lang) */
    const cli_cell_type *types; /* the columns' types, from stats_header() */
    size_t ntypes;
} stats_out;

/* The header line of table @p t in s->lang, and the types of its columns (@p types, one per
 * column of yr_out_table_columns(); the output layer writes each cell as its column's type).
 * @p suffix: NULL, or per column a text after a prefix name ("1000" after "per_"). */
void stats_header(stats_out *s, yr_out_table t, const cli_cell_type *types,
                  const char *const *suffix);

/* Write the complete lines of s->b through the output layer (the dialect of the input, --excel,
 * or a workbook) and empty it, each cell as its column's type; a dry run just empties it. */
void stats_flush(stats_out *s);

/* Run @p pass, which writes the whole table to a stats_out, twice: a dry run that finds every
 * input error, then the real one; so nothing is written unless the input is good, and the
 * table is streamed, never held whole. @p validated: the input is known good, one pass. The
 * output follows the dialect @p like of the table read by cli_read; the reading line of
 * @p reading (NULL: none) is printed once the dry run found the input good. */
int stats_run_dialect(const cli_common *c, yr_out_table table, const cli_dialect *like,
                      int validated, int (*pass)(void *ctx, stats_out *s), void *ctx,
                      const cli_input *reading);

#endif
