/* games.h — the games the web server holds for its players (POST
 * /api/play): a bounded table in which a new game evicts the one left alone
 * longest. Every access to a game happens under the table's mutex; a turn is
 * one month of one world, short enough to hold it. */
#ifndef HK_SERVE_GAMES_H
#define HK_SERVE_GAMES_H

#include <pthread.h>
#include <stdint.h>

#include "run/play.h"

#define HK_GAMES_MAX 64

typedef struct hk_games {
    pthread_mutex_t lock;
    hk_game *game[HK_GAMES_MAX];
    uint64_t id[HK_GAMES_MAX];
    uint64_t used[HK_GAMES_MAX]; /* tick of the last access */
    uint64_t next_id, tick;
    uint64_t salt;               /* makes ids differ between server starts */
} hk_games;

void hk_games_init(hk_games *t, uint64_t salt);
void hk_games_free(hk_games *t);
/* Takes ownership of g; returns its id (never 0). */
uint64_t hk_games_add(hk_games *t, hk_game *g);
/* Locks the table and returns the game, or NULL (unlocked) if there is no
 * such game; call hk_games_release after using it. */
hk_game *hk_games_acquire(hk_games *t, uint64_t id);
void hk_games_release(hk_games *t);
/* "ID" text of an id, and back (0 if malformed). */
void hk_games_id_text(uint64_t id, char buf[24]);
uint64_t hk_games_id_parse(const char *text);

#endif
