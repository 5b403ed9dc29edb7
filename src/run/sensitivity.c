/* sensitivity.c — Morris elementary effects (see sensitivity.h). */
#include "run/sensitivity.h"
#include "run/inputs.h"

#include <gsl/gsl_qrng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/rng.h"

#define HK_MORRIS_LEVELS 4
/* The step that makes every level equally likely (Morris 1991). */
#define HK_MORRIS_DELTA ((double)HK_MORRIS_LEVELS / (2.0 * (HK_MORRIS_LEVELS - 1)))
/* Keeps the parameter order of each trajectory apart from the runs' streams. */
#define HK_MORRIS_ORDER_KEY 0x4d6f72726973ull

/* One point: an ensemble of the setup; the outcome's p or mean. */
static int morris_point(const hk_sensitivity_config *cfg, const hk_setup *setup, double *y, hk_sensitivity_result *res,
                        char *err, size_t errlen)
{
    hk_ensemble_config ec = {
        .setup = setup,
        .seed = cfg->seed,
        .runs = cfg->runs_per_point,
        .threads = cfg->threads,
        .cancel = cfg->cancel,
        .run_fn = cfg->run_fn,
        .run_ud = cfg->run_ud,
    };
    hk_ensemble_result er;
    if (hk_ensemble_run(&ec, &er, err, errlen) != 0)
        return -1;
    res->runs += er.runs;
    res->seconds += er.seconds;
    res->points++;
    if (er.cancelled)
        res->cancelled = true;
    *y = hk_ensemble_value(&er.outcomes, cfg->outcome);
    return 0;
}

static int by_mu_star(const void *a, const void *b)
{
    const hk_sensitivity_param *x = a, *y = b;
    double mx = isfinite(x->mu_star) ? x->mu_star : -1, my = isfinite(y->mu_star) ? y->mu_star : -1;
    if (mx != my)
        return mx < my ? 1 : -1;
    return x->param - y->param; /* ties in table order, so the order is stable */
}

int hk_sensitivity_run(const hk_sensitivity_config *cfg, hk_sensitivity_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    const hk_scenario *s = cfg->setup->scenario;
    int k = 0;
    for (int i = 0; i < HK_PARAM_COUNT; i++) {
        const hk_param_value *p = &s->params[i];
        if (isfinite(p->min) && isfinite(p->max) && p->min < p->max)
            res->params[k++] = (hk_sensitivity_param){.param = i, .min = p->min, .max = p->max};
    }
    res->n_params = k;
    if (k == 0) {
        snprintf(err, errlen, "no parameter has a range (min < max) in the scenario's params.yaml");
        return -1;
    }
    if (cfg->runs_per_point < 1 || cfg->trajectories < 1) {
        snprintf(err, errlen, "runs per point and trajectories must be at least 1");
        return -1;
    }
    gsl_qrng *q = gsl_qrng_alloc(k <= 40 ? gsl_qrng_sobol : gsl_qrng_halton, (unsigned)k);
    double *u = malloc(sizeof(double) * (size_t)k), *x = malloc(sizeof(double) * (size_t)k);
    double *sum = calloc((size_t)k, sizeof(double)), *sum_abs = calloc((size_t)k, sizeof(double));
    double *sum_sq = calloc((size_t)k, sizeof(double));
    int *order = malloc(sizeof(int) * (size_t)k);
    int rc = 0;
    if (!q || !u || !x || !sum || !sum_abs || !sum_sq || !order) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
        goto out;
    }
    int64_t total = (int64_t)cfg->trajectories * (k + 1);
    hk_setup setup = *cfg->setup;
    for (int t = 0; t < cfg->trajectories && !res->cancelled; t++) {
        gsl_qrng_get(q, u);
        for (int j = 0; j < k; j++) {
            /* The quasi-random coordinate picks one of the four levels. */
            int level = (int)(u[j] * HK_MORRIS_LEVELS);
            if (level >= HK_MORRIS_LEVELS)
                level = HK_MORRIS_LEVELS - 1;
            x[j] = (double)level / (HK_MORRIS_LEVELS - 1);
            setup.param[res->params[j].param] = res->params[j].min + x[j] * (res->params[j].max - res->params[j].min);
            order[j] = j;
        }
        /* Fisher-Yates with the seed's own stream for this trajectory. */
        hk_rng r;
        hk_rng_init(&r, cfg->seed ^ HK_MORRIS_ORDER_KEY, (uint64_t)t);
        for (int j = k - 1; j > 0; j--) {
            int m = (int)(hk_rng_uniform(&r) * (j + 1));
            int tmp = order[j];
            order[j] = order[m];
            order[m] = tmp;
        }
        double y0;
        if (morris_point(cfg, &setup, &y0, res, err, errlen) != 0) {
            rc = -1;
            goto out;
        }
        for (int step = 0; step < k && !res->cancelled; step++) {
            int j = order[step];
            double delta = x[j] + HK_MORRIS_DELTA <= 1.0 + 1e-12 ? HK_MORRIS_DELTA : -HK_MORRIS_DELTA;
            x[j] += delta;
            hk_sensitivity_param *p = &res->params[j];
            setup.param[p->param] = p->min + x[j] * (p->max - p->min);
            double y1;
            if (morris_point(cfg, &setup, &y1, res, err, errlen) != 0) {
                rc = -1;
                goto out;
            }
            if (isfinite(y0) && isfinite(y1) && !res->cancelled) {
                double ee = (y1 - y0) / delta;
                sum[j] += ee;
                sum_abs[j] += fabs(ee);
                sum_sq[j] += ee * ee;
                p->effects++;
            }
            y0 = y1;
            if (cfg->progress)
                cfg->progress(cfg->progress_ud, res->points, total);
        }
    }
    for (int j = 0; j < k; j++) {
        hk_sensitivity_param *p = &res->params[j];
        int n = p->effects;
        p->mu = n ? sum[j] / n : NAN;
        p->mu_star = n ? sum_abs[j] / n : NAN;
        p->sigma = n > 1 ? sqrt(fmax(0, (sum_sq[j] - sum[j] * sum[j] / n) / (n - 1))) : NAN;
    }
    qsort(res->params, (size_t)k, sizeof res->params[0], by_mu_star);
out:
    if (q)
        gsl_qrng_free(q);
    free(u);
    free(x);
    free(sum);
    free(sum_abs);
    free(sum_sq);
    free(order);
    return rc;
}

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

json_t *hk_sensitivity_json(const hk_sensitivity_config *cfg, const hk_sensitivity_result *res)
{
    json_t *params = json_array();
    for (int i = 0; i < res->n_params; i++) {
        const hk_sensitivity_param *p = &res->params[i];
        json_array_append_new(params, json_pack("{s:i, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:i}", "rank", i + 1,
                                                "key", hk_param_table[p->param].key, "unit",
                                                hk_param_table[p->param].unit, "min", num(p->min), "max",
                                                num(p->max), "mu_star", num(p->mu_star), "mu", num(p->mu),
                                                "sigma", num(p->sigma), "effects", p->effects));
    }
    const hk_outcome_info *o = &hk_outcome_table[cfg->outcome];
    return json_pack("{s:s, s:s, s:s, s:o, s:i, s:i, s:i, s:I, s:b, s:o, s:o}", "method", "morris", "outcome",
                     o->name, "statistic", o->kind == HK_OUTCOME_PROPORTION ? "p" : "mean", "seed",
                     hk_json_seed(cfg->seed), "runs_per_point", cfg->runs_per_point, "trajectories",
                     cfg->trajectories, "points", res->points, "runs", (json_int_t)res->runs, "complete",
                     !res->cancelled, "parameters", params, "runs_per_second",
                     num(res->seconds > 0 ? round((double)res->runs / res->seconds * 10) / 10 : 0));
}
