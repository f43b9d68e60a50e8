#!/usr/bin/env bash
# Compile time of generated code: modelgen's Rust for one corpus folder against typify's Rust
# for the same models' published schemas, each in a throw-away crate with the same
# dependencies, built with `cargo build` (debug, CARGO_INCREMENTAL=0) in its own clean target
# folder.
#
# For each crate:
#   1. src/lib.rs empty, clean target folder: `cargo build` compiles the dependencies (timed
#      and reported separately);
#   2. src/lib.rs includes the generated file: `cargo build` compiles only the generated
#      code; then `touch src/lib.rs` and build again, RUNS times in all (default 3). The
#      figure is the median.
#
# Usage: scripts/compile-time.sh [FOLDER]     (default: dub-php, the largest corpus folder)
# Needs: target/bench/release/{modelgen,probe} (scripts/bench.sh builds them), or
#        BENCH_TARGET pointing at the target folder that holds them.
# Output: a TSV on stdout: crate, what, runs (space-separated seconds, wall), median wall,
#         median CPU (user+sys), plus `lines` and `bytes` of each generated file.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FOLDER="${1:-dub-php}"
RUNS="${RUNS:-3}"
CORPUS="${MODELGEN_BENCH_CORPUS:-$ROOT/../shared/corpus}"
BENCH_TARGET="${BENCH_TARGET:-$ROOT/target/bench}"
WORK="${COMPILE_WORK:-$ROOT/target/bench-compile}"
MODELGEN="$BENCH_TARGET/release/modelgen"
PROBE="$BENCH_TARGET/release/probe"

[ -x "$MODELGEN" ] && [ -x "$PROBE" ] || {
  echo "compile-time: build first: CARGO_TARGET_DIR=$BENCH_TARGET cargo build --release -p modelgen -p modelgen-bench --bins" >&2
  exit 1
}

rm -rf "$WORK"
mkdir -p "$WORK"
"$MODELGEN" generate "$CORPUS/$FOLDER" --rust "$WORK/modelgen.rs" --schemas "$WORK/schemas" >/dev/null
"$PROBE" typify-rust "$WORK/schemas" "$WORK/typify.rs"

unset RUSTC_WRAPPER || true
export CARGO_INCREMENTAL=0
export CARGO_TERM_COLOR=never

median() { tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Runs `cargo build` in crate $1; prints "wall cpu" in seconds.
timed_build() {
  local crate="$1" out
  out="$(cd "$WORK/$crate" && CARGO_TARGET_DIR="$WORK/$crate/target" \
    /usr/bin/time -f '%e %U %S' cargo build -q 2>&1 >/dev/null | tail -1)" || {
    echo "compile-time: cargo build failed in $WORK/$crate" >&2
    (cd "$WORK/$crate" && CARGO_TARGET_DIR="$WORK/$crate/target" cargo build 2>&1 | tail -30) >&2
    exit 1
  }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' <<<"$out"
}

for crate in modelgen typify; do
  dir="$WORK/$crate"
  mkdir -p "$dir/src"
  mv "$WORK/$crate.rs" "$dir/src/generated.rs"
  cat >"$dir/Cargo.toml" <<TOML
[package]
name = "compile-time-$crate"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
schemars = "1"
regress = "0.12"
modelgen-runtime = { path = "$ROOT/runtime" }
TOML
  cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
  printf '' >"$dir/src/lib.rs"
  read -r deps_wall deps_cpu < <(timed_build "$crate")
  printf '#![allow(warnings, clippy::all)]\ninclude!("generated.rs");\n' >"$dir/src/lib.rs"
  walls=()
  cpus=()
  for run in $(seq 1 "$RUNS"); do
    [ "$run" -gt 1 ] && { sleep 1; touch "$dir/src/lib.rs"; }
    read -r wall cpu < <(timed_build "$crate")
    walls+=("$wall")
    cpus+=("$cpu")
  done
  printf '%s\tdeps\t%s\t%s\t%s\n' "$crate" "$deps_wall" "$deps_wall" "$deps_cpu"
  printf '%s\tgenerated\t%s\t%s\t%s\n' "$crate" "${walls[*]}" "$(echo "${walls[*]}" | median)" "$(echo "${cpus[*]}" | median)"
  printf '%s\tsize\t%s\t%s\t%s\n' "$crate" "$(wc -l <"$dir/src/generated.rs")" "$(wc -c <"$dir/src/generated.rs")" "-"
done
