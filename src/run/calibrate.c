/* calibrate.c — simulated method of moments for the incident process
 * (see calibrate.h for the method). */
#include "run/calibrate.h"

#include <errno.h>
#include <gsl/gsl_multimin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/validate.h"

/* The level of the incident process, the shape of its saturating response
 * to the density of forces in contact, and the posts taken up on Manchukuo's
 * borders after the railway's sale: how many incidents they add in the month
 * of the sale and how fast they settle (the 1935 rise and the 1936 fall of
 * the fitted counts; calibrate.h says why these). */
static const char *const default_keys[] = {"incident.base_rate", "incident.forces_elast", "incident.forces_ref",
                                           "incident.posting", "incident.posting_settle"};

int hk_calibrate_free_params(const hk_scenario *s, int idx[HK_PARAM_COUNT])
{
    int n = 0;
    for (size_t k = 0; k < sizeof default_keys / sizeof default_keys[0]; k++) {
        int i = hk_param_find(default_keys[k]);
        if (i >= 0 && s->params[i].min < s->params[i].max)
            idx[n++] = i;
    }
    return n;
}

int hk_calibrate_parse_params(const hk_scenario *s, const char *list, int idx[HK_PARAM_COUNT], char *err,
                              size_t errlen)
{
    int n = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char key[128];
        if (len == 0 || len >= sizeof key) {
            snprintf(err, errlen, "--params: expected KEY,KEY,... (see 'hokushin params')");
            return -1;
        }
        memcpy(key, p, len);
        key[len] = '\0';
        int i = hk_param_find(key);
        if (i < 0) {
            snprintf(err, errlen, "--params: unknown parameter '%s' (see 'hokushin params')", key);
            return -1;
        }
        if (!(s->params[i].min < s->params[i].max)) {
            snprintf(err, errlen, "--params: '%s' has no range to fit (min = max in params.yaml)", key);
            return -1;
        }
        for (int k = 0; k < n; k++)
            if (idx[k] == i) {
                snprintf(err, errlen, "--params: '%s' given twice", key);
                return -1;
            }
        if (n >= HK_PARAM_COUNT)
            break;
        idx[n++] = i;
        p += len + (e != NULL);
    }
    if (n == 0)
        snprintf(err, errlen, "--params: no parameter given");
    return n > 0 ? n : -1;
}

/* The search runs on the real line; a logit keeps each parameter inside its
 * scenario range, which is where its source says it may be. */
static double to_range(double x, double lo, double hi) { return lo + (hi - lo) / (1 + exp(-x)); }

static double from_range(double v, double lo, double hi)
{
    double u = (v - lo) / (hi - lo);
    if (u < 1e-6)
        u = 1e-6;
    if (u > 1 - 1e-6)
        u = 1 - 1e-6;
    return log(u / (1 - u));
}

typedef struct cal_ctx {
    const hk_scenario *s;
    const hk_cal_options *o;
    hk_cal_result *r;
    hk_setup setup;
    hk_outcomes *out;
    int failed;
} cal_ctx;

/* Ensemble means of every target at the setup's current values, runs
 * 0..runs-1 with the fixed seed (common random numbers). */
static int simulate_targets(cal_ctx *c, hk_month until, double *mean)
{
    if (hk_val_batch(&c->setup, c->o->seed, 0, c->o->runs, c->o->threads, until, c->out, NULL, NULL) != 0)
        return -1;
    for (int t = 0; t < c->r->n_targets; t++) {
        const hk_cal_target *tg = &c->r->target[t];
        double sum = 0;
        for (int i = 0; i < c->o->runs; i++)
            for (int y = tg->year_from; y <= tg->year_to; y++)
                sum += c->out[i].incidents_per_year[y - HK_YEAR_FIRST];
        mean[t] = sum / c->o->runs;
    }
    return 0;
}

static double objective_of(const hk_cal_result *r, const double *mean)
{
    double f = 0;
    for (int t = 0; t < r->n_targets; t++) {
        if (r->target[t].held_out)
            continue;
        double e = (mean[t] - r->target[t].record) / r->target[t].record;
        f += e * e;
    }
    return f;
}

static void set_params(cal_ctx *c, const gsl_vector *x)
{
    for (int k = 0; k < c->r->n_params; k++) {
        int p = c->r->param[k];
        c->setup.param[p] = to_range(gsl_vector_get(x, (size_t)k), c->s->params[p].min, c->s->params[p].max);
    }
}

static double cal_f(const gsl_vector *x, void *ud)
{
    cal_ctx *c = ud;
    double mean[HK_CAL_MAX_TARGETS];
    set_params(c, x);
    c->r->evaluations++;
    if (simulate_targets(c, hk_month_of(HK_CALIBRATE_FIT_LAST_YEAR + 1, 1), mean) != 0) {
        c->failed = 1;
        return GSL_POSINF;
    }
    return objective_of(c->r, mean);
}

static void mean_error(hk_cal_result *r)
{
    double fit = 0, held = 0;
    int nf = 0, nh = 0;
    for (int t = 0; t < r->n_targets; t++) {
        double e = fabs(r->target[t].fitted - r->target[t].record) / r->target[t].record;
        if (r->target[t].held_out) {
            held += e;
            nh++;
        } else {
            fit += e;
            nf++;
        }
    }
    r->fit_error = nf ? fit / nf : NAN;
    r->held_out_error = nh ? held / nh : NAN;
}

int hk_calibrate(const hk_scenario *s, const hk_cal_options *o, hk_cal_result *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (o->params) {
        r->n_params = hk_calibrate_parse_params(s, o->params, r->param, err, errlen);
        if (r->n_params < 0)
            return -1;
    } else {
        r->n_params = hk_calibrate_free_params(s, r->param);
    }
    if (r->n_params == 0) {
        snprintf(err, errlen, "no incident parameter has a range to fit (min < max in params.yaml)");
        return -1;
    }
    for (int i = 0; i < s->n_incidents && r->n_targets < HK_CAL_MAX_TARGETS; i++) {
        const hk_incident_count *ic = &s->incidents[i];
        if (ic->year_from < HK_YEAR_FIRST || ic->year_to > HK_YEAR_LAST || ic->count <= 0)
            continue;
        hk_cal_target *t = &r->target[r->n_targets++];
        t->year_from = ic->year_from;
        t->year_to = ic->year_to;
        t->record = ic->count;
        t->held_out = ic->year_to > HK_CALIBRATE_FIT_LAST_YEAR;
        t->source = ic->source.text;
    }
    int n_fit = 0;
    for (int t = 0; t < r->n_targets; t++)
        n_fit += !r->target[t].held_out;
    if (n_fit == 0) {
        snprintf(err, errlen, "the scenario records no incident counts up to %d to fit on",
                 HK_CALIBRATE_FIT_LAST_YEAR);
        return -1;
    }
    cal_ctx c = {.s = s, .o = o, .r = r};
    hk_setup_init(&c.setup, s);
    c.out = malloc(sizeof *c.out * (size_t)o->runs);
    if (!c.out) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* The starting point and its figures, the held-out years included. */
    double mean[HK_CAL_MAX_TARGETS];
    int rc = -1;
    if (simulate_targets(&c, HK_MONTH_NONE, mean) != 0) {
        snprintf(err, errlen, "a simulate run failed");
        goto done;
    }
    for (int t = 0; t < r->n_targets; t++)
        r->target[t].start = mean[t];
    r->objective_start = objective_of(r, mean);

    size_t n = (size_t)r->n_params;
    gsl_vector *x = gsl_vector_alloc(n), *step = gsl_vector_alloc(n);
    gsl_multimin_fminimizer *m = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n);
    for (int k = 0; k < r->n_params; k++) {
        int p = r->param[k];
        r->start[k] = c.setup.param[p];
        gsl_vector_set(x, (size_t)k, from_range(c.setup.param[p], s->params[p].min, s->params[p].max));
        gsl_vector_set(step, (size_t)k, 1.0);
    }
    gsl_multimin_function fn = {.f = cal_f, .n = n, .params = &c};
    gsl_multimin_fminimizer_set(m, &fn, x, step);
    int max_iter = o->max_iter > 0 ? o->max_iter : 200;
    for (r->iterations = 0; r->iterations < max_iter && !c.failed;) {
        r->iterations++;
        if (gsl_multimin_fminimizer_iterate(m) != GSL_SUCCESS)
            break;
        double size = gsl_multimin_fminimizer_size(m);
        if (o->progress)
            fprintf(stderr, "calibrate: iteration %d, objective %.6g, simplex size %.3g\n", r->iterations,
                    m->fval, size);
        /* 1e-3 on the logit scale is a tenth of a percent of a range's middle. */
        if (gsl_multimin_test_size(size, 1e-3) == GSL_SUCCESS) {
            r->converged = true;
            break;
        }
    }
    if (c.failed) {
        snprintf(err, errlen, "a simulate run failed during the fit");
    } else {
        set_params(&c, m->x);
        for (int k = 0; k < r->n_params; k++)
            r->value[k] = c.setup.param[r->param[k]];
        if (simulate_targets(&c, HK_MONTH_NONE, mean) != 0) {
            snprintf(err, errlen, "a simulate run failed");
        } else {
            for (int t = 0; t < r->n_targets; t++)
                r->target[t].fitted = mean[t];
            r->objective = objective_of(r, mean);
            mean_error(r);
            rc = 0;
        }
    }
    gsl_multimin_fminimizer_free(m);
    gsl_vector_free(x);
    gsl_vector_free(step);
done:
    free(c.out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    r->seconds = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    return rc;
}

static void years_text(const hk_cal_target *t, char *buf, size_t len)
{
    if (t->year_from == t->year_to)
        snprintf(buf, len, "%d", t->year_from);
    else
        snprintf(buf, len, "%d-%d", t->year_from, t->year_to);
}

void hk_calibrate_write_yaml(FILE *out, const hk_scenario *s, const hk_cal_options *o, const hk_cal_result *r)
{
    char y[32];
    fprintf(out, "# Written by 'hokushin calibrate'; regenerate it, do not edit it by hand.\n");
    fprintf(out, "method: simulated method of moments; Nelder-Mead simplex (GSL nmsimplex2) on logit-scaled "
                 "parameters; ensemble means with common random numbers\n");
    fprintf(out, "objective: sum over the fitted figures of ((simulated mean - record) / record)^2\n");
    fprintf(out, "scenario: %s\n", s->id ? s->id : "");
    fprintf(out, "seed: %llu\n", (unsigned long long)o->seed);
    fprintf(out, "runs_per_point: %d\n", o->runs);
    fprintf(out, "fitted_on: [");
    for (int t = 0, k = 0; t < r->n_targets; t++)
        if (!r->target[t].held_out) {
            years_text(&r->target[t], y, sizeof y);
            fprintf(out, "%s\"%s\"", k++ ? ", " : "", y);
        }
    fprintf(out, "]\nheld_out: [");
    for (int t = 0, k = 0; t < r->n_targets; t++)
        if (r->target[t].held_out) {
            years_text(&r->target[t], y, sizeof y);
            fprintf(out, "%s\"%s\"", k++ ? ", " : "", y);
        }
    fprintf(out, "]\n");
    fprintf(out, "iterations: %d\nevaluations: %d\nconverged: %s\n", r->iterations, r->evaluations,
            r->converged ? "true" : "false");
    fprintf(out, "objective_start: %.6g\nobjective_fitted: %.6g\n", r->objective_start, r->objective);
    fprintf(out, "fit_error_mean_abs_relative: %.4f\n", r->fit_error);
    fprintf(out, "held_out_error_mean_abs_relative: %.4f\n", r->held_out_error);
    fprintf(out, "params:\n");
    for (int k = 0; k < r->n_params; k++) {
        int p = r->param[k];
        fprintf(out, "  - key: %s\n    start: %.6g\n    fitted: %.6g\n    min: %.6g\n    max: %.6g\n",
                hk_param_table[p].key, r->start[k], r->value[k], s->params[p].min, s->params[p].max);
    }
    fprintf(out, "residuals:\n");
    for (int t = 0; t < r->n_targets; t++) {
        const hk_cal_target *tg = &r->target[t];
        years_text(tg, y, sizeof y);
        fprintf(out,
                "  - years: \"%s\"\n    part: %s\n    record: %g\n    simulated_start: %.2f\n"
                "    simulated_fitted: %.2f\n    residual: %.2f\n    source: \"%s\"\n",
                y, tg->held_out ? "held_out" : "fitted", tg->record, tg->start, tg->fitted,
                tg->fitted - tg->record, tg->source ? tg->source : "");
    }
}

/* ---- --apply ------------------------------------------------------------ */

/* The whole file in memory, NUL-terminated; NULL if it cannot be read. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1))) {
        *len = fread(buf, 1, (size_t)size, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* Does this line name `key` as a record's `key:` (block or flow style)? */
static bool line_has_key(const char *line, size_t len, const char *key)
{
    char pat[3][160];
    snprintf(pat[0], sizeof pat[0], "key: %s", key);
    snprintf(pat[1], sizeof pat[1], "key: \"%s\"", key);
    snprintf(pat[2], sizeof pat[2], "key: '%s'", key);
    for (int i = 0; i < 3; i++) {
        size_t pl = strlen(pat[i]);
        for (size_t j = 0; j + pl <= len; j++)
            if (memcmp(line + j, pat[i], pl) == 0) {
                char after = j + pl < len ? line[j + pl] : '\n';
                if (after == ',' || after == '}' || after == ' ' || after == '\n' || after == '\r' ||
                    after == '#')
                    return true;
            }
    }
    return false;
}

/* Replaces the value of `field:` inside [line, line+len) if present,
 * appending the result to out. Returns whether it was found. */
static bool replace_field(const char *line, size_t len, const char *field, const char *value, char **out,
                          size_t *olen)
{
    char pat[32];
    snprintf(pat, sizeof pat, "%s:", field);
    size_t pl = strlen(pat);
    for (size_t j = 0; j + pl <= len; j++) {
        if (memcmp(line + j, pat, pl) != 0)
            continue;
        if (j > 0 && line[j - 1] != ' ' && line[j - 1] != '{' && line[j - 1] != ',' && line[j - 1] != '-')
            continue;
        size_t v = j + pl;
        while (v < len && line[v] == ' ')
            v++;
        size_t e = v;
        if (e < len && (line[e] == '"' || line[e] == '\'')) {
            char q = line[e++];
            while (e < len && line[e] != q)
                e += line[e] == '\\' && q == '"' ? 2 : 1;
            if (e < len)
                e++;
        } else {
            while (e < len && line[e] != ',' && line[e] != '}' && line[e] != '\n' && line[e] != '\r' &&
                   !(line[e] == '#' && line[e - 1] == ' '))
                e++;
            while (e > v && line[e - 1] == ' ')
                e--;
        }
        size_t need = j + pl + 1 + strlen(value) + (len - e) + 1;
        char *b = malloc(need);
        if (!b)
            return false;
        size_t k = 0;
        memcpy(b, line, v > j + pl ? j + pl : v);
        k = j + pl;
        b[k++] = ' ';
        memcpy(b + k, value, strlen(value));
        k += strlen(value);
        memcpy(b + k, line + e, len - e);
        k += len - e;
        *out = b;
        *olen = k;
        return true;
    }
    return false;
}

static size_t indent_of(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && line[i] == ' ')
        i++;
    return i;
}

static bool is_blank(const char *line, size_t len)
{
    size_t i = indent_of(line, len);
    return i >= len || line[i] == '\n' || line[i] == '\r' || line[i] == '#';
}

static bool is_item_line(const char *line, size_t len)
{
    size_t i = indent_of(line, len);
    return i < len && line[i] == '-';
}

int hk_calibrate_apply(const char *params_yaml, const hk_cal_result *r, char *err, size_t errlen)
{
    size_t len;
    char *text = read_all(params_yaml, &len);
    if (!text) {
        snprintf(err, errlen, "%s: cannot read: %s", params_yaml, strerror(errno));
        return -1;
    }
    /* Split into lines we may replace one by one. */
    size_t n_lines = 0;
    for (size_t i = 0; i < len; i++)
        n_lines += text[i] == '\n';
    n_lines += 1;
    char **line = calloc(n_lines, sizeof *line);
    size_t *llen = calloc(n_lines, sizeof *llen);
    bool *owned = calloc(n_lines, sizeof *owned);
    int rc = -1;
    if (!line || !llen || !owned) {
        snprintf(err, errlen, "out of memory");
        goto done;
    }
    size_t nl = 0;
    for (size_t i = 0, start = 0; i <= len; i++)
        if (i == len || text[i] == '\n') {
            if (i == len && start == len)
                break;
            line[nl] = text + start;
            llen[nl++] = i - start + (i < len);
            start = i + 1;
        }
    for (int k = 0; k < r->n_params; k++) {
        const char *key = hk_param_table[r->param[k]].key;
        char value[64], source[192];
        snprintf(value, sizeof value, "%.6g", r->value[k]);
        snprintf(source, sizeof source,
                 "\"calibrated: border incidents %d-%d (001_fd9a28d61a246780.txt:49), simulated method of "
                 "moments\"",
                 r->target[0].year_from, HK_CALIBRATE_FIT_LAST_YEAR);
        size_t at = nl;
        for (size_t i = 0; i < nl; i++)
            if (line_has_key(line[i], llen[i], key)) {
                at = i;
                break;
            }
        if (at == nl) {
            snprintf(err, errlen, "%s: no record with key: %s", params_yaml, key);
            goto done;
        }
        /* The record is the list item holding the key: from its `-` line
         * to the next line indented no deeper than that dash. */
        size_t start = at;
        while (start > 0 && start + 16 > at && !is_item_line(line[start], llen[start]))
            start--;
        size_t dash = indent_of(line[start], llen[start]);
        bool got_value = false, got_source = false;
        for (size_t i = start; i < nl && !(got_value && got_source); i++) {
            if (i > start && !is_blank(line[i], llen[i]) && indent_of(line[i], llen[i]) <= dash)
                break;
            char *nb;
            size_t nblen;
            if (!got_value && replace_field(line[i], llen[i], "value", value, &nb, &nblen)) {
                if (owned[i])
                    free(line[i]);
                line[i] = nb, llen[i] = nblen, owned[i] = true, got_value = true;
            }
            if (!got_source && replace_field(line[i], llen[i], "source", source, &nb, &nblen)) {
                if (owned[i])
                    free(line[i]);
                line[i] = nb, llen[i] = nblen, owned[i] = true, got_source = true;
            }
        }
        if (!got_value || !got_source) {
            snprintf(err, errlen, "%s: the record of %s has no %s line to update", params_yaml, key,
                     got_value ? "source" : "value");
            goto done;
        }
    }
    /* Write beside the file and rename, so a failure never leaves half a file. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", params_yaml);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
        goto done;
    }
    for (size_t i = 0; i < nl; i++)
        fwrite(line[i], 1, llen[i], f);
    if (fclose(f) != 0 || rename(tmp, params_yaml) != 0) {
        snprintf(err, errlen, "%s: cannot replace: %s", params_yaml, strerror(errno));
        remove(tmp);
        goto done;
    }
    rc = 0;
done:
    if (line && owned)
        for (size_t i = 0; i < n_lines; i++)
            if (owned[i])
                free(line[i]);
    free(line);
    free(llen);
    free(owned);
    free(text);
    return rc;
}
