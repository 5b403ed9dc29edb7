/* test_run_memos.c — what a run works out once instead of every month gives
 * the answers the month's own arithmetic would: the campaigning season and
 * the winter as months of the year (battles.c, at the run's start), and the
 * Soviet garrison's recovery kept per thread for the parameter it was worked
 * out with (movement.c), whatever runs with other parameters came before;
 * and a lazy stream's draws are the month's stream's (world.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "core/mathx.h"
#include "fixture_builtin.h"
#include "model/battles.h"
#include "world/world.h"

/* The span rule the months stand for: the parameters rounded, a span that
 * runs over the turn of the year when first > last. */
static bool in_span(int mon, double first, double last)
{
    return hk_mon_in_span(mon, hk_round_int(first), hk_round_int(last));
}

static void test_season_months_follow_the_parameters(void **state)
{
    (void)state;
    /* the scenario's values, a season over the turn of the year, values
     * between whole months and a winter of a single month */
    const double spans[][4] = {
        {-1, -1, -1, -1}, {10, 3, 11, 1}, {4.6, 8.4, 12, 2}, {6, 6, 1, 1},
    };
    for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
        hk_setup su;
        hk_setup_init(&su, scenario);
        if (spans[k][0] >= 0) {
            su.param[HK_P_BATTLE_SEASON_FIRST] = spans[k][0];
            su.param[HK_P_BATTLE_SEASON_LAST] = spans[k][1];
            su.param[HK_P_BATTLE_WINTER_FIRST] = spans[k][2];
            su.param[HK_P_BATTLE_WINTER_LAST] = spans[k][3];
        }
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
        assert_non_null(w);
        int seen = 0;
        for (int mon = 1; mon <= 12; mon++) {
            w->month = hk_month_of(1939, mon);
            for (int sec = 0; sec < scenario->n_sectors; sec++) {
                assert_int_equal(hk_battles_in_season(w, sec),
                                 in_span(mon, su.param[HK_P_BATTLE_SEASON_FIRST], su.param[HK_P_BATTLE_SEASON_LAST]));
                assert_int_equal(hk_battles_winter_halts(w, sec),
                                 in_span(mon, su.param[HK_P_BATTLE_WINTER_FIRST], su.param[HK_P_BATTLE_WINTER_LAST]));
            }
            seen += hk_battles_in_season(w, 0);
        }
        assert_true(seen > 0 && seen < 12);
        /* no sector outside the scenario is in season */
        assert_false(hk_battles_in_season(w, -1));
        assert_false(hk_battles_in_season(w, scenario->n_sectors));
        hk_world_free(w);
    }
}

/* The Soviet pool of each month of the 1920s (movement's baseline, the
 * garrison recovering at soviet.recovery), for a run of `recovery`. */
static void soviet_pools(double recovery, double *pool, int months)
{
    hk_setup su;
    hk_setup_init(&su, scenario);
    su.param[HK_P_SOVIET_RECOVERY] = recovery;
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 7, 0);
    assert_non_null(w);
    for (int m = 0; m < months && !hk_world_done(w); m++) {
        hk_world_play_month(w, NULL);
        pool[m] = w->base_pool[2];
    }
    hk_world_free(w);
}

static void test_soviet_recovery_kept_for_its_parameter(void **state)
{
    (void)state;
    enum { MONTHS = 150 };
    static double first[MONTHS], other[MONTHS], again[MONTHS];
    soviet_pools(0.03, first, MONTHS);
    soviet_pools(0.08, other, MONTHS);
    soviet_pools(0.03, again, MONTHS);
    assert_memory_equal(first, again, sizeof first);
    /* the faster recovery gives a larger garrison before the record's
     * figures take over: the parameter was not read from the first run's */
    bool larger = false;
    for (int m = 1; m < MONTHS; m++)
        larger |= other[m] > first[m];
    assert_true(larger);
}

/* A month's draws from a lazy stream (hk_lazy_bernoulli) are those of the
 * month's stream drawn at once (hk_world_stream, hk_rng_bernoulli): chances
 * of none before the split (owed, not drawn), between and after draws of
 * every kind. */
static void test_lazy_bernoulli_draws_as_the_stream(void **state)
{
    (void)state;
    hk_setup su;
    hk_setup_init(&su, scenario);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 11, 3);
    assert_non_null(w);
    const double none = 0.0, some = 0.4, nan = NAN, neg = -1.0;
    /* each pattern: the chances drawn in the month, in order; a chance of 2
     * stands for a uniform drawn straight from the stream */
    const double patterns[][6] = {
        {none, none, none, none, none, none}, {none, none, some, none, some, none},
        {none, 2, none, some, none, 2},       {nan, neg, none, 2, 2, some},
        {some, none, none, some, none, 2},    {2, none, nan, none, neg, some},
    };
    for (int month = 0; month < 24; month++) {
        w->month = hk_month_of(1930, 1) + month;
        for (size_t k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
            hk_rng eager = hk_world_stream(w, HK_STREAM_POLITICS);
            hk_lazy_stream lazy = hk_world_lazy_stream(w, HK_STREAM_POLITICS);
            for (int i = 0; i < 6; i++) {
                double p = patterns[k][i];
                if (p == 2) {
                    assert_true(hk_rng_uniform(&eager) == hk_rng_uniform(hk_lazy_rng(&lazy)));
                } else {
                    bool a = hk_rng_bernoulli(&eager, p), b = hk_lazy_bernoulli(&lazy, p);
                    assert_int_equal(a, b);
                }
            }
            /* and the stream goes on from the same place */
            assert_true(hk_rng_next(&eager) == hk_rng_next(hk_lazy_rng(&lazy)));
        }
    }
    hk_world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_season_months_follow_the_parameters),
        cmocka_unit_test(test_soviet_recovery_kept_for_its_parameter),
        cmocka_unit_test(test_lazy_bernoulli_draws_as_the_stream),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
