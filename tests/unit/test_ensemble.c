/* test_ensemble.c — the ensemble machinery on a stand-in run function: the
 * same JSON for any thread count or split, a clean stop on cancel, paired
 * differences that match the two sides. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_ensemble.h"

/* cmocka compares floats as float; these need double. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

#include "core/rng.h"
#include "out/ensemble_out.h"
#include "run/ensemble.h"

static hk_scenario scenario = {.id = "test"};

static int outcome_index(const char *name)
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        if (strcmp(hk_outcome_table[i].name, name) == 0)
            return i;
    fail_msg("no outcome %s", name);
    return -1;
}

/* A run whose outcomes are drawn from (seed, run) and shifted by param[0],
 * so that a what-if has a known effect. */
static int fake_run(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out)
{
    (void)ud;
    hk_rng r;
    hk_rng_init(&r, seed, run);
    double shift = setup->param[0];
    double u = hk_rng_uniform(&r);
    out->strike_north_by_1942 = u < 0.2 + shift;
    out->japan_soviet_war_before_1945 = hk_rng_uniform(&r) < 0.3;
    out->neutrality_pact_signed = hk_rng_uniform(&r) < 0.7;
    out->neutrality_pact_year = out->neutrality_pact_signed ? 1939 + 4 * hk_rng_uniform(&r) + shift : NAN;
    out->doctrine_south_by_1941_07 = hk_rng_uniform(&r) < 0.6;
    out->major_border_battle_1937_1940 = hk_rng_uniform(&r) < 0.5;
    out->japan_loses_major_border_battle = hk_rng_uniform(&r) < 0.3;
    out->soviet_entry_by_1945_09 = hk_rng_uniform(&r) < 0.8;
    out->soviet_entry_months_after_german_defeat = out->soviet_entry_by_1945_09 ? hk_rng_poisson(&r, 3) : NAN;
    for (int y = 0; y < HK_YEARS; y++)
        out->incidents_per_year[y] = hk_rng_poisson(&r, y > 13 && y < 22 ? 20 : 1);
    return 0;
}

static void setup_with_shift(hk_setup *s, double shift)
{
    memset(s, 0, sizeof *s);
    s->scenario = &scenario;
    s->param[0] = shift;
}


static char *run_json(const hk_setup *setup, const hk_setup *baseline, int runs, int threads, int64_t first,
                      int64_t count)
{
    hk_ensemble_config cfg = {.setup = setup, .baseline = baseline, .seed = 42, .runs = runs,
                              .part = count >= 0, .first = first, .count = count, .threads = threads,
                              .run_fn = fake_run};
    hk_ensemble_result res;
    char err[256];
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    assert_false(res.cancelled);
    assert_int_equal(res.runs, count < 0 ? runs : count);
    return stable_json(&res);
}

static void same_json_for_any_thread_count(void **state)
{
    (void)state;
    hk_setup s;
    setup_with_shift(&s, 0);
    char *one = run_json(&s, NULL, 3001, 1, 0, -1);
    char *two = run_json(&s, NULL, 3001, 2, 0, -1);
    char *four = run_json(&s, NULL, 3001, 4, 0, -1);
    assert_string_equal(one, two);
    assert_string_equal(one, four);
    char *other = run_json(&s, NULL, 3000, 1, 0, -1);
    assert_string_not_equal(one, other);
    free(one);
    free(two);
    free(four);
    free(other);
}

/* Two processes' blocks merged give the whole ensemble (the MPI path). */
static void blocks_merge_to_the_whole(void **state)
{
    (void)state;
    hk_setup s;
    setup_with_shift(&s, 0);
    hk_ensemble_result whole, a, b;
    char err[256];
    hk_ensemble_config cfg = {.setup = &s, .seed = 7, .runs = 1000, .threads = 2, .run_fn = fake_run};
    assert_int_equal(hk_ensemble_run(&cfg, &whole, err, sizeof err), 0);
    cfg.part = true, cfg.first = 0, cfg.count = 333;
    assert_int_equal(hk_ensemble_run(&cfg, &a, err, sizeof err), 0);
    cfg.first = 333, cfg.count = 667;
    assert_int_equal(hk_ensemble_run(&cfg, &b, err, sizeof err), 0);
    hk_ensemble_result_merge(&a, &b);
    char *x = stable_json(&whole), *y = stable_json(&a);
    assert_string_equal(x, y);
    free(x);
    free(y);
}

typedef struct cancel_after {
    atomic_int *cancel;
    atomic_int calls;
    int limit;
} cancel_after;

static int cancelling_run(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out)
{
    cancel_after *c = ud;
    if (atomic_fetch_add(&c->calls, 1) + 1 == c->limit)
        atomic_store(c->cancel, 1);
    return fake_run(NULL, setup, seed, run, out);
}

static void cancel_stops_and_counts_finished_runs(void **state)
{
    (void)state;
    hk_setup s;
    setup_with_shift(&s, 0);
    atomic_int stop = 0;
    cancel_after c = {.cancel = &stop, .limit = 100};
    hk_ensemble_config cfg = {.setup = &s, .seed = 1, .runs = 100000, .threads = 2,
                              .cancel = &stop, .run_fn = cancelling_run, .run_ud = &c};
    hk_ensemble_result res;
    char err[256];
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    assert_true(res.cancelled);
    /* Every call finished and was counted; none was started after the stop
     * but the ones already in flight. */
    assert_int_equal(res.runs, atomic_load(&c.calls));
    assert_true(res.runs >= 100 && res.runs < 110);
    assert_int_equal(res.outcomes.incidents[0].n, res.runs);
}

static void whatif_delta_is_the_paired_difference(void **state)
{
    (void)state;
    hk_setup base, alt;
    setup_with_shift(&base, 0);
    setup_with_shift(&alt, 0.1);
    hk_ensemble_config cfg = {.setup = &alt, .baseline = &base, .seed = 3, .runs = 4000, 
                              .threads = 2, .run_fn = fake_run};
    hk_ensemble_result res;
    char err[256];
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    assert_true(res.paired);
    int north = outcome_index("strike_north_by_1942"), year = outcome_index("neutrality_pact_year");
    double pb = hk_ensemble_value(&res.baseline, north), pa = hk_ensemble_value(&res.outcomes, north);
    double d = hk_ensemble_value(&res.delta, north);
    assert_near(d, pa - pb, 1e-12);
    /* On common random numbers the shift moves u < 0.2 to u < 0.3 in the
     * same runs: the difference is about 0.1 and never negative. */
    assert_near(d, 0.1, 0.02);
    /* The year shift of 0.1 is exact in every run where a pact is signed. */
    assert_near(hk_ensemble_value(&res.delta, year), 0.1, 1e-6);
    assert_near(hk_moments_sd(&res.delta.outcome[year]), 0, 1e-6);
    /* Proportion deltas use all runs; mean deltas the runs where both sides
     * are defined. */
    assert_int_equal(res.delta.outcome[north].n, 4000);
    assert_int_equal(res.delta.outcome[year].n, res.outcomes.outcome[year].n);

    json_t *j = hk_ensemble_json(&res);
    json_t *delta = json_object_get(json_object_get(j, "delta"), "strike_north_by_1942");
    assert_non_null(delta);
    json_t *ci = json_object_get(delta, "ci95");
    assert_true(json_real_value(json_array_get(ci, 0)) < d && d < json_real_value(json_array_get(ci, 1)));
    assert_non_null(json_object_get(json_object_get(j, "baseline"), "neutrality_pact_year"));
    json_decref(j);
}

static void json_has_the_contract_fields(void **state)
{
    (void)state;
    hk_setup s;
    setup_with_shift(&s, 0);
    hk_ensemble_config cfg = {.setup = &s, .seed = 9, .runs = 500, .threads = 1, .run_fn = fake_run};
    hk_ensemble_result res;
    char err[256];
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    json_t *j = hk_ensemble_json(&res);
    assert_int_equal(json_integer_value(json_object_get(j, "runs")), 500);
    assert_int_equal(json_integer_value(json_object_get(j, "seed")), 9);
    assert_non_null(json_object_get(j, "runs_per_second"));
    json_t *p = json_object_get(json_object_get(j, "outcomes"), "strike_north_by_1942");
    double pv = json_real_value(json_object_get(p, "p"));
    json_t *ci = json_object_get(p, "ci95");
    assert_true(json_real_value(json_array_get(ci, 0)) < pv && pv < json_real_value(json_array_get(ci, 1)));
    json_t *m = json_object_get(json_object_get(j, "outcomes"), "neutrality_pact_year");
    assert_non_null(json_object_get(m, "mean"));
    assert_non_null(json_object_get(m, "sd"));
    assert_true(json_integer_value(json_object_get(m, "n")) < 500);
    json_t *years = json_object_get(j, "incidents_per_year");
    assert_int_equal(json_object_size(years), HK_YEARS);
    assert_near(json_real_value(json_object_get(json_object_get(years, "1935"), "mean")), 20, 1.0);
    json_decref(j);
}

/* A config with only the required fields runs every run; a part outside
 * the ensemble is refused. */
static void zero_config_runs_everything(void **state)
{
    (void)state;
    hk_setup s;
    setup_with_shift(&s, 0);
    hk_ensemble_config cfg = {.setup = &s, .runs = 77, .run_fn = fake_run};
    hk_ensemble_result res;
    char err[256];
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    assert_int_equal(res.runs, 77);
    assert_true(res.threads >= 1);
    cfg.part = true, cfg.first = 70, cfg.count = 10;
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), -1);
    assert_non_null(strstr(err, "outside"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_json_for_any_thread_count),
        cmocka_unit_test(blocks_merge_to_the_whole),
        cmocka_unit_test(cancel_stops_and_counts_finished_runs),
        cmocka_unit_test(whatif_delta_is_the_paired_difference),
        cmocka_unit_test(json_has_the_contract_fields),
        cmocka_unit_test(zero_config_runs_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
