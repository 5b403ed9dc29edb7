/* cmd_play.c — 'hokushin play' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_play(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'play' is not built yet\n");
    return HK_EXIT_FAIL;
}
