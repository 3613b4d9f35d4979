#!/usr/bin/env bash
# Rewrites tests/regression/<case>/expected.txt from the current build, for every case or
# the cases named. Use it only when a change of the model's behaviour is intended, and say
# in the commit what changed and why (tests/regression/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bordersim_regression
cases=("$@")
if ((${#cases[@]} == 0)); then
  for dir in tests/regression/*/; do [[ -f "$dir/scenario.json" ]] && cases+=("$(basename "$dir")"); done
fi
for case in "${cases[@]}"; do
  build/release/tests/bordersim_regression "tests/regression/$case" --threads 1,2 --update
done
