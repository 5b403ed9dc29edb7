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
            "usage: hokushin params [--scenario DIR] [--set KEY=VALUE]... [--without ID]... [--json | --markdown]\n"
            "\n"
            "Lists what a what-if can change: each model parameter (--set KEY=VALUE) with its\n"
            "value, unit, the range calibration and sensitivity explore, and its source; each\n"
            "outside event's date (--set ID.date=YYYY-MM-DD); and the ids --without accepts.\n"
            "\n"
            "options:\n"
            "  --scenario DIR    a scenario folder instead of the built-in one\n"
            "  --set KEY=VALUE   show the values with this change, as a run would use them\n"
            "  --without ID      show this event or treaty as removed\n"
            "  --json            one JSON object: params, events, without\n"
            "  --markdown        the parameter table of docs/model.md (the model's keys, not combat.*)\n"
            "  -h, --help        this text\n");
}

static void print_decision(void *ud, const char *name, const char *what)
{
    printf("  %-34s %s\n", name, what);
}

/* A table cell: no '|' or line break may end the cell early. */
static void md_cell(const char *text)
{
    for (const char *c = text ? text : ""; *c; c++) {
        if (*c == '|')
            putchar('\\');
        putchar(*c == '\n' || *c == '\r' ? ' ' : *c);
    }
}

/* docs/model.md's parameter table, written from the scenario's values
 * (scripts/params_table.sh puts it in place; tests/e2e/params_table.sh fails
 * when the document's copy differs). The combat model's keys are
 * docs/combat.md's. */
static void params_markdown(const hk_setup *setup)
{
    const hk_scenario *s = setup->scenario;
    printf("| key | value | range | unit | meaning | source |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        const hk_param_info *info = &hk_param_table[i];
        if (strncmp(info->key, "combat.", 7) == 0)
            continue;
        const hk_param_value *p = &s->params[i];
        printf("| `%s` | %g | %g – %g | ", info->key, setup->param[i], p->min, p->max);
        md_cell(info->unit);
        fputs(" | ", stdout);
        md_cell(info->doc);
        fputs(" | ", stdout);
        md_cell(p->source.text);
        fputs(" |\n", stdout);
    }
}

static void params_print(const hk_setup *setup)
{
    const hk_scenario *s = setup->scenario;
    /* Long sources and descriptions wrap at spaces within the terminal's
     * width, continued under the description's column. */
    int width = hk_cli_width();
    printf("parameters (--set KEY=VALUE)\n");
    printf("  %-34s %12s  %-20s %-22s %s\n", "key", "value", "unit", "range", "source");
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        const hk_param_value *p = &s->params[i];
        char range[48];
        snprintf(range, sizeof range, "[%g, %g]", p->min, p->max);
        char head[160];
        int col = snprintf(head, sizeof head, "  %-34s %12g  %-20s %-22s ", hk_param_table[i].key, setup->param[i],
                           hk_param_table[i].unit, range);
        if (width > 0 && col + 20 > width) { /* too narrow for the source beside the figures */
            size_t n = strlen(head);
            while (n > 0 && head[n - 1] == ' ')
                head[--n] = '\0';
            printf("%s\n%39s", head, "");
            col = 39;
        } else {
            fputs(head, stdout);
        }
        hk_cli_wrap(stdout, col, 39, width, p->source.text ? p->source.text : "");
        printf("%39s", "");
        hk_cli_wrap(stdout, 39, 39, width, hk_param_table[i].doc);
    }
    printf("\noutside events (--set ID.date=YYYY-MM-DD, --without ID)\n");
    for (int e = 0; e < s->n_events; e++) {
        char key[HK_ID_LEN + 8], date[16];
        snprintf(key, sizeof key, "%s.date", s->events[e].id);
        hk_date_format(setup->event_date[e], date);
        int col = printf("  %-34s %12s  ", key, setup->event_removed[e] ? "(removed)" : date);
        hk_cli_wrap(stdout, col, col, width, s->events[e].source.text ? s->events[e].source.text : "");
    }
    printf("\ntreaties (--without ID forbids it)\n");
    for (int t = 0; t < s->n_treaties; t++)
        printf("  %-34s %s%s\n", s->treaties[t].id, s->treaties[t].name ? s->treaties[t].name : "",
               setup->treaty_forbidden[t] ? " (forbidden)" : "");
    printf("\ndecisions (--decide ACTOR.DECISION=YYYY-MM forces one that month)\n");
    hk_decisions_each(s, print_decision, NULL);
}

int hk_cmd_params(int argc, char **argv)
{
    hk_setup_args args = {0};
    bool json = false, markdown = false;
    const hk_opt options[] = {
        HK_SETUP_OPTIONS(&args),
        HK_OPT_FLAG_("--json", &json),
        HK_OPT_FLAG_("--markdown", &markdown),
        HK_OPT_END,
    };
    hk_scenario *s;
    hk_setup setup;
    int status;
    if (!hk_cli_parse_setup("params", params_usage, options, argc, argv, &args, &s, &setup, &status))
        return status;
    if (json) {
        json_t *j = hk_params_json_setup(&setup);
        json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
        fputc('\n', stdout);
        json_decref(j);
    } else if (markdown) {
        params_markdown(&setup);
    } else {
        params_print(&setup);
    }
    hk_scenario_free(s);
    return hk_cli_finish_stdout(HK_EXIT_OK);
}
