/* assess.h — the quantities several systems read: read-only judgements of
 * the state that politics, diplomacy, movement and battles share.
 *
 * Writes nothing. Each function reads the world and returns a number or a
 * yes/no; the systems that act on it (the cabinet deciding on war, the
 * staff sizing an army, a party weighing a treaty) call it. */
#ifndef HK_ASSESS_H
#define HK_ASSESS_H

#include "world/world.h"

/* The Japanese/Soviet force ratio on the border the cabinet demands before
 * opening war on the USSR: war.north_ratio, times war.break_factor while a
 * neutrality pact binds, times 1 + war.lesson x (lost major battles, <= 1). */
double hk_assess_north_need(const hk_world *w);
/* the same ratio with no pact binding (no war.break_factor) */
double hk_assess_north_need_free(const hk_world *w);

/* Influence of Japan's factions that lean north (lean > 0.3), weighted by
 * their hawkishness: the pull of the cabinet towards war on the USSR. */
double hk_assess_north_hawks(const hk_world *w);

/* The USSR's motive to enter a war on Japan (entry at 1; preparation at 0.6). */
double hk_assess_entry_motive(const hk_world *w);

/* The force the USSR assembles east of Baikal before an offensive on Japan's
 * mainland army: soviet.entry_ratio times the largest Japanese army it has
 * faced (Japan can refill its army, as it did in 1945). */
double hk_assess_offensive_force(const hk_world *w);

/* True once the Soviet army east of Baikal holds the offensive force (to
 * within 2%): the transfer east is done. */
bool hk_assess_offensive_ready(const hk_world *w);

/* True while Japan still has reason to fight on rather than surrender:
 * hope of Soviet mediation (the USSR not at war with it) or of a decisive
 * battle on the home islands (no atomic bombing, and its mainland army not
 * broken). docs/model.md#politics-peace. */
bool hk_assess_japan_hopes_mediation(const hk_world *w);
bool hk_assess_japan_hopes_decisive_battle(const hk_world *w);

/* Whether an undertaking of neutrality binds Japan and the USSR: the
 * Neutrality Pact in force, or the undertaking an armistice renewed on its
 * line (war.c, armistice_pact 1); the pact binds while in force and, once
 * denounced, until it expires (hk_treaty_binds). */
bool hk_assess_neutrality_binds(const hk_world *w);

/* Whether such an undertaking stands with no notice given: the pact in
 * force, or the armistice's undertaking in force. */
bool hk_assess_neutrality_in_force(const hk_world *w);

/* Whether a party has given notice of that undertaking: the pact denounced,
 * or the armistice's undertaking denounced (armistice_pact 2). */
bool hk_assess_neutrality_noticed(const hk_world *w);

/* Stavka's reserve for the west while Germany's offensive goes on: the
 * interior's formations (war.west_reserve_rate a month from the attack,
 * rotundo1985) and the men the Far East has sent west (sov_west_sent). 0
 * before the attack. */
double hk_assess_west_reserve(const hk_world *w);

/* True while Germany's offensive holds Stavka: the USSR at war with an
 * unbeaten Germany and its reserve not yet at the counter-offensive's
 * (war.west_counter_men; movement sets west_turned_on the month it is, as
 * the counter-offensive before Moscow opened on 5 December 1941 with the
 * Far East's divisions among it, rzd_transfers_1941). A war Japan opens in
 * the east then gets nothing from the west, and the Far East's reserve is
 * kept for the west. */
bool hk_assess_west_crisis(const hk_world *w);

/* How far the reserve for the west falls short of the counter-offensive's
 * while the crisis holds, 0 to 1 (1 - reserve / war.west_counter_men); 0
 * once it is over. */
double hk_assess_west_shortfall(const hk_world *w);

/* True once Soviet power holds the east: its army there at three quarters
 * of soviet.floor (the Civil War over). */
bool hk_assess_soviet_established(const hk_world *w);

/* Europe at war, or Germany and the USSR bound by a pact, or at war: quiet
 * on the eastern border is worth more to both (001:147, 001:151). */
bool hk_assess_europe_presses(const hk_world *w);

/* How far the USSR stands and fights for disputed ground on its eastern
 * border, 0 to 1: its army east of Baikal over the Japanese mainland army,
 * from soviet.yield_ratio (0) to the superiority it plans for, soviet.threat_ratio (1).
 * Below it Moscow yields ground rather than risk a war it is not ready for,
 * as it did while it built up in the early 1930s. */
double hk_assess_soviet_resolve(const hk_world *w);

#endif
