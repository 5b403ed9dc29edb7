/* mpi.h — an ensemble over the processes of an MPI job.
 *
 * MPI is started only when the program was launched by mpirun or srun
 * (their environment variables say so); a program started by hand never
 * touches MPI, so the same binary runs anywhere. Each rank runs one
 * contiguous block of run indices; rank 0 gathers the blocks' aggregates and
 * merges them. The aggregates are exact sums (run/stats.h), so the merged
 * result is bit for bit the one a single process gets. Built without MPI,
 * these functions make a job of one process. */
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
/* Combines a per-rank status so all ranks agree (the maximum). */
int hk_mpi_agree(const hk_mpi *m, int status);
void hk_mpi_finish(hk_mpi *m);

#endif
