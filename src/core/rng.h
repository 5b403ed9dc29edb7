/* rng.h — the one source of randomness: a splittable generator keyed by
 * (seed, run). Every stream is derived from its key alone, so a run draws
 * the same numbers whatever else runs beside it, on any thread or rank.
 *
 * The generator is xoshiro256** (Blackman and Vigna); keys are expanded
 * with SplitMix64, which is how its authors recommend seeding it. */
#ifndef HK_RNG_H
#define HK_RNG_H

#include <stdint.h>

typedef struct hk_rng {
    uint64_t s[4];
} hk_rng;

/* The stream of run `run` in the ensemble with seed `seed`. */
void hk_rng_init(hk_rng *r, uint64_t seed, uint64_t run);
/* A child stream named by `key`; the parent does not advance, so splitting
 * never shifts the parent's later draws. */
hk_rng hk_rng_split(const hk_rng *parent, uint64_t key);
/* The part of hk_rng_split that depends on the parent alone, worked out
 * once for a parent split many times: hk_rng_split_from(&sp, key) gives
 * the same stream as hk_rng_split(parent, key). */
typedef struct hk_rng_splitter {
    uint64_t mix, key;
} hk_rng_splitter;
hk_rng_splitter hk_rng_splitter_of(const hk_rng *parent);
hk_rng hk_rng_split_from(const hk_rng_splitter *sp, uint64_t key);

uint64_t hk_rng_next(hk_rng *r);
/* Uniform in [0, 1), 53 bits. */
double hk_rng_uniform(hk_rng *r);
/* The largest count hk_rng_poisson returns. Callers add counts of every
 * sector, month and year of a run into an int, so a single draw must stay
 * far below INT_MAX; a hundred thousand incidents in one sector in one
 * month is already far outside anything the model means. */
#define HK_RNG_POISSON_MAX 100000
/* Poisson-distributed count with mean lambda, in 0..HK_RNG_POISSON_MAX.
 * A mean that is not positive (or NaN) gives 0; a mean beyond the cap,
 * infinity included, gives a count at the cap. */
int hk_rng_poisson(hk_rng *r, double lambda);
/* Standard normal deviate. */
double hk_rng_normal(hk_rng *r);
/* Two independent standard normal deviates (Marsaglia's polar method: a
 * pair of uniforms inside the unit disc, 1.27 pairs on average, one
 * logarithm and no trigonometry). */
void hk_rng_normal2(hk_rng *r, double *z0, double *z1);
/* True with probability p. */
static inline int hk_rng_bernoulli(hk_rng *r, double p) { return hk_rng_uniform(r) < p; }

#endif
