/* cmd_calibrate.c — 'hokushin calibrate': fit the incident process to the
 * recorded border incidents up to 1936 and hold out the later years. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "run/calibrate.h"

#define CALIBRATE_DEFAULT_RUNS 400
#define CALIBRATE_DEFAULT_SEED 1918
#define CALIBRATE_SCENARIO_PARAMS "scenarios/far-east-1918/params.yaml"

static void calibrate_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin calibrate [--runs N] [--seed N] [--threads K] [--max-iter N]\n"
            "                          [--params KEY,...] [--out FILE] [--scenario DIR]\n"
            "                          [--apply [PARAMS.yaml]]\n"
            "\n"
            "Fits the free parameters of the border-incident process (by default\n"
            "incident.base_rate, incident.forces_elast, incident.forces_ref, and the railway\n"
            "sale's incident.posting and incident.posting_settle, where their range in\n"
            "params.yaml is open) to the recorded incident counts up to %d\n"
            "by simulated method of moments: Nelder-Mead (GSL nmsimplex2) over ensemble means\n"
            "of N runs that share their random numbers at every trial point. The later counts\n"
            "are held out and reported as the held-out error. Writes the fitted values, the\n"
            "objective and the residual of every year to --out.\n"
            "\n"
            "options:\n"
            "  --runs N        runs per trial point (default %d)\n"
            "  --seed N        random seed (default %d)\n"
            "  --threads K     worker threads (default: every core); never changes a number\n"
            "  --max-iter N    Nelder-Mead iterations at most (default 200)\n"
            "  --params LIST   the keys to fit instead, comma-separated (each needs min < max)\n"
            "  --out FILE      where to write the fit (default data/calibration.yaml; - = stdout)\n"
            "  --scenario DIR  a scenario folder instead of the built-in one\n"
            "  --apply [FILE]  also write the fitted values (and a 'calibrated: ...' source)\n"
            "                  into the params.yaml in place, touching only those keys' lines\n"
            "                  (default: the scenario's params.yaml, %s\n"
            "                  for the built-in scenario); rebuild to embed them\n"
            "  -h, --help      this text\n"
            "\n"
            "example:\n"
            "  hokushin calibrate --runs 400 && hokushin validate\n",
            HK_CALIBRATE_FIT_LAST_YEAR, CALIBRATE_DEFAULT_RUNS, CALIBRATE_DEFAULT_SEED, CALIBRATE_SCENARIO_PARAMS);
}

int hk_cmd_calibrate(int argc, char **argv)
{
    int64_t runs = CALIBRATE_DEFAULT_RUNS, threads = 0, max_iter = 200;
    uint64_t seed = CALIBRATE_DEFAULT_SEED;
    const char *out_path = "data/calibration.yaml", *scenario = NULL, *apply = NULL, *params = NULL;
    const hk_opt options[] = {
        HK_OPT_COUNT_("--runs", &runs, 2, 1000000, NULL),
        HK_OPT_SEED_("--seed", &seed),
        HK_OPT_COUNT_("--threads", &threads, 0, 256, " (every core)"),
        HK_OPT_COUNT_("--max-iter", &max_iter, 1, 100000, NULL),
        HK_OPT_TEXT_("--params", &params),
        HK_OPT_TEXT_("--out", &out_path),
        HK_OPT_TEXT_("--scenario", &scenario),
        HK_OPT_MAYBE_("--apply", &apply),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("calibrate", calibrate_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    char apply_path[4096] = "";
    if (apply) {
        if (*apply)
            snprintf(apply_path, sizeof apply_path, "%s", apply);
        else if (scenario)
            snprintf(apply_path, sizeof apply_path, "%s/params.yaml", scenario);
        else
            snprintf(apply_path, sizeof apply_path, "%s", CALIBRATE_SCENARIO_PARAMS);
        FILE *f = fopen(apply_path, "r");
        if (!f) {
            fprintf(stderr, "hokushin: --apply: cannot open %s (run from the source folder, or name the file)\n",
                    apply_path);
            return HK_EXIT_USAGE;
        }
        fclose(f);
    }
    hk_scenario *s = hk_cli_load_scenario(scenario);
    if (!s)
        return HK_EXIT_USAGE;
    hk_cal_options o = {.runs = (int)runs, .seed = seed, .threads = (int)threads, .max_iter = (int)max_iter,
                        .params = params, .progress = true};
    if (params) {
        int idx[HK_PARAM_COUNT];
        char perr[256];
        if (hk_calibrate_parse_params(s, params, idx, perr, sizeof perr) < 0) {
            fprintf(stderr, "hokushin: calibrate %s\n", perr);
            hk_scenario_free(s);
            return HK_EXIT_USAGE;
        }
    }
    hk_cal_result *r = malloc(sizeof *r);
    char err[512];
    int rc = HK_EXIT_OK;
    if (!r || hk_calibrate(s, &o, r, err, sizeof err) != 0) {
        fprintf(stderr, "hokushin: calibrate: %s\n", r ? err : "out of memory");
        free(r);
        hk_scenario_free(s);
        return HK_EXIT_FAIL;
    }
    bool to_stdout = strcmp(out_path, "-") == 0;
    FILE *out = to_stdout ? stdout : fopen(out_path, "w");
    if (!out) {
        perror(out_path);
        rc = HK_EXIT_FAIL;
    } else {
        hk_calibrate_write_yaml(out, s, &o, r);
        if (to_stdout) {
            rc = hk_cli_finish_stdout(rc);
        } else if (fclose(out) != 0) {
            perror(out_path);
            rc = HK_EXIT_FAIL;
        }
    }
    fprintf(stderr,
            "calibrate: %d iterations (%s), objective %.4g -> %.4g; error on the fitted part %.1f%%, "
            "held out %.1f%%; %.1f s\n",
            r->iterations, r->converged ? "converged" : "not converged", r->objective_start, r->objective,
            100 * r->fit_error, 100 * r->held_out_error, r->seconds);
    for (int k = 0; k < r->n_params; k++)
        fprintf(stderr, "calibrate:   %s %.6g -> %.6g\n", hk_param_table[r->param[k]].key, r->start[k], r->value[k]);
    if (rc == HK_EXIT_OK && apply) {
        if (hk_calibrate_apply(apply_path, r, err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: calibrate --apply: %s\n", err);
            rc = HK_EXIT_FAIL;
        } else {
            fprintf(stderr, "calibrate: %s updated; rebuild to embed the built-in scenario\n", apply_path);
        }
    }
    free(r);
    hk_scenario_free(s);
    return rc;
}
