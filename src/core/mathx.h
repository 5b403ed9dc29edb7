/* mathx.h — small numeric helpers every layer may use. */
#ifndef HK_MATHX_H
#define HK_MATHX_H

/* x held to [lo, hi]; a NaN comes back as it went in. */
static inline double hk_clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

#endif
