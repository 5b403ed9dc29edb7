/* validate_sections.h — docs/validation.md's sections 1-4 and 6 written
 * from the checks' data (src/run/validate_report.c computes them), each
 * figure's verdict and failure, and the figures and claims as JSON. */
#ifndef HK_OUT_VALIDATE_SECTIONS_H
#define HK_OUT_VALIDATE_SECTIONS_H

#include <jansson.h>
#include <stdio.h>

#include "run/validate.h"

/* 25655 -> "25,655", a fraction with `decimals`, NaN "n/a": a number as
 * the report gives it. */
const char *hk_val_num(char *buf, size_t len, double v, int decimals);

void hk_val_md_record(FILE *b, const hk_val_checks *ck);     /* 1. the record */
void hk_val_md_combat(FILE *b, const hk_val_checks *ck);     /* 2. Khalkhin Gol */
void hk_val_md_war(FILE *b, const hk_val_checks *ck);        /* 2b. the Soviet offensive of 1945 */
void hk_val_md_calibration(FILE *b, const hk_scenario *s, const hk_val_options *o, const hk_val_checks *ck); /* 3 */
void hk_val_md_cdb90(FILE *b, const hk_val_options *o);      /* 4. from the combat model's report */
void hk_val_md_forces(FILE *b, const hk_scenario *s, const hk_val_checks *ck, int number); /* 6 */

/* The figures' verdicts and failures in the document's order (sections 1,
 * 2 and 2b, then section 6); `claims_at` and `claims_fail_at` receive the
 * places where the claims' go (after 2b's). */
typedef struct hk_val_results {
    hk_val_verdict verdicts[HK_VAL_MAX_VERDICTS];
    int n_verdicts;
    char fails[HK_VAL_MAX_FAILS][HK_VAL_FAIL_LEN];
    int n_fails;
} hk_val_results;
void hk_val_figure_results(const hk_val_checks *ck, hk_val_results *out, int *claims_at, int *claims_fail_at);

/* The figures of sections 1, 2 and 2b, and the claims, as JSON arrays. */
json_t *hk_val_figures_json(const hk_val_checks *ck);
json_t *hk_val_claims_json(const hk_val_checks *ck);

#endif
