/* campaign.h — a general war fought as fronts along the border sectors, in
 * steps of days (docs/model.md#war-campaign). Writes the campaign state
 * (hk_world.camp), the war's casualties and exhaustion, and the changes of
 * hands in war (through control.c). */
#ifndef HK_CAMPAIGN_H
#define HK_CAMPAIGN_H

#include "world/world.h"

/* Sets up the fronts when a war opens: each sector's forces face each other. */
void hk_campaign_begin(hk_world *w);
/* Fights the month's days (simulate; after battles). */
void hk_campaign_step(hk_world *w);
/* Japan has surrendered: its forces in a surrender zone lay down their
 * arms, and the power they surrender to occupies what of the zone it can
 * reach over the links from the ground it holds. */
void hk_campaign_surrender(hk_world *w);
/* The war as the month's summary shows it. */
void hk_campaign_summary(const hk_world *w, hk_war_summary *out);
/* The line of front f: the regions each side holds along it, its own
 * regions and those in contact with the other side's ground on it. */
void hk_campaign_line(const hk_world *w, int f, uint64_t line[2]);
/* Whether region `region` is within what `side` fights for (campaign.c's
 * war aims: its own ground, the surrender zones it is pledged, or all). */
bool hk_campaign_in_aims(const hk_world *w, int side, int region);
/* Regions a side holds that the other side held when the war began. */
int hk_campaign_taken(const hk_world *w, int side, uint64_t *mask);
/* Whether an offensive of `side` is under way on some front: it attacked
 * there last month, has not broken off, and the freeze does not stop it. */
bool hk_campaign_offensive_on(const hk_world *w, int side);

/* The men of a side's theatre army on no front and in no besieged
 * garrison: its reserve behind the fronts (0 at least). */
double hk_campaign_reserve(const hk_world *w, int side);

/* ---- exposed for tests ---------------------------------------------------- */
/* Shortest haul (km) over a side's own ground from its nearest railhead to
 * every region (INFINITY where it cannot reach). */
void hk_campaign_haul(const hk_world *w, int side, double *km);
/* What the links carry (men/month) from a side's supply sources to every
 * region over its own ground: the maximum flow, parallel routes added, each
 * link within its capacity (0 where none reaches, INFINITY at a source). */
void hk_campaign_flow(const hk_world *w, int side, double *cap);
/* The same to the regions of front f the side holds, together. */
double hk_campaign_front_flow(const hk_world *w, int side, int f);
/* Regions of `side` cut off from every supply link to its bases: bit set. */
uint64_t hk_campaign_encircled(const hk_world *w, int side);
/* The region a side attacks next on a front, or -1. */
int hk_campaign_objective(const hk_world *w, int front, int side, int *from);
/* True when the Trans-Siberian no longer runs over Soviet-held ground. */
bool hk_campaign_trans_siberian_cut(const hk_world *w);

#endif
