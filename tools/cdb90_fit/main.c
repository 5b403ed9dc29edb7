/* main.c — the command: options, the fit's stages, the report (tools/cdb90_fit). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb90_fit.h"

void initial_point(double *x)
{
    memset(x, 0, sizeof(double) * NX);
    x[X_WTANK] = log(20);
    x[X_WGUN] = log(10);
    x[X_WAIR] = log(10);
    x[X_RATT] = log(0.08);
    x[X_RDEF] = log(0.05);
    x[X_SIZE] = 0.2;
    x[X_HELM] = 0;          /* exponent 1 */
    x[X_DECAY] = 0;         /* 0.75 */
    x[X_PD] = 0.2;
    x[X_FD] = 0.3;
    x[X_BATT] = log(0.3 / 0.7);
    x[X_BDEF] = log(0.3 / 0.7);
    x[X_BAND] = log(0.1);
    x[X_SCALE] = 0;
    x[X_DISP] = 0.2;
    x[X_PURSUIT] = log(0.3);
    x[X_QBREAK] = 0;
    x[X_SURPRISE] = 0;
    x[X_WBIAS] = 0;
    x[X_AIR] = log(0.3);
    x[X_EXPLOIT] = log(0.2);
    x[X_ENVELOP] = log(0.1);
    x[X_ENC_BASE] = -3;
    x[X_ENC_ARMOUR] = -2;
    x[X_FRONT] = log(3000);   /* men a km: about the median WWII attack's density */
    x[X_ARMBROKEN] = 0;       /* half weight */
    x[X_HEIGHTS] = log(0.2);
    x[X_NIGHT] = 0;           /* half weight */
    x[X_SUPPORT] = log(0.7 / 0.3); /* exponent 0.7 */
    for (int k = 0; k < HK_CDB90_CODES; k++)
        x[X_CODE0 + k] = 0.2;
}

/* The entries of the parameter vector the stage-1 simplex moves: the
 * general parameters, the terms of the earlier trials (moved idle when off,
 * as the checked-in fit was made), the new terms only when switched on, and
 * the first n_codes codes. Returns how many. */
int active_params(int n_codes, int *act)
{
    int k = 0;
    for (int i = 0; i < X_CODE0 + n_codes; i++) {
        if ((i == X_NIGHT && !g_night) || (i == X_AIRBROKEN && !g_air_broken) ||
            (i == X_SUPPORT && !g_support))
            continue;
        act[k++] = i;
    }
    return k;
}

/* The half-width of the scores for which a draw is the likeliest of the
 * three outcomes when they are cut from a logistic of scale `scale` at
 * +-band: 0 when there is no such score. */
static double argmax_draw_band(double band, double scale)
{
    if (!(band > 0) || !(scale > 0) || scale * band <= log(2.0))
        return 0;
    double lo = 0, hi = band;
    for (int it = 0; it < 100; it++) {
        double z = 0.5 * (lo + hi);
        double pa = 1 / (1 + exp(-scale * (z - band)));
        double pd = 1 / (1 + exp(-scale * (-z - band)));
        if (1 - pa - pd > pa)
            lo = z;
        else
            hi = z;
    }
    return lo;
}

/* A stage that fits one term by Nelder-Mead on every fit-part battle,
 * everything else held, from z = 0; *cpp takes the fitted term and
 * *before / *after the fit-part loss. */
static void fit_term(fitctx *ctxp, hk_combat_params *cpp, const double *coef,
                     void (*term)(const double *z, hk_combat_params *cp), double *before, double *after, int quiet)
{
    double z[1] = {0};
    ctxp->stage = STAGE_ALL;
    ctxp->base = *cpp;
    ctxp->unpack = term;
    memcpy(ctxp->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
    *before = battles_loss(ctxp, cpp, coef, g_ns_scale);
    *after = nelder_mead(term_loss_fn, ctxp, z, 1, 4, 5000, quiet);
    term(z, cpp);
}

/* Stage 4 from the parameters in *cpp (stages 1-3 done): the cut in a
 * beaten attacker's pursuit, by Nelder-Mead on every fit-part battle,
 * everything else held. */
static void fit_pursuit_cut(fitctx *ctxp, hk_combat_params *cpp, const double *coef, int quiet)
{
    double before, after; /* (z = 0: a cut of one half to start) */
    fit_term(ctxp, cpp, coef, pursuit_unpack, &before, &after, quiet);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 4, the beaten attacker's pursuit cut %.4f (fit-part loss %.5f -> %.5f)\n",
                cpp->pursuit_attacker_cut, before, after);
}

/* Stage 9: an attack across a river the defender holds (the attacker's
 * planned scheme, CDB90 RC), on every fit-part battle, everything else
 * held: only the fit part's river crossings move the loss. */
static void fit_river(fitctx *ctxp, hk_combat_params *cpp, const double *coef, int quiet)
{
    double before, after; /* (z = 0: no effect to start) */
    cpp->river_power = 0;
    fit_term(ctxp, cpp, coef, river_unpack, &before, &after, quiet);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 9, a river crossed under fire: defender's power x %.4f "
                        "(fit-part loss %.5f -> %.5f)\n",
                1 + cpp->river_power, before, after);
}

/* Stage 10: a defender that delays or withdraws (CDB90 DL, WD), on every
 * fit-part battle, everything else held: only those battles move. */
static void fit_delay(fitctx *ctxp, hk_combat_params *cpp, const double *coef, int quiet)
{
    double before, after; /* (z = 0: x 1 to start) */
    cpp->delay_rate = 0;
    fit_term(ctxp, cpp, coef, delay_unpack, &before, &after, quiet);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 10, a defender that delays: both sides' loss shares x %.4f "
                        "(fit-part loss %.5f -> %.5f)\n",
                cpp->delay_rate, before, after);
}

/* Stage 11: a storm of works, on every fit-part battle, everything else
 * held (docs/combat.md, "A storm of works"): only the fit part's one-day
 * battles against prepared or fortified defenders of 1901 on move. */
static void fit_works_storm(fitctx *ctxp, hk_combat_params *cpp, const double *coef, int quiet)
{
    double z[2] = {0, 0}; /* (no effect to start) */
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        cpp->works_storm[k] = 0;
    ctxp->stage = STAGE_ALL;
    ctxp->base = *cpp;
    memcpy(ctxp->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
    double before = battles_loss(ctxp, cpp, coef, g_ns_scale);
    double after = nelder_mead(works_storm_loss_fn, ctxp, z, 2, 4, 5000, quiet);
    works_storm_unpack(z, cpp);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 11, a storm of works: the attacker's loss share x %.4f against "
                        "prepared positions, x %.4f against fortifications (fit-part loss %.5f -> %.5f)\n",
                1 + cpp->works_storm[HK_POSTURE_PREPARED], 1 + cpp->works_storm[HK_POSTURE_FORTIFIED], before, after);
}

/* The whole fit with the first n_codes CDB90 advantage codes (0: only what
 * is known before a battle): stage 1 the general parameters, then stages 2
 * (no surrender) and 3 (national loss factors) in turn. */
static void fit_model(fitctx *c, int n_codes, int restarts, int quiet, report *Rp,
                      hk_combat_params *cpp, double *coef)
{
    fitctx ctx_copy = *c;
    fitctx *ctxp = &ctx_copy;
    const cbattle *b = c->b;
    int n = c->n;
    ctxp->n_codes = n_codes;
    double x[NX];
    initial_point(x);
    for (int k = n_codes; k < HK_CDB90_CODES; k++)
        x[X_CODE0 + k] = 0;
    ctxp->n_act = active_params(n_codes, ctxp->act);
    memcpy(ctxp->x_idle, x, sizeof x);
    double xa[NX];
    for (int i = 0; i < ctxp->n_act; i++)
        xa[i] = x[ctxp->act[i]];
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 1, %d parameters by Nelder-Mead on the fit part "
                        "without no-surrender sides\n", ctxp->n_act);
    ctxp->stage = STAGE_GENERAL;
    Rp->loss_model = nelder_mead(model_loss, ctxp, xa, ctxp->n_act, restarts, 20000, quiet);
    for (int i = 0; i < ctxp->n_act; i++)
        x[ctxp->act[i]] = xa[i];
    double scale;
    unpack(x, ctxp, cpp, coef, &scale);
    /* Stage 2: the no-surrender factors on the fit part's Japanese
     * battles of 1937-1945, everything else held. */
    ctxp->stage = STAGE_NO_SURRENDER;
    ctxp->base = *cpp;
    memcpy(ctxp->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
    g_ns_scale = scale;
    double yn[NY] = {0, 0, 0, 0, 0};
    yn[Y_NSRING] = -2; /* starts at 0.9 x 0.12 */
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 2, %d no-surrender parameters on %d battles\n", NY,
                Rp->n_ns_fit);
    /* Stages 2 and 3 share the Japanese battles of 1937-1945, so they
     * are fitted in turn, each from the other's latest values, in two
     * rounds. */
    double zn[HK_NATION_COUNT] = {0};
    zn[HK_NATION_COUNT - 1] = cpp->nation_break;
    for (int round = 0; round < (g_nations ? 2 : 1); round++) {
        ctxp->stage = STAGE_NO_SURRENDER;
        ctxp->base = *cpp;
        Rp->loss_ns = nelder_mead(ns_loss, ctxp, yn, g_ns_ring ? NY : g_ns_hold ? NY - 1 : NY - 2, 4, 5000, quiet);
        ns_unpack(yn, cpp);
        /* Stage 3: the national loss factors on every fit-part
         * battle, everything else held. */
        if (g_nations) {
            ctxp->stage = STAGE_ALL;
            ctxp->base = *cpp;
            if (!quiet)
                fprintf(stderr, "cdb90_fit: stage 3, %d national loss factors\n",
                        HK_NATION_COUNT - 1);
            nelder_mead(nation_loss_fn, ctxp, zn, HK_NATION_COUNT - 1 + (g_fit_nation_break != 0), 4, 5000, quiet);
            nation_unpack(zn, cpp);
        }
    }
    /* Stage 3b: a defender in works holds its ground, everything else
     * held, on every fit-part battle. */
    if (g_works) {
        double zw[2] = {0, 0};
        ctxp->stage = STAGE_ALL;
        ctxp->base = *cpp;
        memcpy(ctxp->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
        double before = battles_loss(ctxp, cpp, coef, g_ns_scale);
        double after = nelder_mead(works_loss_fn, ctxp, zw, 2, 4, 5000, quiet);
        works_unpack(zw, cpp);
        if (!quiet)
            fprintf(stderr, "cdb90_fit: stage 3b, works hold ground: prepared x%.3f, fortified x%.3f "
                            "(fit-part loss %.5f -> %.5f)\n",
                    cpp->posture_break[HK_POSTURE_PREPARED], cpp->posture_break[HK_POSTURE_FORTIFIED], before, after);
    }
    /* Stage 3c: what a defender's works take off the score, everything
     * else held, on every fit-part battle. */
    if (g_works_edge) {
        double zw[2] = {0, 0};
        ctxp->stage = STAGE_ALL;
        ctxp->base = *cpp;
        memcpy(ctxp->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
        double before = battles_loss(ctxp, cpp, coef, g_ns_scale);
        double after = nelder_mead(edge_loss_fn, ctxp, zw, 2, 4, 5000, quiet);
        edge_unpack(zw, cpp);
        if (!quiet)
            fprintf(stderr, "cdb90_fit: stage 3c, works hold ground in the score: prepared %.3f, fortified %.3f "
                            "(fit-part loss %.5f -> %.5f)\n",
                    cpp->works_edge[HK_POSTURE_PREPARED], cpp->works_edge[HK_POSTURE_FORTIFIED], before, after);
    }
    residual_spread(cpp, coef, b, n, &cpp->noise_common_sd, &cpp->noise_diff_sd);
    /* The winner the model names is the most probable outcome under the
     * fitted ordered logistic (cut points +-band, scale): a draw only where
     * it is likelier than either win, which is a narrower band than the cut
     * points, or none at all when scale x band <= ln 2. */
    cpp->draw_band = argmax_draw_band(cpp->draw_band, scale);
    /* Stage 4: the beaten attacker's pursuit on every fit-part battle,
     * everything else held, under the winner rule the model names winners
     * by (the band just set): the pursuit follows the winner named. The
     * random spread above is the residuals' of stages 1-3. */
    if (g_pursuit_cut)
        fit_pursuit_cut(ctxp, cpp, coef, quiet);
    /* Stage 5: the beaten defender's collapse, everything else held. */
    if (g_collapse)
        fit_collapse(ctxp, cpp, coef, quiet);
    /* A side gives way the moment its losses reach its break point: the
     * law the model runs with fights a day only to that moment
     * (break_stop). Fitted without it (refitted with it the simplex lands
     * elsewhere and does worse held out, docs/combat.md); at the fitted
     * point it changes no central estimate of a CDB90 battle, only the
     * draws of the random spread whose one day would carry a side far past
     * its break point (a two-day assault costing half the attackers).
     * --no-break-stop writes it off. */
    cpp->break_stop = g_break_stop != 0;
    /* Stage 6: the clock of a stage fought in echelons, everything else
     * held (under the law as written, break_stop included). */
    if (g_echelon_share && cpp->echelon_clock)
        fit_echelon_clock(ctxp, cpp, quiet);
    /* Stage 7: who wins a drawn battle, everything else held: fitted and
     * reported; written (adopted) only with --winner-draw, since it moves
     * every simulated battle (docs/combat.md, "Who wins a drawn battle"). */
    fit_winner_scale(b, n, cpp, coef, quiet);
    Rp->winner_scale_fit = cpp->winner_scale;
    /* Stage 8: the lean and the odds together on the draws, the collapse
     * in, read on the central score (docs/combat.md, "A winner rule that
     * does not lean"); written with --winner-neutral. */
    Rp->winner_bias_stage1 = cpp->winner_bias;
    if (g_winner_neutral)
        fit_winner_neutral(b, n, cpp, coef, quiet);
    else if (!g_winner_draw)
        cpp->winner_scale = 0;
    /* Stage 9: a river crossed under fire, everything else held (added
     * last, so that stages 1-8 are as they were without it). */
    if (g_river)
        fit_river(ctxp, cpp, coef, quiet);
    else
        cpp->river_power = 0;
    /* Stage 10: a defender that delays, everything else held. */
    if (g_delay)
        fit_delay(ctxp, cpp, coef, quiet);
    else
        cpp->delay_rate = 0;
    /* Stage 11: a storm of works, everything else held. */
    if (g_works_storm)
        fit_works_storm(ctxp, cpp, coef, quiet);
    else
        for (int k = 0; k < HK_POSTURE_COUNT; k++)
            cpp->works_storm[k] = 0;
}

int main(int argc, char **argv)
{
    const char *data = HK_SOURCE_DIR "/../shared/data/cdb90";
    const char *out = HK_SOURCE_DIR;
    int fit_storm_only = 0, fit_delay_only = 0, fit_river_only = 0, fit_cut_only = 0, fit_collapse_only = 0, fit_echelon_only = 0, fit_winner_only = 0;
    int evaluate = 0, quiet = 0, restarts = 14, n_codes = 0, compare = 1, tails = 0, echelons = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--evaluate") == 0)
            evaluate = 1;
        else if (strcmp(argv[i], "--tails") == 0 && i + 1 < argc)
            tails = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--echelons") == 0 && i + 1 < argc)
            echelons = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--restarts") == 0 && i + 1 < argc)
            restarts = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
        else if (strcmp(argv[i], "--codes") == 0 && i + 1 < argc) {
            n_codes = atoi(argv[++i]);
            if (n_codes < 0 || n_codes > HK_CDB90_CODES) {
                fprintf(stderr, "cdb90_fit: --codes needs 0 to %d\n", HK_CDB90_CODES);
                return 2;
            }
        } else if (strcmp(argv[i], "--ridge") == 0 && i + 1 < argc) {
            g_ridge = atof(argv[++i]);
        } else if (strcmp(argv[i], "--ns-score-own-break") == 0) {
            g_ns_score_ordinary = 0;
        } else if (strcmp(argv[i], "--no-compare") == 0) {
            compare = 0;
        } else if (strcmp(argv[i], "--front") == 0) {
            g_front = 1;
        } else if (strcmp(argv[i], "--armour-terrain") == 0) {
            g_armour_broken = 1;
        } else if (strcmp(argv[i], "--heights") == 0) {
            g_heights = 1;
        } else if (strcmp(argv[i], "--ns-own-outmatched") == 0) {
            g_ns_outmatched = 1;
        } else if (strcmp(argv[i], "--delay") == 0) {
            g_delay = 1;
        } else if (strcmp(argv[i], "--no-delay") == 0) {
            g_delay = 0;
        } else if (strcmp(argv[i], "--no-works-storm") == 0) {
            g_works_storm = 0;
        } else if (strcmp(argv[i], "--fit-works-storm") == 0) {
            fit_storm_only = 1;
        } else if (strcmp(argv[i], "--fit-delay") == 0) {
            fit_delay_only = 1;
        } else if (strcmp(argv[i], "--river") == 0) {
            g_river = 1;
        } else if (strcmp(argv[i], "--fit-river") == 0) {
            fit_river_only = 1;
        } else if (strcmp(argv[i], "--night") == 0) {
            g_night = 1;
        } else if (strcmp(argv[i], "--ns-defender-only") == 0) {
            g_ns_defender_only = 1;
        } else if (strcmp(argv[i], "--break-stop") == 0) {
            g_break_stop = 1;
        } else if (strcmp(argv[i], "--no-break-stop") == 0) {
            g_break_stop = 0;
        } else if (strcmp(argv[i], "--no-echelon-clock") == 0) {
            g_echelon_clock = 0;
        } else if (strcmp(argv[i], "--no-echelon-winner") == 0) {
            g_echelon_winner = 0;
        } else if (strcmp(argv[i], "--way-back") == 0) {
            g_way_back = 1;
        } else if (strcmp(argv[i], "--no-pursuit-cut") == 0) {
            g_pursuit_cut = 0;
        } else if (strcmp(argv[i], "--pursuit-cut") == 0 && i + 1 < argc) {
            g_pursuit_cut_set = atof(argv[++i]);
            if (!(g_pursuit_cut_set >= 0 && g_pursuit_cut_set <= 1)) {
                fprintf(stderr, "cdb90_fit: --pursuit-cut takes a number from 0 to 1\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--echelon-share") == 0 && i + 1 < argc) {
            g_echelon_share_set = atof(argv[++i]);
            if (!(g_echelon_share_set >= 0 && g_echelon_share_set <= 1)) {
                fprintf(stderr, "cdb90_fit: --echelon-share takes a number from 0 to 1\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--no-echelon-share") == 0) {
            g_echelon_share = 0;
        } else if (strcmp(argv[i], "--fit-echelon-share") == 0) {
            fit_echelon_only = 1;
        } else if (strcmp(argv[i], "--no-collapse") == 0) {
            g_collapse = 0;
        } else if (strcmp(argv[i], "--winner-draw") == 0) {
            g_winner_draw = 1;
        } else if (strcmp(argv[i], "--winner-scale") == 0 && i + 1 < argc) {
            g_winner_scale_set = atof(argv[++i]);
            if (!(g_winner_scale_set >= 0)) {
                fprintf(stderr, "cdb90_fit: --winner-scale expects a number >= 0\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--winner-neutral") == 0) {
            g_winner_neutral = 1;
        } else if (strcmp(argv[i], "--winner-bias") == 0 && i + 1 < argc) {
            g_winner_bias_set = atof(argv[++i]);
        } else if (strcmp(argv[i], "--winner-draw-bias") == 0 && i + 1 < argc) {
            g_winner_draw_bias_set = atof(argv[++i]);
        } else if (strcmp(argv[i], "--winner-central") == 0 && i + 1 < argc) {
            g_winner_central_set = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--winner-on-drawn") == 0) {
            g_winner_central = 0;
        } else if (strcmp(argv[i], "--fit-winner-draw") == 0) {
            fit_winner_only = 1;
        } else if (strcmp(argv[i], "--fit-collapse") == 0) {
            fit_collapse_only = 1;
        } else if (strcmp(argv[i], "--fit-pursuit-cut") == 0) {
            fit_cut_only = 1;
        } else if (strcmp(argv[i], "--no-quiet") == 0) {
            g_quiet_contact = 0;
        } else if (strcmp(argv[i], "--support") == 0) {
            g_support = 1;
        } else if (strcmp(argv[i], "--air-terrain") == 0) {
            g_air_broken = 1;
        } else if (strcmp(argv[i], "--ns-hold") == 0) {
            g_ns_hold = 1;
        } else if (strcmp(argv[i], "--ns-ring") == 0) {
            g_ns_ring = 1;
        } else if (strcmp(argv[i], "--ns-collapse") == 0) {
            g_ns_no_collapse = 0;
        } else if (strcmp(argv[i], "--nation-break") == 0 && i + 1 < argc) {
            g_nation_break_set = atof(argv[++i]);
        } else if (strcmp(argv[i], "--works-edge") == 0) {
            g_works_edge = 1;
        } else if (strcmp(argv[i], "--works") == 0) {
            g_works = 1;
        } else if (strcmp(argv[i], "--fit-nation-break") == 0) {
            g_fit_nation_break = 1;
        } else if (strcmp(argv[i], "--no-nations") == 0) {
            g_nations = 0;
        } else if (strcmp(argv[i], "--cauchy") == 0)
            g_cauchy = 1;
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: cdb90_fit [CDB90_DIR] [--out REPO_DIR] [--evaluate] [--quiet]\n"
                   "                 [--codes N] [--ridge X] [--cauchy] [--restarts N]\n\n"
                   "Stage 9 fits an attack across a river the defender holds (CDB90's scheme\n"
                   "RC), everything else held, with --river (tried, not adopted: off by\n"
                   "default); --evaluate --fit-river fits it alone from the compiled stages 1-8\n"
                   "and scores the held-out part with it. Stage 10 fits a defender that delays\n"
                   "or withdraws (CDB90's postures DL, WD), adopted; --no-delay leaves it off,\n"
                   "--evaluate --fit-delay fits it alone from the compiled stages 1-9.\n\n"
                   "Fits the combat model and a plain Lanchester square law on the odd-numbered\n"
                   "CDB90 battles and reports both on the even-numbered ones and the six\n"
                   "Japan-USSR engagements. Writes data/combat-fit.yaml,\n"
                   "docs/combat-validation.md and src/model/combat_fit_data.c under REPO_DIR\n"
                   "(default %s). --evaluate scores the compiled-in parameters instead and\n"
                   "prints key=value lines. CDB90_DIR defaults to %s.\n\n"
                   "For experiments (write them elsewhere with --out): --codes N uses only the\n"
                   "first N CDB90 advantage codes (11 = those of the first version); --ridge X\n"
                   "sets the ridge on posture, terrain and codes (0.002); --cauchy uses a robust\n"
                   "casualty loss; --restarts N Nelder-Mead restarts (14). Structural terms\n"
                   "the adopted fit leaves off: --front (men a km of front in contact),\n"
                   "--armour-terrain (tanks weigh less on broken ground), --heights (a\n"
                   "prepared defence of hills), --ns-own-outmatched (a no-surrender side's own\n"
                   "extra losses only while outmatched), --night (a night attack's first day\n"
                   "blinds the weapons), --air-terrain (aircraft weigh less over broken\n"
                   "ground), --ns-hold (an unbroken no-surrender defender holds its ground:\n"
                   "the score reads its break point towards ns_break); --ns-collapse lets\n"
                   "no-surrender sides quit on the force ratio as before; --ns-ring fits\n"
                   "encircle_ns (a line that fights to the last stands inside the ring as it\n"
                   "closes: more of it is cut off); --support (weapons\n"
                   "need men: their worth saturates, M x (1 + W/M)^s); --no-quiet (no losses\n"
                   "in contact between a campaign's engagements); --ns-defender-only (a\n"
                   "side's no-surrender acts only while it defends); --way-back (the\n"
                   "no-surrender sides on the mainland, not the island garrisons, have a way\n"
                   "back: only the men a ring cuts off fight to the last); --break-stop (a\n"
                   "day is fought only until a side reaches its break point; with --evaluate\n"
                   "and --tails too, as --no-break-stop). With --tails --echelons K:\n"
                   "--no-echelon-clock (each echelon's stage starts a new battle's clock),\n"
                   "--no-echelon-winner (the last stage's winner). --no-pursuit-cut fits\n"
                   "without stage 4 (a beaten attacker pursued as far as a beaten defender);\n"
                   "--pursuit-cut X (0 to 1) evaluates and tails with that cut instead of the\n"
                   "compiled one; --evaluate --fit-pursuit-cut fits stage 4 alone from the\n"
                   "compiled stages 1-3 and prints the cut. --no-collapse fits without stage 5\n"
                   "(a beaten defender never collapses), and evaluates and tails with the\n"
                   "collapse off; --evaluate --fit-collapse fits stage 5 alone from the\n"
                   "compiled stages 1-4 and prints it. Stage 7 (who wins a drawn battle) is\n"
                   "fitted and reported but written as 0 (the score decides) unless\n"
                   "--winner-draw; --winner-scale X evaluates and tails with that scale\n"
                   "instead of the compiled one; --evaluate --fit-winner-draw prints stage 7's\n"
                   "fit from the compiled stages 1-6. --nation-break X sets the national loss\n"
                   "factors' share in the break points (0 off; with --evaluate instead of the\n"
                   "compiled one); --fit-nation-break fits it in stage 3 with the factors.\n"
                   "--works fits stage 3b: a defender in prepared or fortified works stands\n"
                   "more losses before it gives the ground (its break points x a factor);\n"
                   "--works-edge fits stage 3c: the score less a term for the defender's works.\n\n"
                   "--tails N prints, for every battle with both strengths, the recorded and\n"
                   "the compiled-in model's casualties and, over N draws of its random spread,\n"
                   "how often a side loses 70%% or more and the exchange reaches 5:1 and 10:1\n"
                   "(--echelons K: fought in K echelons, as the simulation's border battles);\n"
                   "tools/cdb90_fit/border_tails.py summarises them.\n",
                   HK_SOURCE_DIR, HK_SOURCE_DIR "/../shared/data/cdb90");
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "cdb90_fit: unknown option '%s' (see --help)\n", argv[i]);
            return 2;
        } else
            data = argv[i];
    }

    static cbattle b[MAX_BATTLES];
    int n = 0;
    if (load_battles(data, b, &n) != 0)
        return 2;
    if (tails)
        return tails_run(b, n, tails, echelons);
    fitctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.b = b;
    ctx.n = n;
    ctx.n_codes = n_codes;
    ctx.loss_tank = median_ratio(b, n, 0);
    ctx.loss_gun = median_ratio(b, n, 1);
    ctx.loss_air = median_ratio(b, n, 2);

    report R;
    memset(&R, 0, sizeof R);
    for (int i = 0; i < n; i++) {
        R.n_fit += b[i].part == PART_FIT && usable(&b[i]);
        R.n_held += b[i].part == PART_HELD && usable(&b[i]);
        R.n_ns_fit += b[i].part == PART_FIT && usable(&b[i]) && has_no_surrender(&b[i]);
        R.n_ns_held += b[i].part == PART_HELD && usable(&b[i]) && has_no_surrender(&b[i]);
    }
    if (!quiet)
        fprintf(stderr, "cdb90_fit: %d battles read; fit part %d, held-out part %d\n", n, R.n_fit,
                R.n_held);

    /* The baseline is fitted in both modes: it has four numbers and takes
     * well under a second. */
    double y[4] = {log(0.02), log(0.01), log(0.1), 0};
    R.loss_lanchester = nelder_mead(lanchester_loss, &ctx, y, 4, 3, 5000, 1);
    double lscale;
    lanchester_unpack(y, &R.L, &lscale);

    hk_combat_params cp;
    double coef[HK_CDB90_CODES];
    if (evaluate) {
        fit_params_compiled(&cp, coef);
        /* stage 4 alone from the compiled stages 1-3 (the cut set to 0 first) */
        if (fit_cut_only) {
            cp.pursuit_attacker_cut = 0;
            fit_pursuit_cut(&ctx, &cp, coef, 0);
            printf("pursuit_attacker_cut=%.17g\n", cp.pursuit_attacker_cut);
        }
        /* stage 9 alone from the compiled stages 1-8 */
        if (fit_river_only) {
            fit_river(&ctx, &cp, coef, 0);
            printf("river_power=%.17g\n", cp.river_power);
        }
        /* stage 10 alone from the compiled stages 1-9 */
        if (fit_delay_only) {
            fit_delay(&ctx, &cp, coef, 0);
            printf("delay_rate=%.17g\n", cp.delay_rate);
        }
        /* stage 11 alone from the compiled stages 1-10 */
        if (fit_storm_only) {
            fit_works_storm(&ctx, &cp, coef, 0);
            printf("works_storm_prepared=%.17g\nworks_storm_fortified=%.17g\n", cp.works_storm[HK_POSTURE_PREPARED],
                   cp.works_storm[HK_POSTURE_FORTIFIED]);
        }
        if (fit_echelon_only) {
            fit_echelon_clock(&ctx, &cp, 0);
            printf("echelon_clock_share=%.17g\n", cp.echelon_clock_share);
        }
        /* stage 7 from the compiled stages 1-6: fitted for the report (the
         * draws as fitted), the compiled scale kept */
        {
            hk_combat_params q = cp;
            fit_winner_scale(b, n, &q, coef, !fit_winner_only);
            R.winner_scale_fit = q.winner_scale;
            if (fit_winner_only)
                printf("winner_scale=%.17g\n", q.winner_scale);
        }
        /* stage 8 from the compiled stages 1-7, and scored with it */
        if (g_winner_neutral) {
            R.winner_bias_stage1 = cp.winner_bias;
            fit_winner_neutral(b, n, &cp, coef, 0);
            printf("winner_draw_bias=%.17g\nwinner_scale=%.17g\nwinner_central=%d\n", cp.winner_draw_bias,
                   cp.winner_scale, cp.winner_central);
        }
        /* stage 5 alone from the compiled stages 1-4 */
        if (fit_collapse_only) {
            fit_collapse(&ctx, &cp, coef, 0);
#define O(field, label, note) printf(#field "=%.17g\n", cp.field);
            CDB90_COLLAPSE_TERMS(O)
#undef O
            printf("collapse_share=%.17g\n", cp.collapse_share);
        }
    } else {
        /* The same model fitted with CDB90's 21 advantage codes, which
         * historians set knowing the outcome: for comparison (it explains
         * the record better, but cannot predict a battle not yet fought),
         * and for the one parameter only the codes can show, what quality
         * does to break points. */
        if (compare && n_codes == 0) {
            report Rc = R;
            hk_combat_params cpc;
            double coefc[HK_CDB90_CODES];
            if (!quiet)
                fprintf(stderr, "cdb90_fit: the comparison fit with the %d codes\n",
                        HK_CDB90_CODES);
            fit_model(&ctx, HK_CDB90_CODES, restarts, quiet, &Rc, &cpc, coefc);
            score_model(&cpc, coefc, b, n, PART_FIT, &R.codes_mf);
            score_model(&cpc, coefc, b, n, PART_HELD, &R.codes_mh);
            g_year_lo = 1919, g_year_hi = 1945;
            score_model(&cpc, coefc, b, n, PART_HELD, &R.codes_mh45);
            g_year_lo = g_year_hi = 0;
            R.have_codes = 1;
            g_quality_break_hold = cpc.quality_break;
            for (int part = 0; part < 2; part++)
                tails_summary(&cpc, coefc, b, n, part, TAILS_DRAWS, TAILS_ECHELONS, &R.t_codes[part]);
        } else if (n_codes == 0) {
            /* judged: about what the fits with the codes have given (0.53) */
            g_quality_break_hold = 0.5;
        }
        fit_model(&ctx, n_codes, restarts, quiet, &R, &cp, coef);
    }
    score_model(&cp, coef, b, n, PART_FIT, &R.mf);
    score_model(&cp, coef, b, n, PART_HELD, &R.mh);
    score_lanchester(&R.L, b, n, PART_FIT, &R.lf);
    score_lanchester(&R.L, b, n, PART_HELD, &R.lh);
    score_naive(b, n, PART_HELD, &R.naive_att, &R.naive_larger);
    /* The held-out battles of 1919-1945 on their own. */
    g_year_lo = 1919, g_year_hi = 1945;
    score_model(&cp, coef, b, n, PART_HELD, &R.mh45);
    score_lanchester(&R.L, b, n, PART_HELD, &R.lh45);
    score_naive(b, n, PART_HELD, &R.naive_att45, &R.naive_larger45);
    g_year_lo = g_year_hi = 0;
    {
        /* The battles with a no-surrender side, with the factors and with
         * them switched off (factors 1, the ordinary break point). */
        hk_combat_params off = cp;
        off.ns_rate_own = off.ns_rate_enemy = 1;
        off.ns_break = off.break_def;
        off.ns_hold = 0;
        g_score_ns_only = 1;
        score_model(&cp, coef, b, n, PART_FIT, &R.nsf);
        score_model(&cp, coef, b, n, PART_HELD, &R.nsh);
        score_model(&off, coef, b, n, PART_FIT, &R.nsf_off);
        score_model(&off, coef, b, n, PART_HELD, &R.nsh_off);
        g_score_ns_only = 0;
        hk_combat_params flat = cp;
        for (int k = 0; k < HK_NATION_COUNT; k++)
            flat.nation_loss[k] = 1;
        score_model(&flat, coef, b, n, PART_HELD, &R.mh_nat_off);
        for (int k = 1; k < HK_NATION_COUNT; k++) {
            score_nation(&cp, coef, b, n, PART_HELD, k, &R.nat_h[k]);
            score_nation(&flat, coef, b, n, PART_HELD, k, &R.nat_h_off[k]);
            score fitk;
            score_nation(&cp, coef, b, n, PART_FIT, k, &fitk);
            R.nat_fit_sides[k] = fitk.n_sides;
        }
        g_score_ns_only = 0;
    }
    for (int k = 0; k < 7; k++) {
        hk_combat_params q = cp;
        switch (k) {
        case 0: q.surprise_power = 0; break;
        case 1: q.air_power = 0; break;
        case 2: q.envelop_power = 0; break;
        case 3: q.exploit = 0; break;
        case 4: q.encircle_base = q.encircle_armour = 0; break;
        case 5: q.winner_bias = 0; break;
        default: q.ns_no_collapse = 0; break;
        }
        score_model(&q, coef, b, n, PART_HELD, &R.abl[k]);
    }
    if (khalkhin_gol(&cp, &R.kg) != 0)
        return 1;
    /* the defender's collapse (stage 5) on both parts */
    for (int part = 0; part < 2; part++) {
        collapse_score(&cp, coef, b, n, part, &R.coll_ll[part], &R.coll_ll_base[part], &R.coll_named[part],
                       &R.coll_n[part], &R.coll_k[part]);
        tails_summary(&cp, coef, b, n, part, TAILS_DRAWS, TAILS_ECHELONS, &R.t_model[part]);
        hk_combat_params off = cp;
        off.collapse_share = 0;
        tails_summary(&off, coef, b, n, part, TAILS_DRAWS, TAILS_ECHELONS, &R.t_off[part]);
        if (isfinite(g_spread_all[0])) {
            off.noise_common_sd = g_spread_all[0];
            off.noise_diff_sd = g_spread_all[1];
            tails_summary(&off, coef, b, n, part, TAILS_DRAWS, TAILS_ECHELONS, &R.t_before[part]);
            R.have_before = 1;
            R.spread_all[0] = g_spread_all[0];
            R.spread_all[1] = g_spread_all[1];
        }
    }

    /* who wins a drawn battle (stage 7): before it (the score decides)
     * and as fitted, each part as one battle, and the held-out battles of
     * a border battle's size in echelons, as the simulation fights them */
    {
        hk_combat_params before = cp, after = cp, s7 = cp;
        before.winner_scale = 0;
        before.winner_central = s7.winner_central = 0;
        s7.winner_scale = R.winner_scale_fit;
        if (!(cp.winner_scale > 0))
            after = s7; /* stage 7's, not adopted */
        for (int part = 0; part < 2; part++) {
            winner_summary(&before, coef, b, n, part, 1, 0, &R.w_before[part]);
            winner_summary(&after, coef, b, n, part, 1, 0, &R.w_after[part]);
            if (cp.winner_central)
                winner_summary(&s7, coef, b, n, part, 1, 0, &R.w_s7[part]);
        }
        winner_summary(&before, coef, b, n, PART_HELD, TAILS_ECHELONS, 1, &R.w_border_before);
        winner_summary(&after, coef, b, n, PART_HELD, TAILS_ECHELONS, 1, &R.w_border_after);
        if (cp.winner_central)
            winner_summary(&s7, coef, b, n, PART_HELD, TAILS_ECHELONS, 1, &R.w_border_s7);
    }
    printf("winner_scale_fit=%.4f\nheldout_draws_attacker_share=%.4f\nheldout_draws_loglik=%.4f\n"
           "heldout_draws_loglik_base=%.4f\nheldout_draws_loglik_score=%.4f\n"
           "heldout_border_draws_attacker_share=%.4f\nheldout_attacker_won_share=%.4f\n",
           R.winner_scale_fit, R.w_after[1].drawn, R.w_after[1].ll, R.w_after[1].ll_base, R.w_before[1].ll,
           R.w_border_after.drawn, R.w_after[1].rec);
    printf("fit_draws_attacker_share=%.4f\nfit_attacker_won_share=%.4f\nfit_draws_loglik=%.4f\n"
           "heldout_border_attacker_won_share=%.4f\nheldout_border_draws_loglik=%.4f\n",
           R.w_after[0].drawn, R.w_after[0].rec, R.w_after[0].ll, R.w_border_after.rec, R.w_border_after.ll);
    printf("fit_draws_named_share=%.4f\nheldout_draws_named_share=%.4f\nheldout_score_draws_named_share=%.4f\n",
           R.w_after[0].named, R.w_after[1].named, R.w_before[1].named);
    printf("heldout_winner_share=%.4f\nheldout_within2_share=%.4f\n"
           "lanchester_heldout_winner_share=%.4f\nlanchester_heldout_within2_share=%.4f\n",
           share(R.mh.n_winner_right, R.mh.n_battles), share(R.mh.n_within2, R.mh.n_sides),
           share(R.lh.n_winner_right, R.lh.n_battles), share(R.lh.n_within2, R.lh.n_sides));
    printf("heldout_1919_1945_winner_share=%.4f\nheldout_1919_1945_within2_share=%.4f\n",
           share(R.mh45.n_winner_right, R.mh45.n_battles),
           share(R.mh45.n_within2, R.mh45.n_sides));
    printf("heldout_collapse_loglik=%.4f\nheldout_collapse_loglik_base=%.4f\n"
           "heldout_border_exchange5_share=%.4f\nheldout_border_defender5_share=%.4f\n"
           "heldout_border_attacker5_share=%.4f\n",
           R.coll_ll[1], R.coll_ll_base[1], R.t_model[1].m5, R.t_model[1].m_d5, R.t_model[1].m_a5);
    if (!quiet)
        printf("fit_winner_share=%.4f\nfit_within2_share=%.4f\nkhalkhin_gol_sov=%.0f\n"
               "khalkhin_gol_jpn=%.0f\nkhalkhin_gol_days=%d\nkhalkhin_gol_winner=%s\n",
               share(R.mf.n_winner_right, R.mf.n_battles), share(R.mf.n_within2, R.mf.n_sides),
               R.kg.casualties[0], R.kg.casualties[1], R.kg.days, winner_name(R.kg.winner));
    if (evaluate)
        return 0;

    FILE *f = open_out(out, "data/combat-fit.yaml");
    if (!f)
        return 1;
    write_yaml(f, &cp, coef, &R, b, n);
    fclose(f);
    if (!(f = open_out(out, "docs/combat-validation.md")))
        return 1;
    write_validation(f, &cp, coef, &R, b, n);
    fclose(f);
    if (!(f = open_out(out, "src/model/combat_fit_data.c")))
        return 1;
    write_params_c(f, &cp, coef);
    fclose(f);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: wrote data/combat-fit.yaml, docs/combat-validation.md, "
                        "src/model/combat_fit_data.c under %s\n", out);
    return 0;
}
