/* labels.h — the words a person reads for the ids the program speaks in:
 * outcomes, event kinds and parameters. The id stays the key in every JSON
 * document; the label goes beside it (`label`), and the terminal's tables
 * print it. An id without an entry gets one made from its words, so a new
 * outcome or parameter is never shown bare. */
#ifndef HK_RUN_LABELS_H
#define HK_RUN_LABELS_H

#include <stddef.h>

#include "world/api.h"

/* "Japan strikes north by 1942" for "strike_north_by_1942". */
const char *hk_label_outcome(const char *name);
/* "treaty signed" for "treaty_signed". */
const char *hk_label_event_kind(const char *kind);
/* "Imperial Way (Kodoha)" for the faction "kodoha": a short name, else the
 * scenario's name for it. */
const char *hk_label_faction(const hk_scenario *s, int faction);
/* "Neutrality Pact" for the treaty "neutrality_pact": likewise. */
const char *hk_label_treaty(const hk_scenario *s, int treaty);
/* "Faction influence drift" for "politics.drift". */
const char *hk_label_param(const char *key);
/* The value of outcome i as a person reads it, in buf: "yes", "no",
 * "1941-04" for a year + (month - 1) / 12, "3 months"; "-" when absent. */
const char *hk_label_outcome_value(int i, double v, char *buf, size_t len);
/* A year + (month - 1) / 12 as "YYYY-MM". */
void hk_label_year_month(double v, char *buf, size_t len);
/* An integer with thousands separators: 10000 -> "10,000". */
void hk_label_thousands(long long v, char *buf, size_t len);

/* The record's outcomes: those of the replay of the scenario as it is (its
 * decisions pinned to the record), the "history" shown beside each outcome.
 * Returns 0, or -1 if the run failed. */
int hk_label_history(const hk_scenario *s, hk_outcomes *out);

#endif
