/* test_inputs.c — the one set of input rules (run/inputs.c) and the web
 * server's guards and tables: seeds over the whole uint64 range and nothing
 * else, counts, YYYY-MM months, KEY=VALUE without spaces, the JSON forms;
 * ids of 128 random bits; games that expire by age and are never pushed
 * out; requests from other origins, with other Hosts or without JSON
 * refused, the page's own accepted; the token. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "run/inputs.h"
#include "serve/api.h"
#include "serve/games.h"
#include "serve/ids.h"

static int setup_scenario(void **state)
{
    hk_diag diag;
    hk_diag_init(&diag);
    hk_scenario *s = hk_scenario_load_builtin(&diag);
    hk_diag_free(&diag);
    *state = s;
    return s ? 0 : -1;
}

static int free_scenario(void **state)
{
    hk_scenario_free(*state);
    return 0;
}

static void seeds(void **state)
{
    (void)state;
    char err[256];
    uint64_t v;
    assert_int_equal(hk_input_seed("0", &v, err, sizeof err), 0);
    assert_true(v == 0);
    assert_int_equal(hk_input_seed("18446744073709551615", &v, err, sizeof err), 0);
    assert_true(v == UINT64_MAX);
    assert_int_equal(hk_input_seed("9223372036854775808", &v, err, sizeof err), 0);
    assert_true(v == (uint64_t)1 << 63);
    static const char *const bad[] = {"18446744073709551616", "99999999999999999999999", "-1", "+1", " 1", "1 ",
                                      "1.5", "1e3", "0x10", "", "seven"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(hk_input_seed(bad[i], &v, err, sizeof err), -1);
        assert_non_null(strstr(err, "from 0 to 18446744073709551615"));
    }
    /* JSON: an integer, a whole real up to 2^53, or a string of digits */
    json_t *j = json_loads("[7, \"18446744073709551615\", 3.0, -1, 2.5, \"1e3\", true, 1e300]", 0, NULL);
    assert_non_null(j);
    assert_int_equal(hk_input_json_seed(json_array_get(j, 0), 1, &v, err, sizeof err), 0);
    assert_true(v == 7);
    assert_int_equal(hk_input_json_seed(json_array_get(j, 1), 1, &v, err, sizeof err), 0);
    assert_true(v == UINT64_MAX);
    assert_int_equal(hk_input_json_seed(json_array_get(j, 2), 1, &v, err, sizeof err), 0);
    assert_true(v == 3);
    for (size_t i = 3; i < 8; i++)
        assert_int_equal(hk_input_json_seed(json_array_get(j, i), 1, &v, err, sizeof err), -1);
    assert_int_equal(hk_input_json_seed(NULL, 9, &v, err, sizeof err), 0);
    assert_true(v == 9);
    json_decref(j);
    /* printed unsigned: a string above 2^63 - 1 */
    json_t *big = hk_json_seed(UINT64_MAX), *small = hk_json_seed(5);
    assert_string_equal(json_string_value(big), "18446744073709551615");
    assert_true(json_is_integer(small) && json_integer_value(small) == 5);
    json_decref(big);
    json_decref(small);
}

static void counts_and_months(void **state)
{
    const hk_scenario *s = *state;
    char err[256];
    int64_t n;
    assert_int_equal(hk_input_count("500", 1, 1000, NULL, &n, err, sizeof err), 0);
    assert_true(n == 500);
    static const char *const bad[] = {"-5", "0", "1001", "2.5", " 5", "5x", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(hk_input_count(bad[i], 1, 1000, NULL, &n, err, sizeof err), -1);
        assert_non_null(strstr(err, "from 1 to 1000"));
    }
    json_t *j = json_loads("[-5, 10, 2.5, \"10\", 20.0]", 0, NULL);
    assert_int_equal(hk_input_json_count(json_array_get(j, 0), 1, 1, 100, NULL, &n, err, sizeof err), -1);
    assert_int_equal(hk_input_json_count(json_array_get(j, 1), 1, 1, 100, NULL, &n, err, sizeof err), 0);
    assert_int_equal(hk_input_json_count(json_array_get(j, 2), 1, 1, 100, NULL, &n, err, sizeof err), -1);
    assert_int_equal(hk_input_json_count(json_array_get(j, 3), 1, 1, 100, NULL, &n, err, sizeof err), -1);
    assert_int_equal(hk_input_json_count(json_array_get(j, 4), 1, 1, 100, NULL, &n, err, sizeof err), 0);
    assert_true(n == 20);
    json_decref(j);
    hk_month m;
    assert_int_equal(hk_input_month(s, "1939-08", &m, err, sizeof err), 0);
    assert_int_equal(hk_input_month(s, "1939-07-15", &m, err, sizeof err), -1);
    assert_non_null(strstr(err, "YYYY-MM"));
    assert_int_equal(hk_input_month(NULL, "1939-07-15", &m, err, sizeof err), -1);
    assert_int_equal(hk_input_month(s, "1999-01", &m, err, sizeof err), -1);
    assert_int_equal(hk_input_month(s, "1939-13", &m, err, sizeof err), -1);
}

static void settings(void **state)
{
    const hk_scenario *s = *state;
    hk_setup setup;
    hk_setup_init(&setup, s);
    char err[768];
    assert_int_equal(hk_input_set(&setup, "politics.drift=0.03", err, sizeof err), 0);
    static const char *const spaced[] = {"politics.drift= 0.03", "politics.drift=0.03 ", " politics.drift=0.03",
                                         "politics.drift =0.03", "politics.drift="};
    for (size_t i = 0; i < sizeof spaced / sizeof *spaced; i++)
        assert_int_equal(hk_input_set(&setup, spaced[i], err, sizeof err), -1);
    assert_int_equal(hk_input_set(&setup, "drift=0.03", err, sizeof err), -1);
    assert_non_null(strstr(err, "did you mean 'politics.drift'"));
    assert_int_equal(hk_input_set(&setup, "politics.drfit=0.03", err, sizeof err), -1);
    assert_non_null(strstr(err, "did you mean 'politics.drift'"));
    assert_int_equal(hk_input_without(&setup, "neutrality", err, sizeof err), -1);
    assert_non_null(strstr(err, "did you mean 'neutrality_pact'"));
}

static void ids(void **state)
{
    (void)state;
    char a[HK_ID_HEX + 1], b[HK_ID_HEX + 1];
    assert_int_equal(hk_id_new(a), 0);
    assert_int_equal(hk_id_new(b), 0);
    assert_int_equal((int)strlen(a), 32);
    assert_true(hk_id_valid(a) && hk_id_valid(b));
    assert_false(hk_id_equal(a, b));
    assert_true(hk_id_equal(a, a));
    assert_false(hk_id_valid("0123456789abcdef"));
    assert_false(hk_id_valid("0123456789ABCDEF0123456789abcdef"));
}

static int hex_bit(const char *id, int bit)
{
    char c = id[bit / 4];
    int v = c <= '9' ? c - '0' : c - 'a' + 10;
    return (v >> (3 - bit % 4)) & 1;
}

/* Ids cannot be worked out from one another: a counter, a clock or a mix of
 * them changes a few low bits from one id to the next, random bits change
 * about half of the 128. Each of 64 ids differs from the one before in at
 * least 24 bits (random ids fail this once in 3e11 runs), and every bit
 * position is 0 in one id and 1 in another (once in 7e16 runs). */
static void ids_unpredictable(void **state)
{
    (void)state;
    enum { N = 64, BITS = HK_ID_HEX * 4 };
    char id[N][HK_ID_HEX + 1];
    for (int i = 0; i < N; i++)
        assert_int_equal(hk_id_new(id[i]), 0);
    for (int i = 1; i < N; i++) {
        int differ = 0;
        for (int b = 0; b < BITS; b++)
            differ += hex_bit(id[i], b) != hex_bit(id[i - 1], b);
        if (differ < 24)
            fail_msg("ids %s and %s differ in only %d bits", id[i - 1], id[i], differ);
    }
    for (int b = 0; b < BITS; b++) {
        int ones = 0;
        for (int i = 0; i < N; i++)
            ones += hex_bit(id[i], b);
        if (ones == 0 || ones == N)
            fail_msg("bit %d of the ids is always %d", b, ones ? 1 : 0);
    }
}

static double fake_now;
static double fake_clock(void) { return fake_now; }

static void games_expire_by_age(void **state)
{
    const hk_scenario *s = *state;
    hk_games t;
    hk_games_init(&t, 100);
    t.now = fake_clock;
    fake_now = 0;
    char first[HK_ID_HEX + 1], id[HK_ID_HEX + 1], err[256];
    assert_int_equal(hk_games_add(&t, hk_game_new(s, "JPN", 1, err, sizeof err), first), 0);
    for (int i = 1; i < HK_GAMES_MAX; i++)
        assert_int_equal(hk_games_add(&t, hk_game_new(s, "SOV", (uint64_t)i, err, sizeof err), id), 0);
    /* full of games in use: a new one is refused, the first is still there */
    fake_now = 50;
    assert_int_equal(hk_games_add(&t, hk_game_new(s, "SOV", 999, err, sizeof err), id), -1);
    assert_non_null(hk_games_acquire(&t, first));
    hk_games_release(&t);
    /* after the idle limit the others go, the one just used stays */
    fake_now = 120;
    assert_int_equal(hk_games_add(&t, hk_game_new(s, "SOV", 999, err, sizeof err), id), 0);
    assert_non_null(hk_games_acquire(&t, first));
    hk_games_release(&t);
    fake_now = 300;
    assert_null(hk_games_acquire(&t, first));
    hk_games_free(&t);
}

static int handle(hk_api *api, const char *method, const char *path, const char *host, const char *origin,
                  const char *type, const char *auth, const char *body)
{
    hk_request q = {.method = method, .path = path, .host = host, .origin = origin, .content_type = type,
                    .authorization = auth, .body = body, .len = body ? strlen(body) : 0, .client = "test"};
    hk_reply r;
    hk_api_handle(api, &q, &r);
    free(r.body);
    return r.status;
}

static void guards(void **state)
{
    const hk_scenario *s = *state;
    hk_api api;
    char err[256];
    hk_api_opts o = {.job_threads = 1};
    assert_int_equal(hk_api_init(&api, s, &o, err, sizeof err), 0);
    const char *game = "{\"as\":\"JPN\",\"seed\":1}";
    const char *json = "application/json";
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", NULL, json, NULL, game), 200);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", "http://127.0.0.1:8080",
                            "application/json; charset=utf-8", NULL, game), 200);
    assert_int_equal(handle(&api, "POST", "/api/play", "localhost:8080", "http://localhost:8080", json, NULL, game),
                     200);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", "http://evil.example", json, NULL, game),
                     403);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", "null", json, NULL, game), 403);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", NULL, "text/plain", NULL, game), 415);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", NULL, NULL, NULL, game), 415);
    assert_int_equal(handle(&api, "POST", "/api/play", "127.0.0.1:8080", NULL, "application/jsonx", NULL, game), 415);
    assert_int_equal(handle(&api, "GET", "/api/params", "attacker.example", NULL, NULL, NULL, NULL), 403);
    assert_int_equal(handle(&api, "GET", "/api/params", "127.0.0.1.attacker.example", NULL, NULL, NULL, NULL), 403);
    assert_int_equal(handle(&api, "GET", "/api/params", "[::1]:8080", NULL, NULL, NULL, NULL), 200);
    assert_int_equal(handle(&api, "GET", "/api/params", NULL, NULL, NULL, NULL, NULL), 200);
    hk_api_free(&api);

    hk_api_opts t = {.job_threads = 1, .bind = "0.0.0.0", .token = "0123456789abcdefXYZ"};
    assert_int_equal(hk_api_init(&api, s, &t, err, sizeof err), 0);
    assert_int_equal(handle(&api, "GET", "/api/params", "host.lan", NULL, NULL, NULL, NULL), 401);
    assert_int_equal(handle(&api, "GET", "/api/params", "host.lan", NULL, NULL, "Bearer 0123456789abcdefXYZ", NULL),
                     200);
    assert_int_equal(handle(&api, "GET", "/api/params", "host.lan", NULL, NULL, "Bearer 0123456789abcdefXY", NULL),
                     401);
    hk_api_free(&api);
    hk_api_opts shorter = {.token = "short"};
    assert_int_equal(hk_api_init(&api, s, &shorter, err, sizeof err), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seeds),           cmocka_unit_test(counts_and_months), cmocka_unit_test(settings),
        cmocka_unit_test(ids),             cmocka_unit_test(ids_unpredictable), cmocka_unit_test(games_expire_by_age), cmocka_unit_test(guards),
    };
    return cmocka_run_group_tests(tests, setup_scenario, free_scenario);
}
