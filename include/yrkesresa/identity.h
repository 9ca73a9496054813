/**
 * @file yrkesresa/identity.h
 * @brief libyrkesresa-read: one identity for a Swedish municipality, county or the nation.
 *
 * Every join, duplicate check, count and binding compares places by these rules:
 * - A **code** decides. A cell of ASCII digits only (after the name key's trimming) is an SCB
 *   code: four digits a municipality (`0114`, `2080`), three a municipality whose leading zero
 *   was lost (`114`: 100–999, as Excel shows 0114 stored as a number), two a county (`20`,
 *   `01`) or `00` the nation. Any other cell of digits only (`1`, `011`, `12345`, an unknown
 *   code such as `9999` or `26`) is an error, never a name. A cell of such a code, blanks or
 *   dashes and a name — `2080 Falun`, `20 Dalarnas län`, `00 Riket` (PxWeb's region column),
 *   `2080 – Falu kommun` — is the code's place when the name is one of that place's names or
 *   forms below (a county also by its short name after its code: `20 Dalarna`,
 *   `01 Stockholm`); otherwise it is an error (`code 2080 is Falun, not 'Mora'`).
 * - Else the **name key** (yr_name_key()): Unicode NFC of the case-folded text (full case
 *   folding: `ß` is `ss`), the default-ignorable code points removed (soft hyphen U+00AD,
 *   zero-width space and (non-)joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, variation
 *   selectors, U+034F, …), every dash (Unicode's dash punctuation: hyphen-minus, U+2010–U+2015,
 *   …; and U+2212 minus) and every run of blanks (Unicode White_Space: space, TAB, CR, LF,
 *   NBSP, U+2000–U+200A, U+202F, U+3000, …; and NUL) made one ASCII space, trimmed.
 *   `Malung-Sälen`, `MALUNG – SÄLEN`, ` Malung\u00A0-\u00A0Sälen`, NFD `Malung-Sälen` and
 *   `Borl\u00ADänge` ("Borlänge" with a soft hyphen) give the keys of `Malung-Sälen` and
 *   `Borlänge`. A soft hyphen is invisible, not a dash: `Malung\u00ADSälen` is `MalungSälen`,
 *   no municipality (yr_municipality_nearest() suggests Malung-Sälen).
 * - The key is looked up among these forms (generated with their keys by
 *   scripts/gen-municipalities.py, which checks that no form of one place is a name or form of
 *   another):
 *   - a municipality N (290): `N`, `N kommun`, `N stad`, and with its genitive G, `G kommun`
 *     and `G stad`. G is N + `s` (`Säters kommun`, `Stockholms stad`, `Upplands Väsbys
 *     kommun`) except after s, x or z (`Borås stad`, `Kalix kommun`: then N), and `Falu`
 *     for Falun. Gotland also `Region Gotland` (the municipality is its own region).
 *   - a county (21): its official name (`Dalarnas län`, `Skåne län`) and its short name
 *     followed by `län` with and without the genitive s (`Dalarna län`, `Skånes län`). A bare
 *     short or landscape name (`Dalarna`, `Skåne`) is no county: six short names are
 *     municipalities (Stockholm, Uppsala, Jönköping, Kalmar, Gotland, Örebro), and a landscape
 *     is not a county (Jämtland, Lappland). `Region Dalarna` is an organisation, not a county.
 *   - the nation: `Riket`, `Hela riket`, `Sverige`, `Hela Sverige`, `Hela landet`, `Sweden`.
 *   Municipalities, codes and counties as in data/sweden/municipalities.csv: the division in
 *   force since 2007 (Heby moved to Uppsala län, code 0331; Knivsta formed in 2003).
 * - A name outside the list is ::YR_PLACE_OTHER with its key as identity (regions,
 *   organisations, `Kommun 0000123`, `Dalarna`).
 *
 * For a table of 10^6 rows: yr_place_of() of a cell's key gives what it gives for the cell
 * (the key of a key is the key), so a caller that needs both computes the key once and places
 * the key. Names of ASCII and Latin-1 letters take a fast path (all of Sweden's names).
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
 * @brief The name key of @p s[0..len) (rules in the file comment).
 *
 * Invalid UTF-8 bytes are kept as they are (they never equal a valid name), and so are
 * default-ignorable code points between two of them (removing those could join the bytes into
 * a valid character). A run of more than 30 combining marks is cut after every 30, as Unicode's
 * stream-safe format does (UAX #15; no real text has one). So the key of a key is the key,
 * valid UTF-8 gives valid UTF-8, and a key never holds a NUL.
 * @param[in]  s   the text (may be NULL when @p len is 0)
 * @param[out] dst @p cap bytes: the key and a NUL (untouched on error). The key is never longer
 *                 than 3 × len bytes, so cap = 3 × len + 1 always suffices (a smaller buffer
 *                 costs a second pass to measure).
 * @param[out] out_len the key's length (may be NULL)
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_LIMIT when @p cap is too small.
 */
YR_READ_API yr_read_status yr_name_key(const char *s, size_t len, char *dst, size_t cap,
                                       size_t *out_len);

/**
 * @brief The place named by a cell: a code, a `code name` cell, or a name (file comment).
 *        An empty cell is ::YR_PLACE_OTHER.
 * @param[in]  s, len  the cell (UTF-8; s may be NULL when len is 0)
 * @param[out] place   where it is (untouched on error)
 * @param[out] code    its SCB code (2080, 20, 0), -1 for ::YR_PLACE_OTHER (untouched on error)
 * @param[out] err     on error (may be NULL): status, and message — `code 2080 is Falun, not
 *                     'Mora'`, `'9999' is not a municipality code`, `'26' is not a county
 *                     code`, `'9999 Falun': 9999 is not a municipality code`, `'1' is not an
 *                     SCB code: …`; line, other_line, column and cell_ref are none (0, 0,
 *                     ::YR_READ_NONE, "") for the caller to fill.
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL (place or code NULL, or s NULL with len > 0);
 *          ::YR_READ_ERR_IDENTITY when a code and a name disagree, or a cell of digits is not
 *          the code of a municipality, a county or the nation.
 */
YR_READ_API yr_read_status yr_place_of(const char *s, size_t len, yr_place *place, int *code,
                                       yr_read_error *err);

/**
 * @brief The identity key of a municipality cell: the one key every join, duplicate check and
 *        binding compares places by (the CLI's `pot`, `statement`, `audit`; Python's and R's
 *        pot_settle, split_frame, ...). Two cells are one place exactly when their keys are equal.
 *
 * A cell that yr_place_of() places (a municipality, a county, the nation) gives the name key
 * (yr_name_key()) of its official name (yr_place_name()); any other cell its own name key:
 * - `2080 Falun`, `2080`, `Falun`, `FALUN`, ` Falun `, `Falu kommun` and `Falun kommun` all give
 *   `falun`; `Region Gotland` and `Gotlands kommun` give `gotland`; `Dalarnas län` and
 *   `20 Dalarna` give `dalarnas län`; `Riket` and `Hela landet` give `riket`;
 * - an organisation or any other name gives its own key: `Region Dalarna` gives
 *   `region dalarna` (no municipality; `Borlange` gives `borlange`, no place: a caller whose
 *   column holds municipalities refuses it, with yr_municipality_nearest()'s "did you mean");
 * - a code and a name that disagree, or digits that are no code, are ::YR_READ_ERR_IDENTITY
 *   with yr_place_of()'s message in @p err (`code 2080 is Falun, not 'Mora'`,
 *   `'9999' is not a municipality code`).
 * @param[in]  s, len  the cell (UTF-8; s may be NULL when len is 0)
 * @param[out] dst     @p cap bytes: the key and a NUL (untouched on error). cap = 3 × len + 64
 *                     always suffices (an official name's key is shorter than 64 bytes).
 * @param[out] out_len the key's length (may be NULL)
 * @param[out] err     on error (may be NULL): status and message; line, other_line, column and
 *                     cell_ref are none (0, 0, ::YR_READ_NONE, "") for the caller to fill.
 * @returns ::YR_READ_OK; ::YR_READ_ERR_NULL; ::YR_READ_ERR_IDENTITY; ::YR_READ_ERR_LIMIT when
 *          @p cap is too small.
 */
YR_READ_API yr_read_status yr_identity_key(const char *s, size_t len, char *dst, size_t cap,
                                           size_t *out_len, yr_read_error *err);

/** @brief The place of SCB code @p code written with @p digits digits, by yr_place_of()'s rule
 *         for a cell of digits: 4 digits (or 3, for 100–999) a municipality in the list, 2 a
 *         county in the list or 0 the nation; ::YR_PLACE_OTHER for anything else (unknown
 *         codes, 1 or 5 digits). */
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
 * @brief The municipality whose name is nearest to @p s (for "did you mean"), or -1.
 *
 * The key of @p s is compared with the key of every form of every municipality (`Borlänge`,
 * `Borlänge kommun`, …) by edit distance (insert, delete or replace one code point) with
 * diacritics folded (canonical decomposition without its marks: å ä → a, ö → o, é → e; and
 * ø → o, æ → ae, œ → oe). A municipality qualifies at distance d ≤ 2 with 3 × d < the number
 * of code points of the folded key of @p s (`Borlange` → Borlänge at 0, `Stokholm` →
 * Stockholm at 1; `Mra` is too short for Mora). Ties, in order: the smaller distance between
 * the unfolded keys (`Haabo` → Habo, not Håbo), then the lower code (`Hobo` → Håbo 0305).
 * An exact name gives its own code.
 */
YR_READ_API int yr_municipality_nearest(const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif
