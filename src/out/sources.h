/* sources.h — the scenario's bibliography: every source key its records
 * cite, turned into a full citation. A seed document (FILE:LINE) is named by
 * its title from the scenario's sources.yaml and each cited line's text is
 * read from the seed file when the seeds folder is at hand; a publication id
 * gets its full reference from scenario.yaml's `publications`. Used by
 * `hokushin sources` and by the replay document the web page reads. */
#ifndef HK_OUT_SOURCES_H
#define HK_OUT_SOURCES_H

#include <jansson.h>
#include <stdio.h>

#include "world/api.h"

/* The bibliography as JSON:
 *   {"seeds_dir": path or null,
 *    "seeds": [{"file","title","kind","about","cited","lines":[{"line","text"|null,"cited"}]}],
 *    "publications": [{"id","cite","cited","locators":[..]}],
 *    "notes": {"judged": n, "derived": n, "calibrated": n, "model": n},
 *    "unknown": [{"key","cited"}]}
 * `dir` is the scenario folder (NULL: the folder the scenario was loaded
 * from, read off its records' paths, or the built-in one); `seeds_dir` the
 * folder of the seed files (NULL: DIR/seeds, else $HK_SEEDS_DIR, else
 * ../shared/seeds from the working folder or the program's). A citation of a
 * range of lines (FILE:12-14) cites each of them. Returns NULL when out of
 * memory. */
json_t *hk_sources_json(const hk_scenario *s, const char *dir, const char *seeds_dir);
/* The same as text for a person. */
void hk_sources_print(FILE *out, const json_t *bib);

#endif
