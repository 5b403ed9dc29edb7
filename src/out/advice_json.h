/* advice_json.h — the game's advisor line as JSON (see hk_game_advise). */
#ifndef HK_OUT_ADVICE_JSON_H
#define HK_OUT_ADVICE_JSON_H

#include <jansson.h>

#include "run/play.h"

/* {"month": "YYYY-MM", "line": "In your place the model would ...",
 *  "doctrine": {"from", "to"}, "war": {"from", "to"}, "events": [{"kind","text"}]},
 * or null when the game is over. */
json_t *hk_advice_json(const hk_game *g);
/* At the game's end, its outcomes beside the record's, each {"value","text"}:
 * {"outcomes": {...}, "history": {...}}; null before. */
json_t *hk_game_end_json(const hk_game *g);

#endif
