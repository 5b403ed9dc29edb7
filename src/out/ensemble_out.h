/* ensemble_out.h — rendering an ensemble's result (src/run/ensemble.h
 * computes it): the JSON the CLI prints and the API serves, and the table. */
#ifndef HK_OUT_ENSEMBLE_H
#define HK_OUT_ENSEMBLE_H

#include <jansson.h>
#include <stdbool.h>
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

/* Whether outcome i counts the run's first general war between Japan and
 * the USSR. */
bool hk_outcome_counts_first_war(int i);
/* Whether the record's figure of outcome i compares with the runs of `a`:
 * not for a first-war outcome when most of a's runs fight their first war
 * before 1945 and the record has no war then (the record's figure is of
 * another war). */
bool hk_history_comparable(const hk_outcomes *history, int i, const hk_ensemble_agg *a);
/* The record's value of outcome i as the table and the page show it beside
 * res: the value, or the value, the war it is of and "not comparable"
 * where a column counts another war. */
const char *hk_ensemble_history_text(const hk_outcomes *history, int i, const hk_ensemble_result *res, char *buf,
                                     size_t len);
/* {OUTCOME: {"value", "text", "comparable", "baseline_comparable" (what-if
 * only)}}: the record beside res, "text" as hk_ensemble_history_text. */
json_t *hk_ensemble_history_json(const hk_outcomes *history, const hk_ensemble_result *res);

#endif
