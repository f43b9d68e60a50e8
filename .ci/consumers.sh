#!/usr/bin/env bash
# Real consumers of the published JSON Schemas, held to the Rust verdicts:
#
#   python-jsonschema   consumers/python/check.py          (Draft202012Validator + FormatChecker,
#                                                           a referencing.Registry of every file)
#   pydantic            consumers/python/pydantic_check.py (datamodel-code-generator models)
#   ajv                 consumers/typescript/check.mjs     (Ajv2020 strict + ajv-formats)
#   tsc                 consumers/typescript/types.mjs     (json-schema-to-typescript + tsc --strict)
#
# on generated/ with the agreement documents that `cargo test --test agreement` dumps
# (MODELGEN_AGREEMENT_DUMP), and on every corpus folder's schemas that .ci/corpus.sh wrote to
# target/corpus/<folder>/schemas (examples only; with target/corpus/<folder>/dump when present).
# Every check runs; the script fails if any of them fails. Installs pinned versions from PyPI
# (consumers/python/requirements.txt, into target/consumers/venv) and npm
# (consumers/typescript/package-lock.json, `npm ci`). Logs: target/consumers/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/target/consumers"
LOGS="$OUT/logs"
started=$SECONDS

echo "== consumers: toolchains"
python3 --version
node --version
echo "npm $(npm --version)"

# Python: a venv with the pinned packages (reinstalled only when requirements.txt changes).
venv="$OUT/venv"
req="consumers/python/requirements.txt"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
stamp="$venv/.requirements.sha256"
if [ "$(cat "$stamp" 2>/dev/null)" != "$(sha256sum "$req" | cut -d' ' -f1)" ]; then
  echo "== consumers: pip install -r $req"
  "$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
  sha256sum "$req" | cut -d' ' -f1 >"$stamp"
fi
PY="$venv/bin/python"

# TypeScript: npm ci from the committed lock file (again only when it changes).
lock="consumers/typescript/package-lock.json"
nstamp="consumers/typescript/node_modules/.consumers-lock.sha256"
if [ "$(cat "$nstamp" 2>/dev/null)" != "$(sha256sum "$lock" | cut -d' ' -f1)" ]; then
  echo "== consumers: npm ci"
  (cd consumers/typescript && npm ci --no-audit --no-fund --loglevel=error)
  sha256sum "$lock" | cut -d' ' -f1 >"$nstamp"
fi

# The agreement documents with their Rust verdicts.
dump="$OUT/dump/spec"
rm -rf "$dump" "$LOGS"
mkdir -p "$LOGS"
echo "== consumers: MODELGEN_AGREEMENT_DUMP=target/consumers/dump/spec cargo test --test agreement"
MODELGEN_AGREEMENT_DUMP="$dump" cargo test -q --test agreement
if ! compgen -G "$dump/*.schema.jsonl" >/dev/null; then
  echo "error: cargo test --test agreement wrote no dump to $dump" >&2
  exit 1
fi

passed=0
failed=0
failures=()
checks=0

# check N COMMAND...: runs one check with its output in $LOGS/N.log and "STATUS SECONDS" in
# $LOGS/N.status.
check() {
  local n=$1 t0=$SECONDS status=0
  shift
  "$@" >"$LOGS/$n.log" 2>&1 || status=$?
  echo "$status $((SECONDS - t0))" >"$LOGS/$n.status"
}

# show N LABEL VERBOSE: prints a finished check, all of its output when VERBOSE=1 or when it
# failed, else its closing summary (the last block that starts at an unindented line).
show() {
  local n=$1 label=$2 verbose=$3 status=1 secs=?
  if [ -f "$LOGS/$n.status" ]; then
    read -r status secs <"$LOGS/$n.status"
  fi
  echo "== consumers: $label ($secs s)"
  if [ "$status" -ne 0 ] || [ "$verbose" = 1 ]; then
    cat "$LOGS/$n.log"
  else
    awk '/^[^ ]/ {block = ""} {block = block $0 "\n"} END {printf "%s", block}' "$LOGS/$n.log"
  fi
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$label (exit $status; log: ${LOGS#"$ROOT"/}/$n.log)")
  fi
}

# consumers LABEL SCHEMAS TS_OUT PYDANTIC_WORK [DUMP]: the four checks of one folder, in two
# lanes on the two cores (the Python checks in one, the Node ones in the other), then printed
# in a fixed order.
consumers() {
  local label=$1 schemas=$2 tsout=$3 pywork=$4 verbose=0 n=$checks
  shift 4
  checks=$((checks + 4))
  [ "$label" = spec ] && verbose=1
  (
    check $n "$PY" consumers/python/check.py "$schemas" "$@"
    check $((n + 1)) "$PY" consumers/python/pydantic_check.py "$schemas" "$@" --work "$pywork"
  ) &
  local python_lane=$!
  (
    check $((n + 2)) node consumers/typescript/check.mjs "$schemas" "$@"
    check $((n + 3)) node consumers/typescript/types.mjs "$schemas" "$tsout" "$@"
  ) &
  local node_lane=$!
  wait "$python_lane" || true
  wait "$node_lane" || true
  show $n "$label: python-jsonschema" $verbose
  show $((n + 1)) "$label: pydantic" $verbose
  show $((n + 2)) "$label: ajv" $verbose
  show $((n + 3)) "$label: json-schema-to-typescript + tsc" $verbose
}

# generated/ with the dump: every line of every check is printed.
consumers spec generated "$OUT/ts-types/spec" "$OUT/pydantic/spec" "$dump"

# The Dub folders that .ci/corpus.sh generated. The folders of ../shared/sdk-pages are held to
# the Rust verdicts by .ci/corpus.sh alone; the external consumers do not read them yet.
if compgen -G "target/corpus/dub-*/schemas" >/dev/null; then
  for schemas in target/corpus/dub-*/schemas; do
    folder=$(basename "$(dirname "$schemas")")
    cdump=()
    if [ -d "target/corpus/$folder/dump" ]; then
      cdump=("target/corpus/$folder/dump")
    fi
    consumers "corpus $folder" "$schemas" "$OUT/ts-types/corpus-$folder" "$OUT/pydantic/corpus-$folder" "${cdump[@]}"
  done
else
  echo "notice: no target/corpus/dub-*/schemas (run .ci/corpus.sh first); skipping the corpus consumers"
fi

echo "== consumers: done in $((SECONDS - started)) s"
for f in "${failures[@]}"; do
  echo "failed: $f" >&2
done
echo "consumers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
