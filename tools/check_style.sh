#!/usr/bin/env bash
# Style gate of tools/test.sh: fails on any finding.
# - clang-format (.clang-format) over every C++ file of src/, include/ and tests/.
# - clang-tidy over the C++ sources changed recently (see below; all of them with --all), with the checks
#   named below as errors: the bug-finding ones of .clang-tidy. The full .clang-tidy set is advice for
#   editors; the gate keeps to checks the code base passes, so that a finding is always worth fixing.
# Needs a configured build/dev (compile_commands.json) for clang-tidy.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t cpp < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
clang-format --dry-run -Werror "${cpp[@]}"
echo "clang-format: ${#cpp[@]} files formatted"

gate_checks='-*,bugprone-use-after-move,bugprone-dangling-handle,bugprone-undefined-memory-manipulation,bugprone-infinite-loop,bugprone-string-constructor,bugprone-suspicious-string-compare,performance-move-const-arg,performance-unnecessary-copy-initialization,clang-analyzer-core.*,clang-analyzer-cplusplus.*'
# Which sources clang-tidy checks: --all: every one (about 4 minutes on 2 cores); on a branch: those changed since
# its merge-base with main; on main itself (a clean clone in CI, where the merge-base is HEAD): those changed by
# the last $STATIONMAP_TIDY_COMMITS commits (default 10), so that CI always checks the newest code.
head=$(git rev-parse HEAD)
base=$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main 2>/dev/null || echo "$head")
if [[ "${1:-}" == --all ]]; then
  mapfile -t changed < <(git ls-files 'src/*.cpp')
elif [[ "$base" != "$head" ]]; then
  mapfile -t changed < <( (git diff --name-only --diff-filter=d "$base" -- 'src/*.cpp'; \
                           git ls-files --others --exclude-standard 'src/*.cpp') | sort -u)
else
  commits=${STATIONMAP_TIDY_COMMITS:-10}
  first=$(git rev-list --max-count="$commits" HEAD | tail -n 1)
  since=$(git rev-parse --verify --quiet "$first^" || git hash-object -t tree /dev/null)
  mapfile -t changed < <( (git diff --name-only --diff-filter=d "$since" -- 'src/*.cpp'; \
                           git ls-files --others --exclude-standard 'src/*.cpp') | sort -u)
fi
if ((${#changed[@]} == 0)); then
  echo "clang-tidy: no changed source file"
  exit 0
fi
printf '%s\n' "${changed[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p build/dev --quiet --checks="$gate_checks" --warnings-as-errors='*'
echo "clang-tidy: ${#changed[@]} files clean"
