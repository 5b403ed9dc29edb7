/* cmd_simulate.c — 'hokushin simulate': one history decided by the model.
 *
 * Only the outside world's events keep their dates (or the dates a what-if
 * gives them); every decision of the modelled actors comes from the state.
 * The same seed gives the same history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "out/output.h"

#define SIM_DEFAULT_SEED 1
#define SIM_MAX_OVERRIDES 64

static void simulate_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin simulate [--scenario DIR] [--seed N] [--until YYYY-MM]\n"
            "                         [--set KEY=VALUE]... [--without ID]... [--decide ACTOR.DECISION=YYYY-MM]...\n"
            "                         [--json] [--out DIR]\n"
            "\n"
            "Runs one history in which nothing is pinned but the outside world's events:\n"
            "Japan's and the Soviet Union's choices (treaties, doctrine, escalation, war) come\n"
            "from the model's state. Prints every event with the reason the model gives for it\n"
            "and its source, the state after each year, and the run's outcomes. The same seed\n"
            "gives the same history, byte for byte; 'hokushin ensemble' runs thousands.\n"
            "\n"
            "options:\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --seed N          random seed, a whole number (default %d)\n"
            "  --until YYYY-MM   stop after this month (default: the scenario's end)\n"
            "  --set KEY=VALUE   change a parameter ('hokushin params' lists the keys) or move\n"
            "                    an outside event: --set molotov_ribbentrop_pact.date=1940-06-01\n"
            "  --without ID      remove an outside event (barbarossa, us_oil_embargo, ...) or\n"
            "                    forbid a treaty (neutrality_pact, ...); may be repeated\n"
            "  --decide ACTOR.DECISION=YYYY-MM\n"
            "                    force a decision that month and let the rest follow:\n"
            "                    JPN.strike_north, JPN.commit_south, JPN.seize_manchuria,\n"
            "                    SOV.enter_war, ACTOR.sign.TREATY, ACTOR.denounce.TREATY\n"
            "                    ('hokushin params' lists them); may be repeated\n"
            "  --json            JSON Lines on stdout (fields in docs/api.md)\n"
            "  --out DIR         write DIR/index.html, the run as an HTML report\n"
            "  -h, --help        this text\n"
            "\n"
            "examples:\n"
            "  hokushin simulate --seed 7\n"
            "  hokushin simulate --seed 7 --without molotov_ribbentrop_pact --until 1942-12\n"
            "  hokushin simulate --seed 1 --decide JPN.strike_north=1941-08\n"
            "  hokushin simulate --json --seed 3 | jq -c 'select(.type==\"summary\").outcomes'\n",
            SIM_DEFAULT_SEED);
}

int hk_cmd_simulate(int argc, char **argv)
{
    const char *scenario_path = NULL, *out_dir = NULL, *until_text = NULL;
    char *sets[SIM_MAX_OVERRIDES], *withouts[SIM_MAX_OVERRIDES];
    int n_sets = 0, n_withouts = 0, n_decides = 0;
    char *decides[HK_MAX_DECISIONS];
    uint64_t seed = SIM_DEFAULT_SEED;
    hk_month until = HK_MONTH_NONE;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int bad = 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            simulate_usage(stdout);
            return HK_EXIT_OK;
        } else if (strcmp(a, "--json") == 0) {
            json = true;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--scenario", &bad))) {
            scenario_path = v;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--out", &bad))) {
            out_dir = v;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--seed", &bad))) {
            if (hk_cli_parse_u64("--seed", v, &seed) != 0)
                return HK_EXIT_USAGE;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--until", &bad))) {
            if (hk_cli_parse_month("--until", v, &until) != 0)
                return HK_EXIT_USAGE;
            until_text = v;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--set", &bad))) {
            if (n_sets == SIM_MAX_OVERRIDES) {
                fprintf(stderr, "hokushin: at most %d --set options\n", SIM_MAX_OVERRIDES);
                return HK_EXIT_USAGE;
            }
            sets[n_sets++] = (char *)v;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--decide", &bad))) {
            if (n_decides == HK_MAX_DECISIONS) {
                fprintf(stderr, "hokushin: at most %d --decide options\n", HK_MAX_DECISIONS);
                return HK_EXIT_USAGE;
            }
            decides[n_decides++] = (char *)v;
        } else if ((v = hk_cli_value("simulate", argc, argv, &i, "--without", &bad))) {
            if (n_withouts == SIM_MAX_OVERRIDES) {
                fprintf(stderr, "hokushin: at most %d --without options\n", SIM_MAX_OVERRIDES);
                return HK_EXIT_USAGE;
            }
            withouts[n_withouts++] = (char *)v;
        } else {
            if (!bad)
                fprintf(stderr, "hokushin: simulate: unknown option '%s' (see 'hokushin simulate --help')\n", a);
            return HK_EXIT_USAGE;
        }
    }

    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    int status = HK_EXIT_USAGE;
    hk_month first = hk_date_month(s->start), last = hk_date_month(s->end);
    if (until != HK_MONTH_NONE && (until < first || until > last)) {
        char a[16], b[16];
        hk_month_format(first, a);
        hk_month_format(last, b);
        fprintf(stderr, "hokushin: --until %s is outside the scenario, which runs from %s to %s\n", until_text, a,
                b);
        goto done;
    }
    hk_setup setup;
    hk_setup_init(&setup, s);
    if (hk_cli_apply_overrides(&setup, sets, n_sets, withouts, n_withouts) != 0 ||
        hk_cli_apply_decides(&setup, decides, n_decides) != 0)
        goto done;
    hk_output_opts opts = {
        .mode = HK_MODE_SIMULATE,
        .seed = seed,
        .until = until,
        .json = json,
        .out_dir = out_dir,
        .explain = true,
    };
    status = hk_output_run(&setup, &opts);
done:
    hk_scenario_free(s);
    return status;
}
