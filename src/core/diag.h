/* diag.h — diagnostics as values: errors collected with file and line, so a
 * loader reports every problem of a file at once, as `PATH:LINE: message`. */
#ifndef HK_DIAG_H
#define HK_DIAG_H

#include <stdbool.h>
#include <stdio.h>

typedef struct hk_diag_item {
    char *file;    /* may be NULL when no file is at fault */
    int line;      /* 0 when unknown */
    char *message;
} hk_diag_item;

typedef struct hk_diag {
    hk_diag_item *items;
    int count, cap;
    int limit; /* stop recording after this many (0 = 1000) */
    bool oom;  /* a message was lost for want of memory: an error all the same */
} hk_diag;

void hk_diag_init(hk_diag *d);
void hk_diag_free(hk_diag *d);
/* Records an error; printf-style message, no trailing newline needed. */
void hk_diag_add(hk_diag *d, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints every item as `file:line: message` (or just `message`). */
void hk_diag_print(const hk_diag *d, FILE *out);
static inline int hk_diag_failed(const hk_diag *d) { return d->count > 0; }

#endif
