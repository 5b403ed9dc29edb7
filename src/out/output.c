/* output.c — runs once and feeds the timeline, the JSON Lines and the
 * report from the same observer calls. */
#include "out/output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "out/json.h"
#include "out/order.h"
#include "out/report.h"
#include "out/timeline.h"

/* Passes each call on to up to two observers. */
typedef struct fanout {
    hk_observer to[2];
    int n;
} fanout;

static void fan_event(void *ud, const hk_log_event *e)
{
    fanout *f = ud;
    for (int i = 0; i < f->n; i++)
        if (f->to[i].on_event)
            f->to[i].on_event(f->to[i].ud, e);
}

static void fan_month(void *ud, const hk_month_summary *m)
{
    fanout *f = ud;
    for (int i = 0; i < f->n; i++)
        if (f->to[i].on_month)
            f->to[i].on_month(f->to[i].ud, m);
}

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

int hk_output_run(const hk_setup *setup, const hk_output_opts *opts)
{
    const hk_scenario *s = setup->scenario;
    const char *mode = opts->mode == HK_MODE_REPLAY ? "replay" : "simulate";
    char err[512];

    /* Fail before a long run, not after it. */
    if (opts->out_dir && !hk_embedded_find(hk_embedded_web, "index.html")) {
        fprintf(stderr, "hokushin: cannot write the report: the web page is not built into this program; "
                        "run 'make web' and rebuild (or 'make run')\n");
        return 1;
    }

    bool want_timeline = !opts->json && !opts->out_dir;
    bool want_json = opts->json || opts->out_dir;
    fanout fan = {.n = 0};
    hk_timeline *tl = NULL;
    hk_json_run jr;
    memset(&jr, 0, sizeof jr);
    if (want_timeline) {
        hk_timeline_opts to = {.color = hk_timeline_want_color(stdout), .explain = opts->explain, .width = 0};
        tl = hk_timeline_new(s, stdout, &to);
        if (!tl) {
            fprintf(stderr, "hokushin: out of memory\n");
            return 1;
        }
        hk_timeline_header(tl, mode, opts->seed, opts->mode == HK_MODE_SIMULATE);
        fan.to[fan.n++] = hk_timeline_observer(tl);
    }
    if (want_json) {
        hk_json_run_init(&jr, s, opts->json ? stdout : NULL, opts->out_dir != NULL);
        fan.to[fan.n++] = hk_json_run_observer(&jr);
    }
    hk_observer fan_obs = {fan_event, fan_month, &fan};
    hk_order order;
    hk_order_init(&order, &fan_obs);
    hk_observer obs = hk_order_observer(&order);
    hk_outcomes out;
    memset(&out, 0, sizeof out);
    int status = 0;
    if (hk_run(setup, opts->mode, opts->seed, 0, opts->until, &obs, &out) != 0) {
        fprintf(stderr, "hokushin: the %s run failed\n", mode);
        status = 1;
        goto done;
    }
    if (tl)
        hk_timeline_finish(tl, &out);
    if (want_json) {
        json_t *summary =
            hk_json_summary(s, mode, opts->seed, 0, jr.last_month, jr.n_months, jr.n_events, &out);
        if (opts->json && hk_json_write_line(stdout, summary) != 0)
            jr.write_error = 1;
        if (opts->out_dir) {
            json_t *doc = hk_json_doc(&jr, json_incref(summary));
            if (hk_report_write(opts->out_dir, hk_embedded_web, doc, err, sizeof err) != 0) {
                fprintf(stderr, "hokushin: %s\n", err);
                status = 1;
            } else if (!opts->json) {
                printf("hokushin: wrote %s/index.html (%s, %d months, %d events); open it in a browser\n",
                       opts->out_dir, mode, jr.n_months, jr.n_events);
            } else {
                fprintf(stderr, "hokushin: wrote %s/index.html\n", opts->out_dir);
            }
            json_decref(doc);
        }
        json_decref(summary);
        if (jr.write_error)
            status = 1;
    }
done:
    hk_order_free(&order);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "hokushin: cannot write to standard output\n");
        status = 1;
    }
    if (want_json)
        hk_json_run_free(&jr);
    hk_timeline_free(tl);
    return status;
}
