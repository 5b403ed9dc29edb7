/* cmd_params.c — 'hokushin params': every key that --set accepts, with its
 * value, unit, range and source, and every id that --without accepts. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "out/params_json.h"

static void params_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin params [--scenario DIR] [--json]\n"
            "\n"
            "Lists what a what-if can change: each model parameter (--set KEY=VALUE) with its\n"
            "value, unit, the range calibration and sensitivity explore, and its source; each\n"
            "outside event's date (--set ID.date=YYYY-MM-DD); and the ids --without accepts.\n"
            "\n"
            "options:\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --json            one JSON object: params, events, without\n"
            "  -h, --help        this text\n");
}

static void params_print(const hk_scenario *s)
{
    printf("parameters (--set KEY=VALUE)\n");
    printf("  %-34s %12s  %-20s %-22s %s\n", "key", "value", "unit", "range", "source");
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        const hk_param_value *p = &s->params[i];
        char range[48];
        snprintf(range, sizeof range, "[%g, %g]", p->min, p->max);
        printf("  %-34s %12g  %-20s %-22s %s\n", hk_param_table[i].key, p->value, hk_param_table[i].unit, range,
               p->source.text ? p->source.text : "");
        printf("  %-34s   %s\n", "", hk_param_table[i].doc);
    }
    printf("\noutside events (--set ID.date=YYYY-MM-DD, --without ID)\n");
    for (int e = 0; e < s->n_events; e++) {
        char key[HK_ID_LEN + 8], date[16];
        snprintf(key, sizeof key, "%s.date", s->events[e].id);
        hk_date_format(s->events[e].date, date);
        printf("  %-34s %12s  %s\n", key, date, s->events[e].source.text ? s->events[e].source.text : "");
    }
    printf("\ntreaties (--without ID forbids it)\n");
    for (int t = 0; t < s->n_treaties; t++)
        printf("  %-34s %s\n", s->treaties[t].id, s->treaties[t].name ? s->treaties[t].name : "");
}

int hk_cmd_params(int argc, char **argv)
{
    const char *scenario_path = NULL;
    bool json = false;
    const hk_opt options[] = {
        HK_OPT_TEXT_("--scenario", &scenario_path),
        HK_OPT_FLAG_("--json", &json),
        HK_OPT_END,
    };
    int parsed = hk_cli_parse("params", params_usage, options, argc, argv);
    if (parsed != HK_CLI_PARSED)
        return hk_cli_parse_status(parsed);
    hk_scenario *s = hk_cli_load_scenario(scenario_path);
    if (!s)
        return HK_EXIT_USAGE;
    if (json) {
        json_t *j = hk_params_json(s);
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
        fputc('\n', stdout);
        json_decref(j);
    } else {
        params_print(s);
    }
    hk_scenario_free(s);
    return hk_cli_finish_stdout(HK_EXIT_OK);
}
