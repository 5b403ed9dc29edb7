/* validate.c — batches of simulate runs over a small thread pool.
 *
 * Each worker takes the next run index from a shared counter and writes that
 * run's outcomes to out[index]; runs share nothing but the read-only setup,
 * so the array is the same whatever the number of threads or their timing.
 * The calling thread works too and reports progress. */
#include "run/validate.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct batch {
    const hk_setup *setup;
    uint64_t seed;
    int first, runs;
    hk_month until;
    hk_outcomes *out;
    atomic_int next;
    atomic_int done;
    atomic_int failed;
} batch;

static void batch_work(batch *b, hk_val_progress_fn progress, void *ud)
{
    for (;;) {
        int i = atomic_fetch_add(&b->next, 1);
        if (i >= b->runs)
            break;
        if (atomic_load(&b->failed))
            break;
        if (hk_run(b->setup, HK_MODE_SIMULATE, b->seed, (uint64_t)(b->first + i), b->until, NULL,
                   &b->out[i]) != 0)
            atomic_store(&b->failed, 1);
        int done = atomic_fetch_add(&b->done, 1) + 1;
        if (progress && done % 50 == 0 && done < b->runs)
            progress(ud, done, b->runs);
    }
}

static void *batch_thread(void *arg)
{
    batch_work(arg, NULL, NULL);
    return NULL;
}

int hk_val_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

int hk_val_batch(const hk_setup *setup, uint64_t seed, int first, int runs, int threads,
                 hk_month until, hk_outcomes *out, hk_val_progress_fn progress, void *ud)
{
    if (runs <= 0)
        return 0;
    if (threads <= 0)
        threads = hk_val_cores();
    if (threads > runs)
        threads = runs;
    if (threads > 256)
        threads = 256;
    batch b = {.setup = setup, .seed = seed, .first = first, .runs = runs, .until = until, .out = out};
    atomic_init(&b.next, 0);
    atomic_init(&b.done, 0);
    atomic_init(&b.failed, 0);
    pthread_t tid[256];
    int started = 0;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, batch_thread, &b) != 0)
            break; /* fewer threads only makes it slower, never different */
        started++;
    }
    batch_work(&b, progress, ud);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    if (progress && !atomic_load(&b.failed))
        progress(ud, runs, runs);
    return atomic_load(&b.failed) ? -1 : 0;
}
