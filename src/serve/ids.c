/* ids.c — random ids of games and jobs (see ids.h). */
#include "serve/ids.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>

int hk_id_new(char id[HK_ID_HEX + 1])
{
    unsigned char raw[HK_ID_HEX / 2];
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            id[0] = '\0';
            return -1;
        }
        got += (size_t)n;
    }
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof raw; i++) {
        id[2 * i] = hex[raw[i] >> 4];
        id[2 * i + 1] = hex[raw[i] & 15];
    }
    id[HK_ID_HEX] = '\0';
    return 0;
}

bool hk_id_valid(const char *text)
{
    if (!text)
        return false;
    for (int i = 0; i < HK_ID_HEX; i++) {
        char c = text[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return text[HK_ID_HEX] == '\0';
}

bool hk_id_equal(const char *a, const char *b)
{
    unsigned char diff = 0;
    for (int i = 0; i < HK_ID_HEX; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0 && a[HK_ID_HEX] == '\0' && b[HK_ID_HEX] == '\0';
}
