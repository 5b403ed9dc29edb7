/* validate_forces.c — the figures of docs/validation.md's section on the
 * armies, the border battles and 1945, as data (src/out/validate_sections.c
 * writes the section).
 *
 * The recorded armies come from a replay run of the scenario (its
 * forces.yaml, each strength with its source), the recorded border battles
 * from its record.yaml, and the one figure the scenario does not hold, the
 * casualties of the 1945 Manchurian operation, from the publication named
 * below. The simulated side is the report's baseline ensemble. */
#include "run/validate_forces.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "run/stats.h"
#include "world/scenario.h"

/* The Manchurian strategic offensive operation, 9-20 August 1945: Soviet
 * killed 9,780-12,031 and wounded 24,425 (the three fronts, the Pacific
 * Fleet's landings left out). */
const double hk_val_sov_1945_lo = 9780 + 24425, hk_val_sov_1945_hi = 12031 + 24425;
const char *const hk_val_sov_1945_source =
    "Krivosheev, G. F. (ed.), *Soviet Casualties and Combat Losses in the Twentieth Century*, London: Greenhill "
    "Books, 1997, the Manchurian strategic offensive operation (as quoted with its killed and wounded in the "
    "article \"Soviet invasion of Manchuria\", en.wikipedia.org); Glantz, D. M., *The Soviet Strategic "
    "Offensive in Manchuria, 1945: 'August Storm'*, London: Frank Cass, 2003";

/* Quantile q of n sorted values (nearest rank). */
static double quantile(const double *v, int n, double q)
{
    if (n <= 0)
        return NAN;
    int i = (int)floor(q * (n - 1) + 0.5);
    return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

/* One side's December strengths, from..to. */
static void army_years(const hk_outcomes *rep, const hk_outcomes *base, int runs, bool soviet, int from, int to,
                       hk_val_army_year *out)
{
    double *v = malloc(sizeof *v * (size_t)(runs > 0 ? runs : 1));
    for (int y = from; y <= to && v; y++) {
        int i = y - HK_YEAR_FIRST;
        hk_val_army_year *a = &out[y - from];
        a->year = y;
        a->rec = soviet ? rep->soviet_far_east_men_by_year[i] : rep->japan_manchuria_men_by_year[i];
        double sum = 0;
        for (int k = 0; k < runs; k++) {
            v[k] = soviet ? base[k].soviet_far_east_men_by_year[i] : base[k].japan_manchuria_men_by_year[i];
            sum += v[k];
        }
        hk_stats_sort(v, (size_t)runs);
        a->mean = runs ? sum / runs : NAN;
        a->q05 = quantile(v, runs, HK_VAL_BAND_LO);
        a->q95 = quantile(v, runs, HK_VAL_BAND_HI);
        a->pass = a->rec > 0 && fabs(a->mean / a->rec - 1.0) <= HK_VAL_TOL_ARMY && a->rec >= a->q05 &&
                  a->rec <= a->q95;
    }
    free(v);
}

/* The recorded border battles: the record's battles outside general war,
 * one per campaign (an engagement inside a longer recorded battle on the
 * same sector counts with it), with the most men a side had. */
static int record_border_battles(const hk_scenario *s, hk_val_rec_battle *out, int max)
{
    int n = 0;
    for (int i = 0; i < s->n_battles && n < max; i++) {
        const hk_battle *bt = &s->battles[i];
        if (bt->sector < 0 || !hk_date_is_set(bt->start) || bt->start.year >= 1945)
            continue;
        bool inside = false;
        for (int j = 0; j < s->n_battles && !inside; j++) {
            const hk_battle *o = &s->battles[j];
            if (j == i || o->sector != bt->sector || !hk_date_is_set(o->end) || !hk_date_is_set(bt->end))
                continue;
            bool within = hk_date_cmp(o->start, bt->start) <= 0 && hk_date_cmp(bt->end, o->end) <= 0;
            bool same = hk_date_cmp(o->start, bt->start) == 0 && hk_date_cmp(o->end, bt->end) == 0;
            inside = within && (!same || j < i);
        }
        if (inside)
            continue;
        out[n].sector = bt->sector;
        out[n].year = bt->start.year;
        out[n].men = fmax(bt->attacker.men, bt->defender.men);
        out[n].name = bt->name ? bt->name : bt->id;
        n++;
    }
    return n;
}

static void battles_part(const hk_scenario *s, const hk_outcomes *base, int runs, hk_val_forces *res)
{
    res->n_rec = record_border_battles(s, res->rec, HK_VAL_MAX_REC_BATTLES);
    res->n_sectors = s->n_sectors < HK_MAX_SECTORS ? s->n_sectors : HK_MAX_SECTORS;
    bool recorded[HK_MAX_SECTORS] = {false};
    for (int k = 0; k < runs; k++)
        for (int sec = 0; sec < res->n_sectors; sec++) {
            res->count[sec] += base[k].border_battles[sec];
            res->total += base[k].border_battles[sec];
        }
    for (int i = 0; i < res->n_rec; i++)
        if (res->rec[i].sector >= 0 && res->rec[i].sector < HK_MAX_SECTORS)
            recorded[res->rec[i].sector] = true;
    double *v = malloc(sizeof *v * (size_t)(runs > 0 ? runs : 1));
    for (int sec = 0; sec < res->n_sectors && v; sec++) {
        int m = 0;
        for (int k = 0; k < runs; k++)
            if (base[k].border_battles[sec] > 0)
                v[m++] = base[k].border_battle_men[sec];
        hk_stats_sort(v, (size_t)m);
        res->with_battle[sec] = m;
        res->median_men[sec] = quantile(v, m, 0.5);
        res->p90_men[sec] = quantile(v, m, 0.9);
        if (recorded[sec])
            res->at_record += res->count[sec];
    }
    free(v);
}

static void chain_part(const hk_outcomes *base, int runs, hk_val_forces *res)
{
    double sum_s = 0, sum_j = 0;
    for (int k = 0; k < runs; k++) {
        const hk_outcomes *o = &base[k];
        if (o->surrender_month != HK_MONTH_NONE) {
            res->surrendered++;
            bool entry_first = o->entry_month != HK_MONTH_NONE && o->entry_month <= o->surrender_month;
            bool bomb_first = o->atomic_month != HK_MONTH_NONE && o->atomic_month <= o->surrender_month;
            if (!entry_first)
                res->no_entry++;
            if (!bomb_first)
                res->no_bomb++;
            if (!entry_first || !bomb_first)
                res->broken++;
        }
        if (!isnan(o->entry_war_casualties[1])) {
            sum_s += o->entry_war_casualties[1];
            sum_j += o->entry_war_casualties[0];
            res->n_war++;
        }
    }
    res->sov_mean = res->n_war ? sum_s / res->n_war : NAN;
    res->jpn_mean = res->n_war ? sum_j / res->n_war : NAN;
}

bool hk_val_forces_pass(const hk_val_forces *f, int figure)
{
    switch (figure) {
    case HK_VAL_F_ARMY_JPN:
    case HK_VAL_F_ARMY_SOV: {
        const hk_val_army_year *a = figure == HK_VAL_F_ARMY_JPN ? f->jp : f->sv;
        for (int i = 0; i < HK_VAL_ARMY_YEARS; i++)
            if (!a[i].pass)
                return false;
        return true;
    }
    case HK_VAL_F_EARLY: return f->early_worst <= HK_VAL_TOL_AGREE;
    case HK_VAL_F_BATTLE_SITES: return (f->total ? (double)f->at_record / f->total : 0.0) > 0.5;
    case HK_VAL_F_END_ORDER: return f->broken == 0 && f->surrendered > 0;
    case HK_VAL_F_SOV_1945:
        return f->n_war > 0 && f->sov_mean >= hk_val_sov_1945_lo / HK_VAL_TOL_1945 &&
               f->sov_mean <= hk_val_sov_1945_hi * HK_VAL_TOL_1945;
    default: return false;
    }
}

int hk_val_forces_compute(const hk_setup *setup, uint64_t seed, const hk_outcomes *base, int runs, hk_val_forces *res)
{
    memset(res, 0, sizeof *res);
    res->runs = runs;
    hk_outcomes rep;
    if (hk_run(setup, HK_MODE_REPLAY, seed, 0, HK_MONTH_NONE, NULL, &rep) != 0)
        return -1;
    army_years(&rep, base, runs, false, HK_VAL_ARMY_FIRST, HK_VAL_ARMY_LAST, res->jp);
    army_years(&rep, base, runs, true, HK_VAL_ARMY_FIRST, HK_VAL_ARMY_LAST, res->sv);
    army_years(&rep, base, runs, false, 1918, 1929, res->ej);
    army_years(&rep, base, runs, true, 1918, 1929, res->es);
    /* the Siberian expedition: replay's forces.yaml against simulate's
     * cut and drawing in (politics.c), its December men */
    for (int y = 1918; y <= 1929; y++) {
        int i = y - HK_YEAR_FIRST;
        hk_val_army_year *a = &res->ee[y - 1918];
        a->year = y;
        a->rec = rep.expedition_men_by_year[i];
        double sum = 0;
        for (int k = 0; k < runs; k++)
            sum += base[k].expedition_men_by_year[i];
        a->mean = runs ? sum / runs : NAN;
    }
    double worst = 0;
    for (int i = 0; i < HK_VAL_EARLY_YEARS; i++) {
        if (res->ee[i].rec > 0)
            worst = fmax(worst, fabs(res->ee[i].mean / res->ee[i].rec - 1));
        if (res->ej[i].rec > 0)
            worst = fmax(worst, fabs(res->ej[i].mean / res->ej[i].rec - 1));
        if (res->es[i].rec > 0)
            worst = fmax(worst, fabs(res->es[i].mean / res->es[i].rec - 1));
    }
    res->early_worst = worst;
    battles_part(setup->scenario, base, runs, res);
    chain_part(base, runs, res);
    return 0;
}
