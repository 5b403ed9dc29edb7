/* main.c — the hokushin program: a command table over libhokushin. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"replay", hk_cmd_replay, "the system as it was, 1918-1945, month by month, every fact sourced"},
    {"simulate", hk_cmd_simulate, "one history decided by the model from the state"},
    {"ensemble", hk_cmd_ensemble, "many simulate runs: outcome probabilities with 95% intervals"},
    {"whatif", hk_cmd_whatif, "an ensemble with overrides against the baseline"},
    {"battle", hk_cmd_battle, "one battle with the combat model"},
    {"params", hk_cmd_params, "every settable key with its value, unit and source"},
    {"sources", hk_cmd_sources, "the bibliography: every cited source as a full citation"},
    {"check", hk_cmd_check, "validate a scenario folder"},
    {"lint", hk_cmd_lint, "read many simulate histories for what cannot happen"},
    {"serve", hk_cmd_serve, "the web page and JSON API on 127.0.0.1:8080"},
    {"play", hk_cmd_play, "take Japan's or the Soviet Union's decisions, month by month"},
    {"calibrate", hk_cmd_calibrate, "fit the free parameters to the record"},
    {"validate", hk_cmd_validate, "regenerate the validation report"},
    {"sensitivity", hk_cmd_sensitivity, "rank what drives an outcome"},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out,
            "hokushin %s - Japan's strike-north question and the Soviet Far East, 1918-1945\n\n"
            "usage: hokushin [COMMAND] [OPTIONS]   (no command = replay)\n\ncommands:\n",
            HK_VERSION);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'hokushin COMMAND --help' explains a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            usage(stdout);
            return HK_EXIT_OK;
        }
        if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
            printf("hokushin %s\n", HK_VERSION);
            return HK_EXIT_OK;
        }
        return hk_cmd_replay(argc, argv);
    }
    if (strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return HK_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "hokushin: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return HK_EXIT_USAGE;
}
