/* sources.c — the bibliography (see sources.h). The cited keys are read off
 * the scenario files' `source:` fields, so that every record counts, not
 * only those the JSON documents print. */
#include "out/sources.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/embed.h"
#include "core/arena.h"
#include "scenario/cite_check.h"
#include "scenario/yaml_tree.h"

/* ---- reading the scenario's files --------------------------------------- */

typedef struct file_text {
    char *name;
    char *data;
    size_t size;
} file_text;

static char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = nb;
        }
        size_t k = fread(buf + n, 1, 4096, fp);
        n += k;
        if (k < 4096)
            break;
    }
    fclose(fp);
    buf[n] = '\0';
    *size = n;
    return buf;
}

/* Every *.yaml of the folder, or of the built-in scenario. */
static void free_files(file_text *f, int n);

static int scenario_files(const char *dir, file_text **out)
{
    int n = 0, cap = 16;
    file_text *f = calloc((size_t)cap, sizeof *f);
    if (!f)
        return -1;
    if (!dir) {
        for (const hk_embedded_file *e = hk_embedded_scenario; e->path; e++) {
            if (n == cap)
                break;
            f[n].name = strdup(e->path);
            f[n].data = malloc(e->size + 1);
            if (!f[n].name || !f[n].data) { /* out of memory: no files rather than a file without text */
                free_files(f, n + 1);
                return -1;
            }
            memcpy(f[n].data, e->data, e->size);
            f[n].data[e->size] = '\0';
            f[n].size = e->size;
            n++;
        }
    } else {
        DIR *d = opendir(dir);
        struct dirent *de;
        while (d && (de = readdir(d)) && n < cap) {
            size_t len = strlen(de->d_name);
            if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
                continue;
            char path[PATH_MAX];
            int w = snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            if (w < 0 || (size_t)w >= sizeof path) /* a path too long to open */
                continue;
            f[n].data = slurp(path, &f[n].size);
            if (!f[n].data)
                continue;
            f[n].name = strdup(de->d_name);
            n++;
        }
        if (d)
            closedir(d);
    }
    *out = f;
    return n;
}

static void free_files(file_text *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].name);
        free(f[i].data);
    }
    free(f);
}

/* ---- counting the citations ---------------------------------------------- */

static void count(json_t *obj, const char *key, int by)
{
    json_int_t v = json_integer_value(json_object_get(obj, key));
    json_object_set_new(obj, key, json_integer(v + by));
}

/* One citation: "001_x.txt:145", "coox1985, p. 12", "judged: why". */
static void cite_one(json_t *seeds, json_t *pubs, json_t *notes, const char *c, size_t len)
{
    while (len && isspace((unsigned char)*c)) {
        c++;
        len--;
    }
    while (len && isspace((unsigned char)c[len - 1]))
        len--;
    if (!len)
        return;
    static const char *const kinds[] = {"judged", "derived", "calibrated", "model", NULL};
    for (int k = 0; kinds[k]; k++) {
        size_t kl = strlen(kinds[k]);
        if (len > kl && strncmp(c, kinds[k], kl) == 0 && (c[kl] == ':' || c[kl] == ' ')) {
            count(notes, kinds[k], 1);
            return;
        }
    }
    char key[128];
    size_t kl = 0;
    while (kl < len && kl + 1 < sizeof key && c[kl] != ',' && c[kl] != ':' && c[kl] != ' ' && c[kl] != '(')
        kl++;
    memcpy(key, c, kl);
    key[kl] = '\0';
    if (kl > 4 && strncmp(key + kl - 4, ".txt", 4) == 0) {
        json_t *s = json_object_get(seeds, key);
        if (!s) {
            s = json_object();
            json_object_set_new(s, "lines", json_object());
            json_object_set_new(seeds, key, s);
        }
        count(s, "cited", 1);
        if (kl < len && c[kl] == ':') {
            /* FILE:LINE, or FILE:FROM-TO: every line of the passage */
            char *end = NULL;
            long from = strtol(c + kl + 1, &end, 10), to = from;
            if (end && end < c + len && *end == '-')
                to = strtol(end + 1, NULL, 10);
            if (to < from || to - from > 200)
                to = from;
            for (long n = from; n <= to; n++) {
                char line[24];
                snprintf(line, sizeof line, "%ld", n);
                count(json_object_get(s, "lines"), line, 1);
            }
        }
        return;
    }
    json_t *p = json_object_get(pubs, key);
    if (!p) {
        p = json_pack("{s:i, s:o}", "cited", 0, "locators", json_object());
        json_object_set_new(pubs, key, p);
    }
    count(p, "cited", 1);
    const char *rest = c + kl;
    size_t rl = len - kl;
    while (rl && (*rest == ',' || *rest == ' ')) {
        rest++;
        rl--;
    }
    if (rl) {
        char loc[256];
        snprintf(loc, sizeof loc, "%.*s", (int)(rl < 255 ? rl : 255), rest);
        json_object_set_new(json_object_get(p, "locators"), loc, json_true());
    }
}

/* The value of every `source` key anywhere in a file's tree. */
static void walk_sources(json_t *seeds, json_t *pubs, json_t *notes, const hk_ynode *n)
{
    if (!n)
        return;
    if (n->type == HK_Y_SEQ) {
        for (int i = 0; i < n->n; i++)
            walk_sources(seeds, pubs, notes, n->items[i]);
    } else if (n->type == HK_Y_MAP) {
        for (int i = 0; i + 1 < n->n; i += 2) {
            const hk_ynode *k = n->items[i], *v = n->items[i + 1];
            if (k->type == HK_Y_SCALAR && k->text && strcmp(k->text, "source") == 0 && v->type == HK_Y_SCALAR &&
                v->text) {
                /* parts joined by ';', an explanation's own ';' kept in it (cite_check.h) */
                for (const char *st = v->text;;) {
                    const char *q = hk_source_part_end(st);
                    cite_one(seeds, pubs, notes, st, (size_t)(q - st));
                    if (*q == '\0')
                        break;
                    st = q + 1;
                }
            } else {
                walk_sources(seeds, pubs, notes, v);
            }
        }
    }
}

/* ---- the seeds folder and the seed titles -------------------------------- */

static bool is_dir(const char *p)
{
    DIR *d = opendir(p);
    if (d)
        closedir(d);
    return d != NULL;
}

static const char *find_seeds_dir(const char *given, const char *scenario_dir, char *buf, size_t len)
{
    if (given)
        return is_dir(given) ? given : NULL;
    /* a scenario folder's own seeds first, as `hokushin check` looks */
    if (scenario_dir) {
        int w = snprintf(buf, len, "%s/seeds", scenario_dir);
        if (w > 0 && (size_t)w < len && is_dir(buf))
            return buf;
    }
    const char *env = getenv("HK_SEEDS_DIR");
    if (env && is_dir(env))
        return env;
    const char *shared = getenv("HK_SHARED_DIR");
    if (shared) {
        snprintf(buf, len, "%s/seeds", shared);
        if (is_dir(buf))
            return buf;
    }
    static const char *const rel[] = {"../shared/seeds", "shared/seeds", "../../shared/seeds", NULL};
    for (int i = 0; rel[i]; i++)
        if (is_dir(rel[i])) {
            snprintf(buf, len, "%s", rel[i]);
            return buf;
        }
    /* beside the program's checkout: build/hokushin -> ../../shared/seeds */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            snprintf(buf, len, "%.*s/shared/seeds", (int)(len > 20 ? len - 20 : 0), exe);
            if (is_dir(buf))
                return buf;
        }
    }
    return NULL;
}

/* The text of line `want` (1-based) of a file's contents, trimmed, malloc'd. */
static char *line_of(const char *text, int want)
{
    int line = 1;
    const char *p = text;
    while (*p && line < want) {
        if (*p++ == '\n')
            line++;
    }
    if (line != want)
        return NULL;
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    while (n && isspace((unsigned char)*p)) {
        p++;
        n--;
    }
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    /* the seeds' note marks (<sup>10</sup>) as [10] */
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= 5 && strncmp(p + i, "<sup>", 5) == 0) {
            out[o++] = '[';
            i += 5;
        } else if (n - i >= 6 && strncmp(p + i, "</sup>", 6) == 0) {
            out[o++] = ']';
            i += 6;
        } else
            out[o++] = p[i++];
    }
    out[o] = '\0';
    return out;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The folder a scenario was loaded from, read off the path its records were
 * loaded with ("DIR/actors.yaml"), in buf; NULL for the built-in scenario
 * (its records carry "scenarios/far-east-1918/...", the embedded files) or a
 * scenario not loaded from a folder. So a scenario given as --scenario DIR
 * gets its own seed titles and citation counts wherever its bibliography is
 * made (the replay document the page reads, `hokushin sources`). */
static const char *loaded_from(const hk_scenario *s, char *buf, size_t len)
{
    const char *at = s->n_actors ? s->actors[0].at.file : s->n_publications ? s->publications[0].at.file : NULL;
    if (!at)
        return NULL;
    const char *slash = strrchr(at, '/');
    if (!slash || slash == at || (size_t)(slash - at) >= len)
        return NULL;
    snprintf(buf, len, "%.*s", (int)(slash - at), at);
    for (const hk_embedded_file *e = hk_embedded_scenario; e->path; e++) {
        char builtin[PATH_MAX];
        snprintf(builtin, sizeof builtin, "scenarios/far-east-1918/%s", e->path);
        if (strcmp(builtin, at) == 0)
            return NULL;
    }
    char probe[PATH_MAX + 16];
    int w = snprintf(probe, sizeof probe, "%s/scenario.yaml", buf);
    FILE *fp = w > 0 && (size_t)w < sizeof probe ? fopen(probe, "rb") : NULL;
    if (!fp)
        return NULL;
    fclose(fp);
    return buf;
}

json_t *hk_sources_json(const hk_scenario *s, const char *dir, const char *seeds_dir)
{
    char loaded[PATH_MAX];
    if (!dir)
        dir = loaded_from(s, loaded, sizeof loaded);
    file_text *files = NULL;
    int nf = scenario_files(dir, &files);
    if (nf < 0)
        return NULL;
    json_t *seeds = json_object(), *pubs = json_object(), *notes = json_object();
    const hk_ynode *titles = NULL;
    hk_arena *arena = hk_arena_new();
    /* without a folder the files are the built-in scenario's: only read them
     * for the built-in scenario itself */
    bool mine = dir != NULL;
    for (int i = 0; !dir && i < nf; i++)
        if (strcmp(files[i].name, "scenario.yaml") == 0 && s->id) {
            char want[96];
            snprintf(want, sizeof want, "\nid: %s\n", s->id);
            mine = strstr(files[i].data, want) != NULL;
        }
    for (int i = 0; mine && i < nf; i++) {
        if (strcmp(files[i].name, "sources.yaml") == 0) {
            hk_diag diag;
            hk_diag_init(&diag);
            const hk_ynode *root = NULL;
            if (arena && hk_yaml_parse(arena, "sources.yaml", (const unsigned char *)files[i].data, files[i].size,
                                       &diag, &root) && root)
                titles = hk_ymap_get(root, "seeds");
            hk_diag_free(&diag);
        } else if (arena) {
            hk_diag diag;
            hk_diag_init(&diag);
            const hk_ynode *root = NULL;
            if (hk_yaml_parse(arena, files[i].name, (const unsigned char *)files[i].data, files[i].size, &diag, &root))
                walk_sources(seeds, pubs, notes, root);
            hk_diag_free(&diag);
        }
    }
    char dirbuf[PATH_MAX];
    const char *sd = find_seeds_dir(seeds_dir, dir, dirbuf, sizeof dirbuf);

    json_t *out = json_object();
    json_object_set_new(out, "seeds_dir", sd ? json_string(sd) : json_null());
    /* seeds in the scenario's order */
    json_t *seed_list = json_array();
    for (int i = 0; i < s->n_seeds; i++) {
        const char *file = s->seeds[i].file;
        json_t *e = json_pack("{s:s}", "file", file);
        for (int k = 0; titles && titles->type == HK_Y_SEQ && k < titles->n; k++) {
            const hk_ynode *t = titles->items[k], *f = hk_ymap_get(t, "file");
            if (!f || !f->text || strcmp(f->text, file) != 0)
                continue;
            static const char *const fields[] = {"title", "kind", "about", NULL};
            for (int j = 0; fields[j]; j++) {
                const hk_ynode *v = hk_ymap_get(t, fields[j]);
                if (v && v->text)
                    json_object_set_new(e, fields[j], json_string(v->text));
            }
        }
        json_t *c = json_object_get(seeds, file);
        json_object_set_new(e, "cited", json_integer(c ? json_integer_value(json_object_get(c, "cited")) : 0));
        char *text = NULL;
        size_t size = 0;
        if (sd) {
            char path[PATH_MAX];
            int w = snprintf(path, sizeof path, "%s/%s", sd, file);
            text = w > 0 && (size_t)w < sizeof path ? slurp(path, &size) : NULL;
        }
        json_object_set_new(e, "available", json_boolean(text != NULL));
        json_t *lines = json_array();
        json_t *cl = c ? json_object_get(c, "lines") : NULL;
        size_t nl = cl ? json_object_size(cl) : 0;
        int *nums = nl ? malloc(nl * sizeof *nums) : NULL;
        size_t k = 0;
        const char *lk;
        json_t *lv;
        if (nums)
            json_object_foreach(cl, lk, lv) nums[k++] = atoi(lk);
        if (nums)
            qsort(nums, k, sizeof *nums, cmp_int);
        for (size_t j = 0; j < k; j++) {
            char key[16];
            snprintf(key, sizeof key, "%d", nums[j]);
            char *lt = text ? line_of(text, nums[j]) : NULL;
            json_array_append_new(lines, json_pack("{s:i, s:o, s:I}", "line", nums[j], "text",
                                                   lt ? json_string(lt) : json_null(), "cited",
                                                   json_integer_value(json_object_get(cl, key))));
            free(lt);
        }
        free(nums);
        free(text);
        json_object_set_new(e, "lines", lines);
        json_array_append_new(seed_list, e);
        json_object_del(seeds, file);
    }
    json_object_set_new(out, "seeds", seed_list);
    /* publications in scenario.yaml's order; those cited and those listed */
    json_t *pub_list = json_array();
    for (int i = 0; i < s->n_publications; i++) {
        const hk_publication *p = &s->publications[i];
        json_t *c = json_object_get(pubs, p->id);
        json_t *locs = json_array();
        const char *lk;
        json_t *lv;
        if (c)
            json_object_foreach(json_object_get(c, "locators"), lk, lv) json_array_append_new(locs, json_string(lk));
        json_array_append_new(pub_list,
                              json_pack("{s:s, s:s, s:I, s:o}", "id", p->id, "cite", p->cite ? p->cite : "", "cited",
                                        c ? json_integer_value(json_object_get(c, "cited")) : (json_int_t)0,
                                        "locators", locs));
        json_object_del(pubs, p->id);
    }
    json_object_set_new(out, "publications", pub_list);
    json_object_set_new(out, "notes", notes);
    /* what is cited but listed nowhere (check reports these as errors) */
    json_t *unknown = json_array();
    const char *uk;
    json_t *uv;
    json_object_foreach(seeds, uk, uv) json_array_append_new(unknown, json_pack("{s:s, s:O}", "key", uk, "cited",
                                                                                 json_object_get(uv, "cited")));
    json_object_foreach(pubs, uk, uv) json_array_append_new(unknown, json_pack("{s:s, s:O}", "key", uk, "cited",
                                                                                json_object_get(uv, "cited")));
    json_object_set_new(out, "unknown", unknown);
    json_decref(seeds);
    json_decref(pubs);
    hk_arena_free(arena);
    free_files(files, nf);
    return out;
}

/* ---- text ------------------------------------------------------------------ */

/* Text on its own lines under `indent`, broken at spaces before `width`. */
static void wrap(FILE *out, const char *t, const char *indent, int width)
{
    fputs(indent, out);
    int col = (int)strlen(indent);
    bool first = true;
    while (*t) {
        while (*t == ' ')
            t++;
        const char *e = t;
        while (*e && *e != ' ')
            e++;
        int len = (int)(e - t);
        if (!len)
            break;
        if (first) {
            first = false;
        } else if (col + 1 + len > width) {
            fprintf(out, "\n%s", indent);
            col = (int)strlen(indent);
        } else {
            fputc(' ', out);
            col++;
        }
        fwrite(t, 1, (size_t)len, out);
        col += len;
        t = e;
    }
    fputc('\n', out);
}

void hk_sources_print(FILE *out, const json_t *bib)
{
    const json_t *seeds = json_object_get(bib, "seeds"), *pubs = json_object_get(bib, "publications");
    const char *sd = json_string_value(json_object_get(bib, "seeds_dir"));
    size_t i;
    json_t *e;
    fprintf(out, "Source documents (cited as FILE:LINE)%s%s\n\n", sd ? "; read from " : "", sd ? sd : "");
    json_array_foreach(seeds, i, e)
    {
        const char *title = json_string_value(json_object_get(e, "title"));
        const char *kind = json_string_value(json_object_get(e, "kind"));
        fprintf(out, "%s\n  %s%s%s%s\n", json_string_value(json_object_get(e, "file")), title ? title : "(no title)",
                kind ? " (" : "", kind ? kind : "", kind ? ")" : "");
        const json_t *lines = json_object_get(e, "lines");
        long long n = (long long)json_integer_value(json_object_get(e, "cited"));
        fprintf(out, "  cited %lld time%s, at %zu line%s\n", n, n == 1 ? "" : "s", json_array_size(lines),
                json_array_size(lines) == 1 ? "" : "s");
        size_t j;
        json_t *l;
        json_array_foreach(lines, j, l)
        {
            const char *t = json_string_value(json_object_get(l, "text"));
            fprintf(out, "  line %lld:\n", (long long)json_integer_value(json_object_get(l, "line")));
            wrap(out, t ? t : "(the seed file is not at hand: give --seeds DIR)", "    ", 96);
        }
        fputc('\n', out);
    }
    fprintf(out, "Publications (cited by id, with an optional locator after a comma)\n\n");
    json_array_foreach(pubs, i, e)
    {
        long long n = (long long)json_integer_value(json_object_get(e, "cited"));
        fprintf(out, "%s\n", json_string_value(json_object_get(e, "id")));
        wrap(out, json_string_value(json_object_get(e, "cite")), "  ", 96);
        fprintf(out, "  %s", n == 0 ? "listed, not cited" : n == 1 ? "cited once" : "");
        if (n > 1)
            fprintf(out, "cited %lld times", n);
        const json_t *locs = json_object_get(e, "locators");
        if (json_array_size(locs)) {
            fprintf(out, "; at: ");
            size_t j;
            json_t *l;
            json_array_foreach(locs, j, l) fprintf(out, "%s%s", j ? " | " : "", json_string_value(l));
        }
        fprintf(out, "\n\n");
    }
    const json_t *notes = json_object_get(bib, "notes");
    fprintf(out, "Figures without a document: judged %lld, derived %lld, calibrated %lld; model's own events %lld\n",
            (long long)json_integer_value(json_object_get(notes, "judged")),
            (long long)json_integer_value(json_object_get(notes, "derived")),
            (long long)json_integer_value(json_object_get(notes, "calibrated")),
            (long long)json_integer_value(json_object_get(notes, "model")));
    const json_t *unknown = json_object_get(bib, "unknown");
    json_array_foreach(unknown, i, e) fprintf(out, "not in the bibliography: %s (cited %lld times)\n",
                                              json_string_value(json_object_get(e, "key")),
                                              (long long)json_integer_value(json_object_get(e, "cited")));
}
