/* play.h — a game: one simulated world in which a player gives one actor's
 * orders month by month, and the save file that records it.
 *
 * The world is deterministic, so a game is fully described by its scenario,
 * seed, run index, the player's actor and the orders of every month played.
 * That is all a save file holds; loading it replays those orders and gets the
 * same world back, bit for bit, instead of serialising the world's state:
 * the wars begun, the ground an armistice ceded, the fronts and everything
 * else follow from the orders. The `state` line is the digest of the world
 * the game had reached when it was saved (hk_game_digest): a replay that
 * reaches another state (a save made by another build of the model, or on
 * an edited scenario of the same id) is refused rather than resumed as a
 * different game. Version 1 files, which have no `state` line, still load.
 *
 * Save file (text, one field per line, '\n' line ends):
 *
 *     hokushin-save 2
 *     scenario far-east-1918
 *     seed 3
 *     run 0
 *     player JPN
 *     months 2
 *     turn 1918-01 model
 *     turn 1918-02 push=1 reinforce=0.5 propose=- denounce=- incidents=contain war=0
 *     state 1f0c6a1e9b2d4c33
 *     checksum 6c62272e07bb0142
 *
 * `model` means the player left that month to the model. The checksum is the
 * FNV-1a 64-bit hash of every byte before the checksum line, in hex. */
#ifndef HK_RUN_PLAY_H
#define HK_RUN_PLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "world/api.h"
#include "run/orders.h"

#define HK_SAVE_MAGIC "hokushin-save"
#define HK_SAVE_VERSION 2
/* the oldest version this program reads (1: no `state` line) */
#define HK_SAVE_VERSION_MIN 1
/* A save file is a few tens of kB at most; anything much larger is not one. */
#define HK_SAVE_MAX_BYTES (1u << 20)

/* One month's orders: `given` false leaves the month to the model. */
typedef struct hk_play_turn {
    bool given;
    hk_orders orders;
} hk_play_turn;

typedef struct hk_game {
    const hk_scenario *scenario;
    hk_setup setup;
    hk_world *world;
    int player; /* actor index (Japan or the Soviet Union) */
    uint64_t seed, run;
    hk_play_turn *turns; /* one per month played, in order */
    int n_turns, cap;
    hk_month_summary last; /* the last month played */
    bool have_last;
} hk_game;


/* A new game at the scenario's first month. `player` is an actor id ("JPN"
 * or "SOV"). Returns NULL with a message in err. */
hk_game *hk_game_new(const hk_scenario *s, const char *player, uint64_t seed, char *err, size_t errlen);
void hk_game_free(hk_game *g);
/* A digest of the world the game has reached: the month, the politics, the
 * treaties, the forces, who holds each region, the general war's state and
 * its totals (the wars begun, the ground ceded), and the outcomes so far.
 * Two games with the same digest are in the same state. */
uint64_t hk_game_digest(const hk_game *g);
bool hk_game_over(const hk_game *g);
/* The month the next turn plays. */
hk_month hk_game_month(const hk_game *g);
/* Plays one month with the player's orders (NULL = the model decides),
 * reporting events and the month to obs (may be NULL). Returns 0, or -1 if
 * the game is over or memory ran out. */
int hk_game_turn(hk_game *g, const hk_orders *orders, const hk_observer *obs);
/* The state to show: the last month played, or the opening state. */
void hk_game_state(const hk_game *g, hk_month_summary *out);

/* What the model would do in the player's place in the month the next turn
 * plays: the game so far replayed on a copy, that month left to the model,
 * and what it did for the player's actor. */
#define HK_ADVICE_MAX 8
typedef struct hk_advice {
    hk_month month;
    double doctrine_before, doctrine_after; /* Japan's doctrine around that month */
    bool war_before, war_after;
    int n;                                  /* events of the player's actor */
    char kind[HK_ADVICE_MAX][24];
    char text[HK_ADVICE_MAX][320];
    hk_war_summary war;                     /* during a war: the fronts as the model left them */
} hk_advice;
/* Returns 0, or -1 when the game is over or memory ran out. */
int hk_game_advise(const hk_game *g, hk_advice *out);

/* The save file's text (malloc'd, NUL-terminated), or NULL if out of memory. */
char *hk_game_save(const hk_game *g);
/* Parses a save file and replays it. `name` is used in messages, which read
 * `NAME:LINE: what is wrong`. Never crashes on any input. */
hk_game *hk_game_load(const hk_scenario *s, const char *text, size_t len, const char *name, char *err,
                      size_t errlen);
/* The same from a file; a file that cannot be read is reported as NAME: reason. */
hk_game *hk_game_load_path(const hk_scenario *s, const char *path, char *err, size_t errlen);
/* Writes the save file (via a temporary file and rename, so a failed write
 * never destroys an earlier save). Returns 0 or -1 with err. */
int hk_game_save_path(const hk_game *g, const char *path, char *err, size_t errlen);

/* The checksum line's hash is core/hash.h's hk_fnv1a64. */
#include "core/hash.h"

/* A front's posture order by name ("model", "attack", "hold", "withdraw"),
 * and back (-1 unknown). */

#endif
