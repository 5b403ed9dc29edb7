/* motor.c — the Soviet motor transport on an ally's ground: the trucks
 * that carry the Soviet side's men and their supply from the railhead to a
 * border campaign fought on Mongolia's ground (the Khalkha, 650 km of dirt
 * road from Borzya, 001:137).
 *
 * Before the 1936 protocol no Soviet troops stood in Mongolia. Under it
 * they came (001:83), and from September 1937 the motorised units of the
 * 57th Special Corps (encycl_chita_57th): by July 1939 the Soviet forces
 * there had 2,636 trucks and tankers (zhukov_khalkhin_transport). The 1st
 * Army Group's offensive of August 1939 rested on some 4,000
 * (wiki_khalkhin_gol), the rest railed to Borzya while the fighting went
 * on (001:137, 001:145). So the lift to the Khalkha is what the trucks
 * there carry, not the road's capacity alone: the first contingent's
 * transport, then, once the motorised corps has come, its park; and the
 * trucks Moscow sends in the months it is losing a campaign there, which
 * wear out or go back after.
 * docs/model.md#battles-motor-transport. One writer: world.motor. */
#include "model/motor.h"

#include "core/mathx.h"
#include "model/movement.h"

#include <math.h>
#include <stdio.h>

/* The trucks stationed on sector sec's ally's ground (hk_motor_stationed);
 * *corps: whether the motorised corps has come with its park and its
 * motor and repair battalions. */
static double stationed(hk_world *w, int sec, bool *corps)
{
    const hk_scenario *s = w->s;
    *corps = false;
    if (sec < 0 || sec >= s->n_sectors)
        return 0.0;
    int ally = s->sectors[sec].side[1], t = w->c->roles.sov_mgl_assistance;
    /* the treaty that lets Soviet troops stand on the ally's ground, and
     * the months it has bound them */
    if (ally == s->sov || t < 0 || ally != s->mgl || !hk_treaty_binds(w, t))
        return 0.0;
    hk_month since = w->treaty[t].signed_on;
    if (since == HK_MONTH_NONE || w->month < since)
        return 0.0;
    /* Soviet men standing on the ally's ground now */
    hk_movement_formations(w); /* the formations' men, given when read */
    bool there = false;
    for (int f = 0; f < s->n_formations && !there; f++) {
        const hk_formation_state *fs = &w->formation[f];
        there = s->formations[f].actor == s->sov && fs->men > 0 && fs->region >= 0 && fs->region < s->n_regions &&
                w->control[fs->region] == ally;
    }
    if (!there)
        return 0.0;
    /* the first contingent's transport, then the motorised corps' park */
    if ((double)(w->month - since) < P(w, MOTOR_PARK_MONTHS))
        return hk_fmax(P(w, MOTOR_FIRST_PARK), 0.0);
    *corps = true;
    return hk_fmax(P(w, MOTOR_PARK), 0.0);
}

double hk_motor_stationed(hk_world *w, int sec)
{
    bool corps;
    return stationed(w, sec, &corps);
}

/* The first trucks Moscow sends for a campaign are told (once a campaign):
 * how many, what the trucks there now carry up the road, what the road
 * takes. */
static void tell_delivery(hk_world *w, int sec, double sent, double there, double per_truck, double road)
{
    const hk_scenario *s = w->s;
    if (!hk_world_logging(w))
        return;
    double trucks = there + w->motor.delivered;
    snprintf(w->scratch, sizeof w->scratch,
             "Moscow answers the fighting it is losing on the %s by rail: %.0f trucks go to the railhead for the road "
             "to the battle ground, beside the %.0f the Soviet forces stationed there have. The %.0f carry %.0f men "
             "a month, with their supply, where the road would take %.0f.",
             s->sectors[sec].name, sent, there, trucks, per_truck * trucks, road);
    hk_world_emit2(w, "forces", "motor_transport", s->sov, s->sectors[sec].side[1], w->scratch,
                   "model: battles-motor-transport (docs/model.md#battles-motor-transport); zhukov_khalkhin_transport; "
                   "001_fd9a28d61a246780.txt:137");
}

double hk_motor_lift(hk_world *w, int sec, bool bound, double road, double lack)
{
    hk_motor *m = &w->motor;
    const hk_border_campaign *c = &w->border_campaign;
    double per_truck = hk_fmax(P(w, MOTOR_TRUCK_LIFT), 1e-9);
    /* the month's trucks, worked out at its first asking: a campaign's
     * month asks several times, and nothing it does moves the park */
    if (m->month == w->month && m->sector == sec)
        return per_truck * (m->stationed + m->delivered);
    bool corps;
    double there = stationed(w, sec, &corps);
    m->stationed = there;
    m->sector = sec;
    if (m->month != w->month) {
        if (m->month > 0 && w->month > m->month && m->delivered > 0)
            m->delivered *= pow(1.0 - hk_clamp(P(w, MOTOR_WEAR), 0.0, 1.0), (double)(w->month - m->month));
        /* Moscow's answer to a campaign it is losing on its ally's ground
         * (the Japanese side holds the ground the ally claims, or beat the
         * Soviet side in the last engagement): trucks railed to the
         * railhead, as many as the road has use for (the 1st Army Group's
         * build-up after the Japanese attacks of May and July 1939, 001:137,
         * 001:145). Only once the motorised corps has come: the trucks
         * railed to the railhead need the drivers, the motor and repair
         * battalions and the depots on the road that came into Mongolia
         * with it (encycl_chita_57th); the first contingent had none to
         * take them over the 650 km (001:137), and the record has no
         * Soviet build-up on the Khalkha before the corps' (the clashes of
         * 1935-1936 stayed clashes, 001:49) */
        bool losing = c->active && c->sector == sec && (c->holder == HK_SIDE_JPN || c->last_loser == HK_SIDE_SOV);
        /* and only as many as the campaign needs: the trucks that bring up
         * in a month the men the Soviet side lacks on the line for the
         * superiority it keeps there, beyond what the trucks there already
         * carry. The record's build-up came when the fighting had grown to
         * a showdown, after the Kwantung Army had committed the 23rd
         * Division and bombed Tamsak-Bulak (001:137), and it brought the men
         * and weapons the offensive needed (001:145); a clash of a few
         * hundred men is answered by the trucks stationed there */
        if (bound && losing && corps) {
            double room = hk_fmax(0.0, road / per_truck - there - m->delivered);
            double wanted = hk_fmax(0.0, hk_fmax(lack, 0.0) / per_truck - there - m->delivered);
            double sent = hk_fmin(P(w, MOTOR_DELIVERY), hk_fmin(room, wanted));
            m->delivered += sent;
            if (sent > 0 && m->told != c->began) {
                m->told = c->began;
                tell_delivery(w, sec, sent, there, per_truck, road);
            }
        }
        m->month = w->month;
    }
    return per_truck * (there + m->delivered);
}
