/* combat.c — the battle model (see combat.h and docs/combat.md).
 *
 * Each day both sides lose a share of what they have. The share depends on
 * the ratio of combat powers raised to Helmbold's exponent: at exponent 1 the
 * absolute daily loss of a side is proportional to the enemy's power
 * (Lanchester's square law), at 0 it is a fixed share of its own strength
 * (the "logarithmic" law Helmbold found in short, large battles). Combat
 * power counts weapons as men-equivalents and is multiplied by quality, by
 * supply (falling with the distance from the railhead) and, for the
 * defender, by posture and terrain. A side breaks off when its losses pass
 * its break point; the winner is the side further from its own. */
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

static double nonneg(double x)
{
    return (isfinite(x) && x > 0) ? x : 0;
}

double hk_combat_supply_factor(const hk_combat_params *p, double km)
{
    km = nonneg(km);
    /* Delivered supply per truck falls as the round trip lengthens: a fixed
     * fleet moves tonnage in inverse proportion to 1 + km / half-distance. */
    double f = p->supply_half_km > 0 ? 1.0 / (1.0 + km / p->supply_half_km) : 1.0;
    return f < p->supply_floor ? p->supply_floor : f;
}

static double raw_power(const hk_combat_params *p, double men, double tanks, double guns,
                        double aircraft)
{
    return men + p->w_tank * tanks + p->w_gun * guns + p->w_air * aircraft;
}

static double side_quality(const hk_combat_side *s)
{
    return (isfinite(s->quality) && s->quality > 0) ? s->quality : 1.0;
}

static double side_multiplier(const hk_combat_params *p, const hk_combat_side *s, int is_defender,
                              hk_terrain terrain)
{
    double q = side_quality(s);
    double m = q * hk_combat_supply_factor(p, s->supply_km);
    if (is_defender) {
        int post = (s->posture >= 0 && s->posture < HK_POSTURE_COUNT) ? (int)s->posture : 0;
        int ter = (terrain >= 0 && terrain < HK_TERRAIN_COUNT) ? (int)terrain : 0;
        m *= p->posture[post] * p->terrain[ter];
    }
    return m;
}

double hk_combat_power(const hk_combat_params *p, const hk_combat_side *s, int is_defender,
                       hk_terrain terrain)
{
    return side_multiplier(p, s, is_defender, terrain) *
           raw_power(p, nonneg(s->men), nonneg(s->tanks), nonneg(s->guns), nonneg(s->aircraft));
}

static double clamp_share(double x)
{
    if (!(x > 0))
        return 0;
    return x > 0.9 ? 0.9 : x;
}

void hk_combat_resolve(const hk_combat_params *p, const hk_combat_side *att,
                       const hk_combat_side *def, hk_terrain terrain, int max_days,
                       hk_rng *rng, hk_combat_result *out)
{
    memset(out, 0, sizeof *out);
    const hk_combat_side *in[2] = {att, def};
    double men[2], tanks[2], guns[2], air[2], men0[2], mult[2], noise[2];
    for (int i = 0; i < 2; i++) {
        men[i] = men0[i] = nonneg(in[i]->men);
        tanks[i] = nonneg(in[i]->tanks);
        guns[i] = nonneg(in[i]->guns);
        air[i] = nonneg(in[i]->aircraft);
        mult[i] = side_multiplier(p, in[i], i, terrain);
    }
    /* Exactly two draws whenever an rng is given, so callers can rely on
     * how far the stream moves. */
    noise[0] = noise[1] = 1.0;
    if (rng) {
        double c = p->noise_common_sd * hk_rng_normal(rng);
        double d = p->noise_diff_sd * hk_rng_normal(rng);
        noise[0] = exp(c + d);
        noise[1] = exp(c - d);
    }

    double pw[2];
    for (int i = 0; i < 2; i++)
        pw[i] = mult[i] * raw_power(p, men[i], tanks[i], guns[i], air[i]);
    if (!(pw[0] > 0) || !(pw[1] > 0)) {
        /* Nothing to fight with: the empty side gives way without a fight. */
        out->power_ratio = pw[1] > 0 ? 0 : (pw[0] > 0 ? INFINITY : 1);
        int loser = pw[0] > 0 ? 1 : 0;
        if (!(pw[0] > 0) && !(pw[1] > 0)) {
            out->winner = HK_COMBAT_DRAW;
            return;
        }
        out->winner = 1 - loser;
        out->broke_off[loser] = 2;
        out->score = loser == 1 ? 1 : -1;
        return;
    }
    out->power_ratio = pw[0] / pw[1];

    double size_f = pow((men0[0] + men0[1] + 1.0) / p->size_ref, -p->size_exp);
    if (p->dispersion > 0 && p->dispersion_ref > 0)
        size_f *= pow(p->dispersion / p->dispersion_ref, -p->dispersion_exp);
    double base[2] = {p->rate_att * size_f * noise[0], p->rate_def * size_f * noise[1]};
    double brk[2] = {p->break_att, p->break_def};
    /* The break points the score reads: a side that does not surrender
     * fights on past its ordinary break point, but the score still asks
     * how near it came to the point where an ordinary army gives way, so
     * holding out to the end does not by itself make it the winner. */
    double brk_score[2] = {p->break_att, p->break_def};
    double qrel = side_quality(att) / side_quality(def);
    for (int i = 0; i < 2; i++) {
        /* A force that will not surrender loses more each day, makes its
         * enemy pay more for every position, and stands longer. */
        if (in[i]->no_surrender) {
            base[i] *= p->ns_rate_own;
            base[1 - i] *= p->ns_rate_enemy;
            brk[i] = p->ns_break;
        }
        /* Some armies lose more men than others for the same fight
         * (fitted per army on CDB90, docs/combat.md). */
        int nat = in[i]->nation;
        if (nat > 0 && nat < HK_NATION_COUNT && p->nation_loss[nat] > 0)
            base[i] *= p->nation_loss[nat];
        /* Better troops stand more losses before they give way. */
        double qf = pow(i == 0 ? qrel : 1 / qrel, p->quality_break);
        brk[i] *= qf;
        brk_score[i] *= qf;
        if (!(p->ns_score_ordinary && in[i]->no_surrender))
            brk_score[i] = brk[i];
        for (double *b = &brk[i]; b; b = b == &brk[i] ? &brk_score[i] : NULL) {
            if (p->break_cap > 0 && *b > p->break_cap)
                *b = p->break_cap;
            if (!(*b > 0))
                *b = 1e-6;
        }
    }
    if (max_days < 1)
        max_days = 1;

    int loser = -1;
    int day = 0;
    while (day < max_days) {
        day++;
        double r = pw[0] / pw[1];
        double dec = pow((double)day, -p->day_decay);
        double share[2] = {clamp_share(base[0] * dec * pow(r, -p->helmbold)),
                           clamp_share(base[1] * dec * pow(r, p->helmbold))};
        /* No side inflicts more in a day than its surviving power allows
         * (HK_COMBAT_MAX_KILL_RATE per men-equivalent): at extreme ratios
         * Helmbold's law would otherwise let a few men cost thousands. */
        for (int i = 0; i < 2; i++)
            if (men[i] > 0 && share[i] * men[i] > HK_COMBAT_MAX_KILL_RATE * pw[1 - i])
                share[i] = HK_COMBAT_MAX_KILL_RATE * pw[1 - i] / men[i];
        for (int i = 0; i < 2; i++) {
            men[i] *= 1 - share[i];
            tanks[i] *= 1 - clamp_share(share[i] * p->loss_tank);
            guns[i] *= 1 - clamp_share(share[i] * p->loss_gun);
            air[i] *= 1 - clamp_share(share[i] * p->loss_air);
            pw[i] = mult[i] * raw_power(p, men[i], tanks[i], guns[i], air[i]);
        }
        double m[2];
        for (int i = 0; i < 2; i++)
            m[i] = men0[i] > 0 ? (1 - men[i] / men0[i]) / brk[i] : 0;
        if (m[0] >= 1 || m[1] >= 1) {
            loser = m[0] >= m[1] ? 0 : 1;
            out->broke_off[loser] = 1;
            break;
        }
        if (pw[0] < p->collapse_ratio * pw[1] || pw[1] < p->collapse_ratio * pw[0]) {
            loser = pw[0] < pw[1] ? 0 : 1;
            out->broke_off[loser] = 2;
            break;
        }
    }
    out->days = day;

    for (int i = 0; i < 2; i++) {
        out->loss[i].men = men0[i] - men[i];
        out->loss[i].tanks = nonneg(in[i]->tanks) - tanks[i];
        out->loss[i].guns = nonneg(in[i]->guns) - guns[i];
        out->loss[i].aircraft = nonneg(in[i]->aircraft) - air[i];
        out->casualties[i] = out->loss[i].men;
    }
    /* The score compares how near each side came to its break point; the
     * small floor keeps it finite for a side that lost nothing. */
    double m_att = (out->casualties[0] / (men0[0] + 1e-9)) / brk_score[0] + 1e-9;
    double m_def = (out->casualties[1] / (men0[1] + 1e-9)) / brk_score[1] + 1e-9;
    out->score = log(m_def) - log(m_att);
    if (loser >= 0)
        out->winner = 1 - loser;
    else if (out->score > p->draw_band)
        out->winner = HK_COMBAT_ATTACKER;
    else if (out->score < -p->draw_band)
        out->winner = HK_COMBAT_DEFENDER;
    else
        out->winner = HK_COMBAT_DRAW;

    /* The beaten side loses more while it disengages: stragglers, the
     * wounded left behind and men captured in the pursuit. */
    if (out->winner != HK_COMBAT_DRAW && p->pursuit > 0) {
        int l = 1 - out->winner;
        double k = 1 + p->pursuit;
        hk_combat_losses *x = &out->loss[l];
        x->men = fmin(x->men * k, men0[l]);
        x->tanks = fmin(x->tanks * k, nonneg(in[l]->tanks));
        x->guns = fmin(x->guns * k, nonneg(in[l]->guns));
        x->aircraft = fmin(x->aircraft * k, nonneg(in[l]->aircraft));
        out->casualties[l] = x->men;
    }
}

/* One arm of a side at build-up share f: start + f * (peak - start). */
static double grown(double start, double peak, double f)
{
    return nonneg(start) + f * (nonneg(peak) - nonneg(start));
}

void hk_combat_campaign_buildup(const hk_combat_params *p, const hk_combat_side *first,
                                const hk_combat_side *second, const hk_combat_side *first_start,
                                const hk_combat_side *second_start, hk_terrain terrain,
                                int n_phases, const hk_combat_phase *phases, hk_rng *rng,
                                hk_combat_result *out)
{
    static const hk_combat_phase one_day = {1, 0, 0};
    if (n_phases < 1 || !phases) {
        n_phases = 1;
        phases = &one_day;
    }
    if (n_phases > HK_COMBAT_MAX_PHASES)
        n_phases = HK_COMBAT_MAX_PHASES;
    const hk_combat_side *peak[2] = {first, second};
    const hk_combat_side *start[2] = {first_start ? first_start : first,
                                      second_start ? second_start : second};
    int span = phases[n_phases - 1].start_day;
    hk_combat_losses lost[2];
    memset(lost, 0, sizeof lost);
    hk_combat_result sum, r;
    memset(&sum, 0, sizeof sum);
    sum.winner = HK_COMBAT_DRAW;
    for (int k = 0; k < n_phases; k++) {
        double f = 1;
        if (span > 0 && (first_start || second_start)) {
            f = (double)phases[k].start_day / span;
            f = f < 0 ? 0 : f > 1 ? 1 : f;
        }
        /* What each side has on the field now: what has arrived, less what
         * it has lost so far. */
        hk_combat_side s[2];
        for (int i = 0; i < 2; i++) {
            s[i] = *peak[i];
            s[i].men = fmax(0, grown(start[i]->men, peak[i]->men, f) - lost[i].men);
            s[i].tanks = fmax(0, grown(start[i]->tanks, peak[i]->tanks, f) - lost[i].tanks);
            s[i].guns = fmax(0, grown(start[i]->guns, peak[i]->guns, f) - lost[i].guns);
            s[i].aircraft =
                fmax(0, grown(start[i]->aircraft, peak[i]->aircraft, f) - lost[i].aircraft);
        }
        if (!(s[0].men >= 1) || !(s[1].men >= 1))
            continue;
        int a = phases[k].second_attacks ? 1 : 0; /* index of this engagement's attacker */
        hk_combat_resolve(p, &s[a], &s[1 - a], terrain, phases[k].days, rng, &r);
        if (k == 0)
            sum.power_ratio = a == 0 ? r.power_ratio
                              : r.power_ratio > 0 ? 1 / r.power_ratio : INFINITY;
        sum.days += r.days;
        sum.winner = r.winner == HK_COMBAT_DRAW ? HK_COMBAT_DRAW
                     : r.winner == HK_COMBAT_ATTACKER ? a : 1 - a;
        sum.score = a == 0 ? r.score : -r.score;
        for (int j = 0; j < 2; j++) {
            int i = j == 0 ? a : 1 - a;  /* r's index j is side i */
            sum.casualties[i] += r.casualties[j];
            sum.loss[i].men += r.loss[j].men;
            sum.loss[i].tanks += r.loss[j].tanks;
            sum.loss[i].guns += r.loss[j].guns;
            sum.loss[i].aircraft += r.loss[j].aircraft;
            sum.broke_off[i] = r.broke_off[j];
            lost[i].men += r.loss[j].men;
            lost[i].tanks += r.loss[j].tanks;
            lost[i].guns += r.loss[j].guns;
            lost[i].aircraft += r.loss[j].aircraft;
        }
    }
    *out = sum;
}

void hk_combat_campaign(const hk_combat_params *p, const hk_combat_side *first,
                        const hk_combat_side *second, hk_terrain terrain, int n_phases,
                        const hk_combat_phase *phases, hk_rng *rng, hk_combat_result *out)
{
    hk_combat_campaign_buildup(p, first, second, NULL, NULL, terrain, n_phases, phases, rng, out);
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
        "[,posture=hasty|prepared|fortified][,no_surrender=0|1][,nation=CODE], e.g. SOV:men=57000,tanks=498,guns=542,aircraft=515";
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
           K_COUNT };
    static const char *const keys[K_COUNT] = {"men",     "tanks",     "guns",    "aircraft",
                                              "quality", "supply_km", "posture", "no_surrender",
                                              "nation"};
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
                              "quality, supply_km, posture, no_surrender, nation",
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
        } else if (k == K_NOSURR) {
            if (strcmp(val, "0") != 0 && strcmp(val, "1") != 0)
                return spec_error(err, errlen, "no_surrender='%s'%s: expected 0 or 1", val, "");
            out->no_surrender = val[0] == '1';
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
            static const double top[K_COUNT] = {1e9, 1e7, 1e7, 1e7, 100, 1e5, 0, 0, 0};
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
