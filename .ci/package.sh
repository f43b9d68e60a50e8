#!/usr/bin/env bash
# Checks that the two published crates, modelgen-runtime and modelgen, are ready for crates.io:
#
#   1. their metadata is complete (description, license, readme, keywords, categories,
#      documentation, rust-version, docs.rs settings) and every other workspace member has
#      `publish = false`;
#   2. `cargo package --list` holds what each crate needs (Cargo.toml, README.md, src/lib.rs,
#      and src/main.rs for the command line) and nothing it should not (tests/fixtures,
#      snapshots, target/, packaged crates);
#   3. both crates package and build from their packaged sources, together: cargo packages
#      modelgen-runtime first and resolves modelgen's dependency on it from the freshly
#      packaged file, so modelgen verifies before modelgen-runtime is on crates.io. When
#      crates.io cannot be reached, verification uses the index cached by the workspace's own
#      build (--offline), and only when that cannot resolve the dependencies either are the
#      crates packaged without the verifying build (--no-verify), with a notice;
#   4. the packaged modelgen depends on modelgen-runtime by version, with no path left, and no
#      packaged file is large.
#
# Packaging refuses uncommitted changes in the two crates' folders (as publishing does); CI
# runs on a clean clone.
set -euo pipefail
cd "$(dirname "$0")/.."

crates=(modelgen-runtime modelgen)
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
mkdir -p "$target_dir"

echo "-- metadata"
metadata="$target_dir/package-metadata.json"
cargo metadata --format-version 1 --no-deps >"$metadata"
python3 - "$metadata" <<'EOF'
import json
import sys

published = {"modelgen", "modelgen-runtime"}
with open(sys.argv[1], encoding="utf-8") as file:
    metadata = json.load(file)
problems = []
for package in metadata["packages"]:
    name = package["name"]
    if name not in published:
        if package["publish"] != []:
            problems.append(f"{name}: not a published crate, but it lacks `publish = false`")
        continue
    for key in ("description", "license", "readme", "rust_version"):
        if not package.get(key):
            problems.append(f"{name}: `{key}` is not set")
    for key in ("keywords", "categories"):
        if not 1 <= len(package[key]) <= 5:
            problems.append(f"{name}: wants 1 to 5 {key}, has {package[key]}")
    if package.get("documentation") != f"https://docs.rs/{name}":
        problems.append(f"{name}: documentation is {package.get('documentation')!r}")
    if "rs" not in ((package.get("metadata") or {}).get("docs") or {}):
        problems.append(f"{name}: no [package.metadata.docs.rs]")
    if package["publish"] is not None:
        problems.append(f"{name}: publish is restricted to {package['publish']}")
    for dependency in package["dependencies"]:
        local = dependency.get("path") and dependency["kind"] in (None, "build")
        if local and dependency["req"] == "*":
            problems.append(f"{name}: the path dependency {dependency['name']} has no version")
for problem in problems:
    print(f"error: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
echo "published: modelgen-runtime, modelgen; every other member has publish = false"

echo "-- file lists"
for crate in "${crates[@]}"; do
  list=$(cargo package --list -p "$crate")
  required=(Cargo.toml README.md src/lib.rs)
  if [ "$crate" = modelgen ]; then
    required+=(src/main.rs)
  fi
  for file in "${required[@]}"; do
    if ! grep -qxF "$file" <<< "$list"; then
      echo "error: the package of $crate lacks $file; it holds:" >&2
      echo "$list" >&2
      exit 1
    fi
  done
  stray=$(grep -E '^(tests/(fixtures|expected)/|target/|generated/|spec/)|\.crate$' <<< "$list" || true)
  if [ -n "$stray" ]; then
    echo "error: the package of $crate holds files it should not:" >&2
    echo "$stray" >&2
    exit 1
  fi
  echo "$crate: $(wc -l <<< "$list") files"
done

echo "-- package and verify"
log="$target_dir/package.log"
# Verification builds modelgen against the runtime just packaged, served from a temporary local
# registry under target/package. Cargo extracts a registry's crates once per name and version
# into $CARGO_HOME/registry/src/<registry>/ and reuses that copy afterwards, so a second run in
# the same checkout would build against the runtime as it was packaged the first time. Local
# registries' folders start with `-` (crates.io's is `index.crates.io-...`); drop their copies.
# Cargo also keeps a registry crate's build as fresh whatever its source became, so the
# verifying builds get a target folder of their own, emptied first.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/modelgen-runtime-*
export CARGO_TARGET_DIR="$target_dir/package-verify"
rm -rf "$CARGO_TARGET_DIR"
status=0
cargo package -p modelgen-runtime -p modelgen >"$log" 2>&1 || status=$?
network='(failed to (download|get|query|fetch|update)|Couldn.t resolve|could not resolve|timed out|network|spurious|failed to load source)'
if [ "$status" != 0 ] && grep -E '^(error|Caused by|  )' "$log" | grep -qiE "$network"; then
  # The registry could not be reached. Verification resolves the packaged crates' dependencies
  # in the crates.io index, which the workspace's own build has already cached: retry offline.
  echo "notice: crates.io was not reachable; verifying with the cached index (--offline)"
  status=0
  cargo package --offline -p modelgen-runtime -p modelgen >"$log" 2>&1 || status=$?
  if [ "$status" != 0 ] && grep -E '^(error|Caused by|  )' "$log" | grep -qiE "$network|offline"; then
    # Neither the registry nor the cache can resolve the dependencies: the packages are built
    # without the verifying build; the file checks above and below still run.
    echo "notice: the dependencies cannot be resolved offline either; packaging with --no-verify"
    status=0
    cargo package --no-verify -p modelgen-runtime -p modelgen >"$log" 2>&1 || status=$?
  fi
fi
if [ "$status" != 0 ]; then
  cat "$log" >&2
  echo "error: \`cargo package -p modelgen-runtime -p modelgen\` failed" >&2
  exit 1
fi
grep -E '^ *(Packaged|Verifying) ' "$log"

echo "-- packaged contents"
version_of() {
  python3 - "$metadata" "$1" <<'EOF'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    packages = json.load(file)["packages"]
print(next(p["version"] for p in packages if p["name"] == sys.argv[2]))
EOF
}
for crate in "${crates[@]}"; do
  version=$(version_of "$crate")
  file="$CARGO_TARGET_DIR/package/$crate-$version.crate"
  size=$(wc -c < "$file")
  if [ "$size" -gt $((1024 * 1024)) ]; then
    echo "error: $file is $size bytes; something large was packaged" >&2
    exit 1
  fi
  large=$(tar -tvzf "$file" | awk '$3 > 262144 { print $3, $6 }')
  if [ -n "$large" ]; then
    echo "error: $file holds files over 256 KiB:" >&2
    echo "$large" >&2
    exit 1
  fi
  if tar -xOzf "$file" "$crate-$version/Cargo.toml" | grep -qE '^path = "\.\./'; then
    echo "error: the packaged Cargo.toml of $crate still names a path dependency" >&2
    exit 1
  fi
  echo "$crate $version: $size bytes"
done
version=$(version_of modelgen)
if ! tar -xOzf "$CARGO_TARGET_DIR/package/modelgen-$version.crate" "modelgen-$version/Cargo.toml" \
  | grep -A2 -F '[dependencies.modelgen-runtime]' | grep -qE '^version = "'; then
  echo "error: the packaged modelgen does not depend on modelgen-runtime by version" >&2
  exit 1
fi
echo "-- the crates are ready to publish"
