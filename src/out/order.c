/* order.c — holding a month's events to pass them on in date order. */
#include "out/order.h"

#include <stdlib.h>
#include <string.h>

void hk_order_init(hk_order *o, const hk_observer *next)
{
    memset(o, 0, sizeof *o);
    o->next = *next;
}

void hk_order_free(hk_order *o)
{
    free(o->held);
    o->held = NULL;
    o->n = o->cap = 0;
}

/* Passes on, in date order, the held events dated up to month `upto`. */
static void release(hk_order *o, hk_month upto)
{
    /* Insertion sort: stable, and a month holds a few dozen events. */
    for (int i = 1; i < o->n; i++) {
        hk_log_event e = o->held[i];
        int j = i;
        while (j > 0 && hk_date_cmp(o->held[j - 1].date, e.date) > 0) {
            o->held[j] = o->held[j - 1];
            j--;
        }
        o->held[j] = e;
    }
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
}


static void order_on_event(void *ud, const hk_log_event *e)
{
    hk_order *o = ud;
    if (o->n == o->cap) {
        int cap = o->cap ? 2 * o->cap : 64;
        hk_log_event *p = realloc(o->held, (size_t)cap * sizeof *p);
        if (!p) {
            /* Better unsorted than lost. */
            o->failed = 1;
            release(o, INT32_MAX);
            if (o->next.on_event)
                o->next.on_event(o->next.ud, e);
            return;
        }
        o->held = p;
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
