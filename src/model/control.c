/* control.c — who holds each region (docs/model.md#control).
 *
 * Every region starts with its 1918 holder (regions.yaml). Replay follows
 * the record's dated changes of hands (record.yaml `control`). Simulate
 * reaches them by mechanisms: the seizure of Manchuria makes Manchukuo of
 * the regions the record gives it; the Siberian expedition occupies what the
 * record shows Japan taking from the Soviet side in peacetime (northern
 * Sakhalin) until a normalisation treaty binds; campaigns of general war
 * and a surrender move the rest (campaign.c, war.c through hk_control_set). */
#include "model/control.h"

#include "model/assess.h"
#include "model/politics.h"
#include "world/actors.h"

void hk_control_init(hk_world *w)
{
    const hk_scenario *s = w->s;
    for (int r = 0; r < HK_MAX_REGIONS; r++)
        w->control[r] = (int8_t)(r < s->n_regions ? s->regions[r].controller : -1);
}

void hk_control_set(hk_world *w, int region, int actor)
{
    if (region >= 0 && region < w->s->n_regions && actor >= 0)
        w->control[region] = (int8_t)actor;
}

int hk_control_side(const hk_world *w, int region)
{
    return hk_world_side(w, w->control[region]);
}

uint64_t hk_control_mask(const hk_world *w, int side)
{
    uint64_t m = 0;
    for (int r = 0; r < w->s->n_regions && r < 64; r++)
        if (hk_control_side(w, r) == side)
            m |= (uint64_t)1 << r;
    return m;
}

/* A peacetime change of hands the record holds before any general war:
 * whether change c gives a region to Manchukuo, or to Japan from the Soviet
 * side (the expedition's occupation). */
static bool manchukuo_change(const hk_scenario *s, const hk_control_change *c)
{
    return s->man >= 0 && c->controller == s->man;
}

static bool occupation_change(const hk_scenario *s, const hk_control_change *c)
{
    return c->controller == s->jpn && s->sov >= 0 && s->regions[c->region].controller == s->sov;
}

/* The first region of the expedition's ground of the given hold that Japan
 * holds now (off the railway only, if asked), or that it could take (any
 * holder): the outpost partisans can cut off, the ground a reprisal takes. */
static int expedition_ground(const hk_world *w, int hold, bool held, bool off_rail)
{
    const hk_scenario *s = w->s;
    for (int i = 0; i < s->n_control; i++) {
        const hk_control_change *c = &s->control[i];
        if (!occupation_change(s, c) || c->hold != hold || (off_rail && s->regions[c->region].railhead))
            continue;
        if (!held || w->control[c->region] == s->jpn)
            return c->region;
    }
    return -1;
}

int hk_control_outpost(const hk_world *w, bool held) { return expedition_ground(w, HK_HOLD_OUTPOST, held, true); }

int hk_control_reprisal_ground(const hk_world *w) { return expedition_ground(w, HK_HOLD_REPRISAL, false, false); }

void hk_control_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (w->mode == HK_MODE_REPLAY) {
        for (int i = 0; i < s->n_control; i++)
            if (hk_date_month(s->control[i].date) == w->month)
                w->control[s->control[i].region] = (int8_t)s->control[i].controller;
        return;
    }
    if (w->war)
        return; /* in war the fronts decide (campaign.c) */
    /* the reprisal ground is handed back when the normalisation treaty's
     * withdrawal clause falls due, not at its signing */
    bool normalised = w->evacuation_due != HK_MONTH_NONE && w->month >= w->evacuation_due &&
                      hk_treaty_binds(w, w->c->roles.jpn_sov_normalization);
    /* the expedition holds its ground until its last men have left, not
     * from the month the withdrawal is announced */
    bool in = w->intervention && (!w->withdrawn || !w->expedition_home), back = in && hk_politics_expedition_drawn_in(w);
    /* nothing to do unless what the changes follow has changed (bit 15: set) */
    uint16_t key = (uint16_t)(0x8000 | w->manchuria_seized | (hk_actor_exists(w, s->man, w->month) << 1) |
                              (in << 2) | (normalised << 3) | (w->war_months_total > 0) << 4 | back << 5 |
                              (w->outpost_lost_on != HK_MONTH_NONE) << 6 | (w->reprisal_on != HK_MONTH_NONE) << 7);
    if (key == w->control_key)
        return;
    w->control_key = key;
    for (int i = 0; i < s->n_control; i++) {
        const hk_control_change *c = &s->control[i];
        int r = c->region, orig = s->regions[r].controller;
        if (manchukuo_change(s, c)) {
            /* Manchukuo is made of the Chinese regions the record gives it,
             * once Manchuria is seized: held by Japan's army until the
             * puppet state exists (a region taken in war stays taken) */
            int holder = hk_actor_exists(w, s->man, w->month) ? s->man : s->jpn;
            if (w->manchuria_seized && orig == s->chn && (w->control[r] == orig || w->control[r] == s->jpn) &&
                !w->war)
                w->control[r] = (int8_t)holder;
        } else if (occupation_change(s, c) && w->war_months_total == 0) {
            /* the Siberian expedition's ground (hk_hold): held while it is
             * there; an outpost given up once Soviet power holds the east
             * again, or lost to partisans first when off the railway; ground
             * taken in reprisal held until a normalisation treaty trades it
             * back (004:131) */
            bool hold = c->hold == HK_HOLD_REPRISAL ? w->reprisal_on != HK_MONTH_NONE && !normalised
                        : c->hold == HK_HOLD_OUTPOST
                            ? in && !back && !(w->outpost_lost_on != HK_MONTH_NONE && !s->regions[r].railhead)
                            : in;
            if (hold && w->control[r] == orig)
                w->control[r] = (int8_t)s->jpn;
            else if (!hold && w->control[r] == s->jpn)
                w->control[r] = (int8_t)orig;
        }
    }
}
