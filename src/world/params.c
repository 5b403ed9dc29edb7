/* params.c — the table of the model's parameters, from params.def. */
#include "world/params.h"

#include "core/hash.h"

#include <pthread.h>
#include <string.h>

const hk_param_info hk_param_table[HK_PARAM_COUNT] = {
#define HK_PARAM(name, key, unit, doc) {key, unit, doc},
#include "world/params.def"
#undef HK_PARAM
};

/* An open-addressing index over the keys, built once: a scenario's
 * params.yaml looks up every key, and a linear scan of strcmp calls was
 * most of the time of loading one. */
#define PARAM_SLOTS 1024 /* a power of two, over twice HK_PARAM_COUNT */
_Static_assert(PARAM_SLOTS >= 2 * HK_PARAM_COUNT, "grow PARAM_SLOTS");
static short param_slot[PARAM_SLOTS];
static pthread_once_t param_once = PTHREAD_ONCE_INIT;

static unsigned key_hash(const char *k) { return (unsigned)hk_fnv1a64(k, strlen(k)); }

static void param_index(void)
{
    for (int i = 0; i < PARAM_SLOTS; i++)
        param_slot[i] = -1;
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        unsigned h = key_hash(hk_param_table[i].key) & (PARAM_SLOTS - 1);
        while (param_slot[h] >= 0)
            h = (h + 1) & (PARAM_SLOTS - 1);
        param_slot[h] = (short)i;
    }
}

int hk_param_find(const char *key)
{
    if (!key)
        return -1;
    pthread_once(&param_once, param_index);
    for (unsigned h = key_hash(key) & (PARAM_SLOTS - 1); param_slot[h] >= 0; h = (h + 1) & (PARAM_SLOTS - 1))
        if (strcmp(hk_param_table[param_slot[h]].key, key) == 0)
            return param_slot[h];
    return -1;
}
