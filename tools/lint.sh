#!/usr/bin/env bash
# The tree's hygiene checks:
#   bash tools/lint.sh format        every tracked C++ file as .clang-format says (clang-format-14);
#                                    --fix rewrites them instead of failing
#   bash tools/lint.sh tidy [FILE..] clang-tidy-14 with .clang-tidy on the library's sources
#                                    (or the files named), against build/release's compile commands
# CI runs `format` (seconds); `tidy` takes ~10 minutes of CPU for sim/ and is for before
# a commit that touches many files. tools/setup.sh installs clang-format-14 and clang-tidy-14.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?usage: tools/lint.sh format [--fix] | tidy [FILE...]}
shift
case $what in
  format)
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
    if [[ ${1:-} == --fix ]]; then
      clang-format-14 -i "${files[@]}"
    else
      clang-format-14 --dry-run --Werror "${files[@]}"
      echo "format: ${#files[@]} files as .clang-format says"
    fi
    ;;
  tidy)
    [[ -f build/release/compile_commands.json ]] || { cmake --preset release >/dev/null; }
    if (($# == 0)); then mapfile -t files < <(git ls-files 'sim/*.cpp'); else files=("$@"); fi
    printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy-14 -p build/release --quiet
    echo "tidy: ${#files[@]} files clean"
    ;;
  *) echo "usage: tools/lint.sh format [--fix] | tidy [FILE...]" >&2; exit 2 ;;
esac
