/* test_setup.c — setups: parameter keys, event dates, removals, and the
 * nearest-key suggestions in error messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fixture_scenario.h"

/* Every test starts from a fresh fixture scenario and its default setup. */
typedef struct setup_fx {
    hk_scenario *s;
    hk_setup su;
    char err[256];
} setup_fx;

static int fx_up(void **state)
{
    setup_fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->s = fx_scenario();
    if (!f->s) {
        free(f);
        return -1;
    }
    hk_setup_init(&f->su, f->s);
    *state = f;
    return 0;
}

static int fx_down(void **state)
{
    setup_fx *f = *state;
    fx_free(f->s);
    free(f);
    return 0;
}

/* hk_setup_set / hk_setup_without with the message going to f->err. */
static int set(setup_fx *f, const char *key, const char *value)
{
    return hk_setup_set(&f->su, key, value, f->err, sizeof f->err);
}

static int without(setup_fx *f, const char *id)
{
    return hk_setup_without(&f->su, id, f->err, sizeof f->err);
}

/* Index of the event (or treaty) with this id in the scenario; -1 if none. */
static int event_index(const hk_scenario *s, const char *id)
{
    int e = -1;
    for (int i = 0; i < s->n_events; i++)
        if (strcmp(s->events[i].id, id) == 0)
            e = i;
    return e;
}

static int treaty_index(const hk_scenario *s, const char *id)
{
    int t = -1;
    for (int i = 0; i < s->n_treaties; i++)
        if (strcmp(s->treaties[i].id, id) == 0)
            t = i;
    return t;
}

static void test_init_takes_scenario_values(void **state)
{
    setup_fx *f = *state;
    hk_scenario *s = f->s;
    assert_ptr_equal(f->su.scenario, s);
    int p = hk_param_find("politics.drift");
    assert_true(p >= 0);
    assert_true(f->su.param[p] == s->params[p].value);
    assert_int_equal(f->su.event_date[0].year, s->events[0].date.year);
    assert_false(f->su.event_removed[0]);
    assert_false(f->su.treaty_forbidden[0]);
}

static void test_set_parameter(void **state)
{
    setup_fx *f = *state;
    /* A range of its own, so the value below does not hang on the fixture's. */
    f->s->params[hk_param_find("politics.drift")].min = 0;
    f->s->params[hk_param_find("politics.drift")].max = 0.1;
    assert_int_equal(set(f, "politics.drift", "0.07"), 0);
    assert_true(f->su.param[hk_param_find("politics.drift")] == 0.07);
    /* not a number, trailing garbage, not finite */
    assert_int_equal(set(f, "politics.drift", "fast"), -1);
    assert_non_null(strstr(f->err, "politics.drift"));
    static const char *const rejected[] = {"0.1x", "inf", ""};
    for (size_t i = 0; i < sizeof rejected / sizeof *rejected; i++)
        assert_int_equal(set(f, "politics.drift", rejected[i]), -1);
    assert_true(f->su.param[hk_param_find("politics.drift")] == 0.07);
}

static void test_unknown_key_names_nearest(void **state)
{
    setup_fx *f = *state;
    assert_int_equal(set(f, "politics.drfit", "0.1"), -1);
    assert_non_null(strstr(f->err, "'politics.drift'"));
    assert_int_equal(set(f, "barbarosa.date", "1941-07-01"), -1);
    assert_non_null(strstr(f->err, "'barbarossa.date'"));
}

static void test_event_date(void **state)
{
    setup_fx *f = *state;
    int e = event_index(f->s, "barbarossa");
    assert_true(e >= 0);
    assert_int_equal(set(f, "barbarossa.date", "1942-05-01"), 0);
    assert_int_equal(f->su.event_date[e].year, 1942);
    assert_int_equal(f->su.event_date[e].month, 5);
    assert_int_equal(set(f, "barbarossa.date", "1942-13-01"), -1);
    assert_non_null(strstr(f->err, "YYYY-MM-DD"));
    assert_int_equal(f->su.event_date[e].month, 5);
}

static void test_without(void **state)
{
    setup_fx *f = *state;
    assert_int_equal(without(f, "molotov_ribbentrop_pact"), 0);
    assert_true(f->su.event_removed[0]);
    int np = treaty_index(f->s, "neutrality_pact");
    assert_int_equal(without(f, "neutrality_pact"), 0);
    assert_true(f->su.treaty_forbidden[np]);
    assert_int_equal(without(f, "neutrality_pakt"), -1);
    assert_non_null(strstr(f->err, "'neutrality_pact'"));
    assert_int_equal(without(f, ""), -1);
}

static void test_nearest_key(void **state)
{
    setup_fx *f = *state;
    static const char *const typo_and_key[][2] = {
        {"incident.base_rat", "incident.base_rate"},
        {"pearl_harbour", "pearl_harbor"},
        {"sino_soviet_pac", "sino_soviet_pact"},
    };
    for (size_t i = 0; i < sizeof typo_and_key / sizeof *typo_and_key; i++)
        assert_string_equal(hk_setup_nearest_key(&f->su, typo_and_key[i][0]), typo_and_key[i][1]);
}

static void test_set_parameter_range(void **state)
{
    setup_fx *f = *state;
    int p = hk_param_find("incident.base_rate");
    assert_true(p >= 0);
    f->s->params[p].min = 0.2;
    f->s->params[p].max = 5;
    double before = f->su.param[p];
    /* The scenario's [min, max] binds --set as it binds 'check'. */
    assert_int_equal(set(f, "incident.base_rate", "-5"), -1);
    assert_non_null(strstr(f->err, "incident.base_rate"));
    assert_non_null(strstr(f->err, "-5 is outside the range 0.2..5"));
    assert_non_null(strstr(f->err, "hokushin params"));
    static const char *const rejected[] = {"1e308", "5.0001", "nan", "-inf"};
    for (size_t i = 0; i < sizeof rejected / sizeof *rejected; i++)
        assert_int_equal(set(f, "incident.base_rate", rejected[i]), -1);
    assert_true(f->su.param[p] == before);
    /* The bounds themselves are inside. */
    assert_int_equal(set(f, "incident.base_rate", "0.2"), 0);
    assert_true(f->su.param[p] == 0.2);
    assert_int_equal(set(f, "incident.base_rate", "5"), 0);
    assert_true(f->su.param[p] == 5);
}

static void test_event_date_range(void **state)
{
    setup_fx *f = *state;
    int e = event_index(f->s, "barbarossa");
    assert_true(e >= 0);
    hk_date before = f->su.event_date[e];
    /* Before the start or after the end, the event would silently never
     * happen; that is --without's job, so such a date is an error. */
    assert_int_equal(set(f, "barbarossa.date", "1910-01-01"), -1);
    assert_non_null(strstr(f->err, "1918-01"));
    assert_non_null(strstr(f->err, "1945-09"));
    static const char *const outside[] = {"1960-01-01", "1917-12", "1945-10-01"};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++)
        assert_int_equal(set(f, "barbarossa.date", outside[i]), -1);
    assert_int_equal(f->su.event_date[e].year, before.year);
    assert_int_equal(f->su.event_date[e].month, before.month);
    /* The first and last months of the scenario are inside. */
    assert_int_equal(set(f, "barbarossa.date", "1918-01-15"), 0);
    assert_int_equal(set(f, "barbarossa.date", "1945-09-30"), 0);
    assert_int_equal(f->su.event_date[e].year, 1945);
}

static void test_no_suggestion_for_unrelated_words(void **state)
{
    setup_fx *f = *state;
    assert_int_equal(set(f, "nonsense", "1"), -1);
    assert_null(strstr(f->err, "did you mean"));
    assert_null(strstr(f->err, "tension.decay"));
    assert_non_null(strstr(f->err, "see 'hokushin params' for the list"));
    assert_int_equal(without(f, "unknown"), -1);
    assert_null(strstr(f->err, "did you mean"));
    assert_null(strstr(f->err, "european_war"));
    assert_non_null(strstr(f->err, "see 'hokushin params' for the list"));
    static const char *const unrelated[] = {"nonsense", "unknown", "x"};
    for (size_t i = 0; i < sizeof unrelated / sizeof *unrelated; i++)
        assert_null(hk_setup_nearest_key(&f->su, unrelated[i]));
    /* A misspelling still gets its suggestion. */
    assert_int_equal(without(f, "europian_war"), -1);
    assert_non_null(strstr(f->err, "did you mean 'european_war'"));
}

static void test_forbidden_treaty_is_never_signed(void **state)
{
    setup_fx *f = *state;
    assert_int_equal(without(f, "neutrality_pact"), 0);
    for (uint64_t run = 0; run < 50; run++) {
        hk_outcomes o;
        assert_int_equal(hk_run(&f->su, HK_MODE_SIMULATE, 3, run, HK_MONTH_NONE, NULL, &o), 0);
        assert_false(o.neutrality_pact_signed);
    }
    hk_outcomes o;
    assert_int_equal(hk_run(&f->su, HK_MODE_REPLAY, 3, 0, HK_MONTH_NONE, NULL, &o), 0);
    assert_false(o.neutrality_pact_signed);
}

#define SETUP_TEST(fn) cmocka_unit_test_setup_teardown(fn, fx_up, fx_down)

int main(void)
{
    const struct CMUnitTest tests[] = {
        SETUP_TEST(test_init_takes_scenario_values),
        SETUP_TEST(test_set_parameter),
        SETUP_TEST(test_unknown_key_names_nearest),
        SETUP_TEST(test_event_date),
        SETUP_TEST(test_without),
        SETUP_TEST(test_nearest_key),
        SETUP_TEST(test_set_parameter_range),
        SETUP_TEST(test_event_date_range),
        SETUP_TEST(test_no_suggestion_for_unrelated_words),
        SETUP_TEST(test_forbidden_treaty_is_never_signed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
