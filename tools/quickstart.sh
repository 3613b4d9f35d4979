#!/usr/bin/env bash
# Installs what is missing (Debian packages, as root), builds bordersim, and runs the
# built-in default scenario: prints the results table and writes results/default.h5.
# Extra arguments go to `bordersim run` (for example -n 50 -j 2).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
mkdir -p results
build/release/bordersim run -o results/default.h5 "$@"
