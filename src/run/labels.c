/* labels.c — human labels for outcomes, event kinds and parameters (see
 * labels.h). Tables only: nothing here decides anything. */
#include "run/labels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct label {
    const char *id, *text;
} label;

static const label outcome_labels[] = {
    {"strike_north_by_1942", "Japan strikes north by 1942"},
    {"japan_soviet_war_before_1945", "Japanese-Soviet war before 1945"},
    {"neutrality_pact_signed", "Neutrality pact signed"},
    {"neutrality_pact_year", "Month the neutrality pact is signed"},
    {"doctrine_south_by_1941_07", "Japan committed south by July 1941"},
    {"major_border_battle_1937_1940", "Major border battle, 1937-1940"},
    {"japan_loses_major_border_battle", "Japan loses a major border battle"},
    {"soviet_entry_by_1945_09", "Soviet entry into the war by September 1945"},
    {"soviet_entry_months_after_german_defeat", "Months from Germany's defeat to the Soviet entry"},
    {"war_months", "Months of Japanese-Soviet war"},
    {"war_casualties_jpn", "Japanese casualties in war with the USSR"},
    {"war_casualties_sov", "Soviet casualties in war with Japan"},
    {"regions_taken_by_jpn", "Regions taken by Japan"},
    {"regions_taken_by_sov", "Regions taken by the USSR"},
    {"trans_siberian_cut", "Trans-Siberian railway cut"},
};

static const label kind_labels[] = {
    {"fact", "fact"},
    {"event", "event"},
    {"decision", "decision"},
    {"cabinet", "cabinet"},
    {"forces", "forces"},
    {"incident", "border incidents"},
    {"outside_event", "outside world"},
    {"battle", "battle"},
    {"battle_result", "battle's end"},
    {"treaty_signed", "treaty signed"},
    {"treaty_ended", "treaty ended"},
    {"treaty_denounced", "treaty denounced"},
    {"treaty", "treaty"},
    {"purge", "purge"},
    {"coup", "coup"},
    {"war", "war"},
    {"peace", "peace"},
    {"doctrine", "doctrine"},
    {"control", "control changes"},
    {"campaign", "campaign"},
    {"front", "front"},
    {"order", "your order"},
    {"war_month", "month of war"},
    {"encirclement", "encirclement"},
    {"occupation", "occupation"},
    {"mobilisation", "mobilisation"},
};

static const label param_labels[] = {
    {"politics.drift", "Faction influence: monthly drift back to baseline"},
    {"incident.base_rate", "Border incidents: base rate"},
    {"politics.battle_discredit", "Influence lost by the factions behind a lost battle"},
    {"politics.shock_pact", "Influence shift after the German-Soviet pact"},
    {"politics.shock_south", "Influence shift to the south after France falls or oil is cut"},
    {"politics.purge_share", "Influence a purge removes"},
    {"politics.coup_rate", "Chance of a young officers' coup"},
    {"politics.autonomy_growth", "Growth of the Kwantung Army's autonomy"},
    {"politics.autonomy_purge", "Kwantung autonomy removed by a purge or defeat"},
    {"doctrine.oil_pull", "Pull south of an oil embargo"},
    {"doctrine.france_pull", "Pull south of France's fall"},
    {"doctrine.deterrence", "Pull away from the north of Soviet strength"},
    {"doctrine.opportunity", "Pull north when Soviet forces go west"},
    {"doctrine.west_war", "Pull north while the USSR fights Germany"},
    {"doctrine.pact_pull", "Weaker pull north under a pact"},
    {"doctrine.china_pull", "Pull away from the north of the war in China"},
    {"doctrine.lesson_pull", "Pull away from the north after a lost battle"},
    {"doctrine.commit_south", "Doctrine at which Japan commits south"},
    {"doctrine.commit_months", "Months below that before committing south"},
    {"doctrine.strike_north", "Doctrine at which the cabinet weighs war in the north"},
    {"japan.garrison", "Japanese garrison before 1931"},
    {"japan.manchuria_ratio", "Japanese men in Manchuria per Soviet man"},
    {"japan.max_men", "Most men Japan can keep in Manchuria and Korea"},
    {"japan.buildup", "Fastest growth of Japan's mainland army"},
    {"japan.south_draw", "Share of the army sent south each month"},
    {"japan.mobilize", "Fastest reinforcement before a war in the north"},
    {"japan.seize_rate", "Chance the Kwantung Army seizes Manchuria"},
    {"japan.china_war_rate", "Chance a clash in China becomes war"},
    {"war.north_ratio", "Force ratio Japan needs to attack the USSR"},
    {"war.break_factor", "Extra force ratio to break a pact"},
    {"war.lesson", "Extra force ratio demanded after a lost battle"},
    {"war.decision_rate", "Chance a ready cabinet decides on war"},
    {"war.exhaustion", "Chance a war ends in an armistice"},
    {"war.surrender_rate", "Chance of Japan's surrender while it hopes for mediation"},
    {"intervention.rate", "Chance of an expedition into Siberia"},
    {"intervention.men", "Size of the Siberian expedition"},
    {"intervention.loss", "Deaths per man per month in Siberia"},
    {"intervention.withdraw", "Chance of withdrawal from Siberia"},
    {"soviet.start_men", "Soviet men east of Baikal in 1918"},
    {"soviet.start_capacity", "Soviet build-up capacity in 1918"},
    {"soviet.recovery", "Soviet recovery of capacity per month"},
    {"soviet.threat_ratio", "Soviet men sought per Japanese man"},
    {"soviet.floor", "Least Soviet Far Eastern garrison"},
    {"soviet.buildup", "Fastest Soviet build-up in the Far East"},
    {"soviet.rail_share", "Trans-Siberian share used for the build-up"},
    {"soviet.west_draw", "Share of the Far Eastern army sent west each month"},
    {"soviet.transfer_share", "Trans-Siberian share carrying men after Germany's defeat"},
    {"soviet.entry_ratio", "Force ratio the USSR waits for before entering"},
    {"entry.pledge", "Weight of the pledge to the Allies in Soviet entry"},
    {"entry.spoils", "Weight of Japan at war with the US in Soviet entry"},
    {"entry.freed", "Weight of Germany's defeat in Soviet entry"},
    {"entry.pact_gone", "Weight of the pact's end in Soviet entry"},
    {"entry.ultimatum", "Weight of an Allied ultimatum in Soviet entry"},
    {"treaty.denounce_rate", "Chance a party gives notice on a pact"},
    {"treaty.min_gain", "Gain each party needs before signing"},
    {"incident.tension_elast", "Incidents: response to tension"},
    {"incident.forces_elast", "Incidents: response to forces in contact"},
    {"incident.forces_ref", "Incidents: reference density of forces"},
    {"incident.autonomy", "Incidents: added by Kwantung autonomy"},
    {"incident.escalation", "Chance an incident grows into a battle"},
    {"incident.china_restraint", "Kwantung restraint during the war in China"},
    {"incident.china_draw", "Kwantung force sent into the war in China"},
    {"incident.china_draw_months", "Months the Kwantung force campaigns in China"},
    {"incident.china_hold", "Incidents held back as the war in China opens"},
    {"incident.china_hold_months", "Months the order for a quiet border holds"},
    {"incident.pact_restraint", "Less escalation under a pact"},
    {"tension.decay", "Tension: monthly return to baseline"},
    {"tension.incident", "Tension added by incidents"},
    {"tension.battle", "Tension added by a major battle"},
    {"battle.commit", "Share of nearby forces drawn into a battle"},
    {"battle.major_men", "Men on a side for a major battle"},
    {"forces.near_km", "Distance at which forces face a border"},
    {"campaign.lift", "Men times km brought forward to a campaign a month"},
    {"campaign.arms_share", "Share of a side's tanks and aircraft a campaign may draw"},
    {"campaign.theatre_share", "Share of a theatre army a campaign may draw"},
    {"campaign.quiet", "Restraint while Europe is at war"},
    {"campaign.patience", "Months of campaign a side will bear"},
    {"campaign.engagement_days", "Longest engagement of a campaign"},
    {"japan.seize_pressure", "Pressure at which Manchuria is seized"},
    {"japan.china_friction", "Friction at which war with China comes"},
    {"politics.discipline", "Control faction's monthly takeover of the Imperial Way"},
};

/* Short names of the built-in scenario's factions, for a line of the
 * terminal's yearly state; another scenario's factions go by their names. */
static const label faction_labels[] = {
    {"kodoha", "Imperial Way (Kodoha)"},
    {"toseiha", "Control (Toseiha)"},
    {"kwantung_field", "Kwantung officers"},
    {"navy", "Navy"},
    {"foreign_ministry", "Foreign Ministry"},
    {"zaibatsu", "Business (zaibatsu)"},
    {"pan_asianists", "Pan-Asianists"},
    {"leadership", "Party leadership"},
    {"foreign_affairs", "Foreign Affairs Commissariat"},
    {"red_army", "Red Army command"},
    {"man_government", "Manchukuo government"},
    {"mgl_government", "Mongolian government"},
    {"chn_government", "Nationalist government"},
};

/* Short names of the built-in scenario's treaties, for the terminal's list
 * of treaties in force; another scenario's treaties go by their names. */
static const label treaty_labels[] = {
    {"peking_agreement_1924", "Sino-Soviet Peking agreement"},
    {"basic_convention_1925", "Soviet-Japanese Basic Convention"},
    {"soviet_mongolian_protocol", "Soviet-Mongolian Protocol"},
    {"anti_comintern_pact", "Anti-Comintern Pact"},
    {"sino_soviet_pact", "Sino-Soviet Non-Aggression Pact"},
    {"neutrality_pact", "Neutrality Pact"},
};

#define FIND(table, want)                                                           \
    do {                                                                            \
        for (size_t i_ = 0; (want) && i_ < sizeof(table) / sizeof(table[0]); i_++) \
            if (strcmp(table[i_].id, (want)) == 0)                                  \
                return table[i_].text;                                              \
    } while (0)

/* A label made from an id's words, for an id no table knows: "war.new_rate"
 * -> "War: new rate". Kept in a small ring so a few may be in use at once. */
static const char *made(const char *id)
{
    static _Thread_local char ring[8][96];
    static _Thread_local int next;
    char *b = ring[next++ & 7];
    size_t n = 0;
    bool cap = true;
    for (const char *p = id ? id : ""; *p && n + 2 < sizeof ring[0]; p++) {
        char c = *p;
        if (c == '.') {
            b[n++] = ':';
            c = ' ';
        } else if (c == '_')
            c = ' ';
        else if (cap && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        cap = false;
        b[n++] = c;
    }
    b[n] = '\0';
    return b;
}

const char *hk_label_outcome(const char *name)
{
    FIND(outcome_labels, name);
    return made(name);
}

const char *hk_label_event_kind(const char *kind)
{
    FIND(kind_labels, kind);
    return made(kind);
}

const char *hk_label_faction(const hk_scenario *s, int faction)
{
    if (!s || faction < 0 || faction >= s->n_factions)
        return "?";
    const hk_faction *f = &s->factions[faction];
    FIND(faction_labels, f->id);
    return f->name ? f->name : made(f->id);
}

const char *hk_label_treaty(const hk_scenario *s, int treaty)
{
    if (!s || treaty < 0 || treaty >= s->n_treaties)
        return "?";
    const hk_treaty *t = &s->treaties[treaty];
    FIND(treaty_labels, t->id);
    return t->name ? t->name : made(t->id);
}

const char *hk_label_param(const char *key)
{
    FIND(param_labels, key);
    const char *dot = key ? strrchr(key, '.') : NULL;
    if (dot && strcmp(dot, ".date") == 0)
        return "Date";
    return made(key);
}

void hk_label_year_month(double v, char *buf, size_t len)
{
    if (!isfinite(v)) {
        snprintf(buf, len, "-");
        return;
    }
    /* rounded to the month: a mean of 1941.15 is 1941-03 (two and a bit months in) */
    long m = lround(v * 12.0);
    snprintf(buf, len, "%ld-%02ld", m / 12, m % 12 + 1);
}

void hk_label_thousands(long long v, char *buf, size_t len)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
    size_t n = strlen(digits), o = 0;
    if (v < 0 && o + 1 < len)
        buf[o++] = '-';
    for (size_t i = 0; i < n && o + 2 < len; i++) {
        if (i && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

const char *hk_label_outcome_value(int i, double v, char *buf, size_t len)
{
    if (i < 0 || i >= HK_OUTCOME_COUNT || !isfinite(v)) {
        snprintf(buf, len, "-");
        return buf;
    }
    const char *name = hk_outcome_table[i].name;
    size_t nl = strlen(name);
    if (hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION)
        snprintf(buf, len, "%s", v > 0.5 ? "yes" : "no");
    else if (nl > 5 && strcmp(name + nl - 5, "_year") == 0)
        hk_label_year_month(v, buf, len);
    else if (strstr(name, "months"))
        snprintf(buf, len, "%.0f month%s", v, fabs(v - 1) < 1e-9 ? "" : "s");
    else if (fabs(v) >= 1000)
        hk_label_thousands(llround(v), buf, len);
    else if (fabs(v - nearbyint(v)) < 1e-9)
        snprintf(buf, len, "%.0f", v);
    else /* a figure of one run, not a measurement: one decimal (51.4 divisions) */
        snprintf(buf, len, "%.1f", v);
    return buf;
}

int hk_label_history(const hk_scenario *s, hk_outcomes *out)
{
    hk_setup setup;
    hk_setup_init(&setup, s);
    memset(out, 0, sizeof *out);
    return hk_run(&setup, HK_MODE_REPLAY, 1, 0, HK_MONTH_NONE, NULL, out);
}
