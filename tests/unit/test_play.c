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
#include "world/world.h"

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
    assert_true(strncmp(text, "hokushin-save 2\n", 16) == 0);
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
    expect_error("hokushin-save 3\n", "f:1:", "version 3");
    expect_error("hokushin-save 0\n", "f:1:", "version 0");
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

/* Everything a general war leaves in the state: the two games must agree on
 * all of it, not only on the month's summary. */
static void assert_same_war(const hk_game *a, const hk_game *b)
{
    const hk_world *x = a->world, *y = b->world;
    assert_int_equal(x->wars_begun, y->wars_begun);
    assert_memory_equal(x->ceded, y->ceded, sizeof x->ceded);
    assert_int_equal(x->war, y->war);
    assert_int_equal(x->armistice_on, y->armistice_on);
    assert_memory_equal(x->control, y->control, sizeof x->control);
    assert_memory_equal(x->regions_taken, y->regions_taken, sizeof x->regions_taken);
    assert_memory_equal(x->war_cas_total, y->war_cas_total, sizeof x->war_cas_total);
    assert_memory_equal(x->war_losses, y->war_losses, sizeof x->war_losses);
    assert_memory_equal(&x->camp, &y->camp, sizeof x->camp);
    assert_memory_equal(x->treaty, y->treaty, sizeof x->treaty);
    assert_memory_equal(x->formation, y->formation, sizeof x->formation);
    assert_true(x->doctrine == y->doctrine && x->jpn_men == y->jpn_men && x->sov_men == y->sov_men);
    hk_outcomes oa, ob;
    hk_world_outcomes(x, &oa);
    hk_world_outcomes(y, &ob);
    assert_memory_equal(&oa, &ob, sizeof oa);
}

/* A strike north declared by the player, fought to an armistice that leaves
 * ground ceded, then played on: saved after the armistice, the game loads
 * and goes on to the end exactly as the unbroken game does, and so does a
 * game saved in the middle of the war with front orders given. The
 * observer the game is played with (the page's, the terminal's) must not
 * matter either. */
static int turn_of(const char *yyyymm)
{
    int y, m;
    sscanf(yyyymm, "%d-%d", &y, &m);
    return (y - 1918) * 12 + (m - 1);
}

static bool war_orders(const hk_game *g, int i, hk_orders *o)
{
    hk_orders_none(o);
    if (i == turn_of("1941-07")) {
        o->declare_war = true;
        return true;
    }
    if (g->world->war && i % 2 == 0) { /* hold on the first front, attack on the second */
        o->front_posture[0] = HK_FRONT_HOLD;
        o->front_posture[1] = HK_FRONT_ATTACK;
        o->reinforce_front = 1;
        return true;
    }
    return false;
}

static void count_event(void *ud, const hk_log_event *e)
{
    (*(int *)ud)++;
    (void)e;
}

static void test_resume_through_war(void **state)
{
    (void)state;
    char err[256];
    int events = 0;
    hk_observer watch = {count_event, NULL, &events};
    hk_game *g = hk_game_new(scenario, "JPN", 34, err, sizeof err);
    assert_non_null(g);
    char *mid = NULL, *after = NULL;
    int mid_at = -1, after_at = -1;
    for (int i = 0; !hk_game_over(g); i++) {
        hk_orders o;
        bool given = war_orders(g, i, &o);
        assert_int_equal(hk_game_turn(g, given ? &o : NULL, i % 3 ? &watch : NULL), 0);
        if (!mid && g->world->war && g->world->wars_begun == 1 && i > turn_of("1941-08")) {
            mid = hk_game_save(g);
            mid_at = i + 1;
        }
        if (!after && mid && !g->world->war && g->world->armistice_on != HK_MONTH_NONE) {
            after = hk_game_save(g);
            after_at = i + 1;
        }
    }
    assert_non_null(mid);
    if (!after)
        fail_msg("the declared war never reached an armistice");
    print_message("war saved after %d months, armistice after %d; wars begun %d, ceded %llx/%llx\n", mid_at,
                  after_at, g->world->wars_begun, (unsigned long long)g->world->ceded[0],
                  (unsigned long long)g->world->ceded[1]);
    const char *saves[2] = {mid, after};
    for (int k = 0; k < 2; k++) {
        hk_game *h = hk_game_load(scenario, saves[k], strlen(saves[k]), "w.save", err, sizeof err);
        if (!h)
            fail_msg("%s", err);
        for (int i = h->n_turns; !hk_game_over(h); i++) {
            hk_orders o;
            bool given = war_orders(h, i, &o);
            assert_int_equal(hk_game_turn(h, given ? &o : NULL, NULL), 0);
        }
        assert_int_equal(h->n_turns, g->n_turns);
        assert_same_world(g, h);
        assert_same_war(g, h);
        char *a = hk_game_save(g), *b = hk_game_save(h);
        assert_string_equal(a, b);
        free(a);
        free(b);
        hk_game_free(h);
    }
    free(mid);
    free(after);
    hk_game_free(g);
}

/* The body of a save without its checksum line. */
static char *body_of(const char *text)
{
    char *b = strdup(text);
    char *last = strstr(b, "checksum ");
    *last = '\0';
    return b;
}

/* A save whose orders replay to another state than the one it records (as
 * one made by another build of the model would) is refused at its state
 * line, not resumed as a different game; a version 2 save must have the
 * line; a version 1 save (without it) still loads. */
static void test_state_digest(void **state)
{
    (void)state;
    hk_game *g = play_script(7, 30);
    char *text = hk_game_save(g);
    char *body = body_of(text);
    char *line = strstr(body, "\nstate ");
    assert_non_null(line);
    int state_no = 1;
    for (char *p = body; p <= line; p++)
        state_no += *p == '\n';
    char prefix[16];
    snprintf(prefix, sizeof prefix, "f:%d:", state_no);
    /* another digest */
    char *other = strdup(body);
    char *d = strstr(other, "\nstate ") + 7;
    d[15] = d[15] == '0' ? '1' : '0';
    expect_error(other, prefix, "another state");
    /* a digest that is not hex */
    d[0] = 'x';
    expect_error(other, prefix, "16 lower-case hex");
    /* no state line at all in version 2 */
    strcpy(strstr(other, "\nstate ") + 1, "");
    expect_error(other, prefix, "'state'");
    /* the same turns as version 1, without the line, load to the same game */
    other[strlen("hokushin-save ")] = '1';
    char *t = with_checksum(other);
    char err[256];
    hk_game *h = hk_game_load(scenario, t, strlen(t), "f", err, sizeof err);
    if (!h)
        fail_msg("%s", err);
    assert_true(hk_game_digest(h) == hk_game_digest(g));
    assert_same_world(g, h);
    /* and the digest follows the state: one more month changes it */
    uint64_t before = hk_game_digest(h);
    hk_game_turn(h, NULL, NULL);
    assert_true(hk_game_digest(h) != before);
    hk_game_free(h);
    free(t);
    free(other);
    free(body);
    free(text);
    hk_game_free(g);
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
        cmocka_unit_test(test_resume_through_war),
        cmocka_unit_test(test_state_digest),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
