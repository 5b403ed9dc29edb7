/* server.c — HTTP for the API of api.h, with libmicrohttpd.
 *
 * A pool of request threads answers; a what-if runs on a job thread of its
 * own, so no request waits for one. Request bodies are collected up to
 * HK_API_MAX_BODY and anything larger is read and dropped, then refused with
 * 413 (a body announced as huge is refused at once). One address may hold
 * at most `client_connections` connections, so a client that opens slow
 * connections by the hundred starves only itself. The library's messages
 * (an aborted connection, say) are rate-limited. SIGINT and SIGTERM are
 * blocked in every thread and taken by sigwait in the main one, so that
 * stopping is an ordinary, orderly return. */
#include "serve/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "serve/api.h"
#include "serve/ids.h"

#define HK_SERVER_DEFAULT_THREADS 4
#define HK_SERVER_DEFAULT_CLIENT_CONNECTIONS 32
#define HK_SERVER_MAX_CONNECTIONS 512
/* libmicrohttpd messages shown per minute; the rest are counted. */
#define HK_SERVER_LOG_PER_MINUTE 10
/* A body announced larger than this is refused before reading it. */
#define HK_SERVER_REFUSE_AT (16u * 1024u * 1024u)

typedef struct request {
    char *body;
    size_t len, cap;
    bool too_large;
} request;

static void add_header(struct MHD_Response *r, const char *name, const char *value)
{
    if (value && *value)
        MHD_add_response_header(r, name, value);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, hk_reply *reply, bool api)
{
    struct MHD_Response *r;
    if (reply->body) {
        r = MHD_create_response_from_buffer(reply->len, reply->body, MHD_RESPMEM_MUST_FREE);
        if (r)
            reply->body = NULL; /* MHD owns it now */
    } else {
        r = MHD_create_response_from_buffer(reply->len, (void *)reply->fixed, MHD_RESPMEM_PERSISTENT);
    }
    free(reply->body);
    if (!r)
        return MHD_NO;
    add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, reply->type);
    add_header(r, "X-Content-Type-Options", "nosniff");
    add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, api ? "no-store" : "no-cache");
    add_header(r, MHD_HTTP_HEADER_ALLOW, reply->allow);
    add_header(r, MHD_HTTP_HEADER_LOCATION, reply->location);
    add_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, reply->disposition);
    add_header(r, MHD_HTTP_HEADER_SET_COOKIE, reply->cookie);
    add_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, reply->authenticate);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)reply->status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    hk_api *api = cls;
    request *q = *con_cls;
    if (!q) {
        q = calloc(1, sizeof *q);
        if (!q)
            return MHD_NO;
        *con_cls = q;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            unsigned long long n = strtoull(cl, NULL, 10);
            if (n > HK_API_MAX_BODY)
                q->too_large = true;
            if (n > HK_SERVER_REFUSE_AT) {
                hk_reply reply;
                memset(&reply, 0, sizeof reply);
                hk_api_error(&reply, 413, "request body too large: at most %u bytes", HK_API_MAX_BODY);
                return send_reply(c, &reply, true);
            }
        }
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (q->too_large)
            return MHD_YES;
        if (q->len + n > HK_API_MAX_BODY) {
            q->too_large = true;
            free(q->body);
            q->body = NULL;
            q->len = q->cap = 0;
            return MHD_YES;
        }
        if (q->len + n + 1 > q->cap) {
            size_t cap = q->cap ? q->cap : 4096;
            while (cap < q->len + n + 1)
                cap *= 2;
            char *b = realloc(q->body, cap);
            if (!b)
                return MHD_NO;
            q->body = b;
            q->cap = cap;
        }
        memcpy(q->body + q->len, upload, n);
        q->len += n;
        q->body[q->len] = '\0';
        return MHD_YES;
    }
    hk_reply reply;
    memset(&reply, 0, sizeof reply);
    if (q->too_large) {
        hk_api_error(&reply, 413, "request body too large: at most %u bytes", HK_API_MAX_BODY);
    } else {
        char client[INET6_ADDRSTRLEN] = "";
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (ci && ci->client_addr) {
            const struct sockaddr *sa = ci->client_addr;
            if (sa->sa_family == AF_INET)
                inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, client, sizeof client);
            else if (sa->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, client, sizeof client);
        }
        hk_request req = {
            .method = method,
            .path = url,
            .format = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "format"),
            .token_arg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token"),
            .host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
            .origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
            .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
            .authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
            .cookie = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE),
            .client = client,
            .body = q->body,
            .len = q->len,
        };
        hk_api_handle(api, &req, &reply);
    }
    return send_reply(c, &reply, strncmp(url, "/api/", 5) == 0);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    request *q = *con_cls;
    if (q) {
        free(q->body);
        free(q);
        *con_cls = NULL;
    }
}

/* libmicrohttpd's own messages. While the daemon starts they are only kept
 * (the caller reports a failure once, in hokushin's words, and uses the
 * library's text only when errno says nothing); once it runs they go to
 * stderr under hokushin's name, one line each, at most
 * HK_SERVER_LOG_PER_MINUTE a minute: a client that aborts connections by
 * the thousand would otherwise flood the terminal. The first line of the
 * next minute says how many were left out. */
typedef struct mhd_log {
    atomic_bool running;
    char first[256];
    pthread_mutex_t lock;
    time_t window;      /* start of the current minute */
    int shown;          /* lines shown in it */
    long suppressed;    /* lines left out since the last one shown */
} mhd_log;

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    mhd_log *log = cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    if (!atomic_load(&log->running)) {
        if (!log->first[0])
            snprintf(log->first, sizeof log->first, "%.*s", (int)sizeof log->first - 1, line);
        return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    pthread_mutex_lock(&log->lock);
    if (ts.tv_sec - log->window >= 60) {
        log->window = ts.tv_sec;
        log->shown = 0;
    }
    if (log->shown < HK_SERVER_LOG_PER_MINUTE) {
        log->shown++;
        if (log->suppressed > 0)
            fprintf(stderr, "hokushin serve: (%ld more messages of this kind left out)\n", log->suppressed);
        log->suppressed = 0;
        fprintf(stderr, "hokushin serve: %s\n", line);
    } else {
        log->suppressed++;
    }
    pthread_mutex_unlock(&log->lock);
}

int hk_server_run(const hk_scenario *s, const hk_server_opts *opts, char *err, size_t errlen)
{
    const char *bind = opts->bind ? opts->bind : "127.0.0.1";
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    struct sockaddr *addr;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    if (inet_pton(AF_INET, bind, &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons((uint16_t)opts->port);
        addr = (struct sockaddr *)&v4;
    } else if (inet_pton(AF_INET6, bind, &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons((uint16_t)opts->port);
        addr = (struct sockaddr *)&v6;
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, errlen, "--bind '%s' is not an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1)", bind);
        return -1;
    }

    /* Every thread started from here on inherits the blocked signals. */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, &old);
    signal(SIGPIPE, SIG_IGN);

    hk_api *api = malloc(sizeof *api);
    if (!api) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    hk_api_opts ao = {
        .job_threads = opts->job_threads,
        .max_runs = opts->max_runs,
        .bind = bind,
        .token = opts->token,
    };
    if (hk_api_init(api, s, &ao, err, errlen) != 0) {
        free(api);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return -1;
    }
    unsigned threads = opts->threads > 0 ? (unsigned)opts->threads : HK_SERVER_DEFAULT_THREADS;
    /* On this stack frame: the daemon and its threads are stopped before
     * this function returns. */
    mhd_log log;
    memset(&log, 0, sizeof log);
    atomic_init(&log.running, false);
    pthread_mutex_init(&log.lock, NULL);
    unsigned per_client = opts->client_connections > 0 ? (unsigned)opts->client_connections
                                                       : HK_SERVER_DEFAULT_CLIENT_CONNECTIONS;
    errno = 0;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)opts->port, NULL, NULL, on_request, api, MHD_OPTION_SOCK_ADDR, addr,
        MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, &log,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, (unsigned)HK_SERVER_MAX_CONNECTIONS,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_client,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    if (!d) {
        int e = errno;
        hk_api_free(api);
        free(api);
        pthread_mutex_destroy(&log.lock);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        snprintf(err, errlen, "cannot listen on %s port %d: %s", bind, opts->port,
                 e ? strerror(e) : log.first[0] ? log.first : "address in use or not available");
        return -1;
    }
    atomic_store(&log.running, true);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : opts->port;
    bool v6addr = addr == (struct sockaddr *)&v6;
    if (opts->token && *opts->token)
        fprintf(stderr, "hokushin serve: http://%s%s%s:%d/?token=%s (%u threads; Ctrl-C stops)\n", v6addr ? "[" : "",
                bind, v6addr ? "]" : "", port, opts->token, threads);
    else
        fprintf(stderr, "hokushin serve: http://%s%s%s:%d/ (%u threads; Ctrl-C stops)\n", v6addr ? "[" : "", bind,
                v6addr ? "]" : "", port, threads);
    if (!hk_api_is_loopback(bind))
        fprintf(stderr,
                "hokushin serve: warning: listening on %s, reachable from other machines; every /api/ request "
                "must carry the token (header 'Authorization: Bearer %s', or open the address above once)\n",
                bind, opts->token ? opts->token : "");
    fflush(stderr);

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "hokushin serve: stopping (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
    MHD_stop_daemon(d);
    hk_api_free(api);
    free(api);
    pthread_mutex_destroy(&log.lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}
