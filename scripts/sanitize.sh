#!/bin/bash
# sanitize.sh [BUILD_DIR] — builds everything with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer (-fno-sanitize-recover=all: the first
# finding ends the program with an error) and runs the whole ctest suite
# against that build, the browser tests included (`make sanitize` builds
# the web page first, and the build embeds it). Leaks are reported too;
# tests/lsan.supp lists the few that belong to Open MPI's own start-up.
set -euo pipefail
build=${1:-build-sanitize}
src=$(cd "$(dirname "$0")/.." && pwd)
command -v clang >/dev/null || { echo "sanitize: clang is not installed (scripts/install-deps.sh)" >&2; exit 1; }
cmake -S "$src" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHK_SANITIZE=ON >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/tests/lsan.supp:print_suppressions=0}
cd "$build"
ctest --output-on-failure -j "${JOBS:-$(nproc)}" "$@"
