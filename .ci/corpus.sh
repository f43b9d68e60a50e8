#!/usr/bin/env bash
# The corpus check: generates the listed folders of real model pages found in the roots below,
# then lints and tests the workspace that holds them (a crate per folder, and a crate of checks):
# deny(warnings), clippy, doctests, example tests, and the agreement of each model's validation
# with its published schema. The
# generator's own checks (every page generates, every schema is valid draft 2020-12 with its
# references resolved) run inside corpus-check; see corpus-check/src/main.rs, which prints one
# summary line per folder.
set -euo pipefail
cd "$(dirname "$0")/.."

# Where folders of pages live; a root that is absent is skipped with a notice.
roots=(../shared/corpus ../shared/sdk-pages)

# The folders that are checked. A folder joins when it generates with no error; its wire-name
# convention must be recorded in `wire_names` (corpus-check/src/main.rs) first.
folders=(
  # ../shared/corpus: the Dub API, in four SDK languages, in 2024 and current pages.
  dub-go dub-go-2024-06
  dub-php dub-php-2024-06
  dub-python dub-python-2024-06
  dub-ts dub-ts-2024-06
  # ../shared/sdk-pages: four more APIs in the newest generator forms.
  mistral-python mistral-ts
  clerk-ruby clerk-csharp
  glean-java
)

present=()
for root in "${roots[@]}"; do
  if [ -d "$root" ]; then
    present+=("$root")
  else
    echo "notice: $root is absent; its folders are not checked"
  fi
done
if [ ${#present[@]} -eq 0 ]; then
  echo "notice: no corpus root is present; skipping the corpus checks"
  exit 0
fi

# The command line, as people who don't use cargo run it: `modelgen check` exits 0 on every
# folder, in the release build, without a panic.
cargo build -q --release -p modelgen
for folder in "${folders[@]}"; do
  for root in "${present[@]}"; do
    if [ -d "$root/$folder" ]; then
      status=0
      target/release/modelgen check "$root/$folder" >/dev/null 2>target/modelgen-check.log || status=$?
      if [ "$status" != 0 ]; then
        tail -20 target/modelgen-check.log >&2
        echo "error: \`modelgen check $root/$folder\` exited with $status" >&2
        exit 1
      fi
      echo "modelgen check $folder: exit 0, $(tail -1 target/modelgen-check.log)"
    fi
  done
done

out=target/corpus
args=(--out "$out")
for root in "${roots[@]}"; do args+=(--root "$root"); done
for folder in "${folders[@]}"; do args+=(--folder "$folder"); done
# Release: checking some 7,400 published schemas with every reference resolved takes minutes
# in the dev profile, several times less in release.
cargo run -q --release -p corpus-check -- "${args[@]}"

crate=$out/crate
if [ ! -f "$crate/Cargo.toml" ]; then
  echo "notice: no listed folder is present; skipping the corpus workspace"
  exit 0
fi
# The workspace's lock file pins the same versions; cargo prunes what the crate does not use.
cp Cargo.lock "$crate/Cargo.lock"
export CARGO_TARGET_DIR="$PWD/target/corpus-target"
echo "== corpus: clippy with deny(warnings)"
if ! (cd "$crate" && cargo clippy -q --workspace --lib --tests -- -D warnings); then
  echo "error: the generated corpus workspace fails clippy or does not compile ($crate)" >&2
  exit 1
fi
echo "== corpus: example tests, agreement tests and doctests"
# Test threads keep their default 2 MiB stack: reading a document of densely linked models
# (glean-java's) must fit in it in the debug build, as it must in a user's tests.
if ! (cd "$crate" && cargo test -q --workspace -- --nocapture 2>&1 | grep -v '^$'); then
  echo "error: the generated corpus workspace's tests fail ($crate)" >&2
  exit 1
fi
echo "corpus: every listed folder generates, lints clean and passes its tests"
