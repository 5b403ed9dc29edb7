/* winner.c — stage 7: who wins a battle drawn at random (docs/combat.md,
 * "Who wins a drawn battle").
 *
 * The central estimate names the likelier winner, and in most of CDB90's
 * battles that is the attacker (the winner rule's lean, winner_bias). A
 * simulation draws its battles: the random spread moves the casualties,
 * but when the winner follows the drawn score with the same lean the
 * attacker wins about four battles in five where the record's attacker won
 * three in five. With winner_scale > 0 a drawn battle that no side broke off
 * is won by the attacker with probability sigm(winner_scale x (score +
 * winner_bias)): the ordered logistic the outcome is fitted by, read on
 * the drawn battle. winner_scale is fitted here on the fit part's battles,
 * everything else held: the likelihood of the recorded "the attacker won"
 * under the share of WINNER_DRAWS draws the attacker wins (a collapse or a
 * break decides a draw as before; only the battles that run their course
 * are judged by the odds). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb90_fit.h"
#include "core/rng.h"

int g_winner_draw = 0;
double g_winner_scale_set = -1;

/* One battle's draws with the score deciding (winner_scale 0): for each
 * draw the outcome fixed by a collapse or a break (1 the attacker won, 0
 * not), or -1 and the score with the lean, which the odds judge. */
typedef struct {
    signed char fixed[WINNER_DRAWS];
    double z[WINNER_DRAWS];
    int won; /* the record: the attacker won */
} wbattle;

/* Battle x's WINNER_DRAWS draws under q (winner_scale 0): which each fixed
 * (1 or 0 when a collapse or a break-off decides it, else -1), and its
 * drawn score in z. */
static void draw_battle(const hk_combat_params *q, const double *coef, const cbattle *x, wbattle *w)
{
    hk_rng rng;
    hk_rng_init(&rng, 1, (uint64_t)x->isqno);
    for (int d = 0; d < WINNER_DRAWS; d++) {
        hk_combat_result r;
        tails_fight(q, coef, x, 1, &rng, &r);
        if (r.collapsed)
            w->fixed[d] = 1;
        else if (r.broke_off[0] || r.broke_off[1])
            w->fixed[d] = r.winner == HK_COMBAT_ATTACKER;
        else
            w->fixed[d] = -1;
        w->z[d] = r.score;
    }
    w->won = x->wina == 1;
}

static void winner_draws(const hk_combat_params *cp, const double *coef, const cbattle *x, wbattle *w)
{
    hk_combat_params q = *cp;
    q.winner_scale = 0;
    draw_battle(&q, coef, x, w);
    for (int d = 0; d < WINNER_DRAWS; d++)
        w->z[d] = w->z[d] + q.winner_bias - (q.draw_band > 0 ? q.draw_band : 0);
}

static double clampp(double p)
{
    return p < 1e-6 ? 1e-6 : p > 1 - 1e-6 ? 1 - 1e-6 : p;
}

/* mean negative log-likelihood of the recorded outcomes at scale s */
static double winner_nll(const wbattle *w, int k, double s)
{
    double nll = 0;
    for (int i = 0; i < k; i++) {
        double pa = 0;
        for (int d = 0; d < WINNER_DRAWS; d++)
            pa += w[i].fixed[d] >= 0 ? w[i].fixed[d] : 1 / (1 + exp(-s * w[i].z[d]));
        pa = clampp(pa / WINNER_DRAWS);
        nll -= w[i].won ? log(pa) : log(1 - pa);
    }
    return k ? nll / k : 0;
}

void fit_winner_scale(const cbattle *b, int n, hk_combat_params *cp, const double *coef, int quiet)
{
    wbattle *w = malloc(sizeof *w * (size_t)(n > 0 ? n : 1));
    if (!w) {
        fprintf(stderr, "cdb90_fit: stage 7: out of memory\n");
        exit(1);
    }
    int k = 0;
    for (int i = 0; i < n; i++)
        if (b[i].part == PART_FIT && usable(&b[i]))
            winner_draws(cp, coef, &b[i], &w[k++]);
    /* golden-section search on ln s over [ln 0.01, ln 20] after a coarse
     * grid (the likelihood is smooth and, on CDB90, has one peak) */
    double lo = log(0.01), hi = log(20), best = lo, fb = INFINITY;
    for (int g = 0; g <= 40; g++) {
        double t = lo + (hi - lo) * g / 40, f = winner_nll(w, k, exp(t));
        if (f < fb)
            fb = f, best = t;
    }
    double a = best - (hi - lo) / 40, c = best + (hi - lo) / 40, r = (sqrt(5) - 1) / 2;
    double x1 = c - r * (c - a), x2 = a + r * (c - a);
    double f1 = winner_nll(w, k, exp(x1)), f2 = winner_nll(w, k, exp(x2));
    for (int it = 0; it < 60; it++) {
        if (f1 < f2) {
            c = x2, x2 = x1, f2 = f1;
            x1 = c - r * (c - a);
            f1 = winner_nll(w, k, exp(x1));
        } else {
            a = x1, x1 = x2, f1 = f2;
            x2 = a + r * (c - a);
            f2 = winner_nll(w, k, exp(x2));
        }
    }
    double s = exp((a + c) / 2), f = winner_nll(w, k, s);
    if (f < fb)
        cp->winner_scale = s;
    else
        cp->winner_scale = exp(best), f = fb;
    if (!quiet) {
        /* the score deciding: the odds as steep as can be */
        double f0 = winner_nll(w, k, 1e6);
        fprintf(stderr,
                "cdb90_fit: stage 7, who wins a drawn battle: winner_scale %.4f on %d fit-part battles, "
                "%d draws each; log-likelihood per battle %.4f (the score deciding %.4f)\n",
                cp->winner_scale, k, WINNER_DRAWS, -f, -f0);
    }
    free(w);
}

void winner_summary(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part,
                    int echelons, int border_only, winner_sum *ws)
{
    memset(ws, 0, sizeof *ws);
    double *pa = malloc(sizeof *pa * (size_t)(n > 0 ? n : 1));
    int *won = malloc(sizeof *won * (size_t)(n > 0 ? n : 1));
    if (!pa || !won) {
        fprintf(stderr, "cdb90_fit: stage 7: out of memory\n");
        exit(1);
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        const cbattle *x = &b[i];
        if (x->part != part || !usable(x) || (border_only && !border_size(x)))
            continue;
        hk_rng rng;
        hk_rng_init(&rng, 1, (uint64_t)x->isqno);
        int wa = 0;
        for (int d = 0; d < WINNER_DRAWS; d++) {
            hk_combat_result r;
            tails_fight(cp, coef, x, echelons, &rng, &r);
            wa += r.winner == HK_COMBAT_ATTACKER;
        }
        pa[k] = (double)wa / WINNER_DRAWS;
        won[k] = x->wina == 1;
        /* the winner the draws make likelier (a recorded draw is named by
         * neither side) */
        ws->named += pa[k] > 0.5 ? x->wina == 1 : x->wina == -1;
        k++;
    }
    ws->n = k;
    if (k > 0)
        ws->named /= k;
    if (k > 0) {
        for (int i = 0; i < k; i++) {
            ws->rec += won[i];
            ws->drawn += pa[i];
        }
        ws->rec /= k;
        ws->drawn /= k;
        for (int i = 0; i < k; i++) {
            /* a share of 0 or 1 of the draws read as half a draw from it */
            double p = pa[i] < 0.5 / WINNER_DRAWS ? 0.5 / WINNER_DRAWS
                       : pa[i] > 1 - 0.5 / WINNER_DRAWS ? 1 - 0.5 / WINNER_DRAWS
                                                        : pa[i];
            ws->ll += won[i] ? log(p) : log(1 - p);
            ws->ll_base += won[i] ? log(ws->rec) : log(1 - ws->rec);
            ws->brier += (pa[i] - won[i]) * (pa[i] - won[i]);
            ws->brier_base += (ws->rec - won[i]) * (ws->rec - won[i]);
        }
        ws->ll /= k;
        ws->ll_base /= k;
        ws->brier /= k;
        ws->brier_base /= k;
    }
    free(pa);
    free(won);
}

/* ---- stage 8: a winner rule that does not lean ----------------------------
 * (docs/combat.md, "A winner rule that does not lean"). Stage 1 fits the
 * winner rule's lean b (winner_bias) on the central estimate, before the
 * defender's collapse (stage 5) exists and without the random spread; the
 * draws then add the collapse's wins to it and, letting the drawn score
 * decide, pass the lean on almost whole. Here b and the odds' scale s are
 * fitted together on the fit part's battles, everything else held, by the
 * likelihood of the recorded "the attacker won" under the share of
 * WINNER_DRAWS draws the attacker wins as the model draws them: a break
 * or a collapse decides a draw, and a draw that runs its course is won by
 * the attacker with p = sigm(s (z + b)), z the battle's central score
 * (winner_central; or its drawn score, g_winner_central 0). A free lean
 * in a likelihood makes the draws' attacker share that of the record on
 * the part it is fitted on: the lean is the record's, collapse included. */
int g_winner_neutral = 0;  /* 1 (--winner-neutral): fit and write stage 8 */
int g_winner_central = 1;  /* stage 8 reads the central score (0: --winner-on-drawn) */
double g_winner_bias_set = NAN; /* --winner-bias X: --evaluate and --tails with this lean */
int g_winner_central_set = -1;  /* --winner-central 0|1|2: --evaluate and --tails with this rule */
double g_winner_draw_bias_set = NAN; /* --winner-draw-bias X: --evaluate and --tails with this lean of the draws */

typedef struct {
    wbattle *w;
    int k;
} neutral_ctx;

static double neutral_nll(const gsl_vector *v, void *vp)
{
    const neutral_ctx *c = vp;
    double b = gsl_vector_get(v, 0), s = exp(gsl_vector_get(v, 1)), nll = 0;
    for (int i = 0; i < c->k; i++) {
        double pa = 0;
        for (int d = 0; d < WINNER_DRAWS; d++)
            pa += c->w[i].fixed[d] >= 0 ? c->w[i].fixed[d] : 1 / (1 + exp(-s * (c->w[i].z[d] + b)));
        pa = clampp(pa / WINNER_DRAWS);
        nll -= c->w[i].won ? log(pa) : log(1 - pa);
    }
    return c->k ? nll / c->k : 0;
}

/* One battle's draws for stage 8: the outcome a break or a collapse fixes,
 * else the score the odds read (central or drawn), without the lean. */
static void neutral_draws(const hk_combat_params *cp, const double *coef, const cbattle *x, int central, wbattle *w)
{
    hk_combat_params q = *cp;
    q.winner_scale = 0;
    double band = q.draw_band > 0 ? q.draw_band : 0, zc = 0;
    if (central) {
        hk_combat_result r;
        tails_fight(&q, coef, x, 1, NULL, &r);
        zc = r.score;
    }
    draw_battle(&q, coef, x, w);
    for (int d = 0; d < WINNER_DRAWS; d++)
        w->z[d] = (central ? zc : w->z[d]) - band;
}

void fit_winner_neutral(const cbattle *b, int n, hk_combat_params *cp, const double *coef, int quiet)
{
    wbattle *w = malloc(sizeof *w * (size_t)(n > 0 ? n : 1));
    if (!w) {
        fprintf(stderr, "cdb90_fit: stage 8: out of memory\n");
        exit(1);
    }
    int k = 0, central = g_winner_central != 0;
    for (int i = 0; i < n; i++)
        if (b[i].part == PART_FIT && usable(&b[i]))
            neutral_draws(cp, coef, &b[i], central, &w[k++]);
    neutral_ctx c = {w, k};
    double x[2] = {cp->winner_bias, log(cp->winner_scale > 0 ? cp->winner_scale : 0.5)};
    gsl_vector *v = gsl_vector_alloc(2);
    gsl_vector_set(v, 0, x[0]);
    gsl_vector_set(v, 1, x[1]);
    double before = neutral_nll(v, &c);
    double after = nelder_mead(neutral_nll, &c, x, 2, 4, 2000, 1);
    gsl_vector_free(v);
    cp->winner_draw_bias = x[0];
    cp->winner_scale = exp(x[1]);
    cp->winner_central = central ? 1 : 2;
    if (!quiet)
        fprintf(stderr,
                "cdb90_fit: stage 8, a winner rule that does not lean (odds on the %s score): winner_bias "
                "%.4f -> winner_draw_bias %.4f, winner_scale %.4f on %d fit-part battles, %d draws each; "
                "log-likelihood per battle %.4f -> %.4f\n",
                central ? "central" : "drawn", cp->winner_bias, cp->winner_draw_bias, cp->winner_scale, k, WINNER_DRAWS, -before,
                -after);
    free(w);
}
