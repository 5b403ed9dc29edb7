/* cmd_sources.c — 'hokushin sources': the scenario's bibliography. Every
 * source key its records cite becomes a full citation: a seed document by
 * its title with the text of each cited line, a publication by its full
 * reference. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "out/sources.h"

static void sources_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin sources [--scenario DIR] [--seeds DIR] [--json]\n"
            "\n"
            "Turns every source the scenario cites into a full citation. A seed document,\n"
            "cited as FILE:LINE, is named by its title (the scenario's sources.yaml), and each\n"
            "cited line is shown as the seed file has it; a publication, cited by its id with an\n"
            "optional locator (\"coox1985, p. 310\"), gets its full reference (scenario.yaml's\n"
            "publications). Figures marked judged:, derived: or calibrated: are counted.\n"
            "\n"
            "options:\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --seeds DIR       the folder of the seed files (default: $HK_SEEDS_DIR, else\n"
            "                    ../shared/seeds from here or from the program's checkout)\n"
            "  --json            one JSON object: seeds_dir, seeds (file, title, kind, cited,\n"
            "                    lines with their text), publications (id, cite, cited,\n"
            "                    locators), notes, unknown\n"
            "  -h, --help        this text\n"
            "\n"
            "examples:\n"
            "  hokushin sources\n"
            "  hokushin sources --json | jq '.publications[] | select(.id == \"coox1985\")'\n");
}

int hk_cmd_sources(int argc, char **argv)
{
    const char *scenario_path = NULL, *seeds = NULL;
    bool json = false;
    const hk_opt options[] = {
        HK_OPT_FLAG_("--json", &json),
        HK_OPT_TEXT_("--scenario", &scenario_path),
        HK_OPT_TEXT_("--seeds", &seeds),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("sources", sources_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    if (seeds) {
        FILE *probe = fopen(seeds, "r");
        if (!probe) {
            fprintf(stderr, "hokushin: sources: --seeds %s: no such folder; give the folder that holds the "
                            "seed files (000_....txt)\n", seeds);
            return HK_EXIT_USAGE;
        }
        fclose(probe);
    }
    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    json_t *bib = hk_sources_json(s, scenario_path, seeds);
    if (!bib) {
        hk_scenario_free(s);
        fprintf(stderr, "hokushin: sources: out of memory\n");
        return HK_EXIT_FAIL;
    }
    if (json) {
        json_dumpf(bib, stdout, JSON_INDENT(2));
        fputc('\n', stdout);
    } else {
        hk_sources_print(stdout, bib);
    }
    json_decref(bib);
    hk_scenario_free(s);
    return hk_cli_finish_stdout(HK_EXIT_OK);
}
