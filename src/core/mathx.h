/* mathx.h — small numeric helpers every layer may use. */
#ifndef HK_MATHX_H
#define HK_MATHX_H

#include <math.h>

/* x held to [lo, hi]; a NaN comes back as it went in. */
static inline double hk_clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* fmax and fmin as the C library gives them, inline: the larger (smaller)
 * of two numbers, the second where they compare equal (so of +0 and -0 the
 * second), the other where one is a NaN (tests/unit/test_rng.c holds them
 * to libm's bit for bit). */
static inline double hk_fmax(double x, double y) { return x != x ? y : y != y ? x : x > y ? x : y; }
static inline double hk_fmin(double x, double y) { return x != x ? y : y != y ? x : x < y ? x : y; }

/* (int)lround(x) inline: the nearest integer, halves away from zero. Below
 * 2^30 in size the truncation and the exact fraction x - trunc(x) decide;
 * anything else (larger, infinite, NaN) goes to libm, so the result is
 * libm's everywhere (tests/unit/test_rng.c). */
static inline int hk_round_int(double x)
{
    if (!(x > -1073741824.0 && x < 1073741824.0))
        return (int)lround(x);
    int t = (int)x;
    double f = x - (double)t;
    return f >= 0.5 ? t + 1 : f <= -0.5 ? t - 1 : t;
}

#endif
