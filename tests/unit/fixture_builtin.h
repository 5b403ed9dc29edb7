/* fixture_builtin.h — the built-in scenario, loaded once for a group of
 * cmocka tests: cmocka_run_group_tests(tests, fx_builtin_setup,
 * fx_builtin_teardown), then `scenario` in each test. */
#ifndef HK_FIXTURE_BUILTIN_H
#define HK_FIXTURE_BUILTIN_H

#include <stdio.h>

#include "world/api.h"

static hk_scenario *scenario;

static int fx_builtin_setup(void **state)
{
    (void)state;
    hk_diag d;
    hk_diag_init(&d);
    scenario = hk_scenario_load_builtin(&d);
    if (!scenario)
        hk_diag_print(&d, stderr);
    hk_diag_free(&d);
    return scenario ? 0 : -1;
}

static int fx_builtin_teardown(void **state)
{
    (void)state;
    hk_scenario_free(scenario);
    return 0;
}

#endif
