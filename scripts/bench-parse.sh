#!/usr/bin/env bash
# Parse and validate on its own (BENCHMARKS.md section 3), for a run between full ones:
# `probe parse {serde|from_json|jsonschema}` on each document under callgrind (instructions),
# and the criterion `parse_validate` bench (wall clock), all in one run. Prints both Markdown
# tables of section 3, each figure a ratio to serde_json into the same types measured here.
#
# Usage: bash scripts/bench-parse.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="$ROOT/target/bench"
RESULTS="$ROOT/target/bench-results/parse"
rm -rf "$RESULTS" "$CARGO_TARGET_DIR/criterion/parse_validate"
mkdir -p "$RESULTS"

cargo build -q --release -p modelgen-bench --bin probe
PROBE="$CARGO_TARGET_DIR/release/probe"

# Iterations per document, as in scripts/bench.sh: enough that one-time work is amortized.
docs=("token-request 20000 V3TokenRequest" "customer 5000 Customer" "customer-list-1mb 5 CustomerList")
jobs="$RESULTS/jobs.txt"
: >"$jobs"
for doc in "${docs[@]}"; do
  set -- $doc
  for method in serde from_json jsonschema; do
    echo "$method $1 $2" >>"$jobs"
  done
done
export PROBE RESULTS
# shellcheck disable=SC2016
xargs -P 2 -L 1 bash -c '
  out="$RESULTS/$0.$1.out"
  valgrind --tool=callgrind --toggle-collect="*bench_measured_region*" \
    --callgrind-out-file="$out" "$PROBE" parse "$0" "$1" "$2" >/dev/null 2>"$out.log" ||
    { echo "bench: callgrind $0 $1 failed:" >&2; tail -5 "$out.log" >&2; exit 255; }
' <"$jobs"

cargo bench -q -p modelgen-bench --bench parse_validate -- --noplot >"$RESULTS/criterion.txt" 2>&1

instructions() { grep -E '^(summary|totals):' "$RESULTS/$1.$2.out" | head -1 | awk '{print $2}'; }
median() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["median"]["point_estimate"])' \
    "$CARGO_TARGET_DIR/criterion/parse_validate/$1/$2/new/estimates.json"
}
bytes() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["throughput"]["Bytes"])' \
    "$CARGO_TARGET_DIR/criterion/parse_validate/serde_json/$1/new/benchmark.json"
}

echo "### Instructions per document (callgrind)"
echo
echo "| document | model | bytes | serde_json | from_json | from_json ÷ serde_json (target ≤ 1.25) | jsonschema | jsonschema ÷ from_json (target ≥ 5) | jsonschema ÷ serde_json (the most the previous column can reach) |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for doc in "${docs[@]}"; do
  set -- $doc
  awk -v d="$1" -v m="$3" -v b="$(bytes "$1")" -v n="$2" -v s="$(instructions serde "$1")" \
    -v f="$(instructions from_json "$1")" -v j="$(instructions jsonschema "$1")" '
    function count(x) { x /= n; if (x >= 1e6) return sprintf("%.1f M", x / 1e6);
                        if (x >= 1e3) return sprintf("%.1f k", x / 1e3); return sprintf("%d", x) }
    BEGIN { printf "| %s | %s | %s | %s | %s | %.2f× | %s | %.2f× | %.2f× |\n",
            d, m, b, count(s), count(f), f / s, count(j), j / f, j / s }'
done
echo
echo "### Wall clock (criterion median)"
echo
echo "| document | serde_json | from_json | from_json ÷ serde_json | jsonschema | jsonschema ÷ from_json | jsonschema ÷ serde_json |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for doc in "${docs[@]}"; do
  set -- $doc
  awk -v d="$1" -v s="$(median serde_json "$1")" -v f="$(median from_json "$1")" \
    -v j="$(median jsonschema "$1")" '
    function t(x) { if (x >= 1e6) return sprintf("%.1f ms", x / 1e6);
                    if (x >= 1e3) return sprintf("%.1f µs", x / 1e3); return sprintf("%d ns", x) }
    BEGIN { printf "| %s | %s | %s | %.2f× | %s | %.2f× | %.2f× |\n",
            d, t(s), t(f), f / s, t(j), j / f, j / s }'
done
