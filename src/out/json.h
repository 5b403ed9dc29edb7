/* json.h — a run as JSON: the event, month and summary objects of the
 * JSON Lines that `replay --json` and `simulate --json` print, the scenario
 * as the web page draws it, and the whole replay document that the report
 * embeds and GET /api/replay answers. The schema is docs/api.md.
 *
 * Every object has a fixed key order and rounded numbers, so that dumping it
 * with HK_JSON_FLAGS gives the same bytes for the same run. */
#ifndef HK_OUT_JSON_H
#define HK_OUT_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "world/api.h"
#include "out/order.h"

/* Compact, ordered, and enough digits for the 4-decimal rounding. */
#define HK_JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12))

/* A number rounded to `decimals` places; whole values become integers and a
 * non-finite value becomes null, so the text never depends on float noise. */
json_t *hk_json_number(double x, int decimals);
/* A date as "YYYY-MM-DD" / "YYYY-MM", or null when unset. */
json_t *hk_json_date(hk_date d);
json_t *hk_json_month_string(hk_month m);

json_t *hk_json_event(const hk_scenario *s, const hk_log_event *e);
json_t *hk_json_month(const hk_scenario *s, const hk_month_summary *m);
/* The nine outcomes of hk_outcome_table, in its order. */
json_t *hk_json_outcomes(const hk_outcomes *o);
/* The last line of a run. `months` and `events` count what was reported. */
json_t *hk_json_summary(const hk_scenario *s, const char *mode, uint64_t seed, uint64_t run,
                        hk_month until, int months, int events, const hk_outcomes *o);
/* The scenario's map, forces, treaties and record for the page. */
json_t *hk_json_scenario(const hk_scenario *s);

/* Collects a run's events and months as JSON, and optionally streams each
 * as a JSON Line to `out` as it arrives. Events go through an hk_order, so
 * they come out in date order before their month's line. */
typedef struct hk_json_run {
    const hk_scenario *scenario;
    FILE *out;       /* JSON Lines go here when not NULL */
    json_t *events;  /* arrays, kept when keep is true */
    json_t *months;
    bool keep;
    int n_events, n_months;
    hk_month last_month;
    int write_error; /* set when writing to out failed */
    int lost;        /* set when a line could not be made or kept (out of memory) */
    hk_order order;
} hk_json_run;

void hk_json_run_init(hk_json_run *r, const hk_scenario *s, FILE *out, bool keep);
void hk_json_run_free(hk_json_run *r);
/* An observer that feeds r (valid while r is). */
hk_observer hk_json_run_observer(hk_json_run *r);
/* Writes one object as a line (HK_JSON_FLAGS); returns 0 or -1. */
int hk_json_write_line(FILE *out, const json_t *obj);

/* {"scenario","events","months","summary"} of a finished collection; steals
 * nothing from r (the arrays are shared by reference). */
json_t *hk_json_doc(const hk_json_run *r, json_t *summary);
/* What hk_json_run_write wrote: the lines (months, events) and the run's
 * outcomes. */
typedef struct hk_json_written {
    int months, events;
    hk_outcomes outcomes;
} hk_json_written;

/* The one JSON Lines writer of a run (`simulate --json`, `replay --json`,
 * POST /api/simulate, the report's document): runs the setup, writes each
 * event and month to `out` as a line as they come (when out is not NULL),
 * then the summary line; with `doc` not NULL the whole document
 * (hk_json_doc) is made too, and with `done` not NULL what was written.
 * Returns 0, -1 if the run failed (out of memory for an event's text
 * included; what was written is incomplete), -2 if a write to out failed,
 * HK_JSON_RUN_LOST if a line could not be made or kept (out of memory). */
#define HK_JSON_RUN_LOST (-3)
int hk_json_run_write(const hk_setup *setup, hk_mode mode, uint64_t seed, hk_month until, FILE *out, json_t **doc,
                      hk_json_written *done);
/* Runs the setup and returns its document, or NULL if the run failed.
 * `until` = HK_MONTH_NONE runs to the scenario's end. */
json_t *hk_json_run_doc(const hk_setup *setup, hk_mode mode, uint64_t seed, hk_month until);
/* The replay of the setup (seed HK_REPLAY_SEED). */
json_t *hk_json_replay_doc(const hk_setup *setup);
/* One simulated history (run index 0). */
json_t *hk_json_simulate_doc(const hk_setup *setup, uint64_t seed, hk_month until);

/* Replay pins the decisions, but incidents still draw random numbers: one
 * fixed seed keeps every replay identical. */
#define HK_REPLAY_SEED 1

#endif
