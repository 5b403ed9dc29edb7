/* validate_forces.h — the armies, the border battles and 1945 against the
 * record, for docs/validation.md's section 6.
 *
 * Works out its figures from the report's baseline ensemble and one replay
 * run, as data: src/out/validate_sections.c writes the section, and each
 * judged figure counts with the report's others, is compared at the other
 * seed and is listed among the failures. */
#ifndef HK_VALIDATE_FORCES_H
#define HK_VALIDATE_FORCES_H

#include <stdbool.h>
#include <stdint.h>

#include "world/api.h"

/* Tolerances, stated in the report. */
#define HK_VAL_TOL_ARMY 0.25  /* relative, on the mean December strength */
#define HK_VAL_BAND_LO 0.05   /* the record must lie inside the central 90% of runs */
#define HK_VAL_BAND_HI 0.95
#define HK_VAL_TOL_AGREE 0.25 /* relative, replay against simulate's mean, 1918-1929 */
#define HK_VAL_TOL_1945 2.0   /* factor, on the mean casualties of the 1945 campaign */
#define HK_VAL_ARMY_FIRST 1931
#define HK_VAL_ARMY_LAST 1944
#define HK_VAL_ARMY_YEARS (HK_VAL_ARMY_LAST - HK_VAL_ARMY_FIRST + 1)
#define HK_VAL_EARLY_YEARS (1929 - 1918 + 1) /* the two modes on the 1920s */
#define HK_VAL_MAX_REC_BATTLES 32

/* The Manchurian strategic offensive operation's Soviet casualties, killed
 * and wounded, and where they are published (validate_forces.c). */
extern const double hk_val_sov_1945_lo, hk_val_sov_1945_hi;
extern const char *const hk_val_sov_1945_source;

/* One side's December strength in a year: replay's (the record) and the
 * runs' mean and central 90%. */
typedef struct hk_val_army_year {
    int year;
    double rec, mean, q05, q95;
    bool pass;
} hk_val_army_year;

/* A recorded border battle: one per campaign, with the most men a side had. */
typedef struct hk_val_rec_battle {
    int sector, year;
    double men;
    const char *name;
} hk_val_rec_battle;

typedef struct hk_val_forces {
    int runs;
    /* the armies: Japanese in Manchuria and Korea, Soviet east of Baikal */
    hk_val_army_year jp[HK_VAL_ARMY_YEARS], sv[HK_VAL_ARMY_YEARS];
    hk_val_army_year ej[HK_VAL_EARLY_YEARS], es[HK_VAL_EARLY_YEARS];
    hk_val_army_year ee[HK_VAL_EARLY_YEARS]; /* the Siberian expedition (its men apart from the mainland army) */
    double early_worst; /* the largest departure of simulate's mean from replay, 1918-1929 */
    /* border battles: the record's, and per sector the runs' count and the
     * largest battle's men (median, 90th percentile over the m runs with one) */
    hk_val_rec_battle rec[HK_VAL_MAX_REC_BATTLES];
    int n_rec;
    int n_sectors;
    int count[HK_MAX_SECTORS], with_battle[HK_MAX_SECTORS];
    double median_men[HK_MAX_SECTORS], p90_men[HK_MAX_SECTORS];
    int total, at_record; /* simulated battles, and those on a sector of the record's */
    /* 1945: the order of the end, and the Soviet casualties */
    int surrendered, broken, no_entry, no_bomb;
    int n_war;
    double sov_mean, jpn_mean;
} hk_val_forces;

/* The section's judged figures, in its order. */
enum {
    HK_VAL_F_ARMY_JPN,
    HK_VAL_F_ARMY_SOV,
    HK_VAL_F_EARLY,
    HK_VAL_F_BATTLE_SITES,
    HK_VAL_F_END_ORDER,
    HK_VAL_F_SOV_1945,
    HK_VAL_F_COUNT
};
/* Whether figure HK_VAL_F_* passes. */
bool hk_val_forces_pass(const hk_val_forces *f, int figure);

/* Works out the section from `runs` baseline outcomes of `setup` and a
 * replay run. Returns 0, or -1 if the replay run failed. */
int hk_val_forces_compute(const hk_setup *setup, uint64_t seed, const hk_outcomes *base, int runs, hk_val_forces *res);

#endif
