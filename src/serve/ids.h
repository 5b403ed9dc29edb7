/* ids.h — the names the web server gives games and jobs: 128 random bits
 * from the operating system (getrandom), written as 32 lowercase hex digits.
 * Knowing one id tells nothing about any other, so an id is the key to its
 * game or job: whoever holds it may use it, nobody else can find it. */
#ifndef HK_SERVE_IDS_H
#define HK_SERVE_IDS_H

#include <stdbool.h>
#include <stddef.h>

#define HK_ID_HEX 32 /* characters of an id's text */

/* Fills id with a fresh id's text (HK_ID_HEX digits and a NUL). Returns 0,
 * or -1 when the operating system gives no random bytes (nothing weaker is
 * used instead). */
int hk_id_new(char id[HK_ID_HEX + 1]);
/* Whether text is an id's form: exactly HK_ID_HEX lowercase hex digits. */
bool hk_id_valid(const char *text);
/* Compares two ids in time that does not depend on where they differ. */
bool hk_id_equal(const char *a, const char *b);

#endif
