/* cli.h — what the commands share: loading the scenario named by
 * --scenario (or the built-in one), applying --set and --without, and
 * reporting bad input with exit status 2. */
#ifndef HK_CLI_H
#define HK_CLI_H

#include <stdio.h>

#include "cli/options.h"
#include "world/api.h"

enum { HK_EXIT_OK = 0, HK_EXIT_FAIL = 1, HK_EXIT_USAGE = 2 };

/* Loads the scenario at `path` (NULL = built-in); prints every error to
 * stderr and returns NULL on failure. */
hk_scenario *hk_cli_load_scenario(const char *path);

/* What a command takes to set a run up, the same for every command:
 * --scenario, --set KEY=VALUE, --without ID and --decide. */
#define HK_CLI_MAX_OVERRIDES 512
typedef struct hk_setup_args {
    const char *scenario_path;
    char *sets[HK_CLI_MAX_OVERRIDES];
    int n_sets;
    char *withouts[HK_CLI_MAX_OVERRIDES];
    int n_withouts;
    char *decides[HK_MAX_DECISIONS];
    int n_decides;
} hk_setup_args;
/* Their entries in a command's option table (options.h): --scenario, --set
 * and --without; --decide on its own, for the commands that run a history. */
#define HK_SETUP_OPTIONS(a)                                                       \
    HK_OPT_TEXT_("--scenario", &(a)->scenario_path),                              \
    HK_OPT_LIST_("--set", (a)->sets, HK_CLI_MAX_OVERRIDES, &(a)->n_sets),         \
    HK_OPT_LIST_("--without", (a)->withouts, HK_CLI_MAX_OVERRIDES, &(a)->n_withouts)
#define HK_DECIDE_OPTION(a) HK_OPT_LIST_("--decide", (a)->decides, HK_MAX_DECISIONS, &(a)->n_decides)
/* Loads the scenario the arguments name (NULL: the built-in one) into *s
 * and a setup of it with every --set, --without and --decide applied.
 * Returns 0; -1 with the messages printed and nothing left to free. */
int hk_cli_setup(const hk_setup_args *a, hk_scenario **s, hk_setup *setup);
/* hk_cli_parse (options.h) of a table holding a's options, then
 * hk_cli_setup: true with *s and *setup ready; false with the exit status
 * due in *status (0 after --help, 2 after a message). */
bool hk_cli_parse_setup(const char *cmd, void (*usage)(FILE *), const hk_opt *opts, int argc, char **argv,
                        const hk_setup_args *a, hk_scenario **s, hk_setup *setup, int *status);
/* Parses a decimal integer option value; prints an error and returns -1 if bad. */
int hk_cli_parse_u64(const char *opt, const char *text, uint64_t *out);
int hk_cli_parse_month(const char *opt, const char *text, hk_month *out);
/* (serve's own loop; the other commands use options.h's table.)
 * Matches argv[*i] against the long options `opts` ("--name VALUE" or
 * "--name=VALUE") and sets *value to its value, advancing *i past a separate
 * one. Returns the option's index; -1 (message and usage(stderr) printed,
 * exit status 2 due) when argv[*i] is none of them or its value is missing.
 * An empty "--name=" value is returned as "" for the caller to judge. */
int hk_cli_pick(const char *cmd, void (*usage)(FILE *), const char *const *opts, int n_opts, int argc, char **argv,
                int *i, const char **value);
/* Call after a command has written its output: stdio keeps a write error
 * (a full disk, a closed pipe) until the flush, so a command that did not
 * ask would exit 0 with its output lost. Returns `status`, or HK_EXIT_FAIL
 * with a message when standard output could not be written. */
int hk_cli_finish_stdout(int status);
/* The width to wrap text at: the terminal's when stdout is one, else
 * $COLUMNS, else 0 (no wrapping, so that piped output keeps one line per
 * record). */
int hk_cli_width(void);
/* Prints text from column `col` (where the cursor is), breaking lines at
 * spaces only, never inside a word, so that no line passes `width`;
 * continuation lines start at column `indent`. Ends with a newline. Width 0
 * prints the text as it is. */
void hk_cli_wrap(FILE *out, int col, int indent, int width, const char *text);

/* Commands: each parses its own options and returns an exit status. */
int hk_cmd_replay(int argc, char **argv);
int hk_cmd_simulate(int argc, char **argv);
int hk_cmd_ensemble(int argc, char **argv);
int hk_cmd_whatif(int argc, char **argv);
int hk_cmd_battle(int argc, char **argv);
int hk_cmd_params(int argc, char **argv);
int hk_cmd_sources(int argc, char **argv);
int hk_cmd_check(int argc, char **argv);
int hk_cmd_serve(int argc, char **argv);
int hk_cmd_play(int argc, char **argv);
int hk_cmd_calibrate(int argc, char **argv);
int hk_cmd_validate(int argc, char **argv);
int hk_cmd_sensitivity(int argc, char **argv);
int hk_cmd_lint(int argc, char **argv);

#endif
