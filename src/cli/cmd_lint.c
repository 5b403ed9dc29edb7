/* cmd_lint.c — 'hokushin lint': the history linter on its own, for scenario
 * authors: many simulate histories, the invariants each breaks, examples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "run/lint.h"

enum { DEFAULT_RUNS = 1000, DEFAULT_SEED = 1918 };

static void usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin lint [--runs N] [--seed N] [--scenario DIR] [--quiet]\n\n"
            "Runs N simulate histories and counts what a possible history does not do:\n");
    for (int k = 0; k < HK_LINT_COUNT; k++)
        fprintf(out, "  %-28s %s\n", hk_lint_id((hk_lint_kind)k), hk_lint_rule((hk_lint_kind)k));
    fprintf(out,
            "Each kind is listed with its count, the runs it happens in and up to %d examples\n"
            "(run, date, what happened); 'hokushin simulate --seed S --run R' is not needed: an\n"
            "example's run R of seed S is 'hokushin ensemble' run R, and 'hokushin simulate\n"
            "--seed S' is run 0.\n\n"
            "  --runs N          histories to read (default %d)\n"
            "  --seed N          random seed (default %d); same seed, same counts\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --quiet           counts only, no examples\n"
            "  --help            this text\n\n"
            "Exit status: 0 when no history breaks an invariant, 1 when some do (or on a\n"
            "failure), 2 on bad input. 'hokushin validate' prints the same as a section of\n"
            "docs/validation.md.\n",
            HK_LINT_EXAMPLES, DEFAULT_RUNS, DEFAULT_SEED);
}

static void progress(int done, int runs, void *ud)
{
    (void)ud;
    fprintf(stderr, "\rlint: %d of %d histories", done, runs);
    if (done == runs)
        fputc('\n', stderr);
}

int hk_cmd_lint(int argc, char **argv)
{
    int64_t runs = DEFAULT_RUNS;
    uint64_t seed = DEFAULT_SEED;
    const char *scenario = NULL;
    bool quiet = false;
    const hk_opt options[] = {
        HK_OPT_COUNT_("--runs", &runs, 1, 10000000, NULL),
        HK_OPT_SEED_("--seed", &seed),
        HK_OPT_TEXT_("--scenario", &scenario),
        HK_OPT_FLAG_("--quiet", &quiet),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("lint", usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    hk_scenario *s = hk_cli_load_scenario(scenario);
    if (!s)
        return HK_EXIT_USAGE;
    hk_setup setup;
    hk_setup_init(&setup, s);
    hk_lint_report *rep = malloc(sizeof *rep);
    if (!rep || hk_lint_runs(&setup, seed, (int)runs, rep, progress, NULL) != 0) {
        fprintf(stderr, "hokushin lint: the runs failed\n");
        free(rep);
        hk_scenario_free(s);
        return HK_EXIT_FAIL;
    }
    long total = hk_lint_total(rep);
    printf("hokushin lint --runs %llu --seed %llu%s%s: %ld violation%s in %d histories (%ld events, %ld months)\n",
           (unsigned long long)runs, (unsigned long long)seed, scenario ? " --scenario " : "",
           scenario ? scenario : "", total, total == 1 ? "" : "s", rep->runs, rep->events, rep->months);
    for (int k = 0; k < HK_LINT_COUNT; k++) {
        printf("  %-28s %8ld in %5d runs   %s\n", hk_lint_id((hk_lint_kind)k), rep->count[k], rep->runs_with[k],
               hk_lint_rule((hk_lint_kind)k));
        for (int e = 0; !quiet && e < rep->n_examples[k]; e++) {
            char d[11];
            hk_date_format(rep->example[k][e].date, d);
            printf("      run %llu, %s: %.240s\n", (unsigned long long)rep->example[k][e].run, d,
                   rep->example[k][e].text);
        }
    }
    free(rep);
    hk_scenario_free(s);
    int rc = hk_cli_finish_stdout(total ? HK_EXIT_FAIL : HK_EXIT_OK);
    return rc;
}
