/* compiled.c — working out, once at load, what every run needs from the
 * scenario beyond its records (see compiled.h): before, each run did this
 * again, a twentieth of its instructions. */
#include "world/compiled.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "world/map.h"

static int side_of(const hk_scenario *s, int actor)
{
    if (actor < 0)
        return -1;
    if (actor == s->jpn || actor == s->man)
        return HK_SIDE_JPN;
    if (actor == s->sov || actor == s->mgl)
        return HK_SIDE_SOV;
    return -1;
}

/* asked thousands of times a run (the campaign's and combat's loops):
 * from the table worked out at load, once it is */
int hk_scenario_side(const hk_scenario *s, int actor)
{
    /* (the table is filled as the compiled block is cleared, before
     * anything else in it: a scenario with a block has it) */
    const hk_compiled *c = s->compiled;
    if ((unsigned)actor < HK_MAX_ACTORS && c)
        return c->actor_side[actor];
    return side_of(s, actor);
}

bool hk_scenario_own_ground(const hk_scenario *s, int region, int side)
{
    int c = s->regions[region].controller;
    int cs = hk_scenario_side(s, c);
    return side == HK_SIDE_SOV ? cs == HK_SIDE_SOV : (cs == HK_SIDE_JPN || c == s->chn);
}

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

static void find_roles(const hk_scenario *s, hk_treaty_roles *r)
{
    r->jpn_sov_neutrality = r->jpn_sov_normalization = r->sov_mgl_assistance = -1;
    r->sov_chn_nonaggression = r->jpn_outside_consult = r->sov_chn_normalization = -1;
    r->jpn_sov_concessions = -1;
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
            } else if (treaty_has(t, HK_CLAUSE_CONCESSIONS) && r->jpn_sov_concessions < 0) {
                r->jpn_sov_concessions = i;
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
static void compile_formations(const hk_scenario *s, hk_compiled *c)
{
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation *fm = &s->formations[f];
        c->quality[f] = 1.0;
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
            c->weight[f] = b->men > 0 ? b->men : 1;
            if (b->quality > 0)
                c->quality[f] = b->quality;
            if (b->region >= 0)
                region = b->region;
        } else {
            c->weight[f] = 1;
        }
        c->region[f] = (int16_t)region;
        /* the equipment schedule: records with men, in date order */
        int n = 0;
        for (int k = 0; k < s->n_strengths; k++) {
            const hk_strength *x = &s->strengths[k];
            if (x->formation != f || x->men <= 0)
                continue;
            hk_equip e = {hk_date_month(x->date), {x->tanks / x->men, x->guns / x->men, x->aircraft / x->men}, 1.0};
            int at = n < HK_MAX_EQUIP ? n : HK_MAX_EQUIP - 1;
            if (n >= HK_MAX_EQUIP && e.from < c->equip[f][at].from)
                continue; /* full: keep the earliest ones and the latest seen */
            while (at > 0 && c->equip[f][at - 1].from > e.from) {
                c->equip[f][at] = c->equip[f][at - 1];
                at--;
            }
            c->equip[f][at] = e;
            if (n < HK_MAX_EQUIP)
                n++;
        }
        c->n_equip[f] = (uint8_t)n;
        /* the quality each entry's month gives: that of the latest record
         * with men dated in or before it (a later record the same day wins),
         * 1 where it gives none */
        for (int i = 0; i < n; i++) {
            int q = -1;
            for (int k = 0; k < s->n_strengths; k++) {
                const hk_strength *x = &s->strengths[k];
                if (x->formation != f || !(x->men > 0) || hk_date_month(x->date) > c->equip[f][i].from)
                    continue;
                if (q < 0 || hk_date_cmp(x->date, s->strengths[q].date) >= 0)
                    q = k;
            }
            c->equip[f][i].quality = q >= 0 && s->strengths[q].quality > 0 ? s->strengths[q].quality : 1.0;
        }
        int side = hk_scenario_side(s, fm->actor);
        c->form_side[f] = side;
        int ctrl_side = region >= 0 ? hk_scenario_side(s, s->regions[region].controller) : -1;
        if (side == HK_SIDE_JPN)
            c->form_pool[f] = ctrl_side == HK_SIDE_SOV ? 1 : 0;
        else if (side == HK_SIDE_SOV)
            c->form_pool[f] = 2;
        else
            c->form_pool[f] = -1;
        /* a formation based on the soil of another actor of its side (Soviet
         * troops in Mongolia) is there under a mutual-assistance treaty
         * between the two (001:83): it exists only while one binds */
        c->form_host_treaty[f] = -1;
        int host = fm->region >= 0 ? s->regions[fm->region].controller : -1;
        if (side >= 0 && host >= 0 && host != fm->actor && hk_scenario_side(s, host) == side) {
            c->form_host_treaty[f] = -2;
            for (int t = 0; t < s->n_treaties; t++)
                if (treaty_between(&s->treaties[t], fm->actor, host) &&
                    treaty_has(&s->treaties[t], HK_CLAUSE_MUTUAL_ASSISTANCE)) {
                    c->form_host_treaty[f] = t;
                    break;
                }
        }
        /* movement spreads a pool over its formations from the month each
         * exists: on home soil from its first equipment record, on an
         * ally's soil (while the treaty binds) from the start */
        uint64_t bit = (uint64_t)1 << f;
        if (c->form_pool[f] >= 0 && c->form_pool[f] <= 2)
            c->pool_formations[c->form_pool[f]] |= bit;
        if (fm->actor >= 0 && fm->actor < s->n_actors) {
            c->actor_formations[fm->actor] |= bit;
            c->formation_actors |= 1u << fm->actor;
        } else {
            c->always_formations |= bit;
        }
        if (side >= 0 && host >= 0 && hk_scenario_side(s, host) != side && c->form_pool[f] != 1)
            c->claimed_formations |= bit;
        if (c->form_host_treaty[f] == -1) {
            c->home_formations |= bit;
        } else if (c->form_host_treaty[f] >= 0) {
            c->treaty_formations[c->form_host_treaty[f]] |= bit;
            c->host_treaties |= 1u << c->form_host_treaty[f];
        }
        c->exists_from[f] = c->form_host_treaty[f] != -1 || c->n_equip[f] == 0 ? INT32_MIN : c->equip[f][0].from;
    }
}

/* Each formation's recorded strengths in date order (the last record of a
 * month wins, as in replay), and the first month each pool has one. */
static void compile_baseline(const hk_scenario *s, hk_compiled *c)
{
    for (int f = 0; f < s->n_formations; f++) {
        int n = 0;
        for (int k = 0; k < s->n_strengths; k++) {
            const hk_strength *st = &s->strengths[k];
            if (st->formation != f)
                continue;
            hk_month m = hk_date_month(st->date);
            int at = n;
            while (at > 0 && c->rec_month[f][at - 1] > m)
                at--;
            if (at > 0 && c->rec_month[f][at - 1] == m) { /* same month: the later record wins */
                c->rec_men[f][at - 1] = st->men;
                continue;
            }
            if (n >= HK_MAX_FORMATION_STRENGTHS)
                continue;
            for (int j = n; j > at; j--) {
                c->rec_month[f][j] = c->rec_month[f][j - 1];
                c->rec_men[f][j] = c->rec_men[f][j - 1];
            }
            c->rec_month[f][at] = m;
            c->rec_men[f][at] = st->men;
            n++;
        }
        c->n_rec[f] = (uint8_t)n;
    }
    hk_month start = hk_date_month(s->start);
    for (int f = 0; f < s->n_formations; f++)
        c->start_record[f] = (int16_t)hk_scenario_strength_at(s, f, start);
    for (int p = 0; p < 3; p++)
        c->rec_first[p] = HK_MONTH_NONE;
    for (int f = 0; f < s->n_formations; f++) {
        int p = c->form_pool[f];
        if (p >= 0 && p < 3 && c->n_rec[f] > 0 &&
            (c->rec_first[p] == HK_MONTH_NONE || c->rec_month[f][0] < c->rec_first[p]))
            c->rec_first[p] = c->rec_month[f][0];
    }
}

static void compile_geography(const hk_scenario *s, hk_compiled *c)
{
    /* Supply: distance from the sector's front regions to the nearest railhead
     * on each side (straight line; the combat model pays for the distance). */
    for (int sec = 0; sec < s->n_sectors; sec++) {
        for (int side = 0; side < 2; side++) {
            double best = 1e9;
            for (int f = 0; f < s->n_regions; f++) {
                if (s->regions[f].sector != sec)
                    continue;
                for (int r = 0; r < s->n_regions; r++) {
                    if (!s->regions[r].railhead || !hk_scenario_own_ground(s, r, side))
                        continue;
                    double d = km_between(&s->regions[f], &s->regions[r]);
                    if (d < best)
                        best = d;
                }
            }
            c->supply_km[sec][side] = best < 1e9 ? best : 300.0;
        }
    }
    /* The railway's bottleneck: the smallest capacity among the links
     * links.yaml marks `bottleneck` (or the largest of all rail links if
     * none is marked). */
    double cap = 0;
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        if (k->kind != HK_LINK_RAIL || !k->bottleneck)
            continue;
        if (cap == 0 || k->capacity < cap)
            cap = k->capacity;
    }
    if (cap == 0)
        for (int l = 0; l < s->n_links; l++)
            if (s->links[l].kind == HK_LINK_RAIL && s->links[l].capacity > cap)
                cap = s->links[l].capacity;
    c->rail_capacity = cap > 0 ? cap : 100000.0;
    for (int sec = 0; sec < s->n_sectors; sec++)
        for (int n = 1; n < HK_HEAT_COUNTS; n++)
            c->incident_heat[sec][n] = hk_incident_heat(n, s->sectors[sec].length_km);
    c->n_hawks = 0;
    for (int f = 0; f < s->n_factions; f++)
        if (s->factions[f].actor == s->jpn && s->factions[f].lean > 0.3) {
            c->hawk_weight[c->n_hawks] = s->factions[f].hawk;
            c->hawk_faction[c->n_hawks++] = (int8_t)f;
        }
    for (int sec = 0; sec < s->n_sectors && sec < HK_MAX_SECTORS; sec++) {
        c->sector_terrain[sec] = HK_TERRAIN_STEPPE;
        for (int r = 0; r < s->n_regions; r++)
            if (s->regions[r].sector == sec) {
                c->sector_terrain[sec] = s->regions[r].terrain;
                break;
            }
        /* a battle ground is a region of the sector that is no railhead
         * town (battles.c); the first region stands in where there is none */
        bool any = false, all = true, first = true;
        for (int r = 0; r < s->n_regions; r++) {
            if (s->regions[r].sector != sec || !(first || !s->regions[r].railhead))
                continue;
            bool steppe = s->regions[r].terrain == HK_TERRAIN_STEPPE;
            any |= steppe;
            all &= steppe;
            first = false;
        }
        c->sector_steppe[sec] = (int8_t)(first || (any && all) ? 1 : !any ? 0 : -1);
    }
    for (int r = 0; r < s->n_regions && r < HK_MAX_REGIONS; r++)
        c->rail_on[r] = s->regions[r].railhead             ? INT32_MIN
                        : hk_date_is_set(s->regions[r].rail_from) ? hk_date_month(s->regions[r].rail_from)
                                                                  : INT32_MAX;
    for (int l = 0; l < s->n_links && l < HK_MAX_LINKS; l++)
        c->link_on[l] = hk_date_is_set(s->links[l].opened) ? hk_date_month(s->links[l].opened) : INT32_MIN;
    c->trans_siberian_ends = 0;
    for (int l = 0; l < s->n_links; l++) {
        const hk_link *k = &s->links[l];
        if (!k->line || strncmp(k->line, "Trans-Siberian", 14) != 0)
            continue;
        if (k->from >= 0 && k->from < 64)
            c->trans_siberian_ends |= (uint64_t)1 << k->from;
        if (k->to >= 0 && k->to < 64)
            c->trans_siberian_ends |= (uint64_t)1 << k->to;
    }
    c->n_link_epochs = 0;
    for (int l = 0; l < s->n_links && l < HK_MAX_LINKS; l++) {
        int32_t on = c->link_on[l];
        int k = 0;
        while (k < c->n_link_epochs && c->link_epoch[k] < on)
            k++;
        if (k < c->n_link_epochs && c->link_epoch[k] == on)
            continue;
        memmove(&c->link_epoch[k + 1], &c->link_epoch[k], sizeof c->link_epoch[0] * (size_t)(c->n_link_epochs - k));
        c->link_epoch[k] = on;
        c->n_link_epochs++;
    }
    c->manchurian_sectors = 0;
    for (int sec = 0; sec < s->n_sectors && sec < 64; sec++) {
        bool m = s->man >= 0 && s->sectors[sec].side[0] == s->man;
        for (int r = 0; r < s->n_regions && !m; r++)
            m = s->regions[r].sector == sec && s->chn >= 0 && s->regions[r].controller == s->chn;
        if (m)
            c->manchurian_sectors |= (uint64_t)1 << sec;
    }
    /* each region's links, for routes over the map */
    int n = 0;
    for (int r = 0; r < s->n_regions; r++) {
        c->adj_at[r] = (uint16_t)n;
        for (int l = 0; l < s->n_links; l++)
            if (s->links[l].from == r || s->links[l].to == r) {
                c->adj_to[n] = (uint8_t)(s->links[l].from == r ? s->links[l].to : s->links[l].from);
                c->adj_km[n] = s->links[l].km;
                c->adj_cap[n] = s->links[l].capacity;
                c->adj_from[n] = s->links[l].from == r;
                c->adj[n++] = (uint16_t)l;
            }
    }
    c->adj_at[s->n_regions] = (uint16_t)n;
    c->mgl_sectors = 0;
    for (int sec = 0; sec < s->n_sectors && sec < 32; sec++)
        if (s->sectors[sec].side[1] == s->mgl)
            c->mgl_sectors |= 1u << sec;
    /* the battle sites over the ground each side holds at the start (the
     * routes above) */
    c->site_own[0] = c->site_own[1] = 0;
    for (int r = 0; r < s->n_regions && r < 64; r++)
        for (int side = 0; side < 2; side++)
            if (hk_scenario_own_ground(s, r, side))
                c->site_own[side] |= (uint64_t)1 << r;
    for (int sec = 0; sec < s->n_sectors && sec < HK_MAX_SECTORS; sec++) {
        c->site_km[sec][0] = c->supply_km[sec][0];
        c->site_km[sec][1] = c->supply_km[sec][1];
        c->site[sec] = (int16_t)hk_map_battle_site(s, sec, c->site_own, c->site_km[sec]);
    }
}

static bool has_clause(const hk_treaty *t, int type)
{
    for (int i = 0; i < t->n_clauses; i++)
        if ((int)t->clauses[i].type == type)
            return true;
    return false;
}

bool hk_treaty_has_party(const hk_treaty *t, int a)
{
    for (int i = 0; i < t->n_parties; i++)
        if (t->parties[i] == a)
            return true;
    return false;
}

static bool is_political(int type)
{
    return type == HK_CLAUSE_NON_AGGRESSION || type == HK_CLAUSE_NEUTRALITY ||
           type == HK_CLAUSE_MUTUAL_ASSISTANCE || type == HK_CLAUSE_CONSULTATION || type == HK_CLAUSE_SPHERES;
}

bool hk_clause_bars(const hk_clause *c, const hk_treaty *x)
{
    if (c->bars_parties[0] < 0 || c->bars_parties[1] < 0)
        return false;
    if (c->bars_type < 0 && c->type != HK_CLAUSE_NO_POLITICAL_TREATY)
        return false;
    if (!hk_treaty_has_party(x, c->bars_parties[0]) || !hk_treaty_has_party(x, c->bars_parties[1]))
        return false;
    if (c->bars_type >= 0)
        return has_clause(x, c->bars_type);
    bool hit = false;
    for (int k = 0; k < x->n_clauses; k++)
        hit |= is_political(x->clauses[k].type);
    return hit;
}

_Static_assert(HK_MAX_TREATIES <= 32, "hk_compiled.may_bar holds a bit a treaty");
_Static_assert(HK_PRE_COUNT <= 32, "hk_compiled.requires_conditions holds a bit a condition");
_Static_assert(HK_MAX_FACTIONS <= 32, "hk_compiled.actor_factions holds a bit a faction");

/* The actors a clause of treaty x could ever hold back (see may_restrain). */
static uint32_t restrained_actors(const hk_treaty *x)
{
    bool normalization = false;
    for (int i = 0; i < x->n_clauses; i++)
        normalization |= x->clauses[i].type == HK_CLAUSE_NORMALIZATION;
    uint32_t m = 0;
    for (int i = 0; i < x->n_clauses; i++) {
        const hk_clause *c = &x->clauses[i];
        switch (c->type) {
        case HK_CLAUSE_NEUTRALITY:
            if (!normalization)
                m = UINT32_MAX;
            break;
        case HK_CLAUSE_NON_AGGRESSION:
        case HK_CLAUSE_MUTUAL_ASSISTANCE: m = UINT32_MAX; break;
        case HK_CLAUSE_NO_POLITICAL_TREATY:
        case HK_CLAUSE_SECRET_PROTOCOL:
            for (int k = 0; k < 2; k++)
                if (c->bars_parties[k] >= 0 && c->bars_parties[k] < 32)
                    m |= (uint32_t)1 << c->bars_parties[k];
            break;
        default: break;
        }
    }
    return m;
}

static void compile_treaties(const hk_scenario *s, hk_compiled *c)
{
    for (int t = 0; t < s->n_treaties; t++) {
        for (int y = 0; y < s->n_treaties; y++)
            for (int i = 0; y != t && i < s->treaties[y].n_clauses; i++)
                if (hk_clause_bars(&s->treaties[y].clauses[i], &s->treaties[t]))
                    c->may_bar[t] |= (uint32_t)1 << y;
        c->may_restrain[t] = restrained_actors(&s->treaties[t]);
        c->requires_binding[t] = c->requires_conditions[t] = 0;
        c->n_requires_forms[t] = 0;
        for (int i = 0; i < s->treaties[t].n_requires; i++) {
            const hk_requirement *q = &s->treaties[t].requires[i];
            if (q->treaty >= 0)
                c->requires_binding[t] |= (uint32_t)1 << q->treaty;
            else if (q->condition >= 0)
                c->requires_conditions[t] |= (uint32_t)1 << q->condition;
            else {
                c->requires_form_actor[t][c->n_requires_forms[t]] = (int8_t)q->actor;
                c->requires_form[t][c->n_requires_forms[t]++] = (int8_t)q->form;
            }
        }
    }
}

/* The first month a dated change holds for the whole of: a form that
 * begins after the 1st (the USSR on 30 December 1922, Hitler's Germany on
 * 30 January 1933) acts from the month after. */
static hk_month whole_month(hk_date d)
{
    return hk_date_month(d) + (d.day > 1 ? 1 : 0);
}

static void compile_actors(const hk_scenario *s, hk_compiled *c)
{
    for (int a = 0; a < s->n_actors; a++) {
        const hk_actor *x = &s->actors[a];
        for (int f = 0; f < x->n_forms && f < HK_MAX_FORMS; f++)
            c->form_from[a][f] = whole_month(x->forms[f].from);
        c->actor_until[a] = hk_date_is_set(x->until) ? hk_date_month(x->until) : INT32_MAX;
        c->actor_lag[a] = (int16_t)(x->begins_with > HK_PIN_NONE ? x->lag_months : -1);
        if (x->begins_with > HK_PIN_NONE)
            c->decided_actors |= 1u << a;
        for (int f = 1; f < x->n_forms && f < HK_MAX_FORMS; f++) {
            /* into date order, once each */
            hk_month m = c->form_from[a][f];
            int at = 0;
            while (at < c->n_regime_months && c->regime_months[at] < m)
                at++;
            if (at < c->n_regime_months && c->regime_months[at] == m)
                continue;
            memmove(&c->regime_months[at + 1], &c->regime_months[at],
                    sizeof c->regime_months[0] * (size_t)(c->n_regime_months - at));
            c->regime_months[at] = m;
            c->n_regime_months++;
        }
    }
}

static void compile_record(const hk_scenario *s, hk_compiled *c)
{
    for (int e = 0; e < HK_EFFECT_COUNT; e++)
        c->record_effect[e] = HK_MONTH_NONE;
    _Static_assert(HK_EFFECT_COUNT <= 64, "an effect's bit in scenario_effects");
    for (int i = 0; i < s->n_events; i++) {
        int e = s->events[i].effect;
        if (e >= 0 && e < HK_EFFECT_COUNT)
            c->scenario_effects |= (uint64_t)1 << e;
        hk_month m = hk_date_month(s->events[i].date);
        if (e >= 0 && e < HK_EFFECT_COUNT && (c->record_effect[e] == HK_MONTH_NONE || m < c->record_effect[e]))
            c->record_effect[e] = m;
    }
    for (int y = 0; y < HK_YEARS; y++)
        c->record_incidents[y] = -1;
    for (int i = 0; i < s->n_incidents; i++) {
        const hk_incident_count *n = &s->incidents[i];
        int years = n->year_to - n->year_from + 1;
        if (years < 1)
            continue;
        for (int y = n->year_from; y <= n->year_to; y++) {
            if (y < HK_YEAR_FIRST || y > HK_YEAR_LAST)
                continue;
            /* a span's count is shared out evenly, the remainder to its first years */
            int share = n->count / years + ((y - n->year_from) < n->count % years ? 1 : 0);
            c->record_incidents[y - HK_YEAR_FIRST] = share;
        }
    }
}

bool hk_scenario_compile(hk_scenario *s)
{
    if (!s->compiled) {
        if (!s->arena && !(s->arena = hk_arena_new()))
            return false;
        if (!(s->compiled = hk_arena_alloc(s->arena, sizeof *s->compiled)))
            return false;
    }
    hk_compiled *c = s->compiled;
    memset(c, 0, sizeof *c);
    static atomic_uint_fast64_t serials;
    c->serial = (uint64_t)atomic_fetch_add(&serials, 1) + 1;
    for (int a = 0; a < HK_MAX_ACTORS; a++)
        c->actor_side[a] = (int8_t)side_of(s, a);
    find_roles(s, &c->roles);
    for (int f = 0; f < s->n_factions; f++) {
        c->faction_push[f] = 0.5 + s->factions[f].hawk;
        c->faction_lean[f] = s->factions[f].lean;
        int a = s->factions[f].actor;
        c->faction_actor[f] = (int8_t)(a >= 0 && a < s->n_actors ? a : HK_MAX_ACTORS);
        if (a >= 0 && a < s->n_actors) {
            c->faction_actors |= 1u << a;
            c->actor_factions[a] |= 1u << f;
        }
    }
    for (int t = 0; t < s->n_treaties; t++)
        for (int p = 0; p < s->treaties[t].n_parties; p++)
            if (s->treaties[t].parties[p] >= 0 && s->treaties[t].parties[p] < 32)
                c->treaty_parties[t] |= 1u << s->treaties[t].parties[p];
    for (int e = 0; e < s->n_events && e < 32; e++)
        if (s->events[e].decided)
            c->decided_events |= 1u << e;
    c->faction_kwantung = find_faction(s, (const char *const[]){"kwantung_field", "kwantung", "kwantung_army", NULL});
    c->faction_kodoha = find_faction(s, (const char *const[]){"kodoha", NULL});
    c->faction_toseiha = find_faction(s, (const char *const[]){"toseiha", NULL});
    c->faction_navy = find_faction(s, (const char *const[]){"navy", "ijn", NULL});
    c->faction_foreign = find_faction(s, (const char *const[]){"foreign_ministry", "gaimusho", "foreign", NULL});
    c->faction_zaibatsu = find_faction(s, (const char *const[]){"zaibatsu", NULL});
    compile_formations(s, c);
    compile_baseline(s, c);
    compile_geography(s, c);
    compile_actors(s, c);
    compile_treaties(s, c);
    compile_record(s, c);
    return true;
}

int hk_scenario_strength_at(const hk_scenario *s, int f, hk_month upto)
{
    int best = -1;
    for (int k = 0; k < s->n_strengths; k++) {
        const hk_strength *st = &s->strengths[k];
        if (st->formation != f || hk_date_month(st->date) > upto)
            continue;
        if (best < 0 || hk_date_cmp(st->date, s->strengths[best].date) >= 0)
            best = k;
    }
    return best;
}
