/* ensemble_out.c — an ensemble's result as the JSON of product.md and as
 * a readable table (see ensemble_out.h). src/run computes the figures;
 * this file only renders them. */
#include "out/ensemble_out.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "run/inputs.h"
#include "run/labels.h"

/* ---- JSON ----------------------------------------------------------------- */

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *interval_json(hk_interval ci)
{
    return json_pack("[o, o]", num(ci.lo), num(ci.hi));
}

static json_t *outcome_json(const hk_moments *m, hk_outcome_kind kind)
{
    double mean = hk_moments_mean(m);
    if (kind == HK_OUTCOME_PROPORTION) {
        /* Values are exactly 0 or 1, so the mean times n is the count. */
        int64_t k = (int64_t)llround(mean * (double)m->n);
        return json_pack("{s:o, s:o, s:I}", "p", num(mean), "ci95",
                         interval_json(hk_stats_wilson(m->n ? k : 0, m->n, 0.95)), "n", (json_int_t)m->n);
    }
    double sd = hk_moments_sd(m);
    return json_pack("{s:o, s:o, s:o, s:I}", "mean", num(mean), "sd", num(sd), "ci95",
                     interval_json(hk_stats_t_interval(mean, sd, m->n, 0.95)), "n", (json_int_t)m->n);
}

static json_t *outcomes_json(const hk_ensemble_agg *a)
{
    json_t *o = json_object();
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        json_t *x = outcome_json(&a->outcome[i], hk_outcome_table[i].kind);
        json_object_set_new(x, "label", json_string(hk_label_outcome(hk_outcome_table[i].name)));
        json_object_set_new(o, hk_outcome_table[i].name, x);
    }
    return o;
}

static json_t *years_json(const hk_ensemble_agg *a)
{
    json_t *o = json_object();
    for (int y = 0; y < HK_YEARS; y++) {
        char year[8];
        snprintf(year, sizeof year, "%d", HK_YEAR_FIRST + y);
        json_object_set_new(o, year,
                            json_pack("{s:o, s:o}", "mean", num(hk_moments_mean(&a->incidents[y])), "sd",
                                      num(hk_moments_sd(&a->incidents[y]))));
    }
    return o;
}

/* A paired difference: its mean and t interval over the runs where both
 * sides are defined. For a proportion the per-run difference is -1, 0 or
 * 1, and the interval of its mean is the paired (McNemar-type) one. */
static json_t *delta_json(const hk_moments *d)
{
    double mean = hk_moments_mean(d), sd = hk_moments_sd(d);
    hk_interval ci = hk_stats_t_interval(mean, sd, d->n, 0.95);
    return json_pack("{s:o, s:o, s:o, s:I}", "delta", num(mean), "sd", num(sd), "ci95", interval_json(ci), "n",
                     (json_int_t)d->n);
}

json_t *hk_ensemble_json(const hk_ensemble_result *res)
{
    json_t *j = json_object();
    json_object_set_new(j, "runs", json_integer(res->runs));
    json_object_set_new(j, "runs_requested", json_integer(res->runs_requested));
    json_object_set_new(j, "complete", json_boolean(!res->cancelled));
    json_object_set_new(j, "seed", hk_json_seed(res->seed));
    json_object_set_new(j, "outcomes", outcomes_json(&res->outcomes));
    json_object_set_new(j, "incidents_per_year", years_json(&res->outcomes));
    if (res->paired) {
        json_object_set_new(j, "baseline", outcomes_json(&res->baseline));
        json_object_set_new(j, "baseline_incidents_per_year", years_json(&res->baseline));
        json_t *d = json_object();
        for (int i = 0; i < HK_OUTCOME_COUNT; i++)
            json_object_set_new(d, hk_outcome_table[i].name, delta_json(&res->delta.outcome[i]));
        json_object_set_new(j, "delta", d);
    }
    int64_t made = res->runs - res->runs_stored;
    double rate = res->seconds > 0 ? (double)made / res->seconds : 0;
    json_object_set_new(j, "runs_per_second", json_real(round(rate * 10) / 10));
    json_object_set_new(j, "seconds", json_real(round(res->seconds * 1000) / 1000));
    json_object_set_new(j, "threads", json_integer(res->threads));
    json_object_set_new(j, "processes", json_integer(res->processes));
    return j;
}

/* ---- the record beside the runs --------------------------------------------- */

/* The outcomes that count the run's first general war between Japan and the
 * USSR (their docs in src/run/outcomes.c say so). The record's figure of
 * one of them is its first war's, and it stands beside a column of runs
 * only when the runs' first war is that war: a column whose first war comes
 * before 1945 in most runs (a forced strike north of 1941) counts a war the
 * record has not, where the record has none before 1945. */
static const char *const first_war_outcomes[] = {"war_months",           "war_casualties_jpn",   "war_casualties_sov",
                                                 "regions_taken_by_jpn", "regions_taken_by_sov", "trans_siberian_cut"};

bool hk_outcome_counts_first_war(int i)
{
    if (i < 0 || i >= HK_OUTCOME_COUNT)
        return false;
    for (size_t k = 0; k < sizeof first_war_outcomes / sizeof first_war_outcomes[0]; k++)
        if (strcmp(hk_outcome_table[i].name, first_war_outcomes[k]) == 0)
            return true;
    return false;
}

static int outcome_index(const char *name)
{
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        if (strcmp(hk_outcome_table[i].name, name) == 0)
            return i;
    return -1;
}

/* The share of a column's runs whose first war is one before 1945 that the
 * record does not have (0 when the record has a war before 1945 too, or no
 * such outcome is kept). */
static double unrecorded_war_share(const hk_outcomes *history, const hk_ensemble_agg *a)
{
    int early = outcome_index("japan_soviet_war_before_1945");
    if (early < 0 || !history || hk_outcome_value(history, early) > 0.5 || !a)
        return 0;
    double p = hk_ensemble_value(a, early);
    return isfinite(p) ? p : 0;
}

bool hk_history_comparable(const hk_outcomes *history, int i, const hk_ensemble_agg *a)
{
    return !hk_outcome_counts_first_war(i) || unrecorded_war_share(history, a) <= 0.5;
}

const char *hk_ensemble_history_text(const hk_outcomes *history, int i, const hk_ensemble_result *res, char *buf,
                                     size_t len)
{
    char v[64];
    hk_label_outcome_value(i, hk_outcome_value(history, i), v, sizeof v);
    const hk_ensemble_agg *what = &res->outcomes, *base = res->paired ? &res->baseline : NULL;
    bool what_ok = hk_history_comparable(history, i, what), base_ok = !base || hk_history_comparable(history, i, base);
    if (what_ok && base_ok) {
        snprintf(buf, len, "%s", v);
        return buf;
    }
    /* the record's war: the Soviet entry of 1945 when the record has it */
    int entry = outcome_index("soviet_entry_by_1945_09");
    bool entry_1945 = entry >= 0 && hk_outcome_value(history, entry) > 0.5;
    const char *which = !base ? "the runs" : !what_ok && !base_ok ? "either column" : !what_ok ? "the what-if" : "the baseline";
    double share = unrecorded_war_share(history, !what_ok ? what : base);
    snprintf(buf, len, "%s, in %s; not comparable with %s, whose first war comes before 1945 in %.0f%% of runs", v,
             entry_1945 ? "the Soviet entry of 1945" : "the record's first war", which, 100 * share);
    return buf;
}

json_t *hk_ensemble_history_json(const hk_outcomes *history, const hk_ensemble_result *res)
{
    json_t *h = json_object();
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        double v = hk_outcome_value(history, i);
        char text[320];
        hk_ensemble_history_text(history, i, res, text, sizeof text);
        json_t *o = json_pack("{s:o, s:s, s:b}", "value", isfinite(v) ? json_real(v) : json_null(), "text", text,
                              "comparable", hk_history_comparable(history, i, &res->outcomes));
        if (res->paired)
            json_object_set_new(o, "baseline_comparable", json_boolean(hk_history_comparable(history, i, &res->baseline)));
        json_object_set_new(h, hk_outcome_table[i].name, o);
    }
    return h;
}

/* ---- the table -------------------------------------------------------------- */

/* A probability in percent, its change in percentage points ("pts"), a
 * year + (month - 1) / 12 as year and month (its change in months), a
 * large figure with thousands separators. */
static void fmt_value(char *buf, size_t len, double v, int i, bool delta, bool unit)
{
    hk_outcome_kind kind = hk_outcome_table[i].kind;
    const char *name = hk_outcome_table[i].name;
    size_t nl = strlen(name);
    bool year = nl > 5 && strcmp(name + nl - 5, "_year") == 0;
    if (!isfinite(v))
        snprintf(buf, len, "-");
    else if (kind == HK_OUTCOME_PROPORTION)
        snprintf(buf, len, delta ? (unit ? "%.1f pts" : "%.1f") : "%.1f%%", 100 * v);
    else if (year && !delta)
        hk_label_year_month(v, buf, len);
    else if (year)
        snprintf(buf, len, unit ? "%.1f months" : "%.1f", 12 * v);
    else if (fabs(v) >= 10000) {
        char t[24];
        hk_label_thousands(llround(fabs(v)), t, sizeof t);
        snprintf(buf, len, "%s%s", v < 0 ? "-" : "", t);
    } else
        snprintf(buf, len, "%.2f", v);
}

static void fmt_stat(char *buf, size_t len, const hk_moments *m, int i, bool delta)
{
    hk_outcome_kind kind = hk_outcome_table[i].kind;
    double mean = hk_moments_mean(m);
    hk_interval ci;
    if (kind == HK_OUTCOME_PROPORTION && !delta)
        ci = hk_stats_wilson((int64_t)llround(mean * (double)m->n), m->n, 0.95);
    else
        ci = hk_stats_t_interval(mean, hk_moments_sd(m), m->n, 0.95);
    char v[32], lo[32], hi[32];
    fmt_value(v, sizeof v, mean, i, delta, true);
    fmt_value(lo, sizeof lo, ci.lo, i, delta, !delta);
    fmt_value(hi, sizeof hi, ci.hi, i, delta, !delta);
    if (delta && isfinite(mean))
        snprintf(buf, len, "%s%s [%s, %s]", mean > 0 ? "+" : "", v, lo, hi);
    else if (isfinite(ci.lo))
        snprintf(buf, len, "%s [%s, %s]", v, lo, hi);
    else
        snprintf(buf, len, "%s", v);
}

void hk_ensemble_print(FILE *out, const hk_ensemble_result *res)
{
    hk_ensemble_print_history(out, res, NULL);
}

void hk_ensemble_print_history(FILE *out, const hk_ensemble_result *res, const hk_outcomes *history)
{
    int64_t made = res->runs - res->runs_stored;
    char nruns[32], nmade[32];
    hk_label_thousands(res->runs, nruns, sizeof nruns);
    hk_label_thousands(made, nmade, sizeof nmade);
    fprintf(out, "%s run%s, seed %llu", nruns, res->runs == 1 ? "" : "s", (unsigned long long)res->seed);
    if (res->cancelled)
        fprintf(out, " (stopped early: %lld of %lld)", (long long)res->runs, (long long)res->runs_requested);
    fprintf(out, "; %s made in %.1f s on %d thread%s", nmade, res->seconds, res->threads,
            res->threads == 1 ? "" : "s");
    if (res->processes > 1)
        fprintf(out, " x %d processes", res->processes);
    if (res->runs_stored)
        fprintf(out, ", %lld read from the database", (long long)res->runs_stored);
    fprintf(out, "\n\n");
    /* Each outcome's label on its own line, its id and figures on the next,
     * so that no column cuts a word. */
    char a[160], b[160], c[160], h[320];
    if (res->paired) {
        fprintf(out, "%-42s %-28s %-28s %s\n", "outcome (id)", "baseline [95% CI]", "what-if [95% CI]",
                "difference [95% CI]");
        for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
            fmt_stat(a, sizeof a, &res->baseline.outcome[i], i, false);
            fmt_stat(b, sizeof b, &res->outcomes.outcome[i], i, false);
            fmt_stat(c, sizeof c, &res->delta.outcome[i], i, true);
            fprintf(out, "%s", hk_label_outcome(hk_outcome_table[i].name));
            if (history)
                fprintf(out, " (history: %s)", hk_ensemble_history_text(history, i, res, h, sizeof h));
            fprintf(out, "\n  %-40s %-28s %-28s %s\n", hk_outcome_table[i].name, a, b, c);
        }
    } else {
        fprintf(out, "%-42s %-30s %s\n", "outcome (id)", "value [95% CI]", "runs where defined");
        for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
            fmt_stat(a, sizeof a, &res->outcomes.outcome[i], i, false);
            char n[32];
            hk_label_thousands(res->outcomes.outcome[i].n, n, sizeof n);
            fprintf(out, "%s", hk_label_outcome(hk_outcome_table[i].name));
            if (history)
                fprintf(out, " (history: %s)", hk_ensemble_history_text(history, i, res, h, sizeof h));
            fprintf(out, "\n  %-40s %-30s %s\n", hk_outcome_table[i].name, a, n);
        }
    }
    fprintf(out, "\nborder incidents per year (mean, sd%s)\n", res->paired ? "; what-if runs" : "");
    for (int y = 0; y < HK_YEARS; y++) {
        const hk_moments *m = &res->outcomes.incidents[y];
        double mean = hk_moments_mean(m);
        if (!isfinite(mean))
            continue;
        fprintf(out, "  %d %7.2f %6.2f%s", HK_YEAR_FIRST + y, mean, hk_moments_sd(m), (y % 4 == 3) ? "\n" : "");
    }
    fprintf(out, "\n");
}

