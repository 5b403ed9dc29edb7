/* test_rng.c — the random streams: reproducible per (seed, run), independent
 * across runs and splits, and with the distributions they promise. The
 * seeds are fixed, so the statistical checks are deterministic. */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/mathx.h"
#include "core/rng.h"

static void test_reproducible(void **state)
{
    (void)state;
    hk_rng a, b;
    hk_rng_init(&a, 42, 7);
    hk_rng_init(&b, 42, 7);
    for (int i = 0; i < 1000; i++)
        assert_true(hk_rng_next(&a) == hk_rng_next(&b));
}

static void test_runs_and_seeds_differ(void **state)
{
    (void)state;
    hk_rng a, b, c;
    hk_rng_init(&a, 42, 0);
    hk_rng_init(&b, 42, 1);
    hk_rng_init(&c, 43, 0);
    int same_ab = 0, same_ac = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = hk_rng_next(&a), y = hk_rng_next(&b), z = hk_rng_next(&c);
        same_ab += x == y;
        same_ac += x == z;
    }
    assert_int_equal(same_ab, 0);
    assert_int_equal(same_ac, 0);
    /* Seed 0, run 0 must not be the all-zero state that xoshiro never leaves. */
    hk_rng z;
    hk_rng_init(&z, 0, 0);
    assert_true((z.s[0] | z.s[1] | z.s[2] | z.s[3]) != 0);
    assert_true(hk_rng_next(&z) != 0 || hk_rng_next(&z) != 0);
}

static void test_split(void **state)
{
    (void)state;
    hk_rng p, q;
    hk_rng_init(&p, 1, 2);
    hk_rng_init(&q, 1, 2);
    hk_rng c1 = hk_rng_split(&p, 5);
    hk_rng c2 = hk_rng_split(&p, 5);
    hk_rng d = hk_rng_split(&p, 6);
    /* Splitting leaves the parent where it was. */
    for (int i = 0; i < 10; i++)
        assert_true(hk_rng_next(&p) == hk_rng_next(&q));
    /* Same key, same child; other key, other child. */
    int same = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = hk_rng_next(&c1);
        assert_true(x == hk_rng_next(&c2));
        same += x == hk_rng_next(&d);
    }
    assert_int_equal(same, 0);
}

/* A splitter worked out once gives the streams hk_rng_split gives, for
 * every key (the world splits its root stream this way each month). */
static void test_splitter(void **state)
{
    (void)state;
    for (uint64_t run = 0; run < 20; run++) {
        hk_rng p;
        hk_rng_init(&p, 1918 + run, run);
        hk_rng_splitter sp = hk_rng_splitter_of(&p);
        for (uint64_t key = 0; key < 300; key += 7) {
            hk_rng a = hk_rng_split(&p, key), b = hk_rng_split_from(&sp, key);
            for (int i = 0; i < 4; i++)
                assert_true(a.s[i] == b.s[i]);
        }
    }
}

/* Both halves of a pair are standard normal and uncorrelated. */
static void test_normal2(void **state)
{
    (void)state;
    hk_rng r;
    hk_rng_init(&r, 11, 5);
    const int n = 200000;
    double sum[2] = {0, 0}, sum2[2] = {0, 0}, cross = 0;
    int within1[2] = {0, 0};
    for (int i = 0; i < n; i++) {
        double z[2];
        hk_rng_normal2(&r, &z[0], &z[1]);
        for (int k = 0; k < 2; k++) {
            assert_true(isfinite(z[k]));
            sum[k] += z[k];
            sum2[k] += z[k] * z[k];
            within1[k] += fabs(z[k]) < 1;
        }
        cross += z[0] * z[1];
    }
    for (int k = 0; k < 2; k++) {
        assert_float_equal(sum[k] / n, 0.0, 0.01);
        assert_float_equal(sum2[k] / n, 1.0, 0.02);
        assert_float_equal((double)within1[k] / n, 0.6827, 0.005);
    }
    assert_float_equal(cross / n, 0.0, 0.01);
}

static void test_uniform(void **state)
{
    (void)state;
    hk_rng r;
    hk_rng_init(&r, 2024, 0);
    const int n = 200000;
    double sum = 0, sum2 = 0;
    int below_tenth = 0;
    for (int i = 0; i < n; i++) {
        double u = hk_rng_uniform(&r);
        assert_true(u >= 0.0 && u < 1.0);
        sum += u;
        sum2 += u * u;
        below_tenth += u < 0.1;
    }
    double mean = sum / n, var = sum2 / n - mean * mean;
    assert_float_equal(mean, 0.5, 0.005);
    assert_float_equal(var, 1.0 / 12, 0.002);
    assert_float_equal((double)below_tenth / n, 0.1, 0.005);
}

static void test_normal(void **state)
{
    (void)state;
    hk_rng r;
    hk_rng_init(&r, 7, 3);
    const int n = 200000;
    double sum = 0, sum2 = 0;
    int within1 = 0;
    for (int i = 0; i < n; i++) {
        double z = hk_rng_normal(&r);
        assert_true(isfinite(z));
        sum += z;
        sum2 += z * z;
        within1 += fabs(z) < 1;
    }
    assert_float_equal(sum / n, 0.0, 0.01);
    assert_float_equal(sum2 / n, 1.0, 0.02);
    assert_float_equal((double)within1 / n, 0.6827, 0.005);
}

static double poisson_mean(double lambda, int n, double *var)
{
    hk_rng r;
    hk_rng_init(&r, 99, (uint64_t)lambda);
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; i++) {
        int k = hk_rng_poisson(&r, lambda);
        assert_true(k >= 0);
        sum += k;
        sum2 += (double)k * k;
    }
    double mean = sum / n;
    *var = sum2 / n - mean * mean;
    return mean;
}

static void test_poisson(void **state)
{
    (void)state;
    double var;
    /* Small means: exact method. */
    assert_float_equal(poisson_mean(0.5, 100000, &var), 0.5, 0.01);
    assert_float_equal(var, 0.5, 0.02);
    assert_float_equal(poisson_mean(3, 100000, &var), 3, 0.03);
    assert_float_equal(var, 3, 0.1);
    /* Large means: normal approximation. */
    assert_float_equal(poisson_mean(50, 100000, &var), 50, 0.2);
    assert_float_equal(var, 50, 2);
    /* Degenerate means give no events rather than nonsense. */
    hk_rng r;
    hk_rng_init(&r, 1, 1);
    assert_int_equal(hk_rng_poisson(&r, 0), 0);
    assert_int_equal(hk_rng_poisson(&r, -3), 0);
    assert_int_equal(hk_rng_poisson(&r, NAN), 0);
    /* Huge and infinite means stay a valid count, and a bounded one: a
     * caller adds the counts of every sector, month and year of a run into
     * an int, so each draw is capped at HK_RNG_POISSON_MAX, and that sum
     * must still fit (8 sectors x 12 months x 28 years). */
    assert_true((long long)HK_RNG_POISSON_MAX * 8 * 12 * 28 < INT_MAX);
    const double huge[] = {INFINITY, 1e308, 1e300, 1e12, (double)HK_RNG_POISSON_MAX * 2};
    for (size_t h = 0; h < sizeof huge / sizeof huge[0]; h++)
        for (int i = 0; i < 100; i++) {
            int k = hk_rng_poisson(&r, huge[h]);
            assert_true(k > HK_RNG_POISSON_MAX / 2 && k <= HK_RNG_POISSON_MAX);
        }
    /* Below the cap a large mean keeps its distribution. */
    hk_rng_init(&r, 7, 7);
    double sum = 0;
    for (int i = 0; i < 1000; i++) {
        int k = hk_rng_poisson(&r, 10000);
        assert_true(k >= 0 && k <= HK_RNG_POISSON_MAX);
        sum += k;
    }
    assert_float_equal(sum / 1000, 10000, 10);
}

/* Small means: the count is the one the plain inversion gives from the same
 * uniform (the e^-lambda search), draw for draw, whatever shortcut is taken
 * for a count of 0. */
static int poisson_by_search(hk_rng *r, double lambda)
{
    double u = hk_rng_uniform(r), p = exp(-lambda), cdf = p;
    int k = 0;
    while (u >= cdf && p > 0) {
        k++;
        p *= lambda / k;
        cdf += p;
    }
    return k;
}

static void test_poisson_small_means_as_search(void **state)
{
    (void)state;
    const double lambda[] = {1e-300, 1e-17, 1e-12, 1e-6, 1e-3, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999, 1.0, 1.5};
    for (size_t l = 0; l < sizeof lambda / sizeof lambda[0]; l++) {
        hk_rng a, b;
        hk_rng_init(&a, 7, (uint64_t)l);
        hk_rng_init(&b, 7, (uint64_t)l);
        for (int i = 0; i < 200000; i++)
            assert_int_equal(hk_rng_poisson(&a, lambda[l]), poisson_by_search(&b, lambda[l]));
    }
}

static void test_bernoulli(void **state)
{
    (void)state;
    hk_rng r;
    hk_rng_init(&r, 5, 5);
    int hits = 0;
    for (int i = 0; i < 100000; i++)
        hits += hk_rng_bernoulli(&r, 0.3);
    assert_float_equal(hits / 100000.0, 0.3, 0.006);
    for (int i = 0; i < 1000; i++) {
        assert_false(hk_rng_bernoulli(&r, 0.0));
        assert_true(hk_rng_bernoulli(&r, 1.0));
    }
}

/* hk_fmax and hk_fmin give libm's fmax and fmin bit for bit: ordinary
 * numbers, equal ones, both signed zeros in both orders, NaN on either side
 * and infinities. libm is called through pointers: the compiler takes its
 * own fmax and fmin for commutative and may swap their arguments. */
static double (*volatile libm_fmax)(double, double) = fmax;
static double (*volatile libm_fmin)(double, double) = fmin;

static void test_fmax_fmin_as_libm(void **state)
{
    (void)state;
    const double v[] = {0.0, -0.0, 1.0, -1.0, 2.5, 1e-300, -1e300, INFINITY, -INFINITY, NAN, 36000.0, 36000.000000000007};
    const int n = (int)(sizeof v / sizeof v[0]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double a = libm_fmax(v[i], v[j]), b = hk_fmax(v[i], v[j]);
            double c = libm_fmin(v[i], v[j]), d = hk_fmin(v[i], v[j]);
            assert_true(isnan(a) ? isnan(b) : memcmp(&a, &b, sizeof a) == 0);
            assert_true(isnan(c) ? isnan(d) : memcmp(&c, &d, sizeof c) == 0);
        }
}

/* hk_round_int gives (int)lround bit for bit: halves both ways, the
 * largest double below a half, signed zeros, the edge of the inline range,
 * infinities, NaN, and a spread of random values. */
static long (*volatile libm_lround)(double) = lround;

static void test_round_int_as_libm(void **state)
{
    (void)state;
    const double v[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                        1e9 + 0.5, -1e9 - 0.5, 1073741823.5, -1073741823.5, 1073741824.0, -1073741824.0,
                        4e9, -4e9, 1e300, INFINITY, -INFINITY, NAN, 3.0, 11.0, 0.7, -0.7};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        for (int k = -2; k <= 2; k++) {
            double x = v[i];
            for (int j = 0; j < (k < 0 ? -k : k); j++)
                x = nextafter(x, k < 0 ? -INFINITY : INFINITY);
            assert_int_equal(hk_round_int(x), (int)libm_lround(x));
        }
    hk_rng r;
    hk_rng_init(&r, 9, 9);
    for (int i = 0; i < 100000; i++) {
        double x = (hk_rng_uniform(&r) - 0.5) * (i % 2 ? 100.0 : 4e6);
        double h = floor(x) + 0.5; /* and the half next to it */
        assert_int_equal(hk_round_int(x), (int)libm_lround(x));
        assert_int_equal(hk_round_int(h), (int)libm_lround(h));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reproducible), cmocka_unit_test(test_runs_and_seeds_differ),
        cmocka_unit_test(test_split), cmocka_unit_test(test_splitter),
        cmocka_unit_test(test_uniform),
        cmocka_unit_test(test_normal), cmocka_unit_test(test_normal2),       cmocka_unit_test(test_poisson), cmocka_unit_test(test_poisson_small_means_as_search),
        cmocka_unit_test(test_bernoulli), cmocka_unit_test(test_fmax_fmin_as_libm),
        cmocka_unit_test(test_round_int_as_libm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
