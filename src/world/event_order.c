/* event_order.c — a month's events in reading order (see event_order.h). */
#include "world/event_order.h"

#include <string.h>

static int32_t day_key(hk_date d, int day) { return (hk_date_month(d) * 32 + day) * 3; }

/* What follows from an event on its day comes after it: the armies in a
 * surrender zone lay down their arms after the surrender is announced,
 * whichever part of the model wrote its event first. A war declared on a
 * day opens at its start (the Soviet declaration of 9 August 1945 took
 * effect at midnight, hours before Nagasaki; 001:281), before the outside
 * world's events of that day. */
static int32_t after_on_day(const hk_log_event *e)
{
    if (!e->kind)
        return 1;
    if (!strcmp(e->kind, "occupation"))
        return 2;
    return !strcmp(e->kind, "war") && e->date.day > 0 ? 0 : 1;
}

void hk_event_order(hk_log_event *ev, int32_t *key, int n, int first)
{
    for (int i = 0; i < n; i++) {
        int day = ev[i].date.day;
        if (day <= 0 && i >= first) {
            /* after what the same month's play has emitted so far */
            hk_month m = hk_date_month(ev[i].date);
            for (int j = first; j < i; j++)
                if (hk_date_month(ev[j].date) == m && ev[j].date.day > day)
                    day = ev[j].date.day;
        }
        key[i] = day_key(ev[i].date, day < 0 ? 0 : day) + after_on_day(&ev[i]);
    }
    /* insertion sort: stable, and a month holds a few dozen events */
    for (int i = 1; i < n; i++) {
        hk_log_event e = ev[i];
        int32_t k = key[i];
        int j = i;
        while (j > 0 && key[j - 1] > k) {
            ev[j] = ev[j - 1];
            key[j] = key[j - 1];
            j--;
        }
        ev[j] = e;
        key[j] = k;
    }
}
