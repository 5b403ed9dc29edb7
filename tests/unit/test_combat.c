/* test_combat.c — the combat model's properties and SPEC parsing. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/rng.h"
#include "model/combat.h"

static hk_combat_side side(double men, double tanks, double guns, double air)
{
    hk_combat_side s;
    memset(&s, 0, sizeof s);
    s.men = men;
    s.tanks = tanks;
    s.guns = guns;
    s.aircraft = air;
    s.quality = 1;
    return s;
}

static double share(const hk_combat_result *r, int i, const hk_combat_side *s)
{
    return r->casualties[i] / s->men;
}

static void test_more_men_lowers_own_loss_share(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side def = side(20000, 50, 100, 0);
    double last_att = INFINITY, last_def = -INFINITY;
    for (double men = 10000; men <= 80000; men += 10000) {
        hk_combat_side att = side(men, 50, 100, 0);
        hk_combat_result r;
        hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r);
        double sa = share(&r, 0, &att), sd = share(&r, 1, &def);
        assert_true(sa < last_att);  /* the bigger attacker loses a smaller share */
        assert_true(sd > last_def);  /* and the defender a larger one */
        last_att = sa;
        last_def = sd;
    }
    /* the same on the defender's side */
    hk_combat_side att = side(30000, 50, 100, 0);
    double last = INFINITY;
    for (double men = 10000; men <= 80000; men += 10000) {
        hk_combat_side d = side(men, 50, 100, 0);
        hk_combat_result r;
        hk_combat_resolve(&p, &att, &d, HK_TERRAIN_PLAIN, 5, NULL, &r);
        assert_true(share(&r, 1, &d) < last);
        last = share(&r, 1, &d);
    }
}

static void test_supply_distance_hurts(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(hk_combat_supply_factor(&p, 0) == 1.0);
    assert_true(hk_combat_supply_factor(&p, 650) < hk_combat_supply_factor(&p, 200));
    assert_true(hk_combat_supply_factor(&p, 1e9) >= p.supply_floor);
    hk_combat_side def = side(30000, 100, 150, 50);
    double last_share = -1, last_power = INFINITY;
    for (double km = 0; km <= 1000; km += 250) {
        hk_combat_side att = side(50000, 300, 400, 300);
        att.supply_km = km;
        hk_combat_result r;
        hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 30, NULL, &r);
        double pw = hk_combat_power(&p, &att, 0, HK_TERRAIN_STEPPE);
        assert_true(pw < last_power);
        assert_true(share(&r, 0, &att) > last_share);
        last_power = pw;
        last_share = share(&r, 0, &att);
    }
}

static void test_symmetric_forces_are_close(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 40, 80, 20), d = side(20000, 40, 80, 20);
    hk_combat_result r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 3, NULL, &r);
    double ratio = r.casualties[0] / r.casualties[1];
    assert_true(ratio > 0.67 && ratio < 1.5);
    /* Near even as the winner rule reads it: the score with the attacker's
     * fitted edge (at parity the attacker loses a larger share a day, as
     * Dupuy's rates have it, and the bias weighs that). */
    assert_true(fabs(r.score + p.winner_bias) < 0.5);
    assert_true(fabs(r.power_ratio - 1) < 1e-12);
}

static void test_quality_and_posture_help(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 40, 80, 20), d = side(20000, 40, 80, 20);
    hk_combat_result base, better;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 3, NULL, &base);
    a.quality = 2;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 3, NULL, &better);
    assert_true(better.casualties[0] < base.casualties[0]);
    assert_true(better.casualties[1] > base.casualties[1]);
    assert_true(better.score > base.score);
    /* a fortified defender is stronger than a hasty one */
    a.quality = 1;
    d.posture = HK_POSTURE_FORTIFIED;
    assert_true(hk_combat_power(&p, &d, 1, HK_TERRAIN_PLAIN) >
                hk_combat_power(&p, &a, 1, HK_TERRAIN_PLAIN));
}

static void test_deterministic_without_rng(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(57000, 498, 542, 515), d = side(30000, 120, 135, 0);
    a.supply_km = 650;
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_result r1, r2;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_STEPPE, 120, NULL, &r1);
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_STEPPE, 120, NULL, &r2);
    assert_memory_equal(&r1, &r2, sizeof r1);
}

static void test_rng_same_seed_same_battle(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(40000, 100, 200, 50), d = side(30000, 80, 150, 40);
    hk_rng r1, r2, r3;
    hk_rng_init(&r1, 7, 3);
    hk_rng_init(&r2, 7, 3);
    hk_combat_result x1, x2;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 10, &r1, &x1);
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 10, &r2, &x2);
    assert_memory_equal(&x1, &x2, sizeof x1);
    /* the stream moves by exactly two normal draws: the collapse's uniform
     * comes from a child stream */
    hk_rng_init(&r3, 7, 3);
    hk_rng_normal(&r3);
    hk_rng_normal(&r3);
    assert_true(p.collapse_share > 0);
    assert_memory_equal(&r1, &r3, sizeof r1);
    /* the same with the collapse off */
    hk_combat_params off = p;
    off.collapse_share = 0;
    hk_rng_init(&r1, 7, 3);
    hk_combat_resolve(&off, &a, &d, HK_TERRAIN_PLAIN, 10, &r1, &x2);
    hk_rng_init(&r3, 7, 3);
    hk_rng_normal(&r3);
    hk_rng_normal(&r3);
    assert_memory_equal(&r1, &r3, sizeof r1);
    /* and different runs differ */
    int differ = 0;
    for (uint64_t run = 0; run < 20; run++) {
        hk_rng r;
        hk_rng_init(&r, 7, run);
        hk_combat_result y;
        hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 10, &r, &y);
        differ += fabs(y.casualties[0] - x1.casualties[0]) > 1;
    }
    assert_true(differ > 10);
}

static void test_losses_bounded_and_days(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    const double men[] = {1, 100, 5000, 200000};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            for (int days = 1; days <= 200; days *= 7) {
                hk_combat_side a = side(men[i], 10, 10, 10), d = side(men[j], 0, 5, 0);
                hk_combat_result r;
                hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, days, NULL, &r);
                assert_true(r.days >= 1 && r.days <= days);
                assert_true(r.casualties[0] >= 0 && r.casualties[0] <= a.men + 1e-9);
                assert_true(r.casualties[1] >= 0 && r.casualties[1] <= d.men + 1e-9);
                assert_true(r.loss[0].tanks <= a.tanks + 1e-9 && r.loss[1].guns <= d.guns + 1e-9);
                assert_true(r.loss[0].men == r.casualties[0]);
                assert_true(r.winner == HK_COMBAT_ATTACKER || r.winner == HK_COMBAT_DEFENDER ||
                            r.winner == HK_COMBAT_DRAW);
            }
}

static void test_overwhelming_force_breaks_the_enemy(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(200000, 1000, 2000, 500), d = side(10000, 0, 20, 0);
    hk_combat_result r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 365, NULL, &r);
    assert_int_equal(r.winner, HK_COMBAT_ATTACKER);
    assert_true(r.broke_off[HK_COMBAT_DEFENDER] > 0);
    assert_true(r.days < 365);
}

/* A beaten attacker falls back to its own lines and is pursued less far
 * than a beaten defender driven from its positions: on CDB90's fit part
 * the model with one pursuit for both overstated the losses of the
 * attackers it beat (mean log error +0.28, held out +0.46), and the fitted
 * cut is between 0 and 1. A beaten defender's losses are unchanged. */
static void test_beaten_attacker_pursued_less(void **state)
{
    (void)state;
    hk_combat_params p, same;
    hk_combat_params_default(&p);
    assert_true(p.pursuit_attacker_cut > 0 && p.pursuit_attacker_cut < 1);
    same = p;
    same.pursuit_attacker_cut = 0;
    /* an attack at one against three on a prepared defence in hills: beaten */
    hk_combat_side a = side(10000, 0, 50, 0), d = side(30000, 0, 150, 0);
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_result r, r0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &r);
    hk_combat_resolve(&same, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &r0);
    assert_int_equal(r.winner, HK_COMBAT_DEFENDER);
    assert_int_equal(r0.winner, HK_COMBAT_DEFENDER);
    assert_true(r.casualties[HK_COMBAT_ATTACKER] < r0.casualties[HK_COMBAT_ATTACKER]);
    double k = (1 + (1 - p.pursuit_attacker_cut) * p.pursuit) / (1 + p.pursuit);
    assert_true(fabs(r.casualties[HK_COMBAT_ATTACKER] - k * r0.casualties[HK_COMBAT_ATTACKER]) <
                1e-6 * r0.casualties[HK_COMBAT_ATTACKER]);
    assert_true(r.casualties[HK_COMBAT_DEFENDER] == r0.casualties[HK_COMBAT_DEFENDER]);
    /* an attack that wins: the beaten defender's pursuit is the whole one */
    hk_combat_side big = side(60000, 200, 600, 100);
    hk_combat_resolve(&p, &big, &d, HK_TERRAIN_PLAIN, 5, NULL, &r);
    hk_combat_resolve(&same, &big, &d, HK_TERRAIN_PLAIN, 5, NULL, &r0);
    assert_int_equal(r.winner, HK_COMBAT_ATTACKER);
    assert_true(r.casualties[HK_COMBAT_DEFENDER] == r0.casualties[HK_COMBAT_DEFENDER]);
    assert_true(r.casualties[HK_COMBAT_ATTACKER] == r0.casualties[HK_COMBAT_ATTACKER]);
}

static void test_casualties_bounded_by_firer_strength(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    /* Five men against a million: Helmbold's law alone has the five kill
     * hundreds a day each; the cap holds them to their own strength. */
    hk_combat_side a = side(5, 0, 0, 0), d = side(1000000, 0, 0, 0);
    hk_combat_result r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 3, NULL, &r);
    assert_true(r.casualties[HK_COMBAT_DEFENDER] <= HK_COMBAT_MAX_KILL_RATE * 5 * r.days + 1e-9);
    hk_combat_resolve(&p, &d, &a, HK_TERRAIN_PLAIN, 3, NULL, &r);
    assert_true(r.casualties[HK_COMBAT_ATTACKER] <= HK_COMBAT_MAX_KILL_RATE * 5 * r.days + 1e-9);
    /* Over a sweep of ratios, postures and random draws, what a side
     * inflicts (with the pursuit when it wins) stays within the cap on its
     * starting power for every day fought. */
    hk_rng rng;
    hk_rng_init(&rng, 11, 0);
    const double men[] = {1, 30, 1000, 50000, 2000000};
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            for (int post = 0; post < HK_POSTURE_COUNT; post++) {
                hk_combat_side x = side(men[i], men[i] / 500, men[i] / 100, 0);
                hk_combat_side y = side(men[j], 0, men[j] / 200, men[j] / 1000);
                y.posture = (hk_posture)post;
                y.no_surrender = post == 2;
                hk_combat_resolve(&p, &x, &y, HK_TERRAIN_STEPPE, 30, &rng, &r);
                double pw[2] = {hk_combat_power(&p, &x, 0, HK_TERRAIN_STEPPE),
                                hk_combat_power(&p, &y, 1, HK_TERRAIN_STEPPE)};
                for (int s = 0; s < 2; s++) {
                    double k = r.winner == s ? 1 + p.pursuit : 1;
                    assert_true(r.casualties[1 - s] <= HK_COMBAT_MAX_KILL_RATE * pw[s] * r.days * k + 1e-6);
                }
            }
}

static void test_empty_and_bad_inputs(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(0, 0, 0, 0), d = side(1000, 0, 0, 0);
    hk_combat_result r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 3, NULL, &r);
    assert_int_equal(r.winner, HK_COMBAT_DEFENDER);
    a = side(NAN, -5, INFINITY, 0);
    a.quality = NAN;
    a.supply_km = -3;
    hk_combat_resolve(&p, &a, &d, (hk_terrain)99, 0, NULL, &r);
    assert_int_equal(r.winner, HK_COMBAT_DEFENDER);
    assert_true(isfinite(r.casualties[1]));
}

static void test_spec_parsing(void **state)
{
    (void)state;
    hk_combat_side s;
    char name[16], err[512];
    assert_int_equal(hk_combat_parse_spec("SOV:men=57000,tanks=498,guns=542,aircraft=515", name,
                                          sizeof name, &s, err, sizeof err),
                     0);
    assert_string_equal(name, "SOV");
    assert_true(s.men == 57000 && s.tanks == 498 && s.guns == 542 && s.aircraft == 515);
    assert_true(s.quality == 1 && s.supply_km == 0 && s.posture == HK_POSTURE_HASTY);
    assert_int_equal(hk_combat_parse_spec("JPN:men=3e4,quality=1.5,supply_km=200,posture=prepared",
                                          name, sizeof name, &s, err, sizeof err),
                     0);
    assert_true(s.men == 30000 && s.quality == 1.5 && s.supply_km == 200);
    assert_int_equal(s.posture, HK_POSTURE_PREPARED);
    assert_int_equal(s.no_surrender, 0);
    assert_int_equal(hk_combat_parse_spec("JPN:men=30000,no_surrender=1", name, sizeof name, &s, err,
                                          sizeof err),
                     0);
    assert_int_equal(s.no_surrender, 1);

    static const char *const bad[] = {
        "",                         /* empty */
        "men=5",                    /* no SIDE: */
        ":men=5",                   /* empty SIDE */
        "S-V:men=5",                /* bad SIDE letters */
        "ABCDEFGHIJKLMNOPQ:men=5",  /* SIDE too long */
        "SOV:",                     /* no fields */
        "SOV:tanks=5",              /* men missing */
        "SOV:men=abc",              /* not a number */
        "SOV:men=-5",               /* negative */
        "SOV:men=5,tanks=1e999",    /* overflow */
        "SOV:men=5,horses=3",       /* unknown key */
        "SOV:men=5,men=6",          /* twice */
        "SOV:men=5,",               /* trailing comma */
        "SOV:men=5,,tanks=2",       /* empty field */
        "SOV:men=5,quality=0",      /* quality must be > 0 */
        "SOV:men=5,posture=dug_in", /* bad posture */
        "SOV:men",                  /* no '=' */
        "SOV:men=0",                /* nobody */
        "SOV:men=nan",              /* not finite */
        "SOV:men=1e300",            /* beyond any army */
        "SOV:men=5,quality=1000",   /* absurd quality */
        "SOV:men=5,no_surrender=2", /* not 0 or 1 */
        "SOV:men=5,no_surrender=",  /* empty */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        int rc = hk_combat_parse_spec(bad[i], name, sizeof name, &s, err, sizeof err);
        if (rc != -1)
            fail_msg("spec '%s' was accepted", bad[i]);
        assert_true(strlen(err) > 10);
    }
}

static void test_no_surrender_fights_longer_and_bloodier(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    /* The fitted factors make the side and its enemy lose more, and the
     * side stand past the ordinary break point. */
    assert_true(p.ns_rate_own >= 1 && p.ns_rate_enemy >= 1);
    assert_true(p.ns_break >= p.break_def && p.ns_break <= p.break_cap);
    hk_combat_side a = side(30000, 100, 200, 50), d = side(10000, 0, 40, 0);
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_result plain, ns;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 20, NULL, &plain);
    d.no_surrender = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 20, NULL, &ns);
    assert_true(ns.casualties[1] > plain.casualties[1]);
    assert_true(ns.casualties[1] <= d.men + 1e-9);
    /* Day by day its enemy pays more (over a whole battle it may pay less,
     * when the side that does not surrender is spent sooner). */
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &ns);
    d.no_surrender = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &plain);
    assert_true(ns.casualties[0] > plain.casualties[0]);
}

/* An outmatched side that does not surrender holds to its break point
 * (ns_no_collapse) instead of giving way on the force ratio; without the
 * rule it quits on the first day. */
static void test_no_surrender_holds_when_outmatched(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_int_equal(p.ns_no_collapse, 1);
    hk_combat_side a = side(40000, 300, 300, 100), d = side(2000, 0, 10, 0);
    d.posture = HK_POSTURE_PREPARED;
    d.no_surrender = 1;
    hk_combat_result held, quit, ordinary;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 10, NULL, &held);
    assert_true(held.broke_off[1] != 2);
    p.ns_no_collapse = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 10, NULL, &quit);
    assert_int_equal(quit.broke_off[1], 2);
    assert_true(held.days > quit.days);
    /* holding longer costs the attacker more */
    assert_true(held.casualties[0] > quit.casualties[0]);
    assert_true(held.casualties[1] <= d.men + 1e-9);
    /* an ordinary defender still gives way on the ratio, whatever the rule */
    p.ns_no_collapse = 1;
    d.no_surrender = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 10, NULL, &ordinary);
    assert_int_equal(ordinary.broke_off[1], 2);
}

/* The terms the fit leaves off change nothing at their zero values, and
 * act as documented when set: frontage holds the massed side's power in
 * contact down, armour on broken ground weighs less, heights help a
 * prepared defender on hills. */
static void test_terms_left_off(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(p.front_density == 0 && p.armour_broken == 0 && p.heights == 0);
    assert_int_equal(p.ns_own_outmatched, 0);
    hk_combat_side a = side(30000, 200, 100, 0), d = side(10000, 20, 40, 0);
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_result base, with;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &base);
    a.front_km = 3;
    d.front_km = 3;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &with);
    assert_memory_equal(&base, &with, sizeof base); /* no density: no limit */
    p.front_density = 2000; /* 6,000 men a side in contact */
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &with);
    assert_true(with.casualties[1] < base.casualties[1]);
    p.front_density = 0;
    double pw_hills = hk_combat_power(&p, &a, 0, HK_TERRAIN_HILLS);
    double pw_plain = hk_combat_power(&p, &a, 0, HK_TERRAIN_PLAIN);
    p.armour_broken = 0.5;
    assert_true(hk_combat_power(&p, &a, 0, HK_TERRAIN_HILLS) < pw_hills);
    assert_true(fabs(hk_combat_power(&p, &a, 0, HK_TERRAIN_PLAIN) - pw_plain) < 1e-9);
    double pw_def = hk_combat_power(&p, &d, 1, HK_TERRAIN_HILLS);
    p.heights = 0.2;
    assert_true(fabs(hk_combat_power(&p, &d, 1, HK_TERRAIN_HILLS) - 1.2 * pw_def) < 1e-6 * pw_def);
    d.posture = HK_POSTURE_HASTY;
    p.heights = 0;
    double pw_hasty = hk_combat_power(&p, &d, 1, HK_TERRAIN_HILLS);
    p.heights = 0.2;
    assert_true(fabs(hk_combat_power(&p, &d, 1, HK_TERRAIN_HILLS) - pw_hasty) < 1e-9);
}

static void test_quality_raises_break_point(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.break_cap = 0.95;
    /* With quality in the break points, the better defender is further
     * from giving way after the same losses: the score moves its way. */
    hk_combat_side a = side(60000, 0, 0, 0), d = side(20000, 0, 0, 0);
    d.quality = 1.5;
    hk_combat_result flat, raised;
    p.quality_break = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &flat);
    p.quality_break = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &raised);
    assert_true(flat.broke_off[0] == 0 && flat.broke_off[1] == 0);
    assert_true(raised.score < flat.score - 0.5);
}

/* strain: how near each side came to its break point when the fighting
 * stopped; below 1 for a line that held, and the score is the log ratio of
 * the two. */
static void test_strain(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 0, 60, 0), d = side(16000, 0, 50, 0);
    hk_combat_result r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &r);
    assert_true(r.broke_off[0] == 0 && r.broke_off[1] == 0);
    for (int i = 0; i < 2; i++)
        assert_true(r.strain[i] > 0 && r.strain[i] < 1);
    assert_true(fabs(r.score - (log(r.strain[1]) - log(r.strain[0]))) < 1e-6);
    /* A longer fight strains both sides more; lines that held stay under 1. */
    hk_combat_result longer;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 30, NULL, &longer);
    for (int i = 0; i < 2; i++) {
        assert_true(longer.strain[i] > r.strain[i]);
        if (!longer.broke_off[i] && !longer.broke_off[1 - i])
            assert_true(longer.strain[i] < 1);
    }
    /* A campaign reports its last engagement's strain, by side. */
    hk_combat_phase ph[2] = {{1, 0, 0}, {1, 1, 0}};
    hk_combat_result c, last;
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_PLAIN, 2, ph, NULL, &c);
    hk_combat_side a2 = a, d2 = d;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &r);
    a2.men -= r.loss[0].men, a2.guns -= r.loss[0].guns;
    d2.men -= r.loss[1].men, d2.guns -= r.loss[1].guns;
    hk_combat_resolve(&p, &d2, &a2, HK_TERRAIN_PLAIN, 1, NULL, &last);
    assert_true(fabs(c.strain[0] - last.strain[1]) < 1e-9 && fabs(c.strain[1] - last.strain[0]) < 1e-9);
}

static void test_campaign(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(57000, 498, 542, 515), d = side(30000, 120, 135, 200);
    a.supply_km = 650;
    d.supply_km = 240;
    d.posture = HK_POSTURE_PREPARED;
    /* One engagement with the first side attacking is the plain battle. */
    hk_combat_phase one = {12, 0, 0};
    hk_combat_result c, b;
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 1, &one, NULL, &c);
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_STEPPE, 12, NULL, &b);
    assert_memory_equal(&c, &b, sizeof c);
    /* With the second side attacking, the roles swap in the result too. */
    hk_combat_phase rev = {5, 1, 0};
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 1, &rev, NULL, &c);
    hk_combat_resolve(&p, &d, &a, HK_TERRAIN_STEPPE, 5, NULL, &b);
    assert_true(c.casualties[0] == b.casualties[1] && c.casualties[1] == b.casualties[0]);
    assert_true(c.winner == (b.winner == HK_COMBAT_DRAW ? HK_COMBAT_DRAW : 1 - b.winner));
    /* Two engagements cost more than the first alone, and the intensity
     * starts afresh: 2 x 6 days costs more than 12 continuous days. */
    hk_combat_phase two[2] = {{6, 0, 0}, {6, 0, 6}};
    hk_combat_result c2, c12;
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 2, two, NULL, &c2);
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 1, &one, NULL, &c12);
    assert_true(c2.casualties[0] > c12.casualties[0] * 0.999);
    assert_true(c2.casualties[0] <= a.men && c2.casualties[1] <= d.men);
    assert_true(c2.days <= 12);
    /* A bad phase list falls back to one day. */
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 0, NULL, NULL, &c);
    assert_true(c.days == 1);
}

static void test_campaign_buildup(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    /* The engagements alone (the days between them are tested below). */
    p.quiet_contact = 0;
    hk_combat_side a = side(50000, 400, 500, 400), d = side(25000, 100, 120, 150);
    hk_combat_side a0 = side(1000, 0, 10, 0), d0 = side(1200, 10, 5, 20);
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_phase ph[3] = {{3, 1, 0}, {5, 1, 50}, {10, 0, 100}};
    /* Two engagements, the second on the last day: the first is fought by
     * the day-0 strengths, the second by the peak strengths less what the
     * first cost each side. */
    hk_combat_phase two[2] = {{3, 1, 0}, {5, 0, 50}};
    hk_combat_result grow, e1, e2, peak;
    hk_combat_campaign_buildup(&p, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 2, two, NULL, &grow);
    hk_combat_side a1 = a, d1 = d;
    a1.men = a0.men, a1.tanks = a0.tanks, a1.guns = a0.guns, a1.aircraft = a0.aircraft;
    d1.men = d0.men, d1.tanks = d0.tanks, d1.guns = d0.guns, d1.aircraft = d0.aircraft;
    hk_combat_resolve(&p, &d1, &a1, HK_TERRAIN_STEPPE, 3, NULL, &e1); /* d attacks */
    hk_combat_side a2 = a, d2 = d;
    a2.men -= e1.loss[1].men, a2.tanks -= e1.loss[1].tanks;
    a2.guns -= e1.loss[1].guns, a2.aircraft -= e1.loss[1].aircraft;
    d2.men -= e1.loss[0].men, d2.tanks -= e1.loss[0].tanks;
    d2.guns -= e1.loss[0].guns, d2.aircraft -= e1.loss[0].aircraft;
    hk_combat_resolve(&p, &a2, &d2, HK_TERRAIN_STEPPE, 5, NULL, &e2); /* a attacks */
    assert_true(fabs(grow.casualties[0] - (e1.casualties[1] + e2.casualties[0])) < 1e-6);
    assert_true(fabs(grow.casualties[1] - (e1.casualties[0] + e2.casualties[1])) < 1e-6);
    assert_int_equal(grow.days, e1.days + e2.days);
    /* Over the campaign, growing forces cost less than the peak forces
     * from day 0, and a side never loses more than ever reached the field. */
    hk_combat_campaign_buildup(&p, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 3, ph, NULL, &grow);
    hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, 3, ph, NULL, &peak);
    assert_true(grow.casualties[0] < peak.casualties[0]);
    assert_true(grow.casualties[1] < peak.casualties[1]);
    assert_true(grow.casualties[0] <= a.men && grow.casualties[1] <= d.men);
    /* NULL starts are the peak campaign, bit for bit. */
    hk_combat_campaign_buildup(&p, &a, &d, NULL, NULL, HK_TERRAIN_STEPPE, 3, ph, NULL, &grow);
    assert_memory_equal(&grow, &peak, sizeof grow);
}

/* The quiet days between a campaign's engagements cost both sides what the
 * last engagement's decaying intensity gives a holding side; engagements
 * fought back to back, and a single battle, are unchanged. */
static void test_campaign_quiet_contact(void **state)
{
    (void)state;
    hk_combat_params on, off;
    hk_combat_params_default(&on);
    on.quiet_contact = 1;
    off = on;
    off.quiet_contact = 0;
    hk_combat_side a = side(50000, 400, 500, 400), d = side(25000, 100, 120, 150);
    hk_combat_side a0 = side(1000, 0, 10, 0), d0 = side(1200, 10, 5, 20);
    a.nation = HK_NATION_RUS;
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_phase gap[3] = {{3, 1, 0}, {5, 1, 50}, {10, 0, 100}};
    hk_combat_result q, n;
    hk_combat_campaign_buildup(&on, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 3, gap, NULL, &q);
    hk_combat_campaign_buildup(&off, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 3, gap, NULL, &n);
    for (int i = 0; i < 2; i++) {
        assert_true(q.quiet[i] > 0);
        assert_true(n.quiet[i] == 0);
        /* in contact for ~90 days, a few per cent of the peak at most */
        assert_true(q.quiet[i] < 0.2 * (i ? d.men : a.men));
        assert_true(q.casualties[i] <= (i ? d.men : a.men));
    }
    /* The army's loss factor acts on the quiet days too. */
    hk_combat_side other = a;
    other.nation = HK_NATION_OTHER;
    hk_combat_result qo;
    hk_combat_campaign_buildup(&on, &other, &d, &a0, &d0, HK_TERRAIN_STEPPE, 3, gap, NULL, &qo);
    assert_true(on.nation_loss[HK_NATION_RUS] > 1 && q.quiet[0] > qo.quiet[0]);
    assert_int_equal(q.days, n.days);
    /* An engagement that starts before the last one ended (here on day 1,
     * whatever the first fought) leaves no quiet day: the same result, bit
     * for bit. */
    hk_combat_phase tight[2] = {{3, 1, 0}, {5, 0, 1}};
    hk_combat_result t1, t0;
    hk_combat_campaign_buildup(&on, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 2, tight, NULL, &t1);
    hk_combat_campaign_buildup(&off, &a, &d, &a0, &d0, HK_TERRAIN_STEPPE, 2, tight, NULL, &t0);
    assert_memory_equal(&t1, &t0, sizeof t1);
    /* A single battle never reads the flag. */
    hk_combat_result b1, b0;
    hk_combat_resolve(&on, &a, &d, HK_TERRAIN_STEPPE, 10, NULL, &b1);
    hk_combat_resolve(&off, &a, &d, HK_TERRAIN_STEPPE, 10, NULL, &b0);
    assert_memory_equal(&b1, &b0, sizeof b1);
}

/* Weapons need men (support_exp): with the exponent at 1 or 0 the power is
 * men plus weapons; below 1 the weapons' worth saturates as they outnumber
 * the men, and a side without weapons is its men either way. */
static void test_support_saturation(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.support_exp = 0;
    hk_combat_side s = side(1000, 10, 10, 20), bare = side(1000, 0, 0, 0);
    double linear = hk_combat_power(&p, &s, 0, HK_TERRAIN_PLAIN);
    double bare_lin = hk_combat_power(&p, &bare, 0, HK_TERRAIN_PLAIN);
    p.support_exp = 0.5;
    double sat = hk_combat_power(&p, &s, 0, HK_TERRAIN_PLAIN);
    assert_true(sat < linear);
    assert_true(sat > hk_combat_power(&p, &bare, 0, HK_TERRAIN_PLAIN));
    assert_true(fabs(hk_combat_power(&p, &bare, 0, HK_TERRAIN_PLAIN) - bare_lin) < 1e-9);
}

static void test_no_surrender_does_not_win_by_standing(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    /* A no-surrender defender that loses a larger share than the attacker
     * is not the winner merely because it fights on: the score reads its
     * ordinary break point. */
    hk_combat_side a = side(40000, 300, 300, 200), d = side(15000, 20, 60, 0);
    d.posture = HK_POSTURE_PREPARED;
    d.no_surrender = 1;
    hk_combat_result own, ord;
    p.ns_score_ordinary = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 12, NULL, &own);
    p.ns_score_ordinary = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 12, NULL, &ord);
    /* Same fight, same losses; only the judgement moves, for the attacker. */
    assert_true(fabs(own.casualties[0] - ord.casualties[0]) < 1e-6 || own.winner != ord.winner);
    assert_true(ord.score > own.score);
}

static void test_parse_phases(void **state)
{
    (void)state;
    hk_combat_phase ph[HK_COMBAT_MAX_PHASES];
    int n, total;
    assert_int_equal(hk_combat_parse_phases("JPN:3@0,JPN:11@35,JPN:3@56,SOV:12@84", "SOV", "JPN",
                                            400, 3650, ph, &n, &total), 0);
    assert_int_equal(n, 4);
    assert_int_equal(total, 29);
    assert_int_equal(ph[1].days, 11);
    assert_int_equal(ph[1].second_attacks, 1);
    assert_int_equal(ph[1].start_day, 35);
    assert_int_equal(ph[3].second_attacks, 0);
    assert_int_equal(ph[3].start_day, 84);
    /* Without @, an engagement begins right after the one before. */
    assert_int_equal(hk_combat_parse_phases("JPN:3,SOV:12", "SOV", "JPN", 400, 3650, ph, &n, &total), 0);
    assert_int_equal(ph[0].start_day, 0);
    assert_int_equal(ph[1].start_day, 3);
    static const char *const bad[] = {"", "JPN", "XX:3", "JPN:0", "JPN:3,", ",JPN:3", "JPN:3@",
                                      "JPN:3@-1", "JPN:3@9999", "JPN:3@10,SOV:3@5", "JPN:x",
                                      "JPN:300,SOV:200", "JPN:3@1x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(hk_combat_parse_phases(bad[i], "SOV", "JPN", 400, 3650, ph, &n, &total), -1);
    assert_int_equal(hk_combat_parse_phases(NULL, "SOV", "JPN", 400, 3650, ph, &n, &total), -1);
}

static void test_names(void **state)
{
    (void)state;
    for (int t = 0; t < HK_TERRAIN_COUNT; t++)
        assert_int_equal(hk_combat_terrain_parse(hk_combat_terrain_name((hk_terrain)t)), t);
    assert_int_equal(hk_combat_terrain_parse("swamp"), -1);
    assert_int_equal(hk_combat_terrain_parse(NULL), -1);
    for (int q = 0; q < HK_POSTURE_COUNT; q++)
        assert_int_equal(hk_combat_posture_parse(hk_combat_posture_name((hk_posture)q)), q);
}

static void test_nation_loss_factor(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    /* The reference army takes 1; the fitted Russian factor is the largest
     * departure the fit part shows (docs/combat-validation.md). */
    assert_true(p.nation_loss[HK_NATION_OTHER] == 1);
    for (int k = 1; k < HK_NATION_COUNT; k++)
        assert_true(p.nation_loss[k] > 0.3 && p.nation_loss[k] < 3);
    /* Only the side's own loss share moves: a factor of 2 on one side
     * roughly doubles its first-day losses and leaves the enemy's share
     * at most a little lower (the side's power falls faster). */
    for (int k = 0; k < HK_NATION_COUNT; k++)
        p.nation_loss[k] = 1;
    p.nation_loss[HK_NATION_GER] = 2;
    p.pursuit = 0; /* the loser's extra losses would blur the comparison */
    hk_combat_side a = side(20000, 50, 100, 0), d = side(15000, 20, 80, 0);
    hk_combat_result base, ger;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &base);
    a.nation = HK_NATION_GER;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &ger);
    assert_true(ger.casualties[0] > 1.8 * base.casualties[0]);
    assert_true(ger.casualties[0] < 2.2 * base.casualties[0]);
    assert_true(ger.casualties[1] <= base.casualties[1] + 1e-9);
    /* An out-of-range nation is the reference, never a crash. */
    a.nation = 99;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &ger);
    assert_true(fabs(ger.casualties[0] - base.casualties[0]) < 1e-9);
}

static void test_nation_names_and_spec(void **state)
{
    (void)state;
    for (int k = 0; k < HK_NATION_COUNT; k++)
        assert_int_equal(hk_combat_nation_parse(hk_combat_nation_name(k)), k);
    assert_int_equal(hk_combat_nation_parse("SOV"), HK_NATION_RUS);
    assert_int_equal(hk_combat_nation_parse("ussr"), HK_NATION_RUS);
    assert_int_equal(hk_combat_nation_parse("JPN"), HK_NATION_JPN);
    assert_int_equal(hk_combat_nation_parse("MGL"), -1);
    assert_int_equal(hk_combat_nation_parse(NULL), -1);
    hk_combat_side s;
    char name[16], err[256];
    /* The SIDE name gives the army unless nation= says otherwise. */
    assert_int_equal(hk_combat_parse_spec("SOV:men=100", name, sizeof name, &s, err, sizeof err), 0);
    assert_int_equal(s.nation, HK_NATION_RUS);
    assert_int_equal(hk_combat_parse_spec("MGL:men=100", name, sizeof name, &s, err, sizeof err), 0);
    assert_int_equal(s.nation, HK_NATION_OTHER);
    assert_int_equal(
        hk_combat_parse_spec("A:men=100,nation=isr", name, sizeof name, &s, err, sizeof err), 0);
    assert_int_equal(s.nation, HK_NATION_ISR);
    assert_int_equal(
        hk_combat_parse_spec("SOV:men=100,nation=OTHER", name, sizeof name, &s, err, sizeof err), 0);
    assert_int_equal(s.nation, HK_NATION_OTHER);
    assert_int_equal(
        hk_combat_parse_spec("A:men=100,nation=XX", name, sizeof name, &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "nation 'XX'"));
}

static void test_fitted_parameters_are_sane(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(p.helmbold >= 0 && p.helmbold <= 2);
    assert_true(p.rate_att > 0 && p.rate_att < 0.5 && p.rate_def > 0 && p.rate_def < 0.5);
    assert_true(p.break_att > 0 && p.break_att < 1 && p.break_def > 0 && p.break_def < 1);
    assert_true(p.w_tank > 0 && p.w_gun > 0 && p.w_air > 0);
    assert_true(p.terrain[HK_TERRAIN_PLAIN] == 1 && p.posture[HK_POSTURE_HASTY] == 1);
    assert_true(p.dispersion == p.dispersion_ref);
}


/* Parameters with every planned-attack term switched on at known values,
 * so that the direction of each is tested whatever the fit gives. */
static void planned_params(hk_combat_params *p)
{
    hk_combat_params_default(p);
    p->surprise_power = 0.4;
    p->surprise_days = 3;
    p->air_power = 0.3;
    p->exploit = 0.5;
    p->envelop_power = 0.3;
    p->encircle_base = 0.2;
    p->encircle_armour = 0.3;
    p->encircle_cap = 0.9;
}

static void test_surprise_helps_the_attacker(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    hk_combat_side att = side(30000, 100, 200, 0), def = side(20000, 50, 150, 0);
    def.posture = HK_POSTURE_PREPARED;
    hk_combat_result r0, r;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r0);
    double last_a = r0.casualties[0], last_d = r0.casualties[1], last_z = r0.score;
    for (int level = 1; level <= 3; level++) {
        att.surprise = level;
        hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r);
        assert_true(r.casualties[0] < last_a);   /* the attacker loses less */
        assert_true(r.casualties[1] > last_d);   /* the defender more */
        assert_true(r.score > last_z);
        last_a = r.casualties[0];
        last_d = r.casualties[1];
        last_z = r.score;
    }
    /* A defender's surprise (an ambush) helps the defender, and nothing
     * counts without its parameter. */
    att.surprise = 0;
    def.surprise = 3;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r);
    assert_true(r.casualties[0] > r0.casualties[0] && r.casualties[1] < r0.casualties[1]);
    att.surprise = 3;
    def.surprise = 0;
    p.surprise_power = 0;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r);
    assert_float_equal(r.casualties[1], r0.casualties[1], 1e-9);
    /* The fitted value lies in its declared range (0 to 0.6 a level). */
    hk_combat_params f;
    hk_combat_params_default(&f);
    assert_true(f.surprise_power >= 0 && f.surprise_power <= 0.6);
    assert_true(f.surprise_days >= 1);
}

static void test_surprise_fades(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    p.draw_band = 1e9; /* nobody breaks on score; only attrition is compared */
    p.break_att = p.break_def = p.break_cap = 0.95;
    p.collapse_ratio = 0;
    hk_combat_side att = side(30000, 0, 0, 0), def = side(30000, 0, 0, 0);
    hk_combat_result a0, a1, b0, b1;
    /* The gain of the 4th to the 10th day is the same with or without
     * surprise, within what the first days' different losses leave. */
    att.surprise = 0;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 3, NULL, &a0);
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &b0);
    att.surprise = 3;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 3, NULL, &a1);
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &b1);
    double early = (a1.casualties[1] - a0.casualties[1]);
    double late = (b1.casualties[1] - a1.casualties[1]) - (b0.casualties[1] - a0.casualties[1]);
    assert_true(early > 0);
    assert_true(fabs(late) < 0.5 * early);
}

static void test_air_superiority(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    hk_combat_side att = side(30000, 100, 200, 50), def = side(25000, 50, 150, 20);
    hk_combat_result r0, ra, rd, rb;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &r0);
    att.air = 1;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &ra);
    assert_true(ra.casualties[0] < r0.casualties[0] && ra.casualties[1] > r0.casualties[1]);
    def.air = 1; /* both claim it: neither has it */
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &rb);
    assert_float_equal(rb.casualties[0], r0.casualties[0], 1e-6);
    att.air = 0; /* the defender holds the air */
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 5, NULL, &rd);
    assert_true(rd.casualties[0] > r0.casualties[0] && rd.casualties[1] < r0.casualties[1]);
    hk_combat_params f;
    hk_combat_params_default(&f);
    assert_true(f.air_power >= 0 && f.air_power < 3);
}

static void test_armour_exploits_a_breakthrough(void **state)
{
    (void)state;
    hk_combat_params p, q;
    planned_params(&p);
    q = p;
    q.exploit = 0;
    hk_combat_side att = side(60000, 600, 500, 0), def = side(15000, 0, 50, 0);
    hk_combat_result r, r0;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r);
    hk_combat_resolve(&q, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r0);
    assert_int_equal(r.winner, HK_COMBAT_ATTACKER);
    assert_true(r.casualties[1] > r0.casualties[1]);        /* the loser loses more */
    assert_float_equal(r.casualties[0], r0.casualties[0], 1e-9); /* the winner the same */
    assert_true(r.casualties[1] <= def.men && r.loss[1].guns <= def.guns);
    /* Without tanks nothing to exploit with. */
    att.tanks = 0;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r);
    hk_combat_resolve(&q, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r0);
    assert_float_equal(r.casualties[1], r0.casualties[1], 1e-9);
}

static void test_encirclement(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    hk_combat_side att = side(60000, 500, 500, 0), def = side(20000, 40, 100, 0);
    hk_combat_result r0, r, rn;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r0);
    att.envelop = 1;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &r);
    assert_int_equal(r.winner, HK_COMBAT_ATTACKER);
    assert_true(r.encircled);
    assert_true(r.prisoners[1] > 0 && r.prisoners[1] <= r.casualties[1]);
    assert_true(r.casualties[1] > r0.casualties[1]);
    assert_true(r.casualties[1] <= def.men);
    assert_true(r.loss[1].tanks <= def.tanks && r.loss[1].guns <= def.guns);
    assert_float_equal(r.prisoners[0], 0, 0);
    /* A defender that does not surrender is lost all the same, but not as
     * prisoners. */
    def.no_surrender = 1;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_PLAIN, 10, NULL, &rn);
    if (rn.winner == HK_COMBAT_ATTACKER) {
        assert_true(rn.encircled);
        assert_float_equal(rn.prisoners[1], 0, 0);
        assert_true(rn.casualties[1] <= def.men);
    }
    /* A beaten attacker encircles nobody. */
    def.no_surrender = 0;
    hk_combat_side weak = side(5000, 0, 10, 0);
    weak.envelop = 1;
    hk_combat_side strong = side(40000, 100, 300, 0);
    strong.posture = HK_POSTURE_FORTIFIED;
    hk_combat_resolve(&p, &weak, &strong, HK_TERRAIN_HILLS, 10, NULL, &r);
    assert_true(r.winner != HK_COMBAT_ATTACKER);
    assert_false(r.encircled);
    assert_float_equal(r.prisoners[1], 0, 0);
    /* The fitted shares are shares. */
    hk_combat_params f;
    hk_combat_params_default(&f);
    assert_true(f.encircle_base >= 0 && f.encircle_armour >= 0 && f.encircle_cap <= 0.95);
    assert_true(f.envelop_power >= 0);
}

static void test_planned_terms_bounded(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    p.encircle_base = 0.9;
    p.exploit = 5;
    hk_rng rng;
    hk_rng_init(&rng, 11, 0);
    for (int k = 0; k < 2000; k++) {
        hk_combat_side a = side(1 + 1e5 * hk_rng_uniform(&rng), 500 * hk_rng_uniform(&rng),
                                500 * hk_rng_uniform(&rng), 100 * hk_rng_uniform(&rng));
        hk_combat_side d = side(1 + 1e5 * hk_rng_uniform(&rng), 500 * hk_rng_uniform(&rng),
                                500 * hk_rng_uniform(&rng), 100 * hk_rng_uniform(&rng));
        a.surprise = k % 4;
        a.envelop = k % 3 == 0;
        a.air = k % 5 == 0;
        d.air = k % 7 == 0;
        d.no_surrender = k % 2;
        d.posture = (hk_posture)(k % 3);
        hk_combat_result r;
        hk_combat_resolve(&p, &a, &d, (hk_terrain)(k % HK_TERRAIN_COUNT), 1 + k % 30,
                          k % 2 ? &rng : NULL, &r);
        const hk_combat_side *s[2] = {&a, &d};
        for (int i = 0; i < 2; i++) {
            assert_true(r.casualties[i] >= 0 && r.casualties[i] <= s[i]->men * (1 + 1e-12));
            assert_true(r.loss[i].tanks <= s[i]->tanks + 1e-9);
            assert_true(r.loss[i].guns <= s[i]->guns + 1e-9);
            assert_true(r.prisoners[i] >= 0 && r.prisoners[i] <= r.casualties[i] + 1e-9);
        }
    }
}

static void test_spec_planned_keys(void **state)
{
    (void)state;
    hk_combat_side s;
    char name[16], err[256];
    assert_int_equal(hk_combat_parse_spec("SOV:men=57000,surprise=2,air=1,envelop=1", name,
                                          sizeof name, &s, err, sizeof err),
                     0);
    assert_int_equal(s.surprise, 2);
    assert_int_equal(s.air, 1);
    assert_int_equal(s.envelop, 1);
    assert_int_equal(hk_combat_parse_spec("SOV:men=5", name, sizeof name, &s, err, sizeof err), 0);
    assert_int_equal(s.surprise + s.air + s.envelop, 0);
    const char *bad[] = {"SOV:men=5,surprise=4", "SOV:men=5,surprise=-1", "SOV:men=5,surprise=1.5",
                         "SOV:men=5,air=2",      "SOV:men=5,envelop=yes", "SOV:men=5,surprise=",
                         "SOV:men=5,air=1,air=1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        assert_int_equal(hk_combat_parse_spec(bad[i], name, sizeof name, &s, err, sizeof err), -1);
        assert_true(err[0] != '\0');
    }
}

/* A night attack blinds the weapons of both sides on its first day only:
 * an infantry attacker against a defender strong in guns and tanks gains,
 * and with the term off (0) nothing moves. */
static void test_night_attack(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.night_weapons = 0;
    hk_combat_side a = side(1500, 0, 10, 0), d = side(1500, 20, 20, 0);
    d.posture = HK_POSTURE_PREPARED;
    hk_combat_result day, night, off;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &day);
    a.night = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &off);
    assert_memory_equal(&day, &off, sizeof day);
    p.night_weapons = 0.3;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &night);
    assert_true(night.casualties[0] < day.casualties[0]);
    assert_true(night.casualties[1] > day.casualties[1]);
    assert_true(night.score > day.score);
    /* The defender's night, not the attacker's, does nothing. */
    a.night = 0;
    d.night = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 1, NULL, &off);
    assert_memory_equal(&day, &off, sizeof day);
    /* Only the first day: a long battle's later days are fought in daylight. */
    a.night = 1;
    d.night = 0;
    hk_combat_result n5, d5;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &n5);
    a.night = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &d5);
    assert_true(n5.casualties[1] - d5.casualties[1] > 0);
    char name[16], err[256];
    hk_combat_side s;
    assert_int_equal(hk_combat_parse_spec("JPN:men=1410,night=1", name, sizeof name, &s, err,
                                          sizeof err),
                     0);
    assert_int_equal(s.night, 1);
    assert_int_equal(hk_combat_parse_spec("JPN:men=1410,night=2", name, sizeof name, &s, err,
                                          sizeof err),
                     -1);
}

/* A no-surrender defender that has not broken off holds its ground: with
 * ns_hold the score reads its break point towards ns_break, so the same
 * losses judge better for it; the casualties do not move. */
static void test_no_surrender_defender_holds(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 200, 100, 80), d = side(8000, 0, 37, 0);
    d.posture = HK_POSTURE_PREPARED;
    d.no_surrender = 1;
    hk_combat_result off, on;
    p.ns_hold = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &off);
    p.ns_hold = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &on);
    assert_true(fabs(on.casualties[0] - off.casualties[0]) < 1e-9);
    assert_true(fabs(on.casualties[1] - off.casualties[1]) < 1e-9 || on.winner != off.winner);
    if (off.broke_off[1] == 0)
        assert_true(on.score < off.score);
    /* An ordinary defender is judged as before. */
    d.no_surrender = 0;
    p.ns_hold = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &off);
    p.ns_hold = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 5, NULL, &on);
    assert_memory_equal(&off, &on, sizeof on);
}

/* A no-surrender line with a way back is not a garrison: against an
 * envelopment it loses no more than an ordinary line would have in men it
 * could save, only the men cut off are lost to the last (killed, not taken),
 * and without way_back the side fights as before. */
static void test_way_back(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side att = side(20000, 150, 200, 0), def = side(10000, 20, 80, 0);
    att.envelop = 1;
    def.posture = HK_POSTURE_PREPARED;
    def.no_surrender = 1;
    hk_combat_result garrison, line, plain;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 10, NULL, &garrison);
    def.way_back = 1;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 10, NULL, &line);
    hk_combat_side ordinary = def;
    ordinary.no_surrender = ordinary.way_back = 0;
    hk_combat_resolve(&p, &att, &ordinary, HK_TERRAIN_STEPPE, 10, NULL, &plain);
    assert_true(line.casualties[1] < garrison.casualties[1]);
    assert_true(line.casualties[1] <= def.men);
    if (line.winner == HK_COMBAT_ATTACKER && line.encircled) {
        assert_float_equal(line.prisoners[1], 0, 0);
        assert_true(plain.prisoners[1] > 0);
        /* the ring, killed instead of taken, holds more of a line that
         * stands in it (encircle_ns) */
        assert_true(line.casualties[1] >= plain.casualties[1] - 1e-6 * def.men);
    }
    /* way_back alone (a side that surrenders) changes nothing */
    ordinary.way_back = 1;
    hk_combat_result same;
    hk_combat_resolve(&p, &att, &ordinary, HK_TERRAIN_STEPPE, 10, NULL, &same);
    assert_float_equal(same.casualties[0], plain.casualties[0], 0);
    assert_float_equal(same.casualties[1], plain.casualties[1], 0);
}

/* A no-surrender field force cut off by an envelopment (HK_WAY_BACK_CUT)
 * is bound to the last as a garrison is, but its own losses are a field
 * force's in an envelopment (HK_COMBAT_CUT_OWN, CDB90), not the island
 * garrison's (ns_rate_own): it loses less than the garrison on the same
 * forces; it does not give way on the ratio, so it stands at least as long
 * as a line with its way back; the men a ring cuts off are killed, not
 * taken; and it is no garrison in the collapse odds. */
static void test_field_force_cut_off(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side att = side(20000, 150, 200, 0), def = side(10000, 20, 80, 0);
    att.envelop = 1;
    def.posture = HK_POSTURE_PREPARED;
    def.no_surrender = 1;
    hk_combat_result garrison, cut, line;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 10, NULL, &garrison);
    hk_combat_side c = def, l = def;
    c.way_back = HK_WAY_BACK_CUT;
    l.way_back = 1;
    hk_combat_resolve(&p, &att, &c, HK_TERRAIN_STEPPE, 10, NULL, &cut);
    hk_combat_resolve(&p, &att, &l, HK_TERRAIN_STEPPE, 10, NULL, &line);
    assert_true(cut.casualties[1] < garrison.casualties[1]);
    assert_true(cut.casualties[1] <= def.men);
    assert_true(cut.days >= line.days);
    if (cut.winner == HK_COMBAT_ATTACKER && cut.encircled)
        assert_float_equal(cut.prisoners[1], 0, 0);
    /* the own-loss factor is the field force's, whatever ns_rate_own is */
    p.ns_rate_own = 10;
    hk_combat_result cut10;
    hk_combat_resolve(&p, &att, &c, HK_TERRAIN_STEPPE, 10, NULL, &cut10);
    assert_float_equal(cut10.casualties[1], cut.casualties[1], 0);
    /* ... but it is still bound to the last: it makes the enemy pay more
     * for every position (ns_rate_enemy), which a line does not */
    hk_combat_params_default(&p);
    p.ns_rate_enemy *= 2;
    hk_combat_result cut2, line2;
    hk_combat_resolve(&p, &att, &c, HK_TERRAIN_STEPPE, 10, NULL, &cut2);
    hk_combat_resolve(&p, &att, &l, HK_TERRAIN_STEPPE, 10, NULL, &line2);
    assert_true(cut2.casualties[0] > cut.casualties[0]);
    assert_float_equal(line2.casualties[0], line.casualties[0], 0);
    hk_combat_params_default(&p);
    p.collapse_garrison = 3;
    double pg = hk_combat_collapse_p(&p, &att, &def, 2.0), pc = hk_combat_collapse_p(&p, &att, &c, 2.0);
    assert_true(pc < pg);
}

/* A line bound to fight to the last stands in its positions while the ring
 * closes: encircle_ns more of the men it has left are inside, killed, not
 * taken; a defender that may surrender loses the same as before. */
static void test_ring_round_a_line_that_stands(void **state)
{
    (void)state;
    hk_combat_params p;
    planned_params(&p);
    p.encircle_ns = 0;
    hk_combat_side att = side(60000, 500, 500, 0), def = side(20000, 40, 100, 0);
    att.envelop = 1;
    def.no_surrender = def.way_back = 1;
    hk_combat_side plain = def;
    plain.no_surrender = plain.way_back = 0;
    hk_combat_result r0, r1, q0, q1;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 10, NULL, &r0);
    hk_combat_resolve(&p, &att, &plain, HK_TERRAIN_STEPPE, 10, NULL, &q0);
    p.encircle_ns = 0.3;
    hk_combat_resolve(&p, &att, &def, HK_TERRAIN_STEPPE, 10, NULL, &r1);
    hk_combat_resolve(&p, &att, &plain, HK_TERRAIN_STEPPE, 10, NULL, &q1);
    assert_int_equal(r1.winner, HK_COMBAT_ATTACKER);
    assert_true(r1.encircled);
    /* 0.3 more of the men left before the ring (at least those left after it) */
    assert_true(r1.casualties[1] - r0.casualties[1] >= 0.3 * (def.men - r0.casualties[1]) - 1e-6 * def.men);
    assert_true(r1.casualties[1] <= def.men);
    assert_float_equal(r1.prisoners[1], 0, 0);
    assert_float_equal(q1.casualties[1], q0.casualties[1], 0);
    /* the fitted share is a share */
    hk_combat_params f;
    hk_combat_params_default(&f);
    assert_true(f.encircle_ns >= 0 && f.encircle_ns <= 0.9);
}

/* A short assault on a fortified region (the siege of a 1945 fortified
 * region: envelop, no pursuit, a no-surrender garrison, two days) costs
 * the attacker at most its break point: the day is fought only until a
 * side's losses reach it (break_stop), so no draw of the random spread
 * lets a single day carry the attackers to half their men (it did: 0.8 %
 * of draws at 1.5:1 lost half or more, up to 90 %). */
static void test_short_assault_stops_at_the_break_point(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_int_equal(p.break_stop, 1);
    p.pursuit = p.exploit = 0; /* nobody is pursued at a siege */
    hk_combat_side d = side(3000, 0, 30, 0), a = side(4000, 0, 100, 0);
    d.posture = HK_POSTURE_FORTIFIED;
    d.no_surrender = 1;
    d.nation = HK_NATION_JPN;
    a.envelop = 1;
    a.nation = HK_NATION_RUS;
    double worst = 0;
    int bad = 0;
    for (int run = 0; run < 4000; run++) {
        hk_rng r;
        hk_rng_init(&r, 5, (uint64_t)run);
        hk_combat_result x;
        hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 2, &r, &x);
        double sh = x.casualties[0] / a.men;
        worst = fmax(worst, sh);
        bad += sh >= 0.5;
    }
    assert_int_equal(bad, 0);
    assert_true(worst <= p.break_att * 1.0001);
    /* and without the stop the law did let it */
    p.break_stop = 0;
    bad = 0;
    for (int run = 0; run < 4000; run++) {
        hk_rng r;
        hk_rng_init(&r, 5, (uint64_t)run);
        hk_combat_result x;
        hk_combat_resolve(&p, &a, &d, HK_TERRAIN_HILLS, 2, &r, &x);
        bad += x.casualties[0] / a.men >= 0.5;
    }
    assert_true(bad > 0);
}

/* Defenders that break (docs/combat.md, "Defenders that break"): in
 * battles of border size fought with the model's random spread, a beaten
 * defender's line sometimes collapses, and then the exchange runs against
 * the defender: CDB90's held-out battles of 1,000-100,000 men, 1900 on, at
 * most 14 days, have the defender losing five times the attacker's men or
 * more in 17 % and the attacker in 10 %. Without the collapse the model
 * had it the other way round (defender 12 %, attacker 13 % on those
 * battles, three echelons), and it never came from the defender's side in
 * an attack planned to envelop at 2:1. */
static void lopsided(const hk_combat_params *p, const hk_combat_side *a, const hk_combat_side *d, int days,
                     int n, double *def5, double *att5, double *col, double *pris)
{
    int kd = 0, ka = 0, kc = 0;
    double pr = 0;
    for (int run = 0; run < n; run++) {
        hk_rng r;
        hk_rng_init(&r, 11, (uint64_t)run);
        hk_combat_result x;
        hk_combat_resolve_echelons(p, a, d, HK_TERRAIN_PLAIN, days, 3, &r, &x);
        double ca = x.casualties[0] + 1, cd = x.casualties[1] + 1;
        kd += cd >= 5 * ca;
        ka += ca >= 5 * cd;
        kc += x.collapsed;
        if (x.collapsed) {
            assert_int_equal(x.winner, HK_COMBAT_ATTACKER);
            assert_true(x.casualties[1] <= d->men);
            assert_true(x.prisoners[1] <= x.casualties[1] + 1e-9);
        }
        pr += x.prisoners[1];
    }
    *def5 = (double)kd / n;
    *att5 = (double)ka / n;
    *col = (double)kc / n;
    *pris = pr;
}

static void test_defender_collapses(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 60, 120, 0), d = side(10000, 10, 60, 0);
    a.envelop = 1;
    a.surprise = 1;
    d.posture = HK_POSTURE_PREPARED;
    double d5, a5, col, pris;
    lopsided(&p, &a, &d, 6, 2000, &d5, &a5, &col, &pris);
    /* some lines collapse, not most */
    assert_true(col > 0.15 && col < 0.7);
    /* the lopsided exchanges now come from the defender's side too */
    assert_true(d5 > 0.1);
    assert_true(d5 > a5);
    /* the collapse switched off: what the model did without it */
    hk_combat_params off = p;
    off.collapse_share = 0;
    double d5o, a5o, colo, priso;
    lopsided(&off, &a, &d, 6, 2000, &d5o, &a5o, &colo, &priso);
    assert_true(colo == 0);
    assert_true(d5 > 2 * d5o);
    /* the rout's men are casualties, not prisoners: prisoners come only
     * from a closed ring, as without the collapse (no more of them) */
    assert_true(pris <= priso * 1.05 + 1);
}

/* The odds of a collapse read only what is known before the battle, and
 * each term moves them the way the fit on CDB90 found: a planned
 * envelopment, surprise and a larger power ratio make it likelier. */
static void test_collapse_odds(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 0, 0, 0), d = side(10000, 0, 0, 0);
    double p0 = hk_combat_collapse_p(&p, &a, &d, 1.0);
    assert_true(p0 > 0.01 && p0 < 0.5);
    assert_true(hk_combat_collapse_p(&p, &a, &d, 4.0) > p0);
    a.envelop = 1;
    double pe = hk_combat_collapse_p(&p, &a, &d, 1.0);
    assert_true(pe > p0);
    a.surprise = 2;
    assert_true(hk_combat_collapse_p(&p, &a, &d, 1.0) > pe);
    /* the central estimate (no rng) collapses only where it is the
     * likelier outcome */
    hk_combat_side weak = side(20000, 0, 0, 0), strong = side(20000, 0, 0, 0);
    hk_combat_result r;
    hk_combat_resolve(&p, &weak, &strong, HK_TERRAIN_PLAIN, 3, NULL, &r);
    assert_int_equal(r.collapsed, hk_combat_collapse_p(&p, &weak, &strong, r.power_ratio) >= 0.5);
}

/* A battle fought in echelons (hk_combat_resolve_echelons) is one
 * engagement whose forces come up over its days. With the engagement's
 * clock (echelon_clock_share 0: a stage's intensity decays from the
 * engagement's first day) it costs no more than the whole forces would lose
 * fought as one battle of the same days; but fought so, CDB90's battles of
 * 1900 on lasting 2 days or more came out far lighter than the record (mean
 * log error -0.46 fit part, -0.44 held out), so a stage counts only the
 * fitted share of the days before it (docs/combat.md, "Severity of
 * engagements fought in echelons"): each arriving echelon fights much as a
 * new battle, and the engagement costs more than with the engagement's
 * clock, and no more than with the clock restarted at each stage. */
static void test_echelons_keep_the_engagement_clock(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_int_equal(p.echelon_clock, 1);
    assert_true(p.echelon_clock_share > 0 && p.echelon_clock_share < 0.5);
    hk_combat_params engagement = p, restart = p;
    engagement.echelon_clock_share = 0;
    restart.echelon_clock = 0;
    p.collapse_share = engagement.collapse_share = restart.collapse_share = 0; /* the attrition alone */
    static const double men[][2] = {{39000, 37500}, {30800, 17200}, {8000, 20000}, {5000, 5000}};
    for (size_t k = 0; k < sizeof men / sizeof men[0]; k++) {
        hk_combat_side a = side(men[k][0], 100, 300, 50), d = side(men[k][1], 20, 200, 40);
        d.posture = HK_POSTURE_PREPARED;
        hk_combat_result one, ech, eng, rst;
        hk_combat_resolve(&engagement, &a, &d, HK_TERRAIN_STEPPE, 10, NULL, &one);
        hk_combat_resolve_echelons(&engagement, &a, &d, HK_TERRAIN_STEPPE, 10, 3, NULL, &eng);
        hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_STEPPE, 10, 3, NULL, &ech);
        hk_combat_resolve_echelons(&restart, &a, &d, HK_TERRAIN_STEPPE, 10, 3, NULL, &rst);
        double all_one = one.casualties[0] + one.casualties[1], all_eng = eng.casualties[0] + eng.casualties[1];
        double all_ech = ech.casualties[0] + ech.casualties[1], all_rst = rst.casualties[0] + rst.casualties[1];
        assert_true(all_eng <= all_one * 1.05);
        assert_true(all_ech > all_eng);
        assert_true(all_ech <= all_rst * 1.0001);
        assert_true(ech.days <= 10);
    }
    /* one echelon is one battle, bit for bit */
    hk_combat_side a = side(20000, 50, 100, 20), d = side(15000, 30, 80, 10);
    hk_combat_result x, y;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 10, NULL, &x);
    hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_PLAIN, 10, 1, NULL, &y);
    assert_memory_equal(&x, &y, sizeof x);
}

static void test_echelons_winner_follows_the_result(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.winner_scale = 0; /* the score decides (the drawn winner: test_drawn_winner_odds) */
    int fought = 0, wins = 0;
    for (uint64_t run = 0; run < 4000; run++) {
        hk_rng r;
        hk_rng_init(&r, 11, run);
        double ma = 3000 + (double)(run % 17) * 2500, md = 2000 + (double)(run % 13) * 2500;
        hk_combat_side a = side(ma, (double)(run % 5) * 20, ma / 100, 10), d = side(md, 10, md / 100, 10);
        a.nation = HK_NATION_RUS;
        d.nation = HK_NATION_JPN;
        a.envelop = (int)(run % 3 == 0);
        d.posture = (hk_posture)(run % 2);
        hk_combat_result res;
        hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_STEPPE, 10, 3, &r, &res);
        fought++;
        double sa = res.casualties[0] / ma, sd = res.casualties[1] / md;
        /* each side's strain on the whole engagement: its losses over the
         * men it brought, against its break point; the attacker's edge is
         * the model's winner_bias */
        double strain_a = sa / p.break_att, strain_d = sd / p.break_def, edge = exp(p.winner_bias);
        /* (a line that collapsed is beaten whatever the strain: docs/combat.md,
         * "Defenders that break") */
        bool broke = res.broke_off[0] || res.broke_off[1] || res.collapsed;
        if (res.winner == HK_COMBAT_ATTACKER && !broke) {
            assert_true(strain_a <= edge * strain_d * 1.000001 + 1e-6);
            wins += res.casualties[0] >= 5 * res.casualties[1] && ma < 2 * md;
        }
        if (res.winner == HK_COMBAT_DEFENDER && !broke)
            assert_true(strain_a * 0.999999 + 1e-6 >= edge * strain_d);
        assert_true(sa < 0.9);
    }
    assert_int_equal(fought, 4000);
    /* no attack at odds under 2:1 succeeds while losing five times the
     * defender's men without breaking its line */
    assert_int_equal(wins, 0);
}

/* A battle drawn at random that no side broke off is won with the odds of
 * its score (winner_scale; docs/combat.md, "Who wins a drawn battle"): the
 * attacker of an even fight wins about as often as CDB90's attackers do
 * (57-61 %), not four times in five as when the score decides; a
 * five-to-one attacker wins more often, about as often as CDB90's
 * attackers at three to one and more (69 %); the central estimate is
 * unchanged; the draw does not advance the rng. The scale is stage 7's fit
 * (combat-validation.md, winner_scale_fit), read with the central
 * estimate's lean (winner_central 0); the compiled parameters use stage 8
 * instead (test_draws_do_not_lean). */
static void test_drawn_winner_odds(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.winner_central = 0;
    p.winner_scale = 0.4914;
    hk_combat_params score_only = p;
    score_only.winner_scale = 0;
    int even = 0, even_score = 0, strong = 0, n = 4000;
    for (uint64_t run = 0; run < (uint64_t)n; run++) {
        hk_combat_side a = side(20000, 40, 200, 20), d = side(20000, 40, 200, 20);
        d.posture = HK_POSTURE_PREPARED;
        hk_rng r1, r2;
        hk_rng_init(&r1, 13, run);
        r2 = r1;
        hk_combat_result x, y;
        hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, &r1, &x);
        hk_combat_resolve(&score_only, &a, &d, HK_TERRAIN_PLAIN, 5, &r2, &y);
        /* the same noise: the rng is left where the score rule leaves it */
        assert_memory_equal(&r1, &r2, sizeof r1);
        even += x.winner == HK_COMBAT_ATTACKER;
        even_score += y.winner == HK_COMBAT_ATTACKER;
        hk_combat_side big = side(100000, 400, 1000, 100);
        hk_rng_init(&r1, 17, run);
        hk_combat_resolve(&p, &big, &d, HK_TERRAIN_PLAIN, 5, &r1, &x);
        strong += x.winner == HK_COMBAT_ATTACKER;
    }
    /* CDB90's attackers won 57-61 % of the battles (fit part, held out) */
    assert_true(even > 0.45 * n && even < 0.68 * n);
    assert_true(even_score > even + 0.05 * n);
    assert_true(strong > even + 0.05 * n && strong > 0.6 * n);
    /* the central estimate names the likelier winner, as the score does */
    hk_combat_side a = side(20000, 40, 200, 20), d = side(20000, 40, 200, 20);
    hk_combat_result x, y;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &x);
    hk_combat_resolve(&score_only, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &y);
    assert_memory_equal(&x, &y, sizeof x);
}

/* The draws do not lean to the attacker (docs/combat.md, "A winner rule
 * that does not lean"): the compiled parameters draw the winner of a
 * battle no side broke off from stage 8's odds, whose lean was fitted on
 * the draws with the defender's collapse in. Fought as the simulation
 * fights a border battle (three echelons over ten days, the Soviet and
 * Japanese armies, with and without a planned envelopment and a prepared
 * defence, 1:2 to 4:1 in men), the attacker wins about as many of the
 * draws as CDB90's attackers won (57 % of the fit part's battles, 61 % of
 * the held-out part's), where the score with the central estimate's lean
 * gave it four in five; more men still win more often; the rng is left
 * where the score rule leaves it, and the central estimate is the score
 * rule's. */
static void test_draws_do_not_lean(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(p.winner_scale > 0 && p.winner_central != 0);
    hk_combat_params lean = p;
    lean.winner_scale = 0; /* the score decides, with winner_bias */
    int n = 3000, won = 0, won_lean = 0, won_small = 0, n_small = 0, won_big = 0, n_big = 0;
    for (uint64_t run = 0; run < (uint64_t)n; run++) {
        double ma = 4000 + (double)(run % 13) * 3000, md = 3000 + (double)(run % 11) * 3000;
        hk_combat_side a = side(ma, ma / 200, ma / 100, ma / 400), d = side(md, md / 400, md / 100, md / 400);
        a.nation = run % 2 ? HK_NATION_RUS : HK_NATION_JPN;
        d.nation = run % 2 ? HK_NATION_JPN : HK_NATION_RUS;
        a.envelop = (int)(run % 3 == 0);
        d.posture = (hk_posture)(run % 2);
        hk_rng r1, r2;
        hk_rng_init(&r1, 23, run);
        r2 = r1;
        hk_combat_result x, y;
        hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_STEPPE, 10, 3, &r1, &x);
        hk_combat_resolve_echelons(&lean, &a, &d, HK_TERRAIN_STEPPE, 10, 3, &r2, &y);
        assert_memory_equal(&r1, &r2, sizeof r1);
        won += x.winner == HK_COMBAT_ATTACKER;
        won_lean += y.winner == HK_COMBAT_ATTACKER;
        if (ma < md) {
            n_small++;
            won_small += x.winner == HK_COMBAT_ATTACKER;
        } else if (ma >= 2 * md) {
            n_big++;
            won_big += x.winner == HK_COMBAT_ATTACKER;
        }
    }
    /* CDB90's attackers won 57-61 % of their battles */
    assert_true(won > 0.45 * n && won < 0.68 * n);
    assert_true(won_lean > won + 0.08 * n);
    assert_true((double)won_big / n_big > (double)won_small / n_small + 0.05);
    hk_combat_side a = side(20000, 40, 200, 20), d = side(20000, 40, 200, 20);
    hk_combat_result x, y;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &x);
    hk_combat_resolve(&lean, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &y);
    assert_memory_equal(&x, &y, sizeof x);
}

/* The other reading stage 8 can fit (winner_central 1): the odds are
 * read on the central score, a noise-free run of the same battle, so over
 * many draws of one battle that runs its course the attacker wins with
 * the odds of that one score, whatever the draws did to the casualties;
 * the same for an engagement in echelons, read on the noise-free
 * engagement's totals. The second run draws nothing: the rng is left
 * where the score rule leaves it. */
static void test_central_odds(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    p.winner_central = 1;
    p.winner_draw_bias = 0.1787;
    p.winner_scale = 1.3202;
    p.collapse_share = 0; /* only the odds decide a battle no side broke off */
    hk_combat_params lean = p;
    lean.winner_scale = 0;
    hk_combat_side a = side(20000, 40, 200, 20), d = side(18000, 40, 200, 20);
    d.posture = HK_POSTURE_PREPARED;
    for (int ech = 1; ech <= 3; ech += 2) {
        hk_combat_result c;
        if (ech == 1)
            hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &c);
        else
            hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_PLAIN, 6, ech, NULL, &c);
        assert_true(!c.broke_off[0] && !c.broke_off[1]);
        double want = 1 / (1 + exp(-p.winner_scale * (c.score + p.winner_draw_bias)));
        int n = 0, won = 0;
        for (uint64_t run = 0; run < 4000; run++) {
            hk_rng r1, r2;
            hk_rng_init(&r1, 29, run);
            r2 = r1;
            hk_combat_result x, y;
            if (ech == 1) {
                hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 2, &r1, &x);
                hk_combat_resolve(&lean, &a, &d, HK_TERRAIN_PLAIN, 2, &r2, &y);
            } else {
                hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_PLAIN, 6, ech, &r1, &x);
                hk_combat_resolve_echelons(&lean, &a, &d, HK_TERRAIN_PLAIN, 6, ech, &r2, &y);
            }
            assert_memory_equal(&r1, &r2, sizeof r1);
            if (x.broke_off[0] || x.broke_off[1])
                continue;
            n++;
            won += x.winner == HK_COMBAT_ATTACKER;
        }
        assert_true(n > 3000);
        assert_true(fabs((double)won / n - want) < 0.03);
    }
}

/* Three terms tried for attacks on works and for whose losses decide
 * (docs/combat.md, "Attacks on fortified ground"), each off in the fitted
 * parameters (the fit on CDB90 puts them at or near no effect), each doing
 * what it says when on: an army's loss factor raising its break points
 * (nation_break), a defender's works raising its break points
 * (posture_break) or taking from the attacker's margin in the judgement
 * of who won (works_edge). */
static void test_works_and_tolerance_terms(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(p.nation_break == 0);
    for (int k = 0; k < HK_POSTURE_COUNT; k++) {
        assert_true(p.posture_break[k] == 0 || p.posture_break[k] == 1);
        assert_true(p.works_edge[k] == 0);
    }
    /* an attack below parity on a fortified line, Soviet defenders, as a
     * forced strike north would make one */
    hk_combat_side a = side(150000, 90, 450, 0), d = side(130000, 900, 1500, 0);
    a.nation = HK_NATION_JPN;
    d.nation = HK_NATION_RUS;
    d.posture = HK_POSTURE_FORTIFIED;
    hk_combat_result base, r;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &base);
    assert_true(base.power_ratio < 0.5);
    /* the Soviet army stands its own losses: the same exchange scores less
     * for the attacker */
    hk_combat_params q = p;
    q.nation_break = 1;
    hk_combat_resolve(&q, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &r);
    assert_true(r.score < base.score);
    assert_int_equal(r.winner, HK_COMBAT_DEFENDER);
    /* the reference army is not touched */
    hk_combat_side a0 = a, d0 = d;
    a0.nation = d0.nation = HK_NATION_OTHER;
    hk_combat_result r0, r1;
    hk_combat_resolve(&p, &a0, &d0, HK_TERRAIN_PLAIN, 2, NULL, &r0);
    hk_combat_resolve(&q, &a0, &d0, HK_TERRAIN_PLAIN, 2, NULL, &r1);
    assert_memory_equal(&r0, &r1, sizeof r0);
    /* works in the judgement: the score falls by the edge, the losses stay */
    q = p;
    q.works_edge[HK_POSTURE_FORTIFIED] = 1.5;
    hk_combat_resolve(&q, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &r);
    assert_true(fabs(r.score - (base.score - 1.5)) < 1e-9 ||
                r.winner != base.winner); /* a new winner changes the pursuit */
    assert_int_equal(r.winner, HK_COMBAT_DEFENDER);
    d0 = d;
    d0.posture = HK_POSTURE_HASTY;
    hk_combat_resolve(&p, &a, &d0, HK_TERRAIN_PLAIN, 2, NULL, &r0);
    hk_combat_resolve(&q, &a, &d0, HK_TERRAIN_PLAIN, 2, NULL, &r1);
    assert_memory_equal(&r0, &r1, sizeof r0); /* open ground: no edge */
    /* works that raise the break points: a defender that would break holds
     * longer and loses more before it gives way */
    hk_combat_side big = side(60000, 300, 400, 0), small = side(12000, 0, 40, 0);
    small.posture = HK_POSTURE_FORTIFIED;
    hk_combat_resolve(&p, &big, &small, HK_TERRAIN_PLAIN, 10, NULL, &r0);
    q = p;
    q.posture_break[HK_POSTURE_FORTIFIED] = 1.5;
    hk_combat_resolve(&q, &big, &small, HK_TERRAIN_PLAIN, 10, NULL, &r1);
    assert_true(r1.days >= r0.days);
    assert_true(r1.strain[1] < r0.strain[1] || r1.days > r0.days);
}

/* A river crossed under fire: with the term on, the attacker's `river`
 * multiplies the defender's power by 1 + river_power for the whole battle
 * (the power ratio falls by that factor, the attacker loses more, the
 * defender less); the defender's flag does nothing, and with the term off
 * (the compiled fit: tried, not adopted) nothing moves. */
static void test_river_crossing(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    assert_true(p.river_power == 0);
    hk_combat_side a = side(20000, 50, 100, 0), d = side(10000, 10, 60, 0);
    hk_combat_result dry, wet, off;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &dry);
    a.river = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &off);
    assert_memory_equal(&dry, &off, sizeof dry);
    p.river_power = 0.9;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &wet);
    assert_true(fabs(wet.power_ratio * 1.9 / dry.power_ratio - 1) < 1e-12);
    assert_true(wet.casualties[0] > dry.casualties[0]);
    assert_true(wet.casualties[1] < dry.casualties[1]);
    assert_true(wet.score < dry.score);
    /* Half the front across a river: half the effect on the power. */
    a.river = 0.5;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &wet);
    assert_true(fabs(wet.power_ratio * 1.45 / dry.power_ratio - 1) < 1e-12);
    /* The defender's flag is not a plan to cross. */
    a.river = 0;
    d.river = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &off);
    assert_memory_equal(&dry, &off, sizeof dry);
    char name[16], err[256];
    hk_combat_side s;
    assert_int_equal(hk_combat_parse_spec("SOV:men=147000,river=1", name, sizeof name, &s, err, sizeof err), 0);
    assert_true(s.river == 1);
    assert_int_equal(hk_combat_parse_spec("SOV:men=5", name, sizeof name, &s, err, sizeof err), 0);
    assert_true(s.river == 0);
    assert_int_equal(hk_combat_parse_spec("SOV:men=5,river=2", name, sizeof name, &s, err, sizeof err), -1);
}

/* A defender that delays or withdraws: with the term on, both sides' daily
 * loss shares are x delay_rate (both lose less, the power ratio is the
 * same); the attacker's flag does nothing, and with the term off nothing
 * moves. */
static void test_delaying_action(void **state)
{
    (void)state;
    hk_combat_params p;
    hk_combat_params_default(&p);
    hk_combat_side a = side(20000, 50, 100, 0), d = side(10000, 10, 60, 0);
    hk_combat_result hold, delay, off;
    p.delay_rate = 0;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &hold);
    d.delay = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &off);
    assert_memory_equal(&hold, &off, sizeof hold);
    p.delay_rate = 0.5;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &delay);
    assert_true(delay.power_ratio == hold.power_ratio);
    assert_true(delay.casualties[0] < hold.casualties[0]);
    assert_true(delay.casualties[1] < hold.casualties[1]);
    /* The attacker's flag is not a defence that gives ground. */
    d.delay = 0;
    a.delay = 1;
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 5, NULL, &off);
    assert_memory_equal(&hold, &off, sizeof hold);
    char name[16], err[256];
    hk_combat_side s;
    assert_int_equal(hk_combat_parse_spec("JPN:men=3000,delay=1", name, sizeof name, &s, err, sizeof err), 0);
    assert_true(s.delay == 1);
    assert_int_equal(hk_combat_parse_spec("JPN:men=3000,delay=yes", name, sizeof name, &s, err, sizeof err), -1);
}

/* A storm of works: the fitted parameters make a one-day assault on
 * prepared positions and on fortifications cost the attacker more than the
 * same assault with the term off (fortifications more than prepared
 * positions), and leave alone what is not such a storm: a defender on
 * hasty ground, an assault of two days, the first day's stage of a longer
 * engagement fought in echelons, the era before fire laid in advance
 * (dispersion 25, 1816-1900), and the defender's own losses on the day. */
static void test_works_storm(void **state)
{
    (void)state;
    hk_combat_params p, off;
    hk_combat_params_default(&p);
    off = p;
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        off.works_storm[k] = 0;
    assert_true(p.works_storm[HK_POSTURE_HASTY] == 0);
    assert_true(p.works_storm[HK_POSTURE_PREPARED] > 0);
    assert_true(p.works_storm[HK_POSTURE_FORTIFIED] > p.works_storm[HK_POSTURE_PREPARED]);
    hk_combat_side a = side(12000, 20, 120, 0), d = side(4000, 0, 40, 0);
    hk_combat_result on_r, off_r;
    double rise[HK_POSTURE_COUNT];
    for (int k = 0; k < HK_POSTURE_COUNT; k++) {
        d.posture = (hk_posture)k;
        hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &on_r);
        hk_combat_resolve(&off, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &off_r);
        rise[k] = on_r.casualties[0] / off_r.casualties[0];
        if (k == HK_POSTURE_HASTY)
            assert_memory_equal(&on_r, &off_r, sizeof on_r);
        else
            assert_true(on_r.casualties[1] == off_r.casualties[1] || on_r.winner != off_r.winner);
    }
    assert_true(rise[HK_POSTURE_PREPARED] > 1.0 + 1e-6);
    assert_true(rise[HK_POSTURE_FORTIFIED] > rise[HK_POSTURE_PREPARED]);
    d.posture = HK_POSTURE_FORTIFIED;
    /* two days: not a storm */
    hk_combat_resolve(&p, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &on_r);
    hk_combat_resolve(&off, &a, &d, HK_TERRAIN_PLAIN, 2, NULL, &off_r);
    assert_memory_equal(&on_r, &off_r, sizeof on_r);
    /* an engagement of three days in three echelons: its stages are one day
     * each, but only an assault planned for one day is a storm */
    hk_combat_resolve_echelons(&p, &a, &d, HK_TERRAIN_PLAIN, 3, 3, NULL, &on_r);
    hk_combat_resolve_echelons(&off, &a, &d, HK_TERRAIN_PLAIN, 3, 3, NULL, &off_r);
    assert_memory_equal(&on_r, &off_r, sizeof on_r);
    /* a one-day stage of an engagement its caller fights in stages */
    hk_combat_resolve_stage(&p, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &on_r);
    hk_combat_resolve(&off, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &off_r);
    assert_memory_equal(&on_r, &off_r, sizeof on_r);
    hk_combat_params p3 = p, off3 = off;
    p3.dispersion = off3.dispersion = 25;
    hk_combat_resolve(&p3, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &on_r);
    hk_combat_resolve(&off3, &a, &d, HK_TERRAIN_PLAIN, 1, NULL, &off_r);
    assert_memory_equal(&on_r, &off_r, sizeof on_r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_more_men_lowers_own_loss_share),
        cmocka_unit_test(test_supply_distance_hurts),
        cmocka_unit_test(test_symmetric_forces_are_close),
        cmocka_unit_test(test_quality_and_posture_help),
        cmocka_unit_test(test_deterministic_without_rng),
        cmocka_unit_test(test_rng_same_seed_same_battle),
        cmocka_unit_test(test_losses_bounded_and_days),
        cmocka_unit_test(test_overwhelming_force_breaks_the_enemy),
        cmocka_unit_test(test_beaten_attacker_pursued_less),
        cmocka_unit_test(test_casualties_bounded_by_firer_strength),
        cmocka_unit_test(test_empty_and_bad_inputs),
        cmocka_unit_test(test_spec_parsing),
        cmocka_unit_test(test_no_surrender_fights_longer_and_bloodier),
        cmocka_unit_test(test_no_surrender_holds_when_outmatched),
        cmocka_unit_test(test_terms_left_off),
        cmocka_unit_test(test_quality_raises_break_point),
        cmocka_unit_test(test_campaign),
        cmocka_unit_test(test_strain),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_fitted_parameters_are_sane),
        cmocka_unit_test(test_nation_loss_factor),
        cmocka_unit_test(test_nation_names_and_spec),
        cmocka_unit_test(test_campaign_buildup),
        cmocka_unit_test(test_campaign_quiet_contact),
        cmocka_unit_test(test_support_saturation),
        cmocka_unit_test(test_parse_phases),
        cmocka_unit_test(test_no_surrender_does_not_win_by_standing),
        cmocka_unit_test(test_surprise_helps_the_attacker),
        cmocka_unit_test(test_surprise_fades),
        cmocka_unit_test(test_air_superiority),
        cmocka_unit_test(test_armour_exploits_a_breakthrough),
        cmocka_unit_test(test_encirclement),
        cmocka_unit_test(test_planned_terms_bounded),
        cmocka_unit_test(test_night_attack),
        cmocka_unit_test(test_no_surrender_defender_holds),
        cmocka_unit_test(test_spec_planned_keys),
        cmocka_unit_test(test_way_back),
        cmocka_unit_test(test_field_force_cut_off),
        cmocka_unit_test(test_ring_round_a_line_that_stands),
        cmocka_unit_test(test_echelons_keep_the_engagement_clock),
        cmocka_unit_test(test_echelons_winner_follows_the_result),
        cmocka_unit_test(test_defender_collapses),
        cmocka_unit_test(test_collapse_odds),
        cmocka_unit_test(test_short_assault_stops_at_the_break_point),
        cmocka_unit_test(test_drawn_winner_odds),
        cmocka_unit_test(test_draws_do_not_lean),
        cmocka_unit_test(test_central_odds),
        cmocka_unit_test(test_works_and_tolerance_terms),
        cmocka_unit_test(test_river_crossing),
        cmocka_unit_test(test_delaying_action),
        cmocka_unit_test(test_works_storm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
