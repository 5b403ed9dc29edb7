/* battles.h — the battles of the month and the fighting of a general war.
 *
 * Writes: the month's battle count and losses (taken from the forces next
 * month by movement), which side lost a battle (read by politics next
 * month), war exhaustion, and the battle outcomes. The fighting itself is
 * the combat model's (model/combat.h). A battle neither side broke off goes
 * on as a border campaign, month by month (world.border_campaign). */
#ifndef HK_BATTLES_H
#define HK_BATTLES_H

#include "world/world.h"

void hk_battles_step(hk_world *w);

/* A battle neither side broke off (docs/model.md#battles-border-campaign):
 * in simulate it goes on as a border campaign. */
bool hk_battles_undecided(const hk_combat_result *res);
/* The chance that a side seeks a ceasefire this month in the campaign
 * under way, 0..1: its losses, Europe, the months gone by. */
double hk_battles_ceasefire_pressure(const hk_world *w, int side);
/* The share of what it wants that the Kwantung Army brings up in a month:
 * its autonomy against Tokyo's restraint, 0..1. */
double hk_battles_kwantung_release(const hk_world *w);

#endif
