/* cite_check.h — citations that check themselves: every number a record
 * cites to a seed line must be written on that line, or the source must say
 * how the number was found instead (`derived:` with its arithmetic,
 * `judged:`, `calibrated:`), or cite a publication beside the seed that the
 * number can come from. Also counts how much of the seeds' dated and numeric
 * content the model takes as mechanism or input rather than as text. */
#ifndef HK_CITE_CHECK_H
#define HK_CITE_CHECK_H

#include <stdbool.h>

#include "core/diag.h"
#include "world/scenario.h"

/* The seed documents' text, split into lines. */
typedef struct hk_seed_texts {
    const char *dir;                 /* where they were found */
    char *buf[HK_MAX_SEEDS];         /* whole file, NUL-separated lines */
    const char **line[HK_MAX_SEEDS]; /* line[s][n-1] = text of line n */
    int n_lines[HK_MAX_SEEDS];
    bool found;                      /* every seed of the scenario was read */
} hk_seed_texts;

/* Reads the scenario's seeds from `dir`, or when NULL from the first of:
 * SCENARIO_DIR/seeds, then $HOKUSHIN_SEEDS if set (and nothing else), else
 * SCENARIO_DIR/../../../shared/seeds, ../shared/seeds and the source tree's
 * ../shared/seeds. `scenario_dir` may
 * be NULL (the built-in scenario). Returns false (texts->found false) when
 * they are not all there; `why` then says which file was missing. */
bool hk_seed_texts_load(hk_seed_texts *t, const hk_scenario *s, const char *dir,
                        const char *scenario_dir, char *why, int why_len);
void hk_seed_texts_free(hk_seed_texts *t);

/* Every number of a record cited to seed lines that is on none of them and
 * not accounted for otherwise, as `PATH:LINE: message`. Returns the count. */
int hk_cite_check(const hk_scenario *s, const hk_seed_texts *t, hk_diag *diag);

/* The seeds' dated and numeric facts: each distinct (line, number) of a seed
 * line that carries a figure or a year. `model` counts those the model takes
 * as mechanism or input (a parameter, a strength, a battle, an incident
 * count, a loss, a treaty's terms or an actor's span cite the line and carry
 * the number, or a pinned decision or an outside event is dated by it);
 * `text` those cited only by the timeline's text; the rest are unused. */
typedef struct hk_seed_use {
    int facts, model, text;
    int model_by_seed[HK_MAX_SEEDS], facts_by_seed[HK_MAX_SEEDS];
} hk_seed_use;
void hk_seed_use_count(const hk_scenario *s, const hk_seed_texts *t, hk_seed_use *out);

/* Where the citation that starts at `part` of a source text ends: at the
 * next ';', or at its '\0'. Citations are joined by ';', but an explanation
 * (`judged:`, `derived:`, `calibrated:`) is prose and may use ';' itself: in
 * one, a ';' ends the part only when what follows it is a citation (another
 * explanation, a seed's FILE:LINE, or a publication id: one word, with an
 * optional locator after a comma). */
const char *hk_source_part_end(const char *part);

/* The numbers written in a piece of text ("290,000", "1.5 million", "13 km",
 * "18,000-20,000", "twelve", "60%"); at most max into out. Exposed for tests. */
int hk_numbers_in_text(const char *text, double *out, int max);

#endif
