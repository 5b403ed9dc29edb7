/* test_play.c — games and save files: a saved game loads back to the same
 * world, the same orders give the same game, orders change the world, and a
 * damaged, truncated or foreign file is refused with FILE:LINE and never
 * crashes the loader. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_builtin.h"
#include "run/play.h"

/* Month i's orders of a fixed script: some months left to the model, the
 * others with every kind of order. */
static bool script_orders(int i, hk_orders *o)
{
    if (i % 3 == 0)
        return false;
    hk_orders_none(o);
    o->doctrine_push = (i % 2) ? 0.7 : -0.3;
    o->reinforce = (i % 5) ? 0.1 * (i % 7) - 0.3 : 0;
    o->incidents = (hk_escalation)(i % 3);
    o->propose_treaty = (i == 4) ? hk_scenario_treaty(scenario, "anti_comintern_pact") : -1;
    return true;
}

static hk_game *play_script(uint64_t seed, int months)
{
    char err[256];
    hk_game *g = hk_game_new(scenario, "JPN", seed, err, sizeof err);
    assert_non_null(g);
    for (int i = 0; i < months; i++) {
        hk_orders o;
        bool given = script_orders(i, &o);
        assert_int_equal(hk_game_turn(g, given ? &o : NULL, NULL), 0);
    }
    return g;
}

static void assert_same_world(const hk_game *a, const hk_game *b)
{
    hk_month_summary ma, mb;
    hk_game_state(a, &ma);
    hk_game_state(b, &mb);
    assert_int_equal(hk_game_month(a), hk_game_month(b));
    assert_memory_equal(&ma, &mb, sizeof ma);
    hk_outcomes oa, ob;
    hk_world_outcomes(a->world, &oa);
    hk_world_outcomes(b->world, &ob);
    assert_memory_equal(oa.incidents_per_year, ob.incidents_per_year, sizeof oa.incidents_per_year);
    assert_memory_equal(oa.doctrine_jpn_by_year, ob.doctrine_jpn_by_year, sizeof oa.doctrine_jpn_by_year);
}

static void test_round_trip(void **state)
{
    (void)state;
    hk_game *g = play_script(3, 40);
    char *text = hk_game_save(g);
    assert_non_null(text);
    assert_true(strncmp(text, "hokushin-save 1\n", 16) == 0);
    char err[256] = "";
    hk_game *h = hk_game_load(scenario, text, strlen(text), "t.save", err, sizeof err);
    if (!h)
        fail_msg("%s", err);
    assert_int_equal(h->n_turns, 40);
    assert_same_world(g, h);
    /* the loaded game saves to the same text ... */
    char *again = hk_game_save(h);
    assert_string_equal(text, again);
    /* ... and goes on exactly like the original */
    for (int i = 40; i < 52; i++) {
        hk_orders o;
        bool given = script_orders(i, &o);
        hk_game_turn(g, given ? &o : NULL, NULL);
        hk_game_turn(h, given ? &o : NULL, NULL);
    }
    assert_same_world(g, h);
    free(again);
    free(text);
    hk_game_free(g);
    hk_game_free(h);
}

static void test_same_orders_same_game(void **state)
{
    (void)state;
    hk_game *a = play_script(11, 60), *b = play_script(11, 60);
    assert_same_world(a, b);
    hk_game_free(a);
    hk_game_free(b);
}

/* The player's orders reach the model: pushing north every month moves
 * Japan's doctrine north of where the model alone takes it. */
static void test_orders_matter(void **state)
{
    (void)state;
    char err[256];
    hk_game *model = hk_game_new(scenario, "JPN", 5, err, sizeof err);
    hk_game *north = hk_game_new(scenario, "JPN", 5, err, sizeof err);
    hk_orders o;
    hk_orders_none(&o);
    o.doctrine_push = 1;
    for (int i = 0; i < 24; i++) {
        hk_game_turn(model, NULL, NULL);
        hk_game_turn(north, &o, NULL);
    }
    hk_month_summary a, b;
    hk_game_state(model, &a);
    hk_game_state(north, &b);
    assert_true(b.doctrine[scenario->jpn] > a.doctrine[scenario->jpn] + 0.05);
    hk_game_free(model);
    hk_game_free(north);
}

static void test_flipped_byte_rejected(void **state)
{
    (void)state;
    hk_game *g = play_script(3, 20);
    char *text = hk_game_save(g);
    size_t n = strlen(text);
    char err[256];
    int rejected = 0, tried = 0;
    for (size_t i = 0; i < n; i += 7) {
        char *copy = malloc(n);
        memcpy(copy, text, n);
        copy[i] ^= 0x01;
        hk_game *h = hk_game_load(scenario, copy, n, "bad.save", err, sizeof err);
        tried++;
        if (!h) {
            rejected++;
            assert_true(strncmp(err, "bad.save:", 9) == 0);
        }
        hk_game_free(h);
        free(copy);
    }
    assert_int_equal(rejected, tried);
    /* the message of a damaged body names the checksum */
    char *copy = strdup(text);
    char *p = strstr(copy, "seed 3");
    p[5] = '4';
    assert_null(hk_game_load(scenario, copy, n, "bad.save", err, sizeof err));
    assert_non_null(strstr(err, "checksum"));
    free(copy);
    free(text);
    hk_game_free(g);
}

static void test_truncated_rejected(void **state)
{
    (void)state;
    hk_game *g = play_script(3, 12);
    char *text = hk_game_save(g);
    size_t n = strlen(text);
    char err[256];
    for (size_t cut = 0; cut < n; cut++) {
        hk_game *h = hk_game_load(scenario, text, cut, "cut.save", err, sizeof err);
        assert_null(h);
        assert_true(strncmp(err, "cut.save:", 9) == 0);
    }
    free(text);
    hk_game_free(g);
}

/* A file with a correct checksum around wrong fields: the field is named
 * with its line. */
static char *with_checksum(const char *body)
{
    size_t n = strlen(body);
    char *t = malloc(n + 40);
    memcpy(t, body, n);
    snprintf(t + n, 40, "checksum %016" PRIx64 "\n", hk_fnv1a64(body, n));
    return t;
}

static void expect_error(const char *body, const char *line_prefix, const char *words)
{
    char *t = with_checksum(body);
    char err[256] = "";
    hk_game *h = hk_game_load(scenario, t, strlen(t), "f", err, sizeof err);
    if (h)
        fail_msg("accepted:\n%s", t);
    if (strncmp(err, line_prefix, strlen(line_prefix)) != 0 || !strstr(err, words))
        fail_msg("got '%s', wanted '%s...%s'", err, line_prefix, words);
    free(t);
}

static void test_bad_fields(void **state)
{
    (void)state;
    char head[128];
    snprintf(head, sizeof head, "hokushin-save 1\nscenario %s\nseed 3\nrun 0\n", scenario->id);
    char body[512];
    expect_error("hokushin-save 2\n", "f:1:", "version 2");
    expect_error("something else\n", "f:1:", "not a hokushin save");
    expect_error("hokushin-save 1\nscenario other\nseed 3\nrun 0\nplayer JPN\nmonths 0\n", "f:2:", "scenario");
    snprintf(body, sizeof body, "%splayer USA\nmonths 0\n", head);
    expect_error(body, "f:5:", "JPN or SOV");
    snprintf(body, sizeof body, "%splayer JPN\nmonths 9999\n", head);
    expect_error(body, "f:6:", "months");
    snprintf(body, sizeof body, "%splayer JPN\nmonths 1\nturn 1918-02 model\n", head);
    expect_error(body, "f:7:", "1918-01");
    snprintf(body, sizeof body,
             "%splayer JPN\nmonths 1\nturn 1918-01 push=2 reinforce=0 propose=- denounce=- incidents=model war=0\n",
             head);
    expect_error(body, "f:7:", "push");
    snprintf(body, sizeof body,
             "%splayer JPN\nmonths 1\nturn 1918-01 push=0 reinforce=0 propose=sino_soviet_pact denounce=- "
             "incidents=model war=0\n",
             head);
    expect_error(body, "f:7:", "not a party");
    snprintf(body, sizeof body, "%splayer JPN\nmonths 1\nturn 1918-01 model\nextra\n", head);
    expect_error(body, "f:8:", "unexpected");
    /* and a good one built by hand loads */
    snprintf(body, sizeof body,
             "%splayer SOV\nmonths 2\nturn 1918-01 model\nturn 1918-02 push=0 reinforce=-0.5 propose=- "
             "denounce=- incidents=contain war=0\n",
             head);
    char *t = with_checksum(body);
    char err[256];
    hk_game *h = hk_game_load(scenario, t, strlen(t), "f", err, sizeof err);
    if (!h)
        fail_msg("%s", err);
    assert_int_equal(h->player, scenario->sov);
    assert_int_equal(h->n_turns, 2);
    hk_game_free(h);
    free(t);
}

static void test_new_game_checks_side(void **state)
{
    (void)state;
    char err[256];
    assert_null(hk_game_new(scenario, "USA", 1, err, sizeof err));
    assert_non_null(strstr(err, "JPN"));
    assert_null(hk_game_new(scenario, NULL, 1, err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_same_orders_same_game),
        cmocka_unit_test(test_orders_matter),
        cmocka_unit_test(test_flipped_byte_rejected),
        cmocka_unit_test(test_truncated_rejected),
        cmocka_unit_test(test_bad_fields),
        cmocka_unit_test(test_new_game_checks_side),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
