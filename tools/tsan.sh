#!/usr/bin/env bash
# ThreadSanitizer over the determinism tests (issue 12): the tests that run one batch on
# 1, 2 and 7 threads, so TSan watches every structure replications share (the model, route
# field caches, slots, progress and checkpoint callbacks) under oneTBB's workers.
#
#   bash tools/tsan.sh [doctest arguments]     e.g.  bash tools/tsan.sh -tc='*thread*'
#
# Builds the `tsan` preset (build/tsan, RelWithDebInfo with -fsanitize=thread, no MPI, no
# benches: only bordersim_determinism_tests and the bordersim binary it calls) and runs the
# test binary with the suppressions of tests/tsan.supp. Exit status: the test binary's;
# 66 when TSan reported anything not suppressed (reports go to build/tsan/tsan.log.PID).
#
# When to run it: after changing anything that runs on worker threads (run/batch.cpp, the
# model's shared caches, callbacks of BatchOptions, anything `mutable` in Model). It is not
# in .ci/run: the build takes about 15 CPU-minutes, and the run more than 25 minutes on
# the shared two cores (TSan slows the code 5-15x; it builds the default's route fields
# several times), far beyond CI's budget. Pass -tc to run one test case.
#
# Why suppressions: Debian's libtbb.so.12 is not built with -fsanitize=thread, so TSan does
# not see the atomics through which oneTBB hands a task to a worker and tells the caller it
# is done; each entry of tests/tsan.supp names the report it silences and why it is false.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
fi
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "${BORDERSIM_TSAN_JOBS:-$(nproc)}" --target bordersim_determinism_tests

log="$root/build/tsan/tsan.log"
rm -f "$log".*
# history_size=7 (the most): with 4, TSan often lost the worker's stack of a hand-off report
# ("[failed to restore the stack]"), and tests/tsan.supp, which matches frames, could not
# silence it (35 such reports in one determinism run, session 22); with 7 the settle tests
# lost 6 stacks where 4 lost 47.
export TSAN_OPTIONS="suppressions=$root/tests/tsan.supp exitcode=66 halt_on_error=0 second_deadlock_stack=1 history_size=7 log_path=$log ${TSAN_OPTIONS:-}"
# TSan of GCC 12 maps its shadow at fixed addresses; kernels with 32 bits of mmap
# randomisation (6.x) put libraries there ("unexpected memory mapping"): run without ASLR.
run=(build/tsan/tests/bordersim_determinism_tests "$@")
if setarch "$(uname -m)" -R true 2>/dev/null; then run=(setarch "$(uname -m)" -R "${run[@]}"); fi
status=0
"${run[@]}" || status=$?
reports=$(cat "$log".* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer' || true)
echo "tsan.sh: exit status $status, $reports unsuppressed ThreadSanitizer reports (build/tsan/tsan.log.*)"
exit "$status"
