/* ensemble_cli.c — options, progress, Ctrl-C and MPI for the ensemble
 * commands (see ensemble_cli.h). */
#include "cli/ensemble_cli.h"
#include "out/labels_json.h"
#include "run/labels.h"

#include "core/pool.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run/db.h"
#include "out/ensemble_out.h"
#include "run/inputs.h"
#include "run/mpi.h"

int hk_ens_cli_main(const hk_ens_opts *o, bool what_if)
{
    hk_scenario *s;
    hk_setup setup, baseline;
    if (hk_cli_setup(&o->setup, &s, &setup) != 0)
        return HK_EXIT_USAGE;
    if (what_if)
        hk_setup_init(&baseline, s);
    hk_ensemble_result res;
    bool root, interrupted;
    int status = hk_ens_cli_run(o, &setup, what_if ? &baseline : NULL, &res, &root, &interrupted);
    if (status == HK_EXIT_OK && root)
        status = hk_ens_cli_report_history(o, &res, interrupted, s);
    hk_scenario_free(s);
    return status;
}

/* ---- Ctrl-C ------------------------------------------------------------ */

static atomic_int *interrupt_flag; /* the one process-wide signal hook */

static void on_interrupt(int sig)
{
    (void)sig;
    if (interrupt_flag)
        atomic_store(interrupt_flag, 1);
    /* A second Ctrl-C (or kill) ends the program at once. */
    signal(sig, SIG_DFL);
}

void hk_ens_cli_catch_interrupt(atomic_int *flag)
{
    interrupt_flag = flag;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    /* mpirun passes a Ctrl-C on to its processes as SIGTERM, and a batch
     * system's time limit is a SIGTERM too: both stop cleanly. */
    sigaction(SIGTERM, &sa, NULL);
    /* Open MPI's mpirun, unlike with Ctrl-C, passes SIGUSR1 on to every
     * process and waits for them: 'kill -USR1 MPIRUN_PID' stops a job
     * cleanly with its result printed. */
    sigaction(SIGUSR1, &sa, NULL);
}

/* ---- progress -------------------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void hk_progress_bar_init(hk_progress_bar *bar, const char *label)
{
    bar->on = isatty(STDERR_FILENO) && !getenv("HK_NO_PROGRESS");
    bar->start = now_seconds();
    bar->label = label;
    bar->every = -1;
    bar->next = 0;
    bar->last_done = -1;
    const char *every = getenv("HK_PROGRESS_SECONDS");
    char *end;
    double v = every && *every ? strtod(every, &end) : -1;
    if (every && *every && !*end && v >= 0 && !getenv("HK_NO_PROGRESS"))
        bar->every = v;
}

/* Without a terminal (a batch job's log, mpirun's pipes), a line now and
 * then instead of a bar redrawn in place. */
static void progress_line(hk_progress_bar *bar, int64_t done, int64_t total, double elapsed, double rate)
{
    double t = now_seconds();
    bool end = done >= total;
    /* The first line after `every` seconds, so that a short job prints
     * none; the last one if any came before it. */
    if (bar->next == 0)
        bar->next = bar->start + bar->every;
    if (done == 0 || done == bar->last_done || (t < bar->next && !(end && bar->last_done >= 0)))
        return;
    bar->next = t + bar->every;
    bar->last_done = done;
    char left[64] = "";
    if (rate > 0 && !end) {
        long s = lround((double)(total - done) / rate);
        snprintf(left, sizeof left, ", %ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
    }
    fprintf(stderr, "%s: %3d%% %lld/%lld runs, %.0f runs/s, %.1f s%s\n", bar->label, (int)(100 * done / total),
            (long long)done, (long long)total, rate, elapsed, left);
    fflush(stderr);
}

void hk_progress_bar_show(void *ud, int64_t done, int64_t total)
{
    hk_progress_bar *bar = ud;
    if ((!bar->on && bar->every < 0) || total <= 0)
        return;
    double elapsed = now_seconds() - bar->start;
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    if (!bar->on) {
        progress_line(bar, done, total, elapsed, rate);
        return;
    }
    int width = 30, filled = (int)((double)width * (double)done / (double)total);
    char line[64];
    for (int k = 0; k < width; k++)
        line[k] = k < filled ? '#' : '-';
    line[width] = '\0';
    char left[32] = "";
    if (rate > 0 && done < total) {
        long s = lround((double)(total - done) / rate);
        snprintf(left, sizeof left, "%ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
    }
    fprintf(stderr, "\r%s [%s] %3d%% %lld/%lld runs  %.0f runs/s  %s\033[K", bar->label, line,
            (int)(100 * done / total), (long long)done, (long long)total, rate, left);
    fflush(stderr);
}

void hk_progress_bar_end(hk_progress_bar *bar)
{
    if (bar->on)
        fprintf(stderr, "\r\033[K");
}

/* ---- running ------------------------------------------------------------------ */

static int default_threads(void)
{
    long cores = hk_pool_cores();
    /* Ranks sharing a machine share its cores. */
    const char *local = getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
    if (!local)
        local = getenv("MPI_LOCALNRANKS");
    long ranks = local ? atol(local) : 1;
    if (ranks > 1)
        cores = cores / ranks > 0 ? cores / ranks : 1;
    return (int)cores;
}

/* Seconds between progress lines of an MPI job when stderr is not a
 * terminal (it never is under mpirun, which pipes it). */
#define ENS_MPI_PROGRESS_SECONDS 10

/* A --db that cannot be opened (no such folder, not a database, another
 * version's tables) is bad input: found before any run, with exit status 2,
 * rather than as a failure of the ensemble. Opening creates the file and its
 * tables, as the ensemble would. */
static int check_db(const char *path, bool resume)
{
    char err[1600];
    hk_db *db = hk_db_open(path, err, sizeof err);
    if (!db) {
        fprintf(stderr, "hokushin: --db %s\n", err);
        return -1;
    }
    /* A resume trusts the stored runs: a damaged file is refused first. */
    if (resume && hk_db_check(db, err, sizeof err) != 0) {
        fprintf(stderr, "hokushin: --resume: %s\n", err);
        hk_db_close(db);
        return -1;
    }
    hk_db_close(db);
    return 0;
}

int hk_ens_cli_run(const hk_ens_opts *o, const hk_setup *setup, const hk_setup *baseline, hk_ensemble_result *res,
                   bool *is_root, bool *interrupted)
{
    static atomic_int stop;
    *is_root = true;
    *interrupted = false;
    hk_mpi m;
    if (hk_mpi_start(&m) != 0) {
        fprintf(stderr, "hokushin: MPI could not start\n");
        return HK_EXIT_FAIL;
    }
    *is_root = m.rank == 0;
    /* Under MPI only rank 0 opens the database: the file need not be
     * reachable from the other machines. */
    if (hk_mpi_agree(&m, o->db_path && m.rank == 0 && check_db(o->db_path, o->resume) != 0) != 0) {
        hk_mpi_finish(&m);
        return HK_EXIT_USAGE;
    }
    atomic_store(&stop, 0);
    hk_ens_cli_catch_interrupt(&stop);
    hk_progress_bar bar;
    hk_progress_bar_init(&bar, baseline ? "whatif" : "ensemble");
    if (m.rank != 0) {
        bar.on = false;
        bar.every = -1;
    } else if (m.size > 1 && !bar.on && bar.every < 0 && !getenv("HK_NO_PROGRESS")) {
        bar.every = ENS_MPI_PROGRESS_SECONDS;
    }
    hk_ensemble_config cfg = {
        .setup = setup,
        .baseline = baseline,
        .seed = o->seed,
        .runs = o->runs,
        .threads = o->threads ? o->threads : default_threads(),
        .db_path = o->db_path,
        .resume = o->resume,
        .cancel = &stop,
        .progress = hk_progress_bar_show,
        .progress_ud = &bar,
    };
    char err[256];
    /* Each rank runs its block; one process is a job of one rank. */
    int rc = hk_mpi_ensemble(&m, &cfg, res, err, sizeof err);
    hk_progress_bar_end(&bar);
    if (rc != 0 && err[0])
        fprintf(stderr, "hokushin: %s\n", err);
    if (hk_mpi_agree(&m, rc != 0) != 0) {
        hk_mpi_finish(&m);
        return HK_EXIT_FAIL;
    }
    if (hk_mpi_gather(&m, res) != 0) {
        fprintf(stderr, "hokushin: MPI could not gather the ranks' results\n");
        hk_mpi_finish(&m);
        return HK_EXIT_FAIL;
    }
    /* After the gather, so that "run now" counts every rank's runs. */
    if (res->runs_stored > 0 && m.rank == 0)
        fprintf(stderr, "hokushin: resumed ensemble %lld: %lld runs read from %s, %lld run now\n",
                (long long)res->ensemble_id, (long long)res->runs_stored, o->db_path,
                (long long)(res->runs - res->runs_stored));
    hk_mpi_finish(&m);
    *interrupted = atomic_load(&stop) != 0;
    return HK_EXIT_OK;
}

int hk_ens_cli_report(const hk_ens_opts *o, const hk_ensemble_result *res, bool interrupted)
{
    return hk_ens_cli_report_history(o, res, interrupted, NULL);
}

int hk_ens_cli_report_history(const hk_ens_opts *o, const hk_ensemble_result *res, bool interrupted,
                              const hk_scenario *s)
{
    /* the record beside each outcome: the replay's outcomes, one run */
    hk_outcomes history;
    bool have = s && hk_label_history(s, &history) == 0;
    if (o->json) {
        json_t *j = hk_ensemble_json(res);
        if (have)
            json_object_set_new(j, "history", hk_ensemble_history_json(&history, res));
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(8));
        fputc('\n', stdout);
        json_decref(j);
    } else {
        hk_ensemble_print_history(stdout, res, have ? &history : NULL);
    }
    /* The table first, then the note about it on stderr. */
    int status = hk_cli_finish_stdout(HK_EXIT_OK);
    if (interrupted || res->cancelled) {
        fprintf(stderr, "hokushin: interrupted: %lld of %lld runs finished and are counted above%s\n",
                (long long)res->runs, (long long)res->runs_requested,
                o->db_path ? "; --resume continues where this stopped" : "");
        if (status == HK_EXIT_OK)
            status = 130;
    }
    return status;
}
