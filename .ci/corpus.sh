#!/usr/bin/env bash
# The corpus check: generates every folder of real model pages in ../shared/corpus, then
# lints and tests the crate that holds them all (deny(warnings), clippy, doctests, example
# tests, and the agreement of each model's validation with its published schema). The
# generator's own checks (every page generates, every schema is valid draft 2020-12 with its
# references resolved) run inside corpus-check; see corpus-check/src/main.rs.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
  echo "notice: ../shared/corpus is absent; skipping the corpus checks"
  exit 0
fi

out=target/corpus
# The dev profile reuses what `cargo test --workspace` already built.
cargo run -q -p corpus-check -- "$corpus" "$out"

crate=$out/crate
# The workspace's lock file pins the same versions; cargo prunes what the crate does not use.
cp Cargo.lock "$crate/Cargo.lock"
export CARGO_TARGET_DIR="$PWD/target/corpus-target"
echo "== corpus: clippy with deny(warnings)"
if ! (cd "$crate" && cargo clippy -q --lib --tests -- -D warnings); then
  echo "error: the generated corpus crate fails clippy or does not compile ($crate)" >&2
  exit 1
fi
echo "== corpus: example tests, agreement tests and doctests"
if ! (cd "$crate" && cargo test -q -- --nocapture 2>&1 | grep -v '^$'); then
  echo "error: the generated corpus crate's tests fail ($crate)" >&2
  exit 1
fi
echo "corpus: every folder generates, lints clean and passes its tests"
