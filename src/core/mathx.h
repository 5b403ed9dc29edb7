/* mathx.h — small numeric helpers every layer may use. */
#ifndef HK_MATHX_H
#define HK_MATHX_H

/* x held to [lo, hi]; a NaN comes back as it went in. */
static inline double hk_clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* fmax and fmin as the C library gives them, inline: the larger (smaller)
 * of two numbers, the second where they compare equal (so of +0 and -0 the
 * second), the other where one is a NaN (tests/unit/test_rng.c holds them
 * to libm's bit for bit). */
static inline double hk_fmax(double x, double y) { return x != x ? y : y != y ? x : x > y ? x : y; }
static inline double hk_fmin(double x, double y) { return x != x ? y : y != y ? x : x < y ? x : y; }

#endif
