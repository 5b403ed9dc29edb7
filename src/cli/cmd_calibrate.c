/* cmd_calibrate.c — 'hokushin calibrate' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_calibrate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'calibrate' is not built yet\n");
    return HK_EXIT_FAIL;
}
