/* cmd_validate.c — 'hokushin validate': regenerate docs/validation.md, the
 * model against the record and the sources' causal claims. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "run/claims.h"
#include "out/validate_md.h"

#define VALIDATE_DEFAULT_RUNS 1000
#define VALIDATE_DEFAULT_SEED 1918

static void validate_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin validate [--runs N] [--seed N] [--threads K] [--out FILE]\n"
            "                         [--scenario DIR] [--combat-doc FILE] [--calibration FILE]\n"
            "                         [--json FILE] [--other-seed N] [--lint-runs N] [--list-claims]\n"
            "\n"
            "Checks the model against the record and writes a markdown report:\n"
            "  1. simulate's figures against the record (border incidents per year 1932-1939,\n"
            "     the largest border battle, the Siberian Intervention's dead, the Neutrality\n"
            "     Pact and its date, the Soviet entry and its delay after Germany's defeat, ...),\n"
            "     each with its mean, 95%% intervals, tolerance and PASS or FAIL;\n"
            "  2. Khalkhin Gol fought by the combat model on the recorded forces;\n"
            "  3. which figures the calibration was fitted on and which are held out;\n"
            "  4. the combat model's held-out CDB90 figures (from --combat-doc);\n"
            "  5. the sources' causal claims as paired ensembles (common random numbers);\n"
            "  6. every figure and claim again at another seed, and the results that differ\n"
            "     there, to tell a pass that holds from one at the edge;\n"
            "  7. single histories: the history linter over --lint-runs simulate runs (an\n"
            "     actor outside its span, a treaty before its preconditions, a side losing\n"
            "     more than it committed, events after a surrender, forces below zero, ...;\n"
            "     'hokushin lint' runs it alone) and the citation check with the share of\n"
            "     the seeds' dated and numeric facts the model uses.\n"
            "Every recorded value is read from the scenario; nothing in the report is typed in.\n"
            "\n"
            "options:\n"
            "  --runs N            simulate runs per ensemble (default %d; the report of record\n"
            "                      needs at least 1000, fewer is a smoke test)\n"
            "  --seed N            random seed (default %d); same seed, same report\n"
            "  --threads K         worker threads (default: every core); never changes a number\n"
            "  --out FILE          where to write the report (default docs/validation.md; - = stdout)\n"
            "  --scenario DIR      a scenario folder instead of the built-in one\n"
            "  --combat-doc FILE   the combat model's CDB90 report to include\n"
            "                      (default docs/combat-validation.md)\n"
            "  --calibration FILE  the last fit to quote (default data/calibration.yaml)\n"
            "  --json FILE         also write every figure and claim as JSON (for R, pandas, jq)\n"
            "  --other-seed N      the seed of section 7 (default: --seed + 1; 0 leaves the\n"
            "                      section out and halves the time)\n"
            "  --lint-runs N       histories the linter reads (default 10000; 0 leaves it out)\n"
            "  --list-claims       print the causal claims (id, design, expected direction,\n"
            "                      source) and exit\n"
            "  -h, --help          this text\n"
            "\n"
            "Exit status: 0 when the report was written (even with failures: they are in the\n"
            "report), 2 for bad options, 1 if a run failed or the file cannot be written.\n"
            "\n"
            "examples:\n"
            "  hokushin validate                      # = make validate\n"
            "  hokushin validate --runs 200 --out -   # a quick look on stdout\n",
            VALIDATE_DEFAULT_RUNS, VALIDATE_DEFAULT_SEED);
}

static void list_claims(void)
{
    printf("%-32s %-9s %-9s %s\n", "id", "design", "expected", "source");
    for (int i = 0; i < hk_claim_count; i++) {
        const hk_claim *c = &hk_claim_table[i];
        printf("%-32s %-9s %-9s %s\n", c->id, hk_claim_design_name(c->design), c->direction > 0 ? "> 0" : "< 0",
               c->source);
    }
}

int hk_cmd_validate(int argc, char **argv)
{
    int64_t runs = VALIDATE_DEFAULT_RUNS, threads = 0, lint_runs = 10000;
    uint64_t seed = VALIDATE_DEFAULT_SEED, other_seed = 0;
    bool other_given = false, claims = false;
    const char *out_path = "docs/validation.md", *scenario = NULL;
    const char *combat_doc = "docs/combat-validation.md", *calibration = "data/calibration.yaml";
    const char *json_path = NULL;
    const hk_opt options[] = {
        HK_OPT_COUNT_("--runs", &runs, 2, 10000000, NULL),
        HK_OPT_SEED_("--seed", &seed),
        HK_OPT_COUNT_("--threads", &threads, 0, 256, " (every core)"),
        {.name = "--other-seed", .kind = HK_OPT_SEED, .out = &other_seed, .given = &other_given},
        HK_OPT_COUNT_("--lint-runs", &lint_runs, 0, 10000000, NULL),
        HK_OPT_TEXT_("--out", &out_path),
        HK_OPT_TEXT_("--json", &json_path),
        HK_OPT_TEXT_("--scenario", &scenario),
        HK_OPT_TEXT_("--combat-doc", &combat_doc),
        HK_OPT_TEXT_("--calibration", &calibration),
        HK_OPT_FLAG_("--list-claims", &claims),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("validate", validate_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    if (claims) {
        list_claims();
        return hk_cli_finish_stdout(HK_EXIT_OK);
    }
    hk_scenario *s = hk_cli_load_scenario(scenario);
    if (!s)
        return HK_EXIT_USAGE;

    /* The command as the report cites it: what to type to get it again. */
    if (!other_given)
        other_seed = seed + 1; /* 0 after UINT64_MAX: no second seed */
    char command[512], other[48] = "";
    if (other_given)
        snprintf(other, sizeof other, " --other-seed %llu", (unsigned long long)other_seed);
    snprintf(command, sizeof command, "hokushin validate --runs %llu --seed %llu%s%s%s",
             (unsigned long long)runs, (unsigned long long)seed, other, scenario ? " --scenario " : "",
             scenario ? scenario : "");
    hk_val_options o = {.runs = (int)runs, .seed = seed, .threads = (int)threads, .combat_doc = combat_doc,
                        .calibration = calibration, .command = command, .progress = true,
                        .other_seed = other_seed, .lint_runs = (int)lint_runs};

    /* The report is built in memory and written only once it is whole, so a
     * failed run never leaves a half-written report (or a stray temporary
     * file) in place of the last good one. */
    bool to_stdout = strcmp(out_path, "-") == 0;
    char *text = NULL;
    size_t text_len = 0;
    FILE *mem = open_memstream(&text, &text_len);
    if (!mem) {
        perror("validate");
        hk_scenario_free(s);
        return HK_EXIT_FAIL;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    json_t *json = NULL;
    int failed = hk_validate_report(s, &o, mem, json_path ? &json : NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fclose(mem);
    int rc = failed < 0 ? HK_EXIT_FAIL : HK_EXIT_OK;
    if (rc == HK_EXIT_OK) {
        FILE *out = to_stdout ? stdout : fopen(out_path, "w");
        if (!out || fwrite(text, 1, text_len, out) != text_len || (!to_stdout && fclose(out) != 0)) {
            perror(out_path);
            rc = HK_EXIT_FAIL;
        } else if (to_stdout) {
            rc = hk_cli_finish_stdout(rc);
        }
    }
    free(text);
    if (rc == HK_EXIT_OK && json_path) {
        if (!json || json_dump_file(json, json_path, JSON_INDENT(1) | JSON_REAL_PRECISION(10)) != 0) {
            fprintf(stderr, "hokushin: validate: cannot write %s\n", json_path);
            rc = HK_EXIT_FAIL;
        }
    }
    json_decref(json);
    if (rc == HK_EXIT_OK)
        fprintf(stderr, "validate: %s written in %.1f s; %d figure%s or claim%s fail (see its last section)\n",
                to_stdout ? "report" : out_path,
                (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, failed, failed == 1 ? "" : "s",
                failed == 1 ? "" : "s");
    hk_scenario_free(s);
    return rc;
}
