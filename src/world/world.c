/* world.c — creating a run's state from a setup, and the event log.
 *
 * Everything a run learns from the scenario that does not change (which
 * formation belongs to which pool, which regions face which sector, where
 * the railheads are) is worked out here once, so the monthly systems only
 * do arithmetic on flat arrays. */
#include "world/world.h"

#include <stddef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

/* ---- event text memory --------------------------------------------------- */

/* Copies s into the run's text memory so it lives until the run ends. */
static const char *world_keep(hk_world *w, const char *s)
{
    if (!s)
        return "";
    const char *out = NULL;
    if (w->text || (w->text = hk_arena_new()))
        out = hk_arena_strdup(w->text, s);
    if (!out)
        w->text_lost = true;
    return out ? out : "";
}

void hk_world_release(hk_world *w)
{
    hk_arena_free(w->text);
    w->text = NULL;
}

hk_date hk_world_date(const hk_world *w)
{
    hk_date d = {(int16_t)hk_month_year(w->month), (int8_t)hk_month_mon(w->month), (int8_t)w->today};
    return d;
}

/* A day of the calendar to order dates by: a date without a day stands for
 * its month's middle, a span's first month for its first day and its last
 * for its last. */
static int32_t day_key(hk_date d, int if_none) { return hk_date_month(d) * 32 + (d.day ? d.day : if_none); }

/* The people (events.yaml) named in an event: those who hold their role at
 * its date, for one of its actors or an actor on that actor's side, and are
 * named in its kind or id (and not of another sector than the person's).
 * Each one's sentence, the name and what the person does ("Georgy Zhukov
 * commands the 1st Army Group"), goes to the end of the text; returns the
 * count. */
/* Does an `in` entry of a person ("battle", "neutrality_pact" or
 * "purge.kodoha", a kind and an id) match the event? */
static bool person_in(const char *in, const hk_log_event *e)
{
    const char *dot = strchr(in, '.');
    if (!dot)
        return !strcmp(in, e->kind) || (e->id && !strcmp(in, e->id));
    size_t k = (size_t)(dot - in);
    return !strncmp(in, e->kind, k) && e->kind[k] == '\0' && e->id && !strcmp(dot + 1, e->id);
}

/* A person named within this many months is not named again (a battle of
 * several months names its commanders in its first). */
#define PERSON_RENAMED_MONTHS 6

static int name_people(hk_world *w, hk_log_event *e, int sector, char *buf, size_t len)
{
    const hk_scenario *s = w->s;
    int32_t at = day_key(e->date, 15);
    int n = 0;
    for (int i = 0; i < s->n_people && n < HK_MAX_PARTIES; i++) {
        const hk_person *p = &s->people[i];
        /* from its first day up to its last: a role handed over on a day
         * is the successor's that day */
        if (at < day_key(p->from, 1) || (hk_date_is_set(p->to) && at >= (p->to.day ? day_key(p->to, 0) : day_key(p->to, 32))))
            continue;
        bool in = false, there = p->n_sectors == 0 || sector < 0, named = false;
        for (int k = 0; k < p->n_in && !in; k++)
            in = person_in(p->in[k], e);
        for (int k = 0; k < p->n_sectors && !there; k++)
            there = p->sectors[k] == sector;
        /* a person in two roles is named once, in the first listed */
        for (int k = 0; k < n && !named; k++)
            named = !strcmp(s->people[e->people[k]].id, p->id);
        if (!in || !there || named)
            continue;
        int side = hk_world_side(w, p->actor);
        bool party = false;
        for (int a = 0; a < e->n_actors && !party; a++)
            party = e->actors[a] == p->actor || (side >= 0 && hk_world_side(w, e->actors[a]) == side);
        if (!party)
            continue;
        /* the same person (any of its roles) named lately */
        bool lately = false;
        for (int j = 0; j < s->n_people && !lately; j++)
            lately = w->person_named[j] != 0 && !strcmp(s->people[j].id, p->id) &&
                     hk_date_month(e->date) - w->person_named[j] < PERSON_RENAMED_MONTHS;
        if (!lately)
            e->people[n++] = i;
    }
    e->n_people = n;
    for (int i = 0; i < n; i++)
        w->person_named[e->people[i]] = hk_date_month(e->date);
    if (!n || !buf)
        return n;
    size_t used = strlen(buf);
    /* a text that is a name, not a sentence ("signed: the Neutrality Pact"), ends as one first */
    bool ended = used == 0 || strchr(".!?", buf[used - 1]);
    for (int i = 0; i < n && used < len; i++) {
        const hk_person *p = &s->people[e->people[i]];
        int k = snprintf(buf + used, len - used, "%s%s %s.", used ? (ended || i ? " " : ". ") : "", p->name, p->role);
        if (k < 0)
            break;
        used += (size_t)k;
    }
    return n;
}

void hk_world_emit(hk_world *w, hk_date date, const char *kind, const char *id,
                   const int *actors, int n_actors, const char *text, const char *source)
{
    w->n_events++;
    bool has_facts = w->has_next_facts;
    w->has_next_facts = false;
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
    e.has_facts = has_facts;
    if (has_facts)
        e.facts = w->next_facts;
    if (w->s->n_people) {
        int sector = has_facts ? e.facts.sector : -1;
        if (sector < 0 && e.id && e.id[0])
            sector = hk_scenario_sector(w->s, e.id);
        /* the text with the names after it, when it has room for them */
        char named[HK_TEXT_LEN + 512];
        size_t n = text ? strlen(text) : 0;
        bool room = n + 400 < sizeof named;
        if (room)
            memcpy(named, text ? text : "", n + 1);
        if (name_people(w, &e, sector, room ? named : NULL, sizeof named) && room)
            text = named;
    }
    e.text = world_keep(w, text);
    e.source = world_keep(w, source);
    w->obs->on_event(w->obs->ud, &e);
}

void hk_world_event_facts(hk_world *w, int sector, const double committed[2], const double casualties[2],
                          int winner, int days)
{
    w->next_facts = (hk_event_facts){.sector = sector, .winner = winner, .days = days};
    for (int i = 0; i < 2; i++) {
        w->next_facts.committed[i] = committed ? committed[i] : -1;
        w->next_facts.casualties[i] = casualties ? casualties[i] : -1;
    }
    w->has_next_facts = true;
}

void hk_world_battle_facts(hk_world *w, int sector, int a, double att_committed, double def_committed,
                           double att_casualties, double def_casualties, int winner, int days)
{
    double com[2], cas[2];
    com[a] = att_committed;
    com[1 - a] = def_committed;
    cas[a] = att_casualties;
    cas[1 - a] = def_casualties;
    hk_world_event_facts(w, sector, com, cas, winner, days);
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
    /* a run's scenario is compiled: its table (compiled.c) */
    if ((unsigned)actor < HK_MAX_ACTORS)
        return w->c->actor_side[actor];
    return hk_scenario_side(w->s, actor);
}

bool hk_world_own_ground(const hk_world *w, int region, int side)
{
    int c = w->control[region];
    int cs = hk_world_side(w, c);
    return side == HK_SIDE_SOV ? cs == HK_SIDE_SOV : (cs == HK_SIDE_JPN || c == w->s->chn);
}

bool hk_world_forced_scan(const hk_world *w, int kind, int actor, int target)
{
    const hk_setup *su = w->setup;
    for (int i = 0; i < su->n_decide; i++) {
        const hk_decision *d = &su->decide[i];
        if (d->kind == kind && d->month == w->month && (actor < 0 || d->actor == actor) &&
            (target < 0 || d->target == target))
            return true;
    }
    return false;
}

hk_rng hk_world_stream(const hk_world *w, int system)
{
    uint64_t key = ((uint64_t)(uint32_t)w->month << 8) | (uint64_t)system;
    return hk_rng_split_from(&w->rng_split, key); /* hk_rng_split(&w->rng, key) */
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

void hk_equipment_per_man(const hk_world *w, int f, double out[3])
{
    const hk_compiled *c = w->c;
    int at = w->equip_at[f];
    if (c->n_equip[f] == 0) {
        out[0] = out[1] = out[2] = 0.0;
        return;
    }
    if (at == HK_EQUIP_BEFORE) {
        /* the People's Revolutionary Army of 1920-22 and the garrison after
         * it fought with rifles, machine guns, field guns and armoured
         * trains: its armour was a handful of Renaults taken in 1920, one
         * still running in 1922, and it had no air arm to speak of
         * (smele2015; 001_fd9a28d61a246780.txt:37) */
        out[0] = out[2] = 0.0;
        out[1] = c->equip[f][0].per_man[1];
        return;
    }
    for (int k = 0; k < 3; k++)
        out[k] = c->equip[f][at].per_man[k];
}

/* Formations: where they stand and their quality at the start, the
 * equipment schedule from its first entry (the schedule, pools and shares
 * are the scenario's, worked out at load). */
static void init_formations(hk_world *w)
{
    const hk_scenario *s = w->s;
    const hk_compiled *c = w->c;
    for (int f = 0; f < s->n_formations; f++) {
        hk_formation_state *st = &w->formation[f];
        memset(st, 0, sizeof *st);
        st->region = s->formations[f].region;
        st->quality = c->quality[f];
        st->supply = 1.0;
        int n = c->n_equip[f];
        w->equip_at[f] = n > 0 && w->start < c->equip[f][0].from ? HK_EQUIP_BEFORE : 0;
        hk_equipment_per_man(w, f, w->per_man[f]);
        if (w->mode == HK_MODE_SIMULATE && c->form_pool[f] >= 0)
            st->region = c->region[f];
    }
}

/* Which sectors each region faces: its own, and those of the regions a
 * link shorter than forces.near_km joins it to (a parameter, so per run). */
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
}

void hk_world_init(hk_world *w, const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run)
{
    const hk_scenario *s = setup->scenario;
    /* the text buffers at the end are written before each use */
    memset(w, 0, offsetof(hk_world, scratch));
    w->scratch[0] = w->scratch_src[0] = '\0';
    w->setup = setup;
    w->s = s;
    w->c = s->compiled;
    w->mode = mode;
    w->seed = seed;
    w->run = run;
    hk_rng_init(&w->rng, seed, run);
    w->rng_split = hk_rng_splitter_of(&w->rng);
    w->start = hk_date_month(s->start);
    w->end = hk_date_month(s->end);
    w->month = w->start;
    w->player = -1;
    /* the 1918 holders; control.c moves them from here on */
    for (int r = 0; r < HK_MAX_REGIONS; r++)
        w->control[r] = (int8_t)(r < s->n_regions ? s->regions[r].controller : -1);
    for (int r = 0; r < HK_MAX_REGIONS; r++)
        w->camp.front_of[r] = w->camp.control_at_start[r] = -1;
    for (int e = 0; e < HK_EFFECT_COUNT; e++)
        w->flag_since[e] = HK_MONTH_NONE;

    for (int f = 0; f < s->n_factions; f++)
        w->influence[f] = w->baseline[f] = s->factions[f].influence;
    w->infl_gen++;
    w->doctrine = s->jpn >= 0 ? hk_world_lean(w, s->jpn) : 0.0;
    w->autonomy = w->c->faction_kwantung >= 0 ? w->influence[w->c->faction_kwantung] : 0.2;
    w->lost_battle_side = -1;
    w->lost_battle_fact = w->lost_battle_sector = -1;
    for (int a = 0; a < HK_MAX_ACTORS; a++) {
        w->actor_begun[a] = w->actor_decided[a] = HK_MONTH_NONE;
        w->actor_progress[a] = 0;
    }
    w->exists_month = w->exists_since = w->exists_until = HK_MONTH_NONE;
    w->outpost_lost_on = w->reprisal_on = HK_MONTH_NONE;
    w->withdrawn_on = w->evacuation_due = HK_MONTH_NONE;
    w->coup_posted_on = HK_MONTH_NONE;
    w->expedition_cut_on = HK_MONTH_NONE;
    w->committed_south_on = w->intervention_on = w->war_on = w->soviet_entry_on = w->armistice_on = HK_MONTH_NONE;
    w->west_turned_on = HK_MONTH_NONE;

    for (int t = 0; t < HK_MAX_TREATIES; t++)
        w->treaty[t].signed_on = w->treaty[t].expires = w->treaty[t].denounced_on = HK_MONTH_NONE;
    init_formations(w);
    init_geography(w);
    for (int i = 0; i < s->n_sectors; i++)
        w->tension[i] = 1.0;

    hk_combat_params_default(&w->combat);
    hk_outcomes *o = &w->out;
    o->neutrality_pact_year = NAN;
    o->soviet_entry_months_after_german_defeat = NAN;
    o->entry_month = o->atomic_month = o->surrender_month = o->lesson_month = HK_MONTH_NONE;
    o->entry_war_casualties[0] = o->entry_war_casualties[1] = NAN;
}
