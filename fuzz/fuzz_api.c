/* fuzz_api.c — libFuzzer harness for the web API's request handling
 * (src/serve/api_*.c): who may ask (Host, Origin, Content-Type, token),
 * routing, and every endpoint's body: simulate, what-if, jobs, new games,
 * turns with orders, saves and loads.
 *
 * The first byte picks the endpoint and method, the second the headers
 * (a good or foreign Host, Origin, Content-Type, a token or none); the rest
 * is the body, or for jobs and games the id in the path. A server with a
 * token and one without answer alternately.
 *
 * What each input may cost is bounded so that millions of them fit in an
 * evening; the runs themselves are the engine's concern, not this
 * harness's:
 * - the scenario ends three months after its start (1918-03), so a simulate,
 *   each run of a what-if (at most 4 of them) and a game are three months at
 *   most, and any "until" past that is refused as the API refuses one past
 *   the scenario's end;
 * - each input starts from empty tables and leaves them empty: a turn or
 *   a save gets a new game of its own, a what-if's job is waited for, and
 *   afterwards every game and job is dropped. So an input's work and memory
 *   belong to it alone (not to whichever input runs when a worker thread
 *   does), a crash replays from its input alone, and each input frees what
 *   it allocates: libFuzzer runs an input again and scans the heap for leaks
 *   whenever it allocates more than it frees, and stops looking for leaks
 *   after a thousand such inputs.
 * Any crash, sanitizer report, leak, a reply without a status or a JSON
 * body that does not parse is a bug. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "world/api.h"
#include "run/inputs.h"
#include "serve/api.h"

static hk_scenario *scenario;
static hk_api api_open, api_token;
#define TOKEN "fuzz-token-0123456789abcdef"

static void start_game(hk_api *api, char *id, const char *auth)
{
    static const char body[] = "{\"as\":\"JPN\",\"seed\":7}";
    hk_request q = {.method = "POST", .path = "/api/play", .content_type = "application/json",
                    .authorization = auth, .body = body, .len = sizeof body - 1, .client = "fuzz"};
    hk_reply r;
    hk_api_handle(api, &q, &r);
    json_t *o = r.body ? json_loadb(r.body, r.len, 0, NULL) : NULL;
    const char *g = json_string_value(json_object_get(o, "game"));
    snprintf(id, HK_ID_HEX + 1, "%s", g ? g : "");
    json_decref(o);
    free(r.body);
    if (!id[0])
        abort();
}

/* Waits for the what-if job a 202 reply names to finish. */
static void wait_job(hk_api *api, const hk_reply *r)
{
    const char *slash = strrchr(r->location, '/');
    if (!slash)
        abort();
    for (;;) {
        char *text = hk_jobs_describe(&api->jobs, slash + 1);
        if (!text)
            abort(); /* a job just started cannot be gone */
        bool running = strstr(text, "\"status\":\"running\"") != NULL;
        free(text);
        if (!running)
            return;
        nanosleep(&(struct timespec){0, 20000}, NULL);
    }
}

/* Drops every game and job (see the comment at the top). */
static void empty_tables(hk_api *api)
{
    double idle = api->games.idle_limit;
    hk_games_free(&api->games);
    hk_games_init(&api->games, idle);
    int threads = api->jobs.threads;
    hk_jobs_shutdown(&api->jobs);
    hk_jobs_init(&api->jobs, threads);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hk_diag d;
    hk_diag_init(&d);
    scenario = hk_scenario_load_builtin(&d);
    if (!scenario) {
        hk_diag_print(&d, stderr);
        abort();
    }
    hk_diag_free(&d);
    /* Three months: see the comment at the top. */
    hk_date end = scenario->start;
    end.month += 2;
    end.day = 0;
    if (end.month > 12) {
        end.month -= 12;
        end.year++;
    }
    scenario->end = end;
    char err[256];
    hk_api_opts o = {.job_threads = 1, .max_runs = 4};
    hk_api_opts t = {.job_threads = 1, .max_runs = 4, .bind = "0.0.0.0", .token = TOKEN};
    if (hk_api_init(&api_open, scenario, &o, err, sizeof err) != 0 ||
        hk_api_init(&api_token, scenario, &t, err, sizeof err) != 0) {
        fprintf(stderr, "fuzz_api: %s\n", err);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > HK_API_MAX_BODY)
        return 0;
    static const struct {
        const char *method, *path;
    } routes[] = {
        {"POST", "/api/simulate"}, {"POST", "/api/whatif"},   {"POST", "/api/play"},
        {"POST", "/api/play/load"}, {"POST", "TURN"},          {"GET", "SAVE"},
        {"GET", "JOB"},             {"DELETE", "JOB"},         {"GET", "/api/params"},
        {"GET", "/"},               {"PUT", "/api/whatif"},    {"GET", "/assets/"},
    };
    int which = data[0] % (int)(sizeof routes / sizeof routes[0]);
    unsigned h = data[1];
    hk_api *api = (h & 0x80) ? &api_token : &api_open;
    char game[HK_ID_HEX + 1] = "";
    if (which == 4 || which == 5)
        start_game(api, game, (h & 0x80) ? "Bearer " TOKEN : NULL);
    const char *rest = (const char *)data + 2;
    size_t n = size - 2;
    char *body = malloc(n + 1); /* exact size: a read past it is caught */
    if (!body)
        return 0;
    memcpy(body, rest, n);
    body[n] = '\0';

    char path[HK_ID_HEX + 64];
    const char *p = routes[which].path;
    if (strcmp(p, "TURN") == 0) {
        snprintf(path, sizeof path, "/api/play/%s/turn", game);
    } else if (strcmp(p, "SAVE") == 0) {
        snprintf(path, sizeof path, "/api/play/%s/save", game);
    } else if (strcmp(p, "JOB") == 0 || strcmp(p, "/assets/") == 0) {
        /* the body is the rest of the path */
        snprintf(path, sizeof path, "%s%.*s", strcmp(p, "JOB") == 0 ? "/api/jobs/" : "/assets/", (int)strnlen(body, 48),
                 body);
    } else {
        snprintf(path, sizeof path, "%s", p);
    }

    static const char *const hosts[] = {NULL, "127.0.0.1:8080", "localhost", "attacker.example", "[::1]:80",
                                        "[::1", "127.0.0.1.evil:1", ":"};
    static const char *const origins[] = {NULL, "http://127.0.0.1:8080", "http://evil.example", "null"};
    static const char *const types[] = {"application/json", "text/plain", NULL, "application/json; charset=utf-8"};
    hk_request q = {
        .method = routes[which].method,
        .path = path,
        .format = (h & 0x40) ? "text" : NULL,
        .host = hosts[h & 7],
        .origin = origins[(h >> 3) & 3],
        .content_type = types[(h >> 5) & 1 ? 1 + ((h >> 2) & 1) * 2 : 0],
        .authorization = (h & 0x20) ? "Bearer " TOKEN : ((h & 0x10) ? body : NULL),
        .cookie = (h & 0x08) ? "a=b; hk_token=" TOKEN : NULL,
        .token_arg = (h & 0x04) ? TOKEN : NULL,
        .client = (h & 0x02) ? "fuzz" : "other",
        .body = body,
        .len = n,
    };
    hk_reply r;
    hk_api_handle(api, &q, &r);
    if (r.status < 200 || r.status > 599)
        abort();
    /* every JSON answer parses (JSON Lines and the page's files are not JSON) */
    if (r.body && r.type && strcmp(r.type, "application/json") == 0) {
        json_error_t e;
        json_t *j = json_loadb(r.body, r.len, 0, &e);
        if (!j)
            abort();
        json_decref(j);
    }
    if (which == 1 && r.status == 202)
        wait_job(api, &r);
    if (which >= 1 && which <= 5)
        empty_tables(api);
    free(r.body);
    free(body);
    return 0;
}
