/* ensemble.h — many simulate runs of one setup (or of a what-if and its
 * baseline on the same random numbers), spread over threads, with outcome
 * statistics that do not depend on how the work was split.
 *
 * Run i always uses run index i, so its history is the same on any thread,
 * in any process, before or after a resume. Aggregates are exact integer
 * sums (run/stats.h), so totals merged in any order give the same bits: the
 * JSON of 1 thread, 4 threads, 2 MPI ranks or a resumed database is the same
 * byte for byte, timing fields aside. Memory does not grow with the number of
 * runs (a resume keeps one bit per run to know which are stored).
 *
 * Use from a program (the CLI, the web server):
 *
 *     hk_ensemble_config cfg = {.setup = &setup, .seed = 1, .runs = 2000,
 *                               .cancel = &stop, .progress = show, .progress_ud = job};
 *     hk_ensemble_result res;
 *     char err[256];
 *     if (hk_ensemble_run(&cfg, &res, err, sizeof err) != 0) fail(err);
 *     json_t *j = hk_ensemble_json(&res);   // the JSON of product.md
 *
 * For a what-if set .setup to the overridden setup and .baseline to the
 * scenario's own: both run on each run index, and the result gets the
 * baseline and the paired differences. hk_ensemble_run blocks; progress is
 * called on the calling thread about ten times a second and once at the end,
 * and setting *cancel (from any thread or a signal handler) stops it after
 * the runs in flight: the result then holds the runs that finished. */
#ifndef HK_ENSEMBLE_H
#define HK_ENSEMBLE_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "world/api.h"
#include "run/stats.h"

/* One run; the default is hk_run(setup, HK_MODE_SIMULATE, seed, run,
 * HK_MONTH_NONE, NULL, out). Returns 0, or -1 on a program failure. Tests and
 * benchmarks pass their own. Called from several threads at once. */
typedef int (*hk_ensemble_run_fn)(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out);

typedef struct hk_ensemble_config {
    const hk_setup *setup;    /* required */
    const hk_setup *baseline; /* what-if: the setup compared against, or NULL */
    uint64_t seed;
    int64_t runs;             /* the ensemble: run indices 0 .. runs - 1 */
    /* With part set, only [first, first + count) runs here: an MPI rank
     * runs its block and the blocks' results are merged. Unset (as a
     * zero-initialised config leaves it), every run. */
    bool part;
    int64_t first, count;
    int threads;              /* 0 = one per core */
    const char *db_path;      /* SQLite file to store every run in, or NULL */
    bool resume;              /* reuse the runs stored for the same seed and setup */
    /* Without db_path, a caller that keeps the runs itself (an MPI rank
     * passing them to the process that writes the database) gets each
     * claim's finished runs here, from the worker threads, one call at a
     * time. Returns 0, or -1 with a message in err to stop the ensemble. */
    int (*store)(void *ud, const int64_t *runs, const hk_outcomes *outs, int n, char *err, size_t errlen);
    void *store_ud;
    /* Runs to leave out because they are stored already (the caller counts
     * them): bit i is run first + i. NULL = none. Not with db_path. */
    const uint8_t *skip;
    atomic_int *cancel;       /* NULL, or set non-zero to stop */
    void (*progress)(void *ud, int64_t done, int64_t total);
    void *progress_ud;
    hk_ensemble_run_fn run_fn; /* NULL = simulate */
    void *run_ud;
} hk_ensemble_config;

/* Streaming aggregates of a set of runs: one accumulator per outcome (in
 * hk_outcome_table order; a proportion's values are 0 and 1) and per year's
 * incident count. Plain data: merged with hk_ensemble_agg_merge, sent
 * between MPI ranks as bytes. */
typedef struct hk_ensemble_agg {
    hk_moments outcome[HK_OUTCOME_COUNT];
    hk_moments incidents[HK_YEARS];
} hk_ensemble_agg;

typedef struct hk_ensemble_result {
    uint64_t seed;
    int64_t runs_requested;   /* cfg.runs */
    int64_t runs;             /* runs counted in the aggregates */
    int64_t runs_stored;      /* of those, read back from the database */
    bool paired;              /* a what-if: baseline and delta are filled */
    bool cancelled;           /* stopped early: runs < runs_requested */
    hk_ensemble_agg outcomes; /* cfg.setup's runs */
    hk_ensemble_agg baseline; /* cfg.baseline's runs */
    hk_ensemble_agg delta;    /* per run, setup minus baseline, where both are defined */
    double seconds;           /* wall time of the runs made now */
    int threads, processes;
    int64_t ensemble_id;      /* the database's ensemble row, or 0 */
} hk_ensemble_result;

/* Runs the ensemble. Returns 0 (check res->cancelled), or -1 with a message
 * in err: a run failed, or the database could not be used. */
int hk_ensemble_run(const hk_ensemble_config *cfg, hk_ensemble_result *res, char *err, size_t errlen);

void hk_ensemble_agg_init(hk_ensemble_agg *a);
void hk_ensemble_agg_add(hk_ensemble_agg *a, const double value[HK_OUTCOME_COUNT], const int incidents[HK_YEARS]);
void hk_ensemble_agg_merge(hk_ensemble_agg *into, const hk_ensemble_agg *part);
/* Adds another process's part of the same ensemble (MPI). */
void hk_ensemble_result_merge(hk_ensemble_result *into, const hk_ensemble_result *part);

/* The statistic of outcome i: p or mean with its 95% interval. */
double hk_ensemble_value(const hk_ensemble_agg *a, int i);

/* The JSON and the table: out/ensemble_out.h. */

/* A setup as canonical JSON (scenario, every parameter, event dates,
 * removals): what identifies an ensemble in the database. Caller frees. */
char *hk_ensemble_setup_json(const hk_setup *setup);

/* The ensemble's row in an open database: with cfg->resume, the ensemble of
 * this seed and setup if there is one, whose stored runs first..first+count-1
 * are read into `kept` (outcomes, runs, runs_stored) and *stored (bit i: run
 * first + i is stored; caller frees), its requested runs set to cfg->runs;
 * otherwise a new ensemble (*stored stays NULL). Returns its id, or -1 with
 * a message in err. */
struct hk_db;
int64_t hk_ensemble_db_prepare(struct hk_db *db, const hk_ensemble_config *cfg, int64_t first, int64_t count,
                               hk_ensemble_result *kept, uint8_t **stored, char *err, size_t errlen);

#endif
