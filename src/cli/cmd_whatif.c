/* cmd_whatif.c — 'hokushin whatif' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_whatif(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'whatif' is not built yet\n");
    return HK_EXIT_FAIL;
}
