/* Test code: the `key: value` case files of the conformance suite (tests/conformance/README.md)
 * and of the audit/pot/stats golden cases (tests/golden/rules/), and the runner loop shared by
 * test_conformance and test_golden_rules. */
#ifndef YR_TEST_CASE_FILE_H
#define YR_TEST_CASE_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "yrkesresa.h"

#define CASE_MAX_KEYS 32
#define CASE_MAX_LIST 4096

typedef struct case_item {
    char *key;
    char *value;
} case_item;

typedef struct conf_case {
    const char *name;
    char *text; /* the file, cut into keys and values in place */
    case_item items[CASE_MAX_KEYS];
    size_t nitems;
    char why[512]; /* the FAIL or SKIP message */
} conf_case;

typedef enum verdict { PASS, FAIL, SKIP } verdict;

/* One operation: the value of `op:` and the function that runs such a case. */
typedef struct case_op {
    const char *op;
    verdict (*run)(conf_case *);
} case_op;

/* The value of a key, or NULL. */
const char *case_get(const conf_case *c, const char *key);
/* FAIL with the message fmt (two %s: a and b). */
verdict case_fail(conf_case *c, const char *fmt, const char *a, const char *b);
/* SKIP with the reason fmt (one %s: a). */
verdict case_skip(conf_case *c, const char *fmt, const char *a);
/* Space-separated integers into out (at most cap); -1 when the text is not such a list. */
long case_parse_ints(const char *s, int64_t *out, long cap);
/* Integers in rows separated by '|' ("1 2 | 3 4"), row-major into out; *ncols gets the row
 * length (all rows equal). The number of rows, or -1. */
long case_parse_rows(const char *s, int64_t *out, long cap, size_t *ncols);
/* The list as text, for messages. */
void case_format_ints(const int64_t *v, size_t n, char *buf, size_t cap);
/* An integer / a double (strtod) key; 0 with the FAIL message set when missing or malformed. */
int case_int(conf_case *c, const char *key, int64_t *value);
int case_double(conf_case *c, const char *key, double *x);
/* Compare the status (and, when the case has expect_where:, *where) with expect_error: (YR_OK
 * when absent). 1 when the status settles the case (an error, expected or not), *v the verdict. */
int case_settled(conf_case *c, yr_status st, const yr_where *where, verdict *v);
/* The key as a list equal to got[0..n). */
verdict case_expect_list(conf_case *c, const char *key, const int64_t *got, size_t n);
/* The key as a list of doubles within 1e-9 (relative) of got[0..n). */
verdict case_expect_doubles(conf_case *c, const char *key, const double *got, size_t n);
/* Run the files named in argv, or every *.case of $env_dir (default default_dir): prints PASS,
 * SKIP or FAIL per case, returns the exit status (1 when a case failed, or, in directory mode,
 * when the directory cannot be read, holds fewer than min_cases cases, or - skips_key not NULL -
 * the cases skipped are not exactly those the line "skipped by SKIPS_KEY (N): TOKEN ..." of
 * the directory's README.md names: a case NAME, or op=OP for every case of an op). */
int case_main(int argc, char **argv, const case_op *ops, size_t nops, const char *env_dir,
              const char *default_dir, size_t min_cases, const char *skips_key);

#endif
