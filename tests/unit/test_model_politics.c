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
#include "model/assess.h"
#include "model/movement.h"
#include "model/politics.h"
#include "model/war.h"
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
    /* before the embargo, the alliance with Germany brings its threat:
     * doctrine.threat_pull, replaced by the embargo's own pull once it comes */
    b->flags &= ~(1u << HK_EFFECT_OIL_EMBARGO);
    b->flags |= 1u << HK_EFFECT_AXIS_ALLIANCE;
    assert_true(fabs(hk_politics_doctrine_target(b) - (before - su.param[HK_P_DOCTRINE_THREAT_PULL])) < 1e-9);
    b->flags |= 1u << HK_EFFECT_OIL_EMBARGO;
    assert_true(fabs(hk_politics_doctrine_target(b) - after) < 1e-9);
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

/* ---- the strike north --------------------------------------------------------- */

/* A world in 1941 where Manchuria is held and the USSR fights in the west;
 * the northern factions hold `north` of Japan's influence (shared between
 * the Kodoha and the Kwantung officers), and `jpn`/`sov` men face each
 * other on every border sector. */
static hk_world *north_world(hk_setup *su, uint64_t run, double north, double jpn, double sov)
{
    const hk_scenario *s = su->scenario;
    hk_world *w = hk_world_new(su, HK_MODE_SIMULATE, 1, run);
    w->month = hk_month_of(1941, 7);
    w->manchuria_seized = true;
    w->withdrawn = true;
    w->flags |= 1u << HK_EFFECT_GER_SOV_WAR;
    w->flag_since[HK_EFFECT_GER_SOV_WAR] = w->month - 1;
    int ko = faction(s, "kodoha"), kw = faction(s, "kwantung_field");
    double rest = 0;
    for (int f = 0; f < s->n_factions; f++)
        if (s->factions[f].actor == s->jpn && f != ko && f != kw)
            rest += w->influence[f];
    for (int f = 0; f < s->n_factions; f++) {
        if (s->factions[f].actor != s->jpn)
            continue;
        double v = f == ko || f == kw ? north / 2 : w->influence[f] * (1 - north) / rest;
        w->influence[f] = w->baseline[f] = v;
    }
    w->infl_gen++; /* the shares were written */
    w->purged[ko] = true; /* no coup to muddle the test */
    for (int i = 0; i < s->n_sectors; i++) {
        w->sector_forces[i][HK_SIDE_JPN].men = jpn;
        w->sector_forces[i][HK_SIDE_SOV].men = sov;
    }
    w->jpn_men = jpn;
    w->sov_men = sov;
    w->doctrine = hk_politics_doctrine_target(w);
    return w;
}

/* Plays politics alone for `months` months; returns the month Japan opened
 * war on the USSR, or -1. */
static int play_politics(hk_world *w, int months)
{
    for (int i = 0; i < months; i++) {
        hk_politics_step(w);
        hk_war_step(w); /* the decision for war is war.c's, on politics' case */
        if (w->war) {
            hk_politics_step(w); /* next month politics records the commitment */
            return w->war_opener == HK_SIDE_JPN ? w->month : -2;
        }
        w->month++;
    }
    return -1;
}

static void test_strike_north_with_opportunity(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    /* a northern cabinet, the Soviet Far East drawn down to half the
     * Japanese strength (a war its staff expects to win), no pact: war
     * comes, at months the draws decide */
    int struck = 0, first = -1, different = 0;
    for (uint64_t r = 0; r < 20; r++) {
        hk_world *w = north_world(&su, r, 0.6, 300000, 150000);
        assert_true(w->doctrine > su.param[HK_P_DOCTRINE_STRIKE_NORTH]);
        assert_true(hk_politics_north_case(w));
        int m = play_politics(w, 12);
        assert_true(m != -2); /* the USSR does not open this war */
        if (m >= 0) {
            struck++;
            assert_true(w->committed_north);
            if (first < 0)
                first = m;
            else if (m != first)
                different++;
        }
        hk_world_free(w);
    }
    assert_true(struck >= 15);
    assert_true(different >= 1);
    /* the same cabinet that has lost Khalkhin Gol demands a ratio it does not have */
    su.param[HK_P_WAR_LESSON] = 1.0;
    for (uint64_t r = 0; r < 20; r++) {
        hk_world *w = north_world(&su, r, 0.6, 300000, 180000);
        w->north_lesson = 1.0;
        assert_false(hk_politics_north_case(w));
        assert_int_equal(play_politics(w, 12), -1);
        hk_world_free(w);
    }
    fx_free(s);
}

static void test_no_strike_under_pact_against_superior_force(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    for (uint64_t r = 0; r < 20; r++) {
        hk_world *w = north_world(&su, r, 0.6, 300000, 600000);
        int pact = w->c->roles.jpn_sov_neutrality;
        assert_true(pact >= 0);
        hk_treaty_set_status(w, pact, HK_TREATY_IN_FORCE);
        w->treaty[pact].signed_on = w->month - 3;
        w->treaty[pact].expires = w->month + 57;
        assert_int_equal(play_politics(w, 24), -1);
        assert_false(w->out.strike_north_by_1942);
        hk_world_free(w);
    }
    /* the pact alone raises the ratio needed by war.break_factor */
    hk_world *w = north_world(&su, 0, 0.6, 300000, 240000);
    double free_need = hk_assess_north_need(w);
    hk_treaty_set_status(w, w->c->roles.jpn_sov_neutrality, HK_TREATY_IN_FORCE);
    assert_true(fabs(hk_assess_north_need(w) - free_need * su.param[HK_P_WAR_BREAK_FACTOR]) < 1e-12);
    hk_world_free(w);
    fx_free(s);
}

static void test_lost_major_battle_teaches_lesson(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *lost = north_world(&su, 0, 0.4, 300000, 400000);
    hk_world *calm = north_world(&su, 0, 0.4, 300000, 400000);
    double need = hk_assess_north_need(lost);
    lost->lost_battle_side = HK_SIDE_JPN;
    lost->lost_battle_weight = 0.6;
    lost->lost_major[HK_SIDE_JPN] = true;
    hk_politics_step(lost);
    hk_politics_step(calm);
    assert_true(hk_assess_north_need(lost) > need * (1 + 0.99 * su.param[HK_P_WAR_LESSON]));
    assert_true(fabs(hk_assess_north_need(calm) - need) < 1e-12);
    assert_true(hk_politics_doctrine_target(lost) < hk_politics_doctrine_target(calm) - 0.1);
    /* a small lost skirmish teaches nothing */
    hk_world *small = north_world(&su, 0, 0.4, 300000, 400000);
    small->lost_battle_side = HK_SIDE_JPN;
    small->lost_battle_weight = 0.05;
    hk_politics_step(small);
    assert_true(fabs(hk_assess_north_need(small) - need) < 1e-12);
    hk_world_free(lost);
    hk_world_free(calm);
    hk_world_free(small);
    fx_free(s);
}

/* The General Staff weighs the Soviet Far East by its tanks and aircraft as
 * well as its men: at even men on the border, a Red Army with twenty times
 * the tanks and five times the aircraft (its yearly estimate) turns the
 * doctrine further from the north than an even one, and the less so the
 * weaker the Soviet build-up (men, tanks and aircraft cut alike); with the
 * arms weighing nothing the men alone count. */
static void test_staff_weighs_armour_and_aircraft(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *even = north_world(&su, 0, 0.4, 300000, 300000);
    hk_world *armoured = north_world(&su, 0, 0.4, 300000, 300000);
    hk_world *weaker = north_world(&su, 0, 0.4, 300000, 180000);
    /* the month's weapons as movement gives them, then the test's own */
    hk_movement_formations(even);
    hk_movement_formations(armoured);
    hk_movement_formations(weaker);
    for (int i = 0; i < s->n_sectors; i++) {
        even->sector_forces[i][HK_SIDE_JPN].tanks = even->sector_forces[i][HK_SIDE_SOV].tanks = 30;
        even->sector_forces[i][HK_SIDE_JPN].aircraft = even->sector_forces[i][HK_SIDE_SOV].aircraft = 40;
        armoured->sector_forces[i][HK_SIDE_JPN].tanks = weaker->sector_forces[i][HK_SIDE_JPN].tanks = 30;
        armoured->sector_forces[i][HK_SIDE_JPN].aircraft = weaker->sector_forces[i][HK_SIDE_JPN].aircraft = 40;
        armoured->sector_forces[i][HK_SIDE_SOV].tanks = 600;
        armoured->sector_forces[i][HK_SIDE_SOV].aircraft = 200;
        weaker->sector_forces[i][HK_SIDE_SOV].tanks = 360;
        weaker->sector_forces[i][HK_SIDE_SOV].aircraft = 120;
    }
    hk_politics_staff_estimate(even);
    hk_politics_staff_estimate(armoured);
    hk_politics_staff_estimate(weaker);
    double d_even = hk_politics_doctrine_target(even), d_armoured = hk_politics_doctrine_target(armoured);
    double d_weaker = hk_politics_doctrine_target(weaker);
    assert_true(su.param[HK_P_DOCTRINE_STAFF_ARMS] > 0);
    assert_true(d_armoured < d_even - 0.05);
    assert_true(d_weaker > d_armoured + 0.02);
    su.param[HK_P_DOCTRINE_STAFF_ARMS] = 0;
    hk_politics_staff_estimate(armoured);
    assert_true(fabs(hk_politics_doctrine_target(armoured) - d_even) < 1e-12);
    hk_world_free(even);
    hk_world_free(armoured);
    hk_world_free(weaker);
    fx_free(s);
}

static void test_commitment_south_lapses_only_before_pacific_war(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    /* committed south, then the state turns north: the commitment lapses */
    hk_world *w = north_world(&su, 0, 0.6, 300000, 600000);
    w->committed_south = true;
    w->committed_south_on = w->month - 6;
    int months = (int)su.param[HK_P_DOCTRINE_COMMIT_MONTHS];
    for (int i = 0; i < months + 1; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_false(w->committed_south);
    hk_world_free(w);
    /* the same once Japan is at war in the Pacific: it stays committed */
    w = north_world(&su, 0, 0.6, 300000, 600000);
    w->flags |= 1u << HK_EFFECT_JPN_US_WAR;
    w->committed_south = true;
    for (int i = 0; i < 12; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->committed_south);
    assert_false(w->war);
    hk_world_free(w);
    fx_free(s);
    /* and once the cabinet has decided on that war, before the attack: the
     * forces are being readied for it and the commitment holds */
    s = fx_scenario();
    int ph = -1;
    for (int e = 0; e < s->n_events; e++)
        if (strcmp(s->events[e].id, "pearl_harbor") == 0) {
            s->events[e].decided = true;
            s->events[e].decided_by = s->jpn;
            ph = e;
        }
    assert_true(ph >= 0);
    hk_setup_init(&su, s);
    w = north_world(&su, 0, 0.6, 300000, 600000);
    w->committed_south = true;
    w->event_decided[ph] = w->month + 36; /* the attack far off: decided, not yet made */
    for (int i = 0; i < 12; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->committed_south);
    hk_world_free(w);
    fx_free(s);
}

/* War with the United States is Japan's own decision from the state: a Japan
 * committed south and under the American oil embargo decides on it (the
 * attack, an event decided by Japan, is marked for the month after); without
 * the embargo, or once already at war in the Pacific, there is no decision. */
static int pacific_war_decided_north(hk_setup *su, bool embargo, bool at_war, int months, int north);
static int pacific_war_decided_within(hk_setup *su, bool embargo, bool at_war, int months)
{
    return pacific_war_decided_north(su, embargo, at_war, months, 0);
}

/* The same with a war in the north: north 1 Japan at general war with the
 * USSR (opened this month), 2 its army mobilising for one. */
static uint64_t pacific_run; /* the run index of the worlds below */
static int pacific_war_decided_north(hk_setup *su, bool embargo, bool at_war, int months, int north)
{
    const hk_scenario *s = su->scenario;
    int ph = -1;
    for (int e = 0; e < s->n_events; e++)
        if (strcmp(s->events[e].id, "pearl_harbor") == 0)
            ph = e;
    assert_true(ph >= 0);
    hk_world *w = north_world(su, pacific_run, 0.0, 300000, 600000);
    w->committed_south = true;
    w->committed_south_on = w->month - 2;
    if (embargo) {
        w->flags |= 1u << HK_EFFECT_OIL_EMBARGO;
        w->flag_since[HK_EFFECT_OIL_EMBARGO] = w->month;
    }
    if (at_war)
        w->flags |= 1u << HK_EFFECT_JPN_US_WAR;
    if (north == 1) {
        w->war = true;
        w->war_opener = HK_SIDE_JPN;
        w->war_on = w->month;
    } else if (north == 2) {
        w->war_mobilising = 1;
        w->mobilising_on = w->month;
    }
    int decided_after = -1;
    for (int i = 0; i < months && decided_after < 0; i++) {
        w->committed_south = true; /* held south whatever doctrine does */
        hk_politics_step(w);
        if (w->event_decided[ph])
            decided_after = i;
        w->month++;
    }
    hk_world_free(w);
    return decided_after;
}

static void test_pacific_war_is_japans_decision(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    for (int e = 0; e < s->n_events; e++)
        if (strcmp(s->events[e].id, "pearl_harbor") == 0) {
            s->events[e].decided = true;
            s->events[e].decided_by = s->jpn;
        }
    hk_setup su;
    hk_setup_init(&su, s);
    /* committed south and cut off from oil: war within two years (at
     * war.us_rate a month, 0.25, the chance of none is 0.1%) */
    assert_true(pacific_war_decided_within(&su, true, false, 24) >= 0);
    /* no embargo: the south can be held without a war with America */
    assert_int_equal(pacific_war_decided_within(&su, false, false, 36), -1);
    /* already at war with the United States: nothing more to decide */
    assert_int_equal(pacific_war_decided_within(&su, true, true, 36), -1);
    /* at war with the USSR, or mobilising for it, the cabinet puts the
     * decision off while its oil stocks (war.oil_stock months of peacetime
     * use, drawn one a month in peace and while mobilising, and
     * war.oil_north_burn a month at war) are above what the southern
     * operation needs (war.oil_south_need), then takes it all the same; a
     * war fought in the north burns them faster, so it holds the decision
     * off for less than a mobilisation does */
    double stock = 24, need = 12, burn = 2; /* params.yaml's */
    su.param[HK_P_WAR_OIL_STOCK] = stock;
    su.param[HK_P_WAR_OIL_SOUTH_NEED] = need;
    su.param[HK_P_WAR_OIL_NORTH_BURN] = burn;
    int after_north[3] = {0, 0, 0};
    for (int north = 1; north <= 2; north++) {
        double b = north == 1 ? burn : 1.0;
        int wait = (int)ceil((stock - need) / b) - 1; /* months drawn before the stocks are down to the need */
        int after = pacific_war_decided_north(&su, true, false, (int)stock + 36, north);
        if (after < wait || after < 0)
            fail_msg("with a war in the north (%d) the decision came after %d months, before %d", north, after, wait);
        if (after > wait + 6)
            fail_msg("with a war in the north (%d) the decision came after %d months, long after the stocks fell to "
                     "the need (%d)", north, after, wait);
        after_north[north] = after;
    }
    if (!(after_north[1] < after_north[2]))
        fail_msg("a war fought in the north (%d months) holds the decision off no less than a mobilisation (%d)",
                 after_north[1], after_north[2]);
    /* stocks already at the need: it decides as without the war */
    su.param[HK_P_WAR_OIL_SOUTH_NEED] = stock;
    assert_true(pacific_war_decided_north(&su, true, false, 24, 1) >= 0);
    assert_true(pacific_war_decided_north(&su, true, false, 24, 1) < 12);
    /* the oil runs down: the chance compounds with the months weighed, so
     * at a rate of 0.05 nearly every cabinet has decided within a year (1 -
     * 0.95^78 = 98%), where a steady 0.05 a month would leave over half
     * undecided (0.95^12 = 54%) */
    su.param[HK_P_WAR_OIL_SOUTH_NEED] = need;
    su.param[HK_P_WAR_US_RATE] = 0.05;
    int within_year = 0;
    for (pacific_run = 0; pacific_run < 20; pacific_run++) {
        int after = pacific_war_decided_within(&su, true, false, 12);
        within_year += after >= 0 && after < 12;
    }
    pacific_run = 0;
    if (within_year < 16)
        fail_msg("at war.us_rate 0.05 only %d of 20 cabinets decided within a year", within_year);
    /* a rate of zero: the decision never comes, whatever the embargo */
    su.param[HK_P_WAR_US_RATE] = 0;
    assert_int_equal(pacific_war_decided_within(&su, true, false, 36), -1);
    fx_free(s);
}

/* ---- the Kwantung Army's seizure of Manchuria and the war with China -------- */

/* A simulate world in 1930 with the expedition over and Soviet order in the
 * east restored: only the field officers' pressure decides the seizure. */
static hk_world *manchuria_world(hk_setup *su, uint64_t run)
{
    hk_world *w = hk_world_new(su, HK_MODE_SIMULATE, 1, run);
    w->month = hk_month_of(1930, 1);
    w->intervention = true;
    w->withdrawn = true;
    w->sov_men = 2 * su->param[HK_P_SOVIET_FLOOR];
    return w;
}

/* The officers act only once their accumulated pressure has reached
 * japan.seize_pressure, and then within months; the pressure keeps building
 * while an expedition holds Siberia, though nobody acts then. */
static void test_seizure_waits_for_pressure(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0.5;
    double ready = su.param[HK_P_JAPAN_SEIZE_PRESSURE];
    /* just below the level, with the growth of the pressure stopped: nobody
     * acts, however high the rate (a rising hazard would act by now) */
    for (uint64_t r = 0; r < 10; r++) {
        hk_world *w = manchuria_world(&su, r);
        w->grievance = ready * 0.9;
        w->autonomy = 0;
        su.param[HK_P_POLITICS_AUTONOMY_GROWTH] = 0.005;
        for (int i = 0; i < 24; i++) {
            hk_politics_step(w);
            w->month++;
        }
        assert_true(w->grievance < ready);
        assert_false(w->manchuria_seized);
        hk_world_free(w);
    }
    /* at the level: the plot is carried out within months in every run */
    int seized = 0;
    for (uint64_t r = 0; r < 10; r++) {
        hk_world *w = manchuria_world(&su, r);
        w->grievance = ready;
        for (int i = 0; i < 12 && !w->manchuria_seized; i++) {
            hk_politics_step(w);
            w->month++;
        }
        seized += w->manchuria_seized;
        hk_world_free(w);
    }
    assert_int_equal(seized, 10);
    /* during an expedition the pressure builds, but nobody acts */
    hk_world *w = manchuria_world(&su, 0);
    w->withdrawn = false;
    w->intervention_on = w->month - 1;
    w->sov_men = 0.5 * su.param[HK_P_SOVIET_FLOOR]; /* Soviet power not yet back in the east */
    su.param[HK_P_INTERVENTION_WITHDRAW] = 0.005;
    w->grievance = ready;
    hk_politics_step(w);
    assert_true(w->grievance > ready);
    assert_false(w->manchuria_seized);
    hk_world_free(w);
    fx_free(s);
}

/* A stroke readied over japan.seize_prepare months, with the Northeastern
 * Army south of the Wall, is struck the month it is ready, in every run:
 * the plotters had set their date (late September 1931) and brought it
 * forward rather than put it off; not left to a monthly chance that
 * scatters the seizure over the following autumn and winter. A month
 * before it is ready nobody acts. */
static void test_readied_stroke_is_struck(void **state)
{
    (void)state;
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = hk_scenario_load_builtin(&d);
    hk_diag_free(&d);
    assert_non_null(s);
    hk_setup su;
    hk_setup_init(&su, s);
    int prepare = (int)su.param[HK_P_JAPAN_SEIZE_PREPARE];
    for (int ready = 0; ready < 2; ready++) {
        int seized = 0;
        for (uint64_t r = 0; r < 10; r++) {
            hk_world *w = manchuria_world(&su, r);
            w->month = hk_month_of(1931, 8);
            w->grievance = 2 * su.param[HK_P_JAPAN_SEIZE_PRESSURE];
            w->flags |= 1u << HK_EFFECT_NORTHEAST_AWAY;
            w->flag_since[HK_EFFECT_NORTHEAST_AWAY] = hk_month_of(1930, 9);
            /* this step's readying brings it to prepare (not ready) or past it */
            w->seize_prep = prepare - 1 + ready;
            hk_politics_step(w);
            seized += w->manchuria_seized;
            hk_world_free(w);
        }
        assert_int_equal(seized, ready ? 10 : 0);
    }
    hk_scenario_free(s);
}

/* A world just after the seizure of Manchuria: the Imperial Way has risen
 * to `kodoha` of Japan's influence (taken from the Navy), ahead of the
 * Control faction; no seizure is pending and the war with China is far. */
static hk_world *araki_world(hk_setup *su, uint64_t run, double kodoha, bool seized)
{
    const hk_scenario *s = su->scenario;
    hk_world *w = manchuria_world(su, run);
    w->month = hk_month_of(1931, 10);
    w->manchuria_seized = seized;
    w->grievance = 0;
    int ko = faction(s, "kodoha"), navy = faction(s, "navy");
    double gain = kodoha - w->influence[ko];
    w->influence[ko] = w->baseline[ko] = kodoha;
    w->influence[navy] -= gain;
    w->baseline[navy] -= gain;
    w->infl_gen++; /* the shares were written */
    w->china_friction = -1e9; /* no war with China to muddle the test */
    return w;
}

/* The Imperial Way, risen with the seizure, loses the Army's posts to the
 * Control faction year by year (000:24); before the seizure nothing moves. */
static void test_control_faction_takes_back_posts(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_POLITICS_COUP_RATE] = 0; /* no coup: watch the posts alone */
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0;
    int ko = faction(s, "kodoha"), to = faction(s, "toseiha");
    hk_world *held = araki_world(&su, 0, 0.18, true);
    hk_world *before = araki_world(&su, 0, 0.18, false);
    double to0 = held->influence[to], tb0 = held->baseline[to];
    for (int i = 0; i < 60; i++) {
        hk_politics_step(held);
        hk_politics_step(before);
        held->month++;
        before->month++;
    }
    /* five years on, the Control faction holds more than the Imperial Way */
    assert_true(held->influence[ko] < 0.15);
    assert_true(held->influence[to] > held->influence[ko] + 0.02);
    assert_true(held->influence[to] > to0 + 0.02);
    assert_true(held->baseline[to] > tb0 + 0.02); /* the posts stay taken */
    assert_true(fabs(actor_sum(held, s->jpn) - 1.0) < 1e-9);
    /* without Manchuria held, the Imperial Way keeps what it has */
    assert_true(fabs(before->influence[ko] - 0.18) < 0.005);
    assert_true(before->influence[to] < before->influence[ko]);
    hk_world_free(held);
    hk_world_free(before);
    fx_free(s);
}

/* The young officers rise once their faction has lost the Army, not while
 * it holds it: however likely a coup is, none comes while the Imperial Way
 * holds more influence than the Control faction, and one comes within a
 * few years once it no longer does, as the Control faction pulls ahead. */
static void test_coup_follows_loss_of_the_army(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_POLITICS_COUP_RATE] = 1.0;
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0;
    int ko = faction(s, "kodoha"), to = faction(s, "toseiha");
    for (uint64_t r = 0; r < 10; r++) {
        hk_world *w = araki_world(&su, r, 0.18, true);
        int lost_on = -1, coup_on = -1;
        for (int i = 0; i < 120 && coup_on < 0; i++) {
            bool ahead = w->influence[ko] > w->influence[to] + 0.002;
            hk_politics_step(w);
            if (w->purged[ko]) {
                coup_on = i;
                assert_false(ahead);
            } else if (lost_on < 0 && w->influence[to] > w->influence[ko]) {
                lost_on = i;
            }
            w->month++;
        }
        assert_true(coup_on >= 12); /* the posts are not lost within a year */
        assert_true(lost_on < 0 || coup_on - lost_on <= 36);
        hk_world_free(w);
    }
    fx_free(s);
}

/* The rising does not succeed by a chance: it carries the Army only where
 * its backers (the Imperial Way, the Kwantung field officers) outweigh the
 * Control faction and the Navy, who move against it (26 February 1936:
 * the War Ministry turned on it and the Navy brought its fleet in). With
 * the Navy's weight in place every rising fails and purges its faction;
 * the same worlds with the Navy weighing nothing see it carry the Army. */
static void test_coup_outcome_follows_who_moves_against_it(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_POLITICS_COUP_RATE] = 1.0;
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0;
    int ko = faction(s, "kodoha"), to = faction(s, "toseiha"), navy = faction(s, "navy");
    for (uint64_t r = 0; r < 10; r++) {
        for (int weak_navy = 0; weak_navy < 2; weak_navy++) {
            hk_world *w = araki_world(&su, r, 0.18, true);
            if (weak_navy) {
                w->influence[navy] = 0;
                w->infl_gen++;
            }
            for (int i = 0; i < 120 && !w->purged[ko] && !w->purged[to]; i++) {
                hk_politics_step(w);
                w->month++;
            }
            assert_true(w->purged[ko] || w->purged[to]);
            assert_int_equal(w->purged[to], weak_navy);
            assert_int_equal(w->purged[ko], !weak_navy);
            hk_world_free(w);
        }
    }
    fx_free(s);
}

/* A coup that succeeds changes who rules the Army: the Control faction is
 * purged and its posts go to the Imperial Way, the discipline campaign
 * stops, no second rising follows, and the field armies keep their
 * autonomy. */
static void test_coup_that_succeeds_has_consequences(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_POLITICS_COUP_RATE] = 1.0;
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0;
    int ko = faction(s, "kodoha"), to = faction(s, "toseiha");
    hk_world *w = araki_world(&su, 0, 0.18, true);
    /* a Navy with no weight to bring against the rising */
    w->influence[faction(s, "navy")] = 0;
    w->infl_gen++;
    double ko_before = -1, autonomy_before = 0;
    for (int i = 0; i < 120 && !w->purged[to]; i++) {
        ko_before = w->influence[ko];
        autonomy_before = w->autonomy;
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->purged[to]);
    assert_false(w->purged[ko]);
    assert_true(w->influence[ko] > ko_before + 0.05);
    assert_true(w->influence[ko] > w->influence[to]);
    assert_true(w->autonomy >= autonomy_before - 0.05);
    assert_false(hk_politics_coup_ready(w));
    double ko_after = w->influence[ko];
    assert_true(hk_politics_discipline(w) == 0.0);
    assert_true(w->influence[ko] == ko_after);
    /* the Imperial Way rules the Army and turns it from China to the north:
     * the friction the Control faction built is worked off month by month,
     * at its share of the Army, where before the coup it grew */
    assert_true(hk_politics_imperial_way_rules(w));
    double north = hk_politics_north_first(w);
    assert_true(north > hk_politics_china_first(w));
    w->china_friction = 20;
    for (int i = 0; i < 12; i++) {
        double before = w->china_friction;
        hk_politics_step(w);
        w->month++;
        assert_false(w->china_war);
        assert_true(w->china_friction < before);
    }
    assert_true(w->china_friction < 20 - 12 * 0.5 * (north - hk_politics_china_first(w)));
    hk_world_free(w);

    /* without the coup (the Imperial Way purged instead) the friction grows */
    hk_world *v = araki_world(&su, 0, 0.18, true);
    hk_politics_purge(v, ko);
    assert_false(hk_politics_imperial_way_rules(v));
    assert_true(hk_politics_north_first(v) == 0.0);
    v->china_friction = 5;
    hk_politics_step(v);
    assert_true(v->china_friction > 5);
    hk_world_free(v);
    fx_free(s);
}

/* Nothing but the state sets the coup: with the Control faction taking no
 * posts (politics.discipline = 0) the Imperial Way keeps the Army, and its
 * officers never rise however likely a rising would be. */
static void test_no_coup_without_loss(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_POLITICS_COUP_RATE] = 1.0;
    su.param[HK_P_POLITICS_DISCIPLINE] = 0;
    su.param[HK_P_JAPAN_SEIZE_RATE] = 0;
    int ko = faction(s, "kodoha");
    hk_world *w = araki_world(&su, 0, 0.18, true);
    for (int i = 0; i < 120; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_false(w->purged[ko]);
    assert_false(hk_politics_coup_ready(w));
    hk_world_free(w);
    fx_free(s);
}

/* The purged Imperial Way's influence goes to the Control faction, which
 * replaced its officers: nobody else gains. */
static void test_purge_passes_to_control_faction(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
    int ko = faction(s, "kodoha"), to = faction(s, "toseiha"), navy = faction(s, "navy");
    double ko0 = w->influence[ko], to0 = w->influence[to], navy0 = w->influence[navy];
    double tb0 = w->baseline[to], share0 = hk_politics_china_first(w);
    hk_politics_purge(w, ko);
    double removed = ko0 * su.param[HK_P_POLITICS_PURGE_SHARE];
    assert_true(fabs(w->influence[to] - (to0 + removed)) < 1e-12);
    assert_true(w->baseline[to] > tb0);
    assert_true(fabs(w->influence[navy] - navy0) < 1e-12);
    assert_true(fabs(actor_sum(w, s->jpn) - 1.0) < 1e-9);
    assert_true(hk_politics_china_first(w) > share0 + 0.1);
    hk_world_free(w);
    fx_free(s);
}

/* Months until war with China in a world where Manchuria is held, the
 * friction starting at `friction`; the Imperial Way purged or not. */
static int months_to_china_war(hk_setup *su, double friction, bool purge, int limit)
{
    hk_world *w = manchuria_world(su, 0);
    w->manchuria_seized = true;
    w->china_friction = friction;
    int ko = faction(su->scenario, "kodoha");
    if (purge)
        hk_politics_purge(w, ko);
    else
        w->purged[ko] = true; /* no coup to muddle the test */
    int m = -1;
    for (int i = 0; i < limit && m < 0; i++) {
        hk_politics_step(w);
        if (w->china_war)
            m = i;
        w->month++;
    }
    hk_world_free(w);
    return m;
}

/* War with China waits for the friction the Control faction builds, and it
 * comes sooner once that faction has inherited the purged Imperial Way's
 * place: the rate alone does not start it. */
static void test_china_war_follows_friction(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_JAPAN_CHINA_WAR_RATE] = 1.0;
    double at = su.param[HK_P_JAPAN_CHINA_FRICTION];
    /* a year of friction short of the level: no war, whatever the rate */
    assert_int_equal(months_to_china_war(&su, 0, false, 12), -1);
    /* from half the level: the war comes, sooner with the Control faction ascendant */
    int ascendant = months_to_china_war(&su, at / 2, true, 240);
    int held = months_to_china_war(&su, at / 2, false, 240);
    assert_true(ascendant > 0 && held > 0);
    assert_true(ascendant < held);
    /* the friction grows by the Control faction's share of the Army each month */
    hk_world *w = manchuria_world(&su, 0);
    w->manchuria_seized = true;
    w->purged[faction(s, "kodoha")] = true;
    hk_politics_step(w);
    double lead = hk_politics_china_first(w);
    assert_true(lead > 0 && lead < 1);
    assert_true(fabs(w->china_friction - lead) < 0.02);
    hk_world_free(w);
    fx_free(s);
}

/* No new war with China once Japan's position has collapsed: with the
 * friction past its level and the rate at one, Germany's defeat (or the
 * ultimatum) keeps the war from breaking out; without it, it comes at once,
 * and the text says what brought it. */
static void test_no_china_war_after_collapse(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_JAPAN_CHINA_WAR_RATE] = 1.0;
    int effects[] = {HK_EFFECT_GERMANY_DEFEATED, HK_EFFECT_ULTIMATUM, -1};
    for (int k = 0; k < 3; k++) {
        hk_world *w = manchuria_world(&su, 0);
        w->month = hk_month_of(1945, 5);
        w->manchuria_seized = true;
        w->china_friction = 2 * su.param[HK_P_JAPAN_CHINA_FRICTION];
        if (effects[k] >= 0)
            w->flags |= 1u << effects[k];
        for (int i = 0; i < 4 && !w->china_war; i++) {
            hk_politics_step(w);
            w->month++;
        }
        assert_int_equal(w->china_war, effects[k] < 0);
        hk_world_free(w);
    }
    fx_free(s);
}

/* The hope of a Soviet collapse is a wait for the ratio a war in the north
 * needs: a cabinet past the strike-north threshold that does not get it for
 * doctrine.hope_months gives the hope up (doctrine.west_war no longer pulls
 * north); one that has the ratio keeps it. */
static void test_west_hope_given_up_without_the_ratio(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_DECISION_RATE] = 0; /* the cabinet weighs, never decides, here */
    su.param[HK_P_DOCTRINE_HOPE_MONTHS] = 6;
    int months = 6;
    /* 300,000 Japanese against 600,000 Soviet men: the case is never there */
    hk_world *w = north_world(&su, 0, 0.6, 300000, 600000);
    for (int i = 0; i < months; i++) {
        w->doctrine = su.param[HK_P_DOCTRINE_STRIKE_NORTH] + 0.4;
        assert_false(w->west_hope_lost);
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->west_hope_lost);
    /* the hope given up, the same state pulls less north */
    double lost = hk_politics_doctrine_target(w);
    w->west_hope_lost = false;
    assert_true(hk_politics_doctrine_target(w) > lost);
    hk_world_free(w);
    /* 300,000 against 150,000: the ratio is there and the hope holds */
    w = north_world(&su, 0, 0.6, 300000, 150000);
    for (int i = 0; i < 2 * months; i++) {
        w->doctrine = su.param[HK_P_DOCTRINE_STRIKE_NORTH] + 0.4;
        hk_politics_step(w);
        w->month++;
    }
    assert_false(w->west_hope_lost);
    hk_world_free(w);
    fx_free(s);
}

/* The southern advance is open from the fall of France while the window
 * lasts: it presses doctrine south as it closes, shuts at its end or at
 * Germany's defeat, and a Japan whose doctrine stands south does not
 * commit once it has shut. */
static void test_south_window(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = north_world(&su, 0, 0.1, 300000, 600000);
    w->flags = 1u << HK_EFFECT_FRANCE_FALLEN;
    w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month;
    int span = (int)su.param[HK_P_DOCTRINE_SOUTH_WINDOW];
    assert_true(hk_politics_south_open(w));
    double early = hk_politics_doctrine_target(w);
    w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month - span + 1;
    assert_true(hk_politics_south_open(w));
    assert_true(hk_politics_doctrine_target(w) < early); /* the Navy presses as it closes */
    w->flags |= 1u << HK_EFFECT_GERMANY_DEFEATED;
    assert_false(hk_politics_south_open(w));
    w->flags &= ~(1u << HK_EFFECT_GERMANY_DEFEATED);
    w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month - span;
    assert_false(hk_politics_south_open(w));
    /* shut: a doctrine far south for months commits nowhere */
    for (int i = 0; i < 6; i++) {
        w->doctrine = -0.9;
        w->south_months = 12;
        hk_politics_step(w);
        w->month++;
    }
    assert_false(w->committed_south);
    hk_world_free(w);
    fx_free(s);
}

/* The hope of a Soviet collapse does not hold the southern advance back:
 * the Imperial Conference of July 1941 decided the south and readied the
 * north together. A Japan whose doctrine stands north only by that hope,
 * its south case below commit_south, commits south with the window open,
 * and the hope does not make the commitment lapse. */
static void test_hope_does_not_hold_back_the_south(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_DOCTRINE_FRANCE_PULL] = 0.6; /* the south case well below commit_south */
    hk_world *w = north_world(&su, 0, 0.1, 300000, 300000);
    w->flags |= 1u << HK_EFFECT_FRANCE_FALLEN;
    w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month - 12;
    w->doctrine_hope = su.param[HK_P_DOCTRINE_WEST_WAR]; /* the war in the west under way */
    hk_treaty_set_status(w, w->c->roles.jpn_sov_neutrality, HK_TREATY_IN_FORCE); /* the north quieted by the pact */
    w->doctrine = hk_politics_doctrine_target(w);
    assert_true(w->doctrine > su.param[HK_P_DOCTRINE_COMMIT_SOUTH]);
    assert_true(hk_politics_south_case(w) < su.param[HK_P_DOCTRINE_COMMIT_SOUTH]);
    int months = (int)su.param[HK_P_DOCTRINE_COMMIT_MONTHS];
    for (int i = 0; i < months && !w->committed_south; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->committed_south);
    assert_true(w->doctrine > su.param[HK_P_DOCTRINE_COMMIT_SOUTH]); /* still leaning north by the hope */
    for (int i = 0; i < 2 * months; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_true(w->committed_south); /* the hope does not turn it */
    hk_world_free(w);
    /* with no pact the north is unsettled: the hope holds the south back */
    w = north_world(&su, 0, 0.1, 300000, 300000);
    w->flags |= 1u << HK_EFFECT_FRANCE_FALLEN;
    w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month - 12;
    w->doctrine_hope = su.param[HK_P_DOCTRINE_WEST_WAR];
    w->doctrine = hk_politics_doctrine_target(w);
    for (int i = 0; i < months; i++) {
        hk_politics_step(w);
        w->month++;
    }
    assert_false(w->committed_south);
    hk_world_free(w);
    fx_free(s);
}

/* The commitment south waits on a quiet north: a Japan far south with
 * Europe's colonies open does not commit while a Soviet army twice its size
 * stands on the border and nothing binds the USSR; the months before do not
 * count. Once the neutrality pact binds (or the USSR is at war in the west)
 * it commits after commit_months (the pact of April 1941, the southern
 * advance of July 1941; 001:175); the German attack on the USSR is
 * answered sooner, the month after it (answer_months). */
static void test_commitment_waits_for_a_quiet_north(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_DOCTRINE_FRANCE_PULL] = 0.6; /* the south case well below commit_south */
    int months = (int)su.param[HK_P_DOCTRINE_COMMIT_MONTHS];
    for (int quiet = 0; quiet < 3; quiet++) {
        hk_world *w = north_world(&su, 0, 0.1, 300000, 600000);
        w->flags &= ~(1u << HK_EFFECT_GER_SOV_WAR); /* before the German attack */
        w->flags |= 1u << HK_EFFECT_FRANCE_FALLEN;
        w->flag_since[HK_EFFECT_FRANCE_FALLEN] = w->month - 6;
        w->doctrine = hk_politics_doctrine_target(w);
        assert_true(hk_politics_south_case(w) < su.param[HK_P_DOCTRINE_COMMIT_SOUTH]);
        assert_false(hk_politics_north_quiet(w));
        for (int i = 0; i < 2 * months; i++) {
            hk_politics_step(w);
            w->month++;
        }
        assert_false(w->committed_south);
        if (quiet == 0) {
            hk_world_free(w);
            continue;
        }
        if (quiet == 1) {
            int pact = w->c->roles.jpn_sov_neutrality;
            hk_treaty_set_status(w, pact, HK_TREATY_IN_FORCE);
            w->treaty[pact].signed_on = w->month;
            w->treaty[pact].expires = w->month + 60;
        } else {
            w->flags |= 1u << HK_EFFECT_GER_SOV_WAR;
            w->flag_since[HK_EFFECT_GER_SOV_WAR] = w->month;
        }
        assert_true(hk_politics_north_quiet(w));
        hk_month quiet_from = w->month;
        for (int i = 0; i < 2 * months && !w->committed_south; i++) {
            hk_politics_step(w);
            w->month++;
        }
        assert_true(w->committed_south);
        if (quiet == 1)
            /* the season counted from the quiet, not from the months before */
            assert_true(w->committed_south_on >= quiet_from + months - 1);
        else
            /* the German attack puts the choice to the cabinet, which
             * answers it doctrine.answer_months after the attack's month
             * (2 July 1941, ten days after 22 June) without waiting out the
             * season: the pact of May is no later answered than April's */
            assert_int_equal(w->committed_south_on,
                             quiet_from + (int)su.param[HK_P_DOCTRINE_ANSWER_MONTHS]);
        hk_world_free(w);
    }
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hope_does_not_hold_back_the_south),
        cmocka_unit_test(test_commitment_waits_for_a_quiet_north),
        cmocka_unit_test(test_no_china_war_after_collapse),
        cmocka_unit_test(test_lost_battle_discredits_pushers),
        cmocka_unit_test(test_soviet_defeat_emboldens_japanese_hawks),
        cmocka_unit_test(test_purge),
        cmocka_unit_test(test_shocks_and_oil),
        cmocka_unit_test(test_coups_arise_from_state),
        cmocka_unit_test(test_strike_north_with_opportunity),
        cmocka_unit_test(test_no_strike_under_pact_against_superior_force),
        cmocka_unit_test(test_lost_major_battle_teaches_lesson),
        cmocka_unit_test(test_staff_weighs_armour_and_aircraft),
        cmocka_unit_test(test_commitment_south_lapses_only_before_pacific_war),
        cmocka_unit_test(test_west_hope_given_up_without_the_ratio),
        cmocka_unit_test(test_south_window),
        cmocka_unit_test(test_pacific_war_is_japans_decision),
        cmocka_unit_test(test_seizure_waits_for_pressure),
        cmocka_unit_test(test_readied_stroke_is_struck),
        cmocka_unit_test(test_purge_passes_to_control_faction),
        cmocka_unit_test(test_china_war_follows_friction),
        cmocka_unit_test(test_control_faction_takes_back_posts),
        cmocka_unit_test(test_coup_follows_loss_of_the_army),
        cmocka_unit_test(test_no_coup_without_loss),
        cmocka_unit_test(test_coup_that_succeeds_has_consequences),
        cmocka_unit_test(test_coup_outcome_follows_who_moves_against_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
