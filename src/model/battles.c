/* battles.c — fighting the battles that incidents escalated (simulate) or
 * that the record holds (replay), and the monthly fighting of a general war.
 *
 * Each battle is handed to the combat model with the forces near its sector
 * (a share of them: battle.commit) and each side's distance from its
 * railhead; the loser's hawks pay for it in politics next month.
 * docs/model.md#battles. */
#include "model/battles.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define SRC_MODEL(anchor) "model: " anchor " (docs/model.md#" anchor ")"

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

static hk_terrain sector_terrain(const hk_world *w, int sec)
{
    for (int r = 0; r < w->s->n_regions; r++)
        if (w->s->regions[r].sector == sec)
            return w->s->regions[r].terrain;
    return HK_TERRAIN_STEPPE;
}

static int days_between(hk_date a, hk_date b)
{
    int months = hk_date_month(b) - hk_date_month(a);
    int d = months * 30 + ((b.day ? b.day : 15) - (a.day ? a.day : 1));
    return d < 1 ? 1 : d;
}

/* Records what a finished battle means for outcomes and for politics. */
static void battle_consequences(hk_world *w, int loser_side, double men_jpn, double men_sov,
                                double cas_jpn, double cas_sov, bool border, int fact, int sector)
{
    w->battles_month++;
    double biggest = men_jpn > men_sov ? men_jpn : men_sov;
    bool major = biggest >= P(w, BATTLE_MAJOR_MEN);
    int y = hk_month_year(w->month);
    if (border && major && y >= 1937 && y <= 1940)
        w->out.major_border_battle_1937_1940 = true;
    if (border && major && loser_side == HK_SIDE_JPN)
        w->out.japan_loses_major_border_battle = true;
    if (border && biggest > w->largest_battle) {
        w->largest_battle = biggest;
        w->out.major_battle_casualties[0] = cas_jpn;
        w->out.major_battle_casualties[1] = cas_sov;
    }
    if (loser_side >= 0 && border && major)
        w->lost_major[loser_side] = true;
    if (loser_side >= 0) {
        double loser_men = loser_side == HK_SIDE_JPN ? men_jpn : men_sov;
        double weight = clampd(loser_men / 50000.0, 0.05, 1.0);
        if (weight >= w->lost_battle_weight) {
            w->lost_battle_side = loser_side;
            w->lost_battle_weight = weight;
            w->lost_battle_fact = fact;
            w->lost_battle_sector = sector;
        }
    }
}

static void fight(hk_world *w, hk_rng *r, int sec, const hk_combat_side *att, const hk_combat_side *def,
                  int att_side, hk_terrain terrain, int days, hk_combat_result *res)
{
    hk_combat_resolve(&w->combat, att, def, terrain, days, r, res);
    int def_side = 1 - att_side;
    w->loss_men[att_side] += res->loss[HK_COMBAT_ATTACKER].men;
    w->loss_men[def_side] += res->loss[HK_COMBAT_DEFENDER].men;
    w->loss_tanks[att_side] += res->loss[HK_COMBAT_ATTACKER].tanks;
    w->loss_tanks[def_side] += res->loss[HK_COMBAT_DEFENDER].tanks;
    if (sec >= 0 && sec < HK_MAX_SECTORS) {
        w->sector_battles[sec]++;
        /* a skirmish of a few companies heats the border far less than a
         * battle of divisions: its weight is the larger side's men against
         * a major battle's, at most 1 (docs/model.md#incidents) */
        double big = att->men > def->men ? att->men : def->men;
        double size = big / P(w, BATTLE_MAJOR_MEN);
        w->sector_battle_size[sec] += size < 1.0 ? size : 1.0;
    }
}

static void simulate_battle(hk_world *w, hk_rng *r, const hk_pending_battle *pb)
{
    const hk_scenario *s = w->s;
    int sec = pb->sector, a = pb->attacker_side, d = 1 - a;
    /* most clashes stay small; a few draw in divisions (a skewed share) */
    double u = hk_rng_uniform(r);
    double share = P(w, BATTLE_COMMIT) * (0.05 + 0.95 * u * u);
    const hk_side_forces *fa = &w->sector_forces[sec][a], *fd = &w->sector_forces[sec][d];
    hk_combat_side att = {.men = fa->men * share, .tanks = fa->tanks * share, .guns = fa->guns * share,
                          .aircraft = fa->aircraft * share, .quality = 1, .supply_km = w->supply_km[sec][a]};
    hk_combat_side def = {.men = fd->men * share, .tanks = fd->tanks * share, .guns = fd->guns * share,
                          .aircraft = fd->aircraft * share, .quality = 1, .supply_km = w->supply_km[sec][d],
                          .posture = HK_POSTURE_PREPARED};
    hk_terrain terrain = sector_terrain(w, sec);
    hk_combat_result res;
    fight(w, r, sec, &att, &def, a, terrain, 30, &res);
    int loser = res.winner == HK_COMBAT_ATTACKER ? d : res.winner == HK_COMBAT_DEFENDER ? a : -1;
    double men[2], cas[2];
    men[a] = att.men;
    men[d] = def.men;
    cas[a] = res.casualties[HK_COMBAT_ATTACKER];
    cas[d] = res.casualties[HK_COMBAT_DEFENDER];
    battle_consequences(w, loser, men[HK_SIDE_JPN], men[HK_SIDE_SOV], cas[HK_SIDE_JPN], cas[HK_SIDE_SOV], true, -1,
                        sec);
    const char *sname = s->sectors[sec].name ? s->sectors[sec].name : s->sectors[sec].id;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s (tension %.2f) an incident grows into a battle: the Kwantung Army's officers "
                 "(autonomy %.2f) commit %.0f men against %.0f.",
                 sname, w->tension[sec], w->autonomy, men[HK_SIDE_JPN], men[HK_SIDE_SOV]);
    hk_world_emit2(w, "battle", s->sectors[sec].id, s->jpn, s->sov, w->scratch, SRC_MODEL("battles"));
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "After %d day%s on the %s: %s. Casualties: Japanese side %.0f, Soviet side %.0f.", res.days,
                 res.days == 1 ? "" : "s", sname,
                 loser == HK_SIDE_JPN ? "the Japanese side is beaten" : loser == HK_SIDE_SOV
                     ? "the Soviet side is beaten" : "neither side prevails",
                 cas[HK_SIDE_JPN], cas[HK_SIDE_SOV]);
    hk_world_emit2(w, "battle_result", s->sectors[sec].id, s->jpn, s->sov, w->scratch, SRC_MODEL("battles"));
}

/* A recorded battle `whole` spans `part` when both are on the same sector
 * and part's dates lie within whole's: Khalkhin Gol and its engagements. */
static bool battle_within(const hk_battle *part, const hk_battle *whole)
{
    if (part == whole || part->sector != whole->sector || !hk_date_is_set(whole->end) || !hk_date_is_set(part->end))
        return false;
    return hk_date_cmp(part->start, whole->start) >= 0 && hk_date_cmp(part->end, whole->end) <= 0;
}

static int campaign_of(const hk_scenario *s, int bi)
{
    for (int c = 0; c < s->n_battles; c++)
        if (battle_within(&s->battles[bi], &s->battles[c]))
            return c;
    return -1;
}

static bool is_campaign(const hk_scenario *s, int bi)
{
    for (int p = 0; p < s->n_battles; p++)
        if (battle_within(&s->battles[p], &s->battles[bi]))
            return true;
    return false;
}

static void recorded_text(const hk_battle *b, int as, double cas[2], char rec[2][64])
{
    for (int i = 0; i < 2; i++) {
        double lo = cas[i], hi = i == as ? b->attacker.casualties_hi : b->defender.casualties_hi;
        if (lo < 0)
            snprintf(rec[i], sizeof rec[i], "unknown");
        else if (hi > lo)
            snprintf(rec[i], sizeof rec[i], "%.0f-%.0f", lo, hi);
        else
            snprintf(rec[i], sizeof rec[i], "%.0f", lo);
    }
}

static void battle_sides(const hk_world *w, const hk_battle *b, int *as, int *ds, hk_combat_side *att,
                         hk_combat_side *def)
{
    *as = hk_world_side(w, b->attacker.actor);
    *ds = hk_world_side(w, b->defender.actor);
    if (*as < 0 || *ds < 0 || *as == *ds) {
        *as = HK_SIDE_JPN;
        *ds = HK_SIDE_SOV;
    }
    *att = (hk_combat_side){.men = b->attacker.men, .tanks = b->attacker.tanks, .guns = b->attacker.guns,
                            .aircraft = b->attacker.aircraft, .quality = b->attacker.quality,
                            .supply_km = b->attacker.supply_km};
    *def = (hk_combat_side){.men = b->defender.men, .tanks = b->defender.tanks, .guns = b->defender.guns,
                            .aircraft = b->defender.aircraft, .quality = b->defender.quality,
                            .supply_km = b->defender.supply_km, .posture = HK_POSTURE_PREPARED};
}

static void replay_battle(hk_world *w, hk_rng *r, int bi)
{
    const hk_scenario *s = w->s;
    const hk_battle *b = &s->battles[bi];
    int as, ds;
    hk_combat_side att, def;
    battle_sides(w, b, &as, &ds, &att, &def);
    int actors[2] = {b->attacker.actor, b->defender.actor};
    if (is_campaign(s, bi)) {
        /* a campaign: its engagements are fought as they come; the whole is
         * counted when it ends (close_campaign) */
        if (hk_world_logging(w))
            snprintf(w->scratch, sizeof w->scratch,
                     "%s begins: %.0f men against %.0f at the height of it; its engagements are fought as "
                     "they come.",
                     b->name ? b->name : b->id, att.men, def.men);
        hk_world_emit(w, b->start, "battle", b->id, actors, 2, w->scratch, b->source.text);
        return;
    }
    int days = hk_date_is_set(b->end) ? days_between(b->start, b->end) : 30;
    hk_combat_result res;
    fight(w, r, b->sector, &att, &def, as, b->terrain, days, &res);
    int loser = b->winner == 0 ? ds : b->winner == 1 ? as : -1;
    double men[2], cas[2], model[2];
    men[as] = att.men;
    men[ds] = def.men;
    cas[as] = b->attacker.casualties;
    cas[ds] = b->defender.casualties;
    model[as] = res.casualties[HK_COMBAT_ATTACKER];
    model[ds] = res.casualties[HK_COMBAT_DEFENDER];
    int c = campaign_of(s, bi);
    if (c >= 0) {
        w->campaign_cas[c][0] += model[0];
        w->campaign_cas[c][1] += model[1];
        w->campaign_days[c] += res.days;
    }
    battle_consequences(w, loser, men[HK_SIDE_JPN], men[HK_SIDE_SOV],
                        cas[HK_SIDE_JPN] >= 0 ? cas[HK_SIDE_JPN] : model[HK_SIDE_JPN],
                        cas[HK_SIDE_SOV] >= 0 ? cas[HK_SIDE_SOV] : model[HK_SIDE_SOV], true, bi, b->sector);
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch, "%s: %.0f men attack %.0f.", b->name ? b->name : b->id,
                 att.men, def.men);
    hk_world_emit(w, b->start, "battle", b->id, actors, 2, w->scratch, b->source.text);
    if (hk_world_logging(w)) {
        char rec[2][64];
        recorded_text(b, as, cas, rec);
        snprintf(w->scratch, sizeof w->scratch,
                 "%s ends: %s. Recorded casualties: Japanese side %s, Soviet side %s; the combat model gives "
                 "%.0f and %.0f over %d day%s.",
                 b->name ? b->name : b->id,
                 b->winner < 0 ? "a draw" : loser == HK_SIDE_JPN ? "the Japanese side is beaten" : "the Soviet side is beaten",
                 rec[HK_SIDE_JPN], rec[HK_SIDE_SOV], model[HK_SIDE_JPN], model[HK_SIDE_SOV], res.days,
                 res.days == 1 ? "" : "s");
    }
    hk_world_emit(w, hk_date_is_set(b->end) ? b->end : b->start, "battle_result", b->id, actors, 2, w->scratch,
                  b->source.text);
}

/* The end of a campaign: the model's casualties are those of its engagements
 * plus the days they leave out, fought by what is left of the two sides with
 * the campaign's attacker attacking; so the whole is never below the sum of
 * its parts. Politics has already reacted to the engagements. */
static void close_campaign(hk_world *w, hk_rng *r, int bi)
{
    const hk_scenario *s = w->s;
    const hk_battle *b = &s->battles[bi];
    int as, ds;
    hk_combat_side att, def;
    battle_sides(w, b, &as, &ds, &att, &def);
    int total_days = days_between(b->start, b->end);
    int rest = total_days - w->campaign_days[bi];
    double parts[2] = {w->campaign_cas[bi][0], w->campaign_cas[bi][1]};
    double extra[2] = {0, 0};
    int extra_days = 0;
    att.men = fmax(0, att.men - parts[as]);
    def.men = fmax(0, def.men - parts[ds]);
    if (rest > 0 && att.men > 0 && def.men > 0) {
        hk_combat_result res;
        fight(w, r, b->sector, &att, &def, as, b->terrain, rest, &res);
        extra[as] = res.casualties[HK_COMBAT_ATTACKER];
        extra[ds] = res.casualties[HK_COMBAT_DEFENDER];
        extra_days = res.days;
    }
    double model[2] = {parts[0] + extra[0], parts[1] + extra[1]};
    double cas[2];
    cas[as] = b->attacker.casualties;
    cas[ds] = b->defender.casualties;
    int loser = b->winner == 0 ? ds : b->winner == 1 ? as : -1;
    /* outcomes only (the largest battle, a major loss): the engagements have
     * already moved politics, the whole must not count them twice */
    double men[2];
    men[as] = b->attacker.men;
    men[ds] = b->defender.men;
    double biggest = fmax(men[0], men[1]);
    if (biggest > w->largest_battle) {
        w->largest_battle = biggest;
        w->out.major_battle_casualties[HK_SIDE_JPN] = cas[HK_SIDE_JPN] >= 0 ? cas[HK_SIDE_JPN] : model[HK_SIDE_JPN];
        w->out.major_battle_casualties[HK_SIDE_SOV] = cas[HK_SIDE_SOV] >= 0 ? cas[HK_SIDE_SOV] : model[HK_SIDE_SOV];
    }
    int y = hk_month_year(w->month);
    if (biggest >= P(w, BATTLE_MAJOR_MEN)) {
        if (y >= 1937 && y <= 1940)
            w->out.major_border_battle_1937_1940 = true;
        if (loser == HK_SIDE_JPN)
            w->out.japan_loses_major_border_battle = true;
    }
    int actors[2] = {b->attacker.actor, b->defender.actor};
    if (hk_world_logging(w)) {
        char rec[2][64];
        recorded_text(b, as, cas, rec);
        snprintf(w->scratch, sizeof w->scratch,
                 "%s ends after %d days: %s. Recorded casualties: Japanese side %s, Soviet side %s. The combat "
                 "model gives %.0f and %.0f in all: %.0f and %.0f in the engagements fought before, and %.0f and "
                 "%.0f in %d further day%s of fighting by what was left of the two sides.",
                 b->name ? b->name : b->id, total_days,
                 b->winner < 0 ? "a draw" : loser == HK_SIDE_JPN ? "the Japanese side is beaten" : "the Soviet side is beaten",
                 rec[HK_SIDE_JPN], rec[HK_SIDE_SOV], model[HK_SIDE_JPN], model[HK_SIDE_SOV], parts[HK_SIDE_JPN],
                 parts[HK_SIDE_SOV], extra[HK_SIDE_JPN], extra[HK_SIDE_SOV], extra_days, extra_days == 1 ? "" : "s");
    }
    hk_world_emit(w, b->end, "battle_result", b->id, actors, 2, w->scratch, b->source.text);
}

/* A month of general war: the fronts meet with half of each army. */
static void war_month(hk_world *w, hk_rng *r)
{
    const hk_scenario *s = w->s;
    int a = w->war_opener, d = 1 - a;
    double men[2] = {w->jpn_men, w->sov_men};
    double tanks[2] = {0, 0}, guns[2] = {0, 0}, air[2] = {0, 0};
    for (int f = 0; f < s->n_formations; f++) {
        int side = w->form_side[f];
        if (side < 0)
            continue;
        tanks[side] += w->formation[f].tanks;
        guns[side] += w->formation[f].guns;
        air[side] += w->formation[f].aircraft;
    }
    hk_combat_side att = {.men = men[a] * 0.5, .tanks = tanks[a] * 0.5, .guns = guns[a] * 0.5,
                          .aircraft = air[a] * 0.5, .quality = 1, .supply_km = 300};
    hk_combat_side def = {.men = men[d] * 0.5, .tanks = tanks[d] * 0.5, .guns = guns[d] * 0.5,
                          .aircraft = air[d] * 0.5, .quality = 1, .supply_km = 150,
                          .posture = HK_POSTURE_HASTY}; /* a front too long to hold everywhere */
    hk_combat_result res;
    fight(w, r, -1, &att, &def, a, HK_TERRAIN_PLAIN, 30, &res);
    w->battles_month++;
    w->war_losses[a] += res.casualties[HK_COMBAT_ATTACKER];
    w->war_losses[d] += res.casualties[HK_COMBAT_DEFENDER];
    double lost = res.casualties[0] + res.casualties[1];
    double total = att.men + def.men;
    w->exhaustion += total > 0 ? 4.0 * lost / total : 0;
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "A month of general war: the %s offensive costs the attacker %.0f and the defender %.0f men.",
                 a == HK_SIDE_JPN ? "Japanese" : "Soviet", res.casualties[0], res.casualties[1]);
    hk_world_emit2(w, "battle", "general_war", a == HK_SIDE_JPN ? s->jpn : s->sov,
                   a == HK_SIDE_JPN ? s->sov : s->jpn, w->scratch, SRC_MODEL("battles-war"));
}

void hk_battles_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    hk_rng r = hk_world_stream(w, HK_STREAM_BATTLES);
    w->battles_month = 0;
    if (w->mode == HK_MODE_REPLAY) {
        for (int b = 0; b < s->n_battles; b++)
            if (hk_date_month(s->battles[b].start) == w->month)
                replay_battle(w, &r, b);
        for (int b = 0; b < s->n_battles; b++)
            if (hk_date_is_set(s->battles[b].end) && hk_date_month(s->battles[b].end) == w->month &&
                is_campaign(s, b))
                close_campaign(w, &r, b);
    } else {
        for (int i = 0; i < w->n_pending; i++)
            simulate_battle(w, &r, &w->pending[i]);
    }
    w->n_pending = 0;
    /* replay fights only the record's battles */
    if (w->war && w->mode == HK_MODE_SIMULATE)
        war_month(w, &r);
}
