/* cmd_check.c — 'hokushin check': validate a scenario folder (or the
 * built-in scenario) and list every problem as PATH:LINE: message. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "scenario/cite_check.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin check [--scenario PATH]\n\n"
            "Reads every file of a scenario folder and reports every problem at once, one\n"
            "per line as PATH:LINE: message on stderr: YAML syntax, unknown keys, ids that\n"
            "name nothing (with the nearest valid id), numbers out of range, dates out of\n"
            "order or outside the scenario, records without a source, citations past the\n"
            "end of a seed, parameters missing from params.yaml, treaty preconditions that\n"
            "name no actor, form or condition.\n\n"
            "Citations check themselves: every number a record cites to a seed line (a\n"
            "parameter's value, a formation's men and arms, a battle's forces and losses,\n"
            "figures in a fact's text) must be written on that line (\"290,000\", \"1.5\n"
            "million\", \"13 km\", \"twelve\"), or the source must say 'derived: <arithmetic>'\n"
            "or 'judged: <why>', or cite a publication beside the seed. This needs the\n"
            "seed texts: --seeds DIR, else $HOKUSHIN_SEEDS, PATH/seeds, ../shared/seeds;\n"
            "without them the numbers are not checked and a note says so.\n\n"
            "  --scenario PATH   the folder to check (default: the built-in scenario)\n"
            "  --seeds DIR       the folder of the seed documents the scenario cites\n"
            "  --help            this text\n\n"
            "Exit status: 0 when the scenario is valid (a summary goes to stdout), 2 when\n"
            "it has errors. The format is described in docs/scenario-format.md.\n");
}

int hk_cmd_check(int argc, char **argv)
{
    const char *path = NULL, *seeds = NULL;
    const hk_opt options[] = {
        HK_OPT_TEXT_("--scenario", &path),
        HK_OPT_TEXT_("--seeds", &seeds),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("check", usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    hk_diag diag;
    hk_diag_init(&diag);
    diag.limit = 10000;
    hk_scenario *s = path ? hk_scenario_load_dir(path, &diag) : hk_scenario_load_builtin(&diag);
    if (!s || hk_diag_failed(&diag)) {
        hk_diag_print(&diag, stderr);
        if (diag.count == 0)
            fprintf(stderr, "hokushin check: the scenario could not be loaded\n");
        hk_diag_free(&diag);
        hk_scenario_free(s);
        return HK_EXIT_USAGE;
    }
    hk_diag_free(&diag);

    /* The cited numbers against the seeds' lines. */
    hk_seed_texts texts;
    char why[512];
    int cite_errors = 0;
    bool have_seeds = hk_seed_texts_load(&texts, s, seeds, path, why, sizeof why);
    if (!have_seeds && seeds) {
        fprintf(stderr, "hokushin check: --seeds %s: %s\n", seeds, why);
        hk_scenario_free(s);
        return HK_EXIT_USAGE;
    }
    hk_seed_use use = {0};
    if (have_seeds) {
        hk_diag_init(&diag);
        diag.limit = 10000;
        cite_errors = hk_cite_check(s, &texts, &diag);
        hk_seed_use_count(s, &texts, &use);
        hk_seed_texts_free(&texts);
        if (cite_errors) {
            hk_diag_print(&diag, stderr);
            hk_diag_free(&diag);
            hk_scenario_free(s);
            return HK_EXIT_USAGE;
        }
        hk_diag_free(&diag);
    } else {
        fprintf(stderr, "hokushin check: note: cited numbers not checked against the seeds (%s; "
                        "give --seeds DIR)\n", why);
    }

    /* Every record carries a source (the loader refuses one without). */
    int clauses = 0;
    for (int i = 0; i < s->n_treaties; i++)
        clauses += s->treaties[i].n_clauses;
    int records = s->n_actors + s->n_factions + s->n_sectors + s->n_regions + s->n_links +
                  s->n_formations + s->n_strengths + s->n_treaties + clauses + s->n_events +
                  s->n_facts + s->n_battles + s->n_incidents + s->n_losses + HK_PARAM_COUNT;
    size_t plen = path ? strlen(path) : 0;
    while (plen > 1 && path[plen - 1] == '/')
        plen--;
    printf("%.*s: ok — %d actors, %d factions, %d regions, %d links, %d sectors, %d formations, "
           "%d strengths, %d treaties, %d events, %d facts, %d battles, %d parameters; "
           "%d sourced records, %d seeds, %d publications\n",
           path ? (int)plen : (int)strlen("scenarios/far-east-1918"),
           path ? path : "scenarios/far-east-1918", s->n_actors, s->n_factions, s->n_regions,
           s->n_links, s->n_sectors, s->n_formations, s->n_strengths, s->n_treaties, s->n_events,
           s->n_facts, s->n_battles, HK_PARAM_COUNT, records, s->n_seeds, s->n_publications);
    if (have_seeds)
        printf("citations: every cited number is on its seed line; the model uses %d of the "
               "seeds' %d dated and numeric facts (%.0f%%) as mechanism or input, %d only as "
               "text\n", use.model, use.facts, use.facts ? 100.0 * use.model / use.facts : 0.0,
               use.text);
    hk_scenario_free(s);
    return hk_cli_finish_stdout(HK_EXIT_OK);
}
