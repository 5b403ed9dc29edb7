/* advice_json.c — what the model would do in the player's place this month,
 * and why, as one line a newcomer can read and the events behind it. */
#include "out/advice_json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "out/json.h"
#include "out/labels_json.h"
#include "run/labels.h"

json_t *hk_advice_json(const hk_game *g)
{
    hk_advice a;
    if (hk_game_advise(g, &a) != 0)
        return json_null();
    char line[1024];
    size_t n = 0;
    const char *who = g->player == g->scenario->jpn ? "Tokyo" : "Moscow";
    n += (size_t)snprintf(line + n, sizeof line - n, "In your place the model would ");
    if (a.war_after && !a.war_before)
        n += (size_t)snprintf(line + n, sizeof line - n, "go to war: ");
    else if (!a.war_after && a.war_before)
        n += (size_t)snprintf(line + n, sizeof line - n, "make peace: ");
    if (a.n) {
        for (int i = 0; i < a.n && n < sizeof line - 2; i++)
            n += (size_t)snprintf(line + n, sizeof line - n, "%s%s", i ? " " : "", a.text[i]);
    } else {
        double d = a.doctrine_after - a.doctrine_before;
        if (g->player == g->scenario->jpn && fabs(d) >= 0.005)
            n += (size_t)snprintf(line + n, sizeof line - n,
                                  "give no new order; %s's doctrine would drift %s, from %+.2f to %+.2f, with the "
                                  "factions' weight and the forces on the border.",
                                  who, d > 0 ? "north" : "south", a.doctrine_before, a.doctrine_after);
        else
            n += (size_t)snprintf(line + n, sizeof line - n,
                                  "give no new order this month: nothing in the state calls for one.");
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
