/* test_model_war.c — control of territory, supply as a flow over the links,
 * fronts that move, encirclement, and --decide, on the built-in scenario. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "world/api.h"
#include "model/assess.h"
#include "model/campaign.h"
#include "model/control.h"
#include "model/landings.h"
#include "model/war.h"
#include "world/world.h"

static hk_scenario *builtin(void)
{
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = hk_scenario_load_builtin(&d);
    assert_non_null(s);
    hk_diag_free(&d);
    return s;
}

static int region(const hk_scenario *s, const char *id)
{
    int r = hk_scenario_region(s, id);
    assert_true(r >= 0);
    return r;
}

static int sector(const hk_scenario *s, const char *id)
{
    int k = hk_scenario_sector(s, id);
    assert_true(k >= 0);
    return k;
}

/* Replay: Manchukuo from 1932-03, northern Sakhalin Japanese 1920-07 to
 * 1925-04, Manchuria Soviet in 1945-08; every region has a holder. */
static void test_replay_control_follows_record(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_REPLAY, 1, 0);
    int harbin = region(s, "harbin"), ns = region(s, "north_sakhalin"), keijo = region(s, "keijo");
    int seen_man = 0, seen_jpn_sakhalin = 0;
    while (!hk_world_done(w)) {
        hk_month m = hk_world_month(w);
        hk_world_step(w, NULL);
        for (int r = 0; r < s->n_regions; r++)
            assert_true(w->control[r] >= 0 && w->control[r] < s->n_actors);
        if (m == hk_month_of(1931, 12))
            assert_int_equal(w->control[harbin], s->chn);
        if (m == hk_month_of(1932, 3))
            seen_man = w->control[harbin] == s->man;
        if (m == hk_month_of(1945, 7))
            assert_int_equal(w->control[harbin], s->man);
        if (m == hk_month_of(1945, 8)) {
            assert_int_equal(w->control[harbin], s->sov);
            assert_int_equal(w->control[keijo], s->jpn); /* south of the 38th parallel */
            /* the record's campaign: the Soviet side attacks where it takes
             * ground, with the recorded casualties and prisoners */
            hk_war_summary sum;
            hk_month next = w->month;
            w->month = m; /* as the month's line reads it, before the clock moves on */
            hk_campaign_summary(w, &sum);
            w->month = next;
            assert_true(sum.active);
            int attacks = 0;
            for (int f = 0; f < sum.n_fronts; f++)
                attacks += sum.fronts[f].posture[HK_SIDE_SOV] == HK_FRONT_ATTACK;
            assert_true(attacks >= 3);
            assert_float_equal(sum.casualties[HK_SIDE_SOV], 36456, 0.5);
            assert_true(sum.prisoners[HK_SIDE_JPN] >= 594000);
            assert_true(hk_campaign_taken(w, HK_SIDE_SOV, NULL) >= 10);
        }
        if (m == hk_month_of(1922, 1))
            seen_jpn_sakhalin = w->control[ns] == s->jpn;
        if (m == hk_month_of(1925, 6))
            assert_int_equal(w->control[ns], s->sov);
    }
    assert_true(seen_man);
    assert_true(seen_jpn_sakhalin);
    /* the run's outcomes count the recorded war */
    assert_float_equal(w->out.war_casualties[HK_SIDE_SOV], 36456, 0.5);
    assert_true(w->out.regions_taken[HK_SIDE_SOV] >= 10);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A world at the opening of a general war, Manchuria held by Manchukuo. */
static hk_world *war_world_run(hk_setup *su, int opener, uint64_t run);
static hk_world *war_world(hk_setup *su, int opener) { return war_world_run(su, opener, 0); }

static hk_world *war_world_run(hk_setup *su, int opener, uint64_t run)
{
    const hk_scenario *s = su->scenario;
    hk_world *w = hk_world_new(su, HK_MODE_SIMULATE, 3, run);
    w->month = hk_month_of(1941, 8);
    for (int i = 0; i < s->n_control; i++)
        if (s->control[i].controller == s->man)
            hk_control_set(w, s->control[i].region, s->man);
    w->manchuria_seized = true;
    /* each side's armies of the theatre at 40,000 men where they stand:
     * the fronts hold the formations placed on them */
    double pool[2] = {0, 0};
    for (int f = 0; f < s->n_formations; f++) {
        int side = w->c->form_side[f], p = w->c->form_pool[f];
        bool in = (side == HK_SIDE_JPN && p == 0) || (side == HK_SIDE_SOV && p == 2);
        w->formation[f] = (hk_formation_state){.region = w->formation[f].region, .quality = 1, .supply = 1};
        if (!in)
            continue;
        w->formation[f].men = 40000;
        w->formation[f].tanks = 100;
        w->formation[f].guns = 400;
        w->formation[f].aircraft = 100;
        pool[side] += 40000;
    }
    w->jpn_men = pool[HK_SIDE_JPN];
    w->sov_men = pool[HK_SIDE_SOV];
    for (int k = 0; k < s->n_sectors; k++)
        for (int side = 0; side < 2; side++)
            w->sector_forces[k][side] = (hk_side_forces){40000, 100, 400, 100};
    hk_war_open(w, opener, "test_war", "a test war", "test");
    return w;
}

/* Supply is a flow over the links: the Soviet side's from its westernmost
 * railhead over the Trans-Siberian; Mongolia's steppe only by the roads. */
static void test_supply_flow(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    double cap[HK_MAX_REGIONS], km[HK_MAX_REGIONS];
    hk_campaign_flow(w, HK_SIDE_SOV, cap);
    assert_true(isinf(cap[region(s, "irkutsk")])); /* the source */
    assert_float_equal(cap[region(s, "khabarovsk")], 216000, 1);
    assert_float_equal(cap[region(s, "otpor")], 108000, 1);     /* the Borzya line */
    assert_float_equal(cap[region(s, "nomonhan")], 25000, 1);   /* the Khalkhin Gol road */
    assert_float_equal(cap[region(s, "harbin")], 0, 0);         /* not Soviet ground */
    /* parallel routes add up: Borzya is fed by its railway and the road
     * beside it; Mudanjiang by the Chinese Eastern, the lines from Korea and
     * the Tunhua road from the redoubt round Tonghua, more than any single
     * route carries */
    assert_float_equal(cap[region(s, "borzya")], 118000, 1);
    double capj[HK_MAX_REGIONS];
    hk_campaign_flow(w, HK_SIDE_JPN, capj);
    assert_float_equal(capj[region(s, "mudanjiang")], 195000, 1);
    assert_float_equal(hk_campaign_front_flow(w, HK_SIDE_JPN, sector(s, "ussuri")), 195000, 1);
    /* and a link two routes share carries no more than its capacity: the
     * whole Far East is fed over the one Trans-Siberian from Irkutsk */
    assert_float_equal(hk_campaign_front_flow(w, HK_SIDE_SOV, sector(s, "ussuri")), 216000, 1);
    hk_campaign_haul(w, HK_SIDE_SOV, km);
    assert_float_equal(km[region(s, "nomonhan")], 650, 1);      /* from Borzya, the record's 650 km */
    /* Japan cuts the Amur line at Blagoveshchensk: the Far East loses its flow */
    hk_control_set(w, region(s, "blagoveshchensk"), s->jpn);
    hk_campaign_flow(w, HK_SIDE_SOV, cap);
    assert_float_equal(cap[region(s, "khabarovsk")], 0, 0);
    assert_true(hk_campaign_trans_siberian_cut(w));
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A won battle moves the front: the objective is the nearest enemy region
 * over a land link; taking it hands it over and the next lies beyond. */
static void test_front_moves(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_HOLD_RATIO] = 0; /* the Japanese fronts stay where they are */
    su.param[HK_P_WAR_BORDER_GARRISON] = 0; /* the whole front falls back */
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int argun = sector(s, "argun"), from = -1;
    int o = hk_campaign_objective(w, argun, HK_SIDE_SOV, &from);
    assert_int_equal(o, region(s, "manzhouli"));
    assert_int_equal(from, region(s, "otpor"));
    /* a Soviet front eighty times the Japanese one: the defence does not
     * stand to be destroyed; it falls back before the blow, leaving its
     * stragglers as prisoners, and the Soviet side advances at no cost */
    w->camp.front[argun].men[HK_SIDE_SOV] = 400000;
    /* (rifle armies with their tanks, short of the armour of a mobile
     * group that overtakes a front falling back: the garrison's siege is
     * what is measured, not the columns caught on the road) */
    w->camp.front[argun].tanks[HK_SIDE_SOV] = 800;
    w->camp.front[argun].guns[HK_SIDE_SOV] = 6000;
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = 5000;
        w->camp.front[f].tanks[HK_SIDE_JPN] = 0;
        if (f != argun) /* only this front attacks */
            w->camp.front[f].men[HK_SIDE_SOV] = w->camp.front[f].tanks[HK_SIDE_SOV] = 0;
    }
    w->jpn_men = 5000.0 * s->n_sectors; /* no reserve to send forward */
    w->sov_men = 400000;
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, region(s, "manzhouli")), HK_SIDE_SOV);
    assert_true(w->camp.front[argun].advanced[HK_SIDE_SOV] >= 1);
    assert_true(w->war_losses[HK_SIDE_JPN] > 0);
    assert_true(w->camp.prisoners[HK_SIDE_JPN] > 0);
    assert_true(w->war_losses[HK_SIDE_JPN] < 5000); /* not to the last man */
    uint64_t taken;
    assert_true(hk_campaign_taken(w, HK_SIDE_SOV, &taken) >= 1);
    assert_true((taken >> region(s, "manzhouli")) & 1);
    /* islands are not reached over the sea lanes */
    assert_int_equal(hk_control_side(w, region(s, "south_sakhalin")), HK_SIDE_JPN);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A front falling back from its fortified border zone leaves the zone's
 * garrison (war.border_garrison of its men) to hold to the last: the
 * attacker goes round it and the ground passes, and the garrison is
 * reduced by siege, at most war.storm_share of it a step, its dead killed
 * where they stand rather than taken prisoner; what is left of it goes into
 * captivity with its side's surrender. Without it the same front falls
 * back and loses stragglers as prisoners. `days` limits the month's
 * fighting (a surrender on that day, no ceasefire delay). */
/* What the siege events of a run tell: the last day an assault is made,
 * and assaults told on a day before their garrison was left. */
typedef struct siege_log {
    int last_assault;
    int early;          /* assaults dated before the line fell back from the region */
    char left_id[8][32];
    int left_day[8], n_left;
} siege_log;

static void note_siege(void *ud, const hk_log_event *e)
{
    siege_log *g = ud;
    if (!e->text || strcmp(e->kind, "front") != 0 || !e->id)
        return;
    if (strstr(e->text, "falls back from its fortified zone") && g->n_left < 8) {
        snprintf(g->left_id[g->n_left], sizeof g->left_id[0], "%s", e->id);
        g->left_day[g->n_left++] = e->date.day;
    } else if (strstr(e->text, " assault")) {
        if (e->date.day > g->last_assault)
            g->last_assault = e->date.day;
        for (int i = 0; i < g->n_left; i++)
            if (strcmp(g->left_id[i], e->id) == 0 && e->date.day < g->left_day[i])
                g->early++;
    }
}

static siege_log last_sieges;
static double order_days = -1; /* war.garrison_order_days for killed_on_argun, < 0 the scenario's */

static double killed_on_argun(double garrison, int days, int step, double *prisoners, bool *taken, double *left,
                              double *holding, double *after_surrender)
{
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_HOLD_RATIO] = 0;
    su.param[HK_P_WAR_BORDER_GARRISON] = garrison;
    su.param[HK_P_WAR_FORT_GARRISON] = 0; /* only the plan's garrison of a front falling back */
    su.param[HK_P_WAR_CEASEFIRE_DAYS] = 0;
    if (order_days >= 0)
        su.param[HK_P_WAR_GARRISON_ORDER_DAYS] = order_days;
    if (step > 0)
        su.param[HK_P_WAR_STEP_DAYS] = step;
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int argun = sector(s, "argun"), m = region(s, "manzhouli");
    w->camp.front[argun].men[HK_SIDE_SOV] = 400000;
    /* (rifle armies with their tanks, short of the armour of a mobile
     * group that overtakes a front falling back: the garrison's siege is
     * what is measured, not the columns caught on the road) */
    w->camp.front[argun].tanks[HK_SIDE_SOV] = 800;
    w->camp.front[argun].guns[HK_SIDE_SOV] = 6000;
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = 30000;
        w->camp.front[f].tanks[HK_SIDE_JPN] = 0;
        if (f != argun)
            w->camp.front[f].men[HK_SIDE_SOV] = w->camp.front[f].tanks[HK_SIDE_SOV] = 0;
    }
    w->jpn_men = 30000.0 * s->n_sectors;
    w->sov_men = 400000;
    w->camp.surrender_day = days < 30 ? days : 0;
    memset(&last_sieges, 0, sizeof last_sieges);
    hk_observer obs = {note_siege, NULL, &last_sieges};
    w->obs = &obs;
    hk_campaign_step(w);
    w->obs = NULL;
    *prisoners = w->camp.prisoners[HK_SIDE_JPN];
    *taken = hk_control_side(w, m) == HK_SIDE_SOV;
    *left = w->camp.garrison_left[m];
    *holding = w->camp.garrison[m];
    double killed = w->war_losses[HK_SIDE_JPN] - w->camp.prisoners[HK_SIDE_JPN];
    w->japan_surrendered = true;
    hk_campaign_surrender(w);
    *after_surrender = 0;
    for (int r = 0; r < s->n_regions; r++)
        *after_surrender += w->camp.garrison[r];
    hk_world_free(w);
    hk_scenario_free(s);
    return killed;
}

static void test_border_garrison(void **state)
{
    (void)state;
    double pris0, pris1, pris5, left0, left1, left5, hold0, hold1, hold5, after0, after1, after5;
    bool taken0, taken1, taken5;
    double killed0 = killed_on_argun(0, 30, 0, &pris0, &taken0, &left0, &hold0, &after0);
    double killed1 = killed_on_argun(0.33, 30, 0, &pris1, &taken1, &left1, &hold1, &after1);
    /* the garrisons next to ground their side still holds have the order
     * from their army as the fronts stop: no assault after it */
    double killed5 = killed_on_argun(0.33, 5, 0, &pris5, &taken5, &left5, &hold5, &after5);
    siege_log reached_day5 = last_sieges;
    /* the same with the order reaching the garrison as the fronts stop: the
     * war's one step of siege alone */
    double pris5s, left5s, hold5s, after5s;
    bool taken5s;
    order_days = 0;
    killed_on_argun(0.33, 5, 0, &pris5s, &taken5s, &left5s, &hold5s, &after5s);
    order_days = -1;
    assert_true(taken0);
    assert_true(taken1); /* the garrison is gone round, not a wall */
    assert_true(taken5);
    assert_float_equal(left0, 0, 0);
    /* a third of the front, shared between the zone's two fortified regions */
    assert_float_equal(left1, 0.33 * 30000 / 2, 1);
    assert_true(killed1 > killed0 + 1000);
    /* no more than the front held, nor than a garrison was left */
    assert_true(killed1 <= 30000 + 1);
    assert_true(hold1 >= 0 && hold1 <= left1);
    /* reduced over steps: one step's assault takes on at most
     * war.storm_share of it, and a month of siege costs it more than a step
     * and the order's days after it */
    assert_true(hold5s >= (1 - 0.5) * left5s - 1);
    assert_true(hold5s < left5s);
    assert_true(hold5 <= hold5s);
    assert_true(killed1 > killed5);
    /* a garrison cut off from its side's ground fights on after the order
     * reaches the fronts (Hutou, stormed to 26 August 1945): e2e
     * manchuria_1945 finds such an assault in every seed */
    /* with the ground behind Hailar still its side's, the order reaches
     * the garrisons through their army: none is stormed after the fronts
     * stop (Hailar and Aigun laid down their arms on 18-20 August 1945,
     * glantz2003) */
    assert_true(reached_day5.last_assault <= 5);
    /* what holds out surrenders with its side */
    assert_float_equal(after1, 0, 0);
    assert_float_equal(after5, 0, 0);
}

/* No assault is told on a day before the line fell back from its
 * garrison: the Soviet armoured front takes Manzhouli on the first day and
 * comes up to Hailar within the step; Hailar's garrison, left that day, is
 * first assaulted in the next step, not in one dated before it. */
static void test_garrison_assaulted_after_left(void **state)
{
    (void)state;
    double pris, left, hold, after;
    bool taken;
    killed_on_argun(0.33, 30, 0, &pris, &taken, &left, &hold, &after);
    assert_true(taken);
    assert_true(last_sieges.n_left >= 2); /* Manzhouli's garrison, and Hailar's */
    assert_true(last_sieges.last_assault > 5);
    assert_int_equal(last_sieges.early, 0);
}

/* An assault crossing of a great river (the Amur crossing from
 * Blagoveshchensk to Heihe, a river link) puts the armour over only
 * war.crossing_days later: the armoured Soviet Amur front takes Heihe but
 * does not exploit to Harbin in the same step, and with a crossing that
 * takes the month it stands at Heihe; with no wait its armour goes on
 * within the month to where Heihe's links lead: Harbin by the line, or
 * Qiqihar by the post road through Mergen (the nearer; the 2nd Red Banner
 * Army's road of 1945). */
static bool amur_reaches_harbin(double crossing_days, double *halt)
{
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_HOLD_RATIO] = 0;
    su.param[HK_P_WAR_CROSSING_DAYS] = crossing_days;
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int amur = sector(s, "amur"), hh = region(s, "heihe"), hb = region(s, "harbin"), qq = region(s, "qiqihar");
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = 5000;
        w->camp.front[f].tanks[HK_SIDE_JPN] = 0;
        w->camp.front[f].men[HK_SIDE_SOV] = f == amur ? 300000 : 0;
        w->camp.front[f].tanks[HK_SIDE_SOV] = f == amur ? 1500 : 0;
        w->camp.front[f].guns[HK_SIDE_SOV] = f == amur ? 3000 : 0;
    }
    w->jpn_men = 5000.0 * s->n_sectors;
    w->sov_men = 300000;
    /* the theatre's formations have the armour the front holds (5 tanks a
     * 1000 men): a front holds no more than its theatre has */
    for (int f = 0; f < s->n_formations; f++)
        if (w->c->form_side[f] == HK_SIDE_SOV && w->formation[f].men > 0)
            w->formation[f].tanks = 0.005 * w->formation[f].men;
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, hh), HK_SIDE_SOV);
    *halt = w->camp.front[amur].halt[HK_SIDE_SOV];
    bool reached = hk_control_side(w, hb) == HK_SIDE_SOV || hk_control_side(w, qq) == HK_SIDE_SOV;
    hk_world_free(w);
    hk_scenario_free(s);
    return reached;
}

static void test_river_crossing_holds_armour(void **state)
{
    (void)state;
    double halt;
    assert_false(amur_reaches_harbin(40, &halt));
    assert_true(halt > 0);
    assert_true(amur_reaches_harbin(0, &halt));
}

/* A Soviet front driven out of its fortified zone leaves the fortified
 * regions' static garrisons in their works (war.fort_garrison), besieged
 * behind the Japanese advance; once it has lost the last of its ground it
 * falls back with its men into the front that holds the next region along
 * the railway (the Primorye group up the Ussuri line to Khabarovsk), and
 * no front of men stands on no ground. */
static void test_soviet_fortress_and_fall_back(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_FORT_GARRISON] = 0.1;
    su.param[HK_P_WAR_MARCH_FOOT] = 1000; /* no march between the regions: the fighting alone */
    su.param[HK_P_WAR_MARCH_MOBILE] = 1000;
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int ussuri = sector(s, "ussuri"), us = region(s, "ussuriysk"), im = region(s, "iman");
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = f == ussuri ? 600000 : 30000;
        w->camp.front[f].guns[HK_SIDE_JPN] = f == ussuri ? 6000 : 300;
        w->camp.front[f].men[HK_SIDE_SOV] = 30000;
        w->camp.front[f].tanks[HK_SIDE_SOV] = 0;
    }
    w->jpn_men = 600000 + 30000.0 * (s->n_sectors - 1);
    w->sov_men = 30000.0 * s->n_sectors;
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, us), HK_SIDE_JPN);
    assert_true(w->camp.garrison_left[us] > 100); /* Voroshilov's fortified region was left its garrison */
    if (hk_control_side(w, im) == HK_SIDE_JPN)
        assert_true(w->camp.front[ussuri].men[HK_SIDE_SOV] < 1); /* its ground is gone, and its men with it */
    /* no Soviet front has men but on ground it holds */
    for (int f = 0; f < s->n_sectors; f++) {
        bool ground = false;
        for (int r = 0; r < s->n_regions; r++)
            ground = ground || (w->camp.front_of[r] == f && hk_control_side(w, r) == HK_SIDE_SOV);
        if (!ground && f != sector(s, "western"))
            assert_true(w->camp.front[f].men[HK_SIDE_SOV] < 1);
    }
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A front that loses its last region falls back toward its side's own
 * bases (for the Japanese side Korea, the Kwantung lease, Japan), not to
 * the nearest town: the Japanese Ussuri front of a war Japan opened,
 * Suifenhe already lost, driven out of Mudanjiang goes back by the Tumen
 * line to Chongjin and joins the front there (390 km, on the way to Korea),
 * not to Harbin (335 km, a Manchukuo junction further from Korea), when its
 * side has planned no redoubt. Defending against a war the other side
 * opened, it falls back instead to the redoubt its plan of defence names
 * (the Kwantung Army's plan of 1945: Tonghua, glantz2003):
 * the front's men go with it onto the redoubt's ground, which becomes that
 * front's, and none go into Korea. One step of the month, so that the fall
 * back is all that moves. */
static void fall_back_case(bool planned, bool *to_korea, bool *to_redoubt)
{
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_STEP_DAYS] = 30;
    /* (the way back is the subject: no stand on Mudanjiang's main line) */
    su.param[HK_P_WAR_MAIN_LINE_DAYS] = 0;
    int th = region(s, "tonghua");
    if (!planned)
        s->regions[th].redoubt = -1;
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int ussuri = sector(s, "ussuri"), tumen = sector(s, "tumen");
    int hb = region(s, "harbin"), mu = region(s, "mudanjiang"), sf = region(s, "suifenhe");
    hk_control_set(w, sf, s->sov);
    /* (the border zone is lost: Hutou, its other fortified region, too) */
    hk_control_set(w, region(s, "hutou"), s->sov);
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = 20000;
        w->camp.front[f].guns[HK_SIDE_JPN] = 200;
        w->camp.front[f].men[HK_SIDE_SOV] = f == ussuri ? 600000 : 20000;
        w->camp.front[f].guns[HK_SIDE_SOV] = f == ussuri ? 6000 : 200;
        w->camp.front[f].tanks[HK_SIDE_SOV] = 0;
    }
    w->jpn_men = 20000.0 * s->n_sectors;
    w->sov_men = 600000 + 20000.0 * (s->n_sectors - 1);
    /* (the Soviet side's other fronts hold, so that the Tumen front's
     * Chongjin is still Japanese to fall back to: pressed through the step,
     * a Soviet attack there at parity can take it) */
    w->player = s->sov;
    w->orders_given = true;
    for (int f = 0; f < s->n_sectors; f++)
        w->orders.front_posture[f] = f == ussuri ? HK_FRONT_ATTACK : HK_FRONT_HOLD;
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, mu), HK_SIDE_SOV);
    assert_true(w->camp.front_of[hb] != ussuri); /* not onto Harbin */
    *to_korea = w->camp.front[tumen].men[HK_SIDE_JPN] > 20000 + 1000;
    *to_redoubt = w->camp.front_of[th] == ussuri && hk_control_side(w, th) == HK_SIDE_JPN &&
                  w->camp.front[ussuri].men[HK_SIDE_JPN] > 1000;
    hk_world_free(w);
    hk_scenario_free(s);
}

static void test_fall_back_toward_bases(void **state)
{
    (void)state;
    bool korea, redoubt;
    fall_back_case(false, &korea, &redoubt);
    assert_true(korea && !redoubt);
    fall_back_case(true, &korea, &redoubt);
    assert_true(redoubt && !korea);
}

/* Mudanjiang is the Kwantung Army's main line of resistance in depth, not
 * a fortified zone of the border (regions.yaml main_line): a front falling
 * back from Suifenhe leaves no garrison in works there, but turns its army
 * on the axis to stand on the line (the stand's days are counted), and the
 * Soviet armour does not run over it in the step it takes Suifenhe. On the
 * old model Mudanjiang was a border zone with a garrison of its own. */
static void test_main_line_stand(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int ussuri = sector(s, "ussuri"), mu = region(s, "mudanjiang"), sf = region(s, "suifenhe");
    assert_int_equal(s->regions[mu].main_line, s->jpn);
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = 60000;
        w->camp.front[f].guns[HK_SIDE_JPN] = 600;
        w->camp.front[f].men[HK_SIDE_SOV] = f == ussuri ? 600000 : 60000;
        w->camp.front[f].guns[HK_SIDE_SOV] = f == ussuri ? 6000 : 600;
        w->camp.front[f].tanks[HK_SIDE_SOV] = f == ussuri ? 3000 : 0;
    }
    w->jpn_men = 60000.0 * s->n_sectors;
    w->sov_men = 600000 + 60000.0 * (s->n_sectors - 1);
    for (int k = 0; k < 3; k++)
        hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, sf), HK_SIDE_SOV);
    assert_true(w->camp.garrison_left[mu] == 0); /* no garrison in works left there */
    assert_true(w->camp.stood[mu] > 0);          /* the front stood on its line */
    hk_world_free(w);
    hk_scenario_free(s);
}

/* Hutou, the fortified region across the Ussuri from Iman, keeps its
 * garrison when the Ussuri front falls back from its zone at Suifenhe in
 * August 1945: the Soviet side invests it from Iman, and the region stays
 * Japanese while the garrison holds, though cut off: it is still Japanese
 * when the fronts stop, and Soviet only once the order has reached it. Its
 * garrison is its fortress's own units (forces.yaml's formation marked
 * `fortress`), not a share of the front's men. */
static void test_hutou_invested(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    int hu = region(s, "hutou");
    bool seen = false; /* a garrison in the works at a month's end */
    for (uint64_t seed = 1; seed <= 3; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        bool held_in_war = false, taken_in_war = false;
        double most = 0;
        while (!hk_world_done(w)) {
            hk_world_step(w, NULL);
            if (hk_control_side(w, hu) == HK_SIDE_SOV && !w->japan_surrendered)
                taken_in_war = true;
            most = w->camp.garrison[hu] > most ? w->camp.garrison[hu] : most;
            if (w->war && w->camp.garrison[hu] > 0 && hk_control_side(w, hu) == HK_SIDE_JPN)
                held_in_war = true;
        }
        /* its works are still manned when the fronts stop, or the region
         * passed only after Japan's surrender: its garrison, refusing the
         * order, was stormed and wiped out on 26 August (hutou_siege) */
        assert_true(w->camp.garrison_left[hu] > 0 || (!taken_in_war && w->japan_surrendered));
        /* its garrison is its fortress's own units (about 1,400 men,
         * hutou_siege), not a share of the front's men */
        assert_true(most <= 1400.5);
        seen = seen || most > 0;
        assert_true(held_in_war || hk_control_side(w, hu) == HK_SIDE_SOV);
        assert_int_equal(hk_control_side(w, hu), HK_SIDE_SOV);
        hk_world_free(w);
    }
    assert_true(seen);
    hk_scenario_free(s);
}

/* Halung-Arshaan and Wangyemiao, on the Taonan railway over the Great
 * Khingan, are a fortified region in depth of the Kwantung Army
 * (regions.yaml `fortified`), not a border sector's zone: in August 1945
 * the western front going back past them leaves their own garrison, the
 * 107th Division (forces.yaml's formation marked `fortress` there), in the
 * works, and the Soviet side must storm it (glantz2003). On the old model
 * the region was open ground taken in a day and nobody held it. */
static void test_fortified_in_depth(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    int wy = region(s, "wangyemiao");
    assert_int_equal(s->regions[wy].fortified, s->jpn);
    assert_int_equal(s->regions[wy].sector, -1); /* no ground of a border sector */
    assert_int_equal(s->regions[wy].zone, -1);   /* nor of its zone */
    double own = 0;
    for (int k = 0; k < s->n_formations; k++)
        if (s->formations[k].fortress && s->formations[k].region == wy)
            for (int i = 0; i < s->n_strengths; i++)
                if (s->strengths[i].formation == k && s->strengths[i].men > own)
                    own = s->strengths[i].men;
    assert_true(own > 0);
    int held = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        double most = 0, lost = 0;
        while (!hk_world_done(w)) {
            hk_world_step(w, NULL);
            most = w->camp.garrison_left[wy] > most ? w->camp.garrison_left[wy] : most;
        }
        if (most > 0) {
            held++;
            /* its garrison is its works' own units, never more */
            assert_true(most <= own + 0.5);
            /* and it was stormed: the western front paid for it */
            int west = w->camp.front_of[wy];
            assert_true(west >= 0);
            lost = w->camp.front[west].lost[HK_SIDE_SOV];
            assert_true(lost > 0);
        }
        hk_world_free(w);
    }
    assert_true(held >= 2);
    hk_scenario_free(s);
}

/* The Aigun fortified region at Heihe and the Hailar fortified region are
 * held by their own brigades (the 135th and 80th Independent Mixed
 * Brigades, forces.yaml's formations marked `fortress` there), not by a
 * share of their fronts, whether the front is driven out (Heihe) or goes
 * back as its way back is threatened (Hailar): on the old model Heihe's
 * garrison was the zone's share of the Amur front, 17,700-20,100 men in
 * every run, and its storming after the surrender cost the Soviet side up
 * to 7,463 in one assault. */
static void own_garrison_case(const char *id)
{
    hk_scenario *s = builtin();
    int hh = region(s, id);
    double own = 0;
    for (int k = 0; k < s->n_formations; k++)
        if (s->formations[k].fortress && s->formations[k].region == hh)
            for (int i = 0; i < s->n_strengths; i++)
                if (s->strengths[i].formation == k && s->strengths[i].men > own)
                    own = s->strengths[i].men;
    assert_true(own > 0);
    int held = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        double most = 0;
        while (!hk_world_done(w)) {
            hk_world_step(w, NULL);
            most = w->camp.garrison_left[hh] > most ? w->camp.garrison_left[hh] : most;
        }
        /* its own units: never more, and not a small share of the front
         * either (the brigade as the run's army has it, not the old share
         * of a few thousand) */
        assert_true(most <= own + 0.5);
        assert_true(most == 0 || most >= 0.5 * own);
        held += most > 0;
        hk_world_free(w);
    }
    assert_true(held >= 2);
    hk_scenario_free(s);
}

static void test_fortress_own_garrison(void **state)
{
    (void)state;
    own_garrison_case("heihe");
    own_garrison_case("hailar");
}

/* A front attacks out of its own ground, or out of its side's ground from
 * before the war next to it: not out of ground another front has just
 * taken in its advance, where its armies are not. With Qiqihar in the
 * Transbaikal (Khalkha) front's hands, the Amur front still comes on Heihe
 * across the river from Blagoveshchensk; on the old model it came on it by
 * the Mergen road from Qiqihar, 555 km from its armies, without crossing
 * the Amur, and its armour went on to Harbin in the same step (the 2nd Far
 * Eastern Front crossed the Amur; Harbin was taken by airborne landing on
 * 18 August 1945, glantz2003). */
static void test_front_attacks_from_own_ground(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int amur = sector(s, "amur"), west = sector(s, "western");
    int qq = region(s, "qiqihar"), hh = region(s, "heihe"), bl = region(s, "blagoveshchensk");
    hk_control_set(w, qq, s->sov);
    w->camp.front_of[qq] = (int8_t)west;
    int from = -1, o = hk_campaign_objective(w, amur, HK_SIDE_SOV, &from);
    assert_int_equal(o, hh);
    assert_int_equal(from, bl);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* Each front keeps the casualties of its battles and sieges: after a
 * month of war they are there, on the fronts that fought, and together no
 * more than the war's losses so far. */
static void test_losses_by_front(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int ussuri = sector(s, "ussuri");
    w->camp.front[ussuri].men[HK_SIDE_SOV] = 600000;
    w->camp.front[ussuri].guns[HK_SIDE_SOV] = 6000;
    w->sov_men += 560000;
    hk_campaign_step(w);
    double lost[2] = {0, 0};
    for (int f = 0; f < s->n_sectors; f++)
        for (int side = 0; side < 2; side++)
            lost[side] += w->camp.front[f].lost[side];
    assert_true(w->camp.front[ussuri].lost[HK_SIDE_SOV] > 0);
    assert_true(w->camp.front[ussuri].lost[HK_SIDE_JPN] > 0);
    for (int side = 0; side < 2; side++)
        assert_true(lost[side] <= w->war_losses[side] + 1);
    hk_war_summary sum;
    hk_campaign_summary(w, &sum);
    assert_true(sum.fronts[ussuri].lost[HK_SIDE_SOV] == w->camp.front[ussuri].lost[HK_SIDE_SOV]);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* An advance takes time: a front on foot covers war.march_foot km a day and
 * fights for a region only once it has come halfway along the link to it. */
static void test_march_takes_days(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_MARCH_FOOT] = 1;
    su.param[HK_P_WAR_MARCH_MOBILE] = 1;
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int ussuri = sector(s, "ussuri"), us = region(s, "ussuriysk"), im = region(s, "iman");
    w->camp.front[ussuri].men[HK_SIDE_JPN] = 600000;
    w->camp.front[ussuri].guns[HK_SIDE_JPN] = 6000;
    w->jpn_men += 600000;
    hk_campaign_step(w);
    /* the first objective across the border is fought for at once, from the
     * line the front stood on; the next, Iman, 300 km up the railway, only
     * after 150 km of marching: not in a month at 1 km a day */
    assert_int_equal(hk_control_side(w, us), HK_SIDE_JPN);
    assert_int_equal(hk_control_side(w, im), HK_SIDE_SOV);
    assert_true(w->camp.front[ussuri].march[HK_SIDE_JPN] > 0);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A front led by armour goes at its mobile groups' pace only as far as the
 * fuel they carry (war.fuel_km); then it stands until more comes up over
 * its haul from the railhead (war.haul_km_day). The Japanese armoured
 * front takes Voroshilov, then Vladivostok (55 km to its line), and makes
 * for Iman (150 km to its line up the railway): with fuel for 60 km and
 * the fuel coming up at 1 km a day it stands short of Iman's line at the
 * month's end, waiting; with fuel for 900 km it comes up to it. */
static void fuel_run(double fuel_km, double *march, double *halt)
{
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_MARCH_MOBILE] = 100;
    su.param[HK_P_WAR_FUEL_KM] = fuel_km;
    su.param[HK_P_WAR_HAUL_KM_DAY] = 1;
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int ussuri = sector(s, "ussuri"), us = region(s, "ussuriysk"), im = region(s, "iman");
    w->camp.front[ussuri].men[HK_SIDE_JPN] = 600000;
    w->camp.front[ussuri].tanks[HK_SIDE_JPN] = 6000;
    w->camp.front[ussuri].guns[HK_SIDE_JPN] = 6000;
    /* (and the air over it: a front under the other side's air weighs
     * its attacks, and the other side its counter-strokes, by it) */
    w->camp.front[ussuri].aircraft[HK_SIDE_JPN] = 6000;
    w->jpn_men += 600000;
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, us), HK_SIDE_JPN);
    const hk_front *fr = &w->camp.front[ussuri];
    /* (a front that came up to Iman's line and took it goes on beyond it,
     * toward Khabarovsk: then it has covered the 150 km) */
    if (fr->march_to[HK_SIDE_JPN] != im) {
        assert_int_equal(hk_control_side(w, im), HK_SIDE_JPN);
        *march = 150;
        *halt = 0;
    } else {
        *march = fr->march[HK_SIDE_JPN];
        *halt = fr->halt[HK_SIDE_JPN];
    }
    hk_world_free(w);
    hk_scenario_free(s);
}

static void test_fuel_halts_armour(void **state)
{
    (void)state;
    double march, halt;
    fuel_run(60, &march, &halt);
    assert_true(march < 150 - 1e-6);
    assert_true(halt > 0);
    fuel_run(900, &march, &halt);
    assert_true(march >= 150 - 1e-6);
    assert_true(halt == 0);
}

/* One quiet month is no stalemate: a war presses for an armistice
 * (quiet_months, read by war.c) only once no front has fought for
 * war.stalemate_months in a row. */
static void test_stalemate_takes_months(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_ATTACK_RATIO] = 1000; /* nobody attacks */
    su.param[HK_P_WAR_OPENING_MONTHS] = 0;
    su.param[HK_P_WAR_REDOUBT_RATIO] = 1000;
    su.param[HK_P_WAR_STALEMATE_MONTHS] = 3;
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int seen[4];
    for (int m = 0; m < 4; m++) {
        hk_campaign_step(w);
        seen[m] = w->camp.quiet_months;
    }
    assert_int_equal(seen[0], 0);
    assert_int_equal(seen[1], 0);
    assert_int_equal(seen[2], 1);
    assert_int_equal(seen[3], 2);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A Japan that wants its army and oil for the south (committed south,
 * under an oil embargo, its decision on the south put off for the war)
 * seeks an armistice in the north: the war ends sooner than one without
 * that pull, never in the month it opened, and the armistice names the
 * south as its motive rather than exhaustion. */
typedef struct peace_text {
    char text[HK_TEXT_LEN];
} peace_text;

static void keep_peace(void *ud, const hk_log_event *e)
{
    peace_text *p = ud;
    if (e->kind && strcmp(e->kind, "peace") == 0 && e->text)
        snprintf(p->text, sizeof p->text, "%s", e->text);
}

static int months_to_armistice(hk_setup *su, bool south, uint64_t run, peace_text *p)
{
    hk_world *w = war_world_run(su, HK_SIDE_JPN, run);
    if (south) {
        w->committed_south = true;
        w->committed_south_on = w->month - 8;
        w->flags |= 1u << HK_EFFECT_OIL_EMBARGO;
        w->flag_since[HK_EFFECT_OIL_EMBARGO] = w->month - 1;
        w->south_deferred_on = w->month;
    }
    peace_text ignored;
    hk_observer obs = {keep_peace, NULL, p ? p : &ignored};
    int months = -1;
    for (int m = 0; m < 60 && months < 0; m++) {
        w->obs = &obs;
        hk_war_step(w);
        w->obs = NULL;
        if (!w->war)
            months = m;
        w->month++;
    }
    hk_world_free(w);
    return months;
}

static void test_south_seeks_armistice(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_STALEMATE_PEACE] = 0;
    int runs = 40;
    double with = 0, without = 0;
    for (int r = 0; r < runs; r++) {
        peace_text p = {""};
        int a = months_to_armistice(&su, true, (uint64_t)r, &p), b = months_to_armistice(&su, false, (uint64_t)r, NULL);
        assert_true(a >= 1); /* never in the month the war opened */
        with += a;
        without += b < 0 ? 60 : b;
        if (!strstr(p.text, "south") || strstr(p.text, "exhausted"))
            fail_msg("run %d: the armistice does not name the south: %s", r, p.text);
    }
    with /= runs;
    without /= runs;
    print_message("months to the armistice: %.1f with the south's pull, %.1f without\n", with, without);
    assert_true(with < 6 && with < without / 2);
    hk_scenario_free(s);
}

/* The line of a front lists the regions each side holds along it: on the
 * Khalkha, whose ground is all Mongolian, the Japanese side faces it from
 * Hailar; on the Argun each side holds its bank. */
static void test_front_line(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    uint64_t line[2];
    hk_campaign_line(w, sector(s, "western"), line);
    assert_true(line[HK_SIDE_JPN] != 0);
    assert_true((line[HK_SIDE_JPN] >> region(s, "hailar")) & 1);
    assert_true((line[HK_SIDE_SOV] >> region(s, "nomonhan")) & 1);
    hk_campaign_line(w, sector(s, "argun"), line);
    assert_true((line[HK_SIDE_JPN] >> region(s, "manzhouli")) & 1);
    assert_true((line[HK_SIDE_SOV] >> region(s, "otpor")) & 1);
    for (int f = 0; f < s->n_sectors; f++) {
        hk_campaign_line(w, f, line);
        assert_true(line[HK_SIDE_JPN] != 0); /* never empty while Japan holds ground on the border */
        assert_int_equal(line[HK_SIDE_JPN] & line[HK_SIDE_SOV], 0);
    }
    hk_war_summary sum;
    hk_campaign_summary(w, &sum);
    assert_true(sum.fronts[sector(s, "western")].line[HK_SIDE_JPN] != 0);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* Control does not flap: a region taken in battle is consolidated by its
 * taker for the rest of the month, so no region changes hands in battle
 * more than once a month (forced strikes north, several seeds). */
static void test_no_flapping(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    for (uint64_t seed = 1; seed <= 12; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1943, 12)) {
            hk_world_step(w, NULL);
            for (int r = 0; r < s->n_regions; r++)
                if (w->camp.changes[r] > 1)
                    fail_msg("seed %llu, %s changes hands %d times in a month", (unsigned long long)seed,
                             s->regions[r].id, w->camp.changes[r]);
        }
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

/* A fortified front at about parity is not broken in its first month: the
 * Soviet works before Voroshilov (two belts, war.works_belts) give way only
 * when the attacker breaks them one after another at its point of attack,
 * and the Kwantung Army of 1941, at 0.7-0.9 men to one and under the Soviet
 * air, had no such ratio there. A front's battle once threw the combat
 * model's collapse for the whole front at each of its echelons, and the
 * zone fell in 2-3 days in about one run in eight (seeds 1 and 5). An
 * offensive pressed for weeks until its break test ends it can break
 * through in the month, rarely, and only at the price of weeks: its side
 * has lost a fifth or more of the men the front opened with. */
static void test_works_hold_at_parity(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    int us = region(s, "ussuriysk"), ussuri = sector(s, "ussuri"), fell = 0;
    for (uint64_t seed = 1; seed <= 24; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1941, 9))
            hk_world_step(w, NULL);
        if (w->war && w->war_on == hk_month_of(1941, 9) && hk_control_side(w, us) == HK_SIDE_JPN) {
            fell++;
            if (!(w->war_losses[HK_SIDE_JPN] >= 0.2 * w->camp.front[ussuri].men_at_start[HK_SIDE_JPN]))
                fail_msg("seed %llu: Voroshilov falls at a cost of %.0f, under a fifth of the %.0f the front opened with",
                         (unsigned long long)seed, w->war_losses[HK_SIDE_JPN],
                         w->camp.front[ussuri].men_at_start[HK_SIDE_JPN]);
        }
        hk_world_free(w);
    }
    assert_true(fell <= 2);
    hk_scenario_free(s);
}

/* While Germany's offensive holds Stavka, the Far East's fronts hold, but
 * a front whose own ground the Japanese offensive has taken strikes back
 * with what it has once that offensive has spent itself: in the strike
 * norths of 1941 where Voroshilov falls in September, the Soviet Ussuri
 * front attacks toward it in October with Stavka still holding (it stood
 * on its line until Stavka let it go, in 1942). */
static void test_counter_stroke_under_stavka(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    int us = region(s, "ussuriysk"), ussuri = sector(s, "ussuri"), fell = 0;
    for (uint64_t seed = 1; seed <= 24; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1941, 9))
            hk_world_step(w, NULL);
        bool lost = w->war && hk_control_side(w, us) == HK_SIDE_JPN;
        if (lost) {
            hk_world_step(w, NULL); /* 1941-10 */
            if (w->war && hk_assess_west_crisis(w)) {
                fell++;
                if (!w->camp.front[ussuri].attacked[HK_SIDE_SOV])
                    fail_msg("seed %llu: Voroshilov lost in 1941-09, no Soviet counter-stroke in 1941-10",
                             (unsigned long long)seed);
            }
        }
        hk_world_free(w);
    }
    assert_true(fell > 0);
    hk_scenario_free(s);
}

/* The air enters the odds a front weighs before it attacks, as it enters
 * the battle: the same Japanese front on the Amur, the Soviet side with
 * three times the Japanese aircraft in the theatre (2.5 times, as they
 * are placed), counts on less when that is air superiority
 * (war.air_superiority 2) than when nothing is (100): the odds told in the
 * war plan, which the decision to attack reads. */
static double amur_odds(double superiority)
{
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_AIR_SUPERIORITY] = superiority;
    /* (one step of the month: the odds are weighed before any battle, which
     * the Soviet side, attacking under its air and pressing its attack
     * through the month, would move) */
    su.param[HK_P_WAR_STEP_DAYS] = 30;
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    /* (the Japanese player's fronts all hold, so each step weighs the
     * same odds) */
    w->player = s->jpn;
    w->orders_given = true;
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].aircraft[HK_SIDE_SOV] = 3 * w->camp.front[f].aircraft[HK_SIDE_JPN];
        w->orders.front_posture[f] = HK_FRONT_HOLD;
    }
    for (int f = 0; f < s->n_formations; f++)
        if (w->c->form_side[f] == HK_SIDE_SOV)
            w->formation[f].aircraft *= 3;
    hk_campaign_step(w);
    double odds = w->camp.front[sector(s, "amur")].odds[HK_SIDE_JPN];
    hk_world_free(w);
    hk_scenario_free(s);
    return odds;
}

static void test_air_in_odds(void **state)
{
    (void)state;
    double even = amur_odds(100.0), under = amur_odds(2.0);
    assert_true(even > 0);
    assert_true(under < 0.95 * even);
}

/* A held opening blow is not renewed in the same campaign: a war opened
 * in August 1941 whose main blow on the Ussuri is beaten off does not throw
 * it again in September at the same odds (it did, the repulse forgotten at
 * the month's turn). */
static void test_held_blow_not_renewed(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    int us = region(s, "ussuriysk"), checked = 0;
    for (uint64_t seed = 1; seed <= 4; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-06", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        int months = 0;
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1941, 10)) {
            hk_world_step(w, NULL);
            int ax = w->war ? w->camp.main_axis : -1;
            if (ax >= 0 && w->camp.front[ax].attacked[HK_SIDE_JPN])
                months++;
        }
        if (w->war && w->war_on <= hk_month_of(1941, 8) && hk_control_side(w, us) == HK_SIDE_SOV) {
            checked++;
            assert_int_equal(months, 1);
        }
        hk_world_free(w);
    }
    assert_true(checked > 0);
    hk_scenario_free(s);
}

/* An armistice is a ceasefire on the whole border: no border battle flares
 * up in the month it is agreed (forced strikes north that end in one). */
static void test_armistice_quiets_border(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    int armistices = 0;
    for (uint64_t seed = 1; seed <= 8; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1944, 12)) {
            hk_month m = hk_world_month(w);
            hk_world_step(w, NULL);
            if (w->armistice_on == m) {
                armistices++;
                if (w->battles_month != 0)
                    fail_msg("seed %llu: %d border battles in the month of the armistice", (unsigned long long)seed,
                             w->battles_month);
            }
        }
        hk_world_free(w);
    }
    assert_true(armistices > 0);
    hk_scenario_free(s);
}

/* A player's order to attack on a front where its side can reach no enemy
 * ground is refused with a reason, and the front holds: it is not silently
 * turned into a withdrawal. */
static void test_attack_order_refused(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int western = sector(s, "western");
    /* Japan holds nothing on or by the Khalkha: not Hailar, nor Wangyemiao
     * and Chifeng at the far end of the roads over the Great Khingan */
    hk_control_set(w, region(s, "hailar"), s->sov);
    hk_control_set(w, region(s, "wangyemiao"), s->sov);
    hk_control_set(w, region(s, "chifeng"), s->sov);
    assert_int_equal(hk_campaign_objective(w, western, HK_SIDE_JPN, NULL), -1);
    w->sov_men = 3 * w->jpn_men; /* outnumbered: the model alone would fall back */
    w->war_on = w->month - 12;   /* past the opening offensive: Japan takes nothing back elsewhere */
    w->player = s->jpn;
    w->orders_given = true;
    for (int f = 0; f < HK_MAX_SECTORS; f++)
        w->orders.front_posture[f] = HK_FRONT_MODEL;
    w->orders.reinforce_front = -1;
    w->orders.front_posture[western] = HK_FRONT_ATTACK;
    hk_campaign_step(w);
    assert_int_equal(w->camp.front[western].posture[HK_SIDE_JPN], HK_FRONT_HOLD);
    assert_true(w->camp.front[western].refused[HK_SIDE_JPN]);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A region cut off from every route to its side's bases is encircled; a
 * Japanese front holding only such ground will not surrender: it holds out,
 * besieged, and keeps its ground while it has men. */
static void test_encirclement(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_GOING_SD] = 0; /* the usual pace: the weather is not what is tested here */
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    w->war_on = w->month - 12; /* past the opening offensive: nobody attacks at even odds */
    int hailar = region(s, "hailar"), manzhouli = region(s, "manzhouli"), qiqihar = region(s, "qiqihar");
    assert_int_equal(hk_campaign_encircled(w, HK_SIDE_JPN), 0);
    /* the Soviet side takes Qiqihar behind Hailar: Hailar and Manzhouli are cut off
     * (Nomonhan's road leads only to Mongolia) */
    hk_control_set(w, qiqihar, s->sov);
    hk_control_set(w, region(s, "nomonhan"), s->mgl);
    uint64_t cut = hk_campaign_encircled(w, HK_SIDE_JPN);
    assert_true((cut >> hailar) & 1);
    assert_true((cut >> manzhouli) & 1);
    assert_false((cut >> region(s, "harbin")) & 1);
    int argun = sector(s, "argun");
    double before = w->camp.front[argun].men[HK_SIDE_JPN];
    assert_true(before > 0);
    hk_campaign_step(w);
    assert_true(w->camp.front[argun].besieged[HK_SIDE_JPN]);
    double left = w->camp.front[argun].men[HK_SIDE_JPN];
    assert_true(left > 0.5 * before); /* not wiped out within the month */
    assert_int_equal(hk_control_side(w, hailar), left >= 100 ? HK_SIDE_JPN : HK_SIDE_SOV);
    assert_float_equal(w->camp.prisoners[HK_SIDE_JPN], 0, 0); /* no surrender */
    hk_world_free(w);
    hk_scenario_free(s);
}

/* Ground cut off only over the sea (Kamchatka behind Vladivostok) is not
 * taken by an army that cannot march in: it stays with its holder, and
 * when Vladivostok is retaken nothing of it is left to the other side (an
 * armistice once left Japan "holding" Petropavlovsk it never reached). */
static void test_sea_cut_ground_stays(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world(&su, HK_SIDE_JPN);
    int vlad = region(s, "vladivostok"), kam = region(s, "petropavlovsk");
    for (int f = 0; f < s->n_sectors; f++)
        for (int side = 0; side < 2; side++)
            w->camp.front[f].men[side] = w->camp.front[f].tanks[side] = 0;
    w->jpn_men = w->sov_men = 0;
    /* nor any island force that could land there (landings.c) */
    for (int k = 0; k <= HK_ISL_SLOTS; k++)
        w->isl.men[k] = w->isl.tanks[k] = w->isl.bh_men[k] = w->isl.bh_tanks[k] = 0;
    hk_control_set(w, vlad, s->jpn);
    assert_true((hk_campaign_encircled(w, HK_SIDE_SOV) >> kam) & 1);
    hk_campaign_step(w);
    assert_int_equal(hk_control_side(w, kam), HK_SIDE_SOV);
    hk_control_set(w, vlad, s->sov);
    hk_campaign_step(w);
    assert_int_equal(hk_campaign_taken(w, HK_SIDE_JPN, NULL), 0);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A landing on an island garrison after Japan's surrender is announced
 * (Shumshu, 18 August 1945): the garrison, no longer bound to the last, is
 * neither routed nor pursued when its line breaks. What it loses in a
 * battle it loses is what the fighting costs it, never half of the men it
 * committed within three days (the linter's wiped_out_in_days); those left
 * lay down their arms as prisoners. */
typedef struct isle_log {
    int battles, wiped;
} isle_log;

static void note_isle(void *ud, const hk_log_event *e)
{
    isle_log *g = ud;
    if (!e->has_facts || !e->id || strcmp(e->id, "kurils_north") != 0)
        return;
    const hk_event_facts *f = &e->facts;
    if (f->winner != HK_SIDE_SOV)
        return; /* (a garrison that holds is not what is tested) */
    g->battles++;
    if (f->committed[HK_SIDE_JPN] >= 100 && f->casualties[HK_SIDE_JPN] >= 0.5 * f->committed[HK_SIDE_JPN] &&
        f->days > 0 && f->days <= 3)
        g->wiped++;
}

static void test_island_garrison_yields_not_routed(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    int kur = region(s, "kurils_north"), kam = region(s, "petropavlovsk");
    isle_log g = {0, 0};
    for (uint64_t run = 0; run < 300; run++) {
        hk_world *w = war_world_run(&su, HK_SIDE_SOV, run);
        hk_island_state *is = &w->isl;
        for (int k = 0; k <= HK_ISL_SLOTS; k++) {
            is->men[k] = is->tanks[k] = is->guns[k] = is->aircraft[k] = is->bh_men[k] = is->holdout[k] = 0;
            is->side[k] = is->bh_side[k] = is->holdout_side[k] = is->sail_to[k] = -1;
        }
        hk_control_set(w, kur, s->jpn);
        hk_control_set(w, kam, s->sov);
        int j = is->slot[kur], v = is->slot[kam];
        assert_true(j < HK_ISL_SLOTS && v < HK_ISL_SLOTS);
        is->men[j] = 23000; /* the 91st Division (forces.yaml islands) */
        is->quality[j] = 1;
        is->works[j] = 1;
        is->side[j] = HK_SIDE_JPN;
        is->men[v] = 40000; /* a strong landing force, with its guns and tanks */
        is->guns[v] = 600;
        is->tanks[v] = 100;
        is->quality[v] = 1;
        is->side[v] = HK_SIDE_SOV;
        is->since[v] = -60; /* its shipping gathered long since */
        is->lift[v] = 8821; /* the shipping at Petropavlovsk (forces.yaml islands) */
        w->war_on = w->month - 12;
        w->camp.start_day = 1;
        w->camp.surrender_day = 1; /* announced from the 2nd */
        hk_observer obs = {note_isle, NULL, &g};
        w->obs = &obs;
        hk_landings_step(w);
        w->obs = NULL;
        hk_world_free(w);
    }
    assert_true(g.battles > 0);
    assert_int_equal(g.wiped, 0);
    hk_scenario_free(s);
}

/* The island fronts' odds are worked out again when anything they depend
 * on changes, not only the men and the haul: a garrison that leaves its
 * works (fortified) for prepared positions, its men the same, is attacked
 * at better odds (landings.c keyed its cache on men and haul alone). */
static void test_island_odds_follow_posture(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = war_world_run(&su, HK_SIDE_SOV, 0);
    hk_island_state *is = &w->isl;
    int ns = region(s, "north_sakhalin"), ss = region(s, "south_sakhalin");
    for (int k = 0; k <= HK_ISL_SLOTS; k++) {
        is->men[k] = is->tanks[k] = is->guns[k] = is->aircraft[k] = is->bh_men[k] = is->holdout[k] = 0;
        is->side[k] = is->bh_side[k] = is->holdout_side[k] = is->sail_to[k] = -1;
    }
    hk_control_set(w, ns, s->sov);
    hk_control_set(w, ss, s->jpn);
    int a = is->slot[ns], d = is->slot[ss];
    assert_true(a < HK_ISL_SLOTS && d < HK_ISL_SLOTS);
    is->men[a] = 2000; /* too weak to attack in either posture */
    is->quality[a] = 1;
    is->side[a] = HK_SIDE_SOV;
    is->men[d] = 19000;
    is->quality[d] = 1;
    is->works[d] = 1;
    is->since[d] = 0; /* on its station: in its works */
    is->side[d] = HK_SIDE_JPN;
    w->war_on = w->month - 12; /* past its opening months */
    w->camp.start_day = 1;
    w->camp.surrender_day = 0;
    is->order_day[HK_SIDE_SOV] = 0; /* (the Soviet island operations ordered, */
    is->order_day[HK_SIDE_JPN] = -1; /* Japan's not: its garrison holds) */
    hk_landings_step(w);
    double fortified = is->odds[d];
    assert_true(fortified > 0 && fortified < 1);
    assert_int_equal(hk_control_side(w, ss), HK_SIDE_JPN);
    is->works[d] = 0; /* the same men, out of their works */
    hk_landings_step(w);
    assert_true(is->odds[d] > fortified * 1.05);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A land attack's rear landing is a second force of the attacker, not the
 * attacking force's own sea lane: from northern Sakhalin alone the attack
 * over the 50th parallel is no envelopment (landings.c once let the force
 * attacking over land outflank itself by its own shipping); with the
 * North Pacific Flotilla's force at Sovetskaya Gavan ready, that force
 * lands behind the line and fights in the attack, its men committed with
 * it (Toro, 16 August 1945). */
typedef struct rear_log {
    int attacks, outflanked, with_landing;
    double committed;
} rear_log;

static void note_rear(void *ud, const hk_log_event *e)
{
    rear_log *g = ud;
    if (!e->has_facts || !e->id || strcmp(e->id, "south_sakhalin") != 0 || !e->text)
        return;
    g->attacks++;
    if (strstr(e->text, "outflanking") || strstr(e->text, "landing on the coast"))
        g->outflanked++;
    if (strstr(e->text, "from Sovetskaya Gavan")) {
        g->with_landing++;
        g->committed = e->facts.committed[HK_SIDE_SOV];
    }
}

static void test_island_rear_landing_is_another_force(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    int ns = region(s, "north_sakhalin"), ss = region(s, "south_sakhalin"), sg = region(s, "sovgavan");
    assert_true(sg >= 0);
    for (int with = 0; with < 2; with++) {
        hk_world *w = war_world_run(&su, HK_SIDE_SOV, 0);
        hk_island_state *is = &w->isl;
        for (int k = 0; k <= HK_ISL_SLOTS; k++) {
            is->men[k] = is->tanks[k] = is->guns[k] = is->aircraft[k] = is->bh_men[k] = is->holdout[k] = 0;
            is->side[k] = is->bh_side[k] = is->holdout_side[k] = is->sail_to[k] = -1;
        }
        hk_control_set(w, ns, s->sov);
        hk_control_set(w, ss, s->jpn);
        hk_control_set(w, sg, s->sov);
        int a = is->slot[ns], d = is->slot[ss], r = is->slot[sg];
        assert_true(a < HK_ISL_SLOTS && d < HK_ISL_SLOTS && r < HK_ISL_SLOTS);
        is->men[a] = 20000; /* the 56th Rifle Corps (forces.yaml islands) */
        is->tanks[a] = 100;
        is->guns[a] = 344;
        is->quality[a] = 1;
        is->side[a] = HK_SIDE_SOV;
        is->since[a] = -60;
        is->men[d] = 3000; /* a garrison the corps attacks */
        is->guns[d] = 12;
        is->quality[d] = 0.5;
        is->works[d] = 1;
        is->side[d] = HK_SIDE_JPN;
        if (with) {
            is->men[r] = 3451;
            is->guns[r] = 59;
            is->quality[r] = 1;
            is->side[r] = HK_SIDE_SOV;
            is->since[r] = -60; /* its shipping gathered long since */
            is->lift[r] = 3451; /* its shipping takes it in one lift */
        }
        w->war_on = w->month - 12;
        w->camp.start_day = 1;
        w->camp.surrender_day = 0;
        is->day = 20; /* its orders long given: any shipping is ready */
        is->order_day[HK_SIDE_SOV] = 0;
        is->order_day[HK_SIDE_JPN] = -1;
        rear_log g = {0, 0, 0, 0};
        hk_observer obs = {note_rear, NULL, &g};
        w->obs = &obs;
        hk_landings_step(w);
        w->obs = NULL;
        assert_true(g.attacks > 0);
        if (!with) {
            assert_int_equal(g.outflanked, 0);
        } else {
            assert_true(g.with_landing > 0);
            assert_true(fabs(g.committed - 23451) < 1);
        }
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

/* The answer at sea (landings.c sail): when Japan attacks northern
 * Sakhalin, the Soviet force at Sovetskaya Gavan with the North Pacific
 * Flotilla's shipping sails across the Tatar Strait to reinforce it, one
 * lift each round trip; not in the months the lane is closed by ice
 * (links.yaml), and not a force with no shipping at hand. */
static void test_island_answer_at_sea(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    int ns = region(s, "north_sakhalin"), ss = region(s, "south_sakhalin"), sg = region(s, "sovgavan");
    assert_true(ns >= 0 && ss >= 0 && sg >= 0);
    /* 0: August, with shipping; 1: January (ice); 2: August, no shipping */
    for (int c = 0; c < 3; c++) {
        hk_world *w = war_world_run(&su, HK_SIDE_JPN, 0);
        if (c == 1)
            w->month = w->war_on = hk_month_of(1942, 1);
        hk_island_state *is = &w->isl;
        for (int k = 0; k <= HK_ISL_SLOTS; k++) {
            is->men[k] = is->tanks[k] = is->guns[k] = is->aircraft[k] = is->bh_men[k] = is->holdout[k] = 0;
            is->lift[k] = 0;
            is->side[k] = is->bh_side[k] = is->holdout_side[k] = is->sail_to[k] = -1;
        }
        hk_control_set(w, ns, s->sov);
        hk_control_set(w, ss, s->jpn);
        hk_control_set(w, sg, s->sov);
        int a = is->slot[ss], d = is->slot[ns], r = is->slot[sg];
        assert_true(a < HK_ISL_SLOTS && d < HK_ISL_SLOTS && r < HK_ISL_SLOTS);
        is->men[a] = 12000; /* Hokkaido's division, come over to attack */
        is->guns[a] = 36;
        is->quality[a] = 1;
        is->side[a] = HK_SIDE_JPN;
        is->men[d] = 18000; /* the 79th Rifle Division, reinforced: it holds */
        is->guns[d] = 206;
        is->quality[d] = 1;
        is->side[d] = HK_SIDE_SOV;
        is->men[r] = 3000; /* the regiment at Sovetskaya Gavan (forces.yaml islands) */
        is->guns[r] = 52;
        is->quality[r] = 1;
        is->side[r] = HK_SIDE_SOV;
        is->lift[r] = c == 2 ? 0 : 1400;
        w->camp.start_day = 1;
        w->camp.surrender_day = 0;
        is->order_day[HK_SIDE_JPN] = 0; /* Japan's island operations ordered */
        is->order_day[HK_SIDE_SOV] = -1;
        hk_landings_step(w);
        if (c == 0) {
            assert_true(is->answer_day[HK_SIDE_SOV] >= 0);
            assert_int_equal(hk_control_side(w, ns), HK_SIDE_SOV);
            assert_true(is->men[r] < 1);
            assert_true(is->lift[d] >= 1400);
        } else {
            assert_true(fabs(is->men[r] - 3000) < 1);
        }
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

/* The fronts are the formations placed on them, counted once: when a forced
 * strike north opens, each side's fronts together hold no more than its
 * theatre army, and Japan's main axis holds the most of its fronts. */
static void test_fronts_placed(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    for (uint64_t seed = 1; seed <= 4; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        while (!hk_world_done(w) && !w->war)
            hk_world_step(w, NULL);
        assert_true(w->war);
        int axis = w->camp.main_axis;
        assert_true(axis >= 0);
        for (int side = 0; side < 2; side++) {
            double sum = 0, army = side == HK_SIDE_JPN ? w->jpn_men : w->sov_men;
            for (int f = 0; f < s->n_formations; f++)
                if (w->c->form_side[f] == side && w->c->form_pool[f] < 0)
                    army += w->formation[f].men;
            for (int f = 0; f < s->n_sectors; f++)
                sum += w->camp.front[f].men[side];
            assert_true(sum <= army + 1);
            assert_true(sum > 0.3 * army);
        }
        for (int f = 0; f < s->n_sectors; f++)
            assert_true(w->camp.front[f].men[HK_SIDE_JPN] <= w->camp.front[axis].men[HK_SIDE_JPN]);
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

/* A front holding its fortified zone with more combat power than its
 * attacker is not driven out of it because one echelon's battle went
 * against it on the losses (war.works_hold): only a collapse of its line
 * gives its works up. The Japanese main blow of a forced strike north in
 * 1941 meets the Soviet front in its works on the Ussuri at about a quarter
 * of the defence's combat power: without the rule it takes Voroshilov in
 * its first month in most runs, with it in a minority. */
static int works_fall(double works_hold, int runs)
{
    hk_scenario *s = builtin();
    int fell = 0, us = region(s, "ussuriysk");
    char err[512];
    for (int run = 1; run <= runs; run++) {
        hk_setup su;
        hk_setup_init(&su, s);
        su.param[HK_P_WAR_WORKS_HOLD] = works_hold;
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, (uint64_t)run, 0);
        while (!hk_world_done(w) && !w->war)
            hk_world_step(w, NULL);
        assert_true(w->war);
        fell += hk_control_side(w, us) == HK_SIDE_JPN;
        hk_world_free(w);
    }
    hk_scenario_free(s);
    return fell;
}

static void test_works_hold(void **state)
{
    (void)state;
    int runs = 16;
    int without = works_fall(0, runs), with = works_fall(1.0, runs);
    printf("works_hold: Voroshilov falls in %d of %d runs without the works' rule, %d with it\n", without, runs, with);
    assert_true(with < runs / 2);
    assert_true(with <= without);
}

/* A fortified zone held with less combat power than its attacker is still
 * not given up because a stage's losses went against it: only when its
 * line is broken through or breaks off (works_given). Even with
 * war.works_hold off, the Japanese main blow of a forced strike north takes
 * Voroshilov in its first month in a minority of runs (it took it in most
 * when a stage won on the losses broke the line). */
static void test_fortified_line_holds(void **state)
{
    (void)state;
    int runs = 16;
    int fell = works_fall(0, runs);
    printf("fortified line: Voroshilov falls in %d of %d runs with war.works_hold off\n", fell, runs);
    assert_true(fell < runs / 2);
}

/* A front's armour is what its theatre has: the fronts of a forced strike
 * north hold no more tanks between them than the theatre's formations
 * (their weapons per man times the men outside the garrisons), month by
 * month, also after the Far East gives tanks up in the second half of 1941
 * (forces.yaml); so a Soviet counter-stroke on one front has the armour
 * that front holds and what the reserve has left, not the whole theatre's. */
static void test_front_armour_within_theatre(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    int total = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        int months = 0;
        while (!hk_world_done(w) && w->month < hk_month_of(1942, 7)) {
            hk_world_step(w, NULL);
            if (!w->war)
                continue;
            months++;
            for (int side = 0; side < 2; side++) {
                double men = 0, tanks = 0, held = 0;
                for (int f = 0; f < s->n_formations; f++)
                    if (w->c->form_side[f] == side) {
                        men += w->formation[f].men;
                        tanks += w->formation[f].tanks;
                    }
                for (int f = 0; f < s->n_sectors; f++)
                    held += w->camp.front[f].tanks[side];
                double pool = hk_campaign_reserve(w, side);
                for (int f = 0; f < s->n_sectors; f++)
                    pool += w->camp.front[f].men[side];
                double theatre = men > 0 ? tanks / men * pool : 0;
                assert_true(held <= theatre * 1.001 + 1);
            }
        }
        total += months;
        hk_world_free(w);
    }
    assert_true(total >= 6); /* the test reads months of war past 1941-12 */
    hk_scenario_free(s);
}

/* --decide: parsing, the nearest valid decision for a typo, dates inside
 * the scenario; a forced strike north opens the war that month. */
static void note_decision(void *ud, const char *name, const char *what)
{
    (void)what;
    *(int *)ud |= (strcmp(name, "SOV.enter_war") == 0) | (strcmp(name, "JPN.sign.neutrality_pact") == 0) << 1;
}

static void test_decide(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[512];
    assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
    assert_int_equal(su.n_decide, 1);
    assert_int_equal(su.decide[0].kind, HK_DECIDE_STRIKE_NORTH);
    assert_int_equal(su.decide[0].actor, s->jpn);
    assert_int_equal(su.decide[0].month, hk_month_of(1941, 8));
    assert_int_equal(hk_setup_decide(&su, "SOV.denounce.neutrality_pact=1944-04", err, sizeof err), 0);
    assert_int_equal(su.decide[1].kind, HK_DECIDE_DENOUNCE);
    assert_int_equal(su.decide[1].target, hk_scenario_treaty(s, "neutrality_pact"));
    assert_int_equal(hk_setup_decide(&su, "JPN.strike_nroth=1941-08", err, sizeof err), -1);
    assert_non_null(strstr(err, "JPN.strike_north"));
    assert_int_equal(hk_setup_decide(&su, "JPN.strike_north", err, sizeof err), -1);
    assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-13", err, sizeof err), -1);
    assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1950-01", err, sizeof err), -1);
    assert_int_equal(hk_setup_decide(&su, "SOV.strike_north=1941-08", err, sizeof err), -1);
    int listed = 0; /* bit 0: SOV.enter_war, bit 1: JPN.sign.neutrality_pact */
    hk_decisions_each(s, note_decision, &listed);
    assert_int_equal(listed, 3);

    hk_setup one;
    hk_setup_init(&one, s);
    assert_int_equal(hk_setup_decide(&one, "JPN.strike_north=1941-08", err, sizeof err), 0);
    /* the decision comes first as a mobilisation, then the attack, in a run
     * whose army stands short of the ratio the Army wants when it comes */
    hk_world *w = NULL;
    for (uint64_t run = 0; run < 10; run++) {
        w = hk_world_new(&one, HK_MODE_SIMULATE, 1, run);
        while (hk_world_month(w) <= hk_month_of(1941, 8))
            hk_world_step(w, NULL);
        if (!w->war)
            break;
        hk_world_free(w);
        w = NULL;
    }
    assert_non_null(w);
    assert_false(w->war);
    assert_int_equal(w->war_mobilising, 2);
    double men_at_decision = w->jpn_men;
    while (hk_world_month(w) <= hk_month_of(1941, 10) && !w->war)
        hk_world_step(w, NULL);
    assert_true(w->war);
    assert_true(w->war_on > hk_month_of(1941, 8) && w->war_on <= hk_month_of(1941, 10));
    assert_int_equal(w->war_opener, HK_SIDE_JPN);
    /* the mobilisation raised the army, whatever the first weeks of war cost */
    assert_true(w->jpn_men + w->war_losses[HK_SIDE_JPN] > men_at_decision);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A Soviet Union at war with Germany fights in the east only for its own
 * ground: in a Japanese strike north of 1941 it takes nothing Japan's side
 * held, and the Far East's army is held there (none drawn west). */
static void test_two_front_aims(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    char err[512];
    for (uint64_t seed = 1; seed <= 4; seed++) {
        hk_setup su;
        hk_setup_init(&su, s);
        assert_int_equal(hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err), 0);
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, seed, 0);
        bool fought = false;
        while (!hk_world_done(w) && hk_world_month(w) <= hk_month_of(1943, 12)) {
            hk_world_step(w, NULL);
            if (!w->war)
                continue;
            fought = true;
            assert_int_equal(hk_campaign_taken(w, HK_SIDE_SOV, NULL), 0);
            assert_true(w->sov_drawn == 0);
        }
        assert_true(fought);
        /* the war is over by the end of 1943, on the border or the winner's line */
        assert_false(w->war);
        assert_int_equal(hk_campaign_taken(w, HK_SIDE_SOV, NULL), 0);
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

/* Japan's surrender hands the Soviet side only the army that stands in its
 * zone: the Korea Army's formation at Keijo, south of the 38th parallel,
 * lays down its arms to the United States (General Order No. 1) and is no
 * Soviet prisoner. */
static void test_surrender_zone_prisoners(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_CEASEFIRE_DAYS] = 0;
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int keijo = region(s, "keijo");
    double south = 0, army = w->jpn_men;
    for (int f = 0; f < s->n_formations; f++)
        if (w->c->form_side[f] == HK_SIDE_JPN && w->formation[f].region == keijo)
            south += w->formation[f].men;
    assert_true(south > 0);
    w->japan_surrendered = true;
    hk_campaign_surrender(w);
    double pris = w->camp.prisoners[HK_SIDE_JPN];
    assert_true(pris > 0);
    assert_true(pris <= army - south + 1);
    assert_float_equal(w->war_losses[HK_SIDE_JPN], pris, 1);
    hk_world_free(w);
    hk_scenario_free(s);
}

/* A rearguard covering a front that falls back meets the attacker's leading
 * echelon (battle.echelons), not its whole front: the echelons behind come
 * up only after the rearguard has gone. */
typedef struct rearguard_log {
    int n;
    double committed_max;
} rearguard_log;

static void note_rearguard(void *ud, const hk_log_event *e)
{
    rearguard_log *g = ud;
    if (!e->text || strcmp(e->kind, "front") != 0 || !e->has_facts || !strstr(e->text, "as the defender falls back"))
        return;
    g->n++;
    if (e->facts.committed[HK_SIDE_SOV] > g->committed_max)
        g->committed_max = e->facts.committed[HK_SIDE_SOV];
}

#define JPN_ARGUN 150000.0
static void test_rearguard_meets_leading_echelon(void **state)
{
    (void)state;
    hk_scenario *s = builtin();
    hk_setup su;
    hk_setup_init(&su, s);
    su.param[HK_P_WAR_BORDER_GARRISON] = 0; /* the whole front falls back */
    hk_world *w = war_world(&su, HK_SIDE_SOV);
    int argun = sector(s, "argun");
    for (int f = 0; f < s->n_sectors; f++) {
        w->camp.front[f].men[HK_SIDE_JPN] = f == argun ? JPN_ARGUN : 5000;
        w->camp.front[f].tanks[HK_SIDE_JPN] = 0;
        if (f != argun)
            w->camp.front[f].men[HK_SIDE_SOV] = w->camp.front[f].tanks[HK_SIDE_SOV] = 0;
    }
    w->camp.front[argun].men[HK_SIDE_SOV] = 400000;
    w->camp.front[argun].tanks[HK_SIDE_SOV] = 800;
    w->camp.front[argun].guns[HK_SIDE_SOV] = 6000;
    w->camp.front[argun].posture[HK_SIDE_JPN] = HK_FRONT_WITHDRAW;
    w->jpn_men = JPN_ARGUN + 5000.0 * (s->n_sectors - 1);
    w->sov_men = 400000;
    rearguard_log g = {0};
    hk_observer obs = {note_rearguard, NULL, &g};
    w->obs = &obs;
    hk_campaign_step(w);
    w->obs = NULL;
    assert_true(g.n >= 1);
    assert_true(g.committed_max <= 400000.0 / su.param[HK_P_BATTLE_ECHELONS] + 1);
    hk_world_free(w);
    hk_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_control_follows_record),
        cmocka_unit_test(test_supply_flow),
        cmocka_unit_test(test_front_moves),
        cmocka_unit_test(test_front_line),
        cmocka_unit_test(test_no_flapping),
        cmocka_unit_test(test_works_hold_at_parity),
        cmocka_unit_test(test_counter_stroke_under_stavka),
        cmocka_unit_test(test_air_in_odds),
        cmocka_unit_test(test_held_blow_not_renewed),
        cmocka_unit_test(test_armistice_quiets_border),
        cmocka_unit_test(test_south_seeks_armistice),
        cmocka_unit_test(test_attack_order_refused),
        cmocka_unit_test(test_encirclement),
        cmocka_unit_test(test_decide),
        cmocka_unit_test(test_two_front_aims),
        cmocka_unit_test(test_sea_cut_ground_stays),
        cmocka_unit_test(test_island_garrison_yields_not_routed),
        cmocka_unit_test(test_island_odds_follow_posture),
        cmocka_unit_test(test_island_rear_landing_is_another_force),
        cmocka_unit_test(test_island_answer_at_sea),
        cmocka_unit_test(test_fronts_placed),
        cmocka_unit_test(test_border_garrison),
        cmocka_unit_test(test_garrison_assaulted_after_left),
        cmocka_unit_test(test_river_crossing_holds_armour),
        cmocka_unit_test(test_soviet_fortress_and_fall_back),
        cmocka_unit_test(test_fall_back_toward_bases),
        cmocka_unit_test(test_main_line_stand),
        cmocka_unit_test(test_hutou_invested),
        cmocka_unit_test(test_fortified_in_depth),
        cmocka_unit_test(test_front_attacks_from_own_ground),
        cmocka_unit_test(test_fortress_own_garrison),
        cmocka_unit_test(test_losses_by_front),
        cmocka_unit_test(test_march_takes_days),
        cmocka_unit_test(test_fuel_halts_armour),
        cmocka_unit_test(test_stalemate_takes_months),
        cmocka_unit_test(test_surrender_zone_prisoners),
        cmocka_unit_test(test_rearguard_meets_leading_echelon),
        cmocka_unit_test(test_works_hold),
        cmocka_unit_test(test_fortified_line_holds),
        cmocka_unit_test(test_front_armour_within_theatre),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
