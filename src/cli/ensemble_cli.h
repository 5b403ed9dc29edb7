/* ensemble_cli.h — what 'ensemble', 'whatif' and 'sensitivity' share on
 * the command line: their options, the progress bar, Ctrl-C, MPI. */
#ifndef HK_ENSEMBLE_CLI_H
#define HK_ENSEMBLE_CLI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "run/ensemble.h"

#define HK_ENS_MAX_OVERRIDES 64
#define HK_ENS_DEFAULT_RUNS 1000
#define HK_ENS_DEFAULT_SEED 1

typedef struct hk_ens_opts {
    const char *scenario_path;
    int64_t runs;
    uint64_t seed;
    int threads; /* 0 = every core */
    char *sets[HK_ENS_MAX_OVERRIDES];
    int n_sets;
    char *withouts[HK_ENS_MAX_OVERRIDES];
    int n_withouts;
    char *decides[HK_MAX_DECISIONS];
    int n_decides;
    const char *db_path;
    bool resume, json;
} hk_ens_opts;

/* Tries to take argv[*i] (and its value) as one of the shared options.
 * Returns 1 if taken, 0 if it is not a shared option, -1 on a bad value
 * (message printed). `cmd` names the command in messages. */
int hk_ens_cli_option(const char *cmd, int argc, char **argv, int *i, hk_ens_opts *o);

/* Loads the scenario the options name into *s and a setup of it with their
 * --set and --without applied. Returns 0; -1 with the messages printed and
 * nothing left to free when the scenario or an override is bad. */
int hk_ens_cli_setup(const hk_ens_opts *o, hk_scenario **s, hk_setup *setup);

/* Runs an ensemble (or, with baseline, a what-if) as the CLI does: threads,
 * MPI ranks when launched by mpirun, a progress bar on a terminal, Ctrl-C
 * stopping cleanly. On rank 0, fills res and returns 0; on other ranks
 * returns 0 with *is_root false. Returns an exit status otherwise. */
int hk_ens_cli_run(const hk_ens_opts *o, const hk_setup *setup, const hk_setup *baseline, hk_ensemble_result *res,
                   bool *is_root, bool *interrupted);
/* Prints a result as JSON or as a table on stdout; the exit status it
 * earns (130 if Ctrl-C stopped it). */
int hk_ens_cli_report(const hk_ens_opts *o, const hk_ensemble_result *res, bool interrupted);

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
