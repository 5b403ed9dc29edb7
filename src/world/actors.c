/* actors.c — actors in their time (see actors.h). */
#include "world/actors.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Has the decision a pin names been taken in this run? */
static bool decision_taken(const hk_world *w, int pin)
{
    switch ((hk_pin)pin) {
    case HK_PIN_INTERVENTION: return w->intervention;
    case HK_PIN_WITHDRAWAL: return w->withdrawn;
    case HK_PIN_SEIZE_MANCHURIA: return w->manchuria_seized;
    case HK_PIN_CHINA_WAR: return w->china_war;
    case HK_PIN_DOCTRINE_SOUTH: return w->committed_south;
    case HK_PIN_DOCTRINE_NORTH: return w->committed_north;
    case HK_PIN_WAR: return w->war;
    case HK_PIN_PEACE: return w->japan_surrendered;
    case HK_PRE_REPRISAL_HELD:
        return w->reprisal_on != HK_MONTH_NONE && (w->evacuation_due == HK_MONTH_NONE || w->month < w->evacuation_due);
    default: return false;
    }
}

int hk_actor_form_scan(const hk_world *w, int actor, hk_month m)
{
    if (actor < 0 || actor >= w->s->n_actors || !hk_actor_exists(w, actor, m))
        return -1;
    if (m >= w->forms_since && m < w->forms_until) /* as the actors step left them */
        return w->form_now[actor];
    const hk_actor *a = &w->s->actors[actor];
    int form = a->n_forms ? 0 : -1;
    for (int f = 1; f < a->n_forms; f++)
        if (w->c->form_from[actor][f] <= m)
            form = f;
    return form;
}

const char *hk_actor_name_at(const hk_world *w, int actor, hk_month m)
{
    if (actor < 0 || actor >= w->s->n_actors)
        return "?";
    const hk_actor *a = &w->s->actors[actor];
    int f = hk_actor_form_at(w, actor, m);
    if (f < 0 && a->n_forms && m >= w->c->form_from[actor][0])
        f = a->n_forms - 1;
    if (f >= 0 && a->forms[f].name)
        return a->forms[f].name;
    return a->name ? a->name : a->id;
}

bool hk_precondition_holds(const hk_world *w, hk_precondition c)
{
    switch (c) {
    case HK_PRE_SIBERIA_SETTLED: return !w->intervention || w->withdrawn;
    case HK_PRE_MANCHURIA_SEIZED: return w->manchuria_seized;
    case HK_PRE_CHINA_WAR: return w->china_war;
    case HK_PRE_COMINTERN_HOSTILE: return hk_flag(w, HK_EFFECT_POPULAR_FRONT);
    case HK_PRE_ARMY_SPLIT: {
        /* the Imperial Way rose with the seizure and the Control faction
         * formed against it as it began to take the posts back: the split
         * is named once it has taken politics.split_posts of them, or a
         * coup and its purge have made it plain (000:19, 000:24) */
        int k = w->c->faction_kodoha, t = w->c->faction_toseiha;
        if (!w->manchuria_seized)
            return false;
        if ((k >= 0 && w->purged[k]) || (t >= 0 && w->purged[t]))
            return true;
        return 1.0 - exp(-w->frustration) >= P(w, POLITICS_SPLIT_POSTS);
    }
    case HK_PRE_SOVIET_GROUND_HELD: {
        /* ground the USSR held in 1918 that Japan or Manchukuo holds now:
         * what a strike north took and an armistice left in their hands */
        const hk_scenario *s = w->s;
        if (s->jpn < 0 || s->sov < 0)
            return false;
        for (int r = 0; r < s->n_regions; r++)
            if (s->regions[r].controller == s->sov &&
                (w->control[r] == s->jpn || (s->man >= 0 && w->control[r] == s->man)))
                return true;
        return false;
    }
    default: return false;
    }
}

bool hk_faction_formed(const hk_world *w, int f)
{
    if (f < 0 || f >= w->s->n_factions || w->s->factions[f].emerges < 0)
        return true;
    /* formed once its condition has held: Manchuria seized stays seized */
    return hk_precondition_holds(w, (hk_precondition)w->s->factions[f].emerges);
}

bool hk_treaty_preconditions(const hk_world *w, int t, char *why, size_t len)
{
    const hk_scenario *s = w->s;
    const hk_treaty *x = &s->treaties[t];
    /* every party exists: one test of the month's mask when no reason is asked */
    _Static_assert(HK_MAX_ACTORS < 32, "a party's bit in a 32-bit mask");
    /* with no reason asked, the month's test reads what was laid out at
     * load (compiled.c): the treaties it requires on the binding mask, the
     * conditions it needs, the forms of its actors */
    if (!why) {
        const hk_compiled *c = w->c;
        const uint32_t req = c->requires_binding[t];
        if ((w->treaty_binding & req) != req)
            return false;
        if (w->exists_month == w->month) {
            if (c->treaty_parties[t] & ((1u << s->n_actors) - 1) & ~w->exists_mask)
                return false;
        } else {
            for (int p = 0; p < x->n_parties; p++)
                if (!hk_actor_exists(w, x->parties[p], w->month))
                    return false;
        }
        for (uint32_t m = c->requires_conditions[t]; m; m &= m - 1)
            if (!hk_precondition_holds(w, (hk_precondition)__builtin_ctz(m)))
                return false;
        for (int i = 0; i < c->n_requires_forms[t]; i++)
            if (hk_actor_form_at(w, c->requires_form_actor[t][i], w->month) != c->requires_form[t][i])
                return false;
        return true;
    }
    for (int p = 0; p < x->n_parties; p++)
        if (!hk_actor_exists(w, x->parties[p], w->month)) {
            snprintf(why, len, "%s does not exist", s->actors[x->parties[p]].id);
            return false;
        }
    for (int i = 0; i < x->n_requires; i++) {
        const hk_requirement *q = &x->requires[i];
        bool ok = q->treaty >= 0      ? hk_treaty_binds(w, q->treaty)
                  : q->condition >= 0 ? hk_precondition_holds(w, (hk_precondition)q->condition)
                                      : hk_actor_form_at(w, q->actor, w->month) == q->form;
        if (!ok) {
            {
                if (q->treaty >= 0)
                    snprintf(why, len, "%s is not in force", s->treaties[q->treaty].id);
                else if (q->condition >= 0)
                    snprintf(why, len, "condition %s does not hold",
                             hk_precondition_name((hk_precondition)q->condition));
                else
                    snprintf(why, len, "%s is not %s", s->actors[q->actor].id,
                             s->actors[q->actor].forms[q->form].id);
            }
            return false;
        }
    }
    return true;
}

void hk_actors_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    w->exists_month = HK_MONTH_NONE; /* worked out again below */
    bool begun = false;
    /* the actors a decision makes (compiled.c), in index order */
    for (uint32_t m = w->c->decided_actors; m; m &= m - 1) {
        int a = __builtin_ctz(m);
        const hk_actor *x = &s->actors[a];
        if (w->actor_begun[a] != HK_MONTH_NONE)
            continue;
        if (w->actor_decided[a] == HK_MONTH_NONE) {
            if (!decision_taken(w, x->begins_with))
                continue;
            w->actor_decided[a] = w->month;
        }
        /* replay keeps the record's lag; in simulate an actor whose maker
         * must first hold the ground (Manchukuo, proclaimed once the
         * Kwantung Army held the three provinces) begins when the maker's
         * men, month by month after the decision, have done the work the
         * record's army did in lag_months: a larger army sooner, a thin
         * one later */
        int since = w->month - w->actor_decided[a];
        bool ready;
        if (w->mode == HK_MODE_SIMULATE && x->begins_men > 0) {
            if (since > 0)
                w->actor_progress[a] += w->jpn_men / x->begins_men;
            ready = w->actor_progress[a] >= x->lag_months;
        } else {
            ready = since >= x->lag_months;
        }
        if (!ready)
            continue;
        w->actor_begun[a] = w->month;
        begun = true;
        /* the run's history says when the actor it made comes into being
         * (replay's record has its own fact for it) */
        if (w->mode == HK_MODE_SIMULATE && hk_actor_exists(w, a, w->month)) {
            char id[HK_ID_LEN + 8];
            snprintf(id, sizeof id, "%s_begins", x->forms[0].id[0] ? x->forms[0].id : x->id);
            if (hk_world_logging(w)) {
                const char *after = x->begins_with == HK_PIN_SEIZE_MANCHURIA ? "seizure of Manchuria"
                                                                              : hk_pin_name((hk_pin)x->begins_with);
                if (x->begins_men > 0)
                    snprintf(w->scratch, sizeof w->scratch,
                             "%s is proclaimed, %d month%s after the %s, once the Japanese army there (%.0f men "
                             "in Manchuria and Korea) holds the ground.",
                             hk_actor_name_at(w, a, w->month), since, since == 1 ? "" : "s", after, w->jpn_men);
                else
                    snprintf(w->scratch, sizeof w->scratch, "%s is proclaimed, %d month%s after the %s.",
                             hk_actor_name_at(w, a, w->month), since, since == 1 ? "" : "s", after);
            }
            hk_world_emit2(w, "fact", id, a, s->jpn, w->scratch, x->source.text);
        }
    }
    /* who exists this month, for the systems that follow (hk_actor_exists):
     * the same set from one span's first or last month to the next */
    if (begun || w->month < w->exists_since || w->month >= w->exists_until) {
        uint32_t here = 0;
        hk_month until = INT32_MAX;
        for (int a = 0; a < s->n_actors && a < 32; a++) {
            hk_month from = hk_actor_from(w, a), last = w->c->actor_until[a];
            if (from == HK_MONTH_NONE)
                continue; /* not before its decision, which sets begun */
            if (w->month < from)
                until = from < until ? from : until;
            else if (w->month <= last) {
                here |= 1u << a;
                if (last < until - 1)
                    until = last + 1;
            }
        }
        w->exists_mask = here;
        w->exists_since = w->month;
        w->exists_until = until;
    }
    w->exists_month = w->month;
    /* each actor's form, worked out again from a month a regime changes */
    if (w->month < w->forms_since || w->month >= w->forms_until) {
        hk_month until = INT32_MAX;
        for (int i = 0; i < w->c->n_regime_months; i++)
            if (w->c->regime_months[i] > w->month) {
                until = w->c->regime_months[i];
                break;
            }
        for (int a = 0; a < s->n_actors; a++) {
            const hk_actor *x = &s->actors[a];
            int form = x->n_forms ? 0 : -1;
            for (int f = 1; f < x->n_forms; f++)
                if (w->c->form_from[a][f] <= w->month)
                    form = f;
            w->form_now[a] = (int8_t)form;
        }
        w->forms_since = w->month;
        w->forms_until = until;
    }
}
