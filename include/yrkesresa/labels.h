/**
 * @file yrkesresa/labels.h
 * @brief One rule for labels (municipality names, total rows, "2080 Falun" cells), used by the
 *        command-line program and by the Python and R bindings alike.
 *
 * Labels are UTF-8. The rules know the blanks that spreadsheets and Statistics Sweden (SCB)
 * exports put around and inside names (ASCII blanks, tab, CR, LF, no-break space U+00A0, thin
 * space U+2009, narrow no-break space U+202F, figure space U+2007, ideographic space U+3000) and
 * fold the case of ASCII and Latin-1 letters (Å Ä Ö É Ü ...). They never depend on the C locale.
 * Bytes that are not UTF-8 are kept as they are.
 */
#ifndef YRKESRESA_LABELS_H
#define YRKESRESA_LABELS_H

#include "yrkesresa/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Trim the blanks listed in the file comment from both ends of s[0..len).
 * @param[in]  s      the label (need not be NUL-terminated; may be NULL when len is 0)
 * @param[in]  len    its length in bytes
 * @param[out] start  offset of the first kept byte (0 when nothing is kept); may be NULL
 * @returns the trimmed length in bytes (0 for an all-blank label).
 */
YR_API size_t yr_label_trim(const char *s, size_t len, size_t *start);

/**
 * @brief 1 when @p s names a total row, else 0.
 *
 * After trimming, an optional trailing ':' and the blanks before it are dropped; then the label,
 * compared as yr_label_key() does (any case, inner blanks and '-' alike), is one of Summa,
 * Totalt, Total, Sum, Summa kommuner, Totalt länet, Summa länet, Hela länet, Riket, Totalsumma,
 * or a county name: one or more words followed by the word "län" ("Dalarnas län",
 * "VÄSTRA GÖTALANDS LÄN:"). NULL gives 0.
 *
 * Deprecated for deciding which rows are parties: the "... län" clause also takes an
 * organisation named after its county ("Region Jönköpings län", "Länsstyrelsen i Dalarnas
 * län"), a party. The core has no county list; the reader (yrkesresa/read.h: rule 4,
 * yr_read_classify()) knows a county only by one of its forms ("Dalarnas län", "Dalarna län",
 * "20 Dalarnas län"), and the Python and R bindings' label_is_total and drop_total_rows ask it.
 * The program uses this function only to print such rows in bold.
 */
YR_API int yr_label_is_total(const char *s);

/**
 * @brief The join key of a municipality name: trimmed, every run of blanks and '-' made one
 *        ASCII space, ASCII and Latin-1 letters folded to lower case.
 *
 * "Malung-Sälen", " malung  sälen" and "MALUNG - SÄLEN" all give "malung sälen". Every join of
 * records by name (CLI and bindings) compares these keys. The key is never longer than the
 * label, so a buffer of strlen(s) + 1 bytes always suffices.
 *
 * @param[in]  s    NUL-terminated UTF-8 label
 * @param[out] dst  cap bytes; receives the key and a terminating NUL (untouched on error)
 * @param[in]  cap  size of dst
 * @param[out] len  the key's length without the NUL (untouched on error); may be NULL
 * @returns ::YR_OK; ::YR_ERR_NULL (s or dst NULL); ::YR_ERR_OVERFLOW (cap too small for the key
 *          and its NUL).
 */
YR_API yr_status yr_label_key(const char *s, char *dst, size_t cap, size_t *len);

/**
 * @brief Split a cell such as "2080 Falun" or "0114 Upplands Väsby" (SCB's region column) into
 *        a municipality code and a name.
 *
 * The form, after trimming: exactly four ASCII digits, one or more blanks, a non-blank name.
 * @param[in]  s           NUL-terminated UTF-8 cell
 * @param[out] code        the code (0114 -> 114); may be NULL; untouched when 0 is returned
 * @param[out] name_start  byte offset of the name in @p s; may be NULL; untouched when 0 is
 *                         returned (the name ends where yr_label_trim() ends it)
 * @returns 1 when the cell has that form, 0 otherwise (also for NULL).
 */
YR_API int yr_label_code(const char *s, int *code, size_t *name_start);

/**
 * @brief Find a row that looks like a total: the first index i whose weight equals the sum of
 *        all the others (w[i] == W - w[i], W computed exactly), for n >= 3.
 *
 * A column read straight from a published table often still holds its "Summa" row; split as a
 * party it silently halves everybody. The CLI refuses such a row unless it is named a total,
 * Python warns (YrTotalRowWarning) and R calls warning(). A row of weight 0 never counts (with
 * all weights 0 every row would "equal the others" and nothing would be halved).
 *
 * @param[in]  w      n weights (may be NULL when n is 0)
 * @param[in]  n      number of weights
 * @param[out] index  the index, or ::YR_WHERE_NONE when there is none or n < 3
 * @returns ::YR_OK; ::YR_ERR_NULL.
 */
YR_API yr_status yr_find_total_row(const int64_t *w, size_t n, size_t *index);

#ifdef __cplusplus
}
#endif

#endif
