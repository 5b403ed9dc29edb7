/* params_json.c — the document of settable keys (see params_json.h). One
 * builder, so the command line and the web page never list different keys. */
#include "out/params_json.h"

#include <math.h>
#include <stdio.h>

#include "run/labels.h"

/* JSON has no NaN or infinity: an unset range prints as null. */
static json_t *num_or_null(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *params_list(const hk_setup *setup)
{
    const hk_scenario *s = setup->scenario;
    json_t *params = json_array();
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        const hk_param_value *p = &s->params[i];
        json_array_append_new(params, json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:s}", "key", hk_param_table[i].key, "label",
                                                hk_label_param(hk_param_table[i].key),
                                                "value", num_or_null(setup->param[i]), "unit", hk_param_table[i].unit,
                                                "min", num_or_null(p->min), "max", num_or_null(p->max), "source",
                                                p->source.text ? p->source.text : "", "doc", hk_param_table[i].doc));
    }
    return params;
}

static void add_decision(void *ud, const char *name, const char *what)
{
    json_array_append_new((json_t *)ud, json_pack("{s:s, s:s}", "id", name, "label", what));
}

json_t *hk_params_json(const hk_scenario *s)
{
    hk_setup setup;
    hk_setup_init(&setup, s);
    return hk_params_json_setup(&setup);
}

json_t *hk_params_json_setup(const hk_setup *setup)
{
    const hk_scenario *s = setup->scenario;
    json_t *events = json_array(), *without = json_array();
    for (int e = 0; e < s->n_events; e++) {
        const hk_event *ev = &s->events[e];
        char key[HK_ID_LEN + 8], date[16];
        snprintf(key, sizeof key, "%s.date", ev->id);
        hk_date_format(setup->event_date[e], date);
        const char *name = ev->name ? ev->name : ev->id;
        json_array_append_new(events, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "key", key, "id", ev->id, "value",
                                                date, "unit", "date", "name", name, "label", name, "source",
                                                ev->source.text ? ev->source.text : ""));
        json_t *w = json_pack("{s:s, s:s, s:s, s:s}", "id", ev->id, "kind", "event", "name", name, "label", name);
        if (setup->event_removed[e])
            json_object_set_new(w, "removed", json_true());
        json_array_append_new(without, w);
    }
    for (int t = 0; t < s->n_treaties; t++) {
        const hk_treaty *tr = &s->treaties[t];
        const char *tname = tr->name ? tr->name : tr->id;
        json_t *w = json_pack("{s:s, s:s, s:s, s:s}", "id", tr->id, "kind", "treaty", "name", tname, "label", tname);
        if (setup->treaty_forbidden[t])
            json_object_set_new(w, "removed", json_true());
        json_array_append_new(without, w);
    }
    json_t *decide = json_array();
    hk_decisions_each(s, add_decision, decide);
    return json_pack("{s:o, s:o, s:o, s:o}", "params", params_list(setup), "events", events, "without", without,
                     "decide", decide);
}
