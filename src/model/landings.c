/* landings.c — the island fronts of a general war (docs/model.md#war-islands).
 *
 * Southern Sakhalin and the Kurils lie off the mainland fronts: no railway
 * or road joins them to Manchuria, and the theatre armies' pools do not
 * reach them. Their garrisons and the forces facing them are their own
 * (forces.yaml `islands`: Japan's 88th Division on Sakhalin, the 91st on
 * Shumshu and Paramushir, the 89th on the southern Kurils; the Soviet 16th
 * Army on northern Sakhalin and the Kamchatka Defence Region), and each
 * month of war they fight in steps of war.step_days:
 *
 * - over a land link (the 50th parallel on Sakhalin) a force attacks the
 *   ground next to it as a front does, the defence in the fortified zone
 *   its side built along the border (the Koton fortified region);
 * - over a sea link a force lands once its shipping is gathered and loaded
 *   (landing.prep_days after the war opened or it took the port it sails
 *   from) and has crossed (landing.sea_km_day): one lift of
 *   landing.lift_men comes ashore first, the rest one lift each round trip,
 *   and the guns and tanks only landing.heavy_days after the first men, so
 *   a landing fights its first day with small arms against the garrison's
 *   works (Shumshu, 18 August 1945). A landing that is held stays on its
 *   beachhead and fights on in the next step with its heavy weapons ashore;
 *   one made behind a line attacked over land outflanks it (Toro, 16
 *   August 1945);
 * - a side attacks as a front does (war.attack_ratio, or the opener's
 *   opening offensive at war.opening_ratio); once Japan's surrender is
 *   announced the power that receives it in a zone goes to occupy the
 *   zone's islands whatever the odds, and a garrison the order to lay down
 *   its arms has not yet reached (war.ceasefire_days and
 *   war.garrison_order_days after the announcement) defends itself
 *   (the Kurils, 18-23 August 1945, 001:285);
 * - a won battle hands the region to the attacker, whose force moves into
 *   it; a Japanese garrison beaten before the surrender holds out in the
 *   island's interior and lays down its arms at the surrender, one beaten
 *   after it at once; a Soviet one is taken.
 * Losses count in the war's casualties, prisoners and exhaustion (this file
 * is part of the campaign's writer: campaign.c calls it); the island forces
 * are not in the pools, so movement does not take them. */
#include "model/landings.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/campaign.h"
#include "model/combat.h"
#include "model/control.h"

#define SRC_ISL "model: war-islands (docs/model.md#war-islands)"

static bool own(const hk_world *w, int r, int side) { return hk_control_side(w, r) == side; }
static const char *side_name(int side) { return side == HK_SIDE_JPN ? "Japanese" : "Soviet"; }
static int side_actor(const hk_world *w, int side) { return side == HK_SIDE_JPN ? w->s->jpn : w->s->sov; }
static bool island(const hk_world *w, int r) { return w->s->regions[r].terrain == HK_TERRAIN_ISLAND; }

static const char *region_label(const hk_world *w, int r)
{
    const hk_region *g = &w->s->regions[r];
    return g->name ? g->name : g->id;
}

/* The island force recorded for region r this month: the region's last
 * record dated in or before it (the records of a region come in date
 * order), NULL when none. */
static const hk_island_force *record_of(const hk_world *w, int r)
{
    const hk_island_force *best = NULL;
    for (int i = 0; i < w->s->n_islands; i++) {
        const hk_island_force *x = &w->s->islands[i];
        if (x->region == r && hk_date_month(x->date) <= w->month)
            best = x;
    }
    return best;
}

double hk_landings_force(const hk_world *w, int r)
{
    return w->isl.side[r] >= 0 ? w->isl.men[r] : 0;
}

void hk_landings_begin(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    memset(is, 0, sizeof *is);
    for (int r = 0; r < HK_MAX_REGIONS; r++)
        is->side[r] = is->bh_side[r] = is->holdout_side[r] = is->bh_from[r] = is->sail_to[r] = -1;
    for (int r = 0; r < s->n_regions; r++) {
        const hk_island_force *x = record_of(w, r);
        if (!x || !(x->men > 0))
            continue;
        int side = hk_world_side(w, x->actor);
        /* a force stands on its own side's ground */
        if (side < 0 || side > 1 || !own(w, r, side))
            continue;
        is->men[r] = x->men;
        is->tanks[r] = x->tanks;
        is->guns[r] = x->guns;
        is->aircraft[r] = x->aircraft;
        is->quality[r] = x->quality > 0 ? x->quality : 1.0;
        is->side[r] = (int8_t)side;
    }
}

/* Japan's surrender has been announced this month, as of today. */
static bool announced(const hk_world *w)
{
    return w->camp.surrender_day > 0 && w->today > w->camp.surrender_day;
}

/* The Japanese army's practice of no surrender (001:145) binds a garrison
 * until its government's surrender is announced. */
static bool to_the_last(const hk_world *w, int side)
{
    return side == HK_SIDE_JPN && !w->japan_surrendered && !announced(w);
}

/* Whether side a receives Japan's surrender in a zone holding region o. */
static bool receives(const hk_world *w, int a, int o)
{
    const hk_scenario *s = w->s;
    for (int z = 0; z < s->n_zones; z++)
        if (hk_world_side(w, s->zones[z].to) == a && o < 64 && ((s->zones[z].regions >> o) & 1))
            return true;
    return false;
}

/* Days a landing from q needs before it is off o: its preparation, from
 * the war's opening or the day the force came to q, and the crossing. */
static int ready_day(const hk_world *w, int q, double km)
{
    double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
    return w->isl.since[q] + (int)P(w, LANDING_PREP_DAYS) + (int)ceil(km / pace - 1e-9);
}

/* An operation against region o: from q over a land link, or landing over
 * a sea link (landing); `rear`: a landing is ready behind a land attack. */
typedef struct op {
    int o, q, a;
    bool landing, beach, rear;
    double km;
} op;

/* How side a can attack region o this step (war day `now`): over land
 * from a force next to it, from a beachhead on it, or by a landing from a
 * force over the sea that is ready. False when it cannot. */
static bool approach(const hk_world *w, int a, int o, int now, op *out)
{
    const hk_scenario *s = w->s;
    const hk_island_state *is = &w->isl;
    memset(out, 0, sizeof *out);
    out->o = o;
    out->a = a;
    out->q = -1;
    double sea_km = INFINITY;
    int sea_q = -1;
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        int q = k->from == o ? k->to : k->to == o ? k->from : -1;
        if (q < 0 || !own(w, q, a) || is->side[q] != a || !(is->men[q] >= 100))
            continue;
        if (k->kind != HK_LINK_SEA) {
            if (out->q < 0 || out->landing || k->km < out->km) {
                out->q = q;
                out->km = k->km;
                out->landing = false;
            }
        } else if (now >= ready_day(w, q, k->km) && k->km < sea_km) {
            sea_km = k->km;
            sea_q = q;
        }
    }
    if (is->bh_side[o] == a && is->bh_men[o] >= 100) {
        out->beach = true;
        out->landing = true;
        out->q = is->bh_from[o];
        out->km = 0;
        for (int l = 0; l < s->n_links && out->q >= 0; l++) {
            const hk_link *k = &s->links[l];
            if ((k->from == o && k->to == out->q) || (k->to == o && k->from == out->q))
                out->km = k->km;
        }
        return true;
    }
    if (out->q >= 0) {
        out->rear = sea_q >= 0;
        return true;
    }
    if (sea_q >= 0) {
        out->q = sea_q;
        out->km = sea_km;
        out->landing = true;
        return true;
    }
    return false;
}

/* The attacking force of an operation, whole. */
static hk_combat_side attacker_of(const hk_world *w, const op *p)
{
    const hk_island_state *is = &w->isl;
    hk_combat_side x = {0};
    if (p->beach) {
        x.men = is->bh_men[p->o];
        x.tanks = is->bh_tanks[p->o];
        x.guns = is->bh_guns[p->o];
        x.quality = is->bh_quality[p->o];
    } else {
        x.men = is->men[p->q];
        x.tanks = is->tanks[p->q];
        x.guns = is->guns[p->q];
        x.aircraft = is->aircraft[p->q];
        x.quality = is->quality[p->q];
    }
    /* a force over the sea lives on what the shipping brings over the link;
     * one over land on the road from its depots to the border, which lies
     * midway between the two regions' towns (as on the fronts) */
    x.supply_km = p->landing ? p->km : 0.5 * p->km;
    x.nation = p->a == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
    return x;
}

/* The garrison defending region o where it is attacked: in the works it built before the
 * war (the Koton fortified region on the 50th parallel, the pillboxes and
 * tunnels of Shumshu: pwencycl_karafuto, wiki_91st_division), or in
 * positions prepared since when it came there in the war. */
static hk_combat_side defender_of(const hk_world *w, int o)
{
    const hk_island_state *is = &w->isl;
    int d = is->side[o];
    /* only the part stationed where the blow falls meets it: the rest of
     * an island garrison holds its other coasts and islands against
     * landings there (landing.garrison_share) */
    double k = P(w, LANDING_GARRISON_SHARE) > 0 ? fmin(1.0, P(w, LANDING_GARRISON_SHARE)) : 1.0;
    hk_combat_side x = {.men = k * is->men[o], .tanks = k * is->tanks[o], .guns = k * is->guns[o],
                        .aircraft = is->aircraft[o], .quality = is->quality[o], .supply_km = 0};
    x.posture = is->since[o] == 0 ? HK_POSTURE_FORTIFIED : HK_POSTURE_PREPARED;
    x.nation = d == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
    x.no_surrender = to_the_last(w, d);
    return x;
}

/* Whether side a attacks with the odds `ratio` (combat power over the
 * defence's): as a front does, and, once Japan's surrender is announced,
 * the power receiving it to occupy its zone. */
static bool attacks(const hk_world *w, int a, int o, double ratio)
{
    if (announced(w))
        return a != HK_SIDE_JPN && receives(w, a, o);
    if (ratio >= P(w, WAR_ATTACK_RATIO))
        return true;
    bool opening = a == w->war_opener && w->month - w->war_on < (int)P(w, WAR_OPENING_MONTHS);
    return opening && ratio >= P(w, WAR_OPENING_RATIO);
}

/* What a side loses on the island fronts: the war's casualties and its
 * exhaustion, as campaign.c counts a front's; not movement's pools. */
static void account(hk_world *w, int side, double men, double prisoners)
{
    w->isl.cas[side] += men;
    w->isl.prisoners[side] += prisoners;
    w->camp.prisoners[side] += prisoners;
    w->war_losses[side] += men;
    double armies = w->jpn_men + w->sov_men;
    w->exhaustion += armies > 0 ? P(w, WAR_EXHAUSTION_WEIGHT) * men / armies : 0;
}

/* One operation's battle over the step's `days` days, fought in stages as
 * the forces come into it (battle.echelons): a landing's men come ashore a
 * lift at a time, its guns and tanks landing.heavy_days after the first;
 * the defence's men come up from over the island. */
static void fight(hk_world *w, hk_rng *rng, const op *p, int days)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    int a = p->a, d = 1 - a, o = p->o;
    hk_combat_side A = attacker_of(w, p), D = defender_of(w, o);
    A.envelop = p->rear;
    if (a == w->war_opener && w->war_on == w->month && is->day == 0)
        A.surprise = (int)P(w, WAR_SURPRISE_LEVEL);
    double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
    int round = p->landing ? 2 * (int)ceil(p->km / pace - 1e-9) : 0;
    if (round < 1)
        round = 1;
    double lift = P(w, LANDING_LIFT_MEN) > 0 ? P(w, LANDING_LIFT_MEN) : A.men;
    int n = (int)lround(P(w, BATTLE_ECHELONS));
    if (n < 1)
        n = 1;
    if (n > days)
        n = days;
    hk_combat_result res;
    memset(&res, 0, sizeof res);
    res.winner = HK_COMBAT_DRAW;
    double first_men = 0;
    for (int k = 0; k < n; k++) {
        int from = (int)lround((double)k * days / n), to = (int)lround((double)(k + 1) * days / n);
        double ka = (double)(k + 1) / n, heavy = 1;
        if (p->landing && !p->beach) {
            /* the lifts ashore by this stage, and the heavy weapons after
             * landing.heavy_days */
            double lifts = 1 + floor((double)from / round);
            ka = A.men > 0 ? fmin(1.0, lift * lifts / A.men) : 1.0;
            heavy = from >= (int)P(w, LANDING_HEAVY_DAYS) ? 1 : 0;
        }
        hk_combat_side x[2] = {A, D};
        x[0].men = fmax(0, ka * A.men - res.loss[0].men);
        x[0].tanks = fmax(0, heavy * ka * A.tanks - res.loss[0].tanks);
        x[0].guns = fmax(0, heavy * ka * A.guns - res.loss[0].guns);
        x[0].aircraft = fmax(0, A.aircraft - res.loss[0].aircraft);
        double kd = (double)(k + 1) / n;
        x[1].men = fmax(0, kd * D.men - res.loss[1].men);
        x[1].tanks = fmax(0, kd * D.tanks - res.loss[1].tanks);
        x[1].guns = fmax(0, kd * D.guns - res.loss[1].guns);
        x[1].aircraft = fmax(0, D.aircraft - res.loss[1].aircraft);
        if (k == 0)
            first_men = x[0].men;
        if (k > 0 && (x[0].men < 1 || x[1].men < 1))
            break;
        if (k > 0)
            x[0].surprise = 0;
        hk_combat_result st;
        hk_combat_resolve(&w->combat, &x[0], &x[1], s->regions[o].terrain, to - from > 0 ? to - from : 1, rng, &st);
        hk_combat_add_stage(&res, &st, from, k == 0);
        /* an attack over land is called off when it is beaten; a landing
         * has no way back off the beach and fights on as its lifts and
         * guns come ashore (Shumshu, 18-19 August 1945) */
        if (!(p->landing && !p->beach) && (st.winner == HK_COMBAT_DEFENDER || st.broke_off[0]))
            break;
        if (x[1].men - st.loss[1].men < 100)
            break; /* nobody left to hold */
    }
    /* the point attacked is lost when its defenders are beaten or gone */
    bool broken = res.winner == HK_COMBAT_ATTACKER || D.men - res.casualties[1] < 100;
    double cas_a = fmin(res.casualties[0], A.men), cas_d = fmin(res.casualties[1], D.men);
    /* the losses, from the force each side fought with */
    if (p->beach) {
        double k = is->bh_men[o] > 0 ? fmax(0, 1 - cas_a / is->bh_men[o]) : 0;
        is->bh_men[o] -= cas_a;
        is->bh_tanks[o] = fmax(0, is->bh_tanks[o] - res.loss[0].tanks);
        is->bh_guns[o] = fmax(0, is->bh_guns[o] - res.loss[0].guns);
        (void)k;
    } else {
        is->men[p->q] -= cas_a;
        is->tanks[p->q] = fmax(0, is->tanks[p->q] - res.loss[0].tanks);
        is->guns[p->q] = fmax(0, is->guns[p->q] - res.loss[0].guns);
        is->aircraft[p->q] = fmax(0, is->aircraft[p->q] - res.loss[0].aircraft);
    }
    is->men[o] -= cas_d;
    is->tanks[o] = fmax(0, is->tanks[o] - res.loss[1].tanks);
    is->guns[o] = fmax(0, is->guns[o] - res.loss[1].guns);
    is->aircraft[o] = fmax(0, is->aircraft[o] - res.loss[1].aircraft);
    account(w, a, cas_a, fmin(res.prisoners[0], cas_a));
    account(w, d, cas_d, fmin(res.prisoners[1], cas_d));
    is->ops++;
    w->battles_month++;
    bool won = broken || is->men[o] < 100;
    double com[2], cas[2];
    com[a] = p->landing && !p->beach ? fmax(first_men, fmin(A.men, lift)) : A.men;
    com[d] = D.men;
    cas[a] = cas_a;
    cas[d] = cas_d;
    hk_world_event_facts(w, -1, com, cas, won ? a : res.winner == HK_COMBAT_DEFENDER ? d : -1, res.days);
    if (hk_world_logging(w)) {
        char how[200];
        if (p->beach)
            snprintf(how, sizeof how, "from its beachhead on %s", region_label(w, o));
        else if (p->landing)
            snprintf(how, sizeof how,
                     "landing from %s, %.0f km over the sea: its first lift of %.0f men ashore with small arms, its "
                     "guns %d day%s after",
                     region_label(w, p->q), p->km, fmin(A.men, lift), (int)P(w, LANDING_HEAVY_DAYS),
                     (int)P(w, LANDING_HEAVY_DAYS) == 1 ? "" : "s");
        else
            snprintf(how, sizeof how, "over the land border from %s%s", region_label(w, p->q),
                     p->rear ? ", with a landing on the coast behind the defence" : "");
        const char *works = D.posture == HK_POSTURE_FORTIFIED ? "in its fortified zone" : "in prepared positions";
        if (won)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the island front the %s side (%.0f men, %.0f tanks) attacks %s %s and takes it after %d "
                     "day%s from its %s garrison (%.0f men %s); casualties %.0f against the defender's %.0f.",
                     side_name(a), A.men, A.tanks, region_label(w, o), how, res.days, res.days == 1 ? "" : "s",
                     side_name(d), D.men, works, cas_a, cas_d);
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "On the island front the %s side (%.0f men, %.0f tanks) attacks %s %s for %d day%s and is held "
                     "by its %s garrison (%.0f men %s); casualties %.0f against the defender's %.0f%s.",
                     side_name(a), A.men, A.tanks, region_label(w, o), how, res.days, res.days == 1 ? "" : "s",
                     side_name(d), D.men, works, cas_a, cas_d,
                     p->landing ? "; the landing force holds its beachhead" : "");
    }
    hk_world_emit2(w, "front", s->regions[o].id, side_actor(w, a), side_actor(w, d), w->scratch, SRC_ISL);
    if (!won) {
        if (p->landing && !p->beach) {
            /* held on the beach: the landing force stays ashore, its heavy
             * weapons landed, and fights on from its beachhead */
            is->bh_men[o] = is->men[p->q];
            is->bh_tanks[o] = is->tanks[p->q];
            is->bh_guns[o] = is->guns[p->q];
            is->bh_quality[o] = is->quality[p->q];
            is->bh_side[o] = (int8_t)a;
            is->bh_from[o] = (int8_t)p->q;
            is->men[p->q] = is->tanks[p->q] = is->guns[p->q] = is->aircraft[p->q] = 0;
        }
        if (p->beach && is->bh_men[o] < 100) {
            is->bh_men[o] = 0;
            is->bh_side[o] = -1; /* the beachhead is gone */
        }
        return;
    }
    /* the region passes; the attacker's force moves into it */
    double left = fmax(0, is->men[o]);
    hk_control_set(w, o, side_actor(w, a));
    if (o < 64)
        is->taken[a] |= (uint64_t)1 << o;
    double men, tanks, guns, aircraft = 0, qual;
    if (p->beach) {
        men = is->bh_men[o];
        tanks = is->bh_tanks[o];
        guns = is->bh_guns[o];
        qual = is->bh_quality[o];
        is->bh_men[o] = is->bh_tanks[o] = is->bh_guns[o] = 0;
        is->bh_side[o] = -1;
    } else {
        men = is->men[p->q];
        tanks = is->tanks[p->q];
        guns = is->guns[p->q];
        aircraft = is->aircraft[p->q];
        qual = is->quality[p->q];
        is->men[p->q] = is->tanks[p->q] = is->guns[p->q] = is->aircraft[p->q] = 0;
    }
    /* the beaten garrison: a Japanese one bound to hold out withdraws into
     * the island's interior and holds out there until its surrender; any
     * other lays down its arms */
    if (left >= 1) {
        if (to_the_last(w, d)) {
            is->holdout[o] += left;
            is->holdout_side[o] = (int8_t)d;
        } else {
            account(w, d, left, left);
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "The rest of the %s garrison of %s, %.0f men, lays down its arms to the %s side.",
                         side_name(d), region_label(w, o), left, side_name(a));
            hk_world_emit2(w, "occupation", s->regions[o].id, side_actor(w, a), side_actor(w, d), w->scratch,
                           SRC_ISL);
        }
    }
    is->men[o] = men;
    is->tanks[o] = tanks;
    is->guns[o] = guns;
    is->aircraft[o] = aircraft;
    is->quality[o] = qual;
    is->side[o] = (int8_t)a;
    is->since[o] = (int16_t)(is->day + res.days);
}

/* Whether region g, held by side a, lies next to ground of the other side
 * on an island that a fights for (over any link). */
static bool faces(const hk_world *w, int a, int g)
{
    const hk_scenario *s = w->s;
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        int o = k->from == g ? k->to : k->to == g ? k->from : -1;
        if (o >= 0 && island(w, o) && hk_control_side(w, o) == 1 - a && hk_campaign_in_aims(w, a, o))
            return true;
    }
    return false;
}

/* The opener's forces with no enemy island in reach go to one from which
 * they can strike: over a sea lane of their own side to an island it holds
 * next to the enemy's ground, sailing after landing.prep_days and the
 * crossing, and join the force there (a war plan's troops for an island
 * front gathered from the home islands: Hokkaido's 7th Division for
 * northern Sakhalin, wiki_7th_division). Arrivals join on their day. */
static void sail(hk_world *w, int now)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    for (int q = 0; q < s->n_regions && q < 64; q++) {
        int g = is->sail_to[q];
        if (g >= 0 && now >= is->sail_day[q]) {
            int a = is->side[q];
            is->sail_to[q] = -1;
            if (a < 0 || !own(w, g, a) || !(is->men[q] > 0))
                continue;
            double m = is->men[g] > 0 && is->side[g] == a ? is->men[g] : 0;
            is->quality[g] = (m * (m > 0 ? is->quality[g] : 0) + is->men[q] * is->quality[q]) / (m + is->men[q]);
            is->men[g] = m + is->men[q];
            is->tanks[g] = (m > 0 ? is->tanks[g] : 0) + is->tanks[q];
            is->guns[g] = (m > 0 ? is->guns[g] : 0) + is->guns[q];
            is->aircraft[g] = (m > 0 ? is->aircraft[g] : 0) + is->aircraft[q];
            if (!(m > 0))
                is->since[g] = (int16_t)now;
            is->side[g] = (int8_t)a;
            is->men[q] = is->tanks[q] = is->guns[q] = is->aircraft[q] = 0;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "On the island front %.0f %s men come over the sea from %s to %s, %.0f men there now.",
                         is->men[g] - m, side_name(a), region_label(w, q), region_label(w, g), is->men[g]);
            hk_world_emit2(w, "front", s->regions[g].id, side_actor(w, a), side_actor(w, 1 - a), w->scratch, SRC_ISL);
            continue;
        }
        int a = is->side[q];
        bool opening = a == w->war_opener && w->month - w->war_on < (int)P(w, WAR_OPENING_MONTHS);
        if (g >= 0 || a < 0 || !opening || !(is->men[q] >= 100) || !own(w, q, a) || faces(w, a, q))
            continue;
        int best = -1;
        double km = INFINITY;
        for (int l = 0; l < s->n_links; l++) {
            const hk_link *k = &s->links[l];
            int v = k->from == q ? k->to : k->to == q ? k->from : -1;
            if (v >= 0 && k->kind == HK_LINK_SEA && island(w, v) && own(w, v, a) && faces(w, a, v) && k->km < km) {
                km = k->km;
                best = v;
            }
        }
        if (best < 0)
            continue;
        is->sail_to[q] = (int8_t)best;
        is->sail_day[q] = (int16_t)ready_day(w, q, km);
    }
}

void hk_landings_step(hk_world *w)
{
    if (!w->war || w->mode != HK_MODE_SIMULATE)
        return;
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    const hk_campaign_state *c = &w->camp;
    int step = (int)P(w, WAR_STEP_DAYS);
    if (step < 1)
        step = 1;
    /* the island garrisons, cut off from their armies, fight until the
     * order to lay down arms reaches them: war.ceasefire_days and
     * war.garrison_order_days after the surrender is announced (Shumshu's
     * garrison fought from 18 to 23 August 1945, 001:285) */
    int last = 30;
    if (c->surrender_day > 0)
        last = c->surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS);
    if (last > 30)
        last = 30;
    int first = w->war_on == w->month && c->start_day > 1 ? c->start_day - 1 : 0;
    if (first > last)
        first = last;
    hk_rng r = hk_world_stream(w, HK_STREAM_LANDINGS);
    int today = w->today;
    for (int day = first; day < last; day += step) {
        int days = day + step <= last ? step : last - day;
        w->today = day + 1;
        sail(w, is->day);
        uint64_t used = 0; /* the forces that have fought this step */
        for (int o = 0; o < s->n_regions && o < 64; o++) {
            if (!island(w, o) || is->side[o] < 0 || !own(w, o, is->side[o]))
                continue;
            int a = 1 - is->side[o];
            op p;
            if (!hk_campaign_in_aims(w, a, o) || !approach(w, a, o, is->day, &p))
                continue;
            if (!p.beach && p.q >= 0 && ((used >> p.q) & 1))
                continue;
            hk_combat_side A = attacker_of(w, &p), D = defender_of(w, o);
            double pd = hk_combat_power(&w->combat, &D, 1, s->regions[o].terrain);
            double ratio = pd > 0 ? hk_combat_power(&w->combat, &A, 0, s->regions[o].terrain) / pd : 1e9;
            if (!attacks(w, a, o, ratio))
                continue;
            if (p.q >= 0 && p.q < 64)
                used |= (uint64_t)1 << p.q;
            if (!(is->men[o] >= 100)) {
                /* nobody holds it: the force walks in or comes ashore */
                int q = p.beach ? -1 : p.q;
                is->men[o] = q >= 0 ? is->men[q] : is->bh_men[o];
                is->tanks[o] = q >= 0 ? is->tanks[q] : is->bh_tanks[o];
                is->guns[o] = q >= 0 ? is->guns[q] : is->bh_guns[o];
                is->aircraft[o] = q >= 0 ? is->aircraft[q] : 0;
                is->quality[o] = q >= 0 ? is->quality[q] : is->bh_quality[o];
                is->side[o] = (int8_t)a;
                is->since[o] = (int16_t)is->day;
                if (q >= 0)
                    is->men[q] = is->tanks[q] = is->guns[q] = is->aircraft[q] = 0;
                is->bh_men[o] = 0;
                is->bh_side[o] = -1;
                hk_control_set(w, o, side_actor(w, a));
                if (o < 64)
                    is->taken[a] |= (uint64_t)1 << o;
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch, "On the island front the %s side occupies %s, undefended.",
                             side_name(a), region_label(w, o));
                hk_world_emit2(w, "front", s->regions[o].id, side_actor(w, a), side_actor(w, 1 - a), w->scratch,
                               SRC_ISL);
                continue;
            }
            fight(w, &r, &p, days);
        }
        is->day += days;
    }
    /* the days of the month after the garrisons stop still count for the
     * preparation of what follows */
    if (last < 30 && c->surrender_day > 0)
        is->day += 30 - (last > first ? last : first);
    w->today = today;
}

void hk_landings_surrender(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    double pris = 0;
    int n = 0;
    for (int r = 0; r < s->n_regions; r++) {
        double men = 0;
        if (is->side[r] == HK_SIDE_JPN && !own(w, r, HK_SIDE_JPN) && is->men[r] >= 1) {
            men += is->men[r];
            is->men[r] = is->tanks[r] = is->guns[r] = is->aircraft[r] = 0;
            is->side[r] = -1;
        }
        if (is->holdout_side[r] == HK_SIDE_JPN && is->holdout[r] >= 1) {
            men += is->holdout[r];
            is->holdout[r] = 0;
            is->holdout_side[r] = -1;
        }
        if (men >= 1) {
            pris += men;
            n++;
        }
    }
    if (!(pris >= 1))
        return;
    account(w, HK_SIDE_JPN, pris, pris);
    /* told on the day the order reaches the island garrisons */
    int day = w->today, told = w->camp.surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS);
    if (w->camp.surrender_day > 0)
        w->today = told > 30 ? 30 : told;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "Japan's island garrisons on the ground the Soviet side now holds lay down their arms: %.0f men in %d "
                 "region%s go into captivity.",
                 pris, n, n == 1 ? "" : "s");
    hk_world_emit2(w, "occupation", "island_garrisons", s->sov, s->jpn, w->scratch,
                   "general_order_no1; 001_fd9a28d61a246780.txt:285");
    w->today = day;
}
