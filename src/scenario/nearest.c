/* nearest.c — optimal-string-alignment distance for suggestions. */
#include "scenario/nearest.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#define MAXW 64

int hk_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXW || lb > MAXW)
        return INT_MAX / 2;
    int d[MAXW + 1][MAXW + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int cost = ca != cb;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[la][lb];
}

void hk_nearest_init(hk_nearest *n, const char *word)
{
    n->word = word;
    n->best = NULL;
    n->best_dist = INT_MAX;
}

void hk_nearest_offer(hk_nearest *n, const char *candidate)
{
    if (!candidate || !*candidate)
        return;
    int d = hk_edit_distance(n->word, candidate);
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
    if (!n->best)
        return NULL;
    return n->best_dist <= hk_nearest_limit(n->word) ? n->best : NULL;
}
