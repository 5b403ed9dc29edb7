/* ensemble_cli.h — what 'ensemble', 'whatif' and 'sensitivity' share on
 * the command line: their options, the progress bar, Ctrl-C, MPI. */
#ifndef HK_ENSEMBLE_CLI_H
#define HK_ENSEMBLE_CLI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "run/ensemble.h"

#define HK_ENS_DEFAULT_RUNS 1000
#define HK_ENS_DEFAULT_SEED 1

typedef struct hk_ens_opts {
    hk_setup_args setup; /* --scenario, --set, --without, --decide (cli.h) */
    int64_t runs;
    uint64_t seed;
    int64_t threads; /* 0 = every core */
    const char *db_path;
    bool resume, json;
} hk_ens_opts;

#define HK_ENS_MAX_RUNS ((int64_t)1 << 40) /* far past any run index we can count */
#define HK_ENS_MAX_THREADS 1024

/* The shared options as entries of a command's option table (options.h):
 * --scenario, --set, --without, --decide (cli.h), --runs, --seed,
 * --threads, --json. hk_cli_setup(&o->setup, ...) sets the run up. */
#define HK_ENS_OPTIONS(o)                                                               \
    HK_SETUP_OPTIONS(&(o)->setup), HK_DECIDE_OPTION(&(o)->setup),                       \
    HK_OPT_COUNT_("--runs", &(o)->runs, 1, HK_ENS_MAX_RUNS, NULL),                      \
    HK_OPT_SEED_("--seed", &(o)->seed),                                                 \
    HK_OPT_COUNT_("--threads", &(o)->threads, 0, HK_ENS_MAX_THREADS, " (every core)"), \
    HK_OPT_FLAG_("--json", &(o)->json)

/* Runs an ensemble (or, with baseline, a what-if) as the CLI does: threads,
 * MPI ranks when launched by mpirun, a progress bar on a terminal, Ctrl-C
 * stopping cleanly. On rank 0, fills res and returns 0; on other ranks
 * returns 0 with *is_root false. Returns an exit status otherwise. */
int hk_ens_cli_run(const hk_ens_opts *o, const hk_setup *setup, const hk_setup *baseline, hk_ensemble_result *res,
                   bool *is_root, bool *interrupted);
/* What 'ensemble' (what_if false) and 'whatif' (true: against the
 * scenario's own setup, run for run) do once their options are read: set
 * the run up, run it, report it with the record beside each outcome. The
 * exit status. */
int hk_ens_cli_main(const hk_ens_opts *o, bool what_if);
/* Prints a result as JSON or as a table on stdout; the exit status it
 * earns (130 if Ctrl-C stopped it). */
int hk_ens_cli_report(const hk_ens_opts *o, const hk_ensemble_result *res, bool interrupted);
/* The same with the record's value beside each outcome (the replay of s;
 * NULL: none), in the table and as `history` in the JSON. */
int hk_ens_cli_report_history(const hk_ens_opts *o, const hk_ensemble_result *res, bool interrupted,
                              const hk_scenario *s);

/* Installs the Ctrl-C (and SIGTERM) handler that sets *flag (a second
 * one kills). */
void hk_ens_cli_catch_interrupt(atomic_int *flag);
/* A progress bar on stderr when it is a terminal; state in `bar`. Without
 * a terminal, a line every `every` seconds when that is >= 0: the
 * environment's HK_PROGRESS_SECONDS, or 10 for rank 0 of an MPI job.
 * HK_NO_PROGRESS turns both off. */
typedef struct hk_progress_bar {
    bool on;
    double start;
    const char *label;
    double every, next;
    int64_t last_done;
} hk_progress_bar;
void hk_progress_bar_init(hk_progress_bar *bar, const char *label);
void hk_progress_bar_show(void *bar, int64_t done, int64_t total);
void hk_progress_bar_end(hk_progress_bar *bar);

#endif
