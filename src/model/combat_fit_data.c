/* combat_fit_data.c — the combat model's parameters, written by
 * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,
 * data/combat-fit.yaml). Do not edit by hand: run the tool. */
#include "model/combat.h"

void hk_combat_params_default(hk_combat_params *p)
{
    p->w_tank = 293.18500215350639;
    p->w_gun = 26.692192040305347;
    p->w_air = 35.129266640128435;
    p->rate_att = 0.027758481417066896;
    p->rate_def = 0.030280700876148894;
    p->size_ref = 20000;
    p->size_exp = -0.013688604508526117;
    p->helmbold = 0.25391224757436776;
    p->day_decay = 0.84919925109535299;
    p->dispersion = 3000;
    p->dispersion_ref = 3000;
    p->dispersion_exp = 0.26361568667553392;
    p->pursuit = 0.16722373568121743;
    p->posture[0] = 1; /* hasty */
    p->posture[1] = 0.87225371728049295; /* prepared */
    p->posture[2] = 1.8914407698295297; /* fortified */
    p->terrain[0] = 1; /* plain */
    p->terrain[1] = 2.8549348309388192; /* steppe */
    p->terrain[2] = 0.76200323210665522; /* desert */
    p->terrain[3] = 0.52593418709034134; /* hills */
    p->terrain[4] = 0.52593418709034134; /* mountain */
    p->terrain[5] = 1.2553479261734326; /* forest */
    p->terrain[6] = 1.3760041283027902; /* marsh */
    p->terrain[7] = 1.0363049975656298; /* urban */
    p->terrain[8] = 0.52593418709034134; /* island */
    p->break_att = 0.36145983098028289;
    p->break_def = 0.48290089100883676;
    p->quality_break = 0.4150845957668633;
    p->break_cap = 0.94999999999999996;
    p->ns_rate_own = 5.1451503208781926;
    p->ns_rate_enemy = 1.8626284937491002;
    p->ns_break = 0.94999999999997886;
    p->collapse_ratio = 0.10000000000000001;
    p->draw_band = 0.11494856490110382;
    p->supply_half_km = 400;
    p->supply_floor = 0.25;
    p->loss_tank = 4.5461280247885103;
    p->loss_gun = 0.31576840119365412;
    p->loss_air = 1.7696329411908482;
    p->noise_common_sd = 0.70112857496921577;
    p->noise_diff_sd = 0.5309940098473922;
}

void hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])
{
    coef[0] = -0.21663037428051998; /* cea */
    coef[1] = 0.44550684006189178; /* leada */
    coef[2] = -0.26071115055885552; /* trnga */
    coef[3] = 0.0095844268799678868; /* morala */
    coef[4] = -0.30231124412611576; /* logsa */
    coef[5] = -0.85176716651868278; /* techa */
    coef[6] = -0.093537229559815277; /* intela */
    coef[7] = 0.53945915450276893; /* surpa */
    coef[8] = -0.11232362175701513; /* aeroa */
    coef[9] = 0.16717247154123083; /* inita */
    coef[10] = -0.29655507278550408; /* momnta */
    coef[11] = 0.6660763012854678; /* quala */
    coef[12] = 0.3796924821319374; /* resa */
    coef[13] = -0.14080320040774896; /* mobila */
    coef[14] = 0.25365134913273035; /* aira */
    coef[15] = 0.53537494485512205; /* fprepa */
    coef[16] = 0.58291248425839504; /* leadaa */
    coef[17] = 0.33169987613163354; /* plana */
    coef[18] = -0.76999733813781734; /* surpaa */
    coef[19] = 0.087507953541303057; /* mana */
    coef[20] = -0.38232480028701388; /* logsaa */
}
