#!/usr/bin/env bash
# Installs what is missing (Debian packages, as root), builds, and runs the whole test
# suite. Usage: tools/test.sh [release|sanitize]   (default: release)
# Extra arguments go to ctest (for example -L unit, -LE heavy, -R regression).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true

bash tools/setup.sh
# ccache (installed by setup.sh) makes rebuilds and a second build tree cheap; relative
# paths under the checkout let two checkouts share the cache.
if command -v ccache >/dev/null; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
# Warnings are errors in CI (CI=true), plain warnings for everyone else.
werror=OFF; [[ "${CI:-}" == "true" ]] && werror=ON
cmake --preset "$preset" -DBORDERSIM_WERROR="$werror" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" "$@"
