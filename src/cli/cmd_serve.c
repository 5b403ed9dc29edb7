/* cmd_serve.c — 'hokushin serve' (being built; see the open issues). */
#include <stdio.h>

#include "cli/cli.h"

int hk_cmd_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hokushin: 'serve' is not built yet\n");
    return HK_EXIT_FAIL;
}
