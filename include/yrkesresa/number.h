/**
 * @file yrkesresa/number.h
 * @brief One rule for decimals, fractions and percentages, shared by the CLI, Python and R.
 *
 * Every fraction the library takes (the equal part of a mixed split, a threshold, a first
 * divisor, pot shares, a survey target) is an exact integer ratio num/den. Text is read by
 * yr_fraction_from_text() and a binary double by yr_fraction_from_double(), so the command
 * line, Python and R turn the same input into the same ratio.
 *
 * Which meaning a double gets: the SHORTEST decimal that reads back as the same double (what
 * Python's repr() prints and what a person typed). 0.3 is 3/10, 1.5 is 15/10, and
 * 0.1 + 0.2 — a different double from 0.3 — is 30000000000000004/10^17, because its shortest
 * round-trip decimal is 0.30000000000000004. Two calls with equal doubles always give equal
 * ratios; two different doubles never give the same ratio. The alternative, the binary value
 * of the double (0.3 = 5404319552844595/2^54), is exact but is not what anybody wrote; rounding
 * to "a few decimals" would silently make 0.1 + 0.2 equal 0.3 and give different answers for
 * different digit limits. The shortest round-trip decimal is the one rule that is exact,
 * reproducible in every language and what the user sees when the value is printed.
 *
 * No function here depends on the C locale's decimal point.
 */
#ifndef YRKESRESA_NUMBER_H
#define YRKESRESA_NUMBER_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Read a decimal, a percentage or a ratio written as text into an exact fraction.
 *
 * Accepted forms (blanks around the whole text are ignored: ASCII blanks, tab, CR, LF and the
 * Unicode spaces of yr_label_trim()): an optional sign, then
 *   - a decimal with comma or point: "0,3" -> 3/10, "0.30" -> 30/100, "1" -> 1/1, ".5" -> 5/10;
 *   - a percentage, the decimal followed by '%' with or without blanks before it:
 *     "30%" -> 30/100, "30 %" -> 30/100, "12,5 %" -> 125/1000;
 *   - a ratio of two whole numbers, blanks allowed around '/': "3/10" -> 3/10.
 * The fraction is not reduced (den is the power of ten of the decimals as written, times 100
 * for a percentage); den is always > 0; the sign goes on num. No exponents, no thousands
 * separators.
 *
 * @param[in]  s   NUL-terminated UTF-8 text
 * @param[out] num numerator (untouched on error)
 * @param[out] den denominator, > 0 (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE when the text is not a number of these forms
 *          (also a ratio with denominator 0); ::YR_ERR_OVERFLOW when num or den does not fit
 *          int64_t (e.g. more than 18 decimals).
 */
YR_API yr_status yr_fraction_from_text(const char *s, int64_t *num, int64_t *den);

/**
 * @brief yr_fraction_from_text() that also says why the text was refused (see ::yr_where):
 *        arg "s", ::YR_REASON_NOT_A_NUMBER or ::YR_REASON_TOO_MANY_DIGITS with the text.
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_fraction_from_text_where(const char *s, int64_t *num, int64_t *den,
                                             yr_where *where);

/**
 * @brief The exact fraction of the shortest decimal that reads back as @p x.
 *
 * The shortest of "%.1g" .. "%.17g" whose strtod() gives back @p x (Python's repr rule), as
 * num/10^k with k <= 18 (k = 0 for whole numbers): 0.3 -> 3/10, 1.5 -> 15/10, 100.0 -> 100/1,
 * 0.1 + 0.2 -> 30000000000000004/10^17, -0.25 -> -25/100. See the file comment for why.
 *
 * @param[in]  x   any double
 * @param[out] num numerator (untouched on error)
 * @param[out] den 10^k, > 0 (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE for NaN or an infinity; ::YR_ERR_OVERFLOW when
 *          the decimal needs more than 18 decimals (e.g. 1e-19) or its value does not fit int64_t
 *          (e.g. 1e19).
 */
YR_API yr_status yr_fraction_from_double(double x, int64_t *num, int64_t *den);

/**
 * @brief yr_fraction_from_double() that also says why (see ::yr_where): arg "x",
 *        ::YR_REASON_NOT_FINITE or ::YR_REASON_TOO_MANY_DIGITS with the number as text.
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_fraction_from_double_where(double x, int64_t *num, int64_t *den,
                                               yr_where *where);

/**
 * @brief The whole count that a stated percentage of @p n stands for, and whether it is exact.
 *
 * count = (pct_num / pct_den) % of n, rounded half away from zero ("77 %" of 22 answers:
 * 16.94 -> 17). *exact says whether that count really gives the stated percentage when shown
 * the way it was written: for pct_den = 10^d (d decimals), count × 100 / n rounded half away
 * from zero to d decimals equals pct_num / 10^d (17 of 22 is 77.27 %, shown as "77 %": exact;
 * "50 %" of 3 gives count 2, shown as "67 %": not exact — no whole count gives 50 % of 3).
 * For any other pct_den *exact is 1 only when count × 100 / n equals the percentage exactly.
 *
 * @param[in]  pct_num, pct_den  the percentage as a fraction (e.g. from yr_fraction_from_text()
 *                               of "77" or "12,5": 125/10), 0 <= pct_num / pct_den <= 100
 * @param[in]  n       the number of respondents (or whatever the percentage is of), >= 1
 * @param[out] count   the whole count, 0 .. n (untouched on error)
 * @param[out] exact   1 or 0 as above (untouched on error)
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (pct_den <= 0, a percentage outside 0..100,
 *          n < 1).
 */
YR_API yr_status yr_count_from_percent(int64_t pct_num, int64_t pct_den, int64_t n, int64_t *count,
                                       int *exact);

/**
 * @brief yr_count_from_percent() that also says why (see ::yr_where): arg "pct" with
 *        ::YR_REASON_DENOMINATOR, ::YR_REASON_FRACTION_NEGATIVE or ::YR_REASON_PERCENT_RANGE
 *        (value[0]/value[1] the percentage), or arg "n" with ::YR_REASON_BELOW_ONE.
 * @param[out] where written on every return; may be NULL
 */
YR_API yr_status yr_count_from_percent_where(int64_t pct_num, int64_t pct_den, int64_t n,
                                             int64_t *count, int *exact, yr_where *where);

/** Enough room for any text of yr_share_text(), yr_percent_text() and yr_quota_text() (with the
 *  terminating NUL): a sign, 20 digits, '.', 18 decimals and "…" are 43 bytes. */
#define YR_NUMBER_TEXT_MAX 48

/**
 * @brief A share as the exact fraction a controller recognises: "59752/288382" (a municipality's
 *        population over the population of all), written as given — NOT reduced (29876/144191
 *        is the same number but hides the basis).
 *
 * @param[in]  part  the numerator (e.g. the population used), any sign
 * @param[in]  whole the denominator (e.g. the sum of the populations), > 0
 * @param[out] buf   the text, NUL-terminated (untouched on error)
 * @param[in]  cap   the size of @p buf; ::YR_NUMBER_TEXT_MAX is always enough
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (whole <= 0, or the text does not fit cap).
 */
YR_API yr_status yr_share_text(int64_t part, int64_t whole, char *buf, size_t cap);

/**
 * @brief A fraction as a percentage with @p decimals decimals, rounded half away from zero, by
 *        exact integer arithmetic: 59752/288382 with 4 decimals is "20.7197".
 *
 * The text is digits with '.' as the decimal mark (a program that writes a decimal comma
 * replaces it, as it does for every number), a leading '-' for a negative value that is not 0
 * at this precision, no '%' sign and no thousands separators. 0 decimals: no '.'.
 *
 * @param[in]  num, den  the fraction (den > 0); the percentage is 100 * num / den
 * @param[in]  decimals  0 .. 18
 * @param[out] buf       the text (untouched on error)
 * @param[in]  cap       the size of @p buf; ::YR_NUMBER_TEXT_MAX is always enough
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (den <= 0, decimals > 18, or the text does
 *          not fit cap).
 */
YR_API yr_status yr_percent_text(int64_t num, int64_t den, unsigned decimals, char *buf,
                                 size_t cap);

/**
 * @brief An exact value whole + rem / den (a quota: ::yr_quota of table.h, or quota_whole,
 *        quota_rem and quota_den of an audit) as a decimal with @p decimals decimals, TRUNCATED
 *        toward zero, followed by "…" (U+2026, 3 bytes of UTF-8) when the value has more digits.
 *
 * Truncation keeps the whole part exact (the floor for a positive quota: a cell within one unit
 * of its quota is that number or the next), and the "…" says that the value is not whole at
 * this precision, so 176117.9999… is never shown as 176118 and 12.0000… (just above 12) never
 * as the whole number 12.0000. Examples with 4 decimals: 850000 × 59752 / 288382 =
 * 176117 + 227306/288382 is "176117.7882…"; 25/2 is "12.5000"; -25/2 (whole -13, rem 1, den 2)
 * is "-12.5000"; 7 is "7.0000". '.' is the decimal mark, as yr_percent_text().
 *
 * @param[in]  whole     the floor of the value
 * @param[in]  rem       0 <= rem < den
 * @param[in]  den       > 0
 * @param[in]  decimals  0 .. 18
 * @param[out] buf       the text (untouched on error)
 * @param[in]  cap       the size of @p buf; ::YR_NUMBER_TEXT_MAX is always enough
 * @returns ::YR_OK; ::YR_ERR_NULL; ::YR_ERR_RANGE (den <= 0, rem outside [0, den), decimals
 *          > 18, or the text does not fit cap).
 */
YR_API yr_status yr_quota_text(int64_t whole, int64_t rem, int64_t den, unsigned decimals,
                               char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
