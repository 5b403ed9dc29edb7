/* map.h — the map as a graph, for every system that routes over it: each
 * side's haul to a sector's battle ground (battles.c), the fronts' supply
 * distances, reinforcement capacities and pockets (campaign.c). A set of
 * regions is a bit mask (HK_MAX_REGIONS is 64); the links of each region
 * are listed once, at load (hk_compiled.adj), so a route visits only the
 * links it can take. */
#ifndef HK_WORLD_MAP_H
#define HK_WORLD_MAP_H

#include <stdint.h>

#include "world/api.h"

typedef uint64_t hk_regions;

#define HK_REGION_BIT(r) ((hk_regions)1 << (r))

/* Shortest routes: dist[r] is the fewest km from a region of `from` to r,
 * entering only regions of `enter` and going on only from regions of
 * `through`; INFINITY where no route is. Dijkstra over the links in index
 * order, ties to the lower region index. */
void hk_map_routes(const hk_scenario *s, hk_regions from, hk_regions enter, hk_regions through, double *dist);

/* The links open in a month: those whose `opened` (links.yaml) is no later
 * (hk_compiled.link_on). The *_at routes take only those; hk_map_routes,
 * hk_map_reach and hk_map_battle_site take every link (HK_MAP_ALL_LINKS):
 * the border geography is worked out once, at load. */
#define HK_MAP_ALL_LINKS INT32_MAX

/* Which links are open in a month, as a number: the count of the distinct
 * opening months (hk_compiled.link_epoch) no later than it. Two months with
 * the same number have the same links open. */
int hk_map_epoch(const struct hk_compiled *c, hk_month month);
void hk_map_routes_at(const hk_scenario *s, hk_month month, hk_regions from, hk_regions enter, hk_regions through,
                      double *dist);

/* Widest routes: cap[r] is the largest capacity of a route from a region of
 * `from` (INFINITY there) to r, a route's capacity being that of its
 * narrowest link, entering only regions of `enter`; 0 where none is. */
void hk_map_widest(const hk_scenario *s, hk_regions from, hk_regions enter, double *cap);

/* The most men a month the links can carry from the regions of `from` to
 * those of `to` over the regions of `held`: a maximum flow (Edmonds-Karp,
 * shortest augmenting routes first, links in index order), each link
 * carrying its capacity either way, so parallel routes add up and a link
 * two routes share carries no more than its capacity. INFINITY when a
 * source lies in `to`. Over the links open in `month`; the answers are
 * kept per thread, as the routes' are. */
double hk_map_max_flow(const hk_scenario *s, hk_month month, hk_regions from, hk_regions to, hk_regions held);

/* The regions of `within` reached from `from` over links between them
 * (`from` included). */
hk_regions hk_map_reach(const hk_scenario *s, hk_regions from, hk_regions within);
hk_regions hk_map_reach_at(const hk_scenario *s, hk_month month, hk_regions from, hk_regions within);

/* Where sector sec's battles are fought when each side holds the ground of
 * own[side] (its own and its ally's, battles.c): the sector's battle ground
 * (its regions that are no railhead town) both sides reach from their
 * railheads over their own ground with the least haul in all, the other
 * side's battle ground ending a route; km[side] each side's haul there.
 * Returns the region, or -1 with km left as it was (no such ground, none
 * reached, or a map past HK_MAP_SITE_MAX_REGIONS). */
#define HK_MAP_SITE_MAX_REGIONS 256
int hk_map_battle_site(const hk_scenario *s, int sec, const hk_regions own[2], double km[2]);

#endif
