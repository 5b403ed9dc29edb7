/* combat_types.h — the combat model's types: the sides of a battle, its
 * result and the model's parameters. They sit below the world because the
 * world keeps one parameter set per run (hk_world.combat); the functions that
 * use them are in src/model/combat.h (docs/combat.md). */
#ifndef HK_COMBAT_TYPES_H
#define HK_COMBAT_TYPES_H

#include "world/scenario.h"

/* hk_combat_side.way_back: a field force whose way back an envelopment is
 * closing (1 is a line with its way back open). The border campaigns do
 * not set it yet (docs/combat.md, "A field force cut off"). */
#define HK_WAY_BACK_CUT 2

enum { HK_COMBAT_ATTACKER = 0, HK_COMBAT_DEFENDER = 1, HK_COMBAT_DRAW = -1 };

/* The defender's posture (CDB90's post1: hasty, prepared, fortified; delay
 * and withdrawal count as hasty). Ignored for the attacker. */
typedef enum hk_posture {
    HK_POSTURE_HASTY = 0, HK_POSTURE_PREPARED, HK_POSTURE_FORTIFIED, HK_POSTURE_COUNT
} hk_posture;

/* National groups for the loss factors (docs/combat.md, "National loss
 * factors"): the armies CDB90 holds enough battles of to fit one. OTHER
 * (every other army) is the reference, factor 1. */
enum {
    HK_NATION_OTHER = 0, HK_NATION_RUS, HK_NATION_JPN, HK_NATION_GER, HK_NATION_GBR,
    HK_NATION_FRA, HK_NATION_USA, HK_NATION_CSA, HK_NATION_AUT, HK_NATION_ISR, HK_NATION_ARAB,
    HK_NATION_COUNT
};
#define HK_COMBAT_NATION_CODES                                                                   \
    {"OTHER", "RUS", "JPN", "GER", "GBR", "FRA", "USA", "CSA", "AUT", "ISR", "ARAB"}

typedef struct hk_combat_side {
    double men, tanks, guns, aircraft;
    double quality;      /* combat effectiveness value (Dupuy's CEV), 1 = par */
    double supply_km;    /* distance from the railhead that feeds this side */
    hk_posture posture;  /* defender only */
    /* 1 for a force whose practice forbade surrender (the Japanese army of
     * 1937-1945): it fights on past the usual break point, loses more and
     * makes the enemy pay more (docs/combat.md, "No surrender"). 0 = no. */
    int no_surrender;
    /* 1 for a no-surrender side that is not cut off: its own ground lies
     * behind it (a border line, a front with a land route back). Its line
     * then gives ground as another army's does, and the practice binds only
     * the men a closing envelopment cuts off, who fight to the last and are
     * killed, not taken (docs/combat.md, "Heavy losses"). 0 = not given: the
     * whole side holds as a garrison with no way back does.
     * HK_WAY_BACK_CUT: a field force whose way back an envelopment is
     * closing: it is bound to the last as a garrison is (it does not give
     * way on the ratio, fights on to ns_break), but its own losses are a
     * field force's in an envelopment (HK_COMBAT_CUT_OWN), not an island
     * garrison's (ns_rate_own), and it is no garrison in the collapse odds
     * (docs/combat.md, "A field force cut off"). */
    int way_back;
    int nation;          /* HK_NATION_*: whose army (0 = other, the reference) */
    /* What the attacker plans and a planner knows before the battle
     * (docs/combat.md, "Surprise, air, armour, encirclement"): */
    int surprise;        /* 0-3: none, minor, substantial, complete; the attacker's, or
                          * the defender's (an ambush, a blow the attacker did not expect) */
    int air;             /* 1: this side holds air superiority over the field */
    int envelop;         /* 1 as attacker: its plan is an envelopment (flank, rear,
                          * single or double), which can encircle the beaten defender */
    int night;           /* 1 as attacker: it attacks in the dark (its first day is a
                          * night, when aimed fire by guns, tanks and aircraft is blind) */
    /* The width of the side's front in km, as planned (CDB90's wofa/wofd):
     * only so many men and tanks a km can be in contact at once, the rest
     * wait behind and replace the losses (docs/combat.md, "Frontage").
     * 0 = not given: the whole force is in contact. */
    double front_km;
    /* 1 as attacker: its plan crosses a river or canal that the defender
     * holds (CDB90's tactical scheme RC), under fire, from boats and
     * bridges; the defender's power is then x (1 + river_power) for the
     * battle (docs/combat.md, "River crossings"). 0 = none; values in
     * between are a share of the attack's front. A double, not an int, so
     * that the struct keeps no padding (landings.c reads it as words). */
    double river;
    /* 1 as defender: it fights a delaying action or withdraws (CDB90's
     * defender postures DL and WD), giving ground rather than holding it,
     * so both sides' daily losses are x delay_rate (docs/combat.md,
     * "Delaying actions"). 0 = it holds. A double, as `river`. */
    double delay;
} hk_combat_side;

typedef struct hk_combat_losses {
    double men, tanks, guns, aircraft;
} hk_combat_losses;

typedef struct hk_combat_result {
    int winner;                /* HK_COMBAT_ATTACKER, HK_COMBAT_DEFENDER, HK_COMBAT_DRAW */
    int days;                  /* days fought */
    double casualties[2];      /* killed + wounded + missing, [attacker, defender] */
    hk_combat_losses loss[2];  /* by arm; loss[i].men == casualties[i] */
    double prisoners[2];       /* of casualties[i]: men taken prisoner when encircled */
    double quiet[2];           /* of casualties[i]: men lost in contact on the quiet days
                                * between a campaign's engagements (quiet_contact) */
    int encircled;             /* 1: the beaten defender was encircled */
    int collapsed;             /* 1: the beaten defender's line collapsed (collapse_share):
                                * broken through, outflanked, its men routed or taken */
    int broke_off[2];          /* 0 no, 1 losses past break point, 2 force ratio collapsed */
    double power_ratio;        /* attacker / defender combat power at the start */
    double score;              /* > 0 favours the attacker (see docs/combat.md) */
    double strain[2];          /* each side's men lost when the fighting stopped (before any
                                * pursuit) over the break point the score reads: 1 = its
                                * line broke */
} hk_combat_result;

typedef struct hk_combat_params {
    /* combat power, in men-equivalents per weapon */
    double w_tank, w_gun, w_air;
    /* daily loss fractions at parity, for a battle of size_ref men in all */
    double rate_att, rate_def;
    double size_ref;           /* men (fixed, not fitted) */
    double size_exp;           /* rates scale with (men in all / size_ref)^-size_exp */
    double helmbold;           /* exponent of the power ratio: 1 square law, 0 logarithmic law */
    double day_decay;          /* the rate on day t is scaled by t^-day_decay */
    /* Dupuy's dispersion factor of the battle's era (WWI 250, WWII 3000):
     * rates scale with (dispersion / dispersion_ref)^-dispersion_exp. The
     * default is the reference, the Second World War's, so the engine's
     * battles of 1918-1945 need not set it; the fit sets it per CDB90 battle. */
    double dispersion, dispersion_ref, dispersion_exp;
    double pursuit;            /* the loser's losses grow by this share (pursuit, capture) */
    /* A beaten attacker falls back to the lines it attacked from, which the
     * defender, holding its own ground, seldom follows: its pursuit share is
     * (1 - pursuit_attacker_cut) x pursuit. 0: the same as a beaten
     * defender's. Fitted in its own stage, everything else held. */
    double pursuit_attacker_cut;
    double posture[HK_POSTURE_COUNT];     /* defender power multipliers, hasty = 1 */
    double terrain[HK_TERRAIN_COUNT];     /* defender power multipliers, plain = 1 */
    double break_att, break_def;          /* loss fraction at which a side breaks off */
    /* A side's break point is multiplied by (its quality / the enemy's)^quality_break
     * (capped at break_cap): better troops stand more losses before they give way. */
    double quality_break, break_cap;
    /* A no_surrender side: its own daily loss share x ns_rate_own, the enemy's
     * x ns_rate_enemy, and it breaks off only at ns_break (fitted on the fit
     * part's Japanese battles of 1937-1945 only). */
    double ns_rate_own, ns_rate_enemy, ns_break;
    /* 1: the score (who won) reads a no-surrender side's ordinary break
     * point, not ns_break (docs/combat.md, "Winner"); 0: ns_break. */
    int ns_score_ordinary;
    /* A side's own daily loss share x nation_loss[its nation] (fitted in a
     * third stage on every fit-part battle; OTHER = 1). */
    double nation_loss[HK_NATION_COUNT];
    /* An army's loss factor is how many men it loses for a fight, not how
     * soon it gives way: its break points (the break-off and the ones the
     * score reads) are multiplied by nation_loss^nation_break, capped at
     * break_cap (docs/combat.md, "Whose losses decide"). 0 = off: an army
     * that loses more men for the same fight breaks that much sooner. */
    double nation_break;
    /* A defender in prepared positions or fortifications holds its ground
     * past losses that would drive it from open ground: its break points
     * (the break-off and the ones the score reads) are multiplied by
     * posture_break[its posture] (hasty = 1), capped at break_cap. Fitted in
     * its own stage on the fit part, everything else held (docs/combat.md,
     * "Works hold ground"). 0 = off (1). */
    double posture_break[HK_POSTURE_COUNT];
    /* ... or holds it in the judgement of who won: the score (> 0 favours
     * the attacker) less works_edge[the defender's posture] (hasty 0), so
     * an attacker against works must come out of the exchange further
     * ahead to be named the winner. Fitted in its own stage on the fit
     * part, everything else held (docs/combat.md, "Works hold ground"). */
    double works_edge[HK_POSTURE_COUNT];
    double collapse_ratio;     /* a side quits when its power < this × the enemy's */
    double draw_band;          /* |score| below this is a draw ... */
    double winner_bias;        /* ... of score + winner_bias: the attacker's edge in the
                                * winner rule (it chose to fight; fitted cut points) */
    double supply_half_km;     /* power × 1 / (1 + km / supply_half_km) ... */
    double supply_floor;       /* ... but never below this share */
    double loss_tank, loss_gun, loss_air; /* an arm's loss fraction / the men's */
    /* With an rng, loss rates are scaled once per battle by lognormal
     * factors: exp(c + d) for the attacker and exp(c - d) for the
     * defender, c ~ N(0, noise_common_sd) (the battle's intensity), d ~
     * N(0, noise_diff_sd) (the exchange); both from the fit's residuals. */
    double noise_common_sd, noise_diff_sd;
    /* Surprise: the attacker's power x (1 + surprise_power * level) on the
     * first day, fading linearly to none after surprise_days days. */
    double surprise_power, surprise_days;
    /* Air superiority: the power of the side that holds it x (1 + air_power). */
    double air_power;
    /* Armour exploiting a breakthrough: the beaten side's losses grow by
     * exploit x the winner's armour share of its power (tanks' weight in it). */
    double exploit;
    /* Encirclement: a planned envelopment multiplies the attacker's power by
     * (1 + envelop_power); when the attacker wins, a share encircle_base +
     * encircle_armour x its armour share (at most encircle_cap) of the men
     * the defender has left is cut off and lost: as prisoners, or killed
     * when the defender does not surrender. */
    double envelop_power, encircle_base, encircle_armour, encircle_cap;
    /* A defender bound to fight to the last (no surrender, or the men a ring
     * cuts off from a line with a way back) stands in its positions while
     * the ring closes instead of slipping out of it: encircle_ns more of its
     * remaining men are inside (within encircle_cap). */
    double encircle_ns;
    /* Frontage: at most front_density men a km of front (at the reference
     * dispersion; x (dispersion_ref / dispersion)^0.5 in other eras) are in
     * contact; men and tanks beyond it are a reserve that feeds the line.
     * Guns and aircraft reach over the front and all count. 0 = no limit. */
    double front_density;
    /* Tanks on broken ground (hills, mountain, forest, marsh, towns,
     * islands) count armour_broken of their weight (in 0..1). */
    double armour_broken;
    /* Aircraft over broken ground count air_broken of their weight (in 0..1;
     * 0 = off, full weight). */
    double air_broken;
    /* A prepared or fortified defence of heights (hills, mountain): the
     * defender's power x (1 + heights). */
    double heights;
    /* 1: a no-surrender side's own extra losses (ns_rate_own) come only
     * while the enemy's power in contact exceeds its own: holding on costs
     * nothing more than an ordinary defence until it is being overwhelmed. */
    int ns_own_outmatched;
    /* 1: a no-surrender side never quits on the force ratio (collapse_ratio);
     * it fights on until its losses reach its break point. */
    int ns_no_collapse;
    /* A night attack (the attacker's `night`): on its first day every
     * side's tanks, guns and aircraft count night_weapons of their weight
     * (in 0..1; 0 = off, full weight). */
    double night_weapons;
    /* A no-surrender defender that has not broken off when the battle
     * ends still holds its ground: the score reads its break point as
     * ordinary^(1 - ns_hold) x ns_break^ns_hold (0 = off: the ordinary
     * one; 1: how near it came to destruction). */
    double ns_hold;
    /* Weapons need men: a side's tanks, guns and aircraft (W men-equivalents)
     * beside its M men give combat power M x (1 + W / M)^support_exp, so
     * their worth grows less than in proportion as they outnumber the men
     * who hold and exploit what they hit (in 0..1; 0 or 1 = off, M + W). */
    double support_exp;
    /* 1: in a campaign (hk_combat_campaign_buildup) the days between two
     * engagements are not free: the sides stay in contact (outposts,
     * shelling, raids) and each loses, day by day, the share the last
     * engagement's decaying intensity gives on that day to a side that
     * holds (rate_def x t^-day_decay x the power ratio^helmbold x its
     * army's factor), t counted from that engagement's first day. No new
     * number: the fitted law carried on past the engagement. 0 = off. */
    int quiet_contact;
    /* 1: a side's no_surrender acts only while it defends: the refusal to
     * surrender binds a force holding its ground, and an attack that fails
     * is called off by its commander (as the simulation's battles and
     * campaigns already read the flag). 0: on either side. */
    int ns_defender_only;
    /* 1: a side's day is fought only until its losses reach its break
     * point (both sides' losses that day scaled to that moment); what it
     * loses beyond comes from the pursuit. 0: the whole day is fought and
     * the break is read at its end. */
    int break_stop;
    /* A battle fought in echelons (hk_combat_resolve_echelons): 1: each
     * stage's days are counted on from the engagement's first day, so the
     * intensity decays over the engagement rather than starting afresh with
     * each echelon; 0: afresh. */
    int echelon_clock;
    /* With echelon_clock, the share of the days before a stage that its
     * intensity counts (in (0, 1); 0 or 1: all of them): a stage fought by
     * a newly arrived echelon is fought partly as a new battle (fresh
     * troops, new positions) and partly as the engagement's continuation.
     * Fitted on the fit part's battles fought in echelons (docs/combat.md,
     * "Severity of engagements fought in echelons"). */
    double echelon_clock_share;
    /* 1: the winner of a battle fought in echelons follows from all its
     * stages (a break in the last, else the score on the totals); 0: the
     * last stage's winner. */
    int echelon_winner;
    /* The beaten defender's collapse (docs/combat.md, "Defenders that
     * break"): when the attacker wins, the defender's line is broken through
     * or turned with probability sigm(collapse_c0 + collapse_env x envelop
     * + collapse_surprise x surprise level + collapse_k x ln power ratio at
     * the start + collapse_size x ln (men in all / size_ref) +
     * collapse_garrison if it does not surrender and has no way back), all
     * known before the battle; then collapse_share of the
     * men it has left are lost in the rout (casualties, not `prisoners`),
     * with that share of its tanks and guns. Fitted in its own
     * stage on the fit part's battles won by the attacker, against CDB90's
     * resolution codes (the defender withdrew with heavy losses or was
     * annihilated, or the attacker broke through). With an rng one uniform
     * draw decides it; without, it happens when it is the likelier outcome
     * (p >= 0.5). collapse_share 0 = off. */
    double collapse_c0, collapse_env, collapse_surprise, collapse_k, collapse_size, collapse_garrison;
    double collapse_share;
    /* Who wins a battle drawn at random (docs/combat.md, "Who wins a drawn
     * battle"): with an rng, a battle that no side broke off is won by the
     * attacker with probability sigm(winner_scale x (score + winner_bias)),
     * else by the defender (draw_band > 0: the ordered logistic's three
     * outcomes, cut at +-draw_band). The score of the drawn casualties
     * does not tell the judgement of who held the field and did what it
     * set out to do: the record's attacker wins three battles in five, the
     * score leaning on it four in five. Fitted on the fit part's battles
     * by the likelihood of the recorded outcome over the random draws,
     * everything else held. Without an rng (the central estimate) the
     * likelier outcome is named, as before. 0 = off (the score decides). */
    double winner_scale;
    /* winner_central: the odds above are read on the central score, the
     * score of the same battle fought without the random spread (a second,
     * noise-free run), not on the drawn one, so that over many draws the
     * attacker of a battle that runs its course wins with the fitted odds
     * of the central estimate, whatever the spread of the draws
     * (docs/combat.md, "A winner rule that does not lean"), with the lean
     * winner_draw_bias in place of winner_bias: the lean of the draws,
     * fitted on the draws with the defender's collapse in, where
     * winner_bias is the central estimate's, fitted on it before the
     * collapse existed. 0 = the drawn score and winner_bias; 2 = the
     * drawn score and winner_draw_bias (the comparison fit). */
    int winner_central;
    double winner_draw_bias;
    /* A river crossed under fire (the attacker's `river`): the defender's
     * power x (1 + river_power x river). Fitted in its own stage on the
     * fit part, everything else held (docs/combat.md, "River crossings");
     * 0 = off. */
    double river_power;
    /* A defender that delays or withdraws (the defender's `delay`): both
     * sides' daily loss shares x delay_rate. Fitted in its own stage on
     * the fit part, everything else held (docs/combat.md, "Delaying
     * actions"); 0 = off (x 1). */
    double delay_rate;
    /* A storm of works (docs/combat.md, "A storm of works"): an assault
     * that must carry prepared positions or fortifications within one day
     * goes in before they are reduced, into the whole of the fire laid in
     * advance on the ground it crosses. In a battle of one day (max_days
     * 1, not a stage of a longer engagement) against a prepared or
     * fortified defender, of the era of the machine gun and indirect fire
     * (dispersion >= HK_COMBAT_WORKS_ERA), the attacker's loss share x
     * (1 + works_storm[the defender's posture]); hasty ground 0. Fitted in
     * its own stage (11) on the fit part, everything else held; 0 = off. */
    double works_storm[HK_POSTURE_COUNT];
} hk_combat_params;

/* The fitted values: data written by tools/cdb90_fit into
 * src/model/combat_fit_data.c, declared here so that the world can start
 * each run with them without reaching into the model. */
void hk_combat_params_default(hk_combat_params *p);

#endif
