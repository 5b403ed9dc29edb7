/* setup.c — a scenario with a what-if's overrides: parameter values, moved
 * or removed outside events, forbidden treaties. Values are checked against
 * the scenario (parameter ranges, its months); a misspelt key gets the
 * nearest valid one, an unrelated word a pointer to 'hokushin params'. */
#include "world/api.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/nearest.h"

void hk_setup_init(hk_setup *setup, const hk_scenario *s)
{
    memset(setup, 0, sizeof *setup);
    setup->scenario = s;
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        setup->param[i] = s->params[i].value;
    for (int e = 0; e < s->n_events && e < HK_MAX_EVENTS; e++)
        setup->event_date[e] = s->events[e].date;
}

static int find_event(const hk_scenario *s, const char *id, size_t len)
{
    for (int e = 0; e < s->n_events; e++)
        if (strlen(s->events[e].id) == len && strncmp(s->events[e].id, id, len) == 0)
            return e;
    return -1;
}

static int find_treaty(const hk_scenario *s, const char *id)
{
    for (int t = 0; t < s->n_treaties; t++)
        if (strcmp(s->treaties[t].id, id) == 0)
            return t;
    return -1;
}

/* The candidate nearest to word among: parameter keys, `EVENT.date` forms
 * (answered as the event id), event ids and treaty ids, as `kinds` selects. */
enum { NEAR_PARAMS = 1, NEAR_EVENT_DATES = 2, NEAR_EVENTS = 4, NEAR_TREATIES = 8 };

static const char *nearest(const hk_scenario *s, const char *word, int kinds, bool *is_date)
{
    const char *best = NULL;
    /* Only a candidate within the limit is named: farther ones are not
     * measured to the end (hk_edit_distance_below). */
    int best_d = hk_nearest_limit(word) + 1;
    bool best_date = false;
    char buf[HK_ID_LEN + 8];
    if (kinds & NEAR_PARAMS)
        for (int i = 0; i < HK_PARAM_COUNT; i++) {
            int d = hk_edit_distance_below(word, hk_param_table[i].key, best_d);
            if (d < best_d) {
                best_d = d;
                best = hk_param_table[i].key;
                best_date = false;
            }
        }
    for (int e = 0; s && e < s->n_events; e++) {
        if (kinds & NEAR_EVENT_DATES) {
            snprintf(buf, sizeof buf, "%s.date", s->events[e].id);
            int d = hk_edit_distance_below(word, buf, best_d);
            if (d < best_d) {
                best_d = d;
                best = s->events[e].id;
                best_date = true;
            }
        }
        if (kinds & NEAR_EVENTS) {
            int d = hk_edit_distance_below(word, s->events[e].id, best_d);
            if (d < best_d) {
                best_d = d;
                best = s->events[e].id;
                best_date = false;
            }
        }
    }
    if (kinds & NEAR_TREATIES)
        for (int t = 0; s && t < s->n_treaties; t++) {
            int d = hk_edit_distance_below(word, s->treaties[t].id, best_d);
            if (d < best_d) {
                best_d = d;
                best = s->treaties[t].id;
                best_date = false;
            }
        }
    /* An unrelated word is nearest to something too; naming that would
     * only mislead, so a candidate must be close enough to be a typo, or
     * hold the word whole ("drift" for politics.drift, "neutrality" for
     * neutrality_pact). */
    if (!best) {
        best_date = false;
        if (strlen(word) >= 4) {
            if (kinds & NEAR_PARAMS)
                for (int i = 0; i < HK_PARAM_COUNT && !best; i++)
                    if (strcasestr(hk_param_table[i].key, word))
                        best = hk_param_table[i].key;
            for (int e = 0; s && e < s->n_events && !best; e++)
                if ((kinds & (NEAR_EVENTS | NEAR_EVENT_DATES)) && strcasestr(s->events[e].id, word)) {
                    best = s->events[e].id;
                    best_date = !(kinds & NEAR_EVENTS);
                }
            for (int t = 0; s && t < s->n_treaties && !best; t++)
                if ((kinds & NEAR_TREATIES) && strcasestr(s->treaties[t].id, word))
                    best = s->treaties[t].id;
        }
    }
    if (is_date)
        *is_date = best_date;
    return best;
}

const char *hk_setup_nearest_key(const hk_setup *setup, const char *word)
{
    if (!word)
        return NULL;
    return nearest(setup ? setup->scenario : NULL, word,
                   NEAR_PARAMS | NEAR_EVENT_DATES | NEAR_EVENTS | NEAR_TREATIES, NULL);
}

static bool parse_number(const char *text, double *out)
{
    if (!text)
        return false;
    while (isspace((unsigned char)*text))
        text++;
    if (!*text)
        return false;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (errno == ERANGE || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

int hk_setup_set(hk_setup *setup, const char *key, const char *value, char *err, size_t errlen)
{
    const hk_scenario *s = setup->scenario;
    if (!key || !*key) {
        snprintf(err, errlen, "empty key (see 'hokushin params' for the keys)");
        return -1;
    }
    int p = hk_param_find(key);
    if (p >= 0) {
        double v;
        if (!parse_number(value, &v)) {
            snprintf(err, errlen, "'%s' needs a finite number, got '%s' (scenario value %g, range %g..%g)", key,
                     value ? value : "", s->params[p].value, s->params[p].min, s->params[p].max);
            return -1;
        }
        /* The scenario's range binds a what-if as it binds 'check': outside
         * it the model's parts leave the regime they were written for. A
         * range given the wrong way round is read as the interval it spans. */
        double lo = fmin(s->params[p].min, s->params[p].max), hi = fmax(s->params[p].min, s->params[p].max);
        if (v < lo || v > hi) {
            snprintf(err, errlen, "%g is outside the range %g..%g of '%s' (see 'hokushin params')", v, lo, hi, key);
            return -1;
        }
        setup->param[p] = v;
        return 0;
    }
    size_t len = strlen(key);
    if (len > 5 && strcmp(key + len - 5, ".date") == 0) {
        int e = find_event(s, key, len - 5);
        if (e >= 0) {
            hk_date d;
            if (!value || !hk_date_parse(value, &d)) {
                snprintf(err, errlen, "'%s' needs a date as YYYY-MM-DD or YYYY-MM, got '%s'", key,
                         value ? value : "");
                return -1;
            }
            /* The engine steps only the scenario's months, so a date outside
             * them would silently drop the event; removing one is --without's. */
            if (hk_date_month(d) < hk_date_month(s->start) || hk_date_month(d) > hk_date_month(s->end)) {
                char from[16], to[16];
                hk_month_format(hk_date_month(s->start), from);
                hk_month_format(hk_date_month(s->end), to);
                snprintf(err, errlen, "%s is outside the scenario's months %s..%s (--without %s removes the event)",
                         value, from, to, s->events[e].id);
                return -1;
            }
            setup->event_date[e] = d;
            return 0;
        }
    }
    bool is_date = false;
    const char *near = nearest(s, key, NEAR_PARAMS | NEAR_EVENT_DATES, &is_date);
    if (near)
        snprintf(err, errlen, "unknown key '%s'; did you mean '%s%s'? ('hokushin params' lists every key)", key, near,
                 is_date ? ".date" : "");
    else
        snprintf(err, errlen, "unknown key '%s' (see 'hokushin params' for the list)", key);
    return -1;
}

int hk_setup_without(hk_setup *setup, const char *id, char *err, size_t errlen)
{
    const hk_scenario *s = setup->scenario;
    if (!id || !*id) {
        snprintf(err, errlen, "empty id: name an outside event or a treaty");
        return -1;
    }
    int e = find_event(s, id, strlen(id));
    if (e >= 0) {
        setup->event_removed[e] = true;
        return 0;
    }
    int t = find_treaty(s, id);
    if (t >= 0) {
        setup->treaty_forbidden[t] = true;
        return 0;
    }
    const char *near = nearest(s, id, NEAR_EVENTS | NEAR_TREATIES, NULL);
    if (near)
        snprintf(err, errlen, "'%s' is neither an outside event nor a treaty; did you mean '%s'?", id, near);
    else
        snprintf(err, errlen, "'%s' is neither an outside event nor a treaty (see 'hokushin params' for the list)", id);
    return -1;
}
