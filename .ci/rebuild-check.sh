#!/usr/bin/env bash
# Checks when the build script of `models` reruns, in a throw-away copy of the repository:
#
#   1. a fresh build runs it; a second build with no change does not;
#   2. editing a description in spec/Customer.md reruns it, and the new text reaches
#      generated/Customer.schema.json and, as a doc comment, OUT_DIR/models.rs;
#   3. adding a page reruns it and publishes the page's schema and type;
#   4. removing that page reruns it and removes the schema and the type.
#
# The copy holds the files git knows (tracked, and untracked ones that are not ignored) and
# builds into its own target folder, so the working tree and its target/ are never touched.
#
# Usage: bash .ci/rebuild-check.sh        (KEEP_COPY=1 keeps the copy for inspection)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rebuild-check.XXXXXX")"
COPY="$WORK/repo"
LOGS="$WORK/logs"
mkdir -p "$COPY" "$LOGS"

cleanup() {
  if [ "${KEEP_COPY:-0}" = "1" ]; then
    echo "rebuild-check: the copy is kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

fail() {
  echo "rebuild-check: FAIL: $*" >&2
  exit 1
}

step() {
  echo "rebuild-check: $*"
}

# ----- the copy -----
if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do
      # Skip files deleted in the working tree but still in the index.
      if [ -e "$ROOT/$file" ]; then printf '%s\0' "$file"; fi
    done |
    tar -C "$ROOT" --null -T - -cf - | tar -C "$COPY" -xf -
else
  tar -C "$ROOT" --exclude=./target --exclude=./.git -cf - . | tar -C "$COPY" -xf -
fi
[ -f "$COPY/Cargo.toml" ] && [ -f "$COPY/spec/Customer.md" ] && [ -f "$COPY/build.rs" ] ||
  fail "the copy lacks Cargo.toml, build.rs or spec/Customer.md"

export CARGO_TARGET_DIR="$COPY/target"
export CARGO_TERM_COLOR=never
unset RUSTC_WRAPPER || true

BUILD=0
# Builds the copy verbosely; the log is in $LOG afterwards.
build() {
  BUILD=$((BUILD + 1))
  LOG="$LOGS/build-$BUILD.log"
  if ! (cd "$COPY" && cargo build -v) >"$LOG" 2>&1; then
    tail -50 "$LOG" >&2
    fail "cargo build #$BUILD failed (log above)"
  fi
}

# Whether the last build ran the models build script (not just compiled it). With -v cargo
# prints "Running `... target/debug/build/models-<hash>/build-script-build`" when it runs it.
script_ran() {
  grep -Eq '^ *Running `.*/build/models-[0-9a-f]+/build-script-build`' "$LOG"
}

expect_ran() {
  script_ran || { tail -30 "$LOG" >&2; fail "build #$BUILD ($1): the build script of models did not run"; }
  step "build #$BUILD ($1): the build script ran"
}

expect_not_ran() {
  if script_ran; then
    grep -E 'Dirty|Running `.*build-script-build' "$LOG" >&2 || true
    fail "build #$BUILD ($1): the build script of models ran although nothing changed"
  fi
  grep -Eq '^ *Fresh models v' "$LOG" || { tail -30 "$LOG" >&2; fail "build #$BUILD ($1): models is not reported fresh"; }
  step "build #$BUILD ($1): the build script did not run"
}

# The OUT_DIR models.rs of the copy's build (there is exactly one models build folder with out/).
models_rs() {
  local found
  found="$(find "$CARGO_TARGET_DIR/debug/build" -path '*/models-*/out/models.rs' -print)"
  [ -n "$found" ] || fail "no OUT_DIR/models.rs under $CARGO_TARGET_DIR/debug/build"
  [ "$(printf '%s\n' "$found" | wc -l)" -eq 1 ] || fail "several OUT_DIR/models.rs: $found"
  printf '%s\n' "$found"
}

# Let file times move past the last build even on file systems with coarse timestamps.
tick() {
  sleep 1
}

# ----- 1. fresh build, then a no-op build -----
step "building the copy in $COPY (fresh target folder, this compiles the dependencies)"
build
expect_ran "fresh build"
build
expect_not_ran "no change"

# ----- 2. edit a description -----
tick
OLD_DESCRIPTION="Customer is a person or company that buys from the merchant."
NEW_DESCRIPTION="Customer is a buyer, as rewritten by the rebuild check."
grep -qF "$OLD_DESCRIPTION" "$COPY/spec/Customer.md" ||
  fail "spec/Customer.md no longer has the description this check edits: $OLD_DESCRIPTION"
OLD="$OLD_DESCRIPTION" NEW="$NEW_DESCRIPTION" perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$COPY/spec/Customer.md"
grep -qF "$NEW_DESCRIPTION" "$COPY/spec/Customer.md" || fail "editing spec/Customer.md failed"
build
expect_ran "edited description"
SCHEMA="$COPY/generated/Customer.schema.json"
grep -qF "\"description\": \"$NEW_DESCRIPTION\"" "$SCHEMA" ||
  fail "generated/Customer.schema.json does not carry the new description"
grep -qF "$OLD_DESCRIPTION" "$SCHEMA" && fail "generated/Customer.schema.json still carries the old description"
MODELS_RS="$(models_rs)"
grep -qF "/// $NEW_DESCRIPTION" "$MODELS_RS" ||
  fail "OUT_DIR/models.rs has no doc comment with the new description ($MODELS_RS)"
grep -qF "$OLD_DESCRIPTION" "$MODELS_RS" && fail "OUT_DIR/models.rs still has the old description"
step "the new description is in generated/Customer.schema.json and OUT_DIR/models.rs"
build
expect_not_ran "no change after the edit"

# ----- 3. add a page -----
tick
cat >"$COPY/spec/Invoice.md" <<'PAGE'
# Invoice

Invoice is a bill sent to a customer, added by the rebuild check.


## Fields

| Field      | Type                          | Required           | Description                      | Example      |
| ---------- | ----------------------------- | ------------------ | -------------------------------- | ------------ |
| `id`       | *string*                      | :heavy_check_mark: | ID is the invoice number.        | inv_0001     |
| `customer` | [Customer](Customer.md)       | :heavy_minus_sign: | Customer is who the bill is for. |              |
| `total`    | *number*                      | :heavy_check_mark: | Total is the amount due.         | 1200         |
PAGE
build
expect_ran "added page"
[ -f "$COPY/generated/Invoice.schema.json" ] || fail "generated/Invoice.schema.json was not written"
grep -qF '"title": "Invoice"' "$COPY/generated/Invoice.schema.json" || fail "generated/Invoice.schema.json is not the Invoice schema"
grep -qF '"Invoice"' "$COPY/generated/bundle.schema.json" || fail "the bundle does not list Invoice"
MODELS_RS="$(models_rs)"
grep -qE '^pub struct Invoice \{' "$MODELS_RS" || fail "OUT_DIR/models.rs has no Invoice type"
step "the new page is in generated/ and OUT_DIR/models.rs"
build
expect_not_ran "no change after adding a page"

# ----- 4. remove the page -----
tick
rm "$COPY/spec/Invoice.md"
build
expect_ran "removed page"
[ -e "$COPY/generated/Invoice.schema.json" ] && fail "generated/Invoice.schema.json is still there after its page was removed"
grep -qF '"Invoice"' "$COPY/generated/bundle.schema.json" && fail "the bundle still lists Invoice"
MODELS_RS="$(models_rs)"
grep -qE 'struct Invoice\b' "$MODELS_RS" && fail "OUT_DIR/models.rs still has the Invoice type"
step "the removed page is gone from generated/ and OUT_DIR/models.rs"

# The rest of generated/ is back to what the repository holds, except the edited Customer.
for file in "$ROOT"/generated/*.schema.json; do
  name="$(basename "$file")"
  [ "$name" = "Customer.schema.json" ] && continue
  [ "$name" = "bundle.schema.json" ] && continue
  cmp -s "$file" "$COPY/generated/$name" || fail "generated/$name differs from the repository's after the round trip"
done

echo "rebuild-check: ok: $BUILD builds, the build script reran exactly when spec/ changed"
