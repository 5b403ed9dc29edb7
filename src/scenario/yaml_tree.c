/* yaml_tree.c — libyaml events to a bounded node tree. */
#include "scenario/yaml_tree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct builder {
    yaml_parser_t parser;
    hk_arena *arena;
    const char *path;
    hk_diag *diag;
    const unsigned char *data;
    size_t size;
    int nodes;
    bool failed;
} builder;

/* True when the line holds a tab before its first other character, the
 * usual cause of libyaml's "cannot start any token". */
static bool line_has_leading_tab(const builder *b, size_t line0)
{
    size_t i = 0, line = 0;
    while (i < b->size && line < line0) {
        if (b->data[i] == '\n')
            line++;
        i++;
    }
    for (; i < b->size && b->data[i] != '\n'; i++) {
        if (b->data[i] == '\t')
            return true;
        if (b->data[i] != ' ' && b->data[i] != '-')
            return false;
    }
    return false;
}

static void syntax_error(builder *b)
{
    const yaml_parser_t *p = &b->parser;
    int line = (int)(p->problem_mark.line + 1);
    if (p->error == YAML_MEMORY_ERROR) {
        hk_diag_add(b->diag, b->path, 0, "out of memory while reading the file");
    } else if (p->error == YAML_READER_ERROR) {
        /* Reader errors carry a byte offset, not a line: count the lines. */
        size_t off = p->problem_offset < b->size ? p->problem_offset : b->size;
        line = 1;
        for (size_t i = 0; i < off; i++)
            line += b->data[i] == '\n';
        hk_diag_add(b->diag, b->path, line, "not a text file: %s (byte %zu)",
                    p->problem ? p->problem : "unreadable byte", p->problem_offset);
    } else if (p->problem && (strstr(p->problem, "tab character") ||
                              (strstr(p->problem, "cannot start any token") &&
                               line_has_leading_tab(b, p->problem_mark.line)))) {
        hk_diag_add(b->diag, b->path, line, "a tab in the indentation: YAML indents with spaces");
    } else if (p->context) {
        hk_diag_add(b->diag, b->path, line, "YAML syntax error: %s (%s at line %d)",
                    p->problem ? p->problem : "unexpected text", p->context,
                    (int)(p->context_mark.line + 1));
    } else {
        hk_diag_add(b->diag, b->path, line, "YAML syntax error: %s",
                    p->problem ? p->problem : "unexpected text");
    }
    b->failed = true;
}

static bool next_event(builder *b, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&b->parser, ev)) {
        syntax_error(b);
        return false;
    }
    return true;
}

static void fail(builder *b, int line, const char *msg)
{
    hk_diag_add(b->diag, b->path, line, "%s", msg);
    b->failed = true;
}

static hk_ynode *new_node(builder *b, hk_ytype type, int line)
{
    if (++b->nodes > HK_YAML_MAX_NODES) {
        fail(b, line, "too many values in one file (more than 200000)");
        return NULL;
    }
    hk_ynode *n = hk_arena_alloc(b->arena, sizeof *n);
    if (!n) {
        fail(b, line, "out of memory while reading the file");
        return NULL;
    }
    n->type = type;
    n->line = line;
    return n;
}

static hk_ynode *build_node(builder *b, yaml_event_t *ev, int depth);

/* Children of a sequence or mapping, up to its end event. */
static hk_ynode *build_collection(builder *b, hk_ynode *node, yaml_event_type_t end, int depth)
{
    hk_ynode **tmp = NULL;
    int n = 0, cap = 0;
    for (;;) {
        yaml_event_t ev;
        if (!next_event(b, &ev))
            goto fail;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            break;
        }
        hk_ynode *child = build_node(b, &ev, depth + 1);
        yaml_event_delete(&ev);
        if (!child)
            goto fail;
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            hk_ynode **grown = realloc(tmp, (size_t)cap * sizeof *grown);
            if (!grown) {
                fail(b, node->line, "out of memory while reading the file");
                goto fail;
            }
            tmp = grown;
        }
        tmp[n++] = child;
    }
    node->n = n;
    if (n > 0) {
        node->items = hk_arena_alloc(b->arena, (size_t)n * sizeof *node->items);
        if (!node->items) {
            fail(b, node->line, "out of memory while reading the file");
            goto fail;
        }
        memcpy(node->items, tmp, (size_t)n * sizeof *tmp);
    }
    free(tmp);
    return node;
fail:
    free(tmp);
    return NULL;
}

static hk_ynode *build_node(builder *b, yaml_event_t *ev, int depth)
{
    int line = (int)(ev->start_mark.line + 1);
    if (depth > HK_YAML_MAX_DEPTH) {
        fail(b, line, "values nested more than 32 levels deep");
        return NULL;
    }
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        fail(b, line, "aliases are not allowed (a scenario is data, not a program)");
        return NULL;
    case YAML_SCALAR_EVENT: {
        if (ev->data.scalar.anchor) {
            fail(b, line, "anchors are not allowed (a scenario is data, not a program)");
            return NULL;
        }
        size_t len = ev->data.scalar.length;
        if (memchr(ev->data.scalar.value, '\0', len)) {
            fail(b, line, "a NUL character inside a value");
            return NULL;
        }
        hk_ynode *n = new_node(b, HK_Y_SCALAR, line);
        if (!n)
            return NULL;
        n->text = hk_arena_strndup(b->arena, (const char *)ev->data.scalar.value, len);
        if (!n->text) {
            fail(b, line, "out of memory while reading the file");
            return NULL;
        }
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        return n;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
        if (seq ? ev->data.sequence_start.anchor != NULL : ev->data.mapping_start.anchor != NULL) {
            fail(b, line, "anchors are not allowed (a scenario is data, not a program)");
            return NULL;
        }
        hk_ynode *n = new_node(b, seq ? HK_Y_SEQ : HK_Y_MAP, line);
        if (!n)
            return NULL;
        yaml_event_type_t end = seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
        return build_collection(b, n, end, depth);
    }
    default:
        fail(b, line, "unexpected YAML structure");
        return NULL;
    }
}

bool hk_yaml_parse(hk_arena *arena, const char *path, const unsigned char *data, size_t size,
                   hk_diag *diag, const hk_ynode **root)
{
    *root = NULL;
    if (size > HK_YAML_MAX_BYTES) {
        hk_diag_add(diag, path, 1, "file larger than 4 MiB; a scenario file is far smaller");
        return false;
    }
    builder b = {.arena = arena, .path = path, .diag = diag, .data = data, .size = size};
    if (!yaml_parser_initialize(&b.parser)) {
        hk_diag_add(diag, path, 0, "out of memory while reading the file");
        return false;
    }
    yaml_parser_set_input_string(&b.parser, data, size);
    int documents = 0;
    for (;;) {
        yaml_event_t ev;
        if (!next_event(&b, &ev))
            break;
        yaml_event_type_t type = ev.type;
        int line = (int)(ev.start_mark.line + 1);
        if (type == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }
        if (type == YAML_DOCUMENT_START_EVENT && ++documents > 1) {
            yaml_event_delete(&ev);
            fail(&b, line, "more than one YAML document in the file");
            break;
        }
        if (type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT ||
            type == YAML_MAPPING_START_EVENT || type == YAML_ALIAS_EVENT) {
            const hk_ynode *n = build_node(&b, &ev, 0);
            yaml_event_delete(&ev);
            if (!n)
                break;
            *root = n;
            continue;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&b.parser);
    if (b.failed)
        *root = NULL;
    return !b.failed;
}

bool hk_ynode_is_null(const hk_ynode *n)
{
    if (!n)
        return true;
    if (n->type != HK_Y_SCALAR || !n->plain)
        return false;
    const char *t = n->text;
    return !*t || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") || !strcmp(t, "NULL");
}

const hk_ynode *hk_ymap_get(const hk_ynode *map, const char *key)
{
    if (!map || map->type != HK_Y_MAP)
        return NULL;
    for (int i = 0; i + 1 < map->n; i += 2) {
        const hk_ynode *k = map->items[i];
        if (k->type == HK_Y_SCALAR && strcmp(k->text, key) == 0)
            return map->items[i + 1];
    }
    return NULL;
}
