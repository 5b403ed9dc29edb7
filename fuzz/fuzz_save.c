/* fuzz_save.c — libFuzzer harness for the save file parser (run/play.c).
 *
 * A save file carries a checksum, so random bytes rarely get past it. The
 * first input byte picks how the rest is used: even, as the file itself
 * (the magic, version and checksum checks); odd, as the file's body with a
 * correct checksum line appended, so that the fuzzer reaches every field
 * check and the replay of the orders. Any crash, sanitizer report, leak or
 * timeout is a bug in the loader. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/api.h"
#include "run/play.h"

static hk_scenario *scenario;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hk_diag d;
    hk_diag_init(&d);
    scenario = hk_scenario_load_builtin(&d);
    if (!scenario) {
        hk_diag_print(&d, stderr);
        abort();
    }
    hk_diag_free(&d);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > HK_SAVE_MAX_BYTES)
        return 0;
    bool sign = data[0] & 1;
    const char *body = (const char *)data + 1;
    size_t n = size - 1;
    char *text = malloc(n + 32);
    if (!text)
        return 0;
    memcpy(text, body, n);
    size_t len = n;
    if (sign)
        len += (size_t)snprintf(text + n, 32, "checksum %016" PRIx64 "\n", hk_fnv1a64(body, n));
    char err[512];
    hk_game *g = hk_game_load(scenario, text, len, "fuzz", err, sizeof err);
    if (g) {
        /* a loaded game must save back to a file that loads again */
        char *again = hk_game_save(g);
        hk_game *h = again ? hk_game_load(scenario, again, strlen(again), "again", err, sizeof err) : NULL;
        if (again && !h)
            abort();
        hk_game_free(h);
        free(again);
        hk_game_free(g);
    } else if (strncmp(err, "fuzz:", 5) != 0) {
        abort(); /* every refusal names the file and line */
    }
    free(text);
    return 0;
}
