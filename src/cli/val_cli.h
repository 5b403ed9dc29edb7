/* val_cli.h — what 'validate' and 'calibrate' share on the command line:
 * bounded whole-number options (--runs, --seed, --threads, --max-iter) and
 * options that take a value. */
#ifndef HK_VAL_CLI_H
#define HK_VAL_CLI_H

#include <stdint.h>

/* If argv[*i] is `name` ("--name VALUE" or "--name=VALUE"), reads its value into *out and checks lo <= value
 * <= hi. Returns 1 if taken, 0 if argv[*i] is another option, -1 on a
 * missing or bad value (message printed, exit status 2 expected). */
int hk_val_cli_number(const char *cmd, int argc, char **argv, int *i, const char *name, uint64_t lo, uint64_t hi,
                      uint64_t *out);
/* If argv[*i] is `name`, sets *out to its value. Same returns. */
int hk_val_cli_text(const char *cmd, int argc, char **argv, int *i, const char *name, const char **out);

#endif
