/* test_model_politics.c — factions and doctrine react to events as the
 * sources argue: a lost battle discredits its pushers, a failed coup brings
 * a purge, outside shocks move the cabinet, oil pulls south. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fixture_scenario.h"
#include "model/politics.h"
#include "world/world.h"

static int faction(const hk_scenario *s, const char *id)
{
    for (int f = 0; f < s->n_factions; f++)
        if (strcmp(s->factions[f].id, id) == 0)
            return f;
    return -1;
}

static double actor_sum(const hk_world *w, int actor)
{
    double sum = 0;
    for (int f = 0; f < w->s->n_factions; f++)
        if (w->s->factions[f].actor == actor)
            sum += w->influence[f];
    return sum;
}

static void test_lost_battle_discredits_pushers(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *lost = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    hk_world *calm = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    lost->lost_battle_side = HK_SIDE_JPN;
    lost->lost_battle_weight = 1.0;
    double autonomy = lost->autonomy;
    hk_politics_step(lost);
    hk_politics_step(calm);
    int kw = faction(s, "kwantung_field"), ko = faction(s, "kodoha"), navy = faction(s, "navy");
    assert_true(lost->influence[kw] < calm->influence[kw] - 0.01);
    assert_true(lost->influence[ko] < calm->influence[ko] - 0.01);
    assert_true(lost->influence[navy] > calm->influence[navy] + 0.01);
    assert_true(lost->autonomy < autonomy);
    assert_true(fabs(actor_sum(lost, s->jpn) - 1.0) < 1e-9);
    /* the change is structural: it has not faded a year later */
    for (int i = 0; i < 12; i++) {
        hk_politics_step(lost);
        hk_politics_step(calm);
    }
    assert_true(lost->influence[kw] < calm->influence[kw] - 0.01);
    /* and doctrine has moved south */
    assert_true(lost->doctrine < calm->doctrine);
    hk_world_free(lost);
    hk_world_free(calm);
    fx_free(s);
}

static void test_soviet_defeat_emboldens_japanese_hawks(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *won = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    hk_world *calm = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    won->lost_battle_side = HK_SIDE_SOV;
    won->lost_battle_weight = 1.0;
    hk_politics_step(won);
    hk_politics_step(calm);
    int kw = faction(s, "kwantung_field");
    assert_true(won->influence[kw] > calm->influence[kw]);
    hk_world_free(won);
    hk_world_free(calm);
    fx_free(s);
}

static void test_purge(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
    int ko = faction(s, "kodoha");
    double before = w->influence[ko], autonomy = w->autonomy;
    hk_politics_purge(w, ko);
    assert_true(fabs(w->influence[ko] - before * (1 - su.param[HK_P_POLITICS_PURGE_SHARE])) < 1e-12);
    assert_true(w->autonomy < autonomy);
    assert_true(fabs(actor_sum(w, s->jpn) - 1.0) < 1e-9);
    assert_true(w->purged[ko]);
    hk_world_free(w);
    fx_free(s);
}

static void test_shocks_and_oil(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *a = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    hk_world *b = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    /* the German-Soviet pact arrives this month in a only */
    a->flags |= 1u << HK_EFFECT_GER_SOV_PACT;
    a->flag_since[HK_EFFECT_GER_SOV_PACT] = a->month;
    hk_politics_step(a);
    hk_politics_step(b);
    int fm = faction(s, "foreign_ministry"), ko = faction(s, "kodoha");
    assert_true(a->influence[fm] > b->influence[fm]);
    assert_true(a->influence[ko] < b->influence[ko]);
    /* an oil embargo pulls the doctrine south by about doctrine.oil_pull */
    double before = hk_politics_doctrine_target(b);
    b->flags |= 1u << HK_EFFECT_OIL_EMBARGO;
    double after = hk_politics_doctrine_target(b);
    assert_true(after < before - 0.3);
    hk_world_free(a);
    hk_world_free(b);
    fx_free(s);
}

/* In simulate, a coup comes from the state (a strong but blocked faction),
 * not from a date: with the hazard at zero none happens, with it high one
 * happens in most runs, at different months. */
static int coup_month;
static void on_event(void *ud, const hk_log_event *e)
{
    (void)ud;
    if (strcmp(e->kind, "coup") == 0 && coup_month < 0)
        coup_month = hk_date_month(e->date);
}

static void test_coups_arise_from_state(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_observer obs = {on_event, NULL, NULL};
    hk_outcomes o;
    su.param[HK_P_POLITICS_COUP_RATE] = 0;
    for (uint64_t r = 0; r < 20; r++) {
        coup_month = -1;
        hk_run(&su, HK_MODE_SIMULATE, 1, r, HK_MONTH_NONE, &obs, &o);
        assert_int_equal(coup_month, -1);
    }
    su.param[HK_P_POLITICS_COUP_RATE] = 1.0;
    int coups = 0, first = -1, different = 0;
    for (uint64_t r = 0; r < 20; r++) {
        coup_month = -1;
        hk_run(&su, HK_MODE_SIMULATE, 1, r, HK_MONTH_NONE, &obs, &o);
        if (coup_month >= 0) {
            coups++;
            if (first < 0)
                first = coup_month;
            else if (coup_month != first)
                different++;
        }
    }
    assert_true(coups >= 10);
    assert_true(different >= 1);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lost_battle_discredits_pushers),
        cmocka_unit_test(test_soviet_defeat_emboldens_japanese_hawks),
        cmocka_unit_test(test_purge),
        cmocka_unit_test(test_shocks_and_oil),
        cmocka_unit_test(test_coups_arise_from_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
