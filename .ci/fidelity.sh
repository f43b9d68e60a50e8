#!/usr/bin/env bash
# Fidelity to the true API: each page folder with an OpenAPI document in ../shared/truth is
# generated and compared with it, property by property. Prints per folder the share of
# page-carried facts recovered, the count of facts the pages cannot carry, and every misread.
# Every misread is either explained in fidelity/src/main.rs (why the pages lead there) or fails
# the step; so does an explanation for a misread that no longer happens, and a folder that does
# not generate.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/truth ]; then
  echo "notice: ../shared/truth is absent; skipping the fidelity check"
  exit 0
fi

cargo run -q -p modelgen-fidelity -- "$PWD"
