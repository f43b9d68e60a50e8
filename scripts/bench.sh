#!/usr/bin/env bash
# Runs every benchmark of the project and writes BENCHMARKS.md.
#
#   1. Generation (criterion, wall clock; and callgrind, instructions): modelgen's
#      Config::check on each corpus folder, all eight in a row, and the synthetic 5,000-page
#      spec, against the read-and-parse floor and typify; peak memory of the modelgen CLI;
#      which published schemas typify cannot read.
#   2. Compile time of the generated code for the largest corpus folder against typify's
#      output (scripts/compile-time.sh).
#   3. Parse and validate (criterion and callgrind): Model::from_json against serde_json into
#      the same types and against the jsonschema crate.
#   4. The no-change rebuild (.ci/rebuild-check.sh).
#   5. Adversarial patterns (criterion): the runtime's pattern matching and the jsonschema
#      crate's on strings of 32, 1,000 and 100,000 characters.
#
# Every figure is a ratio to a baseline measured in the same run.
#
# Usage: bash scripts/bench.sh
# Knobs: SKIP_COMPILE=1, SKIP_REBUILD=1, SKIP_CRITERION=1, SKIP_CALLGRIND=1 leave a part out
#        (BENCHMARKS.md then says so); OUT=FILE writes elsewhere than BENCHMARKS.md.
# Everything it builds goes to target/bench (its own target folder, so that it neither waits
# for nor disturbs other builds of the workspace); results go to target/bench-results.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="$ROOT/target/bench"
RESULTS="$ROOT/target/bench-results"
CORPUS="${MODELGEN_BENCH_CORPUS:-$ROOT/../shared/corpus}"
SYNTHETIC="${MODELGEN_BENCH_SYNTHETIC:-$ROOT/target/synthetic-spec}"
OUT="${OUT:-$ROOT/BENCHMARKS.md}"
export MODELGEN_BENCH_CORPUS="$CORPUS" MODELGEN_BENCH_SYNTHETIC="$SYNTHETIC"
unset RUSTC_WRAPPER || true

FOLDERS=(dub-go dub-go-2024-06 dub-php dub-php-2024-06 dub-python dub-python-2024-06 dub-ts dub-ts-2024-06)
SPECS=("${FOLDERS[@]}" synthetic-5000)

step() { echo "bench: $*" >&2; }
spec_dir() { if [ "$1" = synthetic-5000 ]; then echo "$SYNTHETIC"; else echo "$CORPUS/$1"; fi; }

[ -d "$CORPUS" ] || { echo "bench: the corpus folder $CORPUS does not exist" >&2; exit 1; }
rm -rf "$RESULTS"
mkdir -p "$RESULTS/callgrind" "$RESULTS/schemas"

# ----- the machine -----
{
  echo "started=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "rustc=$(rustc -V)"
  echo "cargo=$(cargo -V)"
  echo "valgrind=$(valgrind --version 2>/dev/null || echo none)"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULTS/machine.txt"

# ----- build -----
step "building modelgen and the benchmarks (release) into $CARGO_TARGET_DIR"
cargo build -q --release -p modelgen -p modelgen-bench --bins
cargo bench -q -p modelgen-bench --no-run 2>/dev/null
MODELGEN="$CARGO_TARGET_DIR/release/modelgen"
PROBE="$CARGO_TARGET_DIR/release/probe"
awk '/^name = / {n = $3; gsub(/"/, "", n)} /^version = / {v = $3; gsub(/"/, "", v);
  if (n ~ /^(typify|jsonschema|criterion|serde_json|syn|prettyplease|pulldown-cmark)$/) print n "=" v}' \
  Cargo.lock | sort -u >"$RESULTS/versions.txt"

# ----- the synthetic spec -----
step "writing the synthetic spec to $SYNTHETIC"
python3 scripts/synthetic-spec.py "$SYNTHETIC" --pages 5000 2>"$RESULTS/synthetic.txt"

# ----- published schemas, typify's verdict on them -----
for spec in "${SPECS[@]}"; do
  "$MODELGEN" generate "$(spec_dir "$spec")" --schemas "$RESULTS/schemas/$spec" >/dev/null 2>&1
  "$PROBE" readability "$spec" "$RESULTS/schemas/$spec" >>"$RESULTS/readability.md"
done

# ----- criterion -----
if [ "${SKIP_CRITERION:-0}" != 1 ]; then
  rm -rf "$CARGO_TARGET_DIR/criterion"
  step "criterion: generation (several minutes)"
  cargo bench -q -p modelgen-bench --bench generation -- --noplot >"$RESULTS/criterion-generation.txt" 2>&1
  step "criterion: parse_validate"
  cargo bench -q -p modelgen-bench --bench parse_validate -- --noplot >"$RESULTS/criterion-parse.txt" 2>&1
  step "criterion: adversarial patterns"
  cargo bench -q -p modelgen-bench --bench patterns -- --noplot >"$RESULTS/criterion-patterns.txt" 2>&1
  cp -r "$CARGO_TARGET_DIR/criterion" "$RESULTS/criterion"
fi

# ----- callgrind: instructions, two at a time (counts do not depend on the load) -----
if [ "${SKIP_CALLGRIND:-0}" != 1 ]; then
  step "callgrind: generation and parsing (instruction counts; slow: about 100x native)"
  jobs_file="$RESULTS/callgrind/jobs.txt"
  : >"$jobs_file"
  for spec in "${SPECS[@]}"; do
    echo "floor $spec floor $(spec_dir "$spec")" >>"$jobs_file"
    echo "modelgen $spec check $(spec_dir "$spec")" >>"$jobs_file"
    echo "typify $spec typify $RESULTS/schemas/$spec" >>"$jobs_file"
  done
  # Iterations per document: enough that one-time work (regex compilation) is amortized.
  for doc in "token-request 20000" "customer 5000" "customer-list-1mb 5"; do
    set -- $doc
    for method in serde from_json jsonschema; do
      echo "parse-$method $1 parse $method $1 $2" >>"$jobs_file"
    done
  done
  export PROBE RESULTS
  # shellcheck disable=SC2016
  xargs -P 2 -L 1 bash -c '
    name="$0"; spec="$1"; shift
    out="$RESULTS/callgrind/$name.$spec.out"
    valgrind --tool=callgrind --toggle-collect="*bench_measured_region*" \
      --callgrind-out-file="$out" "$PROBE" "$@" >/dev/null 2>"$out.log" ||
      { echo "bench: callgrind $name $spec failed:" >&2; tail -5 "$out.log" >&2; exit 255; }
  ' <"$jobs_file"
  for out in "$RESULTS"/callgrind/*.out; do
    base="$(basename "$out" .out)"
    total="$(grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}')"
    printf '%s\t%s\t%s\n' "${base%%.*}" "${base#*.}" "$total"
  done | sort >"$RESULTS/instructions.tsv"
  callgrind_annotate --inclusive=yes --threshold=100 "$RESULTS/callgrind/modelgen.dub-php.out" \
    >"$RESULTS/profile-dub-php.txt" 2>/dev/null
  callgrind_annotate --inclusive=yes --threshold=100 "$RESULTS/callgrind/modelgen.synthetic-5000.out" \
    >"$RESULTS/profile-synthetic.txt" 2>/dev/null
  callgrind_annotate --inclusive=yes --threshold=100 "$RESULTS/callgrind/parse-from_json.customer-list-1mb.out" \
    >"$RESULTS/profile-from_json.txt" 2>/dev/null
fi

# ----- peak memory and CPU time of the CLI, against the floor and typify -----
step "peak memory (/usr/bin/time -v)"
for spec in "${SPECS[@]}"; do
  dir="$(spec_dir "$spec")"
  for what in "modelgen $MODELGEN check $dir" "floor $PROBE floor $dir" "typify $PROBE typify $RESULTS/schemas/$spec"; do
    set -- $what
    name="$1"; shift
    /usr/bin/time -v -o "$RESULTS/time.txt" "$@" >/dev/null 2>&1 || true
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$RESULTS/time.txt")"
    user="$(awk -F': ' '/User time/ {print $2}' "$RESULTS/time.txt")"
    sys="$(awk -F': ' '/System time/ {print $2}' "$RESULTS/time.txt")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$spec" "$rss" "$user" "$sys" >>"$RESULTS/memory.tsv"
  done
done
rm -f "$RESULTS/time.txt"

# ----- compile time -----
if [ "${SKIP_COMPILE:-0}" != 1 ]; then
  step "compile time of the generated code (dub-php; several minutes)"
  BENCH_TARGET="$CARGO_TARGET_DIR" bash scripts/compile-time.sh dub-php >"$RESULTS/compile-time.tsv" 2>"$RESULTS/compile-time.log"
  python3 scripts/rust-breakdown.py "$ROOT/target/bench-compile/modelgen/src/generated.rs" >"$RESULTS/rust-breakdown.tsv"
fi

# ----- the no-change rebuild -----
if [ "${SKIP_REBUILD:-0}" != 1 ]; then
  step "no-change rebuild (.ci/rebuild-check.sh; a fresh build of the models crate)"
  if bash .ci/rebuild-check.sh >"$RESULTS/rebuild-check.txt" 2>&1; then
    echo ok >"$RESULTS/rebuild-check.status"
  else
    echo failed >"$RESULTS/rebuild-check.status"
  fi
fi

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/machine.txt"
echo "finished=$(date -u '+%Y-%m-%d %H:%M UTC')" >>"$RESULTS/machine.txt"
step "writing $OUT"
python3 scripts/bench-report.py "$RESULTS" >"$OUT"
step "done: $OUT"
