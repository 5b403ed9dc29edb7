/* api_http.c — the HTTP side of the API (see api.h): who may ask, where a
 * request goes, the page's own files, the cached documents and the shapes
 * of replies.
 *
 * Who may ask. A page on another site can make a browser send requests to
 * this server (cross-site request forgery) and, by pointing its own name
 * at 127.0.0.1, read the answers (DNS rebinding). So:
 *   - a request whose Host is not a name of this server (a loopback name or
 *     the bound address) is refused with 403; the name a rebinding page
 *     uses is its own;
 *   - a request that changes anything (POST, DELETE) must come from this
 *     server's own page (Origin equal to http://HOST) or from a client that
 *     sends no Origin (curl, scripts), or it is refused with 403;
 *   - a POST must say Content-Type: application/json (415 otherwise): a
 *     cross-site form or a fetch without a preflight can only send
 *     text/plain, form-urlencoded or multipart;
 *   - with a token (required beyond loopback), every /api/ request must
 *     carry it, as `Authorization: Bearer TOKEN` or in the cookie the page
 *     gets when opened at /?token=TOKEN (HttpOnly, SameSite=Strict, so no
 *     other site's request carries it); then any Host is answered, since a
 *     rebinding page cannot know the token. */
#include <arpa/inet.h>
#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/embed.h"
#include "core/format.h"
#include "out/json.h"
#include "out/params_json.h"
#include "run/inputs.h"
#include "serve/api_internal.h"

bool hk_api_is_loopback(const char *address)
{
    unsigned char a[sizeof(struct in6_addr)];
    if (!address)
        return false;
    if (inet_pton(AF_INET, address, a) == 1)
        return a[0] == 127;
    if (inet_pton(AF_INET6, address, a) == 1) {
        static const unsigned char one[16] = {[15] = 1};
        return memcmp(a, one, 16) == 0;
    }
    return false;
}

static bool token_chars_ok(const char *t)
{
    for (; *t; t++)
        if (!(isalnum((unsigned char)*t) || strchr("-._~+/", *t)))
            return false;
    return true;
}

int hk_api_init(hk_api *api, const hk_scenario *s, const hk_api_opts *opts, char *err, size_t errlen)
{
    memset(api, 0, sizeof *api);
    const char *token = opts && opts->token ? opts->token : "";
    if (*token && (strlen(token) < 16 || strlen(token) > HK_API_TOKEN_MAX || !token_chars_ok(token))) {
        snprintf(err, errlen, "a token is 16 to %d characters of letters, digits and -._~+/", HK_API_TOKEN_MAX);
        return -1;
    }
    snprintf(api->token, sizeof api->token, "%s", token);
    const char *bind = opts && opts->bind ? opts->bind : "127.0.0.1";
    snprintf(api->bind, sizeof api->bind, "%s", bind);
    api->wildcard = strcmp(bind, "0.0.0.0") == 0 || strcmp(bind, "::") == 0;
    api->max_runs = opts && opts->max_runs > 0 ? opts->max_runs : HK_API_DEFAULT_MAX_RUNS;
    api->s = s;
    hk_setup_init(&api->base, s);
    hk_jobs_init(&api->jobs, opts ? opts->job_threads : 0);
    hk_games_init(&api->games, opts ? opts->game_idle_seconds : 0);
    pthread_mutex_init(&api->cache_lock, NULL);
    return 0;
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

void hk_api_reply_json(hk_reply *reply, int status, json_t *obj)
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

json_t *hk_api_body_object(hk_reply *reply, const char *body, size_t len, const char *const *allowed,
                           const char *what)
{
    if (!body || len == 0) {
        hk_api_error(reply, 400, "%s needs a JSON object body", what);
        return NULL;
    }
    json_error_t e;
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
    if (!o) {
        if (strstr(e.text, "too big integer"))
            hk_api_error(reply, 400,
                         "a number at line %d, column %d is too large for a JSON integer (at most 2^63 - 1); "
                         "send a seed of 2^63 or more as a string of digits, e.g. \"seed\": \"18446744073709551615\"",
                         e.line, e.column);
        else
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

int hk_api_seed(hk_reply *reply, json_t *o, uint64_t *out)
{
    char err[256];
    if (hk_input_json_seed(json_object_get(o, "seed"), 1, out, err, sizeof err) != 0) {
        hk_api_error(reply, 400, "'seed' %s", err);
        return -1;
    }
    return 0;
}

/* Applies "set" (["KEY=VALUE", ...]) and "without" (["ID", ...]) by the
 * rules of the command line's --set and --without (run/inputs.h). */
int hk_api_overrides(hk_reply *reply, json_t *o, hk_setup *setup, int *n_changes)
{
    *n_changes = 0;
    static const char *const lists[] = {"set", "without", "decide"};
    for (int l = 0; l < 3; l++) {
        json_t *arr = json_object_get(o, lists[l]);
        if (!arr || json_is_null(arr))
            continue;
        if (!json_is_array(arr)) {
            hk_api_error(reply, 400, "'%s' must be an array of strings, e.g. %s", lists[l],
                         l == 2 ? "[\"JPN.strike_north=1941-08\"]"
                         : l    ? "[\"molotov_ribbentrop_pact\"]"
                                : "[\"german_defeat.date=1944-11-01\"]");
            return -1;
        }
        if (json_array_size(arr) > HK_API_MAX_OVERRIDES) {
            hk_api_error(reply, 400, "at most %d entries in '%s'", HK_API_MAX_OVERRIDES, lists[l]);
            return -1;
        }
        size_t i;
        json_t *item;
        json_array_foreach(arr, i, item) {
            if (!json_is_string(item) || strlen(json_string_value(item)) != json_string_length(item)) {
                hk_api_error(reply, 400, "'%s' must be an array of strings", lists[l]);
                return -1;
            }
            const char *text = json_string_value(item);
            char err[768];
            int rc = l == 2 ? hk_setup_decide(setup, text, err, sizeof err)
                     : l    ? hk_input_without(setup, text, err, sizeof err)
                            : hk_input_set(setup, text, err, sizeof err);
            if (rc != 0) {
                hk_api_error(reply, 400, "%s %s", lists[l], err);
                return -1;
            }
            ++*n_changes;
        }
    }
    return 0;
}

/* ---- who may ask ------------------------------------------------------------ */

/* The host name of a Host header, without its port, into buf. */
static void host_name(const char *host, char *buf, size_t cap)
{
    size_t n;
    if (host[0] == '[') {
        const char *end = strchr(host, ']');
        n = end ? (size_t)(end - host - 1) : strlen(host + 1);
        host++;
    } else {
        const char *colon = strchr(host, ':');
        n = colon ? (size_t)(colon - host) : strlen(host);
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, host, n);
    buf[n] = '\0';
}

static bool host_allowed(const hk_api *api, const char *host)
{
    if (!host)
        return true; /* HTTP/1.0 without Host: no browser sends that */
    char name[256];
    host_name(host, name, sizeof name);
    size_t n = strlen(name);
    if (n > 0 && name[n - 1] == '.')
        name[--n] = '\0';
    if (strcasecmp(name, "localhost") == 0 || hk_api_is_loopback(name))
        return true;
    if (strcasecmp(name, api->bind) == 0)
        return true;
    return api->token[0] != '\0'; /* the token is the guard then */
}

static bool media_type_is(const char *header, const char *type)
{
    if (!header)
        return false;
    while (*header == ' ' || *header == '\t')
        header++;
    size_t n = strlen(type);
    if (strncasecmp(header, type, n) != 0)
        return false;
    const char *rest = header + n;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    return *rest == '\0' || *rest == ';';
}

static bool same_text(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned char diff = la != lb;
    for (size_t i = 0; i < la && i < lb; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

static bool token_given(const hk_api *api, const hk_request *req)
{
    const char *a = req->authorization;
    if (a && strncasecmp(a, "Bearer ", 7) == 0) {
        a += 7;
        while (*a == ' ')
            a++;
        char t[HK_API_TOKEN_MAX + 2];
        snprintf(t, sizeof t, "%s", a);
        size_t n = strlen(t);
        while (n > 0 && t[n - 1] == ' ')
            t[--n] = '\0';
        if (same_text(t, api->token))
            return true;
    }
    for (const char *c = req->cookie; c && *c;) {
        while (*c == ' ' || *c == ';')
            c++;
        const char *end = strchr(c, ';');
        size_t n = end ? (size_t)(end - c) : strlen(c);
        if (n > 9 && strncmp(c, "hk_token=", 9) == 0 && n - 9 <= HK_API_TOKEN_MAX) {
            char t[HK_API_TOKEN_MAX + 1];
            memcpy(t, c + 9, n - 9);
            t[n - 9] = '\0';
            if (same_text(t, api->token))
                return true;
        }
        c += n;
    }
    return false;
}

/* Refuses what must not be answered; true when the request may go on. */
static bool guard(hk_api *api, const hk_request *req, hk_reply *reply)
{
    if (!host_allowed(api, req->host)) {
        hk_api_error(reply, 403,
                     "Host '%.100s' is not a name of this server: it answers to localhost, 127.0.0.1, [::1] and "
                     "the address it listens on (%s); open the page by one of them",
                     req->host, api->bind);
        return false;
    }
    bool is_api = strncmp(req->path, "/api/", 5) == 0 || strcmp(req->path, "/api") == 0;
    if (api->token[0] && is_api && !token_given(api, req)) {
        reply->authenticate = "Bearer realm=\"hokushin\"";
        hk_api_error(reply, 401, "this server needs its token: send 'Authorization: Bearer TOKEN', or open the page "
                                 "at /?token=TOKEN (the server printed both when it started)");
        return false;
    }
    bool safe = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0 ||
                strcmp(req->method, "OPTIONS") == 0;
    if (safe)
        return true;
    if (req->origin) {
        char own[300];
        snprintf(own, sizeof own, "http://%s", req->host ? req->host : "");
        if (!req->host || strcasecmp(req->origin, own) != 0) {
            hk_api_error(reply, 403,
                         "%s from the page at '%.100s' refused: only this server's own page (Origin %.100s) or a "
                         "client that sends no Origin may change anything here",
                         req->method, req->origin, req->host ? own : "http://HOST");
            return false;
        }
    }
    if (strcmp(req->method, "POST") == 0 && !media_type_is(req->content_type, "application/json")) {
        hk_api_error(reply, 415, "POST needs 'Content-Type: application/json', got '%.60s' (curl: -H "
                                 "'Content-Type: application/json')",
                     req->content_type ? req->content_type : "none");
        return false;
    }
    return true;
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

void hk_api_handle(hk_api *api, const hk_request *req, hk_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    const char *method = req->method, *path = req->path;
    if (!guard(api, req, reply))
        return;
    if (strcmp(path, "/") == 0 || strcmp(path, "/index.html") == 0) {
        if (!need(reply, method, "GET"))
            return;
        serve_page_file(reply, "index.html");
        if (api->token[0] && req->token_arg && same_text(req->token_arg, api->token))
            snprintf(reply->cookie, sizeof reply->cookie, "hk_token=%s; HttpOnly; SameSite=Strict; Path=/",
                     api->token);
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
            hk_api_simulate(api, req, reply);
        return;
    }
    if (strcmp(path, "/api/whatif") == 0) {
        if (need(reply, method, "POST"))
            hk_api_whatif(api, req, reply);
        return;
    }
    if (strncmp(path, "/api/jobs/", 10) == 0) {
        if (strcmp(method, "DELETE") != 0 && !need(reply, method, "GET")) {
            reply->allow = "GET, HEAD, DELETE";
            return;
        }
        hk_api_job(api, method, path + 10, reply);
        return;
    }
    if (strcmp(path, "/api/play") == 0) {
        if (need(reply, method, "POST"))
            hk_api_play_new(api, req, reply);
        return;
    }
    if (strcmp(path, "/api/play/load") == 0) {
        if (need(reply, method, "POST"))
            hk_api_play_load(api, req, reply);
        return;
    }
    if (strncmp(path, "/api/play/", 10) == 0) {
        const char *rest = path + 10;
        const char *slash = strchr(rest, '/');
        char id[HK_ID_HEX + 2] = "";
        if (slash && slash - rest <= HK_ID_HEX) {
            memcpy(id, rest, (size_t)(slash - rest));
            id[slash - rest] = '\0';
        }
        if (slash && strcmp(slash, "/turn") == 0) {
            if (need(reply, method, "POST"))
                hk_api_play_turn(api, id, req, reply);
            return;
        }
        if (slash && strcmp(slash, "/save") == 0) {
            if (need(reply, method, "GET"))
                hk_api_play_save(api, id, req->format, reply);
            return;
        }
    }
    hk_api_error(reply, 404, "nothing at %.100s: the page is at / and the API under /api/ (params, replay, "
                             "simulate, whatif, jobs, play)", path);
}
