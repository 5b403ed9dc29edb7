/* scenario.c — the names of the scenario's enumerations (as the YAML files
 * and the outputs spell them) and id lookups over a loaded scenario. */
#include "world/scenario.h"

#include <string.h>

static const char *const terrain_names[HK_TERRAIN_COUNT] = {
    "plain", "steppe", "desert", "hills", "mountain", "forest", "marsh", "urban", "island"};
static const char *const link_kind_names[] = {"rail", "road", "river", "sea"};
static const char *const clause_type_names[HK_CLAUSE_TYPE_COUNT] = {
    "normalization", "non_aggression", "neutrality", "mutual_assistance", "consultation",
    "secret_protocol", "spheres", "withdrawal", "no_political_treaty", "concessions"};
static const char *const effect_names[HK_EFFECT_COUNT] = {
    "europe_war", "ger_sov_pact", "france_fallen", "axis_alliance", "ger_sov_war",
    "oil_embargo", "jpn_us_war", "allied_pledge", "germany_defeated", "ultimatum", "atomic",
    "popular_front", "german_threat", "southern_advance", "allied_request", "northeast_away", "united_front",
    "powers_press", "legion_out", "whites_fallen"};
static const char *const fact_kind_names[HK_FACT_KIND_COUNT] = {
    "event", "decision", "battle", "incident", "treaty", "coup", "purge", "war", "forces",
    "cabinet"};
static const char *const pin_names[HK_PIN_COUNT] = {
    "none", "intervention", "withdrawal", "seize_manchuria", "coup_failed", "purge",
    "doctrine_south", "doctrine_north", "china_war", "war", "peace"};

static const char *const hold_names[HK_HOLD_COUNT] = {"expedition", "outpost", "reprisal"};

static const char *const condition_names[HK_PRE_COUNT] = {
    "siberia_settled", "manchuria_seized", "china_war", "comintern_hostile", "army_split", "reprisal_held",
    "soviet_ground_held"};

/* Out-of-range values name themselves rather than crash a printf. */
#define NAME_OF(table, v) \
    ((int)(v) >= 0 && (size_t)(v) < sizeof table / sizeof table[0] ? table[v] : "unknown")

const char *hk_terrain_name(hk_terrain t) { return NAME_OF(terrain_names, t); }
const char *hk_link_kind_name(hk_link_kind k) { return NAME_OF(link_kind_names, k); }
const char *hk_clause_type_name(hk_clause_type t) { return NAME_OF(clause_type_names, t); }
const char *hk_effect_name(hk_effect e) { return NAME_OF(effect_names, e); }
const char *hk_fact_kind_name(hk_fact_kind k) { return NAME_OF(fact_kind_names, k); }
const char *hk_pin_name(hk_pin p) { return NAME_OF(pin_names, p); }
const char *hk_hold_name(int h) { return NAME_OF(hold_names, h); }
const char *hk_precondition_name(hk_precondition c) { return NAME_OF(condition_names, c); }

/* Every record with an id keeps it first, so one scan serves all tables. */
static int find_id(const void *base, size_t stride, int n, const char *id)
{
    if (!id)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp((const char *)base + (size_t)i * stride, id) == 0)
            return i;
    return -1;
}

#define LOOKUP(fn, field, count)                                                   \
    int fn(const hk_scenario *s, const char *id)                                   \
    {                                                                              \
        return find_id(s->field, sizeof s->field[0], s->count, id);               \
    }

LOOKUP(hk_scenario_actor, actors, n_actors)
LOOKUP(hk_scenario_faction, factions, n_factions)
LOOKUP(hk_scenario_region, regions, n_regions)
LOOKUP(hk_scenario_treaty, treaties, n_treaties)
LOOKUP(hk_scenario_event, events, n_events)
LOOKUP(hk_scenario_sector, sectors, n_sectors)
LOOKUP(hk_scenario_formation, formations, n_formations)
