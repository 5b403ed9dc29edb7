/* jobs.h — what-if jobs of the web server: each runs on its own worker
 * thread so that a long ensemble never holds up a request, reports its
 * progress, and can be cancelled. A job is known by a random id (ids.h),
 * the only way to see or cancel it. The table is bounded: a new job evicts
 * the oldest finished one; at most HK_JOBS_RUNNING run at once, and at most
 * HK_JOBS_PER_CLIENT of them for one client address, so that one client
 * cannot take every slot. */
#ifndef HK_SERVE_JOBS_H
#define HK_SERVE_JOBS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "world/api.h"
#include "serve/ids.h"

#define HK_JOBS_MAX 32
#define HK_JOBS_RUNNING 4
#define HK_JOBS_PER_CLIENT 2
#define HK_JOBS_CLIENT_LEN 64

typedef enum hk_job_status { HK_JOB_RUNNING, HK_JOB_DONE, HK_JOB_FAILED, HK_JOB_CANCELLED } hk_job_status;

typedef struct hk_job {
    char id[HK_ID_HEX + 1];
    char client[HK_JOBS_CLIENT_LEN]; /* the address that started it */
    uint64_t order;                  /* start order, to evict the oldest */
    hk_setup setup, baseline;
    uint64_t seed;
    int64_t runs;
    int threads;
    atomic_int cancel;
    _Atomic int64_t done;
    hk_job_status status;  /* under the table's mutex */
    char *result;          /* the what-if JSON when done */
    char error[256];
    pthread_t thread;
    bool finished;         /* the worker has returned (joinable at once) */
    struct hk_jobs *table;
} hk_job;

typedef struct hk_jobs {
    pthread_mutex_t lock;
    hk_job *slot[HK_JOBS_MAX];
    uint64_t next_order;
    int threads;           /* per job; 0 = every core */
} hk_jobs;

void hk_jobs_init(hk_jobs *t, int threads);
/* Cancels every job, waits for the workers and frees everything. */
void hk_jobs_shutdown(hk_jobs *t);
/* Starts a what-if of `setup` against `baseline` for `client` (an address;
 * "" counts as one client). Returns 0 and the job's id in id; or, with a
 * message in err, HK_JOBS_BUSY when HK_JOBS_RUNNING jobs run, HK_JOBS_CLIENT_BUSY
 * when this client already runs HK_JOBS_PER_CLIENT, HK_JOBS_ERROR otherwise. */
enum { HK_JOBS_BUSY = -1, HK_JOBS_CLIENT_BUSY = -2, HK_JOBS_ERROR = -3 };
int hk_jobs_start(hk_jobs *t, const hk_setup *setup, const hk_setup *baseline, uint64_t seed, int64_t runs,
                  const char *client, char id[HK_ID_HEX + 1], char *err, size_t errlen);
/* The job's state as the JSON text of GET /api/jobs/ID (malloc'd), or NULL
 * if there is no such job. */
char *hk_jobs_describe(hk_jobs *t, const char *id);
/* Cancels a job; returns false if there is no such job. */
bool hk_jobs_cancel(hk_jobs *t, const char *id);

#endif
