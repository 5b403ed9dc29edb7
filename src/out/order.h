/* order.h — a month's events in reading order.
 *
 * The engine reports a month's events system by system (facts, diplomacy,
 * battles), so days inside a month arrive out of order, and a battle
 * resolved when it starts reports its end, dated weeks later, at once. This
 * observer holds events and passes them on in reading order (by day; an
 * event known only by its month after the dated events played before it,
 * world/event_order.h) just before the summary of the month they are dated
 * in. Events dated after the last month run are never passed on:
 * a run cut with --until ends at that month, and the run's strings may not
 * be touched once hk_run has returned. */
#ifndef HK_OUT_ORDER_H
#define HK_OUT_ORDER_H

#include "world/api.h"

typedef struct hk_order {
    hk_observer next;
    hk_log_event *held;
    int32_t *key; /* scratch for the sort */
    int n, cap;
    int first; /* held[0..first) came from earlier months' play */
    int failed; /* out of memory: events were passed on unsorted */
} hk_order;

void hk_order_init(hk_order *o, const hk_observer *next);
void hk_order_free(hk_order *o);
hk_observer hk_order_observer(hk_order *o);

#endif
