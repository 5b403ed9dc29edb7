/* test_date.c — scenario dates: parsing, formatting, ordering, months. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

static void test_parse_valid(void **state)
{
    (void)state;
    hk_date d;
    assert_true(hk_date_parse("1941-04-13", &d));
    assert_int_equal(d.year, 1941);
    assert_int_equal(d.month, 4);
    assert_int_equal(d.day, 13);
    assert_true(hk_date_parse("1918-01", &d));
    assert_int_equal(d.year, 1918);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 0);
    assert_true(hk_date_is_set(d));
    assert_true(hk_date_parse("1940-02-29", &d)); /* leap year */
    assert_true(hk_date_parse("2000-02-29", &d)); /* divisible by 400 */
    assert_true(hk_date_parse("1945-12-31", &d));
}

static void test_parse_invalid(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "1941", "1941-4-13", "1941-04-1", "1941/04/13", "1941-13", "1941-00", "1941-04-00",
        "1941-04-31", "1941-02-29", "1900-02-29", "0999-01", "1941-04-13 ", " 1941-04-13",
        "1941-04-13x", "194a-04", "1941-0a", "19410413", "1941-04-1a", "-941-04", "1941--4",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        hk_date d = {1, 1, 1};
        if (hk_date_parse(bad[i], &d))
            fail_msg("accepted '%s'", bad[i]);
        /* A failed parse leaves the output alone. */
        assert_int_equal(d.year, 1);
    }
}

static void test_format_round_trip(void **state)
{
    (void)state;
    static const char *const dates[] = {"1918-01", "1925-01-20", "1945-09-02", "1939-12"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        hk_date d;
        char buf[11];
        assert_true(hk_date_parse(dates[i], &d));
        hk_date_format(d, buf);
        assert_string_equal(buf, dates[i]);
    }
    char m[8];
    hk_month_format(hk_month_of(1941, 6), m);
    assert_string_equal(m, "1941-06");
    hk_month_format(hk_month_of(1945, 12), m);
    assert_string_equal(m, "1945-12");
}

static void test_months(void **state)
{
    (void)state;
    hk_month a = hk_month_of(1918, 1), b = hk_month_of(1945, 9);
    assert_int_equal(b - a, 27 * 12 + 8);
    assert_int_equal(hk_month_year(b), 1945);
    assert_int_equal(hk_month_mon(b), 9);
    assert_int_equal(hk_month_mon(hk_month_of(1939, 12)), 12);
    assert_int_equal(hk_month_of(1940, 1) - hk_month_of(1939, 12), 1);
    hk_date d = {1941, 6, 22};
    assert_int_equal(hk_date_month(d), hk_month_of(1941, 6));
    hk_date unset = {0, 0, 0};
    assert_false(hk_date_is_set(unset));
}

static void test_compare(void **state)
{
    (void)state;
    hk_date a = {1941, 4, 13}, b = {1941, 4, 25}, m = {1941, 4, 0}, c = {1941, 5, 1},
            y = {1940, 12, 31};
    assert_int_equal(hk_date_cmp(a, b), -1);
    assert_int_equal(hk_date_cmp(b, a), 1);
    assert_int_equal(hk_date_cmp(a, a), 0);
    assert_int_equal(hk_date_cmp(m, a), -1); /* unknown day first */
    assert_int_equal(hk_date_cmp(b, c), -1);
    assert_int_equal(hk_date_cmp(y, m), -1);
}

static void test_days_in_month(void **state)
{
    (void)state;
    assert_int_equal(hk_days_in_month(1941, 2), 28);
    assert_int_equal(hk_days_in_month(1940, 2), 29);
    assert_int_equal(hk_days_in_month(1900, 2), 28);
    assert_int_equal(hk_days_in_month(2000, 2), 29);
    assert_int_equal(hk_days_in_month(1941, 4), 30);
    assert_int_equal(hk_days_in_month(1941, 12), 31);
    assert_int_equal(hk_days_in_month(1941, 0), 0);
    assert_int_equal(hk_days_in_month(1941, 13), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_valid),     cmocka_unit_test(test_parse_invalid),
        cmocka_unit_test(test_format_round_trip), cmocka_unit_test(test_months),
        cmocka_unit_test(test_compare),         cmocka_unit_test(test_days_in_month),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
