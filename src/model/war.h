/* war.h — general war between Japan and the USSR: whether it opens (the
 * cabinets, a player's orders, a forced decision), how it ends (armistice,
 * surrender), and the record's war and peace in replay. The only writer of
 * the general-war state (hk_world.war ... armistice_on, camp); its fronts
 * are fought in campaign.c. docs/model.md#war. */
#ifndef HK_WAR_H
#define HK_WAR_H

#include "world/world.h"

/* Runs after politics each month: forced decisions, the decisions for war,
 * and the end of a war by armistice or Japan's surrender. */
void hk_war_step(hk_world *w);
/* After the month's fighting: counts the month, and a surrender decided
 * this month takes effect (the armies in its zones lay down their arms). */
void hk_war_close_month(hk_world *w);
/* Opens general war, `opener` the side that attacks. */
void hk_war_open(hk_world *w, int opener, const char *id, const char *text, const char *source);
/* Ends it: `reason_id` "armistice" or "surrender", `reason` a sentence. */
void hk_war_end(hk_world *w, const char *reason_id, const char *reason, const char *source);

/* Whether the last general war was one Japan opened on the USSR and an
 * armistice ended it: a Soviet motive of its own for a later war (assess). */
bool hk_war_struck_by_japan(const hk_world *w);

#endif
