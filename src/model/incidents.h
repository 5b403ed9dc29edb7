/* incidents.h — tension and border incidents, and which incidents grow
 * into battles.
 *
 * Writes: tension per sector, the month's incident count (and the year's),
 * and the battles waiting to be fought this month. */
#ifndef HK_INCIDENTS_H
#define HK_INCIDENTS_H

#include "world/world.h"

void hk_incidents_step(hk_world *w);
/* Expected incidents this month on sector `sec` (the Poisson mean). */
double hk_incidents_rate(const hk_world *w, int sec);

/* The men an ally standing alone on sector `sec` (no treaty binds the
 * USSR to defend it) has on a clash's frontage: its frontier post and the
 * troops nearest it, not its army behind (incident.frontier_guard; the
 * Mongolian clashes of 1935-1936). HUGE_VAL where the USSR stands on the
 * border itself or is bound to it: there what stands on the frontage is
 * battles.c's to count. */
double hk_incidents_frontier_guard(const hk_world *w, int sec, bool soviet_bound);

#endif
