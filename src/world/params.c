/* params.c — the table of the model's parameters, from params.def. */
#include "world/params.h"

#include <string.h>

const hk_param_info hk_param_table[HK_PARAM_COUNT] = {
#define HK_PARAM(name, key, unit, doc) {key, unit, doc},
#include "world/params.def"
#undef HK_PARAM
};

int hk_param_find(const char *key)
{
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        if (strcmp(hk_param_table[i].key, key) == 0)
            return i;
    return -1;
}
