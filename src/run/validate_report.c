/* validate_report.c — the checks of docs/validation.md: the model against
 * the record, computed here; the document is src/out/validate_md.c's.
 *
 * Every number in the report is computed here from a fresh ensemble and the
 * loaded scenario: the recorded values come from the scenario's record
 * (record.yaml, treaties, events), never from this file. The tolerances and
 * pass rules are stated next to each figure. Sections 1-4 and 6 are still
 * written here, as markdown, into the checks' body; the causal claims
 * (section 5) are returned as data, as are the verdicts, failures and
 * counts, for the document's claims, summary, seed comparison and list of
 * failures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/combat.h"
#include "run/calibrate.h"
#include "run/inputs.h"
#include "run/claims.h"
#include "run/stats.h"
#include "run/lint.h"
#include "run/validate.h"
#include "run/validate_forces.h"

/* Tolerances, stated in the report. */
#define TOL_INCIDENTS 0.25   /* relative, on the mean count of a year (or years) */
#define TOL_CASUALTIES 0.25  /* relative, on a battle's mean casualties */
#define TOL_LOSSES 0.25      /* relative, around the recorded range of the intervention's dead */
#define TOL_PACT_YEARS 1.0   /* years, on the mean date of the pact where signed */
#define TOL_ENTRY_MONTHS 1.0 /* months, on the mean delay of the Soviet entry */

#define MAX_FAILS HK_VAL_MAX_FAILS
#define MAX_VERDICTS HK_VAL_MAX_VERDICTS

typedef hk_val_verdict verdict;

typedef struct report {
    const hk_scenario *s;
    const hk_val_options *o;
    hk_setup setup;
    hk_outcomes *base;   /* runs 0..runs-1 of the baseline */
    int runs;
    FILE *body;
    int figures, figures_failed, claims, claims_failed;
    char fails[MAX_FAILS][HK_VAL_FAIL_LEN];
    int n_fails;
    json_t *figures_json, *claims_json; /* NULL unless JSON was asked for */
    verdict verdicts[MAX_VERDICTS];
    int n_verdicts;
    hk_val_claim claim[HK_VAL_MAX_CLAIMS];
    int n_claim;
    hk_val_strike strike;
    long strike_at, claims_at;
    int claims_verdict_at, claims_fail_at;
} report;

/* NaN as JSON null. */
static json_t *jnum(double v) { return isnan(v) || isinf(v) ? json_null() : json_real(v); }

static void json_figure(report *r, const char *figure, const char *kind, double rec_lo, double rec_hi,
                        const char *source, double est, double lo, double hi, double q025, double q975, int n,
                        const char *tolerance, const char *part, bool pass)
{
    if (!r->figures_json)
        return;
    json_array_append_new(r->figures_json,
                          json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:[o,o], s:[o,o], s:i, s:s, s:s, s:b}", "figure",
                                    figure, "kind", kind, "record_lo", jnum(rec_lo), "record_hi", jnum(rec_hi),
                                    "source", source ? source : "", "simulated", jnum(est), "ci95", jnum(lo),
                                    jnum(hi), "runs95", jnum(q025), jnum(q975), "n", n, "tolerance", tolerance,
                                    "part", part, "pass", pass));
}

/* ---- small helpers ------------------------------------------------------- */

const char *hk_val_num(char *buf, size_t len, double v, int decimals)
{
    if (isnan(v)) {
        snprintf(buf, len, "n/a");
        return buf;
    }
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
    size_t k = 0;
    if (v < 0 && strspn(raw, "0.") != strlen(raw) && k + 1 < len)
        buf[k++] = '-';
    /* Years (four digits with decimals) read better without a separator. */
    bool group = fabs(v) >= 10000 || decimals == 0;
    for (size_t i = 0; i < int_len && k + 2 < len; i++) {
        if (group && i > 0 && (int_len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = raw[i];
    }
    for (const char *p = raw + int_len; *p && k + 1 < len; p++)
        buf[k++] = *p;
    buf[k] = '\0';
    return buf;
}

static double year_fraction(hk_date d)
{
    double day = d.day > 0 ? (d.day - 1.0) / hk_days_in_month(d.year, d.month) : 0;
    return d.year + (d.month - 1 + day) / 12.0;
}

static double months_between(hk_date a, hk_date b)
{
    return (year_fraction(b) - year_fraction(a)) * 12.0;
}

static void fail(report *r, const char *fmt, const char *what, const char *why)
{
    if (r->n_fails < MAX_FAILS)
        snprintf(r->fails[r->n_fails++], sizeof r->fails[0], fmt, what, why);
}

static void keep_verdict(report *r, const char *what, const char *value, bool pass)
{
    if (r->n_verdicts >= MAX_VERDICTS)
        return;
    verdict *v = &r->verdicts[r->n_verdicts++];
    snprintf(v->what, sizeof v->what, "%s", what);
    snprintf(v->value, sizeof v->value, "%s", value);
    v->pass = pass;
}

static void progress_line(void *ud, int done, int total)
{
    const char *what = ud;
    fprintf(stderr, "\rvalidate: %s %d/%d runs", what, done, total);
    if (done == total)
        fprintf(stderr, "\n");
}

static bool is_soviet_side(const hk_scenario *s, int actor) { return actor == s->sov || actor == s->mgl; }
static bool is_japanese_side(const hk_scenario *s, int actor) { return actor == s->jpn || actor == s->man; }

static bool has_actor(const hk_fact *f, int a)
{
    for (int i = 0; i < f->n_actors; i++)
        if (f->actors[i] == a)
            return true;
    return false;
}

/* The recorded general war between Japan and the USSR (the 1945 entry). */
static const hk_fact *record_war(const hk_scenario *s, int year_from, int year_to)
{
    for (int i = 0; i < s->n_facts; i++) {
        const hk_fact *f = &s->facts[i];
        if (f->pin == HK_PIN_WAR && has_actor(f, s->jpn) && has_actor(f, s->sov) && f->date.year >= year_from &&
            f->date.year <= year_to)
            return f;
    }
    return NULL;
}

static const hk_fact *record_pin(const hk_scenario *s, hk_pin pin)
{
    for (int i = 0; i < s->n_facts; i++)
        if (s->facts[i].pin == pin)
            return &s->facts[i];
    return NULL;
}

/* A recorded Japan-USSR battle that counts as major and its Soviet-side
 * and Japanese-side casualties. */
static const hk_battle *record_battle(const hk_scenario *s, const char *id)
{
    for (int i = 0; i < s->n_battles; i++)
        if (strcmp(s->battles[i].id, id) == 0)
            return &s->battles[i];
    return NULL;
}

static bool battle_is_japan_soviet(const hk_scenario *s, const hk_battle *b)
{
    return (is_japanese_side(s, b->attacker.actor) && is_soviet_side(s, b->defender.actor)) ||
           (is_soviet_side(s, b->attacker.actor) && is_japanese_side(s, b->defender.actor));
}

/* ---- the table of figures ----------------------------------------------- */

static void table_head(report *r)
{
    fprintf(r->body, "| Figure | Record | Source | Simulated | 95%% CI of the mean | 95%% of runs | Tolerance | Part | Result |\n");
    fprintf(r->body, "|---|---|---|---|---|---|---|---|---|\n");
}

static void figure_row(report *r, const char *figure, const char *record, const char *source, const char *sim,
                       const char *ci, const char *range, const char *tol, const char *part, bool pass,
                       const char *why)
{
    r->figures++;
    keep_verdict(r, figure, sim, pass);
    if (!pass) {
        r->figures_failed++;
        fail(r, "**%s**: %s", figure, why);
    }
    fprintf(r->body, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", figure, record, source, sim, ci, range, tol,
            part, pass ? "PASS" : "**FAIL**");
}

/* A mean figure against a recorded value or range [lo, hi]. */
static void mean_row(report *r, const char *figure, const char *source, const double *v, int n, double rec_lo,
                     double rec_hi, double tol_rel, double tol_abs, int decimals, const char *part,
                     const char *unit)
{
    hk_val_summary sm;
    hk_val_summarize(v, n, &sm);
    char a[48], b[48], c[48], rec[160], sim[64], ci[96], range[96], tol[64], why[256];
    int rd = rec_lo == floor(rec_lo) && rec_hi == floor(rec_hi) ? 0 : decimals;
    if (rec_lo == rec_hi)
        snprintf(rec, sizeof rec, "%s%s", hk_val_num(a, sizeof a, rec_lo, rd), unit);
    else
        snprintf(rec, sizeof rec, "%s–%s%s", hk_val_num(a, sizeof a, rec_lo, rd), hk_val_num(b, sizeof b, rec_hi, rd), unit);
    double lo = tol_rel > 0 ? rec_lo * (1 - tol_rel) : rec_lo - tol_abs;
    double hi = tol_rel > 0 ? rec_hi * (1 + tol_rel) : rec_hi + tol_abs;
    if (tol_rel > 0)
        snprintf(tol, sizeof tol, "±%.0f%%", tol_rel * 100);
    else
        snprintf(tol, sizeof tol, "±%g%s", tol_abs, unit);
    bool pass = sm.n > 0 && sm.mean >= lo && sm.mean <= hi;
    snprintf(sim, sizeof sim, "%s%s", hk_val_num(a, sizeof a, sm.mean, decimals), sm.missing ? " †" : "");
    snprintf(ci, sizeof ci, "%s – %s", hk_val_num(a, sizeof a, sm.lo, decimals), hk_val_num(b, sizeof b, sm.hi, decimals));
    snprintf(range, sizeof range, "%s – %s", hk_val_num(a, sizeof a, sm.q025, decimals),
             hk_val_num(b, sizeof b, sm.q975, decimals));
    if (sm.n == 0)
        snprintf(why, sizeof why, "no simulate run produces this figure (%d runs)", n);
    else
        snprintf(why, sizeof why, "simulated mean %s outside the accepted %s–%s", hk_val_num(a, sizeof a, sm.mean, decimals),
                 hk_val_num(b, sizeof b, lo, decimals), hk_val_num(c, sizeof c, hi, decimals));
    figure_row(r, figure, rec, source, sim, ci, range, tol, part, pass, why);
    json_figure(r, figure, "mean", rec_lo, rec_hi, source, sm.mean, sm.lo, sm.hi, sm.q025, sm.q975, sm.n, tol, part,
                pass);
    if (sm.missing && sm.n > 0)
        fprintf(r->body, "| | | | † over the %d of %d runs where it applies | | | | | |\n", sm.n, n);
}

/* A yes/no figure: the record's outcome must be the more likely one. */
static void prop_row(report *r, const char *figure, bool record, const char *source, int k, int n)
{
    hk_interval ci = hk_stats_wilson(k, n, 0.95);
    double p = n ? (double)k / n : NAN;
    char sim[32], cis[64], why[200];
    snprintf(sim, sizeof sim, "p = %.3f", p);
    snprintf(cis, sizeof cis, "%.3f – %.3f", ci.lo, ci.hi);
    bool pass = n > 0 && (record ? p > 0.5 : p < 0.5);
    snprintf(why, sizeof why, "the record says %s but the model gives it p = %.3f", record ? "yes" : "no", p);
    figure_row(r, figure, record ? "yes" : "no", source, sim, cis, "—", record ? "p > 0.5" : "p < 0.5", "held out",
               pass, why);
    json_figure(r, figure, "proportion", record, record, source, p, ci.lo, ci.hi, NAN, NAN, n,
                record ? "p > 0.5" : "p < 0.5", "held out", pass);
}

static int count_true(const report *r, hk_metric m)
{
    int k = 0;
    for (int i = 0; i < r->runs; i++)
        k += hk_metric_value(m, &r->base[i], &r->setup) == 1.0;
    return k;
}

static void record_section(report *r)
{
    const hk_scenario *s = r->s;
    FILE *b = r->body;
    int n = r->runs;
    double *v = malloc(sizeof(double) * (size_t)n);
    if (!v)
        return;
    fprintf(b, "## 1. The record\n\n");
    fprintf(b, "Simulate runs against the recorded figures. *Simulated* is the mean over the runs (or the "
               "share of runs, *p*); *95%% CI of the mean* is Student's t interval of that mean (Wilson's "
               "interval for a share); *95%% of runs* is the central 95%% of single runs, the spread one "
               "history can show. A figure passes when the simulated mean lies within the tolerance of the "
               "record; a yes/no figure passes when the recorded outcome is the model's more likely one. "
               "*Part* says whether the figure was used to fit parameters (section 2) or is held out.\n\n");
    table_head(r);

    /* Border incidents, as recorded (a span of years is compared as a total). */
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *ic = &s->incidents[i];
        if (ic->year_from < HK_YEAR_FIRST || ic->year_to > HK_YEAR_LAST)
            continue;
        for (int k = 0; k < n; k++) {
            int sum = 0;
            for (int y = ic->year_from; y <= ic->year_to; y++)
                sum += r->base[k].incidents_per_year[y - HK_YEAR_FIRST];
            v[k] = sum;
        }
        char fig[96];
        if (ic->year_from == ic->year_to)
            snprintf(fig, sizeof fig, "Border incidents %d", ic->year_from);
        else
            snprintf(fig, sizeof fig, "Border incidents %d–%d (total)", ic->year_from, ic->year_to);
        mean_row(r, fig, ic->source.text, v, n, ic->count, ic->count, TOL_INCIDENTS, 0, 1,
                 ic->year_to <= HK_CALIBRATE_FIT_LAST_YEAR ? "fitted" : "held out", "");
    }

    /* The largest Japan-USSR battle of 1937-1940 as it emerges in simulate. */
    const hk_battle *kg = record_battle(s, "khalkhin_gol");
    if (kg) {
        const hk_battle_side *sov = is_soviet_side(s, kg->attacker.actor) ? &kg->attacker : &kg->defender;
        const hk_battle_side *jpn = sov == &kg->attacker ? &kg->defender : &kg->attacker;
        for (int side = 0; side < 2; side++) {
            const hk_battle_side *bs = side ? sov : jpn;
            if (bs->casualties < 0)
                continue;
            for (int k = 0; k < n; k++)
                v[k] = r->base[k].major_border_battle_1937_1940 && r->base[k].major_battle_casualties[side] > 0
                           ? r->base[k].major_battle_casualties[side]
                           : NAN;
            char fig[128];
            snprintf(fig, sizeof fig, "%s casualties of the largest border battle 1937–1940 (emergent)",
                     side ? "Soviet-side" : "Japanese-side");
            mean_row(r, fig, kg->source.text, v, n, bs->casualties,
                     bs->casualties_hi > 0 ? bs->casualties_hi : bs->casualties, TOL_CASUALTIES, 0, 0, "held out",
                     "");
        }
    }

    /* The Siberian Intervention's dead: the recorded range runs from the
     * killed plus disease deaths to the round total of all dead. */
    double lo = 0, hi = 0;
    const char *src_lo = NULL, *src_hi = NULL;
    for (int i = 0; i < s->n_losses; i++) {
        const hk_loss *l = &s->losses[i];
        if (strncmp(l->id, "siberia", 7) != 0 || (l->unit && strcmp(l->unit, "men") != 0))
            continue;
        if (strstr(l->id, "killed") || strstr(l->id, "disease")) {
            lo += l->value;
            src_lo = l->source.text;
        } else if (strstr(l->id, "dead") || strstr(l->id, "deaths")) {
            hi = l->value;
            src_hi = l->source.text;
        }
    }
    if (lo > 0 || hi > 0) {
        if (lo <= 0)
            lo = hi;
        if (hi < lo)
            hi = lo;
        for (int k = 0; k < n; k++)
            v[k] = r->base[k].intervention_dead > 0 ? r->base[k].intervention_dead : NAN;
        char src[200];
        snprintf(src, sizeof src, "%s%s%s", src_lo ? src_lo : "", src_lo && src_hi ? "; " : "",
                 src_hi ? src_hi : "");
        mean_row(r, "Japanese dead of the Siberian Intervention", src, v, n, lo, hi, TOL_LOSSES, 0, 0, "held out",
                 "");
    } else {
        figure_row(r, "Japanese dead of the Siberian Intervention", "—", "—", "—", "—", "—", "—", "—", false,
                   "the scenario records no loss figure for the intervention (record.yaml `losses`)");
    }
    int n_int = 0;
    for (int k = 0; k < n; k++)
        n_int += r->base[k].intervention_dead > 0;
    fprintf(b, "| | | | *an intervention happens in %d of %d runs* | | | | | |\n", n_int, n);

    /* The Neutrality Pact. */
    int t = hk_scenario_treaty(s, "neutrality_pact");
    if (t >= 0 && hk_date_is_set(s->treaties[t].signed_on)) {
        const hk_treaty *tr = &s->treaties[t];
        prop_row(r, "Neutrality Pact signed", true, tr->source.text, count_true(r, HK_M_PACT_SIGNED), n);
        for (int k = 0; k < n; k++)
            v[k] = r->base[k].neutrality_pact_signed ? r->base[k].neutrality_pact_year : NAN;
        char fig[64], d[16];
        hk_date_format(tr->signed_on, d);
        snprintf(fig, sizeof fig, "Date of the Neutrality Pact (%s), year", d);
        mean_row(r, fig, tr->source.text, v, n, year_fraction(tr->signed_on), year_fraction(tr->signed_on), 0,
                 TOL_PACT_YEARS, 2, "held out", " y");
    }

    /* Doctrine south by 1941-07. */
    const hk_fact *south = record_pin(s, HK_PIN_DOCTRINE_SOUTH);
    bool south_rec = south && hk_date_month(south->date) <= hk_month_of(1941, 7);
    prop_row(r, "Japan committed south by 1941-07", south_rec, south ? south->source.text : "no such fact",
             count_true(r, HK_M_DOCTRINE_SOUTH_1941_07), n);

    /* No general war 1941-1944; no strike north. */
    const hk_fact *north = record_war(s, 1941, 1942);
    prop_row(r, "Japan strikes north, 1941-06..1942-12", north != NULL,
             north ? north->source.text : "none in the record", count_true(r, HK_M_STRIKE_NORTH), n);
    const hk_fact *early = record_war(s, s->start.year, 1944);
    prop_row(r, "Japan-USSR general war before 1945", early != NULL,
             early ? early->source.text : "none in the record", count_true(r, HK_M_WAR_BEFORE_1945), n);

    /* Major border battles 1937-1940 and who lost them. */
    bool major = false, jpn_lost = false;
    const char *battle_src = "none in the record";
    for (int i = 0; i < s->n_battles; i++) {
        const hk_battle *bt = &s->battles[i];
        if (bt->start.year < 1937 || bt->start.year > 1940 || !battle_is_japan_soviet(s, bt))
            continue;
        major = true;
        battle_src = bt->source.text;
        const hk_battle_side *w = bt->winner == 0 ? &bt->attacker : bt->winner == 1 ? &bt->defender : NULL;
        if (w && is_soviet_side(s, w->actor))
            jpn_lost = true;
    }
    int k_major = 0, k_lost = 0;
    for (int k = 0; k < n; k++) {
        k_major += r->base[k].major_border_battle_1937_1940;
        k_lost += r->base[k].japan_loses_major_border_battle;
    }
    prop_row(r, "A major Japan-USSR border battle, 1937–1940", major, battle_src, k_major, n);
    prop_row(r, "Japan loses a major border battle", jpn_lost, battle_src, k_lost, n);

    /* The Soviet entry, and its delay after Germany's defeat. */
    const hk_fact *entry = record_war(s, 1945, 1945);
    prop_row(r, "The USSR enters the war on Japan by 1945-09", entry != NULL,
             entry ? entry->source.text : "none in the record", count_true(r, HK_M_SOV_ENTRY), n);
    int gd = hk_scenario_event(s, "german_defeat");
    if (entry && gd >= 0) {
        double rec = months_between(s->events[gd].date, entry->date);
        for (int k = 0; k < n; k++)
            v[k] = r->base[k].soviet_entry_by_1945_09 ? r->base[k].soviet_entry_months_after_german_defeat : NAN;
        char src[200];
        snprintf(src, sizeof src, "%s; %s", s->events[gd].source.text, entry->source.text);
        mean_row(r, "Months from Germany's defeat to the Soviet entry", src, v, n, rec, rec, 0, TOL_ENTRY_MONTHS, 1,
                 "held out", " mo");
        /* The distribution, since the claim is about "within months". */
        int hist[9] = {0};
        for (int k = 0; k < n; k++) {
            double m = v[k];
            int bin = isnan(m) ? 8 : m < 0 ? 0 : m >= 7 ? 7 : (int)floor(m);
            hist[bin]++;
        }
        fprintf(b, "\nMonths from Germany's defeat to the Soviet entry, over %d runs: ", n);
        for (int i = 0; i < 7; i++)
            fprintf(b, "%d–%d: %d; ", i, i + 1, hist[i]);
        fprintf(b, "7 or more: %d; no entry by %d-%02d: %d.\n", hist[7], s->end.year, s->end.month, hist[8]);
    }
    fprintf(b, "\n");
    free(v);
}

/* ---- Khalkhin Gol from the historical forces ----------------------------- */

static void combat_section(report *r)
{
    const hk_scenario *s = r->s;
    FILE *b = r->body;
    fprintf(b, "## 2. Khalkhin Gol from the historical forces\n\n");
    const hk_battle *kg = record_battle(s, "khalkhin_gol");
    if (!kg) {
        fprintf(b, "The scenario records no battle `khalkhin_gol`.\n\n");
        figure_row(r, "Khalkhin Gol casualties", "—", "—", "—", "—", "—", "—", "—", false,
                   "the scenario records no battle khalkhin_gol");
        return;
    }
    hk_combat_params cp;
    hk_combat_params_default(&cp);
    const hk_battle_side *bs[2] = {&kg->attacker, &kg->defender};
    hk_combat_side side[2];
    for (int i = 0; i < 2; i++) {
        /* The declared check of docs/combat.md: the recorded sides, the
         * Japanese one defending in prepared positions and flagged as a
         * force that did not surrender (as every Japanese force of 1937-1945
         * is in the combat model's fit). */
        int japanese = strcmp(s->actors[bs[i]->actor].id, "JPN") == 0;
        side[i] = (hk_combat_side){.men = bs[i]->men, .tanks = bs[i]->tanks, .guns = bs[i]->guns,
                                   .aircraft = bs[i]->aircraft, .quality = bs[i]->quality,
                                   .supply_km = bs[i]->supply_km,
                                   .posture = i ? HK_POSTURE_PREPARED : HK_POSTURE_HASTY,
                                   .no_surrender = japanese};
        int nat = hk_combat_nation_parse(s->actors[bs[i]->actor].id);
        side[i].nation = nat > 0 ? nat : HK_NATION_OTHER;
        /* What the Soviet command planned for its attack (combat.h). */
        if (!japanese) {
            side[i].surprise = HK_COMBAT_KG_SOV_SURPRISE;
            side[i].envelop = HK_COMBAT_KG_SOV_ENVELOP;
        }
    }
    /* The campaign grows from the forces of its first engagement, the
     * record's battle nomonhan_opening (CDB90 259), matched by actor. */
    const hk_battle *opening = record_battle(s, "nomonhan_opening");
    hk_combat_side start[2];
    int has_start[2] = {0, 0};
    for (int i = 0; i < 2 && opening; i++) {
        const hk_battle_side *os[2] = {&opening->attacker, &opening->defender};
        for (int j = 0; j < 2; j++)
            if (os[j]->actor == bs[i]->actor) {
                start[i] = side[i];
                start[i].men = os[j]->men;
                start[i].tanks = os[j]->tanks;
                start[i].guns = os[j]->guns;
                start[i].aircraft = os[j]->aircraft;
                has_start[i] = 1;
            }
    }
    static const hk_combat_phase phases[] = HK_COMBAT_KG_PHASES;
    enum { NPH = (int)(sizeof phases / sizeof phases[0]) };
    int days = 0;
    for (int k = 0; k < NPH; k++)
        days += phases[k].days;
    hk_combat_result central;
    const hk_combat_side *s0 = has_start[0] ? &start[0] : NULL, *s1 = has_start[1] ? &start[1] : NULL;
    hk_combat_campaign_buildup(&cp, &side[0], &side[1], s0, s1, kg->terrain, NPH, phases, NULL,
                               &central);
    int n = r->runs;
    double *cas[2] = {malloc(sizeof(double) * (size_t)n), malloc(sizeof(double) * (size_t)n)};
    int wins[3] = {0};
    if (!cas[0] || !cas[1]) {
        free(cas[0]);
        free(cas[1]);
        return;
    }
    for (int k = 0; k < n; k++) {
        hk_rng rng;
        hk_rng_init(&rng, r->o->seed ^ 0x6b68616c6b68ULL, (uint64_t)k);
        hk_combat_result res;
        hk_combat_campaign_buildup(&cp, &side[0], &side[1], s0, s1, kg->terrain, NPH, phases, &rng,
                                   &res);
        cas[0][k] = res.casualties[0];
        cas[1][k] = res.casualties[1];
        wins[res.winner == HK_COMBAT_ATTACKER ? 0 : res.winner == HK_COMBAT_DEFENDER ? 1 : 2]++;
    }
    char d0[16], d1[16];
    hk_date_format(kg->start, d0);
    hk_date_format(kg->end, d1);
    const char *att_id = s->actors[kg->attacker.actor].id, *def_id = s->actors[kg->defender.actor].id;
    int central_ok = 1;
    for (int i = 0; i < 2; i++) {
        double lo = bs[i]->casualties, hi = bs[i]->casualties_hi > 0 ? bs[i]->casualties_hi : lo;
        if (lo < 0 || central.casualties[i] < (1 - TOL_CASUALTIES) * lo ||
            central.casualties[i] > (1 + TOL_CASUALTIES) * hi)
            central_ok = 0;
    }
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
            kg->id, d0, d1, hk_terrain_name(kg->terrain), def_id, HK_COMBAT_KG_PHASES_TEXT, days,
            (has_start[0] && has_start[1]) ? "" : "; not in this scenario, so the peak from the start",
            att_id, central.casualties[0], def_id, central.casualties[1],
            central.winner == HK_COMBAT_ATTACKER   ? att_id
            : central.winner == HK_COMBAT_DEFENDER ? def_id
                                                   : "none (a draw)",
            100 * TOL_CASUALTIES, central_ok ? "yes" : "no", n, att_id, wins[0], def_id, wins[1],
            wins[2], kg->winner == 0 ? "attacker" : kg->winner == 1 ? "defender" : "a draw");
    table_head(r);
    for (int i = 0; i < 2; i++) {
        const hk_battle_side *x = bs[i];
        if (x->casualties < 0)
            continue;
        char fig[128];
        snprintf(fig, sizeof fig, "Khalkhin Gol casualties, %s (%s)", i ? "defender" : "attacker",
                 s->actors[x->actor].id);
        mean_row(r, fig, kg->source.text, cas[i], n, x->casualties,
                 x->casualties_hi > 0 ? x->casualties_hi : x->casualties, TOL_CASUALTIES, 0, 0, "held out", "");
    }
    fprintf(b, "\n");
    free(cas[0]);
    free(cas[1]);
}

/* ---- calibration ------------------------------------------------------- */

static void calibration_section(report *r)
{
    const hk_scenario *s = r->s;
    FILE *b = r->body;
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
    int idx[HK_PARAM_COUNT];
    int np = hk_calibrate_free_params(s, idx);
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
    /* The error over each part, at the values in use, from this report's runs. */
    double fit = 0, held = 0;
    int nf = 0, nh = 0;
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *ic = &s->incidents[i];
        if (ic->count <= 0 || ic->year_from < HK_YEAR_FIRST || ic->year_to > HK_YEAR_LAST)
            continue;
        double sum = 0;
        for (int k = 0; k < r->runs; k++)
            for (int y = ic->year_from; y <= ic->year_to; y++)
                sum += r->base[k].incidents_per_year[y - HK_YEAR_FIRST];
        double e = fabs(sum / r->runs - ic->count) / ic->count;
        if (ic->year_to <= HK_CALIBRATE_FIT_LAST_YEAR)
            fit += e, nf++;
        else
            held += e, nh++;
    }
    fprintf(b, "\nMean absolute relative error of the incident counts at the values in use, over this report's "
               "%d runs: fitted part %.1f%% (%d figures), held-out part %.1f%% (%d figures).\n\n",
            r->runs, nf ? 100 * fit / nf : NAN, nf, nh ? 100 * held / nh : NAN, nh);
    FILE *f = r->o->calibration ? fopen(r->o->calibration, "r") : NULL;
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
        fprintf(b, "The last fit (`%s`, written by `hokushin calibrate`):\n\n```yaml\n", r->o->calibration);
        while (fgets(line, sizeof line, f))
            if (line[0] != '#')
                fputs(line, b);
        fprintf(b, "```\n\n");
        fclose(f);
    } else {
        fprintf(b, "No calibration file (`%s`) was found: run `hokushin calibrate`.\n\n",
                r->o->calibration ? r->o->calibration : "data/calibration.yaml");
    }
}

/* ---- CDB90 -------------------------------------------------------------- */

static void cdb90_section(report *r)
{
    FILE *b = r->body;
    fprintf(b, "## 4. The combat model on CDB90 (held-out battles)\n\n");
    FILE *f = r->o->combat_doc ? fopen(r->o->combat_doc, "r") : NULL;
    if (!f) {
        fprintf(b, "The combat model's report (`%s`) was not found; `tools/cdb90_fit` writes it.\n\n",
                r->o->combat_doc ? r->o->combat_doc : "docs/combat-validation.md");
        return;
    }
    fprintf(b, "From `%s` (written by `tools/cdb90_fit`; headings shifted down a level):\n\n", r->o->combat_doc);
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

/* ---- the 1945 offensive -------------------------------------------------- */

static double record_loss(const hk_scenario *s, const char *id, const char **source)
{
    for (int i = 0; i < s->n_losses; i++)
        if (strcmp(s->losses[i].id, id) == 0) {
            *source = s->losses[i].source.text;
            return s->losses[i].value;
        }
    *source = "";
    return NAN;
}

/* A figure within a factor of two of the record. */
static void factor_row(report *r, const char *figure, const char *source, const double *v, int n, double rec)
{
    hk_val_summary sm;
    hk_val_summarize(v, n, &sm);
    char a[48], b[48], rec_t[64], sim[64], ci[96], range[96], why[256];
    snprintf(rec_t, sizeof rec_t, "%s", hk_val_num(a, sizeof a, rec, 0));
    bool pass = sm.n > 0 && !isnan(rec) && sm.mean >= rec / 2 && sm.mean <= rec * 2;
    snprintf(sim, sizeof sim, "%s", hk_val_num(a, sizeof a, sm.mean, 0));
    snprintf(ci, sizeof ci, "%s – %s", hk_val_num(a, sizeof a, sm.lo, 0), hk_val_num(b, sizeof b, sm.hi, 0));
    snprintf(range, sizeof range, "%s – %s", hk_val_num(a, sizeof a, sm.q025, 0), hk_val_num(b, sizeof b, sm.q975, 0));
    snprintf(why, sizeof why, "simulated mean %s is not within x2 of the record's %s", sim, rec_t);
    figure_row(r, figure, rec_t, source, sim, ci, range, "x2", "held out", pass, why);
    json_figure(r, figure, "mean", rec, rec, source, sm.mean, sm.lo, sm.hi, sm.q025, sm.q975, sm.n, "x2", "held out",
                pass);
}

/* The Soviet offensive of 1945 as the runs fight it (docs/model.md#war-campaign):
 * runs where the USSR enters a war on Japan with no general war before. */
static void war_section(report *r)
{
    FILE *b = r->body;
    const hk_scenario *s = r->s;
    fprintf(b, "## 2b. The Soviet offensive of 1945\n\n");
    double *v[5];
    for (int k = 0; k < 5; k++)
        v[k] = malloc(sizeof(double) * (size_t)(r->runs > 0 ? r->runs : 1));
    int n = 0;
    for (int i = 0; i < r->runs && v[4]; i++) {
        const hk_outcomes *o = &r->base[i];
        if (!o->soviet_entry_by_1945_09 || o->japan_soviet_war_before_1945)
            continue;
        v[0][n] = o->war_days;
        v[1][n] = o->regions_taken[1];
        v[2][n] = o->war_casualties[1] - o->war_prisoners[1];
        v[3][n] = o->war_casualties[0] - o->war_prisoners[0];
        v[4][n] = o->war_prisoners[0];
        n++;
    }
    int regions = 0;
    for (int i = 0; i < s->n_control; i++)
        if (s->control[i].controller == s->sov && s->control[i].date.year == 1945)
            regions++;
    fprintf(b, "Over the %d of %d runs in which the USSR enters a war on Japan with no general war before it. "
               "The record's figures are record.yaml's; a figure passes within a factor of two.\n\n", n, r->runs);
    table_head(r);
    const char *src;
    double rec = record_loss(s, "war_1945_days", &src);
    factor_row(r, "1945: days of war", src, v[0], n, rec);
    factor_row(r, "1945: regions the Soviet side takes", "record.yaml control, 1945", v[1], n, regions);
    rec = record_loss(s, "war_1945_soviet_casualties", &src);
    factor_row(r, "1945: Soviet casualties", src, v[2], n, rec);
    rec = record_loss(s, "war_1945_japanese_killed", &src);
    factor_row(r, "1945: Japanese casualties in battle", src, v[3], n, rec);
    rec = record_loss(s, "war_1945_japanese_prisoners", &src);
    factor_row(r, "1945: Japanese prisoners", src, v[4], n, rec);
    fprintf(b, "\nThe Japanese side's casualties in battle are compared with the Soviet count of its killed alone "
               "(the Japanese count is about a quarter of it); its prisoners are the army in the surrender zones on "
               "the day of the surrender, and a run whose war has not ended by the scenario's last month counts none. "
               "The mechanisms behind the figures (docs/model.md#war-campaign): the refilled Kwantung Army at half its "
               "old quality, its plan to give up the border for a redoubt, Soviet fronts attacking on every axis with "
               "surprise and exploiting with armour, each front committing what its route supplies, the Soviet aims "
               "limited to the zones of the surrender, and the Japanese practice of no surrender lasting until the "
               "surrender is announced.\n\n");
    for (int k = 0; k < 5; k++)
        free(v[k]);
}

/* The what-if the seeds turn on, forced and followed (docs/model.md#war-campaign):
 * Japan strikes north in August 1941, ten times the report's runs, each run
 * to the end of 1943, so that its figures are that war's alone (the forced
 * wars of 1941 end by then; a later one does not count). No record to pass:
 * the figures with their intervals, beside the baseline's where it has one. */
static int strike_north_section(report *r)
{
    const hk_val_options *o = r->o;
    int runs = 10 * r->runs;
    hk_setup su = r->setup;
    char err[256];
    if (hk_setup_decide(&su, "JPN.strike_north=1941-08", err, sizeof err) != 0)
        return -1;
    hk_outcomes *w = malloc(sizeof *w * (size_t)runs);
    double *v = malloc(sizeof *v * (size_t)runs), *vb = malloc(sizeof *vb * (size_t)(r->runs > 0 ? r->runs : 1));
    int rc = -1;
    if (!w || !v || !vb ||
        hk_val_batch(&su, o->seed, 0, runs, o->threads, hk_month_of(1943, 12), w,
                     o->progress ? progress_line : NULL, "strike north") != 0)
        goto done;
    r->strike_at = ftell(r->body);
    hk_val_strike *st = &r->strike;
    st->runs = runs;
    st->base_runs = r->runs;
    st->seed = o->seed;
    for (int k = 0; k < HK_VAL_STRIKE_FIGURES; k++) {
        for (int pass = 0; pass < 2; pass++) {
            const hk_outcomes *x = pass ? r->base : w;
            int n = pass ? r->runs : runs;
            double *out = pass ? vb : v;
            for (int i = 0; i < n; i++) {
                const hk_outcomes *y = &x[i];
                double val = k == 0 ? y->war_months
                           : k == 1 ? y->war_casualties[0]
                           : k == 2 ? y->war_casualties[1]
                           : k == 3 ? y->war_casualties[0] - y->war_prisoners[0]
                           : k == 4 ? y->war_casualties[1] - y->war_prisoners[1]
                           : k == 5 ? y->regions_taken[0]
                           : k == 6 ? y->regions_taken[1]
                           : k == 7 ? (y->trans_siberian_cut ? 1.0 : 0.0)
                           : k == 8 ? y->soviet_divisions_east_1941
                                    : y->soviet_divisions_west_1941;
                out[i] = val;
            }
        }
        hk_val_summarize(v, runs, &st->whatif[k]);
        hk_val_summarize(vb, r->runs, &st->base[k]);
    }
    rc = 0;
done:
    free(w);
    free(v);
    free(vb);
    return rc;
}

/* ---- claims -------------------------------------------------------------- */

/* Puts every claim to the model: the results as data, their section's
 * place in the body (src/out/validate_md.c writes it there). */
static int claims_section(report *r)
{
    r->claims_at = ftell(r->body);
    r->claims_verdict_at = r->n_verdicts;
    r->claims_fail_at = r->n_fails;
    hk_outcomes *more = NULL; /* the observed claims' further runs, shared */
    if (hk_claim_count > HK_VAL_MAX_CLAIMS) {
        fprintf(stderr, "hokushin: validate: %d claims, room for %d (HK_VAL_MAX_CLAIMS)\n", hk_claim_count,
                HK_VAL_MAX_CLAIMS);
        return -1;
    }
    for (int i = 0; i < hk_claim_count; i++) {
        const hk_claim *c = &hk_claim_table[i];
        const hk_metric_info *mi = &hk_metric_table[c->metric];
        if (r->o->progress)
            fprintf(stderr, "validate: claim %d/%d %s\n", i + 1, hk_claim_count, c->id);
        hk_val_claim *vc = &r->claim[r->n_claim];
        vc->index = i;
        if (hk_claim_eval(c, &r->setup, r->base, r->runs, r->o->seed, r->o->threads, &more, &vc->res) != 0) {
            free(more);
            return -1;
        }
        const hk_claim_result *res = &vc->res;
        r->n_claim++;
        r->claims++;
        if (res->status != HK_CLAIM_PASS)
            r->claims_failed++;
        if (r->claims_json) {
            char arm[256];
            hk_claim_describe_arm(c, arm, sizeof arm);
            json_array_append_new(
                r->claims_json,
                json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:i, s:o, s:o, s:i, s:[o,o], s:i, s:s, s:s}",
                          "id", c->id, "statement", c->statement, "source", c->source, "design",
                          hk_claim_design_name(c->design), "metric", mi->name, "change", arm, "threshold",
                          c->design == HK_CLAIM_LEVEL ? json_real(c->threshold) : json_null(), "a", jnum(res->a),
                          "n_a", res->n_a, "b", jnum(res->b), "effect", jnum(res->effect), "direction", c->direction,
                          "ci95", jnum(res->lo), jnum(res->hi), "n_b", res->n_b, "result",
                          res->status == HK_CLAIM_PASS ? "pass" : res->status == HK_CLAIM_FAIL ? "fail" : "untestable",
                          "note", res->note));
        }
    }
    free(more);
    return 0;
}

/* ---- the whole report ---------------------------------------------------- */

/* Runs every check of sections 1-6 into r->body (the claims' as data).
 * Returns 0, or -1 on a program failure. */
static int run_checks(report *r)
{
    const hk_val_options *o = r->o;
    if (hk_val_batch(&r->setup, o->seed, 0, o->runs, o->threads, HK_MONTH_NONE, r->base,
                     o->progress ? progress_line : NULL, "baseline") != 0)
        return -1;
    record_section(r);
    combat_section(r);
    war_section(r);
    if (strike_north_section(r) != 0)
        return -1;
    calibration_section(r);
    cdb90_section(r);
    if (claims_section(r) != 0)
        return -1;
    /* section 6 (validate_forces.c): its figures count with the others */
    hk_val_forces vf;
    if (hk_val_forces_section(r->body, 6, &r->setup, o->seed, r->base, r->runs, &vf) != 0)
        return -1;
    for (int i = 0; i < vf.n; i++) {
        r->figures++;
        keep_verdict(r, vf.fig[i].what, vf.fig[i].value, vf.fig[i].pass);
        if (!vf.fig[i].pass) {
            r->figures_failed++;
            fail(r, "**%s**: %s", vf.fig[i].what, vf.fig[i].why);
        }
    }
    return 0;
}

static report *report_new(const hk_scenario *s, const hk_val_options *o, bool with_json, char **text,
                          size_t *text_len)
{
    report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (with_json) {
        r->figures_json = json_array();
        r->claims_json = json_array();
    }
    r->s = s;
    r->o = o;
    r->runs = o->runs;
    hk_setup_init(&r->setup, s);
    r->base = malloc(sizeof *r->base * (size_t)o->runs);
    r->body = open_memstream(text, text_len);
    return r;
}

static void report_free(report *r)
{
    if (!r)
        return;
    json_decref(r->figures_json);
    json_decref(r->claims_json);
    if (r->body)
        fclose(r->body);
    free(r->base);
    free(r);
}

int hk_val_checks_run(const hk_scenario *s, const hk_val_options *o, bool with_json, hk_val_checks *out)
{
    memset(out, 0, sizeof *out);
    char *text = NULL;
    size_t text_len = 0;
    report *r = report_new(s, o, with_json, &text, &text_len);
    int rc = -1;
    if (!r || !r->base || !r->body || run_checks(r) != 0)
        goto done;
    fclose(r->body);
    r->body = NULL;
    out->figures = r->figures;
    out->figures_failed = r->figures_failed;
    out->claims = r->claims;
    out->claims_failed = r->claims_failed;
    out->n_fails = r->n_fails;
    memcpy(out->fails, r->fails, sizeof r->fails);
    out->n_verdicts = r->n_verdicts;
    memcpy(out->verdicts, r->verdicts, sizeof r->verdicts);
    out->body = text;
    out->body_len = text_len;
    text = NULL;
    out->runs = r->runs;
    out->n_claim = r->n_claim;
    memcpy(out->claim, r->claim, sizeof r->claim);
    out->claims_at = (size_t)r->claims_at;
    out->strike = r->strike;
    out->strike_at = (size_t)r->strike_at;
    out->claims_verdict_at = r->claims_verdict_at;
    out->claims_fail_at = r->claims_fail_at;
    out->figures_json = r->figures_json;
    out->claims_json = r->claims_json;
    r->figures_json = r->claims_json = NULL;
    rc = 0;
done:
    report_free(r);
    free(text);
    return rc;
}

void hk_val_checks_free(hk_val_checks *c)
{
    free(c->body);
    json_decref(c->figures_json);
    json_decref(c->claims_json);
    memset(c, 0, sizeof *c);
}
