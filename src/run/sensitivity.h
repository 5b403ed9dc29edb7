/* sensitivity.h — which parameters drive an outcome: Morris elementary
 * effects over each parameter's [min, max] range from the scenario.
 *
 * The unit cube of the k varied parameters is cut into four levels. A
 * trajectory starts at a point taken from a quasi-random sequence (GSL's
 * Sobol sequence, Halton beyond its 40 dimensions), so that r trajectories
 * cover the cube evenly, then moves one parameter at a time by 2/3 of its
 * range, in an order drawn from the seed. Each point is a small ensemble on
 * the same seed and run indices (common random numbers), so the difference
 * between two points comes from the parameter moved. A parameter's
 * elementary effect is that difference divided by the step: the change in
 * the outcome over the parameter's whole range. mu* (the mean absolute
 * effect) ranks the parameters; sigma (the effects' sd) says how much the
 * effect depends on the others (interactions, non-linearity). */
#ifndef HK_SENSITIVITY_H
#define HK_SENSITIVITY_H

#include <jansson.h>

#include "run/ensemble.h"

typedef struct hk_sensitivity_config {
    const hk_setup *setup;   /* the parameters not varied keep its values */
    int outcome;             /* index in hk_outcome_table */
    int runs_per_point;
    int trajectories;
    int threads;             /* 0 = every core */
    uint64_t seed;
    atomic_int *cancel;      /* NULL, or set to stop after the current point */
    void (*progress)(void *ud, int64_t done_points, int64_t total_points);
    void *progress_ud;
    hk_ensemble_run_fn run_fn; /* NULL = simulate (tests pass their own) */
    void *run_ud;
} hk_sensitivity_config;

typedef struct hk_sensitivity_param {
    int param;              /* index in hk_param_table */
    double min, max;
    double mu, mu_star, sigma;
    int effects;            /* elementary effects measured (trajectories where defined) */
} hk_sensitivity_param;

typedef struct hk_sensitivity_result {
    hk_sensitivity_param params[HK_PARAM_COUNT]; /* the varied ones, by mu* descending */
    int n_params;
    int points;             /* ensembles run */
    int64_t runs;
    double seconds;
    bool cancelled;
} hk_sensitivity_result;

/* Returns 0, or -1 with a message in err (no parameter with a range, a run
 * failed). */
int hk_sensitivity_run(const hk_sensitivity_config *cfg, hk_sensitivity_result *res, char *err, size_t errlen);
json_t *hk_sensitivity_json(const hk_sensitivity_config *cfg, const hk_sensitivity_result *res);

#endif
