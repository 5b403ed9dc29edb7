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

#include "core/mathx.h"

#include <math.h>
#include <string.h>

static double nonneg(double x)
{
    /* a NaN fails both comparisons, an infinity the second: as
     * isfinite(x) && x > 0, in one test fewer */
    return (x > 0 && x < HUGE_VAL) ? x : 0;
}

double hk_combat_supply_factor(const hk_combat_params *p, double km)
{
    km = nonneg(km);
    /* Delivered supply per truck falls as the round trip lengthens: a fixed
     * fleet moves tonnage in inverse proportion to 1 + km / half-distance. */
    double f = p->supply_half_km > 0 ? 1.0 / (1.0 + km / p->supply_half_km) : 1.0;
    return f < p->supply_floor ? p->supply_floor : f;
}

/* Terrain where tanks cannot manoeuvre freely: hills and mountains, woods,
 * marsh, towns and islands. */
static int broken_ground(hk_terrain t)
{
    return t == HK_TERRAIN_HILLS || t == HK_TERRAIN_MOUNTAIN || t == HK_TERRAIN_FOREST ||
           t == HK_TERRAIN_MARSH || t == HK_TERRAIN_URBAN || t == HK_TERRAIN_ISLAND;
}

/* A tank's weight in men-equivalents on this ground (armour_broken <= 0
 * means no reduction, for parameter sets that predate it). */
static double tank_weight(const hk_combat_params *p, hk_terrain terrain)
{
    double k = p->armour_broken > 0 && p->armour_broken < 1 && broken_ground(terrain)
                   ? p->armour_broken
                   : 1;
    return p->w_tank * k;
}

/* The share of its weight an aircraft keeps on this ground: on broken
 * ground targets hide and close support finds less to strike (air_broken;
 * <= 0 means no reduction). */
static double air_share(const hk_combat_params *p, hk_terrain terrain)
{
    return p->air_broken > 0 && p->air_broken < 1 && broken_ground(terrain) ? p->air_broken : 1;
}

/* Combat power of men and the men-equivalents of their weapons: M + W, or
 * with support_exp M x (1 + W / M)^support_exp (weapons need men: their
 * worth saturates as they outnumber the men, docs/combat.md). */
static double men_and_weapons(const hk_combat_params *p, double men, double weapons)
{
    if (!(p->support_exp > 0 && p->support_exp < 1) || !(weapons > 0))
        return men + weapons;
    double m = men > 1 ? men : 1;
    return m * pow(1 + weapons / m, p->support_exp);
}

static double raw_power(const hk_combat_params *p, double wt, double men, double tanks,
                        double guns, double aircraft)
{
    if (!(p->support_exp > 0 && p->support_exp < 1))
        return men + wt * tanks + p->w_gun * guns + p->w_air * aircraft; /* as before, bit for bit */
    return men_and_weapons(p, men, wt * tanks + p->w_gun * guns + p->w_air * aircraft);
}

/* The share of its weight a tank, gun or aircraft keeps on day `day`: in a
 * night attack's first day aimed fire is blind, so weapons count
 * night_weapons of their weight on both sides while men close with men. */
static double weapons_share(const hk_combat_params *p, const hk_combat_side *att, int day)
{
    return att->night && day == 1 && p->night_weapons > 0 && p->night_weapons < 1
               ? p->night_weapons
               : 1;
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
    /* Air superiority (the other side's claim, if any, is cancelled by
     * hk_combat_resolve) and a planned envelopment, which counts only for
     * the side that attacks. */
    if (s->air && p->air_power > 0)
        m *= 1 + p->air_power;
    if (!is_defender && s->envelop && p->envelop_power > 0)
        m *= 1 + p->envelop_power;
    if (is_defender) {
        int post = (s->posture >= 0 && s->posture < HK_POSTURE_COUNT) ? (int)s->posture : 0;
        int ter = (terrain >= 0 && terrain < HK_TERRAIN_COUNT) ? (int)terrain : 0;
        m *= p->posture[post] * p->terrain[ter];
        /* Positions dug in on high ground: the attacker climbs under
         * observed fire. */
        if (post != HK_POSTURE_HASTY && p->heights > 0 &&
            (terrain == HK_TERRAIN_HILLS || terrain == HK_TERRAIN_MOUNTAIN))
            m *= 1 + p->heights;
    }
    return m;
}

/* The attacker's surprise on day `day` (1 = the first): its power is
 * multiplied by 1 + surprise_power x level, fading in a straight line to 1
 * after surprise_days days. */
static double surprise_factor(const hk_combat_params *p, int level, int day)
{
    if (level <= 0 || !(p->surprise_power > 0))
        return 1;
    if (level > 3)
        level = 3;
    double span = p->surprise_days >= 1 ? p->surprise_days : 1;
    double fade = 1 - (day - 1) / span;
    return fade > 0 ? 1 + p->surprise_power * level * fade : 1;
}

/* The share of a side's combat power that its tanks make, at the start: how
 * much of it can exploit a breakthrough or close a ring. */
static double armour_share(const hk_combat_params *p, double wt, double af,
                           const hk_combat_side *s)
{
    double all = nonneg(s->men) + wt * nonneg(s->tanks) + p->w_gun * nonneg(s->guns) +
                 p->w_air * (af * nonneg(s->aircraft));
    return all > 0 ? wt * nonneg(s->tanks) / all : 0;
}

/* Men a km of front can hold in contact in a battle of this era: Dupuy's
 * dispersion factor is the area a force occupies, so the men along a km of
 * front scale with its square root. 0: no limit. */
static double contact_density(const hk_combat_params *p)
{
    if (!(p->front_density > 0))
        return 0;
    double r = 1;
    if (p->dispersion > 0 && p->dispersion_ref > 0)
        r = sqrt(p->dispersion_ref / p->dispersion);
    return p->front_density * r;
}

double hk_combat_power(const hk_combat_params *p, const hk_combat_side *s, int is_defender,
                       hk_terrain terrain)
{
    return side_multiplier(p, s, is_defender, terrain) *
           raw_power(p, tank_weight(p, terrain), nonneg(s->men), nonneg(s->tanks),
                     nonneg(s->guns), air_share(p, terrain) * nonneg(s->aircraft));
}

/* The day's intensity, t^-decay. A battle reads it for every day it
 * fights, mostly at the engagement's whole days 1, 2, ...: those are kept
 * once worked out (per thread, for the decay they were worked out with), the
 * same pow() call's result, so nothing a battle computes changes. Other days
 * (an echelon's clock, day share x day0 + day) are worked out each time. */
#define DECAY_DAYS 512
/* pow(x, y) for arguments that come again battle after battle (the days
 * that are no whole days of an echelon's clock, share x day0 + day; the
 * ratio of two sides' qualities, of which there are few), kept in a table
 * of 256 per thread keyed by both arguments' bits: the same pow() result. */
#define KEPT_POW_BITS 8
static double kept_pow(double x, double y)
{
    static _Thread_local uint64_t key_x[1 << KEPT_POW_BITS], key_y[1 << KEPT_POW_BITS];
    static _Thread_local double val[1 << KEPT_POW_BITS];
    static _Thread_local bool set[1 << KEPT_POW_BITS];
    uint64_t bx, by;
    memcpy(&bx, &x, sizeof bx);
    memcpy(&by, &y, sizeof by);
    uint64_t h = (bx ^ (by * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
    int i = (int)(h >> (64 - KEPT_POW_BITS)); /* the product's top bits */
    if (!set[i] || key_x[i] != bx || key_y[i] != by) {
        val[i] = pow(x, y);
        key_x[i] = bx;
        key_y[i] = by;
        set[i] = true;
    }
    return val[i];
}

static double day_intensity(double t, double decay)
{
    /* each day's value with the decay it was worked out for: a caller
     * that alternates parameter sets works out again only what changed */
    static _Thread_local double tab[DECAY_DAYS], tab_decay[DECAY_DAYS];
    static _Thread_local bool tab_set[DECAY_DAYS];
    int d = (int)t;
    if (!(t >= 1 && t < DECAY_DAYS) || (double)d != t)
        return kept_pow(t, -decay);
    if (!tab_set[d] || memcmp(&decay, &tab_decay[d], sizeof decay) != 0) {
        tab[d] = pow(t, -decay);
        tab_decay[d] = decay;
        tab_set[d] = true;
    }
    return tab[d];
}

/* Dupuy's dispersion factor (dispersion / dispersion_ref)^-dispersion_exp:
 * the same for every battle of a parameter set, kept once worked out (per
 * thread, for the values it was worked out with; the same pow() result). */
static double dispersion_factor(const hk_combat_params *p)
{
    static _Thread_local double key[3], val;
    static _Thread_local bool set;
    double k[3] = {p->dispersion, p->dispersion_ref, p->dispersion_exp};
    if (!set || memcmp(k, key, sizeof k) != 0) {
        val = pow(p->dispersion / p->dispersion_ref, -p->dispersion_exp);
        memcpy(key, k, sizeof k);
        set = true;
    }
    return val;
}

static double clamp_share(double x)
{
    if (!(x > 0))
        return 0;
    return x > 0.9 ? 0.9 : x;
}

/* One battle, its first day being day day0 + 1 of the engagement it is
 * part of (0: a battle of its own). The day's intensity, the attacker's
 * surprise and a night attack's first day read the engagement's day. */
double hk_combat_collapse_p(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                            double power_ratio)
{
    int lvl = att->surprise < 0 ? 0 : att->surprise > 3 ? 3 : att->surprise;
    double lr = power_ratio > 0 && isfinite(power_ratio) ? log(power_ratio) : 0;
    lr = lr < -5 ? -5 : lr > 5 ? 5 : lr;
    double all = nonneg(att->men) + nonneg(def->men);
    double ls = all > 0 && p->size_ref > 0 ? log(all / p->size_ref) : 0;
    double z = p->collapse_c0 + (att->envelop ? p->collapse_env : 0) + p->collapse_surprise * lvl +
               p->collapse_k * lr + p->collapse_size * ls +
               (def->no_surrender && !def->way_back ? p->collapse_garrison : 0);
    return 1 / (1 + exp(-z));
}

/* The uniform that decides a collapse: from a child stream of the
 * battle's rng (split after the battle's own draws), so the parent stream
 * does not advance and every later draw of the caller stays where it was. */
#define COLLAPSE_STREAM 0x636f6c6c61707365ULL /* "collapse" */
#define WINNER_STREAM 0x77696e6e65720000ULL /* "winner" */

/* The winner of a battle no side broke off, drawn from the odds of the
 * score (winner_scale; docs/combat.md, "Who wins a drawn battle"). One
 * uniform from a stream of its own: the rng is not advanced. */
static int drawn_winner(const hk_combat_params *p, double score, hk_rng *rng)
{
    double z = score + (p->winner_central ? p->winner_draw_bias : p->winner_bias);
    double band = p->draw_band > 0 ? p->draw_band : 0;
    double pa = 1 / (1 + exp(-p->winner_scale * (z - band)));
    hk_rng child = hk_rng_split(rng, WINNER_STREAM);
    double u = hk_rng_uniform(&child);
    if (u < pa)
        return HK_COMBAT_ATTACKER;
    if (!(band > 0))
        return HK_COMBAT_DEFENDER; /* no draws: the rest is the defender's */
    double pd = 1 / (1 + exp(-p->winner_scale * (-z - band)));
    return u < pa + pd ? HK_COMBAT_DEFENDER : HK_COMBAT_DRAW;
}

static double collapse_draw(hk_rng *rng)
{
    hk_rng child = hk_rng_split(rng, COLLAPSE_STREAM);
    return hk_rng_uniform(&child);
}

/* Whether the defender's line collapses (collapse_share; docs/combat.md,
 * "Defenders that break"): with an rng, when the battle's uniform falls
 * under the odds; without one (the central estimate), when a collapse is
 * the likelier outcome. An attacker whose own losses broke it off breaks
 * no one. A collapsed defender is beaten, whatever the losses' score says.
 * The rng is not advanced. */
static int collapses(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                     const hk_combat_result *out, hk_rng *rng)
{
    if (!(p->collapse_share > 0) || out->broke_off[HK_COMBAT_ATTACKER])
        return 0;
    double pr = hk_combat_collapse_p(p, att, def, out->power_ratio);
    return rng ? collapse_draw(rng) < pr : pr >= 0.5;
}

/* The collapsed defender's loss: a line broken through or turned loses a
 * share of the men it has left, killed, captured or scattered in the rout,
 * and their tanks and guns with them. They count as its casualties (the
 * missing among them), not in `prisoners`, which holds the men a closed
 * ring takes: CDB90, which the share is fitted on, does not say how many
 * of a routed defender's missing were taken. */
static void collapse_loss(const hk_combat_params *p, const hk_combat_side *def, hk_combat_result *out)
{
    double sh = p->collapse_share > 0.95 ? 0.95 : p->collapse_share;
    hk_combat_losses *x = &out->loss[HK_COMBAT_DEFENDER];
    double cut = sh * hk_fmax(0, nonneg(def->men) - x->men);
    x->men += cut;
    x->tanks += sh * hk_fmax(0, nonneg(def->tanks) - x->tanks);
    x->guns += sh * hk_fmax(0, nonneg(def->guns) - x->guns);
    out->casualties[HK_COMBAT_DEFENDER] = x->men;
    out->collapsed = 1;
}

/* How many more losses a side's army stands before it gives way than the
 * reference army: its loss factor to the power nation_break (docs/combat.md,
 * "Whose losses decide"); 1 when off or for the reference army. */
static double nation_tolerance(const hk_combat_params *p, const hk_combat_side *s)
{
    int nat = s->nation;
    if (!(p->nation_break != 0) || nat <= 0 || nat >= HK_NATION_COUNT || !(p->nation_loss[nat] > 0))
        return 1;
    return pow(p->nation_loss[nat], p->nation_break);
}

/* How many more losses a defender stands in its works before it gives the
 * ground (posture_break; docs/combat.md, "Works hold ground"): 1 on open
 * ground, or when the term is off. */
static double works_hold(const hk_combat_params *p, const hk_combat_side *def)
{
    int k = def->posture;
    if (k < 0 || k >= HK_POSTURE_COUNT || !(p->posture_break[k] > 0))
        return 1;
    return p->posture_break[k];
}

/* What a defender's works take off the score, the attacker's margin in
 * the judgement of who won (works_edge; docs/combat.md, "Works hold
 * ground"): 0 on open ground, or when the term is off. */
static double works_edge(const hk_combat_params *p, const hk_combat_side *def)
{
    int k = def->posture;
    return k >= 0 && k < HK_POSTURE_COUNT ? p->works_edge[k] : 0;
}

/* own_battle: 1 for a battle fought as a whole (hk_combat_resolve), 0 for
 * a stage of an engagement fought in echelons; only a battle of its own of
 * one day can be a storm of works. */
static void resolve(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                    hk_terrain terrain, int max_days, int day0, int may_collapse, int own_battle, hk_rng *rng,
                    hk_combat_result *out)
{
    memset(out, 0, sizeof *out);
    const hk_combat_side *att_given = att, *def_given = def; /* (winner_central's second run) */
    /* ns_defender_only: the attacker's refusal to surrender does not act
     * (a failed attack is called off); everything else reads `att`. */
    hk_combat_side att_own;
    if (p->ns_defender_only && att->no_surrender) {
        att_own = *att;
        att_own.no_surrender = 0;
        att = &att_own;
    }
    /* A no-surrender side with a way back (way_back) is a line, not a
     * garrison: it does not give way on the force ratio, since its practice
     * forbids withdrawal without orders (holds), but it neither pays the
     * garrison's price in blood nor fights on to ns_break: once its losses
     * pass the ordinary break point it is pulled back across its own
     * ground. Only the men a closing ring cuts off are bound to the last
     * (ring_to_last, below). */
    hk_combat_side att_back, def_back;
    int ring_to_last = 0, holds[2] = {0, 0};
    if (att->no_surrender && att->way_back && att->way_back != HK_WAY_BACK_CUT) {
        att_back = *att;
        att_back.no_surrender = 0;
        att = &att_back;
        holds[0] = 1;
    }
    if (def->no_surrender && def->way_back && def->way_back != HK_WAY_BACK_CUT) {
        def_back = *def;
        def_back.no_surrender = 0;
        def = &def_back;
        ring_to_last = holds[1] = 1;
    }
    const hk_combat_side *in[2] = {att, def};
    double men[2], tanks[2], guns[2], air[2], men0[2], mult[2], noise[2];
    const double wt = tank_weight(p, terrain);
    const double af = air_share(p, terrain);
    for (int i = 0; i < 2; i++) {
        men[i] = men0[i] = nonneg(in[i]->men);
        tanks[i] = nonneg(in[i]->tanks);
        guns[i] = nonneg(in[i]->guns);
        air[i] = nonneg(in[i]->aircraft);
        mult[i] = side_multiplier(p, in[i], i, terrain);
    }
    /* Both sides cannot hold the air: claims on both sides cancel. */
    if (in[0]->air && in[1]->air && p->air_power > 0)
        for (int i = 0; i < 2; i++)
            mult[i] /= 1 + p->air_power;
    /* A river crossed under fire: the attack goes over in boats and on
     * bridges into the defender's fire, its tanks and guns behind it until
     * the bridges stand, so the defender's line counts for more. */
    if (in[0]->river > 0 && p->river_power != 0)
        mult[1] *= 1 + p->river_power * (in[0]->river < 1 ? in[0]->river : 1);
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
        pw[i] = mult[i] * raw_power(p, wt, men[i], tanks[i], guns[i], af * air[i]);
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
        size_f *= dispersion_factor(p);
    double base[2] = {p->rate_att * size_f * noise[0], p->rate_def * size_f * noise[1]};
    /* A defender that delays gives ground instead of holding it: the
     * fighting is looser on both sides, contact is broken off each day
     * and taken up again further back. */
    if (in[1]->delay > 0 && p->delay_rate > 0) {
        base[0] *= p->delay_rate;
        base[1] *= p->delay_rate;
    }
    /* A storm of works: a one-day assault on prepared positions or
     * fortifications (a battle of its own, not a stage of an engagement
     * fought in echelons) crosses the defender's whole fire plan before
     * the works are reduced (works_storm; docs/combat.md, "A storm of
     * works"). */
    if (max_days <= 1 && own_battle && in[1]->posture > HK_POSTURE_HASTY && in[1]->posture < HK_POSTURE_COUNT &&
        p->works_storm[in[1]->posture] > -1 && p->works_storm[in[1]->posture] != 0 &&
        p->dispersion >= HK_COMBAT_WORKS_ERA)
        base[0] *= 1 + p->works_storm[in[1]->posture];
    double brk[2] = {p->break_att, p->break_def};
    /* The break points the score reads: a side that does not surrender
     * fights on past its ordinary break point, but the score still asks
     * how near it came to the point where an ordinary army gives way, so
     * holding out to the end does not by itself make it the winner. */
    double brk_score[2] = {p->break_att, p->break_def};
    double qrel = side_quality(att) / side_quality(def);
    /* A no-surrender side's own extra loss factor (applied day by day). */
    double ns_own[2] = {1, 1};
    for (int i = 0; i < 2; i++) {
        /* A force that will not surrender loses more each day, makes its
         * enemy pay more for every position, and stands longer. */
        if (in[i]->no_surrender) {
            /* a field force cut off loses what CDB90's field forces lose
             * in an envelopment, not what an island garrison does */
            ns_own[i] = in[i]->way_back == HK_WAY_BACK_CUT ? HK_COMBAT_CUT_OWN
                        : p->ns_rate_own > 0                 ? p->ns_rate_own
                                                             : 1;
            base[1 - i] *= p->ns_rate_enemy;
            brk[i] = p->ns_break;
        }
        /* Some armies lose more men than others for the same fight
         * (fitted per army on CDB90, docs/combat.md). */
        int nat = in[i]->nation;
        if (nat > 0 && nat < HK_NATION_COUNT && p->nation_loss[nat] > 0)
            base[i] *= p->nation_loss[nat];
        /* ... and stand as many more before they give way (nation_break) */
        double nb = (p->nation_break != 0 ? nation_tolerance(p, in[i]) : 1) * (i == 1 ? works_hold(p, in[i]) : 1);
        if (nb != 1) {
            brk[i] *= nb;
            brk_score[i] *= nb;
        }
        /* Better troops stand more losses before they give way. */
        double qb = i == 0 ? qrel : 1 / qrel; /* pow(1, y) is 1 for every y */
        double qf = qb == 1.0 ? 1.0 : kept_pow(qb, p->quality_break);
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

    /* Frontage: the men (and tanks) a side can have in contact. */
    double front_cap[2];
    double dens = contact_density(p);
    for (int i = 0; i < 2; i++)
        front_cap[i] = dens > 0 && in[i]->front_km > 0 ? in[i]->front_km * dens : 0;

    int loser = -1;
    int day = 0;
    while (day < max_days) {
        day++;
        /* The share of each side's men and tanks in contact today; the
         * rest wait behind the line and replace its losses. Guns and
         * aircraft reach over the front. */
        double e[2], pc[2];
        const int t = day0 + day; /* the engagement's day */
        double ws = weapons_share(p, att, t);
        for (int i = 0; i < 2; i++) {
            e[i] = front_cap[i] > 0 && men[i] > front_cap[i] ? front_cap[i] / men[i] : 1;
            if (ws < 1)
                pc[i] = mult[i] * men_and_weapons(p, e[i] * men[i],
                                                  ws * (wt * e[i] * tanks[i] + p->w_gun * guns[i] +
                                                        p->w_air * af * air[i]));
            else
                pc[i] = mult[i] * raw_power(p, wt, e[i] * men[i], e[i] * tanks[i], guns[i], af * air[i]);
        }
        /* Surprise: the attacker's, or the defender's (an ambush, a blow
         * the attacker did not expect). */
        double r = pc[0] * surprise_factor(p, att->surprise, t) /
                   (pc[1] * surprise_factor(p, def->surprise, t));
        /* the intensity's clock: the engagement's day, or in a stage of an
         * engagement fought in echelons (echelon_clock_share in (0, 1)) a
         * share of the days before the stage counted on */
        double tc = day0 > 0 && p->echelon_clock_share > 0 && p->echelon_clock_share < 1
                        ? p->echelon_clock_share * day0 + day
                        : (double)t;
        double dec = day_intensity(tc, p->day_decay);
        double share[2] = {base[0] * dec * pow(r, -p->helmbold),
                           base[1] * dec * pow(r, p->helmbold)};
        /* A side that will not surrender pays for it in its own blood:
         * always, or (ns_own_outmatched) only while it is outmatched. */
        for (int i = 0; i < 2; i++) {
            double own = i == 0 ? r : 1 / r;
            if (!p->ns_own_outmatched || own < 1)
                share[i] *= ns_own[i];
            share[i] = clamp_share(share[i]);
        }
        /* No side inflicts more in a day than its surviving power allows
         * (HK_COMBAT_MAX_KILL_RATE per men-equivalent in contact): at
         * extreme ratios Helmbold's law would otherwise let a few men cost
         * thousands. */
        for (int i = 0; i < 2; i++)
            if (men[i] > 0 && share[i] * e[i] * men[i] > HK_COMBAT_MAX_KILL_RATE * pc[1 - i])
                share[i] = HK_COMBAT_MAX_KILL_RATE * pc[1 - i] / (e[i] * men[i]);
        /* A side gives way the moment its losses reach its break point,
         * not at the end of a day that would carry it past: the day is
         * fought only to that moment (its share f of the day, for both
         * sides), and what a beaten side loses beyond it is the pursuit's
         * (below). Without it one day's overshoot could take a side far
         * past the point where it breaks off (p->break_stop). */
        if (p->break_stop) {
            double f = 1;
            for (int i = 0; i < 2; i++) {
                double left = men[i] - (1 - brk[i]) * men0[i]; /* men it can lose before it breaks */
                double loss = share[i] * e[i] * men[i];
                if (men0[i] > 0 && loss > 0 && loss > left)
                    f = hk_fmin(f, left > 0 ? left / loss : 0);
            }
            if (f < 1)
                for (int i = 0; i < 2; i++)
                    share[i] *= f;
        }
        for (int i = 0; i < 2; i++) {
            men[i] *= 1 - share[i] * e[i];
            tanks[i] *= 1 - clamp_share(share[i] * p->loss_tank) * e[i];
            guns[i] *= 1 - clamp_share(share[i] * p->loss_gun);
            air[i] *= 1 - clamp_share(share[i] * p->loss_air);
            pw[i] = mult[i] * raw_power(p, wt, men[i], tanks[i], guns[i], af * air[i]);
        }
        double m[2];
        for (int i = 0; i < 2; i++)
            m[i] = men0[i] > 0 ? (1 - men[i] / men0[i]) / brk[i] : 0;
        double reach = p->break_stop ? 1 - 1e-9 : 1; /* a day stopped at the break point reaches it */
        if (m[0] >= reach || m[1] >= reach) {
            loser = m[0] >= m[1] ? 0 : 1;
            out->broke_off[loser] = 1;
            break;
        }
        /* The force ratio in contact (the whole force when no front is
         * given). */
        for (int i = 0; i < 2; i++) {
            double ei = front_cap[i] > 0 && men[i] > front_cap[i] ? front_cap[i] / men[i] : 1;
            pc[i] = mult[i] * raw_power(p, wt, ei * men[i], ei * tanks[i], guns[i], af * air[i]);
        }
        /* A side whose power in contact falls under collapse_ratio of the
         * enemy's gives way, unless it does not surrender (ns_no_collapse):
         * then it holds until its losses reach its break point. */
        int weak = pc[0] < pc[1] ? 0 : 1;
        if (pc[weak] < p->collapse_ratio * pc[1 - weak] &&
            !(p->ns_no_collapse && (in[weak]->no_surrender || holds[weak]))) {
            loser = weak;
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
    /* A no-surrender defender still on its ground when the battle ends
     * holds it: the score asks how near it came to destruction as well as
     * to where an ordinary army gives way (ns_hold). */
    if (def->no_surrender && p->ns_hold > 0 && loser != 1) {
        double h = p->ns_hold > 1 ? 1 : p->ns_hold;
        brk_score[1] = pow(brk_score[1], 1 - h) * pow(brk[1], h);
    }
    /* The score compares how near each side came to its break point; the
     * small floor keeps it finite for a side that lost nothing. */
    double m_att = (out->casualties[0] / (men0[0] + 1e-9)) / brk_score[0] + 1e-9;
    double m_def = (out->casualties[1] / (men0[1] + 1e-9)) / brk_score[1] + 1e-9;
    out->score = log(m_def) - log(m_att) - works_edge(p, def);
    out->strain[0] = m_att;
    out->strain[1] = m_def;
    if (loser >= 0)
        out->winner = 1 - loser;
    else if (rng && p->winner_scale > 0 && p->winner_central == 1) {
        /* the odds of the battle as the central estimate fights it: the
         * same battle without the random spread (no rng, so no deeper) */
        hk_combat_result c;
        resolve(p, att_given, def_given, terrain, max_days, day0, 0, own_battle, NULL, &c);
        out->winner = drawn_winner(p, c.score, rng);
    } else if (rng && p->winner_scale > 0)
        out->winner = drawn_winner(p, out->score, rng);
    else if (out->score + p->winner_bias > p->draw_band)
        out->winner = HK_COMBAT_ATTACKER;
    else if (out->score + p->winner_bias < -p->draw_band)
        out->winner = HK_COMBAT_DEFENDER;
    else
        out->winner = HK_COMBAT_DRAW;

    /* The beaten side loses more while it disengages: stragglers, the
     * wounded left behind and men captured in the pursuit; the more of the
     * winner's power is armour, the further it exploits the breakthrough.
     * A beaten attacker falls back to the lines it came from, and a
     * defender holding its ground follows it less far
     * (pursuit_attacker_cut). */
    if (out->winner != HK_COMBAT_DRAW && (p->pursuit > 0 || p->exploit > 0)) {
        int l = 1 - out->winner;
        double cut = l == HK_COMBAT_ATTACKER ? hk_fmin(1.0, nonneg(p->pursuit_attacker_cut)) : 0.0;
        double k = 1 + (1 - cut) * nonneg(p->pursuit) + nonneg(p->exploit) * armour_share(p, wt, af, in[out->winner]);
        hk_combat_losses *x = &out->loss[l];
        x->men = hk_fmin(x->men * k, men0[l]);
        x->tanks = hk_fmin(x->tanks * k, nonneg(in[l]->tanks));
        x->guns = hk_fmin(x->guns * k, nonneg(in[l]->guns));
        x->aircraft = hk_fmin(x->aircraft * k, nonneg(in[l]->aircraft));
        out->casualties[l] = x->men;
    }

    /* A planned envelopment that wins closes a ring round part of the
     * beaten defender: those men are lost to it, as prisoners, or killed
     * where the defender does not surrender (a side with a way back too:
     * the men cut off are the ones its practice binds). Its weapons inside
     * are lost with them. */
    if (out->winner == HK_COMBAT_ATTACKER && att->envelop &&
        (p->encircle_base > 0 || p->encircle_armour > 0)) {
        double e = nonneg(p->encircle_base) + nonneg(p->encircle_armour) * armour_share(p, wt, af, att);
        /* A line that will not withdraw is still in its positions when
         * the ring closes: more of it is inside. */
        if (def->no_surrender || ring_to_last)
            e += nonneg(p->encircle_ns);
        double cap = p->encircle_cap > 0 && p->encircle_cap < 1 ? p->encircle_cap : 0.9;
        e = e > cap ? cap : e;
        hk_combat_losses *x = &out->loss[1];
        double cut = e * hk_fmax(0, men0[1] - x->men);
        x->men = hk_fmin(x->men + cut, men0[1]);
        x->tanks += e * hk_fmax(0, nonneg(def->tanks) - x->tanks);
        x->guns += e * hk_fmax(0, nonneg(def->guns) - x->guns);
        out->casualties[1] = x->men;
        out->prisoners[1] = def->no_surrender || ring_to_last ? 0 : cut;
        out->encircled = cut > 0;
    }
    /* The defender's line breaks through or is turned: a rout, beside
     * (or instead of) the pursuit and the ring of an attacker that won on
     * the losses. */
    if (may_collapse && collapses(p, att, def, out, rng)) {
        out->winner = HK_COMBAT_ATTACKER;
        collapse_loss(p, def, out);
    }
}

void hk_combat_resolve(const hk_combat_params *p, const hk_combat_side *att,
                       const hk_combat_side *def, hk_terrain terrain, int max_days,
                       hk_rng *rng, hk_combat_result *out)
{
    resolve(p, att, def, terrain, max_days, 0, 1, 1, rng, out);
}

void hk_combat_resolve_stage(const hk_combat_params *p, const hk_combat_side *att,
                             const hk_combat_side *def, hk_terrain terrain, int max_days,
                             hk_rng *rng, hk_combat_result *out)
{
    resolve(p, att, def, terrain, max_days, 0, 1, 0, rng, out);
}

/* The winner of an engagement fought in stages follows from all of it,
 * not from its last stage alone: a side whose line broke in the last stage
 * is beaten; otherwise the rule of one battle (the score, docs/combat.md,
 * "Winner") is read on the engagement's totals, each side's losses over
 * the men it brought against its break point, with the attacker's edge
 * (winner_bias). An attack that bled itself white in its first stages is
 * not a success because its last echelon gained a day. */
/* The engagement's strains and score on its totals (0 when a side
 * brought no one or has no break point). */
static int engagement_score(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                            const hk_combat_result *res, double m[2], double *score)
{
    double men[2] = {nonneg(att->men), nonneg(def->men)}, brk[2] = {p->break_att, p->break_def};
    const hk_combat_side *in[2] = {att, def};
    for (int i = 0; i < 2; i++) {
        brk[i] *= nation_tolerance(p, in[i]) * (i == 1 ? works_hold(p, in[i]) : 1);
        if (p->break_cap > 0 && brk[i] > p->break_cap)
            brk[i] = p->break_cap;
        if (!(men[i] > 0) || !(brk[i] > 0))
            return 0;
        m[i] = res->casualties[i] / men[i] / brk[i] + 1e-9;
    }
    *score = log(m[1]) - log(m[0]) - works_edge(p, def);
    return 1;
}

static void engagement_winner(const hk_combat_params *p, const hk_combat_side *att, const hk_combat_side *def,
                              hk_terrain terrain, int days, int echelons, hk_rng *rng, hk_combat_result *res)
{
    if (res->broke_off[HK_COMBAT_ATTACKER] || res->broke_off[HK_COMBAT_DEFENDER])
        return; /* the last stage's break decides, as in one battle */
    double m[2], score;
    if (!engagement_score(p, att, def, res, m, &score))
        return;
    res->strain[0] = m[0];
    res->strain[1] = m[1];
    res->score = score;
    if (rng && p->winner_scale > 0 && p->winner_central == 1) {
        /* the odds of the engagement as the central estimate fights it */
        hk_combat_result c;
        hk_combat_resolve_echelons(p, att, def, terrain, days, echelons, NULL, &c);
        double mc[2], sc = res->score;
        engagement_score(p, att, def, &c, mc, &sc);
        res->winner = drawn_winner(p, sc, rng);
    } else if (rng && p->winner_scale > 0)
        res->winner = drawn_winner(p, res->score, rng);
    else if (res->score + p->winner_bias > p->draw_band)
        res->winner = HK_COMBAT_ATTACKER;
    else if (res->score + p->winner_bias < -p->draw_band)
        res->winner = HK_COMBAT_DEFENDER;
    else
        res->winner = HK_COMBAT_DRAW;
}

void hk_combat_resolve_echelons(const hk_combat_params *p, const hk_combat_side *att,
                                const hk_combat_side *def, hk_terrain terrain, int days, int echelons,
                                hk_rng *rng, hk_combat_result *res)
{
    int n = echelons < 1 ? 1 : echelons;
    if (days < 1)
        days = 1;
    if (n > days)
        n = days;
    memset(res, 0, sizeof *res);
    res->winner = HK_COMBAT_DRAW;
    const hk_combat_side *whole[2] = {att, def};
    int stages = 0;
    for (int k = 0; k < n; k++) {
        int from, to;
        hk_combat_side x[2];
        if (!hk_combat_stage(whole, res, k, n, days, &from, &to, x))
            break; /* one side has no one left to bring up */
        hk_combat_result st;
        resolve(p, &x[0], &x[1], terrain, to - from > 0 ? to - from : 1, p->echelon_clock ? from : 0, 0, 0, rng, &st);
        hk_combat_add_stage(res, &st, from, k == 0);
        stages++;
    }
    if (stages > 1 && p->echelon_winner)
        engagement_winner(p, att, def, terrain, days, echelons, rng, res);
    /* the collapse is the engagement's, decided once (one draw, after the
     * stages' own) */
    if (collapses(p, att, def, res, rng)) {
        res->winner = HK_COMBAT_ATTACKER;
        collapse_loss(p, def, res);
    }
}

/* The losses of both sides in contact on the quiet days between two
 * engagements (quiet_contact): each holds, and loses the share that the last
 * engagement's intensity, decaying as t^-day_decay from its first day, gives
 * a defender on day t at the power ratio of the day. `men` holds each side's
 * men on the field on the first quiet day; `grow` what arrives each day. */
static void quiet_days(const hk_combat_params *p, const hk_combat_side *side[2],
                       hk_terrain terrain, int t_from, int t_to, double men[2],
                       const double grow[2], double lost[2])
{
    /* the dispersion's factor is the same every day: worked out once */
    bool dispersed = p->dispersion > 0 && p->dispersion_ref > 0;
    double disp_f = dispersed && t_from < t_to ? dispersion_factor(p) : 1.0;
    /* each side's power as hk_combat_power works it out, both sides as
     * defenders: only the men change from day to day, so the multiplier
     * and the weapons are read once and the sum is taken each day in the
     * same order (the same result, bit for bit) */
    double mult[2], wt = tank_weight(p, terrain), af = air_share(p, terrain), tanks[2], guns[2], air[2];
    for (int i = 0; i < 2; i++) {
        mult[i] = side_multiplier(p, side[i], 1, terrain);
        tanks[i] = nonneg(side[i]->tanks);
        guns[i] = nonneg(side[i]->guns);
        air[i] = af * nonneg(side[i]->aircraft);
    }
    for (int t = t_from; t < t_to; t++) {
        double pw[2];
        for (int i = 0; i < 2; i++)
            pw[i] = mult[i] * raw_power(p, wt, nonneg(men[i]), tanks[i], guns[i], air[i]);
        if (!(pw[0] > 0) || !(pw[1] > 0))
            return;
        double size_f = pow((men[0] + men[1] + 1.0) / p->size_ref, -p->size_exp);
        if (dispersed)
            size_f *= disp_f;
        double dec = day_intensity((double)t, p->day_decay);
        /* the enemy's power over its own to the h, once a day for both */
        double rh = pow(pw[1] / pw[0], p->helmbold), ratio_h[2] = {rh, 1 / rh};
        for (int i = 0; i < 2; i++) {
            double share = p->rate_def * size_f * dec * ratio_h[i];
            int nat = side[i]->nation;
            if (nat > 0 && nat < HK_NATION_COUNT && p->nation_loss[nat] > 0)
                share *= p->nation_loss[nat];
            double l = clamp_share(share) * men[i];
            lost[i] += l;
            men[i] = hk_fmax(0, men[i] - l) + grow[i];
        }
    }
}

void hk_combat_contact(const hk_combat_params *p, const hk_combat_side *a, const hk_combat_side *b,
                       hk_terrain terrain, int t_from, int t_to, double lost[2])
{
    lost[0] = lost[1] = 0;
    if (!p->quiet_contact || t_to <= t_from)
        return;
    const hk_combat_side *side[2] = {a, b};
    double men[2] = {nonneg(a->men), nonneg(b->men)}, grow[2] = {0, 0};
    quiet_days(p, side, terrain, t_from < 1 ? 1 : t_from, t_to, men, grow, lost);
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
    int prev_days = 0; /* days the last engagement fought */
    memset(&sum, 0, sizeof sum);
    sum.winner = HK_COMBAT_DRAW;
    for (int k = 0; k < n_phases; k++) {
        /* The quiet days since the last engagement ended, both sides in
         * contact (quiet_contact). */
        if (k > 0 && p->quiet_contact && span > 0) {
            int from = phases[k - 1].start_day + prev_days, to = phases[k].start_day;
            if (to > from) {
                double men[2], grow[2], ql[2] = {0, 0};
                for (int i = 0; i < 2; i++) {
                    double f0 = (first_start || second_start) ? (double)from / span : 1;
                    f0 = f0 < 0 ? 0 : f0 > 1 ? 1 : f0;
                    men[i] = hk_fmax(0, grown(start[i]->men, peak[i]->men, f0) - lost[i].men);
                    grow[i] = (first_start || second_start)
                                  ? (nonneg(peak[i]->men) - nonneg(start[i]->men)) / span
                                  : 0;
                }
                quiet_days(p, peak, terrain, from - phases[k - 1].start_day + 1,
                           to - phases[k - 1].start_day + 1, men, grow, ql);
                for (int i = 0; i < 2; i++) {
                    sum.casualties[i] += ql[i];
                    sum.quiet[i] += ql[i];
                    sum.loss[i].men += ql[i];
                    lost[i].men += ql[i];
                }
            }
        }
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
            s[i].men = hk_fmax(0, grown(start[i]->men, peak[i]->men, f) - lost[i].men);
            s[i].tanks = hk_fmax(0, grown(start[i]->tanks, peak[i]->tanks, f) - lost[i].tanks);
            s[i].guns = hk_fmax(0, grown(start[i]->guns, peak[i]->guns, f) - lost[i].guns);
            s[i].aircraft =
                hk_fmax(0, grown(start[i]->aircraft, peak[i]->aircraft, f) - lost[i].aircraft);
        }
        prev_days = 0;
        if (!(s[0].men >= 1) || !(s[1].men >= 1))
            continue;
        int a = phases[k].second_attacks ? 1 : 0; /* index of this engagement's attacker */
        hk_combat_resolve(p, &s[a], &s[1 - a], terrain, phases[k].days, rng, &r);
        prev_days = r.days;
        if (k == 0)
            sum.power_ratio = a == 0 ? r.power_ratio
                              : r.power_ratio > 0 ? 1 / r.power_ratio : INFINITY;
        sum.days += r.days;
        sum.winner = r.winner == HK_COMBAT_DRAW ? HK_COMBAT_DRAW
                     : r.winner == HK_COMBAT_ATTACKER ? a : 1 - a;
        sum.score = a == 0 ? r.score : -r.score;
        sum.encircled = r.encircled;
        for (int j = 0; j < 2; j++) {
            int i = j == 0 ? a : 1 - a;  /* r's index j is side i */
            sum.casualties[i] += r.casualties[j];
            sum.prisoners[i] += r.prisoners[j];
            sum.loss[i].men += r.loss[j].men;
            sum.loss[i].tanks += r.loss[j].tanks;
            sum.loss[i].guns += r.loss[j].guns;
            sum.loss[i].aircraft += r.loss[j].aircraft;
            sum.broke_off[i] = r.broke_off[j];
            sum.strain[i] = r.strain[j];
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

hk_combat_side hk_combat_echelon(const hk_combat_side *whole, double arrived, const hk_combat_losses *lost)
{
    hk_combat_side x = *whole;
    x.men = hk_fmax(0, arrived * whole->men - lost->men);
    x.tanks = hk_fmax(0, arrived * whole->tanks - lost->tanks);
    x.guns = hk_fmax(0, arrived * whole->guns - lost->guns);
    x.aircraft = hk_fmax(0, arrived * whole->aircraft - lost->aircraft);
    return x;
}

void hk_combat_add_stage(hk_combat_result *sum, const hk_combat_result *stage, int from, bool first)
{
    if (first)
        sum->power_ratio = stage->power_ratio;
    sum->days = from + stage->days;
    sum->winner = stage->winner;
    sum->score = stage->score;
    sum->encircled |= stage->encircled;
    for (int i = 0; i < 2; i++) {
        sum->casualties[i] += stage->casualties[i];
        sum->prisoners[i] += stage->prisoners[i];
        sum->loss[i].men += stage->loss[i].men;
        sum->loss[i].tanks += stage->loss[i].tanks;
        sum->loss[i].guns += stage->loss[i].guns;
        sum->loss[i].aircraft += stage->loss[i].aircraft;
        sum->broke_off[i] = stage->broke_off[i];
        sum->strain[i] = stage->strain[i];
    }
}
