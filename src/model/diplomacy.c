/* diplomacy.c — treaties as bargains.
 *
 * A treaty is concluded when every modelled party expects to gain from it
 * (a secure flank before a war elsewhere, less threat, recognition), no
 * binding clause of another treaty bars it, and a negotiation succeeds
 * (a monthly chance). It is kept while it binds, denounced by a party that
 * no longer gains (only with the notice its clause requires), broken by war,
 * and ends when it expires after notice. docs/model.md#diplomacy. */
#include "model/diplomacy.h"

#include "model/assess.h"
#include "model/control.h"
#include "model/politics.h"
#include "world/actors.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/system.h"

/* A sentence that opens with an actor's name in lower case ("the Far
 * Eastern Republic") begins with a capital. */
static void capitalise(char *text)
{
    if (text[0] >= 'a' && text[0] <= 'z')
        text[0] = (char)(text[0] - 'a' + 'A');
}

/* A no-political-treaty clause with an outside co-party lapses once that
 * co-party has itself made peace by treaty with the barred party (Japan held
 * the German–Soviet pact to void the Anti-Comintern bar, 001:151). */
static bool clause_lapsed(const hk_world *w, const hk_treaty *y, const hk_clause *c)
{
    if (c->type != HK_CLAUSE_NO_POLITICAL_TREATY)
        return false;
    for (int i = 0; i < y->n_parties; i++) {
        int a = y->parties[i];
        if (a >= 0 && w->s->actors[a].role == HK_ROLE_OUTSIDE && hk_flag(w, HK_EFFECT_GER_SOV_PACT))
            return true;
    }
    return false;
}

bool hk_diplomacy_barred(const hk_world *w, int t, int *by)
{
    const hk_scenario *s = w->s;
    const hk_treaty *x = &s->treaties[t];
    /* only the binding treaties with a clause that bars this one (compiled.c) */
    for (uint32_t m = w->c->may_bar[t] & w->treaty_binding; m; m &= m - 1) {
        int y = __builtin_ctz(m);
        const hk_treaty *ty = &s->treaties[y];
        for (int i = 0; i < ty->n_clauses; i++) {
            const hk_clause *c = &ty->clauses[i];
            if (hk_clause_bars(c, x) && !clause_lapsed(w, ty, c)) {
                if (by)
                    *by = y;
                return true;
            }
        }
    }
    return false;
}

/* Japanese men near the sectors whose Soviet side is Mongolia. */
static double mongolian_threat(const hk_world *w)
{
    double j = 0, t = 0;
    int n = 0;
    for (uint32_t m = w->c->mgl_sectors; m; m &= m - 1) { /* in index order (compiled.c) */
        int i = __builtin_ctz(m);
        j += w->sector_forces[i][HK_SIDE_JPN].men;
        t += w->tension[i];
        n++;
    }
    if (n == 0) /* no Mongolian sector: a share of the whole Japanese army */
        return P(w, DIPLO_MGL_THREAT_SHARE) * w->jpn_men / P(w, DIPLO_MGL_THREAT_MEN);
    /* and the clashes on that border over about the last year: the
     * pressure of 1935 (the Khalkhyn temple, the failed Manchuli talks)
     * turned Moscow's oral promise into the protocol (001:81) */
    double clashes = P(w, DIPLO_MGL_THREAT_INCIDENTS) > 0 ? w->mgl_pressure / P(w, DIPLO_MGL_THREAT_INCIDENTS) : 0;
    return j / P(w, DIPLO_MGL_THREAT_MEN) + P(w, DIPLO_MGL_THREAT_TENSION) * (t / n - 1.0) + clashes;
}

/* An army's men as the gains weigh them: at least 1,000 (read only by the
 * calculi that weigh the two armies, not worked out for every treaty). */
static inline double army(double men) { return men > 1000 ? men : 1000; }

/* What the Army thinks of its chances in a war on the USSR, 0..1: the
 * Japanese over the Soviet men on the border against the ratio it demands
 * before such a war, which a lost major battle raises (assess.c). An Army
 * with that ratio in hand holds the north winnable; one at half of it, half
 * so. Before Khalkhin Gol the Kwantung Army's command held to the northern
 * war it could not win (000:31); after it the Army knew it needed far more
 * (002:24). */
static double north_faith(const hk_world *w)
{
    /* at war with the United States the Army's reserves go south: it has
     * no northern option left for the pact to foreclose (001:175) */
    if (hk_flag(w, HK_EFFECT_JPN_US_WAR))
        return 0;
    double need = hk_assess_north_need_free(w);
    return need > 0 ? hk_clamp(1.0 / (hk_politics_border_ratio(w) * need), 0, 1) : 0;
}

double hk_diplomacy_gain(const hk_world *w, int t, int actor)
{
    const hk_scenario *s = w->s;
    const hk_treaty_roles *r = &w->c->roles;
    if (actor < 0)
        return 0;
    if (s->actors[actor].role == HK_ROLE_OUTSIDE)
        /* an outside power's acceptance: Germany would not bind itself
         * against the USSR while at peace with it by treaty */
        return hk_flag(w, HK_EFFECT_GER_SOV_PACT) ? -1.0 : 1.0;
    bool war = w->war;
    if (t == r->jpn_sov_neutrality) {
        /* no pact before relations exist (a normalisation treaty in force) */
        if (war || w->japan_surrendered ||
            (r->jpn_sov_normalization >= 0 && !hk_treaty_binds(w, r->jpn_sov_normalization)))
            return -1;
        if (actor == s->jpn)
            /* Japan: the double shock of 1939 — the defeat in the border
             * war and the German-Soviet pact, which removed the hope of a
             * common front against the USSR (001:151) — a northern flank
             * to keep quiet once it has decided to go south (001:175,
             * 002:7) and, once in the Axis, a fourth partner or at least a
             * quiet USSR behind the alliance (002:18, 001:163). An Army
             * that has not been beaten in the north, and a cabinet that has
             * not chosen the south, see no need to bind themselves. */
            return -w->doctrine - P(w, DIPLO_PACT_JPN_HAWKS) * hk_assess_north_hawks(w) +
                   P(w, DIPLO_PACT_JPN_GER_SOV) * hk_flag(w, HK_EFFECT_GER_SOV_PACT) +
                   P(w, DIPLO_PACT_JPN_LESSON) * (w->north_lesson > 0) +
                   P(w, DIPLO_PACT_JPN_SOUTH) * w->committed_south +
                   P(w, DIPLO_PACT_JPN_AXIS) * hk_flag(w, HK_EFFECT_AXIS_ALLIANCE) +
                   /* at war with the United States a quiet north keeps Japan
                    * from a war on two fronts (001:175, 001:211) */
                   P(w, DIPLO_PACT_JPN_US_WAR) * hk_flag(w, HK_EFFECT_JPN_US_WAR) -
                   P(w, DIPLO_PACT_JPN_NORTH) * (w->doctrine > P(w, DOCTRINE_STRIKE_NORTH)) - P(w, DIPLO_PACT_JPN_BASE) -
                   /* what the pact costs: the northern option it forecloses,
                    * worth what the Army thinks of its chances there. The
                    * pact needed the Army's assent, and an Army that still
                    * held the north winnable would not tie its hands there
                    * (tobe_nonaggression; 001:151) */
                   P(w, DIPLO_PACT_JPN_OPTION) * north_faith(w);
        if (actor == s->sov) {
            /* the USSR: a quiet east is worth a treaty once a war in the
             * west looks near. War in Europe alone, with the German pact
             * holding, did not make it so, nor did Germany's victory in
             * the west (Moscow turned Tokyo's offer of July 1940 down);
             * Berlin's silence on Moscow's terms for joining the Axis did
             * (November 1940: the German threat), and once Japan was in the
             * Axis, with Moscow still at peace with Berlin by treaty, a
             * treaty with Japan could pass for goodwill toward Germany
             * (002:7, 002:14-18, 001:165). A Japanese army strong against
             * the Soviet one adds a little: it was the German danger, not
             * the border, that decided Moscow (002:7). */
            bool west_war = hk_flag(w, HK_EFFECT_GER_SOV_WAR) && !hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
            return -P(w, DIPLO_PACT_SOV_BASE) + P(w, DIPLO_PACT_SOV_EUROPE) * hk_flag(w, HK_EFFECT_EUROPE_WAR) +
                   P(w, DIPLO_PACT_SOV_WEST) * (hk_flag(w, HK_EFFECT_GERMAN_THREAT) || west_war) +
                   P(w, DIPLO_PACT_SOV_AXIS) * (hk_flag(w, HK_EFFECT_AXIS_ALLIANCE) && hk_flag(w, HK_EFFECT_GER_SOV_PACT)) +
                   P(w, DIPLO_PACT_SOV_WAR) * west_war + P(w, DIPLO_PACT_SOV_RATIO) * hk_clamp(army(w->jpn_men) / army(w->sov_men), 0, 2) -
                   P(w, DIPLO_PACT_SOV_PLEDGE) * hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) -
                   P(w, DIPLO_PACT_SOV_GER_DEFEATED) * hk_flag(w, HK_EFFECT_GERMANY_DEFEATED);
        }
    }
    if (t == r->jpn_sov_normalization) {
        if (war)
            return -1;
        if (actor == s->jpn)
            /* recognition once the expedition is over, or Soviet power in
             * the east is established without one */
            return (w->withdrawn || (!w->intervention && hk_assess_soviet_established(w)))
                       ? P(w, DIPLO_NORM_JPN) - hk_assess_north_hawks(w)
                       : -1.0;
        return P(w, DIPLO_NORM_SOV);
    }
    if (t == r->sov_mgl_assistance) {
        /* the USSR's own treaty with China recognised Chinese sovereignty
         * over Outer Mongolia (1924, article 5): an alliance with Mongolia
         * breaks with it, and Moscow pays that price only once the threat
         * on Mongolia's border is pressing (001:81) */
        bool sovereignty = actor == s->sov && r->sov_chn_normalization >= 0 &&
                           hk_treaty_binds(w, r->sov_chn_normalization);
        return P(w, DIPLO_MGL_THREAT) * hk_clamp(mongolian_threat(w), 0, 2) +
               P(w, DIPLO_MGL_MANCHURIA) * w->manchuria_seized - P(w, DIPLO_MGL_BASE) -
               P(w, DIPLO_MGL_SOVEREIGNTY) * sovereignty;
    }
    if (t == r->sov_chn_nonaggression) {
        /* no pact before relations exist (a normalisation treaty binds) */
        if (r->sov_chn_normalization >= 0 && !hk_treaty_binds(w, r->sov_chn_normalization))
            return -1;
        return w->china_war ? P(w, DIPLO_CHN_PACT_WAR) : -P(w, DIPLO_CHN_PACT_PEACE);
    }
    if (t == r->sov_chn_normalization) {
        /* recognition and the railway settled between the two, once Soviet
         * power in the east is established and no foreign expedition holds
         * Siberia: then there is a government to recognise (004:105) */
        bool settled = (w->withdrawn || !w->intervention) && hk_assess_soviet_established(w);
        if (!settled || war)
            return -1;
        /* China recognises less readily once Japan holds Manchuria and the
         * railway is no longer China's to share */
        return actor == s->sov ? P(w, DIPLO_CHN_NORM)
                               : P(w, DIPLO_CHN_NORM) - P(w, DIPLO_CHN_NORM_MANCHURIA) * w->manchuria_seized;
    }
    if (t == r->jpn_outside_consult) {
        /* a common front against the USSR matters once Japan has a long
         * land border with it (Manchuria held) */
        if (actor == s->jpn)
            return w->manchuria_seized ? P(w, DIPLO_CONSULT_HAWKS) * hk_assess_north_hawks(w) +
                                             P(w, DIPLO_CONSULT_RATIO) * hk_clamp(log(army(w->sov_men) / army(w->jpn_men)), -1, 1) -
                                             P(w, DIPLO_CONSULT_BASE) -
                                             P(w, DIPLO_CONSULT_GER_SOV) * hk_flag(w, HK_EFFECT_GER_SOV_PACT)
                                       : -1.0;
        return P(w, DIPLO_CONSULT_OTHER);
    }
    if (t == r->jpn_sov_concessions) {
        /* the concessions Japan holds on Soviet soil (northern Sakhalin's
         * oil and coal, 1925): Moscow wants them back, and asked for them as
         * the price of the Neutrality Pact; Japan gives them up only when
         * keeping the USSR neutral is worth more than their oil: after the
         * German attack Tokyo would not open the talks Matsuoka had promised,
         * and offered them in the autumn of 1943, its war with the United
         * States going against it (frus1944v4_d771). The need grows with the
         * months of that war; a Japan at peace with the United States keeps
         * the oil. */
        if (war || w->japan_surrendered)
            return -1;
        /* a USSR pledged to the Allies to enter the war takes the island
         * with the war: it pays nothing for what it means to take
         * (001:183) */
        if (actor == s->sov)
            return hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) ? -1.0 : P(w, DIPLO_CONC_SOV);
        if (actor != s->jpn)
            return -1;
        double months = hk_flag(w, HK_EFFECT_JPN_US_WAR) ? (double)(w->month - w->flag_since[HK_EFFECT_JPN_US_WAR]) : 0;
        double span = P(w, DIPLO_CONC_JPN_WAR_MONTHS);
        return P(w, DIPLO_CONC_JPN_NEED) * hk_clamp(span > 0 ? months / span : 1.0, 0, 2) - P(w, DIPLO_CONC_JPN_OIL);
    }
    return -1; /* a treaty the model has no calculus for: only replay concludes it */
}

/* A bar holds a party back only from a treaty there is to make: one the
 * scenario holds, not yet concluded, of the kind it bars. The
 * Anti-Comintern Pact barred a Soviet-Japanese non-aggression pact, and the
 * pact of 1941 was one of neutrality: once it stood, the bar kept Japan
 * from nothing (001:119, 001:129). */
static bool bars_open_treaty(const hk_world *w, int t, const hk_clause *c)
{
    for (int y = 0; y < w->s->n_treaties; y++)
        if (y != t && w->treaty[y].status == HK_TREATY_NONE && hk_clause_bars(c, &w->s->treaties[y]))
            return true;
    return false;
}

/* True when treaty t holds `actor` back from something: a war (neutrality,
 * non-aggression), a war for another (mutual assistance), or a treaty it
 * may not make (a bar naming it that has not lapsed). Consultation,
 * recognition and spheres bind it to nothing it would do otherwise. A
 * party gives notice only on a treaty that holds it back: leaving one that
 * costs nothing would only offend the partner (Japan kept the Anti-Comintern
 * Pact after the German-Soviet pact voided its bar, and renewed it in 1941;
 * docs/model.md#diplomacy). */
/* The USSR is preparing its offensive in the east (the motive and
 * Germany's defeat that start the transfer, movement.c): docs/model.md#politics-entry. */
static bool preparing_war(const hk_world *w, int actor)
{
    return actor == w->s->sov && hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) &&
           hk_assess_entry_motive(w) >= P(w, SOVIET_PREPARE_MOTIVE);
}

/* Whether `actor` has a war in view against the other parties of treaty
 * t, the war a promise of neutrality or non-aggression keeps it from. Japan
 * has one against the USSR when the cabinet would strike north were the
 * pact out of the way (hk_politics_north_case_free: doctrine past the
 * strike-north threshold and the force ratio the Army demands without the
 * cost of breaking a pact); doctrine alone, with an army too weak to
 * attack, gives no war to clear the way for, and a notice then would only
 * free the USSR; the USSR against Japan
 * once it has pledged its entry to the Allies (Yalta, 001:183) or prepares
 * the offensive. A Japan gone south has none: the pact kept its north
 * quiet while it fought elsewhere (001:175), and leaving it would only
 * have freed the USSR. Between other parties the model plans no war, and
 * the promise is taken to bind. */
static bool war_in_view(const hk_world *w, const hk_treaty *x, int actor)
{
    const hk_scenario *s = w->s;
    bool jpn_sov = hk_treaty_has_party(x, s->jpn) && hk_treaty_has_party(x, s->sov);
    if (!jpn_sov)
        return true;
    if (actor == s->jpn)
        return hk_politics_north_case_free(w);
    if (actor == s->sov)
        return hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) || preparing_war(w, actor);
    return true;
}

/* Whether `actor` would leave treaty t: it loses by it (gain below
 * -treaty.min_gain) and the treaty holds it back. */
static bool would_leave(const hk_world *w, int t, int actor)
{
    /* a treaty that could never hold it back (compiled.c) it keeps, whatever it gains */
    return actor >= 0 && actor < 32 && ((w->c->may_restrain[t] >> actor) & 1u) &&
           hk_diplomacy_gain(w, t, actor) < -P(w, TREATY_MIN_GAIN) && hk_diplomacy_restrains(w, t, actor);
}

bool hk_diplomacy_restrains(const hk_world *w, int t, int actor)
{
    const hk_treaty *x = &w->s->treaties[t];
    /* a normalisation treaty's neutrality was a reading of it in Tokyo, not
     * an obligation (004:133): what it carries is diplomatic relations, and
     * no cabinet broke them by notice */
    bool normalization = false;
    for (int i = 0; i < x->n_clauses; i++)
        normalization |= x->clauses[i].type == HK_CLAUSE_NORMALIZATION;
    for (int i = 0; i < x->n_clauses; i++) {
        const hk_clause *c = &x->clauses[i];
        switch (c->type) {
        case HK_CLAUSE_NEUTRALITY:
            if (!normalization && war_in_view(w, x, actor))
                return true;
            break;
        case HK_CLAUSE_NON_AGGRESSION:
            if (war_in_view(w, x, actor))
                return true;
            break;
        case HK_CLAUSE_MUTUAL_ASSISTANCE:
            return true;
        case HK_CLAUSE_NO_POLITICAL_TREATY:
        case HK_CLAUSE_SECRET_PROTOCOL:
            if ((c->bars_parties[0] == actor || c->bars_parties[1] == actor) && !clause_lapsed(w, x, c) &&
                bars_open_treaty(w, t, c))
                return true;
            break;
        default: break;
        }
    }
    return false;
}

bool hk_diplomacy_may_denounce(const hk_world *w, int t)
{
    const hk_treaty *x = &w->s->treaties[t];
    const hk_treaty_state *st = &w->treaty[t];
    if (st->status != HK_TREATY_IN_FORCE)
        return false;
    if (x->notice_months <= 0 || st->expires == HK_MONTH_NONE)
        return true;
    return st->expires - w->month >= x->notice_months;
}

/* The month a notice given now ends the treaty: the end of the current
 * term when notice_months remain of it, otherwise the end of the next one
 * (a notice too late for this term is a refusal to prolong it again: the
 * Neutrality Pact's article 3 renewed it unless denounced a year before
 * expiry, 001:167). */
static hk_month notice_ends(const hk_world *w, int t)
{
    const hk_treaty *x = &w->s->treaties[t];
    const hk_treaty_state *st = &w->treaty[t];
    if (st->expires == HK_MONTH_NONE || x->notice_months <= 0 || hk_diplomacy_may_denounce(w, t))
        return st->expires;
    return st->expires + (x->duration_months > 0 ? x->duration_months : 12);
}

/* The last month in which notice still ends the treaty at the close of the
 * current term. */
static bool notice_due(const hk_world *w, int t)
{
    const hk_treaty *x = &w->s->treaties[t];
    const hk_treaty_state *st = &w->treaty[t];
    return x->notice_months > 0 && st->expires != HK_MONTH_NONE && st->expires - w->month == x->notice_months;
}

/* A treaty with a term and a notice clause whose notice is not yet due
 * (and not yet too late for this term): notice given now or in the month it
 * falls due ends it at the same term's end. */
static bool waits_for_notice(const hk_world *w, int t)
{
    const hk_treaty *x = &w->s->treaties[t];
    const hk_treaty_state *st = &w->treaty[t];
    return x->notice_months > 0 && st->expires != HK_MONTH_NONE && st->expires - w->month > x->notice_months;
}

/* The actor as it was named this month ("Soviet Russia" in 1920). */
static const char *actor_name(const hk_world *w, int a)
{
    return hk_actor_name_at(w, a, w->month);
}

static void sign(hk_world *w, int t, hk_date date, const char *text, const char *source)
{
    const hk_treaty *x = &w->s->treaties[t];
    hk_treaty_state *st = &w->treaty[t];
    hk_treaty_set_status(w, t, HK_TREATY_IN_FORCE);
    st->signed_on = hk_date_month(date);
    st->denounced_on = HK_MONTH_NONE;
    st->expires = x->duration_months > 0 ? st->signed_on + x->duration_months : HK_MONTH_NONE;
    st->talks = 0;
    st->pressure = 0;
    /* the withdrawal clause of the normalisation treaty falls due its
     * months after the signing (hk_diplomacy_evacuation_due) */
    if (t == w->c->roles.jpn_sov_normalization) {
        int months = 0;
        for (int i = 0; i < x->n_clauses; i++)
            if (x->clauses[i].type == HK_CLAUSE_WITHDRAWAL)
                months = x->clauses[i].months;
        w->evacuation_due = st->signed_on + months;
    }
    hk_world_emit(w, date, "treaty_signed", x->id, x->parties, x->n_parties, text, source);
}

hk_month hk_diplomacy_evacuation_due(const hk_world *w)
{
    int t = w->c->roles.jpn_sov_normalization;
    if (t < 0 || w->evacuation_due == HK_MONTH_NONE || !hk_treaty_binds(w, t))
        return HK_MONTH_NONE;
    return w->evacuation_due;
}

/* The ground Japan took in reprisal (northern Sakhalin, 1920) goes back under
 * the normalisation treaty's withdrawal clause (control.c hands it over in
 * the month it falls due): the signing says what Japan undertook, and the
 * evacuation is told when the clause's months have run (the convention of
 * 20 January 1925, the island evacuated by 15 May; 004:131). */
static void evacuate_reprisal(hk_world *w, bool signing)
{
    const hk_scenario *s = w->s;
    int r = hk_control_reprisal_ground(w);
    hk_month due = hk_diplomacy_evacuation_due(w);
    if (w->reprisal_on == HK_MONTH_NONE || r < 0 || due == HK_MONTH_NONE || w->war_months_total > 0)
        return;
    if (signing && due > w->month) {
        if (w->control[r] != s->jpn)
            return;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "Under the treaty Japan is to take its troops out of %s, held since the reprisal, within %d "
                     "month%s, and receives oil and coal concessions there.",
                     s->regions[r].name, due - w->month, due - w->month == 1 ? "" : "s");
        hk_world_emit2(w, "fact", "reprisal_evacuation_agreed", s->jpn, s->sov, w->scratch,
                       "004_091d0e3404114efd.txt:131");
        return;
    }
    if (w->month != due)
        return;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "The last Japanese troops leave %s, held since the reprisal, as the treaty requires; the oil and "
                 "coal concessions there stay Japanese.",
                 s->regions[r].name);
    hk_world_emit2(w, "fact", "reprisal_evacuation", s->jpn, s->sov, w->scratch, "004_091d0e3404114efd.txt:131");
}

static void denounce(hk_world *w, int t, hk_date date, const char *text, const char *source)
{
    const hk_treaty *x = &w->s->treaties[t];
    hk_treaty_state *st = &w->treaty[t];
    st->expires = notice_ends(w, t);
    st->denounced_on = hk_date_month(date);
    if (st->expires == HK_MONTH_NONE || x->notice_months <= 0) {
        /* no fixed term: notice ends it after the notice period, or at once */
        st->expires = st->denounced_on + (x->notice_months > 0 ? x->notice_months : 0);
    }
    hk_treaty_set_status(w, t, st->expires > st->denounced_on ? HK_TREATY_DENOUNCED : HK_TREATY_ENDED);
    hk_world_emit(w, date, "treaty_denounced", x->id, x->parties, x->n_parties, text, source);
}

static void end_treaty(hk_world *w, int t, hk_date date, bool broken, const char *text, const char *source)
{
    const hk_treaty *x = &w->s->treaties[t];
    hk_treaty_set_status(w, t, HK_TREATY_ENDED);
    w->treaty[t].broken = broken;
    hk_world_emit(w, date, "treaty_ended", x->id, x->parties, x->n_parties, text, source);
}

static void replay_treaties(hk_world *w)
{
    const hk_scenario *s = w->s;
    for (int t = 0; t < s->n_treaties; t++) {
        const hk_treaty *x = &s->treaties[t];
        hk_treaty_state *st = &w->treaty[t];
        if (w->setup->treaty_forbidden[t])
            continue;
        if (st->status == HK_TREATY_NONE && hk_date_is_set(x->signed_on) && hk_date_month(x->signed_on) == w->month) {
            sign(w, t, x->signed_on, x->name ? x->name : x->id, x->source.text);
            if (hk_date_is_set(x->in_force) && hk_date_month(x->in_force) > w->month && x->duration_months > 0)
                st->expires = hk_date_month(x->in_force) + x->duration_months;
        }
        if (st->status == HK_TREATY_IN_FORCE && hk_date_is_set(x->denounced) &&
            hk_date_month(x->denounced) == w->month) {
            hk_world_emit(w, x->denounced, "treaty_denounced", x->id, x->parties, x->n_parties,
                          x->name ? x->name : x->id, x->source.text);
            hk_treaty_set_status(w, t, HK_TREATY_DENOUNCED);
            st->denounced_on = w->month;
        }
        if (hk_treaty_binds(w, t) && hk_date_is_set(x->ended) && hk_date_month(x->ended) == w->month)
            end_treaty(w, t, x->ended, false, x->name ? x->name : x->id, x->source.text);
    }
}

/* A party whose regime gives way this month to another (a new form of the
 * actor): the new form takes the treaty over, and the history says whom it
 * now binds, or lets it lapse, as the scenario's forms say (the Nationalist
 * government held to the Peking agreement's railway terms, fought over in
 * 1929; 001:37). Returns whether the treaty has ended. */
static bool successor(hk_world *w, int t)
{
    const hk_scenario *s = w->s;
    const hk_treaty *x = &s->treaties[t];
    bool ended = false;
    for (int p = 0; p < x->n_parties && !ended; p++) {
        int a = x->parties[p];
        if (a < 0 || a >= s->n_actors)
            continue;
        const hk_actor *ac = &s->actors[a];
        for (int f = 1; f < ac->n_forms; f++) {
            if (w->c->form_from[a][f] != w->month)
                continue;
            const char *was = ac->forms[f - 1].name ? ac->forms[f - 1].name : ac->forms[f - 1].id;
            const char *now = ac->forms[f].name ? ac->forms[f].name : ac->forms[f].id;
            if (ac->forms[f].drops_treaties) {
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "The %s lapses: %s, which signed it, has given way to %s, which does not take it over.",
                             x->name ? x->name : x->id, was, now);
                end_treaty(w, t, hk_world_date(w), false, w->scratch, ac->forms[f].source.text);
                ended = true;
            } else {
                if (hk_world_logging(w))
                    snprintf(w->scratch, sizeof w->scratch,
                             "%s takes over the treaties of %s: the %s now binds it.", now, was,
                             x->name ? x->name : x->id);
                capitalise(w->scratch);
                hk_world_emit(w, hk_world_date(w), "fact", "treaty_succession", x->parties, x->n_parties, w->scratch,
                              ac->forms[f].source.text);
            }
            break;
        }
    }
    return ended;
}

/* Whether some actor's regime gives way to another this month (a form of
 * it begins): only then can a treaty pass to a successor. */
static bool regime_changes(const hk_world *w)
{
    /* none between the month the actors step last worked out the forms and
     * the next month a form begins (actors.c) */
    if (w->month > w->forms_since && w->month < w->forms_until)
        return false;
    /* the months a form begins, in date order (compiled.c) */
    for (int i = 0; i < w->c->n_regime_months && w->c->regime_months[i] <= w->month; i++)
        if (w->c->regime_months[i] == w->month)
            return true;
    return false;
}

/* Expiry, renewal, and breach by war (both modes keep terms; replay's
 * record ends treaties on its own dates, so only simulate checks breach). */
static void keep_terms(hk_world *w)
{
    const hk_scenario *s = w->s;
    const bool regimes = regime_changes(w);
    /* the treaties that bind as the month's terms are kept, in index order
     * (a treaty ending here leaves the others' bits as they were) */
    for (uint32_t m = w->treaty_binding; m; m &= m - 1) {
        int t = __builtin_ctz(m);
        const hk_treaty *x = &s->treaties[t];
        hk_treaty_state *st = &w->treaty[t];
        /* (a transfer made on signing, the concessions handed over, is
         * not undone by a war or a surrender: nothing of it is left to keep) */
        if (t == w->c->roles.jpn_sov_concessions)
            continue;
        if ((w->war || w->war_in_month) && hk_treaty_has_party(x, s->jpn) && hk_treaty_has_party(x, s->sov)) {
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch, "General war between Japan and the USSR breaks the %s.",
                         x->name ? x->name : x->id);
            end_treaty(w, t, hk_world_date(w), true, w->scratch, SRC_MODEL("diplomacy-breach"));
            continue;
        }
        int gone = -1;
        if (w->c->treaty_parties[t] & w->defeated) /* a party has surrendered (the parties' mask, compiled.c) */
            for (int p = 0; p < x->n_parties; p++)
                if (x->parties[p] >= 0 && x->parties[p] < 32 && (w->defeated >> x->parties[p] & 1u))
                    gone = x->parties[p];
        if (gone >= 0) {
            /* a party that has surrendered can no longer keep its promises */
            if (hk_world_logging(w))
                snprintf(w->scratch, sizeof w->scratch, "The %s lapses: %s, a party to it, has surrendered.",
                         x->name ? x->name : x->id, actor_name(w, gone));
            end_treaty(w, t, hk_world_date(w), false, w->scratch, SRC_MODEL("diplomacy-breach"));
            continue;
        }
        if (regimes && successor(w, t))
            continue;
        if (st->expires == HK_MONTH_NONE || w->month < st->expires)
            continue;
        if (st->status == HK_TREATY_IN_FORCE && (x->notice_months > 0 || w->mode == HK_MODE_REPLAY)) {
            /* no notice given: renewed (replay: the record ends treaties on its own dates) */
            st->expires += x->duration_months > 0 ? x->duration_months : 12; /* renewed: no notice given */
            continue;
        }
        if (w->mode == HK_MODE_REPLAY && hk_date_is_set(x->ended))
            continue; /* the record says when */
        if (w->mode == HK_MODE_SIMULATE && st->status == HK_TREATY_IN_FORCE && x->duration_months > 0) {
            /* a fixed term without notice: renewed unless a party would
             * leave it, by the rule of notice: it loses by it and the treaty
             * holds it back (Japan and Germany renewed the Anti-Comintern
             * Pact in November 1941 though its bar had lapsed) */
            bool all = true;
            for (int p = 0; p < x->n_parties; p++) {
                int a = x->parties[p];
                all &= !would_leave(w, t, a);
            }
            if (all) {
                st->expires += x->duration_months;
                continue;
            }
        }
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch, "The %s expires%s.", x->name ? x->name : x->id,
                     st->status == HK_TREATY_DENOUNCED ? " after the notice given" : "");
        end_treaty(w, t, hk_world_date(w), false, w->scratch, SRC_MODEL("diplomacy-expiry"));
    }
}

/* A short name for the text: "Japan", "the USSR". */
static const char *party_name(const hk_world *w, int a)
{
    if (a < 0)
        return "?";
    if (a == w->s->jpn)
        return "Japan";
    if (a == w->s->sov)
        return actor_name(w, a);
    if (a == w->s->mgl)
        return "Mongolia";
    if (a == w->s->chn)
        return actor_name(w, a); /* the Beijing government, then the Nationalist government */
    return actor_name(w, a);
}

/* What the gains of a treaty's role are made of, in words. */
static const char *gain_reasons(const hk_world *w, int t)
{
    const hk_treaty_roles *r = &w->c->roles;
    if (t == r->jpn_sov_neutrality) {
        if (hk_flag(w, HK_EFFECT_GER_SOV_WAR))
            return "a quiet flank while each looks elsewhere, the USSR fighting the German invasion in the west, "
                   "less threat on the border";
        return hk_flag(w, HK_EFFECT_EUROPE_WAR) ? "a quiet flank while each looks elsewhere, less threat on the "
                                                 "border, with war in Europe"
                                               : "a quiet flank while each looks elsewhere, less threat on the border";
    }
    if (t == r->jpn_sov_normalization || t == r->sov_chn_normalization)
        return "recognition, trade and a settled frontier";
    if (t == r->sov_mgl_assistance)
        return w->mgl_pressure >= 0.5 * P(w, DIPLO_MGL_THREAT_INCIDENTS)
                   ? "help against the Japanese forces near Mongolia and the clashes on its border"
                   : "help against the Japanese forces near Mongolia";
    if (t == r->sov_chn_nonaggression)
        return "help for China at war with Japan, a front that ties Japan down";
    if (t == r->jpn_outside_consult)
        return "a common front against the USSR";
    if (t == r->jpn_sov_concessions)
        return "for Japan, at war with the United States, the USSR kept neutral; for the USSR, the oil and coal of "
               "its own soil";
    return "the treaty's terms";
}

/* Talks whose end follows from the state (treaties.yaml `price`): each
 * treaty has terms to settle, their weight on the gain scale (`price`, from
 * the record's talks), and they are settled at the pace of the party that
 * has to be brought to them. The talks open once the parties seek the
 * treaty and none would lose by it. Each month of talks the party that
 * sets the pace gives ground in proportion to what it forgoes without the
 * treaty (its gain above treaty.min_gain); once that, summed over the
 * months of talks, has reached the weight of the terms, the terms are
 * settled and the treaty signed, provided every party still gains. A party
 * that needs the treaty more settles sooner: the date follows from its
 * gains, not from a wait of set length and a monthly chance. The month's
 * ground varies with the course of the talks (0.5 to 1.5 times the forgone
 * gain, the treaty's draw of the month). A party that would lose by the treaty breaks
 * the talks off and they start again; one that merely no longer gains
 * holds them where they are.
 *
 * Which party sets the pace: the one that asks a price, when one does
 * (`price_by`: Moscow asked Japan to give up its oil and coal concessions
 * in northern Sakhalin, 001:163, 001:165, which the Japanese public would
 * not stand for; Moscow waited for Japan to pay, in the belief that its
 * troubles would make it, frus1940v1_d728, frus1941v4_d727, and dropped
 * the demand on Matsuoka's promise to settle later, the German danger
 * grown, frus1941v4_d770, frus1944v4_d771); otherwise the party that gains
 * least, the one the others must bring round (Tokyo, in no hurry while it
 * held northern Sakhalin, over the Basic Convention, 004:111), unless the
 * scenario names the party whose consent set the pace (`pace_by`: Berlin's
 * formal proposal for the Anti-Comintern Pact came only once Hitler had
 * approved it, in June 1936, oshima_interrogation). */
/* The month's diplomatic draws: one per treaty, in treaty order, from the
 * month's own stream (treaty t's is the stream's (t+1)-th draw). A draw is
 * made only once a treaty asks for its own, so a month in which no treaty
 * needs chance seeds no stream, and the draws a treaty gets are the same
 * whether or not the treaties before it used theirs. */
typedef struct {
    const hk_world *w;
    hk_rng r;
    int drawn; /* draws made this month; -1 before the stream is seeded */
    double u;  /* the last of them: treaty drawn-1's */
} month_draws;

static double draw_for(month_draws *d, int t)
{
    if (d->drawn < 0) {
        d->r = hk_world_stream(d->w, HK_STREAM_DIPLOMACY);
        d->drawn = 0;
    }
    /* the draws of the treaties before t, not read, only move the stream on */
    while (d->drawn < t) {
        (void)hk_rng_next(&d->r);
        d->drawn++;
    }
    if (d->drawn == t) {
        d->u = hk_rng_uniform(&d->r);
        d->drawn++;
    }
    return d->u;
}

/* How a signing came about, for its text: talks that ran their course
 * (or a forced or proposed signing), a price one party dropped, or terms
 * settled at the pace of the party that gains least. */
enum { SIGNED_PLAIN, SIGNED_PRICE_DROPPED, SIGNED_TERMS_SETTLED };

/* The signing's text into w->scratch: who signs what, after how many months
 * of talks and why ("Japan and the USSR sign the X after 6 months of talks
 * ...: each expects to gain (Japan +0.39, the USSR +0.60 on the model's gain
 * scale: what moves it) and no treaty in force bars it."), with a protest
 * when a pact against the USSR is signed while a border war with it goes on.
 * One text for every way a treaty is concluded in simulate. */
/* What the talks were over: the treaty's price text, or its other text
 * where the history lacks what the price was (no northern Sakhalin held). */
static const char *price_text(const hk_world *w, const hk_treaty *x)
{
    if (x->price_text_when >= 0 && !hk_precondition_holds(w, (hk_precondition)x->price_text_when))
        return x->price_text_else;
    return x->price_text ? x->price_text : "its terms";
}

static void signing_text(hk_world *w, int t, const double *gains, int held, int how, int pace_party)
{
    if (!hk_world_logging(w))
        return;
    const hk_scenario *s = w->s;
    const hk_treaty *x = &s->treaties[t];
    size_t cap = sizeof w->scratch;
    int n = 0;
    for (int p = 0; p < x->n_parties && n < (int)cap - 400; p++)
        n += snprintf(w->scratch + n, cap - (size_t)n, "%s%s",
                      p == 0 ? "" : p == x->n_parties - 1 ? " and " : ", ", party_name(w, x->parties[p]));
    if (how == SIGNED_PRICE_DROPPED)
        n += snprintf(w->scratch + n, cap - (size_t)n,
                      " sign the %s after %d month%s of talks held up by %s's price, %s: %s drops the demand and "
                      "takes a promise to settle it later. Each expects to gain (",
                      x->name ? x->name : x->id, held, held == 1 ? "" : "s", party_name(w, x->price_by),
                      price_text(w, x), party_name(w, x->price_by));
    else if (how == SIGNED_TERMS_SETTLED)
        n += snprintf(w->scratch + n, cap - (size_t)n,
                      " sign the %s after %d month%s of talks over %s, settled at the pace of %s%s. Each "
                      "expects to gain (",
                      x->name ? x->name : x->id, held, held == 1 ? "" : "s",
                      price_text(w, x), party_name(w, pace_party),
                      x->price_by >= 0 ? "" : ", which gains least");
    else {
        n += snprintf(w->scratch + n, cap - (size_t)n, " sign the %s", x->name ? x->name : x->id);
        if (held > 0)
            n += snprintf(w->scratch + n, cap - (size_t)n, " after %d month%s of talks", held, held == 1 ? "" : "s");
        n += snprintf(w->scratch + n, cap - (size_t)n, ": each expects to gain (");
    }
    for (int p = 0; p < x->n_parties && n < (int)cap - 200; p++)
        n += snprintf(w->scratch + n, cap - (size_t)n, "%s%s %+.2f", p ? ", " : "", party_name(w, x->parties[p]),
                      gains[p]);
    if (n < (int)cap - 1) {
        if (how == SIGNED_PLAIN)
            n += snprintf(w->scratch + n, cap - (size_t)n,
                          " on the model's gain scale, where %.2f is needed: %s) and no treaty in force bars it.",
                          P(w, TREATY_MIN_GAIN), gain_reasons(w, t));
        else
            n += snprintf(w->scratch + n, cap - (size_t)n,
                          " on the model's gain scale: %s) and no treaty in force bars it.", gain_reasons(w, t));
    }
    /* a pact against the USSR signed while a border war with it goes on
     * does not pass unremarked */
    const hk_border_campaign *bc = &w->border_campaign;
    if (t == w->c->roles.jpn_outside_consult && bc->active && bc->sector >= 0 && n > 0 && n < (int)cap - 1)
        snprintf(w->scratch + n, cap - (size_t)n,
                 " It is signed while the fighting on the %s goes on, and %s protests that it is aimed at itself.",
                 s->sectors[bc->sector].name ? s->sectors[bc->sector].name : s->sectors[bc->sector].id,
                 party_name(w, s->sov));
    capitalise(w->scratch); /* "The USSR and Mongolia sign ..." */
}

/* A treaty concluded in simulate: signed, and the ground a normalisation
 * treaty trades back put on its way. */
static void conclude(hk_world *w, int t, const char *source)
{
    sign(w, t, hk_world_date(w), w->scratch, source);
    if (t == w->c->roles.jpn_sov_normalization)
        evacuate_reprisal(w, true);
}

/* A treaty between the Japanese side and the Soviet side. */
static bool opposed_parties(const hk_world *w, const hk_treaty *x)
{
    bool j = false, v = false;
    for (int p = 0; p < x->n_parties; p++) {
        int side = hk_world_side(w, x->parties[p]);
        j |= side == HK_SIDE_JPN;
        v |= side == HK_SIDE_SOV;
    }
    return j && v;
}

static void bargain(hk_world *w, int t, month_draws *d)
{
    const hk_scenario *s = w->s;
    const hk_treaty *x = &s->treaties[t];
    hk_treaty_state *st = &w->treaty[t];
    double min_gain = P(w, TREATY_MIN_GAIN);
    double gains[HK_MAX_PARTIES], pace = 1e9; /* each party's set before it is read */
    int pace_party = -1;
    bool any = false, off = false, all = true;
    for (int p = 0; p < x->n_parties; p++) {
        gains[p] = hk_diplomacy_gain(w, t, x->parties[p]);
        any |= gains[p] > min_gain;
        all &= gains[p] > min_gain;
        off |= gains[p] < -min_gain;
        if (x->price_by >= 0 ? x->parties[p] == x->price_by : gains[p] < pace) {
            pace = gains[p];
            pace_party = x->parties[p];
        }
        /* with no talks under way, a party that would lose by the treaty
         * settles it: the others' gains would only tell whether to break
         * off talks that are not held */
        if (off && st->talks == 0)
            return;
        /* terms to settle open no talks until every party gains: the
         * others' gains would not change that */
        if (!x->price_asked && st->talks == 0 && !all)
            return;
    }
    if (off) {
        st->talks = 0;
        st->pressure = 0;
        return;
    }
    /* a price asked opens the talks once one party seeks the treaty (the
     * other answers with its terms); terms to settle, once all do */
    if ((x->price_asked ? !any : !all) && st->talks == 0)
        return;
    /* no terms are settled between the two sides while their troops fight
     * a border battle: the talks stand where they are until it ends (the
     * talks toward the Neutrality Pact began after the ceasefire on the
     * Khalkha; 001:151) */
    if (w->border_campaign.active && opposed_parties(w, x))
        return;
    if (st->talks < INT16_MAX)
        st->talks++;
    if (pace > min_gain)
        st->pressure += (float)((pace - min_gain) * (1.0 - P(w, TREATY_TALKS_SPREAD) +
                                                     2.0 * P(w, TREATY_TALKS_SPREAD) * draw_for(d, t)));
    if (st->pressure < x->price || !all)
        return;
    /* (a treaty without a price is signed the month its talks open: no
     * talks to tell of) */
    signing_text(w, t, gains, x->price > 0 ? st->talks : 0,
                 x->price <= 0                         ? SIGNED_PLAIN
                 : x->price_by >= 0 && x->price_asked ? SIGNED_PRICE_DROPPED
                                                      : SIGNED_TERMS_SETTLED,
                 pace_party);
    conclude(w, t, SRC_MODEL("diplomacy-bargain"));
}

static void simulate_treaties(hk_world *w)
{
    const hk_scenario *s = w->s;
    month_draws d = {.w = w, .drawn = -1};
    double min_gain = P(w, TREATY_MIN_GAIN);
    for (int t = 0; t < s->n_treaties; t++) {
        const hk_treaty *x = &s->treaties[t];
        hk_treaty_state *st = &w->treaty[t];
        /* one draw per treaty per month (draw_for), made when it is used */
        if (st->status == HK_TREATY_NONE) {
            /* no party signs outside its span, nor before the treaty's
             * preconditions hold (treaties.yaml `requires`) */
            if (w->setup->treaty_forbidden[t] || !hk_treaty_preconditions(w, t, NULL, 0) ||
                hk_diplomacy_barred(w, t, NULL)) {
                st->talks = 0;
                st->pressure = 0;
                continue;
            }
            /* --decide ACTOR.sign.TREATY: the partners' consent taken as given */
            bool forced = hk_world_forced(w, HK_DECIDE_SIGN, -1, t);
            bool player_proposes = w->orders_given && w->orders.propose_treaty == t && hk_treaty_has_party(x, w->player);
            /* every treaty is bargained over (bargain: its talks run until
             * the pressure to settle reaches its price; a treaty without a
             * price is signed the first month every party gains); only a
             * forced signing or a player's proposal goes without talks */
            if (!forced && !player_proposes) {
                bargain(w, t, &d);
                continue;
            }
            bool all = true;
            double gains[HK_MAX_PARTIES] = {0};
            for (int p = 0; p < x->n_parties; p++) {
                int a = x->parties[p];
                if (forced) {
                    gains[p] = 1.0;
                } else if (a == w->player && w->orders_given) {
                    gains[p] = w->orders.propose_treaty == t ? 1.0 : -1.0;
                } else {
                    gains[p] = hk_diplomacy_gain(w, t, a);
                }
                all &= gains[p] > min_gain;
                /* a party that sees no gain holds the talks where they are;
                 * with none under way the others' gains would only tell
                 * whether to break off talks that are not held */
                if (!all && st->talks == 0)
                    break;
            }
            if (!all) {
                /* a party that no longer gains stalls the talks; one that
                 * would lose by the treaty breaks them off */
                bool off = false;
                for (int p = 0; p < x->n_parties; p++)
                    off |= gains[p] < -min_gain;
                if (off)
                    st->talks = 0;
                continue;
            }
            /* forced or proposed by a player: the consent is taken as given,
             * and the signing comes with no talks */
            int held = st->talks;
            signing_text(w, t, gains, held, SIGNED_PLAIN, -1);
            conclude(w, t, SRC_MODEL("diplomacy-signing"));
        } else if (st->status == HK_TREATY_IN_FORCE && !w->war) {
            /* (in general war a treaty between the belligerents is broken, not denounced) */
            /* a treaty that could never hold a party back (compiled.c) is
             * given up only on a --decide or a player's order: with neither
             * this month, no party is asked */
            if (w->c->may_restrain[t] == 0 && w->setup->n_decide == 0 &&
                !(w->orders_given && w->orders.denounce_treaty == t))
                continue;
            /* the month's chance and the notice falling due are the treaty's, not a party's */
            /* (a treaty whose notice is not yet due needs no draw: the
             * month's chance could not make notice timely; treaty t's draw
             * is its own, so skipping it moves no other treaty's) */
            const bool timely = (!waits_for_notice(w, t) && draw_for(&d, t) < P(w, TREATY_DENOUNCE_RATE)) || notice_due(w, t);
            for (int p = 0; p < x->n_parties; p++) {
                int a = x->parties[p];
                bool wants;
                if (hk_world_forced(w, HK_DECIDE_DENOUNCE, a, t))
                    wants = true; /* --decide ACTOR.denounce.TREATY */
                else if (a == w->player && w->orders_given)
                    wants = w->orders.denounce_treaty == t;
                else if (a >= 0 && s->actors[a].role == HK_ROLE_MODELLED)
                    /* a power preparing the war a treaty forbids clears it
                     * out of the way first: the USSR denounced the pact
                     * before its offensive, not with it (001:215, 001:281) */
                    /* nor does a party that wants out let the last month for
                     * notice pass and the treaty renew itself for a whole
                     * new term (001:167) */
                    /* and a party that wants out of a treaty with a term and
                     * a notice clause, with no war of its own to clear the
                     * way for, gives its notice when it falls due: the
                     * treaty ends at the term's end either way, and an early
                     * notice only warns the other side (the Soviet notice of
                     * 5 April 1945 came days before the Neutrality Pact's
                     * deadline; 001:167, 001:215) */
                    /* (a party the treaty could never hold back keeps it: would_leave's first test, asked first) */
                    wants = a < 32 && ((w->c->may_restrain[t] >> a) & 1u) && (timely || preparing_war(w, a)) &&
                            would_leave(w, t, a);
                else
                    wants = false;
                if (!wants)
                    continue;
                if (hk_world_logging(w)) {
                    hk_month ends = notice_ends(w, t) != HK_MONTH_NONE ? notice_ends(w, t)
                                                                        : w->month + x->notice_months;
                    bool late = !hk_diplomacy_may_denounce(w, t) && st->expires != HK_MONTH_NONE;
                    int n = snprintf(w->scratch, sizeof w->scratch,
                                     "%s no longer gains from the %s (%+.2f%s%s) and gives notice: ",
                                     actor_name(w, a), x->name ? x->name : x->id, hk_diplomacy_gain(w, t, a),
                                     hk_flag(w, HK_EFFECT_ALLIED_PLEDGE) ? "; pledged to the Allies" : "",
                                     hk_flag(w, HK_EFFECT_GERMANY_DEFEATED) ? "; Germany defeated" : "");
                    if (late)
                        snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                                 "the notice comes too late to stop it renewing itself in %d-%02d (it was due by "
                                 "%d-%02d), so it will not be prolonged again and runs to %d-%02d.",
                                 hk_month_year(st->expires), hk_month_mon(st->expires),
                                 hk_month_year(st->expires - x->notice_months),
                                 hk_month_mon(st->expires - x->notice_months), hk_month_year(ends),
                                 hk_month_mon(ends));
                    else
                        snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                                 "it will not be prolonged and ends in %d-%02d, %d months from now.",
                                 hk_month_year(ends), hk_month_mon(ends), ends - w->month);
                }
                denounce(w, t, hk_world_date(w), w->scratch, SRC_MODEL("diplomacy-denunciation"));
                break;
            }
        }
    }
}

/* Last month's incidents on the sectors facing Mongolia join the pressure
 * on its border (read before the incidents system redraws them). */
static void mongolian_pressure(hk_world *w)
{
    double n = 0;
    for (uint32_t m = w->s->mgl >= 0 ? w->c->mgl_sectors : 0; m; m &= m - 1) /* in index order (compiled.c) */
        n += w->sector_incidents[__builtin_ctz(m)];
    w->mgl_pressure = w->mgl_pressure * (11.0 / 12.0) + n;
}

/* A border war has its diplomatic echo: the month after its opening battle
 * the government whose side was attacked protests to the other, which
 * answers that the ground is its own (Moscow's protests over Changkufeng in
 * July 1938 and over the Khalkha in May 1939 each met the answer that the
 * hill or the river bank was Manchukuo's; coox1977, coox1985). */
static void border_protest(hk_world *w)
{
    const hk_scenario *s = w->s;
    const hk_border_campaign *c = &w->border_campaign;
    if (!c->active || w->war || c->began == HK_MONTH_NONE || w->month != c->began + 1 || c->sector < 0 ||
        c->sector >= s->n_sectors)
        return;
    const hk_sector *sec = &s->sectors[c->sector];
    /* the side that moved first is the one protested at: a Soviet move
     * onto ground Japan holds is Tokyo's grievance even though the Korea
     * Army's answer is the first attack (Shigemitsu demanded the Soviet
     * withdrawal from the Changkufeng crest in July 1938 before the 19th
     * Division attacked, coox1977); otherwise the side that opened more of
     * the fighting */
    bool soviet_moved = c->opened_by == HK_SIDE_SOV;
    bool japan_opened = !soviet_moved && c->attacks[HK_SIDE_JPN] >= c->attacks[HK_SIDE_SOV];
    int client = sec->side[1], jside = sec->side[0];
    /* a Mongolian border with no Soviet pledge behind it: Ulaanbaatar
     * protests alone; with one, Moscow speaks for it */
    bool pledged = client == s->mgl && w->c->roles.sov_mgl_assistance >= 0 &&
                   hk_treaty_binds(w, w->c->roles.sov_mgl_assistance);
    int sov_voice = client == s->mgl && !pledged ? s->mgl : s->sov;
    const char *sov_name = party_name(w, sov_voice);
    const char *claim = jside == s->man && hk_actor_exists(w, s->man, w->month) ? party_name(w, s->man) : "Japan";
    if (!hk_world_logging(w))
        ;
    else if (japan_opened)
        snprintf(w->scratch, sizeof w->scratch,
                 "%s protests to Tokyo against the Japanese attack on the %s and demands that the Japanese side "
                 "go back behind the frontier; Tokyo answers that the ground is %s's and that the fighting was "
                 "begun by the other side.",
                 sov_name, sec->name ? sec->name : sec->id, claim);
    else
        snprintf(w->scratch, sizeof w->scratch,
                 "Tokyo protests to %s against the %s on the %s and holds the ground %s's; %s answers that "
                 "its troops stand on its own side of the frontier.",
                 sov_name, soviet_moved ? "move onto the disputed ground" : "attack", sec->name ? sec->name : sec->id,
                 claim, sov_name);
    if (hk_world_logging(w))
        capitalise(w->scratch);
    hk_world_emit2(w, "fact", "border_protest", japan_opened ? sov_voice : s->jpn, japan_opened ? s->jpn : sov_voice,
                   w->scratch, SRC_MODEL("diplomacy-protest"));
}

void hk_diplomacy_step(hk_world *w)
{
    mongolian_pressure(w);
    if (w->mode == HK_MODE_SIMULATE)
        border_protest(w);
    if (w->mode == HK_MODE_REPLAY) {
        replay_treaties(w);
    } else {
        /* an evacuation agreed in an earlier month, done in this one */
        if (w->month == w->evacuation_due && w->reprisal_on != HK_MONTH_NONE)
            evacuate_reprisal(w, false);
        simulate_treaties(w);
    }
    keep_terms(w);
}
