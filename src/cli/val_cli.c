/* val_cli.c — shared option parsing of 'validate' and 'calibrate'. */
#include "cli/val_cli.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

int hk_val_cli_text(const char *cmd, int argc, char **argv, int *i, const char *name, const char **out)
{
    int bad = 0;
    const char *v = hk_cli_value(cmd, argc, argv, i, name, &bad);
    if (bad)
        return -1;
    if (!v)
        return 0;
    *out = v;
    return 1;
}

int hk_val_cli_number(const char *cmd, int argc, char **argv, int *i, const char *name, uint64_t lo, uint64_t hi,
                      uint64_t *out)
{
    const char *v;
    int taken = hk_val_cli_text(cmd, argc, argv, i, name, &v);
    if (taken <= 0)
        return taken;
    uint64_t x;
    if (hk_cli_parse_u64(name, v, &x) != 0)
        return -1;
    if (x < lo || x > hi) {
        fprintf(stderr, "hokushin: %s: %s must be between %llu and %llu, got %s\n", cmd, name,
                (unsigned long long)lo, (unsigned long long)hi, v);
        return -1;
    }
    *out = x;
    return 1;
}
