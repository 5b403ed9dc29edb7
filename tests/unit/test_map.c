/* test_map.c — routes, widest routes and flows over the map (world/map.c), kept across
 * asks and runs, and the battle sites
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

/* Shortest routes by relaxing every open link until nothing changes: the
 * same sums along the same routes as the search, found another way. */
static void reference_routes(const hk_scenario *s, hk_month month, hk_regions from, hk_regions enter,
                             hk_regions through, double *dist)
{
    const hk_compiled *c = s->compiled;
    for (int r = 0; r < s->n_regions; r++)
        dist[r] = (from >> r) & 1u ? 0.0 : INFINITY;
    for (bool changed = true; changed;) {
        changed = false;
        for (int l = 0; l < s->n_links; l++) {
            if (c->link_on[l] > month)
                continue;
            for (int way = 0; way < 2; way++) {
                int u = way ? s->links[l].to : s->links[l].from, v = way ? s->links[l].from : s->links[l].to;
                if (!((through >> u) & 1u) || !((enter >> v) & 1u) || ((from >> v) & 1u))
                    continue;
                double d = dist[u] + s->links[l].km;
                if (d < dist[v]) {
                    dist[v] = d;
                    changed = true;
                }
            }
        }
    }
}

static uint64_t next_bits(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void assert_routes(const hk_scenario *s, hk_month month, hk_regions from, hk_regions enter,
                          hk_regions through)
{
    double got[HK_MAX_REGIONS], want[HK_MAX_REGIONS];
    hk_map_routes_at(s, month, from, enter, through, got);
    reference_routes(s, month, from, enter, through, want);
    for (int r = 0; r < s->n_regions; r++)
        assert_true(got[r] == want[r] || (isinf(got[r]) && isinf(want[r])));
}

/* The routes and the regions reached kept from one ask to the next (map.c's
 * memos, kept across runs) answer as a search would: for sets asked over and over in months
 * before and after links open, in an order that revisits them, and after
 * the scenario is compiled again with a link of another length. */
static void test_kept_routes_answer_as_a_search(void **state)
{
    (void)state;
    hk_scenario *s = scenario;
    const hk_compiled *c = s->compiled;
    assert_true(c->n_link_epochs >= 2); /* links that open during the scenario */
    hk_regions all = s->n_regions >= 64 ? ~(hk_regions)0 : (HK_REGION_BIT(s->n_regions) - 1);
    enum { SETS = 40 };
    hk_regions from[SETS], enter[SETS], through[SETS];
    uint64_t x = 7;
    for (int k = 0; k < SETS; k++) {
        from[k] = HK_REGION_BIT(next_bits(&x) % (uint64_t)s->n_regions) | (next_bits(&x) & next_bits(&x) & all);
        enter[k] = k % 3 == 0 ? all : (next_bits(&x) | next_bits(&x)) & all;
        through[k] = k % 2 == 0 ? ~(hk_regions)0 : (next_bits(&x) | next_bits(&x) | next_bits(&x)) & all;
    }
    /* each opening month, the month before it, and every link */
    hk_month months[2 * HK_MAX_LINKS + 1];
    int n_months = 0;
    for (int e = 0; e < c->n_link_epochs; e++)
        if (c->link_epoch[e] != INT32_MIN) {
            months[n_months++] = c->link_epoch[e] - 1;
            months[n_months++] = c->link_epoch[e];
        }
    months[n_months++] = HK_MAP_ALL_LINKS;
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < n_months; i++)
            for (int k = 0; k < SETS; k++) {
                hk_month month = months[(i + pass * k) % n_months];
                assert_routes(s, month, from[k], enter[k], through[k]);
                /* the regions reached: those a route reaches, entering `enter` */
                double want[HK_MAX_REGIONS];
                reference_routes(s, month, from[k], enter[k], ~(hk_regions)0, want);
                hk_regions reached = from[k];
                for (int r = 0; r < s->n_regions; r++)
                    if (isfinite(want[r]))
                        reached |= HK_REGION_BIT(r);
                assert_true(hk_map_reach_at(s, month, from[k], enter[k]) == reached);
            }
    /* a link of another length, once the scenario is compiled again */
    int l = 0;
    double was = s->links[l].km;
    double before[HK_MAX_REGIONS], after[HK_MAX_REGIONS];
    hk_regions one = HK_REGION_BIT(s->links[l].from);
    hk_map_routes_at(s, HK_MAP_ALL_LINKS, one, all, all, before);
    s->links[l].km = was * 0.5;
    assert_true(hk_scenario_compile(s));
    hk_map_routes_at(s, HK_MAP_ALL_LINKS, one, all, all, after);
    assert_true(after[s->links[l].to] < before[s->links[l].to]);
    assert_routes(s, HK_MAP_ALL_LINKS, one, all, all);
    s->links[l].km = was;
    assert_true(hk_scenario_compile(s));
    hk_map_routes_at(s, HK_MAP_ALL_LINKS, one, all, all, after);
    assert_true(after[s->links[l].to] == before[s->links[l].to]);
}

/* The widest routes by relaxing every link until nothing changes. */
static void reference_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap)
{
    for (int r = 0; r < s->n_regions; r++)
        cap[r] = (from >> r) & 1u ? INFINITY : 0.0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int l = 0; l < s->n_links; l++)
            for (int way = 0; way < 2; way++) {
                int u = way ? s->links[l].to : s->links[l].from, v = way ? s->links[l].from : s->links[l].to;
                if (!((enter >> v) & 1u) || ((from >> v) & 1u))
                    continue;
                double w = fmin(cap[u], s->links[l].capacity);
                if (w > cap[v]) {
                    cap[v] = w;
                    changed = true;
                }
            }
    }
}

/* The widest routes kept from one ask to the next answer as a search: sets
 * asked three times over in other orders, and a link of another capacity
 * once the scenario is compiled again. */
static void test_kept_widest_routes_answer_as_a_search(void **state)
{
    (void)state;
    hk_scenario *s = scenario;
    hk_regions all = s->n_regions >= 64 ? ~(hk_regions)0 : (HK_REGION_BIT(s->n_regions) - 1);
    enum { SETS = 40 };
    hk_regions from[SETS], enter[SETS];
    uint64_t x = 11;
    for (int k = 0; k < SETS; k++) {
        from[k] = HK_REGION_BIT(next_bits(&x) % (uint64_t)s->n_regions) | (next_bits(&x) & next_bits(&x) & all);
        enter[k] = k % 3 == 0 ? all : (next_bits(&x) | next_bits(&x)) & all;
    }
    double got[HK_MAX_REGIONS], want[HK_MAX_REGIONS];
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < SETS; i++) {
            int k = (i * (pass + 1)) % SETS;
            hk_map_widest(s, from[k], enter[k], got);
            reference_widest(s, from[k], enter[k], want);
            for (int r = 0; r < s->n_regions; r++)
                assert_true(got[r] == want[r]);
        }
    /* the first link at a tenth of its capacity, compiled again */
    int l = 0;
    double was = s->links[l].capacity;
    hk_regions one = HK_REGION_BIT(s->links[l].from);
    hk_map_widest(s, one, all, want);
    s->links[l].capacity = was * 0.1;
    assert_true(hk_scenario_compile(s));
    hk_map_widest(s, one, all, got);
    assert_true(got[s->links[l].to] < want[s->links[l].to]);
    s->links[l].capacity = was;
    assert_true(hk_scenario_compile(s));
    hk_map_widest(s, one, all, got);
    assert_true(got[s->links[l].to] == want[s->links[l].to]);
}

/* The maximum flows kept from one ask to the next answer as the first ask
 * did (in this process, the first ask of each is a search): between the ends
 * of each link that opens during the scenario, in the month before it opens
 * and in its month, asked again in the other order; and after the scenario
 * is compiled again with the capacities doubled, and once more as they were. */
static void test_kept_flows_answer_as_a_search(void **state)
{
    (void)state;
    hk_scenario *s = scenario;
    hk_regions all = s->n_regions >= 64 ? ~(hk_regions)0 : (HK_REGION_BIT(s->n_regions) - 1);
    enum { MAXL = 16 };
    int opened[MAXL], n = 0;
    for (int l = 0; l < s->n_links && n < MAXL; l++)
        if (s->compiled->link_on[l] != INT32_MIN)
            opened[n++] = l;
    assert_true(n > 0);
    double first[MAXL][2];
    int grew = 0;
    for (int k = 0; k < n; k++) {
        const hk_link *lk = &s->links[opened[k]];
        hk_month on = s->compiled->link_on[opened[k]];
        for (int j = 0; j < 2; j++)
            first[k][j] = hk_map_max_flow(s, on - 1 + j, HK_REGION_BIT(lk->from), HK_REGION_BIT(lk->to), all);
        grew += first[k][1] > first[k][0];
    }
    assert_true(grew > 0); /* a link's opening carries more men */
    for (int k = n - 1; k >= 0; k--) {
        const hk_link *lk = &s->links[opened[k]];
        hk_month on = s->compiled->link_on[opened[k]];
        for (int j = 1; j >= 0; j--)
            assert_true(hk_map_max_flow(s, on - 1 + j, HK_REGION_BIT(lk->from), HK_REGION_BIT(lk->to), all) ==
                        first[k][j]);
    }
    for (int l = 0; l < s->n_links; l++)
        s->links[l].capacity *= 2;
    assert_true(hk_scenario_compile(s));
    for (int k = 0; k < n; k++) {
        const hk_link *lk = &s->links[opened[k]];
        hk_month on = s->compiled->link_on[opened[k]];
        double f = hk_map_max_flow(s, on, HK_REGION_BIT(lk->from), HK_REGION_BIT(lk->to), all);
        assert_true(f == 2 * first[k][1]);
    }
    for (int l = 0; l < s->n_links; l++)
        s->links[l].capacity /= 2;
    assert_true(hk_scenario_compile(s));
    for (int k = 0; k < n; k++) {
        const hk_link *lk = &s->links[opened[k]];
        hk_month on = s->compiled->link_on[opened[k]];
        assert_true(hk_map_max_flow(s, on, HK_REGION_BIT(lk->from), HK_REGION_BIT(lk->to), all) == first[k][1]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sites_at_load_are_the_routes_over_the_first_ground),
        cmocka_unit_test(test_sites_follow_the_ground),
        cmocka_unit_test(test_kept_routes_answer_as_a_search),
        cmocka_unit_test(test_kept_flows_answer_as_a_search),
        cmocka_unit_test(test_kept_widest_routes_answer_as_a_search),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
