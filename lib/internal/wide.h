/* Private: exact wide-integer helpers (128-bit and 256-bit products). Never installed. */
#ifndef YR_INTERNAL_WIDE_H
#define YR_INTERNAL_WIDE_H

#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
__extension__ typedef unsigned __int128 yr_u128;
__extension__ typedef __int128 yr_i128;
#else
#error "libyrkesresa needs a compiler with 128-bit integers (gcc or clang)"
#endif

#define YR_U128_MAX (~(yr_u128)0)

/* |x| of an int64 as an unsigned 64-bit value (exact for INT64_MIN too). */
static inline uint64_t yr_abs64(int64_t x)
{
    return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

/* Full 256-bit product of two 128-bit values as (hi, lo). */
static inline void yr_mul_u128(yr_u128 a, yr_u128 b, yr_u128 *hi, yr_u128 *lo)
{
    const yr_u128 m64 = (yr_u128)UINT64_MAX;
    yr_u128 a0 = a & m64, a1 = a >> 64, b0 = b & m64, b1 = b >> 64;
    yr_u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    yr_u128 mid = (p00 >> 64) + (p01 & m64) + (p10 & m64);
    *lo = (p00 & m64) | (mid << 64);
    *hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
}

/* Sign of a*b - c*d, exactly (-1, 0, 1). */
static inline int yr_cmp_products(yr_u128 a, yr_u128 b, yr_u128 c, yr_u128 d)
{
    yr_u128 h1, l1, h2, l2;
    yr_mul_u128(a, b, &h1, &l1);
    yr_mul_u128(c, d, &h2, &l2);
    if (h1 != h2)
        return h1 < h2 ? -1 : 1;
    if (l1 != l2)
        return l1 < l2 ? -1 : 1;
    return 0;
}

/* a*b into *r when it fits in 128 bits; returns 0 on overflow. */
static inline int yr_mul_u128_checked(yr_u128 a, yr_u128 b, yr_u128 *r)
{
    yr_u128 hi, lo;
    yr_mul_u128(a, b, &hi, &lo);
    if (hi != 0)
        return 0;
    *r = lo;
    return 1;
}

/* Greatest common divisor (gcd(a, 0) == a). */
static inline yr_u128 yr_gcd_u128(yr_u128 a, yr_u128 b)
{
    while (b != 0) {
        yr_u128 r = a % b;
        a = b;
        b = r;
    }
    return a;
}

#endif
