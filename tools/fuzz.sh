#!/usr/bin/env bash
# Fuzzes the scenario loader and the variant merge (tests/fuzz/scenario_fuzzer.cpp) with
# libFuzzer under AddressSanitizer + UBSan, for a fixed time; exits non-zero on any finding
# (crash, leak, undefined behaviour, an exception other than InputError, a hang or memory
# over the limit). Builds only the loader's few sources with Debian's clang-14, so CI pays
# about two minutes of compilation, not a whole sanitizer build.
#
#   bash tools/fuzz.sh [SECONDS]      (default 90; the build folder is build/fuzz)
#
# Needs clang-14 and libclang-rt-14-dev (libFuzzer, the sanitizer runtimes); tools/setup.sh
# installs them. A finding is saved as build/fuzz/crash-* (or leak-*, timeout-*, oom-*):
# rerun it with build/fuzz/scenario_fuzzer FILE.
set -euo pipefail

seconds=${1:-90}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${BORDERSIM_FUZZ_BUILD:-$root/build/fuzz}
cxx=${BORDERSIM_FUZZ_CXX:-clang++-14}
mkdir -p "$out/obj" "$out/corpus"

# The loader (every source of sim/scenario/ but the sweep, which draws designs) and what it
# calls (the sun, a camera kind's defaults); nothing of the model, GDAL or HDF5.
sources=(tests/fuzz/scenario_fuzzer.cpp sim/sensors/sun.cpp sim/sensors/camera.cpp)
for src in "$root"/sim/scenario/*.cpp; do
  [[ $src == */sweep.cpp ]] || sources+=("${src#"$root"/}")
done
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
       -fno-sanitize-recover=all -I"$root/include")
launcher=()
command -v ccache >/dev/null && launcher=(ccache)
jobs=$(nproc)

# Compiles the stale objects, $jobs at a time; a source or header newer than its object
# makes it stale.
objects=()
pids=()
for src in "${sources[@]}"; do
  obj="$out/obj/$(echo "$src" | tr / _).o"
  objects+=("$obj")
  if [[ ! -f $obj || -n $(find "$root/$src" "$root/include" "$root/sim/scenario" -newer "$obj" -print -quit) ]]; then
    "${launcher[@]}" "$cxx" "${flags[@]}" -c "$root/$src" -o "$obj" &
    pids+=($!)
  fi
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}"
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid"; done
"$cxx" -fsanitize=fuzzer,address,undefined "${objects[@]}" -lfmt -o "$out/scenario_fuzzer"

# Seeds: every shipped scenario and the hand-written ones; the dictionary: JSON tokens
# plus every key the loader knows.
cp "$root"/scenarios/*.json "$root"/tests/fuzz/seeds/*.json "$out/corpus/"
{
  cat "$root/tests/fuzz/scenario.dict"
  grep -ohE 'v\.(field|required)\("[a-z_0-9]+"' "$root"/include/bordersim/scenario/*.h |
    sed -E 's/.*\("([a-z_0-9]+)"/"\\"\1\\""/' | sort -u
} >"$out/scenario.dict"

cd "$out"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ./scenario_fuzzer -max_total_time="$seconds" -dict="$out/scenario.dict" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 "$out/corpus"
