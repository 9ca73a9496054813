/**
 * @file yrkesresa/identity.h
 * @brief libyrkesresa-read: one identity for a Swedish municipality, county or the nation.
 *
 * Every join, duplicate check, count and binding compares places by these rules:
 * - A **code** decides: SCB's four-digit municipality code (`0114`, `2080`; leading zeros
 *   optional in a code column), two-digit county code (`20`), `00` for the nation. A cell
 *   `2080 Falun`, `20 Dalarnas län` or `00 Riket` (PxWeb's region column) carries both; a code
 *   and a name that disagree are an error.
 * - Else the **name key** (yr_name_key()): Unicode NFC, case folding, the invisible characters
 *   removed (soft hyphen U+00AD, zero-width space/joiners U+200B–U+200D, word joiner U+2060,
 *   BOM U+FEFF, and every other default-ignorable code point), every dash (hyphen-minus,
 *   U+2010–U+2015, U+2212 minus) and every run of blanks (the Unicode spaces, TAB, NBSP)
 *   unified to one ASCII space, trimmed. `Malung-Sälen`, `MALUNG – SÄLEN`, NFD `Malung-Sälen`
 *   and `Malung\u00ADSälen` give one key.
 * - The key is looked up among the 290 municipalities' names and their forms: `X kommun`,
 *   `X stad`, the genitive (`Falu kommun`, `Säters kommun`, `Stockholms stad`), `Region Gotland`
 *   and `Gotlands kommun`; the 21 counties (`Dalarnas län`, `Dalarna`, `Region Dalarna` is NOT a
 *   county: it is an organisation, ::YR_PLACE_OTHER); the nation (`Riket`, `Hela riket`,
 *   `Sverige`). Municipalities, codes and names as of 2018-12-31 (data/sweden; unchanged since
 *   2003, Knivsta and Uppsala the last split).
 * - A name outside the list is ::YR_PLACE_OTHER with its key as identity (regions,
 *   organisations, `Kommun 0000123`).
 *
 * No function here allocates or keeps state; the list is compiled in.
 */
#ifndef YRKESRESA_IDENTITY_H
#define YRKESRESA_IDENTITY_H

#include "yrkesresa/read.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The name key of @p s[0..len) (rules in the file comment). Invalid UTF-8 bytes are kept
 *        as they are (they never equal a valid name).
 * @param[out] dst  @p cap bytes: the key and a NUL (untouched on error)
 * @param[out] out_len the key's length (may be NULL)
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_LIMIT when @p cap is too small (a
 *          key is never longer than 3 × len + 1 bytes).
 */
YR_READ_API yr_read_status yr_name_key(const char *s, size_t len, char *dst, size_t cap,
                                       size_t *out_len);

/**
 * @brief The place named by a cell: a code, a `code name` cell, or a name (file comment).
 * @param[in]  s, len  the cell (UTF-8)
 * @param[out] place   where it is
 * @param[out] code    its SCB code, -1 for ::YR_PLACE_OTHER
 * @returns ::YR_READ_OK; ::YR_READ_ERR_IDENTITY when a code and a name disagree or a code is
 *          not a municipality, county or the nation (err->message says which).
 */
YR_READ_API yr_read_status yr_place_of(const char *s, size_t len, yr_place *place, int *code,
                                       yr_read_error *err);

/** @brief The place of an SCB code: 4 digits a municipality, 2 a county, 0 the nation
 *         (the number of digits as written: `digits`), or ::YR_PLACE_OTHER when unknown. */
YR_READ_API yr_place yr_place_of_code(int code, int digits);

/** @brief The official name of municipality or county @p code ("Falun", "Dalarnas län"; "Riket"
 *         for 0 as a nation), or NULL. */
YR_READ_API const char *yr_place_name(yr_place place, int code);

/** @brief The county code of municipality @p code (2080 -> 20), or -1. */
YR_READ_API int yr_municipality_county(int code);

/** @brief Number of municipalities in the list (290) and the code of the i-th, in code order. */
YR_READ_API size_t yr_municipality_count(void);
/** @brief The code of the @p i-th municipality in code order (0 <= i < 290), else -1. */
YR_READ_API int yr_municipality_code(size_t i);

/**
 * @brief The municipality whose name is nearest to @p s (for "did you mean"): the smallest
 *        edit distance between name keys with diacritics folded (å ä → a, ö → o, é → e), at
 *        most 2 edits and less than a third of the name's length; -1 when none is that near.
 */
YR_READ_API int yr_municipality_nearest(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
