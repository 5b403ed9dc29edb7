/* api.h — the web server's answers, apart from HTTP itself: a request
 * (method, path, one query value, body) goes in, a status, a content type
 * and a body come out. server.c feeds it from libmicrohttpd; tests can call
 * it directly. The endpoints are listed in web/README.md and docs/api.md.
 *
 * Nothing here reads the filesystem: the page comes from the files embedded
 * in the program, so no request can reach a file outside them. */
#ifndef HK_SERVE_API_H
#define HK_SERVE_API_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "hokushin.h"
#include "serve/games.h"
#include "serve/jobs.h"

/* Request bodies larger than this are refused with 413. */
#define HK_API_MAX_BODY (256u * 1024u)
#define HK_API_MAX_RUNS 1000000
#define HK_API_MAX_OVERRIDES 64

typedef struct hk_api {
    const hk_scenario *s;
    hk_setup base;          /* the scenario's own setup */
    hk_jobs jobs;
    hk_games games;
    pthread_mutex_t cache_lock;
    char *replay, *params;  /* computed once, on first request */
    size_t replay_len, params_len;
} hk_api;

typedef struct hk_reply {
    int status;
    const char *type;             /* Content-Type */
    char *body;                   /* malloc'd, or NULL */
    const void *fixed;            /* or a body that outlives the reply (cache, embedded file) */
    size_t len;
    const char *allow;            /* Allow header for 405 */
    char location[48];            /* Location header, or "" */
    char disposition[96];         /* Content-Disposition, or "" */
} hk_reply;

/* `job_threads` per what-if job (0 = every core); `salt` varies game ids. */
void hk_api_init(hk_api *api, const hk_scenario *s, int job_threads, uint64_t salt);
/* Stops every job and frees everything. */
void hk_api_free(hk_api *api);
/* Answers one request. `format` is the value of the ?format= query
 * argument, or NULL. The caller frees reply->body. */
void hk_api_handle(hk_api *api, const char *method, const char *path, const char *format, const char *body,
                   size_t len, hk_reply *reply);
/* A JSON error reply: {"error": message}. */
void hk_api_error(hk_reply *reply, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
