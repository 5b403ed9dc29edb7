/* public.c — include/hokushin.h, the library's opaque surface, over the
 * layers' own functions (world/api.h, run/ensemble.h): handles on the heap,
 * messages as text, events as strings. */
#include "hokushin.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/ensemble.h"
#include "run/stats.h"
#include "world/api.h"

struct hk_ensemble_summary {
    hk_ensemble_result res;
};

hk_scenario *hk_open_scenario(const char *dir, char *err, size_t errlen)
{
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = dir ? hk_scenario_load_dir(dir, &d) : hk_scenario_load_builtin(&d);
    if (!s && err && errlen > 0) {
        char *text = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&text, &len);
        if (mem) {
            hk_diag_print(&d, mem);
            fclose(mem);
        }
        snprintf(err, errlen, "%s", text && len ? text : "out of memory loading the scenario");
        free(text);
    }
    hk_diag_free(&d);
    return s;
}

hk_setup *hk_setup_new(const hk_scenario *s)
{
    hk_setup *setup = s ? malloc(sizeof *setup) : NULL;
    if (setup)
        hk_setup_init(setup, s);
    return setup;
}

void hk_setup_delete(hk_setup *setup) { free(setup); }

hk_outcomes *hk_outcomes_new(void) { return calloc(1, sizeof(hk_outcomes)); }

void hk_outcomes_delete(hk_outcomes *o) { free(o); }

typedef struct event_relay {
    hk_event_fn fn;
    void *ud;
} event_relay;

static void relay_event(void *ud, const hk_log_event *e)
{
    const event_relay *r = ud;
    char date[16];
    hk_date_format(e->date, date);
    r->fn(r->ud, date, e->kind, e->id, e->text, e->source);
}

int hk_history(const hk_setup *setup, int mode, uint64_t seed, uint64_t run, hk_event_fn on_event, void *ud,
               hk_outcomes *out)
{
    if (mode != HK_HISTORY_REPLAY && mode != HK_HISTORY_SIMULATE)
        return -1;
    event_relay relay = {on_event, ud};
    hk_observer obs = {relay_event, NULL, &relay};
    return hk_run(setup, mode == HK_HISTORY_REPLAY ? HK_MODE_REPLAY : HK_MODE_SIMULATE, seed, run, HK_MONTH_NONE,
                  on_event ? &obs : NULL, out);
}

int hk_outcome_count(void) { return HK_OUTCOME_COUNT; }

static bool outcome_ok(int i) { return i >= 0 && i < HK_OUTCOME_COUNT; }

const char *hk_outcome_name(int i) { return outcome_ok(i) ? hk_outcome_table[i].name : NULL; }

const char *hk_outcome_doc(int i) { return outcome_ok(i) ? hk_outcome_table[i].doc : NULL; }

bool hk_outcome_is_proportion(int i) { return outcome_ok(i) && hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION; }

hk_ensemble_summary *hk_ensemble(const hk_setup *setup, uint64_t seed, int64_t runs, int threads, char *err,
                                 size_t errlen)
{
    char none[8];
    if (!err || errlen == 0) {
        err = none;
        errlen = sizeof none;
    }
    if (!setup || runs < 0 || threads < 0) {
        snprintf(err, errlen, "an ensemble needs a setup, runs >= 0 and threads >= 0");
        return NULL;
    }
    hk_ensemble_summary *e = calloc(1, sizeof *e);
    if (!e) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    hk_ensemble_config cfg = {.setup = setup, .seed = seed, .runs = runs, .threads = threads};
    if (hk_ensemble_run(&cfg, &e->res, err, errlen) != 0) {
        free(e);
        return NULL;
    }
    return e;
}

void hk_ensemble_summary_free(hk_ensemble_summary *e) { free(e); }

int64_t hk_ensemble_runs(const hk_ensemble_summary *e) { return e ? e->res.runs : 0; }

double hk_ensemble_outcome(const hk_ensemble_summary *e, int i, double *lo, double *hi)
{
    double v = NAN;
    hk_interval ci = {NAN, NAN};
    if (e && outcome_ok(i)) {
        const hk_moments *m = &e->res.outcomes.outcome[i];
        v = m->n ? hk_moments_mean(m) : NAN;
        if (m->n && hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION)
            ci = hk_stats_wilson((int64_t)llround(v * (double)m->n), m->n, 0.95);
        else if (m->n)
            ci = hk_stats_t_interval(v, hk_moments_sd(m), m->n, 0.95);
    }
    if (lo)
        *lo = ci.lo;
    if (hi)
        *hi = ci.hi;
    return v;
}
