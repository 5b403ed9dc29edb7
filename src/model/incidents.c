/* incidents.c — border incidents as a Poisson process per sector.
 *
 *   rate_s = base × (length_s / 1000 km) × T_s^a × g(ρ_s / ρ_ref) × (1 + k·A·(1 − r·W)) × (1 − H)
 *   ρ_s    = sqrt(J_s · S_s) / length_s        (men per km of border)
 *   g(c)   = 2 c^b / (1 + c^b)
 *
 * T_s is the sector's tension, ρ_s the forces in contact per km of the
 * sector's border (geometric mean of the two sides' men near it), A the
 * Kwantung Army's autonomy, W 1 while Japan is at war with China. Incidents
 * happen where patrols meet along the line: the same army spread along the
 * Amur's 1,860 km meets the other side less often than on the Khalkha's
 * 470 km, so the forces count by their density. g is 1 at ρ_ref and
 * saturates at 2: once a border is held densely, more men behind it add few
 * patrols on it. During the war in China Tokyo holds the field officers back
 * on the Soviet border (r, china_restraint); when that war opens, Tokyo
 * orders the armies facing the USSR to keep the border quiet, an order that
 * holds back a share H of the incidents at first and wears off (china_hold).
 * Tension relaxes toward a political baseline and is raised by battles and,
 * with diminishing effect, by incidents (ln(1 + incidents per 1000 km)): on a
 * border that sees a clash every few days the next one is routine. An
 * incident grows into a battle with a chance that rises with autonomy and the
 * local force ratio the field officers perceive.
 * Replay draws no incidents in years the record counts: it shares the
 * recorded count over the months and sectors. docs/model.md#incidents. */
#include "model/incidents.h"

#include "model/assess.h"
#include "model/battles.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/system.h"
#include "world/actors.h"

/* The Kwantung Army's push on the Soviet border: its autonomy, less the
 * share Tokyo holds back while the Army is committed in China (000:35). */
static double kwantung_push(const hk_world *w)
{
    return w->autonomy * (1.0 - P(w, INCIDENT_CHINA_RESTRAINT) * w->china_war);
}

/* Whether the USSR still co-runs the Chinese Eastern Railway across a
 * Manchuria Japan holds: it has a share in the line (the Peking agreement
 * that set the joint management was signed, 004:105), Japan has seized
 * Manchuria, and the share is not yet sold. */
static bool railway_co_run(const hk_world *w)
{
    int t = w->c->roles.sov_chn_normalization;
    return w->manchuria_seized && !w->railway_sold && t >= 0 && w->treaty[t].signed_on != HK_MONTH_NONE;
}

/* The incidents the posts on a new line add. While the USSR co-ran the
 * railway across northern Manchuria, its quarrel with the Kwantung Army was
 * fought over the railway, its rolling stock taken into Siberia, its Soviet
 * managers, the frontier station at Manchuli closed over them
 * (frus1933v03_d304). Once the share is sold (railway_step) the guards that
 * took the line over take up posts on the border with it, on a line whose
 * stretches between the rivers were never marked on the ground, and each
 * new post contests where the other side's stands (on the Khalkha, the
 * river against a line 13 km east of it, 001:133; Japanese crossings into
 * Mongolia eight times from January 1935 to March 1936,
 * imtfe_mpr_incursions) until the two settle where each will stand: the
 * record's incidents rose from about 50 a year in 1932-1934 to 176 in
 * 1935, the year of the sale, and fell to 113 in 1937 (001:49). The added
 * share incident.posting fades by a factor e every incident.posting_settle
 * months. Korea's border (the Tumen mouth) never had the railway. */
static double posting_share(const hk_world *w) { return 1.0 + w->posting_extra; }

/* The share of its men on Manchukuo's borders the Kwantung Army has away in
 * China. When the war there opens the Army sends a force of its own into it
 * (the Chahar Expeditionary Force under its chief of staff, three brigades,
 * August to October 1937 on the Kalgan front, chahar_oob) and takes it back
 * when that campaign is over: for those months fewer of its men stand on
 * the border and meet the other side's patrols (the density ρ in g). The
 * men stay on the Army's strength, as the December counts keep them. */
static double china_draw_share(const hk_world *w)
{
    if (w->china_draw_left <= 0)
        return 0.0; /* most months: nothing away */
    return w->china_draw_left <= (int)P(w, INCIDENT_CHINA_DRAW_MONTHS) ? P(w, INCIDENT_CHINA_DRAW) : 0.0;
}

/* Tokyo's order at the opening of a war with China. While the Army goes
 * into China the General Staff wants no trouble with the USSR, and it tells
 * the armies facing it to hold to non-expansion and not to cross even where
 * the other side has crossed (nomonhan_natsu): the posts answer fewer
 * provocations and start none of their own, so a share of the border's
 * incidents, those the Japanese side would have started or answered, does
 * not happen. The order holds at first and wears off as the field posts go
 * back to their own practice and the Kwantung Army's own rules for the
 * border (nomonhan_natsu; the Korea Army's answer at Changkufeng within a
 * year, and the Kwantung Army's principles of April 1939 against the
 * order). Moscow's own caution in the same months (the island of Kanchazu
 * given up after the clash of June 1937, kanchazu1937) is not in it: the
 * USSR's purge is no state of the model. It holds on every sector facing
 * the USSR, Korea's as well as Manchukuo's: the order went to both
 * armies. It is armed once, with the China war's draw. */
static void china_hold_open(hk_world *w)
{
    /* the order binds the officers while the war in China lasts, until
     * the Kwantung Army puts its own rules in its place (principles_step);
     * simulate's: replay's battles are the record's */
    w->border_order = w->mode == HK_MODE_SIMULATE && !w->war;
    w->china_hold = hk_clamp(P(w, INCIDENT_CHINA_HOLD), 0.0, 1.0);
    w->china_hold_decay = exp(-1.0 / hk_fmax(P(w, INCIDENT_CHINA_HOLD_MONTHS), 1.0));
    if (w->war) /* already at war with the USSR: no quiet border to keep */
        w->china_hold = 0.0;
    /* replay keeps the record's counts (shared over the sectors by their
     * rates, which one factor on all leaves alone) and its own facts: the
     * order is simulate's account of the record's quiet 1937 */
    if (w->mode != HK_MODE_SIMULATE)
        w->china_hold = 0.0;
    if (!(w->china_hold > 0))
        return;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "With the Army going into China, Tokyo orders its armies facing the USSR to keep the border quiet: "
                 "their posts are to start nothing and not to cross even where the other side has crossed. At first the "
                 "order holds back about %.0f%% of the border's incidents; it wears off as the posts go back to their "
                 "own practice.",
                 100.0 * w->china_hold);
    hk_world_emit2(w, "fact", "quiet_border_order", w->s->jpn, w->s->sov, hk_world_logging(w) ? w->scratch : NULL,
                   hk_world_logging(w) ? "nomonhan_natsu; marco_polo_bridge" : NULL);
}

/* The force gathers in the month the war opens (a month from the clash to
 * the Chahar front, chahar_oob) and is away the months that follow; it is
 * sent once, into the war's opening campaign. */
static void china_draw_step(hk_world *w)
{
    /* the order wears off a month at a time; worn to a thousandth, it is
     * gone */
    w->china_hold *= w->china_hold_decay;
    if (w->china_hold < 1e-3)
        w->china_hold = 0.0;
    /* the order was Tokyo's for the war in China: with that war over, or
     * a war with the USSR begun, it no longer binds */
    if (w->border_order && (!w->china_war || w->war))
        w->border_order = false;
    if (w->china_war && !w->china_draw_sent) {
        w->china_draw_sent = true;
        w->china_draw_left = (int)P(w, INCIDENT_CHINA_DRAW_MONTHS) + 1;
        china_hold_open(w);
    }
}

/* The Kwantung Army's own principles for border disputes. Under Tokyo's
 * order (border_order) its officers were to start nothing and not to
 * answer a crossing across the line. When the Soviet side moved onto
 * ground the Japanese side held and was fought back there only locally,
 * under that order (Changkufeng, July-August 1938: the Korea Army's one
 * division against the border guards on the crest, the heights given up at
 * the ceasefire, coox1977), the Kwantung Army drew up its own rules over
 * the winter: where the line is unclear its commanders fix it themselves,
 * and a crossing is driven back by force, across the line if need be
 * (issued in April 1939 against the General Staff's order, nomonhan_natsu).
 * From then the order no longer holds its officers back, and the next
 * season's clash on the Khalkha can grow as Nomonhan did in May 1939. The
 * rules come out of the campaigning season after that battle, on the eve
 * of the next, with no border campaign under way, as the record's did. */
static void principles_step(hk_world *w)
{
    /* the principles go with the command that issued them: a major battle
     * lost since (Nomonhan) brings a new commander and staff, who are to
     * keep the border quiet (Ueda and his staff relieved in September
     * 1939, coox1985; the Army then worked to settle with the USSR and the
     * border stayed quiet, 001:151) */
    if (w->border_rules && w->north_lesson > w->rules_lesson) {
        w->border_rules = false;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "With the major battle lost, the Kwantung Army's commander and the staff officers who wrote its "
                     "principles for border disputes are relieved; the new command withdraws the principles and is "
                     "to keep the border quiet.");
        hk_world_emit2(w, "fact", "border_principles_withdrawn", w->s->jpn, w->s->sov,
                       hk_world_logging(w) ? w->scratch : NULL, hk_world_logging(w) ? "coox1985; 001_fd9a28d61a246780.txt:151" : NULL);
    }
    /* ... and they do not outlast Tokyo's turn to settling with the USSR:
     * once Germany and the USSR are bound by a pact or Europe is at war,
     * quiet in the east is worth more to Tokyo, which reins in the
     * Kwantung Army (the Hiranuma cabinet fell over the pact; its
     * successors and the Army Ministry worked to adjust relations with
     * the USSR, and the border stayed quiet, 001:147, 001:151). Not in the
     * middle of a campaign: its own ceasefire comes first. Tokyo's order
     * binds the officers again while the war in China lasts. */
    else if (w->border_rules && hk_assess_europe_presses(w) && !w->border_campaign.active) {
        w->border_rules = false;
        w->border_order = w->china_war && !w->war && w->mode == HK_MODE_SIMULATE;
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "With %s, Tokyo turns to settling with the USSR: the Kwantung Army's principles for border "
                     "disputes are withdrawn, and its officers are again to keep the border quiet.",
                     hk_flag(w, HK_EFFECT_GER_SOV_WAR) ? "Germany at war with the USSR"
                     : hk_flag(w, HK_EFFECT_GER_SOV_PACT) && hk_flag(w, HK_EFFECT_EUROPE_WAR)
                         ? "Germany and the USSR bound by a pact and Europe at war"
                     : hk_flag(w, HK_EFFECT_GER_SOV_PACT) ? "Germany and the USSR bound by a pact"
                                                          : "Europe at war");
        hk_world_emit2(w, "fact", "border_principles_withdrawn", w->s->jpn, w->s->sov,
                       hk_world_logging(w) ? w->scratch : NULL, hk_world_logging(w) ? "001_fd9a28d61a246780.txt:147; 001_fd9a28d61a246780.txt:151" : NULL);
    }
    if (!w->border_order) {
        w->rules_watch = 0;
        w->rules_due = false;
        return;
    }
    if (hk_battles_in_season(w, 0))
        w->order_season_months++;
    /* the season in which Moscow first read the order as restraint is over
     * and the order was not tested in it (soviet_reads_restraint) */
    else if (w->order_season_months > w->season_count)
        w->order_read_lapsed = true;
    if (w->rules_watch > 0) { /* a Soviet move queued last month: was it fought? */
        int sec = w->rules_watch - 1;
        if (w->tally.border_battles[sec] > w->rules_count)
            w->rules_due = true;
        w->rules_watch = 0;
    }
    /* ... and only while Tokyo is not itself pressing for quiet on account
     * of Europe: with Germany and the USSR bound by a pact or Europe at war
     * Tokyo reins its officers in (001:147, 001:151), and the Army's own
     * rules against its order no longer come (the record's came in April
     * 1939, before the pact) */
    /* drawn up over the winter, they go out on the eve of the season they
     * are for: the month before it (the record's on 25 April 1939, for the
     * season of 1939, coox1985) */
    bool eve = (w->season_mons >> (hk_month_mon(w->month) % 12)) & 1u;
    if (!w->rules_due || hk_battles_in_season(w, 0) || !eve || w->border_campaign.active ||
        hk_assess_europe_presses(w))
        return;
    w->rules_due = false;
    w->border_order = false;
    w->border_rules = true;
    w->rules_lesson = w->north_lesson;
    w->china_hold = 0.0;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "After the Soviet side's move onto disputed ground was fought back only locally under Tokyo's order "
                 "for a quiet border, the Kwantung Army issues its own principles for border disputes: where the line "
                 "is unclear its commanders are to fix it themselves and to drive back any crossing by force, across "
                 "the line if need be. Tokyo's order no longer holds its officers back.");
    hk_world_emit2(w, "fact", "border_principles", w->s->jpn, w->s->sov, hk_world_logging(w) ? w->scratch : NULL,
                   hk_world_logging(w) ? "nomonhan_natsu; coox1977" : NULL);
}

/* A claim fought out. Moscow's move onto the ground it claims tested
 * whether the other side would fight for it; once the move has been
 * fought, the test is over whichever way the battle went: at Changkufeng
 * the ceasefire of 11 August 1938 left the Soviet troops on the crest,
 * a mixed commission was to mark the line, and the claim was not pressed
 * again, on the Tumen or elsewhere, before 1945 (coox1977; the record's
 * Soviet moves, Kanchazu in June 1937 and Changkufeng in July 1938, each
 * on its own ground and once, 001:49). A move that nobody answered
 * (nobody of the holder within reach) has tested nothing. */
static void claim_step(hk_world *w)
{
    if (w->claim_watch <= 0)
        return;
    int sec = w->claim_watch - 1;
    if (sec < HK_MAX_SECTORS && w->tally.border_battles[sec] > w->claim_count)
        w->claim_pressed |= (uint8_t)(1u << sec);
    w->claim_watch = 0;
}

/* Whether Moscow reads the Japanese side as unwilling to answer a move
 * onto disputed ground beyond the ground itself: Tokyo's order for a quiet
 * border binds its officers while its army is at war in China. The Soviet
 * border guards went up the Changkufeng crest in July 1938 a year into
 * that war, with the Far Eastern army short of the superiority Moscow
 * planned its offensives for, and the Korea Army's answer stayed local
 * (coox1977); a year earlier, before the war in China, Moscow had pulled
 * its men off Kanchazu once the Japanese guns answered (kanchazu1937).
 * Not while its share of the Chinese Eastern Railway is hostage
 * (hk_battles_soviet_presses). */
static bool soviet_reads_restraint(const hk_world *w)
{
    /* Moscow reads the order from what it sees: a whole campaigning
     * season's months of it holding (the season of 1937 after the order,
     * the spring of 1938) before it tests it; and not once quiet in the
     * east is worth more to it for Europe's sake (Germany and the USSR
     * bound by a pact or Europe at war, 001:147); and in the season it
     * first reads it, not after: the test was a decision for that season
     * (the border guards went up the crest in July 1938, in the first
     * season after a season of the order, coox1977), and an order left
     * untested through that season is no longer news of the other side's
     * weakness (order_read_lapsed, principles_step) */
    return w->border_order && w->order_season_months > w->season_count && !w->order_read_lapsed &&
           !railway_co_run(w) && !hk_assess_europe_presses(w);
}

/* The month's chance of Moscow's move on the restraint road. The test is a
 * decision for the season in which Moscow reads the order (one move in a
 * season, incident.soviet_move a month over the season's months): spread
 * over the months left in that season, so that the decision's whole
 * chance is not lost to the months of the season that had gone before the
 * reading began (the record's move came in the first season after a
 * season of the order, in July 1938, coox1977): incident.soviet_move times
 * the season's months over the months left in it, this one included. The
 * local balance and Moscow's resolve scale it as before. */
static double soviet_move_chance(const hk_world *w)
{
    int season = w->season_count, left = 0;
    for (int k = 0, m = hk_month_mon(w->month) - 1; k < 12 && ((w->season_mons >> ((m + k) % 12)) & 1u); k++)
        left++;
    return P(w, INCIDENT_SOVIET_MOVE) * (double)season / (double)(left > 0 ? left : season);
}

/* The railway's sale: the USSR, co-running a line that runs through ground
 * the Kwantung Army holds and cannot be defended, sells its share once the
 * talks have run incident.railway_talks months from the seizure (offered in
 * 1933 with the frontier at Manchuli closed over the rolling stock,
 * frus1933v03_d304; sold to Manchukuo on 23 March 1935, frus1935v03_d92). */
static void railway_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    /* the posts settle (posting_share); settled to a thousandth, they are
     * the line's posts like any other */
    w->posting_extra *= w->posting_decay;
    if (w->posting_extra < 1e-3)
        w->posting_extra = 0.0;
    if (!railway_co_run(w) || w->war)
        return;
    /* months since the seizure, the month of the seizure itself the 0th */
    if (w->railway_months++ < hk_round_int(P(w, INCIDENT_RAILWAY_TALKS)))
        return;
    w->railway_sold = true;
    w->posting_extra = P(w, INCIDENT_POSTING);
    w->posting_decay = exp(-1.0 / hk_fmax(P(w, INCIDENT_POSTING_SETTLE), 1.0));
    bool mx = hk_actor_exists(w, s->man, w->month);
    const char *man = mx ? hk_actor_name_at(w, s->man, w->month) : NULL;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "The USSR sells its share of the Chinese Eastern Railway to %s after %d months of co-running it "
                 "across ground the Kwantung Army holds: its railwaymen go home, Japanese guards take over the line to "
                 "Manchuli and Pogranichnaya, and the quarrel of the two sides moves from the railway to the border.",
                 man ? man : "Manchukuo", w->railway_months - 1);
    hk_world_emit2(w, "fact", "railway_sale", s->sov, mx ? s->man : s->jpn, hk_world_logging(w) ? w->scratch : NULL,
                   hk_world_logging(w) ? "frus1935v03_d92; frus1933v03_d304" : NULL);
}

/* An ally standing alone. Before a treaty bound the USSR to the Khalkha
 * (the protocol of March 1936, 001:81, 001:83) the Mongolian army met the
 * Kwantung Army's detachments with what stood at the spot: a frontier post
 * and the troops nearest it, not its cavalry divisions, which Ulaanbaatar
 * did not send against an army it could not fight alone. At Tauran in
 * March 1936, 128 Mongolian soldiers with six Soviet advisers against some
 * 400 Japanese and Manchukuoan with armoured cars, 58 killed or missing
 * (wiki_tauran_incident; coox1985); at Bulan Ders in February a frontier
 * guard outnumbered over five to one by a detachment of 500, one killed and
 * seven wounded (frus1936v04_d49): the clashes of 1935-1936 cost tens, not
 * hundreds (001:49 counts them among the year's incidents). */
double hk_incidents_frontier_guard(const hk_world *w, int sec, bool soviet_bound)
{
    const hk_scenario *s = w->s;
    if (soviet_bound || sec < 0 || sec >= s->n_sectors || s->sectors[sec].side[1] == s->sov)
        return HUGE_VAL;
    double men = P(w, INCIDENT_FRONTIER_GUARD);
    return men > 0 ? men : 0.0;
}

/* The rate of sector sec. With memo (the month's step, month_rates) the
 * run's constants come from it (run_ready) and the density factor g is
 * kept for the contact it was worked out at: the pools often stand still
 * from one month to the next, and with them the men in contact. Without
 * (hk_incidents_rate) the same arithmetic reads the parameters. Inlined
 * into both callers, so each keeps only its own branch of the memo tests
 * (the month's step runs it for every sector in contact, every month). */
static inline __attribute__((always_inline)) double sector_rate(const hk_world *w, int sec, hk_incident_memo *memo,
                                                             double k0, double post)
{
    const hk_sector *sc = &w->s->sectors[sec];
    double j = w->sector_forces[sec][HK_SIDE_JPN].men, v = w->sector_forces[sec][HK_SIDE_SOV].men;
    if (j <= 0 || v <= 0 || w->war || w->japan_surrendered)
        return 0.0; /* nobody in contact, a general war instead of incidents, or arms laid down */
    if (w->china_draw_left > 0 && sc->side[0] == w->s->man)
        j *= 1.0 - china_draw_share(w); /* the Kwantung Army's force away in China */
    /* a border campaign under way on the sector: its clashes are the
     * campaign's engagements, and the record counts a battle as one of the
     * year's incidents, not each of its clashes (176 in 1935 including the
     * Battle of Khalkhyn Temple, 001:49); the incident that opened it was
     * counted in its month */
    if (w->border_campaign.active && w->border_campaign.sector == sec && w->mode == HK_MODE_SIMULATE)
        return 0.0;
    const double len = memo ? memo->len_km[sec] : hk_fmax(sc->length_km, 1.0);
    const double ref = memo ? memo->forces_ref : P(w, INCIDENT_FORCES_REF);
    /* men in contact per km of this sector's border, over the reference density */
    double contact = sqrt(j * v) / len / ref;
    double t = w->tension[sec] > 1e-6 ? w->tension[sec] : 1e-6;
    double e = memo ? memo->tension_elast : P(w, INCIDENT_TENSION_ELAST);
    double f = e == 1.0 ? t : exp(e * log(t)); /* T^a; at a = 1 (its value) T itself */
    /* saturating in the density of forces in contact: more men behind a
     * densely held line add few patrols on it (docs/model.md#incidents) */
    double g;
    if (memo && ((memo->known >> sec) & 1u) && memo->contact[sec] == contact) {
        g = memo->g[sec];
    } else {
        double b = memo ? memo->forces_elast : P(w, INCIDENT_FORCES_ELAST), cb;
        if (memo && contact > 1e-9) {
            /* c^b = (sqrt(j·v)/ref)^b · length^-b: the first factor shared
             * by sectors that draw on the same forces, the second the
             * sector's own for the run */
            if (!((memo->len_known >> sec) & 1u)) {
                memo->len_pow[sec] = exp(-b * log(len));
                memo->len_known |= 1u << sec;
            }
            if (!(memo->jv == j * v)) {
                memo->jv = j * v;
                memo->jv_pow = exp(b * log(sqrt(j * v) / ref));
            }
            cb = memo->jv_pow * memo->len_pow[sec];
        } else {
            cb = exp(b * log(contact > 1e-9 ? contact : 1e-9));
        }
        g = 2.0 * cb / (1.0 + cb);
        if (memo) {
            memo->contact[sec] = contact;
            memo->g[sec] = g;
            memo->known |= 1u << sec;
        }
    }
    const double len_k = memo ? memo->len_k[sec] : sc->length_km / 1000.0;
    return k0 * len_k * f * g * (sc->side[0] == w->s->man ? post : 1.0);
}

/* What stays for the run: the sectors' lengths and sides (the scenario) and
 * the incident parameters (the run's setup), worked out once instead of in
 * every sector every month. The same arithmetic as sector_rate's, so the
 * same numbers. */
static void run_ready(hk_world *w, hk_incident_memo *m)
{
    if (m->run_ready)
        return;
    const hk_scenario *s = w->s;
    m->forces_ref = P(w, INCIDENT_FORCES_REF);
    m->forces_elast = P(w, INCIDENT_FORCES_ELAST);
    m->tension_elast = P(w, INCIDENT_TENSION_ELAST);
    for (int i = 0; i < s->n_sectors; i++) {
        m->len_km[i] = hk_fmax(s->sectors[i].length_km, 1.0);
        m->len_k[i] = s->sectors[i].length_km / 1000.0;
    }
    m->run_ready = true;
}

static double month_rate(const hk_world *w);

/* Every sector's rate this month (sector_rate with the memo), with the
 * month's shared factors
 * (month_rate, posting_share) only once a sector is in contact: before the
 * armies meet, in a general war and after a surrender, no month needs
 * them. Returns their sum; *any: whether a rate is above zero. */
static double month_rates(hk_world *w, double *rate, bool *any)
{
    const hk_scenario *s = w->s;
    hk_incident_memo *memo = &w->incident_memo;
    run_ready(w, memo);
    double sum = 0, k0 = 0, post = 0;
    bool shared = false;
    *any = false;
    if (w->war || w->japan_surrendered) { /* a general war instead of incidents, or arms laid down */
        for (int i = 0; i < s->n_sectors; i++)
            rate[i] = 0.0;
        return sum;
    }
    const int campaign = w->border_campaign.active && w->mode == HK_MODE_SIMULATE ? w->border_campaign.sector : -1;
    for (int sec = 0; sec < s->n_sectors; sec++) {
        if (w->sector_forces[sec][HK_SIDE_JPN].men <= 0 || w->sector_forces[sec][HK_SIDE_SOV].men <= 0 ||
            sec == campaign) { /* nobody in contact, or a border campaign's clashes */
            rate[sec] = 0.0;
            continue;
        }
        if (!shared) {
            k0 = month_rate(w);
            post = posting_share(w);
            shared = true;
        }
        rate[sec] = sector_rate(w, sec, memo, k0, post);
        sum += rate[sec];
        *any |= rate[sec] > 0;
    }
    return sum;
}

/* What every sector's rate shares in a month: the base rate times the
 * Kwantung Army's push, 1 + k·P, less what Tokyo's order at the opening of
 * a war with China holds back, 1 − H (docs/model.md#incidents). */
static double month_rate(const hk_world *w)
{
    return P(w, INCIDENT_BASE_RATE) * (1.0 + P(w, INCIDENT_AUTONOMY) * kwantung_push(w)) * (1.0 - w->china_hold);
}

double hk_incidents_rate(const hk_world *w, int sec)
{
    return sector_rate(w, sec, NULL, month_rate(w), posting_share(w));
}

static double tension_baseline(const hk_world *w, bool presses)
{
    double b = P(w, TENSION_BASE) + P(w, TENSION_DOCTRINE) * hk_clamp(w->doctrine, 0, 1) +
               P(w, TENSION_PUSH) * kwantung_push(w) +
               P(w, TENSION_CONSULT) * hk_treaty_binds(w, w->c->roles.jpn_outside_consult) -
               P(w, TENSION_NEUTRALITY) * hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality) -
               P(w, TENSION_NORMALIZATION) * hk_treaty_binds(w, w->c->roles.jpn_sov_normalization) -
               P(w, TENSION_EUROPE) * presses;
    return hk_clamp(b, 0.1, 3.0);
}

static void update_tension(hk_world *w, bool presses)
{
    double b = tension_baseline(w, presses), decay = P(w, TENSION_DECAY);
    /* an armistice draws a line both armies stand back from: the border
     * starts again from the political baseline, not from the war's heat */
    if (w->armistice_on == w->month) {
        for (int i = 0; i < w->s->n_sectors; i++)
            w->tension[i] = hk_fmin(w->tension[i], b);
    }
    /* a pact signed this month (diplomacy plays first): both sides pull back, half the gap to the
     * new baseline closes at once */
    int pact = w->c->roles.jpn_sov_neutrality;
    if (pact >= 0 && hk_treaty_binds(w, pact) && w->treaty[pact].signed_on == w->month)
        for (int i = 0; i < w->s->n_sectors; i++)
            if (w->tension[i] > b)
                w->tension[i] = b + (1.0 - P(w, TENSION_PACT_PULLBACK)) * (w->tension[i] - b);
    /* a month after one without incidents or battles (every month before
     * the armies meet, and most under a pact) only relaxes toward the
     * baseline: the heat of no incidents and the size of no battle are
     * zeros, and adding zeros to t changes nothing */
    if (w->incidents_month == 0 && !w->battles_dirty) { /* the month's total, and no sector's count */
        for (int i = 0; i < w->s->n_sectors; i++) {
            double t = w->tension[i];
            t += decay * (b - t);
            w->tension[i] = hk_clamp(t, 0.05, 5.0);
        }
        return;
    }
    const double per_heat = P(w, TENSION_INCIDENT), per_battle = P(w, TENSION_BATTLE);
    for (int i = 0; i < w->s->n_sectors; i++) {
        double t = w->tension[i];
        /* incidents heat a border by their density: ten clashes on the
         * Amur's 1,860 km weigh less than ten on the Khalkha's 470; and with
         * diminishing effect, so that tension stays bounded: where clashes
         * come every few days (001:49) one more is routine, not news. Battles
         * are what raise a border's temperature for good. */
        int n = w->sector_incidents[i];
        double heat = n >= 0 && n < HK_HEAT_COUNTS ? w->c->incident_heat[i][n]
                                                   : hk_incident_heat(n, w->s->sectors[i].length_km);
        t += decay * (b - t) + per_heat * heat + per_battle * w->sector_battle_size[i];
        w->tension[i] = hk_clamp(t, 0.05, 5.0);
    }
}

/* The recorded count for this month when the record knows the year: the
 * year's count shared over its months, the remainder to the first ones. */
static int recorded_month_count(const hk_world *w)
{
    int y = hk_month_year(w->month);
    if (y < HK_YEAR_FIRST || y > HK_YEAR_LAST)
        return -1;
    int n = w->c->record_incidents[y - HK_YEAR_FIRST];
    if (n < 0)
        return -1;
    int m = hk_month_mon(w->month) - 1;
    return n / 12 + (m < n % 12 ? 1 : 0);
}

static void share_over_sectors(hk_world *w, int total, const double *rate)
{
    const hk_scenario *s = w->s;
    double sum = 0;
    for (int i = 0; i < s->n_sectors; i++)
        sum += rate[i];
    int given = 0, best = 0;
    for (int i = 0; i < s->n_sectors; i++) {
        double share = sum > 0 ? rate[i] / sum : 1.0 / s->n_sectors;
        w->sector_incidents[i] = (int)floor(total * share);
        given += w->sector_incidents[i];
        if (share > (sum > 0 ? rate[best] / sum : 0))
            best = i;
    }
    if (s->n_sectors > 0)
        w->sector_incidents[best] += total - given;
}

/* Each side's haul to sector sec's battle ground (hk_battles_site_km),
 * kept while the regions stay in the same hands: routing over the map for
 * every sector with incidents, every month, was most of a run's work. */
static void hauls_follow_control(hk_world *w)
{
    if (memcmp(w->haul_control, w->control, sizeof w->control) != 0) {
        memcpy(w->haul_control, w->control, sizeof w->control);
        w->haul_known = 0;
    }
}

/* hauls_follow_control first, once a month: control does not change
 * while the month's clashes are weighed */
static void site_hauls(hk_world *w, int sec, double km[2])
{
    unsigned bit = 1u << sec;
    if ((w->haul_known & bit) && !((w->battle_site_known >> sec) & 1u)) {
        km[0] = w->haul_km[sec][0];
        km[1] = w->haul_km[sec][1];
        return;
    }
    if (!hk_battles_site_km(w, sec, km)) {
        w->haul_km[sec][0] = km[0];
        w->haul_km[sec][1] = km[1];
        w->haul_known |= (uint8_t)bit;
    }
}

/* Appends text to buf if all of it fits. */
static void append_whole(char *buf, size_t size, const char *text)
{
    size_t m = strlen(buf), k = strlen(text);
    if (m + k < size)
        memcpy(buf + m, text, k + 1);
}

/* `last` is the last sector with incidents this month: a sector past it
 * would draw a uniform nobody reads (the stream ends with this step), so
 * the loop stops there. */
static void escalate(hk_world *w, hk_lazy_stream *r, int last, bool presses)
{
    const hk_scenario *s = w->s;
    /* the Soviet move onto ground it claims and the other side holds is
     * Moscow's decision, not an answer to a clash: Soviet border guards
     * went up the Changkufeng crest in July 1938 on orders (coox1977), so
     * the sector is weighed in the season whether or not it had clashes
     * (at war with the USSR there is no border to press a claim on) */
    unsigned soviet_moves = 0;
    /* only where the battle ground carries a claim can the mover be other
     * than the Japanese side (hk_battles_claimed) */
    const unsigned claimed = hk_battles_claimed(w);
    /* the claims Moscow has not yet pressed and seen fought (claim_step) */
    const unsigned open_claims = claimed & ~(unsigned)w->claim_pressed;
    /* Moscow presses its claims with the superiority it plans for, or
     * where it reads the other side as held back from answering beyond the
     * ground (soviet_reads_restraint); one line at a time: not while a
     * border campaign is fought (the record's moves, Kanchazu in 1937 and
     * Changkufeng in 1938, came with no other fighting on the border, and
     * none came during Nomonhan, 001:49) */
    const bool moscow = claimed && !w->war && !w->border_campaign.active &&
                        (soviet_reads_restraint(w) || hk_battles_soviet_presses(w));
    if (claimed && !w->war && hk_battles_in_season(w, 0) && moscow)
        for (int i = 0; i < s->n_sectors && i < HK_MAX_SECTORS; i++)
            if (((open_claims >> i) & 1u) && hk_battles_initiative(w, i) == HK_SIDE_SOV) {
                soviet_moves |= 1u << i;
                if (i > last)
                    last = i;
            }
    if (last < 0)
        return;
    bool hauls = false; /* hauls_follow_control asked this month */
    /* what is the same for every sector this month, asked once */
    const double resolve = hk_assess_soviet_resolve(w);
    /* while its railwaymen and rolling stock are hostage on a line the
     * Kwantung Army holds (railway_co_run), Moscow makes no stand on its
     * own borders: a clash there is not answered into a battle, the quarrel
     * is fought over the railway (the frontier at Manchuli closed, arrests
     * of its managers, the line offered for sale in 1933, frus1933v03_d304)
     * and the 152 skirmishes of 1932-1934 stayed skirmishes (001:49); the
     * ally standing alone (Mongolia's border) is not the USSR's stand */
    const bool hostage = railway_co_run(w);
    const double lesson = 1.0 - P(w, INCIDENT_DEFEAT_RESTRAINT) * hk_clamp(w->north_lesson, 0.0, 1.0);
    const bool pact = hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality);
    /* the campaigning season is the whole border's (battles.c) */
    const bool season = hk_battles_in_season(w, last);
    for (int i = 0; i <= last && w->n_pending < HK_MAX_PENDING; i++) {
        int n = w->sector_incidents[i];
        double u = hk_rng_uniform(hk_lazy_rng(r));
        /* no battle grows on a line a ceasefire has settled (battles.c) */
        if ((n <= 0 && !((soviet_moves >> i) & 1u)) || ((w->settled >> i) & 1u)) {
            if ((w->settled >> i) & 1u)
                w->held_over &= (uint8_t)~(1u << i);
            continue;
        }
        unsigned bit = 1u << i;
        /* who moves first (hk_battles_initiative): where the ground is
         * disputed, the side whose claim runs through what the other holds
         * and no one else; the Soviet side as far as it holds the local
         * balance on the frontage, once Moscow has the superiority it plans
         * for (hk_battles_soviet_presses) and means to stand
         * on its claims (Changkufeng, July 1938, coox1977); elsewhere the
         * Kwantung Army's officers, against the defence they would meet
         * there (hk_battles_attack_odds) */
        int mover = ((claimed >> i) & 1u) ? hk_battles_initiative(w, i) : HK_SIDE_JPN;
        double ratio = 0.0, haul = 0.0; /* the Japanese side's initiative only */
        if (mover == HK_SIDE_JPN) {
            double j = w->sector_forces[i][HK_SIDE_JPN].men, v = w->sector_forces[i][HK_SIDE_SOV].men;
            ratio = hk_clamp(j / (v > 1 ? v : 1), 0.2, 2.0);
            /* the field officers pick their fights where the other side's
             * supply is thin: the defender's haul to the battle ground over the
             * attacker's, to the power battle.supply_pull (the record's battles
             * came at Changkufeng and on the Khalkha, where the Soviet side
             * hauled 170 and 650 km against 125 and 240, record.yaml) */
            if (!hauls) {
                hauls_follow_control(w);
                hauls = true;
            }
            double km[2];
            site_hauls(w, i, km);
            double kma = hk_fmax(km[HK_SIDE_JPN], 50.0);
            double kmd = hk_fmax(km[HK_SIDE_SOV], 50.0);
            double pull = hk_clamp(kmd / kma, 0.25, 4.0);
            if (pull != w->haul_ratio[i]) { /* the hauls stay while the regions stay in the same hands */
                w->haul_ratio[i] = pull;
                w->haul_pull[i] = pow(pull, P(w, BATTLE_SUPPLY_PULL));
            }
            haul = w->haul_pull[i];
        }
        /* the Soviet side's local balance is worked out only where the
         * draw could fall under the chance it gives: at its most (2) the
         * chance is no smaller than at its value, so a draw above that
         * bound decides the same without it */
        bool sov = mover == HK_SIDE_SOV && moscow && ((open_claims >> i) & 1u);
        /* where Moscow tests the other side's restraint, the move is its
         * decision (incident.soviet_move); with the superiority it plans
         * for, a clash's growing (incident.escalation) */
        const double base = sov && soviet_reads_restraint(w) ? soviet_move_chance(w) : P(w, INCIDENT_ESCALATION);
        double bal = 2.0;
        double p = sov ? base * bal
                   : mover == HK_SIDE_JPN
                       ? P(w, INCIDENT_ESCALATION) * w->autonomy * ratio * haul * hk_battles_attack_odds(w, i)
                       : 0.0;
        /* a clash grows into a battle only where the other side stands and
         * fights: short of the superiority it plans for, Moscow yields
         * disputed ground (hk_assess_soviet_resolve); with its railwaymen
         * hostage it makes no stand on its own borders (hostage) */
        p *= hostage && s->sectors[i].side[1] == s->sov ? 0.0 : resolve;
        /* with Europe at war or Germany and the USSR bound by a pact, quiet
         * in the east is worth more to both governments (001:147, 001:151),
         * and Tokyo reins in its officers */
        if (presses)
            p *= 1.0 - P(w, INCIDENT_EUROPE_RESTRAINT);
        /* a major battle lost turns the Army to settling with the USSR
         * (001:151) */
        if (mover == HK_SIDE_JPN)
            p *= lesson;
        /* Tokyo's order for a quiet border binds the officers as far as
         * Tokyo prevails over them: they act against it only as far as
         * their autonomy goes, until the Kwantung Army's own principles
         * (principles_step) put it aside (nomonhan_natsu) */
        if (mover == HK_SIDE_JPN && w->border_order)
            p *= w->autonomy;
        /* under the Kwantung Army's own principles, on a line whose ground
         * is disputed the commander answers a crossing by force as his
         * orders say, not as far as his own initiative goes: the officers'
         * autonomy no longer scales the chance there (nomonhan_natsu; the
         * 23rd Division's answer to a Mongolian patrol on the Khalkha in May
         * 1939, 001:133): a clash on the disputed ground is answered by
         * force, not weighed as an officer's chance (incident.escalation
         * and the local ratio no longer enter); whether it grows is the
         * other side's resolve to stand there, and the restraints both
         * governments put on the border (Europe, a lost battle's lesson) */
        else if (mover == HK_SIDE_JPN && w->border_rules && ((claimed >> i) & 1u))
            p = resolve * lesson * (presses ? 1.0 - P(w, INCIDENT_EUROPE_RESTRAINT) : 1.0);
        /* a neutrality pact binds the field armies too: both governments
         * pledged to respect each other's frontiers and those of Manchukuo
         * and Mongolia (001:167), and the border stayed quiet until the
         * pact was gone (001:175, 001:181); at pact_restraint 1 (its value)
         * no incident grows into a battle while it binds */
        if (pact)
            p *= 1.0 - P(w, INCIDENT_PACT_RESTRAINT);
        /* the Japanese player's orders decide its own officers' initiative */
        if (mover == HK_SIDE_JPN && w->player == s->jpn && w->orders_given) {
            if (w->orders.incidents == HK_ESC_ESCALATE)
                p = hk_clamp(p * 5 + 0.05, 0, 1);
            else if (w->orders.incidents == HK_ESC_CONTAIN)
                p = 0;
        }
        /* each incident is a spark, but where the officers see their chance
         * matters more than how many sparks the month had: a border with ten
         * clashes a month is not ten times as likely to see a battle */
        double any = hk_clamp(p, 0, 1);
        if (sov && u < any) {
            bal = hk_clamp(hk_battles_local_balance(w, i, mover), 0.2, 2.0);
            p = base * bal * resolve;
            if (presses)
                p *= 1.0 - P(w, INCIDENT_EUROPE_RESTRAINT);
            if (pact)
                p *= 1.0 - P(w, INCIDENT_PACT_RESTRAINT);
            any = hk_clamp(p, 0, 1);
        }
        /* out of the campaigning season (battles.c) a clash stays a clash,
         * but one the officers would have answered is held over: they
         * answer it at the next clash in the season, if nothing has since
         * taken away their reason (a pact, a lost battle, Moscow's resolve:
         * p is worked out again then). The record's battles came in the
         * season after the winter's clashes (Nomonhan in May 1939) and none
         * out of it (battle.season_first) */
        if (!season) {
            /* a Soviet move is Moscow's decision for the season it is
             * taken in, not a clash's answer put off: out of the season
             * there is none to hold over (the move is weighed again in the
             * season, soviet_moves) */
            if (mover == HK_SIDE_SOV) {
                w->held_over &= (uint8_t)~bit;
                continue;
            }
            if (w->held_over & bit)
                continue; /* already held over: worked out again in the season */
            if (u < any)
                w->held_over |= (uint8_t)bit;
            else if (!(any > 0))
                w->held_over &= (uint8_t)~bit;
            continue;
        }
        bool held = (w->held_over & bit) && any > 0;
        w->held_over &= (uint8_t)~bit;
        if (u < any || held) {
            hk_pending_battle *b = &w->pending[w->n_pending++];
            b->sector = i;
            b->fact = -1;
            b->attacker_side = mover;
            /* a Soviet move under the order: if it is fought, the Kwantung
             * Army's principles follow (principles_step) */
            if (mover == HK_SIDE_SOV && w->border_order) {
                w->rules_watch = (int8_t)(i + 1);
                w->rules_count = w->tally.border_battles[i];
            }
            /* a Soviet move: if it is fought, the claim is fought out
             * (claim_step) */
            if (mover == HK_SIDE_SOV) {
                w->claim_watch = (int8_t)(i + 1);
                w->claim_count = w->tally.border_battles[i];
            }
        }
    }
}

void hk_incidents_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    /* split when first drawn from: a month with no sector in contact draws nothing */
    hk_lazy_stream r = hk_world_lazy_stream(w, HK_STREAM_INCIDENTS);
    railway_step(w);
    china_draw_step(w);
    principles_step(w);
    claim_step(w);
    /* Europe at war, or Germany and the USSR bound by a pact: asked once a
     * month for the tension's baseline and the escalation */
    const bool presses = hk_assess_europe_presses(w);
    update_tension(w, presses);
    double rate[HK_MAX_SECTORS];
    bool any;
    const double total_rate = month_rates(w, rate, &any);
    int recorded = w->mode == HK_MODE_REPLAY ? recorded_month_count(w) : -1;
    int total = 0, last = -1; /* the last sector with incidents (escalate) */
    if (recorded >= 0) {
        share_over_sectors(w, recorded, rate);
        total = recorded;
    } else if (any) {
        for (int i = 0; i < s->n_sectors; i++) {
            int n = rate[i] > 0 ? hk_rng_poisson(hk_lazy_rng(&r), rate[i]) : 0;
            w->sector_incidents[i] = n;
            total += n;
            if (n > 0)
                last = i;
        }
    } else { /* no sector in contact: nothing to draw */
        memset(w->sector_incidents, 0, sizeof w->sector_incidents);
    }
    w->incidents_month = total; /* the outcomes count it into the year */
    if (w->china_draw_left > 0)
        w->china_draw_left--; /* a month of the force's campaign in China gone */
    int y = hk_month_year(w->month);
    w->n_pending = 0;
    if (w->mode == HK_MODE_SIMULATE)
        escalate(w, &r, last, presses);
    if (total <= 0)
        return;
    if (hk_world_logging(w)) {
        int n = snprintf(w->scratch, sizeof w->scratch, "%d border incident%s:", total, total == 1 ? "" : "s");
        for (int i = 0; i < s->n_sectors && n < (int)sizeof w->scratch - 120; i++)
            if (w->sector_incidents[i] > 0)
                n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, " %s %d (tension %.2f);",
                              s->sectors[i].name ? s->sectors[i].name : s->sectors[i].id, w->sector_incidents[i],
                              w->tension[i]);
        if (recorded < 0) {
            /* two significant digits: 0.042, 3.1, 17 */
            int prec = total_rate >= 10 ? 0 : total_rate >= 1 ? 1 : total_rate > 0 ? 1 - (int)floor(log10(total_rate)) : 0;
            if (w->posting_extra > 0)
                snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                         " expected %.*f from tension, forces in contact, the Kwantung Army's autonomy (%.2f) and "
                         "the new posts on Manchukuo's borders since the railway's sale (%.0f%% more there).",
                         prec, total_rate, w->autonomy, 100.0 * w->posting_extra);
            else
                snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                         " expected %.*f from tension, forces in contact and the Kwantung Army's autonomy (%.2f).",
                         prec, total_rate, w->autonomy);
        }
        /* the China war's two sentences go in whole or not at all: a month
         * with clashes on every sector leaves little room in the line */
        if (recorded < 0 && w->china_hold >= 0.05) {
            char add[96];
            snprintf(add, sizeof add, " Tokyo's order for a quiet border holds back %.0f%% of them.",
                     100.0 * w->china_hold);
            append_whole(w->scratch, sizeof w->scratch, add);
        }
        if (recorded < 0 && china_draw_share(w) > 0) {
            char add[96];
            snprintf(add, sizeof add, " %.0f%% of the Kwantung Army's men on Manchukuo's borders are away in China.",
                     100.0 * china_draw_share(w));
            append_whole(w->scratch, sizeof w->scratch, add);
        }
        const char *src = SRC_MODEL("incidents");
        if (recorded >= 0)
            for (int i = 0; i < s->n_incidents; i++)
                if (y >= s->incidents[i].year_from && y <= s->incidents[i].year_to)
                    src = s->incidents[i].source.text;
        hk_world_emit2(w, "incident", "border_incidents", s->jpn, s->sov, w->scratch, src);
    } else {
        hk_world_emit2(w, "incident", "border_incidents", s->jpn, s->sov, NULL, NULL);
    }
}
