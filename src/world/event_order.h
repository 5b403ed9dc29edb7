/* event_order.h — the order in which a month's events are read.
 *
 * The engine plays a month in a fixed order: the outside world's dated
 * events first, then the systems, whose decisions react to them. A
 * decision is known only by its month (day 0), so sorting by date alone
 * would put it before the dated events it answers (a surrender printed
 * before the bomb that brought it). Here an event known only by its month
 * sorts at the latest day of the same month's events emitted before it in
 * the month's play: it happened after them. Dated events sort by their day;
 * equal keys keep the order of play. The outputs (out/order.c) and the
 * history linter (run/lint.c) read a run in this one order. */
#ifndef HK_WORLD_EVENT_ORDER_H
#define HK_WORLD_EVENT_ORDER_H

#include <stdint.h>

#include "world/api.h"

/* Sorts ev[0..n), stably, into reading order. ev[first..n) are the events
 * of one month's play in the order they were emitted; ev[0..first) are
 * events held from earlier months' play (dated in a later month). key must
 * hold n entries (scratch). */
void hk_event_order(hk_log_event *ev, int32_t *key, int n, int first);

#endif
