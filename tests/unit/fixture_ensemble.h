/* fixture_ensemble.h — an ensemble's JSON without the fields that depend on
 * timing or the machine, for comparing two ensembles' figures. */
#ifndef HK_FIXTURE_ENSEMBLE_H
#define HK_FIXTURE_ENSEMBLE_H

#include <jansson.h>

#include "out/ensemble_out.h"

static char *stable_json(const hk_ensemble_result *res)
{
    json_t *j = hk_ensemble_json(res);
    json_object_del(j, "runs_per_second");
    json_object_del(j, "seconds");
    json_object_del(j, "threads");
    json_object_del(j, "processes");
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return text;
}

#endif
