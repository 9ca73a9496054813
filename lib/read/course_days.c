/* The course days of a trainer pot (yr_course_days_*, read.h): the key of a day's pot, the day
 * and, when both files have a course column, the course; and the refusals when a course column
 * cannot split the pots. One rule for the program and the bindings. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "yrkesresa/labels.h"

/* One course day. */
typedef struct cd_entry {
    size_t day;     /* the caller's day */
    char *ckey;     /* the course's label key ("" without courses) */
    char *course;   /* the course as first written, trimmed (NULL without courses) */
    char *label;    /* "DAY" or "DAY COURSE" */
    size_t line[2]; /* the first record's line in each file */
    int has[2];     /* records of each file */
    uint64_t hash;  /* of (day, ckey) */
    char *okey;     /* one-sided: the day's course key, its course and line, from the file that */
    char *ocourse;  /* has the column (NULL before its first record) */
    size_t oline;
} cd_entry;

struct yr_course_days {
    yr_course_day_file file[2];
    int both; /* both files have a course column: the course is part of the key */
    int only; /* -1, or the one file that has a course column */
    cd_entry *e;
    size_t n, cap;
    size_t *slot; /* entry + 1, open addressing; 0 free */
    size_t nslots;
};

static uint64_t cd_hash(size_t day, const char *k)
{
    uint64_t h = UINT64_C(1469598103934665603) ^ (uint64_t)day;
    h *= UINT64_C(1099511628211);
    for (const unsigned char *p = (const unsigned char *)k; *p; p++)
        h = (h ^ *p) * UINT64_C(1099511628211);
    return h ^ (h >> 29);
}

static yr_read_status nomem(yr_read_error *err)
{
    return rd_fail(err, YR_READ_ERR_NOMEM, 0, "out of memory");
}

yr_read_status yr_course_days_begin(const yr_course_day_file files[2], yr_course_days **out,
                                    yr_read_error *err)
{
    if (out != NULL)
        *out = NULL;
    if (files == NULL || out == NULL || files[0].where == NULL || files[1].where == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "yr_course_days_begin: a NULL argument");
    yr_course_days *cd = calloc(1, sizeof *cd);
    if (cd == NULL)
        return nomem(err);
    cd->file[0] = files[0];
    cd->file[1] = files[1];
    cd->both = files[0].course != NULL && files[1].course != NULL;
    cd->only = cd->both ? -1 : files[0].course != NULL ? 0 : files[1].course != NULL ? 1 : -1;
    *out = cd;
    return YR_READ_OK;
}

/* Room for one more entry, the slots at most half full. 0 on OOM. */
static int cd_grow(yr_course_days *cd)
{
    if (cd->n == cd->cap) {
        size_t cap = cd->cap * 2 + 16;
        cd_entry *e = realloc(cd->e, cap * sizeof *e);
        if (e == NULL)
            return 0;
        cd->e = e;
        cd->cap = cap;
    }
    if (2 * (cd->n + 1) <= cd->nslots)
        return 1;
    size_t ns = cd->nslots * 2 + 32, *s = calloc(ns, sizeof *s);
    if (s == NULL)
        return 0;
    for (size_t i = 0; i < cd->n; i++) {
        size_t k = cd->e[i].hash % ns;
        while (s[k] != 0)
            k = (k + 1) % ns;
        s[k] = i + 1;
    }
    free(cd->slot);
    cd->slot = s;
    cd->nslots = ns;
    return 1;
}

/* @p s trimmed, in a new string (NULL on OOM). */
static char *cd_dup(const char *s, const char *more)
{
    size_t st, n = yr_label_trim(s, strlen(s), &st), m = more != NULL ? strlen(more) : 0;
    char *d = malloc(n + m + 2);
    if (d == NULL)
        return NULL;
    memcpy(d, s + st, n);
    if (more != NULL) {
        d[n++] = ' ';
        memcpy(d + n, more, m);
        n += m;
    }
    d[n] = '\0';
    return d;
}

/* The entry of (day, ckey), added when new: *found its index. 0 on OOM. */
static int cd_intern(yr_course_days *cd, size_t day, const char *day_text, const char *ckey,
                     const char *course, size_t *found)
{
    uint64_t h = cd_hash(day, ckey);
    size_t k = cd->nslots ? h % cd->nslots : 0;
    for (; cd->nslots && cd->slot[k] != 0; k = (k + 1) % cd->nslots) {
        const cd_entry *e = &cd->e[cd->slot[k] - 1];
        if (e->hash == h && e->day == day && strcmp(e->ckey, ckey) == 0)
            return *found = cd->slot[k] - 1, 1;
    }
    if (!cd_grow(cd))
        return 0;
    cd_entry *e = &cd->e[cd->n];
    memset(e, 0, sizeof *e);
    e->day = day;
    e->hash = h;
    e->ckey = malloc(strlen(ckey) + 1);
    e->course = course != NULL ? cd_dup(course, NULL) : NULL;
    e->label = cd_dup(day_text, e->course);
    if (e->ckey == NULL || (course != NULL && e->course == NULL) || e->label == NULL) {
        free(e->ckey);
        free(e->course);
        free(e->label);
        return 0;
    }
    memcpy(e->ckey, ckey, strlen(ckey) + 1);
    for (k = h % cd->nslots; cd->slot[k] != 0; k = (k + 1) % cd->nslots)
        ;
    cd->slot[k] = ++cd->n;
    *found = cd->n - 1;
    return 1;
}

/* One-sided: each day has one course (the first one seen, kept in @p e). */
static yr_read_status cd_one_course(yr_course_days *cd, cd_entry *e, int file, const char *ckey,
                                    const char *course, size_t line, yr_read_error *err)
{
    if (e->okey == NULL) {
        e->okey = malloc(strlen(ckey) + 1);
        e->ocourse = cd_dup(course, NULL);
        if (e->okey == NULL || e->ocourse == NULL)
            return nomem(err);
        memcpy(e->okey, ckey, strlen(ckey) + 1);
        e->oline = line;
        return YR_READ_OK;
    }
    if (strcmp(e->okey, ckey) == 0)
        return YR_READ_OK;
    char a[64], b[64];
    const yr_course_day_file *f = &cd->file[file], *o = &cd->file[1 - file];
    rd_fail(err, YR_READ_ERR_CELL, line,
            "%s has two courses in column '%s' ('%s' at line %zu, '%s' here), but %s has no "
            "course column: add one naming each row's course, so that each course day has its "
            "own pot (or leave this column out if the courses share one pot)",
            e->label, f->course, rd_show(a, sizeof a, e->ocourse, strlen(e->ocourse), 40), e->oline,
            rd_show(b, sizeof b, course, strlen(course), 40), o->where);
    if (err != NULL)
        err->other_line = e->oline;
    return YR_READ_ERR_CELL;
}

/* The course's key into @p key (cap bytes), or an error for a blank cell. */
static yr_read_status cd_course_key(const yr_course_days *cd, int file, const char *course,
                                    size_t line, char *key, size_t cap, yr_read_error *err)
{
    size_t kl = 0;
    if (yr_label_key(course, key, cap, &kl) != YR_OK)
        return nomem(err);
    if (kl > 0)
        return YR_READ_OK;
    return rd_fail(err, YR_READ_ERR_CELL, line,
                   "column '%s' is empty: a pot is a course day's (the day and the course), so "
                   "write the course on every row",
                   cd->file[file].course);
}

yr_read_status yr_course_days_add(yr_course_days *cd, int file, size_t day, const char *day_text,
                                  const char *course, size_t line, size_t *key, yr_read_error *err)
{
    if (cd == NULL || day_text == NULL || key == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, line, "yr_course_days_add: a NULL argument");
    if ((file != 0 && file != 1) || (course != NULL) != (cd->file[file == 1].course != NULL))
        return rd_fail(err, YR_READ_ERR_OPTION, line,
                       "yr_course_days_add: file %d, with%s a course", file,
                       course != NULL ? "" : "out");
    size_t cap = course != NULL ? strlen(course) + 1 : 1, k = 0;
    char small[128], *ckey = cap <= sizeof small ? small : malloc(cap);
    if (ckey == NULL)
        return nomem(err);
    ckey[0] = '\0';
    yr_read_status st =
        course != NULL ? cd_course_key(cd, file, course, line, ckey, cap, err) : YR_READ_OK;
    if (st == YR_READ_OK &&
        !cd_intern(cd, day, day_text, cd->both ? ckey : "", cd->both ? course : NULL, &k))
        st = nomem(err);
    if (st == YR_READ_OK && cd->only == file)
        st = cd_one_course(cd, &cd->e[k], file, ckey, course, line, err);
    if (ckey != small)
        free(ckey);
    if (st != YR_READ_OK)
        return st;
    cd_entry *e = &cd->e[k];
    if (!e->has[file])
        e->line[file] = line;
    e->has[file] = 1;
    *key = k;
    return YR_READ_OK;
}

/* The courses that file @p f names on @p day, quoted, into @p dst ("'Kurs 1', 'Kurs 2'"). */
static void cd_courses_of(const yr_course_days *cd, size_t day, int f, char *dst, size_t cap)
{
    size_t o = 0, shown = 0;
    dst[0] = '\0';
    for (size_t i = 0; i < cd->n && o + 8 < cap; i++) {
        const cd_entry *e = &cd->e[i];
        if (e->day != day || !e->has[f])
            continue;
        char q[64];
        rd_show(q, sizeof q, e->course, strlen(e->course), 40);
        int w = shown++ == 3 ? snprintf(dst + o, cap - o, ", ...")
                             : snprintf(dst + o, cap - o, "%s'%s'", o ? ", " : "", q);
        if (w < 0 || (size_t)w >= cap - o || shown > 3)
            break;
        o += (size_t)w;
    }
}

/* Course day @p e names a course file @p f has and the other file does not, on a day the other
 * file has records of: the refusal at its first line in file @p f. */
static yr_read_status cd_unmatched(const yr_course_days *cd, const cd_entry *e, int f,
                                   yr_read_error *err)
{
    char list[160], q[64], day[64];
    const yr_course_day_file *o = &cd->file[1 - f];
    cd_courses_of(cd, e->day, 1 - f, list, sizeof list);
    size_t dl = strlen(e->label) - strlen(e->course) - 1; /* the label is "DAY COURSE" */
    return rd_fail(err, YR_READ_ERR_CELL, e->line[f],
                   "course '%s' on %s has %s but no %s in %s, which names %s that day: write "
                   "each course alike in column '%s' of both files (case, blanks around and '-' "
                   "do not matter), so that each course day's pot goes to its own trainers",
                   rd_show(q, sizeof q, e->course, strlen(e->course), 40),
                   rd_show(day, sizeof day, e->label, dl, 40),
                   f == 0 ? "attendance rows" : "trainers", f == 0 ? "trainer" : "attendance row",
                   o->where, list, cd->file[f].course);
}

yr_read_status yr_course_days_finish(const yr_course_days *cd, int *file, yr_read_error *err)
{
    if (file != NULL)
        *file = 0;
    if (cd == NULL)
        return rd_fail(err, YR_READ_ERR_NULL, 0, "yr_course_days_finish: a NULL argument");
    if (!cd->both)
        return YR_READ_OK;
    size_t ndays = 0;
    for (size_t i = 0; i < cd->n; i++)
        ndays = cd->e[i].day >= ndays ? cd->e[i].day + 1 : ndays;
    unsigned char *has = calloc(ndays ? ndays : 1, 1); /* bit f: file f has records that day */
    if (has == NULL)
        return nomem(err);
    for (size_t i = 0; i < cd->n; i++)
        has[cd->e[i].day] |= (unsigned char)(cd->e[i].has[0] | cd->e[i].has[1] << 1);
    yr_read_status st = YR_READ_OK;
    for (size_t i = 0; st == YR_READ_OK && i < cd->n; i++) {
        const cd_entry *e = &cd->e[i];
        for (int f = 0; f < 2 && st == YR_READ_OK; f++)
            if (e->has[f] && !e->has[1 - f] && (has[e->day] & (1 << (1 - f)))) {
                st = cd_unmatched(cd, e, f, err);
                if (file != NULL)
                    *file = f;
            }
    }
    free(has);
    return st;
}

size_t yr_course_days_count(const yr_course_days *cd)
{
    return cd != NULL ? cd->n : 0;
}

const char *yr_course_days_label(const yr_course_days *cd, size_t key)
{
    return cd != NULL && key < cd->n ? cd->e[key].label : NULL;
}

yr_read_status yr_course_days_get(const yr_course_days *cd, size_t key, size_t *day,
                                  const char **course)
{
    if (cd == NULL)
        return YR_READ_ERR_NULL;
    if (key >= cd->n)
        return YR_READ_ERR_OPTION;
    if (day != NULL)
        *day = cd->e[key].day;
    if (course != NULL)
        *course = cd->e[key].course;
    return YR_READ_OK;
}

void yr_course_days_free(yr_course_days *cd)
{
    if (cd == NULL)
        return;
    for (size_t i = 0; i < cd->n; i++) {
        free(cd->e[i].ckey);
        free(cd->e[i].course);
        free(cd->e[i].label);
        free(cd->e[i].okey);
        free(cd->e[i].ocourse);
    }
    free(cd->e);
    free(cd->slot);
    free(cd);
}
