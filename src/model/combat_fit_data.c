/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

void hk_combat_params_default(hk_combat_params *p)
{
    p->w_tank = 187.8126524322625;
    p->w_gun = 11.654178035663419;
    p->w_air = 112.51960319166488;
    p->rate_att = 0.029009633293998218;
    p->rate_def = 0.027836373398921747;
    p->size_ref = 20000;
    p->size_exp = 0.021755985452723826;
    p->helmbold = 0.37944846251531716;
    p->day_decay = 0.7347930552700328;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.26365327506649072;
    p->pursuit = 0.20267051143186463;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.89732109441082852; /* prepared */
    p->posture[2] = 1.4793224380453889; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 1.5676062670193676; /* steppe */
    p->terrain[2] = 0.96919977748107322; /* desert */
    p->terrain[3] = 0.95649308006263045; /* hills */
    p->terrain[4] = 0.95649308006263045; /* mountain */
    p->terrain[5] = 1.1978996286912091; /* forest */
    p->terrain[6] = 0.99994965928458079; /* marsh */
    p->terrain[7] = 0.70146922680173829; /* urban */
    p->terrain[8] = 0.95649308006263045; /* island */
    p->break_att = 0.38503575547916336;
    p->break_def = 0.47198896516558742;
    p->era_rate = 1;
    p->quality_break = 0;
    p->break_cap = 0.95;
    p->ns_rate_own = 1;
    p->ns_rate_enemy = 1;
    p->ns_break = p->break_def;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0.070230858083358549;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.73146973170427909;
    p->noise_diff_sd = 0.5627133479460944;
}

void hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])
{
    coef[0] = 0.17821329463751748; /* cea */
    coef[1] = 0.85630689648488545; /* leada */
    coef[2] = -0.08851467899009241; /* trnga */
    coef[3] = 0.33319183302783351; /* morala */
    coef[4] = -0.27646559192260978; /* logsa */
    coef[5] = -1.1097724593301732; /* techa */
    coef[6] = 0.10555154974052439; /* intela */
    coef[7] = 0.20669450561373723; /* surpa */
    coef[8] = -0.050077246734128465; /* aeroa */
    coef[9] = 0.22169349142335337; /* inita */
    coef[10] = -0.21984105374545876; /* momnta */
    for (int k = 11; k < HK_CDB90_CODES; k++)
        coef[k] = 0;
}

void hk_combat_cdb90_era_rates(double rate[HK_CDB90_ERAS])
{
    for (int k = 0; k < HK_CDB90_ERAS; k++)
        rate[k] = 1;
}
