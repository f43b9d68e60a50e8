#!/usr/bin/env bash
# Runs every command of every ```sh block in README.md, in order, from the repository root;
# any failing command fails CI. This includes the README's set-up and test commands.
set -euo pipefail
cd "$(dirname "$0")/.."

commands=$(awk '/^```sh$/ {inside=1; next} /^```$/ {inside=0} inside' README.md)
if [ -z "$commands" ]; then
  echo "error: README.md has no sh blocks" >&2
  exit 1
fi
while IFS= read -r line; do
  # Strip trailing comments; skip blank lines.
  command=$(printf '%s' "$line" | sed -E 's/[[:space:]]+#[^"'"'"']*$//')
  [ -z "${command// }" ] && continue
  echo "== README: $command"
  bash -euo pipefail -c "$command"
done <<< "$commands"
