/* test_alloc_fail.c — running out of memory on the loader's and a run's
 * paths: this test is linked with the program's malloc, calloc and realloc
 * wrapped (CMakeLists.txt, -Wl,--wrap), so that the Nth allocation the
 * program asks for fails. For every N up to the number of allocations a
 * load (and a run) makes, the call must come back with an error (NULL, a
 * non-zero status, a message) or succeed, never crash; the sanitizer build
 * (make sanitize) also checks that nothing leaks on the way out. The
 * libraries' own allocations (libyaml, jansson) are not counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "out/json.h"

/* -1: never fail; else the number of allocations still allowed */
static long allowed = -1;
static long asked;
/* -1, or the one allocation (counted from `asked` = 0) that fails while
 * every other succeeds: a failure the program may get past */
static long only = -1;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static int refuse(void)
{
    if (only >= 0)
        return asked++ == only;
    asked++;
    if (allowed < 0)
        return 0;
    if (allowed == 0)
        return 1;
    allowed--;
    return 0;
}

void *__wrap_malloc(size_t n) { return refuse() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return refuse() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return refuse() ? NULL : __real_realloc(p, n); }

/* Loads the built-in scenario with `n` allocations allowed; returns it or
 * NULL, and checks a failure says why. */
static hk_scenario *load_with(long n)
{
    hk_diag d;
    allowed = -1;
    hk_diag_init(&d);
    allowed = n;
    hk_scenario *s = hk_scenario_load_builtin(&d);
    allowed = -1;
    if (!s)
        assert_true(d.count > 0 || d.oom); /* an error the caller can print */
    hk_diag_free(&d);
    return s;
}

static void test_loader(void **state)
{
    (void)state;
    /* how many allocations a whole load makes */
    asked = 0;
    hk_scenario *s = load_with(-1);
    assert_non_null(s);
    hk_scenario_free(s);
    long total = asked;
    assert_true(total > 0);
    int failed = 0;
    for (long n = 0; n < total; n++) {
        s = load_with(n);
        failed += s == NULL;
        hk_scenario_free(s);
    }
    assert_true(failed > 0); /* the injection reaches the loader */
}

/* Runs the setup to `until` into JSON Lines with allocations failing as
 * `sticky` says (the nth and every later one, or only the nth); a run that
 * says it succeeded must have written every line of `full`, text included. */
static int run_failing(const hk_setup *su, hk_month until, long n, bool sticky, const char *full, size_t full_len,
                       int events)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len); /* libc's own allocations: not counted */
    assert_non_null(mem);
    hk_json_written done;
    memset(&done, 0, sizeof done);
    json_t *doc = NULL;
    asked = 0;
    if (sticky)
        allowed = n;
    else
        only = n;
    int rc = hk_json_run_write(su, HK_MODE_SIMULATE, 3, until, mem, &doc, &done);
    allowed = only = -1;
    assert_int_equal(fclose(mem), 0);
    assert_true(rc == 0 || rc == -1 || rc == HK_JSON_RUN_LOST);
    if (rc == 0) {
        assert_int_equal(done.events, events);
        assert_int_equal(len, full_len);
        assert_memory_equal(text, full, len);
    }
    free(text);
    json_decref(doc);
    return rc;
}

static void test_run(void **state)
{
    (void)state;
    hk_scenario *s = load_with(-1);
    assert_non_null(s);
    hk_setup su;
    hk_setup_init(&su, s);
    /* the whole run: its events' text fills more than one block of the
     * run's text memory */
    hk_month until = HK_MONTH_NONE;
    /* a run with every event's text, its JSON Lines and its document */
    char *full = NULL;
    size_t full_len = 0;
    FILE *mem = open_memstream(&full, &full_len);
    assert_non_null(mem);
    hk_json_written all;
    json_t *doc = NULL;
    asked = 0;
    assert_int_equal(hk_json_run_write(&su, HK_MODE_SIMULATE, 3, until, mem, &doc, &all), 0);
    assert_int_equal(fclose(mem), 0);
    json_decref(doc);
    long total = asked;
    assert_true(all.events > 100);
    /* every one of the first allocations (the run's own: the event order,
     * the text memory), then a sample of the rest (the document's) */
    int failed = 0, failed_once = 0;
    for (long n = 0; n < total; n += n < 40 ? 1 : 1 + total / 40) {
        failed += run_failing(&su, until, n, true, full, full_len, all.events) != 0;
        failed_once += run_failing(&su, until, n, false, full, full_len, all.events) != 0;
    }
    assert_true(failed > 0 && failed_once > 0); /* the injection reaches the run's output */
    free(full);
    /* a world on the heap */
    for (long n = 0; n < 3; n++) {
        allowed = n;
        hk_world *w = hk_world_new(&su, HK_MODE_SIMULATE, 1, 0);
        allowed = -1;
        hk_world_free(w);
    }
    hk_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loader),
        cmocka_unit_test(test_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
