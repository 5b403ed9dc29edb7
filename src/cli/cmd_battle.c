/* cmd_battle.c — 'hokushin battle' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_battle(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'battle' is not built yet\n");
    return HK_EXIT_FAIL;
}
