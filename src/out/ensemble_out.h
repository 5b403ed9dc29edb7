/* ensemble_out.h — rendering an ensemble's result (src/run/ensemble.h
 * computes it): the JSON the CLI prints and the API serves, and the table. */
#ifndef HK_OUT_ENSEMBLE_H
#define HK_OUT_ENSEMBLE_H

#include <jansson.h>
#include <stdio.h>

#include "run/ensemble.h"

/* The JSON of product.md: runs, seed, outcomes, incidents_per_year,
 * runs_per_second, seconds, threads, processes; a what-if adds baseline,
 * baseline_incidents_per_year and delta. NaN figures are null. */
json_t *hk_ensemble_json(const hk_ensemble_result *res);
/* The same as a readable table. */
void hk_ensemble_print(FILE *out, const hk_ensemble_result *res);
/* The same with the record's value of each outcome beside it (NULL: none). */
void hk_ensemble_print_history(FILE *out, const hk_ensemble_result *res, const hk_outcomes *history);

#endif
