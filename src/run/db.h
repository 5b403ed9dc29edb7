/* db.h — ensembles in SQLite, one row per run, for R, pandas and resuming.
 *
 * Tables (documented with examples in docs/data.md):
 *   ensemble(id, seed, runs_requested, setup_json, created, version)
 *   run(ensemble_id, run, <one column per outcome>, major_battle_casualties_jpn,
 *       major_battle_casualties_sov, intervention_dead)
 *   run_year(ensemble_id, run, year, incidents, doctrine_jpn,
 *            soviet_far_east_men, japan_manchuria_men)
 * The database runs in WAL mode with synchronous=NORMAL: a batch of runs is
 * one transaction, so a killed process loses at most the batches in flight
 * and never leaves half a run behind. Not thread-safe: one writer at a time. */
#ifndef HK_DB_H
#define HK_DB_H

#include <stddef.h>
#include <stdint.h>

#include "world/api.h"

typedef struct hk_db hk_db;

/* What an ensemble needs back from a stored run: its outcome values in
 * hk_outcome_table order (NaN where absent) and its incidents per year. */
typedef struct hk_db_run {
    int64_t run;
    double value[HK_OUTCOME_COUNT];
    int incidents[HK_YEARS];
} hk_db_run;

/* Opens or creates the database and its tables; NULL with a message in err
 * that begins with the path ("PATH: cannot open the database: ..."). */
hk_db *hk_db_open(const char *path, char *err, size_t errlen);
void hk_db_close(hk_db *db);

/* PRAGMA quick_check: 0 if the file is sound, else -1 with a message in
 * err that names the file, the first problem and what to do. Run before a
 * resume trusts the stored runs. */
int hk_db_check(hk_db *db, char *err, size_t errlen);

/* The newest ensemble with this seed and setup, or 0 if none (-1 on error). */
int64_t hk_db_ensemble_find(hk_db *db, uint64_t seed, const char *setup_json);
/* A new ensemble row; its id, or -1 with a message in err. */
int64_t hk_db_ensemble_create(hk_db *db, uint64_t seed, int64_t runs_requested, const char *setup_json,
                              char *err, size_t errlen);
/* Raises runs_requested of an ensemble (a resume that asks for more). */
int hk_db_ensemble_set_requested(hk_db *db, int64_t id, int64_t runs_requested);

/* Calls fn for every stored run of the ensemble, in run order. Returns 0, or
 * -1 with a message in err (a database not written by this version). */
int hk_db_each_run(hk_db *db, int64_t id, void (*fn)(void *ud, const hk_db_run *r), void *ud, char *err,
                   size_t errlen);

/* Writes n runs in one transaction; a run already stored is left as it is.
 * Returns 0, or -1 with a message in err. */
int hk_db_write_runs(hk_db *db, int64_t id, const int64_t *runs, const hk_outcomes *outs, int n, char *err,
                     size_t errlen);

#endif
