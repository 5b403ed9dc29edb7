/* params.h — the model's free parameters as a flat array indexed by enum. */
#ifndef HK_PARAMS_H
#define HK_PARAMS_H

typedef enum hk_param {
#define HK_PARAM(name, key, unit, doc) HK_P_##name,
#include "world/params.def"
#undef HK_PARAM
    HK_PARAM_COUNT
} hk_param;

typedef struct hk_param_info {
    const char *key, *unit, *doc;
} hk_param_info;

extern const hk_param_info hk_param_table[HK_PARAM_COUNT];
/* Index of a parameter key, or -1. */
int hk_param_find(const char *key);

#endif
