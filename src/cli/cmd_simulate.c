/* cmd_simulate.c — 'hokushin simulate' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_simulate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'simulate' is not built yet\n");
    return HK_EXIT_FAIL;
}
