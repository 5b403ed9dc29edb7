/* embed.h — files compiled into the library: the built-in scenario and the
 * built web page (tools/embed.cmake writes the tables). */
#ifndef HK_EMBED_H
#define HK_EMBED_H

#include <stddef.h>

typedef struct hk_embedded_file {
    const char *path;          /* relative to its folder, e.g. "regions.yaml" */
    const unsigned char *data; /* NUL-terminated for convenience */
    size_t size;
} hk_embedded_file;

extern const hk_embedded_file hk_embedded_scenario[]; /* ends with path == NULL */
extern const hk_embedded_file hk_embedded_web[];

/* The embedded file at `path`, or NULL. */
const hk_embedded_file *hk_embedded_find(const hk_embedded_file *table, const char *path);

#endif
