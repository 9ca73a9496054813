/**
 * @file yrkesresa/names.h
 * @brief libyrkesresa-read: the names of what the `yrkesresa` program writes, in English and
 *        Swedish, and the guard that keeps Excel from running a cell as a formula.
 *
 * ## One table of output names
 * Every column header, row label, value word and sheet name the program writes is a
 * ::yr_out_name with one text per language (yr_out_text()). The CSV writer, the xlsx writer,
 * `--help` and the man page (generated from `--help`) take the words from here; the reader
 * recognises each column name in both languages as the role it plays (yr_out_name_role()), so
 * a result read back means what it meant when written. English is the default (Python and R
 * keep the English names: their users' convention); Swedish is `--lang sv` or
 * `YRKESRESA_LANG=sv`.
 *
 * Within one category (column, prefix, row label, value) and one language no two names share a
 * text, so yr_out_name_find() is unambiguous.
 *
 * A new column that has the name of an input column takes a suffix (yr_out_fresh()):
 * `amount` → `amount_new`, `amount_new_2`, ...; `belopp` → `belopp_ny`, `belopp_ny_2`, ...
 *
 * ## The formula guard (CSV for Excel)
 * Excel runs a CSV cell that begins with `=`, `+`, `-`, `@`, TAB or CR as a formula (CSV
 * injection). The program's `--excel` CSV writes such a *text* cell with a leading `'`, as
 * OWASP recommends; numbers are never touched (`-5` stays a number). So that the guard can be
 * taken off again without doubt, a text cell that already begins with one or more `'` followed
 * by one of those characters gets one more `'`. The rule, both ways:
 * - writing: yr_excel_guard_needed() says whether a text cell needs one `'` in front;
 * - reading a CSV text: yr_excel_guard_len() says whether a text cell carries a guard (1) to
 *   take off, or not (0). xlsx cells never carry one (their type says text).
 *
 * Pure functions of their arguments; no allocation, no state.
 */
#ifndef YRKESRESA_NAMES_H
#define YRKESRESA_NAMES_H

#include <stddef.h>

#include "yrkesresa/read.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A language of the output. */
typedef enum yr_lang {
    YR_LANG_EN = 0,   /**< English: the default, and the names Python and R use */
    YR_LANG_SV = 1,   /**< Swedish */
    YR_LANG_COUNT = 2 /**< number of values, not a value */
} yr_lang;

/**
 * @brief The language named @p code: "en" or "sv" (ASCII case ignored).
 * @returns 0; -1 for NULL or any other text (*out untouched).
 */
YR_READ_API int yr_lang_from_code(const char *code, yr_lang *out);
/** @brief "en" or "sv"; "" for a value out of range. Never NULL. */
YR_READ_API const char *yr_lang_code(yr_lang lang);

/** What a name is. */
typedef enum yr_out_category {
    YR_OUT_COLUMN = 0, /**< a column header */
    YR_OUT_PREFIX,     /**< the start of a header completed by a number or a name
                            (`per_` + 1000, `difference ` + scenario) */
    YR_OUT_ROW,        /**< a row label (Summa, Totalt, undistributed) */
    YR_OUT_VALUE       /**< a word in a cell (yes, met, MISMATCH) */
} yr_out_category;

/** The output names. The English text is the name in the comment. */
typedef enum yr_out_name {
    /* columns */
    YR_OUT_MUNICIPALITY = 0,  /**< municipality / kommun */
    YR_OUT_POPULATION,        /**< population / befolkning */
    YR_OUT_AMOUNT,            /**< amount / belopp */
    YR_OUT_GROUP_AMOUNT,      /**< group_amount / gruppbelopp */
    YR_OUT_TOTAL,             /**< total / totalt (a column: the row's sum) */
    YR_OUT_NAME,              /**< name / namn */
    YR_OUT_WEIGHT,            /**< weight / vikt */
    YR_OUT_PUBLISHED,         /**< published / publicerat */
    YR_OUT_QUOTA,             /**< quota / kvot */
    YR_OUT_LARGEST_REMAINDER, /**< largest_remainder / största rest */
    YR_OUT_DIFFERENCE,        /**< difference / skillnad */
    YR_OUT_WITHIN_QUOTA,      /**< within_quota / inom kvot */
    YR_OUT_METHODS,           /**< methods / metoder */
    YR_OUT_PARTICIPANT_DAYS,  /**< participant_days / deltagardagar */
    YR_OUT_FEES,              /**< fees / avgifter */
    YR_OUT_ADMIN,             /**< admin / administration */
    YR_OUT_POT_IN,            /**< pot_in / pott */
    YR_OUT_KICKBACK,          /**< kickback / återbetalning */
    YR_OUT_NET,               /**< net / netto */
    YR_OUT_INVOICE_DATE,      /**< invoice_date / fakturadatum */
    YR_OUT_DUE_DATE,          /**< due_date / förfallodatum */
    YR_OUT_YEAR,              /**< year / år */
    YR_OUT_COLUMN_NAME,       /**< column / kolumn */
    YR_OUT_SUM,               /**< sum / summa */
    YR_OUT_STATED,            /**< stated / angivet */
    YR_OUT_STATUS,            /**< status / status */
    YR_OUT_CHECK,             /**< check / kontroll */
    YR_OUT_COUNT,             /**< count / antal */
    YR_OUT_COURSE,            /**< course / kurs */
    YR_OUT_REGISTERED,        /**< registered / anmälda */
    YR_OUT_ATTENDED,          /**< attended / deltagit */
    YR_OUT_RATE,              /**< rate / närvaroandel */
    YR_OUT_LOW,               /**< low / nedre */
    YR_OUT_HIGH,              /**< high / övre */
    YR_OUT_PUBLISHED_PERCENT, /**< published_percent / publicerad procent */
    YR_OUT_COMPUTED_PERCENT,  /**< computed_percent / beräknad procent */
    YR_OUT_QUESTION,          /**< question / fråga */
    YR_OUT_YES,               /**< yes / antal ja (a column: the number of yes answers) */
    YR_OUT_RESPONDENTS,       /**< respondents / svarande */
    YR_OUT_SHARE,             /**< share / andel */
    YR_OUT_TARGET,            /**< target / mål */
    YR_OUT_VERDICT,           /**< verdict / bedömning */
    YR_OUT_NOTE,              /**< note / anmärkning */
    YR_OUT_FROM_COURSE,       /**< from_course / från kurs */
    YR_OUT_TO_COURSE,         /**< to_course / till kurs */
    YR_OUT_COMPLETED_FROM,    /**< completed_from / klarat från */
    YR_OUT_COMPLETED_TO,      /**< completed_to / klarat till */
    YR_OUT_LINE,              /**< line / rad (`read`: the row's line or sheet row) */
    YR_OUT_KIND,              /**< kind / radtyp (`read`: data, total, subtotal, ...) */
    YR_OUT_CODE,              /**< code / kod (`read --codes`: the SCB code) */
    YR_OUT_DAY,               /**< day / dag (`pot --by-day`: the course day) */
    YR_OUT_ITEM,              /**< item / post (`statement --per-municipality`: an item) */
    YR_OUT_TRAINERS,          /**< trainers / utbildare (`pot --by-day`: trainer records) */
    YR_OUT_EXACT,             /**< exact / exakt (`pot --by-day`: the exact entitlement) */
    YR_OUT_SHARE_PERCENT,     /**< share_percent / andel_procent (`statement --explain`) */
    /* prefixes */
    YR_OUT_COMPLETED_COURSE, /**< completed_course / klarat kurs  (+ the course number) */
    YR_OUT_PER,              /**< per_ / per  (+ N: coverage per N inhabitants) */
    YR_OUT_DIFFERENCE_OF,    /**< "difference " / "skillnad " (+ a scenario) */
    YR_OUT_QUOTA_OF,         /**< "quota " / "kvot " (+ an item: `statement --explain`) */
    /* row labels */
    YR_OUT_SUMMA,         /**< Summa / Summa: the total row the program adds */
    YR_OUT_TOTALT,        /**< Totalt / Totalt: the computed total of a statistic or pot */
    YR_OUT_UNDISTRIBUTED, /**< undistributed / ej fördelat (the pot nobody could get) */
    YR_OUT_ALL_YEARS,     /**< all / alla (the block of every year) */
    /* values */
    YR_OUT_V_YES,             /**< yes / ja */
    YR_OUT_V_NO,              /**< no / nej */
    YR_OUT_V_OK,              /**< ok / ok */
    YR_OUT_V_MISMATCH,        /**< MISMATCH / AVVIKER */
    YR_OUT_V_NO_STATED_TOTAL, /**< no stated total / ingen angiven summa */
    YR_OUT_V_MET,             /**< met / uppnått (yr_goal YR_GOAL_MET) */
    YR_OUT_V_NOT_MET,         /**< not met / ej uppnått */
    YR_OUT_V_INCONCLUSIVE,    /**< inconclusive / osäkert */
    YR_OUT_NAME_COUNT         /**< number of values, not a value */
} yr_out_name;

/** @brief The text of @p name in @p lang (UTF-8, static); "" for a value out of range. */
YR_READ_API const char *yr_out_text(yr_out_name name, yr_lang lang);
/** @brief The category of @p name (::YR_OUT_VALUE for a value out of range). */
YR_READ_API yr_out_category yr_out_name_category(yr_out_name name);
/**
 * @brief The role a column of this name plays when the table is read back (::YR_ROLE_NONE when
 *        none): `amount`/`belopp` are ::YR_ROLE_AMOUNT, `fees`/`avgifter` ::YR_ROLE_FEES.
 */
YR_READ_API yr_read_role yr_out_name_role(yr_out_name name);
/**
 * @brief The name of category @p cat whose text in either language equals @p text exactly;
 *        ::YR_OUT_NAME_COUNT when none (NULL included).
 */
YR_READ_API yr_out_name yr_out_name_find(const char *text, yr_out_category cat);

/**
 * @brief A new column's header that no existing column has: the text of @p name in @p lang,
 *        else with `_new` (en) / `_ny` (sv), else `_new_2`, `_new_3`, ... (`_ny_2`, ...).
 * @param taken  1 when a header is already a column of the table (e.g. a case-insensitive
 *               search of the input's header); called with each candidate in turn
 * @param ctx    passed to @p taken
 * @param dst    @p cap bytes for the header and its NUL
 * @returns 0; -1 when @p taken or @p dst is NULL, @p name is out of range, @p cap is too small
 *          or a million candidates are taken (dst is "" then, when cap > 0).
 */
YR_READ_API int yr_out_fresh(yr_out_name name, yr_lang lang,
                             int (*taken)(const char *header, void *ctx), void *ctx, char *dst,
                             size_t cap);

/** The tables the program writes, one per command (and per form of a command). */
typedef enum yr_out_table {
    YR_TABLE_SPLIT = 0,        /**< `split`: sheet Split / Fördelning */
    YR_TABLE_AUDIT,            /**< `audit --csv`: Audit / Granskning */
    YR_TABLE_POT,              /**< `pot`: Pot / Utbildarpott */
    YR_TABLE_STATEMENT,        /**< `statement`: Statement / Faktureringsunderlag */
    YR_TABLE_COMPARE,          /**< `compare`: Compare / Jämförelse */
    YR_TABLE_STATS_CHECK,      /**< `stats check`, `pot --check`: Check / Kontroll */
    YR_TABLE_STATS_PARTS,      /**< `stats check --parts` and `--rate`: Parts / Delar */
    YR_TABLE_STATS_COUNT,      /**< `stats count`: Count / Antal */
    YR_TABLE_STATS_ATTENDANCE, /**< `stats attendance`: Attendance / Närvaro */
    YR_TABLE_STATS_SURVEY,     /**< `stats survey`: Survey / Enkät */
    YR_TABLE_STATS_PROGRESS,   /**< `stats progress`: Progress / Progression */
    YR_TABLE_STATS_COVERAGE,   /**< `stats progress --population`: Coverage / Täckning */
    YR_TABLE_READ,             /**< `read`: Read table / Inläst tabell */
    YR_TABLE_COUNT             /**< number of values, not a value */
} yr_out_table;

/** @brief The table's id, its command's words ("split", "stats survey"); "" out of range. */
YR_READ_API const char *yr_out_table_id(yr_out_table table);
/** @brief The table of id @p id ("pot", "stats count"); ::YR_TABLE_COUNT when none. */
YR_READ_API yr_out_table yr_out_table_from_id(const char *id);
/** @brief The sheet name of the table's workbook in @p lang (at most 31 characters). */
YR_READ_API const char *yr_out_table_sheet(yr_out_table table, yr_lang lang);
/**
 * @brief The fixed columns the table writes, in order (a table that echoes the input's columns
 *        or adds one per item or scenario lists the ones it always adds): writes at most
 *        @p cap names to @p out and returns how many there are.
 */
YR_READ_API size_t yr_out_table_columns(yr_out_table table, yr_out_name *out, size_t cap);

/**
 * @brief 1 when a *text* cell @p s[0..len) must be written with a leading `'` in a CSV for
 *        Excel: it begins with `=`, `+`, `-`, `@`, TAB or CR, or with one or more `'` followed
 *        by one of them. 0 otherwise (an empty cell, NULL).
 */
YR_READ_API int yr_excel_guard_needed(const char *s, size_t len);
/**
 * @brief For a reader of CSV text: 1 when text cell @p s[0..len) carries a guard, i.e. begins
 *        with `'` and yr_excel_guard_needed() holds for the rest: skip that one byte. Else 0.
 */
YR_READ_API size_t yr_excel_guard_len(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
