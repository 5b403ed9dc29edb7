/* pool.c — the run pool (see pool.h). */
#include "core/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

typedef struct pool_shared {
    hk_pool_work work;
    void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t finished;
    int left; /* workers on threads still running */
} pool_shared;

typedef struct pool_worker {
    pool_shared *sh;
    int k;
    pthread_t tid;
    bool started;
} pool_worker;

static void *pool_main(void *arg)
{
    pool_worker *w = arg;
    pool_shared *sh = w->sh;
    sh->work(sh->ctx, w->k);
    pthread_mutex_lock(&sh->lock);
    sh->left--;
    pthread_cond_signal(&sh->finished);
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

int hk_pool_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int hk_pool_workers(int asked)
{
    return asked > 0 ? asked : hk_pool_cores();
}

int hk_pool_run(int workers, hk_pool_work work, void *ctx, hk_pool_tick tick, int tick_ms)
{
    if (workers <= 0)
        return 0;
    pool_shared sh = {.work = work, .ctx = ctx};
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.finished, NULL);
    pool_worker one, *w = workers > 1 ? calloc((size_t)workers, sizeof *w) : &one;
    int started = 0;
    if (w) {
        for (int k = 0; k < workers; k++) {
            w[k] = (pool_worker){.sh = &sh, .k = k};
            pthread_mutex_lock(&sh.lock);
            sh.left++;
            pthread_mutex_unlock(&sh.lock);
            if (pthread_create(&w[k].tid, NULL, pool_main, &w[k]) == 0) {
                w[k].started = true;
                started++;
            } else {
                pthread_mutex_lock(&sh.lock);
                sh.left--;
                pthread_mutex_unlock(&sh.lock);
            }
        }
    }
    /* What could not have a thread runs here, before the wait. */
    for (int k = 0; k < workers; k++)
        if (!w || !w[k].started)
            work(ctx, k);
    pthread_mutex_lock(&sh.lock);
    while (sh.left > 0) {
        if (tick) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_nsec += (long)(tick_ms > 0 ? tick_ms : 100) * 1000 * 1000;
            while (until.tv_nsec >= 1000000000) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&sh.finished, &sh.lock, &until);
            if (sh.left > 0) {
                pthread_mutex_unlock(&sh.lock);
                tick(ctx);
                pthread_mutex_lock(&sh.lock);
            }
        } else {
            pthread_cond_wait(&sh.finished, &sh.lock);
        }
    }
    pthread_mutex_unlock(&sh.lock);
    if (w)
        for (int k = 0; k < workers; k++)
            if (w[k].started)
                pthread_join(w[k].tid, NULL);
    if (tick)
        tick(ctx);
    if (w && w != &one)
        free(w);
    pthread_cond_destroy(&sh.finished);
    pthread_mutex_destroy(&sh.lock);
    return started;
}
