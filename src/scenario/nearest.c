/* nearest.c — optimal-string-alignment distance for suggestions. */
#include "scenario/nearest.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define MAXW 64

/* The distance if it is below `bound`, else `bound`. A cell d[i][j] is at
 * least |i - j|, so only the band of cells within `bound` of the diagonal
 * is worked out, the cells just outside it standing for "bound or more"
 * (which is all the answer needs of them); the rows stop as soon as no cell
 * of two rows in a row is below the bound (a cell comes from the row above
 * or, for a swap, the one above that), and words whose lengths differ by
 * `bound` or more are not compared at all. The best candidates are the same
 * as with the full table; the many far ones cost little. */
/* The word in lower case into out (at most MAXW letters) with the set of
 * its letters (by their low six bits); its length, or MAXW + 1 if longer. */
static size_t lower(const char *w, unsigned char out[MAXW], uint64_t *set)
{
    size_t n = 0;
    *set = 0;
    for (; w[n]; n++) {
        if (n == MAXW)
            return MAXW + 1;
        out[n] = (unsigned char)tolower((unsigned char)w[n]);
        *set |= (uint64_t)1 << (out[n] & 63);
    }
    return n;
}

/* The distance below `bound` of the word a, already lowered (la letters,
 * set sa), and b. */
static int distance_below(const unsigned char *ca, size_t la, uint64_t sa, const char *b, int bound)
{
    unsigned char cb[MAXW];
    uint64_t sb;
    size_t lb = strlen(b);
    /* Words whose lengths differ by the bound are not lowered at all. */
    if (la <= MAXW && lb <= MAXW && bound > 0 && (int)(la > lb ? la - lb : lb - la) >= bound)
        return bound;
    lb = lower(b, cb, &sb);
    if (la > MAXW || lb > MAXW)
        return INT_MAX / 2 < bound ? INT_MAX / 2 : bound;
    if (bound <= 0)
        return bound;
    if ((int)(la > lb ? la - lb : lb - la) >= bound)
        return bound;
    /* An edit takes at most one letter out and puts at most one in, so it
     * changes the two words' sets of letters by two at most: half the
     * letters only one of them has is a floor for the distance. */
    if ((__builtin_popcountll(sa ^ sb) + 1) / 2 >= bound)
        return bound;
    /* No cell exceeds the longer length: a wider band changes nothing. */
    size_t band = (size_t)bound < la + lb + 2 ? (size_t)bound : la + lb + 2;
    int far = (int)band; /* what a cell outside the band stands for */
    int d[MAXW + 1][MAXW + 2];
    for (size_t j = 0; j <= lb && j < band; j++)
        d[0][j] = (int)j;
    if (band <= lb)
        d[0][band] = far;
    bool far_above = false; /* every cell of the row above is >= bound */
    for (size_t i = 1; i <= la; i++) {
        size_t lo = i >= band ? i - band + 1 : 1, hi = i + band - 1 < lb ? i + band - 1 : lb;
        d[i][0] = (int)i;
        if (lo > 1)
            d[i][lo - 1] = far;
        if (hi < lb)
            d[i][hi + 1] = far;
        int row_min = lo == 1 ? d[i][0] : far;
        for (size_t j = lo; j <= hi; j++) {
            int cost = ca[i - 1] != cb[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] && ca[i - 2] == cb[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min >= bound) {
            if (far_above)
                return bound;
            far_above = true;
        } else {
            far_above = false;
        }
    }
    return d[la][lb] < bound ? d[la][lb] : bound;
}

int hk_edit_distance_below(const char *a, const char *b, int bound)
{
    unsigned char ca[MAXW];
    uint64_t sa;
    size_t la = lower(a, ca, &sa);
    return distance_below(ca, la, sa, b, bound);
}

int hk_edit_distance(const char *a, const char *b)
{
    return hk_edit_distance_below(a, b, INT_MAX / 2);
}

void hk_nearest_init(hk_nearest *n, const char *word)
{
    n->word = word;
    n->best = NULL;
    /* Only a candidate within the limit is ever named: the others need not
     * be measured to the end. */
    n->best_dist = hk_nearest_limit(word) + 1;
    uint64_t set = 0;
    n->len = word ? lower(word, n->lowered, &set) : MAXW + 1;
    n->set = set;
}

void hk_nearest_offer(hk_nearest *n, const char *candidate)
{
    if (!candidate || !*candidate)
        return;
    int d = distance_below(n->lowered, n->len, n->set, candidate, n->best_dist);
    if (d < n->best_dist) {
        n->best_dist = d;
        n->best = candidate;
    }
}

int hk_nearest_limit(const char *word)
{
    /* A third of the word's length (at least 2) keeps "harbinn" -> "harbin"
     * but does not offer "JPN" for "USA". */
    size_t len = word ? strlen(word) : 0;
    if (len <= 3)
        return 1;
    int limit = (int)(len / 3);
    return limit < 2 ? 2 : limit;
}

const char *hk_nearest_result(const hk_nearest *n)
{
    return n->best; /* only ever one within the limit */
}
