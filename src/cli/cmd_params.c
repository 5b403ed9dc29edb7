/* cmd_params.c — 'hokushin params' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_params(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'params' is not built yet\n");
    return HK_EXIT_FAIL;
}
