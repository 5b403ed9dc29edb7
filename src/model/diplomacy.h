/* diplomacy.h — treaties: concluded, kept, denounced, broken and expired.
 *
 * Writes: the treaty states. In replay the record's dates decide; in
 * simulate each party's expected gain does, within what the clauses of
 * other treaties allow. */
#ifndef HK_DIPLOMACY_H
#define HK_DIPLOMACY_H

#include "world/world.h"

void hk_diplomacy_step(hk_world *w);

/* True when a binding treaty's clause bars treaty t (e.g. the Sino-Soviet
 * secret statement against a Soviet–Japanese non-aggression pact); writes
 * the barring treaty's index to *by when not NULL. */
bool hk_diplomacy_barred(const hk_world *w, int t, int *by);
/* Expected gain of `actor` from treaty t in the present state (> 0 wants it). */
double hk_diplomacy_gain(const hk_world *w, int t, int actor);
/* True when treaty t holds `actor` back from something it could otherwise
 * do (a war, a war for another, a treaty it may not make): only such a
 * treaty is worth the notice. */
bool hk_diplomacy_restrains(const hk_world *w, int t, int actor);
/* The month the normalisation treaty's withdrawal clause has the ground
 * taken in reprisal evacuated by: its signing plus the clause's months;
 * HK_MONTH_NONE while no such treaty binds. */
hk_month hk_diplomacy_evacuation_due(const hk_world *w);
/* Whether party `actor` may give notice on treaty t this month. */
bool hk_diplomacy_may_denounce(const hk_world *w, int t);

#endif
