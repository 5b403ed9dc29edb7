/* date.c — parsing and formatting of scenario dates. */
#include "core/date.h"

#include <stdio.h>
#include <string.h>

int hk_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

static bool parse_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool hk_date_parse(const char *s, hk_date *out)
{
    int y, m, d = 0;
    size_t len = strlen(s);
    if (len != 7 && len != 10)
        return false;
    if (!parse_digits(s, 4, &y) || s[4] != '-' || !parse_digits(s + 5, 2, &m))
        return false;
    if (len == 10 && (s[7] != '-' || !parse_digits(s + 8, 2, &d)))
        return false;
    if (y < 1000 || m < 1 || m > 12)
        return false;
    if (len == 10 && (d < 1 || d > hk_days_in_month(y, m)))
        return false;
    out->year = (int16_t)y;
    out->month = (int8_t)m;
    out->day = (int8_t)d;
    return true;
}

/* Fields are reduced to their printed widths so that an unset or corrupt
 * date still fits the caller's buffer (and the compiler can prove it). */
void hk_date_format(hk_date d, char *buf)
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u;
    unsigned day = (unsigned)d.day % 100u;
    if (d.day > 0)
        snprintf(buf, 11, "%04u-%02u-%02u", y, m, day);
    else
        snprintf(buf, 11, "%04u-%02u", y, m);
}

void hk_month_format(hk_month m, char *buf)
{
    unsigned y = (unsigned)hk_month_year(m) % 10000u, mon = (unsigned)hk_month_mon(m) % 100u;
    snprintf(buf, 8, "%04u-%02u", y, mon);
}

int hk_date_cmp(hk_date a, hk_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}
