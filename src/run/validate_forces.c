/* validate_forces.c — docs/validation.md's section on the armies, the border
 * battles and 1945.
 *
 * The figures are data here: the recorded armies come from a replay run of
 * the scenario (its forces.yaml, each strength with its source), the
 * recorded border battles from its record.yaml, and the one figure the
 * scenario does not hold, the casualties of the 1945 Manchurian operation,
 * from the publication named below. The simulated side is the report's
 * baseline ensemble. */
#include "run/validate_forces.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "world/scenario.h"

/* Tolerances, stated in the report. */
#define TOL_ARMY 0.25       /* relative, on the mean December strength */
#define BAND_LO 0.05        /* the record must lie inside the central 90% of runs */
#define BAND_HI 0.95
#define TOL_AGREE 0.25      /* relative, replay against simulate's mean, 1918-1929 */
#define TOL_1945 2.0        /* factor, on the mean casualties of the 1945 campaign */
#define ARMY_FIRST 1931
#define ARMY_LAST 1944

/* The Manchurian strategic offensive operation, 9-20 August 1945: Soviet
 * killed 9,780-12,031 and wounded 24,425 (the three fronts, the Pacific
 * Fleet's landings left out). */
static const double SOV_1945_LO = 9780 + 24425, SOV_1945_HI = 12031 + 24425;
static const char *const SOV_1945_SOURCE =
    "Krivosheev, G. F. (ed.), *Soviet Casualties and Combat Losses in the Twentieth Century*, London: Greenhill "
    "Books, 1997, the Manchurian strategic offensive operation (as quoted with its killed and wounded in the "
    "article \"Soviet invasion of Manchuria\", en.wikipedia.org); Glantz, D. M., *The Soviet Strategic "
    "Offensive in Manchuria, 1945: 'August Storm'*, London: Frank Cass, 2003";

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Quantile q of n sorted values (nearest rank). */
static double quantile(const double *v, int n, double q)
{
    if (n <= 0)
        return NAN;
    int i = (int)floor(q * (n - 1) + 0.5);
    return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

static const char *men(char *buf, size_t len, double v)
{
    if (isnan(v)) {
        snprintf(buf, len, "n/a");
        return buf;
    }
    long long x = llround(v);
    char raw[32];
    snprintf(raw, sizeof raw, "%lld", x < 0 ? -x : x);
    int n = (int)strlen(raw), o = 0;
    if (x < 0 && o < (int)len - 1)
        buf[o++] = '-';
    for (int i = 0; i < n && o < (int)len - 2; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = raw[i];
    }
    buf[o] = '\0';
    return buf;
}

static hk_val_forces_figure *add(hk_val_forces *res, const char *what, const char *value, bool pass, const char *why)
{
    if (res->n >= HK_VAL_FORCES_MAX)
        return NULL;
    hk_val_forces_figure *f = &res->fig[res->n++];
    snprintf(f->what, sizeof f->what, "%s", what);
    snprintf(f->value, sizeof f->value, "%s", value);
    snprintf(f->why, sizeof f->why, "%s", why);
    f->pass = pass;
    return f;
}

/* One side's December strengths: the table rows and the chart. */
typedef struct army_year {
    int year;
    double rec, mean, q05, q95;
    bool pass;
} army_year;

static void army_years(const hk_outcomes *rep, const hk_outcomes *base, int runs, bool soviet, int from, int to,
                       army_year *out)
{
    double *v = malloc(sizeof *v * (size_t)(runs > 0 ? runs : 1));
    for (int y = from; y <= to; y++) {
        int i = y - HK_YEAR_FIRST;
        army_year *a = &out[y - from];
        a->year = y;
        a->rec = soviet ? rep->soviet_far_east_men_by_year[i] : rep->japan_manchuria_men_by_year[i];
        double sum = 0;
        for (int k = 0; k < runs; k++) {
            v[k] = soviet ? base[k].soviet_far_east_men_by_year[i] : base[k].japan_manchuria_men_by_year[i];
            sum += v[k];
        }
        qsort(v, (size_t)runs, sizeof *v, cmp_double);
        a->mean = runs ? sum / runs : NAN;
        a->q05 = quantile(v, runs, BAND_LO);
        a->q95 = quantile(v, runs, BAND_HI);
        a->pass = a->rec > 0 && fabs(a->mean / a->rec - 1.0) <= TOL_ARMY && a->rec >= a->q05 && a->rec <= a->q95;
    }
    free(v);
}

static void army_chart(FILE *b, const char *title, const army_year *a, int n)
{
    double top = 0;
    for (int i = 0; i < n; i++)
        top = fmax(top, fmax(a[i].rec, a[i].q95));
    fprintf(b, "```mermaid\nxychart-beta\n    title \"%s (thousands of men, December)\"\n    x-axis [", title);
    for (int i = 0; i < n; i++)
        fprintf(b, "%s%d", i ? ", " : "", a[i].year);
    fprintf(b, "]\n    y-axis \"thousand men\" 0 --> %.0f\n", ceil(top / 1000.0 / 100.0) * 100.0);
    const char *names[4] = {"record", "simulated mean", "5th percentile", "95th percentile"};
    for (int s = 0; s < 4; s++) {
        fprintf(b, "    line \"%s\" [", names[s]);
        for (int i = 0; i < n; i++) {
            double v = s == 0 ? a[i].rec : s == 1 ? a[i].mean : s == 2 ? a[i].q05 : a[i].q95;
            fprintf(b, "%s%.0f", i ? ", " : "", v / 1000.0);
        }
        fprintf(b, "]\n");
    }
    fprintf(b, "```\n\n*Lines, top to bottom in the legend: the record, the simulated mean, the 5th and the 95th "
               "percentile of the runs.*\n\n");
}

static void army_table(FILE *b, hk_val_forces *res, const char *what, const army_year *a, int n)
{
    char x[32], y[32], z[32], w[32];
    fprintf(b, "| December | Record (replay) | Simulated mean | mean / record | 5%% – 95%% of runs | Result |\n");
    fprintf(b, "|---|---|---|---|---|---|\n");
    int failed = 0, first_fail = -1;
    double worst = 0;
    for (int i = 0; i < n; i++) {
        fprintf(b, "| %d | %s | %s | %.2f | %s – %s | %s |\n", a[i].year, men(x, sizeof x, a[i].rec),
                men(y, sizeof y, a[i].mean), a[i].rec > 0 ? a[i].mean / a[i].rec : NAN, men(z, sizeof z, a[i].q05),
                men(w, sizeof w, a[i].q95), a[i].pass ? "PASS" : "**FAIL**");
        if (!a[i].pass) {
            failed++;
            if (first_fail < 0)
                first_fail = i;
        }
        if (a[i].rec > 0)
            worst = fmax(worst, fabs(a[i].mean / a[i].rec - 1.0));
    }
    fprintf(b, "\n");
    char value[208], why[400];
    snprintf(value, sizeof value, "%d of %d years pass; largest departure of the mean %.0f%%", n - failed, n,
             worst * 100);
    if (failed)
        snprintf(why, sizeof why, "%d of %d Decembers fail, the first %d (record %s, mean %s, 90%% of runs %s – %s)",
                 failed, n, a[first_fail].year, men(x, sizeof x, a[first_fail].rec),
                 men(y, sizeof y, a[first_fail].mean), men(z, sizeof z, a[first_fail].q05),
                 men(w, sizeof w, a[first_fail].q95));
    else
        why[0] = '\0';
    add(res, what, value, failed == 0, why);
}

/* The recorded border battles: the record's battles outside general war,
 * one per campaign (an engagement inside a longer recorded battle on the
 * same sector counts with it), with the most men a side had. */
typedef struct rec_battle {
    int sector, year;
    double men;
    const char *name;
} rec_battle;

static int record_border_battles(const hk_scenario *s, rec_battle *out, int max)
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

static void battles_part(FILE *b, const hk_scenario *s, const hk_outcomes *base, int runs, hk_val_forces *res)
{
    rec_battle rec[32];
    int nrec = record_border_battles(s, rec, 32);
    int total = 0, at_record = 0;
    char x[32], y[32], z[32];
    fprintf(b, "| Sector | Record: battles (most men on a side) | Simulated battles per run | Share of simulated "
               "battles | Largest battle in a run where there is one: median, 90th percentile (men on a side) |\n");
    fprintf(b, "|---|---|---|---|---|\n");
    int count[HK_MAX_SECTORS] = {0};
    bool recorded[HK_MAX_SECTORS] = {false};
    for (int k = 0; k < runs; k++)
        for (int sec = 0; sec < s->n_sectors && sec < HK_MAX_SECTORS; sec++) {
            count[sec] += base[k].border_battles[sec];
            total += base[k].border_battles[sec];
        }
    for (int i = 0; i < nrec; i++)
        if (rec[i].sector >= 0 && rec[i].sector < HK_MAX_SECTORS)
            recorded[rec[i].sector] = true;
    double *v = malloc(sizeof *v * (size_t)(runs > 0 ? runs : 1));
    for (int sec = 0; sec < s->n_sectors && sec < HK_MAX_SECTORS; sec++) {
        char recs[400] = "none";
        int o = 0;
        for (int i = 0; i < nrec && o < (int)sizeof recs; i++) {
            if (rec[i].sector != sec)
                continue;
            /* the year, unless the battle's name already gives it */
            char year[16] = "";
            snprintf(year, sizeof year, " %d", rec[i].year);
            o += snprintf(recs + o, sizeof recs - (size_t)o, "%s%s%s (%s)", o ? "; " : "", rec[i].name,
                          rec[i].name && strstr(rec[i].name, year + 1) ? "" : year, men(x, sizeof x, rec[i].men));
        }
        int m = 0;
        for (int k = 0; k < runs; k++)
            if (base[k].border_battles[sec] > 0)
                v[m++] = base[k].border_battle_men[sec];
        qsort(v, (size_t)m, sizeof *v, cmp_double);
        if (recorded[sec])
            at_record += count[sec];
        fprintf(b, "| %s | %s | %.2f | %.0f%% | %s, %s |\n", s->sectors[sec].name ? s->sectors[sec].name : s->sectors[sec].id,
                recs, runs ? (double)count[sec] / runs : 0.0, total ? 100.0 * count[sec] / total : 0.0,
                m ? men(y, sizeof y, quantile(v, m, 0.5)) : "—", m ? men(z, sizeof z, quantile(v, m, 0.9)) : "—");
    }
    free(v);
    double share = total ? (double)at_record / total : 0.0;
    fprintf(b, "\nEvery battle of the record came on a sector where the Soviet side's haul to the battle ground was "
               "the longer one. *Share at the record's sites* counts the simulated battles on the sectors that "
               "saw a recorded battle; it passes above one half (the record's sites are where most battles come, "
               "without being the only place they can).\n\n");
    char value[208], why[400];
    snprintf(value, sizeof value, "%.0f%% of %d simulated border battles", share * 100, total);
    snprintf(why, sizeof why, "only %.0f%% of the simulated border battles come on the sectors of the record's battles",
             share * 100);
    add(res, "Border battles on the sectors of the record's battles", value, share > 0.5, why);
}

static void chain_part(FILE *b, const hk_outcomes *base, int runs, hk_val_forces *res)
{
    int surrendered = 0, broken = 0, no_entry = 0, no_bomb = 0;
    double sum_s = 0, sum_j = 0;
    int n_war = 0;
    for (int k = 0; k < runs; k++) {
        const hk_outcomes *o = &base[k];
        if (o->surrender_month != HK_MONTH_NONE) {
            surrendered++;
            bool entry_first = o->entry_month != HK_MONTH_NONE && o->entry_month <= o->surrender_month;
            bool bomb_first = o->atomic_month != HK_MONTH_NONE && o->atomic_month <= o->surrender_month;
            if (!entry_first)
                no_entry++;
            if (!bomb_first)
                no_bomb++;
            if (!entry_first || !bomb_first)
                broken++;
        }
        if (!isnan(o->entry_war_casualties[1])) {
            sum_s += o->entry_war_casualties[1];
            sum_j += o->entry_war_casualties[0];
            n_war++;
        }
    }
    char x[32], y[32], z[32], value[208], why[400];
    fprintf(b, "Of %d runs, %d end in Japan's surrender; in %d of them the surrender came before the Soviet entry "
               "or before the atomic bombing (%d before the entry, %d before the bombing). The record's order is "
               "the entry and the bombing first, then the surrender.\n\n",
            runs, surrendered, broken, no_entry, no_bomb);
    snprintf(value, sizeof value, "%d of %d surrenders out of order", broken, surrendered);
    snprintf(why, sizeof why, "%d of %d surrenders come before the Soviet entry or the atomic bombing", broken,
             surrendered);
    add(res, "Japan surrenders after the Soviet entry and the atomic bombing", value, broken == 0 && surrendered > 0,
        why);

    double ms = n_war ? sum_s / n_war : NAN, mj = n_war ? sum_j / n_war : NAN;
    bool pass = n_war > 0 && ms >= SOV_1945_LO / TOL_1945 && ms <= SOV_1945_HI * TOL_1945;
    fprintf(b, "| Figure | Record | Source | Simulated mean | Tolerance | Result |\n|---|---|---|---|---|---|\n");
    fprintf(b, "| Soviet casualties of the 1945 campaign (killed and wounded) | %s–%s | %s | %s (over the %d runs with "
               "a Soviet entry; Japanese side %s) | ×%.0f | %s |\n\n",
            men(x, sizeof x, SOV_1945_LO), men(y, sizeof y, SOV_1945_HI), SOV_1945_SOURCE, men(z, sizeof z, ms), n_war,
            men(value, sizeof value, mj), TOL_1945, pass ? "PASS" : "**FAIL**");
    snprintf(value, sizeof value, "%s", men(z, sizeof z, ms));
    snprintf(why, sizeof why, "simulated mean %s outside %s–%s (×%.0f of the record)", men(x, sizeof x, ms),
             men(y, sizeof y, SOV_1945_LO / TOL_1945), men(z, sizeof z, SOV_1945_HI * TOL_1945), TOL_1945);
    add(res, "Soviet casualties of the 1945 campaign", value, pass, why);
}

int hk_val_forces_section(FILE *b, int number, const hk_setup *setup, uint64_t seed, const hk_outcomes *base,
                          int runs, hk_val_forces *res)
{
    res->n = 0;
    hk_outcomes rep;
    if (hk_run(setup, HK_MODE_REPLAY, seed, 0, HK_MONTH_NONE, NULL, &rep) != 0)
        return -1;
    fprintf(b, "## %d. Armies, border battles and 1945\n\n", number);
    fprintf(b, "### Armies at the record's scale\n\n");
    fprintf(b, "*Record* is replay's December strength: the last strengths recorded in "
               "`scenarios/far-east-1918/forces.yaml`, each with its source there (Japanese men in Manchuria and "
               "Korea; Soviet men east of Lake Baikal, the 57th Special Corps and the Mongolian army included, and "
               "before the record's first Soviet figure the judged garrison `soviet.floor`). Simulate starts from "
               "the same order of battle and moves away from it by its own decisions (docs/model.md#movement). A "
               "year passes when the simulated mean lies within ±%.0f%% of the record and the record inside the "
               "central 90%% of the %d runs.\n\n",
            TOL_ARMY * 100, runs);
    enum { N = ARMY_LAST - ARMY_FIRST + 1 };
    army_year jp[N], sv[N];
    army_years(&rep, base, runs, false, ARMY_FIRST, ARMY_LAST, jp);
    army_years(&rep, base, runs, true, ARMY_FIRST, ARMY_LAST, sv);
    fprintf(b, "**Japanese men in Manchuria and Korea**\n\n");
    army_table(b, res, "Japanese men in Manchuria and Korea, each December 1931–1944", jp, N);
    army_chart(b, "Japanese men in Manchuria and Korea", jp, N);
    fprintf(b, "**Soviet men east of Lake Baikal**\n\n");
    army_table(b, res, "Soviet men east of Baikal, each December 1931–1944", sv, N);
    army_chart(b, "Soviet men east of Baikal", sv, N);

    /* the two modes on the 1920s */
    enum { M = 1929 - 1918 + 1 };
    army_year ej[M], es[M];
    army_years(&rep, base, runs, false, 1918, 1929, ej);
    army_years(&rep, base, runs, true, 1918, 1929, es);
    fprintf(b, "**Replay and simulate, 1918–1929** (December, men; the Siberian expedition is counted apart from "
               "the mainland army)\n\n| December | Japanese: replay | Japanese: simulate mean | Soviet: replay | "
               "Soviet: simulate mean |\n|---|---|---|---|---|\n");
    double worst = 0;
    char a1[32], a2[32], a3[32], a4[32];
    for (int i = 0; i < M; i++) {
        fprintf(b, "| %d | %s | %s | %s | %s |\n", ej[i].year, men(a1, sizeof a1, ej[i].rec),
                men(a2, sizeof a2, ej[i].mean), men(a3, sizeof a3, es[i].rec), men(a4, sizeof a4, es[i].mean));
        if (ej[i].rec > 0)
            worst = fmax(worst, fabs(ej[i].mean / ej[i].rec - 1));
        if (es[i].rec > 0)
            worst = fmax(worst, fabs(es[i].mean / es[i].rec - 1));
    }
    fprintf(b, "\n");
    char value[208], why[400];
    snprintf(value, sizeof value, "largest departure %.0f%%", worst * 100);
    snprintf(why, sizeof why, "simulate's mean departs from replay by %.0f%% in a year of 1918–1929 (±%.0f%% allowed)",
             worst * 100, TOL_AGREE * 100);
    add(res, "Replay and simulate agree on the armies, 1918–1929", value, worst <= TOL_AGREE, why);

    fprintf(b, "### Border battles: where and how large\n\n");
    battles_part(b, setup->scenario, base, runs, res);
    fprintf(b, "### 1945\n\n");
    chain_part(b, base, runs, res);

    fprintf(b, "| Figure | Simulated | Result |\n|---|---|---|\n");
    for (int i = 0; i < res->n; i++)
        fprintf(b, "| %s | %s | %s |\n", res->fig[i].what, res->fig[i].value, res->fig[i].pass ? "PASS" : "**FAIL**");
    fprintf(b, "\n");
    return 0;
}
