/* games.c — the server's game table (see games.h). */
#include "serve/games.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

void hk_games_init(hk_games *t, double idle_seconds)
{
    memset(t, 0, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    t->idle_limit = idle_seconds > 0 ? idle_seconds : HK_GAMES_IDLE_SECONDS;
    t->now = monotonic_seconds;
}

void hk_games_free(hk_games *t)
{
    for (int i = 0; i < HK_GAMES_MAX; i++)
        hk_game_free(t->game[i]);
    pthread_mutex_destroy(&t->lock);
}

/* Drops slot i if its game has been idle past the limit; under the lock. */
static void expire(hk_games *t, int i, double now)
{
    if (t->game[i] && now - t->used[i] > t->idle_limit) {
        hk_game_free(t->game[i]);
        t->game[i] = NULL;
        t->id[i][0] = '\0';
    }
}

int hk_games_add(hk_games *t, hk_game *g, char id[HK_ID_HEX + 1])
{
    if (hk_id_new(id) != 0) {
        hk_game_free(g);
        return -2;
    }
    pthread_mutex_lock(&t->lock);
    double now = t->now();
    int at = -1;
    for (int i = 0; i < HK_GAMES_MAX; i++) {
        expire(t, i, now);
        if (!t->game[i] && at < 0)
            at = i;
    }
    if (at < 0) {
        pthread_mutex_unlock(&t->lock);
        hk_game_free(g);
        return -1;
    }
    t->game[at] = g;
    memcpy(t->id[at], id, HK_ID_HEX + 1);
    t->used[at] = now;
    pthread_mutex_unlock(&t->lock);
    return 0;
}

hk_game *hk_games_acquire(hk_games *t, const char *id)
{
    if (!hk_id_valid(id))
        return NULL;
    pthread_mutex_lock(&t->lock);
    double now = t->now();
    for (int i = 0; i < HK_GAMES_MAX; i++) {
        if (t->game[i] && hk_id_equal(t->id[i], id)) {
            expire(t, i, now);
            if (!t->game[i])
                break;
            t->used[i] = now;
            return t->game[i];
        }
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

void hk_games_release(hk_games *t) { pthread_mutex_unlock(&t->lock); }
