/* cmd_simulate.c — 'hokushin simulate': one history decided by the model.
 *
 * Only the outside world's events keep their dates (or the dates a what-if
 * gives them); every decision of the modelled actors comes from the state.
 * The same seed gives the same history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "run/inputs.h"
#include "out/output.h"

#define SIM_DEFAULT_SEED 1

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
    const char *out_dir = NULL, *until_text = NULL;
    hk_setup_args args = {0};
    uint64_t seed = SIM_DEFAULT_SEED;
    hk_month until = HK_MONTH_NONE;
    bool json = false;
    const hk_opt options[] = {
        HK_SETUP_OPTIONS(&args),
        HK_DECIDE_OPTION(&args),
        HK_OPT_TEXT_("--out", &out_dir),
        HK_OPT_SEED_("--seed", &seed),
        HK_OPT_TEXT_("--until", &until_text),
        HK_OPT_FLAG_("--json", &json),
        HK_OPT_END,
    };
    hk_scenario *s;
    hk_setup setup;
    int status;
    if (!hk_cli_parse_setup("simulate", simulate_usage, options, argc, argv, &args, &s, &setup, &status))
        return status;
    status = HK_EXIT_USAGE;
    /* --until: its form and the scenario's months, checked once (run/inputs.c) */
    char why[256];
    if (until_text && hk_input_month(s, until_text, &until, why, sizeof why) != 0) {
        fprintf(stderr, "hokushin: --until %s\n", why);
        goto done;
    }
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
