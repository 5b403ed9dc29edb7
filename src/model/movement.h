/* movement.h — forces and supply.
 *
 * Writes: the force aggregates (Japanese men in Manchuria and Korea, in
 * Siberia; Soviet men east of Baikal), the formations' strengths and places,
 * and the forces facing each border sector. Replay follows the recorded
 * strengths; simulate moves the aggregates toward what each side wants, at
 * the rate its economy and the railways allow. */
#ifndef HK_MOVEMENT_H
#define HK_MOVEMENT_H

#include "world/world.h"

void hk_movement_step(hk_world *w);
/* Recomputes the forces facing each sector from the formations. */
void hk_movement_sector_forces(hk_world *w);
/* Brings w->formation and the weapons of w->sector_forces up to date before
 * they are read: simulate spreads the pools' men over the formations, and
 * works out each sector's tanks, guns and aircraft, only when something
 * reads them (a battle, a front, a month's summary; a sector's men are
 * there every month). Cheap when they are up to date. */
void hk_movement_formations(hk_world *w);
/* Only the weapons of w->sector_forces, for a reader of the sectors' arms
 * that does not need the formations (the General Staff's estimate,
 * politics): the same sums as hk_movement_formations works out. */
void hk_movement_sector_arms(hk_world *w);
/* A sector Japan guards only once Manchuria is held: a border of Manchukuo,
 * or one whose contested ground was Manchurian in 1918 (the heights at
 * Changkufeng above the Tumen: before 1931 the Korea Army and the Soviet
 * coast met only across the river's last miles, with Chinese ground
 * between them, and no incident of the record comes before 1932). */
bool hk_movement_manchurian_sector(const hk_world *w, int sec);
/* Applies recorded strengths dated up to the current month (replay), or the
 * scenario's opening strengths (both modes, at the start). */
void hk_movement_apply_records(hk_world *w, hk_month upto);

/* The opening forces: the strengths recorded up to the start; in simulate
 * the pools get a floor where the record is silent. */
void hk_movement_start(hk_world *w);

#endif
