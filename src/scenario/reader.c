/* reader.c — reading typed fields from YAML records, with every problem
 * reported at its line and the loader carrying on to find the next one. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/load.h"
#include "scenario/cite_check.h"
#include "core/format.h"
#include "scenario/nearest.h"

void hk_load_error(hk_loader *ld, int line, const char *fmt, ...)
{
    char buf[768];
    HK_FORMAT_ARGS(buf, fmt);
    hk_diag_add(ld->diag, ld->path, line, "%s", buf);
}

/* A value quoted for a message, cut short so garbage cannot flood it. */
static const char *shown(const char *text, char *buf, size_t size)
{
    size_t n = strlen(text);
    if (n < size) {
        memcpy(buf, text, n + 1);
    } else {
        memcpy(buf, text, size - 4);
        strcpy(buf + size - 4, "...");
    }
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = '?';
    return buf;
}

bool hk_rec_open(hk_rec *r, hk_loader *ld, const hk_ynode *node, const char *what,
                 const char *const *keys)
{
    r->ld = ld;
    r->map = node;
    r->line = node->line;
    r->keys = NULL;
    snprintf(r->label, sizeof r->label, "%s", what);
    if (node->type != HK_Y_MAP) {
        hk_load_error(ld, node->line, "expected a %s as a mapping of keys to values", what);
        return false;
    }
    const hk_ynode *id = hk_ymap_get(node, "id");
    if (id && id->type == HK_Y_SCALAR && *id->text) {
        char b[48];
        snprintf(r->label, sizeof r->label, "%s '%s'", what, shown(id->text, b, sizeof b));
    }
    /* Linear in the record's size: a known key can repeat only as often as
     * there are known keys, and unknown ones are reported (up to a limit). */
    int seen[32] = {0}, unknown = 0;
    const hk_ynode *val[32] = {0};
    for (int i = 0; i + 1 < node->n; i += 2) {
        const hk_ynode *k = node->items[i];
        if (k->type != HK_Y_SCALAR) {
            hk_load_error(ld, k->line, "a key must be a plain word");
            continue;
        }
        int known = -1;
        for (int j = 0; keys[j] && known < 0; j++)
            if (strcmp(keys[j], k->text) == 0)
                known = j;
        char b[48];
        if (known < 0) {
            if (++unknown > 10)
                continue;
            hk_nearest near;
            hk_nearest_init(&near, k->text);
            for (int j = 0; keys[j]; j++)
                hk_nearest_offer(&near, keys[j]);
            const char *best = hk_nearest_result(&near);
            if (best)
                hk_load_error(ld, k->line, "unknown key '%s' in %s (did you mean '%s'?)",
                              shown(k->text, b, sizeof b), r->label, best);
            else
                hk_load_error(ld, k->line, "unknown key '%s' in %s", shown(k->text, b, sizeof b),
                              r->label);
            continue;
        }
        if (known < 32 && seen[known])
            hk_load_error(ld, k->line, "key '%s' given twice in %s (first at line %d)", k->text,
                          r->label, seen[known]);
        else if (known < 32)
            seen[known] = k->line;
        if (known < 32 && !val[known])
            val[known] = node->items[i + 1]; /* the first, as hk_ymap_get finds */
    }
    if (unknown > 10)
        hk_load_error(ld, node->line, "%s has %d unknown keys (the first 10 are listed)", r->label,
                      unknown);
    int n_keys = 0;
    while (keys[n_keys])
        n_keys++;
    if (n_keys <= 32) {
        memcpy(r->val, val, sizeof val);
        r->keys = keys;
    }
    return true;
}

const hk_ynode *hk_rec_get(const hk_rec *r, const char *key)
{
    const hk_ynode *v = NULL;
    int j = 0;
    /* A key of the record's own list, by address (the callers pass the
     * same literal): its value was found when the record was opened. */
    if (r->keys)
        while (r->keys[j] && r->keys[j] != key)
            j++;
    if (r->keys && r->keys[j])
        v = r->val[j];
    else
        v = hk_ymap_get(r->map, key);
    return hk_ynode_is_null(v) ? NULL : v;
}

void hk_rec_missing(hk_rec *r, const char *key)
{
    hk_load_error(r->ld, r->line, "%s has no '%s'", r->label, key);
}

/* The scalar under key: 1 found, 0 absent, -1 not a scalar. */
static int scalar(hk_rec *r, const char *key, bool required, const hk_ynode **out)
{
    const hk_ynode *v = hk_rec_get(r, key);
    *out = v;
    if (!v) {
        if (required)
            hk_rec_missing(r, key);
        return 0;
    }
    if (v->type != HK_Y_SCALAR) {
        hk_load_error(r->ld, v->line, "'%s' of %s must be a single value, not a %s", key,
                      r->label, v->type == HK_Y_SEQ ? "list" : "mapping");
        return -1;
    }
    return 1;
}

int hk_rec_str(hk_rec *r, const char *key, bool required, const char **out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    *out = hk_arena_strdup(r->ld->arena, v->text);
    return *out ? 1 : -1;
}

static bool parse_double(const char *t, double *out)
{
    if (!*t || isspace((unsigned char)*t))
        return false;
    char *end;
    errno = 0;
    double v = strtod(t, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    /* strtod accepts hex floats and "inf"; a scenario writes decimals. */
    for (const char *p = t; *p; p++)
        if (!strchr("0123456789+-.eE", *p))
            return false;
    *out = v;
    return true;
}

static void range_error(hk_rec *r, const hk_ynode *v, const char *key, double x, double lo,
                        double hi)
{
    char b[48];
    const char *t = shown(v->text, b, sizeof b);
    /* Name only the bound that matters when the other is a mere cap. */
    if (x < lo && hi >= 1000)
        hk_load_error(r->ld, v->line, "'%s' must be at least %g, not %s", key, lo, t);
    else if (x > hi && lo <= -1000)
        hk_load_error(r->ld, v->line, "'%s' must be at most %g, not %s", key, hi, t);
    else
        hk_load_error(r->ld, v->line, "'%s' must lie within %g..%g, not %s", key, lo, hi, t);
}

int hk_rec_num(hk_rec *r, const char *key, bool required, double lo, double hi, double *out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    double x;
    char b[48];
    if (!parse_double(v->text, &x)) {
        hk_load_error(r->ld, v->line, "'%s' must be a number, not '%s'", key,
                      shown(v->text, b, sizeof b));
        return -1;
    }
    if (x < lo || x > hi) {
        range_error(r, v, key, x, lo, hi);
        return -1;
    }
    *out = x;
    return 1;
}

int hk_rec_int(hk_rec *r, const char *key, bool required, long lo, long hi, int *out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    const char *t = v->text;
    char *end;
    errno = 0;
    long x = strtol(t, &end, 10);
    char b[48];
    if (!*t || isspace((unsigned char)*t) || *end || errno == ERANGE) {
        hk_load_error(r->ld, v->line, "'%s' must be a whole number, not '%s'", key,
                      shown(t, b, sizeof b));
        return -1;
    }
    if (x < lo || x > hi) {
        range_error(r, v, key, (double)x, (double)lo, (double)hi);
        return -1;
    }
    *out = (int)x;
    return 1;
}

int hk_rec_bool(hk_rec *r, const char *key, bool required, bool *out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    const char *t = v->text;
    if (!strcmp(t, "true") || !strcmp(t, "yes")) {
        *out = true;
    } else if (!strcmp(t, "false") || !strcmp(t, "no")) {
        *out = false;
    } else {
        char b[48];
        hk_load_error(r->ld, v->line, "'%s' must be true or false, not '%s'", key,
                      shown(t, b, sizeof b));
        return -1;
    }
    return 1;
}

int hk_rec_date(hk_rec *r, const char *key, bool required, hk_date *out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    hk_date d;
    char b[48];
    if (!hk_date_parse(v->text, &d)) {
        hk_load_error(r->ld, v->line, "'%s' is not a date: '%s' (write YYYY-MM-DD or YYYY-MM)",
                      key, shown(v->text, b, sizeof b));
        return -1;
    }
    const hk_scenario *s = r->ld->s;
    if (r->ld->have_meta &&
        (hk_date_month(d) < hk_date_month(s->start) || hk_date_month(d) > hk_date_month(s->end))) {
        char from[11], to[11];
        hk_date_format(s->start, from);
        hk_date_format(s->end, to);
        hk_load_error(r->ld, v->line, "'%s' %s lies outside the scenario's %s..%s", key, v->text,
                      from, to);
        return -1;
    }
    *out = d;
    return 1;
}

int hk_rec_enum(hk_rec *r, const char *key, bool required, const char *what,
                const char *(*name)(int), int count, int *out)
{
    const hk_ynode *v;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    for (int i = 0; i < count; i++) {
        if (strcmp(name(i), v->text) == 0) {
            *out = i;
            return 1;
        }
    }
    /* Distances only for a word that matched nothing: they are the costly
     * part, and most loads never need one. */
    hk_nearest near;
    hk_nearest_init(&near, v->text);
    for (int i = 0; i < count; i++)
        hk_nearest_offer(&near, name(i));
    char b[48], all[256] = "";
    const char *best = hk_nearest_result(&near);
    if (best) {
        hk_load_error(r->ld, v->line, "unknown %s '%s' (did you mean '%s'?)", what,
                      shown(v->text, b, sizeof b), best);
    } else {
        for (int i = 0; i < count; i++) {
            size_t len = strlen(all);
            snprintf(all + len, sizeof all - len, "%s%s", i ? ", " : "", name(i));
        }
        hk_load_error(r->ld, v->line, "unknown %s '%s' (one of: %s)", what,
                      shown(v->text, b, sizeof b), all);
    }
    return -1;
}

int hk_find(const hk_loader *ld, int table, const char *id)
{
    const hk_idtab *t = &ld->tab[table];
    for (int i = 0; i < *t->count; i++)
        if (strcmp(t->base + (size_t)i * t->stride, id) == 0)
            return i;
    return -1;
}

int hk_lookup(hk_loader *ld, int table, const char *id, int line)
{
    const hk_idtab *t = &ld->tab[table];
    int i = hk_find(ld, table, id);
    if (i >= 0 || !t->usable)
        return i;
    hk_nearest near;
    hk_nearest_init(&near, id);
    for (int j = 0; j < *t->count; j++)
        hk_nearest_offer(&near, t->base + (size_t)j * t->stride);
    const char *best = hk_nearest_result(&near);
    char b[48];
    if (best)
        hk_load_error(ld, line, "unknown %s '%s' (did you mean '%s'?)", t->what,
                      shown(id, b, sizeof b), best);
    else
        hk_load_error(ld, line, "unknown %s '%s'", t->what, shown(id, b, sizeof b));
    return -1;
}

int hk_rec_ref(hk_rec *r, const char *key, bool required, int table, int *out)
{
    const hk_ynode *v;
    *out = -1;
    int rc = scalar(r, key, required, &v);
    if (rc <= 0)
        return rc;
    *out = hk_lookup(r->ld, table, v->text, v->line);
    return *out >= 0 ? 1 : -1;
}

int hk_rec_refs(hk_rec *r, const char *key, bool required, int table, int *out, int max, int *n)
{
    *n = 0;
    const hk_ynode *v = hk_rec_get(r, key);
    if (!v) {
        if (required)
            hk_rec_missing(r, key);
        return 0;
    }
    if (v->type != HK_Y_SEQ) {
        hk_load_error(r->ld, v->line, "'%s' of %s must be a list like [JPN, SOV]", key, r->label);
        return -1;
    }
    if (v->n > max) {
        hk_load_error(r->ld, v->line, "'%s' of %s lists %d ids; at most %d are allowed", key,
                      r->label, v->n, max);
        return -1;
    }
    int bad = 0;
    for (int i = 0; i < v->n; i++) {
        const hk_ynode *item = v->items[i];
        if (item->type != HK_Y_SCALAR) {
            hk_load_error(r->ld, item->line, "'%s' of %s must list ids", key, r->label);
            bad = 1;
            continue;
        }
        int idx = hk_lookup(r->ld, table, item->text, item->line);
        if (idx < 0) {
            bad = 1;
            continue;
        }
        for (int j = 0; j < *n; j++)
            if (out[j] == idx) {
                hk_load_error(r->ld, item->line, "'%s' of %s lists '%s' twice", key, r->label,
                              item->text);
                bad = 1;
            }
        out[(*n)++] = idx;
    }
    return bad ? -1 : 1;
}

static bool id_form_ok(const char *id, bool actor_style)
{
    size_t len = strlen(id);
    if (actor_style) {
        return len == 3 && isupper((unsigned char)id[0]) && isupper((unsigned char)id[1]) &&
               isupper((unsigned char)id[2]);
    }
    if (len == 0 || len >= HK_ID_LEN || !islower((unsigned char)id[0]))
        return false;
    for (const char *p = id; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
            return false;
    return true;
}

int hk_rec_id(hk_rec *r, int table, bool actor_style, char *out)
{
    const hk_ynode *v;
    out[0] = '\0';
    int rc = scalar(r, "id", true, &v);
    if (rc <= 0)
        return rc;
    char b[48];
    if (!id_form_ok(v->text, actor_style)) {
        if (actor_style)
            hk_load_error(r->ld, v->line, "actor id '%s' must be three capital letters (JPN)",
                          shown(v->text, b, sizeof b));
        else
            hk_load_error(r->ld, v->line,
                          "id '%s' must be lower-case snake_case, at most %d characters",
                          shown(v->text, b, sizeof b), HK_ID_LEN - 1);
        return -1;
    }
    const hk_idtab *t = &r->ld->tab[table];
    int prev = hk_find(r->ld, table, v->text);
    if (prev >= 0) {
        const hk_at *at = (const hk_at *)(t->base + (size_t)prev * t->stride + t->at_offset);
        hk_load_error(r->ld, v->line, "duplicate %s id '%s' (first at line %d)", t->what,
                      v->text, at->line);
        return -1;
    }
    snprintf(out, HK_ID_LEN, "%s", v->text);
    return 1;
}

/* ---- sources ------------------------------------------------------------ */

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* One citation; fills out the first time a seed or publication resolves. */
static void cite(hk_rec *r, int line, char *part, hk_source *out)
{
    hk_loader *ld = r->ld;
    const hk_scenario *s = ld->s;
    char b[64];
    if (!*part) {
        hk_load_error(ld, line, "empty citation in the source of %s", r->label);
        return;
    }
    /* A record may say how its numbers were found instead of citing a text:
     * `derived:` with the arithmetic from cited figures, `judged:` set by
     * hand against the record, and for parameters `calibrated:` fitted by
     * 'hokushin calibrate'. Each must say what it rests on. */
    static const char *const how[] = {"calibrated:", "judged:", "derived:"};
    for (size_t k = 0; k < sizeof how / sizeof how[0]; k++) {
        size_t n = strlen(how[k]);
        if (strncmp(part, how[k], n) != 0)
            continue;
        if (k == 0 && !ld->allow_calibrated)
            hk_load_error(ld, line, "'%s' sources are for parameters only", how[k]);
        else if (!*trim(part + n))
            hk_load_error(ld, line, "'%s' must say what the value was set against", how[k]);
        return;
    }
    char *colon = strrchr(part, ':');
    size_t flen = colon ? (size_t)(colon - part) : 0;
    if (colon && flen > 4 && strncmp(colon - 4, ".txt", 4) == 0) {
        /* A seed citation FILE:LINE or FILE:FROM-TO. */
        *colon = '\0';
        char *lines = colon + 1, *dash = strchr(lines, '-');
        if (dash)
            *dash = '\0';
        if (!all_digits(lines) || (dash && !all_digits(dash + 1)) || strlen(lines) > 7 ||
            (dash && strlen(dash + 1) > 7)) {
            hk_load_error(ld, line, "citation '%s:...' needs a line number after the colon",
                          shown(part, b, sizeof b));
            return;
        }
        int from = atoi(lines), to = dash ? atoi(dash + 1) : from;
        if (!ld->have_meta)
            return;
        int seed = -1;
        for (int i = 0; i < s->n_seeds; i++)
            if (strcmp(s->seeds[i].file, part) == 0)
                seed = i;
        if (seed < 0) {
            hk_load_error(ld, line,
                          "source cites '%s', which is not listed under seeds in scenario.yaml",
                          shown(part, b, sizeof b));
            return;
        }
        if (from < 1 || to < from || to > s->seeds[seed].lines) {
            hk_load_error(ld, line, "source cites line %d of %s, which has %d lines",
                          from < 1 || to < from ? from : to, part, s->seeds[seed].lines);
            return;
        }
        if (out->seed < 0 && out->publication < 0) {
            out->seed = seed;
            out->line = from;
        }
        return;
    }
    /* A publication id with an optional locator after a comma. */
    char *comma = strchr(part, ',');
    if (comma)
        *comma = '\0';
    char *id = trim(part);
    if (!ld->have_meta)
        return;
    int pub = hk_lookup(ld, T_PUBLICATION, id, line);
    if (pub >= 0 && out->seed < 0 && out->publication < 0)
        out->publication = pub;
}

void hk_rec_source(hk_rec *r, hk_source *out)
{
    out->text = NULL;
    out->seed = out->publication = -1;
    out->line = 0;
    const hk_ynode *v;
    int rc = scalar(r, "source", false, &v);
    if (rc < 0)
        return;
    if (rc == 0 || !*v->text) {
        hk_load_error(r->ld, r->line, "%s has no source", r->label);
        return;
    }
    out->text = hk_arena_strdup(r->ld->arena, v->text);
    char *copy = hk_arena_strdup(r->ld->arena, v->text);
    if (!out->text || !copy)
        return;
    r->ld->n_sourced++;
    int n = 0;
    /* parts joined by ';', an explanation's own ';' kept in it (cite_check.h) */
    for (char *part = copy, *next; *part; part = next) {
        char *end = (char *)hk_source_part_end(part);
        next = *end ? end + 1 : end;
        *end = '\0';
        if (++n > 16) {
            hk_load_error(r->ld, v->line, "the source of %s joins more than 16 citations",
                          r->label);
            break;
        }
        cite(r, v->line, trim(part), out);
    }
}

/* ---- files and tables ------------------------------------------------------ */

bool hk_file_open(hk_loader *ld, const hk_ynode *root, const char *const *keys)
{
    hk_rec r;
    if (root->type != HK_Y_MAP) {
        char list[160] = "";
        for (int i = 0; keys[i]; i++) {
            size_t len = strlen(list);
            snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "", keys[i]);
        }
        hk_load_error(ld, root->line, "expected a mapping with the keys %s at the top of the file",
                      list);
        return false;
    }
    return hk_rec_open(&r, ld, root, "this file", keys);
}

const hk_ynode *hk_file_list(hk_loader *ld, const hk_ynode *root, const char *key)
{
    const hk_ynode *v = hk_ymap_get(root, key);
    if (hk_ynode_is_null(v))
        return NULL;
    if (v->type != HK_Y_SEQ) {
        hk_load_error(ld, v->line, "'%s' must be a list of records (each starting with '- ')", key);
        return NULL;
    }
    return v;
}

bool hk_table_room(hk_loader *ld, int table, int line)
{
    hk_idtab *t = &ld->tab[table];
    if (*t->count < t->max)
        return true;
    if (!t->overflowed) {
        hk_load_error(ld, line, "too many %ss: at most %d are allowed", t->what, t->max);
        /* Its ids are now incomplete: don't report references to the rest. */
        t->overflowed = true;
        t->usable = false;
    }
    return false;
}

int hk_date_order(hk_date a, hk_date b)
{
    /* A date without a day could be any day of its month. */
    if (a.day == 0 || b.day == 0) {
        hk_month ma = hk_date_month(a), mb = hk_date_month(b);
        return ma < mb ? -1 : ma > mb;
    }
    return hk_date_cmp(a, b);
}
