/* test_system_writes.c — each system writes only the state it owns.
 *
 * Plays simulate and replay runs month by month; before each system's step
 * it copies the world, steps the system on the copy, and compares the two
 * field by field. A field that changed must be one the system owns
 * (docs/architecture.md, "Who writes what"), or the event log every system
 * appends to. A new field, or a system that starts writing another's, fails
 * here until the table below says who owns it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/battles.h"
#include "model/campaign.h"
#include "model/control.h"
#include "model/war.h"
#include "world/actors.h"
#include "model/diplomacy.h"
#include "model/incidents.h"
#include "model/movement.h"
#include "model/outcomes.h"
#include "model/politics.h"
#include "world/world.h"

typedef struct field {
    const char *name;
    size_t off, size;
} field;

#define F(name) {#name, offsetof(hk_world, name), sizeof(((hk_world *)0)->name)}

static const field fields[] = {
    F(setup), F(s), F(c), F(mode), F(seed), F(run), F(rng), F(rng_split), F(start), F(end), F(month), F(obs),
    F(n_events), F(flags), F(defeated), F(event_done), F(flag_since), F(actor_begun), F(exists_month), F(exists_mask), F(exists_since), F(exists_until), F(form_now), F(forms_since), F(forms_until),
    F(influence), F(baseline), F(doctrine), F(autonomy), F(frustration), F(grievance), F(china_friction),
    F(south_months), F(north_months), F(north_waited), F(west_hope_lost), F(north_lesson), F(committed_south), F(committed_north),
    F(committed_south_on), F(intervention), F(withdrawn), F(manchuria_seized), F(china_war),
    F(intervention_on), F(outpost_lost_on), F(reprisal_on), F(lost_battle_side), F(lost_battle_weight), F(lost_battle_fact), F(lost_battle_sector),
    F(lost_major), F(purged), F(purged_on), F(treaty), F(jpn_men), F(exp_men), F(sov_men), F(sov_drawn),
    F(sov_capacity), F(formation), F(per_man), F(equip_at), F(hosted), F(strength_next), F(sector_forces),
    F(near_sector),
    F(battle_site_known), F(battle_site), F(battle_km), F(reach_control), F(reach_known), F(reach_site), F(reach), F(tension), F(incidents_month), F(battles_month),
    F(sector_incidents), F(sector_battles), F(sector_battle_size), F(pending), F(n_pending), F(haul_control), F(haul_known),
    F(haul_km), F(haul_ratio), F(haul_pull), F(incident_memo), F(campaign_cas),
    F(campaign_days), F(border_campaign), F(motor), F(tally), F(war), F(war_in_month), F(war_opener), F(war_on), F(soviet_entry),
    F(soviet_entry_on), F(japan_surrendered), F(exhaustion), F(war_losses), F(armistice_on), F(player),
    F(orders), F(orders_given), F(loss_men), F(loss_tanks), F(loss_guns), F(loss_aircraft), F(sov_peak),
    F(largest_battle), F(rec_at), F(base_pool), F(base_last), F(base_memo), F(n_base_memo), F(base_memo_next), F(mv), F(jpn_peak), F(manoeuvres_told),
    F(budget), F(pins), F(n_pins), F(combat), F(out), F(next_facts), F(has_next_facts), F(text),
    F(scratch), F(scratch_src), F(control), F(control_key), F(camp), F(war_months_total), F(war_cas_total),
    F(war_days_total), F(war_pris_total), F(regions_taken), F(trans_siberian_was_cut), F(sov_west_1941),
    F(ceded), F(wars_begun), F(isl),
    F(event_decided), F(today), F(events_next),
    F(coup_posted_on), F(held_over), F(sov_sent_war), F(armistice_pact),
    F(event_waiting), F(actor_decided), F(actor_progress), F(infl_gen), F(relax_gen), F(relax_drift), F(relax_still), F(doctrine_hope), F(seize_prep), F(south_deferred_on), F(oil_used), F(expedition_home), F(expedition_drawn_in), F(withdrawn_on), F(evacuation_due), F(withdraw_case), F(expedition_cut_on), F(cut_case), F(treaty_binding), F(mgl_pressure), F(route_known), F(route_cap), F(reach_forces_known), F(reach_forces), F(battles_dirty), F(settled), F(railway_months), F(railway_sold), F(posting_extra), F(posting_decay), F(china_draw_sent), F(china_hold), F(china_hold_decay), F(china_draw_left), F(sov_west_sent), F(west_turned_on), F(armistice_refused), F(war_mobilising), F(mobilising_on), F(levy_told), F(revenge_told), F(text_lost),
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

/* The event log and its scratch text: every system appends to it. */
static const char *const log_fields[] = {"n_events", "text", "scratch", "scratch_src",
                                         "next_facts", "has_next_facts", "text_lost", NULL};

typedef struct system {
    const char *name;
    void (*step)(hk_world *);
    const char *const *owns;
} system_def;

static const char *const politics_owns[] = {
    "influence", "baseline", "doctrine", "autonomy", "frustration", "grievance", "china_friction",
    "south_months", "north_months", "north_waited", "west_hope_lost", "north_lesson", "committed_south", "committed_north", "committed_south_on",
    "intervention", "withdrawn", "manchuria_seized", "china_war", "intervention_on", "outpost_lost_on", "reprisal_on", "lost_battle_side",
    "lost_battle_weight", "lost_battle_fact", "lost_battle_sector", "lost_major", "purged", "purged_on",
    /* general war: opened, ended and surrendered in politics until the war files take it */
    "war", "war_in_month", "war_opener", "war_on", "soviet_entry", "soviet_entry_on", "japan_surrendered",
    "exhaustion", "war_losses", "armistice_on", "sov_peak", "border_campaign",
    "event_decided", /* Japan's own moves among the outside events: the war with the United States */
    "coup_posted_on", /* the Control faction posts the Imperial Way's division away */
    "doctrine_hope", "oil_used", "infl_gen", "relax_drift", "relax_gen", "relax_still", "seize_prep", "withdraw_case", "withdrawn_on", "south_deferred_on", "expedition_drawn_in", "expedition_cut_on", "cut_case", 
    NULL};
static const char *const diplomacy_owns[] = {"treaty", "mgl_pressure", "evacuation_due", "treaty_binding", 
    NULL};
static const char *const movement_owns[] = {"jpn_men", "exp_men", "sov_men", "sov_drawn", "sov_capacity",
                                            "formation", "per_man", "equip_at", "hosted", "strength_next",
                                            "sector_forces", "loss_men", "loss_tanks", "loss_guns",
                                            "loss_aircraft", "sov_peak", "rec_at", "base_pool", "base_last", "base_memo", "n_base_memo",
                                            "base_memo_next", "mv", "jpn_peak", "manoeuvres_told", "budget",
                                            "sov_sent_war", /* what the Far East sends west in a war Japan opened */
                                            "expedition_home", "levy_told", "sov_west_sent", "west_turned_on", 
    NULL};
static const char *const incidents_owns[] = {"tension", "incidents_month", "sector_incidents", "pending",
                                             "n_pending", "haul_control", "haul_known", "haul_km", "haul_ratio",
                                             "haul_pull", "incident_memo",
                                             "held_over", /* clashes out of season, answered in it */
                                             "china_draw_left", "china_draw_sent", "china_hold", "china_hold_decay", "posting_decay", "posting_extra", "railway_months", "railway_sold", 
    NULL};
static const char *const battles_owns[] = {
    "battles_month", "sector_battles", "sector_battle_size", "battle_site_known", "battle_site", "battle_km",
    "reach_control", "reach_known", "reach_site", "reach",
    "campaign_cas", "campaign_days", "border_campaign", "loss_men", "loss_tanks", "loss_guns", "loss_aircraft",
    "largest_battle", "lost_battle_side", "lost_battle_weight", "lost_battle_fact", "lost_battle_sector",
    "lost_major", "tension", "n_pending", /* the battles incidents left waiting: fought, so taken off */
    "tally", /* what the battles leave for the outcomes (outcomes.c reads it into out) */
    /* general war's course: still here until the war files take it */
    "war", "war_in_month", "war_on", "war_opener", "exhaustion", "war_losses", "armistice_on", "battles_dirty", "reach_forces", "reach_forces_known", "route_cap", "route_known", "settled", 
    "motor", /* the Soviet trucks on an ally's ground: motor.c, asked for the campaign's lift there */
    NULL};
static const char *const outcomes_owns[] = {"out", NULL};
/* general war (war.c), its fronts in days (campaign.c), who holds each region (control.c) */
static const char *const war_owns[] = {"war", "war_in_month", "war_opener", "war_on", "soviet_entry",
                                       "soviet_entry_on", "japan_surrendered", "exhaustion", "war_losses",
                                       "armistice_on", "camp", "isl", "control", "control_key", "war_months_total",
                                       "war_cas_total", "war_days_total", "war_pris_total", "regions_taken",
                                       "trans_siberian_was_cut", "sov_west_1941", "sov_peak", "ceded", "wars_begun",
                                       "armistice_pact", /* an armistice's neutrality undertaking */
                                       /* a war Japan lost, reported to politics as battles report one */
                                       "lost_battle_side", "lost_battle_weight", "lost_battle_fact",
                                       "lost_battle_sector", "lost_major", "armistice_refused", "war_mobilising", "mobilising_on", "revenge_told", 
    NULL};
/* the fronts' fighting adds its losses and battles to the month's, as battles does (shared);
 * the island fronts (landings.c, called by campaign.c) write isl */
static const char *const campaign_owns[] = {"war", "war_in_month", "war_opener", "war_on", "soviet_entry",
                                            "soviet_entry_on", "japan_surrendered", "exhaustion", "war_losses",
                                            "armistice_on", "camp", "isl", "control", "control_key", "war_months_total",
                                            "war_cas_total", "war_days_total", "war_pris_total", "regions_taken",
                                            "trans_siberian_was_cut", "sov_west_1941", "sov_peak", "battles_month",
                                            "loss_men", "loss_tanks", "loss_guns", "loss_aircraft",
                                            "today", /* the surrender's day, while its events are emitted */
                                            NULL};
static const char *const actors_owns[] = {"actor_begun", "actor_decided", "actor_progress", "exists_month", "exists_mask", "exists_since", "exists_until",
                                          "form_now", "forms_since", "forms_until", NULL};

/* in the month's order (src/run/world_step.c) */
static const system_def systems[] = {
    {"politics", hk_politics_step, politics_owns},   {"actors", hk_actors_step, actors_owns},
    {"war", hk_war_step, war_owns},                  {"control", hk_control_step, war_owns},
    {"diplomacy", hk_diplomacy_step, diplomacy_owns}, {"movement", hk_movement_step, movement_owns},
    {"incidents", hk_incidents_step, incidents_owns}, {"battles", hk_battles_step, battles_owns},
    {"campaign", hk_campaign_step, campaign_owns},   {"war (month's end)", hk_war_close_month, campaign_owns},
    {"outcomes", hk_outcomes_month, outcomes_owns},
};

static bool listed(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* Fields `sys` changed on a copy of w that it does not own; printed. */
static int foreign_writes(const system_def *sys, const hk_world *w)
{
    hk_world *copy = malloc(sizeof *copy);
    assert_non_null(copy);
    memcpy(copy, w, sizeof *copy);
    copy->text = NULL; /* the copy's event text must not free the original's */
    sys->step(copy);
    int bad = 0;
    for (size_t i = 0; i < N_FIELDS; i++) {
        const field *f = &fields[i];
        if (memcmp((const char *)w + f->off, (const char *)copy + f->off, f->size) == 0)
            continue;
        if (listed(sys->owns, f->name) || listed(log_fields, f->name))
            continue;
        char month[16];
        hk_month_format(w->month, month);
        fprintf(stderr, "%s wrote %s in %s (run %llu)\n", sys->name, f->name, month, (unsigned long long)w->run);
        bad++;
    }
    hk_world_release(copy);
    free(copy);
    return bad;
}

/* Every field of hk_world is in the table (a new one must be given an owner). */
static void every_field_listed(void **state)
{
    (void)state;
    size_t covered = 0;
    for (size_t i = 0; i < N_FIELDS; i++)
        covered += fields[i].size;
    /* padding aside, the table covers the whole struct */
    assert_true(covered <= sizeof(hk_world));
    assert_true(covered + 64 * N_FIELDS / 8 >= sizeof(hk_world) - 256);
}

static void play(hk_mode mode, uint64_t runs)
{
    hk_diag diag;
    hk_diag_init(&diag);
    hk_scenario *s = hk_scenario_load_builtin(&diag);
    hk_diag_free(&diag);
    assert_non_null(s);
    hk_setup setup;
    hk_setup_init(&setup, s);
    int bad = 0;
    for (uint64_t run = 0; run < runs; run++) {
        hk_world *w = hk_world_new(&setup, mode, 7, run);
        assert_non_null(w);
        while (!hk_world_done(w)) {
            /* each system on a copy of the world as the month's order leaves it */
            hk_world *at = malloc(sizeof *at);
            assert_non_null(at);
            memcpy(at, w, sizeof *at);
            at->text = NULL;
            at->war_in_month = at->war;
            /* simulate spreads the pools over the formations when they are
             * read (hk_movement_formations): that writing is movement's, so
             * each system starts from formations already given them */
            hk_movement_formations(at);
            for (size_t k = 0; k < sizeof systems / sizeof systems[0]; k++) {
                bad += foreign_writes(&systems[k], at);
                at->text = NULL;
                systems[k].step(at);
                hk_movement_formations(at);
            }
            hk_world_release(at);
            free(at);
            hk_world_step(w, NULL);
        }
        hk_world_free(w);
    }
    hk_scenario_free(s);
    assert_int_equal(bad, 0);
}

static void simulate_systems_write_their_own(void **state)
{
    (void)state;
    play(HK_MODE_SIMULATE, 12);
}

static void replay_systems_write_their_own(void **state)
{
    (void)state;
    play(HK_MODE_REPLAY, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_field_listed),
        cmocka_unit_test(simulate_systems_write_their_own),
        cmocka_unit_test(replay_systems_write_their_own),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
