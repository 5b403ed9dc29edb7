/* compiled.h — what the model needs from a scenario beyond its records,
 * worked out once when the scenario is loaded (hk_scenario_compile) and
 * read by every run: which treaty plays which role, which faction is which,
 * each formation's pool, side, share and equipment schedule, the supply
 * distances of the sectors, the railway's bottleneck, the record's incident
 * counts by year. Nothing here depends on a parameter or changes in a run;
 * a run reaches it as w->c. */
#ifndef HK_WORLD_COMPILED_H
#define HK_WORLD_COMPILED_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "world/api.h"

/* The sides of the border: 0 the Japanese side (JPN, MAN), 1 the Soviet side
 * (SOV, MGL); -1 for everyone else. */
enum { HK_SIDE_JPN = 0, HK_SIDE_SOV = 1 };

/* Which treaty plays which role in the model, found from the clauses and
 * parties (not from ids, so another scenario works); -1 where none does. */
typedef struct hk_treaty_roles {
    int jpn_sov_neutrality;    /* neutrality or non-aggression JPN–SOV */
    int jpn_sov_normalization; /* normalisation JPN–SOV */
    int sov_mgl_assistance;    /* mutual assistance SOV–MGL */
    int sov_chn_nonaggression; /* non-aggression SOV–CHN */
    int jpn_outside_consult;   /* consultation JPN–outside (Anti-Comintern) */
    int sov_chn_normalization; /* normalisation SOV–CHN (the Peking agreement of 1924) */
    int jpn_sov_concessions;   /* JPN gives up its concessions on Soviet soil (the protocol of 1944) */
} hk_treaty_roles;

/* one entry for each strength of a formation: the loader refuses more, so
 * no part of the schedule is dropped */
#define HK_MAX_EQUIP HK_MAX_FORMATION_STRENGTHS

/* Equipment per man of a formation from a month on: technology follows the
 * record (tanks, guns, aircraft per man), the numbers of men the model. */
typedef struct hk_equip {
    hk_month from;
    double per_man[3];
    double quality; /* the quality the latest record up to this month gives (1 if none): the campaign's */
} hk_equip;

typedef struct hk_compiled {
    hk_treaty_roles roles;
    /* factions the model names (by id, with aliases), -1 if absent */
    int faction_kwantung, faction_kodoha, faction_toseiha, faction_navy, faction_foreign, faction_zaibatsu;

    /* formations, from the largest strength each ever has in the record */
    double weight[HK_MAX_FORMATIONS];        /* share of its pool (simulate) */
    double quality[HK_MAX_FORMATIONS];       /* its quality then (1 if none recorded) */
    int16_t region[HK_MAX_FORMATIONS];       /* where it stood then (simulate) */
    hk_equip equip[HK_MAX_FORMATIONS][HK_MAX_EQUIP]; /* the schedule, by date */
    uint8_t n_equip[HK_MAX_FORMATIONS];
    /* the record's strengths of each formation in date order, one a month
     * (the month's last record wins, as in replay): simulate's baseline
     * (movement.c); rec_first[p], the first month pool p has a record */
    hk_month rec_month[HK_MAX_FORMATIONS][HK_MAX_FORMATION_STRENGTHS];
    double rec_men[HK_MAX_FORMATIONS][HK_MAX_FORMATION_STRENGTHS];
    uint8_t n_rec[HK_MAX_FORMATIONS];
    hk_month rec_first[3];
    /* each formation's record in force at the scenario's start (the latest
     * dated up to its month, the later of two on one date), -1 none: every
     * run starts from it (movement.c) */
    int16_t start_record[HK_MAX_FORMATIONS];
    int form_side[HK_MAX_FORMATIONS];        /* side, -1 none */
    int form_pool[HK_MAX_FORMATIONS];        /* 0 mainland, 1 expedition, 2 Soviet east, -1 fixed */
    int form_host_treaty[HK_MAX_FORMATIONS]; /* stationed on an ally's soil: the mutual-assistance
                                              * treaty that lets it be there (-2 none exists); -1 home soil */
    uint64_t pool_formations[3];             /* bit f: formation f is in pool p */
    /* where a formation may be (movement.c): bit f of actor_formations[a]
     * for its actor (always_formations: it names none), of
     * home_formations on home soil, of treaty_formations[t] on an ally's
     * soil under treaty t */
    uint64_t actor_formations[HK_MAX_ACTORS], always_formations, home_formations;
    /* formations whose home region another's ground held in 1918 (the
     * Kwantung Army's fronts in Chinese Manchuria): there only once their
     * side has held it (movement.c); the Siberian expedition is not one */
    uint64_t claimed_formations;
    uint64_t treaty_formations[HK_MAX_TREATIES];
    uint32_t formation_actors, host_treaties; /* the actors and treaties those name */
    int8_t faction_actor[HK_MAX_FACTIONS];   /* each faction's actor, HK_MAX_ACTORS when it names none */
    uint32_t faction_actors;                 /* bit a: some faction is actor a's */
    uint32_t actor_factions[HK_MAX_ACTORS];  /* bit f: faction f is actor a's */
    /* each faction's weight in its actor's pushed lean, 0.5 + hawk, and its lean (politics.c) */
    double faction_push[HK_MAX_FACTIONS], faction_lean[HK_MAX_FACTIONS];
    uint32_t treaty_parties[HK_MAX_TREATIES]; /* bit a: actor a (< 32) is a party */
    uint32_t decided_events;                 /* bit e: outside event e is a modelled actor's decision */
    hk_month exists_from[HK_MAX_FORMATIONS]; /* the first month it exists when there (INT32_MIN: always) */

    /* geography */
    double supply_km[HK_MAX_SECTORS][2];     /* sector front to each side's nearest railhead */
    /* each side's own ground as the scenario begins (bit r: region r), and
     * each sector's battle site and hauls there with that ground
     * (hk_map_battle_site; battles.c reads them while the ground is the same) */
    /* bit i: sector i's Soviet side is Mongolia (its side[1] is the scenario's mgl) */
    uint32_t mgl_sectors;
    uint64_t site_own[2];
    int16_t site[HK_MAX_SECTORS];
    double site_km[HK_MAX_SECTORS][2];
    double rail_capacity;                    /* men/month over the bottleneck link(s) of links.yaml */
    /* log1p of n incidents per 1000 km of sector sec's border, for n below
     * HK_HEAT_COUNTS (0 for none): what a month's clashes add to its tension
     * (incidents.c), the same expression worked out once */
#define HK_HEAT_COUNTS 32
    double incident_heat[HK_MAX_SECTORS][HK_HEAT_COUNTS];
    /* bit sec: a Manchurian sector, Japan's to guard only once Manchuria is
     * held (Manchukuo's borders, and borders whose contested ground was
     * Chinese in 1918); movement.c */
    uint64_t manchurian_sectors;
    /* the first month each region is a railhead: INT32_MIN for the 1918
     * railheads, its line's opening month for one with `rail_from`,
     * INT32_MAX for none (the campaign's railheads, campaign.c) */
    int32_t rail_on[HK_MAX_REGIONS];
    /* the first month each link is open: INT32_MIN for one there from the
     * start, its opening month for one with `opened` (links.yaml); a war's
     * routes read it (hk_map_routes' month, campaign.c) */
    int32_t link_on[HK_MAX_LINKS];
    /* bit r: region r is an end of a link on the Trans-Siberian (its `line`
     * begins so): the stations whose loss cuts the line (campaign.c) */
    uint64_t trans_siberian_ends;
    /* the distinct values of link_on in ascending order: the links open in
     * a month are the same for every month between two of them, so a route
     * kept for one month serves the others (world/map.c's memos) */
    int n_link_epochs;
    int32_t link_epoch[HK_MAX_LINKS];
    /* a number no other compile in the process has had (from 1): what a
     * memo kept across runs keys the scenario by (world/map.c) */
    uint64_t serial;
    /* the terrain of each sector's first region (steppe if none): where a
     * sector has no battle ground, its battles' terrain (battles.c) */
    hk_terrain sector_terrain[HK_MAX_SECTORS];
    /* whether each sector's battles are on the steppe, from the scenario
     * alone: 1 when every place they can be fought (its battle grounds, or
     * its first region when it has none) is steppe, 0 when none is, -1 when
     * it turns on the run's battle site (battles.c, the steppe's winter) */
    int8_t sector_steppe[HK_MAX_SECTORS];
    /* Japan's northern hawks: its factions leaning north (lean > 0.3), in
     * index order, whose influence times hawk weight assess.c sums */
    int n_hawks;
    int8_t hawk_faction[HK_MAX_FACTIONS];
    double hawk_weight[HK_MAX_FACTIONS]; /* and each one's hawk weight */
    /* the links of region r are adj[adj_at[r] .. adj_at[r + 1]), in index order (world/map.c) */
    uint16_t adj_at[HK_MAX_REGIONS + 1];
    uint16_t adj[2 * HK_MAX_LINKS];
    /* for each of those: the region at its other end, its length, its
     * capacity, and whether the region is the link's `from` end (the way a
     * flow along it counts, campaign.c's max_flow) */
    uint8_t adj_to[2 * HK_MAX_LINKS];
    double adj_km[2 * HK_MAX_LINKS];
    double adj_cap[2 * HK_MAX_LINKS];
    bool adj_from[2 * HK_MAX_LINKS];

    /* treaties: bit y of may_bar[t] when a clause of treaty y bars treaty t
     * by its parties and kind (hk_clause_bars); whether it binds and has not
     * lapsed is the run's (diplomacy.c) */
    uint32_t may_bar[HK_MAX_TREATIES];
    /* bit a of may_restrain[t] when a clause of treaty t could ever hold
     * actor a back (hk_diplomacy_restrains: neutrality outside a
     * normalisation, non-aggression, mutual assistance, a bar naming it);
     * recognition or consultation alone never does */
    uint32_t may_restrain[HK_MAX_TREATIES];
    /* bit y of requires_binding[t] when treaty t's preconditions name
     * treaty y, which must bind before t can be signed (treaties.yaml
     * `requires: {treaty}`): tested against w->treaty_binding at once */
    uint32_t requires_binding[HK_MAX_TREATIES];
    /* and the rest of its preconditions, laid out for the month's test:
     * the conditions of the world it needs (bit c: hk_precondition c) and
     * the actors that must be in a given form */
    uint32_t requires_conditions[HK_MAX_TREATIES];
    int8_t requires_form_actor[HK_MAX_TREATIES][HK_MAX_REQUIREMENTS];
    int8_t requires_form[HK_MAX_TREATIES][HK_MAX_REQUIREMENTS];
    int8_t n_requires_forms[HK_MAX_TREATIES];

    /* actors in their time (world/actors.c): the first whole month of each
     * form (a form that begins after the 1st acts from the month after),
     * and the last month of the span (INT32_MAX: to the end) */
    hk_month form_from[HK_MAX_ACTORS][HK_MAX_FORMS];
    hk_month actor_until[HK_MAX_ACTORS];
    /* an actor a decision makes (begins_with): its lag after the decision;
     * -1 for an actor whose span is the record's */
    int16_t actor_lag[HK_MAX_ACTORS];
    uint32_t decided_actors; /* bit a: actor a is one a decision makes */
    /* the months some actor's regime gives way to another (a form after
     * its first begins), in date order without repeats: only in those can
     * a treaty pass to a successor (diplomacy.c) */
    hk_month regime_months[HK_MAX_ACTORS * HK_MAX_FORMS];
    int n_regime_months;

    /* the record's month of each outside event's effect (the scenario's
     * dates, not a what-if's): the earliest event with it, HK_MONTH_NONE */
    hk_month record_effect[HK_EFFECT_COUNT];
    /* the effects some outside event of the scenario has (bit e), dated or not */
    uint64_t scenario_effects;
    /* each actor's side (hk_scenario_side) */
    int8_t actor_side[HK_MAX_ACTORS];

    /* the record: incidents per year (replay), -1 unknown */
    int record_incidents[HK_YEARS];
} hk_compiled;

/* What n incidents in a month add to the tension of a border length_km
 * long, before its weight: log1p of the incidents per 1000 km, 0 for none
 * (docs/model.md#incidents). */
static inline double hk_incident_heat(int n, double length_km)
{
    double per_1000km = n * 1000.0 / fmax(length_km, 1.0);
    return per_1000km > 0 ? log1p(per_1000km) : 0.0;
}

/* Whether actor a is a party to treaty t. */
bool hk_treaty_has_party(const hk_treaty *t, int a);
/* Whether clause c bars treaty x, by x's parties and clauses: the pair the
 * clause names are both parties, and x has the kind of clause it bars (or,
 * for a no-political-treaty clause, any political clause). */
bool hk_clause_bars(const hk_clause *c, const hk_treaty *x);

/* hk_scenario_compile (world/api.h) fills s->compiled. */
/* The record of formation f in force at month upto: the latest dated up to
 * it, the later of two on one date; -1 none. */
int hk_scenario_strength_at(const hk_scenario *s, int f, hk_month upto);
/* The side an actor stands on (HK_SIDE_JPN for JPN and MAN, HK_SIDE_SOV
 * for SOV and MGL), or -1. */
int hk_scenario_side(const hk_scenario *s, int actor);
/* Ground a side holds at the start: its own and its ally's; for the
 * Japanese side China's too (Manchuria, held by China's government before
 * the seizure). */
bool hk_scenario_own_ground(const hk_scenario *s, int region, int side);

#endif
