/* cmd_check.c — 'hokushin check' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'check' is not built yet\n");
    return HK_EXIT_FAIL;
}
