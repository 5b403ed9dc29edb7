/* hash.c — FNV-1a, 64 bits. */
#include "core/hash.h"

uint64_t hk_fnv1a64_more(uint64_t h, const void *data, size_t n)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
