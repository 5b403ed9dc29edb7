/* rng.c — xoshiro256** with SplitMix64 key expansion. */
#include "core/rng.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void seed_from_mix(hk_rng *r, uint64_t x)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
        r->s[0] = 1;
}

static void seed_from_key(hk_rng *r, uint64_t k0, uint64_t k1)
{
    uint64_t x = k0;
    seed_from_mix(r, splitmix64(&x) ^ (k1 * 0xd1b54a32d192ed03ULL));
}

void hk_rng_init(hk_rng *r, uint64_t seed, uint64_t run)
{
    seed_from_key(r, seed, run + 1);
}

hk_rng hk_rng_split(const hk_rng *parent, uint64_t key)
{
    hk_rng child;
    seed_from_key(&child, parent->s[0] ^ (parent->s[2] << 1), key ^ parent->s[1] ^ parent->s[3]);
    return child;
}

hk_rng_splitter hk_rng_splitter_of(const hk_rng *parent)
{
    uint64_t x = parent->s[0] ^ (parent->s[2] << 1);
    hk_rng_splitter sp = {splitmix64(&x), parent->s[1] ^ parent->s[3]};
    return sp;
}

hk_rng hk_rng_split_from(const hk_rng_splitter *sp, uint64_t key)
{
    hk_rng child;
    seed_from_mix(&child, sp->mix ^ ((key ^ sp->key) * 0xd1b54a32d192ed03ULL));
    return child;
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t hk_rng_next(hk_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double hk_rng_uniform(hk_rng *r)
{
    return (double)(hk_rng_next(r) >> 11) * 0x1.0p-53;
}

int hk_rng_poisson(hk_rng *r, double lambda)
{
    if (!(lambda > 0))
        return 0;
    /* A mean far past the cap (or infinite, which would turn into NaN
     * below) gives the cap: every draw would be clamped there anyway. */
    if (lambda > 2.0 * HK_RNG_POISSON_MAX)
        return HK_RNG_POISSON_MAX;
    if (lambda < 30) {
        /* Inversion by sequential search: one uniform, then the smallest k
         * whose cumulative probability exceeds it (each term from the one
         * before, p_k = p_{k-1} lambda / k), exact for small means and, past
         * the first, a multiplication and an addition a count where the
         * product method drew a uniform each. The cumulative sum can stop
         * short of 1 by rounding: the search ends where the terms vanish. */
        double u = hk_rng_uniform(r);
        /* A count of 0 needs u < e^-lambda. For a mean below 1 the series
         * e^-lambda = 1 - lambda + lambda^2/2 - lambda^3/6 + ... alternates
         * with shrinking terms, so it stays above the sum of those four; a u
         * below that sum, less a margin (2^-40) far wider than the rounding
         * of either side, is a 0 without the exponential, the count the
         * search below would give. */
        if (lambda < 1.0) {
            double low0 = 1.0 - lambda * (1.0 - lambda * (0.5 - lambda * (1.0 / 6.0)));
            if (u < low0 - 0x1p-40)
                return 0;
            /* A count of 1 needs e^-lambda <= u < e^-lambda (1 + lambda).
             * The same series stops below 1 - lambda + lambda^2/2 after its
             * third term, and times 1 + lambda its four terms stay under
             * e^-lambda (1 + lambda): a u between the two, with the same
             * margin on each side, is the 1 the search gives. */
            if (u >= 1.0 - lambda * (1.0 - lambda * 0.5) + 0x1p-40 && u < low0 * (1.0 + lambda) - 0x1p-40)
                return 1;
        }
        double p = exp(-lambda), cdf = p;
        int k = 0;
        while (u >= cdf && p > 0) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
    /* Large means: normal approximation with continuity correction,
     * clamped in double before the conversion so it is always defined. */
    double v = lambda + sqrt(lambda) * hk_rng_normal(r) + 0.5;
    if (!(v > 0))
        return 0;
    return v >= HK_RNG_POISSON_MAX ? HK_RNG_POISSON_MAX : (int)v;
}

double hk_rng_normal(hk_rng *r)
{
    /* Box–Muller; one deviate per call keeps the stream stateless. */
    double u1 = hk_rng_uniform(r), u2 = hk_rng_uniform(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

void hk_rng_normal2(hk_rng *r, double *z0, double *z1)
{
    /* Marsaglia's polar method: a point uniform in the unit disc (4/pi
     * pairs of uniforms on average) gives both deviates with one logarithm
     * and no sine or cosine. */
    double x, y, s;
    do {
        x = 2.0 * hk_rng_uniform(r) - 1.0;
        y = 2.0 * hk_rng_uniform(r) - 1.0;
        s = x * x + y * y;
    } while (s >= 1.0 || s == 0.0);
    double f = sqrt(-2.0 * log(s) / s);
    *z0 = x * f;
    *z1 = y * f;
}
