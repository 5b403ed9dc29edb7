/* inputs.h — the one set of rules for what a person types or a client
 * sends: seeds, run counts, months, KEY=VALUE settings and ids to remove.
 * The commands (src/cli) and the web API (src/serve) both check through
 * here, so a value is refused everywhere or nowhere, with the same words.
 *
 * Each function returns 0, or -1 with a message in err that says what is
 * wrong and what would be right; the caller adds where the value came from
 * ("--seed", "'seed'"). */
#ifndef HK_RUN_INPUTS_H
#define HK_RUN_INPUTS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "world/api.h"

/* The text of the whole seed range, for messages and help. */
#define HK_SEED_RANGE "a whole number from 0 to 18446744073709551615 (2^64 - 1)"

/* A seed: decimal digits only, 0 to 2^64 - 1. No sign, no spaces, no
 * fraction, no exponent. */
int hk_input_seed(const char *text, uint64_t *out, char *err, size_t errlen);
/* A whole number from lo to hi (a run count, a number of months): decimal
 * digits only. `note` follows hi in the message (e.g. " (this server's
 * --max-runs)"), or NULL. */
int hk_input_count(const char *text, int64_t lo, int64_t hi, const char *note, int64_t *out, char *err,
                   size_t errlen);
/* A month YYYY-MM within the scenario's months (a day is refused: a run
 * stops at the end of a month). With s NULL only the form is checked. */
int hk_input_month(const hk_scenario *s, const char *text, hk_month *out, char *err, size_t errlen);
/* KEY=VALUE applied to a setup (hk_setup_set): the key and the value must
 * not have spaces around them; an unknown key gets the nearest one. */
int hk_input_set(hk_setup *setup, const char *assignment, char *err, size_t errlen);
/* An outside event or treaty id to remove (hk_setup_without). */
int hk_input_without(hk_setup *setup, const char *id, char *err, size_t errlen);

/* The same rules for a JSON value: a seed is a JSON integer or a string of
 * digits (JSON readers keep integers exactly only up to 2^53 or 2^63, so
 * larger seeds travel as strings); a count is a JSON integer. A missing or
 * null value gives def. */
int hk_input_json_seed(const json_t *v, uint64_t def, uint64_t *out, char *err, size_t errlen);
int hk_input_json_count(const json_t *v, int64_t def, int64_t lo, int64_t hi, const char *note, int64_t *out,
                        char *err, size_t errlen);
/* A seed as JSON: an integer up to 2^63 - 1, a string of digits above. */
json_t *hk_json_seed(uint64_t seed);

#endif
