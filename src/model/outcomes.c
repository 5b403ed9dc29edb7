/* outcomes.c — product.md's outcomes, read off the state.
 *
 * Definitions (docs/model.md#outcomes):
 *   strike_north_by_1942           Japan opens general war on the USSR in 1941-06..1942-12
 *   japan_soviet_war_before_1945   general war between them begins before 1945-01
 *   neutrality_pact_signed, _year  the Japan–USSR neutrality (or non-aggression) pact concluded; its
 *                                  year as year + (month - 1) / 12
 *   doctrine_south_by_1941_07      Japan has committed south by 1941-07
 *   major_border_battle_1937_1940  a border battle with >= battle.major_men engaged on a side, 1937-1940
 *   japan_loses_major_border_battle  Japan's side loses such a battle (any year, outside general war)
 *   soviet_entry_by_1945_09        the USSR opens war on Japan by 1945-09
 *   soviet_entry_months_after_german_defeat  months from Germany's defeat to that entry
 *   war_months, war_casualties_jpn/_sov  months of the run's first general war, its casualties
 *                                  (prisoners included); a later war does not count
 *   regions_taken_by_jpn/_sov      regions each side took from the other, held at that war's end
 *   trans_siberian_cut             the Japanese side held a station of the Trans-Siberian in it
 *   soviet_divisions_east/west_1941  Soviet men east of Baikal in 1941-12 and the most sent
 *                                  west by then, in divisions of 12,000 */

#define DIVISION_MEN 12000.0 /* a rifle division with its equipment (links.yaml) */
#include "model/outcomes.h"

#include "model/assess.h"
#include "model/campaign.h"
#include "model/politics.h"

#include <math.h>
#include <string.h>

/* A figure of the record (record.yaml `losses`) by its id; 0 if it has none. */
static double record_figure(const hk_scenario *s, const char *id)
{
    for (int i = 0; i < s->n_losses; i++)
        if (!strcmp(s->losses[i].id, id))
            return s->losses[i].value;
    return 0;
}

void hk_outcomes_month(hk_world *w)
{
    hk_outcomes *o = &w->out;
    int y = hk_month_year(w->month);
    if (y >= HK_YEAR_FIRST && y <= HK_YEAR_LAST) {
        int i = y - HK_YEAR_FIRST;
        /* the December value, or the last month played */
        o->doctrine_jpn_by_year[i] = w->doctrine;
        o->soviet_far_east_men_by_year[i] = w->sov_men;
        o->japan_manchuria_men_by_year[i] = w->jpn_men;
        o->expedition_men_by_year[i] = w->exp_men;
        o->incidents_per_year[i] += w->incidents_month;
    }
    /* the border battles, as battles tallies them */
    const hk_battle_tally *b = &w->tally;
    o->major_border_battle_1937_1940 = b->major_border_battle_1937_1940;
    o->japan_loses_major_border_battle = b->japan_loses_major_border_battle;
    o->major_battle_casualties[0] = b->major_battle_casualties[0];
    o->major_battle_casualties[1] = b->major_battle_casualties[1];
    memcpy(o->border_battles, b->border_battles, sizeof o->border_battles);
    memcpy(o->border_battle_men, b->border_battle_men, sizeof o->border_battle_men);
    /* the expedition's dead: the month's losses in Siberia (movement moves
     * the men; the rate is the scenario's) */
    if (w->exp_men > 0)
        o->intervention_dead += w->exp_men * P(w, INTERVENTION_LOSS);
    if (w->war_on == w->month) { /* opened this month, even if peace came in the same month */
        if (w->war_opener == HK_SIDE_JPN && w->month >= hk_month_of(1941, 6) && w->month <= hk_month_of(1942, 12))
            o->strike_north_by_1942 = true;
        if (w->month < hk_month_of(1945, 1))
            o->japan_soviet_war_before_1945 = true;
        if (w->war_opener == HK_SIDE_SOV && w->month <= hk_month_of(1945, 9)) {
            if (!o->soviet_entry_by_1945_09) {
                o->soviet_entry_by_1945_09 = true;
                hk_month g = w->flag_since[HK_EFFECT_GERMANY_DEFEATED];
                if (g != HK_MONTH_NONE)
                    o->soviet_entry_months_after_german_defeat = (double)(w->month - g);
            }
        }
    }
    /* how near the cabinet came to striking north in the window of
     * strike_north_by_1942: the Japanese border ratio over the ratio its
     * war needs (hk_assess_north_need, war.break_factor while a pact binds),
     * in the months the rest of its case holds (hk_politics_north_case:
     * Manchuria held, at peace, not committed south, doctrine past
     * doctrine.strike_north); a war it opened is the case made, 1 */
    if (w->month >= hk_month_of(1941, 6) && w->month <= hk_month_of(1942, 12)) {
        double v = 0;
        if (w->war_on == w->month && w->war_opener == HK_SIDE_JPN && w->war_in_month)
            v = 1;
        else if (w->manchuria_seized && !w->war && !w->japan_surrendered && !w->committed_south &&
                 w->doctrine > P(w, DOCTRINE_STRIKE_NORTH))
            v = 1.0 / hk_politics_border_ratio(w) / hk_assess_north_need(w);
        if (v > o->north_case_1941_1942)
            o->north_case_1941_1942 = v;
    }
    int pact = w->c->roles.jpn_sov_neutrality;
    if (pact >= 0 && !o->neutrality_pact_signed && hk_treaty_binds(w, pact)) {
        hk_month m = w->treaty[pact].signed_on;
        o->neutrality_pact_signed = true;
        o->neutrality_pact_year = hk_month_year(m) + (hk_month_mon(m) - 1) / 12.0;
    }
    if (w->committed_south && w->committed_south_on <= hk_month_of(1941, 7))
        o->doctrine_south_by_1941_07 = true;
    /* the 1945 chain */
    if (w->soviet_entry && o->entry_month == HK_MONTH_NONE)
        o->entry_month = w->soviet_entry_on;
    if (hk_flag(w, HK_EFFECT_ATOMIC) && o->atomic_month == HK_MONTH_NONE)
        o->atomic_month = w->flag_since[HK_EFFECT_ATOMIC];
    if (w->north_lesson > 0 && o->lesson_month == HK_MONTH_NONE)
        o->lesson_month = w->month;
    if (w->japan_surrendered && o->surrender_month == HK_MONTH_NONE)
        o->surrender_month = w->month;
    if (w->soviet_entry) {
        o->entry_war_casualties[0] = w->war_losses[HK_SIDE_JPN];
        o->entry_war_casualties[1] = w->war_losses[HK_SIDE_SOV];
    }
    /* general war: the run's first, ended or under way (war.c keeps its
     * totals; a later war does not add to them). Until a war has opened
     * every total is the 0 the outcomes start from. */
    if (w->war_on != HK_MONTH_NONE) {
        bool first = w->war && w->wars_begun <= 1;
        o->war_months = w->war_months_total;
        for (int side = 0; side < 2; side++) {
            o->war_casualties[side] = w->war_cas_total[side] + (first ? w->war_losses[side] : 0);
            o->regions_taken[side] = w->regions_taken[side] + (first ? hk_campaign_taken(w, side, NULL) : 0);
        }
        if (w->trans_siberian_was_cut && w->wars_begun <= 1)
            o->trans_siberian_cut = true;
        o->war_days = w->war_days_total + (first ? w->camp.days : 0);
        for (int side = 0; side < 2; side++)
            o->war_prisoners[side] = w->war_pris_total[side] + (first ? w->camp.prisoners[side] : 0);
    }
    if (w->month <= hk_month_of(1941, 12)) {
        o->soviet_divisions_east_1941 = w->sov_men / DIVISION_MEN;
        /* the men the Far East has sent west by the year's end (movement's
         * sov_west_sent: Stavka's draws in peace, and in a war Japan opened
         * the reserve behind the eastern fronts), counted as they left, as
         * the record counts its divisions; replay: the record's men sent
         * west (record.yaml `losses`, far_east_sent_west_1941), from the
         * German attack on */
        double sent = w->sov_west_sent;
        if (w->mode == HK_MODE_REPLAY)
            sent = hk_flag(w, HK_EFFECT_GER_SOV_WAR) ? record_figure(w->s, "far_east_sent_west_1941") : 0.0;
        o->soviet_divisions_west_1941 = sent / DIVISION_MEN;
    }
}

/* Which outcomes are settled once `last` has been played: those that
 * happened, and those whose window has closed (a run's end closes every
 * window). Keyed on the outcomes' own definitions, not on the model. */
uint32_t hk_outcomes_decided(const hk_world *w, hk_month last)
{
    const hk_outcomes *o = &w->out;
    bool full = last >= w->end;
    uint32_t d = 0;
#define SET(i, cond) \
    if (cond)        \
        d |= 1u << (i);
    SET(0, o->strike_north_by_1942 || full || last >= hk_month_of(1942, 12));
    SET(1, o->japan_soviet_war_before_1945 || full || last >= hk_month_of(1944, 12));
    SET(2, o->neutrality_pact_signed || full);
    SET(3, o->neutrality_pact_signed || full);
    SET(4, o->doctrine_south_by_1941_07 || full || last >= hk_month_of(1941, 7));
    SET(5, o->major_border_battle_1937_1940 || full || last >= hk_month_of(1940, 12));
    SET(6, o->japan_loses_major_border_battle || full);
    SET(7, o->soviet_entry_by_1945_09 || full || last >= hk_month_of(1945, 9));
    SET(8, !isnan(o->soviet_entry_months_after_german_defeat) || full || last >= hk_month_of(1945, 9));
    /* the war's totals run to the end; the 1941 figures close with 1941 */
    for (int i = 9; i <= 13; i++)
        SET(i, full);
    SET(14, o->trans_siberian_cut || full);
    SET(15, full || last >= hk_month_of(1941, 12));
    SET(16, full || last >= hk_month_of(1941, 12));
#undef SET
    return d;
}

void hk_outcomes_settle(hk_world *w)
{
    w->out.until = w->month - 1; /* w->month is the next month to play */
    w->out.decided = hk_outcomes_decided(w, w->out.until);
}

void hk_outcomes_close(hk_world *w)
{
    hk_outcomes_settle(w);
}
