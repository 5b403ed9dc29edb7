/* nearest.h — "did you mean": the closest of a set of names to a misspelt
 * word, by edit distance, so that an error can name the fix. */
#ifndef HK_NEAREST_H
#define HK_NEAREST_H

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions, adjacent swaps),
 * case-insensitive; words longer than 64 bytes compare as far apart. */
int hk_edit_distance(const char *a, const char *b);
/* The same if it is below `bound`, else `bound`, at a fraction of the cost
 * for far words: for a caller that keeps only the best candidate so far. */
int hk_edit_distance_below(const char *a, const char *b, int bound);

/* The largest edit distance at which a candidate still reads as a
 * misspelling of `word` rather than another name: a third of its length,
 * at least 2 (1 for words of three letters or fewer). */
int hk_nearest_limit(const char *word);

/* Tracks the best candidate while a caller walks its names. */
typedef struct hk_nearest {
    const char *word;
    const char *best;
    int best_dist;
    /* The word lowered once, for every candidate (nearest.c). */
    size_t len;
    unsigned long long set;
    unsigned char lowered[64];
} hk_nearest;

void hk_nearest_init(hk_nearest *n, const char *word);
void hk_nearest_offer(hk_nearest *n, const char *candidate);
/* The best candidate if it is close enough to be a likely misspelling, else NULL. */
const char *hk_nearest_result(const hk_nearest *n);

#endif
