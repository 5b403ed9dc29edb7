/* validate_stats.c — intervals for the validation report and the claims.
 *
 * Means get Student's t interval; proportions get Wilson's score interval,
 * which keeps its coverage near 0 and 1 where the plain normal interval does
 * not (a claim's probability is often close to either); differences of
 * proportions get Newcombe's score-based intervals, paired or independent. */
#include "run/validate.h"

#include "run/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double hk_val_t975(int df)
{
    if (df < 1)
        return NAN;
    return hk_stats_t_quantile(0.95, (double)df);
}

/* Wilson's interval from run/stats.h, as a pair of doubles. */
static void wilson(int k, int n, double *lo, double *hi)
{
    hk_interval ci = hk_stats_wilson(k, n, 0.95);
    *lo = ci.lo;
    *hi = ci.hi;
}

/* Linear interpolation between order statistics (R's type 7). */
static double quantile_sorted(const double *v, int n, double p)
{
    if (n == 0)
        return NAN;
    double h = (n - 1) * p;
    int lo = (int)floor(h);
    int hi = lo + 1 < n ? lo + 1 : lo;
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
}

void hk_val_summarize(const double *x, int n, hk_val_summary *out)
{
    memset(out, 0, sizeof *out);
    double *v = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    int k = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(x[i])) {
            out->missing++;
            continue;
        }
        if (v)
            v[k] = x[i];
        k++;
        sum += x[i];
    }
    out->n = k;
    out->mean = out->sd = out->lo = out->hi = out->q025 = out->q975 = out->median = NAN;
    if (k == 0 || !v) {
        free(v);
        return;
    }
    double mean = sum / k, ss = 0;
    for (int i = 0; i < k; i++)
        ss += (v[i] - mean) * (v[i] - mean);
    out->mean = mean;
    out->sd = k > 1 ? sqrt(ss / (k - 1)) : 0;
    double half = k > 1 ? hk_val_t975(k - 1) * out->sd / sqrt((double)k) : 0;
    out->lo = mean - half;
    out->hi = mean + half;
    hk_stats_sort(v, (size_t)k);
    out->q025 = quantile_sorted(v, k, 0.025);
    out->q975 = quantile_sorted(v, k, 0.975);
    out->median = quantile_sorted(v, k, 0.5);
    free(v);
}

hk_val_diff hk_val_paired_prop_diff(int n11, int n10, int n01, int n00)
{
    hk_val_diff d = {NAN, NAN, NAN};
    int n = n11 + n10 + n01 + n00;
    if (n <= 0)
        return d;
    int k1 = n11 + n10, k2 = n11 + n01;
    double p1 = (double)k1 / n, p2 = (double)k2 / n;
    double l1, u1, l2, u2;
    wilson(k1, n, &l1, &u1);
    wilson(k2, n, &l2, &u2);
    /* The correlation of the two margins; 0 when a margin is constant. */
    double den = (double)(n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00);
    double phi = den > 0 ? ((double)n11 * n00 - (double)n10 * n01) / sqrt(den) : 0;
    double dl = (p1 - l1) * (p1 - l1) - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) * (u2 - p2);
    double du = (u1 - p1) * (u1 - p1) - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) * (p2 - l2);
    d.diff = p1 - p2;
    d.lo = d.diff - sqrt(dl > 0 ? dl : 0);
    d.hi = d.diff + sqrt(du > 0 ? du : 0);
    if (d.lo < -1)
        d.lo = -1;
    if (d.hi > 1)
        d.hi = 1;
    return d;
}

hk_val_diff hk_val_indep_prop_diff(int k1, int n1, int k2, int n2)
{
    hk_val_diff d = {NAN, NAN, NAN};
    if (n1 <= 0 || n2 <= 0)
        return d;
    double p1 = (double)k1 / n1, p2 = (double)k2 / n2;
    double l1, u1, l2, u2;
    wilson(k1, n1, &l1, &u1);
    wilson(k2, n2, &l2, &u2);
    d.diff = p1 - p2;
    d.lo = d.diff - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    d.hi = d.diff + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
    return d;
}

hk_val_diff hk_val_paired_mean_diff(const double *a, const double *b, int n, int *used)
{
    hk_val_diff d = {NAN, NAN, NAN};
    double sum = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(a[i]) || isnan(b[i]))
            continue;
        sum += b[i] - a[i];
        k++;
    }
    if (used)
        *used = k;
    if (k == 0)
        return d;
    double mean = sum / k, ss = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(a[i]) || isnan(b[i]))
            continue;
        double x = b[i] - a[i] - mean;
        ss += x * x;
    }
    d.diff = mean;
    if (k < 2) {
        d.lo = d.hi = mean;
        return d;
    }
    double half = hk_val_t975(k - 1) * sqrt(ss / (k - 1)) / sqrt((double)k);
    d.lo = mean - half;
    d.hi = mean + half;
    return d;
}

hk_val_diff hk_val_welch_diff(const double *a, int na, const double *b, int nb)
{
    hk_val_diff d = {NAN, NAN, NAN};
    hk_val_summary sa, sb;
    hk_val_summarize(a, na, &sa);
    hk_val_summarize(b, nb, &sb);
    if (sa.n < 2 || sb.n < 2)
        return d;
    double va = sa.sd * sa.sd / sa.n, vb = sb.sd * sb.sd / sb.n;
    d.diff = sb.mean - sa.mean;
    double se = sqrt(va + vb);
    if (se == 0) {
        d.lo = d.hi = d.diff;
        return d;
    }
    double df = (va + vb) * (va + vb) / (va * va / (sa.n - 1) + vb * vb / (sb.n - 1));
    double t = hk_stats_t_quantile(0.95, df);
    d.lo = d.diff - t * se;
    d.hi = d.diff + t * se;
    return d;
}
