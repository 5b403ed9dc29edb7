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

#endif
