#!/usr/bin/env bash
# Fidelity to the true API: each page folder with an OpenAPI document in ../shared/truth is
# generated and compared with it, property by property. Prints per folder the share of
# page-carried facts recovered, the count of facts the pages cannot carry, and every misread.
# Misreads are listed; they fail the step only in a folder that had none (dub-ts), and a
# folder that does not generate fails it too.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/truth ]; then
  echo "notice: ../shared/truth is absent; skipping the fidelity check"
  exit 0
fi

cargo run -q -p modelgen-fidelity -- "$PWD"
