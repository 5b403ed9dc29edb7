/* fuzz_battle.c — libFuzzer harness for the battle command's inputs: the
 * SIDE SPEC parser and the --phases parser (model/combat.c), and the combat
 * model on whatever they accept.
 *
 * The input is split at its first two newlines into an attacker SPEC, a
 * defender SPEC and a phase list. Whatever the parsers accept is fought, as
 * a campaign with the defender's SPEC also as the attacker's day-0 strength
 * (any accepted numbers, up to the parser's bounds), with and without the
 * random spread. The SPEC keys of the attacker's plan (surprise, air,
 * envelop) reach the model the same way. Any crash, sanitizer report,
 * non-finite or negative casualty, a side losing more than it ever had, or
 * more prisoners than casualties, is a bug. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/rng.h"
#include "model/combat.h"

static void check(const hk_combat_result *r, const hk_combat_side *a, const hk_combat_side *d)
{
    const hk_combat_side *s[2] = {a, d};
    for (int i = 0; i < 2; i++) {
        double c = r->casualties[i];
        if (!isfinite(c) || c < 0 || c > s[i]->men * (1 + 1e-9) + 1e-6)
            abort();
        double pr = r->prisoners[i];
        if (!isfinite(pr) || pr < 0 || pr > c + 1e-6)
            abort();
        if (r->loss[i].tanks > s[i]->tanks * (1 + 1e-9) + 1e-6 ||
            r->loss[i].guns > s[i]->guns * (1 + 1e-9) + 1e-6)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *spec[3] = {text, NULL, NULL};
    char *nl = strchr(text, '\n');
    if (nl) {
        *nl = '\0';
        spec[1] = nl + 1;
        nl = strchr(spec[1], '\n');
        if (nl) {
            *nl = '\0';
            spec[2] = nl + 1;
        }
    }
    hk_combat_side a, d;
    char na[16], nd[16], err[512];
    int ok_a = hk_combat_parse_spec(spec[0], na, sizeof na, &a, err, sizeof err) == 0;
    int ok_d = spec[1] && hk_combat_parse_spec(spec[1], nd, sizeof nd, &d, err, sizeof err) == 0;
    if (ok_a && ok_d) {
        hk_combat_params p;
        hk_combat_params_default(&p);
        hk_combat_phase ph[HK_COMBAT_MAX_PHASES];
        int n = 0, total = 0;
        if (!spec[2] || hk_combat_parse_phases(spec[2], na, nd, 400, 3650, ph, &n, &total) != 0) {
            ph[0] = (hk_combat_phase){5, 0, 0};
            n = 1;
        }
        hk_combat_result r;
        hk_combat_campaign(&p, &a, &d, HK_TERRAIN_STEPPE, n, ph, NULL, &r);
        check(&r, &a, &d);
        /* The defender's numbers as the attacker's day-0 strength: start
         * may exceed the peak, which must still be safe. */
        hk_combat_side a0 = a;
        a0.men = d.men, a0.tanks = d.tanks, a0.guns = d.guns, a0.aircraft = d.aircraft;
        hk_rng rng;
        hk_rng_init(&rng, 7, (uint64_t)size);
        hk_combat_campaign_buildup(&p, &a, &d, &a0, NULL, HK_TERRAIN_HILLS, n, ph, &rng, &r);
        hk_combat_side amax = a;
        amax.men = fmax(a.men, a0.men);
        amax.tanks = fmax(a.tanks, a0.tanks);
        amax.guns = fmax(a.guns, a0.guns);
        check(&r, &amax, &d);
    }
    free(text);
    return 0;
}
