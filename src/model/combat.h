/* combat.h — the battle model: daily attrition of Lanchester–Helmbold type
 * with force quality, defender posture, terrain and supply that falls with
 * the distance from the railhead. Pure functions: no allocation, no globals,
 * no I/O; a battle costs a few microseconds, so the engine may call it inside
 * Monte Carlo runs. Equations, parameters and sources: docs/combat.md; the
 * fit on CDB90 and the held-out figures: docs/combat-validation.md.
 *
 * HOW TO CALL IT (e.g. from src/model/battles.c)
 *
 *     hk_combat_params cp;
 *     hk_combat_params_default(&cp);          // fitted values, compiled in
 *     hk_combat_side att = {.men = 57000, .tanks = 498, .guns = 542,
 *                           .aircraft = 515, .quality = 1, .supply_km = 650};
 *     hk_combat_side def = {.men = 30000, .tanks = 120, .guns = 135,
 *                           .quality = 1, .supply_km = 200,
 *                           .posture = HK_POSTURE_PREPARED};
 *     hk_combat_result res;
 *     hk_rng r = hk_rng_split(&world_rng, battle_key);   // or pass NULL
 *     hk_combat_resolve(&cp, &att, &def, HK_TERRAIN_STEPPE, 30, &r, &res);
 *     // res.winner: HK_COMBAT_ATTACKER, HK_COMBAT_DEFENDER or HK_COMBAT_DRAW
 *     // res.casualties[HK_COMBAT_ATTACKER], res.loss[HK_COMBAT_DEFENDER].tanks ...
 *
 * - Set .no_surrender = 1 on a side whose practice forbade surrender (the
 *   Japanese army of 1937-1945, as in the fit); it changes loss rates and
 *   the break point, and (ns_no_collapse, on in the fitted parameters) such
 *   a side does not give way when the enemy's power outgrows its own
 *   tenfold: it holds until its losses reach its break point, so battles
 *   against it last longer and cost the enemy more (docs/combat.md, "No
 *   surrender").
 * - hk_combat_campaign() fights several engagements in a row (a campaign of
 *   months is not one battle of that many days).
 * - Sides are given as they stand at the start; the result gives losses, the
 *   caller subtracts them from its formations.
 * - max_days bounds the battle; it ends earlier when a side breaks off (its
 *   losses pass its break point, or its combat power falls under a fraction
 *   of the enemy's). res.days says how long it ran.
 * - rng NULL gives the deterministic central estimate; with an rng, the
 *   loss rates are scaled once per battle by lognormal factors whose spread
 *   is the fit's residual (noise_common_sd, noise_diff_sd), so repeated
 *   battles scatter as the historical record does around the model. The rng
 *   is advanced by exactly two normal draws. The collapse of a defender
 *   (collapse_share > 0) is decided by a uniform from a child stream split
 *   off after them, which does not advance the rng (in
 *   hk_combat_resolve_echelons once for the engagement, after its stages).
 * - quality <= 0 means 1 (par); supply_km < 0 means 0; a side with no men
 *   and no weapons loses at once.
 */
#ifndef HK_COMBAT_H
#define HK_COMBAT_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/mathx.h"
#include "core/rng.h"
#include "world/combat_types.h"
#include "world/scenario.h"

/* The most casualties one men-equivalent of a side's combat power can
 * inflict in a day. Helmbold's law makes a side's loss share fall only
 * slowly as the enemy grows weaker, so without a cap a handful of men would
 * still cost a huge army a share of its size each day; the cap bounds what a
 * side inflicts by its own surviving strength (docs/combat.md, "Bound on
 * inflicted losses"). Not fitted: under the fitted parameters no day of
 * CDB90's 660 battles goes above 1.3, so the cap leaves the fit as it was
 * and acts only at force ratios outside the record. */
#define HK_COMBAT_MAX_KILL_RATE 2.0

/* A storm of works (works_storm) meets fire laid in advance by machine
 * guns and indirect artillery on wire and open ground: it acts where the
 * battle's dispersion (Dupuy's factor of its era) is at least the First
 * World War's, 250 (Dupuy, Understanding War, 1987, the factors cdb90_fit
 * gives each battle: 25 for 1816-1900, 250 for 1901-1918, 3,000 for
 * 1919-1945). Earlier works had no such fire plan. */
#define HK_COMBAT_WORKS_ERA 250.0

/* The own-loss factor of a no-surrender field force cut off by an
 * envelopment (way_back == HK_WAY_BACK_CUT), in place of ns_rate_own,
 * which the fit takes from the island garrisons of Tarawa, Iwo Jima and
 * Okinawa. CDB90's field forces (no fortified defence, no garrison that
 * does not surrender) attacked by a planned envelopment, 1900 on, lose
 * this much of what the model gives them: the geometric mean of recorded
 * over central-model defender casualties on the fit part, 0.921 (31
 * battles); held out 0.819 (34). The envelopment's own terms (its power,
 * the ring) already carry what being cut off costs (docs/combat.md, "A
 * field force cut off"). */
#define HK_COMBAT_CUT_OWN 0.921

/* hk_combat_params_default(): the fitted values (world/combat_types.h). */

/* Supply multiplier of combat power at `km` from the railhead, in (0, 1]. */
double hk_combat_supply_factor(const hk_combat_params *p, double km);
/* Combat power of a side in men-equivalents; the defender's includes
 * posture and terrain. */
double hk_combat_power(const hk_combat_params *p, const hk_combat_side *s, int is_defender,
                       hk_terrain terrain);

/* The probability that a beaten defender's line collapses (broken
 * through, outflanked, routed), from what is known before the battle: the
 * attacker's plan (envelopment, surprise), the power ratio at the start,
 * the battle's size and whether the defender is a garrison that does not
 * surrender and has no way back (docs/combat.md, "Defenders that break").
 * 0.5 when every collapse_ term is 0. */
double hk_combat_collapse_p(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                            double power_ratio);

void hk_combat_resolve(const hk_combat_params *p, const hk_combat_side *att,
                       const hk_combat_side *def, hk_terrain terrain, int max_days,
                       hk_rng *rng, hk_combat_result *out);

/* hk_combat_resolve for one stage of an engagement its caller fights in
 * stages of its own (echelons, steps): the same battle, except that a stage
 * of one day is not a storm of works (works_storm; docs/combat.md, "A storm
 * of works"), since the engagement it belongs to is longer. */
void hk_combat_resolve_stage(const hk_combat_params *p, const hk_combat_side *att,
                             const hk_combat_side *def, hk_terrain terrain, int max_days,
                             hk_rng *rng, hk_combat_result *out);

/* A battle fought as its forces come into it: each side brings its whole
 * force forward in `echelons` equal echelons over `days` days, echelon k
 * arriving on day k·days/n (n = echelons, at most days); each stage is a
 * battle fought by what has come up less what the stages before cost, up
 * to the next arrival, its days counted on from the engagement's start
 * when p->echelon_clock (the intensity t^-day_decay does not start afresh
 * with each echelon), and the battle stops early only when a side has no
 * one left. Casualties and losses are summed; with p->echelon_winner the
 * winner follows from the whole engagement (a side broken in the last
 * stage is beaten, otherwise the score on the totals), else it is the last
 * stage's. With an rng each stage draws its own two normals. */
void hk_combat_resolve_echelons(const hk_combat_params *p, const hk_combat_side *att,
                                const hk_combat_side *def, hk_terrain terrain, int days, int echelons,
                                hk_rng *rng, hk_combat_result *res);

/* One stage's side of a battle fought in stages (echelons): the first
 * `arrived` share of the whole side, less what the stages before cost it,
 * arm by arm, never below zero. */
hk_combat_side hk_combat_echelon(const hk_combat_side *whole, double arrived, const hk_combat_losses *lost);

/* The days of stage k of n of a battle of `days` days fought in stages:
 * from day *from to day *to, the days shared out evenly. */
static inline void hk_combat_stage_days(int k, int n, int days, int *from, int *to)
{
    *from = hk_round_int((double)k * days / n);
    *to = hk_round_int((double)(k + 1) * days / n);
}

/* Stage k of n of a battle of `days` days fought in echelons: its days
 * (hk_combat_stage_days) and its two sides x (attacker, defender), each the
 * share (k + 1) / n of its whole force come up by then less what the
 * stages before cost it (sum->loss, hk_combat_echelon). False for a stage
 * after the first when a side has no one left to bring up. */
static inline bool hk_combat_stage(const hk_combat_side *const whole[2], const hk_combat_result *sum, int k, int n,
                                   int days, int *from, int *to, hk_combat_side x[2])
{
    hk_combat_stage_days(k, n, days, from, to);
    double arrived = (double)(k + 1) / n;
    for (int i = 0; i < 2; i++)
        x[i] = hk_combat_echelon(whole[i], arrived, &sum->loss[i]);
    return k == 0 || !(x[0].men < 1 || x[1].men < 1);
}

/* Folds one stage of a battle fought in stages (echelons) into the running
 * result `sum`: casualties, prisoners and losses add up; the length is the
 * days to the stage (`from`) and its own; the winner, score and breaks are
 * the last stage's; the power ratio is the first stage's. */
void hk_combat_add_stage(hk_combat_result *sum, const hk_combat_result *stage, int from, bool first);

/* The losses in contact of two sides facing each other between engagements
 * (quiet_contact; docs/combat.md, "Contact between engagements"): on each day
 * t of [t_from, t_to), counted from the first day of the engagement before,
 * each side holds and loses the share the fitted law gives a defender on
 * that day of a battle that goes on, at the day's power ratio. lost[0] is
 * `a`'s, lost[1] `b`'s; nothing when quiet_contact is off. Draws nothing. */
void hk_combat_contact(const hk_combat_params *p, const hk_combat_side *a, const hk_combat_side *b,
                       hk_terrain terrain, int t_from, int t_to, double lost[2]);

/* A campaign: engagements fought one after the other by what is left of
 * two sides, `first` and `second`; in each, one of them attacks (each side's
 * posture counts when it defends). Each engagement lasts at most its days
 * and may end sooner; the intensity (t^-day_decay) starts afresh in each, as
 * in a new battle. In the result, index 0 is `first` and 1 is `second`
 * whoever attacked: casualties and losses are summed, broke_off and score
 * (> 0 favours `first`) are those of the last engagement, winner is the
 * winner of the last engagement (0 first, 1 second, or HK_COMBAT_DRAW), days
 * the days fought in all, power_ratio first / second at the start of the
 * first engagement. With an rng each engagement draws its own two normals.
 * n_phases < 1 gives one day with `first` attacking. */
#define HK_COMBAT_MAX_PHASES 32
typedef struct hk_combat_phase {
    int days;
    int second_attacks;   /* 0: `first` attacks, 1: `second` attacks */
    int start_day;        /* day of the campaign it begins on (build-up only) */
} hk_combat_phase;
/* A campaign whose forces grow: `first` and `second` are the strengths at
 * the last engagement's start (the peak), `first_start` and `second_start`
 * those at day 0. An engagement that starts on day t (its start_day) is
 * fought by the strength reached by then, start + (peak - start) * t / T
 * with T the last engagement's start day, arm by arm, less what the side
 * has lost in the engagements before. Quality, supply, posture and the
 * other flags are the peak sides'. NULL starts (or T = 0) give
 * hk_combat_campaign: the peak strengths from the first day. */
void hk_combat_campaign_buildup(const hk_combat_params *p, const hk_combat_side *first,
                                const hk_combat_side *second, const hk_combat_side *first_start,
                                const hk_combat_side *second_start, hk_terrain terrain,
                                int n_phases, const hk_combat_phase *phases, hk_rng *rng,
                                hk_combat_result *out);

/* The Khalkhin Gol check (docs/combat.md, third version of its inputs):
 * the campaign's four engagements with the side that attacked in each and
 * the day each began, counted from the opening engagement of 28 May 1939
 * (2 July = day 35, 23 July = day 56, 20 August = day 84), the Soviet side
 * first. tools/cdb90_fit and the validation report both use it. */
#define HK_COMBAT_KG_PHASES {{3, 1, 0}, {11, 1, 35}, {3, 1, 56}, {12, 0, 84}}
#define HK_COMBAT_KG_PHASES_TEXT "JPN:3@0,JPN:11@35,JPN:3@56,SOV:12@84"
/* What the Soviet command planned for its attack (the August offensive),
 * known before it: surprise, substantial (its deception; CDB90 260 codes
 * the surprise achieved as substantial), and an envelopment from both
 * flanks (CDB90 260's second scheme; 001_fd9a28d61a246780.txt:145). They
 * count only in the engagement the Soviet side attacks. */
#define HK_COMBAT_KG_SOV_SURPRISE 2
#define HK_COMBAT_KG_SOV_ENVELOP 1
#define HK_COMBAT_KG_SOV_PLAN_TEXT "surprise=2,envelop=1"

void hk_combat_campaign(const hk_combat_params *p, const hk_combat_side *first,
                        const hk_combat_side *second, hk_terrain terrain, int n_phases,
                        const hk_combat_phase *phases, hk_rng *rng, hk_combat_result *out);

/* ---- for tools/cdb90_fit: how CDB90's judged advantages make quality ---
 * The attacker's quality relative to the defender's in a CDB90 battle is
 * exp(sum of coef[k] * code[k]) over these codes, in this order; the fitted
 * coefficients are compiled in with the other parameters. */
#define HK_CDB90_CODES 21
#define HK_CDB90_CODE_NAMES                                                                      \
    {"cea",    "leada",  "trnga",  "morala", "logsa", "techa",  "intela",                        \
     "surpa",  "aeroa",  "inita",  "momnta", "quala", "resa",   "mobila",                        \
     "aira",   "fprepa", "leadaa", "plana",  "surpaa", "mana", "logsaa"}
void hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES]);

/* ---- names and specs (for the command line and the engine's logs) ---- */

/* Parses a campaign's engagements, `SIDE:DAYS[@DAY],...` with SIDE `first`
 * (that side attacks) or `second`, DAYS >= 1 the longest the engagement
 * lasts and DAY the campaign day it begins on (0..max_span, never before the
 * engagement before; default right after it). At most HK_COMBAT_MAX_PHASES
 * engagements and max_days days of fighting in all. Fills phases[0..*n) and
 * *total_days; returns 0, or -1 if the text is not such a list. */
int hk_combat_parse_phases(const char *text, const char *first, const char *second, int max_days,
                           int max_span, hk_combat_phase *phases, int *n, int *total_days);

const char *hk_combat_terrain_name(hk_terrain t);
/* -1 if unknown. */
int hk_combat_terrain_parse(const char *name);
const char *hk_combat_posture_name(hk_posture p);
int hk_combat_posture_parse(const char *name);
/* A national group's code ("RUS"), and the group of a code or of a side's
 * name: the codes themselves and the usual short names of their armies
 * (SOV, USSR, RUSSIA -> RUS; JAPAN, JPN -> JPN; US -> USA; UK, GB -> GBR;
 * ...), case-insensitive. hk_combat_nation_parse returns -1 if unknown. */
const char *hk_combat_nation_name(int nation);
int hk_combat_nation_parse(const char *name);

/* Parses `SIDE:men=N,tanks=N,guns=N,aircraft=N[,quality=Q][,supply_km=D][,posture=P]
 * [,no_surrender=0|1][,nation=CODE][,surprise=0-3][,air=0|1][,envelop=0|1]`
 * (surprise and envelop count when the side attacks, air on either side).
 * SIDE (1–15 letters, digits or '_') goes to side_name. Without nation=,
 * the nation is SIDE's if SIDE names one (SOV, JPN, ...), else OTHER. Omitted weapons are 0,
 * quality 1, supply_km 0, posture hasty; men is required. Values must be
 * finite, >= 0 and below bounds no army reaches (men 1e9, weapons 1e7,
 * quality 100, supply_km 1e5). Returns 0, or -1 with a message in err. */
int hk_combat_parse_spec(const char *spec, char *side_name, size_t name_len,
                         hk_combat_side *out, char *err, size_t errlen);

#endif
