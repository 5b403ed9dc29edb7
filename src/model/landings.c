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
 *   from) and has crossed (landing.sea_km_day): one lift of the shipping
 *   gathered at its base (forces.yaml `lift`: 8,821 men in Petropavlovsk's 64
 *   ships and craft for Shumshu, some 1,400 from Sovetskaya Gavan for Toro,
 *   1,847 for Wonsan) comes ashore first, the rest one lift each round trip,
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

#include "core/mathx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/campaign.h"
#include "model/combat.h"
#include "model/control.h"
#include "model/war_toll.h"
#include "world/compiled.h"

#define SRC_ISL "model: war-islands (docs/model.md#war-islands)"

static void occupy(hk_world *w, int from);
static void stand(hk_world *w, int r, const hk_island_force *x);

static bool own(const hk_world *w, int r, int side) { return hk_control_side(w, r) == side; }
static bool island(const hk_world *w, int r) { return w->s->regions[r].terrain == HK_TERRAIN_ISLAND; }

/* A port of a surrender zone on the mainland coast taken by landings, as
 * an island is, and left to them by the fronts: one the map's land links do
 * not reach (Najin, Wonsan), and one off the border sectors that a sea
 * lane joins to such a port, should a railway reach it (the columns may
 * then take it first in the war). */
static bool coast(const hk_world *w, int r) { return r >= 0 && r < 64 && ((w->isl.coasts >> r) & 1); }

/* (zones: the regions of the surrender zones, bit r) */
static bool sea_only_port(const hk_world *w, int r, uint64_t zones)
{
    const hk_scenario *s = w->s;
    const hk_compiled *cc = w->c;
    if (r >= 64 || !((zones >> r) & 1) || island(w, r) || cc->adj_at[r] == cc->adj_at[r + 1])
        return false;
    for (int i = cc->adj_at[r]; i < cc->adj_at[r + 1]; i++)
        if (s->links[cc->adj[i]].kind != HK_LINK_SEA)
            return false;
    return true;
}

/* (worked out once, when a war opens: hk_landings_begin) */
static bool coast_of_map(const hk_world *w, int r, uint64_t zones)
{
    const hk_scenario *s = w->s;
    const hk_compiled *cc = w->c;
    if (r >= 64 || !((zones >> r) & 1) || island(w, r))
        return false;
    if (sea_only_port(w, r, zones))
        return true;
    if (s->regions[r].sector >= 0)
        return false;
    for (int i = cc->adj_at[r]; i < cc->adj_at[r + 1]; i++)
        if (s->links[cc->adj[i]].kind == HK_LINK_SEA && sea_only_port(w, cc->adj_to[i], zones))
            return true;
    return false;
}

/* Whether region r is fought for and occupied by landings: an island or
 * such a port. */
static bool target(const hk_world *w, int r) { return island(w, r) || coast(w, r); }

/* Whether ships sail sea lane k this month: not in its months of ice
 * (links.yaml ice_from-ice_to: the Tatar Strait's ports close in the
 * depth of winter, Shakhtyorsk's navigation running from March through
 * December, portnews_shakhtyorsk). Other links always. */
static bool lane_open(const hk_world *w, const hk_link *k)
{
    if (k->kind != HK_LINK_SEA || k->ice_from <= 0)
        return true;
    int m = hk_month_mon(w->month);
    bool in = k->ice_from <= k->ice_to ? m >= k->ice_from && m <= k->ice_to : m >= k->ice_from || m <= k->ice_to;
    return !in;
}

/* A region's slot in the island state (world.h), HK_ISL_SLOTS for none. */
#define SL(r) (is->slot[(r)])
#define SLW(r) (w->isl.slot[(r)])

double hk_landings_force(const hk_world *w, int r)
{
    return w->isl.side[SLW(r)] >= 0 ? w->isl.men[SLW(r)] : 0;
}

void hk_landings_begin(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    memset(is, 0, sizeof *is);
    /* the slots: the island regions and the regions island forces are
     * recorded on */
    int n = 0;
    /* (each region's last record dated in or before this month: the
     * records of a region come in date order) */
    int8_t rec[HK_MAX_REGIONS];
    memset(rec, -1, sizeof rec);
    memset(is->slot, HK_ISL_SLOTS, sizeof is->slot);
    for (int i = 0; i < s->n_islands && i < INT8_MAX; i++) {
        int r = s->islands[i].region;
        if (r >= 0 && r < s->n_regions && r < HK_MAX_REGIONS && hk_date_month(s->islands[i].date) <= w->month)
            rec[r] = (int8_t)i;
        if (r >= 0 && r < s->n_regions && r < HK_MAX_REGIONS)
            is->slot[r] = 0; /* (marked: it has a slot, numbered below) */
    }
    uint64_t zones = 0;
    for (int z = 0; z < s->n_zones; z++)
        zones |= s->zones[z].regions;
    for (uint64_t m = zones; m; m &= m - 1)
        if (__builtin_ctzll(m) < s->n_regions && coast_of_map(w, __builtin_ctzll(m), zones))
            is->coasts |= (uint64_t)1 << __builtin_ctzll(m);
    for (int r = 0; r < s->n_regions && r < HK_MAX_REGIONS; r++) {
        bool isle = target(w, r);
        is->slot[r] = (int8_t)((isle || is->slot[r] == 0) && n < HK_ISL_SLOTS ? n++ : HK_ISL_SLOTS);
        if (isle && r < 64)
            is->isles |= (uint64_t)1 << r;
        if (is->slot[r] < HK_ISL_SLOTS && r < 64)
            is->slotted |= (uint64_t)1 << r;
    }
    for (int k = 0; k <= HK_ISL_SLOTS; k++) {
        is->side[k] = is->bh_side[k] = is->holdout_side[k] = is->bh_from[k] = is->sail_to[k] = -1;
        is->adv_side[k] = -1;
    }
    is->order_day[0] = is->order_day[1] = -1;
    is->answer_day[0] = is->answer_day[1] = -1;
    is->ann_day = -1;
    for (int r = 0; r < s->n_regions && r < HK_MAX_REGIONS; r++)
        if (rec[r] >= 0)
            stand(w, r, &s->islands[rec[r]]);
}

/* The forces recorded for a month of the war that has come since it
 * opened take their regions' places as the records have them (a war
 * opened in July 1945 finds the garrisons and forces of August's order of
 * battle there in August), where the side holds the region and its force
 * there is not fighting or on its way. Nothing to do in a month with no
 * record (the check is one pass over the records). */
static void records_come(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    for (int i = 0; i < s->n_islands; i++) {
        const hk_island_force *x = &s->islands[i];
        int r = x->region;
        if (hk_date_month(x->date) != w->month || w->war_on == w->month || r < 0 || r >= s->n_regions ||
            is->slot[r] >= HK_ISL_SLOTS)
            continue;
        int side = hk_world_side(w, x->actor);
        if (side < 0 || side > 1 || (is->side[SL(r)] >= 0 && is->side[SL(r)] != side) || is->busy[SL(r)] > is->day ||
            is->sail_to[SL(r)] >= 0)
            continue;
        stand(w, r, x);
    }
}

/* The force recorded x stands on region r, if it is its side's ground:
 * the force there as recorded, on its station (since the war opened). */
static void stand(hk_world *w, int r, const hk_island_force *x)
{
    hk_island_state *is = &w->isl;
    int side = hk_world_side(w, x->actor);
    if (!(x->men > 0) || side < 0 || side > 1 || !own(w, r, side))
        return;
    is->men[SL(r)] = x->men;
    is->tanks[SL(r)] = x->tanks;
    is->guns[SL(r)] = x->guns;
    is->aircraft[SL(r)] = x->aircraft;
    is->quality[SL(r)] = x->quality > 0 ? x->quality : 1.0;
    is->side[SL(r)] = (int8_t)side;
    is->works[SL(r)] = x->works;
    is->lift[SL(r)] = x->lift;
    is->since[SL(r)] = 0;
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

/* The war day side a's operations on the island fronts are ordered on,
 * -1 not yet. They are no part of a war plan's opening blow (the Soviet
 * orders of 28 June 1945 set the goals of the three fronts in Manchuria
 * and Korea and none on the islands, 001:197): the theatre command orders
 * them once its fronts are seen to be going to plan, and the order reaches
 * the forces landing.order_days after the war opened (the 16th Army was
 * ordered into southern Sakhalin on the night of 10 August 1945, once
 * Vasilevsky saw the Manchurian offensive going to plan, and attacked on
 * the 11th, hasegawa2005). Once Japan's surrender is announced the power
 * receiving it orders the islands of its zone occupied that day (the
 * Kamchatka force was ordered to the northern Kurils on 15 August 1945,
 * mod_kurils1945). */
static int order_of(const hk_world *w, int a)
{
    if (announced(w) && w->isl.ann_day >= 0)
        return w->isl.ann_day;
    return w->isl.order_day[a];
}

/* Whether side a's fronts have taken ground the other side held when the
 * war opened: its war is going to plan. */
static bool took_ground(const hk_world *w, int a)
{
    for (int r = 0; r < w->s->n_regions; r++)
        if (!island(w, r) && w->camp.front_of[r] >= 0 && own(w, r, a) &&
            hk_world_side(w, w->camp.control_at_start[r]) == 1 - a)
            return true;
    return false;
}

/* Whether side a opened the war on a plan that names island landings
 * (landing.plan_jpn, landing.plan_sov): it orders them with the plan, not
 * once its fronts have gone to plan. The Kantokuen plan of 1941 provided
 * for landings on northern Sakhalin and Kamchatka (gse_kantokuen); the
 * Soviet orders of June 1945 named no island (001:197). */
static bool plans_islands(const hk_world *w, int a)
{
    if (a != w->war_opener)
        return false;
    return (a == HK_SIDE_JPN ? P(w, LANDING_PLAN_JPN) : P(w, LANDING_PLAN_SOV)) >= 0.5;
}

/* The war day a landing from q over `km` of sea, ordered on war day
 * `order`, is off its beach: its shipping gathered and loaded
 * landing.prep_days after its order or the day the force came to q,
 * whichever is later, and the crossing. INT16_MAX before any order. */
static int ready_from(const hk_world *w, int order, int q, double km);

/* The war day side a's operation against region o is ordered on: a
 * landing on the mainland coast (coast) belongs to the plan of the fronts
 * whose flank it is, ordered with the war by the side that opens it (the
 * Pacific Fleet's landings at Unggi and Najin, 11-12 August 1945, in the
 * first days of the Soviet offensive on the coastal axis,
 * tihookeanskiy_flot); the islands wait for order_of. */
static int order_to(const hk_world *w, int a, int o)
{
    if (coast(w, o) && a == w->war_opener && !announced(w))
        return 0;
    int order = order_of(w, a);
    /* the recovery of island ground the side held when the war opened is
     * its answer to the attack on its islands (answer_day), whichever order
     * comes first */
    int ans = w->isl.answer_day[a];
    if (ans >= 0 && !announced(w) && hk_world_side(w, w->camp.control_at_start[o]) == a && (order < 0 || ans < order))
        return ans;
    return order;
}

/* (ready_from: above) */
static int ready_from(const hk_world *w, int order, int q, double km)
{
    if (order < 0)
        return INT16_MAX;
    double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
    int from = w->isl.since[SLW(q)] > order ? w->isl.since[SLW(q)] : order;
    return from + (int)P(w, LANDING_PREP_DAYS) + (int)ceil(km / pace - 1e-9);
}

/* An operation against region o: from q over a land link, or landing over
 * a sea link (landing); `rear`: another force of the attacker lands, or
 * has landed, behind the line a land attack falls on, and fights in it:
 * from region rq over the sea, or (rq == o) from its beachhead there. */
typedef struct op {
    int o, q, a;
    bool landing, beach, rear;
    double km;
    int wait; /* days into the step before a landing is off its beach */
    int rq;   /* the region the rear landing's force comes from, o for a beachhead, -1 none */
} op;

/* How side a can attack region o in the step of `days` days from war day
 * `now`: over land from a force next to it, from a beachhead on it, or by
 * a landing from a force over the sea that is off the beach within the
 * step (`wait` days into it). False when it cannot. */
static bool approach(const hk_world *w, int a, int o, int now, int days, op *out)
{
    const hk_scenario *s = w->s;
    const hk_island_state *is = &w->isl;
    memset(out, 0, sizeof *out);
    out->o = o;
    out->a = a;
    out->q = -1;
    out->rq = -1;
    double sea_km = INFINITY;
    int sea_q = -1, sea_wait = 0;
    const hk_compiled *cc = w->c;
    for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++) {
        const hk_link *k = &s->links[cc->adj[i]];
        int q = cc->adj_to[i];
        if (is->side[SL(q)] != a || !(is->men[SL(q)] >= 100) || !own(w, q, a))
            continue;
        if (k->kind != HK_LINK_SEA) {
            if (out->q < 0 || out->landing || k->km < out->km) {
                out->q = q;
                out->km = k->km;
                out->landing = false;
            }
        } else if (!(is->lift[SL(q)] >= 100) || !lane_open(w, k)) {
            /* no shipping at q: its force cannot land (a base's lift is its
             * record's, and sails on with the force it lands) */
        } else if (is->holdout[SL(q)] >= 1) {
            /* no shipping sails from an island whose garrison still holds
             * out in it (the 88th Division's rest fought on in the south of
             * Sakhalin to the 25th, wiki_south_sakhalin) */
        } else if (coast(w, o) && (target(w, q) || hk_world_side(w, w->camp.control_at_start[q]) != a)) {
            /* a landing on the mainland coast is the flank of its side's
             * fronts: it sails from their ground, the ports its side held
             * when the war opened, not on from one it took (the Pacific
             * Fleet's landings went no further down the Korean coast than
             * the fronts' reach, Seishin, until the surrender,
             * tihookeanskiy_flot; wiki_wonsan_landing) */
        } else if (ready_from(w, order_to(w, a, o), q, k->km) < now + days && k->km < sea_km) {
            int ready = ready_from(w, order_to(w, a, o), q, k->km);
            sea_km = k->km;
            sea_q = q;
            sea_wait = ready > now ? ready - now : 0;
        }
    }
    bool beach = is->bh_side[SL(o)] == a && is->bh_men[SL(o)] >= 100;
    if (out->q >= 0) {
        /* an attack over land waits for its order (an occupation goes at
         * once); a force of its side that lands behind the line the same
         * day, or holds a beachhead there, fights with it: a second force,
         * not the one attacking over land (the 113th Rifle Brigade from
         * Sovetskaya Gavan at Toro, 16 August 1945, behind the Koton line
         * the 79th Rifle Division attacked, tihookeanskiy_flot) */
        int order = announced(w) ? now : w->isl.order_day[a];
        if (order >= 0 && order < now + days) {
            out->wait = order > now ? order - now : 0;
            int rq = -1, rwait = INT16_MAX;
            double rkm = INFINITY;
            for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++) {
                const hk_link *k = &s->links[cc->adj[i]];
                int q = cc->adj_to[i];
                if (k->kind != HK_LINK_SEA || q == out->q || is->side[SL(q)] != a || !(is->men[SL(q)] >= 100) ||
                    !own(w, q, a) || is->holdout[SL(q)] >= 1 || !(is->lift[SL(q)] >= 100) || !lane_open(w, k))
                    continue;
                /* (the landing is part of the operation the attack over
                 * land belongs to, ordered with it: the surrender's
                 * announcement does not order it again) */
                int ord = w->isl.order_day[a] >= 0 && w->isl.order_day[a] < order ? w->isl.order_day[a] : order;
                int ready = ready_from(w, ord, q, k->km);
                if (ready < now + days && k->km < rkm)
                    rkm = k->km, rq = q, rwait = ready > now ? ready - now : 0;
            }
            if (beach)
                out->rear = true, out->rq = o;
            else if (rq >= 0 && rwait <= out->wait)
                out->rear = true, out->rq = rq;
            return true;
        }
        if (!beach)
            return false;
        out->q = -1;
    }
    if (beach) {
        out->beach = true;
        out->landing = true;
        out->q = is->bh_from[SL(o)];
        out->km = 0;
        for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1] && out->q >= 0; i++)
            if (cc->adj_to[i] == out->q)
                out->km = s->links[cc->adj[i]].km;
        return true;
    }
    if (sea_q >= 0) {
        out->q = sea_q;
        out->km = sea_km;
        out->landing = true;
        out->wait = sea_wait;
        return true;
    }
    return false;
}

/* The force of an operation's rear landing (op.rq): the beachhead's, or
 * the first lift (landing.lift_men) of the force over the sea, its guns in
 * proportion and its tanks still afloat. Zero when it has none. */
static void rear_of(const hk_world *w, const op *p, double *men, double *guns, double *quality)
{
    const hk_island_state *is = &w->isl;
    *men = *guns = 0;
    *quality = 1;
    if (!p->rear || p->rq < 0)
        return;
    if (p->rq == p->o) {
        *men = is->bh_men[SL(p->o)];
        *guns = is->bh_guns[SL(p->o)];
        *quality = is->bh_quality[SL(p->o)];
        return;
    }
    double lift = is->lift[SL(p->rq)];
    double k = is->men[SL(p->rq)] > lift ? lift / is->men[SL(p->rq)] : 1.0;
    *men = k * is->men[SL(p->rq)];
    *guns = k * is->guns[SL(p->rq)];
    *quality = is->quality[SL(p->rq)];
}

/* The attacking force of an operation, whole: with a land attack, the
 * force landed behind the line it falls on (rear_of). */
static hk_combat_side attacker_of(const hk_world *w, const op *p)
{
    const hk_island_state *is = &w->isl;
    hk_combat_side x = {0};
    if (p->beach) {
        x.men = is->bh_men[SL(p->o)];
        x.tanks = is->bh_tanks[SL(p->o)];
        x.guns = is->bh_guns[SL(p->o)];
        x.quality = is->bh_quality[SL(p->o)];
    } else {
        x.men = is->men[SL(p->q)];
        x.tanks = is->tanks[SL(p->q)];
        x.guns = is->guns[SL(p->q)];
        x.aircraft = is->aircraft[SL(p->q)];
        x.quality = is->quality[SL(p->q)];
    }
    /* a force over land lives on the road from its depots to the border,
     * which lies midway between the two regions' towns (as on the
     * fronts); a landing on what its ships bring to the beach, its port */
    x.supply_km = p->landing ? 0 : 0.5 * p->km;
    x.nation = p->a == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
    double rm, rg, rqual;
    rear_of(w, p, &rm, &rg, &rqual);
    if (rm > 0) {
        x.quality = (x.quality * x.men + rqual * rm) / (x.men + rm);
        x.men += rm;
        x.guns += rg;
    }
    return x;
}

/* The men one lift of the shipping of landing p carries: its base's (q),
 * the whole force from a beachhead or over land. */
static double lift_of(const hk_world *w, const op *p, double men)
{
    return p->landing && !p->beach && p->q >= 0 ? w->isl.lift[SLW(p->q)] : men;
}

/* The first lift of landing p's force A: the men its shipping carries, its
 * guns in proportion and no tanks. */
static hk_combat_side first_lift(const hk_world *w, const op *p, const hk_combat_side *A)
{
    hk_combat_side x = *A;
    double lift = lift_of(w, p, A->men);
    double k = A->men > lift ? lift / A->men : 1.0;
    x.men *= k;
    x.guns *= k;
    x.tanks = 0;
    return x;
}

/* The garrison defending region o where it is attacked: in the works it
 * built before the war where its record has them (the Koton fortified
 * region on the 50th parallel, the pillboxes of Shumshu:
 * pwencycl_karafuto, wiki_91st_division), else, or when it came there in
 * the war, in prepared positions. */
static hk_combat_side defender_of(const hk_world *w, int o)
{
    const hk_island_state *is = &w->isl;
    int d = is->side[SL(o)];
    /* only the part stationed where the blow falls meets it: the rest of
     * an island garrison holds its other coasts and islands against
     * landings there (landing.garrison_share) */
    double k = P(w, LANDING_GARRISON_SHARE) > 0 ? hk_fmin(1.0, P(w, LANDING_GARRISON_SHARE)) : 1.0;
    hk_combat_side x = {.men = k * is->men[SL(o)], .tanks = k * is->tanks[SL(o)], .guns = k * is->guns[SL(o)],
                        .aircraft = is->aircraft[SL(o)], .quality = is->quality[SL(o)], .supply_km = 0};
    x.posture = is->since[SL(o)] == 0 && is->works[SL(o)] ? HK_POSTURE_FORTIFIED : HK_POSTURE_PREPARED;
    x.nation = d == HK_SIDE_JPN ? HK_NATION_JPN : HK_NATION_RUS;
    x.no_surrender = to_the_last(w, d);
    /* the rest of the island and its garrison lie behind the point
     * attacked: its defenders give ground as a line does (the 88th
     * Division fell back from Koton down the Poronai valley) */
    x.way_back = 1;
    return x;
}

/* A key for the odds of A against D: a hash of both sides whole, word by
 * word (hk_combat_side is 8-byte words with no padding), never 0. */
_Static_assert(sizeof(hk_combat_side) % 8 == 0, "side_key reads hk_combat_side as 8-byte words");
static uint64_t side_key(const hk_combat_side *A, const hk_combat_side *D)
{
    uint64_t h = 14695981039346656037ULL, v[2 * sizeof *A / 8];
    memcpy(v, A, sizeof *A);
    memcpy((char *)v + sizeof *A, D, sizeof *D);
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
        h = (h ^ v[k]) * 1099511628211ULL + (h >> 29);
    return h ? h : 1;
}

/* Whether side a attacks with the odds `ratio` (combat power over the
 * defence's): as a front does, and, once Japan's surrender is announced,
 * the power receiving it to occupy its zone (but from a beachhead). */
static bool attacks(const hk_world *w, int a, int o, double ratio, bool beach)
{
    /* (a landing that has been held digs in on its beach and attacks from
     * it again only with war.attack_ratio: neither the occupation nor the
     * opening offensive throws it away) */
    if (announced(w) && !beach)
        return a != HK_SIDE_JPN && receives(w, a, o);
    if (announced(w) && a == HK_SIDE_JPN)
        return false;
    if (ratio >= P(w, WAR_ATTACK_RATIO))
        return true;
    if (beach)
        return false;
    bool opening = a == w->war_opener && w->month - w->war_on < (int)P(w, WAR_OPENING_MONTHS);
    return opening && ratio >= P(w, WAR_OPENING_RATIO);
}

/* What a side loses on the island fronts: the war's casualties and its
 * exhaustion, as a front's count (hk_war_toll); not movement's pools. */
static void account(hk_world *w, int side, double men, double prisoners)
{
    w->isl.cas[side] += men;
    w->isl.prisoners[side] += prisoners;
    w->camp.prisoners[side] += prisoners;
    hk_war_toll(w, side, men);
}

/* The two sides of stage k (of n, from day `from`) of an operation's
 * battle (fight), each as much of its whole force as has come into it less
 * what the stages before cost it (hk_combat_echelon): the attacker's
 * echelons over land, or a landing's lifts (one each `round` days) with its
 * tanks only after landing.heavy_days; the defence's men coming up over the
 * stages. Aircraft fly from their fields: all are there from the first. */
static void stage_sides(const hk_world *w, const op *p, const hk_combat_side *A, const hk_combat_side *D,
                        const hk_combat_result *res, int k, int n, int from, int round, hk_combat_side x[2])
{
    double ka = p->landing ? 1.0 : (double)(k + 1) / n;
    hk_combat_side a = *A;
    if (p->landing && !p->beach) {
        /* the lifts ashore by this stage, and the heavy weapons after
         * landing.heavy_days; its own guns come ashore with its tanks, but
         * the ships' guns and the batteries across the strait fire for the
         * first lift in their place (the shelling of Shumshu from Cape
         * Lopatka, wiki_shumshu) */
        double lift = lift_of(w, p, A->men);
        double lifts = 1 + floor((double)from / round);
        ka = A->men > 0 ? hk_fmin(1.0, lift * lifts / A->men) : 1.0;
        if (from < (int)P(w, LANDING_HEAVY_DAYS))
            a.tanks = 0;
    }
    x[0] = hk_combat_echelon(&a, ka, &res->loss[0]);
    x[0].aircraft = hk_fmax(0, A->aircraft - res->loss[0].aircraft);
    /* the defence comes up over the stages: a surprised garrison only
     * gathers on the beach through the first day (Shumshu, 18 August 1945,
     * wiki_91st_division) */
    double kd = p->beach ? 1.0 : (double)(k + 1) / n;
    x[1] = hk_combat_echelon(D, kd, &res->loss[1]);
    x[1].aircraft = hk_fmax(0, D->aircraft - res->loss[1].aircraft);
}

/* One operation's battle over the step's `days` days, fought in stages as
 * the forces come into it (battle.echelons): a landing's men come ashore a
 * lift at a time, its guns and tanks landing.heavy_days after the first;
 * the defence's men come up from over the island. */
static int fight(hk_world *w, hk_rng *rng, const op *p, int days)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    int a = p->a, d = 1 - a, o = p->o;
    hk_combat_side A = attacker_of(w, p), D = defender_of(w, o);
    double whole = is->men[SL(o)]; /* the garrison of the region, of which D stands where the blow falls */
    /* the side whose island is attacked orders its answer at sea, the
     * reinforcement of its islands and the recovery of what it loses, as
     * its island operations are ordered (landing.order_days) */
    if (is->answer_day[d] < 0)
        is->answer_day[d] = (int16_t)(is->day + (int)P(w, LANDING_ORDER_DAYS));
    A.envelop = p->rear;
    if (a == w->war_opener && w->war_on == w->month && is->day == 0)
        A.surprise = (int)P(w, WAR_SURPRISE_LEVEL);
    double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
    int round = p->landing ? 2 * (int)ceil(p->km / pace - 1e-9) : 0;
    if (round < 1)
        round = 1;
    double lift = lift_of(w, p, A.men);
    /* the stages: an attack over land comes in battle.echelons as its
     * forces come up (as a front's); a landing fights its first stage, to
     * landing.heavy_days, with the first lift's small arms and the rest with
     * the lifts landed and their guns; an attack from a beachhead, all its
     * forces ashore, in battle.echelons stages, called off when beaten */
    int cut = (int)P(w, LANDING_HEAVY_DAYS) > 1 ? (int)P(w, LANDING_HEAVY_DAYS) : 1;
    int n = p->landing && !p->beach ? (days > cut ? 2 : 1) : hk_round_int(P(w, BATTLE_ECHELONS));
    if (n < 1)
        n = 1;
    if (n > days)
        n = days;
    hk_combat_result res;
    memset(&res, 0, sizeof res);
    res.winner = HK_COMBAT_DRAW;
    /* a garrison whose government has announced its surrender is neither
     * routed nor pursued when its line breaks: the men a rout or a pursuit
     * would cost it lay down their arms (below, with the rest of it), and
     * its battle losses are what the fighting cost it (Shumshu's garrison,
     * from 18 August 1945, 001:285, gave up on its orders, wiki_shumshu). Each
     * stage is fought as well without the rout and the pursuit, on the
     * same draws, to tell the two apart. */
    bool yields = d == HK_SIDE_JPN && announced(w) && !D.no_surrender;
    hk_combat_params cp = w->combat;
    cp.pursuit = cp.exploit = cp.collapse_share = 0;
    double gave_up = 0;
    bool again = false; /* a landing held on its first day attacks again */
    for (int k = 0; k < n; k++) {
        int from, to;
        hk_combat_stage_days(k, n, days, &from, &to);
        if (p->landing && !p->beach)
            from = k == 0 ? 0 : cut, to = k == 0 && n == 2 ? cut : days;
        hk_combat_side x[2];
        stage_sides(w, p, &A, &D, &res, k, n, from, round, x);
        if (k > 0 && (x[0].men < 1 || x[1].men < 1))
            break;
        if (k > 0)
            x[0].surprise = 0;
        /* a landing picks its beach and its hour: its first lift comes
         * ashore in the dark, by surprise (Shumshu, at 04:22 on 18 August
         * 1945 in fog, found the garrison unready, wiki_91st_division) */
        if (p->landing && !p->beach && k == 0) {
            x[0].surprise = x[0].surprise > 1 ? x[0].surprise : 1;
            x[0].night = 1;
        }
        hk_combat_result st;
        int span = to - from > 0 ? to - from : 1;
        if (yields) {
            hk_rng same = *rng;
            hk_combat_resolve(&w->combat, &x[0], &x[1], s->regions[o].terrain, span, rng, &st);
            /* (a defence that holds is neither routed nor pursued: only a
             * stage the attacker wins is fought again without them) */
            if (st.winner == HK_COMBAT_ATTACKER) {
                hk_combat_result calm;
                hk_combat_resolve(&cp, &x[0], &x[1], s->regions[o].terrain, span, &same, &calm);
                gave_up += hk_fmax(0, hk_fmin(st.loss[1].men, x[1].men) - calm.loss[1].men);
            }
        } else {
            hk_combat_resolve(&w->combat, &x[0], &x[1], s->regions[o].terrain, span, rng, &st);
        }
        /* a stage costs a side no more than the men it had in it */
        for (int i = 0; i < 2; i++)
            if (st.casualties[i] > x[i].men) {
                double cut_to = x[i].men > 0 ? x[i].men / st.casualties[i] : 0;
                st.casualties[i] = x[i].men;
                st.prisoners[i] *= cut_to;
                st.loss[i].men = x[i].men;
            }
        hk_combat_add_stage(&res, &st, from, k == 0);
        /* an attack that is beaten is called off: over land it goes back to
         * its line, a landing digs in on its beach and holds it; but a
         * landing held on its first day, which cannot take its men off
         * again under fire, attacks again once its guns and tanks and its
         * next lifts are ashore if it then has war.opening_ratio of the
         * defence's power (on Shumshu the landing force, pinned on its
         * beach on 18 August 1945, took the heights above it on the 19th
         * and 20th with its artillery landed, wiki_shumshu) */
        if (st.winner == HK_COMBAT_DEFENDER || st.broke_off[0]) {
            if (!(p->landing && !p->beach && k == 0 && k + 1 < n))
                break;
            hk_combat_side y[2];
            int next = cut;
            stage_sides(w, p, &A, &D, &res, k + 1, n, next, round, y);
            double pd = hk_combat_power(&w->combat, &y[1], 1, s->regions[o].terrain);
            double pa = hk_combat_power(&w->combat, &y[0], 0, s->regions[o].terrain);
            if (!(y[1].men >= 1) || !(pd > 0 && pa >= P(w, WAR_OPENING_RATIO) * pd))
                break;
            again = true;
        }
        if (x[1].men - st.loss[1].men < 100)
            break; /* nobody left to hold */
    }
    /* the point attacked is lost when its defenders are beaten or gone */
    bool broken = res.winner == HK_COMBAT_ATTACKER || D.men - res.casualties[1] < 100;
    double cas_a = hk_fmin(res.casualties[0], A.men), cas_d = hk_fmin(res.casualties[1], D.men);
    /* those who gave up when the point fell stay with the garrison's rest
     * and lay down their arms with it below */
    gave_up = broken ? hk_fmin(gave_up, cas_d) : 0;
    cas_d -= gave_up;
    /* the losses, from the force each side fought with: a land attack's
     * and the force landed behind the line in proportion to their men */
    double r_men, r_guns, r_qual;
    rear_of(w, p, &r_men, &r_guns, &r_qual);
    double fr = r_men > 0 && A.men > 0 ? hk_fmin(1.0, r_men / A.men) : 0;
    double cas_r = fr * cas_a, guns_r = fr * res.loss[0].guns;
    if (fr > 0) {
        r_men = hk_fmax(0, r_men - cas_r);
        r_guns = hk_fmax(0, r_guns - guns_r);
        if (p->rq == o) {
            is->bh_men[SL(o)] = r_men;
            is->bh_guns[SL(o)] = r_guns;
        } else {
            /* (the rest of the force over the sea stays in its port) */
            is->men[SL(p->rq)] = hk_fmax(0, is->men[SL(p->rq)] - r_men - cas_r);
            is->guns[SL(p->rq)] = hk_fmax(0, is->guns[SL(p->rq)] - r_guns - guns_r);
        }
    }
    if (p->beach) {
        double k = is->bh_men[SL(o)] > 0 ? hk_fmax(0, 1 - cas_a / is->bh_men[SL(o)]) : 0;
        is->bh_men[SL(o)] -= cas_a;
        is->bh_tanks[SL(o)] = hk_fmax(0, is->bh_tanks[SL(o)] - res.loss[0].tanks);
        is->bh_guns[SL(o)] = hk_fmax(0, is->bh_guns[SL(o)] - res.loss[0].guns);
        (void)k;
    } else {
        is->men[SL(p->q)] -= cas_a - cas_r;
        is->tanks[SL(p->q)] = hk_fmax(0, is->tanks[SL(p->q)] - res.loss[0].tanks);
        is->guns[SL(p->q)] = hk_fmax(0, is->guns[SL(p->q)] - (res.loss[0].guns - guns_r));
        is->aircraft[SL(p->q)] = hk_fmax(0, is->aircraft[SL(p->q)] - res.loss[0].aircraft);
    }
    is->men[SL(o)] -= cas_d;
    is->tanks[SL(o)] = hk_fmax(0, is->tanks[SL(o)] - res.loss[1].tanks);
    is->guns[SL(o)] = hk_fmax(0, is->guns[SL(o)] - res.loss[1].guns);
    is->aircraft[SL(o)] = hk_fmax(0, is->aircraft[SL(o)] - res.loss[1].aircraft);
    account(w, a, cas_a, hk_fmin(res.prisoners[0], cas_a));
    account(w, d, cas_d, hk_fmin(res.prisoners[1], cas_d));
    is->ops++;
    w->battles_month++;
    bool won = broken || is->men[SL(o)] < 100;
    /* a line broken on a land border is not yet the region: the attacker's
     * columns go on from it to the region's town, half the link's km (the
     * border lies midway), and the region is theirs when they reach it
     * (advance): the Koton line on the 50th parallel fell on 18 August 1945,
     * Toyohara, some 300 km down the island, was occupied on the 25th
     * (wiki_south_sakhalin) */
    double march = won && !p->landing && !p->beach ? 0.5 * p->km : 0;
    /* (the force committed, its later lifts and echelons with it, as on the fronts) */
    hk_world_battle_facts(w, -1, a, A.men, D.men, cas_a, cas_d, won ? a : res.winner == HK_COMBAT_DEFENDER ? d : -1,
                          res.days);
    if (hk_world_logging(w)) {
        /* what the attacker did, and with what */
        char act[320], arms[64];
        int hd = (int)P(w, LANDING_HEAVY_DAYS);
        if (A.tanks >= 1)
            snprintf(arms, sizeof arms, "%.0f men and %.0f tanks", A.men, A.tanks);
        else
            snprintf(arms, sizeof arms, "%.0f men", A.men);
        if (p->beach)
            snprintf(act, sizeof act, "with %s, attacks from its beachhead on %s", arms, hk_world_region_label(w, o));
        else if (p->landing)
            snprintf(act, sizeof act,
                     "with %s, lands on %s from %s, %.0f km over the sea (its first lift of %.0f ashore with their "
                     "small arms, its guns %d day%s later),",
                     arms, hk_world_region_label(w, o), hk_world_region_label(w, p->q), p->km, hk_fmin(A.men, lift), hd,
                     hd == 1 ? "" : "s");
        else if (fr > 0 && p->rq == o)
            snprintf(act, sizeof act, "with %s, attacks %s over the land border from %s, its landing force on the "
                     "coast behind the defence's line fighting with it,", arms,
                     hk_world_region_label(w, o), hk_world_region_label(w, p->q));
        else if (fr > 0)
            snprintf(act, sizeof act, "with %s, attacks %s over the land border from %s, %.0f of them landing on the "
                     "coast behind the defence's line from %s,", arms, hk_world_region_label(w, o),
                     hk_world_region_label(w, p->q), fr * A.men, hk_world_region_label(w, p->rq));
        else
            snprintf(act, sizeof act, "with %s, attacks %s over the land border from %s", arms,
                     hk_world_region_label(w, o), hk_world_region_label(w, p->q));
        const char *works = D.posture == HK_POSTURE_FORTIFIED ? "in its fortified works" : "in prepared positions";
        /* the part of the garrison where the blow falls, of how many */
        char gar[48];
        if (whole >= D.men + 1)
            snprintf(gar, sizeof gar, "%.0f of the %.0f men", D.men, whole);
        else
            snprintf(gar, sizeof gar, "%.0f men", D.men);
        /* a landing held on its first day that attacks again (above) */
        char twice[88] = "";
        if (again)
            snprintf(twice, sizeof twice, " is held on the beach on its first day and attacks again once its guns are ashore,");
        if (won && march > 0) {
            int k = snprintf(w->scratch, sizeof w->scratch,
                             "On the %s the %s side, %s%s and breaks through after %d day%s the line the %s of the "
                             "%s garrison there hold, %s; casualties %.0f against the defender's %.0f.",
                             "island front", hk_side_adjective(a), act, twice, res.days, res.days == 1 ? "" : "s", gar,
                             hk_side_adjective(d), works, cas_a, cas_d);
            if (k > 0 && (size_t)k < sizeof w->scratch)
                snprintf(w->scratch + k, sizeof w->scratch - (size_t)k, " Its columns go on, %.0f km, to the town.",
                         march);
        } else if (won)
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s the %s side, %s%s and takes it after %d day%s from the %s of the %s "
                     "garrison there, %s; casualties %.0f against the defender's %.0f.",
                     coast(w, o) ? "coast" : "island front", hk_side_adjective(a), act, twice, res.days, res.days == 1 ? "" : "s", gar, hk_side_adjective(d), works,
                     cas_a, cas_d);
        else
            snprintf(w->scratch, sizeof w->scratch,
                     "On the %s the %s side, %s%s and is held after %d day%s by the %s of the %s "
                     "garrison there, %s; casualties %.0f against the defender's %.0f%s.",
                     coast(w, o) ? "coast" : "island front", hk_side_adjective(a), act, twice, res.days, res.days == 1 ? "" : "s", gar, hk_side_adjective(d), works,
                     cas_a, cas_d, p->landing ? "; the landing force holds its beachhead" : "");
    }
    hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d), w->scratch,
                   SRC_ISL);
    if (!won) {
        if (p->landing && !p->beach) {
            /* held on the beach: the landing force stays ashore, its heavy
             * weapons landed, and fights on from its beachhead */
            is->bh_men[SL(o)] = is->men[SL(p->q)];
            is->bh_tanks[SL(o)] = is->tanks[SL(p->q)];
            is->bh_guns[SL(o)] = is->guns[SL(p->q)];
            is->bh_quality[SL(o)] = is->quality[SL(p->q)];
            is->bh_side[SL(o)] = (int8_t)a;
            is->bh_from[SL(o)] = (int8_t)p->q;
            is->men[SL(p->q)] = is->tanks[SL(p->q)] = is->guns[SL(p->q)] = is->aircraft[SL(p->q)] = 0;
        }
        if (fr > 0 && p->rq != o && r_men >= 1) {
            /* the force landed behind the line holds its beachhead there */
            double m = is->bh_side[SL(o)] == a ? is->bh_men[SL(o)] : 0;
            is->bh_quality[SL(o)] = (m * (m > 0 ? is->bh_quality[SL(o)] : 0) + r_men * r_qual) / (m + r_men);
            is->bh_men[SL(o)] = m + r_men;
            is->bh_guns[SL(o)] = (m > 0 ? is->bh_guns[SL(o)] : 0) + r_guns;
            is->bh_tanks[SL(o)] = m > 0 ? is->bh_tanks[SL(o)] : 0;
            is->bh_side[SL(o)] = (int8_t)a;
            is->bh_from[SL(o)] = (int8_t)p->rq;
        }
        if ((p->beach || p->rq == o) && is->bh_men[SL(o)] < 100) {
            is->bh_men[SL(o)] = 0;
            is->bh_side[SL(o)] = -1; /* the beachhead is gone */
        }
        return res.days;
    }
    /* the region passes, or, beyond a line broken on a land border, will
     * pass when the columns reach its town (advance); the attacker's force
     * moves into it */
    double left = hk_fmax(0, is->men[SL(o)]);
    if (march > 0) {
        is->adv_side[SL(o)] = (int8_t)a;
        is->adv_km[SL(o)] = march;
        is->adv_day[SL(o)] = (int16_t)(is->day + p->wait + res.days);
    } else {
        hk_control_set(w, o, hk_world_side_actor(w, a));
        if (o < 64)
            is->taken[a] |= (uint64_t)1 << o;
    }
    double men, tanks, guns, aircraft = 0, qual;
    /* the shipping that landed the force goes on with it, once the force
     * it served has left its base */
    double ships = 0;
    if (p->landing) {
        int b = p->beach ? is->bh_from[SL(o)] : p->q;
        if (b >= 0 && (!p->beach || !(is->men[SL(b)] >= 100))) {
            ships = is->lift[SL(b)];
            is->lift[SL(b)] = 0;
        }
    }
    if (p->beach) {
        men = is->bh_men[SL(o)];
        tanks = is->bh_tanks[SL(o)];
        guns = is->bh_guns[SL(o)];
        qual = is->bh_quality[SL(o)];
        is->bh_men[SL(o)] = is->bh_tanks[SL(o)] = is->bh_guns[SL(o)] = 0;
        is->bh_side[SL(o)] = -1;
    } else {
        men = is->men[SL(p->q)];
        tanks = is->tanks[SL(p->q)];
        guns = is->guns[SL(p->q)];
        aircraft = is->aircraft[SL(p->q)];
        qual = is->quality[SL(p->q)];
        is->men[SL(p->q)] = is->tanks[SL(p->q)] = is->guns[SL(p->q)] = is->aircraft[SL(p->q)] = 0;
    }
    /* the beaten garrison: a Japanese one bound to hold out withdraws into
     * the island's interior and holds out there until its surrender; any
     * other lays down its arms */
    if (left >= 1) {
        if (to_the_last(w, d)) {
            is->holdout[SL(o)] += left;
            is->holdout_side[SL(o)] = (int8_t)d;
        } else {
            account(w, d, left, left);
            /* it lays down its arms when the fight ends, res.days after the
             * landing (Shumshu: landed on 18 August 1945, its garrison
             * surrendered on the 23rd, wiki_shumshu), not on the landing day */
            int landed = w->today;
            w->today = landed + res.days < 30 ? landed + res.days : 30;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "The rest of the %s garrison of %s, %.0f men, lays down its arms to the %s side.",
                         hk_side_adjective(d), hk_world_region_label(w, o), left, hk_side_adjective(a));
            hk_world_emit2(w, "occupation", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, d),
                           w->scratch, SRC_ISL);
            w->today = landed;
        }
    }
    /* the force landed behind the line joins the one that came over land;
     * the rest of the force over the sea follows it in the next lifts, with
     * its shipping (the 113th Rifle Brigade landed at Toro on 16 August 1945
     * and at Maoka on the 20th, and went on to Otomari, from where the
     * North Pacific Flotilla's ships carried the southern Kurils'
     * detachments, tihookeanskiy_flot; hasegawa2005) */
    if (fr > 0 && r_men > 0) {
        /* (the base it sailed from: the beachhead's, for one landed in an
         * earlier step) */
        int rb = p->rq == o ? is->bh_from[SL(o)] : p->rq;
        if (rb >= 0 && rb != o && is->side[SL(rb)] == a && is->lift[SL(rb)] >= 100) {
            r_men += is->men[SL(rb)];
            r_guns += is->guns[SL(rb)];
            ships = hk_fmax(ships, is->lift[SL(rb)]);
            is->men[SL(rb)] = is->guns[SL(rb)] = is->tanks[SL(rb)] = is->lift[SL(rb)] = 0;
        }
        qual = (qual * men + r_qual * r_men) / (men + r_men);
        men += r_men;
        guns += r_guns;
        if (p->rq == o) {
            is->bh_men[SL(o)] = is->bh_guns[SL(o)] = is->bh_tanks[SL(o)] = 0;
            is->bh_side[SL(o)] = -1;
        }
    }
    is->lift[SL(o)] = ships;
    is->men[SL(o)] = men;
    is->tanks[SL(o)] = tanks;
    is->guns[SL(o)] = guns;
    is->aircraft[SL(o)] = aircraft;
    is->quality[SL(o)] = qual;
    is->side[SL(o)] = (int8_t)a;
    is->since[SL(o)] = (int16_t)(is->day + res.days);
    return res.days;
}

/* Whether side a's columns are marching on region r's town from a line
 * they broke (advance): its ships may bring more men to them there (the
 * Maoka landing of 20 August 1945, tihookeanskiy_flot). */
static bool marching_on(const hk_world *w, int r, int a)
{
    return w->isl.adv_side[SLW(r)] == a && w->isl.side[SLW(r)] == a;
}

/* Whether region g, held by side a, lies next to ground of the other side
 * on an island that a fights for (over any link). */
static bool faces(const hk_world *w, int a, int g)
{
    const hk_compiled *cc = w->c;
    for (int i = cc->adj_at[g]; i < cc->adj_at[g + 1]; i++) {
        int o = cc->adj_to[i];
        if (target(w, o) && hk_control_side(w, o) == 1 - a && hk_campaign_in_aims(w, a, o) && !marching_on(w, o, a))
            return true;
    }
    return false;
}

/* Whether side a's island v lies next to ground of the other side with a
 * force on it, in reach of that side's aims: an attack may fall on it. */
static bool threatened(const hk_world *w, int a, int v)
{
    const hk_compiled *cc = w->c;
    if (!hk_campaign_in_aims(w, 1 - a, v))
        return false;
    for (int i = cc->adj_at[v]; i < cc->adj_at[v + 1]; i++) {
        int q = cc->adj_to[i];
        if (own(w, q, 1 - a) && w->isl.side[SLW(q)] == 1 - a && w->isl.men[SLW(q)] >= 100)
            return true;
    }
    return false;
}

/* The opener's forces with no enemy island in reach go to one from which
 * they can strike: over a sea lane of their own side to an island it holds
 * next to the enemy's ground, sailing after landing.prep_days and the
 * crossing, and join the force there (a war plan's troops for an island
 * front gathered from the home islands: Hokkaido's 7th Division for
 * northern Sakhalin, wiki_7th_division). The other side's answer, once its
 * islands are attacked (answer_day): a force with shipping at hand (its
 * lift) and no enemy island in reach sails to its island under threat,
 * one lift each round trip (the 2nd Rifle Brigade came to northern
 * Sakhalin by steamer in September 1942, kolyma_2nd_brigade). Only over
 * lanes free of ice. Arrivals join on their day. */
static void sail(hk_world *w, int now)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    for (uint64_t mm = is->slotted; mm; mm &= mm - 1) {
        int q = __builtin_ctzll(mm);
        if (is->side[SL(q)] < 0)
            continue;
        int g = is->sail_to[SL(q)];
        if (g >= 0 && now >= is->sail_day[SL(q)]) {
            int a = is->side[SL(q)];
            is->sail_to[SL(q)] = -1;
            /* (not into ground the other side's columns are marching over:
             * the force stays in its port) */
            if (a < 0 || !(own(w, g, a) || marching_on(w, g, a)) || !(is->men[SL(q)] > 0) ||
                is->side[SL(g)] == 1 - a)
                continue;
            double m = is->men[SL(g)] > 0 && is->side[SL(g)] == a ? is->men[SL(g)] : 0;
            is->quality[SL(g)] = (m * (m > 0 ? is->quality[SL(g)] : 0) + is->men[SL(q)] * is->quality[SL(q)]) / (m + is->men[SL(q)]);
            is->men[SL(g)] = m + is->men[SL(q)];
            is->tanks[SL(g)] = (m > 0 ? is->tanks[SL(g)] : 0) + is->tanks[SL(q)];
            is->guns[SL(g)] = (m > 0 ? is->guns[SL(g)] : 0) + is->guns[SL(q)];
            is->aircraft[SL(g)] = (m > 0 ? is->aircraft[SL(g)] : 0) + is->aircraft[SL(q)];
            if (!(m > 0))
                is->since[SL(g)] = (int16_t)now;
            is->side[SL(g)] = (int8_t)a;
            is->lift[SL(g)] = hk_fmax(m > 0 ? is->lift[SL(g)] : 0, is->lift[SL(q)]);
            is->men[SL(q)] = is->tanks[SL(q)] = is->guns[SL(q)] = is->aircraft[SL(q)] = is->lift[SL(q)] = 0;
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch,
                         "On the island front %.0f %s men come over the sea from %s to %s, %.0f men there now.",
                         is->men[SL(g)] - m, hk_side_adjective(a), hk_world_region_label(w, q),
                         hk_world_region_label(w, g), is->men[SL(g)]);
            hk_world_emit2(w, "front", s->regions[g].id, hk_world_side_actor(w, a), hk_world_side_actor(w, 1 - a),
                           w->scratch, SRC_ISL);
            continue;
        }
        int a = is->side[SL(q)];
        if (a < 0)
            continue;
        bool opening = a == w->war_opener && w->month - w->war_on < (int)P(w, WAR_OPENING_MONTHS);
        bool answer = !opening && a != w->war_opener && is->answer_day[a] >= 0 && !announced(w) &&
                      is->lift[SL(q)] >= 100;
        /* (a force that could strike an enemy island stays for it, once
         * its side's island operations are ordered) */
        if (g >= 0 || !(opening || answer) || !(is->men[SL(q)] >= 100) || !own(w, q, a) ||
            ((opening || is->order_day[a] >= 0) && faces(w, a, q)))
            continue;
        int best = -1;
        double km = INFINITY;
        for (int i = w->c->adj_at[q]; i < w->c->adj_at[q + 1]; i++) {
            const hk_link *k = &s->links[w->c->adj[i]];
            int v = w->c->adj_to[i];
            if (k->kind == HK_LINK_SEA && island(w, v) && (own(w, v, a) || marching_on(w, v, a)) &&
                is->side[SL(v)] != 1 - a && lane_open(w, k) &&
                (opening ? faces(w, a, v) : threatened(w, a, v)) && k->km < km) {
                km = k->km;
                best = v;
            }
        }
        int ready = best < 0 ? INT16_MAX : ready_from(w, opening ? order_of(w, a) : is->answer_day[a], q, km);
        if (ready == INT16_MAX)
            continue;
        if (is->lift[SL(q)] >= 100) {
            /* the last of its lifts, one each round trip (a war plan's
             * move with no lift recorded at its base has its shipping
             * gathered for the whole) */
            double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
            int lifts = (int)ceil(is->men[SL(q)] / is->lift[SL(q)] - 1e-9);
            ready += (lifts > 1 ? lifts - 1 : 0) * 2 * (int)ceil(km / pace - 1e-9);
        }
        is->sail_to[SL(q)] = (int8_t)best;
        is->sail_day[SL(q)] = (int16_t)(ready < INT16_MAX ? ready : INT16_MAX);
    }
}

/* The columns that broke a line on a land border march on to the region's
 * town, up to war day `upto`: at war.march_foot a day while the rest of the
 * garrison holds out in the island's interior (until the order to lay down
 * its arms reaches it: war.ceasefire_days and war.garrison_order_days after
 * the surrender's announcement), at war.march_mobile over a road no one
 * holds any longer; the region is theirs on the day they arrive. The 88th
 * Division fought back down the Poronai valley to its ceasefire of 22
 * August 1945, and Toyohara was occupied on the 25th, a week after the
 * Koton line fell (wiki_south_sakhalin; pwencycl_karafuto). Returns
 * whether columns are still on the march. */
static bool advance(hk_world *w, int upto)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    bool marching = false;
    double foot = P(w, WAR_MARCH_FOOT) > 0 ? P(w, WAR_MARCH_FOOT) : 1;
    double mobile = P(w, WAR_MARCH_MOBILE) > 0 ? P(w, WAR_MARCH_MOBILE) : 1;
    int told = is->ann_day >= 0 ? is->ann_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS)
                                : INT16_MAX;
    for (uint64_t m = is->slotted; m; m &= m - 1) {
        int o = __builtin_ctzll(m), a = is->adv_side[SL(o)];
        if (a < 0)
            continue;
        if (own(w, o, a) || is->side[SL(o)] != a) {
            is->adv_side[SL(o)] = -1; /* (the region has passed otherwise, or the force is gone) */
            continue;
        }
        int d = is->adv_day[SL(o)];
        double km = is->adv_km[SL(o)];
        for (; d < upto && km > 0; d++)
            km -= is->holdout_side[SL(o)] == 1 - a && is->holdout[SL(o)] >= 1 && d < told ? foot : mobile;
        is->adv_day[SL(o)] = (int16_t)d;
        is->adv_km[SL(o)] = km;
        if (km > 0) {
            marching = true;
            continue;
        }
        is->adv_side[SL(o)] = -1;
        /* (the force is at the town's port from its arrival: ships sail on
         * from there, occupy) */
        if (is->since[SL(o)] < d - 1)
            is->since[SL(o)] = (int16_t)(d - 1);
        /* (they arrive on the last day they marched, war day d - 1) */
        int today = w->today, at = d - is->mbase;
        w->today = at < 1 ? 1 : at > 30 ? 30 : at;
        hk_control_set(w, o, hk_world_side_actor(w, a));
        if (o < 64)
            is->taken[a] |= (uint64_t)1 << o;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "On the island front the %s side's columns, %.0f men, reach the town of %s down the road from "
                     "the line they broke, and the region is theirs.",
                     hk_side_adjective(a), is->men[SL(o)], hk_world_region_label(w, o));
        hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, 1 - a),
                       w->scratch, SRC_ISL "; wiki_south_sakhalin");
        w->today = today;
    }
    return marching;
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
     * order to lay down arms reaches them, war.ceasefire_days and
     * war.garrison_order_days after the surrender is announced, and lay
     * them down that day (Shumshu's garrison fought from 18 August 1945 and
     * gave up on the 23rd, 001:285) */
    int last = 30;
    if (c->surrender_day > 0)
        last = c->surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS) - 1;
    if (last > 30)
        last = 30;
    int first = w->war_on == w->month && c->start_day > 1 ? c->start_day - 1 : 0;
    if (first > last)
        first = last;
    records_come(w);
    hk_rng r = hk_world_stream(w, HK_STREAM_LANDINGS);
    int echelons = hk_round_int(P(w, BATTLE_ECHELONS));
    int today = w->today;
    /* the orders (order_of): a side's island operations once its fronts
     * have taken ground this month, landing.order_days into the war at the
     * soonest; and the day the surrender is announced, in war days */
    for (int a = 0; a < 2; a++)
        if (is->order_day[a] < 0 && (took_ground(w, a) || plans_islands(w, a))) {
            int d = (int)P(w, LANDING_ORDER_DAYS);
            is->order_day[a] = (int16_t)(d > is->day ? d : is->day);
        }
    if (c->surrender_day > 0 && is->ann_day < 0)
        is->ann_day = (int16_t)(is->day + (c->surrender_day - 1 - first));
    is->mbase = (int16_t)(is->day - first);
    is->mmonth = w->month;
    int cut = (int)P(w, LANDING_HEAVY_DAYS) > 1 ? (int)P(w, LANDING_HEAVY_DAYS) : 1;
    for (int day = first; day < last;) {
        int days = day + step <= last ? step : last - day;
        w->today = day + 1;
        sail(w, is->day);
        /* the announcement of the surrender, which orders the occupation
         * (order_of), ends a step on its day */
        if (c->surrender_day > 0 && day < c->surrender_day && day + days > c->surrender_day)
            days = c->surrender_day - day;
        uint64_t used = 0; /* the forces that have fought this step */
        for (uint64_t m = is->isles; m; m &= m - 1) {
            int o = __builtin_ctzll(m);
            /* (a port on the mainland coast with no garrison is its
             * holder's all the same, and open to a landing) */
            int held = is->side[SL(o)] >= 0 ? is->side[SL(o)] : coast(w, o) ? hk_control_side(w, o) : -1;
            if (held < 0 || held > 1 || !own(w, o, held))
                continue;
            int a = 1 - held;
            /* (once the surrender is announced a port on the mainland is
             * the occupation's, occupy: its garrison has its order with
             * the fronts) */
            if (coast(w, o) && announced(w))
                continue;
            op p;
            if (!hk_campaign_in_aims(w, a, o) || !approach(w, a, o, is->day, days, &p))
                continue;
            if (!p.beach && p.q >= 0 && ((used >> p.q) & 1))
                continue;
            /* an operation starts on its day within the step (its order,
             * its shipping off the beach) and runs war.step_days from it,
             * into the next step if need be, its forces engaged until it
             * ends (busy) */
            int at = is->day + p.wait;
            if (is->busy[SL(o)] > at || (!p.beach && p.q >= 0 && is->busy[SL(p.q)] > at))
                continue;
            /* (a force over the sea engaged elsewhere lands behind no line) */
            if (p.rear && p.rq != o && (((used >> p.rq) & 1) || is->busy[SL(p.rq)] > at))
                p.rear = false, p.rq = -1;
            /* an attack needs the days to bring its echelons or lifts up:
             * none is opened in the last few days before a ceasefire (as
             * on the fronts, campaign.c); a landing its first lift's day
             * and its heavy weapons' */
            int len = step < last - day - p.wait ? step : last - day - p.wait;
            if (len < (p.landing && !p.beach ? cut + 1 : echelons))
                continue;
            /* the state on the day a landing would be off its beach */
            w->today = day + 1 + p.wait;
            /* (after the surrender's announcement the odds decide nothing) */
            double ratio = 0;
            if (!announced(w) || p.beach) {
                hk_combat_side A = attacker_of(w, &p), D = defender_of(w, o);
                /* a landing is planned on what its first lift can do on the
                 * beach (its men, the ships' guns firing in its own guns'
                 * place, its tanks still afloat: fight) against all the
                 * garrison that can come to the beach while the lifts cross,
                 * the whole of the island region's (Paramushir's troops
                 * crossed the strait to Shumshu on 18-19 August 1945,
                 * wiki_91st_division) */
                if (p.landing && !p.beach) {
                    A = first_lift(w, &p, &A);
                    D.men = is->men[SL(o)];
                    D.tanks = is->tanks[SL(o)];
                    D.guns = is->guns[SL(o)];
                }
                /* (worked out again only when one of the two sides has changed
                 * in anything the odds depend on: its arms, quality, posture,
                 * haul, whether it may surrender) */
                uint64_t key = side_key(&A, &D);
                if (is->odds_key[SL(o)] != key) {
                    double pd = hk_combat_power(&w->combat, &D, 1, s->regions[o].terrain);
                    is->odds[SL(o)] = pd > 0 ? hk_combat_power(&w->combat, &A, 0, s->regions[o].terrain) / pd : 1e9;
                    is->odds_key[SL(o)] = key;
                }
                ratio = is->odds[SL(o)];
            }
            /* an occupation that must land against a garrison not yet told
             * to lay down its arms goes whatever the odds, but not with a
             * first lift smaller than the part of the garrison where it
             * lands (Shumshu's 8,821 against some 8,500, wiki_shumshu): a
             * smaller force waits in its port for the garrison's order */
            bool outnumbered = false;
            if (announced(w) && p.landing && !p.beach) {
                hk_combat_side A1 = attacker_of(w, &p), D1 = defender_of(w, o);
                outnumbered = first_lift(w, &p, &A1).men < D1.men;
            }
            if (outnumbered || !attacks(w, a, o, ratio, p.beach)) {
                w->today = day + 1;
                continue;
            }
            if (p.q >= 0 && p.q < 64)
                used |= (uint64_t)1 << p.q;
            if (p.rear && p.rq >= 0 && p.rq != o && p.rq < 64)
                used |= (uint64_t)1 << p.rq;
            if (!(is->men[SL(o)] >= 100)) {
                /* nobody holds it: the force walks in or comes ashore */
                int q = p.beach ? -1 : p.q;
                is->men[SL(o)] = q >= 0 ? is->men[SL(q)] : is->bh_men[SL(o)];
                is->tanks[SL(o)] = q >= 0 ? is->tanks[SL(q)] : is->bh_tanks[SL(o)];
                is->guns[SL(o)] = q >= 0 ? is->guns[SL(q)] : is->bh_guns[SL(o)];
                is->aircraft[SL(o)] = q >= 0 ? is->aircraft[SL(q)] : 0;
                is->quality[SL(o)] = q >= 0 ? is->quality[SL(q)] : is->bh_quality[SL(o)];
                is->side[SL(o)] = (int8_t)a;
                is->since[SL(o)] = (int16_t)is->day;
                /* (the shipping goes on with a force that lands, or comes
                 * on from the base of a beachhead's force) */
                int base = p.beach ? is->bh_from[SL(o)] : p.landing ? q : -1;
                is->lift[SL(o)] = base >= 0 && (!p.beach || !(is->men[SL(base)] >= 100)) ? is->lift[SL(base)] : 0;
                if (base >= 0 && is->lift[SL(o)] > 0)
                    is->lift[SL(base)] = 0;
                if (q >= 0)
                    is->men[SL(q)] = is->tanks[SL(q)] = is->guns[SL(q)] = is->aircraft[SL(q)] = 0;
                if (q >= 0 && is->bh_side[SL(o)] == a && is->bh_men[SL(o)] >= 1) {
                    /* (its own beachhead there joins it) */
                    double g = is->men[SL(o)], b = is->bh_men[SL(o)];
                    is->quality[SL(o)] = (g * is->quality[SL(o)] + b * is->bh_quality[SL(o)]) / (g + b);
                    is->men[SL(o)] = g + b;
                    is->guns[SL(o)] += is->bh_guns[SL(o)];
                    is->tanks[SL(o)] += is->bh_tanks[SL(o)];
                }
                is->bh_men[SL(o)] = is->bh_guns[SL(o)] = is->bh_tanks[SL(o)] = 0;
                is->bh_side[SL(o)] = -1;
                hk_control_set(w, o, hk_world_side_actor(w, a));
                if (o < 64)
                    is->taken[a] |= (uint64_t)1 << o;
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch, "On the %s the %s side occupies %s, undefended.",
                             coast(w, o) ? "coast" : "island front", hk_side_adjective(a), hk_world_region_label(w, o));
                hk_world_emit2(w, "front", s->regions[o].id, hk_world_side_actor(w, a), hk_world_side_actor(w, 1 - a),
                               w->scratch, SRC_ISL);
                w->today = day + 1;
                continue;
            }
            /* a landing off its beach within the step fights from that day */
            int q = p.beach ? -1 : p.q;
            int fought = fight(w, &r, &p, len);
            is->busy[SL(o)] = (int16_t)(at + fought);
            if (q >= 0)
                is->busy[SL(q)] = (int16_t)(at + fought);
            if (p.rear && p.rq >= 0 && p.rq != o)
                is->busy[SL(p.rq)] = (int16_t)(at + fought);
            w->today = day + 1;
        }
        advance(w, is->day + days);
        is->day += days;
        day += days;
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
        if (is->side[SL(r)] == HK_SIDE_JPN && !own(w, r, HK_SIDE_JPN) && is->men[SL(r)] >= 1) {
            men += is->men[SL(r)];
            is->men[SL(r)] = is->tanks[SL(r)] = is->guns[SL(r)] = is->aircraft[SL(r)] = 0;
            is->side[SL(r)] = -1;
        }
        if (is->holdout_side[SL(r)] == HK_SIDE_JPN && is->holdout[SL(r)] >= 1) {
            men += is->holdout[SL(r)];
            is->holdout[SL(r)] = 0;
            is->holdout_side[SL(r)] = -1;
        }
        if (men >= 1) {
            pris += men;
            n++;
        }
    }
    /* the islands of the zone still held by Japan are occupied from the
     * day the garrisons have their order, as the shipping reaches them */
    is->occupying = true;
    int told_day = w->camp.surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS) - 1;
    if (!(pris >= 1)) {
        occupy(w, told_day < 30 ? told_day : 29);
        return;
    }
    account(w, HK_SIDE_JPN, pris, pris);
    /* told on the day the order reaches the island garrisons */
    int day = w->today, told = w->camp.surrender_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS);
    if (w->camp.surrender_day > 0)
        w->today = told > 30 ? 30 : told;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "Japan's island garrisons beaten on their islands, holding out there, lay down their arms: %.0f men in %d "
                 "region%s go into captivity.",
                 pris, n, n == 1 ? "" : "s");
    hk_world_emit2(w, "occupation", "island_garrisons", s->sov, s->jpn, w->scratch,
                   "general_order_no1; 001_fd9a28d61a246780.txt:285");
    w->today = day;
    occupy(w, told_day < 30 ? told_day : 29);
}

/* ---- the occupation after the surrender ---------------------------------- */

bool hk_landings_occupies(const hk_world *w, int r)
{
    return w->mode == HK_MODE_SIMULATE && r >= 0 && r < w->s->n_regions && target(w, r);
}

/* The receiving power's forces occupy the islands of its zone still held by
 * Japan, from day index `from` of this month to its end: once the order to
 * lay down arms has reached the garrisons (war.ceasefire_days and
 * war.garrison_order_days after the announcement; Vasilevsky's order of 22
 * August 1945 to ship a division from Sakhalin to Kunashiri and Etorofu
 * followed the word that the Kurils' garrisons would capitulate,
 * vasilevsky_22aug1945), one island at a time, the soonest first: a force
 * next to it over a sea lane embarks a lift (its shipping's) landing.prep_days
 * after the order or its own arrival and crosses at landing.sea_km_day, and
 * that detachment goes on from there; one over land walks in; a landing
 * force on its beachhead takes the garrison's surrender at once. The
 * garrison lays down its arms (Etorofu on 28 August, Kunashiri and Shikotan
 * on 1 September, the Habomai islands on the 4th, 001:285). In the months
 * after the surrender the events name the occupier alone. */
static void occupy(hk_world *w, int from)
{
    const hk_scenario *s = w->s;
    hk_island_state *is = &w->isl;
    const hk_compiled *cc = w->c;
    if (is->ann_day < 0)
        return;
    int told = is->ann_day + (int)P(w, WAR_CEASEFIRE_DAYS) + (int)P(w, WAR_GARRISON_ORDER_DAYS);
    double pace = P(w, LANDING_SEA_KM_DAY) > 0 ? P(w, LANDING_SEA_KM_DAY) : 300;
    int end = is->mbase + 30; /* the war day after this month's last */
    bool at_war = w->war || w->war_on == w->month;
    /* (a region whose line is broken is its columns', advance) */
    bool marching = advance(w, end);
    for (int guard = 0; guard < HK_ISL_SLOTS; guard++) {
        int best = INT16_MAX, bo = -1, bq = -1, ba = -1;
        double bkm = 0;
        bool bsea = false;
        bool left = false;
        for (uint64_t m = is->isles; m; m &= m - 1) {
            int o = __builtin_ctzll(m);
            if (!own(w, o, HK_SIDE_JPN) || is->adv_side[SL(o)] >= 0)
                continue;
            for (int a = 0; a < 2; a++) {
                if (a == HK_SIDE_JPN || !receives(w, a, o))
                    continue;
                left = true;
                /* (the order reaches a port on the mainland with the
                 * fronts, war.ceasefire_days after the announcement) */
                int told_o = coast(w, o) ? is->ann_day + (int)P(w, WAR_CEASEFIRE_DAYS) : told;
                if (is->bh_side[SL(o)] == a && is->bh_men[SL(o)] >= 1 && told_o < best) {
                    best = told_o, bo = o, bq = -1, ba = a, bkm = 0, bsea = false;
                    continue;
                }
                for (int i = cc->adj_at[o]; i < cc->adj_at[o + 1]; i++) {
                    const hk_link *k = &s->links[cc->adj[i]];
                    int q = cc->adj_to[i];
                    if (is->side[SL(q)] != a || !(is->men[SL(q)] >= 100) || !own(w, q, a) ||
                        (k->kind == HK_LINK_SEA && (!(is->lift[SL(q)] >= 100) || !lane_open(w, k))))
                        continue;
                    int ready = is->since[SL(q)] > told_o ? is->since[SL(q)] : told_o;
                    if (k->kind == HK_LINK_SEA)
                        ready += (int)P(w, LANDING_PREP_DAYS) + (int)ceil(k->km / pace - 1e-9);
                    if (ready < best)
                        best = ready, bo = o, bq = q, ba = a, bkm = k->km, bsea = k->kind == HK_LINK_SEA;
                }
            }
        }
        if (!left) {
            is->occupying = marching;
            return;
        }
        if (bo < 0) {
            /* no force of the receiving power can reach them: they pass to
             * it as the rest of its zone did */
            int today = w->today;
            w->today = from + 1;
            for (uint64_t m = is->isles; m; m &= m - 1) {
                int o = __builtin_ctzll(m);
                for (int a = 0; a < 2; a++)
                    if (a != HK_SIDE_JPN && own(w, o, HK_SIDE_JPN) && receives(w, a, o) && is->adv_side[SL(o)] < 0) {
                        double g = is->side[SL(o)] == HK_SIDE_JPN ? hk_fmax(0, is->men[SL(o)]) : 0;
                        if (g >= 1) {
                            if (at_war)
                                account(w, HK_SIDE_JPN, g, g);
                            is->men[SL(o)] = is->tanks[SL(o)] = is->guns[SL(o)] = is->aircraft[SL(o)] = 0;
                            is->side[SL(o)] = -1;
                        }
                        hk_control_set(w, o, hk_world_side_actor(w, a));
                        if (hk_world_logging(w)) {
                            char gar[160] = "";
                            if (g >= 1)
                                snprintf(gar, sizeof gar, "; the %s garrison there, %.0f men, lays down its arms",
                                         hk_side_adjective(HK_SIDE_JPN), g);
                            snprintf(w->scratch, sizeof w->scratch,
                                     "With no force of its own in reach, the %s side takes over %s under the "
                                     "surrender%s.",
                                     hk_side_adjective(a), hk_world_region_label(w, o), gar);
                        }
                        int actors[2] = {hk_world_side_actor(w, a), s->jpn};
                        hk_world_emit(w, hk_world_date(w), "occupation", s->regions[o].id, actors, at_war ? 2 : 1,
                                      w->scratch, SRC_ISL);
                    }
            }
            w->today = today;
            is->occupying = marching;
            return;
        }
        if (best >= end)
            return; /* next month */
        /* (`from` is the day the island garrisons have their order; a port
         * on the mainland coast had it with the fronts, war.ceasefire_days
         * after the announcement, and its landing comes when it is ready:
         * Wonsan, 21 August 1945, wiki_wonsan_landing) */
        int day = best - is->mbase > from || (coast(w, bo) && best - is->mbase >= 0) ? best - is->mbase : from;
        int today = w->today;
        w->today = day + 1;
        /* the garrison lays down its arms */
        double g = is->side[SL(bo)] == HK_SIDE_JPN ? hk_fmax(0, is->men[SL(bo)]) : 0;
        if (g >= 1 && at_war)
            account(w, HK_SIDE_JPN, g, g);
        /* the occupier: the beachhead's force, or a lift of the force next to it */
        double men, tanks, guns, qual;
        if (bq < 0) {
            men = is->bh_men[SL(bo)], tanks = is->bh_tanks[SL(bo)], guns = is->bh_guns[SL(bo)];
            qual = is->bh_quality[SL(bo)];
            is->bh_men[SL(bo)] = is->bh_tanks[SL(bo)] = is->bh_guns[SL(bo)] = 0;
            is->bh_side[SL(bo)] = -1;
            /* (its shipping comes on from its base, and the rest of the
             * force there with it in the next lifts, as when a beachhead's
             * island falls in battle: fight) */
            int b = is->bh_from[SL(bo)];
            if (b >= 0 && is->side[SL(b)] == ba && is->lift[SL(b)] >= 100 && is->men[SL(b)] >= 1) {
                qual = (qual * men + is->quality[SL(b)] * is->men[SL(b)]) / (men + is->men[SL(b)]);
                men += is->men[SL(b)];
                tanks += is->tanks[SL(b)];
                guns += is->guns[SL(b)];
                is->men[SL(b)] = is->tanks[SL(b)] = is->guns[SL(b)] = 0;
            }
            if (b >= 0 && !(is->men[SL(b)] >= 100)) {
                is->lift[SL(bo)] = is->lift[SL(b)];
                is->lift[SL(b)] = 0;
            }
        } else {
            double lift = is->lift[SL(bq)];
            double k = bsea && is->men[SL(bq)] > lift ? lift / is->men[SL(bq)] : 1.0;
            men = k * is->men[SL(bq)], tanks = k * is->tanks[SL(bq)], guns = k * is->guns[SL(bq)];
            qual = is->quality[SL(bq)];
            is->men[SL(bq)] -= men;
            is->tanks[SL(bq)] -= tanks;
            is->guns[SL(bq)] -= guns;
        }
        /* the shipping sails on with the detachment it landed */
        if (bq >= 0 && bsea) {
            is->lift[SL(bo)] = is->lift[SL(bq)];
            is->lift[SL(bq)] = 0;
        }
        is->men[SL(bo)] = men;
        is->tanks[SL(bo)] = tanks;
        is->guns[SL(bo)] = guns;
        is->aircraft[SL(bo)] = 0;
        is->quality[SL(bo)] = qual;
        is->side[SL(bo)] = (int8_t)ba;
        is->since[SL(bo)] = (int16_t)best;
        hk_control_set(w, bo, hk_world_side_actor(w, ba));
        if (bo < 64)
            is->taken[ba] |= (uint64_t)1 << bo;
        if (hk_world_logging(w)) {
            char gar[160] = "";
            if (g >= 1)
                snprintf(gar, sizeof gar, "; the %s garrison there, %.0f men, lays down its arms", hk_side_adjective(HK_SIDE_JPN), g);
            else if (coast(w, bo))
                snprintf(gar, sizeof gar, "; the %s troops there laid down their arms with the rest of the zone's",
                         hk_side_adjective(HK_SIDE_JPN));
            if (bq < 0)
                snprintf(w->scratch, sizeof w->scratch,
                         "The %s landing force on its beachhead on %s, %.0f men, occupies %s%s.",
                         hk_side_adjective(ba), hk_world_region_label(w, bo), men, coast(w, bo) ? "the port" : "the island",
                         gar);
            else if (bsea)
                snprintf(w->scratch, sizeof w->scratch,
                         "The %s side lands %.0f men on %s from %s, %.0f km over the sea, and occupies it%s.",
                         hk_side_adjective(ba), men, hk_world_region_label(w, bo), hk_world_region_label(w, bq), bkm, gar);
            else
                snprintf(w->scratch, sizeof w->scratch, "The %s side marches %.0f men into %s from %s and occupies it%s.",
                         hk_side_adjective(ba), men, hk_world_region_label(w, bo), hk_world_region_label(w, bq), gar);
        }
        int actors[2] = {hk_world_side_actor(w, ba), s->jpn};
        hk_world_emit(w, hk_world_date(w), "occupation", s->regions[bo].id, actors, at_war ? 2 : 1, w->scratch, SRC_ISL);
        w->today = today;
    }
}

void hk_landings_occupy(hk_world *w)
{
    hk_island_state *is = &w->isl;
    if (!is->occupying || w->mode != HK_MODE_SIMULATE)
        return;
    if (w->month != is->mmonth) {
        is->mbase = (int16_t)(is->mbase + 30 * (w->month - is->mmonth));
        is->mmonth = w->month;
        occupy(w, 0);
    }
}
