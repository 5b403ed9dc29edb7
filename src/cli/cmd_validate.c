/* cmd_validate.c — 'hokushin validate' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_validate(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'validate' is not built yet\n");
    return HK_EXIT_FAIL;
}
