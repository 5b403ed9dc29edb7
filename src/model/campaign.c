/* campaign.c — a general war fought as fronts along the border sectors, in
 * steps of days (docs/model.md#war-campaign).
 *
 * Each border sector is a front. When the war opens each side's front
 * holds the forces facing that sector; the rest of its theatre army is a
 * reserve that reaches the fronts month by month, no faster than the
 * widest route of links from its sources allows (the Trans-Siberian's
 * trains, the Borzya line, roads, sea lanes: links.yaml's capacities). In
 * each step of war.step_days days each side attacks, holds or withdraws on
 * each front (the player's orders, or the state: the force ratio against
 * war.attack_ratio; the side outnumbered by war.redoubt_ratio in the
 * theatre falls back, as the Kwantung Army's 1945 plan did). An attack is a
 * battle of the combat model between the two fronts' forces, fought on the
 * objective region's terrain with each side's haul from its railhead; a
 * front beyond what its route sustains (war.supply_sustain months of its
 * capacity) fights as if further still. A won battle hands the objective
 * to the winner; armour exploits (war.exploit_tanks per 1000 men) and takes
 * a second region when the beaten front is weak. A region cut off from
 * every route to its side's bases is encircled: its front's men break out
 * (war.breakout) or are lost, the Japanese army fighting to the end, the
 * Soviet one surrendering. Losses go to movement (loss_men) like every
 * battle's; the war's totals and exhaustion are kept here. */
#include "model/campaign.h"

#include "core/mathx.h"
#include "model/battles.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/assess.h"
#include "model/combat.h"
#include "model/control.h"
#include "model/landings.h"
#include "model/movement.h"
#include "model/war_toll.h"
#include "world/map.h"

#define SRC_WAR "model: war-campaign (docs/model.md#war-campaign)"


static bool in_aims(const hk_world *w, int side, int region);
static bool opening(const hk_world *w, int side);
static bool way_back(const hk_world *w, int o, int side);
static bool holds_out_encircled(const hk_world *w, int side);
static void fort_garrison(hk_world *w, int f, hk_front *dfr, int a, int o);
static void garrison_pockets(hk_world *w, hk_rng *rng, int days);
static bool fortified_line(const hk_world *w, int o, int side);
static bool contact(hk_world *w, hk_rng *r, int f, int step, int days, int a, int o, const int from[2],
                    hk_combat_side cs[2][2], hk_front *held_by[2], double month_cas[HK_MAX_SECTORS][2], int *battles);
static bool holds_fortress(const hk_world *w, int side);
static void account(hk_world *w, int side, double men, const hk_combat_losses *lo);
static void tell_plan(hk_world *w);
static void tell_counter_stroke(hk_world *w, int f, int side, int o, const hk_combat_side *cs);

/* The border sector whose front region r belongs to: the one it faces
 * (regions.yaml `sector`), or for a fortified region of a sector's zone that
 * is no ground of its border battles, that zone's (`zone`: Hutou); -1 none. */
static int zone_of(const hk_scenario *s, int r) { return s->regions[r].sector >= 0 ? s->regions[r].sector : s->regions[r].zone; }

static bool held_at_start(const hk_world *w, int r, int side)
{
    return hk_world_side(w, w->camp.control_at_start[r]) == side;
}

/* Whether region r's fortress holds out besieged with the city in its
 * works (invest): the region is still its holder's, but neither a way back
 * nor a base to attack from for its field army outside. */
static bool invested(const hk_world *w, int r) { return (w->camp.invested >> r) & 1; }

/* The side whose garrison holds out in region r: the holder of an invested
 * fortress (which may be one it took, captured_fortress), else the side
 * that held the region when the war began (its fortified zone). */
static int garrison_side(const hk_world *w, int r)
{
    return invested(w, r) ? hk_control_side(w, r) : hk_world_side(w, w->camp.control_at_start[r]);
}

/* The besiegers' haul to their lines round region o: over side a's ground
 * to the nearest region it holds next to it, and the link from there. */
static double siege_km(const hk_world *w, int o, int a)
{
    const hk_compiled *cc = w->c;
    double best = INFINITY;
    for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++) {
        const hk_link *k = &w->s->links[cc->adj[i]];
        int n = cc->adj_to[i];
        if (k->kind != HK_LINK_SEA && hk_control_side(w, n) == a && w->camp.route_km[a][n] + k->km < best)
            best = w->camp.route_km[a][n] + k->km;
    }
    return best;
}

/* Whether side a holds ground round region o (a land link from it): a
 * siege needs its besiegers there. */
static bool besieged_by(const hk_world *w, int o, int a)
{
    const hk_compiled *cc = w->c;
    for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++)
        if (w->s->links[cc->adj[i]].kind != HK_LINK_SEA && hk_control_side(w, cc->adj_to[i]) == a)
            return true;
    return false;
}

/* Whether region r is a railhead this month: one from the start, or one
 * whose line has opened by now (regions.yaml `rail_from`: the Bei'an-Heihe
 * line brought the railway to the Amur opposite Blagoveshchensk in 1935,
 * beihei_railway), so a war fought after it supplies its front there. */
static bool railhead_now(const hk_world *w, int r) { return w->c->rail_on[r] <= w->month; }

/* Whether link l is there this month: one from the start, or one whose way
 * has opened by now (links.yaml `opened`: the Harbin-Heihe line reached the
 * Amur in 1935, beihei_railway), so a war fought before it neither supplies,
 * moves nor advances over a line not yet built. */
static bool link_open(const hk_world *w, int l) { return w->c->link_on[l] <= w->month; }

/* Bases: the side's railheads behind the border (no sector) that it held
 * when the war began: depots, ports, the line to European Russia. */
static bool is_base(const hk_world *w, int r, int side)
{
    /* (the ground behind the border held at the start: start_rear, worked
     * out as the war begins, hk_campaign_begin) */
    return (unsigned)side < 2 && ((w->camp.start_rear[side] >> r) & 1u) && railhead_now(w, r) &&
           hk_control_side(w, r) == side;
}

static bool own(const hk_world *w, int r, int side) { return hk_control_side(w, r) == side; }

/* Where a front falling back turns and stands: the redoubt its side's plan
 * of defence names (regions.yaml `redoubt`: the Kwantung Army's plan of
 * 1945 gave up the Manchurian plain and its railway towns for the
 * mountains round Tonghua, and its armies did not stand at Wangyemiao,
 * Qiqihar or Harbin on their way back, glantz2003); a side with no redoubt
 * stands at its bases, the railheads behind the border it held when the
 * war began. */
static bool stands_at(const hk_world *w, int r, int side)
{
    if (!is_base(w, r, side))
        return false;
    const hk_scenario *s = w->s;
    if (s->regions[r].redoubt >= 0 && hk_world_side(w, s->regions[r].redoubt) == side)
        return true;
    for (int q = 0; q < s->n_regions; q++)
        if (s->regions[q].redoubt >= 0 && hk_world_side(w, s->regions[q].redoubt) == side && is_base(w, q, side))
            return false; /* a redoubt it still holds: it goes on to it */
    return true;
}

/* The regions r of the side for which in(w, r, side) holds, as a set. */
static hk_regions set_of(const hk_world *w, int side, bool (*in)(const hk_world *, int, int))
{
    hk_regions m = 0;
    for (int r = 0; r < w->s->n_regions; r++)
        if (in(w, r, side))
            m |= HK_REGION_BIT(r);
    return m;
}

/* Both sides' ground and bases as control stands, in one pass: the sets
 * set_of(w, side, own) and set_of(w, side, is_base) give, for both sides. */
static void side_sets(hk_world *w, hk_regions held[2], hk_regions bases[2])
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    held[0] = held[1] = 0;
    for (int r = 0; r < s->n_regions; r++) {
        int side = hk_control_side(w, r);
        if (side == 0 || side == 1)
            held[side] |= HK_REGION_BIT(r);
    }
    if (c->rail_month != w->month) {
        c->rail_now = 0;
        for (int r = 0; r < s->n_regions; r++)
            if (railhead_now(w, r))
                c->rail_now |= HK_REGION_BIT(r);
        c->rail_month = w->month;
    }
    /* (the ground held at the start as the war began: hk_campaign_begin) */
    for (int side = 0; side < 2; side++)
        bases[side] = held[side] & c->start_rear[side] & c->rail_now;
}

void hk_campaign_haul(const hk_world *w, int side, double *km)
{
    const hk_scenario *s = w->s;
    hk_regions held = set_of(w, side, own), rail = 0;
    for (int r = 0; r < s->n_regions; r++)
        if (railhead_now(w, r))
            rail |= HK_REGION_BIT(r);
    hk_map_routes_at(s, w->month, rail & held, held, ~(hk_regions)0, km);
}

/* Where a side's reinforcements come from: the Soviet side's from the west,
 * over the westernmost railhead it holds (the Trans-Siberian from European
 * Russia); the Japanese side's from its bases (Japan, Korea, the Kwantung
 * lease, the Manchurian depots). */
static hk_regions sources_from(const hk_world *w, int side, hk_regions bases)
{
    const hk_scenario *s = w->s;
    hk_regions sources = bases;
    if (side != HK_SIDE_JPN) {
        /* the bases no other base lies west of */
        double west = INFINITY;
        for (hk_regions m = bases; m; m &= m - 1)
            west = hk_fmin(west, s->regions[__builtin_ctzll(m)].lon);
        for (hk_regions m = bases; m; m &= m - 1)
            if (s->regions[__builtin_ctzll(m)].lon > west)
                sources &= ~HK_REGION_BIT(__builtin_ctzll(m));
    }
    return sources;
}

static hk_regions sources_of(const hk_world *w, int side) { return sources_from(w, side, set_of(w, side, is_base)); }

/* What the links carry to each region a side holds: the maximum flow from
 * its sources over its own ground (the routes' capacities added where they
 * run in parallel); 0 where none reaches. */
void hk_campaign_flow(const hk_world *w, int side, double *cap)
{
    const hk_scenario *s = w->s;
    hk_regions sources = sources_of(w, side), held = set_of(w, side, own);
    for (int r = 0; r < s->n_regions; r++)
        cap[r] = (held >> r) & 1u ? hk_map_max_flow(s, w->month, sources, HK_REGION_BIT(r), held) : 0;
}

/* What the links carry to a front: the maximum flow from the side's sources
 * to the regions of front f it holds together. */
double hk_campaign_front_flow(const hk_world *w, int side, int f)
{
    const hk_scenario *s = w->s;
    hk_regions mine = 0, held = set_of(w, side, own);
    for (int r = 0; r < s->n_regions; r++)
        if (w->camp.front_of[r] == f && ((held >> r) & 1u))
            mine |= HK_REGION_BIT(r);
    return mine ? hk_map_max_flow(s, w->month, sources_of(w, side), mine, held) : 0;
}

uint64_t hk_campaign_encircled(const hk_world *w, int side)
{
    hk_regions held = set_of(w, side, own);
    return held & ~hk_map_reach_at(w->s, w->month, set_of(w, side, is_base), held);
}

/* The first link from `from` on in the set `near` (bit l of word l / 64),
 * or -1 past the last of n. */
static int next_link(const uint64_t *near, int from, int n)
{
    for (int word = from >> 6; from < n; word++, from = word << 6) {
        uint64_t m = near[word] & (~(uint64_t)0 << (from & 63));
        if (m)
            return (word << 6) + __builtin_ctzll(m) < n ? (word << 6) + __builtin_ctzll(m) : -1;
    }
    return -1;
}

/* The links with an end on a region of front f, as a set (bit l of word
 * l / 64). */
static void near_of(const hk_world *w, int f, uint64_t *near)
{
    const hk_compiled *cc = w->c;
    memset(near, 0, sizeof(uint64_t) * ((HK_MAX_LINKS + 63) / 64));
    for (int r = 0; r < w->s->n_regions; r++)
        if (w->camp.front_of[r] == f)
            for (int i = cc->adj_at[r]; i < cc->adj_at[r + 1]; i++)
                if (link_open(w, cc->adj[i]))
                    near[cc->adj[i] >> 6] |= (uint64_t)1 << (cc->adj[i] & 63);
}

/* Every front's links at once, in one pass over the regions (near_of for
 * each front). */
static void all_front_links(hk_world *w)
{
    const hk_compiled *cc = w->c;
    int nf = w->s->n_sectors < HK_MAX_SECTORS ? w->s->n_sectors : HK_MAX_SECTORS;
    for (int f = 0; f < nf; f++)
        memset(w->camp.near_links[f], 0, sizeof(uint64_t) * ((HK_MAX_LINKS + 63) / 64));
    for (int r = 0; r < w->s->n_regions; r++) {
        int f = w->camp.front_of[r];
        if (f < 0 || f >= nf)
            continue;
        uint64_t *near = w->camp.near_links[f];
        for (int i = cc->adj_at[r]; i < cc->adj_at[r + 1]; i++)
            if (link_open(w, cc->adj[i]))
                near[cc->adj[i] >> 6] |= (uint64_t)1 << (cc->adj[i] & 63);
    }
}

/* Front f's links worked out again, after its ground has changed. */
static void front_links(hk_world *w, int f)
{
    if (f < 0 || f >= HK_MAX_SECTORS)
        return;
    near_of(w, f, w->camp.near_links[f]);
}

/* Region r becomes front f's ground (f -1: no front's). */
static void set_front(hk_world *w, int r, int f)
{
    int g = w->camp.front_of[r];
    w->camp.front_of[r] = (int8_t)f;
    if (g != f) {
        front_links(w, g);
        front_links(w, f);
    }
}

int hk_campaign_objective(const hk_world *w, int f, int side, int *from)
{
    const hk_scenario *s = w->s;
    int best = -1, best_from = -1, best_tier = 3;
    double best_km = INFINITY;
    /* a front with the armour to exploit (war.exploit_tanks per 1000 men)
     * makes for the depth: the enemy's railway junctions and depots behind
     * its border zone come before the towns of the border itself, which the
     * rifle armies following up are left to take (the deep operation: the
     * Soviet tank army of 1945 crossed the Great Khingan for Changchun and
     * Mukden, leaving Hailar to the 36th Army, glantz2003; the Trans-Baikal
     * Front's orders named Changchun and Mukden, 001:197) */
    const hk_front *self = &w->camp.front[f];
    bool deep = self->men[side] > 0 && 1000.0 * self->tanks[side] / self->men[side] >= P(w, WAR_EXPLOIT_TANKS);
    /* only a link with an end on this front can qualify (the first test
     * below): those links, from each region's list, in index order (kept
     * as front_of changes and each month, front_links) */
    const uint64_t *near = w->camp.near_links[f];
    for (int l = next_link(near, 0, s->n_links); l >= 0; l = next_link(near, l + 1, s->n_links)) {
        const hk_link *k = &s->links[l];
        for (int dir = 0; dir < 2; dir++) {
            int q = dir ? k->to : k->from, v = dir ? k->from : k->to;
            /* armies advance over land: rail, road, a river crossing; the sea
             * lanes carry supplies to the side that holds both ends */
            /* from a region of this front, or into one of this front's
             * from a region next to it (the Khalkha front's ground is all
             * Mongolian: the Japanese side reaches it from Hailar) */
            if (k->kind == HK_LINK_SEA || (w->camp.front_of[q] != f && w->camp.front_of[v] != f) ||
                !own(w, q, side) || hk_control_side(w, v) != 1 - side)
                continue;
            /* a fortress under siege is the besiegers' to storm, and its
             * garrison makes no attack out of it */
            if (invested(w, q) || invested(w, v))
                continue;
            /* ground taken this month is consolidated by its taker (dug in,
             * its rear brought up) and not fought over again before next
             * month's reinforcements: control does not flap */
            if (w->camp.changes[v] > 0)
                continue;
            /* the nearest enemy region along the front's own links; ties to
             * the lower index, so the same state gives the same objective
             * (one that cannot be nearer than the best so far is not weighed
             * further) */
            /* (and a front's main body goes over its land routes before it
             * crosses a great river: a crossing is its secondary axis where
             * it has a land one, as the 35th Army's over the Ussuri at Hutou
             * beside the 1st Far Eastern Front's main blow by Suifenhe and
             * the Kwantung Army's plan of 1941 by the land border before
             * Iman, glantz2003; where a river is all the front faces, as the
             * Amur at Heihe, it is crossed) */
            int tier = deep && railhead_now(w, v) && zone_of(s, v) < 0 ? 0 : k->kind == HK_LINK_RIVER ? 2 : 1;
            if (!(tier < best_tier || (tier == best_tier && (k->km < best_km || (k->km == best_km && v < best)))))
                continue;
            /* (that region next to it is the side's own ground from before
             * the war, where the front can stand: not ground another front
             * has just taken in its advance, where this front's armies are
             * not; the 2nd Far Eastern Front crossed the Amur at
             * Blagoveshchensk and did not come on Harbin by Qiqihar, which
             * the Transbaikal Front took, glantz2003) */
            if (w->camp.front_of[q] != f && !held_at_start(w, q, side))
                continue;
            if (!in_aims(w, side, v))
                continue;
            /* a garrison with no way back that will hold out to the end is
             * bypassed and left besieged, not stormed (the Soviet fronts of
             * 1945 went round the fortified regions, glantz2003) */
            if (holds_out_encircled(w, 1 - side) && !way_back(w, v, 1 - side))
                continue;
            {
                best_tier = tier;
                best = v;
                best_from = q;
                best_km = k->km;
            }
        }
    }
    if (from)
        *from = best_from;
    return best;
}

bool hk_campaign_trans_siberian_cut(const hk_world *w)
{
    /* the line's stations, found once at load (compiled.c) */
    for (uint64_t m = w->c->trans_siberian_ends; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        if (held_at_start(w, r, HK_SIDE_SOV) && hk_control_side(w, r) == HK_SIDE_JPN)
            return true;
    }
    return false;
}

int hk_campaign_taken(const hk_world *w, int side, uint64_t *mask)
{
    int n = 0;
    uint64_t m = 0;
    for (int r = 0; r < w->s->n_regions && r < 64; r++)
        if (own(w, r, side) && held_at_start(w, r, 1 - side)) {
            n++;
            m |= (uint64_t)1 << r;
        }
    if (mask)
        *mask = m;
    return n;
}

bool hk_campaign_offensive_on(const hk_world *w, int side)
{
    for (int f = 0; f < w->s->n_sectors && f < HK_MAX_SECTORS; f++) {
        const hk_front *fr = &w->camp.front[f];
        if (fr->active && fr->attacked[side] && !fr->broke[side] && fr->op_men[side] > 0 &&
            !(side == HK_SIDE_JPN && hk_battles_winter_halts(w, f)))
            return true;
    }
    return false;
}

/* Weapons per man of a side's whole theatre army (its formations). */
static void side_per_man(const hk_world *w, int side, double pm[3])
{
    double men = 0, t = 0, g = 0, a = 0;
    for (int f = 0; f < w->s->n_formations; f++) {
        if (w->c->form_side[f] != side)
            continue;
        men += w->formation[f].men;
        t += w->formation[f].tanks;
        g += w->formation[f].guns;
        a += w->formation[f].aircraft;
    }
    pm[0] = men > 0 ? t / men : 0;
    pm[1] = men > 0 ? g / men : 0;
    pm[2] = men > 0 ? a / men : 0;
}

static double pool_of(const hk_world *w, int side) { return side == HK_SIDE_JPN ? w->jpn_men : w->sov_men; }

/* A formation's quality this month: that of its record in force (the last
 * one dated up to the month with men in it), 1 where that record gives
 * none. The Kwantung Army of 1941, at its peak, fights at full worth; the
 * one of 1945, refilled with raw divisions, at half (forces.yaml,
 * glantz2003, 001:211). */
static double formation_quality(const hk_world *w, int f)
{
    /* the schedule worked out at load (compiled.c): its last entry by now */
    for (int i = w->c->n_equip[f] - 1; i >= 0; i--)
        if (w->c->equip[f][i].from <= w->month)
            return w->c->equip[f][i].quality;
    return 1.0;
}

/* A side's troops as its formations' quality, weighted by men. */
static double side_quality(const hk_world *w, int side)
{
    double q = 0, men = 0;
    for (int f = 0; f < w->s->n_formations; f++) {
        const hk_formation_state *fs = &w->formation[f];
        if (w->c->form_side[f] != side || !(fs->men > 0))
            continue;
        q += fs->men * formation_quality(w, f);
        men += fs->men;
    }
    return men > 0 ? q / men : 1.0;
}

/* How far the other side's theatre army outweighs a side's: men times
 * their troops' quality this month (the Kwantung Army of 1945 weighed its
 * refilled divisions at a fraction of their old worth and planned for a
 * lost border accordingly, glantz2003; 001:211). */
static double theatre_odds(const hk_world *w, int side)
{
    const hk_campaign_state *c = &w->camp;
    double q[2];
    for (int i = 0; i < 2; i++)
        q[i] = c->quality[i] > 0 ? c->quality[i] : 1.0;
    return pool_of(w, 1 - side) * q[1 - side] / hk_fmax(pool_of(w, side) * q[side], 1000.0);
}

/* The Japanese army's practice of no surrender (001:145): in battle its
 * troops fight to the last until their government's surrender is
 * announced (the Kwantung Army fought on for days after the Soviet entry,
 * until the Emperor's broadcast and the order to lay down arms,
 * glantz2003). */
static bool order_reached(const hk_world *w)
{
    const hk_campaign_state *c = &w->camp;
    return c->surrender_day > 0 && w->today >= c->surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS);
}

static bool fights_to_the_last(const hk_world *w, int side)
{
    /* once the order to lay down arms has reached the fronts
     * (war.ceasefire_days after the surrender is announced), a field army
     * no longer fights to the last: its men give up rather than die for a
     * war their government has ended (Changchun and Mukden were handed over
     * to the Soviet airborne landings of 19 August without a fight,
     * glantz2003). The broadcast alone does not stop them: until the order
     * comes down the chain of command they fight as before (the 5th Army
     * fought its hardest battle at Mudanjiang from 12 to 16 August, the
     * Kwantung Army's ceasefire order went out on the 17th and reached its
     * armies over the 18th to the 20th, glantz2003) */
    return side == HK_SIDE_JPN && !w->japan_surrendered && !order_reached(w);
}

/* A cut-off Japanese garrison holds out until its government surrenders,
 * whatever the cabinet is seeking meanwhile: in August 1945 the border
 * garrisons fought on after the Soviet entry and the atomic bombs, until
 * the Kwantung Army's ceasefire order of 17-19 August (Hutou's to the 26th,
 * glantz2003); the mass surrender came with the order, not before it. */
static bool holds_out_encircled(const hk_world *w, int side)
{
    return fights_to_the_last(w, side);
}

/* What a side fights for: a side at war in Europe as well fights in the east
 * only to hold or win back its own ground (the Soviet Far East of 1941-1945
 * stood on the defensive while Germany was unbeaten); a side pledged to the
 * Allies takes what the pledge gives it, the zones in which Japan's forces
 * would surrender to it (General Order No. 1 drew the line of the Yalta and
 * Potsdam understandings, general_order_no1); otherwise everything the
 * other side holds. */
static bool in_aims(const hk_world *w, int side, int region)
{
    if (held_at_start(w, region, side))
        return true;
    if (side != HK_SIDE_SOV)
        return true;
    if (hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED))
        return false;
    if (!hk_flag(w, HK_EFFECT_ALLIED_PLEDGE))
        return true;
    const hk_scenario *s = w->s;
    for (int z = 0; z < s->n_zones; z++)
        if (hk_world_side(w, s->zones[z].to) == side && region < 64 && ((s->zones[z].regions >> region) & 1))
            return true;
    return false;
}

bool hk_campaign_in_aims(const hk_world *w, int side, int region) { return in_aims(w, side, region); }

static const char *sector_label(const hk_world *w, int sec)
{
    const hk_sector *sc = &w->s->sectors[sec];
    return sc->name ? sc->name : sc->id;
}

/* Both sides' hauls and widest routes, worked out again only when a region
 * has changed hands since the last time or a link has opened (they depend
 * on nothing else while a war lasts: the bases are the ground held when it
 * began). */
static void routes(hk_world *w)
{
    hk_campaign_state *c = &w->camp;
    if (c->routes_ok && w->month < c->route_until && memcmp(c->route_control, w->control, sizeof c->route_control) == 0)
        return;
    c->route_until = INT32_MAX;
    for (int l = 0; l < w->s->n_links; l++)
        if (w->c->link_on[l] > w->month && w->c->link_on[l] < c->route_until)
            c->route_until = w->c->link_on[l];
    /* (hk_campaign_haul and hk_campaign_encircled for both sides, over the
     * sets worked out once) */
    const hk_scenario *s = w->s;
    hk_regions held[2], bases[2], rail = 0;
    side_sets(w, held, bases);
    for (int r = 0; r < s->n_regions; r++)
        if (railhead_now(w, r))
            rail |= HK_REGION_BIT(r);
    for (int side = 0; side < 2; side++) {
        hk_map_routes_at(s, w->month, rail & held[side], held[side], ~(hk_regions)0, c->route_km[side]);
        c->flow_known[side] = 0; /* the flows are worked out when asked for (flow_to, front_flow) */
        c->front_known[side] = 0;
        c->route_cut[side] = held[side] & ~hk_map_reach_at(s, w->month, bases[side], held[side]);
    }
    memcpy(c->route_control, w->control, sizeof c->route_control);
    c->routes_ok = true;
}

/* What the links carry to region r of a side, and to its front f: maximum
 * flows, worked out the first time they are asked for while control is as
 * it was (routes) and kept; each is a function of who holds what. */
/* Each side's ground and sources as control stands (set_of, sources_of),
 * worked out again only when it has changed. */
static void route_sets(hk_world *w)
{
    hk_campaign_state *c = &w->camp;
    if (c->sets_ok && memcmp(c->sets_control, w->control, sizeof c->sets_control) == 0)
        return;
    hk_regions held[2], bases[2];
    side_sets(w, held, bases);
    for (int side = 0; side < 2; side++) {
        c->sets_held[side] = held[side];
        c->sets_sources[side] = sources_from(w, side, bases[side]);
    }
    memcpy(c->sets_control, w->control, sizeof c->sets_control);
    c->sets_ok = true;
}

static double flow_to(hk_world *w, int side, int r)
{
    hk_campaign_state *c = &w->camp;
    if (!((c->flow_known[side] >> r) & 1u)) {
        route_sets(w);
        c->route_flow[side][r] = own(w, r, side) ? hk_map_max_flow(w->s, w->month, c->sets_sources[side], HK_REGION_BIT(r),
                                                             c->sets_held[side])
                                                  : 0;
        c->flow_known[side] |= HK_REGION_BIT(r);
    }
    return c->route_flow[side][r];
}

static double front_flow(hk_world *w, int side, int f)
{
    hk_campaign_state *c = &w->camp;
    if (!((c->front_known[side] >> f) & 1u)) {
        /* hk_campaign_front_flow, over the sets as control stands */
        route_sets(w);
        hk_regions mine = 0, held = c->sets_held[side];
        for (int r = 0; r < w->s->n_regions; r++)
            if (c->front_of[r] == f && ((held >> r) & 1u))
                mine |= HK_REGION_BIT(r);
        c->route_front[side][f] = mine ? hk_map_max_flow(w->s, w->month, c->sets_sources[side], mine, held) : 0;
        c->front_known[side] |= 1u << f;
    }
    return c->route_front[side][f];
}

/* A formation belongs to its side's theatre army when it is in the side's
 * pool (the mainland army, the Far Eastern army) or an ally's own army
 * outside the pools (the Mongolian army). */
static bool in_theatre(const hk_world *w, int f, int side)
{
    int pool = w->c->form_pool[f];
    return w->c->form_side[f] == side && (pool < 0 || pool == (side == HK_SIDE_JPN ? 0 : 2));
}

/* The men of a side's theatre army: its pool and its allies' armies. */
static double theatre_of(const hk_world *w, int side)
{
    double men = pool_of(w, side);
    for (int f = 0; f < w->s->n_formations; f++)
        if (in_theatre(w, f, side) && w->c->form_pool[f] < 0 && w->formation[f].men > 0)
            men += w->formation[f].men;
    return men;
}

/* The men of a side's garrisons holding out in its fortified zones: part
 * of its theatre army on no front. */
static double garrisons_of(const hk_world *w, int side)
{
    double men = 0;
    for (int r = 0; r < w->s->n_regions; r++)
        if (w->camp.garrison[r] > 0 && garrison_side(w, r) == side)
            men += w->camp.garrison[r];
    return men;
}

/* Where a side's fronts are worth men: the enemy's men facing each, and
 * for the opener its plan's main axis war.main_blow times more (the
 * Kantokuen plan massed the Kwantung Army against the Maritime Province,
 * with secondary blows on the Amur and from the west, glantz2003). */
static double front_weight(const hk_world *w, int f, int side, double enemy)
{
    double k = enemy + 1000;
    if (side == w->war_opener && f == w->camp.main_axis)
        k *= P(w, WAR_MAIN_BLOW);
    return k;
}

/* The sectors the works of a fortified region in depth face: those of the
 * regions its land routes lead to (Halung-Arshaan's, the Khalkha's, over
 * the Great Khingan passes to Tamsag-Bulak): its garrison stands on the
 * front that comes to it by them, not in the side's reserve. */
static unsigned works_face(const hk_world *w, int r)
{
    const hk_scenario *s = w->s;
    unsigned mask = 0;
    for (int i = w->c->adj_at[r]; i < w->c->adj_at[r + 1]; i++) {
        int n = w->c->adj_to[i], sec = s->regions[n].sector;
        if (s->links[w->c->adj[i]].kind != HK_LINK_SEA && sec >= 0 && sec < HK_MAX_SECTORS)
            mask |= 1u << sec;
    }
    return mask;
}

/* The theatre armies placed on the fronts when the war opens: each
 * formation stands on the fronts its ground faces (movement's map of the
 * sectors a region faces), split among them by front_weight times the
 * square root of the length of border each front has to hold (a long front
 * is held more thinly, a short one in more depth: the Soviet armies round
 * Voroshilov stood mostly against the 905 km of the Ussuri and the Primorye
 * border, the 25th Army, about a fifth of them, against the 65 km of the
 * Tumen, and the Japanese 1st Area Army mostly round Mudanjiang,
 * glantz2003; the enemy's men facing two fronts count on both, so they
 * alone split such a formation evenly between a long front and a short
 * one); a formation
 * that faces no front (the central reserve at Dalian, the Korea Army's
 * headquarters, the Soviet corps in Ulaanbaatar) is the side's reserve,
 * sent forward over the links (reinforce). A front's men are the
 * formations placed there, counted once. */
static void place(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    uint64_t manchurian = w->c->manchurian_sectors;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++)
        for (int side = 0; side < 2; side++) {
            hk_front *fr = &c->front[f];
            fr->men[side] = fr->tanks[side] = fr->guns[side] = fr->aircraft[side] = 0;
        }
    for (int side = 0; side < 2; side++)
        for (int k = 0; k < s->n_formations; k++) {
            const hk_formation_state *fs = &w->formation[k];
            if (!in_theatre(w, k, side) || fs->region < 0 || !(fs->men > 0))
                continue;
            double wt[HK_MAX_SECTORS] = {0}, sum = 0;
            unsigned mask = w->near_sector[fs->region];
            if (s->formations[k].fortress) {
                /* a fortified region's own units stand on the front of its
                 * sector's zone (Hailar's on the Argun's, not the Khalkha's
                 * too), or, in depth, on the one its land routes lead to */
                int z = zone_of(s, fs->region);
                mask = z >= 0 && z < HK_MAX_SECTORS ? 1u << z : mask ? mask : works_face(w, fs->region);
            }
            for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
                if (!((mask >> f) & 1u))
                    continue;
                /* Manchukuo's borders are Japan's to hold only once Manchuria is */
                if (side == HK_SIDE_JPN && ((manchurian >> f) & 1u) && !w->manchuria_seized)
                    continue;
                double len = s->sectors[f].length_km > 0 ? sqrt(s->sectors[f].length_km) : 1;
                wt[f] = front_weight(w, f, side, w->sector_forces[f][1 - side].men) * len;
                sum += wt[f];
            }
            for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS && sum > 0; f++) {
                double x = wt[f] / sum;
                hk_front *fr = &c->front[f];
                fr->men[side] += fs->men * x;
                fr->tanks[side] += fs->tanks * x;
                fr->guns[side] += fs->guns * x;
                fr->aircraft[side] += fs->aircraft * x;
            }
        }
}

void hk_campaign_begin(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_movement_formations(w);
    memset(c->front, 0, sizeof c->front);
    memset(c->changes, 0, sizeof c->changes);
    c->routes_ok = false;
    c->sets_ok = false; /* the bases are the ground held as the war begins */
    c->prisoners[0] = c->prisoners[1] = 0;
    c->days = 0;
    c->surrender_day = 0;
    c->start_day = 1;
    c->trans_siberian_cut = false;
    c->start_rear[0] = c->start_rear[1] = 0;
    c->rail_month = HK_MONTH_NONE;
    for (int r = 0; r < HK_MAX_REGIONS; r++) {
        c->control_at_start[r] = w->control[r];
        c->front_of[r] = (int8_t)(r < s->n_regions ? zone_of(s, r) : -1);
        for (int side = 0; side < 2; side++)
            if (r < s->n_regions && zone_of(s, r) < 0 && held_at_start(w, r, side))
                c->start_rear[side] |= HK_REGION_BIT(r);
    }
    all_front_links(w);
    c->main_axis = -1;
    c->trunk = 0;
    for (int l = 0; l < s->n_links; l++)
        if (s->links[l].bottleneck && s->links[l].from >= 0 && s->links[l].from < 64 && s->links[l].to >= 0 && s->links[l].to < 64)
            c->trunk |= (1ull << s->links[l].from) | (1ull << s->links[l].to);
    c->countered = 0;
    c->plan_told = false;
    c->stavka_told = 0;
    c->quiet_months = 0;
    c->still_months = 0;
    memset(c->garrison, 0, sizeof c->garrison);
    memset(c->breached, 0, sizeof c->breached);
    memset(c->stood, 0, sizeof c->stood);
    memset(c->garrison_guns, 0, sizeof c->garrison_guns);
    c->invested = 0;
    memset(c->garrison_left, 0, sizeof c->garrison_left);
    memset(c->garrison_days, 0, sizeof c->garrison_days);
    memset(c->garrison_from, 0, sizeof c->garrison_from);
    memset(c->column_km, 0, sizeof c->column_km);
    memset(c->column_fuel, 0, sizeof c->column_fuel);
    memset(c->column_halt, 0, sizeof c->column_halt);
    memset(c->column_day, -1, sizeof c->column_day);
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        hk_front *fr = &c->front[f];
        fr->active = true;
        fr->march_to[0] = fr->march_to[1] = -1;
        fr->fell_back_to[0] = fr->fell_back_to[1] = -1;
        for (int side = 0; side < 2; side++) {
            const hk_side_forces *sf = &w->sector_forces[f][side];
            fr->men[side] = sf->men;
            fr->tanks[side] = sf->tanks;
            fr->guns[side] = sf->guns;
            fr->aircraft[side] = sf->aircraft;
            fr->posture[side] = HK_FRONT_HOLD;
        }
    }
    /* the opener's main axis: the front whose objective is worth most, an
     * enemy railhead on the railway every reinforcement of the other side
     * passes over before a railhead off it before open ground (Kantokuen's
     * main blow was to fall on the Maritime Province and the Ussuri line),
     * and among those where its forces are strongest against the enemy's */
    int op = w->war_opener;
    double best = -1;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS && op >= 0 && op < 2; f++) {
        int o = hk_campaign_objective(w, f, op, NULL);
        if (o < 0)
            continue;
        int value = railhead_now(w, o) ? 1 : 0;
        for (int l = 0; l < s->n_links && value == 1; l++)
            if (s->links[l].bottleneck && (s->links[l].from == o || s->links[l].to == o))
                value = 2;
        hk_combat_side mine = {.men = c->front[f].men[op], .tanks = c->front[f].tanks[op],
                               .guns = c->front[f].guns[op], .aircraft = c->front[f].aircraft[op], .quality = 1};
        hk_combat_side theirs = {.men = c->front[f].men[1 - op], .tanks = c->front[f].tanks[1 - op],
                                 .guns = c->front[f].guns[1 - op], .aircraft = c->front[f].aircraft[1 - op],
                                 .quality = 1};
        double pm = hk_combat_power(&w->combat, &mine, 0, HK_TERRAIN_PLAIN);
        double pt = hk_combat_power(&w->combat, &theirs, 0, HK_TERRAIN_PLAIN);
        double k = value + pm / (pm + pt + 1.0); /* the value first, the odds within it */
        if (k > best) {
            best = k;
            c->main_axis = (int8_t)f;
        }
    }
    place(w);
    for (int side = 0; side < 2; side++) {
        c->pool_at_start[side] = pool_of(w, side);
        for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++)
            c->front[f].men_at_start[side] = c->front[f].men[side];
    }
    hk_landings_begin(w); /* the island fronts' forces */
}

/* The men a side has on all its fronts. */
static double fronts_men(const hk_world *w, int side)
{
    double sum = 0;
    for (int f = 0; f < w->s->n_sectors; f++)
        sum += w->camp.front[f].men[side];
    return sum;
}

double hk_campaign_reserve(const hk_world *w, int side)
{
    return hk_fmax(0, theatre_of(w, side) - garrisons_of(w, side) - fronts_men(w, side));
}

/* Whether Stavka holds the Soviet side of a war Japan opened to the
 * defensive: while Germany's offensive holds it (hk_assess_west_crisis), the
 * reserve behind the eastern fronts is kept for the west (movement sends it
 * there) and a front gets from it only what holding needs, war.hold_ratio
 * times the men facing it; so a counter-stroke is made, if at all, with what
 * a front already has (the Far East's divisions went to Moscow in
 * October-December 1941, rzd_transfers_1941). */
static bool stavka_holds(const hk_world *w, int side)
{
    return side == HK_SIDE_SOV && w->war_opener == HK_SIDE_JPN && !w->soviet_entry &&
           !(w->player >= 0 && w->player == hk_world_side_actor(w, side)) && hk_assess_west_crisis(w);
}

/* Stavka's answer told: the month it first holds the Far East to the
 * defensive in the war, and the month the German offensive no longer holds
 * it while the war goes on. */
static void tell_stavka(hk_world *w, int side, double reserve)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    if (side != HK_SIDE_SOV || w->war_opener != HK_SIDE_JPN || w->soviet_entry)
        return;
    bool holds = stavka_holds(w, side);
    int bit = holds ? 1 : 2;
    if ((c->stavka_told & bit) || (!holds && !(c->stavka_told & 1)))
        return;
    c->stavka_told |= (uint8_t)bit;
    if (hk_world_logging(w)) {
        hk_month since = w->flag_since[HK_EFFECT_GER_SOV_WAR];
        if (holds)
            snprintf(w->scratch, sizeof w->scratch,
                     "Stavka answers Japan's attack with the Germans still advancing in the west (their attack of "
                     "%d-%02d, %d month%s ago): it sends the Far East no one, keeps the %.0f men of its reserve behind "
                     "the eastern fronts for the west, and orders the fronts to hold with what holding needs; the Far "
                     "East calls up its own reservists, %.0f a month.",
                     hk_month_year(since), hk_month_mon(since), w->month - since, w->month - since == 1 ? "" : "s",
                     reserve, P(w, SOVIET_WAR_MOBILIZE));
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "%d months after the German attack of %d-%02d Germany's offensive no longer holds Stavka: the "
                     "Far East may send the %.0f men of its reserve to its fronts and strike back to win its ground; "
                     "from the west it still gets no one while the war with Germany lasts.",
                     w->month - since, hk_month_year(since), hk_month_mon(since), reserve);
    }
    hk_world_emit2(w, "forces", "stavka", s->sov, s->jpn, w->scratch, SRC_WAR "; rzd_transfers_1941");
}

/* The tanks, guns and aircraft a side's fronts hold, and (with the guns)
 * its besieged garrisons'. */
static void fronts_arms(const hk_world *w, int side, double have[3])
{
    const hk_campaign_state *c = &w->camp;
    have[0] = have[1] = have[2] = 0;
    for (int f = 0; f < w->s->n_sectors && f < HK_MAX_SECTORS; f++) {
        have[0] += c->front[f].tanks[side];
        have[1] += c->front[f].guns[side];
        have[2] += c->front[f].aircraft[side];
    }
    for (int r = 0; r < w->s->n_regions; r++)
        if (c->garrison[r] > 0 && garrison_side(w, r) == side)
            have[1] += c->garrison_guns[r];
}

/* The arms of a side's reserve behind the fronts, per man of it: what its
 * theatre army has (its formations' weapons per man times the men of the
 * theatre outside the besieged garrisons) less what its fronts and its
 * garrisons' guns already hold. A front's armour is what stands on it and
 * what the reserve can bring; the reserve brings only its own, and what the
 * other fronts keep holds their ground: the tanks of the Transbaikal and the
 * Amur do not reach the Maritime Province unless those fronts are thinned
 * (release), and the T-26s and BTs the Far East gave up in the second half
 * of 1941 (forces.yaml, glantz2003) are gone from the fronts as from the
 * formations (cap_arms). */
/* (men: the theatre's men outside the garrisons; reserve: those of them on
 * no front, both as the caller has them) */
static void reserve_per_man(const hk_world *w, int side, double men, double reserve, double rpm[3])
{
    double pm[3], have[3];
    side_per_man(w, side, pm);
    fronts_arms(w, side, have);
    for (int k = 0; k < 3; k++)
        rpm[k] = reserve > 1 ? hk_fmax(0, pm[k] * men - have[k]) / reserve : 0;
}

/* A side's men and arms on a front, times k. */
static void scale_front(hk_front *fr, int side, double k)
{
    fr->men[side] *= k;
    fr->tanks[side] *= k;
    fr->guns[side] *= k;
    fr->aircraft[side] *= k;
}

/* A side's allocation follows the threat: a front that holds keeps what
 * holding needs, war.hold_ratio times the men facing it, and gives the
 * rest back to the reserve when another front is short of what it needs;
 * the reserve then goes forward over the links at their capacity
 * (reinforce). So a side on the defensive thins its quiet fronts for the
 * threatened ones (the Soviet Far East could draw on the Transbaikal for
 * the Maritime Province, glantz2003). The opener's fronts in its opening
 * offensive stand as its plan placed them (place, front_weight), and a
 * player's side keeps its fronts where it put them. */
static void release(hk_world *w, int side)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    if (w->player >= 0 && w->player == hk_world_side_actor(w, side))
        return;
    if (opening(w, side))
        return; /* the opener's fronts are placed by its plan for the opening offensive */
    double surplus[HK_MAX_SECTORS] = {0}, spare = 0, short_of = 0;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        const hk_front *fr = &c->front[f];
        if (!fr->active || fr->besieged[side])
            continue;
        double keep = P(w, WAR_HOLD_RATIO) * fr->men[1 - side];
        if (fr->posture[side] == HK_FRONT_ATTACK || fr->men[side] < keep) {
            short_of += hk_fmax(0, keep - fr->men[side]);
            continue;
        }
        surplus[f] = fr->men[side] - keep;
        spare += surplus[f];
    }
    double go = hk_fmin(spare, short_of);
    if (!(go > 1000))
        return;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        hk_front *fr = &c->front[f];
        if (!(surplus[f] > 0) || !(fr->men[side] > 0))
            continue;
        double k = 1.0 - surplus[f] * (go / spare) / fr->men[side];
        scale_front(fr, side, k);
    }
}

/* Keeps the fronts' arms within the theatre army's: when the formations
 * give weapons up (sent west, worn out), the fronts lose them in proportion
 * to what each holds, arm by arm. */
static void cap_arms(hk_world *w, int side, double men)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    double pm[3], have[3], k[3];
    side_per_man(w, side, pm);
    fronts_arms(w, side, have);
    for (int i = 0; i < 3; i++)
        k[i] = have[i] > pm[i] * men && have[i] > 0 ? hk_fmax(0, pm[i] * men) / have[i] : 1.0;
    if (k[0] >= 1.0 && k[1] >= 1.0 && k[2] >= 1.0)
        return;
    /* (the garrisons' guns stay in their works: the fronts give up what the
     * theatre has lost) */
    double guns = 0;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++)
        guns += c->front[f].guns[side];
    if (k[1] < 1.0 && guns > 0)
        k[1] = hk_fmax(0, guns - (have[1] - pm[1] * men)) / guns;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        hk_front *fr = &c->front[f];
        fr->tanks[side] *= k[0];
        fr->guns[side] *= k[1];
        fr->aircraft[side] *= k[2];
    }
}

/* Keeps the fronts within the theatre army (movement may have shrunk it)
 * and sends the reserve forward within each front's route capacity:
 * first to the front a player names, then where the enemy is strongest. */
static void reinforce(hk_world *w, int side)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    double sum = fronts_men(w, side);
    double pool = hk_fmax(0, theatre_of(w, side) - garrisons_of(w, side));
    if (sum > pool && sum > 0) {
        double k = pool / sum;
        for (int f = 0; f < s->n_sectors; f++) {
            hk_front *fr = &c->front[f];
            scale_front(fr, side, k);
        }
        return;
    }
    release(w, side);
    cap_arms(w, side, pool);
    sum = fronts_men(w, side);
    double reserve = pool - sum;
    tell_stavka(w, side, hk_fmax(0, reserve));
    bool held = stavka_holds(w, side);
    if (!(reserve > 1000))
        return;
    double pm[3];
    reserve_per_man(w, side, pool, reserve, pm);
    /* each front's routes: what the links carry from the sources to the
     * regions it holds */
    double route[HK_MAX_SECTORS], threat = 0;
    for (int f = 0; f < s->n_sectors; f++) {
        route[f] = front_flow(w, side, f);
        if (!isfinite(route[f]))
            route[f] = 1e9; /* a source on the front itself */
        if (c->front[f].active && route[f] > 0)
            threat += front_weight(w, f, side, c->front[f].men[1 - side]);
    }
    int player_front = -1;
    if (w->player == hk_world_side_actor(w, side) && w->orders_given && w->orders.reinforce_front >= 0 &&
        w->orders.reinforce_front < s->n_sectors)
        player_front = w->orders.reinforce_front;
    for (int pass = 0; pass < 2 && reserve > 1000; pass++)
        for (int f = 0; f < s->n_sectors; f++) {
            hk_front *fr = &c->front[f];
            if (!fr->active || route[f] <= 0)
                continue;
            double want;
            if (pass == 0)
                want = f == player_front || (player_front < 0 && opening(w, side) && f == c->main_axis) ? reserve : 0;
            else
                want = player_front >= 0 ? 0 : reserve * front_weight(w, f, side, fr->men[1 - side]) / hk_fmax(threat, 1);
            if (held) /* Stavka keeps the rest for the west */
                want = hk_fmin(want, hk_fmax(0, P(w, WAR_HOLD_RATIO) * fr->men[1 - side] - fr->men[side]));
            double add = hk_fmin(want, route[f] - fr->added[side]);
            if (!(add > 0))
                continue;
            fr->added[side] += add;
            fr->brought[side] += add;
            fr->men[side] += add;
            fr->tanks[side] += add * pm[0];
            fr->guns[side] += add * pm[1];
            fr->aircraft[side] += add * pm[2];
            reserve -= add;
        }
    /* the reader is told where a front's new men come from: the side's
     * reserve behind the fronts, over the routes that reach the front */
    for (int f = 0; f < s->n_sectors; f++) {
        const hk_front *fr = &c->front[f];
        if (!(fr->added[side] >= P(w, WAR_ENGAGEMENT_MEN)) || !hk_world_logging(w))
            continue;
        char most[64] = "";
        if (route[f] < 1e8)
            snprintf(most, sizeof most, " (%.0f a month at most)", route[f]);
        snprintf(w->scratch, sizeof w->scratch,
                 "The %s side brings %.0f men of its reserve up to the %s front, by the railways and roads that "
                 "reach it%s; %.0f stay in reserve.",
                 hk_side_adjective(side), fr->added[side], sector_label(w, f), most, hk_fmax(0, reserve));
        hk_world_emit2(w, "front", s->sectors[f].id, hk_world_side_actor(w, side), hk_world_side_actor(w, 1 - side),
                       w->scratch, SRC_WAR);
    }
}

static hk_combat_side front_side(const hk_world *w, const hk_front *fr, int side, double km, double sustain)
{
    /* a front commits to a battle what its route keeps supplied; the rest
     * follow behind and come forward as the fighting uses the first up */
    double k = sustain > 0 && fr->men[side] > sustain ? sustain / fr->men[side] : 1.0;
    hk_combat_side cs = {.men = fr->men[side] * k, .tanks = fr->tanks[side] * k, .guns = fr->guns[side] * k,
                         .aircraft = fr->aircraft[side] * k, .quality = w->camp.quality[side]};
    cs.supply_km = isfinite(km) ? km : P(w, WAR_NO_ROUTE_KM);
    cs.nation = side == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
    cs.no_surrender = fights_to_the_last(w, side);
    return cs;
}

/* A counter-stroke waits for its reserve: the men a side's reserve brings
 * up to a front in a month come over the links at their monthly capacity,
 * so they join the front evenly over the month (by day d, d/30 of them);
 * until then they are on the railway, not in the attack. This binds the
 * side that did not open the war, whose reserve moves only once the war
 * has begun; the opener's reserve was moved up while the war was prepared
 * (its opening offensive fights on depots stocked beforehand). So a Soviet
 * counter-stroke of the autumn of 1941 attacks with what stands on the
 * front and what has arrived, not on the first day with a month's
 * reinforcements. */
/* The share of a front's supplied men that has arrived today (1: all up). */
static double arrived_share(const hk_world *w, const hk_front *fr, int side)
{
    if (side == w->war_opener || !(fr->added[side] > 0) || !(fr->men[side] > 0))
        return 1.0;
    double day = w->today > 0 ? (double)(w->today - 1) : 0;
    double away = fr->added[side] * (1.0 - hk_fmin(1.0, day / 30.0));
    return hk_fmax(0.0, 1.0 - away / fr->men[side]);
}

static void arriving(const hk_world *w, const hk_front *fr, int side, hk_combat_side *cs)
{
    if (side == w->war_opener || !(fr->added[side] > 0) || !(fr->men[side] > 0) || !(cs->men > 0))
        return;
    double k = arrived_share(w, fr, side);
    cs->men *= k;
    cs->tanks *= k;
    cs->guns *= k;
    cs->aircraft *= k;
}

/* The opener's opening offensive: the months of its war plan's first
 * operation (war.opening_months), in which it attacks on its main axis
 * whatever the odds and wherever else its power reaches war.opening_ratio
 * of the defence's, until the attack on a front is beaten off. */
static bool opening(const hk_world *w, int side)
{
    return side == w->war_opener && w->month - w->war_on < (int)P(w, WAR_OPENING_MONTHS);
}

/* Whether region o, a front's objective, is an enemy railhead on the
 * railway every reinforcement of the other side passes over (a bottleneck
 * link): the Kantokuen plan's first phase sent the Eastern and the
 * Northern fronts together, from Pogranichnaya on Voroshilov and from
 * Heihe over the Amur on Blagoveshchensk and Kuibyshevka-Vostochnaya, to
 * take the railway towns of the Ussuri and Amur lines, and held the
 * Western front back until those succeeded (glantz2003;
 * senshi_sosho_kantogun2). Such a front opens with the main axis whatever
 * its odds, as the main axis does; the others wait for the margin. */
static bool on_trunk(const hk_world *w, int o)
{
    return o >= 0 && ((w->camp.trunk >> o) & 1u) && railhead_now(w, o);
}

/* The posture a side takes on a front: the player's order, else from the
 * state: the opener's opening offensive; attack with the ratio
 * war.attack_ratio over the defence; fall back when the theatre is lost
 * (outnumbered war.redoubt_ratio to one); else hold. */
static int decide_posture(const hk_world *w, int f, int side, int o, double ratio)
{
    if (w->player >= 0 && w->player == hk_world_side_actor(w, side) && w->orders_given &&
        w->orders.front_posture[f] >= HK_FRONT_ATTACK && w->orders.front_posture[f] <= HK_FRONT_WITHDRAW)
        return w->orders.front_posture[f];
    double theatre = theatre_odds(w, side);
    bool beaten_off = w->camp.front[f].repulsed[side];
    /* a side whose theatre is lost gives up its forward fronts and makes no
     * attack of its own (the Kwantung Army of 1945 planned no offensive,
     * only the fall back to its redoubt, glantz2003) */
    if (theatre >= P(w, WAR_REDOUBT_RATIO) && !opening(w, side))
        return HK_FRONT_WITHDRAW;
    /* while Germany's offensive holds Stavka its eastern fronts hold: no
     * counter-stroke is made before it lets the Far East use its reserve
     * (stavka_holds; the Far East's divisions were going to Moscow in
     * October-December 1941, rzd_transfers_1941) */
    if (stavka_holds(w, side)) {
        /* (but a front whose own ground the enemy has taken strikes back
         * with what it has, and only there, once the enemy's offensive on
         * it has spent itself: a counter-attack to restore the border, as
         * the Far East's fronts threw the Japanese back off the ground they
         * claimed at Changkufeng and on the Khalkha, coox1977, coox1985,
         * with the margin an attack needs; its reserve stays Stavka's) */
        const hk_front *fr = &w->camp.front[f];
        int e = 1 - side;
        bool enemy_on = fr->op_men[e] > 0 && !fr->broke[e] && !fr->spent[e];
        if (o >= 0 && held_at_start(w, o, side) && !enemy_on && !beaten_off && ratio >= P(w, WAR_ATTACK_RATIO))
            return HK_FRONT_ATTACK;
        return HK_FRONT_HOLD;
    }
    /* the Japanese army opens no offensive outside the border's campaigning
     * season (battles.c): its plan of 1941 was to finish its campaign before
     * the freeze (glantz2003), as its fighting of 1939 was to end before the
     * winter (001:147); it holds the line it has, and its sieges go on */
    /* (an offensive under way that has not broken off goes on past the
     * season's last month until the freeze: the plan of 1941 was to finish
     * its operation before the winter, not to stop it at the month's end,
     * glantz2003) */
    const hk_front *fr = &w->camp.front[f];
    bool under_way = fr->op_men[side] > 0 && !beaten_off && !fr->spent[side];
    if (side == HK_SIDE_JPN && !hk_battles_in_season(w, f) && !(under_way && !hk_battles_winter_halts(w, f)))
        return HK_FRONT_HOLD;
    if (ratio >= P(w, WAR_ATTACK_RATIO) && !beaten_off)
        return HK_FRONT_ATTACK;
    /* an offensive under way is pressed until its break test ends it */
    if (under_way)
        return HK_FRONT_ATTACK;
    /* (an opening offensive beaten off on a front is spent there: the
     * depots stocked for it are used up and its divisions bled, and it is
     * not renewed at any odds in the same campaign; a new one waits for the
     * margin above, as the Kwantung Army's plan of 1941 had one operation
     * to finish before the freeze, glantz2003, and after the repulse of
     * early July 1939 the 23rd Division attacked again only three weeks
     * later, with the artillery brought up from Japan, coox1985) */
    if (opening(w, side) && !beaten_off && !w->camp.front[f].spent[side] &&
        (f == w->camp.main_axis || ratio >= P(w, WAR_OPENING_RATIO) || on_trunk(w, o)))
        return HK_FRONT_ATTACK;
    if (theatre >= P(w, WAR_REDOUBT_RATIO))
        return HK_FRONT_WITHDRAW;
    return HK_FRONT_HOLD;
}

/* The land link's length between two regions (the shortest, if several),
 * 0 when none. */
/* The English suffix of a day's number: 1st, 2nd, 3rd, 11th, 23rd. */
static const char *ordinal(int n)
{
    return n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th";
}

static double land_km(const hk_world *w, int u, int v)
{
    const hk_compiled *cc = w->c;
    double km = 0;
    for (int i = cc->adj_at[u]; i < cc->adj_at[u + 1]; i++) {
        const hk_link *k = &w->s->links[cc->adj[i]];
        if (k->kind != HK_LINK_SEA && link_open(w, cc->adj[i]) && (k->from == v || k->to == v) && (km == 0 || k->km < km))
            km = k->km;
    }
    return km;
}

/* A front that takes region o over an assault crossing of a river (a
 * river link from the region it attacked from) has only its rifle troops
 * on the far bank at first: its mobile groups come over when ferries and
 * bridges are up, war.crossing_days later (the Amur in August 1945,
 * glantz2003), and wait for them (the halt `advance` keeps); so no armour
 * exploits the crossing in the step it is made. */
static void crossing(const hk_world *w, hk_front *fr, int side, int from, int o)
{
    if (from < 0 || !(P(w, WAR_CROSSING_DAYS) > 0))
        return;
    const hk_compiled *cc = w->c;
    bool river = false, land = false;
    for (int i = cc->adj_at[from]; i < cc->adj_at[from + 1]; i++) {
        const hk_link *k = &w->s->links[cc->adj[i]];
        if ((k->from != o && k->to != o) || !link_open(w, cc->adj[i]))
            continue;
        if (k->kind == HK_LINK_RIVER)
            river = true;
        else if (k->kind != HK_LINK_SEA)
            land = true; /* a bridge or road the other way round: no crossing */
    }
    if (river && !land)
        fr->halt[side] = hk_fmax(fr->halt[side], P(w, WAR_CROSSING_DAYS));
}

/* A front that has lost the last region it held falls back with its men
 * along the links to a region its side holds next to the one it lost, the
 * one on the shortest way back to its side's own bases: onto ground of no front, which becomes its own (its line moves
 * back), or into the front that holds that ground, whose defence its men
 * join (the Primorye group falling back up the Ussuri line joins the
 * defence of Khabarovsk, and does not stand apart from it). With no way
 * back, a front whose side holds its fortresses shuts itself up in the
 * fortified region it lost, besieged (Vladivostok's fortress, runov2008);
 * any other stays a pocket (encirclements). */
static void fall_back(hk_world *w, int g, int d, int o)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *gf = &c->front[g];
    if (!(gf->men[d] >= 1))
        return;
    for (int r = 0; r < s->n_regions; r++)
        if (c->front_of[r] == g && own(w, r, d) && !invested(w, r))
            return; /* it still holds ground of its own (a besieged fortress is its garrison's) */
    /* the way back is toward the side's own bases (Korea, the Kwantung
     * lease, not into the Manchurian plain's dead ends): the neighbour from
     * which the route home over the side's ground is shortest, counting the
     * link to it; one cut off from home only when there is no other. A side
     * defending against a war the other opened, or whose theatre is lost
     * (outnumbered war.redoubt_ratio to one), falls back instead to the
     * redoubt its plan of defence names while it holds it: the Kwantung
     * Army's plan of 1945, made against the Soviet attack it expected, gave
     * up the border zones for the mountains of south-eastern Manchuria round
     * Tonghua, covering Korea, and its armies fell back toward it, not into
     * Korea (glantz2003) */
    /* (not through a fortress under siege: its garrison holds it, not a road) */
    hk_regions held = set_of(w, d, own) & ~(hk_regions)c->invested, home = 0, redoubt = 0;
    for (int r = 0; r < s->n_regions; r++) {
        if (is_base(w, r, d) && c->control_at_start[r] == hk_world_side_actor(w, d))
            home |= HK_REGION_BIT(r);
        if (s->regions[r].redoubt >= 0 && hk_world_side(w, s->regions[r].redoubt) == d && is_base(w, r, d))
            redoubt |= HK_REGION_BIT(r);
    }
    bool to_redoubt = redoubt && (w->war_opener == 1 - d ||
                                  theatre_odds(w, d) >= P(w, WAR_REDOUBT_RATIO));
    int q = -1;
    bool best_home = false;
    /* toward the redoubt when one is planned and a way leads there, else home */
    bool toward_redoubt = false;
    /* land_km(w, o, r) for every r, over o's links once */
    double near_km[HK_MAX_REGIONS];
    for (int r = 0; r < s->n_regions; r++)
        near_km[r] = 0;
    for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++) {
        const hk_link *k = &s->links[w->c->adj[i]];
        int v = w->c->adj_to[i];
        if (k->kind != HK_LINK_SEA && link_open(w, w->c->adj[i]) && (near_km[v] == 0 || k->km < near_km[v]))
            near_km[v] = k->km;
    }
    near_km[o] = land_km(w, o, o); /* (as land_km has it: o's shortest link) */
    for (int pass = to_redoubt ? 0 : 1; pass < 2 && !best_home; pass++) {
        double to_home[HK_MAX_REGIONS];
        hk_map_routes_at(s, w->month, pass == 0 ? redoubt : home, held, held, to_home);
        double best = INFINITY;
        q = -1;
        for (int r = 0; r < s->n_regions; r++) {
            double km = own(w, r, d) && !invested(w, r) ? near_km[r] : 0;
            if (!(km > 0))
                continue;
            bool reaches = isfinite(to_home[r]);
            double via = reaches ? km + to_home[r] : km;
            if ((reaches && !best_home) || (reaches == best_home && via < best)) {
                best = via;
                best_home = reaches;
                q = r;
            }
        }
        toward_redoubt = pass == 0 && best_home;
    }
    if (q < 0) {
        /* cut off: the Japanese army's pocket holds out (encirclements);
         * any other breaks out in part (war.breakout), and the rest lay
         * down their arms */
        if (holds_out_encircled(w, d))
            return;
        double out = gf->men[d] * P(w, WAR_BREAKOUT), lost = gf->men[d] - out;
        c->prisoners[d] += lost;
        hk_combat_losses lo = {lost, gf->tanks[d], gf->guns[d], gf->aircraft[d]};
        account(w, d, lost, &lo);
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "The %s forces of the %s front, driven from %s with no way back, are encircled: %.0f break out, "
                     "%.0f are taken prisoner.",
                     hk_side_adjective(d), sector_label(w, g), hk_world_region_label(w, o), out, lost);
        hk_world_emit2(w, "encirclement", s->sectors[g].id, hk_world_side_actor(w, 1 - d), hk_world_side_actor(w, d),
                       w->scratch, SRC_WAR);
        scale_front(gf, d, 0);
        return;
    }
    if (toward_redoubt && hk_world_logging(w)) {
        int rd = __builtin_ctzll(redoubt);
        if (q == rd)
            snprintf(w->scratch, sizeof w->scratch,
                     "The %s forces of the %s front (%.0f men), driven from %s, fall back into the redoubt at %s that "
                     "their plan of defence names.",
                     hk_side_adjective(d), sector_label(w, g), gf->men[d], hk_world_region_label(w, o),
                     hk_world_region_label(w, rd));
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "The %s forces of the %s front (%.0f men), driven from %s, fall back by %s toward the redoubt at "
                     "%s that their plan of defence names.",
                     hk_side_adjective(d), sector_label(w, g), gf->men[d], hk_world_region_label(w, o),
                     hk_world_region_label(w, q), hk_world_region_label(w, rd));
    }
    if (toward_redoubt)
        hk_world_emit2(w, "front", s->regions[q].id, hk_world_side_actor(w, 1 - d), hk_world_side_actor(w, d),
                       w->scratch, SRC_WAR);
    int h = c->front_of[q];
    if (h < 0) {
        set_front(w, q, g);
        return;
    }
    if (h == g)
        return;
    hk_front *hf = &c->front[h];
    gf->fell_back_to[d] = (int8_t)h; /* the month's line says where they went */
    hf->men[d] += gf->men[d];
    hf->tanks[d] += gf->tanks[d];
    hf->guns[d] += gf->guns[d];
    hf->aircraft[d] += gf->aircraft[d];
    scale_front(gf, d, 0);
}

/* The attacker takes the ground round a fortress that holds out with its
 * city in its works (the fleet's base, fort_garrison) and invests it: its
 * front goes on past it, the beaten front falls back, but the region is its
 * holder's until the garrison falls (storm) or its siege is lifted: a
 * besieged Vladivostok is Japan's only once its last strongpoints are
 * taken. */
static void invest(hk_world *w, int region, int side, int f)
{
    if (f < 0 || f >= HK_MAX_SECTORS)
        return;
    hk_front *fr = &w->camp.front[f];
    int g = w->camp.front_of[region];
    w->camp.invested |= (uint64_t)1 << region;
    if (w->camp.changes[region] < 255)
        w->camp.changes[region]++;
    fr->advanced[side]++;
    set_front(w, region, f);
    if (g >= 0)
        fall_back(w, g, 1 - side, region);
}

static void take(hk_world *w, int region, int side, int f)
{
    int g = w->camp.front_of[region];
    w->camp.breached[region] = 0; /* its new holder's line there is a new one */
    hk_control_set(w, region, hk_world_side_actor(w, side));
    if (w->camp.changes[region] < 255)
        w->camp.changes[region]++;
    set_front(w, region, f);
    w->camp.front[f].advanced[side]++;
    if (g >= 0)
        fall_back(w, g, 1 - side, region);
}

/* How fast a front advances: on foot (war.march_foot km a day), or with the
 * armour to exploit (war.exploit_tanks per 1000 men) at the pace of its
 * mobile groups (war.march_mobile). */
static double march_rate(const hk_world *w, const hk_front *fr, int side)
{
    double tpk = fr->men[side] > 0 ? 1000.0 * fr->tanks[side] / fr->men[side] : 0;
    return tpk >= P(w, WAR_EXPLOIT_TANKS) ? P(w, WAR_MARCH_MOBILE) : P(w, WAR_MARCH_FOOT);
}

/* A front's pace this step against its usual (the weather, the roads:
 * war.going_sd), 1 before the first step's draw. */
static double going(const hk_front *fr, int side) { return fr->going[side] > 0 ? fr->going[side] : 1.0; }

/* How far a side's front gets in `days` days of marching. A front on foot
 * goes war.march_foot km a day, its supply following at its pace. A front
 * with the armour to exploit goes at the pace of its mobile groups
 * (war.march_mobile) only as far as the fuel they carry takes them
 * (war.fuel_km); then they wait until more comes up over their haul, the
 * km from their railhead (`haul`, along the ground the side holds, plus the
 * km gone since), at war.haul_km_day, and go on. So a deep thrust slows
 * with its distance from the railway (the Transbaikal Front's tank army
 * crossed the Great Khingan in its first days, then stood for want of fuel
 * until it was brought up by lorry and aircraft, and reached the central
 * Manchurian plain some ten days after it set out, glantz2003). */
static double advance(const hk_world *w, hk_front *fr, int side, double days, double haul, double need, double *km)
{
    double usual = march_rate(w, fr, side), left = days;
    double rate = usual * going(fr, side);
    *km = 0;
    if (!(usual > P(w, WAR_MARCH_FOOT))) {
        double t = hk_fmin(days, need / rate);
        *km = rate * t;
        return t;
    }
    double carry = P(w, WAR_FUEL_KM) > 0 ? P(w, WAR_FUEL_KM) : 1e9;
    double per_day = P(w, WAR_HAUL_KM_DAY) > 0 ? P(w, WAR_HAUL_KM_DAY) : 1e9;
    for (int guard = 0; left > 1e-9 && *km < need - 1e-9 && guard < 8; guard++) {
        if (fr->halt[side] > 0) {
            double h = hk_fmin(fr->halt[side], left);
            fr->halt[side] -= h;
            left -= h;
            if (fr->halt[side] > 1e-9)
                break;
            fr->halt[side] = 0;
            fr->fuel[side] = 0; /* the fuel has come up */
            continue;
        }
        double t = hk_fmin(hk_fmin(left, (carry - fr->fuel[side]) / rate), (need - *km) / rate);
        if (t < 0)
            t = 0;
        *km += rate * t;
        fr->fuel[side] += rate * t;
        left -= t;
        if (fr->fuel[side] >= carry - 1e-9)
            fr->halt[side] = (isfinite(haul) ? haul + *km : P(w, WAR_NO_ROUTE_KM)) / per_day;
    }
    return days - left;
}

/* Whether a side's front has come up to objective o from region `from`
 * this step of `days` days (`haul`: the km from its railhead to `from`):
 * the days it took, -1 while it is still on its way. It fights for o once
 * it has covered half the link between them (the line between two regions
 * lies midway), marching as far as `advance` takes it; an advance toward o
 * carries over from step to step and starts again when the objective
 * changes. Its first objective it meets on the line it stood on when the
 * war opened, when that lies on the border; one deeper it marches to (over
 * the Great Khingan from Mongolia). */
static int marched(const hk_world *w, hk_front *fr, int side, int o, int from, int days, double haul)
{
    double link = 0.5 * land_km(w, from, o);
    if (fr->march_to[side] != o) {
        /* the war's first objective across the border: the front stands on
         * the line, deployed for the war, and fights at once */
        fr->march[side] = fr->march_to[side] < 0 && zone_of(w->s, o) >= 0 ? link : 0;
        fr->march_to[side] = (int16_t)o;
    }
    if (fr->march[side] >= link)
        return 0;
    double km, used = advance(w, fr, side, days, haul + fr->march[side], link - fr->march[side], &km);
    fr->march[side] += km;
    return fr->march[side] >= link - 1e-6 ? (int)ceil(used - 1e-9) : -1;
}

/* What a side loses goes to movement and to the war's totals and its
 * exhaustion (hk_war_toll, as the island fronts count theirs). */
static void account(hk_world *w, int side, double men, const hk_combat_losses *lo)
{
    w->loss_men[side] += men;
    w->loss_tanks[side] += lo->tanks;
    w->loss_guns[side] += lo->guns;
    w->loss_aircraft[side] += lo->aircraft;
    hk_war_toll(w, side, men);
}

static void losses(hk_world *w, int side, hk_front *fr, const hk_combat_losses *lo)
{
    double men = hk_fmin(lo->men, fr->men[side]);
    fr->men[side] -= men;
    fr->tanks[side] = hk_fmax(0, fr->tanks[side] - lo->tanks);
    fr->guns[side] = hk_fmax(0, fr->guns[side] - lo->guns);
    fr->aircraft[side] = hk_fmax(0, fr->aircraft[side] - lo->aircraft);
    account(w, side, men, lo);
}

/* A fortified region in depth of side's plan that the side held when the
 * war began (regions.yaml `fortified`): works behind the border zones, on
 * the railway the enemy must take, manned by their own units (own_garrison:
 * the 107th Division in the Halung-Arshaan fortified region across the
 * Taonan railway over the Great Khingan, glantz2003). It is no border
 * sector's zone: what it has is its own, not a share of a zone's. */
static bool in_depth(const hk_world *w, int o, int side)
{
    int by = w->s->regions[o].fortified;
    return by >= 0 && hk_world_side(w, by) == side && held_at_start(w, o, side);
}

/* A region of a border sector the side held when the war began (its
 * fortified zone), or a fortified region of its in depth (in_depth). */
static bool fortified_line(const hk_world *w, int o, int side)
{
    const hk_scenario *s = w->s;
    if ((zone_of(s, o) < 0 && (s->regions[o].fortified < 0 || !in_depth(w, o, side))) || !held_at_start(w, o, side))
        return false;
    /* a city its plan holds as a main line of resistance in depth behind
     * the border zone is defended from field positions by the army falling
     * back to it, not from a border zone's works (main_line) */
    if (s->regions[o].main_line >= 0 && hk_world_side(w, s->regions[o].main_line) == side)
        return false;
    /* the fortified regions were built across the railways into the other
     * side's ground, at the junctions and river crossings they cover (the
     * Soviet ones from 1932 at Vladivostok, Grodekovo and Voroshilov, Iman,
     * Khabarovsk, Blagoveshchensk, Borzya and Dauria, runov2008; the
     * Kwantung Army's at Hailar, Aigun, Suifenhe and Hutou, glantz2003): a
     * region of the border zone on no railway (the Khasan heights) is
     * defended from field positions */
    for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++)
        if (s->links[w->c->adj[i]].kind == HK_LINK_RAIL && link_open(w, w->c->adj[i]))
            return true;
    return false;
}

/* Whose fortified garrisons hold when their front is driven off or falls
 * back: the Japanese army's while its government fights on (its practice of
 * no surrender, 001:145; Hutou held to the ceasefire, glantz2003); the
 * Soviet fortified regions' machine-gun and artillery battalions, static
 * troops without transport, always (the fortified regions of the Far East
 * were built to hold out encircled behind the enemy's advance, runov2008). */
static bool holds_fortress(const hk_world *w, int side)
{
    return side == HK_SIDE_SOV || !w->japan_surrendered;
}

/* Whether a front of side d falling back stands on region o: its plan of
 * defence holds o as a main line of resistance in depth behind the border
 * zone (regions.yaml `main_line`), and the front has stood there fewer than
 * war.main_line_days while its army fights to the last. The Kwantung
 * Army's plan of 1945 gave up the border zones for the redoubt but had its
 * field armies fight delaying battles on lines in depth across the
 * railways to it: the 5th Army stood before Mudanjiang in prepared
 * positions from 12 to 16 August with the bulk of its three divisions,
 * against the 1st Far Eastern Front's 5th and 1st Red Banner Armies, and
 * went back only when they broke in (glantz2003; cdb90, isqno 516). A
 * player's side stands where the player orders. */
static bool on_main_line(const hk_world *w, int o, int d)
{
    int line = w->s->regions[o].main_line;
    return line >= 0 && hk_world_side(w, line) == d && own(w, o, d) && w->camp.stood[o] < P(w, WAR_MAIN_LINE_DAYS) &&
           fights_to_the_last(w, d) && !(w->player >= 0 && w->player == hk_world_side_actor(w, d) && w->orders_given);
}

/* Whether a side holding region o has a land route back from it: a rail,
 * road or river link to another region it holds. */
static bool way_back(const hk_world *w, int o, int side)
{
    const hk_compiled *cc = w->c;
    for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++)
        if (w->s->links[cc->adj[i]].kind != HK_LINK_SEA && link_open(w, cc->adj[i]) && own(w, cc->adj_to[i], side) &&
            !invested(w, cc->adj_to[i]))
            return true;
    return false;
}

/* A front's battle, fought as its forces come into it: like a border
 * battle (battles.c, battle.echelons stages over the step's days, each the
 * combat model's engagement of what has come up less what the stages
 * before cost), but a front's commander does not feed a beaten attack or a
 * broken line: an attack that breaks off or is beaten in a stage is called
 * off, and a defender that `gives_way` falls back when beaten in a stage (a
 * cut-off one fights on with what comes up; a force caught on the move
 * cannot break contact for its first `pinned` days (a rearguard's delaying
 * action, the caller's); a rearguard leaves
 * after `stand` days).
 * The result reads as one battle. */
static int echelons(const hk_world *w)
{
    int n = hk_round_int(P(w, BATTLE_ECHELONS));
    return n < 1 ? 1 : n;
}

/* The combat model for a fight of `men` in all: its noise, fitted on
 * CDB90's engagements (the battle's luck, one draw each), is that of one
 * engagement; a front's battle is several engagements of that size along
 * the front (war.engagement_men in all each, the size the model was fitted
 * on), whose luck is their own, so the front's luck is their mean: the
 * noise's spread over the square root of their number. */
static const hk_combat_params *engagements(const hk_world *w, double men, hk_combat_params *p)
{
    double n = P(w, WAR_ENGAGEMENT_MEN) > 0 ? men / P(w, WAR_ENGAGEMENT_MEN) : 1;
    if (!(n > 1))
        return &w->combat;
    *p = w->combat;
    p->noise_common_sd /= sqrt(n);
    p->noise_diff_sd /= sqrt(n);
    return p;
}

/* Whether a stage's result drives a front from its works (`works`: 0 none,
 * 1 its fortified zone, 2 the zone held with at least the attacker's power,
 * holds_works). A line of pillboxes in depth is not given up because a
 * stage's losses went against its defender: the attacker's blow gains
 * ground only where it breaks through (the combat model's collapse) or where
 * the defender's line itself breaks off; in CDB90 attacks on fortified
 * ground with under half the defender's power won 1 of 8 (docs/combat.md).
 * One that outweighs its attacker yields only to a collapse. */
static bool works_given(int works, const hk_combat_result *st)
{
    if (st->collapsed)
        return true;
    return works == 1 && st->broke_off[HK_COMBAT_DEFENDER];
}

/* The breakthrough of a fortified zone (works_belts): a front in its
 * works is not broken along its whole width at once, by one throw of the
 * combat model's collapse for an engagement of all its men. The attacker
 * masses a shock group (war.breach_mass of its force) on a breakthrough
 * sector (war.breach_frontage of the front, and of the men in its works)
 * and must break the zone's belts (war.works_belts) one after another
 * there: each step's battle that the attacker is not beaten in is fought
 * on the sector too, as the combat model's engagement of the men there
 * (its ratio, surprise, air and envelopment at the point of attack), and
 * the next belt breaks when the defence there collapses or its line breaks
 * off. A belt broken costs its garrison on the sector
 * collapse_share of its men (routed or taken) and the ground it held; the
 * front gives its zone up only when the last belt breaks. So the
 * breakthrough needs what it needed in the record: the ratio at the point
 * of attack and days of fighting through the zone's depth (the Soviet
 * fronts of August 1945 broke the Kwantung Army's border zones on their
 * sectors of breakthrough with a great superiority there, glantz2003; the
 * Kwantung Army's plan of 1941 counted on weeks in the Soviet works,
 * senshi_sosho_kantogun2). Its draws come from a child stream of the
 * step's rng, which it does not advance. Returns 1 when a belt broke. */
#define BREACH_STREAM 0x6272656163680000ULL /* "breach" */
static int breach(hk_world *w, hk_rng *r, const hk_combat_side *att, const hk_combat_side *def, hk_terrain terrain,
                  int days, int region, hk_combat_result *res)
{
    double mass = P(w, WAR_BREACH_MASS), width = P(w, WAR_BREACH_FRONTAGE);
    if (region < 0 || !(mass > 0) || !(width > 0))
        return 0;
    hk_combat_side xa = *att, xd = *def;
    xa.men *= mass, xa.tanks *= mass, xa.guns *= mass, xa.aircraft *= mass;
    double left = hk_fmax(0.0, def->men - res->loss[HK_COMBAT_DEFENDER].men);
    xd.men = width * left, xd.tanks *= width, xd.guns *= width, xd.aircraft *= width;
    /* the fight on the sector: the combat model's engagement of the men
     * there over the step's days; the belt breaks when the defence there
     * collapses or its line breaks off (its losses past its break point,
     * or its power fallen under the collapse ratio of the attacker's) */
    hk_rng child = hk_rng_split(r, BREACH_STREAM);
    hk_combat_params p;
    hk_combat_result pt;
    hk_combat_resolve(engagements(w, xa.men + xd.men, &p), &xa, &xd, terrain, days > 0 ? days : 1, &child, &pt);
    if (!pt.collapsed && !pt.broke_off[HK_COMBAT_DEFENDER])
        return 0;
    /* the belt's garrison on the sector is routed or taken */
    double sh = hk_fmin(0.95, hk_fmax(0.0, w->combat.collapse_share));
    hk_combat_losses *x = &res->loss[HK_COMBAT_DEFENDER];
    x->men += sh * xd.men;
    x->tanks += sh * width * hk_fmax(0.0, def->tanks - x->tanks);
    x->guns += sh * width * hk_fmax(0.0, def->guns - x->guns);
    res->casualties[HK_COMBAT_DEFENDER] = x->men;
    if (w->camp.breached[region] < 255)
        w->camp.breached[region]++;
    if (w->camp.breached[region] >= hk_round_int(P(w, WAR_WORKS_BELTS))) {
        res->collapsed = 1;
        res->winner = HK_COMBAT_ATTACKER;
    }
    return 1;
}

static void front_battle(hk_world *w, hk_rng *r, const hk_combat_side *att, const hk_combat_side *def,
                         hk_terrain terrain, int days, int stand, bool gives_way, int pinned, int works,
                         int region, int *belts, bool planned, hk_combat_result *res)
{
    if (belts)
        *belts = 0;
    int n = echelons(w);
    if (n > days)
        n = days;
    memset(res, 0, sizeof *res);
    res->winner = HK_COMBAT_DRAW;
    const hk_combat_side *whole[2] = {att, def};
    bool beaten = false;
    for (int k = 0; k < n; k++) {
        int from, to;
        hk_combat_side x[2];
        if (!hk_combat_stage(whole, res, k, n, days, &from, &to, x))
            break; /* one side has no one left to bring up */
        if (k > 0)
            x[0].surprise = 0; /* the surprise is spent on the first blow */
        hk_combat_result st;
        hk_combat_params p;
        const hk_combat_params *pp = engagements(w, x[0].men + x[1].men, &p);
        /* a zone in its works is broken at the point of attack, belt by
         * belt (breach), not by a collapse of the whole front's battle */
        if (works) {
            if (pp != &p)
                p = *pp;
            p.collapse_share = 0;
            pp = &p;
        }
        /* (each echelon's stage is a stage of the front's battle, not a
         * battle of its own: a stage of one day is no storm of works,
         * hk_combat_resolve_stage) */
        hk_combat_resolve_stage(pp, &x[0], &x[1], terrain, to - from > 0 ? to - from : 1, r, &st);
        hk_combat_add_stage(res, &st, from, k == 0);
        /* (a planned offensive is not called off because a stage went the
         * defender's way: its commander feeds the next echelon in until the
         * attack itself breaks off, its losses past the combat model's
         * break point; a siege's assault, or a battle no plan prepared,
         * is called off when beaten) */
        if (st.broke_off[0] || (st.winner == HK_COMBAT_DEFENDER && !planned)) {
            beaten = true;
            break; /* the attack is called off */
        }
        if (to >= stand)
            break; /* a rearguard's delaying action is over: it gives the ground */
        if (st.collapsed)
            res->collapsed = 1;
        /* (a front that holds its works with the stronger force feeds its
         * next echelon into them: only a collapse breaks it, holds_works;
         * one in its fortified zone with less gives the line up only when
         * broken through or when its own line breaks off, works_given) */
        if (st.winner == HK_COMBAT_ATTACKER && gives_way && to >= pinned && (!works || works_given(works, &st)))
            break; /* the line breaks and the defender gives the ground */
    }
    /* (the shock group at the point of attack fights its own battle for
     * the belt in every step the offensive is not called off, whether the
     * broad front's stages went its way or not) */
    if (works && !beaten && !res->broke_off[HK_COMBAT_ATTACKER]) {
        int b = breach(w, r, att, def, terrain, res->days, region, res);
        if (belts)
            *belts = b;
    }
}

/* The surprise of the opener's first blow (war.surprise_level), less a
 * level for each month its army mobilised in the open before it struck
 * (the mobilisation event, war.c): Japan's call-up of July-August 1941,
 * dressed as special manoeuvres, raised the Kwantung Army toward 700,000
 * men in sight of Soviet intelligence, which watched it month by month
 * (glantz2003); an army seen massing a month strikes a defence that has
 * stood to, two months one that waits for it. */
static int opening_surprise(const hk_world *w, int a)
{
    int lv = (int)P(w, WAR_SURPRISE_LEVEL);
    if (a == HK_SIDE_JPN && w->mobilising_on > 0 && w->war_on >= w->mobilising_on &&
        w->war_on - w->mobilising_on <= 12)
        lv -= w->war_on - w->mobilising_on;
    return lv < 0 ? 0 : lv;
}

/* Whether a front holding its fortified zone stands in its works whatever
 * a battle's losses say: its combat power, the works counted, is at least
 * war.works_hold times the attacker's (the whole of both, not the echelon in
 * contact). The fortified regions of the Soviet Far East were belts of
 * pillboxes in depth across the approaches, built from 1932 for the field
 * army behind them to fight from (runov2008), and the Kwantung Army's own
 * plan for the Maritime Province counted on weeks of fighting in them with
 * about twice the defence's strength (glantz2003): a defence that
 * outweighs its attacker gives its works up only when its line collapses
 * (broken through or turned, the combat model's collapse), and otherwise
 * brings its next echelon into them. */
static bool holds_works(const hk_world *w, const hk_combat_side *att, const hk_combat_side *def, int dpost,
                        hk_terrain terrain)
{
    if (def->posture != HK_POSTURE_FORTIFIED || dpost != HK_FRONT_HOLD || !(P(w, WAR_WORKS_HOLD) > 0))
        return false;
    double pa = hk_combat_power(&w->combat, att, 0, terrain), pd = hk_combat_power(&w->combat, def, 1, terrain);
    return pa < P(w, WAR_WORKS_HOLD) * pd;
}

/* A defender that does not stand: it falls back before the blow (a way
 * back) and loses war.straggle of its men, taken prisoner; or, cut off,
 * the defending front lays down its arms. The attacker takes the region.
 * Reported as a front event with the men each side had there. */
static bool give_way(hk_world *w, int f, hk_front *fr, hk_front *dfr, int a, int o, bool back, bool told,
                     const hk_combat_side *def, int dpost, double month_cas[HK_MAX_SECTORS][2], int *battles)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    int d = 1 - a;
    double lost = back ? P(w, WAR_STRAGGLE) * def->men : dfr->men[d];
    double k = dfr->men[d] > 0 ? hk_fmin(1.0, lost / dfr->men[d]) : 1.0;
    hk_combat_losses lo = {lost, dfr->tanks[d] * k, dfr->guns[d] * k, dfr->aircraft[d] * k};
    c->prisoners[d] += hk_fmin(lost, dfr->men[d]);
    losses(w, d, dfr, &lo);
    month_cas[f][d] += lo.men;
    (*battles)++;
    if (hk_world_logging(w)) {
        if (back) /* a cut-off force's surrender is no battle: no facts */
            hk_world_battle_facts(w, f, a, fr->men[a], def->men, 0, lost, a, 1);
        if (back && told)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side (%.0f men) advances on %s; its %s defence, told of the surrender, "
                     "gives the ground up without a fight and falls back, leaving %.0f stragglers as prisoners.",
                     sector_label(w, f), hk_side_adjective(a), fr->men[a], hk_world_region_label(w, o),
                     hk_side_adjective(d), lost);
        else if (told)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s forces in %s, cut off and told of the surrender, lay down their arms to "
                     "the %s side (%.0f men): %.0f prisoners.",
                     sector_label(w, f), hk_side_adjective(d), hk_world_region_label(w, o), hk_side_adjective(a),
                     fr->men[a], lost);
        else if (back)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side (%.0f men) %s %s without a stand: outmatched by its leading echelon "
                     "alone, "
                     "the %s %s gives the ground up and falls back, leaving %.0f stragglers and wounded as "
                     "prisoners.",
                     sector_label(w, f), hk_side_adjective(a), fr->men[a],
                     dpost == HK_FRONT_WITHDRAW ? "follows up and takes" : "advances on and takes",
                     hk_world_region_label(w, o), hk_side_adjective(d),
                     dpost == HK_FRONT_WITHDRAW ? "rearguard" : "defence", lost);
        else
            snprintf(
                w->scratch, sizeof w->scratch,
                "On the %s front the %s forces in %s, cut off and outmatched by the leading echelon of %.0f %s men, "
                "lay down their arms: %.0f prisoners.",
                sector_label(w, f), hk_side_adjective(d), hk_world_region_label(w, o), fr->men[a], hk_side_adjective(a),
                lost);
    }
    hk_world_emit2(w, back ? "front" : "encirclement", s->regions[o].id, hk_world_side_actor(w, a),
                   hk_world_side_actor(w, d), w->scratch, SRC_WAR);
    if (back)
        fort_garrison(w, f, dfr, a, o);
    take(w, o, a, f);
    return true;
}

/* The reserve of a side is not on a front but in its rear, at the depots
 * and railway junctions behind the border (the Kwantung Army's central
 * reserve, its redoubt toward Korea in 1945, glantz2003): when the enemy
 * reaches a region behind the border sectors, the reserve stands there
 * and joins the front that defends it. */
static void reserve_stands(hk_world *w, hk_front *dfr, int d, int o, double facing)
{
    const hk_scenario *s = w->s;
    if (zone_of(s, o) >= 0)
        return;
    double men = theatre_of(w, d) - garrisons_of(w, d), reserve = men - fronts_men(w, d), all = reserve;
    /* only what its routes bring there: none east of a cut railway beyond
     * what the other routes carry */
    reserve = hk_fmin(reserve, flow_to(w, d, o) * P(w, WAR_SUPPLY_SUSTAIN));
    /* while Stavka keeps the reserve for the west, only what holding the
     * ground against the front coming on needs (stavka_holds) */
    if (stavka_holds(w, d))
        reserve = hk_fmin(reserve, P(w, WAR_HOLD_RATIO) * facing - dfr->men[d]);
    if (!(reserve > 1000))
        return;
    double pm[3];
    reserve_per_man(w, d, hk_fmax(0, men), all, pm);
    dfr->men[d] += reserve;
    dfr->brought[d] += reserve; /* come up from the reserve, as reinforce's */
    dfr->tanks[d] += reserve * pm[0];
    dfr->guns[d] += reserve * pm[1];
    dfr->aircraft[d] += reserve * pm[2];
    /* the ground it stands on is that front's */
    if (w->camp.front_of[o] < 0)
        set_front(w, o, (int)(dfr - w->camp.front));
}


/* A share of a front's men for one fortified region of side d's zone round
 * region o: the share is split among the zone's fortified regions (the
 * Khasan heights' share is Chongjin's, the Najin-Chongjin fortress area
 * behind them). */
static double zone_share(const hk_world *w, int o, int d, double share)
{
    const hk_scenario *s = w->s;
    if (zone_of(s, o) < 0)
        return share; /* a fortified region in depth: its own (in_depth) */
    int zone = 0;
    for (int r = 0; r < s->n_regions; r++)
        if (zone_of(s, r) == zone_of(s, o) && fortified_line(w, r, d))
            zone++;
    return share / (zone > 0 ? zone : 1);
}

/* A fortified region's garrison is what the state says stood in it: its
 * own garrison units (formations of side d marked `fortress` standing in
 * region o, such as Hutou's 15th Border Garrison Unit, about 1,400 men,
 * hutou_siege), never more than the front has. When there are such units,
 * *men and *guns become theirs; without them they keep the share of the
 * front the caller gave (zone_share). */
static void own_garrison(const hk_world *w, const hk_front *dfr, int d, int o, double *men, double *guns)
{
    const hk_scenario *s = w->s;
    double m = 0, g = 0;
    bool units = false;
    for (int k = 0; k < s->n_formations; k++) {
        const hk_formation_state *fs = &w->formation[k];
        if (!s->formations[k].fortress || w->c->form_side[k] != d || fs->region != o || !(fs->men > 0))
            continue;
        units = true;
        m += fs->men;
        g += fs->guns;
    }
    if (!units)
        return;
    *men = hk_fmin(m, dfr->men[d]);
    *guns = hk_fmin(g, dfr->guns[d]);
}

/* Whether the garrison of region o (side d's) is cut off from its side's
 * ground: no land link of o leads to a region side d holds and no siege
 * closes round. The order to lay down arms reaches such a garrison only
 * when its besiegers bring it (war.garrison_order_days; Hutou, with the
 * 1st Area Army gone back past Mudanjiang, was stormed until 26 August
 * 1945, hutou_siege). */
static bool order_cut_off(const hk_world *w, int o, int d)
{
    const hk_scenario *s = w->s;
    for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++) {
        const hk_link *k = &s->links[w->c->adj[i]];
        if (k->kind == HK_LINK_SEA)
            continue;
        int r = k->from == o ? k->to : k->from;
        if (own(w, r, d) && !invested(w, r))
            return false;
    }
    return true;
}

/* The men and guns taken from side d's front into region o's garrison,
 * which then stands besieged from its first day. */
static void station_garrison(hk_world *w, hk_front *dfr, int d, int o, double men, double guns)
{
    hk_campaign_state *c = &w->camp;
    dfr->men[d] -= men;
    dfr->guns[d] -= guns;
    c->garrison[o] = men;
    c->garrison_guns[o] = guns;
    c->garrison_left[o] = men;
    c->garrison_days[o] = 0;
    /* its siege starts the day it is left; the first assault comes in the
     * step after (storm), not in one dated before it */
    c->garrison_from[o] = (uint8_t)(w->today > 0 ? w->today : 1);
}

/* The Soviet fleet's main base: a region of the Soviet border zone with
 * sea lanes to two or more regions of its own (Vladivostok, the Pacific
 * Fleet's base, its lanes to Sakhalin, the lower Amur and Kamchatka). */
static bool fleet_base(const hk_world *w, int o, int d)
{
    const hk_scenario *s = w->s;
    if (d != HK_SIDE_SOV || !fortified_line(w, o, d))
        return false;
    int lanes = 0;
    for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++) {
        const hk_link *k = &s->links[w->c->adj[i]];
        int other = k->from == o ? k->to : k->from;
        if (k->kind == HK_LINK_SEA && held_at_start(w, other, d))
            lanes++;
    }
    return lanes >= 2;
}

/* What the fleet adds to the garrison of its main base when the front
 * falls back past it: the rifle troops and coast artillery of its fortified
 * regions there and a naval rifle brigade of its crews (war.fleet_garrison,
 * war.fleet_guns; tof_1937, abramov_naval_infantry), men of the fleet, not
 * of the front. The fortress of Vladivostok is then besieged with them. */
static void fleet_garrison(hk_world *w, int o, int d, double *men, double *guns)
{
    if (!fleet_base(w, o, d) || !(P(w, WAR_FLEET_GARRISON) > 0))
        return;
    *men += P(w, WAR_FLEET_GARRISON);
    *guns += P(w, WAR_FLEET_GUNS);
}

/* Whether side d holds the other side's fleet fortress, taken from it:
 * the city and its works are d's now (invested no longer). */
static bool captured_fortress(const hk_world *w, int o, int d)
{
    return own(w, o, d) && !invested(w, o) && fleet_base(w, o, 1 - d);
}

/* The men and guns of a garrison: `front_men` and `front_guns` come from
 * the front (station_garrison), the fleet's own besides. */
static void station_with_fleet(hk_world *w, hk_front *dfr, int d, int o, double front_men, double front_guns)
{
    double men = 0, guns = 0;
    fleet_garrison(w, o, d, &men, &guns);
    station_garrison(w, dfr, d, o, front_men, front_guns);
    hk_campaign_state *c = &w->camp;
    c->garrison[o] += men;
    c->garrison_guns[o] += guns;
    c->garrison_left[o] += men;
}

/* A front falling back from a region of its fortified border zone leaves
 * the zone's garrison there: war.border_garrison of the front, shared among
 * the zone's regions (a belt of fortified regions along each border sector,
 * glantz2003), with its share of the guns; the tanks go back with the main
 * body. The attacker goes round it and the ground passes; the garrison
 * holds out, besieged, and is reduced by storm. */
/* Whether side a holds ground across the border from region r on r's own
 * sector: a land or river link from r to a region of the same sector that
 * a holds (Hutou's across the Ussuri from Iman). */
static bool faces_across(const hk_world *w, int r, int a)
{
    const hk_compiled *cc = w->c;
    for (int i = cc->adj_at[r]; i < cc->adj_at[r + 1]; i++) {
        int n = cc->adj_to[i];
        if (w->s->links[cc->adj[i]].kind != HK_LINK_SEA && link_open(w, cc->adj[i]) && own(w, n, a) &&
            zone_of(w->s, n) == zone_of(w->s, r))
            return true;
    }
    return false;
}

/* The other fortified regions of the zone a front falls back from keep
 * their garrisons too, bound to hold to the last (the fortified regions of
 * the Kwantung Army's 1945 plan were each manned with orders to hold):
 * one the attacker faces across the border from its own ground is invested
 * by its secondary forces there and reduced by siege (storm) while the
 * front's main body goes past by the railway (the 35th Army invested Hutou
 * from Iman across the Ussuri, while the 1st Far Eastern Front's main blow
 * went by Suifenhe to Mudanjiang; Hutou held to 26 August, hutou_siege,
 * glantz2003). Each takes the zone's share of the front (zone_share). */
static void zone_garrisons(hk_world *w, int f, hk_front *dfr, int a, int o, double share_men, double share_guns)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    int d = 1 - a;
    if (zone_of(s, o) < 0)
        return; /* a fortified region in depth has no zone round it */
    for (int r = 0; r < s->n_regions && r < HK_MAX_REGIONS; r++) {
        if (r == o || zone_of(s, r) != zone_of(s, o) || !fortified_line(w, r, d) || !own(w, r, d) ||
            c->garrison[r] > 0 || c->garrison_left[r] > 0 || invested(w, r) || !faces_across(w, r, a))
            continue;
        double men = share_men, guns = share_guns;
        own_garrison(w, dfr, d, r, &men, &guns);
        if (!(dfr->men[d] > men))
            continue;
        station_garrison(w, dfr, d, r, men, guns);
        c->invested |= (uint64_t)1 << r;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side leaves a garrison of %.0f men and %.0f guns in its fortified region "
                     "at %s as well, to hold it to the last; the %s side's forces across the border invest it while "
                     "its main body goes on past.",
                     sector_label(w, f), hk_side_adjective(d), men, guns, hk_world_region_label(w, r),
                     hk_side_adjective(a));
        hk_world_emit2(w, "front", s->regions[r].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                       SRC_WAR);
    }
}

static bool leave_garrison(hk_world *w, int f, hk_front *fr, hk_front *dfr, int a, int o)
{
    const hk_scenario *s = w->s;
    int d = 1 - a;
    double k = zone_share(w, o, d, P(w, WAR_BORDER_GARRISON));
    double men = k * dfr->men[d], guns = k * dfr->guns[d];
    double zmen = men, zguns = guns; /* the zone's other regions' share */
    own_garrison(w, dfr, d, o, &men, &guns);
    station_with_fleet(w, dfr, d, o, men, guns);
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s front the %s side falls back from its fortified %s at %s, leaving a garrison of %.0f men "
                 "and %.0f guns%s to hold it to the last while its covering forces delay the %s side (%.0f men).",
                 sector_label(w, f), hk_side_adjective(d), in_depth(w, o, d) ? "region in depth" : "zone",
                 hk_world_region_label(w, o), w->camp.garrison[o],
                 w->camp.garrison_guns[o],
                 fleet_base(w, o, d) ? ", with the fleet's rifle troops, coast artillery and a naval brigade of its "
                                       "crews"
                                     : "",
                 hk_side_adjective(a), fr->men[a]);
    hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                   SRC_WAR);
    zone_garrisons(w, f, dfr, a, o, zmen, zguns);
    return false;
}

/* A front driven out of a fortified region of its border zone, beaten in
 * battle or falling back before the blow, leaves the region's static
 * garrison in its works: war.fort_garrison of the front's men, shared among
 * the zone's fortified regions, with their share of the guns (the
 * fortified regions had battalions of their own that stayed when the field
 * divisions went, runov2008, glantz2003). The attacker takes the ground
 * round it and must reduce it by siege (storm). Once a region: a garrison
 * that has fallen is not left again. */
static void fort_garrison(hk_world *w, int f, hk_front *dfr, int a, int o)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    int d = 1 - a;
    /* (a side holding the fleet's fortress it took leaves its garrison in
     * its works the same way: captured_fortress) */
    bool taken = captured_fortress(w, o, d);
    if (!(P(w, WAR_FORT_GARRISON) > 0) || !(fortified_line(w, o, d) || taken) || !holds_fortress(w, d) ||
        c->garrison_left[o] > 0)
        return;
    double k = zone_share(w, o, d, P(w, WAR_FORT_GARRISON));
    double men = k * dfr->men[d], guns = k * dfr->guns[d];
    own_garrison(w, dfr, d, o, &men, &guns);
    bool fleet = fleet_base(w, o, d) && P(w, WAR_FLEET_GARRISON) > 0;
    if (men < 100 && !fleet)
        return;
    station_with_fleet(w, dfr, d, o, men, guns);
    if (hk_world_logging(w)) {
        if (taken)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the fortress of %s, which the %s side took, stands as its line goes back: %.0f "
                     "men and %.0f guns stay in its works and hold out, besieged behind the %s advance.",
                     sector_label(w, f), hk_world_region_label(w, o), hk_side_adjective(d), men, guns,
                     hk_side_adjective(a));
        else if (fleet)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the fortress of %s, the fleet's main base, stands as the %s line goes back: "
                     "%.0f men of the front's fortified region, the fleet's rifle troops and coast artillery and a "
                     "naval brigade of its crews, %.0f men and %.0f guns in all, hold its works, besieged behind the "
                     "%s advance.",
                     sector_label(w, f), hk_world_region_label(w, o), hk_side_adjective(d), men,
                     w->camp.garrison[o], w->camp.garrison_guns[o], hk_side_adjective(a));
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the garrison of the %s fortified region at %s, %.0f men and %.0f guns, stays in "
                     "its works as the %s line goes back, and holds out behind the %s advance.",
                     sector_label(w, f), hk_side_adjective(d), hk_world_region_label(w, o), men, guns,
                     hk_side_adjective(d), hk_side_adjective(a));
    }
    hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                   SRC_WAR);
}

/* The besiegers reduce the garrisons left in fortified zones, once a step.
 * A fortified region is a belt of strongpoints taken in turn: each step the
 * besieging front's leading echelon (one of battle.echelons) assaults at
 * most war.storm_share of the garrison it was left with, bringing
 * war.storm_ratio men against each defender there (fewer strongpoints when
 * the echelon is smaller), and only with the margin any attack needs
 * (war.attack_ratio); short of it the garrison is masked. The assault is a
 * battle of the combat model over the step's days, the defenders in their
 * fortifications, fighting from their magazines, not surrendering; the
 * rest of the garrison holds its own strongpoints meanwhile. So a garrison
 * is reduced over steps, as Hutou was over about eleven days (glantz2003),
 * and what is left of it when its side surrenders goes into captivity
 * (hk_campaign_surrender). */
static void storm(hk_world *w, hk_rng *rng, int days, double month_cas[HK_MAX_SECTORS][2], int *battles)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    for (int o = 0; o < s->n_regions; o++) {
        double g = c->garrison[o];
        if (!(g > 0))
            continue;
        int d = garrison_side(w, o), a = 1 - d, f = c->front_of[o];
        if (d < 0 || d > 1 || f < 0)
            continue;
        hk_front *fr = &c->front[f];
        if (invested(w, o) && !besieged_by(w, o, a)) {
            /* its besiegers hold no ground round it now: the siege is
             * lifted, and the garrison rejoins its side's front there */
            c->invested &= ~((uint64_t)1 << o);
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "On the %s front the siege of %s is lifted: the %.0f men of its garrison, who held it %d "
                         "days, rejoin the %s front.",
                         sector_label(w, f), hk_world_region_label(w, o), g, c->garrison_days[o],
                         hk_side_adjective(d));
            hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, d), hk_world_side_actor(w, a),
                           w->scratch, SRC_WAR);
        }
        if (own(w, o, d) && !invested(w, o)) {
            /* its side has the ground back: the garrison rejoins the front there */
            fr->men[d] += g;
            fr->guns[d] += c->garrison_guns[o];
            c->garrison[o] = c->garrison_guns[o] = 0;
            continue;
        }
        /* a garrison left during this step is besieged from the day it was
         * left, and assaulted over the days of the step left after it, told
         * on that day: no assault is told before the line fell back from it */
        int fight = days, from_day = w->today;
        if (c->garrison_from[o] > 0) {
            from_day = c->garrison_from[o] > w->today ? c->garrison_from[o] : w->today;
            fight = w->today + days - from_day;
            c->garrison_from[o] = 0;
        }
        c->garrison_days[o] = (uint8_t)(c->garrison_days[o] + fight > 255 ? 255 : c->garrison_days[o] + fight);
        /* no assault is opened in the few days left before a ceasefire, nor
         * on a garrison left during the step without a day to invest its
         * works besides the days its echelons need */
        if (!holds_fortress(w, d) || fr->men[a] < 100 || days < echelons(w) || days < (int)P(w, WAR_STEP_DAYS) ||
            (fight < days && fight < echelons(w) + 1))
            continue;
        /* once the order has reached the fronts, a garrison next to ground
         * its side still holds has it from its army there and lays down its
         * arms with it: its besiegers do not storm it (Hailar and Aigun
         * gave up on 18-20 August 1945, glantz2003); only a garrison cut
         * off from its side's ground fights on (order_cut_off) */
        if (d == HK_SIDE_JPN && order_reached(w) && !order_cut_off(w, o, d))
            continue;
        /* a besieged garrison is cut off from its army's chain of command:
         * the order to lay down arms reaches it only war.garrison_order_days
         * after the fronts stop, and until then it fights on and its
         * besiegers go on assaulting it (Hutou's garrison refused the
         * surrender and was stormed position by position until 26 August
         * 1945, at a cost of 3,462 Soviet casualties, hutou_siege) */
        double ratio = P(w, WAR_STORM_RATIO) > 0 ? P(w, WAR_STORM_RATIO) : 1;
        /* war.storm_share is what a step's assault takes on: an assault over
         * fewer days (a garrison left during the step) takes on less */
        double part = hk_fmin(g, P(w, WAR_STORM_SHARE) * c->garrison_left[o] * fight / days);
        double men_a = hk_fmin(ratio * part, fr->men[a] / echelons(w));
        part = hk_fmin(part, men_a / ratio);
        if (men_a < 100 || part < 1)
            continue;
        /* (an invested fortress is still its holder's ground: the
         * besiegers are supplied over their own, to the lines round it) */
        double haul = invested(w, o) ? siege_km(w, o, a) : c->route_km[a][o];
        hk_combat_side att = front_side(w, fr, a, haul, 1e12);
        double ka = fr->men[a] > 0 ? men_a / fr->men[a] : 0;
        att.men *= ka;
        att.tanks *= ka;
        att.guns *= ka;
        att.aircraft *= ka;
        /* the guns stay behind when the mobile forces go round: the leading
         * echelon's artillery supports the assault (the assault groups of
         * 1945 went in behind heavy guns firing into the embrasures,
         * glantz2003) */
        att.guns = hk_fmax(att.guns, fr->guns[a] / echelons(w));
        att.no_surrender = 0;
        att.envelop = 1; /* assaulted from every side */
        hk_combat_side def = {.men = part, .guns = c->garrison_guns[o] * part / g, .quality = c->quality[d],
                              .supply_km = 0, .posture = HK_POSTURE_FORTIFIED, .no_surrender = 1};
        def.nation = d == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
        hk_terrain terrain = s->regions[o].terrain;
        if (hk_combat_power(&w->combat, &att, 0, terrain) < P(w, WAR_ATTACK_RATIO) * hk_combat_power(&w->combat, &def, 1, terrain))
            continue; /* masked: it holds out */
        /* nobody is pursued at a siege: a beaten assault falls back to the
         * siege lines its front holds, and the defenders of a strongpoint
         * that falls die in it */
        hk_combat_params p = w->combat;
        p.pursuit = p.exploit = 0;
        hk_combat_result res;
        hk_combat_resolve(&p, &att, &def, terrain, fight, rng, &res);
        losses(w, a, fr, &res.loss[HK_COMBAT_ATTACKER]);
        c->prisoners[a] += res.prisoners[HK_COMBAT_ATTACKER];
        double dead = hk_fmin(res.loss[HK_COMBAT_DEFENDER].men, g);
        hk_combat_losses lo = res.loss[HK_COMBAT_DEFENDER];
        c->garrison[o] -= dead;
        c->garrison_guns[o] = hk_fmax(0, c->garrison_guns[o] - lo.guns);
        bool falls = c->garrison[o] < 100;
        bool city = falls && invested(w, o);
        if (falls) {
            /* the last strongpoints' few men die in them */
            dead += c->garrison[o];
            c->garrison[o] = c->garrison_guns[o] = 0;
        }
        if (city) {
            /* the invested city passes with its last strongpoints (and its
             * new holder may leave a garrison of its own in the works) */
            c->invested &= ~((uint64_t)1 << o);
            c->garrison_left[o] = 0;
            hk_control_set(w, o, hk_world_side_actor(w, a));
            if (c->changes[o] < 255)
                c->changes[o]++;
        }
        lo.men = dead;
        account(w, d, dead, &lo);
        month_cas[f][a] += res.casualties[HK_COMBAT_ATTACKER];
        month_cas[f][d] += dead;
        (*battles)++;
        if (hk_world_logging(w)) {
            /* the siege's step as a battle: the whole garrison is besieged and
             * fights over the step's days, one part of it assaulted */
            hk_world_battle_facts(w, f, a, att.men, g, res.casualties[HK_COMBAT_ATTACKER], dead, falls ? a : -1, fight);
            int n = c->garrison_days[o];
            if (falls)
                snprintf(w->scratch, sizeof w->scratch,
                         "On the %s front %.0f %s men assault the last strongpoints of the %s garrison at %s on the "
                         "%d%s day of its siege and take them: casualties %.0f against the defenders' %.0f, who die "
                         "where they stand%s%s%s.",
                         sector_label(w, f), att.men, hk_side_adjective(a), hk_side_adjective(d),
                         hk_world_region_label(w, o), n, ordinal(n), res.casualties[HK_COMBAT_ATTACKER], dead,
                         city ? "; the city passes to the " : "", city ? hk_side_adjective(a) : "",
                         city ? " side" : "");
            else
                snprintf(
                    w->scratch, sizeof w->scratch,
                    "On the %s front %.0f %s men assault part of the fortifications the %s garrison of %s (%.0f men) "
                    "holds, over %d days of its siege: casualties %.0f against the defenders' %.0f; %.0f hold out.",
                    sector_label(w, f), att.men, hk_side_adjective(a), hk_side_adjective(d),
                    hk_world_region_label(w, o), g, fight, res.casualties[HK_COMBAT_ATTACKER], dead, c->garrison[o]);
        }
        int step_day = w->today;
        w->today = from_day;
        hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                       SRC_WAR);
        w->today = step_day;
    }
}

/* One step on one front. Returns true when a battle was fought. The
 * attacker fights with this front's forces; the objective is defended by
 * the front that holds it (a region taken on one front may be attacked from
 * another). */
/* The aircraft a side has in the theatre: on all its fronts. */
static double theatre_air(const hk_world *w, int side)
{
    double sum = 0;
    for (int f = 0; f < w->s->n_sectors && f < HK_MAX_SECTORS; f++)
        sum += w->camp.front[f].aircraft[side];
    return sum;
}

/* Who holds the air over a front's battle, as both sides' planners know it
 * beforehand: an air force is not bound to the front its formations stand
 * on but flies where the battle is (the Kwantung Army's air units and the
 * Soviet air forces of the Far East were each massed on the main axis,
 * glantz2003), so a side holds the air over the field when its aircraft in
 * the theatre are war.air_superiority times the other side's there (the
 * Soviet Far East's some 3,000 aircraft of 1941 against the Kwantung
 * Army's 600-odd hold it over every front), or, failing that, when those
 * over this front are. */
static void holds_air(const hk_world *w, int a, hk_combat_side *att, hk_combat_side *def)
{
    double k = P(w, WAR_AIR_SUPERIORITY), ta = theatre_air(w, a), td = theatre_air(w, 1 - a);
    att->air = ta > k * td || (!(td > k * ta) && att->aircraft > k * def->aircraft);
    def->air = td > k * ta || (!(ta > k * td) && def->aircraft > k * att->aircraft);
}

static bool front_step(hk_world *w, hk_rng *r, int f, int days, const double km[2][HK_MAX_REGIONS],
                       double month_cas[HK_MAX_SECTORS][2],
                       int *battles)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *fr = &c->front[f];
    int obj[2], from[2];
    hk_front *held_by[2] = {fr, fr}; /* the front defending each side's objective */
    double ratio[2] = {0, 0};
    hk_combat_side cs[2][2]; /* [side][as attacker 0 / defender 1] */
    for (int side = 0; side < 2; side++) {
        obj[side] = hk_campaign_objective(w, f, side, &from[side]);
        if (obj[side] < 0 || fr->men[side] < 100) {
            obj[side] = -1;
            continue;
        }
        int o = obj[side], d = 1 - side;
        if (c->front_of[o] >= 0)
            held_by[side] = &c->front[c->front_of[o]];
        reserve_stands(w, held_by[side], d, o, fr->men[side]);
        /* the attacking front is fed over all its routes; the defence of a
         * region over those that reach it */
        double ff = front_flow(w, side, f), fo = flow_to(w, d, o);
        double sustain_a = (isfinite(ff) ? ff : 1e9) * P(w, WAR_SUPPLY_SUSTAIN);
        /* an offensive prepared for months fights its opening operation on
         * the depots stocked beforehand, not on what its routes carry day by
         * day (the Soviet fronts' preparations were complete by 1 August
         * 1945, their supplies brought up over the spring and summer,
         * 001:197, 001:209; the tank army's fuel for the Khingan crossing
         * was carried with it and flown in, glantz2003) */
        if (opening(w, side))
            sustain_a = 1e12;
        double sustain_d = (isfinite(fo) ? fo : 1e9) * P(w, WAR_SUPPLY_SUSTAIN);
        double link_km = 0; /* the last of the links between them, in index order */
        for (int i = w->c->adj_at[from[side]]; i < w->c->adj_at[from[side] + 1]; i++)
            if (w->c->adj_to[i] == o && link_open(w, w->c->adj[i]))
                link_km = s->links[w->c->adj[i]].km;
        cs[side][0] = front_side(w, fr, side, km[side][from[side]] + link_km, sustain_a);
        arriving(w, fr, side, &cs[side][0]);
        cs[side][1] = front_side(w, held_by[side], d, km[d][o], sustain_d);
        /* both sides fortified their border zones in the 1930s (the Soviet
         * Far East, 001:31; the Kwantung Army's fortified regions facing the
         * Soviet border, glantz2003): a region of a border sector its side
         * held when the war began is defended from fortifications, any other
         * from prepared positions */
        /* the fleet's fortress taken by the other side is defended from
         * its works too: its ring of forts and fortified regions faces the
         * land approaches (the fleet's fortified regions had their own land
         * defence, tof_1937), which is where a counter-stroke to retake it
         * comes from, and its captor holds them (captured_fortress) */
        cs[side][1].posture = fortified_line(w, o, d) || captured_fortress(w, o, d) ? HK_POSTURE_FORTIFIED
                                                                                     : HK_POSTURE_PREPARED;
        /* the odds a side weighs count the envelopment it would make: an
         * objective its fronts reach from two regions (the secondary axes
         * attack where the main one has outflanked the defence) */
        int ways = 0;
        for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++) {
            const hk_link *k = &s->links[w->c->adj[i]];
            if (k->kind != HK_LINK_SEA && link_open(w, w->c->adj[i]) && own(w, k->from == o ? k->to : k->from, side))
                ways++;
        }
        cs[side][0].envelop = ways >= 2;
        /* who holds the air enters the odds a commander weighs before he
         * attacks, as it enters the battle (holds_air): an army under the
         * other side's air (the Soviet Far East's some 3,000 aircraft of
         * 1941 against the Kwantung Army's 600-odd) counts on less from its
         * attack, and the side holding the air on more (the Soviet fronts
         * of 1945 planned their offensive on the air superiority they had,
         * glantz2003) */
        holds_air(w, side, &cs[side][0], &cs[side][1]);
        double pa = hk_combat_power(&w->combat, &cs[side][0], 0, s->regions[o].terrain);
        double pd = hk_combat_power(&w->combat, &cs[side][1], 1, s->regions[o].terrain);
        ratio[side] = pd > 0 ? pa / pd : 1e9;
        if (ratio[side] > fr->odds[side]) {
            fr->odds[side] = ratio[side];
            fr->facing[side] = cs[side][1].men;
            fr->haul[side] = cs[side][0].supply_km;
        }
    }
    for (int side = 0; side < 2; side++) {
        int order = w->player >= 0 && w->player == hk_world_side_actor(w, side) && w->orders_given
                        ? w->orders.front_posture[f]
                        : HK_FRONT_MODEL;
        if (obj[side] >= 0)
            fr->posture[side] = (uint8_t)decide_posture(w, f, side, obj[side], ratio[side]);
        else if (order == HK_FRONT_ATTACK) {
            /* the player's attack cannot be carried out: no ground of the
             * enemy's within its aims lies over a land link from a region
             * it holds on or next to this front. The front holds, and the
             * player is told why, once a month. */
            fr->posture[side] = HK_FRONT_HOLD;
            if (!fr->refused[side]) {
                fr->refused[side] = true;
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "The order to attack on the %s front cannot be carried out: the %s side holds no region "
                             "there, or next to it, with a land route to enemy ground it may take. The front holds "
                             "instead.",
                             sector_label(w, f), hk_side_adjective(side));
                hk_world_emit2(w, "order", s->sectors[f].id, hk_world_side_actor(w, side),
                               hk_world_side_actor(w, 1 - side), w->scratch, SRC_WAR);
            }
        } else if (order == HK_FRONT_HOLD || order == HK_FRONT_WITHDRAW)
            fr->posture[side] = (uint8_t)order;
        else
            fr->posture[side] = (uint8_t)(theatre_odds(w, side) >= P(w, WAR_REDOUBT_RATIO)
                                              ? HK_FRONT_WITHDRAW : HK_FRONT_HOLD);
    }
    /* who attacks: a side with the posture; both, the one with the better ratio */
    int a = -1;
    for (int side = 0; side < 2; side++)
        if (obj[side] >= 0 && fr->posture[side] == HK_FRONT_ATTACK && (a < 0 || ratio[side] > ratio[a]))
            a = side;
    if (a < 0)
        return false;
    fr->attacked[a] = true;
    int o = obj[a];
    int used = marched(w, fr, a, o, from[a], days, km[a][from[a]]);
    if (used < 0 || used >= days)
        return false; /* still advancing on it, or up to it as the step ends */
    tell_counter_stroke(w, f, a, o, &cs[a][0]);
    /* the step's fighting starts the day the front comes up */
    int step_day = w->today;
    if (w->today > 0)
        w->today += used;
    bool fought = contact(w, r, f, days, days - used, a, o, from, cs, held_by, month_cas, battles);
    w->today = step_day;
    return fought;
}

/* A front attacking with the armour to exploit (war.exploit_tanks per 1000
 * men) does not leave the enemy's ground off its main axis to wait for the
 * surrender: it sends a detached column to each region next to its ground
 * that lies off the railways (no railhead) and that no enemy front stands
 * on (no sector's ground, no garrison), in its aims and not its objective.
 * The Kwantung Army of 1945 held the railways back to its redoubt and left
 * the ground off them, the Jehol hills and Inner Mongolia, to Manchukuo's
 * and Mengjiang's troops, who scattered (glantz2003); the Transbaikal
 * Front's orders named Chifeng beside Mukden and Changchun (001:197), and
 * its cavalry-mechanised group and 17th Army crossed the Gobi and the
 * southern Khingan to it while the tank army made for the central plain.
 * The column marches from the front's first step of attack at the pace of
 * the front's mobile groups, on the fuel they carry, halting for more to
 * come up over its haul as they do (advance), and occupies the region when
 * it has covered the whole link. What it takes is the front's ground, and
 * the column goes on from it. */
static void columns(hk_world *w, int f, int days, hk_regions off_rail)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *fr = &c->front[f];
    for (int a = 0; a < 2; a++) {
        if (fr->posture[a] != HK_FRONT_ATTACK || fr->men[a] < 1000 ||
            1000.0 * fr->tanks[a] / fr->men[a] < P(w, WAR_EXPLOIT_TANKS))
            continue;
        int d = 1 - a;
        int main_obj = fr->march_to[a];
        hk_regions reached = 0; /* (a column goes on from what it took only next step) */
        for (hk_regions m = off_rail; m; m &= m - 1) {
            int v = __builtin_ctzll(m);
            if (c->front_of[v] >= 0 || !own(w, v, d) || v == main_obj || c->garrison[v] > 0 ||
                hk_landings_occupies(w, v) || !in_aims(w, a, v))
                continue;
            /* the nearest of the front's regions it reaches over land */
            int q = -1;
            double link = INFINITY;
            for (int i = w->c->adj_at[v]; i < w->c->adj_at[v + 1]; i++) {
                int u = w->c->adj_to[i], l = w->c->adj[i];
                if (s->links[l].kind == HK_LINK_SEA || !link_open(w, l) || c->front_of[u] != f || !own(w, u, a) ||
                    invested(w, u) || ((reached >> u) & 1))
                    continue;
                if (s->links[l].km < link) {
                    link = s->links[l].km;
                    q = u;
                }
            }
            if (q < 0)
                continue;
            if (c->column_day[v] < 0)
                c->column_day[v] = (int8_t)(c->days < 127 ? c->days : 127);
            hk_front col = *fr;
            col.fuel[a] = c->column_fuel[v];
            col.halt[a] = c->column_halt[v];
            double km, haul = c->route_km[a][q];
            double used = advance(w, &col, a, days, (isfinite(haul) ? haul : P(w, WAR_NO_ROUTE_KM)) + c->column_km[v],
                                  link - c->column_km[v], &km);
            c->column_km[v] += km;
            c->column_fuel[v] = col.fuel[a];
            c->column_halt[v] = col.halt[a];
            if (c->column_km[v] < link - 1e-6)
                continue;
            int at = (int)ceil(used - 1e-9), out = c->days + at - c->column_day[v];
            take(w, v, a, f);
            reached |= HK_REGION_BIT(v);
            int step_day = w->today;
            if (w->today > 0 && at > 1)
                w->today += at - 1; /* (it arrives on the last day of its march) */
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "On the %s front a column the %s side sent off its main axis, over the %.0f km from %s, "
                         "occupies %s, off the railways and held by no %s front, %d day%s after it set out.",
                         sector_label(w, f), hk_side_adjective(a), link, hk_world_region_label(w, q),
                         hk_world_region_label(w, v), hk_side_adjective(d), out, out == 1 ? "" : "s");
            hk_world_emit2(w, "front", s->regions[v].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d),
                           w->scratch, SRC_WAR);
            w->today = step_day;
        }
    }
}

/* A front falling back goes back before its way back is cut, not only
 * when it is driven off its ground: once the enemy stands next to the
 * region its way back runs through (the region next to its ground on the
 * shortest route to the redoubt its plan names, or home), it leaves its
 * fortified regions to their garrisons (war.border_garrison, as when it is
 * driven from them) and its field force goes back along that way, into the
 * front that holds the ground there or, with none, into the side's reserve
 * behind the fronts (the 119th Division fought at Yakeshi and Bukhedu and
 * fell back east over the Great Khingan as the Transbaikal Front's armour
 * came round its flank, leaving the Hailar fortified region to some
 * 6-8,000 men of its garrison, glantz2003). A front at its redoubt stands;
 * one with no way back stays, and is encircled. */
static void withdraw_threatened(hk_world *w, int f, int d, bool planned)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *fr = &c->front[f];
    /* falling back: its posture, or before its first step the theatre's
     * odds that make a side give up its forward fronts (decide_posture) */
    bool back = fr->posture[d] == HK_FRONT_WITHDRAW ||
                (planned && fr->posture[d] != HK_FRONT_ATTACK && !opening(w, d) &&
                 theatre_odds(w, d) >= P(w, WAR_REDOUBT_RATIO));
    if (!back || !(fr->men[d] >= 1000) || (w->player == hk_world_side_actor(w, d) && w->orders_given))
        return;
    hk_regions mine = 0, home = 0, redoubt = 0;
    for (int r = 0; r < s->n_regions; r++)
        if (c->front_of[r] == f && own(w, r, d)) {
            if (stands_at(w, r, d))
                return; /* at its redoubt: it stands */
            mine |= HK_REGION_BIT(r);
        }
    /* (a front in its fortified border zone: one that has fallen back into
     * the depth is past the line a pocket closes behind, and goes back only
     * when driven, fall_back) */
    bool garrisoned = mine != 0, zone = false;
    for (hk_regions m = mine; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        if (!(c->garrison_left[r] > 0))
            garrisoned = false;
        if (fortified_line(w, r, d))
            zone = true;
    }
    if (!mine || garrisoned || !zone)
        return; /* what is left holds its fortified regions */
    /* (no way back the enemy stands next to: nothing to go back from) */
    bool near_enemy = false;
    for (hk_regions m = mine; m && !near_enemy; m &= m - 1) {
        int r = __builtin_ctzll(m);
        for (int i = w->c->adj_at[r]; i < w->c->adj_at[r + 1] && !near_enemy; i++) {
            int v = w->c->adj_to[i];
            if (s->links[w->c->adj[i]].kind == HK_LINK_SEA || ((mine >> v) & 1u) || !own(w, v, d))
                continue;
            for (int j = w->c->adj_at[v]; j < w->c->adj_at[v + 1] && !near_enemy; j++)
                if (s->links[w->c->adj[j]].kind != HK_LINK_SEA && link_open(w, w->c->adj[j]) &&
                    own(w, w->c->adj_to[j], 1 - d))
                    near_enemy = true;
        }
    }
    if (!near_enemy)
        return;
    hk_regions held = set_of(w, d, own);
    for (int r = 0; r < s->n_regions; r++) {
        if (is_base(w, r, d) && c->control_at_start[r] == hk_world_side_actor(w, d))
            home |= HK_REGION_BIT(r);
        if (s->regions[r].redoubt >= 0 && hk_world_side(w, s->regions[r].redoubt) == d && is_base(w, r, d))
            redoubt |= HK_REGION_BIT(r);
    }
    double to_home[HK_MAX_REGIONS];
    hk_map_routes_at(s, w->month, redoubt ? redoubt : home, held, held, to_home);
    int q = -1, from = -1;
    double best = INFINITY;
    for (hk_regions m = mine; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        for (int i = w->c->adj_at[r]; i < w->c->adj_at[r + 1]; i++) {
            int v = w->c->adj_to[i];
            const hk_link *k = &s->links[w->c->adj[i]];
            if (k->kind == HK_LINK_SEA || !link_open(w, w->c->adj[i]) || ((mine >> v) & 1u) || !own(w, v, d) ||
                !isfinite(to_home[v]))
                continue;
            if (k->km + to_home[v] < best) {
                best = k->km + to_home[v];
                q = v;
                from = r;
            }
        }
    }
    if (q < 0)
        return;
    bool threat = false;
    for (int i = w->c->adj_at[q]; i < w->c->adj_at[q + 1] && !threat; i++)
        if (s->links[w->c->adj[i]].kind != HK_LINK_SEA && link_open(w, w->c->adj[i]) && own(w, w->c->adj_to[i], 1 - d))
            threat = true;
    if (!threat)
        return;
    double left = 0, lguns = 0;
    int forts = 0;
    for (hk_regions m = mine; m; m &= m - 1) {
        int r = __builtin_ctzll(m);
        if (!fortified_line(w, r, d) || !fights_to_the_last(w, d) || !(P(w, WAR_BORDER_GARRISON) > 0) ||
            c->garrison_left[r] > 0)
            continue;
        double k = zone_share(w, r, d, P(w, WAR_BORDER_GARRISON));
        double men = k * fr->men[d], guns = k * fr->guns[d];
        /* (its own units where the state has them, as leave_garrison's) */
        own_garrison(w, fr, d, r, &men, &guns);
        men = hk_fmin(men, fr->men[d] - left);
        guns = hk_fmin(guns, fr->guns[d] - lguns);
        if (men < 100)
            continue;
        /* (the garrison stays on the front's ground as its men, the ground
         * still its side's: once cut off it is the pocket encirclements
         * besieges; the mark keeps another garrison from being left) */
        c->garrison_left[r] = men;
        left += men;
        lguns += guns;
        forts++;
    }
    int h = c->front_of[q];
    double men = fr->men[d] - left;
    if (hk_world_logging(w)) {
        char gar[160] = "";
        if (forts > 0)
            snprintf(gar, sizeof gar, ", leaving %.0f men to hold its fortified region%s to the last", left,
                     forts == 1 ? "" : "s");
        char to[192];
        if (h >= 0 && h != f)
            snprintf(to, sizeof to, ", and joins the %s front there", sector_label(w, h));
        else
            snprintf(to, sizeof to, ", and joins the reserve behind the fronts");
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s front the %s field force (%.0f men), its way back threatened by the %s side, goes back "
                 "from %s toward %s%s%s.",
                 sector_label(w, f), hk_side_adjective(d), men, hk_side_adjective(1 - d),
                 hk_world_region_label(w, from), hk_world_region_label(w, q), gar, to);
    }
    hk_world_emit2(w, "front", s->regions[q].id, hk_world_side_actor(w, 1 - d), hk_world_side_actor(w, d), w->scratch,
                   SRC_WAR);
    double guns = fr->guns[d] - lguns;
    if (h >= 0 && h != f) {
        hk_front *hf = &c->front[h];
        hf->men[d] += men;
        hf->tanks[d] += fr->tanks[d];
        hf->guns[d] += guns;
        hf->aircraft[d] += fr->aircraft[d];
        fr->fell_back_to[d] = (int8_t)h;
    }
    scale_front(fr, d, 0);
    fr->men[d] = left;
    fr->guns[d] = lguns;
}

/* The attack of side a on front f against objective o, which its front has
 * come up to with `days` of the step's `step` days left. */
/* A front of side 1 - a falling back turns its army on the axis to stand
 * on its plan's main line of resistance at o (on_main_line), told on the
 * day the attacker's front fr meets it there. */
static void tell_stand(hk_world *w, int f, const hk_front *fr, const hk_front *dfr, int a, int o)
{
    int d = 1 - a;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s front the %s side, falling back, turns its army on the axis (%.0f of the front's "
                 "%.0f men) to stand before %s on its plan's main line of resistance, in prepared positions across "
                 "the railway, against the %s side (%.0f men) for up to %.0f days while the rest go on back.",
                 sector_label(w, f), hk_side_adjective(d), P(w, WAR_MAIN_LINE_SHARE) * dfr->men[d], dfr->men[d],
                 hk_world_region_label(w, o), hk_side_adjective(a), fr->men[a], P(w, WAR_MAIN_LINE_DAYS));
    hk_world_emit2(w, "front", w->s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                   SRC_WAR);
}

static bool contact(hk_world *w, hk_rng *r, int f, int step, int days, int a, int o, const int from[2],
                    hk_combat_side cs[2][2], hk_front *held_by[2], double month_cas[HK_MAX_SECTORS][2], int *battles)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *fr = &c->front[f];
    int d = 1 - a;
    hk_front *dfr = held_by[a];
    if (dfr->men[d] < 100) {
        /* nobody left to hold it: the attacker walks in (round the works of
         * a garrison left there, which holds out besieged: storm) */
        bool works = c->garrison[o] > 0;
        if (works && (fleet_base(w, o, d) || captured_fortress(w, o, d)))
            invest(w, o, a, f);
        else
            take(w, o, a, f);
        if (hk_world_logging(w) && works)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side occupies %s, which its field army has left: the %.0f men of its "
                     "garrison hold out in their works, besieged.",
                     sector_label(w, f), hk_side_adjective(a), hk_world_region_label(w, o), c->garrison[o]);
        else if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch, "On the %s front the %s side occupies %s, left undefended.",
                     sector_label(w, f), hk_side_adjective(a), hk_world_region_label(w, o));
        hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                       SRC_WAR);
        return false;
    }
    /* a front falling back stands where it falls back to: the redoubt its
     * plan names, or with none its bases */
    int dpost = dfr == fr ? fr->posture[d] : dfr->posture[d];
    if (dpost == HK_FRONT_WITHDRAW && stands_at(w, o, d) && !(w->player == hk_world_side_actor(w, d) && w->orders_given))
        dpost = HK_FRONT_HOLD;
    /* what a front that went back before its way back was cut left in its
     * fortified region is that region's garrison, in its works, not a
     * column on the road (withdraw_threatened): it holds */
    if (dpost == HK_FRONT_WITHDRAW && c->garrison_left[o] > 0 && dfr->men[d] <= c->garrison_left[o] + 1)
        dpost = HK_FRONT_HOLD;
    /* on its plan's main line of resistance a front falling back turns and
     * fights for the days the line is to be held (on_main_line) */
    bool line_stand = dpost == HK_FRONT_WITHDRAW && on_main_line(w, o, d);
    if (line_stand) {
        dpost = HK_FRONT_HOLD;
        if (!(c->stood[o] > 0))
            tell_stand(w, f, fr, dfr, a, o);
    }
    if (dfr == fr)
        fr->posture[d] = (uint8_t)dpost;
    hk_combat_side att = cs[a][0], def = cs[a][1];
    /* the practice of no surrender (001:145) forbids surrender, not a
     * retreat: a defender with a land route back to its side's ground gives
     * ground when beaten, like any army, and an attack that fails is called
     * off; a garrison with no way back holds out to the end only while its
     * side still hopes (hk_campaign_objective leaves such a garrison to be
     * besieged, as the Soviet fronts of 1945 bypassed the fortified
     * regions, glantz2003) */
    att.no_surrender = 0;
    bool back = way_back(w, o, d);
    def.no_surrender = !back && holds_out_encircled(w, d);
    int fight_days = days;
    /* an attack needs a step's days to bring its echelons up: none is
     * opened in the few days left before a ceasefire */
    bool short_step = step < echelons(w) || step < (int)P(w, WAR_STEP_DAYS);
    /* a front falling back on foot is overtaken by an attacker with the
     * armour to exploit (war.exploit_tanks per 1000 men): its rearguard no
     * longer screens it and its main body is caught on the move, in the
     * open (the Soviet mobile groups of 1945 caught the Kwantung Army's
     * armies falling back, as the 5th Army at Mudanjiang, glantz2003) */
    double armour_a = fr->men[a] > 0 ? 1000.0 * fr->tanks[a] / fr->men[a] : 0;
    double armour_d = dfr->men[d] > 0 ? 1000.0 * dfr->tanks[d] / dfr->men[d] : 0;
    bool caught = dpost == HK_FRONT_WITHDRAW && armour_a >= P(w, WAR_EXPLOIT_TANKS) && armour_d < P(w, WAR_EXPLOIT_TANKS);
    /* (not at a railway junction of its own behind the border, a base: it
     * leaves by rail behind its rearguard, and the armour meets the
     * rearguard, not the columns) */
    caught = caught && !is_base(w, o, d);
    /* a front that falls back leaves the garrison of its fortified border
     * zone behind, bound to hold to the last while its side does not
     * surrender: the Kwantung Army's plan of 1945 gave up the border for a
     * redoubt but kept part of its strength in the fortified regions with
     * orders to hold, and garrisons such as Hutou fought to the death rather
     * than retreat (glantz2003). The attacker's mobile forces go round it
     * (the Soviet fronts of 1945 bypassed the fortified regions) and the
     * ground passes; the garrison is reduced by siege (storm) */
    if (dpost == HK_FRONT_WITHDRAW && fortified_line(w, o, d) && fights_to_the_last(w, d) &&
        P(w, WAR_BORDER_GARRISON) > 0 && !(c->garrison_left[o] > 0))
        leave_garrison(w, f, fr, dfr, a, o);
    if (caught) {
        /* what is caught is what the mobile groups reach: the attacker's
         * tanks with the motorised infantry of their corps
         * (war.mobile_men_per_tank men a tank) strike the columns along
         * their own frontage, as many men as they have, while the
         * rearguard covers the rest of the front, which goes on back (the
         * 6th Guards Tank Army crossed the Great Khingan past the 44th
         * Army's withdrawal and met it only in rearguards, glantz2003).
         * The rifle armies following up on foot do not catch anyone. */
        double mob = hk_fmin(att.men, att.tanks * P(w, WAR_MOBILE_MEN_PER_TANK));
        double held = hk_fmin(def.men, P(w, WAR_REARGUARD) * def.men + mob);
        double kd = def.men > 0 ? held / def.men : 0;
        def.men = held;
        def.tanks *= kd;
        def.guns *= kd;
        def.aircraft *= kd;
        /* (and, the contact being one frontage, the mobile groups bring no
         * more men into it than the columns they strike: a small force
         * caught meets a corps' leading brigades, not a tank army) */
        double ka = att.men > 0 ? hk_fmin(mob, held) / att.men : 0;
        double kt = mob > 0 ? hk_fmin(mob, held) / mob : 0;
        att.men *= ka;
        att.guns *= ka;
        att.tanks *= kt;
        def.posture = HK_POSTURE_HASTY;
        def.no_surrender = 0;
    } else if (dpost == HK_FRONT_WITHDRAW) {
        /* a delaying action by a rearguard, then the ground is given up */
        double k = P(w, WAR_REARGUARD);
        def.men *= k;
        def.tanks *= k;
        def.guns *= k;
        def.aircraft *= k;
        /* in its own border zone from the prepared positions of the line */
        def.posture = fortified_line(w, o, d) ? HK_POSTURE_PREPARED : HK_POSTURE_HASTY;
        def.no_surrender = 0;
        int rg = (int)P(w, WAR_REARGUARD_DAYS);
        fight_days = days < rg ? days : rg; /* the attacker's echelons still come up over the step */
        /* the rearguard is gone before the echelons behind the attacker's
         * first come up: it meets the leading echelon only (battle.echelons),
         * as the collapse test below weighs it, not the whole front (the
         * Transbaikal Front crossed the Great Khingan against rearguards and
         * reported a little over 8,000 casualties for the whole of August,
         * glantz2003) */
        double ke = 1.0 / echelons(w);
        /* (and that leading echelon is where the front's armour is: a front
         * that meets a defence falling back puts its tank and mechanised
         * formations in its first echelon, as many tanks as
         * war.mobile_men_per_tank of its men can fight with: the Transbaikal
         * Front sent the 6th Guards Tank Army, over 1,000 of its some 2,400
         * tanks and self-propelled guns, over the Great Khingan in its first
         * echelon, glantz2003) */
        double tanks = att.tanks;
        att.men *= ke;
        att.tanks = P(w, WAR_MOBILE_MEN_PER_TANK) > 0 ? hk_fmin(tanks, att.men / P(w, WAR_MOBILE_MEN_PER_TANK))
                                                       : tanks * ke;
        att.guns *= ke;
    } else if (dpost == HK_FRONT_ATTACK) {
        def.posture = HK_POSTURE_HASTY; /* caught preparing its own attack */
    } else if (line_stand) {
        /* the army on the axis fights on the line (war.main_line_share of
         * the front) from its delaying positions in depth, giving ground
         * from one to the next when beaten, while the rest go on back
         * behind it; the attacker meets it as it meets a rearguard, with
         * its leading echelon (battle.echelons), but that echelon is the
         * front's mobile groups and its armour goes with them (as many
         * tanks as war.mobile_men_per_tank of its men can fight with: the
         * 1st Far Eastern Front led with its tank brigades and the 10th
         * Mechanised Corps on the Mudanjiang axis, glantz2003) */
        double k = P(w, WAR_MAIN_LINE_SHARE), ke = 1.0 / echelons(w);
        def.men *= k;
        def.tanks *= k;
        def.guns *= k;
        def.aircraft *= k;
        double tanks = att.tanks;
        att.men *= ke;
        att.guns *= ke;
        att.aircraft *= ke;
        att.tanks = P(w, WAR_MOBILE_MEN_PER_TANK) > 0 ? hk_fmin(tanks, att.men / P(w, WAR_MOBILE_MEN_PER_TANK))
                                                       : tanks * ke;
    }
    /* what the attacker plans (the combat model's pre-battle terms): the
     * opener's first blow falls by surprise (the Soviet attack of 1945 was
     * a strategic surprise, glantz2003); the side with twice the other's
     * aircraft on the front holds the air; an objective the attacker reaches
     * from two of its regions is enveloped (fronts converging, 001:197) */
    if (a == w->war_opener && c->days == 0 && w->war_on == w->month)
        att.surprise = opening_surprise(w, a);
    holds_air(w, a, &att, &def);
    int approaches = 0;
    for (int i = w->c->adj_at[o]; i < w->c->adj_at[o + 1]; i++)
        if (s->links[w->c->adj[i]].kind != HK_LINK_SEA && link_open(w, w->c->adj[i]) && own(w, w->c->adj_to[i], a))
            approaches++;
    att.envelop = approaches >= 2;
    /* a defender whose combat power is under the combat model's collapse
     * ratio (the ratio at which a side gives way in battle, docs/combat.md)
     * of what the attacker brings up first (its leading echelon of
     * battle.echelons) does not stand to be destroyed: with a way back it
     * falls back before the blow, trading the ground for time and leaving
     * its stragglers and the wounded it cannot move; cut off, and not
     * bound to hold out, it surrenders */
    double p_att = hk_combat_power(&w->combat, &att, 0, s->regions[o].terrain) / echelons(w);
    double p_def = hk_combat_power(&w->combat, &def, 1, s->regions[o].terrain);
    /* (a front caught on the move by armour cannot break contact: it
     * fights, however outmatched) */
    if (!def.no_surrender && !caught && p_def < w->combat.collapse_ratio * p_att) {
        crossing(w, fr, a, from[a], o);
        return give_way(w, f, fr, dfr, a, o, back, false, &def, dpost, month_cas, battles);
    }
    /* a Japanese field force the order to lay down arms has reached does
     * not fight for ground its government has given up: it falls back or,
     * cut off, lays down its arms (fights_to_the_last); one the order has
     * not yet reached fights as before */
    if (d == HK_SIDE_JPN && order_reached(w)) {
        crossing(w, fr, a, from[a], o);
        return give_way(w, f, fr, dfr, a, o, back, true, &def, dpost, month_cas, battles);
    }
    if (short_step)
        return false;
    hk_combat_result res;
    int works = caught                                                       ? 0
                : holds_works(w, &att, &def, dpost, s->regions[o].terrain)   ? 2
                : def.posture == HK_POSTURE_FORTIFIED && dpost == HK_FRONT_HOLD ? 1
                                                                             : 0;
    int belts = 0;
    /* the offensive's men: those on the front at its first attack and any
     * brought up to it since (what its losses are weighed against) */
    fr->op_men[a] = hk_fmax(fr->op_men[a], fr->men[a] + fr->op_lost[a]);
    if (line_stand) {
        /* the line is held for what is left of its days, then given up */
        int left = (int)P(w, WAR_MAIN_LINE_DAYS) - c->stood[o];
        fight_days = days < left ? days : left;
    }
    front_battle(w, r, &att, &def, s->regions[o].terrain, days, fight_days, back,
                 caught ? (int)P(w, WAR_REARGUARD_DAYS) : 0, works, o, &belts, true, &res);
    if (line_stand)
        c->stood[o] = (uint8_t)hk_fmin(255, c->stood[o] + hk_fmax(1, res.days));
    /* a front standing in its works is driven from them only by a collapse
     * (or, the weaker, when its line breaks off: works_given) */
    if (works && res.winner == HK_COMBAT_ATTACKER && !works_given(works, &res))
        res.winner = HK_COMBAT_DEFENDER;
    c->prisoners[d] += res.prisoners[HK_COMBAT_DEFENDER];
    c->prisoners[a] += res.prisoners[HK_COMBAT_ATTACKER];
    losses(w, a, fr, &res.loss[HK_COMBAT_ATTACKER]);
    losses(w, d, dfr, &res.loss[HK_COMBAT_DEFENDER]);
    month_cas[f][a] += res.casualties[HK_COMBAT_ATTACKER];
    month_cas[f][d] += res.casualties[HK_COMBAT_DEFENDER];
    (*battles)++;
    /* (an army on its main line whose days there are out goes on back,
     * unless it has just beaten the attack off) */
    bool line_given = line_stand && c->stood[o] >= P(w, WAR_MAIN_LINE_DAYS) && res.winner != HK_COMBAT_DEFENDER;
    bool won = res.winner == HK_COMBAT_ATTACKER || dpost == HK_FRONT_WITHDRAW || dfr->men[d] < 100 || line_given;
    /* the offensive's break test: the combat model's, on the losses of the
     * whole operation, not of one step's battle (an engagement's losses
     * count from its own start, so an offensive renewed step after step
     * would never reach it). It breaks off when the step's battle broke it
     * off, or when it has lost the combat model's break share
     * (combat.break_att) of the men it committed: the 23rd Division's
     * offensives of July 1939 were renewed after each repulse until its
     * losses had bled it (coox1985); the Kwantung Army's plan of 1941
     * reckoned on weeks of fighting in the Soviet works (glantz2003) */
    fr->op_lost[a] += res.loss[HK_COMBAT_ATTACKER].men;
    bool broke = res.broke_off[HK_COMBAT_ATTACKER] || fr->op_lost[a] >= w->combat.break_att * fr->op_men[a];
    if (hk_world_logging(w)) {
        /* the battle's facts as fields, like a border battle's */
        int winner = won ? a : res.winner == HK_COMBAT_DEFENDER ? d : -1;
        hk_world_battle_facts(w, f, a, att.men, def.men, res.casualties[HK_COMBAT_ATTACKER],
                              res.casualties[HK_COMBAT_DEFENDER], winner, res.days);
        char pris[64] = "", air[48] = "";
        /* who held the air over it (holds_air) */
        if (att.air || def.air)
            snprintf(air, sizeof air, att.air ? ", holding the air" : ", under the %s side's air",
                     hk_side_adjective(d));
        if (res.prisoners[HK_COMBAT_DEFENDER] >= 1)
            snprintf(pris, sizeof pris, ", %.0f of them taken prisoner", res.prisoners[HK_COMBAT_DEFENDER]);
        if (won && caught)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side's mobile groups (%.0f men, %.0f tanks) overtake the %s columns "
                     "falling back and take %s after %d day%s; casualties %.0f against the defender's %.0f, of the "
                     "%.0f men of its rearguard and the columns they catch%s.",
                     sector_label(w, f), hk_side_adjective(a), att.men, att.tanks, hk_side_adjective(d),
                     hk_world_region_label(w, o), res.days, res.days == 1 ? "" : "s",
                     res.casualties[HK_COMBAT_ATTACKER], res.casualties[HK_COMBAT_DEFENDER], def.men, pris);
        else if (won)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side (%.0f men, %.0f tanks%s) %s %s after %d day%s; casualties %.0f "
                     "against the defender's %.0f%s.",
                     sector_label(w, f), hk_side_adjective(a), att.men, att.tanks, air,
                     /* the fleet's fortress stands (fort_garrison): its ground is taken, the city besieged */
                     ((fleet_base(w, o, d) && P(w, WAR_FLEET_GARRISON) > 0) ||
                      (captured_fortress(w, o, d) && P(w, WAR_FORT_GARRISON) > 0)) &&
                             holds_fortress(w, d) && !(c->garrison_left[o] > 0)
                         ? "breaks through, takes the ground round its fortress and invests"
                     : dpost == HK_FRONT_WITHDRAW ? "takes, as the defender falls back,"
                     : line_given && res.winner != HK_COMBAT_ATTACKER
                         ? "takes, as the defender's army gives up its line and goes on back,"
                         : "breaks through and takes",
                     hk_world_region_label(w, o), res.days, res.days == 1 ? "" : "s",
                     res.casualties[HK_COMBAT_ATTACKER], res.casualties[HK_COMBAT_DEFENDER], pris);
        else if (belts) {
            int all = hk_round_int(P(w, WAR_WORKS_BELTS)), done = c->breached[o];
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side (%.0f men, %.0f tanks%s) breaks through the %d%s of the %d belts of "
                     "the works before %s on its sector of attack after %d day%s, with %.0f men massed there against "
                     "%.0f of the defence; casualties %.0f against the defender's %.0f. The %.0f defenders hold the "
                     "zone's next belt.",
                     sector_label(w, f), hk_side_adjective(a), att.men, att.tanks, air, done, ordinal(done), all,
                     hk_world_region_label(w, o), res.days, res.days == 1 ? "" : "s", P(w, WAR_BREACH_MASS) * att.men,
                     P(w, WAR_BREACH_FRONTAGE) * def.men, res.casualties[HK_COMBAT_ATTACKER],
                     res.casualties[HK_COMBAT_DEFENDER], def.men);
        } else
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front the %s side (%.0f men, %.0f tanks%s) attacks %s for %d day%s and is held by "
                     "%.0f defenders; casualties %.0f against the defender's %.0f.",
                     sector_label(w, f), hk_side_adjective(a), att.men, att.tanks, air, hk_world_region_label(w, o),
                     res.days, res.days == 1 ? "" : "s", def.men, res.casualties[HK_COMBAT_ATTACKER],
                     res.casualties[HK_COMBAT_DEFENDER]);
    }
    hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                   SRC_WAR);
    if (broke) {
        /* an offensive that broke off is not renewed before next month's
         * reinforcements, and an opening offensive that broke off is spent
         * (decide_posture) */
        fr->broke[a] = fr->repulsed[a] = true;
        if (opening(w, a))
            fr->spent[a] = true;
    }
    if (!won) {
        /* one held without breaking off is renewed at the next step, as its
         * guns and echelons come up; an attack that broke a belt of the
         * works goes on into the next, and one on a line of delaying
         * positions is renewed by the echelons behind its first
         * (on_main_line) */
        if (!belts && !line_stand)
            fr->repulsed[a] = true;
        return true;
    }
    fort_garrison(w, f, dfr, a, o);
    /* a fortress whose garrison holds the city in its works is invested,
     * not taken: its region passes when the garrison falls (storm) */
    if ((fleet_base(w, o, d) || captured_fortress(w, o, d)) && c->garrison[o] > 0)
        invest(w, o, a, f);
    else
        take(w, o, a, f);
    crossing(w, fr, a, from[a], o);
    /* armour exploits the breakthrough: a second region when the beaten
     * front is weak (Soviet deep operations, glantz2003), within the days
     * of the step the battle has left it (its mobile groups go to the next
     * region's line, half the link, at their pace and on their fuel) */
    int after = days - res.days;
    double tanks_per_k = fr->men[a] > 0 ? 1000.0 * fr->tanks[a] / fr->men[a] : 0;
    int from2;
    int o2 = hk_campaign_objective(w, f, a, &from2);
    hk_front *dfr2 = o2 >= 0 && c->front_of[o2] >= 0 ? &c->front[c->front_of[o2]] : fr;
    if (o2 >= 0)
        reserve_stands(w, dfr2, d, o2, fr->men[a]);
    if (o2 >= 0 && tanks_per_k >= P(w, WAR_EXPLOIT_TANKS) && dfr2->men[d] * P(w, WAR_ATTACK_RATIO) < fr->men[a] &&
        fr->halt[a] <= 0 && after > 0 &&
        0.5 * land_km(w, from2, o2) <= hk_fmin(march_rate(w, fr, a) * going(fr, a) * after, P(w, WAR_FUEL_KM) - fr->fuel[a]) &&
        !(fortified_line(w, o2, d) && holds_fortress(w, d) && !(c->garrison_left[o2] > 0)) &&
        !on_main_line(w, o2, d) && !line_stand) {
        /* (armour does not run over a fortified region that will hold: the
         * rifle divisions following up meet its garrison; nor over a main
         * line of resistance the front falling back will stand on: the
         * mobile groups meet its positions, on_main_line) */
        /* the fronts in their border zones whose way back the thrust
         * threatens go back before it arrives (withdraw_threatened; the
         * 119th Division left Hailar as the tank army crossed the Khingan
         * toward the railway behind it, glantz2003) */
        for (int g = 0; g < s->n_sectors && g < HK_MAX_SECTORS; g++)
            if (g != f && &c->front[g] != dfr && &c->front[g] != dfr2 && c->front[g].active)
                withdraw_threatened(w, g, d, true);
        /* told on the day it gets there (with the defence's going back
         * from it): after the battle's days and the march, half the link at
         * its pace, not on the day the battle began */
        int day = w->today;
        if (w->today > 0)
            w->today += res.days + (int)ceil(0.5 * land_km(w, from2, o2) / (march_rate(w, fr, a) * going(fr, a)) - 1e-9);
        fr->fuel[a] += land_km(w, from2, o2);
        take(w, o2, a, f);
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "Its armour (%.1f tanks per 1000 men) exploits the breakthrough on the %s front and reaches %s.",
                     tanks_per_k, sector_label(w, f), hk_world_region_label(w, o2));
        hk_world_emit2(w, "front", s->regions[o2].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                       SRC_WAR);
        w->today = day;
    } else if (o2 >= 0 && (on_main_line(w, o2, d) || line_stand) && tanks_per_k >= P(w, WAR_EXPLOIT_TANKS) &&
               after > 0) {
        /* a main line of resistance broken in this step (line_stand) is
         * passed, not exploited: its battle held the road until it broke,
         * and the mobile groups go on from it only with the days left to
         * them, to fight for the next region from the next step (the 5th
         * Army's line before Mudanjiang broke on 16 August; the 1st Red
         * Banner Army's columns reached Harbin on 20 August, glantz2003) */
        /* before a main line of resistance the mobile groups close up to
         * its positions with the days the battle has left them, and the
         * front fights for it from its next step (the 1st Far Eastern
         * Front's mobile groups reached the 5th Army's positions before
         * Mudanjiang three days after they crossed the border, glantz2003) */
        int got = marched(w, fr, a, o2, from2, after, c->route_km[a][from2]);
        /* the line's days run from the day the mobile groups come up to
         * its positions, not from the next step: the army on the axis
         * turns to stand then, and the days the attacker takes to deploy
         * against it before the next step count as days the line was held
         * (the 1st Far Eastern Front's mobile groups met the 5th Army's
         * positions on 12 August and broke them on the 16th, glantz2003) */
        if (got >= 0 && got < after && !line_stand && on_main_line(w, o2, d) && !(c->stood[o2] > 0) &&
            dfr2->posture[d] == HK_FRONT_WITHDRAW) {
            int day = w->today;
            if (w->today > 0)
                w->today += res.days + got;
            tell_stand(w, f, fr, dfr2, a, o2);
            w->today = day;
            c->stood[o2] = (uint8_t)(after - got);
        }
    }
    return true;
}

/* The besieging front assaults a pocket that holds out: the pocket fights
 * with no way back and will not surrender, from its fortifications in its
 * own border zone, and the assault comes in echelons over the step and is
 * called off when beaten. What the pocket holds passes when it is gone. */
static void siege(hk_world *w, hk_rng *r, int f, int side, int days)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_front *fr = &c->front[f];
    int a = 1 - side, o = -1;
    if (fr->men[a] < 100 || days < echelons(w) || days < (int)P(w, WAR_STEP_DAYS))
        return;
    for (int q = 0; q < s->n_regions && o < 0; q++)
        if (c->front_of[q] == f && own(w, q, side))
            o = q;
    if (o < 0)
        return;
    const double *km_a = c->route_km[a];
    double best = INFINITY, sustain = 1e9;
    int near = -1;
    for (int q = 0; q < s->n_regions; q++)
        if (own(w, q, a) && isfinite(km_a[q]) && km_a[q] < best) {
            best = km_a[q];
            near = q;
        }
    if (near >= 0) {
        double fq = flow_to(w, a, near);
        sustain = (isfinite(fq) ? fq : 1e9) * P(w, WAR_SUPPLY_SUSTAIN);
    }
    hk_combat_side att = front_side(w, fr, a, best, sustain);
    hk_combat_side def = front_side(w, fr, side, P(w, WAR_NO_ROUTE_KM), 1e12);
    att.no_surrender = 0;
    def.no_surrender = 1;
    def.posture = fortified_line(w, o, side) ? HK_POSTURE_FORTIFIED : HK_POSTURE_PREPARED;
    /* it is not stormed without the margin any attack needs */
    double p_def = hk_combat_power(&w->combat, &def, 1, s->regions[o].terrain);
    double p_att = hk_combat_power(&w->combat, &att, 0, s->regions[o].terrain);
    if (p_att < P(w, WAR_ATTACK_RATIO) * p_def)
        return;
    /* a deliberate assault by the leading echelon on a part of the
     * perimeter, once a step: the pocket is reduced over weeks, not days */
    int first = hk_round_int((double)days / echelons(w));
    hk_combat_result res;
    front_battle(w, r, &att, &def, s->regions[o].terrain, days, first > 0 ? first : 1, false, 0, false, -1, NULL,
                 false, &res);
    c->prisoners[side] += res.prisoners[HK_COMBAT_DEFENDER];
    losses(w, a, fr, &res.loss[HK_COMBAT_ATTACKER]);
    losses(w, side, fr, &res.loss[HK_COMBAT_DEFENDER]);
    w->battles_month++;
    if (hk_world_logging(w)) {
        hk_world_battle_facts(w, f, a, att.men, def.men, res.casualties[HK_COMBAT_ATTACKER],
                              res.casualties[HK_COMBAT_DEFENDER],
                              res.winner == HK_COMBAT_ATTACKER ? a : res.winner == HK_COMBAT_DEFENDER ? side : -1, res.days);
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s front the %s side (%.0f men) assaults the encircled %s pocket at %s (%.0f men) for %d "
                 "day%s; casualties %.0f against the defenders' %.0f%s.",
                 sector_label(w, f), hk_side_adjective(a), att.men, hk_side_adjective(side),
                 hk_world_region_label(w, o), def.men, res.days, res.days == 1 ? "" : "s",
                 res.casualties[HK_COMBAT_ATTACKER], res.casualties[HK_COMBAT_DEFENDER],
                 fr->men[side] < 100 ? ", and the pocket is gone" : "");
    }
    hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, side), w->scratch,
                   SRC_WAR);
}

/* Regions cut off from their side's bases: the fronts that hold nothing
 * else break out or are lost; the ground passes to the other side. */
static void fronts_ground(const hk_world *w, int side, uint64_t ground[HK_MAX_SECTORS])
{
    memset(ground, 0, sizeof(uint64_t) * HK_MAX_SECTORS);
    for (int r = 0; r < w->s->n_regions && r < 64; r++) {
        int fo = w->camp.front_of[r];
        if (fo >= 0 && fo < HK_MAX_SECTORS && own(w, r, side))
            ground[fo] |= (uint64_t)1 << r;
    }
}

static void encirclements(hk_world *w, hk_rng *rng, int days)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    for (int side = 0; side < 2; side++) {
        routes(w); /* the first side's encirclement changes hands */
        uint64_t cut = c->route_cut[side];
        if (!cut)
            continue; /* nothing of it cut off: no pocket, no ground to pass */
        /* each front's ground the side holds, as sets, in one pass (again
         * after a siege, which may change who holds what) */
        uint64_t ground[HK_MAX_SECTORS];
        fronts_ground(w, side, ground);
        for (int f = 0; f < s->n_sectors; f++) {
            hk_front *fr = &c->front[f];
            if (fr->men[side] < 1)
                continue;
            bool any = f < HK_MAX_SECTORS && ground[f] != 0, all_cut = any && !(ground[f] & ~cut);
            /* a front that has lost all its ground has fallen back: its men
             * defend what the enemy front reaches next */
            if (!any || !all_cut)
                continue;
            /* the Japanese army's practice (001:145): no surrender until the
             * government's; a pocket holds out, besieged and cut off from
             * every reinforcement, until the surrender or the armistice (the
             * fortified regions of 1945 fought on past the Emperor's
             * broadcast, glantz2003); any other army's pocket breaks out in
             * part (war.breakout) and the rest surrender */
            if (fights_to_the_last(w, side)) {
                if (!fr->besieged[side] && hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "The %s forces on the %s front, %.0f men, are encircled and cut off from every "
                             "supply route; they will not surrender and hold out, besieged.",
                             hk_side_adjective(side), sector_label(w, f), fr->men[side]);
                if (!fr->besieged[side])
                    hk_world_emit2(w, "encirclement", s->sectors[f].id, hk_world_side_actor(w, 1 - side),
                                   hk_world_side_actor(w, side), w->scratch, SRC_WAR);
                fr->besieged[side] = true;
                siege(w, rng, f, side, days);
                fronts_ground(w, side, ground);
                continue;
            }
            double out = fr->men[side] * P(w, WAR_BREAKOUT), lost = fr->men[side] - out;
            c->prisoners[side] += lost;
            hk_combat_losses lo = {lost, fr->tanks[side], fr->guns[side], fr->aircraft[side]};
            losses(w, side, fr, &lo);
            fr->men[side] = 0; /* the rest break out to the reserve */
            fr->tanks[side] = fr->guns[side] = fr->aircraft[side] = 0;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "The %s forces on the %s front are encircled: %.0f break out, %.0f are taken prisoner.",
                         hk_side_adjective(side), sector_label(w, f), out, lost);
            hk_world_emit2(w, "encirclement", s->sectors[f].id, hk_world_side_actor(w, 1 - side),
                           hk_world_side_actor(w, side), w->scratch, SRC_WAR);
        }
        /* the cut-off ground passes to the other side where its army can
         * march in, over a land link from ground it holds, but for what a
         * besieged pocket still holds; ground cut off only over the sea
         * (Kamchatka, the islands) stays with its holder: no army reaches
         * it, and the ground is not lost while the war lasts */
        for (uint64_t m = cut; m; m &= m - 1) {
            int r = __builtin_ctzll(m);
            if (r >= s->n_regions)
                break;
            int fo = c->front_of[r];
            bool held = fo >= 0 && c->front[fo].besieged[side] && c->front[fo].men[side] >= 100;
            /* (nor does an invested fortress whose garrison holds it: it
             * passes when its last strongpoints fall, storm) */
            held = held || (invested(w, r) && c->garrison[r] > 0);
            /* (an island's ground is fought for on the island fronts,
             * landings.c: the 50th parallel is no way in for an army
             * marching from the mainland) */
            if (s->regions[r].terrain == HK_TERRAIN_ISLAND)
                continue;
            if (in_aims(w, 1 - side, r) && !held && way_back(w, r, 1 - side)) {
                hk_control_set(w, r, hk_world_side_actor(w, 1 - side));
                /* told: the history says who took the ground and why, on
                 * the step's last day (its troops march in over the step) */
                int step_day = w->today;
                if (w->today > 0 && days > 1)
                    w->today += days - 1;
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "Cut off from every route back to the %s side's ground, %s passes to the %s side, "
                             "whose troops march in unopposed.",
                             hk_side_adjective(side), hk_world_region_label(w, r), hk_side_adjective(1 - side));
                hk_world_emit2(w, "front", s->regions[r].id, hk_world_side_actor(w, 1 - side),
                               hk_world_side_actor(w, side), w->scratch, SRC_WAR);
                w->today = step_day;
            }
        }
    }
}

/* After the fronts stop: a pocket that is no field army but the garrison
 * its front left to hold a fortified region (withdraw_threatened: Hailar's,
 * when the 119th Division went back over the Great Khingan) is cut off
 * from its army's chain of command as a garrison left in its works is
 * (storm): the order to lay down arms reaches it only war.garrison_order_days
 * after the fronts, and until then its besiegers go on assaulting it (the
 * Hailar fortified region's last strongpoints were taken on 18 August 1945,
 * after nine days of assault, glantz2003). When it is gone its ground passes
 * to its besiegers. */
static void garrison_pockets(hk_world *w, hk_rng *rng, int days)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    for (int side = 0; side < 2; side++) {
        if (!holds_fortress(w, side))
            continue;
        for (int f = 0; f < s->n_sectors; f++) {
            hk_front *fr = &c->front[f];
            if (!fr->active || !fr->besieged[side] || fr->men[side] < 100)
                continue;
            hk_regions ground = 0;
            bool works = true;
            for (int r = 0; r < s->n_regions && works; r++)
                if (c->front_of[r] == f && own(w, r, side)) {
                    ground |= HK_REGION_BIT(r);
                    works = c->garrison_left[r] > 0 && fortified_line(w, r, side);
                }
            if (!ground || !works)
                continue;
            siege(w, rng, f, side, days);
            if (fr->men[side] >= 100)
                continue;
            for (hk_regions m = ground; m; m &= m - 1) {
                int r = __builtin_ctzll(m);
                if (in_aims(w, 1 - side, r) && way_back(w, r, 1 - side))
                    hk_control_set(w, r, hk_world_side_actor(w, 1 - side));
            }
        }
    }
}

/* A war Japan opens is told against its plan once its first month has been
 * fought: the Kantokuen plan of 1941 named the Maritime Province for the
 * main blow, sent the Northern front over the Amur with it, and held the
 * western (Khalkha and Transbaikal) axes until those had succeeded
 * (senshi_sosho_kantogun2; glantz2003). Each front the opener holds acts
 * as the state lets it (decide_posture): the main axis and a front whose
 * objective is a railway town of the trunk line (on_trunk) attack whatever
 * the odds, another only where its combat power (men,
 * arms, supply, against the defence's works) reaches war.opening_ratio of
 * the defence's. The text gives each front's odds, so a secondary blow that
 * was not made says why. */
static void tell_plan(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    int op = w->war_opener;
    if (c->plan_told || op != HK_SIDE_JPN || c->main_axis < 0)
        return;
    c->plan_told = true;
    const char *src = SRC_WAR "; senshi_sosho_kantogun2; glantz2003";
    const hk_front *mf = &c->front[c->main_axis];
    if (hk_world_logging(w)) {
        /* who holds the air over the theatre (holds_air), which the odds
         * below count */
        double k = P(w, WAR_AIR_SUPERIORITY), ta = theatre_air(w, op), td = theatre_air(w, 1 - op);
        char air[160] = "";
        if (td > k * ta || ta > k * td)
            snprintf(air, sizeof air, ", under the %s side's air (%.0f aircraft in the theatre against %.0f)",
                     td > k * ta ? "Soviet" : "Japanese", td > k * ta ? td : ta, td > k * ta ? ta : td);
        snprintf(w->scratch, sizeof w->scratch,
                 "The Japanese war plan against the state of the first month: the Kantokuen plan of 1941 put the main "
                 "blow on the Maritime Province, sent the Northern front over the Amur with it, and held the blow from "
                 "the west until those had succeeded. The main blow falls "
                 "on the %s front (%.0fk Japanese against %.0fk Soviet now)%s.",
                 sector_label(w, c->main_axis), mf->men[op] / 1000, mf->men[1 - op] / 1000, air);
    }
    hk_world_emit2(w, "front", "war_plan", s->jpn, s->sov, w->scratch, src);
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        const hk_front *fr = &c->front[f];
        if (f == c->main_axis || !fr->active || !(hk_fmax(fr->men_at_start[op], fr->men[op]) >= 1000))
            continue;
        char haul[64];
        if (fr->haul[op] >= P(w, WAR_NO_ROUTE_KM))
            snprintf(haul, sizeof haul, "with no route from a railhead");
        else
            snprintf(haul, sizeof haul, "%.0f km from its railhead", fr->haul[op]);
        if (!hk_world_logging(w))
            ;
        else if (fr->attacked[op] && fr->odds[op] < P(w, WAR_OPENING_RATIO)) {
            /* (under the margin: the plan's first phase sent it, on_trunk) */
            int o = hk_campaign_objective(w, f, op, NULL);
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front, beside the main blow, the Japanese side attacks as the plan's first phase "
                     "orders (%.0fk against %.0fk, %s): the plan sent its Northern and Eastern fronts together on the "
                     "railway towns of the Amur and Ussuri lines%s%s, whatever the odds: its combat power is %.2f of the "
                     "defence's, under the %.2f a secondary attack elsewhere waits for.",
                     sector_label(w, f), fr->men[op] / 1000, fr->facing[op] / 1000, haul, o >= 0 ? ", this one on " : "",
                     o >= 0 ? s->regions[o].name : "", fr->odds[op], P(w, WAR_OPENING_RATIO));
        } else if (fr->attacked[op])
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front, beside the main blow, the Japanese side makes a secondary attack (%.0fk against "
                     "%.0fk, %s): its combat power, men, arms, air and supply against the defence's works, reached %.2f of "
                     "the defence's, over the %.2f such an attack needs.",
                     sector_label(w, f), fr->men[op] / 1000, fr->facing[op] / 1000, haul, fr->odds[op],
                     P(w, WAR_OPENING_RATIO));
        else if (fr->odds[op] > 0)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front, beside the main blow, the Japanese side holds (%.0fk against %.0fk, %s): its "
                     "combat power, men, arms, air and supply against the defence's works, is %.2f of the defence's, under "
                     "the %.2f a secondary attack needs; it ties down the Soviet men facing it.",
                     sector_label(w, f), fr->men[op] / 1000, fr->facing[op] / 1000, haul, fr->odds[op],
                     P(w, WAR_OPENING_RATIO));
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s front, beside the main blow, the Japanese side holds (%.0fk men): no Soviet ground lies "
                     "within its reach.",
                     sector_label(w, f), fr->men[op] / 1000);
        hk_world_emit2(w, "front", s->sectors[f].id, s->jpn, s->sov, w->scratch, src);
    }
}

/* The first attack on a front by the side that did not open the war, told
 * with where its men came from: the front's own of the war's opening, what
 * its reserve brought up since over the routes (reinforce: the Far East's
 * own, its quiet fronts thinned to what holding needs, release), and what
 * has come from outside the theatre since the war opened, read from the
 * theatre army's size (movement: while the USSR fights Germany the Far
 * East gets no one, and gave divisions to the west, 001:181). */
static void tell_counter_stroke(hk_world *w, int f, int side, int o, const hk_combat_side *cs)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    if (w->war_opener != HK_SIDE_JPN || side == w->war_opener || f < 0 || f >= 32 || ((c->countered >> f) & 1u))
        return;
    c->countered |= 1u << f;
    if (!hk_world_logging(w))
        return;
    const hk_front *fr = &c->front[f];
    double sent = pool_of(w, side) + w->war_losses[side] - c->pool_at_start[side];
    bool west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    char tail[200];
    if (sent >= 1000 && west)
        snprintf(tail, sizeof tail,
                 "Moscow, at war with Germany, has sent the Far East no one: the %.0f men the theatre has gained since "
                 "the war opened are its own reservists and new formations",
                 sent);
    else if (sent >= 1000)
        snprintf(tail, sizeof tail, "%.0f men have come into the theatre from the west since the war opened", sent);
    else if (west)
        snprintf(tail, sizeof tail,
                 "Moscow, at war with Germany since %d-%02d, has sent the Far East no one since the war opened: the "
                 "counter-stroke is the Far East's own",
                 hk_month_year(w->flag_since[HK_EFFECT_GER_SOV_WAR]), hk_month_mon(w->flag_since[HK_EFFECT_GER_SOV_WAR]));
    else
        snprintf(tail, sizeof tail, "no one has come into the theatre from outside it since the war opened");
    /* the front's men not in the attack: those of the month's reinforcements
     * still on the railway (arriving), and those beyond what its routes keep
     * supplied in battle, held in the rear (front_side) */
    double up = arrived_share(w, fr, side);
    double supplied = up > 0 ? cs->men / up : fr->men[side];
    double on_way = supplied - cs->men, held = fr->men[side] - supplied;
    char coming[200] = "";
    if (on_way >= 1000 && held >= 1000)
        snprintf(coming, sizeof coming,
                 " (%.0f more still on their way up, and %.0f held in the rear, more than its routes keep "
                 "supplied in battle)",
                 on_way, held);
    else if (on_way >= 1000)
        snprintf(coming, sizeof coming, " (%.0f more still on their way up)", on_way);
    else if (held >= 1000)
        snprintf(coming, sizeof coming, " (%.0f more held in the rear, more than its routes keep supplied in battle)",
                 held);
    snprintf(w->scratch, sizeof w->scratch,
             "The %s side strikes back on the %s front toward %s with %.0f men and %.0f tanks%s: the front had %.0f "
             "when the war opened and %.0f have been brought up since from the reserve behind the fronts, the "
             "quieter fronts thinned to what holding needs; %s.",
             hk_side_adjective(side), sector_label(w, f), hk_world_region_label(w, o), cs->men, cs->tanks, coming,
             fr->men_at_start[side], fr->brought[side], tail);
    hk_world_emit2(w, "front", s->sectors[f].id, hk_world_side_actor(w, side), hk_world_side_actor(w, 1 - side),
                   w->scratch, SRC_WAR);
}

void hk_campaign_step(hk_world *w)
{
    if (!w->war || w->mode != HK_MODE_SIMULATE)
        return;
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    hk_movement_formations(w);
    hk_rng r = hk_world_stream(w, HK_STREAM_CAMPAIGN);
    /* the links each front reaches, over the links open this month */
    all_front_links(w);
    for (int f = 0; f < s->n_sectors; f++) {
        /* an offensive goes on from month to month until it breaks off, or
         * until its side stops attacking on the front (the season, its
         * objective gone, the odds): a new one is then weighed afresh */
        for (int side = 0; side < 2; side++)
            if (!c->front[f].attacked[side] || c->front[f].broke[side])
                c->front[f].op_men[side] = c->front[f].op_lost[side] = 0;
        c->front[f].broke[0] = c->front[f].broke[1] = false;
        c->front[f].added[0] = c->front[f].added[1] = 0;
        c->front[f].repulsed[0] = c->front[f].repulsed[1] = false;
        c->front[f].refused[0] = c->front[f].refused[1] = false;
        c->front[f].odds[0] = c->front[f].odds[1] = 0;
        c->front[f].facing[0] = c->front[f].facing[1] = 0;
        c->front[f].haul[0] = c->front[f].haul[1] = 0;
        c->front[f].attacked[0] = c->front[f].attacked[1] = false;
    }
    memset(c->changes, 0, sizeof c->changes);
    routes(w);
    for (int side = 0; side < 2; side++) {
        c->quality[side] = side_quality(w, side); /* the month's, worked out once */
        reinforce(w, side);
    }
    int step = (int)P(w, WAR_STEP_DAYS);
    if (step < 1)
        step = 1;
    /* the fronts fight on until the order to lay down arms reaches them,
     * war.ceasefire_days after the surrender is announced (the Emperor's
     * broadcast of 15 August 1945, the Kwantung Army's ceasefire of 17-19
     * August; the fighting went on after the war had ended on the
     * mainland, 001:285) */
    int last = c->surrender_day > 0 ? c->surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) : 30;
    if (last > 30)
        last = 30;
    /* a war that opens on a day of the month is fought from that day */
    int first = w->war_on == w->month && c->start_day > 1 ? c->start_day - 1 : 0;
    if (first > last)
        first = last;
    double month_cas[HK_MAX_SECTORS][2];
    memset(month_cas, 0, sizeof month_cas);
    int battles = 0;
    /* the mainland regions of no sector off the railways this month, where
     * a front's columns may go (columns) */
    hk_regions off_rail = 0;
    for (int g = 0; g < s->n_regions && g < 64; g++)
        if (zone_of(s, g) < 0 && !railhead_now(w, g) && s->regions[g].terrain != HK_TERRAIN_ISLAND)
            off_rail |= HK_REGION_BIT(g);
    /* the fronts' events carry the day their step opens on */
    int today = w->today;
    for (int day = first; day < last; day += step) {
        int days = day + step <= last ? step : last - day;
        w->today = day + 1;
        /* an attack held without breaking off is renewed at this step; one
         * that broke off waits for next month's reinforcements */
        for (int f = 0; f < s->n_sectors; f++)
            for (int side = 0; side < 2; side++)
                c->front[f].repulsed[side] = c->front[f].broke[side];
        /* each front's going over the step, each side's: the weather and
         * the roads, which no plan foresees (the rains of August 1945 in
         * eastern Manchuria, the dry steppe of the west, glantz2003) */
        double sd = P(w, WAR_GOING_SD);
        for (int f = 0; f < s->n_sectors && sd > 0; f++)
            for (int side = 0; side < 2; side++)
                c->front[f].going[side] = exp(sd * hk_rng_normal(&r) - 0.5 * sd * sd);
        routes(w);
        for (int f = 0; f < s->n_sectors; f++)
            for (int side = 0; side < 2 && c->front[f].active; side++)
                withdraw_threatened(w, f, side, false);
        for (int f = 0; f < s->n_sectors; f++)
            if (c->front[f].active)
                front_step(w, &r, f, days, (const double(*)[HK_MAX_REGIONS])c->route_km,
                           month_cas, &battles);
        for (int f = 0; f < s->n_sectors; f++)
            if (c->front[f].active)
                columns(w, f, days, off_rail);
        storm(w, &r, days, month_cas, &battles);
        encirclements(w, &r, days);
        c->days += days;
    }
    /* a besieged garrison, cut off from its army, learns of the order to lay
     * down arms only days after the fronts stop, from its besiegers: it
     * fights on for war.garrison_order_days, and its besiegers go on
     * storming it (Hutou's last positions fell to assault on 26 August 1945,
     * a week after the Kwantung Army's ceasefire reached its field armies,
     * glantz2003, hutou_siege) */
    int held_to = last;
    if (c->surrender_day > 0) {
        held_to = last + (int)P(w, WAR_GARRISON_ORDER_DAYS);
        if (held_to > 30)
            held_to = 30;
        for (int day = last; day < held_to; day += step) {
            int days = day + step <= held_to ? step : held_to - day;
            w->today = day + 1;
            storm(w, &r, days, month_cas, &battles);
            garrison_pockets(w, &r, days);
        }
    }
    w->today = today;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++)
        for (int side = 0; side < 2; side++)
            c->front[f].lost[side] += month_cas[f][side];
    hk_landings_step(w); /* the island fronts, over the month's days */
    tell_plan(w);
    w->battles_month += battles;
    /* a stalemate: months in a row in which no front has fought; it presses
     * for an armistice (war.c reads quiet_months) only once it has lasted
     * war.stalemate_months, a pause of a few weeks being no stalemate */
    c->still_months = battles > 0 ? 0 : c->still_months + 1;
    int grace = (int)P(w, WAR_STALEMATE_MONTHS);
    c->quiet_months = c->still_months >= grace ? c->still_months - grace + 1 : 0;
    if (hk_campaign_trans_siberian_cut(w)) {
        c->trans_siberian_cut = true;
        w->trans_siberian_was_cut = true;
    } else {
        c->trans_siberian_cut = false;
    }
    if (hk_world_logging(w)) {
        int n = 0;
        /* the days the fronts stepped this month: from the war's opening
         * day (or the 1st) to the month's end, or to the surrender's day and
         * the war.ceasefire_days it takes to reach the fronts */
        static const char *const mon[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
        const char *mname = mon[hk_month_mon(w->month) - 1];
        int nd = last - first, cease = (int)P(w, WAR_CEASEFIRE_DAYS);
        char besieged[160] = "";
        if (held_to > last && garrisons_of(w, HK_SIDE_JPN) + garrisons_of(w, HK_SIDE_SOV) >= 1)
            snprintf(besieged, sizeof besieged, "; the besieged fortified regions, which the order has not reached, "
                     "fight on under assault to the %d%s", held_to, ordinal(held_to));
        if (c->surrender_day > 0 && last == c->surrender_day + cease && cease > 0)
            n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                          "%d day%s of fighting on the fronts, %d to %d %s (the surrender of %d %s reaches them %d "
                          "day%s later%s), %d battle%s:",
                          nd, nd == 1 ? "" : "s", first + 1, last, mname, c->surrender_day, mname, cease,
                          cease == 1 ? "" : "s", besieged, battles, battles == 1 ? "" : "s");
        else if (c->surrender_day > 0 || first > 0)
            n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                          "%d day%s of fighting on the fronts, %d to %d %s, %d battle%s:", nd, nd == 1 ? "" : "s",
                          first + 1, last, mname, battles, battles == 1 ? "" : "s");
        else
            n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, "%d days of war on the fronts, %d battle%s:",
                          nd, battles, battles == 1 ? "" : "s");
        for (int f = 0; f < s->n_sectors && n < (int)sizeof w->scratch - 120; f++) {
            const hk_front *fr = &c->front[f];
            if (!fr->active)
                continue;
            static const char *const pn[] = {"-", "attacks", "holds", "falls back"};
            /* a side with no one left on a front has fallen back from it
             * (its men joined the front on its way back) or lost them */
            char side_text[2][48];
            for (int side = 0; side < 2; side++) {
                int to = fr->fell_back_to[side];
                if (fr->men[side] < 500 && to >= 0 && to < s->n_sectors && c->front[to].men[side] >= 500)
                    snprintf(side_text[side], sizeof side_text[side], "%s fell back to %s", side ? "S" : "J",
                             s->sectors[to].id);
                else if (fr->men[side] < 500)
                    snprintf(side_text[side], sizeof side_text[side], "%s none left", side ? "S" : "J");
                else
                    snprintf(side_text[side], sizeof side_text[side], "%s %.0fk %s", side ? "S" : "J",
                             fr->men[side] / 1000, pn[fr->posture[side] & 3]);
            }
            n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, " %s: %s, %s", s->sectors[f].id,
                          side_text[0], side_text[1]);
            /* what its battles and sieges have cost each side so far */
            if (fr->lost[0] + fr->lost[1] >= 1)
                n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, " (lost J %.1fk, S %.1fk)",
                              fr->lost[0] / 1000, fr->lost[1] / 1000);
            n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, ";");
        }
        /* the war's losses so far, and of them what the battles on the
         * fronts and the islands cost: an island garrison that lays down
         * its arms counts in the war's losses (hk_war_toll) but in no
         * battle, so its men, the islands' prisoners, are told apart */
        double pris = w->isl.prisoners[0] > 0 ? hk_fmin(w->isl.prisoners[0], w->war_losses[0]) : 0;
        if (pris >= 1)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     " losses so far Japanese %.0f (%.0f in battle, %.0f of the island garrisons gone into captivity), "
                     "Soviet %.0f%s.",
                     w->war_losses[0], w->war_losses[0] - pris, pris, w->war_losses[1],
                     c->trans_siberian_cut ? "; the Trans-Siberian is cut" : "");
        else
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, " losses so far Japanese %.0f, Soviet %.0f%s.",
                     w->war_losses[0], w->war_losses[1], c->trans_siberian_cut ? "; the Trans-Siberian is cut" : "");
    }
    hk_world_emit2(w, "war_month", "general_war", s->jpn, s->sov, w->scratch, SRC_WAR);
}

/* Appends region r's name to a list being told, after `sep`, while there
 * is room for it (only when the history is being written). */
static void name_region(const hk_world *w, char *names, size_t size, int *n, const char *sep, int r)
{
    if (hk_world_logging(w) && *n < (int)size - 80)
        *n += snprintf(names + *n, size - (size_t)*n, "%s%s", sep, hk_world_region_label(w, r));
}

/* How far region v's centre lies from region u's, as a square to compare
 * (degrees of latitude; a degree of longitude counts `shrink`, the cosine of
 * u's latitude: the equirectangular approximation, close enough over the
 * few hundred kilometres it orders). */
static double centre_d2(const hk_scenario *s, int u, int v, double shrink)
{
    double dy = s->regions[v].lat - s->regions[u].lat, dx = (s->regions[v].lon - s->regions[u].lon) * shrink;
    return dx * dx + dy * dy;
}

enum { OCC_LAND, OCC_SEA, OCC_AIR };

/* The occupation of a surrender zone by the power it is given to, from the
 * ground it holds when the order to lay down arms reaches the fronts: its
 * columns go along the links into the Japanese-held regions of the zone,
 * over land at the pace of its mobile groups (war.march_mobile, the fuel
 * now brought up over the railways the Japanese hand over) and over the sea
 * at war.occupy_sea_km_day (the Kurils were occupied island by island from
 * the north, Paramushir on the 24th, Etorofu on the 28th, Kunashiri on 1
 * September, 001:285); and airborne landings take the zone's cities first,
 * the nearest to its ground first, war.airborne_per_day a day (Harbin on
 * the 18th, Changchun and Mukden on the 19th, Port Arthur and Dalny on the
 * 22nd, glantz2003). Each region is the power's on the day the first of
 * them arrives: day_of[r] days after the order, how[r] by what; -1 for one
 * it does not reach. The control changes here; the days are told
 * (tell_occupation). Returns the regions it occupies. */
static int occupy(hk_world *w, const hk_surrender_zone *zn, int side, int *day_of, int *how)
{
    const hk_scenario *s = w->s;
    double t[HK_MAX_REGIONS];
    bool done[HK_MAX_REGIONS] = {false};
    int n = s->n_regions < 64 ? s->n_regions : 64;
    hk_regions mine = 0;
    for (int r = 0; r < n; r++) {
        t[r] = own(w, r, side) ? 0 : INFINITY;
        how[r] = OCC_LAND;
        day_of[r] = -1;
        if (own(w, r, side))
            mine |= HK_REGION_BIT(r);
    }
    double land = P(w, WAR_MARCH_MOBILE) > 0 ? P(w, WAR_MARCH_MOBILE) : 1;
    double sea = P(w, WAR_OCCUPY_SEA_KM_DAY) > 0 ? P(w, WAR_OCCUPY_SEA_KM_DAY) : 1;
    /* the columns: shortest times over the links, through the zone's
     * Japanese-held regions from the power's own ground (links in index
     * order, regions in index order among equal times) */
    hk_regions open = mine; /* reached and not yet done */
    while (open) {
        int u = -1;
        for (hk_regions m = open; m; m &= m - 1) {
            int r = __builtin_ctzll(m);
            if (u < 0 || t[r] < t[u])
                u = r;
        }
        open &= ~HK_REGION_BIT(u);
        done[u] = true;
        for (int j = w->c->adj_at[u]; j < w->c->adj_at[u + 1]; j++) {
            int v = w->c->adj_to[j], l = w->c->adj[j];
            if (v >= n || done[v] || !((zn->regions >> v) & 1) || hk_control_side(w, v) != 1 - side || !link_open(w, l))
                continue;
            /* (the islands are occupied by the island fronts as their
             * shipping reaches each, landings.c) */
            if (hk_landings_occupies(w, v))
                continue;
            bool by_sea = s->links[l].kind == HK_LINK_SEA;
            /* (a column sent there during the fighting, columns, goes on
             * from where it stands: the rest of the link) */
            double km = s->links[l].km;
            if (!by_sea && t[u] == 0 && w->camp.column_km[v] > 0)
                km = hk_fmax(0, km - w->camp.column_km[v]);
            double tv = t[u] + km / (by_sea ? sea : land);
            if (tv < t[v]) {
                t[v] = tv;
                how[v] = by_sea ? OCC_SEA : OCC_LAND;
                open |= HK_REGION_BIT(v);
            }
        }
    }
    /* the landings: the zone's cities on the mainland (urban, on the
     * railway), the nearest to the power's ground first */
    int per_day = (int)P(w, WAR_AIRBORNE_PER_DAY), cities[HK_MAX_REGIONS], nc = 0;
    double near[HK_MAX_REGIONS];
    for (int r = 0; r < n && per_day > 0 && mine; r++) {
        const hk_region *g = &s->regions[r];
        if (!((zn->regions >> r) & 1) || hk_control_side(w, r) != 1 - side || g->terrain != HK_TERRAIN_URBAN ||
            !railhead_now(w, r))
            continue;
        near[r] = INFINITY;
        double shrink = cos(g->lat * (3.14159265358979323846 / 180.0));
        for (hk_regions m = mine; m; m &= m - 1)
            near[r] = hk_fmin(near[r], centre_d2(s, r, __builtin_ctzll(m), shrink));
        int i = nc++;
        while (i > 0 && near[cities[i - 1]] > near[r]) {
            cities[i] = cities[i - 1];
            i--;
        }
        cities[i] = r;
    }
    for (int i = 0; i < nc; i++) {
        int r = cities[i];
        double tv = (double)(i / per_day);
        if (tv < t[r]) {
            t[r] = tv;
            how[r] = OCC_AIR;
        }
    }
    int taken = 0;
    for (int r = 0; r < n; r++) {
        if (!((zn->regions >> r) & 1) || hk_control_side(w, r) != 1 - side || !isfinite(t[r]) ||
            hk_landings_occupies(w, r))
            continue;
        day_of[r] = (int)ceil(t[r] - 1e-9);
        /* (an invested fortress whose garrison still holds it passes when
         * the order reaches the garrison, war.garrison_order_days later:
         * storm) */
        if (invested(w, r) && w->camp.garrison[r] > 0 && day_of[r] < (int)P(w, WAR_GARRISON_ORDER_DAYS))
            day_of[r] = (int)P(w, WAR_GARRISON_ORDER_DAYS);
        hk_control_set(w, r, zn->to);
        taken++;
    }
    return taken;
}

/* The occupation told day by day from w->today, the day the order reached
 * the fronts: one event a day, the regions the power's forces reach that
 * day and how. Within the month: a region reached after its last day is
 * told on it. */
static void tell_occupation(hk_world *w, const hk_surrender_zone *zn, const int *day_of, const int *how)
{
    const hk_scenario *s = w->s;
    int from = w->today > 0 ? w->today : 1, last = hk_days_in_month(hk_month_year(w->month), hk_month_mon(w->month));
    int today = w->today, n = s->n_regions < 64 ? s->n_regions : 64;
    /* the regions reached, by their day (and index among one day's) */
    int order[HK_MAX_REGIONS], day_r[HK_MAX_REGIONS], k_n = 0;
    for (int r = 0; r < n; r++) {
        if (day_of[r] < 0)
            continue;
        int d = from + day_of[r] > last ? last : from + day_of[r], i = k_n++;
        while (i > 0 && day_r[order[i - 1]] > d) {
            order[i] = order[i - 1];
            i--;
        }
        order[i] = r;
        day_r[r] = d;
    }
    for (int i = 0; i < k_n;) {
        int day = day_r[order[i]], count[3] = {0, 0, 0}, nn[3] = {0, 0, 0};
        char names[3][240];
        names[0][0] = names[1][0] = names[2][0] = '\0';
        for (; i < k_n && day_r[order[i]] == day; i++) {
            int r = order[i];
            name_region(w, names[how[r]], sizeof names[0], &nn[how[r]], count[how[r]] ? ", " : "", r);
            count[how[r]]++;
        }
        w->today = day;
        if (hk_world_logging(w)) {
            int k = 0;
            const char *adj = hk_side_adjective(hk_world_side(w, zn->to));
            k += snprintf(w->scratch + k, sizeof w->scratch - (size_t)k, "Under the surrender, the %s side occupies",
                          adj);
            static const char *const by[3] = {"with its columns over the roads and railways",
                                              "with troops landed from the sea", "by airborne landings"};
            int parts = 0;
            for (int m = 2; m >= 0; m--) {
                if (!count[m])
                    continue;
                k += snprintf(w->scratch + k, sizeof w->scratch - (size_t)k, "%s %s %s", parts ? ";" : "",
                              names[m], by[m]);
                parts++;
            }
            snprintf(w->scratch + k, sizeof w->scratch - (size_t)k, ".");
        }
        hk_world_emit2(w, "occupation", "zone_occupied", zn->to, s->jpn, w->scratch,
                       SRC_WAR "; glantz2003; 001_fd9a28d61a246780.txt:285");
    }
    w->today = today;
}

void hk_campaign_surrender(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_campaign_state *c = &w->camp;
    /* Japan's surrender gives up the ground it holds beyond its own: what an
     * earlier war took from the Soviet side (kept under an armistice) goes
     * back to the power whose ground it was, whatever the surrender zones
     * say (the surrender of 1945 left Japan nothing on the mainland or in
     * Russia's Far East; 001:287) */
    {
        int back = 0, names_n = 0;
        char names[360] = "";
        for (int r = 0; r < s->n_regions && r < 64; r++) {
            int home = s->regions[r].controller;
            if (!own(w, r, HK_SIDE_JPN) || home < 0 || hk_world_side(w, home) != HK_SIDE_SOV)
                continue;
            hk_control_set(w, r, home);
            name_region(w, names, sizeof names, &names_n, back ? ", " : "", r);
            back++;
        }
        if (back > 0 && hk_world_logging(w)) {
            snprintf(w->scratch, sizeof w->scratch,
                     "With the surrender Japan gives up the Soviet ground it still held: %s go%s back to the "
                     "Soviet side.",
                     names, back == 1 ? "es" : "");
            hk_world_emit2(w, "occupation", "soviet_ground_returned", s->sov, s->jpn, w->scratch,
                           "001_fd9a28d61a246780.txt:287");
        }
    }
    /* the armies lay down their arms, and the other side occupies the
     * zone, only once the order reaches the fronts, war.ceasefire_days
     * after the surrender is announced (the Kwantung Army laid down its arms
     * from 17 to 20 August 1945, its commander meeting Vasilevsky on the
     * 19th; Harbin, Changchun and Mukden were occupied on the 18th and 19th,
     * glantz2003), not on the day of the broadcast */
    int announced = w->today;
    if (c->surrender_day > 0) {
        int told = c->surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS);
        w->today = told > 30 ? 30 : told;
    }
    for (int z = 0; z < s->n_zones; z++) {
        const hk_surrender_zone *zn = &s->zones[z];
        int side = hk_world_side(w, zn->to);
        if (side < 0)
            continue;
        /* what of the zone the power reaches over the links from its ground,
         * and when (occupy: by its columns along the links, airborne at the
         * cities); the ground is its once the order has reached the fronts,
         * each region told on the day its occupiers arrive */
        int day_of[HK_MAX_REGIONS], how[HK_MAX_REGIONS], in_zone = 0;
        int taken = occupy(w, zn, side, day_of, how);
        for (int r = 0; r < s->n_regions && r < 64; r++)
            if (((zn->regions >> r) & 1) && !hk_landings_occupies(w, r))
                in_zone++; /* (the islands are the island fronts': landings.c) */
        int zone_held = 0;
        for (int r = 0; r < s->n_regions && r < 64; r++)
            if (((zn->regions >> r) & 1) && own(w, r, side) && !hk_landings_occupies(w, r))
                zone_held++; /* (the islands' garrisons are not the army's: landings.c) */
        /* the surrendering army in the zone gives itself up */
        double share = in_zone > 0 ? (double)zone_held / in_zone : 0;
        /* only the part of the theatre army that stands in the zone: the
         * formations stationed outside it (the Korea Army's headquarters
         * and division at Keijo, south of the 38th parallel) lay down their
         * arms to the power whose zone they stand in, the United States
         * under General Order No. 1, and do not go into this side's
         * captivity (general_order_no1). The theatre army is Japan's own:
         * Manchukuo's army, which for the most part scattered or went over
         * before the surrender, is no part of it, nor of the Soviet count
         * of Japanese prisoners (glantz2003) */
        double in_men = 0, all_men = 0;
        char where[200] = "";
        int where_n = 0;
        uint64_t named = 0;
        for (int f = 0; f < s->n_formations; f++) {
            const hk_formation_state *fs = &w->formation[f];
            if (w->c->form_side[f] != 1 - side || !(fs->men > 0))
                continue;
            all_men += fs->men;
            if (fs->region >= 0 && fs->region < 64 && ((zn->regions >> fs->region) & 1))
                in_men += fs->men;
            else if (fs->region >= 0 && fs->region < 64 && !((named >> fs->region) & 1)) {
                name_region(w, where, sizeof where, &where_n, named ? ", " : "", fs->region);
                named |= (uint64_t)1 << fs->region;
            }
        }
        double in_part = all_men > 0 ? in_men / all_men : 1.0;
        /* (the theatre army less the month's losses, which movement takes next month) */
        double army = hk_fmax(0, pool_of(w, 1 - side) - w->loss_men[1 - side]);
        double pris = army * in_part * share;
        double elsewhere = army * (1.0 - in_part);
        c->prisoners[1 - side] += pris;
        w->war_losses[1 - side] += pris;
        w->loss_men[1 - side] += pris;
        for (int f = 0; f < s->n_sectors; f++)
            c->front[f].men[1 - side] = 0;
        /* the garrisons still holding out in their fortified zones are part
         * of the army that lays down its arms (Hutou's survivors surrendered
         * days after the order, glantz2003) */
        double held_out = 0;
        for (int r = 0; r < s->n_regions; r++)
            if (c->garrison[r] > 0 && garrison_side(w, r) == 1 - side) {
                held_out += c->garrison[r];
                c->garrison[r] = c->garrison_guns[r] = 0;
            }
        char gar[160] = "";
        if (held_out >= 1 && hk_world_logging(w))
            snprintf(gar, sizeof gar, " (among them %.0f of the fortified zones' garrisons, who hold out until "
                     "the order reaches them)",
                     hk_fmin(held_out, pris));
        char away[160] = "";
        if (elsewhere >= 1 && hk_world_logging(w))
            snprintf(away, sizeof away, "; the %.0f stationed outside that zone (%s) lay down theirs to the power "
                     "whose zone they stand in", elsewhere, where);
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "Japan's forces lay down their arms: %.0f men go into captivity%s, and the %s side moves to "
                     "occupy the %d region%s of the zone it receives the surrender in that it does not yet hold%s.",
                     pris, gar, hk_side_adjective(side), taken, taken == 1 ? "" : "s", away);
        hk_world_emit2(w, "occupation", "surrender_zone", zn->to, s->jpn, w->scratch, zn->source.text);
        tell_occupation(w, zn, day_of, how);
    }
    w->today = announced;
    hk_landings_surrender(w); /* the island garrisons on the ground now occupied */
}

void hk_campaign_line(const hk_world *w, int f, uint64_t line[2])
{
    const hk_scenario *s = w->s;
    const hk_campaign_state *c = &w->camp;
    line[0] = line[1] = 0;
    /* the front's own regions, as each side holds them */
    uint64_t mine = 0;
    for (int r = 0; r < s->n_regions && r < 64; r++) {
        if (c->front_of[r] != f && !(w->mode == HK_MODE_REPLAY && zone_of(s, r) == f))
            continue;
        mine |= (uint64_t)1 << r;
        int side = own(w, r, HK_SIDE_JPN) ? 0 : own(w, r, HK_SIDE_SOV) ? 1 : -1;
        if (side >= 0)
            line[side] |= (uint64_t)1 << r;
    }
    /* and each side's regions in contact with the other's ground on it over
     * a land link: where a front's ground is all one side's (the Khalkha's
     * is Mongolian), the other side faces it from its neighbours (Hailar) */
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        if (k->kind == HK_LINK_SEA || k->from >= 64 || k->to >= 64 || !link_open(w, l))
            continue;
        for (int dir = 0; dir < 2; dir++) {
            int u = dir ? k->to : k->from, v = dir ? k->from : k->to;
            int su = hk_control_side(w, u), sv = hk_control_side(w, v);
            if (((mine >> v) & 1) && su >= 0 && sv >= 0 && su != sv)
                line[su] |= (uint64_t)1 << u;
        }
    }
}

void hk_campaign_summary(const hk_world *w, hk_war_summary *out)
{
    const hk_scenario *s = w->s;
    const hk_campaign_state *c = &w->camp;
    memset(out, 0, sizeof *out);
    if (!(w->war || w->war_in_month))
        return;
    out->active = true;
    out->began = w->war_on;
    out->opener = w->war_opener;
    out->days = c->days;
    for (int f = 0; f < s->n_sectors && f < HK_MAX_SECTORS; f++) {
        const hk_front *fr = &c->front[f];
        hk_front_summary *o = &out->fronts[out->n_fronts++];
        o->sector = f;
        for (int side = 0; side < 2; side++) {
            /* the men placed on the front (place: a formation facing two
             * fronts split between them, counted once), in the replay as in
             * simulate; the sectors' forces count such a formation on both */
            o->men[side] = fr->men[side];
            o->posture[side] = fr->posture[side] ? fr->posture[side] : HK_FRONT_HOLD;
            o->lost[side] = fr->lost[side];
        }
        if (w->mode == HK_MODE_REPLAY) {
            /* the record's postures: a side attacks on a front where the
             * record has it take ground this month, and holds elsewhere */
            o->posture[0] = o->posture[1] = HK_FRONT_HOLD;
            for (int i = 0; i < s->n_control; i++) {
                const hk_control_change *cc = &s->control[i];
                int side = hk_world_side(w, cc->controller);
                if (hk_date_month(cc->date) == w->month && side >= 0 && zone_of(s, cc->region) == f)
                    o->posture[side] = HK_FRONT_ATTACK;
            }
        }
        hk_campaign_line(w, f, o->line);
    }
    for (int side = 0; side < 2; side++) {
        out->casualties[side] = w->war_losses[side];
        out->prisoners[side] = c->prisoners[side];
        hk_campaign_taken(w, side, &out->taken[side]);
    }
    out->trans_siberian_cut = c->trans_siberian_cut;
}
