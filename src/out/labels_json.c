/* labels_json.c — labels and the record's outcomes as JSON (see
 * labels_json.h). */
#include "out/labels_json.h"

#include <math.h>

#include "core/date.h"
#include "world/params.h"
#include "run/labels.h"

static const char *const event_kinds[] = {
    "fact", "event", "decision", "cabinet", "forces", "incident", "outside_event", "battle", "battle_result",
    "treaty_signed", "treaty_ended", "treaty_denounced", "purge", "coup", "war", "peace", "doctrine", "control",
    "front", "war_month", "encirclement", "occupation", "campaign", "mobilisation", "order",
};

json_t *hk_history_json(const hk_outcomes *o)
{
    json_t *h = json_object();
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        double v = hk_outcome_value(o, i);
        char text[64];
        hk_label_outcome_value(i, v, text, sizeof text);
        json_object_set_new(h, hk_outcome_table[i].name,
                            json_pack("{s:o, s:s}", "value", isfinite(v) ? json_real(v) : json_null(), "text", text));
    }
    return h;
}

/* {ID: {"name", "forms": [{"id", "name", "from"}], "until"}}: each actor's
 * name in each of its forms, `from` the first whole month the form holds (a
 * form begun after the 1st holds from the next month, as world/actors.c
 * reads it), so that a page names the Soviet side "Soviet Russia" in 1919
 * and "the USSR" in 1945. */
static json_t *actor_names(const hk_scenario *s)
{
    json_t *all = json_object();
    for (int a = 0; a < s->n_actors; a++) {
        const hk_actor *x = &s->actors[a];
        json_t *forms = json_array();
        for (int f = 0; f < x->n_forms; f++) {
            char from[16];
            hk_month_format(hk_date_month(x->forms[f].from) + (x->forms[f].from.day > 1 ? 1 : 0), from);
            json_array_append_new(forms, json_pack("{s:s, s:s, s:s}", "id", x->forms[f].id, "name",
                                                   x->forms[f].name ? x->forms[f].name : x->name ? x->name : x->id,
                                                   "from", from));
        }
        char until[16];
        if (hk_date_is_set(x->until))
            hk_month_format(hk_date_month(x->until), until);
        json_object_set_new(all, x->id,
                            json_pack("{s:s, s:o, s:o}", "name", x->name ? x->name : x->id, "forms", forms, "until",
                                      hk_date_is_set(x->until) ? json_string(until) : json_null()));
    }
    return all;
}

json_t *hk_labels_json(const hk_scenario *s, const hk_outcomes *record)
{
    json_t *j = json_object(), *outs = json_object(), *kinds = json_object(), *params = json_object(),
           *treaties = json_object(), *events = json_object();
    bool have = record != NULL;
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        const char *name = hk_outcome_table[i].name;
        json_t *o = json_pack("{s:s, s:s}", "label", hk_label_outcome(name), "doc", hk_outcome_table[i].doc);
        if (have) {
            double v = hk_outcome_value(record, i);
            char text[64];
            json_object_set_new(o, "history", json_string(hk_label_outcome_value(i, v, text, sizeof text)));
            json_object_set_new(o, "history_value", isfinite(v) ? json_real(v) : json_null());
        }
        json_object_set_new(outs, name, o);
    }
    for (size_t k = 0; k < sizeof event_kinds / sizeof event_kinds[0]; k++)
        json_object_set_new(kinds, event_kinds[k], json_string(hk_label_event_kind(event_kinds[k])));
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        json_object_set_new(params, hk_param_table[i].key, json_string(hk_label_param(hk_param_table[i].key)));
    for (int t = 0; t < s->n_treaties; t++)
        json_object_set_new(treaties, s->treaties[t].id,
                            json_string(s->treaties[t].name ? s->treaties[t].name : s->treaties[t].id));
    for (int e = 0; e < s->n_events; e++)
        json_object_set_new(events, s->events[e].id,
                            json_string(s->events[e].name ? s->events[e].name : s->events[e].id));
    json_object_set_new(j, "outcomes", outs);
    json_object_set_new(j, "actors", actor_names(s));
    json_object_set_new(j, "event_kinds", kinds);
    json_object_set_new(j, "params", params);
    json_object_set_new(j, "treaties", treaties);
    json_object_set_new(j, "events", events);
    return j;
}
