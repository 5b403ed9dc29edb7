/* output.h — one run written the ways a command asks: the terminal
 * timeline, JSON Lines on stdout, and/or the HTML report. The run happens
 * once and every output observes it. */
#ifndef HK_OUT_OUTPUT_H
#define HK_OUT_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "world/api.h"

typedef struct hk_output_opts {
    hk_mode mode;
    uint64_t seed;
    hk_month until;       /* HK_MONTH_NONE = the scenario's end */
    bool json;            /* JSON Lines on stdout instead of the timeline */
    const char *out_dir;  /* write DIR/index.html, or NULL */
    bool explain;         /* timeline: every event explained (simulate) */
} hk_output_opts;

/* Whether outcome i (of hk_outcome_table) is settled by a run that stopped
 * after `until` in a scenario ending in `end`. An outcome that already
 * happened is settled; one that has not happened yet is settled only once
 * its deadline (1942-12 for strike_north_by_1942, 1944-12 for
 * japan_soviet_war_before_1945, 1941-07 for doctrine_south_by_1941_07,
 * 1940-12 for major_border_battle_1937_1940, 1945-09 for
 * soviet_entry_by_1945_09, the scenario's end for the others) has been run.
 * `until` HK_MONTH_NONE means the scenario's end. The dates are those of the
 * outcome definitions (product.md), not model decisions. */
bool hk_output_outcome_decided(const hk_outcomes *o, int i, hk_month until, hk_month end);

/* Runs the setup and writes the outputs; returns an exit status (0, or 1
 * when the run or a write failed, with a message on stderr). */
int hk_output_run(const hk_setup *setup, const hk_output_opts *opts);

#endif
