/* world.c — creating a run's state from a setup, and the event log.
 *
 * Everything a run learns from the scenario that does not change (which
 * formation belongs to which pool, which regions face which sector, where
 * the railheads are) is worked out here once, so the monthly systems only
 * do arithmetic on flat arrays. */
#include "world/world.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- event text memory --------------------------------------------------- */

#define HK_CHUNK_BYTES (64 * 1024)

struct hk_text_chunk {
    hk_text_chunk *next;
    size_t used;
    char data[HK_CHUNK_BYTES];
};

/* Copies s into the run's text memory so it lives until the run ends. */
static const char *world_keep(hk_world *w, const char *s)
{
    if (!s)
        return "";
    size_t n = strlen(s) + 1;
    if (n > HK_CHUNK_BYTES)
        n = HK_CHUNK_BYTES;
    if (!w->text || w->text->used + n > HK_CHUNK_BYTES) {
        hk_text_chunk *c = malloc(sizeof *c);
        if (!c)
            return "";
        c->next = w->text;
        c->used = 0;
        w->text = c;
    }
    char *out = w->text->data + w->text->used;
    memcpy(out, s, n - 1);
    out[n - 1] = '\0';
    w->text->used += n;
    return out;
}

void hk_world_release(hk_world *w)
{
    hk_text_chunk *c = w->text;
    while (c) {
        hk_text_chunk *next = c->next;
        free(c);
        c = next;
    }
    w->text = NULL;
}

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

hk_date hk_world_date(const hk_world *w)
{
    hk_date d = {(int16_t)hk_month_year(w->month), (int8_t)hk_month_mon(w->month), 0};
    return d;
}

void hk_world_emit(hk_world *w, hk_date date, const char *kind, const char *id,
                   const int *actors, int n_actors, const char *text, const char *source)
{
    int32_t key = date.year * 10000 + date.month * 100 + date.day;
    uint64_t h = w->event_hash ? w->event_hash : 0xcbf29ce484222325ULL;
    h = fnv1a(h, &key, sizeof key);
    h = fnv1a(h, kind, strlen(kind));
    h = fnv1a(h, id ? id : "", id ? strlen(id) : 0);
    w->event_hash = h;
    w->n_events++;
    if (!hk_world_logging(w))
        return;
    hk_log_event e;
    memset(&e, 0, sizeof e);
    e.date = date;
    e.kind = kind; /* kinds are string literals */
    e.id = world_keep(w, id);
    if (n_actors > HK_MAX_PARTIES)
        n_actors = HK_MAX_PARTIES;
    for (int i = 0; i < n_actors; i++)
        if (actors[i] >= 0)
            e.actors[e.n_actors++] = actors[i];
    e.text = world_keep(w, text);
    e.source = world_keep(w, source);
    w->obs->on_event(w->obs->ud, &e);
}

void hk_world_emit2(hk_world *w, const char *kind, const char *id, int a, int b,
                    const char *text, const char *source)
{
    int actors[2] = {a, b};
    hk_world_emit(w, hk_world_date(w), kind, id, actors, 2, text, source);
}

/* ---- queries -------------------------------------------------------------- */

int hk_world_side(const hk_world *w, int actor)
{
    const hk_scenario *s = w->s;
    if (actor < 0)
        return -1;
    if (actor == s->jpn || actor == s->man)
        return HK_SIDE_JPN;
    if (actor == s->sov || actor == s->mgl)
        return HK_SIDE_SOV;
    return -1;
}

bool hk_world_own_ground(const hk_world *w, int region, int side)
{
    int c = w->s->regions[region].controller;
    int cs = hk_world_side(w, c);
    return side == HK_SIDE_SOV ? cs == HK_SIDE_SOV : (cs == HK_SIDE_JPN || c == w->s->chn);
}

hk_rng hk_world_stream(const hk_world *w, int system)
{
    uint64_t key = ((uint64_t)(uint32_t)w->month << 8) | (uint64_t)system;
    return hk_rng_split(&w->rng, key);
}

double hk_world_lean(const hk_world *w, int actor)
{
    double sum = 0, lean = 0;
    for (int f = 0; f < w->s->n_factions; f++) {
        if (w->s->factions[f].actor != actor)
            continue;
        sum += w->influence[f];
        lean += w->influence[f] * w->s->factions[f].lean;
    }
    return sum > 0 ? lean / sum : 0.0;
}

double hk_world_border_men(const hk_world *w, int side)
{
    double m = 0;
    for (int i = 0; i < w->s->n_sectors; i++)
        m += w->sector_forces[i][side].men;
    return m;
}

/* ---- creation -------------------------------------------------------------- */

static double km_between(const hk_region *a, const hk_region *b)
{
    const double r = 6371.0, d2r = 0.017453292519943295;
    double la1 = a->lat * d2r, la2 = b->lat * d2r;
    double dla = la2 - la1, dlo = (b->lon - a->lon) * d2r;
    double h = sin(dla / 2) * sin(dla / 2) + cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2);
    return 2 * r * asin(sqrt(h < 1 ? h : 1));
}

static int find_faction(const hk_scenario *s, const char *const *ids)
{
    for (; *ids; ids++)
        for (int f = 0; f < s->n_factions; f++)
            if (strcmp(s->factions[f].id, *ids) == 0)
                return f;
    return -1;
}

static bool treaty_has(const hk_treaty *t, hk_clause_type c)
{
    for (int i = 0; i < t->n_clauses; i++)
        if (t->clauses[i].type == c)
            return true;
    return false;
}

static bool treaty_between(const hk_treaty *t, int a, int b)
{
    bool ha = false, hb = false;
    for (int i = 0; i < t->n_parties; i++) {
        ha |= t->parties[i] == a;
        hb |= t->parties[i] == b;
    }
    return a >= 0 && b >= 0 && ha && hb;
}

static void find_roles(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_treaty_roles *r = &w->roles;
    r->jpn_sov_neutrality = r->jpn_sov_normalization = r->sov_mgl_assistance = -1;
    r->sov_chn_nonaggression = r->jpn_outside_consult = r->sov_chn_normalization = -1;
    for (int i = 0; i < s->n_treaties; i++) {
        const hk_treaty *t = &s->treaties[i];
        if (treaty_between(t, s->jpn, s->sov)) {
            /* a normalisation treaty may carry a loose neutrality promise
             * (1925): it stays a normalisation treaty */
            if (treaty_has(t, HK_CLAUSE_NORMALIZATION)) {
                if (r->jpn_sov_normalization < 0)
                    r->jpn_sov_normalization = i;
            } else if ((treaty_has(t, HK_CLAUSE_NEUTRALITY) || treaty_has(t, HK_CLAUSE_NON_AGGRESSION)) &&
                       r->jpn_sov_neutrality < 0) {
                r->jpn_sov_neutrality = i;
            }
        } else if (treaty_between(t, s->sov, s->mgl) && treaty_has(t, HK_CLAUSE_MUTUAL_ASSISTANCE) &&
                   r->sov_mgl_assistance < 0) {
            r->sov_mgl_assistance = i;
        } else if (treaty_between(t, s->sov, s->chn) && treaty_has(t, HK_CLAUSE_NON_AGGRESSION) &&
                   r->sov_chn_nonaggression < 0) {
            r->sov_chn_nonaggression = i;
        } else if (treaty_between(t, s->sov, s->chn) && treaty_has(t, HK_CLAUSE_NORMALIZATION) &&
                   r->sov_chn_normalization < 0) {
            r->sov_chn_normalization = i;
        } else if (r->jpn_outside_consult < 0 && treaty_has(t, HK_CLAUSE_CONSULTATION)) {
            for (int p = 0; p < t->n_parties; p++) {
                int a = t->parties[p];
                if (a >= 0 && a != s->jpn && s->actors[a].role == HK_ROLE_OUTSIDE) {
                    for (int q = 0; q < t->n_parties; q++)
                        if (t->parties[q] == s->jpn)
                            r->jpn_outside_consult = i;
                }
            }
        }
    }
}

/* Formations: pools, shares of their pool, equipment per man, from the
 * largest strength each formation ever has in the record. */
static void init_formations(hk_world *w)
{
    const hk_scenario *s = w->s;
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation *fm = &s->formations[f];
        hk_formation_state *st = &w->formation[f];
        memset(st, 0, sizeof *st);
        st->region = fm->region;
        st->quality = 1.0;
        st->supply = 1.0;
        int best = -1;
        for (int k = 0; k < s->n_strengths; k++)
            /* ties go to the later record: where the formation stood when it was at full strength last */
            if (s->strengths[k].formation == f &&
                (best < 0 || s->strengths[k].men > s->strengths[best].men ||
                 (s->strengths[k].men == s->strengths[best].men &&
                  hk_date_cmp(s->strengths[k].date, s->strengths[best].date) > 0)))
                best = k;
        int region = fm->region;
        if (best >= 0) {
            const hk_strength *b = &s->strengths[best];
            w->weight[f] = b->men > 0 ? b->men : 1;
            if (b->quality > 0)
                st->quality = b->quality;
            if (b->region >= 0)
                region = b->region;
        } else {
            w->weight[f] = 1;
        }
        /* the equipment schedule: records with men, in date order */
        int n = 0;
        for (int k = 0; k < s->n_strengths; k++) {
            const hk_strength *x = &s->strengths[k];
            if (x->formation != f || x->men <= 0)
                continue;
            hk_equip e = {hk_date_month(x->date), {x->tanks / x->men, x->guns / x->men, x->aircraft / x->men}};
            int at = n < HK_MAX_EQUIP ? n : HK_MAX_EQUIP - 1;
            if (n >= HK_MAX_EQUIP && e.from < w->equip[f][at].from)
                continue; /* full: keep the earliest ones and the latest seen */
            while (at > 0 && w->equip[f][at - 1].from > e.from) {
                w->equip[f][at] = w->equip[f][at - 1];
                at--;
            }
            w->equip[f][at] = e;
            if (n < HK_MAX_EQUIP)
                n++;
        }
        w->n_equip[f] = (uint8_t)n;
        w->equip_at[f] = 0;
        for (int k = 0; k < 3; k++)
            w->per_man[f][k] = n > 0 ? w->equip[f][0].per_man[k] : 0.0;
        int side = hk_world_side(w, fm->actor);
        w->form_side[f] = side;
        int ctrl_side = region >= 0 ? hk_world_side(w, s->regions[region].controller) : -1;
        if (side == HK_SIDE_JPN)
            w->form_pool[f] = ctrl_side == HK_SIDE_SOV ? 1 : 0;
        else if (side == HK_SIDE_SOV)
            w->form_pool[f] = 2;
        else
            w->form_pool[f] = -1;
        if (w->mode == HK_MODE_SIMULATE && w->form_pool[f] >= 0)
            st->region = region;
        /* a formation based on the soil of another actor of its side (Soviet
         * troops in Mongolia) is there under a mutual-assistance treaty
         * between the two (001:83): it exists only while one binds */
        w->form_host_treaty[f] = -1;
        int host = fm->region >= 0 ? s->regions[fm->region].controller : -1;
        if (side >= 0 && host >= 0 && host != fm->actor && hk_world_side(w, host) == side) {
            w->form_host_treaty[f] = -2;
            for (int t = 0; t < s->n_treaties; t++)
                if (treaty_between(&s->treaties[t], fm->actor, host) &&
                    treaty_has(&s->treaties[t], HK_CLAUSE_MUTUAL_ASSISTANCE)) {
                    w->form_host_treaty[f] = t;
                    break;
                }
        }
    }
}

static void init_geography(hk_world *w)
{
    const hk_scenario *s = w->s;
    double near = P(w, FORCES_NEAR_KM);
    memset(w->near_sector, 0, sizeof w->near_sector);
    for (int r = 0; r < s->n_regions; r++)
        if (s->regions[r].sector >= 0 && s->regions[r].sector < HK_MAX_SECTORS)
            w->near_sector[r] |= (uint16_t)(1u << s->regions[r].sector);
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        if (k->km > near || k->from < 0 || k->to < 0)
            continue;
        int sa = s->regions[k->from].sector, sb = s->regions[k->to].sector;
        if (sb >= 0)
            w->near_sector[k->from] |= (uint16_t)(1u << sb);
        if (sa >= 0)
            w->near_sector[k->to] |= (uint16_t)(1u << sa);
    }
    /* Supply: distance from the sector's front regions to the nearest railhead
     * on each side (straight line; the combat model pays for the distance). */
    for (int sec = 0; sec < s->n_sectors; sec++) {
        for (int side = 0; side < 2; side++) {
            double best = 1e9;
            for (int f = 0; f < s->n_regions; f++) {
                if (s->regions[f].sector != sec)
                    continue;
                for (int r = 0; r < s->n_regions; r++) {
                    if (!s->regions[r].railhead || !hk_world_own_ground(w, r, side))
                        continue;
                    double d = km_between(&s->regions[f], &s->regions[r]);
                    if (d < best)
                        best = d;
                }
            }
            w->supply_km[sec][side] = best < 1e9 ? best : 300.0;
        }
    }
    /* The Trans-Siberian's bottleneck: the smallest capacity among its links
     * (or among all rail links into the Soviet Far East if none is named). */
    double cap = 0;
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        if (k->kind != HK_LINK_RAIL || !k->line || !strstr(k->line, "Siberian"))
            continue;
        if (cap == 0 || k->capacity < cap)
            cap = k->capacity;
    }
    if (cap == 0)
        for (int l = 0; l < s->n_links; l++)
            if (s->links[l].kind == HK_LINK_RAIL && s->links[l].capacity > cap)
                cap = s->links[l].capacity;
    w->rail_capacity = cap > 0 ? cap : 100000.0;
}

void hk_world_init(hk_world *w, const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run)
{
    const hk_scenario *s = setup->scenario;
    memset(w, 0, sizeof *w);
    w->setup = setup;
    w->s = s;
    w->mode = mode;
    w->seed = seed;
    w->run = run;
    hk_rng_init(&w->rng, seed, run);
    w->start = hk_date_month(s->start);
    w->end = hk_date_month(s->end);
    w->month = w->start;
    w->player = -1;
    for (int e = 0; e < HK_EFFECT_COUNT; e++)
        w->flag_since[e] = HK_MONTH_NONE;

    for (int f = 0; f < s->n_factions; f++)
        w->influence[f] = w->baseline[f] = s->factions[f].influence;
    w->faction_kwantung = find_faction(s, (const char *const[]){"kwantung_field", "kwantung", "kwantung_army", NULL});
    w->faction_kodoha = find_faction(s, (const char *const[]){"kodoha", NULL});
    w->faction_toseiha = find_faction(s, (const char *const[]){"toseiha", NULL});
    w->faction_navy = find_faction(s, (const char *const[]){"navy", "ijn", NULL});
    w->faction_foreign = find_faction(s, (const char *const[]){"foreign_ministry", "gaimusho", "foreign", NULL});
    w->faction_zaibatsu = find_faction(s, (const char *const[]){"zaibatsu", NULL});
    w->doctrine = s->jpn >= 0 ? hk_world_lean(w, s->jpn) : 0.0;
    w->autonomy = w->faction_kwantung >= 0 ? w->influence[w->faction_kwantung] : 0.2;
    w->lost_battle_side = -1;
    w->lost_battle_fact = w->lost_battle_sector = -1;
    w->committed_south_on = w->intervention_on = w->war_on = w->soviet_entry_on = w->armistice_on = HK_MONTH_NONE;

    for (int t = 0; t < HK_MAX_TREATIES; t++)
        w->treaty[t].signed_on = w->treaty[t].expires = w->treaty[t].denounced_on = HK_MONTH_NONE;
    find_roles(w);

    init_formations(w);
    init_geography(w);
    for (int i = 0; i < s->n_sectors; i++)
        w->tension[i] = 1.0;

    for (int y = 0; y < HK_YEARS; y++)
        w->record_incidents[y] = -1;
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *c = &s->incidents[i];
        int years = c->year_to - c->year_from + 1;
        if (years < 1)
            continue;
        for (int y = c->year_from; y <= c->year_to; y++) {
            if (y < HK_YEAR_FIRST || y > HK_YEAR_LAST)
                continue;
            /* a span's count is shared out evenly, the remainder to its first years */
            int share = c->count / years + ((y - c->year_from) < c->count % years ? 1 : 0);
            w->record_incidents[y - HK_YEAR_FIRST] = share;
        }
    }

    hk_combat_params_default(&w->combat);
    hk_outcomes *o = &w->out;
    o->neutrality_pact_year = NAN;
    o->soviet_entry_months_after_german_defeat = NAN;
    o->entry_month = o->atomic_month = o->surrender_month = HK_MONTH_NONE;
    o->entry_war_casualties[0] = o->entry_war_casualties[1] = NAN;
}
