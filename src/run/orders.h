/* orders.h — a player's orders for a month, checked in one place.
 *
 * Each front end reads its own syntax: the terminal game's menu
 * (cli/cmd_play.c), the save file's `turn` lines (play.c) and the JSON of
 * POST /api/play/ID/turn (serve/api_games.c). Each value goes through the
 * functions here, which check it against the scenario and the player; on a
 * wrong value they write what is wrong to err (no prefix: the caller adds
 * its file:line or the order's name) and return -1. */
#ifndef HK_RUN_ORDERS_H
#define HK_RUN_ORDERS_H

#include <stdbool.h>
#include <stddef.h>

#include "world/api.h"

/* Orders that change nothing: no push, no movement, no treaty, incidents as
 * the model decides, no war, every front as the model decides. */
void hk_orders_none(hk_orders *o);

const char *hk_escalation_name(hk_escalation e);
const char *hk_front_posture_name(int p);
/* "model", "attack", "hold", "withdraw" -> HK_FRONT_*, or -1. */
int hk_front_posture_parse(const char *name);

/* doctrine_push and reinforce: a number from -1 to 1. */
int hk_orders_unit(double x, double *out, char *err, size_t len);
/* The same from text (the save file). */
int hk_orders_unit_text(const char *text, double *out, char *err, size_t len);
/* Whether the player's actor is a party to treaty t. */
bool hk_orders_party(const hk_scenario *s, int player, int t);
/* propose_treaty and denounce_treaty: a treaty the player is a party to, by
 * id; NULL or "-" is none (-1). */
int hk_orders_treaty(const hk_scenario *s, int player, const char *id, int *out, char *err, size_t len);
/* incidents: "model", "escalate" or "contain". */
int hk_orders_incidents(const char *name, hk_escalation *out, char *err, size_t len);
/* A general war's posture for a front: a sector id and a posture name. */
int hk_orders_front(hk_orders *o, const hk_scenario *s, const char *sector, const char *posture, char *err,
                    size_t len);
/* The front that receives the month's reinforcements: a sector id. */
int hk_orders_reinforce_front(hk_orders *o, const hk_scenario *s, const char *sector, char *err, size_t len);

#endif
