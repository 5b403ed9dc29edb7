/* api_runs.c — the run endpoints (see api.h): POST /api/simulate answers a
 * history at once; POST /api/whatif starts a job that GET /api/jobs/ID
 * follows and DELETE /api/jobs/ID cancels. */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/json.h"
#include "run/inputs.h"
#include "serve/api_internal.h"

void hk_api_simulate(hk_api *api, const hk_request *req, hk_reply *reply)
{
    static const char *const allowed[] = {"seed", "until", "set", "without", "decide", "format", NULL};
    json_t *o = hk_api_body_object(reply, req->body, req->len, allowed, "POST /api/simulate");
    if (!o)
        return;
    const hk_scenario *s = api->s;
    hk_setup setup = api->base;
    uint64_t seed;
    int changes;
    hk_month until = HK_MONTH_NONE;
    bool document = false;
    if (hk_api_seed(reply, o, &seed) != 0 || hk_api_overrides(reply, o, &setup, &changes) != 0)
        goto done;
    json_t *u = json_object_get(o, "until");
    if (u && !json_is_null(u)) {
        char err[256];
        if (hk_input_month(s, json_is_string(u) ? json_string_value(u) : "", &until, err, sizeof err) != 0) {
            hk_api_error(reply, 400, "'until' %s", err);
            goto done;
        }
    }
    json_t *f = json_object_get(o, "format");
    if (f && !json_is_null(f)) {
        const char *fs = json_is_string(f) ? json_string_value(f) : "";
        if (strcmp(fs, "document") == 0)
            document = true;
        else if (strcmp(fs, "jsonl") != 0) {
            hk_api_error(reply, 400, "'format' must be \"jsonl\" (JSON Lines, the default) or \"document\"");
            goto done;
        }
    }
    if (document) {
        hk_api_reply_json(reply, 200, hk_json_simulate_doc(&setup, seed, until));
        goto done;
    }
    /* The JSON Lines of `hokushin simulate --json`, line for line. */
    char *text = NULL;
    size_t text_len = 0;
    FILE *mem = open_memstream(&text, &text_len);
    if (!mem) {
        hk_api_error(reply, 500, "out of memory");
        goto done;
    }
    int rc = hk_json_run_write(&setup, HK_MODE_SIMULATE, seed, until, mem, NULL, NULL);
    bool bad = fclose(mem) != 0;
    if (rc != 0 || bad) {
        free(text);
        hk_api_error(reply, 500, "the simulate run failed");
        goto done;
    }
    reply->status = 200;
    reply->type = "application/x-ndjson";
    reply->body = text;
    reply->len = text_len;
done:
    json_decref(o);
}

void hk_api_whatif(hk_api *api, const hk_request *req, hk_reply *reply)
{
    static const char *const allowed[] = {"runs", "seed", "set", "without", "decide", NULL};
    json_t *o = hk_api_body_object(reply, req->body, req->len, allowed, "POST /api/whatif");
    if (!o)
        return;
    hk_setup setup = api->base;
    uint64_t seed;
    int64_t runs;
    int changes;
    char err[256];
    if (hk_input_json_count(json_object_get(o, "runs"), 1000 < api->max_runs ? 1000 : api->max_runs, 1,
                            api->max_runs, " (this server's --max-runs)", &runs, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'runs' %s", err);
        goto done;
    }
    if (hk_api_seed(reply, o, &seed) != 0 || hk_api_overrides(reply, o, &setup, &changes) != 0)
        goto done;
    if (changes == 0) {
        hk_api_error(reply, 400, "a what-if needs at least one change to compare with the baseline: "
                                 "\"set\": [\"KEY=VALUE\"] or \"without\": [\"ID\"] (GET /api/params lists them)");
        goto done;
    }
    char id[HK_ID_HEX + 1];
    int rc = hk_jobs_start(&api->jobs, &setup, &api->base, seed, runs, req->client, id, err, sizeof err);
    if (rc != 0) {
        hk_api_error(reply, rc == HK_JOBS_CLIENT_BUSY ? 429 : rc == HK_JOBS_BUSY ? 503 : 500, "%s", err);
        goto done;
    }
    snprintf(reply->location, sizeof reply->location, "/api/jobs/%s", id);
    hk_api_reply_json(reply, 202, json_pack("{s:s, s:s, s:I}", "job", reply->location, "id", id, "total",
                                            (json_int_t)runs));
done:
    json_decref(o);
}

#define NO_JOB                                                                                                  \
    "no job '%.40s' (an id is 32 hex digits as POST /api/whatif gave it; finished jobs are forgotten after 32 "  \
    "newer ones)"

void hk_api_job(hk_api *api, const char *method, const char *id, hk_reply *reply)
{
    if (strcmp(method, "DELETE") == 0 && !hk_jobs_cancel(&api->jobs, id)) {
        hk_api_error(reply, 404, NO_JOB, id);
        return;
    }
    char *text = hk_jobs_describe(&api->jobs, id);
    if (!text) {
        hk_api_error(reply, 404, NO_JOB, id);
        return;
    }
    reply->status = 200;
    reply->type = TYPE_JSON;
    reply->body = text;
    reply->len = strlen(text);
}
