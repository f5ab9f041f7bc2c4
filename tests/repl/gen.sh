#!/usr/bin/env bash
# Regenerates the expected REPL outputs from Node: tests/repl/NAME.in is piped into
# the reference Node 24's `node -i` (../shared/reference-node/node, or $NODE) and the output, minus the banner's first line, is saved as NAME.out.
# Run from the repository root: bash tests/repl/gen.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
for f in tests/repl/*.in; do
  env -u FORCE_COLOR -u NO_COLOR -u NODE_DISABLE_COLORS "${NODE:-../shared/reference-node/node}" -i < "$f" 2>&1 | tail -n +2 > "${f%.in}.out"
done
