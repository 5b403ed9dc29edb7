/* arena.h — a bump allocator: many small allocations freed at once. The
 * scenario keeps its strings in one, the loader its short-lived YAML trees,
 * and a run the text of the events it logs, so none has to track who owns
 * a string. */
#ifndef HK_ARENA_H
#define HK_ARENA_H

#include <stddef.h>

typedef struct hk_arena hk_arena;

hk_arena *hk_arena_new(void);
void hk_arena_free(hk_arena *a);
/* Zeroed, 16-byte aligned memory; NULL only when the system is out of memory. */
void *hk_arena_alloc(hk_arena *a, size_t size);
/* A NUL-terminated copy of len bytes of s. */
char *hk_arena_strndup(hk_arena *a, const char *s, size_t len);
char *hk_arena_strdup(hk_arena *a, const char *s);

#endif
