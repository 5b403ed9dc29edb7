/* system.h — what every system file in src/model shares: the world it reads
 * and writes, the one clamp, and the source tag of a decision the model
 * (not the record) makes. */
#ifndef HK_MODEL_SYSTEM_H
#define HK_MODEL_SYSTEM_H

#include "core/mathx.h"
#include "world/world.h"

/* "model: ANCHOR (docs/model.md#ANCHOR)": where a decision's rule is written up. */
#define SRC_MODEL(anchor) "model: " anchor " (docs/model.md#" anchor ")"

#endif
