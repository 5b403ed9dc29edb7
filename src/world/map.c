/* map.c — routes over the map (see map.h). */
#include "world/map.h"

#include <math.h>
#include <string.h>

#include "core/mathx.h"
#include "world/compiled.h"

/* v[r] = at_from for the regions of `from`, elsewhere for the others. */
static void start(const hk_scenario *s, hk_regions from, double at_from, double elsewhere, double *v)
{
    for (int r = 0; r < s->n_regions; r++)
        v[r] = (from >> r) & 1u ? at_from : elsewhere;
}

void hk_map_routes(const hk_scenario *s, hk_regions from, hk_regions enter, hk_regions through, double *dist)
{
    hk_map_routes_at(s, HK_MAP_ALL_LINKS, from, enter, through, dist);
}

int hk_map_epoch(const hk_compiled *c, hk_month month)
{
    int k = 0;
    while (k < c->n_link_epochs && c->link_epoch[k] <= month)
        k++;
    return k;
}

/* Routes are asked again and again for the same ends over the same ground:
 * by a war's fronts day after day, and by run after run of an ensemble whose
 * wars go alike. The answers are kept, per thread, keyed by the scenario's
 * compile (hk_compiled.serial: what a search reads is all there), the links
 * open (hk_map_epoch) and the sets asked with; a kept answer is a copy of
 * what the search gave, so a caller reads the same bits. */
enum { MEMO_ROUTES, MEMO_WIDEST, MEMO_FLOW, MEMO_REACH };

/* What a kept answer is an answer to: the compile, the links open, the kind
 * of question and the region sets asked with. */
typedef struct memo_key {
    uint64_t serial; /* 0: empty */
    int epoch, kind;
    hk_regions a, b, c;
} memo_key;

static memo_key key_of(const hk_compiled *c, int epoch, int kind, hk_regions a, hk_regions b, hk_regions cc)
{
    return (memo_key){.serial = c->serial, .epoch = epoch, .kind = kind, .a = a, .b = b, .c = cc};
}

static uint64_t key_hash(const memo_key *k)
{
    uint64_t h = (k->a * 0x9e3779b97f4a7c15ULL) ^ (k->b * 0xc2b2ae3d27d4eb4fULL) ^ (k->c * 0x165667b19e3779f9ULL) ^
                 ((uint64_t)k->epoch << 17) ^ ((uint64_t)k->kind << 40) ^ k->serial;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
}

static bool key_eq(const memo_key *x, const memo_key *y)
{
    return x->serial == y->serial && x->epoch == y->epoch && x->kind == y->kind && x->a == y->a && x->b == y->b &&
           x->c == y->c;
}

/* A key may be kept in two places of a table (at[0], at[1]): the one that
 * holds it (true, *i), or (false) *i the one a new answer goes to, an
 * empty one first. */
static bool key_find(const memo_key *const at[2], const memo_key *key, int *i)
{
    for (*i = 0; *i < 2; (*i)++)
        if (key_eq(at[*i], key))
            return true;
    *i = at[0]->serial == 0 || at[1]->serial != 0 ? 0 : 1;
    return false;
}

#define MAP_MEMO 256 /* a power of two */
typedef struct map_memo {
    memo_key k;
    double v[HK_MAX_REGIONS];
} map_memo;

/* The kept answer for the key, copied to v (true); or false, with *slot the
 * entry a new answer is to be kept in (memo_put) */
static bool memo_get(const hk_scenario *s, const memo_key *key, double *v, map_memo **slot)
{
    static _Thread_local map_memo memo[MAP_MEMO];
    uint64_t h = key_hash(key);
    map_memo *e[2] = {&memo[h & (MAP_MEMO - 1)], &memo[(h + 1) & (MAP_MEMO - 1)]};
    const memo_key *at[2] = {&e[0]->k, &e[1]->k};
    int i;
    if (key_find(at, key, &i)) {
        memcpy(v, e[i]->v, sizeof *v * (size_t)s->n_regions);
        return true;
    }
    *slot = e[i];
    return false;
}

static void memo_put(const hk_scenario *s, const memo_key *key, const double *v, map_memo *k)
{
    if (s->n_regions > HK_MAX_REGIONS)
        return;
    k->k = *key;
    memcpy(k->v, v, sizeof *v * (size_t)s->n_regions);
}

static void search_routes(const hk_compiled *c, const hk_scenario *s, hk_month month, hk_regions from,
                          hk_regions enter, hk_regions through, double *dist);

void hk_map_routes_at(const hk_scenario *s, hk_month month, hk_regions from, hk_regions enter, hk_regions through,
                      double *dist)
{
    memo_key key = key_of(s->compiled, hk_map_epoch(s->compiled, month), MEMO_ROUTES, from, enter, through);
    map_memo *slot;
    if (memo_get(s, &key, dist, &slot))
        return;
    search_routes(s->compiled, s, month, from, enter, through, dist);
    memo_put(s, &key, dist, slot);
}

static void search_routes(const hk_compiled *c, const hk_scenario *s, hk_month month, hk_regions from,
                          hk_regions enter, hk_regions through, double *dist)
{
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
            if (((done >> v) & 1u) || !((enter >> v) & 1u) || c->link_on[c->adj[i]] > month)
                continue;
            if (dist[u] + c->adj_km[i] < dist[v]) {
                dist[v] = dist[u] + c->adj_km[i];
                open |= HK_REGION_BIT(v);
            }
        }
    }
}

static void search_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap);

void hk_map_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap)
{
    memo_key key = key_of(s->compiled, 0, MEMO_WIDEST, from, enter, 0);
    map_memo *slot;
    if (memo_get(s, &key, cap, &slot))
        return;
    search_widest(s, from, enter, cap);
    memo_put(s, &key, cap, slot);
}

static void search_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap)
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
            int v = c->adj_to[i];
            if (((done >> v) & 1u) || !((enter >> v) & 1u))
                continue;
            double w = fmin(cap[u], c->adj_cap[i]); /* (the link's capacity, compiled) */
            if (w > cap[v]) {
                cap[v] = w;
                open |= HK_REGION_BIT(v);
            }
        }
    }
}

/* Edmonds-Karp (hk_map_max_flow) */
static double search_flow(const hk_compiled *cc, const hk_scenario *s, hk_month month, hk_regions from, hk_regions to,
                          hk_regions held)
{
    double fl[HK_MAX_LINKS]; /* net flow along each link, from its `from` end to its `to` end */
    memset(fl, 0, sizeof(double) * (size_t)s->n_links);
    double total = 0;
    for (;;) {
        /* the links from the compiled lists (compiled.c): prev[v] the entry
         * of the link v was reached by, in the list of the region before it */
        int prev[HK_MAX_REGIONS], from_of[HK_MAX_REGIONS], queue[HK_MAX_REGIONS], qh = 0, qt = 0, hit = -1;
        hk_regions seen = from;
        for (hk_regions m = from; m; m &= m - 1)
            queue[qt++] = __builtin_ctzll(m);
        while (qh < qt && hit < 0) {
            int u = queue[qh++];
            for (int i = cc->adj_at[u]; i < cc->adj_at[u + 1] && hit < 0; i++) {
                int v = cc->adj_to[i];
                if (((seen >> v) & 1u) || !((held >> v) & 1u) || cc->link_on[cc->adj[i]] > month)
                    continue;
                int l = cc->adj[i];
                double res = cc->adj_from[i] ? cc->adj_cap[i] - fl[l] : cc->adj_cap[i] + fl[l];
                if (!(res > 1e-6))
                    continue;
                seen |= HK_REGION_BIT(v);
                prev[v] = i;
                from_of[v] = u;
                queue[qt++] = v;
                if ((to >> v) & 1u)
                    hit = v;
            }
        }
        if (hit < 0)
            break;
        double b = INFINITY;
        for (int v = hit; !((from >> v) & 1u); v = from_of[v]) {
            int i = prev[v], l = cc->adj[i];
            b = hk_fmin(b, cc->adj_from[i] ? cc->adj_cap[i] - fl[l] : cc->adj_cap[i] + fl[l]);
        }
        for (int v = hit; !((from >> v) & 1u); v = from_of[v]) {
            int i = prev[v];
            fl[cc->adj[i]] += cc->adj_from[i] ? b : -b;
        }
        total += b;
    }
    return total;
}

/* The answers that are one value (a maximum flow, the regions reached),
 * kept as the routes are. */
#define ONE_MEMO 512 /* a power of two */
typedef struct one_memo {
    memo_key k;
    uint64_t v; /* a flow's bits, or the regions */
} one_memo;

static bool one_get(const memo_key *key, uint64_t *v, one_memo **slot)
{
    static _Thread_local one_memo memo[ONE_MEMO];
    uint64_t h = key_hash(key);
    one_memo *e[2] = {&memo[h & (ONE_MEMO - 1)], &memo[(h + 1) & (ONE_MEMO - 1)]};
    const memo_key *at[2] = {&e[0]->k, &e[1]->k};
    int i;
    if (key_find(at, key, &i)) {
        *v = e[i]->v;
        return true;
    }
    *slot = e[i];
    return false;
}

static void one_put(const memo_key *key, uint64_t v, one_memo *k)
{
    k->k = *key;
    k->v = v;
}

double hk_map_max_flow(const hk_scenario *s, hk_month month, hk_regions from, hk_regions to, hk_regions held)
{
    if (from & to)
        return INFINITY;
    const hk_compiled *c = s->compiled;
    memo_key key = key_of(c, hk_map_epoch(c, month), MEMO_FLOW, from, to, held);
    uint64_t bits;
    one_memo *slot;
    double flow;
    if (one_get(&key, &bits, &slot)) {
        memcpy(&flow, &bits, sizeof flow);
        return flow;
    }
    flow = search_flow(c, s, month, from, to, held);
    memcpy(&bits, &flow, sizeof bits);
    one_put(&key, bits, slot);
    return flow;
}

hk_regions hk_map_reach(const hk_scenario *s, hk_regions from, hk_regions within)
{
    return hk_map_reach_at(s, HK_MAP_ALL_LINKS, from, within);
}

hk_regions hk_map_reach_at(const hk_scenario *s, hk_month month, hk_regions from, hk_regions within)
{
    const hk_compiled *c = s->compiled;
    memo_key key = key_of(c, hk_map_epoch(c, month), MEMO_REACH, from, within, 0);
    uint64_t kept;
    one_memo *slot;
    if (one_get(&key, &kept, &slot))
        return kept;
    hk_regions reach = from, todo = from;
    while (todo) {
        int u = __builtin_ctzll(todo);
        todo &= todo - 1;
        for (int i = c->adj_at[u]; i < c->adj_at[u + 1]; i++) {
            int v = c->adj_to[i];
            if (((within >> v) & 1u) && !((reach >> v) & 1u) && c->link_on[c->adj[i]] <= month) {
                reach |= HK_REGION_BIT(v);
                todo |= HK_REGION_BIT(v);
            }
        }
    }
    one_put(&key, reach, slot);
    return reach;
}

/* The length of the links from a side's railheads to every region, over its
 * own ground; the sector's battle ground on the other side's ground ends a
 * route and does not carry it further. */
static void routes_from_railheads(const hk_scenario *s, hk_regions own, hk_regions ground, double *dist)
{
    hk_regions rail = 0;
    for (int r = 0; r < s->n_regions; r++)
        if (s->regions[r].railhead)
            rail |= HK_REGION_BIT(r);
    hk_map_routes(s, rail & own, own | ground, ~(ground & ~own), dist);
}

int hk_map_battle_site(const hk_scenario *s, int sec, const hk_regions own[2], double km[2])
{
    /* a place a sector's battles may be fought: one of its regions that is
     * no railhead town (Nomonhan and Tamsag-Bulak, Changkufeng, Heihe) */
    hk_regions ground = 0;
    for (int r = 0; r < s->n_regions; r++)
        if (s->regions[r].sector == sec && !s->regions[r].railhead)
            ground |= HK_REGION_BIT(r);
    if (!ground || s->n_regions > HK_MAP_SITE_MAX_REGIONS)
        return -1;
    double d[2][HK_MAP_SITE_MAX_REGIONS];
    routes_from_railheads(s, own[0], ground, d[0]);
    routes_from_railheads(s, own[1], ground, d[1]);
    int site = -1;
    for (int r = 0; r < s->n_regions; r++)
        if (((ground >> r) & 1u) && isfinite(d[0][r]) && isfinite(d[1][r]) &&
            (site < 0 || d[0][r] + d[1][r] < d[0][site] + d[1][site]))
            site = r;
    if (site >= 0) {
        km[0] = d[0][site];
        km[1] = d[1][site];
    }
    return site;
}
