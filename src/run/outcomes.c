/* outcomes.c — the outcome table: names, kinds and how to read each value,
 * so ensembles, databases and pages list the same outcomes in one order.
 * Definitions: docs/model.md#outcomes. */
#include "world/api.h"

#include <math.h>

const hk_outcome_info hk_outcome_table[HK_OUTCOME_COUNT] = {
    {"strike_north_by_1942", HK_OUTCOME_PROPORTION,
     "Japan opens general war on the USSR between 1941-06 and 1942-12"},
    {"japan_soviet_war_before_1945", HK_OUTCOME_PROPORTION,
     "general war between Japan and the USSR begins before 1945-01"},
    {"neutrality_pact_signed", HK_OUTCOME_PROPORTION,
     "a Japanese-Soviet neutrality (or non-aggression) pact is concluded"},
    {"neutrality_pact_year", HK_OUTCOME_MEAN,
     "year the pact is concluded (year + (month - 1) / 12), runs with a pact"},
    {"doctrine_south_by_1941_07", HK_OUTCOME_PROPORTION,
     "Japan has committed south (forces leave Manchuria for the south) by 1941-07"},
    {"major_border_battle_1937_1940", HK_OUTCOME_PROPORTION,
     "a border battle with at least battle.major_men men engaged on a side, 1937-1940"},
    {"japan_loses_major_border_battle", HK_OUTCOME_PROPORTION,
     "Japan's side loses such a battle (any year, outside general war)"},
    {"soviet_entry_by_1945_09", HK_OUTCOME_PROPORTION,
     "the USSR opens war on Japan by 1945-09"},
    {"soviet_entry_months_after_german_defeat", HK_OUTCOME_MEAN,
     "months from Germany's defeat to the Soviet entry, runs with both"},
    {"war_months", HK_OUTCOME_MEAN, "months of the run's first general war between Japan and the USSR (0 without one; a later war does not count)"},
    {"war_casualties_jpn", HK_OUTCOME_MEAN,
     "Japanese side's casualties in the first general war with the USSR, prisoners included (0 without one)"},
    {"war_casualties_sov", HK_OUTCOME_MEAN,
     "Soviet side's casualties in the first general war with Japan, prisoners included (0 without one)"},
    {"regions_taken_by_jpn", HK_OUTCOME_MEAN,
     "regions the Japanese side took from the Soviet side in the first general war (held at its end)"},
    {"regions_taken_by_sov", HK_OUTCOME_MEAN,
     "regions the Soviet side took from the Japanese side in the first general war (held at its end)"},
    {"trans_siberian_cut", HK_OUTCOME_PROPORTION,
     "the Japanese side cuts the Trans-Siberian (holds a station of it) in the first general war"},
    {"soviet_divisions_east_1941", HK_OUTCOME_MEAN,
     "Soviet men east of Baikal in 1941-12, in divisions of 12,000"},
    {"soviet_divisions_west_1941", HK_OUTCOME_MEAN,
     "most Soviet men sent west from the Far East by 1941-12, in divisions of 12,000"},
};

double hk_outcome_value(const hk_outcomes *o, int i)
{
    switch (i) {
    case 0: return o->strike_north_by_1942;
    case 1: return o->japan_soviet_war_before_1945;
    case 2: return o->neutrality_pact_signed;
    case 3: return o->neutrality_pact_signed ? o->neutrality_pact_year : NAN;
    case 4: return o->doctrine_south_by_1941_07;
    case 5: return o->major_border_battle_1937_1940;
    case 6: return o->japan_loses_major_border_battle;
    case 7: return o->soviet_entry_by_1945_09;
    case 8: return o->soviet_entry_months_after_german_defeat;
    case 9: return o->war_months;
    case 10: return o->war_casualties[0];
    case 11: return o->war_casualties[1];
    case 12: return o->regions_taken[0];
    case 13: return o->regions_taken[1];
    case 14: return o->trans_siberian_cut;
    case 15: return o->soviet_divisions_east_1941;
    case 16: return o->soviet_divisions_west_1941;
    default: return NAN;
    }
}
