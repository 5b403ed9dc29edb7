/* test_db.c — the ensemble database: rows as written, NULL for absent
 * figures, and a stopped ensemble that resumes to the same rows and the same
 * statistics as one that ran through. */
#include <math.h>
#include <setjmp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture_ensemble.h"

#include "core/rng.h"
#include "run/db.h"
#include "out/ensemble_out.h"
#include "run/ensemble.h"

static hk_scenario scenario = {.id = "test"};

static int fake_run(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out)
{
    (void)ud;
    (void)setup;
    hk_rng r;
    hk_rng_init(&r, seed, run);
    out->strike_north_by_1942 = hk_rng_uniform(&r) < 0.2;
    out->neutrality_pact_signed = hk_rng_uniform(&r) < 0.7;
    out->neutrality_pact_year = out->neutrality_pact_signed ? 1939 + 4 * hk_rng_uniform(&r) : NAN;
    out->soviet_entry_by_1945_09 = hk_rng_uniform(&r) < 0.8;
    out->soviet_entry_months_after_german_defeat = out->soviet_entry_by_1945_09 ? hk_rng_poisson(&r, 3) : NAN;
    out->major_battle_casualties[0] = 10000 * hk_rng_uniform(&r);
    out->major_battle_casualties[1] = NAN;
    out->intervention_dead = 3000;
    for (int y = 0; y < HK_YEARS; y++) {
        out->incidents_per_year[y] = hk_rng_poisson(&r, 5);
        out->doctrine_jpn_by_year[y] = hk_rng_uniform(&r) * 2 - 1;
        out->soviet_far_east_men_by_year[y] = 100000 + y;
        out->japan_manchuria_men_by_year[y] = 200000 + y;
    }
    return 0;
}

static char *temp_path(const char *name)
{
    char *p = malloc(256);
    snprintf(p, 256, "/tmp/hk_test_db_%d_%s.sqlite", (int)getpid(), name);
    unlink(p);
    return p;
}

static void remove_db(char *p)
{
    char side[300];
    unlink(p);
    snprintf(side, sizeof side, "%s-wal", p);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", p);
    unlink(side);
    free(p);
}

/* Every row of a query as text, for comparing two databases. */
static char *dump(const char *path, const char *query)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, query, -1, &st, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *text = malloc(cap);
    text[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const char *v = (const char *)sqlite3_column_text(st, c);
            size_t need = len + (v ? strlen(v) : 4) + 2;
            if (need >= cap) {
                cap = need * 2;
                text = realloc(text, cap);
            }
            len += (size_t)sprintf(text + len, "%s%c", v ? v : "NULL", c + 1 < sqlite3_column_count(st) ? '|' : '\n');
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return text;
}


static void rows_are_written_as_given(void **state)
{
    (void)state;
    char *path = temp_path("rows");
    char err[256];
    hk_db *db = hk_db_open(path, err, sizeof err);
    assert_non_null(db);
    int64_t id = hk_db_ensemble_create(db, 5, 2, "{\"x\":1}", err, sizeof err);
    assert_true(id > 0);
    assert_int_equal(hk_db_ensemble_find(db, 5, "{\"x\":1}"), id);
    assert_int_equal(hk_db_ensemble_find(db, 6, "{\"x\":1}"), 0);
    assert_int_equal(hk_db_ensemble_find(db, 5, "{\"x\":2}"), 0);
    hk_setup s = {.scenario = &scenario};
    hk_outcomes o[2];
    memset(o, 0, sizeof o);
    fake_run(NULL, &s, 5, 0, &o[0]);
    fake_run(NULL, &s, 5, 1, &o[1]);
    int64_t runs[2] = {0, 1};
    assert_int_equal(hk_db_write_runs(db, id, runs, o, 2, err, sizeof err), 0);
    /* Writing a stored run again changes nothing and counts nothing twice. */
    assert_int_equal(hk_db_write_runs(db, id, runs, o, 1, err, sizeof err), 0);
    hk_db_close(db);

    char *count = dump(path, "select count(*) from run");
    assert_string_equal(count, "2\n");
    free(count);
    char *years = dump(path, "select count(*), min(year), max(year) from run_year where run = 1");
    char expect[64];
    snprintf(expect, sizeof expect, "%d|%d|%d\n", HK_YEARS, HK_YEAR_FIRST, HK_YEAR_LAST);
    assert_string_equal(years, expect);
    free(years);
    char *nulls = dump(path, "select count(*) from run where major_battle_casualties_sov is null");
    assert_string_equal(nulls, "2\n");
    free(nulls);
    char *inc = dump(path, "select incidents from run_year where run = 0 and year = 1930");
    char want[32];
    snprintf(want, sizeof want, "%d\n", o[0].incidents_per_year[1930 - HK_YEAR_FIRST]);
    assert_string_equal(inc, want);
    free(inc);
    remove_db(path);
}

static void bad_database_is_an_error(void **state)
{
    (void)state;
    char *path = temp_path("bad");
    FILE *f = fopen(path, "w");
    fputs("this is not a database, it is a text file of some length.............................\n", f);
    fclose(f);
    char err[256] = "";
    hk_db *db = hk_db_open(path, err, sizeof err);
    assert_null(db);
    assert_non_null(strstr(err, path));
    remove_db(path);
}

typedef struct stopper {
    atomic_int *cancel;
    atomic_int calls;
    int limit;
} stopper;

static int stopping_run(void *ud, const hk_setup *setup, uint64_t seed, uint64_t run, hk_outcomes *out)
{
    stopper *st = ud;
    if (atomic_fetch_add(&st->calls, 1) + 1 >= st->limit)
        atomic_store(st->cancel, 1);
    return fake_run(NULL, setup, seed, run, out);
}

static void stopped_then_resumed_equals_uninterrupted(void **state)
{
    (void)state;
    enum { RUNS = 1500 };
    hk_setup s = {.scenario = &scenario};
    char err[256];
    char *whole_path = temp_path("whole"), *split_path = temp_path("split");

    hk_ensemble_config cfg = {.setup = &s, .seed = 11, .runs = RUNS, .threads = 2,
                              .db_path = whole_path, .run_fn = fake_run};
    hk_ensemble_result whole;
    assert_int_equal(hk_ensemble_run(&cfg, &whole, err, sizeof err), 0);
    assert_int_equal(whole.runs, RUNS);

    atomic_int stop = 0;
    stopper st = {.cancel = &stop, .limit = 600};
    hk_ensemble_config part = cfg;
    part.db_path = split_path;
    part.cancel = &stop;
    part.run_fn = stopping_run;
    part.run_ud = &st;
    hk_ensemble_result first;
    assert_int_equal(hk_ensemble_run(&part, &first, err, sizeof err), 0);
    assert_true(first.cancelled);
    assert_true(first.runs >= 600 && first.runs < RUNS);

    hk_ensemble_config again = cfg;
    again.db_path = split_path;
    again.resume = true;
    again.threads = 3;
    hk_ensemble_result resumed;
    assert_int_equal(hk_ensemble_run(&again, &resumed, err, sizeof err), 0);
    assert_false(resumed.cancelled);
    assert_int_equal(resumed.runs, RUNS);
    assert_int_equal(resumed.runs_stored, first.runs);
    assert_int_equal(resumed.ensemble_id, first.ensemble_id);

    char *a = dump(whole_path, "select * from run order by run");
    char *b = dump(split_path, "select * from run order by run");
    assert_string_equal(a, b);
    free(a);
    free(b);
    a = dump(whole_path, "select * from run_year order by run, year");
    b = dump(split_path, "select * from run_year order by run, year");
    assert_string_equal(a, b);
    free(a);
    free(b);
    char *ja = stable_json(&whole), *jb = stable_json(&resumed);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);

    /* Resuming a complete ensemble runs nothing and reads everything. */
    hk_ensemble_result done;
    assert_int_equal(hk_ensemble_run(&again, &done, err, sizeof err), 0);
    assert_int_equal(done.runs_stored, RUNS);
    ja = stable_json(&whole);
    jb = stable_json(&done);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);

    /* Without --resume the same setup starts a new ensemble row. */
    hk_ensemble_config fresh = cfg;
    fresh.db_path = split_path;
    fresh.runs = 10;
    hk_ensemble_result other;
    assert_int_equal(hk_ensemble_run(&fresh, &other, err, sizeof err), 0);
    assert_true(other.ensemble_id != resumed.ensemble_id);
    assert_int_equal(other.runs_stored, 0);

    remove_db(whole_path);
    remove_db(split_path);
}

/* Failure injection: a trigger makes SQLite refuse the inserts. An
 * ensemble whose rows cannot be written, or whose row cannot be created,
 * fails with a message instead of reporting runs it did not store, and the
 * rows already there stay as they were. */
static void sqlite_errors_are_reported(void **state)
{
    (void)state;
    hk_setup s = {.scenario = &scenario};
    char *path = temp_path("inject");
    char err[256] = "";
    hk_ensemble_config cfg = {.setup = &s, .seed = 3, .runs = 40, .threads = 1, .db_path = path, .run_fn = fake_run};
    hk_ensemble_result res;
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER inject_run BEFORE INSERT ON run "
                                  "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    /* another seed: a new ensemble row, then its runs refused */
    cfg.seed = 4;
    err[0] = '\0';
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), -1);
    assert_true(strlen(err) > 0);
    /* the ensemble row itself refused */
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "CREATE TRIGGER inject_ensemble BEFORE INSERT ON ensemble "
                                  "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    cfg.seed = 5;
    err[0] = '\0';
    assert_int_equal(hk_ensemble_run(&cfg, &res, err, sizeof err), -1);
    assert_true(strlen(err) > 0);
    /* the first ensemble's 40 runs are intact */
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM run WHERE ensemble_id = 1", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 40);
    sqlite3_finalize(st);
    sqlite3_close(db);
    remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_are_written_as_given),
        cmocka_unit_test(bad_database_is_an_error),
        cmocka_unit_test(sqlite_errors_are_reported),
        cmocka_unit_test(stopped_then_resumed_equals_uninterrupted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
