/* db.c — the SQLite store of ensembles (see db.h and docs/data.md). */
#include "run/db.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct hk_db {
    sqlite3 *sql;
    sqlite3_stmt *insert_run, *insert_year;
    char path[1024];
};

/* Extra per-run columns, kept for validation against the record. */
static const char *const extra_columns[] = {"major_battle_casualties_jpn", "major_battle_casualties_sov",
                                            "intervention_dead"};
#define N_EXTRA ((int)(sizeof extra_columns / sizeof extra_columns[0]))

/* The message of a failed call, from its own result code: the
 * connection's last message may belong to a later call that succeeded
 * ("not an error"). A damaged file gets what to do about it. */
static void db_error_rc(hk_db *db, int rc, char *err, size_t errlen, const char *what)
{
    const char *msg = db && db->sql && sqlite3_errcode(db->sql) == rc ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);
    int primary = rc & 0xff;
    snprintf(err, errlen, "%s: %s%s", what, msg,
             primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
                 ? " (the database file is damaged: move it aside and run again without --resume, or restore a copy)"
                 : "");
}

static void db_error(hk_db *db, char *err, size_t errlen, const char *what)
{
    db_error_rc(db, db && db->sql ? sqlite3_errcode(db->sql) : SQLITE_NOMEM, err, errlen, what);
}

static int db_exec(hk_db *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s", msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* Appends to a fixed buffer; the statements are short and known. */
static void cat(char *buf, size_t cap, const char *s)
{
    size_t len = strlen(buf);
    snprintf(buf + len, cap - len, "%s", s);
}

static int db_create_tables(hk_db *db, char *err, size_t errlen)
{
    char sql[4096] = "";
    cat(sql, sizeof sql,
        "CREATE TABLE IF NOT EXISTS ensemble("
        " id INTEGER PRIMARY KEY,"
        " seed INTEGER NOT NULL,"
        " runs_requested INTEGER NOT NULL,"
        " setup_json TEXT NOT NULL,"
        " created TEXT NOT NULL,"
        " version TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS run("
        " ensemble_id INTEGER NOT NULL REFERENCES ensemble(id),"
        " run INTEGER NOT NULL");
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        cat(sql, sizeof sql, ", ");
        cat(sql, sizeof sql, hk_outcome_table[i].name);
        cat(sql, sizeof sql, hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION ? " INTEGER" : " REAL");
    }
    for (int i = 0; i < N_EXTRA; i++) {
        cat(sql, sizeof sql, ", ");
        cat(sql, sizeof sql, extra_columns[i]);
        cat(sql, sizeof sql, " REAL");
    }
    cat(sql, sizeof sql,
        ", PRIMARY KEY(ensemble_id, run)) WITHOUT ROWID;"
        "CREATE TABLE IF NOT EXISTS run_year("
        " ensemble_id INTEGER NOT NULL REFERENCES ensemble(id),"
        " run INTEGER NOT NULL,"
        " year INTEGER NOT NULL,"
        " incidents INTEGER NOT NULL,"
        " doctrine_jpn REAL,"
        " soviet_far_east_men REAL,"
        " japan_manchuria_men REAL,"
        " PRIMARY KEY(ensemble_id, run, year)) WITHOUT ROWID;");
    return db_exec(db, sql, err, errlen);
}

static int db_prepare(hk_db *db, char *err, size_t errlen)
{
    char sql[4096] = "INSERT OR IGNORE INTO run(ensemble_id, run";
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        cat(sql, sizeof sql, ", ");
        cat(sql, sizeof sql, hk_outcome_table[i].name);
    }
    for (int i = 0; i < N_EXTRA; i++) {
        cat(sql, sizeof sql, ", ");
        cat(sql, sizeof sql, extra_columns[i]);
    }
    cat(sql, sizeof sql, ") VALUES(?, ?");
    for (int i = 0; i < HK_OUTCOME_COUNT + N_EXTRA; i++)
        cat(sql, sizeof sql, ", ?");
    cat(sql, sizeof sql, ")");
    if (sqlite3_prepare_v2(db->sql, sql, -1, &db->insert_run, NULL) != SQLITE_OK) {
        db_error(db, err, errlen, "the database's run table does not match this version of hokushin");
        return -1;
    }
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT OR IGNORE INTO run_year(ensemble_id, run, year, incidents, doctrine_jpn,"
                           " soviet_far_east_men, japan_manchuria_men) VALUES(?, ?, ?, ?, ?, ?, ?)",
                           -1, &db->insert_year, NULL) != SQLITE_OK) {
        db_error(db, err, errlen, "the database's run_year table does not match this version of hokushin");
        return -1;
    }
    return 0;
}

/* Whether the folder that would hold `path` is missing: SQLite's own
 * message ("unable to open database file") does not say. */
static bool folder_missing(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return false;
    char dir[4096];
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    if (n >= sizeof dir)
        return false;
    memcpy(dir, path, n);
    dir[n] = '\0';
    struct stat st;
    return stat(dir, &st) != 0 || !S_ISDIR(st.st_mode);
}

hk_db *hk_db_open(const char *path, char *err, size_t errlen)
{
    hk_db *db = calloc(1, sizeof *db);
    if (!db) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    snprintf(db->path, sizeof db->path, "%s", path);
    if (sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot open the database: %s%s", path,
                 db->sql ? sqlite3_errmsg(db->sql) : "out of memory", folder_missing(path) ? " (does the folder exist?)" : "");
        hk_db_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db->sql, 5000);
    char why[512];
    /* WAL lets readers (R, pandas, the web page) look while an ensemble
     * writes; NORMAL syncs at checkpoints, which in WAL mode still never
     * corrupts the database and only risks the last transactions on power loss. */
    if (db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", why,
                sizeof why) != 0 ||
        db_create_tables(db, why, sizeof why) != 0 || db_prepare(db, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s: %s", path, why);
        hk_db_close(db);
        return NULL;
    }
    return db;
}

void hk_db_close(hk_db *db)
{
    if (!db)
        return;
    sqlite3_finalize(db->insert_run);
    sqlite3_finalize(db->insert_year);
    sqlite3_close(db->sql);
    free(db);
}

int64_t hk_db_ensemble_find(hk_db *db, uint64_t seed, const char *setup_json)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "SELECT id FROM ensemble WHERE seed = ? AND setup_json = ? ORDER BY id DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)seed);
    sqlite3_bind_text(st, 2, setup_json, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return id;
}

int64_t hk_db_ensemble_create(hk_db *db, uint64_t seed, int64_t runs_requested, const char *setup_json, char *err,
                              size_t errlen)
{
    char created[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO ensemble(seed, runs_requested, setup_json, created, version) VALUES(?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK) {
        db_error(db, err, errlen, "cannot record the ensemble");
        return -1;
    }
    sqlite3_bind_int64(st, 1, (sqlite3_int64)seed);
    sqlite3_bind_int64(st, 2, runs_requested);
    sqlite3_bind_text(st, 3, setup_json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, created, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, HK_VERSION, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        db_error_rc(db, rc, err, errlen, "cannot record the ensemble");
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return -1;
    return sqlite3_last_insert_rowid(db->sql);
}

int hk_db_ensemble_set_requested(hk_db *db, int64_t id, int64_t runs_requested)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->sql, "UPDATE ensemble SET runs_requested = max(runs_requested, ?) WHERE id = ?", -1,
                           &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, runs_requested);
    sqlite3_bind_int64(st, 2, id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static double column_double(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN : sqlite3_column_double(st, col);
}

int hk_db_each_run(hk_db *db, int64_t id, void (*fn)(void *ud, const hk_db_run *r), void *ud, char *err,
                   size_t errlen)
{
    char sql[4096] = "SELECT run";
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        cat(sql, sizeof sql, ", ");
        cat(sql, sizeof sql, hk_outcome_table[i].name);
    }
    cat(sql, sizeof sql, " FROM run WHERE ensemble_id = ? ORDER BY run");
    sqlite3_stmt *runs = NULL, *years = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &runs, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql,
                           "SELECT run, year, incidents FROM run_year WHERE ensemble_id = ? ORDER BY run, year", -1,
                           &years, NULL) != SQLITE_OK) {
        db_error(db, err, errlen, "cannot read the stored runs");
        sqlite3_finalize(runs);
        return -1;
    }
    sqlite3_bind_int64(runs, 1, id);
    sqlite3_bind_int64(years, 1, id);
    /* Both tables are walked in (run, year) order together, a merge join.
     * Every step's result is checked: a cursor that stops on an error
     * (a damaged page) must not pass for the end of the table. */
    int yrc = sqlite3_step(years);
    int rc;
    while ((rc = sqlite3_step(runs)) == SQLITE_ROW) {
        hk_db_run r;
        memset(&r, 0, sizeof r);
        r.run = sqlite3_column_int64(runs, 0);
        for (int i = 0; i < HK_OUTCOME_COUNT; i++)
            r.value[i] = column_double(runs, 1 + i);
        while (yrc == SQLITE_ROW && sqlite3_column_int64(years, 0) < r.run)
            yrc = sqlite3_step(years);
        while (yrc == SQLITE_ROW && sqlite3_column_int64(years, 0) == r.run) {
            int y = sqlite3_column_int(years, 1) - HK_YEAR_FIRST;
            if (y >= 0 && y < HK_YEARS)
                r.incidents[y] = sqlite3_column_int(years, 2);
            yrc = sqlite3_step(years);
        }
        if (yrc != SQLITE_ROW && yrc != SQLITE_DONE)
            break;
        fn(ud, &r);
    }
    int bad = 0;
    if (yrc != SQLITE_ROW && yrc != SQLITE_DONE) {
        db_error_rc(db, yrc, err, errlen, "cannot read the stored runs' years");
        bad = 1;
    } else if (rc != SQLITE_DONE) {
        db_error_rc(db, rc, err, errlen, "cannot read the stored runs");
        bad = 1;
    }
    sqlite3_finalize(runs);
    sqlite3_finalize(years);
    return bad ? -1 : 0;
}

int hk_db_check(hk_db *db, char *err, size_t errlen)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->sql, "PRAGMA quick_check", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        db_error_rc(db, rc, err, errlen, db->path);
        return -1;
    }
    char first[300] = "";
    int problems = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (line && strcmp(line, "ok") == 0)
            continue;
        if (!problems++) {
            /* one line of SQLite's report, without its heading */
            const char *t = line ? line : "?";
            if (strncmp(t, "*** in database", 15) == 0 && strchr(t, '\n'))
                t = strchr(t, '\n') + 1;
            snprintf(first, sizeof first, "%.*s", (int)strcspn(t, "\n"), t);
        }
    }
    if (rc != SQLITE_DONE) {
        char what[1200];
        snprintf(what, sizeof what, "%s: the integrity check could not finish", db->path);
        db_error_rc(db, rc, err, errlen, what);
        sqlite3_finalize(st);
        return -1;
    }
    sqlite3_finalize(st);
    if (problems) {
        snprintf(err, errlen,
                 "%s: the database is damaged (%d problem%s, first: %s); its stored runs cannot be trusted: move "
                 "the file aside and run again without --resume, or restore a copy",
                 db->path, problems, problems == 1 ? "" : "s", first);
        return -1;
    }
    return 0;
}

static void bind_real_or_null(sqlite3_stmt *st, int col, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, col);
    else
        sqlite3_bind_double(st, col, v);
}

static int db_insert_run(hk_db *db, int64_t id, int64_t run, const hk_outcomes *o)
{
    sqlite3_stmt *st = db->insert_run;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, run);
    for (int i = 0; i < HK_OUTCOME_COUNT; i++) {
        double v = hk_outcome_value(o, i);
        if (hk_outcome_table[i].kind == HK_OUTCOME_PROPORTION && !isnan(v))
            sqlite3_bind_int(st, 3 + i, v != 0);
        else
            bind_real_or_null(st, 3 + i, v);
    }
    int col = 3 + HK_OUTCOME_COUNT;
    bind_real_or_null(st, col++, o->major_battle_casualties[0]);
    bind_real_or_null(st, col++, o->major_battle_casualties[1]);
    bind_real_or_null(st, col++, o->intervention_dead);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        return rc;
    sqlite3_stmt *ys = db->insert_year;
    for (int y = 0; y < HK_YEARS; y++) {
        sqlite3_reset(ys);
        sqlite3_bind_int64(ys, 1, id);
        sqlite3_bind_int64(ys, 2, run);
        sqlite3_bind_int(ys, 3, HK_YEAR_FIRST + y);
        sqlite3_bind_int(ys, 4, o->incidents_per_year[y]);
        bind_real_or_null(ys, 5, o->doctrine_jpn_by_year[y]);
        bind_real_or_null(ys, 6, o->soviet_far_east_men_by_year[y]);
        bind_real_or_null(ys, 7, o->japan_manchuria_men_by_year[y]);
        rc = sqlite3_step(ys);
        if (rc != SQLITE_DONE)
            return rc;
    }
    return SQLITE_OK;
}

int hk_db_write_runs(hk_db *db, int64_t id, const int64_t *runs, const hk_outcomes *outs, int n, char *err,
                     size_t errlen)
{
    if (n <= 0)
        return 0;
    char why[256];
    if (db_exec(db, "BEGIN IMMEDIATE", why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot write runs: %s", why);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int rc = db_insert_run(db, id, runs[i], &outs[i]);
        if (rc != SQLITE_OK) {
            db_error_rc(db, rc, err, errlen, "cannot write a run");
            db_exec(db, "ROLLBACK", why, sizeof why);
            return -1;
        }
    }
    if (db_exec(db, "COMMIT", why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot commit runs: %s", why);
        db_exec(db, "ROLLBACK", why, sizeof why);
        return -1;
    }
    return 0;
}
