#!/usr/bin/env bash
# Style gate of tools/test.sh: fails on any finding.
# - clang-format (.clang-format) over every C++ file of src/, include/ and tests/.
# - clang-tidy over the C++ sources changed since the merge-base with main (all of them with --all), with the
#   checks named below as errors: the bug-finding ones of .clang-tidy. The full .clang-tidy set is advice for
#   editors; the gate keeps to checks the code base passes, so that a finding is always worth fixing.
# Needs a configured build/dev (compile_commands.json) for clang-tidy.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t cpp < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
clang-format --dry-run -Werror "${cpp[@]}"
echo "clang-format: ${#cpp[@]} files formatted"

gate_checks='-*,bugprone-use-after-move,bugprone-dangling-handle,bugprone-undefined-memory-manipulation,bugprone-infinite-loop,bugprone-string-constructor,bugprone-suspicious-string-compare,performance-move-const-arg,performance-unnecessary-copy-initialization,clang-analyzer-core.*,clang-analyzer-cplusplus.*'
if [[ "${1:-}" == --all ]]; then
  mapfile -t changed < <(git ls-files 'src/*.cpp')
else
  base=$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main 2>/dev/null || git rev-parse HEAD)
  mapfile -t changed < <( (git diff --name-only --diff-filter=d "$base" -- 'src/*.cpp'; \
                           git ls-files --others --exclude-standard 'src/*.cpp') | sort -u)
fi
if ((${#changed[@]} == 0)); then
  echo "clang-tidy: no changed source file"
  exit 0
fi
clang-tidy -p build/dev --quiet --checks="$gate_checks" --warnings-as-errors='*' "${changed[@]}"
echo "clang-tidy: ${#changed[@]} files clean"
