/* stats.c — exact streaming moments and confidence intervals (see stats.h). */
#include "run/stats.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

/* Values at or beyond this magnitude would let a sum of squares overflow. */
#define HK_STATS_LIMIT 2147483648.0 /* 2^31 */

void hk_moments_add(hk_moments *m, double v)
{
    if (!isfinite(v))
        return;
    if (fabs(v) >= HK_STATS_LIMIT) {
        m->rejected++;
        return;
    }
    /* llround(ldexp(v, HK_STATS_FRAC_BITS)) inline: below 2^51 in magnitude
     * the scaling by a power of two is exact and so is the fraction left
     * by truncation, so halves go away from zero as llround's do */
    double x = v * HK_STATS_SCALE;
    int64_t q = (int64_t)x;
    double f = x - (double)q;
    q += f >= 0.5 ? 1 : f <= -0.5 ? -1 : 0;
    m->n++;
    m->s1 += q;
    m->s2 += (hk_i128)q * q;
}

void hk_moments_merge(hk_moments *a, const hk_moments *b)
{
    a->n += b->n;
    a->rejected += b->rejected;
    a->s1 += b->s1;
    a->s2 += b->s2;
}

double hk_moments_mean(const hk_moments *m)
{
    if (m->n == 0)
        return NAN;
    long double mean = (long double)m->s1 / (long double)m->n;
    return (double)ldexpl(mean, -HK_STATS_FRAC_BITS);
}

double hk_moments_var(const hk_moments *m)
{
    if (m->n < 2)
        return NAN;
    /* n*s2 - s1^2 is computed exactly when it fits in 128 bits (it does for
     * any realistic ensemble); otherwise in long double. */
    hk_i128 ns2, s1s1, num;
    long double var;
    if (!__builtin_mul_overflow((hk_i128)m->n, m->s2, &ns2) &&
        !__builtin_mul_overflow(m->s1, m->s1, &s1s1) && !__builtin_sub_overflow(ns2, s1s1, &num)) {
        var = (long double)num / ((long double)m->n * (long double)(m->n - 1));
    } else {
        long double n = (long double)m->n, s1 = (long double)m->s1, s2 = (long double)m->s2;
        var = (s2 - s1 * s1 / n) / (n - 1);
    }
    if (var < 0)
        var = 0;
    return (double)ldexpl(var, -2 * HK_STATS_FRAC_BITS);
}

double hk_moments_sd(const hk_moments *m)
{
    return sqrt(hk_moments_var(m));
}

double hk_stats_t_quantile(double level, double df)
{
    return gsl_cdf_tdist_Pinv(0.5 + level / 2, df);
}

hk_interval hk_stats_wilson(int64_t k, int64_t n, double level)
{
    if (n <= 0)
        return (hk_interval){NAN, NAN};
    double z = gsl_cdf_ugaussian_Pinv(0.5 + level / 2);
    double nn = (double)n, p = (double)k / nn, z2 = z * z;
    double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    double half = z / (1 + z2 / nn) * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    hk_interval ci = {centre - half, centre + half};
    /* At k = 0 or k = n the bound is exactly 0 or 1; keep rounding from
     * showing -1e-17. */
    if (k == 0 || ci.lo < 0)
        ci.lo = 0;
    if (k == n || ci.hi > 1)
        ci.hi = 1;
    return ci;
}

hk_interval hk_stats_t_interval(double mean, double sd, int64_t n, double level)
{
    if (n < 2 || !isfinite(mean) || !isfinite(sd))
        return (hk_interval){NAN, NAN};
    double half = hk_stats_t_quantile(level, (double)(n - 1)) * sd / sqrt((double)n);
    return (hk_interval){mean - half, mean + half};
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void hk_stats_sort(double *v, size_t n) { qsort(v, n, sizeof *v, cmp_double); }
