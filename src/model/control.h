/* control.h — who holds each region, month by month (docs/model.md#control).
 * The only writer of hk_world.control. */
#ifndef HK_CONTROL_H
#define HK_CONTROL_H

#include "world/world.h"

/* The 1918 holders (regions.yaml). */
void hk_control_init(hk_world *w);
/* Replay: the record's changes of hands this month. Simulate: the changes
 * that follow from the state outside a war (Manchuria seized, the
 * expedition's occupation and its end under a normalisation treaty). */
void hk_control_step(hk_world *w);
/* The Siberian expedition's outpost off the railway (record.yaml control,
 * hold: outpost; politics' partisan attack): one Japan holds now if `held`,
 * or -1. */
int hk_control_outpost(const hk_world *w, bool held);
/* The ground the record shows Japan taking in reprisal (hold: reprisal),
 * or -1. */
int hk_control_reprisal_ground(const hk_world *w);
/* A change of hands in war (campaign.c, war.c). */
void hk_control_set(hk_world *w, int region, int actor);
/* The side holding a region (HK_SIDE_JPN/SOV, or -1). */
int hk_control_side(const hk_world *w, int region);
/* The regions a side holds, as a bit set. */
uint64_t hk_control_mask(const hk_world *w, int side);

#endif
