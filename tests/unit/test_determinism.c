/* test_determinism.c — the same seed and run give the same history, bit for
 * bit, whatever else runs and whether or not anybody listens; other runs
 * give other histories. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fixture_scenario.h"
#include "world/world.h"

typedef struct stream {
    uint64_t hash;
    int events, months;
} stream;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

static void on_event(void *ud, const hk_log_event *e)
{
    stream *s = ud;
    s->hash = mix(s->hash, &e->date, sizeof e->date);
    s->hash = mix(s->hash, e->kind, strlen(e->kind));
    s->hash = mix(s->hash, e->id, strlen(e->id));
    s->hash = mix(s->hash, e->text, strlen(e->text));
    s->hash = mix(s->hash, e->source, strlen(e->source));
    s->events++;
}

static void on_month(void *ud, const hk_month_summary *m)
{
    stream *s = ud;
    s->hash = mix(s->hash, &m->incidents, sizeof m->incidents);
    s->hash = mix(s->hash, m->doctrine, sizeof m->doctrine);
    s->months++;
}

static void run(const hk_setup *su, uint64_t seed, uint64_t r, stream *st, hk_outcomes *o)
{
    memset(st, 0, sizeof *st);
    st->hash = 0xcbf29ce484222325ULL;
    hk_observer obs = {on_event, on_month, st};
    assert_int_equal(hk_run(su, HK_MODE_SIMULATE, seed, r, HK_MONTH_NONE, &obs, o), 0);
}

static void test_same_seed_same_history(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    for (uint64_t r = 0; r < 5; r++) {
        stream a, b;
        hk_outcomes oa, ob;
        run(&su, 42, r, &a, &oa);
        /* something else runs in between */
        hk_outcomes other;
        hk_run(&su, HK_MODE_SIMULATE, 7, 99, HK_MONTH_NONE, NULL, &other);
        run(&su, 42, r, &b, &ob);
        assert_int_equal(a.hash, b.hash);
        assert_int_equal(a.events, b.events);
        assert_int_equal(a.months, 333);
        assert_memory_equal(&oa, &ob, sizeof oa);
    }
    fx_free(s);
}

/* A stream split at its first draw (hk_lazy_stream) draws what the
 * month's stream of that system draws, whichever month and system, and
 * splits nothing when nothing is drawn. */
static void test_lazy_stream_same_draws(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 11, 2);
    assert_non_null(w);
    for (int m = 0; m < 40; m++) {
        for (int sys = HK_STREAM_POLITICS; sys <= HK_STREAM_CAMPAIGN; sys++) {
            hk_rng eager = hk_world_stream(w, sys);
            hk_lazy_stream lazy = hk_world_lazy_stream(w, sys);
            assert_false(lazy.ready);
            for (int i = 0; i < 5; i++)
                assert_true(hk_rng_next(&eager) == hk_rng_next(hk_lazy_rng(&lazy)));
            assert_true(lazy.ready);
        }
        w->month++; /* the streams are the month's */
    }
    hk_world_free(w);
    fx_free(s);
}

static void test_observer_does_not_change_the_run(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    for (uint64_t r = 0; r < 5; r++) {
        stream a;
        hk_outcomes with, without;
        run(&su, 9, r, &a, &with);
        assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 9, r, HK_MONTH_NONE, NULL, &without), 0);
        assert_memory_equal(&with, &without, sizeof with);
    }
    fx_free(s);
}

static void test_stepping_equals_run(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    hk_outcomes whole, stepped;
    assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 5, 3, HK_MONTH_NONE, NULL, &whole), 0);
    hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 5, 3);
    assert_non_null(w);
    assert_int_equal(hk_world_month(w), hk_month_of(1918, 1));
    int n = 0;
    while (!hk_world_done(w)) {
        hk_world_step(w, NULL);
        n++;
    }
    assert_int_equal(n, 333);
    hk_world_outcomes(w, &stepped);
    hk_world_free(w);
    assert_memory_equal(&whole, &stepped, sizeof whole);
    fx_free(s);
}

static void test_different_runs_differ(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    stream base;
    hk_outcomes ob;
    run(&su, 1, 0, &base, &ob);
    int differ = 0;
    for (uint64_t r = 1; r <= 5; r++) {
        stream x;
        hk_outcomes ox;
        run(&su, 1, r, &x, &ox);
        differ += x.hash != base.hash;
    }
    assert_true(differ >= 4);
    /* and another seed, same run index */
    stream y;
    hk_outcomes oy;
    run(&su, 2, 0, &y, &oy);
    assert_true(y.hash != base.hash);
    fx_free(s);
}

static void test_until_stops_early(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    stream st;
    memset(&st, 0, sizeof st);
    hk_observer obs = {on_event, on_month, &st};
    hk_outcomes o;
    assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 1, 0, hk_month_of(1930, 12), &obs, &o), 0);
    assert_int_equal(st.months, 13 * 12);
    assert_false(o.soviet_entry_by_1945_09);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_history),
        cmocka_unit_test(test_lazy_stream_same_draws),
        cmocka_unit_test(test_observer_does_not_change_the_run),
        cmocka_unit_test(test_stepping_equals_run),
        cmocka_unit_test(test_different_runs_differ),
        cmocka_unit_test(test_until_stops_early),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
