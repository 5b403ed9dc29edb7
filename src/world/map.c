/* map.c — routes over the map (see map.h). */
#include "world/map.h"

#include <math.h>

#include "world/compiled.h"

/* v[r] = at_from for the regions of `from`, elsewhere for the others. */
static void start(const hk_scenario *s, hk_regions from, double at_from, double elsewhere, double *v)
{
    for (int r = 0; r < s->n_regions; r++)
        v[r] = (from >> r) & 1u ? at_from : elsewhere;
}

void hk_map_routes(const hk_scenario *s, hk_regions from, hk_regions enter, hk_regions through, double *dist)
{
    const hk_compiled *c = s->compiled;
    start(s, from, 0.0, INFINITY, dist);
    hk_regions open = from, done = 0; /* open: reached, not yet done */
    while (open) {
        int u = -1;
        for (hk_regions m = open; m; m &= m - 1) {
            int r = __builtin_ctzll(m);
            if (u < 0 || dist[r] < dist[u])
                u = r;
        }
        open &= ~HK_REGION_BIT(u);
        done |= HK_REGION_BIT(u);
        if (!((through >> u) & 1u))
            continue;
        for (int i = c->adj_at[u]; i < c->adj_at[u + 1]; i++) {
            int v = c->adj_to[i];
            if (((done >> v) & 1u) || !((enter >> v) & 1u))
                continue;
            if (dist[u] + c->adj_km[i] < dist[v]) {
                dist[v] = dist[u] + c->adj_km[i];
                open |= HK_REGION_BIT(v);
            }
        }
    }
}

void hk_map_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap)
{
    const hk_compiled *c = s->compiled;
    start(s, from, INFINITY, 0.0, cap);
    hk_regions open = from, done = 0;
    while (open) {
        int u = -1;
        for (hk_regions m = open; m; m &= m - 1) {
            int r = __builtin_ctzll(m);
            if (u < 0 || cap[r] > cap[u])
                u = r;
        }
        open &= ~HK_REGION_BIT(u);
        done |= HK_REGION_BIT(u);
        for (int i = c->adj_at[u]; i < c->adj_at[u + 1]; i++) {
            const hk_link *k = &s->links[c->adj[i]];
            int v = c->adj_to[i];
            if (((done >> v) & 1u) || !((enter >> v) & 1u))
                continue;
            double w = fmin(cap[u], k->capacity);
            if (w > cap[v]) {
                cap[v] = w;
                open |= HK_REGION_BIT(v);
            }
        }
    }
}

hk_regions hk_map_reach(const hk_scenario *s, hk_regions from, hk_regions within)
{
    const hk_compiled *c = s->compiled;
    hk_regions reach = from, todo = from;
    while (todo) {
        int u = __builtin_ctzll(todo);
        todo &= todo - 1;
        for (int i = c->adj_at[u]; i < c->adj_at[u + 1]; i++) {
            int v = c->adj_to[i];
            if (((within >> v) & 1u) && !((reach >> v) & 1u)) {
                reach |= HK_REGION_BIT(v);
                todo |= HK_REGION_BIT(v);
            }
        }
    }
    return reach;
}
