/* hash.h — FNV-1a, 64 bits: the event log's running hash (determinism
 * checks) and the saved game's checksum line. Not for security. */
#ifndef HK_HASH_H
#define HK_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HK_FNV1A64_INIT 0xcbf29ce484222325ULL

/* Folds n bytes into the running hash h (start from HK_FNV1A64_INIT). */
uint64_t hk_fnv1a64_more(uint64_t h, const void *data, size_t n);
/* The hash of n bytes. */
static inline uint64_t hk_fnv1a64(const void *data, size_t n) { return hk_fnv1a64_more(HK_FNV1A64_INIT, data, n); }

#endif
