/* date.h — calendar arithmetic for the monthly engine.
 *
 * A month is one integer, year * 12 + (month - 1), so that differences and
 * comparisons are plain integer operations. A date keeps the day for facts
 * that have one (a treaty signed on 1941-04-13); day 0 means "no day known". */
#ifndef HK_DATE_H
#define HK_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t hk_month;

typedef struct hk_date {
    int16_t year;
    int8_t month; /* 1..12 */
    int8_t day;   /* 1..31, 0 when only the month is known */
} hk_date;

#define HK_MONTH_NONE INT32_MIN

static inline hk_month hk_month_of(int year, int month) { return year * 12 + (month - 1); }
static inline int hk_month_year(hk_month m) { return m / 12; }
static inline int hk_month_mon(hk_month m) { return m % 12 + 1; }
/* Month of the year `mon` (1-12) falls within first..last, a span that runs
 * over the turn of the year when first > last (November to March). */
static inline bool hk_mon_in_span(int mon, int first, int last)
{
    return first <= last ? (mon >= first && mon <= last) : (mon >= first || mon <= last);
}
static inline hk_month hk_date_month(hk_date d) { return hk_month_of(d.year, d.month); }
static inline bool hk_date_is_set(hk_date d) { return d.year != 0; }

/* Parses "YYYY-MM" or "YYYY-MM-DD" (the whole string); returns false if it is
 * not a real calendar date. */
bool hk_date_parse(const char *s, hk_date *out);
/* Writes "YYYY-MM-DD" (or "YYYY-MM" when day is 0) into buf (>= 11 bytes). */
void hk_date_format(hk_date d, char *buf);
/* Writes "YYYY-MM" into buf (>= 8 bytes). */
void hk_month_format(hk_month m, char *buf);
/* -1, 0, 1 ordering, an unknown day sorting first within its month. */
int hk_date_cmp(hk_date a, hk_date b);
int hk_days_in_month(int year, int month);

#endif
