/* run.c — one whole run, replay or simulate, from the scenario's start to
 * a month, with the world on the stack: nothing is allocated unless an
 * observer wants the events' text. */
#include "world/api.h"

#include "world/world.h"

int hk_run(const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run, hk_month until,
           const hk_observer *obs, hk_outcomes *out)
{
    if (!setup || !setup->scenario || !setup->scenario->compiled || !out)
        return -1; /* (a scenario built by hand needs hk_scenario_compile) */
    hk_world w; /* on the stack: a run allocates nothing without an observer */
    hk_world_start(&w, setup, mode, seed, run);
    hk_month last = (until == HK_MONTH_NONE || until > w.end) ? w.end : until;
    while (w.month <= last)
        hk_world_play_month(&w, obs);
    hk_world_close(&w);
    *out = w.out;
    hk_world_release(&w);
    /* an event the observer got without its text is a history told wrong */
    return w.text_lost ? -1 : 0;
}
