/* battles.h — the battles of the month and the fighting of a general war.
 *
 * Writes: the month's battle count and losses (taken from the forces next
 * month by movement), which side lost a battle (read by politics next
 * month), war exhaustion, and the battle outcomes. The fighting itself is
 * the combat model's (model/combat.h). A battle neither side broke off goes
 * on as a border campaign, month by month (world.border_campaign). */
#ifndef HK_BATTLES_H
#define HK_BATTLES_H

#include "world/world.h"

void hk_battles_step(hk_world *w);

/* A battle neither side broke off (docs/model.md#battles-border-campaign):
 * in simulate it goes on as a border campaign. */
bool hk_battles_undecided(const hk_combat_result *res);
/* A side's wish to stop the campaign under way, 0..1: its losses, Europe,
 * the months gone by, and for the Japanese side Tokyo's restraint (it is
 * Tokyo's wish; the field army fights on unless Tokyo prevails). */
double hk_battles_ceasefire_pressure(const hk_world *w, int side);

/* The chance that Tokyo's wish for a ceasefire prevails over the Kwantung
 * Army's officers this month: its restraint against their autonomy, 0..1. */
double hk_battles_tokyo_prevails(const hk_world *w);

/* "Kwantung Army" or, on Korea's own border, "Korea Army". */
const char *hk_battles_japanese_army(const hk_world *w, int sec);

/* The run's campaigning season and winter (battle.season_first..last,
 * battle.winter_first..last) as months of the year, at its start. */
void hk_battles_start(hk_world *w);
/* True when sector sec's battle ground is open steppe in its winter months
 * (battle.winter_first..battle.winter_last): no army moves or supplies an
 * offensive there by road, so a clash is fought by what stands on the
 * frontage and a campaign makes no attack. */
bool hk_battles_winter_halts(const hk_world *w, int sec);
/* True in sector sec's campaigning season (battle.season_first to
 * battle.season_last): only then does a border battle open or a border
 * campaign's side attack. */
bool hk_battles_in_season(const hk_world *w, int sec);
/* The USSR is building up toward superiority in the campaign under way: bound
 * to the border, not yet attacked with it, and the superiority within reach
 * of its theatre army; it does not seek a ceasefire meanwhile. */
bool hk_battles_soviet_building(const hk_world *w);

/* Each side's supply distance (km from its nearest railhead over its own
 * links) at the place a sector's border battles are fought, km[side]:
 * battles' memo once a battle there has fixed it, else worked out from whose
 * ground is whose now. Returns whether it is the memo. */
/* Who moves first where an incident on sector sec grows into a battle:
 * where the battle ground is disputed (regions.yaml claimed_by), the side
 * whose claim runs through ground the other holds, the way Soviet border
 * guards dug in on the Changkufeng crest in July 1938 (coox1977), or -1
 * when neither has a claim to press there; elsewhere the Japanese side,
 * its field officers' initiative (docs/model.md#battles). */
int hk_battles_initiative(const hk_world *w, int sec);
/* The sectors whose battle ground as known now carries a claim: the only
 * ones where hk_battles_initiative can be other than HK_SIDE_JPN. */
unsigned hk_battles_claimed(const hk_world *w);

/* Whether Moscow presses its claims on disputed ground: only with the
 * superiority it plans for over the Japanese army in the theatre
 * (soviet.threat_ratio, as ready as its offensives, SOVIET_READY), and not
 * while its share of the Chinese Eastern Railway is hostage in a Manchuria
 * the Kwantung Army holds (sold in March 1935, frus1935v03_d92). Short of
 * it, the Soviet Far East still building up, it gave way on disputed ground
 * (soviet.yield_ratio, 001:21); the crest at Changkufeng was occupied in
 * July 1938, with the Far Eastern army at its strength of the purge years
 * and the Japanese army drawn into China (001:47, coox1977). */
bool hk_battles_soviet_presses(const hk_world *w);

/* The men `side` has on sector sec's frontage (its frontier posts and the
 * garrisons behind them, each formation's men spread over the borders it
 * faces) over the other side's: who holds the local balance. */
double hk_battles_local_balance(hk_world *w, int sec, int side);

/* The Japanese planner's odds of an attack on sector sec against the
 * defence it would meet there, 1 against prepared positions, less against
 * the USSR's fortified regions on its own railway borders (combat model's
 * posture multipliers; runov2008). */
double hk_battles_attack_odds(const hk_world *w, int sec);

bool hk_battles_site_km(const hk_world *w, int sec, double km[2]);

#endif
