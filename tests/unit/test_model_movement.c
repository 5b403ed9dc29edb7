/* test_model_movement.c — forces and supply: the pools are spread over
 * their formations without loss, each side's forces on a border follow the
 * formations near it, equipment per man follows the record's schedule, and
 * the Soviet side builds up against a larger Japanese army (two worlds that
 * differ in one field, stepped the same month). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fixture_scenario.h"
#include "model/movement.h"
#include "world/world.h"

/* A month's movement, with the formations given their pools' men (simulate
 * spreads them when read). */
static void step(hk_world *w)
{
    hk_movement_step(w);
    hk_movement_formations(w);
}

static hk_world *world_at(const hk_setup *su, int year, int month)
{
    hk_world *w = hk_world_new(su, HK_MODE_SIMULATE, 5, 0);
    assert_non_null(w);
    while (w->month < hk_month_of(year, month))
        hk_world_step(w, NULL);
    return w;
}

/* The built-in scenario, for the tests that need the record's armies. */
static hk_scenario *builtin(void)
{
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = hk_scenario_load_builtin(&d);
    hk_diag_free(&d);
    assert_non_null(s);
    return s;
}

/* A second world in the same state as a, to step with one field changed
 * (its own text buffer left unset, so that freeing both frees each once). */
static hk_world *world_copy(const hk_setup *su, const hk_world *a)
{
    hk_world *b = hk_world_new(su, HK_MODE_SIMULATE, 5, 0);
    assert_non_null(b);
    memcpy(b, a, sizeof *b);
    b->text = NULL;
    return b;
}

/* After a step the formations of each pool hold its men, no more, no less. */
static void test_pools_conserved(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = world_at(&su, 1938, 6);
    step(w);
    double pool[3] = {0, 0, 0};
    bool any[3] = {false, false, false};
    for (int f = 0; f < s->n_formations; f++) {
        int p = w->c->form_pool[f];
        if (p < 0)
            continue;
        pool[p] += w->formation[f].men;
        any[p] = true;
    }
    if (any[0])
        assert_true(fabs(pool[0] - w->jpn_men) <= 1e-6 * (w->jpn_men + 1));
    if (any[2])
        assert_true(fabs(pool[2] - w->sov_men) <= 1e-6 * (w->sov_men + 1));
    assert_true(w->sov_men > 0);
    hk_world_free(w);
    fx_free(s);
}

/* A sector's forces are the sum of the formations that face it. */
static void test_sector_forces_from_formations(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = world_at(&su, 1939, 6);
    hk_movement_sector_forces(w);
    double total[2] = {0, 0};
    for (int sec = 0; sec < s->n_sectors; sec++)
        for (int side = 0; side < 2; side++) {
            assert_true(w->sector_forces[sec][side].men >= 0);
            total[side] += w->sector_forces[sec][side].men;
        }
    assert_true(total[HK_SIDE_SOV] > 0);
    /* with every formation moved away from the border, nobody faces it */
    for (int f = 0; f < s->n_formations; f++)
        w->formation[f].region = -1;
    w->mv.coef_ok = false; /* simulate moves no formation: who does says so (world.h) */
    hk_movement_sector_forces(w);
    for (int sec = 0; sec < s->n_sectors; sec++)
        for (int side = 0; side < 2; side++)
            assert_true(w->sector_forces[sec][side].men == 0);
    hk_world_free(w);
    fx_free(s);
}

/* Tanks, guns and aircraft per man are the schedule's entry for the month. */
static void test_equipment_follows_schedule(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = world_at(&su, 1940, 1);
    for (int f = 0; f < s->n_formations; f++) {
        int n = w->c->n_equip[f];
        if (n == 0)
            continue;
        int at = 0;
        while (at + 1 < n && w->c->equip[f][at + 1].from <= w->month - 1)
            at++;
        for (int k = 0; k < 3; k++)
            assert_true(w->per_man[f][k] == w->c->equip[f][at].per_man[k]);
    }
    hk_world_free(w);
    fx_free(s);
}

/* The same month, a large Japanese army against none: the Soviet side
 * builds up against the one and draws down without the other. */
static void test_soviet_buildup_answers_japan(void **state)
{
    (void)state;
    /* the built-in scenario: the Soviet answer is to Japan's departure from
     * its recorded army, so the month must have a record on both sides */
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *a = world_at(&su, 1938, 6);
    hk_world *b = world_copy(&su, a);
    assert_true(a->jpn_men > 1000);
    /* twice the army Japan had, held for two years: whatever the pace the
     * railway allows, the Soviet side ends higher against it */
    for (int k = 0; k < 24; k++) {
        b->jpn_men = 2 * a->jpn_men;
        step(a);
        step(b);
    }
    assert_true(b->sov_men > a->sov_men);
    hk_world_free(a);
    hk_world_free(b);
    hk_scenario_free(s);
}

/* A war Japan opens on the USSR: the Far East mobilises faster than its
 * peacetime build-up (soviet.war_mobilize a month over it, and the railway
 * from the west with no German war), and while Germany's offensive holds
 * Stavka the west takes men from the reserve behind the fronts rather than
 * sending any. Two worlds in the same month, one at war, stepped alike. */
static void test_soviet_mobilises_in_a_war_japan_opens(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    /* 1939-06: no war in the west */
    hk_world *a = world_at(&su, 1939, 6);
    hk_world *b = world_copy(&su, a);
    b->war = true;
    b->war_opener = HK_SIDE_JPN;
    b->war_on = b->month;
    for (int k = 0; k < 3; k++) {
        step(a);
        step(b);
    }
    double mob = hk_param_of(a, HK_P_SOVIET_WAR_MOBILIZE);
    assert_true(b->sov_men - a->sov_men >= 3 * mob);
    assert_true(b->sov_sent_war == 0);
    hk_world_free(a);
    hk_world_free(b);
    /* 1941-09, three months into Germany's attack: nothing from the west,
     * and Stavka takes part of the reserve; what the Far East raises of its
     * own still comes */
    a = world_at(&su, 1941, 9);
    assert_true(hk_flag(a, HK_EFFECT_GER_SOV_WAR));
    b = world_copy(&su, a);
    b->war = true;
    b->war_opener = HK_SIDE_JPN;
    b->war_on = b->month;
    /* a Far East that stands below soviet.threat_ratio to the Japanese
     * army sends none of it west, whatever its reserve */
    hk_world *c = world_copy(&su, b);
    c->jpn_men = c->sov_men;
    step(c);
    assert_true(c->sov_sent_war == 0);
    hk_world_free(c);
    /* one that stands well above it sends part of its reserve */
    b->jpn_men = 0.25 * b->sov_men;
    double before = b->sov_men;
    step(b);
    assert_true(b->sov_sent_war > 0);
    assert_true(b->sov_sent_war <= hk_param_of(b, HK_P_SOVIET_WEST_DRAW) * (before + 3 * mob) + 1);
    assert_true(b->sov_men + b->sov_sent_war > before + 0.5 * mob);
    assert_true(b->sov_men + b->sov_sent_war <=
                before + hk_param_of(b, HK_P_SOVIET_BUILDUP) + mob + 1);
    hk_world_free(a);
    hk_world_free(b);
    hk_scenario_free(s);
}

/* Stavka turns to the counter-offensive in the west only once Germany's
 * offensive has spent itself (war.west_offensive_months from the attack),
 * however large the reserve gathered before: a Far East that has sent more
 * men west than the record's does not bring the turn into November 1941,
 * while the German offensive still holds it. */
static void test_counteroffensive_waits_for_the_german_offensive(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *a = world_at(&su, 1941, 11);
    assert_true(hk_flag(a, HK_EFFECT_GER_SOV_WAR));
    assert_true(a->west_turned_on == HK_MONTH_NONE);
    double need = hk_param_of(a, HK_P_WAR_WEST_COUNTER_MEN);
    /* the reserve already well past what the counter-offensive needs */
    a->sov_west_sent = need;
    step(a);
    assert_true(a->west_turned_on == HK_MONTH_NONE);
    /* the next month, the offensive spent, the turn comes */
    while (a->month < hk_month_of(1941, 12))
        hk_world_step(a, NULL);
    if (a->west_turned_on == HK_MONTH_NONE) {
        a->sov_west_sent = need;
        step(a);
    }
    assert_true(a->west_turned_on == hk_month_of(1941, 12));
    hk_world_free(a);
    hk_scenario_free(s);
}

/* An army stands only on ground its side has held: before Manchuria is
 * seized the Kwantung Army's fronts in Chinese Manchuria hold no one, and
 * the Japanese pool stays with the formations on Japan's own ground; once
 * the ground is Manchukuo's they stand there, and keep standing if it is
 * lost again. */
static void test_no_army_on_ground_never_held(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = world_at(&su, 1934, 6);
    uint64_t claimed = w->c->claimed_formations;
    assert_true(claimed != 0);
    int n_claimed = 0;
    for (int f = 0; f < s->n_formations; f++) {
        if (!((claimed >> f) & 1u))
            continue;
        n_claimed++;
        int r = s->formations[f].region;
        assert_true(r >= 0);
        assert_int_equal(hk_scenario_side(s, s->regions[r].controller), -1); /* China's ground in 1918 */
        assert_int_equal(w->c->form_side[f], HK_SIDE_JPN);
    }
    assert_true(n_claimed >= 3); /* the eastern, northern and western fronts */

    /* the same month with Manchuria in China's hands and never held */
    hk_world *b = world_copy(&su, w);
    for (int f = 0; f < s->n_formations; f++)
        if ((claimed >> f) & 1u)
            b->control[s->formations[f].region] = (int8_t)s->regions[s->formations[f].region].controller;
    b->mv.ground_held = 0;
    step(b);
    double on_claimed = 0, pool = 0;
    for (int f = 0; f < s->n_formations; f++) {
        if (w->c->form_pool[f] != 0)
            continue;
        pool += b->formation[f].men;
        if ((claimed >> f) & 1u)
            on_claimed += b->formation[f].men;
    }
    assert_true(on_claimed == 0);
    assert_true(fabs(pool - b->jpn_men) <= 1e-6 * (b->jpn_men + 1)); /* nobody lost */

    /* held once: the fronts stand there, and a loss of the ground later
     * does not send them home */
    step(w);
    on_claimed = 0;
    for (int f = 0; f < s->n_formations; f++)
        if ((claimed >> f) & 1u)
            on_claimed += w->formation[f].men;
    if (w->manchuria_seized) {
        assert_true(on_claimed > 0);
        for (int f = 0; f < s->n_formations; f++)
            if ((claimed >> f) & 1u)
                w->control[s->formations[f].region] = (int8_t)s->sov;
        step(w);
        double after = 0;
        for (int f = 0; f < s->n_formations; f++)
            if ((claimed >> f) & 1u)
                after += w->formation[f].men;
        assert_true(after > 0);
    }
    hk_world_free(w);
    hk_world_free(b);
    hk_scenario_free(s);
}

/* The schedule is the scenario's: in 1944 each formation's tanks, guns and
 * aircraft per man are those of its latest recorded strength, for the
 * formations with many records too (the Soviet fronts list eighteen; a
 * schedule cut at twelve kept 1941's armour into 1945). */
static void test_equipment_is_the_latest_record(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = world_at(&su, 1944, 1);
    step(w);
    int checked = 0, many = 0;
    for (int f = 0; f < s->n_formations; f++) {
        int latest = -1, n = 0;
        for (int k = 0; k < s->n_strengths; k++) {
            const hk_strength *x = &s->strengths[k];
            if (x->formation != f || !(x->men > 0))
                continue;
            n++;
            if (hk_date_month(x->date) <= w->month &&
                (latest < 0 || hk_date_month(x->date) >= hk_date_month(s->strengths[latest].date)))
                latest = k;
        }
        if (latest < 0)
            continue;
        const hk_strength *x = &s->strengths[latest];
        assert_true(fabs(w->per_man[f][0] - x->tanks / x->men) < 1e-12);
        assert_true(fabs(w->per_man[f][1] - x->guns / x->men) < 1e-12);
        assert_true(fabs(w->per_man[f][2] - x->aircraft / x->men) < 1e-12);
        checked++;
        many += n > 12;
    }
    assert_true(checked > 5);
    assert_true(many >= 3); /* the three Soviet fronts */
    hk_world_free(w);
    hk_scenario_free(s);
}

/* Before the record's first figure for the Soviet army (1929) the 1920s
 * garrison (soviet.floor) stands in the Soviet formations, in both modes;
 * the Mongolian army, recorded from 1924, keeps its own figure beside it
 * and does not take the whole pool. */
static void test_garrison_of_the_1920s_in_the_soviet_formations(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    for (int mode = 0; mode < 2; mode++) {
        hk_world *w = hk_world_new(&su, mode == 0 ? HK_MODE_SIMULATE : HK_MODE_REPLAY, 2, 0);
        assert_non_null(w);
        while (w->month < hk_month_of(1926, 12))
            hk_world_step(w, NULL);
        hk_movement_formations(w); /* the pools are spread over the formations when read */
        int soviet = 0, allied = 0;
        double sov_men = 0, pool = 0;
        for (int f = 0; f < s->n_formations; f++) {
            if (w->c->form_pool[f] != 2)
                continue;
            pool += w->formation[f].men;
            if (w->c->form_host_treaty[f] != -1)
                continue; /* the corps in Mongolia: not before the protocol */
            if (s->formations[f].actor == s->sov) {
                soviet++;
                assert_true(w->formation[f].men > 5000);
                assert_true(w->formation[f].guns > 0);
                sov_men += w->formation[f].men;
            } else {
                allied++;
                /* the Mongolian army's record: its part of a pool that
                 * simulate leaves standing within forces.least_move of the
                 * plan (replay: the record itself) */
                double tol = mode == 0 ? 10000 * hk_param_of(w, HK_P_FORCES_LEAST_MOVE) + 1 : 1;
                assert_true(fabs(w->formation[f].men - 10000) < tol);
            }
        }
        assert_true(soviet >= 3);
        assert_true(allied >= 1);
        assert_true(sov_men >= 0.5 * 40000 && sov_men <= 40000 + 1);
        assert_true(fabs(pool - w->sov_men) <= 1e-6 * (w->sov_men + 1));
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pools_conserved),
        cmocka_unit_test(test_sector_forces_from_formations),
        cmocka_unit_test(test_equipment_follows_schedule),
        cmocka_unit_test(test_soviet_buildup_answers_japan),
        cmocka_unit_test(test_soviet_mobilises_in_a_war_japan_opens),
        cmocka_unit_test(test_counteroffensive_waits_for_the_german_offensive),
        cmocka_unit_test(test_no_army_on_ground_never_held),
        cmocka_unit_test(test_equipment_is_the_latest_record),
        cmocka_unit_test(test_garrison_of_the_1920s_in_the_soviet_formations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
