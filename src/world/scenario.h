/* scenario.h — what a scenario says, read once at load into plain structs.
 *
 * The loader (src/scenario) fills an hk_scenario from the YAML files of a
 * scenario folder; nothing here changes during a run. Every record keeps its
 * `source` (a seed file and line, or a named publication) and where it was
 * written (`at`), so that checks and the timeline can point back to it.
 * Cross-references are resolved to indices at load: the engine never looks
 * a name up. The format is documented in docs/scenario-format.md. */
#ifndef HK_SCENARIO_H
#define HK_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "world/params.h"

#define HK_MAX_ACTORS 12
#define HK_MAX_FACTIONS 24
#define HK_MAX_REGIONS 64
#define HK_MAX_LINKS 160
#define HK_MAX_SECTORS 8
#define HK_MAX_FORMATIONS 48
#define HK_MAX_STRENGTHS 256
#define HK_MAX_FORMATION_STRENGTHS 32 /* of one formation */
#define HK_MAX_TREATIES 24
#define HK_MAX_CLAUSES 8
#define HK_MAX_EVENTS 32
#define HK_MAX_FACTS 256
#define HK_MAX_BATTLES 16
#define HK_MAX_INCIDENT_YEARS 16
#define HK_MAX_LOSSES 16
#define HK_MAX_CONTROL 64
#define HK_MAX_ZONES 4
#define HK_MAX_PUBLICATIONS 128
#define HK_MAX_SEEDS 16
#define HK_MAX_PARTIES 4
#define HK_MAX_ISLAND_FORCES 24
#define HK_ID_LEN 40

/* Where a record was written, for `PATH:LINE` messages. */
typedef struct hk_at {
    const char *file; /* path as given to the loader (interned) */
    int line;
} hk_at;

/* A record's evidence: "001_fd9a28d61a246780.txt:49" or a publication id
 * from scenario.yaml with an optional locator ("krivosheev2010, p. 159"). */
typedef struct hk_source {
    const char *text; /* as written */
    int seed;         /* index into hk_scenario.seeds, or -1 */
    int line;         /* line in that seed, when seed >= 0 */
    int publication;  /* index into hk_scenario.publications, or -1 */
} hk_source;

typedef enum hk_actor_role { HK_ROLE_MODELLED, HK_ROLE_OUTSIDE } hk_actor_role;

/* One form of an actor: the state as it was from `from` until the next
 * form ("Soviet Russia", then the Far Eastern Republic in the east, then
 * the USSR). `id` names it in treaty preconditions; `name` is how the text
 * calls it at the time. */
typedef struct hk_actor_form {
    char id[HK_ID_LEN];
    const char *name;
    hk_date from;
    bool drops_treaties; /* its predecessor's treaties lapse with it (else it takes them over) */
    hk_source source;
    hk_at at;
} hk_actor_form;

#define HK_MAX_FORMS 6

typedef struct hk_actor {
    char id[HK_ID_LEN]; /* JPN, SOV, MAN, MGL, CHN, GER, USA, GBR, ITA */
    const char *name;
    hk_actor_role role;
    int cow_code; /* Correlates of War state code, 0 if none */
    /* The span: from the first form's `from` to `until` (unset: the
     * scenario's end). An actor made by a decision (Manchukuo by the
     * seizure of Manchuria) begins `lag_months` after that decision in the
     * run instead of at its recorded date: `begins_with` is an hk_pin, or
     * -1 when the span is the record's. */
    hk_actor_form forms[HK_MAX_FORMS];
    int n_forms;
    hk_date until;
    int begins_with;
    int lag_months;
    /* simulate: the men its maker needs (begins_with.men): the actor begins
     * once the maker's men, summed over the months after the decision and
     * divided by this, reach lag_months; 0: exactly lag_months later */
    double begins_men;
    hk_source source;
    hk_at at;
} hk_actor;

typedef struct hk_faction {
    char id[HK_ID_LEN]; /* kodoha, toseiha, kwantung_field, navy, ... */
    const char *name;
    int actor;        /* index into actors */
    double influence; /* share inside its actor in 1918-01; an actor's sum to 1 */
    double lean;      /* preferred orientation: +1 strike north, -1 strike south */
    double hawk;      /* 0..1 willingness to use force */
    int emerges;      /* hk_precondition under which it forms as a faction; -1 there from the start */
    const char *before_name; /* what its weight belongs to before it forms (NULL: not shown) */
    hk_source source;
    hk_at at;
} hk_faction;

typedef enum hk_terrain {
    HK_TERRAIN_PLAIN, HK_TERRAIN_STEPPE, HK_TERRAIN_DESERT, HK_TERRAIN_HILLS,
    HK_TERRAIN_MOUNTAIN, HK_TERRAIN_FOREST, HK_TERRAIN_MARSH, HK_TERRAIN_URBAN,
    HK_TERRAIN_ISLAND, HK_TERRAIN_COUNT
} hk_terrain;

typedef struct hk_region {
    char id[HK_ID_LEN];
    const char *name;
    double lat, lon;
    int controller;   /* actor holding it in 1918-01 */
    hk_terrain terrain;
    int sector;       /* border sector it faces, or -1 */
    bool railhead;    /* a railway station able to supply an army */
    /* a railhead only from this date, when its line opened (the Bei'an-Heihe
     * line to the Amur, 1935); unset: `railhead` throughout. The border
     * geography worked out at load (compiled.c, map.c) reads `railhead`
     * alone; a war's campaign reads the date (campaign.c) */
    hk_date rail_from;
    int redoubt;      /* actor whose war plan falls back to it, or -1 */
    /* actor whose plan of defence holds it as a main line of resistance in
     * depth behind its border zone (a city its field army falling back
     * stands before, in prepared positions, to cover the way back to the
     * redoubt; not a fortified zone of the border), or -1 */
    int main_line;
    /* the border sector whose fortified zone the region belongs to though it
     * is no ground of that sector's border battles (Hutou on the Ussuri), or
     * -1; a war's fronts count it with the sector's (campaign.c) */
    int zone;
    /* actor whose fortified region in depth the region is: works built
     * before the war behind the border zones, on a railway the enemy must
     * take, manned by its own units (forces.yaml formations marked
     * `fortress` standing there) and held to the last when the field army
     * goes back past it (Halung-Arshaan and Wangyemiao on the Taonan
     * railway over the Great Khingan, glantz2003); not a border sector's
     * zone and no ground of its border battles; or -1 */
    int fortified;
    /* actor whose claim line runs through this ground though another holds
     * it, or -1: the disputed ground where a border battle can begin with
     * the claimant moving onto it (battles.c) */
    int claimed_by;
    hk_source source;
    hk_at at;
} hk_region;

typedef enum hk_link_kind { HK_LINK_RAIL, HK_LINK_ROAD, HK_LINK_RIVER, HK_LINK_SEA } hk_link_kind;

typedef struct hk_link {
    int from, to;        /* region indices */
    hk_link_kind kind;
    double km;
    double capacity;     /* men moved per month at full use (see format doc) */
    const char *line;    /* "Trans-Siberian", "Chinese Eastern", ... or NULL */
    bool bottleneck;     /* on the railway every reinforcement of the far side passes over */
    /* the date the way opened, when it was built after the scenario's start
     * (the Harbin-Heihe line, finished to the Amur in 1935); unset: there
     * throughout. A war's campaign routes only over the links open in its
     * month (campaign.c); the border geography worked out at load (compiled.c,
     * map.c) and the border battles' haul (battles.c) read every link */
    hk_date opened;
    /* a sea lane closed by ice: the first and last month of the year (1-12,
     * the span may run over the year's end) in which no ship sails it; 0
     * none. The island fronts sail and land only over lanes open in the
     * month (landings.c) */
    int8_t ice_from, ice_to;
    hk_source source;
    hk_at at;
} hk_link;

/* A stretch of disputed border where incidents happen. */
typedef struct hk_sector {
    char id[HK_ID_LEN];
    const char *name;
    double length_km;
    int side[2];       /* actors facing each other: [0] the Japanese side, [1] the Soviet side */
    hk_source source;
    hk_at at;
} hk_sector;

typedef struct hk_formation {
    char id[HK_ID_LEN];
    const char *name;
    int actor;
    int region;        /* home region */
    bool fortress;     /* the own garrison of the fortified region it stands in (its works' units) */
    hk_source source;
    hk_at at;
} hk_formation;

/* A formation's recorded strength from `date` on (until its next record). */
typedef struct hk_strength {
    int formation;
    hk_date date;
    int region;        /* where it stands from then, or -1 for unchanged */
    double men, tanks, guns, aircraft;
    double quality;    /* combat effectiveness, 1 = reference; <= 0 unknown */
    hk_source source;
    hk_at at;
} hk_strength;

/* A force on an island region (or a base it sails from) from `date` on,
 * until the region's next record: the garrisons of southern Sakhalin and
 * the Kurils and the Soviet forces facing them. Not part of the theatre
 * armies' pools: they belong to other commands (Japan's 5th Area Army, the
 * Kamchatka Defence Region) and fight only the island fronts (landings.c). */
typedef struct hk_island_force {
    int region, actor;
    hk_date date;
    const char *name;
    double men, tanks, guns, aircraft;
    double quality;    /* combat effectiveness, 1 = reference; <= 0 unknown (1) */
    bool works;        /* it holds fortified works built before the war (else prepared positions) */
    double lift;       /* men one lift of the shipping gathered at this base carries; 0: no shipping, no landing */
    hk_source source;
    hk_at at;
} hk_island_force;

typedef enum hk_clause_type {
    HK_CLAUSE_NORMALIZATION, HK_CLAUSE_NON_AGGRESSION, HK_CLAUSE_NEUTRALITY,
    HK_CLAUSE_MUTUAL_ASSISTANCE, HK_CLAUSE_CONSULTATION, HK_CLAUSE_SECRET_PROTOCOL,
    HK_CLAUSE_SPHERES, HK_CLAUSE_WITHDRAWAL, HK_CLAUSE_NO_POLITICAL_TREATY,
    HK_CLAUSE_CONCESSIONS, /* a party gives up concessions it holds on the other's soil */
    HK_CLAUSE_TYPE_COUNT
} hk_clause_type;

typedef struct hk_clause {
    hk_clause_type type;
    const char *text;  /* in our words */
    /* For HK_CLAUSE_NO_POLITICAL_TREATY and secret bars: the pair of actors
     * barred from a treaty of type `bars` (e.g. SOV–JPN non-aggression). */
    int bars_type;     /* hk_clause_type, or -1 */
    int bars_parties[2];
    /* For HK_CLAUSE_WITHDRAWAL: the months from the signing by which the
     * troops are out (the Basic Convention's evacuation of northern
     * Sakhalin, signed in January 1925, done by 15 May); 0: at the signing */
    int months;
    hk_source source;
    hk_at at;
} hk_clause;

/* A state of the world a treaty needs before it can be signed. */
typedef enum hk_precondition {
    HK_PRE_SIBERIA_SETTLED,   /* no Japanese expedition on Soviet soil */
    HK_PRE_MANCHURIA_SEIZED,  /* Japan holds Manchuria */
    HK_PRE_CHINA_WAR,         /* Japan at war with China */
    HK_PRE_COMINTERN_HOSTILE, /* the Comintern has turned on Germany and Japan (popular_front) */
    HK_PRE_ARMY_SPLIT,        /* the Army's officers split into named factions over its posts */
    HK_PRE_REPRISAL_HELD,     /* Japan holds ground it took in reprisal (northern Sakhalin), not yet evacuated */
    HK_PRE_SOVIET_GROUND_HELD, /* Japan holds now ground the USSR held in 1918 (a strike north's gains) */
    HK_PRE_COUNT
} hk_precondition;

/* A treaty's precondition: an actor in one of its forms (`form` >= 0), or
 * a condition of the world (`condition` >= 0). */
typedef struct hk_requirement {
    int actor, form;
    int condition;
    int treaty;        /* another treaty that must bind (in force, or denounced and running) */
    const char *text;  /* why, in our words */
    hk_source source;
    hk_at at;
} hk_requirement;

#define HK_MAX_REQUIREMENTS 4

typedef struct hk_treaty {
    char id[HK_ID_LEN];
    const char *name;
    int parties[HK_MAX_PARTIES];
    int n_parties;
    hk_date signed_on;     /* the record; not used by simulate's decisions */
    hk_date in_force;      /* equals signed_on when not given */
    int duration_months;   /* 0 = indefinite */
    int notice_months;     /* denunciation notice before expiry, 0 = none */
    /* A term one party demands and the other will not grant (Moscow's
     * demand for Japan's concessions in northern Sakhalin): with one, the
     * talks are a bargain that ends when the pressure on both sides to
     * settle, the gains each forgoes while there is no treaty, has reached
     * `price` (on the gain scale, summed over the months of talks);
     * diplomacy.c. 0 = none. */
    double price;
    int price_by;          /* the actor that demands it */
    bool price_asked;      /* price_by asks it as its price (else `pace_by`: its consent sets the talks' pace) */
    const char *price_text;
    int price_text_when;      /* hk_precondition under which price_text is told, else price_text_else; -1 always */
    const char *price_text_else;
    hk_source price_source;
    hk_date denounced;     /* record, or unset */
    hk_date ended;         /* record, or unset */
    hk_clause clauses[HK_MAX_CLAUSES];
    int n_clauses;
    hk_requirement requires[HK_MAX_REQUIREMENTS];
    int n_requires;
    hk_source source;
    hk_at at;
} hk_treaty;

/* What an outside event does to the world; the model reacts to the flag. */
typedef enum hk_effect {
    HK_EFFECT_EUROPE_WAR,        /* general war in Europe */
    HK_EFFECT_GER_SOV_PACT,      /* Germany and the USSR at peace by treaty */
    HK_EFFECT_FRANCE_FALLEN,     /* European colonies in Asia exposed */
    HK_EFFECT_AXIS_ALLIANCE,     /* Japan allied to Germany and Italy */
    HK_EFFECT_GER_SOV_WAR,       /* Soviet forces drawn west */
    HK_EFFECT_OIL_EMBARGO,       /* Japan cut off from US oil */
    HK_EFFECT_JPN_US_WAR,        /* Japan at war with the United States */
    HK_EFFECT_ALLIED_PLEDGE,     /* the USSR pledged to join the war on Japan */
    HK_EFFECT_GERMANY_DEFEATED,  /* the war in Europe over */
    HK_EFFECT_ULTIMATUM,         /* the Allies demand Japan's surrender */
    HK_EFFECT_ATOMIC,            /* atomic bombing of Japan */
    HK_EFFECT_POPULAR_FRONT,     /* the Comintern names Germany and Japan its chief enemies */
    HK_EFFECT_GERMAN_THREAT,     /* Germany's talks with the USSR broken off: Moscow expects its attack */
    HK_EFFECT_SOUTHERN_ADVANCE,  /* Japan committed south: politics' state, read by `requires`, no event's effect */
    HK_EFFECT_ALLIED_REQUEST,    /* the Allies ask Japan to send troops to Siberia */
    HK_EFFECT_NORTHEAST_AWAY,    /* the Northeastern Army's best troops south of the Great Wall */
    HK_EFFECT_UNITED_FRONT,      /* China's parties united against Japan: a clash means war */
    HK_EFFECT_POWERS_PRESS,      /* the powers press Japan to leave Siberia, and it has said it will */
    HK_EFFECT_LEGION_OUT,        /* the Czechoslovak Legion the Allies sent the expedition to help is out of Siberia */
    HK_EFFECT_WHITES_FALLEN,     /* the White front in Siberia has collapsed: the Far East's partisans are free */
    HK_EFFECT_COUNT
} hk_effect;

typedef struct hk_event {
    char id[HK_ID_LEN];  /* fixed ids of product.md: european_war, ... */
    const char *name;
    hk_date date;
    hk_effect effect;
    bool conditional;    /* it happens only while `requires` holds */
    hk_effect requires;
    bool waits;          /* an answer to a move: past its date it waits for `requires` to hold */
    bool decided;        /* simulate: it comes by a modelled actor's decision, not on its date */
    int decided_by;      /* that actor (when `decided`) */
    int actors[HK_MAX_PARTIES];
    int n_actors;
    const char *text;
    int text_when;       /* hk_precondition under which text_then is told instead; -1 none */
    const char *text_then;
    hk_source source;
    hk_at at;
} hk_event;

/* A person who held a role for an actor over a span (events.yaml `people`):
 * named in the events of `in` (event kinds or ids) that fall in the span
 * and have the person's actor, or one on its side, among their actors; a
 * person with a `sector` only in the events of that sector (battles). */
#define HK_MAX_PEOPLE 48
#define HK_MAX_PERSON_IN 6
typedef struct hk_person {
    char id[HK_ID_LEN];
    const char *name;        /* "Georgy Zhukov" */
    const char *role;        /* "commander of the 1st Army Group" */
    int actor;
    hk_date from, to;        /* the span (to unset: the scenario's end) */
    const char *in[HK_MAX_PERSON_IN];
    int n_in;
    int sectors[HK_MAX_SECTORS]; /* the sectors of its battles; none: any */
    int n_sectors;
    hk_source source;
    hk_at at;
} hk_person;

/* A recorded fact for the timeline; some are decisions that replay pins. */
typedef enum hk_fact_kind {
    HK_FACT_EVENT, HK_FACT_DECISION, HK_FACT_BATTLE, HK_FACT_INCIDENT,
    HK_FACT_TREATY, HK_FACT_COUP, HK_FACT_PURGE, HK_FACT_WAR, HK_FACT_FORCES,
    HK_FACT_CABINET, HK_FACT_KIND_COUNT
} hk_fact_kind;

/* What replay does when it reaches a pinned fact. */
typedef enum hk_pin {
    HK_PIN_NONE,
    HK_PIN_INTERVENTION,   /* Japan sends the Siberian expedition */
    HK_PIN_WITHDRAWAL,     /* Japan withdraws from the mainland */
    HK_PIN_SEIZE_MANCHURIA,/* the Kwantung Army takes Manchuria */
    HK_PIN_COUP_FAILED,    /* a failed coup and the purge of its faction */
    HK_PIN_PURGE,          /* a faction purged (target = faction) */
    HK_PIN_DOCTRINE_SOUTH, /* Japan commits south */
    HK_PIN_DOCTRINE_NORTH, /* Japan commits north */
    HK_PIN_CHINA_WAR,      /* Japan at war with China */
    HK_PIN_WAR,            /* general war between actors[0] and actors[1] */
    HK_PIN_PEACE,          /* end of the war (surrender) */
    HK_PIN_COUNT
} hk_pin;

typedef struct hk_fact {
    char id[HK_ID_LEN];
    hk_date date;
    hk_fact_kind kind;
    int actors[HK_MAX_PARTIES];
    int n_actors;
    const char *text;      /* in our words */
    hk_pin pin;
    int target;            /* faction index for purges, else -1 */
    hk_source source;
    hk_at at;
} hk_fact;

typedef struct hk_battle_side {
    int actor;
    double men, tanks, guns, aircraft;
    double quality;         /* <= 0 unknown */
    double supply_km;       /* distance to railhead */
    double casualties;      /* recorded killed + wounded + missing, < 0 unknown */
    double casualties_hi;   /* upper end of a recorded range, < 0 if a single figure */
} hk_battle_side;

typedef struct hk_battle {
    char id[HK_ID_LEN];
    const char *name;
    int sector;
    int region;
    hk_date start, end;
    hk_terrain terrain;
    hk_battle_side attacker, defender;
    int winner;             /* 0 attacker, 1 defender, -1 draw */
    int cdb90_isqno;        /* 0 if not in CDB90 */
    hk_source source;
    hk_at at;
} hk_battle;

typedef struct hk_incident_count {
    int year_from, year_to; /* inclusive; equal for a single year */
    int count;
    hk_source source;
    hk_at at;
} hk_incident_count;

/* A recorded loss figure (the Siberian Intervention's dead, its cost). */
typedef struct hk_loss {
    char id[HK_ID_LEN];
    const char *text;
    double value;
    const char *unit;
    hk_source source;
    hk_at at;
} hk_loss;

/* A change of hands the record dates (record.yaml `control`): from `date`
 * on, `region` is held by `controller`. Replay follows these; simulate
 * reaches control by its own mechanisms (docs/model.md#control). */
/* What simulate makes of a peacetime occupation the record holds (replay
 * follows the dates): ground held while the Siberian expedition is there,
 * an outpost given up once Soviet power holds the east again (or lost to
 * partisans first, if off the railway), or ground taken in reprisal for
 * such a loss and held until a normalisation treaty trades it back. */
typedef enum hk_hold {
    HK_HOLD_EXPEDITION,
    HK_HOLD_OUTPOST,
    HK_HOLD_REPRISAL,
    HK_HOLD_COUNT
} hk_hold;

typedef struct hk_control_change {
    int region;
    int controller;
    int hold;            /* hk_hold: simulate's rule for an occupation */
    hk_date date;
    hk_source source;
    hk_at at;
} hk_control_change;

/* Where the forces of a power that surrenders lay down their arms to
 * another (record.yaml `surrender_zones`; General Order No. 1 in 1945):
 * bit r of `regions` set for each region of the zone. */
typedef struct hk_surrender_zone {
    int to;            /* actor the surrendering forces give themselves up to */
    uint64_t regions;
    hk_source source;
    hk_at at;
} hk_surrender_zone;

typedef struct hk_publication {
    char id[HK_ID_LEN];
    const char *cite;
    hk_at at;
} hk_publication;

typedef struct hk_seed {
    char file[64];  /* 001_fd9a28d61a246780.txt */
    int lines;      /* line count, so a citation past the end is an error */
} hk_seed;

typedef struct hk_param_value {
    double value;
    double min, max;   /* range used by calibration and sensitivity */
    hk_source source;
    hk_at at;
} hk_param_value;

typedef struct hk_scenario {
    const char *id, *name, *description;
    hk_date start, end;
    hk_seed seeds[HK_MAX_SEEDS];                  int n_seeds;
    hk_publication publications[HK_MAX_PUBLICATIONS]; int n_publications;
    hk_actor actors[HK_MAX_ACTORS];               int n_actors;
    hk_faction factions[HK_MAX_FACTIONS];         int n_factions;
    hk_region regions[HK_MAX_REGIONS];            int n_regions;
    hk_link links[HK_MAX_LINKS];                  int n_links;
    hk_sector sectors[HK_MAX_SECTORS];            int n_sectors;
    hk_formation formations[HK_MAX_FORMATIONS];   int n_formations;
    hk_strength strengths[HK_MAX_STRENGTHS];      int n_strengths;
    hk_island_force islands[HK_MAX_ISLAND_FORCES]; int n_islands;
    hk_treaty treaties[HK_MAX_TREATIES];          int n_treaties;
    hk_event events[HK_MAX_EVENTS];               int n_events;
    hk_person people[HK_MAX_PEOPLE];              int n_people;
    hk_fact facts[HK_MAX_FACTS];                  int n_facts;
    hk_battle battles[HK_MAX_BATTLES];            int n_battles;
    hk_incident_count incidents[HK_MAX_INCIDENT_YEARS]; int n_incidents;
    hk_loss losses[HK_MAX_LOSSES];                int n_losses;
    hk_control_change control[HK_MAX_CONTROL];    int n_control;
    hk_surrender_zone zones[HK_MAX_ZONES];        int n_zones;
    hk_param_value params[HK_PARAM_COUNT];
    /* Indices of the actors the model needs, resolved at load (-1 if absent). */
    int jpn, sov, man, mgl, chn;
    struct hk_compiled *compiled; /* worked out at load (world/compiled.h) */
    void *arena; /* owns every string above */
} hk_scenario;

/* Name tables shared by the loader, the outputs and the docs. */
const char *hk_terrain_name(hk_terrain t);
const char *hk_link_kind_name(hk_link_kind k);
const char *hk_clause_type_name(hk_clause_type t);
const char *hk_effect_name(hk_effect e);
const char *hk_fact_kind_name(hk_fact_kind k);
const char *hk_hold_name(int h);
const char *hk_pin_name(hk_pin p);
const char *hk_precondition_name(hk_precondition c);
/* Index of `id` in the scenario's tables, or -1. */
int hk_scenario_actor(const hk_scenario *s, const char *id);
int hk_scenario_faction(const hk_scenario *s, const char *id);
int hk_scenario_region(const hk_scenario *s, const char *id);
int hk_scenario_treaty(const hk_scenario *s, const char *id);
int hk_scenario_event(const hk_scenario *s, const char *id);
int hk_scenario_sector(const hk_scenario *s, const char *id);
int hk_scenario_formation(const hk_scenario *s, const char *id);

#endif
