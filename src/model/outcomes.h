/* outcomes.h — keeping the run's outcomes up to date month by month.
 *
 * Writes: the outcomes (hk_outcomes) from the state the systems left; the
 * other systems only read them. (The major border battle's figures are
 * still set by battles.c.) */
#ifndef HK_MODEL_OUTCOMES_H
#define HK_MODEL_OUTCOMES_H

#include "world/world.h"

/* After the systems have played the month. */
void hk_outcomes_month(hk_world *w);
/* Bit i set when outcome i is settled once `last` has been played. */
uint32_t hk_outcomes_decided(const hk_world *w, hk_month last);
/* Sets until (the last month played) and decided. */
void hk_outcomes_settle(hk_world *w);
/* After the last month: figures that need the whole run. */
void hk_outcomes_close(hk_world *w);

#endif
