/* test_setup.c — setups: parameter keys, event dates, removals, and the
 * nearest-key suggestions in error messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fixture_scenario.h"

static void test_init_takes_scenario_values(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    assert_ptr_equal(su.scenario, s);
    int p = hk_param_find("politics.drift");
    assert_true(p >= 0);
    assert_true(su.param[p] == s->params[p].value);
    assert_int_equal(su.event_date[0].year, s->events[0].date.year);
    assert_false(su.event_removed[0]);
    assert_false(su.treaty_forbidden[0]);
    fx_free(s);
}

static void test_set_parameter(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    /* A range of its own, so the value below does not hang on the fixture's. */
    s->params[hk_param_find("politics.drift")].min = 0;
    s->params[hk_param_find("politics.drift")].max = 0.1;
    assert_int_equal(hk_setup_set(&su, "politics.drift", "0.07", err, sizeof err), 0);
    assert_true(su.param[hk_param_find("politics.drift")] == 0.07);
    /* not a number, trailing garbage, not finite */
    assert_int_equal(hk_setup_set(&su, "politics.drift", "fast", err, sizeof err), -1);
    assert_non_null(strstr(err, "politics.drift"));
    assert_int_equal(hk_setup_set(&su, "politics.drift", "0.1x", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "politics.drift", "inf", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "politics.drift", "", err, sizeof err), -1);
    assert_true(su.param[hk_param_find("politics.drift")] == 0.07);
    fx_free(s);
}

static void test_unknown_key_names_nearest(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    assert_int_equal(hk_setup_set(&su, "politics.drfit", "0.1", err, sizeof err), -1);
    assert_non_null(strstr(err, "'politics.drift'"));
    assert_int_equal(hk_setup_set(&su, "barbarosa.date", "1941-07-01", err, sizeof err), -1);
    assert_non_null(strstr(err, "'barbarossa.date'"));
    fx_free(s);
}

static void test_event_date(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    int e = -1;
    for (int i = 0; i < s->n_events; i++)
        if (strcmp(s->events[i].id, "barbarossa") == 0)
            e = i;
    assert_true(e >= 0);
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1942-05-01", err, sizeof err), 0);
    assert_int_equal(su.event_date[e].year, 1942);
    assert_int_equal(su.event_date[e].month, 5);
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1942-13-01", err, sizeof err), -1);
    assert_non_null(strstr(err, "YYYY-MM-DD"));
    assert_int_equal(su.event_date[e].month, 5);
    fx_free(s);
}

static void test_without(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    assert_int_equal(hk_setup_without(&su, "molotov_ribbentrop_pact", err, sizeof err), 0);
    assert_true(su.event_removed[0]);
    int np = -1;
    for (int t = 0; t < s->n_treaties; t++)
        if (strcmp(s->treaties[t].id, "neutrality_pact") == 0)
            np = t;
    assert_int_equal(hk_setup_without(&su, "neutrality_pact", err, sizeof err), 0);
    assert_true(su.treaty_forbidden[np]);
    assert_int_equal(hk_setup_without(&su, "neutrality_pakt", err, sizeof err), -1);
    assert_non_null(strstr(err, "'neutrality_pact'"));
    assert_int_equal(hk_setup_without(&su, "", err, sizeof err), -1);
    fx_free(s);
}

static void test_nearest_key(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    assert_string_equal(hk_setup_nearest_key(&su, "incident.base_rat"), "incident.base_rate");
    assert_string_equal(hk_setup_nearest_key(&su, "pearl_harbour"), "pearl_harbor");
    assert_string_equal(hk_setup_nearest_key(&su, "sino_soviet_pac"), "sino_soviet_pact");
    fx_free(s);
}

static void test_set_parameter_range(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    int p = hk_param_find("incident.base_rate");
    assert_true(p >= 0);
    s->params[p].min = 0.2;
    s->params[p].max = 5;
    double before = su.param[p];
    /* The scenario's [min, max] binds --set as it binds 'check'. */
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "-5", err, sizeof err), -1);
    assert_non_null(strstr(err, "incident.base_rate"));
    assert_non_null(strstr(err, "-5 is outside the range 0.2..5"));
    assert_non_null(strstr(err, "hokushin params"));
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "1e308", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "5.0001", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "nan", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "-inf", err, sizeof err), -1);
    assert_true(su.param[p] == before);
    /* The bounds themselves are inside. */
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "0.2", err, sizeof err), 0);
    assert_true(su.param[p] == 0.2);
    assert_int_equal(hk_setup_set(&su, "incident.base_rate", "5", err, sizeof err), 0);
    assert_true(su.param[p] == 5);
    fx_free(s);
}

static void test_event_date_range(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    int e = -1;
    for (int i = 0; i < s->n_events; i++)
        if (strcmp(s->events[i].id, "barbarossa") == 0)
            e = i;
    assert_true(e >= 0);
    hk_date before = su.event_date[e];
    /* Before the start or after the end, the event would silently never
     * happen; that is --without's job, so such a date is an error. */
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1910-01-01", err, sizeof err), -1);
    assert_non_null(strstr(err, "1918-01"));
    assert_non_null(strstr(err, "1945-09"));
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1960-01-01", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1917-12", err, sizeof err), -1);
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1945-10-01", err, sizeof err), -1);
    assert_int_equal(su.event_date[e].year, before.year);
    assert_int_equal(su.event_date[e].month, before.month);
    /* The first and last months of the scenario are inside. */
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1918-01-15", err, sizeof err), 0);
    assert_int_equal(hk_setup_set(&su, "barbarossa.date", "1945-09-30", err, sizeof err), 0);
    assert_int_equal(su.event_date[e].year, 1945);
    fx_free(s);
}

static void test_no_suggestion_for_unrelated_words(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256] = "";
    assert_int_equal(hk_setup_set(&su, "nonsense", "1", err, sizeof err), -1);
    assert_null(strstr(err, "did you mean"));
    assert_null(strstr(err, "tension.decay"));
    assert_non_null(strstr(err, "see 'hokushin params' for the list"));
    assert_int_equal(hk_setup_without(&su, "unknown", err, sizeof err), -1);
    assert_null(strstr(err, "did you mean"));
    assert_null(strstr(err, "european_war"));
    assert_non_null(strstr(err, "see 'hokushin params' for the list"));
    assert_null(hk_setup_nearest_key(&su, "nonsense"));
    assert_null(hk_setup_nearest_key(&su, "unknown"));
    assert_null(hk_setup_nearest_key(&su, "x"));
    /* A misspelling still gets its suggestion. */
    assert_int_equal(hk_setup_without(&su, "europian_war", err, sizeof err), -1);
    assert_non_null(strstr(err, "did you mean 'european_war'"));
    fx_free(s);
}

static void test_forbidden_treaty_is_never_signed(void **state)
{
    (void)state;
    hk_scenario *s = fx_scenario();
    hk_setup su;
    hk_setup_init(&su, s);
    char err[256];
    assert_int_equal(hk_setup_without(&su, "neutrality_pact", err, sizeof err), 0);
    for (uint64_t run = 0; run < 50; run++) {
        hk_outcomes o;
        assert_int_equal(hk_run(&su, HK_MODE_SIMULATE, 3, run, HK_MONTH_NONE, NULL, &o), 0);
        assert_false(o.neutrality_pact_signed);
    }
    hk_outcomes o;
    assert_int_equal(hk_run(&su, HK_MODE_REPLAY, 3, 0, HK_MONTH_NONE, NULL, &o), 0);
    assert_false(o.neutrality_pact_signed);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_takes_scenario_values),
        cmocka_unit_test(test_set_parameter),
        cmocka_unit_test(test_unknown_key_names_nearest),
        cmocka_unit_test(test_event_date),
        cmocka_unit_test(test_without),
        cmocka_unit_test(test_nearest_key),
        cmocka_unit_test(test_set_parameter_range),
        cmocka_unit_test(test_event_date_range),
        cmocka_unit_test(test_no_suggestion_for_unrelated_words),
        cmocka_unit_test(test_forbidden_treaty_is_never_signed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
