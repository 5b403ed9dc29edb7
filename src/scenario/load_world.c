/* load_world.c — scenario.yaml (dates, seeds, publications), actors.yaml,
 * regions.yaml and links.yaml: the map and who is on it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "scenario/load.h"

static const char *role_name(int i) { return i == HK_ROLE_MODELLED ? "modelled" : "outside"; }
static const char *terrain_name(int i) { return hk_terrain_name((hk_terrain)i); }
static const char *pin_name(int i) { return hk_pin_name((hk_pin)i); }
static const char *link_kind_name(int i) { return hk_link_kind_name((hk_link_kind)i); }

static void load_seeds(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"file", "lines", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "seed", keys))
            continue;
        if (s->n_seeds == HK_MAX_SEEDS) {
            hk_load_error(ld, r.line, "too many seeds: at most %d are allowed", HK_MAX_SEEDS);
            return;
        }
        hk_seed seed = {0};
        const char *file = NULL;
        if (hk_rec_str(&r, "file", true, &file) > 0) {
            if (strlen(file) >= sizeof seed.file || strchr(file, ':') || strchr(file, ';')) {
                hk_load_error(ld, r.line, "seed file name '%.40s' must be shorter than %zu "
                              "characters, without ':' or ';'", file, sizeof seed.file);
                file = NULL;
            } else {
                for (int j = 0; j < s->n_seeds; j++)
                    if (strcmp(s->seeds[j].file, file) == 0)
                        hk_load_error(ld, r.line, "seed '%s' listed twice", file);
                snprintf(seed.file, sizeof seed.file, "%s", file);
            }
        }
        hk_rec_int(&r, "lines", true, 1, 10000000, &seed.lines);
        if (file)
            s->seeds[s->n_seeds++] = seed;
    }
}

static void load_publications(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"id", "cite", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "publication", keys) ||
            !hk_table_room(ld, T_PUBLICATION, r.line))
            continue;
        hk_publication *p = &s->publications[s->n_publications];
        memset(p, 0, sizeof *p);
        p->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_PUBLICATION, false, p->id);
        hk_rec_str(&r, "cite", true, &p->cite);
        if (ok > 0)
            s->n_publications++;
    }
}

void hk_load_meta(hk_loader *ld, const hk_ynode *root)
{
    static const char *const keys[] = {"id", "name", "description", "start", "end",
                                       "seeds", "publications", NULL};
    hk_scenario *s = ld->s;
    hk_rec r;
    if (root->type != HK_Y_MAP) {
        hk_file_open(ld, root, keys); /* reports what the top should be */
        return;
    }
    hk_rec_open(&r, ld, root, "the scenario", keys);
    snprintf(r.label, sizeof r.label, "the scenario");
    hk_rec_str(&r, "id", true, &s->id);
    hk_rec_str(&r, "name", true, &s->name);
    hk_rec_str(&r, "description", false, &s->description);
    int a = hk_rec_date(&r, "start", true, &s->start);
    int b = hk_rec_date(&r, "end", true, &s->end);
    if (a > 0 && b > 0) {
        if (hk_date_month(s->end) < hk_date_month(s->start))
            hk_load_error(ld, hk_rec_get(&r, "end")->line, "'end' comes before 'start'");
        else
            ld->have_meta = true;
    }
    const hk_ynode *seeds = hk_file_list(ld, root, "seeds");
    if (!seeds && !hk_rec_get(&r, "seeds"))
        hk_rec_missing(&r, "seeds");
    load_seeds(ld, seeds);
    load_publications(ld, hk_file_list(ld, root, "publications"));
}

/* `begins_with: {decision: PIN, lag_months: N}`: an actor the run creates. */
static void load_begins_with(hk_rec *r, hk_actor *a)
{
    static const char *const keys[] = {"decision", "lag_months", "men", "source", NULL};
    a->begins_with = -1;
    const hk_ynode *b = hk_rec_get(r, "begins_with");
    if (!b)
        return;
    hk_rec br;
    if (!hk_rec_open(&br, r->ld, b, "begins_with", keys))
        return;
    snprintf(br.label, sizeof br.label, "the beginning of actor '%s'", a->id);
    int pin = -1;
    if (hk_rec_enum(&br, "decision", true, "decision", pin_name, HK_PIN_COUNT, &pin) > 0)
        a->begins_with = pin;
    hk_rec_int(&br, "lag_months", true, 0, 120, &a->lag_months);
    a->begins_men = 0;
    hk_rec_num(&br, "men", false, 1, 1e7, &a->begins_men);
    hk_source src;
    hk_rec_source(&br, &src);
}

/* `forms:` the actor's successive forms, in date order; the first opens its span. */
static void load_forms(hk_rec *r, hk_actor *a)
{
    static const char *const keys[] = {"id", "name", "from", "treaties", "source", NULL};
    const hk_ynode *list = hk_rec_get(r, "forms");
    if (!list)
        return;
    if (list->type != HK_Y_SEQ) {
        hk_load_error(r->ld, list->line, "'forms' of %s must be a list of {id, name, from, source}",
                      r->label);
        return;
    }
    for (int i = 0; i < list->n; i++) {
        hk_rec fr;
        if (!hk_rec_open(&fr, r->ld, list->items[i], "form", keys))
            continue;
        if (a->n_forms == HK_MAX_FORMS) {
            hk_load_error(r->ld, fr.line, "too many forms of actor '%s': at most %d", a->id,
                          HK_MAX_FORMS);
            return;
        }
        hk_actor_form *f = &a->forms[a->n_forms];
        memset(f, 0, sizeof *f);
        f->at = (hk_at){r->ld->path, fr.line};
        const char *id = NULL;
        if (hk_rec_str(&fr, "id", true, &id) > 0) {
            if (strlen(id) >= HK_ID_LEN)
                hk_load_error(r->ld, fr.line, "form id '%.40s' is too long", id);
            for (int j = 0; j < a->n_forms; j++)
                if (!strcmp(a->forms[j].id, id))
                    hk_load_error(r->ld, fr.line, "form '%s' of actor '%s' given twice", id,
                                  a->id);
            snprintf(f->id, sizeof f->id, "%s", id);
            snprintf(fr.label, sizeof fr.label, "form '%s' of actor '%s'", f->id, a->id);
        }
        hk_rec_str(&fr, "name", true, &f->name);
        if (hk_rec_date(&fr, "from", true, &f->from) > 0 && a->n_forms > 0 &&
            hk_date_order(f->from, a->forms[a->n_forms - 1].from) <= 0)
            hk_load_error(r->ld, fr.line, "form '%s' of actor '%s' begins before the form "
                          "it follows: list the forms in date order", f->id, a->id);
        /* what becomes of the treaties its predecessor signed */
        const char *tr = NULL;
        if (hk_rec_str(&fr, "treaties", false, &tr) > 0) {
            if (!strcmp(tr, "lapse"))
                f->drops_treaties = true;
            else if (strcmp(tr, "keep"))
                hk_load_error(r->ld, fr.line, "form '%s' of actor '%s': 'treaties' is '%.40s'; write 'keep' "
                              "(the new regime takes its predecessor's treaties over) or 'lapse'", f->id, a->id, tr);
        }
        hk_rec_source(&fr, &f->source);
        a->n_forms++;
    }
    if (a->n_forms && hk_date_is_set(a->until) &&
        hk_date_order(a->until, a->forms[a->n_forms - 1].from) <= 0)
        hk_load_error(r->ld, hk_rec_get(r, "until")->line,
                      "actor '%s' ends ('until') before its last form begins", a->id);
}

static const char *faction_condition_name(int i) { return hk_precondition_name((hk_precondition)i); }

void hk_load_actors(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"actors", "factions", NULL};
    static const char *const akeys[] = {"id", "name", "role", "cow", "forms", "until",
                                        "begins_with", "source", NULL};
    static const char *const fkeys[] = {"id", "actor", "name", "influence", "lean", "hawk",
                                        "emerges", "before_name", "source", NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "actors");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "actor", akeys) ||
            !hk_table_room(ld, T_ACTOR, r.line))
            continue;
        hk_actor *a = &s->actors[s->n_actors];
        memset(a, 0, sizeof *a);
        a->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_ACTOR, true, a->id);
        hk_rec_str(&r, "name", true, &a->name);
        int role = HK_ROLE_OUTSIDE;
        hk_rec_enum(&r, "role", true, "role", role_name, 2, &role);
        a->role = (hk_actor_role)role;
        hk_rec_int(&r, "cow", false, 0, 9999, &a->cow_code);
        hk_rec_date(&r, "until", false, &a->until);
        load_begins_with(&r, a);
        hk_rec_source(&r, &a->source);
        load_forms(&r, a);
        if (ok > 0)
            s->n_actors++;
    }
    list = hk_file_list(ld, root, "factions");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "faction", fkeys) ||
            !hk_table_room(ld, T_FACTION, r.line))
            continue;
        hk_faction *f = &s->factions[s->n_factions];
        memset(f, 0, sizeof *f);
        f->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_FACTION, false, f->id);
        hk_rec_ref(&r, "actor", true, T_ACTOR, &f->actor);
        hk_rec_str(&r, "name", true, &f->name);
        hk_rec_num(&r, "influence", true, 0, 1, &f->influence);
        hk_rec_num(&r, "lean", true, -1, 1, &f->lean);
        hk_rec_num(&r, "hawk", true, 0, 1, &f->hawk);
        /* a faction that forms under a condition (the Army's factions once
         * the seizure of Manchuria has politicised it): before, its weight
         * is the Army's undivided */
        f->emerges = -1;
        hk_rec_enum(&r, "emerges", false, "condition", faction_condition_name, HK_PRE_COUNT, &f->emerges);
        hk_rec_str(&r, "before_name", false, &f->before_name);
        hk_rec_source(&r, &f->source);
        if (ok > 0)
            s->n_factions++;
    }
}

void hk_load_regions(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"sectors", "regions", NULL};
    static const char *const skeys[] = {"id", "name", "length_km", "sides", "source", NULL};
    static const char *const rkeys[] = {"id", "name", "lat", "lon", "controller", "terrain",
                                        "railhead", "rail_from", "sector", "redoubt", "main_line", "zone", "fortified", "claimed_by",
                                        "source",
                                        NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "sectors");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "sector", skeys) ||
            !hk_table_room(ld, T_SECTOR, r.line))
            continue;
        hk_sector *sec = &s->sectors[s->n_sectors];
        memset(sec, 0, sizeof *sec);
        sec->at = (hk_at){ld->path, r.line};
        sec->side[0] = sec->side[1] = -1;
        int ok = hk_rec_id(&r, T_SECTOR, false, sec->id);
        hk_rec_str(&r, "name", true, &sec->name);
        hk_rec_num(&r, "length_km", true, 1, 20000, &sec->length_km);
        int n = 0;
        if (hk_rec_refs(&r, "sides", true, T_ACTOR, sec->side, 2, &n) > 0 && n != 2)
            hk_load_error(ld, hk_rec_get(&r, "sides")->line,
                          "'sides' of %s must name two actors: [JAPANESE_SIDE, SOVIET_SIDE]",
                          r.label);
        hk_rec_source(&r, &sec->source);
        if (ok > 0)
            s->n_sectors++;
    }
    list = hk_file_list(ld, root, "regions");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "region", rkeys) ||
            !hk_table_room(ld, T_REGION, r.line))
            continue;
        hk_region *g = &s->regions[s->n_regions];
        memset(g, 0, sizeof *g);
        g->at = (hk_at){ld->path, r.line};
        g->sector = -1;
        g->redoubt = -1;
        g->main_line = -1;
        g->zone = -1;
        g->fortified = -1;
        g->claimed_by = -1;
        int ok = hk_rec_id(&r, T_REGION, false, g->id);
        hk_rec_str(&r, "name", true, &g->name);
        hk_rec_num(&r, "lat", true, -90, 90, &g->lat);
        hk_rec_num(&r, "lon", true, -180, 180, &g->lon);
        hk_rec_ref(&r, "controller", true, T_ACTOR, &g->controller);
        int t = 0;
        hk_rec_enum(&r, "terrain", true, "terrain", terrain_name, HK_TERRAIN_COUNT, &t);
        g->terrain = (hk_terrain)t;
        hk_rec_bool(&r, "railhead", false, &g->railhead);
        hk_rec_date(&r, "rail_from", false, &g->rail_from);
        hk_rec_ref(&r, "sector", false, T_SECTOR, &g->sector);
        hk_rec_ref(&r, "redoubt", false, T_ACTOR, &g->redoubt);
        hk_rec_ref(&r, "main_line", false, T_ACTOR, &g->main_line);
        hk_rec_ref(&r, "zone", false, T_SECTOR, &g->zone);
        hk_rec_ref(&r, "fortified", false, T_ACTOR, &g->fortified);
        hk_rec_ref(&r, "claimed_by", false, T_ACTOR, &g->claimed_by);
        hk_rec_source(&r, &g->source);
        if (ok > 0)
            s->n_regions++;
    }
}

void hk_load_links(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"links", NULL};
    static const char *const keys[] = {"from", "to", "kind", "km", "capacity", "line",
                                       "bottleneck", "opened", "ice_from", "ice_to", "source", NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "links");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "link", keys))
            continue;
        if (s->n_links == HK_MAX_LINKS) {
            hk_load_error(ld, r.line, "too many links: at most %d are allowed", HK_MAX_LINKS);
            return;
        }
        hk_link *l = &s->links[s->n_links];
        memset(l, 0, sizeof *l);
        l->at = (hk_at){ld->path, r.line};
        int a = hk_rec_ref(&r, "from", true, T_REGION, &l->from);
        int b = hk_rec_ref(&r, "to", true, T_REGION, &l->to);
        if (a > 0 && b > 0) {
            snprintf(r.label, sizeof r.label, "link %s-%s", s->regions[l->from].id,
                     s->regions[l->to].id);
            if (l->from == l->to)
                hk_load_error(ld, r.line, "a link from '%s' to itself", s->regions[l->from].id);
        }
        int kind = 0;
        int k = hk_rec_enum(&r, "kind", true, "link kind", link_kind_name, 4, &kind);
        l->kind = (hk_link_kind)kind;
        hk_rec_num(&r, "km", true, 1, 20000, &l->km);
        hk_rec_num(&r, "capacity", true, 0, 1e9, &l->capacity);
        hk_rec_str(&r, "line", false, &l->line);
        hk_rec_bool(&r, "bottleneck", false, &l->bottleneck);
        hk_rec_date(&r, "opened", false, &l->opened);
        double ice[2] = {0, 0};
        int i0 = hk_rec_num(&r, "ice_from", false, 1, 12, &ice[0]);
        int i1 = hk_rec_num(&r, "ice_to", false, 1, 12, &ice[1]);
        if ((i0 > 0) != (i1 > 0) || (i0 > 0 && l->kind != HK_LINK_SEA))
            hk_load_error(ld, r.line, "%s: ice_from and ice_to come together, on a sea lane", r.label);
        l->ice_from = (int8_t)ice[0];
        l->ice_to = (int8_t)ice[1];
        hk_rec_source(&r, &l->source);
        if (a > 0 && b > 0 && k > 0) {
            for (int j = 0; j < s->n_links; j++) {
                const hk_link *o = &s->links[j];
                if (o->kind == l->kind && ((o->from == l->from && o->to == l->to) ||
                                           (o->from == l->to && o->to == l->from))) {
                    hk_load_error(ld, r.line, "%s (%s) given twice (first at line %d)", r.label,
                                  hk_link_kind_name(l->kind), o->at.line);
                    break;
                }
            }
        }
        if (a > 0 && b > 0)
            s->n_links++;
    }
}
