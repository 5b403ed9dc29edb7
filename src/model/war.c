/* war.c — general war between Japan and the USSR: its opening, its end and
 * the record's war and peace (docs/model.md#war).
 *
 * Japan's cabinet opens war on the USSR when politics has made the case for
 * it (hk_politics_north_case: Manchuria held, doctrine north, the force
 * ratio the Army demands); the USSR enters when its motive, the absence of
 * a second front and a decisive ratio come together, at the term of a
 * pledge to the Allies (war.pledge_months after Germany's defeat) unless an
 * atomic bombing hastens it; a player's orders or a forced decision
 * (--decide) can open it too. A war of Japan's choosing, or a Soviet one
 * outside a world war, ends in an armistice once both sides are spent
 * (war.exhaustion); under an Allied ultimatum, with the hopes of Soviet
 * mediation and of a decisive battle gone, Japan surrenders
 * war.surrender_days after the last shock, and its armies in the surrender
 * zones lay down their arms. This file and
 * campaign.c are the only writers of the general-war state. */
#include "model/war.h"

#include "model/assess.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/mathx.h"
#include "model/battles.h"
#include "model/campaign.h"
#include "model/control.h"
#include "model/politics.h"

#define SRC_MODEL(anchor) "model: " anchor " (docs/model.md#" anchor ")"


/* The latest day of this month on which an outside shock to Japan of the
 * given kinds has fallen, 0 none. */
static int shock_day_of(const hk_world *w, bool ultimatum, bool atomic)
{
    const hk_scenario *s = w->s;
    int day = 0;
    for (int e = 0; e < s->n_events; e++) {
        hk_date d = w->setup->event_date[e];
        int fx = s->events[e].effect;
        if (hk_date_is_set(d) && hk_date_month(d) == w->month && w->event_done[e] &&
            ((ultimatum && fx == HK_EFFECT_ULTIMATUM) || (atomic && fx == HK_EFFECT_ATOMIC)) && d.day > day)
            day = d.day;
    }
    return day;
}

/* The latest day of this month on which an outside shock to Japan (an
 * ultimatum, an atomic bombing) has fallen, 0 none. */
static int shock_day(const hk_world *w) { return shock_day_of(w, true, true); }

/* The date of the first outside event of this effect that has come, unset
 * if none has. */
static hk_date outside_on(const hk_world *w, int effect)
{
    const hk_scenario *s = w->s;
    hk_date best = {0};
    for (int e = 0; e < s->n_events; e++) {
        hk_date d = w->setup->event_date[e];
        if ((int)s->events[e].effect == effect && w->event_done[e] && hk_date_is_set(d) &&
            (!hk_date_is_set(best) || hk_date_cmp(d, best) < 0))
            best = d;
    }
    if (hk_date_is_set(best) && best.day < 1)
        best.day = 1;
    return best;
}

static hk_date date_add_days(hk_date d, int days)
{
    int day = d.day + days, month = d.month, year = d.year;
    while (day > hk_days_in_month(year, month)) {
        day -= hk_days_in_month(year, month);
        if (++month > 12) {
            month = 1;
            year++;
        }
    }
    d.year = (int16_t)year;
    d.month = (int8_t)month;
    d.day = (int8_t)day;
    return d;
}

/* The term of a Soviet war on Japan that Germany's defeat sets: a pledge
 * to the Allies to attack Japan a set time after it (at Yalta, three
 * months, war.pledge_months, 001:183), the time the General Staff reckoned
 * the transports from Europe would take (001:191); with no pledge, an
 * attack of Japan's an armistice left unanswered (hk_war_struck_by_japan),
 * which the General Staff answers on the same reckoning: the offensive
 * comes when the transfer east is done, not at a venture before it. Unset
 * while there is neither or Germany stands. */
static hk_date pledge_term(const hk_world *w)
{
    hk_date none = {0};
    if (!hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) || !(hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) || hk_war_struck_by_japan(w)))
        return none;
    hk_date d = outside_on(w, HK_EFFECT_GERMANY_DEFEATED);
    if (!hk_date_is_set(d))
        return none;
    int m = d.month - 1 + (int)P(w, WAR_PLEDGE_MONTHS);
    d.year = (int16_t)(d.year + m / 12);
    d.month = (int8_t)(m % 12 + 1);
    int last = hk_days_in_month(d.year, d.month);
    if (d.day > last)
        d.day = (int8_t)last;
    return d;
}

/* The day a pledged Soviet entry opens on in its term's month: the General
 * Staff planned the offensive for the middle of that month (war.plan_day,
 * 001:197), not before the term; an atomic bombing brings it forward to
 * war.entry_days after the bombing (Hiroshima on 6 August 1945, the entry
 * on the 9th, 001:281). 0 when the pledge does not set this month's entry. */
static int pledged_day(const hk_world *w)
{
    hk_date term = pledge_term(w);
    if (!hk_date_is_set(term) || hk_date_month(term) != w->month)
        return 0;
    int day = (int)P(w, WAR_PLAN_DAY);
    if (day < term.day)
        day = term.day;
    int bomb = shock_day_of(w, false, true);
    if (bomb > 0 && bomb + (int)P(w, WAR_ENTRY_DAYS) < day)
        day = bomb + (int)P(w, WAR_ENTRY_DAYS);
    return day;
}

/* The day of the month a war opens on: a Soviet entry the month's shock
 * has hastened comes war.entry_days after it (the bombing of Hiroshima on
 * 6 August 1945, the entry on the 9th, 001:281); a decision known only by
 * its month opens the war on the month's first day. */
static int opening_day(const hk_world *w, int opener)
{
    int day = 1, shock = opener == HK_SIDE_SOV ? shock_day(w) : 0;
    int pledged = opener == HK_SIDE_SOV ? pledged_day(w) : 0;
    if (pledged > 0)
        day = pledged;
    else if (shock > 0)
        day = shock + (int)P(w, WAR_ENTRY_DAYS);
    return day < 1 ? 1 : day > 28 ? 28 : day;
}

void hk_war_open(hk_world *w, int opener, const char *id, const char *text, const char *source)
{
    const hk_scenario *s = w->s;
    int day = opening_day(w, opener);
    w->war = true;
    w->war_in_month = true;
    w->wars_begun++;
    w->war_opener = opener;
    w->war_on = w->month;
    w->exhaustion = 0;
    w->war_losses[0] = w->war_losses[1] = 0;
    w->armistice_pact = 0; /* a new war ends what an armistice agreed */
    w->armistice_refused = false;
    w->pacific_told = 0;
    if (opener == HK_SIDE_SOV && hk_flag(w, HK_EFFECT_JPN_US_WAR)) {
        w->soviet_entry = true;
        w->soviet_entry_on = w->month;
    }
    hk_campaign_begin(w);
    w->camp.start_day = day;
    int a = opener == HK_SIDE_JPN ? s->jpn : s->sov, b = opener == HK_SIDE_JPN ? s->sov : s->jpn;
    int today = w->today;
    if (day > 1)
        w->today = day; /* the war's event carries its day */
    hk_world_emit2(w, "war", id, a, b, text, source);
    w->today = today;
}

/* Whether the war under way is the run's first general war: the outcomes'
 * war totals are the first war's (a forced strike north of 1941 is told
 * apart from a later Soviet war to win back its ground, or the entry of
 * 1945). The replay's one war is opened by the record. */
static bool first_war(const hk_world *w) { return w->wars_begun <= 1; }

/* The war's end: the regions each side took count for the outcomes; the
 * line stays where the fighting left it. */
void hk_war_end(hk_world *w, const char *reason_id, const char *reason, const char *source)
{
    const hk_scenario *s = w->s;
    for (int side = 0; side < 2 && first_war(w); side++) {
        w->regions_taken[side] += hk_campaign_taken(w, side, NULL);
        w->war_cas_total[side] += w->war_losses[side];
        w->war_pris_total[side] += w->camp.prisoners[side];
    }
    if (first_war(w))
        w->war_days_total += w->camp.days;
    w->war = false;
    hk_world_emit2(w, "peace", reason_id, s->jpn, s->sov, reason, source);
}

bool hk_war_struck_by_japan(const hk_world *w)
{
    return !w->war && w->wars_begun > 0 && w->war_opener == HK_SIDE_JPN && w->armistice_on != HK_MONTH_NONE;
}

/* An armistice's exchange of prisoners: each side's men taken in the war
 * go home, as after the Khalkhin Gol ceasefire of 1939 (coox1985). Told
 * with the figures of the war the armistice ends (the campaign's count). */
static void tell_prisoners(hk_world *w)
{
    const hk_scenario *s = w->s;
    double pj = w->camp.prisoners[HK_SIDE_JPN], ps = w->camp.prisoners[HK_SIDE_SOV];
    if (!(pj + ps >= 1))
        return;
    if (hk_world_logging(w)) {
        char who[96];
        if (ps >= 1 && pj >= 1)
            snprintf(who, sizeof who, "%.0f Soviet and %.0f Japanese soldiers", ps, pj);
        else
            snprintf(who, sizeof who, "%.0f %s soldiers", ps >= 1 ? ps : pj, ps >= 1 ? "Soviet" : "Japanese");
        snprintf(w->scratch, sizeof w->scratch,
                 "The armistice provides for an exchange of prisoners: the %s taken in the war, in battle or with "
                 "their encircled fronts, go home.",
                 who);
    }
    hk_world_emit2(w, "forces", "prisoner_exchange", s->jpn, s->sov, w->scratch,
                   SRC_MODEL("politics-peace") "; coox1985");
}

/* The USSR turns east to answer a Japanese attack: once Germany is beaten
 * and the motive of a war on Japan is strong enough for the General Staff
 * to prepare one (soviet.prepare_motive, which starts the transfer east in
 * movement), told once, with the forces as they stand and what the
 * offensive wants (hk_assess_offensive_force). */
static double japan_men_faced(const hk_world *w);
static void tell_revenge(hk_world *w, double motive)
{
    const hk_scenario *s = w->s;
    if (w->revenge_told || !hk_war_struck_by_japan(w) || !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ||
        motive < P(w, SOVIET_PREPARE_MOTIVE))
        return;
    w->revenge_told = true;
    w->revenge_faced = japan_men_faced(w);
    bool denounced = w->armistice_pact == 1;
    if (denounced)
        w->armistice_pact = 2;
    hk_date term = pledge_term(w);
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "With Germany beaten, Moscow turns east: Japan's attack of %d-%02d, which the armistice of %d-%02d "
                 "left unanswered, is to be avenged%s. Forces go east over the Trans-Siberian to the %.0f men of the Far "
                 "East, facing %.0f Japanese; the offensive the General Staff plans wants %.0f, and is timed for "
                 "%d-%02d, when the transfer is done.",
                 hk_month_year(w->war_on), hk_month_mon(w->war_on), hk_month_year(w->armistice_on),
                 hk_month_mon(w->armistice_on),
                 denounced ? ", and the USSR gives notice that it no longer holds to the armistice's undertaking of "
                             "neutrality"
                           : "",
                 w->sov_men, w->jpn_men, hk_assess_offensive_force(w), term.year, term.month);
    hk_world_emit2(w, "forces", "soviet_revenge", s->sov, s->jpn, w->scratch,
                   SRC_MODEL("politics-entry") "; 001_fd9a28d61a246780.txt:191; 001_fd9a28d61a246780.txt:215");
}

/* A forced decision for war (--decide): taken the month it falls, if the
 * side is not already at war and Japan has not surrendered. */
static bool forced_war(hk_world *w, int side)
{
    const hk_scenario *s = w->s;
    if (side == HK_SIDE_JPN)
        return hk_world_forced(w, HK_DECIDE_STRIKE_NORTH, s->jpn, -1);
    return hk_world_forced(w, HK_DECIDE_ENTER_WAR, s->sov, -1);
}

/* The Japanese army a Soviet offensive would meet: the mainland army less
 * the share of it standing outside what the USSR fights for (under its
 * pledge to the Allies, the divisions in Korea south of the 38th parallel,
 * which faced an American landing and surrendered to the United States,
 * general_order_no1), in the proportion of the formations' men. */
static double japan_men_in_aims(const hk_world *w);
static double japan_men_faced(const hk_world *w)
{
    if (!hk_flag(w, HK_EFFECT_ALLIED_PLEDGE)) /* it fights for all the other side holds */
        return w->jpn_men;
    return japan_men_in_aims(w);
}

/* (the count over the formations, apart: the test above is what most
 * months ask, every peacetime month, and stays inline) */
static __attribute__((noinline)) double japan_men_in_aims(const hk_world *w)
{
    const hk_scenario *s = w->s;
    double in_m = 0, all_m = 0;
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &w->formation[f];
        if (w->c->form_side[f] != HK_SIDE_JPN || !(fs->men > 0))
            continue;
        all_m += fs->men;
        if (fs->region < 0 || hk_campaign_in_aims(w, HK_SIDE_SOV, fs->region))
            in_m += fs->men;
    }
    return all_m > 0 ? w->jpn_men * in_m / all_m : w->jpn_men;
}

/* Whether the USSR cannot enter a war on Japan this month whatever its
 * motive: a war in the west or short of the ratio it needs (the pact's bar
 * raised while it binds unnoticed), and neither a player's nor a forced
 * decision; nor is there a revenge for a Japanese attack still to be told
 * (tell_revenge). Then its motive and the pledge's term are not weighed. */
/* The Japanese army a Soviet war weighs its ratio against: the one it
 * would meet (japan_men_faced); for the answer to a Japanese attack with no
 * pledge to the Allies, no more than the army the General Staff planned it
 * against when it was told (tell_revenge): the offensive is timed by the
 * transfer east, and the levies Tokyo raises meanwhile from the reservists
 * in Manchuria, short of guns and training, do not put it off (the
 * Kwantung Army's call-up of July 1945 did not delay the Soviet entry,
 * glantz2003). */
static inline __attribute__((always_inline)) double faced_for_entry(const hk_world *w)
{
    double faced = japan_men_faced(w);
    if (w->revenge_told && hk_war_struck_by_japan(w) && !hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) &&
        w->revenge_faced > 0 && w->revenge_faced < faced)
        faced = w->revenge_faced;
    return faced;
}

static bool soviet_cannot_enter(hk_world *w, bool pact_bar, bool two_front, bool sov_player)
{
    if (sov_player || !(w->revenge_told || !hk_war_struck_by_japan(w)) || forced_war(w, HK_SIDE_SOV))
        return false;
    if (two_front)
        return true;
    /* (the army it would meet is counted only when it matters: the count
     * goes over the formations once the USSR is pledged to the Allies) */
    double need = P(w, SOVIET_ENTRY_RATIO) * (pact_bar ? P(w, WAR_BREAK_FACTOR) : 1.0);
    double faced = faced_for_entry(w);
    double ratio = w->sov_men / (faced > 1000 ? faced : 1000);
    return ratio < need;
}

static void cabinet_war(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    if (w->war || w->japan_surrendered)
        return;
    /* the Neutrality Pact, or the undertaking of neutrality an armistice
     * renewed on its line (settlement) */
    bool binds = hk_assess_neutrality_binds(w);
    bool noticed = hk_assess_neutrality_noticed(w);

    /* Japan: general war on the USSR is a cabinet decision (000:19) */
    bool jpn_player = w->player == s->jpn;
    bool jpn_wants = hk_politics_north_case(w);
    bool forced_j = forced_war(w, HK_SIDE_JPN);
    bool jpn_go = forced_j || (jpn_player ? (w->orders_given && w->orders.declare_war)
                                          : (jpn_wants && hk_lazy_bernoulli(r, P(w, WAR_DECISION_RATE))));
    /* A war decided on by the cabinet begins with the mobilisation of the
     * mainland army toward its war footing (japan.max_men), as the special
     * manoeuvres of July-August 1941 raised it toward 700,000 (glantz2003):
     * the attack comes when the army stands at war.mobilised of it or after
     * war.mobilise_months, the rail and shipping it takes (movement raises
     * the army at japan.mobilize a month). A player's declaration is
     * immediate: the player mobilises with its own orders. */
    double footing = P(w, WAR_MOBILISED) * P(w, JAPAN_MAX_MEN);
    /* the ratio on the border and what a war needs, for the texts below */
    double ratio_j = jpn_go || w->war_mobilising ? 1.0 / hk_politics_border_ratio(w) : 0;
    double need_j = jpn_go || w->war_mobilising ? hk_assess_north_need(w) : 0;
    /* the attack comes in the border's campaigning season (battles.c), and
     * at the latest in its last month, mobilised or not: the Kwantung
     * Army's plan of 1941 was to decide by August and finish its campaign
     * before the freeze (glantz2003); a war decided on outside the season
     * waits for the next one, its army mobilised */
    bool weighs = (jpn_go && !jpn_player) || w->war_mobilising; /* (asked only then: it is not cheap) */
    bool season = weighs && hk_battles_in_season(w, 0);
    bool season_ends = season && hk_month_mon(w->month) == hk_round_int(P(w, BATTLE_SEASON_LAST));
    if (jpn_go && !jpn_player && !w->war_mobilising && (w->jpn_men < footing || !season) &&
        P(w, WAR_MOBILISE_MONTHS) >= 1) {
        w->war_mobilising = forced_j ? 2 : 1;
        w->mobilising_on = w->month;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "%sThe cabinet decides on war with the USSR (doctrine at %+.2f, %.2f Japanese men on the border for "
                     "each Soviet one): the army in Manchuria and Korea, %.0f men, mobilises toward %.0f under cover of "
                     "special manoeuvres before it attacks%s.",
                     forced_j && !jpn_wants ? "Forced by the what-if (--decide JPN.strike_north). " : "", w->doctrine,
                     ratio_j, w->jpn_men, P(w, JAPAN_MAX_MEN),
                     season ? "" : ", and waits for the campaigning season after the thaw");
        hk_world_emit2(w, "mobilisation", "strike_north", s->jpn, s->sov, w->scratch,
                       forced_j ? "what-if: --decide JPN.strike_north" : SRC_MODEL("politics-war"));
        return;
    }
    bool mobilised = false, cut_short = false;
    if (w->war_mobilising && !jpn_go) {
        int months = w->month - w->mobilising_on;
        mobilised = w->jpn_men >= footing || months >= (int)P(w, WAR_MOBILISE_MONTHS);
        cut_short = !mobilised && season_ends;
        if (!season || !(mobilised || cut_short))
            return;
        mobilised = true;
        forced_j = w->war_mobilising == 2;
        jpn_go = true;
    }
    if (jpn_go) {
        w->war_mobilising = 0;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "%s%sDoctrine at %+.2f and %.2f Japanese men on the border for each Soviet one (needed %.2f%s%s)%s: "
                     "the cabinet opens general war on the USSR.",
                     cut_short   ? "The campaigning season's last month has come: the army attacks before the freeze with "
                                   "the men it has, its mobilisation not done. "
                     : mobilised ? "Its mobilisation done, the army stands at its war footing. "
                                 : "",
                     forced_j && !jpn_wants && !mobilised ? "Forced by the what-if (--decide JPN.strike_north). " : "",
                     w->doctrine,
                     ratio_j, need_j, binds ? ", breaking the pact" : "",
                     w->north_lesson > 0 ? ", raised by the lessons of lost battles" : "",
                     w->sov_drawn > 0.01 ? " with Soviet forces drawn west" : "");
        hk_war_open(w, HK_SIDE_JPN, "strike_north", w->scratch,
                    forced_j ? "what-if: --decide JPN.strike_north"
                    : jpn_player ? "player: orders" : SRC_MODEL("politics-war"));
        return;
    }

    /* USSR: enters when it has a motive, no second front, and a decisive
     * force ratio; a pact in force without notice raises the bar. */
    bool sov_player = w->player == s->sov;
    bool two_front = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    if (soviet_cannot_enter(w, binds && !noticed, two_front, sov_player))
        return;
    double m = hk_assess_entry_motive(w);
    tell_revenge(w, m);
    bool motive = m >= 1.0;
    /* with no motive, none of its own ground to win back and no forced or
     * ordered war, the USSR does not go to war this month: nothing below
     * would (nor draw), so it is not weighed */
    if (!motive && !w->ceded[HK_SIDE_SOV] && !forced_war(w, HK_SIDE_SOV) &&
        !(sov_player && w->orders_given && w->orders.declare_war))
        return;
    double need_s = P(w, SOVIET_ENTRY_RATIO) * (binds && !noticed ? P(w, WAR_BREAK_FACTOR) : 1.0);
    double faced = faced_for_entry(w);
    double j = faced > 1000 ? faced : 1000;
    double ratio_s = w->sov_men / j;
    /* and the offensive force assembled east of Baikal: the transfer from
     * the west took the General Staff's three months (001:191) */
    bool sov_wants = motive && !two_front && ratio_s >= need_s && hk_assess_offensive_ready(w);
    /* its own ground an armistice left in Japanese hands is a motive of its
     * own: the USSR, free of the war in the west and with the ratio it wants
     * for an offensive, opens war to win it back (it had recovered by force
     * or treaty all the ground of the old empire it could in 1920-1945:
     * northern Sakhalin in 1925, southern Sakhalin and the Kurils in 1945,
     * 001:285) */
    int lost = 0;
    for (uint64_t g = w->ceded[HK_SIDE_SOV]; g; g &= g - 1)
        if (hk_control_side(w, __builtin_ctzll(g)) == HK_SIDE_JPN)
            lost++;
    bool revanche = lost > 0 && !two_front && ratio_s >= need_s;
    if (revanche && !sov_wants) {
        sov_wants = true;
        m = m > 1.0 ? m : 1.0;
    }
    /* the stronger the motive, the sooner: 1 at the motive of 1945 (pledge,
     * Pacific war, Germany beaten, pact denounced), less with fewer reasons;
     * an ultimatum or an atomic bomb makes haste: the spoils go to those present */
    double rate = P(w, WAR_DECISION_RATE) * hk_clamp((m - 0.8) / 0.6, 0, 1.5) *
                  (hk_flag(w, HK_EFFECT_ATOMIC)      ? P(w, WAR_HASTE_ATOMIC)
                   : hk_flag(w, HK_EFFECT_ULTIMATUM) ? P(w, WAR_HASTE_ULTIMATUM)
                                                     : 1);
    /* Under a pledge to the Allies the entry keeps its term (pledge_term):
     * before it the USSR enters only in haste, once an atomic bombing shows
     * Japan near surrender and its offensive force stands ready (an Allied
     * ultimatum alone did not move it: the Potsdam declaration of 26 July
     * 1945 came while the fronts finished their preparations, 001:197); from
     * the term's month it enters once its motive holds and its ratio is
     * decisive, the transports done. */
    hk_date term = pledge_term(w);
    bool pledged = hk_date_is_set(term), term_reached = pledged && w->month >= hk_date_month(term);
    if (pledged && !term_reached && !hk_flag(w, HK_EFFECT_ATOMIC))
        sov_wants = false;
    if (term_reached) {
        sov_wants = motive && !two_front && ratio_s >= need_s;
        rate = 1;
    }
    bool forced_s = forced_war(w, HK_SIDE_SOV);
    bool sov_go = forced_s || (sov_player ? (w->orders_given && w->orders.declare_war)
                                          : (sov_wants && hk_lazy_bernoulli(r, rate < 1 ? rate : 1)));
    if (sov_go) {
        char avenge[64] = "";
        if (hk_war_struck_by_japan(w))
            snprintf(avenge, sizeof avenge, "Japan's attack of %d-%02d to avenge; ", hk_month_year(w->war_on),
                     hk_month_mon(w->war_on));
        /* (the army it planned against, when Tokyo's levies have grown it
         * since: faced_for_entry) */
        char planned[96] = "";
        if (hk_world_logging(w) && japan_men_faced(w) > j + 1)
            snprintf(planned, sizeof planned, "the army it planned against; %.0f with Tokyo's new levies; ",
                     japan_men_faced(w));
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "%sWith %.0f Soviet men east of Baikal against %.0f Japanese (%sratio %.2f, needed %.2f) and a "
                     "motive of %.2f (%s%s%s%s%s%s)%s, the USSR declares war on Japan%s.",
                     forced_s && !sov_wants ? "Forced by the what-if (--decide SOV.enter_war). " : "", w->sov_men,
                     j, planned, ratio_s, need_s, m,
                     hk_flag(w, HK_EFFECT_JPN_US_WAR) ? "Japan at war with the United States; " : "",
                     hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ? "forces freed by Germany's defeat; " : "",
                     avenge,
                     !binds || noticed ? "the pact denounced or gone; " : "",
                     hk_flag(w, HK_EFFECT_ULTIMATUM) ? "an Allied ultimatum; " : "",
                     hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) ? "its pledge to the Allies" : "no pledge to the Allies",
                     noticed ? " and the pact denounced" : binds ? ", breaking the pact" : "",
                     lost == 0 ? "" : lost == 1 ? " to win back the region it ceded at the armistice"
                                                : " to win back the regions it ceded at the armistice");
        hk_war_open(w, HK_SIDE_SOV, "soviet_entry", w->scratch,
                    forced_s ? "what-if: --decide SOV.enter_war"
                    : sov_player ? "player: orders" : SRC_MODEL("politics-entry"));
    }
}

/* The Pacific route (pacific_route; drent2017): from war.lend_lease_months
 * after Germany's attack on the USSR, American supplies sail to the Soviet
 * Far East's ports, about half of all the United States sends the USSR, in
 * Soviet ships that pass the straits Japan holds (La Perouse, Tsugaru,
 * Tsushima) only while Japan and the USSR are at peace. Whether it runs:
 * the German war has lasted that long (the supplies went on after
 * Germany's defeat, until September 1945). */
static bool pacific_route_runs(const hk_world *w)
{
    hk_month since = w->flag_since[HK_EFFECT_GER_SOV_WAR];
    return since != HK_MONTH_NONE && (hk_flag(w, HK_EFFECT_GER_SOV_WAR) || hk_flag(w, HK_EFFECT_GERMANY_DEFEATED)) &&
           w->month - since >= (int)P(w, WAR_LEND_LEASE_MONTHS);
}

/* A war Japan opens shuts the Pacific route while it lasts: told once in
 * the war, the first month the route runs, with the United States' stance
 * as the state gives it (at war with Japan, or, not yet, its warning of 17
 * August 1941 against any further move of Japan's by force on its
 * neighbours and its promise of help to the USSR against aggression,
 * frus_japan1941v2). The armistice (war_end) weighs the route. */
static void tell_pacific_route(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (!w->war || w->war_opener != HK_SIDE_JPN || (w->pacific_told & 1) || !pacific_route_runs(w))
        return;
    w->pacific_told |= 1;
    if (hk_world_logging(w)) {
        char us[224];
        if (hk_flag(w, HK_EFFECT_JPN_US_WAR))
            snprintf(us, sizeof us, "The United States, at war with Japan itself, wants the USSR to fight on in the "
                     "east");
        else
            snprintf(us, sizeof us, "Washington, which promised the USSR help against aggression in August 1941 and "
                     "warned Tokyo against any further move by force on its neighbours, sees the attack on its new "
                     "partner as one");
        /* (what the route carries as of the month, not its share over the
         * whole war, which the month cannot know: the first supplies sailed
         * in October 1941, pacific_route) */
        hk_month opened = w->flag_since[HK_EFFECT_GER_SOV_WAR] + (int)P(w, WAR_LEND_LEASE_MONTHS);
        char ships[160];
        if (w->month <= opened)
            snprintf(ships, sizeof ships, "the Soviet ships by which the American supplies for the USSR are to "
                     "reach Vladivostok");
        else
            snprintf(ships, sizeof ships, "the Soviet ships that have carried American supplies to Vladivostok since "
                     "%d-%02d", hk_month_year(opened), hk_month_mon(opened));
        snprintf(w->scratch, sizeof w->scratch,
                 "The war shuts the Pacific route: %s pass the straits Japan holds only while the two are at peace. "
                 "%s; Moscow counts what the war in the east costs it%s.",
                 ships, us, hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ? "" : " in the west");
    }
    hk_world_emit2(w, "war", "pacific_route_shut", s->sov, s->jpn, w->scratch,
                   SRC_MODEL("politics-peace") "; pacific_route; drent2017; frus_japan1941v2");
}

/* Whether the USSR, attacked by Japan, takes the quiet Japan asks for when
 * it gives up no ground of its own: it needs it while it fights Germany
 * (hk_assess_west_crisis's war, the reserve for the west) or while the war
 * keeps the Pacific route shut (pacific_route_runs); with neither, and an
 * army that could carry the war into Japan's ground (soviet_could_retake's
 * margin), it does not let an attack it did not provoke end on the
 * attacker's terms (while it holds none of Japan's ground), and fights on (the ceasefires of 1938 and 1939 came
 * after Soviet counter-attacks had thrown the Japanese back across the
 * border they claimed, coox1977, coox1985). Told once in the war. */
static bool soviet_could_retake(const hk_world *w);
static bool soviet_takes_quiet(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (w->war_opener != HK_SIDE_JPN)
        return true;
    bool west = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    /* (once its counter-stroke has carried the war into Japan's ground the
     * quiet is no longer on the attacker's terms) */
    if (west || pacific_route_runs(w) || !soviet_could_retake(w) || hk_campaign_taken(w, HK_SIDE_SOV, NULL) > 0)
        return true;
    if (w->pacific_told & 2)
        return false;
    w->pacific_told |= 2;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "Moscow answers Tokyo's wish for quiet: no war elsewhere presses it and no supplies of its own ride "
                 "on the peace, and with %.0f men in the east against Japan's %.0f it will not let an attack it did "
                 "not provoke end on the attacker's terms. The war goes on.",
                 w->sov_men, w->jpn_men);
    hk_world_emit2(w, "war", "armistice_refused", s->sov, s->jpn, w->scratch,
                   SRC_MODEL("politics-peace") "; coox1977; coox1985");
    return false;
}

/* An armistice's settlement: the side that lost the smaller share of its
 * army (its theatre army now and its casualties) keeps the other's ground it
 * holds; the other side's gains return to their holders of before the war.
 * Returns the regions handed back. */
static int settlement_winner(const hk_world *w)
{
    double share[2];
    for (int side = 0; side < 2; side++) {
        double pool = side == HK_SIDE_JPN ? w->jpn_men : w->sov_men;
        share[side] = w->war_losses[side] / fmax(pool + w->war_losses[side], 1.0);
    }
    return share[HK_SIDE_JPN] < share[HK_SIDE_SOV] ? HK_SIDE_JPN : HK_SIDE_SOV;
}

static int settle(hk_world *w, int winner)
{
    const hk_scenario *s = w->s;
    int back = 0;
    for (int r = 0; r < s->n_regions && r < 64; r++) {
        int before = w->camp.control_at_start[r];
        int side_before = hk_world_side(w, before);
        int side_now = hk_control_side(w, r);
        if (side_now >= 0 && side_now != winner && side_before == 1 - side_now) {
            hk_control_set(w, r, before);
            back++;
        }
    }
    /* what the loser leaves in the winner's hands it means to win back
     * (cabinet_war) */
    uint64_t m;
    hk_campaign_taken(w, winner, &m);
    w->ceded[1 - winner] = m;
    w->ceded[winner] = 0;
    return back;
}

/* What an armistice settles beyond the line, from the state it leaves:
 * what each side holds of the other's ground, and each side's wars
 * elsewhere. A side at war with a third power, or set on one (the USSR with
 * an unbeaten Germany; Japan with the United States and Britain, or
 * committed to the southern advance), wants quiet on this front and buys
 * it with an undertaking of neutrality on the armistice line for as long
 * as either is at war with a third power: the terms of the Neutrality Pact
 * (neutrality should either be attacked by a third power, the quiet in the
 * north it brought the Army and the Navy, 001:175) renewed on the new line.
 * It binds as the pact did (war.break_factor on a war against it) until a
 * party gives notice: the USSR gives it once Germany is beaten and it turns
 * east (tell_revenge), as it denounced the pact in April 1945. With neither
 * at war elsewhere the armistice stays a bare ceasefire on the line. Told
 * as a treaty event after the armistice. */
static void settlement(hk_world *w)
{
    const hk_scenario *s = w->s;
    bool sov = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
    bool jpn = hk_flag(w, HK_EFFECT_JPN_US_WAR) || hk_politics_south_war(w) ||
               (w->committed_south && hk_politics_south_open(w));
    bool route = pacific_route_runs(w) && (w->pacific_told & 1);
    w->armistice_pact = sov || jpn || route ? 1 : 0;
    if (!hk_world_logging(w)) {
        hk_world_emit2(w, "treaty_signed", "armistice_agreement", s->jpn, s->sov, w->scratch,
                       SRC_MODEL("politics-peace") "; 001_fd9a28d61a246780.txt:175");
        return;
    }
    char held[200] = "";
    int nj = 0, ns = 0;
    for (uint64_t g = w->ceded[HK_SIDE_SOV]; g; g &= g - 1)
        nj++;
    for (uint64_t g = w->ceded[HK_SIDE_JPN]; g; g &= g - 1)
        ns++;
    if (nj > 0)
        snprintf(held, sizeof held, "Japan keeps the %d Soviet region%s it holds, the USSR its claim to %s", nj,
                 nj == 1 ? "" : "s", nj == 1 ? "it" : "them");
    else if (ns > 0)
        snprintf(held, sizeof held, "the USSR keeps the %d region%s of Japan's side it holds, Japan its claim to %s",
                 ns, ns == 1 ? "" : "s", ns == 1 ? "it" : "them");
    else
        snprintf(held, sizeof held, "the border stands where it stood before the war");
    if (w->armistice_pact)
        snprintf(w->scratch, sizeof w->scratch,
                 "Japan and the USSR sign the armistice's terms: %s. Since %s, both undertake to stay neutral "
                 "on the armistice line for as long as either is at war with a third power (an undertaking of "
                 "neutrality: the terms of the broken Neutrality Pact renewed on the new line)%s; a party may give "
                 "notice of it.",
                 held,
                 sov && jpn ? "the USSR, fighting Germany, and Japan, turning south, each want quiet on this front"
                 : sov      ? "the USSR, fighting Germany, wants quiet in the east"
                            : "Japan, turning south, wants quiet in the north",
                 /* the Pacific route the war shut (pacific_route_runs) is
                  * what Moscow asks of the neutrality */
                 route ? ", and Japan undertakes to let Soviet ships through its straits to Vladivostok again, the "
                         "Pacific route of the American supplies"
                       : "");
    else
        snprintf(w->scratch, sizeof w->scratch,
                 "Japan and the USSR sign the armistice's terms: %s. Neither side is at war elsewhere or wants "
                 "quiet here enough to pledge its neutrality: no pact follows, and the armistice stays a ceasefire "
                 "on the line.",
                 held);
    hk_world_emit2(w, "treaty_signed", "armistice_agreement", s->jpn, s->sov, w->scratch,
                   SRC_MODEL("politics-peace") "; 001_fd9a28d61a246780.txt:175");
}

/* The regions of the USSR's own (Soviet at the war's start) Japan holds,
 * and (in `own`) how many it had. */
static int soviet_ground_lost(const hk_world *w, int *own)
{
    const hk_scenario *s = w->s;
    int lost = 0, had = 0;
    for (int r = 0; r < s->n_regions && r < 64; r++) {
        if (hk_world_side(w, w->camp.control_at_start[r]) != HK_SIDE_SOV)
            continue;
        had++;
        if (hk_control_side(w, r) == HK_SIDE_JPN)
            lost++;
    }
    *own = had;
    return lost;
}

/* The Soviet side's weighing of an armistice that would leave its own
 * ground in Japanese hands: what it gives up (the share of its eastern
 * regions Japan holds) against the crisis in the west (how far Stavka's
 * reserve for the west falls short of the counter-offensive's,
 * hk_assess_west_shortfall). It signs only when the shortfall passes
 * war.cede_shortfall and the share given up: the one peace the Soviet
 * state signed giving up its own ground, Brest-Litovsk, came with nothing
 * left to stop the enemy. Otherwise it signs nothing and the war goes on on
 * the line, told once in the war (the USSR signed no agreement in the war
 * that left its pre-war ground to an enemy, glantz2003). */
static bool soviet_signs_away(hk_world *w, bool ceasefire)
{
    const hk_scenario *s = w->s;
    int own = 0, lost = soviet_ground_lost(w, &own);
    if (lost == 0)
        return true;
    double shortfall = hk_assess_west_shortfall(w), given = (double)lost / (own > 0 ? own : 1);
    if (shortfall >= P(w, WAR_CEDE_SHORTFALL) + given)
        return true;
    if (w->armistice_refused)
        return false;
    w->armistice_refused = true;
    if (hk_world_logging(w)) {
        bool crisis = hk_assess_west_crisis(w);
        char west[256];
        if (crisis)
            snprintf(west, sizeof west,
                     "the war with Germany presses it, but its reserve for the west stands at %.0f of the %.0f its "
                     "counter-offensive wants, not so far short that the capital's fate hangs on quiet in the east",
                     hk_assess_west_reserve(w), P(w, WAR_WEST_COUNTER_MEN));
        else if (w->west_turned_on != HK_MONTH_NONE && hk_flag(w, HK_EFFECT_GER_SOV_WAR) &&
                 !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED))
            snprintf(west, sizeof west, "its counter-offensive in the west has been under way since %d-%02d",
                     hk_month_year(w->west_turned_on), hk_month_mon(w->west_turned_on));
        else
            snprintf(west, sizeof west, "no war elsewhere presses it");
        snprintf(w->scratch, sizeof w->scratch,
                 "Moscow answers Tokyo's wish for quiet in the north: it will sign nothing that leaves %d of its %d "
                 "regions in the east to Japan; %s. %s",
                 lost, own, west,
                 ceasefire ? "Short of the margin to take them back now, it will agree only to a ceasefire on the line "
                             "its fronts hold, keeping its claim."
                           : "Its fronts stand on the line they hold, and the war goes on.");
    }
    hk_world_emit2(w, "war", "armistice_refused", s->sov, s->jpn, w->scratch,
                   SRC_MODEL("politics-peace") "; glantz2003; rotundo1985");
    return false;
}

/* Whether the USSR could take back by force the ground of its own Japan
 * holds, once its hands are free: its theatre army outnumbers Japan's by the
 * margin an attack needs (war.attack_ratio), whatever binds it in the west
 * now. Unlike can_win_back this does not ask whether it may strike now: it
 * is the threat Tokyo weighs in deciding whether its gains are worth the
 * war they keep going (a Japan whose army the Soviet side outnumbers so
 * cannot count on holding them; one it does not can). */
/* Whether some of `side`'s own ground (its at the war's start) the other
 * side holds lies within its armies' reach: over a land link (rail, road,
 * river) open this month from a region it holds. Ground reached only over
 * the sea (northern Sakhalin from the mainland) is not taken back by an
 * army's margin: a landing needs the ships (landings.c), which the Soviet
 * Pacific Fleet of 1941 lacked for more than a regiment (the Sovetskaya
 * Gavan lift of 1,400 men, forces.yaml). */
static bool lost_in_reach(const hk_world *w, int side)
{
    const hk_scenario *s = w->s;
    for (int r = 0; r < s->n_regions && r < 64; r++) {
        if (hk_world_side(w, w->camp.control_at_start[r]) != side || hk_control_side(w, r) != 1 - side)
            continue;
        for (int i = w->c->adj_at[r]; i < w->c->adj_at[r + 1]; i++) {
            int l = w->c->adj[i];
            if (s->links[l].kind != HK_LINK_SEA && w->c->link_on[l] <= w->month &&
                hk_control_side(w, w->c->adj_to[i]) == side)
                return true;
        }
    }
    return false;
}

static bool soviet_could_retake(const hk_world *w)
{
    return w->sov_men >= P(w, WAR_ATTACK_RATIO) * fmax(w->jpn_men, 1000.0);
}

/* Whether the side that would give up its own ground under an armistice
 * can still hope to win it back by fighting on: its theatre army outnumbers
 * the other's by the margin an attack needs (war.attack_ratio), and no war
 * elsewhere binds it (the USSR fighting Germany stood on the defensive in
 * the east, glantz2003). A side that can does not sign its ground away;
 * one that cannot agrees, and keeps its claim. */
static bool can_win_back(const hk_world *w, int side)
{
    if (side == HK_SIDE_SOV && hk_assess_west_crisis(w))
        return false;
    double mine = side == HK_SIDE_JPN ? w->jpn_men : w->sov_men, theirs = side == HK_SIDE_JPN ? w->sov_men : w->jpn_men;
    return mine >= P(w, WAR_ATTACK_RATIO) * fmax(theirs, 1000.0) && lost_in_reach(w, side);
}

/* The date Japan's last hope of better terms went, under an ultimatum that
 * stands: the latest of the ultimatum, the atomic bombing and the Soviet
 * entry; a hope of a decisive battle lost in the field (half the army gone,
 * no bomb) counts from this month's first day. */
static hk_date hopes_gone_on(const hk_world *w)
{
    hk_date last = outside_on(w, HK_EFFECT_ULTIMATUM);
    hk_date bomb = outside_on(w, HK_EFFECT_ATOMIC);
    if (!hk_date_is_set(bomb)) {
        bomb.year = (int16_t)hk_month_year(w->month);
        bomb.month = (int8_t)hk_month_mon(w->month);
        bomb.day = 1;
    }
    if (!hk_date_is_set(last) || hk_date_cmp(bomb, last) > 0)
        last = bomb;
    if (w->war && w->war_opener == HK_SIDE_SOV) {
        hk_date entry = {.year = (int16_t)hk_month_year(w->war_on), .month = (int8_t)hk_month_mon(w->war_on),
                         .day = (int8_t)(w->camp.start_day > 0 ? w->camp.start_day : 1)};
        if (hk_date_cmp(entry, last) > 0)
            last = entry;
    }
    return last;
}

static void war_end(hk_world *w, hk_lazy_stream *r)
{
    const hk_scenario *s = w->s;
    if (w->japan_surrendered)
        return;
    /* Japan surrenders under an ultimatum once fighting on serves it no
     * longer: while the USSR stays neutral Tokyo can hope for its mediation,
     * and while no atomic bomb has fallen and the mainland army stands, for
     * a decisive battle that wins better terms. With both hopes gone the
     * decision comes within days, war.surrender_days after the last of them
     * went (the Soviet entry of 9 August 1945, after Hiroshima, moved the
     * Emperor to seek peace, and two imperial decisions brought the
     * acceptance of 15 August, 001:281); with only the mediation left and no
     * Soviet pledge to the Allies, at war.mediation_surrender of
     * war.surrender_rate a month. docs/model.md#politics-peace */
    bool ultimatum = hk_flag(w, HK_EFFECT_ULTIMATUM), decided = false;
    /* (the hopes are weighed only under an ultimatum: without one there is
     * nothing to surrender to) */
    bool mediation = ultimatum && hk_assess_japan_hopes_mediation(w);
    bool battle = ultimatum && hk_assess_japan_hopes_decisive_battle(w);
    int decided_day = 0;
    if (ultimatum && !mediation && !battle) {
        hk_date on = date_add_days(hopes_gone_on(w), (int)P(w, WAR_SURRENDER_DAYS));
        if (hk_date_month(on) <= w->month) {
            decided = true;
            decided_day = hk_date_month(on) == w->month ? on.day : 1;
        }
    } else if (ultimatum && !battle && mediation && !hk_flag(w, HK_EFFECT_ALLIED_PLEDGE)) {
        decided = hk_lazy_bernoulli(r, P(w, WAR_MEDIATION_SURRENDER) * P(w, WAR_SURRENDER_RATE));
        if (decided && w->war) {
            /* not before this month's shocks (the ultimatum, the bomb), nor
             * before the war of this month has begun */
            int after = shock_day(w);
            if (w->war_on == w->month && w->camp.start_day > after)
                after = w->camp.start_day;
            if (after > 28)
                after = 28;
            decided_day = after + 1 + (int)(hk_rng_uniform(hk_lazy_rng(r)) * (29 - after));
        }
    }
    if (decided) {
        /* at war, the surrender takes effect on its day, after the month's
         * fighting (hk_war_close_month): until then the armies stand */
        if (!w->war)
            w->japan_surrendered = true;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch, "Under the Allied ultimatum, %s, Japan surrenders.",
                     hk_flag(w, HK_EFFECT_ATOMIC) && w->war ? "the atomic bombing and the Soviet entry"
                     : hk_flag(w, HK_EFFECT_ATOMIC)         ? "after the atomic bombing"
                                                            : "with the Soviet armies in Manchuria");
        if (w->war) {
            /* the fronts fight on until the day the surrender is announced
             * (campaign.c), then the armies lay down their arms */
            if (decided_day < 1)
                decided_day = 1;
            w->camp.surrender_day = decided_day > 30 ? 30 : decided_day;
        } else {
            hk_world_emit2(w, "peace", "surrender", s->jpn, -1, w->scratch, SRC_MODEL("politics-peace"));
        }
        return;
    }
    /* a war of Japan's choosing, or a Soviet one outside a world war, ends in
     * an armistice once both sides are spent; the Soviet entry into the
     * Pacific war ends only with Japan's surrender */
    if (w->war && !w->soviet_entry) {
        double years = (w->month - w->war_on) / 12.0;
        /* spent, or fighting a war neither side presses any more */
        double worn = P(w, WAR_EXHAUSTION) * (years + w->exhaustion);
        double still = P(w, WAR_STALEMATE_PEACE) * w->camp.quiet_months;
        /* a Japan that wants its army and oil for the south seeks quiet in
         * the north (the southern advance was made with it, 001:175), once
         * the war has been fought for a month */
        /* (a cabinet whose offensive is still under way, not broken off
         * nor stopped by the freeze, waits for its outcome before it asks
         * for quiet: the plan of 1941 was one operation to be finished
         * before the winter, glantz2003) */
        double south = w->month > w->war_on && hk_politics_south_pull(w) && !hk_campaign_offensive_on(w, HK_SIDE_JPN)
                           ? P(w, WAR_SOUTH_PEACE)
                           : 0;
        double hazard = worn + still + south;
        /* the side asked to give ground up is the one whose ground the other
         * holds; only where each holds some of the other's does the side
         * that bled more of its army lose the settlement (a line the fighting
         * has moved is weighed as it stands: who holds it, and whether the
         * other can take it back, below) */
        int hj = hk_campaign_taken(w, HK_SIDE_JPN, NULL), hs = hk_campaign_taken(w, HK_SIDE_SOV, NULL);
        int loser = hj > 0 && hs == 0 ? HK_SIDE_SOV : hs > 0 && hj == 0 ? HK_SIDE_JPN : 1 - settlement_winner(w);
        bool cedes = hk_campaign_taken(w, 1 - loser, NULL) > 0;
        /* the USSR weighs what it would sign away (soviet_signs_away); when
         * it will not, a Japan at war in the south, or decided on that war,
         * or one whose gains lie in a stalemate (no battle for
         * war.stalemate_months: the line can win it nothing more, and the
         * ceasefires of 1938 and 1939 ended on the border each side claimed,
         * coox1977, coox1985), wants quiet and pays for it as below; a
         * Japan not yet bound in the south holds its line and the war goes
         * on */
        bool fires = hk_lazy_bernoulli(r, hazard < 1 ? hazard : 1);
        bool hands_back = false, line_held = false;
        if (fires && loser == HK_SIDE_SOV && cedes) {
            /* Japan wants the quiet (the south, or a stalemate); what it
             * gives for it follows the military position: against a Soviet
             * army that could retake its gains (soviet_could_retake) it
             * hands them back for the quiet, as its leaders were ready to
             * (001:229);
             * against one that could not, it keeps what it holds under a
             * ceasefire on the line of contact, which the USSR, unable to
             * win the ground back, takes without signing it away (the
             * ceasefire line of 1939 left each side's claim
             * standing, coox1985) */
            bool wants_quiet = (south > 0 && (hk_flag(w, HK_EFFECT_JPN_US_WAR) || hk_politics_south_war(w))) ||
                               w->camp.quiet_months > 0;
            bool retake = soviet_could_retake(w) && lost_in_reach(w, HK_SIDE_SOV);
            if (!soviet_signs_away(w, wants_quiet && !retake)) {
                hands_back = wants_quiet && retake;
                line_held = wants_quiet && !retake;
                if (!wants_quiet)
                    fires = false;
            }
        }
        /* the USSR, attacked, weighs the quiet it is asked for
         * (soviet_takes_quiet): what it signs away is weighed above */
        if (fires && !(loser == HK_SIDE_SOV && cedes) && !soviet_takes_quiet(w))
            fires = false;
        if (fires && !(cedes && can_win_back(w, loser))) {
            w->armistice_on = w->month;
            /* the side that bled more lost the war: a Japanese defeat discredits
             * the northern hawks as a lost battle does, at full weight, teaches
             * the lesson and brings the field officers to heel (read by
             * politics next month, which owns the lesson: a lost major
             * battle, as battles.c reports one) */
            bool japan_lost = w->war_losses[HK_SIDE_JPN] > w->war_losses[HK_SIDE_SOV];
            if (japan_lost) {
                w->lost_battle_side = HK_SIDE_JPN;
                w->lost_battle_weight = 1.0;
                w->lost_battle_fact = w->lost_battle_sector = -1;
                w->lost_major[HK_SIDE_JPN] = true;
            }
            /* the settlement follows the state the war has left: the side
             * that bled less of its army keeps what it holds of the other's
             * ground; what the other took goes back to its holder of before
             * the war (the ceasefires of 1938 and 1939 restored the line each
             * side claimed, 001:147) */
            /* the ground each side took in the war and what it holds of it
             * now, before the settlement hands any back: a side that took
             * ground and has lost all of it again lost its front */
            int took[2] = {0, 0}, held[2];
            for (int f = 0; f < HK_MAX_SECTORS; f++)
                for (int side = 0; side < 2; side++)
                    took[side] += w->camp.front[f].advanced[side];
            for (int side = 0; side < 2; side++)
                held[side] = hk_campaign_taken(w, side, NULL);
            int back = settle(w, hands_back ? HK_SIDE_SOV : 1 - loser);
            uint64_t m;
            int tj = hk_campaign_taken(w, HK_SIDE_JPN, &m), ts = hk_campaign_taken(w, HK_SIDE_SOV, &m);
            char terms[288];
            if (tj + ts == 0 && back == 0)
                snprintf(terms, sizeof terms, "on the border of before the war, which the fighting has not moved");
            else if (tj + ts == 0 && hands_back)
                snprintf(terms, sizeof terms, "on the border of before the war: the USSR will sign away none of its "
                         "ground, and Japan, %s, hands back the %d region%s it took",
                         south > 0 ? "to have quiet in the north for the war in the south"
                                   : "its gains held in a stalemate that can win it nothing more",
                         back, back == 1 ? "" : "s");
            else if (tj + ts == 0)
                snprintf(terms, sizeof terms, "on the border of before the war: the side that bled more hands back the %d "
                         "region%s it took", back, back == 1 ? "" : "s");
            else if (line_held)
                snprintf(terms, sizeof terms, "on the line of contact: Japan keeps the %d Soviet region%s it holds; "
                         "the USSR, its %.0f men in the east short of the margin to win %s back from Japan's "
                         "%.0f, signs none of %s away and keeps its claim%s",
                         tj, tj == 1 ? "" : "s", w->sov_men, tj == 1 ? "it" : "them", w->jpn_men,
                         tj == 1 ? "it" : "them",
                         back > 0 ? ", and hands back what it took" : "");
            else if (loser == HK_SIDE_SOV && ts == 0)
                /* the USSR gives up its own ground only as soviet_signs_away
                 * weighed it: its reserve for the west far short */
                snprintf(terms, sizeof terms, "on the line the fighting reached: Japan keeps %d Soviet region%s%s; the "
                         "USSR, its reserve for the west at %.0f%% of what its counter-offensive wants and nothing to "
                         "spare for the east, signs away the ground it cannot hold, keeping its claim",
                         tj, tj == 1 ? "" : "s", back > 0 ? ", and hands back what it took" : "",
                         100 * (1 - hk_assess_west_shortfall(w)));
            else
                snprintf(terms, sizeof terms, "on the line the fighting reached: the side that bled less keeps %d region%s "
                         "of the other's ground%s; the %s side, %s, cannot win it back now and signs under protest, "
                         "keeping its claim", tj + ts, tj + ts == 1 ? "" : "s",
                         back > 0 ? ", the other hands back what it took" : "",
                         loser == HK_SIDE_JPN ? "Japanese" : "Soviet",
                         loser == HK_SIDE_SOV && hk_flag(w, HK_EFFECT_GER_SOV_WAR) &&
                                 !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED)
                             ? "bound by the war with Germany"
                             : "without the margin an offensive needs");
            if (hk_world_logging(w))
            {
                /* the reason is the largest of the hazard's terms, the
                 * motive that in the model brought the peace: Japan's war in
                 * the south, a stalemate of months with no battle, the
                 * losses (with a front one side has lost), or the war's
                 * length */
                char why[256];
                double worn_loss = P(w, WAR_EXHAUSTION) * w->exhaustion, worn_time = worn - worn_loss;
                bool sov_bound = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
                int lost_front = took[HK_SIDE_JPN] > 0 && held[HK_SIDE_JPN] == 0   ? HK_SIDE_JPN
                                 : took[HK_SIDE_SOV] > 0 && held[HK_SIDE_SOV] == 0 ? HK_SIDE_SOV
                                                                                   : -1;
                if (south >= still && south >= worn_loss && south >= worn_time) {
                    char who[64] = "Japan";
                    const char *aim = hk_flag(w, HK_EFFECT_JPN_US_WAR)
                                          ? "the war it is fighting in the south against the United States and Britain"
                                      : hk_politics_south_war(w) ? "the war on the United States and Britain it has decided on"
                                                                 : "the southern advance it has put off for this war";
                    if (!hk_politics_south_war(w) && hk_flag(w, HK_EFFECT_OIL_EMBARGO))
                        snprintf(who, sizeof who, "Japan, under an American oil embargo since %d-%02d,",
                                 hk_month_year(w->flag_since[HK_EFFECT_OIL_EMBARGO]),
                                 hk_month_mon(w->flag_since[HK_EFFECT_OIL_EMBARGO]));
                    bool route = pacific_route_runs(w) && (w->pacific_told & 1);
                    snprintf(why, sizeof why, "%s wants its army and its oil for %s and seeks quiet in the north; %s "
                             "takes it, and both",
                             who, aim,
                             sov_bound && route ? "the USSR, fighting Germany in the west and its Pacific route shut,"
                             : sov_bound        ? "the USSR, fighting Germany in the west,"
                             : route            ? "the USSR, its Pacific route shut,"
                                                : "the USSR");
                } else if (still >= worn_loss && still >= worn_time) {
                    snprintf(why, sizeof why, "with no battle fought on any front for %d month%s, neither side presses "
                             "the war and both",
                             w->camp.still_months, w->camp.still_months == 1 ? "" : "s");
                } else if (worn_loss >= worn_time) {
                    char front[160] = "";
                    if (lost_front >= 0)
                        snprintf(front, sizeof front, ", and the %s side has lost again the %d region%s it took",
                                 lost_front == HK_SIDE_JPN ? "Japanese" : "Soviet", took[lost_front],
                                 took[lost_front] == 1 ? "" : "s");
                    snprintf(why, sizeof why, "the losses have worn both armies down (%.0f%% of the Japanese, %.0f%% "
                             "of the Soviet in the theatre)%s: both",
                             100 * w->war_losses[HK_SIDE_JPN] / fmax(w->jpn_men + w->war_losses[HK_SIDE_JPN], 1),
                             100 * w->war_losses[HK_SIDE_SOV] / fmax(w->sov_men + w->war_losses[HK_SIDE_SOV], 1),
                             front);
                } else {
                    snprintf(why, sizeof why, "neither side sees a way to win a war grown long, and both");
                }
                char span[48];
                int months = w->month - w->war_on;
                if (months < 12)
                    snprintf(span, sizeof span, "%d month%s", months, months == 1 ? "" : "s");
                else
                    snprintf(span, sizeof span, "%.1f years", years);
                int n = snprintf(w->scratch, sizeof w->scratch,
                                 "After %s of war (casualties: Japanese %.0f, Soviet %.0f) %s "
                                 "agree to an armistice %s%s.",
                                 span, w->war_losses[HK_SIDE_JPN], w->war_losses[HK_SIDE_SOV], why, terms,
                                 japan_lost ? "; the failure discredits the advocates of the northern war" : "");
                if (n >= (int)sizeof w->scratch) /* a text cut short still ends a sentence */
                    memcpy(w->scratch + sizeof w->scratch - 2, ".", 2);
            }
            hk_war_end(w, "armistice", w->scratch,
                       hands_back ? SRC_MODEL("politics-peace") "; 001_fd9a28d61a246780.txt:229"
                                  : SRC_MODEL("politics-peace"));
            tell_prisoners(w);
            settlement(w);
        }
    }
}

/* Replay: the record's figures of the war (record.yaml `losses`): the
 * casualties and prisoners of the Soviet-Japanese war of August 1945 and
 * its days, as the record gives them. The record holds one general war
 * between the two; a loss it lacks stays at zero. */
static double record_loss(const hk_scenario *s, const char *id)
{
    for (int i = 0; i < s->n_losses; i++)
        if (!strcmp(s->losses[i].id, id))
            return s->losses[i].value;
    return 0;
}

static void record_war(hk_world *w)
{
    const hk_scenario *s = w->s;
    double pris = record_loss(s, "war_1945_japanese_prisoners");
    w->war_losses[HK_SIDE_SOV] = record_loss(s, "war_1945_soviet_casualties");
    w->war_losses[HK_SIDE_JPN] = record_loss(s, "war_1945_japanese_killed") + pris;
    w->camp.prisoners[HK_SIDE_JPN] = pris;
    w->camp.days = (int)record_loss(s, "war_1945_days");
}

/* Replay: the record's war and peace. */
static void apply_pins(hk_world *w)
{
    const hk_scenario *s = w->s;
    for (int i = 0; i < w->n_pins; i++) {
        const hk_fact *f = &s->facts[w->pins[i]];
        if (f->pin == HK_PIN_WAR) {
            int sa = f->n_actors > 0 ? hk_world_side(w, f->actors[0]) : -1;
            int sb = f->n_actors > 1 ? hk_world_side(w, f->actors[1]) : -1;
            if (sa >= 0 && sb >= 0 && sa != sb && !w->war) {
                w->war = true;
                w->war_in_month = true;
                w->war_opener = sa;
                w->war_on = w->month;
                if (sa == HK_SIDE_SOV && hk_flag(w, HK_EFFECT_JPN_US_WAR)) {
                    w->soviet_entry = true;
                    w->soviet_entry_on = w->month;
                }
                hk_campaign_begin(w);
                record_war(w);
            }
        } else if (f->pin == HK_PIN_PEACE) {
            w->war = false;
            w->japan_surrendered = true;
        }
    }
}

void hk_war_step(hk_world *w)
{
    if (w->s->jpn < 0)
        return;
    w->camp.surrender_day = 0;
    if (w->mode == HK_MODE_REPLAY) {
        apply_pins(w);
        return;
    }
    hk_lazy_stream r = hk_world_lazy_stream(w, HK_STREAM_WAR);
    cabinet_war(w, &r);
    tell_pacific_route(w);
    war_end(w, &r);
}

/* After the month's fighting: a surrender decided this month takes effect. */
void hk_war_close_month(hk_world *w)
{
    const hk_scenario *s = w->s;
    if (w->war && first_war(w))
        w->war_months_total += 1;
    if (w->mode == HK_MODE_REPLAY && w->war_in_month && !w->war) {
        /* the record's war ended this month: its totals, with the ground
         * the record shows changing hands in it */
        if (w->war_on == w->month)
            w->war_months_total += 1;
        for (int side = 0; side < 2; side++) {
            w->regions_taken[side] += hk_campaign_taken(w, side, NULL);
            w->war_cas_total[side] += w->war_losses[side];
            w->war_pris_total[side] += w->camp.prisoners[side];
        }
        w->war_days_total += w->camp.days;
        return;
    }
    if (w->war && w->camp.surrender_day > 0) {
        w->today = w->camp.surrender_day; /* the surrender and what follows it carry its day */
        w->japan_surrendered = true;
        hk_campaign_surrender(w);
        char reason[HK_TEXT_LEN], when[96] = "";
        hk_date gone = hopes_gone_on(w), today = {.year = (int16_t)hk_month_year(w->month),
                                                  .month = (int8_t)hk_month_mon(w->month),
                                                  .day = (int8_t)w->camp.surrender_day};
        int after = 0;
        for (hk_date d = gone; hk_date_cmp(d, today) < 0 && after < 62; after++)
            d = date_add_days(d, 1);
        bool atomic = hk_flag(w, HK_EFFECT_ATOMIC), entry = w->war_opener == HK_SIDE_SOV;
        if (after > 0)
            snprintf(when, sizeof when, "%d day%s after %s, ", after, after == 1 ? "" : "s",
                     entry && hk_date_cmp(gone, outside_on(w, HK_EFFECT_ATOMIC)) > 0 ? "the Soviet entry"
                     : atomic                                                       ? "the atomic bombing"
                                                                                    : "its last hope went");
        /* the war ends in law with the signing of the surrender,
         * war.instrument_days after its acceptance (15 August to 2 September
         * 1945, 001:287) */
        static const char *const mon[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
        hk_date signs = date_add_days(today, (int)P(w, WAR_INSTRUMENT_DAYS));
        snprintf(reason, sizeof reason,
                 "%s%s, Japan accepts the Allied ultimatum: %s; its armies are ordered to lay down their arms, an "
                 "order that reaches the fronts %d day%s later, and the instrument of surrender is signed on %d %s %d.",
                 when, after > 0 ? "with no hope left of better terms" : "With no hope left of better terms",
                 atomic && entry ? "the atomic bombing has ended the hope of a decisive battle and the Soviet entry "
                                   "that of Soviet mediation"
                 : entry         ? "the Soviet entry has ended the hope of Soviet mediation and the war in Manchuria "
                                   "that of a decisive battle"
                                 : "the atomic bombing has ended the hope of a decisive battle",
                 (int)P(w, WAR_CEASEFIRE_DAYS), (int)P(w, WAR_CEASEFIRE_DAYS) == 1 ? "" : "s", signs.day, mon[(signs.month + 11) % 12],
                 signs.year);
        (void)s;
        hk_war_end(w, "surrender", reason, SRC_MODEL("politics-peace"));
        /* the war ends in law with the signing of the surrender,
         * war.instrument_days after its acceptance (15 August to 2 September
         * 1945): the fronts stop war.ceasefire_days after the acceptance, and
         * the occupation of the surrender zone fills the days between (the
         * Kurils were taken from 18 August to 4 September, 001:285) */
        int day = w->camp.surrender_day, fought = day + (int)P(w, WAR_CEASEFIRE_DAYS);
        int signed_on = day + (int)P(w, WAR_INSTRUMENT_DAYS);
        if (fought > 30)
            fought = 30;
        if (signed_on > fought && first_war(w))
            w->war_days_total += signed_on - fought;
        w->today = 0;
    }
}
