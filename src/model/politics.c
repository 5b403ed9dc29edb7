/* politics.c — who holds influence in Tokyo and Moscow, what Japan's
 * doctrine is, and what the cabinets and the field armies decide.
 *
 * Influence moves with events (lost battles, purges, shocks abroad) and
 * relaxes toward each faction's baseline; structural events (a purge, a
 * lost battle) move the baseline too. Once Manchuria is held the Control
 * faction takes the Imperial Way's posts month by month, and the Imperial
 * Way's young officers rise once they have lost the Army. Doctrine is
 * derived every month from influence and the strategic situation.
 * Decisions are random processes whose rates come from the state: nothing
 * here looks at the calendar.
 * docs/model.md#politics gives the equations. */
#include "model/politics.h"

#include "model/assess.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/control.h"
#include "model/movement.h"
#include "model/system.h"
#include "world/actors.h"

/* ---- faction selectors ------------------------------------------------------- */

static bool is_north_hawk(const hk_world *w, int f)
{
    const hk_faction *fa = &w->s->factions[f];
    return fa->lean > 0.3 && fa->hawk >= 0.5;
}
static bool is_southern(const hk_world *w, int f) { return w->s->factions[f].lean < 0; }
static bool is_moderate(const hk_world *w, int f)
{
    return f == w->c->faction_foreign || f == w->c->faction_navy || w->s->factions[f].hawk < 0.35;
}
static bool is_northern(const hk_world *w, int f) { return w->s->factions[f].lean > 0.3; }

double hk_politics_shift(hk_world *w, int actor, hk_faction_pred from, hk_faction_pred to,
                         double share, bool structural)
{
    const hk_scenario *s = w->s;
    double moved = 0, to_sum = 0;
    for (int f = 0; f < s->n_factions; f++) {
        if (s->factions[f].actor != actor)
            continue;
        if (from(w, f) && !to(w, f)) {
            double d = w->influence[f] * share;
            w->influence[f] -= d;
            if (structural)
                w->baseline[f] -= w->baseline[f] * share;
            moved += d;
        } else if (to(w, f)) {
            to_sum += w->influence[f] + 1e-9;
        }
    }
    w->infl_gen++; /* written above, and below */
    if (to_sum <= 0)
        return 0;
    double base_moved = 0;
    if (structural) {
        /* baselines keep summing to one: recompute what left them */
        double sum = 0;
        for (int f = 0; f < s->n_factions; f++)
            if (s->factions[f].actor == actor)
                sum += w->baseline[f];
        base_moved = 1.0 - sum;
    }
    for (int f = 0; f < s->n_factions; f++) {
        if (s->factions[f].actor != actor || !to(w, f) || (from(w, f) && !to(w, f)))
            continue;
        double part = (w->influence[f] + 1e-9) / to_sum;
        w->influence[f] += moved * part;
        if (structural)
            w->baseline[f] += base_moved * part;
    }
    return moved;
}

void hk_politics_purge(hk_world *w, int faction)
{
    const hk_scenario *s = w->s;
    if (faction < 0 || faction >= s->n_factions)
        return;
    double share = P(w, POLITICS_PURGE_SHARE);
    int actor = s->factions[faction].actor;
    double removed = w->influence[faction] * share, removed_base = w->baseline[faction] * share;
    w->influence[faction] -= removed;
    w->baseline[faction] -= removed_base;
    /* the purged Imperial Way's posts go to its rival in the Army, the
     * Control faction, whose officers replaced them (000:24): the purge is
     * the Control faction's ascendancy; a purge of the Control faction after
     * a coup that succeeded hands its posts to the Imperial Way. Any other
     * purge is shared out. */
    int ko = w->c->faction_kodoha, to = w->c->faction_toseiha;
    int heir = faction == ko ? to : faction == to ? ko : -1;
    if (heir >= 0 && !w->purged[heir] && s->factions[heir].actor == actor) {
        w->influence[heir] += removed;
        w->baseline[heir] += removed_base;
    } else {
        double rest = 0;
        for (int f = 0; f < s->n_factions; f++)
            if (s->factions[f].actor == actor && f != faction)
                rest += w->influence[f] + 1e-9;
        for (int f = 0; f < s->n_factions; f++) {
            if (s->factions[f].actor != actor || f == faction)
                continue;
            double part = (w->influence[f] + 1e-9) / rest;
            w->influence[f] += removed * part;
            w->baseline[f] += removed_base * part;
        }
    }
    w->infl_gen++;
    w->purged[faction] = true;
    w->purged_on[faction] = w->month;
    if (actor == s->jpn)
        w->autonomy *= 1.0 - P(w, POLITICS_AUTONOMY_PURGE);
    w->frustration = 0;
}

/* ---- doctrine ---------------------------------------------------------------- */

/* Soviet over Japanese men facing each other on the border (1 when nobody
 * faces anybody yet). */
double hk_politics_border_ratio(const hk_world *w)
{
    double j = hk_world_border_men(w, HK_SIDE_JPN), v = hk_world_border_men(w, HK_SIDE_SOV);
    if (j < 1000 || v < 1000) {
        j = w->jpn_men + w->exp_men;
        v = w->sov_men;
    }
    if (j < 1000)
        j = 1000;
    if (v < 1000)
        v = 1000;
    return v / j;
}

/* Influence-weighted lean, where the hawks weigh more: the factions ready
 * to use force push policy harder than those that are not. */
static double pushed_lean(const hk_world *w, int actor)
{
    double num = 0, den = 0;
    for (uint32_t m = actor >= 0 && actor < HK_MAX_ACTORS ? w->c->actor_factions[actor] : 0; m; m &= m - 1) {
        int f = __builtin_ctz(m); /* the actor's factions in order (compiled.c) */
        double wt = w->influence[f] * w->c->faction_push[f]; /* 0.5 + hawk, worked out at load */
        num += wt * w->c->faction_lean[f];
        den += wt;
    }
    return den > 0 ? num / den : 0.0;
}

/* The southern window: the fall of France laid Europe's colonies open, and
 * the southern advance stays open while Germany holds the continent and
 * before the fleet the United States voted in answer (the Two-Ocean Navy
 * Act of July 1940) outgrows Japan's, doctrine.south_window months after
 * (feis1950, prange1981). Returns how far through the window Japan stands
 * (0 at the fall of France, 1 at its close), or -1 when it is shut: not yet
 * opened, past, or closed by Germany's defeat. */
static double south_window(const hk_world *w)
{
    if (!hk_flag(w, HK_EFFECT_FRANCE_FALLEN) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED))
        return -1.0;
    double span = P(w, DOCTRINE_SOUTH_WINDOW);
    double in = (double)(w->month - w->flag_since[HK_EFFECT_FRANCE_FALLEN]);
    if (span <= 0)
        return 0.0; /* no window set: open while Germany stands */
    if (in >= span)
        return -1.0;
    return in / span;
}

bool hk_politics_south_open(const hk_world *w) { return south_window(w) >= 0; }

/* The USSR at war in the west: the hope of a Soviet collapse, growing
 * with the share of the Far Eastern army actually sent west. */
static double west_hope_term(const hk_world *w)
{
    if (!hk_flag(w, HK_EFFECT_GER_SOV_WAR) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED))
        return 0.0;
    return (w->west_hope_lost ? 0.0 : P(w, DOCTRINE_WEST_WAR)) + P(w, DOCTRINE_OPPORTUNITY) * w->sov_drawn;
}

/* The doctrine the commitment south is weighed on: with the Neutrality
 * Pact binding, the hope of a Soviet collapse set aside. The pact brought
 * the Army and the Navy quiet in the north (001:175), and the Imperial
 * Conference of 2 July 1941 then decided the southern advance and the
 * preparations against the USSR together, the north a contingency should
 * the Soviet Far East be stripped (002:24, feis1950): the hope readied an
 * army in the north, it did not hold the southern advance back, nor turn a
 * commitment already made. With no pact the north is unsettled and the
 * hope weighs against the south as the rest of the doctrine does. */
double hk_politics_south_case(const hk_world *w)
{
    return w->doctrine - (hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality) ? w->doctrine_hope : 0.0);
}

/* ln of the border ratio; with `keep`, kept for the ratio it was worked out
 * at (the men facing each other often stand still from one month to the
 * next, and the same ratio gives the same log) */
static double border_log(const hk_world *w, hk_world *keep)
{
    double r = hk_politics_border_ratio(w);
    if (!keep)
        return log(r);
    if (!(keep->doctrine_ratio == r)) {
        keep->doctrine_ratio = r;
        keep->doctrine_ratio_log = log(r);
    }
    return keep->doctrine_ratio_log;
}

/* The General Staff's estimate of the Soviet Far East's arms against
 * Japan's army in Manchuria and Korea, drawn up once a year (the yearly
 * operations plan against the USSR, coox1985): the Soviet-over-Japanese
 * ratios of tanks and of aircraft on the border over the ratio of men, as
 * logs (how much better armed, man for man, the Red Army stood), a machine
 * counted from one up on each side so that an arm neither side has is even.
 * The men the doctrine reads every month; their arms it knows as of the
 * last estimate. */
void hk_politics_staff_estimate(hk_world *w)
{
    hk_movement_sector_arms(w); /* the sectors' weapons, given when read */
    double jm = 0, vm = 0, jt = 0, vt = 0, ja = 0, va = 0;
    for (int i = 0; i < w->s->n_sectors; i++) {
        const hk_side_forces *j = &w->sector_forces[i][HK_SIDE_JPN], *v = &w->sector_forces[i][HK_SIDE_SOV];
        jm += j->men;
        vm += v->men;
        jt += j->tanks;
        vt += v->tanks;
        ja += j->aircraft;
        va += v->aircraft;
    }
    w->staff_estimate_on = w->month;
    if (jm < 1000 || vm < 1000) {
        w->staff_tank_edge = w->staff_air_edge = w->staff_edge = 0; /* nobody faces anybody: no arms to weigh */
        w->staff_ratio[0] = w->staff_ratio[1] = w->staff_ratio[2] = 0;
        return;
    }
    double men = log(vm / jm);
    w->staff_ratio[0] = vm / jm;
    w->staff_ratio[1] = (vt + 1.0) / (jt + 1.0);
    w->staff_ratio[2] = (va + 1.0) / (ja + 1.0);
    w->staff_tank_edge = log(w->staff_ratio[1]) - men;
    w->staff_air_edge = log(w->staff_ratio[2]) - men;
    w->staff_edge = P(w, DOCTRINE_STAFF_ARMS) * 0.5 * (w->staff_tank_edge + w->staff_air_edge);
}

/* The General Staff's reckoning of the balance on the border as a log
 * Soviet-over-Japanese ratio: not men alone but the three tallies it set
 * side by side, divisions, tanks and aircraft (coox1985; the build-up as
 * the record counts it, 001:47). The tanks' and the aircraft's ratios are
 * the men's times the Red Army's edge in each per man (the year's
 * estimate); the two arms weigh doctrine.staff_arms between them and the
 * men the rest. */
static double staff_log(const hk_world *w, hk_world *keep)
{
    return border_log(w, keep) + w->staff_edge;
}

static double doctrine_target(const hk_world *w, hk_world *keep);

double hk_politics_doctrine_target(const hk_world *w) { return doctrine_target(w, NULL); }

/* Japan's pushed lean; with `keep`, kept while every faction's influence is
 * what it was (the lean is a function of those and of load-time weights) */
static double jpn_lean(const hk_world *w, hk_world *keep)
{
    if (!keep)
        return pushed_lean(w, w->s->jpn);
    if (!keep->lean_ok || keep->lean_gen != w->infl_gen) {
        keep->lean_gen = w->infl_gen;
        keep->lean = pushed_lean(w, w->s->jpn);
        keep->lean_ok = true;
    }
    return keep->lean;
}

static double doctrine_target(const hk_world *w, hk_world *keep)
{
    const hk_scenario *s = w->s;
    double d = jpn_lean(w, keep);
    if (hk_flag(w, HK_EFFECT_OIL_EMBARGO))
        d -= P(w, DOCTRINE_OIL_PULL);
    else if (hk_flag(w, HK_EFFECT_AXIS_ALLIANCE))
        /* allied to Germany, Japan has the Americans' restrictions on its
         * trade to reckon with: the threat of the embargo, before it comes,
         * makes the Indies' oil the way out (feis1950) */
        d -= P(w, DOCTRINE_THREAT_PULL);
    if (hk_flag(w, HK_EFFECT_FRANCE_FALLEN))
        d -= P(w, DOCTRINE_FRANCE_PULL);
    /* the Navy's case to strike south before the American fleet outgrows
     * Japan's, pressing harder as the window closes (000:35) */
    double through = south_window(w);
    if (through > 0)
        d -= P(w, DOCTRINE_WINDOW_PULL) * through;
    /* deterrence needs armies facing each other across a land border */
    if (w->manchuria_seized || (w->intervention && !w->withdrawn))
        d -= P(w, DOCTRINE_DETERRENCE) * hk_clamp(staff_log(w, keep), -1.5, 1.5);
    d += west_hope_term(w);
    if (hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality))
        d -= P(w, DOCTRINE_PACT_PULL);
    if (w->china_war)
        d -= P(w, DOCTRINE_CHINA_PULL);
    /* a lost major border battle broke the Army's faith in a war in the
     * north (002:11, 000:31) */
    d -= P(w, DOCTRINE_LESSON_PULL) * w->north_lesson;
    if (w->player == s->jpn && w->orders_given)
        d += hk_clamp(w->orders.doctrine_push, -1, 1) * 0.5;
    return hk_clamp(d, -1, 1);
}

/* ---- events that move influence ---------------------------------------------------- */

static void react_to_shocks(hk_world *w)
{
    const hk_scenario *s = w->s;
    int jpn = s->jpn;
    if (w->flag_since[HK_EFFECT_GER_SOV_PACT] == w->month)
        hk_politics_shift(w, jpn, is_northern, is_moderate, P(w, POLITICS_SHOCK_PACT), false);
    if (w->flag_since[HK_EFFECT_FRANCE_FALLEN] == w->month)
        hk_politics_shift(w, jpn, is_northern, is_southern, P(w, POLITICS_SHOCK_SOUTH), false);
    if (w->flag_since[HK_EFFECT_OIL_EMBARGO] == w->month)
        hk_politics_shift(w, jpn, is_northern, is_southern, P(w, POLITICS_SHOCK_SOUTH), false);
}

/* A battle lost last month discredits the losing side's hawks; on the
 * Japanese side the Navy and the moderates gain (000:31, 000:35). */
static void react_to_battle(hk_world *w)
{
    const hk_scenario *s = w->s;
    /* a major battle lost teaches the Army what the Red Army is worth: it
     * raises the force ratio the Army will demand before a war in the north
     * and turns doctrine from the north for good (000:31, 002:11, 002:24);
     * later victories in small wars do not unlearn it */
    if (w->lost_major[HK_SIDE_JPN])
        w->north_lesson = 1.0;
    w->lost_major[0] = w->lost_major[1] = false;
    /* after the surrender there is no Army left to argue about the north */
    if (w->lost_battle_side < 0 || w->japan_surrendered) {
        w->lost_battle_side = -1;
        w->lost_battle_weight = 0;
        return;
    }
    double share = P(w, POLITICS_BATTLE_DISCREDIT) * w->lost_battle_weight;
    if (w->lost_battle_side == HK_SIDE_JPN) {
        double moved = hk_politics_shift(w, s->jpn, is_north_hawk, is_southern, share, true);
        w->autonomy *= 1.0 - P(w, POLITICS_AUTONOMY_PURGE) * w->lost_battle_weight;
        if (hk_world_logging(w)) {
            char what[200];
            int fa = w->lost_battle_fact, sc = w->lost_battle_sector;
            if (fa >= 0 && fa < s->n_battles)
                snprintf(what, sizeof what, "The defeat in %s",
                         s->battles[fa].name ? s->battles[fa].name : s->battles[fa].id);
            else if (sc >= 0 && sc < s->n_sectors)
                snprintf(what, sizeof what, "The battle lost last month on the %s",
                         s->sectors[sc].name ? s->sectors[sc].name : s->sectors[sc].id);
            else
                snprintf(what, sizeof what, "The war lost against the USSR");
            snprintf(w->scratch, sizeof w->scratch,
                     "%s discredits the Army's northern hawks: %.2f of influence passes to the Navy and the "
                     "south-leaning factions; the Kwantung Army's autonomy falls to %.2f.",
                     what, moved, w->autonomy);
        }
        /* only battles that matter make the timeline; small ones still count */
        if (w->lost_battle_weight >= 0.2)
            hk_world_emit2(w, "doctrine", "battle_discredit", s->jpn, -1, w->scratch,
                           SRC_MODEL("politics-battle"));
    } else {
        /* a Soviet defeat emboldens Japan's hawks, at half the weight */
        hk_politics_shift(w, s->jpn, is_moderate, is_north_hawk, share * 0.5, true);
        hk_politics_shift(w, s->sov, is_north_hawk, is_southern, share, true);
    }
    w->lost_battle_side = -1;
    w->lost_battle_weight = 0;
    w->lost_battle_fact = w->lost_battle_sector = -1;
}

/* One pass; whether it may have changed any faction's influence or baseline
 * (false only when every value is left as it was, bit for bit) */
static bool relax_pass(hk_world *w, double drift)
{
    const hk_scenario *s = w->s;
    /* keep each actor's shares summing to one against rounding: the pass
     * that moves influence also sums every actor's factions (each in
     * faction order), one more divides; a faction of no actor keeps its
     * influence (the last slot of sum; compiled.c's faction_actor) */
    const int n = s->n_factions;
    const int8_t *actor = w->c->faction_actor;
    double *infl = w->influence, *base = w->baseline;
    double sum[HK_MAX_ACTORS + 1] = {0};
    uint64_t moved = 0; /* the bits any value changed by */
    for (int f = 0; f < n; f++) {
        double b = base[f];
        if (b < 0) { /* rare: only then is the baseline written */
            base[f] = b = 0;
            moved = 1;
        }
        double i = infl[f], x = i + drift * (b - i);
        x = x < 0 ? 0 : x;
        uint64_t bi, bx;
        memcpy(&bi, &i, sizeof bi);
        memcpy(&bx, &x, sizeof bx);
        moved |= bi ^ bx;
        infl[f] = x;
        sum[actor[f]] += x;
    }
    /* a sum of exactly one (nearly always: the drift is toward baselines
     * that sum to one) leaves the shares as they are, so the division is
     * only made when some actor's sum is off */
    bool off = false;
    for (uint32_t m = w->c->faction_actors; m; m &= m - 1) {
        int a = __builtin_ctz(m);
        off |= sum[a] > 0 && sum[a] != 1.0;
    }
    if (!off)
        return moved != 0;
    for (int f = 0; f < n; f++)
        if (actor[f] < HK_MAX_ACTORS && sum[actor[f]] > 0)
            infl[f] /= sum[actor[f]];
    return true;
}

/* The pass is a function of the influence, the baselines and the drift
 * alone: once a pass has left them as they were (the shares at their
 * baselines, or as near as the drift's rounding takes them), it is not made
 * again until one of them has changed. The pass says whether it may have
 * changed them; only a pass that changed nothing keeps them to compare. */
static void relax(hk_world *w)
{
    double drift = P(w, POLITICS_DRIFT);
    if (w->relax_still && memcmp(&drift, &w->relax_drift, sizeof drift) == 0 && w->relax_gen == w->infl_gen)
        return;
    w->relax_still = !relax_pass(w, drift);
    if (!w->relax_still)
        w->infl_gen++; /* the pass may have written them */
    w->relax_gen = w->infl_gen;
    w->relax_drift = drift;
}

/* ---- decisions --------------------------------------------------------------------- */

static const char *fact_source(const hk_world *w, int fact) { return w->s->facts[fact].source.text; }

double hk_politics_discipline(hk_world *w)
{
    /* The Imperial Way rose with the seizure of Manchuria and held the
     * Army's posts for some years; the Control faction, bent on discipline
     * in the Army, took them back and put its own officers in (000:19,
     * 000:24). The pace is the Control faction's weight in the Army. */
    int k = w->c->faction_kodoha, t = w->c->faction_toseiha;
    /* (nobody disciplines the Army once a coup has removed the Control faction) */
    if (k < 0 || t < 0 || w->purged[k] || w->purged[t] || !w->manchuria_seized || w->war)
        return 0.0;
    double share = P(w, POLITICS_DISCIPLINE) * hk_politics_china_first(w);
    double moved = w->influence[k] * share;
    w->influence[k] -= moved;
    w->influence[t] += moved;
    double base = w->baseline[k] * share;
    w->baseline[k] -= base;
    w->baseline[t] += base;
    w->infl_gen++;
    w->frustration += share;
    return moved;
}

bool hk_politics_coup_ready(const hk_world *w)
{
    int k = w->c->faction_kodoha, t = w->c->faction_toseiha;
    /* not once the Army is at war: its regiments, the young officers'
     * among them, are at the front (the 1st Division, whose officers led the
     * rising of February 1936, was sent to Manchuria; no rising came after
     * the war with China began in 1937) */
    return k >= 0 && t >= 0 && !w->purged[k] && !w->purged[t] && w->manchuria_seized && !w->war &&
           !w->china_war && w->influence[t] > w->influence[k] && hk_faction_formed(w, k);
}

/* The month the Control faction's order posting the Imperial Way's
 * division away is given: politics.coup_notice months before the division
 * leaves, politics.coup_posting months after the Control faction's lead
 * passed politics.coup_lead (coup_posted_on). */
static hk_month coup_ordered_on(const hk_world *w)
{
    int before = (int)P(w, POLITICS_COUP_POSTING) - (int)P(w, POLITICS_COUP_NOTICE);
    return w->coup_posted_on + (before > 0 ? before : 0);
}

/* The weight of the officers who would back a rising (the Imperial Way,
 * the Kwantung Army's field officers) against those who would put it down
 * (the Control faction, the Navy); a purged or absent faction weighs 0. */
static double coup_weight(const hk_world *w, int f) { return f >= 0 && !w->purged[f] ? w->influence[f] : 0.0; }

static void coup(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    /* The Imperial Way's young officers rise once their faction has lost the
     * Army to the Control faction (000:24): ready when the Control faction
     * holds more influence than theirs, the more likely the further it has
     * pulled ahead, and the less likely the further north doctrine already
     * stands (what they wanted is then being done). */
    int f = w->c->faction_kodoha;
    if (!hk_politics_coup_ready(w))
        return;
    double blocked = 1.0 - hk_clamp(w->doctrine, 0, 1);
    double lead = 1.0 - w->influence[f] / w->influence[w->c->faction_toseiha];
    /* the young officers rise once their faction has lost the Army's top
     * posts (the Control faction's lead past politics.coup_lead: Mazaki
     * removed in July 1935, the 1st Division ordered to Manchuria that
     * winter; 000:24), not while it still holds a share near its rival's */
    if (w->coup_posted_on == HK_MONTH_NONE && lead >= P(w, POLITICS_COUP_LEAD))
        w->coup_posted_on = w->month;
    if (w->coup_posted_on == HK_MONTH_NONE)
        return;
    /* The Control faction, once its lead has passed coup_lead (its last
     * rival at the top removed: Mazaki, July 1935), posts the young
     * officers' division away from the capital: the division leaves
     * politics.coup_posting months on, and the order to go is given
     * politics.coup_notice months before it leaves (the 1st Division,
     * ordered to Manchuria in December 1935 for the spring of 1936;
     * 000:24). The young officers rise once the order is out, while their
     * troops are still in the capital; before it, nothing forces their
     * hand. The posting stands once given, whatever the influence ratio
     * does next, so the rising's month follows the posting and not the
     * drift of the two factions' shares. */
    /* the rising is planned after the order, over politics.coup_plan
     * months (the order of December 1935, the rising of 26 February 1936) */
    if (w->month < coup_ordered_on(w) + (int)P(w, POLITICS_COUP_PLAN))
        return;
    /* the month before their division sails is the last in which they
     * have their own troops in the capital: they rise then unless what
     * they wanted is being done (blocked); after it, with the men left
     * behind, at the month's chance */
    double p = P(w, POLITICS_COUP_RATE) * blocked;
    if (w->month == w->coup_posted_on + (int)P(w, POLITICS_COUP_POSTING) - 1)
        p = blocked;
    if (!hk_lazy_bernoulli(r, p))
        return;
    int t = w->c->faction_toseiha;
    /* Whether the rising carries the Army is decided by who moves against
     * it, not by a chance: the 26 February rising held the centre of Tokyo
     * but the War Ministry and the Army command, the Control faction's,
     * turned on it, the Navy brought its fleet into Tokyo Bay, and the
     * throne ordered it put down; the rebels surrendered on 29 February and
     * their faction was purged (000:24, february_26_incident). It carries
     * the Army only where the officers who would back it (the Imperial Way
     * and the Kwantung Army's field officers, the Army's other hawks) weigh
     * more than the Control faction and the Navy, who would suppress it. */
    double against = coup_weight(w, t) + coup_weight(w, w->c->faction_navy);
    double backing = coup_weight(w, f) + coup_weight(w, w->c->faction_kwantung);
    bool success = backing > against;
    double before = w->influence[f], rival = w->influence[t], lost = 1.0 - exp(-w->frustration);
    /* the division they rise with, ordered away after their faction lost the Army */
    char posted[160] = "";
    hk_month ordered = coup_ordered_on(w), leaves = w->coup_posted_on + (int)P(w, POLITICS_COUP_POSTING);
    if (w->month < leaves)
        snprintf(posted, sizeof posted,
                 " while their division, ordered away from the capital in %d-%02d, waits to leave it in %d-%02d",
                 hk_month_year(ordered), hk_month_mon(ordered), hk_month_year(leaves), hk_month_mon(leaves));
    else
        snprintf(posted, sizeof posted, " with the men left in the capital after their division, ordered away in %d-%02d, has gone",
                 hk_month_year(ordered), hk_month_mon(ordered));
    if (success) {
        /* A coup that carries the Army is a change of regime, not a riot:
         * the rival faction's leaders are arrested or retired and the
         * victors take the War Ministry and the General Staff (the failed
         * rising's purge, the other way round), the cabinet and the moderates
         * around the throne lose ground to the northern hawks, and the field
         * armies keep the autonomy the rising rewarded. */
        double autonomy = w->autonomy;
        hk_politics_shift(w, s->jpn, is_moderate, is_north_hawk, 0.3, true);
        double mid = w->influence[f];
        hk_politics_purge(w, t);
        w->autonomy = autonomy;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "Officers of the %s, whose faction has lost %.0f%% of its posts to the %s (%.2f of influence "
                     "against %.2f) while doctrine stays at %+.2f, stage a coup%s and carry the Army with them: a "
                     "cabinet of their choosing takes office and the northern hawks rise to %.2f of influence.",
                     s->factions[f].name, lost * 100, s->factions[t].name, before, rival, w->doctrine, posted,
                     hk_assess_north_hawks(w));
        hk_world_emit2(w, "coup", s->factions[f].id, s->jpn, -1, w->scratch, SRC_MODEL("politics-coup"));
        if (hk_world_logging(w)) {
            /* what the new Army leadership does with the China policy it inherits */
            char china[260] = "";
            if (w->manchuria_seized && !w->china_war)
                snprintf(china, sizeof china,
                         " The schemes in north China the purged faction pressed are shelved, the friction with China "
                         "it built (%.0f) to be worked off at %.2f a month: the new leadership's war is to be with the "
                         "USSR.",
                         w->china_friction, hk_politics_north_first(w) - hk_politics_china_first(w));
            snprintf(w->scratch, sizeof w->scratch,
                     "After the coup the %s is purged: its leaders are arrested or retired and its posts go to the "
                     "%s, whose influence rises from %.2f to %.2f; the Army's discipline campaign is over.%s",
                     s->factions[t].name, s->factions[f].name, mid, w->influence[f], china);
        }
        hk_world_emit2(w, "purge", s->factions[t].id, s->jpn, -1, w->scratch, SRC_MODEL("politics-coup"));
        w->frustration = 0;
        return;
    }
    hk_politics_purge(w, f);
    if (hk_world_logging(w)) {
        snprintf(w->scratch, sizeof w->scratch,
                 "Officers of the %s, whose faction has lost %.0f%% of its posts to the %s (%.2f of influence "
                 "against %.2f, doctrine held at %+.2f), rise in a coup%s; the Army command and the Navy (%.2f of influence against the rising's %.2f) move "
                 "against it, the Army does not follow and the rising fails.",
                 s->factions[f].name, lost * 100, s->factions[t].name, before, rival, w->doctrine, posted,
                 against, backing);
    }
    hk_world_emit2(w, "coup", s->factions[f].id, s->jpn, -1, w->scratch, SRC_MODEL("politics-coup"));
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "After the failed coup the %s is purged: its leaders are retired or posted away, its influence "
                 "falls from %.2f to %.2f and the Kwantung Army's autonomy to %.2f.",
                 s->factions[f].name, before, w->influence[f], w->autonomy);
    hk_world_emit2(w, "purge", s->factions[f].id, s->jpn, -1, w->scratch, SRC_MODEL("politics-coup"));
}

/* Whether the scenario has an outside event with this effect: a scenario
 * without one leaves the decision it gates to the rest of the state. */
static bool hk_scenario_has_effect(const hk_world *w, hk_effect e)
{
    return (w->c->scenario_effects >> e) & 1u; /* worked out at load (compiled.c) */
}

/* Whether the Allies have asked for troops in Siberia, where the scenario
 * has such a request among its outside events: the cabinet sent the
 * expedition only once Wilson had asked for an Allied force to rescue the
 * Czechoslovak Legion (July 1918, 003:15); a scenario without one leaves
 * the decision to Soviet weakness alone. */
static bool expedition_invited(const hk_world *w)
{
    return hk_flag(w, HK_EFFECT_ALLIED_REQUEST) || !hk_scenario_has_effect(w, HK_EFFECT_ALLIED_REQUEST);
}

/* The expedition's outposts: partisans grow with Soviet strength in the
 * east, and the outpost off the railway, out of reach of the main body, is
 * the one they can take (Nikolayevsk, winter and spring of 1920, 003:16);
 * Japan answers by taking ground it can hold until Moscow settles
 * (northern Sakhalin, 1920-07, held to 1925, 003:16, 004:131). */
/* The lower Amur's ice season (intervention.ice_first to ice_last, over the
 * turn of the year): the outpost at the river's mouth is out of reach of
 * relief and ships, and partisans can surround it; the Japanese answer by
 * river and sea comes once the ice is gone. */
static bool amur_frozen(const hk_world *w)
{
    int m = hk_month_mon(w->month), first = (int)P(w, INTERVENTION_ICE_FIRST), last = (int)P(w, INTERVENTION_ICE_LAST);
    if (first <= 0 || last <= 0)
        return true; /* no season set: any month */
    return hk_mon_in_span(m, first, last);
}

static void partisans(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    bool frozen = amur_frozen(w);
    if (w->outpost_lost_on == HK_MONTH_NONE) {
        double level = 0.75 * P(w, SOVIET_FLOOR); /* Soviet power re-established (hk_assess_soviet_established) */
        int at = hk_control_outpost(w, true);
        /* (none once the expedition has drawn in: its outposts off the
         * railway are given up with the interior) */
        if (at < 0 || level <= 0 || hk_politics_expedition_drawn_in(w))
            return;
        /* the partisans strike once the White front the expedition backed
         * has collapsed (Kolchak's fall, January 1920: the outside event
         * with effect whites_fallen); a scenario without such an event
         * leaves it to Soviet strength coming back in the east */
        bool whites = hk_scenario_has_effect(w, HK_EFFECT_WHITES_FALLEN);
        if (whites && (!hk_flag(w, HK_EFFECT_WHITES_FALLEN) || w->month <= w->flag_since[HK_EFFECT_WHITES_FALLEN]))
            return; /* (and not in the month of the fall: the bands need it to gather) */
        double grown = whites ? 1.0 : hk_clamp(w->sov_men / level, 0, 1);
        /* only an outpost the ice has cut off can be surrounded and taken
         * (Nikolayevsk: surrounded in January 1920, its garrison destroyed
         * in March, far from any relief, the prisoners killed in May before
         * the relief came up the river in June) */
        if (!frozen)
            return;
        if (whites) {
            /* Freed by the White collapse, the partisans lay siege to the
             * outpost the month after it, while the ice cuts it off; no
             * relief can reach it before the river opens, and it falls
             * intervention.siege_months later (the bands before Nikolayevsk
             * from January 1920, the town entered at the end of February,
             * the garrison destroyed on 12-15 March; nikolayevsk_incident).
             * A siege laid in a month the ice has left waits for the next
             * winter's (none comes: the expedition draws in first). */
            hk_month laid = w->flag_since[HK_EFFECT_WHITES_FALLEN] + 1;
            if (w->month < laid + (int)P(w, INTERVENTION_SIEGE_MONTHS))
                return;
        } else if (!hk_lazy_bernoulli(r, P(w, INTERVENTION_PARTISANS) * grown * grown * grown * grown)) {
            return;
        }
        w->outpost_lost_on = w->month;
        if (hk_world_logging(w)) {
            char fell[16], laid[16];
            hk_month_format(w->flag_since[HK_EFFECT_WHITES_FALLEN], fell);
            hk_month_format(w->flag_since[HK_EFFECT_WHITES_FALLEN] + 1, laid);
            if (whites)
                snprintf(w->scratch, sizeof w->scratch,
                         "With the White front in Siberia gone since %s and the ice cutting %s off from relief, "
                         "the partisans who have besieged that outpost of the expedition since %s, off the railway "
                         "and out of reach of its main body, take it and destroy its Japanese garrison and settlers.",
                         fell, s->regions[at].name, laid);
            else
                snprintf(w->scratch, sizeof w->scratch,
                         "With Soviet strength in the east back to %.0f men, partisans close on %s, an outpost of the "
                         "expedition off the railway and out of reach of its main body, take it and destroy its "
                         "Japanese garrison and settlers.",
                         w->sov_men, s->regions[at].name);
        }
        hk_world_emit2(w, "fact", "outpost_destroyed", s->sov, s->jpn, w->scratch,
                       SRC_MODEL("politics-intervention"));
        return;
    }
    /* the reprisal goes by sea, once the ice is gone and the relief has
     * come up the river to the ruins: the month after the first without
     * ice (the relief reached Nikolayevsk in June 1920, northern Sakhalin
     * was occupied in July; nikolayevsk_incident, 003:16) */
    int prev = hk_month_mon(w->month - 1), first = (int)P(w, INTERVENTION_ICE_FIRST),
        last = (int)P(w, INTERVENTION_ICE_LAST);
    bool relieved = first > 0 && last > 0 ? !hk_mon_in_span(prev, first, last) : true;
    if (w->reprisal_on != HK_MONTH_NONE || w->month <= w->outpost_lost_on || frozen || !relieved)
        return;
    int to = hk_control_reprisal_ground(w);
    if (to < 0 || hk_treaty_binds(w, w->c->roles.jpn_sov_normalization))
        return;
    w->reprisal_on = w->month;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "In reprisal for the massacre at %s Japan occupies %s, to hold it until Moscow settles for "
                 "the outrage.",
                 s->regions[hk_control_outpost(w, false) >= 0 ? hk_control_outpost(w, false) : to].name,
                 s->regions[to].name);
    hk_world_emit2(w, "fact", "reprisal_occupation", s->jpn, s->sov, w->scratch, SRC_MODEL("politics-intervention"));
}

/* The expedition cut back while Soviet power in the east is still broken:
 * the Army sent far more men than the cabinet had promised the Allies
 * (12,000 promised, 70,000 within months; 003:15, 003:16), and every month
 * those men stay the cabinet must answer for them to the Allies, who object
 * to the disproportion (Lansing, 16 November 1918: frus1918russia2_d567),
 * and to a Diet that pays for them (over 900 million yen in all, 003:21).
 * Each month the case for cutting grows by the men beyond the promise as a
 * share of intervention.men, times the share of the Army the northern hawks
 * do not hold, times the month's course (0.5 to 1.5); once it reaches
 * intervention.cut_price the cabinet cuts the expedition back to
 * intervention.cut_men (reduced from 70,000 to a nominal 30,000 by the
 * spring of 1919: frus_pcc1919_council_of_four). An expedition already
 * drawn in to the railway is below that figure and has nothing to cut. */
static void cut_back(hk_world *w, hk_lazy_stream *r)
{
    if (w->expedition_cut_on != HK_MONTH_NONE || hk_politics_expedition_drawn_in(w))
        return;
    double excess = (w->exp_men - P(w, INTERVENTION_ASKED)) / P(w, INTERVENTION_MEN);
    if (!(excess > 0) || P(w, INTERVENTION_CUT_MEN) >= P(w, INTERVENTION_MEN))
        return;
    double against = hk_clamp(1.0 - hk_assess_north_hawks(w) / 0.5, 0.05, 1);
    w->cut_case += against * excess * (0.5 + hk_rng_uniform(hk_lazy_rng(r)));
    if (w->cut_case < P(w, INTERVENTION_CUT_PRICE))
        return;
    w->expedition_cut_on = w->month;
    const hk_scenario *s = w->s;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "With %.0f men in Siberia against the %.0f promised to the Allies, the Allies objecting to the "
                 "disproportion and the Diet to the cost, and the northern hawks at only %.2f of influence, the "
                 "cabinet cuts the expedition back to %.0f men; the rest are brought home over the coming months.",
                 w->exp_men, P(w, INTERVENTION_ASKED), hk_assess_north_hawks(w), P(w, INTERVENTION_CUT_MEN));
    hk_world_emit2(w, "fact", "expedition_cut", s->jpn, s->sov, w->scratch, SRC_MODEL("politics-intervention"));
}

static void expedition(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    if (!w->intervention && !w->withdrawn && expedition_invited(w)) {
        /* Soviet power in the east is weak: an opportunity for the Army */
        double weak = hk_clamp(1.0 - w->sov_men / P(w, SOVIET_FLOOR), 0, 1);
        /* asked by the Allies, the cabinet answers within weeks
         * (intervention.answer: Wilson's request of July 1918, the troops
         * sent in August, 003:15); unasked, the Army's hawks press it at
         * intervention.rate as Soviet weakness invites */
        double p = hk_flag(w, HK_EFFECT_ALLIED_REQUEST) ? P(w, INTERVENTION_ANSWER)
                                                         : P(w, INTERVENTION_RATE) * weak * hk_assess_north_hawks(w) / 0.35;
        /* a request is debated before it is answered, not answered the
         * month it comes: the Diet's heated debate and the cabinet's
         * decision of 2 August took the weeks after Wilson's request of 17
         * July 1918 (003:15), and the troops landed in August */
        if (hk_flag(w, HK_EFFECT_ALLIED_REQUEST) && w->month - w->flag_since[HK_EFFECT_ALLIED_REQUEST] < 1)
            p = 0.0;
        /* and not put off past the month the Allies' own troops go ashore
         * (the Americans landed at Vladivostok in August 1918, the month
         * after the request): a Japan that raced the British to Vladivostok
         * rather than see another power there first (003:13) does not let
         * the Allied force hold the port without it */
        else if (hk_flag(w, HK_EFFECT_ALLIED_REQUEST) && w->month - w->flag_since[HK_EFFECT_ALLIED_REQUEST] > 1)
            p = 1.0;
        if (weak > 0 && hk_lazy_bernoulli(r, p)) {
            w->intervention = true;
            w->intervention_on = w->month;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "%s%sWith Soviet power east of Baikal at %.0f men (%.0f%% below a working garrison) and the "
                         "Army's northern hawks at %.2f of influence, Japan sends an expedition into Siberia under its "
                         "own command, and the Army builds it up far beyond the Allied request.",
                         hk_flag(w, HK_EFFECT_ALLIED_REQUEST) ? "Asked by the Allies for troops to help the "
                                                                "Czechoslovak Legion out of Siberia. "
                                                              : "",
                         hk_flag(w, HK_EFFECT_ALLIED_REQUEST) && w->month - w->flag_since[HK_EFFECT_ALLIED_REQUEST] > 1
                             ? "The debate in Tokyo has run on while the Allies' own troops went ashore at Vladivostok: "
                               "the cabinet will not leave the port to them. "
                             : "",
                         w->sov_men, weak * 100, hk_assess_north_hawks(w));
            hk_world_emit2(w, "fact", "intervention", s->jpn, s->sov, w->scratch, SRC_MODEL("politics-intervention"));
        }
    } else if (w->intervention && !w->withdrawn) {
        partisans(w, r);
        cut_back(w, r);
        if (!w->expedition_drawn_in && hk_politics_expedition_drawn_in(w)) {
            w->expedition_drawn_in = true;
            if (hk_world_logging(w)) {
                int at = hk_control_outpost(w, true);
                char outpost[200] = "";
                if (at >= 0)
                    snprintf(outpost, sizeof outpost, "; the garrison of %s, off the railway, is brought out by sea",
                             s->regions[at].name);
                if (hk_assess_soviet_established(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "With Soviet power holding the east again (%.0f men), the expedition gives up the "
                             "Transbaikal and the Amur and draws in to the railway and the south of the Maritime "
                             "province, %.0f men to stay of %.0f%s.",
                             w->sov_men, hk_politics_expedition_men(w), w->exp_men, outpost);
                else
                    snprintf(w->scratch, sizeof w->scratch,
                             "With the White front it backed gone and the Czechoslovak Legion out of Siberia, the "
                             "expedition has nothing left to do in the interior: the cabinet gives up the Transbaikal "
                             "and the Amur and draws it in to the railway and the south of the Maritime province, "
                             "%.0f men to stay of %.0f%s.",
                             hk_politics_expedition_men(w), w->exp_men, outpost);
            }
            hk_world_emit2(w, "fact", "expedition_drawn_in", s->jpn, s->sov, w->scratch,
                           "frus1920v03_d561; frus1921v2_d661");
        }
        double years = (w->month - w->intervention_on) / 12.0;
        double against = 1.0 - hk_assess_north_hawks(w) / 0.5;
        double p = P(w, INTERVENTION_WITHDRAW) * years * hk_clamp(against, 0.05, 1);
        /* what staying costs is the men kept there: an expedition cut back
         * or drawn in to the railway weighs on the budget and the Diet in
         * proportion (the 900 million yen of the whole venture, 003:21, went
         * mostly on its first, largest year), so the plain case for leaving
         * runs at the share of intervention.men still in Siberia */
        p *= hk_clamp(w->exp_men / P(w, INTERVENTION_MEN), 0, 1);
        /* the occasion was Soviet weakness in the east: once Soviet power
         * holds it again, staying means fighting it, and the cabinet's case
         * for going grows by intervention.established; not at once: the
         * expedition held on two years against the Far Eastern Republic's
         * army and beat off its offensives of March and April 1922 before
         * Tokyo announced the withdrawal in June (003:16) */
        bool back = hk_assess_soviet_established(w);
        /* before it, the Army's buffer state still looks within reach and
         * the Whites it backs still hold: the cabinet seldom speaks of leaving
         * (intervention.unsettled; the expedition stayed on after the Allies
         * left in 1920, 003:16) */
        p *= back ? P(w, INTERVENTION_ESTABLISHED) : P(w, INTERVENTION_UNSETTLED);
        /* once the buffer state the expedition faced has been folded into
         * the Soviet state (the Soviet side in its last form), staying is an
         * occupation of that state's soil: no Japanese force stayed on the
         * mainland past the Far Eastern Republic's end (003:16) */
        const hk_actor *sov = s->sov >= 0 ? &s->actors[s->sov] : NULL;
        bool union_made = sov && sov->n_forms > 1 && hk_actor_form_at(w, s->sov, w->month) == sov->n_forms - 1;
        if (union_made && p < P(w, INTERVENTION_UNION_RATE))
            p = P(w, INTERVENTION_UNION_RATE);
        /* once Japan has told the powers it will leave (Washington, early
         * 1922; 004:133) and Soviet power holds the east, a cabinet that
         * stays is breaking its word to them; but leaving means bringing the
         * Army round (the cabinet that announced it in June 1922 was formed
         * to carry out the Washington agreements, on condition that the
         * Army cut its budget; 003:16, frus1922v02_d743). Each month the
         * case for leaving grows by the share of the Army the northern
         * hawks do not hold, times the month's course (0.5 to 1.5); once it
         * reaches intervention.pledge_price the cabinet announces the
         * withdrawal. The date follows from the hawks, not from a monthly
         * chance whose most common month is the pledge's own. */
        bool pledged = hk_flag(w, HK_EFFECT_POWERS_PRESS);
        if (pledged && back) {
            w->withdraw_case += hk_clamp(against, 0.05, 1) * (0.5 + hk_rng_uniform(hk_lazy_rng(r)));
            if (w->withdraw_case >= P(w, INTERVENTION_PLEDGE_PRICE))
                p = 1.0;
        }
        /* an expedition sent at the Allies' request does not leave while
         * the task they asked of it is undone: the Czechoslovak Legion it
         * was to help out of Siberia (003:15) sailed from Vladivostok only
         * in September 1920 (the outside event legion_evacuated); a
         * scenario without that event sets no such bar */
        if (hk_flag(w, HK_EFFECT_ALLIED_REQUEST) && hk_scenario_has_effect(w, HK_EFFECT_LEGION_OUT) &&
            !hk_flag(w, HK_EFFECT_LEGION_OUT))
            p = 0.0;
        if (hk_lazy_bernoulli(r, p)) {
            w->withdrawn = true;
            w->withdrawn_on = w->month;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "After %.1f years in Siberia and %.0f dead, with the northern hawks at %.2f of influence%s%s%s%s, "
                         "the cabinet announces that the expedition will leave the mainland.",
                         years, w->out.intervention_dead, hk_assess_north_hawks(w),
                         back ? " and Soviet power re-established east of Baikal (staying would mean war with it)" : "",
                         pledged && back && !union_made ? ", and Japan's word to the powers at Washington to be kept" : "",
                         union_made ? ", and the buffer state in the east folded into " : "",
                         union_made ? hk_actor_name_at(w, s->sov, w->month) : "");
            hk_world_emit2(w, "fact", "withdrawal", s->jpn, s->sov, w->scratch, SRC_MODEL("politics-intervention"));
        }
    }
}

/* The expedition's size follows its occasion: the Army builds it to
 * intervention.men while Soviet power in the east is broken and a buffer
 * state looks within reach (more than 70,000 men by November 1918, 003:16);
 * once Soviet power holds the east again the expedition gives up the
 * Transbaikal and the Amur and keeps intervention.hold of it on the railway
 * and in the south of the Maritime province (frus1921v2_d661: out of both
 * provinces by the summer of 1920, only the south of the Maritime province
 * held). */
double hk_politics_expedition_men(const hk_world *w)
{
    if (!w->intervention || w->withdrawn)
        return 0.0;
    double men = P(w, INTERVENTION_MEN);
    /* cut back by the cabinet (cut_back), to intervention.cut_men */
    if (w->expedition_cut_on != HK_MONTH_NONE && P(w, INTERVENTION_CUT_MEN) < men)
        men = P(w, INTERVENTION_CUT_MEN);
    if (hk_politics_expedition_drawn_in(w) && P(w, INTERVENTION_MEN) * P(w, INTERVENTION_HOLD) < men)
        men = P(w, INTERVENTION_MEN) * P(w, INTERVENTION_HOLD);
    return men;
}

/* The expedition draws in to the railway and the south of the Maritime
 * province once Soviet power holds the east again, or once it has nothing
 * left to do in the interior: the White front it backed gone and the
 * Czechoslovak Legion it was sent to help out of Siberia. The cabinet
 * decided in February 1920, after Kolchak's fall, to give the Amur line up
 * and to leave the Transbaikal as soon as the Czechs had all left
 * (frus1920v03_d561); by the autumn of 1920 only the south of the Maritime
 * province was held (frus1921v2_d661). A scenario without those events
 * leaves it to Soviet strength alone. */
bool hk_politics_expedition_drawn_in(const hk_world *w)
{
    if (hk_assess_soviet_established(w))
        return true;
    bool whites = hk_scenario_has_effect(w, HK_EFFECT_WHITES_FALLEN), legion = hk_scenario_has_effect(w, HK_EFFECT_LEGION_OUT);
    if (!whites && !legion)
        return false;
    return (!whites || hk_flag(w, HK_EFFECT_WHITES_FALLEN)) && (!legion || hk_flag(w, HK_EFFECT_LEGION_OUT));
}

double hk_politics_china_first(const hk_world *w)
{
    double tos = hk_world_influence(w, w->c->faction_toseiha);
    double army = tos + hk_world_influence(w, w->c->faction_kodoha) + hk_world_influence(w, w->c->faction_kwantung);
    return army > 0 ? tos / army : 0.0;
}

/* The Imperial Way rules the Army: a coup of its officers carried it and
 * purged the Control faction (while it is not purged itself). */
bool hk_politics_imperial_way_rules(const hk_world *w)
{
    int k = w->c->faction_kodoha, t = w->c->faction_toseiha;
    return k >= 0 && t >= 0 && w->purged[t] && !w->purged[k];
}

/* The Imperial Way's share of the Army's influence while it rules the Army,
 * 0 otherwise: the north-first officers who hold the War Ministry and the
 * General Staff. They held the USSR the enemy and a strike on it the Army's
 * task, and China's quarrels a diversion from it (000:19): the schemes in
 * north China the Control faction's officers pressed are shelved, and the
 * friction with China they built is worked off at the pace the Imperial Way
 * holds the Army, as the Control faction built it at its own. */
double hk_politics_north_first(const hk_world *w)
{
    if (!hk_politics_imperial_way_rules(w))
        return 0.0;
    double ko = hk_world_influence(w, w->c->faction_kodoha);
    double army = ko + hk_world_influence(w, w->c->faction_toseiha) + hk_world_influence(w, w->c->faction_kwantung);
    return army > 0 ? ko / army : 0.0;
}

/* Whether a new war with China is out of Japan's reach: once Germany is
 * defeated Japan stands alone against the Allies while the Soviet armies
 * turn east (001:195), and no cabinet opens a war on the mainland; under
 * the ultimatum, or after the surrender, still less. */
static bool china_war_closed(const hk_world *w)
{
    return hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) || hk_flag(w, HK_EFFECT_ULTIMATUM) || w->japan_surrendered;
}

static void field_army(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    /* the field officers' pressure to act builds with their autonomy and the
     * cover the northern hawks give them in Tokyo, from the start: the
     * Army's hopes in Siberia were given up (000:10) while the officers
     * were held back, and they do not forget it when the expedition is over */
    if (!w->manchuria_seized)
        w->grievance += w->autonomy * hk_assess_north_hawks(w);
    /* not while an expedition is in Siberia, nor before Soviet order in the
     * east is restored (then the opportunity is the expedition's) */
    bool settled = w->withdrawn || (!w->intervention && hk_assess_soviet_established(w));
    bool forced = hk_world_forced(w, HK_DECIDE_SEIZE_MANCHURIA, s->jpn, -1); /* --decide */
    if (!w->manchuria_seized && (settled || forced)) {
        /* below the pressure at which a plot is ready nobody acts; above it
         * the conspirators ready their stroke and pick its occasion (000:14) */
        bool ripe = w->grievance >= P(w, JAPAN_SEIZE_PRESSURE);
        double p = ripe ? P(w, JAPAN_SEIZE_RATE) : 0.0;
        /* the stroke counts on surprise against a thin garrison: with the
         * Northeastern Army's main force at home it is seldom tried (the
         * plotters of 1931 struck a year after Zhang Xueliang took his best
         * troops south of the Wall; fenby2004, coble1991) */
        bool away = hk_flag(w, HK_EFFECT_NORTHEAST_AWAY);
        if (!away && !hk_scenario_has_effect(w, HK_EFFECT_NORTHEAST_AWAY)) {
            /* a scenario without the Northeastern Army's move: no gate */
        } else if (!away) {
            p *= P(w, JAPAN_SEIZE_GUARDED);
        } else {
            /* with the garrison thinned and their pressure high enough the
             * plotters ready the stroke (guns brought to Mukden, the
             * railway explosion planned) over japan.seize_prepare months,
             * and strike only once it is ready: each month of readying is
             * one the state allowed, not a date */
            if (ripe && w->seize_prep < INT16_MAX)
                w->seize_prep++;
            if (w->seize_prep <= (int)P(w, JAPAN_SEIZE_PREPARE))
                p = 0.0;
            else if (ripe)
                /* a stroke readied is struck on the date its plotters set,
                 * not left to a later month's chance (the explosion set for
                 * late September 1931 was brought forward, not put off,
                 * when Tokyo sent an officer to stop it; coble1991) */
                p = 1.0;
        }
        bool go = hk_lazy_bernoulli(r, p);
        if (go || forced) {
            w->manchuria_seized = true;
            /* success emboldens the men who acted without orders */
            hk_politics_shift(w, s->jpn, is_moderate, is_north_hawk, 0.15, true);
            w->autonomy = hk_clamp(w->autonomy + 0.15, 0, 1);
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "The Kwantung Army's officers (autonomy %.2f, their pressure to act at %.1f) act without "
                         "orders%s and take Manchuria; their success raises the northern hawks to %.2f of influence.",
                         w->autonomy, w->grievance,
                         away ? ", striking while the Northeastern Army's best troops are south of the Great Wall" : "",
                         hk_assess_north_hawks(w));
            hk_world_emit2(w, "fact", "seize_manchuria", s->jpn, s->chn, w->scratch,
                           SRC_MODEL("politics-kwantung"));
        }
    } else if (w->manchuria_seized && !w->china_war && !w->war && !china_war_closed(w)) {
        /* friction with China builds while Japan holds Manchuria, at the pace
         * the China-first Control faction sets in the Army (000:19): its
         * share of the Army's influence, which the purge of its rival
         * raises (000:24); China's resistance hardens meanwhile (001:95).
         * Once the friction reaches japan.china_friction a clash in north
         * China grows into general war within months (001:115). */
        double lead = hk_politics_china_first(w);
        w->china_friction += lead;
        /* an Army the Imperial Way has taken works it off (hk_politics_north_first) */
        double off = hk_politics_north_first(w);
        if (off > 0 && w->china_friction > 0)
            w->china_friction = hk_fmax(0.0, w->china_friction - off);
        double ripe = P(w, JAPAN_CHINA_FRICTION) > 0 ? w->china_friction / P(w, JAPAN_CHINA_FRICTION) : 1.0;
        double p = ripe >= 1 ? P(w, JAPAN_CHINA_WAR_RATE) : 0.0;
        /* before China's united front Nanjing settles a clash in the north
         * by a local truce (Tanggu 1933, He-Umezu 1935); after it, the next
         * clash is war (001:95, coble1991) */
        bool front = hk_flag(w, HK_EFFECT_UNITED_FRONT);
        if (!front && hk_scenario_has_effect(w, HK_EFFECT_UNITED_FRONT)) {
            p *= P(w, JAPAN_CHINA_TRUCE);
        } else if (front) {
            /* once China no longer gives way, the clashes the Japanese
             * garrisons in north China provoke are met by force, more of them
             * the harder the Army presses (the friction, now short of its
             * mark as well as past it); and the front takes months to stand,
             * Nanjing's resolve growing over japan.china_front_months */
            p = P(w, JAPAN_CHINA_WAR_RATE) * hk_clamp(ripe, 0, 1);
            double months = P(w, JAPAN_CHINA_FRONT_MONTHS);
            double since = (double)(w->month - w->flag_since[HK_EFFECT_UNITED_FRONT]);
            if (months > 0)
                p *= hk_clamp(since / months, 0, 1);
            /* an Army the Imperial Way rules holds its garrisons in north
             * China back: they provoke clashes only at the share of the
             * Army still pressing on China against the share working the
             * friction off */
            double north = hk_politics_north_first(w);
            if (north > 0)
                p *= lead / (lead + north);
        }
        /* the clash comes where the Japanese garrison in north China is out
         * in the field beside the Chinese troops: in its field-training
         * season (japan.china_drill_first to _last; the Fengtai clashes of
         * June and September 1936, the night exercises by the Marco Polo
         * Bridge from June 1937), at the same yearly chance put into its
         * months; a scenario that sets no season leaves every month open */
        int first = (int)P(w, JAPAN_CHINA_DRILL_FIRST), last = (int)P(w, JAPAN_CHINA_DRILL_LAST);
        if (first > 0 && last > 0) {
            int len = last >= first ? last - first + 1 : 12 - first + 1 + last;
            p = hk_mon_in_span(hk_month_mon(w->month), first, last) ? hk_fmin(1.0, p * 12.0 / len) : 0.0;
        }
        if (hk_lazy_bernoulli(r, p)) {
            w->china_war = true;
            int to = w->c->faction_toseiha;
            if (hk_world_logging(w) && to >= 0 && w->purged[to])
                /* a coup that carried the Army purged the Control faction:
                 * the friction is what its years in the Army left behind */
                snprintf(w->scratch, sizeof w->scratch,
                         "With Manchuria held and friction with China at %.0f, built up while the China-first "
                         "Control faction still had a say in the Army (purged %d-%02d, it keeps %.0f%% of the Army's "
                         "influence), a clash between the Japanese garrison in north China and Chinese troops at the "
                         "Marco Polo Bridge, where the garrison holds its field exercises, grows into general war with "
                         "China%s.",
                         w->china_friction, hk_month_year(w->purged_on[to]), hk_month_mon(w->purged_on[to]),
                         lead * 100, front ? ", united now against Japan" : "");
            else if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "With Manchuria held, friction with China at %.0f and the China-first Control faction "
                         "holding %.0f%% of the Army's influence, a clash between the Japanese garrison in north "
                         "China and Chinese troops at the Marco Polo Bridge, where the garrison holds its field "
                         "exercises, grows into general war with China%s.",
                         w->china_friction, lead * 100,
                         front ? ", whose parties are united against Japan and no longer settle for a local truce"
                               : ", which this time will not settle for a local truce");
            hk_world_emit2(w, "war", "china_war", s->jpn, s->chn, w->scratch,
                           SRC_MODEL("politics-china") "; marco_polo_bridge");
        }
    }
}

/* A commitment south lapses when the state has turned: doctrine has stayed
 * above the strike-north threshold for doctrine.commit_months months while
 * Japan is not yet at war in the Pacific (once it is, its forces are bound
 * there). Japan is free to choose again; the forces already sent stay gone. */
static void commitment_lapse(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (!w->committed_south)
        return;
    /* (not once the cabinet has decided on war in the Pacific: the attack
     * is being readied and the forces are bound to it; nor under the oil
     * embargo the commitment brought on: the Navy's stocks run down month by
     * month and only the south's oil replaces them, which no turn to the
     * north offers, so the cabinet that went south does not give it up to
     * wait; the Imperial Conference of 6 September 1941 gave the talks in
     * Washington weeks, not a year; feis1950) */
    if (hk_politics_south_case(w) > P(w, DOCTRINE_STRIKE_NORTH) && !hk_politics_south_war(w) &&
        !hk_flag(w, HK_EFFECT_OIL_EMBARGO))
        w->north_months++;
    else
        w->north_months = 0;
    if (w->north_months < (int)P(w, DOCTRINE_COMMIT_MONTHS))
        return;
    w->committed_south = false;
    w->north_months = 0;
    w->south_months = 0;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "Doctrine has stood above %+.2f for %d months (now %+.2f)%s, and Japan is not at war in the "
                 "Pacific: the commitment to the south lapses and the northern option is open again.",
                 P(w, DOCTRINE_STRIKE_NORTH), (int)P(w, DOCTRINE_COMMIT_MONTHS), w->doctrine,
                 hk_flag(w, HK_EFFECT_GER_SOV_WAR) ? " with the USSR at war in the west" : "");
    hk_world_emit2(w, "doctrine", "doctrine_north", s->jpn, -1, w->scratch, SRC_MODEL("politics-commitment"));
}

/* War with the United States is Japan's decision, not a date: once it has
 * committed south and the Americans have answered with an oil embargo, the
 * cabinet chooses between giving the south up and taking the oil by force,
 * and chooses war with war.us_rate a month (the embargo of 1 August 1941
 * was answered by the Imperial Conference of 6 September; feis1950). The
 * attack (the scenario's event decided_by Japan) comes war.us_lead_months
 * later, the time the services were given to make ready (6 September to 7
 * December 1941; feis1950, prange1981). A Japan
 * that never went south, or that the Americans did not cut off, has no
 * Pacific war.
 *
 * The southern advance was made with quiet in the north (the Neutrality
 * Pact brought it the Army and the Navy, 001:175): a cabinet whose army is
 * at war with the USSR, or mobilising for one, does not open a second war
 * while the oil lets it wait. It puts the decision off until the northern
 * war ends or its oil stocks (war.oil_stock months of peacetime use when
 * the embargo began, drawn at war.oil_north_burn a month while the war in
 * the north is fought, oil_draw) are down to what the southern operation
 * needs in hand (war.oil_south_need); then the stocks will not outlast the
 * war in the north, and it decides on war in the south at war.us_rate all
 * the same, knowing it will fight on two fronts (the armistice it then
 * seeks in the north is war.c's). A war in the north shortens the wait: it
 * burns the oil the south was to be taken with. */

/* Japan's army is bound in the north: at general war with the USSR, or
 * mobilising for one its cabinet has decided on. */
static bool north_war(const hk_world *w) { return (w->war && !w->japan_surrendered) || w->war_mobilising; }

/* "at war with the USSR since 1941-09 (512,948 men in Manchuria and Korea,
 * 53,310 lost)" or "mobilising against the USSR since 1941-08 (...)". */
static void north_clause(const hk_world *w, char *buf, size_t len)
{
    hk_month since = w->war ? w->war_on : w->mobilising_on;
    char lost[64] = "";
    if (w->war && w->war_losses[HK_SIDE_JPN] >= 1)
        snprintf(lost, sizeof lost, ", %.0f lost", w->war_losses[HK_SIDE_JPN]);
    snprintf(buf, len, "%s since %d-%02d (%.0f men in Manchuria and Korea%s)",
             w->war ? "at war with the USSR" : "mobilising against the USSR", hk_month_year(since),
             hk_month_mon(since), w->jpn_men, lost);
}

bool hk_politics_south_war(const hk_world *w)
{
    const hk_scenario *s = w->s;
    if (hk_flag(w, HK_EFFECT_JPN_US_WAR))
        return true;
    for (int e = 0; e < s->n_events; e++) {
        const hk_event *ev = &s->events[e];
        if (ev->decided && ev->decided_by == s->jpn && ev->effect == HK_EFFECT_JPN_US_WAR && w->event_decided[e] &&
            !w->setup->event_removed[e])
            return true;
    }
    return false;
}

bool hk_politics_south_pull(const hk_world *w)
{
    if (!w->committed_south || w->japan_surrendered)
        return false;
    return hk_politics_south_war(w) || (w->south_deferred_on && hk_flag(w, HK_EFFECT_OIL_EMBARGO));
}

/* The oil Japan draws from its stocks in a month under the American
 * embargo, in months of peacetime use: one in peace (and while its army
 * mobilises), war.oil_north_burn while it fights a general war with the
 * USSR. Until the Pacific war begins (after it the stocks are the southern
 * war's, not this decision's). */
static void oil_draw(hk_world *w)
{
    if (!hk_flag(w, HK_EFFECT_OIL_EMBARGO) || hk_flag(w, HK_EFFECT_JPN_US_WAR))
        return;
    w->oil_used += w->war && !w->japan_surrendered ? P(w, WAR_OIL_NORTH_BURN) : 1.0;
}

/* Japan's oil stocks left, in months of peacetime use. */
static double oil_left(const hk_world *w) { return P(w, WAR_OIL_STOCK) - w->oil_used; }

static void war_with_america(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    if (!w->committed_south || !hk_flag(w, HK_EFFECT_OIL_EMBARGO) || hk_flag(w, HK_EFFECT_JPN_US_WAR))
        return;
    /* the embargo is weighed before it is answered: the Imperial Conference
     * met five weeks after it (6 September 1941; feis1950) */
    if (w->month - w->flag_since[HK_EFFECT_OIL_EMBARGO] < 1)
        return;
    /* and no cabinet opens a new war on the Allies once Germany is beaten
     * and Japan would stand alone (as china_war_closed, 001:195) */
    if (china_war_closed(w))
        return;
    for (int e = 0; e < s->n_events; e++) {
        const hk_event *ev = &s->events[e];
        if (!ev->decided || ev->decided_by != s->jpn || ev->effect != HK_EFFECT_JPN_US_WAR || w->event_decided[e] ||
            w->event_done[e] || w->setup->event_removed[e])
            continue;
        int months = w->month - w->flag_since[HK_EFFECT_OIL_EMBARGO];
        double left = oil_left(w), need = P(w, WAR_OIL_SOUTH_NEED);
        bool north = north_war(w);
        char clause[160];
        if (north)
            north_clause(w, clause, sizeof clause);
        /* a war in the north puts the decision off while the oil can wait */
        if (north && left > need) {
            if (!w->south_deferred_on) {
                w->south_deferred_on = w->month;
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "Committed to the south since %d-%02d and cut off from American oil for %d month%s, the "
                             "cabinet would answer in the south, but its army has been %s: it will not fight the USSR and "
                             "the United States and Britain at once, and the south waits for quiet in the north while "
                             "the oil allows (stocks of %d months of peacetime use, drawn %d times as fast in the war; "
                             "the south needs %d).",
                             hk_month_year(w->committed_south_on), hk_month_mon(w->committed_south_on), months,
                             months == 1 ? "" : "s", clause, (int)lround(fmin(fmax(left, 0), 99)),
                             (int)lround(fmin(fmax(P(w, WAR_OIL_NORTH_BURN), 0), 9)), (int)lround(fmin(fmax(need, 0), 99)));
                hk_world_emit2(w, "doctrine", "war_decision_us_deferred", s->jpn, s->sov, w->scratch,
                               SRC_MODEL("politics-us-war") "; ussbs_oil1946; feis1950");
            }
            return;
        }
        /* each month the oil runs down presses harder: the Navy held that
         * waiting meant losing the means to fight (feis1950), so the chance
         * of deciding compounds with the months weighed, war.us_rate in the
         * first, 1 - (1 - war.us_rate)^n in the n-th (with no war in the
         * north to put it off, months counts from the first weighing; with
         * one, from the month the stocks fell to the southern operation's
         * need, at the rate the war draws them) */
        double burn = w->war && !w->japan_surrendered && P(w, WAR_OIL_NORTH_BURN) > 0 ? P(w, WAR_OIL_NORTH_BURN) : 1.0;
        int weighed = north ? 1 + (int)floor((need - left) / burn) : months;
        double p = 1.0 - pow(1.0 - P(w, WAR_US_RATE), weighed < 1 ? 1 : weighed);
        if (!hk_lazy_bernoulli(r, p))
            return;
        /* the attack comes once the fleet and the army are ready: they make
         * ready from the month the cabinet first weighs the embargo, while
         * the talks go on (the Imperial Conference of 6 September 1941 set
         * the preparations going alongside the talks; feis1950), so a
         * decision that comes later than the first month does not put the
         * attack off unless it comes after the services are ready */
        int lead = (int)P(w, WAR_US_LEAD_MONTHS);
        lead = lead < 1 ? 1 : lead;
        hk_month ready = w->flag_since[HK_EFFECT_OIL_EMBARGO] + 1 + lead;
        w->event_decided[e] = ready > w->month + 1 ? ready : w->month + 1;
        lead = w->event_decided[e] - w->month;
        if (hk_world_logging(w)) {
            char why[400];
            if (north)
                /* the oil forces it: a war on two fronts */
                snprintf(why, sizeof why,
                         "with its army %s and its oil stocks down to %.0f months of peacetime use, the cabinet cannot "
                         "wait for the war in the north to end: it decides on war with the United States and Britain "
                         "as well, a war on two fronts,",
                         clause, fmax(0, left));
            else if (w->south_deferred_on)
                snprintf(why, sizeof why,
                         "with the war in the north over%s, the cabinet takes up the decision it put off in %d-%02d: "
                         "it decides on war with the United States and Britain",
                         w->armistice_on != HK_MONTH_NONE && w->armistice_on > w->south_deferred_on
                             ? " by the armistice"
                             : "",
                         hk_month_year(w->south_deferred_on), hk_month_mon(w->south_deferred_on));
            else
                snprintf(why, sizeof why, "the cabinet will not give the south up: it decides on war with the "
                         "United States and Britain");
            snprintf(w->scratch, sizeof w->scratch,
                     "Committed to the south since %d-%02d and cut off from American oil %s%.0d%s, %s unless the "
                     "talks in Washington give way, the Army and the fleet to be ready to strike in %d month%s.",
                     hk_month_year(w->committed_south_on), hk_month_mon(w->committed_south_on),
                     months > 0 ? "for " : "this month", months, months > 1 ? " months" : months == 1 ? " month" : "",
                     why, lead, lead > 1 ? "s" : "");
        }
        hk_world_emit2(w, "doctrine", "war_decision_us", s->jpn, north ? s->sov : -1, w->scratch,
                       SRC_MODEL("politics-us-war"));
        return;
    }
}

/* The hope of a Soviet collapse is a wait for the Soviet Far East to be
 * weakened: a cabinet that has stood past the strike-north threshold for
 * doctrine.hope_months months with the USSR at war in the west and never
 * had the force ratio its war needs (not even with the pact out of the way)
 * gives the hope up, as the Army gave up its mobilisation of July 1941 in
 * August (002:24, glantz2003); what remains of the pull north is the
 * Soviet army actually drawn west (doctrine.opportunity). */
static void west_hope(hk_world *w)
{
    if (w->west_hope_lost || !hk_flag(w, HK_EFFECT_GER_SOV_WAR) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) || w->war)
        return;
    if (w->doctrine > P(w, DOCTRINE_STRIKE_NORTH) && !w->committed_south && !hk_politics_north_case_free(w))
        w->north_waited++;
    else
        w->north_waited = 0;
    int hope = (int)P(w, DOCTRINE_HOPE_MONTHS);
    if (w->north_waited == 0 || w->north_waited < hope)
        return;
    w->west_hope_lost = true;
    /* the Army's own plan for the north given up, its northern hawks lose
     * their standing for good and the south-leaning factions gain: the
     * shift the Army's abandonment of its 1941 mobilisation made (002:24,
     * 000:35) */
    double moved = hk_politics_shift(w, w->s->jpn, is_north_hawk, is_southern, P(w, POLITICS_HOPE_LOST), true);
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "Doctrine has stood past %+.2f for %d months (now %+.2f) with the USSR at war in the west, but the "
                 "Soviet Far East has not been weakened: %.2f Japanese men on the border for each Soviet one, where a "
                 "war in the north needs %.2f. The hope of a Soviet collapse is given up, and with the Army's plan "
                 "for the north %.2f of influence passes from its northern hawks to the Navy and the south-leaning "
                 "factions.",
                 P(w, DOCTRINE_STRIKE_NORTH), w->north_waited, w->doctrine, 1.0 / hk_politics_border_ratio(w),
                 hk_assess_north_need_free(w), moved);
    hk_world_emit2(w, "doctrine", "west_hope_lost", w->s->jpn, -1, w->scratch, SRC_MODEL("politics-commitment"));
}

/* The northern flank the commitment south needs: the Army would not stand
 * on the defensive in Manchuria and give the south the new divisions while
 * a stronger Soviet Far East could still fall on it. The flank is quiet once
 * a neutrality pact binds the USSR (the pact brought the Army and the Navy
 * "tranquility in the north" and was the turning point of the advance
 * south, 001:175; it freed Japan to prepare the war in the Pacific,
 * 000:35: the fall of Paris set Tokyo looking south and seeking terms with
 * Moscow together, 001:151, and the advance that brought the embargo was
 * decided in July 1941, after the pact), once the USSR is at war in the west
 * (its Far East a source of divisions for Germany's front, not a threat),
 * or while it does not outnumber the Japanese army on the border. A
 * scenario with no such pact leaves the flank to the other two. */
bool hk_politics_north_quiet(const hk_world *w)
{
    int pact = w->c->roles.jpn_sov_neutrality;
    return pact < 0 || hk_treaty_binds(w, pact) ||
           (hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED)) ||
           hk_politics_border_ratio(w) <= 1.0;
}

static void commitment(hk_world *w)
{
    const hk_scenario *s = w->s;
    commitment_lapse(w);
    double south_case = hk_politics_south_case(w);
    /* the season of consistent policy is counted only with the northern
     * flank quiet: before, the case for the south waits on the north */
    if (south_case < P(w, DOCTRINE_COMMIT_SOUTH) && (w->committed_south || hk_politics_north_quiet(w)))
        w->south_months++;
    else
        w->south_months = 0;
    /* the opportunity is Europe's colonies laid open while the window
     * lasts: not after Germany's defeat, nor once the American fleet has
     * outgrown Japan's (a Japan already under an embargo can still turn) */
    bool opportunity = hk_politics_south_open(w) ||
                       (hk_flag(w, HK_EFFECT_OIL_EMBARGO) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED));
    bool forced = hk_world_forced(w, HK_DECIDE_COMMIT_SOUTH, s->jpn, -1); /* --decide */
    /* the month the window shuts on a Japan that never went south: the
     * history says why no Pacific war follows */
    if (!w->committed_south && !hk_flag(w, HK_EFFECT_JPN_US_WAR) && !w->war &&
        hk_flag(w, HK_EFFECT_FRANCE_FALLEN) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) &&
        P(w, DOCTRINE_SOUTH_WINDOW) > 0 && w->month - w->flag_since[HK_EFFECT_FRANCE_FALLEN] == (int)P(w, DOCTRINE_SOUTH_WINDOW)) {
        if (hk_world_logging(w)) {
            /* why: the largest thing that held the south case short of the
             * commitment, read from the state */
            const char *why;
            if (w->north_lesson <= 0 && hk_assess_north_hawks(w) >= 0.3)
                why = "no defeat on the border has taught the Army what the Red Army is worth, and its northern "
                      "hawks still hold the Army's case for a war in the north";
            else if (!hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality))
                why = "with no pact to quiet the north, the Army would not strip Manchuria for the south";
            else
                why = "the cabinet never agreed on the southern advance";
            snprintf(w->scratch, sizeof w->scratch,
                     "%d months after the fall of France Japan has not gone south (south case %+.2f, doctrine "
                     "%+.2f): %s. The fleet the United States voted in 1940 is coming into service and the Navy "
                     "no longer holds a war in the south winnable. The southern advance is given up; Japan stays "
                     "out of the war in the Pacific. With no Japanese move south to answer, Washington keeps its "
                     "licences on Japan's trade and its aid to China but does not cut off the oil.",
                     (int)P(w, DOCTRINE_SOUTH_WINDOW), hk_politics_south_case(w), w->doctrine, why);
        }
        hk_world_emit2(w, "doctrine", "south_window_closed", s->jpn, -1, w->scratch,
                       SRC_MODEL("politics-commitment"));
    }
    /* the German attack on the USSR puts the choice of north or south to
     * the cabinet, which answers it doctrine.answer_months after the
     * attack's month (the Imperial Conference of 2 July 1941, ten days
     * after 22 June; feis1950): a case for the south already below the
     * threshold with the north quiet commits then, without waiting out the
     * season of consistent policy; a case not there by then goes on
     * counting its months */
    bool answer = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) &&
                  w->month - w->flag_since[HK_EFFECT_GER_SOV_WAR] == (int)P(w, DOCTRINE_ANSWER_MONTHS) &&
                  w->south_months >= 1;
    if (w->committed_south ||
        (!forced &&
         (w->war || !opportunity || (w->south_months < (int)P(w, DOCTRINE_COMMIT_MONTHS) && !answer))))
        return;
    w->committed_south = true;
    w->committed_south_on = w->month;
    if (hk_world_logging(w)) {
        double south = 0;
        for (int f = 0; f < s->n_factions; f++)
            if (s->factions[f].actor == s->jpn && s->factions[f].lean < 0)
                south += w->influence[f];
        /* the case weighed is doctrine less, under the pact, the hope of
         * a Soviet collapse (hk_politics_south_case): say so when they differ */
        char now[120];
        if (fabs(south_case - w->doctrine) >= 0.005)
            snprintf(now, sizeof now, "now %+.2f; doctrine %+.2f, the hope of a Soviet collapse set aside under the pact",
                     south_case, w->doctrine);
        else
            snprintf(now, sizeof now, "now %+.2f", w->doctrine);
        /* what quieted the north for it (hk_politics_north_quiet) */
        int pact = w->c->roles.jpn_sov_neutrality;
        const char *flank = pact >= 0 && hk_treaty_binds(w, pact) ? "; the north is quiet under the neutrality pact"
                            : hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED)
                                ? "; the north is quiet with the USSR at war in the west"
                            : pact >= 0 && hk_politics_border_ratio(w) <= 1.0
                                ? "; the north is quiet, the Soviet army on the border no larger than Japan's"
                                : "";
        /* the balance as the General Staff last reckoned it (staff_log) */
        char staff[200] = "";
        if (w->staff_estimate_on != 0 && w->staff_ratio[0] > 0)
            snprintf(staff, sizeof staff, "; the General Staff counts %.1f Soviet men, %.0f tanks and %.1f aircraft to one Japanese",
                     w->staff_ratio[0], w->staff_ratio[1], w->staff_ratio[2]);
        /* an answer to the German attack that comes before the season is out says so */
        bool early = answer && w->south_months < (int)P(w, DOCTRINE_COMMIT_MONTHS) && !forced;
        snprintf(w->scratch, sizeof w->scratch,
                 "%sThe case for the south has stayed below %+.2f for %d month%s (%s)%s%s%s%s; the Navy and its allies "
                 "hold %.2f of influence; Japan commits south: the south gets the ships, the oil and the new divisions, "
                 "and the army in Manchuria stands on the defensive (it gives up divisions only once a war in the "
                 "Pacific calls for them).",
                 early ? "Germany's attack on the USSR puts the choice of north or south to the cabinet, which "
                         "answers it at an Imperial Conference. "
                       : "",
                 P(w, DOCTRINE_COMMIT_SOUTH), w->south_months, w->south_months == 1 ? "" : "s", now,
                 hk_flag(w, HK_EFFECT_FRANCE_FALLEN) ? " with Europe's colonies exposed" : "",
                 hk_flag(w, HK_EFFECT_OIL_EMBARGO) ? " under an oil embargo" : "", flank, staff, south);
    }
    hk_world_emit2(w, "doctrine", "doctrine_south", s->jpn, -1, w->scratch, SRC_MODEL("politics-commitment"));
}

/* The Army's judgement of the season for a strike north, while the USSR is
 * at war with Germany and the army of the special manoeuvres stands ready
 * (movement.c): in the last month a campaign could still begin and be
 * fought before the freeze (japan.north_decide_lead months before
 * battle.season_last), the Army General Staff asks whether the Soviet Far
 * East has thinned as the plan waited for (japan.north_thin_share of its
 * army gone west). If not, it gives the northern operation up for that year
 * (the decision of 9 August 1941, wiki_kantokuen): the case for war in the
 * north is shut until the next year's season. Once a year; not while a war
 * with the USSR is decided or fought, nor once Japan fights the United
 * States (the south has taken the army's reserves). */
static void north_season(hk_world *w)
{
    const hk_scenario *s = w->s;
    /* (a what-if that forces the strike north, or a player who commands
     * Japan, decides over the General Staff's head) */
    if (!w->manoeuvres_told || w->war || w->war_mobilising || !w->manchuria_seized || w->player == s->jpn ||
        hk_world_forced(w, HK_DECIDE_STRIKE_NORTH, s->jpn, -1) ||
        !hk_flag(w, HK_EFFECT_GER_SOV_WAR) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ||
        hk_flag(w, HK_EFFECT_JPN_US_WAR))
        return;
    int decide = hk_round_int(P(w, BATTLE_SEASON_LAST) - P(w, JAPAN_NORTH_DECIDE_LEAD));
    if (hk_month_mon(w->month) != decide ||
        (w->north_deferred_on != 0 && hk_month_year(w->north_deferred_on) == hk_month_year(w->month)))
        return;
    double sent = w->sov_west_sent, army = w->sov_men + sent;
    double thinned = army > 0 ? sent / army : 0.0;
    if (thinned >= P(w, JAPAN_NORTH_THIN_SHARE))
        return; /* the Far East is stripped: the cabinet weighs war (war.c) */
    w->north_deferred_on = w->month;
    if (hk_world_logging(w)) {
        /* what the Staff knows at the month's start: the men gone west
         * before it (a transfer begun this month is told after, by
         * movement), and the army the manoeuvres have raised so far
         * against the plan's target */
        int n = sent > 0
                    ? snprintf(w->scratch, sizeof w->scratch,
                               "The Army General Staff gives up the northern operation for this year: by the month's "
                               "start the Soviet Far East had sent %.0f men west since Germany's attack, %.0f%% of its "
                               "army, against the %.0f%% the plan waited for",
                               sent, 100.0 * thinned, 100.0 * P(w, JAPAN_NORTH_THIN_SHARE))
                    : snprintf(w->scratch, sizeof w->scratch,
                               "The Army General Staff gives up the northern operation for this year: by the month's "
                               "start no Soviet division had left the Far East for the west since Germany's attack, "
                               "against the %.0f%% of its army the plan waited for",
                               100.0 * P(w, JAPAN_NORTH_THIN_SHARE));
        char plan[96] = "";
        if (w->manoeuvres_plan > w->jpn_men)
            snprintf(plan, sizeof plan, " of the %.0f planned", w->manoeuvres_plan);
        if (n > 0 && (size_t)n < sizeof w->scratch)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     "; it still holds %.0f (%.2f Japanese to one Soviet), and there is no time left to wait: a "
                     "campaign begun later could not be over before the freeze. The army of the special manoeuvres, "
                     "%.0f men in Manchuria and Korea so far%s, stays there as a guard%s.",
                     w->sov_men, w->sov_men > 0 ? w->jpn_men / w->sov_men : 0.0, w->jpn_men, plan,
                     w->committed_south ? ", and the advance south goes on" : "");
    }
    hk_world_emit2(w, "doctrine", "north_deferred", s->jpn, s->sov, w->scratch,
                   SRC_MODEL("politics-north-season") "; wiki_kantokuen");
}

/* Japan's case for striking north when the border ratio must reach `need`;
 * shut for the rest of a year in which the Army gave the north up. */
static bool north_case_at(const hk_world *w, double need)
{
    if (w->north_deferred_on != 0 && hk_month_year(w->north_deferred_on) == hk_month_year(w->month))
        return false;
    return w->manchuria_seized && !w->war && !w->japan_surrendered && !w->committed_south &&
           w->doctrine > P(w, DOCTRINE_STRIKE_NORTH) && 1.0 / hk_politics_border_ratio(w) >= need;
}

bool hk_politics_north_case(const hk_world *w) { return north_case_at(w, hk_assess_north_need(w)); }

/* The same case with no pact in the way: what a cabinet weighing notice on
 * the Neutrality Pact asks (would it strike once the pact were gone?). */
bool hk_politics_north_case_free(const hk_world *w) { return north_case_at(w, hk_assess_north_need_free(w)); }

/* ---- replay: the record's decisions ------------------------------------------------- */

static void apply_pins(hk_world *w)
{
    const hk_scenario *s = w->s;
    for (int i = 0; i < w->n_pins; i++) {
        const hk_fact *f = &s->facts[w->pins[i]];
        switch (f->pin) {
        case HK_PIN_INTERVENTION:
            w->intervention = true;
            w->intervention_on = w->month;
            break;
        case HK_PIN_WITHDRAWAL: w->withdrawn = true; w->withdrawn_on = w->month; break;
        case HK_PIN_SEIZE_MANCHURIA: w->manchuria_seized = true; break;
        case HK_PIN_COUP_FAILED:
        case HK_PIN_PURGE: {
            /* a coup and the purge that follows it are one blow, not two */
            int t = f->target >= 0 ? f->target : w->c->faction_kodoha;
            if (t >= 0 && !(w->purged[t] && w->month - w->purged_on[t] <= 6))
                hk_politics_purge(w, t);
            break;
        }
        case HK_PIN_DOCTRINE_SOUTH:
            if (!w->committed_south) {
                w->committed_south = true;
                w->committed_south_on = w->month;
            }
            break;
        case HK_PIN_DOCTRINE_NORTH: w->committed_north = true; break;
        case HK_PIN_CHINA_WAR:
            w->china_war = true;
            break;
        default: break;
        }
        (void)fact_source;
    }
}

void hk_politics_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (s->jpn < 0)
        return;
    hk_lazy_stream r = hk_world_lazy_stream(w, HK_STREAM_POLITICS);
    react_to_shocks(w);
    react_to_battle(w);
    relax(w);
    hk_politics_discipline(w);
    double growth = P(w, POLITICS_AUTONOMY_GROWTH);
    double target = hk_clamp(hk_assess_north_hawks(w) * 1.6, 0, 1);
    w->autonomy += growth * (target - w->autonomy);
    /* the General Staff's yearly estimate of the Soviet arms, from the
     * seizure of Manchuria on (before it no army faces the Soviet Far East
     * across a land border of Japan's to weigh) */
    if (w->month - w->staff_estimate_on >= 12 && w->manchuria_seized && P(w, DOCTRINE_STAFF_ARMS) > 0)
        hk_politics_staff_estimate(w);
    double d = doctrine_target(w, w);
    w->doctrine += 0.3 * (d - w->doctrine);
    /* the hope's share of it follows the same pace (its term in the target,
     * smoothed as the doctrine is) */
    w->doctrine_hope += 0.3 * (west_hope_term(w) - w->doctrine_hope);

    if (w->mode == HK_MODE_REPLAY) {
        apply_pins(w);
        return;
    }
    if (w->japan_surrendered)
        return; /* a Japan that has surrendered decides nothing more */
    expedition(w, &r);
    field_army(w, &r);
    /* (asked here first, its cheapest tests before the call: no rising is in
     * the making before the seizure of Manchuria nor once the Army is at war) */
    if (w->manchuria_seized && !w->war && !w->china_war && hk_politics_coup_ready(w))
        coup(w, &r);
    west_hope(w);
    north_season(w);
    commitment(w);
    oil_draw(w);
    war_with_america(w, &r);
    /* a war Japan opened (war.c, last month) commits it to the north */
    if (w->war && w->war_opener == HK_SIDE_JPN)
        w->committed_north = true;
}
