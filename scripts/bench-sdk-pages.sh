#!/usr/bin/env bash
# Generation of the newest SDK page forms against the read-and-parse floor, in instructions
# (callgrind, as in BENCHMARKS.md section 1): `probe floor` and `probe check` on each folder of
# ../shared/sdk-pages, with the largest Dub folder as a reference row measured in the same run.
# Prints a Markdown table; BENCHMARKS.md section 1b holds its last output.
#
# Usage: bash scripts/bench-sdk-pages.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="$ROOT/target/bench"
SDK_PAGES="${MODELGEN_BENCH_SDK_PAGES:-$ROOT/../shared/sdk-pages}"
CORPUS="${MODELGEN_BENCH_CORPUS:-$ROOT/../shared/corpus}"
RESULTS="$ROOT/target/bench-results/sdk-pages"
[ -d "$SDK_PAGES" ] || { echo "bench: $SDK_PAGES does not exist" >&2; exit 1; }
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

cargo build -q --release -p modelgen-bench --bin probe
PROBE="$CARGO_TARGET_DIR/release/probe"

jobs="$RESULTS/jobs.txt"
: >"$jobs"
for dir in "$CORPUS/dub-php" "$SDK_PAGES"/*/; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  echo "floor $name $dir" >>"$jobs"
  echo "check $name $dir" >>"$jobs"
done
export PROBE RESULTS
# shellcheck disable=SC2016
xargs -P 2 -L 1 bash -c '
  out="$RESULTS/$0.$1.out"
  valgrind --tool=callgrind --toggle-collect="*bench_measured_region*" \
    --callgrind-out-file="$out" "$PROBE" "$0" "$2" >/dev/null 2>"$out.log" ||
    { echo "bench: callgrind $0 $1 failed:" >&2; tail -5 "$out.log" >&2; exit 255; }
' <"$jobs"

instructions() { grep -E '^(summary|totals):' "$RESULTS/$1.$2.out" | head -1 | awk '{print $2}'; }
echo "| folder | pages | floor | modelgen | modelgen ÷ floor (target ≤ 3) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for dir in "$CORPUS/dub-php" "$SDK_PAGES"/*/; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  pages="$(find "$dir" -name '*.md' | wc -l)"
  floor="$(instructions floor "$name")"
  check="$(instructions check "$name")"
  awk -v n="$name" -v p="$pages" -v f="$floor" -v c="$check" \
    'BEGIN { printf "| %s | %d | %.1f M | %.1f M | %.2f× |\n", n, p, f / 1e6, c / 1e6, c / f }'
done
