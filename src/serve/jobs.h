/* jobs.h — what-if jobs of the web server: each runs on its own worker
 * thread so that a long ensemble never holds up a request, reports its
 * progress, and can be cancelled. The table is bounded: a new job evicts the
 * oldest finished one, and at most HK_JOBS_RUNNING run at once. */
#ifndef HK_SERVE_JOBS_H
#define HK_SERVE_JOBS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "hokushin.h"

#define HK_JOBS_MAX 32
#define HK_JOBS_RUNNING 4

typedef enum hk_job_status { HK_JOB_RUNNING, HK_JOB_DONE, HK_JOB_FAILED, HK_JOB_CANCELLED } hk_job_status;

typedef struct hk_job {
    uint64_t id;
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
    uint64_t next_id;
    int threads;           /* per job; 0 = every core */
} hk_jobs;

void hk_jobs_init(hk_jobs *t, int threads);
/* Cancels every job, waits for the workers and frees everything. */
void hk_jobs_shutdown(hk_jobs *t);
/* Starts a what-if of `setup` against `baseline`. Returns the job id, or 0
 * with a message in err when too many jobs are running. */
uint64_t hk_jobs_start(hk_jobs *t, const hk_setup *setup, const hk_setup *baseline, uint64_t seed, int64_t runs,
                       char *err, size_t errlen);
/* The job's state as the JSON text of GET /api/jobs/ID (malloc'd), or NULL
 * if there is no such job. */
char *hk_jobs_describe(hk_jobs *t, uint64_t id);
/* Cancels a job; returns false if there is no such job. */
bool hk_jobs_cancel(hk_jobs *t, uint64_t id);

#endif
