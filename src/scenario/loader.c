/* loader.c — a scenario from its folder, from the copy built into the
 * library, or from memory: read each file into a YAML tree, fill the plain
 * structs, then run the checks that need every file. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "core/embed.h"
#include "world/api.h"
#include "scenario/load.h"

const char *const hk_scenario_file_names[HK_FILE_COUNT] = {
    "scenario.yaml", "actors.yaml", "regions.yaml", "links.yaml", "forces.yaml",
    "treaties.yaml", "events.yaml", "record.yaml", "params.yaml"};

static const char *const fixed_treaties[] = {"basic_convention_1925", "anti_comintern_pact",
                                             "soviet_mongolian_protocol", "sino_soviet_pact",
                                             "neutrality_pact"};
static const char *const fixed_events[] = {
    "european_war", "molotov_ribbentrop_pact", "fall_of_france", "tripartite_pact", "barbarossa",
    "us_oil_embargo", "pearl_harbor", "yalta_agreement", "german_defeat", "potsdam_declaration",
    "hiroshima"};

#define TABLE(t, name, field, count_field, max_)                                        \
    ld->tab[t] = (hk_idtab){name, (const char *)s->field, sizeof s->field[0],           \
                            offsetof(__typeof__(s->field[0]), at), &s->count_field, max_, \
                            true, false}

static void setup_tables(hk_loader *ld, hk_scenario *s)
{
    TABLE(T_ACTOR, "actor", actors, n_actors, HK_MAX_ACTORS);
    TABLE(T_FACTION, "faction", factions, n_factions, HK_MAX_FACTIONS);
    TABLE(T_REGION, "region", regions, n_regions, HK_MAX_REGIONS);
    TABLE(T_SECTOR, "sector", sectors, n_sectors, HK_MAX_SECTORS);
    TABLE(T_FORMATION, "formation", formations, n_formations, HK_MAX_FORMATIONS);
    TABLE(T_TREATY, "treaty", treaties, n_treaties, HK_MAX_TREATIES);
    TABLE(T_EVENT, "event", events, n_events, HK_MAX_EVENTS);
    TABLE(T_FACT, "fact", facts, n_facts, HK_MAX_FACTS);
    TABLE(T_BATTLE, "battle", battles, n_battles, HK_MAX_BATTLES);
    TABLE(T_LOSS, "loss", losses, n_losses, HK_MAX_LOSSES);
    TABLE(T_PUBLICATION, "publication", publications, n_publications, HK_MAX_PUBLICATIONS);
}

/* Which tables each file fills, so a file that cannot be read switches off
 * the reference checks against them. */
static void file_failed(hk_loader *ld, hk_scenario_file_id f)
{
    static const int fills[HK_FILE_COUNT][3] = {
        [HK_FILE_SCENARIO] = {T_PUBLICATION, -1, -1},
        [HK_FILE_ACTORS] = {T_ACTOR, T_FACTION, -1},
        [HK_FILE_REGIONS] = {T_REGION, T_SECTOR, -1},
        [HK_FILE_LINKS] = {-1, -1, -1},
        [HK_FILE_FORCES] = {T_FORMATION, -1, -1},
        [HK_FILE_TREATIES] = {T_TREATY, -1, -1},
        [HK_FILE_EVENTS] = {T_EVENT, -1, -1},
        [HK_FILE_RECORD] = {T_FACT, T_BATTLE, T_LOSS},
        [HK_FILE_PARAMS] = {-1, -1, -1},
    };
    for (int i = 0; i < 3; i++)
        if (fills[f][i] >= 0)
            ld->tab[fills[f][i]].usable = false;
}

/* The line of a top-level key, or 1: where "something is missing" goes. */
static int key_line(const hk_ynode *root, const char *key)
{
    if (!root || root->type != HK_Y_MAP)
        return 1;
    for (int i = 0; i + 1 < root->n; i += 2)
        if (root->items[i]->type == HK_Y_SCALAR && !strcmp(root->items[i]->text, key))
            return root->items[i]->line;
    return root->line;
}

static void check_fixed(hk_loader *ld, const char *path, const hk_ynode *root, int table,
                        const char *key, const char *const *ids, int n)
{
    if (!ld->tab[table].usable)
        return;
    for (int i = 0; i < n; i++)
        if (hk_find(ld, table, ids[i]) < 0)
            hk_diag_add(ld->diag, path, key_line(root, key),
                        "missing %s '%s': the fixed ids of docs/scenario-format.md must all be "
                        "present", ld->tab[table].what, ids[i]);
}

static void check_influence(hk_loader *ld, const char *path)
{
    const hk_scenario *s = ld->s;
    for (int a = 0; a < s->n_actors; a++) {
        double sum = 0;
        int first = -1;
        for (int f = 0; f < s->n_factions; f++) {
            if (s->factions[f].actor != a)
                continue;
            sum += s->factions[f].influence;
            if (first < 0)
                first = f;
        }
        if (first >= 0 && fabs(sum - 1.0) > 0.01)
            hk_diag_add(ld->diag, path, s->factions[first].at.line,
                        "the influence of %s's factions sums to %g; it must sum to 1",
                        s->actors[a].id, sum);
    }
}

/* Errors in file order, then line order: checks that need several files
 * run last but read best beside the line they point at. Stable, so errors
 * on one line keep the order they were found in. */
static void sort_errors(hk_diag *diag, int from, const char *const paths[HK_FILE_COUNT])
{
    int n = diag->count - from;
    if (n < 2)
        return;
    int *rank = malloc((size_t)n * sizeof *rank);
    if (!rank)
        return;
    for (int i = 0; i < n; i++) {
        const hk_diag_item *it = &diag->items[from + i];
        rank[i] = HK_FILE_COUNT;
        for (int f = 0; f < HK_FILE_COUNT && it->file; f++)
            if (paths[f] && strcmp(it->file, paths[f]) == 0)
                rank[i] = f;
    }
    for (int i = 1; i < n; i++) {
        hk_diag_item item = diag->items[from + i];
        int r = rank[i], j = i - 1;
        while (j >= 0 &&
               (rank[j] > r || (rank[j] == r && diag->items[from + j].line > item.line))) {
            diag->items[from + j + 1] = diag->items[from + j];
            rank[j + 1] = rank[j];
            j--;
        }
        diag->items[from + j + 1] = item;
        rank[j + 1] = r;
    }
    free(rank);
}

hk_scenario *hk_scenario_load_files(const hk_scenario_file files[HK_FILE_COUNT], hk_diag *diag)
{
    return hk_scenario_load_reusing(files, diag, NULL, NULL);
}

/* With `cache` and `block` NULL this is hk_scenario_load_files. A cache
 * (load_cache.c) stands in for the readers of files it has seen before;
 * `block`, zeroed here, is filled instead of a fresh allocation and is left
 * to the caller on failure (its arena freed). */
hk_scenario *hk_scenario_load_reusing(const hk_scenario_file files[HK_FILE_COUNT], hk_diag *diag,
                                      hk_scenario_cache *cache, hk_scenario *block)
{
    hk_scenario *s = block ? memset(block, 0, sizeof *block) : calloc(1, sizeof *s);
    hk_arena *tree_arena = hk_arena_new();
    if (!s || !tree_arena || !(s->arena = hk_arena_new())) {
        hk_diag_add(diag, NULL, 0, "out of memory loading the scenario");
        if (s && s->arena)
            hk_arena_free(s->arena);
        if (!block)
            free(s);
        hk_arena_free(tree_arena);
        return NULL;
    }
    s->jpn = s->sov = s->man = s->mgl = s->chn = -1;
    hk_loader ld = {.s = s, .diag = diag, .arena = s->arena};
    setup_tables(&ld, s);
    int errors_before = diag->count;

    typedef void (*reader_fn)(hk_loader *, const hk_ynode *);
    static const reader_fn readers[HK_FILE_COUNT] = {
        hk_load_meta, hk_load_actors, hk_load_regions, hk_load_links, hk_load_forces,
        hk_load_treaties, hk_load_events, hk_load_record, hk_load_params};
    const hk_ynode *roots[HK_FILE_COUNT] = {0};
    const char *paths[HK_FILE_COUNT];
    bool read[HK_FILE_COUNT] = {0}; /* read afresh, not replayed from the cache */
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        const hk_scenario_file *file = &files[f];
        const char *path = file->path ? file->path : hk_scenario_file_names[f];
        paths[f] = hk_arena_strdup(s->arena, path);
        ld.path = paths[f] ? paths[f] : hk_scenario_file_names[f];
        if (cache && hk_scenario_cache_replay(cache, &ld, f, file, read)) {
            roots[f] = file->tree;
            continue;
        }
        read[f] = true;
        const hk_ynode *root = file->tree;
        if (!root && !file->data) {
            hk_diag_add(diag, ld.path, 0, "cannot read the file: %s",
                        file->missing ? file->missing : "missing");
            file_failed(&ld, (hk_scenario_file_id)f);
            continue;
        }
        if (!root && !hk_yaml_parse(tree_arena, ld.path, file->data, file->size, diag, &root)) {
            file_failed(&ld, (hk_scenario_file_id)f);
            continue;
        }
        if (!root) {
            hk_diag_add(diag, ld.path, 1,
                        "the file is empty: it needs the keys of docs/scenario-format.md");
            file_failed(&ld, (hk_scenario_file_id)f);
            continue;
        }
        int before = diag->count;
        readers[f](&ld, root);
        roots[f] = root;
        ld.file_ok[f] = diag->count == before;
        if (root->type != HK_Y_MAP)
            file_failed(&ld, (hk_scenario_file_id)f);
    }

    if (cache) /* the end of the last file, for a cache recording the base */
        hk_scenario_cache_replay(cache, &ld, HK_FILE_COUNT, NULL, read);

    /* Checks that need more than one record. */
    s->jpn = hk_scenario_actor(s, "JPN");
    s->sov = hk_scenario_actor(s, "SOV");
    s->man = hk_scenario_actor(s, "MAN");
    s->mgl = hk_scenario_actor(s, "MGL");
    s->chn = hk_scenario_actor(s, "CHN");
    if (ld.tab[T_ACTOR].usable) {
        static const char *const needed[] = {"JPN", "SOV"};
        for (int i = 0; i < 2; i++)
            if (hk_scenario_actor(s, needed[i]) < 0)
                hk_diag_add(diag, paths[HK_FILE_ACTORS], key_line(roots[HK_FILE_ACTORS], "actors"),
                            "missing actor '%s': the model needs JPN and SOV", needed[i]);
        check_influence(&ld, paths[HK_FILE_ACTORS]);
    }
    check_fixed(&ld, paths[HK_FILE_TREATIES], roots[HK_FILE_TREATIES], T_TREATY, "treaties",
                fixed_treaties, (int)(sizeof fixed_treaties / sizeof *fixed_treaties));
    check_fixed(&ld, paths[HK_FILE_EVENTS], roots[HK_FILE_EVENTS], T_EVENT, "events",
                fixed_events, (int)(sizeof fixed_events / sizeof *fixed_events));
    hk_arena_free(tree_arena);
    sort_errors(diag, errors_before, paths);

    if (diag->count == errors_before && !hk_scenario_compile(s))
        hk_diag_add(diag, NULL, 0, "out of memory loading the scenario");
    if (diag->count > errors_before) {
        if (block)
            hk_arena_free(s->arena);
        else
            hk_scenario_free(s);
        return NULL;
    }
    return s;
}

void hk_scenario_free(hk_scenario *s)
{
    if (!s)
        return;
    hk_arena_free(s->arena);
    free(s);
}

/* ---- from a folder ---------------------------------------------------------- */

/* Opened without blocking and checked before a byte is read: opening a
 * FIFO for reading would wait for a writer, and a device or a socket is no
 * scenario file. Only then is the descriptor made blocking again and read. */
static unsigned char *read_file(const char *path, size_t *size, const char **why)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = S_ISFIFO(st.st_mode)  ? "a pipe (FIFO), not a regular file"
               : S_ISDIR(st.st_mode) ? "a folder, not a regular file"
                                     : "not a regular file";
        close(fd);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    FILE *fp = flags >= 0 && fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
    if (!fp) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    /* One byte past the cap is enough for the parser to report the size. */
    size_t cap = HK_YAML_MAX_BYTES + 1, n = 0;
    size_t want = (size_t)st.st_size < cap ? (size_t)st.st_size : cap;
    unsigned char *buf = malloc(want + 1);
    if (!buf) {
        *why = "out of memory";
        fclose(fp);
        return NULL;
    }
    n = fread(buf, 1, want, fp);
    if (ferror(fp)) {
        *why = strerror(errno);
        free(buf);
        fclose(fp);
        return NULL;
    }
    fclose(fp);
    buf[n] = '\0';
    *size = n;
    return buf;
}

hk_scenario *hk_scenario_load_dir(const char *dir, hk_diag *diag)
{
    struct stat st;
    if (!dir || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        hk_diag_add(diag, dir, 0, "not a scenario folder: %s",
                    dir && stat(dir, &st) != 0 ? strerror(errno) : "not a folder");
        return NULL;
    }
    size_t dlen = strlen(dir);
    while (dlen > 1 && dir[dlen - 1] == '/')
        dlen--;
    hk_scenario_file files[HK_FILE_COUNT];
    char *paths[HK_FILE_COUNT];
    unsigned char *bufs[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        const char *name = hk_scenario_file_names[f];
        paths[f] = malloc(dlen + strlen(name) + 2);
        if (paths[f])
            sprintf(paths[f], "%.*s/%s", (int)dlen, dir, name);
        files[f] = (hk_scenario_file){.path = paths[f] ? paths[f] : name};
        bufs[f] = paths[f] ? read_file(paths[f], &files[f].size, &files[f].missing) : NULL;
        if (!paths[f])
            files[f].missing = "out of memory";
        files[f].data = bufs[f];
    }
    hk_scenario *s = hk_scenario_load_files(files, diag);
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        free(paths[f]);
        free(bufs[f]);
    }
    return s;
}

/* ---- built in ------------------------------------------------------------------- */

hk_scenario *hk_scenario_load_builtin(hk_diag *diag)
{
    hk_scenario_file files[HK_FILE_COUNT];
    char paths[HK_FILE_COUNT][64];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        const char *name = hk_scenario_file_names[f];
        snprintf(paths[f], sizeof paths[f], "scenarios/far-east-1918/%s", name);
        const hk_embedded_file *e = hk_embedded_find(hk_embedded_scenario, name);
        files[f] = (hk_scenario_file){
            .path = paths[f],
            .data = e ? e->data : NULL,
            .size = e ? e->size : 0,
            .missing = "not in the built-in scenario (it is embedded from "
                       "scenarios/far-east-1918 when the program is built)"};
    }
    return hk_scenario_load_files(files, diag);
}
