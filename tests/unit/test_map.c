/* test_map.c — routes over the map (world/map.c) and the battle sites
 * worked out from them at load (compiled.c): battles reads a sector's site
 * from the load-time table only while each side holds the ground it held
 * at the start, and routes again once it does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "fixture_builtin.h"
#include "model/battles.h"
#include "world/compiled.h"
#include "world/map.h"
#include "world/world.h"

static const hk_setup *setup_of(void)
{
    static hk_setup su;
    hk_setup_init(&su, scenario);
    return &su;
}

static void ground_of(const hk_world *w, hk_regions own[2])
{
    own[0] = own[1] = 0;
    for (int r = 0; r < w->s->n_regions; r++)
        for (int side = 0; side < 2; side++)
            if (hk_world_own_ground(w, r, side))
                own[side] |= HK_REGION_BIT(r);
}

/* What battles gives for sector sec is the routing over the world's ground. */
static void assert_routed(const hk_world *w, int sec)
{
    hk_regions own[2];
    ground_of(w, own);
    double got[2], want[2] = {w->c->supply_km[sec][0], w->c->supply_km[sec][1]};
    hk_battles_site_km(w, sec, got);
    hk_map_battle_site(w->s, sec, own, want);
    assert_true(got[0] == want[0] && got[1] == want[1]);
}

static void test_sites_at_load_are_the_routes_over_the_first_ground(void **state)
{
    (void)state;
    const hk_compiled *c = scenario->compiled;
    int found = 0;
    for (int sec = 0; sec < scenario->n_sectors; sec++) {
        double km[2] = {c->supply_km[sec][0], c->supply_km[sec][1]};
        int site = hk_map_battle_site(scenario, sec, c->site_own, km);
        assert_int_equal(site, c->site[sec]);
        if (site >= 0) {
            found++;
            assert_true(km[0] == c->site_km[sec][0] && km[1] == c->site_km[sec][1]);
            assert_int_equal(scenario->regions[site].sector, sec);
            assert_false(scenario->regions[site].railhead);
        }
    }
    assert_true(found > 0); /* the Khalkha, Changkufeng: sectors with battle ground */
    hk_world *w = hk_world_new(setup_of(), HK_MODE_SIMULATE, 1, 0);
    assert_non_null(w);
    hk_regions own[2];
    ground_of(w, own);
    assert_true(own[0] == c->site_own[0] && own[1] == c->site_own[1]);
    for (int sec = 0; sec < scenario->n_sectors; sec++)
        assert_routed(w, sec);
    hk_world_free(w);
}

/* Ground changing hands: each region in turn given to the other side; the
 * site is routed again over the new ground, and some change moves a site
 * or its hauls away from the table's (so the table is not read then). */
static void test_sites_follow_the_ground(void **state)
{
    (void)state;
    const hk_compiled *c = scenario->compiled;
    hk_world *w = hk_world_new(setup_of(), HK_MODE_SIMULATE, 1, 0);
    assert_non_null(w);
    int moved = 0;
    for (int r = 0; r < scenario->n_regions; r++) {
        int8_t was = w->control[r];
        w->control[r] = (int8_t)(hk_world_own_ground(w, r, HK_SIDE_SOV) ? scenario->jpn : scenario->sov);
        for (int sec = 0; sec < scenario->n_sectors; sec++) {
            assert_routed(w, sec);
            double km[2];
            hk_battles_site_km(w, sec, km);
            if (c->site[sec] >= 0 && (km[0] != c->site_km[sec][0] || km[1] != c->site_km[sec][1]))
                moved++;
        }
        w->control[r] = was;
    }
    assert_true(moved > 0);
    hk_world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sites_at_load_are_the_routes_over_the_first_ground),
        cmocka_unit_test(test_sites_follow_the_ground),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
