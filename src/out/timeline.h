/* timeline.h — a run as text for the terminal: dated events with their
 * sources, and after each year a block with the state of that year
 * (doctrine, factions, the forces facing each other on the border, treaties
 * in force, incidents against the record). */
#ifndef HK_OUT_TIMELINE_H
#define HK_OUT_TIMELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "world/api.h"

#define HK_TIMELINE_WIDTH 100

typedef struct hk_timeline_opts {
    bool color;    /* ANSI colours and Unicode bars */
    bool explain;  /* every event, incidents included (simulate); else the key events */
    int width;     /* columns; 0 = HK_TIMELINE_WIDTH */
} hk_timeline_opts;

typedef struct hk_timeline hk_timeline;

/* True when `out` is a terminal and NO_COLOR is unset or empty. */
bool hk_timeline_want_color(FILE *out);

hk_timeline *hk_timeline_new(const hk_scenario *s, FILE *out, const hk_timeline_opts *opts);
void hk_timeline_free(hk_timeline *t);
hk_observer hk_timeline_observer(hk_timeline *t);
/* A heading naming the run. */
void hk_timeline_header(hk_timeline *t, const char *mode, uint64_t seed, bool show_seed);
/* Prints the last (partial) year if pending, then the outcomes. */
void hk_timeline_finish(hk_timeline *t, const hk_outcomes *o);

#endif
