/* mpi.c — ensembles split over MPI ranks (see mpi.h). */
#include "run/mpi.h"

#include <stdlib.h>
#include <string.h>

#ifdef HK_HAVE_MPI
#include <mpi.h>
#endif

bool hk_mpi_launched(void)
{
    /* Open MPI's mpirun, MPICH/Hydra and Slurm's PMI, PMIx launchers. */
    static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        if (getenv(vars[i]))
            return true;
    return false;
}

int hk_mpi_start(hk_mpi *m)
{
    memset(m, 0, sizeof *m);
    m->size = 1;
#ifdef HK_HAVE_MPI
    if (!hk_mpi_launched())
        return 0;
    int provided;
    /* Only the main thread calls MPI; the workers never do. */
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        return -1;
    m->active = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &m->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m->size);
#endif
    return 0;
}

void hk_mpi_block(const hk_mpi *m, int64_t runs, int64_t *first, int64_t *count)
{
    /* Blocks differ in size by at most one run, the larger ones first. */
    int64_t base = runs / m->size, extra = runs % m->size;
    *first = m->rank * base + (m->rank < extra ? m->rank : extra);
    *count = base + (m->rank < extra ? 1 : 0);
}

int hk_mpi_gather(const hk_mpi *m, hk_ensemble_result *res)
{
    res->processes = m->size;
#ifdef HK_HAVE_MPI
    if (!m->active || m->size == 1)
        return 0;
    /* The result is plain data and every rank is this same binary, so it
     * travels as bytes. */
    hk_ensemble_result *all = NULL;
    if (m->rank == 0) {
        all = calloc((size_t)m->size, sizeof *all);
        if (!all)
            MPI_Abort(MPI_COMM_WORLD, 1);
    }
    if (MPI_Gather(res, (int)sizeof *res, MPI_BYTE, all, (int)sizeof *res, MPI_BYTE, 0, MPI_COMM_WORLD) !=
        MPI_SUCCESS) {
        free(all);
        return -1;
    }
    if (m->rank == 0) {
        hk_ensemble_result merged = all[0];
        for (int r = 1; r < m->size; r++)
            hk_ensemble_result_merge(&merged, &all[r]);
        merged.runs_requested = res->runs_requested;
        merged.processes = m->size;
        *res = merged;
        free(all);
    }
#endif
    return 0;
}

int hk_mpi_agree(const hk_mpi *m, int status)
{
#ifdef HK_HAVE_MPI
    if (m->active && m->size > 1) {
        int all = status;
        MPI_Allreduce(&status, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        return all;
    }
#endif
    (void)m;
    return status;
}

void hk_mpi_finish(hk_mpi *m)
{
#ifdef HK_HAVE_MPI
    if (m->active)
        MPI_Finalize();
#endif
    m->active = false;
}
