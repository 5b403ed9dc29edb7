/* cmd_ensemble.c — 'hokushin ensemble': many simulate runs of one setup,
 * outcome probabilities and means with 95% intervals. */
#include <stdio.h>
#include <string.h>

#include "cli/ensemble_cli.h"

static void ensemble_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin ensemble [--scenario DIR] [--runs N] [--seed N] [--threads K]\n"
            "                         [--set KEY=VALUE]... [--without ID]... [--decide D=YYYY-MM]... [--db FILE] [--resume] [--json]\n"
            "\n"
            "Runs N simulated histories (run i uses run index i of the seed, so the answer does\n"
            "not depend on the number of threads or processes) and reports each outcome: a\n"
            "proportion with its Wilson 95%% interval, or a mean with its sd and t interval over\n"
            "the runs where it is defined, and border incidents per year. Ctrl-C (or SIGTERM)\n"
            "stops after the runs in flight and reports those that finished (exit status 130).\n"
            "\n"
            "options:\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --runs N          number of runs (default %d)\n"
            "  --seed N          random seed (default %d); same seed, same answer\n"
            "  --threads K       worker threads, 1 to 1024 (0 = every core, the default)\n"
            "  --set KEY=VALUE   change a parameter or move an event ('hokushin params' lists keys)\n"
            "  --without ID      remove an outside event or forbid a treaty; may be repeated\n"
            "  --decide ACTOR.DECISION=YYYY-MM  force a decision that month ('hokushin params')\n"
            "  --db FILE         store every run in a SQLite file (tables in docs/data.md)\n"
            "  --resume          with --db: continue the stored ensemble of the same seed and\n"
            "                    setup, running only the runs it lacks\n"
            "  --json            one JSON object on stdout (runs, seed, outcomes, incidents_per_year,\n"
            "                    runs_per_second, threads)\n"
            "  -h, --help        this text\n"
            "\n"
            "Under mpirun each process runs one block of runs and the first prints the merged\n"
            "result, identical to a single process's. With --db the first process alone writes\n"
            "the file, the others send it their runs: the same rows as one process, and --resume\n"
            "works the same. Progress (a line every 10 s on stderr) counts every process's runs.\n"
            "SIGINT or SIGTERM to any process, or 'kill -USR1' to mpirun, stops them all after\n"
            "the runs in flight (exit status 130); Ctrl-C on mpirun itself ends the job at once\n"
            "(Open MPI's choice): the runs already written stay, and --resume continues.\n"
            "\n"
            "examples:\n"
            "  hokushin ensemble --runs 10000\n"
            "  hokushin ensemble --runs 100000 --db runs.sqlite     # then --resume if stopped\n"
            "  hokushin ensemble --json | jq '.outcomes.strike_north_by_1942'\n"
            "  mpirun -np 8 hokushin ensemble --runs 1000000 --json\n"
            "  mpirun -np 8 hokushin ensemble --runs 1000000 --db runs.sqlite [--resume]\n",
            HK_ENS_DEFAULT_RUNS, HK_ENS_DEFAULT_SEED);
}

int hk_cmd_ensemble(int argc, char **argv)
{
    hk_ens_opts o = {.runs = HK_ENS_DEFAULT_RUNS, .seed = HK_ENS_DEFAULT_SEED};
    const hk_opt options[] = {
        HK_ENS_OPTIONS(&o),
        HK_OPT_TEXT_("--db", &o.db_path),
        HK_OPT_FLAG_("--resume", &o.resume),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("ensemble", ensemble_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    if (o.resume && !o.db_path) {
        fprintf(stderr, "hokushin: --resume continues an ensemble stored with --db FILE; give the file\n");
        return HK_EXIT_USAGE;
    }
    return hk_ens_cli_main(&o, false);
}
