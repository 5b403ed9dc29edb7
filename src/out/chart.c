/* chart.c — the sensitivity chart with PLplot (see chart.h). PLplot keeps
 * its state in the library, so a chart is drawn by one thread at a time. */
#include "out/chart.h"

#include <math.h>
#include <stdio.h>

#ifdef HK_HAVE_PLPLOT
#include <plplot.h>
#endif

/* Bars shown at most: the rest are the parameters that matter least. */
#define HK_CHART_MAX_BARS 25

int hk_chart_sensitivity(const hk_sensitivity_config *cfg, const hk_sensitivity_result *res, const char *path,
                         const char *device, char *err, size_t errlen)
{
#ifndef HK_HAVE_PLPLOT
    (void)cfg, (void)res, (void)path, (void)device;
    snprintf(err, errlen, "this hokushin was built without PLplot (libplplot-dev), so it draws no chart");
    return -1;
#else
    int n = res->n_params < HK_CHART_MAX_BARS ? res->n_params : HK_CHART_MAX_BARS;
    double top = 0;
    for (int i = 0; i < n; i++) {
        double hi = res->params[i].mu_star + (isfinite(res->params[i].sigma) ? res->params[i].sigma : 0);
        if (isfinite(hi) && hi > top)
            top = hi;
    }
    if (top <= 0)
        top = 1;
    FILE *probe = fopen(path, "wb");
    if (!probe) {
        snprintf(err, errlen, "%s: cannot write the chart", path);
        return -1;
    }
    fclose(probe);

    plsdev(device);
    plsfnam(path);
    plspage(0, 0, 1100, 160 + 26 * n, 0, 0);
    plscolbg(255, 255, 255);
    plscol0(1, 30, 30, 30);     /* axes and text */
    plscol0(2, 70, 110, 170);   /* bars */
    plscol0(3, 200, 80, 40);    /* sigma whiskers */
    plinit();
    pladv(0);
    plvpor(0.34, 0.95, 0.10, 0.88);
    plwind(0, top * 1.05, 0, n);
    plcol0(2);
    for (int i = 0; i < n; i++) {
        const hk_sensitivity_param *p = &res->params[i];
        if (!isfinite(p->mu_star))
            continue;
        double y0 = n - i - 0.8, y1 = n - i - 0.2;
        PLFLT bx[4] = {0, p->mu_star, p->mu_star, 0}, by[4] = {y0, y0, y1, y1};
        plfill(4, bx, by);
    }
    plcol0(3);
    plwidth(2);
    for (int i = 0; i < n; i++) {
        const hk_sensitivity_param *p = &res->params[i];
        if (!isfinite(p->mu_star) || !isfinite(p->sigma))
            continue;
        PLFLT lo = p->mu_star, hi = p->mu_star + p->sigma, y = n - i - 0.5;
        plerrx(1, &lo, &hi, &y);
    }
    plwidth(1);
    plcol0(1);
    plschr(0, 0.8);
    plsxax(8, 0); /* plain numbers: no "x10^-2" crowding the axis title */
    plbox("bcgnst", 0, 0, "bc", 0, 0);
    for (int i = 0; i < n; i++)
        plmtex("lv", 0.8, ((double)(n - i) - 0.5) / n, 1.0, hk_param_table[res->params[i].param].key);
    const hk_outcome_info *o = &hk_outcome_table[cfg->outcome];
    char title[160], xlabel[200];
    snprintf(title, sizeof title, "What drives %s", o->name);
    snprintf(xlabel, sizeof xlabel, "mu* (bars), sigma (whiskers): change in the %s over the range",
             o->kind == HK_OUTCOME_PROPORTION ? "probability" : "mean");
    plschr(0, 1.0);
    plmtex("t", 2.0, 0.5, 0.5, title);
    plschr(0, 0.75);
    char sub[160];
    snprintf(sub, sizeof sub, "%d trajectories x %d points x %d runs, seed %llu", cfg->trajectories,
             res->n_params + 1, cfg->runs_per_point, (unsigned long long)cfg->seed);
    plmtex("t", 0.8, 0.5, 0.5, sub);
    plmtex("b", 3.2, 0.5, 0.5, xlabel);
    plend();
    return 0;
#endif
}
