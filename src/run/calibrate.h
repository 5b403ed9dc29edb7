/* calibrate.h — fitting the incident process to part of the record.
 *
 * Method: simulated method of moments. The moments are the scenario's
 * recorded border-incident counts for the fitted years (1932-1936: the
 * 1932-34 total, 1935, 1936); the model's moments are ensemble means over a
 * fixed set of runs with common random numbers (the same seed and run
 * indices for every trial point, so the objective is a deterministic
 * function of the parameters). The objective is the sum of squared relative
 * errors; GSL's Nelder-Mead simplex (nmsimplex2) minimises it over the free
 * parameters, each mapped from its [min, max] range onto the real line by a
 * logit so that the search never leaves the range. The later counts
 * (1937-1939) are held out: they are never seen by the fit and are reported
 * as the held-out error. */
#ifndef HK_CALIBRATE_H
#define HK_CALIBRATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "world/api.h"

/* The fitted part of the record: incident counts whose years end by this. */
#define HK_CALIBRATE_FIT_LAST_YEAR 1936

#define HK_CAL_MAX_TARGETS HK_MAX_INCIDENT_YEARS

typedef struct hk_cal_options {
    int runs;         /* runs per trial point */
    uint64_t seed;
    int threads;      /* <= 0: one per core */
    int max_iter;
    const char *params; /* comma-separated keys to fit, or NULL for the default set */
    bool progress;    /* a line per iteration on stderr */
} hk_cal_options;

typedef struct hk_cal_target {
    int year_from, year_to;
    double record;
    double start;      /* simulated mean at the scenario's values */
    double fitted;     /* simulated mean at the fitted values */
    bool held_out;
    const char *source;
} hk_cal_target;

typedef struct hk_cal_result {
    int n_params;
    int param[HK_PARAM_COUNT];     /* indices of the fitted parameters */
    double start[HK_PARAM_COUNT];  /* the scenario's values */
    double value[HK_PARAM_COUNT];  /* fitted */
    int n_targets;
    hk_cal_target target[HK_CAL_MAX_TARGETS];
    double objective_start, objective;
    int iterations, evaluations;
    bool converged;
    double fit_error, held_out_error;  /* mean absolute relative error, fitted / held-out part */
    double seconds;
} hk_cal_result;

/* The parameters the fit moves by default: the incident process's level
 * (incident.base_rate) and its saturating response to the density of forces
 * in contact (incident.forces_elast, its steepness, and incident.forces_ref,
 * the density at half saturation; with saturation the reference no longer
 * trades off against the base rate), where their range is open (min < max).
 * Left out: incident.tension_elast, 1 by definition of the tension scale
 * (the counts cannot tell a steeper response from stronger tension);
 * incident.escalation, which acts on battles, not on counts;
 * incident.autonomy, which over 1932-1936 moves almost in step with the base
 * rate. Three moments, at most three parameters. Returns how many, their
 * indices in idx. */
int hk_calibrate_free_params(const hk_scenario *s, int idx[HK_PARAM_COUNT]);
/* Parses a comma-separated list of keys for --params; each must exist and
 * have an open range. Returns how many, or -1 with a message. */
int hk_calibrate_parse_params(const hk_scenario *s, const char *list, int idx[HK_PARAM_COUNT], char *err,
                              size_t errlen);

/* Runs the fit. Returns 0, or -1 with a message in err. */
int hk_calibrate(const hk_scenario *s, const hk_cal_options *o, hk_cal_result *r, char *err, size_t errlen);

/* Writes data/calibration.yaml. */
void hk_calibrate_write_yaml(FILE *out, const hk_scenario *s, const hk_cal_options *o, const hk_cal_result *r);

/* Rewrites the fitted keys' `value` and `source` in a params.yaml in place,
 * leaving every other line as it was. Returns 0, or -1 with a message. */
int hk_calibrate_apply(const char *params_yaml, const hk_cal_result *r, char *err, size_t errlen);

#endif
