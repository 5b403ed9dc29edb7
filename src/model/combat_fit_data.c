/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

#include <string.h>

void hk_combat_params_default(hk_combat_params *p)
{
    memset(p, 0, sizeof *p);
    p->w_tank = 119.34252703024306;
    p->w_gun = 12.488320137794172;
    p->w_air = 386.37040609505505;
    p->rate_att = 0.025430309615138088;
    p->rate_def = 0.018416120785084124;
    p->size_ref = 20000;
    p->size_exp = 0.010196152071219282;
    p->helmbold = 0.26241268890016878;
    p->day_decay = 0.81921780216854678;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.28619184255910146;
    p->pursuit = 0.61949768600180077;
    p->pursuit_attacker_cut = 0.63283254424352109;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.86317370701004414; /* prepared */
    p->posture[2] = 1.450348903965861; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 0.87018075566096909; /* steppe */
    p->terrain[2] = 1.2242514669626532; /* desert */
    p->terrain[3] = 1.3142042447443962; /* hills */
    p->terrain[4] = 1.3142042447443962; /* mountain */
    p->terrain[5] = 1.2321894319551117; /* forest */
    p->terrain[6] = 0.98683922400518009; /* marsh */
    p->terrain[7] = 0.81971136285996626; /* urban */
    p->terrain[8] = 1.3142042447443962; /* island */
    p->break_att = 0.31665769644323244;
    p->break_def = 0.413900351757162;
    p->quality_break = 0.26243528049313797;
    p->break_cap = 0.94999999999999996;
    p->ns_rate_own = 4.0486008928523054;
    p->ns_rate_enemy = 1.4509748148540793;
    p->ns_break = 0.90531103303059601;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.64974081303638576;
    p->noise_diff_sd = 0.51536766546985702;
    p->surprise_power = 0.59949019635167811;
    p->surprise_days = 3;
    p->air_power = 0.14049512974550379;
    p->exploit = 0.12397255776091932;
    p->envelop_power = 0.5787547166015643;
    p->winner_bias = 0.87229528580879512;
    p->encircle_base = 0.028081584281171999;
    p->encircle_armour = 0.00050600627844606724;
    p->encircle_cap = 0.90000000000000002;
    p->encircle_ns = 0;
    p->front_density = 0;
    p->armour_broken = 0;
    p->heights = 0;
    p->night_weapons = 0;
    p->ns_hold = 0;
    p->air_broken = 0;
    p->support_exp = 0;
    p->collapse_c0 = -2.3890454607190614;
    p->collapse_env = 1.0027352018180635;
    p->collapse_surprise = 0.66417156043509873;
    p->collapse_k = 0.45131351095674099;
    p->collapse_size = -0.09992087222799903;
    p->collapse_garrison = 0.63370648066404756;
    p->collapse_share = 0.21136194816981174;
    p->echelon_clock_share = 0.018623657882636389;
    p->winner_scale = 2.0773839199648059;
    p->winner_draw_bias = 0.13299901299219968;
    p->nation_break = 0;
    p->river_power = 0;
    p->delay_rate = 0.54843157902635153;
    p->posture_break[0] = 1;
    p->posture_break[1] = 1;
    p->posture_break[2] = 1;
    p->works_edge[0] = 0;
    p->works_edge[1] = 0;
    p->works_edge[2] = 0;
    p->works_storm[0] = 0;
    p->works_storm[1] = 0.093548059541759709;
    p->works_storm[2] = 0.1945367237306157;
    p->ns_own_outmatched = 0;
    p->ns_no_collapse = 1;
    p->quiet_contact = 1;
    p->ns_defender_only = 0;
    p->break_stop = 1;
    p->echelon_clock = 1;
    p->echelon_winner = 1;
    p->winner_central = 2;
    p->ns_score_ordinary = 1;
    p->nation_loss[0] = 1; /* OTHER */
    p->nation_loss[1] = 1.8278702144581265; /* RUS */
    p->nation_loss[2] = 1.017322735205652; /* JPN */
    p->nation_loss[3] = 0.9096719909105333; /* GER */
    p->nation_loss[4] = 0.93719626798567535; /* GBR */
    p->nation_loss[5] = 1.1348651542594497; /* FRA */
    p->nation_loss[6] = 0.80641848023244744; /* USA */
    p->nation_loss[7] = 1.0002167310284404; /* CSA */
    p->nation_loss[8] = 1.311804933124294; /* AUT */
    p->nation_loss[9] = 0.77529329834857386; /* ISR */
    p->nation_loss[10] = 1.1813988725939355; /* ARAB */
}

void hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])
{
    coef[0] = 0; /* cea */
    coef[1] = 0; /* leada */
    coef[2] = 0; /* trnga */
    coef[3] = 0; /* morala */
    coef[4] = 0; /* logsa */
    coef[5] = 0; /* techa */
    coef[6] = 0; /* intela */
    coef[7] = 0; /* surpa */
    coef[8] = 0; /* aeroa */
    coef[9] = 0; /* inita */
    coef[10] = 0; /* momnta */
    coef[11] = 0; /* quala */
    coef[12] = 0; /* resa */
    coef[13] = 0; /* mobila */
    coef[14] = 0; /* aira */
    coef[15] = 0; /* fprepa */
    coef[16] = 0; /* leadaa */
    coef[17] = 0; /* plana */
    coef[18] = 0; /* surpaa */
    coef[19] = 0; /* mana */
    coef[20] = 0; /* logsaa */
}
