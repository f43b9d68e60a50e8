#!/usr/bin/env bash
# The corpus check: generates every folder of real model pages in ../shared/corpus, then
# lints and tests each generated crate (deny(warnings), clippy, example tests, doctests).
# The generator's own checks (every page generates, every schema is valid draft 2020-12 with
# its references resolved) run inside corpus-check; see corpus-check/src/main.rs.
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

# One target folder for every generated crate, so serde, serde_json and schemars build once.
export CARGO_TARGET_DIR="$PWD/target/corpus-target"
for dir in "$corpus"/*/; do
  folder=$(basename "$dir")
  crate=$out/$folder
  # The workspace's lock file pins the same versions; cargo prunes what a crate does not use.
  cp Cargo.lock "$crate/Cargo.lock"
  echo "== corpus: $folder: clippy"
  if ! (cd "$crate" && cargo clippy -q --all-targets -- -D warnings); then
    echo "error: corpus folder $folder: the generated crate fails clippy or does not compile ($crate)" >&2
    exit 1
  fi
  echo "== corpus: $folder: tests and doctests"
  if ! (cd "$crate" && cargo test -q); then
    echo "error: corpus folder $folder: the generated crate's tests fail ($crate)" >&2
    exit 1
  fi
done
echo "corpus: every folder generates, lints clean and passes its tests"
