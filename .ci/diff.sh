#!/usr/bin/env bash
# The model diff on the corpus's real pairs: each `dub-*-2024-06` folder against its current
# `dub-*` folder (the same API two years apart). Prints one summary line per pair and keeps
# the full report in target/diff/<pair>.txt. A pair that breaks clients (exit 1) is expected;
# a folder that does not generate (exit 2) or a crash fails the step.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
  echo "notice: ../shared/corpus is absent; skipping the model diffs"
  exit 0
fi

cargo build -q -p modelgen
out=target/diff
mkdir -p "$out"
for lang in ts go python php; do
  old="$corpus/dub-$lang-2024-06"
  new="$corpus/dub-$lang"
  # TypeScript SDK property names are the wire names; the other SDKs case the camelCase API
  # in their own way.
  if [ "$lang" = ts ]; then convention=as-written; else convention=camelCase; fi
  status=0
  target/debug/modelgen diff "$old" "$new" --wire-names "$convention" \
    >"$out/dub-$lang.txt" 2>"$out/dub-$lang.err" || status=$?
  if [ "$status" -gt 1 ]; then
    cat "$out/dub-$lang.err" >&2
    echo "error: modelgen diff failed on dub-$lang-2024-06 -> dub-$lang (exit $status)" >&2
    exit 1
  fi
  tail -n 1 "$out/dub-$lang.txt"
done
