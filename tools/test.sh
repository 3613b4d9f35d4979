#!/usr/bin/env bash
# Installs what is missing (Debian packages, as root), builds, and runs the whole test
# suite. Usage: tools/test.sh [release|sanitize]   (default: release)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"

bash tools/setup.sh
# Warnings are errors in CI (CI=true), plain warnings for everyone else.
werror=OFF; [[ "${CI:-}" == "true" ]] && werror=ON
cmake --preset "$preset" -DBORDERSIM_WERROR="$werror" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
