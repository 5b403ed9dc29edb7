/* labels_json.h — the labels of labels.h as JSON, for the documents the web
 * page reads: the replay document's `labels` and the what-if's `history`. */
#ifndef HK_OUT_LABELS_JSON_H
#define HK_OUT_LABELS_JSON_H

#include <jansson.h>

#include "world/api.h"

/* {"outcomes": {name: {"label", "history", "history_value"}}, "event_kinds":
 * {kind: label}, "params": {key: label}, "treaties": {id: name}, "events":
 * {id: name}, "actors": {id: {"name", "forms": [{"id", "name", "from"}],
 * "until"}}}; the outcomes' history is record's (the replay's outcomes,
 * hk_label_history), none when record is NULL. */
json_t *hk_labels_json(const hk_scenario *s, const hk_outcomes *record);
/* {name: {"value": v or null, "text": "1941-04"}} for a run's outcomes. */
json_t *hk_history_json(const hk_outcomes *o);

#endif
