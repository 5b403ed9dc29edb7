/* buf.h — a growing string: appended to, formatted into, kept NUL-terminated.
 * An allocation failure sets `failed` and turns every later call into a
 * no-op, so a writer checks once at the end. Start from {0}. */
#ifndef HK_BUF_H
#define HK_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct hk_buf {
    char *p;     /* NULL until something is added; then NUL-terminated */
    size_t len, cap;
    bool failed;
} hk_buf;

void hk_buf_add(hk_buf *b, const void *data, size_t n);
void hk_buf_str(hk_buf *b, const char *s);
void hk_buf_printf(hk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Frees the memory and empties the buffer. */
void hk_buf_free(hk_buf *b);
/* Hands the string over to the caller (NULL after a failure, which frees it)
 * and empties the buffer. *len gets its length when len is not NULL. */
char *hk_buf_take(hk_buf *b, size_t *len);

#endif
