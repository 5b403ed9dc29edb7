/* validate_md.h — docs/validation.md, the model against the record: the
 * document around the checks src/run/validate_report.c computes. */
#ifndef HK_OUT_VALIDATE_MD_H
#define HK_OUT_VALIDATE_MD_H

#include <jansson.h>
#include <stdio.h>

#include "run/validate.h"

/* Runs every check and writes the markdown report. With json non-NULL, also
 * returns the same figures and claims as a JSON object (caller frees) for R
 * or pandas: {"runs", "seed", "figures": [...], "claims": [...]}. Returns
 * the number of failed figures and claims (>= 0), or -1 on a program failure. */
int hk_validate_report(const hk_scenario *s, const hk_val_options *o, FILE *out, json_t **json);

#endif
