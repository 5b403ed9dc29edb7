/* test_cite_check.c — citations that check themselves: the numbers read off
 * a seed line, and a wrong number in a scenario found against its seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "world/api.h"
#include "world/params.h"
#include "scenario/cite_check.h"

static bool has(const char *text, double v)
{
    double n[64];
    int k = hk_numbers_in_text(text, n, 64);
    for (int i = 0; i < k; i++)
        if (n[i] > v - 1e-9 && n[i] < v + 1e-9)
            return true;
    return false;
}

static void test_numbers_in_text(void **state)
{
    (void)state;
    assert_true(has("more than 290,000 troops", 290000));
    assert_true(has("about 1.5 million men", 1500000));
    assert_true(has("about 1.5 million men", 1.5));
    assert_true(has("a line approximately 13 km east", 13));
    assert_true(has("losses of 18,000-20,000", 18000));
    assert_true(has("losses of 18,000–20,000", 20000));
    assert_true(has("twelve divisions", 12));
    assert_true(has("thirty-two divisions", 32));
    assert_true(has("two million settlers", 2000000));
    assert_true(has("25% of the budget", 0.25));
    assert_true(has("60 percent", 0.6));
    assert_true(has("on May 17, 1935,", 1935));
    assert_true(has("the 23rd Division", 23));
    assert_false(has("12,000 men", 12));
    assert_false(has("12,000 men", 30000));
    assert_false(has("", 0));
}

/* A scenario folder whose seed says 12,000 where a parameter cites 30,000. */
static void test_wrong_number_found(void **state)
{
    (void)state;
    const char *src = getenv("HK_SOURCE_DIR");
    if (!src)
        skip();
    hk_diag diag;
    hk_diag_init(&diag);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/scenarios/far-east-1918", src);
    hk_scenario *s = hk_scenario_load_dir(dir, &diag);
    assert_non_null(s);
    /* seeds of our own words: every line empty but the garrison's */
    char tmp[] = "/tmp/hk_cite_XXXXXX";
    assert_non_null(mkdtemp(tmp));
    for (int i = 0; i < s->n_seeds; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", tmp, s->seeds[i].file);
        FILE *fp = fopen(path, "w");
        assert_non_null(fp);
        for (int l = 1; l <= s->seeds[i].lines; l++)
            fputs(i == 0 && l == 14 ? "The field army had 12,000 men.\n" : "\n", fp);
        fclose(fp);
    }
    int p = hk_param_find("japan.garrison");
    assert_true(p >= 0);
    s->params[p].source.text = "000_7c8e6b011b0868af.txt:14";
    s->params[p].value = 30000;
    hk_seed_texts t;
    char why[256];
    assert_true(hk_seed_texts_load(&t, s, tmp, NULL, why, sizeof why));
    hk_diag_free(&diag);
    hk_diag_init(&diag);
    assert_true(hk_cite_check(s, &t, &diag) >= 1);
    bool named = false;
    for (int i = 0; i < diag.count; i++)
        named = named || strstr(diag.items[i].message, "'japan.garrison' value 30000") != NULL;
    assert_true(named);
    /* the same value marked as judged passes */
    int before = diag.count;
    s->params[p].source.text = "judged: the garrison with the Korea Army; 000_7c8e6b011b0868af.txt:14";
    hk_diag_free(&diag);
    hk_diag_init(&diag);
    hk_cite_check(s, &t, &diag);
    assert_int_equal(diag.count, before - 1);
    /* and the right number on the line passes too */
    s->params[p].source.text = "000_7c8e6b011b0868af.txt:14";
    s->params[p].value = 12000;
    hk_diag_free(&diag);
    hk_diag_init(&diag);
    hk_cite_check(s, &t, &diag);
    assert_int_equal(diag.count, before - 1);
    hk_seed_texts_free(&t);
    for (int i = 0; i < s->n_seeds; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", tmp, s->seeds[i].file);
        remove(path);
    }
    remove(tmp);
    hk_diag_free(&diag);
    hk_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_in_text),
        cmocka_unit_test(test_wrong_number_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
