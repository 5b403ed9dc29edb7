/* advice_json.c — what the model would do in the player's place this month,
 * and why, as one line a newcomer can read and the events behind it. */
#include "out/advice_json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "out/json.h"
#include "out/labels_json.h"
#include "run/labels.h"

/* Appends to line[len] at *n, never past its end. */
static void add(char *line, size_t len, size_t *n, const char *fmt, ...)
{
    if (*n + 1 >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(line + *n, len - *n, fmt, ap);
    va_end(ap);
    if (w > 0)
        *n = *n + (size_t)w < len ? *n + (size_t)w : len - 1;
}

/* Whether an event of the advisor's month is one of the model's decisions
 * (a treaty, a doctrine, war or peace) rather than a report of the war. */
static bool decision_kind(const char *kind)
{
    static const char *const reports[] = {"war_month", "front", "control", "campaign", "forces", NULL};
    for (int i = 0; reports[i]; i++)
        if (strcmp(kind, reports[i]) == 0)
            return false;
    return true;
}

static void men_k(double men, char *buf, size_t len)
{
    if (men >= 9950)
        snprintf(buf, len, "%.0fk", men / 1000);
    else if (men >= 1000)
        snprintf(buf, len, "%.1fk", men / 1000);
    else
        snprintf(buf, len, "%.0f", men);
}

/* During a war: the posture the model would take on each front, grouped
 * (attack on A and B; hold on C; withdraw on D), each front with its men
 * against the enemy's, and why: it attacks where it has the ratio, falls
 * back when the theatre is lost, and holds otherwise (docs/model.md). */
static void war_orders(const hk_scenario *s, const hk_war_summary *w, int side, bool more, char *line, size_t len,
                       size_t *at)
{
    static const char *const verbs[] = {NULL, "attack", "hold", "withdraw"};
    size_t n = *at;
    int groups = 0;
    add(line, len, &n, "%s", more ? "; at war it would " : "");
    for (int p = 1; p <= 3 && n < len - 2; p++) {
        int k = 0;
        for (int i = 0; i < w->n_fronts && n < len - 2; i++) {
            const hk_front_summary *f = &w->fronts[i];
            if (f->posture[side] != p || f->sector < 0 || f->sector >= s->n_sectors)
                continue;
            char mine[16], theirs[16], name[48];
            men_k(f->men[side], mine, sizeof mine);
            men_k(f->men[1 - side], theirs, sizeof theirs);
            /* the sector's name up to its colon: "Argun river" */
            const char *full = s->sectors[f->sector].name ? s->sectors[f->sector].name : s->sectors[f->sector].id;
            size_t cut = strcspn(full, ":,");
            snprintf(name, sizeof name, "%.*s", (int)(cut < sizeof name ? cut : sizeof name - 1), full);
            add(line, len, &n, "%s%s%s%s (%s against %s)", k ? ", " : groups ? "; " : "",
                                  k ? "" : verbs[p], k ? "" : " on ", name, mine, theirs);
            k++;
        }
        if (k)
            groups++;
    }
    if (n < len - 2)
        add(line, len, &n, ". It attacks where its men outweigh the defence, falls back where the theatre is "
                              "lost, and holds elsewhere.");
    *at = n;
}

json_t *hk_advice_json(const hk_game *g)
{
    hk_advice a;
    if (hk_game_advise(g, &a) != 0)
        return json_null();
    char line[1024];
    size_t n = 0;
    const char *who = g->player == g->scenario->jpn ? "Tokyo" : "Moscow";
    add(line, sizeof line, &n, "In your place the model would ");
    if (a.war_after && !a.war_before)
        add(line, sizeof line, &n, "go to war: ");
    else if (!a.war_after && a.war_before)
        add(line, sizeof line, &n, "make peace: ");
    /* the events that are the model's decisions for the player's side; a
     * war's own reports (its month, its fronts) are what happened, not
     * orders */
    int said = 0;
    for (int i = 0; i < a.n && n < sizeof line - 2; i++) {
        if (!decision_kind(a.kind[i]))
            continue;
        add(line, sizeof line, &n, "%s%s", said++ ? " " : "", a.text[i]);
    }
    int side = g->player == g->scenario->jpn || g->player == g->scenario->man ? 0 : 1;
    if (a.war_before && a.war_after && a.war.active && a.war.n_fronts > 0 && n < sizeof line - 2) {
        war_orders(g->scenario, &a.war, side, said > 0, line, sizeof line, &n);
    } else if (said) {
        /* said above */
    } else {
        double d = a.doctrine_after - a.doctrine_before;
        if (g->player == g->scenario->jpn && fabs(d) >= 0.005)
            add(line, sizeof line, &n, "give no new order; %s's doctrine would drift %s, from %+.2f to %+.2f, with the "
                                  "factions' weight and the forces on the border.",
                                  who, d > 0 ? "north" : "south", a.doctrine_before, a.doctrine_after);
        else
            add(line, sizeof line, &n, "give no new order this month: nothing in the state calls for one.");
    }
    json_t *events = json_array();
    for (int i = 0; i < a.n; i++)
        json_array_append_new(events, json_pack("{s:s, s:s}", "kind", a.kind[i], "text", a.text[i]));
    return json_pack("{s:o, s:s, s:{s:o, s:o}, s:{s:b, s:b}, s:o}", "month", hk_json_month_string(a.month), "line",
                     line, "doctrine", "from", hk_json_number(a.doctrine_before, 4), "to",
                     hk_json_number(a.doctrine_after, 4), "war", "from", a.war_before, "to", a.war_after, "events",
                     events);
}

json_t *hk_game_end_json(const hk_game *g)
{
    if (!hk_game_over(g))
        return json_null();
    hk_outcomes o, rec;
    hk_world_outcomes(g->world, &o);
    json_t *j = json_pack("{s:o}", "outcomes", hk_history_json(&o));
    if (hk_label_history(g->scenario, &rec) == 0)
        json_object_set_new(j, "history", hk_history_json(&rec));
    return j;
}
