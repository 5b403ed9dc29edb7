/* outcomes.h — keeping the run's outcomes up to date month by month.
 *
 * Writes: the outcomes (hk_outcomes) from the state the systems left. */
#ifndef HK_MODEL_OUTCOMES_H
#define HK_MODEL_OUTCOMES_H

#include "world/world.h"

/* After the systems have played the month. */
void hk_outcomes_month(hk_world *w);
/* After the last month: figures that need the whole run. */
void hk_outcomes_close(hk_world *w);

#endif
