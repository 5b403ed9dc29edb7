/* war_toll.h — what a side's losses in a general war cost it beyond the
 * men: the war's casualty count and its exhaustion (docs/model.md). One
 * function for every place a war's battle is fought (the fronts,
 * campaign.c; the island fronts, landings.c), so the two count alike. */
#ifndef HK_WAR_TOLL_H
#define HK_WAR_TOLL_H

#include "world/world.h"

/* Side `side` has lost `men` in the war's fighting: they count in its war
 * losses, and the exhaustion grows by war.exhaustion_weight times their
 * share of the two armies (jpn_men + sov_men). */
void hk_war_toll(hk_world *w, int side, double men);

#endif
