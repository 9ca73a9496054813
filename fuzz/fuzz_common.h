/* Shared by the libFuzzer targets: a reader that turns fuzz bytes into integers, a small exact
 * unsigned big integer for the reference checks (independent of lib/internal/wide.h), and a
 * check macro that aborts, so libFuzzer saves the input as a crash. Header-only, fuzz-only. */
#ifndef YR_FUZZ_COMMON_H
#define YR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A finding: print what failed and abort (libFuzzer then writes the crash-* input). */
#define FZ_CHECK(cond)                                                                             \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The reference checks are not coverage-instrumented: coverage feedback (and the cost of tracing
 * every comparison) should come from the code under test, not from the checker. */
#if defined(__clang__)
#define FZ_NOCOV __attribute__((no_sanitize("coverage")))
#else
#define FZ_NOCOV
#endif

/* ---- input reader ----------------------------------------------------------------------- */

typedef struct fz_reader {
    const uint8_t *p;
    size_t left;
} fz_reader;

static inline size_t fz_left(const fz_reader *r)
{
    return r->left;
}

static inline uint8_t fz_u8(fz_reader *r)
{
    if (r->left == 0)
        return 0;
    r->left--;
    return *r->p++;
}

/* k little-endian bytes (missing bytes read as 0). */
static inline uint64_t fz_bytes(fz_reader *r, unsigned k)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < k; i++)
        v |= (uint64_t)fz_u8(r) << (8 * i);
    return v;
}

/* Values that reach the edges quickly. */
static const int64_t fz_specials[16] = {
    0,
    1,
    -1,
    INT64_MAX,
    INT64_MIN,
    INT64_MAX - 1,
    INT64_MIN + 1,
    (int64_t)1 << 62,
    (int64_t)1 << 53,
    (int64_t)1 << 32,
    ((int64_t)1 << 32) - 1,
    (int64_t)3037000499, /* floor(sqrt(2^63)) */
    10,
    15,
    400,
    600,
};

/* An int64: a tag byte, then 1, 2, 4 or 8 little-endian bytes (tag bits 0-1), negated when tag
 * bit 2 is set; tag bit 3 picks a special value instead (next byte, low 4 bits). An 8-byte value
 * is taken as the raw two's-complement int64. */
static inline int64_t fz_int(fz_reader *r)
{
    uint8_t tag = fz_u8(r);
    if (tag & 8)
        return fz_specials[fz_u8(r) & 15];
    unsigned width = 1u << (tag & 3);
    uint64_t v = fz_bytes(r, width);
    if (width == 8)
        return (int64_t)v; /* implementation-defined in C11, two's complement on every target */
    int64_t s = (int64_t)v;
    return (tag & 4) ? -s : s;
}

/* ---- exact unsigned big integers ---------------------------------------------------------- */

#define BN_LIMBS 80

typedef struct bn {
    size_t len; /* significant limbs; 0 for zero */
    uint64_t d[BN_LIMBS];
} bn;

typedef unsigned __int128 fz_u128;

FZ_NOCOV static inline void bn_norm(bn *a)
{
    while (a->len > 0 && a->d[a->len - 1] == 0)
        a->len--;
}

FZ_NOCOV static inline void bn_set(bn *a, fz_u128 v)
{
    a->d[0] = (uint64_t)v;
    a->d[1] = (uint64_t)(v >> 64);
    a->len = 2;
    bn_norm(a);
}

FZ_NOCOV static inline int bn_is_zero(const bn *a)
{
    return a->len == 0;
}

FZ_NOCOV static inline int bn_cmp(const bn *a, const bn *b)
{
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (size_t i = a->len; i-- > 0;) {
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    }
    return 0;
}

/* r = a + b (r may alias a or b). */
FZ_NOCOV static inline void bn_add(bn *r, const bn *a, const bn *b)
{
    size_t n = a->len > b->len ? a->len : b->len;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        fz_u128 s = (fz_u128)(i < a->len ? a->d[i] : 0) + (i < b->len ? b->d[i] : 0) + carry;
        r->d[i] = (uint64_t)s;
        carry = (uint64_t)(s >> 64);
    }
    if (carry) {
        FZ_CHECK(n < BN_LIMBS);
        r->d[n++] = carry;
    }
    r->len = n;
    bn_norm(r);
}

/* r = a - b, a >= b (r may alias a or b). */
FZ_NOCOV static inline void bn_sub(bn *r, const bn *a, const bn *b)
{
    FZ_CHECK(bn_cmp(a, b) >= 0);
    uint64_t borrow = 0;
    for (size_t i = 0; i < a->len; i++) {
        uint64_t bi = i < b->len ? b->d[i] : 0;
        fz_u128 s = (fz_u128)a->d[i] - bi - borrow;
        r->d[i] = (uint64_t)s;
        borrow = (uint64_t)(s >> 64) ? 1 : 0;
    }
    r->len = a->len;
    bn_norm(r);
}

/* r = a * b (r must not alias a or b). */
FZ_NOCOV static inline void bn_mul(bn *r, const bn *a, const bn *b)
{
    if (a->len == 0 || b->len == 0) {
        r->len = 0;
        return;
    }
    size_t n = a->len + b->len;
    FZ_CHECK(n <= BN_LIMBS);
    memset(r->d, 0, n * sizeof r->d[0]);
    for (size_t i = 0; i < a->len; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b->len; j++) {
            fz_u128 t = (fz_u128)a->d[i] * b->d[j] + r->d[i + j] + carry;
            r->d[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        r->d[i + b->len] = carry;
    }
    r->len = n;
    bn_norm(r);
}

/* r = a * v for a 128-bit v (r must not alias a). */
FZ_NOCOV static inline void bn_mul_u128(bn *r, const bn *a, fz_u128 v)
{
    bn t;
    bn_set(&t, v);
    bn_mul(r, a, &t);
}

/* a = floor(a / m); returns a mod m (m > 0). */
FZ_NOCOV static inline uint64_t bn_divmod_u64(bn *a, uint64_t m)
{
    fz_u128 r = 0;
    for (size_t i = a->len; i-- > 0;) {
        fz_u128 cur = (r << 64) | a->d[i];
        a->d[i] = (uint64_t)(cur / m);
        r = cur % m;
    }
    bn_norm(a);
    return (uint64_t)r;
}

/* 1 when a < 2^bits. */
FZ_NOCOV static inline int bn_below_pow2(const bn *a, unsigned bits)
{
    if (a->len == 0)
        return 1;
    size_t top = a->len - 1;
    unsigned hb = 64 * (unsigned)top + (64 - (unsigned)__builtin_clzll(a->d[top]));
    return hb <= bits;
}

/* ---- small helpers ------------------------------------------------------------------------ */

/* |x| as an unsigned 64-bit value (2^63 for INT64_MIN). */
static inline uint64_t fz_abs(int64_t x)
{
    return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

/* A buffer of n elements exactly (so AddressSanitizer sees any overrun), filled with a pattern
 * that an error must leave in place. Never NULL (n == 0 gives a 1-byte buffer). */
FZ_NOCOV static inline void *fz_alloc_pattern(size_t bytes)
{
    void *p = malloc(bytes ? bytes : 1);
    FZ_CHECK(p != NULL);
    memset(p, 0xA5, bytes ? bytes : 1);
    return p;
}

FZ_NOCOV static inline int fz_is_pattern(const void *p, size_t bytes)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < bytes; i++) {
        if (c[i] != 0xA5)
            return 0;
    }
    return 1;
}

#endif
