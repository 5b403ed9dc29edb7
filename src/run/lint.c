/* lint.c — the history linter (see lint.h).
 *
 * It reads a run as its outputs do, from the event log and the month
 * summaries, and keeps its own account of what has happened (who has
 * surrendered, which treaties are in force, whether Japan's troops are in
 * Siberia), so it checks the model rather than repeating its logic. The
 * events of a month are held until the month's summary arrives, which says
 * which actors exist and in what form, and are read in the order the
 * outputs print them (world/event_order.h). */
#include "run/lint.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/event_order.h"

#define HK_LINT_HELD 512

static const struct { const char *id, *rule; } kinds[HK_LINT_COUNT] = {
    [HK_LINT_ACTOR_SPAN] = {"actor_span", "an event names, or the map shows men of, an actor outside its span"},
    [HK_LINT_PRECONDITION] = {"treaty_precondition", "a treaty is signed before its preconditions hold"},
    [HK_LINT_CASUALTIES] = {"casualties_above_committed", "a side loses more men than it committed"},
    [HK_LINT_AFTER_END] = {"after_surrender", "an event of a party after its surrender"},
    [HK_LINT_NEGATIVE_FORCE] = {"force_below_zero", "men, tanks, guns or aircraft below zero"},
    [HK_LINT_TREATY_STATE] = {"treaty_state", "a treaty signed while in force, or denounced or ended while not"},
    [HK_LINT_EMPTY_BATTLE] = {"empty_battle", "a battle in which a side commits no one"},
    [HK_LINT_WIPED_OUT] = {"wiped_out_in_days", "a side loses half of what it committed within three days"},
    [HK_LINT_SURRENDER_CHAIN] = {"surrender_before_shocks",
                                 "Japan surrenders with neither an atomic bombing nor a war with the USSR behind it, "
                                 "or, the USSR pledged to the Allies, before the Soviet entry"},
};

const char *hk_lint_id(hk_lint_kind k) { return k < HK_LINT_COUNT ? kinds[k].id : "unknown"; }
const char *hk_lint_rule(hk_lint_kind k) { return k < HK_LINT_COUNT ? kinds[k].rule : "unknown"; }

long hk_lint_total(const hk_lint_report *r)
{
    long n = 0;
    for (int k = 0; k < HK_LINT_COUNT; k++)
        n += r->count[k];
    return n;
}

/* An event held until its month's summary. */
typedef hk_log_event held;

struct hk_linter {
    const hk_scenario *s;
    hk_lint_report *rep;
    uint64_t run;
    bool hit[HK_LINT_COUNT];
    held ev[HK_LINT_HELD];
    int32_t key[HK_LINT_HELD];
    int n_ev;
    /* the linter's own account of the run */
    bool surrendered[HK_MAX_ACTORS];
    hk_month surrendered_on[HK_MAX_ACTORS];
    bool in_force[HK_MAX_TREATIES];
    bool in_siberia, seized, china_war;
    bool atomic, pledge, sov_war; /* the shocks of 1945 seen so far */
};
typedef struct hk_linter linter;

static void violation(linter *l, hk_lint_kind k, hk_date date, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void violation(linter *l, hk_lint_kind k, hk_date date, const char *fmt, ...)
{
    hk_lint_report *r = l->rep;
    r->count[k]++;
    if (!l->hit[k]) {
        l->hit[k] = true;
        r->runs_with[k]++;
    }
    if (r->n_examples[k] >= HK_LINT_EXAMPLES)
        return;
    hk_lint_example *e = &r->example[k][r->n_examples[k]++];
    e->run = l->run;
    e->date = date;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
}

static const char *aid(const linter *l, int a)
{
    return a >= 0 && a < l->s->n_actors ? l->s->actors[a].id : "?";
}

static void on_event(void *ud, const hk_log_event *e)
{
    linter *l = ud;
    if (l->n_ev == HK_LINT_HELD)
        return;
    l->ev[l->n_ev++] = *e;
}

static bool exists(const hk_month_summary *m, int a)
{
    return a < 0 || a >= 32 || (m->present >> a & 1u);
}

static bool condition_holds(const linter *l, hk_precondition c, const hk_month_summary *m)
{
    switch (c) {
    case HK_PRE_SIBERIA_SETTLED: return !l->in_siberia;
    case HK_PRE_MANCHURIA_SEIZED: return l->seized;
    case HK_PRE_CHINA_WAR: return l->china_war;
    case HK_PRE_COMINTERN_HOSTILE: return m->flags >> HK_EFFECT_POPULAR_FRONT & 1u;
    case HK_PRE_ARMY_SPLIT: return true; /* read from factions_formed; no treaty waits on it */
    case HK_PRE_REPRISAL_HELD: return true; /* only what a treaty's talks were over; no treaty waits on it */
    case HK_PRE_SOVIET_GROUND_HELD: return true; /* only how an outside event is told; no treaty waits on it */
    default: return false;
    }
}

static void check_battle(linter *l, const held *h)
{
    const hk_event_facts *f = &h->facts;
    static const char *const side[2] = {"Japanese", "Soviet"};
    for (int i = 0; i < 2; i++) {
        if (f->committed[i] >= 0 && f->casualties[i] > f->committed[i] + 0.5)
            violation(l, HK_LINT_CASUALTIES, h->date, "%s %s: the %s side loses %.0f of %.0f committed",
                      h->kind, h->id ? h->id : "", side[i], f->casualties[i], f->committed[i]);
        if (f->committed[i] >= 0 && f->committed[i] < 1 && !strcmp(h->kind, "battle"))
            violation(l, HK_LINT_EMPTY_BATTLE, h->date, "%s %s: the %s side commits %.0f men", h->kind,
                      h->id ? h->id : "", side[i], f->committed[i]);
        if (f->committed[i] >= 100 && f->casualties[i] >= 0.5 * f->committed[i] && f->days > 0 && f->days <= 3)
            violation(l, HK_LINT_WIPED_OUT, h->date, "%s %s: the %s side loses %.0f of %.0f in %d day%s",
                      h->kind, h->id ? h->id : "", side[i], f->casualties[i], f->committed[i], f->days,
                      f->days == 1 ? "" : "s");
    }
}

static void check_treaty(linter *l, const held *h, const hk_month_summary *m)
{
    const hk_scenario *s = l->s;
    int t = -1;
    for (int i = 0; h->id && i < s->n_treaties; i++)
        if (!strcmp(s->treaties[i].id, h->id))
            t = i;
    if (t < 0)
        return;
    const hk_treaty *x = &s->treaties[t];
    if (!strcmp(h->kind, "treaty_signed")) {
        if (l->in_force[t])
            violation(l, HK_LINT_TREATY_STATE, h->date, "%s signed while already in force", x->id);
        for (int i = 0; i < x->n_requires; i++) {
            const hk_requirement *q = &x->requires[i];
            if (q->condition >= 0 && !condition_holds(l, (hk_precondition)q->condition, m))
                violation(l, HK_LINT_PRECONDITION, h->date, "%s signed without %s: %s", x->id,
                          hk_precondition_name((hk_precondition)q->condition), h->text ? h->text : "");
            if (q->treaty >= 0 && !l->in_force[q->treaty])
                violation(l, HK_LINT_PRECONDITION, h->date, "%s signed while %s is not in force: %s", x->id,
                          s->treaties[q->treaty].id, h->text ? h->text : "");
            if (q->condition < 0 && q->treaty < 0 && q->actor >= 0 && m->form[q->actor] != q->form)
                violation(l, HK_LINT_PRECONDITION, h->date, "%s signed while %s is not %s: %s", x->id,
                          aid(l, q->actor), s->actors[q->actor].forms[q->form].id, h->text ? h->text : "");
        }
        l->in_force[t] = true;
    } else if (!strcmp(h->kind, "treaty_denounced") || !strcmp(h->kind, "treaty_ended")) {
        if (!l->in_force[t])
            violation(l, HK_LINT_TREATY_STATE, h->date, "%s %s while not in force", x->id,
                      h->kind + strlen("treaty_"));
        if (!strcmp(h->kind, "treaty_ended"))
            l->in_force[t] = false;
    }
}

/* What the run's own events say has happened. */
static void note(linter *l, const held *h, hk_month month)
{
    const hk_scenario *s = l->s;
    if (!h->kind || !h->id)
        return;
    if (!strcmp(h->id, "intervention"))
        l->in_siberia = true;
    else if (!strcmp(h->id, "withdrawal"))
        l->in_siberia = false;
    else if (!strcmp(h->id, "seize_manchuria"))
        l->seized = true;
    else if (!strcmp(h->id, "china_war"))
        l->china_war = true;
    if (!strcmp(h->kind, "outside_event"))
        for (int e = 0; e < s->n_events; e++)
            if (!strcmp(s->events[e].id, h->id)) {
                l->atomic |= s->events[e].effect == HK_EFFECT_ATOMIC;
                l->pledge |= s->events[e].effect == HK_EFFECT_ALLIED_PLEDGE;
            }
    if (!strcmp(h->kind, "war")) {
        bool jpn = false, sov = false;
        for (int k = 0; k < h->n_actors; k++) {
            jpn |= h->actors[k] == s->jpn;
            sov |= h->actors[k] == s->sov;
        }
        l->sov_war |= jpn && sov;
    }
    /* a surrender names the party that surrenders first, then those it
     * surrenders to */
    if (!strcmp(h->kind, "peace") && !strcmp(h->id, "surrender") && h->n_actors > 0) {
        int a = h->actors[0];
        if (a >= 0 && a < s->n_actors && !l->surrendered[a]) {
            l->surrendered[a] = true;
            l->surrendered_on[a] = month;
        }
    }
}

static void on_month(void *ud, const hk_month_summary *m)
{
    linter *l = ud;
    const hk_scenario *s = l->s;
    l->rep->months++;
    hk_date first = {(int16_t)hk_month_year(m->month), (int8_t)hk_month_mon(m->month), 0};
    /* the month's events as the outputs give them: a surrender printed
     * before the bomb that brought it is read so */
    hk_event_order(l->ev, l->key, l->n_ev, 0);
    for (int i = 0; i < l->n_ev; i++) {
        const held *h = &l->ev[i];
        l->rep->events++;
        for (int k = 0; k < h->n_actors; k++)
            if (!exists(m, h->actors[k]))
                violation(l, HK_LINT_ACTOR_SPAN, h->date, "%s %s names %s: %s", h->kind, h->id ? h->id : "",
                          aid(l, h->actors[k]), h->text ? h->text : "");
        /* after a surrender: the treaties it ends lapse, and in its month its
         * armies lay down their arms (the surrender taking effect) once the
         * order reaches their fronts and besieged garrisons, fighting until
         * then (the Kwantung Army's ceasefire of 17-19 August 1945, Hutou to
         * the 26th, glantz2003), nothing else */
        bool after = false;
        int who = -1;
        for (int k = 0; k < h->n_actors; k++) {
            int a = h->actors[k];
            if (a >= 0 && a < s->n_actors && l->surrendered[a] && hk_date_month(h->date) >= l->surrendered_on[a] &&
                !(hk_date_month(h->date) == l->surrendered_on[a] &&
                  (!strcmp(h->kind, "peace") || !strcmp(h->kind, "occupation") || !strcmp(h->kind, "front") || !strcmp(h->kind, "war_month"))) &&
                strcmp(h->kind, "treaty_ended") != 0) {
                after = true;
                who = a;
            }
        }
        if (after)
            violation(l, HK_LINT_AFTER_END, h->date, "%s %s after %s's surrender: %s", h->kind, h->id ? h->id : "",
                      aid(l, who), h->text ? h->text : "");
        /* Japan gives up the hope of a decisive battle only to an atomic
         * bombing or a war lost in Manchuria, and the hope of Soviet
         * mediation, once Moscow has pledged itself to the Allies, only to
         * the Soviet entry (docs/model.md#politics-peace) */
        if (h->kind && h->id && !strcmp(h->kind, "peace") && !strcmp(h->id, "surrender") && h->n_actors > 0 &&
            h->actors[0] == s->jpn && !l->surrendered[s->jpn] &&
            ((!l->atomic && !l->sov_war) || (l->pledge && !l->sov_war)))
            violation(l, HK_LINT_SURRENDER_CHAIN, h->date, "Japan surrenders %s: %s",
                      !l->sov_war && !l->atomic ? "with neither an atomic bombing nor a war with the USSR behind it"
                                                : "before the Soviet entry the USSR pledged to the Allies",
                      h->text ? h->text : "");
        /* a faction acts only once formed (actors.yaml `emerges`) */
        if (h->kind && h->id && (!strcmp(h->kind, "coup") || !strcmp(h->kind, "purge")))
            for (int f = 0; f < s->n_factions && f < 32; f++)
                if (!strcmp(s->factions[f].id, h->id) && !(m->factions_formed >> f & 1u))
                    violation(l, HK_LINT_ACTOR_SPAN, h->date, "%s %s before the faction has formed: %s", h->kind,
                              h->id, h->text ? h->text : "");
        if (h->has_facts)
            check_battle(l, h);
        if (h->kind && !strncmp(h->kind, "treaty_", 7))
            check_treaty(l, h, m);
        note(l, h, m->month);
    }
    l->n_ev = 0;
    /* the map */
    for (int k = 0; k < s->n_sectors; k++)
        for (int side = 0; side < 2; side++) {
            const hk_side_forces *f = &m->forces[k][side];
            if (f->men < 0 || f->tanks < 0 || f->guns < 0 || f->aircraft < 0)
                violation(l, HK_LINT_NEGATIVE_FORCE, first, "sector %s, %s side: %.0f men, %.0f tanks, %.0f guns, "
                          "%.0f aircraft", s->sectors[k].id, side ? "Soviet" : "Japanese", f->men, f->tanks, f->guns,
                          f->aircraft);
        }
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &m->formations[f];
        if (fs->men < 0 || fs->tanks < 0 || fs->guns < 0 || fs->aircraft < 0)
            violation(l, HK_LINT_NEGATIVE_FORCE, first, "formation %s: %.0f men, %.0f tanks, %.0f guns, %.0f aircraft",
                      s->formations[f].id, fs->men, fs->tanks, fs->guns, fs->aircraft);
        int a = s->formations[f].actor;
        if (fs->men >= 1 && !exists(m, a))
            violation(l, HK_LINT_ACTOR_SPAN, first, "formation %s of %s stands with %.0f men before or after %s exists",
                      s->formations[f].id, aid(l, a), fs->men, aid(l, a));
    }
}

hk_linter *hk_lint_begin(const hk_scenario *s, hk_lint_report *rep, uint64_t run, hk_observer *obs)
{
    linter *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->s = s;
    l->rep = rep;
    l->run = run;
    *obs = (hk_observer){.on_event = on_event, .on_month = on_month, .ud = l};
    return l;
}

void hk_lint_end(hk_linter *l)
{
    if (l)
        l->rep->runs++;
    free(l);
}

int hk_lint_runs(const hk_setup *setup, uint64_t seed, int runs, hk_lint_report *out,
                 void (*progress)(int done, int runs, void *ud), void *ud)
{
    memset(out, 0, sizeof *out);
    out->seed = seed;
    for (int r = 0; r < runs; r++) {
        hk_observer obs;
        linter *l = hk_lint_begin(setup->scenario, out, (uint64_t)r, &obs);
        if (!l)
            return -1;
        hk_outcomes o;
        int rc = hk_run(setup, HK_MODE_SIMULATE, seed, (uint64_t)r, HK_MONTH_NONE, &obs, &o);
        hk_lint_end(l);
        if (rc != 0)
            return -1;
        if (progress && ((r + 1) % 500 == 0 || r + 1 == runs))
            progress(r + 1, runs, ud);
    }
    return 0;
}
