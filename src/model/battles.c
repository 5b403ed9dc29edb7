/* battles.c — fighting the battles that incidents escalated (simulate) or
 * that the record holds (replay). General war is campaign.c's.
 *
 * Each battle is handed to the combat model with the forces near its sector
 * (a share of them: battle.commit), fought on the sector's battle ground
 * with each side's haul to it from its railhead (docs/model.md#battles-site);
 * the loser's hawks pay for it in politics next month. In
 * simulate a battle neither side broke off goes on as a border campaign:
 * each month both sides decide from the state whether to seek a ceasefire,
 * how much to reinforce and who attacks, and the campaign's totals are the
 * battle the outcomes read. docs/model.md#battles,
 * docs/model.md#battles-border-campaign. */
#include "model/battles.h"
#include "model/incidents.h"

#include "core/mathx.h"
#include "model/combat.h"

#include "model/assess.h"
#include "model/motor.h"
#include "model/movement.h"

#include "model/politics.h"
#include "world/actors.h"
#include "world/map.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* the USSR attacks once it has this share of the superiority it seeks */
#define SOVIET_READY 0.95

#include "model/system.h"

/* Where a sector's battles are fought, and each side's supply distance
 * there. The place is the battle ground both sides reach over their own
 * links with the least haul in all, where their lines meet (on the Khalkha,
 * Nomonhan, not the Soviet base at Tamsag-Bulak); the distances are the
 * lengths of those links from each side's nearest railhead, the way the
 * record measures them (record.yaml: Khalkhin Gol 650 km for the Soviet side
 * from Borzya, 001:137, and 240 km for the Japanese from Hailar;
 * Changkufeng 170 and 125). A sector without such ground (every region a
 * railhead town: the Ussuri, the Argun) is fought at its railheads, with the
 * world's distances (world.c). Returns the region, or -1. The routing is
 * world/map.c's (hk_map_battle_site); with the ground each side held in
 * 1918 it was worked out at load (compiled.c). */
static int find_battle_site(const hk_world *w, int sec, double km[2])
{
    const hk_scenario *s = w->s;
    if (sec >= 0 && sec < s->n_sectors) {
        km[0] = w->c->supply_km[sec][0];
        km[1] = w->c->supply_km[sec][1];
    } else {
        km[0] = km[1] = 0.0;
        return -1;
    }
    hk_regions own[2] = {0, 0};
    for (int r = 0; r < s->n_regions; r++)
        for (int side = 0; side < 2; side++)
            if (hk_world_own_ground(w, r, side))
                own[side] |= HK_REGION_BIT(r);
    if (sec < HK_MAX_SECTORS && own[0] == w->c->site_own[0] && own[1] == w->c->site_own[1]) {
        int site = w->c->site[sec];
        if (site >= 0) {
            km[0] = w->c->site_km[sec][0];
            km[1] = w->c->site_km[sec][1];
        }
        return site;
    }
    return hk_map_battle_site(s, sec, own, km);
}

_Static_assert(HK_MAX_SECTORS <= 8, "hk_world.battle_site_known holds a bit a sector");

/* find_battle_site, worked out once a run for each sector: routing over
 * the map on every engagement cost a tenth of a run's instructions. */
static int battle_site(hk_world *w, int sec, double km[2])
{
    if (sec < 0 || sec >= w->s->n_sectors || sec >= HK_MAX_SECTORS)
        return find_battle_site(w, sec, km);
    unsigned bit = 1u << sec;
    if (!(w->battle_site_known & bit)) {
        w->battle_site[sec] = (int16_t)find_battle_site(w, sec, w->battle_km[sec]);
        w->battle_site_known |= (uint8_t)bit;
    }
    km[0] = w->battle_km[sec][0];
    km[1] = w->battle_km[sec][1];
    return w->battle_site[sec];
}

static double battle_supply_km(hk_world *w, int sec, int side)
{
    double km[2];
    battle_site(w, sec, km);
    return km[side];
}

bool hk_battles_site_km(const hk_world *w, int sec, double km[2])
{
    /* read the memo when battles has worked it out, else work it out without
     * keeping it (the memo is battles' own state) */
    if (sec >= 0 && sec < w->s->n_sectors && sec < HK_MAX_SECTORS && ((w->battle_site_known >> sec) & 1u)) {
        km[0] = w->battle_km[sec][0];
        km[1] = w->battle_km[sec][1];
        return true;
    }
    find_battle_site(w, sec, km);
    return false;
}

/* The regions whose formations can reach sector sec's battle ground for a
 * side: within forces.near_km of it by the side's own links (of the sector's
 * own regions where it has no battle ground), given the site. Changkufeng
 * drew the 19th Division from Chongjin, 125 km off, and the Primorye group's
 * corps from Nikolsk, 280 km off, not the Kwantung Army's eastern front 515
 * km away at Mudanjiang. Manchukuo's borders are Japan's to guard only once
 * Manchuria is held. */
static hk_regions reach_regions(const hk_world *w, int sec, int side, int site)
{
    const hk_scenario *s = w->s;
    if (sec < 0 || sec >= s->n_sectors || s->n_regions > HK_MAP_SITE_MAX_REGIONS)
        return 0;
    if (side == HK_SIDE_JPN && !w->manchuria_seized && hk_movement_manchurian_sector(w, sec))
        return 0;
    hk_regions from = 0, own = 0, out = 0;
    for (int r = 0; r < s->n_regions; r++) {
        if (site >= 0 ? r == site : s->regions[r].sector == sec)
            from |= HK_REGION_BIT(r);
        if (hk_world_own_ground(w, r, side))
            own |= HK_REGION_BIT(r);
    }
    double dist[HK_MAP_SITE_MAX_REGIONS];
    hk_map_routes(s, from, own | from, own | from, dist);
    double near = P(w, FORCES_NEAR_KM);
    for (int r = 0; r < s->n_regions; r++)
        if (dist[r] <= near)
            out |= HK_REGION_BIT(r);
    return out;
}

/* The forces of a side standing in a set of regions. */
static hk_side_forces forces_in(hk_world *w, hk_regions regions, int side)
{
    hk_side_forces out = {0};
    hk_movement_formations(w);
    for (int f = 0; f < w->s->n_formations; f++) {
        const hk_formation_state *fs = &w->formation[f];
        if (w->c->form_side[f] != side || fs->region < 0 || fs->men <= 0 || !(regions & HK_REGION_BIT(fs->region)))
            continue;
        out.men += fs->men;
        out.tanks += fs->tanks;
        out.guns += fs->guns;
        out.aircraft += fs->aircraft;
    }
    return out;
}

/* The reach and the routes depend on the map and on who holds what: kept
 * while the regions stay in the same hands. */
static void reach_follow_control(hk_world *w)
{
    _Static_assert(2 * HK_MAX_SECTORS <= 16, "hk_world.reach_known holds a bit a sector and side");
    if (memcmp(w->reach_control, w->control, sizeof w->control) != 0) {
        memcpy(w->reach_control, w->control, sizeof w->control);
        w->reach_known = 0;
        w->route_known = 0;
        w->reach_forces_known = 0;
    }
}

/* The most men a month a side can bring from its railheads to sector
 * sec's battle ground over its own ground: the capacity of the narrowest
 * link of its widest route there (links.yaml: the Borzya-Khalkhin Gol road
 * 25,000 a month, the pace at which the 1st Army Group was built up to
 * 57,000 by trucks from the railhead at Borzya, 001:137, 001:145; the
 * Hailar road to Nomonhan 17,000, what the Kwantung Army's 1,000 trucks
 * carried over 240 km at the Soviet 4,000 trucks' pace over 650 km; the
 * roads to the Changkufeng heights 15,000). 0 where the sector has no battle ground off its railheads (the
 * Ussuri, the Argun: fought at the railway itself) or no route reaches it. */
static double route_capacity(hk_world *w, int sec, int side)
{
    const hk_scenario *s = w->s;
    double km[2];
    int site = battle_site(w, sec, km);
    if (site < 0 || sec >= HK_MAX_SECTORS || s->n_regions > HK_MAX_REGIONS)
        return 0.0;
    reach_follow_control(w);
    unsigned bit = 1u << (2 * sec + side);
    if (!(w->route_known & bit)) {
        hk_regions rail = 0, own = HK_REGION_BIT(site);
        for (int r = 0; r < s->n_regions; r++)
            if (hk_world_own_ground(w, r, side)) {
                own |= HK_REGION_BIT(r);
                if (s->regions[r].railhead)
                    rail |= HK_REGION_BIT(r);
            }
        double cap[HK_MAX_REGIONS];
        hk_map_widest(s, rail, own, cap);
        w->route_cap[sec][side] = isfinite(cap[site]) && cap[site] > 0 ? cap[site] : 0.0;
        w->route_known |= (uint16_t)bit;
    }
    return w->route_cap[sec][side];
}

/* What a side can commit to a battle on a sector: the men, tanks, guns and
 * aircraft of its formations within reach of the battle ground. */
static hk_side_forces within_reach(hk_world *w, int sec, int side)
{
    hk_side_forces none = {0};
    if (sec < 0 || sec >= w->s->n_sectors ||
        (side == HK_SIDE_JPN && !w->manchuria_seized && hk_movement_manchurian_sector(w, sec)))
        return none;
    double km[2];
    int site = battle_site(w, sec, km);
    /* the reach depends on the map and on who holds what: kept while the
     * regions stay in the same hands (the site is the run's, battle_site) */
    reach_follow_control(w);
    unsigned bit = 1u << (2 * sec + side);
    if (!(w->reach_known & bit) || w->reach_site[sec][side] != site) {
        w->reach[sec][side] = reach_regions(w, sec, side, site);
        w->reach_site[sec][side] = (int16_t)site;
        w->reach_known |= (uint16_t)bit;
        w->reach_forces_known &= (uint16_t)~bit;
    }
    /* the forces there, once a step: a campaign's month asks several times */
    if (!(w->reach_forces_known & bit)) {
        w->reach_forces[sec][side] = forces_in(w, w->reach[sec][side], side);
        w->reach_forces_known |= (uint16_t)bit;
    }
    return w->reach_forces[sec][side];
}

/* The terrain of the sector's battle site, else of its first region. */
static hk_terrain sector_terrain(const hk_world *w, int sec)
{
    /* read battles' memo when it has the site, else work it out without
     * keeping it: incidents asks too, and the memo is battles' own state */
    double km[2];
    int site = sec < HK_MAX_SECTORS && ((w->battle_site_known >> sec) & 1u) ? w->battle_site[sec]
                                                                            : find_battle_site(w, sec, km);
    if (site >= 0)
        return w->s->regions[site].terrain;
    /* the sector's first region's (compiled.c) */
    return sec >= 0 && sec < w->s->n_sectors && sec < HK_MAX_SECTORS ? w->c->sector_terrain[sec] : HK_TERRAIN_STEPPE;
}

/* Whether sector sec's battle ground is on the steppe: from the scenario
 * (compiled.c) when every place its battles can be fought agrees, so that
 * incidents asks without routing; by the site itself only when they differ. */
static bool sector_on_steppe(const hk_world *w, int sec)
{
    int8_t k = sec < HK_MAX_SECTORS ? w->c->sector_steppe[sec] : -1;
    return k >= 0 ? k == 1 : sector_terrain(w, sec) == HK_TERRAIN_STEPPE;
}

/* The sector's battle ground as far as the memo knows it, else as worked
 * out at load (compiled.c): asked every month by incidents, without routing. */
static int known_site(const hk_world *w, int sec)
{
    if (sec < 0 || sec >= w->s->n_sectors || sec >= HK_MAX_SECTORS)
        return -1;
    return ((w->battle_site_known >> sec) & 1u) ? w->battle_site[sec] : w->c->site[sec];
}

int hk_battles_initiative(const hk_world *w, int sec)
{
    int site = known_site(w, sec);
    int claim = site >= 0 ? w->s->regions[site].claimed_by : -1;
    if (claim < 0)
        return HK_SIDE_JPN; /* no claim against the holder: the field officers' own initiative */
    int side = hk_world_side(w, claim);
    if (side != HK_SIDE_JPN && side != HK_SIDE_SOV)
        return -1;
    /* the claimant moves onto ground the other side holds; on ground it
     * holds itself, or that neither holds, nobody has a claim to press */
    if (hk_world_own_ground(w, site, side) || !hk_world_own_ground(w, site, 1 - side))
        return -1;
    return side;
}

/* Whether the USSR defends sector sec from fortified works: on its own
 * border, where the battle ground is the railway line itself (no disputed
 * ground off the railheads: the Ussuri, the Argun), the fortified regions
 * built from 1932 covered the rail approaches, Grodekovo facing
 * Pogranichnaya, the Daurian region at Otpor facing Manchuli (runov2008);
 * the disputed heights and steppe off the railheads (Changkufeng, the
 * Khalkha) had none. */
static bool soviet_works(const hk_world *w, int sec, int def)
{
    return def == HK_SIDE_SOV && sec >= 0 && sec < w->s->n_sectors && w->s->sectors[sec].side[1] == w->s->sov &&
           known_site(w, sec) < 0;
}

double hk_battles_attack_odds(const hk_world *w, int sec)
{
    if (!soviet_works(w, sec, HK_SIDE_SOV))
        return 1.0;
    /* the combat model's defence multipliers (docs/combat.md): prepared
     * positions against fortified works */
    const double *post = w->combat.posture;
    return post[HK_POSTURE_FORTIFIED] > 0 ? post[HK_POSTURE_PREPARED] / post[HK_POSTURE_FORTIFIED] : 1.0;
}

/* The months of the year (bit k: month k + 1) from `first` to `last`, a
 * span that may run over the turn of the year. */
static uint16_t months_of(double first, double last)
{
    uint16_t mask = 0;
    for (int m = 1; m <= 12; m++)
        if (hk_mon_in_span(m, hk_round_int(first), hk_round_int(last)))
            mask |= (uint16_t)(1u << (m - 1));
    return mask;
}

/* The campaigning season's and the winter's months, from the run's
 * parameters: asked every month, worked out once. */
void hk_battles_start(hk_world *w)
{
    w->season_mons = months_of(P(w, BATTLE_SEASON_FIRST), P(w, BATTLE_SEASON_LAST));
    w->winter_mons = months_of(P(w, BATTLE_WINTER_FIRST), P(w, BATTLE_WINTER_LAST));
    w->season_count = (uint8_t)__builtin_popcount(w->season_mons);
    w->claim_sites = 0;
    for (int i = 0; i < w->s->n_sectors && i < HK_MAX_SECTORS; i++)
        if (w->c->site[i] >= 0 && w->s->regions[w->c->site[i]].claimed_by >= 0)
            w->claim_sites |= (uint8_t)(1u << i);
}

unsigned hk_battles_claimed(const hk_world *w)
{
    unsigned known = w->battle_site_known, mask = w->claim_sites & ~known;
    for (int i = 0; known >> i; i++)
        if (((known >> i) & 1u) && w->battle_site[i] >= 0 && w->s->regions[w->battle_site[i]].claimed_by >= 0)
            mask |= 1u << i;
    return mask;
}

bool hk_battles_winter_halts(const hk_world *w, int sec)
{
    if (sec < 0 || sec >= w->s->n_sectors)
        return false;
    /* the season runs over the turn of the year (November to March) */
    bool winter = (w->winter_mons >> (hk_month_mon(w->month) - 1)) & 1u;
    /* the whole border, not the steppe alone: the Amur, the Ussuri and the
     * Argun freeze in the same months, and every battle and campaign of
     * the record on it was fought between May and September (Kanchazu in
     * June 1937, Changkufeng in July and August 1938, Nomonhan from May to
     * September 1939: cdb90, isqno 256-260; 001:49); its winter clashes
     * stayed clashes (Halhamiao, January 1935) */
    return winter;
}

bool hk_battles_in_season(const hk_world *w, int sec)
{
    if (sec < 0 || sec >= w->s->n_sectors)
        return false;
    /* the months after the thaw has dried the roads and the rivers' ice has
     * gone, before the freeze: every battle of the record on the border was
     * fought in them (Kanchazu in June 1937, Changkufeng in July and August
     * 1938, Nomonhan from May to September 1939: cdb90, isqno 256-260), and
     * the armies that fought them planned for them (the fighting of 1939 was
     * to end before the winter, 001:147) */
    return (w->season_mons >> (hk_month_mon(w->month) - 1)) & 1u;
}

static int days_between(hk_date a, hk_date b)
{
    int months = hk_date_month(b) - hk_date_month(a);
    int d = months * 30 + ((b.day ? b.day : 15) - (a.day ? a.day : 1));
    return d < 1 ? 1 : d;
}

/* What a lost battle means for politics next month: the largest loss of the
 * month is the one the factions argue about. */
static void battle_politics(hk_world *w, int loser_side, double men_jpn, double men_sov, int fact, int sector)
{
    if (loser_side < 0)
        return;
    double loser_men = loser_side == HK_SIDE_JPN ? men_jpn : men_sov;
    double weight = hk_clamp(loser_men / 50000.0, 0.05, 1.0);
    if (weight >= w->lost_battle_weight) {
        w->lost_battle_side = loser_side;
        w->lost_battle_weight = weight;
        w->lost_battle_fact = fact;
        w->lost_battle_sector = sector;
    }
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
        w->tally.major_border_battle_1937_1940 = true;
    if (border && major && loser_side == HK_SIDE_JPN)
        w->tally.japan_loses_major_border_battle = true;
    if (border && biggest > w->largest_battle) {
        w->largest_battle = biggest;
        w->tally.major_battle_casualties[0] = cas_jpn;
        w->tally.major_battle_casualties[1] = cas_sov;
        w->border_campaign.largest = false; /* a larger battle has taken its place */
    }
    if (loser_side >= 0 && border && major)
        w->lost_major[loser_side] = true;
    battle_politics(w, loser_side, men_jpn, men_sov, fact, sector);
}

/* Whose army a side is, and how it fights: the combat model's national
 * loss factor (the Soviet side's army is the Russian group, the Japanese
 * side's the Japanese), and the Japanese army's refusal to surrender once
 * it is at war — in China, with the USSR, or in a border campaign with the
 * USSR, the undeclared war of divisions that Changkufeng and Khalkhin Gol
 * were, where the 23rd Division was destroyed in its positions (001:133,
 * 001:145) and where the combat model's fit meets the practice in all six
 * Japan–USSR engagements (docs/combat.md, "No surrender"). */
static bool soviet_bound(const hk_world *w, int sec);

static hk_combat_side armed(const hk_world *w, const hk_combat_side *in, int side, bool campaign, int sec)
{
    hk_combat_side s = *in;
    /* the Soviet side's army is the Russian group where Soviet troops fight
     * on it (a coalition counts as its first-named army, docs/combat.md);
     * an ally's army standing alone, as the Mongolian army did on the
     * Khalkha before the 1936 protocol bound the USSR to it (001:81),
     * is not Russian and takes the reference factor, as Manchukuo, Mongolia
     * and China do (docs/combat.md, "National loss factors") */
    bool ally_alone = side == HK_SIDE_SOV && sec >= 0 && sec < w->s->n_sectors && !soviet_bound(w, sec);
    s.nation = side == HK_SIDE_JPN ? HK_NATION_JPN : ally_alone ? HK_NATION_OTHER : HK_NATION_RUS;
    s.no_surrender = side == HK_SIDE_JPN && (w->china_war || w->war || campaign);
    /* a Japan with no hope left (no mediator, no decisive battle to win) is
     * days from surrender: its field armies no longer fight to the last
     * (in 1945 most of the Kwantung Army laid down its arms) */
    if (side == HK_SIDE_JPN && w->soviet_entry && !hk_assess_japan_hopes_mediation(w) &&
        !hk_assess_japan_hopes_decisive_battle(w))
        s.no_surrender = false;
    return s;
}

/* A border battle fought as its forces come into it. Neither side has its
 * whole commitment on the spot on the first day: the record's battles grew
 * from a first clash of a battalion or two (Changkufeng opened with 1,410
 * Japanese against 1,460 Soviet troops of the 8,000 and 20,000 who fought
 * there a week later, CDB90 256 and 258; Nomonhan with 1,300 against 1,228
 * of 30,000 and 57,000, CDB90 259 and 260). Each side brings its force
 * forward in battle.echelons equal echelons over the engagement's `days`,
 * echelon k arriving on day k·days/n whatever happened before it; each
 * stage is the combat model's engagement fought by what has come up less
 * what the stages before cost, up to the next arrival. A side whose line
 * broke in one stage is fed again by the next echelon, as the record's
 * commanders fed theirs; the battle stops early only when a side has no
 * one left. The result reads as one battle: casualties and losses summed,
 * its length in days to the end of its last stage, the last stage's winner
 * and break. docs/model.md#battles-echelons. */
static void resolve_in_echelons(hk_world *w, hk_rng *r, const hk_combat_side *att, const hk_combat_side *def,
                                hk_terrain terrain, int days, hk_combat_result *res)
{
    hk_combat_resolve_echelons(&w->combat, att, def, terrain, days, hk_round_int(P(w, BATTLE_ECHELONS)), r, res);
}

/* Fights a battle; `campaign` when it is an engagement of a border campaign.
 * A simulated border battle comes in echelons (resolve_in_echelons); a
 * recorded engagement is fought as the record gives its forces. */
static void fight(hk_world *w, hk_rng *r, int sec, const hk_combat_side *att_in,
                  const hk_combat_side *def_in, int att_side, hk_terrain terrain, int days,
                  hk_combat_result *res, bool campaign)
{
    hk_combat_side att = armed(w, att_in, att_side, campaign, sec), def = armed(w, def_in, 1 - att_side, campaign, sec);
    /* the refusal to surrender binds a force holding its ground, not one
     * sent forward: an attack that fails is called off (the Japanese
     * attacks of July 1939 across the Khalkha and on the east bank were
     * stopped after days, coox1985), as the general war's attacks are
     * (campaign.c) */
    att.no_surrender = 0;
    /* in a border campaign it binds men cut off, not a line with a way
     * back: the 23rd Division died in its positions once the Soviet
     * envelopment had closed behind it (001:145), while a beaten line with
     * its own border at its back falls back across it. So the defender
     * fights to the last only against an attack that envelops it
     * (campaign_envelops); otherwise it breaks off as an ordinary army
     * does. docs/model.md#battles-border-campaign */
    if (campaign && !att.envelop)
        def.no_surrender = 0;
    /* Its border at its back, a line falls back across it and only the men
     * a ring cuts off are bound (docs/combat.md). But the envelopment the
     * USSR plans with armour for both flanks (campaign_envelops: open
     * ground, more tanks than the line has to stop them, as many for its
     * men as the fronts need to exploit a breakthrough) is aimed at the
     * line's way back itself: its columns pass both flanks to meet behind
     * it, and a line whose practice forbids withdrawal without orders is
     * still in its positions when they meet. It fights there as a garrison
     * with no way back. The 23rd Division, held on the east bank of the
     * Khalkha, was cut off by the pincers that met behind it at Nomonhan
     * and devastated in its positions (001:145); the Japanese side's loss
     * over the campaign, 18,000-20,000 (001:135), is a garrison's share of
     * the 6th Army's 30,000, not a line's (cdb90, isqno 260). */
    def.way_back = campaign && !att.envelop;
    if (w->mode == HK_MODE_SIMULATE)
        resolve_in_echelons(w, r, &att, &def, terrain, days, res);
    else
        hk_combat_resolve(&w->combat, &att, &def, terrain, days, r, res);
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
        double big = att.men > def.men ? att.men : def.men;
        double size = big / P(w, BATTLE_MAJOR_MEN);
        w->sector_battle_size[sec] += size < 1.0 ? size : 1.0;
        w->battles_dirty = true;
    }
}

/* ---- border campaigns (simulate) -------------------------------------------
 * A border battle that neither side broke off is fought on month by month:
 * each side decides from the state whether to seek a ceasefire, whether to
 * reinforce and whether to attack. docs/model.md#battles-border-campaign. */

static const char *sector_label(const hk_world *w, int sec)
{
    const hk_sector *sc = &w->s->sectors[sec];
    return sc->name ? sc->name : sc->id;
}

/* The Japanese army that holds a sector: the Kwantung Army on Manchukuo's
 * borders, the Korea Army on Korea's own (the Tumen mouth, where its 19th
 * Division fought at Changkufeng in 1938: cdb90, isqno 256 and 258). */
const char *hk_battles_japanese_army(const hk_world *w, int sec)
{
    const hk_scenario *s = w->s;
    if (sec >= 0 && sec < s->n_sectors && s->sectors[sec].side[0] == s->jpn)
        return "Korea Army";
    return "Kwantung Army";
}

/* Tokyo's restraint on the Kwantung Army: the war in China draws on the
 * Army (000:35) and a pact with the USSR binds the field armies too
 * (001:175); the same restraints the incidents see. */
static double tokyo_restraint(const hk_world *w)
{
    return P(w, INCIDENT_CHINA_RESTRAINT) * w->china_war +
           P(w, INCIDENT_PACT_RESTRAINT) * hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality);
}

/* The USSR fights for its own border, and for an ally's only while a
 * mutual-assistance treaty binds it to (the 1936 protocol with Mongolia,
 * 001:83); otherwise the ally's army stands alone. */
static bool soviet_bound(const hk_world *w, int sec)
{
    int actor = w->s->sectors[sec].side[1];
    return actor == w->s->sov || hk_treaty_binds(w, w->c->roles.sov_mgl_assistance);
}

/* The Soviet side of sector sec as the text names it: "the Soviet side",
 * or the ally's own army where it stands alone ("the Mongolian People's
 * Republic's army"); `bare` drops a leading article, `cap` capitalises it
 * for the start of a sentence. */
static const char *other_side(const hk_world *w, int sec, char *buf, size_t n, bool bare, bool cap)
{
    const char *ally = soviet_bound(w, sec) ? NULL : hk_actor_name_at(w, w->s->sectors[sec].side[1], w->month);
    if (ally)
        snprintf(buf, n, "%s's army", ally);
    else
        snprintf(buf, n, "the Soviet side");
    if (bare && strncmp(buf, "the ", 4) == 0)
        memmove(buf, buf + 4, strlen(buf + 4) + 1);
    if (cap && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return buf;
}

/* Europe at war, or Germany and the USSR bound by a pact: quiet on the
 * border is worth more to both (001:147, 001:151). A campaign's month is
 * decided at its start, on what both governments know then: news from
 * Europe weighs from the month after it came. The pact of 23 August 1939
 * came three days after the Soviet offensive had begun, and the 6th Army,
 * formed on 4 August, was still fighting and being fed; Tokyo turned to a
 * ceasefire in September (001:147; coox1985). */
static bool europe_presses(const hk_world *w)
{
    static const int effects[] = {HK_EFFECT_EUROPE_WAR, HK_EFFECT_GER_SOV_PACT, HK_EFFECT_GER_SOV_WAR};
    for (size_t i = 0; i < sizeof effects / sizeof effects[0]; i++)
        if (hk_flag(w, effects[i]) && w->flag_since[effects[i]] != HK_MONTH_NONE && w->flag_since[effects[i]] < w->month)
            return true;
    return false;
}

/* What of Europe presses for quiet, as a ceasefire's reason says it: the
 * war once it has begun (1939-09-01), before it the German-Soviet pact
 * (signed 1939-08-23, 001:147) */
static bool europe_at_war_known(const hk_world *w)
{
    hk_month a = hk_flag(w, HK_EFFECT_EUROPE_WAR) ? w->flag_since[HK_EFFECT_EUROPE_WAR] : HK_MONTH_NONE;
    hk_month b = hk_flag(w, HK_EFFECT_GER_SOV_WAR) ? w->flag_since[HK_EFFECT_GER_SOV_WAR] : HK_MONTH_NONE;
    return (a != HK_MONTH_NONE && a < w->month) || (b != HK_MONTH_NONE && b < w->month);
}

static const char *europe_reason(const hk_world *w)
{
    if (!europe_presses(w))
        return "";
    return europe_at_war_known(w) ? ", Europe at war" : ", Germany and the USSR at peace by a pact";
}

double hk_battles_ceasefire_pressure(const hk_world *w, int side)
{
    const hk_border_campaign *c = &w->border_campaign;
    if (side == HK_SIDE_SOV && !soviet_bound(w, c->sector))
        return 1.0;
    double lost = c->peak[side] > 0 ? c->cas[side] / c->peak[side] : 0.0;
    double p = lost + P(w, CAMPAIGN_QUIET) * europe_presses(w) + c->months / hk_fmax(P(w, CAMPAIGN_PATIENCE), 1.0);
    /* the border's winter: a campaign that can be neither fed nor fought in
     * the deep cold is worth a ceasefire to both governments, who meant to
     * end the fighting of 1939 before the winter (001:147); so is one out of
     * the campaigning season, which can be fed but not fought (the
     * ceasefire came on 15 September 1939, after the August offensive) */
    if (hk_battles_winter_halts(w, c->sector) || !hk_battles_in_season(w, c->sector))
        p += 1.0;
    /* Tokyo's wish for quiet grows with the reasons it has to restrain the
     * Kwantung Army: the war in China, a pact with the USSR */
    if (side == HK_SIDE_JPN)
        p += tokyo_restraint(w);
    return hk_clamp(p, 0.0, 1.0);
}

/* The men the USSR could commit: its share of the theatre army (what
 * stands behind the other borders stays there), as far as Moscow means to
 * fight for the ground. */
static double soviet_available(const hk_world *w)
{
    return P(w, CAMPAIGN_THEATRE_SHARE) * w->sov_men * hk_assess_soviet_resolve(w);
}

/* The men the Japanese side could commit. Tokyo keeps a border war local:
 * the Kwantung Army fights it with the forces that face the sector (those
 * within reach of its battle ground), and draws on the rest of its share of
 * the theatre only as far as its officers act on their own, their autonomy
 * while their licence lasts (campaign_decide). At Nomonhan the General
 * Staff held to non-expansion and the 6th Army's 30,000 met the 1st Army
 * Group's 57,000, which had been built up over a 650 km haul (001:133,
 * 001:137, 001:145; cdb90, isqno 260): the side with the shorter haul did not
 * outbuild the other, because it was not let. */
static double japanese_available(hk_world *w)
{
    const hk_border_campaign *c = &w->border_campaign;
    double share = P(w, CAMPAIGN_THEATRE_SHARE) * w->jpn_men;
    double local = hk_fmin(within_reach(w, c->sector, HK_SIDE_JPN).men, share);
    double licence = hk_fmax(0.0, 1.0 - (double)c->months / hk_fmax(P(w, CAMPAIGN_LICENCE_MONTHS), 1.0));
    return local + hk_clamp(w->autonomy * licence, 0.0, 1.0) * (share - local);
}

static double campaign_available(hk_world *w, int side)
{
    return side == HK_SIDE_SOV ? soviet_available(w) : japanese_available(w);
}

/* Men a side can bring forward in a month: what its route from the
 * railhead to the battle ground carries (route_capacity), the trucks on the
 * road and not the distance alone deciding it; where the battle is fought
 * at the railway itself, campaign.lift over the supply distance (from a
 * railhead on the border the men still march some 100 km, a few days).
 * On an ally's ground (the Khalkha, Mongolia's) the road carries the
 * Soviet side's men only as far as its trucks there do: those of the men
 * it keeps stationed there and those Moscow rails in while it is losing
 * (motor.c; the 1st Army Group's 4,000 trucks of August 1939 were gathered
 * during the fighting, 001:137, 001:145). */
static double sector_lift(hk_world *w, int sec, int side)
{
    double cap = route_capacity(w, sec, side);
    if (!(cap > 0))
        return P(w, CAMPAIGN_LIFT) / hk_fmax(battle_supply_km(w, sec, side), 100.0);
    if (side == HK_SIDE_SOV && w->s->sectors[sec].side[1] != w->s->sov) {
        /* what the campaign there needs brought up: the men the USSR lacks
         * on the line for the superiority it keeps over the Japanese men
         * there (soviet.threat_ratio, its aim in campaign_month) */
        const hk_border_campaign *c = &w->border_campaign;
        double lack = c->active && c->sector == sec
                          ? P(w, SOVIET_THREAT_RATIO) * c->men[HK_SIDE_JPN] - c->men[HK_SIDE_SOV]
                          : 0.0;
        return hk_fmin(cap, hk_motor_lift(w, sec, soviet_bound(w, sec), cap, lack));
    }
    return cap;
}

static double campaign_lift(hk_world *w, int side) { return sector_lift(w, w->border_campaign.sector, side); }

/* Brings a side toward `want` men, within its lift and what it has; the
 * weapons come with the men in the proportions of the forces facing the
 * sector. Returns the men added. */
static double campaign_reinforce(hk_world *w, int side, double want)
{
    hk_border_campaign *c = &w->border_campaign;
    double room = hk_fmin(want - c->men[side], hk_fmin(campaign_lift(w, side), campaign_available(w, side) - c->men[side]));
    if (!(room > 0))
        return 0.0;
    hk_movement_formations(w); /* the sector's weapons, given when read */
    const hk_side_forces *f = &w->sector_forces[c->sector][side];
    double k = f->men > 0 ? room / f->men : 0.0;
    c->men[side] += room;
    c->tanks[side] += f->tanks * k;
    c->guns[side] += f->guns * k;
    c->aircraft[side] += f->aircraft * k;
    if (c->men[side] > c->peak[side])
        c->peak[side] = c->men[side];
    return room;
}

/* What a side's air arm can add to a border campaign in a month, and
 * the most it sends there: where its railhead is within reach of the
 * battle ground (its haul there no longer than forces.near_km), its air
 * arm flies to the fields on the railway there and fights from them at
 * once, its fuel and bombs coming by rail. The Kwantung Army's air units
 * were the Army's, not its divisions': the 2nd Air Division moved its
 * regiments to the fields about Hailar, 240 km from the Khalkha, within
 * weeks of the first clash of May 1939, some 200 aircraft by June, and
 * held the air until July (coox1985). Beyond that reach the fields at the
 * front are stocked over the road, and the aircraft come no faster than
 * campaign.air_flyin of all the side's a month (the VVS in Mongolia, 650
 * km of road from Borzya, grew from 80 aircraft in May 1939 to 515 in
 * August, forces.yaml). At most campaign.arms_share of all its
 * formations' aircraft go, and at least those based within reach of the
 * battle ground join at once (the Kwantung Army's western air units, the
 * 57th Special Corps' regiments). */
static void air_arm(hk_world *w, int side, double *step, double *most, double *near)
{
    const hk_border_campaign *c = &w->border_campaign;
    double theatre = forces_in(w, ~(hk_regions)0, side).aircraft;
    bool based = battle_supply_km(w, c->sector, side) <= P(w, FORCES_NEAR_KM);
    *step = (based ? 1.0 : hk_clamp(P(w, CAMPAIGN_AIR_FLYIN), 0.0, 1.0)) * theatre;
    *most = P(w, CAMPAIGN_ARMS_SHARE) * theatre;
    *near = within_reach(w, c->sector, side).aircraft;
}

/* A side that fights on concentrates its theatre's mobile arms on the
 * battle ground, not only the tanks and aircraft of the men it brings up
 * from the sector: the Kwantung Army had 120 of its 200 tanks and 200 of its
 * 560 aircraft at Khalkhin Gol in August 1939 (forces.yaml, CDB90 260). It
 * draws tanks and aircraft toward the ratio it seeks in men over the enemy's
 * (`ratio`), from at most campaign.arms_share of all its formations'. Tanks
 * come by road: in a month no larger a share of them than its lift is of
 * its theatre's men. Aircraft fly in (air_arm), and the ratio is sought
 * over the air the enemy can have over the battle ground within the month,
 * what it has there and what its air arm can add (the Kwantung Army's air
 * staff answered the VVS's build-up in Mongolia as it came, coox1985), not
 * over what it has at the month's start alone. The side ahead draws
 * nothing more. */
static void campaign_arms(hk_world *w, int side, double ratio)
{
    hk_border_campaign *c = &w->border_campaign;
    double pool = side == HK_SIDE_JPN ? w->jpn_men : w->sov_men;
    if (!(pool > 0))
        return;
    hk_side_forces all = forces_in(w, ~(hk_regions)0, side);
    double road = hk_fmin(1.0, campaign_lift(w, side) / pool), share = P(w, CAMPAIGN_ARMS_SHARE);
    double air_step, air_most, air_near, e_step, e_most, e_near;
    air_arm(w, side, &air_step, &air_most, &air_near);
    air_arm(w, 1 - side, &e_step, &e_most, &e_near);
    double e_air = c->aircraft[1 - side];
    e_air = hk_fmax(e_air, hk_fmin(e_air + e_step, hk_fmax(e_most, e_near)));
    double step[2] = {road * all.tanks, air_step};
    double *have[2] = {&c->tanks[side], &c->aircraft[side]};
    double enemy[2] = {c->tanks[1 - side], e_air};
    double most[2] = {share * all.tanks, air_most};
    double near[2] = {0.0, air_near};
    for (int k = 0; k < 2; k++) {
        double aim = hk_fmax(hk_fmin(ratio * enemy[k], most[k]), near[k]);
        double add = hk_fmin(aim - *have[k], hk_fmax(step[k], near[k] - *have[k]));
        if (add > 0)
            *have[k] += add;
    }
}

/* The campaign's standing in the outcomes: the largest border battle, a
 * major one begun in 1937-1940. Kept up to date each month so that a run
 * cut short reads the fighting so far. */
static void campaign_outcomes(hk_world *w)
{
    hk_border_campaign *c = &w->border_campaign;
    double biggest = hk_fmax(c->peak[0], c->peak[1]);
    if (c->sector >= 0 && c->sector < HK_MAX_SECTORS)
        w->tally.border_battle_men[c->sector] = hk_fmax(w->tally.border_battle_men[c->sector], biggest);
    if (c->largest || biggest > w->largest_battle) {
        w->largest_battle = hk_fmax(w->largest_battle, biggest);
        w->tally.major_battle_casualties[HK_SIDE_JPN] = c->cas[HK_SIDE_JPN];
        w->tally.major_battle_casualties[HK_SIDE_SOV] = c->cas[HK_SIDE_SOV];
        c->largest = true;
    }
    if (!c->major && biggest >= P(w, BATTLE_MAJOR_MEN)) {
        c->major = true;
        int y = hk_month_year(w->month);
        if (y >= 1937 && y <= 1940)
            w->tally.major_border_battle_1937_1940 = true;
    }
}

/* The border campaign's reasons and accounts are words for the text: made
 * only when it is written (an ensemble's runs write none). */
static void say(const hk_world *w, char *buf, size_t n, const char *fmt, ...)
{
    buf[0] = '\0';
    if (!hk_world_logging(w))
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* The end of a campaign: `loser` has lost it (the loser of the last
 * engagement, or at a ceasefire the side that does not hold its ground). A
 * major campaign lost teaches the lesson politics draws next month; each
 * engagement has already moved the factions. */
static void campaign_end(hk_world *w, int loser, bool ceasefire, const char *why)
{
    hk_border_campaign *c = &w->border_campaign;
    const hk_scenario *s = w->s;
    campaign_outcomes(w);
    if (c->major && loser == HK_SIDE_JPN)
        w->tally.japan_loses_major_border_battle = true;
    if (c->major && loser >= 0)
        w->lost_major[loser] = true;
    c->active = false;
    /* a ceasefire agreed after a major battle draws the disputed line: both
     * governments signed it and a commission marked it (Nomonhan, 15
     * September 1939, 001:147), and the ground a battle could grow from is
     * settled there. A skirmish's ceasefire settles nothing: the clashes
     * of 1935-1937 left the lines as disputed as before (001:49). */
    if (ceasefire && c->major && c->sector >= 0 && c->sector < HK_MAX_SECTORS)
        w->settled |= (uint8_t)(1u << c->sector);
    /* every man the campaign drew in still stands or is a casualty: the
     * casualties are counted against all the men it drew in over its
     * months, of whom at most the peak stood on the line at once */
    double drawn[2] = {hk_fmax(c->peak[0], c->men[0] + c->cas[0]), hk_fmax(c->peak[1], c->men[1] + c->cas[1])};
    char other[128], other_bare[128], lost_it[160];
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "The fighting on the %s ends after %d month%s, the opening battle and %d engagement%s after it: %s. %s "
                 "Casualties in all: Japanese side %.0f of the %.0f men it drew in, %s %.0f of %.0f (at most "
                 "%.0f and %.0f on the line at once).",
                 sector_label(w, c->sector), c->months, c->months == 1 ? "" : "s", c->engagements,
                 c->engagements == 1 ? "" : "s", why,
                 loser < 0 ? "Neither side has the better of it."
                 : loser == HK_SIDE_JPN
                     ? "The Japanese side has lost it."
                     : (snprintf(lost_it, sizeof lost_it, "%s has lost it.",
                                 other_side(w, c->sector, other, sizeof other, false, true)),
                        lost_it),
                 c->cas[HK_SIDE_JPN], drawn[HK_SIDE_JPN], other_side(w, c->sector, other_bare, sizeof other_bare, true, false),
                 c->cas[HK_SIDE_SOV], drawn[HK_SIDE_SOV], c->peak[HK_SIDE_JPN],
                 c->peak[HK_SIDE_SOV]);
    /* a ceasefire is a peace on the border; an end by rout or war is the
     * campaign's result */
    hk_world_event_facts(w, c->sector, drawn, c->cas, loser < 0 ? -1 : 1 - loser, 0);
    hk_world_emit2(w, ceasefire ? "peace" : "battle_result", s->sectors[c->sector].id, s->jpn, s->sov, w->scratch,
                   SRC_MODEL("battles-border-campaign"));
}

/* Opens a campaign on an undecided battle: both sides stay with what they
 * committed and what survived of it. */
static void campaign_open(hk_world *w, int sec, const hk_combat_side *js, const hk_combat_side *ss,
                          const double cas[2], const hk_combat_losses loss[2], int attacker, int loser, int mover)
{
    hk_border_campaign *c = &w->border_campaign;
    memset(c, 0, sizeof *c);
    c->active = true;
    c->sector = sec;
    c->began = w->month;
    c->opened_by = mover;
    c->last_loser = loser;
    /* only an attack that succeeds takes ground: a defence that holds
     * leaves the line as disputed as before */
    c->holder = loser >= 0 && loser != attacker ? attacker : -1;
    c->fresh = c->holder >= 0;
    const hk_combat_side *sd[2] = {js, ss};
    for (int i = 0; i < 2; i++) {
        c->peak[i] = sd[i]->men;
        c->men[i] = hk_fmax(0, sd[i]->men - loss[i].men);
        c->tanks[i] = hk_fmax(0, sd[i]->tanks - loss[i].tanks);
        c->guns[i] = hk_fmax(0, sd[i]->guns - loss[i].guns);
        c->aircraft[i] = hk_fmax(0, sd[i]->aircraft - loss[i].aircraft);
        c->cas[i] = cas[i];
    }
    campaign_outcomes(w);
}

static hk_combat_side campaign_side(hk_world *w, int side, bool defends)
{
    const hk_border_campaign *c = &w->border_campaign;
    return (hk_combat_side){.men = c->men[side], .tanks = c->tanks[side], .guns = c->guns[side],
                            .aircraft = c->aircraft[side], .quality = 1,
                            .supply_km = battle_supply_km(w, c->sector, side),
                            .posture = !defends                           ? HK_POSTURE_HASTY
                                       : soviet_works(w, c->sector, side) ? HK_POSTURE_FORTIFIED
                                                                          : HK_POSTURE_PREPARED};
}

/* The month's days outside an engagement: the two lines stay in contact,
 * with outposts, patrols, shelling and air raids, and the record counts a
 * campaign's casualties over all its days (Khalkhin Gol's May to September,
 * 001:135), not only those of its engagements. Each side loses what the
 * combat model's fitted law gives a line that holds on day t of a battle
 * that goes on, t counted from the first day of the campaign's last
 * engagement (hk_combat_contact; docs/combat.md, "Contact between
 * engagements"): days t_from..t_to-1, each side as a defender in position
 * with the forces it has on the line. No number is added: the rate and its
 * decay are the fitted ones carried on past the engagement.
 * docs/model.md#battles-border-campaign */
static void campaign_contact(hk_world *w, int t_from, int t_to)
{
    hk_border_campaign *c = &w->border_campaign;
    hk_combat_side sd[2];
    for (int i = 0; i < 2; i++) {
        hk_combat_side cs = campaign_side(w, i, true);
        sd[i] = armed(w, &cs, i, true, c->sector);
    }
    double lost[2];
    hk_combat_contact(&w->combat, &sd[HK_SIDE_JPN], &sd[HK_SIDE_SOV], sector_terrain(w, c->sector), t_from, t_to,
                      lost);
    for (int i = 0; i < 2; i++) {
        lost[i] = hk_fmin(hk_fmax(0.0, lost[i]), c->men[i]);
        c->men[i] -= lost[i];
        c->cas[i] += lost[i];
        c->contact[i] = lost[i];
        w->loss_men[i] += lost[i];
    }
    c->clock = t_to > t_from ? t_to - 1 : c->clock;
}

/* The days of the current month. */
static int month_days(const hk_world *w) { return hk_days_in_month(hk_month_year(w->month), hk_month_mon(w->month)); }

double hk_battles_tokyo_prevails(const hk_world *w) { return hk_clamp(1.0 - w->autonomy, 0.0, 1.0); }

/* Whether the USSR owes the campaign an answer: its stake is spent once an
 * attack of its own has succeeded against what the Japanese side has on the
 * line. It owes one while no attack of its own has succeeded, while it was
 * beaten in the last engagement (a defeat raises the stake: the build-up
 * after the Japanese attacks of 1939, 001:137), and again whenever the
 * Japanese side has brought up more men than its last successful attack
 * left standing: the Soviet side held the east bank of the Khalkha from the
 * May fighting on, yet once the Kwantung Army had brought the 23rd Division
 * up and attacked in July, Moscow formed the 1st Army Group (19 July) and
 * built up over 650 km for the offensive of 20 August that destroyed it,
 * and took the ceasefire only after that (001:137, 001:145, 001:147). At
 * Changkufeng the Korea Army, which Tokyo sent nothing more, took the crest
 * and held it against the counter-attacks of early August with what it
 * had, and the ceasefire came within two weeks (coox1977). */
static bool soviet_owes(const hk_border_campaign *c)
{
    return c->last_loser == HK_SIDE_SOV || !(c->answered > 0) || c->men[HK_SIDE_JPN] > c->answered + 0.5;
}

bool hk_battles_soviet_building(const hk_world *w)
{
    const hk_border_campaign *c = &w->border_campaign;
    if (!soviet_bound(w, c->sector) || !soviet_owes(c))
        return false;
    double want = P(w, SOVIET_THREAT_RATIO) * c->men[HK_SIDE_JPN];
    return soviet_available(w) >= SOVIET_READY * want;
}

/* Whether the campaigning season (battle.season_first to season_last) goes
 * on into next month: men brought up this month could still attack. */
static bool season_goes_on(const hk_world *w)
{
    int next = hk_month_mon(w->month) % 12 + 1;
    return (w->season_mons >> (next - 1)) & 1u;
}

/* Whether the Kwantung Army can outbuild the USSR on the battle ground:
 * its divisions within reach of it hold the Army's ratio (war.north_ratio,
 * raised against fortified works by the prepared-over-fortified odds,
 * hk_battles_attack_odds) over all the Soviet side can have there within
 * the month, its men on the line and what the officers reckon its road or
 * railway brings up.
 * On the Khalkha in 1939 the 6th Army's 30,000 could match what the 1st
 * Army Group brought over 650 km of road (001:137, 001:145); on the Ussuri
 * the Soviet Primorye group stood at its railway and in its fortified
 * regions (runov2008), and no border fight there drew in the Kwantung
 * Army's eastern divisions; at the Tumen the Korea Army's one division
 * could not, and Tokyo sent it nothing more (coox1977). */
static bool japanese_outbuilds(hk_world *w)
{
    const hk_border_campaign *c = &w->border_campaign;
    if (!soviet_bound(w, c->sector))
        return true; /* the ally's army alone: nobody brings it more */
    /* the officers reckon the Soviet haul by its distance from the
     * railhead (campaign.lift over it), not by the trucks on the road: the
     * Kwantung Army judged that no large force could be kept 650 km from
     * the railway at Borzya, and the 1st Army Group's motor transport
     * proved it wrong (coox1985; 001:137) */
    double km = battle_supply_km(w, c->sector, HK_SIDE_SOV);
    double reckoned = P(w, CAMPAIGN_LIFT) / hk_fmax(km, 100.0);
    /* beyond what faces the border from the Soviet railheads
     * (forces.near_km) the officers reckon no Soviet columns coming at all:
     * in July 1939 the Kwantung Army's deputy chief of staff argued at the
     * General Staff that a major Soviet effort at Nomonhan was logistically
     * impossible, and the Army fed in the 6th Army against a 1st Army Group
     * it did not see coming (coox1985) */
    if (km > P(w, FORCES_NEAR_KM))
        reckoned = 0.0;
    double coming = hk_fmax(0.0, hk_fmin(reckoned, campaign_available(w, HK_SIDE_SOV) - c->men[HK_SIDE_SOV]));
    double need = hk_assess_north_need(w) / hk_battles_attack_odds(w, c->sector);
    return within_reach(w, c->sector, HK_SIDE_JPN).men >= need * (c->men[HK_SIDE_SOV] + coming);
}

/* Whether Tokyo lets the Kwantung Army answer a setback by feeding in its
 * next echelon (campaign_decide's beaten branch, where the record and the
 * conditions are given): beaten in the last engagement, with men of its own
 * still to bring up, the season going on into next month, no winter halt,
 * Europe quiet, its officers' licence not run out, the General Staff's
 * standing order of the China war no longer binding it, and the race to
 * the site one it reckons it can win (japanese_outbuilds). */
static bool japanese_answers_setback(hk_world *w)
{
    const hk_border_campaign *c = &w->border_campaign;
    double licence = hk_fmax(0.0, 1.0 - (double)c->months / hk_fmax(P(w, CAMPAIGN_LICENCE_MONTHS), 1.0));
    return c->last_loser == HK_SIDE_JPN && campaign_available(w, HK_SIDE_JPN) > c->men[HK_SIDE_JPN] + 1.0 &&
           hk_battles_in_season(w, c->sector) && season_goes_on(w) && !hk_battles_winter_halts(w, c->sector) &&
           !europe_presses(w) && licence > 0.0 && !w->border_order && japanese_outbuilds(w);
}

/* The month's ceasefire decisions, from the state:
 * - a side whose attack last succeeded holds the ground it claims and takes
 *   the quiet;
 * - the Japanese side: the Kwantung Army's officers fight on until their
 *   line breaks (the combat model's break point in the last engagement)
 *   with no one more to bring up, or until Tokyo overrules them; a broken
 *   line with men still to bring raises their stake instead (001:135). Tokyo wants quiet as the losses, Europe,
 *   the months and its own restraint weigh (p_J) and prevails with chance
 *   1 - A, A the Kwantung Army's autonomy, the share of decisions its
 *   officers take on their own (000:31, 001:135). The losses alone no
 *   longer stop a campaign the field army runs;
 * - the Soviet side: bound to the border and with its superiority within
 *   reach, it stops only once it has attacked with it and was not beaten
 *   (the August offensive came before the ceasefire, 001:145, 001:147);
 *   otherwise, or after that, it seeks quiet with its own pressure p_S or
 *   when its line has broken. */
static void campaign_decide(hk_world *w, hk_rng *r, double press[2], bool seek[2], char reason[2][320])
{
    hk_border_campaign *c = &w->border_campaign;
    double u[2];
    for (int i = 0; i < 2; i++) {
        press[i] = hk_battles_ceasefire_pressure(w, i);
        u[i] = hk_rng_uniform(r);
    }
    /* the officers' licence runs out: each month the campaign lasts Tokyo's
     * orders weigh more and its officers' autonomy counts for less, gone by
     * campaign.patience months (the staff officers of 1939 were overruled
     * and removed once the fighting had gone on for a season, 001:133) */
    double licence = hk_fmax(0.0, 1.0 - (double)c->months / hk_fmax(P(w, CAMPAIGN_LICENCE_MONTHS), 1.0));
    double tokyo = hk_clamp(1.0 - w->autonomy * licence, 0.0, 1.0);
    /* Moscow's resolve to fight for the ground (hk_assess_soviet_resolve),
     * a fight it is in goes on unless it has no resolve left at all */
    bool yields = !(hk_assess_soviet_resolve(w) > 0.0);
    /* a pact signed while the fighting goes on binds both governments to
     * respect the frontier it names (001:167): both take the quiet */
    if (hk_treaty_binds(w, w->c->roles.jpn_sov_neutrality)) {
        for (int i = 0; i < 2; i++) {
            seek[i] = true;
            say(w, reason[i], sizeof reason[i], "the neutrality pact binds it to respect the frontier");
        }
        return;
    }
    if (c->holder == HK_SIDE_JPN) {
        seek[0] = true;
        say(w, reason[0], sizeof reason[0], "it holds the ground it claims");
    } else if (c->broken[HK_SIDE_JPN] && !(campaign_available(w, HK_SIDE_JPN) > c->men[HK_SIDE_JPN] + 1.0)) {
        seek[0] = true;
        say(w, reason[0], sizeof reason[0], "its line broke and it has no one more to bring up");
    } else if (japanese_answers_setback(w)) {
        /* beaten in the last engagement with men of its own still to bring
         * up, in the campaigning season, the Kwantung Army answers the
         * setback by feeding in more (the stake it raises in campaign_month)
         * and Tokyo, keeping the war local, lets it: at Nomonhan the
         * Yamagata detachment's defeat in May brought the 23rd Division,
         * the failed July attacks the tank regiments and the 7th Division's
         * regiments, and the 6th Army of some 30,000; the General Staff held
         * to non-expansion, not to a ceasefire, and took one only after the
         * August defeat with the war in Europe begun (001:133, 001:135,
         * 001:147). Tokyo's wish for quiet decides again once the Army has
         * won an engagement, has no one more within its reach, cannot
         * outbuild what the USSR brings to the site (japanese_outbuilds),
         * the season is in its last month (men brought up now could not attack before
         * the freeze: the 6th Army's September counter-offensive of 1939
         * was called off), Europe presses, or its officers' licence has run
         * out; and not while the General Staff's standing order of the
         * China war binds it (border_order: not to cross even where the
         * other side has crossed and to hold to non-expansion in any
         * dispute, nomonhan_natsu), which the Kwantung Army's own
         * principles of April 1939 replaced. */
        seek[0] = false;
        say(w, reason[0], sizeof reason[0],
                 "beaten, its officers bring up more to retake the ground, and Tokyo, keeping the war local, lets "
                 "them (autonomy %.2f)", w->autonomy);
    } else if (c->last_loser == HK_SIDE_JPN && c->holder == HK_SIDE_SOV && w->border_rules &&
               w->s->sectors[c->sector].side[0] != w->s->jpn && hk_battles_in_season(w, c->sector) &&
               season_goes_on(w) && !hk_battles_winter_halts(w, c->sector) && !europe_presses(w)) {
        /* face after a setback: beaten, with the ground it claims in the
         * other side's hands, on a frontier of Manchukuo's that the
         * Kwantung Army's own principles for border disputes cover (they
         * bid it to hold the line it claims and leave the field commander
         * to decide, incidents.c), the Army does not take a ceasefire that
         * would concede the line, and Tokyo does not order one while the
         * season lasts and Europe is quiet: in 1939 the General Staff let
         * the Kwantung Army fight on through the July defeats and formed
         * the 6th Army in August; it ordered the fighting stopped only in
         * September, after the Soviet August offensive and the
         * German-Soviet pact (coox1985; 001:133, 001:147). The Korea
         * Army's border on the Tumen lay outside those principles, and
         * there Tokyo took the ceasefire (coox1977). */
        seek[0] = false;
        say(w, reason[0], sizeof reason[0],
                 "beaten, the ground it claims lost on a border its own principles cover: no ceasefire that "
                 "concedes the line, and Tokyo, Europe quiet, orders none");
    } else {
        seek[0] = u[0] < press[0] * tokyo;
        /* why the officers fight on: Tokyo does not want quiet enough, or
         * wants it and cannot make them stop (hk_battles_tokyo_prevails) */
        if (seek[0])
            /* what the wish for quiet is made of (hk_battles_ceasefire_pressure) */
            say(w, reason[0], sizeof reason[0],
                     "Tokyo, wanting quiet at %.2f (losses %.0f%% of the most it had on the line at once, %d month%s%s%s), "
                     "overrules its officers (autonomy %.2f)",
                     press[0], c->peak[0] > 0 ? 100.0 * c->cas[0] / c->peak[0] : 0.0, c->months,
                     c->months == 1 ? "" : "s", europe_reason(w),
                     w->china_war ? ", war in China" : "", w->autonomy);
        else if (press[0] >= 0.5)
            say(w, reason[0], sizeof reason[0],
                     "Tokyo wants quiet at %.2f but cannot stop its officers at autonomy %.2f, against whom it "
                     "prevails %.0f%% of the time",
                     press[0], w->autonomy, 100.0 * tokyo);
        else
            say(w, reason[0], sizeof reason[0], "Tokyo, with little wish for quiet at %.2f, lets its officers fight on "
                     "at autonomy %.2f", press[0], w->autonomy);
    }
    bool building = hk_battles_soviet_building(w);
    bool fights = building && hk_battles_in_season(w, c->sector) && !hk_battles_winter_halts(w, c->sector) && !yields;
    if (c->holder == HK_SIDE_SOV && !fights) {
        seek[1] = true;
        say(w, reason[1], sizeof reason[1], "it holds the ground it claims");
    } else if (!soviet_bound(w, c->sector)) {
        seek[1] = true;
        say(w, reason[1], sizeof reason[1], "no treaty binds the USSR to this border");
    } else if (yields) {
        seek[1] = true;
        say(w, reason[1], sizeof reason[1],
                 "its army in the east, %.1f times the Japanese, is short of the %.1f it plans for, and Moscow yields the "
                 "ground rather than risk a war",
                 w->sov_men / hk_fmax(w->jpn_men, 1.0), P(w, SOVIET_THREAT_RATIO));
    } else if (fights) {
        seek[1] = false;
        if (c->holder == HK_SIDE_SOV && c->answered > 0)
            say(w, reason[1], sizeof reason[1], "it holds its ground, but the Japanese side has brought up more "
                     "than it last beat there: it builds up to attack");
        else if (c->holder == HK_SIDE_SOV)
            say(w, reason[1], sizeof reason[1], "it holds its ground, but has not yet beaten the Japanese line "
                     "there: it builds up to attack");
        else
            say(w, reason[1], sizeof reason[1], "building up, it will not stop before it attacks with superiority");
    } else if (c->broken[HK_SIDE_SOV]) {
        seek[1] = true;
        say(w, reason[1], sizeof reason[1], "its line broke in the last engagement");
    } else {
        seek[1] = u[1] < press[1];
        say(w, reason[1], sizeof reason[1], "pressure to stop %.2f%s", press[1],
                 c->offensives > 0 ? " after its offensive" : ", its superiority out of reach");
    }
}

/* Whether an attack of the campaign is planned as an envelopment: the
 * USSR's offensive once it has the superiority it built up for (not the
 * hasty counter-attack to retake ground), on open ground where flanks can
 * be turned, with more tanks at the site than the defender has to stop
 * them. The August 1939 offensive was that: 57,000 men and 498 tanks
 * against 30,000 and 120 on the Khalkha steppe closed a ring from both
 * flanks (cdb90, isqno 260, coded as an envelopment; 001:145); the
 * Changkufeng attack of 1938, 200 tanks against none but on heights
 * between a lake and a river, went in frontally (cdb90, isqno 258). */
static bool campaign_envelops(const hk_world *w, int att, bool planned, hk_terrain terrain)
{
    const hk_border_campaign *c = &w->border_campaign;
    bool open = terrain == HK_TERRAIN_STEPPE || terrain == HK_TERRAIN_PLAIN || terrain == HK_TERRAIN_DESERT;
    /* armour for both flanks: more tanks than the defender's, and as many
     * for its men as the general war's fronts need to exploit a
     * breakthrough (war.exploit_tanks per 1000 men; the August 1939
     * offensive had 498 for 57,000 men, 8.7) */
    bool armour = c->tanks[att] > c->tanks[1 - att] &&
                  c->tanks[att] >= P(w, WAR_EXPLOIT_TANKS) * c->men[att] / 1000.0;
    return att == HK_SIDE_SOV && planned && open && armour;
}

/* What a side attacking in a border campaign plans, as the 1945 fronts do
 * (campaign.c): the offensive the USSR has built up for behind its line
 * for a month or more (not the first month's answer to the incident) falls
 * by surprise, its build-up hidden (the August 1939 offensive came after
 * six weeks of build-up, 001:137, 001:145; cdb90, isqno 260 codes its
 * surprise as substantial; launched on a Sunday after a deception plan,
 * coox1985), at war.surprise_level; either side holds the air with
 * war.air_superiority times the other's aircraft on the site. */
static void campaign_plan(const hk_world *w, int att, bool planned, int *surprise, int air[2])
{
    const hk_border_campaign *c = &w->border_campaign;
    /* the surprise is the first planned offensive's: a defender that has
     * met one watches for the next build-up (the one August offensive of
     * 1939 is the record's only one; cdb90, isqno 260) */
    *surprise = att == HK_SIDE_SOV && planned && c->months > 1 && c->offensives == 0 ? (int)P(w, WAR_SURPRISE_LEVEL) : 0;
    for (int i = 0; i < 2; i++)
        air[i] = c->aircraft[i] > P(w, WAR_AIR_SUPERIORITY) * c->aircraft[1 - i];
}

/* The stake the Kwantung Army raises after a setback: its ratio over the
 * enemy raised by its officers' autonomy, and, against an enemy that is
 * building up, the Army's ratio over what that enemy can have on the line
 * within the month (its men there and its lift), as far as the divisions
 * that face the sector (its forces within reach of the battle ground)
 * make it, brought up as fast as the road lets it (campaign_reinforce).
 * The record's escalation went by formations, not by margins: the
 * Yamagata detachment's defeat in May 1939 brought the whole 23rd Division
 * from Hailar, and its failed July attacks the tank regiments and the 7th
 * Division's regiments, until the 6th Army's 30,000 stood on the Khalkha
 * (001:133, 001:135; cdb90, isqno 260); against the Mongolian army alone,
 * which nobody reinforced, the clashes of 1935-36 stayed clashes. */
static double japanese_stake(hk_world *w, double want, double need, bool sov_feeds)
{
    hk_border_campaign *c = &w->border_campaign;
    double raised = want * (1.0 + w->autonomy);
    /* the next echelon in time to attack before the season ends (as
     * campaign_decide's beaten branch). Whether it can win the race to the
     * site (japanese_outbuilds) is Tokyo's question, asked when it lets the
     * officers fight on or overrules them (campaign_decide); officers who
     * fight on raise their stake by formations whatever the race: the 7th
     * Division's regiments were fed in after the July attacks of 1939 and
     * the 6th Army formed in August, when the 1st Army Group already
     * outnumbered the Japanese on the Khalkha nearly two to one (001:133,
     * 001:137; cdb90, isqno 260; coox1985) */
    if (!sov_feeds || !hk_battles_in_season(w, c->sector) || !season_goes_on(w))
        return raised;
    double coming = hk_fmax(0.0, hk_fmin(campaign_lift(w, HK_SIDE_SOV), campaign_available(w, HK_SIDE_SOV) - c->men[HK_SIDE_SOV]));
    double local = within_reach(w, c->sector, HK_SIDE_JPN).men;
    return hk_fmax(raised, hk_fmin(local, need * (c->men[HK_SIDE_SOV] + coming)));
}

/* Whether the USSR answers a Japanese attack that has just taken ground at
 * once, with what it has on the spot, without waiting for the next month:
 * bound to the border, in the campaigning season, with at least as many men
 * there as the Japanese side (the hasty counter-attack's own rule,
 * campaign_month's `retake`), and with the days left in the month for an
 * engagement. The record's counter-attacks came within days of the
 * Japanese attack, by the reserves that were on the road: at Bain-Tsagan on
 * 3-5 July 1939 the 11th Tank Brigade and the motor-armoured brigades were
 * thrown in from the march, without waiting for their infantry, and lost
 * heavily before the Japanese force that had crossed the Khalkha withdrew
 * (coox1985); at Changkufeng the Soviet counter-attacks began on 2 August
 * 1938, two days after the Korea Army's night attack took the crest
 * (coox1977; cdb90, isqno 258). */
static bool soviet_answers_at_once(hk_world *w, int att, int winner, int days_left)
{
    const hk_border_campaign *c = &w->border_campaign;
    int days = hk_round_int(hk_fmax(1.0, P(w, CAMPAIGN_ENGAGEMENT_DAYS)));
    return att == HK_SIDE_JPN && winner == HK_COMBAT_ATTACKER && soviet_bound(w, c->sector) &&
           hk_battles_in_season(w, c->sector) && !hk_battles_winter_halts(w, c->sector) && days_left >= days &&
           c->men[HK_SIDE_SOV] >= 1 && c->tanks[HK_SIDE_SOV] > c->tanks[HK_SIDE_JPN];
}

/* One engagement of a campaign month, `att` attacking, begun on day
 * `day0` of the month (0: its start): fought, counted and told; the rest
 * of the month after it is spent in contact, unless the USSR answers it at
 * once (soviet_answers_at_once). Returns the days it lasted, and the
 * winner in *winner (HK_COMBAT_ATTACKER, HK_COMBAT_DEFENDER, or -1) and
 * whether the answer follows in *answered. */
static int campaign_engage(hk_world *w, hk_rng *r, int att, bool planned, bool envelop, int surprise,
                           const int air[2], hk_terrain terrain, int day0, bool *answered, int restores)
{
    hk_border_campaign *c = &w->border_campaign;
    const hk_scenario *s = w->s;
    int sec = c->sector;
    int def = 1 - att;
    hk_combat_side as = campaign_side(w, att, false), ds = campaign_side(w, def, true);
    as.envelop = envelop;
    as.surprise = surprise;
    as.air = air[att];
    ds.air = air[def];
    hk_combat_result res;
    int days = hk_round_int(hk_fmax(1.0, P(w, CAMPAIGN_ENGAGEMENT_DAYS)));
    fight(w, r, sec, &as, &ds, att, terrain, days, &res, true);
    const hk_combat_losses *lo[2];
    lo[att] = &res.loss[HK_COMBAT_ATTACKER];
    lo[def] = &res.loss[HK_COMBAT_DEFENDER];
    for (int i = 0; i < 2; i++) {
        c->men[i] = hk_fmax(0, c->men[i] - lo[i]->men);
        c->tanks[i] = hk_fmax(0, c->tanks[i] - lo[i]->tanks);
        c->guns[i] = hk_fmax(0, c->guns[i] - lo[i]->guns);
        c->aircraft[i] = hk_fmax(0, c->aircraft[i] - lo[i]->aircraft);
        c->cas[i] += lo[i]->men;
    }
    /* the rest of the month in contact, on the engagement's clock, unless
     * the answer comes at once */
    c->clock = res.days;
    *answered = soviet_answers_at_once(w, att, res.winner, month_days(w) - day0 - res.days);
    if (*answered)
        c->contact[0] = c->contact[1] = 0.0;
    else
        campaign_contact(w, res.days + 1, month_days(w) - day0 + 1);
    c->engagements++;
    c->attacks[att]++;
    if (att == HK_SIDE_SOV && planned)
        c->offensives++;
    /* what a Soviet attack that succeeded left of the Japanese line (the
     * month's contact after it included): the stake it answered */
    if (att == HK_SIDE_SOV && res.winner == HK_COMBAT_ATTACKER)
        c->answered = hk_fmax(c->men[HK_SIDE_JPN], 1.0);
    c->broken[att] = res.broke_off[HK_COMBAT_ATTACKER] != 0;
    c->broken[def] = res.broke_off[HK_COMBAT_DEFENDER] != 0;
    c->quiet = 0;
    c->last_loser = res.winner == HK_COMBAT_ATTACKER ? def : res.winner == HK_COMBAT_DEFENDER ? att : -1;
    /* ground changes hands only when an attack succeeds; a counter-attack
     * that answers a gain at once takes back the ground just lost, and the
     * line stands where it stood before (`restores`, the holder then) */
    if (res.winner == HK_COMBAT_ATTACKER)
        c->holder = restores >= -1 ? restores : att;
    c->fresh = res.winner == HK_COMBAT_ATTACKER;
    w->battles_month++;
    double men[2];
    men[att] = as.men;
    men[def] = ds.men;
    battle_politics(w, c->last_loser, men[HK_SIDE_JPN], men[HK_SIDE_SOV], -1, sec);
    campaign_outcomes(w);
    char other_bare[128];
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "After %d day%s the %s attack on the %s %s. Casualties: Japanese side %.0f, %s %.0f; "
                 "%s %.0f and %.0f more; since the fighting began %.0f and %.0f.%s",
                 res.days, res.days == 1 ? "" : "s",
                 att == HK_SIDE_JPN ? "Japanese" : soviet_bound(w, sec) ? "Soviet" : "ally's", sector_label(w, sec),
                 res.winner == HK_COMBAT_ATTACKER ? "succeeds" : res.winner == HK_COMBAT_DEFENDER ? "is beaten off"
                                                                                                  : "is fought to a standstill",
                 lo[HK_SIDE_JPN]->men, other_side(w, sec, other_bare, sizeof other_bare, true, false), lo[HK_SIDE_SOV]->men,
                 *answered ? "the Soviet side counter-attacks at once with what it has there; in contact before it"
                           : "in contact for the rest of the month",
                 c->contact[HK_SIDE_JPN], c->contact[HK_SIDE_SOV],
                 c->cas[HK_SIDE_JPN], c->cas[HK_SIDE_SOV],
                 res.encircled && res.winner == HK_COMBAT_ATTACKER
                     ? " The envelopment closes behind part of the Japanese line; the men cut off fight in their "
                       "positions to the last."
                 : res.encircled ? " A ring closes round part of the Japanese line, but the rest holds."
                 : envelop && res.winner != HK_COMBAT_ATTACKER ? " The envelopment does not close."
                 : !envelop && att == HK_SIDE_SOV && res.winner == HK_COMBAT_ATTACKER
                     ? " The Japanese line, not cut off, gives ground." : "");
    /* what the attack had planned (campaign_plan), said where it fits whole */
    if (hk_world_logging(w)) {
        size_t m = strlen(w->scratch);
        char plan[200], cap[128];
        other_side(w, sec, cap, sizeof cap, false, true);
        int k = 0;
        if (surprise)
            k += snprintf(plan + k, sizeof plan - (size_t)k, " The attack came by surprise, its build-up hidden.");
        for (int i = 0; i < 2 && k < (int)sizeof plan; i++)
            if (air[i])
                k += snprintf(plan + k, sizeof plan - (size_t)k, " %s held the air (%.0f aircraft to %.0f).",
                              i == HK_SIDE_JPN ? "The Japanese side" : cap, c->aircraft[i] + lo[i]->aircraft,
                              c->aircraft[1 - i] + lo[1 - i]->aircraft);
        if (k > 0 && k < (int)sizeof plan && m + (size_t)k < sizeof w->scratch)
            memcpy(w->scratch + m, plan, (size_t)k + 1);
    }
    double lost[2] = {lo[HK_SIDE_JPN]->men, lo[HK_SIDE_SOV]->men};
    hk_world_event_facts(w, sec, men, lost,
                         res.winner == HK_COMBAT_ATTACKER ? att : res.winner == HK_COMBAT_DEFENDER ? def : -1, res.days);
    hk_world_emit2(w, "battle_result", s->sectors[sec].id, s->jpn, s->sov, w->scratch,
                   SRC_MODEL("battles-border-campaign"));
    return res.days;
}

/* One month of a campaign: the ceasefire, the reinforcements, the attack. */
static void campaign_month(hk_world *w, hk_rng *r)
{
    hk_border_campaign *c = &w->border_campaign;
    const hk_scenario *s = w->s;
    int sec = c->sector;
    c->months++;
    if (w->war) {
        campaign_end(w, c->last_loser, false, "the border fighting merges into general war");
        return;
    }
    /* a side whose line is down to a tenth of the most it committed (or to
     * nobody) has nothing left to hold it with */
    /* ... unless it is the Kwantung Army's detachment, destroyed, and
     * Tokyo lets the Army answer with its next echelon (the Azuma
     * detachment's destruction on 28-29 May 1939 brought up the 23rd
     * Division and the July offensive, 001:135; coox1985) */
    for (int i = 0; i < 2; i++)
        if ((c->men[i] < 1 || c->men[i] < 0.1 * c->peak[i]) && !(i == HK_SIDE_JPN && japanese_answers_setback(w))) {
            char other[128];
            const char *side = i == HK_SIDE_JPN ? "the Japanese side" : other_side(w, sec, other, sizeof other, false, false);
            char why[200];
            if (c->men[i] < 1)
                say(w, why, sizeof why, "%s has no one left on the line", side);
            else
                say(w, why, sizeof why, "%s is down to %.0f men, under a tenth of the %.0f it committed", side,
                         c->men[i], c->peak[i]);
            campaign_end(w, i, false, why);
            return;
        }
    /* who decides each side's ceasefire, and why (campaign_decide) */
    double press[2];
    bool seek[2];
    char reason[2][320];
    campaign_decide(w, r, press, seek, reason);
    /* a player's orders on incidents decide for the player's side: contain
     * seeks the ceasefire, escalate fights on */
    int ps = w->player >= 0 && w->orders_given ? hk_world_side(w, w->player) : -1;
    if (ps >= 0 && w->orders.incidents != HK_ESC_MODEL) {
        seek[ps] = w->orders.incidents == HK_ESC_CONTAIN;
        say(w, reason[ps], sizeof reason[ps], "%s", seek[ps] ? "the player's orders seek quiet" : "the player's orders fight on");
    }
    if (seek[0] && seek[1]) {
        char why[460];
        /* what presses in the west, by its name at the date: the pact with
         * Germany comes days before the war in Europe (001:147) */
        const char *west = !europe_presses(w) ? ""
                           : europe_at_war_known(w)
                               ? "; the war in Europe makes quiet on the border worth more"
                               : "; the pact with Germany makes quiet on the border worth more";
        char other[128];
        say(w, why, sizeof why, "both sides agree to a ceasefire (Japanese side: %s; %s: %s%s)", reason[0],
                 other_side(w, sec, other, sizeof other, true, false), reason[1], west);
        /* a ceasefire leaves each side where it stands, and the line is
         * drawn there: the side that holds the ground it claims has won the
         * campaign, whatever the last engagement (the Soviet side held the
         * line it claimed on the Khalkha when the ceasefire of 15 September
         * 1939 came, and the commission marked the frontier there, 001:147;
         * coox1985); with the ground held by neither, the last engagement's
         * loser has lost it */
        campaign_end(w, c->holder >= 0 ? 1 - c->holder : c->last_loser, true, why);
        return;
    }
    /* reinforcements, decided on what each side sees at the start of the
     * month: the Kwantung Army seeks the ratio the Army believes enough,
     * the USSR the superiority it keeps over what faces it */
    double need[2] = {hk_assess_north_need(w), P(w, SOVIET_THREAT_RATIO)};
    double start[2] = {c->men[0], c->men[1]};
    double gain[2] = {0, 0};
    /* a side that fights on brings up what it wants: the Kwantung Army its
     * own divisions, as its officers did without Tokyo (001:135, 000:31) —
     * Tokyo's restraint acts by overruling them (campaign_decide), not by
     * rationing them; the USSR what it is bound to (its lift permitting) */
    double want[2] = {need[0] * start[1], need[1] * start[0]};
    /* the USSR also keeps its strength up on ground it holds while the
     * Kwantung Army fights on: the 1st Army Group stood at full strength on
     * the Khalkha after its August offensive until the ceasefire (001:145,
     * 001:147), and a line thinned once it has won invites the next attack */
    bool keep = c->holder == HK_SIDE_SOV && !seek[HK_SIDE_JPN];
    /* and the Kwantung Army keeps its own line up on ground it holds while
     * the USSR builds up against it: at Nomonhan both camps came to deploy
     * more than two or three divisions, the Kwantung Army against the
     * General Staff's wish to keep the conflict small (001:133), while the
     * 1st Army Group gathered for its offensive (001:137) */
    bool keep_j = c->holder == HK_SIDE_JPN && !seek[HK_SIDE_SOV] && soviet_bound(w, sec);
    /* in the border's winter nobody is brought up in the deep cold
     * (battle.winter_first to winter_last); out of the campaigning season
     * nobody brings men up for an attack that cannot come before it ends
     * (the 6th Army's counter-offensive of September 1939 was called off,
     * 001:147): both hold with what they have */
    bool frozen = hk_battles_winter_halts(w, sec) || !hk_battles_in_season(w, sec);
    bool feeds[2];
    for (int i = 0; i < 2; i++)
        feeds[i] = !frozen && (!seek[i] || (i == HK_SIDE_SOV && keep) || (i == HK_SIDE_JPN && keep_j)) &&
                   (i == HK_SIDE_JPN || soviet_bound(w, sec));
    /* the escalation ladder: a side that feeds the fighting answers the
     * columns it sees the other bring up this month, not only the men on
     * the line at its start, as far as its lift and its share of the
     * theatre let it. The Kwantung Army sees the Soviet build-up on its
     * way (its incoming men, at the Soviet aim from the month's start);
     * the USSR then answers what the Kwantung Army has brought up. So a
     * campaign both sides keep feeding grows month by month toward what
     * each can bring to the site, and one that a side will not feed stays
     * at the ratio the other keeps over the men it faces. */
    /* a setback raises the Kwantung Army's stake: beaten in the last
     * engagement, its officers feed in the next echelon of their own
     * divisions (japanese_stake; 001:135, 000:31) */
    if (c->last_loser == HK_SIDE_JPN)
        want[0] = japanese_stake(w, want[0], need[0], feeds[HK_SIDE_SOV]);
    /* but a Soviet build-up for a prepared offensive is not seen on its
     * way: the Kwantung Army that only keeps its line up against it (keep_j)
     * answers the men it finds on the line at the month's start, and the
     * 1st Army Group gathered over 650 km from Borzya unmatched until its
     * attack of August 20 devastated the 23rd Division (001:137, 001:145) */
    bool unseen = keep_j && seek[HK_SIDE_JPN] && hk_battles_soviet_building(w);
    if (feeds[HK_SIDE_SOV] && feeds[HK_SIDE_JPN] && !unseen) {
        double inc = hk_fmax(0.0, hk_fmin(want[1] - start[1], hk_fmin(campaign_lift(w, HK_SIDE_SOV),
                                                             campaign_available(w, HK_SIDE_SOV) - start[1])));
        want[0] = need[0] * (start[1] + inc);
        if (c->last_loser == HK_SIDE_JPN)
            want[0] = japanese_stake(w, want[0], need[0], true);
    }
    if (feeds[HK_SIDE_JPN]) {
        gain[0] = campaign_reinforce(w, HK_SIDE_JPN, want[0]);
        campaign_arms(w, HK_SIDE_JPN, want[0] / hk_fmax(start[1], 1.0));
    }
    if (feeds[HK_SIDE_SOV]) {
        if (feeds[HK_SIDE_JPN])
            want[1] = need[1] * c->men[HK_SIDE_JPN];
        gain[1] = campaign_reinforce(w, HK_SIDE_SOV, want[1]);
        campaign_arms(w, HK_SIDE_SOV, want[1] / hk_fmax(start[0], 1.0));
    }
    /* the USSR attacks once it has the superiority it sought (the August
     * offensive waited for the build-up, 001:145), and at once, with what
     * it has, to take back ground the Japanese side has taken from it while
     * it has at least as many men there (the counter-attacks at Bain-Tsagan
     * in July 1939 and on the Changkufeng heights in August 1938, each
     * launched within days of the Japanese attack: coox1985; cdb90, isqno
     * 258); otherwise the Kwantung Army's officers keep the initiative
     * while they fight on (000:31). The hasty counter-attack is the answer
     * to ground just taken, in the month after the engagement that took it:
     * once a month has passed with the Japanese side dug in on it, or a
     * counter-attack has failed to take it back, the Soviet command no
     * longer throws in what it has but prepares the offensive (the August 1939 offensive came after six weeks of build-up
     * against the Japanese on the east bank, 001:137, 001:145) */
    int att = -1;
    bool winter = hk_battles_winter_halts(w, sec);
    bool retake = c->holder == HK_SIDE_JPN && c->fresh && c->quiet == 0 && soviet_bound(w, sec) &&
                  c->men[HK_SIDE_SOV] >= c->men[HK_SIDE_JPN];
    bool planned = c->men[HK_SIDE_SOV] >= SOVIET_READY * need[HK_SIDE_SOV] * c->men[HK_SIDE_JPN];
    bool season = hk_battles_in_season(w, sec);
    if (winter || !season)
        att = -1; /* the border's winter, or out of the campaigning season: both sides hold where they stand */
    else if (!seek[HK_SIDE_SOV] && (planned || retake))
        att = HK_SIDE_SOV;
    else if (!seek[HK_SIDE_JPN])
        att = HK_SIDE_JPN;
    hk_terrain terrain = sector_terrain(w, sec);
    bool envelop = att >= 0 && campaign_envelops(w, att, planned, terrain);
    int surprise = 0, air[2] = {0, 0};
    if (att >= 0)
        campaign_plan(w, att, planned, &surprise, air);
    /* a month without an engagement is a month in contact */
    if (att < 0)
        campaign_contact(w, c->clock + 1, c->clock + month_days(w) + 1);
    if (hk_world_logging(w)) {
        /* the other side as the text names it: the ally's army where no
         * treaty yet binds the USSR to this border */
        bool alone = !soviet_bound(w, sec);
        char other[128], other_cap[128];
        other_side(w, sec, other, sizeof other, false, false);
        other_side(w, sec, other_cap, sizeof other_cap, false, true);
        int n = snprintf(w->scratch, sizeof w->scratch,
                         "Month %d on the %s: %.0f Japanese-side against %.0f %s%s%s.",
                         c->months, sector_label(w, sec), start[HK_SIDE_JPN], start[HK_SIDE_SOV],
                         soviet_bound(w, sec) ? "Soviet-side men" : "men of ",
                         soviet_bound(w, sec) || !hk_actor_name_at(w, s->sectors[sec].side[1], w->month)
                             ? "" : hk_actor_name_at(w, s->sectors[sec].side[1], w->month),
                         soviet_bound(w, sec) ? "" : "'s army, with no Soviet troops beside them");
        for (int i = 0; i < 2 && n < (int)sizeof w->scratch - 80; i++) {
            if (seek[i] && gain[i] >= 0.5)
                n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                              " %s would take a ceasefire (%s) but keeps its line up against the other's "
                              "build-up: it brings up %.0f.", i == HK_SIDE_JPN ? "The Japanese side" : other_cap,
                              reason[i], gain[i]);
            else if (seek[i])
                n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                              " %s would take a ceasefire: %s.", i == HK_SIDE_JPN ? "The Japanese side" : other_cap,
                              reason[i]);
            else if (i == HK_SIDE_JPN) {
                /* the want is a ratio over the enemy the officers expect
                 * to meet, the men on the line and the columns coming up
                 * this month, not over the outposts there at its start:
                 * measured against the enemy's line once this month's
                 * columns are up (a few hundred men at the start made it
                 * "104 times the enemy's") */
                double enemy = hk_fmax(start[1 - i], start[1 - i] + gain[1 - i]);
                char bring[48];
                if (gain[i] >= 0.5)
                    snprintf(bring, sizeof bring, "brings up %.0f", gain[i]);
                else
                    snprintf(bring, sizeof bring, "brings up no one this month");
                n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                              " The %s fights on (%s), wants %.0f men (%.2f times the %.0f the other side has there "
                              "once this month's columns are up), %s.",
                              hk_battles_japanese_army(w, sec), reason[i], want[i], want[i] / hk_fmax(enemy, 1.0), enemy,
                              bring);
            }
            else {
                double km = battle_supply_km(w, sec, i);
                char move[64];
                if (!(gain[i] >= 0.5))
                    snprintf(move, sizeof move, "brings up no one this month");
                else if (km < 1.0)
                    snprintf(move, sizeof move, "brings up %.0f by the railway at the border", gain[i]);
                else
                    snprintf(move, sizeof move, "brings up %.0f over %.0f km", gain[i], km);
                if (alone)
                    n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                                  " %s fights on (%s), wants %.2f times the Japanese, %s.", other_cap, reason[i],
                                  need[i], move);
                else
                    n += snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                                  " The USSR (%s) fights on (%s), wants %.2f times the Japanese, %s.",
                                  s->sectors[sec].side[1] == s->sov ? "its own border" : "its protocol with Mongolia",
                                  reason[i], need[i], move);
            }
        }
        if (n >= (int)sizeof w->scratch)
            n = (int)sizeof w->scratch - 1;
        if (att < 0 && winter)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     " Winter %s: neither side can bring men up or supply an attack in the deep cold, and both "
                     "hold where they stand; in contact the month costs the Japanese side %.0f and %s "
                     "%.0f.", sector_on_steppe(w, sec) ? "on the steppe" : "on the border", c->contact[HK_SIDE_JPN],
                     other, c->contact[HK_SIDE_SOV]);
        else if (att < 0 && !season)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     " Out of the campaigning season (the thaw or the freeze on the roads and rivers), neither side "
                     "attacks: patrols, shelling and air fighting cost the Japanese side %.0f and %s "
                     "%.0f.", c->contact[HK_SIDE_JPN], other, c->contact[HK_SIDE_SOV]);
        else if (att < 0)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     " Neither side attacks: patrols, shelling and air fighting cost the Japanese side %.0f and "
                     "%s %.0f.", c->contact[HK_SIDE_JPN], other, c->contact[HK_SIDE_SOV]);
        else if (envelop)
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n,
                     " %s attacks with %.0f men and %.0f tanks against %.0f and %.0f, to envelop the "
                     "Japanese line from its flanks.",
                     att == HK_SIDE_JPN ? "The Japanese side" : other_cap, c->men[att], c->tanks[att], c->men[1 - att],
                     c->tanks[1 - att]);
        else
            snprintf(w->scratch + n, sizeof w->scratch - (size_t)n, " %s attacks with %.0f against %.0f.",
                     att == HK_SIDE_JPN ? "The Japanese side" : other_cap, c->men[att], c->men[1 - att]);
    }
    hk_world_event_facts(w, sec, c->men, NULL, -1, 0);
    hk_world_emit2(w, "battle", s->sectors[sec].id, s->jpn, s->sov, w->scratch, SRC_MODEL("battles-border-campaign"));
    if (att < 0) {
        c->quiet++;
        campaign_outcomes(w);
        return;
    }
    bool answered = false;
    int before = c->holder;
    int day = campaign_engage(w, r, att, planned, envelop, surprise, air, terrain, 0, &answered, -2);
    /* the USSR's hasty counter-attack on the ground just taken, at once
     * (soviet_answers_at_once): frontal, by what stands there, and the
     * month's last engagement */
    if (answered)
        campaign_engage(w, r, HK_SIDE_SOV, false, false, 0, air, terrain, day, &answered, before);
}

bool hk_battles_undecided(const hk_combat_result *res)
{
    return res->broke_off[HK_COMBAT_ATTACKER] == 0 && res->broke_off[HK_COMBAT_DEFENDER] == 0;
}

/* Men a side has on a battle's frontage when the clash comes: its frontier
 * posts and the garrisons behind them, not its army. Each of its
 * formations facing the sector stands spread over every border it faces
 * (the Primorye group over the Ussuri's 905 km and the Tumen's 65, the
 * Korea Army's division at Chongjin over the Tumen alone), and
 * battle.front_km of that line is the frontage. The rest comes up only as
 * the fighting goes on (campaign_month). The record's openings were a
 * battalion or two a side: at Changkufeng the crest first held by some
 * hundreds of Soviet border guards (coox1977), Nomonhan's first clashes
 * between frontier posts and a Mongolian cavalry regiment, and its first
 * battle 1,300 against 1,228 (cdb90, isqno 259). */
static double on_the_spot(hk_world *w, int sec, int side)
{
    const hk_scenario *s = w->s;
    if (sec < 0 || sec >= s->n_sectors || s->n_sectors > 16)
        return 0.0;
    if (side == HK_SIDE_JPN && !w->manchuria_seized && hk_movement_manchurian_sector(w, sec))
        return 0.0;
    hk_movement_formations(w);
    double front = P(w, BATTLE_FRONT_KM), men = 0.0;
    for (int f = 0; f < s->n_formations; f++) {
        const hk_formation_state *fs = &w->formation[f];
        if (w->c->form_side[f] != side || fs->region < 0 || !(fs->men > 0))
            continue;
        unsigned mask = w->near_sector[fs->region] & ((1u << s->n_sectors) - 1);
        if (side == HK_SIDE_JPN && !w->manchuria_seized)
            mask &= ~(unsigned)w->c->manchurian_sectors;
        if (!((mask >> sec) & 1u))
            continue;
        double line = 0.0;
        for (unsigned m = mask; m; m &= m - 1)
            line += s->sectors[__builtin_ctz(m)].length_km;
        men += fs->men * hk_fmin(front, s->sectors[sec].length_km) / hk_fmax(line, 1.0);
    }
    return men;
}

bool hk_battles_soviet_presses(const hk_world *w)
{
    /* its share of the Chinese Eastern Railway still run across a
     * Manchuria the Kwantung Army holds, its railwaymen and rolling stock
     * hostage there (frus1933v03_d304), Moscow presses no claim until the
     * share is sold (frus1935v03_d92; incidents.c railway_step) */
    int t = w->c->roles.sov_chn_normalization;
    bool hostage = w->manchuria_seized && !w->railway_sold && t >= 0 && w->treaty[t].signed_on != HK_MONTH_NONE;
    return !hostage && w->sov_men >= SOVIET_READY * P(w, SOVIET_THREAT_RATIO) * w->jpn_men;
}

double hk_battles_local_balance(hk_world *w, int sec, int side)
{
    double own = on_the_spot(w, sec, side), other = on_the_spot(w, sec, 1 - side);
    return other > 1.0 ? own / other : own > 1.0 ? HUGE_VAL : 0.0;
}

static void simulate_battle(hk_world *w, hk_rng *r, const hk_pending_battle *pb)
{
    const hk_scenario *s = w->s;
    /* the side that moved first (hk_battles_initiative): the Japanese
     * side's officers attack; the Soviet side moves onto disputed ground
     * the Japanese side holds, and the holder's local garrison answers by
     * attacking it there (Changkufeng: Soviet border guards dug in on the
     * crest on 11 July 1938, the Korea Army's 19th Division attacked them
     * on 29-31 July, 1,410 against 1,460: coox1977; cdb90, isqno 256) */
    bool answer = pb->attacker_side == HK_SIDE_SOV;
    int sec = pb->sector, a = answer ? HK_SIDE_JPN : pb->attacker_side, d = 1 - a;
    /* What each side can bring to the battle ground while the engagement
     * lasts: its forces within reach that stand on the frontage
     * (on_the_spot). The
     * attacker commits a skewed share of that — most clashes stay small, a
     * few draw in divisions — and never more than battle.commit of what is
     * within reach; the defender answers with what it can bring, up to the
     * superiority the side keeps over what attacks it (the USSR's
     * soviet.threat_ratio, the Japanese army's north ratio), not a share of
     * every man it has near the border. The record's openings were a
     * battalion or two a side (Changkufeng 1,410 against 1,460, Nomonhan
     * 1,300 against 1,228: CDB90 256, 259), where the Soviet side hauled 170
     * and 650 km. */
    int days = hk_round_int(hk_fmax(1.0, P(w, CAMPAIGN_ENGAGEMENT_DAYS)));
    double u = hk_rng_uniform(r);
    hk_side_forces fa = within_reach(w, sec, a), fd = within_reach(w, sec, d);
    /* the clash is fought by what stands on the frontage (on_the_spot):
     * the frontier posts and the local garrison, not the army behind them;
     * it grows into a battle of divisions only as each side brings more up,
     * month by month (campaign_month), the way the record's battles grew
     * from a battalion or two (cdb90, isqno 256 and 259) */
    double bring_a = hk_fmin(fa.men, on_the_spot(w, sec, a));
    double bring_d = hk_fmin(fd.men, on_the_spot(w, sec, d));
    /* an ally standing alone answers with its frontier post, not its army
     * (incidents.c) */
    if (d == HK_SIDE_SOV)
        bring_d = hk_fmin(bring_d, hk_incidents_frontier_guard(w, sec, soviet_bound(w, sec)));
    double men_a, men_d;
    if (answer) {
        /* the mover digs in with a skewed share of its frontage; the
         * holder attacks it with the ratio the Army believes enough, as far
         * as its own frontage goes */
        men_d = hk_fmin((0.05 + 0.95 * u * u) * bring_d, P(w, BATTLE_COMMIT) * fd.men);
        men_a = hk_fmin(bring_a, hk_assess_north_need(w) * men_d);
    } else {
        men_a = hk_fmin((0.05 + 0.95 * u * u) * bring_a, P(w, BATTLE_COMMIT) * fa.men);
        double ratio_d = d == HK_SIDE_SOV ? P(w, SOVIET_THREAT_RATIO) : hk_assess_north_need(w);
        men_d = hk_fmin(bring_d, ratio_d * men_a);
    }
    /* nobody of one side within reach of the battle ground (its route there
     * cut by the other's ground): the incident stays an incident */
    if (!(men_a >= 1) || !(men_d >= 1))
        return;
    double ka = men_a / fa.men, kd = men_d / fd.men;
    hk_combat_side att = {.men = men_a, .tanks = fa.tanks * ka, .guns = fa.guns * ka,
                          .aircraft = fa.aircraft * ka, .quality = 1, .supply_km = battle_supply_km(w, sec, a)};
    hk_combat_side def = {.men = men_d, .tanks = fd.tanks * kd, .guns = fd.guns * kd,
                          .aircraft = fd.aircraft * kd, .quality = 1, .supply_km = battle_supply_km(w, sec, d),
                          .posture = soviet_works(w, sec, d) ? HK_POSTURE_FORTIFIED : HK_POSTURE_PREPARED};
    hk_terrain terrain = sector_terrain(w, sec);
    hk_combat_result res;
    fight(w, r, sec, &att, &def, a, terrain, days, &res, false);
    if (sec >= 0 && sec < HK_MAX_SECTORS) {
        w->tally.border_battles[sec]++;
        w->tally.border_battle_men[sec] = hk_fmax(w->tally.border_battle_men[sec], hk_fmax(att.men, def.men));
    }
    int loser = res.winner == HK_COMBAT_ATTACKER ? d : res.winner == HK_COMBAT_DEFENDER ? a : -1;
    double men[2], cas[2];
    men[a] = att.men;
    men[d] = def.men;
    cas[a] = res.casualties[HK_COMBAT_ATTACKER];
    cas[d] = res.casualties[HK_COMBAT_DEFENDER];
    /* a side left with under a tenth of what it committed has nothing to
     * hold the line with (the campaign's own rule): it has lost, whether or
     * not it broke off (a Japanese force that does not surrender is
     * destroyed in its positions instead) */
    bool spent[2] = {false, false};
    spent[a] = att.men - res.loss[HK_COMBAT_ATTACKER].men < 0.1 * att.men;
    spent[d] = def.men - res.loss[HK_COMBAT_DEFENDER].men < 0.1 * def.men;
    if (spent[a] != spent[d])
        loser = spent[a] ? a : d;
    /* neither side broke off and both still hold the line: the battle goes
     * on as a campaign (one at a time); its outcomes are the campaign's when
     * it ends */
    bool goes_on = hk_battles_undecided(&res) && !w->border_campaign.active && att.men > 0 && def.men > 0 &&
                   !spent[0] && !spent[1];
    if (goes_on) {
        w->battles_month++;
        battle_politics(w, loser, men[HK_SIDE_JPN], men[HK_SIDE_SOV], -1, sec);
        hk_combat_side sd[2];
        hk_combat_losses lo[2];
        sd[a] = att;
        sd[d] = def;
        lo[a] = res.loss[HK_COMBAT_ATTACKER];
        lo[d] = res.loss[HK_COMBAT_DEFENDER];
        campaign_open(w, sec, &sd[HK_SIDE_JPN], &sd[HK_SIDE_SOV], cas, lo, a, loser, answer ? HK_SIDE_SOV : a);
        /* the answer did not throw the mover off: it holds the ground it
         * moved onto */
        if (answer && w->border_campaign.holder < 0)
            w->border_campaign.holder = d;
        w->border_campaign.clock = res.days;
        campaign_contact(w, res.days + 1, month_days(w) + 1);
        /* the USSR that moved onto the ground and still holds it has
         * answered the attack on it: it owes another only if the Japanese
         * side brings up more (soviet_owes) */
        if (answer && w->border_campaign.holder == HK_SIDE_SOV)
            w->border_campaign.answered = hk_fmax(w->border_campaign.men[HK_SIDE_JPN], 1.0);
    } else {
        battle_consequences(w, loser, men[HK_SIDE_JPN], men[HK_SIDE_SOV], cas[HK_SIDE_JPN], cas[HK_SIDE_SOV], true,
                            -1, sec);
    }
    const char *sname = s->sectors[sec].name ? s->sectors[sec].name : s->sectors[sec].id;
    /* on an ally's border that no treaty binds the USSR to defend, the
     * Soviet side is the ally's own army (the Mongolian army on the Khalkha
     * before the protocol of 1936, 001:83): the text names it */
    char sov[2][120];
    bool alone = !soviet_bound(w, sec);
    if (alone) {
        const char *ally = hk_actor_name_at(w, s->sectors[sec].side[1], w->month);
        snprintf(sov[0], sizeof sov[0], "%s's army", ally ? ally : "the ally");
    } else {
        snprintf(sov[0], sizeof sov[0], "the Soviet side");
    }
    /* sov[1]: the same without its article, for the casualty list */
    snprintf(sov[1], sizeof sov[1], "%.100s", strncmp(sov[0], "the ", 4) == 0 ? sov[0] + 4 : sov[0]);
    int site = known_site(w, sec);
    if (hk_world_logging(w) && answer)
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s (tension %.2f) %s moves onto %s, ground the Japanese side holds and the USSR "
                 "claims, and digs in there with %.0f men; the %s answers with its local garrison and "
                 "attacks them with %.0f.",
                 sname, w->tension[sec], alone ? sov[0] : "the Soviet side",
                 site >= 0 && s->regions[site].name ? s->regions[site].name : "the disputed ground", men[HK_SIDE_SOV],
                 hk_battles_japanese_army(w, sec), men[HK_SIDE_JPN]);
    else if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "On the %s (tension %.2f) an incident grows into a battle: the %s's officers "
                 "(autonomy %.2f) commit %.0f men against %.0f%s%s%s.",
                 sname, w->tension[sec], hk_battles_japanese_army(w, sec), w->autonomy, men[HK_SIDE_JPN], men[HK_SIDE_SOV],
                 alone ? " of " : "", alone ? sov[0] : "",
                 soviet_works(w, sec, d) ? " in the Soviet fortified region on the border" : "");
    if (alone && hk_world_logging(w)) {
        size_t n = strlen(w->scratch);
        snprintf(w->scratch + n, sizeof w->scratch - n,
                 " It stands alone: no treaty yet binds the USSR to defend this border.");
    }
    hk_world_event_facts(w, sec, men, NULL, -1, 0);
    hk_world_emit2(w, "battle", s->sectors[sec].id, s->jpn, s->sov, w->scratch, SRC_MODEL("battles"));
    /* a battle that goes on: nobody broke off, but a side can still have
     * lost it on the day; a beaten defender gives up the ground the
     * attacker took (campaign_open's holder), a beaten attacker is thrown
     * back to where it started; either keeps its men on the line */
    const char *goes_on_text = "";
    if (goes_on && loser < 0)
        goes_on_text = " Neither side has broken off: both hold their ground and the fighting goes on.";
    else if (goes_on && loser == d)
        goes_on_text = loser == HK_SIDE_JPN
                           ? " The Japanese side gives ground but keeps a line: neither side has broken off and the "
                             "fighting goes on."
                           : alone ? " The beaten army gives ground but keeps a line: neither side has broken off "
                                     "and the fighting goes on."
                                   : " The Soviet side gives ground but keeps a line: neither side has broken off and "
                                     "the fighting goes on.";
    else if (goes_on)
        goes_on_text = loser == HK_SIDE_JPN
                           ? " The Japanese attack is thrown back, but its men stay on the line: neither side has "
                             "broken off and the fighting goes on."
                           : alone ? " The ally's attack is thrown back, but its men stay on the line: neither side "
                                     "has broken off and the fighting goes on."
                                   : " The Soviet attack is thrown back, but its men stay on the line: neither side has "
                                     "broken off and the fighting goes on.";
    /* the other side named as the battle named it: the ally's own army
     * where it stands alone */
    char contact[256] = "";
    if (goes_on && hk_world_logging(w))
        snprintf(contact, sizeof contact, " In contact for the rest of the month the Japanese side loses %.0f more and %s %.0f.",
                 w->border_campaign.contact[HK_SIDE_JPN], sov[0], w->border_campaign.contact[HK_SIDE_SOV]);
    if (hk_world_logging(w))
        snprintf(w->scratch, sizeof w->scratch,
                 "After %d day%s on the %s: %s%s. Casualties: Japanese side %.0f, %s %.0f.%s%s", res.days,
                 res.days == 1 ? "" : "s", sname,
                 loser == HK_SIDE_JPN ? "the Japanese side is beaten" : loser == HK_SIDE_SOV ? sov[0] : "neither side prevails",
                 loser == HK_SIDE_SOV ? " is beaten" : "", cas[HK_SIDE_JPN], alone ? sov[1] : "Soviet side",
                 cas[HK_SIDE_SOV], goes_on_text, contact);
    hk_world_event_facts(w, sec, men, cas, loser < 0 ? -1 : 1 - loser, res.days);
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
        double men[2];
        men[as] = att.men;
        men[ds] = def.men;
        hk_world_event_facts(w, b->sector, men, NULL, -1, 0);
        hk_world_emit(w, b->start, "battle", b->id, actors, 2, w->scratch, b->source.text);
        return;
    }
    int days = hk_date_is_set(b->end) ? days_between(b->start, b->end) : 30;
    hk_combat_result res;
    fight(w, r, b->sector, &att, &def, as, b->terrain, days, &res, false);
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
    hk_world_event_facts(w, b->sector, men, NULL, -1, 0);
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
    {
        double shown[2];
        for (int i = 0; i < 2; i++)
            shown[i] = cas[i] >= 0 ? cas[i] : model[i];
        hk_world_event_facts(w, b->sector, men, shown, loser < 0 ? -1 : 1 - loser, res.days);
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
    att.men = hk_fmax(0, att.men - parts[as]);
    def.men = hk_fmax(0, def.men - parts[ds]);
    if (rest > 0 && att.men > 0 && def.men > 0) {
        hk_combat_result res;
        fight(w, r, b->sector, &att, &def, as, b->terrain, rest, &res, false);
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
    double biggest = hk_fmax(men[0], men[1]);
    if (biggest > w->largest_battle) {
        w->largest_battle = biggest;
        w->tally.major_battle_casualties[HK_SIDE_JPN] = cas[HK_SIDE_JPN] >= 0 ? cas[HK_SIDE_JPN] : model[HK_SIDE_JPN];
        w->tally.major_battle_casualties[HK_SIDE_SOV] = cas[HK_SIDE_SOV] >= 0 ? cas[HK_SIDE_SOV] : model[HK_SIDE_SOV];
    }
    int y = hk_month_year(w->month);
    if (biggest >= P(w, BATTLE_MAJOR_MEN)) {
        if (y >= 1937 && y <= 1940)
            w->tally.major_border_battle_1937_1940 = true;
        if (loser == HK_SIDE_JPN)
            w->tally.japan_loses_major_border_battle = true;
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
    {
        double shown[2];
        for (int i = 0; i < 2; i++)
            shown[i] = cas[i] >= 0 ? cas[i] : model[i];
        hk_world_event_facts(w, b->sector, men, shown, loser < 0 ? -1 : 1 - loser, total_days);
    }
    hk_world_emit(w, b->end, "battle_result", b->id, actors, 2, w->scratch, b->source.text);
}

void hk_battles_step(hk_world *w)
{
    const hk_scenario *s = w->s;
    /* the month's stream only when a battle may draw from it (splitting one
     * every month was a twentieth of a run's work) */
    bool fighting = w->mode == HK_MODE_REPLAY || w->border_campaign.active || w->n_pending > 0;
    w->reach_forces_known = 0; /* the formations have moved since the last step (within_reach) */
    hk_rng r = fighting ? hk_world_stream(w, HK_STREAM_BATTLES) : (hk_rng){0};
    w->battles_month = 0;
    /* this month's battles by sector (incidents has read last month's for
     * tension): cleared when a battle wrote them, most months none did */
    if (w->battles_dirty) {
        memset(w->sector_battles, 0, sizeof w->sector_battles);
        memset(w->sector_battle_size, 0, sizeof w->sector_battle_size);
        w->battles_dirty = false;
    }
    if (w->mode == HK_MODE_REPLAY) {
        for (int b = 0; b < s->n_battles; b++)
            if (hk_date_month(s->battles[b].start) == w->month)
                replay_battle(w, &r, b);
        for (int b = 0; b < s->n_battles; b++)
            if (hk_date_is_set(s->battles[b].end) && hk_date_month(s->battles[b].end) == w->month &&
                is_campaign(s, b))
                close_campaign(w, &r, b);
    } else {
        /* a campaign under way plays its month first; incidents on its
         * sector are part of it, and a border just quieted by a ceasefire
         * does not flare into a new battle the same month */
        int busy = -1;
        if (w->border_campaign.active) {
            busy = w->border_campaign.sector;
            campaign_month(w, &r);
        }
        for (int i = 0; i < w->n_pending && w->armistice_on != w->month; i++) /* the armistice's ceasefire holds */
            if (w->pending[i].sector != busy)
                simulate_battle(w, &r, &w->pending[i]);
    }
    w->n_pending = 0;
    /* general war is fought by the fronts (campaign.c) */
}
