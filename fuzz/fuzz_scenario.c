/* fuzz_scenario.c — libFuzzer harness for the scenario loader.
 *
 * The input's first byte picks one of the nine files of the minimal test
 * scenario (tests/corpus/minimal, with a params.yaml written from the
 * model's parameter table); the rest of the input replaces that file. The
 * other eight stay valid, so the fuzzer reaches the cross-file checks too.
 * Any crash, sanitizer report, leak or timeout is a bug in the loader.
 *
 * The eight files an input leaves alone are parsed once, and the loader's
 * cache (scenario/load_cache.c) copies what reading them gave instead of
 * checking their records again, unless a file they refer to is the one that
 * changed; it also reuses the scenario's block. HK_FUZZ_VERIFY=1 loads each
 * input without the cache too and stops if the two differ in anything the
 * loader reports. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "world/api.h"
#include "core/arena.h"
#include "scenario/load.h"
#include "scenario/yaml_tree.h"
#include "world/compiled.h"

#ifndef HK_SOURCE_DIR
#define HK_SOURCE_DIR "."
#endif

static unsigned char *base_data[HK_FILE_COUNT];
/* The base files parsed once: an input replaces one file, and parsing the
 * other eight again on every input (thousands of small allocations, slow
 * under ASan) was most of the time an input took. */
static const hk_ynode *base_tree[HK_FILE_COUNT];
static hk_arena *base_arena;
static hk_scenario_cache *cache;
static int verify;
static FILE *devnull;
static size_t base_size[HK_FILE_COUNT];

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = (n + 4096 + 1) * 2;
            unsigned char *grown = realloc(buf, cap);
            if (!grown)
                break;
            buf = grown;
        }
        size_t got = fread(buf + n, 1, 4096, fp);
        n += got;
        if (got < 4096)
            break;
    }
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    *size = n;
    return buf;
}

/* The params.yaml of tests/corpus/assemble.sh: every key, value 1 in 0..2. */
static unsigned char *params_text(size_t *size)
{
    size_t cap = 64 + (size_t)HK_PARAM_COUNT * 160, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    n += (size_t)snprintf(buf + n, cap - n, "params:\n");
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "  - {key: %s, value: 1, min: 0, max: 2, "
                              "source: \"calibrated: test\"}\n",
                              hk_param_table[i].key);
    *size = n;
    return (unsigned char *)buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("HK_MINIMAL_DIR");
    devnull = fopen("/dev/null", "w");
    char path[4096];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        if (f == HK_FILE_PARAMS) {
            base_data[f] = params_text(&base_size[f]);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir ? dir : HK_SOURCE_DIR "/tests/corpus/minimal",
                 hk_scenario_file_names[f]);
        base_data[f] = slurp(path, &base_size[f]);
        if (!base_data[f]) {
            fprintf(stderr, "fuzz_scenario: cannot read %s (set HK_MINIMAL_DIR)\n", path);
            exit(1);
        }
    }
    base_arena = hk_arena_new();
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        hk_diag d;
        hk_diag_init(&d);
        if (!base_arena ||
            !hk_yaml_parse(base_arena, hk_scenario_file_names[f], base_data[f], base_size[f], &d, &base_tree[f]) ||
            !base_tree[f]) {
            hk_diag_print(&d, stderr);
            fprintf(stderr, "fuzz_scenario: the base file %s does not parse\n", hk_scenario_file_names[f]);
            exit(1);
        }
        hk_diag_free(&d);
    }
    hk_scenario_file files[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++)
        files[f] = (hk_scenario_file){hk_scenario_file_names[f], base_data[f], base_size[f], NULL, base_tree[f]};
    hk_diag d;
    hk_diag_init(&d);
    if (!(cache = hk_scenario_cache_new(files, &d))) {
        hk_diag_print(&d, stderr);
        fprintf(stderr, "fuzz_scenario: the base scenario does not load\n");
        exit(1);
    }
    hk_diag_free(&d);
    const char *v = getenv("HK_FUZZ_VERIFY");
    verify = v && *v && strcmp(v, "0") != 0;
    return 0;
}

/* Everything the loader reports, as text: the errors, or that it loaded. */
static char *report(const hk_scenario *s, const hk_diag *d, size_t *len)
{
    char *text = NULL;
    FILE *fp = open_memstream(&text, len);
    if (!fp)
        abort();
    hk_diag_print(d, fp);
    fprintf(fp, "%s %d\n", s ? "loaded" : "refused", d->count);
    if (s)
        fprintf(fp, "%d %d %d %d %d %d %d %d\n", s->n_actors, s->n_regions, s->n_links,
                s->n_formations, s->n_treaties, s->n_events, s->n_facts, s->n_publications);
    fclose(fp);
    return text;
}

/* The same input without the cache must give the same report, and the same
 * compiled tables when it loads. */
static void check_same(const hk_scenario_file files[HK_FILE_COUNT], const hk_scenario *s,
                       const hk_diag *d)
{
    hk_diag plain_diag;
    hk_diag_init(&plain_diag);
    hk_scenario *plain = hk_scenario_load_files(files, &plain_diag);
    size_t la, lb;
    char *a = report(s, d, &la), *b = report(plain, &plain_diag, &lb);
    /* (the compile's serial number tells one compile from another for the
     * memos of world/map.c: set aside, the tables must be the same) */
    if (s && plain)
        plain->compiled->serial = s->compiled->serial;
    if (la != lb || memcmp(a, b, la) != 0 ||
        (s && plain && memcmp(s->compiled, plain->compiled, sizeof *s->compiled) != 0)) {
        fprintf(stderr, "fuzz_scenario: the cache changed what the loader reports\n"
                        "--- with the cache:\n%s--- without:\n%s", a, b);
        abort();
    }
    free(a);
    free(b);
    hk_scenario_free(plain);
    hk_diag_free(&plain_diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] % HK_FILE_COUNT;
    hk_scenario_file files[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++)
        files[f] = (hk_scenario_file){hk_scenario_file_names[f], base_data[f], base_size[f], NULL, base_tree[f]};
    /* An exact-size copy, so reading one byte past the input is caught. */
    unsigned char *copy = malloc(size - 1 ? size - 1 : 1);
    if (!copy)
        return 0;
    memcpy(copy, data + 1, size - 1);
    files[which].data = copy;
    files[which].size = size - 1;
    files[which].tree = NULL;
    hk_diag diag;
    hk_diag_init(&diag);
    hk_scenario *s = hk_scenario_cache_load(cache, files, &diag);
    /* Formatting every message exercises the error paths' strings too. */
    if (devnull)
        hk_diag_print(&diag, devnull);
    if (verify)
        check_same(files, s, &diag);
    hk_scenario_cache_release(cache, s);
    hk_diag_free(&diag);
    free(copy);
    return 0;
}
