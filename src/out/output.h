/* output.h — one run written the ways a command asks: the terminal
 * timeline, JSON Lines on stdout, and/or the HTML report. The run happens
 * once and every output observes it. */
#ifndef HK_OUT_OUTPUT_H
#define HK_OUT_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "hokushin.h"

typedef struct hk_output_opts {
    hk_mode mode;
    uint64_t seed;
    hk_month until;       /* HK_MONTH_NONE = the scenario's end */
    bool json;            /* JSON Lines on stdout instead of the timeline */
    const char *out_dir;  /* write DIR/index.html, or NULL */
    bool explain;         /* timeline: every event explained (simulate) */
} hk_output_opts;

/* Runs the setup and writes the outputs; returns an exit status (0, or 1
 * when the run or a write failed, with a message on stderr). */
int hk_output_run(const hk_setup *setup, const hk_output_opts *opts);

#endif
