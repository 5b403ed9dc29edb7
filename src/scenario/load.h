/* load.h — what the scenario loader's modules share.
 *
 * Loading runs in the order of the files (scenario, actors, regions, links,
 * forces, treaties, events, record, params), so every reference points to a
 * table filled before it. A table whose file could not be read is marked
 * unusable and references to it are not reported, so one broken file gives
 * its own errors rather than a cascade in every other file. */
#ifndef HK_SCENARIO_LOAD_H
#define HK_SCENARIO_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/arena.h"
#include "scenario/yaml_tree.h"
#include "world/scenario.h"

/* The files of a scenario, in load order. */
typedef enum hk_scenario_file_id {
    HK_FILE_SCENARIO, HK_FILE_ACTORS, HK_FILE_REGIONS, HK_FILE_LINKS, HK_FILE_FORCES,
    HK_FILE_TREATIES, HK_FILE_EVENTS, HK_FILE_RECORD, HK_FILE_PARAMS, HK_FILE_COUNT
} hk_scenario_file_id;

extern const char *const hk_scenario_file_names[HK_FILE_COUNT]; /* "scenario.yaml", ... */

/* One file's bytes, from disk or memory; data == NULL when it is missing
 * (then `missing` says why, e.g. strerror). */
typedef struct hk_scenario_file {
    const char *path;              /* shown in messages */
    const unsigned char *data;
    size_t size;
    const char *missing;
    /* Or the file already parsed (data is then not read): the fuzzing
     * harness parses the files it leaves alone once, not on every input. */
    const struct hk_ynode *tree;
} hk_scenario_file;

/* Loads a scenario from the bytes of its files (the folder and built-in
 * loaders and the fuzzing harness all come here). NULL on any error. */
hk_scenario *hk_scenario_load_files(const hk_scenario_file files[HK_FILE_COUNT], hk_diag *diag);

/* Loading the same files again and again (the fuzzing harness): a cache,
 * made from a scenario whose files all load cleanly, remembers what reading
 * each of them gave. Given the same parsed tree of a file again, and when
 * every file that file's reader looks at was itself replayed, the loader
 * copies the file's tables from the cache instead of checking its records
 * again: the same scenario and the same errors, for a fraction of the work.
 * The scenarios it returns point into the cache's strings, so they go back
 * with hk_scenario_cache_release before the cache is freed. */
typedef struct hk_scenario_cache hk_scenario_cache;
/* NULL (with the errors in diag) unless `base` loads without an error;
 * the trees of `base` must outlive the cache. */
hk_scenario_cache *hk_scenario_cache_new(const hk_scenario_file base[HK_FILE_COUNT], hk_diag *diag);
void hk_scenario_cache_free(hk_scenario_cache *c);
/* As hk_scenario_load_files; files whose `tree` is the base's own replay. */
hk_scenario *hk_scenario_cache_load(hk_scenario_cache *c, const hk_scenario_file files[HK_FILE_COUNT],
                                    hk_diag *diag);
/* Frees a scenario from hk_scenario_cache_load, keeping its block for the next. */
void hk_scenario_cache_release(hk_scenario_cache *c, hk_scenario *s);

/* A view of one id table of the scenario: every record type with an id keeps
 * it as its first member, so one lookup serves all of them. */
typedef struct hk_idtab {
    const char *what;   /* "region" */
    const char *base;   /* first record */
    size_t stride;      /* sizeof the record */
    size_t at_offset;   /* offsetof the record's hk_at */
    const int *count;
    int max;
    bool usable;        /* false when its file failed: references are not checked */
    bool overflowed;    /* more records than max were given */
} hk_idtab;

enum { T_ACTOR, T_FACTION, T_REGION, T_SECTOR, T_FORMATION, T_TREATY, T_EVENT, T_FACT,
       T_BATTLE, T_LOSS, T_PUBLICATION, T_COUNT };

typedef struct hk_loader {
    hk_scenario *s;
    hk_diag *diag;
    hk_arena *arena;       /* s->arena */
    const char *path;      /* the file being read (interned) */
    hk_idtab tab[T_COUNT];
    bool have_meta;        /* scenario.yaml read: seeds, publications, dates */
    bool file_ok[HK_FILE_COUNT];
    bool allow_calibrated; /* `calibrated:` sources are for params only */
    int n_sourced;         /* records with a source, for the summary */
} hk_loader;

/* A record (a YAML mapping) being read; `label` names it in messages about
 * the record as a whole ("region 'harbin'"). */
typedef struct hk_rec {
    hk_loader *ld;
    const hk_ynode *map;
    int line;
    char label[128];
    /* The value of each of hk_rec_open's keys (NULL when absent), so that
     * hk_rec_get finds a key the record declared without comparing text;
     * keys is NULL when the record was not opened as a mapping. */
    const char *const *keys;
    const hk_ynode *val[32];
} hk_rec;

void hk_load_error(hk_loader *ld, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Opens a record: checks it is a mapping with only `keys` (NULL-terminated)
 * and no key twice. Returns false (after an error) when it is not a mapping. */
bool hk_rec_open(hk_rec *r, hk_loader *ld, const hk_ynode *node, const char *what,
                 const char *const *keys);
/* The value under key, or NULL when absent or null. */
const hk_ynode *hk_rec_get(const hk_rec *r, const char *key);
/* Reports "LABEL has no 'key'" at the record. */
void hk_rec_missing(hk_rec *r, const char *key);

/* Typed fields. Each returns 1 when the field was read, 0 when absent (and
 * reports it when `required`), -1 after reporting a bad value. */
int hk_rec_str(hk_rec *r, const char *key, bool required, const char **out);
int hk_rec_num(hk_rec *r, const char *key, bool required, double lo, double hi, double *out);
int hk_rec_int(hk_rec *r, const char *key, bool required, long lo, long hi, int *out);
int hk_rec_bool(hk_rec *r, const char *key, bool required, bool *out);
/* A date that must lie within the scenario's start..end. */
int hk_rec_date(hk_rec *r, const char *key, bool required, hk_date *out);
/* One of `names` (count of them); the index goes to *out. */
int hk_rec_enum(hk_rec *r, const char *key, bool required, const char *what,
                const char *(*name)(int), int count, int *out);
/* A reference to table t; *out = index, or -1. */
int hk_rec_ref(hk_rec *r, const char *key, bool required, int table, int *out);
/* A list of references (at most max) into *out, count to *n. */
int hk_rec_refs(hk_rec *r, const char *key, bool required, int table, int *out, int max, int *n);
/* The record's id into out, checked for form and uniqueness in table t;
 * also updates the label. `actor_style` wants three capitals. */
int hk_rec_id(hk_rec *r, int table, bool actor_style, char *out);
/* The record's `source`, required. */
void hk_rec_source(hk_rec *r, hk_source *out);

/* Orders two dates, -1/0/1; 0 also when they share a month and one has no
 * day, since either could then come first. */
int hk_date_order(hk_date a, hk_date b);

/* Index of id in table t, or -1; reports an unknown id at `line` (with the
 * nearest valid id) unless the table is unusable. */
int hk_lookup(hk_loader *ld, int table, const char *id, int line);
int hk_find(const hk_loader *ld, int table, const char *id);
/* The sequence under `key` of a file's top mapping, or NULL (reports a
 * value that is not a sequence). */
const hk_ynode *hk_file_list(hk_loader *ld, const hk_ynode *root, const char *key);
/* Checks a file's top level is a mapping with only `keys`. */
bool hk_file_open(hk_loader *ld, const hk_ynode *root, const char *const *keys);
/* Reserves the next slot of a table; reports and returns NULL when full. */
bool hk_table_room(hk_loader *ld, int table, int line);

/* The per-file readers (load_*.c). */
void hk_load_meta(hk_loader *ld, const hk_ynode *root);
void hk_load_actors(hk_loader *ld, const hk_ynode *root);
void hk_load_regions(hk_loader *ld, const hk_ynode *root);
void hk_load_links(hk_loader *ld, const hk_ynode *root);
void hk_load_forces(hk_loader *ld, const hk_ynode *root);
void hk_load_treaties(hk_loader *ld, const hk_ynode *root);
void hk_load_events(hk_loader *ld, const hk_ynode *root);
void hk_load_record(hk_loader *ld, const hk_ynode *root);
void hk_load_params(hk_loader *ld, const hk_ynode *root);

/* The loader itself, with a cache (or NULL) and a block to fill (or NULL
 * to allocate one); loader.c. */
hk_scenario *hk_scenario_load_reusing(const hk_scenario_file files[HK_FILE_COUNT], hk_diag *diag,
                                      hk_scenario_cache *cache, hk_scenario *block);
/* Instead of reading file f: true after copying what reading it gave the
 * base, when its tree is the base's and no file its reader looks at was
 * read afresh (`read`); load_cache.c. Also called with f == HK_FILE_COUNT
 * after the last file. */
bool hk_scenario_cache_replay(hk_scenario_cache *c, hk_loader *ld, int f,
                              const hk_scenario_file *file, const bool read[HK_FILE_COUNT]);

#endif
