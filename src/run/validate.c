/* validate.c — batches of simulate runs on the run pool (core/pool.h).
 *
 * Each worker takes the next run index from a shared counter and writes that
 * run's outcomes to out[index]; runs share nothing but the read-only setup,
 * so the array is the same whatever the number of threads or their timing.
 * The calling thread reports progress. */
#include "run/validate.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "core/pool.h"

typedef struct batch {
    const hk_setup *setup;
    uint64_t seed;
    int first, runs;
    hk_month until;
    hk_outcomes *out;
    atomic_int_fast64_t next;
    atomic_int done;
    atomic_int failed;
    hk_val_progress_fn progress;
    void *ud;
} batch;

static void batch_work(void *ctx, int worker)
{
    batch *b = ctx;
    (void)worker;
    for (;;) {
        int64_t end, i = hk_pool_claim(&b->next, 1, b->runs, &end);
        if (i < 0 || atomic_load(&b->failed))
            break;
        if (hk_run(b->setup, HK_MODE_SIMULATE, b->seed, (uint64_t)(b->first + i), b->until, NULL,
                   &b->out[i]) != 0)
            atomic_store(&b->failed, 1);
        atomic_fetch_add(&b->done, 1);
    }
}

static void batch_tick(void *ctx)
{
    batch *b = ctx;
    int done = atomic_load(&b->done);
    if (done < b->runs)
        b->progress(b->ud, done, b->runs);
}

int hk_val_batch(const hk_setup *setup, uint64_t seed, int first, int runs, int threads,
                 hk_month until, hk_outcomes *out, hk_val_progress_fn progress, void *ud)
{
    if (runs <= 0)
        return 0;
    threads = hk_pool_workers(threads);
    if (threads > runs)
        threads = runs;
    if (threads > 256)
        threads = 256;
    batch b = {.setup = setup, .seed = seed, .first = first, .runs = runs, .until = until, .out = out,
               .progress = progress, .ud = ud};
    atomic_init(&b.next, 0);
    atomic_init(&b.done, 0);
    atomic_init(&b.failed, 0);
    hk_pool_run(threads, batch_work, &b, progress ? batch_tick : NULL, 200);
    if (progress && !atomic_load(&b.failed))
        progress(ud, runs, runs);
    return atomic_load(&b.failed) ? -1 : 0;
}
