/* test_combat_memo.c — what the combat model keeps per thread once worked
 * out (the day's intensity t^-decay, for whole days and for an echelon's
 * clock, combat.c) gives a battle the same bits as a thread that has kept
 * nothing: battles fought in echelons with parameter sets whose decays
 * alternate, in this thread after many others, and each in a thread of its
 * own. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/rng.h"
#include "model/combat.h"

static hk_combat_side side(double men, double tanks, double guns, double air)
{
    hk_combat_side s;
    memset(&s, 0, sizeof s);
    s.men = men;
    s.tanks = tanks;
    s.guns = guns;
    s.aircraft = air;
    s.quality = 1;
    return s;
}

typedef struct job {
    hk_combat_params p;
    hk_combat_side a, d;
    int days, echelons;
    uint64_t run;
    hk_combat_result out;
} job;

static void fight(job *j)
{
    hk_rng r;
    hk_rng_init(&r, 5, j->run);
    hk_combat_resolve_echelons(&j->p, &j->a, &j->d, HK_TERRAIN_STEPPE, j->days, j->echelons, &r, &j->out);
}

static void *fight_fresh(void *arg)
{
    fight(arg);
    return NULL;
}

static void test_kept_intensities_fight_as_a_fresh_thread(void **state)
{
    (void)state;
    hk_combat_params base;
    hk_combat_params_default(&base);
    assert_true(base.echelon_clock_share > 0 && base.echelon_clock_share < 1); /* days that are no whole days */
    const double decays[] = {base.day_decay, base.day_decay * 0.5, base.day_decay * 1.5, base.day_decay};
    enum { N = 4 * 6 };
    static job here[N], fresh[N];
    for (int k = 0; k < N; k++) {
        job j;
        memset(&j, 0, sizeof j);
        j.p = base;
        j.p.day_decay = decays[k % 4];
        int g = k / 4; /* four decays for each battle: the first and last the same */
        j.a = side(30000 + 8000.0 * g, 100, 300, 50);
        j.d = side(25000 - 2000.0 * g, 20, 200, 40);
        j.d.posture = HK_POSTURE_PREPARED;
        j.days = 6 + g % 5;
        j.echelons = 2 + g % 3;
        j.run = (uint64_t)g;
        here[k] = fresh[k] = j;
    }
    for (int k = 0; k < N; k++)
        fight(&here[k]);
    for (int k = 0; k < N; k++) {
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, fight_fresh, &fresh[k]), 0);
        assert_int_equal(pthread_join(t, NULL), 0);
        assert_memory_equal(&here[k].out, &fresh[k].out, sizeof here[k].out);
        /* the decay matters to the battle; the same decay again, the same battle */
        if (k % 4 == 1 || k % 4 == 2)
            assert_true(here[k].out.casualties[0] != here[k - k % 4].out.casualties[0]);
        if (k % 4 == 3)
            assert_memory_equal(&here[k].out, &here[k - 3].out, sizeof here[k].out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_intensities_fight_as_a_fresh_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
