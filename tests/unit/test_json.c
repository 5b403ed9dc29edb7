/* test_json.c — the run outputs on a small hand-made scenario: JSON objects
 * key by key, the JSON Lines collector, the report's assembly, and the
 * terminal timeline's layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/json.h"
#include "out/order.h"
#include "out/report.h"
#include "out/timeline.h"

static hk_date D(int y, int m, int d)
{
    hk_date x = {(int16_t)y, (int8_t)m, (int8_t)d};
    return x;
}

/* Two modelled actors and an outside one, one sector, two regions, one
 * formation, two treaties, a battle and a record of incidents. */
static hk_scenario *fixture(void)
{
    hk_scenario *s = calloc(1, sizeof *s);
    s->id = "test";
    s->name = "Test scenario";
    s->description = "A fixture.";
    s->start = D(1918, 1, 0);
    s->end = D(1945, 9, 0);
    const char *actors[] = {"JPN", "SOV", "GER"};
    for (int i = 0; i < 3; i++) {
        snprintf(s->actors[i].id, HK_ID_LEN, "%s", actors[i]);
        s->actors[i].name = actors[i];
        s->actors[i].role = i < 2 ? HK_ROLE_MODELLED : HK_ROLE_OUTSIDE;
    }
    s->n_actors = 3;
    s->jpn = 0;
    s->sov = 1;
    s->man = s->mgl = s->chn = -1;
    const char *factions[] = {"kodoha", "navy", "toseiha", "red_army"};
    const int fa[] = {0, 0, 0, 1};
    for (int i = 0; i < 4; i++) {
        snprintf(s->factions[i].id, HK_ID_LEN, "%s", factions[i]);
        s->factions[i].name = factions[i];
        s->factions[i].actor = fa[i];
        s->factions[i].lean = i == 1 ? -0.8 : 0.6;
        s->factions[i].influence = i == 3 ? 1.0 : 1.0 / 3.0;
    }
    s->n_factions = 4;
    snprintf(s->sectors[0].id, HK_ID_LEN, "khalkha");
    s->sectors[0].name = "Khalkha river";
    s->sectors[0].length_km = 400;
    s->sectors[0].side[0] = 0;
    s->sectors[0].side[1] = 1;
    s->sectors[0].source.text = "002_ef754c58233b510f.txt:10";
    s->n_sectors = 1;
    snprintf(s->regions[0].id, HK_ID_LEN, "hailar");
    s->regions[0].name = "Hailar";
    s->regions[0].lat = 49.21;
    s->regions[0].lon = 119.733333;
    s->regions[0].controller = 0;
    s->regions[0].terrain = HK_TERRAIN_STEPPE;
    s->regions[0].sector = 0;
    s->regions[0].railhead = true;
    s->regions[0].source.text = "001_fd9a28d61a246780.txt:49";
    snprintf(s->regions[1].id, HK_ID_LEN, "chita");
    s->regions[1].name = "Chita";
    s->regions[1].controller = 1;
    s->regions[1].terrain = HK_TERRAIN_STEPPE;
    s->regions[1].sector = -1;
    s->regions[1].source.text = "001_fd9a28d61a246780.txt:50";
    s->regions[1].rail_from = D(1935, 12, 0);
    s->n_regions = 2;
    s->links[0].opened = D(1933, 9, 0);
    s->links[0].from = 0;
    s->links[0].to = 1;
    s->links[0].kind = HK_LINK_RAIL;
    s->links[0].km = 600;
    s->links[0].capacity = 40000;
    s->links[0].line = NULL;
    s->n_links = 1;
    snprintf(s->formations[0].id, HK_ID_LEN, "div23");
    s->formations[0].name = "23rd Division";
    s->formations[0].actor = 0;
    s->formations[0].region = 0;
    s->n_formations = 1;
    snprintf(s->treaties[0].id, HK_ID_LEN, "basic_convention_1925");
    s->treaties[0].name = "Basic Convention";
    s->treaties[0].parties[0] = 0;
    s->treaties[0].parties[1] = 1;
    s->treaties[0].n_parties = 2;
    s->treaties[0].signed_on = D(1925, 1, 20);
    s->treaties[0].clauses[0].type = HK_CLAUSE_NORMALIZATION;
    s->treaties[0].clauses[0].text = "Relations resume.";
    s->treaties[0].n_clauses = 1;
    s->treaties[0].source.text = "004_091d0e3404114efd.txt:121";
    snprintf(s->treaties[1].id, HK_ID_LEN, "neutrality_pact");
    s->treaties[1].name = "Neutrality Pact";
    s->treaties[1].n_parties = 0;
    s->treaties[1].signed_on = D(1941, 4, 13);
    s->treaties[1].duration_months = 60;
    s->treaties[1].notice_months = 12;
    s->n_treaties = 2;
    snprintf(s->battles[0].id, HK_ID_LEN, "khalkhin_gol");
    s->battles[0].name = "Khalkhin Gol";
    s->battles[0].region = 0;
    s->battles[0].sector = 0;
    s->battles[0].start = D(1939, 5, 11);
    s->battles[0].end = D(1939, 9, 16);
    s->battles[0].winner = 1;
    s->battles[0].attacker.actor = 0;
    s->battles[0].attacker.casualties = 17000;
    s->battles[0].attacker.casualties_hi = -1;
    s->battles[0].defender.actor = 1;
    s->battles[0].defender.casualties = -1;
    s->battles[0].defender.casualties_hi = -1;
    s->n_battles = 1;
    s->incidents[0].year_from = 1932;
    s->incidents[0].year_to = 1934;
    s->incidents[0].count = 152;
    s->n_incidents = 1;
    hk_scenario_compile(s);
    return s;
}

static void assert_dump(const json_t *j, const char *expected)
{
    char *text = json_dumps(j, HK_JSON_FLAGS);
    assert_non_null(text);
    assert_string_equal(text, expected);
    free(text);
}

static void test_number_rounding(void **state)
{
    (void)state;
    json_t *j = json_pack("[o,o,o,o,o,o]", hk_json_number(0.123456, 4), hk_json_number(12000.4, 0),
                          hk_json_number(NAN, 4), hk_json_number(-0.00001, 4), hk_json_number(2.0, 4),
                          hk_json_number(-0.5, 4));
    assert_dump(j, "[0.1235,12000,null,0,2,-0.5]");
    json_decref(j);
}

static void test_event_object(void **state)
{
    (void)state;
    hk_scenario *s = fixture();
    hk_log_event e = {.date = D(1925, 1, 20),
                      .kind = "treaty_signed",
                      .id = "basic_convention_1925",
                      .actors = {0, 1},
                      .n_actors = 2,
                      .text = "Japan and the USSR \"normalise\" relations.",
                      .source = "004_091d0e3404114efd.txt:121"};
    json_t *j = hk_json_event(s, &e);
    assert_dump(j, "{\"type\":\"event\",\"date\":\"1925-01-20\",\"kind\":\"treaty_signed\",\"id\":\"basic_convention_1925\","
                   "\"actors\":[\"JPN\",\"SOV\"],\"text\":\"Japan and the USSR \\\"normalise\\\" relations.\","
                   "\"source\":\"004_091d0e3404114efd.txt:121\",\"treaty\":\"basic_convention_1925\","
                   "\"parties\":[\"JPN\",\"SOV\"]}");
    json_decref(j);
    /* A battle's facts as fields: sector, committed, casualties, winner, days. */
    hk_log_event b = {.date = D(1939, 8, 20), .kind = "battle_result", .id = "khalkha", .actors = {1, 0},
                      .n_actors = 2, .text = "x", .source = "y", .has_facts = true,
                      .facts = {.sector = 0, .committed = {30000, 57000}, .casualties = {11500, 10000},
                                .winner = 1, .days = 11}};
    j = hk_json_event(s, &b);
    assert_dump(j, "{\"type\":\"event\",\"date\":\"1939-08-20\",\"kind\":\"battle_result\",\"id\":\"khalkha\","
                   "\"actors\":[\"SOV\",\"JPN\"],\"text\":\"x\",\"source\":\"y\",\"sector\":\"khalkha\","
                   "\"committed\":{\"JPN\":30000,\"SOV\":57000},\"casualties\":{\"JPN\":11500,\"SOV\":10000},"
                   "\"winner\":\"SOV\",\"days\":11}");
    json_decref(j);
    /* A war's sides. */
    hk_log_event w = {.date = D(1945, 8, 9), .kind = "war", .id = "soviet_entry", .actors = {1, 0}, .n_actors = 2};
    j = hk_json_event(s, &w);
    assert_dump(j, "{\"type\":\"event\",\"date\":\"1945-08-09\",\"kind\":\"war\",\"id\":\"soviet_entry\","
                   "\"actors\":[\"SOV\",\"JPN\"],\"text\":null,\"source\":null,"
                   "\"sides\":{\"JPN\":[\"JPN\"],\"SOV\":[\"SOV\"]}}");
    json_decref(j);
    /* A month-only date and missing strings stay well-formed. */
    hk_log_event f = {.date = D(1932, 3, 0), .kind = "incident", .n_actors = 1, .actors = {7}};
    j = hk_json_event(s, &f);
    assert_dump(j, "{\"type\":\"event\",\"date\":\"1932-03\",\"kind\":\"incident\",\"id\":null,\"actors\":[null],"
                   "\"text\":null,\"source\":null}");
    json_decref(j);
    hk_scenario_free(s);
}

static void fill_month(hk_month_summary *m)
{
    memset(m, 0, sizeof *m);
    m->month = hk_month_of(1939, 7);
    m->doctrine[0] = 0.123456;
    m->doctrine[2] = 0.9; /* outside actor: not written */
    m->influence[0] = 0.25;
    m->influence[1] = 0.5;
    m->influence[2] = 0.25;
    m->influence[3] = 1;
    m->tension[0] = 0.81234;
    m->forces[0][0] = (hk_side_forces){30000.4, 70, 300, 250};
    m->forces[0][1] = (hk_side_forces){57000, 498, 542, 515.6};
    m->formations[0] = (hk_formation_state){0, 15000, 0, 60, 0, 1.0, 0.8};
    m->treaty_in_force[0] = true;
    m->incidents = 3;
    m->battles = 1;
    m->flags = 1u << HK_EFFECT_EUROPE_WAR;
}

static void test_month_object(void **state)
{
    (void)state;
    hk_scenario *s = fixture();
    hk_month_summary m;
    fill_month(&m);
    m.control[0] = 0; /* hailar: JPN */
    m.control[1] = 1; /* chita: SOV */
    m.factions_formed = 0xBu; /* kodoha, navy, red_army: toseiha not yet formed */
    json_t *j = hk_json_month(s, &m);
    char *text = json_dumps(j, HK_JSON_FLAGS);
    assert_string_equal(
        text,
        "{\"type\":\"month\",\"date\":\"1939-07\",\"doctrine\":{\"JPN\":0.1235,\"SOV\":0},\"incidents\":3,\"battles\":1,"
        "\"at_war\":false,\"control\":{\"hailar\":\"JPN\",\"chita\":\"SOV\"},\"treaties\":[\"basic_convention_1925\"],\"effects\":[\"europe_war\"],"
        "\"forces\":{\"khalkha\":{\"JPN\":{\"men\":30000,\"tanks\":70,\"guns\":300,\"aircraft\":250},"
        "\"SOV\":{\"men\":57000,\"tanks\":498,\"guns\":542,\"aircraft\":516}}},"
        "\"influence\":{\"kodoha\":0.25,\"navy\":0.5,\"toseiha\":0.25,\"red_army\":1},"
        "\"factions_formed\":[\"kodoha\",\"navy\",\"red_army\"],"
        "\"tension\":{\"khalkha\":0.8123},"
        "\"formations\":{\"div23\":{\"region\":\"hailar\",\"men\":15000,\"tanks\":0,\"guns\":60,\"aircraft\":0,"
        "\"quality\":1,\"supply\":0.8}}}");
    free(text);
    json_decref(j);
    hk_scenario_free(s);
}

/* The outcome table's order and the null for an absent figure. */
static void test_outcomes_object(void **state)
{
    (void)state;
    hk_outcomes o;
    memset(&o, 0, sizeof o);
    o.neutrality_pact_signed = true;
    o.neutrality_pact_year = 1941.25;
    o.soviet_entry_months_after_german_defeat = NAN;
    json_t *j = hk_json_outcomes(&o);
    assert_int_equal(json_object_size(j), HK_OUTCOME_COUNT);
    int i = 0;
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        assert_string_equal(key, hk_outcome_table[i].name);
        if (hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION)
            assert_true(json_is_boolean(v));
        i++;
    }
    assert_true(json_is_true(json_object_get(j, "neutrality_pact_signed")));
    assert_true(json_is_false(json_object_get(j, "strike_north_by_1942")));
    assert_true(json_is_null(json_object_get(j, "soviet_entry_months_after_german_defeat")));
    assert_true(json_real_value(json_object_get(j, "neutrality_pact_year")) == 1941.25);
    json_decref(j);
}

static void test_summary_object(void **state)
{
    (void)state;
    hk_scenario *s = fixture();
    hk_outcomes o;
    memset(&o, 0, sizeof o);
    o.incidents_per_year[1932 - HK_YEAR_FIRST] = 17;
    json_t *j = hk_json_summary(s, "simulate", 42, 0, HK_MONTH_NONE, 333, 12, &o);
    assert_string_equal(json_string_value(json_object_get(j, "type")), "summary");
    assert_string_equal(json_string_value(json_object_get(j, "mode")), "simulate");
    assert_int_equal(json_integer_value(json_object_get(j, "seed")), 42);
    assert_string_equal(json_string_value(json_object_get(j, "scenario")), "test");
    json_t *ipy = json_object_get(j, "incidents_per_year");
    assert_int_equal(json_object_size(ipy), HK_YEARS);
    assert_int_equal(json_integer_value(json_object_get(ipy, "1932")), 17);
    assert_true(json_is_null(json_object_get(j, "until")));
    json_decref(j);
    /* A run stopped in 1939 reports no years after it. */
    j = hk_json_summary(s, "simulate", 42, 0, hk_month_of(1939, 8), 260, 12, &o);
    ipy = json_object_get(j, "incidents_per_year");
    assert_int_equal(json_object_size(ipy), 1939 - 1918 + 1);
    assert_null(json_object_get(ipy, "1940"));
    assert_string_equal(json_string_value(json_object_get(j, "until")), "1939-08");
    json_decref(j);
    hk_scenario_free(s);
}

static void test_scenario_object(void **state)
{
    (void)state;
    hk_scenario *s = fixture();
    json_t *j = hk_json_scenario(s);
    assert_string_equal(json_string_value(json_object_get(j, "start")), "1918-01");
    json_t *r0 = json_array_get(json_object_get(j, "regions"), 0);
    assert_dump(r0, "{\"id\":\"hailar\",\"name\":\"Hailar\",\"lat\":49.21,\"lon\":119.7333,\"controller\":\"JPN\","
                    "\"terrain\":\"steppe\",\"sector\":\"khalkha\",\"railhead\":true,\"rail_from\":null,"
                    "\"source\":\"001_fd9a28d61a246780.txt:49\"}");
    json_t *r1 = json_array_get(json_object_get(j, "regions"), 1);
    assert_true(json_is_null(json_object_get(r1, "sector")));
    /* a railhead from the month its line opened, a way from the month it was built */
    assert_string_equal(json_string_value(json_object_get(r1, "rail_from")), "1935-12");
    json_t *l0 = json_array_get(json_object_get(j, "links"), 0);
    assert_dump(l0, "{\"from\":\"hailar\",\"to\":\"chita\",\"kind\":\"rail\",\"km\":600,\"capacity\":40000,\"line\":null,"
                    "\"opened\":\"1933-09\",\"source\":null}");
    json_t *t0 = json_array_get(json_object_get(j, "treaties"), 0);
    assert_string_equal(json_string_value(json_object_get(t0, "signed")), "1925-01-20");
    /* in_force defaults to the signature when the record gives none. */
    assert_string_equal(json_string_value(json_object_get(t0, "in_force")), "1925-01-20");
    assert_true(json_is_null(json_object_get(t0, "denounced")));
    json_t *c0 = json_array_get(json_object_get(t0, "clauses"), 0);
    assert_string_equal(json_string_value(json_object_get(c0, "type")), "normalization");
    assert_int_equal(json_integer_value(json_object_get(c0, "months")), 0);
    json_t *b0 = json_array_get(json_object_get(j, "battles"), 0);
    assert_string_equal(json_string_value(json_object_get(b0, "winner")), "defender");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(b0, "attacker"), "casualties")), 17000);
    assert_true(json_is_null(json_object_get(json_object_get(b0, "defender"), "casualties")));
    json_t *ir = json_array_get(json_object_get(j, "incidents_record"), 0);
    assert_dump(ir, "{\"from\":1932,\"to\":1934,\"count\":152,\"source\":null}");
    json_t *sec = json_array_get(json_object_get(j, "sectors"), 0);
    assert_dump(json_object_get(sec, "sides"), "[\"JPN\",\"SOV\"]");
    json_decref(j);
    hk_scenario_free(s);
}

/* Events and months stream as lines and are kept for the document. */
static void test_run_collector(void **state)
{
    (void)state;
    hk_scenario *s = fixture();
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    hk_json_run r;
    hk_json_run_init(&r, s, mem, true);
    hk_observer obs = hk_json_run_observer(&r);
    hk_log_event e = {.date = D(1939, 7, 3), .kind = "battle", .id = "khalkhin_gol", .n_actors = 0, .text = "x"};
    hk_month_summary m;
    fill_month(&m);
    obs.on_event(obs.ud, &e);
    obs.on_month(obs.ud, &m);
    m.month++;
    obs.on_month(obs.ud, &m);
    fclose(mem);
    assert_int_equal(r.n_events, 1);
    assert_int_equal(r.n_months, 2);
    assert_int_equal(r.last_month, hk_month_of(1939, 8));
    int lines = 0;
    for (char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 3);
    json_error_t err;
    json_t *first = json_loadb(text, strcspn(text, "\n"), 0, &err);
    assert_non_null(first);
    assert_string_equal(json_string_value(json_object_get(first, "type")), "event");
    json_decref(first);
    json_t *doc = hk_json_doc(&r, json_object());
    assert_int_equal(json_array_size(json_object_get(doc, "events")), 1);
    assert_int_equal(json_array_size(json_object_get(doc, "months")), 2);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "scenario"), "id")), "test");
    json_decref(doc);
    hk_json_run_free(&r);
    free(text);
    hk_scenario_free(s);
}

/* ---- event order -------------------------------------------------------- */

typedef struct seen {
    char log[256];
} seen;

static void seen_event(void *ud, const hk_log_event *e)
{
    seen *x = ud;
    strcat(x->log, e->id);
    strcat(x->log, " ");
}

static void seen_month(void *ud, const hk_month_summary *m)
{
    seen *x = ud;
    char b[16];
    hk_month_format(m->month, b);
    strcat(x->log, b);
    strcat(x->log, " ");
}

/* Days inside a month come sorted, equal dates keep their order, an event
 * known only by its month comes after the dated events played before it
 * (a decision after the events it answers), and an event dated in a later
 * month waits for that month; one dated after the last month run is never
 * passed on. */
static void test_event_order(void **state)
{
    (void)state;
    seen x = {""};
    hk_observer next = {seen_event, seen_month, &x};
    hk_order o;
    hk_order_init(&o, &next);
    hk_observer obs = hk_order_observer(&o);
    hk_log_event ev[] = {
        {.date = D(1939, 5, 0), .id = "early"},
        {.date = D(1939, 5, 28), .id = "c"}, {.date = D(1939, 9, 16), .id = "later"},
        {.date = D(1939, 5, 11), .id = "a"}, {.date = D(1939, 5, 11), .id = "b"},
        {.date = D(1939, 5, 0), .id = "month"}, {.date = D(1950, 1, 1), .id = "beyond"},
    };
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++)
        obs.on_event(obs.ud, &ev[i]);
    hk_month_summary m;
    memset(&m, 0, sizeof m);
    for (int k = 5; k <= 9; k++) {
        m.month = hk_month_of(1939, k);
        obs.on_month(obs.ud, &m);
    }
    hk_order_free(&o);
    assert_string_equal(x.log, "early a b c month 1939-05 1939-06 1939-07 1939-08 later 1939-09 ");
}

/* ---- the report ---------------------------------------------------------- */

#define FILE_OF(p, text) {p, (const unsigned char *)(text), sizeof(text) - 1}

static const hk_embedded_file fake_web[] = {
    FILE_OF("index.html", "<!doctype html><html><head><meta charset=\"utf-8\">"
                          "<script type=\"module\" crossorigin src=\"./assets/app.js\"></script>"
                          "<link rel=\"modulepreload\" href=\"./assets/x.js\">"
                          "<link rel=\"stylesheet\" crossorigin href=\"./assets/app.css\">"
                          "</head><body><div id=\"app\"></div></body></html>"),
    FILE_OF("assets/app.js", "const s = \"</script>\"; document.title = s;"),
    FILE_OF("assets/app.css", "body { color: red }"),
    {NULL, NULL, 0},
};

static void test_report_html(void **state)
{
    (void)state;
    json_t *doc = json_pack("{s:s,s:[i,i]}", "text", "a </script><!-- b", "n", 1, 2);
    size_t len = 0;
    char err[256] = "";
    char *html = hk_report_html(fake_web, doc, &len, err, sizeof err);
    assert_non_null(html);
    assert_int_equal(strlen(html), len);
    /* Nothing is left to fetch. */
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "href="));
    assert_non_null(strstr(html, "<style>\nbody { color: red }\n</style>"));
    assert_non_null(strstr(html, "<script type=\"module\">\nconst s = \"<\\/script>\";"));
    /* The data comes before </head>, and its text cannot close the element. */
    char *data = strstr(html, "<script id=\"hk-data\" type=\"application/json\">");
    assert_non_null(data);
    assert_true(data < strstr(html, "</head>"));
    data += strlen("<script id=\"hk-data\" type=\"application/json\">");
    char *close = strstr(data, "</script>");
    assert_non_null(close);
    json_error_t jerr;
    json_t *back = json_loadb(data, (size_t)(close - data), 0, &jerr);
    assert_non_null(back);
    assert_true(json_equal(back, doc));
    json_decref(back);
    free(html);
    json_decref(doc);
}

static void test_report_needs_web(void **state)
{
    (void)state;
    static const hk_embedded_file empty[] = {{NULL, NULL, 0}};
    static const hk_embedded_file broken[] = {
        FILE_OF("index.html", "<html><head><script src=\"assets/gone.js\"></script></head></html>"),
        {NULL, NULL, 0}};
    json_t *doc = json_object();
    size_t len;
    char err[256] = "";
    assert_null(hk_report_html(empty, doc, &len, err, sizeof err));
    assert_non_null(strstr(err, "make web"));
    assert_null(hk_report_html(broken, doc, &len, err, sizeof err));
    assert_non_null(strstr(err, "assets/gone.js"));
    json_decref(doc);
}

static void test_report_write(void **state)
{
    (void)state;
    char base[] = "/tmp/hk_report_XXXXXX";
    assert_non_null(mkdtemp(base));
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/a/b", base);
    json_t *doc = json_object();
    char err[256] = "";
    assert_int_equal(hk_report_write(dir, fake_web, doc, err, sizeof err), 0);
    snprintf(path, sizeof path, "%s/index.html", dir);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 100);
    /* A folder that is a file is an error, not a crash. */
    assert_int_not_equal(hk_report_write(path, fake_web, doc, err, sizeof err), 0);
    assert_non_null(strstr(err, "index.html"));
    remove(path);
    snprintf(path, sizeof path, "%s/a/b", base);
    rmdir(path);
    snprintf(path, sizeof path, "%s/a", base);
    rmdir(path);
    rmdir(base);
    json_decref(doc);
}

/* ---- the timeline -------------------------------------------------------- */

static int max_line_width(const char *text)
{
    int best = 0, w = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            best = w > best ? w : best;
            w = 0;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            w++;
        }
    }
    return w > best ? w : best;
}

static char *render(bool explain, const hk_outcomes *outcomes)
{
    hk_scenario *s = fixture();
    /* A Soviet formation at Chita, and a second sector that the same
     * formations face (as the model counts a formation in every sector near
     * it): the border totals must count each formation once. */
    s->sectors[1] = s->sectors[0];
    snprintf(s->sectors[1].id, HK_ID_LEN, "argun");
    s->n_sectors = 2;
    snprintf(s->formations[1].id, HK_ID_LEN, "sov57");
    s->formations[1].name = "57th Corps";
    s->formations[1].actor = 1;
    s->formations[1].region = 1; /* on its own side's ground, facing the same sector */
    s->regions[1].sector = 0;
    s->n_formations = 2;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    hk_timeline_opts o = {.color = false, .explain = explain, .width = 0};
    hk_timeline *t = hk_timeline_new(s, mem, &o);
    hk_observer obs = hk_timeline_observer(t);
    hk_log_event e = {.date = D(1925, 1, 20),
                      .kind = "treaty_signed",
                      .id = "basic_convention_1925",
                      .actors = {0, 1},
                      .n_actors = 2,
                      .text = "Japan and the Soviet Union sign the Basic Convention: relations resume, Japanese "
                              "troops leave northern Sakhalin, and each side promises not to back the other's "
                              "enemies.",
                      .source = "004_091d0e3404114efd.txt:121"};
    hk_log_event inc = {.date = D(1925, 3, 0), .kind = "incident", .id = "incident", .text = "Shots across the Amur.",
                        .source = "model: incident rate"};
    hk_log_event many = {.date = D(1925, 6, 1),
                         .kind = "battle",
                         .id = "b",
                         .text = "A battle.",
                         .source = "001_fd9a28d61a246780.txt:133; 001_fd9a28d61a246780.txt:135; "
                                   "001_fd9a28d61a246780.txt:137; cdb90, isqno 260; krivosheev2010, p. 159; "
                                   "hata2014, p. 347"};
    obs.on_event(obs.ud, &e);
    obs.on_event(obs.ud, &inc);
    obs.on_event(obs.ud, &many);
    hk_month_summary m;
    fill_month(&m);
    m.formations[1] = (hk_formation_state){1, 57000, 498, 542, 515.6, 1.0, 0.8};
    m.control[0] = 0; /* hailar: JPN */
    m.control[1] = 1; /* chita: SOV */
    m.forces[0][0] = (hk_side_forces){15000, 0, 60, 0};
    m.forces[1][0] = m.forces[0][0];
    m.forces[1][1] = m.forces[0][1];
    m.month = hk_month_of(1925, 12);
    m.incidents = 4;
    obs.on_month(obs.ud, &m);
    m.month = hk_month_of(1926, 1);
    obs.on_month(obs.ud, &m);
    /* the Japanese formation all but destroyed: the block shows its peak */
    m.formations[0].men = 1000;
    m.month = hk_month_of(1926, 3);
    obs.on_month(obs.ud, &m);
    hk_timeline_finish(t, outcomes);
    hk_timeline_free(t);
    fclose(mem);
    hk_scenario_free(s);
    return text;
}

/* A run cut in 1926: what it cannot decide yet is "not reached" in the
 * timeline and null in the summary; a fractional year is shown as its month. */
static void test_outcomes_cut_run(void **state)
{
    (void)state;
    hk_outcomes o;
    memset(&o, 0, sizeof o);
    o.neutrality_pact_signed = true;
    o.neutrality_pact_year = 1940 + 7.0 / 12.0;
    o.major_border_battle_1937_1940 = true;
    o.soviet_entry_months_after_german_defeat = NAN;
    char *text = render(false, &o);
    assert_non_null(strstr(text, "  strike_north_by_1942                    not reached"));
    assert_non_null(strstr(text, "  soviet_entry_by_1945_09                 not reached"));
    assert_non_null(strstr(text, "  neutrality_pact_signed                  yes"));
    assert_non_null(strstr(text, "  neutrality_pact_year                    1940-08 "));
    assert_non_null(strstr(text, "  major_border_battle_1937_1940           yes"));
    assert_true(max_line_width(text) <= HK_TIMELINE_WIDTH);
    free(text);
    hk_scenario *s = fixture();
    json_t *j = hk_json_summary(s, "simulate", 1, 0, hk_month_of(1939, 8), 260, 0, &o);
    json_t *oc = json_object_get(j, "outcomes");
    assert_true(json_is_null(json_object_get(oc, "strike_north_by_1942")));
    assert_true(json_is_null(json_object_get(oc, "doctrine_south_by_1941_07")));
    assert_true(json_is_true(json_object_get(oc, "neutrality_pact_signed")));
    assert_true(json_is_true(json_object_get(oc, "major_border_battle_1937_1940")));
    json_decref(j);
    /* the whole run decides them all */
    j = hk_json_summary(s, "simulate", 1, 0, hk_month_of(1945, 9), 333, 0, &o);
    oc = json_object_get(j, "outcomes");
    assert_true(json_is_false(json_object_get(oc, "strike_north_by_1942")));
    assert_true(json_is_false(json_object_get(oc, "soviet_entry_by_1945_09")));
    json_decref(j);
    hk_scenario_free(s);
}

static void test_timeline_layout(void **state)
{
    (void)state;
    char *text = render(false, NULL);
    assert_true(max_line_width(text) <= HK_TIMELINE_WIDTH);
    assert_non_null(strstr(text, "1925-01-20  treaty    signed: Japan and the Soviet Union"));
    /* A long list of sources wraps at its "; " and stays whole. */
    assert_non_null(strstr(text, "[001_fd9a28d61a246780.txt:133; 001_fd9a28d61a246780.txt:135;\n"));
    assert_non_null(strstr(text, "hata2014, p. 347]\n"));
    assert_non_null(strstr(text, "[004_091d0e3404114efd.txt:121]"));
    /* Replay leaves single incidents to the yearly count. */
    assert_null(strstr(text, "Shots across the Amur."));
    assert_non_null(strstr(text, "--- 1925 "));
    assert_non_null(strstr(text, "JPN +0.12 undecided"));
    /* each formation once, though it faces two sectors */
    assert_non_null(strstr(text, "Japanese side     15,000 men"));
    assert_non_null(strstr(text, "Soviet side       57,000 men"));
    assert_non_null(strstr(text, "Japanese side      1,000 men"));
    assert_non_null(strstr(text, "peak 15,000 men in 1926-01"));
    assert_null(strstr(text, "Soviet side    peak"));
    /* treaties in force by their labels, not their ids */
    assert_non_null(strstr(text, "treaties   Soviet-Japanese Basic Convention"));
    assert_null(strstr(text, "basic_convention_1925"));
    assert_non_null(strstr(text, "4 this year"));
    /* The partial last year gets its block at the end. */
    assert_non_null(strstr(text, "--- 1926 (to 03) "));
    assert_null(strstr(text, "\033["));
    free(text);
    text = render(true, NULL);
    assert_non_null(strstr(text, "1925-03     incident  Shots across the Amur.  [model: incident rate]"));
    assert_true(max_line_width(text) <= HK_TIMELINE_WIDTH);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_rounding),  cmocka_unit_test(test_event_object),
        cmocka_unit_test(test_month_object),     cmocka_unit_test(test_outcomes_object),
        cmocka_unit_test(test_summary_object),   cmocka_unit_test(test_scenario_object),
        cmocka_unit_test(test_run_collector),    cmocka_unit_test(test_report_html),
        cmocka_unit_test(test_report_needs_web), cmocka_unit_test(test_report_write),
        cmocka_unit_test(test_timeline_layout),  cmocka_unit_test(test_event_order),
        cmocka_unit_test(test_outcomes_cut_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
