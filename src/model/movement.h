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
/* The forces a side holds for one sector, each man counted once (a
 * formation's men shared among the sectors it faces): what a border battle
 * there can draw on. */
hk_side_forces hk_movement_held_for(const hk_world *w, int sector, int side);
/* Applies recorded strengths dated up to the current month (replay), or the
 * scenario's opening strengths (both modes, at the start). */
void hk_movement_apply_records(hk_world *w, hk_month upto);

/* The opening forces: the strengths recorded up to the start; in simulate
 * the pools get a floor where the record is silent. */
void hk_movement_start(hk_world *w);

#endif
