/* landings.h — the island fronts of a general war: southern Sakhalin and
 * the Kurils, fought over the 50th-parallel land link and by landings over
 * the sea links (docs/model.md#war-islands). The only writer of the island
 * state (hk_world.isl); control changes go through control.c. campaign.c
 * calls it when a war opens, each month of war, and at Japan's surrender. */
#ifndef HK_LANDINGS_H
#define HK_LANDINGS_H

#include "world/world.h"

/* The war opens: the forces on the island regions (forces.yaml `islands`)
 * as they stand this month, of the side holding each. */
void hk_landings_begin(hk_world *w);
/* The month's days on the island fronts (simulate; after the fronts). */
void hk_landings_step(hk_world *w);
/* Japan has surrendered: its island garrisons on ground the other side now
 * holds, and those holding out, go into captivity. */
void hk_landings_surrender(hk_world *w);

/* After the surrender: the receiving power's forces occupy the islands of
 * its zone still held by Japan one after another, as their shipping
 * reaches each, in the month of the surrender and those after it (called
 * each month; nothing to do unless some are left). */
void hk_landings_occupy(hk_world *w);
/* Whether region r is the island fronts' to occupy at a surrender (the
 * zone's occupation by the fronts, campaign.c, leaves it to them). */
bool hk_landings_occupies(const hk_world *w, int r);

/* ---- exposed for tests ---------------------------------------------------- */
/* The island force of the side holding region r (men), 0 when none. */
double hk_landings_force(const hk_world *w, int r);

#endif
