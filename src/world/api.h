/* api.h — what the layers share about scenarios, setups, runs and their
 * outcomes: the full types behind the handles of include/hokushin.h (the
 * library's public, opaque surface, src/run/public.c) and the functions the
 * program's own layers call.
 *
 * Load a scenario, make a setup from it (parameter values, event dates,
 * what is removed), and run it: replay pins the modelled actors' decisions to
 * the record, simulate lets the model decide. A run reports to an observer,
 * event by event and month by month, and fills the run's outcomes. Runs share
 * nothing but the read-only scenario and setup, so any number may run at once.
 *
 * For a game, a world can also be stepped month by month with one actor's
 * orders given by a player (hk_world_*). */
#ifndef HK_WORLD_API_H
#define HK_WORLD_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/diag.h"
#include "world/scenario.h"

#define HK_VERSION "0.1.0"
#define HK_YEAR_FIRST 1918
#define HK_YEAR_LAST 1945
#define HK_YEARS (HK_YEAR_LAST - HK_YEAR_FIRST + 1)

/* ---- scenarios -------------------------------------------------------- */

/* Loads every file of a scenario folder; on error returns NULL with every
 * problem in `diag` as file:line: message. */
hk_scenario *hk_scenario_load_dir(const char *dir, hk_diag *diag);
/* The built-in Northeast Asia 1918–1945 scenario, embedded in the library. */
hk_scenario *hk_scenario_load_builtin(hk_diag *diag);
void hk_scenario_free(hk_scenario *s);
/* Works out once what every run needs from a scenario beyond its records
 * (treaty roles, pools, supply distances, equipment schedules). The loaders
 * call it; a program that builds or changes a scenario by hand calls it
 * after its last change. Returns false when out of memory. */
bool hk_scenario_compile(hk_scenario *s);

/* ---- setups: a scenario with overrides ------------------------------- */

/* A decision forced at a date (`--decide ACTOR.DECISION=YYYY-MM`): the
 * model takes it that month if it still can, and everything else follows
 * from the state (docs/model.md#decide). */
typedef enum hk_decision_kind {
    HK_DECIDE_STRIKE_NORTH,     /* JPN opens general war on the USSR */
    HK_DECIDE_COMMIT_SOUTH,     /* JPN commits south */
    HK_DECIDE_SEIZE_MANCHURIA,  /* JPN seizes Manchuria */
    HK_DECIDE_ENTER_WAR,        /* SOV opens war on Japan */
    HK_DECIDE_SIGN,             /* ACTOR signs TREATY (target) */
    HK_DECIDE_DENOUNCE,         /* ACTOR denounces TREATY (target) */
    HK_DECIDE_COUNT
} hk_decision_kind;
typedef struct hk_decision {
    int kind;       /* hk_decision_kind */
    int actor;      /* scenario actor index */
    int target;     /* treaty index for sign/denounce, else -1 */
    hk_month month;
} hk_decision;
#define HK_MAX_DECISIONS 8

typedef struct hk_setup {
    const hk_scenario *scenario;
    hk_decision decide[HK_MAX_DECISIONS]; /* --decide, in the order given */
    int n_decide;
    double param[HK_PARAM_COUNT];
    hk_date event_date[HK_MAX_EVENTS];   /* outside events, movable */
    bool event_removed[HK_MAX_EVENTS];   /* --without an outside event */
    bool treaty_forbidden[HK_MAX_TREATIES]; /* --without a treaty */
} hk_setup;

/* The scenario's own values. */
void hk_setup_init(hk_setup *setup, const hk_scenario *s);
/* `--set KEY=VALUE`: a parameter key or `EVENT.date`. Returns 0, or -1 with a
 * message naming the nearest valid key in err. */
int hk_setup_set(hk_setup *setup, const char *key, const char *value, char *err, size_t errlen);
/* `--without ID`: an outside event or a treaty. */
int hk_setup_without(hk_setup *setup, const char *id, char *err, size_t errlen);
/* `--decide ACTOR.DECISION=YYYY-MM` (DECISION strike_north, commit_south,
 * seize_manchuria, enter_war, sign.TREATY, denounce.TREATY). Returns 0, or
 * -1 with a message (and the nearest valid decision) in err. */
int hk_setup_decide(hk_setup *setup, const char *text, char *err, size_t errlen);
/* The decisions `--decide` takes in scenario s: fn gets each one's
 * "ACTOR.DECISION" and a sentence saying what it does, in order (for
 * `hokushin params` and the API's parameter list). Returns how many. */
int hk_decisions_each(const hk_scenario *s, void (*fn)(void *ud, const char *name, const char *what), void *ud);
/* The nearest settable key or id to `word` (for error messages). */
const char *hk_setup_nearest_key(const hk_setup *setup, const char *word);

/* ---- what a run reports ---------------------------------------------- */

typedef enum hk_mode { HK_MODE_REPLAY, HK_MODE_SIMULATE } hk_mode;

/* A battle's facts, by side ([0] the Japanese side, [1] the Soviet side). */
typedef struct hk_event_facts {
    int sector;             /* sector index, -1 none */
    double committed[2];    /* men committed, < 0 unknown */
    double casualties[2];   /* killed, wounded and missing, < 0 unknown */
    int winner;             /* side, -1 a draw */
    int days;               /* length of the fighting, 0 unknown */
} hk_event_facts;

/* One entry of the event log. Strings live until the run ends. */
typedef struct hk_log_event {
    hk_date date;
    const char *kind;    /* "treaty_signed", "incident", "battle", "war", ... */
    const char *id;      /* the fact, treaty, event or battle id */
    int actors[HK_MAX_PARTIES];
    int n_actors;
    const char *text;    /* a sentence that explains it */
    const char *source;  /* a seed citation, a publication, or "model: <rule>" */
    bool has_facts;      /* a battle's facts follow */
    hk_event_facts facts;
    int people[HK_MAX_PARTIES]; /* the people named in it (indices into the scenario's people) */
    int n_people;
} hk_log_event;

/* Forces on one side of a border sector. */
typedef struct hk_side_forces {
    double men, tanks, guns, aircraft;
} hk_side_forces;

typedef struct hk_formation_state {
    int region;
    double men, tanks, guns, aircraft, quality, supply;
} hk_formation_state;

/* A general war in a month's summary (the month line's `war`). */
typedef struct hk_front_summary {
    int sector;
    double men[2];        /* [0] the Japanese side, [1] the Soviet side */
    int posture[2];       /* 1 attack, 2 hold, 3 withdraw */
    uint64_t line[2];     /* bit r: region r held by that side along the front */
} hk_front_summary;
typedef struct hk_war_summary {
    bool active;
    hk_month began;
    int opener;                       /* side that opened it */
    int days;                         /* days of fighting so far */
    int n_fronts;
    hk_front_summary fronts[HK_MAX_SECTORS];
    double casualties[2];             /* per side, the war so far (prisoners included) */
    double prisoners[2];
    uint64_t taken[2];                /* bit r: region taken by that side in this war */
    bool trans_siberian_cut;
} hk_war_summary;

/* The state of one month, as `replay --json` writes it. */
typedef struct hk_month_summary {
    hk_month month;
    double doctrine[HK_MAX_ACTORS];    /* -1 south .. +1 north; 0 where not modelled */
    double influence[HK_MAX_FACTIONS];
    double tension[HK_MAX_SECTORS];
    hk_side_forces forces[HK_MAX_SECTORS][2]; /* [sector][side] */
    hk_formation_state formations[HK_MAX_FORMATIONS];
    bool treaty_in_force[HK_MAX_TREATIES];
    int incidents;       /* this month */
    int battles;         /* battles fought this month */
    uint32_t flags;      /* bit e set while outside effect e holds */
    bool at_war_jpn_sov;
    int8_t control[HK_MAX_REGIONS];   /* who holds each region (actor index) */
    hk_war_summary war;               /* .active during a general war */
    uint32_t present;    /* bit a set while actor a exists (its span) */
    int8_t form[HK_MAX_ACTORS]; /* actor a's form this month, -1 none */
    uint32_t factions_formed;   /* bit f set once faction f has formed (actors.yaml `emerges`) */
} hk_month_summary;

typedef struct hk_observer {
    void (*on_event)(void *ud, const hk_log_event *e);
    void (*on_month)(void *ud, const hk_month_summary *m);
    void *ud;
} hk_observer;

/* The outcomes of product.md, for one run. NaN where a figure does not
 * apply (no pact signed, no Soviet entry, no German defeat). */
typedef struct hk_outcomes {
    bool strike_north_by_1942;
    bool japan_soviet_war_before_1945;
    bool neutrality_pact_signed;
    double neutrality_pact_year;
    bool doctrine_south_by_1941_07;
    bool major_border_battle_1937_1940;
    bool japan_loses_major_border_battle;
    bool soviet_entry_by_1945_09;
    double soviet_entry_months_after_german_defeat;
    /* Yearly figures, index year - HK_YEAR_FIRST. */
    int incidents_per_year[HK_YEARS];
    double doctrine_jpn_by_year[HK_YEARS];     /* December value */
    double soviet_far_east_men_by_year[HK_YEARS];
    double japan_manchuria_men_by_year[HK_YEARS];
    double expedition_men_by_year[HK_YEARS];  /* the Siberian expedition, December */
    /* Casualties of the largest Japan–USSR battle, for validation. */
    double major_battle_casualties[2];         /* [0] Japanese side, [1] Soviet side */
    double intervention_dead;                  /* Japanese dead of a Siberian expedition */
    /* Simulate's border battles, per sector (index into the scenario's
     * sectors): how many opened, and the most men a side committed in one
     * (a campaign's peak). */
    int border_battles[HK_MAX_SECTORS];
    double border_battle_men[HK_MAX_SECTORS];
    /* The 1945 chain: the months of the Soviet entry into Japan's war with
     * the United States, of the first atomic bombing and of Japan's
     * surrender (HK_MONTH_NONE when not), and the casualties of that entry
     * war, [0] Japanese side, [1] Soviet side (NaN without one). */
    hk_month entry_month, atomic_month, surrender_month;
    hk_month lesson_month;                     /* Japan first lost a major battle (or a war) in the north */
    double entry_war_casualties[2];
    /* General war between Japan and the USSR, over the run (0 without one). */
    double war_months;                         /* months at general war */
    double war_casualties[2];                  /* casualties (prisoners included) per side */
    double regions_taken[2];                   /* regions each side took from the other */
    bool trans_siberian_cut;                   /* the Japanese side cut the line at some time */
    double soviet_divisions_east_1941;         /* Soviet men east of Baikal in 1941-12, in divisions */
    double soviet_divisions_west_1941;         /* most sent west by 1941-12, in divisions */
    double war_days;                           /* days of general war fought (not in the table) */
    double war_prisoners[2];                   /* of war_casualties: prisoners (not in the table) */
    /* How near the cabinet came to striking north in 1941-06..1942-12: its
     * best border ratio over the ratio its war needs, in the months the rest
     * of its case held; 1 once it opened the war; 0 when the case never held
     * (not in the table: claims.c's pact_restrains_north reads it). */
    double north_case_1941_1942;
    /* A run cut short (hk_run's `until`) may stop before an outcome's window
     * closes: `until` is the last month played, and bit i of `decided` is set
     * when outcome i of hk_outcome_table is settled by then (it happened, or
     * its window is over). A clear bit means "not reached", not "no". */
    hk_month until;
    uint32_t decided;
} hk_outcomes;

/* The outcome table: name, kind (proportion or mean) and accessor, so that
 * ensembles, databases and pages list the same outcomes in the same order. */
typedef enum hk_outcome_kind { HK_OUTCOME_PROPORTION, HK_OUTCOME_MEAN } hk_outcome_kind;
typedef struct hk_outcome_info {
    const char *name;
    hk_outcome_kind kind;
    const char *doc;
} hk_outcome_info;
#define HK_OUTCOME_COUNT 17
extern const hk_outcome_info hk_outcome_table[HK_OUTCOME_COUNT];
/* The value of outcome i in a run: 0/1 for proportions, NaN when absent. */
double hk_outcome_value(const hk_outcomes *o, int i);

/* ---- running ------------------------------------------------------------ */

/* One whole run from the scenario's start to `until` (HK_MONTH_NONE = the
 * scenario's end). obs may be NULL. Returns 0, or -1 on a program failure. */
int hk_run(const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run,
           hk_month until, const hk_observer *obs, hk_outcomes *out);

/* ---- stepping a world (the game) ---------------------------------------- */

/* A side's orders for one month: what the model decides for each modelled
 * actor, or what a player chooses instead. */
typedef enum hk_escalation { HK_ESC_MODEL = 0, HK_ESC_ESCALATE, HK_ESC_CONTAIN } hk_escalation;
/* A front's posture in a general war, as orders give it (0: the model decides). */
enum { HK_FRONT_MODEL = 0, HK_FRONT_ATTACK, HK_FRONT_HOLD, HK_FRONT_WITHDRAW };

typedef struct hk_orders {
    double doctrine_push;   /* -1 push south .. +1 push north, 0 none */
    double reinforce;       /* share of reserves sent to the border (<0 withdraws) */
    int propose_treaty;     /* treaty index, or -1 */
    int denounce_treaty;    /* treaty index, or -1 */
    hk_escalation incidents;
    bool declare_war;       /* open general war on the other side */
    /* in a general war: each front's posture (HK_FRONT_*: 0 the model
     * decides, 1 attack, 2 hold, 3 withdraw) and the front that receives
     * the month's reinforcements (sector index, or -1 the model decides) */
    int front_posture[HK_MAX_SECTORS];
    int reinforce_front;
} hk_orders;

typedef struct hk_world hk_world;

hk_world *hk_world_new(const hk_setup *setup, hk_mode mode, uint64_t seed, uint64_t run);
void hk_world_free(hk_world *w);
hk_month hk_world_month(const hk_world *w);
bool hk_world_done(const hk_world *w);
/* The actor given to a player (-1 = none): its orders come from
 * hk_world_set_orders each month instead of the model. */
void hk_world_set_player(hk_world *w, int actor);
void hk_world_set_orders(hk_world *w, const hk_orders *orders);
/* Advances one month, reporting to obs. */
void hk_world_step(hk_world *w, const hk_observer *obs);
/* The month just stepped (not const: simulate spreads the pools over the
 * formations only when they are read). */
void hk_world_summary(hk_world *w, hk_month_summary *out);
void hk_world_outcomes(const hk_world *w, hk_outcomes *out);

#endif
