/* api.c — the endpoints of `hokushin serve` (see api.h). */
#include "serve/api.h"
#include "out/advice_json.h"

#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/format.h"
#include "out/json.h"
#include "out/params_json.h"

#define TYPE_JSON "application/json"
/* The most months one POST .../turn may play: more than any scenario spans. */
#define HK_PLAY_MAX_MONTHS 1200

void hk_api_init(hk_api *api, const hk_scenario *s, int job_threads, uint64_t salt)
{
    memset(api, 0, sizeof *api);
    api->s = s;
    hk_setup_init(&api->base, s);
    hk_jobs_init(&api->jobs, job_threads);
    hk_games_init(&api->games, salt);
    pthread_mutex_init(&api->cache_lock, NULL);
}

void hk_api_free(hk_api *api)
{
    hk_jobs_shutdown(&api->jobs);
    hk_games_free(&api->games);
    pthread_mutex_destroy(&api->cache_lock);
    free(api->replay);
    free(api->params);
}

/* ---- replies ------------------------------------------------------------ */

void hk_api_error(hk_reply *reply, int status, const char *fmt, ...)
{
    char msg[768];
    HK_FORMAT_ARGS(msg, fmt);
    json_t *o = json_pack("{s:s}", "error", msg);
    free(reply->body);
    reply->body = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    reply->fixed = NULL;
    reply->len = reply->body ? strlen(reply->body) : 0;
    reply->status = status;
    reply->type = TYPE_JSON;
}

/* Steals obj. */
static void reply_json(hk_reply *reply, int status, json_t *obj)
{
    char *text = obj ? json_dumps(obj, HK_JSON_FLAGS) : NULL;
    json_decref(obj);
    if (!text) {
        hk_api_error(reply, 500, "out of memory");
        return;
    }
    free(reply->body);
    reply->body = text;
    reply->fixed = NULL;
    reply->len = strlen(text);
    reply->status = status;
    reply->type = TYPE_JSON;
}

static void reply_fixed(hk_reply *reply, int status, const char *type, const void *data, size_t len)
{
    reply->status = status;
    reply->type = type;
    reply->fixed = data;
    reply->len = len;
}

/* ---- the page ------------------------------------------------------------ */

static const char *content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
        {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
        {".woff", "font/woff"}, {".map", "application/json"}, {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');
    if (dot)
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcmp(dot, types[i].ext) == 0)
                return types[i].type;
    return "application/octet-stream";
}

static void serve_page_file(hk_reply *reply, const char *name)
{
    const hk_embedded_file *f = hk_embedded_find(hk_embedded_web, name);
    if (!f) {
        if (strcmp(name, "index.html") == 0)
            hk_api_error(reply, 404, "the web page is not built into this program: run 'make web' and rebuild; "
                                     "the API under /api/ works without it");
        else
            hk_api_error(reply, 404, "no such file: /%.100s", name);
        return;
    }
    reply_fixed(reply, 200, content_type(f->path), f->data, f->size);
}

/* ---- cached documents --------------------------------------------------- */

/* Returns the cached text, computing it on first use; the lock makes the
 * first requests wait for one computation instead of each doing it. */
static const char *cached(hk_api *api, bool replay, size_t *len)
{
    pthread_mutex_lock(&api->cache_lock);
    char **slot = replay ? &api->replay : &api->params;
    size_t *slot_len = replay ? &api->replay_len : &api->params_len;
    if (!*slot) {
        json_t *doc = replay ? hk_json_replay_doc(&api->base) : hk_params_json(api->s);
        *slot = doc ? json_dumps(doc, HK_JSON_FLAGS) : NULL;
        json_decref(doc);
        *slot_len = *slot ? strlen(*slot) : 0;
    }
    const char *text = *slot;
    *len = *slot_len;
    pthread_mutex_unlock(&api->cache_lock);
    return text;
}

/* ---- request bodies ------------------------------------------------------ */

/* Parses a JSON object body whose keys are all in `allowed` (NULL-ended).
 * On error fills the reply and returns NULL. */
static json_t *body_object(hk_reply *reply, const char *body, size_t len, const char *const *allowed,
                           const char *what)
{
    if (!body || len == 0) {
        hk_api_error(reply, 400, "%s needs a JSON object body", what);
        return NULL;
    }
    json_error_t e;
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
    if (!o) {
        hk_api_error(reply, 400, "malformed JSON at line %d, column %d: %s", e.line, e.column, e.text);
        return NULL;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        hk_api_error(reply, 400, "%s needs a JSON object body", what);
        return NULL;
    }
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        bool ok = false;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(key, allowed[i]) == 0;
        if (!ok) {
            char list[256] = "";
            for (int i = 0; allowed[i]; i++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", allowed[i]);
            hk_api_error(reply, 400, "unknown field '%.60s' for %s; expected %s", key, what, list);
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

/* An integer field from min to max (absent = def). */
static int get_uint(hk_reply *reply, json_t *o, const char *key, uint64_t def, uint64_t min, uint64_t max,
                    uint64_t *out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        *out = def;
        return 0;
    }
    double x = json_is_integer(v) ? (double)json_integer_value(v) : json_is_real(v) ? json_real_value(v) : -1;
    if (!json_is_number(v) || x < (double)min || x != floor(x) || x > (double)max) {
        hk_api_error(reply, 400, "'%s' must be a whole number from %" PRIu64 " to %" PRIu64, key, min, max);
        return -1;
    }
    *out = json_is_integer(v) ? (uint64_t)json_integer_value(v) : (uint64_t)x;
    return 0;
}

/* Applies "set" (["KEY=VALUE", ...]) and "without" (["ID", ...]); the
 * messages name the nearest valid key. */
static int apply_overrides(hk_reply *reply, json_t *o, hk_setup *setup, int *n_changes)
{
    *n_changes = 0;
    static const char *const lists[] = {"set", "without"};
    for (int l = 0; l < 2; l++) {
        json_t *arr = json_object_get(o, lists[l]);
        if (!arr || json_is_null(arr))
            continue;
        if (!json_is_array(arr)) {
            hk_api_error(reply, 400, "'%s' must be an array of strings, e.g. %s", lists[l],
                         l ? "[\"molotov_ribbentrop_pact\"]" : "[\"german_defeat.date=1944-11-01\"]");
            return -1;
        }
        if (json_array_size(arr) > HK_API_MAX_OVERRIDES) {
            hk_api_error(reply, 400, "at most %d entries in '%s'", HK_API_MAX_OVERRIDES, lists[l]);
            return -1;
        }
        size_t i;
        json_t *item;
        json_array_foreach(arr, i, item) {
            if (!json_is_string(item)) {
                hk_api_error(reply, 400, "'%s' must be an array of strings", lists[l]);
                return -1;
            }
            const char *text = json_string_value(item);
            char err[512];
            if (l == 1) {
                if (hk_setup_without(setup, text, err, sizeof err) != 0) {
                    hk_api_error(reply, 400, "without '%.80s': %s", text, err);
                    return -1;
                }
            } else {
                const char *eq = strchr(text, '=');
                if (!eq || eq == text || eq - text >= 200) {
                    hk_api_error(reply, 400, "set '%.80s': expected KEY=VALUE (GET /api/params lists the keys)",
                                 text);
                    return -1;
                }
                char key[256];
                memcpy(key, text, (size_t)(eq - text));
                key[eq - text] = '\0';
                if (hk_setup_set(setup, key, eq + 1, err, sizeof err) != 0) {
                    hk_api_error(reply, 400, "set '%.80s': %s", text, err);
                    return -1;
                }
            }
            ++*n_changes;
        }
    }
    return 0;
}

/* ---- simulate and what-if ------------------------------------------------ */

static void api_simulate(hk_api *api, const char *body, size_t len, hk_reply *reply)
{
    static const char *const allowed[] = {"seed", "until", "set", "without", "format", NULL};
    json_t *o = body_object(reply, body, len, allowed, "POST /api/simulate");
    if (!o)
        return;
    const hk_scenario *s = api->s;
    hk_setup setup = api->base;
    uint64_t seed;
    int changes;
    hk_month until = HK_MONTH_NONE;
    bool document = false;
    if (get_uint(reply, o, "seed", 1, 0, UINT64_MAX, &seed) != 0 || apply_overrides(reply, o, &setup, &changes) != 0)
        goto done;
    json_t *u = json_object_get(o, "until");
    if (u && !json_is_null(u)) {
        hk_date d;
        hk_month first = hk_date_month(s->start), last = hk_date_month(s->end);
        if (!json_is_string(u) || !hk_date_parse(json_string_value(u), &d) || d.day != 0 ||
            hk_date_month(d) < first || hk_date_month(d) > last) {
            char a[16], b[16];
            hk_month_format(first, a);
            hk_month_format(last, b);
            hk_api_error(reply, 400, "'until' must be a month YYYY-MM from %s to %s", a, b);
            goto done;
        }
        until = hk_date_month(d);
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
        reply_json(reply, 200, hk_json_simulate_doc(&setup, seed, until));
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
    hk_json_run jr;
    hk_json_run_init(&jr, s, mem, false);
    hk_observer obs = hk_json_run_observer(&jr);
    hk_outcomes out;
    memset(&out, 0, sizeof out);
    int rc = hk_run(&setup, HK_MODE_SIMULATE, seed, 0, until, &obs, &out);
    if (rc == 0) {
        json_t *summary = hk_json_summary(s, "simulate", seed, 0, jr.last_month, jr.n_months, jr.n_events, &out);
        if (hk_json_write_line(mem, summary) != 0)
            jr.write_error = 1;
        json_decref(summary);
    }
    bool bad = jr.write_error;
    hk_json_run_free(&jr);
    bad |= fclose(mem) != 0;
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

static void api_whatif(hk_api *api, const char *body, size_t len, hk_reply *reply)
{
    static const char *const allowed[] = {"runs", "seed", "set", "without", NULL};
    json_t *o = body_object(reply, body, len, allowed, "POST /api/whatif");
    if (!o)
        return;
    hk_setup setup = api->base;
    uint64_t seed, runs;
    int changes;
    if (get_uint(reply, o, "runs", 1000, 1, HK_API_MAX_RUNS, &runs) != 0 ||
        get_uint(reply, o, "seed", 1, 0, UINT64_MAX, &seed) != 0 || apply_overrides(reply, o, &setup, &changes) != 0)
        goto done;
    if (changes == 0) {
        hk_api_error(reply, 400, "a what-if needs at least one change to compare with the baseline: "
                                 "\"set\": [\"KEY=VALUE\"] or \"without\": [\"ID\"] (GET /api/params lists them)");
        goto done;
    }
    char err[256];
    uint64_t id = hk_jobs_start(&api->jobs, &setup, &api->base, seed, (int64_t)runs, err, sizeof err);
    if (!id) {
        hk_api_error(reply, 503, "%s", err);
        goto done;
    }
    snprintf(reply->location, sizeof reply->location, "/api/jobs/%" PRIu64, id);
    char idtext[24];
    snprintf(idtext, sizeof idtext, "%" PRIu64, id);
    reply_json(reply, 202, json_pack("{s:s, s:s, s:I}", "job", reply->location, "id", idtext, "total",
                                     (json_int_t)runs));
done:
    json_decref(o);
}

static void api_job(hk_api *api, const char *method, const char *idtext, hk_reply *reply)
{
    char *end;
    uint64_t id = strtoull(idtext, &end, 10);
    if (!*idtext || *end || idtext[0] == '-' || idtext[0] == '+') {
        hk_api_error(reply, 404, "no job '%.40s'", idtext);
        return;
    }
    if (strcmp(method, "DELETE") == 0) {
        if (!hk_jobs_cancel(&api->jobs, id)) {
            hk_api_error(reply, 404, "no job %" PRIu64 " (finished jobs are forgotten after a while)", id);
            return;
        }
    }
    char *text = hk_jobs_describe(&api->jobs, id);
    if (!text) {
        hk_api_error(reply, 404, "no job %" PRIu64 " (finished jobs are forgotten after a while)", id);
        return;
    }
    reply->status = 200;
    reply->type = TYPE_JSON;
    reply->body = text;
    reply->len = strlen(text);
}

/* ---- play ------------------------------------------------------------------ */

typedef struct event_list {
    const hk_scenario *s;
    json_t *events;
} event_list;

static void collect_event(void *ud, const hk_log_event *e)
{
    event_list *l = ud;
    json_array_append_new(l->events, hk_json_event(l->s, e));
}

/* {"game","as","seed","state","events"}; steals events. */
static json_t *game_doc(const hk_api *api, uint64_t id, const hk_game *g, json_t *events)
{
    hk_month_summary m;
    hk_game_state(g, &m);
    json_t *state = hk_json_month(api->s, &m);
    json_object_set_new(state, "over", json_boolean(hk_game_over(g)));
    json_object_set_new(state, "next", hk_game_over(g) ? json_null() : hk_json_month_string(hk_game_month(g)));
    json_object_set_new(state, "events", json_incref(events));
    json_object_set_new(state, "advice", hk_advice_json(g)); /* the model's orders in the player's place */
    json_object_set_new(state, "end", hk_game_end_json(g));   /* the game against the record, once over */
    char idtext[24];
    hk_games_id_text(id, idtext);
    return json_pack("{s:s, s:s, s:I, s:i, s:o, s:o}", "game", idtext, "as", api->s->actors[g->player].id, "seed",
                     (json_int_t)g->seed, "months_played", g->n_turns, "state", state, "events", events);
}

static void api_play_new(hk_api *api, const char *body, size_t len, hk_reply *reply)
{
    static const char *const allowed[] = {"as", "seed", NULL};
    json_t *o = body_object(reply, body, len, allowed, "POST /api/play");
    if (!o)
        return;
    uint64_t seed;
    json_t *as = json_object_get(o, "as");
    if (get_uint(reply, o, "seed", 1, 0, UINT64_MAX, &seed) == 0) {
        char err[256];
        hk_game *g = json_is_string(as) ? hk_game_new(api->s, json_string_value(as), seed, err, sizeof err) : NULL;
        if (!json_is_string(as))
            snprintf(err, sizeof err, "'as' must be \"JPN\" (Japan) or \"SOV\" (the Soviet Union)");
        if (!g) {
            hk_api_error(reply, 400, "%s", err);
        } else {
            uint64_t id = hk_games_add(&api->games, g);
            /* the table may evict it at once only after HK_GAMES_MAX newer games */
            hk_game *h = hk_games_acquire(&api->games, id);
            if (h) {
                reply_json(reply, 200, game_doc(api, id, h, json_array()));
                hk_games_release(&api->games);
            } else {
                hk_api_error(reply, 503, "too many games at once; try again");
            }
        }
    }
    json_decref(o);
}

static int treaty_field(hk_reply *reply, const hk_api *api, const hk_game *g, json_t *v, const char *key, int *out)
{
    *out = -1;
    if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)))
        return 0;
    int t = json_is_string(v) ? hk_scenario_treaty(api->s, json_string_value(v)) : -1;
    if (t < 0) {
        hk_api_error(reply, 400, "'%s' must be a treaty id or null (GET /api/params lists them under \"without\")",
                     key);
        return -1;
    }
    const hk_treaty *x = &api->s->treaties[t];
    for (int p = 0; p < x->n_parties; p++)
        if (x->parties[p] == g->player) {
            *out = t;
            return 0;
        }
    hk_api_error(reply, 400, "'%s': %s is not a party to %s", key, api->s->actors[g->player].id, x->id);
    return -1;
}

static int unit_field(hk_reply *reply, json_t *v, const char *key, double *out)
{
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v) || !isfinite(json_number_value(v)) || fabs(json_number_value(v)) > 1) {
        hk_api_error(reply, 400, "'%s' must be a number from -1 to 1", key);
        return -1;
    }
    *out = json_number_value(v);
    return 0;
}

/* ORDERS of web/README.md; null or absent orders leave the month to the model. */
static int parse_orders(hk_reply *reply, const hk_api *api, const hk_game *g, json_t *v, hk_orders *o, bool *given)
{
    hk_orders_none(o);
    *given = false;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_object(v)) {
        hk_api_error(reply, 400, "'orders' must be an object or null");
        return -1;
    }
    static const char *const keys[] = {"doctrine_push", "reinforce", "propose_treaty", "denounce_treaty",
                                       "incidents", "declare_war"};
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x) {
        bool ok = false;
        for (int i = 0; i < 6 && !ok; i++)
            ok = strcmp(key, keys[i]) == 0;
        if (!ok) {
            hk_api_error(reply, 400, "unknown order '%.60s'; orders are doctrine_push, reinforce, propose_treaty, "
                                     "denounce_treaty, incidents, declare_war", key);
            return -1;
        }
    }
    if (unit_field(reply, json_object_get(v, "doctrine_push"), "doctrine_push", &o->doctrine_push) != 0 ||
        unit_field(reply, json_object_get(v, "reinforce"), "reinforce", &o->reinforce) != 0 ||
        treaty_field(reply, api, g, json_object_get(v, "propose_treaty"), "propose_treaty", &o->propose_treaty) != 0 ||
        treaty_field(reply, api, g, json_object_get(v, "denounce_treaty"), "denounce_treaty", &o->denounce_treaty) != 0)
        return -1;
    json_t *inc = json_object_get(v, "incidents");
    if (inc && !json_is_null(inc)) {
        const char *t = json_is_string(inc) ? json_string_value(inc) : "";
        if (strcmp(t, "model") == 0)
            o->incidents = HK_ESC_MODEL;
        else if (strcmp(t, "escalate") == 0)
            o->incidents = HK_ESC_ESCALATE;
        else if (strcmp(t, "contain") == 0)
            o->incidents = HK_ESC_CONTAIN;
        else {
            hk_api_error(reply, 400, "'incidents' must be \"model\", \"escalate\" or \"contain\"");
            return -1;
        }
    }
    json_t *war = json_object_get(v, "declare_war");
    if (war && !json_is_null(war)) {
        if (!json_is_boolean(war)) {
            hk_api_error(reply, 400, "'declare_war' must be true or false");
            return -1;
        }
        o->declare_war = json_is_true(war);
    }
    *given = true;
    return 0;
}

static void api_play_turn(hk_api *api, uint64_t id, const char *body, size_t len, hk_reply *reply)
{
    static const char *const allowed[] = {"orders", "months", NULL};
    json_t *o = body_object(reply, body, len, allowed, "POST /api/play/ID/turn");
    if (!o)
        return;
    /* "months": N plays N months with the same orders, as the terminal's
     * `skip N` does with none; it stops early when the game ends. */
    uint64_t months;
    if (get_uint(reply, o, "months", 1, 1, HK_PLAY_MAX_MONTHS, &months) != 0) {
        json_decref(o);
        return;
    }
    hk_game *g = hk_games_acquire(&api->games, id);
    if (!g) {
        hk_api_error(reply, 404, "no such game (games left alone longest are dropped when many are open)");
        json_decref(o);
        return;
    }
    hk_orders orders;
    bool given;
    if (hk_game_over(g)) {
        hk_api_error(reply, 409, "the game is over; load a save or start a new game");
    } else if (parse_orders(reply, api, g, json_object_get(o, "orders"), &orders, &given) == 0) {
        event_list l = {api->s, json_array()};
        hk_observer obs = {collect_event, NULL, &l};
        int rc = 0;
        for (uint64_t i = 0; i < months && rc == 0 && !hk_game_over(g); i++)
            rc = hk_game_turn(g, given ? &orders : NULL, &obs);
        if (rc != 0) {
            json_decref(l.events);
            hk_api_error(reply, 500, "out of memory");
        } else {
            reply_json(reply, 200, game_doc(api, id, g, l.events));
        }
    }
    hk_games_release(&api->games);
    json_decref(o);
}

static void api_play_save(hk_api *api, uint64_t id, const char *format, hk_reply *reply)
{
    hk_game *g = hk_games_acquire(&api->games, id);
    if (!g) {
        hk_api_error(reply, 404, "no such game (games left alone longest are dropped when many are open)");
        return;
    }
    char *text = hk_game_save(g);
    char next[16];
    hk_month_format(hk_game_month(g), next);
    const char *as = api->s->actors[g->player].id;
    uint64_t seed = g->seed;
    int months = g->n_turns;
    hk_games_release(&api->games);
    if (!text) {
        hk_api_error(reply, 500, "out of memory");
        return;
    }
    bool raw = format && strcmp(format, "text") == 0;
    snprintf(reply->disposition, sizeof reply->disposition, "attachment; filename=\"hokushin-%s-seed%" PRIu64 "-%s.%s\"",
             as, seed, next, raw ? "save" : "json");
    if (raw) {
        reply->status = 200;
        reply->type = "text/plain; charset=utf-8";
        reply->body = text;
        reply->len = strlen(text);
        return;
    }
    /* The page downloads JSON; the save file's text travels inside it. */
    char idtext[24];
    hk_games_id_text(id, idtext);
    reply_json(reply, 200, json_pack("{s:s, s:i, s:s, s:s, s:I, s:s, s:i, s:s}", "format", HK_SAVE_MAGIC, "version",
                                     HK_SAVE_VERSION, "game", idtext, "as", as, "seed", (json_int_t)seed, "next",
                                     next, "months_played", months, "save", text));
    free(text);
}

static void api_play_load(hk_api *api, const char *body, size_t len, hk_reply *reply)
{
    /* Either the save file's text, or the JSON that GET .../save answers. */
    const char *text = body ? body : "";
    size_t text_len = body ? len : 0;
    json_t *o = NULL;
    size_t ml = strlen(HK_SAVE_MAGIC);
    if (!(text_len >= ml && memcmp(text, HK_SAVE_MAGIC, ml) == 0)) {
        json_error_t e;
        o = json_loadb(text, text_len, 0, &e);
        json_t *save = json_is_object(o) ? json_object_get(o, "save") : NULL;
        if (!json_is_string(save)) {
            json_decref(o);
            hk_api_error(reply, 400, "not a saved game: send the file that 'save' gave (text starting with '%s', "
                                     "or the JSON with a \"save\" field)", HK_SAVE_MAGIC);
            return;
        }
        text = json_string_value(save);
        text_len = json_string_length(save);
    }
    char err[512];
    hk_game *g = hk_game_load(api->s, text, text_len, "save", err, sizeof err);
    json_decref(o);
    if (!g) {
        hk_api_error(reply, 400, "%s", err);
        return;
    }
    uint64_t id = hk_games_add(&api->games, g);
    hk_game *h = hk_games_acquire(&api->games, id);
    if (!h) {
        hk_api_error(reply, 503, "too many games at once; try again");
        return;
    }
    reply_json(reply, 200, game_doc(api, id, h, json_array()));
    hk_games_release(&api->games);
}

/* ---- routing --------------------------------------------------------------- */

static bool method_is(const char *method, const char *allowed)
{
    if (strcmp(method, allowed) == 0)
        return true;
    return strcmp(allowed, "GET") == 0 && strcmp(method, "HEAD") == 0;
}

static bool need(hk_reply *reply, const char *method, const char *allowed)
{
    if (method_is(method, allowed))
        return true;
    reply->allow = strcmp(allowed, "GET") == 0 ? "GET, HEAD" : allowed;
    hk_api_error(reply, 405, "%s is not allowed here; use %s", method, allowed);
    return false;
}

void hk_api_handle(hk_api *api, const char *method, const char *path, const char *format, const char *body,
                   size_t len, hk_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    if (strcmp(path, "/") == 0 || strcmp(path, "/index.html") == 0) {
        if (need(reply, method, "GET"))
            serve_page_file(reply, "index.html");
        return;
    }
    if (strncmp(path, "/assets/", 8) == 0) {
        /* a table lookup, never a path on disk: "..", "%2e" and the like just miss */
        if (need(reply, method, "GET"))
            serve_page_file(reply, path + 1);
        return;
    }
    if (strcmp(path, "/api/params") == 0 || strcmp(path, "/api/replay") == 0) {
        if (!need(reply, method, "GET"))
            return;
        bool replay = path[5] == 'r';
        size_t n;
        const char *text = cached(api, replay, &n);
        if (!text)
            hk_api_error(reply, 500, "the %s could not be computed", replay ? "replay" : "parameter list");
        else
            reply_fixed(reply, 200, TYPE_JSON, text, n);
        return;
    }
    if (strcmp(path, "/api/simulate") == 0) {
        if (need(reply, method, "POST"))
            api_simulate(api, body, len, reply);
        return;
    }
    if (strcmp(path, "/api/whatif") == 0) {
        if (need(reply, method, "POST"))
            api_whatif(api, body, len, reply);
        return;
    }
    if (strncmp(path, "/api/jobs/", 10) == 0) {
        if (strcmp(method, "DELETE") != 0 && !need(reply, method, "GET")) {
            reply->allow = "GET, HEAD, DELETE";
            return;
        }
        api_job(api, method, path + 10, reply);
        return;
    }
    if (strcmp(path, "/api/play") == 0) {
        if (need(reply, method, "POST"))
            api_play_new(api, body, len, reply);
        return;
    }
    if (strcmp(path, "/api/play/load") == 0) {
        if (need(reply, method, "POST"))
            api_play_load(api, body, len, reply);
        return;
    }
    if (strncmp(path, "/api/play/", 10) == 0) {
        const char *rest = path + 10;
        const char *slash = strchr(rest, '/');
        char idtext[24] = "";
        if (slash && slash - rest < (ptrdiff_t)sizeof idtext) {
            memcpy(idtext, rest, (size_t)(slash - rest));
            idtext[slash - rest] = '\0';
        }
        uint64_t id = hk_games_id_parse(idtext);
        if (slash && strcmp(slash, "/turn") == 0) {
            if (!need(reply, method, "POST"))
                return;
            if (!id)
                hk_api_error(reply, 404, "no such game");
            else
                api_play_turn(api, id, body, len, reply);
            return;
        }
        if (slash && strcmp(slash, "/save") == 0) {
            if (!need(reply, method, "GET"))
                return;
            if (!id)
                hk_api_error(reply, 404, "no such game");
            else
                api_play_save(api, id, format, reply);
            return;
        }
    }
    hk_api_error(reply, 404, "nothing at %.100s: the page is at / and the API under /api/ (params, replay, "
                             "simulate, whatif, jobs, play)", path);
}
