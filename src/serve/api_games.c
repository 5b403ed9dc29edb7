/* api_games.c — the game endpoints (see api.h): POST /api/play starts a
 * game, POST /api/play/ID/turn plays months, GET /api/play/ID/save saves it
 * and POST /api/play/load loads a save. A game is known by its random id
 * (ids.h) and dropped after it has been left alone for HK_GAMES_IDLE_SECONDS;
 * the messages say so. */
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/advice_json.h"
#include "out/json.h"
#include "run/inputs.h"
#include "serve/api_internal.h"

/* The most months one POST .../turn may play: more than any scenario spans. */
#define HK_PLAY_MAX_MONTHS 1200

static void no_game(hk_reply *reply, const hk_api *api, const char *id)
{
    hk_api_error(reply, 404,
                 "no game '%.40s': an id is 32 hex digits as POST /api/play gave it, and a game left alone for "
                 "%.0f hours is dropped (save it to keep it; POST /api/play/load brings it back)",
                 id, api->games.idle_limit / 3600);
}

static void too_many_games(hk_reply *reply, const hk_api *api, int rc)
{
    if (rc == -2)
        hk_api_error(reply, 500, "the operating system gives no random bytes for a game id");
    else
        hk_api_error(reply, 503,
                     "this server already holds %d games in play, the most it keeps; a game is dropped after "
                     "%.0f hours without a turn, so try again later",
                     HK_GAMES_MAX, api->games.idle_limit / 3600);
}

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
static json_t *game_doc(const hk_api *api, const char *id, const hk_game *g, json_t *events)
{
    hk_month_summary m;
    hk_game_state(g, &m);
    json_t *state = hk_json_month(api->s, &m);
    json_object_set_new(state, "over", json_boolean(hk_game_over(g)));
    json_object_set_new(state, "next", hk_game_over(g) ? json_null() : hk_json_month_string(hk_game_month(g)));
    json_object_set_new(state, "events", json_incref(events));
    json_object_set_new(state, "advice", hk_advice_json(g)); /* the model's orders in the player's place */
    json_object_set_new(state, "end", hk_game_end_json(g));   /* the game against the record, once over */
    return json_pack("{s:s, s:s, s:o, s:i, s:o, s:o}", "game", id, "as", api->s->actors[g->player].id, "seed",
                     hk_json_seed(g->seed), "months_played", g->n_turns, "state", state, "events", events);
}

void hk_api_play_new(hk_api *api, const hk_request *req, hk_reply *reply)
{
    static const char *const allowed[] = {"as", "seed", NULL};
    json_t *o = hk_api_body_object(reply, req->body, req->len, allowed, "POST /api/play");
    if (!o)
        return;
    uint64_t seed;
    json_t *as = json_object_get(o, "as");
    if (hk_api_seed(reply, o, &seed) == 0) {
        char err[256];
        hk_game *g = json_is_string(as) ? hk_game_new(api->s, json_string_value(as), seed, err, sizeof err) : NULL;
        if (!json_is_string(as))
            snprintf(err, sizeof err, "'as' must be \"JPN\" (Japan) or \"SOV\" (the Soviet Union)");
        if (!g) {
            hk_api_error(reply, 400, "%s", err);
        } else {
            char id[HK_ID_HEX + 1];
            int rc = hk_games_add(&api->games, g, id);
            hk_game *h = rc == 0 ? hk_games_acquire(&api->games, id) : NULL;
            if (h) {
                hk_api_reply_json(reply, 200, game_doc(api, id, h, json_array()));
                hk_games_release(&api->games);
            } else {
                too_many_games(reply, api, rc);
            }
        }
    }
    json_decref(o);
}

static int treaty_field(hk_reply *reply, const hk_api *api, const hk_game *g, json_t *v, const char *key, int *out)
{
    char err[160];
    if (v && !json_is_null(v) && !json_is_string(v)) {
        hk_api_error(reply, 400, "'%s' must be a treaty id or null (GET /api/params lists them under \"without\")",
                     key);
        return -1;
    }
    const char *id = json_is_string(v) && *json_string_value(v) ? json_string_value(v) : NULL;
    if (hk_orders_treaty(api->s, g->player, id, out, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'%s': %s (GET /api/params lists the treaties under \"without\")", key, err);
        return -1;
    }
    return 0;
}

static int unit_field(hk_reply *reply, json_t *v, const char *key, double *out)
{
    char err[160];
    *out = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_number(v) || hk_orders_unit(json_number_value(v), out, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'%s' must be a number from -1 to 1", key);
        return -1;
    }
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
                                       "incidents", "declare_war", "fronts", "reinforce_front"};
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x) {
        bool ok = false;
        for (int i = 0; i < 8 && !ok; i++)
            ok = strcmp(key, keys[i]) == 0;
        if (!ok) {
            hk_api_error(reply, 400, "unknown order '%.60s'; orders are doctrine_push, reinforce, propose_treaty, "
                                     "denounce_treaty, incidents, declare_war, fronts, reinforce_front", key);
            return -1;
        }
    }
    /* a general war's orders: {"fronts": {"SECTOR": "attack"|"hold"|"withdraw"}, "reinforce_front": "SECTOR"} */
    char err[160];
    json_t *fronts = json_object_get(v, "fronts");
    if (fronts && !json_is_null(fronts)) {
        if (!json_is_object(fronts)) {
            hk_api_error(reply, 400, "'fronts' must be an object of sector id to \"attack\", \"hold\" or \"withdraw\"");
            return -1;
        }
        json_object_foreach(fronts, key, x) {
            if (hk_orders_front(o, api->s, key, json_is_string(x) ? json_string_value(x) : NULL, err, sizeof err) !=
                0) {
                hk_api_error(reply, 400, "'fronts': %s", err);
                return -1;
            }
        }
    }
    json_t *rf = json_object_get(v, "reinforce_front");
    if (rf && !json_is_null(rf) &&
        hk_orders_reinforce_front(o, api->s, json_is_string(rf) ? json_string_value(rf) : NULL, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'reinforce_front' must name a sector: %s", err);
        return -1;
    }
    if (unit_field(reply, json_object_get(v, "doctrine_push"), "doctrine_push", &o->doctrine_push) != 0 ||
        unit_field(reply, json_object_get(v, "reinforce"), "reinforce", &o->reinforce) != 0 ||
        treaty_field(reply, api, g, json_object_get(v, "propose_treaty"), "propose_treaty", &o->propose_treaty) != 0 ||
        treaty_field(reply, api, g, json_object_get(v, "denounce_treaty"), "denounce_treaty", &o->denounce_treaty) != 0)
        return -1;
    json_t *inc = json_object_get(v, "incidents");
    if (inc && !json_is_null(inc) &&
        hk_orders_incidents(json_is_string(inc) ? json_string_value(inc) : "", &o->incidents, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'incidents' %s", err);
        return -1;
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

void hk_api_play_turn(hk_api *api, const char *id, const hk_request *req, hk_reply *reply)
{
    static const char *const allowed[] = {"orders", "months", NULL};
    json_t *o = hk_api_body_object(reply, req->body, req->len, allowed, "POST /api/play/ID/turn");
    if (!o)
        return;
    /* "months": N plays N months with the same orders, as the terminal's
     * `skip N` does with none; it stops early when the game ends. */
    int64_t months;
    char err[256];
    if (hk_input_json_count(json_object_get(o, "months"), 1, 1, HK_PLAY_MAX_MONTHS, NULL, &months, err,
                            sizeof err) != 0) {
        hk_api_error(reply, 400, "'months' %s", err);
        json_decref(o);
        return;
    }
    hk_game *g = hk_games_acquire(&api->games, id);
    if (!g) {
        no_game(reply, api, id);
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
        for (int64_t i = 0; i < months && rc == 0 && !hk_game_over(g); i++)
            rc = hk_game_turn(g, given ? &orders : NULL, &obs);
        if (rc != 0) {
            json_decref(l.events);
            hk_api_error(reply, 500, "out of memory");
        } else {
            hk_api_reply_json(reply, 200, game_doc(api, id, g, l.events));
        }
    }
    hk_games_release(&api->games);
    json_decref(o);
}

void hk_api_play_save(hk_api *api, const char *id, const char *format, hk_reply *reply)
{
    hk_game *g = hk_games_acquire(&api->games, id);
    if (!g) {
        no_game(reply, api, id);
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
    hk_api_reply_json(reply, 200,
                      json_pack("{s:s, s:i, s:s, s:s, s:o, s:s, s:i, s:s}", "format", HK_SAVE_MAGIC, "version",
                                HK_SAVE_VERSION, "game", id, "as", as, "seed", hk_json_seed(seed), "next", next,
                                "months_played", months, "save", text));
    free(text);
}

void hk_api_play_load(hk_api *api, const hk_request *req, hk_reply *reply)
{
    /* Either the save file's text, or the JSON that GET .../save answers. */
    const char *text = req->body ? req->body : "";
    size_t text_len = req->body ? req->len : 0;
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
    char id[HK_ID_HEX + 1];
    int rc = hk_games_add(&api->games, g, id);
    hk_game *h = rc == 0 ? hk_games_acquire(&api->games, id) : NULL;
    if (!h) {
        too_many_games(reply, api, rc);
        return;
    }
    hk_api_reply_json(reply, 200, game_doc(api, id, h, json_array()));
    hk_games_release(&api->games);
}

