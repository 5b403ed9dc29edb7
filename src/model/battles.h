/* battles.h — the battles of the month and the fighting of a general war.
 *
 * Writes: the month's battle count and losses (taken from the forces next
 * month by movement), which side lost a battle (read by politics next
 * month), war exhaustion, and the battle outcomes. The fighting itself is
 * the combat model's (model/combat.h). */
#ifndef HK_BATTLES_H
#define HK_BATTLES_H

#include "world/world.h"

void hk_battles_step(hk_world *w);

#endif
