/* cdb90_fit.h — the parts of tools/cdb90_fit shared between its files. The tool fits the combat model (src/model/combat.c) and a plain
 * Lanchester square law on a declared part of CDB90, and reports both on the
 * part not fitted (docs/combat.md states the split).
 *
 *   cdb90_fit [CDB90_DIR] [--out REPO_DIR] [--evaluate] [--quiet]
 *             [--codes N] [--ridge X] [--cauchy] [--restarts N]
 *
 * The fit has two stages: the general parameters on the fit part's battles
 * without a no-surrender (Japanese, 1937-1945) side, then the three
 * no-surrender factors on the fit part's battles with one, the rest held.
 * Without --evaluate it fits with GSL's Nelder–Mead simplex and writes
 * data/combat-fit.yaml, docs/combat-validation.md and
 * src/model/combat_fit_data.c under REPO_DIR (default: the source tree).
 * With --evaluate it fits nothing of the combat model: it scores the
 * compiled-in parameters on the held-out part and prints key=value lines,
 * which a test compares with the checked-in report. */
#ifndef HK_CDB90_FIT_H
#define HK_CDB90_FIT_H

#include <stdio.h>

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_vector.h>

#include "model/combat.h"

#ifndef HK_SOURCE_DIR
#define HK_SOURCE_DIR "."
#endif


typedef struct csv {
    char ***rows;  /* rows[i][j]; row 0 is the header */
    int *ncols;
    int nrows;
} csv;
enum { PART_NONE = -1, PART_FIT = 0, PART_HELD = 1 };
#define MAX_BATTLES 700
typedef struct cbattle {
    int isqno;
    char name[48];
    int year;
    double dispersion;   /* Dupuy's dispersion factor of its era */
    int wina;            /* 1 attacker won, -1 lost, 0 draw */
    int part;
    int days;
    int posture;
    int terrain;
    double code[HK_CDB90_CODES];
    /* [0] attacker, [1] defender; NaN when missing */
    double str[2], cas[2], tank[2], arty[2], fly[2], ctank[2], carty[2], cfly[2];
    char actor[2][24];
    int no_surrender[2]; /* a Japanese side of 1937-1945 (docs/combat.md) */
    int nation[2];       /* HK_NATION_* of the side's (first) army */
    int mainland;        /* fought on the Asian mainland (CDB90 locn), not an island */
    int way_back[2];     /* --way-back: a no-surrender side with its own ground behind it */
    int surprise[2];     /* the side's surprise, 0-3 (CDB90 surpa; a blank is the
                          * defender's, of unknown degree: taken as minor) */
    int air[2];          /* the side held air superiority (CDB90 aeroa 1 / -1) */
    double front[2];     /* the width of each side's front at the start, km
                          * (CDB90 front_widths wofa/wofd); 0 unknown */
    int collapsed;       /* the defender's line collapsed, as CDB90's resolution codes
                          * give it after the fact (the defender's WL or AA):
                          * fitted against, never read as an input */
    int envelop;         /* the attacker's planned scheme is an envelopment or a
                          * rear attack (CDB90 pri1/pri2 EE, DE, LR, RR) */
    int night;           /* the attack began in the dark: CDB90's start time
                          * (datetime_min) from 20:00 to 03:59, not 00:00, which
                          * this copy gives when the hour is unknown */
    int river;           /* the attacker's planned scheme crosses a river or canal
                          * the defender holds (CDB90 pri1, pri2 or pri3 RC) */
    int delay;           /* the defender's posture is a delaying action or a
                          * withdrawal (CDB90 post1 DL or WD) */
} cbattle;
typedef struct lanchester {
    double a;     /* attacker men lost per day per defender man */
    double d;     /* defender men lost per day per attacker man */
    double band;  /* |score| below this is a draw */
} lanchester;
enum {
    X_WTANK, X_WGUN, X_WAIR, X_RATT, X_RDEF, X_SIZE, X_HELM, X_DECAY, X_PD, X_FD,
    X_STEPPE, X_DESERT, X_HILLS, X_FOREST, X_MARSH, X_URBAN, X_BATT, X_BDEF, X_BAND, X_SCALE,
    X_DISP, X_PURSUIT, X_QBREAK,
    /* what the attacker plans (docs/combat.md, "Surprise, air, armour,
     * encirclement") */
    X_SURPRISE, X_AIR, X_EXPLOIT, X_ENVELOP, X_ENC_BASE, X_ENC_ARMOUR, X_WBIAS,
    /* frontage, armour on broken ground, a prepared defence of heights
     * (docs/combat.md) */
    X_FRONT, X_ARMBROKEN, X_HEIGHTS,
    /* a night attack: weapons' weight on its first day (docs/combat.md) */
    X_NIGHT,
    /* aircraft over broken ground */
    X_AIRBROKEN,
    /* weapons need men: support weapons' worth saturates (docs/combat.md) */
    X_SUPPORT,
    X_CODE0,
    NX = X_CODE0 + HK_CDB90_CODES
};
/* The no-surrender factors, fitted in a second stage on the fit part's
 * Japanese battles of 1937-1945 only, the other parameters held. */
enum { Y_NSOWN, Y_NSENEMY, Y_NSBREAK, Y_NSHOLD, Y_NSRING, NY };
/* Which battles a loss looks at: stage 1 the fit part without any
 * no-surrender side, stage 2 the fit part's battles with one. */
enum { STAGE_GENERAL = 0, STAGE_NO_SURRENDER = 1, STAGE_ALL = 2 };
typedef struct fitctx {
    const cbattle *b;
    int n;
    double loss_tank, loss_gun, loss_air;
    int stage;
    int n_codes;              /* codes beyond this are held at 0 */
    hk_combat_params base;    /* stage 2: the stage-1 parameters */
    /* stage 1: the simplex searches only these entries of the parameter
     * vector (the terms switched on); the rest stay at x_idle */
    int act[NX], n_act;
    double x_idle[NX];
    double base_coef[HK_CDB90_CODES];
    /* stage 5 (the collapse): each battle's power ratio at the start, and
     * the battles its share is fitted on */
    double ratio[MAX_BATTLES];
    int sel[MAX_BATTLES];
    /* stages 4, 9 and 10: the one term the stage fits (term_loss_fn) */
    void (*unpack)(const double *z, hk_combat_params *cp);
} fitctx;
/* The running sums of a loss: the casualty terms of the usable sides and
 * the outcome terms of the battles, each averaged over its own count, so
 * that the combat model and the Lanchester law are scored alike. */
typedef struct loss_sums {
    double e2, nll;
    int ns, nb;
} loss_sums;
typedef struct score {
    int n_battles, n_winner_right;
    int n_sides, n_within2;
    double sum_abs_log, sum_sq_log;
} score;

/* tails.c: see tails_summary */
typedef struct tails_sum {
    int n;
    double rec5, rec_a5, rec_d5, rec_col;
    double m5, m_a5, m_d5, m_col;
} tails_sum;

/* How the random draws name winners on a set of battles (stage 7): the
 * share the attacker won in the record, the mean share of the draws it
 * wins, and the per-battle log-likelihood and Brier score of the recorded
 * "the attacker won" under the draws' shares and under the set's own rate. */
typedef struct winner_sum {
    int n;
    double rec, drawn, ll, ll_base, brier, brier_base;
    double named; /* share whose recorded winner is the side that wins most of the draws */
} winner_sum;

typedef struct report {
    score mf, mh, lf, lh;   /* model / lanchester × fit / held-out */
    double naive_att, naive_larger;
    lanchester L;
    hk_combat_result kg;
    double loss_model, loss_lanchester, loss_ns;
    int n_fit, n_held, n_ns_fit, n_ns_held;
    score nsf, nsh;         /* the model on battles with a no-surrender side */
    score nsf_off, nsh_off; /* the same with the no-surrender factors off */
    /* per national group: held-out sides with the factors and with all of
     * them at 1; fit-part sides counted */
    score nat_h[HK_NATION_COUNT], nat_h_off[HK_NATION_COUNT];
    int nat_fit_sides[HK_NATION_COUNT];
    score mh_nat_off;       /* the whole held-out part with the factors at 1 */
    /* the same model fitted with CDB90's advantage codes (set after the
     * fact), for comparison only */
    int have_codes;
    score codes_mf, codes_mh;
    /* the held-out part with one planned-attack term switched off (no
     * refit): surprise, air, envelopment power, exploitation, encirclement,
     * the winner rule's bias; no-surrender sides quitting on the force
     * ratio */
    score abl[7];
    /* the held-out battles of 1919-1945 (the years the simulation covers):
     * the model, the comparison fit with the codes, the square law, and
     * the simple references */
    score mh45, codes_mh45, lh45;
    double naive_att45, naive_larger45;
    /* the defender's collapse (stage 5): the logistic on each part (per
     * battle log-likelihood, its base rate's, named); the exchanges of
     * border-size battles by part [0 fit, 1 held out] for the model as
     * fitted, with the collapse off at the same spread, as before stage 5
     * (no collapse, the spread of all battles), and the fit with the codes */
    double coll_ll[2], coll_ll_base[2];
    int coll_named[2], coll_n[2], coll_k[2];
    tails_sum t_model[2], t_off[2], t_before[2], t_codes[2];
    int have_before;
    double spread_all[2];
    /* who wins a drawn battle (stage 7), by part [0 fit, 1 held out]: as
     * one battle and, for battles of a border battle's size, in
     * TAILS_ECHELONS echelons; before the stage (the score decides) and
     * after */
    winner_sum w_before[2], w_after[2], w_border_before, w_border_after;
    winner_sum w_s7[2], w_border_s7; /* stage 7's drawn winner, where stage 8 is adopted */
    double winner_scale_fit; /* stage 7's fitted scale (written only with --winner-draw) */
    double winner_bias_stage1; /* the lean as stage 1 fitted it (before stage 8) */
} report;



/* The forces of scenarios/far-east-1918/record.yaml: battle khalkhin_gol at
 * the campaign's peak (the August offensive), and battle nomonhan_opening
 * (CDB90 259) at its first engagement. */
#define KG_ATT "SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650," HK_COMBAT_KG_SOV_PLAN_TEXT
#define KG_DEF "JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared,no_surrender=1"
#define KG_ATT0 "SOV:men=1228,guns=14,supply_km=650"
#define KG_DEF0 "JPN:men=1300,tanks=10,guns=4,aircraft=20,supply_km=240,posture=prepared,no_surrender=1"
/* The days of actual fighting, as four engagements, with the side that
 * attacked in each and the day each began (docs/combat.md). */
#define KG_PHASES HK_COMBAT_KG_PHASES_TEXT

/* Lake Khasan (Changkufeng), 1938, as a campaign: the three CDB90
 * engagements (256 the Japanese night attack of 31 July, 257 the Soviet
 * attack on Hill 52 of 2 August, 258 the Soviet general offensive of 6-11
 * August), with the forces of scenarios/far-east-1918/record.yaml: each side
 * grows from its strength in the first engagement to its strength in the
 * last; what each side planned as CDB90 codes it (the Japanese night
 * attack's surprise; the Soviet air superiority and envelopments). */
#define KH_SOV "SOV:men=20000,tanks=200,guns=100,aircraft=80,supply_km=170,posture=prepared,air=1,envelop=1"
#define KH_JPN "JPN:men=8000,guns=37,supply_km=125,posture=prepared,no_surrender=1,surprise=1"
#define KH_SOV0 "SOV:men=1460,tanks=20,guns=20,supply_km=170,posture=prepared,air=1,envelop=1"
#define KH_JPN0 "JPN:men=1410,guns=14,supply_km=125,posture=prepared,no_surrender=1,surprise=1"
#define KH_PHASES "JPN:1@0,SOV:1@2,SOV:5@6"

extern const int japan_ussr[6];
extern int g_cauchy;
extern double g_ridge;
extern int g_nations;
extern double g_nation_break_set;
extern int g_works;
extern int g_works_edge;
void edge_unpack(const double *z, hk_combat_params *cp);
double edge_loss_fn(const gsl_vector *v, void *ctx);
void works_unpack(const double *z, hk_combat_params *cp);
double works_loss_fn(const gsl_vector *v, void *ctx);
extern int g_fit_nation_break;
extern int g_ns_score_ordinary;
extern double g_quality_break_hold;
extern double g_ns_scale;
extern int g_score_ns_only;
extern int g_year_lo, g_year_hi;
/* switches for the structural terms: frontage, armour on broken ground,
 * heights, a no-surrender side's own extra losses only while outmatched (off
 * in the adopted fit), and no-surrender sides that do not quit on the force
 * ratio (on) */
extern int g_front, g_armour_broken, g_heights, g_ns_outmatched, g_ns_no_collapse;
/* a night attack blinds the weapons on its first day; a no-surrender
 * defender still on its ground holds it (the score reads its break point
 * towards ns_break) */
extern int g_way_back;
extern int g_ns_ring;
extern int g_delay; /* stage 10: fit the delaying action (default on; --no-delay) */
extern int g_river; /* stage 9: fit the river crossing (--river; default off) */
extern int g_night, g_ns_hold, g_air_broken, g_support, g_quiet_contact, g_ns_defender_only;
/* -1: the compiled-in parameters' break_stop; 0 or 1: that (--break-stop, --no-break-stop) */
extern int g_break_stop;
/* battles in echelons: -1 as compiled in (fit: on), 0/1 as given */
extern int g_echelon_clock, g_echelon_winner;
/* the compiled-in parameters with the flags above that were given (fit.c) */
void fit_params_compiled(hk_combat_params *cp, double coef[HK_CDB90_CODES]);

/* csv.c */
char *slurp(const char *path);
int csv_read(const char *path, csv *c);
void csv_free(csv *c);
int csv_col(const csv *c, const char *name);
const char *csv_get(const csv *c, int row, int col);
double num_or_nan(const char *s);

/* cdb90.c */
int cdb90_nation(const char *actors);
int is_japan_ussr(int isqno);
long days_from_civil(int y, int m, int d);
double parse_time(const char *s);
int map_terrain(const char *t1, const char *t2, const char *t3);
double dupuy_dispersion(int year);
int load_battles(const char *dir, cbattle *b, int *n_out);
int usable(const cbattle *x);
int side_usable(const cbattle *x, int s);

/* tails.c: the loss distribution of battles of a given size and length,
 * the record's and the model's (docs/combat.md, "Heavy losses") */
int tails_run(const cbattle *b, int n, int draws, int echelons);
/* Over one part's battles of a border battle's size and length
 * (border_size): the share with an exchange of 5:1 or worse, the attacker
 * the side that lost more (a5), the defender (d5), the defender collapsed;
 * the record's and the model's mean over `draws` draws of its random
 * spread in `echelons` echelons (docs/combat.md, "Defenders that break"). */
int border_size(const cbattle *x);
void tails_summary(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part, int draws,
                   int echelons, tails_sum *t);
#define TAILS_DRAWS 200
#define TAILS_ECHELONS 3

/* fit.c */
double zero_nan(double v);
void model_battle(const hk_combat_params *cp, const double *coef, const cbattle *x,
                         hk_combat_result *res);
/* The two sides of a battle as the combat model takes them, at par quality. */
void cdb90_sides(const cbattle *x, hk_combat_side s[2]);
void model_battle_rng(const hk_combat_params *cp, const double *coef, const cbattle *x, hk_rng *rng,
                      hk_combat_result *res);
void lanchester_battle(const lanchester *L, const cbattle *x, double cas[2], double *zscore,
                              int *winner);
double softplus(double v);
double outcome_nll(double z, double band, double scale, int wina);
double cas_err(double model, double rec);
double cas_loss(double e);
int has_no_surrender(const cbattle *b);
double sigm(double v);
void fixed_params(hk_combat_params *cp);
void unpack(const double *x, const fitctx *c, hk_combat_params *cp, double *coef,
                   double *scale);
void ns_unpack(const double *y, hk_combat_params *cp);
void loss_add(loss_sums *t, const cbattle *b, const double cas[2], double z, double band,
                     double scale);
double loss_mean(const loss_sums *t);
double battles_loss(const fitctx *c, const hk_combat_params *cp, const double *coef,
                           double scale);
double ns_loss(const gsl_vector *v, void *ctx);
void nation_unpack(const double *z, hk_combat_params *cp);
double nation_loss_fn(const gsl_vector *v, void *ctx);
void pursuit_unpack(const double *z, hk_combat_params *cp);
void river_unpack(const double *z, hk_combat_params *cp);
void delay_unpack(const double *z, hk_combat_params *cp);
extern int g_works_storm; /* stage 11: a storm of works (default on; --no-works-storm) */
void works_storm_unpack(const double *z, hk_combat_params *cp);
double works_storm_loss_fn(const gsl_vector *v, void *ctx);
double term_loss_fn(const gsl_vector *v, void *ctx);
/* stage 5: the beaten defender's collapse (docs/combat.md, "Defenders that break") */
/* The collapse's logistic terms, once: X(field, label, note) in the order
 * the fit's vector holds them (z[0] is the constant). Every place that
 * reads, zeroes, prints or writes them (fit.c, main.c, write.c) expands
 * this list; collapse_share, fitted apart, follows them where written. */
#define CDB90_COLLAPSE_TERMS(X)                                                                         \
    X(collapse_c0, "c0",                                                                              \
      "a beaten defender collapses with p = sigm(c0 + env x envelop + surprise x level + k x ln ratio + ...)") \
    X(collapse_env, "env", "the attacker planned an envelopment")                                     \
    X(collapse_surprise, "surprise", "per level of the attacker's surprise")                          \
    X(collapse_k, "ratio", "per unit of ln power ratio at the start")                                 \
    X(collapse_size, "size", "per unit of ln (men in all / size_ref)")                                \
    X(collapse_garrison, "garrison", "a defender that does not surrender and has no way back")
#define CDB90_COLLAPSE_COUNT_(field, label, note) +1
enum { NCOLL = 0 CDB90_COLLAPSE_TERMS(CDB90_COLLAPSE_COUNT_) }; /* the collapse's logistic terms */
int collapse_fit_battle(const cbattle *x);
double collapse_power_ratio(const hk_combat_params *cp, const double *coef, const cbattle *x);
void collapse_p_unpack(const double *z, hk_combat_params *cp);
double collapse_p_loss(const gsl_vector *v, void *ctx);
double collapse_share_loss(const gsl_vector *v, void *ctx);
void collapse_score(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part,
                    double *ll, double *ll_base, int *named, int *nb, int *nc);
void fit_collapse(fitctx *c, hk_combat_params *cp, const double *coef, int quiet);
/* stage 6: the clock of a stage fought in echelons */
int echelon_fit_battle(const cbattle *x, int part);
void echelon_battle(const hk_combat_params *cp, const cbattle *x, hk_combat_result *res);
void echelon_errors(const hk_combat_params *cp, const cbattle *b, int n, int part, double *bias, double *mse, int *k);
double echelon_clock_loss(const gsl_vector *v, void *ctx);
void fit_echelon_clock(fitctx *c, hk_combat_params *cp, int quiet);
extern int g_echelon_share;     /* 1: stage 6 (default) */
extern double g_echelon_share_set; /* >= 0: --evaluate and --tails with this share */
extern double g_spread_all[2]; /* stage 5: the random spread of all fit-part battles */
/* stage 7: who wins a drawn battle (docs/combat.md, "Who wins a drawn battle") */
#define WINNER_DRAWS 200
/* one battle as the model fights it (echelons > 1: in that many echelons,
 * as the simulation's border battles), with the random spread when rng is
 * not NULL */
void tails_fight(const hk_combat_params *cp, const double *coef, const cbattle *x, int echelons, hk_rng *rng,
                 hk_combat_result *res);
void fit_winner_scale(const cbattle *b, int n, hk_combat_params *cp, const double *coef, int quiet);
/* stage 8: winner_bias and winner_scale together on the draws, the
 * collapse in, the odds read on the central score (winner_central) */
void fit_winner_neutral(const cbattle *b, int n, hk_combat_params *cp, const double *coef, int quiet);
extern int g_winner_neutral; /* 1 (--winner-neutral): fit and write stage 8 */
extern int g_winner_central; /* 0 (--winner-on-drawn): stage 8's odds read the drawn score */
extern double g_winner_bias_set; /* finite: --evaluate and --tails with this winner_bias */
extern int g_winner_central_set; /* >= 0: --evaluate and --tails with this winner_central */
extern double g_winner_draw_bias_set; /* finite: --evaluate and --tails with this winner_draw_bias */
void winner_summary(const hk_combat_params *cp, const double *coef, const cbattle *b, int n, int part,
                    int echelons, int border_only, winner_sum *w);
extern int g_winner_draw; /* 1 (--winner-draw): write stage 7's scale; 0 (default): write 0 */
extern double g_winner_scale_set; /* >= 0: --evaluate and --tails with this scale */
extern int g_collapse;          /* 1: stage 5 fits the collapse (default); 0: off */
extern int g_pursuit_cut;        /* 1: stage 4 fits the beaten attacker's pursuit cut (default) */
extern double g_pursuit_cut_set; /* >= 0: --evaluate with this cut instead of the compiled one */
double model_loss(const gsl_vector *v, void *ctx);
void lanchester_unpack(const double *y, lanchester *L, double *scale);
double lanchester_loss(const gsl_vector *v, void *ctx);
double nelder_mead(double (*f)(const gsl_vector *, void *), void *ctx, double *x, int n,
                          int restarts, int max_iter, int quiet);

/* score.c */
void score_add_battle(score *s, int winner_model, int wina);
void score_add_side(score *s, double model, double rec);
double share(int k, int n);
void score_model(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                        int part, score *s);
void score_lanchester(const lanchester *L, const cbattle *b, int n, int part, score *s);
void score_naive(const cbattle *b, int n, int part, double *always_att, double *larger);
double median_ratio(const cbattle *b, int n, int arm);
void residual_spread(const hk_combat_params *cp, const double *coef, const cbattle *b,
                            int n, double *common, double *diff);
void residual_spread_ordinary(const hk_combat_params *cp, const double *coef, const cbattle *b,
                              int n, int ordinary, double *common, double *diff);
void score_nation(const hk_combat_params *cp, const double *coef, const cbattle *b, int n,
                         int part, int nation, score *s);

/* khalkhin.c */
int khalkhin_gol(const hk_combat_params *cp, hk_combat_result *r);
void kg_sensitivity(FILE *f, const hk_combat_params *cp);
void khasan_section(FILE *f, const hk_combat_params *cp);

/* write.c */
const char *winner_name(int w);
const char *wina_name(int wina);
void write_params_c(FILE *f, const hk_combat_params *cp, const double *coef);
void write_yaml(FILE *f, const hk_combat_params *cp, const double *coef, const report *R,
                       const cbattle *b, int n);
void pct(FILE *f, int k, int n);
void battle_command(const cbattle *x, char *buf, size_t len);
void write_validation(FILE *f, const hk_combat_params *cp, const double *coef,
                             const report *R, const cbattle *b, int n);
FILE *open_out(const char *dir, const char *rel);

/* main.c */
void initial_point(double *x);
int active_params(int n_codes, int *act);

#endif
