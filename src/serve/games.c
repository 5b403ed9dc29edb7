/* games.c — the server's game table (see games.h). */
#include "serve/games.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void hk_games_init(hk_games *t, uint64_t salt)
{
    memset(t, 0, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    t->next_id = 1;
    t->salt = salt;
}

void hk_games_free(hk_games *t)
{
    for (int i = 0; i < HK_GAMES_MAX; i++)
        hk_game_free(t->game[i]);
    pthread_mutex_destroy(&t->lock);
}

/* Ids mix a counter with the server's salt, so an id from an earlier run of
 * the server does not silently reach another player's game. */
static uint64_t make_id(hk_games *t)
{
    uint64_t x = (t->next_id++) ^ t->salt;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x ? x : 1;
}

uint64_t hk_games_add(hk_games *t, hk_game *g)
{
    pthread_mutex_lock(&t->lock);
    int at = -1;
    for (int i = 0; i < HK_GAMES_MAX && at < 0; i++)
        if (!t->game[i])
            at = i;
    if (at < 0) { /* full: the game left alone longest goes */
        at = 0;
        for (int i = 1; i < HK_GAMES_MAX; i++)
            if (t->used[i] < t->used[at])
                at = i;
        hk_game_free(t->game[at]);
    }
    t->game[at] = g;
    t->id[at] = make_id(t);
    t->used[at] = ++t->tick;
    uint64_t id = t->id[at];
    pthread_mutex_unlock(&t->lock);
    return id;
}

hk_game *hk_games_acquire(hk_games *t, uint64_t id)
{
    if (!id)
        return NULL;
    pthread_mutex_lock(&t->lock);
    for (int i = 0; i < HK_GAMES_MAX; i++) {
        if (t->game[i] && t->id[i] == id) {
            t->used[i] = ++t->tick;
            return t->game[i];
        }
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

void hk_games_release(hk_games *t) { pthread_mutex_unlock(&t->lock); }

void hk_games_id_text(uint64_t id, char buf[24]) { snprintf(buf, 24, "%016" PRIx64, id); }

uint64_t hk_games_id_parse(const char *text)
{
    if (strlen(text) != 16)
        return 0;
    uint64_t x = 0;
    for (int i = 0; i < 16; i++) {
        char c = text[i];
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0)
            return 0;
        x = x << 4 | (uint64_t)d;
    }
    return x;
}
