/* fixture_scenario.h — a small Northeast Asia scenario built in C, so the
 * model's tests do not depend on the YAML loader. Its numbers follow the
 * built-in scenario in shape (three sectors, the five fixed treaties, the
* twelve outside events, the record's pinned decisions) but are smaller. */
#ifndef HK_TEST_FIXTURE_SCENARIO_H
#define HK_TEST_FIXTURE_SCENARIO_H

#include <stdlib.h>
#include <string.h>

#include "world/api.h"

static hk_date fx_date(int y, int m, int d)
{
    hk_date x = {(int16_t)y, (int8_t)m, (int8_t)d};
    return x;
}

static hk_source fx_src(const char *text)
{
    hk_source s = {text, -1, 0, -1};
    return s;
}

static int fx_actor(hk_scenario *s, const char *id, hk_actor_role role)
{
    int i = s->n_actors++;
    strcpy(s->actors[i].id, id);
    s->actors[i].name = s->actors[i].id;
    s->actors[i].role = role;
    return i;
}

static void fx_faction(hk_scenario *s, const char *id, int actor, double infl, double lean, double hawk)
{
    hk_faction *f = &s->factions[s->n_factions++];
    strcpy(f->id, id);
    f->name = f->id;
    f->actor = actor;
    f->influence = infl;
    f->lean = lean;
    f->hawk = hawk;
    f->source = fx_src("fixture");
}

static int fx_region(hk_scenario *s, const char *id, double lat, double lon, int ctrl, hk_terrain t, bool rail,
                     int sector)
{
    int i = s->n_regions++;
    hk_region *r = &s->regions[i];
    strcpy(r->id, id);
    r->name = r->id;
    r->lat = lat;
    r->lon = lon;
    r->controller = ctrl;
    r->terrain = t;
    r->railhead = rail;
    r->sector = sector;
    r->redoubt = -1;
    r->claimed_by = -1;
    return i;
}

static void fx_link(hk_scenario *s, int a, int b, hk_link_kind k, double km, double cap, const char *line)
{
    hk_link *l = &s->links[s->n_links++];
    l->from = a;
    l->to = b;
    l->kind = k;
    l->km = km;
    l->capacity = cap;
    l->line = line;
}

static int fx_sector(hk_scenario *s, const char *id, double len, int a, int b)
{
    int i = s->n_sectors++;
    strcpy(s->sectors[i].id, id);
    s->sectors[i].name = s->sectors[i].id;
    s->sectors[i].length_km = len;
    s->sectors[i].side[0] = a;
    s->sectors[i].side[1] = b;
    return i;
}

static int fx_formation(hk_scenario *s, const char *id, int actor, int region)
{
    int i = s->n_formations++;
    strcpy(s->formations[i].id, id);
    s->formations[i].name = s->formations[i].id;
    s->formations[i].actor = actor;
    s->formations[i].region = region;
    return i;
}

static void fx_strength(hk_scenario *s, int f, hk_date d, double men, double tanks, double guns, double air)
{
    hk_strength *x = &s->strengths[s->n_strengths++];
    x->formation = f;
    x->date = d;
    x->region = -1;
    x->men = men;
    x->tanks = tanks;
    x->guns = guns;
    x->aircraft = air;
    x->quality = 1;
    x->source = fx_src("fixture strength");
}

static int fx_treaty(hk_scenario *s, const char *id, int a, int b, hk_date signed_on, int duration, int notice)
{
    int i = s->n_treaties++;
    hk_treaty *t = &s->treaties[i];
    strcpy(t->id, id);
    t->name = t->id;
    t->parties[0] = a;
    t->parties[1] = b;
    t->n_parties = 2;
    t->signed_on = signed_on;
    t->in_force = signed_on;
    t->duration_months = duration;
    t->notice_months = notice;
    t->price_by = -1; /* no price, as the loader leaves a treaty without one */
    t->source = fx_src("fixture treaty");
    return i;
}

static void fx_clause(hk_scenario *s, int t, hk_clause_type type, int bars, int pa, int pb)
{
    hk_clause *c = &s->treaties[t].clauses[s->treaties[t].n_clauses++];
    c->type = type;
    c->text = "clause";
    c->bars_type = bars;
    c->bars_parties[0] = pa;
    c->bars_parties[1] = pb;
}

static void fx_event(hk_scenario *s, const char *id, hk_date d, hk_effect e)
{
    hk_event *x = &s->events[s->n_events++];
    strcpy(x->id, id);
    x->name = x->id;
    x->date = d;
    x->effect = e;
    x->text = x->id;
    x->source = fx_src("fixture event");
}

static void fx_fact(hk_scenario *s, const char *id, hk_date d, hk_pin pin, int a, int b, int target)
{
    hk_fact *f = &s->facts[s->n_facts++];
    strcpy(f->id, id);
    f->date = d;
    f->kind = HK_FACT_EVENT;
    f->actors[0] = a;
    f->actors[1] = b;
    f->n_actors = b >= 0 ? 2 : 1;
    f->text = f->id;
    f->pin = pin;
    f->target = target;
    f->source = fx_src("fixture fact");
}

static void fx_param(hk_scenario *s, const char *key, double v)
{
    int p = hk_param_find(key);
    if (p >= 0) {
        s->params[p].value = v;
        s->params[p].min = v / 2;
        s->params[p].max = v * 2;
        s->params[p].source = fx_src("fixture");
    }
}

/* The parameters' values, as in scenarios/far-east-1918/params.yaml. */
static void fx_params(hk_scenario *s)
{
    static const struct { const char *key; double v; } P[] = {
#include "fixture_params.h"
    };
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        fx_param(s, P[i].key, P[i].v);
}

/* Builds the fixture; free with fx_free. */
static hk_scenario *fx_scenario(void)
{
    hk_scenario *s = calloc(1, sizeof *s);
    s->id = "fixture";
    s->name = "fixture";
    s->start = fx_date(1918, 1, 0);
    s->end = fx_date(1945, 9, 0);
    s->jpn = fx_actor(s, "JPN", HK_ROLE_MODELLED);
    s->sov = fx_actor(s, "SOV", HK_ROLE_MODELLED);
    s->man = fx_actor(s, "MAN", HK_ROLE_MODELLED);
    s->mgl = fx_actor(s, "MGL", HK_ROLE_MODELLED);
    s->chn = fx_actor(s, "CHN", HK_ROLE_MODELLED);
    int ger = fx_actor(s, "GER", HK_ROLE_OUTSIDE);

    fx_faction(s, "kodoha", s->jpn, 0.15, 0.9, 0.9);
    fx_faction(s, "toseiha", s->jpn, 0.15, 0.1, 0.6);
    fx_faction(s, "kwantung_field", s->jpn, 0.10, 0.8, 0.95);
    fx_faction(s, "navy", s->jpn, 0.20, -0.8, 0.6);
    fx_faction(s, "foreign_ministry", s->jpn, 0.15, -0.1, 0.2);
    fx_faction(s, "zaibatsu", s->jpn, 0.15, -0.4, 0.3);
    fx_faction(s, "pan_asianists", s->jpn, 0.10, -0.3, 0.5);
    fx_faction(s, "leadership", s->sov, 0.6, 0.3, 0.5);
    fx_faction(s, "foreign_affairs", s->sov, 0.2, -0.4, 0.2);
    fx_faction(s, "red_army", s->sov, 0.2, 0.6, 0.7);

    int western = fx_sector(s, "western", 470, s->man, s->mgl);
    int amur = fx_sector(s, "amur", 1860, s->man, s->sov);
    int tumen = fx_sector(s, "tumen", 65, s->jpn, s->sov);

    int chita = fx_region(s, "chita", 52.0, 113.5, s->sov, HK_TERRAIN_HILLS, true, -1);
    int borzya = fx_region(s, "borzya", 50.4, 116.5, s->sov, HK_TERRAIN_STEPPE, true, -1);
    int nomonhan = fx_region(s, "nomonhan", 47.75, 118.6, s->mgl, HK_TERRAIN_STEPPE, false, western);
    int hailar = fx_region(s, "hailar", 49.2, 119.7, s->chn, HK_TERRAIN_STEPPE, true, -1);
    int harbin = fx_region(s, "harbin", 45.76, 126.64, s->chn, HK_TERRAIN_URBAN, true, -1);
    int heihe = fx_region(s, "heihe", 50.25, 127.49, s->chn, HK_TERRAIN_PLAIN, false, amur);
    int blag = fx_region(s, "blagoveshchensk", 50.27, 127.54, s->sov, HK_TERRAIN_PLAIN, true, amur);
    int khab = fx_region(s, "khabarovsk", 48.48, 135.08, s->sov, HK_TERRAIN_URBAN, true, amur);
    int vlad = fx_region(s, "vladivostok", 43.12, 131.88, s->sov, HK_TERRAIN_URBAN, true, tumen);
    int chongjin = fx_region(s, "chongjin", 41.8, 129.78, s->jpn, HK_TERRAIN_URBAN, true, tumen);

    fx_link(s, chita, borzya, HK_LINK_RAIL, 370, 216000, "Trans-Siberian");
    s->links[s->n_links - 1].bottleneck = true;
    fx_link(s, chita, blag, HK_LINK_RAIL, 1775, 216000, "Trans-Siberian (Amur line)");
    s->links[s->n_links - 1].bottleneck = true;
    fx_link(s, blag, khab, HK_LINK_RAIL, 765, 216000, "Trans-Siberian (Amur line)");
    s->links[s->n_links - 1].bottleneck = true;
    fx_link(s, khab, vlad, HK_LINK_RAIL, 760, 216000, "Trans-Siberian (Ussuri line)");
    s->links[s->n_links - 1].bottleneck = true;
    fx_link(s, borzya, nomonhan, HK_LINK_ROAD, 650, 20000, NULL);
    fx_link(s, hailar, nomonhan, HK_LINK_ROAD, 200, 20000, NULL);
    fx_link(s, hailar, harbin, HK_LINK_RAIL, 740, 150000, "Chinese Eastern");
    fx_link(s, harbin, heihe, HK_LINK_ROAD, 550, 20000, NULL);
    fx_link(s, harbin, chongjin, HK_LINK_RAIL, 600, 150000, NULL);

    int kwantung = fx_formation(s, "kwantung_army", s->jpn, harbin);
    int hailar_grp = fx_formation(s, "hailar_group", s->jpn, hailar);
    int korea = fx_formation(s, "korea_army", s->jpn, chongjin);
    int expedition = fx_formation(s, "siberian_expedition", s->jpn, vlad);
    int fe = fx_formation(s, "far_eastern_army", s->sov, khab);
    int zab = fx_formation(s, "transbaikal", s->sov, borzya);
    int mgl_army = fx_formation(s, "mongolian_army", s->mgl, nomonhan);
    fx_strength(s, kwantung, fx_date(1918, 1, 0), 10000, 0, 60, 0);
    fx_strength(s, kwantung, fx_date(1932, 1, 0), 90000, 50, 300, 100);
    fx_strength(s, kwantung, fx_date(1941, 8, 0), 500000, 500, 2000, 800);
    fx_strength(s, hailar_grp, fx_date(1939, 6, 0), 30000, 70, 180, 200);
    fx_strength(s, korea, fx_date(1918, 1, 0), 20000, 0, 100, 0);
    fx_strength(s, expedition, fx_date(1918, 8, 0), 70000, 0, 200, 0);
    fx_strength(s, expedition, fx_date(1922, 10, 0), 0, 0, 0, 0);
    fx_strength(s, fe, fx_date(1918, 1, 0), 10000, 0, 20, 0);
    fx_strength(s, fe, fx_date(1936, 12, 0), 240000, 2600, 3000, 500);
    fx_strength(s, fe, fx_date(1945, 8, 0), 1000000, 3500, 20000, 3500);
    fx_strength(s, zab, fx_date(1918, 1, 0), 5000, 0, 10, 0);
    fx_strength(s, zab, fx_date(1939, 8, 0), 57000, 500, 540, 500);
    fx_strength(s, zab, fx_date(1945, 8, 0), 500000, 2000, 9000, 1500);
    fx_strength(s, mgl_army, fx_date(1936, 3, 0), 18000, 0, 50, 0);

    int bc = fx_treaty(s, "basic_convention_1925", s->jpn, s->sov, fx_date(1925, 1, 20), 0, 0);
    fx_clause(s, bc, HK_CLAUSE_NORMALIZATION, -1, -1, -1);
    fx_clause(s, bc, HK_CLAUSE_NEUTRALITY, -1, -1, -1);
    int smp = fx_treaty(s, "soviet_mongolian_protocol", s->sov, s->mgl, fx_date(1936, 3, 12), 120, 0);
    fx_clause(s, smp, HK_CLAUSE_MUTUAL_ASSISTANCE, -1, -1, -1);
    int ac = fx_treaty(s, "anti_comintern_pact", s->jpn, ger, fx_date(1936, 11, 25), 60, 0);
    fx_clause(s, ac, HK_CLAUSE_CONSULTATION, -1, -1, -1);
    fx_clause(s, ac, HK_CLAUSE_NO_POLITICAL_TREATY, HK_CLAUSE_NON_AGGRESSION, s->jpn, s->sov);
    int ssp = fx_treaty(s, "sino_soviet_pact", s->sov, s->chn, fx_date(1937, 8, 21), 60, 6);
    fx_clause(s, ssp, HK_CLAUSE_NON_AGGRESSION, -1, -1, -1);
    fx_clause(s, ssp, HK_CLAUSE_SECRET_PROTOCOL, HK_CLAUSE_NON_AGGRESSION, s->sov, s->jpn);
    int np = fx_treaty(s, "neutrality_pact", s->jpn, s->sov, fx_date(1941, 4, 13), 60, 12);
    fx_clause(s, np, HK_CLAUSE_NEUTRALITY, -1, -1, -1);
    s->treaties[np].in_force = fx_date(1941, 4, 25);
    s->treaties[np].denounced = fx_date(1945, 4, 5);
    s->treaties[np].ended = fx_date(1945, 8, 9);

    fx_event(s, "molotov_ribbentrop_pact", fx_date(1939, 8, 23), HK_EFFECT_GER_SOV_PACT);
    fx_event(s, "european_war", fx_date(1939, 9, 1), HK_EFFECT_EUROPE_WAR);
    fx_event(s, "fall_of_france", fx_date(1940, 6, 14), HK_EFFECT_FRANCE_FALLEN);
    fx_event(s, "tripartite_pact", fx_date(1940, 9, 27), HK_EFFECT_AXIS_ALLIANCE);
    fx_event(s, "berlin_talks_fail", fx_date(1940, 11, 25), HK_EFFECT_GERMAN_THREAT);
    s->events[s->n_events - 1].conditional = true;
    s->events[s->n_events - 1].requires = HK_EFFECT_GER_SOV_PACT;
    fx_event(s, "barbarossa", fx_date(1941, 6, 22), HK_EFFECT_GER_SOV_WAR);
    fx_event(s, "us_oil_embargo", fx_date(1941, 8, 1), HK_EFFECT_OIL_EMBARGO);
    fx_event(s, "pearl_harbor", fx_date(1941, 12, 7), HK_EFFECT_JPN_US_WAR);
    fx_event(s, "yalta_agreement", fx_date(1945, 2, 11), HK_EFFECT_ALLIED_PLEDGE);
    fx_event(s, "german_defeat", fx_date(1945, 5, 8), HK_EFFECT_GERMANY_DEFEATED);
    fx_event(s, "potsdam_declaration", fx_date(1945, 7, 26), HK_EFFECT_ULTIMATUM);
    fx_event(s, "hiroshima", fx_date(1945, 8, 6), HK_EFFECT_ATOMIC);

    int kodoha = 0;
    fx_fact(s, "siberian_intervention", fx_date(1918, 8, 2), HK_PIN_INTERVENTION, s->jpn, s->sov, -1);
    fx_fact(s, "withdrawal", fx_date(1922, 10, 25), HK_PIN_WITHDRAWAL, s->jpn, -1, -1);
    fx_fact(s, "mukden_incident", fx_date(1931, 9, 18), HK_PIN_SEIZE_MANCHURIA, s->jpn, s->chn, -1);
    fx_fact(s, "february_26_incident", fx_date(1936, 2, 26), HK_PIN_COUP_FAILED, s->jpn, -1, kodoha);
    fx_fact(s, "marco_polo_bridge", fx_date(1937, 7, 7), HK_PIN_CHINA_WAR, s->jpn, s->chn, -1);
    fx_fact(s, "khalkhin_gol_ceasefire", fx_date(1939, 9, 15), HK_PIN_NONE, s->jpn, s->sov, -1);
    fx_fact(s, "southern_indochina", fx_date(1941, 7, 28), HK_PIN_DOCTRINE_SOUTH, s->jpn, -1, -1);
    fx_fact(s, "soviet_entry", fx_date(1945, 8, 9), HK_PIN_WAR, s->sov, s->jpn, -1);
    fx_fact(s, "japan_surrenders", fx_date(1945, 8, 15), HK_PIN_PEACE, s->jpn, -1, -1);

    hk_battle *b = &s->battles[s->n_battles++];
    strcpy(b->id, "khalkhin_gol");
    b->name = "Khalkhin Gol";
    b->sector = western;
    b->region = nomonhan;
    b->start = fx_date(1939, 8, 20);
    b->end = fx_date(1939, 8, 31);
    b->terrain = HK_TERRAIN_STEPPE;
    b->attacker = (hk_battle_side){s->sov, 57000, 498, 542, 515, 1, 650, 24000, -1};
    b->defender = (hk_battle_side){s->jpn, 30000, 70, 180, 200, 1, 200, 18000, -1};
    b->winner = 0;
    b->source = fx_src("fixture battle");

    static const int years[][3] = {{1932, 1934, 152}, {1935, 1935, 176}, {1936, 1936, 152},
                                   {1937, 1937, 113}, {1938, 1938, 166}, {1939, 1939, 159}};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        hk_incident_count *c = &s->incidents[s->n_incidents++];
        c->year_from = years[i][0];
        c->year_to = years[i][1];
        c->count = years[i][2];
        c->source = fx_src("001_fd9a28d61a246780.txt:49");
    }
    fx_params(s);
    hk_scenario_compile(s);
    return s;
}

static void fx_free(hk_scenario *s) { hk_scenario_free(s); }

#endif
