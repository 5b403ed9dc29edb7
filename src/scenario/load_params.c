/* load_params.c — params.yaml: a value, a range and a source for exactly the
 * keys the model declares in src/world/params.def. */
#include <stdio.h>
#include <string.h>

#include "scenario/load.h"
#include "scenario/nearest.h"

void hk_load_params(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"params", NULL};
    static const char *const keys[] = {"key", "value", "min", "max", "source", NULL};
    hk_scenario *s = ld->s;
    int seen_line[HK_PARAM_COUNT + 1]; /* +1 keeps the array non-empty */
    memset(seen_line, 0, sizeof seen_line);
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "params");
    ld->allow_calibrated = true;
    /* Far more entries than keys can only be a mistake; don't spend time on them. */
    int n = list ? list->n : 0, cap = 2 * HK_PARAM_COUNT + 100;
    if (n > cap) {
        hk_load_error(ld, list->line, "%d parameters listed; the model has %d", n, HK_PARAM_COUNT);
        n = cap;
    }
    for (int i = 0; i < n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "parameter", keys))
            continue;
        const hk_ynode *k = hk_rec_get(&r, "key");
        if (!k || k->type != HK_Y_SCALAR) {
            hk_load_error(ld, r.line, "a parameter needs a 'key' (see src/world/params.def)");
            continue;
        }
        int p = hk_param_find(k->text);
        if (p < 0) {
            hk_nearest near;
            hk_nearest_init(&near, k->text);
            for (int j = 0; j < HK_PARAM_COUNT; j++)
                hk_nearest_offer(&near, hk_param_table[j].key);
            const char *best = hk_nearest_result(&near);
            if (best)
                hk_load_error(ld, k->line, "unknown parameter '%.60s' (did you mean '%s'?)",
                              k->text, best);
            else
                hk_load_error(ld, k->line, "unknown parameter '%.60s' (the model's keys are in "
                              "src/world/params.def)", k->text);
            continue;
        }
        snprintf(r.label, sizeof r.label, "parameter '%s'", k->text);
        if (seen_line[p]) {
            hk_load_error(ld, k->line, "parameter '%s' given twice (first at line %d)", k->text,
                          seen_line[p]);
            continue;
        }
        seen_line[p] = r.line;
        hk_param_value *v = &s->params[p];
        v->at = (hk_at){ld->path, r.line};
        int a = hk_rec_num(&r, "value", true, -1e300, 1e300, &v->value);
        int lo = hk_rec_num(&r, "min", true, -1e300, 1e300, &v->min);
        int hi = hk_rec_num(&r, "max", true, -1e300, 1e300, &v->max);
        if (lo > 0 && hi > 0 && v->min > v->max)
            hk_load_error(ld, hk_rec_get(&r, "max")->line, "'max' %g of %s is below its 'min' %g",
                          v->max, r.label, v->min);
        else if (a > 0 && lo > 0 && hi > 0 && (v->value < v->min || v->value > v->max))
            hk_load_error(ld, hk_rec_get(&r, "value")->line,
                          "'value' %g of %s lies outside its range %g..%g", v->value, r.label,
                          v->min, v->max);
        hk_rec_source(&r, &v->source);
    }
    ld->allow_calibrated = false;
    /* Missing keys are reported at the `params:` key itself. */
    int line = root->line;
    for (int i = 0; i + 1 < root->n; i += 2)
        if (root->items[i]->type == HK_Y_SCALAR && !strcmp(root->items[i]->text, "params"))
            line = root->items[i]->line;
    for (int p = 0; p < HK_PARAM_COUNT; p++)
        if (!seen_line[p])
            hk_load_error(ld, line, "missing parameter '%s': every key of the model needs a "
                          "value, a range and a source ('hokushin params' lists them)",
                          hk_param_table[p].key);
}
