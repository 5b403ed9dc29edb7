/* report.h — the self-contained HTML report of a run: the built web page
 * (web/dist, embedded in the program) with its script and style sheet
 * inlined and the run's document inlined as <script id="hk-data">, so that
 * one file opens from disk with no server and no network. */
#ifndef HK_OUT_REPORT_H
#define HK_OUT_REPORT_H

#include <jansson.h>
#include <stddef.h>

#include "core/embed.h"

/* The page as one HTML string (malloc'd, NUL-terminated, length in *len),
 * built from the files of `web` (a table like hk_embedded_web). Returns NULL
 * with a message in err when the page is missing or cannot be assembled. */
char *hk_report_html(const hk_embedded_file *web, const json_t *doc, size_t *len, char *err, size_t errlen);

/* Writes DIR/index.html (creating DIR), replacing an older report only once
 * the new one is complete. Returns 0, or -1 with a message in err. */
int hk_report_write(const char *dir, const hk_embedded_file *web, const json_t *doc, char *err, size_t errlen);

#endif
