/* test_model_forces.c — armies at the record's scale in both modes, the 1945
 * chain, decisions that serve the decider and border battles that stay
 * inside what was committed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "model/assess.h"
#include "model/diplomacy.h"
#include "world/world.h"

#include "fixture_builtin.h"

/* Simulate's armies stay near replay's, December by December, 1931-1944,
 * over a few runs (the full test is the validation report's table). */
static void test_armies_follow_the_record(void **state)
{
    (void)state;
    const hk_scenario *s = scenario;
    hk_setup su;
    hk_setup_init(&su, s);
    hk_outcomes rep;
    assert_int_equal(hk_run(&su, HK_MODE_REPLAY, 1, 0, HK_MONTH_NONE, NULL, &rep), 0);
    enum { RUNS = 20 };
    double sum_j[HK_YEARS] = {0}, sum_s[HK_YEARS] = {0};
    for (int r = 0; r < RUNS; r++) {
        hk_outcomes o;
        assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 1, (uint64_t)r, HK_MONTH_NONE, NULL, &o), 0);
        for (int y = 0; y < HK_YEARS; y++) {
            sum_j[y] += o.japan_manchuria_men_by_year[y];
            sum_s[y] += o.soviet_far_east_men_by_year[y];
        }
    }
    for (int year = 1918; year <= 1944; year++) {
        int y = year - HK_YEAR_FIRST;
        double rj = rep.japan_manchuria_men_by_year[y], rs = rep.soviet_far_east_men_by_year[y];
        assert_true(rj > 0 && rs > 0);
        assert_true(fabs(sum_j[y] / RUNS / rj - 1.0) < 0.3);
        assert_true(fabs(sum_s[y] / RUNS / rs - 1.0) < 0.3);
    }
    /* the record's scale, not a fraction of it: the Kantokuen army and the
     * Soviet Far East of 1942 */
    assert_true(rep.japan_manchuria_men_by_year[1942 - HK_YEAR_FIRST] > 600000);
    assert_true(rep.soviet_far_east_men_by_year[1942 - HK_YEAR_FIRST] > 900000);
}

typedef struct chain_log {
    hk_month entry, atomic, surrender, last_battle;
    int battles_after_surrender;
    int overspent; /* battle results with casualties above the men committed */
} chain_log;

static void on_event(void *ud, const hk_log_event *e)
{
    chain_log *l = ud;
    hk_month m = hk_date_month(e->date);
    if (strcmp(e->kind, "peace") == 0 && strcmp(e->id, "surrender") == 0 && l->surrender == HK_MONTH_NONE)
        l->surrender = m;
    if (strcmp(e->kind, "battle") == 0 && strcmp(e->id, "general_war") != 0 && l->surrender != HK_MONTH_NONE &&
        m > l->surrender)
        l->battles_after_surrender++;
}

/* Japan surrenders only once the USSR has entered the war and the atomic
 * bomb has fallen; no border battle comes after the surrender; no side
 * loses more men in an entry war than its army holds. */
static void test_the_1945_chain(void **state)
{
    (void)state;
    const hk_scenario *s = scenario;
    hk_setup su;
    hk_setup_init(&su, s);
    int surrenders = 0;
    for (uint64_t run = 0; run < 40; run++) {
        chain_log l = {HK_MONTH_NONE, HK_MONTH_NONE, HK_MONTH_NONE, HK_MONTH_NONE, 0, 0};
        hk_observer obs = {on_event, NULL, &l};
        hk_outcomes o;
        assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 7, run, HK_MONTH_NONE, &obs, &o), 0);
        assert_int_equal(l.battles_after_surrender, 0);
        if (o.surrender_month == HK_MONTH_NONE)
            continue;
        surrenders++;
        assert_true(o.entry_month != HK_MONTH_NONE && o.entry_month <= o.surrender_month);
        assert_true(o.atomic_month != HK_MONTH_NONE && o.atomic_month <= o.surrender_month);
        assert_false(isnan(o.entry_war_casualties[1]));
        assert_true(o.entry_war_casualties[1] >= 0 && o.entry_war_casualties[1] < 1.6e6);
    }
    assert_true(surrenders > 20);
}

/* A pact that still serves its party is not denounced: Japan at war with
 * the United States gains from the neutrality pact at any doctrine short of
 * a strike north. */
static void test_no_notice_while_the_pact_serves(void **state)
{
    (void)state;
    const hk_scenario *s = scenario;
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
    int pact = w->c->roles.jpn_sov_neutrality;
    assert_true(pact >= 0);
    hk_treaty_set_status(w, pact, HK_TREATY_IN_FORCE);
    if (w->c->roles.jpn_sov_normalization >= 0)
        hk_treaty_set_status(w, w->c->roles.jpn_sov_normalization, HK_TREATY_IN_FORCE);
    w->flags |= 1u << HK_EFFECT_JPN_US_WAR;
    w->committed_south = true;
    for (double d = -1.0; d <= su.param[HK_P_DOCTRINE_STRIKE_NORTH]; d += 0.1) {
        w->doctrine = d;
        assert_true(hk_diplomacy_gain(w, pact, s->jpn) > -su.param[HK_P_TREATY_MIN_GAIN]);
    }
    hk_world_free(w);
}

/* The USSR enters only with its offensive force assembled east of Baikal. */
static void test_entry_waits_for_the_offensive_force(void **state)
{
    (void)state;
    const hk_scenario *s = scenario;
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
    w->jpn_men = 700000;
    w->jpn_peak = 750000;
    w->sov_men = 0.5 * hk_assess_offensive_force(w);
    assert_false(hk_assess_offensive_ready(w));
    w->sov_men = hk_assess_offensive_force(w);
    assert_true(hk_assess_offensive_ready(w));
    hk_world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_armies_follow_the_record),
        cmocka_unit_test(test_the_1945_chain),
        cmocka_unit_test(test_no_notice_while_the_pact_serves),
        cmocka_unit_test(test_entry_waits_for_the_offensive_force),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
