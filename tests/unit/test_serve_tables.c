/* test_serve_tables.c — the web server's tables without HTTP: the game
 * table keeps a game while it is played, drops it once idle past the limit
 * and refuses a new one when every slot is in use; the job table runs a
 * what-if to the end, refuses a client's third job while two run, cancels
 * on request and knows no id it did not give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "fixture_builtin.h"
#include "serve/games.h"
#include "serve/jobs.h"

static double fake_now;
static double fake_clock(void) { return fake_now; }

static hk_game *new_game(void)
{
    char err[256];
    hk_game *g = hk_game_new(scenario, "JPN", 1, err, sizeof err);
    assert_non_null(g);
    return g;
}

static void test_games(void **state)
{
    (void)state;
    hk_games t;
    hk_games_init(&t, 100);
    t.now = fake_clock;
    fake_now = 1000;
    char id[HK_ID_HEX + 1], other[HK_ID_HEX + 1];
    hk_game *g = new_game();
    assert_int_equal(hk_games_add(&t, g, id), 0);
    assert_ptr_equal(hk_games_acquire(&t, id), g);
    hk_games_release(&t);
    /* played within the limit: still there, and the clock starts again */
    fake_now += 90;
    assert_ptr_equal(hk_games_acquire(&t, id), g);
    hk_games_release(&t);
    fake_now += 90;
    assert_ptr_equal(hk_games_acquire(&t, id), g);
    hk_games_release(&t);
    /* an id it never gave, and a malformed one */
    memcpy(other, id, sizeof other);
    other[0] = other[0] == 'a' ? 'b' : 'a';
    assert_null(hk_games_acquire(&t, other));
    assert_null(hk_games_acquire(&t, "not-an-id"));
    /* left alone past the limit: gone */
    fake_now += 101;
    assert_null(hk_games_acquire(&t, id));
    /* every slot in use: the next game is refused (and freed) */
    for (int i = 0; i < HK_GAMES_MAX; i++)
        assert_int_equal(hk_games_add(&t, new_game(), other), 0);
    assert_int_equal(hk_games_add(&t, new_game(), other), -1);
    /* once they fall idle a new game takes a slot */
    fake_now += 101;
    assert_int_equal(hk_games_add(&t, new_game(), other), 0);
    hk_games_free(&t);
}

static const char *status_of(hk_jobs *t, const char *id, char *buf, size_t len)
{
    char *text = hk_jobs_describe(t, id);
    if (!text)
        return NULL;
    const char *s = strstr(text, "\"status\":\"");
    snprintf(buf, len, "%s", s ? s + 10 : "");
    char *q = strchr(buf, '"');
    if (q)
        *q = '\0';
    free(text);
    return buf;
}

static void test_jobs(void **state)
{
    (void)state;
    hk_jobs t;
    hk_jobs_init(&t, 1);
    hk_setup base, what;
    hk_setup_init(&base, scenario);
    hk_setup_init(&what, scenario);
    assert_int_equal(hk_setup_set(&what, "incident.escalation", "0.06", NULL, 0), 0);
    char id[HK_ID_HEX + 1], err[256], buf[64];
    assert_int_equal(hk_jobs_start(&t, &what, &base, 1, 20, "10.0.0.1", id, err, sizeof err), 0);
    /* it runs to the end (however long that takes here) */
    const char *st;
    while ((st = status_of(&t, id, buf, sizeof buf)) && strcmp(st, "running") == 0)
        nanosleep(&(struct timespec){0, 20000000}, NULL);
    assert_non_null(st);
    assert_string_equal(st, "done");
    char *text = hk_jobs_describe(&t, id);
    assert_non_null(strstr(text, "\"delta\""));
    free(text);
    /* a client may run two at once, not three; another client may */
    char a[HK_ID_HEX + 1], b[HK_ID_HEX + 1], c[HK_ID_HEX + 1];
    assert_int_equal(hk_jobs_start(&t, &what, &base, 1, 1000000, "10.0.0.2", a, err, sizeof err), 0);
    assert_int_equal(hk_jobs_start(&t, &what, &base, 1, 1000000, "10.0.0.2", b, err, sizeof err), 0);
    assert_int_equal(hk_jobs_start(&t, &what, &base, 1, 1000000, "10.0.0.2", c, err, sizeof err),
                     HK_JOBS_CLIENT_BUSY);
    assert_true(hk_jobs_cancel(&t, a));
    assert_true(hk_jobs_cancel(&t, b));
    while ((st = status_of(&t, a, buf, sizeof buf)) && strcmp(st, "running") == 0)
        nanosleep(&(struct timespec){0, 20000000}, NULL);
    assert_string_equal(st, "cancelled");
    assert_false(hk_jobs_cancel(&t, "0123456789abcdef0123456789abcdef"));
    assert_null(hk_jobs_describe(&t, "0123456789abcdef0123456789abcdef"));
    hk_jobs_shutdown(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_games),
        cmocka_unit_test(test_jobs),
    };
    return cmocka_run_group_tests(tests, fx_builtin_setup, fx_builtin_teardown);
}
