/* politics.h — factions, doctrine and the cabinets' decisions.
 *
 * Writes: influence, baselines, Japan's doctrine and commitments, the
 * Kwantung Army's autonomy, coups and purges, the Siberian expedition and
 * its withdrawal, the seizure of Manchuria and the war with China. General
 * war between Japan and the USSR is war.c's. */
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
/* True when the cabinet has a case for war in the north this month:
 * Manchuria held, not at war, not committed south, doctrine above
 * doctrine.strike_north and the border ratio at least the need. */
bool hk_politics_north_case(const hk_world *w);
/* the same case were the JPN-SOV pact not in the way (notice weighs it) */
bool hk_politics_north_case_free(const hk_world *w);
/* Whether the southern advance is open: Europe's colonies exposed since the
 * fall of France, Germany not defeated, the American fleet not yet grown
 * past Japan's (doctrine.south_window). */
bool hk_politics_south_open(const hk_world *w);
/* Japan has decided on war with the United States and Britain (its attack
 * is set) or is fighting it. */
bool hk_politics_south_war(const hk_world *w);
/* Japan, committed south, wants quiet in the north for the south: it has
 * decided on or is fighting war with the United States and Britain, or has
 * put that decision off for a war in the north (war.c weighs it for an
 * armistice). */
bool hk_politics_south_pull(const hk_world *w);
/* Japan's doctrine as derived this month from the state (before smoothing). */
double hk_politics_doctrine_target(const hk_world *w);
/* The General Staff's yearly estimate of the Soviet Far East's edge in
 * tanks and aircraft per man on the border (staff_tank_edge,
 * staff_air_edge), which the doctrine's deterrence weighs with the men. */
void hk_politics_staff_estimate(hk_world *w);
/* Japan's doctrine with the hope of a Soviet collapse set aside: what the
 * commitment south, and its lapse, are weighed on. */
double hk_politics_south_case(const hk_world *w);


/* The Control faction's share of the Army's influence (Control, Imperial
 * Way and Kwantung officers): above one half, the China-first faction
 * leads the Army and war with China may come. */
double hk_politics_china_first(const hk_world *w);
/* Whether the Imperial Way rules the Army (a coup purged the Control
 * faction), and its share of the Army's influence while it does (0
 * otherwise): the pace at which it works off the friction with China. */
bool hk_politics_imperial_way_rules(const hk_world *w);
double hk_politics_north_first(const hk_world *w);
/* The men the cabinet keeps in Siberia this month (0 with no expedition). */
double hk_politics_expedition_men(const hk_world *w);
/* Whether the expedition has drawn in to the railway and the south of the
 * Maritime province (its outposts in the interior given up): Soviet power
 * holds the east again, or the White front is gone and the Czechoslovak
 * Legion is out of Siberia. */
bool hk_politics_expedition_drawn_in(const hk_world *w);

/* The Control faction takes the Imperial Way's posts back: while Manchuria
 * is held, the Imperial Way is not purged and there is no war with the
 * USSR, politics.discipline x the Control faction's share of the Army of
 * the Imperial Way's influence and baseline passes to the Control faction.
 * Adds that share to the world's frustration (the posts lost, summed) and
 * returns the influence moved. Called each month by hk_politics_step. */
double hk_politics_discipline(hk_world *w);
/* True when the Imperial Way's young officers are ready to rise: Manchuria
 * held, no war with the USSR, the faction not purged and the Control
 * faction holding more influence than it (it has lost the Army). */
bool hk_politics_coup_ready(const hk_world *w);
/* Whether Japan's northern flank is quiet enough for a commitment south: a
 * neutrality pact binding the USSR, the USSR at war in the west, or a Soviet
 * army on the border no larger than Japan's. */
bool hk_politics_north_quiet(const hk_world *w);

/* Soviet men on the border for each Japanese one (the whole theatre's
 * armies when the border is nearly empty). */
double hk_politics_border_ratio(const hk_world *w);

/* north_need, north_hawks and entry_motive: src/model/assess.h */

#endif
