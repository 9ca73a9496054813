/*
 * yr_read_glue.c: see yr_read_glue.h.
 */
#include "yr_read_glue.h"

#include "yrkesresa/identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *word;
    unsigned flag;
} flags[] = {{"required", YR_WANT_REQUIRED},
             {"unique", YR_WANT_UNIQUE},
             {"checked", YR_WANT_CHECKED},
             {"many", YR_WANT_MANY},
             {"blank_ok", YR_WANT_BLANK_OK}};

/* The next word of @p s at or after *pos (blank-separated) into @p dst; 0 when there is none. */
static int next_word(const char *s, size_t *pos, char *dst, size_t cap)
{
    size_t i = *pos, k = 0;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    while (s[i] != '\0' && s[i] != ' ' && s[i] != '\t') {
        if (k + 1 < cap)
            dst[k++] = s[i];
        i++;
    }
    dst[k] = '\0';
    *pos = i;
    return k > 0;
}

int yr_glue_want(const char *spec, yr_read_want *w, char *msg, size_t cap)
{
    char word[64];
    size_t pos = 0;
    if (spec == NULL || !next_word(spec, &pos, word, sizeof word) ||
        (w->role = yr_read_role_from_name(word)) == YR_ROLE_NONE) {
        snprintf(msg, cap, "want entry '%s': '%s' is not a role", spec ? spec : "",
                 spec ? word : "");
        return -1;
    }
    w->flags = 0;
    while (next_word(spec, &pos, word, sizeof word)) {
        size_t k = 0;
        while (k < sizeof flags / sizeof flags[0] && strcmp(word, flags[k].word) != 0)
            k++;
        if (k == sizeof flags / sizeof flags[0]) {
            snprintf(msg, cap,
                     "want entry '%s': '%s' is not a flag (required, unique, checked, many, "
                     "blank_ok)",
                     spec, word);
            return -1;
        }
        w->flags |= flags[k].flag;
    }
    return 0;
}

int yr_glue_totals(const char *name, yr_totals *out)
{
    static const char *const names[] = {"check", "ignore", "no_guess"};
    for (int k = 0; k < 3; k++)
        if (name == NULL || strcmp(name, names[k]) == 0) {
            *out = name == NULL ? YR_TOTALS_CHECK : (yr_totals)k;
            return 0;
        }
    return -1;
}

const char *yr_glue_span_name(yr_span_kind k)
{
    static const char *const names[] = {"title", "header", "data",       "aggregate",
                                        "empty", "note",   "other_year", "ignored"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

const char *yr_glue_kind_name(yr_kind k)
{
    static const char *const names[] = {"text",  "code", "whole", "decimal",
                                        "share", "date", "year",  "bool"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

const char *yr_glue_place_name(yr_place p)
{
    static const char *const names[] = {"other", "municipality", "county", "nation"};
    return (unsigned)p < sizeof names / sizeof names[0] ? names[p] : "?";
}

char *yr_glue_reading(const yr_table *t, const char *lang)
{
    size_t n = yr_table_reading(t, lang, NULL, 0);
    char *s = malloc(n + 1);
    if (s != NULL)
        yr_table_reading(t, lang, s, n + 1);
    return s;
}

int yr_glue_code_column(const char *header, const char *role, char *msg, size_t cap)
{
    size_t n = header != NULL ? strlen(header) : 0;
    char *text = header != NULL && role != NULL ? malloc(2 * n + 4) : NULL;
    char *column = text != NULL ? malloc(strlen(role) + n + 2) : NULL;
    int found = 0;
    if (column != NULL && yr_header_is_code(header)) {
        size_t k = 0;
        text[k++] = '"';
        for (size_t i = 0; i < n; i++) { /* one quoted cell: quotes doubled */
            if (header[i] == '"')
                text[k++] = '"';
            text[k++] = header[i];
        }
        text[k++] = '"';
        text[k++] = '\n';
        sprintf(column, "%s=%s", role, header);
        const char *columns[1] = {column};
        yr_read_options opt;
        yr_read_options_init(&opt);
        opt.columns = columns;
        opt.ncolumns = 1;
        yr_read_error err;
        yr_table *t = NULL;
        if (yr_read_table(text, k, &opt, &t, &err) == YR_READ_ERR_HEADER) {
            snprintf(msg, cap, "%s", err.message);
            found = 1;
        }
        yr_table_free(t);
    }
    free(text);
    free(column);
    return found;
}

/* The kind of one label among municipalities (the label rule of yr_glue_label_is_total()); a
 * statistic row (Medelvärde), an aggregate that is no total, as a subtotal. -1 after @p msg. */
static int label_kind(const char *label, yr_row_kind *kind, char *msg, size_t cap)
{
    yr_place p;
    int code;
    yr_read_error err;
    if (yr_place_of(label, strlen(label), &p, &code, &err) != YR_READ_OK) {
        snprintf(msg, cap, "%s", err.message);
        return -1;
    }
    *kind = YR_ROW_DATA;
    if (p == YR_PLACE_MUNICIPALITY)
        return 0;
    /* among municipalities: one known municipality beside it sets the table's level */
    const char *labels[2] = {label, "Stockholm"};
    yr_row_kind kinds[2];
    yr_read_status st = yr_read_classify(labels, 2, NULL, 0, YR_TOTALS_IGNORE, 1, kinds, &err);
    if (st == YR_READ_ERR_AGGREGATE) {
        *kind = YR_ROW_SUBTOTAL; /* a statistic row: no party either */
        return 0;
    }
    if (st != YR_READ_OK) {
        snprintf(msg, cap, "%s", err.message);
        return -1;
    }
    *kind = kinds[0];
    return 0;
}

int yr_glue_label_is_total(const char *label, char *msg, size_t cap)
{
    yr_row_kind kind;
    if (label_kind(label, &kind, msg, cap) != 0)
        return -1;
    return kind != YR_ROW_DATA;
}

yr_read_status yr_glue_checked_total_row(const char *const *labels, size_t n, size_t *row,
                                         yr_read_error *err)
{
    yr_row_kind *kinds = malloc((n ? n : 1) * sizeof *kinds);
    if (kinds == NULL) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return err->status = YR_READ_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        if (labels[i] == NULL) {
            kinds[i] = YR_ROW_DATA;
        } else if (label_kind(labels[i], &kinds[i], err->message, sizeof err->message) != 0) {
            free(kinds);
            err->line = i + 1;
            err->other_line = 0;
            err->column = YR_READ_NONE;
            err->cell_ref[0] = '\0';
            return err->status = YR_READ_ERR_IDENTITY;
        }
    }
    yr_read_status st = yr_checked_total_row(kinds, n, NULL, 0, row, err);
    free(kinds);
    return st;
}

yr_read_status yr_glue_groups(const char *const *labels, size_t n, const char *header,
                              const char *const *places, size_t *group, size_t *ngroups,
                              yr_read_error *err)
{
    int *mun = places != NULL ? malloc((n ? n : 1) * sizeof *mun) : NULL;
    if (places != NULL && mun == NULL) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return err->status = YR_READ_ERR_NOMEM;
    }
    for (size_t i = 0; mun != NULL && i < n; i++) {
        yr_place p;
        int code;
        mun[i] = places[i] != NULL &&
                         yr_place_of(places[i], strlen(places[i]), &p, &code, NULL) == YR_READ_OK &&
                         p == YR_PLACE_MUNICIPALITY
                     ? code
                     : -1;
    }
    yr_read_status st = yr_read_groups(labels, n, header, NULL, mun, group, ngroups, err);
    free(mun);
    return st;
}
