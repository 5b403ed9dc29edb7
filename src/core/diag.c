/* diag.c — collecting and printing diagnostics. */
#include "core/diag.h"
#include "core/format.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void hk_diag_init(hk_diag *d)
{
    memset(d, 0, sizeof *d);
}

void hk_diag_free(hk_diag *d)
{
    for (int i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

void hk_diag_add(hk_diag *d, const char *file, int line, const char *fmt, ...)
{
    int limit = d->limit > 0 ? d->limit : 1000;
    if (d->count >= limit)
        return;
    if (d->count == d->cap) {
        int cap = d->cap ? d->cap * 2 : 16;
        hk_diag_item *items = realloc(d->items, (size_t)cap * sizeof *items);
        if (!items) {
            d->oom = true;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    char buf[1024];
    HK_FORMAT_ARGS(buf, fmt);
    hk_diag_item *it = &d->items[d->count];
    it->file = file ? strdup(file) : NULL;
    it->line = line;
    it->message = strdup(buf);
    /* Out of memory: drop the item rather than print a NULL later. */
    if (!it->message || (file && !it->file)) {
        free(it->file);
        free(it->message);
        d->oom = true;
        return;
    }
    d->count++;
}

void hk_diag_print(const hk_diag *d, FILE *out)
{
    for (int i = 0; i < d->count; i++) {
        const hk_diag_item *it = &d->items[i];
        if (it->file && it->line > 0)
            fprintf(out, "%s:%d: %s\n", it->file, it->line, it->message);
        else if (it->file)
            fprintf(out, "%s: %s\n", it->file, it->message);
        else
            fprintf(out, "%s\n", it->message);
    }
    if (d->oom)
        fprintf(out, "out of memory: some messages were lost\n");
}
