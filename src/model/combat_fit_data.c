/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

#include <string.h>

void hk_combat_params_default(hk_combat_params *p)
{
    memset(p, 0, sizeof *p);
    p->w_tank = 246.77103615359968;
    p->w_gun = 8.5818402799898763;
    p->w_air = 190.89061639693537;
    p->rate_att = 0.024100480881314272;
    p->rate_def = 0.022489971431006249;
    p->size_ref = 20000;
    p->size_exp = -0.0023595629499537016;
    p->helmbold = 0.31352466190503242;
    p->day_decay = 0.64665022279409257;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.30484755328439572;
    p->pursuit = 0.093397613831036869;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.82354998609861219; /* prepared */
    p->posture[2] = 1.7577803813330524; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 1.4035536500007411; /* steppe */
    p->terrain[2] = 1.1763165092684826; /* desert */
    p->terrain[3] = 1.0225109807722566; /* hills */
    p->terrain[4] = 1.0225109807722566; /* mountain */
    p->terrain[5] = 1.893912435550029; /* forest */
    p->terrain[6] = 0.98964454048966843; /* marsh */
    p->terrain[7] = 0.57132061718703386; /* urban */
    p->terrain[8] = 1.0225109807722566; /* island */
    p->break_att = 0.49022548360082868;
    p->break_def = 0.62808975639272868;
    p->quality_break = 0.48410855885095316;
    p->break_cap = 0.94999999999999996;
    p->ns_rate_own = 6.6958090698205854;
    p->ns_rate_enemy = 2.8579343750182833;
    p->ns_break = 0.80172069540795043;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.67402568117877126;
    p->noise_diff_sd = 0.57475875774481822;
    p->surprise_power = 0.56983139694142781;
    p->surprise_days = 3;
    p->air_power = 0.17724547738347732;
    p->exploit = 0.063981273362547553;
    p->envelop_power = 0.79133198433323948;
    p->winner_bias = 0.30610410525359699;
    p->encircle_base = 0.028834335030506083;
    p->encircle_armour = 0.0096367682597748999;
    p->encircle_cap = 0.90000000000000002;
    p->ns_score_ordinary = 1;
    p->nation_loss[0] = 1; /* OTHER */
    p->nation_loss[1] = 1.5973954903018637; /* RUS */
    p->nation_loss[2] = 0.88443128552712014; /* JPN */
    p->nation_loss[3] = 0.89004470205618103; /* GER */
    p->nation_loss[4] = 0.89006290482511663; /* GBR */
    p->nation_loss[5] = 1.0293979121712911; /* FRA */
    p->nation_loss[6] = 0.83062604186688016; /* USA */
    p->nation_loss[7] = 1.0082781307573674; /* CSA */
    p->nation_loss[8] = 1.565113054229456; /* AUT */
    p->nation_loss[9] = 0.7696127096042068; /* ISR */
    p->nation_loss[10] = 1.4179434670788371; /* ARAB */
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
