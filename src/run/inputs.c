/* inputs.c — one set of input rules for the commands and the web API (see
 * inputs.h). Numbers are read digit by digit, never through a double, so
 * that every uint64 seed is exact and no cast can overflow. */
#include "run/inputs.h"

#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Digits only, at most UINT64_MAX. 1 ok, 0 not digits, -1 too large. */
static int parse_digits_u64(const char *text, uint64_t *out)
{
    if (!text || !*text)
        return 0;
    uint64_t v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        unsigned d = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* The value as the message quotes it: short, and without control bytes. */
static void quote(const char *text, char *buf, size_t cap)
{
    size_t n = 0;
    for (const char *p = text ? text : ""; *p && n + 4 < cap; p++)
        buf[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
    if (text && strlen(text) + 4 >= cap && n + 4 <= cap) {
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
}

int hk_input_seed(const char *text, uint64_t *out, char *err, size_t errlen)
{
    char q[48];
    quote(text, q, sizeof q);
    int r = parse_digits_u64(text, out);
    if (r == 1)
        return 0;
    snprintf(err, errlen, "needs %s, got '%s'%s", HK_SEED_RANGE, q, r < 0 ? " (too large)" : "");
    return -1;
}

int hk_input_count(const char *text, int64_t lo, int64_t hi, const char *note, int64_t *out, char *err,
                   size_t errlen)
{
    uint64_t v = 0;
    int r = parse_digits_u64(text, &v);
    if (r == 1 && v >= (uint64_t)lo && v <= (uint64_t)hi) {
        *out = (int64_t)v;
        return 0;
    }
    char q[48];
    quote(text, q, sizeof q);
    snprintf(err, errlen, "needs a whole number from %" PRId64 " to %" PRId64 "%s, got '%s'", lo, hi,
             note ? note : "", q);
    return -1;
}

int hk_input_month(const hk_scenario *s, const char *text, hk_month *out, char *err, size_t errlen)
{
    char a[16] = "", b[16] = "", q[48];
    hk_month first = s ? hk_date_month(s->start) : 0, last = s ? hk_date_month(s->end) : 0;
    if (s) {
        hk_month_format(first, a);
        hk_month_format(last, b);
    }
    quote(text, q, sizeof q);
    hk_date d;
    if (!text || strlen(text) != 7 || !hk_date_parse(text, &d)) {
        if (s)
            snprintf(err, errlen, "needs a month as YYYY-MM from %s to %s, got '%s'", a, b, q);
        else
            snprintf(err, errlen, "needs a month as YYYY-MM, got '%s'", q);
        return -1;
    }
    if (!s) {
        *out = hk_date_month(d);
        return 0;
    }
    hk_month m = hk_date_month(d);
    if (m < first || m > last) {
        snprintf(err, errlen, "needs a month from %s to %s (the scenario's months), got '%s'", a, b, q);
        return -1;
    }
    *out = m;
    return 0;
}

static bool has_outer_space(const char *p, size_t n)
{
    return n > 0 && (isspace((unsigned char)p[0]) || isspace((unsigned char)p[n - 1]));
}

int hk_input_set(hk_setup *setup, const char *assignment, char *err, size_t errlen)
{
    char q[96];
    quote(assignment, q, sizeof q);
    const char *eq = assignment ? strchr(assignment, '=') : NULL;
    if (!eq || eq == assignment) {
        snprintf(err, errlen, "'%s': expected KEY=VALUE ('hokushin params' or GET /api/params lists the keys)", q);
        return -1;
    }
    char key[256];
    size_t klen = (size_t)(eq - assignment);
    if (klen >= sizeof key) {
        snprintf(err, errlen, "'%s': the key is too long to be one ('hokushin params' lists the keys)", q);
        return -1;
    }
    memcpy(key, assignment, klen);
    key[klen] = '\0';
    const char *value = eq + 1;
    if (has_outer_space(key, klen) || has_outer_space(value, strlen(value)) || !*value) {
        snprintf(err, errlen, "'%s': %s; write KEY=VALUE with nothing around either, e.g. politics.drift=0.03", q,
                 *value ? "a space around the key or the value" : "no value after '='");
        return -1;
    }
    char why[512];
    if (hk_setup_set(setup, key, value, why, sizeof why) != 0) {
        snprintf(err, errlen, "'%s': %s", q, why);
        return -1;
    }
    return 0;
}

int hk_input_without(hk_setup *setup, const char *id, char *err, size_t errlen)
{
    char q[96], why[512];
    quote(id, q, sizeof q);
    if (hk_setup_without(setup, id, why, sizeof why) != 0) {
        snprintf(err, errlen, "'%s': %s", q, why);
        return -1;
    }
    return 0;
}

int hk_input_json_seed(const json_t *v, uint64_t def, uint64_t *out, char *err, size_t errlen)
{
    if (!v || json_is_null(v)) {
        *out = def;
        return 0;
    }
    if (json_is_integer(v) && json_integer_value(v) >= 0) {
        *out = (uint64_t)json_integer_value(v);
        return 0;
    }
    /* 3.0 is the whole number 3; a real is exact only up to 2^53 */
    if (json_is_real(v) && json_real_value(v) >= 0 && json_real_value(v) <= 9007199254740992.0 &&
        json_real_value(v) == floor(json_real_value(v))) {
        *out = (uint64_t)json_real_value(v);
        return 0;
    }
    if (json_is_string(v) && strlen(json_string_value(v)) == json_string_length(v))
        return hk_input_seed(json_string_value(v), out, err, errlen);
    char text[48] = "";
    if (json_is_integer(v))
        snprintf(text, sizeof text, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(text, sizeof text, "%.17g", json_real_value(v));
    else
        snprintf(text, sizeof text, "a JSON %s", json_is_boolean(v) ? "boolean" : json_is_array(v) ? "array"
                                                                      : json_is_object(v)  ? "object"
                                                                                           : "value");
    snprintf(err, errlen, "needs %s (as a JSON integer, or a string of digits above 2^63 - 1), got %s",
             HK_SEED_RANGE, text);
    return -1;
}

int hk_input_json_count(const json_t *v, int64_t def, int64_t lo, int64_t hi, const char *note, int64_t *out,
                        char *err, size_t errlen)
{
    if (!v || json_is_null(v)) {
        *out = def;
        return 0;
    }
    if (json_is_integer(v) && json_integer_value(v) >= lo && json_integer_value(v) <= hi) {
        *out = (int64_t)json_integer_value(v);
        return 0;
    }
    /* compared as doubles before the cast, so the cast is always in range */
    if (json_is_real(v) && json_real_value(v) >= (double)lo && json_real_value(v) <= (double)hi &&
        json_real_value(v) == floor(json_real_value(v))) {
        *out = (int64_t)json_real_value(v);
        return 0;
    }
    char text[48] = "";
    if (json_is_integer(v))
        snprintf(text, sizeof text, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        snprintf(text, sizeof text, "%.17g", json_real_value(v));
    else if (json_is_string(v))
        snprintf(text, sizeof text, "a string");
    else
        snprintf(text, sizeof text, "a JSON %s", json_is_boolean(v) ? "boolean" : "value of another kind");
    snprintf(err, errlen, "needs a whole number from %" PRId64 " to %" PRId64 "%s, got %s", lo, hi,
             note ? note : "", text);
    return -1;
}

json_t *hk_json_seed(uint64_t seed)
{
    if (seed <= (uint64_t)INT64_MAX)
        return json_integer((json_int_t)seed);
    char text[24];
    snprintf(text, sizeof text, "%" PRIu64, seed);
    return json_string(text);
}
