/* fit.c — the combat model and the plain Lanchester square law on a CDB90 battle, the loss the fit minimises, and the Nelder-Mead search (tools/cdb90_fit). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cdb90_fit.h"

/* ---- the combat model on a CDB90 battle --------------------------------- */

double zero_nan(double v)
{
    return isfinite(v) && v > 0 ? v : 0;
}

void model_battle(const hk_combat_params *cp, const double *coef, const cbattle *x,
                         hk_combat_result *res)
{
    model_battle_rng(cp, coef, x, NULL, res);
}

/* The two sides of a CDB90 battle as the combat model takes them, at par
 * quality: strengths, equipment and what was planned or known beforehand. */
void cdb90_sides(const cbattle *x, hk_combat_side s[2])
{
    for (int i = 0; i < 2; i++) {
        memset(&s[i], 0, sizeof s[i]);
        s[i].men = x->str[i];
        s[i].tanks = zero_nan(x->tank[i]);
        s[i].guns = zero_nan(x->arty[i]);
        /* CDB90 counts close-support sorties over the battle; at about one
         * sortie per aircraft a day, sorties / days approximates aircraft. */
        s[i].aircraft = zero_nan(x->fly[i]) / x->days;
        s[i].quality = 1;
        s[i].no_surrender = x->no_surrender[i];
        s[i].way_back = x->way_back[i];
        s[i].nation = x->nation[i];
        s[i].surprise = x->surprise[i];
        s[i].air = x->air[i];
        s[i].front_km = x->front[i];
    }
    s[1].posture = (hk_posture)x->posture;
    s[0].envelop = x->envelop;
    s[0].night = x->night;
    s[0].river = x->river;
    s[1].delay = x->delay;
}

/* The same with the model's random spread (rng) when rng is not NULL. */
void model_battle_rng(const hk_combat_params *cp, const double *coef, const cbattle *x, hk_rng *rng,
                      hk_combat_result *res)
{
    hk_combat_side s[2];
    cdb90_sides(x, s);
    double lq = 0;
    for (int k = 0; k < HK_CDB90_CODES; k++)
        lq += coef[k] * x->code[k];
    s[0].quality = exp(lq);
    hk_combat_params era = *cp;
    era.dispersion = x->dispersion;
    hk_combat_resolve(&era, &s[0], &s[1], (hk_terrain)x->terrain, x->days, rng, res);
}

/* ---- the plain Lanchester square law -------------------------------------- */


void lanchester_battle(const lanchester *L, const cbattle *x, double cas[2], double *zscore,
                              int *winner)
{
    double A = x->str[0], D = x->str[1];
    double A0 = A, D0 = D;
    for (int t = 0; t < x->days && A > 0 && D > 0; t++) {
        double nA = A - L->a * D, nD = D - L->d * A;
        A = nA > 0 ? nA : 0;
        D = nD > 0 ? nD : 0;
    }
    cas[0] = A0 - A;
    cas[1] = D0 - D;
    /* Square law: the attacker prevails when d·A0² exceeds a·D0². */
    *zscore = log(L->d * A0 * A0 / (L->a * D0 * D0));
    *winner = *zscore > L->band ? HK_COMBAT_ATTACKER
              : *zscore < -L->band ? HK_COMBAT_DEFENDER
                                  : HK_COMBAT_DRAW;
}

/* ---- loss: casualties in logs, winner as an ordered outcome ---------------- */

double softplus(double v)
{
    return v > 30 ? v : log1p(exp(v));
}

/* Negative log-likelihood of the recorded outcome when attacker win, draw
 * and defender win are cut from a logistic score at ±band. */
double outcome_nll(double z, double band, double scale, int wina)
{
    double pa = 1 / (1 + exp(-scale * (z - band)));
    double pd = 1 / (1 + exp(-scale * (-z - band)));
    double p = wina == 1 ? pa : wina == -1 ? pd : 1 - pa - pd;
    if (wina == 1)
        return softplus(-scale * (z - band));
    if (wina == -1)
        return softplus(-scale * (-z - band));
    return -log(p > 1e-12 ? p : 1e-12);
}

double cas_err(double model, double rec)
{
    return log((model + 1) / (rec + 1));
}

/* The casualty term of the loss. Squared log error lets a few gross
 * misfits (CDB90 holds some doubtful casualty figures) pull the whole fit;
 * the Cauchy form grows only logarithmically beyond a factor of 2. */
int g_cauchy = 0;
double g_ridge = 0.002;  /* weight of the ridge on posture, terrain and codes */
int g_nations = 1;       /* stage 3: fit the national loss factors */
/* The national factors' share in the break points (nation_break):
 * NAN = 0 in a fit, as compiled with --evaluate; g_fit_nation_break fits
 * it in stage 3 with the factors (docs/combat.md, "Whose losses decide"). */
double g_nation_break_set = NAN;
int g_fit_nation_break = 0;
/* Stage 3b: a defender in works holds its ground (posture_break), fitted
 * after stages 2 and 3, everything else held (docs/combat.md, "Works hold
 * ground"). 1: fit it; 0: off (every factor 1). */
int g_works = 0;
/* Stage 3c: what a defender's works take off the score (works_edge),
 * everything else held. 1: fit it; 0: off. */
int g_works_edge = 0;

void edge_unpack(const double *z, hk_combat_params *cp)
{
    cp->works_edge[HK_POSTURE_HASTY] = 0;
    cp->works_edge[HK_POSTURE_PREPARED] = z[0];
    cp->works_edge[HK_POSTURE_FORTIFIED] = z[1];
}

double edge_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[2] = {gsl_vector_get(v, 0), gsl_vector_get(v, 1)};
    hk_combat_params cp = c->base;
    edge_unpack(z, &cp);
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + g_ridge * (z[0] * z[0] + z[1] * z[1]);
    return isfinite(f) ? f : 1e9;
}

void works_unpack(const double *z, hk_combat_params *cp)
{
    cp->posture_break[HK_POSTURE_HASTY] = 1;
    cp->posture_break[HK_POSTURE_PREPARED] = exp(z[0]);
    cp->posture_break[HK_POSTURE_FORTIFIED] = exp(z[1]);
}

double works_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[2] = {gsl_vector_get(v, 0), gsl_vector_get(v, 1)};
    hk_combat_params cp = c->base;
    works_unpack(z, &cp);
    /* the ridge of the posture factors: a weak pull towards no effect */
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + g_ridge * (z[0] * z[0] + z[1] * z[1]);
    return isfinite(f) ? f : 1e9;
}
/* The score reads a no-surrender side's ordinary break point. */
int g_ns_score_ordinary = 1;
double g_quality_break_hold = NAN; /* the pre-battle fit's quality_break, from the codes fit */
/* The structural terms the model has but the adopted fit leaves off (each
 * tried on CDB90, docs/combat.md), and the one it adopts (ns_no_collapse). */
int g_front = 0, g_armour_broken = 0, g_heights = 0, g_ns_outmatched = 0, g_ns_no_collapse = 1;
int g_ns_ring = 0;
int g_river = 0;
int g_delay = 1; /* stage 10, adopted: --no-delay leaves it off */
int g_night = 0, g_ns_hold = 0, g_air_broken = 0, g_support = 0;
/* Losses in contact between a campaign's engagements (no CDB90 battle is a
 * campaign, so the fit never sees it; the Khalkhin Gol check does). */
int g_quiet_contact = 1;
int g_ns_defender_only = 0; /* 1: only a defending side's no-surrender acts */
int g_way_back = 0;         /* 1: mainland no-surrender sides have a way back */
int g_echelon_clock = -1, g_echelon_winner = -1; /* -1: as compiled in (the fit: both on) */
int g_break_stop = -1;      /* -1: as compiled in (fitted off, written on); 0/1 as given */
int g_pursuit_cut = 1;
int g_collapse = 1;
int g_echelon_share = 1;
double g_echelon_share_set = -1;
double g_spread_all[2] = {NAN, NAN};
double g_pursuit_cut_set = -1;
double cas_loss(double e)
{
    if (!g_cauchy)
        return e * e;
    const double c = 0.6931471805599453; /* ln 2 */
    return c * c * log1p((e / c) * (e / c));
}



int has_no_surrender(const cbattle *b)
{
    return b->no_surrender[0] || b->no_surrender[1];
}


double sigm(double v)
{
    return 1 / (1 + exp(-v));
}

void fixed_params(hk_combat_params *cp)
{
    memset(cp, 0, sizeof *cp);
    cp->size_ref = 20000;
    cp->collapse_ratio = 0.1;
    cp->supply_half_km = 400;
    cp->supply_floor = 0.25;
    cp->dispersion = 3000;
    cp->dispersion_ref = 3000;
    cp->break_cap = 0.95;
    cp->surprise_days = 3;
    cp->encircle_cap = 0.9;
    cp->ns_rate_own = 1;
    cp->ns_rate_enemy = 1;
    cp->ns_score_ordinary = g_ns_score_ordinary;
    cp->quiet_contact = g_quiet_contact;
    cp->ns_defender_only = g_ns_defender_only;
    cp->break_stop = g_break_stop > 0; /* off unless asked: refitted with it the fit does worse (docs/combat.md) */
    cp->echelon_clock = g_echelon_clock != 0;
    cp->echelon_winner = g_echelon_winner != 0;
    for (int k = 0; k < HK_NATION_COUNT; k++)
        cp->nation_loss[k] = 1;
    cp->nation_break = isfinite(g_nation_break_set) ? g_nation_break_set : 0;
    for (int k = 0; k < HK_POSTURE_COUNT; k++)
        cp->posture_break[k] = 1;
    cp->posture[HK_POSTURE_HASTY] = 1;
    cp->terrain[HK_TERRAIN_PLAIN] = 1;
}

void unpack(const double *x, const fitctx *c, hk_combat_params *cp, double *coef,
                   double *scale)
{
    fixed_params(cp);
    cp->w_tank = exp(x[X_WTANK]);
    cp->w_gun = exp(x[X_WGUN]);
    cp->w_air = exp(x[X_WAIR]);
    cp->rate_att = exp(x[X_RATT]);
    cp->rate_def = exp(x[X_RDEF]);
    cp->size_exp = x[X_SIZE];
    cp->helmbold = 2 * sigm(x[X_HELM]);
    cp->day_decay = 1.5 * sigm(x[X_DECAY]);
    cp->dispersion_exp = x[X_DISP];
    cp->pursuit = exp(x[X_PURSUIT]);
    cp->posture[HK_POSTURE_PREPARED] = exp(x[X_PD]);
    cp->posture[HK_POSTURE_FORTIFIED] = exp(x[X_FD]);
    cp->terrain[HK_TERRAIN_STEPPE] = exp(x[X_STEPPE]);
    cp->terrain[HK_TERRAIN_DESERT] = exp(x[X_DESERT]);
    cp->terrain[HK_TERRAIN_HILLS] = exp(x[X_HILLS]);
    cp->terrain[HK_TERRAIN_FOREST] = exp(x[X_FOREST]);
    cp->terrain[HK_TERRAIN_MARSH] = exp(x[X_MARSH]);
    cp->terrain[HK_TERRAIN_URBAN] = exp(x[X_URBAN]);
    /* CDB90 has no mountain or island battles coded as such: they take the
     * rugged-ground value. */
    cp->terrain[HK_TERRAIN_MOUNTAIN] = cp->terrain[HK_TERRAIN_HILLS];
    cp->terrain[HK_TERRAIN_ISLAND] = cp->terrain[HK_TERRAIN_HILLS];
    cp->break_att = sigm(x[X_BATT]);
    cp->break_def = sigm(x[X_BDEF]);
    cp->ns_break = cp->break_def;
    /* Without the codes every CDB90 side has quality 1, so the fit cannot
     * see what quality does to break points: it is held at the value the
     * fit with the codes gives (g_quality_break_hold). */
    cp->quality_break = (c && c->n_codes == 0 && isfinite(g_quality_break_hold))
                            ? g_quality_break_hold
                            : x[X_QBREAK];
    cp->surprise_power = 0.6 * sigm(x[X_SURPRISE]);
    cp->winner_bias = x[X_WBIAS];
    cp->air_power = exp(x[X_AIR]);
    cp->exploit = exp(x[X_EXPLOIT]);
    cp->envelop_power = exp(x[X_ENVELOP]);
    cp->encircle_base = 0.5 * sigm(x[X_ENC_BASE]);
    cp->encircle_armour = sigm(x[X_ENC_ARMOUR]);
    cp->draw_band = exp(x[X_BAND]);
    /* men a km of front in contact (at the Second World War's dispersion) */
    cp->front_density = g_front ? exp(x[X_FRONT]) : 0;
    cp->armour_broken = g_armour_broken ? sigm(x[X_ARMBROKEN]) : 0;
    cp->heights = g_heights ? exp(x[X_HEIGHTS]) : 0;
    cp->night_weapons = g_night ? sigm(x[X_NIGHT]) : 0;
    cp->air_broken = g_air_broken ? sigm(x[X_AIRBROKEN]) : 0;
    cp->support_exp = g_support ? sigm(x[X_SUPPORT]) : 0;
    cp->ns_own_outmatched = g_ns_outmatched;
    cp->ns_no_collapse = g_ns_no_collapse;
    *scale = exp(x[X_SCALE]);
    for (int k = 0; k < HK_CDB90_CODES; k++)
        coef[k] = (!c || k < c->n_codes) ? x[X_CODE0 + k] : 0;
    if (c) {
        cp->loss_tank = c->loss_tank;
        cp->loss_gun = c->loss_gun;
        cp->loss_air = c->loss_air;
    }
}

void ns_unpack(const double *y, hk_combat_params *cp)
{
    cp->ns_rate_own = exp(y[Y_NSOWN]);
    cp->ns_rate_enemy = exp(y[Y_NSENEMY]);
    /* Never below the ordinary defender's: a force that does not
     * surrender stands at least as long as one that may. */
    cp->ns_break = cp->break_def + (0.95 - cp->break_def) * sigm(y[Y_NSBREAK]);
    cp->ns_hold = g_ns_hold ? sigm(y[Y_NSHOLD]) : 0;
    /* The ring round a line that stands (encircle_ns): 0 to 0.9. */
    cp->encircle_ns = g_ns_ring ? 0.9 * sigm(y[Y_NSRING]) : 0;
}


void loss_add(loss_sums *t, const cbattle *b, const double cas[2], double z, double band,
                     double scale)
{
    for (int s = 0; s < 2; s++)
        if (side_usable(b, s)) {
            t->e2 += cas_loss(cas_err(cas[s], b->cas[s]));
            t->ns++;
        }
    t->nll += outcome_nll(z, band, scale, b->wina);
    t->nb++;
}

double loss_mean(const loss_sums *t)
{
    return t->e2 / (t->ns ? t->ns : 1) + t->nll / (t->nb ? t->nb : 1);
}

/* Sum of the casualty and outcome terms over the battles of the stage. */
double battles_loss(const fitctx *c, const hk_combat_params *cp, const double *coef,
                           double scale)
{
    loss_sums t = {0};
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b))
            continue;
        if (c->stage != STAGE_ALL && has_no_surrender(b) != (c->stage == STAGE_NO_SURRENDER))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, b, &r);
        loss_add(&t, b, r.casualties, r.score + cp->winner_bias, cp->draw_band, scale);
    }
    return loss_mean(&t);
}

double g_ns_scale = 1;  /* stage 2 uses the stage-1 outcome scale */

double ns_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double y[NY] = {0};
    /* Without --ns-hold the simplex has one entry fewer (ns_hold is last). */
    for (size_t i = 0; i < NY && i < v->size; i++)
        y[i] = gsl_vector_get(v, i);
    hk_combat_params cp = c->base;
    ns_unpack(y, &cp);
    /* A weak pull towards "no effect" (factors 1, the ordinary break point). */
    double ridge = y[Y_NSOWN] * y[Y_NSOWN] + y[Y_NSENEMY] * y[Y_NSENEMY];
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + 0.002 * ridge;
    return isfinite(f) ? f : 1e9;
}

/* Stage 3: the national loss factors (log), OTHER held at 1. */
void nation_unpack(const double *z, hk_combat_params *cp)
{
    cp->nation_loss[HK_NATION_OTHER] = 1;
    for (int k = 1; k < HK_NATION_COUNT; k++)
        cp->nation_loss[k] = exp(z[k - 1]);
    if (g_fit_nation_break)
        cp->nation_break = z[HK_NATION_COUNT - 1];
}

double nation_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[HK_NATION_COUNT] = {0}, ridge = 0;
    for (int i = 0; i < HK_NATION_COUNT - 1; i++) {
        z[i] = gsl_vector_get(v, (size_t)i);
        ridge += z[i] * z[i];
    }
    if (g_fit_nation_break && v->size >= HK_NATION_COUNT)
        z[HK_NATION_COUNT - 1] = gsl_vector_get(v, HK_NATION_COUNT - 1);
    hk_combat_params cp = c->base;
    nation_unpack(z, &cp);
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + g_ridge * ridge;
    return isfinite(f) ? f : 1e9;
}

/* Stage 4: the cut in a beaten attacker's pursuit (logistic), on every
 * fit-part battle, everything else held. The pursuit comes after the
 * winner is named, so only the casualty terms of the loss move and the
 * outcome's scale does not matter. */
void pursuit_unpack(const double *z, hk_combat_params *cp)
{
    cp->pursuit_attacker_cut = sigm(z[0]);
}

/* The loss of a stage that fits one term, everything else held: the term
 * the context's unpack writes (stages 4, 9 and 10). */
double term_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[1] = {gsl_vector_get(v, 0)};
    hk_combat_params cp = c->base;
    c->unpack(z, &cp);
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale);
    return isfinite(f) ? f : 1e9;
}

/* Stage 9: an attack across a river the defender holds: the defender's
 * power x (1 + river_power), river_power = e^z - 1 (either way: the fit may
 * find the crossing helps the defender or not), everything else held. */
void river_unpack(const double *z, hk_combat_params *cp)
{
    cp->river_power = exp(z[0]) - 1;
}

/* Stage 10: a defender that delays or withdraws: both sides' daily loss
 * shares x delay_rate = e^z, everything else held. */
void delay_unpack(const double *z, hk_combat_params *cp)
{
    cp->delay_rate = exp(z[0]);
}

double model_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double x[NX];
    /* The simplex moves the active entries only; the others (codes beyond
     * --codes, terms switched off) keep their idle values. */
    memcpy(x, c->x_idle, sizeof x);
    for (size_t i = 0; i < v->size && i < (size_t)c->n_act; i++)
        x[c->act[i]] = gsl_vector_get(v, i);
    hk_combat_params cp;
    double coef[HK_CDB90_CODES], scale;
    unpack(x, c, &cp, coef, &scale);
    double e2 = 0, nll = 0;
    int ns = 0, nb = 0;
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b) || has_no_surrender(b))
            continue;
        hk_combat_result r;
        model_battle(&cp, coef, b, &r);
        for (int s = 0; s < 2; s++)
            if (side_usable(b, s)) {
                double e = cas_err(r.casualties[s], b->cas[s]);
                e2 += cas_loss(e);
                ns++;
            }
        nll += outcome_nll(r.score + cp.winner_bias, cp.draw_band, scale, b->wina);
        nb++;
    }
    /* A weak ridge keeps rarely seen terrains and the codes near neutral. */
    double ridge = 0;
    for (int i = X_PD; i <= X_URBAN; i++)
        ridge += x[i] * x[i];
    for (int k = 0; k < HK_CDB90_CODES; k++)
        ridge += x[X_CODE0 + k] * x[X_CODE0 + k];
    double f = e2 / (ns ? ns : 1) + nll / (nb ? nb : 1) + g_ridge * ridge;
    return isfinite(f) ? f : 1e9;
}

void lanchester_unpack(const double *y, lanchester *L, double *scale)
{
    L->a = exp(y[0]);
    L->d = exp(y[1]);
    L->band = exp(y[2]);
    *scale = exp(y[3]);
}

double lanchester_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double y[4];
    for (int i = 0; i < 4; i++)
        y[i] = gsl_vector_get(v, (size_t)i);
    lanchester L;
    double scale;
    lanchester_unpack(y, &L, &scale);
    loss_sums t = {0};
    for (int i = 0; i < c->n; i++) {
        const cbattle *b = &c->b[i];
        if (b->part != PART_FIT || !usable(b))
            continue;
        double cas[2], z;
        int w;
        lanchester_battle(&L, b, cas, &z, &w);
        loss_add(&t, b, cas, z, L.band, scale);
    }
    double f = loss_mean(&t);
    return isfinite(f) ? f : 1e9;
}

/* Nelder–Mead with restarts: each restart rebuilds the simplex around the
 * best point so far, which gets it out of collapsed simplices. */
double nelder_mead(double (*f)(const gsl_vector *, void *), void *ctx, double *x, int n,
                          int restarts, int max_iter, int quiet)
{
    gsl_multimin_function fn = {f, (size_t)n, ctx};
    gsl_vector *xv = gsl_vector_alloc((size_t)n), *step = gsl_vector_alloc((size_t)n);
    gsl_multimin_fminimizer *m =
        gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, (size_t)n);
    double best = 0;
    for (int r = 0; r < restarts; r++) {
        for (int i = 0; i < n; i++) {
            gsl_vector_set(xv, (size_t)i, x[i]);
            gsl_vector_set(step, (size_t)i, r == 0 ? 0.5 : 0.25);
        }
        gsl_multimin_fminimizer_set(m, &fn, xv, step);
        int it = 0, status;
        do {
            it++;
            status = gsl_multimin_fminimizer_iterate(m);
            if (status)
                break;
            status = gsl_multimin_test_size(gsl_multimin_fminimizer_size(m), 1e-5);
        } while (status == GSL_CONTINUE && it < max_iter);
        for (int i = 0; i < n; i++)
            x[i] = gsl_vector_get(m->x, (size_t)i);
        best = m->fval;
        if (!quiet)
            fprintf(stderr, "  restart %d: %d iterations, loss %.5f\n", r + 1, it, best);
    }
    gsl_multimin_fminimizer_free(m);
    gsl_vector_free(xv);
    gsl_vector_free(step);
    return best;
}

void fit_params_compiled(hk_combat_params *cp, double coef[HK_CDB90_CODES])
{
    hk_combat_params_default(cp);
    hk_combat_cdb90_coefs(coef);
    if (g_break_stop >= 0)
        cp->break_stop = g_break_stop;
    if (g_echelon_clock >= 0)
        cp->echelon_clock = g_echelon_clock;
    if (g_echelon_winner >= 0)
        cp->echelon_winner = g_echelon_winner;
    if (g_pursuit_cut_set >= 0)
        cp->pursuit_attacker_cut = g_pursuit_cut_set;
    if (!g_collapse)
        cp->collapse_share = 0;
    if (g_echelon_share_set >= 0)
        cp->echelon_clock_share = g_echelon_share_set;
    if (g_winner_scale_set >= 0)
        cp->winner_scale = g_winner_scale_set;
    if (isfinite(g_winner_bias_set))
        cp->winner_bias = g_winner_bias_set;
    if (isfinite(g_winner_draw_bias_set))
        cp->winner_draw_bias = g_winner_draw_bias_set;
    if (g_winner_central_set >= 0)
        cp->winner_central = g_winner_central_set;
    if (isfinite(g_nation_break_set))
        cp->nation_break = g_nation_break_set;
    if (!g_works_storm)
        for (int k = 0; k < HK_POSTURE_COUNT; k++)
            cp->works_storm[k] = 0;
}

/* ---- stage 5: the defender's collapse ------------------------------------
 * (docs/combat.md, "Defenders that break"). Two parts, everything else
 * held. (a) The probability that the defender's line collapses: a
 * logistic in what is known before the battle (the attacker's planned
 * envelopment, its surprise, the power ratio at the start as the model
 * computes it, the battle's size, a garrison that does not surrender), by
 * maximum likelihood on the fit part's battles, against CDB90's resolution
 * codes (cbattle.collapsed). (b) The share of its remaining men a
 * collapsed defender loses: on the fit part's collapsed battles, the
 * squared log error of the defender's casualties with the collapse
 * forced. */
int collapse_fit_battle(const cbattle *x)
{
    return x->part == PART_FIT && usable(x);
}

/* The power ratio at the start, from the model's central estimate with
 * the collapse off (it comes after the winner and does not change it). */
double collapse_power_ratio(const hk_combat_params *cp, const double *coef, const cbattle *x)
{
    hk_combat_params q = *cp;
    q.collapse_share = 0;
    hk_combat_result r;
    model_battle(&q, coef, x, &r);
    return r.power_ratio;
}

void collapse_p_unpack(const double *z, hk_combat_params *cp)
{
    int i = 0;
#define U(field, label, note) cp->field = z[i++];
    CDB90_COLLAPSE_TERMS(U)
#undef U
}

double collapse_p_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[NCOLL], ridge = 0;
    for (int i = 0; i < NCOLL; i++) {
        z[i] = gsl_vector_get(v, (size_t)i);
        if (i > 0)
            ridge += z[i] * z[i];
    }
    hk_combat_params cp = c->base;
    collapse_p_unpack(z, &cp);
    double nll = 0;
    int k = 0;
    for (int i = 0; i < c->n; i++) {
        const cbattle *x = &c->b[i];
        if (!collapse_fit_battle(x))
            continue;
        hk_combat_side s[2];
        cdb90_sides(x, s);
        double p = hk_combat_collapse_p(&cp, &s[0], &s[1], c->ratio[i]);
        p = p < 1e-9 ? 1e-9 : p > 1 - 1e-9 ? 1 - 1e-9 : p;
        nll -= x->collapsed ? log(p) : log(1 - p);
        k++;
    }
    double f = (k ? nll / k : 0) + g_ridge * ridge;
    return isfinite(f) ? f : 1e9;
}

/* The battles part (b) reads: collapsed in the record and won by the
 * attacker in the model's central estimate. */
static int collapse_share_battle(const hk_combat_params *cp, const double *coef, const cbattle *x)
{
    (void)cp;
    (void)coef;
    return collapse_fit_battle(x) && x->collapsed && side_usable(x, 1);
}

double collapse_share_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    hk_combat_params cp = c->base;
    cp.collapse_share = 0.95 * sigm(gsl_vector_get(v, 0));
#define Z(field, label, note) cp.field = 0;
    CDB90_COLLAPSE_TERMS(Z)
#undef Z
    cp.collapse_c0 = 50; /* forced */
    double e2 = 0;
    int k = 0;
    for (int i = 0; i < c->n; i++) {
        const cbattle *x = &c->b[i];
        if (!c->sel[i])
            continue;
        hk_combat_result r;
        model_battle(&cp, c->base_coef, x, &r);
        double e = cas_err(r.casualties[1], x->cas[1]);
        e2 += e * e;
        k++;
    }
    return k ? e2 / k : 0;
}

/* The logistic's log-likelihood per battle on one part's battles won by
 * the attacker, and that of the part's own base rate (no terms): how much
 * the pre-battle terms tell. *named: battles where the likelier outcome
 * (p >= 0.5) is the recorded one. */
void collapse_score(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part,
                    double *ll, double *ll_base, int *named, int *nb, int *nc)
{
    double k = 0, c = 0;
    *named = 0;
    for (int i = 0; i < n; i++) {
        const cbattle *x = &b[i];
        if (!(x->part == part && usable(x)))
            continue;
        k++;
        c += x->collapsed;
    }
    double base = k > 0 ? c / k : 0.5;
    *ll = *ll_base = 0;
    for (int i = 0; i < n; i++) {
        const cbattle *x = &b[i];
        if (!(x->part == part && usable(x)))
            continue;
        hk_combat_side sd[2];
        cdb90_sides(x, sd);
        double p = hk_combat_collapse_p(cp, &sd[0], &sd[1], collapse_power_ratio(cp, coef, x));
        p = p < 1e-9 ? 1e-9 : p > 1 - 1e-9 ? 1 - 1e-9 : p;
        *ll += x->collapsed ? log(p) : log(1 - p);
        *ll_base += x->collapsed ? log(base) : log(1 - base);
        *named += (p >= 0.5) == (x->collapsed != 0);
    }
    if (k > 0) {
        *ll /= k;
        *ll_base /= k;
    }
    *nb = (int)k;
    *nc = (int)c;
}

void fit_collapse(fitctx *c, hk_combat_params *cp, const double *coef, int quiet)
{
    c->base = *cp;
    c->base.collapse_share = 0;
    memcpy(c->base_coef, coef, sizeof(double) * HK_CDB90_CODES);
    int nb = 0, nc = 0, ns = 0;
    for (int i = 0; i < c->n && i < MAX_BATTLES; i++) {
        c->ratio[i] = collapse_fit_battle(&c->b[i]) ? collapse_power_ratio(cp, coef, &c->b[i]) : 1;
        c->sel[i] = collapse_share_battle(cp, coef, &c->b[i]);
        nb += collapse_fit_battle(&c->b[i]);
        nc += collapse_fit_battle(&c->b[i]) && c->b[i].collapsed;
        ns += c->sel[i];
    }
    double z[NCOLL] = {0};
    double f = nelder_mead(collapse_p_loss, c, z, NCOLL, 4, 5000, 1);
    collapse_p_unpack(z, cp);
    double y[1] = {-1};
    double g = nelder_mead(collapse_share_loss, c, y, 1, 4, 5000, 1);
    cp->collapse_share = 0.95 * sigm(y[0]);
    /* The random spread: the residuals of the battles that did not
     * collapse, about the model without the collapse; the collapse adds
     * its own scatter to that. */
    hk_combat_params q = *cp;
    q.collapse_share = 0;
    double sc0 = cp->noise_common_sd, sd0 = cp->noise_diff_sd;
    g_spread_all[0] = sc0;
    g_spread_all[1] = sd0;
    residual_spread_ordinary(&q, coef, c->b, c->n, 1, &cp->noise_common_sd, &cp->noise_diff_sd);
    if (!quiet)
        fprintf(stderr, "cdb90_fit: stage 5, the random spread of the battles that did not collapse: "
                        "common %.4f (all battles %.4f), exchange %.4f (%.4f)\n",
                cp->noise_common_sd, sc0, cp->noise_diff_sd, sd0);
    if (!quiet) {
        fprintf(stderr, "cdb90_fit: stage 5, collapse on %d fit-part battles (%d collapsed; "
                        "log-likelihood per battle %.4f):", nb, nc, -f);
#define E(field, label, note) fprintf(stderr, " " label " %.3f", cp->field);
        CDB90_COLLAPSE_TERMS(E)
#undef E
        fprintf(stderr, "; share %.3f on %d (mean sq log error %.4f)\n", cp->collapse_share, ns, g);
    }
    if (!quiet) {
        double ll, llb;
        int named, k, kc;
        collapse_score(cp, coef, c->b, c->n, PART_HELD, &ll, &llb, &named, &k, &kc);
        fprintf(stderr, "cdb90_fit: stage 5, held out: %d battles, %d collapsed; "
                        "log-likelihood per battle %.4f (its base rate alone %.4f); named %d\n",
                k, kc, ll, llb, named);
    }
}

/* ---- stage 6: the clock of a stage fought in echelons ---------------------
 * (docs/combat.md, "Severity of engagements fought in echelons"). The
 * simulation fights a border engagement in battle.echelons (3) echelons;
 * with the engagement's clock (a stage's intensity decaying from the
 * engagement's first day) CDB90's battles of several days fought so came
 * out far lighter than the record, the larger and longer the more. The
 * share of the days before a stage that its clock counts is fitted on the
 * fit part's battles of 1900 on lasting 2 days or more, fought in
 * TAILS_ECHELONS echelons, by the squared log error of both sides'
 * casualties (central estimate), everything else held. */
int echelon_fit_battle(const cbattle *x, int part)
{
    return x->part == part && usable(x) && x->year >= 1900 && x->days >= 2 && side_usable(x, 0) &&
           side_usable(x, 1);
}

void echelon_battle(const hk_combat_params *cp, const cbattle *x, hk_combat_result *res)
{
    hk_combat_params era = *cp;
    era.dispersion = x->dispersion;
    hk_combat_side whole[2];
    cdb90_sides(x, whole);
    hk_combat_resolve_echelons(&era, &whole[0], &whole[1], (hk_terrain)x->terrain, x->days, TAILS_ECHELONS, NULL,
                               res);
}

/* mean log error (bias) and mean squared log error of both sides'
 * casualties over one part's battles fought in echelons */
void echelon_errors(const hk_combat_params *cp, const cbattle *b, int n, int part, double *bias, double *mse, int *k)
{
    double s = 0, s2 = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (!echelon_fit_battle(&b[i], part))
            continue;
        hk_combat_result r;
        echelon_battle(cp, &b[i], &r);
        for (int j = 0; j < 2; j++) {
            double e = cas_err(r.casualties[j], b[i].cas[j]);
            s += e;
            s2 += e * e;
            m++;
        }
    }
    *bias = m ? s / m : 0;
    *mse = m ? s2 / m : 0;
    *k = m / 2;
}

double echelon_clock_loss(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    hk_combat_params cp = c->base;
    cp.echelon_clock_share = sigm(gsl_vector_get(v, 0));
    double bias, mse;
    int k;
    echelon_errors(&cp, c->b, c->n, PART_FIT, &bias, &mse, &k);
    return isfinite(mse) ? mse : 1e9;
}

void fit_echelon_clock(fitctx *c, hk_combat_params *cp, int quiet)
{
    c->base = *cp;
    double b0, m0, b1, m1, h0, hm0, h1, hm1;
    int k, kh;
    hk_combat_params before = *cp;
    before.echelon_clock_share = 0;
    echelon_errors(&before, c->b, c->n, PART_FIT, &b0, &m0, &k);
    echelon_errors(&before, c->b, c->n, PART_HELD, &h0, &hm0, &kh);
    double z[1] = {0};
    nelder_mead(echelon_clock_loss, c, z, 1, 4, 2000, 1);
    cp->echelon_clock_share = sigm(z[0]);
    echelon_errors(cp, c->b, c->n, PART_FIT, &b1, &m1, &k);
    echelon_errors(cp, c->b, c->n, PART_HELD, &h1, &hm1, &kh);
    if (!quiet)
        fprintf(stderr,
                "cdb90_fit: stage 6, a stage's clock counts %.3f of the days before it; battles of 1900 on, "
                "2 days or more, in %d echelons: fit part (%d) mean log error %+.3f -> %+.3f, squared %.3f -> "
                "%.3f; held out (%d) %+.3f -> %+.3f, squared %.3f -> %.3f\n",
                cp->echelon_clock_share, TAILS_ECHELONS, k, b0, b1, m0, m1, kh, h0, h1, hm0, hm1);
}

/* Stage 11: a storm of works (docs/combat.md, "A storm of works"): the
 * attacker's loss share in a one-day battle against a prepared or
 * fortified defender of the era of fire laid in advance x (1 +
 * works_storm[posture]), works_storm = e^z - 1 (either way), everything
 * else held. Adopted: --no-works-storm leaves it off. */
int g_works_storm = 1;

void works_storm_unpack(const double *z, hk_combat_params *cp)
{
    cp->works_storm[HK_POSTURE_HASTY] = 0;
    cp->works_storm[HK_POSTURE_PREPARED] = exp(z[0]) - 1;
    cp->works_storm[HK_POSTURE_FORTIFIED] = exp(z[1]) - 1;
}

double works_storm_loss_fn(const gsl_vector *v, void *ctx)
{
    const fitctx *c = ctx;
    double z[2] = {gsl_vector_get(v, 0), gsl_vector_get(v, 1)};
    hk_combat_params cp = c->base;
    works_storm_unpack(z, &cp);
    /* the ridge of the posture factors: a weak pull towards no effect */
    double f = battles_loss(c, &cp, c->base_coef, g_ns_scale) + g_ridge * (z[0] * z[0] + z[1] * z[1]);
    return isfinite(f) ? f : 1e9;
}
