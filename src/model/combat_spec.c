/* combat_spec.c — the combat model's names and the text forms a user gives
 * it: terrain, posture and army names, a side's SPEC
 * (`SIDE:men=N,tanks=N,...`) and a campaign's engagements (`--phases`).
 * The model itself is in combat.c; the grammar is in combat.h. */
#include "model/combat.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const terrain_names[HK_TERRAIN_COUNT] = {
    "plain", "steppe", "desert", "hills", "mountain", "forest", "marsh", "urban", "island"};
static const char *const posture_names[HK_POSTURE_COUNT] = {"hasty", "prepared", "fortified"};

const char *hk_combat_terrain_name(hk_terrain t)
{
    return (t >= 0 && t < HK_TERRAIN_COUNT) ? terrain_names[t] : "?";
}

int hk_combat_terrain_parse(const char *name)
{
    for (int i = 0; name && i < HK_TERRAIN_COUNT; i++)
        if (strcmp(name, terrain_names[i]) == 0)
            return i;
    return -1;
}

const char *hk_combat_posture_name(hk_posture p)
{
    return (p >= 0 && p < HK_POSTURE_COUNT) ? posture_names[p] : "?";
}

int hk_combat_posture_parse(const char *name)
{
    for (int i = 0; name && i < HK_POSTURE_COUNT; i++)
        if (strcmp(name, posture_names[i]) == 0)
            return i;
    return -1;
}

static const char *const nation_codes[HK_NATION_COUNT] = HK_COMBAT_NATION_CODES;

const char *hk_combat_nation_name(int nation)
{
    return (nation >= 0 && nation < HK_NATION_COUNT) ? nation_codes[nation] : "?";
}

int hk_combat_nation_parse(const char *name)
{
    static const struct { const char *alias; int nation; } aliases[] = {
        {"SOV", HK_NATION_RUS},    {"USSR", HK_NATION_RUS},   {"RUSSIA", HK_NATION_RUS},
        {"SOVIET", HK_NATION_RUS}, {"JAPAN", HK_NATION_JPN},  {"GERMANY", HK_NATION_GER},
        {"DEU", HK_NATION_GER},    {"UK", HK_NATION_GBR},     {"GB", HK_NATION_GBR},
        {"BRITAIN", HK_NATION_GBR}, {"FRANCE", HK_NATION_FRA}, {"US", HK_NATION_USA},
        {"AUSTRIA", HK_NATION_AUT}, {"ISRAEL", HK_NATION_ISR},
    };
    if (!name)
        return -1;
    for (int i = 0; i < HK_NATION_COUNT; i++)
        if (strcasecmp(name, nation_codes[i]) == 0)
            return i;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(name, aliases[i].alias) == 0)
            return aliases[i].nation;
    return -1;
}

/* ---- SPEC parsing ------------------------------------------------------ */

int hk_combat_parse_phases(const char *text, const char *first, const char *second, int max_days,
                           int max_span, hk_combat_phase *ph, int *n, int *total)
{
    *n = 0;
    *total = 0;
    if (!text || !first || !second)
        return -1;
    const char *p = text;
    while (p && *p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char item[64];
        if (len == 0 || len >= sizeof item || *n >= HK_COMBAT_MAX_PHASES)
            return -1;
        memcpy(item, p, len);
        item[len] = '\0';
        char *colon = strchr(item, ':');
        if (!colon)
            return -1;
        *colon = '\0';
        int who = strcmp(item, first) == 0 ? 0 : strcmp(item, second) == 0 ? 1 : -1;
        char *at = strchr(colon + 1, '@');
        long start = -1;
        if (at) {
            char *send;
            *at = '\0';
            errno = 0;
            start = strtol(at + 1, &send, 10);
            if (!at[1] || *send || errno || start < 0 || start > max_span)
                return -1;
        }
        char *dend;
        errno = 0;
        long days = strtol(colon + 1, &dend, 10);
        if (who < 0 || !colon[1] || *dend || errno || days < 1 || days > max_days)
            return -1;
        long prev_end = *n ? (long)ph[*n - 1].start_day + ph[*n - 1].days : 0;
        if (start < 0)
            start = prev_end > max_span ? max_span : prev_end;
        if (*n && start < ph[*n - 1].start_day)
            return -1;
        ph[*n].days = (int)days;
        ph[*n].second_attacks = who;
        ph[*n].start_day = (int)start;
        (*n)++;
        *total += (int)days;
        if (*total > max_days)
            return -1;
        p = end ? end + 1 : NULL;
        if (end && !*p)
            return -1;
    }
    return *n == 0 ? -1 : 0;
}

static int spec_error(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
    if (err && errlen)
        snprintf(err, errlen, fmt, a, b);
    return -1;
}

int hk_combat_parse_spec(const char *spec, char *side_name, size_t name_len,
                         hk_combat_side *out, char *err, size_t errlen)
{
    static const char *const usage =
        "expected SIDE:men=N[,tanks=N][,guns=N][,aircraft=N][,quality=Q][,supply_km=D]"
        "[,posture=hasty|prepared|fortified][,no_surrender=0|1][,nation=CODE][,surprise=0-3][,air=0|1]"
        "[,envelop=0|1][,night=0|1][,way_back=0|1][,river=0|1][,delay=0|1], e.g. SOV:men=57000,tanks=498,guns=542,aircraft=515";
    memset(out, 0, sizeof *out);
    out->quality = 1;
    out->posture = HK_POSTURE_HASTY;
    if (!spec || !*spec)
        return spec_error(err, errlen, "empty side; %s%s", usage, "");
    const char *colon = strchr(spec, ':');
    if (!colon)
        return spec_error(err, errlen, "'%s': no SIDE: prefix; %s", spec, usage);
    size_t nlen = (size_t)(colon - spec);
    if (nlen == 0 || nlen > 15)
        return spec_error(err, errlen, "'%s': SIDE must be 1-15 letters, digits or '_'; %s", spec,
                          usage);
    for (size_t i = 0; i < nlen; i++)
        if (!isalnum((unsigned char)spec[i]) && spec[i] != '_')
            return spec_error(err, errlen, "'%s': SIDE must be 1-15 letters, digits or '_'; %s",
                              spec, usage);
    if (side_name && name_len) {
        size_t n = nlen < name_len - 1 ? nlen : name_len - 1;
        memcpy(side_name, spec, n);
        side_name[n] = '\0';
    }

    enum { K_MEN, K_TANKS, K_GUNS, K_AIR, K_QUALITY, K_SUPPLY, K_POSTURE, K_NOSURR, K_NATION,
           K_SURPRISE, K_AIRSUP, K_ENVELOP, K_NIGHT, K_WAYBACK, K_RIVER, K_DELAY, K_COUNT };
    static const char *const keys[K_COUNT] = {"men",     "tanks",     "guns",    "aircraft",
                                              "quality", "supply_km", "posture", "no_surrender",
                                              "nation",  "surprise",  "air",     "envelop",
                                              "night",   "way_back",  "river",
                                              "delay"};
    int seen[K_COUNT] = {0};
    const char *p = colon + 1;
    if (!*p)
        return spec_error(err, errlen, "'%s': no fields after SIDE:; %s", spec, usage);
    while (*p) {
        const char *end = strchr(p, ',');
        size_t flen = end ? (size_t)(end - p) : strlen(p);
        char field[128];
        if (flen == 0 || flen >= sizeof field)
            return spec_error(err, errlen, "'%s': empty or overlong field; %s", spec, usage);
        memcpy(field, p, flen);
        field[flen] = '\0';
        char *eq = strchr(field, '=');
        if (!eq || eq == field)
            return spec_error(err, errlen, "field '%s' is not KEY=VALUE; %s", field, usage);
        *eq = '\0';
        const char *val = eq + 1;
        int k = -1;
        for (int i = 0; i < K_COUNT; i++)
            if (strcmp(field, keys[i]) == 0)
                k = i;
        if (k < 0)
            return spec_error(err, errlen,
                              "unknown key '%s'%s; the keys are men, tanks, guns, aircraft, "
                              "quality, supply_km, posture, no_surrender, nation, surprise, air, "
                              "envelop, night, way_back, river, delay",
                              field, "");
        if (seen[k])
            return spec_error(err, errlen, "key '%s' given twice in '%s'", field, spec);
        seen[k] = 1;
        if (k == K_POSTURE) {
            int post = hk_combat_posture_parse(val);
            if (post < 0)
                return spec_error(err, errlen,
                                  "posture '%s'%s: expected hasty, prepared or fortified", val, "");
            out->posture = (hk_posture)post;
        } else if (k == K_NATION) {
            int nat = hk_combat_nation_parse(val);
            if (nat < 0)
                return spec_error(err, errlen,
                                  "nation '%s'%s: expected OTHER, RUS, JPN, GER, GBR, FRA, USA, "
                                  "CSA, AUT, ISR or ARAB",
                                  val, "");
            out->nation = nat;
        } else if (k == K_NOSURR || k == K_AIRSUP || k == K_ENVELOP || k == K_NIGHT || k == K_WAYBACK ||
                   k == K_RIVER || k == K_DELAY) {
            if (strcmp(val, "0") != 0 && strcmp(val, "1") != 0)
                return spec_error(err, errlen, "%s='%s': expected 0 or 1", field, val);
            int on = val[0] == '1';
            if (k == K_NOSURR)
                out->no_surrender = on;
            else if (k == K_AIRSUP)
                out->air = on;
            else if (k == K_NIGHT)
                out->night = on;
            else if (k == K_WAYBACK)
                out->way_back = on;
            else if (k == K_RIVER)
                out->river = on;
            else if (k == K_DELAY)
                out->delay = on;
            else
                out->envelop = on;
        } else if (k == K_SURPRISE) {
            if (!(val[0] >= '0' && val[0] <= '3' && val[1] == '\0'))
                return spec_error(err, errlen,
                                  "surprise='%s'%s: expected 0 (none), 1 (minor), 2 (substantial) "
                                  "or 3 (complete)",
                                  val, "");
            out->surprise = val[0] - '0';
        } else {
            char *vend;
            errno = 0;
            double v = strtod(val, &vend);
            if (!*val || *vend || errno || !isfinite(v) || v < 0)
                return spec_error(err, errlen, "%s='%s': expected a number >= 0", field, val);
            if (k == K_QUALITY && !(v > 0))
                return spec_error(err, errlen, "%s='%s': quality must be > 0 (1 = par)", field,
                                  val);
            if (k == K_MEN && !(v >= 1))
                return spec_error(err, errlen, "%s='%s': a side needs at least 1 man", field, val);
            /* Bounds far above any army keep every later sum finite. */
            static const double top[K_COUNT] = {1e9, 1e7, 1e7, 1e7, 100, 1e5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            if (v > top[k])
                return spec_error(err, errlen, "%s='%s' is beyond any army; check the number",
                                  field, val);
            switch (k) {
            case K_MEN: out->men = v; break;
            case K_TANKS: out->tanks = v; break;
            case K_GUNS: out->guns = v; break;
            case K_AIR: out->aircraft = v; break;
            case K_QUALITY: out->quality = v; break;
            case K_SUPPLY: out->supply_km = v; break;
            }
        }
        p = end ? end + 1 : p + flen;
        if (end && !*p)
            return spec_error(err, errlen, "'%s': trailing comma; %s", spec, usage);
    }
    if (!seen[K_NATION]) {
        char nm[16];
        size_t n = nlen < sizeof nm - 1 ? nlen : sizeof nm - 1;
        memcpy(nm, spec, n);
        nm[n] = '\0';
        int nat = hk_combat_nation_parse(nm);
        out->nation = nat > 0 ? nat : HK_NATION_OTHER;
    }
    if (!seen[K_MEN])
        return spec_error(err, errlen, "'%s': men=N is required; %s", spec, usage);
    return 0;
}
