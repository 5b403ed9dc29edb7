/* load_record.c — record.yaml: the historical record that replay shows and
 * validation compares with (facts, battles, incident counts, losses). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/load.h"

static const char *fact_kind_name(int i) { return hk_fact_kind_name((hk_fact_kind)i); }
static const char *pin_name(int i) { return hk_pin_name((hk_pin)i); }
static const char *terrain_name(int i) { return hk_terrain_name((hk_terrain)i); }
static const char *winner_name(int i)
{
    static const char *const names[] = {"attacker", "defender", "draw"};
    return names[i];
}

static void load_facts(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"id", "date", "kind", "actors", "text", "pin", "target",
                                       "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "fact", keys) ||
            !hk_table_room(ld, T_FACT, r.line))
            continue;
        hk_fact *f = &s->facts[s->n_facts];
        memset(f, 0, sizeof *f);
        f->at = (hk_at){ld->path, r.line};
        f->target = -1;
        int ok = hk_rec_id(&r, T_FACT, false, f->id);
        hk_rec_date(&r, "date", true, &f->date);
        int kind = 0, pin = HK_PIN_NONE;
        hk_rec_enum(&r, "kind", true, "fact kind", fact_kind_name, HK_FACT_KIND_COUNT, &kind);
        f->kind = (hk_fact_kind)kind;
        int na = hk_rec_refs(&r, "actors", false, T_ACTOR, f->actors, HK_MAX_PARTIES, &f->n_actors);
        hk_rec_str(&r, "text", true, &f->text);
        int p = hk_rec_enum(&r, "pin", false, "pin", pin_name, HK_PIN_COUNT, &pin);
        f->pin = (hk_pin)pin;
        int t = hk_rec_ref(&r, "target", false, T_FACTION, &f->target);
        if (p > 0 && (f->pin == HK_PIN_PURGE || f->pin == HK_PIN_COUP_FAILED) && t == 0)
            hk_load_error(ld, r.line, "%s pins '%s' but names no 'target' faction", r.label,
                          hk_pin_name(f->pin));
        if (t != 0 && p > 0 && f->pin != HK_PIN_PURGE && f->pin != HK_PIN_COUP_FAILED)
            hk_load_error(ld, hk_rec_get(&r, "target")->line,
                          "'target' is for a purge or coup_failed pin only");
        if (p > 0 && f->pin != HK_PIN_NONE && na >= 0 && f->n_actors == 0)
            hk_load_error(ld, r.line, "%s pins '%s' but names no 'actors'", r.label,
                          hk_pin_name(f->pin));
        if (p > 0 && f->pin == HK_PIN_WAR && na > 0 && f->n_actors < 2)
            hk_load_error(ld, hk_rec_get(&r, "actors")->line,
                          "%s pins a war, which needs two actors", r.label);
        hk_rec_source(&r, &f->source);
        if (ok > 0)
            s->n_facts++;
    }
}

static void load_side(hk_loader *ld, hk_rec *br, const char *key, hk_battle_side *side)
{
    static const char *const keys[] = {"actor", "men", "tanks", "guns", "aircraft", "quality",
                                       "supply_km", "casualties", "casualties_hi", NULL};
    memset(side, 0, sizeof *side);
    side->actor = -1;
    side->casualties = side->casualties_hi = -1;
    const hk_ynode *v = hk_rec_get(br, key);
    if (!v) {
        hk_rec_missing(br, key);
        return;
    }
    hk_rec r;
    if (!hk_rec_open(&r, ld, v, key, keys))
        return;
    snprintf(r.label, sizeof r.label, "the %s of %.96s", key, br->label);
    hk_rec_ref(&r, "actor", true, T_ACTOR, &side->actor);
    hk_rec_num(&r, "men", true, 1, 1e8, &side->men);
    hk_rec_num(&r, "tanks", false, 0, 1e6, &side->tanks);
    hk_rec_num(&r, "guns", false, 0, 1e6, &side->guns);
    hk_rec_num(&r, "aircraft", false, 0, 1e6, &side->aircraft);
    hk_rec_num(&r, "quality", false, 0.01, 10, &side->quality);
    hk_rec_num(&r, "supply_km", false, 0, 20000, &side->supply_km);
    int c = hk_rec_num(&r, "casualties", false, 0, 1e8, &side->casualties);
    int h = hk_rec_num(&r, "casualties_hi", false, 0, 1e8, &side->casualties_hi);
    if (h > 0 && c == 0)
        hk_load_error(ld, hk_rec_get(&r, "casualties_hi")->line,
                      "'casualties_hi' is the top of a range, so 'casualties' must be given too");
    if (h > 0 && c > 0 && side->casualties_hi < side->casualties)
        hk_load_error(ld, hk_rec_get(&r, "casualties_hi")->line,
                      "'casualties_hi' %g is below 'casualties' %g", side->casualties_hi,
                      side->casualties);
}

static void load_battles(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"id", "name", "sector", "region", "start", "end",
                                       "terrain", "attacker", "defender", "winner", "cdb90",
                                       "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "battle", keys) ||
            !hk_table_room(ld, T_BATTLE, r.line))
            continue;
        hk_battle *b = &s->battles[s->n_battles];
        memset(b, 0, sizeof *b);
        b->at = (hk_at){ld->path, r.line};
        b->sector = -1;
        int ok = hk_rec_id(&r, T_BATTLE, false, b->id);
        hk_rec_str(&r, "name", true, &b->name);
        hk_rec_ref(&r, "sector", false, T_SECTOR, &b->sector);
        hk_rec_ref(&r, "region", true, T_REGION, &b->region);
        int a = hk_rec_date(&r, "start", true, &b->start);
        int e = hk_rec_date(&r, "end", true, &b->end);
        if (a > 0 && e > 0 && hk_date_order(b->start, b->end) > 0)
            hk_load_error(ld, hk_rec_get(&r, "end")->line, "'end' of %s comes before its 'start'",
                          r.label);
        int t = 0;
        hk_rec_enum(&r, "terrain", true, "terrain", terrain_name, HK_TERRAIN_COUNT, &t);
        b->terrain = (hk_terrain)t;
        load_side(ld, &r, "attacker", &b->attacker);
        load_side(ld, &r, "defender", &b->defender);
        if (b->attacker.actor >= 0 && b->attacker.actor == b->defender.actor)
            hk_load_error(ld, r.line, "%s has the same actor on both sides", r.label);
        int w = 0;
        if (hk_rec_enum(&r, "winner", true, "winner", winner_name, 3, &w) > 0)
            b->winner = w == 2 ? -1 : w;
        hk_rec_int(&r, "cdb90", false, 1, 1000000, &b->cdb90_isqno);
        hk_rec_source(&r, &b->source);
        if (ok > 0)
            s->n_battles++;
    }
}

/* "1932-1938" into two years. */
static bool parse_years(const char *t, int *from, int *to)
{
    char *end;
    long a = strtol(t, &end, 10);
    if (end == t || *end != '-' || !isdigit((unsigned char)end[1]))
        return false;
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    if (*end || a < 1000 || a > 9999 || b < 1000 || b > 9999)
        return false;
    *from = (int)a;
    *to = (int)b;
    return true;
}

static void load_incidents(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"year", "years", "count", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "incident count", keys))
            continue;
        if (s->n_incidents == HK_MAX_INCIDENT_YEARS) {
            hk_load_error(ld, r.line, "too many incident counts: at most %d are allowed",
                          HK_MAX_INCIDENT_YEARS);
            return;
        }
        hk_incident_count *c = &s->incidents[s->n_incidents];
        memset(c, 0, sizeof *c);
        c->at = (hk_at){ld->path, r.line};
        int y = hk_rec_int(&r, "year", false, 1000, 9999, &c->year_from);
        c->year_to = c->year_from;
        const hk_ynode *ys = hk_rec_get(&r, "years");
        bool years_ok = false;
        if (ys && y != 0) {
            hk_load_error(ld, r.line, "give either 'year' or 'years', not both");
        } else if (ys) {
            if (ys->type != HK_Y_SCALAR || !parse_years(ys->text, &c->year_from, &c->year_to) ||
                c->year_to < c->year_from)
                hk_load_error(ld, ys->line, "'years' must be FROM-TO, like 1932-1938");
            else
                years_ok = true;
        } else if (y == 0) {
            hk_load_error(ld, r.line, "an incident count needs 'year' or 'years'");
        }
        hk_rec_int(&r, "count", true, 0, 1000000, &c->count);
        hk_rec_source(&r, &c->source);
        if (y <= 0 && !years_ok)
            continue;
        int line = ys ? ys->line : hk_rec_get(&r, "year")->line;
        if (ld->have_meta && (c->year_from < s->start.year || c->year_to > s->end.year)) {
            hk_load_error(ld, line, "years %d-%d lie outside the scenario's %d-%d", c->year_from,
                          c->year_to, s->start.year, s->end.year);
            continue;
        }
        for (int j = 0; j < s->n_incidents; j++) {
            const hk_incident_count *o = &s->incidents[j];
            if (c->year_from <= o->year_to && o->year_from <= c->year_to) {
                hk_load_error(ld, line, "incident years overlap those at line %d", o->at.line);
                break;
            }
        }
        s->n_incidents++;
    }
}

static void load_losses(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"id", "value", "unit", "text", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "loss", keys) ||
            !hk_table_room(ld, T_LOSS, r.line))
            continue;
        hk_loss *l = &s->losses[s->n_losses];
        memset(l, 0, sizeof *l);
        l->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_LOSS, false, l->id);
        hk_rec_num(&r, "value", true, 0, 1e15, &l->value);
        hk_rec_str(&r, "unit", true, &l->unit);
        hk_rec_str(&r, "text", true, &l->text);
        hk_rec_source(&r, &l->source);
        if (ok > 0)
            s->n_losses++;
    }
}

/* Changes of hands: which region, to whom, from when. */
static void load_control(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"region", "controller", "date", "hold", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "control change", keys))
            continue;
        if (s->n_control == HK_MAX_CONTROL) {
            hk_load_error(ld, r.line, "too many control changes: at most %d are allowed", HK_MAX_CONTROL);
            return;
        }
        hk_control_change *c = &s->control[s->n_control];
        memset(c, 0, sizeof *c);
        c->at = (hk_at){ld->path, r.line};
        c->region = c->controller = -1;
        int a = hk_rec_ref(&r, "region", true, T_REGION, &c->region);
        int b = hk_rec_ref(&r, "controller", true, T_ACTOR, &c->controller);
        int d = hk_rec_date(&r, "date", true, &c->date);
        c->hold = HK_HOLD_EXPEDITION;
        hk_rec_enum(&r, "hold", false, "hold", hk_hold_name, HK_HOLD_COUNT, &c->hold);
        hk_rec_source(&r, &c->source);
        if (a > 0 && b > 0 && d > 0 && c->region >= 0 && c->controller >= 0)
            s->n_control++;
    }
}

/* Surrender zones: the regions whose garrisons give themselves up to `to`. */
static void load_zones(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"to", "regions", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "surrender zone", keys))
            continue;
        if (s->n_zones == HK_MAX_ZONES) {
            hk_load_error(ld, r.line, "too many surrender zones: at most %d are allowed", HK_MAX_ZONES);
            return;
        }
        hk_surrender_zone *z = &s->zones[s->n_zones];
        memset(z, 0, sizeof *z);
        z->at = (hk_at){ld->path, r.line};
        z->to = -1;
        int regs[HK_MAX_REGIONS], n = 0;
        int a = hk_rec_ref(&r, "to", true, T_ACTOR, &z->to);
        int b = hk_rec_refs(&r, "regions", true, T_REGION, regs, HK_MAX_REGIONS, &n);
        for (int k = 0; k < n; k++)
            if (regs[k] >= 0 && regs[k] < 64)
                z->regions |= (uint64_t)1 << regs[k];
        hk_rec_source(&r, &z->source);
        if (a > 0 && b > 0 && z->to >= 0)
            s->n_zones++;
    }
}

void hk_load_record(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"facts", "battles", "incidents", "losses", "control", "surrender_zones", NULL};
    if (!hk_file_open(ld, root, top))
        return;
    load_facts(ld, hk_file_list(ld, root, "facts"));
    load_battles(ld, hk_file_list(ld, root, "battles"));
    load_incidents(ld, hk_file_list(ld, root, "incidents"));
    load_losses(ld, hk_file_list(ld, root, "losses"));
    load_control(ld, hk_file_list(ld, root, "control"));
    load_zones(ld, hk_file_list(ld, root, "surrender_zones"));
}
