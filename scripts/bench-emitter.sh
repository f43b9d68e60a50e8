#!/usr/bin/env bash
# Generation, formatted, by the current `modelgen` CLI against the text emitter it replaces
# (the CLI built from BASELINE_REV) and against typify, in instructions (callgrind, the whole
# process), in the release profile and in the debug one that a build script runs in under a
# plain `cargo build` (opt-level 0; `profile.dev.debug=false`, as cargo's default
# `build-override` has it).
#
# Per corpus folder, four commands, each in both profiles:
#   baseline             modelgen@BASELINE_REV generate DIR --rust OUT.rs
#   current              modelgen (this tree)  generate DIR --rust OUT.rs
#   current-unformatted  the same with --unformatted, when `modelgen --help` mentions it
#   typify               typify-harness generate IN.json OUT.rs (bench/typify-harness): typify
#                        0.8 on the folder's published bundle with every $ref made
#                        `#/$defs/<key>` (prepared outside the count, from the schemas the
#                        baseline CLI publishes; definitions typify refuses are dropped and
#                        counted), formatted with prettyplease
# Each count is the whole process (start, reading the input, generating, formatting, writing
# the file): the baseline CLI has no marked region to count alone, and the process start is
# under 1 M instructions.
#
# Usage: bash scripts/bench-emitter.sh
# Knobs: BENCH_FOLDERS="dub-php mistral-ts"  folders by name (default: all 13, the eight of
#                                            ../shared/corpus and the five of ../shared/sdk-pages)
#        BENCH_PROFILES="release debug"      profiles (default: both)
#        BASELINE_REV=84b5383                the last commit of the text emitter
#        JOBS=2                              callgrind runs at a time (counts don't depend on it)
#        FORMAT_COST=1                       also count `typify-harness lex` and `reformat` on
#                                            the baseline's Rust: their difference is what
#                                            syn::parse2 + prettyplease cost on that much Rust
#                                            (adds a column; slow in the debug profile)
# Builds into target/bench-emitter/target (baseline source: target/bench-emitter/baseline-src,
# from `git archive`, so it needs the repository's history); raw results in
# target/bench-results/emitter; generated Rust in a temporary folder, removed at the end.
# Prints a Markdown table on stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
BASELINE_REV="${BASELINE_REV:-84b5383}"
CORPUS="${MODELGEN_BENCH_CORPUS:-$ROOT/../shared/corpus}"
SDK_PAGES="${MODELGEN_BENCH_SDK_PAGES:-$ROOT/../shared/sdk-pages}"
ALL_FOLDERS="dub-go dub-go-2024-06 dub-php dub-php-2024-06 dub-python dub-python-2024-06 dub-ts dub-ts-2024-06 clerk-csharp clerk-ruby glean-java mistral-python mistral-ts"
read -r -a FOLDERS <<<"${BENCH_FOLDERS:-$ALL_FOLDERS}"
read -r -a PROFILES <<<"${BENCH_PROFILES:-release debug}"
JOBS="${JOBS:-2}"
WORK="$ROOT/target/bench-emitter"
BIN="$WORK/bin"
RESULTS="$ROOT/target/bench-results/emitter"
export CARGO_TARGET_DIR="$WORK/target"
export CARGO_TERM_COLOR=never
unset RUSTC_WRAPPER || true

step() { echo "bench-emitter: $*" >&2; }
die() { echo "bench-emitter: $*" >&2; exit 1; }

command -v valgrind >/dev/null ||
  die "valgrind is missing (Debian: apt-get update && apt-get install -y valgrind)"
command -v git >/dev/null || die "git is missing"
for profile in "${PROFILES[@]}"; do
  case "$profile" in release | debug) ;; *) die "unknown profile $profile (release or debug)" ;; esac
done
folder_dir() {
  if [ -d "$CORPUS/$1" ]; then echo "$CORPUS/$1"
  elif [ -d "$SDK_PAGES/$1" ]; then echo "$SDK_PAGES/$1"
  else die "no folder $1 under $CORPUS or $SDK_PAGES"
  fi
}
for name in "${FOLDERS[@]}"; do folder_dir "$name" >/dev/null; done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/bench-emitter.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
rm -rf "$RESULTS"
mkdir -p "$RESULTS/callgrind" "$RESULTS/typify" "$BIN" "$TMP/schemas" "$TMP/typify-in" "$TMP/out"
started="$(date +%s)"
{
  echo "started=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
  echo "baseline=$BASELINE_REV"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RESULTS/machine.txt"

# ----- the baseline source -----
rev="$(git rev-parse --verify --quiet "$BASELINE_REV^{commit}")" ||
  die "commit $BASELINE_REV is not in this repository (a shallow clone? git fetch --unshallow)"
BASE_SRC="$WORK/baseline-src"
if [ "$(cat "$BASE_SRC/.rev" 2>/dev/null)" != "$rev" ]; then
  step "extracting $BASELINE_REV into $BASE_SRC"
  rm -rf "$BASE_SRC"
  mkdir -p "$BASE_SRC"
  git archive --format=tar "$rev" | tar -x -C "$BASE_SRC"
  echo "$rev" >"$BASE_SRC/.rev"
fi

# ----- builds (one target folder: the dependencies are shared; each binary is copied out) -----
# $1 = manifest, $2 = package, $3 = binary, $4 = name in $BIN
build() {
  local profile
  for profile in "${PROFILES[@]}"; do
    step "building $4 ($profile)"
    if [ "$profile" = release ]; then
      cargo build -q --release --manifest-path "$1" -p "$2" --bin "$3"
    else
      cargo build -q --config profile.dev.debug=false --manifest-path "$1" -p "$2" --bin "$3"
    fi
    cp "$CARGO_TARGET_DIR/$profile/$3" "$BIN/$4-$profile"
  done
}
build "$BASE_SRC/Cargo.toml" modelgen modelgen baseline
build "$ROOT/Cargo.toml" modelgen modelgen current
build "$ROOT/bench/typify-harness/Cargo.toml" typify-harness typify-harness typify
VARIANTS=(baseline current)
help="$("$BIN/current-${PROFILES[0]}" --help 2>&1 || true)"
if grep -q -- --unformatted <<<"$help"; then
  VARIANTS+=(current-unformatted)
else
  step "the current CLI has no --unformatted: that column is left out"
fi
VARIANTS+=(typify)
awk '/^name = / {n = $3; gsub(/"/, "", n)} /^version = / {v = $3; gsub(/"/, "", v);
  if (n ~ /^(typify|typify-impl|prettyplease|syn|quote|proc-macro2)$/) print n "=" v}' \
  "$ROOT/bench/typify-harness/Cargo.lock" "$ROOT/Cargo.lock" | sort -u >"$RESULTS/versions.txt"

# ----- typify's input: the published bundle, references made local -----
step "publishing schemas and preparing typify's input"
for name in "${FOLDERS[@]}"; do
  "$BIN/baseline-${PROFILES[0]}" generate "$(folder_dir "$name")" --schemas "$TMP/schemas/$name" \
    >/dev/null 2>&1 || die "modelgen@$BASELINE_REV generate $(folder_dir "$name") failed"
  if ! "$BIN/typify-${PROFILES[0]}" prepare "$TMP/schemas/$name/bundle.schema.json" \
    "$TMP/typify-in/$name.json" >"$RESULTS/typify/$name.txt" 2>&1; then
    step "typify refuses $name whole (see $RESULTS/typify/$name.txt): no typify figures for it"
  fi
done

# ----- callgrind -----
jobs="$RESULTS/callgrind/jobs.txt"
: >"$jobs"
for name in "${FOLDERS[@]}"; do
  dir="$(folder_dir "$name")"
  for profile in "${PROFILES[@]}"; do
    for variant in "${VARIANTS[@]}"; do
      out="$TMP/out/$variant.$profile.$name.rs"
      case "$variant" in
        baseline | current) echo "$variant $profile $name $BIN/$variant-$profile generate $dir --rust $out" ;;
        current-unformatted) echo "$variant $profile $name $BIN/current-$profile generate $dir --rust $out --unformatted" ;;
        typify)
          [ -f "$TMP/typify-in/$name.json" ] &&
            echo "$variant $profile $name $BIN/typify-$profile generate $TMP/typify-in/$name.json $out"
          ;;
      esac
    done
  done >>"$jobs"
done
step "callgrind: $(wc -l <"$jobs") runs, $JOBS at a time (debug builds are slow under callgrind)"
export RESULTS
# shellcheck disable=SC2016
xargs -P "$JOBS" -L 1 bash -c '
  variant="$0" profile="$1" name="$2"; shift 2
  out="$RESULTS/callgrind/$variant.$profile.$name.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$out.log" ||
    { echo "bench-emitter: callgrind $variant $profile $name failed:" >&2; tail -5 "$out.log" >&2; exit 255; }
' <"$jobs"

if [ "${FORMAT_COST:-0}" = 1 ]; then
  : >"$jobs.format"
  for name in "${FOLDERS[@]}"; do
    for profile in "${PROFILES[@]}"; do
      rust="$TMP/out/baseline.$profile.$name.rs"
      echo "lex $profile $name $BIN/typify-$profile lex $rust"
      echo "reformat $profile $name $BIN/typify-$profile reformat $rust $TMP/out/reformat.$profile.$name.rs"
    done
  done >>"$jobs.format"
  step "callgrind: $(wc -l <"$jobs.format") runs of lex and reformat on the baseline's Rust"
  # shellcheck disable=SC2016
  xargs -P "$JOBS" -L 1 bash -c '
    variant="$0" profile="$1" name="$2"; shift 2
    out="$RESULTS/callgrind/$variant.$profile.$name.out"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$out.log" ||
      { echo "bench-emitter: callgrind $variant $profile $name failed:" >&2; tail -5 "$out.log" >&2; exit 255; }
  ' <"$jobs.format"
fi

# ----- the table -----
count() {
  local file="$RESULTS/callgrind/$1.$2.$3.out"
  if [ -f "$file" ]; then grep -E '^(summary|totals):' "$file" | head -1 | awk '{print $2}'; else echo -; fi
}
size() { if [ -f "$TMP/out/$1.$2.$3.rs" ]; then wc -c <"$TMP/out/$1.$2.$3.rs"; else echo -; fi; }
has_unformatted=0
[[ " ${VARIANTS[*]} " == *" current-unformatted "* ]] && has_unformatted=1
{
  printf '| folder | pages | typify refuses | profile | baseline (text emitter) | current | current ÷ baseline'
  [ "$has_unformatted" = 1 ] && printf ' | current, unformatted | unformatted ÷ baseline'
  printf ' | typify | current ÷ typify (target < 1) | Rust bytes: baseline / current / typify | same Rust as baseline |'
  [ "${FORMAT_COST:-0}" = 1 ] && printf ' parse2 + prettyplease on the baseline'"'"'s Rust (reformat − lex) | (baseline + that) ÷ typify |'
  printf '\n| --- | ---: | ---: | --- | ---: | ---: | ---: |'
  [ "$has_unformatted" = 1 ] && printf ' ---: | ---: |'
  printf ' ---: | ---: | ---: | --- |'
  [ "${FORMAT_COST:-0}" = 1 ] && printf ' ---: | ---: |'
  printf '\n'
  for profile in "${PROFILES[@]}"; do
    for name in "${FOLDERS[@]}"; do
      dir="$(folder_dir "$name")"
      pages="$(find "$dir" -name '*.md' | wc -l)"
      refused="$(awk '/^refused / {r = $2} /^defs / {d = $2} END {if (d == "") print "?"; else print r " of " d}' "$RESULTS/typify/$name.txt")"
      grep -q '^unreadable' "$RESULTS/typify/$name.txt" && refused="all ($refused alone)"
      same=no
      cmp -s "$TMP/out/baseline.$profile.$name.rs" "$TMP/out/current.$profile.$name.rs" && same=yes
      awk -v n="$name" -v p="$pages" -v r="$refused" -v prof="$profile" -v u="$has_unformatted" \
        -v b="$(count baseline "$profile" "$name")" -v c="$(count current "$profile" "$name")" \
        -v cu="$(count current-unformatted "$profile" "$name")" -v t="$(count typify "$profile" "$name")" \
        -v sb="$(size baseline "$profile" "$name")" -v sc="$(size current "$profile" "$name")" \
        -v st="$(size typify "$profile" "$name")" -v same="$same" -v fc="${FORMAT_COST:-0}" \
        -v lx="$(count lex "$profile" "$name")" -v rf="$(count reformat "$profile" "$name")" '
        function m(x) { return x == "-" ? "-" : (x >= 1e9 ? sprintf("%.2f G", x / 1e9) : sprintf("%.1f M", x / 1e6)) }
        function ratio(x, y) { return (x == "-" || y == "-" || y == 0) ? "-" : sprintf("%.2f×", x / y) }
        function mb(x) { return x == "-" ? "-" : sprintf("%.2f", x / 1e6) }
        BEGIN {
          printf "| %s | %d | %s | %s | %s | %s | %s |", n, p, r, prof, m(b), m(c), ratio(c, b)
          if (u == 1) printf " %s | %s |", m(cu), ratio(cu, b)
          printf " %s | %s | %s / %s / %s MB | %s |", m(t), ratio(c, t), mb(sb), mb(sc), mb(st), same
          if (fc == 1) {
            f = (lx == "-" || rf == "-") ? "-" : rf - lx
            printf " %s | %s |", m(f), (f == "-" || b == "-") ? "-" : ratio(b + f, t)
          }
          printf "\n"
        }'
    done
  done
} | tee "$RESULTS/table.md"
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/machine.txt"
echo "finished=$(date -u '+%Y-%m-%d %H:%M UTC')" >>"$RESULTS/machine.txt"
step "done in $(($(date +%s) - started)) s; raw results in $RESULTS"
