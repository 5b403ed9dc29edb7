/* server.h — `hokushin serve`: the page and the API over HTTP with
 * libmicrohttpd, a pool of threads answering requests while what-if jobs run
 * on their own threads. */
#ifndef HK_SERVE_SERVER_H
#define HK_SERVE_SERVER_H

#include <stdint.h>

#include "world/api.h"

typedef struct hk_server_opts {
    const char *bind;   /* an IPv4 or IPv6 address; NULL = 127.0.0.1 */
    int port;           /* 0 = any free port */
    int threads;        /* request threads; 0 = 4 */
    int job_threads;    /* per what-if job; 0 = every core */
    int64_t max_runs;   /* most runs one what-if may ask; 0 = HK_API_DEFAULT_MAX_RUNS */
    int client_connections; /* most connections from one address; 0 = 32 */
    const char *token;  /* every /api/ request must carry it; NULL = none
                         * (the caller makes one for a non-loopback address) */
} hk_server_opts;

/* Serves until SIGINT or SIGTERM, then stops cleanly: no new requests, the
 * jobs cancelled and joined. Returns 0, or -1 with a message in err when the
 * address cannot be used. */
int hk_server_run(const hk_scenario *s, const hk_server_opts *opts, char *err, size_t errlen);

#endif
