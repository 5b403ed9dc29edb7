/* assess.c — read-only judgements of the state that several systems share
 * (the need to go north, the hawks' weight, the motive to enter the war, the
 * offensive force, what Japan still hopes for). docs/model.md gives the
 * equations. */
#include "model/assess.h"
#include "model/war.h"

#include "core/mathx.h"

double hk_assess_north_need_free(const hk_world *w)
{
    return P(w, WAR_NORTH_RATIO) * (1.0 + P(w, WAR_LESSON) * w->north_lesson);
}

bool hk_assess_neutrality_binds(const hk_world *w)
{
    return hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality) || w->armistice_pact == 1;
}

bool hk_assess_neutrality_in_force(const hk_world *w)
{
    int pact = w->c->roles.jpn_sov_neutrality;
    return (pact >= 0 && w->treaty[pact].status == HK_TREATY_IN_FORCE) || w->armistice_pact == 1;
}

bool hk_assess_neutrality_noticed(const hk_world *w)
{
    int pact = w->c->roles.jpn_sov_neutrality;
    return (pact >= 0 && w->treaty[pact].status == HK_TREATY_DENOUNCED) || w->armistice_pact == 2;
}

double hk_assess_north_need(const hk_world *w)
{
    /* the Neutrality Pact, or the undertaking an armistice renewed (war.c) */
    bool binds = hk_assess_neutrality_binds(w);
    return hk_assess_north_need_free(w) * (binds ? P(w, WAR_BREAK_FACTOR) : 1.0);
}

double hk_assess_north_hawks(const hk_world *w)
{
    /* Japan's factions leaning north (lean > 0.3), listed at load */
    double h = 0;
    for (int k = 0; k < w->c->n_hawks; k++) {
        h += w->influence[w->c->hawk_faction[k]] * w->c->hawk_weight[k];
    }
    return h;
}

double hk_assess_entry_motive(const hk_world *w)
{
    /* the USSR's own reasons for a war on Japan (001:183, 001:211): Japan
     * weakened by its war with the United States and the territory and
     * rights within reach; forces freed by Germany's defeat; no pact in the
     * way; an Allied ultimatum; and a pledge to the Allies as one term
     * among them. Entry needs a motive of 1. */
    bool gone = !hk_assess_neutrality_in_force(w);
    return P(w, ENTRY_PLEDGE) * hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) +
           P(w, ENTRY_SPOILS) * hk_flag(w, HK_EFFECT_JPN_US_WAR) +
           P(w, ENTRY_FREED) * hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) + P(w, ENTRY_PACT_GONE) * gone +
           P(w, ENTRY_ULTIMATUM) * hk_flag(w, HK_EFFECT_ULTIMATUM) + P(w, ENTRY_ATTACKED) * hk_war_struck_by_japan(w);
}

double hk_assess_offensive_force(const hk_world *w)
{
    double facing = w->jpn_peak > w->jpn_men ? w->jpn_peak : w->jpn_men;
    return P(w, SOVIET_ENTRY_RATIO) * facing;
}

bool hk_assess_offensive_ready(const hk_world *w)
{
    return w->sov_men >= 0.98 * hk_assess_offensive_force(w);
}

double hk_assess_west_reserve(const hk_world *w)
{
    if (!hk_flag(w, HK_EFFECT_GER_SOV_WAR) || w->flag_since[HK_EFFECT_GER_SOV_WAR] == HK_MONTH_NONE)
        return 0;
    /* the attack came late in its month (22 June 1941): the months
     * completed since count */
    int months = w->month - w->flag_since[HK_EFFECT_GER_SOV_WAR];
    return P(w, WAR_WEST_RESERVE_RATE) * months + w->sov_west_sent;
}

bool hk_assess_west_crisis(const hk_world *w)
{
    return hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) &&
           w->west_turned_on == HK_MONTH_NONE;
}

double hk_assess_west_shortfall(const hk_world *w)
{
    if (!hk_assess_west_crisis(w))
        return 0;
    double need = P(w, WAR_WEST_COUNTER_MEN);
    return need > 0 ? hk_clamp(1.0 - hk_assess_west_reserve(w) / need, 0.0, 1.0) : 0;
}

bool hk_assess_japan_hopes_mediation(const hk_world *w)
{
    /* the USSR neutral: Tokyo could still ask it to broker terms */
    return !(w->war && w->war_opener == HK_SIDE_SOV) && !w->soviet_entry;
}

bool hk_assess_japan_hopes_decisive_battle(const hk_world *w)
{
    /* a battle on the home islands that might win better terms: gone once
     * the atomic bomb shows the war can be ended without one, or once the
     * mainland army has lost half its men in the war */
    if (hk_flag(w, HK_EFFECT_ATOMIC))
        return false;
    double start = w->jpn_men + w->war_losses[HK_SIDE_JPN];
    return !(w->war && start > 0 && w->war_losses[HK_SIDE_JPN] >= 0.5 * start);
}

bool hk_assess_soviet_established(const hk_world *w)
{
    /* three quarters of a working garrison (soviet.floor): Soviet power holds
     * the east and there is a government there to deal with */
    return w->sov_men >= 0.75 * P(w, SOVIET_FLOOR);
}

bool hk_assess_europe_presses(const hk_world *w)
{
    return hk_flag(w, HK_EFFECT_EUROPE_WAR) || hk_flag(w, HK_EFFECT_GER_SOV_PACT) || hk_flag(w, HK_EFFECT_GER_SOV_WAR);
}

double hk_assess_soviet_resolve(const hk_world *w)
{
    double want = P(w, SOVIET_THREAT_RATIO), low = P(w, SOVIET_YIELD_RATIO);
    if (!(w->jpn_men > 0) || !(want > low))
        return 1.0;
    return hk_clamp((w->sov_men / w->jpn_men - low) / (want - low), 0.0, 1.0);
}
