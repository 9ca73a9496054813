/**
 * @file yrkesresa/common.h
 * @brief Status codes, the export macro, yr_strerror(), and where and why an error comes from
 *        (yr_where, yr_where_message()).
 *
 * Every fallible function of libyrkesresa returns a ::yr_status. On any status other than
 * ::YR_OK the function has written nothing to its output buffers.
 */
#ifndef YRKESRESA_COMMON_H
#define YRKESRESA_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(YR_BUILDING_LIBRARY) && defined(__GNUC__)
#define YR_API __attribute__((visibility("default")))
#else
#define YR_API
#endif

/** Result of every fallible call. The names and values are part of the contract (SPEC). */
typedef enum yr_status {
    YR_OK = 0,              /**< success */
    YR_ERR_NULL = 1,        /**< a required pointer is NULL */
    YR_ERR_EMPTY = 2,       /**< no parties / no records where some are required */
    YR_ERR_NEGATIVE = 3,    /**< a weight, count or (divisor methods) total is negative */
    YR_ERR_ZERO_WEIGHT = 4, /**< all weights are zero while the total is not */
    YR_ERR_OVERFLOW = 5,    /**< a result or an exact intermediate does not fit */
    YR_ERR_RANGE = 6,       /**< an index, enum or parameter is out of range */
    YR_ERR_NOMEM = 7,       /**< allocation failed */
    YR_ERR_TIE = 8,         /**< the result depends on how an exact tie is broken (asked for) */
    YR_STATUS_COUNT = 9     /**< number of values, not a value: statuses are 0 .. YR_STATUS_COUNT-1
                                 (for iteration in tests and bindings) */
} yr_status;

/** "No index": yr_where::record or yr_where::column when the status is not about one. */
#define YR_WHERE_NONE ((size_t)-1)

/**
 * @brief Why an input was refused: the rule it broke. yr_where_message() turns the reason and the
 *        values of a ::yr_where into one English sentence; the examples below are those
 *        sentences (C's words: 0-based indices, the parameter names of the headers).
 *
 * The names and values are part of the contract (new reasons are added before
 * ::YR_REASON_COUNT, never renumbered); yr_reason_name() gives the name, e.g.
 * "YR_REASON_LARGER", which the bindings expose (Python `Error.reason`, R `cond$reason`).
 */
typedef enum yr_reason {
    YR_REASON_NONE = 0,                  /**< none recorded: YR_OK, YR_ERR_NULL ("weights is NULL"),
                                              YR_ERR_NOMEM */
    YR_REASON_EMPTY = 1,                 /**< "weights is empty: there is nothing to work on" */
    YR_REASON_NEGATIVE = 2,              /**< "weights[6] is negative (-5)" */
    YR_REASON_NEGATIVE_TOTAL = 3,        /**< "total -5 is negative: dhondt splits whole units of a
                                              total of 0 or more" */
    YR_REASON_SUM_PAST = 4,              /**< "the totals add up past 9223372036854775807" */
    YR_REASON_LARGER = 5,                /**< "pot_part 400 is larger than fee 300" */
    YR_REASON_ALL_ZERO = 6,              /**< "all weights are 0, so nothing can take the total
                                              100" */
    YR_REASON_DENOMINATOR = 7,           /**< "threshold 1/0: the denominator is not positive" */
    YR_REASON_FRACTION_NEGATIVE = 8,     /**< "equal_part -1/2 is negative" */
    YR_REASON_ABOVE_WHOLE = 9,           /**< "equal_part 3/2 is more than the whole" */
    YR_REASON_FRACTION_ABOVE = 10,       /**< "first_divisor 7/2 is above 3" */
    YR_REASON_ENUM = 11,                 /**< "method 9 is not one of 0 to 7" */
    YR_REASON_UNKNOWN_NAME = 12,         /**< "unknown method 'jeferson' (known: ...)" */
    YR_REASON_FIRST_DIVISOR_METHOD = 13, /**< "first_divisor is only for sainte_lague and
                                              sainte_lague_modified, not dhondt" */
    YR_REASON_BOUNDS_METHOD = 14,        /**< "minimum is only for the divisor methods, not
                                              largest_remainder" */
    YR_REASON_THRESHOLD_MINIMUM = 15,    /**< "minimum[3] is 2, but the threshold 1/20 leaves that
                                              party out (weight 10)" */
    YR_REASON_MINIMUM_ABOVE_MAXIMUM = 16, /**< "minimum 5 is above maximum 3 for party 2" */
    YR_REASON_MINIMUMS_ABOVE_TOTAL = 17,  /**< "the minimums add up to 12, more than the total
                                               10" */
    YR_REASON_MAXIMUMS_BELOW_TOTAL = 18,  /**< "the maximums add up to 8, less than the total 10
                                               (a party with weight 0 counts with its minimum)" */
    YR_REASON_THRESHOLD_ALL = 19,         /**< "the threshold 1/2 leaves every party out, so nothing
                                               can take the total 10" */
    YR_REASON_TIE = 20,                   /**< "an exact tie decides the last unit (party 3 is the
                                               first tied); tie 'report' asked to be told" */
    YR_REASON_MIXED_ALL_ZERO = 21,        /**< "all weights are 0, so nothing can take the 1/2 of
                                               the total 100 that is split by weight" */
    YR_REASON_EXACT_TOO_WIDE = 22,        /**< "total 9223372036854775807: an exact intermediate
                                               does not fit 128 bits" */
    YR_REASON_TABLE_TOO_LARGE = 23,       /**< "a table of 10 x 20 cells is too large" */
    YR_REASON_INDEX_PAST = 24,            /**< "group[4] is 7, but the groups go from 0 to 2" */
    YR_REASON_RECORD_INDEX_PAST = 25,     /**< "attendance record 3: day is 9, but the days go from
                                               0 to 4" */
    YR_REASON_RECORD_NEGATIVE = 26,       /**< "attendance record 3: participants is negative
                                               (-2)" */
    YR_REASON_RECORD_ENUM = 27,           /**< "trainers record 2: role 5 is not one of 0 to 1" */
    YR_REASON_ZERO_COUNT = 28,            /**< "nmunicipalities is 0: there is nothing to work on"
                                           */
    YR_REASON_PRODUCT_PAST = 29,          /**< "fee 600 times 20000000000000000 participant-days is
                                               past 9223372036854775807" */
    YR_REASON_DAY_ZERO_SHARES = 30,  /**< "trainers record 5: the day of this trainer (day 4) has
                                          a pot of 800, but the shares of its trainers add up to 0"
                                          */
    YR_REASON_DENOMINATOR_PAST = 31, /**< "the common denominator of the days' shares does not
                                          fit 128 bits" */
    YR_REASON_SHARES_PAST = 32,      /**< "the shares over their common denominator 30 do not
                                          fit 64 bits" */
    YR_REASON_NEGATIVE_SHARE = 33,   /**< "the leader share is negative (-3)" */
    YR_REASON_CONFIDENCE = 34,       /**< "confidence 95 is not between 0 and 1 (a share, not a
                                          percentage: 0.95 for 95 %)" */
    YR_REASON_SHARE_RANGE = 35,      /**< "target 80 is outside 0 to 1 (a share, not a
                                          percentage: 0.8 for 80 %)" */
    YR_REASON_NOT_POSITIVE = 36,     /**< "per -5 is not above 0" */
    YR_REASON_ZERO_SUM = 37,         /**< "registered adds up to 0: nobody to count" */
    YR_REASON_TOO_FEW = 38,          /**< "completed has 1 value; at least 2 are needed" */
    YR_REASON_COLUMN_SUM_PAST = 39,  /**< "column 3 of table adds up past
                                          9223372036854775807" */
    YR_REASON_NOT_A_NUMBER = 40,     /**< "'abc' is not a number: write a decimal (0,3 or
                                          0.3), a percentage (30 %) or a ratio (3/10)" */
    YR_REASON_TOO_MANY_DIGITS = 41,  /**< "'0,1234567890123456789' has more digits than 64 bits
                                          hold" */
    YR_REASON_NOT_FINITE = 42,       /**< "inf is not a finite number" */
    YR_REASON_PERCENT_RANGE = 43,    /**< "percent 120 is outside 0 to 100" */
    YR_REASON_BELOW_ONE = 44,        /**< "n is 0; it must be at least 1" */
    YR_REASON_YEAR_ZERO_WEIGHT = 45, /**< "every weight of year 2 is 0, so nothing can take the
                                          items of that year" */
    YR_REASON_NET_PAST = 46,         /**< "party 3: total 10 + fees 20 - kickback 5 does not
                                          fit 64 bits" */
    YR_REASON_COLUMN_PAST = 47,      /**< "whole: column 5 is past the 4 columns of the table" */
    YR_REASON_PART_IS_WHOLE = 48,    /**< "parts: column 2 is the whole" */
    YR_REASON_PART_TWICE = 49,       /**< "parts lists column 2 twice" */
    YR_REASON_ROW_PAST = 50,         /**< "row 4: the parts or their difference from the whole
                                          do not fit 64 bits" */
    YR_REASON_ROW_RATE_PAST = 51,    /**< "row 4: base 10 times the rate 400 or its difference
                                          from the whole does not fit 64 bits" */
    YR_REASON_DATE = 52,             /**< "2024-02-30 is not a date of the years 1 to 9999" */
    YR_REASON_DAYS_RANGE = 53,       /**< "day number 5000000 is outside 0001-01-01 to
                                          9999-12-31" */
    YR_REASON_DATE_PAST = 54,        /**< "2024-12-01 plus 3000000 days is past 9999-12-31" */
    YR_REASON_DIFF_PAST = 55,        /**< "published[3] 9223372036854775807 minus the expected
                                          -5 does not fit 64 bits" */
    YR_REASON_QUOTA_PAST = 56,       /**< "the quota 10 x 9223372036854775807 / 3 does not fit
                                          64 bits" */
    YR_REASON_SPLIT_SUM_PAST = 57,   /**< "split 2 or its differences from split 0 add up past
                                          9223372036854775807" */
    YR_REASON_INCREASES = 58,        /**< "completed[3] 12 is larger than completed[2] 10, the
                                          one before it" */
    YR_REASON_COUNT_MISMATCH = 59,   /**< "nmunicipalities is 5, but the pot has 7
                                          municipalities" */
    YR_REASON_NOT_SETTLED = 60,      /**< "the pot is not settled: yr_pot_finish comes first, and
                                          again after a record is added" */
    YR_REASON_PAIR_DENOMINATOR_PAST = 61, /**< "trainers record 3: the exact kickback of this
                                               trainer's day and municipality has a denominator
                                               past 9223372036854775807" */
    YR_REASON_RATE_AND_EQUAL = 62,        /**< "items[2] has both a rate (3/2) and an equal part
                                               (1/4)" */
    YR_REASON_LCM_PAST = 63,              /**< "the common denominator of the items' quotas does
                                               not fit 128 bits" */
    YR_REASON_RATE_PAST = 64,             /**< "weights[3] 9000000000000000000 times the rate 3/2
                                               does not fit 64 bits" */
    YR_REASON_CELL_PAST = 65,             /**< "published[2, 1] 9223372036854775807 (expected
                                               -5): its quota or its difference does not fit 64
                                               bits" */
    YR_REASON_COLUMN_DIFF_PAST = 66,      /**< "column 1 of published adds up to
                                               -9223372036854775807, which minus the stated total
                                               10 does not fit 64 bits" */
    YR_REASON_ROW_ARITH_PAST = 67,        /**< "row 4: the sums and differences of net do not fit
                                               64 bits" */
    YR_REASON_BANK_DAY_YEAR = 68,         /**< "1952-12-31 is before 1953: the bank days of
                                               earlier years are not known" */
    YR_REASON_BANK_DAY_PAST = 69,         /**< "9999-12-31 is not a bank day, and the next one is
                                               past 9999-12-31" */
    YR_REASON_NEGATIVE_ITEM = 70, /**< "an item's amount is negative (-200000): the items of a
                                       split are amounts of 0 or more; net a grant or
                                       refund against another item, or split the net
                                       amount as one total (--total)" */
    YR_REASON_COUNT = 71          /**< number of values, not a value */
} yr_reason;

/**
 * @brief Where and why an error comes from, written by the `_where` variants of the functions
 *        (the `where` argument may be NULL).
 *
 * On return (any status) the whole struct is written: on ::YR_OK record and column are
 * ::YR_WHERE_NONE, arg is NULL, status ::YR_OK and reason ::YR_REASON_NONE; on an error they
 * name the element that caused it as precisely as the function knows (record ::YR_WHERE_NONE
 * when it is the whole input, e.g. a sum that overflows; then arg names the array), and reason,
 * names, value and text say why, for yr_where_message().
 *
 * ABI: the struct grew in 0.3 (status, reason, names, value, text after the first three fields,
 * which keep their places). A caller allocates it, so a program built against 0.2 could not run
 * against 0.3: the soname is libyrkesresa.so.0.3 (CHANGELOG.md). The alternative, a second struct
 * and a second `_why` family of every `_where` function, would have doubled the API for no
 * caller's benefit before 1.0.
 */
typedef struct yr_where {
    size_t record;       /**< 0-based index of the offending element/record, or ::YR_WHERE_NONE */
    size_t column;       /**< tables: 0-based column (item), else ::YR_WHERE_NONE */
    const char *arg;     /**< static name of the offending parameter ("weights", "total", ...) or
                              NULL */
    yr_status status;    /**< the status returned (since 0.3) */
    yr_reason reason;    /**< why (since 0.3); ::YR_REASON_NONE when the status says it all */
    const char *name[2]; /**< static names of the quantities the sentence compares when they are
                              not arg ({"pot_part", "fee"}), or NULL */
    int64_t value[4];    /**< the values involved, as the reason documents them (a fraction is
                              value[0]/value[1] or value[2]/value[3]) */
    char text[48];       /**< text the reason quotes (an unknown name, a number that does not
                              read; cut to fit, valid UTF-8), or "" */
} yr_where;

/**
 * @brief The reason of an error as one English sentence, the one every interface shows.
 *
 * "pot_part 400 is larger than fee 300", "weights[6] is negative (-5)", "equal_part 3/2 is more
 * than the whole". An interface may put its own context in front (the program FILE:LINE, Python
 * the function and argument as the user wrote them) but composes no sentence of its own about a
 * rule of the library. When no reason is recorded (::YR_REASON_NONE) the sentence is
 * yr_strerror(status), with the argument when there is one ("weights is NULL").
 *
 * @param[in]  where  as written by a `_where` function (not NULL)
 * @param[in]  first  how the sentence numbers elements: 0 as C and Python count, 1 as R and
 *                    people count; ::YR_WHERE_NONE leaves the element numbers out ("weights is
 *                    negative (-5)") for a caller that says where itself (the program's
 *                    FILE:LINE) and counts any other index from 1
 * @param[in]  names  NULL, or pairs {C name, shown name}, ..., NULL: the names an interface shows
 *                    instead of C's parameter names (the program: {"pot_part", "--pot", "fee",
 *                    "--fee", NULL})
 * @param[out] buf    the sentence, NUL-terminated, cut to @p size - 1 bytes at a UTF-8 boundary;
 *                    may be NULL when @p size is 0
 * @param[in]  size   bytes at @p buf
 * @returns the length of the whole sentence in bytes (without the NUL), as snprintf() does: a
 *          result >= @p size means it was cut. 256 bytes hold every sentence of this version
 *          except a quoted text's and a list of known names (512 hold those).
 */
YR_API size_t yr_where_message(const yr_where *where, size_t first, const char *const *names,
                               char *buf, size_t size);

/**
 * @brief The symbolic name of a reason, e.g. "YR_REASON_LARGER".
 * @returns a static string (never NULL); "YR_REASON_UNKNOWN" for unknown values.
 */
YR_API const char *yr_reason_name(yr_reason reason);

/**
 * @brief One-line English message for a status.
 * @param[in] status any value; unknown values give "unknown status".
 * @returns a static string (never NULL, never to be freed).
 */
YR_API const char *yr_strerror(yr_status status);

/**
 * @brief The symbolic name of a status, e.g. "YR_ERR_RANGE".
 * @returns a static string (never NULL); "YR_UNKNOWN" for unknown values.
 */
YR_API const char *yr_status_name(yr_status status);

#ifdef __cplusplus
}
#endif

#endif
