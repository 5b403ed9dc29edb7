/* orders.c — a player's orders, checked in one place (see orders.h). */
#include "run/orders.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/compiled.h"

void hk_orders_none(hk_orders *o)
{
    memset(o, 0, sizeof *o);
    o->propose_treaty = -1;
    o->denounce_treaty = -1;
    o->incidents = HK_ESC_MODEL;
    o->reinforce_front = -1;
}

const char *hk_escalation_name(hk_escalation e)
{
    switch (e) {
    case HK_ESC_ESCALATE: return "escalate";
    case HK_ESC_CONTAIN: return "contain";
    default: return "model";
    }
}

const char *hk_front_posture_name(int p)
{
    switch (p) {
    case HK_FRONT_ATTACK: return "attack";
    case HK_FRONT_HOLD: return "hold";
    case HK_FRONT_WITHDRAW: return "withdraw";
    default: return "model";
    }
}

int hk_front_posture_parse(const char *name)
{
    static const char *const names[] = {"model", "attack", "hold", "withdraw"};
    for (int i = 0; i < 4; i++)
        if (name && strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int hk_orders_unit(double x, double *out, char *err, size_t len)
{
    if (!isfinite(x) || x < -1 || x > 1) {
        snprintf(err, len, "must be a number from -1 to 1");
        return -1;
    }
    *out = x;
    return 0;
}

int hk_orders_unit_text(const char *text, double *out, char *err, size_t len)
{
    double x = NAN;
    if (*text && strlen(text) <= 30) {
        char *end;
        errno = 0;
        x = strtod(text, &end);
        if (*end || errno)
            x = NAN;
    }
    return hk_orders_unit(x, out, err, len);
}

bool hk_orders_party(const hk_scenario *s, int player, int t)
{
    return t >= 0 && t < s->n_treaties && hk_treaty_has_party(&s->treaties[t], player);
}

int hk_orders_treaty(const hk_scenario *s, int player, const char *id, int *out, char *err, size_t len)
{
    if (!id || strcmp(id, "-") == 0) {
        *out = -1;
        return 0;
    }
    int t = hk_scenario_treaty(s, id);
    if (t < 0) {
        snprintf(err, len, "unknown treaty '%.40s'", id);
        return -1;
    }
    if (!hk_orders_party(s, player, t)) {
        snprintf(err, len, "%s is not a party to %s", player >= 0 && player < s->n_actors ? s->actors[player].id : "?",
                 s->treaties[t].id);
        return -1;
    }
    *out = t;
    return 0;
}

int hk_orders_incidents(const char *name, hk_escalation *out, char *err, size_t len)
{
    static const hk_escalation values[] = {HK_ESC_MODEL, HK_ESC_ESCALATE, HK_ESC_CONTAIN};
    for (int i = 0; i < 3; i++)
        if (name && strcmp(name, hk_escalation_name(values[i])) == 0) {
            *out = values[i];
            return 0;
        }
    snprintf(err, len, "must be model, escalate or contain");
    return -1;
}

static int sector_of(const hk_scenario *s, const char *id, char *err, size_t len)
{
    int f = id ? hk_scenario_sector(s, id) : -1;
    if (f < 0 || f >= HK_MAX_SECTORS)
        snprintf(err, len, "'%.40s' is not a sector", id ? id : "");
    return f < HK_MAX_SECTORS ? f : -1;
}

int hk_orders_front(hk_orders *o, const hk_scenario *s, const char *sector, const char *posture, char *err,
                    size_t len)
{
    int f = sector_of(s, sector, err, len);
    if (f < 0)
        return -1;
    int p = hk_front_posture_parse(posture);
    if (p < 0) {
        snprintf(err, len, "the posture of front '%.40s' must be attack, hold, withdraw or model", sector);
        return -1;
    }
    o->front_posture[f] = p;
    return 0;
}

int hk_orders_reinforce_front(hk_orders *o, const hk_scenario *s, const char *sector, char *err, size_t len)
{
    int f = sector_of(s, sector, err, len);
    if (f < 0)
        return -1;
    o->reinforce_front = f;
    return 0;
}
