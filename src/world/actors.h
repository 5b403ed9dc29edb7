/* actors.h — actors in their time: whether an actor exists in a month of a
 * run, the form it has then (Soviet Russia, the Far Eastern Republic, the
 * USSR), the name the text gives it, and whether a treaty's preconditions
 * hold. Read-only helpers over the world, except hk_actors_step, which
 * alone writes the months at which actors made by a decision begin. */
#ifndef HK_WORLD_ACTORS_H
#define HK_WORLD_ACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "world/world.h"

/* The first month of a modelled actor's span in this run: the month the
 * actors step began an actor a decision makes (HK_MONTH_NONE before), a dated form's
 * first whole month, or the run's start (compiled.c). */
static inline hk_month hk_actor_from(const hk_world *w, int actor)
{
    const hk_compiled *c = w->c;
    return c->actor_lag[actor] >= 0 ? w->actor_begun[actor]
                                    : (w->s->actors[actor].n_forms ? c->form_from[actor][0] : w->start);
}

/* True when `actor` exists in month m of this run (an index < 0 names no
 * actor and exists). A span is the scenario's record, except for an actor
 * a decision makes, which begins its lag after that decision in the run. */
static inline bool hk_actor_exists(const hk_world *w, int actor, hk_month m)
{
    if ((unsigned)actor < 32u && m == w->exists_month)
        return (w->exists_mask >> actor) & 1u;
    if (actor < 0 || actor >= w->s->n_actors)
        return true;
    hk_month from = hk_actor_from(w, actor);
    return from != HK_MONTH_NONE && m >= from && m <= w->c->actor_until[actor];
}
/* The form an actor has in month m, or -1 (no forms, or not yet):
 * inline for the month the actors step has worked out (its mask of the
 * actors there and each one's form), else hk_actor_form_scan. */
int hk_actor_form_scan(const hk_world *w, int actor, hk_month m);
static inline int hk_actor_form_at(const hk_world *w, int actor, hk_month m)
{
    if ((unsigned)actor < 32u && m == w->exists_month && m >= w->forms_since && m < w->forms_until)
        return (w->exists_mask >> actor) & 1u ? w->form_now[actor] : -1;
    return hk_actor_form_scan(w, actor, m);
}
/* What the text calls the actor in month m: its form's name, else its own. */
const char *hk_actor_name_at(const hk_world *w, int actor, hk_month m);
/* True once faction f has formed in this run (its `emerges` condition has
 * held; a faction without one is there from the start). */
bool hk_faction_formed(const hk_world *w, int f);
/* The world condition of a treaty precondition. */
bool hk_precondition_holds(const hk_world *w, hk_precondition c);
/* True when treaty t may be signed this month: every party exists and
 * every precondition holds. When false and why != NULL, says which fails. */
bool hk_treaty_preconditions(const hk_world *w, int t, char *why, size_t len);
/* Notes the month an actor made by a decision begins (after politics). */
void hk_actors_step(hk_world *w);

#endif
