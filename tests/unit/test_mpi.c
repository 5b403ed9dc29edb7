/* test_mpi.c — ensembles over MPI ranks. Without a launcher: the blocks of
 * runs the ranks take are contiguous, disjoint, cover every run and differ
 * in size by at most one, for any number of ranks. Then, when mpirun is on
 * the machine and the program is built with MPI, the test starts itself
 * under `mpirun -np 2`: the two ranks' gathered ensemble must equal one
 * process's, to the bit (JSON without the timing fields). Without mpirun it
 * exits 77, which ctest reports as a skip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_builtin.h"
#include "fixture_ensemble.h"
#include "out/ensemble_out.h"
#include "out/json.h"
#include "run/mpi.h"

static void test_blocks(void **state)
{
    (void)state;
    for (int size = 1; size <= 9; size++)
        for (int64_t runs = 0; runs <= 40; runs++) {
            int64_t next = 0, lo = INT64_MAX, hi = 0;
            for (int rank = 0; rank < size; rank++) {
                hk_mpi m = {.rank = rank, .size = size, .active = false};
                int64_t first, count;
                hk_mpi_block(&m, runs, &first, &count);
                assert_int_equal(first, next); /* contiguous, in rank order */
                assert_true(count >= 0);
                next = first + count;
                lo = count < lo ? count : lo;
                hi = count > hi ? count : hi;
            }
            assert_int_equal(next, runs); /* every run, once */
            assert_true(hi - lo <= 1);
        }
}

/* Under mpirun: each rank runs its block; rank 0 compares the merge with a
 * single process's ensemble. Returns the exit status. */
static int ranks_job(void)
{
    hk_mpi m;
    if (hk_mpi_start(&m) != 0 || fx_builtin_setup(NULL) != 0)
        return 1;
    hk_setup su;
    hk_setup_init(&su, scenario);
    hk_ensemble_config cfg = {.setup = &su, .seed = 5, .runs = 60, .threads = 1};
    hk_ensemble_result res;
    char err[256];
    int rc = hk_mpi_ensemble(&m, &cfg, &res, err, sizeof err) == 0 && hk_mpi_gather(&m, &res) == 0 ? 0 : 1;
    if (rc == 0 && m.rank == 0) {
        hk_ensemble_config one = {.setup = &su, .seed = 5, .runs = 60, .threads = 1};
        hk_ensemble_result single;
        rc = hk_ensemble_run(&one, &single, err, sizeof err) == 0 ? 0 : 1;
        char *a = stable_json(&res), *b = rc == 0 ? stable_json(&single) : NULL;
        if (!a || !b || strcmp(a, b) != 0) {
            fprintf(stderr, "2 ranks:\n%s\n1 process:\n%s\n", a ? a : "?", b ? b : "?");
            rc = 1;
        }
        free(a);
        free(b);
    }
    rc = hk_mpi_agree(&m, rc);
    fx_builtin_teardown(NULL);
    hk_mpi_finish(&m);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--ranks") == 0)
        return ranks_job();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    if (failed)
        return failed;
#ifdef HK_HAVE_MPI
    if (system("command -v mpirun > /dev/null 2>&1") != 0) {
        printf("mpirun missing: the two-rank ensemble is skipped\n");
        return 77;
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             /* Under AddressSanitizer, full stacks for each allocation: Open MPI's
              * start-up allocations are in plugins it has unloaded by the exit,
              * and only the full stack names the library tests/lsan.supp lists. */
             "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0\" "
             "OMPI_MCA_plm=isolated OMPI_MCA_btl=self,vader OMPI_MCA_rmaps_base_oversubscribe=1 "
             "mpirun --allow-run-as-root --oversubscribe -np 2 '%s' --ranks",
             argv[0]);
    int rc = system(cmd);
    if (rc != 0) {
        fprintf(stderr, "the two-rank ensemble failed (status %d)\n", rc);
        return 1;
    }
    printf("two ranks give the single process's ensemble\n");
    return 0;
#else
    printf("built without MPI: the two-rank ensemble is skipped\n");
    return 77;
#endif
}
