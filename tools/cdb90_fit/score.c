/* score.c — the held-out figures: winners named, sides within 2x, by part, army and battle group (tools/cdb90_fit). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb90_fit.h"

/* ---- scoring ------------------------------------------------------------- */


void score_add_battle(score *s, int winner_model, int wina)
{
    int rec = wina == 1 ? HK_COMBAT_ATTACKER : wina == -1 ? HK_COMBAT_DEFENDER : HK_COMBAT_DRAW;
    s->n_battles++;
    s->n_winner_right += winner_model == rec;
}

void score_add_side(score *s, double model, double rec)
{
    double e = log((model > 0.5 ? model : 0.5) / rec);
    s->n_sides++;
    s->n_within2 += fabs(e) <= log(2.0) + 1e-12;
    s->sum_abs_log += fabs(e);
    s->sum_sq_log += e * e;
}

double share(int k, int n)
{
    return n ? (double)k / n : NAN;
}

int g_score_ns_only = 0; /* score_model: only battles with a no-surrender side */
/* The scores count only battles of these years (inclusive; 0 0 = all). */
int g_year_lo = 0, g_year_hi = 0;

static int in_years(const cbattle *x)
{
    return !(g_year_lo || g_year_hi) || (x->year >= g_year_lo && x->year <= g_year_hi);
}

void score_model(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                        int part, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        if ((g_score_ns_only && !has_no_surrender(&b[i])) || !in_years(&b[i]))
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        if (g_score_ns_only && getenv("CDB90_DUMP"))
            fprintf(stderr, "%d %s %d days %d/%d %s%s: rec %.0f/%.0f model %.0f/%.0f win %d model %d\n",
                    b[i].isqno, b[i].name, b[i].year, b[i].days, r.days, b[i].actor[0],
                    b[i].night ? " night" : "", b[i].cas[0], b[i].cas[1], r.casualties[0],
                    r.casualties[1], b[i].wina, r.winner == 0 ? 1 : r.winner == 1 ? -1 : 0);
        if (getenv("CDB90_DUMP_ALL"))
            fprintf(stderr, "D %d %d %d %d %d %d %.4f %.4f %.4f %.4f %d %d %.4f %d %.1f %.1f\n", b[i].isqno, part,
                    b[i].year, b[i].wina, r.winner, r.broke_off[0] * 10 + r.broke_off[1],
                    r.score + cp->winner_bias, r.strain[0], r.strain[1],
                    log((r.casualties[0] + 1) / (r.casualties[1] + 1)), r.days, b[i].days,
                    r.power_ratio, r.collapsed, r.casualties[0], r.casualties[1]);
        score_add_battle(s, r.winner, b[i].wina);
        for (int k = 0; k < 2; k++)
            if (side_usable(&b[i], k))
                score_add_side(s, r.casualties[k], b[i].cas[k]);
    }
}

void score_lanchester(const lanchester *L, const cbattle *b, int n, int part, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]) || !in_years(&b[i]))
            continue;
        double cas[2], sc;
        int w;
        lanchester_battle(L, &b[i], cas, &sc, &w);
        score_add_battle(s, w, b[i].wina);
        for (int k = 0; k < 2; k++)
            if (side_usable(&b[i], k))
                score_add_side(s, cas[k], b[i].cas[k]);
    }
}

/* Simple references: "the attacker always wins", "the larger army wins". */
void score_naive(const cbattle *b, int n, int part, double *always_att, double *larger)
{
    int nb = 0, ka = 0, kl = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]) || !in_years(&b[i]))
            continue;
        nb++;
        ka += b[i].wina == 1;
        kl += (b[i].str[0] > b[i].str[1]) ? b[i].wina == 1 : b[i].wina == -1;
    }
    *always_att = share(ka, nb);
    *larger = share(kl, nb);
}

/* Median over sides of (arm loss share) / (men loss share), for arm losses
 * per man lost; 1 if fewer than 5 battles give both. */
double median_ratio(const cbattle *b, int n, int arm)
{
    double v[2 * MAX_BATTLES];
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != PART_FIT || !usable(&b[i]))
            continue;
        for (int s = 0; s < 2; s++) {
            double have = arm == 0 ? b[i].tank[s] : arm == 1 ? b[i].arty[s] : b[i].fly[s] / b[i].days;
            double lost = arm == 0 ? b[i].ctank[s] : arm == 1 ? b[i].carty[s] : b[i].cfly[s];
            if (!(have > 0) || !isfinite(lost) || !(b[i].cas[s] > 0))
                continue;
            double men_share = b[i].cas[s] / b[i].str[s];
            double arm_share = lost / have;
            if (arm_share > 1)
                arm_share = 1;
            v[k++] = arm_share / men_share;
        }
    }
    if (k < 5)
        return 1;
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return k % 2 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
}

/* Splits the fit part's log casualty residuals into what both sides share
 * (the battle was bloodier or milder than modelled) and what opposes them
 * (the exchange went otherwise): the RMS of (e_att + e_def) / 2 and of
 * (e_att - e_def) / 2 over battles with both sides' casualties. */
void residual_spread(const hk_combat_params *cp, const double *coef, const cbattle *b,
                            int n, double *common, double *diff)
{
    residual_spread_ordinary(cp, coef, b, n, 0, common, diff);
}

/* The same on the battles whose defender did not collapse in the record
 * (`ordinary`), when the collapse is a mechanism of its own: the spread
 * of the ordinary battles, to which the collapse adds its own. */
void residual_spread_ordinary(const hk_combat_params *cp, const double *coef, const cbattle *b,
                              int n, int ordinary, double *common, double *diff)
{
    double sc = 0, sd = 0;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (b[i].part != PART_FIT || !side_usable(&b[i], 0) || !side_usable(&b[i], 1))
            continue;
        if (ordinary && b[i].collapsed)
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        double ea = cas_err(r.casualties[0], b[i].cas[0]);
        double ed = cas_err(r.casualties[1], b[i].cas[1]);
        sc += 0.25 * (ea + ed) * (ea + ed);
        sd += 0.25 * (ea - ed) * (ea - ed);
        k++;
    }
    *common = k ? sqrt(sc / k) : 0;
    *diff = k ? sqrt(sd / k) : 0;
}

/* The casualty figures of one national group's sides in a part. */
void score_nation(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                         int part, int nation, score *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < n; i++) {
        if (b[i].part != part || !usable(&b[i]))
            continue;
        if (b[i].nation[0] != nation && b[i].nation[1] != nation)
            continue;
        hk_combat_result r;
        model_battle(cp, coef, &b[i], &r);
        for (int k = 0; k < 2; k++)
            if (b[i].nation[k] == nation && side_usable(&b[i], k))
                score_add_side(s, r.casualties[k], b[i].cas[k]);
    }
}
