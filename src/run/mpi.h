/* mpi.h — an ensemble over the processes of an MPI job.
 *
 * MPI is started only when the program was launched by mpirun or srun
 * (their environment variables say so); a program started by hand never
 * touches MPI, so the same binary runs anywhere. Each rank runs one
 * contiguous block of run indices; rank 0 gathers the blocks' aggregates and
 * merges them. The aggregates are exact sums (run/stats.h), so the merged
 * result is bit for bit the one a single process gets. Built without MPI,
 * these functions make a job of one process.
 *
 * While the ranks run (hk_mpi_ensemble), rank 0 hears from the others:
 * how many runs each has made (for a progress figure of the whole job),
 * their finished runs in batches when rank 0 writes a database, and a stop
 * when one of them was interrupted; it tells them all to stop when it is.
 * Only each process's main thread calls MPI; the ensemble runs on threads
 * of its own meanwhile. */
#ifndef HK_MPI_H
#define HK_MPI_H

#include <stdbool.h>
#include <stdint.h>

#include "run/ensemble.h"

typedef struct hk_mpi {
    int rank, size;
    bool active; /* MPI_Init was called */
} hk_mpi;

/* True when an MPI launcher started this process. */
bool hk_mpi_launched(void);
/* Starts MPI if launched by one (rank 0 of 1 otherwise). Returns 0, or -1
 * if MPI could not start. */
int hk_mpi_start(hk_mpi *m);
/* This rank's block of runs 0 .. runs - 1: [*first, *first + *count). */
void hk_mpi_block(const hk_mpi *m, int64_t runs, int64_t *first, int64_t *count);
/* Merges every rank's result into rank 0's `res` (in rank order) and sets
 * res->processes. Collective: every rank calls it. Returns 0 or -1. */
int hk_mpi_gather(const hk_mpi *m, hk_ensemble_result *res);
/* Runs the ensemble cfg describes, this rank's block of it (cfg->part,
 * first and count are set here). With cfg->db_path, rank 0 alone opens the
 * database, finds the stored runs on --resume and tells each rank which of
 * its runs to skip; the other ranks send their finished runs to rank 0,
 * which writes them (batches of 256, one transaction each). The rows are
 * those of a single process, since run i is the same history everywhere.
 * cfg->cancel set on any rank (a signal) stops every rank after the runs in
 * flight; what was written stays. cfg->progress is called on rank 0 only,
 * about ten times a second, with the whole job's counts. Collective. On
 * return each rank's res holds its block (rank 0's also the stored runs of
 * a resume); merge them with hk_mpi_gather. Returns 0, or -1 with a message
 * in err (empty when another rank failed and said so itself). */
int hk_mpi_ensemble(const hk_mpi *m, const hk_ensemble_config *cfg, hk_ensemble_result *res, char *err,
                    size_t errlen);
/* Combines a per-rank status so all ranks agree (the maximum). */
int hk_mpi_agree(const hk_mpi *m, int status);
void hk_mpi_finish(hk_mpi *m);

#endif
