/* write.c — writing data/combat-fit.yaml, docs/combat-validation.md and src/model/combat_fit_data.c (tools/cdb90_fit). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cdb90_fit.h"

#include <gsl/gsl_cdf.h>

/* Exact (Clopper-Pearson) 95% interval of a share k/n. */
static double cp_lo(int k, int n)
{
    return k <= 0 || n <= 0 ? 0 : gsl_cdf_beta_Pinv(0.025, k, n - k + 1);
}
static double cp_hi(int k, int n)
{
    return n <= 0 || k >= n ? 1 : gsl_cdf_beta_Pinv(0.975, k + 1, n - k);
}

/* ---- writing ------------------------------------------------------------- */

const char *winner_name(int w)
{
    return w == HK_COMBAT_ATTACKER ? "attacker" : w == HK_COMBAT_DEFENDER ? "defender" : "draw";
}

const char *wina_name(int wina)
{
    return wina == 1 ? "attacker" : wina == -1 ? "defender" : "draw";
}

void write_params_c(FILE *f, const hk_combat_params *cp, const double *coef)
{
    fprintf(f, "/* combat_fit_data.c — the combat model's parameters, written by\n"
               " * tools/cdb90_fit from its fit on CDB90 (docs/combat-validation.md,\n"
               " * data/combat-fit.yaml). Do not edit by hand: run the tool. */\n"
               "#include \"model/combat.h\"\n\n#include <string.h>\n\n"
               "void hk_combat_params_default(hk_combat_params *p)\n{\n"
               "    memset(p, 0, sizeof *p);\n");
#define W(field) fprintf(f, "    p->" #field " = %.17g;\n", cp->field)
    W(w_tank); W(w_gun); W(w_air); W(rate_att); W(rate_def); W(size_ref); W(size_exp);
    W(helmbold); W(day_decay); W(dispersion); W(dispersion_ref); W(dispersion_exp); W(pursuit); W(pursuit_attacker_cut);
    for (int i = 0; i < HK_POSTURE_COUNT; i++)
        fprintf(f, "    p->posture[%d] = %.17g; /* %s */\n", i, cp->posture[i],
                hk_combat_posture_name((hk_posture)i));
    for (int i = 0; i < HK_TERRAIN_COUNT; i++)
        fprintf(f, "    p->terrain[%d] = %.17g; /* %s */\n", i, cp->terrain[i],
                hk_combat_terrain_name((hk_terrain)i));
    W(break_att); W(break_def); W(quality_break); W(break_cap); W(ns_rate_own);
    W(ns_rate_enemy); W(ns_break); W(collapse_ratio); W(draw_band); W(supply_half_km);
    W(supply_floor); W(loss_tank); W(loss_gun); W(loss_air); W(noise_common_sd);
    W(noise_diff_sd); W(surprise_power); W(surprise_days); W(air_power); W(exploit);
    W(envelop_power); W(winner_bias); W(encircle_base); W(encircle_armour); W(encircle_cap); W(encircle_ns);
    W(front_density); W(armour_broken); W(heights); W(night_weapons); W(ns_hold); W(air_broken);
    W(support_exp);
#define WC(field, label, note) W(field);
    CDB90_COLLAPSE_TERMS(WC)
#undef WC
    W(collapse_share); W(echelon_clock_share); W(winner_scale); W(winner_draw_bias); W(nation_break);
    W(river_power); W(delay_rate);
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        fprintf(f, "    p->posture_break[%d] = %.17g;\n", k, cp->posture_break[k]);
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        fprintf(f, "    p->works_edge[%d] = %.17g;\n", k, cp->works_edge[k]);
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        fprintf(f, "    p->works_storm[%d] = %.17g;\n", k, cp->works_storm[k]);
    fprintf(f, "    p->ns_own_outmatched = %d;\n", cp->ns_own_outmatched);
    fprintf(f, "    p->ns_no_collapse = %d;\n", cp->ns_no_collapse);
    fprintf(f, "    p->quiet_contact = %d;\n", cp->quiet_contact);
    fprintf(f, "    p->ns_defender_only = %d;\n", cp->ns_defender_only);
    fprintf(f, "    p->break_stop = %d;\n", cp->break_stop);
    fprintf(f, "    p->echelon_clock = %d;\n", cp->echelon_clock);
    fprintf(f, "    p->echelon_winner = %d;\n", cp->echelon_winner);
    fprintf(f, "    p->winner_central = %d;\n", cp->winner_central);
    {
        fprintf(f, "    p->ns_score_ordinary = %d;\n", cp->ns_score_ordinary);
        static const char *const nat[HK_NATION_COUNT] = HK_COMBAT_NATION_CODES;
        for (int k = 0; k < HK_NATION_COUNT; k++)
            fprintf(f, "    p->nation_loss[%d] = %.17g; /* %s */\n", k, cp->nation_loss[k], nat[k]);
    }
#undef W
    fprintf(f, "}\n\nvoid hk_combat_cdb90_coefs(double coef[HK_CDB90_CODES])\n{\n");
    static const char *const names[HK_CDB90_CODES] = HK_CDB90_CODE_NAMES;
    for (int k = 0; k < HK_CDB90_CODES; k++)
        fprintf(f, "    coef[%d] = %.17g; /* %s */\n", k, coef[k], names[k]);
    fprintf(f, "}\n");
}

void write_yaml(FILE *f, const hk_combat_params *cp, const double *coef, const report *R,
                       const cbattle *b, int n)
{
    fprintf(f, "# Combat model fitted on CDB90 by tools/cdb90_fit (do not edit by hand).\n"
               "# Split (docs/combat.md): fit = odd isqno without the six Japan-USSR battles;\n"
               "# held out = even isqno and isqno 256-260, 516; CDB90 duplicates left out.\n"
               "method: GSL multimin nmsimplex2 (Nelder-Mead), restarts from the best point\n"
               "loss: mean %s log casualty error + mean outcome negative log-likelihood\n",
            g_cauchy ? "Cauchy" : "squared");
    fprintf(f, "battles: {fit: %d, held_out: %d}\n", R->n_fit, R->n_held);
    fprintf(f, "final_loss: {model: %.5f, lanchester: %.5f}\n", R->loss_model, R->loss_lanchester);
    fprintf(f, "parameters:\n");
#define P(name, val, how, note) \
    fprintf(f, "  %-22s {value: %.6g, %s, note: \"%s\"}\n", name ":", val, how, note)
    P("w_tank", cp->w_tank, "fitted", "men-equivalents per tank");
    P("w_gun", cp->w_gun, "fitted", "men-equivalents per gun");
    P("w_air", cp->w_air, "fitted", "men-equivalents per aircraft (CDB90: sorties/day)");
    P("rate_att", cp->rate_att, "fitted", "attacker daily loss share at parity, size_ref men");
    P("rate_def", cp->rate_def, "fitted", "defender daily loss share at parity, size_ref men");
    P("size_ref", cp->size_ref, "fixed", "men in all at which rates are quoted");
    P("size_exp", cp->size_exp, "fitted", "rates scale with (men/size_ref)^-size_exp");
    P("helmbold", cp->helmbold, "fitted", "power-ratio exponent, range 0..2");
    P("day_decay", cp->day_decay, "fitted", "rate on day t scaled by t^-day_decay, 0..1.5");
    P("dispersion_ref", cp->dispersion_ref, "fixed", "Dupuy's WWII dispersion factor; default");
    P("dispersion_exp", cp->dispersion_exp, "fitted", "rates x (dispersion/ref)^-exp");
    P("pursuit", cp->pursuit, "fitted", "the loser's losses x (1 + pursuit)");
    P("pursuit_attacker_cut", cp->pursuit_attacker_cut, "fitted_stage4",
      "a beaten attacker's pursuit x (1 - this)");
#define PC(field, label, note) P(#field, cp->field, "fitted_stage5", note);
    CDB90_COLLAPSE_TERMS(PC)
#undef PC
    P("collapse_share", cp->collapse_share, "fitted_stage5",
      "share of its remaining men a collapsed defender loses, routed or taken");
    P("winner_draw_bias", cp->winner_draw_bias, cp->winner_central ? "fitted_stage8" : "off",
      "the lean of the draws' odds (winner_central), where winner_bias is the central estimate's");
    P("winner_scale", cp->winner_scale, cp->winner_central ? "fitted_stage8" : cp->winner_scale > 0 ? "fitted_stage7" : "off",
      "a drawn battle no side broke off: the attacker wins with p = sigm(this x (score + lean)), the lean "
      "winner_draw_bias when winner_central is set, else winner_bias; 0 = the score decides");
    P("posture_prepared", cp->posture[HK_POSTURE_PREPARED], "fitted", "defender power x");
    P("posture_fortified", cp->posture[HK_POSTURE_FORTIFIED], "fitted", "defender power x");
    for (int t = 0; t < HK_TERRAIN_COUNT; t++) {
        char key[40];
        snprintf(key, sizeof key, "terrain_%s:", hk_combat_terrain_name((hk_terrain)t));
        const char *how = t == HK_TERRAIN_PLAIN ? "fixed"
                          : (t == HK_TERRAIN_MOUNTAIN || t == HK_TERRAIN_ISLAND) ? "copied"
                                                                                 : "fitted";
        fprintf(f, "  %-22s {value: %.6g, %s, note: \"defender power x\"}\n", key, cp->terrain[t],
                how);
    }
    P("break_att", cp->break_att, "fitted", "attacker loss share at which it breaks off");
    P("break_def", cp->break_def, "fitted", "defender loss share at which it breaks off");
    P("quality_break", cp->quality_break, "fitted", "break point x (own/enemy quality)^this");
    P("break_cap", cp->break_cap, "fixed", "no break point above this");
    P("ns_rate_own", cp->ns_rate_own, "fitted_stage2", "no-surrender side's own loss rate x");
    P("ns_rate_enemy", cp->ns_rate_enemy, "fitted_stage2", "its enemy's loss rate x");
    P("ns_break", cp->ns_break, "fitted_stage2", "no-surrender side's break point");
    for (int k = 1; k < HK_NATION_COUNT; k++) {
        char key[32];
        snprintf(key, sizeof key, "nation_loss_%s:", hk_combat_nation_name(k));
        fprintf(f, "  %-22s {value: %.6g, fitted_stage3, note: \"own loss rate x\"}\n", key,
                cp->nation_loss[k]);
    }
    P("nation_break", cp->nation_break, g_fit_nation_break ? "fitted_stage3" : cp->nation_break != 0 ? "fixed" : "off",
      "break points x nation_loss^this: the army stands its own losses");
    P("posture_break_prepared", cp->posture_break[HK_POSTURE_PREPARED], g_works ? "fitted_stage3b" : "off",
      "a prepared defender's break points x");
    P("posture_break_fortified", cp->posture_break[HK_POSTURE_FORTIFIED], g_works ? "fitted_stage3b" : "off",
      "a fortified defender's break points x");
    P("works_edge_prepared", cp->works_edge[HK_POSTURE_PREPARED], g_works_edge ? "fitted_stage3c" : "off",
      "the score less this against a prepared defence");
    P("works_edge_fortified", cp->works_edge[HK_POSTURE_FORTIFIED], g_works_edge ? "fitted_stage3c" : "off",
      "the score less this against a fortified defence");
    P("draw_band", cp->draw_band, "fitted", "|score + winner_bias| under this is a draw");
    P("winner_bias", cp->winner_bias, "fitted", "the attacker's edge in the winner rule");
    P("collapse_ratio", cp->collapse_ratio, "fixed", "quit when power < this x enemy's");
    P("supply_half_km", cp->supply_half_km, "fixed", "literature, not in CDB90");
    P("supply_floor", cp->supply_floor, "fixed", "literature, not in CDB90");
    P("loss_tank", cp->loss_tank, "median", "tank loss share / men loss share, fit part");
    P("loss_gun", cp->loss_gun, "median", "gun loss share / men loss share, fit part");
    P("loss_air", cp->loss_air, "median", "aircraft loss share / men loss share, fit part");
    P("noise_common_sd", cp->noise_common_sd, "residual", "RMS of (e_att + e_def)/2, fit part");
    P("noise_diff_sd", cp->noise_diff_sd, "residual", "RMS of (e_att - e_def)/2, fit part");
    P("surprise_power", cp->surprise_power, "fitted",
      "attacker power x (1 + this x surprise level 1-3) on day 1 (CDB90 surpa)");
    P("surprise_days", cp->surprise_days, "fixed", "the surprise fades to none over these days");
    P("air_power", cp->air_power, "fitted", "power x (1 + this) for air superiority (CDB90 aeroa)");
    P("exploit", cp->exploit, "fitted", "loser's losses x (1 + pursuit + this x winner's armour share)");
    P("envelop_power", cp->envelop_power, "fitted", "attacker power x (1 + this), planned envelopment");
    P("encircle_base", cp->encircle_base, "fitted", "share of the beaten defender's men cut off");
    P("encircle_armour", cp->encircle_armour, "fitted", "... plus this x the attacker's armour share");
    P("encircle_cap", cp->encircle_cap, "fixed", "at most this share is cut off");
    P("encircle_ns", cp->encircle_ns, cp->encircle_ns > 0 ? "fitted_stage2" : "off",
      "... plus this when the defender fights to the last (stands while the ring closes)");
    P("front_density", cp->front_density, cp->front_density > 0 ? "fitted" : "off",
      "men a km of front in contact at WWII dispersion (x sqrt(3000/dispersion))");
    P("armour_broken", cp->armour_broken, cp->armour_broken > 0 ? "fitted" : "off",
      "a tank's weight x this on hills, mountain, forest, marsh, towns, islands");
    P("heights", cp->heights, cp->heights > 0 ? "fitted" : "off",
      "prepared or fortified defender on hills or mountain: power x (1 + this)");
    P("air_broken", cp->air_broken, cp->air_broken > 0 ? "fitted" : "off",
      "an aircraft's weight x this over hills, mountain, forest, marsh, towns, islands");
    P("night_weapons", cp->night_weapons, cp->night_weapons > 0 ? "fitted" : "off",
      "a night attack's first day: tanks, guns and aircraft x this, both sides");
    P("river_power", cp->river_power, cp->river_power != 0 ? "fitted_stage9" : "off",
      "an attack across a river the defender holds: defender's power x (1 + this)");
    P("delay_rate", cp->delay_rate, cp->delay_rate > 0 ? "fitted_stage10" : "off",
      "a defender that delays or withdraws: both sides' daily loss shares x this (0 = off)");
    P("works_storm_prepared", cp->works_storm[HK_POSTURE_PREPARED], g_works_storm ? "fitted_stage11" : "off",
      "a one-day storm of prepared positions, 1901 on: the attacker's loss share x (1 + this)");
    P("works_storm_fortified", cp->works_storm[HK_POSTURE_FORTIFIED], g_works_storm ? "fitted_stage11" : "off",
      "a one-day storm of fortifications, 1901 on: the attacker's loss share x (1 + this)");
    P("support_exp", cp->support_exp, cp->support_exp > 0 ? "fitted" : "off",
      "weapons need men: power M x (1 + W/M)^this (0 = off: M + W)");
    P("ns_hold", cp->ns_hold, cp->ns_hold > 0 ? "fitted_stage2" : "off",
      "unbroken no-surrender defender: score's break point ordinary^(1-this) x ns_break^this");
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a no-surrender side's own extra losses only while outmatched\"}\n",
            "ns_own_outmatched:", cp->ns_own_outmatched);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a no-surrender side never quits on the force ratio\"}\n",
            "ns_no_collapse:", cp->ns_no_collapse);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a campaign's sides lose in contact between engagements (fitted law carried on)\"}\n",
            "quiet_contact:", cp->quiet_contact);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a side's no-surrender acts only while it defends\"}\n",
            "ns_defender_only:", cp->ns_defender_only);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a side's day is fought only until it reaches its break point; beyond it the pursuit\"}\n",
            "break_stop:", cp->break_stop);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a battle in echelons counts each stage's days from the engagement's start\"}\n",
            "echelon_clock:", cp->echelon_clock);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"1: a battle in echelons is won on all its stages, not its last\"}\n",
            "echelon_winner:", cp->echelon_winner);
    fprintf(f, "  %-22s {value: %d, fixed, note: \"stage 8's rule: 1 the odds read the central score (a second, noise-free run), 2 the drawn score, both with winner_draw_bias; 0 stage 7's (winner_bias)\"}\n",
            "winner_central:", cp->winner_central);
#undef P
    static const char *const names[HK_CDB90_CODES] = HK_CDB90_CODE_NAMES;
    fprintf(f, "quality_codes:   # ln(attacker/defender quality) = sum coef * CDB90 code\n");
    for (int k = 0; k < HK_CDB90_CODES; k++)
        fprintf(f, "  %-8s %.6g\n", names[k], coef[k]);
    fprintf(f, "lanchester_square_law:\n  a: %.6g   # attacker men lost per defender man per day\n"
               "  d: %.6g   # defender men lost per attacker man per day\n  band: %.6g\n",
            R->L.a, R->L.d, R->L.band);
    const score *ss[4] = {&R->mf, &R->mh, &R->lf, &R->lh};
    const char *sn[4] = {"model_fit", "model_held_out", "lanchester_fit", "lanchester_held_out"};
    fprintf(f, "residuals:\n");
    for (int i = 0; i < 4; i++)
        fprintf(f,
                "  %-20s {battles: %d, winner_share: %.4f, sides: %d, within_2x_share: %.4f, "
                "mean_abs_log_error: %.4f, rms_log_error: %.4f}\n",
                sn[i], ss[i]->n_battles, share(ss[i]->n_winner_right, ss[i]->n_battles),
                ss[i]->n_sides, share(ss[i]->n_within2, ss[i]->n_sides),
                ss[i]->n_sides ? ss[i]->sum_abs_log / ss[i]->n_sides : NAN,
                ss[i]->n_sides ? sqrt(ss[i]->sum_sq_log / ss[i]->n_sides) : NAN);
    fprintf(f, "battles_residuals:  # isqno: [part, recorded att cas, def cas, model att, def, "
               "recorded winner, model winner]\n");
    for (int i = 0; i < n; i++) {
        if (!usable(&b[i]))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        fprintf(f, "  %d: [%s, %.0f, %.0f, %.0f, %.0f, %s, %s]\n", b[i].isqno,
                b[i].part == PART_FIT ? "fit" : "held", b[i].cas[0], b[i].cas[1], r.casualties[0],
                r.casualties[1], wina_name(b[i].wina), winner_name(r.winner));
    }
}

void pct(FILE *f, int k, int n)
{
    fprintf(f, "%.1f%% (%d/%d)", 100.0 * share(k, n), k, n);
}

/* The `hokushin battle` options that fight a CDB90 battle as the fit does:
 * forces, weapons (sorties per day as aircraft), posture, terrain, length,
 * the army, no surrender, and the attacker's plan. */
void battle_command(const cbattle *x, char *buf, size_t len)
{
    char side[2][200];
    for (int i = 0; i < 2; i++) {
        const char *nm = x->nation[i] == HK_NATION_JPN ? "JPN"
                         : x->nation[i] == HK_NATION_RUS ? "SOV" : (i ? "DEF" : "ATT");
        int k = snprintf(side[i], sizeof side[i], "%s:men=%.0f", nm, x->str[i]);
        if (zero_nan(x->tank[i]) > 0)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",tanks=%.0f", x->tank[i]);
        if (zero_nan(x->arty[i]) > 0)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",guns=%.0f", x->arty[i]);
        if (zero_nan(x->fly[i]) > 0)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",aircraft=%.6g",
                          zero_nan(x->fly[i]) / x->days);
        if (i == 1 && x->posture != HK_POSTURE_HASTY)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",posture=%s",
                          hk_combat_posture_name((hk_posture)x->posture));
        if (x->no_surrender[i])
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",no_surrender=1");
        if (x->way_back[i])
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",way_back=1");
        if (x->air[i])
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",air=1");
        if (x->surprise[i])
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",surprise=%d", x->surprise[i]);
        if (i == 0 && x->envelop)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",envelop=1");
        if (i == 0 && x->night)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",night=1");
        if (i == 0 && x->river)
            k += snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",river=1");
        if (i == 1 && x->delay)
            snprintf(side[i] + k, sizeof side[i] - (size_t)k, ",delay=1");
    }
    snprintf(buf, len, "hokushin battle --attacker %s --defender %s --terrain %s --days %d",
             side[0], side[1], hk_combat_terrain_name((hk_terrain)x->terrain), x->days);
}

/* The defender's collapse (stage 5): its terms, the logistic held out,
 * and the exchanges of battles of a border battle's size, before and
 * after, by part and by side. */
static void tails_row(FILE *f, const char *what, const tails_sum t[2], int record)
{
    fprintf(f, "| %s |", what);
    for (int part = 0; part < 2; part++) {
        const tails_sum *x = &t[part];
        if (record)
            fprintf(f, " %.1f%% | %.1f%% | %.1f%% | %.1f%% |", 100 * x->rec5, 100 * x->rec_d5, 100 * x->rec_a5,
                    100 * x->rec_col);
        else
            fprintf(f, " %.1f%% | %.1f%% | %.1f%% | %.1f%% |", 100 * x->m5, 100 * x->m_d5, 100 * x->m_a5,
                    100 * x->m_col);
    }
    fprintf(f, "\n");
}

static void write_collapse(FILE *f, const hk_combat_params *cp, const report *R)
{
    fprintf(f, "## Defenders that break\n\n"
               "A defender's line can collapse: broken through or turned, its men routed. The odds "
               "read only what is known before the battle (combat.md, \"Defenders that break\"): "
               "p = 1 / (1 + exp(−(%.3f + %.3f × envelopment planned + %.3f × the attacker's surprise "
               "level + %.3f × ln power ratio at the start + %.3f × ln(men in all / %.0f) + %.3f × a "
               "defender garrison that does not surrender))), fitted by maximum likelihood on the %d "
               "fit-part battles against CDB90's resolution codes (the defender withdrew with heavy "
               "losses, WL, or was annihilated, AA: %d of them), which are outcomes fitted against, "
               "never inputs. A collapsed defender is beaten and loses %.1f%% of the men it has left "
               "(fitted on those %d battles), with that share of its tanks and guns; the random spread "
               "is the residual spread of the battles that did not collapse (common %.3f, exchange "
               "%.3f",
            cp->collapse_c0, cp->collapse_env, cp->collapse_surprise, cp->collapse_k, cp->collapse_size,
            cp->size_ref, cp->collapse_garrison, R->coll_n[0], R->coll_k[0], 100 * cp->collapse_share,
            R->coll_k[0], cp->noise_common_sd, cp->noise_diff_sd);
    if (R->have_before)
        fprintf(f, "; of all battles %.3f and %.3f", R->spread_all[0], R->spread_all[1]);
    fprintf(f, ").\n\n");
    fprintf(f, "The odds on the held-out part (%d battles, %d collapsed): log-likelihood per battle "
               "%.3f, against %.3f for the held-out part's own rate of collapse alone; the likelier "
               "outcome is the recorded one in %.1f%% (%d/%d), against %.1f%% for \"no defender "
               "collapses\". On the fit part %.3f against %.3f.\n\n",
            R->coll_n[1], R->coll_k[1], R->coll_ll[1], R->coll_ll_base[1],
            100 * share(R->coll_named[1], R->coll_n[1]), R->coll_named[1], R->coll_n[1],
            100 * share(R->coll_n[1] - R->coll_k[1], R->coll_n[1]), R->coll_ll[0], R->coll_ll_base[0]);
    fprintf(f, "Battles of a border battle's size and length (1900 on, 1,000–100,000 men in all, 1–14 "
               "days, no garrison that does not surrender; %d fit-part and %d held-out battles), fought "
               "as the simulation fights a border battle (%d echelons) with the random spread, %d draws "
               "each: the share whose exchange (the larger loss over the smaller) is 5:1 or worse, and "
               "of them the defender the side that lost more, or the attacker; and the defender "
               "collapsed.\n\n"
               "| | fit: 5:1 or worse | defender lost 5× | attacker lost 5× | defender collapsed | "
               "held out: 5:1 or worse | defender lost 5× | attacker lost 5× | defender collapsed |\n"
               "|---|---|---|---|---|---|---|---|---|\n",
            R->t_model[0].n, R->t_model[1].n, TAILS_ECHELONS, TAILS_DRAWS);
    tails_row(f, "CDB90, the record", R->t_model, 1);
    tails_row(f, "model, pre-battle information", R->t_model, 0);
    tails_row(f, "the same, collapse off", R->t_off, 0);
    if (R->have_before)
        tails_row(f, "before the collapse (no collapse, the spread of all battles)", R->t_before, 0);
    if (R->have_codes)
        tails_row(f, "the same fitted with the after-the-fact codes", R->t_codes, 0);
    fprintf(f, "\n");
}

static void winner_row(FILE *f, const char *label, const winner_sum *w)
{
    fprintf(f, "| %s | %d | %.1f%% | %.1f%% | %.3f (%.3f) | %.3f (%.3f) |\n", label, w->n, 100 * w->rec,
            100 * w->drawn, w->ll, w->ll_base, w->brier, w->brier_base);
}

static void write_winners(FILE *f, const hk_combat_params *cp, const report *R)
{
    fprintf(f, "## Who wins a drawn battle\n\n"
               "A simulation draws its battles with the random spread. With the drawn winner (stage 7), a drawn "
               "battle that no side broke off is won by the attacker with probability 1 / (1 + exp(−%.3f × "
               "(score + %.3f))) (combat.md, \"Who wins a drawn battle\"); a collapse or a break decides it "
               "as before, and the central estimate (the figures above) still names the likelier winner. "
               "The scale is fitted on the fit part by the likelihood of the recorded outcome (the attacker "
               "won, or not) over %d draws of each battle, everything else held. ",
            R->winner_scale_fit, R->winner_bias_stage1 != 0 ? R->winner_bias_stage1 : cp->winner_bias, WINNER_DRAWS);
    if (cp->winner_central)
        fprintf(f, "Stage 8 (combat.md, \"A winner rule that does not lean\") fits the lean and the scale "
                   "together on the same draws, the defender's collapse in, the odds read on the battle's %s "
                   "score: 1 / (1 + exp(−%.3f × (score + %.3f))); the central estimate keeps its own lean "
                   "(%.3f). Adopted: the model's draws use stage 8. ",
                cp->winner_central == 1 ? "central" : "drawn", cp->winner_scale, cp->winner_draw_bias,
                cp->winner_bias);
    else
        fprintf(f, "%s ", cp->winner_scale > 0 ? "Adopted: the model's draws use it."
                                              : "Not adopted: the model's draws still let the score decide "
                                                "(winner_scale 0; `cdb90_fit --winner-draw` writes the fitted "
                                                "scale, `--winner-neutral` stage 8), since it moves every "
                                                "simulated battle.");
    fprintf(f, "Each battle drawn %d "
               "times: the share the attacker won in the record, the mean share of the draws it wins, and "
               "the log-likelihood per battle and Brier score of the recorded outcome under each battle's "
               "share of the draws (in brackets: under the set's own rate).\n\n"
               "| | battles | attacker won, record | attacker wins, draws | log-likelihood | Brier |\n"
               "|---|---|---|---|---|---|\n",
            WINNER_DRAWS);
    if (cp->winner_central) {
        char lab[160];
        winner_row(f, "fit part, the score deciding", &R->w_before[0]);
        winner_row(f, "fit part, stage 7's drawn winner (not adopted)", &R->w_s7[0]);
        winner_row(f, "fit part, stage 8 (the model)", &R->w_after[0]);
        winner_row(f, "held out, the score deciding", &R->w_before[1]);
        winner_row(f, "held out, stage 7's drawn winner (not adopted)", &R->w_s7[1]);
        winner_row(f, "held out, stage 8 (the model)", &R->w_after[1]);
        snprintf(lab, sizeof lab, "held out, border size, in %d echelons, the score deciding", TAILS_ECHELONS);
        winner_row(f, lab, &R->w_border_before);
        snprintf(lab, sizeof lab, "held out, border size, in %d echelons, stage 7 (not adopted)", TAILS_ECHELONS);
        winner_row(f, lab, &R->w_border_s7);
        snprintf(lab, sizeof lab, "held out, border size, in %d echelons, stage 8 (the model)", TAILS_ECHELONS);
        winner_row(f, lab, &R->w_border_after);
        fprintf(f, "\n");
        return;
    }
    winner_row(f, "fit part, the score deciding", &R->w_before[0]);
    winner_row(f, "fit part, the drawn winner", &R->w_after[0]);
    winner_row(f, "held out, the score deciding", &R->w_before[1]);
    winner_row(f, "held out, the drawn winner", &R->w_after[1]);
    char lab[160];
    snprintf(lab, sizeof lab, "held out, border size, in %d echelons, the score deciding", TAILS_ECHELONS);
    winner_row(f, lab, &R->w_border_before);
    snprintf(lab, sizeof lab, "held out, border size, in %d echelons, the drawn winner", TAILS_ECHELONS);
    winner_row(f, lab, &R->w_border_after);
    fprintf(f, "\n");
}

void write_validation(FILE *f, const hk_combat_params *cp, const double *coef,
                             const report *R, const cbattle *b, int n)
{
    fprintf(f, "# Combat model: validation on CDB90\n\n"
               "Written by `tools/cdb90_fit` (`cdb90_fit ../shared/data/cdb90`); do not edit by "
               "hand. The model, its equations and the split are in [combat.md](combat.md); the "
               "fitted values in `data/combat-fit.yaml`.\n\n"
               "Split (declared before fitting): fit on CDB90 battles with an odd `isqno`, hold "
               "out those with an even one and the six Japan–USSR engagements (256–260, 516); "
               "CDB90's duplicate rows are left out. Fit: %d battles; held out: %d.\n\n",
            R->n_fit, R->n_held);
    fprintf(f, "## Held-out figures\n\n"
               "The model predicts from what is known before a battle: each side's strength and "
               "weapons, the defender's posture, the terrain, the planned length, the army and "
               "its practice (no surrender), and what the attacker plans: surprise (CDB90 "
               "`surpa`), air superiority (`aeroa`) and an envelopment (its tactical scheme "
               "`pri1`/`pri2`). The last column fits the same model with CDB90's 21 advantage "
               "codes as well (leadership, morale, combat effectiveness and the like), which "
               "historians set knowing the outcome: they explain the record, but no planner has "
               "them before a battle, so they are not the model's figure.\n\n"
               "| held out | winner named | sides with casualties within 2× | mean abs log error "
               "| with the after-the-fact codes: winner / within 2× |\n"
               "|---|---|---|---|---|\n");
    fprintf(f, "| hokushin model, pre-battle information | ");
    pct(f, R->mh.n_winner_right, R->mh.n_battles);
    fprintf(f, " | ");
    pct(f, R->mh.n_within2, R->mh.n_sides);
    fprintf(f, " | %.3f | ", R->mh.sum_abs_log / R->mh.n_sides);
    if (R->have_codes) {
        pct(f, R->codes_mh.n_winner_right, R->codes_mh.n_battles);
        fprintf(f, " / ");
        pct(f, R->codes_mh.n_within2, R->codes_mh.n_sides);
    } else
        fprintf(f, "not fitted in this run");
    fprintf(f, " |\n| plain Lanchester square law | ");
    pct(f, R->lh.n_winner_right, R->lh.n_battles);
    fprintf(f, " | ");
    pct(f, R->lh.n_within2, R->lh.n_sides);
    fprintf(f, " | %.3f | – |\n", R->lh.sum_abs_log / R->lh.n_sides);
    fprintf(f, "| \"the attacker wins\" | %.1f%% | – | – | – |\n", 100 * R->naive_att);
    fprintf(f, "| \"the larger army wins\" | %.1f%% | – | – | – |\n\n", 100 * R->naive_larger);
    fprintf(f, "### The held-out battles of 1919–1945\n\n"
               "The years the simulation covers: %d of the held-out battles (the six Japan–USSR "
               "engagements among them), beside the whole held-out part.\n\n"
               "| | whole held-out part: winner named | sides within 2× | held out, 1919–1945: "
               "winner named | sides within 2× |\n|---|---|---|---|---|\n",
            R->mh45.n_battles);
    {
        const score *all[3] = {&R->mh, R->have_codes ? &R->codes_mh : NULL, &R->lh};
        const score *sub[3] = {&R->mh45, R->have_codes ? &R->codes_mh45 : NULL, &R->lh45};
        static const char *const what[3] = {"model, pre-battle information",
                                            "the same fitted with the after-the-fact codes",
                                            "plain Lanchester square law"};
        for (int k = 0; k < 3; k++) {
            if (!all[k])
                continue;
            fprintf(f, "| %s | ", what[k]);
            pct(f, all[k]->n_winner_right, all[k]->n_battles);
            fprintf(f, " | ");
            pct(f, all[k]->n_within2, all[k]->n_sides);
            fprintf(f, " | ");
            pct(f, sub[k]->n_winner_right, sub[k]->n_battles);
            fprintf(f, " | ");
            pct(f, sub[k]->n_within2, sub[k]->n_sides);
            fprintf(f, " |\n");
        }
        fprintf(f, "| \"the attacker wins\" | %.1f%% | – | %.1f%% | – |\n", 100 * R->naive_att,
                100 * R->naive_att45);
        fprintf(f, "| \"the larger army wins\" | %.1f%% | – | %.1f%% | – |\n\n",
                100 * R->naive_larger, 100 * R->naive_larger45);
    }
    fprintf(f, "Targets, on the pre-battle figure: winner named in at least 80%% of held-out "
               "battles — **%s**; casualties within a factor of 2 for at least 60%% of sides — "
               "**%s**.\n\n",
            share(R->mh.n_winner_right, R->mh.n_battles) >= 0.8 ? "met" : "not met",
            share(R->mh.n_within2, R->mh.n_sides) >= 0.6 ? "met" : "not met");
    /* What limits them does not depend on the model: model-free rules on
     * the same inputs and split (tools/cdb90_fit/ceiling.py, standard
     * library Python; CDB90 9.0.3 is fixed, so its figures are too). */
    fprintf(f, "What limits them (combat.md, \"Results\"; `python3 tools/cdb90_fit/ceiling.py`, "
               "model-free learners on the same inputs and the same split, each tuned by 10-fold "
               "cross-validation on the fit part and scored once on the held-out part; 95%% "
               "Clopper-Pearson intervals): of a penalised logistic regression, nearest "
               "neighbours, boosted trees, a random forest and the mean of the four, the best "
               "names 67.4%% [61.9-72.6] of the held-out winners even when a recorded draw counts "
               "as named by any rule that does not name the attacker (the model: %.1f%% "
               "[%.1f-%.1f]), and the learners' own probabilities expect 63.8-67.4%%; the best "
               "has 54.9%% [50.9-58.9] of the held-out sides' casualties within 2× (the model "
               "%.1f%% [%.1f-%.1f]). Grouped into 178 cells alike in force ratio class, "
               "surprise, air, posture, envelopment and era, 26.6%% of all 623 battles have an "
               "outcome other than their cell's commonest, in sample. Both targets lie above "
               "the upper end of every interval: on pre-battle information they are out of reach "
               "of every predictor tried, not only of this model.\n\n",
            100 * share(R->mh.n_winner_right, R->mh.n_battles),
            100 * cp_lo(R->mh.n_winner_right, R->mh.n_battles),
            100 * cp_hi(R->mh.n_winner_right, R->mh.n_battles),
            100 * share(R->mh.n_within2, R->mh.n_sides), 100 * cp_lo(R->mh.n_within2, R->mh.n_sides),
            100 * cp_hi(R->mh.n_within2, R->mh.n_sides));
    fprintf(f, "In plain terms: what is known before a battle (the numbers, the weapons, the "
               "ground, the defender's posture, the planned length, surprise, air and the plan "
               "of attack) leaves about one battle in three going against the side it favours; "
               "a rule that reads only these things, this model or any other, names about two "
               "winners in three (the model %.1f%%, \"the attacker wins\" %.1f%%), not four in "
               "five",
            100 * share(R->mh.n_winner_right, R->mh.n_battles), 100 * R->naive_att);
    if (R->have_codes)
        fprintf(f, "; four in five (%.1f%%) comes only with the codes historians set after the "
                   "battle",
                100 * share(R->codes_mh.n_winner_right, R->codes_mh.n_battles));
    fprintf(f, ". Casualties scatter the same way: a free regression on the same inputs has "
               "about half the sides within 2×, as the model does (%.1f%%). The targets lie "
               "beyond the information, not only beyond the model.\n\n",
            100 * share(R->mh.n_within2, R->mh.n_sides));
    if (R->have_codes)
        fprintf(f, "On the fit part (in sample) the fit with the codes names %.1f%% of winners "
                   "and has %.1f%% of sides within 2×.\n\n",
                100 * share(R->codes_mf.n_winner_right, R->codes_mf.n_battles),
                100 * share(R->codes_mf.n_within2, R->codes_mf.n_sides));
    /* The four figures side by side: what a planner knows against what
     * historians judged afterwards, in sample and held out, and the
     * ceiling of model-free learners on the pre-battle inputs. */
    fprintf(f, "Side by side (winner named / sides with casualties within 2×):\n\n"
               "| | fit part (in sample) | held out | held out, 1919–1945 |\n|---|---|---|---|\n");
    fprintf(f, "| model, pre-battle information | %.1f%% / %.1f%% | %.1f%% / %.1f%% | %.1f%% / %.1f%% |\n",
            100 * share(R->mf.n_winner_right, R->mf.n_battles),
            100 * share(R->mf.n_within2, R->mf.n_sides),
            100 * share(R->mh.n_winner_right, R->mh.n_battles),
            100 * share(R->mh.n_within2, R->mh.n_sides),
            100 * share(R->mh45.n_winner_right, R->mh45.n_battles),
            100 * share(R->mh45.n_within2, R->mh45.n_sides));
    if (R->have_codes)
        fprintf(f, "| the same with the after-the-fact codes | %.1f%% / %.1f%% | %.1f%% / %.1f%% | "
                   "%.1f%% / %.1f%% |\n",
                100 * share(R->codes_mf.n_winner_right, R->codes_mf.n_battles),
                100 * share(R->codes_mf.n_within2, R->codes_mf.n_sides),
                100 * share(R->codes_mh.n_winner_right, R->codes_mh.n_battles),
                100 * share(R->codes_mh.n_within2, R->codes_mh.n_sides),
                100 * share(R->codes_mh45.n_winner_right, R->codes_mh45.n_battles),
                100 * share(R->codes_mh45.n_within2, R->codes_mh45.n_sides));
    fprintf(f, "| best model-free learner, pre-battle information (ceiling.py) | – | "
               "67.4%% [61.9–72.6] / 54.9%% [50.9–58.9] | – |\n"
               "| target, pre-battle information | | at least 80%% / at least 60%% | |\n\n");
    fprintf(f, "On the fit part (in sample) the model names %.1f%% of winners and has %.1f%% of "
               "sides within 2×; the square law %.1f%% and %.1f%%.\n\n",
            100 * share(R->mf.n_winner_right, R->mf.n_battles),
            100 * share(R->mf.n_within2, R->mf.n_sides),
            100 * share(R->lf.n_winner_right, R->lf.n_battles),
            100 * share(R->lf.n_within2, R->lf.n_sides));
    fprintf(f, "Machine-readable (checked by tests/e2e/battle.sh):\n\n```\n"
               "heldout_winner_share=%.4f\nheldout_within2_share=%.4f\n"
               "lanchester_heldout_winner_share=%.4f\nlanchester_heldout_within2_share=%.4f\n",
            share(R->mh.n_winner_right, R->mh.n_battles), share(R->mh.n_within2, R->mh.n_sides),
            share(R->lh.n_winner_right, R->lh.n_battles), share(R->lh.n_within2, R->lh.n_sides));
    fprintf(f, "heldout_1919_1945_winner_share=%.4f\nheldout_1919_1945_within2_share=%.4f\n",
            share(R->mh45.n_winner_right, R->mh45.n_battles),
            share(R->mh45.n_within2, R->mh45.n_sides));
    if (R->have_codes)
        fprintf(f, "codes_heldout_winner_share=%.4f\ncodes_heldout_within2_share=%.4f\n"
                   "codes_heldout_1919_1945_winner_share=%.4f\n"
                   "codes_heldout_1919_1945_within2_share=%.4f\n",
                share(R->codes_mh.n_winner_right, R->codes_mh.n_battles),
                share(R->codes_mh.n_within2, R->codes_mh.n_sides),
                share(R->codes_mh45.n_winner_right, R->codes_mh45.n_battles),
                share(R->codes_mh45.n_within2, R->codes_mh45.n_sides));
    fprintf(f, "heldout_collapse_loglik=%.4f\nheldout_collapse_loglik_base=%.4f\n"
               "heldout_border_exchange5_share=%.4f\nheldout_border_defender5_share=%.4f\n"
               "heldout_border_attacker5_share=%.4f\n",
            R->coll_ll[1], R->coll_ll_base[1], R->t_model[1].m5, R->t_model[1].m_d5, R->t_model[1].m_a5);
    fprintf(f, "winner_scale_fit=%.4f\nheldout_draws_attacker_share=%.4f\nheldout_draws_loglik=%.4f\n"
               "heldout_draws_loglik_base=%.4f\nheldout_draws_loglik_score=%.4f\n"
               "heldout_border_draws_attacker_share=%.4f\nheldout_attacker_won_share=%.4f\n",
            R->winner_scale_fit, R->w_after[1].drawn, R->w_after[1].ll, R->w_after[1].ll_base, R->w_before[1].ll,
            R->w_border_after.drawn, R->w_after[1].rec);
    fprintf(f, "```\n\n");
    write_collapse(f, cp, R);
    write_winners(f, cp, R);

    fprintf(f, "## What the attacker plans\n\n"
               "Surprise ×(1 + %.3f × degree) on the first day, fading over %.0f days; air "
               "superiority ×%.3f; a planned envelopment ×%.3f, and when it wins %.1f%% + %.1f%% × "
               "the attacker's armour share of the beaten defender's men cut off; the winner's "
               "armour share × %.3f added to the pursuit; the winner rule's attacker bias %.3f "
               "(combat.md, \"What the attacker plans\"). The held-out part with one of them "
               "switched off, the rest as fitted (no refit):\n\n"
               "| held out | winner named | sides within 2× | mean abs log error |\n"
               "|---|---|---|---|\n",
            cp->surprise_power, cp->surprise_days, 1 + cp->air_power, 1 + cp->envelop_power,
            100 * cp->encircle_base, 100 * cp->encircle_armour, cp->exploit, cp->winner_bias);
    {
        static const char *const what[7] = {"no surprise", "no air superiority",
                                            "no envelopment power", "no armour exploitation",
                                            "no encirclement", "no attacker bias in the winner rule",
                                            "no-surrender sides quit on the force ratio"};
        fprintf(f, "| as fitted | ");
        pct(f, R->mh.n_winner_right, R->mh.n_battles);
        fprintf(f, " | ");
        pct(f, R->mh.n_within2, R->mh.n_sides);
        fprintf(f, " | %.3f |\n", R->mh.sum_abs_log / R->mh.n_sides);
        for (int k = 0; k < 7; k++) {
            fprintf(f, "| %s | ", what[k]);
            pct(f, R->abl[k].n_winner_right, R->abl[k].n_battles);
            fprintf(f, " | ");
            pct(f, R->abl[k].n_within2, R->abl[k].n_sides);
            fprintf(f, " | %.3f |\n", R->abl[k].sum_abs_log / R->abl[k].n_sides);
        }
        fprintf(f, "\n");
    }
    fprintf(f, "## The no-surrender factor\n\n"
               "Fitted in a second stage on the %d fit-part battles with a Japanese side of "
               "1937–1945 (everything else held); the held-out part has %d such battles, the six "
               "Japan–USSR engagements among them. Own loss rate × %.2f, the enemy's × %.2f, "
               "break point %.2f.\n\n"
               "| battles with a Japanese side, 1937–1945 | winner named | sides within 2× | "
               "mean abs log error |\n|---|---|---|---|\n",
            R->n_ns_fit, R->n_ns_held, cp->ns_rate_own, cp->ns_rate_enemy, cp->ns_break);
    {
        const score *t[4] = {&R->nsf, &R->nsf_off, &R->nsh, &R->nsh_off};
        const char *w[4] = {"fit part, with the factor", "fit part, factor off",
                            "held out, with the factor", "held out, factor off"};
        for (int i = 0; i < 4; i++) {
            fprintf(f, "| %s | ", w[i]);
            pct(f, t[i]->n_winner_right, t[i]->n_battles);
            fprintf(f, " | ");
            pct(f, t[i]->n_within2, t[i]->n_sides);
            fprintf(f, " | %.3f |\n", t[i]->n_sides ? t[i]->sum_abs_log / t[i]->n_sides : NAN);
        }
        fprintf(f, "\n");
    }
    fprintf(f, "## National loss factors\n\n"
               "Fitted in a third stage on every fit-part battle, everything else held (in turn "
               "with the no-surrender factors): each army's own daily loss share is multiplied by "
               "its factor; every army not listed takes 1. The held-out part tests them.\n\n"
               "| army | factor | fit-part sides | held-out sides within 2×, with the factors | "
               "the same, all factors 1 |\n|---|---|---|---|---|\n");
    for (int k = 1; k < HK_NATION_COUNT; k++) {
        fprintf(f, "| %s | %.2f | %d | ", hk_combat_nation_name(k), cp->nation_loss[k],
                R->nat_fit_sides[k]);
        pct(f, R->nat_h[k].n_within2, R->nat_h[k].n_sides);
        fprintf(f, " | ");
        pct(f, R->nat_h_off[k].n_within2, R->nat_h_off[k].n_sides);
        fprintf(f, " |\n");
    }
    fprintf(f, "\nThe whole held-out part with every factor at 1: winner named ");
    pct(f, R->mh_nat_off.n_winner_right, R->mh_nat_off.n_battles);
    fprintf(f, ", sides within 2× ");
    pct(f, R->mh_nat_off.n_within2, R->mh_nat_off.n_sides);
    fprintf(f, ", mean abs log error %.3f.\n\n",
            R->mh_nat_off.n_sides ? R->mh_nat_off.sum_abs_log / R->mh_nat_off.n_sides : NAN);
    fprintf(f, "## The six Japan–USSR engagements (all held out)\n\n"
               "Casualties as attacker / defender; ratio = model / record; days as CDB90 "
               "counts them (the calendar span) / as the model fights them (it ends an "
               "engagement when a side breaks off).\n\n"
               "| isqno | battle | attacker | days: record / model | recorded | model | ratio | square law | "
               "winner: record / model / square law |\n|---|---|---|---|---|---|---|---|---|\n");
    for (int j = 0; j < 6; j++)
        for (int i = 0; i < n; i++) {
            if (b[i].isqno != japan_ussr[j] || !usable(&b[i]))
                continue;
            hk_combat_result r;
            model_battle(cp, coef, &b[i], &r);
            double lc[2], sc;
            int lw;
            lanchester_battle(&R->L, &b[i], lc, &sc, &lw);
            fprintf(f, "| %d | %s %d | %s | %d / %d | %.0f / %.0f | %.0f / %.0f | %.2f / %.2f | "
                       "%.0f / %.0f | %s / %s / %s |\n",
                    b[i].isqno, b[i].name, b[i].year, b[i].actor[0], b[i].days, r.days, b[i].cas[0],
                    b[i].cas[1], r.casualties[0], r.casualties[1], r.casualties[0] / b[i].cas[0],
                    r.casualties[1] / b[i].cas[1], lc[0], lc[1], wina_name(b[i].wina),
                    winner_name(r.winner), winner_name(lw));
        }
    fprintf(f, "\nThe same engagements as `hokushin battle` fights them, from the recorded forces "
               "and what was known before (tests/e2e/battle_engagements.sh runs these and checks "
               "the winners above):\n\n```\n");
    for (int j = 0; j < 6; j++)
        for (int i = 0; i < n; i++)
            if (b[i].isqno == japan_ussr[j] && usable(&b[i])) {
                char cmd[512];
                battle_command(&b[i], cmd, sizeof cmd);
                fprintf(f, "%d: %s\n", b[i].isqno, cmd);
            }
    fprintf(f, "```\n");
    {
        score six, six_l;
        int under = 0;
        memset(&six, 0, sizeof six);
        memset(&six_l, 0, sizeof six_l);
        for (int i = 0; i < n; i++) {
            if (!is_japan_ussr(b[i].isqno) || !usable(&b[i]))
                continue;
            hk_combat_result r;
            model_battle(cp, coef, &b[i], &r);
            double lc[2], sc;
            int lw;
            lanchester_battle(&R->L, &b[i], lc, &sc, &lw);
            score_add_battle(&six, r.winner, b[i].wina);
            score_add_battle(&six_l, lw, b[i].wina);
            for (int s = 0; s < 2; s++)
                if (side_usable(&b[i], s)) {
                    score_add_side(&six, r.casualties[s], b[i].cas[s]);
                    score_add_side(&six_l, lc[s], b[i].cas[s]);
                    under += r.casualties[s] < b[i].cas[s];
                }
        }
        fprintf(f, "\nOver the six: the model names %d of %d winners and has %d of %d sides within "
                   "2×; the square law %d of %d and %d of %d. The model gives fewer casualties "
                   "than recorded for %d of the %d sides.\n",
                six.n_winner_right, six.n_battles, six.n_within2, six.n_sides,
                six_l.n_winner_right, six_l.n_battles, six_l.n_within2, six_l.n_sides, under,
                six.n_sides);
    }
    const hk_combat_result *k = &R->kg;
    double rec_sov = 25655, rec_jpn_lo = 18000, rec_jpn_hi = 20000;
    double e_sov = k->casualties[0] / rec_sov - 1;
    double jpn = k->casualties[1];
    double e_jpn = jpn < rec_jpn_lo ? jpn / rec_jpn_lo - 1 : jpn > rec_jpn_hi ? jpn / rec_jpn_hi - 1 : 0;
    fprintf(f, "\n## Khalkhin Gol, 1939, from the historical forces\n\n"
               "Forces of scenarios/far-east-1918/record.yaml (battle khalkhin_gol at the "
               "campaign's peak, battle nomonhan_opening at its first engagement) and the "
               "campaign's four engagements, as combat.md gives them:\n\n```\nhokushin battle "
               "--attacker %s \\\n    --defender %s \\\n    --attacker-start %s \\\n"
               "    --defender-start %s \\\n    --terrain steppe --phases %s\n```\n\n",
            KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_PHASES);
    fprintf(f, "| | record | model | error |\n|---|---|---|---|\n"
               "| Soviet casualties | 25,655 (Krivosheev; 001_fd9a28d61a246780.txt:135) | %.0f | "
               "%+.0f%% |\n"
               "| Japanese casualties | 18,000–20,000 (Hata; 001_fd9a28d61a246780.txt:135) | %.0f "
               "| %+.0f%% from the range |\n"
               "| winner | Soviet | %s | |\n| days of fighting | about 29 in four engagements | %d | |\n\n",
            k->casualties[0], 100 * e_sov, jpn, 100 * e_jpn,
            k->winner == HK_COMBAT_ATTACKER ? "Soviet"
            : k->winner == HK_COMBAT_DEFENDER ? "Japanese" : "draw",
            k->days);
    fprintf(f, "Within 25%% of the record for both sides: **%s**.\n",
            (fabs(e_sov) <= 0.25 && fabs(e_jpn) <= 0.25) ? "yes" : "no");
    kg_sensitivity(f, cp);
    khasan_section(f, cp);
}

FILE *open_out(const char *dir, const char *rel)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "cdb90_fit: cannot write %s: %s\n", path, strerror(errno));
    return f;
}
