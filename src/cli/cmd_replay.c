/* cmd_replay.c — 'hokushin replay': the system as it was, 1918-1945.
 *
 * The modelled actors' decisions are pinned to the record; the run is shown
 * as a timeline, written as JSON Lines, or made into an HTML report. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "out/json.h"
#include "out/output.h"

static void replay_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin replay [--scenario DIR] [--json] [--out DIR]\n"
            "\n"
            "Replays 1918-1945 with the modelled actors' decisions pinned to the record, and\n"
            "shows month by month what the model makes of them: Japan's doctrine between\n"
            "striking north and south, the factions' influence, the forces facing each other\n"
            "on the Manchurian border, the treaties in force and the border incidents. Every\n"
            "fact carries its source (a seed document and line, or a publication).\n"
            "\n"
            "options:\n"
            "  --scenario DIR  a scenario folder instead of the built-in one (see\n"
            "                  docs/scenario-format.md; 'hokushin check' validates it)\n"
            "  --json          JSON Lines on stdout: one \"event\" or \"month\" object per line,\n"
            "                  then a \"summary\" (fields in docs/api.md); for R, pandas or jq\n"
            "  --out DIR       write DIR/index.html: charts, map and timeline in one file that\n"
            "                  opens from disk (needs the web page built: 'make web')\n"
            "  -h, --help      this text\n"
            "\n"
            "examples:\n"
            "  hokushin replay | less -R\n"
            "  hokushin replay --json | jq -c 'select(.type==\"event\" and .kind==\"battle\")'\n"
            "  hokushin replay --out out/report && xdg-open out/report/index.html\n");
}

int hk_cmd_replay(int argc, char **argv)
{
    const char *scenario_path = NULL, *out_dir = NULL;
    bool json = false;
    const hk_opt options[] = {
        HK_OPT_TEXT_("--scenario", &scenario_path),
        HK_OPT_TEXT_("--out", &out_dir),
        HK_OPT_FLAG_("--json", &json),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("replay", replay_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);

    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    hk_setup setup;
    hk_setup_init(&setup, s);
    hk_output_opts opts = {
        .mode = HK_MODE_REPLAY,
        .seed = HK_REPLAY_SEED,
        .until = HK_MONTH_NONE,
        .json = json,
        .out_dir = out_dir,
        .explain = false,
    };
    int status = hk_output_run(&setup, &opts);
    hk_scenario_free(s);
    return status;
}
