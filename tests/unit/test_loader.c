/* test_loader.c — the scenario loader on tests/corpus/minimal: values read,
 * references resolved, lines recorded; and each kind of error, reported at
 * its line, all of a file's errors at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/embed.h"
#include "world/api.h"
#include "scenario/load.h"
#include "scenario/nearest.h"
#include "scenario/yaml_tree.h"
#include "world/compiled.h"

/* The minimal scenario's files, read once; params.yaml is written from the
 * model's parameter table as tests/corpus/assemble.sh writes it. */
static char *minimal[HK_FILE_COUNT];

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    return buf;
}

static char *params_text(void)
{
    size_t cap = 64 + (size_t)HK_PARAM_COUNT * 160, n = 0;
    char *buf = malloc(cap);
    n += (size_t)snprintf(buf + n, cap - n, "# written by the test\nparams:\n");
    for (int i = 0; i < HK_PARAM_COUNT; i++)
        n += (size_t)snprintf(buf + n, cap - n,
                              "  - {key: %s, value: 1, min: 0, max: 2, "
                              "source: \"calibrated: test\"}\n",
                              hk_param_table[i].key);
    return buf;
}

static int setup_corpus(void **state)
{
    (void)state;
    const char *src = getenv("HK_SOURCE_DIR");
    if (!src)
        src = HK_SOURCE_DIR;
    char path[4096];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        if (f == HK_FILE_PARAMS) {
            minimal[f] = params_text();
            continue;
        }
        snprintf(path, sizeof path, "%s/tests/corpus/minimal/%s", src, hk_scenario_file_names[f]);
        minimal[f] = slurp(path);
        if (!minimal[f]) {
            fprintf(stderr, "cannot read %s\n", path);
            return -1;
        }
    }
    return 0;
}

static int teardown_corpus(void **state)
{
    (void)state;
    for (int f = 0; f < HK_FILE_COUNT; f++)
        free(minimal[f]);
    return 0;
}

/* Loads minimal with file `which` replaced by `text` (NULL: unchanged;
 * MISSING: absent). */
static const char MISSING[] = "";
static hk_scenario *load_with(int which, const char *text, hk_diag *diag)
{
    hk_scenario_file files[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        const char *t = f == which && text ? text : minimal[f];
        files[f] = (hk_scenario_file){hk_scenario_file_names[f], (const unsigned char *)t,
                                      strlen(t), NULL, NULL};
        if (f == which && text == MISSING) {
            files[f].data = NULL;
            files[f].missing = "No such file or directory";
        }
    }
    hk_diag_init(diag);
    return hk_scenario_load_files(files, diag);
}

/* minimal[file] with the first `old` replaced by `new`. */
static char *edited(int file, const char *old, const char *new_text)
{
    const char *t = minimal[file];
    const char *at = strstr(t, old);
    assert_non_null(at);
    size_t head = (size_t)(at - t), ol = strlen(old), nl = strlen(new_text);
    char *out = malloc(strlen(t) - ol + nl + 1);
    memcpy(out, t, head);
    memcpy(out + head, new_text, nl);
    strcpy(out + head + nl, at + ol);
    return out;
}

static bool has_error(const hk_diag *d, const char *file, int line, const char *message)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].line == line && d->items[i].file && !strcmp(d->items[i].file, file) &&
            strstr(d->items[i].message, message))
            return true;
    return false;
}

static void print_diag(const hk_diag *d)
{
    hk_diag_print(d, stderr);
}

/* ---- the minimal scenario ------------------------------------------------------ */

static void test_minimal_loads(void **state)
{
    (void)state;
    hk_diag d;
    hk_scenario *s = load_with(-1, NULL, &d);
    if (!s)
        print_diag(&d);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    assert_string_equal(s->id, "minimal");
    assert_int_equal(s->start.year, 1918);
    assert_int_equal(s->end.month, 9);
    assert_int_equal(s->n_seeds, 3);
    assert_int_equal(s->seeds[2].lines, 20);
    assert_int_equal(s->n_publications, 2);
    assert_int_equal(s->n_actors, 5);
    assert_int_equal(s->n_factions, 3);
    assert_int_equal(s->n_sectors, 1);
    assert_int_equal(s->n_regions, 4);
    assert_int_equal(s->n_links, 3);
    assert_int_equal(s->n_formations, 2);
    assert_int_equal(s->n_strengths, 3);
    assert_int_equal(s->n_treaties, 5);
    assert_int_equal(s->n_events, 11);
    assert_int_equal(s->n_facts, 3);
    assert_int_equal(s->n_battles, 1);
    assert_int_equal(s->n_incidents, 2);
    assert_int_equal(s->n_losses, 1);
    assert_int_equal(s->jpn, 0);
    assert_int_equal(s->sov, 1);
    assert_int_equal(s->mgl, 2);
    assert_int_equal(s->chn, 3);
    assert_int_equal(s->man, -1);
    hk_scenario_free(s);
    hk_diag_free(&d);
}

static void test_minimal_values(void **state)
{
    (void)state;
    hk_diag d;
    hk_scenario *s = load_with(-1, NULL, &d);
    assert_non_null(s);

    const hk_actor *ger = &s->actors[hk_scenario_actor(s, "GER")];
    assert_int_equal(ger->role, HK_ROLE_OUTSIDE);
    assert_int_equal(ger->cow_code, 255);
    assert_string_equal(ger->name, "Germany");

    const hk_faction *navy = &s->factions[hk_scenario_faction(s, "navy")];
    assert_int_equal(navy->actor, s->jpn);
    assert_float_equal(navy->influence, 0.4, 1e-12);
    assert_float_equal(navy->lean, -0.7, 1e-12);

    int khalkha = hk_scenario_sector(s, "khalkha");
    assert_int_equal(khalkha, 0);
    assert_float_equal(s->sectors[0].length_km, 400, 0);
    assert_int_equal(s->sectors[0].side[0], s->jpn);
    assert_int_equal(s->sectors[0].side[1], s->sov);

    int harbin = hk_scenario_region(s, "harbin"), chita = hk_scenario_region(s, "chita");
    int nomonhan = hk_scenario_region(s, "nomonhan");
    assert_true(harbin >= 0 && chita >= 0 && nomonhan >= 0);
    assert_float_equal(s->regions[harbin].lat, 45.75, 1e-12);
    assert_float_equal(s->regions[harbin].lon, 126.65, 1e-12);
    assert_int_equal(s->regions[harbin].controller, s->chn);
    assert_true(s->regions[harbin].railhead);
    assert_false(s->regions[nomonhan].railhead);
    assert_int_equal(s->regions[harbin].sector, -1);
    assert_int_equal(s->regions[nomonhan].sector, khalkha);
    assert_int_equal(s->regions[chita].terrain, HK_TERRAIN_HILLS);

    assert_int_equal(s->links[0].from, harbin);
    assert_int_equal(s->links[0].to, chita);
    assert_int_equal(s->links[0].kind, HK_LINK_RAIL);
    assert_float_equal(s->links[0].capacity, 60000, 0);
    assert_string_equal(s->links[0].line, "Chinese Eastern");
    assert_null(s->links[1].line);
    assert_int_equal(s->links[1].kind, HK_LINK_ROAD);

    int kw = hk_scenario_formation(s, "kwantung_army");
    assert_int_equal(s->formations[kw].region, harbin);
    assert_int_equal(s->strengths[1].formation, kw);
    assert_float_equal(s->strengths[1].men, 270000, 0);
    assert_float_equal(s->strengths[1].quality, 1.1, 1e-12);
    assert_float_equal(s->strengths[0].quality, 0, 0); /* not given: unknown */
    assert_int_equal(s->strengths[1].region, -1);
    assert_int_equal(s->strengths[2].region, nomonhan);
    assert_int_equal(s->strengths[0].date.year, 1932);
    assert_int_equal(s->strengths[0].date.day, 0);

    const hk_treaty *np = &s->treaties[hk_scenario_treaty(s, "neutrality_pact")];
    assert_int_equal(np->n_parties, 2);
    assert_int_equal(np->signed_on.day, 13);
    assert_int_equal(np->in_force.day, 25);
    assert_int_equal(np->duration_months, 60);
    assert_int_equal(np->notice_months, 12);
    assert_int_equal(np->denounced.month, 4);
    assert_int_equal(np->ended.month, 8);
    const hk_treaty *bc = &s->treaties[hk_scenario_treaty(s, "basic_convention_1925")];
    assert_int_equal(hk_date_cmp(bc->in_force, bc->signed_on), 0); /* defaults to signed */
    assert_int_equal(bc->duration_months, 0);
    assert_false(hk_date_is_set(bc->ended));
    const hk_treaty *ss = &s->treaties[hk_scenario_treaty(s, "sino_soviet_pact")];
    assert_int_equal(ss->n_clauses, 2);
    assert_int_equal(ss->clauses[0].bars_type, -1);
    assert_int_equal(ss->clauses[1].type, HK_CLAUSE_NO_POLITICAL_TREATY);
    assert_int_equal(ss->clauses[1].bars_type, HK_CLAUSE_NON_AGGRESSION);
    assert_int_equal(ss->clauses[1].bars_parties[0], s->sov);
    assert_int_equal(ss->clauses[1].bars_parties[1], s->jpn);

    const hk_event *hiro = &s->events[hk_scenario_event(s, "hiroshima")];
    assert_int_equal(hiro->effect, HK_EFFECT_ATOMIC);
    assert_int_equal(hiro->date.day, 6);
    assert_int_equal(hiro->n_actors, 1);
    const hk_event *ff = &s->events[hk_scenario_event(s, "fall_of_france")];
    assert_int_equal(ff->n_actors, 0);
    assert_null(ff->text);

    assert_int_equal(s->facts[0].pin, HK_PIN_INTERVENTION);
    assert_int_equal(s->facts[1].kind, HK_FACT_COUP);
    assert_int_equal(s->facts[1].target, hk_scenario_faction(s, "army_north"));
    assert_int_equal(s->facts[0].target, -1);
    assert_int_equal(s->facts[2].pin, HK_PIN_WAR);
    assert_int_equal(s->facts[2].actors[0], s->sov);

    const hk_battle *kg = &s->battles[0];
    assert_int_equal(kg->sector, khalkha);
    assert_int_equal(kg->region, nomonhan);
    assert_int_equal(kg->terrain, HK_TERRAIN_STEPPE);
    assert_int_equal(kg->winner, 0);
    assert_int_equal(kg->attacker.actor, s->sov);
    assert_float_equal(kg->attacker.tanks, 498, 0);
    assert_float_equal(kg->attacker.casualties, 24992, 0);
    assert_float_equal(kg->attacker.casualties_hi, -1, 0);
    assert_float_equal(kg->defender.casualties_hi, 20000, 0);
    assert_float_equal(kg->defender.quality, 0, 0);
    assert_int_equal(kg->cdb90_isqno, 0);

    assert_int_equal(s->incidents[0].year_from, 1932);
    assert_int_equal(s->incidents[0].year_to, 1934);
    assert_int_equal(s->incidents[1].year_from, 1935);
    assert_int_equal(s->incidents[1].year_to, 1935);
    assert_int_equal(s->incidents[1].count, 136);
    assert_float_equal(s->losses[0].value, 3000, 0);

    for (int p = 0; p < HK_PARAM_COUNT; p++) {
        assert_float_equal(s->params[p].value, 1, 0);
        assert_float_equal(s->params[p].max, 2, 0);
        assert_int_equal(s->params[p].at.line, 3 + p);
    }
    hk_scenario_free(s);
    hk_diag_free(&d);
}

static void test_minimal_sources_and_lines(void **state)
{
    (void)state;
    hk_diag d;
    hk_scenario *s = load_with(-1, NULL, &d);
    assert_non_null(s);
    /* "003_d70ae68cf69d80c6.txt:3" on chita (regions.yaml line 10). */
    const hk_region *chita = &s->regions[hk_scenario_region(s, "chita")];
    assert_string_equal(chita->at.file, "regions.yaml");
    assert_int_equal(chita->at.line, 10);
    assert_int_equal(chita->source.seed, 2);
    assert_int_equal(chita->source.line, 3);
    assert_int_equal(chita->source.publication, -1);
    /* A publication with a locator. */
    const hk_actor *ger = &s->actors[hk_scenario_actor(s, "GER")];
    assert_int_equal(ger->source.seed, -1);
    assert_int_equal(ger->source.publication, 1);
    assert_string_equal(ger->source.text, "weinberg1994, p. 20");
    assert_int_equal(ger->at.line, 6);
    /* Several citations: the first one resolves. */
    assert_int_equal(s->battles[0].source.seed, 1);
    assert_int_equal(s->battles[0].source.line, 120);
    assert_int_equal(s->battles[0].at.line, 12);
    /* Block-style record: its line is its first key's. */
    assert_int_equal(s->sectors[0].at.line, 2);
    assert_int_equal(s->treaties[4].at.line, 38);
    assert_int_equal(s->treaties[4].clauses[0].at.line, 48);
    assert_int_equal(s->params[0].source.seed, -1);
    assert_int_equal(s->params[0].source.publication, -1);
    hk_scenario_free(s);
    hk_diag_free(&d);
}

/* An explanation is prose and may use ';' itself: only a ';' followed by a
 * citation (a seed's FILE:LINE, a publication id, another explanation)
 * starts a new one. The loader once took "not months, ..." after the ';'
 * of a judged: text for a publication and refused the file. */
static void test_semicolon_in_explanation(void **state)
{
    (void)state;
    char *text = edited(HK_FILE_PARAMS, "source: \"calibrated: test\"}",
                        "source: \"judged: shifts fade over years; not months, as the record shows; "
                        "003_d70ae68cf69d80c6.txt:3; weinberg1994, p. 20\"}");
    hk_diag d;
    hk_scenario *s = load_with(HK_FILE_PARAMS, text, &d);
    if (!s)
        print_diag(&d);
    assert_non_null(s);
    /* the seed after the prose is still read as a citation */
    assert_int_equal(s->params[0].source.seed, 2);
    assert_int_equal(s->params[0].source.line, 3);
    assert_string_equal(s->params[0].source.text, "judged: shifts fade over years; not months, as the record shows; "
                                                  "003_d70ae68cf69d80c6.txt:3; weinberg1994, p. 20");
    hk_scenario_free(s);
    hk_diag_free(&d);
    free(text);
    /* a misspelt publication after an explanation is still a citation, and an error */
    text = edited(HK_FILE_PARAMS, "source: \"calibrated: test\"}",
                  "source: \"judged: shifts fade over years; weinbreg1994, p. 20\"}");
    s = load_with(HK_FILE_PARAMS, text, &d);
    assert_null(s);
    assert_true(has_error(&d, "params.yaml", 3, "unknown publication 'weinbreg1994'"));
    hk_diag_free(&d);
    free(text);
    /* outside an explanation ';' joins citations as before: prose there is refused */
    text = edited(HK_FILE_PARAMS, "source: \"calibrated: test\"}",
                  "source: \"weinberg1994; not months\"}");
    s = load_with(HK_FILE_PARAMS, text, &d);
    assert_null(s);
    assert_true(has_error(&d, "params.yaml", 3, "unknown publication 'not months'"));
    hk_diag_free(&d);
    free(text);
}

/* ---- errors ------------------------------------------------------------------------- */

typedef struct error_case {
    int file;
    const char *old, *new_text;
    const char *path;
    int line;
    const char *message;
} error_case;

static const error_case error_cases[] = {
    {HK_FILE_ACTORS, "name: Germany,", "name: Germany: the Reich,", "actors.yaml", 6,
     "YAML syntax error: did not find expected ',' or '}'"},
    {HK_FILE_REGIONS, "    name: Khalkha river\n", "\tname: Khalkha river\n", "regions.yaml", 3,
     "a tab in the indentation"},
    {HK_FILE_REGIONS, "sides: [JPN, SOV]", "sides: &s [JPN, SOV]", "regions.yaml", 5,
     "anchors are not allowed"},
    {HK_FILE_REGIONS, "railhead: true, source: \"001", "railhead: *x, source: \"001",
     "regions.yaml", 9, "aliases are not allowed"},
    {HK_FILE_REGIONS, "    name: Khalkha river", "    nmae: Khalkha river", "regions.yaml", 3,
     "unknown key 'nmae' in sector 'khalkha' (did you mean 'name'?)"},
    {HK_FILE_LINKS, "to: nomonhan", "to: nomonhann", "links.yaml", 4,
     "unknown region 'nomonhann' (did you mean 'nomonhan'?)"},
    {HK_FILE_TREATIES, "parties: [SOV, MGL]", "parties: [SVO, MGL]", "treaties.yaml", 21,
     "unknown actor 'SVO' (did you mean 'SOV'?)"},
    {HK_FILE_TREATIES, "ended: 1945-08-08", "ended: 1945-03-08", "treaties.yaml", 46,
     "'ended' 1945-03-08 of treaty 'neutrality_pact' comes before its 'denounced' 1945-04-05"},
    {HK_FILE_TREATIES, "in_force: 1941-04-25", "in_force: 1941-03", "treaties.yaml", 42,
     "'in_force' 1941-03 of treaty 'neutrality_pact' comes before its 'signed' 1941-04-13"},
    {HK_FILE_EVENTS, "date: 1945-08-06", "date: 1946-08-06", "events.yaml", 22,
     "'date' 1946-08-06 lies outside the scenario's 1918-01..1945-09"},
    {HK_FILE_EVENTS, "date: 1940-06-22", "date: 1940-06-31", "events.yaml", 6,
     "'date' is not a date: '1940-06-31'"},
    {HK_FILE_REGIONS, "lat: 52.03", "lat: 95", "regions.yaml", 10,
     "'lat' must lie within -90..90, not 95"},
    {HK_FILE_REGIONS, "lon: 113.5", "lon: east", "regions.yaml", 10,
     "'lon' must be a number, not 'east'"},
    {HK_FILE_LINKS, "km: 700, capacity: 8000", "km: -700, capacity: 8000", "links.yaml", 4,
     "'km' must be at least 1, not -700"},
    {HK_FILE_FORCES, "region: harbin, source: coox1985}", "region: harbin}", "forces.yaml", 2,
     "formation 'kwantung_army' has no source"},
    {HK_FILE_REGIONS, "txt:3\"", "txt:25\"", "regions.yaml", 11,
     "source cites line 25 of 003_d70ae68cf69d80c6.txt, which has 20 lines"},
    {HK_FILE_LINKS, "001_fd9a28d61a246780.txt:31", "002_ef754c58233b510f.txt:31", "links.yaml", 5,
     "source cites '002_ef754c58233b510f.txt', which is not listed under seeds"},
    {HK_FILE_FORCES, "\"coox1985, p. 80\"", "\"cox1985, p. 80\"", "forces.yaml", 9,
     "unknown publication 'cox1985' (did you mean 'coox1985'?)"},
    {HK_FILE_ACTORS, "source: weinberg1994}", "source: \"calibrated: by eye\"}", "actors.yaml", 5,
     "'calibrated:' sources are for parameters only"},
    {HK_FILE_ACTORS, "influence: 0.4", "influence: 0.3", "actors.yaml", 8,
     "the influence of JPN's factions sums to 0.9; it must sum to 1"},
    {HK_FILE_ACTORS, "lean: -0.7", "lean: -1.7", "actors.yaml", 10,
     "'lean' must lie within -1..1, not -1.7"},
    {HK_FILE_REGIONS, "{id: vladivostok,", "{id: chita,", "regions.yaml", 14,
     "duplicate region id 'chita' (first at line 10)"},
    {HK_FILE_EVENTS, "id: hiroshima", "id: nagasaki", "events.yaml", 1,
     "missing event 'hiroshima'"},
    {HK_FILE_TREATIES, "id: neutrality_pact", "id: neutrality_pact_1941", "treaties.yaml", 1,
     "missing treaty 'neutrality_pact'"},
    {HK_FILE_ACTORS, "{id: SOV,", "{id: SUN,", "actors.yaml", 1,
     "missing actor 'SOV': the model needs JPN and SOV"},
    {HK_FILE_PARAMS, "params:\n", "params:\n  - {key: politics.drfit, value: 1, min: 0, max: 2, "
     "source: \"calibrated: x\"}\n", "params.yaml", 3,
     "unknown parameter 'politics.drfit' (did you mean 'politics.drift'?)"},
    {HK_FILE_PARAMS, "value: 1, min: 0, max: 2", "value: 1, min: 3, max: 2", "params.yaml", 3,
     "'max' 2 of parameter"},
    {HK_FILE_FORCES, "date: 1939-05, men: 270000", "date: 1931-05, men: 270000", "forces.yaml", 8,
     "comes after one dated 1932-01 (line 6)"},
    {HK_FILE_RECORD, "end: 1939-09-16", "end: 1939-04-16", "record.yaml", 17,
     "'end' of battle 'khalkhin_gol' comes before its 'start'"},
    {HK_FILE_RECORD, "terrain: steppe", "terrain: swamp", "record.yaml", 18,
     "unknown terrain 'swamp'"},
    {HK_FILE_RECORD, "casualties_hi: 20000", "casualties_hi: 100", "record.yaml", 22,
     "'casualties_hi' 100 is below 'casualties' 17405"},
    {HK_FILE_RECORD, "target: army_north, ", "", "record.yaml", 5,
     "pins 'coup_failed' but names no 'target' faction"},
    {HK_FILE_RECORD, "{year: 1935,", "{year: 1933,", "record.yaml", 27,
     "incident years overlap those at line 26"},
    {HK_FILE_SCENARIO, "end: 1945-09", "end: 1917-09", "scenario.yaml", 6,
     "'end' comes before 'start'"},
    {HK_FILE_LINKS, "links:\n", "links: {}\nother:\n", "links.yaml", 1, "'links' must be a list"},
    {HK_FILE_EVENTS, "events:\n", "--- 1\n---\nevents:\n", "events.yaml", 2,
     "more than one YAML document"},
    {HK_FILE_EVENTS, "effect: oil_embargo,", "effect: oil_embargo, waits: true,", "events.yaml", 12,
     "`waits` needs a `requires` to wait for"},
};

static void test_error_kinds(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++) {
        const error_case *c = &error_cases[i];
        char *text = edited(c->file, c->old, c->new_text);
        hk_diag d;
        hk_scenario *s = load_with(c->file, text, &d);
        if (s || !has_error(&d, c->path, c->line, c->message)) {
            fprintf(stderr, "case %zu: expected %s:%d: %s, got:\n", i, c->path, c->line,
                    c->message);
            print_diag(&d);
        }
        assert_null(s);
        assert_true(has_error(&d, c->path, c->line, c->message));
        hk_diag_free(&d);
        free(text);
    }
}

static void test_all_errors_at_once(void **state)
{
    (void)state;
    char *a = edited(HK_FILE_REGIONS, "lat: 52.03", "lat: 95");
    char *b = NULL;
    /* Three more defects in the same file. */
    char *t1 = a;
    a = NULL;
    {
        const char *saved = minimal[HK_FILE_REGIONS];
        minimal[HK_FILE_REGIONS] = t1;
        b = edited(HK_FILE_REGIONS, "terrain: urban", "terrain: city");
        free(t1);
        minimal[HK_FILE_REGIONS] = b;
        t1 = edited(HK_FILE_REGIONS, "length_km: 400", "length_km: 0");
        free(b);
        minimal[HK_FILE_REGIONS] = (char *)saved;
    }
    hk_diag d;
    hk_scenario *s = load_with(HK_FILE_REGIONS, t1, &d);
    assert_null(s);
    assert_int_equal(d.count, 3);
    /* Reported in line order. */
    assert_int_equal(d.items[0].line, 4);
    assert_int_equal(d.items[1].line, 10);
    assert_int_equal(d.items[2].line, 15);
    hk_diag_free(&d);
    free(t1);
}

/* A formation with more strengths than the model keeps is refused at the
 * line of the first one too many, rather than its later ones dropped. */
static void test_too_many_strengths_of_one_formation(void **state)
{
    (void)state;
    char extra[8192] = "";
    size_t o = 0;
    for (int k = 0; k < HK_MAX_FORMATION_STRENGTHS - 1; k++) /* 1940-01 on, after the file's own two */
        o += (size_t)snprintf(extra + o, sizeof extra - o,
                              "  - {formation: kwantung_army, date: %d-%02d, men: 270000, source: coox1985}\n",
                              1940 + k / 12, 1 + k % 12);
    assert_true(o < sizeof extra);
    const char *base = minimal[HK_FILE_FORCES]; /* its strengths come last: append */
    size_t head = strlen(base);
    assert_true(head > 0 && base[head - 1] == '\n');
    char *text = malloc(head + o + 1);
    assert_non_null(text);
    memcpy(text, base, head);
    memcpy(text + head, extra, o + 1);
    hk_diag d;
    hk_scenario *s = load_with(HK_FILE_FORCES, text, &d);
    if (s || !has_error(&d, "forces.yaml", 12 + HK_MAX_FORMATION_STRENGTHS - 2, "too many strengths for one formation"))
        print_diag(&d);
    assert_null(s);
    /* two in the file, then the thirty-first added is the thirty-third */
    assert_true(has_error(&d, "forces.yaml", 12 + HK_MAX_FORMATION_STRENGTHS - 2, "too many strengths for one formation"));
    assert_int_equal(d.count, 1);
    hk_diag_free(&d);
    free(text);
}

/* forces.yaml's `islands`: the island forces load with their fields, and a
 * region's records must come in date order. */
static void test_island_forces(void **state)
{
    (void)state;
    const char *base = minimal[HK_FILE_FORCES];
    static const char ok[] = "islands:\n"
                             "  - {region: harbin, actor: JPN, date: 1941-06, name: Garrison, men: 12000, guns: 36,\n"
                             "     works: true, source: coox1985}\n"
                             "  - {region: harbin, actor: JPN, date: 1945-08, name: Garrison, men: 19000, quality: 0.5,\n"
                             "     source: coox1985}\n";
    char *text = malloc(strlen(base) + sizeof ok);
    assert_non_null(text);
    strcpy(text, base);
    strcat(text, ok);
    hk_diag d;
    hk_scenario *s = load_with(HK_FILE_FORCES, text, &d);
    if (!s)
        print_diag(&d);
    assert_non_null(s);
    assert_int_equal(s->n_islands, 2);
    assert_float_equal(s->islands[0].men, 12000, 0);
    assert_float_equal(s->islands[0].guns, 36, 0);
    assert_true(s->islands[0].works);
    assert_false(s->islands[1].works);
    assert_float_equal(s->islands[1].quality, 0.5, 1e-12);
    assert_int_equal(s->islands[1].date.year, 1945);
    hk_scenario_free(s);
    hk_diag_free(&d);
    free(text);
    /* the same two the other way round */
    static const char bad[] = "islands:\n"
                              "  - {region: harbin, actor: JPN, date: 1945-08, name: Garrison, men: 19000,\n"
                              "     source: coox1985}\n"
                              "  - {region: harbin, actor: JPN, date: 1941-06, name: Garrison, men: 12000,\n"
                              "     source: coox1985}\n";
    text = malloc(strlen(base) + sizeof bad);
    assert_non_null(text);
    strcpy(text, base);
    strcat(text, bad);
    s = load_with(HK_FILE_FORCES, text, &d);
    assert_null(s);
    bool said = false;
    for (int i = 0; i < d.count; i++)
        said = said || strstr(d.items[i].message, "list a region's island forces in date order") != NULL;
    if (!said)
        print_diag(&d);
    assert_true(said);
    hk_diag_free(&d);
    free(text);
}

static void test_missing_file(void **state)
{
    (void)state;
    hk_diag d;
    hk_scenario *s = load_with(HK_FILE_LINKS, MISSING, &d);
    assert_null(s);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "links.yaml");
    assert_int_equal(d.items[0].line, 0);
    assert_non_null(strstr(d.items[0].message, "No such file"));
    hk_diag_free(&d);

    /* A broken actors.yaml does not make every later reference an error. */
    s = load_with(HK_FILE_ACTORS, "actors: [", &d);
    assert_null(s);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "actors.yaml");
    hk_diag_free(&d);
}

static void test_garbage_never_crashes(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "\x00\x01\x02", "\xff\xfe\x00x", "\xc3\x28", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        ("{a: {b: {c: {d: {e: {f: {g: {h: {i: {j: {k: {l: {m: {n: {o: {p: {q: {r: {s: {t: {u: " /* one input */
         "{v: {w: {x: {y: {z: {A: {B: {C: {D: {E: {F: {G: {H: 1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}"),
        "- - - - -", "actors: [1, 2, {3: 4}]", "actors:\n  - id: [JPN]\n", "? [a]\n: b\n",
        "\"unterminated", "!!binary AAAA", "%YAML 9.9\n--- x", "actors:\n  - {id: JPN, cow: 1e999}",
        "", "   \n\n", "~",
    };
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
            hk_diag d;
            hk_scenario_file files[HK_FILE_COUNT];
            for (int g = 0; g < HK_FILE_COUNT; g++)
                files[g] = (hk_scenario_file){hk_scenario_file_names[g],
                                              (const unsigned char *)minimal[g], strlen(minimal[g]),
                                              NULL, NULL};
            /* Sizes that include the NULs of the first inputs. */
            size_t len = i < 2 ? 4 : strlen(inputs[i]);
            files[f].data = (const unsigned char *)inputs[i];
            files[f].size = len;
            hk_diag_init(&d);
            hk_scenario *s = hk_scenario_load_files(files, &d);
            assert_null(s);
            assert_true(d.count >= 1);
            hk_diag_free(&d);
        }
    }
}

/* The loader's cache (load_cache.c) gives what the plain loader gives: the
 * same errors in the same order, or the same scenario, whichever file is
 * changed and whether or not the files that refer to it could be copied. */
static void same_as_plain(hk_scenario_cache *cache, const hk_ynode *const trees[HK_FILE_COUNT],
                          int which, const char *text, size_t len)
{
    hk_scenario_file plain_files[HK_FILE_COUNT], cached_files[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        const char *t = f == which ? text : minimal[f];
        size_t n = f == which ? len : strlen(t);
        plain_files[f] = (hk_scenario_file){hk_scenario_file_names[f], (const unsigned char *)t, n,
                                            NULL, NULL};
        cached_files[f] = plain_files[f];
        if (f != which)
            cached_files[f].tree = trees[f];
    }
    hk_diag pd, cd;
    hk_diag_init(&pd);
    hk_diag_init(&cd);
    hk_scenario *p = hk_scenario_load_files(plain_files, &pd);
    hk_scenario *c = hk_scenario_cache_load(cache, cached_files, &cd);
    if (pd.count != cd.count) {
        fprintf(stderr, "file %d: plain:\n", which);
        print_diag(&pd);
        fprintf(stderr, "cached:\n");
        print_diag(&cd);
    }
    assert_int_equal(pd.count, cd.count);
    for (int i = 0; i < pd.count; i++) {
        assert_int_equal(pd.items[i].line, cd.items[i].line);
        assert_string_equal(pd.items[i].file ? pd.items[i].file : "-",
                            cd.items[i].file ? cd.items[i].file : "-");
        assert_string_equal(pd.items[i].message, cd.items[i].message);
    }
    assert_int_equal(p == NULL, c == NULL);
    if (p) {
        /* everything worked out at load is the same, but for the serial
         * that tells one load from another (the route memos' key) */
        assert_true(p->compiled->serial != c->compiled->serial);
        uint64_t serial = c->compiled->serial;
        c->compiled->serial = p->compiled->serial;
        assert_memory_equal(p->compiled, c->compiled, sizeof *p->compiled);
        c->compiled->serial = serial;
        assert_int_equal(p->n_regions, c->n_regions);
        for (int r = 0; r < p->n_regions; r++) {
            assert_string_equal(p->regions[r].id, c->regions[r].id);
            assert_true(p->regions[r].lat == c->regions[r].lat);
        }
        assert_int_equal(p->n_facts, c->n_facts);
        assert_int_equal(p->jpn, c->jpn);
        for (int k = 0; k < HK_PARAM_COUNT; k++)
            assert_true(p->params[k].value == c->params[k].value);
    }
    hk_scenario_free(p);
    hk_scenario_cache_release(cache, c);
    hk_diag_free(&pd);
    hk_diag_free(&cd);
}

static void test_cache_same_as_plain(void **state)
{
    (void)state;
    hk_arena *arena = hk_arena_new();
    const hk_ynode *trees[HK_FILE_COUNT];
    hk_scenario_file base[HK_FILE_COUNT];
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        hk_diag d;
        hk_diag_init(&d);
        assert_true(hk_yaml_parse(arena, hk_scenario_file_names[f], (const unsigned char *)minimal[f],
                                  strlen(minimal[f]), &d, &trees[f]));
        hk_diag_free(&d);
        base[f] = (hk_scenario_file){hk_scenario_file_names[f], NULL, 0, NULL, trees[f]};
    }
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario_cache *cache = hk_scenario_cache_new(base, &d);
    assert_non_null(cache);
    assert_int_equal(d.count, 0);
    hk_diag_free(&d);
    /* Nothing changed (twice: the second reuses the block), and each file
     * given as text rather than as the base's tree. */
    same_as_plain(cache, trees, -1, NULL, 0);
    same_as_plain(cache, trees, -1, NULL, 0);
    for (int f = 0; f < HK_FILE_COUNT; f++)
        same_as_plain(cache, trees, f, minimal[f], strlen(minimal[f]));
    /* Every kind of error, in each file. */
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++) {
        char *text = edited(error_cases[i].file, error_cases[i].old, error_cases[i].new_text);
        same_as_plain(cache, trees, error_cases[i].file, text, strlen(text));
        free(text);
    }
    /* Changes that load, and one that the files referring to it notice: a
     * region moved, an actor renamed, a publication and a date changed. */
    static const struct { int file; const char *old, *new_text; } edits[] = {
        {HK_FILE_REGIONS, "lat: 52.03", "lat: 52.5"},
        {HK_FILE_REGIONS, "id: chita", "id: chita_oblast"},
        {HK_FILE_ACTORS, "id: MGL", "id: MNG"},
        {HK_FILE_SCENARIO, "start: 1918-01", "start: 1920-01"},
    };
    for (size_t i = 0; i < sizeof edits / sizeof *edits; i++) {
        if (!strstr(minimal[edits[i].file], edits[i].old))
            continue;
        char *text = edited(edits[i].file, edits[i].old, edits[i].new_text);
        same_as_plain(cache, trees, edits[i].file, text, strlen(text));
        free(text);
    }
    for (int f = 0; f < HK_FILE_COUNT; f++) {
        same_as_plain(cache, trees, f, "", 0);
        same_as_plain(cache, trees, f, "- [", 3);
        same_as_plain(cache, trees, f, "x: 1\n", 5);
    }
    hk_scenario_cache_free(cache);
    hk_arena_free(arena);
}

static void test_yaml_limits(void **state)
{
    (void)state;
    hk_arena *a = hk_arena_new();
    hk_diag d;
    const hk_ynode *root;
    hk_diag_init(&d);
    /* Over the size cap: refused before parsing. */
    size_t big = HK_YAML_MAX_BYTES + 1;
    unsigned char *buf = malloc(big);
    memset(buf, '#', big);
    assert_false(hk_yaml_parse(a, "big.yaml", buf, big, &d, &root));
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "larger than 4 MiB"));
    free(buf);
    hk_diag_free(&d);
    /* Exactly at the depth cap is fine, one more is not. */
    char deep[200];
    for (int depth = HK_YAML_MAX_DEPTH; depth <= HK_YAML_MAX_DEPTH + 1; depth++) {
        int n = 0;
        for (int i = 0; i <= depth; i++)
            deep[n++] = '[';
        for (int i = 0; i <= depth; i++)
            deep[n++] = ']';
        deep[n] = '\0';
        hk_diag_init(&d);
        bool ok = hk_yaml_parse(a, "deep.yaml", (const unsigned char *)deep, strlen(deep), &d,
                                &root);
        assert_int_equal(ok, depth == HK_YAML_MAX_DEPTH);
        hk_diag_free(&d);
    }
    /* Lines and kinds. */
    const char *text = "a: 1\nb:\n  - x\n  - 'y'\nc: ~\n";
    hk_diag_init(&d);
    assert_true(hk_yaml_parse(a, "t.yaml", (const unsigned char *)text, strlen(text), &d, &root));
    assert_int_equal(root->type, HK_Y_MAP);
    assert_int_equal(root->n, 6);
    const hk_ynode *b = hk_ymap_get(root, "b");
    assert_int_equal(b->type, HK_Y_SEQ);
    assert_int_equal(b->items[1]->line, 4);
    assert_false(b->items[1]->plain);
    assert_true(hk_ynode_is_null(hk_ymap_get(root, "c")));
    assert_false(hk_ynode_is_null(b->items[0]));
    hk_diag_free(&d);
    hk_arena_free(a);
}

static void test_nearest(void **state)
{
    (void)state;
    assert_int_equal(hk_edit_distance("harbin", "harbin"), 0);
    assert_int_equal(hk_edit_distance("harbinn", "harbin"), 1);
    assert_int_equal(hk_edit_distance("SVO", "SOV"), 1); /* a swap counts once */
    assert_int_equal(hk_edit_distance("vladivostock", "vladivostok"), 1);
    hk_nearest n;
    hk_nearest_init(&n, "vladivostock");
    hk_nearest_offer(&n, "harbin");
    hk_nearest_offer(&n, "vladivostok");
    hk_nearest_offer(&n, "chita");
    assert_string_equal(hk_nearest_result(&n), "vladivostok");
    hk_nearest_init(&n, "USA");
    hk_nearest_offer(&n, "JPN");
    assert_null(hk_nearest_result(&n));
}

/* The bounded distance the suggestions use gives the full table's answer
 * whenever it is below the bound, and the bound otherwise: words of a small
 * alphabet (so that swaps, repeats and near misses are common), all bounds. */
static void test_edit_distance_below(void **state)
{
    (void)state;
    uint32_t x = 12345;
    for (int n = 0; n < 8000; n++) {
        char a[40], b[40];
        char *w[2] = {a, b};
        for (int k = 0; k < 2; k++) {
            x = x * 1103515245u + 12345u;
            /* Half short words, half up to 35 letters: bands narrower than the words. */
            int len = (int)((x >> 16) % (n % 2 ? 12 : 36));
            for (int i = 0; i < len; i++) {
                x = x * 1103515245u + 12345u;
                /* A small alphabet (swaps and near misses are common) or a large one
                 * (the words share few letters); '!' and 'a' share their low six bits. */
                w[k][i] = n % 4 < 2 ? "abcAB_."[(x >> 16) % 7] : "abcdefghijKLMNOP!_."[(x >> 16) % 19];
            }
            w[k][len] = '\0';
        }
        int full = hk_edit_distance(a, b);
        for (int bound = 0; bound <= 14; bound++) {
            int got = hk_edit_distance_below(a, b, bound);
            if (got != (full < bound ? full : bound))
                fail_msg("'%s' '%s' bound %d: %d, full %d", a, b, bound, got, full);
        }
    }
    char longw[80];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    assert_int_equal(hk_edit_distance_below(longw, "a", 5), 5);
}

static void test_names_and_lookups(void **state)
{
    (void)state;
    assert_string_equal(hk_terrain_name(HK_TERRAIN_MARSH), "marsh");
    assert_string_equal(hk_terrain_name(HK_TERRAIN_COUNT), "unknown");
    assert_string_equal(hk_link_kind_name(HK_LINK_SEA), "sea");
    assert_string_equal(hk_clause_type_name(HK_CLAUSE_NO_POLITICAL_TREATY), "no_political_treaty");
    assert_string_equal(hk_effect_name(HK_EFFECT_GER_SOV_WAR), "ger_sov_war");
    assert_string_equal(hk_fact_kind_name(HK_FACT_CABINET), "cabinet");
    assert_string_equal(hk_pin_name(HK_PIN_DOCTRINE_NORTH), "doctrine_north");
    assert_string_equal(hk_pin_name((hk_pin)-1), "unknown");
    hk_diag d;
    hk_scenario *s = load_with(-1, NULL, &d);
    assert_non_null(s);
    assert_int_equal(hk_scenario_actor(s, "GER"), 4);
    assert_int_equal(hk_scenario_actor(s, "ger"), -1);
    assert_int_equal(hk_scenario_event(s, "european_war"), 0);
    assert_int_equal(hk_scenario_treaty(s, "nope"), -1);
    assert_int_equal(hk_scenario_region(s, NULL), -1);
    hk_scenario_free(s);
    hk_scenario_free(NULL);
    hk_diag_free(&d);
}

static void test_load_dir_missing_folder(void **state)
{
    (void)state;
    hk_diag d;
    hk_diag_init(&d);
    assert_null(hk_scenario_load_dir("/nonexistent/scenario", &d));
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "not a scenario folder"));
    hk_diag_free(&d);
}

static void test_builtin(void **state)
{
    (void)state;
    hk_diag d;
    hk_diag_init(&d);
    hk_scenario *s = hk_scenario_load_builtin(&d);
    if (!hk_embedded_find(hk_embedded_scenario, "params.yaml")) {
        /* Until the built-in scenario is complete, it must say what is missing. */
        assert_null(s);
        assert_true(has_error(&d, "scenarios/far-east-1918/params.yaml", 0,
                              "not in the built-in scenario"));
    } else {
        if (!s)
            print_diag(&d);
        assert_non_null(s);
        assert_true(s->jpn >= 0 && s->sov >= 0);
        assert_int_equal(s->n_events >= 11, 1);
        assert_string_equal(s->regions[0].at.file,
                            "scenarios/far-east-1918/regions.yaml");
    }
    hk_scenario_free(s);
    hk_diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_loads),
        cmocka_unit_test(test_minimal_values),
        cmocka_unit_test(test_minimal_sources_and_lines),
        cmocka_unit_test(test_semicolon_in_explanation),
        cmocka_unit_test(test_error_kinds),
        cmocka_unit_test(test_all_errors_at_once),
        cmocka_unit_test(test_too_many_strengths_of_one_formation),
        cmocka_unit_test(test_island_forces),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_garbage_never_crashes),
        cmocka_unit_test(test_yaml_limits),
        cmocka_unit_test(test_cache_same_as_plain),
        cmocka_unit_test(test_nearest),
        cmocka_unit_test(test_edit_distance_below),
        cmocka_unit_test(test_names_and_lookups),
        cmocka_unit_test(test_load_dir_missing_folder),
        cmocka_unit_test(test_builtin),
    };
    return cmocka_run_group_tests(tests, setup_corpus, teardown_corpus);
}
