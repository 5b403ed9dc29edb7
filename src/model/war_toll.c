/* war_toll.c — a side's war losses and the war's exhaustion (war_toll.h). */
#include "model/war_toll.h"

void hk_war_toll(hk_world *w, int side, double men)
{
    w->war_losses[side] += men;
    double armies = w->jpn_men + w->sov_men;
    w->exhaustion += armies > 0 ? P(w, WAR_EXHAUSTION_WEIGHT) * men / armies : 0;
}
