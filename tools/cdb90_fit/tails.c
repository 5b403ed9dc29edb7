/* tails.c — how heavy the losses of single battles run, in the record and in
 * the model (docs/combat.md, "Heavy losses"). `cdb90_fit --tails N` prints,
 * for every CDB90 battle with both strengths, the recorded casualties, the
 * model's central estimate and, over N draws of the model's random spread,
 * how often each side loses 70 % or more of its men and how often the
 * exchange (the larger side's casualties over the smaller's) reaches 5:1
 * and 10:1 (and, of the 5:1, how often the attacker is the side that lost
 * more, pa5, and how often the defender, pd5; pcol, how often the beaten
 * defender collapsed; pwa and pwd, how often the attacker and the
 * defender win, the rest draws). `--echelons K` fights each battle as the simulation fights a
 * border battle (src/model/battles.c): K equal echelons over its days, each
 * stage a battle of its own. tools/cdb90_fit/border_tails.py reads the lines
 * and picks the battles of a size and length. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cdb90_fit.h"
#include "core/rng.h"

void tails_fight(const hk_combat_params *cp, const double *coef, const cbattle *x, int echelons, hk_rng *rng,
                 hk_combat_result *res)
{
    if (echelons <= 1) {
        model_battle_rng(cp, coef, x, rng, res);
        return;
    }
    hk_combat_params era = *cp;
    era.dispersion = x->dispersion;
    hk_combat_side whole[2];
    cdb90_sides(x, whole);
    hk_combat_resolve_echelons(&era, &whole[0], &whole[1], (hk_terrain)x->terrain, x->days, echelons, rng, res);
}

static double exchange(double a, double b)
{
    double hi = a > b ? a : b, lo = a > b ? b : a;
    return (hi + 1) / (lo + 1);
}

int tails_run(const cbattle *b, int n, int draws, int echelons)
{
    hk_combat_params cp;
    double coef[HK_CDB90_CODES];
    fit_params_compiled(&cp, coef);
    printf("# isqno part year days envelop no_surrender str_a str_d cas_a cas_d wina | model_a model_d "
           "winner encircled | p70_a p70_d pex5 pex10 mean_share_a mean_share_d pa5 pd5 pcol pwa pwd (draws %d, "
           "echelons %d)\n",
           draws, echelons);
    for (int i = 0; i < n; i++) {
        const cbattle *x = &b[i];
        if (!usable(x))
            continue;
        hk_combat_result r;
        tails_fight(&cp, coef, x, echelons, NULL, &r);
        int k70[2] = {0, 0}, k5 = 0, k10 = 0, ka5 = 0, kd5 = 0, kc = 0, kwa = 0, kwd = 0;
        double ms[2] = {0, 0};
        hk_rng rng;
        hk_rng_init(&rng, 1, (uint64_t)x->isqno);
        for (int d = 0; d < draws; d++) {
            hk_combat_result q;
            tails_fight(&cp, coef, x, echelons, &rng, &q);
            for (int s = 0; s < 2; s++) {
                double f = q.casualties[s] / x->str[s];
                k70[s] += f >= 0.7;
                ms[s] += f;
            }
            double e = exchange(q.casualties[0], q.casualties[1]);
            k5 += e >= 5;
            k10 += e >= 10;
            ka5 += e >= 5 && q.casualties[0] > q.casualties[1];
            kd5 += e >= 5 && q.casualties[1] > q.casualties[0];
            kc += q.collapsed;
            kwa += q.winner == HK_COMBAT_ATTACKER;
            kwd += q.winner == HK_COMBAT_DEFENDER;
        }
        double nd = draws > 0 ? draws : 1;
        printf("%d %d %d %d %d %d %.0f %.0f %.0f %.0f %d | %.0f %.0f %d %d | %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f\n",
               x->isqno, x->part, x->year, x->days, x->envelop, x->no_surrender[0] * 1 + x->no_surrender[1] * 2,
               x->str[0], x->str[1], x->cas[0], x->cas[1], x->wina, r.casualties[0], r.casualties[1], r.winner,
               r.encircled, k70[0] / nd, k70[1] / nd, k5 / nd, k10 / nd, ms[0] / nd, ms[1] / nd, ka5 / nd, kd5 / nd, kc / nd,
               kwa / nd, kwd / nd);
    }
    return 0;
}

/* The battles of a border battle's size and length (docs/combat.md,
 * "Defenders that break"): 1900 on, 1,000-100,000 men in all, 1-14 days,
 * neither side a garrison that does not surrender, both sides' casualties
 * known. */
int border_size(const cbattle *x)
{
    double men = x->str[0] + x->str[1];
    return usable(x) && x->year >= 1900 && men >= 1000 && men <= 100000 && x->days >= 1 && x->days <= 14 &&
           !x->no_surrender[0] && !x->no_surrender[1] && side_usable(x, 0) && side_usable(x, 1);
}

void tails_summary(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part, int draws,
                   int echelons, tails_sum *t)
{
    memset(t, 0, sizeof *t);
    for (int i = 0; i < n; i++) {
        const cbattle *x = &b[i];
        if (x->part != part || !border_size(x))
            continue;
        t->n++;
        double e = exchange(x->cas[0], x->cas[1]);
        t->rec5 += e >= 5;
        t->rec_a5 += e >= 5 && x->cas[0] > x->cas[1];
        t->rec_d5 += e >= 5 && x->cas[1] > x->cas[0];
        t->rec_col += x->collapsed;
        hk_rng rng;
        hk_rng_init(&rng, 1, (uint64_t)x->isqno);
        double k5 = 0, ka = 0, kd = 0, kc = 0;
        for (int d = 0; d < draws; d++) {
            hk_combat_result q;
            tails_fight(cp, coef, x, echelons, &rng, &q);
            double m = exchange(q.casualties[0], q.casualties[1]);
            k5 += m >= 5;
            ka += m >= 5 && q.casualties[0] > q.casualties[1];
            kd += m >= 5 && q.casualties[1] > q.casualties[0];
            kc += q.collapsed;
        }
        double nd = draws > 0 ? draws : 1;
        t->m5 += k5 / nd;
        t->m_a5 += ka / nd;
        t->m_d5 += kd / nd;
        t->m_col += kc / nd;
    }
    if (t->n > 0) {
        double k = t->n;
        t->rec5 /= k, t->rec_a5 /= k, t->rec_d5 /= k, t->rec_col /= k;
        t->m5 /= k, t->m_a5 /= k, t->m_d5 /= k, t->m_col /= k;
    }
}
