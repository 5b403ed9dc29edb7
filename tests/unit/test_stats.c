/* test_stats.c — intervals against published values, moments against
 * direct formulas, and merges that give the same bits in any order. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

/* cmocka compares floats as float; these need double. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#include "run/stats.h"

static void wilson_matches_newcombe(void **state)
{
    (void)state;
    /* Newcombe (1998), Statistics in Medicine 17:857, Table I. */
    hk_interval a = hk_stats_wilson(81, 263, 0.95);
    assert_near(a.lo, 0.2553, 5e-5);
    assert_near(a.hi, 0.3662, 5e-5);
    hk_interval b = hk_stats_wilson(15, 148, 0.95);
    assert_near(b.lo, 0.0624, 5e-5);
    assert_near(b.hi, 0.1605, 5e-5);
    /* 0/10: lower bound exactly 0, upper 0.2775 (Newcombe's 0/10 row). */
    hk_interval c = hk_stats_wilson(0, 10, 0.95);
    assert_true(c.lo == 0.0);
    assert_near(c.hi, 0.2775, 5e-5);
    hk_interval d = hk_stats_wilson(10, 10, 0.95);
    assert_true(d.hi == 1.0);
    assert_near(d.lo, 1 - 0.2775, 5e-5);
    hk_interval e = hk_stats_wilson(0, 0, 0.95);
    assert_true(isnan(e.lo) && isnan(e.hi));
}

static void t_quantiles(void **state)
{
    (void)state;
    assert_near(hk_stats_t_quantile(0.95, 10), 2.228139, 1e-6);
    assert_near(hk_stats_t_quantile(0.95, 1), 12.706205, 1e-6);
    assert_near(hk_stats_t_quantile(0.95, 1e6), 1.959966, 1e-5);
    hk_interval ci = hk_stats_t_interval(5.0, 2.0, 11, 0.95);
    assert_near(ci.lo, 5.0 - 2.228139 * 2.0 / sqrt(11.0), 1e-6);
    assert_near(ci.hi, 5.0 + 2.228139 * 2.0 / sqrt(11.0), 1e-6);
    hk_interval none = hk_stats_t_interval(5.0, NAN, 1, 0.95);
    assert_true(isnan(none.lo));
}

static void moments_match_direct_formulas(void **state)
{
    (void)state;
    const double v[] = {1941.25, 1943.5, 1941.0, NAN, 1945.75, 1939.0};
    hk_moments m;
    hk_moments_init(&m);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        hk_moments_add(&m, v[i]);
    assert_int_equal(m.n, 5);
    double mean = (1941.25 + 1943.5 + 1941.0 + 1945.75 + 1939.0) / 5;
    double ss = 0;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (!isnan(v[i]))
            ss += (v[i] - mean) * (v[i] - mean);
    assert_near(hk_moments_mean(&m), mean, 1e-9);
    assert_near(hk_moments_var(&m), ss / 4, 1e-9);
    assert_near(hk_moments_sd(&m), sqrt(ss / 4), 1e-9);

    hk_moments empty;
    hk_moments_init(&empty);
    assert_true(isnan(hk_moments_mean(&empty)));
    hk_moments_add(&empty, 3);
    assert_true(isnan(hk_moments_var(&empty)));
    assert_near(hk_moments_mean(&empty), 3, 0);

    hk_moments big;
    hk_moments_init(&big);
    hk_moments_add(&big, 1e12);
    assert_int_equal(big.n, 0);
    assert_int_equal(big.rejected, 1);
}

/* A value that is not a multiple of 2^-20 rounds to one; its mean is
 * within half a unit. */
static void moments_round_small(void **state)
{
    (void)state;
    hk_moments m;
    hk_moments_init(&m);
    for (int i = 0; i < 1000; i++)
        hk_moments_add(&m, 0.1);
    assert_near(hk_moments_mean(&m), 0.1, 1e-6);
    assert_true(hk_moments_var(&m) == 0.0);
}

/* Split a stream many ways, merge the parts in different orders: the
 * bits must be the same. */
static void merges_are_exact_in_any_order(void **state)
{
    (void)state;
    enum { N = 5000, PARTS = 7 };
    static double v[N];
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        v[i] = 1930.0 + (double)(x % 1000000) / 65536.0 * 0.37;
    }
    hk_moments whole;
    hk_moments_init(&whole);
    for (int i = 0; i < N; i++)
        hk_moments_add(&whole, v[i]);

    hk_moments part[PARTS];
    for (int p = 0; p < PARTS; p++)
        hk_moments_init(&part[p]);
    for (int i = 0; i < N; i++)
        hk_moments_add(&part[(i * 31 + 7) % PARTS], v[i]);

    hk_moments fwd, rev;
    hk_moments_init(&fwd);
    hk_moments_init(&rev);
    for (int p = 0; p < PARTS; p++)
        hk_moments_merge(&fwd, &part[p]);
    for (int p = PARTS - 1; p >= 0; p--)
        hk_moments_merge(&rev, &part[p]);

    double a[3] = {hk_moments_mean(&whole), hk_moments_var(&whole), hk_moments_sd(&whole)};
    double b[3] = {hk_moments_mean(&fwd), hk_moments_var(&fwd), hk_moments_sd(&fwd)};
    double c[3] = {hk_moments_mean(&rev), hk_moments_var(&rev), hk_moments_sd(&rev)};
    assert_memory_equal(a, b, sizeof a);
    assert_memory_equal(a, c, sizeof a);
    assert_int_equal(whole.n, N);
}

/* Each value is held as llround(ldexp(v, HK_STATS_FRAC_BITS)): the sums
 * carry exactly those integers, halves away from zero, for every value
 * below the limit (negative, subnormal, a half ulp off a half, the limit's
 * edge). */
static void moments_hold_libm_rounding(void **state)
{
    (void)state;
    const double half = ldexp(1.0, -HK_STATS_FRAC_BITS - 1); /* a half of the last fixed-point step */
    const double v[] = {0.0, -0.0, half, -half, 3 * half, -3 * half, nextafter(half, 0), nextafter(half, 1),
                        nextafter(-half, 0), nextafter(-half, -1), 1e-310, -1e-310, 0.1, -0.1, 1941.25,
                        -1945.0000001, 123456.789, 2147483647.75, -2147483647.75, nextafter(2147483648.0, 0),
                        1.0 / 3.0, -2.0 / 3.0, 5e-7, -5e-7, 4.76837158203125e-7, -4.76837158203125e-7};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hk_moments m;
        hk_moments_init(&m);
        hk_moments_add(&m, v[i]);
        int64_t q = llround(ldexp(v[i], HK_STATS_FRAC_BITS));
        assert_int_equal(m.n, 1);
        assert_true(m.s1 == (hk_i128)q);
        assert_true(m.s2 == (hk_i128)q * q);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wilson_matches_newcombe),
        cmocka_unit_test(t_quantiles),
        cmocka_unit_test(moments_match_direct_formulas),
        cmocka_unit_test(moments_round_small),
        cmocka_unit_test(moments_hold_libm_rounding),
        cmocka_unit_test(merges_are_exact_in_any_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
