/* cmd_sensitivity.c — 'hokushin sensitivity' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_sensitivity(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'sensitivity' is not built yet\n");
    return HK_EXIT_FAIL;
}
