/* load_forces.c — forces.yaml: formations and their recorded strengths. */
#include <stdio.h>
#include <string.h>

#include "scenario/load.h"

static void load_strengths(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"formation", "date", "men", "tanks", "guns", "aircraft",
                                       "quality", "region", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "strength", keys))
            continue;
        if (s->n_strengths == HK_MAX_STRENGTHS) {
            hk_load_error(ld, r.line, "too many strengths: at most %d are allowed",
                          HK_MAX_STRENGTHS);
            return;
        }
        hk_strength *st = &s->strengths[s->n_strengths];
        memset(st, 0, sizeof *st);
        st->at = (hk_at){ld->path, r.line};
        st->region = -1;
        int f = hk_rec_ref(&r, "formation", true, T_FORMATION, &st->formation);
        if (f > 0)
            snprintf(r.label, sizeof r.label, "strength of '%s'", s->formations[st->formation].id);
        int d = hk_rec_date(&r, "date", true, &st->date);
        hk_rec_num(&r, "men", true, 0, 1e8, &st->men);
        hk_rec_num(&r, "tanks", false, 0, 1e6, &st->tanks);
        hk_rec_num(&r, "guns", false, 0, 1e6, &st->guns);
        hk_rec_num(&r, "aircraft", false, 0, 1e6, &st->aircraft);
        if (hk_rec_num(&r, "quality", false, 0.01, 10, &st->quality) == 0)
            st->quality = 0; /* unknown: the model uses its actor's default */
        hk_rec_ref(&r, "region", false, T_REGION, &st->region);
        hk_rec_source(&r, &st->source);
        if (f <= 0 || d <= 0)
            continue;
        int of_formation = 0;
        for (int j = 0; j < s->n_strengths; j++)
            of_formation += s->strengths[j].formation == st->formation;
        if (of_formation == HK_MAX_FORMATION_STRENGTHS) {
            hk_load_error(ld, r.line, "%s: too many strengths for one formation: at most %d are allowed; "
                          "merge close dates or split the formation", r.label, HK_MAX_FORMATION_STRENGTHS);
            continue;
        }
        /* A strength holds until the formation's next one, so they must come in order. */
        for (int j = s->n_strengths - 1; j >= 0; j--) {
            const hk_strength *prev = &s->strengths[j];
            if (prev->formation != st->formation)
                continue;
            int o = hk_date_order(st->date, prev->date);
            char a[11], b[11];
            hk_date_format(st->date, a);
            hk_date_format(prev->date, b);
            if (o < 0 || (o == 0 && hk_date_cmp(st->date, prev->date) <= 0))
                hk_load_error(ld, hk_rec_get(&r, "date")->line,
                              "%s dated %s comes after one dated %s (line %d): list a "
                              "formation's strengths in date order", r.label, a, b, prev->at.line);
            break;
        }
        s->n_strengths++;
    }
}

/* The island forces (hk_island_force): one list, each region's records in
 * date order. */
static void load_islands(hk_loader *ld, const hk_ynode *list)
{
    static const char *const keys[] = {"region", "actor", "date", "name", "men", "tanks", "guns",
                                       "aircraft", "quality", "works", "lift", "source", NULL};
    hk_scenario *s = ld->s;
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "island force", keys))
            continue;
        if (s->n_islands == HK_MAX_ISLAND_FORCES) {
            hk_load_error(ld, r.line, "too many island forces: at most %d are allowed", HK_MAX_ISLAND_FORCES);
            return;
        }
        hk_island_force *x = &s->islands[s->n_islands];
        memset(x, 0, sizeof *x);
        x->at = (hk_at){ld->path, r.line};
        x->region = x->actor = -1;
        int g = hk_rec_ref(&r, "region", true, T_REGION, &x->region);
        hk_rec_ref(&r, "actor", true, T_ACTOR, &x->actor);
        int d = hk_rec_date(&r, "date", true, &x->date);
        hk_rec_str(&r, "name", true, &x->name);
        hk_rec_num(&r, "men", true, 0, 1e8, &x->men);
        hk_rec_num(&r, "tanks", false, 0, 1e6, &x->tanks);
        hk_rec_num(&r, "guns", false, 0, 1e6, &x->guns);
        hk_rec_num(&r, "aircraft", false, 0, 1e6, &x->aircraft);
        if (hk_rec_num(&r, "quality", false, 0.01, 10, &x->quality) == 0)
            x->quality = 0;
        hk_rec_bool(&r, "works", false, &x->works);
        hk_rec_num(&r, "lift", false, 0, 1e6, &x->lift);
        hk_rec_source(&r, &x->source);
        if (g <= 0 || d <= 0)
            continue;
        for (int j = s->n_islands - 1; j >= 0; j--) {
            const hk_island_force *prev = &s->islands[j];
            if (prev->region != x->region)
                continue;
            if (hk_date_cmp(x->date, prev->date) <= 0)
                hk_load_error(ld, hk_rec_get(&r, "date")->line,
                              "island force on '%s' comes after one of the same date or later (line %d): list a "
                              "region's island forces in date order", s->regions[x->region].id, prev->at.line);
            break;
        }
        s->n_islands++;
    }
}

void hk_load_forces(hk_loader *ld, const hk_ynode *root)
{
    static const char *const top[] = {"formations", "strengths", "islands", NULL};
    static const char *const keys[] = {"id", "actor", "name", "region", "fortress", "source", NULL};
    hk_scenario *s = ld->s;
    if (!hk_file_open(ld, root, top))
        return;
    const hk_ynode *list = hk_file_list(ld, root, "formations");
    for (int i = 0; list && i < list->n; i++) {
        hk_rec r;
        if (!hk_rec_open(&r, ld, list->items[i], "formation", keys) ||
            !hk_table_room(ld, T_FORMATION, r.line))
            continue;
        hk_formation *f = &s->formations[s->n_formations];
        memset(f, 0, sizeof *f);
        f->at = (hk_at){ld->path, r.line};
        int ok = hk_rec_id(&r, T_FORMATION, false, f->id);
        hk_rec_ref(&r, "actor", true, T_ACTOR, &f->actor);
        hk_rec_str(&r, "name", true, &f->name);
        hk_rec_ref(&r, "region", true, T_REGION, &f->region);
        hk_rec_bool(&r, "fortress", false, &f->fortress);
        hk_rec_source(&r, &f->source);
        if (ok > 0)
            s->n_formations++;
    }
    load_strengths(ld, hk_file_list(ld, root, "strengths"));
    load_islands(ld, hk_file_list(ld, root, "islands"));
}
