/* yaml_tree.h — a YAML document as a small tree with a line for every node.
 *
 * libyaml's event parser feeds a bounded recursive builder: anchors and
 * aliases are refused (a scenario is data, not a program), and depth, node
 * count and input size are capped, so that no input can hang the loader or
 * exhaust its stack. Nodes live in the caller's arena. */
#ifndef HK_YAML_TREE_H
#define HK_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/diag.h"
#include "core/arena.h"

#define HK_YAML_MAX_BYTES (4u << 20)
#define HK_YAML_MAX_DEPTH 32
#define HK_YAML_MAX_NODES 200000

typedef enum hk_ytype { HK_Y_SCALAR, HK_Y_SEQ, HK_Y_MAP } hk_ytype;

typedef struct hk_ynode {
    hk_ytype type;
    int line;                 /* 1-based */
    const char *text;         /* scalar text, NUL-terminated */
    bool plain;               /* an unquoted scalar (so `~` and empty mean null) */
    struct hk_ynode **items;  /* sequence items; for a mapping key,value,key,value... */
    int n;                    /* number of items (twice the pairs for a mapping) */
} hk_ynode;

/* Parses `size` bytes. Returns true with *root set (NULL for a file with no
 * document), or false after adding the error to diag under `path`. */
bool hk_yaml_parse(hk_arena *arena, const char *path, const unsigned char *data, size_t size,
                   hk_diag *diag, const hk_ynode **root);

/* True for a plain `~`, `null`, `Null`, `NULL` or empty scalar. */
bool hk_ynode_is_null(const hk_ynode *n);
/* The value under `key` in a mapping (first match), or NULL. */
const hk_ynode *hk_ymap_get(const hk_ynode *map, const char *key);

#endif
