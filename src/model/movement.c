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

#include "model/assess.h"
#include "model/campaign.h"

#include "model/politics.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/system.h"

/* armies' budgets are voted for a year: each side's departure from its
 * plan is drawn at a vote and held until the next (forces.budget_*) */
#define HK_BUDGET_MONTHS 12

static double approach(const hk_world *w, double x, double target, double up, double down)
{
    /* armies are raised and sent home by whole units: a gap of less than
     * forces.least_move of the army is left standing */
    if (fabs(target - x) < P(w, FORCES_LEAST_MOVE) * x)
        return x;
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
        /* a run's first month: worked out at load (compiled.c) */
        int best = upto == hk_date_month(s->start) ? w->c->start_record[f] : hk_scenario_strength_at(s, f, upto);
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
    if (w->month != w->start && w->month < w->mv.equip_next)
        return; /* no schedule changes this month */
    hk_month next = INT32_MAX;
    for (int f = 0; f < w->s->n_formations; f++) {
        int n = w->c->n_equip[f];
        if (n == 0)
            continue;
        /* before its first record a formation carries what it had then
         * (hk_equipment_before_record): HK_EQUIP_BEFORE */
        int at = w->equip_at[f];
        if (w->month < w->c->equip[f][0].from) {
            at = HK_EQUIP_BEFORE;
        } else {
            if (at == HK_EQUIP_BEFORE)
                at = 0;
            while (at + 1 < n && w->c->equip[f][at + 1].from <= w->month)
                at++;
        }
        if (at != w->equip_at[f] || w->month == w->start) {
            w->mv.coef_ok = false;
            w->equip_at[f] = (uint8_t)at;
            hk_equipment_per_man(w, f, w->per_man[f]);
        }
        hk_month due = at == HK_EQUIP_BEFORE ? w->c->equip[f][0].from
                       : at + 1 < n          ? w->c->equip[f][at + 1].from
                                             : INT32_MAX;
        if (due < next)
            next = due;
    }
    w->mv.equip_next = next;
}

/* A formation takes its share of its pool from its first recorded strength
 * on (before that it did not exist); a pool none of whose formations exists
 * yet is spread over all of them. It is there (hosted) while its actor
 * exists (no Mongolian army before 1924) and, on an ally's soil, while the
 * treaty that lets it be there binds. Worked out once as the month's
 * movement begins (nothing movement does changes a treaty or an actor's
 * span), from the masks of compiled.c: an actor's formations while it
 * exists, on home soil or under a treaty that binds. */
_Static_assert(HK_MAX_FORMATIONS <= 64, "hk_world.hosted holds a bit a formation");

static void find_hosted(hk_world *w)
{
    const hk_compiled *c = w->c;
    uint64_t there = c->always_formations, allowed = c->home_formations;
    /* the actors there this month: the actors step's mask when it has
     * worked out this month (hk_actor_exists reads the same) */
    bool masked = w->exists_month == w->month;
    for (uint32_t m = c->formation_actors & (masked ? w->exists_mask : ~0u); m; m &= m - 1) {
        int a = __builtin_ctz(m);
        if (masked || hk_actor_exists(w, a, w->month))
            there |= c->actor_formations[a];
    }
    for (uint32_t m = c->host_treaties; m; m &= m - 1) {
        int t = __builtin_ctz(m);
        if (hk_treaty_binds(w, t))
            allowed |= c->treaty_formations[t];
    }
    /* an army is not on ground its side has never held: the Kwantung
     * Army's fronts stand in Manchuria from the month it is seized (or,
     * in replay, the record hands it over), and stay through a war that
     * takes it back (their men fall in battle or surrender); looked at
     * again only when the regions have changed hands since (for the same
     * control the same answer, and what is held stays held) */
    uint64_t unheld = c->claimed_formations & ~w->mv.ground_held;
    if (unheld && (!w->mv.ground_looked || memcmp(w->mv.ground_control, w->control, sizeof w->control) != 0)) {
        memcpy(w->mv.ground_control, w->control, sizeof w->control);
        w->mv.ground_looked = true;
        for (uint64_t m = unheld; m; m &= m - 1) {
            int f = __builtin_ctzll(m), r = w->s->formations[f].region;
            if (r >= 0 && hk_scenario_side(w->s, w->control[r]) == c->form_side[f])
                w->mv.ground_held |= (uint64_t)1 << f;
        }
    }
    allowed &= ~(c->claimed_formations & ~w->mv.ground_held);
    w->hosted = there & allowed;
}

static bool formation_hosted(const hk_world *w, int f) { return (w->hosted >> f) & 1u; }

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

static void pool_shares(hk_world *w);
static void spread_pools(hk_world *w, unsigned mask);
static bool pool_recorded(const hk_world *w, int pool, hk_month m);

/* Replay: before the record's first Soviet figure the Soviet pool holds
 * soviet.floor, as in simulate, spread over its formations. */
static void soviet_floor_replay(hk_world *w)
{
    if (pool_recorded(w, 2, w->month))
        return;
    w->sov_men = w->base_pool[2];
    pool_shares(w);
    spread_pools(w, 1u << 2);
}

/* Simulate: the pools' men reach the formations only when something reads
 * them (a battle, a front, an observer's month), through
 * hk_movement_formations. Nothing but movement writes what the spreading
 * reads (the pools, the record's parts, the formations there, the
 * equipment), so a spreading late in the month, or in the next month
 * before movement steps again, gives the numbers the month's step would
 * have written. */
static void formations_from_pools(hk_world *w)
{
    pool_shares(w);
    w->mv.spread_due = true;
}

/* Simulate: each sector's tanks, guns and aircraft from the pools and shares
 * of the month's sector forces (hk_movement_sector_forces gives the men at
 * once, which incidents read every month), only when a battle, a front or an
 * observer reads them, through hk_movement_formations; the same sums as
 * working them out with the men. */
static void sector_arms(hk_world *w)
{
    if (!w->mv.arms_due)
        return;
    w->mv.arms_due = false;
    const double *pool = w->mv.forces_pool;
    const double q0 = pool[0] > 0 ? pool[0] : 0, q1 = pool[1] > 0 ? pool[1] : 0, q2 = pool[2] > 0 ? pool[2] : 0;
    for (int sec = 0; sec < w->s->n_sectors; sec++)
        for (int side = 0; side < 2; side++) {
            const hk_side_forces *k = w->mv.coef[sec][side];
            hk_side_forces *sf = &w->sector_forces[sec][side];
            sf->tanks = ((0.0 + q0 * k[0].tanks) + q1 * k[1].tanks) + q2 * k[2].tanks;
            sf->guns = ((0.0 + q0 * k[0].guns) + q1 * k[1].guns) + q2 * k[2].guns;
            sf->aircraft = ((0.0 + q0 * k[0].aircraft) + q1 * k[1].aircraft) + q2 * k[2].aircraft;
        }
}

void hk_movement_sector_arms(hk_world *w) { sector_arms(w); }

void hk_movement_formations(hk_world *w)
{
    sector_arms(w);
    if (!w->mv.spread_due)
        return;
    w->mv.spread_due = false;
    spread_pools(w, 7u);
}

/* Which formations exist this month and each pool's weights summed over
 * them (over all those there, for a pool none of whose formations exists
 * yet), worked out again only when those change. */
static void pool_shares(hk_world *w)
{
    const int n = w->s->n_formations;
    /* it exists when hosted and, on home soil, from its first equipment
     * record; on an ally's soil while the treaty binds, not from a date
     * (compiled.c) */
    if (w->month >= w->mv.dated_next) {
        hk_month next = INT32_MAX;
        w->mv.dated = 0;
        for (int f = 0; f < n; f++) {
            if (w->c->exists_from[f] <= w->month)
                w->mv.dated |= (uint64_t)1 << f;
            else if (w->c->exists_from[f] < next)
                next = w->c->exists_from[f];
        }
        w->mv.dated_next = next;
    }
    uint64_t exists = w->mv.dated & w->hosted;
    double *wsum = w->mv.wsum, *wall = w->mv.wall;
    if (!w->mv.share_ok || w->mv.share_hosted != w->hosted || w->mv.share_exists != exists) {
        for (int p = 0; p < 3; p++)
            wsum[p] = wall[p] = 0;
        for (int f = 0; f < n; f++) {
            int p = w->c->form_pool[f];
            if (p < 0 || p > 2)
                continue;
            if ((w->hosted >> f) & 1u)
                wall[p] += w->c->weight[f];
            if ((exists >> f) & 1u)
                wsum[p] += w->c->weight[f];
        }
        w->mv.share_ok = true;
        w->mv.share_hosted = w->hosted;
        w->mv.share_exists = exists;
        w->mv.coef_ok = false;
    }
}

/* Each formation of the pools in `mask` its part of its pool, from the
 * shares pool_shares left. */
static void spread_pools(hk_world *w, unsigned mask)
{
    const uint64_t hosted = w->mv.share_hosted, exists = w->mv.share_exists;
    const double *wsum = w->mv.wsum, *wall = w->mv.wall;
    const double pool[3] = {w->jpn_men, w->exp_men, w->sov_men};
    uint64_t todo = 0;
    for (int p = 0; p < 3; p++)
        if ((mask >> p) & 1u)
            todo |= w->c->pool_formations[p];
    for (; todo; todo &= todo - 1) {
        int f = __builtin_ctzll(todo), p = w->c->form_pool[f];
        /* where the record gives the pool's formations this month, each
         * takes its recorded part (the Transbaikal's tank armies only when
         * the record has them there); before it, by its largest figure */
        double men;
        if (w->mv.base_sum[p] > 0) {
            men = pool[p] * w->mv.base_men[f] / w->mv.base_sum[p];
        } else {
            bool all = !(wsum[p] > 0);
            double sum = all ? wall[p] : wsum[p];
            bool there = all ? (hosted >> f) & 1u : (exists >> f) & 1u;
            men = there && sum > 0 ? pool[p] * w->c->weight[f] / sum : 0.0;
        }
        w->formation[f].men = men;
        w->formation[f].tanks = men * w->per_man[f][0];
        w->formation[f].guns = men * w->per_man[f][1];
        w->formation[f].aircraft = men * w->per_man[f][2];
    }
}

/* The forces facing a sector: a formation counts for every sector it
 * faces, the patrols and garrisons that meet the other side's along it
 * (incidents, the map). What a battle there can draw on is battles.c's
 * (the formations within reach of its battle ground). */
bool hk_movement_manchurian_sector(const hk_world *w, int sec)
{
    return sec >= 0 && sec < 64 && ((w->c->manchurian_sectors >> sec) & 1u); /* worked out at load */
}

/* The sectors a formation of `side` standing in `region` counts for:
 * Manchukuo's borders, and a border whose contested ground was Manchurian
 * in 1918, are Japan's to guard only once Manchuria is held. */
static unsigned faced_sectors(const hk_world *w, int side, int region)
{
    unsigned mask = w->near_sector[region] & ((1u << w->s->n_sectors) - 1);
    if (side == HK_SIDE_JPN && !w->manchuria_seized)
        mask &= ~(unsigned)w->c->manchurian_sectors;
    return mask;
}

/* Simulate: a pool's men are spread over its formations in fixed shares
 * (spread_pools) while the record, the formations there and the equipment
 * stay the same, so each sector's forces are the pools' men times the
 * shares of the formations facing it, worked out again only when those
 * change. */
static void pool_coefficients(hk_world *w, unsigned pools)
{
    const hk_scenario *s = w->s;
    /* a pool's coefficients are the sums over its own formations alone (in
     * formation order), so those of the pools not asked for stand as they are */
    if (pools == 7u) {
        memset(w->mv.coef, 0, (size_t)s->n_sectors * sizeof w->mv.coef[0]); /* only the scenario's sectors are read */
    } else {
        for (int sec = 0; sec < s->n_sectors; sec++)
            for (int side = 0; side < 2; side++)
                for (int p = 0; p < 3; p++)
                    if ((pools >> p) & 1u)
                        w->mv.coef[sec][side][p] = (hk_side_forces){0};
    }
    uint64_t exists = w->mv.dated & w->hosted, todo = 0;
    for (int p = 0; p < 3; p++)
        if ((pools >> p) & 1u)
            todo |= w->c->pool_formations[p];
    for (; todo; todo &= todo - 1) {
        int f = __builtin_ctzll(todo);
        int side = w->c->form_side[f], p = w->c->form_pool[f], region = w->formation[f].region;
        if (side < 0 || p < 0 || p > 2 || region < 0)
            continue;
        double share;
        if (w->mv.base_sum[p] > 0) {
            share = w->mv.base_men[f] / w->mv.base_sum[p];
        } else {
            bool all = !(w->mv.wsum[p] > 0);
            double sum = all ? w->mv.wall[p] : w->mv.wsum[p];
            bool there = all ? (w->hosted >> f) & 1u : (exists >> f) & 1u;
            share = there && sum > 0 ? w->c->weight[f] / sum : 0.0;
        }
        if (!(share > 0))
            continue;
        for (unsigned mask = faced_sectors(w, side, region); mask; mask &= mask - 1) {
            hk_side_forces *k = &w->mv.coef[__builtin_ctz(mask)][side][p];
            k->men += share;
            k->tanks += share * w->per_man[f][0];
            k->guns += share * w->per_man[f][1];
            k->aircraft += share * w->per_man[f][2];
        }
    }
    w->mv.coef_ok = true;
    w->mv.coef_stale = 0;
    w->mv.coef_seized = w->manchuria_seized;
}

void hk_movement_sector_forces(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (w->mode == HK_MODE_SIMULATE) {
        const double pool[3] = {w->jpn_men, w->exp_men, w->sov_men};
        if (!w->mv.coef_ok || w->mv.coef_seized != w->manchuria_seized)
            pool_coefficients(w, 7u);
        else if (w->mv.coef_stale)
            pool_coefficients(w, w->mv.coef_stale);
        else if (w->mv.forces_ok && memcmp(pool, w->mv.forces_pool, sizeof pool) == 0)
            return; /* the same pools over the same shares: last month's forces */
        memcpy(w->mv.forces_pool, pool, sizeof pool);
        w->mv.forces_ok = true;
        /* every pool's term in the same order from 0: a pool with no men or
         * no share adds an exact +0 (pools and shares are never negative),
         * so the sums are those of adding only the others */
        const double q0 = pool[0] > 0 ? pool[0] : 0, q1 = pool[1] > 0 ? pool[1] : 0, q2 = pool[2] > 0 ? pool[2] : 0;
        if (q1 > 0) {
            for (int sec = 0; sec < s->n_sectors; sec++)
                for (int side = 0; side < 2; side++) {
                    const hk_side_forces *k = w->mv.coef[sec][side];
                    w->sector_forces[sec][side].men = ((0.0 + q0 * k[0].men) + q1 * k[1].men) + q2 * k[2].men;
                }
        } else {
            /* no expedition (every month but those of 1918-22): its term
             * is an exact +0, and adding it changes no bit */
            for (int sec = 0; sec < s->n_sectors; sec++)
                for (int side = 0; side < 2; side++) {
                    const hk_side_forces *k = w->mv.coef[sec][side];
                    w->sector_forces[sec][side].men = (0.0 + q0 * k[0].men) + q2 * k[2].men;
                }
        }
        w->mv.arms_due = true; /* the weapons when read (sector_arms) */
        return;
    }
    w->mv.forces_ok = false;
    w->mv.arms_due = false;
    memset(w->sector_forces, 0, (size_t)s->n_sectors * sizeof w->sector_forces[0]); /* the rest stays 0 */
    uint64_t manchurian = w->c->manchurian_sectors;
    for (int f = 0; f < s->n_formations; f++) {
        int side = w->c->form_side[f];
        const hk_formation_state *fs = &w->formation[f];
        if (side < 0 || fs->region < 0 || fs->men <= 0)
            continue;
        for (unsigned mask = w->near_sector[fs->region]; mask; mask &= mask - 1) {
            int sec = __builtin_ctz(mask);
            if (sec >= s->n_sectors)
                break;
            /* Manchukuo's borders, and a border whose contested ground was
             * Manchurian in 1918, are Japan's to guard only once Manchuria
             * is held */
            if (side == HK_SIDE_JPN && ((manchurian >> sec) & 1u) && !w->manchuria_seized)
                continue;
            hk_side_forces *sf = &w->sector_forces[sec][side];
            sf->men += fs->men;
            sf->tanks += fs->tanks;
            sf->guns += fs->guns;
            sf->aircraft += fs->aircraft;
        }
    }
}

/* ---- the record's order of battle as simulate's baseline ------------------- */

/* The record's strengths in date order are the scenario's (compiled.c):
 * a run starts each formation's cursor at the first and takes the pools'
 * first recorded months. */
static void baseline_build(hk_world *w)
{
    memset(w->rec_at, 0, sizeof w->rec_at);
    for (int p = 0; p < 3; p++)
        w->mv.pool_first[p] = w->c->rec_first[p];
    /* the Soviet pool's record begins with the first figure for the Soviet
     * army itself (the actor of its largest formation), not with an ally's
     * army recorded earlier (the Mongolian army from 1924): until then the
     * 1920s garrison holds the Soviet formations */
    int lead = -1;
    double most = 0;
    for (int f = 0; f < w->s->n_formations; f++)
        if (w->c->form_pool[f] == 2 && w->c->weight[f] > most) {
            most = w->c->weight[f];
            lead = w->s->formations[f].actor;
        }
    if (lead >= 0) {
        hk_month first = HK_MONTH_NONE;
        for (int f = 0; f < w->s->n_formations; f++)
            if (w->c->form_pool[f] == 2 && w->s->formations[f].actor == lead && w->c->n_rec[f] > 0 &&
                (first == HK_MONTH_NONE || w->c->rec_month[f][0] < first))
                first = w->c->rec_month[f][0];
        w->mv.pool_first[2] = first;
    }
}

/* The 1920s garrison (soviet.floor) stands in the Soviet formations the
 * record has no figure for yet, by their shares; a formation the record
 * already gives (the Mongolian army) keeps its own figure beside it. Only
 * while the Soviet pool has no record and some formation of it has one. */
static void floor_shares(hk_world *w, hk_month m, double floor)
{
    double rec = 0, wsum = 0;
    uint64_t unrecorded = 0; /* the Soviet pool's formations there without a record yet, in order */
    for (uint64_t todo = w->c->pool_formations[2] & w->hosted; todo; todo &= todo - 1) {
        int f = __builtin_ctzll(todo);
        if (w->c->n_rec[f] > 0 && m >= w->c->rec_month[f][0]) {
            rec += w->mv.base_men[f];
        } else {
            wsum += w->c->weight[f];
            unrecorded |= (uint64_t)1 << f;
        }
    }
    if (!(rec > 0) || !(wsum > 0))
        return;
    for (; unrecorded; unrecorded &= unrecorded - 1) {
        int f = __builtin_ctzll(unrecorded);
        w->mv.base_men[f] = floor * w->c->weight[f] / wsum;
    }
    w->mv.base_sum[2] = rec + floor;
    w->mv.coef_stale |= 1u << 2; /* only the Soviet pool's shares moved */
}

/* A formation's baseline strength in month m: its last record (as replay
 * has it); nothing before the first. Months only move forward, so the
 * cursor only advances. */
static double baseline_formation(hk_world *w, int f, hk_month m)
{
    int n = w->c->n_rec[f];
    if (n == 0 || m < w->c->rec_month[f][0])
        return 0.0;
    int at = w->rec_at[f];
    while (at + 1 < n && w->c->rec_month[f][at + 1] <= m)
        at++;
    w->rec_at[f] = (uint8_t)at;
    /* simulate: the mainland army's disbanding at the surrender (a record
     * of 0 men) comes with this run's surrender, not the record's date */
    if (w->mode == HK_MODE_SIMULATE && w->c->form_pool[f] == 0 && w->c->rec_men[f][at] <= 0 && !w->japan_surrendered) {
        int k = at;
        while (k > 0 && w->c->rec_men[f][k] <= 0)
            k--;
        return w->c->rec_men[f][k];
    }
    return w->c->rec_men[f][at];
}

static bool pool_recorded(const hk_world *w, int pool, hk_month m)
{
    return w->mv.pool_first[pool] != HK_MONTH_NONE && w->mv.pool_first[pool] <= m;
}

/* What is left after d months of the share of the garrison the state had
 * not yet recovered, (1 - soviet.recovery)^d = e^(d ln(1 - soviet.recovery)):
 * the same for every run of a parameter set, so each month's value is kept
 * once worked out (per thread, for the ln it was worked out with; the same
 * exp() result). */
#define RECOVERY_MONTHS 512
static double unrecovered(double recovery_log, int d)
{
    static _Thread_local double tab[RECOVERY_MONTHS], tab_log[RECOVERY_MONTHS];
    static _Thread_local bool tab_set[RECOVERY_MONTHS];
    if (d < 0 || d >= RECOVERY_MONTHS)
        return exp((double)d * recovery_log);
    if (!tab_set[d] || memcmp(&recovery_log, &tab_log[d], sizeof recovery_log) != 0) {
        tab[d] = exp((double)d * recovery_log);
        tab_log[d] = recovery_log;
        tab_set[d] = true;
    }
    return tab[d];
}

/* The record's pools in month m (a formation on an ally's soil counts while
 * its treaty binds). A Soviet pool the record is silent on (before its
 * first figure) holds soviet.floor, in both modes. */
static void baseline_pools(hk_world *w, hk_month m)
{
    /* the sum changes only when a record falls due, the formations there
     * change or (simulate) the mainland army's disbanding comes */
    if (w->mv.base_hosted != w->hosted || w->mv.base_surrendered != w->japan_surrendered || m < w->mv.base_from ||
        m >= w->mv.base_until) {
        /* a record fell due, and nothing else changed: only the formations
         * whose record did are looked up again, the others keep theirs */
        bool due_only = w->mv.base_hosted == w->hosted && w->mv.base_surrendered == w->japan_surrendered &&
                        m >= w->mv.base_from;
        double sum[3] = {0, 0, 0};
        hk_month until = INT32_MAX;
        for (int f = 0; f < w->s->n_formations; f++) {
            int p = w->c->form_pool[f];
            if (due_only && m < w->mv.base_next[f]) {
                w->mv.base_men[f] = w->mv.base_rec[f];
                if (w->mv.base_next[f] < until)
                    until = w->mv.base_next[f];
                if (p >= 0 && p <= 2 && formation_hosted(w, f))
                    sum[p] += w->mv.base_men[f];
                continue;
            }
            /* the formation's next record after m, from its cursor (the
             * records are in date order, one a month) */
            int n = w->c->n_rec[f];
            hk_month next = INT32_MAX;
            if (n > 0) {
                int at = w->rec_at[f];
                while (at + 1 < n && w->c->rec_month[f][at + 1] <= m)
                    at++;
                w->rec_at[f] = (uint8_t)at;
                next = w->c->rec_month[f][at] > m ? w->c->rec_month[f][at]
                       : at + 1 < n                ? w->c->rec_month[f][at + 1]
                                                   : INT32_MAX;
                if (next < until)
                    until = next;
            }
            w->mv.base_next[f] = next;
            w->mv.base_men[f] = w->mv.base_rec[f] = 0;
            if (p < 0 || p > 2 || !formation_hosted(w, f))
                continue;
            w->mv.base_men[f] = w->mv.base_rec[f] = baseline_formation(w, f, m);
            sum[p] += w->mv.base_men[f];
        }
        memcpy(w->mv.base_sum, sum, sizeof sum);
        w->mv.coef_ok = false;
        w->mv.base_hosted = w->hosted;
        w->mv.base_surrendered = w->japan_surrendered;
        w->mv.base_from = m;
        w->mv.base_until = until;
    }
    double pool[3] = {w->mv.base_sum[0], w->mv.base_sum[1], w->mv.base_sum[2]};
    if (!pool_recorded(w, 2, m)) {
        /* the 1920s garrison, built up as the state recovers its hold on
         * the east after the Civil War (soviet.start_capacity recovering at
         * soviet.recovery a month) */
        double cap = 1.0 - (1.0 - P(w, SOVIET_START_CAPACITY)) * unrecovered(w->mv.recovery_log, m - w->start);
        pool[2] = P(w, SOVIET_FLOOR) * cap;
        floor_shares(w, m, pool[2]);
        if (w->mv.base_sum[2] > pool[2])
            pool[2] = w->mv.base_sum[2]; /* the garrison and the allied army the record gives */
    }
    for (int p = 0; p < 3; p++) {
        w->base_last[p] = w->base_pool[p];
        w->base_pool[p] = pool[p];
    }
}

/* The month the record's outside event with this effect came (the
 * scenario's date, not a what-if's), or HK_MONTH_NONE. */
static hk_month record_month(const hk_world *w, hk_effect e) { return w->c->record_effect[e]; }

static bool record_has_at(const hk_world *w, hk_effect e, hk_month m)
{
    hk_month r = record_month(w, e);
    return r != HK_MONTH_NONE && m >= r;
}

static bool record_has(const hk_world *w, hk_effect e) { return record_has_at(w, e, w->month); }

/* The record's pool p in month m, without moving the cursors (for months
 * before the current one). The same few months are asked for every month
 * (the first record, the month before the German attack, before the
 * Pacific war, before Germany's defeat): kept while the same formations are
 * there, since the sum is over those present. */
static double baseline_sum(const hk_world *w, int pool, hk_month m);

static double baseline_at(hk_world *w, int pool, hk_month m)
{
    for (int i = 0; i < w->n_base_memo; i++)
        if (w->base_memo[i].month == m && w->base_memo[i].pool == pool && w->base_memo[i].hosted == w->hosted)
            return w->base_memo[i].men;
    double men = baseline_sum(w, pool, m);
    int i = w->n_base_memo < 4 ? w->n_base_memo++ : (w->base_memo_next++ & 3);
    w->base_memo[i].month = m;
    w->base_memo[i].pool = pool;
    w->base_memo[i].hosted = w->hosted;
    w->base_memo[i].men = men;
    return men;
}

static double baseline_sum(const hk_world *w, int pool, hk_month m)
{
    double sum = 0;
    for (int f = 0; f < w->s->n_formations; f++) {
        if (w->c->form_pool[f] != pool || !formation_hosted(w, f))
            continue;
        int n = w->c->n_rec[f];
        if (n == 0 || m < w->c->rec_month[f][0])
            continue;
        int at = 0;
        while (at + 1 < n && w->c->rec_month[f][at + 1] <= m)
            at++;
        sum += w->c->rec_men[f][at];
    }
    return sum;
}

/* True while the record has the JPN-SOV neutrality pact binding. */
static bool record_pact(const hk_world *w)
{
    int t = w->c->roles.jpn_sov_neutrality;
    if (t < 0)
        return false;
    const hk_treaty *x = &w->s->treaties[t];
    if (!hk_date_is_set(x->signed_on) || w->month < hk_date_month(x->signed_on))
        return false;
    /* the record's end: the surrender, when the Soviet entry broke it */
    hk_month end = record_month(w, HK_EFFECT_ATOMIC);
    return end == HK_MONTH_NONE || w->month < end;
}

/* Each side's army answers the other's departure from the record: the ratio
 * of the other side's men to its baseline, to the power forces.response. */
static double response(hk_world *w, int other)
{
    double b = w->base_last[other] > 0 ? w->base_last[other] : w->base_pool[other];
    double men = other == 0 ? w->jpn_men : w->sov_men;
    if (b < 1000 || men < 1000)
        return 1.0;
    /* kept while the ratio stands still: while the other side's army and
     * its baseline do (as between a budget vote and the next once the pools
     * settle), and while it stays at one of its bounds */
    int k = other == 0 ? 0 : 1;
    double x = hk_clamp(men / b, 0.25, 4.0);
    if (w->mv.resp_x[k] == x)
        return w->mv.resp[k];
    w->mv.resp_x[k] = x;
    w->mv.resp[k] = exp(P(w, FORCES_RESPONSE) * log(x)); /* pow's value, at less cost */
    return w->mv.resp[k];
}

/* How many men the USSR wants east of Baikal this month. */
static double soviet_target(hk_world *w)
{
    const hk_scenario *s = w->s;
    double base = w->base_pool[2];
    if (!pool_recorded(w, 2, w->month))
        return base; /* the 1920s garrison: soviet.floor */
    /* the build-up the record shows, at the record's ratio to Japan's army:
     * soviet.threat_ratio against the scenario's value scales it */
    double ref = s->params[HK_P_SOVIET_THREAT_RATIO].value;
    double target = base * (ref > 0 ? P(w, SOVIET_THREAT_RATIO) / ref : 1.0) * response(w, 0) * w->mv.budget_exp[1];
    /* the war in the west kept soviet.west_share of the army from the east:
     * the record has it from the German attack on */
    double keep = 1.0 - P(w, SOVIET_WEST_SHARE);
    bool west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    bool west_rec = record_has(w, HK_EFFECT_GER_SOV_WAR) && !record_has(w, HK_EFFECT_GERMANY_DEFEATED);
    target *= (west ? keep : 1.0) / (west_rec ? keep : 1.0);
    /* the transfer east after Germany's defeat is the model's, not the
     * record's: from the record's month of the defeat on (or this run's, if
     * earlier) the plan stays as it stood before it, and the offensive force
     * is added once the motive is well on its way (0.6 of what entry
     * needs) */
    hk_month rd = record_month(w, HK_EFFECT_GERMANY_DEFEATED);
    hk_month fd = hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ? w->flag_since[HK_EFFECT_GERMANY_DEFEATED] : HK_MONTH_NONE;
    hk_month freeze = rd;
    if (fd != HK_MONTH_NONE && (freeze == HK_MONTH_NONE || fd < freeze))
        freeze = fd;
    if (freeze != HK_MONTH_NONE && w->month >= freeze) {
        double before = baseline_at(w, 2, freeze - 1) * (ref > 0 ? P(w, SOVIET_THREAT_RATIO) / ref : 1.0) *
                        response(w, 0) * w->mv.budget_exp[1];
        bool west_then = record_has_at(w, HK_EFFECT_GER_SOV_WAR, freeze - 1) &&
                         !record_has_at(w, HK_EFFECT_GERMANY_DEFEATED, freeze - 1);
        target = before * (west ? keep : 1.0) / (west_then ? keep : 1.0);
    }
    if (hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) && (hk_assess_entry_motive(w) >= P(w, SOVIET_PREPARE_MOTIVE) || w->war)) {
        double offensive = hk_assess_offensive_force(w);
        if (offensive > target)
            target = offensive;
    }
    if (target < P(w, SOVIET_FLOOR))
        target = P(w, SOVIET_FLOOR);
    return target;
}

/* A war Japan has opened in the east: the Far East mobilises. It raises men
 * of its own (its reservists, new formations: soviet.war_mobilize a month
 * over its peacetime build-up) toward the force an offensive to win back
 * its ground needs (hk_assess_offensive_force); the railway from the west
 * brings more (soviet.transfer_share of its capacity) only while no war with
 * Germany binds the USSR. While Germany's offensive holds Stavka
 * (hk_assess_west_crisis) the reserve behind the eastern fronts, the men the
 * fronts do not take to hold (campaign.c), is Stavka's and goes west at
 * soviet.west_draw of the army a month, as the Far East's divisions went to
 * Moscow in October-December 1941 (rzd_transfers_1941): Stavka's choice
 * between the capital and a counter-stroke in the east. */
static void soviet_at_war(hk_world *w, double target)
{
    bool west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    double want = hk_fmax(target, hk_assess_offensive_force(w));
    double up = P(w, SOVIET_BUILDUP) + P(w, SOVIET_WAR_MOBILIZE);
    if (!west)
        up += P(w, SOVIET_TRANSFER_SHARE) * w->c->rail_capacity;
    if (want > w->sov_men)
        w->sov_men += hk_fmin(up, want - w->sov_men);
    w->sov_drawn = 0.0;
    /* (a player's USSR keeps its reserve where its orders put it) */
    if (!hk_assess_west_crisis(w) || w->player == w->s->sov)
        return;
    double sent = hk_fmin(P(w, SOVIET_WEST_DRAW) * w->sov_men, hk_campaign_reserve(w, HK_SIDE_SOV));
    /* and, as in peace before Tokyo has committed to the south (draw_west),
     * never below the ratio Moscow sought against a Japan that might strike
     * (soviet.threat_ratio) to the army Japan holds across the border: a
     * Japan that has struck is no smaller a threat, and the west's claim on
     * the east is the same claim in war, not added to (a strike north sends
     * fewer men west by 1941-12 than the same seed's peace) */
    sent = hk_fmin(sent, w->sov_men - w->jpn_men * P(w, SOVIET_THREAT_RATIO));
    if (!(sent > 0))
        return;
    w->sov_men -= sent;
    w->sov_sent_war += sent;
    w->sov_west_sent += sent;
}

/* Stavka's reserve for the west while Germany's offensive goes on: the
 * interior's new and rebuilt formations, war.west_reserve_rate a month from
 * the attack (rotundo1985), and the men the Far East has sent west
 * (sov_west_sent). Once it holds war.west_counter_men, the reserve with
 * which the counter-offensive before Moscow opened on 5 December 1941
 * (rzd_transfers_1941), and Germany's offensive has spent itself
 * (war.west_offensive_months from the attack), Stavka turns to the
 * counter-offensive and the German offensive no longer holds it (hk_assess_west_crisis reads
 * west_turned_on; the reserve is hk_assess_west_reserve). A Far East that
 * sends no one west (a Japanese attack keeps its reserve there) delays it. Told where it bears on a war in the
 * east: once Japan has decided on one or fought one. */
static void west_front(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (!hk_flag(w, HK_EFFECT_GER_SOV_WAR) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ||
        w->west_turned_on != HK_MONTH_NONE)
        return;
    /* the German offensive keeps its momentum for
     * war.west_offensive_months after the attack (the months completed
     * since its month): Stavka held its reserve armies back while the
     * Germans still attacked, ready as they were by 17 November 1941
     * (rotundo1985), and struck on 5 December, once the last German
     * effort before Moscow had been held (britannica_barbarossa). A large
     * reserve does not bring the turn before that; a short one delays it
     * past it */
    if (w->month - w->flag_since[HK_EFFECT_GER_SOV_WAR] < P(w, WAR_WEST_OFFENSIVE_MONTHS))
        return;
    double reserve = hk_assess_west_reserve(w);
    if (reserve < P(w, WAR_WEST_COUNTER_MEN))
        return;
    w->west_turned_on = w->month;
    if (hk_world_logging(w)) {
        int months = w->month - w->flag_since[HK_EFFECT_GER_SOV_WAR];
        if (w->wars_begun == 0 && !w->war_mobilising)
            /* at peace with Japan: the end of the draws on the Far East
             * (draw_west), told with what it gave */
            snprintf(w->scratch, sizeof w->scratch,
                     "With %.0f men gathered in its reserve, %.0f of them from the Far East (%.1f divisions of "
                     "12,000), Stavka turns to the counter-offensive in the west %d months after the German attack; "
                     "the Far East, left with %.0f men against a Japanese army of %.0f in Manchuria and Korea (the "
                     "border groupings and the reserves behind them), sends no more.",
                     reserve, w->sov_west_sent, w->sov_west_sent / 12000.0, months, w->sov_men, w->jpn_men);
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "With %.0f men gathered in its reserve, %.0f of them from the Far East, Stavka turns to the "
                     "counter-offensive in the west %d months after the German attack: Germany's offensive no longer "
                     "holds it, and the reserve behind the eastern fronts is again the Far East's.",
                     reserve, w->sov_west_sent, months);
    }
    hk_world_emit2(w, "forces", "soviet_counteroffensive", s->sov, -1, w->scratch,
                   "model: war-campaign (docs/model.md#war-campaign); rotundo1985; rzd_transfers_1941");
}

/* The Far East stripped for the west, told the first month men leave it
 * with the USSR at war with Germany and at peace with Japan (the record's
 * transfers ran from late June to December 1941: 12 rifle, 5 tank and 1
 * motorised divisions, about 123,000 men; rzd_transfers_1941). What holds
 * the rest in the east is told beside it: the Japanese army across the
 * border, set against the Far East's, and whether Tokyo has committed to
 * the south. Told once: the first draw sets sov_west_sent above zero. */
static void tell_transfer_west(hk_world *w, double before)
{
    const hk_scenario *s = w->s;
    if (!hk_world_logging(w) || !(w->sov_men > 1000))
        return;
    snprintf(w->scratch, sizeof w->scratch,
             "With Germany's armies in the Soviet Union, Stavka begins to take divisions from the Far East for the "
             "west: %.0f men go this month along the Trans-Siberian, and the Far East is left with %.0f. What keeps "
             "the rest in the east is the army Japan holds across the border, %.0f men in Manchuria and Korea "
             "(%.2f Japanese to one Soviet), and what Moscow reads of Tokyo's choice: %s",
             before - w->sov_men, w->sov_men, w->jpn_men, w->jpn_men / w->sov_men,
             w->committed_south ? "Japan is committed to the south, so the east can spare more."
                                : "no commitment south yet, so the east keeps most of its army.");
    hk_world_emit2(w, "forces", "transfer_west", s->sov, s->jpn, w->scratch,
                   SRC_MODEL("transfer-west") "; rzd_transfers_1941");
}

/* The Far East's divisions taken west in peace with Japan, while Germany's
 * offensive holds Stavka (hk_assess_west_crisis: until the reserve for the
 * counter-offensive is gathered, west_front). Each month Stavka takes
 * soviet.west_rate of the Far East's army, but never what the east must keep
 * against the army Japan holds across the border: soviet.east_hold Soviet
 * men to one Japanese once Tokyo has committed to the south, and the ratio
 * Moscow sought against a Japan that might strike (soviet.threat_ratio)
 * while it has not. The Far East rebuilds toward its own target at its
 * build-up rate (simulate_soviet's approach), so what leaves is counted
 * gross, as the record counts it: 12 rifle, 5 tank and 1 motorised
 * divisions, about 123,000 men, from 22 June to 5 December 1941, while new
 * ones were raised in their place (rzd_transfers_1941). The men that left
 * are sov_west_sent, which the outcome soviet_divisions_west_1941 reads. */
static void draw_west(hk_world *w)
{
    if (!hk_assess_west_crisis(w) || w->player == w->s->sov)
        return;
    double need = w->jpn_men * (w->committed_south ? P(w, SOVIET_EAST_HOLD) : P(w, SOVIET_THREAT_RATIO));
    double sent = hk_fmin(P(w, SOVIET_WEST_RATE) * w->sov_men, w->sov_men - need);
    if (!(sent > 0))
        return;
    double before = w->sov_men;
    bool first = !(w->sov_west_sent > 0);
    w->sov_men -= sent;
    w->sov_west_sent += sent;
    if (first)
        tell_transfer_west(w, before);
}

static void simulate_soviet(hk_world *w)
{
    double target = soviet_target(w);
    if (w->war && w->war_opener == HK_SIDE_JPN && !w->soviet_entry) {
        soviet_at_war(w, target);
        return;
    }
    double cap = w->c->rail_capacity;
    bool freed = hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    bool at_war_west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !freed && !w->war;
    /* the build-up goes at the record's own pace plus what the economy adds
     * (soviet.buildup), within the railway's peacetime share; once Germany
     * is beaten the railway runs for the east */
    double slope = w->base_pool[2] - w->base_last[2];
    double up = hk_fmin(P(w, SOVIET_BUILDUP) + hk_fmax(0, slope), P(w, SOVIET_RAIL_SHARE) * cap + hk_fmax(0, slope));
    if (freed) /* the railway runs for the east, and the record's plan no longer leads */
        up = P(w, SOVIET_TRANSFER_SHARE) * cap;
    double down = P(w, FORCES_RELEASE) * w->sov_men + hk_fmax(0, -slope);
    w->sov_men = approach(w, w->sov_men, target, up, down);
    if (at_war_west)
        draw_west(w);
    /* what Tokyo reads of the Far East stripped for the west: the share of
     * its army the men who actually left make (politics' hope of a Soviet
     * collapse grows with it) */
    w->sov_drawn = at_war_west && w->sov_west_sent > 0 ? w->sov_west_sent / (w->sov_men + w->sov_west_sent) : 0.0;
}

/* Appends to the month's text at n the Soviet Far East's men and the
 * Japanese men to one Soviet (what a Japanese build-up is set against);
 * returns the text's new length. */
static int tell_far_east(hk_world *w, int n)
{
    if (n > 0 && (size_t)n < sizeof w->scratch && w->sov_men > 1000)
        n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                      ". The Soviet Far East holds %.0f men (%.2f Japanese to one Soviet)", w->sov_men,
                      w->jpn_men / w->sov_men);
    return n;
}

/* The special manoeuvres (Kantokuen) told the month they begin: with the
 * USSR at war with Germany, the army's target stands above the army of the
 * month before that attack (pre_west), which only the attack lifts, and the
 * army grows faster than its peacetime pace (japan.buildup). Told once;
 * a history whose army does not grow gets no event. A war the cabinet has
 * decided on tells its own mobilisation (war.c). */
static void tell_special_manoeuvres(hk_world *w, double before, double pre_west, double target)
{
    const hk_scenario *s = w->s;
    if (w->manoeuvres_told || pre_west < 0 || !hk_flag(w, HK_EFFECT_GER_SOV_WAR) ||
        hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) || w->war || w->war_mobilising)
        return;
    if (!(target > pre_west) || !(w->jpn_men > pre_west) || !(w->jpn_men - before > P(w, JAPAN_BUILDUP)))
        return;
    w->manoeuvres_told = true;
    if (!hk_world_logging(w))
        return;
    /* the plan is the army the record's build-up reaches next month as
     * well (the men of the special manoeuvres came over two months); asked
     * only for the text, since the record's pools of a month not yet come
     * are summed afresh each time */
    double rec_next = baseline_at(w, 0, w->month + 1);
    double next = hk_fmin(rec_next * response(w, 2) * w->mv.budget_exp[0], hk_fmax(P(w, JAPAN_MAX_MEN), rec_next));
    double plan = hk_fmax(target, next);
    w->manoeuvres_plan = plan;
    int n = snprintf(w->scratch, sizeof w->scratch,
                     "Tokyo answers the German attack on the USSR: it will not join it at once, but readies the army "
                     "in Manchuria and Korea to strike north if the Soviet Far East is stripped for the west. Under "
                     "cover of special manoeuvres (Kantokuen) that army, %.0f men, is to be raised to %.0f, the plan's "
                     "target; %.0f come this month, and it holds %.0f",
                     before, plan, w->jpn_men - before, w->jpn_men);
    n = tell_far_east(w, n);
    if (n > 0 && (size_t)n < sizeof w->scratch)
        snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                 ". Both roads stay open (doctrine %+.2f; %s).", w->doctrine,
                 w->committed_south ? "the advance south goes on beside it" : "no commitment south yet");
    hk_world_emit2(w, "forces", "special_manoeuvres", s->jpn, s->sov, w->scratch,
                   SRC_MODEL("kantokuen") "; glantz2003");
}

/* The last levy told the month it begins: once Germany is beaten the
 * Soviet Far East fills toward a war in the east, and the army in Manchuria
 * and Korea answers it beyond its war footing with the last men it has, the
 * reservists among the Japanese of military age in Manchuria (the call-up
 * ordered on 10 July 1945, about 250,000 men) and new divisions of poor
 * quality (glantz2003). Told once, the month the army grows faster than its
 * peacetime pace while Germany is beaten and Japan not yet at war with the
 * USSR; a history whose army does not grow gets no event. */
static void tell_last_levy(hk_world *w, double before, double target)
{
    const hk_scenario *s = w->s;
    if (w->levy_told || !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) || w->war || w->war_mobilising)
        return;
    if (!(target > before) || !(w->jpn_men - before > P(w, JAPAN_BUILDUP)))
        return;
    w->levy_told = true;
    if (!hk_world_logging(w))
        return;
    int n = snprintf(w->scratch, sizeof w->scratch,
                     "With Germany beaten, Soviet divisions come east along the Trans-Siberian; Tokyo fills the army "
                     "in Manchuria and Korea with the last men it has: the reservists among the Japanese of military "
                     "age in Manchuria are called up and new divisions raised from them, short of guns and training. "
                     "That army, %.0f men, is to reach %.0f; %.0f come this month",
                     before, target, w->jpn_men - before);
    n = tell_far_east(w, n);
    if (n > 0 && (size_t)n < sizeof w->scratch)
        snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, ".");
    hk_world_emit2(w, "forces", "last_levy", s->jpn, s->sov, w->scratch, SRC_MODEL("last-levy") "; glantz2003");
}

static void simulate_japan(hk_world *w)
{
    const hk_scenario *s = w->s;
    double base = w->base_pool[0];
    double garrison = w->base_pool[0];
    double before = w->jpn_men, pre_west = -1;
    double target;
    if (!w->manchuria_seized) {
        /* the garrison of the lease and Korea, as the record has it before
         * the seizure */
        hk_month first = w->mv.pool_first[0];
        garrison = first != HK_MONTH_NONE ? baseline_at(w, 0, first) : base;
        target = hk_fmin(base, garrison);
    } else {
        /* the record's Kwantung and Korea armies, answering the Soviet
         * army's departure from its own record */
        /* the year's budget moves the army off its plan, but once Japan
         * is at war with the United States and the record draws the army
         * in Manchuria below what it stood at when that war began, the men
         * and money a generous year finds go to the Pacific and the home
         * islands, not to Manchuria (the Imperial Headquarters' guidelines of
         * 20 January 1945 stripped it for the decisive battle at home,
         * 001:211): a lean year thins it further, a generous one does not
         * fill it */
        double bexp = w->mv.budget_exp[0];
        hk_month rp = record_month(w, HK_EFFECT_JPN_US_WAR);
        if (bexp > 1.0 && hk_flag(w, HK_EFFECT_JPN_US_WAR) && rp != HK_MONTH_NONE && w->month >= rp &&
            base < baseline_at(w, 0, rp - 1))
            bexp = 1.0;
        target = base * response(w, 2) * bexp;
        /* the special manoeuvres answered the German attack on the USSR:
         * without it the army stays as it stood before. Whether the attack
         * came, not whether the war it began still goes on: Germany's defeat
         * ends that war (its flag), and the army the record then refills to
         * answer the Soviet build-up of 1945 is not held back to its size of
         * 1941 (glantz2003; 001:211) */
        hk_month rg = record_month(w, HK_EFFECT_GER_SOV_WAR);
        pre_west = rg != HK_MONTH_NONE ? baseline_at(w, 0, rg - 1) : base;
        bool attacked = w->flag_since[HK_EFFECT_GER_SOV_WAR] != HK_MONTH_NONE;
        if (!attacked && rg != HK_MONTH_NONE && w->month >= rg && target > pre_west)
            target = pre_west;
        /* the divisions sent to the Pacific answered the war with the
         * United States: without it they stay (001:211) */
        if (!hk_flag(w, HK_EFFECT_JPN_US_WAR) && rp != HK_MONTH_NONE && w->month >= rp) {
            double pre = baseline_at(w, 0, rp - 1);
            if (!attacked && pre > pre_west)
                pre = pre_west;
            if (target < pre)
                target = pre;
        }
        /* the pact's quiet in the north let Japan keep fewer men there */
        int pact = w->c->roles.jpn_sov_neutrality;
        double q = P(w, JAPAN_PACT_QUIET);
        target *= (1.0 - q * hk_treaty_binds(w, pact)) / (1.0 - q * record_pact(w));
        /* no plan keeps more men in Manchuria and Korea than Japan can
         * keep there (japan.max_men, its war footing), unless the record's
         * own army stood above it: the answer to a larger Soviet army and a
         * generous year's budget stop at that ceiling, as the special
         * manoeuvres of 1941 did at about 700,000 (glantz2003). Once
         * Germany is beaten the refill of 1945 is the last levy, the
         * reservists among the Japanese in Manchuria called up in the
         * summer and new divisions of poor quality (glantz2003), beyond the
         * footing the army could be kept at: it is not held to it */
        if (!hk_flag(w, HK_EFFECT_GERMANY_DEFEATED))
            target = hk_fmin(target, hk_fmax(P(w, JAPAN_MAX_MEN), base));
        else {
            /* The last levy adds to the army Germany's defeat found, as it
             * stood after the transfers south, the year's budget and its
             * losses: it calls up the men there were (the reservists among
             * the Japanese of military age in Manchuria, about 250,000 in
             * the call-up of 10 July 1945, japan.levy_men; glantz2003), as
             * many as the record's refill from then on brings, not the
             * record's refilled army scaled again by the year's budget */
            if (!(w->levy_from_base > 0)) {
                w->levy_from_men = w->jpn_men;
                w->levy_from_base = hk_fmax(base, 1.0);
            }
            double refill = hk_fmin(hk_fmax(0, base - w->levy_from_base), P(w, JAPAN_LEVY_MEN));
            target = base > 0 ? w->levy_from_men + refill : base;
        }
    }
    if (w->player == s->jpn && w->orders_given)
        target *= 1.0 + hk_clamp(w->orders.reinforce, -0.5, 1.0);
    double slope = w->base_pool[0] - w->base_last[0];
    double up = P(w, JAPAN_BUILDUP) + hk_fmax(0, slope), down = P(w, FORCES_RELEASE) * w->jpn_men + hk_fmax(0, -slope);
    /* Preparing a war in the north: with the USSR at war in the west,
     * doctrine above the strike threshold and Japan not committed south,
     * the mainland army is reinforced toward the border ratio the cabinet
     * demands, at the mobilisation rate. */
    /* (the attack is weighed before it is answered: the Imperial
     * Conference met ten days after it, on 2 July 1941, and the
     * mobilisation was ordered on the 7th; glantz2003) */
    if (w->manchuria_seized && !w->committed_south && !w->war && w->doctrine > P(w, DOCTRINE_STRIKE_NORTH) &&
        hk_flag(w, HK_EFFECT_GER_SOV_WAR) && w->month > w->flag_since[HK_EFFECT_GER_SOV_WAR] &&
        !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) && w->player != s->jpn) {
        double jb = hk_world_border_men(w, HK_SIDE_JPN), sb = hk_world_border_men(w, HK_SIDE_SOV);
        double ratio = sb > 1000 && jb > 1000 ? jb / sb : w->jpn_men / hk_fmax(w->sov_men, 1000.0);
        double want = ratio > 0 ? w->jpn_men * hk_assess_north_need(w) / ratio : target;
        want = hk_fmin(want, hk_fmax(P(w, JAPAN_MAX_MEN), base));
        if (want > target) {
            target = want;
            up = hk_fmax(up, P(w, JAPAN_MOBILIZE));
        }
    }
    if (w->war_mobilising) { /* a war decided on: to the war footing (war.c) */
        target = hk_fmax(target, P(w, JAPAN_MAX_MEN));
        up = hk_fmax(up, P(w, JAPAN_MOBILIZE));
    }
    w->jpn_men = approach(w, w->jpn_men, target, up, down > 0 ? down : 0);
    if (w->manchuria_seized && w->player != s->jpn && !w->manoeuvres_told)
        tell_special_manoeuvres(w, before, pre_west, target);
    if (w->manchuria_seized && w->player != s->jpn && !w->levy_told)
        tell_last_levy(w, before, target);
    if (w->jpn_men > w->jpn_peak)
        w->jpn_peak = w->jpn_men;

    /* the Siberian expedition */
    double want = hk_politics_expedition_men(w);
    w->exp_men = approach(w, w->exp_men, want, P(w, INTERVENTION_MEN) / P(w, INTERVENTION_BUILD_MONTHS),
                          P(w, INTERVENTION_MEN) / P(w, INTERVENTION_LEAVE_MONTHS));
    /* the withdrawal announced, the expedition leaves over the months its
     * men take to ship out (announced 24 June 1922, the last troops gone
     * from Vladivostok on 25 October, 003:16); told when the last go */
    if (w->withdrawn && w->intervention && !w->expedition_home && !(w->exp_men > 0)) {
        w->expedition_home = true;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "The last troops of the Siberian expedition sail from Vladivostok, %d month%s after the "
                     "withdrawal was announced: no Japanese soldier is left on the Russian mainland.",
                     w->month - w->withdrawn_on, w->month - w->withdrawn_on == 1 ? "" : "s");
        hk_world_emit2(w, "fact", "expedition_home", s->jpn, s->sov, w->scratch, SRC_MODEL("politics-intervention"));
    }
}

void hk_movement_step(hk_world *w)
{
    find_hosted(w);
    /* the losses of last month's battles come off first */
    baseline_pools(w, w->month);
    if (w->mode == HK_MODE_SIMULATE) {
        /* the money and men each side actually finds for its army depart
         * from the plan: voted once a year and held until the next vote, a
         * slow random walk from one vote to the next with persistence
         * forces.budget_persist and a spread of forces.budget_sd */
        if (w->month >= w->mv.budget_next) {
            hk_rng r = hk_world_stream(w, HK_STREAM_MOVEMENT);
            double rho = P(w, FORCES_BUDGET_PERSIST), sd = P(w, FORCES_BUDGET_SD);
            double z[2];
            hk_rng_normal2(&r, &z[0], &z[1]); /* one pair of draws for both sides */
            for (int k = 0; k < 2; k++) {
                w->budget[k] = rho * w->budget[k] + sqrt(1.0 - rho * rho) * sd * z[k];
                w->mv.budget_exp[k] = exp(w->budget[k]);
            }
            w->mv.budget_next = w->month + HK_BUDGET_MONTHS;
        }
        w->jpn_men = hk_fmax(0, w->jpn_men - w->loss_men[HK_SIDE_JPN]);
        w->sov_men = hk_fmax(0, w->sov_men - w->loss_men[HK_SIDE_SOV]);
        simulate_soviet(w);
        west_front(w);
        simulate_japan(w);
        update_equipment(w);
        formations_from_pools(w);
    } else {
        hk_movement_apply_records(w, w->month);
        withdraw_unhosted(w);
        pools_from_formations(w);
        soviet_floor_replay(w);
    }
    memset(w->loss_men, 0, sizeof w->loss_men);
    memset(w->loss_tanks, 0, sizeof w->loss_tanks);
    memset(w->loss_guns, 0, sizeof w->loss_guns);
    memset(w->loss_aircraft, 0, sizeof w->loss_aircraft);
    hk_movement_sector_forces(w);
}

void hk_movement_start(hk_world *w)
{
    w->mv.recovery_log = log1p(-P(w, SOVIET_RECOVERY)); /* ln(1 - soviet.recovery), for each month's recovery */
    find_hosted(w);
    baseline_build(w);
    baseline_pools(w, w->start);
    w->base_last[0] = w->base_pool[0];
    w->base_last[1] = w->base_pool[1];
    w->base_last[2] = w->base_pool[2];
    hk_movement_apply_records(w, w->start);
    pools_from_formations(w);
    if (w->mode == HK_MODE_SIMULATE) {
        w->jpn_men = w->base_pool[0] > 0 ? w->base_pool[0] : P(w, JAPAN_GARRISON);
        w->sov_men = w->base_pool[2];
        w->exp_men = 0;
        formations_from_pools(w);
        hk_movement_formations(w); /* a run's first month: written at once */
    } else {
        soviet_floor_replay(w);
    }
    w->sov_peak = w->sov_men;
    w->sov_capacity = P(w, SOVIET_START_CAPACITY);
    hk_movement_sector_forces(w);
}
