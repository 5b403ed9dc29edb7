/* test_model_replay.c — replay shows the record: the dated facts, treaties
 * and outside events on their dates, and the recorded incident counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture_scenario.h"

#define MAX_SEEN 1024

typedef struct seen {
    char line[MAX_SEEN][96];
    int n;
    int incidents[HK_YEARS];
    bool at_war[HK_YEARS][12]; /* the month summary's at_war */
    double sov_tanks[HK_YEARS], sov_aircraft[HK_YEARS], sov_men[HK_YEARS]; /* largest month of the year */
    const hk_scenario *sc;
} seen;

static void on_event(void *ud, const hk_log_event *e)
{
    seen *s = ud;
    if (s->n < MAX_SEEN) {
        char d[16];
        hk_date_format(e->date, d);
        snprintf(s->line[s->n++], sizeof s->line[0], "%s %s %s", d, e->kind, e->id);
    }
    assert_non_null(e->source);
    assert_true(e->source[0] != '\0');
}

static void on_month(void *ud, const hk_month_summary *m)
{
    seen *s = ud;
    int y = hk_month_year(m->month);
    s->incidents[y - HK_YEAR_FIRST] += m->incidents;
    s->at_war[y - HK_YEAR_FIRST][hk_month_mon(m->month) - 1] = m->at_war_jpn_sov;
    /* the Soviet side's formations (the Mongolian army's its own) */
    double t = 0, a = 0, men = 0;
    for (int f = 0; s->sc && f < s->sc->n_formations; f++) {
        const hk_formation_state *fs = &m->formations[f];
        if (s->sc->formations[f].actor == s->sc->sov) {
            t += fs->tanks;
            a += fs->aircraft;
            men += fs->men;
        }
    }
    int i = y - HK_YEAR_FIRST;
    if (t > s->sov_tanks[i])
        s->sov_tanks[i] = t;
    if (a > s->sov_aircraft[i])
        s->sov_aircraft[i] = a;
    if (men > s->sov_men[i])
        s->sov_men[i] = men;
}

static bool has(const seen *s, const char *want)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->line[i], want) == 0)
            return true;
    return false;
}

static void expect(const seen *s, const char *want)
{
    if (!has(s, want)) {
        fprintf(stderr, "missing event: %s\n", want);
        fail();
    }
}

static void replay(const hk_scenario *sc, seen *s, hk_outcomes *o)
{
    hk_setup su;
    hk_setup_init(&su, sc);
    memset(s, 0, sizeof *s);
    s->sc = sc;
    hk_observer obs = {on_event, on_month, s};
    assert_int_equal(hk_run(&su, HK_MODE_REPLAY, 1, 0, HK_MONTH_NONE, &obs, o), 0);
}

/* The dated facts of the sources that every replay of this history shows. */
static void expect_recorded_dates(const seen *s)
{
    static const char *const dated[] = {
        "1925-01-20 treaty_signed basic_convention_1925",
        "1936-03-12 treaty_signed soviet_mongolian_protocol",
        "1937-08-21 treaty_signed sino_soviet_pact",
        "1939-08-23 outside_event molotov_ribbentrop_pact",
        "1939-09-15 fact khalkhin_gol_ceasefire",
        "1941-04-13 treaty_signed neutrality_pact",
        "1945-04-05 treaty_denounced neutrality_pact",
        "1945-08-09 war soviet_entry",
    };
    for (size_t i = 0; i < sizeof dated / sizeof dated[0]; i++)
        expect(s, dated[i]);
}

static void test_fixture_replay(void **state)
{
    (void)state;
    hk_scenario *sc = fx_scenario();
    seen *s = calloc(1, sizeof *s);
    hk_outcomes o;
    replay(sc, s, &o);
    expect_recorded_dates(s);
    expect(s, "1936-02-26 coup february_26_incident");
    /* recorded counts: the span 1932-34 shared, single years exact */
    assert_int_equal(s->incidents[1932 - HK_YEAR_FIRST] + s->incidents[1933 - HK_YEAR_FIRST] +
                         s->incidents[1934 - HK_YEAR_FIRST], 152);
    assert_int_equal(s->incidents[1935 - HK_YEAR_FIRST], 176);
    assert_int_equal(s->incidents[1939 - HK_YEAR_FIRST], 159);
    assert_int_equal(o.incidents_per_year[1938 - HK_YEAR_FIRST], 166);
    /* the pinned decisions show in the outcomes */
    assert_true(o.neutrality_pact_signed);
    assert_true(o.neutrality_pact_year > 1941.2 && o.neutrality_pact_year < 1941.3);
    assert_true(o.doctrine_south_by_1941_07);
    assert_true(o.soviet_entry_by_1945_09);
    assert_true(o.soviet_entry_months_after_german_defeat == 3.0);
    assert_true(o.major_border_battle_1937_1940);
    assert_true(o.japan_loses_major_border_battle);
    assert_false(o.strike_north_by_1942);
    /* the Soviet entry (08-09) and the surrender (08-15) fall in one month:
     * the month was still one of war */
    assert_true(s->at_war[1945 - HK_YEAR_FIRST][7]);
    assert_false(s->at_war[1945 - HK_YEAR_FIRST][6]);
    assert_false(s->at_war[1941 - HK_YEAR_FIRST][5]);
    free(s);
    fx_free(sc);
}

static void test_builtin_replay(void **state)
{
    (void)state;
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *sc = hk_scenario_load_builtin(&d);
    if (!sc) {
        hk_diag_print(&d, stderr);
        hk_diag_free(&d);
        fail_msg("the built-in scenario does not load");
    }
    hk_diag_free(&d);
    seen *s = calloc(1, sizeof *s);
    hk_outcomes o;
    replay(sc, s, &o);
    expect_recorded_dates(s);
    for (int i = 0; i < sc->n_incidents; i++) {
        const hk_incident_count *c = &sc->incidents[i];
        int sum = 0;
        for (int y = c->year_from; y <= c->year_to; y++)
            sum += o.incidents_per_year[y - HK_YEAR_FIRST];
        assert_int_equal(sum, c->count);
    }
    assert_true(o.neutrality_pact_signed);
    assert_true(o.neutrality_pact_year > 1941.0 && o.neutrality_pact_year < 1942.0);
    assert_true(o.doctrine_south_by_1941_07);
    assert_true(o.soviet_entry_by_1945_09);
    assert_true(s->at_war[1945 - HK_YEAR_FIRST][7]);
    /* the Soviet Far East of the Civil War and the 1920s (the garrison
     * standing in for the record before its first figures of October 1929)
     * holds men and guns but no tanks or aircraft; the record's own
     * figures bring them */
    for (int y = 1918; y <= 1928; y++) {
        assert_true(s->sov_men[y - HK_YEAR_FIRST] > 0);
        assert_true(s->sov_tanks[y - HK_YEAR_FIRST] == 0);
        assert_true(s->sov_aircraft[y - HK_YEAR_FIRST] == 0);
    }
    assert_true(s->sov_tanks[1930 - HK_YEAR_FIRST] > 0);
    assert_true(s->sov_aircraft[1930 - HK_YEAR_FIRST] > 0);
    free(s);
    hk_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixture_replay),
        cmocka_unit_test(test_builtin_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
