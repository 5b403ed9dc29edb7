/* embed.c — looking up embedded files. */
#include "core/embed.h"

#include <string.h>

const hk_embedded_file *hk_embedded_find(const hk_embedded_file *table, const char *path)
{
    for (const hk_embedded_file *f = table; f->path; f++)
        if (strcmp(f->path, path) == 0)
            return f;
    return NULL;
}
