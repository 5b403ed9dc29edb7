/* cmd_sensitivity.c — 'hokushin sensitivity': which parameters drive an
 * outcome (Morris elementary effects; see run/sensitivity.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/ensemble_cli.h"
#include "out/chart.h"
#include "run/sensitivity.h"

#define SENS_DEFAULT_RUNS 100
#define SENS_DEFAULT_TRAJECTORIES 8

static void sensitivity_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin sensitivity --outcome NAME [--runs-per-point N] [--trajectories R]\n"
            "                            [--seed N] [--threads K] [--scenario DIR]\n"
            "                            [--set KEY=VALUE]... [--without ID]... [--json] [--out DIR]\n"
            "\n"
            "Ranks the model's parameters by how much they move an outcome, with Morris's\n"
            "elementary effects over each parameter's range (min..max in params.yaml, see\n"
            "'hokushin params'). R trajectories start at quasi-random points (Sobol) and move\n"
            "one parameter at a time; every point is an ensemble of N runs on the same random\n"
            "numbers. mu* is the mean size of the change in the outcome when a parameter goes\n"
            "across its range; sigma large next to mu* means the effect depends on the other\n"
            "parameters. Cost: R x (parameters + 1) x N runs.\n"
            "\n"
            "options:\n"
            "  --outcome NAME        one of the outcomes of 'hokushin ensemble' (required)\n"
            "  --runs-per-point N    runs of each point's ensemble (default %d)\n"
            "  --trajectories R      Morris trajectories (default %d)\n"
            "  --seed N              random seed (default %d)\n"
            "  --threads K           worker threads, 1 to 1024 (0 = every core, the default)\n"
            "  --scenario DIR        a scenario folder instead of the built-in one\n"
            "  --set, --without      the setup the parameters are varied around\n"
            "  --json                one JSON object on stdout\n"
            "  --out DIR             write DIR/sensitivity.png, .svg (the chart) and .json\n"
            "  -h, --help            this text\n"
            "\n"
            "example:\n"
            "  hokushin sensitivity --outcome strike_north_by_1942 --out out/sens\n",
            SENS_DEFAULT_RUNS, SENS_DEFAULT_TRAJECTORIES, HK_ENS_DEFAULT_SEED);
}

static int outcome_by_name(const char *name)
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        if (strcmp(hk_outcome_table[i].name, name) == 0)
            return i;
    return -1;
}

static void print_table(const hk_sensitivity_config *cfg, const hk_sensitivity_result *res)
{
    printf("sensitivity of %s (%s), Morris: %d trajectories, %d runs per point, %lld runs, seed %llu%s\n\n",
           hk_outcome_table[cfg->outcome].name,
           hk_outcome_table[cfg->outcome].kind == HK_OUTCOME_PROPORTION ? "probability" : "mean", cfg->trajectories,
           cfg->runs_per_point, (long long)res->runs, (unsigned long long)cfg->seed,
           res->cancelled ? " (stopped early)" : "");
    printf("%4s  %-36s %10s %10s %10s  %s\n", "rank", "parameter", "mu*", "mu", "sigma", "range");
    for (int i = 0; i < res->n_params; i++) {
        const hk_sensitivity_param *p = &res->params[i];
        printf("%4d  %-36s %10.4g %10.4g %10.4g  [%g, %g] %s\n", i + 1, hk_param_table[p->param].key, p->mu_star,
               p->mu, p->sigma, p->min, p->max, hk_param_table[p->param].unit);
    }
}

static int write_outputs(const char *dir, const hk_sensitivity_config *cfg, const hk_sensitivity_result *res,
                         json_t *j)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "hokushin: --out %s: %s\n", dir, strerror(errno));
        return -1;
    }
    char path[4096], err[256];
    snprintf(path, sizeof path, "%s/sensitivity.json", dir);
    if (json_dump_file(j, path, JSON_INDENT(2) | JSON_REAL_PRECISION(8)) != 0) {
        fprintf(stderr, "hokushin: %s: cannot write\n", path);
        return -1;
    }
    const char *devices[][2] = {{"pngcairo", "png"}, {"svgcairo", "svg"}};
    for (int d = 0; d < 2; d++) {
        snprintf(path, sizeof path, "%s/sensitivity.%s", dir, devices[d][1]);
        if (hk_chart_sensitivity(cfg, res, path, devices[d][0], err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: %s\n", err);
            return -1;
        }
    }
    fprintf(stderr, "hokushin: wrote %s/sensitivity.png, sensitivity.svg and sensitivity.json\n", dir);
    return 0;
}

/* --runs would be ambiguous here: the runs of each point, or in all? */
static int wrong_runs(const char *opt, const char *text, void *out)
{
    fprintf(stderr, "hokushin: sensitivity: use --runs-per-point N (the runs of each point)\n");
    return -1;
}

int hk_cmd_sensitivity(int argc, char **argv)
{
    hk_ens_opts o = {.seed = HK_ENS_DEFAULT_SEED};
    const char *outcome = NULL, *out_dir = NULL;
    uint64_t runs = SENS_DEFAULT_RUNS, trajectories = SENS_DEFAULT_TRAJECTORIES;
    const hk_opt options[] = {
        HK_OPT_SEED_("--runs-per-point", &runs),
        HK_OPT_CUSTOM_("--runs", wrong_runs, NULL),
        HK_ENS_OPTIONS(&o),
        HK_OPT_TEXT_("--outcome", &outcome),
        HK_OPT_SEED_("--trajectories", &trajectories),
        HK_OPT_TEXT_("--out", &out_dir),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("sensitivity", sensitivity_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    if (!outcome) {
        fprintf(stderr, "hokushin: sensitivity needs --outcome NAME, one of:");
        for (int i = 0; i < HK_OUTCOME_COUNT; i++)
            fprintf(stderr, " %s", hk_outcome_table[i].name);
        fprintf(stderr, "\n");
        return HK_EXIT_USAGE;
    }
    int index = outcome_by_name(outcome);
    if (index < 0) {
        fprintf(stderr, "hokushin: --outcome %s: no such outcome; the outcomes are:", outcome);
        for (int i = 0; i < HK_OUTCOME_COUNT; i++)
            fprintf(stderr, " %s", hk_outcome_table[i].name);
        fprintf(stderr, "\n");
        return HK_EXIT_USAGE;
    }
    if (runs < 1 || runs > 10000000 || trajectories < 1 || trajectories > 10000) {
        fprintf(stderr, "hokushin: --runs-per-point must be 1..10000000 and --trajectories 1..10000\n");
        return HK_EXIT_USAGE;
    }
    hk_scenario *s;
    hk_setup setup;
    if (hk_cli_setup(&o.setup, &s, &setup) != 0)
        return HK_EXIT_USAGE;
    int status = HK_EXIT_USAGE;
    static atomic_int stop;
    atomic_store(&stop, 0);
    hk_ens_cli_catch_interrupt(&stop);
    hk_progress_bar bar;
    hk_progress_bar_init(&bar, "sensitivity (points)");
    hk_sensitivity_config cfg = {
        .setup = &setup,
        .outcome = index,
        .runs_per_point = (int)runs,
        .trajectories = (int)trajectories,
        .threads = o.threads,
        .seed = o.seed,
        .cancel = &stop,
        .progress = hk_progress_bar_show,
        .progress_ud = &bar,
    };
    hk_sensitivity_result res;
    char err[256];
    int rc = hk_sensitivity_run(&cfg, &res, err, sizeof err);
    hk_progress_bar_end(&bar);
    if (rc != 0) {
        fprintf(stderr, "hokushin: sensitivity: %s\n", err);
        status = HK_EXIT_FAIL;
        goto done;
    }
    json_t *j = hk_sensitivity_json(&cfg, &res);
    status = HK_EXIT_OK;
    /* Files first: a reader that closes the pipe early loses nothing. */
    if (out_dir && write_outputs(out_dir, &cfg, &res, j) != 0)
        status = HK_EXIT_FAIL;
    if (o.json) {
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(8));
        fputc('\n', stdout);
    } else {
        print_table(&cfg, &res);
    }
    status = hk_cli_finish_stdout(status);
    json_decref(j);
    if (res.cancelled) {
        fprintf(stderr, "hokushin: interrupted after %d points; the figures above use what finished\n", res.points);
        if (status == HK_EXIT_OK)
            status = 130;
    }
done:
    hk_scenario_free(s);
    return status;
}
