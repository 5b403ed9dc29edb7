/* server.c — HTTP for the API of api.c, with libmicrohttpd.
 *
 * A pool of request threads answers; a what-if runs on a job thread of its
 * own, so no request waits for one. Request bodies are collected up to
 * HK_API_MAX_BODY and anything larger is read and dropped, then refused with
 * 413 (a body announced as huge is refused at once). SIGINT and SIGTERM are
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

#define HK_SERVER_DEFAULT_THREADS 4
#define HK_SERVER_MAX_CONNECTIONS 512
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
        const char *format = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "format");
        hk_api_handle(api, method, url, format, q->body, q->len, &reply);
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

static uint64_t salt_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32);
}

/* libmicrohttpd's own messages. While the daemon starts they are only kept
 * (the caller reports a failure once, in hokushin's words, and uses the
 * library's text only when errno says nothing); once it runs they go to
 * stderr under hokushin's name, one line each. */
typedef struct mhd_log {
    atomic_bool running;
    char first[256];
} mhd_log;

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    mhd_log *log = cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    if (atomic_load(&log->running))
        fprintf(stderr, "hokushin serve: %s\n", line);
    else if (!log->first[0])
        snprintf(log->first, sizeof log->first, "%.*s", (int)sizeof log->first - 1, line);
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
    hk_api_init(api, s, opts->job_threads, salt_now());
    unsigned threads = opts->threads > 0 ? (unsigned)opts->threads : HK_SERVER_DEFAULT_THREADS;
    /* On this stack frame: the daemon and its threads are stopped before
     * this function returns. */
    mhd_log log;
    atomic_init(&log.running, false);
    log.first[0] = '\0';
    errno = 0;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)opts->port, NULL, NULL, on_request, api, MHD_OPTION_SOCK_ADDR, addr,
        MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, &log,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, (unsigned)HK_SERVER_MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
    if (!d) {
        int e = errno;
        hk_api_free(api);
        free(api);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        snprintf(err, errlen, "cannot listen on %s port %d: %s", bind, opts->port,
                 e ? strerror(e) : log.first[0] ? log.first : "address in use or not available");
        return -1;
    }
    atomic_store(&log.running, true);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : opts->port;
    bool v6addr = addr == (struct sockaddr *)&v6;
    fprintf(stderr, "hokushin serve: http://%s%s%s:%d/ (%u threads; Ctrl-C stops)\n", v6addr ? "[" : "", bind,
            v6addr ? "]" : "", port, threads);
    fflush(stderr);

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "hokushin serve: stopping (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
    MHD_stop_daemon(d);
    hk_api_free(api);
    free(api);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}
