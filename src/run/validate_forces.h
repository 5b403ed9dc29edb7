/* validate_forces.h — the armies, the border battles and 1945 against the
 * record, for docs/validation.md.
 *
 * Works out its figures from the report's baseline ensemble and one replay
 * run, writes its section's markdown to `out`, and hands back each judged
 * figure so that the report counts it, compares it at the other seed and
 * lists it among the failures. */
#ifndef HK_VALIDATE_FORCES_H
#define HK_VALIDATE_FORCES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "world/api.h"

#define HK_VAL_FORCES_MAX 8

typedef struct hk_val_forces_figure {
    char what[160];   /* the figure's name */
    char value[208];  /* the simulated value, as the report shows it */
    char why[400];    /* why it fails (when it does) */
    bool pass;
} hk_val_forces_figure;

typedef struct hk_val_forces {
    hk_val_forces_figure fig[HK_VAL_FORCES_MAX];
    int n;
} hk_val_forces;

/* Writes section `number` ("Armies, border battles and 1945") to out from
 * `runs` baseline outcomes of `setup`; fills res. Returns 0, or -1 if the
 * replay run failed. */
int hk_val_forces_section(FILE *out, int number, const hk_setup *setup, uint64_t seed, const hk_outcomes *base,
                          int runs, hk_val_forces *res);

#endif
