/* test_orders.c — the one place orders are checked: each kind of order
 * takes the values it should, refuses the others with a message, and
 * leaves the orders as they were when it refuses. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_builtin.h"
#include "run/orders.h"

static void test_unit(void **state)
{
    (void)state;
    char err[160] = "";
    double x = 7;
    assert_int_equal(hk_orders_unit(-1, &x, err, sizeof err), 0);
    assert_true(x == -1);
    assert_int_equal(hk_orders_unit_text("0.25", &x, err, sizeof err), 0);
    assert_true(x == 0.25);
    x = 7;
    assert_int_equal(hk_orders_unit(1.5, &x, err, sizeof err), -1);
    assert_int_equal(hk_orders_unit(NAN, &x, err, sizeof err), -1);
    assert_int_equal(hk_orders_unit_text("0.5x", &x, err, sizeof err), -1);
    assert_int_equal(hk_orders_unit_text("", &x, err, sizeof err), -1);
    assert_int_equal(hk_orders_unit_text("1e999", &x, err, sizeof err), -1);
    assert_true(x == 7); /* refused: left as it was */
    assert_non_null(strstr(err, "-1 to 1"));
}

static void test_treaty(void **state)
{
    (void)state;
    char err[160] = "";
    const hk_scenario *s = scenario;
    int t = -5;
    assert_int_equal(hk_orders_treaty(s, s->jpn, "neutrality_pact", &t, err, sizeof err), 0);
    assert_int_equal(t, hk_scenario_treaty(s, "neutrality_pact"));
    assert_int_equal(hk_orders_treaty(s, s->jpn, "-", &t, err, sizeof err), 0);
    assert_int_equal(t, -1);
    assert_int_equal(hk_orders_treaty(s, s->jpn, NULL, &t, err, sizeof err), 0);
    assert_int_equal(t, -1);
    t = -5;
    /* Japan is no party to the Soviet-Mongolian protocol */
    assert_int_equal(hk_orders_treaty(s, s->jpn, "soviet_mongolian_protocol", &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a party"));
    assert_int_equal(hk_orders_treaty(s, s->sov, "no_such_treaty", &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown treaty"));
    assert_int_equal(hk_orders_treaty(s, s->sov, "", &t, err, sizeof err), -1);
    assert_int_equal(t, -5);
    assert_true(hk_orders_party(s, s->sov, hk_scenario_treaty(s, "soviet_mongolian_protocol")));
    assert_false(hk_orders_party(s, s->sov, -1));
}

static void test_incidents(void **state)
{
    (void)state;
    char err[160] = "";
    hk_escalation e = HK_ESC_MODEL;
    assert_int_equal(hk_orders_incidents("contain", &e, err, sizeof err), 0);
    assert_int_equal(e, HK_ESC_CONTAIN);
    assert_int_equal(hk_orders_incidents("escalate", &e, err, sizeof err), 0);
    assert_int_equal(e, HK_ESC_ESCALATE);
    assert_int_equal(hk_orders_incidents("Contain", &e, err, sizeof err), -1);
    assert_int_equal(hk_orders_incidents(NULL, &e, err, sizeof err), -1);
    assert_int_equal(e, HK_ESC_ESCALATE);
    for (int i = 0; i < 3; i++) /* names and parse agree */
        assert_int_equal(hk_orders_incidents(hk_escalation_name((hk_escalation)i), &e, err, sizeof err), 0);
}

static void test_fronts(void **state)
{
    (void)state;
    char err[160] = "";
    const hk_scenario *s = scenario;
    hk_orders o;
    hk_orders_none(&o);
    assert_int_equal(o.reinforce_front, -1);
    assert_int_equal(o.propose_treaty, -1);
    const char *sec = s->sectors[0].id;
    assert_int_equal(hk_orders_front(&o, s, sec, "hold", err, sizeof err), 0);
    assert_int_equal(o.front_posture[0], HK_FRONT_HOLD);
    assert_int_equal(hk_orders_front(&o, s, sec, "charge", err, sizeof err), -1);
    assert_int_equal(o.front_posture[0], HK_FRONT_HOLD);
    assert_int_equal(hk_orders_front(&o, s, "atlantis", "attack", err, sizeof err), -1);
    assert_non_null(strstr(err, "not a sector"));
    assert_int_equal(hk_orders_reinforce_front(&o, s, sec, err, sizeof err), 0);
    assert_int_equal(o.reinforce_front, 0);
    assert_int_equal(hk_orders_reinforce_front(&o, s, NULL, err, sizeof err), -1);
    assert_int_equal(o.reinforce_front, 0);
    for (int p = HK_FRONT_MODEL; p <= HK_FRONT_WITHDRAW; p++)
        assert_int_equal(hk_front_posture_parse(hk_front_posture_name(p)), p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unit),
        cmocka_unit_test(test_treaty),
        cmocka_unit_test(test_incidents),
        cmocka_unit_test(test_fronts),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
