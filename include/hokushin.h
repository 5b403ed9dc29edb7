/* hokushin.h — the public surface of libhokushin.
 *
 * Japan between striking north against the USSR and striking south,
 * 1918-1945: load a scenario, make a setup of it (parameters, event dates,
 * what is removed, decisions forced), run one history (the record replayed,
 * or a history the model decides) or an ensemble of simulated histories,
 * and read their outcomes.
 *
 * Everything here is a handle: the scenario's records, a setup's values
 * and a run's state stay inside the library, so this header needs nothing
 * but the C library's. Runs share nothing but the read-only scenario and
 * setup, so several threads may run histories of one setup at once; the
 * same seed and run index give the same history, bit for bit, on any
 * number of threads.
 *
 *     char err[512];
 *     hk_scenario *s = hk_open_scenario(NULL, err, sizeof err);   // built-in
 *     hk_setup *su = hk_setup_new(s);
 *     hk_setup_set(su, "incident.base_rate", "3", err, sizeof err);
 *     hk_outcomes *o = hk_outcomes_new();
 *     hk_history(su, HK_HISTORY_SIMULATE, 1, 0, NULL, NULL, o);
 *     double p = hk_outcome_value(o, 0);
 *
 * Functions that can fail return 0 (or a handle) on success and -1 (or
 * NULL) on failure, with a message in err when they take one. */
#ifndef HOKUSHIN_H
#define HOKUSHIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HK_VERSION "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hk_scenario hk_scenario;        /* a loaded scenario, read-only once loaded */
typedef struct hk_setup hk_setup;              /* a scenario with overrides */
typedef struct hk_outcomes hk_outcomes;        /* one history's outcomes */
typedef struct hk_ensemble_summary hk_ensemble_summary; /* an ensemble's outcomes */

/* ---- scenarios ---------------------------------------------------------- */

/* Loads a scenario folder, or with dir NULL the built-in Northeast Asia
 * 1918-1945 scenario. On error returns NULL with every problem, as
 * file:line: message lines, in err. */
hk_scenario *hk_open_scenario(const char *dir, char *err, size_t errlen);
void hk_scenario_free(hk_scenario *s);

/* ---- setups --------------------------------------------------------------- */

/* The scenario's own values (s must outlive the setup); NULL out of memory. */
hk_setup *hk_setup_new(const hk_scenario *s);
void hk_setup_delete(hk_setup *setup);
/* `KEY=VALUE`: a parameter key (`hokushin params` lists them) or
 * `EVENT.date` (YYYY-MM-DD). Returns 0, or -1 with a message naming the
 * nearest valid key in err. */
int hk_setup_set(hk_setup *setup, const char *key, const char *value, char *err, size_t errlen);
/* Removes an outside event or forbids a treaty, by id. */
int hk_setup_without(hk_setup *setup, const char *id, char *err, size_t errlen);
/* `ACTOR.DECISION=YYYY-MM`: a decision forced that month (JPN.strike_north,
 * JPN.commit_south, JPN.seize_manchuria, SOV.enter_war, ACTOR.sign.TREATY,
 * ACTOR.denounce.TREATY); everything else follows from the state. */
int hk_setup_decide(hk_setup *setup, const char *text, char *err, size_t errlen);

/* ---- one history ---------------------------------------------------------- */

enum { HK_HISTORY_REPLAY = 0, HK_HISTORY_SIMULATE = 1 };

/* One event of a history as it is told: date "YYYY-MM-DD" ("YYYY-MM" when
 * the month is all that is known), kind ("treaty_signed", "incident",
 * "battle", "war", ...), the id of the fact, treaty or battle, a sentence,
 * and its source (a seed citation, a publication, or "model: <rule>"). The
 * strings live until the callback returns. */
typedef void (*hk_event_fn)(void *ud, const char *date, const char *kind, const char *id, const char *text,
                            const char *source);

hk_outcomes *hk_outcomes_new(void);
void hk_outcomes_delete(hk_outcomes *o);

/* Runs one whole history of the setup (mode HK_HISTORY_*; replay ignores
 * seed and run) and fills out. With on_event not NULL each event is passed
 * to it as the model tells it, month by month. Returns 0, or -1 on a program failure (out of
 * memory). */
int hk_history(const hk_setup *setup, int mode, uint64_t seed, uint64_t run, hk_event_fn on_event, void *ud,
               hk_outcomes *out);

/* ---- outcomes --------------------------------------------------------------- */

/* The outcomes every history and ensemble reports, in a fixed order:
 * i from 0 to hk_outcome_count() - 1. */
int hk_outcome_count(void);
const char *hk_outcome_name(int i);  /* "strike_north_by_1942", ... */
const char *hk_outcome_doc(int i);   /* what it measures, in a sentence */
bool hk_outcome_is_proportion(int i); /* a yes/no outcome (else a mean) */
/* Outcome i of one history: 0 or 1 for a yes/no outcome, else the figure;
 * NaN where it does not apply (no pact signed, no Soviet entry). */
double hk_outcome_value(const hk_outcomes *o, int i);

/* ---- ensembles --------------------------------------------------------------- */

/* Runs `runs` simulated histories of the setup (run indices 0 .. runs - 1
 * of `seed`) on `threads` threads (0: one per core). Returns NULL with a
 * message in err on failure. */
hk_ensemble_summary *hk_ensemble(const hk_setup *setup, uint64_t seed, int64_t runs, int threads, char *err,
                                 size_t errlen);
void hk_ensemble_summary_free(hk_ensemble_summary *e);
/* Histories counted. */
int64_t hk_ensemble_runs(const hk_ensemble_summary *e);
/* Outcome i over the ensemble: the share of histories (yes/no) or the mean
 * over those where it applies, with its 95% interval in lo, hi (Wilson's
 * for a share, Student's t for a mean; either may be NULL); NaN when no
 * history has it. */
double hk_ensemble_outcome(const hk_ensemble_summary *e, int i, double *lo, double *hi);

#ifdef __cplusplus
}
#endif

#endif
