/* claims.h — the sources' causal claims as checks on the model.
 *
 * The documents argue causes ("Khalkhin Gol spelled the decline of the
 * northern doctrine"). Each claim here names its source line, a measurable
 * outcome, a design and the direction the source implies:
 *
 *   paired    — two ensembles with common random numbers (the same seed
 *               and run indices): the baseline, and the baseline with the
 *               cause removed or changed (--without / --set). The effect is
 *               the mean over runs of (changed - baseline).
 *   observed  — one baseline ensemble split by a condition of the run
 *               (runs where Japan loses a major border battle vs the rest);
 *               the effect is (condition true - condition false). This shows
 *               association inside the model, not an intervention.
 *   level     — one baseline figure against a threshold (the Soviet entry
 *               comes within six months of Germany's defeat).
 *
 * A claim passes when the 95% interval of the effect excludes zero (or the
 * threshold) on the side the source implies. Claims the model reproduces are
 * marked `asserted`; the test suite reruns those and fails if one stops
 * holding. A claim the model does not reproduce stays in the table and is
 * reported as a failure. */
#ifndef HK_CLAIMS_H
#define HK_CLAIMS_H

#include <stdbool.h>

#include "world/api.h"

typedef enum hk_claim_design { HK_CLAIM_PAIRED, HK_CLAIM_OBSERVED, HK_CLAIM_LEVEL } hk_claim_design;

/* What a claim measures in each run. */
typedef enum hk_metric {
    HK_M_STRIKE_NORTH,          /* strike_north_by_1942 */
    HK_M_WAR_BEFORE_1945,       /* japan_soviet_war_before_1945 */
    HK_M_DOCTRINE_SOUTH_1941_07,/* doctrine_south_by_1941_07 */
    HK_M_DOCTRINE_1941,         /* Japan's doctrine in 1941-12 (-1 south .. +1 north) */
    HK_M_DOCTRINE_1938,         /* Japan's doctrine in 1938-12 */
    HK_M_DOCTRINE_1940,         /* Japan's doctrine in 1940-12 */
    HK_M_PACT_SIGNED,           /* neutrality_pact_signed */
    HK_M_PACT_TIME,             /* year of the pact, or the scenario's end when none */
    HK_M_MAJOR_BATTLE,          /* major_border_battle_1937_1940 */
    HK_M_INCIDENTS_1936_1939,   /* border incidents 1936-1939 */
    HK_M_JPN_MANCHURIA_1942,    /* Japanese men in Manchuria, 1942-12 */
    HK_M_JPN_MANCHURIA_1944,    /* Japanese men in Manchuria, 1944-12 */
    HK_M_SOV_FAR_EAST_1942,     /* Soviet men in the Far East, 1942-12 */
    HK_M_SOV_ENTRY,             /* soviet_entry_by_1945_09 */
    HK_M_SOV_ENTRY_MONTH,       /* month of the Soviet entry (fractional year), end + 1 month when none */
    HK_M_SOV_ENTRY_WITHIN_6,    /* the USSR enters within 6 months of Germany's defeat */
    HK_M_NORTH_CASE,            /* the cabinet's case for striking north, 1941-06..1942-12 */
    HK_M_COUNT
} hk_metric;

typedef struct hk_metric_info {
    const char *name;
    bool proportion;   /* 0/1 per run */
    const char *unit;  /* for means */
    const char *doc;
} hk_metric_info;
extern const hk_metric_info hk_metric_table[HK_M_COUNT];

/* The value of a metric in one run of `setup` (NaN if it does not apply). */
double hk_metric_value(hk_metric m, const hk_outcomes *o, const hk_setup *setup);

/* Conditions that split one ensemble for an observed claim. */
typedef enum hk_condition { HK_COND_NONE, HK_COND_JAPAN_LOSES_BATTLE, HK_COND_JAPAN_LOSES_BATTLE_BY_1940 } hk_condition;
/* "Japan loses a major border battle", for tables. */
const char *hk_condition_text(hk_condition c);

#define HK_CLAIM_MAX_OVERRIDES 4

typedef struct hk_claim {
    const char *id;
    const char *statement;   /* the claim, in our words */
    const char *source;      /* seed file:line citations */
    hk_claim_design design;
    /* paired: the changed arm, as `--set KEY=VALUE` ("key=value") and
     * `--without ID` ("id") strings. */
    const char *set[HK_CLAIM_MAX_OVERRIDES];
    const char *without[HK_CLAIM_MAX_OVERRIDES];
    hk_condition condition;  /* observed */
    hk_metric metric;
    int direction;           /* expected sign of the effect: +1 or -1 */
    double threshold;        /* level: the figure must exceed it (direction +1) or stay below (-1) */
    const char *test;        /* how the model tests it, in words */
    bool asserted;           /* the model reproduces it; tests/unit/test_claims.c reruns it */
    const char *why_not;     /* where the model is known to disagree: why, added to the note when it fails */
    /* paired, on an outcome of about one run in a hundred: both arms run
     * HK_CLAIM_OBSERVED_FACTOR times the report's runs (the same extra
     * baseline runs the observed claims use), since at the report's runs
     * the interval of a difference of about one point is wider than it */
    bool rare;
} hk_claim;

extern const hk_claim hk_claim_table[];
extern const int hk_claim_count;

typedef enum hk_claim_status { HK_CLAIM_PASS, HK_CLAIM_FAIL, HK_CLAIM_UNTESTABLE } hk_claim_status;

typedef struct hk_claim_result {
    hk_claim_status status;
    /* The two arms (or groups): estimate and 95% interval, runs counted. */
    double a, a_lo, a_hi, b, b_lo, b_hi;
    int n_a, n_b;
    /* The effect b - a (level: the figure) and its 95% interval. */
    double effect, lo, hi;
    char note[640];
} hk_claim_result;

/* An observed claim splits one ensemble by what happened in each run, and
 * the rarer side can hold a few percent of the runs (some 60 of 1000 runs
 * where Japan loses no major border battle): too few to measure an effect
 * of a few points. It reads the baseline's runs and this many times as many
 * in all, the baseline's runs first, the rest continuing its run indices. */
#define HK_CLAIM_OBSERVED_FACTOR 20

/* Evaluates a claim. `baseline` holds the outcomes of runs 0..runs-1 of
 * `base` with `seed`; a paired claim runs its changed arm with the same seed
 * and run indices; an observed claim reads HK_CLAIM_OBSERVED_FACTOR * runs
 * runs of `base`. The runs beyond the baseline's are worked out on the
 * first observed claim into *more (NULL at first) and read from there by
 * the next ones; the caller frees *more. With more NULL they are worked out
 * and freed each time. Returns 0, or -1 on a program failure. */
int hk_claim_eval(const hk_claim *c, const hk_setup *base, const hk_outcomes *baseline, int runs,
                  uint64_t seed, int threads, hk_outcomes **more, hk_claim_result *r);

const char *hk_claim_design_name(hk_claim_design d);
const char *hk_claim_status_name(hk_claim_status s);
/* "--without neutrality_pact --set x=1" for the report (buf >= 256). */
void hk_claim_describe_arm(const hk_claim *c, char *buf, size_t len);

#endif
