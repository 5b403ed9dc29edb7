/* world.h — the state of one run: flat arrays, indices into the scenario,
 * no pointers but the read-only scenario and setup.
 *
 * One hk_world is all a run needs; hk_run keeps it on the stack, the game
 * allocates one with hk_world_new. Each system (src/model) reads the whole
 * world and writes only its own part:
 *   politics   influence, doctrine, autonomy, coups, Japan's commitments
 *   diplomacy  treaties
 *   movement   forces (aggregates and formations), supply
 *   incidents  tension, incidents, battles waiting to be fought
 *   battles    border battles and border campaigns
 *   war        general war: opening it, its end, surrender (war.c); its
 *              fronts fought in days (campaign.c); who holds each region
 *              (control.c)
 * Systems talk to each other only through this state, a month apart where
 * one reads what another wrote later in the order. */
#ifndef HK_WORLD_H
#define HK_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "world/api.h"
#include "core/rng.h"
#include "world/compiled.h"
#include "world/combat_types.h"

/* Sub-stream keys: one stream per system per month, so a change in one
 * system's draws never shifts another's. */
enum {
    HK_STREAM_POLITICS = 1, HK_STREAM_DIPLOMACY, HK_STREAM_MOVEMENT,
    HK_STREAM_INCIDENTS, HK_STREAM_BATTLES, HK_STREAM_WAR, HK_STREAM_CAMPAIGN, HK_STREAM_LANDINGS
};


/* One front of a general war: a border sector's forces on each side and
 * what each does (campaign.c). */
typedef struct hk_front {
    bool active;
    double men[2], tanks[2], guns[2], aircraft[2];
    uint8_t posture[2];          /* HK_FRONT_ATTACK / HOLD / WITHDRAW this month */
    int advanced[2];             /* regions each side has taken on it */
    double added[2];             /* men sent to it this month */
    bool repulsed[2];            /* the side's attack here was beaten off this month */
    bool refused[2];             /* the player's attack order here could not be carried out this month */
    bool besieged[2];            /* the side's men here are an encircled pocket holding out */
    double march[2];             /* km the side's front has advanced toward march_to */
    int16_t march_to[2];         /* the region it is advancing on, -1 none */
    double fuel[2];              /* km its mobile groups have gone on the fuel they carry */
    double halt[2];              /* days its mobile groups still wait for fuel to come up */
    int8_t fell_back_to[2];      /* the front the side's men here joined when it lost its last ground, -1 none */
    double odds[2];              /* the side's best combat power over the defence's here this month */
    double facing[2];            /* the defenders it was weighed against then */
    double haul[2];              /* and the km from its railhead it would have fought at */
    bool attacked[2];            /* the side attacked here this month */
    double men_at_start[2];      /* the side's men here when the war opened */
    double brought[2];           /* men the side has brought up here from its reserve since */
    double going[2];             /* its pace this step against the usual: weather and roads (campaign.c) */
    bool spent[2];               /* the side's opening offensive here was beaten off: not renewed whatever the odds (campaign.c) */
    double lost[2];              /* the side's casualties in this front's battles and sieges since the war opened (campaign.c) */
    double op_men[2];            /* the men the side's offensive under way here has committed (at its first attack and brought up since), 0 none (campaign.c) */
    double op_lost[2];           /* the men that offensive has lost since its first attack (campaign.c) */
    bool broke[2];               /* the side's offensive here broke off this month (the break test on its losses): not renewed before next month (campaign.c) */
} hk_front;

/* The general war's campaign state (campaign.c and war.c write it). */
typedef struct hk_campaign_state {
    hk_front front[HK_MAX_SECTORS];
    int8_t front_of[HK_MAX_REGIONS];       /* the front a region belongs to, -1 none */
    int8_t control_at_start[HK_MAX_REGIONS]; /* who held each region when the war began */
    uint8_t changes[HK_MAX_REGIONS];       /* times each region changed hands in battle this month */
    double prisoners[2];                   /* men each side lost as prisoners */
    int days;                              /* days of fighting in this war */
    int surrender_day;                     /* day of this month Japan surrenders on (0 none) */
    int start_day;                         /* day of its first month the war opened on (1 its first) */
    double quality[2];                     /* each side's troops' quality this month (campaign.c) */
    int8_t main_axis;                      /* the opener's main axis (a front), -1 none */
    uint64_t trunk;                        /* regions on a bottleneck railway link (campaign.c on_trunk) */
    int quiet_months;                      /* months of stalemate beyond war.stalemate_months */
    int still_months;                      /* months in a row in which no front fought */
    bool trans_siberian_cut;               /* now */
    /* the routes over each side's ground (haul in km, widest flow) depend
     * only on who holds what and which links are open: kept while control
     * is as it was when they were worked out (route_control) and no link
     * has opened since (before route_until, the next link's opening) */
    bool routes_ok;
    hk_month route_until;
    int8_t route_control[HK_MAX_REGIONS];
    double route_km[2][HK_MAX_REGIONS], route_flow[2][HK_MAX_REGIONS];
    double route_front[2][HK_MAX_SECTORS]; /* what the links carry to each front (max flow) */
    uint64_t flow_known[2];                /* which of route_flow are worked out for this control */
    uint32_t front_known[2];               /* which of route_front are */
    uint64_t route_cut[2]; /* each side's regions cut off from its bases */
    /* the links with an end on each front's regions, kept by campaign.c:
     * worked out for every front when a war begins and at each month's
     * first step (the links open then), and for the two fronts whose ground
     * changes when front_of does (set_front) */
    uint64_t near_links[HK_MAX_SECTORS][(HK_MAX_LINKS + 63) / 64];
    /* each side's ground and the sources of its reinforcements, for the
     * control they were worked out for (sets_control; sets_ok) */
    bool sets_ok;
    int8_t sets_control[HK_MAX_REGIONS];
    uint64_t sets_held[2], sets_sources[2];
    /* each side's ground behind the border (no sector's zone) that it held
     * when the war began, and the railheads of month rail_month: a base is
     * a region of both that the side still holds (campaign.c is_base) */
    uint64_t start_rear[2], rail_now;
    int32_t rail_month;
    /* the garrisons a front falling back leaves in its fortified border
     * zone, gone round by the attacker and reduced by siege: men and guns
     * in each region, of the side that held it when the war began */
    double garrison[HK_MAX_REGIONS], garrison_guns[HK_MAX_REGIONS];
    double garrison_left[HK_MAX_REGIONS];  /* the men each was left with */
    uint8_t garrison_days[HK_MAX_REGIONS]; /* days each has been besieged */
    uint8_t garrison_from[HK_MAX_REGIONS]; /* day of the step it was left on, until its first step of siege (0 none) */
    uint64_t invested; /* regions whose fortress, the city in its works, holds out besieged: still its holder's until it falls (campaign.c) */
    double pool_at_start[2];               /* each side's theatre army when the war opened */
    uint32_t countered;                    /* fronts on which the side that did not open the war has struck back */
    bool plan_told;                        /* the opener's plan has been told against the state */
    uint8_t stavka_told;                   /* bit 0: Stavka's answer under Germany's offensive told; bit 1: its end */
    /* the detached columns an attacking front sends off its main axis to
     * ground no enemy front holds (campaign.c columns): km each has marched
     * toward each region, and its fuel and halt as a front's mobile groups' */
    double column_km[HK_MAX_REGIONS], column_fuel[HK_MAX_REGIONS], column_halt[HK_MAX_REGIONS];
    int8_t column_day[HK_MAX_REGIONS];     /* war day the column toward each set out (-1 none) */
    uint8_t breached[HK_MAX_REGIONS];      /* belts of each region's fortified zone its attacker has broken through (campaign.c) */
    uint8_t stood[HK_MAX_REGIONS];         /* days a front falling back has stood on each region's main line of resistance (campaign.c) */
} hk_campaign_state;

/* The island fronts of a general war: southern Sakhalin and the Kurils,
 * fought over the 50th-parallel land link and by landings over the sea
 * links (landings.c writes it). A region's force is the garrison or the
 * force of the side holding it; a beachhead is the other side's force
 * landed on it and fighting there. */
#define HK_ISL_SLOTS 16 /* island regions, ports taken by landings and the bases of their forces, at most */
typedef struct hk_island_state {
    /* each region's slot in the arrays below, HK_ISL_SLOTS (an empty one,
     * never written) when it has none: the world stays small */
    int8_t slot[HK_MAX_REGIONS];
    double men[HK_ISL_SLOTS + 1], tanks[HK_ISL_SLOTS + 1], guns[HK_ISL_SLOTS + 1], aircraft[HK_ISL_SLOTS + 1];
    double quality[HK_ISL_SLOTS + 1];
    int8_t side[HK_ISL_SLOTS + 1];      /* whose force stands on each region, -1 none */
    int16_t since[HK_ISL_SLOTS + 1];    /* war day the force came there (0 when the war opened) */
    bool works[HK_ISL_SLOTS + 1];       /* the force holds fortified works of before the war */
    double lift[HK_ISL_SLOTS + 1];      /* men one lift of the shipping at each region carries (it sails with the force it lands), 0 none */
    double bh_men[HK_ISL_SLOTS + 1], bh_tanks[HK_ISL_SLOTS + 1], bh_guns[HK_ISL_SLOTS + 1];
    double bh_quality[HK_ISL_SLOTS + 1];
    int8_t bh_side[HK_ISL_SLOTS + 1];   /* whose beachhead is on each region, -1 none */
    int8_t bh_from[HK_ISL_SLOTS + 1];   /* the region it sailed from */
    int8_t sail_to[HK_ISL_SLOTS + 1];   /* the island a force is on its way to over its side's lane, -1 none */
    int16_t sail_day[HK_ISL_SLOTS + 1]; /* war day it arrives there */
    double holdout[HK_ISL_SLOTS + 1];   /* defenders of a region taken still holding out in it */
    int8_t holdout_side[HK_ISL_SLOTS + 1];
    uint64_t isles;                     /* the regions landings fight for: islands and coasts (bit r) */
    uint64_t coasts;                    /* the mainland ports taken by landings (bit r; landings.c coast) */
    uint64_t slotted;                   /* the regions with a slot (bit r) */
    double odds[HK_ISL_SLOTS + 1];      /* the last odds worked out against each region ... */
    uint64_t odds_key[HK_ISL_SLOTS + 1]; /* ... for these two sides, whole (a hash of both), 0 none */
    int16_t order_day[2];               /* war day each side's island operations are ordered on, -1 not yet */
    int16_t answer_day[2];              /* war day each side, its islands attacked, orders its answer at sea (reinforcement, recovery), -1 not yet */
    int16_t ann_day;                    /* war day Japan's surrender was announced on, -1 not yet */
    int16_t busy[HK_ISL_SLOTS + 1];     /* war day the force on each region is engaged until */
    int16_t mbase;                      /* war day of this month's first day (mmonth) */
    hk_month mmonth;
    bool occupying;                     /* islands of a surrender zone are still to be occupied (hk_landings_occupy) */
    int day;                            /* days of the war the island fronts have counted */
    double cas[2];                      /* each side's casualties on the island fronts in this war */
    double prisoners[2];                /* of which prisoners */
    int ops;                            /* battles fought on the island fronts in this war */
    uint64_t taken[2];                  /* regions each side took on the island fronts in this war */
    /* the columns of a side that broke the line on a land border going on
     * to the region's town (landings.c advance): km still to go, the war
     * day that was last counted, whose they are (-1 none) */
    double adv_km[HK_ISL_SLOTS + 1];
    int16_t adv_day[HK_ISL_SLOTS + 1];
    int8_t adv_side[HK_ISL_SLOTS + 1];
} hk_island_state;



typedef enum hk_treaty_status {
    HK_TREATY_NONE = 0,   /* not (yet) concluded */
    HK_TREATY_IN_FORCE,
    HK_TREATY_DENOUNCED,  /* notice given; in force until it expires */
    HK_TREATY_ENDED       /* expired, broken or ended */
} hk_treaty_status;

typedef struct hk_treaty_state {
    uint8_t status;        /* hk_treaty_status */
    bool broken;
    hk_month signed_on, expires, denounced_on; /* HK_MONTH_NONE when not */
    int16_t talks;         /* months the parties have been negotiating it (simulate), 0 = no talks */
    float pressure;        /* talks over a treaty's price: the pressure to settle built up so far */
} hk_treaty_state;

/* A battle decided by the incidents system, fought by the battles system. */
typedef struct hk_pending_battle {
    int sector;
    int fact;           /* recorded battle index in replay, else -1 */
    int attacker_side;  /* 0 Japanese side attacks, 1 Soviet side */
} hk_pending_battle;

typedef struct hk_incident_memo {
    uint32_t known;
    double contact[HK_MAX_SECTORS], g[HK_MAX_SECTORS];
    /* the density factor's power split in two: (sqrt(j·v)/forces_ref)^b for
     * the last product j·v worked out, which sectors drawing on the same
     * regions share (the Ussuri and the Tumen mouth), and each sector's
     * length^-b, kept a run (bit s of len_known) */
    double jv, jv_pow, len_pow[HK_MAX_SECTORS];
    uint32_t len_known;
    /* what stays for the run, worked out in its first month (run_ready):
     * each sector's length (at least 1 km) and length in thousands of km,
     * and the incident parameters */
    bool run_ready;
    double len_km[HK_MAX_SECTORS], len_k[HK_MAX_SECTORS];
    double forces_ref, forces_elast, tension_elast;
} hk_incident_memo;

#define HK_MAX_PENDING 4
#define HK_MAX_REC HK_MAX_FORMATION_STRENGTHS

/* Simulate: a border battle neither side broke off, fought on month by month
 * as a local campaign (docs/model.md#battles-border-campaign). One at a time. */
typedef struct hk_border_campaign {
    bool active;
    int sector;
    hk_month began;
    int months;                 /* months since the opening battle */
    int engagements;            /* engagements fought after the opening battle */
    int quiet;                  /* months in a row without an engagement */
    double men[2], tanks[2], guns[2], aircraft[2]; /* committed and still standing, per side */
    double peak[2];             /* most men committed at once */
    double cas[2];              /* casualties so far, the opening battle's included */
    int last_loser;             /* side beaten in the last engagement, -1 none or a draw */
    int holder;                 /* side whose attack last succeeded: it holds the ground it claims; -1 none */
    bool fresh;                 /* the holder took its ground in the last engagement (battles.c) */
    bool major;                 /* has reached battle.major_men on a side */
    bool largest;               /* is the run's largest border battle so far */
    int attacks[2];             /* engagements each side has opened in the campaign */
    int opened_by;              /* side that moved first: the Japanese officers' attack, or the Soviet side onto disputed ground (battles.c) */
    int offensives;             /* of the Soviet attacks, those made at the superiority it built up for */
    bool broken[2];             /* the side broke off in the last engagement (past its break point) */
    int clock;                  /* days from the last engagement's first day to the end of the month reached */
    double contact[2];          /* casualties in contact in the month's days outside an engagement, per side */
    double answered;            /* Japanese men on the line after the Soviet side's last attack that succeeded, 0 none (battles.c) */
} hk_border_campaign;

/* The Soviet motor transport on an ally's ground (motor.c, its one
 * writer): the trucks Moscow has railed to the border for a campaign there
 * and that are still on the road, beside those of the men it keeps
 * stationed there (docs/model.md#battles-motor-transport). */
typedef struct hk_motor {
    double delivered;   /* trucks railed in for border campaigns, still there */
    hk_month month;     /* month it was last brought up to date (0 never) */
    double stationed;   /* that month: the trucks of the forces stationed there (hk_motor_stationed) */
    int sector;         /* the sector it was asked for then */
    hk_month told;      /* the campaign (its first month) whose first trucks were told, 0 none */
} hk_motor;

#define HK_TEXT_LEN 2048


/* What the border battles leave for the outcomes: battles.c keeps it,
 * outcomes.c reads it into hk_outcomes at the month's end (the fields mean
 * what hk_outcomes' fields of the same names mean). */
typedef struct hk_battle_tally {
    bool major_border_battle_1937_1940;
    bool japan_loses_major_border_battle;
    double major_battle_casualties[2]; /* of the largest border battle, [side] */
    int border_battles[HK_MAX_SECTORS];
    double border_battle_men[HK_MAX_SECTORS];
} hk_battle_tally;

struct hk_world {
    const hk_setup *setup;
    const hk_scenario *s;
    const hk_compiled *c;       /* s->compiled: what the scenario fixes, worked out at load */
    hk_mode mode;
    uint64_t seed, run;
    hk_rng rng;                 /* the run's root stream; never drawn from */
    hk_rng_splitter rng_split;  /* the root's part of each split (hk_world_stream) */
    hk_month start, end, month; /* month = the next month to play */
    const hk_observer *obs;     /* set during a step, NULL otherwise */
    int n_events;

    /* outside world */
    uint32_t flags;                     /* bit e: effect e holds */
    uint32_t defeated;                  /* bit a: actor a has surrendered (its treaties lapse) */
    bool event_done[HK_MAX_EVENTS];
    bool event_waiting[HK_MAX_EVENTS]; /* an answer past its date, waiting for its move */
    hk_month event_decided[HK_MAX_EVENTS]; /* a decided event: the month it comes, 0 undecided */
    int today;                          /* the day of the month a decision falls on, 0 when only its month is known */  /* simulate: a decided_by event its actor has decided on (politics) */
    hk_month flag_since[HK_EFFECT_COUNT];
    hk_month events_next;               /* no dated outside event falls before this month (world_step.c) */

    /* actors: the month an actor made by a decision began (actors.c) */
    hk_month actor_begun[HK_MAX_ACTORS];
    hk_month actor_decided[HK_MAX_ACTORS]; /* the month of the decision that makes it */
    double actor_progress[HK_MAX_ACTORS];  /* its maker's men-months since, over begins_men */
    /* the actors (index < 32) that exist in month exists_month, bit a for
     * actor a, as the actors step leaves them (actor_begun changes nowhere
     * else): hk_actor_exists reads a bit for that month. */
    hk_month exists_month;
    uint32_t exists_mask;
    hk_month exists_since, exists_until; /* the months [since, until) the mask holds for */
    /* each actor's form by the date alone (the last that has begun, 0
     * before the second; -1 an actor without forms) for the months
     * [forms_since, forms_until): between two months a regime changes in
     * (compiled.c's regime_months) they stay the same */
    int8_t form_now[HK_MAX_ACTORS];
    hk_month forms_since, forms_until;

    /* politics (JPN and SOV factions) */
    double influence[HK_MAX_FACTIONS];
    double baseline[HK_MAX_FACTIONS];
    /* a count of the writes to influence and baselines: every writer
     * (politics, the world's setup) adds one after it writes them, so two
     * equal counts mean both arrays are as they were */
    uint32_t infl_gen;
    /* that count as politics' monthly drift last left them, and whether that
     * pass changed nothing (then, with both unwritten since, the next pass
     * would change nothing either) */
    uint32_t relax_gen;
    double relax_drift;
    bool relax_still;
    /* the Soviet-over-Japanese border ratio and its log as the doctrine's
     * deterrence last read them (politics), kept while the ratio stands */
    double doctrine_ratio, doctrine_ratio_log;
    /* the General Staff's last yearly estimate (politics): the log edge
     * of the Soviet Far East in tanks and in aircraft per man on the
     * border, and its month (0 before the first) */
    double staff_tank_edge, staff_air_edge;
    double staff_edge; /* their mean, weighted doctrine.staff_arms: what the deterrence adds to the men's log ratio */
    double staff_ratio[3]; /* the estimate's Soviet-over-Japanese men, tanks and aircraft (tanks, aircraft from one) */
    hk_month staff_estimate_on;
    /* Japan's pushed lean as the doctrine last read it (politics), kept
     * while the factions' influence stands (lean_ok once worked out) */
    uint32_t lean_gen; /* infl_gen when the lean was worked out */
    double lean;
    bool lean_ok;
    double doctrine;                    /* Japan, -1 south .. +1 north */
    double doctrine_hope;               /* the part of it that is the hope of a Soviet collapse (politics) */
    double autonomy;                    /* the Kwantung Army's field officers, 0..1 */
    double frustration;                 /* share of its posts the Imperial Way has lost to the Control faction */
    double grievance;                   /* field officers' accumulated pressure to act in Manchuria */
    int seize_prep;                     /* months the plotters have spent readying the stroke in Manchuria */
    double china_friction;              /* accumulated friction with China since Manchuria was seized */
    int south_months;                   /* consecutive months below the threshold */
    int north_months;                   /* consecutive months above the strike threshold while committed south */
    int north_waited;                   /* consecutive months past the strike threshold, the USSR at war in the
                                         * west, without the force ratio a war in the north needs */
    bool west_hope_lost;                /* that wait ran out: the hope of a Soviet collapse is given up */
    double north_lesson;                /* weight of the major border battles Japan lost: the Army's
                                         * estimate of Soviet strength (raises the ratio it demands) */
    bool committed_south, committed_north;
    hk_month committed_south_on;
    hk_month south_deferred_on;         /* the southern decision was put off for a war in the north since, 0 not */
    double oil_used;                    /* politics.c: Japan's oil drawn from its stocks under the American embargo,
                                         * in months of peacetime use */
    bool intervention, withdrawn, manchuria_seized, china_war;
    bool expedition_home;               /* the withdrawal announced, the expedition's last men have left (movement.c) */
    bool expedition_drawn_in;  /* politics.c: the expedition's drawing in to the south of the Maritime province has been told */
    hk_month intervention_on;
    hk_month withdrawn_on;              /* the withdrawal announced (politics.c) */
    hk_month evacuation_due;            /* the normalisation treaty's withdrawal clause falls due (diplomacy.c) */
    hk_month outpost_lost_on;           /* partisans took the expedition's outpost off the railway */
    hk_month reprisal_on;               /* Japan occupied ground in reprisal for it */
    double withdraw_case;               /* politics.c: the cabinet's case for leaving Siberia built since the Washington pledge */
    hk_month expedition_cut_on;         /* politics.c: the cabinet cut the expedition back toward intervention.cut_men */
    double cut_case;                    /* politics.c: the cabinet's case for cutting the expedition back, built from its excess */
    hk_month coup_posted_on;            /* the Control faction, its lead past politics.coup_lead, posts the Imperial Way's division away */
    int lost_battle_side;               /* side that lost a battle last month, or -1 */
    double lost_battle_weight;          /* its size, 0..1 */
    int lost_battle_fact;               /* that battle: the record's index (replay), or -1 */
    int lost_battle_sector;             /* its sector (simulate), or -1 */
    bool lost_major[2];                 /* a side lost a major border battle last month */
    bool purged[HK_MAX_FACTIONS];
    hk_month purged_on[HK_MAX_FACTIONS];

    /* diplomacy */
    hk_treaty_state treaty[HK_MAX_TREATIES];
    /* bit t while treaty t binds (in force, or denounced and not yet
     * expired): written only with its status, by hk_treaty_set_status, so
     * hk_treaty_binds reads one bit and the systems that loop over the
     * binding treaties visit only those */
    uint32_t treaty_binding;
    /* diplomacy: the incidents on Mongolia's border, each month's count
     * added as the next month opens and the sum decaying by a twelfth a
     * month (about a year's worth): the pressure Moscow answers */
    double mgl_pressure;

    /* forces: aggregates the model decides, spread over the formations */
    double jpn_men;          /* Japanese men in Manchuria and Korea */
    double exp_men;          /* Japanese men in Siberia */
    double sov_men;          /* Soviet men east of Baikal */
    double sov_drawn;        /* share of the Far Eastern army sent west, 0..1 */
    double sov_capacity;     /* share of its peacetime build-up the Soviet state can sustain, 0..1 */
    hk_formation_state formation[HK_MAX_FORMATIONS];
    double per_man[HK_MAX_FORMATIONS][3];    /* tanks, guns, aircraft per man, now */
    uint8_t equip_at[HK_MAX_FORMATIONS];     /* index in w->c->equip now; HK_EQUIP_BEFORE before the first */
    uint64_t hosted;                         /* bit f: formation f is there this month (movement.c) */
    int strength_next;                       /* next strength record (replay) */
    hk_side_forces sector_forces[HK_MAX_SECTORS][2];
    uint16_t near_sector[HK_MAX_REGIONS];    /* bit s: region faces sector s */
    /* battles.c's memo of where each sector's battles are fought and each
     * side's haul there (they depend on the map alone): bit s of
     * battle_site_known says sector s has been worked out */
    uint8_t battle_site_known;
    int16_t battle_site[HK_MAX_SECTORS];
    double battle_km[HK_MAX_SECTORS][2];
    /* battles.c's memo of the regions whose formations reach each sector's
     * battle ground for each side (reach_regions), for the control it was
     * worked out under: bit 2 sec + side of reach_known says it is known */
    int8_t reach_control[HK_MAX_REGIONS];
    uint16_t reach_known;
    int16_t reach_site[HK_MAX_SECTORS][2];
    uint64_t reach[HK_MAX_SECTORS][2];
    /* and of each side's route capacity from its railheads to that ground
     * (route_capacity), under the same control: bit 2 sec + side of
     * route_known */
    uint16_t route_known;
    double route_cap[HK_MAX_SECTORS][2];
    /* and of the forces standing in those regions while one month's
     * battles step runs (the formations do not move in it): bit 2 sec +
     * side of reach_forces_known, cleared as the step begins */
    uint16_t reach_forces_known;
    hk_side_forces reach_forces[HK_MAX_SECTORS][2];

    /* incidents and battles */
    double tension[HK_MAX_SECTORS];
    int incidents_month, battles_month;
    int sector_incidents[HK_MAX_SECTORS];    /* this month, per sector */
    int sector_battles[HK_MAX_SECTORS];
    double sector_battle_size[HK_MAX_SECTORS]; /* this month: battles weighted by size, 1 = a major battle */
    bool battles_dirty;                 /* sector_battles or sector_battle_size written since last cleared (battles.c) */
    hk_pending_battle pending[HK_MAX_PENDING];
    int n_pending;
    /* incidents.c's memo of each sector's hauls to its battle ground before
     * a battle fixes them (battle_km), for the control it was worked out
     * under: bit s of haul_known says sector s is known */
    int8_t haul_control[HK_MAX_REGIONS];
    uint8_t haul_known;
    double haul_km[HK_MAX_SECTORS][2];
    /* the supply pull of each sector's last haul ratio, (kmd/kma)^battle.supply_pull */
    double haul_ratio[HK_MAX_SECTORS], haul_pull[HK_MAX_SECTORS];
    /* incidents.c's memo of each sector's density factor for the men in
     * contact it was worked out at (bit s of known: sector s) */
    hk_incident_memo incident_memo;
    /* replay: a recorded battle that spans others (a campaign) sums the model's
     * casualties of its engagements, then fights the days they leave out */
    double campaign_cas[HK_MAX_BATTLES][2];
    int campaign_days[HK_MAX_BATTLES];
    hk_border_campaign border_campaign; /* simulate: the border battle being fought on */
    hk_motor motor;                     /* motor.c: the Soviet trucks on an ally's ground */
    uint8_t settled;                    /* bit s: a ceasefire after a major battle drew sector s's line (battles.c) */
    uint8_t held_over;                  /* bit s: a clash on sector s out of the campaigning season that its officers mean to answer in it (incidents.c) */
    uint16_t season_mons, winter_mons;  /* bit k: month k + 1 of the year is in battle.season_first..last, battle.winter_first..last (battles.c, at the run's start) */
    uint8_t season_count;                /* the campaigning season's months: season_mons' bits (battles.c, at the run's start) */
    uint8_t claim_sites;              /* bit s: the battle ground worked out at load for sector s carries a claim (battles.c, at the run's start) */
    int railway_months;                 /* 1 + months the USSR has co-run the Chinese Eastern Railway across a Manchuria Japan holds (incidents.c) */
    bool railway_sold;                  /* it has sold its share: the quarrel and the posts are on the border (incidents.c) */
    double posting_extra, posting_decay; /* the share of incidents the new posts on the line add, and its fall a month, since the sale (incidents.c) */
    bool china_draw_sent;               /* the Kwantung Army has sent its force into the war in China (incidents.c) */
    double china_hold, china_hold_decay; /* the share of incidents Tokyo's order holds back since the war in China opened, and its fall a month (incidents.c) */
    int china_draw_left;                /* months the force has still to campaign there, +1 in the month it gathers (incidents.c) */
    bool border_order;                  /* Tokyo's order not to cross or answer across the border binds the officers (incidents.c) */
    bool border_rules;                  /* the Kwantung Army has issued its own principles for border disputes (incidents.c) */
    bool rules_due;                     /* a Soviet move onto disputed ground was fought under the order: the principles follow (incidents.c) */
    int8_t rules_watch;                 /* 1 + the sector of a Soviet move queued under the order, 0 none (incidents.c) */
    int rules_count;                    /* the sector's border battles when it was queued (incidents.c) */
    bool order_read_lapsed;             /* the campaigning season in which Moscow first read Tokyo's order as restraint has ended untested (incidents.c) */
    uint8_t claim_pressed;              /* bit s: Moscow pressed its claim on sector s by a move the other side fought; it presses it no more (incidents.c) */
    int8_t claim_watch;                 /* 1 + the sector of a Soviet move queued this month, 0 none (incidents.c) */
    int claim_count;                    /* the sector's border battles when that move was queued (incidents.c) */
    int order_season_months;            /* months of the campaigning season the order has held (incidents.c) */
    double rules_lesson;                /* north_lesson when the principles were issued (incidents.c) */
    hk_battle_tally tally;              /* what the border battles leave for the outcomes */

    /* control.c: who holds each region (actor index) */
    int8_t control[HK_MAX_REGIONS];
    uint16_t control_key;     /* what simulate's peacetime control last followed (control.c) */

    /* general war (war.c, campaign.c) */
    hk_campaign_state camp;
    hk_island_state isl;      /* the island fronts (landings.c) */
    double war_months_total;  /* months at general war, the run's first general war */
    double war_cas_total[2];  /* casualties in the run's first general war, per side */
    int wars_begun;           /* general wars opened so far in the run (war.c); the totals count the first */
    double war_days_total;    /* days of general war fought, wars ended */
    double war_pris_total[2]; /* prisoners in general wars ended, per side */
    int regions_taken[2];     /* regions each side took from the other, summed over wars */
    bool trans_siberian_was_cut;
    double sov_west_1941;     /* most Soviet men sent west by 1941-12 */
    double sov_sent_war;      /* Soviet men the Far East sent west while fighting a war Japan opened (movement.c) */
    double sov_west_sent;     /* Soviet men the Far East has sent west since Germany's attack, in peace or war (movement.c) */
    hk_month west_turned_on;  /* movement.c: month Stavka's reserve in the west opens the counter-offensive that ends the crisis, HK_MONTH_NONE before */
    bool armistice_refused;   /* war.c: the USSR has refused, in the war under way, an armistice that leaves its ground to Japan */
    uint8_t pacific_told;     /* war.c: bit 0 the Pacific route shut by the war under way told; bit 1 the USSR's refusal of a quiet it does not need told */
    bool war;                 /* Japan and the USSR at general war */
    bool war_in_month;        /* at war at some time this month (even if peace came later in it) */
    int war_opener;           /* side that opened it */
    hk_month war_on;
    bool soviet_entry;        /* the USSR entered a war Japan was already fighting */
    hk_month soviet_entry_on;
    bool japan_surrendered;
    double exhaustion;
    double war_losses[2];     /* each side's casualties in the current general war */
    hk_month armistice_on;    /* month of the last armistice, HK_MONTH_NONE before one */
    uint64_t ceded[2];        /* the regions of each side's own the last armistice left to the other (war.c) */
    uint8_t armistice_pact;   /* war.c: the last armistice's neutrality undertaking: 0 none, 1 in force, 2 denounced */
    uint8_t war_mobilising;   /* Japan mobilises for a war it has decided on: 0 no, 1 its cabinet, 2 forced (--decide) */
    hk_month mobilising_on;   /* month the mobilisation began */

    /* a player's orders */
    int player;               /* actor index, -1 none */
    hk_orders orders;
    bool orders_given;

    /* losses of the month's battles, taken from the forces next month */
    double loss_men[2], loss_tanks[2], loss_guns[2], loss_aircraft[2];
    double sov_peak;          /* the Far Eastern army before a war drew it west */
    /* movement's baseline: the record's order of battle, per formation (the
     * men of each record in date order) and summed per pool this month and
     * last month (simulate moves the pools away from it) */
    uint8_t rec_at[HK_MAX_FORMATIONS]; /* each formation's cursor in the record's strengths (w->c->rec_month) */
    double base_pool[3], base_last[3];
    /* movement's pools of the record in earlier months (baseline_at), kept
     * while the same formations are there */
    struct {
        hk_month month;
        int pool;
        uint64_t hosted;
        double men;
    } base_memo[4];
    int n_base_memo, base_memo_next;
    /* movement's shortcuts, each kept while what it depends on holds (the
     * same sums in the same order as working them out every month) */
    struct {
        hk_month equip_next;              /* from this month some formation's equipment changes */
        uint64_t dated;                   /* formations past their first month (compiled exists_from) */
        hk_month dated_next;              /* the next month one comes of age */
        hk_month pool_first[3];           /* each pool's first recorded month, HK_MONTH_NONE none */
        uint64_t base_hosted;             /* the record's pools summed (before the Soviet floor) */
        bool base_surrendered;            /* over these formations, with this surrender, */
        hk_month base_from, base_until;   /* for months in [from, until): no record falls due */
        double base_sum[3];
        double base_men[HK_MAX_FORMATIONS]; /* each formation's part of base_sum (0: not counted) */
        double base_rec[HK_MAX_FORMATIONS]; /* base_men as the record gives it (before the Soviet floor) */
        hk_month base_next[HK_MAX_FORMATIONS]; /* the month each formation's record next falls due */
        bool share_ok;                    /* each pool's shares summed over the formations */
        uint64_t share_hosted, share_exists; /* there and existing */
        double wsum[3], wall[3];
        double recovery_log;              /* ln(1 - soviet.recovery) */
        bool spread_due;                  /* simulate: the formations not yet given this month's pools */
        uint64_t ground_held;             /* claimed formations whose home region their side has held */
        bool ground_looked;               /* ground_held worked out for the control of ground_control */
        int8_t ground_control[HK_MAX_REGIONS];
        /* simulate: each sector's forces per man of each pool (the pools'
         * shares of the formations facing it), kept while the shares, the
         * equipment and Manchuria's holder stay the same; simulate moves no
         * formation, so a program that does clears coef_ok */
        bool coef_ok, coef_seized;
        unsigned coef_stale;              /* pools (bits) whose coefficients alone are to be worked out again */
        hk_side_forces coef[HK_MAX_SECTORS][2][3];
        hk_month budget_next;             /* simulate: the month of the next budget vote */
        double budget_exp[2];             /* e^budget of each side, from the last vote */
        bool forces_ok;                   /* simulate: sector_forces are forces_pool times coef */
        bool arms_due;                    /* simulate: sector_forces' weapons not yet worked out (hk_movement_formations) */
        double forces_pool[3];
        double resp_x[2], resp[2]; /* forces.response against each side (JPN, SOV), and the ratio it was worked out at (0: none) */
    } mv;
    double jpn_peak;          /* the largest Japanese mainland army so far */
    bool manoeuvres_told;     /* movement: the special manoeuvres' build-up has been told */
    double manoeuvres_plan;   /* movement: the men the special manoeuvres were to raise the army to (text only) */
    bool levy_told;           /* movement: the last levy of 1945 (the July call-up) has been told */
    hk_month person_named[HK_MAX_PEOPLE]; /* world.c: the month each person was last named, 0 never */
    hk_month north_deferred_on; /* politics.c: the Army gave up the northern operation for that month's year, 0 never */
    double levy_from_men;     /* movement: the army when Germany was beaten, to which the last levy adds */
    double levy_from_base;    /* movement: the record's army then (0: not yet beaten) */
    bool revenge_told;        /* war: the USSR's turn east to answer a Japanese attack has been told */
    double revenge_faced;     /* war: the Japanese army the General Staff planned that answer against, when it was told */
    double budget[2];         /* simulate: log of each side's army against its plan (JPN, SOV) */
    double largest_battle;    /* men engaged in the largest border battle */

    /* replay: the facts pinned this month */
    int pins[16];
    int n_pins;

    hk_combat_params combat;
    hk_outcomes out;

    /* the facts the next event carries (hk_world_event_facts), then cleared */
    hk_event_facts next_facts;
    bool has_next_facts;

    /* event text memory (only with an observer); text_lost is set when an
     * event's text could not be kept (out of memory), and the run fails */
    struct hk_arena *text;
    bool text_lost;
    /* the text buffers stay last: hk_world_init clears what comes before them */
    char scratch[HK_TEXT_LEN];
    char scratch_src[HK_TEXT_LEN];
};

/* Sets every field from the setup: the scenario's 1918 state. */
void hk_world_init(hk_world *w, const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run);
/* hk_world_init plus the opening forces (src/run/world_step.c). */
void hk_world_start(hk_world *w, const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run);
/* Frees event text memory (the world itself is the caller's). */
void hk_world_release(hk_world *w);
/* Plays one month: outside events, pinned facts, then the systems in order. */
void hk_world_play_month(hk_world *w, const hk_observer *obs);
/* Closes the outcomes after the last month played. */
void hk_world_close(hk_world *w);

static inline double hk_param_of(const hk_world *w, hk_param p) { return w->setup->param[p]; }
#define P(w, name) ((w)->setup->param[HK_P_##name])

static inline bool hk_flag(const hk_world *w, hk_effect e) { return (w->flags >> e) & 1u; }
/* The side an actor stands on, or -1. */
int hk_world_side(const hk_world *w, int actor);
/* The actor a side is led by (Japan, the USSR), its adjective for the
 * text, and a region's name for it. */
static inline int hk_world_side_actor(const hk_world *w, int side)
{
    return side == HK_SIDE_JPN ? w->s->jpn : w->s->sov;
}
static inline const char *hk_side_adjective(int side) { return side == HK_SIDE_JPN ? "Japanese" : "Soviet"; }
static inline const char *hk_world_region_label(const hk_world *w, int r)
{
    return w->s->regions[r].name ? w->s->regions[r].name : w->s->regions[r].id;
}
/* Ground a side may move its supplies over and use as a railhead: its own
 * and its ally's; for the Japanese side China's too (Manchuria, held by
 * China's government before the seizure). */
bool hk_world_own_ground(const hk_world *w, int region, int side);
/* A decision forced by --decide (hk_setup.decide) falls this month: of
 * this kind, for this actor and target (-1: any). The system that owns the
 * decision takes it. */
bool hk_world_forced_scan(const hk_world *w, int kind, int actor, int target);
/* (a run without any --decide, nearly every run, has none to look through:
 * told inline) */
static inline bool hk_world_forced(const hk_world *w, int kind, int actor, int target)
{
    return w->setup->n_decide > 0 && hk_world_forced_scan(w, kind, actor, target);
}
/* equip_at of a formation before its first equipment record */
#define HK_EQUIP_BEFORE 255
_Static_assert(HK_MAX_EQUIP < HK_EQUIP_BEFORE, "an equipment index below HK_EQUIP_BEFORE");
/* Formation f's tanks, guns and aircraft per man at its equipment index
 * (w->equip_at): its record's; before its first record (the Soviet Far
 * East's garrison of the Civil War and the 1920s, which the record's first
 * figures of 1929 do not describe) the guns of that first record and no
 * tanks or aircraft (docs/model.md#movement). */
void hk_equipment_per_man(const hk_world *w, int f, double out[3]);
/* The stream of a system for the current month. */
hk_rng hk_world_stream(const hk_world *w, int system);
/* The same stream, split only when first drawn from (hk_lazy_rng): for a
 * system that draws in few months. The draws are those of hk_world_stream. */
typedef struct hk_lazy_stream {
    const hk_world *w;
    int system;
    bool ready;
    int owed; /* draws made before the split that nothing read (hk_lazy_bernoulli) */
    hk_rng r;
} hk_lazy_stream;
static inline hk_lazy_stream hk_world_lazy_stream(const hk_world *w, int system)
{
    hk_lazy_stream l = {w, system, false, 0, {{0, 0, 0, 0}}};
    return l;
}
static inline hk_rng *hk_lazy_rng(hk_lazy_stream *l)
{
    if (!l->ready) {
        l->r = hk_world_stream(l->w, l->system);
        l->ready = true;
        for (; l->owed > 0; l->owed--)
            (void)hk_rng_next(&l->r);
    }
    return &l->r;
}
/* hk_rng_bernoulli on the stream: one uniform, true below p. A chance of
 * none (p <= 0, or not a number) is false whatever the uniform: before the
 * split its uniform is only owed, drawn and dropped if the stream is split
 * later in the month, so that a month whose only draws are such does not
 * split it. Every draw after it is the same. */
static inline bool hk_lazy_bernoulli(hk_lazy_stream *l, double p)
{
    if (!(p > 0) && !l->ready) {
        l->owed++;
        return false;
    }
    return hk_rng_bernoulli(hk_lazy_rng(l), p);
}
/* True while a treaty binds (in force or denounced and not yet expired). */
static inline bool hk_treaty_binds(const hk_world *w, int t)
{
    return t >= 0 && ((w->treaty_binding >> t) & 1u);
}
/* The one writer of a treaty's status: keeps w->treaty_binding with it. */
static inline void hk_treaty_set_status(hk_world *w, int t, uint8_t status)
{
    w->treaty[t].status = status;
    if (status == HK_TREATY_IN_FORCE || status == HK_TREATY_DENOUNCED)
        w->treaty_binding |= (uint32_t)1 << t;
    else
        w->treaty_binding &= ~((uint32_t)1 << t);
}
/* Sum of influence of an actor's factions weighted by lean (its "doctrine"). */
double hk_world_lean(const hk_world *w, int actor);
/* Influence of one faction, 0 when the index is -1. */
static inline double hk_world_influence(const hk_world *w, int f) { return f >= 0 ? w->influence[f] : 0.0; }
/* Forces of one side over all sectors (men). */
double hk_world_border_men(const hk_world *w, int side);

/* The event log. Emitting costs nothing without an observer: callers test
 * hk_world_logging() before formatting text. */
static inline bool hk_world_logging(const hk_world *w) { return w->obs && w->obs->on_event; }
/* Emits an event; text and source are copied. The hash of (date, kind, id)
 * is kept in every case so determinism can be checked without an observer. */
void hk_world_emit(hk_world *w, hk_date date, const char *kind, const char *id,
                   const int *actors, int n_actors, const char *text, const char *source);
/* Short form: two actors (or -1), date = first of the current month. */
/* Gives the next event emitted its facts (a battle's sides). */
void hk_world_event_facts(hk_world *w, int sector, const double committed[2], const double casualties[2],
                          int winner, int days);
/* The same from a battle's attacker `a` (the defender the other side): the
 * men each committed and lost. */
void hk_world_battle_facts(hk_world *w, int sector, int a, double att_committed, double def_committed,
                           double att_casualties, double def_casualties, int winner, int days);
void hk_world_emit2(hk_world *w, const char *kind, const char *id, int a, int b,
                    const char *text, const char *source);
/* The current month as a date (day 0). */
hk_date hk_world_date(const hk_world *w);

#endif
