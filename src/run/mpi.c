/* mpi.c — ensembles split over MPI ranks (see mpi.h). */
#include "run/mpi.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/db.h"

#ifdef HK_HAVE_MPI
#include <mpi.h>
#endif

bool hk_mpi_launched(void)
{
    /* Open MPI's mpirun, MPICH/Hydra and Slurm's PMI, PMIx launchers. */
    static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        if (getenv(vars[i]))
            return true;
    return false;
}

int hk_mpi_start(hk_mpi *m)
{
    memset(m, 0, sizeof *m);
    m->size = 1;
#ifdef HK_HAVE_MPI
    if (!hk_mpi_launched())
        return 0;
    int provided;
    /* Only the main thread calls MPI; the workers never do. */
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        return -1;
    m->active = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &m->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m->size);
#endif
    return 0;
}

void hk_mpi_block(const hk_mpi *m, int64_t runs, int64_t *first, int64_t *count)
{
    /* Blocks differ in size by at most one run, the larger ones first. */
    int64_t base = runs / m->size, extra = runs % m->size;
    *first = m->rank * base + (m->rank < extra ? m->rank : extra);
    *count = base + (m->rank < extra ? 1 : 0);
}

int hk_mpi_gather(const hk_mpi *m, hk_ensemble_result *res)
{
    res->processes = m->size;
#ifdef HK_HAVE_MPI
    if (!m->active || m->size == 1)
        return 0;
    /* The result is plain data and every rank is this same binary, so it
     * travels as bytes. */
    hk_ensemble_result *all = NULL;
    if (m->rank == 0) {
        all = calloc((size_t)m->size, sizeof *all);
        if (!all)
            MPI_Abort(MPI_COMM_WORLD, 1);
    }
    if (MPI_Gather(res, (int)sizeof *res, MPI_BYTE, all, (int)sizeof *res, MPI_BYTE, 0, MPI_COMM_WORLD) !=
        MPI_SUCCESS) {
        free(all);
        return -1;
    }
    if (m->rank == 0) {
        hk_ensemble_result merged = all[0];
        for (int r = 1; r < m->size; r++)
            hk_ensemble_result_merge(&merged, &all[r]);
        merged.runs_requested = res->runs_requested;
        merged.processes = m->size;
        *res = merged;
        free(all);
    }
#endif
    return 0;
}

/* ---- an ensemble over the ranks ------------------------------------------------ */

#ifdef HK_HAVE_MPI

#define MPI_BATCH 256 /* runs per message: the ensemble's claim when runs are kept */
#define MPI_QUEUE 8   /* batches a rank holds before its threads wait: bounds memory */
#define MPI_TICK 0.1  /* seconds between progress reports */

/* The messages. Each rank r > 0 sends rank 0 any number of PROGRESS (runs
 * made so far), ROWS (a batch of finished runs, with a database) and at most
 * one STOP (it was interrupted), then exactly one DONE (runs made, and
 * whether it failed); messages between two ranks arrive in order, so DONE
 * is the last rank 0 hears from r. Rank 0 sends each rank at most one STOP
 * and, once every rank is DONE, exactly one FINAL: no message is left
 * unmatched, and no rank waits in a spinning collective while the others
 * still run. Before the runs, a broadcast says whether rank 0 could open
 * the database, and SKIP messages carry each rank's stored runs. */
enum { TAG_PROGRESS = 101, TAG_ROWS, TAG_STOP, TAG_DONE, TAG_FINAL, TAG_SKIP };

typedef struct mpi_batch {
    int32_t n;
    int64_t runs[MPI_BATCH];
    hk_outcomes outs[MPI_BATCH];
} mpi_batch;

static size_t batch_bytes(int n)
{
    return offsetof(mpi_batch, outs) + (size_t)n * sizeof(hk_outcomes);
}

/* One rank's ensemble, run on a thread of its own while the main thread
 * (the only one calling MPI) passes messages. Finished runs go from the
 * worker threads through a bounded queue of batches to the main thread. */
typedef struct mpi_job {
    hk_ensemble_config cfg; /* this rank's part */
    hk_ensemble_result *res;
    int rc;
    char err[256];
    atomic_llong done;      /* runs made here so far */
    pthread_mutex_t lock;   /* guards the queue and finished */
    pthread_cond_t changed;
    mpi_batch *slot;        /* MPI_QUEUE batches, a ring */
    int head, len;
    bool finished;          /* hk_ensemble_run returned */
} mpi_job;

static double mpi_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int job_store(void *ud, const int64_t *runs, const hk_outcomes *outs, int n, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    mpi_job *job = ud;
    for (int k = 0; k < n; k += MPI_BATCH) {
        int part = n - k < MPI_BATCH ? n - k : MPI_BATCH;
        pthread_mutex_lock(&job->lock);
        while (job->len == MPI_QUEUE)
            pthread_cond_wait(&job->changed, &job->lock);
        /* The slot after the queued ones is the workers' alone; the main
         * thread reads only the head. */
        mpi_batch *b = &job->slot[(job->head + job->len) % MPI_QUEUE];
        pthread_mutex_unlock(&job->lock);
        b->n = part;
        memcpy(b->runs, runs + k, sizeof(int64_t) * (size_t)part);
        memcpy(b->outs, outs + k, sizeof(hk_outcomes) * (size_t)part);
        pthread_mutex_lock(&job->lock);
        job->len++;
        pthread_cond_broadcast(&job->changed);
        pthread_mutex_unlock(&job->lock);
    }
    return 0;
}

static void job_progress(void *ud, int64_t done, int64_t total)
{
    (void)total;
    mpi_job *job = ud;
    atomic_store(&job->done, done);
}

static void *job_thread(void *arg)
{
    mpi_job *job = arg;
    job->rc = hk_ensemble_run(&job->cfg, job->res, job->err, sizeof job->err);
    pthread_mutex_lock(&job->lock);
    job->finished = true;
    pthread_cond_broadcast(&job->changed);
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

/* The oldest queued batch, or NULL; *over is set once the ensemble has
 * returned and nothing is queued. */
static mpi_batch *job_head(mpi_job *job, bool *over)
{
    pthread_mutex_lock(&job->lock);
    mpi_batch *b = job->len > 0 ? &job->slot[job->head] : NULL;
    *over = job->finished && job->len == 0;
    pthread_mutex_unlock(&job->lock);
    return b;
}

static void job_pop(mpi_job *job)
{
    pthread_mutex_lock(&job->lock);
    job->head = (job->head + 1) % MPI_QUEUE;
    job->len--;
    pthread_cond_broadcast(&job->changed);
    pthread_mutex_unlock(&job->lock);
}

/* Sleeps up to a millisecond, less if the queue changes. */
static void job_wait(mpi_job *job)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&job->lock);
    if (job->len == 0 && !job->finished)
        pthread_cond_timedwait(&job->changed, &job->lock, &until);
    pthread_mutex_unlock(&job->lock);
}

/* Rank 0's database: the ensemble row and, on a resume, the stored runs. */
typedef struct mpi_store {
    hk_db *db;
    int64_t id;
    int64_t runs;           /* the ensemble's size */
    uint8_t *stored;        /* bit i: run i is stored, or NULL */
    hk_ensemble_result kept; /* aggregates of the stored runs */
} mpi_store;

/* Rank 0's database: the same steps as a single process (the whole
 * ensemble being its range), so the tables end the same. */
static int store_open(const hk_ensemble_config *cfg, mpi_store *st, char *err, size_t errlen)
{
    st->runs = cfg->runs;
    st->db = hk_db_open(cfg->db_path, err, errlen);
    if (!st->db)
        return -1;
    st->id = hk_ensemble_db_prepare(st->db, cfg, 0, cfg->runs, &st->kept, &st->stored, err, errlen);
    return st->id < 0 ? -1 : 0;
}

/* Sends or receives a byte buffer of any size (MPI counts are ints). */
static void mpi_bytes(bool send, void *buf, size_t len, int peer)
{
    const size_t step = (size_t)1 << 30;
    for (size_t at = 0; at < len; at += step) {
        int n = (int)(len - at < step ? len - at : step);
        if (send)
            MPI_Send((char *)buf + at, n, MPI_BYTE, peer, TAG_SKIP, MPI_COMM_WORLD);
        else
            MPI_Recv((char *)buf + at, n, MPI_BYTE, peer, TAG_SKIP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
}

/* Rank 0 tells each rank which of its runs are stored: its block's bits. */
static int skip_share(const hk_mpi *m, mpi_store *st, uint8_t **mine, char *err, size_t errlen)
{
    int have = m->rank == 0 && st->stored != NULL;
    MPI_Bcast(&have, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (!have)
        return 0;
    int64_t first, count;
    hk_mpi_block(m, st->runs, &first, &count);
    size_t len = (size_t)(count / 8 + 1);
    *mine = calloc(len, 1);
    if (!*mine)
        MPI_Abort(MPI_COMM_WORLD, 1); /* the others would wait for ever */
    if (m->rank != 0) {
        mpi_bytes(false, *mine, len, 0);
        return 0;
    }
    for (int r = 0; r < m->size; r++) {
        hk_mpi peer = *m;
        peer.rank = r;
        int64_t f, c;
        hk_mpi_block(&peer, st->runs, &f, &c);
        uint8_t *bits = r == 0 ? *mine : calloc((size_t)(c / 8 + 1), 1);
        if (!bits)
            MPI_Abort(MPI_COMM_WORLD, 1);
        for (int64_t i = 0; i < c; i++)
            if (st->stored[(f + i) >> 3] >> ((f + i) & 7) & 1)
                bits[i >> 3] |= (uint8_t)(1u << (i & 7));
        if (r != 0) {
            mpi_bytes(true, bits, (size_t)(c / 8 + 1), r);
            free(bits);
        }
    }
    (void)err;
    (void)errlen;
    return 0;
}

/* Rank 0's side of the run: its own batches and the others' into the
 * database, their counts into the progress figure, stops both ways. */
static void root_loop(const hk_mpi *m, const hk_ensemble_config *cfg, mpi_job *job, mpi_store *st, bool *failed,
                      char *err, size_t errlen)
{
    int n = m->size;
    int64_t *done_of = calloc((size_t)n, sizeof *done_of);
    bool *over_of = calloc((size_t)n, sizeof *over_of), *stop_sent = calloc((size_t)n, sizeof *stop_sent);
    MPI_Request *req = calloc((size_t)n * 2, sizeof *req);
    mpi_batch *rx = st->db ? malloc(sizeof *rx) : NULL;
    if (!done_of || !over_of || !stop_sent || !req || (st->db && !rx))
        MPI_Abort(MPI_COMM_WORLD, 1);
    int n_req = 0, ranks_over = 0;
    static const int one = 1, zero = 0; /* the payloads of STOP and FINAL */
    int64_t todo = cfg->runs - st->kept.runs;
    double last = 0;
    for (;;) {
        bool over;
        mpi_batch *b;
        while ((b = job_head(job, &over))) {
            if (!*failed && hk_db_write_runs(st->db, st->id, b->runs, b->outs, b->n, err, errlen) != 0) {
                *failed = true;
                atomic_store(job->cfg.cancel, 1);
            }
            job_pop(job);
        }
        int flag;
        MPI_Status s;
        while (MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &s) == MPI_SUCCESS && flag) {
            int src = s.MPI_SOURCE;
            if (s.MPI_TAG == TAG_ROWS && rx) {
                MPI_Recv(rx, (int)sizeof *rx, MPI_BYTE, src, TAG_ROWS, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                if (!*failed && hk_db_write_runs(st->db, st->id, rx->runs, rx->outs, rx->n, err, errlen) != 0) {
                    *failed = true;
                    atomic_store(job->cfg.cancel, 1);
                }
            } else if (s.MPI_TAG == TAG_PROGRESS) {
                MPI_Recv(&done_of[src], 1, MPI_INT64_T, src, TAG_PROGRESS, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else if (s.MPI_TAG == TAG_STOP) {
                int v;
                MPI_Recv(&v, 1, MPI_INT, src, TAG_STOP, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                atomic_store(job->cfg.cancel, 1);
            } else if (s.MPI_TAG == TAG_DONE) {
                int64_t d[2];
                MPI_Recv(d, 2, MPI_INT64_T, src, TAG_DONE, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                done_of[src] = d[0];
                if (d[1]) /* it failed: the job fails, so the others need not go on */
                    atomic_store(job->cfg.cancel, 1);
                if (!over_of[src]) {
                    over_of[src] = true;
                    ranks_over++;
                }
            } else {
                /* Nothing else is sent during the run; drop it rather than spin on it. */
                char junk;
                MPI_Recv(&junk, 0, MPI_BYTE, src, s.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            }
        }
        if (job->cfg.cancel && atomic_load(job->cfg.cancel))
            for (int r = 1; r < n; r++)
                if (!stop_sent[r] && !over_of[r]) {
                    stop_sent[r] = true;
                    MPI_Isend(&one, 1, MPI_INT, r, TAG_STOP, MPI_COMM_WORLD, &req[n_req++]);
                }
        if (job->rc != 0 && over)
            atomic_store(job->cfg.cancel, 1);
        double t = mpi_now();
        int64_t done = atomic_load(&job->done);
        for (int r = 1; r < n; r++)
            done += done_of[r];
        bool all_over = over && ranks_over == n - 1;
        if (cfg->progress && (t - last >= MPI_TICK || all_over)) {
            cfg->progress(cfg->progress_ud, done, todo);
            last = t;
        }
        if (all_over)
            break;
        job_wait(job);
    }
    for (int r = 1; r < n; r++)
        MPI_Isend(&zero, 1, MPI_INT, r, TAG_FINAL, MPI_COMM_WORLD, &req[n_req++]);
    MPI_Waitall(n_req, req, MPI_STATUSES_IGNORE);
    free(done_of);
    free(over_of);
    free(stop_sent);
    free(req);
    free(rx);
}

/* A rank r > 0: its batches and counts to rank 0, rank 0's stop to its
 * threads, its own interruption to rank 0. */
static void rank_loop(mpi_job *job)
{
    MPI_Request preq = MPI_REQUEST_NULL;
    int64_t pbuf = -1, sent = -1;
    bool told = false, stopped = false, done_sent = false, final = false;
    double last = 0;
    while (!final) {
        bool over;
        mpi_batch *b;
        while ((b = job_head(job, &over))) {
            MPI_Send(b, (int)batch_bytes(b->n), MPI_BYTE, 0, TAG_ROWS, MPI_COMM_WORLD);
            job_pop(job);
        }
        int flag;
        MPI_Status s;
        while (MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &s) == MPI_SUCCESS && flag) {
            int v;
            MPI_Recv(&v, 1, MPI_INT, 0, s.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (s.MPI_TAG == TAG_STOP) {
                stopped = true;
                atomic_store(job->cfg.cancel, 1);
            } else if (s.MPI_TAG == TAG_FINAL) {
                final = true;
            }
        }
        if (final)
            break;
        if (!told && !stopped && atomic_load(job->cfg.cancel)) {
            told = true; /* a signal here: rank 0 stops the rest */
            int v = 1;
            MPI_Send(&v, 1, MPI_INT, 0, TAG_STOP, MPI_COMM_WORLD);
        }
        double t = mpi_now();
        if (!done_sent && t - last >= MPI_TICK) {
            int idle = 1;
            MPI_Test(&preq, &idle, MPI_STATUS_IGNORE);
            int64_t done = atomic_load(&job->done);
            if (idle && done != sent) {
                pbuf = sent = done;
                MPI_Isend(&pbuf, 1, MPI_INT64_T, 0, TAG_PROGRESS, MPI_COMM_WORLD, &preq);
            }
            last = t;
        }
        if (over && !done_sent) {
            MPI_Wait(&preq, MPI_STATUS_IGNORE);
            int64_t d[2] = {atomic_load(&job->done), job->rc != 0};
            MPI_Send(d, 2, MPI_INT64_T, 0, TAG_DONE, MPI_COMM_WORLD);
            done_sent = true;
        }
        job_wait(job);
    }
    MPI_Wait(&preq, MPI_STATUS_IGNORE);
}

#endif /* HK_HAVE_MPI */

int hk_mpi_ensemble(const hk_mpi *m, const hk_ensemble_config *cfg, hk_ensemble_result *res, char *err,
                    size_t errlen)
{
    hk_ensemble_config part = *cfg;
    part.part = true;
    hk_mpi_block(m, cfg->runs, &part.first, &part.count);
    err[0] = '\0';
#ifdef HK_HAVE_MPI
    if (m->active && m->size > 1) {
        if (cfg->db_path && cfg->baseline) {
            snprintf(err, errlen, "a what-if is not stored in a database; run 'hokushin ensemble --db' on each setup");
            return -1;
        }
        atomic_int own_stop = 0;
        if (!part.cancel)
            part.cancel = &own_stop;
        mpi_store st;
        memset(&st, 0, sizeof st);
        st.runs = cfg->runs;
        int bad = 0;
        if (cfg->db_path && m->rank == 0)
            bad = store_open(cfg, &st, err, errlen) != 0;
        if (cfg->db_path)
            MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
        uint8_t *skip = NULL;
        if (!bad && cfg->db_path)
            skip_share(m, &st, &skip, err, errlen);
        if (bad) {
            hk_db_close(st.db);
            free(st.stored);
            memset(res, 0, sizeof *res);
            return -1;
        }
        mpi_job *job = calloc(1, sizeof *job);
        if (!job || !(job->slot = malloc(sizeof(mpi_batch) * MPI_QUEUE)))
            MPI_Abort(MPI_COMM_WORLD, 1);
        part.db_path = NULL;
        part.resume = false;
        part.store = cfg->db_path ? job_store : NULL;
        part.store_ud = job;
        part.skip = skip;
        part.progress = job_progress;
        part.progress_ud = job;
        job->cfg = part;
        job->res = res;
        pthread_mutex_init(&job->lock, NULL);
        pthread_cond_init(&job->changed, NULL);
        pthread_t tid;
        if (pthread_create(&tid, NULL, job_thread, job) != 0) {
            /* Run here instead; the loops below then only find it over. */
            job_thread(job);
            tid = pthread_self();
        }
        bool failed = false;
        char db_err[256] = "";
        if (m->rank == 0)
            root_loop(m, cfg, job, &st, &failed, db_err, sizeof db_err);
        else
            rank_loop(job);
        if (!pthread_equal(tid, pthread_self()))
            pthread_join(tid, NULL);
        int rc = job->rc;
        if (rc != 0)
            snprintf(err, errlen, "%s", job->err);
        else if (failed) {
            snprintf(err, errlen, "%s", db_err);
            rc = -1;
        }
        if (m->rank == 0 && st.db) {
            /* The stored runs count as rank 0's: a sum is a sum. */
            hk_ensemble_agg_merge(&res->outcomes, &st.kept.outcomes);
            res->runs += st.kept.runs;
            res->runs_stored += st.kept.runs_stored;
            res->ensemble_id = st.id;
        }
        pthread_mutex_destroy(&job->lock);
        pthread_cond_destroy(&job->changed);
        free(job->slot);
        free(job);
        free(skip);
        free(st.stored);
        hk_db_close(st.db);
        return rc;
    }
#endif
    return hk_ensemble_run(&part, res, err, errlen);
}

int hk_mpi_agree(const hk_mpi *m, int status)
{
#ifdef HK_HAVE_MPI
    if (m->active && m->size > 1) {
        int all = status;
        MPI_Allreduce(&status, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        return all;
    }
#endif
    (void)m;
    return status;
}

void hk_mpi_finish(hk_mpi *m)
{
#ifdef HK_HAVE_MPI
    if (m->active)
        MPI_Finalize();
#endif
    m->active = false;
}
