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
#include "run/validate_forces.h"
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

/* Tolerances, stated in the report. */
#define HK_VAL_TOL_INCIDENTS 0.25   /* relative, on the mean count of a year (or years) */
#define HK_VAL_TOL_CASUALTIES 0.25  /* relative, on a battle's mean casualties */
#define HK_VAL_TOL_LOSSES 0.25      /* relative, around the recorded range of the intervention's dead */
#define HK_VAL_TOL_PACT_YEARS 1.0   /* years, on the mean date of the pact where signed */
#define HK_VAL_TOL_ENTRY_MONTHS 1.0 /* months, on the mean delay of the Soviet entry */

/* A judged figure of sections 1, 2 and 2b, as data: what was simulated,
 * what the record says, the rule that judges it and the verdict;
 * src/out/validate_sections.c writes its row. */
typedef enum hk_val_figure_kind {
    HK_VAL_MEAN,   /* a mean against the record's value or range, within a tolerance */
    HK_VAL_PROP,   /* yes/no: the record's outcome must be the more likely one */
    HK_VAL_FACTOR, /* a mean within a factor of two of the record */
    HK_VAL_ABSENT  /* the scenario lacks the record to judge it: a failure (why) */
} hk_val_figure_kind;

typedef enum hk_val_section { HK_VAL_SEC_RECORD, HK_VAL_SEC_COMBAT, HK_VAL_SEC_WAR } hk_val_section;

typedef struct hk_val_figure {
    hk_val_section section;
    hk_val_figure_kind kind;
    char figure[128];
    char source[1024];
    double rec_lo, rec_hi;     /* PROP: 1 the record says yes, 0 no */
    double tol_rel, tol_abs;   /* MEAN: relative tolerance, or (tol_rel 0) absolute */
    double accept_lo, accept_hi; /* MEAN: the means that pass */
    int decimals;
    const char *unit;          /* "", " y", " mo" */
    const char *part;          /* "fitted", "held out" */
    hk_val_summary sm;         /* MEAN, FACTOR: over the n values */
    int n, k;                  /* the values (runs); PROP: k of n true */
    const char *why;           /* ABSENT: what is missing */
    bool then_interventions;   /* section 1: the runs with an intervention follow its row */
    bool pass;
} hk_val_figure;
#define HK_VAL_MAX_FIGURES 40

/* Section 1's rows that are not figures: how many runs have an
 * intervention, and the months from Germany's defeat to the Soviet entry
 * in bins of a month (0-1 .. 6-7, 7 or more, no entry by the end). */
typedef struct hk_val_record_extra {
    int interventions;
    bool entry_bins;
    int bins[9];
    hk_date end;
} hk_val_record_extra;

/* Section 2: Khalkhin Gol fought by the combat model on the recorded
 * sides; its figures are among the figures. */
typedef struct hk_val_kg {
    bool recorded;             /* the scenario has the battle */
    const char *id, *att_id, *def_id, *terrain;
    hk_date start, end;
    int days;
    bool from_opening;         /* both sides grow from the record's nomonhan_opening */
    double central[2];
    int central_winner;        /* HK_COMBAT_ATTACKER, _DEFENDER, or a draw */
    bool central_ok;
    int wins[3];               /* attacker, defender, draws over the runs */
    int record_winner;         /* 0 attacker, 1 defender, else a draw */
    int runs;
} hk_val_kg;

/* Section 3: the calibrated parameters and the error over each part. */
typedef struct hk_val_calibration {
    int n_params;
    int param[HK_PARAM_COUNT]; /* the free parameters' indices (hk_calibrate_free_params) */
    double fit_sum, held_sum;  /* the incident counts' absolute relative errors summed, fitted and held-out part */
    int n_fit, n_held;
} hk_val_calibration;

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

/* Every check of sections 1-6 at one seed (src/run/validate_report.c), as
 * data: the counts; the figures of sections 1, 2 and 2b in their order;
 * each section's other figures; the strike north's what-if; the claims;
 * section 6's armies, battles and 1945 (validate_forces.h). The document,
 * each verdict's and failure's text, and the JSON are src/out's
 * (validate_md.c, validate_sections.c). */
typedef struct hk_val_checks {
    int figures, figures_failed, claims, claims_failed;
    int runs; /* the baseline's runs */
    uint64_t seed;
    hk_val_figure fig[HK_VAL_MAX_FIGURES];
    int n_fig;
    hk_val_record_extra record;
    hk_val_kg kg;
    int war_runs; /* section 2b: the runs with the Soviet entry and no war before it */
    hk_val_strike strike;
    hk_val_calibration calibration;
    hk_val_claim claim[HK_VAL_MAX_CLAIMS];
    int n_claim;
    hk_val_forces forces;
} hk_val_checks;

/* Runs the checks; returns 0, or -1 on a program failure (a run failed, out
 * of memory). */
int hk_val_checks_run(const hk_scenario *s, const hk_val_options *o, hk_val_checks *out);

#endif
