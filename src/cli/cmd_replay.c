/* cmd_replay.c — 'hokushin replay' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_replay(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'replay' is not built yet\n");
    return HK_EXIT_FAIL;
}
