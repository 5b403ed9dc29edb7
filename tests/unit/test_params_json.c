/* test_params_json.c — the document of settable keys: GET /api/params
 * serves every key with the scenario's value, range and source, every
 * entry carries the fields the page and scripts read, and POST /api/whatif
 * refuses the run counts its message says it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "out/params_json.h"
#include "serve/api.h"

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

static json_t *reply_json(const hk_reply *r)
{
    const char *text = r->body ? r->body : r->fixed;
    json_error_t e;
    json_t *j = json_loadb(text, r->len, 0, &e);
    assert_non_null(j);
    return j;
}

static void api_params_is_the_cli_document(void **state)
{
    const hk_scenario *s = *state;
    hk_api api;
    hk_api_opts o = {.job_threads = 1};
    char err[256];
    assert_int_equal(hk_api_init(&api, s, &o, err, sizeof err), 0);
    hk_reply r;
    memset(&r, 0, sizeof r);
    hk_request q = {.method = "GET", .path = "/api/params"};
    hk_api_handle(&api, &q, &r);
    assert_int_equal(r.status, 200);
    /* Checked against the scenario as loaded, not against the builder the
     * API calls: each key in params.def's order, with the value, range and
     * source params.yaml gave it; each event's date; every removable id. */
    json_t *served = reply_json(&r);
    json_t *params = json_object_get(served, "params"), *events = json_object_get(served, "events");
    assert_int_equal(json_array_size(params), HK_PARAM_COUNT);
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        json_t *p = json_array_get(params, (size_t)i);
        assert_string_equal(json_string_value(json_object_get(p, "key")), hk_param_table[i].key);
        assert_true(json_real_value(json_object_get(p, "value")) == s->params[i].value ||
                    json_integer_value(json_object_get(p, "value")) == s->params[i].value);
        assert_true(json_number_value(json_object_get(p, "min")) == s->params[i].min);
        assert_true(json_number_value(json_object_get(p, "max")) == s->params[i].max);
        assert_string_equal(json_string_value(json_object_get(p, "source")), s->params[i].source.text);
    }
    assert_int_equal(json_array_size(events), (size_t)s->n_events);
    for (int e = 0; e < s->n_events; e++) {
        char date[16];
        hk_date_format(s->events[e].date, date);
        json_t *ev = json_array_get(events, (size_t)e);
        assert_string_equal(json_string_value(json_object_get(ev, "id")), s->events[e].id);
        assert_string_equal(json_string_value(json_object_get(ev, "value")), date);
    }
    assert_int_equal(json_array_size(json_object_get(served, "without")), (size_t)(s->n_events + s->n_treaties));
    json_decref(served);
    free(r.body);
    hk_api_free(&api);
}

static void every_entry_has_its_fields(void **state)
{
    const hk_scenario *s = *state;
    json_t *j = hk_params_json(s);
    json_t *params = json_object_get(j, "params"), *events = json_object_get(j, "events");
    assert_int_equal(json_array_size(params), HK_PARAM_COUNT);
    assert_int_equal(json_array_size(events), (size_t)s->n_events);
    size_t i;
    json_t *p;
    json_array_foreach(params, i, p)
    {
        static const char *const keys[] = {"key", "value", "unit", "min", "max", "source", "doc"};
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            assert_non_null(json_object_get(p, keys[k]));
        assert_true(json_is_number(json_object_get(p, "value")));
    }
    json_array_foreach(events, i, p)
    {
        /* The key is the id's date, and --without takes the id. */
        char key[HK_ID_LEN + 8];
        snprintf(key, sizeof key, "%s.date", json_string_value(json_object_get(p, "id")));
        assert_string_equal(json_string_value(json_object_get(p, "key")), key);
    }
    assert_int_equal(json_array_size(json_object_get(j, "without")), (size_t)(s->n_events + s->n_treaties));
    json_decref(j);
}

static void whatif_runs_out_of_range(void **state)
{
    const hk_scenario *s = *state;
    hk_api api;
    hk_api_opts o = {.job_threads = 1};
    char err[256];
    assert_int_equal(hk_api_init(&api, s, &o, err, sizeof err), 0);
    static const char *const bodies[] = {
        "{\"runs\":0,\"without\":[\"barbarossa\"]}",
        "{\"runs\":-5,\"without\":[\"barbarossa\"]}",
        "{\"runs\":100001,\"without\":[\"barbarossa\"]}",
        "{\"runs\":2.5,\"without\":[\"barbarossa\"]}",
        "{\"runs\":\"10\",\"without\":[\"barbarossa\"]}",
    };
    for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        hk_reply r;
        memset(&r, 0, sizeof r);
        hk_request q = {.method = "POST", .path = "/api/whatif", .content_type = "application/json",
                        .body = bodies[b], .len = strlen(bodies[b])};
        hk_api_handle(&api, &q, &r);
        assert_int_equal(r.status, 400);
        json_t *j = reply_json(&r);
        const char *msg = json_string_value(json_object_get(j, "error"));
        assert_non_null(msg);
        assert_non_null(strstr(msg, "'runs' needs a whole number from 1 to 100000 (this server's --max-runs)"));
        json_decref(j);
        free(r.body);
    }
    hk_api_free(&api);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(api_params_is_the_cli_document),
        cmocka_unit_test(every_entry_has_its_fields),
        cmocka_unit_test(whatif_runs_out_of_range),
    };
    return cmocka_run_group_tests(tests, setup_scenario, free_scenario);
}
