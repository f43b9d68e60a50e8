#!/usr/bin/env bash
# Fuzzes the generator and the generated models with cargo-fuzz (libFuzzer) for a bounded time
# and fails on any crash:
#
#   read_page  arbitrary bytes as model pages: read, resolve, render diagnostics, emit Rust and
#              JSON Schemas, all in memory (fuzz/src/lib.rs)
#   type_cell  arbitrary text as one Type cell
#   document   arbitrary bytes as a JSON document: from_json and validate_json of the models of
#              spec/ and of the hostile and constraints fixtures (fuzz/src/documents.rs), seeded
#              with deep nesting, huge numbers and megabyte strings
#
# A panic, a stack overflow, an input that takes over 10 s (a hang) and a process over 2 GiB
# (a memory blow-up) are all crashes. The three targets run side by side, FUZZ_SECONDS each
# (default 120), so the run fuzzes for 6 minutes in 2 of wall time after the build.
#
# The fuzzers run with a 2 MiB stack: the instrumented release build's frames are several
# times smaller than those of the debug build a build script runs in with 8 MiB, so a 2 MiB
# stack overflows at about the nesting depth where `cargo build` would.
#
# Inputs in fuzz/regressions/TARGET/ (small, made-up inputs of fixed crashes) are replayed
# first in every run.
#
# cargo-fuzz passes -Z flags to rustc; RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
# The seed corpora are made here, every run, from spec/, the test fixtures and (when present)
# the shared corpus of real pages; they are never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${FUZZ_SECONDS:-120}
cargo_fuzz_version=0.13.2
export RUSTC_BOOTSTRAP=1
# Fewer stack frames per allocation and no leak check at exit: faster (about 1.4x), and
# stack overflows, panics and the memory limit are still caught.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=0:quarantine_size_mb=16}

echo "== fuzz: cargo-fuzz $cargo_fuzz_version"
if ! cargo fuzz --version 2>/dev/null | grep -qF "$cargo_fuzz_version"; then
  cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked
fi
cargo fuzz --version

echo "== fuzz: the fuzz crate's format, lints and tests"
(
  cd fuzz
  cargo fmt --check
  cargo clippy --no-default-features --features tools --all-targets -- -D warnings
  cargo test --no-default-features --features tools
)

echo "== fuzz: seed corpora"
shared=""
for candidate in "$root/../shared/corpus" /work/shared/corpus; do
  if [ -d "$candidate" ]; then
    shared=$candidate
    break
  fi
done
roots=(spec codegen/tests/fixtures/*/ codegen/tests/fixtures/dialects/*/)
if [ -n "$shared" ]; then
  echo "shared corpus: $shared"
  roots+=(--bundled "$shared"/*/)
else
  echo "shared corpus: not found; seeding from spec/ and the fixtures only"
fi
rm -rf fuzz/seeds
cargo run --quiet --manifest-path fuzz/Cargo.toml --no-default-features --features tools \
  --bin seeds -- fuzz/seeds/read_page fuzz/seeds/type_cell "${roots[@]}"
cargo run --quiet --manifest-path fuzz/Cargo.toml --no-default-features --features tools \
  --bin document_seeds -- fuzz/seeds/document

echo "== fuzz: build"
cargo fuzz build --debug-assertions read_page
cargo fuzz build --debug-assertions type_cell
cargo fuzz build --debug-assertions document

# run TARGET MAX_LEN: fuzzes TARGET in the background, logging to fuzz/TARGET.log.
run() {
  local target=$1 max_len=$2
  local corpora=("$root/fuzz/corpus/$target" "$root/fuzz/seeds/$target")
  if [ -d "fuzz/regressions/$target" ]; then
    corpora+=("$root/fuzz/regressions/$target")
  fi
  rm -rf "fuzz/artifacts/$target"
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  ulimit -s 2048
  timeout --kill-after=30 $((seconds + 300)) \
    cargo fuzz run --debug-assertions "$target" "${corpora[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -max_len="$max_len" -dict="$root/fuzz/dicts/$target.dict" -print_final_stats=1 \
    >"fuzz/$target.log" 2>&1
}

echo "== fuzz: read_page, type_cell and document, ${seconds}s each"
run read_page 65536 &
read_page_pid=$!
run type_cell 8192 &
type_cell_pid=$!
# Long enough for the megabyte strings of the seeds.
run document 1200000 &
document_pid=$!

passed=0
failed=0
for target in read_page type_cell document; do
  pid_var=${target}_pid
  status=0
  wait "${!pid_var}" || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/$target.log" | grep -o '[0-9]*$' || true)
  if [ "$status" -eq 0 ]; then
    echo "$target: no crash in ${runs:-?} runs over ${seconds}s"
    passed=$((passed + 1))
    continue
  fi
  failed=$((failed + 1))
  echo "$target: FAILED (exit status $status); the end of fuzz/$target.log:"
  grep -v -E '^(#[0-9]+|INFO:|WARNING:|[[:space:]]*Compiling)' "fuzz/$target.log" | tail -60
  shopt -s nullglob
  for artifact in "fuzz/artifacts/$target"/*; do
    echo "crashing input: $root/$artifact ($(wc -c <"$artifact") bytes), starting:"
    head -c 512 "$artifact" | od -An -c | head -16
    echo "reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run --debug-assertions $target $artifact"
    echo "minimize:  RUSTC_BOOTSTRAP=1 cargo fuzz tmin --debug-assertions $target $artifact"
  done
  shopt -u nullglob
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
