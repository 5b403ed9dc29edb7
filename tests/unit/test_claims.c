/* test_claims.c — the validation statistics, the claim table, the
 * calibration's in-place edit, and the causal claims the model reproduces.
 *
 * The last test reruns every claim marked `asserted` in src/run/claims.c with
 * 1,000 runs a side (HK_CLAIMS_RUNS overrides) and fails if one no longer
 * shows the source's direction with a 95% interval that excludes no effect. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "world/api.h"
#include "run/calibrate.h"
#include "run/claims.h"
#include "run/validate.h"

static void assert_near(double got, double want, double tol)
{
    if (fabs(got - want) > tol)
        fail_msg("got %.5f, want %.5f (tolerance %g)", got, want, tol);
}

/* Newcombe (1998), "Interval estimation for the difference between
 * independent proportions", Stat Med 17:873, table II, method 10. */
static void test_newcombe_independent(void **state)
{
    (void)state;
    hk_val_diff d = hk_val_indep_prop_diff(56, 70, 48, 80);
    assert_near(d.diff, 0.2, 1e-12);
    assert_near(d.lo, 0.0524, 1e-4);
    assert_near(d.hi, 0.3339, 1e-4);
    d = hk_val_indep_prop_diff(9, 10, 3, 10);
    assert_near(d.lo, 0.1705, 1e-4);
    assert_near(d.hi, 0.8090, 1e-4);
    d = hk_val_indep_prop_diff(5, 56, 0, 29);
    assert_near(d.lo, -0.0381, 1e-4);
    assert_near(d.hi, 0.1926, 1e-4);
    d = hk_val_indep_prop_diff(1, 0, 1, 1);
    assert_true(isnan(d.diff));
}

/* Newcombe (1998), "Improved confidence intervals for the difference between
 * binomial proportions based on paired data", Stat Med 17:2635, table II:
 * 36 pairs both yes, 12 yes/no, 2 no/yes, 0 both no. */
static void test_newcombe_paired(void **state)
{
    (void)state;
    hk_val_diff d = hk_val_paired_prop_diff(36, 12, 2, 0);
    assert_near(d.diff, 0.2, 1e-12);
    assert_near(d.lo, 0.0569, 1e-4);
    assert_near(d.hi, 0.3404, 1e-4);
    /* Discordant pairs balanced: symmetric around zero. */
    d = hk_val_paired_prop_diff(20, 7, 7, 16);
    assert_near(d.diff, 0, 1e-12);
    assert_near(d.lo, -d.hi, 1e-12);
    /* Identical arms: no difference, and an interval that says so. */
    d = hk_val_paired_prop_diff(300, 0, 0, 700);
    assert_near(d.diff, 0, 1e-12);
    assert_true(d.lo <= 0 && d.hi >= 0);
    assert_true(d.hi - d.lo < 0.01);
}

static void test_paired_mean(void **state)
{
    (void)state;
    double a[] = {1, 2, 3, 4, NAN}, b[] = {2, 4, 6, 8, 9};
    int used = 0;
    hk_val_diff d = hk_val_paired_mean_diff(a, b, 5, &used);
    assert_int_equal(used, 4);
    assert_near(d.diff, 2.5, 1e-12);
    /* sd of {1,2,3,4} = 1.29099, t(3, .975) = 3.18245 */
    assert_near(d.hi - d.diff, 3.18245 * 1.290994 / 2.0, 1e-4);
    hk_val_diff w = hk_val_welch_diff(a, 4, b, 4);
    assert_near(w.diff, 2.5, 1e-12);
    assert_true(w.lo < 2.5 && w.hi > 2.5);
}

static void test_summarize(void **state)
{
    (void)state;
    double x[101];
    for (int i = 0; i <= 100; i++)
        x[i] = i;
    x[50] = NAN;
    hk_val_summary s;
    hk_val_summarize(x, 101, &s);
    assert_int_equal(s.n, 100);
    assert_int_equal(s.missing, 1);
    assert_near(s.mean, 50.0, 1e-9);
    assert_near(s.q025, 2.475, 1e-9);
    assert_near(s.q975, 97.525, 1e-9);
    assert_true(s.lo < 50 && s.hi > 50);
    hk_val_summarize(x, 0, &s);
    assert_int_equal(s.n, 0);
    assert_true(isnan(s.mean));
}

/* Each claim cites a real line of a seed, measures something, and says
 * which way the source expects it to go. */
static void test_claim_table(void **state)
{
    (void)state;
    assert_true(hk_claim_count >= 8);
    const char *shared = getenv("HK_SHARED_DIR");
    for (int i = 0; i < hk_claim_count; i++) {
        const hk_claim *c = &hk_claim_table[i];
        assert_non_null(c->id);
        assert_non_null(c->statement);
        assert_true(c->direction == 1 || c->direction == -1);
        assert_true(c->metric >= 0 && c->metric < HK_M_COUNT);
        if (c->design == HK_CLAIM_PAIRED)
            assert_true(c->set[0] || c->without[0]);
        if (c->design == HK_CLAIM_OBSERVED)
            assert_true(c->condition != HK_COND_NONE);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(c->id, hk_claim_table[j].id);
        /* Every citation FILE:LINE names a line the seed has. */
        const char *p = c->source;
        int cited = 0;
        while ((p = strstr(p, ".txt:"))) {
            const char *start = p;
            while (start > c->source && start[-1] != ' ' && start[-1] != ';')
                start--;
            char file[96];
            size_t n = (size_t)(p + 4 - start);
            assert_true(n < sizeof file);
            memcpy(file, start, n);
            file[n] = '\0';
            int line = atoi(p + 5);
            assert_true(line > 0);
            cited++;
            if (shared) {
                char path[512];
                snprintf(path, sizeof path, "%s/seeds/%s", shared, file);
                FILE *f = fopen(path, "r");
                if (f) {
                    int lines = 0, ch, last = '\n';
                    while ((ch = fgetc(f)) != EOF) {
                        lines += ch == '\n';
                        last = ch;
                    }
                    lines += last != '\n';
                    fclose(f);
                    if (line > lines)
                        fail_msg("%s cites %s:%d but the file has %d lines", c->id, file, line, lines);
                }
            }
            p += 5;
        }
        assert_true(cited > 0);
    }
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* --apply rewrites only the fitted keys' value and source, block or flow. */
static void test_calibrate_apply(void **state)
{
    (void)state;
    int p = hk_param_find("incident.base_rate");
    assert_true(p >= 0);
    hk_cal_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->n_params = 1;
    r->param[0] = p;
    r->value[0] = 0.4321;
    r->n_targets = 1;
    r->target[0].year_from = 1932;
    char path[] = "/tmp/hk_test_claims_params_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, "params:\n"
                     "  # the incident process\n"
                     "  - key: politics.drift\n"
                     "    value: 0.05\n"
                     "    source: \"x.txt:1\"\n"
                     "  - key: incident.base_rate\n"
                     "    value: 0.3   # per 1000 km\n"
                     "    min: 0.01\n"
                     "    max: 5\n"
                     "    source: \"001_fd9a28d61a246780.txt:49\"\n"
                     "  - key: incident.base_rate_other\n"
                     "    value: 7\n"
                     "    source: \"y\"\n");
    char err[256];
    assert_int_equal(hk_calibrate_apply(path, r, err, sizeof err), 0);
    const char *t = read_file(path);
    assert_non_null(strstr(t, "  - key: politics.drift\n    value: 0.05\n    source: \"x.txt:1\"\n"));
    assert_non_null(strstr(t, "    value: 0.4321   # per 1000 km\n"));
    assert_non_null(strstr(t, "    source: \"calibrated: "));
    assert_non_null(strstr(t, "  - key: incident.base_rate_other\n    value: 7\n    source: \"y\"\n"));
    write_file(path, "params:\n"
                     "  - {key: incident.base_rate, value: 0.3, min: 0.01, max: 5, source: \"a.txt:2\"}\n"
                     "  - {key: politics.drift, value: 0.05, min: 0, max: 1, source: \"b\"}\n");
    assert_int_equal(hk_calibrate_apply(path, r, err, sizeof err), 0);
    t = read_file(path);
    assert_non_null(strstr(t, "{key: incident.base_rate, value: 0.4321, min: 0.01, max: 5, source: \"calibrated: "));
    assert_non_null(strstr(t, "  - {key: politics.drift, value: 0.05, min: 0, max: 1, source: \"b\"}\n"));
    write_file(path, "params:\n  - {key: politics.drift, value: 0.05}\n");
    assert_int_equal(hk_calibrate_apply(path, r, err, sizeof err), -1);
    assert_non_null(strstr(err, "incident.base_rate"));
    remove(path);
    free(r);
}

static hk_scenario *load(void)
{
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = hk_scenario_load_builtin(&d);
    if (!s || hk_diag_failed(&d)) {
        hk_diag_print(&d, stderr);
        fail_msg("the built-in scenario does not load");
    }
    hk_diag_free(&d);
    return s;
}

/* The same runs give the same outcomes on one thread and on three. */
static void test_batch_threads(void **state)
{
    (void)state;
    hk_scenario *s = load();
    hk_setup setup;
    hk_setup_init(&setup, s);
    enum { N = 24 };
    hk_outcomes *a = calloc(N, sizeof *a), *b = calloc(N, sizeof *b);
    assert_int_equal(hk_val_batch(&setup, 7, 100, N, 1, HK_MONTH_NONE, a, NULL, NULL), 0);
    assert_int_equal(hk_val_batch(&setup, 7, 100, N, 3, HK_MONTH_NONE, b, NULL, NULL), 0);
    for (int i = 0; i < N; i++) {
        assert_int_equal(a[i].strike_north_by_1942, b[i].strike_north_by_1942);
        assert_memory_equal(a[i].incidents_per_year, b[i].incidents_per_year, sizeof a[i].incidents_per_year);
        assert_memory_equal(a[i].japan_manchuria_men_by_year, b[i].japan_manchuria_men_by_year,
                            sizeof a[i].japan_manchuria_men_by_year);
    }
    free(a);
    free(b);
    hk_scenario_free(s);
}

/* The regression test of the causal claims the model reproduces. */
static void test_asserted_claims(void **state)
{
    (void)state;
    int runs = 1000;
    const char *env = getenv("HK_CLAIMS_RUNS");
    if (env && atoi(env) >= 50)
        runs = atoi(env);
    int asserted = 0;
    for (int i = 0; i < hk_claim_count; i++)
        asserted += hk_claim_table[i].asserted;
    if (asserted == 0)
        skip();
    hk_scenario *s = load();
    hk_setup setup;
    hk_setup_init(&setup, s);
    const uint64_t seed = 1918;
    hk_outcomes *base = calloc((size_t)runs, sizeof *base);
    assert_non_null(base);
    assert_int_equal(hk_val_batch(&setup, seed, 0, runs, 0, HK_MONTH_NONE, base, NULL, NULL), 0);
    int failed = 0;
    hk_outcomes *more = NULL;
    for (int i = 0; i < hk_claim_count; i++) {
        const hk_claim *c = &hk_claim_table[i];
        if (!c->asserted)
            continue;
        hk_claim_result r;
        assert_int_equal(hk_claim_eval(c, &setup, base, runs, seed, 0, &more, &r), 0);
        bool ok = r.status == HK_CLAIM_PASS;
        fprintf(stderr, "%s %-32s effect %.4g [%.4g, %.4g], expected %s%s\n", ok ? "ok  " : "FAIL", c->id, r.effect,
                r.lo, r.hi, c->direction > 0 ? "> " : "< ",
                c->design == HK_CLAIM_LEVEL ? "threshold" : "0");
        if (!ok) {
            fprintf(stderr, "     %s\n", r.note);
            failed++;
        }
    }
    free(more);
    free(base);
    hk_scenario_free(s);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_newcombe_independent),
        cmocka_unit_test(test_newcombe_paired),
        cmocka_unit_test(test_paired_mean),
        cmocka_unit_test(test_summarize),
        cmocka_unit_test(test_claim_table),
        cmocka_unit_test(test_calibrate_apply),
        cmocka_unit_test(test_batch_threads),
        cmocka_unit_test(test_asserted_claims),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
