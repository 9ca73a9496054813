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

#include <yrkesresa/table.h>

#include "cli.h"
#include "cli_read.h"

/**
 * @brief yr_identity_key() of municipality cell @p cell (yrkesresa/identity.h, as
 *        yr_table_identity_key() gives it for a row of the reader's tables): the name key of
 *        the official name of the place its code or name names (`2080`, `Falu kommun` and
 *        `Falun` are one), else the cell's own name key (`Region Dalarna`). Into @p key.
 *        0, or 2 after the library's message at @p file:@p line (a code that is none, a code
 *        and a name that disagree).
 */
int cycle_identity_key(const char *file, size_t line, const char *cell, cli_buf *key);

/**
 * @brief The identity keys (cli_read_key()) of the data rows of @p in, which was read with its
 *        municipality column wanted unique: key k is data row k. Free @p keys with
 *        cli_keys_free() in every case. 0 or 2.
 */
int cycle_party_keys(const cli_input *in, cli_keys *keys);

/** The columns whose reading line is printed (once each). */
typedef struct cycle_reported {
    size_t col[64];
    size_t n;
} cycle_reported;

/**
 * @brief The weights of the parties of @p names (a table read with its municipality column
 *        wanted unique) from its bytes read again (cli_read_again()): the column @p header (a
 *        `population=HEADER` request), else (NULL) the population or the weight column as
 *        `split` takes it (both: choose with --column). w[i] = data row i's weight x *den; the
 *        reader checks totals, grouping and units. The reading line once per column (@p rep),
 *        unless @p r is quiet. 0 or 2.
 */
int cycle_read_weights(const cli_input *names, const cli_common *c, const cli_read_opts *r,
                       const char *header, cycle_reported *rep, int64_t *w, int64_t *den);

/** @brief The value of item (data row) @p i's cell in the column of @p role: 0 without the
 *         column or for a blank cell, else 1 and *v. */
int cycle_item_value(const cli_input *items, size_t i, yr_read_role role, yr_value *v);

/**
 * @brief The items of @p items (one a data row, @p ni of them, amounts @p totals in whole units)
 *        as the library's models (yr_item), as `split --items` and `statement` read one file:
 *        an item's own 'lika del' (equal_part) cell (30 %, 0,3, 1/3: yr_fraction_from_text),
 *        else the equal part @p eq (num, den; 0/1 for none); a 'kr per invånare' (rate) cell
 *        makes it a rate item. An amount may be blank only for a rate item. 0 or 2.
 */
int cycle_item_models(const cli_input *items, const int64_t *totals, size_t ni, const int64_t eq[2],
                      yr_item *m);

/** @brief The year at the end of header @p h after a blank ("2024", "Folkmängd 2024"), or -1
 *         (cycle_common.c; statement's year columns and compare's population=YEAR). */
int64_t cycle_header_year(const char *h);

/**
 * @brief The population column of the year @p year in @p t (read from @p file), the one rule of
 *        statement, audit and compare: the column other than @p name_col whose header is the
 *        year ('2024') or names the population or weight and ends in it ('Folkmängd 2024',
 *        'Befolkning 2024'). *col = YR_READ_NONE when none; two such columns are an error naming
 *        both. 0, or 2 after the message.
 */
int cycle_year_column(const char *file, const yr_table *t, size_t name_col, int64_t year,
                      size_t *col);
/** @brief The columns of that rule: how many (0, 1, 2 for two or more), the first two. */
size_t cycle_year_columns(const yr_table *t, size_t name_col, int64_t year, size_t *first,
                          size_t *second);

/**
 * @brief The party of municipality cell @p cell (at @p file:@p line) among the parties of a
 *        cycle_party_keys() set: by its identity (`2080 Falun`, `FALUN`, `Falu kommun` are
 *        one). 0 and *party; 2 after the message: the identity's error, or `municipality 'X'
 *        is not in IN_FILE; did you mean Y?` (Y the nearest municipality, yr_municipality_nearest,
 *        when it is one of the parties).
 */
int cycle_party_find(const char *file, size_t line, const char *cell, const cli_keys *keys,
                     const char *in_file, size_t *party);

/** @brief The items file @p items of `statement`, read once (cmd_statement.c). */
typedef struct statement_items statement_items;

/**
 * @brief Read the items file @p items as `statement` does (with `--equal-part` @p equal_part,
 *        may be NULL) into *out (free with statement_items_free()). 0, or 2 after a message.
 */
int statement_items_read(const char *items, const char *equal_part, const cli_common *c,
                         statement_items **out);
/** @brief Free what statement_items_read() gave (NULL is fine). */
void statement_items_free(statement_items *s);

/**
 * @brief The models (equal part, rate) of the items named @p names in the items file @p s:
 *        models[k] for names[k] (its total left to the caller), of the year @p year when the
 *        file has a year column (0: the file must have none). An item not in the file (in that
 *        year) is an error at @p shown. 0 or 2.
 */
int statement_item_models(const statement_items *s, int64_t year, const char *const *names,
                          size_t n, const char *shown, yr_item *models);

/* ---- `audit` of a statement and `audit --population` (cmd_audit_statement.c) ---- */

/**
 * @brief Audit the statement @p path as a table split (yr_audit_table), the weights from
 *        @p population (joined by identity) or else from its population column; the items'
 *        models from @p items (and @p equal_part) as `statement` reads them, else plain
 *        splits. Prints the report; returns 0, 1 (@p strict and a rule broken) or 2.
 */
int cli_audit_statement(const char *path, const char *population, const cli_common *c,
                        const cli_read_opts *r, int strict, const char *items,
                        const char *equal_part);
/** @brief 1 when @p path is a statement: a column 'total' after item columns, none of which is
 *         a population (a file that cannot be read gives 0: the split audit reports it). */
int cli_audit_is_statement(const char *path);

/* ---- The trainer pot of `pot` and `statement` (cycle_pot.c): one set of options, one reader,
 * one settlement (the library's accumulator, pot.h). ---- */

#include <yrkesresa/pot.h>

#define CYCLE_POT_NOPTS 12 /**< the options of cycle_pot_options() */

/** The pot's options, the same in both commands. */
typedef struct cycle_pot_args {
    const char *attendance, *trainers, *fee, *pot, *pot_part, *leader_share, *trainer_share;
    cli_list attendance_column, trainers_column;   /**< ROLE=HEADER of one file */
    const char *attendance_sheet, *trainers_sheet; /**< the sheet of a workbook (NAME|N) */
    int other_parties; /**< `--other-parties`: names that are not municipalities are parties */
} cycle_pot_args;

/** @brief Write the CYCLE_POT_NOPTS options, with their help, into @p opts (pointing into
 *         @p a); returns the count. */
size_t cycle_pot_options(cycle_pot_args *a, cli_option *opts);
/** @brief 1 when --attendance or --trainers is given. */
int cycle_pot_wanted(const cycle_pot_args *a);
/** @brief The usage rules of the options (both files or none, options that need them, --pot
 *         and its alias once): 0, or 2 after the message. */
int cycle_pot_usage(const char *cmd, const cycle_pot_args *a);

/** Matching the pot's municipalities to another table's (statement: the population file). */
typedef struct cycle_pot_lookup {
    /** 0 and *party when the municipality of identity key @p key (cycle_identity_key()) is
     *  known, 1 when not, 2 after a message (out of memory) */
    int (*find)(void *ctx, const char *key, size_t *party);
    void *ctx;
    const char *what; /**< "FILE" in "municipality 'X' is not in FILE" */
} cycle_pot_lookup;

/** A settled pot. Municipalities and days are numbered by first appearance (attendance, then
 *  trainers). */
typedef struct cycle_pot {
    const char *afile, *tfile;   /**< the files as shown in messages */
    const char *apath;           /**< the attendance file as given */
    int other_parties;           /**< cycle_pot_args.other_parties */
    const char *asheet, *tsheet; /**< cycle_pot_args.attendance_sheet, trainers_sheet */
    cli_input list;              /**< an attendance list (one row per participant and day) */
    cli_dialect dialect;         /**< the attendance's dialect (the output follows it) */
    char **owned;                /**< labels copied from a list (freed with the pot) */
    size_t nowned, owned_cap;
    cli_input att, tr;    /**< the counted attendance and the trainers (libyrkesresa-read) */
    size_t ac[3], tc[3];  /**< columns: day, municipality, participants / role */
    cli_keys days, muns;  /**< days by yr_label_key; municipalities by identity key */
    size_t course[2];     /**< the course column of the attendance (or list) and the trainers */
    yr_course_days *cd;   /**< the course days (the settlement's days): yr_course_days_* */
    size_t *tkey;         /**< per trainer data row: its course day */
    cli_buf lkey;         /**< a label's key (yr_label_key) */
    yr_day_column daycol; /**< the days of both files as the reader reads them (yr_read_day) */
    const char **name;    /**< per municipality: its first name cell */
    size_t *party;        /**< per municipality: its party (with a lookup), else NULL */
    unsigned char *busy;  /**< per course day: 1 when it has participants */
    size_t name_cap, party_cap, busy_cap;
    yr_pot *acc;        /**< the accumulator, finished */
    size_t ndays, nmun; /**< the counts of the settlement */
    yr_pot_row *rows;   /**< nmun rows (yr_pot_finish) */
    yr_pot_summary sum; /**< its totals */
    int64_t *und;       /**< ndays: each day's undistributed pot */
    cli_buf scratch;    /**< for cycle_pot_name(), cycle_pot_day() */
    cli_buf key;        /**< a municipality's identity key (cycle_identity_key()) */
} cycle_pot;

/**
 * @brief Read the two files of @p a and settle them through the accumulator. Errors (the
 *        library's sentences at the file and line they concern) are the same for `pot` and
 *        `statement`; a day with trainers and no participants is a warning. @p look may be
 *        NULL. 0 or 2; free @p p with cycle_pot_free() in both cases.
 */
int cycle_pot_settle(const char *cmd, const cycle_pot_args *a, const cli_common *c,
                     const cycle_pot_lookup *look, cycle_pot *p);
/** @brief Municipality @p m's name as first written (trimmed; valid until the next call). */
const char *cycle_pot_name(cycle_pot *p, size_t m);
/** @brief Day @p d's label as first written (trimmed; valid until the next call). */
const char *cycle_pot_day(cycle_pot *p, size_t d);
/** @brief Free (a zeroed pot too). */
void cycle_pot_free(cycle_pot *p);

#endif
