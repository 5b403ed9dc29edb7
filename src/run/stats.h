/* stats.h — the statistics of an ensemble: streaming moments that add up
 * exactly, Wilson intervals for proportions, t intervals for means.
 *
 * Why exact sums: an ensemble is split over threads, over MPI ranks and over
 * a killed-and-resumed run, and its JSON must come out byte for byte the same
 * however it was split. Floating-point sums depend on their order; integer
 * sums do not. So every value is held in fixed point (units of 2^-20, about
 * one millionth) and the sums of values and of squares are 128-bit integers:
 * merging accumulators in any order gives the same bits. The rounding of one
 * value to 2^-20 is far below any interval an ensemble can resolve.
 *
 * Values must satisfy |v| < 2^31 (the outcomes are years, months, counts and
 * 0/1); larger ones are counted in `rejected` and left out, never wrapped. */
#ifndef HK_STATS_H
#define HK_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

__extension__ typedef __int128 hk_i128;

#define HK_STATS_FRAC_BITS 20
#define HK_STATS_SCALE ((double)(1 << HK_STATS_FRAC_BITS))

typedef struct hk_moments {
    int64_t n;        /* values added (NaN and infinities are skipped) */
    int64_t rejected; /* values too large for the fixed-point range */
    hk_i128 s1;       /* sum of fixed-point values */
    hk_i128 s2;       /* sum of their squares */
} hk_moments;

static inline void hk_moments_init(hk_moments *m) { *m = (hk_moments){0}; }
/* Adds v; NaN means "not defined in this run" and is not counted. */
void hk_moments_add(hk_moments *m, double v);
/* a += b; exact, so the order of merges does not matter. */
void hk_moments_merge(hk_moments *a, const hk_moments *b);

/* NaN when n == 0. */
double hk_moments_mean(const hk_moments *m);
/* Sample variance (n - 1 denominator); NaN when n < 2. */
double hk_moments_var(const hk_moments *m);
double hk_moments_sd(const hk_moments *m);

/* A two-sided 95% interval. */
typedef struct hk_interval {
    double lo, hi;
} hk_interval;

/* The Wilson score interval for k successes in n trials at confidence
 * `level` (0.95): well-behaved near 0 and 1 where the normal one is not.
 * {NaN, NaN} when n == 0. */
hk_interval hk_stats_wilson(int64_t k, int64_t n, double level);
/* mean ± t(level, n-1) * sd / sqrt(n); {NaN, NaN} when n < 2. */
hk_interval hk_stats_t_interval(double mean, double sd, int64_t n, double level);
/* The two-sided quantile t such that P(|T_df| <= t) = level. */
double hk_stats_t_quantile(double level, double df);

/* Sorts n numbers (none NaN) in ascending order. */
void hk_stats_sort(double *v, size_t n);

#endif
