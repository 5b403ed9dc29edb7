/* pool.h — the run pool: K workers on threads of their own claim work from
 * a shared counter, while the calling thread waits and reports progress.
 * The ensemble, what-if and the validation batches all run on it. A result
 * never depends on the number of workers: work is claimed by index, and
 * each worker keeps its own accumulators for the caller to merge in order. */
#ifndef HK_POOL_H
#define HK_POOL_H

#include <stdatomic.h>
#include <stdint.h>

/* Worker k of the pool, k in [0, workers). */
typedef void (*hk_pool_work)(void *ctx, int worker);
/* Called on the calling thread while the workers run. */
typedef void (*hk_pool_tick)(void *ctx);

/* The number of cores online (at least 1). */
int hk_pool_cores(void);
/* `asked` workers, or one per core when asked <= 0. */
int hk_pool_workers(int asked);
/* Runs work(ctx, k) for every k in [0, workers), each on a thread of its
 * own, and returns when all have returned; meanwhile calls tick(ctx) (if not
 * NULL) every tick_ms milliseconds and once at the end. A worker whose
 * thread cannot be started runs on the calling thread after the others
 * have been started, so every k runs exactly once whatever the system
 * allows. Returns the number of workers that had threads of their own. */
int hk_pool_run(int workers, hk_pool_work work, void *ctx, hk_pool_tick tick, int tick_ms);

/* The shared counter: claims the next `chunk` items of [0, total). Returns
 * the first claimed and sets *end past the last; returns -1 when none is
 * left. */
static inline int64_t hk_pool_claim(atomic_int_fast64_t *next, int64_t chunk, int64_t total, int64_t *end)
{
    int64_t start = atomic_fetch_add(next, chunk);
    if (start >= total)
        return -1;
    *end = start + chunk < total ? start + chunk : total;
    return start;
}

#endif
