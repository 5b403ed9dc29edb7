/* cmd_ensemble.c — 'hokushin ensemble' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_ensemble(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'ensemble' is not built yet\n");
    return HK_EXIT_FAIL;
}
