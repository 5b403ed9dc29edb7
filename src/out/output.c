/* output.c — one run written the ways a command asks: the timeline, or
 * the JSON Lines and/or the report through the one JSON writer
 * (hk_json_run_write). */
#include "out/output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "out/json.h"
#include "out/order.h"
#include "out/report.h"
#include "out/timeline.h"

bool hk_output_outcome_decided(const hk_outcomes *o, int i, hk_month until, hk_month end)
{
    if (until == HK_MONTH_NONE || until >= end)
        return true;
    double v = hk_outcome_value(o, i);
    if (i < 0 || i >= HK_OUTCOME_COUNT)
        return false;
    /* a proportion that came true, or a figure that exists, stays so */
    if (hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION ? v != 0.0 : !isnan(v))
        return true;
    /* else: settled (false / absent) only once the deadline has been run */
    static const struct {
        const char *name;
        int year, mon;
    } deadline[] = {
        {"strike_north_by_1942", 1942, 12},         {"japan_soviet_war_before_1945", 1944, 12},
        {"doctrine_south_by_1941_07", 1941, 7},     {"major_border_battle_1937_1940", 1940, 12},
        {"soviet_entry_by_1945_09", 1945, 9},
    };
    for (size_t k = 0; k < sizeof deadline / sizeof deadline[0]; k++)
        if (strcmp(hk_outcome_table[i].name, deadline[k].name) == 0)
            return until >= hk_month_of(deadline[k].year, deadline[k].mon);
    return false;
}

static int flush_stdout(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "hokushin: cannot write to standard output\n");
        return 1;
    }
    return 0;
}

/* JSON Lines on stdout and/or the report: the run's one JSON writer. */
static int json_output(const hk_setup *setup, const hk_output_opts *opts, const char *mode)
{
    char err[512];
    json_t *doc = NULL;
    hk_json_written done;
    int rc = hk_json_run_write(setup, opts->mode, opts->seed, opts->until, opts->json ? stdout : NULL,
                               opts->out_dir ? &doc : NULL, &done);
    int status = 0;
    if (rc == -1 || rc == HK_JSON_RUN_LOST) {
        fprintf(stderr, "hokushin: the %s run failed: out of memory, its output is incomplete\n", mode);
        status = 1;
    } else if (rc != 0) {
        status = 1;
    }
    if (rc != -1 && opts->out_dir) {
        if (hk_report_write(opts->out_dir, hk_embedded_web, doc, err, sizeof err) != 0) {
            fprintf(stderr, "hokushin: %s\n", err);
            status = 1;
        } else if (!opts->json) {
            printf("hokushin: wrote %s/index.html (%s, %d months, %d events); open it in a browser\n", opts->out_dir,
                   mode, done.months, done.events);
        } else {
            fprintf(stderr, "hokushin: wrote %s/index.html\n", opts->out_dir);
        }
    }
    json_decref(doc);
    return status | flush_stdout();
}

int hk_output_run(const hk_setup *setup, const hk_output_opts *opts)
{
    const hk_scenario *s = setup->scenario;
    const char *mode = opts->mode == HK_MODE_REPLAY ? "replay" : "simulate";

    /* Fail before a long run, not after it. */
    if (opts->out_dir && !hk_embedded_find(hk_embedded_web, "index.html")) {
        fprintf(stderr, "hokushin: cannot write the report: the web page is not built into this program; "
                        "run 'make web' and rebuild (or 'make run')\n");
        return 1;
    }

    if (opts->json || opts->out_dir)
        return json_output(setup, opts, mode);
    hk_timeline_opts to = {.color = hk_timeline_want_color(stdout), .explain = opts->explain, .width = 0};
    hk_timeline *tl = hk_timeline_new(s, stdout, &to);
    if (!tl) {
        fprintf(stderr, "hokushin: out of memory\n");
        return 1;
    }
    hk_timeline_header(tl, mode, opts->seed, opts->mode == HK_MODE_SIMULATE);
    hk_observer tl_obs = hk_timeline_observer(tl);
    hk_order order;
    hk_order_init(&order, &tl_obs);
    hk_observer obs = hk_order_observer(&order);
    hk_outcomes out;
    memset(&out, 0, sizeof out);
    int status = 0;
    if (hk_run(setup, opts->mode, opts->seed, 0, opts->until, &obs, &out) != 0 || order.failed) {
        fprintf(stderr, "hokushin: the %s run failed: out of memory, its output is incomplete\n", mode);
        status = 1;
    } else {
        hk_timeline_finish(tl, &out);
    }
    hk_order_free(&order);
    status |= flush_stdout();
    hk_timeline_free(tl);
    return status;
}
