/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

#include <string.h>

void hk_combat_params_default(hk_combat_params *p)
{
    memset(p, 0, sizeof *p);
    p->w_tank = 256.15412579476322;
    p->w_gun = 17.849181090943283;
    p->w_air = 6.9469096897736442;
    p->rate_att = 0.025190103985145748;
    p->rate_def = 0.024037134769442893;
    p->size_ref = 20000;
    p->size_exp = -0.020796469663421607;
    p->helmbold = 0.27357200380477259;
    p->day_decay = 0.7636675903603678;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.29005356760624723;
    p->pursuit = 0.12849900620269875;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.83918867053342872; /* prepared */
    p->posture[2] = 1.8437106615282288; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 1.574002643064462; /* steppe */
    p->terrain[2] = 1.6213150107564278; /* desert */
    p->terrain[3] = 1.0001989077347824; /* hills */
    p->terrain[4] = 1.0001989077347824; /* mountain */
    p->terrain[5] = 2.1081553233452741; /* forest */
    p->terrain[6] = 2.7584617855886142; /* marsh */
    p->terrain[7] = 0.797446178560966; /* urban */
    p->terrain[8] = 1.0001989077347824; /* island */
    p->break_att = 0.36572291983762961;
    p->break_def = 0.4262041210295307;
    p->quality_break = 0.74314165673120836;
    p->break_cap = 0.94999999999999996;
    p->ns_rate_own = 6.8312356319094354;
    p->ns_rate_enemy = 2.3822791390658256;
    p->ns_break = 0.71976427693369127;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.6735645962452248;
    p->noise_diff_sd = 0.58179381584209411;
    p->surprise_power = 0.5852263378371273;
    p->surprise_days = 3;
    p->air_power = 0.257638248892333;
    p->exploit = 0.10407782707775436;
    p->envelop_power = 1.2537757017148679;
    p->winner_bias = 0.28386986079892473;
    p->encircle_base = 0.021968840430078459;
    p->encircle_armour = 0.016152827729830808;
    p->encircle_cap = 0.90000000000000002;
    p->ns_score_ordinary = 1;
    p->nation_loss[0] = 1; /* OTHER */
    p->nation_loss[1] = 1.6900401507250715; /* RUS */
    p->nation_loss[2] = 0.79049106539583436; /* JPN */
    p->nation_loss[3] = 0.94465762924245666; /* GER */
    p->nation_loss[4] = 0.86610594789909456; /* GBR */
    p->nation_loss[5] = 1.0249536585523715; /* FRA */
    p->nation_loss[6] = 0.79576886833800886; /* USA */
    p->nation_loss[7] = 1.0404522659886031; /* CSA */
    p->nation_loss[8] = 1.4970270031975887; /* AUT */
    p->nation_loss[9] = 0.63343350060859993; /* ISR */
    p->nation_loss[10] = 1.4779477134766419; /* ARAB */
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
