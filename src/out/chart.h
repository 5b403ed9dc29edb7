/* chart.h — pictures drawn with PLplot: the sensitivity ranking as a
 * horizontal bar chart (mu* as bars, sigma as whiskers). */
#ifndef HK_CHART_H
#define HK_CHART_H

#include <stddef.h>

#include "run/sensitivity.h"

/* Writes the chart to `path` with a PLplot device ("pngcairo", "svgcairo").
 * Returns 0, or -1 with a message in err (built without PLplot, or the
 * device failed). */
int hk_chart_sensitivity(const hk_sensitivity_config *cfg, const hk_sensitivity_result *res, const char *path,
                         const char *device, char *err, size_t errlen);

#endif
