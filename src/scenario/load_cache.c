/* load_cache.c — loading one scenario many times over, with one file
 * changed each time (the fuzzing harness): what reading each unchanged file
 * gave is copied rather than worked out again.
 *
 * Reading a file fills its own tables of the scenario and nothing else, and
 * what it fills depends only on its YAML tree and on the tables of the files
 * its records refer to (`looks_at` below: every reader checks its sources
 * against scenario.yaml's publications and dates). So when a file's tree is
 * the one the base scenario was loaded from, and none of the files it looks
 * at was read afresh, reading it again would fill the same tables with the
 * same values and report nothing (the base loads without an error): the
 * cache copies those tables from the base instead. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "world/api.h"
#include "scenario/load.h"

struct hk_scenario_cache {
    const hk_ynode *tree[HK_FILE_COUNT];
    char *path[HK_FILE_COUNT];
    hk_scenario *base;               /* the base, loaded in full */
    int sourced_at[HK_FILE_COUNT + 1]; /* ld->n_sourced as each file began */
    bool have_meta;
    bool recording;                  /* while the base loads */
    hk_scenario *spare;              /* a block for the next load */
};

#define BIT(f) (1u << (f))
/* The files whose tables each file's reader reads (load_*.c): ids it refers
 * to, and scenario.yaml's dates, seeds and publications. */
static const unsigned looks_at[HK_FILE_COUNT] = {
    [HK_FILE_SCENARIO] = 0,
    [HK_FILE_ACTORS] = BIT(HK_FILE_SCENARIO),
    [HK_FILE_REGIONS] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_ACTORS),
    [HK_FILE_LINKS] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_REGIONS),
    [HK_FILE_FORCES] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_ACTORS) | BIT(HK_FILE_REGIONS),
    [HK_FILE_TREATIES] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_ACTORS),
    [HK_FILE_EVENTS] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_ACTORS) | BIT(HK_FILE_REGIONS),
    [HK_FILE_RECORD] = BIT(HK_FILE_SCENARIO) | BIT(HK_FILE_ACTORS) | BIT(HK_FILE_REGIONS),
    [HK_FILE_PARAMS] = BIT(HK_FILE_SCENARIO),
};

/* The members of hk_scenario each file fills, as [from, to) byte ranges. */
#define AT(m) offsetof(hk_scenario, m)
static const size_t fills[HK_FILE_COUNT][2][2] = {
    [HK_FILE_SCENARIO] = {{AT(id), AT(actors)}},
    [HK_FILE_ACTORS] = {{AT(actors), AT(regions)}},
    [HK_FILE_REGIONS] = {{AT(regions), AT(links)}, {AT(sectors), AT(formations)}},
    [HK_FILE_LINKS] = {{AT(links), AT(sectors)}},
    [HK_FILE_FORCES] = {{AT(formations), AT(treaties)}},
    [HK_FILE_TREATIES] = {{AT(treaties), AT(events)}},
    [HK_FILE_EVENTS] = {{AT(events), AT(facts)}},
    [HK_FILE_RECORD] = {{AT(facts), AT(params)}},
    [HK_FILE_PARAMS] = {{AT(params), AT(jpn)}},
};

static const char *shown_path(const hk_scenario_file *file, int f)
{
    return file->path ? file->path : hk_scenario_file_names[f];
}

bool hk_scenario_cache_replay(hk_scenario_cache *c, hk_loader *ld, int f,
                              const hk_scenario_file *file, const bool read[HK_FILE_COUNT])
{
    if (c->recording) {
        c->sourced_at[f] = ld->n_sourced;
        if (f == HK_FILE_ACTORS)
            c->have_meta = ld->have_meta;
        return false;
    }
    if (f >= HK_FILE_COUNT || !file->tree || file->tree != c->tree[f] ||
        strcmp(shown_path(file, f), c->path[f]) != 0)
        return false;
    for (int d = 0; d < HK_FILE_COUNT; d++)
        if ((looks_at[f] & BIT(d)) && read[d])
            return false;
    for (int i = 0; i < 2; i++) {
        size_t from = fills[f][i][0], to = fills[f][i][1];
        if (to > from)
            memcpy((char *)ld->s + from, (const char *)c->base + from, to - from);
    }
    if (f == HK_FILE_SCENARIO)
        ld->have_meta = c->have_meta;
    ld->n_sourced += c->sourced_at[f + 1] - c->sourced_at[f];
    ld->file_ok[f] = true;
    return true;
}

hk_scenario_cache *hk_scenario_cache_new(const hk_scenario_file base[HK_FILE_COUNT], hk_diag *diag)
{
    hk_scenario_cache *c = calloc(1, sizeof *c);
    if (!c) {
        hk_diag_add(diag, NULL, 0, "out of memory loading the scenario");
        return NULL;
    }
    c->recording = true;
    c->base = hk_scenario_load_reusing(base, diag, c, NULL);
    c->recording = false;
    for (int f = 0; f < HK_FILE_COUNT && c->base; f++) {
        c->tree[f] = base[f].tree;
        if (!(c->path[f] = strdup(shown_path(&base[f], f)))) {
            hk_diag_add(diag, NULL, 0, "out of memory loading the scenario");
            hk_scenario_cache_free(c);
            return NULL;
        }
    }
    if (!c->base) {
        free(c);
        return NULL;
    }
    return c;
}

void hk_scenario_cache_free(hk_scenario_cache *c)
{
    if (!c)
        return;
    hk_scenario_free(c->base);
    free(c->spare);
    for (int f = 0; f < HK_FILE_COUNT; f++)
        free(c->path[f]);
    free(c);
}

hk_scenario *hk_scenario_cache_load(hk_scenario_cache *c, const hk_scenario_file files[HK_FILE_COUNT],
                                    hk_diag *diag)
{
    hk_scenario *block = c->spare ? c->spare : malloc(sizeof *block);
    c->spare = NULL;
    if (!block) {
        hk_diag_add(diag, NULL, 0, "out of memory loading the scenario");
        return NULL;
    }
    hk_scenario *s = hk_scenario_load_reusing(files, diag, c, block);
    if (!s)
        c->spare = block;
    return s;
}

void hk_scenario_cache_release(hk_scenario_cache *c, hk_scenario *s)
{
    if (!s)
        return;
    hk_arena_free(s->arena);
    if (c->spare)
        free(s);
    else
        c->spare = s;
}
