/* jobs.c — the what-if job table (see jobs.h). */
#include "serve/jobs.h"
#include "out/ensemble_out.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/ensemble.h"
#include "run/labels.h"

void hk_jobs_init(hk_jobs *t, int threads)
{
    memset(t, 0, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    t->next_order = 1;
    t->threads = threads;
}

static void job_progress(void *ud, int64_t done, int64_t total)
{
    hk_job *j = ud;
    (void)total;
    atomic_store(&j->done, done);
}

static void *job_main(void *arg)
{
    hk_job *j = arg;
    hk_ensemble_config cfg = {
        .setup = &j->setup,
        .baseline = &j->baseline,
        .seed = j->seed,
        .runs = j->runs,
        .first = 0,
        .count = -1,
        .threads = j->threads,
        .cancel = &j->cancel,
        .progress = job_progress,
        .progress_ud = j,
    };
    hk_ensemble_result res;
    char err[256] = "";
    int rc = hk_ensemble_run(&cfg, &res, err, sizeof err);
    char *text = NULL;
    if (rc == 0 && !res.cancelled) {
        json_t *doc = hk_ensemble_json(&res);
        /* the record beside each outcome, as `whatif --json` gives it: a
         * first-war figure marked where a column counts another war */
        hk_outcomes history;
        if (doc && hk_label_history(j->setup.scenario, &history) == 0)
            json_object_set_new(doc, "history", hk_ensemble_history_json(&history, &res));
        /* the flags of `whatif --json`, so both give the same figures */
        text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8)) : NULL;
        json_decref(doc);
        if (!text)
            snprintf(err, sizeof err, "out of memory writing the result");
    }
    pthread_mutex_lock(&j->table->lock);
    if (j->status == HK_JOB_RUNNING) {
        if (rc != 0 || (!res.cancelled && !text)) {
            j->status = HK_JOB_FAILED;
            snprintf(j->error, sizeof j->error, "%s", err[0] ? err : "the what-if failed");
        } else if (res.cancelled) {
            j->status = HK_JOB_CANCELLED;
        } else {
            j->status = HK_JOB_DONE;
            j->result = text;
            text = NULL;
            atomic_store(&j->done, j->runs);
        }
    }
    j->finished = true;
    pthread_mutex_unlock(&j->table->lock);
    free(text);
    return NULL;
}

static void job_free(hk_job *j)
{
    pthread_join(j->thread, NULL);
    free(j->result);
    free(j);
}

int hk_jobs_start(hk_jobs *t, const hk_setup *setup, const hk_setup *baseline, uint64_t seed, int64_t runs,
                  const char *client, char id[HK_ID_HEX + 1], char *err, size_t errlen)
{
    hk_job *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(err, errlen, "out of memory");
        return HK_JOBS_ERROR;
    }
    if (hk_id_new(j->id) != 0) {
        free(j);
        snprintf(err, errlen, "the operating system gives no random bytes for a job id");
        return HK_JOBS_ERROR;
    }
    snprintf(j->client, sizeof j->client, "%s", client ? client : "");
    j->setup = *setup;
    j->baseline = *baseline;
    j->seed = seed;
    j->runs = runs;
    j->threads = t->threads;
    j->table = t;
    j->status = HK_JOB_RUNNING;

    hk_job *evict = NULL;
    pthread_mutex_lock(&t->lock);
    int running = 0, mine = 0, free_slot = -1, oldest = -1;
    for (int i = 0; i < HK_JOBS_MAX; i++) {
        hk_job *x = t->slot[i];
        if (!x) {
            if (free_slot < 0)
                free_slot = i;
        } else if (!x->finished) {
            running++;
            mine += x->status == HK_JOB_RUNNING && strcmp(x->client, j->client) == 0;
        } else if (oldest < 0 || x->order < t->slot[oldest]->order) {
            oldest = i;
        }
    }
    if (mine >= HK_JOBS_PER_CLIENT) {
        pthread_mutex_unlock(&t->lock);
        free(j);
        snprintf(err, errlen,
                 "you already run %d what-ifs, the most one client may; wait for one to finish or cancel one "
                 "(DELETE its job)",
                 mine);
        return HK_JOBS_CLIENT_BUSY;
    }
    if (running >= HK_JOBS_RUNNING) {
        pthread_mutex_unlock(&t->lock);
        free(j);
        snprintf(err, errlen, "%d what-ifs are already running, the most this server runs at once; try again when "
                              "one has finished",
                 running);
        return HK_JOBS_BUSY;
    }
    int at = free_slot >= 0 ? free_slot : oldest; /* running < HK_JOBS_MAX, so one exists */
    evict = t->slot[at];
    j->order = t->next_order++;
    if (pthread_create(&j->thread, NULL, job_main, j) != 0) {
        pthread_mutex_unlock(&t->lock);
        free(j);
        snprintf(err, errlen, "cannot start a worker thread");
        return HK_JOBS_ERROR;
    }
    t->slot[at] = j;
    memcpy(id, j->id, HK_ID_HEX + 1);
    pthread_mutex_unlock(&t->lock);
    if (evict)
        job_free(evict); /* finished: the join returns at once */
    return 0;
}

static hk_job *find(hk_jobs *t, const char *id)
{
    if (!hk_id_valid(id))
        return NULL;
    for (int i = 0; i < HK_JOBS_MAX; i++)
        if (t->slot[i] && hk_id_equal(t->slot[i]->id, id))
            return t->slot[i];
    return NULL;
}

char *hk_jobs_describe(hk_jobs *t, const char *id)
{
    pthread_mutex_lock(&t->lock);
    hk_job *j = find(t, id);
    char *text = NULL;
    if (j) {
        json_t *o = NULL;
        switch (j->status) {
        case HK_JOB_RUNNING:
            o = json_pack("{s:s, s:I, s:I}", "status", "running", "done", (json_int_t)atomic_load(&j->done), "total",
                          (json_int_t)j->runs);
            break;
        case HK_JOB_DONE: {
            /* the result's text as it is, not parsed and printed again */
            size_t n = strlen(j->result) + 128;
            text = malloc(n);
            if (text)
                snprintf(text, n, "{\"status\":\"done\",\"done\":%" PRId64 ",\"total\":%" PRId64 ",\"result\":%s}",
                         j->runs, j->runs, j->result);
            pthread_mutex_unlock(&t->lock);
            return text ? text : strdup("{\"status\":\"failed\",\"error\":\"out of memory\"}");
        }
        case HK_JOB_FAILED:
            o = json_pack("{s:s, s:s}", "status", "failed", "error", j->error);
            break;
        case HK_JOB_CANCELLED:
            o = json_pack("{s:s, s:I, s:I}", "status", "cancelled", "done", (json_int_t)atomic_load(&j->done),
                          "total", (json_int_t)j->runs);
            break;
        }
        text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) : NULL;
        json_decref(o);
        if (!text)
            text = strdup("{\"status\":\"failed\",\"error\":\"out of memory\"}");
    }
    pthread_mutex_unlock(&t->lock);
    return text;
}

bool hk_jobs_cancel(hk_jobs *t, const char *id)
{
    pthread_mutex_lock(&t->lock);
    hk_job *j = find(t, id);
    if (j) {
        atomic_store(&j->cancel, 1);
        if (j->status == HK_JOB_RUNNING)
            j->status = HK_JOB_CANCELLED;
    }
    pthread_mutex_unlock(&t->lock);
    return j != NULL;
}

void hk_jobs_shutdown(hk_jobs *t)
{
    pthread_mutex_lock(&t->lock);
    for (int i = 0; i < HK_JOBS_MAX; i++)
        if (t->slot[i])
            atomic_store(&t->slot[i]->cancel, 1);
    pthread_mutex_unlock(&t->lock);
    for (int i = 0; i < HK_JOBS_MAX; i++) {
        if (t->slot[i])
            job_free(t->slot[i]);
        t->slot[i] = NULL;
    }
    pthread_mutex_destroy(&t->lock);
}
