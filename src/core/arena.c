/* arena.c — chunked bump allocation. */
#include "core/arena.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} chunk;

struct hk_arena {
    chunk *head;
};

hk_arena *hk_arena_new(void)
{
    return calloc(1, sizeof(hk_arena));
}

void hk_arena_free(hk_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head; c;) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *hk_arena_alloc(hk_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    chunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        /* Big requests get a chunk of their own so small ones don't waste it. */
        size_t cap = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
        /* Not calloc: zeroing a whole chunk for a small scenario cost more
         * than the load itself; each allocation is zeroed below instead. */
        chunk *n = malloc(sizeof(chunk) + cap);
        if (!n)
            return NULL;
        n->used = 0;
        n->cap = cap;
        if (c && size > CHUNK_SIZE / 4) {
            /* Keep filling the current small chunk afterwards. */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *hk_arena_strndup(hk_arena *a, const char *s, size_t len)
{
    char *p = hk_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *hk_arena_strdup(hk_arena *a, const char *s)
{
    return hk_arena_strndup(a, s, strlen(s));
}
