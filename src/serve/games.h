/* games.h — the games the web server holds for its players (POST
 * /api/play). Each game is known by a random id (ids.h) and kept until it
 * has been left alone for the table's idle limit; a new game never pushes
 * out a game someone is still playing. When every slot holds a game in use,
 * a new one is refused until one falls idle. Every access to a game happens
 * under the table's mutex; a turn is one month of one world, short enough
 * to hold it. */
#ifndef HK_SERVE_GAMES_H
#define HK_SERVE_GAMES_H

#include <pthread.h>
#include <stdint.h>

#include "run/play.h"
#include "serve/ids.h"

#define HK_GAMES_MAX 128
/* A game untouched this long is dropped (the API's messages say so). */
#define HK_GAMES_IDLE_SECONDS (6 * 3600)

typedef struct hk_games {
    pthread_mutex_t lock;
    hk_game *game[HK_GAMES_MAX];
    char id[HK_GAMES_MAX][HK_ID_HEX + 1];
    double used[HK_GAMES_MAX]; /* monotonic seconds of the last access */
    double idle_limit;         /* seconds */
    double (*now)(void);       /* the clock; tests may replace it */
} hk_games;

/* idle_seconds <= 0 takes HK_GAMES_IDLE_SECONDS. */
void hk_games_init(hk_games *t, double idle_seconds);
void hk_games_free(hk_games *t);
/* Takes ownership of g and writes its new id to id. Returns 0; -1 when the
 * table is full of games in use (g is freed), -2 when no random id can be
 * had (g is freed). */
int hk_games_add(hk_games *t, hk_game *g, char id[HK_ID_HEX + 1]);
/* Locks the table and returns the game, or NULL (unlocked) if there is no
 * such game (never was, or dropped after its idle limit); call
 * hk_games_release after using it. */
hk_game *hk_games_acquire(hk_games *t, const char *id);
void hk_games_release(hk_games *t);

#endif
