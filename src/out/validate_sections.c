/* validate_sections.c — docs/validation.md's sections 1 (the record), 2
 * (Khalkhin Gol), 2b (the Soviet offensive of 1945), 3 (calibration), 4
 * (the combat model on CDB90) and 6 (armies, border battles and 1945),
 * written from the figures src/run/validate_report.c and
 * validate_forces.c compute; each figure's verdict and failure as the
 * report states them; the figures and claims as JSON. */
#include "out/validate_sections.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/combat.h"
#include "run/calibrate.h"
#include "run/inputs.h"
#include "run/labels.h"
#include "run/stats.h"

const char *hk_val_num(char *buf, size_t len, double v, int decimals)
{
    if (isnan(v)) {
        snprintf(buf, len, "n/a");
        return buf;
    }
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    bool negative = v < 0 && strspn(raw, "0.") != strlen(raw);
    char *dot = strchr(raw, '.');
    if (dot)
        *dot = '\0'; /* raw: the whole part; dot + 1: the decimals */
    /* Years (four digits with decimals) read better without a separator. */
    char whole[40];
    if ((fabs(v) >= 10000 || decimals == 0) && isfinite(v) && strlen(raw) < 19)
        hk_label_thousands(strtoll(raw, NULL, 10), whole, sizeof whole);
    else
        snprintf(whole, sizeof whole, "%s", raw);
    snprintf(buf, len, "%s%s%s%s", negative ? "-" : "", whole, dot ? "." : "", dot ? dot + 1 : "");
    return buf;
}

/* 25655.4 -> "25,655": men, rounded half away from zero. */
static const char *men(char *buf, size_t len, double v)
{
    return hk_val_num(buf, len, isnan(v) ? v : (double)llround(v), 0);
}

/* ---- a figure's row ---------------------------------------------------------- */

/* A figure's cells as the report gives them. */
typedef struct fig_text {
    char rec[160], sim[64], ci[96], range[96], tol[64], why[256];
    const char *source, *part;
} fig_text;

static void fig_text_of(const hk_val_figure *f, fig_text *t)
{
    char a[48], b[48], c[48];
    const hk_val_summary *sm = &f->sm;
    t->source = f->source;
    t->part = f->part;
    switch (f->kind) {
    case HK_VAL_MEAN: {
        int dec = f->decimals;
        int rd = f->rec_lo == floor(f->rec_lo) && f->rec_hi == floor(f->rec_hi) ? 0 : dec;
        if (f->rec_lo == f->rec_hi)
            snprintf(t->rec, sizeof t->rec, "%s%s", hk_val_num(a, sizeof a, f->rec_lo, rd), f->unit);
        else
            snprintf(t->rec, sizeof t->rec, "%s–%s%s", hk_val_num(a, sizeof a, f->rec_lo, rd),
                     hk_val_num(b, sizeof b, f->rec_hi, rd), f->unit);
        if (f->tol_rel > 0)
            snprintf(t->tol, sizeof t->tol, "±%.0f%%", f->tol_rel * 100);
        else
            snprintf(t->tol, sizeof t->tol, "±%g%s", f->tol_abs, f->unit);
        snprintf(t->sim, sizeof t->sim, "%s%s", hk_val_num(a, sizeof a, sm->mean, dec), sm->missing ? " †" : "");
        snprintf(t->ci, sizeof t->ci, "%s – %s", hk_val_num(a, sizeof a, sm->lo, dec),
                 hk_val_num(b, sizeof b, sm->hi, dec));
        snprintf(t->range, sizeof t->range, "%s – %s", hk_val_num(a, sizeof a, sm->q025, dec),
                 hk_val_num(b, sizeof b, sm->q975, dec));
        if (sm->n == 0)
            snprintf(t->why, sizeof t->why, "no simulate run produces this figure (%d runs)", f->n);
        else
            snprintf(t->why, sizeof t->why, "simulated mean %s outside the accepted %s–%s",
                     hk_val_num(a, sizeof a, sm->mean, dec), hk_val_num(b, sizeof b, f->accept_lo, dec),
                     hk_val_num(c, sizeof c, f->accept_hi, dec));
        break;
    }
    case HK_VAL_PROP: {
        bool record = f->rec_lo != 0;
        hk_interval ci = hk_stats_wilson(f->k, f->n, 0.95);
        double p = f->n ? (double)f->k / f->n : NAN;
        snprintf(t->rec, sizeof t->rec, "%s", record ? "yes" : "no");
        snprintf(t->sim, sizeof t->sim, "p = %.3f", p);
        snprintf(t->ci, sizeof t->ci, "%.3f – %.3f", ci.lo, ci.hi);
        snprintf(t->range, sizeof t->range, "—");
        snprintf(t->tol, sizeof t->tol, "%s", record ? "p > 0.5" : "p < 0.5");
        snprintf(t->why, sizeof t->why, "the record says %s but the model gives it p = %.3f", record ? "yes" : "no", p);
        break;
    }
    case HK_VAL_FACTOR: {
        char rec_t[64];
        snprintf(rec_t, sizeof rec_t, "%s", hk_val_num(a, sizeof a, f->rec_lo, 0));
        snprintf(t->rec, sizeof t->rec, "%s", rec_t);
        snprintf(t->sim, sizeof t->sim, "%s", hk_val_num(a, sizeof a, sm->mean, 0));
        snprintf(t->ci, sizeof t->ci, "%s – %s", hk_val_num(a, sizeof a, sm->lo, 0), hk_val_num(b, sizeof b, sm->hi, 0));
        snprintf(t->range, sizeof t->range, "%s – %s", hk_val_num(a, sizeof a, sm->q025, 0),
                 hk_val_num(b, sizeof b, sm->q975, 0));
        snprintf(t->tol, sizeof t->tol, "x2");
        snprintf(t->why, sizeof t->why, "simulated mean %s is not within x2 of the record's %s", t->sim, rec_t);
        break;
    }
    case HK_VAL_ABSENT:
        snprintf(t->rec, sizeof t->rec, "—");
        t->source = t->part = "—";
        snprintf(t->sim, sizeof t->sim, "—");
        snprintf(t->ci, sizeof t->ci, "—");
        snprintf(t->range, sizeof t->range, "—");
        snprintf(t->tol, sizeof t->tol, "—");
        snprintf(t->why, sizeof t->why, "%s", f->why ? f->why : "");
        break;
    }
}

static void table_head(FILE *b)
{
    fprintf(b, "| Figure | Record | Source | Simulated | 95%% CI of the mean | 95%% of runs | Tolerance | Part | Result |\n");
    fprintf(b, "|---|---|---|---|---|---|---|---|---|\n");
}

static void figure_md(FILE *b, const hk_val_figure *f)
{
    fig_text t;
    fig_text_of(f, &t);
    fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f->figure, t.rec, t.source, t.sim, t.ci, t.range,
            t.tol, t.part, f->pass ? "PASS" : "**FAIL**");
    if (f->kind == HK_VAL_MEAN && f->sm.missing && f->sm.n > 0)
        fprintf(b, "| | | | † over the %d of %d runs where it applies | | | | | |\n", f->sm.n, f->n);
}

static void figures_md(FILE *b, const hk_val_checks *ck, hk_val_section section)
{
    for (int i = 0; i < ck->n_fig; i++) {
        const hk_val_figure *f = &ck->fig[i];
        if (f->section != section)
            continue;
        figure_md(b, f);
        if (f->then_interventions)
            fprintf(b, "| | | | *an intervention happens in %d of %d runs* | | | | | |\n", ck->record.interventions,
                    ck->runs);
    }
}

/* ---- sections 1, 2 and 2b ------------------------------------------------------ */

void hk_val_md_record(FILE *b, const hk_val_checks *ck)
{
    fprintf(b, "## 1. The record\n\n");
    fprintf(b, "Simulate runs against the recorded figures. *Simulated* is the mean over the runs (or the "
               "share of runs, *p*); *95%% CI of the mean* is Student's t interval of that mean (Wilson's "
               "interval for a share); *95%% of runs* is the central 95%% of single runs, the spread one "
               "history can show. A figure passes when the simulated mean lies within the tolerance of the "
               "record; a yes/no figure passes when the recorded outcome is the model's more likely one. "
               "*Part* says whether the figure was used to fit parameters (section 2) or is held out.\n\n");
    table_head(b);
    figures_md(b, ck, HK_VAL_SEC_RECORD);
    const hk_val_record_extra *x = &ck->record;
    if (x->entry_bins) {
        fprintf(b, "\nMonths from Germany's defeat to the Soviet entry, over %d runs: ", ck->runs);
        for (int i = 0; i < 7; i++)
            fprintf(b, "%d–%d: %d; ", i, i + 1, x->bins[i]);
        fprintf(b, "7 or more: %d; no entry by %d-%02d: %d.\n", x->bins[7], x->end.year, x->end.month, x->bins[8]);
    }
    fprintf(b, "\n");
}

void hk_val_md_combat(FILE *b, const hk_val_checks *ck)
{
    const hk_val_kg *g = &ck->kg;
    fprintf(b, "## 2. Khalkhin Gol from the historical forces\n\n");
    if (!g->recorded) {
        fprintf(b, "The scenario records no battle `khalkhin_gol`.\n\n");
        figures_md(b, ck, HK_VAL_SEC_COMBAT);
        return;
    }
    char d0[16], d1[16];
    hk_date_format(g->start, d0);
    hk_date_format(g->end, d1);
    fprintf(b,
            "The check declared in docs/combat.md: the combat model (src/model/combat.h, fitted on "
            "CDB90, which holds this campaign out) fights the scenario's recorded sides of `%s` "
            "(%s to %s, terrain %s; the %s side in prepared positions when it defends and "
            "flagged as not surrendering; the other side with what its command planned for its "
            "attack, surprise and an envelopment, combat.md) as the campaign's four engagements, "
            "`--phases %s` "
            "(%d days of fighting, each engagement starting on the campaign day after `@`). "
            "Both sides grow from their strengths in the first engagement (the record's "
            "`nomonhan_opening`%s) to the recorded peak, reached when the last engagement "
            "begins; each engagement is fought by what has arrived, less what the ones before "
            "cost.\n\n"
            "- Central estimate, as `hokushin battle` prints it: %s %.0f, %s %.0f casualties; "
            "winner %s. Within %.0f%% of the record for both sides: **%s**.\n"
            "- With the fit's residual spread, %d campaigns: %s won %d, %s %d, %d draws (the "
            "record's winner is the %s); the rows below give the mean and its interval.\n\n",
            g->id, d0, d1, g->terrain, g->def_id, HK_COMBAT_KG_PHASES_TEXT, g->days,
            g->from_opening ? "" : "; not in this scenario, so the peak from the start", g->att_id, g->central[0],
            g->def_id, g->central[1],
            g->central_winner == HK_COMBAT_ATTACKER   ? g->att_id
            : g->central_winner == HK_COMBAT_DEFENDER ? g->def_id
                                                      : "none (a draw)",
            100 * HK_VAL_TOL_CASUALTIES, g->central_ok ? "yes" : "no", g->runs, g->att_id, g->wins[0], g->def_id,
            g->wins[1], g->wins[2], g->record_winner == 0 ? "attacker" : g->record_winner == 1 ? "defender" : "a draw");
    table_head(b);
    figures_md(b, ck, HK_VAL_SEC_COMBAT);
    fprintf(b, "\n");
}

void hk_val_md_war(FILE *b, const hk_val_checks *ck)
{
    fprintf(b, "## 2b. The Soviet offensive of 1945\n\n");
    fprintf(b, "Over the %d of %d runs in which the USSR enters a war on Japan with no general war before it. "
               "The record's figures are record.yaml's; a figure passes within a factor of two.\n\n",
            ck->war_runs, ck->runs);
    table_head(b);
    figures_md(b, ck, HK_VAL_SEC_WAR);
    fprintf(b, "\nThe Japanese side's casualties in battle are compared with the Soviet count of its killed alone "
               "(the Japanese count is about a quarter of it); its prisoners are the army in the surrender zones on "
               "the day of the surrender, and a run whose war has not ended by the scenario's last month counts none. "
               "The mechanisms behind the figures (docs/model.md#war-campaign): the refilled Kwantung Army at half its "
               "old quality, its plan to give up the border for a redoubt, Soviet fronts attacking on every axis with "
               "surprise and exploiting with armour, each front committing what its route supplies, the Soviet aims "
               "limited to the zones of the surrender, the Japanese practice of no surrender lasting until the "
               "order to lay down arms reaches the fronts, and the besieged fortified regions stormed until it "
               "reaches them.\n\n");
}

/* ---- sections 3 and 4 ------------------------------------------------------------ */

void hk_val_md_calibration(FILE *b, const hk_scenario *s, const hk_val_options *o, const hk_val_checks *ck)
{
    const hk_val_calibration *cal = &ck->calibration;
    fprintf(b, "## 3. Calibrated and held-out figures\n\n");
    fprintf(b,
            "`hokushin calibrate` fits the incident process's free parameters (the keys below) to the "
            "recorded border incidents up to %d by simulated method of moments "
            "(Nelder–Mead over ensemble means with common random numbers; src/run/calibrate.h). Those "
            "figures are marked *fitted* above. Everything else in this report — the incident counts after "
            "%d, the battles, the intervention, the treaties, the Soviet entry and every causal claim — is "
            "*held out*: no parameter was fitted to it.\n\n",
            HK_CALIBRATE_FIT_LAST_YEAR, HK_CALIBRATE_FIT_LAST_YEAR);
    fprintf(b, "| Parameter | Value in use | Range | Source |\n|---|---|---|---|\n");
    const int np = cal->n_params;
    const int *idx = cal->param;
    for (int k = 0; k < np; k++) {
        const hk_param_value *pv = &s->params[idx[k]];
        fprintf(b, "| `%s` | %.6g | %.6g – %.6g | %s |\n", hk_param_table[idx[k]].key, pv->value, pv->min, pv->max,
                pv->source.text ? pv->source.text : "");
    }
    /* A value set by hand to the whole series leaves nothing truly held out. */
    int by_hand = 0;
    for (int k = 0; k < np; k++) {
        const char *src = s->params[idx[k]].source.text;
        if (src && !strstr(src, "simulated method of moments"))
            fprintf(b, "%s`%s`", by_hand++ ? ", " : "\n*Note:* the values in use for ", hk_param_table[idx[k]].key);
    }
    if (by_hand)
        fprintf(b, " were not set by `hokushin calibrate` (see their sources above). Where a source says they "
                   "were tuned to counts after %d as well, those years are not truly held out until the fit is "
                   "applied (`hokushin calibrate --apply`).\n",
                HK_CALIBRATE_FIT_LAST_YEAR);
    int nf = cal->n_fit, nh = cal->n_held;
    fprintf(b, "\nMean absolute relative error of the incident counts at the values in use, over this report's "
               "%d runs: fitted part %.1f%% (%d figures), held-out part %.1f%% (%d figures).\n\n",
            ck->runs, nf ? 100 * cal->fit_sum / nf : NAN, nf, nh ? 100 * cal->held_sum / nh : NAN, nh);
    FILE *f = o->calibration ? fopen(o->calibration, "r") : NULL;
    if (f) {
        /* Whether the fit is the one in use, from its `key`, `start` and
         * `fitted` lines (the file is ours, written by calibrate.c). */
        char line[512], key[128] = "";
        int applied = 0, fresh = 0, listed = 0;
        while (fgets(line, sizeof line, f)) {
            double v;
            if (sscanf(line, "  - key: %127s", key) == 1)
                listed++;
            int p = key[0] ? hk_param_find(key) : -1;
            if (p < 0)
                continue;
            double in_use = s->params[p].value, tol = 1e-5 * (fabs(in_use) + 1e-12);
            if (sscanf(line, "    start: %lf", &v) == 1 && fabs(v - in_use) <= tol)
                fresh++;
            if (sscanf(line, "    fitted: %lf", &v) == 1 && fabs(v - in_use) <= tol)
                applied++;
        }
        rewind(f);
        if (listed > 0 && applied == listed)
            fprintf(b, "The values in use are the fitted values of the last fit below.\n\n");
        else if (listed > 0 && fresh == listed)
            fprintf(b, "The last fit below started from the values in use but has **not been applied**: the "
                       "report's figures use the values in use, not the fitted ones.\n\n");
        else if (listed > 0)
            fprintf(b, "The last fit below was made from **other values** than those in use (the parameters "
                       "changed since): rerun `hokushin calibrate`.\n\n");
        fprintf(b, "The last fit (`%s`, written by `hokushin calibrate`):\n\n```yaml\n", o->calibration);
        while (fgets(line, sizeof line, f))
            if (line[0] != '#')
                fputs(line, b);
        fprintf(b, "```\n\n");
        fclose(f);
    } else {
        fprintf(b, "No calibration file (`%s`) was found: run `hokushin calibrate`.\n\n",
                o->calibration ? o->calibration : "data/calibration.yaml");
    }
}

void hk_val_md_cdb90(FILE *b, const hk_val_options *o)
{
    fprintf(b, "## 4. The combat model on CDB90 (held-out battles)\n\n");
    FILE *f = o->combat_doc ? fopen(o->combat_doc, "r") : NULL;
    if (!f) {
        fprintf(b, "The combat model's report (`%s`) was not found; `tools/cdb90_fit` writes it.\n\n",
                o->combat_doc ? o->combat_doc : "docs/combat-validation.md");
        return;
    }
    fprintf(b, "From `%s` (written by `tools/cdb90_fit`; headings shifted down a level):\n\n", o->combat_doc);
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            fprintf(b, "###%s", line);
        else
            fputs(line, b);
    }
    fprintf(b, "\n");
    fclose(f);
}

/* ---- section 6: armies, border battles and 1945 ------------------------------- */

/* Section 6's judged figure i (HK_VAL_F_*): its name, its value as the
 * report shows it and why it fails (when it does). */
typedef struct forces_text {
    char what[160], value[208], why[400];
} forces_text;

static void army_figure(const hk_val_army_year *a, int n, forces_text *t)
{
    char x[32], y[32], z[32], w[32];
    int failed = 0, first_fail = -1;
    double worst = 0;
    for (int i = 0; i < n; i++) {
        if (!a[i].pass) {
            failed++;
            if (first_fail < 0)
                first_fail = i;
        }
        if (a[i].rec > 0)
            worst = fmax(worst, fabs(a[i].mean / a[i].rec - 1.0));
    }
    snprintf(t->value, sizeof t->value, "%d of %d years pass; largest departure of the mean %.0f%%", n - failed, n,
             worst * 100);
    if (failed)
        snprintf(t->why, sizeof t->why,
                 "%d of %d Decembers fail, the first %d (record %s, mean %s, 90%% of runs %s – %s)", failed, n,
                 a[first_fail].year, men(x, sizeof x, a[first_fail].rec), men(y, sizeof y, a[first_fail].mean),
                 men(z, sizeof z, a[first_fail].q05), men(w, sizeof w, a[first_fail].q95));
    else
        t->why[0] = '\0';
}

static void forces_text_of(const hk_val_forces *f, int i, forces_text *t)
{
    char x[32], y[32], z[32];
    switch (i) {
    case HK_VAL_F_ARMY_JPN:
        snprintf(t->what, sizeof t->what, "Japanese men in Manchuria and Korea, each December 1931–1944");
        army_figure(f->jp, HK_VAL_ARMY_YEARS, t);
        break;
    case HK_VAL_F_ARMY_SOV:
        snprintf(t->what, sizeof t->what, "Soviet men east of Baikal, each December 1931–1944");
        army_figure(f->sv, HK_VAL_ARMY_YEARS, t);
        break;
    case HK_VAL_F_EARLY:
        snprintf(t->what, sizeof t->what, "Replay and simulate agree on the armies, 1918–1929");
        snprintf(t->value, sizeof t->value, "largest departure %.0f%%", f->early_worst * 100);
        snprintf(t->why, sizeof t->why,
                 "simulate's mean departs from replay by %.0f%% in a year of 1918–1929 (±%.0f%% allowed)",
                 f->early_worst * 100, HK_VAL_TOL_AGREE * 100);
        break;
    case HK_VAL_F_BATTLE_SITES: {
        double share = f->total ? (double)f->at_record / f->total : 0.0;
        snprintf(t->what, sizeof t->what, "Border battles on the sectors of the record's battles");
        snprintf(t->value, sizeof t->value, "%.0f%% of %d simulated border battles", share * 100, f->total);
        snprintf(t->why, sizeof t->why,
                 "only %.0f%% of the simulated border battles come on the sectors of the record's battles",
                 share * 100);
        break;
    }
    case HK_VAL_F_END_ORDER:
        snprintf(t->what, sizeof t->what, "Japan surrenders after the Soviet entry and the atomic bombing");
        snprintf(t->value, sizeof t->value, "%d of %d surrenders out of order", f->broken, f->surrendered);
        snprintf(t->why, sizeof t->why, "%d of %d surrenders come before the Soviet entry or the atomic bombing",
                 f->broken, f->surrendered);
        break;
    default:
        snprintf(t->what, sizeof t->what, "Soviet casualties of the 1945 campaign");
        snprintf(t->value, sizeof t->value, "%s", men(z, sizeof z, f->sov_mean));
        snprintf(t->why, sizeof t->why, "simulated mean %s outside %s–%s (×%.0f of the record)",
                 men(x, sizeof x, f->sov_mean), men(y, sizeof y, hk_val_sov_1945_lo / HK_VAL_TOL_1945),
                 men(z, sizeof z, hk_val_sov_1945_hi * HK_VAL_TOL_1945), HK_VAL_TOL_1945);
        break;
    }
}

static void army_chart(FILE *b, const char *title, const hk_val_army_year *a, int n)
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

static void army_table(FILE *b, const hk_val_army_year *a, int n)
{
    char x[32], y[32], z[32], w[32];
    fprintf(b, "| December | Record (replay) | Simulated mean | mean / record | 5%% – 95%% of runs | Result |\n");
    fprintf(b, "|---|---|---|---|---|---|\n");
    for (int i = 0; i < n; i++)
        fprintf(b, "| %d | %s | %s | %.2f | %s – %s | %s |\n", a[i].year, men(x, sizeof x, a[i].rec),
                men(y, sizeof y, a[i].mean), a[i].rec > 0 ? a[i].mean / a[i].rec : NAN, men(z, sizeof z, a[i].q05),
                men(w, sizeof w, a[i].q95), a[i].pass ? "PASS" : "**FAIL**");
    fprintf(b, "\n");
}

static void battles_md(FILE *b, const hk_scenario *s, const hk_val_forces *f)
{
    char x[32], y[32], z[32];
    fprintf(b, "| Sector | Record: battles (most men on a side) | Simulated battles per run | Share of simulated "
               "battles | Largest battle in a run where there is one: median, 90th percentile (men on a side) |\n");
    fprintf(b, "|---|---|---|---|---|\n");
    for (int sec = 0; sec < f->n_sectors; sec++) {
        char recs[400] = "none";
        int o = 0;
        for (int i = 0; i < f->n_rec && o < (int)sizeof recs; i++) {
            const hk_val_rec_battle *rb = &f->rec[i];
            if (rb->sector != sec)
                continue;
            /* the year, unless the battle's name already gives it */
            char year[16] = "";
            snprintf(year, sizeof year, " %d", rb->year);
            o += snprintf(recs + o, sizeof recs - (size_t)o, "%s%s%s (%s)", o ? "; " : "", rb->name,
                          rb->name && strstr(rb->name, year + 1) ? "" : year, men(x, sizeof x, rb->men));
        }
        int m = f->with_battle[sec];
        fprintf(b, "| %s | %s | %.2f | %.0f%% | %s, %s |\n", s->sectors[sec].name ? s->sectors[sec].name : s->sectors[sec].id,
                recs, f->runs ? (double)f->count[sec] / f->runs : 0.0, f->total ? 100.0 * f->count[sec] / f->total : 0.0,
                m ? men(y, sizeof y, f->median_men[sec]) : "—", m ? men(z, sizeof z, f->p90_men[sec]) : "—");
    }
    fprintf(b, "\nEvery battle of the record came on a sector where the Soviet side's haul to the battle ground was "
               "the longer one. *Share at the record's sites* counts the simulated battles on the sectors that "
               "saw a recorded battle; it passes above one half (the record's sites are where most battles come, "
               "without being the only place they can).\n\n");
}

static void chain_md(FILE *b, const hk_val_forces *f)
{
    char x[32], y[32], z[32], value[208];
    fprintf(b, "Of %d runs, %d end in Japan's surrender; in %d of them the surrender came before the Soviet entry "
               "or before the atomic bombing (%d before the entry, %d before the bombing). The record's order is "
               "the entry and the bombing first, then the surrender.\n\n",
            f->runs, f->surrendered, f->broken, f->no_entry, f->no_bomb);
    fprintf(b, "| Figure | Record | Source | Simulated mean | Tolerance | Result |\n|---|---|---|---|---|---|\n");
    fprintf(b, "| Soviet casualties of the 1945 campaign (killed and wounded) | %s–%s | %s | %s (over the %d runs with "
               "a Soviet entry; Japanese side %s) | ×%.0f | %s |\n\n",
            men(x, sizeof x, hk_val_sov_1945_lo), men(y, sizeof y, hk_val_sov_1945_hi), hk_val_sov_1945_source,
            men(z, sizeof z, f->sov_mean), f->n_war, men(value, sizeof value, f->jpn_mean), HK_VAL_TOL_1945,
            hk_val_forces_pass(f, HK_VAL_F_SOV_1945) ? "PASS" : "**FAIL**");
}

void hk_val_md_forces(FILE *b, const hk_scenario *s, const hk_val_checks *ck, int number)
{
    const hk_val_forces *f = &ck->forces;
    fprintf(b, "## %d. Armies, border battles and 1945\n\n", number);
    fprintf(b, "### Armies at the record's scale\n\n");
    fprintf(b, "*Record* is replay's December strength: the last strengths recorded in "
               "`scenarios/far-east-1918/forces.yaml`, each with its source there (Japanese men in Manchuria and "
               "Korea; Soviet men east of Lake Baikal, the 57th Special Corps and the Mongolian army included, and "
               "before the record's first Soviet figure the judged garrison `soviet.floor`). Simulate starts from "
               "the same order of battle and moves away from it by its own decisions (docs/model.md#movement). A "
               "year passes when the simulated mean lies within ±%.0f%% of the record and the record inside the "
               "central 90%% of the %d runs.\n\n",
            HK_VAL_TOL_ARMY * 100, f->runs);
    fprintf(b, "**Japanese men in Manchuria and Korea**\n\n");
    army_table(b, f->jp, HK_VAL_ARMY_YEARS);
    army_chart(b, "Japanese men in Manchuria and Korea", f->jp, HK_VAL_ARMY_YEARS);
    fprintf(b, "**Soviet men east of Lake Baikal**\n\n");
    army_table(b, f->sv, HK_VAL_ARMY_YEARS);
    army_chart(b, "Soviet men east of Baikal", f->sv, HK_VAL_ARMY_YEARS);

    fprintf(b, "**Replay and simulate, 1918–1929** (December, men; the Siberian expedition is counted apart from "
               "the mainland army)\n\n| December | Japanese: replay | Japanese: simulate mean | Siberian expedition: "
               "replay | Siberian expedition: simulate mean | Soviet: replay | Soviet: simulate mean |\n"
               "|---|---|---|---|---|---|---|\n");
    char a1[32], a2[32], a3[32], a4[32], a5[32], a6[32];
    for (int i = 0; i < HK_VAL_EARLY_YEARS; i++)
        fprintf(b, "| %d | %s | %s | %s | %s | %s | %s |\n", f->ej[i].year, men(a1, sizeof a1, f->ej[i].rec),
                men(a2, sizeof a2, f->ej[i].mean), men(a5, sizeof a5, f->ee[i].rec), men(a6, sizeof a6, f->ee[i].mean),
                men(a3, sizeof a3, f->es[i].rec), men(a4, sizeof a4, f->es[i].mean));
    fprintf(b, "\n");

    fprintf(b, "### Border battles: where and how large\n\n");
    battles_md(b, s, f);
    fprintf(b, "### 1945\n\n");
    chain_md(b, f);

    fprintf(b, "| Figure | Simulated | Result |\n|---|---|---|\n");
    for (int i = 0; i < HK_VAL_F_COUNT; i++) {
        forces_text t;
        forces_text_of(f, i, &t);
        fprintf(b, "| %s | %s | %s |\n", t.what, t.value, hk_val_forces_pass(f, i) ? "PASS" : "**FAIL**");
    }
    fprintf(b, "\n");
}

/* ---- verdicts, failures, JSON ------------------------------------------------- */

static void add_result(hk_val_results *r, const char *what, const char *value, bool pass, const char *why)
{
    if (r->n_verdicts < HK_VAL_MAX_VERDICTS) {
        hk_val_verdict *v = &r->verdicts[r->n_verdicts++];
        snprintf(v->what, sizeof v->what, "%s", what);
        snprintf(v->value, sizeof v->value, "%s", value);
        v->pass = pass;
    }
    if (!pass && r->n_fails < HK_VAL_MAX_FAILS)
        snprintf(r->fails[r->n_fails++], sizeof r->fails[0], "**%s**: %s", what, why);
}

void hk_val_figure_results(const hk_val_checks *ck, hk_val_results *out, int *claims_at, int *claims_fail_at)
{
    out->n_verdicts = out->n_fails = 0;
    static const hk_val_section order[] = {HK_VAL_SEC_RECORD, HK_VAL_SEC_COMBAT, HK_VAL_SEC_WAR};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
        for (int i = 0; i < ck->n_fig; i++) {
            const hk_val_figure *f = &ck->fig[i];
            if (f->section != order[k])
                continue;
            fig_text t;
            fig_text_of(f, &t);
            add_result(out, f->figure, t.sim, f->pass, t.why);
        }
    *claims_at = out->n_verdicts;
    *claims_fail_at = out->n_fails;
    for (int i = 0; i < HK_VAL_F_COUNT; i++) {
        forces_text t;
        forces_text_of(&ck->forces, i, &t);
        add_result(out, t.what, t.value, hk_val_forces_pass(&ck->forces, i), t.why);
    }
}

/* NaN as JSON null. */
static json_t *jnum(double v) { return isnan(v) || isinf(v) ? json_null() : json_real(v); }

json_t *hk_val_figures_json(const hk_val_checks *ck)
{
    json_t *a = json_array();
    static const hk_val_section order[] = {HK_VAL_SEC_RECORD, HK_VAL_SEC_COMBAT, HK_VAL_SEC_WAR};
    for (size_t k = 0; a && k < sizeof order / sizeof order[0]; k++)
        for (int i = 0; i < ck->n_fig; i++) {
            const hk_val_figure *f = &ck->fig[i];
            if (f->section != order[k] || f->kind == HK_VAL_ABSENT)
                continue;
            fig_text t;
            fig_text_of(f, &t);
            double est = f->sm.mean, lo = f->sm.lo, hi = f->sm.hi, q025 = f->sm.q025, q975 = f->sm.q975;
            int n = f->sm.n;
            if (f->kind == HK_VAL_PROP) {
                hk_interval ci = hk_stats_wilson(f->k, f->n, 0.95);
                est = f->n ? (double)f->k / f->n : NAN;
                lo = ci.lo;
                hi = ci.hi;
                q025 = q975 = NAN;
                n = f->n;
            }
            json_array_append_new(
                a, json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:[o,o], s:[o,o], s:i, s:s, s:s, s:b}", "figure",
                             f->figure, "kind", f->kind == HK_VAL_PROP ? "proportion" : "mean", "record_lo",
                             jnum(f->rec_lo), "record_hi", jnum(f->rec_hi), "source", f->source, "simulated",
                             jnum(est), "ci95", jnum(lo), jnum(hi), "runs95", jnum(q025), jnum(q975), "n", n,
                             "tolerance", t.tol, "part", f->part, "pass", f->pass));
        }
    return a;
}

json_t *hk_val_claims_json(const hk_val_checks *ck)
{
    json_t *a = json_array();
    for (int k = 0; a && k < ck->n_claim; k++) {
        const hk_claim *c = &hk_claim_table[ck->claim[k].index];
        const hk_metric_info *mi = &hk_metric_table[c->metric];
        const hk_claim_result *res = &ck->claim[k].res;
        char arm[256];
        hk_claim_describe_arm(c, arm, sizeof arm);
        json_array_append_new(
            a, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:i, s:o, s:o, s:i, s:[o,o], s:i, s:s, s:s}",
                         "id", c->id, "statement", c->statement, "source", c->source, "design",
                         hk_claim_design_name(c->design), "metric", mi->name, "change", arm, "threshold",
                         c->design == HK_CLAIM_LEVEL ? json_real(c->threshold) : json_null(), "a", jnum(res->a),
                         "n_a", res->n_a, "b", jnum(res->b), "effect", jnum(res->effect), "direction", c->direction,
                         "ci95", jnum(res->lo), jnum(res->hi), "n_b", res->n_b, "result",
                         res->status == HK_CLAIM_PASS ? "pass" : res->status == HK_CLAIM_FAIL ? "fail" : "untestable",
                         "note", res->note));
    }
    return a;
}
