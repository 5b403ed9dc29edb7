/* json.c — events, months, outcomes and the scenario as JSON (docs/api.md).
 *
 * Objects are built key by key in the documented order; jansson keeps that
 * order, and numbers go through hk_json_number so that a run's text depends
 * only on its seed. Indices from the engine become ids here: the engine never
 * handles names, the outputs never handle indices. */
#include "out/json.h"
#include "out/labels_json.h"
#include "out/sources.h"
#include "run/labels.h"
#include "out/output.h"
#include "run/inputs.h"

#include <math.h>
#include <string.h>

json_t *hk_json_number(double x, int decimals)
{
    if (!isfinite(x))
        return json_null();
    double scale = pow(10.0, decimals);
    double r = round(x * scale) / scale;
    if (r == 0.0)
        r = 0.0; /* no "-0" */
    if (fabs(r) < 9.0e15 && r == floor(r))
        return json_integer((json_int_t)r);
    return json_real(r);
}

json_t *hk_json_date(hk_date d)
{
    if (!hk_date_is_set(d))
        return json_null();
    char buf[16];
    hk_date_format(d, buf);
    return json_string(buf);
}

json_t *hk_json_month_string(hk_month m)
{
    if (m == HK_MONTH_NONE)
        return json_null();
    char buf[16];
    hk_month_format(m, buf);
    return json_string(buf);
}

/* A string that may be NULL; jansson rejects invalid UTF-8, which then
 * becomes null rather than a missing key. */
static json_t *str_or_null(const char *s)
{
    if (!s)
        return json_null();
    json_t *j = json_string(s);
    return j ? j : json_null();
}

static json_t *actor_id(const hk_scenario *s, int a)
{
    if (a < 0 || a >= s->n_actors)
        return json_null();
    return json_string(s->actors[a].id);
}

static json_t *region_id(const hk_scenario *s, int r)
{
    if (r < 0 || r >= s->n_regions)
        return json_null();
    return json_string(s->regions[r].id);
}

static json_t *sector_id(const hk_scenario *s, int k)
{
    if (k < 0 || k >= s->n_sectors)
        return json_null();
    return json_string(s->sectors[k].id);
}

static json_t *actor_list(const hk_scenario *s, const int *actors, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n && i < HK_MAX_PARTIES; i++)
        json_array_append_new(a, actor_id(s, actors[i]));
    return a;
}

static json_t *source_text(const hk_source *src)
{
    return str_or_null(src->text);
}

/* The two sides of a general war: {"JPN": [JPN, MAN], "SOV": [SOV, MGL]}. */
static json_t *war_sides(const hk_scenario *s)
{
    json_t *o = json_object();
    int lead[2] = {s->jpn, s->sov}, ally[2] = {s->man, s->mgl};
    for (int side = 0; side < 2; side++) {
        if (lead[side] < 0)
            continue;
        json_t *a = json_array();
        json_array_append_new(a, actor_id(s, lead[side]));
        if (ally[side] >= 0)
            json_array_append_new(a, actor_id(s, ally[side]));
        json_object_set_new(o, s->actors[lead[side]].id, a);
    }
    return o;
}

/* The month's `war` object (docs/api.md): fronts, casualties, regions taken. */
static json_t *war_json(const hk_scenario *s, const hk_war_summary *w)
{
    static const char *const posture[] = {"hold", "attack", "hold", "withdraw"};
    int lead[2] = {s->jpn, s->sov};
    json_t *o = json_object();
    json_object_set_new(o, "began", hk_json_month_string(w->began));
    json_object_set_new(o, "opener", actor_id(s, lead[w->opener & 1]));
    json_object_set_new(o, "days", json_integer(w->days));
    json_object_set_new(o, "sides", war_sides(s));
    json_t *fronts = json_array();
    for (int i = 0; i < w->n_fronts; i++) {
        const hk_front_summary *f = &w->fronts[i];
        json_t *fo = json_object(), *men = json_object(), *po = json_object(), *line = json_object();
        json_object_set_new(fo, "sector", sector_id(s, f->sector));
        json_object_set_new(fo, "name", str_or_null(s->sectors[f->sector].name));
        for (int side = 0; side < 2; side++) {
            if (lead[side] < 0)
                continue;
            const char *k = s->actors[lead[side]].id;
            json_object_set_new(men, k, hk_json_number(f->men[side], 0));
            json_object_set_new(po, k, json_string(posture[f->posture[side] & 3]));
            json_t *l = json_array();
            for (int r = 0; r < s->n_regions && r < 64; r++)
                if ((f->line[side] >> r) & 1)
                    json_array_append_new(l, region_id(s, r));
            json_object_set_new(line, k, l);
        }
        json_object_set_new(fo, "men", men);
        json_object_set_new(fo, "posture", po);
        json_object_set_new(fo, "line", line);
        json_array_append_new(fronts, fo);
    }
    json_object_set_new(o, "fronts", fronts);
    json_t *cas = json_object(), *pris = json_object(), *taken = json_object();
    for (int side = 0; side < 2; side++) {
        if (lead[side] < 0)
            continue;
        const char *k = s->actors[lead[side]].id;
        json_object_set_new(cas, k, hk_json_number(w->casualties[side], 0));
        json_object_set_new(pris, k, hk_json_number(w->prisoners[side], 0));
        json_t *l = json_array();
        for (int r = 0; r < s->n_regions && r < 64; r++)
            if ((w->taken[side] >> r) & 1)
                json_array_append_new(l, region_id(s, r));
        json_object_set_new(taken, k, l);
    }
    json_object_set_new(o, "casualties", cas);
    json_object_set_new(o, "prisoners", pris);
    json_object_set_new(o, "regions_taken", taken);
    json_object_set_new(o, "trans_siberian_cut", json_boolean(w->trans_siberian_cut));
    return o;
}

/* {"JPN": men, "SOV": men} from a battle's facts by side; NULL when unknown. */
static json_t *by_side(const hk_scenario *s, const double v[2])
{
    if (v[0] < 0 && v[1] < 0)
        return json_null();
    json_t *o = json_object();
    int who[2] = {s->jpn, s->sov};
    for (int i = 0; i < 2; i++)
        if (who[i] >= 0)
            json_object_set_new(o, s->actors[who[i]].id, v[i] >= 0 ? hk_json_number(v[i], 0) : json_null());
    return o;
}

static bool starts_with(const char *s, const char *p) { return s && strncmp(s, p, strlen(p)) == 0; }

/* Events carry their facts as fields (product.md): battles their sector,
 * forces, losses, winner and days; treaty events the treaty and parties;
 * war and peace events the sides. */
static void event_facts(const hk_scenario *s, const hk_log_event *e, json_t *o)
{
    const char *kind = e->kind;
    if (kind && (!strcmp(kind, "battle") || !strcmp(kind, "battle_result") ||
                 ((!strcmp(kind, "peace") || !strcmp(kind, "front")) && e->has_facts))) {
        const hk_event_facts *f = e->has_facts ? &e->facts : NULL;
        static const double unknown[2] = {-1, -1};
        int sector = f ? f->sector : -1;
        if (sector < 0 && e->id)
            sector = hk_scenario_sector(s, e->id);
        if (sector < 0 && e->id) {
            int b = -1;
            for (int i = 0; i < s->n_battles; i++)
                if (!strcmp(s->battles[i].id, e->id))
                    b = i;
            if (b >= 0)
                sector = s->battles[b].sector;
        }
        json_object_set_new(o, "sector", sector_id(s, sector));
        json_object_set_new(o, "committed", by_side(s, f ? f->committed : unknown));
        json_object_set_new(o, "casualties", by_side(s, f ? f->casualties : unknown));
        int who[2] = {s->jpn, s->sov};
        json_object_set_new(o, "winner", f && f->winner >= 0 && f->winner < 2 ? actor_id(s, who[f->winner])
                                                                               : json_null());
        json_object_set_new(o, "days", f && f->days > 0 ? json_integer(f->days) : json_null());
    }
    if (starts_with(kind, "treaty_")) {
        json_object_set_new(o, "treaty", str_or_null(e->id));
        json_object_set_new(o, "parties", actor_list(s, e->actors, e->n_actors));
    }
    if (kind && (!strcmp(kind, "war") || !strcmp(kind, "peace"))) {
        /* each actor on the side it stands (Manchukuo with Japan, Mongolia
         * with the USSR); others (China in 1937) on the side opposite the first */
        json_t *sides = json_object(), *list[2] = {json_array(), json_array()};
        int first_side = -1;
        for (int i = 0; i < e->n_actors; i++) {
            int a = e->actors[i], side = -1;
            if (a == s->jpn || a == s->man)
                side = 0;
            else if (a == s->sov || a == s->mgl)
                side = 1;
            else
                side = first_side == 0 ? 1 : 0;
            if (i == 0)
                first_side = side;
            json_array_append_new(list[side], actor_id(s, a));
        }
        json_object_set_new(sides, s->jpn >= 0 ? s->actors[s->jpn].id : "JPN", list[0]);
        json_object_set_new(sides, s->sov >= 0 ? s->actors[s->sov].id : "SOV", list[1]);
        json_object_set_new(o, "sides", sides);
    }
}

json_t *hk_json_event(const hk_scenario *s, const hk_log_event *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("event"));
    json_object_set_new(o, "date", hk_json_date(e->date));
    json_object_set_new(o, "kind", str_or_null(e->kind));
    json_object_set_new(o, "id", str_or_null(e->id));
    json_object_set_new(o, "actors", actor_list(s, e->actors, e->n_actors));
    json_object_set_new(o, "text", str_or_null(e->text));
    json_object_set_new(o, "source", str_or_null(e->source));
    event_facts(s, e, o);
    /* the people named in it (events.yaml `people`) */
    if (e->n_people > 0) {
        json_t *people = json_array();
        for (int i = 0; i < e->n_people; i++) {
            const hk_person *p = &s->people[e->people[i]];
            json_t *q = json_object();
            json_object_set_new(q, "id", json_string(p->id));
            json_object_set_new(q, "name", str_or_null(p->name));
            json_object_set_new(q, "actor", actor_id(s, p->actor));
            json_array_append_new(people, q);
        }
        json_object_set_new(o, "people", people);
    }
    /* why a war between Japan and the USSR ended (docs/api.md) */
    if (e->kind && !strcmp(e->kind, "peace") && e->id && hk_scenario_sector(s, e->id) < 0) {
        json_object_set_new(o, "reason", str_or_null(e->text));
        json_object_set_new(o, "reason_id", str_or_null(e->id));
    }
    return o;
}

static json_t *side_forces(const hk_side_forces *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "men", hk_json_number(f->men, 0));
    json_object_set_new(o, "tanks", hk_json_number(f->tanks, 0));
    json_object_set_new(o, "guns", hk_json_number(f->guns, 0));
    json_object_set_new(o, "aircraft", hk_json_number(f->aircraft, 0));
    return o;
}

/* Does actor a exist in the month summarised? */
static bool present(const hk_month_summary *m, int a)
{
    /* a summary that does not say (present == 0) has everyone */
    return a < 0 || a >= 32 || m->present == 0 || (m->present >> a & 1u);
}

json_t *hk_json_month(const hk_scenario *s, const hk_month_summary *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("month"));
    json_object_set_new(o, "date", hk_json_month_string(m->month));

    json_t *doctrine = json_object();
    for (int a = 0; a < s->n_actors; a++)
        if (s->actors[a].role == HK_ROLE_MODELLED && present(m, a))
            json_object_set_new(doctrine, s->actors[a].id, hk_json_number(m->doctrine[a], 4));
    json_object_set_new(o, "doctrine", doctrine);

    json_object_set_new(o, "incidents", json_integer(m->incidents));
    json_object_set_new(o, "battles", json_integer(m->battles));
    json_object_set_new(o, "at_war", json_boolean(m->at_war_jpn_sov));

    json_t *control = json_object();
    for (int r = 0; r < s->n_regions; r++)
        json_object_set_new(control, s->regions[r].id, actor_id(s, m->control[r]));
    json_object_set_new(o, "control", control);
    if (m->war.active)
        json_object_set_new(o, "war", war_json(s, &m->war));

    json_t *treaties = json_array();
    for (int t = 0; t < s->n_treaties; t++)
        if (m->treaty_in_force[t])
            json_array_append_new(treaties, json_string(s->treaties[t].id));
    json_object_set_new(o, "treaties", treaties);

    json_t *effects = json_array();
    for (int e = 0; e < HK_EFFECT_COUNT; e++)
        if (m->flags & (UINT32_C(1) << e))
            json_array_append_new(effects, str_or_null(hk_effect_name((hk_effect)e)));
    json_object_set_new(o, "effects", effects);

    json_t *forces = json_object();
    for (int k = 0; k < s->n_sectors; k++) {
        const hk_sector *sec = &s->sectors[k];
        json_t *sides = json_object();
        for (int side = 0; side < 2; side++) {
            int a = sec->side[side];
            /* a side whose actor does not exist yet (Manchukuo before 1932)
             * is held by the principal of its side */
            if (a >= 0 && !present(m, a))
                a = side ? s->sov : s->jpn;
            const char *key = (a >= 0 && a < s->n_actors) ? s->actors[a].id : (side ? "soviet_side" : "japanese_side");
            json_object_set_new(sides, key, side_forces(&m->forces[k][side]));
        }
        json_object_set_new(forces, sec->id, sides);
    }
    json_object_set_new(o, "forces", forces);

    json_t *influence = json_object();
    for (int f = 0; f < s->n_factions; f++)
        json_object_set_new(influence, s->factions[f].id, hk_json_number(m->influence[f], 4));
    json_object_set_new(o, "influence", influence);
    /* the factions formed by this month (actors.yaml `emerges`): the weight
     * of one not yet formed is its current's inside the Army, unorganised */
    json_t *formed = json_array();
    for (int f = 0; f < s->n_factions; f++)
        if (f >= 32 || (m->factions_formed >> f & 1u))
            json_array_append_new(formed, json_string(s->factions[f].id));
    json_object_set_new(o, "factions_formed", formed);

    json_t *tension = json_object();
    for (int k = 0; k < s->n_sectors; k++)
        json_object_set_new(tension, s->sectors[k].id, hk_json_number(m->tension[k], 4));
    json_object_set_new(o, "tension", tension);

    json_t *formations = json_object();
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &m->formations[f];
        json_t *fo = json_object();
        json_object_set_new(fo, "region", region_id(s, fs->region));
        json_object_set_new(fo, "men", hk_json_number(fs->men, 0));
        json_object_set_new(fo, "tanks", hk_json_number(fs->tanks, 0));
        json_object_set_new(fo, "guns", hk_json_number(fs->guns, 0));
        json_object_set_new(fo, "aircraft", hk_json_number(fs->aircraft, 0));
        json_object_set_new(fo, "quality", hk_json_number(fs->quality, 4));
        json_object_set_new(fo, "supply", hk_json_number(fs->supply, 4));
        json_object_set_new(formations, s->formations[f].id, fo);
    }
    json_object_set_new(o, "formations", formations);
    return o;
}

json_t *hk_json_outcomes(const hk_outcomes *o)
{
    json_t *j = json_object();
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        double v = hk_outcome_value(o, i);
        json_t *val;
        if (!isfinite(v))
            val = json_null();
        else if (hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION)
            val = json_boolean(v != 0.0);
        else
            val = hk_json_number(v, 4);
        json_object_set_new(j, hk_outcome_table[i].name, val);
    }
    return j;
}

/* {"1918": v, ...} for the years a run covered. */
static json_t *by_year_int(const int *v, int years)
{
    json_t *o = json_object();
    for (int y = 0; y < years; y++) {
        char key[16];
        snprintf(key, sizeof key, "%d", HK_YEAR_FIRST + y);
        json_object_set_new(o, key, json_integer(v[y]));
    }
    return o;
}

static json_t *by_year_real(const double *v, int years, int decimals)
{
    json_t *o = json_object();
    for (int y = 0; y < years; y++) {
        char key[16];
        snprintf(key, sizeof key, "%d", HK_YEAR_FIRST + y);
        json_object_set_new(o, key, hk_json_number(v[y], decimals));
    }
    return o;
}

json_t *hk_json_summary(const hk_scenario *s, const char *mode, uint64_t seed, uint64_t run,
                        hk_month until, int months, int events, const hk_outcomes *o)
{
    /* Years after the last month run would only hold zeros that were never
     * simulated; they are left out. */
    int years = HK_YEARS;
    if (until != HK_MONTH_NONE) {
        int y = hk_month_year(until) - HK_YEAR_FIRST + 1;
        if (y < years)
            years = y < 0 ? 0 : y;
    }
    json_t *j = json_object();
    json_object_set_new(j, "type", json_string("summary"));
    json_object_set_new(j, "mode", json_string(mode));
    json_object_set_new(j, "seed", hk_json_seed(seed));
    json_object_set_new(j, "run", json_integer((json_int_t)run));
    json_object_set_new(j, "scenario", str_or_null(s->id));
    json_object_set_new(j, "until", hk_json_month_string(until));
    json_object_set_new(j, "months", json_integer(months));
    json_object_set_new(j, "events", json_integer(events));
    /* A cut run cannot tell whether what has not happened yet still will:
     * those outcomes are null, not false. */
    json_t *oc = hk_json_outcomes(o);
    for (int i = 0; i < HK_OUTCOME_COUNT; i++)
        if (!hk_output_outcome_decided(o, i, until, hk_date_month(s->end)))
            json_object_set_new(oc, hk_outcome_table[i].name, json_null());
    json_object_set_new(j, "outcomes", oc);
    json_object_set_new(j, "incidents_per_year", by_year_int(o->incidents_per_year, years));
    json_object_set_new(j, "doctrine_jpn_by_year", by_year_real(o->doctrine_jpn_by_year, years, 4));
    json_object_set_new(j, "soviet_far_east_men_by_year", by_year_real(o->soviet_far_east_men_by_year, years, 0));
    json_object_set_new(j, "japan_manchuria_men_by_year", by_year_real(o->japan_manchuria_men_by_year, years, 0));
    json_t *cas = json_object();
    json_object_set_new(cas, "japanese_side", hk_json_number(o->major_battle_casualties[0], 0));
    json_object_set_new(cas, "soviet_side", hk_json_number(o->major_battle_casualties[1], 0));
    json_object_set_new(j, "major_battle_casualties", cas);
    json_object_set_new(j, "intervention_dead", hk_json_number(o->intervention_dead, 0));
    return j;
}

/* ---- the scenario ------------------------------------------------------ */

static json_t *scenario_actors(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_actors; i++) {
        const hk_actor *x = &s->actors[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "role", json_string(x->role == HK_ROLE_MODELLED ? "modelled" : "outside"));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_factions(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_factions; i++) {
        const hk_faction *x = &s->factions[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "actor", actor_id(s, x->actor));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "lean", hk_json_number(x->lean, 4));
        json_object_set_new(o, "influence", hk_json_number(x->influence, 4));
        json_object_set_new(o, "hawk", hk_json_number(x->hawk, 4));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_regions(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_regions; i++) {
        const hk_region *x = &s->regions[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "lat", hk_json_number(x->lat, 4));
        json_object_set_new(o, "lon", hk_json_number(x->lon, 4));
        json_object_set_new(o, "controller", actor_id(s, x->controller));
        json_object_set_new(o, "terrain", str_or_null(hk_terrain_name(x->terrain)));
        json_object_set_new(o, "sector", sector_id(s, x->sector));
        json_object_set_new(o, "railhead", json_boolean(x->railhead));
        json_object_set_new(o, "rail_from", hk_json_date(x->rail_from));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_links(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_links; i++) {
        const hk_link *x = &s->links[i];
        json_t *o = json_object();
        json_object_set_new(o, "from", region_id(s, x->from));
        json_object_set_new(o, "to", region_id(s, x->to));
        json_object_set_new(o, "kind", str_or_null(hk_link_kind_name(x->kind)));
        json_object_set_new(o, "km", hk_json_number(x->km, 1));
        json_object_set_new(o, "capacity", hk_json_number(x->capacity, 0));
        json_object_set_new(o, "line", str_or_null(x->line));
        json_object_set_new(o, "opened", hk_json_date(x->opened));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_sectors(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_sectors; i++) {
        const hk_sector *x = &s->sectors[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "sides", actor_list(s, x->side, 2));
        json_object_set_new(o, "length_km", hk_json_number(x->length_km, 1));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_formations(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_formations; i++) {
        const hk_formation *x = &s->formations[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "actor", actor_id(s, x->actor));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "region", region_id(s, x->region));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_treaties(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_treaties; i++) {
        const hk_treaty *x = &s->treaties[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "parties", actor_list(s, x->parties, x->n_parties));
        json_object_set_new(o, "signed", hk_json_date(x->signed_on));
        json_object_set_new(o, "in_force", hk_json_date(hk_date_is_set(x->in_force) ? x->in_force : x->signed_on));
        json_object_set_new(o, "denounced", hk_json_date(x->denounced));
        json_object_set_new(o, "ended", hk_json_date(x->ended));
        json_object_set_new(o, "duration_months", json_integer(x->duration_months));
        json_object_set_new(o, "notice_months", json_integer(x->notice_months));
        json_t *clauses = json_array();
        for (int c = 0; c < x->n_clauses && c < HK_MAX_CLAUSES; c++) {
            const hk_clause *cl = &x->clauses[c];
            json_t *co = json_object();
            json_object_set_new(co, "type", str_or_null(hk_clause_type_name(cl->type)));
            json_object_set_new(co, "text", str_or_null(cl->text));
            json_object_set_new(co, "months", json_integer(cl->months));
            json_object_set_new(co, "source", source_text(&cl->source));
            json_array_append_new(clauses, co);
        }
        json_object_set_new(o, "clauses", clauses);
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_events(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_events; i++) {
        const hk_event *x = &s->events[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "date", hk_json_date(x->date));
        json_object_set_new(o, "effect", str_or_null(hk_effect_name(x->effect)));
        json_object_set_new(o, "actors", actor_list(s, x->actors, x->n_actors));
        json_object_set_new(o, "text", str_or_null(x->text));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *battle_side(const hk_scenario *s, const hk_battle_side *b)
{
    json_t *o = json_object();
    json_object_set_new(o, "actor", actor_id(s, b->actor));
    json_object_set_new(o, "men", hk_json_number(b->men, 0));
    json_object_set_new(o, "tanks", hk_json_number(b->tanks, 0));
    json_object_set_new(o, "guns", hk_json_number(b->guns, 0));
    json_object_set_new(o, "aircraft", hk_json_number(b->aircraft, 0));
    json_object_set_new(o, "casualties", b->casualties < 0 ? json_null() : hk_json_number(b->casualties, 0));
    json_object_set_new(o, "casualties_hi", b->casualties_hi < 0 ? json_null() : hk_json_number(b->casualties_hi, 0));
    return o;
}

static json_t *scenario_battles(const hk_scenario *s)
{
    static const char *const winners[] = {"attacker", "defender"};
    json_t *a = json_array();
    for (int i = 0; i < s->n_battles; i++) {
        const hk_battle *x = &s->battles[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", str_or_null(x->name));
        json_object_set_new(o, "start", hk_json_date(x->start));
        json_object_set_new(o, "end", hk_json_date(x->end));
        json_object_set_new(o, "region", region_id(s, x->region));
        json_object_set_new(o, "sector", sector_id(s, x->sector));
        json_object_set_new(o, "terrain", str_or_null(hk_terrain_name(x->terrain)));
        json_object_set_new(o, "winner", json_string(x->winner == 0 || x->winner == 1 ? winners[x->winner] : "draw"));
        json_object_set_new(o, "attacker", battle_side(s, &x->attacker));
        json_object_set_new(o, "defender", battle_side(s, &x->defender));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *scenario_incidents(const hk_scenario *s)
{
    json_t *a = json_array();
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *x = &s->incidents[i];
        json_t *o = json_object();
        json_object_set_new(o, "from", json_integer(x->year_from));
        json_object_set_new(o, "to", json_integer(x->year_to));
        json_object_set_new(o, "count", json_integer(x->count));
        json_object_set_new(o, "source", source_text(&x->source));
        json_array_append_new(a, o);
    }
    return a;
}

json_t *hk_json_scenario(const hk_scenario *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", str_or_null(s->id));
    json_object_set_new(o, "name", str_or_null(s->name));
    json_object_set_new(o, "description", str_or_null(s->description));
    json_object_set_new(o, "start", hk_json_month_string(hk_date_month(s->start)));
    json_object_set_new(o, "end", hk_json_month_string(hk_date_month(s->end)));
    json_object_set_new(o, "actors", scenario_actors(s));
    json_object_set_new(o, "factions", scenario_factions(s));
    json_object_set_new(o, "regions", scenario_regions(s));
    json_object_set_new(o, "links", scenario_links(s));
    json_object_set_new(o, "sectors", scenario_sectors(s));
    json_object_set_new(o, "formations", scenario_formations(s));
    json_object_set_new(o, "treaties", scenario_treaties(s));
    json_object_set_new(o, "events", scenario_events(s));
    json_object_set_new(o, "battles", scenario_battles(s));
    json_object_set_new(o, "incidents_record", scenario_incidents(s));
    return o;
}

/* ---- collecting a run -------------------------------------------------- */

int hk_json_write_line(FILE *out, const json_t *obj)
{
    if (json_dumpf(obj, out, HK_JSON_FLAGS) != 0 || fputc('\n', out) == EOF)
        return -1;
    return 0;
}

static void json_on_event(void *ud, const hk_log_event *e);
static void json_on_month(void *ud, const hk_month_summary *m);

void hk_json_run_init(hk_json_run *r, const hk_scenario *s, FILE *out, bool keep)
{
    memset(r, 0, sizeof *r);
    r->scenario = s;
    r->out = out;
    r->keep = keep;
    r->last_month = HK_MONTH_NONE;
    if (keep) {
        r->events = json_array();
        r->months = json_array();
        if (!r->events || !r->months)
            r->lost = 1;
    }
    hk_observer raw = {json_on_event, json_on_month, r};
    hk_order_init(&r->order, &raw);
}

void hk_json_run_free(hk_json_run *r)
{
    json_decref(r->events);
    json_decref(r->months);
    r->events = r->months = NULL;
    hk_order_free(&r->order);
}

static void take(hk_json_run *r, json_t *obj, json_t *into)
{
    if (!obj) { /* out of memory: the line is lost, and the run must say so */
        r->lost = 1;
        return;
    }
    if (r->out && hk_json_write_line(r->out, obj) != 0)
        r->write_error = 1;
    if (r->keep && (!into || json_array_append(into, obj) != 0))
        r->lost = 1;
    json_decref(obj);
}

static void json_on_event(void *ud, const hk_log_event *e)
{
    hk_json_run *r = ud;
    r->n_events++;
    take(r, hk_json_event(r->scenario, e), r->events);
}

static void json_on_month(void *ud, const hk_month_summary *m)
{
    hk_json_run *r = ud;
    r->n_months++;
    r->last_month = m->month;
    take(r, hk_json_month(r->scenario, m), r->months);
}

hk_observer hk_json_run_observer(hk_json_run *r)
{
    return hk_order_observer(&r->order);
}

json_t *hk_json_doc(const hk_json_run *r, json_t *summary)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "scenario", hk_json_scenario(r->scenario));
    json_object_set(doc, "events", r->events ? r->events : json_array());
    json_object_set(doc, "months", r->months ? r->months : json_array());
    json_object_set_new(doc, "summary", summary ? summary : json_null());
    json_object_set_new(doc, "labels", hk_labels_json(r->scenario, NULL));
    json_t *bib = hk_sources_json(r->scenario, NULL, NULL);
    json_object_set_new(doc, "sources", bib ? bib : json_null());
    return doc;
}

int hk_json_run_write(const hk_setup *setup, hk_mode mode, uint64_t seed, hk_month until, FILE *out, json_t **doc,
                      hk_json_written *done)
{
    hk_json_run r;
    hk_json_run_init(&r, setup->scenario, out, doc != NULL);
    hk_observer obs = hk_json_run_observer(&r);
    hk_outcomes o;
    memset(&o, 0, sizeof o);
    if (doc)
        *doc = NULL;
    if (hk_run(setup, mode, seed, 0, until, &obs, &o) != 0) {
        hk_json_run_free(&r);
        return -1;
    }
    json_t *summary = hk_json_summary(setup->scenario, mode == HK_MODE_REPLAY ? "replay" : "simulate", seed, 0,
                                      r.last_month, r.n_months, r.n_events, &o);
    if (out && hk_json_write_line(out, summary) != 0)
        r.write_error = 1;
    if (doc)
        *doc = hk_json_doc(&r, json_incref(summary));
    json_decref(summary);
    if (done) {
        done->months = r.n_months;
        done->events = r.n_events;
        done->outcomes = o;
    }
    /* out of memory on the way: a line lost, or events passed on out of
     * their reading order */
    if (!summary || (doc && !*doc) || r.order.failed)
        r.lost = 1;
    int rc = r.lost ? HK_JSON_RUN_LOST : r.write_error ? -2 : 0;
    hk_json_run_free(&r);
    return rc;
}

json_t *hk_json_run_doc(const hk_setup *setup, hk_mode mode, uint64_t seed, hk_month until)
{
    json_t *doc;
    hk_json_written done;
    if (hk_json_run_write(setup, mode, seed, until, NULL, &doc, &done) != 0)
        return NULL;
    /* the record beside each outcome: the replay's outcomes (this run's, when
     * it is the replay of the scenario as it is) */
    hk_outcomes rec;
    bool own = mode == HK_MODE_REPLAY;
    if (doc && (own ? (rec = done.outcomes, true) : hk_label_history(setup->scenario, &rec) == 0))
        json_object_set_new(doc, "labels", hk_labels_json(setup->scenario, &rec));
    return doc;
}

json_t *hk_json_replay_doc(const hk_setup *setup)
{
    return hk_json_run_doc(setup, HK_MODE_REPLAY, HK_REPLAY_SEED, HK_MONTH_NONE);
}

json_t *hk_json_simulate_doc(const hk_setup *setup, uint64_t seed, hk_month until)
{
    return hk_json_run_doc(setup, HK_MODE_SIMULATE, seed, until);
}
