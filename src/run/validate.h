/* validate.h — checking the model against the record.
 *
 * Three parts: a batch of simulate runs over a small thread pool whose
 * outcomes land in an array indexed by run (so the figures never depend on
 * the number of threads); the statistics every figure needs (intervals for
 * means, proportions and paired differences); and the report that
 * `hokushin validate` writes to docs/validation.md, comparing the simulated
 * figures with the scenario's record and running the sources' causal claims
 * (claims.h). */
#ifndef HK_VALIDATE_H
#define HK_VALIDATE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "run/claims.h"
#include "world/api.h"

/* ---- batches ------------------------------------------------------------ */

/* Called from the calling thread only, after each finished chunk. */
typedef void (*hk_val_progress_fn)(void *ud, int done, int total);

/* Runs `runs` simulate runs of `setup` with run indices first..first+runs-1
 * of `seed`, up to `until` (HK_MONTH_NONE = the end), on `threads` threads
 * (<= 0: one per core). out[i] receives run first+i. Returns 0, or -1 if a
 * run failed or threads could not start (out is then incomplete). */
int hk_val_batch(const hk_setup *setup, uint64_t seed, int first, int runs, int threads,
                 hk_month until, hk_outcomes *out, hk_val_progress_fn progress, void *ud);

/* ---- statistics --------------------------------------------------------- */

/* The two-sided 97.5% quantile of Student's t with df degrees of freedom. */
double hk_val_t975(int df);

/* A sample of values, NaN skipped: mean, standard deviation, the 95%
 * t-interval of the mean, and the central 95% of the values themselves. */
typedef struct hk_val_summary {
    int n;          /* values that were not NaN */
    int missing;    /* NaN values */
    double mean, sd;
    double lo, hi;  /* 95% interval of the mean */
    double q025, q975, median;
} hk_val_summary;
void hk_val_summarize(const double *x, int n, hk_val_summary *out);

/* The difference p1 - p2 of two proportions with its 95% interval. */
typedef struct hk_val_diff {
    double diff, lo, hi;
} hk_val_diff;

/* Paired binary outcomes over the same runs: n11 runs true in both arms,
 * n10 true in the first only, n01 in the second only, n00 in neither.
 * Difference p1 - p2 = (n10 - n01) / n with Newcombe's (1998) method 10
 * interval (Wilson limits of each margin combined with their correlation). */
hk_val_diff hk_val_paired_prop_diff(int n11, int n10, int n01, int n00);
/* Independent proportions k1/n1 - k2/n2, Newcombe's (1998) hybrid score
 * interval (method 10). */
hk_val_diff hk_val_indep_prop_diff(int k1, int n1, int k2, int n2);
/* Paired means over the same runs: mean of b[i] - a[i] with its 95%
 * t-interval; pairs where either is NaN are skipped (*used = pairs kept). */
hk_val_diff hk_val_paired_mean_diff(const double *a, const double *b, int n, int *used);
/* Welch's interval for mean(b) - mean(a) of two independent samples. */
hk_val_diff hk_val_welch_diff(const double *a, int na, const double *b, int nb);

/* ---- the report --------------------------------------------------------- */

typedef struct hk_val_options {
    int runs;                 /* simulate runs per ensemble (>= 1000 for the report) */
    uint64_t seed;
    int threads;              /* <= 0: one per core */
    const char *combat_doc;   /* the CDB90 summary to include, or NULL */
    const char *calibration;  /* data/calibration.yaml to quote, or NULL */
    const char *command;      /* the command line that produced the report */
    bool progress;            /* progress lines on stderr */
    uint64_t other_seed;      /* also run every check at this seed and list the results
                               * that differ (section 7); 0: not */
    int lint_runs;            /* simulate histories the linter reads (its section); 0: none */
} hk_val_options;

/* One judged figure or claim: what, its value as the report gives it, and
 * whether it passes (to compare the checks at another seed). */
typedef struct hk_val_verdict {
    char what[160];
    char value[208];
    bool pass;
} hk_val_verdict;

#define HK_VAL_MAX_FAILS 64
#define HK_VAL_MAX_VERDICTS 64
#define HK_VAL_FAIL_LEN 1200 /* "**what**: why", why up to 1,024 bytes */

/* A causal claim put to the model (section 5): its place in hk_claim_table
 * and the result, as data; src/out/validate_md.c writes its row, its
 * verdict and its failure. */
typedef struct hk_val_claim {
    int index;
    hk_claim_result res;
} hk_val_claim;
#define HK_VAL_MAX_CLAIMS 32

/* What if Japan had struck north in 1941-08 (section 2c), as data: each
 * figure's summary over the what-if's runs (to 1943-12) and over the
 * baseline's, in the order src/out/validate_md.c names them. */
#define HK_VAL_STRIKE_FIGURES 10
typedef struct hk_val_strike {
    int runs, base_runs;
    uint64_t seed;
    hk_val_summary whatif[HK_VAL_STRIKE_FIGURES], base[HK_VAL_STRIKE_FIGURES];
} hk_val_strike;

/* Every check of sections 1-6 at one seed (src/run/validate_report.c):
 * the counts, each verdict, each failure's sentence, the sections' rows as
 * markdown (body) but for two, which are data: the strike north's
 * figures (strike), whose section goes at byte strike_at of the body, and
 * the claims (claim), whose section goes at byte claims_at, their
 * verdicts and failures at claims_verdict_at and claims_fail_at of those
 * lists; and, when asked, the figures and claims as JSON. The document
 * around them (title, summary, those two sections, the comparison at
 * another seed, the linter's section, what fails) is
 * src/out/validate_md.c's. */
typedef struct hk_val_checks {
    int figures, figures_failed, claims, claims_failed;
    char fails[HK_VAL_MAX_FAILS][HK_VAL_FAIL_LEN];
    int n_fails;
    hk_val_verdict verdicts[HK_VAL_MAX_VERDICTS];
    int n_verdicts;
    char *body;
    size_t body_len;
    int runs; /* the baseline's runs */
    hk_val_strike strike;
    size_t strike_at;
    hk_val_claim claim[HK_VAL_MAX_CLAIMS];
    int n_claim;
    size_t claims_at;
    int claims_verdict_at, claims_fail_at;
    json_t *figures_json, *claims_json; /* NULL unless with_json */
} hk_val_checks;

/* 25655 -> "25,655", a fraction with `decimals`, NaN "n/a": a number as
 * the report gives it. */
const char *hk_val_num(char *buf, size_t len, double v, int decimals);

/* Runs the checks; returns 0, or -1 on a program failure (a run failed, out
 * of memory). hk_val_checks_free releases what it holds. */
int hk_val_checks_run(const hk_scenario *s, const hk_val_options *o, bool with_json, hk_val_checks *out);
void hk_val_checks_free(hk_val_checks *c);

#endif
