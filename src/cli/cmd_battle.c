/* cmd_battle.c — 'hokushin battle': one battle with the combat model
 * (src/model/combat.h), from forces given on the command line. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "model/combat.h"
#include "run/inputs.h"
#include "run/stats.h"

#define BATTLE_DEFAULT_DAYS 3
#define BATTLE_MAX_DAYS 3650
#define BATTLE_MAX_SPAN 3650 /* latest first day of an engagement, days into the campaign */
#define BATTLE_MAX_RUNS 1000000

static void battle_usage(FILE *out)
{
    fprintf(out,
            "usage: hokushin battle --attacker SPEC --defender SPEC [--days N | --phases LIST]\n"
            "                       [--terrain T] [--runs N [--seed N]] [--json]\n\n"
            "Fights one battle with the combat model: daily Lanchester-Helmbold attrition\n"
            "with force quality, the defender's posture and terrain, and supply that falls\n"
            "with the distance from the railhead, fitted on the CDB90 battles\n"
            "(docs/combat.md, docs/combat-validation.md).\n\n"
            "SPEC  SIDE:men=N[,tanks=N][,guns=N][,aircraft=N][,quality=Q][,supply_km=D]\n"
            "      [,posture=hasty|prepared|fortified][,no_surrender=0|1][,nation=CODE]\n"
            "      [,surprise=0-3][,air=0|1][,envelop=0|1][,night=0|1][,way_back=0|1][,river=0|1]\n"
            "      [,delay=0|1]\n"
            "      SIDE names the side (JPN, SOV, ...). quality is a combat effectiveness\n"
            "      value, 1 = par; supply_km the distance from the railhead that feeds the\n"
            "      side (0 = at the railhead); posture counts when the side defends;\n"
            "      no_surrender=1 for a force that does not surrender (the Japanese army\n"
            "      of 1937-1945): it fights on longer and both sides lose more. nation\n"
            "      picks the army whose fitted loss factor applies (RUS, JPN, GER, GBR, FRA,\n"
            "      USA, CSA, AUT, ISR, ARAB; OTHER = 1); without it, a SIDE that names one\n"
            "      (SOV and USSR count as RUS) takes its own, any other SIDE takes OTHER.\n"
            "      What the attacker plans, known before the battle: surprise=1|2|3 (minor,\n"
            "      substantial, complete; its power is raised on the first days), envelop=1\n"
            "      (an envelopment or rear attack: more power, and if it wins part of the\n"
            "      beaten defender is cut off, as prisoners unless no_surrender=1, when\n"
            "      they are killed); air=1 on either side for air superiority over the\n"
            "      field; night=1 for an attack in the dark (on its first day tanks, guns\n"
            "      and aircraft fire blind on both sides). The winner's tanks raise the\n"
            "      beaten side's losses in pursuit. way_back=1 on a no_surrender side\n"
            "      that is not cut off (its own ground behind it): its line gives ground\n"
            "      as another army's does, and only the men a closing envelopment cuts\n"
            "      off fight to the last. river=1 on the attacker: its plan crosses a river\n"
            "      the defender holds, under fire (the defender's line counts for more).\n"
            "      delay=1 on the defender: it fights a delaying action or withdraws.\n\n"
            "options:\n"
            "  --days N      longest the battle may last, in days (default %d, the median\n"
            "                length of CDB90's 1919-1945 battles); it ends sooner when a\n"
            "                side breaks off\n"
            "  --phases LIST a campaign of several engagements instead of one battle:\n"
            "                SIDE:DAYS[@DAY],... names who attacks in each, its longest\n"
            "                length and the campaign day it begins on (default: right\n"
            "                after the one before); each is fought by what is left of\n"
            "                both sides and its intensity starts afresh. Casualties are\n"
            "                summed, the winner is the last engagement's. Give the days of\n"
            "                actual fighting, not the calendar span (docs/combat.md); on\n"
            "                the days between two engagements (a later @DAY) both sides\n"
            "                stay in contact and lose as the last engagement ebbs\n"
            "  --attacker-start SPEC, --defender-start SPEC\n"
            "                with --phases, the side's strength at day 0 (same SIDE; only\n"
            "                men, tanks, guns and aircraft count): the side grows from it\n"
            "                to its --attacker/--defender strength, reached on the last\n"
            "                engagement's first day, in proportion to the days passed\n"
            "  --terrain T   plain (default), steppe, desert, hills, mountain, forest, marsh,\n"
            "                urban or island\n"
            "  --runs N      also fight it N times with the model's random spread and give\n"
            "                how often each side wins and the casualties' 5-95%% range\n"
            "  --seed N      seed for --runs (default 1); the same seed, the same figures\n"
            "  --json        one JSON object: each side's casualties and losses by arm, the\n"
            "                winner, days fought\n\n"
            "example (Khalkhin Gol, May-September 1939: three Japanese attacks, then the\n"
            "Soviet August offensive, both sides growing from their May strengths):\n"
            "  hokushin battle --attacker SOV:men=57000,tanks=498,guns=542,aircraft=515,supply_km=650,surprise=2,envelop=1 \\\n"
            "      --defender JPN:men=30000,tanks=120,guns=135,aircraft=200,supply_km=240,posture=prepared,no_surrender=1 \\\n"
            "      --attacker-start SOV:men=1228,guns=14 --defender-start JPN:men=1300,tanks=10,guns=4,aircraft=20 \\\n"
            "      --terrain steppe --phases " HK_COMBAT_KG_PHASES_TEXT "\n",
            BATTLE_DEFAULT_DAYS);
}

typedef struct battle_side_arg {
    char name[16];
    hk_combat_side side;
    int has_start;         /* --attacker-start / --defender-start given */
    hk_combat_side start;  /* strengths at the first engagement */
} battle_side_arg;

static void fight(const hk_combat_params *cp, const battle_side_arg *a, const battle_side_arg *d,
                  hk_terrain terrain, int nph, const hk_combat_phase *ph, hk_rng *rng,
                  hk_combat_result *res)
{
    hk_combat_campaign_buildup(cp, &a->side, &d->side, a->has_start ? &a->start : NULL,
                               d->has_start ? &d->start : NULL, terrain, nph, ph, rng, res);
}

typedef struct battle_runs {
    int n;
    int wins[3];          /* attacker, defender, draw */
    double mean[2], p05[2], p95[2];
} battle_runs;

static int run_many(const hk_combat_params *cp, const battle_side_arg *a, const battle_side_arg *d,
                    hk_terrain terrain, int nph, const hk_combat_phase *ph, int runs,
                    uint64_t seed, battle_runs *out)
{
    memset(out, 0, sizeof *out);
    out->n = runs;
    double *cas = malloc(sizeof *cas * 2 * (size_t)runs);
    if (!cas) {
        fprintf(stderr, "hokushin battle: out of memory for %d runs\n", runs);
        return -1;
    }
    for (int i = 0; i < runs; i++) {
        hk_rng r;
        hk_rng_init(&r, seed, (uint64_t)i);
        hk_combat_result res;
        fight(cp, a, d, terrain, nph, ph, &r, &res);
        out->wins[res.winner == HK_COMBAT_ATTACKER ? 0 : res.winner == HK_COMBAT_DEFENDER ? 1 : 2]++;
        cas[i] = res.casualties[0];
        cas[runs + i] = res.casualties[1];
    }
    for (int s = 0; s < 2; s++) {
        double *v = cas + (size_t)s * runs, sum = 0;
        for (int i = 0; i < runs; i++)
            sum += v[i];
        hk_stats_sort(v, (size_t)runs);
        out->mean[s] = sum / runs;
        out->p05[s] = v[(int)floor(0.05 * (runs - 1))];
        out->p95[s] = v[(int)ceil(0.95 * (runs - 1))];
    }
    free(cas);
    return 0;
}

static const char *broke_name(int b)
{
    return b == 1 ? "losses" : b == 2 ? "force ratio" : NULL;
}

static json_t *side_json(const battle_side_arg *s, const hk_combat_result *res, int i,
                         double power, const char *role)
{
    const hk_combat_losses *l = &res->loss[i];
    json_t *o = json_object();
    json_object_set_new(o, "side", json_string(s->name));
    json_object_set_new(o, "role", json_string(role));
    json_t *forces = json_object();
    json_object_set_new(forces, "men", json_real(s->side.men));
    json_object_set_new(forces, "tanks", json_real(s->side.tanks));
    json_object_set_new(forces, "guns", json_real(s->side.guns));
    json_object_set_new(forces, "aircraft", json_real(s->side.aircraft));
    json_object_set_new(forces, "quality", json_real(s->side.quality));
    json_object_set_new(forces, "supply_km", json_real(s->side.supply_km));
    json_object_set_new(forces, "nation", json_string(hk_combat_nation_name(s->side.nation)));
    if (i == HK_COMBAT_DEFENDER)
        json_object_set_new(forces, "posture", json_string(hk_combat_posture_name(s->side.posture)));
    json_object_set_new(forces, "no_surrender", json_boolean(s->side.no_surrender));
    json_object_set_new(forces, "way_back", json_boolean(s->side.way_back));
    json_object_set_new(forces, "air", json_boolean(s->side.air));
    json_object_set_new(forces, "surprise", json_integer(s->side.surprise));
    json_object_set_new(forces, "envelop", json_boolean(s->side.envelop));
    json_object_set_new(forces, "night", json_boolean(s->side.night));
    json_object_set_new(forces, "river", json_boolean(s->side.river > 0));
    json_object_set_new(forces, "delay", json_boolean(s->side.delay > 0));
    json_object_set_new(o, "forces", forces);
    if (s->has_start) {
        json_t *f0 = json_object();
        json_object_set_new(f0, "men", json_real(s->start.men));
        json_object_set_new(f0, "tanks", json_real(s->start.tanks));
        json_object_set_new(f0, "guns", json_real(s->start.guns));
        json_object_set_new(f0, "aircraft", json_real(s->start.aircraft));
        json_object_set_new(o, "forces_start", f0);
    }
    json_object_set_new(o, "power", json_real(round(power)));
    json_object_set_new(o, "casualties", json_integer(llround(res->casualties[i])));
    json_t *losses = json_object();
    json_object_set_new(losses, "men", json_integer(llround(l->men)));
    json_object_set_new(losses, "tanks", json_integer(llround(l->tanks)));
    json_object_set_new(losses, "guns", json_integer(llround(l->guns)));
    json_object_set_new(losses, "aircraft", json_integer(llround(l->aircraft)));
    json_object_set_new(o, "losses", losses);
    json_object_set_new(o, "prisoners", json_integer(llround(res->prisoners[i])));
    json_object_set_new(o, "between_engagements", json_integer(llround(res->quiet[i])));
    const char *b = broke_name(res->broke_off[i]);
    json_object_set_new(o, "broke_off", b ? json_string(b) : json_null());
    return o;
}

static void print_json(const battle_side_arg *a, const battle_side_arg *d, hk_terrain terrain,
                       int max_days, const hk_combat_result *res, double pw_a, double pw_d,
                       const battle_runs *runs, uint64_t seed, int nph,
                       const hk_combat_phase *ph)
{
    json_t *o = json_object();
    json_object_set_new(o, "attacker", side_json(a, res, 0, pw_a, "attacker"));
    json_object_set_new(o, "defender", side_json(d, res, 1, pw_d, "defender"));
    const char *w = res->winner == HK_COMBAT_ATTACKER   ? a->name
                    : res->winner == HK_COMBAT_DEFENDER ? d->name
                                                        : "draw";
    json_object_set_new(o, "winner", json_string(w));
    json_object_set_new(o, "winner_role",
                        json_string(res->winner == HK_COMBAT_ATTACKER   ? "attacker"
                                    : res->winner == HK_COMBAT_DEFENDER ? "defender"
                                                                        : "draw"));
    json_object_set_new(o, "days", json_integer(res->days));
    /* the (last) engagement's winner closed a ring round the beaten side */
    json_object_set_new(o, "encircled", json_boolean(res->encircled));
    json_object_set_new(o, "max_days", json_integer(max_days));
    json_object_set_new(o, "terrain", json_string(hk_combat_terrain_name(terrain)));
    if (nph > 1 || ph[0].second_attacks) {
        json_t *arr = json_array();
        for (int k = 0; k < nph; k++) {
            json_t *e = json_object();
            json_object_set_new(e, "attacker", json_string(ph[k].second_attacks ? d->name : a->name));
            json_object_set_new(e, "max_days", json_integer(ph[k].days));
            json_object_set_new(e, "start_day", json_integer(ph[k].start_day));
            json_array_append_new(arr, e);
        }
        json_object_set_new(o, "phases", arr);
    }
    json_object_set_new(o, "power_ratio", json_real(res->power_ratio));
    json_object_set_new(o, "score", json_real(res->score));
    json_object_set_new(o, "model", json_string("Lanchester-Helmbold daily attrition fitted on CDB90 "
                                                "(docs/combat.md)"));
    if (runs->n > 0) {
        json_t *r = json_object();
        json_object_set_new(r, "n", json_integer(runs->n));
        json_object_set_new(r, "seed", hk_json_seed(seed));
        json_t *p = json_object();
        json_object_set_new(p, "attacker", json_real((double)runs->wins[0] / runs->n));
        json_object_set_new(p, "defender", json_real((double)runs->wins[1] / runs->n));
        json_object_set_new(p, "draw", json_real((double)runs->wins[2] / runs->n));
        json_object_set_new(r, "p_win", p);
        const char *roles[2] = {"attacker", "defender"};
        for (int s = 0; s < 2; s++) {
            json_t *c = json_object();
            json_object_set_new(c, "mean", json_real(round(runs->mean[s])));
            json_t *ci = json_array();
            json_array_append_new(ci, json_real(round(runs->p05[s])));
            json_array_append_new(ci, json_real(round(runs->p95[s])));
            json_object_set_new(c, "p05_p95", ci);
            char key[32];
            snprintf(key, sizeof key, "%s_casualties", roles[s]);
            json_object_set_new(r, key, c);
        }
        json_object_set_new(o, "runs", r);
    }
    char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    if (text) {
        puts(text);
        free(text);
    }
    json_decref(o);
}

static void print_text(const battle_side_arg *a, const battle_side_arg *d, hk_terrain terrain,
                       int max_days, const hk_combat_result *res, double pw_a, double pw_d,
                       const battle_runs *runs, int nph, const hk_combat_phase *ph)
{
    char ha[40], hd[40];
    int campaign = nph > 1 || ph[0].second_attacks;
    snprintf(ha, sizeof ha, campaign ? "%s" : "%s (attacker)", a->name);
    snprintf(hd, sizeof hd, campaign ? "%s" : "%s (defender)", d->name);
    printf("Battle on %s ground, at most %d day%s", hk_combat_terrain_name(terrain), max_days,
           max_days == 1 ? "" : "s");
    if (nph > 1 || ph[0].second_attacks) {
        printf(" in %d engagement%s:", nph, nph == 1 ? "" : "s");
        int grows = a->has_start || d->has_start;
        for (int k = 0; k < nph; k++) {
            printf("%s %s attacks %d d", k ? "," : "", ph[k].second_attacks ? d->name : a->name,
                   ph[k].days);
            if (grows)
                printf(" from day %d", ph[k].start_day);
        }
    }
    printf("\n\n");
    printf("%-24s %16s %16s\n", "", ha, hd);
    const hk_combat_side *s[2] = {&a->side, &d->side};
    if (a->has_start || d->has_start) {
        /* The strengths the sides grow from, on day 0; the table's are
         * reached on the last engagement's first day. */
        const hk_combat_side *z[2] = {a->has_start ? &a->start : &a->side,
                                      d->has_start ? &d->start : &d->side};
        printf("%-24s %16.0f %16.0f\n", "men on day 0", z[0]->men, z[1]->men);
        printf("%-24s %16.0f %16.0f\n", "tanks on day 0", z[0]->tanks, z[1]->tanks);
        printf("%-24s %16.0f %16.0f\n", "guns on day 0", z[0]->guns, z[1]->guns);
        printf("%-24s %16.0f %16.0f\n", "aircraft on day 0", z[0]->aircraft, z[1]->aircraft);
        printf("%-24s %16d %16d\n", "(peak below) on day", ph[nph - 1].start_day,
               ph[nph - 1].start_day);
    }
    printf("%-24s %16.0f %16.0f\n", "men", s[0]->men, s[1]->men);
    printf("%-24s %16.0f %16.0f\n", "tanks", s[0]->tanks, s[1]->tanks);
    printf("%-24s %16.0f %16.0f\n", "guns", s[0]->guns, s[1]->guns);
    printf("%-24s %16.0f %16.0f\n", "aircraft", s[0]->aircraft, s[1]->aircraft);
    printf("%-24s %16.2f %16.2f\n", "quality", s[0]->quality, s[1]->quality);
    printf("%-24s %16.0f %16.0f\n", "km from railhead", s[0]->supply_km, s[1]->supply_km);
    {
        hk_combat_params cp;
        hk_combat_params_default(&cp);
        char na[2][32];
        for (int i = 0; i < 2; i++)
            snprintf(na[i], sizeof na[i], "%s x%.2f", hk_combat_nation_name(s[i]->nation),
                     s[i]->nation > 0 ? cp.nation_loss[s[i]->nation] : 1.0);
        printf("%-24s %16s %16s\n", "army (own loss factor)", na[0], na[1]);
    }
    printf("%-24s %16s %16s\n", "posture", "-", hk_combat_posture_name(s[1]->posture));
    {
        static const char *const degree[4] = {"-", "minor", "substantial", "complete"};
        int sa = s[0]->surprise >= 0 && s[0]->surprise <= 3 ? s[0]->surprise : 0;
        int sd = s[1]->surprise >= 0 && s[1]->surprise <= 3 ? s[1]->surprise : 0;
        printf("%-24s %16s %16s\n", "surprise", degree[sa], degree[sd]);
        printf("%-24s %16s %16s\n", "air superiority", s[0]->air ? "yes" : "-",
               s[1]->air ? "yes" : "-");
        printf("%-24s %16s %16s\n", "envelopment planned", s[0]->envelop ? "yes" : "-",
               s[1]->envelop ? "yes" : "-");
        printf("%-24s %16s %16s\n", "night attack", s[0]->night ? "yes" : "-", "-");
        if (s[0]->river > 0)
            printf("%-24s %16s %16s\n", "river crossing", "yes", "-");
        if (s[1]->delay > 0)
            printf("%-24s %16s %16s\n", "delaying action", "-", "yes");
        printf("%-24s %16s %16s\n", "no surrender", s[0]->no_surrender ? "yes" : "-",
               s[1]->no_surrender ? "yes" : "-");
    }
    printf("%-24s %16.0f %16.0f\n", "combat power (men-eq.)", pw_a, pw_d);
    printf("%-24s %16s %16s\n", "", "----------", "----------");
    printf("%-24s %16.0f %16.0f\n", "casualties (k+w+m)", res->casualties[0], res->casualties[1]);
    printf("%-24s %15.1f%% %15.1f%%\n", "  share of men", 100 * res->casualties[0] / s[0]->men,
           100 * res->casualties[1] / s[1]->men);
    if (res->encircled)
        printf("%-24s %16.0f %16.0f\n", "  of them prisoners", res->prisoners[0], res->prisoners[1]);
    if (res->quiet[0] > 0 || res->quiet[1] > 0)
        printf("%-24s %16.0f %16.0f\n", "  between engagements", res->quiet[0], res->quiet[1]);
    printf("%-24s %16.0f %16.0f\n", "tanks lost", res->loss[0].tanks, res->loss[1].tanks);
    printf("%-24s %16.0f %16.0f\n", "guns lost", res->loss[0].guns, res->loss[1].guns);
    printf("%-24s %16.0f %16.0f\n", "aircraft lost", res->loss[0].aircraft, res->loss[1].aircraft);
    const char *b0 = broke_name(res->broke_off[0]), *b1 = broke_name(res->broke_off[1]);
    printf("%-24s %16s %16s\n", "broke off", b0 ? b0 : "no", b1 ? b1 : "no");
    printf("\n");
    if (res->winner == HK_COMBAT_DRAW)
        printf("Result: a draw after %d day%s.\n", res->days, res->days == 1 ? "" : "s");
    else
        printf("Result: %s wins after %d day%s%s.\n", res->winner == HK_COMBAT_ATTACKER ? ha : hd,
               res->days, res->days == 1 ? "" : "s",
               res->encircled ? ", encircling the beaten side" : "");
    if (runs->n > 0) {
        printf("\nOver %d runs with the model's random spread:\n", runs->n);
        printf("  %s wins %.1f%%, %s wins %.1f%%, draws %.1f%%\n", a->name,
               100.0 * runs->wins[0] / runs->n, d->name, 100.0 * runs->wins[1] / runs->n,
               100.0 * runs->wins[2] / runs->n);
        printf("  casualties %s: mean %.0f, 5-95%% %.0f-%.0f\n", a->name, runs->mean[0],
               runs->p05[0], runs->p95[0]);
        printf("  casualties %s: mean %.0f, 5-95%% %.0f-%.0f\n", d->name, runs->mean[1],
               runs->p05[1], runs->p95[1]);
    }
    printf("\n(The central estimate; CDB90 battles scatter around the model by a factor of\n"
           "about 2.5 either way: see docs/combat-validation.md.)\n");
}

/* --phases SIDE:DAYS[@DAY],...: who attacks in each engagement, for how
 * long, and from which campaign day (hk_combat_parse_phases). */
static int parse_phases(const char *text, const char *first, const char *second,
                        hk_combat_phase *ph, int *n, int *total)
{
    if (hk_combat_parse_phases(text, first, second, BATTLE_MAX_DAYS, BATTLE_MAX_SPAN, ph, n,
                               total) == 0)
        return 0;
    fprintf(stderr,
            "hokushin battle: --phases '%s': expected SIDE:DAYS[@DAY],... with SIDE %s or %s, "
            "DAYS a whole number >= 1, DAY the campaign day it begins on (0 to %d, never "
            "before the one before), at most %d engagements and %d days of fighting in all, "
            "e.g. %s:3@0,%s:12@84\n",
            text, first, second, BATTLE_MAX_SPAN, HK_COMBAT_MAX_PHASES, BATTLE_MAX_DAYS, second,
            first);
    return -1;
}

static int parse_int_opt(const char *opt, const char *text, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = text ? strtol(text, &end, 10) : 0;
    if (!text || !*text || *end || errno || v < lo || v > hi) {
        fprintf(stderr, "hokushin battle: %s needs a whole number from %d to %d, got '%s'\n", opt,
                lo, hi, text ? text : "");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int hk_cmd_battle(int argc, char **argv)
{
    const char *att_spec = NULL, *def_spec = NULL, *terrain_name = "plain", *phases_text = NULL;
    const char *att0_spec = NULL, *def0_spec = NULL;
    int days_given = 0;
    int days = BATTLE_DEFAULT_DAYS, runs = 0, json = 0;
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        int has_val = i + 1 < argc;
        if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
            battle_usage(stdout);
            return HK_EXIT_OK;
        } else if (strcmp(opt, "--json") == 0) {
            json = 1;
        } else if (strcmp(opt, "--attacker") == 0 && has_val) {
            att_spec = argv[++i];
        } else if (strcmp(opt, "--defender") == 0 && has_val) {
            def_spec = argv[++i];
        } else if (strcmp(opt, "--attacker-start") == 0 && has_val) {
            att0_spec = argv[++i];
        } else if (strcmp(opt, "--defender-start") == 0 && has_val) {
            def0_spec = argv[++i];
        } else if (strcmp(opt, "--terrain") == 0 && has_val) {
            terrain_name = argv[++i];
        } else if (strcmp(opt, "--days") == 0 && has_val) {
            if (parse_int_opt("--days", argv[++i], 1, BATTLE_MAX_DAYS, &days))
                return HK_EXIT_USAGE;
            days_given = 1;
        } else if (strcmp(opt, "--phases") == 0 && has_val) {
            phases_text = argv[++i];
        } else if (strcmp(opt, "--runs") == 0 && has_val) {
            if (parse_int_opt("--runs", argv[++i], 1, BATTLE_MAX_RUNS, &runs))
                return HK_EXIT_USAGE;
        } else if (strcmp(opt, "--seed") == 0 && has_val) {
            if (hk_cli_parse_u64("--seed", argv[++i], &seed))
                return HK_EXIT_USAGE;
        } else {
            int known = !strcmp(opt, "--attacker") || !strcmp(opt, "--defender") ||
                        !strcmp(opt, "--terrain") || !strcmp(opt, "--days") ||
                        !strcmp(opt, "--runs") || !strcmp(opt, "--seed") ||
                        !strcmp(opt, "--phases") || !strcmp(opt, "--attacker-start") ||
                        !strcmp(opt, "--defender-start");
            if (known)
                fprintf(stderr, "hokushin battle: %s needs a value\n", opt);
            else
                fprintf(stderr, "hokushin battle: unknown option '%s'\n", opt);
            fprintf(stderr, "'hokushin battle --help' lists the options\n");
            return HK_EXIT_USAGE;
        }
    }
    if (!att_spec || !def_spec) {
        fprintf(stderr, "hokushin battle: both --attacker SPEC and --defender SPEC are needed, e.g.\n"
                        "  hokushin battle --attacker SOV:men=57000,tanks=498 --defender "
                        "JPN:men=30000,tanks=120\n");
        return HK_EXIT_USAGE;
    }
    battle_side_arg a, d;
    char err[512];
    if (hk_combat_parse_spec(att_spec, a.name, sizeof a.name, &a.side, err, sizeof err)) {
        fprintf(stderr, "hokushin battle: --attacker: %s\n", err);
        return HK_EXIT_USAGE;
    }
    if (hk_combat_parse_spec(def_spec, d.name, sizeof d.name, &d.side, err, sizeof err)) {
        fprintf(stderr, "hokushin battle: --defender: %s\n", err);
        return HK_EXIT_USAGE;
    }
    a.has_start = d.has_start = 0;
    const char *start_spec[2] = {att0_spec, def0_spec};
    battle_side_arg *who[2] = {&a, &d};
    for (int i = 0; i < 2; i++) {
        if (!start_spec[i])
            continue;
        const char *opt = i ? "--defender-start" : "--attacker-start";
        char nm[16];
        if (hk_combat_parse_spec(start_spec[i], nm, sizeof nm, &who[i]->start, err, sizeof err)) {
            fprintf(stderr, "hokushin battle: %s: %s\n", opt, err);
            return HK_EXIT_USAGE;
        }
        if (strcmp(nm, who[i]->name) != 0) {
            fprintf(stderr, "hokushin battle: %s names side '%s' but %s is '%s'; use the same "
                            "SIDE\n", opt, nm, i ? "--defender" : "--attacker", who[i]->name);
            return HK_EXIT_USAGE;
        }
        if (!phases_text) {
            fprintf(stderr, "hokushin battle: %s needs --phases: forces grow between a "
                            "campaign's engagements\n", opt);
            return HK_EXIT_USAGE;
        }
        who[i]->has_start = 1;
    }
    if (strcmp(a.name, d.name) == 0) {
        fprintf(stderr, "hokushin battle: attacker and defender are both called '%s'; give them "
                        "different SIDE names\n", a.name);
        return HK_EXIT_USAGE;
    }
    int t = hk_combat_terrain_parse(terrain_name);
    if (t < 0) {
        fprintf(stderr, "hokushin battle: --terrain '%s': expected plain, steppe, desert, hills, "
                        "mountain, forest, marsh, urban or island\n", terrain_name);
        return HK_EXIT_USAGE;
    }
    hk_terrain terrain = (hk_terrain)t;
    hk_combat_phase ph[HK_COMBAT_MAX_PHASES] = {{days, 0, 0}};
    int nph = 1;
    if (phases_text) {
        if (days_given) {
            fprintf(stderr, "hokushin battle: give either --days or --phases, not both\n");
            return HK_EXIT_USAGE;
        }
        if (parse_phases(phases_text, a.name, d.name, ph, &nph, &days))
            return HK_EXIT_USAGE;
    }

    hk_combat_params cp;
    hk_combat_params_default(&cp);
    hk_combat_result res;
    fight(&cp, &a, &d, terrain, nph, ph, NULL, &res);
    /* Power as each side stands when it defends in the first engagement it
     * defends, else as an attacker. */
    double pw_a = hk_combat_power(&cp, &a.side, ph[0].second_attacks, terrain);
    double pw_d = hk_combat_power(&cp, &d.side, !ph[0].second_attacks, terrain);
    battle_runs rs;
    memset(&rs, 0, sizeof rs);
    if (runs > 0 && run_many(&cp, &a, &d, terrain, nph, ph, runs, seed, &rs) != 0)
        return HK_EXIT_FAIL;
    if (json)
        print_json(&a, &d, terrain, days, &res, pw_a, pw_d, &rs, seed, nph, ph);
    else
        print_text(&a, &d, terrain, days, &res, pw_a, pw_d, &rs, nph, ph);
    return hk_cli_finish_stdout(HK_EXIT_OK);
}
