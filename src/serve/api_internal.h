/* api_internal.h — what the three files of the API share (see api.h). */
#ifndef HK_SERVE_API_INTERNAL_H
#define HK_SERVE_API_INTERNAL_H

#include <jansson.h>

#include "serve/api.h"

#define TYPE_JSON "application/json"

/* Steals obj. */
void hk_api_reply_json(hk_reply *reply, int status, json_t *obj);
/* Parses a JSON object body whose keys are all in `allowed` (NULL-ended).
 * On error fills the reply and returns NULL. */
json_t *hk_api_body_object(hk_reply *reply, const char *body, size_t len, const char *const *allowed,
                           const char *what);
/* "seed" of a body: absent = 1. */
int hk_api_seed(hk_reply *reply, json_t *o, uint64_t *out);
/* Applies "set" and "without"; counts the changes. */
int hk_api_overrides(hk_reply *reply, json_t *o, hk_setup *setup, int *n_changes);

void hk_api_simulate(hk_api *api, const hk_request *req, hk_reply *reply);
void hk_api_whatif(hk_api *api, const hk_request *req, hk_reply *reply);
void hk_api_job(hk_api *api, const char *method, const char *id, hk_reply *reply);

void hk_api_play_new(hk_api *api, const hk_request *req, hk_reply *reply);
void hk_api_play_load(hk_api *api, const hk_request *req, hk_reply *reply);
void hk_api_play_turn(hk_api *api, const char *id, const hk_request *req, hk_reply *reply);
void hk_api_play_save(hk_api *api, const char *id, const char *format, hk_reply *reply);

#endif
