/* validate_md.c — docs/validation.md: the title and summary, the checks'
 * sections in their order (1-4 and 6 from validate_sections.c; the strike
 * north's what-if and the sources' causal claims here), all rendered from
 * the data src/run/validate_report.c computes, the same checks at another
 * seed and every result that differs there, the linter's section, and what
 * fails. */
#include "out/validate_md.h"

#include <stdlib.h>
#include <string.h>

#include "run/claims.h"
#include "run/inputs.h"
#include "run/lint.h"
#include "out/validate_sections.h"

/* ---- section 2c: what if Japan had struck north in August 1941 ----------------- */

static void strike_north_md(FILE *b, const hk_val_strike *st)
{
    fprintf(b, "## 2c. What if Japan had struck north in August 1941\n\n");
    fprintf(b, "`hokushin whatif --decide JPN.strike_north=1941-08`: %d runs of seed %llu, each to 1943-12, so that "
               "the figures are the forced war's (a later war does not count). The decision is forced in 1941-08; "
               "the mobilisation, the fronts, the war's course and its end follow from the state. There is no record "
               "to pass; the baseline column is the same seed's %d runs without the decision, to the scenario's "
               "end.\n\n",
            st->runs, (unsigned long long)st->seed, st->base_runs);
    fprintf(b, "| Figure | What-if mean | 95%% CI of the mean | 95%% of runs | Baseline mean |\n|---|---|---|---|---|\n");
    static const char *const names[HK_VAL_STRIKE_FIGURES] = {
        "Months of Japanese-Soviet war", "Japanese casualties (prisoners included)", "Soviet casualties (prisoners included)",
        "Japanese casualties in battle", "Soviet casualties in battle",
        "Regions taken by Japan, held at the war's end", "Regions taken by the USSR, held at the war's end",
        "Trans-Siberian cut at some time (share of runs)", "Soviet divisions east of Baikal, 1941-12",
        "Soviet divisions sent west by 1941-12"};
    for (int k = 0; k < HK_VAL_STRIKE_FIGURES; k++) {
        const hk_val_summary *sw = &st->whatif[k], *sb = &st->base[k];
        int dec = k == 0 || k >= 5 ? 2 : 0;
        char a[48], c[48], d[48], e[48], f[48], g[48];
        if (k == 7) /* a share of runs, in per cent */
            fprintf(b, "| %s | %.1f%% | %.1f%% – %.1f%% | — | %.1f%% |\n", names[k], 100 * sw->mean, 100 * sw->lo,
                    100 * sw->hi, 100 * sb->mean);
        else
            fprintf(b, "| %s | %s | %s – %s | %s – %s | %s |\n", names[k], hk_val_num(a, sizeof a, sw->mean, dec),
                    hk_val_num(c, sizeof c, sw->lo, dec), hk_val_num(d, sizeof d, sw->hi, dec),
                    hk_val_num(e, sizeof e, sw->q025, dec), hk_val_num(f, sizeof f, sw->q975, dec),
                    hk_val_num(g, sizeof g, sb->mean, dec));
    }
    fprintf(b, "\nThe baseline's wars are mostly the Soviet entry of 1945, which the what-if's runs, stopped at the "
               "end of 1943, do not reach. Divisions are of 12,000 men.\n\n");
}

/* ---- section 5: the sources' causal claims ---------------------------------- */

static void fmt_value(char *buf, size_t len, const hk_metric_info *mi, double v)
{
    char a[48];
    if (mi->proportion)
        snprintf(buf, len, "%.3f", v);
    else if (strcmp(mi->unit, "men") == 0 || strcmp(mi->unit, "incidents") == 0)
        snprintf(buf, len, "%s", hk_val_num(a, sizeof a, v, 0));
    else
        snprintf(buf, len, "%.3f", v);
}

/* A claim's figures as the report gives them. */
typedef struct claim_text {
    char a[64], b[64], eff[64], lo[64], hi[64], expected[64];
} claim_text;

static void claim_text_of(const hk_val_claim *vc, claim_text *t)
{
    const hk_claim *c = &hk_claim_table[vc->index];
    const hk_metric_info *mi = &hk_metric_table[c->metric];
    fmt_value(t->a, sizeof t->a, mi, vc->res.a);
    fmt_value(t->b, sizeof t->b, mi, vc->res.b);
    fmt_value(t->eff, sizeof t->eff, mi, vc->res.effect);
    fmt_value(t->lo, sizeof t->lo, mi, vc->res.lo);
    fmt_value(t->hi, sizeof t->hi, mi, vc->res.hi);
    if (c->design == HK_CLAIM_LEVEL)
        snprintf(t->expected, sizeof t->expected, "%s %g", c->direction > 0 ? ">" : "<", c->threshold);
    else
        snprintf(t->expected, sizeof t->expected, "%s", c->direction > 0 ? "> 0" : "< 0");
}

static void claims_md(FILE *b, const hk_val_checks *ck)
{
    fprintf(b, "## 5. The sources' causal claims\n\n");
    fprintf(b,
            "Each claim a source makes is put to the model as a comparison of ensembles. "
            "*Paired* (%d runs a side): the baseline against the baseline with the cause removed or moved, with "
            "common random numbers (the same seed and run indices in both arms), so the effect is the mean of "
            "per-run differences; its interval is Newcombe's paired score interval for a share, Student's t for a "
            "mean. *Observed* (%d runs, the report's runs and more of the same seed, since the rarer group can "
            "hold a few percent of them): one baseline ensemble split by what happened in the run (association "
            "inside the model, not an intervention), the columns *A* and *B* giving the runs in each group; "
            "Newcombe's hybrid score interval for two independent shares, "
            "Welch's for means. *Level*: one baseline figure against a threshold. A claim passes when the 95%% "
            "interval lies wholly on the side the source implies; otherwise it fails, and stays in the table.\n\n",
            ck->runs, ck->runs * HK_CLAIM_OBSERVED_FACTOR);
    fprintf(b, "| # | Claim (source) | Test | A | B | Effect B − A [95%% CI] | Expected | Result |\n");
    fprintf(b, "|---|---|---|---|---|---|---|---|\n");
    for (int k = 0; k < ck->n_claim; k++) {
        const hk_val_claim *vc = &ck->claim[k];
        const hk_claim *c = &hk_claim_table[vc->index];
        const hk_claim_result *res = &vc->res;
        claim_text t;
        claim_text_of(vc, &t);
        char arm[256], armb[400], arma[400];
        hk_claim_describe_arm(c, arm, sizeof arm);
        switch (c->design) {
        case HK_CLAIM_PAIRED:
            snprintf(arma, sizeof arma, "baseline: %s (n=%d)", t.a, res->n_a);
            snprintf(armb, sizeof armb, "`%s`: %s (n=%d)", arm, t.b, res->n_b);
            break;
        case HK_CLAIM_OBSERVED:
            snprintf(arma, sizeof arma, "the other runs: %s (n=%d)", t.a, res->n_a);
            snprintf(armb, sizeof armb, "runs where %s: %s (n=%d)", hk_condition_text(c->condition), t.b, res->n_b);
            break;
        case HK_CLAIM_LEVEL:
            snprintf(arma, sizeof arma, "baseline: %s (n=%d)", t.a, res->n_a);
            snprintf(armb, sizeof armb, "—");
            break;
        }
        fprintf(b, "| %d | %s (%s) | %s: %s; `%s` | %s | %s | %s [%s, %s] | %s | %s |\n", vc->index + 1, c->statement,
                c->source, hk_claim_design_name(c->design), c->test, hk_metric_table[c->metric].name, arma, armb,
                c->design == HK_CLAIM_LEVEL ? t.a : t.eff, t.lo, t.hi, t.expected,
                res->status == HK_CLAIM_PASS ? "PASS" : res->status == HK_CLAIM_FAIL ? "**FAIL**" : "**FAIL** (not testable)");
    }
    fprintf(b, "\n");
}

/* Every verdict and failure in the document's order: the figures'
 * (validate_sections.c) with the claims' written in at their place. */
static void results_of(const hk_val_checks *ck, hk_val_results *out)
{
    hk_val_results *fig = malloc(sizeof *fig);
    if (!fig) {
        out->n_verdicts = out->n_fails = 0;
        return;
    }
    int claims_at, claims_fail_at;
    hk_val_figure_results(ck, fig, &claims_at, &claims_fail_at);
    int nv = 0, nf = 0;
    for (int i = 0; i < claims_at && nv < HK_VAL_MAX_VERDICTS; i++)
        out->verdicts[nv++] = fig->verdicts[i];
    for (int i = 0; i < claims_fail_at && nf < HK_VAL_MAX_FAILS; i++)
        memcpy(out->fails[nf++], fig->fails[i], HK_VAL_FAIL_LEN);
    for (int k = 0; k < ck->n_claim; k++) {
        const hk_val_claim *vc = &ck->claim[k];
        const hk_claim *c = &hk_claim_table[vc->index];
        claim_text t;
        claim_text_of(vc, &t);
        if (nv < HK_VAL_MAX_VERDICTS) {
            hk_val_verdict *x = &out->verdicts[nv++];
            snprintf(x->what, sizeof x->what, "Claim %d, %s", vc->index + 1, c->id);
            snprintf(x->value, sizeof x->value, "%s [%s, %s]", c->design == HK_CLAIM_LEVEL ? t.a : t.eff, t.lo, t.hi);
            x->pass = vc->res.status == HK_CLAIM_PASS;
        }
        if (vc->res.status != HK_CLAIM_PASS && nf < HK_VAL_MAX_FAILS) {
            char what[96], why[1024];
            snprintf(what, sizeof what, "Claim %d, %s", vc->index + 1, c->id);
            snprintf(why, sizeof why, "%s (effect %s, 95%% CI [%s, %s], expected %s)", vc->res.note, t.eff, t.lo,
                     t.hi, t.expected);
            snprintf(out->fails[nf++], HK_VAL_FAIL_LEN, "**%s**: %s", what, why);
        }
    }
    for (int i = claims_at; i < fig->n_verdicts && nv < HK_VAL_MAX_VERDICTS; i++)
        out->verdicts[nv++] = fig->verdicts[i];
    for (int i = claims_fail_at; i < fig->n_fails && nf < HK_VAL_MAX_FAILS; i++)
        memcpy(out->fails[nf++], fig->fails[i], HK_VAL_FAIL_LEN);
    out->n_verdicts = nv;
    out->n_fails = nf;
    free(fig);
}

/* Section 7: the same checks at another seed, and every verdict that
 * differs, so a reader can tell a robust pass from one at the edge. */
static int other_seed_section(FILE *b, const hk_scenario *s, const hk_val_options *o, const hk_val_checks *c,
                              const hk_val_results *cr)
{
    hk_val_options o2 = *o;
    o2.seed = o->other_seed;
    o2.other_seed = 0;
    if (o->progress)
        fprintf(stderr, "validate: the same checks at seed %llu\n", (unsigned long long)o2.seed);
    hk_val_checks *c2 = malloc(sizeof *c2);
    hk_val_results *r2 = malloc(sizeof *r2);
    if (!c2 || !r2 || hk_val_checks_run(s, &o2, c2) != 0) {
        free(c2);
        free(r2);
        return -1;
    }
    results_of(c2, r2);
    fprintf(b, "## 7. The same checks at another seed\n\n");
    fprintf(b,
            "Every figure and claim above, rerun with seed %llu (%d runs per ensemble), to tell a pass that "
            "holds from one at the edge of its tolerance. Seed %llu: %d figures, %d pass and %d fail; %d causal "
            "claims, %d pass and %d fail.\n\n",
            (unsigned long long)o2.seed, o2.runs, (unsigned long long)o2.seed, c2->figures,
            c2->figures - c2->figures_failed, c2->figures_failed, c2->claims, c2->claims - c2->claims_failed,
            c2->claims_failed);
    int differ = 0;
    for (int i = 0; i < cr->n_verdicts; i++) {
        const hk_val_verdict *v = &cr->verdicts[i];
        const hk_val_verdict *w = NULL;
        for (int j = 0; j < r2->n_verdicts && !w; j++)
            if (strcmp(r2->verdicts[j].what, v->what) == 0)
                w = &r2->verdicts[j];
        if (w && w->pass == v->pass)
            continue;
        if (differ++ == 0) {
            fprintf(b, "| Figure or claim | Seed %llu | Result | Seed %llu | Result |\n", (unsigned long long)o->seed,
                    (unsigned long long)o2.seed);
            fprintf(b, "|---|---|---|---|---|\n");
        }
        fprintf(b, "| %s | %s | %s | %s | %s |\n", v->what, v->value, v->pass ? "PASS" : "**FAIL**",
                w ? w->value : "—", !w ? "not judged" : w->pass ? "PASS" : "**FAIL**");
    }
    if (differ == 0)
        fprintf(b, "Every figure and claim has the same result at both seeds.\n");
    else
        fprintf(b, "\n%d of the %d results above differ at seed %llu.\n", differ, cr->n_verdicts,
                (unsigned long long)o2.seed);
    fprintf(b, "\n");
    free(c2);
    free(r2);
    return 0;
}

int hk_validate_report(const hk_scenario *s, const hk_val_options *o, FILE *out, json_t **json)
{
    if (json)
        *json = NULL;
    hk_val_checks *c = calloc(1, sizeof *c);
    hk_val_results *cr = calloc(1, sizeof *cr);
    char *text = NULL;
    size_t text_len = 0;
    FILE *body = NULL;
    int rc = -1;
    if (!c || !cr)
        goto done;
    if (hk_val_checks_run(s, o, c) != 0) {
        fprintf(stderr, "hokushin: validate: a simulate run failed\n");
        goto done;
    }
    results_of(c, cr);
    /* sections 1-6 from the checks' data, then the rest */
    body = open_memstream(&text, &text_len);
    if (!body)
        goto done;
    hk_val_md_record(body, c);
    hk_val_md_combat(body, c);
    hk_val_md_war(body, c);
    strike_north_md(body, &c->strike);
    hk_val_md_calibration(body, s, o, c);
    hk_val_md_cdb90(body, o);
    claims_md(body, c);
    hk_val_md_forces(body, s, c, 6);
    if (o->other_seed != 0 && other_seed_section(body, s, o, c, cr) != 0) {
        fprintf(stderr, "hokushin: validate: a simulate run failed\n");
        goto done;
    }
    /* single histories: the linter and the citations */
    int section = o->other_seed != 0 ? 8 : 7;
    char lint_fail[256];
    if (o->lint_runs > 0) {
        if (hk_lint_section(body, s, section, o->seed, o->lint_runs, o->progress, lint_fail, sizeof lint_fail) != 0) {
            fprintf(stderr, "hokushin: validate: a simulate run failed\n");
            goto done;
        }
        section++;
    } else {
        lint_fail[0] = '\0';
    }
    fprintf(body, "## %d. What fails\n\n", section);
    if (cr->n_fails == 0 && !lint_fail[0])
        fprintf(body, "Nothing: every figure and claim above passes.\n");
    for (int i = 0; i < cr->n_fails; i++)
        fprintf(body, "- %s\n", cr->fails[i]);
    if (lint_fail[0])
        fprintf(body, "- %s\n", lint_fail);
    fclose(body);
    body = NULL;

    fprintf(out, "# Validation: the model against the record\n\n");
    fprintf(out,
            "Generated by `%s` (hokushin %s, scenario `%s`, seed %llu, %d simulate runs per ensemble). "
            "Do not edit by hand: `make validate` regenerates this file, and the same seed gives the same "
            "numbers whatever the number of threads.%s\n\n",
            o->command ? o->command : "hokushin validate", HK_VERSION, s->id ? s->id : "?",
            (unsigned long long)o->seed, o->runs,
            o->runs < 1000 ? " **Fewer than 1,000 runs: a smoke test, not the report of record.**" : "");
    fprintf(out, "**Summary:** %d figures, %d pass and %d fail; %d causal claims, %d pass and %d fail.\n\n",
            c->figures, c->figures - c->figures_failed, c->figures_failed, c->claims,
            c->claims - c->claims_failed, c->claims_failed);
    fwrite(text, 1, text_len, out);
    rc = c->figures_failed + c->claims_failed;
    if (json) {
        *json = json_pack("{s:s, s:o, s:i, s:i, s:i, s:i, s:i, s:o, s:o}", "scenario", s->id ? s->id : "", "seed",
                          hk_json_seed(o->seed), "runs", o->runs, "figures_failed", c->figures_failed,
                          "figures_total", c->figures, "claims_failed", c->claims_failed, "claims_total", c->claims,
                          "figures", hk_val_figures_json(c), "claims", hk_val_claims_json(c));
    }
done:
    if (body)
        fclose(body);
    free(c);
    free(cr);
    free(text);
    return rc;
}
