/* movement.c — where the armies are and how fast they can grow.
 *
 * Simulate keeps three pools of men: Japan's mainland army (Manchuria and
 * Korea), its expedition in Siberia, and the Soviet army east of Baikal.
 * Each pool moves toward the size its owner wants (set by threat, doctrine
 * and commitments) at the rate the economy and the Trans-Siberian allow,
 * and is spread over the pool's formations in the proportions of their
 * largest recorded strengths. docs/model.md#movement. */
#include "model/movement.h"
#include "world/actors.h"

#include "model/politics.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/system.h"

static double approach(double x, double target, double up, double down)
{
    if (target > x)
        return x + (target - x < up ? target - x : up);
    return x - (x - target < down ? x - target : down);
}

void hk_movement_apply_records(hk_world *w, hk_month upto)
{
    const hk_scenario *s = w->s;
    /* strengths are not necessarily sorted: apply every record dated up to
     * `upto` in date order, each overwriting its formation's earlier one */
    for (int f = 0; f < s->n_formations; f++) {
        int best = -1;
        for (int k = 0; k < s->n_strengths; k++) {
            const hk_strength *st = &s->strengths[k];
            if (st->formation != f || hk_date_month(st->date) > upto)
                continue;
            if (best < 0 || hk_date_cmp(st->date, s->strengths[best].date) >= 0)
                best = k;
        }
        if (best < 0)
            continue;
        const hk_strength *st = &s->strengths[best];
        hk_formation_state *fs = &w->formation[f];
        fs->men = st->men;
        fs->tanks = st->tanks;
        fs->guns = st->guns;
        fs->aircraft = st->aircraft;
        if (st->quality > 0)
            fs->quality = st->quality;
        if (st->region >= 0 && w->mode == HK_MODE_REPLAY)
            fs->region = st->region;
    }
}

static void pools_from_formations(hk_world *w)
{
    double pool[3] = {0, 0, 0};
    for (int f = 0; f < w->s->n_formations; f++)
        if (w->c->form_pool[f] >= 0)
            pool[w->c->form_pool[f]] += w->formation[f].men;
    w->jpn_men = pool[0];
    w->exp_men = pool[1];
    w->sov_men = pool[2];
}

/* Equipment per man follows the record's schedule: technology is outside
 * the model, the number of men is not. */
static void update_equipment(hk_world *w)
{
    for (int f = 0; f < w->s->n_formations; f++) {
        int at = w->equip_at[f];
        while (at + 1 < w->c->n_equip[f] && w->c->equip[f][at + 1].from <= w->month)
            at++;
        if (at != w->equip_at[f] || w->month == w->start) {
            w->equip_at[f] = (uint8_t)at;
            for (int k = 0; k < 3; k++)
                w->per_man[f][k] = w->c->equip[f][at].per_man[k];
        }
    }
}

/* A formation takes its share of its pool from its first recorded strength
 * on (before that it did not exist); a pool none of whose formations exists
 * yet is spread over all of them. */
static bool formation_hosted(const hk_world *w, int f)
{
    /* no formation of an actor outside its span (Mongolia's army before 1924) */
    if (!hk_actor_exists(w, w->s->formations[f].actor, w->month))
        return false;
    int host = w->c->form_host_treaty[f];
    return host == -1 || (host >= 0 && hk_treaty_binds(w, host));
}

static bool formation_exists(const hk_world *w, int f)
{
    if (!hk_actor_exists(w, w->s->formations[f].actor, w->month))
        return false;
    if (w->c->form_host_treaty[f] != -1) /* on an ally's soil: there while the treaty binds, not from a date */
        return formation_hosted(w, f);
    return w->c->n_equip[f] == 0 || w->c->equip[f][0].from <= w->month;
}

/* Replay: a formation on an ally's soil whose treaty was removed (--without)
 * or does not bind is not there, whatever the record says. */
static void withdraw_unhosted(hk_world *w)
{
    for (int f = 0; f < w->s->n_formations; f++) {
        int host = w->c->form_host_treaty[f];
        if (host == -1 || (host >= 0 && hk_treaty_binds(w, host)))
            continue;
        hk_formation_state *fs = &w->formation[f];
        fs->men = fs->tanks = fs->guns = fs->aircraft = 0;
    }
}

static void formations_from_pools(hk_world *w)
{
    const int n = w->s->n_formations;
    double wsum[3] = {0, 0, 0}, wall[3] = {0, 0, 0};
    bool hosted[HK_MAX_FORMATIONS], exists[HK_MAX_FORMATIONS]; /* worked out once a month */
    for (int f = 0; f < n; f++) {
        int p = w->c->form_pool[f];
        if (p < 0 || p > 2)
            continue;
        hosted[f] = formation_hosted(w, f);
        exists[f] = formation_exists(w, f);
        if (hosted[f])
            wall[p] += w->c->weight[f];
        if (exists[f])
            wsum[p] += w->c->weight[f];
    }
    const double pool[3] = {w->jpn_men, w->exp_men, w->sov_men};
    for (int f = 0; f < n; f++) {
        int p = w->c->form_pool[f];
        if (p < 0 || p > 2)
            continue;
        bool all = !(wsum[p] > 0);
        double sum = all ? wall[p] : wsum[p];
        double men = ((all && hosted[f]) || exists[f]) && sum > 0
                         ? pool[p] * w->c->weight[f] / sum : 0.0;
        w->formation[f].men = men;
        w->formation[f].tanks = men * w->per_man[f][0];
        w->formation[f].guns = men * w->per_man[f][1];
        w->formation[f].aircraft = men * w->per_man[f][2];
    }
}

void hk_movement_sector_forces(hk_world *w)
{
    const hk_scenario *s = w->s;
    memset(w->sector_forces, 0, sizeof w->sector_forces);
    for (int f = 0; f < s->n_formations; f++) {
        int side = w->c->form_side[f];
        const hk_formation_state *fs = &w->formation[f];
        if (side < 0 || fs->region < 0 || fs->men <= 0)
            continue;
        unsigned mask = w->near_sector[fs->region];
        for (int sec = 0; mask && sec < s->n_sectors; sec++, mask >>= 1) {
            if (!(mask & 1u))
                continue;
            /* Manchukuo's borders are Japan's to guard only once Manchuria is held */
            if (side == HK_SIDE_JPN && s->sectors[sec].side[0] == s->man && s->man >= 0 && !w->manchuria_seized)
                continue;
            hk_side_forces *sf = &w->sector_forces[sec][side];
            sf->men += fs->men;
            sf->tanks += fs->tanks;
            sf->guns += fs->guns;
            sf->aircraft += fs->aircraft;
        }
    }
}

/* How many men the USSR wants east of Baikal this month. */
static double soviet_target(const hk_world *w)
{
    const hk_scenario *s = w->s;
    double threat_men = w->jpn_men + w->exp_men;
    double lean = hk_world_lean(w, s->sov); /* forward posture of the leadership */
    double mult = 1.0 + 0.5 * hk_clamp(w->doctrine, 0, 1) + 0.3 * hk_clamp(lean, 0, 1) +
                  0.2 * hk_treaty_binds(w, w->c->roles.jpn_outside_consult) -
                  0.2 * hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality);
    double target = P(w, SOVIET_THREAT_RATIO) * threat_men * mult;
    if (target < P(w, SOVIET_FLOOR))
        target = P(w, SOVIET_FLOOR);
    if (hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) && !w->war) {
        /* the war in the west comes first: keep what deters, no more (unless
         * Japan has already attacked) */
        double keep = 0.6 * target;
        target = keep > P(w, SOVIET_FLOOR) ? keep : P(w, SOVIET_FLOOR);
    }
    /* the offensive is prepared once the motive is well on its way (0.6 of
     * what entry needs): the transfer takes months */
    if (hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) && (hk_politics_entry_motive(w) >= 0.6 || w->war)) {
        /* an offensive in the east: enough for a decisive ratio, with margin */
        /* breaking a pact that binds without notice needs a wider margin */
        int pact = w->c->roles.jpn_sov_neutrality;
        bool unnoticed = pact >= 0 && w->treaty[pact].status == HK_TREATY_IN_FORCE;
        double need = P(w, SOVIET_ENTRY_RATIO) * (unnoticed ? P(w, WAR_BREAK_FACTOR) : 1.0);
        double offensive = need * 1.15 * w->jpn_men;
        if (offensive > target)
            target = offensive;
    }
    return target;
}

static void simulate_soviet(hk_world *w)
{
    double target = soviet_target(w);
    double cap = w->c->rail_capacity;
    bool freed = hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    /* forces go west only while the east is at peace */
    bool at_war_west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !freed && !w->war;
    /* in peace the build-up is bounded by the economy and a share of the
     * railway; once Germany is beaten the railway runs for the east alone */
    double up = freed ? P(w, SOVIET_TRANSFER_SHARE) * cap : fmin(P(w, SOVIET_BUILDUP) * w->sov_capacity, P(w, SOVIET_RAIL_SHARE) * cap);
    /* the state's grip on the east recovers from the Civil War */
    w->sov_capacity += P(w, SOVIET_RECOVERY) * (1.0 - w->sov_capacity);
    double down = at_war_west ? P(w, SOVIET_WEST_DRAW) * w->sov_men : 0.01 * w->sov_men;
    if (!at_war_west && w->sov_men > w->sov_peak)
        w->sov_peak = w->sov_men;
    w->sov_men = approach(w->sov_men, target, up, down);
    w->sov_drawn = (at_war_west && w->sov_peak > 0) ? hk_clamp(1.0 - w->sov_men / w->sov_peak, 0, 1) : 0.0;
}

static void simulate_japan(hk_world *w)
{
    const hk_scenario *s = w->s;
    double garrison = P(w, JAPAN_GARRISON);
    double target = garrison;
    if (w->manchuria_seized) {
        double lean = hk_clamp(w->doctrine, -1, 1);
        /* sized against the Soviet army that could face it: while a war in
         * the west draws it away, against what it was before */
        double facing = w->sov_drawn > 0 && w->sov_peak > w->sov_men ? w->sov_peak : w->sov_men;
        target = P(w, JAPAN_MANCHURIA_RATIO) * facing * (1.0 + 0.5 * lean);
        if (w->china_war)
            target *= 0.85; /* the China front competes for the same divisions */
        if (target < garrison)
            target = garrison;
        if (target > P(w, JAPAN_MAX_MEN))
            target = P(w, JAPAN_MAX_MEN);
    }
    if (w->player == s->jpn && w->orders_given)
        target *= 1.0 + hk_clamp(w->orders.reinforce, -0.5, 1.0);
    double up = P(w, JAPAN_BUILDUP), down = 0.01 * w->jpn_men; /* armies shrink slowly */
    /* Preparing a war in the north (the 1941 "special manoeuvres"): with the
     * USSR at war in the west, doctrine above the strike threshold and Japan
     * not committed south, the mainland army is reinforced toward the border
     * ratio the cabinet demands, at the mobilisation rate. */
    if (w->manchuria_seized && !w->committed_south && !w->war && w->doctrine > P(w, DOCTRINE_STRIKE_NORTH) &&
        hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) && w->player != s->jpn) {
        double jb = hk_world_border_men(w, HK_SIDE_JPN), sb = hk_world_border_men(w, HK_SIDE_SOV);
        double ratio = sb > 1000 && jb > 1000 ? jb / sb : w->jpn_men / fmax(w->sov_men, 1000.0);
        double want = ratio > 0 ? w->jpn_men * hk_politics_north_need(w) / ratio : target;
        want = fmin(want, P(w, JAPAN_MAX_MEN));
        if (want > target) {
            target = want;
            up = fmax(up, P(w, JAPAN_MOBILIZE));
        }
    }
    /* forces leave Manchuria for the south: by the cabinet's choice, or
     * because a war with the United States, whoever chose it, calls for the
     * divisions (the Kwantung Army stripped for the Pacific, 001:211) */
    if ((w->committed_south || hk_flag(w, HK_EFFECT_JPN_US_WAR)) && !w->war) {
        double keep = garrison + (w->jpn_men - garrison) * (1.0 - P(w, JAPAN_SOUTH_DRAW));
        if (keep < target)
            target = keep;
        down = w->jpn_men - keep;
        up = 0;
    }
    w->jpn_men = approach(w->jpn_men, target, up, down > 0 ? down : 0);

    /* the Siberian expedition */
    double want = (w->intervention && !w->withdrawn) ? P(w, INTERVENTION_MEN) : 0.0;
    w->exp_men = approach(w->exp_men, want, P(w, INTERVENTION_MEN) / 3.0, P(w, INTERVENTION_MEN) / 6.0);
}

void hk_movement_step(hk_world *w)
{
    /* the losses of last month's battles come off first */
    if (w->mode == HK_MODE_SIMULATE) {
        w->jpn_men = fmax(0, w->jpn_men - w->loss_men[HK_SIDE_JPN]);
        w->sov_men = fmax(0, w->sov_men - w->loss_men[HK_SIDE_SOV]);
        simulate_soviet(w);
        simulate_japan(w);
        update_equipment(w);
        formations_from_pools(w);
    } else {
        hk_movement_apply_records(w, w->month);
        withdraw_unhosted(w);
        pools_from_formations(w);
    }
    memset(w->loss_men, 0, sizeof w->loss_men);
    memset(w->loss_tanks, 0, sizeof w->loss_tanks);
    memset(w->loss_guns, 0, sizeof w->loss_guns);
    memset(w->loss_aircraft, 0, sizeof w->loss_aircraft);
    hk_movement_sector_forces(w);
}

void hk_movement_start(hk_world *w)
{
    hk_movement_apply_records(w, w->start);
    pools_from_formations(w);
    if (w->mode == HK_MODE_SIMULATE) {
        if (w->jpn_men <= 0)
            w->jpn_men = P(w, JAPAN_GARRISON);
        if (w->sov_men <= 0)
            w->sov_men = P(w, SOVIET_START_MEN);
        w->exp_men = 0;
        formations_from_pools(w);
    }
    w->sov_peak = w->sov_men;
    w->sov_capacity = P(w, SOVIET_START_CAPACITY);
    hk_movement_sector_forces(w);
}
