/* motor.h — the Soviet motor transport on an ally's ground.
 *
 * Writes: world.motor, the trucks Moscow has railed in for border
 * campaigns on an ally's ground (the Khalkha, in Mongolia). Read by the
 * border campaign's lift there (battles.c, sector_lift):
 * docs/model.md#battles-motor-transport. */
#ifndef HK_MOTOR_H
#define HK_MOTOR_H

#include "world/world.h"

/* Trucks the Soviet forces stationed on the ground of sector `sec`'s ally
 * (Mongolia) have there, while the treaty that lets them stand there binds
 * and Soviet men stand there: the first contingent's (motor.first_park)
 * until motor.park_months after the treaty's signing, when the motorised
 * corps has come, then its park (motor.park); 0 on the USSR's own borders.
 * Worked out from the state when asked. */
double hk_motor_stationed(hk_world *w, int sec);

/* The men a month the Soviet side's trucks bring up over the road to the
 * battle ground of sector `sec` (the ally's border), up to `road`, what the
 * road carries: motor.truck_lift times the trucks there (those stationed
 * and those railed in, hk_motor_stationed and world.motor). The first call in a month brings the trucks
 * railed in up to date: those worn out or sent back since the last month
 * it was asked (motor.wear a month), and, while the USSR fights on for the
 * ally (`bound`) and is losing the campaign there (the Japanese side holds
 * the ground the ally claims, or beat it last), once the motorised corps
 * has come (motor.park_months), Moscow's next motor.delivery, as far as
 * the road has use for them and as far as the campaign needs them: no more
 * than the trucks that would bring up in a month `lack`, the men the Soviet
 * side lacks on the line there, beyond what the trucks there carry. Asked only in the
 * months of a border campaign, so it costs nothing in peace. */
double hk_motor_lift(hk_world *w, int sec, bool bound, double road, double lack);

#endif
