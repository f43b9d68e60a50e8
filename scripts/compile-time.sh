#!/usr/bin/env bash
# Compile time of generated code: modelgen's Rust for one corpus folder against typify's Rust
# for the same models' published schemas, each in a throw-away crate with the same
# dependencies, built with `cargo build` (debug, CARGO_INCREMENTAL=0) in its own clean target
# folder.
#
# For each crate:
#   1. src/lib.rs empty, clean target folder: `cargo build` compiles the dependencies (timed
#      and reported separately);
#   2. "generated": src/lib.rs includes the generated file; `touch src/lib.rs` and
#      `cargo build`, which compiles only the generated code, RUNS times (default 3). The
#      figure is the median. This is the models crate alone: modelgen marks `from_json`,
#      `example` and `validate_json` `#[inline]`, so their code is compiled only in the crates
#      that call them, and typify's serde derives are generic over the deserializer, so they
#      too are mostly compiled only where a concrete `from_str::<T>` is instantiated.
#   3. "generated+used": the same, with src/lib.rs also defining a non-generic public function
#      `parse_every_model(model, text) -> bool` that parses every model from text, so that all
#      of the deserialization code is compiled in the crate itself: for modelgen it calls the
#      generated root `validate_json` (every model's `from_json`: deserialize + validate); for
#      typify it matches on the name of every top-level type of the generated file and calls
#      `serde_json::from_str::<Type>(text).is_ok()`. Timed as in 2.
#
# Usage: scripts/compile-time.sh [FOLDER]     (default: dub-php, the largest corpus folder)
# Needs: target/bench/release/{modelgen,probe} (scripts/bench.sh builds them), or
#        BENCH_TARGET pointing at the target folder that holds them.
# Output: a TSV on stdout: crate, what (deps | generated | generated+used), runs
#         (space-separated seconds, wall), median wall, median CPU (user+sys); plus, per crate,
#         `size` (lines and bytes of the generated file) and `models` (how many models
#         parse_every_model parses).
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

# Builds crate $1 as its src/lib.rs stands, RUNS times, touching lib.rs before every build so
# that each one recompiles the crate (and only the crate); prints
# "runs<TAB>median wall<TAB>median CPU". Runs in $(...), where set -e does not hold: a failed
# build exits explicitly.
timed_lib() {
  local crate="$1" dir="$WORK/$1" run wall cpu walls=() cpus=()
  for run in $(seq 1 "$RUNS"); do
    sleep 1
    touch "$dir/src/lib.rs"
    read -r wall cpu < <(timed_build "$crate") || exit 1
    walls+=("$wall")
    cpus+=("$cpu")
  done
  printf '%s\t%s\t%s\n' "${walls[*]}" "$(echo "${walls[*]}" | median)" "$(echo "${cpus[*]}" | median)"
}

# Prints the lib.rs items that parse every model of crate $1 from text (step 3), and writes
# how many models that is to $WORK/$1.models.
parse_every_model() {
  local crate="$1" generated="$WORK/$1/src/generated.rs" names
  case "$crate" in
    modelgen)
      # The generated root `validate_json` matches every model's name to what its from_json
      # does (`modelgen_runtime::model::check::<Model>`, which drops the value).
      grep -q '^pub fn validate_json(' "$generated" || {
        echo "compile-time: no root validate_json in $generated" >&2
        exit 1
      }
      awk '/^pub fn validate_json\(/ {p = 1} p && /=> ::std::option::Option::Some\(/ {n++} p && /^}/ {exit} END {print n + 0}' \
        "$generated" >"$WORK/$crate.models"
      cat <<'RUST'
pub fn parse_every_model(model: &str, text: &str) -> bool {
    validate_json(model, text).is_some_and(|result| result.is_ok())
}
RUST
      ;;
    typify)
      # typify 0.8 writes every type at the top level of the file, unindented (prettyplease),
      # the bundle's root (`AllModels`) included; only its helpers sit indented in modules
      # (`pub mod error { pub struct ConversionError ... }`; bench's typify_rust turns struct
      # builders off, so there is no `pub mod builder`).
      names="$(grep -oE '^pub (struct|enum) [A-Za-z_][A-Za-z0-9_]*' "$generated" | awk '{print $3}')"
      [ -n "$names" ] || {
        echo "compile-time: no top-level type in $generated" >&2
        exit 1
      }
      wc -l <<<"$names" | tr -d ' ' >"$WORK/$crate.models"
      echo 'pub fn parse_every_model(model: &str, text: &str) -> bool {'
      echo '    match model {'
      awk '{printf "        \"%s\" => ::serde_json::from_str::<%s>(text).is_ok(),\n", $1, $1}' <<<"$names"
      echo '        _ => false,'
      echo '    }'
      echo '}'
      ;;
  esac
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
  # 1. The dependencies alone.
  printf '' >"$dir/src/lib.rs"
  read -r deps_wall deps_cpu < <(timed_build "$crate")
  printf '#![allow(warnings, clippy::all)]\ninclude!("generated.rs");\n' >"$dir/lib-generated.rs"
  parse_every_model "$crate" >"$dir/parse-every-model.rs"
  # 2. The generated file alone: what the models crate costs by itself.
  cp "$dir/lib-generated.rs" "$dir/src/lib.rs"
  generated="$(timed_lib "$crate")"
  # 3. The generated file plus a function that parses every model: all the parsing code.
  cat "$dir/lib-generated.rs" "$dir/parse-every-model.rs" >"$dir/src/lib.rs"
  used="$(timed_lib "$crate")"
  printf '%s\tdeps\t%s\t%s\t%s\n' "$crate" "$deps_wall" "$deps_wall" "$deps_cpu"
  printf '%s\tgenerated\t%s\n' "$crate" "$generated"
  printf '%s\tgenerated+used\t%s\n' "$crate" "$used"
  printf '%s\tsize\t%s\t%s\t%s\n' "$crate" "$(wc -l <"$dir/src/generated.rs")" "$(wc -c <"$dir/src/generated.rs")" "-"
  printf '%s\tmodels\t%s\t%s\t%s\n' "$crate" "$(cat "$WORK/$crate.models")" "-" "-"
done
