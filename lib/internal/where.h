/* Private: writing a yr_where (common.h) from the _where variants. Never installed.
 *
 * Every error site says where (record, column, arg) and why (a yr_reason and its values):
 *     return yr_where_why(where, YR_ERR_NEGATIVE, i, YR_WHERE_NONE, "weights",
 *                         YR_WHY(YR_REASON_NEGATIVE, weights[i]));
 * yr_where_message() (lib/message.c) composes the sentence; the values each reason takes are
 * listed with its template there. */
#ifndef YR_INTERNAL_WHERE_H
#define YR_INTERNAL_WHERE_H

#include <string.h>

#include "yrkesresa/common.h"

/* A reason with its values, names and text, for yr_where_why(). */
typedef struct yr_why {
    yr_reason reason;
    int64_t v[4];
    const char *name[2];
    const char *text; /* copied (cut at a UTF-8 boundary) into where->text, or NULL */
    size_t text_len;  /* its length; 0: NUL-terminated */
} yr_why;

/* A reason and up to four values; with names; with a text. */
#define YR_WHY(R, ...) ((yr_why){.reason = (R), .v = {__VA_ARGS__}})
#define YR_WHY_NAMED(R, N0, N1, ...) ((yr_why){.reason = (R), .v = {__VA_ARGS__}, .name = {N0, N1}})
#define YR_WHY_TEXT(R, N0, T, LEN, ...)                                                            \
    ((yr_why){                                                                                     \
        .reason = (R), .v = {__VA_ARGS__}, .name = {N0, NULL}, .text = (T), .text_len = (LEN)})

/* A sum that does not fit int64 in value[0] of a reason whose template shows it with %S
 * (lib/message.c): yr_where_message() shows "more than 9223372036854775807". */
#define YR_WHY_SUM_PAST INT64_MIN

/* "Nowhere": what *where holds on YR_OK. where may be NULL. */
static inline void yr_where_clear(yr_where *where)
{
    if (where != NULL) {
        memset(where, 0, sizeof *where);
        where->record = YR_WHERE_NONE;
        where->column = YR_WHERE_NONE;
        where->arg = NULL;
        where->status = YR_OK;
        where->reason = YR_REASON_NONE;
        where->name[0] = where->name[1] = NULL;
    }
}

/* Copy text[0..len) (len 0: up to its NUL) into where->text, cut to fit at a UTF-8 boundary. */
static inline void yr_where_set_text(yr_where *where, const char *text, size_t len)
{
    size_t cap = sizeof where->text - 1;
    if (text == NULL)
        len = 0;
    else if (len == 0)
        len = strlen(text);
    if (len > cap) {
        len = cap;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* never end inside a UTF-8 sequence */
    }
    if (len > 0)
        memcpy(where->text, text, len);
    where->text[len] = '\0';
}

/* Record that status st comes from record/column of the parameter arg, for the reason why;
 * returns st. */
static inline yr_status yr_where_why(yr_where *where, yr_status st, size_t record, size_t column,
                                     const char *arg, yr_why why)
{
    if (where != NULL) {
        yr_where_clear(where);
        where->record = record;
        where->column = column;
        where->arg = arg;
        where->status = st;
        where->reason = why.reason;
        where->name[0] = why.name[0];
        where->name[1] = why.name[1];
        for (int k = 0; k < 4; k++)
            where->value[k] = why.v[k];
        yr_where_set_text(where, why.text, why.text_len);
    }
    return st;
}

/* The same without a reason: the status says it all (YR_ERR_NULL, YR_ERR_NOMEM). */
static inline yr_status yr_where_fail(yr_where *where, yr_status st, size_t record, size_t column,
                                      const char *arg)
{
    return yr_where_why(where, st, record, column, arg, YR_WHY(YR_REASON_NONE, 0));
}

/* The same for a whole parameter (no record, no column). */
static inline yr_status yr_where_arg(yr_where *where, yr_status st, const char *arg)
{
    return yr_where_fail(where, st, YR_WHERE_NONE, YR_WHERE_NONE, arg);
}

/* A whole parameter, for the reason why. */
static inline yr_status yr_where_arg_why(yr_where *where, yr_status st, const char *arg, yr_why why)
{
    return yr_where_why(where, st, YR_WHERE_NONE, YR_WHERE_NONE, arg, why);
}

/* The error *from of a call made for the caller, moved to the caller's record, column and arg
 * with its reason and values kept; when the arg changes, the inner one stays the name the
 * sentence uses (unless the reason names one). Returns from->status. where may be NULL. */
static inline yr_status yr_where_move(yr_where *where, const yr_where *from, size_t record,
                                      size_t column, const char *arg)
{
    if (where != NULL) {
        *where = *from;
        where->record = record;
        where->column = column;
        where->arg = arg;
        if (where->name[0] == NULL && from->arg != NULL &&
            (arg == NULL || strcmp(arg, from->arg) != 0))
            where->name[0] = from->arg;
    }
    return from->status;
}

/* The required pointers: ::YR_ERR_NULL naming the first of ptrs[0..n-1] that is NULL (names[i]
 * is the parameter name of ptrs[i]), else YR_OK (where untouched). */
static inline yr_status yr_where_null(yr_where *where, size_t n, const void *const *ptrs,
                                      const char *const *names)
{
    for (size_t i = 0; i < n; i++)
        if (ptrs[i] == NULL)
            return yr_where_arg(where, YR_ERR_NULL, names[i]);
    return YR_OK;
}

/* A whole parameter that is a double, for the reason why: its value as the fraction of its
 * shortest decimal in value[0]/value[1] (yr_fraction_from_double's rule), or when it has none
 * (NaN, an infinity, too many digits) as text ("nan", "inf", "1e-30"). Returns st. number.c. */
yr_status yr_where_why_double(yr_where *where, yr_status st, const char *arg, yr_reason reason,
                              double x);

#endif
