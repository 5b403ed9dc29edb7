/* khalkhin.c — the Khalkhin Gol check and its sensitivity rows, and the six Japan-USSR engagements as hokushin battle fights them (tools/cdb90_fit). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cdb90_fit.h"

/* ---- the Khalkhin Gol check (forces and phases: docs/combat.md) --------- */

static const hk_combat_phase kg_phases[] = HK_COMBAT_KG_PHASES;
#define KG_NPHASES ((int)(sizeof kg_phases / sizeof kg_phases[0]))

static hk_terrain g_kg_terrain = HK_TERRAIN_STEPPE; /* plain in one sensitivity row */

static int kg_side(const char *spec, hk_combat_side *s)
{
    char name[16], err[256];
    if (hk_combat_parse_spec(spec, name, sizeof name, s, err, sizeof err)) {
        fprintf(stderr, "cdb90_fit: %s\n", err);
        return -1;
    }
    return 0;
}

/* att0 and def0 (NULL: no build-up) are the strengths at the first
 * engagement. */
static int kg_variant(const hk_combat_params *cp, const char *att, const char *def,
                      const char *att0, const char *def0, int nph, const hk_combat_phase *phases,
                      hk_rng *rng, hk_combat_result *r)
{
    hk_combat_side a, d, a0, d0;
    if (kg_side(att, &a) || kg_side(def, &d) || (att0 && kg_side(att0, &a0)) ||
        (def0 && kg_side(def0, &d0)))
        return -1;
    hk_combat_campaign_buildup(cp, &a, &d, att0 ? &a0 : NULL, def0 ? &d0 : NULL, g_kg_terrain,
                               nph, phases, rng, r);
    return 0;
}

int khalkhin_gol(const hk_combat_params *cp, hk_combat_result *r)
{
    return kg_variant(cp, KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, NULL, r);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sensitivity of the Khalkhin Gol figure: other ways of counting the
 * campaign's days and forces, without the no-surrender factor, supply or
 * the national factors, and the spread of 2000 random runs (seed 1, as
 * 'hokushin battle --runs 2000' gives it). */
void kg_sensitivity(FILE *f, const hk_combat_params *cp)
{
    static const hk_combat_phase d29[] = {{29, 0, 0}}, d120[] = {{120, 0, 0}},
                                 d12[] = {{12, 0, 0}},
                                 sov4[] = {{3, 0, 0}, {11, 0, 35}, {3, 0, 56}, {12, 0, 84}};
    enum { PLAIN = 1, NO_NATIONS = 2, NO_QUIET = 3 };
    static const struct {
        const char *what, *att, *def, *att0, *def0;
        int n;
        const hk_combat_phase *ph;
        int how;
    } v[] = {
        {"as declared: 4 engagements, forces growing from 28 May to 20 August", KG_ATT, KG_DEF,
         KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"the second version: the August strengths in every engagement", KG_ATT, KG_DEF, NULL,
         NULL, KG_NPHASES, kg_phases, 0},
        {"the same 4 growing engagements, all Soviet attacks", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0,
         4, sov4, 0},
        {"the 29 days as one continuous battle at the August strengths", KG_ATT, KG_DEF, NULL,
         NULL, 1, d29, 0},
        {"120 days as one continuous battle at the August strengths", KG_ATT, KG_DEF, NULL, NULL,
         1, d120, 0},
        {"August offensive only, 12 days (CDB90 260's dates)", KG_ATT, KG_DEF, NULL, NULL, 1, d12,
         0},
        {"without the Soviet plan (no surprise, no envelopment)",
         "SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650", KG_DEF, KG_ATT0, KG_DEF0,
         KG_NPHASES, kg_phases, 0},
        {"no no-surrender factor", KG_ATT,
         "JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared", KG_ATT0,
         KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"no supply penalty on either side", "SOV:men=57000,tanks=498,guns=542,aircraft=515",
         "JPN:men=30000,tanks=120,guns=135,aircraft=200,posture=prepared,no_surrender=1",
         KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, 0},
        {"no national loss factors", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases,
         NO_NATIONS},
        {"the first version's inputs (JPN no aircraft, 200 km; 120 days)", KG_ATT,
         "JPN:men=30000,tanks=120,guns=135,supply_km=200,posture=prepared", NULL, NULL, 1, d120,
         0},
        {"as declared, on plain ground (terrain factor 1)", KG_ATT, KG_DEF, KG_ATT0, KG_DEF0,
         KG_NPHASES, kg_phases, PLAIN},
        {"as declared, the days between the engagements without losses (the fifth version)",
         KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, NO_QUIET},
    };
    fprintf(f, "\nSensitivity (not the check):\n\n| variant | Soviet | Japanese | winner |\n"
               "|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hk_combat_result r;
        hk_combat_params q = *cp;
        if (v[i].how == NO_NATIONS)
            for (int k = 0; k < HK_NATION_COUNT; k++)
                q.nation_loss[k] = 1;
        if (v[i].how == NO_QUIET)
            q.quiet_contact = 0;
        /* The fitted steppe factor rests on CDB90's few and mixed "bare"
         * battles, hence the row on plain ground. */
        g_kg_terrain = v[i].how == PLAIN ? HK_TERRAIN_PLAIN : HK_TERRAIN_STEPPE;
        int rc = kg_variant(&q, v[i].att, v[i].def, v[i].att0, v[i].def0, v[i].n, v[i].ph, NULL,
                            &r);
        g_kg_terrain = HK_TERRAIN_STEPPE;
        if (rc == 0)
            fprintf(f, "| %s | %.0f | %.0f | %s |\n", v[i].what, r.casualties[0], r.casualties[1],
                    r.winner == HK_COMBAT_ATTACKER   ? "Soviet"
                    : r.winner == HK_COMBAT_DEFENDER ? "Japanese"
                                                     : "draw");
    }
    enum { RUNS = 2000 };
    static double cas[2][RUNS];
    int wins = 0;
    for (int i = 0; i < RUNS; i++) {
        hk_rng rng;
        hk_rng_init(&rng, 1, (uint64_t)i);
        hk_combat_result r;
        if (kg_variant(cp, KG_ATT, KG_DEF, KG_ATT0, KG_DEF0, KG_NPHASES, kg_phases, &rng, &r) != 0)
            return;
        cas[0][i] = r.casualties[0];
        cas[1][i] = r.casualties[1];
        wins += r.winner == HK_COMBAT_ATTACKER;
    }
    qsort(cas[0], RUNS, sizeof cas[0][0], cmp_double);
    qsort(cas[1], RUNS, sizeof cas[1][0], cmp_double);
    int lo = (int)floor(0.05 * (RUNS - 1)), hi = (int)ceil(0.95 * (RUNS - 1));
    fprintf(f, "| %d random runs (seed 1), 5–95 %% | %.0f–%.0f | %.0f–%.0f | Soviet in %.0f %% |\n",
            RUNS, cas[0][lo], cas[0][hi], cas[1][lo], cas[1][hi], 100.0 * wins / RUNS);
}

/* ---- Lake Khasan, 1938, as a campaign ------------------------------------ */

void khasan_section(FILE *f, const hk_combat_params *cp)
{
    /* the Soviet side first, as in the Khalkhin Gol check */
    static const hk_combat_phase ph[] = {{1, 1, 0}, {1, 0, 2}, {5, 0, 6}};
    hk_combat_side s, j, s0, j0;
    if (kg_side(KH_SOV, &s) || kg_side(KH_JPN, &j) || kg_side(KH_SOV0, &s0) ||
        kg_side(KH_JPN0, &j0))
        return;
    hk_combat_result r;
    hk_combat_campaign_buildup(cp, &s, &j, &s0, &j0, HK_TERRAIN_HILLS, 3, ph, NULL, &r);
    fprintf(f, "\n## Lake Khasan (Changkufeng), 1938, as a campaign\n\n"
               "CDB90's three engagements (256–258) fought in a row by forces growing from the "
               "first engagement's to the last's (scenarios/far-east-1918/record.yaml, battles "
               "changkufeng_opening and changkufeng_counteroffensive), each side with what it "
               "planned as CDB90 codes it:\n\n```\nhokushin battle --attacker %s \\\n"
               "    --defender %s \\\n    --attacker-start %s \\\n    --defender-start %s \\\n"
               "    --terrain hills --phases %s\n```\n\n",
            KH_SOV, KH_JPN, KH_SOV0, KH_JPN0, KH_PHASES);
    fprintf(f, "| | record (CDB90 256–258 summed) | model |\n|---|---|---|\n"
               "| Soviet casualties | 4,750 | %.0f |\n| Japanese casualties | 1,319 | %.0f |\n"
               "| winner of the last engagement | Japanese (CDB90 258: the attack failed; the "
               "scenario's record calls it a draw, both sides on the crest at the ceasefire) "
               "| %s |\n"
               "| days of fighting | 7 in three engagements (1 + 1 + 5), 31 July to the "
               "ceasefire of 11 August | %d |\n",
            r.casualties[0], r.casualties[1],
            r.winner == 0 ? "Soviet" : r.winner == 1 ? "Japanese" : "draw", r.days);
}
