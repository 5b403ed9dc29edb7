/* api.h — the web server's answers, apart from libmicrohttpd itself: a
 * request (method, path, headers that matter, body, client address) goes
 * in, a status, headers and a body come out. server.c feeds it from
 * libmicrohttpd; tests and the fuzz harness call it directly. The endpoints
 * are listed in web/README.md and docs/api.md.
 *
 * Three files answer: api_http.c (who may ask: Host, Origin, Content-Type,
 * the token; routing; the page's files; replies), api_runs.c (simulate,
 * what-if jobs) and api_games.c (the game).
 *
 * Nothing here reads the filesystem: the page comes from the files embedded
 * in the program, so no request can reach a file outside them. */
#ifndef HK_SERVE_API_H
#define HK_SERVE_API_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "world/api.h"
#include "serve/games.h"
#include "serve/ids.h"
#include "serve/jobs.h"

/* Request bodies larger than this are refused with 413. */
#define HK_API_MAX_BODY (256u * 1024u)
/* Runs one what-if may ask for unless --max-runs raises it, and the most
 * --max-runs may allow. */
#define HK_API_DEFAULT_MAX_RUNS 100000
#define HK_API_LIMIT_MAX_RUNS 100000000
#define HK_API_MAX_OVERRIDES 64
#define HK_API_TOKEN_MAX 128

typedef struct hk_api_opts {
    int job_threads;         /* per what-if job; 0 = every core */
    int64_t max_runs;        /* 0 = HK_API_DEFAULT_MAX_RUNS */
    const char *bind;        /* the address listened on; NULL = 127.0.0.1 */
    const char *token;       /* required as a bearer token, or NULL */
    double game_idle_seconds; /* 0 = HK_GAMES_IDLE_SECONDS */
} hk_api_opts;

typedef struct hk_api {
    const hk_scenario *s;
    hk_setup base;          /* the scenario's own setup */
    hk_jobs jobs;
    hk_games games;
    int64_t max_runs;
    char bind[64];
    bool wildcard;          /* bound to every address: 0.0.0.0 or :: */
    char token[HK_API_TOKEN_MAX + 1]; /* "" = none */
    pthread_mutex_t cache_lock;
    char *replay, *params;  /* computed once, on first request */
    size_t replay_len, params_len;
} hk_api;

typedef struct hk_request {
    const char *method, *path;
    const char *format;         /* ?format= */
    const char *token_arg;      /* ?token= */
    const char *host, *origin, *content_type, *authorization, *cookie; /* headers, or NULL */
    const char *client;         /* the peer's address, for per-client limits */
    const char *body;
    size_t len;
} hk_request;

typedef struct hk_reply {
    int status;
    const char *type;             /* Content-Type */
    char *body;                   /* malloc'd, or NULL */
    const void *fixed;            /* or a body that outlives the reply (cache, embedded file) */
    size_t len;
    const char *allow;            /* Allow header for 405 */
    const char *authenticate;     /* WWW-Authenticate for 401 */
    char location[64];            /* Location header, or "" */
    char disposition[128];        /* Content-Disposition, or "" */
    char cookie[256];             /* Set-Cookie, or "" */
} hk_reply;

/* Returns 0, or -1 with a message in err (a token that is not printable). */
int hk_api_init(hk_api *api, const hk_scenario *s, const hk_api_opts *opts, char *err, size_t errlen);
/* Stops every job and frees everything. */
void hk_api_free(hk_api *api);
/* Answers one request. The caller frees reply->body. */
void hk_api_handle(hk_api *api, const hk_request *req, hk_reply *reply);
/* A JSON error reply: {"error": message}. */
void hk_api_error(hk_reply *reply, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Whether an address is a loopback one (127.0.0.0/8, ::1). */
bool hk_api_is_loopback(const char *address);

#endif
