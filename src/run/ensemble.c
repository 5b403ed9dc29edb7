/* ensemble.c — runs spread over threads, exact aggregates and the optional
 * database (see ensemble.h); out/ensemble_out.c renders the result. */
#include "run/ensemble.h"

#include "core/pool.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run/db.h"
#include "run/inputs.h"
#include "run/labels.h"

/* Runs claimed at once by a thread. With a database a claim is also one
 * transaction, so it is larger: fewer commits, and still a small loss if the
 * process is killed. */
#define HK_CHUNK_PLAIN 16
#define HK_CHUNK_DB 256

/* ---- aggregates ------------------------------------------------------- */

void hk_ensemble_agg_init(hk_ensemble_agg *a)
{
    memset(a, 0, sizeof *a);
}

void hk_ensemble_agg_add(hk_ensemble_agg *a, const double value[HK_OUTCOME_COUNT], const int incidents[HK_YEARS])
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        hk_moments_add(&a->outcome[i], value[i]);
    for (int y = 0; y < HK_YEARS; y++)
        hk_moments_add(&a->incidents[y], incidents[y]);
}

void hk_ensemble_agg_merge(hk_ensemble_agg *into, const hk_ensemble_agg *part)
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        hk_moments_merge(&into->outcome[i], &part->outcome[i]);
    for (int y = 0; y < HK_YEARS; y++)
        hk_moments_merge(&into->incidents[y], &part->incidents[y]);
}

void hk_ensemble_result_merge(hk_ensemble_result *into, const hk_ensemble_result *part)
{
    into->runs += part->runs;
    into->runs_stored += part->runs_stored;
    into->cancelled = into->cancelled || part->cancelled;
    hk_ensemble_agg_merge(&into->outcomes, &part->outcomes);
    hk_ensemble_agg_merge(&into->baseline, &part->baseline);
    hk_ensemble_agg_merge(&into->delta, &part->delta);
    if (part->seconds > into->seconds)
        into->seconds = part->seconds;
}

double hk_ensemble_value(const hk_ensemble_agg *a, int i)
{
    return hk_moments_mean(&a->outcome[i]);
}

static void outcome_values(const hk_outcomes *o, double value[HK_OUTCOME_COUNT])
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        value[i] = hk_outcome_value(o, i);
}

/* ---- the threads -------------------------------------------------------- */

typedef struct ens_shared {
    const hk_ensemble_config *cfg;
    int64_t first, count;
    int chunk;
    const uint8_t *stored; /* bit i: run first + i is already in the database */
    hk_db *db;
    int64_t ensemble_id;
    atomic_int_fast64_t next; /* next offset to claim */
    atomic_llong done;     /* runs finished now */
    atomic_int failed;
    pthread_mutex_t lock;  /* guards db and err */
    char err[256];
    struct ens_worker *workers;
    int64_t todo;          /* runs to do, for progress */
} ens_shared;

typedef struct ens_worker {
    ens_shared *sh;
    hk_ensemble_agg outcomes, baseline, delta;
    int64_t runs;
    hk_outcomes *buf;      /* a claim's runs, for the database */
    int64_t *buf_runs;
} ens_worker;

static int ens_simulate(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out)
{
    (void)ud;
    return hk_run(setup, HK_MODE_SIMULATE, seed, run, HK_MONTH_NONE, NULL, out);
}

static bool ens_stopping(const ens_shared *sh)
{
    return atomic_load(&sh->failed) || (sh->cfg->cancel && atomic_load(sh->cfg->cancel));
}

static void ens_fail(ens_shared *sh, const char *msg)
{
    pthread_mutex_lock(&sh->lock);
    if (!atomic_load(&sh->failed))
        snprintf(sh->err, sizeof sh->err, "%s", msg);
    atomic_store(&sh->failed, 1);
    pthread_mutex_unlock(&sh->lock);
}

static int ens_one(ens_worker *w, int64_t run, hk_outcomes *out)
{
    const hk_ensemble_config *cfg = w->sh->cfg;
    hk_ensemble_run_fn fn = cfg->run_fn ? cfg->run_fn : ens_simulate;
    memset(out, 0, sizeof *out);
    if (fn(cfg->run_ud, cfg->setup, cfg->seed, (uint64_t)run, out) != 0)
        return -1;
    double v[HK_OUTCOME_COUNT];
    outcome_values(out, v);
    hk_ensemble_agg_add(&w->outcomes, v, out->incidents_per_year);
    if (cfg->baseline) {
        hk_outcomes base;
        memset(&base, 0, sizeof base);
        if (fn(cfg->run_ud, cfg->baseline, cfg->seed, (uint64_t)run, &base) != 0)
            return -1;
        double b[HK_OUTCOME_COUNT], d[HK_OUTCOME_COUNT];
        int di[HK_YEARS];
        outcome_values(&base, b);
        for (int i = 0; i < HK_OUTCOME_COUNT; i++)
            d[i] = v[i] - b[i]; /* NaN unless both are defined */
        for (int y = 0; y < HK_YEARS; y++)
            di[y] = out->incidents_per_year[y] - base.incidents_per_year[y];
        hk_ensemble_agg_add(&w->baseline, b, base.incidents_per_year);
        hk_ensemble_agg_add(&w->delta, d, di);
    }
    return 0;
}

static void ens_work(void *ctx, int worker)
{
    ens_shared *sh = ctx;
    ens_worker *w = &sh->workers[worker];
    while (!ens_stopping(sh)) {
        int64_t end, start = hk_pool_claim(&sh->next, sh->chunk, sh->count, &end);
        if (start < 0)
            break;
        int n = 0;
        for (int64_t i = start; i < end && !ens_stopping(sh); i++) {
            if (sh->stored && (sh->stored[i >> 3] >> (i & 7) & 1))
                continue;
            hk_outcomes local, *out = w->buf ? &w->buf[n] : &local;
            int64_t run = sh->first + i;
            if (ens_one(w, run, out) != 0) {
                char msg[128];
                snprintf(msg, sizeof msg, "run %lld failed", (long long)run);
                ens_fail(sh, msg);
                break;
            }
            if (w->buf)
                w->buf_runs[n++] = run;
            w->runs++;
            atomic_fetch_add(&sh->done, 1);
        }
        if (sh->db && n > 0) {
            char err[256];
            pthread_mutex_lock(&sh->lock);
            int rc = hk_db_write_runs(sh->db, sh->ensemble_id, w->buf_runs, w->buf, n, err, sizeof err);
            pthread_mutex_unlock(&sh->lock);
            if (rc != 0)
                ens_fail(sh, err);
        } else if (sh->cfg->store && n > 0) {
            char err[256];
            pthread_mutex_lock(&sh->lock);
            int rc = sh->cfg->store(sh->cfg->store_ud, w->buf_runs, w->buf, n, err, sizeof err);
            pthread_mutex_unlock(&sh->lock);
            if (rc != 0)
                ens_fail(sh, err);
        }
    }
}

static void ens_tick(void *ctx)
{
    ens_shared *sh = ctx;
    sh->cfg->progress(sh->cfg->progress_ud, atomic_load(&sh->done), sh->todo);
}

static double ens_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- resuming from the database ------------------------------------------ */

typedef struct ens_resume {
    hk_ensemble_result *res;
    uint8_t *stored;
    int64_t first, count;
} ens_resume;

static void ens_take_stored(void *ud, const hk_db_run *r)
{
    ens_resume *rs = ud;
    int64_t i = r->run - rs->first;
    if (i < 0 || i >= rs->count)
        return; /* outside this ensemble's range (an earlier, larger --runs) */
    rs->stored[i >> 3] |= (uint8_t)(1u << (i & 7));
    hk_ensemble_agg_add(&rs->res->outcomes, r->value, r->incidents);
    rs->res->runs++;
    rs->res->runs_stored++;
}

int64_t hk_ensemble_db_prepare(hk_db *db, const hk_ensemble_config *cfg, int64_t first, int64_t count,
                               hk_ensemble_result *kept, uint8_t **stored, char *err, size_t errlen)
{
    char *setup_json = hk_ensemble_setup_json(cfg->setup);
    if (!setup_json) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (cfg->resume && hk_db_check(db, err, errlen) != 0) {
        free(setup_json);
        return -1;
    }
    int64_t id = cfg->resume ? hk_db_ensemble_find(db, cfg->seed, setup_json) : 0;
    if (id < 0) {
        snprintf(err, errlen, "%s: cannot read the ensemble table", cfg->db_path);
    } else if (id == 0) {
        id = hk_db_ensemble_create(db, cfg->seed, cfg->runs, setup_json, err, errlen);
    } else {
        *stored = calloc((size_t)(count / 8 + 1), 1);
        ens_resume rs = {kept, *stored, first, count};
        if (!*stored) {
            snprintf(err, errlen, "out of memory");
            id = -1;
        } else if (hk_db_each_run(db, id, ens_take_stored, &rs, err, errlen) != 0 ||
                   hk_db_ensemble_set_requested(db, id, cfg->runs) != 0) {
            id = -1;
        }
    }
    free(setup_json);
    return id;
}

static int ens_open_db(const hk_ensemble_config *cfg, ens_shared *sh, hk_ensemble_result *res, uint8_t **stored,
                       char *err, size_t errlen)
{
    if (cfg->baseline) {
        snprintf(err, errlen, "a what-if is not stored in a database; run 'hokushin ensemble --db' on each setup");
        return -1;
    }
    sh->db = hk_db_open(cfg->db_path, err, errlen);
    if (!sh->db)
        return -1;
    int64_t id = hk_ensemble_db_prepare(sh->db, cfg, sh->first, sh->count, res, stored, err, errlen);
    if (id < 0)
        return -1;
    sh->ensemble_id = res->ensemble_id = id;
    return 0;
}

/* ---- the ensemble ---------------------------------------------------------- */

int hk_ensemble_run(const hk_ensemble_config *cfg, hk_ensemble_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    res->seed = cfg->seed;
    res->runs_requested = cfg->runs;
    res->paired = cfg->baseline != NULL;
    res->processes = 1;
    if (!cfg->setup || cfg->runs < 0) {
        snprintf(err, errlen, "an ensemble needs a setup and a number of runs >= 0");
        return -1;
    }
    ens_shared *sh = calloc(1, sizeof *sh);
    if (!sh) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    sh->cfg = cfg;
    sh->first = cfg->part ? cfg->first : 0;
    sh->count = cfg->part ? cfg->count : cfg->runs;
    if (sh->first < 0 || sh->count < 0 || sh->first + sh->count > cfg->runs) {
        snprintf(err, errlen, "the part [%lld, +%lld) is outside the ensemble's %lld runs", (long long)sh->first,
                 (long long)sh->count, (long long)cfg->runs);
        free(sh);
        return -1;
    }
    bool keep = cfg->db_path || cfg->store; /* the runs go somewhere: claim in batches */
    sh->chunk = keep ? HK_CHUNK_DB : HK_CHUNK_PLAIN;
    pthread_mutex_init(&sh->lock, NULL);

    uint8_t *stored = NULL;
    int rc = 0;
    if (cfg->db_path && ens_open_db(cfg, sh, res, &stored, err, errlen) != 0) {
        rc = -1;
        goto out;
    }
    sh->stored = stored ? stored : cfg->db_path ? NULL : cfg->skip;
    int64_t skipped = 0;
    if (sh->stored && !stored)
        for (int64_t i = 0; i < sh->count; i++)
            skipped += sh->stored[i >> 3] >> (i & 7) & 1;

    int threads = hk_pool_workers(cfg->threads);
    res->threads = threads;
    ens_worker *w = calloc((size_t)threads, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
        goto out;
    }
    sh->workers = w;
    sh->todo = sh->count - res->runs_stored - skipped;
    for (int t = 0; t < threads && keep; t++) {
        w[t].buf = malloc(sizeof(hk_outcomes) * HK_CHUNK_DB);
        w[t].buf_runs = malloc(sizeof(int64_t) * HK_CHUNK_DB);
        if (!w[t].buf || !w[t].buf_runs)
            ens_fail(sh, "out of memory");
    }
    double t0 = ens_now();
    for (int t = 0; t < threads; t++)
        w[t].sh = sh;
    hk_pool_run(threads, ens_work, sh, cfg->progress ? ens_tick : NULL, 100);
    res->seconds = ens_now() - t0;

    /* Exact sums: the order of these merges does not change a bit. */
    for (int t = 0; t < threads; t++) {
        hk_ensemble_agg_merge(&res->outcomes, &w[t].outcomes);
        hk_ensemble_agg_merge(&res->baseline, &w[t].baseline);
        hk_ensemble_agg_merge(&res->delta, &w[t].delta);
        res->runs += w[t].runs;
        free(w[t].buf);
        free(w[t].buf_runs);
    }
    free(w);
    res->cancelled = res->runs + skipped < sh->count;
    if (atomic_load(&sh->failed)) {
        snprintf(err, errlen, "%s", sh->err);
        rc = -1;
    }
out:
    hk_db_close(sh->db);
    free(stored);
    pthread_mutex_destroy(&sh->lock);
    free(sh);
    return rc;
}

/* ---- the setup's identity --------------------------------------------------- */

char *hk_ensemble_setup_json(const hk_setup *setup)
{
    const hk_scenario *s = setup->scenario;
    json_t *j = json_object();
    json_object_set_new(j, "scenario", json_string(s->id ? s->id : ""));
    json_object_set_new(j, "mode", json_string("simulate"));
    /* Another version's runs are other histories: never resume across. */
    json_object_set_new(j, "version", json_string(HK_VERSION));
    json_t *params = json_object();
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        json_object_set_new(params, hk_param_table[i].key, json_real(setup->param[i]));
    json_object_set_new(j, "params", params);
    json_t *events = json_object();
    for (int e = 0; e < s->n_events && e < HK_MAX_EVENTS; e++) {
        char date[16];
        hk_date_format(setup->event_date[e], date);
        json_object_set_new(events, s->events[e].id,
                            setup->event_removed[e] ? json_null() : json_string(date));
    }
    json_object_set_new(j, "events", events);
    json_t *forbidden = json_array();
    for (int t = 0; t < s->n_treaties && t < HK_MAX_TREATIES; t++)
        if (setup->treaty_forbidden[t])
            json_array_append_new(forbidden, json_string(s->treaties[t].id));
    json_object_set_new(j, "treaties_forbidden", forbidden);
    char *text = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(17));
    json_decref(j);
    return text;
}
