/* politics.h — factions, doctrine and the cabinets' decisions.
 *
 * Writes: influence, baselines, Japan's doctrine and commitments, the
 * Kwantung Army's autonomy, coups and purges, the Siberian expedition and
 * its withdrawal, the seizure of Manchuria, the war with China, and the
 * decisions for and against general war between Japan and the USSR. */
#ifndef HK_POLITICS_H
#define HK_POLITICS_H

#include "world/world.h"

void hk_politics_step(hk_world *w);

/* Moves `share` of the influence of the factions of `actor` that `from`
 * selects to those `to` selects, in proportion to their influence; when
 * `structural`, the baselines move too (the change does not fade). Returns
 * the influence moved. Exposed for tests. */
typedef bool (*hk_faction_pred)(const hk_world *w, int faction);
double hk_politics_shift(hk_world *w, int actor, hk_faction_pred from, hk_faction_pred to,
                         double share, bool structural);
/* Purges a faction: removes politics.purge_share of its influence (and
 * baseline) and cuts the Kwantung Army's autonomy. */
void hk_politics_purge(hk_world *w, int faction);
/* Japan's doctrine as derived this month from the state (before smoothing). */
double hk_politics_doctrine_target(const hk_world *w);

#endif
