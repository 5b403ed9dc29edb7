/* options.h — the one option parser of the commands: each command declares
 * its options as a table, and hk_cli_parse reads argv against it. Values
 * go through the same checks whatever the command: "--name VALUE" or
 * "--name=VALUE", an empty value is a missing one, -h/--help prints the
 * usage, and every mistake is one line on stderr naming the option (the
 * caller then exits with status 2). */
#ifndef HK_CLI_OPTIONS_H
#define HK_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "world/api.h"

typedef enum hk_opt_kind {
    HK_OPT_FLAG,  /* bool *, set to true; takes no value */
    HK_OPT_TEXT,  /* const char **, any non-empty value */
    HK_OPT_SEED,  /* uint64_t *, a whole number >= 0 */
    HK_OPT_COUNT, /* int64_t *, a whole number from lo to hi */
    HK_OPT_MONTH, /* hk_month *, YYYY-MM (the command checks it against the scenario) */
    HK_OPT_LIST,  /* char *[hi] with its count in *count: one more item each time */
    HK_OPT_MAYBE, /* const char **, a value that may be left out: the next word
                   * unless it starts with '-', else "" */
    HK_OPT_CUSTOM /* parsed by `parse`, into out */
} hk_opt_kind;

typedef struct hk_opt {
    const char *name;   /* "--seed"; NULL ends the table */
    hk_opt_kind kind;
    void *out;
    int64_t lo, hi;     /* HK_OPT_COUNT's range; HK_OPT_LIST's capacity in hi */
    const char *lo_note; /* what lo means, e.g. " (every core)"; NULL if nothing */
    /* HK_OPT_CUSTOM: reads text into out; prints its own message and
     * returns -1 when the value is bad. */
    int (*parse)(const char *opt, const char *text, void *out);
    bool *given;        /* set when the option appears, if not NULL */
    int *count;         /* HK_OPT_LIST: items so far */
} hk_opt;

/* Table entries, by kind. */
#define HK_OPT_FLAG_(n, p) {.name = (n), .kind = HK_OPT_FLAG, .out = (p)}
#define HK_OPT_TEXT_(n, p) {.name = (n), .kind = HK_OPT_TEXT, .out = (p)}
#define HK_OPT_MAYBE_(n, p) {.name = (n), .kind = HK_OPT_MAYBE, .out = (p)}
#define HK_OPT_SEED_(n, p) {.name = (n), .kind = HK_OPT_SEED, .out = (p)}
#define HK_OPT_MONTH_(n, p) {.name = (n), .kind = HK_OPT_MONTH, .out = (p)}
#define HK_OPT_COUNT_(n, p, l, h, note) {.name = (n), .kind = HK_OPT_COUNT, .out = (p), .lo = (l), .hi = (h), .lo_note = (note)}
#define HK_OPT_LIST_(n, arr, cap, cnt) {.name = (n), .kind = HK_OPT_LIST, .out = (arr), .hi = (cap), .count = (cnt)}
#define HK_OPT_CUSTOM_(n, fn, p) {.name = (n), .kind = HK_OPT_CUSTOM, .out = (p), .parse = (fn)}
#define HK_OPT_END {.name = NULL}

enum { HK_CLI_PARSED = 0, HK_CLI_HELP = 1, HK_CLI_BAD = -1 };

/* Reads argv[1..argc) against `opts`. Returns HK_CLI_PARSED; HK_CLI_HELP
 * after printing usage(stdout) for -h/--help; HK_CLI_BAD after a message
 * on stderr (an unknown option is followed by usage(stderr)). `cmd` names
 * the command in messages. */
int hk_cli_parse(const char *cmd, void (*usage)(FILE *), const hk_opt *opts, int argc, char **argv);
/* The exit status for a result of hk_cli_parse other than HK_CLI_PARSED. */
static inline int hk_cli_parse_status(int parsed) { return parsed == HK_CLI_HELP ? 0 : 2; }

#endif
