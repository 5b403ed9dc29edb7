/* order.c — holding a month's events to pass them on in reading order
 * (world/event_order.h). */
#include "out/order.h"

#include <stdlib.h>
#include <string.h>

#include "world/event_order.h"

void hk_order_init(hk_order *o, const hk_observer *next)
{
    memset(o, 0, sizeof *o);
    o->next = *next;
}

void hk_order_free(hk_order *o)
{
    free(o->held);
    free(o->key);
    o->held = NULL;
    o->key = NULL;
    o->n = o->cap = o->first = 0;
}

/* Passes on, in reading order, the held events dated up to month `upto`. */
static void release(hk_order *o, hk_month upto)
{
    if (o->key)
        hk_event_order(o->held, o->key, o->n, o->first);
    int kept = 0;
    for (int i = 0; i < o->n; i++) {
        if (hk_date_month(o->held[i].date) <= upto) {
            if (o->next.on_event)
                o->next.on_event(o->next.ud, &o->held[i]);
        } else {
            o->held[kept++] = o->held[i];
        }
    }
    o->n = kept;
    o->first = kept;
}


static void order_on_event(void *ud, const hk_log_event *e)
{
    hk_order *o = ud;
    if (o->n == o->cap) {
        int cap = o->cap ? 2 * o->cap : 64;
        hk_log_event *p = realloc(o->held, (size_t)cap * sizeof *p);
        int32_t *k = p ? realloc(o->key, (size_t)cap * sizeof *k) : NULL;
        if (p)
            o->held = p;
        if (k)
            o->key = k;
        if (!p || !k) {
            /* Better unsorted than lost. */
            o->failed = 1;
            release(o, INT32_MAX);
            if (o->next.on_event)
                o->next.on_event(o->next.ud, e);
            return;
        }
        o->cap = cap;
    }
    /* The strings belong to the run and outlive the month. */
    o->held[o->n++] = *e;
}

static void order_on_month(void *ud, const hk_month_summary *m)
{
    hk_order *o = ud;
    release(o, m->month);
    if (o->next.on_month)
        o->next.on_month(o->next.ud, m);
}

hk_observer hk_order_observer(hk_order *o)
{
    hk_observer obs = {order_on_event, order_on_month, o};
    return obs;
}
