/* params_json.h — what a what-if can change, as one JSON document: the
 * content of `hokushin params --json` and of GET /api/params. */
#ifndef HK_PARAMS_JSON_H
#define HK_PARAMS_JSON_H

#include <jansson.h>

#include "world/api.h"

/* {"params": [{key, value, unit, min, max, source, doc}],
 *  "events": [{key, id, value, unit, name, source}],
 *  "without": [{id, kind, name}]}: every --set key with its value, unit,
 * range and source, every movable outside event (--set ID.date=...), and
 * every id --without accepts. Numbers that are not finite are null. A new
 * reference, or NULL when out of memory. */
json_t *hk_params_json(const hk_scenario *s);
/* The same with a setup's values (its --set parameters and event dates)
 * instead of the scenario's; the removed ids are marked "removed": true. */
json_t *hk_params_json_setup(const hk_setup *setup);

#endif
