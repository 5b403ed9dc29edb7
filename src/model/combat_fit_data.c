/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

#include <string.h>

void hk_combat_params_default(hk_combat_params *p)
{
    memset(p, 0, sizeof *p);
    p->w_tank = 760.58820148558823;
    p->w_gun = 62.853262178083085;
    p->w_air = 222.52059943351995;
    p->rate_att = 0.027885452668034504;
    p->rate_def = 0.028390176279316087;
    p->size_ref = 20000;
    p->size_exp = -0.020403826065530574;
    p->helmbold = 0.30434823622147894;
    p->day_decay = 0.88873277915340676;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.26801040404964582;
    p->pursuit = 0.21289343511034206;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.87362187096348631; /* prepared */
    p->posture[2] = 1.6293982912642959; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 1.8307127902778817; /* steppe */
    p->terrain[2] = 0.80904549777093504; /* desert */
    p->terrain[3] = 0.6281405899442053; /* hills */
    p->terrain[4] = 0.6281405899442053; /* mountain */
    p->terrain[5] = 0.98794832016078982; /* forest */
    p->terrain[6] = 0.99989682626872289; /* marsh */
    p->terrain[7] = 0.62458626787582805; /* urban */
    p->terrain[8] = 0.6281405899442053; /* island */
    p->break_att = 0.42153404516544063;
    p->break_def = 0.58475002963586109;
    p->quality_break = 0.52631700960020877;
    p->break_cap = 0.94999999999999996;
    p->ns_rate_own = 4.1518241470221318;
    p->ns_rate_enemy = 3.2032596545866436;
    p->ns_break = 0.76128790505710853;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0.1006017194541744;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.71036219908390008;
    p->noise_diff_sd = 0.52257328866967112;
    p->ns_score_ordinary = 1;
    p->nation_loss[0] = 1; /* OTHER */
    p->nation_loss[1] = 1.3229581892830511; /* RUS */
    p->nation_loss[2] = 0.92630471343880905; /* JPN */
    p->nation_loss[3] = 0.97067769773392243; /* GER */
    p->nation_loss[4] = 0.88791694706250168; /* GBR */
    p->nation_loss[5] = 1.0212663421342159; /* FRA */
    p->nation_loss[6] = 0.86882497065593456; /* USA */
    p->nation_loss[7] = 1.0975886445893845; /* CSA */
    p->nation_loss[8] = 1.142303408229413; /* AUT */
    p->nation_loss[9] = 0.77393117650724141; /* ISR */
    p->nation_loss[10] = 1.0347303155788781; /* ARAB */
}

void hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])
{
    coef[0] = -0.05896415689540177; /* cea */
    coef[1] = 0.2524831358858205; /* leada */
    coef[2] = -0.19665802733950705; /* trnga */
    coef[3] = 0.10730719392880794; /* morala */
    coef[4] = -0.13221866830595497; /* logsa */
    coef[5] = -0.84725452847116323; /* techa */
    coef[6] = -0.0030561772453277947; /* intela */
    coef[7] = 0.42976107334725544; /* surpa */
    coef[8] = -0.27505876783384697; /* aeroa */
    coef[9] = 0.16097323178071848; /* inita */
    coef[10] = -0.28751130702671246; /* momnta */
    coef[11] = 0.45444272216295256; /* quala */
    coef[12] = 0.212886194634128; /* resa */
    coef[13] = -0.1225590432844591; /* mobila */
    coef[14] = 0.33641289619397063; /* aira */
    coef[15] = 0.23378419041645004; /* fprepa */
    coef[16] = 0.51999669052815256; /* leadaa */
    coef[17] = 0.45275391397143094; /* plana */
    coef[18] = -0.68190895138201246; /* surpaa */
    coef[19] = -0.016710473160086996; /* mana */
    coef[20] = -0.19536845302222844; /* logsaa */
}
