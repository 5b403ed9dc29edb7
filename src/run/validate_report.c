/* validate_report.c — the checks of docs/validation.md: the model against
 * the record, computed here as data; the document is src/out's
 * (validate_md.c, validate_sections.c).
 *
 * Every number in the report is computed here from a fresh ensemble and the
 * loaded scenario: the recorded values come from the scenario's record
 * (record.yaml, treaties, events), never from this file. The tolerances
 * (validate.h) and pass rules are stated next to each figure. */
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

typedef struct report {
    const hk_scenario *s;
    const hk_val_options *o;
    hk_setup setup;
    hk_outcomes *base; /* runs 0..runs-1 of the baseline */
    int runs;
    hk_val_checks *c;
} report;

/* ---- small helpers ------------------------------------------------------- */

static double year_fraction(hk_date d)
{
    double day = d.day > 0 ? (d.day - 1.0) / hk_days_in_month(d.year, d.month) : 0;
    return d.year + (d.month - 1 + day) / 12.0;
}

static double months_between(hk_date a, hk_date b)
{
    return (year_fraction(b) - year_fraction(a)) * 12.0;
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

/* ---- the figures ---------------------------------------------------------- */

/* A new figure of the current section, counted; NULL when the list is full. */
static hk_val_figure *figure(report *r, hk_val_section section, hk_val_figure_kind kind, const char *name,
                             const char *source, const char *part)
{
    hk_val_checks *c = r->c;
    if (c->n_fig >= HK_VAL_MAX_FIGURES)
        return NULL;
    hk_val_figure *f = &c->fig[c->n_fig++];
    memset(f, 0, sizeof *f);
    f->section = section;
    f->kind = kind;
    snprintf(f->figure, sizeof f->figure, "%s", name);
    snprintf(f->source, sizeof f->source, "%s", source ? source : "");
    f->part = part;
    f->unit = "";
    return f;
}

static void judged(report *r, hk_val_figure *f, bool pass)
{
    r->c->figures++;
    f->pass = pass;
    if (!pass)
        r->c->figures_failed++;
}

/* A figure the scenario holds no record for: it fails. */
static hk_val_figure *absent_row(report *r, hk_val_section section, const char *name, const char *why)
{
    hk_val_figure *f = figure(r, section, HK_VAL_ABSENT, name, NULL, NULL);
    if (f) {
        f->why = why;
        judged(r, f, false);
    }
    return f;
}

/* A mean figure against a recorded value or range [lo, hi]. */
static hk_val_figure *mean_row(report *r, hk_val_section section, const char *name, const char *source,
                               const double *v, int n, double rec_lo, double rec_hi, double tol_rel, double tol_abs,
                               int decimals, const char *part, const char *unit)
{
    hk_val_figure *f = figure(r, section, HK_VAL_MEAN, name, source, part);
    if (!f)
        return NULL;
    hk_val_summarize(v, n, &f->sm);
    f->n = n;
    f->rec_lo = rec_lo;
    f->rec_hi = rec_hi;
    f->tol_rel = tol_rel;
    f->tol_abs = tol_abs;
    f->decimals = decimals;
    f->unit = unit;
    f->accept_lo = tol_rel > 0 ? rec_lo * (1 - tol_rel) : rec_lo - tol_abs;
    f->accept_hi = tol_rel > 0 ? rec_hi * (1 + tol_rel) : rec_hi + tol_abs;
    judged(r, f, f->sm.n > 0 && f->sm.mean >= f->accept_lo && f->sm.mean <= f->accept_hi);
    return f;
}

/* A yes/no figure: the record's outcome must be the more likely one. */
static void prop_row(report *r, const char *name, bool record, const char *source, int k, int n)
{
    hk_val_figure *f = figure(r, HK_VAL_SEC_RECORD, HK_VAL_PROP, name, source, "held out");
    if (!f)
        return;
    f->rec_lo = f->rec_hi = record;
    f->k = k;
    f->n = n;
    double p = n ? (double)k / n : NAN;
    judged(r, f, n > 0 && (record ? p > 0.5 : p < 0.5));
}

static int count_true(const report *r, hk_metric m)
{
    int k = 0;
    for (int i = 0; i < r->runs; i++)
        k += hk_metric_value(m, &r->base[i], &r->setup) == 1.0;
    return k;
}

static int record_section(report *r)
{
    const hk_scenario *s = r->s;
    int n = r->runs;
    double *v = malloc(sizeof(double) * (size_t)n);
    if (!v)
        return -1;
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
        mean_row(r, HK_VAL_SEC_RECORD, fig, ic->source.text, v, n, ic->count, ic->count, HK_VAL_TOL_INCIDENTS, 0, 1,
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
            mean_row(r, HK_VAL_SEC_RECORD, fig, kg->source.text, v, n, bs->casualties,
                     bs->casualties_hi > 0 ? bs->casualties_hi : bs->casualties, HK_VAL_TOL_CASUALTIES, 0, 0,
                     "held out", "");
        }
    }

    /* The Siberian Intervention's dead: the recorded range runs from the
     * killed plus disease deaths to the round total of all dead. */
    double lo = 0, hi = 0;
    const char *src_lo = NULL, *src_hi = NULL;
    hk_val_figure *siberia;
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
        siberia = mean_row(r, HK_VAL_SEC_RECORD, "Japanese dead of the Siberian Intervention", src, v, n, lo, hi,
                           HK_VAL_TOL_LOSSES, 0, 0, "held out", "");
    } else {
        siberia = absent_row(r, HK_VAL_SEC_RECORD, "Japanese dead of the Siberian Intervention",
                             "the scenario records no loss figure for the intervention (record.yaml `losses`)");
    }
    if (siberia)
        siberia->then_interventions = true;
    for (int k = 0; k < n; k++)
        r->c->record.interventions += r->base[k].intervention_dead > 0;

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
        mean_row(r, HK_VAL_SEC_RECORD, fig, tr->source.text, v, n, year_fraction(tr->signed_on),
                 year_fraction(tr->signed_on), 0, HK_VAL_TOL_PACT_YEARS, 2, "held out", " y");
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
        mean_row(r, HK_VAL_SEC_RECORD, "Months from Germany's defeat to the Soviet entry", src, v, n, rec, rec, 0,
                 HK_VAL_TOL_ENTRY_MONTHS, 1, "held out", " mo");
        /* The distribution, since the claim is about "within months". */
        hk_val_record_extra *x = &r->c->record;
        x->entry_bins = true;
        x->end = s->end;
        for (int k = 0; k < n; k++) {
            double m = v[k];
            int bin = isnan(m) ? 8 : m < 0 ? 0 : m >= 7 ? 7 : (int)floor(m);
            x->bins[bin]++;
        }
    }
    free(v);
    return 0;
}

/* ---- Khalkhin Gol from the historical forces ----------------------------- */

static int combat_section(report *r)
{
    const hk_scenario *s = r->s;
    const hk_battle *kg = record_battle(s, "khalkhin_gol");
    if (!kg) {
        absent_row(r, HK_VAL_SEC_COMBAT, "Khalkhin Gol casualties", "the scenario records no battle khalkhin_gol");
        return 0;
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
        return -1;
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
    hk_val_kg *g = &r->c->kg;
    g->recorded = true;
    g->id = kg->id;
    g->start = kg->start;
    g->end = kg->end;
    g->terrain = hk_terrain_name(kg->terrain);
    g->att_id = s->actors[kg->attacker.actor].id;
    g->def_id = s->actors[kg->defender.actor].id;
    g->days = days;
    g->from_opening = has_start[0] && has_start[1];
    g->central[0] = central.casualties[0];
    g->central[1] = central.casualties[1];
    g->central_winner = central.winner;
    g->central_ok = true;
    for (int i = 0; i < 2; i++) {
        double lo = bs[i]->casualties, hi = bs[i]->casualties_hi > 0 ? bs[i]->casualties_hi : lo;
        if (lo < 0 || central.casualties[i] < (1 - HK_VAL_TOL_CASUALTIES) * lo ||
            central.casualties[i] > (1 + HK_VAL_TOL_CASUALTIES) * hi)
            g->central_ok = false;
    }
    memcpy(g->wins, wins, sizeof wins);
    g->record_winner = kg->winner;
    g->runs = n;
    for (int i = 0; i < 2; i++) {
        const hk_battle_side *x = bs[i];
        if (x->casualties < 0)
            continue;
        char fig[128];
        snprintf(fig, sizeof fig, "Khalkhin Gol casualties, %s (%s)", i ? "defender" : "attacker",
                 s->actors[x->actor].id);
        mean_row(r, HK_VAL_SEC_COMBAT, fig, kg->source.text, cas[i], n, x->casualties,
                 x->casualties_hi > 0 ? x->casualties_hi : x->casualties, HK_VAL_TOL_CASUALTIES, 0, 0, "held out",
                 "");
    }
    free(cas[0]);
    free(cas[1]);
    return 0;
}

/* ---- calibration ------------------------------------------------------- */

static void calibration_section(report *r)
{
    const hk_scenario *s = r->s;
    hk_val_calibration *cal = &r->c->calibration;
    cal->n_params = hk_calibrate_free_params(s, cal->param);
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
    cal->fit_sum = fit;
    cal->held_sum = held;
    cal->n_fit = nf;
    cal->n_held = nh;
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
static void factor_row(report *r, const char *name, const char *source, const double *v, int n, double rec)
{
    hk_val_figure *f = figure(r, HK_VAL_SEC_WAR, HK_VAL_FACTOR, name, source, "held out");
    if (!f)
        return;
    hk_val_summarize(v, n, &f->sm);
    f->n = n;
    f->rec_lo = f->rec_hi = rec;
    judged(r, f, f->sm.n > 0 && !isnan(rec) && f->sm.mean >= rec / 2 && f->sm.mean <= rec * 2);
}

/* The Soviet offensive of 1945 as the runs fight it (docs/model.md#war-campaign):
 * runs where the USSR enters a war on Japan with no general war before. */
static int war_section(report *r)
{
    const hk_scenario *s = r->s;
    double *v[5];
    for (int k = 0; k < 5; k++)
        v[k] = malloc(sizeof(double) * (size_t)(r->runs > 0 ? r->runs : 1));
    if (!v[0] || !v[1] || !v[2] || !v[3] || !v[4]) {
        for (int k = 0; k < 5; k++)
            free(v[k]);
        return -1;
    }
    int n = 0;
    for (int i = 0; i < r->runs; i++) {
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
    r->c->war_runs = n;
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
    for (int k = 0; k < 5; k++)
        free(v[k]);
    return 0;
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
    hk_val_strike *st = &r->c->strike;
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

/* Puts every claim to the model: the results as data (src/out/validate_md.c
 * writes their section). */
static int claims_section(report *r)
{
    hk_val_checks *ck = r->c;
    hk_outcomes *more = NULL; /* the observed claims' further runs, shared */
    if (hk_claim_count > HK_VAL_MAX_CLAIMS) {
        fprintf(stderr, "hokushin: validate: %d claims, room for %d (HK_VAL_MAX_CLAIMS)\n", hk_claim_count,
                HK_VAL_MAX_CLAIMS);
        return -1;
    }
    for (int i = 0; i < hk_claim_count; i++) {
        const hk_claim *c = &hk_claim_table[i];
        if (r->o->progress)
            fprintf(stderr, "validate: claim %d/%d %s\n", i + 1, hk_claim_count, c->id);
        hk_val_claim *vc = &ck->claim[ck->n_claim];
        vc->index = i;
        if (hk_claim_eval(c, &r->setup, r->base, r->runs, r->o->seed, r->o->threads, &more, &vc->res) != 0) {
            free(more);
            return -1;
        }
        ck->n_claim++;
        ck->claims++;
        if (vc->res.status != HK_CLAIM_PASS)
            ck->claims_failed++;
    }
    free(more);
    return 0;
}

/* ---- the whole report ---------------------------------------------------- */

/* Runs every check of sections 1-6 into r->c. Returns 0, or -1 on a
 * program failure. */
static int run_checks(report *r)
{
    const hk_val_options *o = r->o;
    if (hk_val_batch(&r->setup, o->seed, 0, o->runs, o->threads, HK_MONTH_NONE, r->base,
                     o->progress ? progress_line : NULL, "baseline") != 0)
        return -1;
    if (record_section(r) != 0 || combat_section(r) != 0 || war_section(r) != 0 || strike_north_section(r) != 0)
        return -1;
    calibration_section(r);
    if (claims_section(r) != 0)
        return -1;
    /* section 6 (validate_forces.c): its figures count with the others */
    hk_val_forces *vf = &r->c->forces;
    if (hk_val_forces_compute(&r->setup, o->seed, r->base, r->runs, vf) != 0)
        return -1;
    for (int i = 0; i < HK_VAL_F_COUNT; i++) {
        r->c->figures++;
        if (!hk_val_forces_pass(vf, i))
            r->c->figures_failed++;
    }
    return 0;
}

int hk_val_checks_run(const hk_scenario *s, const hk_val_options *o, hk_val_checks *out)
{
    memset(out, 0, sizeof *out);
    out->runs = o->runs;
    out->seed = o->seed;
    report r = {.s = s, .o = o, .runs = o->runs, .c = out};
    hk_setup_init(&r.setup, s);
    r.base = malloc(sizeof *r.base * (size_t)(o->runs > 0 ? o->runs : 1));
    int rc = r.base && run_checks(&r) == 0 ? 0 : -1;
    free(r.base);
    return rc;
}
