/* world_step.c — one month of a run, and the stepping API for the game.
 *
 * Order each month: the outside world's events (both modes), the record's
 * facts (replay), then the systems in their fixed order — politics, war
 * (opening and end), control, diplomacy, movement and supply, incidents,
 * battles, the fronts of a general war — then the outcomes and the month's
 * summary. */
#include "world/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/battles.h"
#include "model/campaign.h"
#include "model/control.h"
#include "model/diplomacy.h"
#include "model/incidents.h"
#include "model/landings.h"
#include "model/movement.h"
#include "model/outcomes.h"
#include "model/politics.h"
#include "model/war.h"
#include "world/world.h"
#include "world/actors.h"

/* An outside event happens on its date only if the state it belongs to
 * still holds: the effect it requires is in force (the bomb falls in a war
 * with the United States), and no party to it has surrendered or been
 * defeated (nothing is done to or by Japan once it has laid down its arms). */
static bool outside_event_can_happen(const hk_world *w, const hk_event *ev)
{
    const hk_scenario *s = w->s;
    /* (southern_advance is no outside event's: it is Japan's commitment to
     * the south, politics' state, which the embargo answered) */
    bool holds = ev->requires == HK_EFFECT_SOUTHERN_ADVANCE ? w->committed_south : hk_flag(w, ev->requires);
    if (ev->conditional && !holds)
        return false;
    for (int i = 0; i < ev->n_actors; i++) {
        int a = ev->actors[i];
        if (a >= 0 && a == s->jpn && w->japan_surrendered)
            return false;
        if (a >= 0 && a < 32 && (w->defeated >> a & 1u))
            return false;
    }
    return true;
}

static void outside_events(hk_world *w)
{
    const hk_scenario *s = w->s;
    const hk_setup *su = w->setup;
    /* the dated events are looked at only from the month the next one
     * falls (events_next, found as they are looked at); a decided one
     * every month */
    bool dated = w->month >= w->events_next;
    if (dated)
        w->events_next = INT32_MAX;
    _Static_assert(HK_MAX_EVENTS <= 32, "an event mask has a bit an event");
    uint32_t todo = dated ? (uint32_t)((UINT64_C(1) << s->n_events) - 1)
                          : w->mode == HK_MODE_SIMULATE ? w->c->decided_events : 0;
    for (; todo; todo &= todo - 1) {
        int e = __builtin_ctz(todo);
        /* (in a month with no dated event due only the decided ones are
         * looked at, and one not yet decided has nothing to do) */
        if (!dated && !w->event_decided[e])
            continue;
        if (w->event_done[e] || su->event_removed[e])
            continue;
        const hk_event *ev = &s->events[e];
        hk_date d = su->event_date[e];
        if (ev->decided && w->mode == HK_MODE_SIMULATE) {
            /* a modelled actor's own move (Pearl Harbor): it comes in the
             * month its decision set (politics), not on the record's date */
            if (!w->event_decided[e] || w->month < w->event_decided[e])
                continue;
            d = hk_world_date(w);
        } else if (!dated || !hk_date_is_set(d)) {
            continue;
        } else if (hk_date_month(d) > w->month || (hk_date_month(d) < w->month && !w->event_waiting[e])) {
            if (hk_date_month(d) > w->month && hk_date_month(d) < w->events_next)
                w->events_next = hk_date_month(d);
            continue;
        }
        if (!outside_event_can_happen(w, ev)) {
            /* an answer to a move (the embargo to a southern advance) that
             * has not been made yet waits for it past its date, looked at
             * again each month; any other event's time came and went */
            if (ev->waits && w->mode == HK_MODE_SIMULATE && !w->japan_surrendered) {
                w->event_waiting[e] = true;
                if (w->month + 1 < w->events_next)
                    w->events_next = w->month + 1;
            } else {
                w->event_done[e] = true;
            }
            continue;
        }
        w->event_done[e] = true;
        if (w->event_waiting[e])
            d = hk_world_date(w); /* it comes now, answering the move */
        if (ev->effect < HK_EFFECT_COUNT) {
            w->flags |= 1u << ev->effect;
            if (w->flag_since[ev->effect] == HK_MONTH_NONE)
                w->flag_since[ev->effect] = w->month;
        }
        /* effects that end others: war between Germany and the USSR ends
         * their pact; Germany's defeat ends the war in Europe and the east */
        if (ev->effect == HK_EFFECT_GER_SOV_WAR)
            w->flags &= ~(1u << HK_EFFECT_GER_SOV_PACT);
        if (ev->effect == HK_EFFECT_GERMANY_DEFEATED) {
            w->flags &= ~((1u << HK_EFFECT_EUROPE_WAR) | (1u << HK_EFFECT_GER_SOV_WAR));
            /* the defeat's first actor is the power that surrendered: its
             * treaties lapse (diplomacy) */
            if (ev->n_actors > 0 && ev->actors[0] >= 0 && ev->actors[0] < 32)
                w->defeated |= 1u << ev->actors[0];
        }
        const char *text = ev->text ? ev->text : ev->name;
        if (ev->text_when >= 0 && ev->text_then && hk_precondition_holds(w, (hk_precondition)ev->text_when))
            text = ev->text_then;
        hk_world_emit(w, d, "outside_event", ev->id, ev->actors, ev->n_actors, text, ev->source.text);
    }
}

static const char *fact_kind(const hk_fact *f)
{
    switch (f->pin) {
    case HK_PIN_COUP_FAILED: return "coup";
    case HK_PIN_PURGE: return "purge";
    case HK_PIN_DOCTRINE_SOUTH:
    case HK_PIN_DOCTRINE_NORTH: return "doctrine";
    case HK_PIN_CHINA_WAR:
    case HK_PIN_WAR: return "war";
    case HK_PIN_PEACE: return "peace";
    default: break;
    }
    switch (f->kind) {
    case HK_FACT_COUP: return "coup";
    case HK_FACT_PURGE: return "purge";
    case HK_FACT_WAR: return "war";
    case HK_FACT_FORCES: return "forces";
    default: return "fact";
    }
}

/* Replay: log every fact of the month and note the decisions to pin. */
static void record_facts(hk_world *w)
{
    const hk_scenario *s = w->s;
    w->n_pins = 0;
    for (int i = 0; i < s->n_facts; i++) {
        const hk_fact *f = &s->facts[i];
        if (hk_date_month(f->date) != w->month)
            continue;
        if (f->pin != HK_PIN_NONE && w->n_pins < (int)(sizeof w->pins / sizeof w->pins[0]))
            w->pins[w->n_pins++] = i;
        hk_world_emit(w, f->date, fact_kind(f), f->id, f->actors, f->n_actors, f->text, f->source.text);
    }
}

static void summarize(const hk_world *w, hk_month_summary *m)
{
    const hk_scenario *s = w->s;
    memset(m, 0, sizeof *m);
    m->month = w->month;
    if (s->jpn >= 0)
        m->doctrine[s->jpn] = w->doctrine;
    if (s->man >= 0 && hk_actor_exists(w, s->man, w->month))
        m->doctrine[s->man] = w->doctrine; /* Manchukuo follows Tokyo */
    for (int a = 0; a < s->n_actors && a < 32; a++) {
        if (hk_actor_exists(w, a, w->month))
            m->present |= UINT32_C(1) << a;
        m->form[a] = (int8_t)hk_actor_form_at(w, a, w->month);
    }
    memcpy(m->influence, w->influence, sizeof m->influence);
    for (int f = 0; f < s->n_factions && f < 32; f++)
        if (hk_faction_formed(w, f))
            m->factions_formed |= UINT32_C(1) << f;
    memcpy(m->tension, w->tension, sizeof m->tension);
    memcpy(m->forces, w->sector_forces, sizeof m->forces);
    memcpy(m->formations, w->formation, sizeof m->formations);
    for (int t = 0; t < s->n_treaties; t++)
        m->treaty_in_force[t] = hk_treaty_binds(w, t);
    m->incidents = w->incidents_month;
    m->battles = w->battles_month;
    m->flags = w->flags;
    /* a war that began or ended during the month was fought in it */
    m->at_war_jpn_sov = w->war || w->war_in_month;
    memcpy(m->control, w->control, sizeof m->control);
    hk_campaign_summary(w, &m->war);
}

void hk_world_play_month(hk_world *w, const hk_observer *obs)
{
    w->obs = obs;
    w->war_in_month = w->war;
    outside_events(w);
    if (w->mode == HK_MODE_REPLAY)
        record_facts(w);
    hk_politics_step(w);
    hk_actors_step(w);
    hk_war_step(w);
    hk_control_step(w);
    hk_diplomacy_step(w);
    hk_movement_step(w);
    hk_incidents_step(w);
    hk_battles_step(w);
    hk_campaign_step(w);
    hk_war_close_month(w);
    if (w->isl.occupying)
        hk_landings_occupy(w); /* the islands occupied after a surrender, as the shipping reaches them */
    hk_outcomes_month(w);
    if (obs && obs->on_month) {
        hk_month_summary m;
        hk_movement_formations(w);
        summarize(w, &m);
        obs->on_month(obs->ud, &m);
    }
    w->orders_given = false;
    w->month++;
    w->obs = NULL;
}

void hk_world_close(hk_world *w)
{
    hk_outcomes_close(w);
}

/* ---- the stepping API ---------------------------------------------------------- */

void hk_world_start(hk_world *w, const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run)
{
    hk_world_init(w, setup, mode, seed, run);
    hk_battles_start(w);
    hk_movement_start(w);
}

hk_world *hk_world_new(const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run)
{
    if (!setup || !setup->scenario || !setup->scenario->compiled)
        return NULL;
    hk_world *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    hk_world_start(w, setup, mode, seed, run);
    return w;
}

void hk_world_free(hk_world *w)
{
    if (!w)
        return;
    hk_world_release(w);
    free(w);
}

hk_month hk_world_month(const hk_world *w) { return w->month; }

bool hk_world_done(const hk_world *w) { return w->month > w->end; }

void hk_world_set_player(hk_world *w, int actor)
{
    w->player = (actor >= 0 && actor < w->s->n_actors) ? actor : -1;
}

void hk_world_set_orders(hk_world *w, const hk_orders *orders)
{
    if (!orders) {
        w->orders_given = false;
        return;
    }
    w->orders = *orders;
    w->orders_given = true;
}

void hk_world_step(hk_world *w, const hk_observer *obs)
{
    if (hk_world_done(w))
        return;
    hk_world_play_month(w, obs);
    if (hk_world_done(w))
        hk_world_close(w);
}

void hk_world_summary(hk_world *w, hk_month_summary *out)
{
    hk_movement_formations(w);
    summarize(w, out);
}

void hk_world_outcomes(const hk_world *w, hk_outcomes *out)
{
    *out = w->out;
    out->until = w->month - 1;
    out->decided = hk_outcomes_decided(w, out->until);
}
